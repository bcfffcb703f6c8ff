"""The readers of HTML, feeds, WARC and URLs are imported when the first such input comes (claimgraph/ingest
__init__: trafilatura, lxml, feedparser, warcio and httpx cost `extract` over text files a few tenths of a second);
the readers called through `read_path` give what the modules' own readers give."""

import subprocess
import sys
from pathlib import Path

import pytest

import claimgraph.ingest as ingest
from claimgraph.eval.data import shared_data_dir
from claimgraph.ingest.fetch import DEFAULT_DEADLINE
from tests.conftest import EXAMPLES

HEAVY = ("trafilatura", "lxml", "feedparser", "warcio", "httpx", "claimgraph.ingest.html", "claimgraph.ingest.fetch")


def imported_after(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", f"import sys; {code}; print(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    return out.stdout.split()


def test_text_inputs_import_no_html_feed_or_url_reader():
    modules = imported_after("from claimgraph.ingest import read_inputs; "
                             f"assert list(read_inputs([{str(EXAMPLES / 'harbor-bridge.txt')!r}]))")
    assert not [m for m in HEAVY if m in modules]


def test_an_html_input_imports_its_reader():
    page = next(iter(sorted(shared_data_dir("realweb").glob("*.html"))), None)
    if page is None:
        pytest.skip("no realweb pages")
    modules = imported_after(f"from claimgraph.ingest import read_inputs; assert list(read_inputs([{str(page)!r}]))")
    assert "trafilatura" in modules and "claimgraph.ingest.html" in modules


def test_the_deadline_default_is_fetchs():
    assert ingest.URL_DEADLINE == DEFAULT_DEADLINE
    assert ingest.ReadOptions().url_deadline == DEFAULT_DEADLINE


def test_readers_on_first_use_read_as_the_modules_readers(tmp_path):
    from claimgraph.ingest.feeds import read_feed_file
    from claimgraph.ingest.html import read_html_file, read_html_gz_file

    pages = sorted(shared_data_dir("realweb").glob("*.html"))[:3]
    if not pages:
        pytest.skip("no realweb pages")
    for page in pages:
        assert list(ingest.read_path(page)) == [read_html_file(page, str(page))]
        assert ingest.READERS[".html"].__name__ == "read_html_file"
    import gzip

    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(pages[0].read_bytes()))
    assert list(ingest.read_path(packed)) == [read_html_gz_file(packed, str(packed))]
    feed = tmp_path / "feed.rss"
    feed.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Elsin Gazette</title><item>"
                    "<title>Pier opens</title><link>http://127.0.0.1:9/pier</link><description>&lt;p&gt;The pier "
                    "at Port Elsin opened, Mara Vell said.&lt;/p&gt;</description></item></channel></rss>",
                    encoding="utf-8")
    options = ingest.ReadOptions(fetch_links=False)
    assert list(ingest.read_path(feed, options=options)) == list(read_feed_file(feed, str(feed), options=options))
    assert list(ingest.read_path(feed, options=options))
