"""Which language an article is written in, with py3langid's shipped model (offline, no download).

Used to keep the English rules off text they cannot read: a non-English article is stored with its language and
no attributions unless the loaded pipeline is for that language (`nlp.lang`).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Enough text for a stable guess, little enough to stay cheap on long articles (the detector is linear in length).
SAMPLE_CHARS = 4000
# Below this many letters the guess is noise (a title, a caption): answer "unknown" and extract as usual.
MIN_LETTERS = 40
# Normalised probability under which the guess is not trusted (mixed-language pages, tables of numbers).
MIN_CONFIDENCE = 0.90


# English's commonest function words, rare in other languages' running text. A sample where they make at least
# ENGLISH_SHARE of the words is English without asking the model: most inputs are English news, and the model costs
# a second or two to load per process (it is loaded only when a text is not plainly English).
ENGLISH_WORDS = frozenset("the of and to that said with for from this were which has have".split())
ENGLISH_SHARE = 0.10
# A second test for short texts (a one-line body) and for prose with few of the words above ("Some might say that
# no matter how rich you are…"): a wider set of English function words, at least COMMON_SHARE of 8 words or more.
# On the 1,683 FNC-1 bodies it leaves 19 to the model (55 before); no sample sentence of spaCy's other languages
# (550, single and joined) passes it.
COMMON_ENGLISH = ENGLISH_WORDS | frozenset(
    "it its they their there you your she his would could should who what about been not but than had".split())
# (left out, common in other languages: is, was, are, he, her, by, will, also, we)
COMMON_SHARE = 0.15
# A third test for news dense in names ("Apple co-founder Steve Wozniak will be played onscreen by Seth Rogen in
# Aaron Sorkin's upcoming Steve Jobs biopic"): the same words counted among the words that start with a small
# letter (names left out), at least RUNNING_SHARE of RUNNING_WORDS or more. On the 1,683 FNC-1 bodies it leaves 16
# to the model (19 before; the model calls the three it takes English at 0.9999); over spaCy's other languages'
# sample sentences with 20 or more such words the highest share is 0.04 (Danish, Norwegian: "for").
RUNNING_WORDS = 40
RUNNING_SHARE = 0.10
_WORD = re.compile(r"[^\W\d_]+")


def plainly_english(sample: str) -> bool:
    words = _WORD.findall(sample.lower())
    if len(words) >= 20 and sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return True
    if len(words) >= 8 and sum(w in COMMON_ENGLISH for w in words) >= COMMON_SHARE * len(words):
        return True
    running = [w.lower() for w in _WORD.findall(sample) if w[0].islower()]
    return len(running) >= RUNNING_WORDS and sum(w in COMMON_ENGLISH for w in running) >= RUNNING_SHARE * len(running)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _has_letters(sample: str, least: int) -> bool:
    """At least `least` letters (str.isalpha) in `sample`: counted until there are that many, not over the whole."""
    for ch in sample:
        if ch.isalpha():
            least -= 1
            if least <= 0:
                return True
    return least <= 0


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language ("en", "ru", …), or None when the text is too short or mixed."""
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return None
    if plainly_english(sample):
        return "en"
    language, probability = _identifier().classify(sample)
    if language == "zxx" or probability < MIN_CONFIDENCE:  # zxx: "no linguistic content" (markup, numbers)
        return None
    return language


def is_foreign(language: str | None, pipeline_lang: str) -> bool:
    """True when the article is known to be in another language than the pipeline's (unknown is not foreign)."""
    return language is not None and language != pipeline_lang
