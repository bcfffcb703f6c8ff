"""Every third-party module that claimgraph imports is declared in pyproject.toml (dependencies or an extra).

A dependency that arrives only through another package (networkx through textacy, scipy through scikit-learn)
breaks the day that package drops it or moves to an extra; declaring what is imported directly is the rule.
Imports are read from the source with `ast` (nothing is imported), mapped to their distributions through the
installed metadata, and compared with the requirement names in pyproject.toml.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "claimgraph"


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement string ("psycopg[binary]>=3.1" -> "psycopg")."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)).lower()


def declared() -> dict[str, set[str]]:
    """Normalised requirement names by group: "default" and each extra."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"default": {_name(r) for r in project["dependencies"]}}
    for extra, requirements in project.get("optional-dependencies", {}).items():
        groups[extra] = {_name(r) for r in requirements}
    return groups


def imported_modules() -> dict[str, set[str]]:
    """Top-level third-party modules imported anywhere in claimgraph/, with the files importing each."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "claimgraph" and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def test_every_imported_module_is_declared() -> None:
    groups = declared()
    everything = set().union(*groups.values())
    providers = packages_distributions()
    undeclared = []
    for module, files in sorted(imported_modules().items()):
        dists = {_name(d) for d in providers.get(module, [])}
        if not dists & everything:
            undeclared.append(f"{module} (from {', '.join(sorted(dists)) or 'no installed distribution'}; "
                              f"imported by {', '.join(sorted(files))})")
    assert not undeclared, "imported but not declared in pyproject.toml: " + "; ".join(undeclared)


def test_the_evaluation_baseline_is_an_extra_not_a_default() -> None:
    groups = declared()
    assert "textacy" in groups["eval"] and "textacy" not in groups["default"]
    assert "torch" not in groups["default"]
