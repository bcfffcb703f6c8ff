"""Through the store: syndicated copies as appearances, idempotent reruns, a batch of bad inputs, and `watch`."""

from __future__ import annotations

from click.testing import CliRunner
from ingest_samples import BRIDGE, FESTIVAL, HARBOUR, NO_ARTICLE_HTML, page_html
from sqlalchemy import select

from claimgraph.ingest import ReadOptions, read_inputs
from claimgraph.ingest.syndication import SyndicationIndex
from claimgraph.minhash import from_bytes
from claimgraph.records import Article
from claimgraph.service import ingest_articles, watch_once
from claimgraph.store import Store
from claimgraph.store import schema as t
from claimgraph.store.feeds import feed_entry_counts, get_feed_state

# The same wire copy as another site runs it: a byline added, a sentence dropped, two words changed.
HARBOUR_COPY = ("By Lio Marrant, Coastline Wire\n\n" + HARBOUR
                .replace(" Traders along the quay said they hoped the timetable would hold this time.", "")
                .replace("three weeks", "three full weeks").replace("busiest", "most crowded")
                + "\n\nRead more stories from the Coastline Wire on our website.")


def test_index_matches_a_light_edit_not_another_story():
    index = SyndicationIndex()
    original = Article("a", HARBOUR)
    index.add(original)
    match = index.match(Article("b", HARBOUR_COPY))
    assert match is not None and match[0] == original.id and 0.6 <= match[1] < 1.0
    assert index.match(Article("c", FESTIVAL)) is None
    assert from_bytes(index.add(Article("d", BRIDGE)), index.num_perm).jaccard(
        from_bytes(index.add(Article("d", BRIDGE)), index.num_perm)) == 1.0


def test_syndicated_copy_is_one_story_with_two_appearances(tmp_path, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbor.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "in" / "festival.txt").write_text(FESTIVAL, encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        first = ingest_articles(read_inputs([tmp_path / "in"]), store, extractor,
                                syndication=SyndicationIndex.load(store))
        assert first.stored == 2
        (tmp_path / "in" / "wire.html").write_text(page_html("Pier closes", HARBOUR_COPY, site="Coastline Wire"),
                                                   encoding="utf-8")
        report = ingest_articles(read_inputs([tmp_path / "in"]), store, extractor,
                                 syndication=SyndicationIndex.load(store))
        assert (report.read, report.stored, report.duplicate, report.syndicated, report.failed) == (3, 0, 2, 1, 0)
        counts = store.counts()
        assert counts["articles"] == 2 and counts["appearances"] == 3
        harbour_id = Article("x", HARBOUR).id
        with store.engine.connect() as conn:
            rows = conn.execute(select(t.appearances).where(t.appearances.c.article_id == harbour_id)).all()
            n_attr = len(conn.execute(select(t.attributions.c.id)
                                      .where(t.attributions.c.article_id == harbour_id)).all())
        assert sorted(r.outlet or "" for r in rows) == ["", "Coastline Wire"]
        assert [r.similarity for r in rows if r.outlet == "Coastline Wire"][0] >= 0.6
        assert n_attr > 0 and counts["attributions"] == n_attr + len(extractor.extract(Article("f", FESTIVAL)))
        # A rerun (with the index rebuilt from the store) changes no count.
        again = ingest_articles(read_inputs([tmp_path / "in"]), store, extractor,
                                syndication=SyndicationIndex.load(store))
        assert again.stored == 0 and store.counts() == counts


def test_bad_inputs_in_one_batch(tmp_path, site, fetcher, extractor):
    good = tmp_path / "good.txt"
    good.write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "empty.html").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(NO_ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "blob.html").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "bad.rss").write_bytes(b"<rss><channel><title>x")
    (tmp_path / "cut.warc.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\x00" * 30)
    later = tmp_path / "later.html"
    inputs = [tmp_path / "missing.txt", tmp_path / "empty.html", tmp_path / "index.html", tmp_path / "blob.html",
              tmp_path / "bad.rss", tmp_path / "cut.warc.gz", site.base + "/missing", site.base + "/error",
              site.base + "/slow", good, later]
    options = ReadOptions(fetcher=fetcher)
    with Store.open(tmp_path / "t.db") as store:
        report = ingest_articles(read_inputs(inputs, options), store, extractor)
        assert report.stored == 1 and report.failed == 10
        sources = [f.source for f in report.failures]
        assert len(set(sources)) == 10 and str(good) not in sources  # each bad input named once
        assert store.counts()["failures"] == 10
        # The page arrives later: the rerun picks it up, and its failure is cleared.
        later.write_text(page_html("Pier", HARBOUR), encoding="utf-8")
        rerun = ingest_articles(read_inputs([good, later], options), store, extractor)
        assert (rerun.stored, rerun.duplicate, rerun.failed) == (1, 1, 0)
        assert store.counts()["failures"] == 9 and store.counts()["articles"] == 2


