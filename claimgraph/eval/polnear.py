"""PolNeAR evaluation: read a split of brat-annotated articles and score attribution predictions against it.

The figures follow shared/data/README.md ("Scoring") and must equal the reference scorer
(shared/tools/score_polnear.py) on the same predictions, so the rules below copy its choices exactly, including
the ones that look arbitrary: the order in which partial matches are made, the exact count (a gold content found
by any prediction), and rounding to four places. A test runs the reference script and compares.

Layout of a split folder: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`. A `metadata.tsv` (optional)
names the annotator to score against (first of its `annotators` column) and each article's publisher.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Segment = tuple[int, int]

# The scorer's tokens: runs of word characters. Punctuation and quote marks are never tokens, which is what makes
# "exact" ignore surrounding punctuation and quote marks.
WORD = re.compile(r"\w+")
ROLE_DIGITS = re.compile(r"\d+$")


# --- reading the corpus -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution as character segments (a brat fragment is several segments)."""

    content: tuple[Segment, ...]
    source: tuple[Segment, ...]
    cue: tuple[Segment, ...]


@dataclass(frozen=True)
class GoldArticle:
    """One article of a split with the annotation it is scored against."""

    name: str  # the file stem; predictions are matched to articles by it
    text_path: Path
    text: str
    ann_path: Path
    publisher: str
    attributions: tuple[GoldAttribution, ...]


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions (E lines) of a brat file; roles pointing at no span are dropped, as the reference does."""
    spans: dict[str, list[Segment]] = {}
    events: list[dict[str, list[str]]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                head = parts[1].split(" ", 1)
                if len(head) < 2:
                    continue
                try:
                    segs = [tuple(int(x) for x in r.split()) for r in head[1].split(";")]
                except ValueError:
                    continue
                # Keep well-formed (start, end) pairs only; labels are not filtered here because only the spans
                # an E line names as Content/Source/Cue are used (Discuss/Discard marks are never named so).
                spans[parts[0]] = [s for s in segs if len(s) == 2]  # type: ignore[misc]
            elif parts[0].startswith("E"):
                roles: dict[str, list[str]] = defaultdict(list)
                for item in parts[1].split():
                    if ":" in item:
                        role, ref = item.split(":", 1)
                        roles[ROLE_DIGITS.sub("", role)].append(ref)  # Content2 -> Content
                events.append(roles)

    def segments(roles: dict[str, list[str]], role: str) -> tuple[Segment, ...]:
        return tuple(seg for ref in roles.get(role, []) if ref in spans for seg in spans[ref])

    return [GoldAttribution(segments(r, "Content"), segments(r, "Source"), segments(r, "Cue")) for r in events]


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    """metadata.tsv rows keyed by filename (the article's stem)."""
    rows: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if "filename" not in header:
            raise ValueError(f"{path}: no 'filename' column in the header")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            row = dict(zip(header, cols))
            if row.get("filename"):
                rows[row["filename"]] = row
    return rows


def choose_ann(name: str, ann_names: Sequence[str], annotator: str | None) -> str | None:
    """The .ann to score against: the metadata's first annotator where present, else the first by name."""
    # Same candidate rule as the reference: every .ann whose name starts with "NAME_".
    cands = sorted(a for a in ann_names if a.startswith(name + "_") and a.endswith(".ann"))
    want = f"{name}_{annotator or ''}.ann"
    return want if want in cands else (cands[0] if cands else None)


def publisher_of(name: str, row: Mapping[str, str] | None) -> str:
    if row and row.get("publisher"):
        return row["publisher"]
    return name.split("_", 1)[0]  # PolNeAR names start with the publisher: "breitbart_2016-09-12_..."


def load_split(split_dir: Path, metadata: Path | None = None) -> list[GoldArticle]:
    """Every annotated article of a split folder, sorted by name; articles without any .ann are left out."""
    split_dir = Path(split_dir)
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    for d in (text_dir, ann_dir):
        if not d.is_dir():
            raise FileNotFoundError(f"{d}: no such folder (a split holds text/ and attributions/)")
    meta = read_metadata(metadata) if metadata else {}
    ann_names = sorted(os.listdir(ann_dir))
    out: list[GoldArticle] = []
    for fn in sorted(os.listdir(text_dir)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        row = meta.get(name)
        annotator = row.get("annotators", "").split("|")[0] if row else None
        ann = choose_ann(name, ann_names, annotator)
        if ann is None:
            continue
        # Text mode, as the reference reads it: offsets count characters after newline translation.
        with open(text_dir / fn, encoding="utf-8") as f:
            text = f.read()
        out.append(GoldArticle(name, text_dir / fn, text, ann_dir / ann, publisher_of(name, row),
                               tuple(read_ann(ann_dir / ann))))
    return out


def default_metadata(split_dir: Path) -> Path | None:
    """metadata.tsv beside the split folders (PolNeAR's layout) or inside the split; None when there is none."""
    for cand in (Path(split_dir) / "metadata.tsv", Path(split_dir).parent / "metadata.tsv"):
        if cand.is_file():
            return cand
    return None


def data_hash(articles: Iterable[GoldArticle]) -> str:
    """sha256 over the sorted texts and chosen .ann files: the identity of what a set of figures was measured on."""
    h = hashlib.sha256()
    for a in sorted(articles, key=lambda a: a.name):
        for part in (a.text_path.name, a.text_path.read_bytes(), a.ann_path.name, a.ann_path.read_bytes()):
            data = part.encode("utf-8") if isinstance(part, str) else part
            # Length-prefixed so that moving bytes between two files can never give the same hash.
            h.update(len(data).to_bytes(8, "big"))
            h.update(data)
    return h.hexdigest()


# --- predictions --------------------------------------------------------------------------------------------------

def article_key(ref: Any) -> str:
    """Predictions name their article by path; the file's stem is the article's name."""
    return os.path.splitext(os.path.basename(str(ref)))[0]


def group_predictions(preds: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for p in preds:
        out[article_key(p.get("article", ""))].append(p)
    return out


# --- scoring -------------------------------------------------------------------------------------------------------

class WordIndex:
    """The scorer's word tokens of one text, for turning character segments into sets of word indices."""

    def __init__(self, text: str):
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        self.starts = [s for s, _ in words]
        self.ends = [e for _, e in words]

    def cover(self, segments: Iterable[Sequence[int]]) -> frozenset[int]:
        """Indices of the words that overlap any segment (ws < end and we > start, as the reference)."""
        out: set[int] = set()
        for s, e in segments:
            # Both conditions are monotone in the word index, so the overlapping words are one contiguous range.
            out.update(range(bisect.bisect_right(self.ends, s), bisect.bisect_left(self.starts, e)))
        return frozenset(out)


@dataclass(frozen=True)
class Tokens:
    """An attribution as three sets of word indices (what the figures compare)."""

    content: frozenset[int]
    source: frozenset[int]
    cue: frozenset[int]


@dataclass
class Counts:
    """Raw counts; figures are computed from sums of these, so per-publisher and overall agree by construction."""

    gold: int = 0
    pred: int = 0
    exact: int = 0
    partial: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    e2e: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class Metrics:
    """The README's figures from counts; `to_json` rounds as the reference scorer does."""

    counts: Counts

    @property
    def content_exact_f1(self) -> float:
        # The reference counts a gold content as found when any prediction equals it, and uses the same count as
        # the numerator of precision; kept so that the figures agree.
        return _prf(self.counts.exact, self.counts.pred, self.counts.gold)[2]

    @property
    def content_partial(self) -> tuple[float, float, float]:
        return _prf(self.counts.partial, self.counts.pred, self.counts.gold)

    @property
    def source_agree(self) -> float:
        return self.counts.source_ok / max(self.counts.partial, 1)

    @property
    def cue_agree(self) -> float:
        return self.counts.cue_ok / max(self.counts.partial, 1)

    @property
    def end_to_end_f1(self) -> float:
        return _prf(self.counts.e2e, self.counts.pred, self.counts.gold)[2]

    def to_json(self) -> dict[str, Any]:
        p, r, f = self.content_partial
        return {"gold": self.counts.gold, "pred": self.counts.pred,
                "content_exact_f1": round(self.content_exact_f1, 4), "content_partial_p": round(p, 4),
                "content_partial_r": round(r, 4), "content_partial_f1": round(f, 4),
                "source_agree": round(self.source_agree, 4), "cue_agree": round(self.cue_agree, 4),
                "end_to_end_f1": round(self.end_to_end_f1, 4)}


FIGURES = ("content_exact_f1", "content_partial_p", "content_partial_r", "content_partial_f1", "source_agree",
           "cue_agree", "end_to_end_f1")


@dataclass
class ArticleMatch:
    """One article scored: its tokenised gold and predictions and the one-to-one partial matching between them."""

    article: GoldArticle
    gold: list[Tokens]
    gold_raw: list[GoldAttribution]
    preds: list[Tokens]
    preds_raw: list[Mapping[str, Any]]
    pairs: dict[int, int]  # gold index -> prediction index
    counts: Counts


def _pred_tokens(words: WordIndex, p: Mapping[str, Any]) -> Tokens:
    def one(key: str) -> frozenset[int]:
        return words.cover([tuple(p[key])]) if p.get(key) else frozenset()

    return Tokens(words.cover([tuple(s) for s in (p.get("content_spans") or [])]), one("source_span"), one("cue_span"))


def score_article(article: GoldArticle, preds: Sequence[Mapping[str, Any]]) -> ArticleMatch:
    words = WordIndex(article.text)
    gold_raw = [g for g in article.attributions]
    gold_all = [Tokens(words.cover(g.content), words.cover(g.source), words.cover(g.cue)) for g in gold_raw]
    # Gold and predictions without any content word are not attributions the figures can judge.
    keep_g = [i for i, g in enumerate(gold_all) if g.content]
    gold, gold_raw = [gold_all[i] for i in keep_g], [gold_raw[i] for i in keep_g]
    pred_all = [(_pred_tokens(words, p), p) for p in preds]
    pred_all = [(t, p) for t, p in pred_all if t.content]
    pr, pr_raw = [t for t, _ in pred_all], [p for _, p in pred_all]

    c = Counts(gold=len(gold), pred=len(pr))
    c.exact = sum(1 for g in gold if any(g.content == p.content for p in pr))
    # Greedy one-to-one matching, largest overlap first; ties go to the higher indices (the reference sorts the
    # (overlap, gold index, prediction index) triples in reverse).
    cand = sorted(((len(g.content & p.content), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pr)),
                  reverse=True)
    pairs: dict[int, int] = {}
    used_p: set[int] = set()
    for ov, gi, pi in cand:
        if ov == 0 or gi in pairs or pi in used_p:
            continue
        g, p = gold[gi], pr[pi]
        if ov < 0.5 * max(len(g.content), len(p.content)):
            continue
        pairs[gi] = pi
        used_p.add(pi)
        c.partial += 1
        src_ok = (not g.source and not p.source) or bool(g.source & p.source)
        c.source_ok += src_ok
        c.cue_ok += (not g.cue and not p.cue) or bool(g.cue & p.cue)
        c.e2e += src_ok
    return ArticleMatch(article, gold, gold_raw, pr, pr_raw, pairs, c)


@dataclass
class Score:
    """Figures of one system on a split: overall and by publisher."""

    overall: Metrics
    by_publisher: dict[str, Metrics]
    matches: list[ArticleMatch] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"overall": self.overall.to_json(),
                "by_publisher": {k: v.to_json() for k, v in sorted(self.by_publisher.items())}}


def score(articles: Sequence[GoldArticle], preds: Mapping[str, Sequence[Mapping[str, Any]]]) -> Score:
    """Score predictions (grouped by article name) against every article of the split."""
    total = Counts()
    by_pub: dict[str, Counts] = defaultdict(Counts)
    matches = []
    for article in articles:
        m = score_article(article, preds.get(article.name, []))
        total.add(m.counts)
        by_pub[article.publisher].add(m.counts)
        matches.append(m)
    return Score(Metrics(total), {k: Metrics(v) for k, v in by_pub.items()}, matches)


# --- error report --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ErrorExample:
    """A gold attribution nobody found, or a prediction that matches nothing, with the words around it."""

    article: str
    kind: str  # "miss" or "false_find"
    size: int  # content words
    sentence: str
    source: str | None
    cue: str | None
    content: str

    def to_json(self) -> dict[str, Any]:
        return vars(self).copy()


def _text_of(text: str, segs: Iterable[Sequence[int]]) -> str | None:
    parts = [text[s:e] for s, e in sorted(tuple(x) for x in segs)]
    return " … ".join(parts) if parts else None


def _sentence_around(text: str, start: int, end: int, sentences: Sequence[Segment] | None) -> str:
    """The sentence(s) holding [start, end): from the parse where given, else the enclosing paragraph line."""
    if sentences:
        inside = [(s, e) for s, e in sentences if s < max(end, start + 1) and e > start]
        if inside:
            return text[inside[0][0]:inside[-1][1]].strip()
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return text[lo:hi if hi >= 0 else len(text)].strip()


def find_errors(score_: Score, n: int, sentences: Mapping[str, Sequence[Segment]] | None = None
                ) -> dict[str, list[ErrorExample]]:
    """The `n` largest gold attributions with no partial match and the `n` largest unmatched predictions."""
    misses, false_finds = [], []
    for m in score_.matches:
        text, sents = m.article.text, (sentences or {}).get(m.article.name)
        for gi, (g, raw) in enumerate(zip(m.gold, m.gold_raw)):
            if gi in m.pairs:
                continue
            segs = raw.content + raw.source + raw.cue
            misses.append(ErrorExample(
                m.article.name, "miss", len(g.content),
                _sentence_around(text, min(s for s, _ in segs), max(e for _, e in segs), sents),
                _text_of(text, raw.source), _text_of(text, raw.cue), _text_of(text, raw.content) or ""))
        matched = set(m.pairs.values())
        for pi, (p, raw) in enumerate(zip(m.preds, m.preds_raw)):
            if pi in matched:
                continue
            segs = [tuple(s) for s in raw.get("content_spans") or []]
            segs += [tuple(raw[k]) for k in ("source_span", "cue_span") if raw.get(k)]
            false_finds.append(ErrorExample(
                m.article.name, "false_find", len(p.content),
                _sentence_around(text, min(s for s, _ in segs), max(e for _, e in segs), sents),
                _text_of(text, [raw["source_span"]]) if raw.get("source_span") else None,
                _text_of(text, [raw["cue_span"]]) if raw.get("cue_span") else None,
                _text_of(text, raw.get("content_spans") or []) or ""))
    # Largest first: a long missed quotation costs the same one count, but says the most about what rules lack.
    def order(e: ErrorExample) -> tuple[int, str, str]:
        return (-e.size, e.article, e.content)

    return {"misses": sorted(misses, key=order)[:n], "false_finds": sorted(false_finds, key=order)[:n]}


# --- a whole evaluation --------------------------------------------------------------------------------------------

@dataclass
class SystemResult:
    """One system's figures and speed on a split."""

    name: str
    score: Score
    seconds: float  # parse + this system's extraction
    words_per_second: float
    failures: list[str] = field(default_factory=list)  # "ARTICLE: error" for articles whose extraction raised
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, **self.score.to_json(), "seconds": round(self.seconds, 3),
                "words_per_second": round(self.words_per_second, 1), "failures": self.failures,
                "notes": self.notes}


@dataclass
class PolnearResult:
    """The result of `claimgraph eval polnear`: every system on the same parses of the same split."""

    split: str
    articles: int
    words: int
    data_sha256: str
    parse_seconds: float
    parse_words_per_second: float
    systems: dict[str, SystemResult]
    errors: dict[str, list[ErrorExample]] | None = None  # of the first system (claimgraph)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "split": self.split, "articles": self.articles, "words": self.words, "data_sha256": self.data_sha256,
            "parse": {"seconds": round(self.parse_seconds, 3),
                      "words_per_second": round(self.parse_words_per_second, 1)},
            "systems": {k: v.to_json() for k, v in self.systems.items()},
        }
        if self.errors is not None:
            out["errors"] = {k: [e.to_json() for e in v] for k, v in self.errors.items()}
        return out


