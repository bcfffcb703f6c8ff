"""Reported speech: indirect and mixed quotes, "according to X", and cues whose words are missing.

"Vell said that fares will rise" gives the source Vell, the cue "said" and the content "fares will rise";
"according to the ministry, …", "Vell's claim that …", "Vell is critical of the plan", "X is expected to …" and a
title line "Vell: …" are read too; "the ministry said." alone is kept, flagged `content_missing`.

The modules, each deciding one thing:
- speech.py      `reported_speech`: every cue of one Doc in text order, asking the modules below; a cue's flags
- according.py   sources named by a phrase: `according_to`, `in_source` ("in a poll, …"), `title_line`
- evidential.py  no cue verb's own content: `evidential` ("seems to", "is expected to"), `reportedly`,
                 `evidence_aside`, `seen_as`, `attitude`, `made_clear`
- nominal.py     a statement named by a noun (`nominal`: "the claim that …"), a cue verb tagged as a noun
                 (`misread_verb`)
- statements.py  which cues say nothing (`not_a_statement`, `found_thing`, `is_idiom`, a phone call, "failed to
                 tell"), and which short objects still do (`judged`)
- clauses.py     which words a cue reports (`content_of`), a parenthetical cue's clause
- bounds.py      where a content stops (paragraph, relative clause, closing mark, contrast, conjunct …)
- missing.py     no content from the parse: a clause the parser misread before the cue, or words missing
- common.py      words and tests the others share (`MIN_CONTENT_WORDS`, `has_quote`, `that_clause` …)
"""

from claimgraph.attribution.found import cue_subject
from claimgraph.attribution.reported.according import according_to, in_source, title_line
from claimgraph.attribution.reported.evidential import (
    attitude,
    evidence_aside,
    evidential,
    made_clear,
    reportedly,
    seen_as,
)
from claimgraph.attribution.reported.nominal import misread_verb, nominal
from claimgraph.attribution.reported.speech import reported_speech
from claimgraph.attribution.reported.statements import found_thing, is_idiom, not_a_statement

__all__ = ["according_to", "attitude", "cue_subject", "evidence_aside", "evidential", "found_thing", "in_source",
           "is_idiom", "made_clear", "misread_verb", "nominal", "not_a_statement", "reported_speech", "reportedly",
           "seen_as", "title_line"]
