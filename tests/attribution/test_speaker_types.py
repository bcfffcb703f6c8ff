"""Speaker types on evidence, and sources a reader resolves (issue 9, item 2), through the real pipeline on
fictional sentences.

Each test names one behaviour and fails without it: a person or an organisation is decided on what the article
says (a title, a role beside the name, a pronoun, a first name from the lexicon, where a body is named), not on
spaCy's small NER model alone; "he"/"she" respect a first name's gender; the surname alone and "the spokesperson"
go to the person a reader means; "was quoted as saying" has its speaker.
"""

from __future__ import annotations

import re

import pytest

from claimgraph.attribution.speaker_types import TypeEvidence, first_name_gender, first_names
from tests.conftest import by_cue, extract


def test_the_first_name_lexicon_ships_with_genders():
    names = first_names()
    assert len(names) > 10_000
    assert {"Ilan", "Gustavo", "Mara", "Tomas"} <= names.keys()
    assert first_name_gender("Tomas Brand") == "m" and first_name_gender("Mara Vell") == "f"
    assert "White" not in names  # surnames listed beside the first names in Faker's files are not taken


def test_a_first_name_makes_a_person_the_recogniser_took_for_an_organisation(extractor):
    text = "\"Nobody listens to the fishermen,\" Ilan Moss scoffed on Tuesday. \"The pier has been broken for a year.\""
    found = by_cue(extract(extractor, text), "scoffed")
    assert found.speaker is not None and (found.speaker.name, found.speaker.type) == ("Ilan Moss", "person")


def test_a_name_on_the_outlet_list_is_a_body_whatever_the_recogniser_says(extractor):
    # FNC-1 design bodies: "Boston Globe", "Gawker", "Al Arabiya" were people where the recogniser said PERSON.
    from spacy.tokens import Span

    doc = extractor.nlp("Harbor Wire reported the closure first.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert TypeEvidence(doc).type_of("Harbor Wire") == "organization"


@pytest.mark.parametrize("name", ["", " ", "—"])
def test_a_name_of_no_words_has_no_type_and_raises_nothing(extractor, name):
    # The fuzz test reached type_of with a mention of punctuation alone: the place test read its last word.
    doc = extractor.nlp("In Port Ellis, the harbor board met. Port Ellis said the ferry will sail.")
    assert TypeEvidence(doc).type_of(name) is None


def test_an_honorific_makes_a_person_without_the_lexicon(extractor):
    text = ("\"Nobody listens to the fishermen,\" Ilan Moss scoffed on Tuesday. "
            "Mr Moss has fished from the harbour for thirty years.")
    doc = extractor.nlp(text)
    person, organisation = TypeEvidence(doc).scores("Ilan Moss")
    assert person >= 3 > organisation  # the honorific alone outweighs the recogniser's label
    found = by_cue(extract(extractor, text), "scoffed")
    assert found.speaker.type == "person"


def test_an_apposition_gives_a_person_their_role_and_body_and_the_surname_follows(extractor):
    text = ("Gustavo Faleiros, an editor at Harborwatch, said the fires were worse this year. "
            "Faleiros added that the rain was late.")
    found = extract(extractor, text)
    said, added = by_cue(found, "said").speaker, by_cue(found, "added").speaker
    assert (said.name, said.type, said.role, said.affiliation) == ("Gustavo Faleiros", "person", "editor",
                                                                    "Harborwatch")
    assert added is not None and added.name == "Gustavo Faleiros" and added.type == "person"


def test_a_body_named_after_a_spokesperson_is_no_person(extractor):
    # The small model labels the invented platform a person; "a spokesperson for X" says it is a body.
    text = ("A spokesperson for Kestrelnet questioned the figures, noting that they were old. "
            "Tomas Brand, the chief executive of Kestrelnet, said the platform would grow.")
    found = extract(extractor, text)
    spokesperson = by_cue(found, "noting").speaker
    assert spokesperson.type == "anonymous" and spokesperson.affiliation == "Kestrelnet"
    assert all(a.speaker is None or a.speaker.name != "Kestrelnet" or a.speaker.type != "person" for a in found)
    assert by_cue(found, "said").speaker.affiliation == "Kestrelnet"


def test_she_is_not_a_man_named_last(extractor):
    text = ("Mara Vell said the ferry would run on Sunday. Tomas Brand said the crossing was too rough. "
            "She added that the crews had worked all winter.")
    found = by_cue(extract(extractor, text), "added")
    assert found.speaker is not None and found.speaker.name == "Mara Vell"


def test_a_name_used_as_a_modifier_is_not_who_he_points_at(extractor):
    text = ("Usman Ostrow runs the salon. Ostrow tried to reach the man through his Bellring camera, which, "
            "he said, scared the man off.")
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and found.speaker.name == "Usman Ostrow"


def test_mr_with_a_surname_two_people_share_is_the_man(extractor):
    text = ("Ilse Tarrow, 24, was found at the home of her father, ferry founder Piet Tarrow. "
            "Mr Tarrow said the boiler had been fitted a week before.")
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and found.speaker.name == "Piet Tarrow"


def test_the_spokesperson_is_the_spokesperson_named_earlier(extractor):
    text = ("The harbour board hired a new spokesperson, Dana Welk, in March. "
            "The spokesperson said the ferry would run on Sunday.")
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and (found.speaker.name, found.speaker.type) == ("Dana Welk", "person")


def test_quoted_as_saying_has_its_speaker(extractor):
    text = "Mara Vell was quoted as saying that the bridge would reopen in May."
    found = by_cue(extract(extractor, text), "saying")
    assert found.speaker is not None and found.speaker.name == "Mara Vell"
    assert text[found.source_span[0]:found.source_span[1]] == "Mara Vell"


def test_a_nominal_cue_takes_the_subject_of_its_verb(extractor):
    text = "The letter, signed by forty skippers, demands assurances that the quay will stay open."
    found = by_cue(extract(extractor, text), "assurances")
    assert found.source_span is not None and text[found.source_span[0]:].startswith("The letter")
    assert found.speaker is not None and found.speaker.name == "letter"


@pytest.mark.parametrize("text, cue, name, role", [
    ("Superintendent Robert Ostrand said the schools would reopen on Monday.", "said", "Robert Ostrand",
     "superintendent"),
    ("Harbor Lights supporter Ilse Marr said the vote was rigged.", "said", "Ilse Marr", None),
])
def test_words_before_a_name_are_a_role(extractor, text, cue, name, role):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, "person")
    assert role is None or speaker.role == role


