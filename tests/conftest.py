"""Shared fixtures: the reference article (bundled in examples/), one loaded pipeline per test session."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
REFERENCE = EXAMPLES / "eirns-2017-01-24-us-russia-syria.txt"
REFERENCE_GOLD = Path(__file__).parent / "core" / "data" / "eirns-2017-01-24-us-russia-syria.gold.json"


def shared_path(*parts: str) -> Path:
    """A path under the shared folder (`claimgraph.eval.data.shared_dir`: the parent of $CLAIMGRAPH_SHARED_DATA,
    else ../shared beside the repository). It may not exist: see `require`."""
    from claimgraph.eval.data import shared_dir

    return shared_dir().joinpath(*parts)


def in_ci() -> bool:
    """CI=true (or any value but empty, 0, false, no), as CI services and .ci/run set it."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def skip_or_fail(reason: str) -> None:
    """Skip with the reason, except in CI (CI set), where it fails: CI installs every service and provides the
    shared data (.ci/run), and a test that silently skips there checks nothing."""
    if in_ci():
        pytest.fail(f"{reason}; CI is set, so this is a failure, not a skip")
    pytest.skip(reason)


def require(path: Path, what: str) -> Path:
    """`path` when it exists; otherwise `skip_or_fail`."""
    if path.exists():
        return path
    skip_or_fail(f"{what} absent: {path} does not exist (set CLAIMGRAPH_SHARED_DATA to the shared data folder)")


def free_port() -> int:
    """A loopback port nothing listens on at the moment of asking."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def extractor():
    from claimgraph.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def reference_gold() -> dict:
    return json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claimgraph.db"


# -- extraction helpers shared by the attribution tests ------------------------------------------------------------

def extract(extractor, text: str) -> list:
    """The attributions `extractor` finds in `text`, read as one article."""
    from claimgraph.records import Article

    return extractor.extract(Article(ref="t", text=text))


def by_cue(attributions: list, cue: str):
    """The first attribution whose cue is `cue`; fails naming the cues found when there is none."""
    found = [a for a in attributions if a.cue == cue]
    assert found, f"no attribution with cue {cue!r} in {[a.cue for a in attributions]}"
    return found[0]


def only_by_cue(attributions: list, cue: str):
    """The one attribution whose cue is `cue`; fails naming the cues and contents found unless there is exactly one."""
    hits = [a for a in attributions if a.cue == cue]
    assert len(hits) == 1, [(a.cue, a.content) for a in attributions]
    return hits[0]


def span_text(text: str, span) -> str | None:
    """The words of `text` at a (start, end) span; None for no span."""
    return text[span[0]:span[1]] if span else None


def cues(found_or_extractor, text: str | None = None) -> list[str]:
    """The cues, lower-cased, of the attributions `found`; or, given a `text`, of those `extractor` finds in it."""
    found = found_or_extractor if text is None else extract(found_or_extractor, text)
    return [(a.cue or "").lower() for a in found]


def found(extractor, text: str) -> list[tuple[str, str | None]]:
    """(cue lower-cased, content) of every attribution `extractor` finds in `text`."""
    return [((a.cue or "").lower(), a.content) for a in extract(extractor, text)]


def speaker_name(a) -> str | None:
    """The name of the attribution's speaker; None without one."""
    return a.speaker.name if a.speaker is not None else None


def source_of(extractor, text: str, cue: str | None = None) -> str | None:
    """The source mention, as written in `text`, of the one attribution whose cue is `cue` among those `extractor`
    finds in it; given no cue, `extractor` is the attribution itself (found in `text`)."""
    if cue is None:
        span = extractor.source_span
        return text[span[0]:span[1]] if span else None
    found = [a for a in extract(extractor, text) if a.cue == cue]
    assert len(found) == 1, [(a.cue, a.content) for a in extract(extractor, text)]
    span = found[0].source_span
    return text[span[0]:span[1]] if span else None


def one(found, cue: str):
    """The one attribution of `found` whose cue, lower-cased, is `cue`; fails naming the cues and contents found
    unless there is exactly one."""
    hits = [a for a in found if (a.cue or "").lower() == cue]
    assert len(hits) == 1, [(a.cue, a.content) for a in found]
    return hits[0]


def finds_as_text(found: list, text: str) -> list[tuple[str | None, str | None, str]]:
    """(cue, source, content) of each find, as written in `text`."""
    return [(a.cue, text[a.source_span[0]:a.source_span[1]] if a.source_span else None,
             " … ".join(text[s:e] for s, e in a.content_spans)) for a in found]


def finds_with_cue(found: list, text: str, cue: str) -> list[tuple[str | None, str | None, str]]:
    """`finds_as_text` of the finds whose cue is `cue`."""
    return [f for f in finds_as_text(found, text) if f[0] == cue]


def cues_found(extractor, text: str) -> dict:
    """Cue -> attribution for every attribution `extractor` finds in `text` (the last one where a cue repeats)."""
    return {a.cue: a for a in extract(extractor, text)}


def linked_claims(db: Path, extractor, articles: list) -> list:
    """The claims `link_statements` makes of `articles`, each extracted by `extractor` and stored in a real SQLite
    file at `db` first (so that the statements are read back as `link-claims` reads them)."""
    from claimgraph.claims.link import link_statements
    from claimgraph.claims.statement import statements_of
    from claimgraph.store import Store

    with Store.open(str(db)) as store:
        for article in articles:
            store.save_article(article, extractor.extract(article), "test")
        stored, appearances = store.load_statements()
    return link_statements(statements_of(stored, appearances), None, appearances=appearances)


def misparsed_hyphened_name():
    """ "Velmora civil defense spokesman Tarek al-Benhadi warned that it rained.", parsed as the small model parsed an
    FNC-1 body: "spokesman" the subject, the name's "al" in apposition to it and "Benhadi" a subject of its own (the
    speakers' tests of a mention cut at a hyphen). Built by hand, so the parse cannot drift with the model."""
    import spacy
    from spacy.tokens import Doc

    words = ["Velmora", "civil", "defense", "spokesman", "Tarek", "al", "-", "Benhadi", "warned", "that", "it",
             "rained", "."]
    spaces = [True, True, True, True, True, False, False, True, True, True, True, False, False]
    heads = [3, 2, 3, 8, 5, 3, 8, 8, 8, 11, 11, 8, 8]
    deps = ["nmod", "amod", "compound", "nsubj", "compound", "appos", "nsubj", "nsubj", "ROOT", "mark", "nsubj",
            "ccomp", "punct"]
    pos = ["PROPN", "ADJ", "NOUN", "NOUN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "SCONJ", "PRON", "VERB",
           "PUNCT"]
    ents = ["B-GPE", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    # a blank English vocabulary has the lexical attributes ("is_title") a bare Vocab lacks
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)
