"""Start-up time of the command line: `claimgraph --help` and `--version`, whole process, against a baseline tree.

The baseline is the package as it was at a git revision (default e4b8400, before the command line imported its
libraries lazily), unpacked into a temporary folder and run with the same interpreter; runs alternate so that load
on the machine falls on both alike. Prints the median of N runs of each, and the modules `import claimgraph.cli`
loads that a `--help` does not need.

    .venv/bin/python benchmarks/cli_startup.py [--baseline-rev REV] [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "sklearn", "trafilatura", "sqlalchemy", "numpy", "datasketch", "networkx")
RUN = "from claimgraph.cli import main; main()"


def unpack(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "claimgraph"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def seconds(tree: Path, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    # Run from the tree itself: `python -c` puts the working folder first on sys.path.
    subprocess.run([sys.executable, "-c", RUN, *args], env=env, cwd=tree, check=True, capture_output=True)
    return time.perf_counter() - started


def heavy_modules(tree: Path) -> list[str]:
    code = f"import sys, claimgraph.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(tree)}, cwd=tree,
                         check=True, capture_output=True, text=True).stdout.strip()
    return out.split(",") if out else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-rev", default="e4b8400")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {f"baseline {args.baseline_rev}": unpack(args.baseline_rev, Path(tmp)), "working tree": REPO}
        print(f"{'':24}" + "".join(f"{name:>22}" for name in trees))
        for flag in ("--help", "--version"):
            times: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(args.runs):
                for name, tree in trees.items():
                    times[name].append(seconds(tree, flag))
            print(f"claimgraph {flag:<13}" + "".join(f"{statistics.median(t):>21.2f}s" for t in times.values()))
        for name, tree in trees.items():
            print(f"{name}: `import claimgraph.cli` loads {', '.join(heavy_modules(tree)) or 'none of'} "
                  f"({', '.join(HEAVY)})")
    print(f"(median of {args.runs} whole-process runs each, alternating; {sys.executable})")


if __name__ == "__main__":
    main()