def test_a_plural_group_is_described_not_an_organisation(extractor):
    text = "Wary Republicans in the county quickly speculated that she had advance notice."
    speaker = by_cue(extract(extractor, text), "speculated").speaker
    assert speaker is not None and speaker.type == "anonymous" and speaker.name.lower() == "wary republicans"


@pytest.mark.parametrize("text, cue, name", [
    ("The Associated Press news agency reported that the harbour would close.", "reported", "Associated Press"),
    ("WKRP 9 reported that the harbour would close on Friday.", "reported", "WKRP 9"),
])
def test_outlets_with_a_descriptor_or_a_call_sign(extractor, text, cue, name):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, "news_outlet")


def test_a_capitalised_common_noun_is_a_description(extractor):
    # (a clip as the subject, "Video obtained from the salon shows …": test_non_speakers.py)
    text = ("Evidence gathered at the salon shows the man entering at about ten. "
            "In the evidence, the man sits down.")
    speaker = by_cue(extract(extractor, text), "shows").speaker
    assert speaker is not None and speaker.type == "anonymous"


def test_a_clause_is_no_speaker(extractor):
    text = ("It remains difficult to measure how much energy the harbour cranes consume, and even harder to "
            "predict how much of a problem it could become.")
    found = extract(extractor, text)
    assert all(a.speaker is None or not a.speaker.name.lower().startswith("how") for a in found)


@pytest.mark.parametrize("text, name", [
    ("Mara Vell left the harbour board in March. \"It was time,\" the 48-year-old said.", "Mara Vell"),
    ("Ilse Marr won the award on Sunday. The actress said the film had changed her life.", "Ilse Marr"),
    # Two people named before: a reader cannot tell which, and nobody is taken.
    ("Mara Vell and Tomas Brand met on Sunday. The actress said the film had changed her life.", None),
    # One person, but a man's first name: "the actress" is someone else.
    ("Tomas Brand won the award on Sunday. The actress said the film had changed her life.", None),
    # Words describing the person before the age, and a screenwriter named again.
    ("Mara Vell left the harbour board in March. \"It was time,\" the weary 48-year-old said.", "Mara Vell"),
    ("Tomas Brand finished the script in May. The screenwriter said the film had taken a year.", "Tomas Brand"),
])
def test_the_description_after_a_named_subject_is_that_person(extractor, text, name):
    found = by_cue(extract(extractor, text), "said")
    if name is None:
        assert found.speaker is None or found.speaker.type == "anonymous"
    else:
        assert found.speaker is not None and (found.speaker.name, found.speaker.type) == (name, "person")


