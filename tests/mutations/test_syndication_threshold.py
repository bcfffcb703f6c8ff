"""The syndication threshold at its default: a near-miss pair stays two stories, a light copy joins its original.

The near miss is two different stories that quote the same long statement in full (similarity about 0.4: above a
careless threshold such as 0.3, below the default 0.6); the light copy is the first story with a byline, a footer
and two words changed (about 0.73). Both similarities are checked first, so the texts cannot drift out of the
range they are here to test.
"""

from __future__ import annotations

from click.testing import CliRunner
from syndication_texts import LIGHT_COPY_A, STORY_A, STORY_B

from claimgraph.cli import cli
from claimgraph.ingest.syndication import SyndicationIndex
from claimgraph.records import Article
from claimgraph.store import Store


def test_the_pairs_are_a_near_miss_and_a_light_copy() -> None:
    index = SyndicationIndex()
    original = Article("a", STORY_A)
    assert 0.3 < index.similarity(original, Article("b", STORY_B)) < 0.6
    assert 0.6 <= index.similarity(original, Article("c", LIGHT_COPY_A)) < 0.9


def test_default_index_keeps_the_near_miss_apart_and_joins_the_copy() -> None:
    index = SyndicationIndex()
    original = Article("a", STORY_A)
    index.add(original)
    assert index.match(Article("b", STORY_B)) is None
    match = index.match(Article("c", LIGHT_COPY_A))
    assert match is not None and match[0] == original.id


def test_ingest_with_its_defaults_stores_two_stories_and_three_appearances(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a-bridge.txt", STORY_A), ("b-fishermen.txt", STORY_B), ("c-wire-copy.txt", LIGHT_COPY_A)):
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--no-link-claims"])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        counts = store.counts()
    assert (counts["articles"], counts["appearances"]) == (2, 3)
