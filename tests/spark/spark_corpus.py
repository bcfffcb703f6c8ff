"""Inputs for the Spark tests, written into a folder: the bundled examples, generated files of other kinds, a
WARC holding the ingest tests' bad inputs beside good pages, a truncated WARC, and a Parquet table."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from ingest_samples import BRIDGE, FESTIVAL, HARBOUR, NO_ARTICLE_HTML, page_html
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLES = Path(__file__).parents[2] / "examples"


def _warc(records: list[tuple[str, str, bytes]], gzip: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for uri, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


def write_inputs(folder: Path) -> list[str]:
    """The inputs `extract` and `spark extract` both take; returns the paths to give them."""
    shutil.copytree(EXAMPLES, folder / "examples")
    (folder / "pier.html").write_text(page_html("Pier closes", HARBOUR), encoding="utf-8")
    rows = [{"id": "wire-1", "title": "Lanterns", "text": FESTIVAL}, {"id": "wire-2", "text": ""}, "not json"]
    (folder / "wire.jsonl").write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                                       encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(_warc([
        ("https://gazette.example/bridge", "text/html; charset=utf-8",
         page_html("Bridge", BRIDGE).encode()),
        ("https://gazette.example/index", "text/html", NO_ARTICLE_HTML.encode()),   # no article in it
        ("https://gazette.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),  # not text
        ("https://gazette.example/empty", "text/html", b""),                          # empty body
    ]))
    whole = _warc([("https://courier.example/a", "text/html", page_html("A", FESTIVAL).encode())], gzip=False)
    (folder / "cut.warc").write_bytes(whole[: len(whole) // 2])  # truncated: named, never fatal
    return [str(folder / "examples"), str(folder / "pier.html"), str(folder / "wire.jsonl"),
            str(folder / "crawl.warc.gz"), str(folder / "cut.warc"), str(folder / "missing.txt")]


def write_parquet(path: Path) -> None:
    """A Parquet table whose text column is `body` (mapped with --columns text=body)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"story": ["harbour", "bridge", "blank"], "body": [HARBOUR, BRIDGE, "   "],
                             "headline": ["Pier", "Bridge", None]}), path)
