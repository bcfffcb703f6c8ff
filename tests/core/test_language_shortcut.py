"""The English shortcut of language detection (nlp/language.py): plainly English text skips py3langid's model
(which costs seconds to load per process), other languages still go to the model."""

import importlib
import pkgutil

import pytest

from claimgraph.nlp.language import detect_language, plainly_english


def test_a_short_english_body_is_plainly_english():
    # One-line bodies and prose with few of the commonest words fell to the model before.
    assert plainly_english("There have been reports that the Eskerby ferry timetable is being rewritten.")
    assert plainly_english("Some might say that no matter how rich you are, spending a fortune on a boat makes you "
                           "a fool. Apparently a neighbour in Port Ellis sought to communicate just that to its "
                           "owner, scratching a word into the paint.")
    assert not plainly_english("Ferry resumes in May.")  # too few words to tell: the model decides


def spacy_sample_sentences() -> list[tuple[str, str]]:
    import spacy.lang

    samples = []
    for module in pkgutil.iter_modules(spacy.lang.__path__):
        if module.name in ("en", "xx"):
            continue
        try:
            sentences = importlib.import_module(f"spacy.lang.{module.name}.examples").sentences
        except (ImportError, AttributeError):
            continue
        samples += [(module.name, s) for s in sentences] + [(module.name, " ".join(sentences))]
    return samples


def test_no_sample_sentence_of_another_language_takes_the_shortcut():
    samples = spacy_sample_sentences()
    if len(samples) < 100:
        pytest.skip("spaCy's example sentences are not installed")
    assert [(lang, s[:40]) for lang, s in samples if plainly_english(s)] == []


def test_the_shortcut_agrees_with_the_model_on_english():
    text = ("There have been reports that the Eskerby ferry timetable is being rewritten, and the harbour board "
            "said it would publish the new one next week after talks with the operators.")
    assert plainly_english(text) and detect_language(text) == "en"
