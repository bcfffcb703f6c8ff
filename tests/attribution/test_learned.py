"""The learned attribution tagger: corpus reading, BIO projection, grouping, merge, and the shipped model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import spacy

from claimgraph.attribution.learned import MODEL_DIR, Candidate, learned_candidates, load_tagger
from claimgraph.attribution.learned.bio import runs_to_char_spans, spans_to_tags, tags_to_runs
from claimgraph.attribution.learned.group import group_runs
from claimgraph.attribution.merge import merge
from claimgraph.eval.polnear import load_split

# A fictional article; offsets below are computed from it, never typed by hand.
TEXT = (
    "Harbour vote\n\n"
    "“The ferry is safe,” Tova Brenn said, “and it will sail on Friday.”\n\n"
    "Officials expect delays, according to a port notice.\n\n"
    "Ilan Moss, a pilot, told reporters that the fog would lift."
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(needle, start)
    return i, i + len(needle)


def _write_split(root: Path) -> Path:
    """A tiny brat split: fragments, an attribution without source, several Content spans, two annotators."""
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "harbour.txt").write_text(TEXT, encoding="utf-8")
    q1, q2 = _span(TEXT, "The ferry is safe,"), _span(TEXT, "and it will sail on Friday.")
    said, tova = _span(TEXT, "said"), _span(TEXT, "Tova Brenn")
    acc, notice = _span(TEXT, "according to"), _span(TEXT, "Officials expect delays")
    told, moss = _span(TEXT, "told"), _span(TEXT, "Ilan Moss")
    fog1, fog2 = _span(TEXT, "the fog"), _span(TEXT, "would lift")
    lines = [
        f"T1\tContent {q1[0]} {q1[1]};{q2[0]} {q2[1]}\tfragments",
        f"T2\tCue {said[0]} {said[1]}\tsaid",
        f"T3\tSource {tova[0]} {tova[1]}\tTova Brenn",
        f"T4\tAttribution {said[0]} {said[1]}\tsaid",
        "E1\tAttribution:T4 Source:T3 Cue:T2 Content:T1",
        f"T5\tContent {notice[0]} {notice[1]}\tOfficials expect delays",
        f"T6\tCue {acc[0]} {acc[1]}\taccording to",
        f"T7\tAttribution-no-source {acc[0]} {acc[1]}\taccording to",
        "E2\tAttribution-no-source:T7 Cue:T6 Content:T5",
        f"T8\tContent {fog1[0]} {fog1[1]}\tthe fog",
        f"T9\tContent {fog2[0]} {fog2[1]}\twould lift",
        f"T10\tCue {told[0]} {told[1]}\ttold",
        f"T11\tSource {moss[0]} {moss[1]}\tIlan Moss",
        f"T12\tAttribution {told[0]} {told[1]}\ttold",
        f"T13\tDiscuss {told[0]} {told[1]}\tworking mark",
        "E3\tAttribution:T12 Source:T11 Cue:T10 Content:T8 Content2:T9",
        "E4\tAttribution:T99 Content:T98",  # points at no span: ignored
        "#1\tAnnotatorNotes T1\ta note",
    ]
    (split / "attributions" / "harbour_bbbb.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A second annotator, listed first in metadata: it must win over the name order.
    (split / "attributions" / "harbour_aaaa.ann").write_text("", encoding="utf-8")
    meta = root / "metadata.tsv"
    meta.write_text("compartment\tfilename\tannotators\ndev\tharbour\tbbbb|aaaa\n", encoding="utf-8")
    return split


def test_read_split(tmp_path: Path) -> None:
    """Training reads the corpus through the evaluation's reader (one reader, one meaning of the spans)."""
    split = _write_split(tmp_path)
    [article] = load_split(split, tmp_path / "metadata.tsv")
    assert article.ann_path.name == "harbour_bbbb.ann" and article.text == TEXT
    first, no_source, multi, pointless = article.attributions
    assert [TEXT[s:e] for s, e in first.content] == ["The ferry is safe,", "and it will sail on Friday."]
    assert TEXT[slice(*first.source[0])] == "Tova Brenn" and TEXT[slice(*first.cue[0])] == "said"
    assert not no_source.source and TEXT[slice(*no_source.cue[0])] == "according to"
    assert [TEXT[s:e] for s, e in multi.content] == ["the fog", "would lift"]
    assert pointless.content == pointless.source == pointless.cue == ()  # E4 names no span: nothing to train on
    # Without metadata the first .ann by name is read (here the empty one).
    [fallback] = load_split(split)
    assert fallback.ann_path.name == "harbour_aaaa.ann" and fallback.attributions == ()


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_bio_round_trip(tmp_path: Path, blank_nlp) -> None:
    [article] = load_split(_write_split(tmp_path), tmp_path / "metadata.tsv")
    doc = blank_nlp(TEXT)
    spans = [(role, s) for a in article.attributions
             for role, group in (("CONTENT", a.content), ("CUE", a.cue), ("SOURCE", a.source)) for s in group]
    tags = spans_to_tags(doc, spans)
    assert sorted(runs_to_char_spans(doc, tags_to_runs(tags))) == sorted(spans)


