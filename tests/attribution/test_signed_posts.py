"""Embedded posts signed "— Name (@handle) Date" (`reported.introduced.signed_posts`): a post of several lines read
from a page's embed markup, posts run together on one line, a display name in lower case, and the one signature
pattern `reported.missing` shares. Fictional pages and texts through the real reader and parse, rules only; each
test fails without the behaviour it names."""

from __future__ import annotations

from claimgraph.ingest.html import article_from_html
from tests.conftest import by_cue, extract, span_text

HEAD = "Harbor board delays ferry levy vote\n\nThe Quillmoor harbor board put off its vote on the ferry levy.\n\n"


def _embed(lines: list[str], signer: str, handle: str) -> str:
    """Twitter's embed code: the post's lines in one <p> with line breaks, the signature after it."""
    words = "<br><br>".join(lines)
    return (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{words}</p>&mdash; {signer} ({handle}) '
            f'<a href="https://twitter.com/{handle[1:]}/status/1">May 2, 2016</a></blockquote>')


def _page(*blocks: str) -> str:
    body = "\n".join(blocks)
    return (f"<!DOCTYPE html><html><head><title>Quillmoor ferry fares rise again</title></head><body><article>"
            f"<h1>Quillmoor ferry fares rise again</h1>{body}</article></body></html>")


PROSE = ("<p>The Quillmoor ferry company raised its fares on Monday for the third time this year, drawing anger from "
         "commuters who cross the bay each morning.</p>")
AFTER = ("<p>Commuters said they would consider other routes across the bay if the fares kept climbing through the "
         "summer months.</p>")
TWO_LINES = ["Ferry fares are theft and the company knows it.", "We will fight this at the next council meeting."]


def test_the_reader_keeps_a_posts_lines_in_one_paragraph():
    """The embed's <br> breaks are line breaks of the post, not paragraphs of the article: its two lines are one
    block (a single line break between them) above the signature; a one-line post and the article's own paragraphs
    stay as they were (`ingest.html._post_lines`)."""
    one_line = _embed(["Fuel costs have doubled since January and we cannot run at a loss."], "Otto Brand", "@obrand")
    page = _page(PROSE, "<p>Other residents were blunter.</p>", _embed(TWO_LINES, "Nora Pell", "@norapell"), AFTER,
                 one_line, AFTER)
    text = article_from_html(page, "page").text
    assert f"{TWO_LINES[0]}\n{TWO_LINES[1]}\n\n— Nora Pell (@norapell) May 2, 2016" in text
    assert ("\n\nFuel costs have doubled since January and we cannot run at a loss.\n\n— Otto Brand (@obrand) May 2, "
            "2016\n\n") in text
    assert "blunter.\n\nFerry fares" in text


def test_a_post_of_two_paragraphs_is_its_signers_whole(rules):
    """The embed's post of two lines under article prose: the signed post is both lines, not the last alone."""
    page = _page(PROSE, "<p>Other residents were blunter.</p>", _embed(TWO_LINES, "Nora Pell", "@norapell"), AFTER)
    article = article_from_html(page, "page")
    found = by_cue(rules.extract(article), "—")
    assert found.speaker.name == "Nora Pell"
    assert span_text(article.text, found.content_spans[0]) == f"{TWO_LINES[0]}\n{TWO_LINES[1][:-1]}"


def test_a_post_of_two_paragraphs_below_a_colon_is_taken_whole(rules):
    """'…, posting a message to her followers:' over the embed: what she posted is both lines, without the
    signature (`introduced.post_from`)."""
    intro = "<p>Councillor Ilse Marr responded within the hour, posting a message to her followers:</p>"
    article = article_from_html(_page(PROSE, intro, _embed(TWO_LINES, "Ilse Marr", "@imarr"), AFTER), "page")
    found = by_cue(rules.extract(article), "posting")
    assert found.speaker.name == "Ilse Marr"
    assert span_text(article.text, found.content_spans[0]) == f"{TWO_LINES[0]}\n{TWO_LINES[1][:-1]}"


