"""Leave-one-publisher-out: does the learned tagger's precision hold on publishers it never saw?

    .venv/bin/python benchmarks/lopo.py train [--data /work/shared/data/polnear] [--out runs/lopo]   # slow, once
    .venv/bin/python benchmarks/lopo.py score [--out runs/lopo]                                       # minutes

`train` parses PolNeAR train+dev once with the runtime pipeline (`load_pipeline`, as `extract` parses), then for
each of the 7 publishers trains a tagger on the other six and saves it under OUT/models/PUBLISHER; an "in-domain"
model with the same budget is trained on the train split (all publishers) and scored on dev. The budget is reduced
and the same for every model (BUDGET below: articles per publisher, epochs), so that the whole table fits a
session on a shared 2-core machine; the shipped tagger (7 epochs on all 840 train articles) is stronger.

`score` runs the current extraction code (the claimgraph_attributions component: rules, the tagger over its
windows, the gate) over each held-out publisher with that fold's tagger, and prints per publisher: rules-only and rules + tagger (content partial F1 / end-to-end F1 from
`claimgraph.eval.polnear`, which equals the reference scorer), and the precision of the tagger's additions by kind
(quoted: direct or mixed; indirect: indirect or according_to) beside the rules' own precision, both with the
shipped gate and with no gate (every addition the tagger makes that the rules did not). Re-run `score` after a
gating change; the models stay.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

from claimgraph.eval.data import shared_data_dir
from claimgraph.eval.polnear import GoldArticle, load_split, score_article
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline

BUDGET = {"articles_per_publisher": 60, "epochs": 2, "seed": 0}
IN_DOMAIN = "in-domain"


def log(msg: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {msg}", flush=True)


def load_corpus(data: Path) -> list[GoldArticle]:
    meta = data / "metadata.tsv"
    return load_split(data / "train", meta) + load_split(data / "dev", meta)


def parsed_docs(nlp, articles: list[GoldArticle], cache: Path) -> list[Doc]:
    """The runtime pipeline's parses (rules and tagger both read them), cached as a DocBin under OUT."""
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    t0 = time.time()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(cache)
    log(f"parsed {len(docs)} articles in {time.time() - t0:.0f}s")
    return docs


def split_of(article: GoldArticle) -> str:
    return article.text_path.parent.parent.name  # train or dev


def fold_training_set(articles: list[GoldArticle], held_out: str) -> list[int]:
    """Indices of the training articles of one fold: the same number per training publisher, chosen by seed."""
    rng = random.Random(BUDGET["seed"])
    chosen: list[int] = []
    publishers = sorted({a.publisher for a in articles})
    for pub in publishers:
        if pub == held_out:
            continue
        pool = [i for i, a in enumerate(articles) if a.publisher == pub
                and (held_out != IN_DOMAIN or split_of(a) == "train")]
        chosen += rng.sample(pool, min(BUDGET["articles_per_publisher"] * 6 // (len(publishers) - (
            held_out != IN_DOMAIN)), len(pool)))
    return sorted(chosen)


def train_folds(data: Path, out: Path) -> None:
    from claimgraph.attribution.learned.train import fit, make_examples, new_component, save_model

    nlp = load_pipeline(DEFAULT_MODEL)
    articles = load_corpus(data)
    docs = parsed_docs(nlp, articles, out / "parsed.spacy")
    folds = sorted({a.publisher for a in articles}) + [IN_DOMAIN]
    for fold in folds:
        target = out / "models" / fold
        if (target / "config.json").exists():
            log(f"{fold}: model exists, skipped")
            continue
        t0 = time.time()
        chosen = fold_training_set(articles, fold)
        examples = make_examples([docs[i] for i in chosen], [articles[i] for i in chosen])
        name = "lopo_tagger"
        component, transitions = new_component(nlp, examples, name=name)
        fit(component, examples, epochs=BUDGET["epochs"], seed=BUDGET["seed"], log=lambda m, fold=fold: log(f"{fold}: {m}"))
        meta = {"fold": fold, "train_articles": len(chosen), "budget": BUDGET,
                "train_seconds": round(time.time() - t0)}
        save_model(nlp, target, transitions, 0.3, 0.0, meta, name=name)
        nlp.remove_pipe(name)
        log(f"{fold}: trained on {len(chosen)} articles in {time.time() - t0:.0f}s")
    log("all folds trained")


def gate_predictions(nlp, folder: Path, articles: list[GoldArticle], docs: list[Doc], gates: list[str],
                     scope: str) -> dict[str, dict[str, list[dict]]]:
    """Predictions per gate ("rules" for rules-only), by the attributions component's steps (component.py `pipe`:
    rules, the tagger over what they leave uncovered, merge through the gate), with the rules and the tagger run
    once for all gates."""
    from claimgraph.attribution import complete, records_of, rule_finds
    from claimgraph.attribution.found import TEXT_KEY
    from claimgraph.attribution.learned import build_tagger, learned_candidates
    from claimgraph.attribution.learned.gate import GATES
    from claimgraph.attribution.learned.windows import tag
    from claimgraph.records import Article

    tagger = build_tagger(nlp, folder)
    ruled = []
    for doc in docs:
        doc.user_data[TEXT_KEY] = doc.text
        ruled.append(rule_finds(doc))
    for i in range(0, len(docs), 16):
        tag(tagger, docs[i:i + 16], scope, [[s for item in found for s in item.content] for found in ruled[i:i + 16]],
            cues=any(GATES[name].indirect for name in gates))
    out: dict[str, dict[str, list[dict]]] = {name: {} for name in ["rules"] + gates}
    for gold, doc, found in zip(articles, docs, ruled):
        article = Article(ref=str(gold.text_path), text=gold.text)
        candidates = learned_candidates(doc)
        for name in out:
            items = complete(doc, list(found), None if name == "rules" else candidates, GATES.get(name))
            out[name][gold.name] = [a.to_json(article.ref) for a in records_of(article, items)]
    return out


