"""The speaker merge rules, one module used by the store and by Spark (claimgraph.speaker_merge)."""

from claimgraph.records import Speaker
from claimgraph.spark.speakers import merge_speaker
from claimgraph.speaker_merge import display_name, merged_type, preferred, speaker_key


def test_the_strongest_evidence_decides_the_type_in_any_order():
    seen = [("person", 5), ("news_outlet", 1), ("unknown", 3)]
    assert merged_type(seen) == merged_type(seen[::-1]) == "news_outlet"
    assert merged_type([("person", 2), ("organization", 1)]) == "organization"
    assert merged_type([]) is None


def test_preferred_is_the_most_seen_then_the_longest():
    assert preferred([("mayor", 2), ("deputy mayor", 1)]) == "mayor"
    assert preferred([("mayor", 1), ("deputy mayor", 1)]) == "deputy mayor"
    assert preferred([("", 4)]) is None


def test_display_name_is_the_longest_spelling_of_the_full_name_only():
    assert display_name(["Varnholt Admiralty", "VARNHOLT ADMIRALTY,", "Admiralty"], "Varnholt Admiralty") == (
        "VARNHOLT ADMIRALTY,")
    assert display_name(["Ada Quill", "Quill"], "Ada Quill") == "Ada Quill"  # a surname is not a spelling


def test_display_name_drops_the_the_a_sentence_puts_before_a_name():
    # "The Admiralty said" and "the Admiralty said" are one record, named as a list of speakers reads it
    assert display_name(["The Varnholt Admiralty", "Varnholt Admiralty"], "Varnholt Admiralty") == "Varnholt Admiralty"
    assert display_name(["Varnholt Admiralty", "the Varnholt Admiralty"], "The Varnholt Admiralty") == (
        "Varnholt Admiralty")
    assert display_name(["the Varnholt Rhodium Group"], "Varnholt Rhodium Group") == "Varnholt Rhodium Group"
    # before a lower-case word the article is a description's: "the harbor board" keeps it
    assert display_name(["the harbor board"], "harbor board") == "the harbor board"


def test_an_anonymous_source_is_keyed_to_its_article():
    officials = Speaker("officials", "anonymous")
    assert speaker_key(officials, "a1") != speaker_key(officials, "a2")
    assert speaker_key(Speaker("The Varnholt Ministry", "organization"), "a1") == speaker_key(
        Speaker("Varnholt Ministry", "person"), "a2")


def test_spark_merges_a_key_with_the_same_rules():
    rows = [{"article_id": "a1", "speaker": {"name": "Varnholt Herald", "type": "person", "role": None,
                                              "affiliation": None}, "speaker_aliases": ["Herald"]},
            {"article_id": "a2", "speaker": {"name": "The Varnholt Herald", "type": "news_outlet", "role": None,
                                              "affiliation": None}, "speaker_aliases": []},
            {"article_id": "a3", "speaker": {"name": "Varnholt Herald", "type": "organization", "role": None,
                                              "affiliation": None}, "speaker_aliases": []}]
    merged = merge_speaker("varnholt herald", rows)
    assert merged["type"] == "news_outlet"
    assert merged["name"] == "Varnholt Herald"  # as the store names it: the sentence's "The" is not the name's
    assert merged["aliases"] == ["Herald", "The Varnholt Herald"]
    assert (merged["statements"], merged["articles"]) == (3, 3)


def test_a_mastheads_the_stays_but_a_sentences_the_goes(tmp_path, monkeypatch):
    # "The Hill", "The Economist" are names with their "The" (the shipped outlet list writes them so); "the Pentagon"
    # and "the Varnholt Admiralty" take theirs from the sentence.
    assert display_name(["The Hill", "Hill"], "Hill") == "The Hill"
    assert display_name(["the Economist"], "Economist") == "The Economist"
    assert display_name(["Hill"], "Hill") == "Hill"   # never written with it: as written
    assert display_name(["The Pentagon", "Pentagon"], "Pentagon") == "Pentagon"
    # A user's outlet file names a fictional masthead the same way.
    outlets = tmp_path / "outlets.txt"
    outlets.write_text("The Varnholt Clarion\n", encoding="utf-8")
    assert display_name(["The Varnholt Clarion"], "Varnholt Clarion") == "Varnholt Clarion"
    monkeypatch.setenv("CLAIMGRAPH_OUTLETS", str(outlets))
    assert display_name(["The Varnholt Clarion"], "Varnholt Clarion") == "The Varnholt Clarion"
