"""What several claims tests read: the claims of several statements that link-claims' grouping makes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimgraph.claims.grouping import group_statements


def joined(texts: Sequence[str], sources: Sequence[Any] | None = None) -> list[list[int]]:
    """The claims of more than one statement that `group_statements` makes of `texts` (`sources`: each one's
    article), each as the sorted positions of its statements, in order."""
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(group_statements(texts, sources=sources).tolist()):
        groups.setdefault(label, []).append(i)
    return sorted(g for g in groups.values() if len(g) > 1)