def _entry(site, n: int, body: str) -> dict:
    site.pages[f"/story/{n}.html"] = (200, "text/html", page_html(f"Story {n}", body).encode())
    return {"title": f"Story {n}", "link": f"{site.base}/story/{n}.html", "guid": f"story-{n}"}


def test_watch_resumes_and_uses_conditional_requests(tmp_path, site, fetcher, extractor):
    site.feed_entries = [_entry(site, 1, HARBOUR), _entry(site, 2, FESTIVAL)]
    feed = site.base + "/feed.xml"
    with Store.open(tmp_path / "w.db") as store:
        first = watch_once(store, [feed], extractor, fetcher)
        assert (first.read, first.stored) == (2, 2)
        assert get_feed_state(store, feed).etag and feed_entry_counts(store, feed) == {"done": 2}
        unchanged = watch_once(store, [feed], extractor, fetcher)
        assert unchanged.read == 0 and site.requests[-1][1].get("if-none-match")
        assert get_feed_state(store, feed).last_status == "not modified"
    # A new entry while watch was stopped: the CLI, restarted, reads only that one.
    site.feed_entries.append(_entry(site, 3, BRIDGE))
    before = {p: site.hits[p] for p in ("/story/1.html", "/story/3.html")}
    from claimgraph.cli import cli

    result = CliRunner().invoke(cli, ["watch", feed, "--db", str(tmp_path / "w.db"), "--once", "--delay", "0",
                                      "--allow-private", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "poll 1: 1 read, 1 stored" in result.output
    assert site.hits["/story/1.html"] == before["/story/1.html"]  # not fetched again
    assert site.hits["/story/3.html"] == before["/story/3.html"] + 1
    with Store.open(tmp_path / "w.db") as store:
        assert store.counts()["articles"] == 3 and feed_entry_counts(store, feed) == {"done": 3}


def test_watch_reads_a_malformed_feed_that_still_gives_entries_with_a_warning(tmp_path, site, fetcher, extractor):
    site.feed_entries = [_entry(site, 1, HARBOUR), _entry(site, 2, FESTIVAL)]
    body = fetcher.fetch(site.base + "/feed.xml").content.decode("utf-8")  # the site's feed, then cut off
    with Store.open(tmp_path / "m.db") as store:
        site.pages["/cut.xml"] = (200, "application/rss+xml",
                                  body.replace("</channel>", "<item><title>cut off").replace("</rss>", "").encode())
        report = watch_once(store, [site.base + "/cut.xml"], extractor, fetcher)
        assert (report.read, report.stored, report.failed) == (2, 2, 0)
        status = get_feed_state(store, site.base + "/cut.xml").last_status
        assert status.startswith("ok: 2 new of 2") and "warning: malformed feed" in status


def test_watch_reads_a_json_feed(tmp_path, site, fetcher, extractor):
    import json

    items = [{"id": f"e{n}", "url": site.base + link, "title": title}
             for n, (link, title) in enumerate([("/story/1.html", "Pier"), ("/story/2.html", "Lanterns")])]
    for n, (item, text) in enumerate(zip(items, (HARBOUR, FESTIVAL)), start=1):
        site.pages[f"/story/{n}.html"] = (200, "text/html", page_html(item["title"], text).encode())
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Harbor news", "items": items}
    site.pages["/feed.json"] = (200, "application/feed+json", json.dumps(feed).encode())
    with Store.open(tmp_path / "j.db") as store:
        report = watch_once(store, [site.base + "/feed.json"], extractor, fetcher)
        assert (report.read, report.stored, report.failed) == (2, 2, 0), report.failures


def test_watch_groups_copies_arriving_in_one_poll(tmp_path, site, fetcher, extractor):
    site.pages["/wire/copy.html"] = (200, "text/html", page_html("Pier closes", HARBOUR_COPY,
                                                                 site="Coastline Wire").encode())
    copy = {"title": "Pier closes", "link": site.base + "/wire/copy.html", "guid": "wire-1"}
    site.feed_entries = [_entry(site, 1, HARBOUR), copy, _entry(site, 2, FESTIVAL)]
    with Store.open(tmp_path / "s.db") as store:
        report = watch_once(store, [site.base + "/feed.xml"], extractor, fetcher, SyndicationIndex.load(store))
        assert (report.read, report.stored, report.syndicated) == (3, 2, 1)
        assert store.counts()["articles"] == 2 and store.counts()["appearances"] == 3


def test_watch_refuses_private_feeds_without_the_flag(tmp_path, site):
    from claimgraph.cli import cli

    result = CliRunner().invoke(cli, ["watch", site.base + "/feed.xml", "--db", str(tmp_path / "p.db"), "--once",
                                      "--no-progress", "--no-syndication"])
    assert result.exit_code == 1 and "private" in result.output
