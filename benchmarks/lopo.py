"""Leave-one-publisher-out: does the learned tagger's precision hold on publishers it never saw?

    .venv/bin/python benchmarks/lopo.py train [--data /work/shared/data/polnear] [--out runs/lopo]   # slow, once
    .venv/bin/python benchmarks/lopo.py score [--out runs/lopo]                                       # minutes

`train` parses PolNeAR train+dev once with the runtime pipeline (`load_pipeline`, as `extract` parses), then for
each of the 7 publishers trains a tagger on the other six and saves it under OUT/models/PUBLISHER; an "in-domain"
model with the same budget is trained on the train split (all publishers) and scored on dev. The budget is reduced
and the same for every model (BUDGET below: articles per publisher, epochs), so that the whole table fits a
session on a shared 2-core machine; the shipped tagger (7 epochs on all 840 train articles) is stronger.
`train --stack` trains stacked taggers (learned/stack.py: the rules' finds as an input) with the same budget; give
them an OUT of their own (a link OUT/parsed.spacy to the first run's parses spares parsing again).

`score` runs the current extraction code (the claimgraph_attributions component: rules, the tagger over its
windows, the gate) over each held-out publisher with that fold's tagger, and prints per publisher: rules-only and
rules + tagger (content partial F1 / end-to-end F1 from
`claimgraph.eval.polnear`, which equals the reference scorer), and the precision of the tagger's additions by kind
(quoted: direct or mixed; indirect: indirect or according_to) beside the rules' own precision, for each gate of
`--gates` ("none": every addition the tagger makes that the rules did not), and the same figures against a speech
view of the gold (`speech_view`: a proxy for a set annotated for reported speech only). `--shipped` adds a row
"shipped-dev": the shipped tagger on dev (in domain: the dev figures of the gates, in one run); `--dump` writes every
addition with its features to OUT/additions_SCOPE.jsonl. Re-run `score` after a gating change; the models stay.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc, DocBin

from claimgraph.eval.data import shared_data_dir
from claimgraph.eval.polnear import GoldArticle, load_split, score_article
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline

BUDGET = {"articles_per_publisher": 60, "epochs": 2, "seed": 0}
IN_DOMAIN = "in-domain"
SHIPPED = "shipped-dev"  # not a fold: the shipped tagger (all 840 train articles, 7 epochs) on dev, with --shipped


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


def train_folds(data: Path, out: Path, lex_drop: float = 0.0, stack: bool = False) -> None:
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
        examples = make_examples([docs[i] for i in chosen], [articles[i] for i in chosen], stack=stack)
        name = "lopo_tagger"
        component, transitions = new_component(nlp, examples, name=name, lex_drop=lex_drop, stack=stack)
        fit(component, examples, epochs=BUDGET["epochs"], seed=BUDGET["seed"],
            log=lambda m, fold=fold: log(f"{fold}: {m}"))
        meta = {"fold": fold, "train_articles": len(chosen), "budget": BUDGET, "lex_drop": lex_drop, "stack": stack,
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
    cues = frozenset().union(*(GATES[name].cue_lemmas for name in gates))  # the widest windows any gate needs
    nested = folder.parent.parent / "stage2" / f"{folder.name}.json"  # this fold's stage-2 model (`stage2` step)
    nested = folder / "stage2.json" if (folder / "stage2.json").exists() else nested  # a tagger's own
    chosen = {name: replace(GATES[name], stage2=str(nested.resolve()))
              if GATES[name].stage2 is not None and nested.exists() else GATES[name] for name in gates}
    ruled = []
    for doc in docs:
        doc.user_data[TEXT_KEY] = doc.text
        ruled.append(rule_finds(doc))
    for i in range(0, len(docs), 16):
        tag(tagger, docs[i:i + 16], scope, cues=cues, rules=ruled[i:i + 16])
    out: dict[str, dict[str, list[dict]]] = {name: {} for name in ["rules"] + gates}
    for gold, doc, found in zip(articles, docs, ruled):
        article = Article(ref=str(gold.text_path), text=gold.text)
        candidates = learned_candidates(doc)
        for name in out:
            items = complete(doc, list(found), None if name == "rules" else candidates, chosen.get(name))
            out[name][gold.name] = [a.to_json(article.ref) for a in records_of(article, items)]
    return out


def kind_group(pred: dict) -> str:
    return "quoted" if pred["kind"] in {"direct", "mixed"} else "indirect"


# Verbs of wanting, planning, perceiving, knowing and seeming, and of acting for or against: PolNeAR annotates
# attributions with them as cues ("wants to", "plans to", "seems to", "endorsed"), a scheme of reported speech does
# not. With the lexicon's `think` class they are what `speech_cue` leaves out; the list is about the verbs, written
# without looking at which of them the tagger gets right.
NOT_SPEECH = frozenset("""
want wish hope plan intend aim seek try prefer need like love hate desire choose decide determine refuse
seem appear look sound see view watch hear know understand remember recognize realize learn find notice
consider feel expect fear worry assume suspect hold regard
support back oppose endorse favor vote sign nominate applaud thank
""".split())


def speech_cue(doc: Doc, segments) -> bool:
    """A cue that a scheme of reported speech would annotate: one whose words hold a speech lemma of
    claimgraph/data/cues.tsv (any class but `think`) or "according", or hold no lemma of `think` and NOT_SPEECH
    ("complained", "in a statement"). Decided from the text's parse alone, the same way for every article."""
    from claimgraph.attribution.cues import lexicon

    lemmas = lexicon()
    other = False
    for start, end in segments:
        span = doc.char_span(start, end, alignment_mode="expand")
        for token in span if span is not None else ():
            lemma = token.lemma_.lower()
            entry = lemmas.get(lemma)
            if (entry is not None and entry.cue_class != "think") or token.lower_ == "according":
                return True
            other = other or (entry is not None or lemma in NOT_SPEECH)
    return not other


