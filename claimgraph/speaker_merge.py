"""The rules that make one speaker record out of many statements: one name, one type, one record per database.

Used by the store (`store.sql`, which persists what these rules decide) and by Spark (`spark.speakers`, which
merges a whole run the same way), so that an ingested ledger and a Spark run agree. No database, no spaCy here.

- `speaker_key`: what identities merge on across articles: the normalised full name, whatever its type. An
  anonymous source ("a company", "the doctor", "officials") is an identity of its article only.
- `merged_type`: one name has one type, the strongest evidence wins whatever the order the articles came in
  (`TYPE_RANK`: outlet list > organisation > person > unknown > anonymous).
- `preferred`: role and affiliation are the value seen in most statements (ties: longest, then alphabetical).
- `display_name`: of every spelling of the full name seen, without a leading "the" before a capital ("The
  Pentagon" reads "Pentagon") unless it is a masthead's own ("The Hill", from the outlet list), the longest, then
  the first alphabetically.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimgraph.records import Speaker, normalise_name

# Merge rule for one name seen with several types: a match on the outlet list (news_outlet) is the most specific
# evidence, then an organisation (NER ORG, an organisation head word), then a person (NER PERSON, a title), then
# unknown. Rank rather than majority, so that one outlet-list match is not outvoted by NER guesses.
TYPE_RANK = {"news_outlet": 4, "organization": 3, "person": 2, "unknown": 1, "anonymous": 0}


def speaker_key(speaker: Speaker, article_id: str) -> str:
    """The merge key of a statement's speaker (see the module's docstring)."""
    if speaker.type == "anonymous":
        return f"anonymous:{article_id}:{normalise_name(speaker.name)}"
    return normalise_name(speaker.name)


def merged_type(types: Iterable[tuple[str, int]]) -> str | None:
    """The type of highest rank among (type, statements) pairs; None when there is none."""
    seen = [(v, n) for v, n in types if v]
    return max(seen, key=lambda vn: (TYPE_RANK.get(vn[0], -1), vn[0]))[0] if seen else None


def preferred(values: Iterable[tuple[str, int]]) -> str | None:
    """The value seen in most statements; ties go to the longest, then the first in alphabetical order."""
    ranked = sorted(((n, len(v), v) for v, n in values if v), key=lambda x: (-x[0], -x[1], x[2]))
    return ranked[0][2] if ranked else None


def _without_the(spelling: str) -> str:
    """'The Pentagon' and 'the Rhodium Group' → 'Pentagon', 'Rhodium Group': the article a sentence puts before a
    name is not the name's. Before a lower-case word ('the owner', 'The couple') it is a description's, and stays;
    so does a masthead's own ('The Hill', 'The Economist': `_mastheads`)."""
    words = spelling.split(maxsplit=1)
    if len(words) == 2 and words[0] in {"the", "The", "THE"} and words[1][:1].isupper():
        if f"the {words[1]}".lower() in _mastheads(os.environ.get("CLAIMGRAPH_OUTLETS", "")):
            return f"The {words[1]}"
        return words[1]
    return spelling


@lru_cache(maxsize=4)
def _mastheads(user_file: str) -> frozenset[str]:
    """Outlet names whose "The" is part of the name, in lower case: the lines of the shipped outlet list (and of the
    user's CLAIMGRAPH_OUTLETS file) that begin with it ("The Hill" is not "Hill")."""
    lines = resources.files("claimgraph.data").joinpath("outlets.txt").read_text(encoding="utf-8").splitlines()
    if user_file and Path(user_file).is_file():
        lines += Path(user_file).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip().lower().startswith("the "))


def display_name(spellings: Iterable[str], name: str) -> str:
    """The record's name: of the spellings of `name`'s full name (aliases that normalise to it), each without a
    leading "the" before a capital, the longest, then the first alphabetically ("The Pentagon" and "Pentagon" give
    "Pentagon" in either order; the aliases keep "The Pentagon" as written)."""
    full = normalise_name(name)
    same = {_without_the(x) for x in {*spellings, name} if normalise_name(x) == full}
    return max(same, key=lambda x: (len(x), [-ord(c) for c in x]))
