"""What serving a large ledger fast must not cost: a cached claim page is never stale, and the search index that
follows an ingest incrementally holds exactly what a rebuild from scratch holds. Real ledgers from examples/ (the
CLI ingests them), on SQLite and on the real PostgreSQL the tests start."""

from __future__ import annotations

import json
import re
import uuid

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from claimgraph.store import Store
from claimgraph.store.search import KINDS, refresh_index, search
from claimgraph.web import background
from claimgraph.web.app import create_app
from claimgraph.web.claim_views import cached_claim, store_rows, wait_for_revalidation
from tests.web.conftest import EXAMPLES, hostile_folder, run_cli

NEW_OUTLET = "Quarrytown Herald"   # fictional


def coordination_claim(client) -> dict:
    found = client.get("/api/v1/claims", params={"q": "Pentagon"}).json()["items"]
    ids = [c["id"] for c in found if "Hmeymim" in c["gist"]]
    assert ids, [c["gist"] for c in found]
    return client.get(f"/api/v1/claims/{ids[0]}").json()


def column_of(page: str, attribution: str) -> str | None:
    """The stance column of the claim page in which this statement stands."""
    for stance, body in re.findall(r'<section class="column (\w+)"(.*?)</section>', page, flags=re.S):
        if f'id="att-{attribution}"' in body:
            return stance
    return None


def test_an_unchanged_claim_is_served_from_the_cache(store, client):
    claim = coordination_claim(client)
    first, version = cached_claim(store, claim["id"])
    again, same = cached_claim(store, claim["id"])
    assert same == version and again is first
    assert cached_claim(store, "no-such-claim") == (None, None)


def test_a_cached_claim_page_shows_a_correction_at_once(client, token):
    claim = coordination_claim(client)
    page_url = f"/claims/{claim['id']}"
    pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
    for _ in range(2):   # the second answer comes from the cache
        assert column_of(client.get(page_url).text, pahon["attribution"]) == "dispute"
    made = client.post(f"/api/v1/attributions/{pahon['attribution']}/corrections",
                       json={"field": "stance", "value": "support"}, headers={"Authorization": f"Bearer {token}"})
    assert made.status_code == 201
    assert column_of(client.get(page_url).text, pahon["attribution"]) == "support"
    after = client.get(f"/api/v1/claims/{claim['id']}").json()
    assert pahon["attribution"] in [v["attribution"] for v in after["voices"]["support"]]


def _copy_under_another_outlet(store: Store, article_id: str, folder) -> str:
    """The stored text of an article, exactly, as a JSON Lines input under another outlet: another appearance."""
    with store.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT text FROM articles WHERE id = :id"), {"id": article_id}).scalar_one()
    path = folder / "copy.jsonl"
    path.write_text(json.dumps({"id": "copy-1", "publisher": NEW_OUTLET, "published": "2017-01-25",
                                "text": stored}) + "\n", encoding="utf-8")
    return str(path)


def test_a_new_copy_of_its_article_is_served_stale_then_fresh(sqlite_db, tmp_path):
    """Another process stores a copy of one of the claim's articles: the kept page answers at once (stale) while the
    claim is computed again in the background, and the answers after that show the new outlet."""
    with Store.open(sqlite_db) as store, TestClient(create_app(store)) as client:
        claim = coordination_claim(client)
        page_url = f"/claims/{claim['id']}"
        assert NEW_OUTLET not in client.get(page_url).text
        _, version = cached_claim(store, claim["id"])
        article = claim["voices"]["assert"][0]["article"]
        run_cli("ingest", _copy_under_another_outlet(store, article, tmp_path), "--db", sqlite_db,
                "--no-link-claims")
        stale = client.get(page_url).text   # starts the computation, answers with what was kept
        assert NEW_OUTLET not in stale
        wait_for_revalidation(store)
        assert background.worker_pids(store)   # computed in the worker process, not in this one
        assert cached_claim(store, claim["id"])[1] != version
        assert NEW_OUTLET in client.get(page_url).text
        assert NEW_OUTLET in json.dumps(client.get(f"/api/v1/claims/{claim['id']}").json())