def evaluate(split_dir: Path, metadata: Path | None = None, *, extractor: Any = None, baseline: bool = True,
             limit: int | None = None, n_process: int = 1, errors: int = 0, progress: bool = False,
             predictions_out: Path | None = None) -> PolnearResult:
    """Run claimgraph (and the textacy baseline) over a split, parsing each article once, and score both.

    `extractor` is a `claimgraph.pipeline.Extractor` (one with the default model is made when None). `limit`
    keeps the first N articles by name; the figures are then for that subset, not the split.
    """
    from claimgraph.eval.baselines import run_systems  # spaCy and textacy load only when evaluating

    articles = load_split(split_dir, metadata)
    if limit is not None:
        articles = articles[:limit]
    run = run_systems(articles, extractor=extractor, baseline=baseline, n_process=n_process, progress=progress)
    systems = {}
    for name, sys_run in run.systems.items():
        systems[name] = SystemResult(name, score(articles, group_predictions(sys_run.predictions)),
                                     run.parse_seconds + sys_run.seconds,
                                     _rate(run.words, run.parse_seconds + sys_run.seconds), sys_run.failures,
                                     sys_run.notes)
        if predictions_out is not None:
            write_predictions(_output_path(Path(predictions_out), name), sys_run.predictions)
    first = next(iter(systems.values()))
    return PolnearResult(
        split=Path(split_dir).name, articles=len(articles), words=run.words, data_sha256=data_hash(articles),
        parse_seconds=run.parse_seconds, parse_words_per_second=_rate(run.words, run.parse_seconds),
        systems=systems, errors=find_errors(first.score, errors, run.sentences) if errors else None)


def _rate(words: int, seconds: float) -> float:
    return words / seconds if seconds > 0 else 0.0


def _output_path(path: Path, system: str) -> Path:
    # claimgraph's predictions go to PATH itself (what the reference scorer reads); a baseline's beside it.
    return path if system == "claimgraph" else path.with_name(f"{path.stem}.{system}{path.suffix or '.jsonl'}")


def write_predictions(path: Path, preds: Iterable[Mapping[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
