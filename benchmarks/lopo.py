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
    cues = frozenset().union(*(GATES[name].cue_lemmas for name in gates))  # the widest windows any gate needs
    ruled = []
    for doc in docs:
        doc.user_data[TEXT_KEY] = doc.text
        ruled.append(rule_finds(doc))
    for i in range(0, len(docs), 16):
        tag(tagger, docs[i:i + 16], scope, [[s for item in found for s in item.content] for found in ruled[i:i + 16]],
            cues=cues)
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
                         "cue": raw["cue"], "lemma": lemma, "content": raw["content"], "content_spans": raw["content_spans"], "lexicon_class": entry.cue_class if entry else None,
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
                shipped: bool = False, dump: bool = False) -> None:
    from claimgraph.attribution.learned import MODEL_DIR

    nlp = load_pipeline(DEFAULT_MODEL)
    articles = load_corpus(data)
    docs = parsed_docs(nlp, articles, out / "parsed.spacy")
    rows, added = [], []
    folders = sorted((out / "models").iterdir()) + ([MODEL_DIR] if shipped else [])
    for folder in folders:
        fold = SHIPPED if folder == MODEL_DIR else folder.name
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["train", "score"])
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
    args = parser.parse_args()
    data, out = Path(args.data), Path(args.out)
    if not (data / "metadata.tsv").exists():
        sys.exit(f"{data}: no PolNeAR here (metadata.tsv, train/, dev/)")
    if args.step == "train":
        train_folds(data, out)
    else:
        score_folds(data, out, args.gates.split(","), args.scope, args.only, args.shipped, args.dump)


if __name__ == "__main__":
    main()
