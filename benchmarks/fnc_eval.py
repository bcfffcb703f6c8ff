"""Score the shipped FNC-1 stance model and its baselines on the dev split; prints JSON.

usage: .venv/bin/python benchmarks/fnc_eval.py [DATA_DIR]   (default ../shared/data/fnc1)
Same figures as `claimgraph stance eval --json`; kept as a script for benchmark runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimgraph.claims.stance_model import evaluate
from claimgraph.eval.data import shared_data_dir

if __name__ == "__main__":
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_data_dir("fnc1")
    print(json.dumps(evaluate(data), indent=2))
