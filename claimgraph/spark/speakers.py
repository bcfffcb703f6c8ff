"""Speakers merged across the whole run with the store's rules, so that a loaded run and an ingested one agree.

The key is the store's (`store.sql.speaker_key`: the normalised name, whatever its type; an anonymous source is
one of its article only). Over every statement of a key: the type of highest rank (`TYPE_RANK`), the role and the
affiliation seen in most statements (`_preferred`: ties to the longest, then alphabetical), and as the display
name the name seen in most statements by the same rule, so that the answer does not depend on partition order.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from claimgraph.store.sql import TYPE_RANK, _preferred


def merge_speaker(key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One speakers row from every attributions row whose speaker has `key`."""
    def tally(field: str) -> list[tuple[str, int]]:
        return list(Counter(r["speaker"][field] for r in rows if r["speaker"][field]).items())

    name = _preferred(tally("name"))
    type_ = max(tally("type"), key=lambda vn: (TYPE_RANK.get(vn[0], -1), vn[0]))[0]
    aliases = {alias for r in rows for alias in (r["speaker"]["name"], *(r.get("speaker_aliases") or ()))}
    return {"key": key, "name": name, "type": type_, "role": _preferred(tally("role")),
            "affiliation": _preferred(tally("affiliation")), "aliases": sorted(aliases - {name}),
            "statements": len(rows), "articles": len({r["article_id"] for r in rows})}


def merge_speakers(attributions: Any) -> Any:
    """An RDD of attributions rows -> an RDD of speakers rows, one per speaker key."""
    keyed = attributions.filter(lambda r: r.get("speaker_key")).keyBy(lambda r: r["speaker_key"])
    return keyed.groupByKey().map(lambda kv: merge_speaker(kv[0], list(kv[1])))
