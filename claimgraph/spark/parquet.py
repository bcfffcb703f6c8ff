"""Row layouts of the Parquet datasets a Spark run writes, and the records they come from and go back to.

Five datasets under the output folder, one row layout each (FIELDS); the conversions here are plain Python, so
`claimgraph load` reads the rows back into records without a JVM:

    articles      one row per article id: the Article record, its detected language, the extractor version
    appearances   one row per (article id, input it was read from)
    attributions  the `extract --format jsonl` contract (`Attribution.to_json`) plus article_id, the speaker's
                  aliases, the store's speaker key and the content's predicates (nlp.predicates.encode, for the
                  claim grouping; null in runs written before they were recorded)
    speakers      one row per speaker key, merged over the whole run with the store's rules (speakers.py)
    failures      one row per input or record that could not be read or extracted: input, stage, error
"""

from __future__ import annotations

import json
from typing import Any

from claimgraph.nlp.predicates import decode as decode_predicates
from claimgraph.nlp.predicates import encode as encode_predicates
from claimgraph.records import Appearance, Article, Attribution, Speaker
from claimgraph.speaker_merge import speaker_key
from claimgraph.version import EXTRACTOR_VERSION

DATASETS = ("articles", "appearances", "attributions", "speakers", "failures")

_SPEAKER = [("name", "string"), ("type", "string"), ("role", "string"), ("affiliation", "string")]

# Dataset -> [(column, type)]; types are Spark SQL type names ("struct" holds _SPEAKER).
FIELDS: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "string"), ("ref", "string"), ("content_hash", "string"), ("text", "string"),
                 ("title", "string"), ("publisher", "string"), ("published", "string"), ("url", "string"),
                 ("author", "string"), ("genre", "string"), ("body_start", "int"), ("meta", "string"),
                 ("language", "string"), ("skipped_language", "boolean"), ("extractor", "string")],
    "appearances": [("article_id", "string"), ("source", "string"), ("outlet", "string"), ("url", "string"),
                    ("published", "string"), ("title", "string")],
    "attributions": [("article", "string"), ("article_id", "string"), ("id", "string"), ("kind", "string"),
                     ("speaker", "struct"), ("speaker_aliases", "array<string>"), ("speaker_key", "string"),
                     ("source_span", "array<int>"), ("cue", "string"), ("cue_span", "array<int>"),
                     ("cue_class", "string"), ("content", "string"), ("content_spans", "array<array<int>>"),
                     ("via", "array<string>"), ("parent", "string"), ("flags", "array<string>"),
                     ("sentence", "array<int>"), ("confidence", "double"), ("method", "string"),
                     ("extractor", "string"), ("predicates", "string")],
    "speakers": [("key", "string"), ("name", "string"), ("type", "string"), ("role", "string"),
                 ("affiliation", "string"), ("aliases", "array<string>"), ("statements", "long"),
                 ("articles", "long")],
    "failures": [("input", "string"), ("stage", "string"), ("error", "string")],
}

# The fields of the extract contract (README "JSON fields"): what equality with `claimgraph extract` compares.
CONTRACT_FIELDS = ("article", "id", "kind", "speaker", "source_span", "cue", "cue_span", "cue_class", "content",
                   "content_spans", "via", "parent", "flags", "sentence", "confidence", "method", "extractor")


def spark_schema(dataset: str):
    """The dataset's pyspark StructType (pyspark imported here: the rest of the module needs no JVM)."""
    from pyspark.sql.types import StructField, StructType, _parse_datatype_string

    speaker = StructType([StructField(n, _parse_datatype_string(k)) for n, k in _SPEAKER])
    return StructType([StructField(name, speaker if kind == "struct" else _parse_datatype_string(kind))
                       for name, kind in FIELDS[dataset]])


def as_tuple(dataset: str, row: dict[str, Any]) -> tuple:
    """A row dict in the dataset's column order (what createDataFrame takes with a schema)."""
    return tuple(row.get(name) for name, _ in FIELDS[dataset])


# -- records to rows ---------------------------------------------------------------------------------------------

def article_row(article: Article, language: str | None, skipped_language: bool) -> dict[str, Any]:
    return {"id": article.id, "ref": article.ref, "content_hash": article.hash, "text": article.text,
            "title": article.title, "publisher": article.publisher, "published": article.published,
            "url": article.url, "author": article.author, "genre": article.genre, "body_start": article.body_start,
            "meta": json.dumps(article.meta, sort_keys=True, default=str) if article.meta else None,
            "language": language, "skipped_language": skipped_language, "extractor": EXTRACTOR_VERSION}


def appearance_row(article: Article) -> dict[str, Any]:
    return {"article_id": article.id, "source": article.ref, "outlet": article.publisher, "url": article.url,
            "published": article.published, "title": article.title}


def attribution_row(attribution: Attribution, article: Article) -> dict[str, Any]:
    row = attribution.to_json(article.ref)
    speaker = attribution.speaker
    row.update(article_id=article.id, speaker_aliases=list(speaker.aliases) if speaker else [],
               speaker_key=speaker_key(speaker, article.id) if speaker else None,
               predicates=encode_predicates(attribution.predicates))
    return row


def failure_row(source: str, stage: str, error: str) -> dict[str, Any]:
    return {"input": source, "stage": stage, "error": error}


# -- rows back to records (for `claimgraph load`) -------------------------------------------------------------

def _span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value is not None and len(value) == 2 else None


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(ref=row["ref"], text=row["text"], title=row.get("title"), publisher=row.get("publisher"),
                   published=row.get("published"), url=row.get("url"), author=row.get("author"),
                   genre=row.get("genre"), body_start=int(row.get("body_start") or 0),
                   meta=json.loads(row["meta"]) if row.get("meta") else {})


def appearance_from_row(row: dict[str, Any]) -> Appearance:
    return Appearance(row["article_id"], row["source"], row.get("outlet"), row.get("url"), row.get("published"),
                      row.get("title"))


def attribution_from_row(row: dict[str, Any]) -> Attribution:
    speaker = row.get("speaker")
    return Attribution(
        id=row["id"], kind=row["kind"],
        speaker=Speaker(speaker["name"], speaker["type"], speaker.get("role"), speaker.get("affiliation"),
                        tuple(row.get("speaker_aliases") or ())) if speaker else None,
        source_span=_span(row.get("source_span")), cue=row.get("cue"), cue_span=_span(row.get("cue_span")),
        cue_class=row["cue_class"], content=row.get("content"),
        content_spans=tuple(_span(s) for s in row.get("content_spans") or ()),
        sentence=_span(row.get("sentence")), via=tuple(row.get("via") or ()), parent=row.get("parent"),
        flags=tuple(row.get("flags") or ()), confidence=row.get("confidence"), method=row.get("method") or "rules",
        predicates=decode_predicates(row.get("predicates")))