def speech_view(article: GoldArticle, doc: Doc) -> GoldArticle:
    """The gold as a scheme of reported speech with speakers would annotate it: attributions with a source and a
    speech cue (`speech_cue`). Beliefs, plans, wants, perceptions and sourceless attributions are left out; the
    predictions are scored as they are, so finding those costs precision. A proxy for an out-of-domain set
    annotated that way (issue 9's Canadian set), not a measurement on one."""
    from dataclasses import replace

    kept = tuple(g for g in article.attributions if g.source and g.cue and speech_cue(doc, g.cue))
    return replace(article, attributions=kept)


def tally(articles: list[GoldArticle], preds: dict[str, list[dict]], docs: list[Doc] | None = None) -> dict:
    """Counts for the figures, plus right/total of predictions by (method, kind group); with `docs`, the figures
    of the speech view of the gold too (`speech_view`)."""
    from claimgraph.eval.polnear import Counts, Metrics

    total, speech, by_method, speech_by_method = Counts(), Counts(), Counter(), Counter()
    for k, article in enumerate(articles):
        m = score_article(article, preds.get(article.name, []))
        total.add(m.counts)
        count_by_method(m, by_method)
        if docs is not None:
            m = score_article(speech_view(article, docs[k]), preds.get(article.name, []))
            speech.add(m.counts)
            count_by_method(m, speech_by_method)
    out = {"figures": Metrics(total).to_json(), "by_method": by_method}
    if docs is not None:
        out["speech_view"] = Metrics(speech).to_json()
        out["speech_by_method"] = speech_by_method
    return out


def count_by_method(m, by_method: Counter) -> None:
    matched = set(m.pairs.values())
    for pi, raw in enumerate(m.preds_raw):
        key = (raw["method"], kind_group(raw))
        by_method[key + ("n",)] += 1
        by_method[key + ("right",)] += pi in matched