def test_he_is_the_name_set_beside_a_person_noun(extractor):
    text = ("When I have to choose who to sail with, I pick the pilot, Orrin. He looks better equipped. "
            "He suggests I find some rope of my own.")
    found = by_cue(extract(extractor, text), "suggests")
    assert found.speaker is not None and found.speaker.name == "Orrin" and found.speaker.type == "person"


def test_a_title_without_a_name_is_a_person_by_role_never_an_organisation(extractor):
    text = ("Environment Secretary Piet Varn said the deal was good. "
            "The International Trade Secretary said the standards would hold.")
    speaker = by_cue(extract(extractor, text)[1:], "said").speaker
    # Not Piet Varn (his role is another secretary's), and not a body.
    assert speaker is not None and speaker.type == "anonymous" and speaker.role == "secretary"


def test_the_conservative_mp_is_the_person_just_named(extractor):
    text = "Chris Ostrand said the rules were clear. The Conservative MP added that the harbour would stay open."
    speaker = by_cue(extract(extractor, text), "added").speaker
    assert speaker is not None and speaker.name == "Chris Ostrand"


@pytest.mark.parametrize("text, cue, name, kind", [
    ("Tory MPs said the plan would fail.", "said", "Tory MPs", "anonymous"),
    ("The minister was pressed by a string of Tory MPs who said the ferry rules were unclear.", "said", "Tory MPs",
     "anonymous"),
    ("The Port Ellis Sun Sentinel reported that the harbour would close.", "reported", "Port Ellis Sun Sentinel",
     "news_outlet"),
])
def test_groups_and_newspapers_by_their_last_word(extractor, text, cue, name, kind):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, kind)


def test_a_name_ending_in_a_newspapers_word_is_an_outlet(extractor):
    found = by_cue(extract(extractor, "The Quillmoor Gazette reports that the ferry will stop running in June."),
                   "reports")
    assert found.speaker is not None and found.speaker.type == "news_outlet"


@pytest.mark.parametrize("text, name, role", [
    # A capitalised noun for what the person is, opening the sentence before the name, is a role (FNC-1 design
    # bodies: "Rapper …", "Screenwriter …", "Schoolboy …", "Mum …" were part of the name).
    ("Rapper Ilse Marr said the tour would go ahead in the spring.", "Ilse Marr", "rapper"),
    ("The blaze destroyed the hall on Sunday.\n\nSchoolboy Tomas Brand, 12, said he could lift spoons.",
     "Tomas Brand", "schoolboy"),
    ("The family had no money left.\n\nMum Ana Ruiz, 29, said that she loved both of her children.", "Ana Ruiz",
     "mum"),
])
def test_a_capitalised_role_before_a_name_is_no_part_of_it(extractor, text, name, role):
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and (speaker.name, speaker.type, speaker.role) == (name, "person", role)


def test_a_word_ending_like_a_role_before_a_body_stays_in_its_name(extractor):
    # "Velder" ends like "Rapper", but no first name follows it: the name of a paper, not a role and a person.
    text = "The Velder Free Beacon reported that the ferry would stop in June."
    speaker = by_cue(extract(extractor, text), "reported").speaker
    assert speaker is not None and speaker.name == "Velder Free Beacon" and speaker.type != "person"


@pytest.mark.parametrize("text, cue, name, kind", [
    # Words that describe a body are no part of its name (FNC-1 design bodies: "Britain-based Syrian Observatory
    # for Human Rights" ×6, "respected Italian newspaper Corriere Della Sera", "… monitoring group").
    ("The Kestrel-based Velder Observatory for Coastal Rights said twelve boats had sunk.", "said",
     "Velder Observatory for Coastal Rights", "organization"),
    ("The Velder Observatory for Coastal Rights monitoring group said twelve boats had sunk.", "said",
     "Velder Observatory for Coastal Rights", "organization"),
    ("The Arabic-language Radio Kestrel reported that the ferry would stop in June.", "reported",
     "Radio Kestrel", "organization"),
])
def test_a_bodys_name_without_the_words_that_describe_it(extractor, text, cue, name, kind):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, kind)


