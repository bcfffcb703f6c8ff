"""Issue 9, round 11: spurious records on FNC-1 bodies from outlets never tuned on (samples A and B, judged in
docs/fnc1_judged.md): the writer's own hedges and questions, and what a video shows, read as someone's statement.
Fictional sentences through the real parse, rules only; each refusal test fails without the rule it names."""

from __future__ import annotations

from tests.conftest import by_cue, extract


def cues(rules, text: str) -> list[str]:
    return [a.cue for a in extract(rules, text)]


def test_what_a_video_shows_is_a_scene_not_a_statement(rules):
    """'went viral after video allegedly showed the teacher …': a picture's scene (`unsaid.scene_shown`)."""
    text = ("The story of teacher Mara Velt went viral after video allegedly showed the 26-year-old dancing on a "
            "table at her school in the town of Quillmoor.\n")
    assert "showed" not in cues(rules, text)


def test_a_video_showing_a_scene_is_not_a_statement(rules):
    """'after video allegedly showing the two dancing leaked': the participle on the noun (`scene_shown`)."""
    text = "The story went viral after video allegedly showing the two dancing on the harbor wall leaked.\n"
    assert "showing" not in cues(rules, text)


def test_what_footage_shows_with_that_is_kept(rules):
    """'the footage shows that the guard was asleep': a finding, with its "that", stays."""
    text = "The footage shows that the guard at the Quillmoor depot was asleep when the van left.\n"
    assert "the guard at the Quillmoor depot was asleep" in by_cue(extract(rules, text), "shows").content


def test_a_seeming_over_a_cue_word_is_not_the_writers_report(rules):
    """'one forum user seems to indicate': the infinitive is a cue word; the writer's 'seems' over it is no
    evidential of its own (`evidential._seems_to_say`)."""
    text = "However, the Zephyr company might have fixed the hinge, one forum user seems to indicate.\n"
    assert "seems" not in cues(rules, text)


def test_a_seeming_foreseen_is_the_writers_forecast(rules):
    """'before they'll seem truly functional': a look foreseen with 'will' (`evidential._seeming_to_come`)."""
    text = ("As a paradigm, smartwatches still have quite a few kinks that need working out before they'll seem "
            "truly functional.\n")
    assert "seem" not in cues(rules, text)


def test_a_seeming_now_stays(rules):
    """'The ferry seems to be late again': the evidential PolNeAR marks stays."""
    text = "The Quillmoor ferry seems to be late again this morning.\n"
    assert "seems" in cues(rules, text)


def test_hard_to_believe_is_the_writers_wonder(rules):
    """'It is almost hard to believe that …' (`unsaid.beyond_belief`)."""
    text = "It is almost hard to believe that the eels of Lake Vorn can get that big!\n"
    assert "believe" not in cues(rules, text)


def test_nothing_to_suggest_is_nobodys_suggestion(rules):
    """'there is nothing to suggest …' (`unsaid.nothing_to_suggest`)."""
    text = "However, there is nothing to suggest the latest incident in Quillmoor is terror related.\n"
    assert "suggest" not in cues(rules, text)


def test_a_question_to_the_reader_is_nobodys_wish(rules):
    """'Would you want to see one in person?' (`unsaid.readers_own`)."""
    text = "The eels of Lake Vorn are not exactly harmless. Would you want to see one of them in person?\n"
    assert "want" not in cues(rules, text)


def test_advice_to_the_reader_is_nobodys_wish(rules):
    """'you might want to avoid the menu' (`unsaid.readers_own`)."""
    text = "If you already use the Zephyr backup feature, you might want to avoid the phone's reset menu.\n"
    assert "want" not in cues(rules, text)


def test_you_inside_a_quote_stays_the_speakers(rules):
    """'“You would want to leave the valley,” Vell said': the speaker's own words, not the writer's aside."""
    text = "“I think you would want to leave the valley before the storm,” Tomas Vell said.\n"
    assert by_cue(extract(rules, text), "said").speaker.name == "Tomas Vell"
