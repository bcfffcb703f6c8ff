"""Speakers a person would accept on scraped news (issue 9): roles are roles, one name one type. Classes found in
FNC-1's scraped bodies: a post's signature whose date or hashtag ran into the name's apposition ("— Tobin Ardley
(@tardley) October 6, 2014": role "october"), and a body the recogniser took for a person, whose kind is said beside
it ("Al Marwani, a local newspaper": role "local newspaper"), and a courtesy title taken for a role ("Miss Orlay":
role "miss"). Fictional texts through the shipped pipeline; each test fails without the behaviour it names."""

from __future__ import annotations

from tests.conftest import extract

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
    assert speakers["Jory Nask"] == ("person", "son", None)


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
