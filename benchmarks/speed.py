"""Extraction speed against the raw spaCy parse, in one run over the same texts.

usage: python benchmarks/speed.py [--data DIR] [--limit N] [--processes N] [--model NAME]

"Raw parse" is `spacy.load(model)` with all its components (tok2vec, tagger, parser, attribute_ruler, lemmatizer,
ner) over the texts; "extract" is claimgraph's whole `extract` (the same components plus the line-break
boundary component and the tokenizer's dash rule, then the learned tagger component, the attribution rules and
speakers); "--rules-only" leaves the tagger out. Nothing is disabled in either. Texts: PolNeAR dev (../shared/data/polnear/dev/text) when present, else the bundled examples.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from claimgraph.nlp import DEFAULT_MODEL
from claimgraph.pipeline import Extractor
from claimgraph.records import Article

from claimgraph.eval.data import shared_data_dir

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = shared_data_dir("polnear", "dev", "text")


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
    rules_only = Extractor(model=args.model, learned=False)
    articles = [Article(ref=str(i), text=t) for i, t in enumerate(texts)]
    runs = {
        "raw spaCy parse": lambda: list(raw_nlp.pipe(texts, n_process=args.processes, batch_size=16)),
        "extract (rules+tagger)": lambda: list(extractor.extract_many(articles, n_process=args.processes)),
        "extract --rules-only": lambda: list(rules_only.extract_many(articles, n_process=args.processes)),
    }
    # Warm each up (first-call allocations), then alternate the runs so machine noise hits all alike.
    list(raw_nlp.pipe(texts[:2]))
    list(extractor.extract_many(articles[:2]))
    list(rules_only.extract_many(articles[:2]))
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():
            seconds[name].append(timed(run))
    raw_s = min(seconds["raw spaCy parse"])
    print(f"{len(texts)} articles, {words} words, {args.processes} process(es), model {args.model}")
    print(f"{'':24}{'articles/s':>12}{'words/s':>12}{'seconds':>10}{'vs raw':>9}")
    for name, times in seconds.items():
        best = min(times)
        print(f"{name:24}{len(texts) / best:12.1f}{words / best:12.0f}{best:10.2f}{raw_s / best:9.3f}")


if __name__ == "__main__":
    main()
