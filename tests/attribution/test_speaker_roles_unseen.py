"""Speakers a person would accept on scraped news (issue 9): roles are roles, one name one type. Classes found in
FNC-1's scraped bodies: a post's signature whose date or hashtag ran into the name's apposition ("— Tobin Ardley
(@tardley) October 6, 2014": role "october"), and a body the recogniser took for a person, whose kind is said beside
it ("Al Marwani, a local newspaper": role "local newspaper"), and a courtesy title taken for a role ("Miss Orlay":
role "miss"). Fictional texts through the shipped pipeline; each test fails without the behaviour it names."""

from __future__ import annotations

import pytest

from claimgraph.attribution.speakers.resolver import SpeakerResolver
from tests.conftest import extract, misparsed_hyphened_name

INTRO = "Owners of the Velmora phone complained about its seam this week.\n\n"


def _speakers(extractor, text: str) -> dict[str, tuple[str, str | None]]:
    """Each speaker's name with its type and role."""
    return {a.speaker.name: (a.speaker.type, a.speaker.role) for a in extract(extractor, text) if a.speaker}


def test_a_posts_date_is_no_role_of_its_signer(extractor):
    """ "— Name (@handle) October 6, 2014": the month after the handle is the post's date, not what the signer is;
    the next post's words run on past it ("2014My phone") are no role either."""
    text = (INTRO + "The seam on my Velmora 6 keeps catching my beard and pulling it out.— Tobin Ardley (@tardley) "
            "October 6, 2014My phone pulls my hair every single morning, it hurts a lot.— Mirela Caskey (@mcaskey) "
            "October 6, 2014\n\nThe company has not commented.")
    speakers = _speakers(extractor, text)
    assert speakers["Tobin Ardley"] == ("person", None)
    assert speakers["Mirela Caskey"] == ("person", None)


def test_a_hashtag_before_a_signature_is_no_role(extractor):
    """ "#seamgate— Tobin Ardley": the post's last hashtag stands before the signer's name; it is no role."""
    text = (INTRO + "It pulled out my beard hairs, I definitely had my face hurt. Consider beards! #seamgate— Tobin "
            "Ardley (@tardley) October 5, 2014\n\nThe company has not commented.")
    assert _speakers(extractor, text)["Tobin Ardley"] == ("person", None)


def test_a_name_a_role_is_still_read_beside(extractor):
    """The signature rule leaves an apposed role alone: "Ilse Marr, a harbor engineer" is an engineer."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nIlse Marr, a harbor engineer, said the pier had "
            "cracked in two places.")
    assert _speakers(extractor, text)["Ilse Marr"] == ("person", "harbor engineer")


def test_a_newspaper_said_beside_a_name_makes_it_an_outlet(extractor):
    """ "Al Marwani, a local newspaper, reported": the name is the newspaper's, a news outlet with no role."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nAl Marwani, a local newspaper, reported that the harbor "
            "would reopen next week.")
    assert _speakers(extractor, text)["Al Marwani"] == ("news_outlet", None)


def test_a_group_or_company_said_beside_a_name_makes_it_an_organisation(extractor):
    """ "Al Sadeer, a militant group", "Al Qurani, a clothing company": organisations, not people with a role."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nAl Sadeer, a militant group, said it had attacked the "
            "harbor.\n\nAl Qurani, a clothing company, said it would move its warehouse.")
    speakers = _speakers(extractor, text)
    assert speakers["Al Sadeer"] == ("organization", None)
    assert speakers["Al Qurani"] == ("organization", None)


def test_a_courtesy_title_is_no_role(extractor):
    """ "Miss Orlay said": "Miss" says how to address her, not what she is; "Dr Anka Rell" keeps her title."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\n\"The goldfish was fine after the operation,\" Miss "
            "Orlay said.\n\n\"The crews were lucky,\" Dr Anka Rell said.")
    speakers = _speakers(extractor, text)
    assert speakers["Orlay"] == ("person", None)
    assert speakers["Anka Rell"] == ("person", "dr")


