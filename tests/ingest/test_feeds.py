"""RSS 2.0, RSS 1.0 and Atom feeds from files and URLs; the linked pages, and the entry's content as a fallback."""

from __future__ import annotations

import pytest
from ingest_samples import BRIDGE, FESTIVAL, HARBOUR, page_html, rss2

from claimgraph.errors import InputError
from claimgraph.ingest import ReadOptions, read_inputs
from claimgraph.ingest.feeds import looks_like_feed, parse_feed

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://vellmoor.example/"><title>Vellmoor Courier</title><link>http://vellmoor.example/</link>
    <description>News</description></channel>
  <item rdf:about="http://vellmoor.example/lanterns">
    <title>Lantern parade changes route</title><link>http://vellmoor.example/lanterns</link>
    <dc:date>2024-04-12T18:00:00Z</dc:date><description>{festival}</description>
  </item>
</rdf:RDF>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Calder Ford Gazette</title><id>urn:gazette</id>
  <updated>2024-05-06T07:00:00Z</updated>
  <entry><title>Cracks found in bridge girders</title><id>urn:gazette:bridge</id>
    <link href="http://calder.example/bridge"/><updated>2024-05-06T07:00:00Z</updated>
    <author><name>Lena Ostrow</name></author>
    <content type="html">{bridge}</content></entry>
</feed>"""


def _paragraphs_html(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape("".join(f"<p>{p}</p>" for p in text.split("\n\n")))


def _no_fetch() -> ReadOptions:
    return ReadOptions(fetch_links=False)


def test_rss2_file_entries_use_their_content_when_not_fetched(tmp_path):
    path = tmp_path / "harbor.rss"
    path.write_text(rss2([{"title": "Pier to close", "link": "http://harbor.example/pier", "guid": "pier-1",
                           "summary": HARBOUR}]), encoding="utf-8")
    (article,) = list(read_inputs([path], _no_fetch()))
    assert article.ref == "http://harbor.example/pier" and article.title == "Pier to close"
    assert article.publisher == "Harbor Daily" and article.published == "2024-03-05T09:30:00Z"
    assert "Marta Quillon" in article.text and article.meta["from_feed"] == "not fetched"


def test_rss1_file(tmp_path):
    path = tmp_path / "courier.rdf"
    path.write_text(RSS1.format(festival=_paragraphs_html(FESTIVAL)), encoding="utf-8")
    (article,) = list(read_inputs([path], _no_fetch()))
    assert article.publisher == "Vellmoor Courier" and article.published == "2024-04-12T18:00:00Z"
    assert "Ines Harrowgate" in article.text and "\n\n" in article.text and "<p>" not in article.text


def test_atom_file(tmp_path):
    path = tmp_path / "gazette.atom"
    path.write_text(ATOM.format(bridge=_paragraphs_html(BRIDGE)), encoding="utf-8")
    (article,) = list(read_inputs([path], _no_fetch()))
    assert article.url == "http://calder.example/bridge" and article.author == "Lena Ostrow"
    assert "Petra Lindqvale" in article.text


@pytest.mark.parametrize("data", [b"<rss><channel><item><title>cut off", b"this is not xml at all {", b"   "])
def test_malformed_feed_is_one_error(tmp_path, data):
    path = tmp_path / "broken.xml"
    path.write_bytes(data)
    (error,) = list(read_inputs([path], _no_fetch()))
    assert isinstance(error, InputError) and error.source == str(path)
    assert "feed" in error.reason


def test_sniffing_feeds():
    assert looks_like_feed("application/atom+xml", b"")
    assert looks_like_feed("text/plain", b"\xef\xbb\xbf<?xml version='1.0'?><rss version='2.0'>")
    assert not looks_like_feed("text/html", b"<html><body><rss>")


def test_feed_url_fetches_each_linked_page(site, fetcher):
    site.pages["/pages/pier.html"] = (200, "text/html", page_html("Pier to close", HARBOUR).encode())
    site.pages["/pages/festival.html"] = (200, "text/html", page_html("Lanterns", FESTIVAL, site="Courier").encode())
    site.pages["/static-feed.xml"] = (200, "application/rss+xml", rss2([
        {"title": "Pier to close", "link": site.base + "/pages/pier.html", "guid": "a"},
        {"title": "Lanterns", "link": site.base + "/pages/festival.html", "guid": "b"},
        {"title": "Gone", "link": site.base + "/pages/gone.html", "guid": "c", "summary": BRIDGE},
        {"title": "Nothing", "link": site.base + "/pages/gone2.html", "guid": "d", "summary": "Teaser."},
    ]).encode())
    items = list(read_inputs([site.base + "/static-feed.xml"], ReadOptions(fetcher=fetcher)))
    pier, festival, gone, nothing = items
    assert "Marta Quillon" in pier.text and "from_feed" not in pier.meta
    assert pier.published == "2024-03-05T09:30:00Z"  # the feed's date: what the publisher declared
    assert festival.publisher == "Courier"
    # The page is a 404: the entry's own content stands in, and says why.
    assert "Petra Lindqvale" in gone.text and "HTTP 404" in gone.meta["from_feed"]
    assert isinstance(nothing, InputError) and "HTTP 404" in nothing.reason and "no content" in nothing.reason
    assert nothing.source == site.base + "/pages/gone2.html"


def test_parse_feed_keys_entries_by_guid():
    feed = parse_feed(rss2([{"title": "A", "link": "http://x.example/a", "guid": "g-1"}]).encode(), "mem")
    assert [e.key for e in feed.entries] == ["g-1"]
