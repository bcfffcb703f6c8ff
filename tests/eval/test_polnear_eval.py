"""PolNeAR scoring on a tiny hand-made split: figures computed by hand, equal to the reference scorer, and the CLI.

Nothing here depends on how good claimgraph's extractor is: predictions are written by hand, and the CLI test checks
only the shape of the output and that its figures agree with the reference scorer on its own predictions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.eval.data import shared_data_dir, shared_tools_dir
from claimgraph.eval.polnear import (
    data_hash,
    find_errors,
    group_predictions,
    load_split,
    read_ann,
    score,
)

# --- the tiny split ------------------------------------------------------------------------------------------------

HARBOR = "harbor_2024-05-01_bridge"
TIDE = "tidewater_2024-05-02_ferry"

HARBOR_TEXT = (
    "Bridge to reopen.\n\n"
    "“The bridge will reopen in May,” said Mara Vell, the mayor of Port Ellis.\n\n"
    "Engineers warned that the repairs could take longer, according to a city report.\n\n"
    "The budget was reportedly cut by half.\n\n"
    "Tomas Reyd, a council member, said the budget was “far too small” and that “nobody asked the residents.”\n"
)
TIDE_TEXT = (
    "Ferry fares rise.\n\n"
    "The ferry company said fares would rise by ten percent.\n\n"
    "“We had no choice,” the company’s director, Ilse Marrow, told reporters.\n"
)


def at(text: str, sub: str, after: str = "") -> tuple[int, int]:
    """Character span of `sub`, looked for after the first occurrence of `after`."""
    start = text.index(sub, text.index(after) if after else 0)
    return start, start + len(sub)


class Ann:
    """Writes brat standoff the way PolNeAR does: T spans, an Attribution marker, and an E line tying them."""

    def __init__(self, text: str):
        self.text, self.lines, self.t, self.e = text, [], 0, 0

    def span(self, label: str, *segs: tuple[int, int]) -> str:
        self.t += 1
        rng = ";".join(f"{s} {e}" for s, e in segs)
        self.lines.append(f"T{self.t}\t{label} {rng}\t{' '.join(self.text[s:e] for s, e in segs)}")
        return f"T{self.t}"

    def attribution(self, cue: tuple[int, int], contents: list[list[tuple[int, int]]],
                    source: tuple[int, int] | None = None) -> None:
        marker = self.span("Attribution" if source else "Attribution-no-source", cue)
        roles = [f"{'Attribution' if source else 'Attribution-no-source'}:{marker}"]
        if source:
            roles.append(f"Source:{self.span('Source', source)}")
        roles.append(f"Cue:{self.span('Cue', cue)}")
        for i, segs in enumerate(contents):
            roles.append(f"Content{i + 1 if i else ''}:{self.span('Content', *segs)}")
        self.e += 1
        self.lines.append(f"E{self.e}\t{' '.join(roles)}")

    def write(self, path: Path) -> None:
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")


@pytest.fixture
def split(tmp_path: Path) -> Path:
    """tmp/polnear/{dev/text, dev/attributions, metadata.tsv}: two articles, the second with two annotators."""
    root = tmp_path / "polnear"
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / f"{HARBOR}.txt").write_text(HARBOR_TEXT, encoding="utf-8")
    (root / "dev" / "text" / f"{TIDE}.txt").write_text(TIDE_TEXT, encoding="utf-8")

    h = Ann(HARBOR_TEXT)
    # G1 direct quotation; G2 indirect; G3 no source, content in two fragments; G4 two Content spans.
    h.attribution(at(HARBOR_TEXT, "said"), [[at(HARBOR_TEXT, "“The bridge will reopen in May,”")]],
                  source=at(HARBOR_TEXT, "Mara Vell, the mayor of Port Ellis"))
    h.attribution(at(HARBOR_TEXT, "warned"), [[at(HARBOR_TEXT, "that the repairs could take longer")]],
                  source=at(HARBOR_TEXT, "Engineers"))
    h.attribution(at(HARBOR_TEXT, "reportedly"),
                  [[at(HARBOR_TEXT, "The budget was"), at(HARBOR_TEXT, "cut by half")]])
    h.attribution(at(HARBOR_TEXT, "said", after="Tomas"),
                  [[at(HARBOR_TEXT, "the budget was “far too small”")],
                   [at(HARBOR_TEXT, "that “nobody asked the residents.”")]],
                  source=at(HARBOR_TEXT, "Tomas Reyd, a council member"))
    # Annotators' working marks and broken lines the reader must pass over.
    h.lines += ["T90\tDiscuss 0 6\tBridge", "#1\tAnnotatorNotes T90\tunsure", "E90\tAttribution:T99 Content:T98"]
    h.write(root / "dev" / "attributions" / f"{HARBOR}_aa.ann")

    zz = Ann(TIDE_TEXT)  # the first annotator in metadata.tsv
    zz.attribution(at(TIDE_TEXT, "said"), [[at(TIDE_TEXT, "fares would rise by ten percent")]],
                   source=at(TIDE_TEXT, "The ferry company"))
    zz.attribution(at(TIDE_TEXT, "told"), [[at(TIDE_TEXT, "“We had no choice,”")]],
                   source=at(TIDE_TEXT, "the company’s director, Ilse Marrow"))
    zz.write(root / "dev" / "attributions" / f"{TIDE}_zz.ann")
    aa = Ann(TIDE_TEXT)  # first by name: used only when there is no metadata
    aa.attribution(at(TIDE_TEXT, "said"), [[at(TIDE_TEXT, "fares would rise by ten percent")]],
                   source=at(TIDE_TEXT, "The ferry company"))
    aa.write(root / "dev" / "attributions" / f"{TIDE}_aa.ann")

    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tannotators\tpublisher\n"
        f"dev\t{HARBOR}\taa\tharbor-wire\n"
        f"dev\t{TIDE}\tzz|aa\tTidewater Daily\n", encoding="utf-8")
    return root


def pred(article: str, content: list[tuple[int, int]], source: tuple[int, int] | None = None,
         cue: tuple[int, int] | None = None) -> dict:
    return {"article": f"some/where/{article}.txt", "id": "x", "kind": "direct", "speaker": None,
            "source_span": list(source) if source else None, "cue": None,
            "cue_span": list(cue) if cue else None, "cue_class": "unknown", "content": None,
            "content_spans": [list(s) for s in content], "via": [], "parent": None, "flags": []}


def predictions() -> list[dict]:
    H, T = HARBOR_TEXT, TIDE_TEXT
    return [
        # exact (quote marks and comma differ; words equal), source and cue overlap
        pred(HARBOR, [at(H, "The bridge will reopen in May")], at(H, "Mara Vell"), at(H, "said")),
        # partial (5 of 6 words), wrong source and cue
        pred(HARBOR, [at(H, "the repairs could take longer")], at(H, "a city report"), at(H, "according to")),
        # partial (6 of 7 words), no source where gold has none: source agrees
        pred(HARBOR, [at(H, "The budget was reportedly cut by half")], None, at(H, "reportedly")),
        # 4 words of an 11-word gold content: below half, so a false find, and G4 is a miss
        pred(HARBOR, [at(H, "nobody asked the residents")], at(H, "Tomas Reyd"), at(H, "said", after="Tomas")),
        pred(HARBOR, [at(H, "Bridge to reopen")]),  # false find
        pred(HARBOR, []),  # no content: not counted at all
        pred(HARBOR, [at(H, "“", after="Tomas")]),  # content with no word: not counted either
        pred(TIDE, [at(T, "fares would rise by ten percent")], at(T, "company"), at(T, "said")),  # exact
        pred(TIDE, [at(T, "Ferry fares rise")]),  # false find
        # Two equal predictions of one gold: the reference matches the later one (reverse sort), whose source is
        # wrong; the earlier, right one is then a false find.
        pred(TIDE, [at(T, "We had no choice")], at(T, "Ilse Marrow"), at(T, "told")),
        pred(TIDE, [at(T, "We had no choice")], at(T, "reporters"), at(T, "told")),
        pred("elsewhere_2024-01-01_x", [(0, 5)]),  # an article not in the split: ignored
    ]


# --- hand-computed figures -----------------------------------------------------------------------------------------

def test_reader_handles_fragments_multi_content_and_no_source(split: Path) -> None:
    arts = load_split(split / "dev", split / "metadata.tsv")
    assert [a.name for a in arts] == [HARBOR, TIDE]
    assert arts[0].ann_path.name == f"{HARBOR}_aa.ann" and arts[1].ann_path.name == f"{TIDE}_zz.ann"
    g = read_ann(arts[0].ann_path)
    assert len(g) == 5  # the E line pointing at no span is read with no content, and dropped when scoring
    assert len(g[2].content) == 2 and g[2].source == ()  # fragments; no source
    assert len(g[3].content) == 2  # Content and Content2
    assert [a.publisher for a in arts] == ["harbor-wire", "Tidewater Daily"]
    no_meta = load_split(split / "dev")
    assert no_meta[1].ann_path.name == f"{TIDE}_aa.ann"
    assert [a.publisher for a in no_meta] == ["harbor", "tidewater"]
    assert data_hash(arts) != data_hash(no_meta)  # the chosen .ann is part of the data's identity


def test_figures_by_hand(split: Path) -> None:
    arts = load_split(split / "dev", split / "metadata.tsv")
    s = score(arts, group_predictions(predictions()))
    # gold 6, pred 9; exact: G1, H1, H2 = 3; partial: G1, G2, G3, H1, H2 = 5; sources right: G1, G3, H1 = 3;
    # cues right: G1, G3, H1, H2 = 4.
    assert s.overall.to_json() == {
        "gold": 6, "pred": 9, "content_exact_f1": 0.4,  # 2*3 / (9+6)
        "content_partial_p": 0.5556, "content_partial_r": 0.8333, "content_partial_f1": 0.6667,  # 10/15
        "source_agree": 0.6, "cue_agree": 0.8, "end_to_end_f1": 0.4,  # 6/15
    }
    harbor = s.by_publisher["harbor-wire"].to_json()
    assert (harbor["gold"], harbor["pred"], harbor["content_exact_f1"], harbor["content_partial_p"],
            harbor["content_partial_r"], harbor["source_agree"], harbor["end_to_end_f1"]) == \
        (4, 5, 0.2222, 0.6, 0.75, 0.6667, 0.4444)
    tide = s.by_publisher["Tidewater Daily"].to_json()
    assert (tide["content_exact_f1"], tide["source_agree"], tide["cue_agree"], tide["end_to_end_f1"]) == \
        (0.6667, 0.5, 1.0, 0.3333)

    no_meta = score(load_split(split / "dev"), group_predictions(predictions())).overall.to_json()
    # Annotator aa for the ferry story: gold 5; exact 2, partial 4, sources 3 -> 4/14, 8/14, 6/14.
    assert (no_meta["gold"], no_meta["content_exact_f1"], no_meta["content_partial_f1"],
            no_meta["end_to_end_f1"], no_meta["source_agree"]) == (5, 0.2857, 0.5714, 0.4286, 0.75)


def test_error_report(split: Path) -> None:
    s = score(load_split(split / "dev", split / "metadata.tsv"), group_predictions(predictions()))
    errors = find_errors(s, 2)
    assert [e.content for e in errors["misses"]] == [
        "the budget was “far too small” … that “nobody asked the residents.”"]
    miss = errors["misses"][0]
    assert (miss.size, miss.source, miss.cue) == (11, "Tomas Reyd, a council member", "said")
    assert miss.sentence.startswith("Tomas Reyd") and miss.sentence.endswith("residents.”")
    assert [(e.article, e.content) for e in errors["false_finds"]] == [
        (HARBOR, "nobody asked the residents"), (TIDE, "We had no choice")]
    assert errors["false_finds"][1].source == "Ilse Marrow"


# --- the reference scorer ------------------------------------------------------------------------------------------

def reference_scorer() -> Path | None:
    script = shared_tools_dir("score_polnear.py")
    return script if script.is_file() else None


def run_reference(split_dir: Path, metadata: Path, preds: Path) -> dict:
    script = reference_scorer()
    if script is None:
        pytest.skip("reference scorer absent: no ../shared/tools/score_polnear.py")
    out = subprocess.run([sys.executable, str(script), str(split_dir), str(metadata), str(preds), "--json"],
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_equals_reference_scorer(split: Path, tmp_path: Path) -> None:
    preds = write_jsonl(tmp_path / "preds.jsonl", predictions())
    ours = score(load_split(split / "dev", split / "metadata.tsv"), group_predictions(predictions()))
    assert ours.overall.to_json() == run_reference(split / "dev", split / "metadata.tsv", preds)
    # Without metadata (the reference needs a file: a header alone names no annotator).
    empty = tmp_path / "empty.tsv"
    empty.write_text("compartment\tfilename\tannotators\tpublisher\n", encoding="utf-8")
    ours = score(load_split(split / "dev"), group_predictions(predictions()))
    assert ours.overall.to_json() == run_reference(split / "dev", empty, preds)


def _shared_polnear() -> Path | None:
    polnear = shared_data_dir("polnear")
    return polnear if (polnear / "dev" / "text").is_dir() else None


def test_equals_reference_scorer_on_real_dev(tmp_path: Path) -> None:
    """PolNeAR's own brat files (fragments, Content2, dangling E lines, several annotators) with predictions
    derived from the gold by fixed perturbations: no parsing, so it stays fast."""
    polnear = _shared_polnear()
    if polnear is None:
        pytest.skip("PolNeAR data absent: no ../shared/data/polnear and no $CLAIMGRAPH_SHARED_DATA")
    arts = load_split(polnear / "dev", polnear / "metadata.tsv")
    rows = []
    for a in arts:
        for i, g in enumerate(a.attributions):
            if not g.content or i % 6 == 0:
                continue  # a miss
            content = list(g.content)
            if i % 6 == 2:  # half of the first piece only: partial or nothing
                s, e = content[0]
                content = [(s, s + max(1, (e - s) // 2))]
            source = (min(s for s, _ in g.source), max(e for _, e in g.source)) if g.source else None
            if i % 6 == 3:
                source = None if source else (content[0][0], content[0][0] + 3)
            cue = (g.cue[0][0], g.cue[-1][1]) if g.cue and i % 6 != 4 else None
            rows.append(pred(a.name, content, source, cue))
            if i % 6 == 5:  # a false find beside it
                rows.append(pred(a.name, [(max(0, content[0][0] - 40), content[0][0])]))
    preds = write_jsonl(tmp_path / "dev.jsonl", rows)
    ours = score(arts, group_predictions(rows)).overall.to_json()
    assert ours == run_reference(polnear / "dev", polnear / "metadata.tsv", preds)
    assert 0 < ours["content_partial_f1"] < 1


# --- the command line ----------------------------------------------------------------------------------------------

def test_cli_json_and_errors(split: Path, tmp_path: Path) -> None:
    from claimgraph.cli import cli

    out = tmp_path / "cli_preds.jsonl"
    result = CliRunner().invoke(cli, ["eval", "polnear", "--data", str(split), "--split", "dev", "--format", "json",
                                      "--errors", "2", "--predictions-out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["systems"]) == {"claimgraph", "textacy"}
    assert report["articles"] == 2 and report["words"] > 0
    for system in report["systems"].values():
        assert system["overall"]["gold"] == 6
        assert set(system["by_publisher"]) == {"harbor-wire", "Tidewater Daily"}
        assert system["words_per_second"] > 0
    assert set(report["errors"]) == {"misses", "false_finds"}
    assert len(report["errors"]["misses"]) <= 2 and len(report["errors"]["false_finds"]) <= 2
    # Whatever each system found, its figures are the reference scorer's on its own predictions.
    for name, path in (("claimgraph", out), ("textacy", tmp_path / "cli_preds.textacy.jsonl")):
        assert report["systems"][name]["overall"] == run_reference(split / "dev", split / "metadata.tsv", path)


def test_cli_text_and_missing_folder(split: Path, tmp_path: Path) -> None:
    from claimgraph.cli import cli

    result = CliRunner().invoke(cli, ["eval", "polnear", "--data", str(split), "--no-baseline", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "content_partial_f1" in result.stdout and "harbor-wire" in result.stdout
    result = CliRunner().invoke(cli, ["eval", "polnear", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = CliRunner().invoke(cli, ["eval", "polnear", "--data", str(split), "--split", "test"])
    assert result.exit_code == 2 and "a split holds text/ and attributions/" in result.output