def test_a_kind_of_body_before_a_name_makes_it_that_body(extractor):
    """ "The film industry magazine Velderin reports", "internet registry company Nomaret": the words before the
    name say what body it is, an outlet or an organisation, not a person's role."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nThe film industry magazine Velderin reports that the "
            "harbor studio will close.\n\nAccording to internet registry company Nomaret, the harbor website was "
            "registered in May.")
    speakers = _speakers(extractor, text)
    assert speakers["Velderin"] == ("news_outlet", None)
    assert speakers["Nomaret"] == ("organization", None)


def test_a_kind_of_body_before_a_name_the_recogniser_missed_makes_it_that_body(extractor):
    """ "according to film industry publication Ravenel": a name no recogniser placed, read with its kind as a title
    before a name; the kind is no title, Ravenel is the publication."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nTarn is in final talks to buy the harbor, according to "
            "film industry publication Ravenel, which believes the sale is a done deal.")
    assert _speakers(extractor, text)["Ravenel"] == ("news_outlet", None)


def _fields(extractor, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Each speaker's name with its type, role and affiliation."""
    return {a.speaker.name: (a.speaker.type, a.speaker.role, a.speaker.affiliation)
            for a in extract(extractor, text) if a.speaker}


def test_a_plural_or_a_plain_person_noun_is_no_role(extractor):
    """ "controversial actions have been applauded by some, for example, Lonnie Vask, president and founder of the
    Harbor Club": the plural the name was parsed beside is no role, the apposition after it is; "a 31-year-old
    woman" says only that she is a person."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nWinters' controversial actions have been applauded by "
            "some, for example, Lonnie Vask, president and founder of the Harbor Club.\n\n\"Vask has nominated "
            "her,\" Vask told reporters.\n\n\"It was closed before,\" said Kesh Varro, a 31-year-old woman who runs "
            "the cafe.")
    speakers = _fields(extractor, text)
    assert speakers["Lonnie Vask"] == ("person", "president", "Harbor Club")
    assert speakers["Kesh Varro"] == ("person", None, None)


def test_a_name_beside_a_name_is_no_role(extractor):
    """ "Trip Holloway, an analyst from …" with the first name cut off by the recogniser: an analyst, not a
    "trip"; "Rep. Dalia Verne, R-Calif.": the party and state are no role, the title stays."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nMeanwhile, Trip Holloway, an analyst from Quillmoor "
            "Equities Research has predicted that the harbor might reopen.\n\nWASHINGTON – Rep. Dalia Verne, "
            "R-Calif., says that the harbor closure was a mistake.")
    speakers = _fields(extractor, text)
    assert speakers["Holloway"][1:] == ("analyst", "Quillmoor Equities Research")
    assert speakers["Dalia Verne"][1] == "representative"


def test_a_title_cut_at_its_hyphen_is_made_whole(extractor):
    """ "co-chair", "vice-president": the parse takes the part before the hyphen for the noun; "a 38-year-old
    mechanic", "a Velorian-born resident" are a mechanic and a resident, not "old mechanic", "born resident"."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nIlse Marr, co-chair of the Harbor Union Party (HUP), "
            "told reporters that the closure was illegal.\n\n\"It sounds very credible,\" said Tam Ovett, the "
            "vice-president of the Quillmoor Pilots Council, which represents the pilots.\n\n\"I heard the "
            "explosion,\" said Jory Nask, a 38-year-old mechanic who lives near the harbor.")
    speakers = _fields(extractor, text)
    assert speakers["Ilse Marr"][1] == "co-chair"
    assert speakers["Tam Ovett"][1] == "vice-president"
    assert speakers["Jory Nask"][1] == "mechanic"


def test_a_ministers_portfolio_after_of_is_part_of_the_title(extractor):
    """ "Secretary of State Martin Tarrow", "the secretary of Homeland Security": the portfolio is the title's, not an
    organisation she works for."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\n\"The capsule is a treasure,\" said Secretary of State "
            "Martin Tarrow, who was on hand for its opening.\n\nTam Ovett, the Velorian secretary of Homeland "
            "Security, said the harbor would reopen.")
    speakers = _fields(extractor, text)
    assert speakers["Martin Tarrow"] == ("person", "secretary of state", None)
    assert speakers["Tam Ovett"] == ("person", "secretary of homeland security", None)


