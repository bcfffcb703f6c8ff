"""Train the attribution tagger on PolNeAR (CPU, one process).

    python -m claimgraph.attribution.learned.train --data /work/shared/data/polnear \
        --out claimgraph/data/models/attribution_tagger

Steps: parse train and dev once with the frozen runtime pipeline (cached as DocBin under --cache, outside the
repository; the corpus never enters it), project the gold spans onto BIO labels, train only the new component
on the parsed docs, score dev with the reference scorer after each epoch and keep the best epoch. What is saved
is the component alone (weights, labels, its config), a few MB; `load_tagger` adds it to a loaded pipeline.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import Adam, Config

from claimgraph.attribution.learned.bio import LABELS, spans_to_tags
from claimgraph.attribution.learned.group import candidates_from_doc
from claimgraph.attribution.learned.model import DEFAULT_MODEL_CONFIG, LEXDROP_EMBED, AttributionTagger
from claimgraph.attribution.learned.stack import attach
from claimgraph.attribution.learned.viterbi import estimate_transitions, save_transitions
from claimgraph.eval.polnear import GoldArticle as PolnearArticle
from claimgraph.eval.polnear import load_split
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline

COMPONENT = "attribution_tagger"
FACTORY = "claimgraph_attribution_tagger"
DEFAULT_WEIGHT = 0.5  # transition weight used while training (dev-tuned on early runs)
WEIGHT_GRID = (0.15, 0.3, 0.5, 0.7)  # transition weights tried after training ...
O_BIAS_GRID = (0.0,)  # ... with these O penalties (viterbi.py; 0.5 and 1.0 lowered dev F1 by 0.3-2 points)
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "claimgraph_polnear_cache"


def parse_split(nlp: Language, articles: list[PolnearArticle], cache: Path | None) -> list[Doc]:
    """The frozen pipeline's parses of the articles, from the cache when it matches (same names, same texts)."""
    digest = hashlib.sha1("\n".join(a.name for a in articles).encode("utf-8")).hexdigest()[:12]
    key = f"{len(articles)}_{digest}.spacy"
    path = cache / key if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def gold_spans(article: PolnearArticle) -> list[tuple[str, tuple[int, int]]]:
    out = []
    for attr in article.attributions:
        out += [("CONTENT", s) for s in attr.content]
        out += [("CUE", s) for s in attr.cue]
        out += [("SOURCE", s) for s in attr.source]
    return out


def attach_rules(docs: list[Doc]) -> None:
    """The rules' finds onto each parsed Doc as a stacked tagger reads them (stack.py): the same `rule_finds` call
    over the same parse as the attributions component makes before it tags."""
    from claimgraph.attribution import rule_finds
    from claimgraph.attribution.found import TEXT_KEY

    for doc in docs:
        doc.user_data[TEXT_KEY] = doc.text
        try:
            attach(doc, rule_finds(doc))
        finally:
            doc.user_data.pop(TEXT_KEY, None)


def make_examples(docs: list[Doc], articles: list[PolnearArticle], stack: bool = False) -> list[Example]:
    """Example(parsed doc as features, same tokens with BIO labels in `tag_` as the reference); with `stack`, the
    parsed docs carry the rules' finds (`attach_rules`)."""
    if stack:
        attach_rules(docs)
    examples = []
    for doc, article in zip(docs, articles):
        tags = spans_to_tags(doc, gold_spans(article))
        ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags)
        examples.append(Example(doc, ref))
    return examples


