"""Lines that read like attributions but state nothing (issue 9: the speakerless statements left on real pages).
Fictional sentences through the real parse; each rule was measured on PolNeAR train (no matched pair lost)."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, cues, extract, one


@pytest.mark.parametrize("text, cue", [
    # an instruction to the reader
    ("To urge your councillor to vote for the harbor plan and back the Port Ellis Gazette's Save Our Pier "
     "campaign, click this blue box and paste in their email address from the list below.", "urge"),
    ("To urge your councillor to vote for the harbor plan, click this blue box and paste in their address.",
     "urge"),
    # a way to say something, which nobody says
    ("Is there any objective way to say that some harbors are busier than others?", "say"),
    # a measure that predicts, not a forecast
    ("There is a single statistical factor for a crew that predicts how well the crew will do on a wide range "
     "of tasks.", "predicts"),
    # a name
    ("Because this factor is called seamanship for sailors, we gave every crew the same test.", "called"),
])
def test_not_a_statement(rules, text, cue):
    assert cue not in cues(extract(rules, text))


@pytest.mark.parametrize("text, cue", [
    # what the rules keep beside them (PolNeAR marks these)
    ("Mara Vell said that the harbor fees would double next year.", "said"),
    ("Tomas Brand went out of his way to say that the pier was safe.", "say"),
    ("The study found that the harbor fees had doubled since 2010.", "found"),
    ("Forecasters at the Port Ellis Weather Office predicted that the storm would reach the coast by Friday.",
     "predicted"),
    ("The mayor has been called a friend of the fishermen by Tomas Brand.", "called"),
    ("To show that the pier is safe, the council said it would publish the survey.", "said"),
])
def test_statements_beside_them_stay(rules, text, cue):
    assert cue in cues(extract(rules, text))


def test_a_thing_predicted_by_a_measure_is_no_forecast(rules):
    """The tagger's find on a real page ('a factor … that was mostly predicted by the average intelligence'): the
    learned candidates pass the same check (attribution._from_candidate), so it is tested on the cue itself."""
    from claimgraph.attribution.reported import not_a_statement

    doc = rules.nlp("We looked for a factor for crews that was mostly predicted by the average skill of the crew "
                    "members, the better the sailors, the better the crew.")
    assert not_a_statement(next(t for t in doc if t.lower_ == "predicted"))
    doc = rules.nlp("Forecasters predicted that the storm would reach the coast by Friday.")
    assert not not_a_statement(next(t for t in doc if t.lower_ == "predicted"))


def test_a_clause_after_a_dash_is_not_what_was_found(rules):
    """'The tool was found on … beach—carbon dating showed …' (a real page gave 'carbon dating showed …' as the
    finding): the clause set off by the dash is a sentence of its own; a that-clause finding stays one."""
    from claimgraph.attribution.reported import found_thing

    doc = rules.nlp("The tool was found on Vellmar beach near Port Ellis prior to the arrival of modern humans—carbon "
                    "dating showed it to be approximately 50,000 years old.")
    assert found_thing(next(t for t in doc if t.lower_ == "found"))
    doc = rules.nlp("The survey found that the harbor fees had doubled since 2010.")
    assert not found_thing(next(t for t in doc if t.lower_ == "found"))


@pytest.mark.parametrize("text, cue", [
    # weighing a question or a course: no opinion held
    ("The harbor board set out to consider how crews solve problems at sea.", "consider"),
    # acquiring a skill
    ("As computers learn to recognize ships in fog, the cost of power grows.", "learn"),
    # a possibility in a wh-clause, and a thing that would show something
    ("The article helps me understand why people might question the results of the ferry vote.", "question"),
    (("The letter “Is Tarn headed to a recount?” (Page B1, Jan. 15) regarding “voters confusion about everything "
     "from the results of certain races to the future of the ferry vote” helps me understand why people might "
     "question election results."), "question"),
    ("The dish could detect ripples that would reveal the passing of long waves through the cloud.", "reveal"),
    # a belief wished on others
    ("They want us to believe they can predict harbor temperatures for the next century.", "believe"),
    # a picture showing only a name
    ("The vertical lines show what statisticians call the standard error of the estimate for each crew.", "show"),
])
def test_a_cue_that_reports_no_statement_is_left_out(rules, text, cue):
    assert cue not in cues(extract(rules, text)), [(a.cue, a.content) for a in extract(rules, text)]


@pytest.mark.parametrize("text, cue", [
    ("The harbor board considers the new timetable reckless and costly.", "considers"),  # an opinion
    ("Tarn is considering issuing fines to drivers who block the pier.", "considering"),  # a course weighed
    ("The crowd cheered as they learned their candidate had won the ferry vote.", "learned"),  # news relayed
    ("“It is a sign of anger,” Vell said, citing low growth and the rising cost of ferry fares.", "citing"),
    ("Ms Vell, citing “the quiet magic of the harbor,” said the ferry could win back riders.", "citing"),
    ("Vell dismissed what she called a witch hunt by the council.", "dismissed"),  # a dispute
    ("Vell railed against what she calls the harbor cartel.", "calls"),  # a name that judges
])
def test_an_opinion_or_a_statement_of_the_same_words_stays(rules, text, cue):
    assert cue in cues(extract(rules, text)), [(a.cue, a.content) for a in extract(rules, text)]


def test_a_statement_beside_a_name_shown_stays(rules):
    found = extract(rules, "Vell dismissed what she called a witch hunt by the council, and said the pier would stay "
                           "open.")
    assert {"dismissed", "said"} <= set(cues(found))


def test_a_cited_source_is_no_statement_but_the_note_is(rules):
    found = extract(rules, "Citing the Norland Fire Database, the agency noted that 400 fires had burned this month.")
    assert "citing" not in cues(found)
    assert one(found, "noted").content == "that 400 fires had burned this month"


def test_what_a_video_shows_is_a_scene_not_a_statement(rules):
    """'went viral after video allegedly showed the teacher …': a picture's scene (`unsaid.scene_shown`)."""
    text = ("The story of teacher Mara Velt went viral after video allegedly showed the 26-year-old dancing on a "
            "table at her school in the town of Quillmoor.\n")
    assert "showed" not in cues(rules, text)


