"""Grouping across an archive with Spark's own LSH: syndicated copies of a story, and statements of one claim.

Both are MinHashLSH + approxSimilarityJoin (`pyspark.ml.feature`) over token sets, not all pairs:
  - stories: an article's 5-word shingles of its body (ingest.syndication.shingles), joined at estimated Jaccard
    >= the syndication threshold (0.6), copies then grouped as connected components;
  - claims: a statement's stemmed content words (claims.grouping.content_stems; fewer than MIN_WORDS never
    groups), joined at Jaccard >= grouping.THRESHOLD, then united strongest first with the one-machine guard
    (grouping.guarded_union), so that chains of weak links do not drift. The pairs come from `banded_pairs`: the
    one-machine LSH layout (bands of several hashes) in Spark SQL, since MinHashLSH ORs tables of one hash each
    and a common word then fills a bucket (`lsh_pairs` keeps that path for comparison); or, with `semantic`, from
    the semantic step of `link-claims` (spark.semantic).
Both joins verify each candidate pair with the exact Jaccard, so what LSH changes is only which pairs are looked
at. The pairs are collected to the driver for the union: they are few (only pairs above the threshold) where the
statements are many.

`pairwise_agreement` compares two groupings of the same items: precision and recall of the pairs one puts together
against the other's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

NUM_FEATURES = 1 << 22
HASH_TABLES = 8  # Spark's MinHashLSH ORs tables of one hash each: P(candidate) = 1-(1-J)^8, 0.98 at J=0.4


def lsh_pairs(spark: Any, sets: Sequence[Sequence[str]], threshold: float, min_size: int = 1,
              tables: int = HASH_TABLES) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) whose token sets reach Jaccard `threshold`, with their Jaccard, by Spark's LSH join."""
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.sql import functions as F

    rows = [(i, sorted(set(tokens))) for i, tokens in enumerate(sets) if len(set(tokens)) >= max(min_size, 1)]
    if len(rows) < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    frame = spark.createDataFrame(rows, "i long, tokens array<string>")
    features = HashingTF(inputCol="tokens", outputCol="features", numFeatures=NUM_FEATURES,
                         binary=True).transform(frame)
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=tables, seed=1).fit(features)
    joined = (model.approxSimilarityJoin(features, features, 1.0 - threshold + 1e-9, distCol="distance")
              .where(F.col("datasetA.i") < F.col("datasetB.i"))
              .select(F.col("datasetA.i").alias("a"), F.col("datasetB.i").alias("b"), "distance")
              .collect())
    pairs = np.asarray([(r.a, r.b) for r in joined], dtype=np.int64).reshape(-1, 2)
    return pairs, np.asarray([1.0 - r.distance for r in joined], dtype=np.float64)


