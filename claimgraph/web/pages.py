"""The pages: server-rendered Jinja2 over the same view functions as the JSON API (each page names its JSON twin).

Every stored text reaches the templates as data and is escaped by Jinja's autoescape; no template marks stored
text safe. Forms post with the `cg_token` cookie set by the sign-in page.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from claimgraph.records import STANCES
from claimgraph.store.search import search
from claimgraph.web import background
from claimgraph.web.access import COOKIE
from claimgraph.web.article_views import article_data, segments
from claimgraph.web.claim_views import CACHE_SIZE, cached_claim, claims_data, find_claim
from claimgraph.web.correct import CUE_CLASSES, SPEAKER_TYPES, CorrectionError, make_correction, merge_speaker
from claimgraph.web.speaker_views import speaker_data, speakers_data

HERE = Path(__file__).parent
_env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                   autoescape=select_autoescape(enabled_extensions=("html",), default=True))
templates = Jinja2Templates(env=_env)
STANCE_LABELS = {"assert": "Asserts", "dispute": "Disputes", "support": "Supports", "report": "Reports and relays"}


async def viewer(request: Request) -> str | None:
    """Who reads (None: nobody signed in); a token is checked in the thread pool (it reads the database)."""
    access = request.app.state.access
    if not access.private and access.presented(request.headers, request.cookies) is None:
        return None
    return await run_in_threadpool(access.read, request.headers, request.cookies)


router = APIRouter(include_in_schema=False)
VOICES_SHOWN = 30
# Rendered claim pages for readers not signed in, oldest first.
_pages: dict[tuple[bool, str, bool, str], tuple[bytes, str]] = {}
_pages_lock = threading.Lock()


def render(request: Request, template: str, user: str | None, status: int = 200, **context: Any) -> HTMLResponse:
    context.update(user=user, stances=STANCES, stance_labels=STANCE_LABELS, cue_classes=CUE_CLASSES,
                   speaker_types=SPEAKER_TYPES, private=request.app.state.access.private)
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    response = templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "user": None,
                                "private": request.app.state.access.private}, status_code=status)
    response.headers.update(headers or {})
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request, user: str | None = Depends(viewer)) -> Response:
    store = request.app.state.store
    contested = claims_data(store, limit=15)
    recent = claims_data(store, sort="recent", limit=8)
    return render(request, "home.html", user, contested=contested["items"], recent=recent["items"],
                  total=contested["total"], json_url="/api/v1/claims")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", user: str | None = Depends(viewer)) -> Response:
    store = request.app.state.store
    q = q[:200]
    claims, hits = [], {}
    if q.strip():
        background.refresh_search(store)
        claims = claims_data(store, q=q, limit=50)["items"]
        for kind in ("speaker", "article", "attribution"):
            hits[kind] = search(store, q, (kind,), limit=20)
    return render(request, "search.html", user, q=q, claims=claims, hits=hits,
                  json_url=f"/api/v1/search?q={quote(q)}")


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: str, all: bool = False, user: str | None = Depends(viewer)) -> Response:
    """The claim; a column shows its first VOICES_SHOWN voices (the chains as many, the timeline twice as many) and
    links to the whole page (`?all=1`): the most contested claims of a large ledger have a thousand voices."""
    store = request.app.state.store
    claim, version = cached_claim(store, claim_id)   # a full id (what links carry) in one indexed look
    if claim is None:
        found = find_claim(store, claim_id)          # else a unique prefix
        claim, version = cached_claim(store, found) if found else (None, None)
    if claim is None:
        raise HTTPException(404, f"There is no claim {claim_id}.")
    shown = 10**9 if all else VOICES_SHOWN
    # The page a reader who is not signed in gets is the same for everyone while the claim's version holds: kept
    # rendered with a strong ETag over its bytes, so that a reader who holds it gets 304 without anything rendered
    # (a signed-in user's page carries their name and correction forms, and is rendered each time).
    key = (request.app.state.access.private, request.url.path, all, version)
    if user is None:
        with _pages_lock:
            kept = _pages.get(key)
        if kept is not None:
            return _kept_page(request, *kept)
    response = render(request, "claim.html", user, claim=claim, shown=shown,
                      json_url=f"/api/v1/claims/{claim['id']}")
    if user is None:
        etag = '"' + hashlib.sha256(response.body).hexdigest()[:32] + '"'
        with _pages_lock:
            _pages[key] = (response.body, etag)
            while len(_pages) > CACHE_SIZE:
                _pages.pop(next(iter(_pages)))
        return _kept_page(request, response.body, etag)
    return response


def _kept_page(request: Request, body: bytes, etag: str) -> Response:
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    held = [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in held or "*" in held:
        return Response(status_code=304, headers=headers)
    return HTMLResponse(body, headers=headers)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, user: str | None = Depends(viewer)) -> Response:
    article = article_data(request.app.state.store, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    by_id = {r["id"]: r for r in article["attributions"]}
    return render(request, "article.html", user, article=article, pieces=segments(article["text"],
                  article["attributions"]), by_id=by_id, json_url=f"/api/v1/articles/{article_id}")


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, name: str | None = None, user: str | None = Depends(viewer)) -> Response:
    data = speakers_data(request.app.state.store, name=(name or None) and name[:200], limit=200)
    return render(request, "speakers.html", user, speakers=data["items"], name=name or "",
                  json_url="/api/v1/speakers")


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker_page(request: Request, speaker_id: str, user: str | None = Depends(viewer)) -> Response:
    speaker = speaker_data(request.app.state.store, speaker_id)
    if speaker is None:
        raise HTTPException(404, f"There is no speaker {speaker_id}.")
    return render(request, "speaker.html", user, speaker=speaker, plot=plot(speaker["timeline"]),
                  json_url=f"/api/v1/speakers/{speaker_id}")


def plot(timeline: list[dict[str, Any]]) -> dict[str, Any]:
    """Dots for the speaker's statements over time: one column per date, stacked, coloured by stance."""
    days = sorted({(p["date"] or "undated")[:10] for p in timeline})
    step = 64
    dots, height = [], {}
    for point in timeline:
        day = (point["date"] or "undated")[:10]
        height[day] = height.get(day, 0) + 1
        dots.append({"x": 40 + days.index(day) * step, "y": 150 - height[day] * 16, "stance": point["stance"],
                     "date": day, "attribution": point["attribution"]})
    return {"days": [{"x": 40 + i * step, "label": d} for i, d in enumerate(days)], "dots": dots,
            "width": max(320, 80 + len(days) * step)}


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request, back: str = "/") -> Response:
    return render(request, "signin.html", None, back=_local(back))


