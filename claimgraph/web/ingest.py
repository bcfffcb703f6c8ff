"""Ingest by URL from the web layer: fetch (refusing loopback and private addresses unless the server was started
with `--allow-private`, link-local and cloud metadata addresses always), extract, store, re-link claims; one report.
Plain Python over the library.

The extractor (the spaCy pipeline) is loaded on the first URL that fetched, not at start-up, and one ingest runs at
a time (the store has one writer; a second request waits).
"""

from __future__ import annotations

import threading
from typing import Any

from claimgraph.errors import InputError
from claimgraph.store.sql import Store

_lock = threading.Lock()
_extractor: list[Any] = []


def _shared_extractor() -> Any:
    if not _extractor:
        from claimgraph.pipeline import Extractor

        _extractor.append(Extractor())
    return _extractor[0]


def ingest_url(store: Store, url: str, allow_private: bool = False) -> dict[str, Any]:
    """Fetch and store what `url` holds (a page or a feed's entries); the service's report as a dict."""
    from claimgraph.ingest import ReadOptions, read_url
    from claimgraph.ingest.syndication import SyndicationIndex
    from claimgraph.service import IngestReport, ingest_articles

    options = ReadOptions(allow_private=allow_private)
    with _lock:
        try:
            items = list(read_url(url, options))
        finally:
            options.close()
        errors = [item for item in items if isinstance(item, InputError)]
        articles = [item for item in items if not isinstance(item, InputError)]
        report = IngestReport()
        if articles:
            report = ingest_articles(articles, store, _shared_extractor(), syndication=SyndicationIndex.load(store))
            if report.stored or report.syndicated:
                from claimgraph.service_claims import link_claims

                link_claims(store)
                from claimgraph.store.search import refresh_index

                refresh_index(store)   # what this server stored is found by its next search, not a second later
    result = report.as_dict()
    result["read"] += len(errors)
    result["failed"] += len(errors)
    result["failures"] += [{"source": e.source, "reason": e.reason} for e in errors]
    return result
