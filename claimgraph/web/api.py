"""The JSON API under /api/v1: thin routes over the view functions the pages use too (fields of the JSONL contract).

Lists are paged by an opaque `cursor` (`next` in each page; null on the last); every JSON answer carries an ETag and
a matching `If-None-Match` gets 304; exports stream.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from claimgraph.store import corrections as stored
from claimgraph.store.search import KINDS, search
from claimgraph.web import background
from claimgraph.web.article_views import article_data
from claimgraph.web.attribution_views import keep_page, kept_page, rows_for, speaker_state
from claimgraph.web.claim_views import CACHE_SIZE, SORTS, cached_claim, claims_data, find_claim
from claimgraph.web.correct import CorrectionError, current_record, make_correction, merge_speaker
from claimgraph.web.ledger import BadCursor, corrected_records, decode_cursor, page, public_correction
from claimgraph.web.speaker_views import speaker_data, speakers_data

Stance = Literal["assert", "dispute", "support", "report"]
CueClass = Literal["assert", "dispute", "confirm", "report", "think", "relay"]


# A FastAPI parameter object must not be shared between parameters (it takes the first one's name): these make one
# each time.
def Date():  # noqa: N802
    return Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")


def Limit():  # noqa: N802
    return Query(50, ge=1, le=500)


def Cursor():  # noqa: N802
    return Query(None, max_length=64, description="`next` of the previous page")


async def reader(request: Request) -> str | None:
    """Who reads (None: nobody signed in). Without a token on an open ledger this is answered on the event loop;
    checking a token reads the database, in the thread pool (a sync dependency would always cost a thread hop)."""
    access = request.app.state.access
    if not access.private and access.presented(request.headers, request.cookies) is None:
        return None
    return await run_in_threadpool(access.read, request.headers, request.cookies)


def writer(request: Request) -> str:
    return request.app.state.access.write(request.headers, request.cookies)


router = APIRouter(prefix="/api/v1", dependencies=[Depends(reader)])


def store_of(request: Request):
    return request.app.state.store


def offset_of(cursor: str | None) -> int:
    try:
        return decode_cursor(cursor)
    except BadCursor as exc:
        raise HTTPException(400, "cursor: not one this server handed out") from exc


def _encoded(data: Any) -> tuple[bytes, str]:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _answer(request: Request, body: bytes, etag: str, status: int = 200) -> Response:
    """JSON with its strong ETag; 304 when the client already holds this version."""
    held = [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if status == 200 and (etag in held or "*" in held):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def json_response(request: Request, data: Any, status: int = 200) -> Response:
    """JSON with a strong ETag over its bytes; 304 when the client already holds this version."""
    return _answer(request, *_encoded(data), status=status)


@router.get("/claims", summary="Claims, most contested first (or most recent), filtered")
def list_claims_route(request: Request, q: str | None = Query(None, max_length=200),
                      speaker: str | None = Query(None, max_length=200),
                      outlet: str | None = Query(None, max_length=200),
                      stance: Stance | None = None, since: str | None = Date(), until: str | None = Date(),
                      sort: Literal["contested", "recent"] = "contested", cursor: str | None = Cursor(),
                      limit: int = Limit()) -> Response:
    store = store_of(request)
    if q:
        background.refresh_search(store)
    data = claims_data(store, q=q, speaker=speaker, outlet=outlet, stance=stance, since=since, until=until,
                       sort=sort if sort in SORTS else "contested", offset=offset_of(cursor), limit=limit)
    return json_response(request, data)


_claim_bodies: dict[tuple[str, str], tuple[bytes, str]] = {}   # (claim, version) -> JSON and ETag, oldest first
_claim_bodies_lock = threading.Lock()


@router.get("/claims/{claim_id}", summary="One claim: voices grouped by stance, provenance")
def claim_route(request: Request, claim_id: str) -> Response:
    store = store_of(request)
    data, version = cached_claim(store, claim_id)    # a full id in one indexed look
    if data is None:
        found = find_claim(store, claim_id)          # else a unique prefix
        data, version = cached_claim(store, found) if found else (None, None)
    if data is None:
        raise HTTPException(404, f"no claim {claim_id}")
    # The JSON of one version of a claim's data is the same for every reader: kept encoded with its ETag.
    key = (data["id"], version)
    with _claim_bodies_lock:
        kept = _claim_bodies.get(key)
    if kept is None:
        kept = _encoded(data)
        with _claim_bodies_lock:
            _claim_bodies[key] = kept
            while len(_claim_bodies) > CACHE_SIZE:
                _claim_bodies.pop(next(iter(_claim_bodies)))
    return _answer(request, *kept)


def _attribution_rows(request: Request, speaker: str | None, article: str | None, cue_class: str | None,
                      outlet: str | None, since: str | None, until: str | None, search_words: str | None,
                      limit: int | None) -> list[dict[str, Any]]:
    rows = store_of(request).attributions(speaker=speaker, article=article, cue_class=cue_class, outlet=outlet,
                                          since=since, until=until, search=search_words, limit=limit)
    return corrected_records(store_of(request), rows)


@router.get("/attributions", summary="Attributions with the CLI's filters; JSON pages, or JSONL/CSV streamed")
def attributions_route(request: Request, speaker: str | None = Query(None, max_length=200),
                       article: str | None = Query(None, max_length=200), cue_class: CueClass | None = None,
                       outlet: str | None = Query(None, max_length=200), since: str | None = Date(),
                       until: str | None = Date(), search: str | None = Query(None, max_length=200),
                       format: Literal["json", "jsonl", "csv"] = "json", cursor: str | None = Cursor(),
                       limit: int = Limit()) -> Response:
    if format != "json":
        records = _attribution_rows(request, speaker, article, cue_class, outlet, since, until, search, None)
        return stream(records, format, "attributions")
    offset = offset_of(cursor)
    if speaker and not (article or cue_class or outlet or since or until or search):
        # One speaker's statements: kept encoded while what they are made from holds (attribution_views).
        store = store_of(request)
        key, state = (speaker, offset, limit), speaker_state(store, speaker)
        kept = kept_page(store, key, state)
        if kept is None:
            rows = rows_for(store, speaker, state[1], offset + limit + 1) if state[1] else []
            kept = _encoded(page(corrected_records(store, rows), offset, limit))
            keep_page(store, key, state, kept)
        return _answer(request, *kept)
    records = _attribution_rows(request, speaker, article, cue_class, outlet, since, until, search,
                                offset + limit + 1)
    return json_response(request, page(records, offset, limit))


@router.get("/attributions/{attribution_id}", summary="One attribution, corrections applied, with their history")
def attribution_route(request: Request, attribution_id: str) -> Response:
    try:
        return json_response(request, current_record(store_of(request), attribution_id))
    except CorrectionError as exc:
        raise HTTPException(exc.status, str(exc)) from exc


class CorrectionIn(BaseModel):
    field: Literal["speaker", "stance", "cue_class", "wrong", "claim"]
    value: str | bool = Field(description="a name (speaker), a stance, a cue class, true/false (wrong), a claim id")
    speaker_type: Literal["person", "organization", "news_outlet", "anonymous", "unknown"] | None = None
    note: str | None = Field(None, max_length=1000)


@router.post("/attributions/{attribution_id}/corrections", status_code=201,
             summary="Correct an attribution (needs a token)")
def correct_route(request: Request, attribution_id: str, body: CorrectionIn,
                  user: str = Depends(writer)) -> Response:
    try:
        result = make_correction(store_of(request), attribution_id, body.field, body.value, user,
                                 speaker_type=body.speaker_type, note=body.note)
    except CorrectionError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    return json_response(request, result, status=201)


class IngestIn(BaseModel):
    url: str = Field(max_length=2000, pattern=r"^https?://[^\s]+$", description="a page or a feed")


@router.post("/ingest", summary="Fetch, extract and store a URL (needs a token; private addresses refused unless "
             "the server was started with --allow-private)")
def ingest_route(request: Request, body: IngestIn, user: str = Depends(writer)) -> Response:
    from claimgraph.web.ingest import ingest_url

    report = ingest_url(store_of(request), body.url, allow_private=request.app.state.allow_private)
    return json_response(request, {**report, "by": user})


@router.get("/corrections", summary="Every correction, oldest first (JSON pages or JSONL streamed)")
def corrections_route(request: Request, format: Literal["json", "jsonl"] = "json", cursor: str | None = Cursor(),
                      limit: int = Limit()) -> Response:
    rows = [public_correction(c) for c in stored.corrections(store_of(request))]
    if format == "jsonl":
        return stream(rows, "jsonl", "corrections")
    return json_response(request, page(rows, offset_of(cursor), limit))


@router.get("/articles/{article_id}", summary="An article: text as stored, every attribution with its spans")
def article_route(request: Request, article_id: str) -> Response:
    data = article_data(store_of(request), article_id)
    if data is None:
        raise HTTPException(404, f"no article {article_id}")
    return json_response(request, data)


@router.get("/speakers", summary="Speakers, most quoted first")
def speakers_route(request: Request, name: str | None = Query(None, max_length=200),
                   type: Literal["person", "organization", "news_outlet", "anonymous", "unknown"] | None = None,
                   cursor: str | None = Cursor(), limit: int = Limit()) -> Response:
    return json_response(request, speakers_data(store_of(request), name, type, offset_of(cursor), limit))


@router.get("/speakers/{speaker_id}", summary="A speaker: identity, aliases, statements grouped by claim")
def speaker_route(request: Request, speaker_id: str) -> Response:
    data = speaker_data(store_of(request), speaker_id)
    if data is None:
        raise HTTPException(404, f"no speaker {speaker_id}")
    return json_response(request, data)


class MergeIn(BaseModel):
    into: str = Field(min_length=1, max_length=200, description="the id, or the unique name, of another speaker")
    note: str | None = Field(None, max_length=1000)


@router.post("/speakers/{speaker_id}/merge", status_code=201,
             summary="Merge a speaker into another (needs a token); merging into itself takes it back")
def merge_route(request: Request, speaker_id: str, body: MergeIn, user: str = Depends(writer)) -> Response:
    try:
        result = merge_speaker(store_of(request), speaker_id, body.into, user, note=body.note)
    except CorrectionError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    return json_response(request, result, status=201)


@router.get("/search", summary="Full text over claims, speakers, articles and statements")
def search_route(request: Request, q: str = Query(..., min_length=1, max_length=200),
                 kind: Literal["claim", "speaker", "article", "attribution"] | None = None,
                 cursor: str | None = Cursor(), limit: int = Limit()) -> Response:
    store = store_of(request)
    background.refresh_search(store)
    offset = offset_of(cursor)
    hits = search(store, q, (kind,) if kind else KINDS, limit=limit + 1, offset=offset)
    result = {"items": hits[:limit], "next": page([None] * (offset + len(hits)), offset, limit)["next"]}
    return json_response(request, result)


@router.get("/export/graph", summary="The claim graph as GraphML or JSON (streamed)")
def graph_route(request: Request, format: Literal["graphml", "json"] = "graphml",
                limit: int | None = Query(None, ge=1, le=100_000)) -> Response:
    from claimgraph.service_claims import export_graph

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"claims.{format}"
        export_graph(store_of(request), out, format, limit)
        data = out.read_bytes()
    media = "application/graphml+xml" if format == "graphml" else "application/json"
    return StreamingResponse(iter([data]), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="claims.{format}"'})


def stream(records: list[dict[str, Any]], fmt: str, name: str) -> StreamingResponse:
    """JSONL or CSV, written a row at a time (nested fields as JSON in CSV cells)."""
    def jsonl() -> Iterator[str]:
        for record in records:
            yield json.dumps(record, ensure_ascii=False, default=str) + "\n"

    def as_csv() -> Iterator[str]:
        columns = list(records[0]) if records else ["id"]
        buffer = io.StringIO()
        writer_ = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer_.writeheader()
        for record in records:
            writer_.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                              for k, v in record.items()})
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv"
    return StreamingResponse(jsonl() if fmt == "jsonl" else as_csv(), media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