def additions(articles: list[GoldArticle], docs: list[Doc], preds: dict[str, list[dict]], fold: str) -> list[dict]:
    """One row per tagger addition: what a gate can read of it (kind, cue lemma and class, source mention,
    speaker resolved or not, confidence) and whether it matched a gold attribution."""
    from claimgraph.attribution.cues import lexicon

    lemmas = lexicon()
    rows = []
    for article, doc in zip(articles, docs):
        m = score_article(article, preds.get(article.name, []))
        matched = set(m.pairs.values())
        speech = score_article(speech_view(article, doc), preds.get(article.name, []))
        right_speech = {id(speech.preds_raw[pi]) for pi in speech.pairs.values()}
        for pi, raw in enumerate(m.preds_raw):
            if raw["method"] != "learned":
                continue
            cue = doc.char_span(*raw["cue_span"], alignment_mode="expand") if raw["cue_span"] else None
            source = doc.char_span(*raw["source_span"], alignment_mode="expand") if raw["source_span"] else None
            lemma = cue.root.lemma_.lower() if cue is not None and len(cue) else ""
            entry = lemmas.get(lemma)
            if source is None or not len(source):
                source_kind = "none"
            elif source.root.pos_ == "PRON":
                source_kind = "pronoun"
            elif any(t.pos_ == "PROPN" or t.ent_type_ for t in source):
                source_kind = "named"
            else:
                source_kind = "described"
            rows.append({"fold": fold, "article": article.name, "kind": raw["kind"], "group": kind_group(raw),
                         "cue": raw["cue"], "lemma": lemma, "content": raw["content"],
                         "content_spans": raw["content_spans"], "cue_span": raw["cue_span"],
                         "source_span": raw["source_span"], "lexicon_class": entry.cue_class if entry else None,
                         "source": source.text if source is not None else None, "source_kind": source_kind,
                         "speaker": (raw["speaker"] or {}).get("name"), "confidence": raw["confidence"],
                         "right": pi in matched, "right_speech": id(raw) in right_speech})
    return rows


def precision(by_method: Counter, method: str, kind: str | None = None) -> str:
    kinds = [kind] if kind else ["quoted", "indirect"]
    n = sum(by_method[(method, k, "n")] for k in kinds)
    right = sum(by_method[(method, k, "right")] for k in kinds)
    return f"{right / n:.2f} ({right}/{n})" if n else "- (0/0)"


