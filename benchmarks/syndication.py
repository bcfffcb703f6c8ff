"""How well `SyndicationIndex` groups syndicated copies: pairwise precision and recall at several thresholds.

The test set is built at run time and never written to disk: originals are fictional articles written here and
(when present) the bodies of ../shared/data/fnc1/train_bodies.csv; each original gets edited copies as sites run
wire copy: sentences dropped, words substituted, a byline and a boilerplate footer added. Groups are formed as the
service forms them (each article in turn: a copy of the best stored match, else a new story). Precision and
recall are over pairs of articles put in the same story. The baseline groups by exact text hash.

    .venv/bin/python benchmarks/syndication.py [--bodies 400] [--seed 7] [--shingle 5]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import defaultdict
from itertools import combinations

from claimgraph.eval.data import shared_data_dir
from claimgraph.ingest.syndication import SyndicationIndex, shingles
from claimgraph.records import Article

FNC_BODIES = shared_data_dir("fnc1", "train_bodies.csv")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)

FICTIONAL = [
    "The harbour authority of Port Ellis will close the northern pier for repairs, its director, Marta Quillon, "
    "said on Tuesday. Fishermen will be moved to the southern basin. The council approved the money in March "
    "after an engineer warned that two pilings had split. The pier will reopen before the autumn regatta.",
    "Organisers of the Vellmoor lantern festival said the parade will follow a new route through the old market. "
    "Ines Harrowgate, the director, said twelve thousand visitors were expected. The transport office announced "
    "extra trams, and police will close Mill Street to cars from six in the evening.",
    "Engineers found cracks in two girders of the Calder Ford bridge, the roads agency said on Monday. Lorries "
    "heavier than twelve tonnes are barred until repairs are made. The mayor, Tomas Ferrin, said the town had "
    "warned about the bridge for years and asked for the inspection reports to be published.",
    "The Ashmere water board raised its prices by four percent, blaming the cost of a new filtration plant. "
    "Consumer groups said the rise was unfair to pensioners. The board's chair, Hollis Varga, said bills would "
    "fall again once the plant was paid for, probably within six years.",
    "Teachers in the Marrow Valley district voted to strike for two days next month over class sizes, their "
    "union said. The district's superintendent, Nadia Orwell, said she regretted the vote and hoped talks would "
    "resume. Parents were told that schools would stay open for younger pupils.",
    "A fire at a grain store near Tolland destroyed about three hundred tonnes of wheat overnight, the fire "
    "service said. No one was hurt. The owner, Bram Ostrander, said the store had been inspected in the spring "
    "and that he suspected a fault in the drying equipment.",
]
BYLINES = ["By Lio Marrant, Coastline Wire", "From the Meridian News Service", "Staff and wire reports",
           "By Sana Idlewick | Northgate Herald"]
FOOTERS = ["Read more stories on our website and follow us for updates.",
           "Copyright Coastline Wire. All rights reserved. This material may not be republished.",
           "Sign up for our morning newsletter to get the day's headlines in your inbox."]
SUBSTITUTES = {"said": "stated", "on": "on", "the": "the", "would": "will", "about": "around", "new": "fresh",
               "city": "town", "people": "residents", "government": "administration", "officials": "authorities"}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def edit(text: str, rng: random.Random, level: str) -> str:
    """A copy as another site runs it. `light`: one sentence dropped or none, a few words changed, a byline; `heavy`:
    several sentences dropped and many words changed (a rewrite, still the same story)."""
    parts = sentences(text)
    drops = {"exact": 0, "light": rng.choice([0, 1]), "heavy": max(1, len(parts) // 3)}[level]
    for _ in range(min(drops, len(parts) - 2)):
        parts.pop(rng.randrange(1, len(parts)))  # the lede stays: sites cut from the middle and the end
    words = " ".join(parts).split(" ")
    changes = {"exact": 0, "light": rng.randint(1, 3), "heavy": max(4, len(words) // 25)}[level]
    for _ in range(changes):
        i = rng.randrange(len(words))
        words[i] = SUBSTITUTES.get(words[i].lower(), words[i] + "s")
    body = " ".join(words)
    if level == "exact":
        return text
    return f"{rng.choice(BYLINES)}\n\n{body}\n\n{rng.choice(FOOTERS)}"


def load_originals(n_bodies: int, rng: random.Random, shingle: int) -> list[str]:
    """Fictional articles, then FNC-1 bodies; bodies too close to one already taken are left out (FNC-1 has its
    own near-duplicates, which would count as false groupings here)."""
    originals = list(FICTIONAL)
    if FNC_BODIES.exists() and n_bodies:
        with FNC_BODIES.open(encoding="utf-8") as fh:
            bodies = [row["articleBody"] for row in csv.DictReader(fh) if len(row["articleBody"].split()) >= 60]
        rng.shuffle(bodies)
        guard = SyndicationIndex(threshold=0.3, shingle_words=shingle)
        for body in bodies:
            if len(originals) >= len(FICTIONAL) + n_bodies:
                break
            article = Article(str(len(originals)), body)
            if guard.match(article) is None:
                guard.add(article)
                originals.append(body)
    else:
        print(f"({FNC_BODIES} not found: fictional articles only)", file=sys.stderr)
    return originals


def quoting(source: str, host: str, rng: random.Random) -> str:
    """The hard negative: another story that quotes a long passage (about 40 words) of this one."""
    words = source.split()
    start = rng.randrange(0, max(1, len(words) - 40))
    passage = " ".join(words[start:start + 40])
    parts = sentences(host)
    at = rng.randrange(0, len(parts) + 1)
    return " ".join(parts[:at] + [f'"{passage}," a spokesperson said.'] + parts[at:])


def build_set(originals: list[str], rng: random.Random, hosts: list[str] = ()) -> list[tuple[str, int, str]]:
    """(text, true story, edit level) for each original and its copies, plus, for each of `hosts` (bodies that are
    not originals), that story quoting a long passage of an original: a story of its own. Shuffled as a day's news
    arrives."""
    items = []
    for story, text in enumerate(originals):
        items.append((text, story, "original"))
        for level in rng.sample(["exact", "light", "light", "heavy"], k=rng.randint(1, 3)):
            items.append((edit(text, rng, level), story, level))
    for k, host in enumerate(hosts):
        source = rng.randrange(len(originals))
        items.append((quoting(originals[source], host, rng), len(originals) + k, "quoting"))
    rng.shuffle(items)
    return items


def pair_scores(predicted: list[int], truth: list[int]) -> tuple[float, float]:
    def pairs(labels: list[int]) -> set[tuple[int, int]]:
        groups = defaultdict(list)
        for i, label in enumerate(labels):
            groups[label].append(i)
        return {p for members in groups.values() for p in combinations(members, 2)}

    got, want = pairs(predicted), pairs(truth)
    tp = len(got & want)
    return (tp / len(got) if got else 1.0), (tp / len(want) if want else 1.0)


def group(items: list[tuple[str, int, str]], threshold: float, shingle: int) -> list[int]:
    index = SyndicationIndex(threshold=threshold, shingle_words=shingle)
    story_of: dict[str, int] = {}
    labels = []
    for n, (text, _, _) in enumerate(items):
        article = Article(str(n), text)
        match = index.match(article)
        if match is not None:
            labels.append(story_of[match[0]])
        else:
            index.add(article)
            story_of[article.id] = n
            labels.append(n)
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=400, help="FNC-1 bodies to use as originals (0: none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shingle", type=int, default=5, help="words per shingle")
    parser.add_argument("--quoting", type=int, default=200,
                        help="hard negatives: other stories quoting ~40 words of one (their own story)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = load_originals(args.bodies + args.quoting, rng, args.shingle)
    hosts = pool[len(pool) - args.quoting:] if len(pool) > len(FICTIONAL) + args.quoting else []
    originals = pool[:len(pool) - len(hosts)]
    items = build_set(originals, rng, hosts)
    truth = [story for _, story, _ in items]
    levels = defaultdict(int)
    for _, _, level in items:
        levels[level] += 1
    print(f"{len(originals)} stories ({len(FICTIONAL)} fictional), {len(items)} articles: "
          + ", ".join(f"{n} {level}" for level, n in sorted(levels.items())) + f"; {args.shingle}-word shingles")

    exact_ids: dict[str, int] = {}
    exact = [exact_ids.setdefault(Article("x", text).hash, n) for n, (text, _, _) in enumerate(items)]
    rows = [("exact hash", *pair_scores(exact, truth), 0.0, _recall_by_level(exact, items))]
    for threshold in THRESHOLDS:
        start = time.perf_counter()
        labels = group(items, threshold, args.shingle)
        rows.append((f"minhash {threshold:.1f}", *pair_scores(labels, truth), time.perf_counter() - start,
                     _recall_by_level(labels, items)))
    print(f"{'method':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'R light':>8} {'R heavy':>8} {'seconds':>8}")
    for name, p, r, seconds, by_level in rows:
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:<14} {p:>9.3f} {r:>7.3f} {f1:>6.3f} {by_level.get('light', 0):>8.3f} "
              f"{by_level.get('heavy', 0):>8.3f} {seconds:>8.2f}")
    print("R light / R heavy: share of light / heavy copies put in the same story as their original.")
    similarity = [len(shingles(t, args.shingle)) for t, _, _ in items]
    print(f"median shingles per article: {sorted(similarity)[len(similarity) // 2]}")


def _recall_by_level(labels: list[int], items: list[tuple[str, int, str]]) -> dict[str, float]:
    original_label = {story: labels[n] for n, (_, story, level) in enumerate(items) if level == "original"}
    hits, totals = defaultdict(int), defaultdict(int)
    for n, (_, story, level) in enumerate(items):
        if level in ("light", "heavy"):
            totals[level] += 1
            hits[level] += labels[n] == original_label[story]
    return {level: hits[level] / totals[level] for level in totals}


if __name__ == "__main__":
    main()