def test_a_person_is_no_affiliation(extractor):
    """ "Holloway' agent, Ilse Marr" (Peter Holloway named before), "Jory Nask, son of the late drummer Peter
    Varnell": the one they work for or belong to is a person, no organisation."""
    text = ("The golfer Peter Holloway did not play on Monday.\n\n\"These claims are false,\" said Holloway' "
            "agent, Ilse Marr, in a statement.\n\nJory Nask, son of the late drummer Peter Varnell, said the band "
            "would not play.")
    speakers = _fields(extractor, text)
    assert speakers["Ilse Marr"] == ("person", "agent", None)
    assert speakers["Jory Nask"] == ("person", None, None)  # "son" is a relation, no role (`test_a_relative_…`)


def test_a_title_written_in_capitals_or_with_hyphens_is_a_role(extractor):
    """A title the tagger reads as a name is still a role where it is an agent noun or a closed abbreviation
    ("Curator", "VP"), and a hyphenated title ends in its first word ("sergeant-at-arms"); a portfolio
    after "of" is the title's only where all its words are portfolio words ("of Housing and Public Works" is not)."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\n\"The doors were locked,\" said Kevin Orlan, the "
            "sergeant-at-arms of the Velder Assembly.\n\nDr Mark Tasker, Curator at the Velder Museum, said the "
            "spider was new.\n\n\"It will work,\" said "
            "Jason Lidgood, Quillnet VP of harbor technology.\n\nMufid Hasan, minister of Housing and Public Works, "
            "said the harbor would be rebuilt.")
    speakers = _fields(extractor, text)
    assert speakers["Kevin Orlan"][1] == "sergeant-at-arms"
    assert speakers["Mark Tasker"][1] == "curator"
    assert speakers["Jason Lidgood"][1] == "VP"
    assert speakers["Mufid Hasan"][1] == "minister"


def test_a_title_the_recogniser_took_into_a_body_is_still_a_role(extractor):
    """ "Nenad Babovic, the National Coordinator for Reproductive Health of the Velder Republic": the recogniser
    reads the whole title as one organisation; "Coordinator", an agent noun, is still the role."""
    text = ("The schoolgirls went to the harbor in Quillmoor.\n\nNenad Babovic, the National Coordinator for "
            "Reproductive Health of the Velder Republic, told reporters that the girls were fine.")
    role = _fields(extractor, text)["Nenad Babovic"][1]
    assert role is not None and role.lower() == "coordinator"


def test_a_plural_before_a_name_is_no_role(extractor):
    """ "Harbor residents Ilse Marr, 14, and …", "Velder Gang members Tomas Reyes and …", "one of the “judges,” Dr.
    Kesh Varro": the plural says the person is one of several, not what the person is (a person noun in the plural
    is no more a role than any plural)."""
    text = ("In 1995 Quillmoor residents Casimir Dunne, 14, and his mate Edvin Nask, 13, stopped off at the "
            "harbor.\n\n\"We're pretty sure it's the oldest boat,\" Mr Dunne said.\n\nThe news was confirmed by Dara "
            "Lusk, business manager for Velder Gang members Michael Orlan and Guy Tasker.\n\n\"So sad,\" Orlan and "
            "Tasker said.\n\nThe Quillmoor Herald spoke with one of the \u201cjudges,\u201d Dr. Tahir Ovadi. "
            "Ovadi said the tribunal was \u201ca tribunal, not arbitration.\u201d")
    speakers = _fields(extractor, text)
    assert speakers["Casimir Dunne"][1] is None
    assert speakers["Tahir Ovadi"][1] in {None, "dr"}
    assert all(role is None or not role.endswith("s") for _, role, _ in speakers.values())


def test_a_name_or_a_story_beside_a_name_is_no_role(extractor):
    """ "The artist that goes by the name Quill Rover said", "this story about … is horrendous — Ilse Marr
    (@imarr)": a name or what is written is no role of the one named."""
    text = ("The harbor mural in Quillmoor was painted over on Monday.\n\nThe graffiti artist that goes by the name "
            "Quill Rover told reporters he does not agree with the decision. \u201cThe mural was art,\u201d Rover "
            "said.\n\nI'm for murals, but this story about a council painting over a mural is horrendous "
            "http://t.co/abc123\u2014 Ilse Marr (@IlseMarr) February 10, 2015\n\nThe council has not commented.")
    speakers = _fields(extractor, text)
    assert speakers["Quill Rover"][1] is None
    assert speakers["Ilse Marr"][1] is None


