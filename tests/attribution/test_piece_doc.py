"""The tagger's pieces (learned/windows.py `piece_doc`) are what `Span.as_doc` gave it: every token attribute,
sentence start, entity and hook the same, the same document features and the same tagger scores; over real parses
of the examples, some real web pages, and pieces cut anywhere (through entities and sentences), not only at the
windows' sentence edges."""

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, NORM, PREFIX, SENT_START, SHAPE, SUFFIX, TAG
from spacy.tokens import Doc

from claimgraph.attribution.learned import build_tagger
from claimgraph.attribution.learned.model import doc_features
from claimgraph.attribution.learned.windows import piece_doc, windows
from claimgraph.eval.data import shared_data_dir
from claimgraph.ingest import read_path
from claimgraph.nlp import load_pipeline
from tests.conftest import EXAMPLES

CASES = ("The Tidewater Harbor Bridge Authority met on Friday. Mara Vell of the Northgate Ferry Company said the "
         "pier at Port Elsin would hold. \"It will,\" she added.\n\nThe board of Kestrel Valley Water Works "
         "announced a delay to the Elsin River crossing until March 3, 2031. Ilan Moss, the harbour master of "
         "Greywater Bay, did not comment.")
ATTRS = list(Doc._get_array_attrs()) + [ENT_TYPE, ENT_IOB, SENT_START, NORM, PREFIX, SUFFIX, SHAPE,
                                        TAG, DEP, HEAD, IS_SPACE]


@pytest.fixture(scope="module")
def docs():
    texts = [CASES] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    realweb = shared_data_dir("realweb")
    for path in sorted(realweb.glob("*.html"))[:4] if realweb.is_dir() else []:
        texts += [item.text for item in read_path(path) if hasattr(item, "text")]
    return list(load_pipeline().pipe(texts))


def ranges_of(doc):
    """The windows, every sentence, and pieces cut through entities and mid-sentence."""
    out = set(windows(doc)) | {(s.start, s.end) for s in doc.sents}
    for ent in doc.ents:
        out |= {(max(0, ent.start - 2), ent.start + 1), (ent.end - 1, min(len(doc), ent.end + 3)),
                (ent.start + 1, min(len(doc), ent.end + 4))}
    out |= {(k, min(len(doc), k + 17)) for k in range(0, len(doc), 13)}
    return sorted((s, e) for s, e in out if 0 <= s < e <= len(doc))


def as_doc_and_piece(doc, start, end):
    head = Doc._get_array_attrs()
    array = doc.to_array(head)
    expected = doc[start:end].as_doc(array_head=head, array=array.copy())
    got = piece_doc(doc, start, end, head, array.copy(), [(e.start, e.end) for e in doc.ents])
    return expected, got


def test_pieces_read_as_as_doc_reads_them(docs):
    n = cut_entities = 0
    for doc in docs:
        ents = {(e.start, e.end) for e in doc.ents}
        for start, end in ranges_of(doc):
            expected, got = as_doc_and_piece(doc, start, end)
            where = (doc.text[:30], start, end)
            assert got.text == expected.text, where
            assert numpy.array_equal(got.to_array(ATTRS), expected.to_array(ATTRS)), where
            assert [(e.start, e.end, e.label_) for e in got.ents] == [(e.start, e.end, e.label_) for e in expected.ents]
            assert [(s.start, s.end) for s in got.sents] == [(s.start, s.end) for s in expected.sents], where
            for annotation in ("SENT_START", "DEP", "TAG", "ENT_IOB", "ENT_TYPE"):
                assert got.has_annotation(annotation) == expected.has_annotation(annotation), (where, annotation)
            assert got.user_hooks is expected.user_hooks and got.user_span_hooks is expected.user_span_hooks
            assert numpy.array_equal(got.tensor, expected.tensor)
            assert numpy.array_equal(doc_features(got), doc_features(expected)), where
            # an entity cut by the piece's edge is unannotated in both (the plain slice would keep its type)
            sliced = doc.to_array([ENT_TYPE])[start:end]
            if not numpy.array_equal(got.to_array([ENT_TYPE]), sliced):
                cut_entities += 1
            n += 1
        assert ents  # every text here names someone or somewhere
    assert n > 500 and cut_entities > 20


def test_the_tagger_scores_pieces_as_it_scored_as_doc(docs):
    nlp = load_pipeline()
    tagger = build_tagger(nlp)
    if tagger is None:
        pytest.skip("no tagger model shipped")
    expected, got = [], []
    for doc in docs:
        for start, end in windows(doc):
            if (start, end) != (0, len(doc)):
                a, b = as_doc_and_piece(doc, start, end)
                expected.append(a)
                got.append(b)
    assert len(got) > 20
    for a, b in zip(tagger.predict(expected), tagger.predict(got)):
        assert numpy.array_equal(a, b)
