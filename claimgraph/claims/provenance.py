"""Where a claim came from and how it travelled: first appearance, outlet chains, timeline.

* First appearance: the earliest published date of any article carrying a statement of the claim, every syndicated
  copy (an `Appearance`) counted, with that copy's outlet and the speaker who asserted the claim there. A
  relative date in the asserting sentence ("yesterday", "on Monday", "last night") refines it to the day the words
  were said, where the article's date resolves it.
* Outlet chain of a statement: the article's publisher, then the outlets it came through (`via`, outermost first),
  then the speakers of its parent attributions, then its own speaker: EIRNS <- Tass <- Russian Defense Ministry.
* Timeline: every appearance of every article carrying the claim, oldest first, with the stances voiced there.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from claimgraph.claims.statement import Statement
from claimgraph.records import Appearance, Attribution

Appearances = dict[str, list[Appearance]]   # article id -> where and when it was seen, first recorded first

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = re.compile(r"\b(yesterday|last night|today|this morning|tonight|on (?:" + "|".join(WEEKDAYS) + r"))\b",
                      re.I)
PAST_CUES = frozenset("said told claimed stated announced reported indicated denied insisted added wrote noted "
                      "confirmed asserted suggested declared".split())


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def relative_date(published: str | None, sentence: str | None, cue: str | None,
                  content: str | None = None) -> tuple[str, str] | None:
    """The day a relative date in the sentence names ("yesterday" in an article of 2017-01-24 -> 2017-01-23)."""
    day = parse_day(published)
    if day is None or not sentence:
        return None
    frame = sentence.replace(content, " ") if content else sentence   # the words around the statement's own
    match = RELATIVE.search(frame)
    if not match:
        return None
    phrase = match.group(1).lower()
    if cue and cue.lower() in frame.lower():
        # the phrase dates this cue only when it stands before it or just after it ("said yesterday")
        at = frame.lower().index(cue.lower())
        if match.start() > at + len(cue) + 12:
            return None
    if phrase in ("yesterday", "last night"):
        return (day - timedelta(days=1)).isoformat(), phrase
    if phrase in ("today", "this morning", "tonight"):
        return day.isoformat(), phrase
    if cue is None or cue.lower() not in PAST_CUES and not cue.lower().endswith("ed"):
        return None  # "will visit on Friday": a weekday ahead of a future verb names no past day
    back = (day.weekday() - WEEKDAYS.index(phrase.split()[1])) % 7 or 7
    return (day - timedelta(days=back)).isoformat(), phrase


def first_appearance(restatements: list[Statement], stances: dict[str, str],
                     appearances: Appearances | None = None) -> dict[str, Any] | None:
    """The earliest appearance of the claim: date (refined where the text says "yesterday"), outlet, speaker."""
    if not restatements:
        return None
    earliest = min(restatements, key=Statement.sort_key)
    in_article = sorted((s for s in restatements if s.article_id == earliest.article_id), key=lambda s: s.position)
    speaker_statement = next((s for s in in_article if stances.get(s.id) == "assert"), in_article[0])
    copies = sorted((appearances or {}).get(earliest.article_id, []), key=lambda a: a.published or "9999")
    first_copy = copies[0] if copies else None
    result = {
        "date": earliest.published, "published": earliest.published,
        "outlet": (first_copy.outlet if first_copy else None) or earliest.outlet or earliest.publisher,
        "source": first_copy.source if first_copy else None, "url": first_copy.url if first_copy else None,
        "article": earliest.article_id,
        "speaker": speaker_statement.speaker_name, "attribution": speaker_statement.id, "said": None,
    }
    refined = relative_date(earliest.published, speaker_statement.sentence, speaker_statement.attribution.cue,
                            speaker_statement.attribution.content)
    if refined:
        result["date"], result["said"] = refined[0], refined[1]
    return result


def chain(statement: Statement, parents: dict[str, Attribution]) -> list[str]:
    """Publisher <- via outlets <- parent speakers <- speaker, without repeats."""
    a = statement.attribution
    lineage: list[Attribution] = []
    seen = {a.id}
    parent = parents.get(a.parent or "")
    while parent is not None and parent.id not in seen:
        lineage.append(parent)
        seen.add(parent.id)
        parent = parents.get(parent.parent or "")
    names = [statement.publisher or statement.outlet]
    for link in reversed(lineage):
        names.extend(link.via)
        names.append(link.speaker.name if link.speaker else None)
    names.extend(a.via)
    names.append(a.speaker.name if a.speaker else None)
    out: list[str] = []
    for name in names:
        if name and (not out or out[-1].lower() != name.lower()):
            out.append(name)
    return out


def chains(statements: list[Statement], parents: dict[str, Attribution]) -> list[dict[str, Any]]:
    """The distinct outlet chains of a claim's statements, with how many statements took each, oldest first."""
    seen: dict[tuple[str, ...], dict[str, Any]] = {}
    for s in sorted(statements, key=Statement.sort_key):
        path = tuple(chain(s, parents))
        if len(path) < 2:
            continue
        entry = seen.setdefault(path, {"chain": list(path), "text": " <- ".join(path), "statements": 0,
                                       "first": s.published})
        entry["statements"] += 1
    return list(seen.values())


def timeline(statements: list[Statement], stances: dict[str, str], appearances: Appearances) -> list[dict[str, Any]]:
    """Every appearance of an article carrying the claim, oldest first, with the stances voiced in it."""
    by_article: dict[str, Counter] = defaultdict(Counter)
    for s in statements:
        by_article[s.article_id][stances.get(s.id, "assert")] += 1
    rows = []
    for article_id, counts in by_article.items():
        copies = appearances.get(article_id) or [Appearance(article_id, article_id)]
        original = copies[0]   # the first recorded appearance is the story itself
        for copy in copies:
            rows.append({"date": copy.published, "outlet": copy.outlet, "source": copy.source,
                         "url": copy.url, "title": copy.title, "article": article_id,
                         "syndicated": copy is not original,
                         "stances": dict(counts)})
    return sorted(rows, key=lambda r: (r["date"] or "9999", r["article"], r["source"] or ""))


def outlets(statements: list[Statement], parents: dict[str, Attribution], appearances: Appearances,
            known_outlets: set[str]) -> list[str]:
    """Every outlet the claim passed through: publishers, syndicated copies, `via` and relaying speakers."""
    found: dict[str, None] = {}
    for s in statements:
        for copy in appearances.get(s.article_id, []):
            if copy.outlet:
                found.setdefault(copy.outlet, None)
        for name in chain(s, parents)[:-1]:
            found.setdefault(name, None)
        sp = s.attribution.speaker
        if sp and (sp.type == "news_outlet" or sp.name.lower() in known_outlets):
            found.setdefault(sp.name, None)
    return list(found)
