"""The byline's person: where the article's author field names one person, the writer's statements are theirs.

Several authors, an outlet ("The Economist", "Reuters"), a desk ("Letters") or junk a reader took along ("CBS News
February") name no one, and the statements stay the anonymous `WRITER`'s (writer.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimgraph.attribution.speakers.names import is_outlet
from claimgraph.attribution.speakers.writer import WRITER
from claimgraph.records import Article, Attribution, Speaker, normalise_name

# Words of a byline that name no person: outlets, desks, the letters page, a date the reader took along.
NOT_PERSON_WORDS = {"news", "press", "staff", "times", "media", "letters", "letter", "editorial", "editors", "editor",
                    "board", "desk", "team", "agency", "agencies", "newsroom", "online", "reporters", "reporter",
                    "correspondent", "wire", "wires", "service", "services", "associated", "group", "network",
                    "january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "contributors", "contributor", "opinion", "the"}
NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$|^[A-Z]\.?$")


def byline_person(article: Article) -> str | None:
    """The one person the article's byline (`author`, as the reader found it) names, or None: several authors,
    an outlet ("The Economist", "Reuters"), a desk ("Letters") or junk ("CBS News February") name no one."""
    author = (article.author or "").strip()
    if not author:
        return None
    parts = [re.sub(r"^[Bb]y\s+", "", p).strip() for p in re.split(r";|,|&|\band\b|\n", author)]
    publisher = normalise_name(article.publisher or "")
    people = [p for p in parts if p and _person_name(p) and normalise_name(p) != publisher]
    return people[0] if len(set(people)) == 1 else None


def _person_name(text: str) -> bool:
    words = text.split()
    return (2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words) and not is_outlet(text)
            and not any(w.lower().strip(".") in NOT_PERSON_WORDS for w in words)
            and not any(ch.isdigit() for ch in text) and not text.isupper())


def with_byline(article: Article, attributions: list[Attribution]) -> list[Attribution]:
    """The writer's statements (`WRITER`) given to the byline's person where there is one."""
    name = byline_person(article)
    if name is None or not any(a.speaker == WRITER for a in attributions):
        return attributions
    author = Speaker(name, "person", "writer")
    return [replace(a, speaker=author) if a.speaker == WRITER else a for a in attributions]