def test_bio_nesting_keeps_outer_content_and_inner_cue(blank_nlp) -> None:
    text = "Ada said that Bo claimed the dam is fine."
    doc = blank_nlp(text)
    outer = (text.index("Bo"), len(text) - 1)
    inner = (text.index("the dam"), len(text) - 1)
    cue = (text.index("claimed"), text.index("claimed") + 7)
    tags = spans_to_tags(doc, [("CONTENT", inner), ("CONTENT", outer), ("CUE", cue)])
    assert [t.text for t, tag in zip(doc, tags) if tag == "B-CUE"] == ["claimed"]
    runs = runs_to_char_spans(doc, tags_to_runs(tags))
    assert ("CONTENT", (outer[0], cue[0] - 1)) in runs and ("CONTENT", (cue[1] + 1, outer[1])) in runs


def test_grouping_joins_split_quote(blank_nlp) -> None:
    text = "“The ferry is safe,” Tova Brenn said, “and it will sail.”"
    doc = blank_nlp(text)
    spans = [("CONTENT", (0, 20)), ("SOURCE", _local(text, "Tova Brenn")), ("CUE", _local(text, "said")),
             ("CONTENT", (text.index("“and"), len(text)))]
    [cand] = group_runs(doc, spans_to_tags(doc, spans), None, offset=100)
    assert len(cand.content_spans) == 2 and cand.content_spans[0][0] == 100
    assert cand.source_span == tuple(x + 100 for x in _local(text, "Tova Brenn"))


def _local(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


@dataclass(frozen=True)
class _Rule:
    content_spans: tuple[tuple[int, int], ...]


def test_merge_prefers_rules() -> None:
    rule = _Rule(((10, 20),))
    overlapping = Candidate(((15, 30),), None, None, 0.9)
    separate = Candidate(((40, 50),), (35, 39), None, 0.8)
    assert merge([rule], [overlapping, separate]) == [rule, separate]


@pytest.mark.skipif(not (MODEL_DIR / "config.json").exists(), reason="no shipped tagger model")
def test_shipped_model_finds_quote() -> None:
    from claimgraph.nlp import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)  # a private copy: load_tagger changes the pipeline in place
    assert load_tagger(nlp) is not None and load_tagger(nlp) is nlp.get_pipe("attribution_tagger")
    text = "“The bridge will reopen in May,” said Mara Vell, the mayor of Port Ellis."
    doc = nlp(text)
    assert [t.tag_ for t in doc][:2] != ["B-CONTENT", "I-CONTENT"]  # PTB tags untouched
    cands = learned_candidates(doc, offset=7)
    quote = (text.index("The bridge") + 7, text.index("May") + 3 + 7)
    assert any(any(s <= quote[0] and quote[1] <= e for s, e in c.content_spans) for c in cands), cands
    best = max(cands, key=lambda c: c.confidence)
    assert best.source_span and "Mara Vell" in text[best.source_span[0] - 7:best.source_span[1] - 7]


def test_gate_reads_the_kind() -> None:
    """Quoted additions pass the floors; indirect ones need a lexicon cue under the lexicon gates."""
    from claimgraph.attribution.learned.gate import GATES

    shipped, lexicon, strict = GATES["shipped"], GATES["lexicon"], GATES["strict"]
    assert shipped.admits("indirect", 0.8, True, lexicon_cue=False)
    assert not lexicon.admits("indirect", 0.99, True, lexicon_cue=False)
    assert lexicon.admits("indirect", 0.8, True, lexicon_cue=True) and lexicon.admits("direct", 0.8, True, False)
    assert not strict.admits("direct", 0.8, True, True) and strict.admits("mixed", 0.95, True, False)
    assert not shipped.admits("direct", 0.8, has_source=False, lexicon_cue=True)  # no source: surer, 0.85
    assert not shipped.admits("direct", 0.7, True, True)


def test_windows_hold_quotes_and_cues_not_what_the_rules_cover() -> None:
    from claimgraph.attribution.learned.windows import windows
    from claimgraph.nlp import load_pipeline

    text = ("The pier opened in May. Mara Vell said the ferry will sail on Friday. "
            "Gulls circled the harbour all morning. “It is ready,” the pilot told the crowd.")
    doc = load_pipeline()(text)
    sents = list(doc.sents)
    assert len(sents) == 4
    tagged = {sent.text for sent in sents for s, e in windows(doc) if s <= sent.start and sent.end <= e}
    assert tagged == {sents[1].text, sents[3].text}
    said = (sents[1].start_char, sents[1].end_char)
    tagged = {sent.text for sent in sents for s, e in windows(doc, [said]) if s <= sent.start and sent.end <= e}
    assert tagged == {sents[3].text}
