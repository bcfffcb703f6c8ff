"""The semantic step of claim grouping (claims.semantic, what `link-claims` runs) with Spark doing the heavy part.

On the executors (`mapPartitions`, one model2vec model per Python worker): each statement's stemmed content words and
its static embedding. In Spark SQL: the TF-IDF weights (sklearn's smooth IDF over all the statements, l2-normalised,
as claims.vectors fits them), the candidate pairs, their similarity

    WORDS x cos(TF-IDF) + (1 - WORDS) x cos(embedding)     (only for pairs that share a word)

and each statement's NEIGHBOURS strongest partners at or above the link (semantic.link_for; a pair stays when it is
among the strongest of either of its statements), as one machine's exact path keeps them up to semantic.EXACT_MAX
statements. Above that, one machine's blocks count a pair for the statement of the two that comes first by its words
(claims.cells.top_per_statement). Either way the pairs kept do not depend on the input order, and the statements are
grouped in their canonical order (claims.canonical, as link_restatements groups them), so ties fall alike too.
Candidates are not all pairs: statements that share a word held by at most RARE statements (blocking on rare words,
which carry the TF-IDF weight), plus the banded MinHash pairs of the lexical grouping (spark.grouping.banded_pairs),
so a pair that shares only common words is found when its words overlap enough. The pairs and the statements'
vectors then go to the driver, where claims.semantic.average_linkage joins them exactly as on one machine (after the
same shared-neighbours test, semantic.neighbourly, which reads only the pairs and their similarity).

What differs from one machine: its candidates are every pair sharing a word up to 20,000 statements (blocks of rare
words above); here a pair sharing only words held by more than RARE statements, with a Jaccard below the LSH threshold,
is not looked at. `pairwise_agreement` against claims.grouping.group_statements measures what that changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

RARE = 200     # a word held by at most this many statements pairs them all
BATCH = 4096


def _vectors(items: Iterator[tuple[int, str]]) -> Iterator[tuple[int, list[str], list[float]]]:
    """mapPartitions: (i, text) -> (i, stems, emb): stemmed content words and the unit static embedding, a batch
    at a time."""
    from claimgraph.claims import embeddings, vectors

    items = list(items)
    for start in range(0, len(items), BATCH):
        batch = items[start:start + BATCH]
        texts = [t or "" for _, t in batch]
        emb = embeddings.embed(texts)
        for (i, _), text, row in zip(batch, texts, emb.tolist()):
            yield i, vectors._stems(text), row


def _dot(a: str, b: str) -> Any:
    from pyspark.sql import functions as F

    return F.aggregate(F.zip_with(a, b, lambda x, y: x * y), F.lit(0.0), lambda acc, x: acc + x)


def semantic_pairs(spark: Any, texts: Sequence[str],
                   sources: Sequence[Any] | None = None) -> tuple[np.ndarray, np.ndarray, Any, np.ndarray]:
    """Candidate pairs at or above LINK with their similarity, and the statements' weighted vectors (TF-IDF rows
    as a CSR matrix, embeddings), in the layout claims.semantic.average_linkage takes (`sources`: each statement's
    article, as in claims.grouping.link_restatements)."""
    import pyarrow as pa
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from claimgraph.claims import anchors, semantic, vectors
    from claimgraph.claims.grouping import MIN_WORDS, THRESHOLD, content_stems
    from claimgraph.spark.grouping import banded_pairs

    n = len(texts)
    slices = max(1, min(spark.sparkContext.defaultParallelism * 2, n // 1000 + 1))
    vec = (spark.sparkContext.parallelize(list(enumerate(texts)), slices).mapPartitions(_vectors)
           .toDF("i long, stems array<string>, emb array<float>").cache())
    terms = vec.select("i", "stems", F.explode("stems").alias("stem"))
    df = terms.groupBy("stem").agg(F.count("*").alias("df"))
    idf = F.log(F.lit(1.0 + n) / (F.col("df") + 1.0)) + 1.0
    weighted = (terms.join(df, "stem").withColumn("w", idf)
                .withColumn("w", F.col("w") / F.sqrt(F.sum(F.col("w") ** 2).over(Window.partitionBy("i")))
                            * F.lit(float(np.sqrt(vectors.WORDS))))
                .where(F.size("stems") >= vectors.MIN_WORDS).cache())   # shorter: zero vectors, never joined
    # the word half link-claims uses (IDF power, coarse stems) and each term's information by part (stems, coarse
    # stems), for anchors.anchored
    matrix, info = vectors.word_rows(texts)
    matrix.eliminate_zeros()
    # the entries whose information counts in what a pair shares (anchors.anchor_rows: not the article's subject)
    matrix = matrix.tocoo()
    counts = np.asarray(anchors.anchor_rows(matrix.tocsr(), sources)[matrix.row, matrix.col]).ravel()
    parts = range(info.shape[1])
    entries = spark.createDataFrame(pa.table({"i": pa.array(matrix.row, pa.int64()),
                                              "t": pa.array(matrix.col, pa.int64()),
                                              "w": pa.array(matrix.data.astype(np.float64)),
                                              **{f"s{k}": pa.array(info[matrix.col, k].astype(np.float64))
                                                 for k in parts},
                                              **{f"m{k}": pa.array((info[matrix.col, k] * counts).astype(np.float64))
                                                 for k in parts}}))
    words = entries.groupBy("i").agg(F.map_from_entries(F.collect_list(F.struct("t", "w"))).alias("words"),
                                     *[F.map_from_entries(F.collect_list(F.struct("t", f"s{k}"))).alias(f"info{k}")
                                       for k in parts],
                                     *[F.map_from_entries(F.collect_list(F.struct("t", f"m{k}"))).alias(f"held{k}")
                                       for k in parts])
    own = [F.aggregate(F.map_values(f"info{k}"), F.lit(0.0), lambda acc, x: acc + x).alias(f"own{k}") for k in parts]
    rows = (words.select("i", "words", "info0", *[f"held{k}" for k in parts], *own)
            .join(vec.select("i", "emb"), "i").cache())

    rare = weighted.where(F.col("df") <= RARE).select("i", "stem")
    blocked = (rare.alias("x").join(rare.alias("y"), "stem").where(F.col("x.i") < F.col("y.i"))
               .select(F.col("x.i").alias("a"), F.col("y.i").alias("b")))
    lexical, _ = banded_pairs(spark, [sorted(content_stems(t)) for t in texts], THRESHOLD, min_size=MIN_WORDS)
    lsh = spark.createDataFrame(pa.table({"a": pa.array(lexical[:, 0], pa.int64()),
                                          "b": pa.array(lexical[:, 1], pa.int64())}))
    candidates = blocked.unionByName(lsh).distinct()
    shared = F.aggregate(F.map_values(F.map_zip_with("wa", "wb", lambda k, x, y: F.coalesce(x * y, F.lit(0.0)))),
                         F.lit(0.0), lambda acc, x: acc + x)
    # terms both statements hold; one word shared links only when the meanings agree too (claims.anchors)
    both = F.size(F.map_filter(F.map_zip_with("wa", "wb", lambda k, x, y: F.coalesce(x * y, F.lit(0.0))),
                               lambda k, v: v != 0))
    one_word = ((F.col("both") < anchors.ONE_WORD_TERMS) & (F.col("cos") < anchors.ONE_WORD_MEANING)
                if anchors.ONE_WORD_MEANING is not None else F.lit(False))
    # the information of the terms both hold, by part (anchors.anchored: specific words shared; a term's is the
    # same on both sides, 0 where it is the article's subject, anchor_rows: a term counts where both are above 0)
    shared_info = [F.aggregate(F.map_values(F.map_zip_with(f"held{k}_a", f"held{k}_b",
                                                           lambda t, x, y: F.when(y > 0, x))),
                               F.lit(0.0), lambda acc, x: acc + F.coalesce(x, F.lit(0.0))).alias(f"shared{k}")
                   for k in parts]
    whole = F.aggregate(F.map_values(F.map_zip_with("info0_a", "info0_b", lambda t, x, y: F.when(y.isNotNull(), x))),
                        F.lit(0.0), lambda acc, x: acc + F.coalesce(x, F.lit(0.0))).alias("whole")
    anchor = anchors.anchored([F.col(f"shared{k}") for k in parts], [F.col(f"own{k}_a") for k in parts],
                              [F.col(f"own{k}_b") for k in parts], F.col("cos") * (1.0 - vectors.WORDS),
                              least=F.least, whole=F.col("whole"))

    def side(name: str) -> list[Any]:
        return [F.col("i").alias(name), F.col("words").alias("w" + name), F.col("emb").alias("e" + name),
                F.col("info0").alias("info0_" + name), *[F.col(f"held{k}").alias(f"held{k}_{name}") for k in parts],
                *[F.col(f"own{k}").alias(f"own{k}_{name}") for k in parts]]

    scored = (candidates
              .join(rows.select(*side("a")), "a")
              .join(rows.select(*side("b")), "b")
              .select("a", "b", shared.alias("shared"), _dot("ea", "eb").alias("cos"), both.alias("both"),
                      *shared_info, whole, *[F.col(f"own{k}_{x}") for k in parts for x in "ab"])
              .where((F.col("shared") > 0) & ~one_word & anchor)
              .select("a", "b", (F.col("shared") + F.col("cos") * (1.0 - vectors.WORDS)).alias("sim")))
    # each statement's NEIGHBOURS strongest partners on either side of the pair (as semantic.candidate_pairs: a
    # pair stays when it is among the strongest of either of its statements, whatever their places in the input)
    either = scored.unionByName(scored.select(F.col("b").alias("a"), F.col("a").alias("b"), "sim"))
    strongest = F.rank().over(Window.partitionBy("a").orderBy(F.col("sim").desc()))
    kept = (either.withColumn("rank", strongest)
            .where((F.col("rank") <= semantic.NEIGHBOURS) & (F.col("sim") >= semantic.link_for(n)))
            .select(F.least("a", "b").alias("a"), F.greatest("a", "b").alias("b"), "sim").distinct().toArrow())
    pairs = np.stack([kept["a"].to_numpy(), kept["b"].to_numpy()], axis=1).astype(np.int64).reshape(-1, 2)
    sims = kept["sim"].to_numpy().astype(np.float32)
    order = np.lexsort((pairs[:, 1], pairs[:, 0]))

    emb_rows = rows.select("i", "emb").toArrow()
    emb = np.zeros((n, 0), dtype=np.float32)
    if emb_rows.num_rows:
        values = np.asarray(emb_rows["emb"].to_pylist(), dtype=np.float32)
        emb = np.zeros((n, values.shape[1]), dtype=np.float32)
        emb[emb_rows["i"].to_numpy()] = values * np.float32(np.sqrt(1 - vectors.WORDS))
    for frame in (vec, weighted, rows):
        frame.unpersist()
    return pairs[order], sims[order], matrix.tocsr(), emb


def group_claims_semantic(spark: Any, texts: Sequence[str], sources: Sequence[Any] | None = None,
                          predicates: Sequence[Any] | None = None) -> np.ndarray:
    """Claim labels for plain statements by the semantic step of `link-claims`, the pairs found by Spark
    (`sources`: each statement's article, and `predicates`: each one's as extraction recorded them, as in
    claims.grouping.link_restatements)."""
    from claimgraph.claims.canonical import canonical_order

    if len(texts) < 2:
        return np.arange(len(texts))
    order = canonical_order(texts, sources)   # as link_restatements: the same statements in any order, one grouping
    labels = _group_in_order(spark, [texts[i] for i in order], None if sources is None else [sources[i] for i in order],
                             None if predicates is None else [predicates[i] for i in order])
    out = np.empty(len(texts), dtype=np.int64)
    out[order] = order[labels]   # each statement's label: the input position of its group's root
    return out


def _group_in_order(spark: Any, texts: Sequence[str], sources: Sequence[Any] | None,
                    predicates: Sequence[Any] | None) -> np.ndarray:
    """`group_claims_semantic` over statements in the order given (labels as positions in it)."""
    from claimgraph.claims.evidence import evidenced
    from claimgraph.claims.semantic import average_linkage, link_for, neighbourly
    from claimgraph.claims.vectors import word_rows

    pairs, sims, words, emb = semantic_pairs(spark, texts, sources)
    pairs, sims = evidenced(texts, pairs, sims, words, emb, word_rows(texts)[1], sources, link_for(len(texts)),
                            predicates)
    pairs, sims = neighbourly(len(texts), pairs, sims)
    return average_linkage(len(texts), pairs, sims, words, emb)
