"""The learned attribution tagger: a small spaCy component trained on PolNeAR, added to the runtime pipeline.

    tagger = build_tagger(nlp)         # None where no model is shipped; the attributions component holds it
    tagger.set_annotations(docs, tagger.predict(docs))   # docs parsed by nlp: the tagger reads TAG/DEP/ENT_TYPE
    for doc in docs:
        cands = learned_candidates(doc)

Training: `python -m claimgraph.attribution.learned.train --data PATH/polnear` (see train.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.attribution.learned import model as _model  # noqa: F401 (registers the factory/architectures)
from claimgraph.attribution.learned.group import Candidate, candidates_from_doc
from claimgraph.attribution.learned.trimmed import trim_encoder
from claimgraph.attribution.learned.viterbi import load_transitions, save_transitions

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "models" / "attribution_tagger"
COMPONENT = "attribution_tagger"


def load_tagger(nlp: Language, model_dir: str | Path | None = None) -> _model.AttributionTagger | None:
    """Add the trained component to `nlp` as its own pipe (once; later calls return the same one); None if no
    model is shipped. For benchmarks and training: at run time the `claimgraph_attributions` component holds the
    tagger itself (`build_tagger`).

    The component reads the TAG/DEP/ENT_TYPE that `nlp`'s own components write, so it goes last, and it writes
    only `doc._.attr_tags`/`doc._.attr_probs`. Note that `nlp` is changed in place.
    """
    if COMPONENT in nlp.pipe_names:
        return nlp.get_pipe(COMPONENT)
    folder = Path(model_dir) if model_dir else MODEL_DIR
    if not (folder / "config.json").exists():
        return None
    spec = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    component = nlp.add_pipe(spec["factory"], name=COMPONENT, config=spec["config"])
    _restore(component, folder, spec)
    return component


def build_tagger(nlp: Language, model_dir: str | Path | None = None) -> _model.AttributionTagger | None:
    """The trained tagger built for `nlp`'s vocab but not added to its pipeline; None if no model is there."""
    folder = Path(model_dir) if model_dir else MODEL_DIR
    if not (folder / "config.json").exists():
        return None
    spec = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    component = _restore(nlp.create_pipe(spec["factory"], name=COMPONENT, config=spec["config"]), folder, spec)
    trim_encoder(component.model)  # the same scores, without the padding rows no token reads (trimmed.py)
    return component


def _restore(component: _model.AttributionTagger, folder: Path, spec: dict) -> _model.AttributionTagger:
    component.from_disk(folder / "component", exclude=["vocab"])
    component.transitions = load_transitions(folder / "transitions.json")
    component.spec = spec
    return component


def save_tagger(component: _model.AttributionTagger, folder: Path) -> None:
    """The folder `build_tagger` reads: weights, config, decoding transitions."""
    folder.mkdir(parents=True, exist_ok=True)
    component.to_disk(folder / "component", exclude=["vocab"])
    (folder / "config.json").write_text(json.dumps(component.spec, indent=1), encoding="utf-8")
    if component.transitions is not None:
        save_transitions(folder / "transitions.json", *component.transitions)


def learned_candidates(doc: Doc, offset: int = 0) -> list[Candidate]:
    """Attributions the tagger found in `doc` (a piece of an article starting at char `offset`).

    Spans are char offsets into the whole article. Empty when the doc did not go through the tagger.
    """
    return candidates_from_doc(doc, offset)


__all__ = ["Candidate", "MODEL_DIR", "build_tagger", "learned_candidates", "load_tagger", "save_tagger"]
