"""Issue 9: statements a page introduces by its layout: a cue clause ending in a colon over the paragraph that holds
the statement ("Vell tweeted Monday:"), and an embedded post signed "— Name (@handle) Date". Fictional texts through
the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

from tests.conftest import by_cue, extract, span_text
from tests.conftest import finds_with_cue as _with_cue

HEAD = "Harbor board delays ferry levy vote\n\nThe Quillmoor harbor board put off its vote on the ferry levy.\n\n"


PARAGRAPH = ("Quillmoor mayor backs levy\n\n"
             "Mayor Ansel Vell did not mince words about the harbor levy. In a speech last July, she said:\n\n"
             "Let no one be mistaken, the harbor levy is a tax on every family in Quillmoor, and it must go.\n\n"
             "The board meets again in May.\n")


def test_a_tweet_cue_ending_in_a_colon_gives_the_paragraph_below(rules):
    """'Mayor Ilse Marr tweeted Monday:' over an unquoted paragraph: the paragraph is what she tweeted
    (`missing._introduces`: "tweet" is no speech cue of the bare kind)."""
    text = HEAD + ("Mayor Ilse Marr tweeted Monday:\n\nThe levy will not pass while I hold this office, and the board "
                   "should stop pretending otherwise.\n\nThe board meets again next week.\n")
    found = by_cue(extract(rules, text), "tweeted")
    assert found.speaker.name == "Ilse Marr"
    assert span_text(text, found.content_spans[0]).startswith("The levy will not pass")


def test_a_cue_pointing_with_the_following_takes_the_post_in_its_markup(rules):
    """'…, tweeting the following:' over '<tweet …>the post<tweet/>': the object only points below
    (`missing.points_below`), and the post's words are inside the markup (`missing._post_in_markup`)."""
    text = HEAD + ("Her deputy Otto Brand backed her up, tweeting the following:\n\n<tweet tweet-author=\"@obrand\" "
                   "tweet-date=\"May 2, 2016\">The ferry belongs to the people of Quillmoor, not to the board.<tweet/>."
                   "\n\nThe board meets again next week.\n")
    found = by_cue(extract(rules, text), "tweeting")
    assert found.speaker.name == "Otto Brand"
    assert span_text(text, found.content_spans[0]) == "The ferry belongs to the people of Quillmoor, not to the board"


def test_pointed_out_on_facebook_with_a_colon_gives_the_paragraph_below(rules):
    """'as harbor pilot Lena Sorr pointed out on Facebook:' closing its paragraph: the paragraph below is hers."""
    text = HEAD + ("The levy's cost falls on commuters, as harbor pilot Lena Sorr pointed out on Facebook:\n\nHalf of "
                   "the morning ferry riders earn less than the median wage in the county, and they would pay the most."
                   "\n\nThe board meets again next week.\n")
    found = by_cue(extract(rules, text), "pointed")
    assert found.speaker.name == "Lena Sorr"
    assert span_text(text, found.content_spans[0]).startswith("Half of the morning ferry riders")


def test_an_empty_embed_below_a_colon_gives_nothing(rules):
    """'Vell took to Twitter to fire back:' over an embed with no words ('<tweet tweet-id="…"><tweet/>'): nothing
    to give, and no record of the markup."""
    text = HEAD + ("Tomas Vell tweeted Monday:\n\n<tweet tweet-id=\"667366217527767040\"><tweet/>.\n\n"
                   "The board meets again next week.\n")
    assert not [a for a in extract(rules, text) if a.cue == "tweeted" and a.content_spans]


def test_a_signed_post_below_its_words_is_its_authors(rules):
    """The web's embed: the post's paragraph, then '— Nora Pell (@norapell) May 2, 2016' on a line of its own; the
    post is Nora Pell's, the dash its cue, the trailing photo link no part of it (`introduced.signed_posts`)."""
    text = HEAD + ("Other residents were blunter.\n\nFerry fares are theft and the board knows it. #Quillmoor "
                   "pic.twitter.com/AbC123\n\n— Nora Pell (@norapell) May 2, 2016\n\nThe board meets next week.\n")
    found = by_cue(extract(rules, text), "—")
    assert found.speaker.name == "Nora Pell"
    assert span_text(text, found.content_spans[0]) == "Ferry fares are theft and the board knows it. #Quillmoor"


def test_a_signature_on_the_posts_own_line_signs_the_words_before_it(rules):
    """PolNeAR's layout: '<tweet …>the post — Harbor Gazette (@hgazette) May 2, 2016</tweet>' on one line: the
    words between the markup and the dash are the post, the outlet its source."""
    text = HEAD + ("<tweet id=\"1\" author=\"@hgazette\" datetime=\"2016-05-02\">BREAKING: The harbor board has "
                   "delayed the ferry levy vote to June. — Harbor Gazette (@hgazette) May 2, 2016</tweet>.\n\n"
                   "The board meets again next week.\n")
    found = by_cue(extract(rules, text), "—")
    assert span_text(text, found.source_span) == "Harbor Gazette"
    assert span_text(text, found.content_spans[0]).startswith("BREAKING: The harbor board has delayed")


def test_a_signature_under_a_bare_link_gives_nothing(rules):
    """A post that is only a photo link ('pic.twitter.com/…') has no words to attribute."""
    text = HEAD + "pic.twitter.com/AbC123\n\n— Nora Pell (@norapell) May 2, 2016\n\nThe board meets next week.\n"
    assert not [a for a in extract(rules, text) if a.cue == "—"]


def test_a_cue_closing_its_paragraph_with_a_colon_introduces_the_next(rules):
    assert _with_cue(extract(rules, PARAGRAPH), PARAGRAPH, "said") == [
        ("said", "she",
         "Let no one be mistaken, the harbor levy is a tax on every family in Quillmoor, and it must go")]


def test_a_colon_followed_by_words_on_its_own_line_is_left_to_the_parse(rules):
    # the words after the colon are the parse's content, not the paragraph below
    text = PARAGRAPH.replace("she said:\n\nLet", "she said: let")
    found = _with_cue(extract(rules, text), text, "said")
    assert found and all("board meets" not in content for _, _, content in found)
