"""Which language an article is written in, with py3langid's shipped model (offline, no download).

Used to keep the English rules off text they cannot read: a non-English article is stored with its language and
no attributions unless the loaded pipeline is for that language (`nlp.lang`).
"""

from __future__ import annotations

from functools import lru_cache

# Enough text for a stable guess, little enough to stay cheap on long articles (the detector is linear in length).
SAMPLE_CHARS = 4000
# Below this many letters the guess is noise (a title, a caption): answer "unknown" and extract as usual.
MIN_LETTERS = 40
# Normalised probability under which the guess is not trusted (mixed-language pages, tables of numbers).
MIN_CONFIDENCE = 0.90


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language ("en", "ru", …), or None when the text is too short or mixed."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    if language == "zxx" or probability < MIN_CONFIDENCE:  # zxx: "no linguistic content" (markup, numbers)
        return None
    return language


def is_foreign(language: str | None, pipeline_lang: str) -> bool:
    """True when the article is known to be in another language than the pipeline's (unknown is not foreign)."""
    return language is not None and language != pipeline_lang
