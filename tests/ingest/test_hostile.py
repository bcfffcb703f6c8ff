"""Hostile and broken inputs, network side: a loopback server that drips, floods, redirects and bombs.

Every test sets short deadlines and caps through the library and runs under a generous outer bound (`bounded`), so
that a regression shows as a failure naming the case, never as a hung test run. No test asserts a speed: a deadline
that fires is asserted by the error it gives.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from hostile_server import HostileServer
from ingest_samples import FESTIVAL, HARBOUR, rss2

from claimgraph.errors import InputError
from claimgraph.ingest import ReadOptions, read_inputs
from claimgraph.ingest.feeds import FEED_SUMMARY
from claimgraph.ingest.fetch import Fetcher, address_kind, is_url
from claimgraph.ingest.limits import MAX_ROBOTS_BYTES
from tests.conftest import free_port

OUTER_BOUND = 60.0  # seconds: far above every deadline set here; only a hang reaches it


def bounded(call, seconds: float = OUTER_BOUND):
    """Run `call` in a thread; fail the test (instead of hanging the run) when it does not return in `seconds`."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as exc:  # handed back to the test
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds:g} s: a hang"
    if "error" in result:
        raise result["error"]
    return result["value"]


def fetch_error(fetcher: Fetcher, url: str) -> InputError:
    def call() -> InputError:
        with pytest.raises(InputError) as caught:
            fetcher.fetch(url)
        return caught.value
    return bounded(call)


@pytest.fixture(scope="module")
def hostile():
    server = HostileServer()
    server.thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture()
def server(hostile):
    hostile.robots = "/robots-ok"
    hostile.hits.clear()
    return hostile


def make_fetcher(**settings) -> Fetcher:
    defaults = dict(timeout=5.0, retries=1, backoff=0.01, delay=0.0, allow_private=True, deadline=1.5)
    return Fetcher(**{**defaults, **settings})


def closed_port() -> int:
    return free_port()  # nothing listens there: a connection is refused


# -- time: one deadline per URL ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/drip-body", "/drip-head"])
def test_a_dripping_server_is_cut_at_the_deadline(server, path):
    # One byte every 0.2 s never trips the 5 s read timeout; only the URL's deadline stops it.
    with make_fetcher() as fetcher:
        error = fetch_error(fetcher, server.base + path)
    assert "deadline of 1.5 s passed" in error.reason


def test_a_dripping_robots_txt_counts_against_the_same_deadline(server):
    server.robots = "/robots-drip"
    with make_fetcher() as fetcher:
        error = fetch_error(fetcher, server.base + "/page")
    assert "deadline of 1.5 s passed" in error.reason and "disallowed" not in error.reason
    assert server.hits["/page"] == 0


def test_retry_after_longer_than_the_deadline_fails_at_once(server):
    with make_fetcher(retries=2, deadline=5.0) as fetcher:
        error = fetch_error(fetcher, server.base + "/retry-after")
    assert "retry after (100000 s) would pass the deadline of 5 s" in error.reason
    assert server.hits["/retry-after"] == 1  # not waited for, not retried


# -- memory: floods and bombs --------------------------------------------------------------------------------


def test_an_endless_page_is_refused_at_the_size_cap(server):
    with make_fetcher(max_bytes=256 * 1024, deadline=20.0) as fetcher:
        error = fetch_error(fetcher, server.base + "/flood")
    assert "too large" in error.reason and "the limit is 0.2 MiB" in error.reason


def test_a_gzip_bomb_is_refused_while_decoding(server):
    with make_fetcher(max_bytes=1 * 2**20, deadline=20.0) as fetcher:
        error = fetch_error(fetcher, server.base + "/gzip-bomb")
    assert "document (decompressed) too large" in error.reason and "the limit is 1 MiB" in error.reason


def test_an_endless_robots_txt_is_read_up_to_its_cap_and_obeyed(server):
    server.robots = "/robots-flood"
    server.sent.clear()
    with make_fetcher(deadline=20.0) as fetcher:
        page = bounded(lambda: fetcher.fetch(server.base + "/page"))
        refused = fetch_error(fetcher, server.base + "/private/page")
    assert page.status == 200 and b"Marta Quillon" in page.content
    assert "disallowed by" in refused.reason  # the rules before the flood were read
    assert server.hits["/robots.txt"] == 1
    # The server wrote into the socket until the client hung up: at most the cap plus what the buffers hold.
    assert server.sent["robots-flood"] < MAX_ROBOTS_BYTES + 16 * 2**20


# -- addresses -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path, where", [("/to-private", "10.11.12.13 is a loopback or private"),
                                         ("/to-metadata", "169.254.169.254 is a link-local or cloud metadata")])
