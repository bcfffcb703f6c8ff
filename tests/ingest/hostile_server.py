"""A hostile HTTP server on 127.0.0.1 for the hostile-input tests: it drips, floods, redirects and bombs.

Each path is one behaviour, written as raw bytes on the socket so that the status line and the headers can be
dripped too. `HostileServer.robots` says what /robots.txt does (a path of the same table), so that each test chooses
it. Nothing leaves the loopback interface.
"""

from __future__ import annotations

import functools
import gzip
import socketserver
import threading
import time
from collections import Counter
from collections.abc import Callable

from ingest_samples import HARBOUR, page_html

PAGE = page_html("Pier closes", HARBOUR).encode()
DRIP_PAUSE = 0.2  # seconds between two dripped bytes: shorter than any read timeout the tests set


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers.items()] + ["Connection: close", "", ""]
    return "\r\n".join(lines).encode()


def _page(out, server) -> None:
    out.write(_head("200 OK", {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(PAGE))}) + PAGE)


def _robots_ok(out, server) -> None:
    body = b"User-agent: *\nDisallow: /private/\n"
    out.write(_head("200 OK", {"Content-Type": "text/plain", "Content-Length": str(len(body))}) + body)


def _robots_flood(out, server) -> None:
    """A robots.txt that never ends: rules first, then comment lines for ever (until the client hangs up)."""
    out.write(_head("200 OK", {"Content-Type": "text/plain"}) + b"User-agent: *\nDisallow: /private/\n")
    line = b"# " + b"x" * 1022 + b"\n"
    while True:
        out.write(line * 64)
        server.sent["robots-flood"] += 64 * len(line)


def _drip_body(out, server) -> None:
    out.write(_head("200 OK", {"Content-Type": "text/html", "Content-Length": str(len(PAGE))}))
    for byte in PAGE:
        out.write(bytes([byte]))
        out.flush()
        time.sleep(DRIP_PAUSE)


def _drip_head(out, server) -> None:
    for byte in _head("200 OK", {"Content-Type": "text/html", "X-Padding": "p" * 4000}):
        out.write(bytes([byte]))
        out.flush()
        time.sleep(DRIP_PAUSE)


def _flood(out, server) -> None:
    """A page without a declared length that never ends."""
    out.write(_head("200 OK", {"Content-Type": "text/html"}) + b"<html><body>")
    chunk = b"<p>" + b"flood " * 10000 + b"</p>"
    while True:
        out.write(chunk)


def _gzip_bomb(out, server) -> None:
    out.write(_head("200 OK", {"Content-Type": "text/html", "Content-Encoding": "gzip",
                               "Content-Length": str(len(server.bomb))}) + server.bomb)


def _retry_after(out, server) -> None:
    out.write(_head("503 Service Unavailable", {"Retry-After": "100000", "Content-Length": "0"}))


def _redirect(target: str) -> Callable:
    def handler(out, server) -> None:
        out.write(_head("302 Found", {"Location": target.replace("{base}", server.base), "Content-Length": "0"}))
    return handler


ROUTES: dict[str, Callable] = {
    "/page": _page,
    "/private/page": _page,
    "/robots-ok": _robots_ok,
    "/robots-flood": _robots_flood,
    "/robots-drip": _drip_body,
    "/robots-to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
    "/robots-to-private": _redirect("http://10.11.12.13/robots.txt"),
    "/drip-body": _drip_body,
    "/drip-head": _drip_head,
    "/flood": _flood,
    "/gzip-bomb": _gzip_bomb,
    "/retry-after": _retry_after,
    "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-private": _redirect("http://10.11.12.13/"),
    "/to-page": _redirect("{base}/page"),
}


class HostileServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.robots = "/robots-ok"
        self.hits: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @functools.cached_property
    def bomb(self) -> bytes:
        """About 100 KiB of gzip that decodes to 100 MiB."""
        return gzip.compress(b"<p>" + b" " * (100 * 2**20) + b"</p>", compresslevel=6)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on a drip or a flood is what the tests want


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        request = self.rfile.readline(8192).decode("latin-1").split()
        while self.rfile.readline(8192).strip():
            pass  # the request's headers
        path = request[1] if len(request) > 1 else "/"
        self.server.hits[path] += 1
        if path == "/robots.txt":
            path = self.server.robots
        handler = ROUTES.get(path)
        if handler is None:
            self.wfile.write(_head("404 Not Found", {"Content-Length": "0"}))
            return
        handler(self.wfile, self.server)