def test_the_last_word_of_a_body_named_before_is_that_body(extractor):
    # "The Beacon reports" after "told The Washington Free Beacon": the paper, not a person called Beacon.
    text = ("“The ferries are missing,” one official told the Velder Free Beacon on Monday.\n\n"
            "The Beacon reports that the boats could be used in an attack.")
    speaker = by_cue(extract(extractor, text), "reports").speaker
    assert speaker is not None and speaker.name == "Velder Free Beacon" and speaker.type != "person"


def test_the_report_after_an_outlet_reported_is_the_outlets(extractor):
    # "9to5Mac reported … the report said": the outlet's report, not an anonymous one (nor the last person named).
    text = ("Harbor Wire reported that the ferry would stop in June. Mayor Tomas Brand was not told. "
            "The cuts were planned in March, the report said.")
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and (speaker.name, speaker.type) == ("Harbor Wire", "news_outlet")


def test_a_common_noun_in_lower_case_is_no_masthead(tmp_path, monkeypatch):
    # FNC-1 design bodies: "a hoax e-mail bearing the logo of …" made "mail" an outlet once "The Mail" was listed.
    from claimgraph.attribution.speakers import names

    listed = tmp_path / "outlets.txt"
    listed.write_text("The Lantern\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMGRAPH_OUTLETS", str(listed))
    names.outlet_names.cache_clear()
    try:
        assert names.outlet_name("The Lantern") == "Lantern"
        assert names.outlet_name("the lantern") is None
    finally:
        monkeypatch.delenv("CLAIMGRAPH_OUTLETS")
        names.outlet_names.cache_clear()


def test_an_outlets_report_is_the_outlets_word(extractor):
    # FNC-1 bodies: "The Chosun Ilbo report cited a source …" was a person, then an anonymous "report".
    text = "The Harbor Wire report cited a source who had recently visited the port."
    speaker = by_cue(extract(extractor, text), "cited").speaker
    assert speaker is not None and (speaker.name, speaker.type) == ("Harbor Wire", "news_outlet")


@pytest.mark.parametrize("name, inside", [
    # A title read as part of one organisation's name: the person after the title's noun (FNC-1 check bodies).
    ("Velder State Prosecutor Inaky Vell", ("Velder State prosecutor", "Inaky Vell")),
    ("KVB spokesperson Kanchan Ostrand", ("KVB spokesperson", "Kanchan Ostrand")),
    # A rank after the noun is more of the title, not a first name: no person split off.
    ("Air Chief Marshal Ostrand", None),
])
def test_a_title_inside_a_name_read_as_a_body(name, inside):
    from claimgraph.attribution.speakers.names import named_inside

    assert named_inside(name) == inside


def test_a_fake_outlets_site_is_not_the_outlet(extractor):
    # FNC-1 bodies: "a FOX News impostor website", "a fake MSNBC site": what passes for an outlet is not it.
    text = "A fake Harbor Wire site claimed that the ferry had sunk off Port Ellis."
    speaker = by_cue(extract(extractor, text), "claimed").speaker
    assert speaker is None or (speaker.name, speaker.type) != ("Harbor Wire", "news_outlet")


def test_an_outlets_name_that_is_a_persons_surname_here_is_no_evidence_of_a_body(extractor, tmp_path, monkeypatch):
    # realweb (latimes, on Michael R. Bloomberg): "Bloomberg" is on the outlet list, but there it is his surname.
    from spacy.tokens import Span

    from claimgraph.attribution.speakers import names

    listed = tmp_path / "outlets.txt"
    listed.write_text("Lantern\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMGRAPH_OUTLETS", str(listed))
    names.outlet_names.cache_clear()
    try:
        doc = extractor.nlp("Tomas Lantern ran the port for years. A Lantern lecture was filmed in May.")
        doc.ents = [Span(doc, 0, 2, label="PERSON")]
        assert TypeEvidence(doc).scores("Lantern")[1] < 3
        doc = extractor.nlp("Mara Vell ran the port for years. A Lantern report was filmed in May.")
        assert TypeEvidence(doc).scores("Lantern")[1] >= 3
    finally:
        monkeypatch.delenv("CLAIMGRAPH_OUTLETS")
        names.outlet_names.cache_clear()


