"""Readers: each turns one kind of input into `Article` records with the text kept exactly as read.

`read_inputs` walks paths (folders recursively) and yields an `Article` or an `InputError` per input, so that one
bad file never stops a batch. Adding an input format means one reader module and one line in `READERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest.jsonl import read_jsonl_file
from claimgraph.ingest.text import read_text_file
from claimgraph.records import Article

Reader = Callable[[Path, str], "Article | Iterable[Article | InputError]"]

# Suffix -> reader. A reader returns one Article or yields several (Article or InputError).
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
}

# Files a folder walk passes over without complaint (hidden files, our own databases, the gold files of fixtures).
SKIP_SUFFIXES = {".db", ".db-wal", ".db-shm", ".gold.json", ".ann", ".md", ".tsv"}


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz") and len(path.suffixes) > 1:
        return "".join(path.suffixes[-2:]).lower()
    return path.suffix.lower()


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand folders recursively (sorted, so runs are repeatable); name missing paths as errors."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith(".") or any(child.name.lower().endswith(s) for s in SKIP_SUFFIXES):
                    continue
                if _suffix(child) in READERS:
                    yield child
        elif path.exists():
            yield path
        else:
            yield InputError(str(raw), "no such file or folder")


def read_path(path: Path, ref: str | None = None) -> Iterator[Article | InputError]:
    ref = ref or str(path)
    reader = READERS.get(_suffix(path))
    if reader is None:
        yield InputError(ref, f"unknown input type {_suffix(path) or '(no suffix)'}; known: {', '.join(sorted(READERS))}")
        return
    try:
        result = reader(path, ref)
        if isinstance(result, Article):
            yield result
        else:
            yield from result
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(ref, f"cannot read: {exc.strerror or exc}")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Every article under `paths`, or an InputError naming the input that failed."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_path(item)
