"""`claimgraph load DIR`: a Spark run's Parquet datasets into a Store, through the Store's public API.

Idempotent and resumable: each article goes in with its attributions in one transaction (`Store.save_article`,
which answers False for an article already stored), appearances through `add_appearance` (False when recorded),
failures only for inputs the store has no failure for; so a second load changes nothing, and a load killed half
way is finished by running it again. Parquet is read with pyarrow (no JVM): the attributions are grouped by article
in memory, which bounds a single load to what the machine holds (about 1 KB an attribution).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.spark import parquet


@dataclass
class LoadReport:
    articles: int = 0          # stored now
    already: int = 0           # stored before (an earlier load or ingest)
    appearances: int = 0       # further appearances recorded now
    attributions: int = 0      # stored now with their articles
    failures: int = 0          # failed inputs recorded now
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article ref, why it could not be stored)

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "already": self.already, "appearances": self.appearances,
                "attributions": self.attributions, "failures": self.failures, "errors": len(self.errors)}


def read_rows(folder: Path, dataset: str) -> Iterator[dict[str, Any]]:
    """Every row of one dataset of a Spark run, as dicts, a record batch at a time."""
    import pyarrow.dataset as ds

    path = folder / dataset
    if not path.is_dir():
        raise InputError(str(path), f"not a Spark run's output: no {dataset}/ dataset (see `claimgraph spark extract`)")
    for batch in ds.dataset(str(path), format="parquet").to_batches():
        yield from batch.to_pylist()


def load_run(folder: str | Path, store: Any, on_progress: Callable[[str], None] | None = None) -> LoadReport:
    from claimgraph.service import describe, mark_claims_stale
    from claimgraph.version import EXTRACTOR_VERSION

    folder = Path(folder)
    by_article: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in read_rows(folder, "attributions"):
        by_article[row["article_id"]].setdefault(row["id"], row)  # a text read twice: its rows once
    report = LoadReport()
    for row in read_rows(folder, "articles"):
        try:
            if store.article_exists(row["id"]):
                report.already += 1
                continue
            article = parquet.article_from_row(row)
            attributions = [parquet.attribution_from_row(a) for a in by_article.get(row["id"], {}).values()]
            if report.articles == 0:
                mark_claims_stale(store)  # new statements: claims are relinked by `link-claims`
            if store.save_article(article, attributions, row.get("extractor") or EXTRACTOR_VERSION,
                                  language=row.get("language")):
                report.articles += 1
                report.attributions += len(attributions)
            else:
                report.already += 1
        except Exception as exc:  # noqa: BLE001 - one article that cannot be stored is named; the load goes on
            report.errors.append((row.get("ref") or row.get("id"), describe(exc)))
        if on_progress:
            on_progress(row.get("ref") or "")
    _load_appearances(folder, store, report)
    _load_failures(folder, store, report)
    return report


def _load_appearances(folder: Path, store: Any, report: LoadReport) -> None:
    for row in read_rows(folder, "appearances"):
        if store.article_exists(row["article_id"]) and store.add_appearance(parquet.appearance_from_row(row)):
            report.appearances += 1


def _load_failures(folder: Path, store: Any, report: LoadReport) -> None:
    known = {f["source"] for f in store.failures()}
    for row in read_rows(folder, "failures"):
        if row["input"] not in known:
            store.record_failure(row["input"], f"{row['stage']}: {row['error']}")
            known.add(row["input"])
            report.failures += 1
