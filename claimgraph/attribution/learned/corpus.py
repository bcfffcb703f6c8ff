"""Reading PolNeAR (brat standoff) split folders into articles with attribution spans.

A split folder holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`. Spans are character offsets into the
text; a span may be split into fragments (`START END;START END`), and one attribution (`E` line) may name several
Content or Cue spans (`Content2:T9`). Attributions without a source use the `Attribution-no-source` trigger.
Where several annotators worked on an article we read the first one named in metadata.tsv's `annotators` column
(else the first `.ann` by name), the same choice as the reference scorer, so training and scoring agree.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]

# Roles on an E line carry a running number when repeated (Content2, Cue2): strip it to get the role.
_ROLE_NUMBER = re.compile(r"\d+$")
SPAN_LABELS = {"Source", "Cue", "Content", "Attribution", "Attribution-no-source"}


@dataclass(frozen=True)
class PolnearAttribution:
    """One attribution: its content fragments, cue fragments and source fragments (char spans, sorted)."""

    id: str
    content: tuple[Span, ...]
    cue: tuple[Span, ...] = ()
    source: tuple[Span, ...] = ()

    @property
    def has_source(self) -> bool:
        return bool(self.source)


@dataclass
class PolnearArticle:
    """One article's text and the chosen annotator's attributions."""

    name: str
    text: str
    annotator: str | None
    attributions: list[PolnearAttribution] = field(default_factory=list)


def parse_fragments(ranges: str) -> tuple[Span, ...]:
    """`"3 9;12 20"` -> ((3, 9), (12, 20)); raises ValueError on a malformed range."""
    spans = []
    for piece in ranges.split(";"):
        start, end = (int(x) for x in piece.split())
        spans.append((start, end))
    return tuple(spans)


def read_ann(path: Path | str) -> list[PolnearAttribution]:
    """The attributions of one `.ann` file, in file order; attributions without any content are kept (empty)."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            head = parts[1].split(" ", 1)
            if len(head) < 2 or head[0] not in SPAN_LABELS:  # Discuss/Discard are working marks
                continue
            try:
                spans[parts[0]] = (head[0], parse_fragments(head[1]))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles: dict[str, list[str]] = {}
            for item in parts[1].split():
                if ":" in item:
                    role, ref = item.split(":", 1)
                    roles.setdefault(_ROLE_NUMBER.sub("", role), []).append(ref)
            events.append((parts[0], roles))

    out = []
    for event_id, roles in events:
        def fragments(role: str) -> tuple[Span, ...]:
            # References to missing spans (a few E lines point at nothing) are dropped silently.
            return tuple(sorted({seg for ref in roles.get(role, []) if ref in spans for seg in spans[ref][1]}))

        content, cue, source = fragments("Content"), fragments("Cue"), fragments("Source")
        if not (content or cue or source):
            continue
        out.append(PolnearAttribution(event_id, content, cue, source))
    return out


def read_first_annotators(metadata_path: Path | str) -> dict[str, str]:
    """filename -> first annotator id from metadata.tsv (articles with no row are absent)."""
    first: dict[str, str] = {}
    with open(metadata_path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("filename") and row.get("annotators"):
                first[row["filename"]] = row["annotators"].split("|")[0]
    return first


def choose_ann(ann_dir: Path, name: str, first: dict[str, str]) -> Path | None:
    """The .ann file to read for article `name`: the first listed annotator's, else the first by file name."""
    candidates = sorted(p.name for p in ann_dir.glob(f"{name}_*.ann") if p.name[: len(name) + 1] == name + "_")
    wanted = f"{name}_{first.get(name, '')}.ann"
    if wanted in candidates:
        return ann_dir / wanted
    return ann_dir / candidates[0] if candidates else None


def read_polnear_split(split_dir: Path | str, metadata_path: Path | str | None = None) -> list[PolnearArticle]:
    """All annotated articles of one split folder, sorted by name (articles without any .ann are skipped).

    `metadata_path` defaults to `SPLIT_DIR/../metadata.tsv`, where the corpus keeps it.
    """
    split = Path(split_dir)
    meta = Path(metadata_path) if metadata_path else split.parent / "metadata.tsv"
    first = read_first_annotators(meta) if meta.exists() else {}
    ann_dir = split / "attributions"
    articles = []
    for text_path in sorted((split / "text").glob("*.txt")):
        name = text_path.stem
        ann = choose_ann(ann_dir, name, first)
        if ann is None:
            continue
        annotator = ann.stem[len(name) + 1:]
        # Read as the reference scorer does (universal newlines) so that offsets mean the same thing.
        text = text_path.read_text(encoding="utf-8")
        articles.append(PolnearArticle(name, text, annotator, read_ann(ann)))
    return articles
