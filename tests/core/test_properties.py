"""Property tests: any text survives the store, and extraction offsets always point into the text as read."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.records import Article
from claimgraph.store import Store

# Words, quote marks of every kind, dashes and line breaks: the characters the rules read.
NEWSY = st.lists(st.sampled_from(
    ["Vell", "said", "told", "the", "mayor", "that", "bridge", "will", "reopen", "according", "to", "Reyes",
     '"', "“", "”", "''", ",", ".", ":", "—", "\n", "\n\n", "denied", "reportedly", "he", "She", "claimed"]),
    min_size=1, max_size=60).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=400))
def test_any_text_survives_a_write_and_a_read(text):
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "t.db")
        store.save_article(Article(ref="a", text=text), [], "1")
        (stored,) = list(store.articles())
        assert stored.text == text
        store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=NEWSY)
def test_extraction_offsets_point_into_the_text(extractor, text):
    for attribution in extractor.extract(Article(ref="t", text=text)):
        for start, end in attribution.content_spans:
            assert 0 <= start < end <= len(text)
        if attribution.cue_span:
            assert text[attribution.cue_span[0]:attribution.cue_span[1]] == attribution.cue
        if attribution.source_span:
            assert 0 <= attribution.source_span[0] < attribution.source_span[1] <= len(text)
