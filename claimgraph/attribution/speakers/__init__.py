"""Speakers inside one article: from a source mention to an identity (the package's modules are carved out next)."""

from claimgraph.attribution.speakers.resolver import SpeakerResolver, core_tokens, outlet_names, resolve_speakers, with_byline

__all__ = ["SpeakerResolver", "core_tokens", "outlet_names", "resolve_speakers", "with_byline"]
