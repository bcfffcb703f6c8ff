"""Precision and recall on news nobody tuned on, from verdicts judged by hand: re-scored on any tree.

usage: python benchmarks/fnc1_judged.py [VERDICTS] [--data DIR] [--show]

VERDICTS (default benchmarks/judged/fnc1_C.jsonl) holds one judged sample of FNC-1 article bodies (docs/fnc1_judged.md
says how they were drawn and judged): a `sample` line naming the Body IDs, one `record` line per attribution the
judged tree gave (its spans, speaker, kind and verdict: right, wrong_speaker, wrong_span, spurious) and one `missed`
line per statement no record covered (character offsets). No text is kept: the bodies are read from
DIR/train_bodies.csv (default ../shared/data/fnc1), written one file each and read as `claimgraph extract` reads them,
so that the offsets are the ones judged.

The current tree's records are matched to the judged ones field by field (body, spans, speaker name, kind): a match
keeps its verdict. A record nobody judged is counted apart, so the figures are bounds: precision between
right / records (the unjudged all wrong) and (right + unjudged) / records (all right); a judged miss that an unjudged
record now overlaps is counted apart too. `--show` lists the unjudged records and the judged ones that are gone, to
be read against the text. On the judged tree itself every record matches and the two bounds meet.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.eval.data import shared_data_dir
from claimgraph.ingest import read_inputs
from claimgraph.pipeline import Extractor

HERE = Path(__file__).resolve().parent
DEFAULT_VERDICTS = HERE / "judged" / "fnc1_C.jsonl"
RIGHT = "right"


def record_key(body: int, kind: str, speaker: str | None, source_span, cue_span, content_spans) -> tuple:
    """What identifies a record for its verdict: a record equal in all of these reads the same to a judge."""
    return (body, kind, speaker, tuple(source_span or ()), tuple(cue_span or ()),
            tuple(tuple(span) for span in content_spans))


def load_verdicts(path: Path) -> tuple[dict, dict[tuple, dict], list[dict]]:
    sample: dict = {}
    judged: dict[tuple, dict] = {}
    missed: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["type"] == "sample":
            sample = row
        elif row["type"] == "record":
            judged[record_key(row["body"], row["kind"], row["speaker"], row["source_span"], row["cue_span"],
                              row["content_spans"])] = row
        elif row["type"] == "missed":
            missed.append(row)
    return sample, judged, missed


def current_records(bodies: list[int], data: Path) -> dict[int, list[dict]]:
    """The current tree's `extract` records of each body, as JSON, keyed by Body ID."""
    texts = {int(row["Body ID"]): row["articleBody"]
             for row in csv.DictReader((data / "train_bodies.csv").open(encoding="utf-8"))}
    extractor = Extractor()
    out: dict[int, list[dict]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for body in bodies:
            (Path(folder) / f"{body}.txt").write_text(texts[body], encoding="utf-8")
        articles = [a for a in read_inputs([folder]) if not isinstance(a, InputError)]
        for extracted in extractor.extract_many(articles):
            body = int(Path(extracted.article.ref).stem)
            out[body] = [a.to_json(extracted.article.ref) for a in extracted.attributions]
    return out


def overlaps(record: dict, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in record["content_spans"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("verdicts", nargs="?", type=Path, default=DEFAULT_VERDICTS)
    parser.add_argument("--data", type=Path, default=shared_data_dir("fnc1"))
    parser.add_argument("--show", action="store_true", help="list unjudged records and judged ones that are gone")
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"no {args.data / 'train_bodies.csv'}: pass --data", file=sys.stderr)
        return 2
    sample, judged, all_missed = load_verdicts(args.verdicts)
    # A miss whose source is clear only from context (a free indirect continuation) is counted in a second figure.
    missed = [m for m in all_missed if not m.get("context_only")]
    records = current_records(sample["bodies"], args.data)

    verdicts: Counter[str] = Counter()
    unjudged: list[dict] = []
    seen: set[tuple] = set()
    for body, rows in records.items():
        for row in rows:
            key = record_key(body, row["kind"], (row["speaker"] or {}).get("name"), row["source_span"],
                             row["cue_span"], row["content_spans"])
            if key in judged:
                seen.add(key)
                verdicts[judged[key]["verdict"]] += 1
            else:
                unjudged.append(dict(row, body=body))
    gone = [row for key, row in judged.items() if key not in seen]
    # A judged miss that a record judged right (or of the wrong speaker or span) now covers is found; by the judging
    # rules no such record covered it on the judged tree.
    covering = [dict(judged[key], body=key[0]) for key in seen if judged[key]["verdict"] != "spurious"]
    found = [m for m in missed if any(r["body"] == m["body"] and overlaps(r, m["start"], m["end"]) for r in covering)]
    missed = [m for m in missed if m not in found]
    all_missed = [m for m in all_missed if m not in found]
    # A judged miss now overlapped by an unjudged record may be found: counted apart, as the records are.
    maybe_found = [m for m in missed if any(r["body"] == m["body"] and overlaps(r, m["start"], m["end"])
                                            for r in unjudged)]
    n = sum(verdicts.values()) + len(unjudged)
    right = verdicts[RIGHT]
    still_missed = len(missed) - len(maybe_found)
    print(f"sample {sample['name']}: {len(sample['bodies'])} FNC-1 bodies, judged at {sample['judged_tree']} "
          f"(extractor {sample['extractor']})")
    print(f"records {n}: judged {n - len(unjudged)} ({', '.join(f'{k} {v}' for k, v in verdicts.most_common())}), "
          f"unjudged {len(unjudged)}; judged records gone {len(gone)} "
          f"({', '.join(f'{k} {v}' for k, v in Counter(r['verdict'] for r in gone).most_common()) or 'none'})")
    print(f"misses judged {len(missed) + len(found)} (and {len(all_missed) - len(missed)} whose source is clear only "
          f"from context): found now by a judged record {len(found)}, overlapped by an unjudged one {len(maybe_found)}")
    low_p = right / n if n else 0.0
    high_p = (right + len(unjudged)) / n if n else 0.0
    low_r = right / (right + len(missed)) if right + len(missed) else 0.0
    high_r = (right + len(maybe_found)) / (right + len(maybe_found) + still_missed) if right + len(missed) else 0.0
    if unjudged:
        print(f"precision {low_p:.3f} .. {high_p:.3f}, recall {low_r:.3f} .. {high_r:.3f} "
              f"(unjudged records all wrong .. all right)")
    else:
        print(f"precision {low_p:.3f}, recall {low_r:.3f} ({right / (right + len(all_missed)):.3f} with the misses "
              f"clear only from context)")
    if args.show:
        for row in unjudged:
            print(f"  NEW  {row['body']}: {(row['speaker'] or {}).get('name')} | {row['cue']} | "
                  f"{(row['content'] or '')[:100]}")
        for row in gone:
            print(f"  GONE {row['body']}: {row['verdict']} ({row['cls'] or ''}) {row['speaker']} {row['cue_span']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
