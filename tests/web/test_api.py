"""The JSON API in-process (httpx through the ASGI app), on SQLite and on a real PostgreSQL, over a ledger the CLI
ingested from examples/."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

REFERENCE = EXAMPLES / "eirns-2017-01-24-us-russia-syria.txt"


def coordination_claim(client) -> dict:
    found = client.get("/api/v1/claims", params={"q": "Pentagon"}).json()["items"]
    ids = [c["id"] for c in found if "Hmeymim" in c["gist"]]
    assert ids, [c["gist"] for c in found]
    return client.get(f"/api/v1/claims/{ids[0]}").json()


def speakers_in(claim: dict, stance: str) -> list[str]:
    return [v["speaker"] or "" for v in claim["voices"][stance]]


def test_claims_search_finds_the_coordination_claim_with_its_voices(client):
    claim = coordination_claim(client)
    assert any("Pentagon" in s for s in speakers_in(claim, "dispute"))
    assert "Eric Pahon" in speakers_in(claim, "dispute")
    pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
    assert (pahon["role"], pahon["affiliation"], pahon["outlet"], pahon["date"]) == (
        "spokesman", "Pentagon", "EIRNS", "2017-01-24")
    assert any("Russian Defense Ministry" in s for s in speakers_in(claim, "assert"))
    assert claim["first_appearance"]["date"] == "2017-01-23"
    assert any(c["chain"][:2] == ["EIRNS", "Tass"] and "Russian Defense Ministry" in c["chain"][-1]
               for c in claim["chains"])


def test_claims_q_matches_speaker_aliases_and_outlets_not_only_the_gist(client):
    by_alias = client.get("/api/v1/claims", params={"q": "Pahon"}).json()["items"]
    assert any("Hmeymim" in c["gist"] for c in by_alias)           # "Pahon" is in no gist: a speaker's name
    by_outlet = client.get("/api/v1/claims", params={"q": "RIA Novosti"}).json()["items"]
    assert any("Hmeymim" in c["gist"] for c in by_outlet)
    assert client.get("/api/v1/claims", params={"q": "zzqxv"}).json()["items"] == []


def test_claims_filters_by_speaker_stance_and_dates(client):
    disputed_by_pahon = client.get("/api/v1/claims", params={"speaker": "pahon", "stance": "dispute"}).json()
    assert [c for c in disputed_by_pahon["items"] if "Hmeymim" in c["gist"]]
    assert client.get("/api/v1/claims", params={"speaker": "pahon", "stance": "support"}).json()["items"] == []
    later = client.get("/api/v1/claims", params={"since": "2030-01-01"}).json()["items"]
    assert later and all(c["first_seen"] >= "2030-01-01" for c in later)
    recent = client.get("/api/v1/claims", params={"sort": "recent"}).json()["items"]
    dates = [c["first_seen"] or "" for c in recent]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 2


def test_cursor_pages_walk_every_attribution_once(client):
    everything = client.get("/api/v1/attributions", params={"limit": 500}).json()
    assert everything["next"] is None
    seen, cursor = [], None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/attributions", params=params).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [a["id"] for a in everything["items"]]
    assert len(seen) == len(set(seen)) > 7
    assert client.get("/api/v1/attributions", params={"cursor": "not-a-cursor"}).status_code == 400


def test_attribution_filters_and_streamed_exports(client):
    disputes = client.get("/api/v1/attributions", params={"cue_class": "dispute", "limit": 500}).json()["items"]
    assert disputes and {a["cue_class"] for a in disputes} == {"dispute"}
    lines = client.get("/api/v1/attributions", params={"format": "jsonl", "cue_class": "dispute"}).text.splitlines()
    assert len(lines) == len(disputes)
    table = client.get("/api/v1/attributions", params={"format": "csv", "speaker": "Pahon"})
    assert table.headers["content-type"].startswith("text/csv")
    assert table.text.splitlines()[0].startswith("article,id,kind,speaker")
    assert len(table.text.splitlines()) == 1 + len(
        client.get("/api/v1/attributions", params={"speaker": "Pahon"}).json()["items"])


def test_etag_answers_304_until_the_claim_changes(client, token):
    claim = coordination_claim(client)
    url = f"/api/v1/claims/{claim['id']}"
    first = client.get(url)
    assert client.get(url, headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
    made = client.post(f"/api/v1/attributions/{pahon['attribution']}/corrections",
                       json={"field": "stance", "value": "support"}, headers={"Authorization": f"Bearer {token}"})
    assert made.status_code == 201
    after = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]


def test_article_holds_the_text_as_stored_and_every_span_points_into_it(client):
    claim = coordination_claim(client)
    article = client.get(f"/api/v1/articles/{claim['voices']['dispute'][0]['article']}").json()
    assert article["text"] == REFERENCE.read_text(encoding="utf-8")
    assert len(article["attributions"]) >= 15
    for a in article["attributions"]:
        if a["content"] and len(a["content_spans"]) == 1:
            start, end = a["content_spans"][0]
            assert article["text"][start:end] == a["content"]
        if a["cue_span"]:
            assert article["text"][a["cue_span"][0]:a["cue_span"][1]] == a["cue"]
    missing = [a for a in article["attributions"] if "content_missing" in a["flags"]]
    assert missing and all(a["content"] is None and a["content_spans"] == [] for a in missing)
    assert client.get("/api/v1/articles/nope").status_code == 404


def test_speakers_and_speaker_statements_grouped_by_claim(client):
    speakers = client.get("/api/v1/speakers", params={"name": "Pahon"}).json()["items"]
    assert [s["name"] for s in speakers] == ["Eric Pahon"]
    pahon = client.get(f"/api/v1/speakers/{speakers[0]['id']}").json()
    assert pahon["role"] == "spokesman" and "Pentagon" in (pahon["affiliation"] or "")
    stances = {s["stance"] for group in pahon["claims"] for s in group["statements"]}
    assert "dispute" in stances
    assert client.get("/api/v1/speakers/sp_nope").status_code == 404


def test_full_text_search_over_speakers_articles_and_statements(client):
    hits = client.get("/api/v1/search", params={"q": "Korotchenko"}).json()["items"]
    kinds = {h["kind"] for h in hits}
    assert {"speaker", "attribution", "article"} <= kinds
    assert any(h["kind"] == "speaker" and h["title"] == "Igor Korotchenko" for h in hits)
    prefix = client.get("/api/v1/search", params={"q": "Korotch", "kind": "speaker"}).json()["items"]
    assert [h["title"] for h in prefix] == ["Igor Korotchenko"]
    for hostile in ['"', "*", "NEAR(a b)", "a OR", "') ; DROP TABLE articles; --", "pentagon:*&|!"]:
        assert client.get("/api/v1/search", params={"q": hostile}).status_code == 200


def test_writes_need_a_valid_token(client, token):
    claim = coordination_claim(client)
    target = claim["voices"]["dispute"][0]["attribution"]
    url = f"/api/v1/attributions/{target}/corrections"
    body = {"field": "cue_class", "value": "confirm"}
    assert client.post(url, json=body).status_code == 401
    unknown = {"Authorization": "Bearer cg_000000000000_" + "x" * 43}
    assert client.post(url, json=body, headers=unknown).status_code == 401
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.post(url, json=body, headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    assert client.post(url, json=body, headers={"Authorization": f"Bearer {token}"}).status_code == 201


def test_tokens_are_stored_hashed(store, token):
    from sqlalchemy import select

    from claimgraph.store import schema as t

    with store.engine.connect() as conn:
        stored = conn.execute(select(t.tokens)).all()
    secret = token.split("_", 2)[2]
    assert stored and all(secret not in str(tuple(row)) for row in stored)


def test_corrections_are_shown_with_their_history(client, token):
    claim = coordination_claim(client)
    pahon = next(v for v in claim["voices"]["dispute"] if v["speaker"] == "Eric Pahon")
    auth = {"Authorization": f"Bearer {token}"}
    url = f"/api/v1/attributions/{pahon['attribution']}/corrections"
    assert client.post(url, json={"field": "stance", "value": "support", "note": "he backs it"},
                       headers=auth).status_code == 201
    assert client.post(url, json={"field": "speaker", "value": "Mara Vell", "speaker_type": "person"},
                       headers=auth).status_code == 201
    after = client.get(f"/api/v1/claims/{claim['id']}").json()
    assert "Eric Pahon" not in speakers_in(after, "dispute")
    moved = next(v for v in after["voices"]["support"] if v["attribution"] == pahon["attribution"])
    assert moved["speaker"] == "Mara Vell" and moved["corrected"] == {"stance": "dispute", "speaker": "Eric Pahon"}
    history = moved["history"]
    assert [(h["field"], h["before"], h["by"]) for h in history][0] == ("stance", "dispute", "desk-editor")
    assert history[1]["before"]["name"] == "Eric Pahon" and history[1]["after"]["name"] == "Mara Vell"
    record = client.get(f"/api/v1/attributions/{pahon['attribution']}").json()
    assert record["speaker"]["name"] == "Mara Vell" and record["corrected"]["speaker"]["name"] == "Eric Pahon"
    wrong = client.post(url, json={"field": "wrong", "value": True}, headers=auth)
    assert wrong.status_code == 201
    final = client.get(f"/api/v1/claims/{claim['id']}").json()
    assert pahon["attribution"] in [v["attribution"] for v in final["wrong"]]
    assert pahon["attribution"] not in [v["attribution"] for col in final["voices"].values() for v in col]


def test_bad_corrections_are_refused_with_the_reason(client, token):
    claim = coordination_claim(client)
    target = claim["voices"]["assert"][0]["attribution"]
    auth = {"Authorization": f"Bearer {token}"}
    url = f"/api/v1/attributions/{target}/corrections"
    assert client.post(url, json={"field": "stance", "value": "maybe"}, headers=auth).status_code == 422
    assert client.post(url, json={"field": "claim", "value": "cl_nope"}, headers=auth).status_code == 422
    assert client.post(url, json={"field": "colour", "value": "red"}, headers=auth).status_code == 422
    assert client.post("/api/v1/attributions/at_nope/corrections", json={"field": "wrong", "value": True},
                       headers=auth).status_code == 404


def test_moving_a_statement_to_another_claim(client, token):
    claim = coordination_claim(client)
    other = next(c for c in client.get("/api/v1/claims").json()["items"] if c["id"] != claim["id"])
    korotchenko = claim["voices"]["support"][0]
    made = client.post(f"/api/v1/attributions/{korotchenko['attribution']}/corrections",
                       json={"field": "claim", "value": other["id"]}, headers={"Authorization": f"Bearer {token}"})
    assert made.status_code == 201
    source = client.get(f"/api/v1/claims/{claim['id']}").json()
    target = client.get(f"/api/v1/claims/{other['id']}").json()
    assert korotchenko["attribution"] in [v["attribution"] for v in source["moved_out"]]
    assert korotchenko["attribution"] in [v["attribution"] for col in target["voices"].values() for v in col]


def test_openapi_document_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/claims", "/api/v1/claims/{claim_id}", "/api/v1/attributions", "/api/v1/articles/{article_id}",
                 "/api/v1/speakers", "/api/v1/speakers/{speaker_id}", "/api/v1/search"):
        assert path in paths


@pytest.mark.parametrize("path", ["/", "/claims/{claim}", "/articles/{article}", "/speakers", "/search?q=Pentagon"])
def test_pages_render(client, path):
    claim = coordination_claim(client)
    url = path.format(claim=claim["id"], article=claim["voices"]["assert"][0]["article"])
    page = client.get(url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<main" in page.text and "Content-Security-Policy" in page.headers


def test_hostile_article_text_is_escaped_in_the_page(client):
    hits = client.get("/api/v1/search", params={"q": "Kestrel harbor", "kind": "article"}).json()["items"]
    assert hits
    page = client.get(f"/articles/{hits[0]['ref']}").text
    assert "<script>window" not in page and "&lt;script&gt;window.__xss" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert '<a href="javascript:' not in page


def test_merging_speakers_moves_their_statements_and_can_be_taken_back(client, token):
    auth = {"Authorization": f"Bearer {token}"}
    spicer = client.get("/api/v1/speakers", params={"name": "Spicer"}).json()["items"][0]
    vell = client.get("/api/v1/speakers", params={"name": "Mara Vell"}).json()["items"][0]
    before = client.get(f"/api/v1/speakers/{vell['id']}").json()["statements"]
    merged = client.post(f"/api/v1/speakers/{spicer['id']}/merge", json={"into": "mara vell"}, headers=auth)
    assert merged.status_code == 201 and merged.json()["into"]["id"] == vell["id"]
    assert client.get(f"/api/v1/speakers/{vell['id']}").json()["statements"] == before + spicer["statements"]
    gone = client.get(f"/api/v1/speakers/{spicer['id']}").json()
    assert gone["statements"] == 0 and gone["merged_into"]["id"] == vell["id"]
    said = client.get("/api/v1/attributions", params={"speaker": spicer["id"], "limit": 1}).json()["items"][0]
    assert said["speaker"]["name"] == "Mara Vell" and said["corrected"]["speaker"]["name"] == "Sean Spicer"
    back = client.post(f"/api/v1/speakers/{spicer['id']}/merge", json={"into": spicer["id"]}, headers=auth)
    assert back.status_code == 201
    assert client.get(f"/api/v1/speakers/{spicer['id']}").json()["statements"] == spicer["statements"]
    assert client.post(f"/api/v1/speakers/{spicer['id']}/merge", json={"into": "Nobody Atall"},
                       headers=auth).status_code == 422


def test_graph_export_streams_graphml_and_json(client):
    graphml = client.get("/api/v1/export/graph")
    assert graphml.status_code == 200 and graphml.headers["content-type"].startswith("application/graphml+xml")
    assert "<graphml" in graphml.text and "Eric Pahon" in graphml.text
    as_json = client.get("/api/v1/export/graph", params={"format": "json", "limit": 1}).json()
    assert as_json["nodes"] and as_json["edges"]


def test_head_is_answered_like_get_without_a_body(client):
    # Uptime and link checkers send HEAD; FastAPI's GET routes alone would answer 405.
    claim_id = client.get("/api/v1/claims", params={"limit": 1}).json()["items"][0]["id"]
    for url in ("/", f"/claims/{claim_id}", "/api/v1/claims?limit=2", f"/api/v1/claims/{claim_id}"):
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code == 200, url
        assert head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"], url
        assert head.headers["content-length"] == str(len(got.content)), url
        assert "content-security-policy" in head.headers
    assert client.head("/claims/cl_nosuchclaim").status_code == 404
    assert client.head("/api/v1/speakers").status_code == 200
