"""Which words are cues: verbs and nouns of saying that report a statement ("declined to comment", "made clear",
"described as", a statement noun with a that-clause) and their look-alikes that report none ("call it a name", "the
fact that", a phone call, a due claimed). Fictional sentences through the real parse, rules only (or the whole
`extractor`, where a test takes it); each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, cues, cues_found, extract, found, only_by_cue

# --- an order to name a thing ----------------------------------------------------------------------------------------

def test_call_it_a_name_is_no_statement(rules):
    assert "call" not in cues(rules, "Call it a harbor fetish."), found(rules, "Call it a harbor fetish.")


def test_someone_who_calls_it_a_name_stays(rules):
    assert ("called", "it a harbor fetish") in found(rules, "Tarn Vell called it a harbor fetish."), \
        found(rules, "Tarn Vell called it a harbor fetish.")


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell asked the harbor board to reopen the old ferry pier before the summer.", "asked",
     "the harbor board to reopen the old ferry pier before the summer"),
    ("Ansel Marr called on the council and the mayor to release the report.", "called",
     "the council and the mayor to release the report"),
    ("Talbot is calling for the port authority to take a stronger role in the dispute.", "calling",
     "the port authority to take a stronger role in the dispute"),
])
def test_a_request_is_its_object_and_infinitive(rules, text, cue, content):
    found = cues_found(rules, text)
    assert found[cue].content == content
    assert found[cue].source_span is not None


def test_telling_someone_to_go_is_left_out(rules):
    assert "told" not in cues_found(rules, "Mara Vell told Ansel Marr to get on a plane and go home.")


@pytest.mark.parametrize("text, content", [
    ("Mara Vell made it clear on Tuesday that she will not give up the harbor seat.",
     "that she will not give up the harbor seat"),
    ("Ansel Marr has made clear he will fight the ferry closure in court.", "he will fight the ferry closure in court"),
    ("Talbot tried to make the case that the port cannot survive another winter.",
     "that the port cannot survive another winter"),
])
def test_making_clear_or_making_the_case_is_a_statement(rules, text, content):
    found = [a for a in cues_found(rules, text).values() if a.cue.startswith("made") or a.cue == "make"]
    assert len(found) == 1 and found[0].content == content and found[0].source_span is not None


def test_making_a_case_for_someone_is_not_a_that_clause(rules):
    found = cues_found(rules, "The former mayor made a good case for Vell, while other voters stayed with Marr.")
    assert "made" not in found


@pytest.mark.parametrize("text, cue, content", [
    ("Asked if Vell is ready to lead the harbor board, 72 percent of the island voters said yes.", "said", "yes"),
    ("Six in 10 island voters say Marr is honest, and three-quarters said the same of Vell.", "said",
     "the same of Vell"),
])
def test_a_short_answer_after_say_is_what_was_said(rules, text, cue, content):
    found = cues_found(rules, text)[cue]
    assert found.content == content and found.source_span is not None


def test_saying_no_to_something_is_not_the_answer_no(rules):
    found = cues_found(rules, "Mara Vell said no to the ferry closure.")
    assert "said" not in found or found["said"].content != "no"


def test_knowing_is_no_cue(rules):
    # "know" was right two times in three on PolNeAR train, but none of its three finds on the real pages was a
    # statement (a hypothetical "someone who knows …", "no one knows …", "let me know"): left out of the lexicon.
    assert extract(rules, "Anyone who knows the harbor well can find the old pier at night.") == []


# -- a noun phrase said, noted, recalled ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell recalled the long winter when the ferry stopped running.", "recalled",
     "the long winter when the ferry stopped running"),
    ("The inspectors noted the poor state of the pier's wooden supports.", "noted",
     "the poor state of the pier's wooden supports"),
    ("Ansel Marr stressed the importance of the ferry for island families.", "stressed",
     "the importance of the ferry for island families"),
])
def test_a_reporting_verb_takes_a_noun_phrase_object(rules, text, cue, content):
    assert only_by_cue(extract(rules, text), cue).content == content


# -- "whom X described as Y": PolNeAR marks the whole relative clause --------------------------------------------------

@pytest.mark.parametrize("text, content", [
    ('Observers walked with the marchers, whom Ansel Marr described as "peaceful," along the whole route.',
     'whom Ansel Marr described as "peaceful,"'),
    ('The listing was pulled before bidding began on what Ansel Marr described as a "piece of harbor history."',
     'what Ansel Marr described as a "piece of harbor history."'),
])
def test_a_relative_described_as_is_found(rules, text, content):
    found = only_by_cue(extract(rules, text), "described")
    assert found.content == content
    assert found.speaker is not None and found.speaker.name == "Ansel Marr"


def test_describe_with_its_object_after_it_is_unchanged(rules):
    text = "Mara Vell described the old pier as unsafe for the summer crowds."
    found = only_by_cue(extract(rules, text), "described")
    assert found.content == "the old pier as unsafe for the summer crowds"


@pytest.mark.parametrize("text,cue,source,content,cue_class", [
    ("Talbot's claim that the port lost money in June was false.", "claim", "Talbot",
     "that the port lost money in June", "assert"),
    ("Officials voiced fears that the Port Ellis bridge would close in winter.", "fears", "Officials",
     "that the Port Ellis bridge would close in winter", "think"),
])
def test_a_statement_or_belief_noun_with_a_that_clause_is_an_attribution(rules, text, cue, source, content,
                                                                          cue_class):
    found = cues_found(rules, text)
    assert found[cue].content == content
    assert found[cue].cue_class == cue_class
    assert source in text[slice(*found[cue].source_span)]


@pytest.mark.parametrize("text,cue,source,content", [
    ("Talbot's contention was that Vell is, in fact, courting the harbor vote.", "contention", "Talbot",
     "that Vell is, in fact, courting the harbor vote"),
    ("The defense has been that the mayor never saw the ferry contracts.", "defense", None,
     "that the mayor never saw the ferry contracts"),
    ("Ilse Marr's response was that the levy is unfair to the island towns.", "response", "Ilse Marr",
     "that the levy is unfair to the island towns"),
])
def test_a_statement_noun_that_is_a_that_clause_holds_it(rules, text, cue, source, content):
    """'X's contention was that …', 'The defense has been that …': the noun as the subject of "be"
    (`nominal._stated_as`)."""
    found = cues_found(rules, text)[cue]
    assert found.content == content
    assert (found.source_span is None) if source is None else source in text[slice(*found.source_span)]


@pytest.mark.parametrize("text", [
    "The point is far from the harbor road.",  # no that-clause: no statement
    "Talbot said the message was that the ferry would run late all summer.",  # held by Talbot's statement
    "My prediction is that the harbor levy will double by June.",  # the writer's own voice
    "The important takeaway point is that the Tarn ferry will need a new engine.",  # the writer's point
])
def test_a_statement_noun_before_is_that_needs_its_clause_and_no_outer_cue(rules, text):
    assert set(cues_found(rules, text)) <= {"said"}


def test_the_fact_that_is_nobodys_statement(rules):
    assert extract(rules, "The fact that the port lost money in June surprised nobody in Port Ellis.") == []


@pytest.mark.parametrize("text", [
    "At a rally that night, Vell called Talbot, a former county chairman, onto the stage.",
    "A group of comedians is performing a popular play called “Sons of Vell” in Port Ellis.",
])
def test_calling_someone_up_or_a_name_is_not_speech(rules, text):
    assert [a.cue for a in extract(rules, text) if a.cue == "called"] == []


@pytest.mark.parametrize("text", [
    "Vell garnered most of the convention’s pledged delegates after winning primaries in Port Ellis on Tuesday.",
    "Vell met the harbor board in order to show the ferry plan had broad support in Port Ellis.",
])
def test_adjectives_and_purposes_are_not_cues(rules, text):
    assert [a.cue for a in extract(rules, text) if a.cue in {"pledged", "show"}] == []


def test_declined_to_comment_is_an_attribution_with_its_infinitive_as_content(rules):
    found = cues_found(rules, "The Port Ellis harbor board declined to comment on the ferry plan.")
    assert found["declined"].content.startswith("to comment")
    assert found["declined"].source_span is not None


def test_declining_to_do_something_else_is_not_speech(rules):
    assert "declined" not in cues_found(rules, "Mara Vell declined to run for mayor of Port Ellis again.")


def test_set_off_participle_is_no_cue(rules):
    # "X's retirement — revealed just before the deadline — has roiled …": a modifier set off by dashes, which the
    # parser reads as the main verb with the predicate as its complement.
    text = ("Councillor Ada Brenn's sudden resignation — revealed just two days before the vote in Marlow County "
            "— has unsettled several members of the board who fear she planned it for a friend.")
    found = extract(rules, text)
    assert "revealed" not in cues(found)
    assert "fear" in cues(found)  # the real statement of the sentence stays


def test_phone_call_with_a_participle_is_no_statement(rules):
    text = "Channel 9 called the Marlow County Sheriff's Office asking questions about the break-in."
    assert "called" not in cues(extract(rules, text))


@pytest.mark.parametrize("text, cue", [
    ("Tenants could face a £50 fine if they fail to tell their landlords that they have been told to leave.",
     "tell"),
    ("The ban would also catch someone who omitted to mention that they had been in close contact with a "
     "neighbour.", "mention"),
])
def test_speech_not_done_in_a_condition_is_no_statement(rules, text, cue):
    assert cue not in cues(extract(rules, text))


def test_speech_not_done_by_someone_named_stays(rules):
    # "Vell failed to mention …", said of a named person, PolNeAR marks (negated speech)
    text = "In her speech, Ada Brenn failed to mention that the ferry contract had been cancelled twice."
    assert "mention" in cues(extract(rules, text))


@pytest.mark.parametrize("text, cue", [
    ("The rule is meant to ensure landlords cannot claim ignorance if a tenant is fined for a noisy party.",
     "claim"),
    ("The ferry company denied compensation to the passengers stranded in Port Ellis.", "denied"),
])
def test_claiming_or_denying_a_due_is_no_statement(rules, text, cue):
    # "claim ignorance", "denied compensation": a thing claimed or refused, not a claim or a denial
    assert cue not in cues(extract(rules, text))


def test_cue_verb_tagged_as_a_noun_with_a_that_clause(rules):
    # "The new regulations state that venues must not …": 'state' tagged a noun heading a sentence with no verb
    text = "The new bylaws state that boats must not moor overnight beside the Port Ellis ferry ramp."
    a = by_cue(extract(rules, text), "state")
    assert a.content.startswith("that boats must not moor overnight")
    assert text[a.source_span[0]:a.source_span[1]] == "The new bylaws"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_negated_cue_is_flagged_whatever_the_apostrophe(rules, apostrophe):
    # Web copy writes "didn’t" with a typographic apostrophe; the parse splits it off as "n’t" all the same, and the
    # record must say the cue is negated, or the content reads as the opposite of what was said.
    text = (f"Tomas Brill, the harbour master, didn{apostrophe}t think the ferry would be affected by the new "
            "timetable, according to people who spoke with him.")
    found = [a for a in extract(rules, text) if a.cue == "think"]
    assert found and all("negated" in a.flags for a in found), [(a.cue, a.content, a.flags) for a in found]


# Round 3 continued (H5): the kinds H2 left on the development pages.

def test_a_noun_phrase_after_that_is_no_clause_confirmed(rules):
    # "that thesis" is the subject of the sentence's only verb; nobody confirms anything
    assert "confirming" not in cues(extract(rules, "Evidence confirming that thesis is now everywhere in Tarn."))


def test_a_participle_with_a_real_that_clause_stays(rules):
    found = extract(rules, "Reports saying that the ferry is late were everywhere in Tarn on Monday.")
    assert "saying" in cues(found)


@pytest.mark.parametrize("text, verb, narrative", [
    ("Mara Vell made plans to meet the harbor board on Friday.", "made", True),
    ("Reyes was named captain of the harbor team on Tuesday.", "named", True),
    ("Mara Vell made the following comment about the ferry.", "made", False),
    ("Mara Vell said the ferry would stop in June.", "said", False),
])
def test_verbs_of_doing_are_not_cues_for_the_tagger(extractor, text, verb, narrative):
    from claimgraph.attribution.cues import is_narrative

    doc = extractor.nlp(text)
    assert is_narrative(next(t for t in doc if t.text == verb)) is narrative


@pytest.mark.parametrize("text,source,content", [
    ("The ferry union called for his dismissal.", "ferry union", "his dismissal"),
    ("The crowd at the Tarn pier called for change.", "crowd", "change"),
])
def test_calling_for_something_is_a_demand_of_it_however_short(rules, text, source, content):
    """'called for his dismissal': what the subject demanded, a statement of fewer than three words too
    (`speech._demand_made`)."""
    found = only_by_cue(extract(rules, text), "called")
    assert found.content == content
    assert source in text[slice(*found.source_span)]


@pytest.mark.parametrize("text,source,content", [
    ("Mara Tull of Port Ellis, the harbor party chairwoman, also expressed concern.", "Mara Tull", "concern"),
    ("Osric Vell has expressed concerns but has said he wants the ferry bill to pass.", "Osric Vell", "concerns"),
])
def test_a_feeling_expressed_is_a_stance_however_short(rules, text, source, content):
    """'also expressed concern.': a feeling expressed with nothing after it is the speaker's stance, under the
    three-word minimum too (`speech._feeling_voiced`)."""
    found = only_by_cue(extract(rules, text), "expressed")
    assert found.content == content
    assert source in text[slice(*found.source_span)]


def test_a_stance_voiced_with_no_feeling_stays_under_the_minimum(rules):
    assert "voiced" not in cues(rules, "Osric Vell voiced qualified support.")


@pytest.mark.parametrize("text,source,content", [
    ("Osric Vell has also called for doubling the caps on ferry permits.", "Osric Vell",
     "doubling the caps on ferry permits"),
    ("And Mara Tull called for denying entry to barges from ports with a record of spills.", "Mara Tull",
     "denying entry to barges from ports with a record of spills"),
])
def test_calling_for_a_gerund_phrase_is_a_demand_of_it(rules, text, source, content):
    """'called for doubling the caps': the gerund phrase, parsed as the preposition's clause, is the demand
    (`speech._gerund_demanded`)."""
    found = only_by_cue(extract(rules, text), "called")
    assert found.content == content
    assert source in text[slice(*found.source_span)]


@pytest.mark.parametrize("text", [
    "Owen Talbot would call for change.",  # a demand that might be made
    "Owen Talbot did not call for change.",  # refused
    "The Tarn seat was called for Vell.",  # a race called, nobody's demand
    "Mara Vell said she had called for change.",  # held by her statement
    "Owen Talbot called for help after the ferry capsized.",  # a cry for aid, not a demand
    "The harbor charter is often read as calling for that.",  # a pronoun: the demand is not said
])
def test_a_demand_not_made_or_held_by_a_statement_is_none(rules, text):
    assert not {"call", "called"} & set(cues(rules, text))


@pytest.mark.parametrize("text,cue,source,content", [
    ("Tarn's pledge last month to close the Port Ellis pier angered the ferry crews.", "pledge", "Tarn",
     "to close the Port Ellis pier"),
    ("Marr's recent call to ban the barges from the river drew a crowd.", "call", "Marr",
     "to ban the barges from the river"),
    ("Vell kept his promise to build a sea wall along the Harbor coast.", "promise", "his",
     "to build a sea wall along the Harbor coast"),
])
def test_an_owned_pledge_or_call_with_an_infinitive_is_an_attribution(rules, text, cue, source, content):
    """'X's pledge to …', 'his call to …': an undertaking or demand noun with a possessor and an infinitive
    (`nominal._pledged_to`)."""
    found = cues_found(rules, text)[cue]
    assert found.content == content
    assert source in text[slice(*found.source_span)]


@pytest.mark.parametrize("text", [
    "A promise to give $1 million to the Harbor fund was never kept.",  # no one's
    "The board's decision to close the Tarn pier angered the crews.",  # a deed, not a statement
    "Its pledge to reopen the Vell ferry line lapsed in June.",  # the owner not named
])
def test_a_pledge_nobody_named_made_or_a_decision_is_none(rules, text):
    assert extract(rules, text) == []


@pytest.mark.parametrize("text,source,content", [
    ("Other delegates joined Tull's call for a special prosecutor.", "Tull", "a special prosecutor"),
    ("During the debate, Osric Vell made an unprompted call for a total ban on barges.", "Osric Vell",
     "a total ban on barges"),
])
def test_an_owned_call_for_something_is_a_demand_of_it(rules, text, source, content):
    """'Tull's call for a special prosecutor': the demand made, its owner named (`nominal._call_for`)."""
    found = only_by_cue(extract(rules, text), "call for")
    assert found.content == content
    assert source in text[slice(*found.source_span)]


