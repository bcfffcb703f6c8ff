"""Versions: of the package, and of the extractor whose output stored results carry."""

__version__ = "0.1.0"
# Bump when extraction output can change (rules, lexicon, the shipped tagger): stored attributions carry it, and
# `claimgraph reextract` redoes articles extracted by another version.
# 0.6.0 (issue 9 round 9, issue 12): signed quotations, "praise for", contents cut before a trailing "according to";
# the tagger gate speechfirm; each attribution's predicates recorded (rows of 0.5.0 and before have none: linking
# parses them, `reextract` records them).
EXTRACTOR_VERSION = "0.6.0"
