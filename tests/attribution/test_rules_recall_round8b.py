"""Rules of the eighth PolNeAR recall round (H5): what a speaker's words were about ("…, Vell said, referring to the
farm voters", "Marr spoke about the levy", "Vell was asked about the levy": `speech.topic_of_talk`), a title line
that names whom its source spoke to ("Vell to harbor board: …", `according.title_line`) and the paragraph a cue
introduces with a colon ("she said:" over the words below, `missing._next_paragraph`). Fictional text through the
real parse, rules only; each positive case fails without its rule, the negative ones are similar sentences the rule
must not take."""

from __future__ import annotations

from tests.conftest import extract


def _finds(found: list, text: str) -> list[tuple[str | None, str | None, str]]:
    """(cue, source, content) of each find, as text."""
    return [(a.cue, text[a.source_span[0]:a.source_span[1]] if a.source_span else None,
             " … ".join(text[s:e] for s, e in a.content_spans)) for a in found]


def _with_cue(found: list, text: str, cue: str) -> list[tuple[str | None, str | None, str]]:
    return [f for f in _finds(found, text) if f[0] == cue]


def test_referring_to_after_a_quote_gives_what_the_words_were_about(rules):
    text = "“We have to wake up the valley,” Tomas Brand said, referring to the farm voters of Quillmoor.\n"
    assert _with_cue(extract(rules, text), text, "referring to") == [
        ("referring to", "Tomas Brand", "the farm voters of Quillmoor")]


def test_referring_to_a_name_leaves_out_its_description(rules):
    # PolNeAR's content is the name, not "Mira Dunn, her chief of staff at the time"
    text = "“She called me first,” Ansel Vell said, referring to Mira Dunn, her chief of staff at the time.\n"
    assert _with_cue(extract(rules, text), text, "referring to") == [("referring to", "Ansel Vell", "Mira Dunn")]


def test_referring_to_without_a_speech_verb_is_no_attribution(rules):
    text = "Tomas Brand walked north through the valley, referring to the old map of Quillmoor.\n"
    assert _with_cue(extract(rules, text), text, "referring to") == []


def test_spoke_about_gives_the_topic_of_the_talk(rules):
    text = "At the fair on Saturday, Ansel Marr spoke about the harbor levy and its costs for families.\n"
    assert _with_cue(extract(rules, text), text, "spoke about") == [
        ("spoke about", "Ansel Marr", "the harbor levy and its costs for families")]


def test_speaking_about_in_an_idiom_with_it_is_nobody_talking(rules):
    text = "When it comes to speaking about the harbor levy, the board of Quillmoor stays quiet.\n"
    assert _with_cue(extract(rules, text), text, "speaking about") == []


def test_was_asked_about_gives_the_question_s_topic_without_an_asker(rules):
    text = "At a town hall in Quillmoor last week, Mayor Vell was asked about the harbor levy and its cost.\n"
    assert _with_cue(extract(rules, text), text, "asked about") == [
        ("asked about", None, "the harbor levy and its cost")]


def test_asked_with_a_clause_is_left_to_the_question_reader(rules):
    # "was asked whether …": the question itself is the content, not a topic phrase
    text = "Mayor Vell was asked at the town hall whether the harbor levy would rise in May.\n"
    assert _with_cue(extract(rules, text), text, "asked about") == []


def test_a_title_line_naming_whom_its_source_spoke_to(rules):
    text = ("Vell to harbor board: Fares will rise again in May.\n\n"
            "QUILLMOOR — Mayor Ansel Vell told the harbor board on Monday that fares would rise.\n")
    assert _with_cue(extract(rules, text), text, ":") == [(":", "Vell", "Fares will rise again in May")]


def test_a_title_line_whose_words_before_the_colon_name_nobody(rules):
    text = ("A Quiet Plan to Save the Harbor: Buy Boats, Sell Nets.\n\n"
            "QUILLMOOR — The harbor board met on Monday and talked about fares.\n")
    assert _with_cue(extract(rules, text), text, ":") == []


PARAGRAPH = ("Quillmoor mayor backs levy\n\n"
             "Mayor Ansel Vell did not mince words about the harbor levy. In a speech last July, she said:\n\n"
             "Let no one be mistaken, the harbor levy is a tax on every family in Quillmoor, and it must go.\n\n"
             "The board meets again in May.\n")


def test_a_cue_closing_its_paragraph_with_a_colon_introduces_the_next(rules):
    assert _with_cue(extract(rules, PARAGRAPH), PARAGRAPH, "said") == [
        ("said", "she",
         "Let no one be mistaken, the harbor levy is a tax on every family in Quillmoor, and it must go")]


def test_a_colon_followed_by_words_on_its_own_line_is_left_to_the_parse(rules):
    # the words after the colon are the parse's content, not the paragraph below
    text = PARAGRAPH.replace("she said:\n\nLet", "she said: let")
    found = _with_cue(extract(rules, text), text, "said")
    assert found and all("board meets" not in content for _, _, content in found)
