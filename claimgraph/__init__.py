"""claimgraph: who said it, who disputes it, and how it reached us.

The public library API; the CLI and the web layer are thin over these names.
"""

from claimgraph.records import Appearance, Article, Attribution, Claim, Speaker, Voice
from claimgraph.version import EXTRACTOR_VERSION, __version__

__all__ = ["Appearance", "Article", "Attribution", "Claim", "Speaker", "Voice", "EXTRACTOR_VERSION", "__version__"]
