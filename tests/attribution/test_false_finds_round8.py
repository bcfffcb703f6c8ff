"""False finds on PolNeAR (round 8, second finds): inside an "according to" account, a verb of saying whose speaker
has no name is the account's own words, not a second statement. Fictional sentences through the real parse; the
refusal tests fail without the rule (claimgraph/attribution/found.py `swallowed`, its `according_to` holder)."""

from __future__ import annotations

from tests.conftest import extract


def found(extractor, text: str) -> list[tuple[str, str | None]]:
    return [((a.cue or "").lower(), a.content) for a in extract(extractor, text)]


def test_an_unnamed_speaker_inside_an_according_to_account_is_not_read_twice(rules):
    got = found(rules, "According to the harbor log, the captain said the ferry had left on time.")
    assert got == [("according to", "the captain said the ferry had left on time")], got


def test_a_share_of_voters_inside_an_according_to_account_is_not_read_twice(rules):
    got = found(rules, "According to the poll, 51 percent of voters in Tarnwick said they would back Mayor Vell.")
    assert got == [("according to", "51 percent of voters in Tarnwick said they would back Mayor Vell")], got


def test_a_named_speaker_inside_an_according_to_account_stays(rules):
    attributions = extract(rules, "According to the harbor log, Captain Ilse Marrow said the ferry had left on time.")
    inner = [a for a in attributions if a.cue == "said"]
    assert len(inner) == 1 and inner[0].content == "the ferry had left on time", \
        [(a.cue, a.content, a.speaker) for a in attributions]


def test_a_second_voice_inside_a_plain_statement_stays(rules):
    got = found(rules, "Lina Dorr told the host that Mayor Vell had said the ferry tolls would fall in May.")
    assert ("said", "the ferry tolls would fall in May") in got, got


def test_a_statement_an_according_to_outlet_relays_stays(rules):
    """An outlet's account keeps its relayed statement (the chain `via` reads), as "The Gazette reported that the
    ministry said …" does."""
    attributions = extract(rules, "According to the Harbor Gazette, the ministry said the ferry tolls would fall in "
                                  "May.")
    assert [a.cue.lower() for a in attributions] == ["according to", "said"], \
        [(a.cue, a.content, a.speaker) for a in attributions]