@pytest.mark.parametrize("text", [
    "The harbor storm was a wake-up call for the Port Ellis council.",  # another kind of call
    "Calls for a boycott of the Tarn harbor fair grew louder in June.",  # no one named makes them
    "Mara Tull pointed to Vell's call for a ban on barges as a reason to vote.",  # inside Tull's statement
])
def test_a_call_for_nobody_named_made_or_held_by_a_statement_is_none(rules, text):
    assert "call for" not in cues(rules, text) and "Calls for" not in cues(rules, text)


@pytest.mark.parametrize("text,source,content", [
    ("Bob Tarn, chairman of the Harbor Party, voiced confidence that Vell would be easy to defeat.", "Bob Tarn",
     "confidence that Vell would be easy to defeat"),
    ("Ilse Marr voiced her disapproval of the ferry ruling.", "Ilse Marr", "her disapproval of the ferry ruling"),
])
def test_a_stance_voiced_is_said_as_one_expressed(rules, text, source, content):
    """'voiced concern about …' is 'expressed concern about …' (the lexicon's "voice")."""
    found = cues_found(rules, text)["voiced"]
    assert found.content == content
    assert source in text[slice(*found.source_span)]


def test_a_part_voiced_in_a_film_is_no_statement(rules):
    assert "voiced" not in cues(rules, "Ansel Marr voiced the talking ferry in the Tarnville film.")
