"""The service over a real store and real parses: one bad article never stops a batch, languages, differing copies."""

from __future__ import annotations

import sqlalchemy as sa
from corpus import story

from claimgraph.ingest.syndication import SyndicationIndex
from claimgraph.records import Article
from claimgraph.service import Failure, ingest_articles, statement_key
from claimgraph.store import Store
from claimgraph.store import schema as t

POISON = "Poisoned paragraph"


class BreaksOnPoison:
    """The real extractor, except that the batch raises when it reaches an article holding POISON (as the
    speaker resolver once raised IndexError mid-batch); counts what it was asked to extract."""

    def __init__(self, extractor):
        self.extractor = extractor
        self.asked: list[str] = []

    def extract_many(self, articles, n_process=1):
        for extracted in self.extractor.extract_many(articles, n_process=n_process):
            self.asked.append(extracted.article.ref)
            if POISON in extracted.article.text:
                raise IndexError("list index out of range")
            yield extracted


def batch() -> list[Article]:
    articles = [Article(ref=f"story-{i}.txt", text=story(i)) for i in range(6)]
    articles[2] = Article(ref="poisoned.txt", text=story(2) + f"\n{POISON}.\n")
    return articles


def test_a_failing_article_is_named_with_its_error_and_the_batch_goes_on(extractor, db_path):
    store = Store.open(db_path)
    seen: list[tuple[str, int]] = []
    report = ingest_articles(batch(), store, BreaksOnPoison(extractor),
                             on_failure=lambda f: seen.append((f.source, store.counts()["articles"])))
    assert report.stored == 5 and report.read == 6
    assert report.failures == [Failure("poisoned.txt", "IndexError: list index out of range")]
    # Reported as it happened: before the articles after it in the batch were stored.
    assert seen and seen[0][0] == "poisoned.txt" and seen[0][1] < 5
    (failure,) = store.failures()
    assert failure["source"] == "poisoned.txt" and failure["reason"].startswith("IndexError")


def test_a_rerun_retries_only_what_failed(extractor, db_path):
    store = Store.open(db_path)
    ingest_articles(batch(), store, BreaksOnPoison(extractor))
    again = BreaksOnPoison(extractor)
    report = ingest_articles(batch(), store, again)
    assert set(again.asked) == {"poisoned.txt"} and report.duplicate == 5 and report.failed == 1
    assert store.failures()[0]["attempts"] == 2
    fixed = ingest_articles(batch(), store, extractor)  # the extractor was fixed: stored, the failure cleared
    assert fixed.stored == 1 and fixed.failed == 0 and store.failures() == []


# Parsed as English, this gives a quote (by "journalistes"): the language check is what keeps it out.
FRENCH = ("Le maire de Villeneuve-sur-Lande, Mara Vell, a déclaré mardi que le bac reprendrait son service en mai. "
          "\"Nous avons vérifié chaque chiffre deux fois, et le calendrier est définitif\", a dit Mara Vell aux "
          "journalistes après la réunion du conseil municipal, selon le communiqué publié par la mairie.")


def test_extraction_leaves_text_in_another_language_unparsed(extractor):
    (french,) = extractor.extract_many([Article(ref="fr.txt", text=FRENCH)])
    assert french.language == "fr" and french.skipped_language and french.attributions == []
    (english,) = extractor.extract_many([Article(ref="en.txt", text=story(1))])
    assert english.language == "en" and not english.skipped_language and english.attributions


def test_an_article_in_another_language_is_stored_with_it_and_without_attributions(extractor, db_path):
    store = Store.open(db_path)
    english = Article(ref="en.txt", text=story(1))
    report = ingest_articles([english, Article(ref="fr.txt", text=FRENCH)], store, extractor)
    assert report.stored == 2 and report.not_english == 1
    with store.engine.connect() as conn:
        languages = dict(conn.execute(sa.select(t.articles.c.id, t.articles.c.language)).all())
        by_article = dict(conn.execute(sa.select(t.attributions.c.article_id, sa.func.count())
                                       .group_by(t.attributions.c.article_id)).all())
    french_id = Article(ref="fr.txt", text=FRENCH).id
    assert languages == {english.id: "en", french_id: "fr"}
    assert by_article.get(english.id, 0) > 0 and french_id not in by_article


WIRE = story(7)
QUOTE = "\"We have checked every figure twice,\" Jonas Pell told reporters"
UPDATED = WIRE.replace(QUOTE, "\"The ferry timetable is final,\" Jonas Pell told reporters")


def test_a_near_duplicate_copy_keeps_the_statement_only_it_carries(extractor, db_path):
    store = Store.open(db_path)
    first = ingest_articles([Article(ref="wire.txt", text=WIRE)], store, extractor,
                            syndication=SyndicationIndex.load(store))
    second = ingest_articles([Article(ref="update.txt", text=UPDATED)], store, extractor,
                             syndication=SyndicationIndex.load(store))
    assert first.stored == 1 and second.syndicated == 1 and second.stored == 0 and second.copy_statements == 1
    rows = store.attributions()
    copied = [r for r in rows if r["appearance_id"] is not None]
    assert len(copied) == 1 and copied[0]["content"] == "The ferry timetable is final,"
    assert any(r["content"] == "We have checked every figure twice," for r in rows)
    counts = store.counts()
    rerun = ingest_articles([Article(ref="update.txt", text=UPDATED)], store, extractor,
                            syndication=SyndicationIndex.load(store))
    assert rerun.copy_statements == 0 and store.counts() == counts  # a rerun changes nothing
    extracted = extractor.extract(Article(ref="wire.txt", text=WIRE))
    assert len({statement_key(a) for a in extracted}) == len(rows) - 1  # only the new quote was added


def test_the_english_shortcut_leaves_other_languages_to_the_model():
    from claimgraph.nlp.language import detect_language, plainly_english

    german = ("Der Bürgermeister von Eskerby sagte am Dienstag, dass die Fähre im Mai wieder fahren werde, so die "
              "Behörden in der Stadt und in dem Land; das sei eine gute Nachricht für den Hafen.")
    dutch = ("De burgemeester van Eskerby zei dinsdag dat de veerboot in mei weer vaart, volgens de ambtenaren van de "
             "stad en het land, en dat is goed nieuws voor de haven en voor de vissers.")
    assert plainly_english(story(3)) and detect_language(story(3)) == "en"
    for text, language in ((german, "de"), (dutch, "nl"), (FRENCH, "fr")):
        assert not plainly_english(text) and detect_language(text) == language


def test_an_extractor_that_cannot_run_at_all_is_an_error_not_a_loop(db_path):
    import pytest

    class Broken:
        def extract_many(self, articles, n_process=1):
            raise RuntimeError("no pipeline")
            yield  # a generator, like the real one

    with pytest.raises(RuntimeError, match="no pipeline"):
        ingest_articles([Article(ref="a.txt", text=story(1))], Store.open(db_path), Broken())
