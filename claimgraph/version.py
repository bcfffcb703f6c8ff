"""Versions: of the package, and of the extractor whose output stored results carry."""

__version__ = "0.1.0"
# Bump when extraction output can change (rules, lexicon, the shipped tagger): stored attributions carry it, and
# `claimgraph reextract` redoes articles extracted by another version.
EXTRACTOR_VERSION = "0.5.0"  # issue 9 round 8: sides taken, topics of talk, split quotations joined, title lines, sources
