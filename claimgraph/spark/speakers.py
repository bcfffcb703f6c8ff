"""Speakers merged across the whole run with the store's rules (`claimgraph.speaker_merge`), so that a loaded run
and an ingested one agree.

The key is `speaker_merge.speaker_key` (the normalised name, whatever its type; an anonymous source is one of its
article only). Over every statement of a key: the type of highest rank (`merged_type`), the role and the
affiliation seen in most statements (`preferred`), and as the display name the longest spelling of the full name
seen (`display_name`), so that the answer does not depend on partition order.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from claimgraph.speaker_merge import display_name, merged_type, preferred


def merge_speaker(key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One speakers row from every attributions row whose speaker has `key`."""
    def tally(field: str) -> list[tuple[str, int]]:
        return list(Counter(r["speaker"][field] for r in rows if r["speaker"][field]).items())

    aliases = {alias for r in rows for alias in (r["speaker"]["name"], *(r.get("speaker_aliases") or ()))}
    name = display_name(aliases, preferred(tally("name")))
    return {"key": key, "name": name, "type": merged_type(tally("type")), "role": preferred(tally("role")),
            "affiliation": preferred(tally("affiliation")), "aliases": sorted(aliases - {name}),
            "statements": len(rows), "articles": len({r["article_id"] for r in rows})}


def merge_speakers(attributions: Any) -> Any:
    """An RDD of attributions rows -> an RDD of speakers rows, one per speaker key."""
    keyed = attributions.filter(lambda r: r.get("speaker_key")).keyBy(lambda r: r["speaker_key"])
    return keyed.groupByKey().map(lambda kv: merge_speaker(kv[0], list(kv[1])))
