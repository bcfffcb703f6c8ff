"""Polite HTTP fetching for pages and feeds: named User-Agent, robots.txt, one deadline per URL, retries, per-host
delay.

Every failure becomes one `InputError` naming the URL and saying what happened ("cannot resolve host", "could not
connect", "disallowed by robots.txt", "deadline of 60 s passed"), so a batch or a `watch` poll goes on past it.

Bounded time: each URL has one overall deadline (`deadline`, 60 s by default) covering robots.txt, every redirect hop,
every retry and every pause. Each read also times out (`timeout`), and a watchdog shuts the socket at the deadline,
so a server that sends one byte every few seconds is cut off when the deadline passes. A `Retry-After` longer than
what is left of the deadline fails the URL at once instead of being waited for.

Bounded memory: bodies are streamed and refused past `max_bytes` (10 MiB); compressed bodies are decoded by us in
bounded steps (a gzip bomb is refused before 10 MiB are decoded); robots.txt is read up to 512 KiB and the rest
ignored.

Addresses: loopback and private addresses are refused unless `allow_private=True` (a fetcher fed URLs from feeds
must not be turned into a probe of the machine's own network); link-local and cloud metadata addresses
(169.254.169.254, fd00:ec2::254, …) stay refused even then unless their host is named in `allow_hosts`. Every
redirect hop, robots.txt's included, is checked again.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from claimgraph import __version__
from claimgraph.errors import InputError
from claimgraph.ingest.limits import MAX_DOCUMENT_BYTES, MAX_ROBOTS_BYTES, BoundedDecoder, too_large

USER_AGENT = f"claimgraph/{__version__} (+https://example.invalid/claimgraph)"
ROBOTS_AGENT = "claimgraph"  # the token robots.txt rules name
MAX_BYTES = MAX_DOCUMENT_BYTES  # larger answers are not news pages; refusing them keeps memory and parse time bounded
DEFAULT_DEADLINE = 60.0  # seconds one URL may take in all: robots.txt, redirects, retries and pauses
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted before it is read again
ROBOTS_FAILURE_TTL = 60.0  # an unreachable robots.txt is retried sooner
# Cloud metadata services: refused even with allow_private (link-local addresses are refused as a whole too).
_RESOLVER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="claimgraph-resolve")
METADATA_ADDRESSES = {ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192")}


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
    """An http(s) URL, whatever the case of its scheme (`HTTP://` is a URL, not a missing file)."""
    return text[:8].lower().startswith(("http://", "https://"))


def _addresses(host: str, timeout: float | None = None) -> set[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The addresses `host` is or resolves to (IPv4-mapped IPv6 read as IPv4); socket.gaierror when unresolvable,
    TimeoutError when the resolver does not answer within `timeout` seconds."""
    try:
        found = {ipaddress.ip_address(host.strip("[]").split("%")[0])}
    except ValueError:
        # The system resolver has no timeout of its own that we set: ask it in a thread and stop waiting in time.
        infos = _RESOLVER.submit(socket.getaddrinfo, host, None).result(timeout=timeout)
        found = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    return {a.ipv4_mapped if isinstance(a, ipaddress.IPv6Address) and a.ipv4_mapped else a for a in found}


def address_kind(host: str, timeout: float | None = None) -> str:
    """"metadata" (link-local or a cloud metadata address), "private" (loopback, private, reserved) or "public".

    Raises socket.gaierror for a host that does not resolve, TimeoutError for a resolver that does not answer.
    """
    addresses = _addresses(host, timeout)
    if any(a in METADATA_ADDRESSES or a.is_link_local for a in addresses):
        return "metadata"
    if any(not a.is_global or a.is_multicast for a in addresses):
        return "private"
    return "public"


class _Deadline:
    """What is left of one URL's time; every wait and every request is measured against it."""

    def __init__(self, seconds: float, ref: str):
        self.seconds, self.ref = seconds, ref
        self.at = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def error(self, doing: str = "") -> InputError:
        where = f" while {doing}" if doing else ""
        return InputError(self.ref, f"deadline of {self.seconds:g} s passed{where} "
                                    "(one deadline covers robots.txt, redirects and retries)")

    def check(self, doing: str = "") -> None:
        if self.expired():
            raise self.error(doing)

    def sleep(self, seconds: float, why: str) -> None:
        if seconds <= 0:
            return
        if seconds >= self.remaining():
            raise InputError(self.ref, f"{why} ({seconds:g} s) would pass the deadline of {self.seconds:g} s")
        time.sleep(seconds)


