"""One executor's partition: an article whose extraction raises is a failures row and the others go on; an
extractor that cannot run at all names every article instead of failing the task. No Spark needed."""

from __future__ import annotations

from claimgraph.pipeline import Extracted
from claimgraph.records import Article
from claimgraph.spark import job


class Picky:
    """Stands in for the Extractor: raises on any batch that holds an article with BOOM in it."""

    def extract_many(self, articles, n_process=1):
        batch = list(articles)
        if any("BOOM" in a.text for a in batch):
            raise ValueError("cannot parse BOOM")
        for article in batch:
            yield Extracted(article, [], "en")


class Broken:
    def extract_many(self, articles, n_process=1):
        raise OSError("no pipeline here")
        yield


def _run(extractor, items, monkeypatch):
    settings = job.Settings("stand-in")
    monkeypatch.setitem(job._EXTRACTORS, (settings.model, True, False, None), extractor)
    return list(job.extract_partition(iter(items), settings))


def test_one_article_that_raises_is_named_and_the_rest_is_kept(monkeypatch):
    items = [("article", Article("a.txt", "Calm text.")), ("article", Article("b.txt", "BOOM text.")),
             ("failure", {"input": "c.txt", "stage": "read", "error": "no such file"}),
             ("article", Article("d.txt", "More calm text."))]
    out = _run(Picky(), items, monkeypatch)
    failures = {row["input"]: row for name, row in out if name == "failures"}
    assert set(failures) == {"b.txt", "c.txt"}
    assert "cannot parse BOOM" in failures["b.txt"]["error"] and failures["b.txt"]["stage"] == "extract"
    assert sorted(row["ref"] for name, row in out if name == "articles") == ["a.txt", "d.txt"]


def test_an_extractor_that_cannot_run_names_every_article(monkeypatch):
    items = [("article", Article("a.txt", "One.")), ("article", Article("b.txt", "Two."))]
    out = _run(Broken(), items, monkeypatch)
    assert sorted(row["input"] for name, row in out if name == "failures") == ["a.txt", "b.txt"]
    assert all("no pipeline here" in row["error"] for _, row in out)