def load_scorer(data_dir: Path) -> Any | None:
    """The reference scorer module (shared/tools/score_polnear.py next to the data), or None where absent."""
    path = data_dir.parent.parent / "tools" / "score_polnear.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_polnear", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def write_predictions(path: Path, split_dir: Path, articles: list[PolnearArticle], docs: list[Doc]) -> int:
    """JSON Lines predictions in the scorer's format from docs the component has annotated."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for article, doc in zip(articles, docs):
            for cand in candidates_from_doc(doc):
                out.write(json.dumps({
                    "article": str(split_dir / "text" / f"{article.name}.txt"),
                    "content_spans": [list(s) for s in cand.content_spans],
                    "cue_span": list(cand.cue_span) if cand.cue_span else None,
                    "source_span": list(cand.source_span) if cand.source_span else None,
                    "confidence": round(cand.confidence, 4),
                    "method": "learned",
                }) + "\n")
                n += 1
    return n


def evaluate(component: AttributionTagger, docs: list[Doc], articles: list[PolnearArticle], data_dir: Path,
             scorer: Any | None) -> dict[str, float]:
    """Annotate the docs; dev figures from the reference scorer ({} where the scorer is absent)."""
    for doc, scores in zip(docs, _predict(component, docs)):
        component.set_annotations([doc], [scores])
    if scorer is None:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "dev.jsonl"
        write_predictions(pred, data_dir / "dev", articles, docs)
        return scorer.score(str(data_dir / "dev"), str(data_dir / "metadata.tsv"), str(pred))


def _predict(component: AttributionTagger, docs: list[Doc], batch: int = 16) -> list[Any]:
    out = []
    for i in range(0, len(docs), batch):
        out += component.predict(docs[i:i + batch])
    return out


def save_component(nlp: Language, out: Path, meta: dict[str, Any], name: str = COMPONENT) -> None:
    """The component alone: weights and labels (no vocab: features are hashes) plus its config and meta."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    nlp.get_pipe(name).to_disk(out / "component", exclude=["vocab"])
    config = nlp.config["components"][name].copy()
    (out / "config.json").write_text(json.dumps({"factory": FACTORY, "config": _plain(config)}, indent=1))
    (out / "meta.json").write_text(json.dumps(meta, indent=1))
    (out / "README.md").write_text(MODEL_README)


MODEL_README = """# attribution_tagger

BIO tagger (SOURCE / CUE / CONTENT) for `claimgraph.attribution.learned`, trained on the PolNeAR train split
(first annotator per article) by

    python -m claimgraph.attribution.learned.train --data PATH/polnear --out claimgraph/data/models/attribution_tagger

- `component/`: the spaCy component's weights and labels (no vocab: features are hashed);
- `config.json`: its factory and model config; `transitions.json`: role transitions and weight for decoding;
- `meta.json`: the chosen epoch, dev figures from the reference scorer, settings and training time.
No corpus text is stored here.
"""


def _plain(config: Any) -> Any:
    """Config sections -> plain dicts for JSON (spaCy's Config is a dict subclass with extras)."""
    if isinstance(config, dict):
        return {k: _plain(v) for k, v in config.items() if k != "factory"}
    return config