def test_a_new_statement_that_changes_no_shown_field_keeps_the_claim(sqlite_db, tmp_path):
    """A new article quoting one of the claim's speakers again (name, type, role, affiliation unchanged) is no
    reason to compute the claim again; one that gives the speaker a role is."""
    with Store.open(sqlite_db) as store, TestClient(create_app(store)) as client:
        claim = coordination_claim(client)
        pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
        _, version = cached_claim(store, claim["id"])
        shown = store_rows(store, [pahon["attribution"]])[0]
        story = tmp_path / "brackwater.txt"
        story.write_text("Brackwater Gazette\n\n" + '"The harbour talks went well," Eric Pahon said on Tuesday.\n',
                         encoding="utf-8")
        run_cli("ingest", str(story), "--db", sqlite_db, "--no-link-claims")
        with store.engine.connect() as conn:   # the new statement is his, and his record shows the same
            said = conn.execute(sa.text("SELECT count(*) FROM attributions WHERE speaker_id = :s AND content LIKE "
                                        "'%harbour talks%'"), {"s": shown["speaker_id"]}).scalar_one()
        assert said == 1
        assert cached_claim(store, claim["id"])[1] == version
        wait_for_revalidation(store)
        assert cached_claim(store, claim["id"])[1] == version
        # A story that comes with a change of what the page shows of him (his role, rewritten here beside the
        # ingest's own rewrite of his record) makes it stale: served once more, then computed again.
        again = tmp_path / "saltmarsh.txt"
        again.write_text("Saltmarsh Courier\n\n" + '"We expect a reply by Friday," Eric Pahon said.\n',
                         encoding="utf-8")
        run_cli("ingest", str(again), "--db", sqlite_db, "--no-link-claims")
        with store.engine.begin() as conn:
            conn.execute(sa.text("UPDATE speakers SET role = 'harbour envoy' WHERE id = :s"),
                         {"s": shown["speaker_id"]})
        assert cached_claim(store, claim["id"])[1] == version
        wait_for_revalidation(store)
        assert cached_claim(store, claim["id"])[1] != version