def test_an_honorific_after_a_role_is_no_part_of_it(extractor):
    """ "Velorian tycoon Sir Tomas Reyes": a tycoon; "Sir" says how to address him, not what he is. A title that
    ends in such a word is whole ("First Lady Michelle Dunne")."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nVelorian tycoon Sir Tomas Reyes had planned to buy "
            "the harbor, and said the price was too high.\n\nFirst Lady Michelle Dunne said the harbor would reopen.")
    speakers = _fields(extractor, text)
    assert speakers["Tomas Reyes"][1] == "tycoon"
    assert speakers["Michelle Dunne"][1] == "first lady"


def test_a_title_the_recogniser_tagged_a_person_is_still_a_role(extractor):
    """ "said County Coroner Frank Sholte": the recogniser tags "County Coroner" as a person of its own before the
    name; an agent noun in capitals is still the role, there and where the surname alone names him later."""
    text = ("The harbor in Quillmoor was closed on Monday after a diver died.\n\n\u201cDetermining an official cause "
            "of death could take as long as 3 weeks,\u201d said County Coroner Frank Sholte. \u201cIt\u2019s just "
            "too early to tell.\u201d\n\nSholte said the diver had been alone.")
    speakers = _fields(extractor, text)
    assert speakers["Frank Sholte"][1] == "county coroner"


def test_an_organisation_that_names_no_body_of_the_person_is_no_affiliation(extractor):
    """ "According to Harbor Radio, Dunne's mother, Ilse Dunne, …": the outlet's phrase ends at its comma; "Dental
    receptionist Kesh Varro", "Agency spokesman Tam Ovett": an adjective or a kind of body at the start of a sentence
    the recogniser took for an organisation."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nAccording to Harbor Radio, Dunne's mother, Ilse "
            "Dunne, still lives in Quillmoor and works for the council.\n\nDental receptionist Kesh Varro, 48, who "
            "was visiting from nearby Kendlow, said: \"I have come here shopping on my day off.\"\n\nAgency "
            "spokesman Tam Ovett said the office is not commenting due to an ongoing investigation.")
    speakers = _fields(extractor, text)
    assert speakers["Ilse Dunne"][2] is None
    assert speakers["Kesh Varro"][1].endswith("receptionist") and speakers["Kesh Varro"][2] is None
    assert speakers["Tam Ovett"][1].endswith("spokesman") and speakers["Tam Ovett"][2] is None


def test_a_name_cut_at_its_and_is_no_affiliation():
    """ "scriptwriter of The Harbor Lights and The Quill Affair", which the recogniser cut to "Harbor Lights and":
    a name cut short is no body's; a whole one stays."""
    resolver = SpeakerResolver()
    assert resolver._body_named("Harbor Lights and") is None
    assert resolver._body_named("Harbor Lights Trust") == "Harbor Lights Trust"


def test_a_place_is_no_affiliation(extractor):
    """ "Kestrova district chief Ilse Dunne", where the recogniser took the town for an organisation once and the
    article names it as a place more often, or calls it "the border town of Kestrova": a place, no organisation."""
    from spacy.tokens import Span

    doc = extractor.nlp("Fighters attacked the border town of Kestrova on Monday. Few people remain in Kestrova. "
                        "Kestrova district chief Ilse Dunne said air strikes had destroyed many vehicles.")
    towns = [t.i for t in doc if t.text == "Kestrova"]
    doc.ents = [Span(doc, i, i + 1, label="GPE") for i in towns[:2]] + [Span(doc, towns[2], towns[2] + 1, "ORG")]
    assert SpeakerResolver(doc)._body_named("Kestrova") is None
    doc.ents = [Span(doc, i, i + 1, label="ORG") for i in towns]
    assert SpeakerResolver(doc)._body_named("Kestrova") is None  # "the border town of Kestrova"
    doc = extractor.nlp("Fighters attacked the border post near Kestrova on Monday. Kestrova district chief Ilse "
                        "Dunne said air strikes had destroyed many vehicles.")
    doc.ents = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text == "Kestrova"]
    assert SpeakerResolver(doc)._body_named("Kestrova") == "Kestrova"  # nothing says what Kestrova is
    # One list of place words for affiliations and types (speaker_types.PLACE_WORDS): "the state of" came from the
    # latter.
    doc = extractor.nlp("Fighters attacked the state of Kestrova on Monday. Kestrova district chief Ilse Dunne "
                        "said air strikes had destroyed many vehicles.")
    doc.ents = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text == "Kestrova"]
    assert SpeakerResolver(doc)._body_named("Kestrova") is None


