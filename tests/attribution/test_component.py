"""The `claimgraph_attributions` spaCy component: added to a freshly loaded pipeline it finds what `extract` finds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from claimgraph.ingest import read_path
from claimgraph.nlp import DEFAULT_MODEL
from claimgraph.pipeline import Extractor
from tests.conftest import REFERENCE

COMPONENT = "claimgraph_attributions"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reference_article():
    [article] = list(read_path(Path(REFERENCE)))
    return article


@pytest.fixture(scope="module")
def extracted(reference_article) -> list[dict]:
    """`claimgraph extract` in its own process: what a user of the command gets."""
    out = subprocess.run([sys.executable, "-m", "claimgraph", "extract", str(REFERENCE), "--format", "jsonl"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def fresh_nlp():
    """A stock pipeline with the component added by name (no claimgraph preparation beforehand)."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe(COMPONENT)
    return nlp


def test_add_pipe_prepares_the_pipeline(fresh_nlp) -> None:
    names = fresh_nlp.pipe_names
    assert names[-1] == COMPONENT
    assert names.index("claimgraph_line_breaks") < names.index("parser")
    # The dash-infix tweak: "(EIRNS)—The" is three tokens, not one.
    assert [t.text for t in fresh_nlp.make_doc("2017 (EIRNS)—The")][-2:] == ["—", "The"]


def test_add_pipe_equals_extract(fresh_nlp, reference_article, extracted) -> None:
    doc = fresh_nlp(reference_article.text)
    assert len(extracted) == 19
    assert [a.to_json(reference_article.ref) for a in doc._.attributions] == [
        {**e, "article": reference_article.ref} for e in extracted]


def test_spans_written(fresh_nlp, reference_article) -> None:
    doc = fresh_nlp(reference_article.text)
    by_id = {a.id: a for a in doc._.attributions}
    content, cues, sources = (doc.spans[k] for k in ("attribution_content", "attribution_cue", "attribution_source"))
    assert sum(len(a.content_spans) for a in by_id.values()) == len(content)
    assert sum(a.cue_span is not None for a in by_id.values()) == len(cues) > 0
    assert sum(a.source_span is not None for a in by_id.values()) == len(sources) > 0
    for span in content:
        attribution = by_id[span.id_]
        assert span.label_ == attribution.kind
        assert any(s <= span.start_char < e for s, e in attribution.content_spans)
    for span in cues:
        assert by_id[span.id_].cue == span.text and span.label_ == by_id[span.id_].cue_class


def test_extractor_on_a_user_pipeline_gives_extract_ids(reference_article, extracted) -> None:
    """Extractor(nlp=...) on a stock pipeline used to skip the preparation (18 attributions, 7 ids different)."""
    user_nlp = spacy.load(DEFAULT_MODEL)
    found = Extractor(nlp=user_nlp).extract(reference_article)
    assert [a.id for a in found] == [e["id"] for e in extracted]


def test_long_article_pieces_get_article_ids(fresh_nlp, reference_article, monkeypatch) -> None:
    """Cut into pieces, an article keeps offsets into the whole text and ids from the whole article."""
    import claimgraph.nlp as nlp_module
    from claimgraph.records import Article, attribution_id

    padded = Article(ref="padded", text="Filler line.\n\n" * 400 + reference_article.text)
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", len(reference_article.text) + 100)
    pieces = nlp_module.chunk_text(padded.text)
    assert len(pieces) > 1
    found = Extractor().extract(padded)
    expected = []
    for offset, piece in pieces:  # the component alone on each piece, shifted by hand
        for a in fresh_nlp(piece)._.attributions:
            spans = tuple((s + offset, e + offset) for s, e in a.content_spans)
            cue = (a.cue_span[0] + offset, a.cue_span[1] + offset) if a.cue_span else None
            expected.append((attribution_id(padded.hash, cue, spans, a.kind), spans, a.content))
    assert len(expected) >= 19
    assert [(a.id, a.content_spans, a.content) for a in found] == expected
    assert all(padded.text[s:e] for a in found for s, e in a.content_spans)
    ids = {a.id for a in found}
    assert all(a.parent in ids for a in found if a.parent)


def test_settings_per_call_and_speech_only(fresh_nlp) -> None:
    text = ("Mara Vell said the ferry will sail on Friday. Tova Brenn believes the fog will lift.\n\n"
            "“I think the harbour is ready,” said Ilan Moss.")
    classes = {a.cue_class for a in fresh_nlp(text)._.attributions}
    assert "think" in classes and "report" in classes
    [doc] = fresh_nlp.pipe([text], component_cfg={COMPONENT: {"speech_only": True}})
    assert doc._.attributions and all(a.cue_class != "think" for a in doc._.attributions)
    assert all(a.parent in {b.id for b in doc._.attributions} for a in doc._.attributions if a.parent)
    found = Extractor(speech_only=True).extract(_article(text))
    assert [a.id for a in found] == [a.id for a in doc._.attributions]


def test_rules_only_setting(fresh_nlp, reference_article) -> None:
    [doc] = fresh_nlp.pipe([reference_article.text], component_cfg={COMPONENT: {"learned": False}})
    assert {a.method for a in doc._.attributions} == {"rules"}
    rules_only = Extractor(learned=False).extract(reference_article)
    assert [a.id for a in rules_only] == [a.id for a in doc._.attributions]


def test_to_disk_round_trip(fresh_nlp, reference_article, tmp_path: Path) -> None:
    """A saved pipeline carries the tagger's weights and loads by name through the entry points."""
    fresh_nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / COMPONENT / "tagger" / "config.json").exists()
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == fresh_nlp.pipe_names
    before = [a.id for a in fresh_nlp(reference_article.text)._.attributions]
    assert [a.id for a in reloaded(reference_article.text)._.attributions] == before


def test_import_loads_no_spacy() -> None:
    code = "import sys, claimgraph, claimgraph.nlp.datelines, claimgraph.ingest.text; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def _article(text: str):
    from claimgraph.records import Article

    return Article(ref="t", text=text)
