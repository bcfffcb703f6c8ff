"""A per-article extraction deadline: an article whose extraction runs past it fails as ExtractionTimeout, named,
and the batch goes on (in-process, through `extract`, and through `ingest -p 2` with parser workers).

The slow article is real work, not a stub: close to the parser's piece limit of sentences the rules all read
(about two seconds of rules where a one-sentence article takes a millisecond); the deadline is set between them.
Nothing here asserts a speed: only that a configured deadline fires and what happens then.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.deadline import Deadline
from claimgraph.errors import ExtractionTimeout
from claimgraph.pipeline import Extractor
from claimgraph.records import Article
from claimgraph.service import ingest_articles
from claimgraph.store import Store

TINY = 0.15  # seconds: far above a one-sentence article's rules, far below the slow article's


def slow_text() -> str:
    return " ".join(f"“The footbridge number {i} will open in spring,” said Mara Vell, the mayor of Port Ellis. "
                    f"She added that the harbor council had agreed." for i in range(380))


SHORT = {"first.txt": "Mara Vell said the footbridge would open in May.",
         "last.txt": "The Harbor Council said on Monday that the ferry would run again."}


@pytest.fixture()
def folder(tmp_path):
    for name, text in SHORT.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "slow.txt").write_text(slow_text(), encoding="utf-8")
    return tmp_path


def test_a_configured_deadline_fires_inside_a_loop():
    before = signal.getsignal(signal.SIGALRM)
    budget = Deadline(0.05)
    with pytest.raises(ExtractionTimeout, match="deadline of 0.05 s"):
        with budget.running():
            until = time.monotonic() + 120  # a generous outer bound, so that a broken deadline fails, not hangs
            while time.monotonic() < until:
                pass
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0  # the timer is cleared
    assert signal.getsignal(signal.SIGALRM) == before  # and the handler put back


def test_no_deadline_and_a_spent_budget():
    with Deadline(0).running():
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0  # 0: no timer at all
    budget = Deadline(5)
    with budget.running():
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 5
    budget.spent = 5.0  # the steps before used it all: the next step of the same article does not start
    with pytest.raises(ExtractionTimeout):
        with budget.running():
            pass


def test_the_slow_article_fails_by_name_and_the_rest_is_stored(extractor, db_path):
    extractor.extract(Article("warm.txt", SHORT["first.txt"]))  # lexicons and the tagger loaded before timing
    timed = Extractor(article_timeout=TINY)  # the same cached pipeline, with a deadline
    articles = [Article("first.txt", SHORT["first.txt"]), Article("slow.txt", slow_text()),
                Article("last.txt", SHORT["last.txt"])]
    store = Store.open(db_path)
    report = ingest_articles(articles, store, timed)
    assert [f.source for f in report.failures] == ["slow.txt"]
    assert report.failures[0].reason.startswith("ExtractionTimeout: ")
    assert report.stored == 2 and report.attributions == 2
    assert [f["source"] for f in store.failures()] == ["slow.txt"]
    assert store.counts()["articles"] == 2
    # Without a deadline the same article is extracted (its failure was the deadline, nothing else).
    assert len(Extractor(article_timeout=0).extract(articles[1])) > 300


def test_extract_names_the_article_and_prints_the_others(extractor, folder):
    extractor.extract(Article("warm.txt", SHORT["first.txt"]))
    result = CliRunner().invoke(cli, ["extract", str(folder / "first.txt"), str(folder / "slow.txt"),
                                      str(folder / "last.txt"), "--article-timeout", str(TINY)])
    assert result.exit_code == 1
    assert "slow.txt: ExtractionTimeout" in result.stderr
    printed = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(printed) == 2 and "first.txt" in printed[0] and "last.txt" in printed[1]


def test_ingest_with_two_workers_records_the_timeout_and_stores_the_rest(folder, tmp_path):
    db = tmp_path / "ledger.db"
    run = subprocess.run([sys.executable, "-m", "claimgraph", "ingest", "--db", str(db), "-p", "2",
                          "--article-timeout", str(TINY), "--no-link-claims", "--json-summary",
                          str(folder / "first.txt"), str(folder / "slow.txt"), str(folder / "last.txt")],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 1, run.stderr[-2000:]
    assert "slow.txt: ExtractionTimeout" in run.stderr
    summary = json.loads(run.stdout)
    assert summary["stored"] == 2 and summary["failed"] == 1
    assert summary["failures"][0]["source"].endswith("slow.txt")
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2
        assert store.failures()[0]["reason"].startswith("ExtractionTimeout")