def train(data_dir: str | Path, out: str | Path, epochs: int = 7, batch_words: int = 1500, dropout: float = 0.1,
          learn_rate: float = 0.001, seed: int = 0, cache: str | Path | None = DEFAULT_CACHE,
          max_minutes: float = 45.0, model: str = DEFAULT_MODEL, window_size: int = 3, depth: int = 4,
          lex_drop: float = 0.0, stack: bool = False, log=print) -> dict[str, Any]:
    """Train, keep the epoch with the best dev end-to-end F1 (content partial F1 breaks ties), save to `out`."""
    started = time.time()
    data_dir, out = Path(data_dir), Path(out)
    # A stacked tagger reads the rules' finds, so its examples are parsed as the runtime parses (load_pipeline:
    # dash infix, line-break boundaries), in a cache of their own.
    nlp = load_pipeline(model) if stack else spacy.load(model)
    if stack and cache:
        cache = Path(cache) / "runtime"
    train_articles = load_split(data_dir / "train", data_dir / "metadata.tsv")
    dev_articles = load_split(data_dir / "dev", data_dir / "metadata.tsv")
    train_docs = parse_split(nlp, train_articles, Path(cache) if cache else None)
    dev_docs = parse_split(nlp, dev_articles, Path(cache) if cache else None)
    log(f"parsed {len(train_docs)} train / {len(dev_docs)} dev docs in {time.time() - started:.0f}s")
    examples = make_examples(train_docs, train_articles, stack=stack)
    if stack:
        attach_rules(dev_docs)  # dev is scored with the rules' finds as input, as at run time
    component, transitions = new_component(nlp, examples, window_size, depth, lex_drop=lex_drop, stack=stack)
    scorer = load_scorer(data_dir)

    def score_dev(epoch: int) -> tuple[float, float]:
        figures = evaluate(component, dev_docs, dev_articles, data_dir, scorer)
        log(f"epoch {epoch} {time.time() - started:.0f}s {figures}")
        return figures.get("end_to_end_f1", 0.0), figures.get("content_partial_f1", 0.0)

    settings = {"epochs": epochs, "batch_words": batch_words, "dropout": dropout, "learn_rate": learn_rate,
                "seed": seed, "window_size": window_size, "depth": depth, "lex_drop": lex_drop, "stack": stack}
    best_epoch = fit(component, examples, epochs=epochs, batch_words=batch_words, dropout=dropout,
                     learn_rate=learn_rate, seed=seed, deadline=started + max_minutes * 60, score=score_dev,
                     log=log)
    weight, o_bias, figures = DEFAULT_WEIGHT, 0.0, {}
    if scorer is not None:  # the decoding settings that read the kept weights best on dev
        weight, o_bias, figures = tune_decoding(component, transitions, dev_docs, dev_articles, data_dir, scorer,
                                                log)
    meta = {"epoch": best_epoch, "dev": figures, "train_seconds": round(time.time() - started),
            "train_articles": len(train_articles), "base_pipeline": model, "labels": list(LABELS),
            "decoding": {"weight": weight, "o_bias": o_bias}, "settings": settings}
    save_model(nlp, out, transitions, weight, o_bias, meta)
    log(f"best epoch {meta['epoch']}: {meta['dev']}; {meta['train_seconds']}s in all")
    return meta


def new_component(nlp: Language, examples: list[Example], window_size: int = 3, depth: int = 4,
                  name: str = COMPONENT, lex_drop: float = 0.0, stack: bool = False) -> tuple[AttributionTagger, Any]:
    """An untrained tagger added to `nlp`, and the role transitions of the gold labels (see viterbi.py); with
    `lex_drop`, the word and affix embeddings lose a token's vector at that rate while training
    (model.py `build_lexdrop_hash_embed`); with `stack`, it reads the rules' finds too (stack.py; the examples'
    docs must carry them, `make_examples(..., stack=True)`)."""
    transitions = estimate_transitions([ref.tag_ for ref, tok in zip(eg.reference, eg.predicted) if not tok.is_space]
                                       for eg in examples)
    encoder = {"window_size": window_size, "depth": depth}  # the CNN's reach: +-window_size*depth tokens
    tok2vec: dict[str, Any] = {"encode": encoder}
    if stack:  # a promise of another architecture replaces the whole section: give all of it
        default = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]["tok2vec"]
        tok2vec = {**default, "@architectures": "claimgraph.StackedTok2Vec.v1",
                   "encode": {**default["encode"], **encoder}}
    if lex_drop > 0:
        embed = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]["tok2vec"]["embed"]
        tok2vec["embed"] = {**LEXDROP_EMBED, "width": embed["width"], "attrs": embed["attrs"], "rows": embed["rows"],
                            "rate": lex_drop}
    component = nlp.add_pipe(FACTORY, name=name, config={"model": {"tok2vec": tok2vec}})
    component.initialize(lambda: examples[:100], nlp=nlp, labels=list(LABELS))
    component.transitions = (transitions, DEFAULT_WEIGHT, 0.0)
    return component, transitions


