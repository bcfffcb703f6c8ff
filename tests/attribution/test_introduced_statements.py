"""Issue 9: statements a page introduces by its layout: a cue clause ending in a colon over the paragraph that holds
the statement ("Vell tweeted Monday:"). Fictional texts through the real parse, rules only; each test fails without
the rule it names."""

from __future__ import annotations

from tests.conftest import by_cue, extract, span_text

HEAD = "Harbor board delays ferry levy vote\n\nThe Quillmoor harbor board put off its vote on the ferry levy.\n\n"


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
