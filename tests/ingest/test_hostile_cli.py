"""The hostile cases as a user meets them on the command line: exit status, warning and error lines, the options."""

from __future__ import annotations

import json

from click.testing import CliRunner
from ingest_samples import FESTIVAL, HARBOUR, rss2
from test_hostile import bounded, closed_port

from claimgraph.cli import cli


def _broken_feed(path, link_base: str) -> None:
    entries = [{"title": "Pier closes", "link": f"{link_base}/pier", "guid": "pier", "summary": HARBOUR},
               {"title": "Lanterns", "link": f"{link_base}/lanterns", "guid": "lanterns", "summary": FESTIVAL}]
    path.write_text(rss2(entries).replace("</channel></rss>", "<item><title>cut off"), encoding="utf-8")


def test_no_fetch_and_a_malformed_feed_with_entries_exit_0_with_a_warning(tmp_path):
    feed = tmp_path / "feed.xml"
    _broken_feed(feed, "http://harbor.example")
    db = tmp_path / "news.db"
    result = bounded(lambda: CliRunner().invoke(cli, ["ingest", str(feed), "--no-fetch", "--db", str(db),
                                                      "--no-link-claims", "--json-summary"]), 300)
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "malformed feed" in result.stderr and "error:" not in result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["stored"] == 2 and summary["failed"] == 0


def test_offline_linked_pages_say_what_happened_and_url_deadline_is_taken(tmp_path):
    port = closed_port()
    feed = tmp_path / "feed.xml"
    _broken_feed(feed, f"http://127.0.0.1:{port}")
    db = tmp_path / "news.db"
    result = bounded(lambda: CliRunner().invoke(cli, [
        "ingest", str(feed), f"http://127.0.0.1:{port}/story", "--allow-private", "--url-deadline", "5",
        "--db", str(db), "--no-link-claims", "--json-summary"]), 300)
    assert result.exit_code == 1  # the URL given directly failed; the feed's entries were stored as summaries
    assert f"error: http://127.0.0.1:{port}/story: could not connect" in result.stderr
    assert "disallowed" not in result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["stored"] == 2