def kind_group(pred: dict) -> str:
    return "quoted" if pred["kind"] in {"direct", "mixed"} else "indirect"


def tally(articles: list[GoldArticle], preds: dict[str, list[dict]]) -> dict:
    """Counts for the figures, plus right/total of predictions by (method, kind group)."""
    from claimgraph.eval.polnear import Counts, Metrics

    total, by_method = Counts(), Counter()
    for article in articles:
        m = score_article(article, preds.get(article.name, []))
        total.add(m.counts)
        matched = set(m.pairs.values())
        for pi, raw in enumerate(m.preds_raw):
            key = (raw["method"], kind_group(raw))
            by_method[key + ("n",)] += 1
            by_method[key + ("right",)] += pi in matched
    return {"figures": Metrics(total).to_json(), "by_method": by_method}


def precision(by_method: Counter, method: str, kind: str | None = None) -> str:
    kinds = [kind] if kind else ["quoted", "indirect"]
    n = sum(by_method[(method, k, "n")] for k in kinds)
    right = sum(by_method[(method, k, "right")] for k in kinds)
    return f"{right / n:.2f} ({right}/{n})" if n else "- (0/0)"


def score_folds(data: Path, out: Path, gates: list[str], scope: str, only: str | None = None) -> None:
    nlp = load_pipeline(DEFAULT_MODEL)
    articles = load_corpus(data)
    docs = parsed_docs(nlp, articles, out / "parsed.spacy")
    rows = []
    for folder in sorted((out / "models").iterdir()):
        fold = folder.name
        if only and fold != only:
            continue
        held = [i for i, a in enumerate(articles)
                if (a.publisher == fold if fold != IN_DOMAIN else split_of(a) == "dev")]
        h_articles, h_docs = [articles[i] for i in held], [docs[i] for i in held]
        preds = gate_predictions(nlp, folder, h_articles, h_docs, gates, scope)
        rules = tally(h_articles, preds["rules"])
        rows += [(fold, name, rules, tally(h_articles, preds[name])) for name in gates]
        log(f"{fold} scored")
    print_table(rows)
    (out / f"lopo_{scope}.json").write_text(json.dumps(
        [{"fold": f, "gate": g, "rules": r["figures"], "rules_tagger": b["figures"],
          "precision": {k: {"rules": precision(r["by_method"], "rules", k),
                            "tagger_added": precision(b["by_method"], "learned", k)}
                        for k in ("quoted", "indirect")}} for f, g, r, b in rows], indent=1))


def print_table(rows: list) -> None:
    head = (f"{'held out':13} {'gate':8} {'rules P/F1/e2e':18} {'+tagger P/F1/e2e':18} "
            f"{'rules prec. quoted':19} {'added quoted':17} {'rules prec. indir.':19} {'added indirect':17}")
    print(head)
    pooled: dict[str, list[Counter]] = {}
    for fold, gate_name, rules, both in rows:
        r, b = rules["figures"], both["figures"]
        print(f"{fold:13} {gate_name:8} "
              f"{r['content_partial_p']:.3f}/{r['content_partial_f1']:.3f}/{r['end_to_end_f1']:.3f}  "
              f"{b['content_partial_p']:.3f}/{b['content_partial_f1']:.3f}/{b['end_to_end_f1']:.3f}  "
              f"{precision(rules['by_method'], 'rules', 'quoted'):19} "
              f"{precision(both['by_method'], 'learned', 'quoted'):17} "
              f"{precision(rules['by_method'], 'rules', 'indirect'):19} "
              f"{precision(both['by_method'], 'learned', 'indirect'):17}")
        if fold != IN_DOMAIN:
            pooled.setdefault(gate_name, [Counter(), Counter()])
            pooled[gate_name][0].update(rules["by_method"])
            pooled[gate_name][1].update(both["by_method"])
    for gate_name, (rules_c, both_c) in pooled.items():
        print(f"{'all held out':13} {gate_name:8} {'':18} {'':18} {precision(rules_c, 'rules', 'quoted'):19} "
              f"{precision(both_c, 'learned', 'quoted'):17} {precision(rules_c, 'rules', 'indirect'):19} "
              f"{precision(both_c, 'learned', 'indirect'):17}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["train", "score"])
    parser.add_argument("--data", default=str(shared_data_dir("polnear")))
    parser.add_argument("--out", default="runs/lopo")
    parser.add_argument("--gates", default="none,shipped,lexicon", help="comma-separated gate names (learned/gate.py)")
    parser.add_argument("--scope", default="windows", help="where the tagger runs (learned/windows.py): windows, all")
    parser.add_argument("--only", default=None, help="score one fold (a publisher, or in-domain)")
    args = parser.parse_args()
    data, out = Path(args.data), Path(args.out)
    if not (data / "metadata.tsv").exists():
        sys.exit(f"{data}: no PolNeAR here (metadata.tsv, train/, dev/)")
    if args.step == "train":
        train_folds(data, out)
    else:
        score_folds(data, out, args.gates.split(","), args.scope, args.only)


if __name__ == "__main__":
    main()