def _shutdown(sockets: list[socket.socket]) -> None:
    """The watchdog: shutting the socket down wakes a read blocked on a server that drips."""
    for sock in sockets:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _decoder(encoding: str, ref: str, limit: int) -> BoundedDecoder | None:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return BoundedDecoder(ref, limit, what="document (decompressed)")
    raise InputError(ref, f"unsupported content encoding {encoding!r}")


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class Fetcher:
    """A reusable HTTP client. One per run: it remembers robots.txt and when it last asked each host.

    `delay` is the pause between two requests to the same host; `retries` the extra tries after a timeout, a
    connection fault or a 429/5xx answer, waiting `backoff` * 2**n seconds (or Retry-After) before try n; all of it
    within `deadline` seconds per URL. `timeout` bounds each connect and each read.
    """

    def __init__(self, timeout: float = 10.0, retries: int = 2, backoff: float = 1.0, delay: float = 1.0,
                 allow_private: bool = False, max_bytes: int = MAX_BYTES, deadline: float = DEFAULT_DEADLINE,
                 allow_hosts: Iterable[str] = ()):
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.delay = delay
        self.allow_private = allow_private
        self.allow_hosts = {h.strip("[]").lower() for h in allow_hosts}
        self.max_bytes = max_bytes
        self.deadline = deadline
        # No kept-alive connections: each request opens its own, so the watchdog always knows the socket to cut.
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, limits=httpx.Limits(
            max_keepalive_connections=0), headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"})
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[RobotFileParser | None, float, str]] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the public call -------------------------------------------------------------------------------------

    def fetch(self, url: str, etag: str | None = None, modified: str | None = None) -> FetchResult:
        """GET `url` (conditionally when `etag`/`modified` are given); a 304 comes back with `not_modified`.

        Raises InputError naming `url` for a refused or unresolvable address, a robots.txt disallow, a connection
        that fails, a 4xx/5xx answer, a body over `max_bytes`, or the URL's deadline passing.
        """
        clock = _Deadline(self.deadline, url)
        current = url
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        for _ in range(MAX_REDIRECTS + 1):
            self._check_address(current, url, clock)
            self._check_robots(current, url, clock)
            answer = self._get_with_retries(current, headers, url, clock)
            if answer.status in REDIRECT_STATUSES and "location" in answer.headers:
                current = urljoin(current, answer.headers["location"])
                continue
            if answer.status == 304:
                return FetchResult(current, 304, b"", "", etag, modified)
            if answer.status >= 400:
                raise InputError(url, f"HTTP {answer.status} {httpx.codes.get_reason_phrase(answer.status)}".rstrip())
            return FetchResult(current, answer.status, answer.body, answer.headers.get("content-type", ""),
                               answer.headers.get("etag"), answer.headers.get("last-modified"))
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects")

    # -- addresses and robots.txt ----------------------------------------------------------------------------

    def _check_address(self, current: str, asked: str, clock: _Deadline | None = None) -> None:
        parts = urlsplit(current)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise InputError(asked, f"not an http(s) URL: {current}")
        host = parts.hostname.lower()
        if host in self.allow_hosts:
            return
        try:
            kind = address_kind(host, max(clock.remaining(), 0.0) if clock else None)
        except (socket.gaierror, UnicodeError):
            raise InputError(asked, f"cannot resolve host {host}") from None
        except TimeoutError:
            raise (clock.error(f"resolving {host}") if clock else InputError(asked, f"cannot resolve {host}")) \
                from None
        if kind == "metadata":
            raise InputError(asked, f"refused: {host} is a link-local or cloud metadata address (allow it only by "
                                    f"naming it: --allow-host {host})")
        if kind == "private" and not self.allow_private:
            raise InputError(asked, f"refused: {host} is a loopback or private address "
                                    "(allow it with --allow-private)")

    def _check_robots(self, url: str, asked: str, clock: _Deadline) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() > cached[1]:
            cached = self._read_robots(origin, asked, clock)
            self._robots[origin] = cached
        parser, _, failure = cached
        if parser is None:
            raise InputError(asked, failure)
        if not parser.can_fetch(ROBOTS_AGENT, url):
            raise InputError(asked, f"disallowed by {origin}/robots.txt")

    def _read_robots(self, origin: str, asked: str, clock: _Deadline) -> tuple[RobotFileParser | None, float, str]:
        """As urllib.robotparser reads it: 401/403 disallow all, other 4xx allow all, 5xx disallow for now.

        A robots.txt that cannot be had at all (no connection) fails the URL with what happened, for a while.
        """
        parser = RobotFileParser(origin + "/robots.txt")
        current = origin + "/robots.txt"
        failed = time.monotonic() + ROBOTS_FAILURE_TTL
        for _ in range(MAX_REDIRECTS + 1):
            self._check_address(current, asked, clock)  # a redirect to a private address is refused here too
            self._wait_for_host(current, clock)
            try:
                answer = self._get_once(current, {}, asked, clock, MAX_ROBOTS_BYTES, truncate=True)
            except _NetworkError as exc:
                return None, failed, f"{exc.what} (reading {origin}/robots.txt)"
            if answer.status in REDIRECT_STATUSES and "location" in answer.headers:
                current = urljoin(current, answer.headers["location"])
                continue
            break
        else:
            return None, failed, f"robots.txt: more than {MAX_REDIRECTS} redirects"
        if answer.status in (401, 403):
            parser.disallow_all = True
        elif 400 <= answer.status < 500:
            parser.allow_all = True
        elif answer.status >= 500 or answer.status in REDIRECT_STATUSES:
            return None, failed, f"{origin}/robots.txt answered HTTP {answer.status}: the site is closed for now"
        else:
            parser.parse(answer.body.decode("utf-8", "replace").splitlines())
        return parser, time.monotonic() + ROBOTS_TTL, ""

    def _wait_for_host(self, url: str, clock: _Deadline) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            clock.sleep(self.delay - (time.monotonic() - last), "the pause between two requests to one host")
        self._last_request[host] = time.monotonic()

    # -- one URL's requests ----------------------------------------------------------------------------------

    def _get_with_retries(self, url: str, headers: dict[str, str], asked: str, clock: _Deadline) -> _Answer:
        tries = self.retries + 1
        for attempt in range(tries):
            last_try = attempt == tries - 1
            self._wait_for_host(url, clock)
            try:
                answer = self._get_once(url, headers, asked, clock, self.max_bytes)
            except _NetworkError as exc:
                if last_try:
                    raise InputError(asked, f"{exc.what} ({tries} tries)") from None
                self._sleep_backoff(attempt, None, clock)
                continue
            if answer.status in RETRY_STATUSES and not last_try:
                self._sleep_backoff(attempt, answer.headers.get("retry-after"), clock)
                continue
            if answer.status in RETRY_STATUSES:
                reason = httpx.codes.get_reason_phrase(answer.status)
                raise InputError(asked, f"HTTP {answer.status} {reason} ({tries} tries)")
            return answer
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict[str, str], asked: str, clock: _Deadline, limit: int,
                  truncate: bool = False) -> _Answer:
        """One GET, streamed and cut at `limit` bytes (an error, or the first `limit` bytes when `truncate`).

        A watchdog shuts the socket when the deadline passes, so no read outlives it.
        """
        clock.check("waiting to connect")
        sockets: list[socket.socket] = []

        def trace(name: str, info: dict) -> None:
            if name in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
                stream = info.get("return_value")
                if stream is not None and (sock := stream.get_extra_info("socket")) is not None:
                    sockets.append(sock)

        watchdog = threading.Timer(max(clock.remaining(), 0.0), _shutdown, [sockets])
        watchdog.daemon = True
        watchdog.start()
        timeout = httpx.Timeout(max(min(self.timeout, clock.remaining()), 0.001))
        try:
            with self._client.stream("GET", url, headers=headers, timeout=timeout,
                                     extensions={"trace": trace}) as response:
                response_headers = {k.lower(): v for k, v in response.headers.items()}
                body = self._read_body(response, response_headers, asked, clock, limit, truncate)
                return _Answer(response.status_code, response_headers, body)
        except httpx.TimeoutException:
            if clock.expired():
                raise clock.error() from None
            raise _NetworkError(f"timed out after {self.timeout:g} s") from None
        except httpx.ConnectError as exc:
            if clock.expired():
                raise clock.error("connecting") from None
            raise _NetworkError(f"could not connect to {urlsplit(url).netloc} ({_why(exc)})") from None
        except httpx.TransportError as exc:
            if clock.expired():
                raise clock.error("reading the answer") from None
            raise _NetworkError(f"connection broken ({_why(exc)})") from None
        finally:
            watchdog.cancel()

    def _read_body(self, response: httpx.Response, headers: dict[str, str], asked: str, clock: _Deadline,
                   limit: int, truncate: bool) -> bytes:
        declared = headers.get("content-length", "")
        if response.status_code >= 300:
            return b""
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise too_large(asked, "document", int(declared), limit)
        decoder = _decoder(headers.get("content-encoding", ""), asked, limit)
        chunks: list[bytes] = []
        size = 0
        for raw in response.iter_raw():
            clock.check("reading the answer")
            data = _decode(decoder, raw, asked, truncate)
            if data is None:  # decoded past the limit while truncating: keep what fits
                break
            size += len(data)
            chunks.append(data)
            if size > limit:
                if truncate:
                    break
                raise too_large(asked, "document", size, limit, at_least=True)
        else:
            if decoder:
                chunks.append(_decode(decoder, None, asked, truncate) or b"")
        return b"".join(chunks)[:limit] if truncate else b"".join(chunks)

    def _sleep_backoff(self, attempt: int, retry_after: str | None, clock: _Deadline) -> None:
        wait = self.backoff * (2 ** attempt)
        if retry_after:
            asked_for = _retry_after_seconds(retry_after)
            if asked_for > wait:
                clock.sleep(asked_for, "the server asked to retry after")
                return
        clock.sleep(wait, "the pause before retrying")


class _NetworkError(Exception):
    """A request that got no usable answer; `what` says what happened, for the user."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


def _decode(decoder: BoundedDecoder | None, raw: bytes | None, asked: str, truncate: bool) -> bytes | None:
    """Decoded bytes of one raw chunk (None: the end); None when the cap is passed and `truncate` keeps the rest out."""
    if decoder is None:
        return raw
    try:
        return decoder.feed(raw) if raw is not None else decoder.finish()
    except zlib.error as exc:
        raise InputError(asked, f"corrupt compressed body ({exc})") from None
    except InputError:
        if truncate:
            return None
        raise


def _why(exc: Exception) -> str:
    text = str(exc).strip()
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    return text or type(exc).__name__


def _retry_after_seconds(value: str) -> float:
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0