def test_each_redirect_hop_is_checked(server, path, where):
    with make_fetcher(allow_private=False, allow_hosts=["127.0.0.1"]) as fetcher:
        error = fetch_error(fetcher, server.base + path)
    assert where in error.reason


@pytest.mark.parametrize("robots, where", [("/robots-to-private", "10.11.12.13 is a loopback or private"),
                                           ("/robots-to-metadata", "169.254.169.254 is a link-local")])
def test_the_robots_txt_request_checks_its_redirects_too(server, robots, where):
    server.robots = robots
    with make_fetcher(allow_private=False, allow_hosts=["127.0.0.1"]) as fetcher:
        error = fetch_error(fetcher, server.base + "/page")
    assert where in error.reason
    assert server.hits["/page"] == 0


def test_allow_private_still_refuses_metadata_addresses():
    with make_fetcher(allow_private=True) as fetcher:
        for url in ("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
                    "http://[::ffff:169.254.169.254]/", "http://169.254.10.20/"):
            error = fetch_error(fetcher, url)
            assert "link-local or cloud metadata" in error.reason and "--allow-host" in error.reason, url


def test_a_metadata_address_named_explicitly_is_allowed():
    fetcher = make_fetcher(allow_private=False, allow_hosts=["169.254.169.254"])
    fetcher._check_address("http://169.254.169.254/latest/", "asked")  # no error: the user named it
    with pytest.raises(InputError, match="link-local"):
        fetcher._check_address("http://169.254.170.2/", "asked")
    assert address_kind("127.0.0.1") == "private" and address_kind("8.8.8.8") == "public"


def test_an_unresolvable_host_says_so():
    with make_fetcher() as fetcher:
        error = fetch_error(fetcher, "http://no-such-host.invalid/story")
    assert "cannot resolve host no-such-host.invalid" in error.reason


def test_a_resolver_that_does_not_answer_is_cut_at_the_deadline(monkeypatch):
    import time

    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: time.sleep(5) or real(host, *a, **k))
    with make_fetcher(deadline=1.0) as fetcher:
        error = fetch_error(fetcher, "http://slow-dns.example/story")
    assert "deadline of 1 s passed while resolving slow-dns.example" in error.reason


def test_a_refused_connection_says_so_not_robots():
    with make_fetcher() as fetcher:
        error = fetch_error(fetcher, f"http://127.0.0.1:{closed_port()}/story")
    assert "could not connect" in error.reason and "disallowed" not in error.reason


def test_http_in_capitals_is_a_url(server):
    assert is_url("HTTP://example.org/") and is_url("Https://example.org/") and not is_url("http.txt")
    options = ReadOptions(fetcher=make_fetcher(deadline=20.0))
    items = bounded(lambda: list(read_inputs([server.base.replace("http://", "HTTP://") + "/page"], options)))
    assert len(items) == 1 and "Marta Quillon" in items[0].text


# -- feeds offline -------------------------------------------------------------------------------------------


def _feed_file(tmp_path: Path, link_base: str, broken: bool = False) -> Path:
    entries = [{"title": "Pier closes", "link": f"{link_base}/pier", "guid": "pier", "summary": HARBOUR},
               {"title": "Lanterns", "link": f"{link_base}/lanterns", "guid": "lanterns", "summary": FESTIVAL}]
    text = rss2(entries)
    if broken:
        text = text.replace("</channel></rss>", "<item><title>cut off")  # a feed cut off in transfer
    path = tmp_path / "feed.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_offline_feed_stores_each_entry_as_a_summary_saying_what_happened(tmp_path):
    path = _feed_file(tmp_path, f"http://127.0.0.1:{closed_port()}")
    options = ReadOptions(fetcher=make_fetcher(retries=0))
    items = bounded(lambda: list(read_inputs([path], options)))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    assert all(a.genre == FEED_SUMMARY for a in items)
    assert "could not connect" in items[0].meta["from_feed"] and "disallowed" not in items[0].meta["from_feed"]
    assert "Marta Quillon" in items[0].text


def test_no_fetch_stores_the_entries_own_content_marked_as_summary(tmp_path):
    path = _feed_file(tmp_path, "http://harbor.example")
    items = list(read_inputs([path], ReadOptions(fetch_links=False)))
    assert [a.genre for a in items] == [FEED_SUMMARY, FEED_SUMMARY]
    assert items[1].meta["from_feed"] == "not fetched"


def test_a_malformed_feed_that_yields_entries_is_a_warning_not_a_failure(tmp_path):
    path = _feed_file(tmp_path, "http://harbor.example", broken=True)
    options = ReadOptions(fetch_links=False)
    items = list(read_inputs([path], options))
    assert items and not any(isinstance(i, InputError) for i in items)
    assert len(options.warnings) == 1 and "malformed feed" in options.warnings[0][1]