def test_a_video_showing_a_scene_is_not_a_statement(rules):
    """'after video allegedly showing the two dancing leaked': the participle on the noun (`scene_shown`)."""
    text = "The story went viral after video allegedly showing the two dancing on the harbor wall leaked.\n"
    assert "showing" not in cues(rules, text)


def test_what_footage_shows_with_that_is_kept(rules):
    """'the footage shows that the guard was asleep': a finding, with its "that", stays."""
    text = "The footage shows that the guard at the Quillmoor depot was asleep when the van left.\n"
    assert "the guard at the Quillmoor depot was asleep" in by_cue(extract(rules, text), "shows").content


@pytest.mark.parametrize("line", [
    "READ MORE: Mayor says the Port Ellis bridge will reopen in May",
    "Related: Harbor board says the ferry lost money again",
    "Watch: Vell tells the council that the cranes are idle",
    "EXCLUSIVE HARBOR: Officials say the channel is too shallow for ferries",
])
def test_link_and_label_lines_are_never_attributions(extractor, line):
    text = f"The harbor board met on Tuesday.\n\n{line}\n\nOwen Talbot said the port lost money in June."
    found = extract(extractor, text)
    assert [a.cue for a in found] == ["said"]


@pytest.mark.parametrize("label", ["UPDATE", "CORRECTION", "EDITOR'S NOTE"])
def test_a_writers_note_line_keeps_what_is_said_in_it(rules, label):
    """'UPDATE: False alarm! … "The ferry is safe in the dock where it belongs," Keel said …': the writer's note
    opens a line of prose, not another page's headline; its quotation and its reported clause stay."""
    text = (f"The harbor board met on Tuesday.\n\n{label}: False alarm! The Port Ellis Courier has confirmed that the "
            "ferry is safe. \"The ferry is safe in the dock where it belongs,\" Ivo Keel said in a short statement."
            "\n")
    found = extract(rules, text)
    assert by_cue(found, "said").content == "The ferry is safe in the dock where it belongs,"
    assert by_cue(found, "confirmed").content == "that the ferry is safe"


@pytest.mark.parametrize("text", [
    "Ilse Marr claims gold in the harbor regatta on Sunday.",
    "The court denied bail to the captain of the ferry.",
    "Divers found the wreck lying on its side near the harbor mouth.",
    "Vell called the police while on her way to the harbor.",
    "Mara Vell called the Northgate Harbor Office about the ferry on Friday.",
    # one's own people phoned, the parse taking them for a name given ("called his boss")
    "Upset, Orrin Kade called his girlfriend and his brother to tell them what happened.",
])
def test_results_and_things_found_are_not_statements(extractor, text):
    assert extract(extractor, text) == []


@pytest.mark.parametrize("text, content", [
    ("Others have called the harbor keeper 'The Tide Whisperer'.", "the harbor keeper 'The Tide Whisperer'"),
    ("In a statement, Orla Brenn's father, Emil, calls his son “a good friend of Tarn and the Tarnish people” and "
     "asks for his safe release.", "his son “a good friend of Tarn and the Tarnish people”"),
])
def test_a_quoted_name_given_is_still_a_statement(rules, text, content):
    assert by_cue(extract(rules, text), "calls" if "calls" in text else "called").content == content


def test_a_finding_is_still_a_statement(extractor):
    text = "The harbor study found that the ferry lost money. Talbot denied that the ferry lost money."
    assert [a.cue for a in extract(extractor, text)] == ["found", "denied"]


@pytest.mark.parametrize("text", [
    "The fever epidemic has claimed thousands of lives in the Tarsian provinces of Kessel and Dunmore.",
    "The storm has claimed hundreds of lives across the northern provinces of Tarsia since Monday.",
])
def test_a_toll_claimed_is_no_claim(rules, text):
    """'has claimed thousands of lives': a toll taken, nothing said (`cues.is_result_not_statement`: the thing a count
    counts, `cues.LIVES`)."""
    assert not [a for a in extract(rules, text) if a.cue == "claimed"]


@pytest.mark.parametrize("text", [
    "Ansel Marr claimed victory in the harbor vote.",  # saying one won
    "The Harbor Front claimed responsibility for the blast.",  # saying one did it
])
def test_a_victory_or_a_deed_claimed_stays(rules, text):
    assert [a for a in extract(rules, text) if a.cue == "claimed"]


@pytest.mark.parametrize("text, cue", [
    ("Additionally, Talbot lost his parents' condo and found himself jobless and homeless on the street.", "found"),
    ("Mara Vell has also found herself one of the most popular girls at the Kessel school.", "found"),
])
def test_finding_oneself_somewhere_is_no_finding(rules, text, cue):
    """'found himself jobless': a state come to, not a finding (`statements.found_thing`)."""
    assert cue not in cues(rules, text)


@pytest.mark.parametrize("text, cue", [
    ("He said only the Central Laboratory of Tarn has the ability to confirm cases of the fever.", "confirm"),
    ("Ansel Marr told the Courier that Kessel simply doesn't have the technology available to confirm a case of "
     "the fever.", "confirm"),
])
def test_a_means_to_confirm_is_no_statement(rules, text, cue):
    """'has the ability to confirm cases': what could be done, nobody confirming (`statements.CAPACITIES`)."""
    assert cue not in cues(rules, text)
