"""The same words from the same speaker carry one stance in every outlet that repeats them (issue 12): the stance
most copies got, ties to the earliest copy's. Fictional speaker and outlets."""

from __future__ import annotations

from claimgraph.claims.stance import assign
from claimgraph.claims.statement import Statement
from claimgraph.records import Attribution, Speaker

WORDS = "new filters will only deepen the Kessel water crisis"


def _statement(article: str, published: str, flags: tuple[str, ...] = (), speaker: str = "Ilsa Marrow",
               words: str = WORDS) -> Statement:
    a = Attribution(id=f"{article}-a", kind="direct", speaker=Speaker(speaker, "person"), source_span=(0, 5),
                    cue="said", cue_span=(6, 10), cue_class="assert", content=words, content_spans=((11, 60),),
                    sentence=(0, 60), flags=flags)
    return Statement(a, article, position=0, published=published, outlet=f"Outlet {article}")


def test_one_speakers_words_get_one_stance_in_every_outlet():
    copies = [_statement("one", "2026-01-02"), _statement("two", "2026-01-03"),
              _statement("three", "2026-01-01", flags=("negated",))]   # this outlet's framing alone would say report
    stances = assign([(s, "restate") for s in copies], known_outlets=set())
    assert set(stances.values()) == {"assert"}


def test_other_speakers_and_other_words_keep_their_own_stance():
    members = [_statement("one", "2026-01-02"),
               _statement("two", "2026-01-03", flags=("negated",), speaker="Orla Penn"),
               _statement("three", "2026-01-04", flags=("negated",), words=WORDS + " soon")]
    stances = assign([(s, "restate") for s in members], known_outlets=set())
    assert stances["one-a"] == "assert" and stances["two-a"] == "report" and stances["three-a"] == "report"


def test_a_paragraph_repeated_on_one_page_gives_one_voice():
    from claimgraph.claims import link_statements

    first = _statement("one", "2026-01-02")
    again = Statement(Attribution(**{**first.attribution.__dict__, "id": "one-b", "sentence": (200, 260)}), "one",
                      position=200, published="2026-01-02", outlet="Outlet one")
    elsewhere = _statement("two", "2026-01-03")
    claims = link_statements([first, again, elsewhere])
    voices = [v.attribution_id for c in claims for v in c.voices]
    assert sorted(voices) == ["one-a", "two-a"]
