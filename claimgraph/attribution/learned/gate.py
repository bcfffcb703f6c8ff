"""Which of the tagger's additions to keep: a gate per kind, measured out of domain.

The tagger is trained on seven US publishers. Leave-one-publisher-out on PolNeAR (benchmarks/lopo.py, README
"Out of domain": each publisher scored by a tagger trained on the other six, a reduced budget for all folds),
pooled over the held-out publishers, the rules' own finds are right 0.87 of the time when quoted and 0.74 when
indirect; the tagger's additions 0.82 (quoted, floor 0.75) and 0.70 (indirect). No indirect gate tried reached
the rules' figure (a lexicon cue: 0.69; a lexicon cue and a 0.9 floor: 0.50 of 22), and on a hidden Canadian news
set the indirect additions were right 5% of the time. A 0.9 floor lifts the quoted additions to 0.90. So the
default (`quoted90`) keeps quoted additions (direct or mixed: a quote mark marks the content) at confidence 0.9
or more and no indirect ones; "shipped" is the release's gate (floors 0.75 / 0.85 without a source, every kind),
which scores higher on PolNeAR itself. `GATES` names the variants the LOPO benchmark compares.
"""

from __future__ import annotations

from dataclasses import dataclass

QUOTED_KINDS = frozenset({"direct", "mixed"})


@dataclass(frozen=True)
class Gate:
    name: str
    min_confidence: float = 0.75  # any addition
    min_confidence_without_source: float = 0.85  # an addition whose source nobody found
    indirect: bool = True  # keep indirect additions at all
    indirect_needs_lexicon_cue: bool = False
    min_confidence_indirect: float = 0.75
    min_confidence_quoted: float = 0.75
    sure: float = 1.01  # an indirect addition at least this confident is kept even without a lexicon cue

    def admits(self, kind: str, confidence: float, has_source: bool, lexicon_cue: bool) -> bool:
        """True when an addition of this kind and confidence is kept (`lexicon_cue`: the cue's lemma is in
        claimgraph/data/cues.tsv)."""
        if confidence < self.min_confidence or (not has_source and confidence < self.min_confidence_without_source):
            return False
        if kind in QUOTED_KINDS:
            return confidence >= self.min_confidence_quoted
        if not self.indirect or (self.indirect_needs_lexicon_cue and not lexicon_cue and confidence < self.sure):
            return False
        return confidence >= self.min_confidence_indirect


GATES = {
    "none": Gate("none", 0.0, 0.0),  # every addition with a cue: what the tagger alone would add
    "shipped": Gate("shipped"),  # the release's floors, the same for every kind
    "lexicon": Gate("lexicon", indirect_needs_lexicon_cue=True),
    "lexicon90": Gate("lexicon90", indirect_needs_lexicon_cue=True, min_confidence_indirect=0.9),
    "floor90": Gate("floor90", min_confidence_indirect=0.9),
    "lexsure": Gate("lexsure", indirect_needs_lexicon_cue=True, sure=0.95),
    "quoted": Gate("quoted", indirect=False),
    "quoted90": Gate("quoted90", indirect=False, min_confidence_quoted=0.9),
    "strict": Gate("strict", indirect_needs_lexicon_cue=True, min_confidence_indirect=0.9, min_confidence_quoted=0.9),
}
DEFAULT = GATES["quoted90"]

__all__ = ["DEFAULT", "GATES", "Gate", "QUOTED_KINDS"]
