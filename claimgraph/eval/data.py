"""Where the shared benchmark data and reference scorers live: one answer for the CLI, the gate, tests and benchmarks.

The data is third-party and is never copied into the repository or the package: it is read where it lives, a
folder `shared/` holding `data/` (polnear/, fnc1/, emergent/, realweb/) and `tools/` (the reference scorers).

* `$CLAIMGRAPH_SHARED_DATA`, where set, names `shared/data` (the tools sit beside it, in `shared/tools`);
* else `shared/` beside the source checkout this package runs from (`../shared` of the repository);
* else `../shared` of the working folder (an installed package, run from inside a checkout's neighbour).

Nothing here checks that the folder exists: callers say what is missing (a test skips, or fails in CI).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "CLAIMGRAPH_SHARED_DATA"
_CHECKOUT = Path(__file__).resolve().parents[2]   # the repository, when the package runs from its source tree


def shared_dir() -> Path:
    """The shared folder (holding data/ and tools/)."""
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser().resolve().parent
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "claimgraph").is_dir():
        return _CHECKOUT.parent / "shared"
    return Path.cwd().parent / "shared"


def shared_data_dir(*parts: str) -> Path:
    """`shared/data`, or a path inside it: `shared_data_dir("fnc1")`, `shared_data_dir("polnear", "dev")`."""
    return shared_dir().joinpath("data", *parts)


def shared_tools_dir(*parts: str) -> Path:
    """`shared/tools`, or a path inside it: `shared_tools_dir("score_fnc.py")`."""
    return shared_dir().joinpath("tools", *parts)