def test_an_agent_for_a_family_is_not_the_person_the_family_mourns(extractor):
    """ "Tova Brenn died … The family spokesperson said": the spokesperson speaks for her family; she is not the
    one who speaks."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nTova Brenn was killed in Velder last year while she "
            "worked with refugees. The family spokesperson said she had worked with refugees for ten years.")
    speakers = {a.speaker.name for a in extract(extractor, text) if a.speaker}
    assert "Tova Brenn" not in speakers


def test_a_described_source_keeps_the_title_words_of_its_role(extractor):
    """ "the vice president of the largest union", "the Harbor Authority's press secretary": an unnamed source's
    role is its whole title (vice president, press secretary), not the head noun alone; a name before it is no
    title word ("a Harbor Global spokesman")."""
    text = ("The harbor in Quillmoor was closed on Monday.\n\nThe vice president of the largest pilots union said "
            "the closure was illegal.\n\nThe Harbor Authority's press secretary said the harbor would reopen.\n\nA "
            "Harbor Global spokesman declined to comment.\n\nFormer head of harbor safety for the Quillmoor "
            "pilots said the closure was late.")
    roles = {a.speaker.role for a in extract(extractor, text) if a.speaker and a.speaker.type == "anonymous"}
    assert {"vice president", "press secretary", "spokesman", "former head"} <= roles


def test_an_organisation_spoken_to_is_no_affiliation(extractor):
    """ "said Kesh Varro's publicist to the Harbor Wire": the paper is whom the publicist spoke to, not the
    publicist's employer."""
    text = ("The band Harbor Lights will not play again.\n\nTurns out, the whole tale is \u201crubbish,\u201d said "
            "Varro\u2019s publicist to the Harbor Wire, backing up what Kesh Varro had said in September.")
    speakers = [a.speaker for a in extract(extractor, text) if a.speaker and "publicist" in a.speaker.name]
    assert speakers and all(s.affiliation is None for s in speakers)


def _speaker_of(extractor, text: str, name: str):
    return next(a.speaker for a in extract(extractor, text) if a.speaker and a.speaker.name == name)


def test_a_relative_is_no_role(extractor):
    """ "his son Tomas Marr", "Marr's mother, Ilse": a relation to someone else, not what one is (FNC-1 design: 14
    speakers with role "father", "mother", "brother", …); a cleric's capitalised title ("Father Ivo Kell") stays."""
    text = ("The ferry to Quillmoor sank on Monday.\n\nHis son Tomas Marr said the club had been sold. Ivo Marr's "
            "mother, Ilse Marr, said the family was in shock. Father Ivo Kell said the church would stay open.")
    assert _speaker_of(extractor, text, "Tomas Marr").role is None
    assert _speaker_of(extractor, text, "Ilse Marr").role is None
    assert _speaker_of(extractor, text, "Ivo Kell").role == "father"


def test_a_sport_before_an_untagged_head_is_no_role_alone(extractor):
    """ "golf pro Ivo Marr": the tagger could not class "pro", and the role was "golf" (FNC-1 design)."""
    text = ("The allegations were made by golf pro Ivo Marr on a radio show in Delton on Friday. “I heard he is "
            "suspended,” Marr said.")
    assert _speaker_of(extractor, text, "Ivo Marr").role == "golf pro"


@pytest.mark.parametrize("text", [
    "Pentagon Press Secretary Tova Brenn said the drills would go ahead on Monday.",
    "“We will not stop,” the Pentagon press secretary, Rear Adm. Tova Brenn, said in a statement.",
])
def test_a_title_run_into_a_body_is_the_role(extractor, text):
    """The recogniser reads "Pentagon Press" as one body before "Secretary": Tova Brenn is the Pentagon's press
    secretary, not secretary of "Pentagon Press"; the lower-case title before an apposed name keeps its words."""
    speaker = _speaker_of(extractor, text, "Tova Brenn")
    assert (speaker.role, speaker.affiliation) == ("press secretary", "Pentagon")


