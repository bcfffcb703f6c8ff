"""No silent loss in WARC files: a small archive cut at every record boundary and at 50 points between, gzip and
plain; a corrupt member in the middle; a record over the cap; gzip over the whole file.

Each cut either gives all its complete records and an error naming the file for the rest, or names the file; a cut
exactly at a record boundary is a complete (shorter) archive and gives its records with no error.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from ingest_samples import BRIDGE, FESTIVAL, HARBOUR, page_html
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.errors import InputError
from claimgraph.ingest import ReadOptions, read_inputs

PAGES = [("https://harbor.example/pier", HARBOUR), ("https://courier.example/lanterns", FESTIVAL),
         ("https://gazette.example/bridge", BRIDGE)]


def build(gzip_records: bool, pages=PAGES) -> tuple[bytes, list[int]]:
    """A WARC of a warcinfo record and one response per page; the byte offsets where each record ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    ends = [buffer.tell()]
    for uri, text in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = text if isinstance(text, bytes) else page_html(uri, text).encode()
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


def read_cut(path: Path, data: bytes) -> tuple[list[str], list[InputError]]:
    path.write_bytes(data)
    items = list(read_inputs([path], ReadOptions()))
    return ([i.ref for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)])


@pytest.mark.parametrize("gzip_records, name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_truncation_sweep_has_no_silent_cut(tmp_path, gzip_records, name):
    data, ends = build(gzip_records)
    between = {len(data) * i // 51 for i in range(1, 51)}
    cuts = sorted(set(ends) | {e - 1 for e in ends} | {e + 1 for e in ends[:-1]} | between)
    silent = []
    for cut in cuts:
        refs, errors = read_cut(tmp_path / name, data[:cut])
        complete = [uri for (uri, _), end in zip(PAGES, ends[1:]) if end <= cut]
        if cut in ends:
            ok = refs == complete and not errors
        else:
            ok = (refs == complete and len(errors) == 1 and errors[0].source == str(tmp_path / name)
                  and "truncated or corrupt WARC" in errors[0].reason and "offset" in errors[0].reason)
        if not ok:
            silent.append((cut, refs, [str(e) for e in errors]))
    assert len(cuts) >= 55 and silent == []


def test_a_corrupt_gzip_member_in_the_middle_names_its_offset(tmp_path):
    data, ends = build(True)
    middle = ends[1] + (ends[2] - ends[1]) // 2  # inside the second response's member
    damaged = data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 40]) + data[middle + 40:]
    refs, errors = read_cut(tmp_path / "bad.warc.gz", damaged)
    assert refs == [PAGES[0][0]]
    assert len(errors) == 1 and f"at byte offset {ends[1]}" in errors[0].reason


def test_a_record_over_the_cap_is_named_and_the_others_are_read(tmp_path):
    huge = b"<html><body><p>" + b"lantern " * (11 * 2**20 // 8) + b"</p></body></html>"
    pages = [PAGES[0], ("https://courier.example/huge", huge), PAGES[2]]
    data, ends = build(True, pages)
    refs, errors = read_cut(tmp_path / "big.warc.gz", data)
    assert refs == [PAGES[0][0], PAGES[2][0]]
    assert len(errors) == 1 and errors[0].source == "https://courier.example/huge"
    assert "record body too large" in errors[0].reason and f"at offset {ends[1]} of" in errors[0].reason


def test_gzip_over_the_whole_file_is_read_and_its_truncation_named(tmp_path):
    data, _ = build(False)
    whole = gzip.compress(data)
    refs, errors = read_cut(tmp_path / "whole.warc.gz", whole)
    assert refs == [uri for uri, _ in PAGES] and not errors
    refs, errors = read_cut(tmp_path / "whole.warc.gz", whole[:-30])
    assert refs == [uri for uri, _ in PAGES[:2]]
    assert len(errors) == 1 and "the gzip data ends early" in errors[0].reason
