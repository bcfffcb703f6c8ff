"""HTML pages from files and URLs: main text and metadata, and one clear error for each kind of bad page."""

from __future__ import annotations

import pytest
from ingest_samples import HARBOUR, NO_ARTICLE_HTML, page_html

from claimgraph.errors import InputError
from claimgraph.ingest import ReadOptions, read_inputs
from claimgraph.ingest.html import article_from_html, html_fragment_text


def _one(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_page_text_and_metadata(tmp_path):
    path = tmp_path / "pier.html"
    path.write_text(page_html("Port Ellis to close its northern pier", HARBOUR,
                              canonical="https://harbor.example/news/pier"), encoding="utf-8")
    article = _one(read_inputs([path]))
    assert article.title == "Port Ellis to close its northern pier"
    assert article.author == "Ana Velt"
    assert article.published == "2024-03-02"
    assert article.publisher == "Harbor Daily"
    assert article.url == "https://harbor.example/news/pier"
    assert "Marta Quillon" in article.text and "Traders along the quay" in article.text
    for boilerplate in ("NAVCOMMENT", "FOOTERMARK", "Weather", "cookies"):
        assert boilerplate not in article.text
    assert article.text[article.body_start:].startswith(("By Ana Velt", "The harbour authority"))
    assert "\n\n" in article.text  # paragraphs kept apart


def test_declared_legacy_charset_is_honoured(tmp_path):
    path = tmp_path / "latin.htm"
    body = HARBOUR.replace("Quillon", "Quillón")
    path.write_bytes(page_html("Pier", body, charset="windows-1252").encode("cp1252"))
    article = _one(read_inputs([path]))
    assert "Quillón" in article.text


def test_mixed_encoding_does_not_stop_the_page(tmp_path):
    path = tmp_path / "mixed.html"
    data = page_html("Pier", HARBOUR).encode("utf-8").replace(b"Quillon,", "Quillón,".encode("cp1252"))
    path.write_bytes(data)
    article = _one(read_inputs([path]))
    assert "Quill" in article.text and article.meta.get("encoding") == "cp1252"


@pytest.mark.parametrize("name, data, message", [
    ("empty.html", b"  \n", "empty"),
    ("index.html", NO_ARTICLE_HTML.encode(), "no article text"),
    ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary"),
])
def test_bad_pages_are_one_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    error = _one(read_inputs([path]))
    assert isinstance(error, InputError) and error.source == str(path) and message in error.reason


def test_a_page_of_several_megabytes(tmp_path):
    # A heavy page (inline data, a long list of links) around a short article: the article is read, the links
    # and data are not taken for text. (No wall-clock bound: a loaded machine made it flaky and it measured nothing.)
    filler = "<script>var data = '" + "x" * 3_000_000 + "';</script>"
    links = "<ul>" + "".join(f'<li><a href="/t/{i}">Topic {i}</a></li>' for i in range(20_000)) + "</ul>"
    html = page_html("Pier", HARBOUR).replace("<footer>", filler + links + "<footer>")
    path = tmp_path / "heavy.html"
    path.write_text(html, encoding="utf-8")
    assert path.stat().st_size > 3_000_000
    article = _one(read_inputs([path]))
    assert not isinstance(article, InputError), article
    assert "Marta Quillon" in article.text and "Topic 19999" not in article.text


def test_a_document_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body><p>" + b"word " * 2_300_000 + b"</p></body></html>")
    error = _one(read_inputs([path]))
    assert isinstance(error, InputError) and "too large" in error.reason and "MiB" in error.reason


def test_missing_file_is_named(tmp_path):
    error = _one(read_inputs([tmp_path / "nowhere.html"]))
    assert isinstance(error, InputError) and "nowhere.html" in error.source and "no such file" in error.reason


def test_feed_entry_fragment_text():
    assert html_fragment_text("<p>One <b>two</b></p><p>Three<br>four</p>") == "One two\n\nThree\n\nfour"
    assert html_fragment_text("plain words") == "plain words"


def test_article_from_html_string_keeps_url():
    article = article_from_html(page_html("Pier", HARBOUR), "mem", url="https://harbor.example/p")
    assert article.url == "https://harbor.example/p" and article.publisher == "Harbor Daily"


# -- over HTTP ---------------------------------------------------------------------------------------------------


def _url_options(fetcher):
    return ReadOptions(fetcher=fetcher)


def test_url_page_is_fetched_and_extracted(site, fetcher):
    site.pages["/news/pier.html"] = (200, "text/html; charset=utf-8", page_html("Pier", HARBOUR).encode())
    article = _one(read_inputs([site.base + "/news/pier.html"], _url_options(fetcher)))
    assert article.ref == site.base + "/news/pier.html" and "Marta Quillon" in article.text
    agent = dict(site.requests)["/news/pier.html"]["user-agent"]
    assert agent.startswith("claimgraph/") and "+https://example.invalid/claimgraph" in agent


@pytest.mark.parametrize("path, message", [
    ("/missing", "HTTP 404"),
    ("/error", "HTTP 500"),
    ("/slow", "timed out"),
    ("/private/page.html", "robots.txt"),
])
def test_url_failures_are_one_clear_error(site, fetcher, path, message):
    error = _one(read_inputs([site.base + path], _url_options(fetcher)))
    assert isinstance(error, InputError) and error.source == site.base + path and message in error.reason


def test_server_errors_are_retried(site, fetcher):
    before = site.hits["/error"]
    list(read_inputs([site.base + "/error"], _url_options(fetcher)))
    assert site.hits["/error"] - before == 2  # one try and one retry (retries=1)


def test_private_addresses_are_refused_by_default(site):
    error = _one(read_inputs([site.base + "/news/pier.html"]))
    assert isinstance(error, InputError) and "private" in error.reason and "--allow-private" in error.reason


def test_oversized_download_is_cut_off(site, fetcher):
    fetcher.max_bytes = 100_000
    site.pages["/big.html"] = (200, "text/html", b"<p>" + b"a" * 300_000 + b"</p>")
    error = _one(read_inputs([site.base + "/big.html"], _url_options(fetcher)))
    assert isinstance(error, InputError) and "too large" in error.reason
