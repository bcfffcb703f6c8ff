"""Text normalisation for the stance features: tokens, a light stemmer, sentences and cue-word lexicons.

Everything is plain regular expressions on purpose: the stance model must featurise ~50k pairs in seconds on
one core, and the spaCy pipeline would cost minutes without helping these surface features.
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Negations are stop words to sklearn but carry the stance, so they stay in the token stream.
_KEEP = {"not", "no", "never", "nor", "nothing", "neither", "none", "without"}
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS - _KEEP)

_TOKEN = re.compile(r"[a-z0-9]+")
_SENT_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n\s*\n+")
_CAP_WORD = re.compile(r"\b(?:[A-Z][A-Za-z]+|\d[\d,.]*)\b")


def stem(token: str) -> str:
    """A deliberately light suffix stripper: enough to match deny/denies/denied-style variants across texts."""
    for suffix, min_len in (("ies", 5), ("ing", 6), ("ed", 5), ("es", 5), ("s", 4)):
        if len(token) >= min_len and token.endswith(suffix):
            if suffix == "ies":
                return token[:-3] + "y"
            if suffix == "s" and token.endswith("ss"):
                return token
            return token[: -len(suffix)]
    return token


def tokens(text: str) -> list[str]:
    """Lower-cased, stemmed content tokens (stop words out, negations kept)."""
    return [stem(t) for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS]


def sentences(text: str) -> list[str]:
    """Sentences split on end punctuation before a capital or on blank lines; never returns an empty list."""
    parts = [s.strip() for s in _SENT_END.split(text or "") if s and s.strip()]
    return parts or [text or ""]


def char_grams(text: str, n: int = 5) -> set[str]:
    """Character n-grams of the normalised text (letters and digits, single spaces) as a set."""
    norm = " " + " ".join(_TOKEN.findall(text.lower())) + " "
    return {norm[i : i + n] for i in range(len(norm) - n + 1)}


def capitalised(text: str) -> set[str]:
    """Names and numbers in a headline (a cheap stand-in for named entities), lower-cased."""
    words = _CAP_WORD.findall(text)
    return {w.lower().rstrip(".,") for w in words if w.lower() not in STOP_WORDS}


# Cue-word groups, counted on lower-cased raw text so stemming cannot blur them. Regexes, not word lists,
# because the inflections matter (debunked, denies, rumoured).
LEXICONS: dict[str, re.Pattern[str]] = {
    "refute": re.compile(
        r"\b(fake\w*|fraud\w*|hoax\w*|false\w*|bogus|untrue|debunk\w*|refut\w*|retract\w*|satir\w*|prank\w*|"
        r"myths?|fabricat\w*|baseless|misleading|den(?:y|ies|ied|ial|ying)|dismiss\w*|nope|doubt\w*|"
        r"spoof\w*|parody|joke|phony|scam\w*|misreport\w*|incorrect|wrong|lie|lies|lied|lying)\b"
    ),
    "negation": re.compile(r"\b(not|no|never|nor|nothing|neither|none|without|despite|n't)\b|n't\b"),
    "hedge": re.compile(
        r"\b(reportedly|alleged\w*|allegedly|according|claim\w*|rumou?r\w*|unconfirmed|unverified|purported\w*|"
        r"apparent\w*|may|might|could|possibl\w*|speculat\w*|suggest\w*|appears?|believed|reports?|reported|"
        r"sources?|seem\w*|if|whether|unclear|unknown|supposedly|viral|circulat\w*)\b"
    ),
    "agree": re.compile(
        r"\b(confirm\w*|official\w*|announc\w*|verified|reveal\w*|true|indeed|actually|proves?|proof|"
        r"evidence|statement|admit\w*|acknowledg\w*|did|has|have)\b"
    ),
    "question": re.compile(r"\?"),
    "quote": re.compile(r"[\"\u201c\u201d]"),
}

# Single words that often decide a stance on their own; each gets its own feature in headline and body.
CUE_WORDS: tuple[str, ...] = (
    "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "not", "despite", "nope", "doubt", "debunk",
    "debunked", "refute", "retract", "satire", "satirical", "rumor", "rumors", "reportedly", "allegedly",
    "claims", "confirmed", "confirms", "official", "unconfirmed", "prank", "never", "no", "true", "hoaxes",
    "spokesperson", "spokesman", "statement", "however", "but", "says", "said", "report",
)
_CUE = {w: re.compile(rf"\b{w}\b") for w in CUE_WORDS}


def lexicon_counts(text: str) -> list[int]:
    """Counts of each lexicon group in `text`, in LEXICONS order."""
    low = text.lower()
    return [len(p.findall(low)) for p in LEXICONS.values()]


def cue_counts(text: str) -> list[int]:
    """Counts of each single cue word in `text`, in CUE_WORDS order."""
    low = text.lower()
    return [len(p.findall(low)) for p in _CUE.values()]
