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



# A report dense in names: few of the function words among all its words, enough among its small-letter words.
NAME_DENSE = ("Harbor Line co-founder Ilan Moss will be played onscreen by Dara Vell in Tomas Reyk's upcoming "
              "Eskerby biopic, Tidewater Daily reports. Acting opposite Vell will be Colm Ardent as Moss. Reyk's "
              "screenplay (directed by Oscar winner Ines Halloran) is based on Petra Lund's biography, Ilan Moss. "
              "Reyk has said the film will be divided into three long scenes, each taking place backstage before a "
              "major Harbor Line launch: Eskerby Ferry, Port Ellis Cargo and Tidewater Express. Its producers say they "
              "would not confirm who else was cast.")


def test_english_dense_in_names_is_plainly_english():
    """The first two tests leave it to the model; the third (running words only) takes it. A short line of names
    still goes to the model."""
    from claimgraph.nlp.language import _WORD, COMMON_ENGLISH, COMMON_SHARE, ENGLISH_SHARE, ENGLISH_WORDS

    words = _WORD.findall(NAME_DENSE.lower())
    assert sum(w in ENGLISH_WORDS for w in words) < ENGLISH_SHARE * len(words)
    assert sum(w in COMMON_ENGLISH for w in words) < COMMON_SHARE * len(words)
    assert plainly_english(NAME_DENSE) and detect_language(NAME_DENSE) == "en"
    assert not plainly_english("Ilan Moss of Harbor Line meets Dara Vell and Tomas Reyk in Port Ellis.")