def _index(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT kind, ref, title, body FROM search_index")).all()
    return sorted(tuple(r) for r in rows if r[0] in KINDS)


@pytest.fixture(params=["sqlite", "postgresql"])
def own_ledger(request, tmp_path):
    """A ledger of examples/ of this test's own (it ingests into it), on SQLite or on a new PostgreSQL database."""
    if request.param == "sqlite":
        db = str(tmp_path / "own.db")
    else:
        base = request.getfixturevalue("postgres_url")
        name = "t_" + uuid.uuid4().hex[:12]
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        db = base.replace("@/postgres?", f"@/{name}?")
    run_cli("ingest", str(EXAMPLES / "harbor-bridge.txt"), str(EXAMPLES / "eirns-2017-01-24-us-russia-syria.txt"),
            "--db", db)
    return db


def test_the_index_followed_incrementally_equals_a_rebuild(own_ledger, tmp_path):
    with Store.open(own_ledger) as store:
        assert refresh_index(store)
        with store.engine.connect() as conn:
            article = conn.execute(sa.text("SELECT article_id FROM voices JOIN attributions ON "
                                           "attributions.id = voices.attribution_id LIMIT 1")).scalar_one()
        # New articles (new statements, new speakers, an old speaker seen again), and a copy of an indexed article
        # under another outlet; claims are not relinked, so the claim documents are updated, not rebuilt.
        run_cli("ingest", str(EXAMPLES / "northgate-ferry.jsonl"), str(EXAMPLES / "harbor-bridge-tidewater.txt"),
                str(hostile_folder(tmp_path)), _copy_under_another_outlet(store, article, tmp_path),
                "--db", own_ledger, "--no-link-claims")
        assert refresh_index(store)
        followed = _index(store)
        assert {h["ref"] for h in search(store, NEW_OUTLET, ("article",))} == {article}
        assert search(store, NEW_OUTLET, ("claim",))
        assert search(store, "Fenn", ("speaker",))   # a speaker of the hostile article
        assert refresh_index(store, force=True)
        assert followed == _index(store)
        # A linking run rewrites every claim: the index follows it too.
        run_cli("link-claims", "--db", own_ledger)
        assert refresh_index(store)
        followed = _index(store)
        refresh_index(store, force=True)
        assert followed == _index(store)


def test_kinds_are_searched_apart(store):
    refresh_index(store)
    every = search(store, "Pentagon", limit=500)
    assert {h["kind"] for h in every} >= {"claim", "attribution", "article"}
    for kind in KINDS:
        assert search(store, "Pentagon", (kind,), limit=500) == [h for h in every if h["kind"] == kind]


def test_kept_search_results_follow_the_index(sqlite_db, run_cli, tmp_path):
    story = tmp_path / "lowmoor.txt"
    story.write_text('Lowmoor Post\n\n"The quarry will close in May," said Petra Quillfeather, a spokeswoman for '
                     "the Lowmoor council.\n", encoding="utf-8")
    with Store.open(sqlite_db) as store:
        refresh_index(store)
        assert search(store, "Quillfeather") == [] and search(store, "Quillfeather") == []   # the second is kept
        run_cli("ingest", str(story), "--db", sqlite_db)
        assert refresh_index(store)
        assert {"speaker", "article", "attribution"} <= {h["kind"] for h in search(store, "Quillfeather")}


def test_a_whole_name_finds_the_speaker_in_any_case_and_a_part_still_does(store):
    pahon = store.speaker_ids("Pahon")
    assert len(pahon) == 1
    assert store.speaker_ids("eric PAHON") == store.speaker_ids("Eric Pahon") == pahon == store.speaker_ids(pahon[0])
    whole = {r["id"] for r in store.attributions(speaker="Eric Pahon")}
    assert whole and whole == {r["id"] for r in store.attributions(speaker="pahon")}


def test_a_long_column_shows_its_first_voices_and_links_to_all(client, monkeypatch):
    from claimgraph.web import pages

    monkeypatch.setattr(pages, "VOICES_SHOWN", 1)
    claim = coordination_claim(client)
    disputes = [v["attribution"] for v in claim["voices"]["dispute"]]
    assert len(disputes) >= 2
    short = client.get(f"/claims/{claim['id']}").text
    assert [column_of(short, a) for a in disputes] == ["dispute"] + [None] * (len(disputes) - 1)
    assert f'href="?all=1#col-dispute">All {len(disputes)} ' in short
    whole = client.get(f"/claims/{claim['id']}", params={"all": "1"}).text
    assert [column_of(whole, a) for a in disputes] == ["dispute"] * len(disputes)


def test_the_server_follows_another_process_writes_in_the_background(sqlite_db, tmp_path, monkeypatch):
    """Searches never refresh the index in the request (after the process's first look): a background look finds
    another process's new story, and the searches after it find the story's speaker."""
    import threading
    import time

    from claimgraph.store import search as search_module

    refreshed_in = []
    update = search_module._refresh

    def watched(*args, **kwargs):
        refreshed_in.append(threading.current_thread().name)
        return update(*args, **kwargs)

    monkeypatch.setattr(search_module, "_refresh", watched)
    story = tmp_path / "fernhollow.txt"
    story.write_text('Fernhollow Times\n\n"The ferry will run again in June," said Odile Brambleworth, a spokeswoman '
                     "for the Fernhollow council.\n", encoding="utf-8")
    with Store.open(sqlite_db) as store, TestClient(create_app(store)) as client:
        assert client.get("/api/v1/search", params={"q": "Brambleworth"}).json()["items"] == []   # the first look
        refreshed_in.clear()
        run_cli("ingest", str(story), "--db", sqlite_db, "--no-link-claims")
        found, deadline = [], time.monotonic() + 60   # generous: a bound on the test, not a speed check
        while not found and time.monotonic() < deadline:
            found = client.get("/api/v1/search", params={"q": "Brambleworth", "kind": "speaker"}).json()["items"]
            time.sleep(0.2)
        assert [h["title"] for h in found] == ["Odile Brambleworth"]
        # Never in a request, nor in a thread of the serving process: the worker process refreshed it.
        assert refreshed_in == []
        assert background.worker_pids(store)


def test_a_kept_claim_answers_304_to_its_etag_and_a_correction_changes_it(client, token):
    """The claim page (HTML, kept rendered) and its JSON (kept encoded) carry an ETag over their bytes: a matching
    If-None-Match gets 304 with no body; after a correction the same tag gets the new page."""
    claim = coordination_claim(client)
    pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
    tags = {}
    for url in (f"/claims/{claim['id']}", f"/api/v1/claims/{claim['id']}"):
        first = client.get(url)
        tags[url] = first.headers["etag"]
        assert first.status_code == 200 and tags[url].startswith('"')
        again = client.get(url, headers={"If-None-Match": tags[url]})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tags[url]
        assert client.get(url, headers={"If-None-Match": '"another"'}).status_code == 200
    made = client.post(f"/api/v1/attributions/{pahon['attribution']}/corrections",
                       json={"field": "stance", "value": "support"}, headers={"Authorization": f"Bearer {token}"})
    assert made.status_code == 201
    page = client.get(f"/claims/{claim['id']}", headers={"If-None-Match": tags[f"/claims/{claim['id']}"]})
    assert page.status_code == 200 and column_of(page.text, pahon["attribution"]) == "support"
    data = client.get(f"/api/v1/claims/{claim['id']}", headers={"If-None-Match": tags[f"/api/v1/claims/{claim['id']}"]})
    assert data.status_code == 200
    assert pahon["attribution"] in [v["attribution"] for v in data.json()["voices"]["support"]]


def _pahon_list(client) -> tuple[list[str], str]:
    answer = client.get("/api/v1/attributions", params={"speaker": "Eric Pahon", "limit": 50})
    assert answer.status_code == 200
    return [r["content"] for r in answer.json()["items"]], answer.headers["etag"]


def test_a_speakers_kept_attribution_list_shows_his_new_statement_and_a_correction_at_once(sqlite_db, tmp_path):
    """One speaker's list is kept encoded: another process storing a statement of someone else leaves it as it is
    (same bytes), one of his is in the next answer, and so is a correction of one of his statements."""
    from claimgraph.web.tokens import create_token

    with Store.open(sqlite_db) as store, TestClient(create_app(store)) as client:
        before, tag = _pahon_list(client)
        assert before and not any("harbour talks" in (c or "") for c in before)
        other = tmp_path / "lowmoor.txt"
        other.write_text("Lowmoor Post\n\n" + '"The ferry will run on time," Ilsa Marrow said on Monday.\n',
                         encoding="utf-8")
        run_cli("ingest", str(other), "--db", sqlite_db, "--no-link-claims")
        assert _pahon_list(client) == (before, tag)
        story = tmp_path / "brackwater.txt"
        story.write_text("Brackwater Gazette\n\n" + '"The harbour talks went well," Eric Pahon said on Tuesday.\n',
                         encoding="utf-8")
        run_cli("ingest", str(story), "--db", sqlite_db, "--no-link-claims")
        after, new_tag = _pahon_list(client)
        assert new_tag != tag and any("harbour talks" in (c or "") for c in after)
        assert len(after) == len(before) + 1
        first = client.get("/api/v1/attributions", params={"speaker": "Eric Pahon"}).json()["items"][0]
        made = client.post(f"/api/v1/attributions/{first['id']}/corrections",
                           json={"field": "cue_class", "value": "confirm"},
                           headers={"Authorization": f"Bearer {create_token(store, 'desk-editor')}"})
        assert made.status_code == 201
        shown = client.get("/api/v1/attributions", params={"speaker": "Eric Pahon"}).json()["items"]
        assert next(r for r in shown if r["id"] == first["id"])["cue_class"] == "confirm"


def test_the_claims_list_lays_corrections_over_at_once_and_follows_a_linking_run_within_its_staleness(
        sqlite_db, tmp_path, monkeypatch):
    """The ranked claims list is kept per process: a correction shows in its counts at once; a new statement that a
    linking run (another process) adds to a claim shows on the claim at once and in the list once it was computed
    again (at most LIST_S after the run, plus one computation), and the list then equals a fresh one."""
    from claimgraph.web import claim_views
    from claimgraph.web.tokens import create_token

    with Store.open(sqlite_db) as store, TestClient(create_app(store)) as client:
        token = create_token(store, "desk-editor")

        def counts() -> dict[str, tuple]:
            items = client.get("/api/v1/claims", params={"limit": 500}).json()["items"]
            return {c["id"]: (c["asserts"], c["disputes"], c["supports"], c["reports"], c["voices"]) for c in items}

        claim = coordination_claim(client)
        before = counts()
        pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
        made = client.post(f"/api/v1/attributions/{pahon['attribution']}/corrections",
                           json={"field": "stance", "value": "support"}, headers={"Authorization": f"Bearer {token}"})
        assert made.status_code == 201
        a, d, s, r, v = before[claim["id"]]
        assert counts()[claim["id"]] == (a, d - 1, s + 1, r, v)

        story = tmp_path / "brackwater.txt"
        story.write_text("Brackwater Gazette\n\nJan. 25, 2017\n\n" + "The Russian Defense Ministry claimed that such "
                         "cooperation is already underway, and said the command of the Russian Hmeymim aerospace "
                         "group received from the U.S.-led military command information on the location of ISIS "
                         "targets in Al Bab.\n", encoding="utf-8")
        ministry = claim["voices"]["assert"][0]
        run_cli("ingest", str(story), "--db", sqlite_db)
        run_cli("link-claims", "--db", sqlite_db)
        # The claim the ministry's statement stands in now (a linking run may give it another id), at once.
        article = client.get(f"/api/v1/articles/{ministry['article']}").json()
        now_in = next(r["claim"]["claim"] for r in article["attributions"] if r["id"] == ministry["attribution"])
        grown = client.get(f"/api/v1/claims/{now_in}").json()
        assert "Brackwater Gazette" in json.dumps(grown)
        monkeypatch.setattr(claim_views, "LIST_S", 0.0)
        counts()                              # looks, finds the linking run, starts computing the list again
        claim_views.wait_for_ranking(store)
        listed = client.get("/api/v1/claims", params={"limit": 500}).json()["items"]
        fresh = claim_views.list_claims(store)
        claim_views._corrected_counts(store, fresh)
        assert [(c["id"], c["voices"], c["disputes"]) for c in listed] == \
               [(c["id"], c["voices"], c["disputes"]) for c in fresh]
        assert next(c for c in listed if c["id"] == grown["id"])["voices"] > v


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _gone_within(pids: list[int], seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds   # generous: a bound on the test, not a speed check
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_alive(p) for p in pids)


def test_the_worker_process_computes_stale_claims_is_replaced_when_it_dies_and_ends_with_the_app(sqlite_db, tmp_path):
    """Stale claims are computed in a worker process of the server (stale answer, then fresh); a correction made
    through the server still shows at once; a worker killed is replaced by a new one that computes the next stale
    claim; no worker process is left once the app has shut down."""
    import os
    import signal

    from claimgraph.web.tokens import create_token

    with Store.open(sqlite_db) as store:
        token = create_token(store, "desk-editor")
        with TestClient(create_app(store)) as client:
            claim = coordination_claim(client)
            page_url = f"/claims/{claim['id']}"
            client.get(page_url)
            _, version = cached_claim(store, claim["id"])
            article = claim["voices"]["assert"][0]["article"]
            run_cli("ingest", _copy_under_another_outlet(store, article, tmp_path), "--db", sqlite_db,
                    "--no-link-claims")
            assert NEW_OUTLET not in client.get(page_url).text   # stale, while the worker computes it
            wait_for_revalidation(store)
            first = background.worker_pids(store)
            assert len(first) == 1 and first[0] != os.getpid()
            assert cached_claim(store, claim["id"])[1] != version
            assert NEW_OUTLET in client.get(page_url).text

            pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
            made = client.post(f"/api/v1/attributions/{pahon['attribution']}/corrections",
                               json={"field": "stance", "value": "support"},
                               headers={"Authorization": f"Bearer {token}"})
            assert made.status_code == 201
            assert column_of(client.get(page_url).text, pahon["attribution"]) == "support"   # at once

            os.kill(first[0], signal.SIGKILL)   # the worker crashes
            assert _gone_within(first, 30)
            _, version = cached_claim(store, claim["id"])
            (tmp_path / "copy.jsonl").write_text((tmp_path / "copy.jsonl").read_text(encoding="utf-8").replace(
                "copy-1", "copy-2").replace(NEW_OUTLET, "Lanternby Post"), encoding="utf-8")
            run_cli("ingest", str(tmp_path / "copy.jsonl"), "--db", sqlite_db, "--no-link-claims")
            assert "Lanternby Post" not in client.get(page_url).text   # stale: the broken worker is noticed
            wait_for_revalidation(store)
            if cached_claim(store, claim["id"])[1] == version:   # that computation met the dead worker: again
                client.get(page_url)
                wait_for_revalidation(store)
            second = background.worker_pids(store)
            assert second and second != first
            assert cached_claim(store, claim["id"])[1] != version
            assert "Lanternby Post" in client.get(page_url).text
        assert _gone_within(second, 30)   # the app shut down: its worker with it
        assert background.worker_pids(store) == []


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    import os

    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                pass
    return found


def test_the_worker_process_ends_when_the_server_is_killed(sqlite_db):
    """`kill -9` of `claimgraph serve` gives the worker no shutdown: it notices that its parent is gone and ends."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "claimgraph", "serve", "--db", sqlite_db, "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    try:
        children: list[int] = []
        deadline = time.monotonic() + 90   # a bound on the test, not a speed check
        while not children and time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v1/search", params={"q": "Pahon"}, timeout=10)
            except httpx.HTTPError:
                pass
            time.sleep(1.1)   # past the index's look interval: the next search starts a look in the worker
            children = _children(server.pid)
        assert children, "no worker process started"
        os.kill(server.pid, signal.SIGKILL)
        server.wait(30)
        assert _gone_within(children, 30)
    finally:
        if server.poll() is None:
            server.kill()


def test_the_worker_process_computes_a_claim_and_looks_at_the_index_on_either_database(store, client, monkeypatch):
    """The worker opens its own store from the database URL (SQLite file or PostgreSQL): a claim computed there is
    the one computed here, under a new version; the index's look made there leaves this process knowing its state."""
    import time

    from claimgraph.store import search as search_module
    from claimgraph.web import claim_views

    claim = coordination_claim(client)
    here, version = cached_claim(store, claim["id"])
    claim_views._revalidate(store, claim["id"])
    wait_for_revalidation(store)
    assert background.worker_pids(store)
    there, again = cached_claim(store, claim["id"])
    assert again != version and json.dumps(there, sort_keys=True) == json.dumps(here, sort_keys=True)

    search_module.refresh_index(store)
    refreshed_here = []
    monkeypatch.setattr(search_module, "_refresh_now", lambda *a: refreshed_here.append(a))
    search_module._checked[store] = -1e9
    search_module._generation[store] = "before"   # only the note taken after the worker's look changes it
    assert background.refresh_search(store) is False
    deadline = time.monotonic() + 60   # a bound on the test, not a speed check
    while store in search_module._following and time.monotonic() < deadline:
        time.sleep(0.05)
    assert refreshed_here == []
    assert search_module._generation[store] != "before"