def test_an_envoy_beside_a_name_is_a_persons_role(extractor):
    # FNC-1 design bodies: "Glyn Davies, the top U.S. envoy for North Korea, said" was an organisation.
    from spacy.tokens import Span

    doc = extractor.nlp("The report comes as Glyn Ostrand, the top envoy for Velder, said the state had failed.")
    doc.ents = [Span(doc, 4, 6, label="ORG")]
    assert TypeEvidence(doc).type_of("Glyn Ostrand") == "person"


def test_an_outlet_written_with_a_hyphen_or_its_domain_is_on_the_list(tmp_path, monkeypatch):
    # FNC-1 design bodies: "al-Jazeera", "the Washington Free-Beacon", "Huzlers.com" were organisations.
    from claimgraph.attribution.speakers import names

    listed = tmp_path / "outlets.txt"
    listed.write_text("Al Lantern\nVelder Free Beacon\nHarbor Wire\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMGRAPH_OUTLETS", str(listed))
    names.outlet_names.cache_clear()
    try:
        assert names.is_outlet("al-Lantern") and names.is_outlet("the Velder Free-Beacon")
        assert names.is_outlet("Harbor Wire.com") and not names.is_outlet("Harbor.com")
    finally:
        monkeypatch.delenv("CLAIMGRAPH_OUTLETS")
        names.outlet_names.cache_clear()


@pytest.mark.parametrize("name, station", [
    ("KXVB-TV", True), ("KXVB-5", True), ("KXVB -41", True),  # FNC-1 design: "KDSK-TV", "KCTV-5", "KSHB -41"
    ("WHO", False), ("KXVB", False),  # a call sign alone is no evidence: "WHO" is no station
])
def test_a_call_sign_with_tv_or_a_channel_is_an_outlet(name, station):
    from claimgraph.attribution.speakers.names import outlet_name

    assert (outlet_name(name) == name) is station


def test_a_bodys_noun_before_a_name_makes_it_a_body(extractor):
    # FNC-1 design bodies: "Iraqi group ISIS" a person (a "he" after it, the recogniser's labels), "Nigerian terror
    # group Boko Haram".
    from spacy.tokens import Span

    doc = extractor.nlp("The Velder terror group Ostrand Haram claimed the attack on Monday.")
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    assert TypeEvidence(doc).type_of("Ostrand Haram") == "organization"
    doc = extractor.nlp("The Velder actress Ostrand Haram claimed the prize on Monday.")
    doc.ents = [Span(doc, 3, 5, label="ORG")]
    assert TypeEvidence(doc).type_of("Ostrand Haram") == "person"


def test_a_company_named_with_its_s_keeps_it(extractor):
    # FNC-1 design bodies: "McDonald’s said" gave "McDonald", a possessive cut to a surname.
    text = "Customers were angry, Velmart’s said in a statement. Velmart’s added that the store would reopen."
    speakers = {a.speaker.name for a in extract(extractor, text) if a.speaker is not None}
    assert speakers == {"Velmart’s"}
    # A person's possessive stays the person: the article writes the name without it too.
    text = "Mara Vell runs the port. Customers were angry, Vell’s said in a statement."
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and speaker.name == "Mara Vell"


@pytest.mark.parametrize("text, name", [
    ("King Tomar II of Velmar met the envoy on Monday. The new King said the talks had failed.", "King Tomar II"),
    # Two people of one title: the one named just before, else the one the story is about, named first.
    ("Queen Ilsa of Velmar opened the harbour in May. " + "The ferries ran twice a day all summer. " * 20
     + "Queen Marit, who died in 1901, once opened it too. " + "The boats were late again. " * 25
     + "The Queen said the harbour would stay open.", "Queen Ilsa"),
])
def test_a_title_of_nobility_alone_is_the_person_who_holds_it(extractor, text, name):
    # FNC-1 design bodies: "the new King said" was an organisation, "the pope" an anonymous source.
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, "person")


