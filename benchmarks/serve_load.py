"""Load on `claimgraph serve`: 8 (or N) concurrent clients on loopback against a ledger of synthesised articles,
with an ingest writing at the same time; requests per second and p50/p95/p99 for the claim page, search and the
attribution list, printed beside a baseline from the same run (one client, no writer).

    python benchmarks/serve_load.py --articles 10000              # SQLite
    python benchmarks/serve_load.py --articles 10000 --postgres postgresql+psycopg://…   # then PostgreSQL too

The articles are synthesised from the PolNeAR texts and FNC-1 bodies in ../shared/data (never copied into the
repository): article i joins the paragraphs of two bodies picked by a seeded generator, under a publisher from a
fictional list and a date that varies with i, so no two articles share more than half their text and syndication
keeps them apart. They are ingested once (`claimgraph ingest --rules-only`) and cached under runs/serve-load/;
a PostgreSQL run copies the cached SQLite ledger's tables rather than extracting again. The writer during the load
ingests further synthesised articles (into the SQLite ledger; into PostgreSQL by the same command with its URL).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
CACHE = REPO / "runs" / "serve-load"
OUTLETS = ["Kestrel Bay Courier", "Northgate Tribune", "Port Ellis Ledger", "Tidewater Gazette", "Harbor Wire",
           "Ashford Daily", "Lowmoor Post", "Cinder Valley News"]
KINDS = ("claim page", "search", "attribution list")


def bodies() -> list[str]:
    csv.field_size_limit(10**8)
    with open(DATA / "fnc1" / "train_bodies.csv", encoding="utf-8") as handle:
        found = [row["articleBody"] for row in csv.DictReader(handle)]
    for split in ("train", "dev"):
        found += [p.read_text(encoding="utf-8") for p in sorted((DATA / "polnear" / split / "text").glob("*.txt"))]
    return [b for b in found if len(b.split()) > 60]


def synthesise(count: int, start: int, out: Path) -> Path:
    """`count` articles as JSONL (ids from `start`), each joining two bodies' paragraphs."""
    texts, rng = bodies(), random.Random(start * 7919 + count)
    with open(out, "w", encoding="utf-8") as handle:
        for i in range(start, start + count):
            a, b = rng.sample(range(len(texts)), 2)
            first = [p for p in texts[a].split("\n") if p.strip()]
            second = [p for p in texts[b].split("\n") if p.strip()]
            body = first[: max(1, len(first) // 2)] + second[len(second) // 2:]
            record = {"id": f"load-{i}", "title": first[0][:120], "publisher": OUTLETS[i % len(OUTLETS)],
                      "published": str(date(2030, 1, 1) + timedelta(days=i % 700)), "text": "\n\n".join(body)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def claimgraph(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "claimgraph", *args], check=True, cwd=REPO)


def cached_ledger(count: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"ledger-{count}.db"
    if not db.exists():
        source = synthesise(count, 0, CACHE / f"articles-{count}.jsonl")
        partial = db.with_suffix(".partial.db")
        claimgraph("ingest", str(source), "--db", str(partial), "--rules-only", "--processes", "2")
        partial.rename(db)
    return db


def copy_to_postgres(sqlite_db: Path, url: str) -> None:
    """The cached ledger's rows into PostgreSQL (same schema, migrated by Store.open), in dependency order."""
    from sqlalchemy import delete, insert, select, update

    from claimgraph.store import Store
    from claimgraph.store import schema as t

    tables = [t.articles, t.appearances, t.article_signatures, t.speakers, t.attributions, t.claims, t.voices]
    with Store.open(sqlite_db) as source, Store.open(url) as target:
        with target.engine.begin() as conn:
            for table in reversed(tables):
                conn.execute(delete(table))
        with source.engine.connect() as read, target.engine.begin() as write:
            for table in tables:
                rows = [dict(r._mapping) for r in read.execute(select(table))]
                # speakers.affiliation_id points into speakers: insert without it, then set it.
                links = [(r["id"], r.pop("affiliation_id")) for r in rows] if table is t.speakers else []
                for chunk in range(0, len(rows), 5000):
                    write.execute(insert(table), rows[chunk:chunk + 5000])
                for speaker, affiliation in links:
                    if affiliation:
                        write.execute(update(t.speakers).where(t.speakers.c.id == speaker)
                                      .values(affiliation_id=affiliation))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def targets(base: str, client: httpx.Client) -> dict[str, list[str]]:
    """Request URLs of each kind, drawn from what the ledger holds."""
    claims = client.get(f"{base}/api/v1/claims", params={"limit": 200}).json()["items"]
    speakers = client.get(f"{base}/api/v1/speakers", params={"limit": 100}).json()["items"]
    names = [s["name"] for s in speakers if s["type"] in ("person", "organization")][:50]
    return {
        "claim page": [f"{base}/claims/{c['id']}" for c in claims],
        "search": [f"{base}/api/v1/search?q={urllib.parse.quote(n.split()[-1])}&limit=20" for n in names],
        "attribution list": [f"{base}/api/v1/attributions?speaker={urllib.parse.quote(n)}&limit=50" for n in names],
    }


def hammer(urls: dict[str, list[str]], clients: int, seconds: float) -> dict[str, dict]:
    """`clients` threads, each cycling through the kinds for `seconds`; latencies (ms) and errors per kind."""
    latencies: dict[str, list[float]] = {k: [] for k in KINDS}
    errors: dict[str, int] = {k: 0 for k in KINDS}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(timeout=30) as client:
            turn = seed
            while time.monotonic() < stop:
                kind = KINDS[turn % len(KINDS)]
                turn += 1
                began = time.perf_counter()
                try:
                    ok = client.get(rng.choice(urls[kind])).status_code == 200
                except httpx.HTTPError:
                    ok = False
                took = (time.perf_counter() - began) * 1000
                with lock:
                    latencies[kind].append(took)
                    errors[kind] += 0 if ok else 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {k: {"n": len(v), "rps": len(v) / seconds, "errors": errors[k], **percentiles(v)}
            for k, v in latencies.items()}


def percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"p50": float("nan"), "p95": float("nan"), "p99": float("nan")}
    cuts = statistics.quantiles(values, n=100)
    return {"p50": statistics.median(values), "p95": cuts[94], "p99": cuts[98]}


def run_backend(label: str, db: str, writer_source: Path, clients: int, seconds: float, workers: int = 1) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "claimgraph", "serve", "--db", db, "--port", str(port),
                               "--workers", str(workers)],
                              cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=120) as client:
            for _ in range(600):
                try:
                    client.get(f"{base}/api/v1/speakers?limit=1")
                    break
                except httpx.HTTPError:
                    time.sleep(0.5)
            urls = targets(base, client)
            for kind in KINDS:   # warm: the search index is built on first use
                client.get(urls[kind][0])
        baseline = hammer(urls, 1, seconds)
        writer = subprocess.Popen([sys.executable, "-m", "claimgraph", "ingest", str(writer_source), "--db", db,
                                   "--rules-only", "--no-link-claims"], cwd=REPO,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        loaded = hammer(urls, clients, seconds)
        writer_done = writer.poll() is not None
        writer.terminate()
        writer.wait()
        report(label, baseline, loaded, clients, writer_done)
    finally:
        server.terminate()
        server.wait()


def report(label: str, baseline: dict, loaded: dict, clients: int, writer_done: bool) -> None:
    print(f"\n{label}: {clients} clients with an ingest writing (writer {'finished' if writer_done else 'ran'} "
          f"throughout{'' if not writer_done else ' only part of the time'}), beside 1 client and no writer")
    print("| request | clients | requests/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        for n, row in ((1, baseline[kind]), (clients, loaded[kind])):
            print(f"| {kind} | {n} | {row['rps']:.1f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['p99']:.1f} "
                  f"| {row['errors']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0, help="per phase (baseline, then under load)")
    parser.add_argument("--postgres", help="also run on this PostgreSQL URL (its tables are replaced)")
    parser.add_argument("--workers", type=int, default=1, help="claimgraph serve --workers")
    args = parser.parse_args()
    db = CACHE / f"run-{args.articles}.db"     # the writer adds to a copy; the cache stays as ingested
    shutil.copy(cached_ledger(args.articles), db)
    writer_source = synthesise(200, args.articles, CACHE / f"writer-{args.articles}.jsonl")
    run_backend(f"SQLite, {args.articles} articles, {args.workers} server process(es)", str(db), writer_source,
                args.clients, args.seconds, args.workers)
    if args.postgres:
        copy_to_postgres(db, args.postgres)
        run_backend(f"PostgreSQL, {args.articles} articles, {args.workers} server process(es)", args.postgres,
                    writer_source, args.clients, args.seconds, args.workers)


if __name__ == "__main__":
    main()
