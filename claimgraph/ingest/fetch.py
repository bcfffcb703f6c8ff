"""Polite HTTP fetching for pages and feeds: named User-Agent, robots.txt, timeouts, retries, per-host delay.

Every failure becomes one `InputError` naming the URL, so a batch or a `watch` poll goes on past it. Loopback and
private addresses are refused unless `allow_private=True` (a fetcher fed URLs from feeds must not be turned into a
probe of the machine's own network); each redirect hop is checked again for the same reason.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from claimgraph import __version__
from claimgraph.errors import InputError

USER_AGENT = f"claimgraph/{__version__} (+https://example.invalid/claimgraph)"
ROBOTS_AGENT = "claimgraph"  # the token robots.txt rules name
MAX_BYTES = 10 * 1024 * 1024  # larger answers are not news pages; refusing them keeps memory and parse time bounded
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted before it is read again
ROBOTS_FAILURE_TTL = 60.0  # an unreachable robots.txt is retried sooner


@dataclass(frozen=True)
class FetchResult:
    """One answer: the final URL after redirects, the body, and the validators for the next conditional request."""

    url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def address_is_private(host: str) -> bool:
    """True when `host` is, or resolves to, a loopback, private, link-local or otherwise non-public address."""
    try:
        addresses = {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except socket.gaierror:
            return False  # unresolvable: the request itself fails with a clear "cannot connect"
        addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    return any(not a.is_global or a.is_multicast for a in addresses)


class Fetcher:
    """A reusable HTTP client. One per run: it remembers robots.txt and when it last asked each host.

    `delay` is the pause between two requests to the same host; `retries` the extra tries after a timeout, a
    connection fault or a 429/5xx answer, waiting `backoff` * 2**n seconds (or Retry-After, capped) before try n.
    """

    def __init__(self, timeout: float = 10.0, retries: int = 2, backoff: float = 1.0, delay: float = 1.0,
                 allow_private: bool = False, respect_robots: bool = True, max_bytes: int = MAX_BYTES,
                 user_agent: str = USER_AGENT):
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.delay = delay
        self.allow_private = allow_private
        self.respect_robots = respect_robots
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": user_agent})
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[RobotFileParser | None, float]] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the public call -------------------------------------------------------------------------------------

    def fetch(self, url: str, etag: str | None = None, modified: str | None = None) -> FetchResult:
        """GET `url` (conditionally when `etag`/`modified` are given); a 304 comes back with `not_modified`.

        Raises InputError naming `url` for a refused address, a robots.txt disallow, a timeout, a 4xx/5xx answer,
        or a body over `max_bytes`.
        """
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_allowed(current, url)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
            status, response_headers, body = self._get_with_retries(current, headers, url)
            if status in (301, 302, 303, 307, 308) and "location" in response_headers:
                current = urljoin(current, response_headers["location"])
                continue
            if status == 304:
                return FetchResult(current, 304, b"", "", etag, modified)
            if status >= 400:
                raise InputError(url, f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip())
            return FetchResult(current, status, body, response_headers.get("content-type", ""),
                               response_headers.get("etag"), response_headers.get("last-modified"))
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects")

    # -- the parts -------------------------------------------------------------------------------------------

    def _check_allowed(self, current: str, asked: str) -> None:
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(asked, f"not an http(s) URL: {current}")
        if not self.allow_private and address_is_private(parts.hostname):
            raise InputError(asked, f"refused: {parts.hostname} is a loopback or private address "
                                    "(allow it with --allow-private)")
        if self.respect_robots and not self._robots_allow(current):
            raise InputError(asked, f"disallowed by {parts.scheme}://{parts.netloc}/robots.txt")

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() > cached[1]:
            cached = self._read_robots(origin)
            self._robots[origin] = cached
        parser = cached[0]
        return parser.can_fetch(ROBOTS_AGENT, url) if parser else False

    def _read_robots(self, origin: str) -> tuple[RobotFileParser | None, float]:
        """As urllib.robotparser reads it: 401/403 disallow all, other 4xx allow all, 5xx or no answer disallow."""
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            self._wait_for_host(origin)
            response = self._client.get(origin + "/robots.txt", follow_redirects=True)
        except httpx.HTTPError:
            return None, time.monotonic() + ROBOTS_FAILURE_TTL
        if response.status_code in (401, 403):
            parser.disallow_all = True
        elif 400 <= response.status_code < 500:
            parser.allow_all = True
        elif response.status_code >= 500:
            return None, time.monotonic() + ROBOTS_FAILURE_TTL
        else:
            parser.parse(response.text.splitlines())
        return parser, time.monotonic() + ROBOTS_TTL

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _get_with_retries(self, url: str, headers: dict[str, str], asked: str) -> tuple[int, dict[str, str], bytes]:
        tries = self.retries + 1
        for attempt in range(tries):
            last_try = attempt == tries - 1
            self._wait_for_host(url)
            try:
                status, response_headers, body = self._get_once(url, headers, asked)
            except httpx.TimeoutException:
                if last_try:
                    raise InputError(asked, f"timed out after {self.timeout:g} s ({tries} tries)") from None
                self._sleep_backoff(attempt, None)
                continue
            except httpx.TransportError as exc:
                if last_try:
                    raise InputError(asked, f"cannot connect ({exc or type(exc).__name__}; {tries} tries)") from None
                self._sleep_backoff(attempt, None)
                continue
            if status in RETRY_STATUSES and not last_try:
                self._sleep_backoff(attempt, response_headers.get("retry-after"))
                continue
            if status in RETRY_STATUSES:
                reason = httpx.codes.get_reason_phrase(status)
                raise InputError(asked, f"HTTP {status} {reason} ({tries} tries)")
            return status, response_headers, body
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict[str, str], asked: str) -> tuple[int, dict[str, str], bytes]:
        # Streamed so that a huge body is cut off at max_bytes instead of being read whole into memory.
        with self._client.stream("GET", url, headers=headers) as response:
            response_headers = {k.lower(): v for k, v in response.headers.items()}
            declared = response_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise InputError(asked, _too_large(int(declared), self.max_bytes))
            chunks: list[bytes] = []
            size = 0
            if response.status_code < 300:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputError(asked, _too_large(size, self.max_bytes, at_least=True))
                    chunks.append(chunk)
            return response.status_code, response_headers, b"".join(chunks)

    def _sleep_backoff(self, attempt: int, retry_after: str | None) -> None:
        wait = self.backoff * (2 ** attempt)
        if retry_after:
            wait = max(wait, _retry_after_seconds(retry_after))
        time.sleep(min(wait, 60.0))  # a server asking for hours is not waited for in a batch


def _retry_after_seconds(value: str) -> float:
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"document too large ({more}{size / 2**20:.1f} MiB; the limit is {limit / 2**20:.0f} MiB)"
