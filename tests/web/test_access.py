"""Access rules, each with a test: private reads, rate-limited writes, bounded bodies, sign-in for the pages, and
corrections that outlive re-linking and re-extraction (SQLite; the rules live above the database)."""

from __future__ import annotations

import json
import time

import pytest
from fastapi.testclient import TestClient

from claimgraph.store import Store
from claimgraph.web.app import create_app
from claimgraph.web.tokens import create_token
from tests.conftest import free_port


@pytest.fixture()
def store(sqlite_db):
    opened = Store.open(sqlite_db)
    yield opened
    opened.close()


def first_attribution(client: TestClient, **params) -> dict:
    return client.get("/api/v1/attributions", params={"limit": 1, **params}).json()["items"][0]


def test_private_server_needs_a_token_to_read(store):
    token = create_token(store, "reader")
    with TestClient(create_app(store, private=True)) as client:
        assert client.get("/api/v1/claims").status_code == 401
        assert client.get("/").status_code == 401
        assert client.get("/api/v1/claims", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert client.get("/", cookies={"cg_token": token}).status_code == 200
    with TestClient(create_app(store)) as open_client:
        assert open_client.get("/api/v1/claims").status_code == 200


def test_revoked_token_is_refused(store):
    from claimgraph.store.corrections import revoke_token

    token = create_token(store, "leaver")
    with TestClient(create_app(store, private=True)) as client:
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/claims", headers=auth).status_code == 200
        assert revoke_token(store, token.split("_")[1])
        assert client.get("/api/v1/claims", headers=auth).status_code == 401


def test_writes_are_rate_limited_per_token(store):
    token = create_token(store, "busy")
    with TestClient(create_app(store, writes_per_minute=3)) as client:
        target = first_attribution(client)["id"]
        url = f"/api/v1/attributions/{target}/corrections"
        auth = {"Authorization": f"Bearer {token}"}
        codes = [client.post(url, json={"field": "cue_class", "value": "assert"}, headers=auth).status_code
                 for _ in range(4)]
        assert codes == [201, 201, 201, 429]
        refused = client.post(url, json={"field": "cue_class", "value": "assert"}, headers=auth)
        assert int(refused.headers["retry-after"]) > 0


def test_request_bodies_are_bounded(store):
    token = create_token(store, "verbose")
    with TestClient(create_app(store, max_body_bytes=2048)) as client:
        target = first_attribution(client)["id"]
        body = json.dumps({"field": "wrong", "value": True, "note": "x" * 5000})
        answer = client.post(f"/api/v1/attributions/{target}/corrections", content=body,
                             headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        assert answer.status_code == 413


def test_pages_sign_in_and_correct_through_forms(store):
    token = create_token(store, "desk-editor")
    with TestClient(create_app(store)) as client:
        target = first_attribution(client, speaker="Pahon")
        page = f"/articles/{target['article']}"
        assert "Correct this statement" not in client.get(page).text
        assert client.post("/signin", data={"token": "cg_bad", "back": page}).status_code == 401
        signed = client.post("/signin", data={"token": token, "back": page}, follow_redirects=False)
        assert signed.status_code == 303 and "httponly" in signed.headers["set-cookie"].lower()
        client.cookies.set("cg_token", token)
        assert "Correct this statement" in client.get(page).text
        done = client.post(f"/attributions/{target['id']}/correct", follow_redirects=False,
                           data={"field": "speaker", "value": "Mara Vell", "back": "//evil.example/"})
        assert done.status_code == 303 and done.headers["location"].startswith("/#att-")
        html = client.get(page).text
        assert "Mara Vell" in html and "machine: Eric Pahon" in html


def test_corrections_survive_relinking_and_reextraction(sqlite_db, run_cli):
    with Store.open(sqlite_db) as store:
        token = create_token(store, "desk-editor")
        with TestClient(create_app(store)) as client:
            target = first_attribution(client, speaker="Pahon")
            claim = client.get("/api/v1/claims", params={"q": "Pahon"}).json()["items"][0]["id"]
            auth = {"Authorization": f"Bearer {token}"}
            url = f"/api/v1/attributions/{target['id']}/corrections"
            assert client.post(url, json={"field": "stance", "value": "support"}, headers=auth).status_code == 201
            assert client.post(url, json={"field": "cue_class", "value": "confirm"}, headers=auth).status_code == 201
    run_cli("link-claims", "--db", sqlite_db)
    run_cli("reextract", "--all", "--db", sqlite_db)
    with Store.open(sqlite_db) as store, TestClient(create_app(store)) as client:
        record = client.get(f"/api/v1/attributions/{target['id']}").json()
        assert record["cue_class"] == "confirm" and record["corrected"]["cue_class"] == target["cue_class"]
        voices = client.get(f"/api/v1/claims/{claim}").json()["voices"]
        assert target["id"] in [v["attribution"] for v in voices["support"]]
    exported = run_cli("corrections", "export", "--db", sqlite_db).stdout.splitlines()
    assert len(exported) == 1
    line = json.loads(exported[0])
    assert (line["id"], line["cue_class"], line["stance"]) == (target["id"], "confirm", "support")
    assert [c["field"] for c in line["corrections"]] == ["stance", "cue_class"]
    assert {"kind", "speaker", "content_spans", "via", "parent", "flags"} <= set(line)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/story", "http://10.0.0.7/story", "http://169.254.169.254/latest",
                                 "http://[::1]/story"])