def score_folds(data: Path, out: Path, gates: list[str], scope: str, only: str | None = None,
                shipped: bool = False, dump: bool = False, tagger: Path | None = None) -> None:
    from claimgraph.attribution.learned import MODEL_DIR

    shipped_dir = tagger or MODEL_DIR  # the tagger of row shipped-dev

    nlp = load_pipeline(DEFAULT_MODEL)
    articles = load_corpus(data)
    docs = parsed_docs(nlp, articles, out / "parsed.spacy")
    rows, added = [], []
    folders = sorted((out / "models").iterdir()) + ([shipped_dir] if shipped else [])
    for folder in folders:
        fold = SHIPPED if folder == shipped_dir else folder.name
        if only and fold != only:
            continue
        held = [i for i, a in enumerate(articles)
                if (a.publisher == fold if fold not in (IN_DOMAIN, SHIPPED) else split_of(a) == "dev")]
        h_articles, h_docs = [articles[i] for i in held], [docs[i] for i in held]
        names = gates + (["none"] if dump and "none" not in gates else [])
        preds = gate_predictions(nlp, folder, h_articles, h_docs, names, scope)
        rules = tally(h_articles, preds["rules"], h_docs)
        rows += [(fold, name, rules, tally(h_articles, preds[name], h_docs)) for name in gates]
        if dump:
            added += additions(h_articles, h_docs, preds["none"], fold)
        log(f"{fold} scored")
    print_table(rows)
    (out / f"lopo_{scope}.json").write_text(json.dumps(
        [{"fold": f, "gate": g, "rules": r["figures"], "rules_tagger": b["figures"],
          "speech_view": {"rules": r["speech_view"], "rules_tagger": b["speech_view"]},
          "precision": {k: {"rules": precision(r["by_method"], "rules", k),
                            "tagger_added": precision(b["by_method"], "learned", k)}
                        for k in ("quoted", "indirect")},
          "speech_view_precision": {k: {"rules": precision(r["speech_by_method"], "rules", k),
                                        "tagger_added": precision(b["speech_by_method"], "learned", k)}
                                    for k in ("quoted", "indirect")}} for f, g, r, b in rows], indent=1))
    if dump:
        with open(out / f"additions_{scope}.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(row) + "\n" for row in added)
        log(f"{len(added)} additions (gate none) written to {out / f'additions_{scope}.jsonl'}")


def speech_figures(tallied: dict) -> str:
    view = tallied.get("speech_view")
    return f"{view['content_partial_f1']:.3f}/{view['end_to_end_f1']:.3f}" if view else "-"


def print_table(rows: list) -> None:
    head = (f"{'held out':13} {'gate':14} {'rules P/F1/e2e':18} {'+tagger P/F1/e2e':18} "
            f"{'rules prec. quoted':19} {'added quoted':17} {'rules prec. indir.':19} {'added indirect':17} "
            f"{'speech view F1/e2e rules -> +tagger'}")
    print(head)
    pooled: dict[str, list[Counter]] = {}
    for fold, gate_name, rules, both in rows:
        r, b = rules["figures"], both["figures"]
        print(f"{fold:13} {gate_name:14} "
              f"{r['content_partial_p']:.3f}/{r['content_partial_f1']:.3f}/{r['end_to_end_f1']:.3f}  "
              f"{b['content_partial_p']:.3f}/{b['content_partial_f1']:.3f}/{b['end_to_end_f1']:.3f}  "
              f"{precision(rules['by_method'], 'rules', 'quoted'):19} "
              f"{precision(both['by_method'], 'learned', 'quoted'):17} "
              f"{precision(rules['by_method'], 'rules', 'indirect'):19} "
              f"{precision(both['by_method'], 'learned', 'indirect'):17} "
              f"{speech_figures(rules)} -> {speech_figures(both)}")
        if fold not in (IN_DOMAIN, SHIPPED):
            pooled.setdefault(gate_name, [Counter(), Counter(), Counter(), Counter()])
            pooled[gate_name][0].update(rules["by_method"])
            pooled[gate_name][1].update(both["by_method"])
            pooled[gate_name][2].update(rules.get("speech_by_method", Counter()))
            pooled[gate_name][3].update(both.get("speech_by_method", Counter()))
    for gate_name, (rules_c, both_c, _, _) in pooled.items():
        print(f"{'all held out':13} {gate_name:14} {'':18} {'':18} {precision(rules_c, 'rules', 'quoted'):19} "
              f"{precision(both_c, 'learned', 'quoted'):17} {precision(rules_c, 'rules', 'indirect'):19} "
              f"{precision(both_c, 'learned', 'indirect'):17}")
    print("speech view (gold: speech cues with a source; a proxy for a speech-only scheme), held out pooled:")
    for gate_name, (_, _, rules_c, both_c) in pooled.items():
        print(f"{'speech view':13} {gate_name:14} {'':18} {'':18} {precision(rules_c, 'rules', 'quoted'):19} "
              f"{precision(both_c, 'learned', 'quoted'):17} {precision(rules_c, 'rules', 'indirect'):19} "
              f"{precision(both_c, 'learned', 'indirect'):17}")


STAGE2_MARGIN = 0.02  # a kind's threshold asks this much more than the rules' precision on the folds it is fitted on
STAGE2_C = 0.1  # inverse L2 strength of the logistic regression (fixed: not tuned on held-out folds)


def stage2_rows(data: Path, out: Path, scope: str) -> list[dict]:
    """The dumped additions (`score --dump`) with their stage-2 feature vectors (learned/stage2.py `features`),
    computed from the cached parses the same way the component computes them at run time."""
    import numpy

    from claimgraph.attribution.cues import lexicon
    from claimgraph.attribution.learned.stage2 import features

    nlp = load_pipeline(DEFAULT_MODEL)
    articles = load_corpus(data)
    docs = parsed_docs(nlp, articles, out / "parsed.spacy")
    by_name = {a.name: d for a, d in zip(articles, docs)}
    lemmas = lexicon()
    rows = [json.loads(line) for line in open(out / f"additions_{scope}.jsonl", encoding="utf-8")]
    for row in rows:
        doc = by_name[row["article"]]
        cue = doc.char_span(*row["cue_span"], alignment_mode="expand") if row["cue_span"] else None
        source = doc.char_span(*row["source_span"], alignment_mode="expand") if row["source_span"] else None
        entry = lemmas.get(cue.root.lemma_.lower()) if cue is not None and len(cue) else None
        row["x"] = features(doc, row["kind"], row["confidence"], cue, source,
                            [tuple(s) for s in row["content_spans"]], entry.cue_class if entry else None)
    return [r for r in rows if r["x"] is not None and not numpy.isnan(r["x"]).any()]


def stage2_fit(rows: list[dict]) -> dict:
    """Logistic regression per kind group over `rows` (standardised features, those of stage2.USED): the spec
    stage2.Stage2 reads, thresholds not yet set."""
    import numpy
    from sklearn.linear_model import LogisticRegression

    from claimgraph.attribution.learned.stage2 import NAMES, USED

    X = numpy.array([r["x"] for r in rows])
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    used = numpy.array([name in USED for name in NAMES])
    spec = {"names": list(NAMES), "mean": mean.tolist(), "scale": scale.tolist(), "weights": {}, "intercept": {},
            "threshold": {"quoted": 1.01, "indirect": 1.01}, "C": STAGE2_C}
    for group in ("quoted", "indirect"):
        part = [r for r in rows if r["group"] == group]
        y = numpy.array([r["right"] for r in part])
        weights = numpy.zeros(len(NAMES))
        if len(set(y)) < 2:
            spec["weights"][group], spec["intercept"][group] = weights.tolist(), 0.0
            continue
        model = LogisticRegression(C=STAGE2_C, max_iter=2000)
        model.fit(((numpy.array([r["x"] for r in part]) - mean) / scale)[:, used], y)
        weights[used] = model.coef_[0]
        spec["weights"][group], spec["intercept"][group] = weights.tolist(), float(model.intercept_[0])
    return spec


def stage2_threshold(probs: list[tuple[float, bool]], target: float) -> float:
    """The lowest threshold whose kept additions (probability at least it) are right at least `target` of the
    time: as many additions as the precision allows. 1.01 (none kept) where no threshold reaches it."""
    best = 1.01
    right = 0
    for n, (p, ok) in enumerate(sorted(probs, reverse=True), 1):
        right += ok
        if right / n >= target and n >= 5:
            best = p
    return best


def stage2_oof(rows: list[dict], folds: list[str]) -> list[float]:
    """Out-of-fold probabilities: each fold's additions scored by a model fitted on the other folds."""
    from claimgraph.attribution.learned.stage2 import Stage2

    probs = [0.0] * len(rows)
    for fold in folds:
        model = Stage2(stage2_fit([r for r in rows if r["fold"] != fold]))
        for k, r in enumerate(rows):
            if r["fold"] == fold:
                probs[k] = model.probability(r["group"], r["x"])
    return probs


def rules_precision(out: Path, scope: str) -> dict[str, dict[str, tuple[int, int]]]:
    """The rules' own (right, total) by fold and kind group, from the last `score` run (lopo_SCOPE.json)."""
    import re

    found: dict[str, dict[str, tuple[int, int]]] = {}
    for row in json.loads((out / f"lopo_{scope}.json").read_text()):
        for group, figures in row["precision"].items():
            m = re.search(r"\((\d+)/(\d+)\)", figures["rules"])
            found.setdefault(row["fold"], {})[group] = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    return found


def stage2_choose(rows: list[dict], folds: list[str], rules: dict) -> dict:
    """Fit on `rows` (the additions of `folds`) and set each kind's threshold from leave-one-fold-out probabilities:
    the lowest at which the kept additions are right as often as the rules' own finds on these folds, plus
    STAGE2_MARGIN."""
    spec = stage2_fit(rows)
    probs = stage2_oof(rows, folds)
    for group in ("quoted", "indirect"):
        right = sum(rules[f][group][0] for f in folds)
        total = sum(rules[f][group][1] for f in folds)
        target = right / total + STAGE2_MARGIN
        spec["threshold"][group] = stage2_threshold(
            [(p, r["right"]) for p, r in zip(probs, rows) if r["group"] == group], target)
        spec.setdefault("target", {})[group] = round(target, 4)
    return spec


def stage2(data: Path, out: Path, scope: str, save: Path | None) -> None:
    """Nested leave-one-publisher-out figure of the second-stage classifier (learned/stage2.py): for each held-out
    publisher, weights and thresholds fitted on the other six folds' additions (written to OUT/stage2/FOLD.json,
    which `score` uses for that fold's gates with a second stage); then the model fitted on every fold's additions
    in train-split articles (dev stays unseen: the dev figures of `score --shipped` are not fitted on), written to
    SAVE/stage2.json with --save."""
    from claimgraph.attribution.learned.stage2 import Stage2

    rows = stage2_rows(data, out, scope)
    rules = rules_precision(out, scope)
    held = [r for r in rows if r["fold"] not in (IN_DOMAIN, SHIPPED)]
    folds = sorted({r["fold"] for r in held})
    tally: Counter = Counter()
    (out / "stage2").mkdir(exist_ok=True)
    for fold in folds:
        inner = [f for f in folds if f != fold]
        model = Stage2(stage2_choose([r for r in held if r["fold"] != fold], inner, rules))
        model.to_disk(out / "stage2" / f"{fold}.json")
        for r in held:
            if r["fold"] == fold:
                kept = model.admits(r["group"], r["x"])
                tally[(fold, r["group"], "n")] += kept
                tally[(fold, r["group"], "right")] += kept and r["right"]
                tally[(fold, r["group"], "all")] += 1
        log(f"{fold}: thresholds {model.threshold}; kept quoted "
            f"{tally[(fold, 'quoted', 'right')]}/{tally[(fold, 'quoted', 'n')]} of {tally[(fold, 'quoted', 'all')]}, "
            f"indirect {tally[(fold, 'indirect', 'right')]}/{tally[(fold, 'indirect', 'n')]} "
            f"of {tally[(fold, 'indirect', 'all')]}")
    for group in ("quoted", "indirect"):
        n = sum(tally[(f, group, "n")] for f in folds)
        right = sum(tally[(f, group, "right")] for f in folds)
        r_right = sum(rules[f][group][0] for f in folds)
        r_total = sum(rules[f][group][1] for f in folds)
        print(f"nested LOPO, {group}: additions kept right {right / max(n, 1):.3f} ({right}/{n}) "
              f"against the rules' {r_right / r_total:.3f} ({r_right}/{r_total})")
    train_names = {a.name for a in load_split(data / "train", data / "metadata.tsv")}
    fit_rows = [r for r in held if r["article"] in train_names]
    spec = stage2_choose(fit_rows, folds, rules)
    model = Stage2(spec)
    print(f"fitted on {len(fit_rows)} additions in train articles of {len(folds)} folds: thresholds "
          f"{spec['threshold']} (targets {spec['target']})")
    dev = [r for r in rows if r["fold"] == SHIPPED]
    for group in ("quoted", "indirect"):
        part = [r for r in dev if r["group"] == group]
        kept = [r for r in part if model.admits(group, r["x"])]
        print(f"shipped tagger on dev (in domain), {group}: keeps {sum(r['right'] for r in kept)}/{len(kept)} "
              f"of {len(part)} additions ({sum(r['right'] for r in part)} right)")
    if save is not None:
        spec["trained_on"] = {"additions": len(fit_rows), "articles": "train split", "folds": folds,
                              "margin": STAGE2_MARGIN, "scope": scope}
        Stage2(spec).to_disk(save / "stage2.json")
        log(f"written {save / 'stage2.json'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["train", "score", "stage2"])
    parser.add_argument("--data", default=str(shared_data_dir("polnear")))
    parser.add_argument("--out", default="runs/lopo")
    parser.add_argument("--gates", default="none,shipped,lexicon", help="comma-separated gate names (learned/gate.py)")
    parser.add_argument("--scope", default="windows", help="where the tagger runs (learned/windows.py): windows, all")
    parser.add_argument("--only", default=None, help="score one fold (a publisher, in-domain, or shipped-dev)")
    parser.add_argument("--shipped", action="store_true",
                        help="also score the shipped tagger on dev (row shipped-dev: not out of domain)")
    parser.add_argument("--dump", action="store_true",
                        help="write every addition the tagger makes (gate none) with its features and whether it "
                             "matched, to OUT/additions_SCOPE.jsonl")
    parser.add_argument("--lex-drop", type=float, default=0.0,
                        help="train: drop a token's word/affix embedding at this rate while training (train.py)")
    parser.add_argument("--stack", action="store_true",
                        help="train: the rules' finds as an input of the tagger (learned/stack.py)")
    parser.add_argument("--tagger", default=None,
                        help="score: the tagger folder of row shipped-dev (default: the shipped one)")
    parser.add_argument("--save", default=None,
                        help="stage2: write the classifier fitted on every fold to SAVE/stage2.json")
    args = parser.parse_args()
    data, out = Path(args.data), Path(args.out)
    if not (data / "metadata.tsv").exists():
        sys.exit(f"{data}: no PolNeAR here (metadata.tsv, train/, dev/)")
    if args.step == "train":
        train_folds(data, out, args.lex_drop, args.stack)
    elif args.step == "stage2":
        stage2(data, out, args.scope, Path(args.save) if args.save else None)
    else:
        score_folds(data, out, args.gates.split(","), args.scope, args.only, args.shipped, args.dump,
                    Path(args.tagger) if args.tagger else None)


if __name__ == "__main__":
    main()
