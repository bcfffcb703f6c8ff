"""The learned tagger's place in extraction: on by default, and its unsure additions left out.

Written against what `Extractor` returns (the public behaviour), on fictional texts: one where only the tagger
finds a quote (an inverted frame, '"…," grumbled X', which the rules do not read), one where the tagger proposes a
quote with low confidence that must not become an attribution.
"""

from __future__ import annotations

from claimgraph.attribution.learned import learned_candidates
from claimgraph.pipeline import Extractor
from claimgraph.records import Article

QUOTE_ONLY_THE_TAGGER_FINDS = (   # the rules read '"…," X scoffed' since d6e7109; the inverted frame they do not
    "Harbour row\n\n"
    "\"Nobody listens to the fishermen,\" grumbled Ilan Moss, who has fished the bay for thirty years."
)
# The tagger proposes '"Ask the council,"' (cue "shrugged", inverted frame the rules do not read) at about 0.86:
# under the default floor for quoted additions (0.9), over the release's (0.75) that the "shipped" gate keeps.
BETWEEN_THE_FLOORS = (
    "Harbour row\n\n"
    "The ferry office phone rang unanswered. \"Ask the council,\" shrugged a clerk. \"Ghosts,\" muttered a fisherman."
)
# The tagger proposes '"soon"' as a quote of Tova Brenn's (cue "was") with a confidence near 0.5.
UNSURE_QUOTE = (
    "Harbour row\n\n"
    "The sign on the harbour gate said only \"Closed until further notice\", and the ferry office's phone rang "
    "unanswered. \"Ask the council,\" a clerk shrugged. Tova Brenn's answer, posted on the board's page, was "
    "\"soon\". A fisherman waved at the empty pier: \"Ghosts,\" he muttered, \"all of them.\""
)
LOW = 0.6  # an addition below this is unsure on any gate the project has measured (README "Accuracy")


def test_default_extractor_adds_what_the_tagger_finds(extractor) -> None:
    article = Article("harbour", QUOTE_ONLY_THE_TAGGER_FINDS)
    default = Extractor().extract(article)  # the defaults as a user gets them, not the session fixture's
    learned = [a for a in default if a.method == "learned"]
    assert learned, f"no learned attribution with the default Extractor: {[(a.cue, a.method) for a in default]}"
    assert any(a.kind == "direct" and a.speaker and a.speaker.name == "Ilan Moss" and "Nobody listens" in a.content
               for a in learned), learned
    rules_only = Extractor(learned=False).extract(article)
    assert not any("Nobody listens" in (a.content or "") for a in rules_only), "the rules find it: pick a new text"


def test_an_unsure_addition_is_dropped(extractor) -> None:
    start = UNSURE_QUOTE.index('"soon"')
    proposed = [c for c in learned_candidates(extractor.nlp(UNSURE_QUOTE))
                if any(s <= start < e for s, e in c.content_spans)]
    # The text still does its job: the tagger proposes the quote, unsure, with a source and a cue.
    assert proposed and proposed[0].confidence < LOW and proposed[0].source_span and proposed[0].cue_span
    found = extractor.extract(Article("unsure", UNSURE_QUOTE))
    assert not any(s <= start < e for a in found for s, e in a.content_spans), \
        [(a.cue, a.content, a.confidence) for a in found]
    assert all(a.confidence >= LOW for a in found if a.method == "learned")