def test_a_name_before_its_fighters_is_a_group(extractor):
    # FNC-1 design bodies: "Boko Haram militants", "Boko Haram fighters" beside "Boko Haram said", which the
    # recogniser labelled a person more often than not.
    from spacy.tokens import Span

    doc = extractor.nlp("Velmar Haram claimed the raid. Velmar Haram militants seized the port on Monday.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 8, label="PERSON")]
    assert TypeEvidence(doc).type_of("Velmar Haram") == "organization"
    doc = extractor.nlp("Ilse Marr claimed the prize. Ilse Marr supporters cheered in the port on Monday.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 8, label="PERSON")]
    assert TypeEvidence(doc).type_of("Ilse Marr") == "person"


def test_she_after_a_title_of_nobility_nobody_holds_here_is_the_person_named(extractor):
    # realweb (cnn, royal): "the duchess" with no duchess named is a description; the "she" after it stays the
    # woman the article is about, not that description.
    text = ("Greta Marr spoke to the host on Sunday. The duchess hinted that life in the palace was "
            "lonely, and she also revealed that she had asked for help. She added that the palace had refused.")
    speaker = by_cue(extract(extractor, text), "added").speaker
    assert speaker is not None and speaker.name == "Greta Marr"


@pytest.mark.parametrize("text, start, name, kind", [
    ("The Pentagon said he had left the base in June.", 1, "Pentagon", "organization"),
    # A word for what one is ("The Father", FNC-1 check) or a name modifying a noun ("the Ostrand suspect"): no
    # evidence of a body.
    ("The Father said he had left the church in June.", 1, "Father", None),
])
def test_the_right_before_a_name_makes_a_body(extractor, text, start, name, kind):
    from spacy.tokens import Span

    doc = extractor.nlp(text)
    doc.ents = [Span(doc, start, start + 1, label="PERSON")]
    assert TypeEvidence(doc).type_of(name) == kind or kind is None and TypeEvidence(doc).type_of(name) != (
        "organization")


@pytest.mark.parametrize("text, name", [
    # FNC-1 design bodies: "militant group Al Shabab" and "The Islamist militant group Boko Haram has agreed …"
    # (both subjects of the verb in the parse) typed person, from "Al" as a first name or a "he" after the name.
    ("The Islamist militant group Velmar Haram has agreed to a truce. Velmar Haram said he would free the girls.",
     "Velmar Haram"),
    ("Talks with the Velmar Haram group stalled. Velmar Haram said he would free the girls.", "Velmar Haram"),
    ("Al Dashir, the group, attacked the port. Al Dashir said he would strike again.", "Al Dashir"),
    # "Jabhat …", "Ansar al-…": the names of groups open with these words (FNC-1 design: "Jabhat Ansar al-Din").
    ("Jabhat Ansar al-Velm wants to rule the valley, and its leaders met on Monday.", "Jabhat Ansar al-Velm"),
])
def test_a_name_the_article_calls_a_group_is_a_group(extractor, text, name):
    from spacy.tokens import Span

    doc = extractor.nlp(text)
    # the recogniser's labels vary with the words around; as in the FNC-1 bodies, every mention a person
    doc.ents = [Span(doc, s.start, s.end, label="PERSON") for s in (
        doc.char_span(m.start(), m.end()) for m in re.finditer(re.escape(name), text)) if s is not None]
    assert TypeEvidence(doc).type_of(name) == "organization"


@pytest.mark.parametrize("text", [
    # "the group Ilse Marr founded": the name is the clause's subject, not the group's name.
    "The group Ilse Marr founded met on Monday. Ilse Marr said she was proud of it.",
    # FNC-1 design: the group set beside the body she works for, which the parse hung on her name.
    "“My inbox got flooded,” Ilse Marr, senior director of faith outreach at the Gentle Society, the largest animal "
    "protection group in Quillmoor, told the Harbor Ledger.",
])
def test_a_person_beside_a_group_noun_stays_a_person(extractor, text):
    from spacy.tokens import Span

    doc = extractor.nlp(text)
    doc.ents = [Span(doc, s.start, s.end, label="PERSON") for s in (
        doc.char_span(m.start(), m.end()) for m in re.finditer("Ilse Marr", text)) if s is not None]
    assert TypeEvidence(doc).type_of("Ilse Marr") == "person"


def test_he_is_not_a_group_named_with_a_first_name(extractor):
    # FNC-1 design: '"He was like a brother to me …," he added' went to "militant group Al Shabab", named last.
    text = ("Kerwazi has alleged links to the funding of militant group Al Dashir, which recently threatened to "
            "carry out attacks on Quillmoor. “He was like a brother to me. I am sure it is him,” he added.")
    speaker = by_cue(extract(extractor, text), "added").speaker
    assert speaker is None or speaker.name != "Al Dashir"



def test_a_member_named_after_a_groups_own_name_is_no_group(extractor):
    # FNC-1 check: "… hip hop group The Sugarhill Gang, Big Bank Hank was best known …", the parse hanging the
    # member's name on "group" as an apposition beside the group's own name, made Hank an organisation.
    from spacy.tokens import Doc, Span

    # (the parse written out, as the recogniser's varies with the words: "A member of the group The Velmar Gang,
    # Big Bank Tomas was known. Big Bank Tomas said he was proud.")
    words = ["A", "member", "of", "the", "group", "The", "Velmar", "Gang", ",", "Big", "Bank", "Tomas", "was",
             "known", ".", "Big", "Bank", "Tomas", "said", "he", "was", "proud", "."]
    heads = [1, 13, 1, 4, 2, 7, 7, 4, 11, 11, 11, 4, 13, 13, 13, 17, 17, 18, 18, 20, 18, 20, 18]
    deps = ["det", "nsubjpass", "prep", "det", "pobj", "det", "compound", "appos", "punct", "compound", "compound",
            "appos", "auxpass", "ROOT", "punct", "compound", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp",
            "punct"]
    pos = ["DET", "NOUN", "ADP", "DET", "NOUN", "DET", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "AUX",
           "VERB", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 9, 12, label="PERSON"), Span(doc, 15, 18, label="PERSON")]
    assert TypeEvidence(doc).type_of("Big Bank Tomas") != "organization"


@pytest.mark.parametrize("text, cue, name", [
    # FNC-1 bodies: "Boko Haram denied …", "Isis claimed …", "al-Shabab often posts …" typed person (or the
    # particle "al" an anonymous source): a body on the organisation list is an organisation wherever it stands.
    ("Dova Haram denied on Monday that its fighters had crossed into Velmar.", "denied", "Dova Haram"),
    ("Al-Dovan said on Sunday that its fighters had left the port of Velmar.", "said", "Al-Dovan"),
    ("Although al-Dovan often posts comments from the group on social media and gives interviews with journalists "
     "in Velmar, it has been silent about whether he survived.", "often posts", "al-Dovan"),
])
def test_a_name_on_the_organisation_list_is_a_body(extractor, tmp_path, monkeypatch, text, cue, name):
    from claimgraph.attribution import speaker_types

    listed = tmp_path / "organizations.txt"
    listed.write_text("Dova Haram\nAl Dovan\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMGRAPH_ORGANIZATIONS", str(listed))
    speaker_types.organization_keys.cache_clear()
    try:
        speaker = by_cue(extract(extractor, text), cue).speaker
        assert speaker is not None and (speaker.name, speaker.type) == (name, "organization")
    finally:
        monkeypatch.delenv("CLAIMGRAPH_ORGANIZATIONS")
        speaker_types.organization_keys.cache_clear()


def test_the_shipped_organisation_list_names_bodies_only():
    from claimgraph.attribution.speaker_types import known_organization

    assert known_organization("Boko Haram") and known_organization("al-Shabab") and known_organization("the Taliban")
    assert not known_organization("Isis Marr") and not known_organization("Haram")


@pytest.mark.parametrize("text, name", [
    ("Talks were held in the capital Ndorama last week. Ndorama refused to comment on the talks.", "Ndorama"),
    ("Trade has slowed in the city of Velmora. Velmora said the port would reopen.", "Velmora"),
    # One list of place words for types and affiliations (speaker_types.PLACE_WORDS): "suburb" came from the latter.
    ("Trade has slowed in the suburb of Dalvenna. Dalvenna said the port would reopen.", "Dalvenna"),
    ("The prisoners were flown to Kelsgrad on Monday, and the pilot's father waited in Karak, Kelsgrad. Kelsgrad "
     "said it would strike again.", "Kelsgrad"),
])
def test_a_place_that_speaks_is_its_government_not_a_person(extractor, text, name):
    """ "Ndorama refused to comment" after "the capital Ndorama": the article calls the name a place's, which
    outweighs the recogniser's PERSON on the speaking mention (FNC-1 design: "Jordan hung two … prisoners", typed a
    person); a place speaks for its government, a body."""
    speakers = {a.speaker.name: a.speaker.type for a in extract(extractor, text) if a.speaker}
    assert speakers[name] == "organization"


def test_a_person_who_travelled_to_a_place_stays_a_person(extractor):
    # The place evidence is the name's own: a person named after a place word elsewhere stays a person.
    text = "Ivo Marr moved to Kelsgrad in May. Marr said he liked the city."
    speakers = {a.speaker.name: a.speaker.type for a in extract(extractor, text) if a.speaker}
    assert speakers["Ivo Marr"] == "person"
