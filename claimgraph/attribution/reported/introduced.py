"""Statements a page introduces by its layout rather than by a sentence: an embedded post's signature line
("— Ilse Marr (@imarr) May 2, 2016") after the post's words (`signed_posts`). The paragraph a cue clause introduces
with a colon ("Vell tweeted Monday:") is `missing.next_paragraph`'s."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.attribution.found import Found, doc_text, sentence_of, trim
from claimgraph.attribution.marks import WORD
from claimgraph.attribution.reported.common import MIN_CONTENT_WORDS
from claimgraph.nlp.signatures import SIGNATURE

# Links the embed leaves at the post's end ("pic.twitter.com/SpTl", "https://t.co/gwzQ"): no words of the post.
TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S*|https?://\S*))+\s*$")


# A blank line: where a paragraph ends. The lines of one post are kept apart by a line break alone (the HTML reader
# joins an embed's lines so: ingest/html._post_lines; FNC-1 train's 165 signed posts are one line each).
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# The '>' that closes markup before a post on its line ('<tweet …>the post', PolNeAR's layout); a '>' after a space
# is the post's own ("belongings > http://t.co/…", FNC-1 train: the one such post lost its words to it).
MARKUP_END = re.compile(r"(?<=\S)>")


def _post_before(text: str, dash: int) -> tuple[int, int] | None:
    """The post's words: before the dash on its own line ('<tweet …>the post — Name (@x) Date', PolNeAR's layout,
    after the markup's '>'), or, where the signature opens its line, the paragraph above (the web's layout: the post,
    a blank line, '— Name (@x) Date'), all its lines (a post of several lines, as the HTML reader gives it). Either
    starts after a signature before it ('… — Ilse Marr (@imarr) May 2, 2016The next post — …', FNC-1 train: 9 posts
    run together on a line, each taken with the ones before)."""
    line_start = text.rfind("\n", 0, dash) + 1
    if text[line_start:dash].strip():
        start = max([line_start] + [m.end() for m in MARKUP_END.finditer(text, line_start, dash)])
        return _after_signatures(text, start, dash), dash
    above_end = len(text[:line_start].rstrip())
    if above_end == 0:
        return None
    blanks = [m.end() for m in BLANK_LINE.finditer(text, 0, above_end)]
    return _after_signatures(text, blanks[-1] if blanks else 0, above_end), above_end


def _after_signatures(text: str, start: int, end: int) -> int:
    """Where the last signature between `start` and `end` ends (`start` where there is none)."""
    return max([start] + [m.end() for m in SIGNATURE.finditer(text, start, end)])


def post_from(text: str, start: int) -> tuple[int, int] | None:
    """The signed post whose words begin at `start` (the paragraph a colon introduces, "Vell tweeted:"): its words
    without the signature, all its lines; None where the next signature's post begins elsewhere."""
    sign = SIGNATURE.search(text, start)
    post = _post_before(text, sign.start("dash")) if sign else None
    if post is None or len(text) - len(text[post[0]:].lstrip()) != start:
        return None
    return post


def signed_posts(doc: Doc) -> list[Found]:
    """'Ferry fares are theft. #Quillmoor' over '— Ilse Marr (@imarr) May 2, 2016': an embedded post is a statement
    by the account that signs it; the name is the source (the handle where the page shows no name), the dash the cue,
    as PolNeAR's annotators mark it where they mark these (train: 4 of 14 signed posts marked, all with cue '—' and
    the name as source; the rest unmarked). Kept for the reader, who counts a quoted post as its author's: train 10
    new finds, 3 gold, 7 unmarked posts, partial F1 cost 0.00003; FNC-1 sample A 6 finds, all posts by their
    signers."""
    text = doc_text(doc)
    found = []
    for m in SIGNATURE.finditer(text):
        post = _post_before(text, m.start("dash"))
        if post is None:
            continue
        links = TRAILING_LINKS.search(text, post[0], post[1])
        content = trim(doc, post[0], links.start() if links else post[1])
        if content[1] <= content[0] or len(WORD.findall(text[content[0]:content[1]])) < MIN_CONTENT_WORDS \
                or "<" in text[content[0]:content[1]]:
            continue  # a bare link or a photo; markup the layout did not expect
        named = m.group("name").strip()
        where = m.span("name") if any(c.isalpha() for c in named) else m.span("handle")
        source = doc.char_span(*trim(doc, *where), alignment_mode="expand")
        cue = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
        if source is None or cue is None or not len(source):
            continue
        found.append(Found(kind="direct", cue=cue, source=source, content=[content], cue_class="report",
                           sentence=sentence_of(doc, content), confidence=0.7))
    return found
