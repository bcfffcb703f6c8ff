"""WARC archives (gzip and plain, whole and truncated), CSV and JSON Lines with the column mapping."""

from __future__ import annotations

import csv
import io
import json

import pytest
from ingest_samples import BRIDGE, FESTIVAL, HARBOUR, NO_ARTICLE_HTML, page_html
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.errors import InputError
from claimgraph.ingest import ReadOptions, read_inputs
from claimgraph.ingest.tabular import parse_columns


def _warc(gzip: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))

    def response(uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-06-01T10:00:00Z"}))

    request = StatusAndHeaders("GET /pier HTTP/1.1", [("Host", "harbor.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://harbor.example/pier", "request",
                                                  payload=io.BytesIO(b""), http_headers=request))
    response("https://harbor.example/pier", page_html("Pier", HARBOUR, date="2024-03-02").encode())
    response("https://harbor.example/logo.png", b"\x89PNG....", ctype="image/png")
    response("https://harbor.example/old", b"", status="301 Moved Permanently")
    response("https://harbor.example/tags", NO_ARTICLE_HTML.encode())
    response("https://courier.example/lanterns", page_html("Lanterns", FESTIVAL, date="").encode())
    response("https://gazette.example/bridge", page_html("Bridge", BRIDGE).encode())
    return buf.getvalue()


@pytest.mark.parametrize("gzip, name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_warc_html_responses_become_articles(tmp_path, gzip, name):
    path = tmp_path / name
    path.write_bytes(_warc(gzip))
    options = ReadOptions()
    items = list(read_inputs([path], options))
    assert [a.ref for a in items] == ["https://harbor.example/pier", "https://courier.example/lanterns",
                                      "https://gazette.example/bridge"]
    pier, lanterns, _ = items
    assert pier.url == "https://harbor.example/pier" and pier.published == "2024-03-02"
    assert "Marta Quillon" in pier.text and pier.meta["warc"] == str(path)
    assert lanterns.published in ("2024-06-01", lanterns.published)  # capture date when the page has none
    reasons = " ".join(reason for _, reason in options.skipped)
    for skipped in ("warcinfo record", "request record", "image/png response", "HTTP 301", "without article"):
        assert skipped in reasons
    assert options.skipped_count == 5


@pytest.mark.parametrize("gzip, name", [(True, "cut.warc.gz"), (False, "cut.warc")])
def test_truncated_warc_keeps_what_came_before(tmp_path, gzip, name):
    data = _warc(gzip)
    path = tmp_path / name
    path.write_bytes(data[: len(data) - 300])  # the last record (the bridge page) is cut off
    items = list(read_inputs([path]))
    assert [a.ref for a in items[:-1]] == ["https://harbor.example/pier", "https://courier.example/lanterns"]
    error = items[-1]
    assert isinstance(error, InputError) and error.source == str(path) and "truncated" in error.reason


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_bytes(b"hello, I am not an archive\n" * 10)
    (error,) = list(read_inputs([path]))
    assert isinstance(error, InputError) and "WARC" in error.reason


def _write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def test_csv_default_mapping(tmp_path):
    path = tmp_path / "news.csv"
    _write_csv(path, [["headline", "Body", "link", "outlet", "date"],
                      ["Pier to close", HARBOUR, "https://harbor.example/pier", "Harbor Daily", "2024-03-02"],
                      ["Empty one", "", "https://harbor.example/empty", "Harbor Daily", "2024-03-03"]])
    pier, empty = list(read_inputs([path]))
    assert pier.title == "Pier to close" and pier.publisher == "Harbor Daily" and pier.published == "2024-03-02"
    assert pier.text == HARBOUR and pier.ref == "https://harbor.example/pier"
    assert isinstance(empty, InputError) and empty.source == f"{path}:7" and "empty" in empty.reason


def test_csv_user_mapping(tmp_path):
    path = tmp_path / "export.csv"
    _write_csv(path, [["story", "heading", "site"], [FESTIVAL, "Lanterns", "Courier"]])
    (error,) = list(read_inputs([path]))
    assert isinstance(error, InputError) and "--columns" in error.reason and "story" in error.reason
    (article,) = list(read_inputs([path], ReadOptions(columns=parse_columns("text=story,title=heading,"
                                                                           "publisher=site"))))
    assert article.title == "Lanterns" and article.publisher == "Courier" and article.ref == f"{path}:2"


def test_jsonl_shares_the_mapping(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"headline": "Bridge", "content": BRIDGE, "source": "Gazette"}) + "\n"
                    + json.dumps({"story": FESTIVAL, "id": "f-1"}) + "\n{broken\n", encoding="utf-8")
    bridge, festival, broken = list(read_inputs([path]))
    assert bridge.title == "Bridge" and bridge.publisher == "Gazette" and bridge.text == BRIDGE
    assert isinstance(festival, InputError) and "no text column" in festival.reason
    assert isinstance(broken, InputError) and broken.source == f"{path}:3"
    _, festival, _ = list(read_inputs([path], ReadOptions(columns={"text": "story"})))
    assert festival.ref == "f-1" and festival.text == FESTIVAL


@pytest.mark.parametrize("spec, message", [("text", "FIELD=COLUMN"), ("colour=x", "unknown field")])
def test_bad_column_mapping(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_columns(spec)