def fit(component: AttributionTagger, examples: list[Example], *, epochs: int, batch_words: int = 1500,
        dropout: float = 0.1, learn_rate: float = 0.001, seed: int = 0, deadline: float | None = None,
        score=None, log=print) -> int:
    """Train for `epochs` (or until `deadline`, a time.time() value); the component ends with the averaged weights
    of the epoch `score(epoch)` rates best (the last epoch where `score` is None). Returns that epoch."""
    random.seed(seed)
    examples = list(examples)
    optimizer = Adam(learn_rate)
    best: dict[str, Any] = {"key": None, "epoch": 0, "weights": None}
    for epoch in range(1, epochs + 1):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=_words_per_batch(batch_words)):
            component.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        with component.model.use_params(optimizer.averages):  # evaluate/keep the averaged weights
            key = score(epoch) if score is not None else (epoch,)
            if best["key"] is None or key > best["key"]:
                best = {"key": key, "epoch": epoch, "weights": component.model.to_bytes()}
        log(f"epoch {epoch} loss {losses.get(component.name, 0):.0f}")
        if deadline is not None and time.time() > deadline:
            log(f"stopping after epoch {epoch}: time limit")
            break
    component.model.from_bytes(best["weights"])
    return best["epoch"]


def save_model(nlp: Language, out: Path, transitions: Any, weight: float, o_bias: float,
               meta: dict[str, Any], name: str = COMPONENT) -> None:
    """The component's folder as `load_tagger` reads it: weights, config, transitions, meta."""
    nlp.get_pipe(name).transitions = (transitions, weight, o_bias)
    save_component(nlp, out, meta, name=name)
    save_transitions(out / "transitions.json", transitions, weight, o_bias)


def tune_decoding(component: AttributionTagger, transitions: Any, docs: list[Doc],
                  articles: list[PolnearArticle], data_dir: Path, scorer: Any,
                  log=print) -> tuple[float, float, dict[str, float]]:
    """The (weight, o_bias) with the best dev end-to-end F1 (then partial content F1), and its figures."""
    scores = _predict(component, docs)
    best_key, best = (-1.0, -1.0), (DEFAULT_WEIGHT, 0.0, {})
    for weight in WEIGHT_GRID:
        for o_bias in O_BIAS_GRID:
            component.transitions = (transitions, weight, o_bias)
            component.set_annotations(docs, scores)
            with tempfile.TemporaryDirectory() as tmp:
                pred = Path(tmp) / "dev.jsonl"
                write_predictions(pred, data_dir / "dev", articles, docs)
                figures = scorer.score(str(data_dir / "dev"), str(data_dir / "metadata.tsv"), str(pred))
            log(f"decoding weight {weight} o_bias {o_bias}: {figures}")
            key = (figures["end_to_end_f1"], figures["content_partial_f1"])
            if key > best_key:
                best_key, best = key, (weight, o_bias, figures)
    return best


def _words_per_batch(limit: int):
    """A minibatch size schedule in examples: articles average ~750 words, so aim for `limit` words per batch."""
    size = max(1, limit // 750)
    while True:
        yield size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="the polnear folder (train/, dev/, metadata.tsv)")
    parser.add_argument("--out", default="claimgraph/data/models/attribution_tagger")
    parser.add_argument("--epochs", type=int, default=7)
    parser.add_argument("--batch-words", type=int, default=1500)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="where parsed docs are cached ('' for none)")
    parser.add_argument("--max-minutes", type=float, default=45.0)
    parser.add_argument("--window-size", type=int, default=3, help="CNN window per layer (reach = window x depth)")
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--lex-drop", type=float, default=0.0,
                        help="drop a token's word/affix embedding at this rate while training (0: none)")
    parser.add_argument("--stack", action="store_true",
                        help="the rules' finds as an input of the tagger (stack.py)")
    args = parser.parse_args(argv)
    train(args.data, args.out, epochs=args.epochs, batch_words=args.batch_words, dropout=args.dropout,
          learn_rate=args.learn_rate, seed=args.seed, cache=args.cache or None, max_minutes=args.max_minutes,
          window_size=args.window_size, depth=args.depth, lex_drop=args.lex_drop, stack=args.stack)


if __name__ == "__main__":
    main()