def banded_pairs(spark: Any, sets: Sequence[Sequence[str]], threshold: float, min_size: int = 1,
                 bands: int | None = None, rows: int | None = None,
                 window: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) whose token sets reach Jaccard `threshold`, with their Jaccard: MinHash LSH with bands
    of `rows` hashes (the one-machine layout of claims.grouping: 21 bands of 3), all in Spark SQL.

    Each set's signature is bands x rows minima of seeded xxhash64 over its tokens; a band's key hashes its rows
    together, so two sets meet in a band only when all its rows agree (P = 1-(1-J^rows)^bands), and a common word
    alone no longer fills a bucket as with MinHashLSH's one-hash tables. In a bucket each member is paired with its
    `window` next members (by index), as on one machine, so a big bucket costs window x size, not size^2. Every
    candidate is checked with the exact Jaccard of the two sets; only pairs at or above `threshold` reach the
    driver (as Arrow)."""
    import pyarrow as pa
    from pyspark.sql import functions as F

    from claimgraph.claims import grouping as g

    bands, rows, window = bands or g.BANDS, rows or g.ROWS, window or g.WINDOW
    kept = [(i, sorted(set(tokens))) for i, tokens in enumerate(sets) if len(set(tokens)) >= max(min_size, 1)]
    if len(kept) < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    table = pa.table({"i": pa.array([i for i, _ in kept], pa.int64()),
                      "tokens": pa.array([t for _, t in kept], pa.list_(pa.string()))})
    frame = spark.createDataFrame(table)

    def seeded(seed: int):
        return lambda token: F.xxhash64(token, F.lit(seed))

    minima = [F.array_min(F.transform("tokens", seeded(k))) for k in range(bands * rows)]
    keys = F.array(*[F.xxhash64(F.lit(b), *minima[b * rows:(b + 1) * rows]) for b in range(bands)])
    buckets = (frame.select("i", F.posexplode(keys).alias("band", "key"))
               .groupBy("band", "key").agg(F.sort_array(F.collect_list("i")).alias("ids"))
               .where(F.size("ids") > 1))
    last = F.size("ids") - 1
    candidates = buckets.select(F.explode(F.flatten(F.transform(
        F.sequence(F.lit(0), last - 1),
        lambda p: F.transform(F.sequence(p + 1, F.least(p + window, last)),
                              lambda q: F.struct(F.element_at("ids", p + 1).alias("a"),
                                                 F.element_at("ids", q + 1).alias("b")))))).alias("pair"))
    candidates = candidates.select("pair.a", "pair.b").distinct()
    left = frame.select(F.col("i").alias("a"), F.col("tokens").alias("ta"))
    right = frame.select(F.col("i").alias("b"), F.col("tokens").alias("tb"))
    inter = F.size(F.array_intersect("ta", "tb"))
    scored = (candidates.join(left, "a").join(right, "b")
              .select("a", "b", (inter / (F.size("ta") + F.size("tb") - inter)).alias("jaccard"))
              .where(F.col("jaccard") >= threshold))
    found = scored.toArrow()
    pairs = np.stack([found["a"].to_numpy(), found["b"].to_numpy()], axis=1).astype(np.int64).reshape(-1, 2)
    scores = found["jaccard"].to_numpy().astype(np.float64)
    order = np.lexsort((pairs[:, 1], pairs[:, 0]))   # Spark's row order varies from run to run
    return pairs[order], scores[order]


def group_stories(spark: Any, texts: Sequence[str], threshold: float | None = None) -> np.ndarray:
    """Story labels for article bodies: copies (5-word shingles at Jaccard >= threshold) share a label."""
    from claimgraph.claims.grouping import UnionFind
    from claimgraph.ingest.syndication import DEFAULT_THRESHOLD, shingles

    sets = [[s.decode("utf-8") for s in shingles(text)] for text in texts]
    pairs, _ = lsh_pairs(spark, sets, threshold or DEFAULT_THRESHOLD)
    uf = UnionFind(len(texts))
    for a, b in pairs.tolist():
        uf.union(a, b)
    return np.asarray([uf.find(i) for i in range(len(texts))])


def group_claims(spark: Any, texts: Sequence[str], threshold: float | None = None,
                 lsh: str = "banded") -> np.ndarray:
    """Claim labels for statements' words: the lexical grouping of claims.grouping, with Spark finding the pairs
    (`lsh` "banded": `banded_pairs`, the one-machine LSH layout; "tables": MinHashLSH's one-hash tables)."""
    from claimgraph.claims.grouping import MIN_WORDS, THRESHOLD, UnionFind, content_stems, guarded_union

    threshold = threshold or THRESHOLD
    sets = [content_stems(text) for text in texts]
    find = {"banded": banded_pairs, "tables": lsh_pairs}[lsh]
    pairs, scores = find(spark, [sorted(s) for s in sets], threshold, min_size=MIN_WORDS)
    uf = UnionFind(len(texts))
    guarded_union(uf, pairs, scores, sets, threshold=threshold)
    return np.asarray([uf.find(i) for i in range(len(texts))])


def one_machine_stories(texts: Sequence[str], threshold: float | None = None) -> np.ndarray:
    """The ingest path's grouping of the same bodies: each article matched against the stories before it."""
    from claimgraph.ingest.syndication import DEFAULT_THRESHOLD, SyndicationIndex
    from claimgraph.records import Article

    index = SyndicationIndex(threshold or DEFAULT_THRESHOLD)
    labels: list[int] = []
    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        article = Article(f"#{i}", text)
        match = index.match(article)
        if match is not None:
            labels.append(first[match[0]])
            continue
        first.setdefault(article.id, i)
        index.add(article)
        labels.append(first[article.id])
    return np.asarray(labels)


def pairwise_agreement(ours: Sequence[int], theirs: Sequence[int]) -> dict[str, float | int]:
    """Precision and recall of `ours`' same-group pairs against `theirs`' (1.0 where a side has no pair)."""
    def pair_count(labels: Sequence[int]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    both = pair_count(list(zip(ours, theirs)))
    ours_pairs, theirs_pairs = pair_count(list(ours)), pair_count(list(theirs))
    return {"pairs_spark": ours_pairs, "pairs_one_machine": theirs_pairs, "pairs_both": both,
            "precision": round(both / ours_pairs, 4) if ours_pairs else 1.0,
            "recall": round(both / theirs_pairs, 4) if theirs_pairs else 1.0}


def group_run(spark: Any, folder: str, compare: bool = False, semantic: bool = False) -> dict[str, Any]:
    """Group a `spark extract` run's stories and claims; write datasets `stories` (article_id, story) and
    `claims` (attribution_id, claim): a label is the id of one member of the group. Claims by the lexical grouping
    (banded LSH and the guard), or with `semantic` by the semantic step of `link-claims` (spark.semantic). With
    `compare`, the same input is grouped on one machine too and the pairwise agreement is returned."""
    from pathlib import Path

    from claimgraph.claims.grouping import content_stems, group, group_statements
    from claimgraph.nlp.predicates import decode as decode_predicates
    from claimgraph.spark.semantic import group_claims_semantic

    articles = spark.read.parquet(str(Path(folder) / "articles")).select("id", "text", "body_start") \
        .orderBy("id").collect()
    frame = spark.read.parquet(str(Path(folder) / "attributions"))
    # the predicates extraction recorded (a run written before they were: none, and the grouping parses)
    columns = ["id", "article_id", "content"] + (["predicates"] if "predicates" in frame.columns else [])
    statements = frame.select(*columns).where("content is not null").dropDuplicates(["id"]).orderBy("id").collect()
    bodies = [r.text[r.body_start or 0:] or r.text for r in articles]
    words = [r.content for r in statements]
    sources = [r.article_id for r in statements]   # an article's subject words anchor no pair (as in link-claims)
    said = [decode_predicates(r["predicates"]) if "predicates" in columns else None for r in statements]
    stories = group_stories(spark, bodies)
    claims = group_claims_semantic(spark, words, sources, said) if semantic else group_claims(spark, words)
    for name, rows, labels, schema in (("stories", articles, stories, "article_id string, story string"),
                                       ("claims", statements, claims, "attribution_id string, claim string")):
        table = [(row.id, rows[int(label)].id) for row, label in zip(rows, labels)]
        spark.createDataFrame(table, schema).write.mode("overwrite").parquet(str(Path(folder) / name))
    report: dict[str, Any] = {"articles": len(articles), "stories": len(set(stories.tolist())),
                              "statements": len(statements), "claims": len(set(claims.tolist())),
                              "claims_by": "semantic" if semantic else "lexical"}
    if compare:
        report["stories_agreement"] = pairwise_agreement(stories, one_machine_stories(bodies))
        one = group_statements(words, sources=sources, predicates=said) if semantic \
            else group([content_stems(w) for w in words])
        report["claims_agreement"] = pairwise_agreement(claims, one)
    return report
