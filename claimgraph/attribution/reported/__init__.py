"""Reported speech: indirect and mixed quotes, "according to X", and cues whose words are missing.

The package `reported` re-exports the names the rest of claimgraph and the tests import from it.
"""

from claimgraph.attribution.reported.core import (according_to, cue_subject, found_thing, not_a_statement,
                                                  reported_speech)

__all__ = ["according_to", "cue_subject", "found_thing", "not_a_statement", "reported_speech"]