def test_ingest_by_url_refuses_private_addresses(store, url):
    token = create_token(store, "wire-desk")
    with TestClient(create_app(store)) as client:
        assert client.post("/api/v1/ingest", json={"url": url}).status_code == 401
        answer = client.post("/api/v1/ingest", json={"url": url}, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200
        report = answer.json()
        assert report["stored"] == 0 and report["failed"] == 1
        assert report["failures"][0]["reason"].startswith("refused")


def test_ingest_by_url_fetches_loopback_with_allow_private(store, tmp_path):
    import http.server
    import threading

    page = ("<html><head><title>Ferry fares rise in Northgate</title></head><body><article><p>The Kestrel Ferry "
            "Company raised its fares on Monday. \"Fares must rise before the spring timetable,\" said Ilse Marr, "
            "a spokeswoman for the company, at the harbor office in Northgate.</p><p>Residents disputed the "
            "figures on Tuesday and said the boats were full every Friday evening.</p></article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = (page if self.path != "/robots.txt" else "").encode()
            self.send_response(200 if self.path != "/robots.txt" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    token = create_token(store, "wire-desk")
    url = f"http://127.0.0.1:{server.server_address[1]}/ferry"
    try:
        with TestClient(create_app(store, allow_private=True)) as client:
            report = client.post("/api/v1/ingest", json={"url": url},
                                 headers={"Authorization": f"Bearer {token}"}).json()
            assert report["stored"] == 1 and report["failed"] == 0, report
            said = client.get("/api/v1/attributions", params={"search": "spring timetable"}).json()["items"]
            assert [a["speaker"]["name"] for a in said] == ["Ilse Marr"]
    finally:
        server.shutdown()


def test_search_index_follows_what_is_ingested_after_it_was_built(sqlite_db, run_cli, tmp_path):
    story = tmp_path / "lowmoor.txt"
    story.write_text('Lowmoor Post\n\n"The quarry will close in May," said Petra Quillfeather, a spokeswoman for '
                     "the Lowmoor council.\n", encoding="utf-8")
    with Store.open(sqlite_db) as store, TestClient(create_app(store)) as client:
        assert client.get("/api/v1/search", params={"q": "Quillfeather"}).json()["items"] == []
        run_cli("ingest", str(story), "--db", sqlite_db)
        # Another process's write is found once a background look has refreshed the index (within about FRESH_S
        # plus one refresh): searches until then answer from the index as it stood. The bound is generous.
        kinds, deadline = set(), time.monotonic() + 60
        while not {"speaker", "article", "attribution"} <= kinds and time.monotonic() < deadline:
            time.sleep(0.2)
            kinds = {h["kind"] for h in client.get("/api/v1/search", params={"q": "Quillfeather"}).json()["items"]}
        assert {"speaker", "article", "attribution"} <= kinds


def test_serve_with_several_worker_processes(sqlite_db, tmp_path):
    import subprocess
    import sys
    import time

    import httpx

    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "claimgraph", "serve", "--db", sqlite_db, "--port", str(port),
                               "--workers", "2", "--private"], stdout=log, stderr=subprocess.STDOUT)
    try:
        answer = None
        for _ in range(300):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/claims", timeout=5)
                break
            except httpx.HTTPError:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        assert answer is not None and answer.status_code == 401    # the settings reached the workers
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