def test_a_colon_over_a_post_on_one_line_leaves_the_signature_out(rules):
    """'Vell tweeted Monday:' over 'the post — Tomas Vell (@tvell) May 2, 2016' on one line: the post's words."""
    text = HEAD + ("Tomas Vell tweeted Monday:\n\nThe levy will not pass while I hold this office. — Tomas Vell "
                   "(@tvell) May 2, 2016\n\nThe board meets again next week.\n")
    found = by_cue(extract(rules, text), "tweeted")
    assert span_text(text, found.content_spans[0]) == "The levy will not pass while I hold this office"


def test_posts_run_together_on_one_line_are_each_their_own(rules):
    """'…post one— Ilse Marr (@imarr) May 2, 2016Post two— Otto Brand (@obrand) May 3, 2016' (a scrape that lost the
    breaks between embeds): the second post starts after the first one's signature."""
    text = HEAD + ("Residents were quick to respond.\n\nThe ferry belongs to the people of Quillmoor.— Ilse Marr "
                   "(@imarr) May 2, 2016Nobody on the board rides the morning ferry anyway.— Otto Brand (@obrand) "
                   "May 3, 2016\n\nThe board meets again next week.\n")
    found = [a for a in extract(rules, text) if a.cue == "—"]
    by_signer = {a.speaker.name: span_text(text, a.content_spans[0]) for a in found}
    assert by_signer["Otto Brand"] == "Nobody on the board rides the morning ferry anyway"
    assert by_signer["Ilse Marr"] == "The ferry belongs to the people of Quillmoor"


def test_a_greater_than_sign_in_a_post_is_no_markup(rules):
    """'… belongings > http://t.co/…' on the signature's line: the '>' after a space is the post's, and the words
    before it are the post (the '>' that closes markup has no space before it)."""
    text = HEAD + ("The harbor trust posted a notice.\n\nLost dog found at the ferry terminal with a bag of toys > "
                   "http://t.co/AbC123 pic.twitter.com/XyZ789— Harbor Trust (@harbortrust) May 2, 2016\n\n"
                   "The board meets again next week.\n")
    found = by_cue(extract(rules, text), "—")
    assert span_text(text, found.content_spans[0]).startswith("Lost dog found at the ferry terminal")


def test_a_lower_case_display_name_is_the_whole_speaker(rules):
    """'— quillmoor ferry watch (@qferrywatch) May 2, 2016': the account's display name in lower case is the
    speaker's whole name, not a noun of it (`speakers.resolver._lower_case_signer`)."""
    text = HEAD + ("Fuel costs have doubled since January and the ferries cannot run at a loss any longer.\n\n"
                   "— quillmoor ferry watch (@qferrywatch) May 3, 2016\n\nThe board meets again next week.\n")
    found = by_cue(extract(rules, text), "—")
    assert found.speaker.name == "quillmoor ferry watch"
    assert found.speaker.type == "unknown"


def test_a_lower_case_persons_name_is_a_person(rules):
    """'— nora pell (@norapell) …': two words, the first a first name: a person, her whole name."""
    text = HEAD + ("Ferry fares are theft and the company knows it. #Quillmoor #ferries\n\n"
                   "— nora pell (@norapell) May 2, 2016\n\nThe board meets again next week.\n")
    speaker = by_cue(extract(rules, text), "—").speaker
    assert (speaker.name, speaker.type) == ("nora pell", "person")


def test_a_dash_inside_a_post_in_markup_is_no_signature(rules):
    """'<tweet …>Fares up — again. — Harbor Gazette (@hgazette) May 2, 2016<tweet/>' under 'tweeting the
    following:': the signature is the dash before the name and handle, the post's own dash stays in its words
    (`missing._post_in_markup` cuts at `nlp.signatures.SIGNATURE`, whose name holds no dash)."""
    text = HEAD + ("Her deputy Otto Brand backed her up, tweeting the following:\n\n<tweet tweet-author=\"@obrand\">"
                   "The fares are up — again, and nobody on the board will say why. — Otto Brand (@obrand) May 2, "
                   "2016<tweet/>.\n\nThe board meets again next week.\n")
    found = by_cue(extract(rules, text), "tweeting")
    assert span_text(text, found.content_spans[0]) == ("The fares are up — again, and nobody on the board will say "
                                                       "why")