@pytest.mark.parametrize("text, name, role", [
    ("Marr also has the support of his esteemed colleague Tova Brenn, who defended Marr in a letter to the Daily "
     "Ledger.", "Tova Brenn", "colleague"),
    ("The celebrated painter Ilse Dorn said that the mural was not hers.", "Ilse Dorn", "painter"),
])
def test_words_of_praise_are_no_part_of_a_role(extractor, text, name, role):
    # FNC-1 check: "his esteemed colleague Dan …", "The great artist?— …" kept the writer's regard in the role.
    assert _speakers(extractor, text)[name] == ("person", role)


def test_a_clerics_title_alone_is_no_body(extractor):
    # FNC-1 design: "The Mother Abbess of the monastery of St. Clare …" was typed an organisation (its head a
    # capitalised word that no list knew for a title).
    text = "The Mother Abbess of the monastery of St. Ilse of Marrow said the nun had not been pregnant when she came."
    assert _speakers(extractor, text)["Mother Abbess"] == ("anonymous", "abbess")


@pytest.mark.parametrize("text, role", [
    ("Previously, Arbor Systems Senior Vice President of Marketing Laura Whitcombe said the watch would ship "
     "in spring.", "senior vice president of marketing"),
    ("Previously, Arbor Systems Senior Vice President of Retail and Online Stores Laura Whitcombe said the watch "
     "would ship in spring.", "senior vice president of Retail and Online Stores"),
])
def test_a_title_with_its_of_before_a_name_is_the_role(extractor, text, role):
    """ "Arbor Systems Senior Vice President of Marketing Laura Whitcombe": the person, the whole title (its "of"
    and what it is over) as role, the body before it as affiliation; not one organisation ("Apple Senior Vice
    President" on FNC-1 design), nor someone the title is "of"."""
    speaker = _speaker_of(extractor, text, "Laura Whitcombe")
    assert (speaker.type, speaker.role, speaker.affiliation) == ("person", role, "Arbor Systems")


def test_a_role_keeps_the_words_that_describe_its_first_word(extractor):
    """ "civil defense services spokesman": "civil defense" describes "services", not "spokesman"; the role keeps
    them (FNC-1 design: "services spokesman" and roles losing their first word)."""
    text = "The Velmark civil defense services spokesman, Ivo Marr, warned that further harm could be caused."
    assert _speaker_of(extractor, text, "Ivo Marr").role == "civil defense services spokesman"


def test_a_short_titles_stop_does_not_part_it_from_the_name(extractor):
    """ "police spokesman Sgt. Ivo Marr said": the parse ends a sentence at "Sgt." and the recogniser takes "Sgt"
    for a name (FNC-1 design: speaker "Michael Woody" without the role, or "Sgt"); the name is the one after the
    stop, with the title words before it as role."""
    text = "Then Port Ellis police spokesman Sgt. Ivo Marr said that the car had not been stolen."
    speakers = _speakers(extractor, text)
    assert "Sgt" not in speakers
    assert speakers["Ivo Marr"] == ("person", "police spokesman")


def test_a_soldiers_rank_with_its_grade_is_the_role_whole(extractor):
    """ "Sgt. 1st Class Tobin Ardley": the rank and its grade, never the role "class" (FNC-1 design)."""
    text = ('"He was actually on my aircraft," Sgt. 1st Class Tobin Ardley, the flight engineer on the helicopter '
            'that carried the crew, wrote on Facebook.')
    assert _speakers(extractor, text)["Tobin Ardley"] == ("person", "sergeant 1st class")


def test_a_title_the_parse_made_the_subject_is_still_the_names_title():
    """ "… spokesman Tarek al-Benhadi warned": the parse (as on an FNC-1 body) made "spokesman" the subject and the
    name's "al" its apposition; the words before the name are still its title (role was None)."""
    from claimgraph.attribution.speakers.roles import role_of, title_words, words_before

    doc = misparsed_hyphened_name()
    mention, person = doc[0:8], doc[4:8]
    title = title_words(mention, person, words_before(mention, person), [])
    assert title is not None and role_of(title) == "civil defense spokesman"


def test_a_short_title_after_a_bodys_name_does_not_join_them(extractor):
    """ "Velmora SPCA Insp. Ilse Marrow said": the mention is not widened over the title's stop to the body's name
    (the whole became one organisation; FNC-1 check: "Scottish SPCA Insp" as affiliation)."""
    text = "Velmora SPCA Insp. Ilse Marrow said the dog had been found in a ditch."
    assert _speakers(extractor, text)["Ilse Marrow"][0] == "person"
