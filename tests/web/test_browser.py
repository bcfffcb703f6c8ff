"""The pages in a real browser: `claimgraph serve` in a subprocess on a loopback port over a ledger ingested from
examples/ (and a hostile article), driven by Playwright on Debian's Chromium (`apt-get install chromium`; never a
downloaded browser). Screenshots go to runs/web-screenshots/ (ignored by git; its path is printed).

Where Chromium or Playwright is missing these tests skip, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from claimgraph.store import Store
from claimgraph.web.tokens import create_token
from tests.conftest import free_port, skip_or_fail

CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(sqlite_template, tmp_path_factory):
    """`claimgraph serve` on a free loopback port; yields (base URL, token, database path)."""
    db = tmp_path_factory.mktemp("served") / "ledger.db"
    shutil.copy(sqlite_template, db)
    with Store.open(db) as store:
        token = create_token(store, "desk-editor")
    port = free_port()
    log = open(db.parent / "serve.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "claimgraph", "serve", "--db", str(db), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/v1/speakers?limit=1", timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError((db.parent / "serve.log").read_text()) from None
                time.sleep(0.1)
        else:
            raise RuntimeError("claimgraph serve did not answer")
        yield base, token, db
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install playwright; the browser comes from apt)")
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def shots() -> Path:
    folder = Path(__file__).resolve().parents[2] / "runs" / "web-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def page(browser, shots):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()
    print(f"screenshots: {shots}")


def marked_words(page, attribution: str) -> str:
    return "".join(page.locator(f'#article-text [data-content~="{attribution}"]').all_inner_texts())


def test_search_claim_article_and_correction(server, page, shots):
    base, token, _db = server
    page.goto(base + "/")
    page.get_by_label("Search a name, a phrase or an outlet").fill("Pentagon")
    page.get_by_label("Search a name, a phrase or an outlet").press("Enter")
    page.wait_for_url("**/search?q=Pentagon")
    page.screenshot(path=str(shots / "1-search.png"), full_page=True)
    page.locator("a.gist", has_text="Hmeymim").first.click()
    page.wait_for_url("**/claims/cl_*")
    page.screenshot(path=str(shots / "2-claim.png"), full_page=True)
    disputes = page.locator('[data-stance="dispute"]')
    assert disputes.locator(".speaker", has_text="Pentagon").count() >= 1
    assert disputes.locator(".speaker", has_text="Eric Pahon").count() == 1
    assert page.locator('[data-stance="assert"] .speaker', has_text="Russian Defense Ministry").count() >= 1
    pahon = disputes.locator(".voice", has=page.locator(".speaker", has_text="Eric Pahon"))
    attribution = pahon.get_attribute("data-attribution")
    pahon.get_by_role("link", name="in the article").click()
    page.wait_for_url("**/articles/*")
    page.screenshot(path=str(shots / "3-article.png"), full_page=True)
    stored = page.request.get(f"{base}/api/v1/attributions/{attribution}").json()
    text = page.request.get(f"{base}/api/v1/articles/{stored['article']}").json()["text"]
    assert marked_words(page, attribution) == "".join(text[s:e] for s, e in stored["content_spans"])
    assert marked_words(page, attribution) == stored["content"]
    assert page.inner_text("#article-text") == text     # the text exactly as stored, marks and all

    article_url = page.url.split("#")[0]
    page.goto(base + "/signin?back=" + article_url.removeprefix(base))
    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(article_url)
    item = page.locator(f"#att-{attribution}")
    item.get_by_text("Correct this statement").click()
    item.get_by_label("Stance").select_option("support")
    item.get_by_role("button", name="Set stance").click()
    page.wait_for_url(f"**#att-{attribution}")
    page.locator(f"#att-{attribution}").get_by_text("Corrected (1)").click()
    assert "desk-editor" in page.locator(f"#att-{attribution} .history").inner_text()
    assert "(support)" in page.locator(f"#att-{attribution} .claim-link").inner_text()
    page.screenshot(path=str(shots / "4-corrected.png"), full_page=True)
    page.locator(f"#att-{attribution}").get_by_role("link", name="Claim", exact=True).click()
    assert page.locator('[data-stance="support"] .speaker', has_text="Eric Pahon").count() == 1
    assert page.locator('[data-stance="dispute"] .speaker', has_text="Eric Pahon").count() == 0
    assert "machine: dispute" in page.locator(f"#att-{attribution}").inner_text()


def test_hostile_text_is_shown_as_text_and_runs_nothing(server, page, shots):
    base, _token, _db = server
    hits = page.request.get(f"{base}/api/v1/search?q=Kestrel+harbor&kind=article").json()["items"]
    page.goto(f"{base}/articles/{hits[0]['ref']}")
    page.screenshot(path=str(shots / "hostile.png"), full_page=True)
    shown = page.inner_text("#article-text")
    assert "<script>window.__xss = 1; alert(1)</script>" in shown
    assert 'onerror="window.__xss = 2' in shown and 'href="javascript:window.__xss = 3"' in shown
    assert page.locator("#article-text script, #article-text img, #article-text a").count() == 0
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.goto(f"{base}/search?q=Kestrel")
    assert page.evaluate("window.__xss") is None and page.dialogs == []


def test_readable_on_a_phone(server, browser, shots):
    base, _token, _db = server
    context = browser.new_context(viewport={"width": 375, "height": 800})
    phone = context.new_page()
    try:
        claim = phone.request.get(f"{base}/api/v1/claims?q=Pahon").json()["items"][0]["id"]
        for name, path in (("home", "/"), ("claim", f"/claims/{claim}")):
            phone.goto(base + path)
            phone.screenshot(path=str(shots / f"phone-{name}.png"), full_page=True)
            # Nothing wider than the screen: no sideways scrolling to read a column.
            assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()


def test_keyboard_reaches_the_search_box_and_skip_link(server, page):
    base, _token, _db = server
    page.goto(base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.locator("header[role=banner], main, nav, footer").count() >= 4
