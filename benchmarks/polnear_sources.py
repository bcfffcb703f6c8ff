"""Where the rules' source (and cue) disagree with PolNeAR's on matched pairs, sorted into kinds.

    python benchmarks/polnear_sources.py --split train [--cache DIR] [--default] [--show KIND:N ...] [--cues]

A matched pair is a prediction whose content partially matches a gold content one to one (the reference scorer's
matching, `claimgraph.eval.polnear.score`); its source agrees when the two source word sets overlap or both are
empty. Each disagreement is put into one kind by looking at the spans (which side has a source, whether the
prediction's source is a pronoun, lies inside the gold content, is the gold's own cue's object, ...); the counts
say which kinds are large enough to be worth a rule. Use the train split for the analysis and keep dev for the
check (the README's rule). Parses are cached as a DocBin under `--cache` so that a rule change is measured in a
minute or two instead of a full parse.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import sys
from pathlib import Path

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "their", "its", "who", "which",
            "that", "this", "these", "those", "one", "some", "others", "both", "all"}


def parsed(split_dir: Path, cache: Path | None, nlp, golds):
    """(name, offset, Doc) for every piece of every article, from the cache where it holds this split."""
    from spacy.tokens import DocBin

    from claimgraph.attribution.component import COMPONENT
    from claimgraph.eval.baselines import to_article
    from claimgraph.nlp import parse_chunks

    if cache is not None:
        bin_path, idx_path = cache / f"{split_dir.name}.spacy", cache / f"{split_dir.name}.idx"
        if bin_path.exists() and idx_path.exists():
            index = pickle.loads(idx_path.read_bytes())
            docs = DocBin().from_disk(bin_path).get_docs(nlp.vocab)
            return [(name, off, doc) for (name, off), doc in zip(index, docs)]
    out = []
    texts = (to_article(g).text for g in golds)
    for g, pieces in zip(golds, parse_chunks(nlp, texts, disable=[COMPONENT])):
        out += [(g.name, off, doc) for off, doc in pieces]
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=[d for _, _, d in out]).to_disk(bin_path)
        idx_path.write_bytes(pickle.dumps([(n, o) for n, o, _ in out]))
    return out


def predictions(split_dir: Path, cache: Path | None, learned: bool):
    from claimgraph.eval.baselines import to_article
    from claimgraph.eval.polnear import load_split
    from claimgraph.pipeline import Extractor

    golds = load_split(split_dir, None if not (split_dir.parent / "metadata.tsv").exists()
                       else split_dir.parent / "metadata.tsv")
    ex = Extractor(learned=learned)
    per = collections.defaultdict(list)
    for name, off, doc in parsed(split_dir, cache, ex.nlp, golds):
        per[name].append((off, doc))
    by_name = {g.name: g for g in golds}
    preds = []
    for name, pieces in per.items():
        art = to_article(by_name[name])
        preds += [a.to_json(art.ref) for a in ex.extract_parsed(art, pieces)]
    return [by_name[n] for n in per], preds


def _words(text: str, segs) -> str:
    return " … ".join(text[s:e] for s, e in sorted(tuple(x) for x in segs))


def source_kind(text: str, gold, pred, g_tok, p_tok) -> str:
    """One kind per disagreeing pair (see the module docstring)."""
    kind = pred.get("kind")
    flags = set(pred.get("flags") or [])
    if p_tok.source and not g_tok.source:
        if kind == "according_to":
            return "extra:according_to"
        if pred.get("cue_class") == "think" and not gold.cue:
            return "extra:evidential"
        if not gold.cue:
            return "extra:gold_has_no_cue"
        return "extra:gold_cue_but_no_source"
    if g_tok.source and not p_tok.source:
        if "continuation" in flags:
            return "missing:continuation_quote"
        if kind == "according_to" or (pred.get("cue") or "").lower() in {"seems", "seem", "appears", "appear"}:
            return "missing:evidential_or_according"
        if "content_missing" in flags:
            return "missing:content_missing"
        if pred.get("method") == "learned":
            return "missing:tagger_find"
        cue_words = (pred.get("cue") or "").lower()
        if cue_words.startswith("asked"):
            return "missing:asked"
        return "missing:other"
    # Both have a source, no word in common.
    p_src = text[pred["source_span"][0]:pred["source_span"][1]]
    g_src = _words(text, gold.source)
    p_first = p_src.lower().split()[0] if p_src.split() else ""
    if p_tok.source & g_tok.content:
        return "wrong:pred_source_inside_gold_content"
    if g_tok.source & p_tok.content:
        return "wrong:gold_source_inside_pred_content"
    if p_first in PRONOUNS and len(p_src.split()) == 1:
        return "wrong:pred_pronoun_gold_other"
    if g_src.lower().strip() in PRONOUNS:
        return "wrong:gold_pronoun_pred_other"
    gs, ps = min(s for s, _ in gold.source), pred["source_span"][0]
    if pred.get("cue_span") and gold.cue:
        same_cue = bool(g_tok.cue & p_tok.cue)
        if not same_cue:
            return "wrong:different_cue"
    return "wrong:same_cue_other_phrase" if abs(gs - ps) < 400 else "wrong:far"


def cue_kind(text: str, gold, pred, g_tok, p_tok) -> str:
    if p_tok.cue and not g_tok.cue:
        return "extra_cue"
    if g_tok.cue and not p_tok.cue:
        return "missing_cue:" + ("continuation" if "continuation" in (pred.get("flags") or []) else "other")
    return "wrong_cue"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    ap.add_argument("--split", default="train")
    ap.add_argument("--cache", type=Path, default=None, help="folder for the split's parses (DocBin)")
    ap.add_argument("--default", action="store_true", help="the default extractor (rules and tagger), not rules only")
    ap.add_argument("--show", action="append", default=[], metavar="KIND:N", help="print N examples of a kind")
    ap.add_argument("--cues", action="store_true", help="sort the cue disagreements instead")
    ap.add_argument("--dump", type=Path, help="write every disagreement as JSON lines here")
    ap.add_argument("--unmatched", type=Path, help="write the predictions that match no gold as JSON lines here")
    args = ap.parse_args(argv)

    from claimgraph.eval.polnear import group_predictions, score

    split_dir = args.data / args.split
    golds, preds = predictions(split_dir, args.cache, args.default)
    sc = score(golds, group_predictions(preds))
    print(json.dumps(sc.overall.to_json()))
    kinds: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[dict]] = collections.defaultdict(list)
    by_method = collections.Counter()
    for m in sc.matches:
        text = m.article.text
        for gi, pi in m.pairs.items():
            g, p, graw, praw = m.gold[gi], m.preds[pi], m.gold_raw[gi], m.preds_raw[pi]
            if args.cues:
                ok = (not g.cue and not p.cue) or bool(g.cue & p.cue)
            else:
                ok = (not g.source and not p.source) or bool(g.source & p.source)
            if ok:
                continue
            k = (cue_kind if args.cues else source_kind)(text, graw, praw, g, p)
            kinds[k] += 1
            by_method[praw.get("method", "rules")] += 1
            examples[k].append({
                "article": m.article.name, "kind": praw.get("kind"), "method": praw.get("method"),
                "gold_source": _words(text, graw.source), "pred_source":
                    text[praw["source_span"][0]:praw["source_span"][1]] if praw.get("source_span") else "",
                "gold_cue": _words(text, graw.cue), "pred_cue": praw.get("cue") or "",
                "content": _words(text, graw.content)[:160],
                "context": text[max(0, min(s for s, _ in graw.content + graw.source + graw.cue) - 80):
                                max(e for _, e in graw.content + graw.source + graw.cue) + 40].replace("\n", " ")})
    if args.unmatched:
        with open(args.unmatched, "w", encoding="utf-8") as f:
            for m in sc.matches:
                used = set(m.pairs.values())
                for pi, raw in enumerate(m.preds_raw):
                    if pi not in used:
                        sent = raw.get("sentence") or raw["content_spans"][0]
                        f.write(json.dumps({"article": m.article.name, "cue": raw.get("cue"), "kind": raw.get("kind"),
                                            "content": raw.get("content"),
                                            "sentence": m.article.text[sent[0]:sent[1]]}, ensure_ascii=False) + "\n")
    total = sum(kinds.values())
    print(f"{'cue' if args.cues else 'source'} disagreements on {sc.overall.counts.partial} matched pairs: {total} "
          f"(by method {dict(by_method)})")
    for k, n in kinds.most_common():
        print(f"  {n:5d}  {k}")
    for spec in args.show:
        k, _, n = spec.rpartition(":")
        for ex in examples.get(k, [])[:int(n or 10)]:
            print(json.dumps(ex, ensure_ascii=False))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for k, exs in examples.items():
                for ex in exs:
                    f.write(json.dumps({"k": k, **ex}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