@router.post("/signin")
def signin(request: Request, token: str = Form(..., max_length=300), back: str = Form("/")) -> Response:
    access = request.app.state.access
    if access.user({"authorization": f"Bearer {token}"}, {}) is None:
        return render(request, "signin.html", None, status=401, back=_local(back), error="That token is not valid.")
    response = RedirectResponse(_local(back), status_code=303)
    response.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", max_age=30 * 24 * 3600)
    return response


@router.post("/signout")
def signout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.post("/attributions/{attribution_id}/correct")
def correct_form(request: Request, attribution_id: str, field: str = Form(..., max_length=16),
                 value: str = Form("", max_length=300), speaker_type: str = Form("", max_length=16),
                 note: str = Form("", max_length=1000), back: str = Form("/")) -> Response:
    user = request.app.state.access.write(request.headers, request.cookies)
    parsed: str | bool = value == "true" if field == "wrong" else value
    try:
        make_correction(request.app.state.store, attribution_id, field, parsed, user,
                        speaker_type=speaker_type or None, note=note or None)
    except CorrectionError as exc:
        return error_page(request, exc.status, str(exc))
    return RedirectResponse(_local(back).split("#")[0] + f"#att-{attribution_id}", status_code=303)


@router.post("/speakers/{speaker_id}/merge")
def merge_form(request: Request, speaker_id: str, into: str = Form(..., max_length=200),
               note: str = Form("", max_length=1000)) -> Response:
    user = request.app.state.access.write(request.headers, request.cookies)
    try:
        done = merge_speaker(request.app.state.store, speaker_id, into, user, note=note or None)
    except CorrectionError as exc:
        return error_page(request, exc.status, str(exc))
    return RedirectResponse(f"/speakers/{done['into']['id']}", status_code=303)


def _local(path: str) -> str:
    """Only paths on this site are followed after a form (never another host)."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"
