"""Extraction speed against the raw spaCy parse, in one run over the same texts.

usage: python benchmarks/speed.py [--data DIR] [--limit N] [--processes N] [--model NAME]

"Raw parse" is `spacy.load(model)` with all its components (tok2vec, tagger, parser, attribute_ruler, lemmatizer,
ner) over the texts; "extract" is claimgraph's whole `extract` (the same components plus the line-break
boundary component and the tokenizer's dash rule, then the attribution rules, speakers and the learned tagger
where installed). Texts: PolNeAR dev (../shared/data/polnear/dev/text) when present, else the bundled examples.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from claimgraph.nlp import DEFAULT_MODEL
from claimgraph.pipeline import Extractor
from claimgraph.records import Article

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "polnear" / "dev" / "text"


def load_texts(data: Path, limit: int | None) -> list[str]:
    if data.is_dir():
        files = sorted(data.glob("*.txt"))
    else:
        files = sorted((HERE.parent / "examples").glob("*.txt")) * 20
    texts = [f.read_text(encoding="utf-8") for f in files]
    return texts[:limit] if limit else texts


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--repeat", type=int, default=2, help="Alternate the two runs this many times; best kept.")
    args = parser.parse_args()

    texts = load_texts(args.data, args.limit)
    words = sum(len(t.split()) for t in texts)
    raw_nlp = spacy.load(args.model)
    extractor = Extractor(model=args.model)
    articles = [Article(ref=str(i), text=t) for i, t in enumerate(texts)]
    # Warm both up (first-call allocations), then alternate runs so machine noise hits both alike.
    list(raw_nlp.pipe(texts[:2]))
    list(extractor.extract_many(articles[:2]))
    raw, full = [], []
    for _ in range(args.repeat):
        raw.append(timed(lambda: list(raw_nlp.pipe(texts, n_process=args.processes, batch_size=16))))
        full.append(timed(lambda: list(extractor.extract_many(articles, n_process=args.processes))))
    raw_s, full_s = min(raw), min(full)
    print(f"{len(texts)} articles, {words} words, {args.processes} process(es), model {args.model}")
    print(f"{'':22}{'articles/s':>12}{'words/s':>12}{'seconds':>10}")
    print(f"{'raw spaCy parse':22}{len(texts) / raw_s:12.1f}{words / raw_s:12.0f}{raw_s:10.2f}")
    print(f"{'claimgraph extract':22}{len(texts) / full_s:12.1f}{words / full_s:12.0f}{full_s:10.2f}")
    print(f"ratio extract/raw (speed): {raw_s / full_s:.3f}")


if __name__ == "__main__":
    main()
