"""Fixtures for the ingest tests: a local HTTP server on 127.0.0.1 serving pages and a feed, a fetcher, and one
shared Extractor. Everything is made by the tests (nothing downloaded)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_samples import HARBOUR, page_html, rss2


class Site:
    """What the test server serves; tests change `pages` and `feed_entries` while it runs."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}  # path -> (status, content type, body)
        self.feed_entries: list[dict] = []
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.base = ""

    def feed_body(self) -> bytes:
        return rss2(self.feed_entries).encode("utf-8")


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep the test output quiet
            pass

        def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path
            with site.lock:
                site.hits[path] += 1
                site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            if path == "/robots.txt":
                return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
            if path == "/feed.xml":
                body = site.feed_body()
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, "application/rss+xml", b"", {"ETag": etag})
                return self._send(200, "application/rss+xml; charset=utf-8", body,
                                  {"ETag": etag, "Last-Modified": formatdate(usegmt=True)})
            if path == "/error":
                return self._send(500, "text/html", b"<h1>Internal Server Error</h1>")
            if path == "/slow":
                time.sleep(1.5)
                return self._send(200, "text/html", page_html("Slow", HARBOUR).encode())
            if path in site.pages:
                status, ctype, body = site.pages[path]
                return self._send(status, ctype, body)
            return self._send(404, "text/html", b"<h1>Not Found</h1>")

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out and hung up is expected here


@pytest.fixture(scope="session")
def site() -> Site:
    site = Site()
    server = _QuietServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fetcher():
    from claimgraph.ingest.fetch import Fetcher

    with Fetcher(timeout=0.5, retries=1, backoff=0.01, delay=0.0, allow_private=True) as f:
        yield f


@pytest.fixture(scope="session")
def extractor():
    from claimgraph.pipeline import Extractor

    return Extractor()
