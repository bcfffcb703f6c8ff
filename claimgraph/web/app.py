"""The web application: `create_app(store)` gives one ASGI app serving the JSON API (/api/v1, /openapi.json), the
pages and their static files (shipped in the package: nothing is fetched from the internet).

    from claimgraph.store import Store
    from claimgraph.web.app import create_app
    app = create_app(Store.open("claimgraph.db"))     # uvicorn.run(app) or `claimgraph serve`
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.store.sql import Store
from claimgraph.web import api, background, pages
from claimgraph.web.access import Access, BodyLimit, Denied

HERE = Path(__file__).parent
MMAP_BYTES = 1 << 30   # SQLite: map up to 1 GiB of the database file
SWITCH_S = 0.0005     # the interpreter's thread switch interval in a serving process (seconds; Python's default 0.005)
CACHE_KIB = 32 * 1024  # SQLite: 32 MiB of page cache per connection
# Pages run only the package's own script and style; stored text can never bring in a script, a frame or a form target.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(store: Store, private: bool = False, allow_private: bool = False, writes_per_minute: int = 30,
               max_body_bytes: int = 64 * 1024) -> FastAPI:
    background.reopen(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        background.close(store)   # the worker process ends with the server

    app = FastAPI(title="claimgraph", version=__version__, openapi_url="/openapi.json", docs_url=None,
                  lifespan=lifespan, redoc_url=None,
                  description="Who said it, who disputes it, and how it reached us: the claim ledger as JSON. "
                  "Fields and names are those of the JSONL contract (README).")
    app.state.store = store
    # Requests share one process (and its GIL) with the background work left in it (the ranked list; the claims
    # computed again and the search index's refresh run in a worker process, `background`, but take their results
    # in here). Every database call releases the GIL and must get it back; with Python's default switch
    # interval (5 ms) a request that makes twenty of them behind a busy background thread waits ~100 ms. 0.5 ms
    # bounds that wait tenfold lower (process-wide; costs the background work a few more switches).
    sys.setswitchinterval(SWITCH_S)
    if store.engine.dialect.name == "sqlite":
        event.listen(store.engine, "connect", _reader_pragmas)
        store.engine.dispose()   # idle connections opened before go; new ones get the pragmas (checked-out ones stay)
    app.state.access = Access(store, private=private, writes_per_minute=writes_per_minute)
    app.state.allow_private = allow_private
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _handlers(app)

    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(HeadAsGet)
    return app


class HeadAsGet:
    """ASGI middleware: HEAD is answered as GET without the body (RFC 9110 §9.3.2), for every page and API route.
    FastAPI registers GET routes for GET only, so uptime checkers and link checkers, which send HEAD, got 405."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: dict) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return   # the GET's body is produced and dropped; the headers (Content-Length too) stand
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class SecurityHeaders:
    """ASGI middleware: every answer carries the CSP and two other headers unless it set them itself (plain ASGI:
    Starlette's `@app.middleware("http")` costs about a millisecond per request in task hops)."""

    EXTRA = ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
             (b"referrer-policy", b"same-origin"))

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in self.EXTRA if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _reader_pragmas(dbapi_connection, _record) -> None:
    """SQLite connections of the server read through a memory map of the file (pages shared by every connection and
    worker through the OS cache, no copy per read) and keep a larger page cache each."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def app_from_environment() -> FastAPI:
    """The app of one worker of `claimgraph serve --workers N`: settings from CLAIMGRAPH_SERVE (JSON)."""
    settings = json.loads(os.environ["CLAIMGRAPH_SERVE"])
    return create_app(Store.open(settings.pop("db")), **settings)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(Denied)
    async def denied(request: Request, exc: Denied):
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {}
        if exc.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if _wants_json(request):
            return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)
        return pages.error_page(request, exc.status, exc.message, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request) or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": detail}, status_code=422)
        return pages.error_page(request, 422, "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}"
                                                         for d in detail))
