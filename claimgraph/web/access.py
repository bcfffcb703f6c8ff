"""Who may do what, decided in one place: reads are open unless the server is private; writes need a valid token,
at most `writes_per_minute` per token; request bodies are bounded.

A token comes as `Authorization: Bearer cg_…` (the API) or in the `cg_token` cookie the sign-in form sets (the
pages; HttpOnly, SameSite=Strict, so another site cannot post a form with it).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from typing import Any

from claimgraph.store.sql import Store
from claimgraph.web.tokens import verify_token

COOKIE = "cg_token"


class Denied(Exception):
    """A request the rules refuse: status 401 (no valid token), 429 (too many writes) or 413 (body too large)."""

    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


class Access:
    def __init__(self, store: Store, private: bool = False, writes_per_minute: int = 30):
        self.store, self.private, self.writes_per_minute = store, private, writes_per_minute
        self._writes: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def presented(self, headers: Any, cookies: dict[str, str]) -> str | None:
        auth = headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return cookies.get(COOKIE)

    def user(self, headers: Any, cookies: dict[str, str]) -> str | None:
        """The name of the token presented, when it is valid."""
        token = self.presented(headers, cookies)
        return verify_token(self.store, token) if token else None

    def read(self, headers: Any, cookies: dict[str, str]) -> str | None:
        user = self.user(headers, cookies)
        if self.private and user is None:
            raise Denied(401, "this ledger is private: a token is needed to read it")
        return user

    def write(self, headers: Any, cookies: dict[str, str]) -> str:
        user = self.user(headers, cookies)
        if user is None:
            raise Denied(401, "a valid token is needed to write (claimgraph token create NAME)")
        self._count_write(user)
        return user

    def _count_write(self, user: str) -> None:
        now = time.monotonic()
        with self._lock:
            recent = self._writes[user]
            while recent and now - recent[0] > 60:
                recent.popleft()
            if len(recent) >= self.writes_per_minute:
                raise Denied(429, f"at most {self.writes_per_minute} writes a minute",
                             retry_after=int(60 - (now - recent[0])) + 1)
            recent.append(now)


class BodyLimit:
    """ASGI middleware: a request body over `max_bytes` gets 413 before any route reads it."""

    def __init__(self, app: Any, max_bytes: int = 64 * 1024):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(send, self.max_bytes)
            return
        seen = 0

        async def bounded_receive() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise Denied(413, f"request body over {self.max_bytes} bytes")
            return message

        await self.app(scope, bounded_receive, send)


async def _too_large(send: Any, limit: int) -> None:
    body = f'{{"detail":"request body over {limit} bytes"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
