"""claimgraph: who said it, who disputes it, and how it reached us.

The public library API; the CLI and the web layer are thin over these names.
"""

from claimgraph.records import Appearance, Article, Attribution, Claim, Speaker, Voice

__version__ = "0.1.0"
# Bump when extraction output can change: stored results carry it and `claimgraph reextract` redoes older ones.
EXTRACTOR_VERSION = "0.1.0"

__all__ = ["Appearance", "Article", "Attribution", "Claim", "Speaker", "Voice", "EXTRACTOR_VERSION", "__version__"]
