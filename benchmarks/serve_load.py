"""Load on `claimgraph serve`: 8 (or N) concurrent clients on loopback against a ledger of synthesised articles,
with an ingest writing at the same time; requests per second and p50/p95/p99 for the claim page, search and the
attribution list, printed beside a baseline from the same run (one client, no writer).

    python benchmarks/serve_load.py --articles 10000 --prepare --postgres auto   # build and cache (CPU-heavy)
    python benchmarks/serve_load.py --articles 10000 --seconds 20 --postgres auto  # SQLite, then PostgreSQL

The articles are synthesised from the PolNeAR texts and FNC-1 bodies in ../shared/data (never copied into the
repository): article i is the first half (by paragraphs) of one body and the second half of another, picked by a
seeded generator, under a publisher from a fictional list and a date that varies with i. Syndication detection
keeps most of them apart; an article whose one half is much longer than the other can be judged a copy of another
article sharing that half, and is stored as another appearance of it, as `ingest` would store it.

How the ledger is built (once; cached in runs/serve-load/): each body half is extracted once, as a text of its own
(`--rules-only`, the same `Extractor`), and each article's attributions are its two halves' records with offsets
shifted into the article and ids derived anew from its hash (`ComposedExtractor`); the articles then go through
the same service call `claimgraph ingest` makes (`ingest_articles`: the JSON Lines reader, the syndication index,
`Store.save_article` / `add_appearance`), and claims are linked over the whole ledger as `link-claims` does.
The 2,519 bodies (4,981 distinct halves) are parsed once instead of 10,000 articles (19 minutes for the whole
build on this machine's two shared cores, against over an hour for `ingest`). What differs from extracting each
article whole: a pronoun or surname in one half is never resolved to a name in the other (the halves come from
unrelated bodies, so such a link would be wrong anyway). The search index
is built into the cached ledger too; a PostgreSQL run copies the cached ledger's tables into PostgreSQL
(`--postgres auto` starts a server of its own under runs/serve-load/pg) and builds the index there, once.

During the load, the writer is a real `claimgraph ingest --rules-only --no-link-claims` of 400 further synthesised
articles into the same database (SQLite: a copy of the cached ledger; PostgreSQL: what it stored is removed before
and after each run).

Two ways of loading the server: pause-free clients (`--clients` threads, each sending its next request as soon as
the last one is answered: a closed loop, whose latencies hide how long requests would have queued), and with
`--rates 20,40,…` an open loop after it: requests arrive at each total rate (Poisson, seeded), spread over the same
number of client threads, and each one's latency is measured from its scheduled arrival (`open_loop`).

    python benchmarks/serve_load.py --articles 10000 --seconds 10 --rates 20,40,60,80,120,160 --postgres auto
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import pickle
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
from sqlalchemy import text

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
CACHE = REPO / "runs" / "serve-load"
OUTLETS = ["Kestrel Bay Courier", "Northgate Tribune", "Port Ellis Ledger", "Tidewater Gazette", "Harbor Wire",
           "Ashford Daily", "Lowmoor Post", "Cinder Valley News"]
KINDS = ("claim page", "search", "attribution list")


@functools.cache
def bodies() -> list[str]:
    csv.field_size_limit(10**8)
    with open(DATA / "fnc1" / "train_bodies.csv", encoding="utf-8") as handle:
        found = [row["articleBody"] for row in csv.DictReader(handle)]
    for split in ("train", "dev"):
        found += [p.read_text(encoding="utf-8") for p in sorted((DATA / "polnear" / split / "text").glob("*.txt"))]
    return [b for b in found if len(b.split()) > 60]


def halves(text: str) -> tuple[str, str]:
    """A body's first half and second half (by paragraphs), each as it stands in a synthesised article."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    return "\n\n".join(paragraphs[: max(1, len(paragraphs) // 2)]), "\n\n".join(paragraphs[len(paragraphs) // 2:])


def pairs(count: int, start: int) -> list[tuple[int, int]]:
    """The (first body, second body) of each of `count` articles from id `start`: a seeded draw."""
    n, rng = len(bodies()), random.Random(start * 7919 + count)
    return [tuple(rng.sample(range(n), 2)) for _ in range(count)]


def synthesise(count: int, start: int, out: Path) -> Path:
    """`count` articles as JSONL (ids from `start`), each the first half of one body and the second of another."""
    texts = bodies()
    with open(out, "w", encoding="utf-8") as handle:
        for i, (a, b) in enumerate(pairs(count, start), start):
            record = {"id": f"load-{i}", "title": halves(texts[a])[0].split("\n")[0][:120],
                      "publisher": OUTLETS[i % len(OUTLETS)],
                      "published": str(date(2030, 1, 1) + timedelta(days=i % 700)),
                      "text": halves(texts[a])[0] + "\n\n" + halves(texts[b])[1]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def claimgraph(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "claimgraph", *args], check=True, cwd=REPO)


def extracted_halves(processes: int = 2) -> dict[str, list]:
    """Every body half's attributions (rules only), keyed by the half's text: each half extracted once, as a text of
    its own, and cached (runs/serve-load/halves-VERSION.pkl, appended batch by batch so that a killed build resumes).
    """
    from claimgraph import EXTRACTOR_VERSION
    from claimgraph.pipeline import Extractor
    from claimgraph.records import Article

    cache = CACHE / f"halves-{EXTRACTOR_VERSION}.pkl"
    done: dict[str, list] = {}
    if cache.exists():
        with open(cache, "rb") as handle:
            while True:
                try:
                    done.update(pickle.load(handle))
                except EOFError:
                    break
    wanted = sorted({h for body in bodies() for h in halves(body)} - set(done))
    if wanted:
        extractor = Extractor(learned=False)
        batch: dict[str, list] = {}
        with open(cache, "ab") as handle:
            articles = (Article(ref=f"half-{i}", text=h) for i, h in enumerate(wanted))
            for n, item in enumerate(extractor.extract_many(articles, n_process=processes), 1):
                batch[item.article.text] = item.attributions
                if len(batch) == 200 or n == len(wanted):
                    pickle.dump(batch, handle)
                    handle.flush()
                    done.update(batch)
                    batch = {}
                    print(f"extracted {n}/{len(wanted)} halves", file=sys.stderr, flush=True)
    return done


class ComposedExtractor:
    """An `Extractor` stand-in for the synthesised articles: an article's attributions are those of its two halves
    (each extracted once, on its own), their offsets shifted into the article and their ids derived anew from the
    article's hash (`pipeline.rebase`, as for a long article's pieces). What differs from extracting the whole text:
    a pronoun or surname in one half is never resolved to a name in the other (the halves come from unrelated
    bodies, so such a link would be wrong anyway)."""

    def __init__(self, records: dict[str, list]):
        self.records = records
        self.split: dict[str, tuple[str, str]] = {}  # article text -> (first half, second half)

    def extract_many(self, articles, n_process: int = 1, batch_size: int = 16):
        from claimgraph.nlp.language import detect_language
        from claimgraph.pipeline import Extracted, rebase

        for article in articles:
            first, second = self.split[article.text]
            offset = len(first) + 2
            assert article.text[:len(first)] == first and article.text[offset:] == second, article.ref
            found = rebase(self.records[first], article, 0) + rebase(self.records[second], article, offset)
            yield Extracted(article, found, detect_language(article.text))


def cached_ledger(count: int) -> Path:
    """The ledger of `count` synthesised articles, built once and cached (runs/serve-load/ledger-COUNT.db).

    Built as `claimgraph ingest --rules-only` then `claimgraph link-claims` would build it (the same readers, the
    same syndication check, the same Store writes, claims linked over the whole ledger), except that extraction is
    composed from the halves' records (`ComposedExtractor`): ~2,500 bodies are parsed once instead of 10,000
    articles (about 20 minutes on this machine's two shared cores instead of well over an hour).
    """
    from claimgraph.ingest import read_inputs
    from claimgraph.ingest.syndication import SyndicationIndex
    from claimgraph.service import ingest_articles, relink_claims
    from claimgraph.store import Store

    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"ledger-{count}.db"
    if db.exists():
        return db
    source = synthesise(count, 0, CACHE / f"articles-{count}.jsonl")
    texts = bodies()
    composer = ComposedExtractor(extracted_halves())
    for a, b in pairs(count, 0):
        first, second = halves(texts[a])[0], halves(texts[b])[1]
        composer.split[first + "\n\n" + second] = (first, second)
    partial = db.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    began = time.monotonic()
    with Store.open(partial) as store:
        report = ingest_articles(read_inputs([source]), store, composer, syndication=SyndicationIndex.load(store))
        print(f"stored {report.stored}, syndicated {report.syndicated}, duplicate {report.duplicate}, "
              f"failed {report.failed}, {report.attributions} attributions in {time.monotonic() - began:.0f} s",
              file=sys.stderr, flush=True)
        relink_claims(store)
        print(f"linked claims at {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    partial.rename(db)
    return db


def copy_to_postgres(sqlite_db: Path, url: str) -> None:
    """The cached ledger's rows into PostgreSQL (same schema, migrated by Store.open), in dependency order."""
    from sqlalchemy import delete, insert, select, text, update

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
            # Ids were copied as they are: the writer's new appearances must be numbered after them.
            write.execute(text("SELECT setval(pg_get_serial_sequence('appearances', 'id'), "
                               "(SELECT coalesce(max(id), 1) FROM appearances))"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def targets(base: str, client: httpx.Client, n_claims: int = 100) -> dict[str, list[str]]:
    """Request URLs of each kind, drawn from what the ledger holds: the most contested claims (the largest pages),
    and the most quoted people and organisations (by surname in search, by full name in the attribution list)."""
    claims = client.get(f"{base}/api/v1/claims", params={"limit": n_claims}).json()["items"]
    speakers = client.get(f"{base}/api/v1/speakers", params={"limit": 100}).json()["items"]
    names = [s["name"] for s in speakers if s["type"] in ("person", "organization")][:50]
    return {
        "claim page": [f"{base}/claims/{c['id']}" for c in claims],
        "search": [f"{base}/api/v1/search?q={urllib.parse.quote(n.split()[-1])}&limit=20" for n in names],
        "attribution list": [f"{base}/api/v1/attributions?speaker={urllib.parse.quote(n)}&limit=50" for n in names],
    }


class Tally:
    """Latencies (ms) and errors per kind, added to by many client threads."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {k: [] for k in KINDS}
        self.errors: dict[str, int] = {k: 0 for k in KINDS}
        self.lock = threading.Lock()

    def get(self, client: httpx.Client, kind: str, url: str, since: float) -> None:
        """GET `url` and record it under `kind`, its latency counted from `since` (a perf_counter time)."""
        try:
            ok = client.get(url).status_code == 200
        except httpx.HTTPError:
            ok = False
        took = (time.perf_counter() - since) * 1000
        with self.lock:
            self.latencies[kind].append(took)
            self.errors[kind] += 0 if ok else 1


def hammer(urls: dict[str, list[str]], clients: int, seconds: float) -> dict[str, dict]:
    """`clients` threads, each cycling through the kinds for `seconds`; latencies (ms) and errors per kind."""
    tally = Tally()
    stop = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(timeout=30) as client:
            turn = seed
            while time.monotonic() < stop:
                kind = KINDS[turn % len(KINDS)]
                turn += 1
                tally.get(client, kind, rng.choice(urls[kind]), time.perf_counter())

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {k: {"n": len(v), "rps": len(v) / seconds, "errors": tally.errors[k], **percentiles(v)}
            for k, v in tally.latencies.items()}


def open_loop(urls: dict[str, list[str]], clients: int, rate: float, seconds: float, seed: int = 7,
              drain: float = 5.0) -> dict[str, dict]:
    """Open loop: requests arrive at `rate` a second in all (Poisson arrivals, seeded), the kinds in turn, for
    `seconds`, and are sent by `clients` client threads (keep-alive), each taking the next arrival when it is free.
    A request's latency runs from its scheduled arrival, not from when a client got to it, so the time it waited
    for a free client (the server's queue, seen from outside) counts: no coordinated omission. Arrivals still unsent
    `drain` seconds after the last one was due are counted as `unsent` (the rate is past saturation)."""
    import queue

    rng = random.Random(seed)
    schedule, at, n = [], 0.0, 0
    while True:
        at += rng.expovariate(rate)
        if at >= seconds:
            break
        kind = KINDS[n % len(KINDS)]
        schedule.append((at, kind, rng.choice(urls[kind])))
        n += 1
    arrivals: queue.Queue = queue.Queue()
    for item in schedule:
        arrivals.put(item)
    tally = Tally()
    unsent = {k: 0 for k in KINDS}
    start = time.perf_counter() + 0.2
    give_up = start + seconds + drain

    def worker() -> None:
        with httpx.Client(timeout=30) as client:
            while True:
                try:
                    due, kind, url = arrivals.get_nowait()
                except queue.Empty:
                    return
                when = start + due
                now = time.perf_counter()
                if now < when:
                    time.sleep(when - now)
                elif now > give_up:
                    with tally.lock:
                        unsent[kind] += 1
                    continue
                tally.get(client, kind, url, when)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = max(seconds, time.perf_counter() - start)
    return {k: {"n": len(v), "rps": len(v) / elapsed, "offered": rate / len(KINDS), "errors": tally.errors[k],
                "unsent": unsent[k], **percentiles(v)} for k, v in tally.latencies.items()}


def percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"p50": float("nan"), "p95": float("nan"), "p99": float("nan")}
    cuts = statistics.quantiles(values, n=100)
    return {"p50": statistics.median(values), "p95": cuts[94], "p99": cuts[98]}


def counts(db: str) -> dict[str, int]:
    from claimgraph.store import Store

    with Store.open(db) as store:
        found = store.counts()
        with store.engine.connect() as conn:
            found["voices"] = conn.execute(text("SELECT count(*) FROM voices")).scalar_one()
    return found


def run_backend(label: str, db: str, writer_source: Path, clients: int, seconds: float,
                workers: int = 1, n_claims: int = 100, rates: list[float] | None = None) -> dict:
    """One server over `db`: 1 client alone, then `clients` pause-free clients while `claimgraph ingest` writes,
    then (with `rates`) the open loop at each rate, the writer still writing."""
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
            urls = targets(base, client, n_claims)
            began = time.monotonic()
            for kind in KINDS:   # warm: each worker's first requests, the caches
                for url in urls[kind]:
                    client.get(url)
                    for _ in range(3 * workers if workers > 1 else 0):   # new connections reach other workers
                        httpx.get(url, timeout=120)
            for path in ("/", "/api/v1/claims?limit=50"):   # the ranked list: computed once per process
                for _ in range(3 * workers if workers > 1 else 1):
                    httpx.get(base + path, timeout=300)
            warm = time.monotonic() - began
            home = []
            for _ in range(20):   # the home page and the claims list, one client, warm
                for path in ("/", "/api/v1/claims?limit=50"):
                    t0 = time.perf_counter()
                    client.get(base + path)
                    home.append((path, (time.perf_counter() - t0) * 1000))
        home_ms = {p: percentiles([ms for q, ms in home if q == p]) for p in ("/", "/api/v1/claims?limit=50")}
        before = counts(db)["articles"]
        baseline = hammer(urls, 1, seconds)
        writer = subprocess.Popen([sys.executable, "-m", "claimgraph", "ingest", str(writer_source), "--db", db,
                                   "--rules-only", "--no-link-claims"], cwd=REPO,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # The load starts once the writer writes (it first loads its pipeline and parses a batch).
        for _ in range(240):
            if counts(db)["articles"] > before or writer.poll() is not None:
                break
            time.sleep(0.5)
        before = counts(db)["articles"]
        loaded = hammer(urls, clients, seconds)
        written = counts(db)["articles"] - before
        sweep = []
        for rate in rates or []:
            was = counts(db)["articles"]
            row = open_loop(urls, clients, rate, seconds)
            sweep.append({"rate": rate, "by_kind": row, "writer_articles": counts(db)["articles"] - was,
                          "writer_running": writer.poll() is None})
            report_rate(rate, clients, sweep[-1])
        writer_done = writer.poll() is not None
        writer.terminate()
        _, errors = writer.communicate()
        if writer_done and writer.returncode not in (0,):
            print(f"writer failed ({writer.returncode}): {errors[-2000:]}", file=sys.stderr)
        result = {"label": label, "clients": clients, "seconds": seconds, "workers": workers,
                  "baseline": baseline, "loaded": loaded, "writer_done": writer_done,
                  "writer_articles": written, "warm_s": warm, "claims": n_claims, "home_ms": home_ms,
                  "sweep": sweep}
        report(result)
        return result
    finally:
        server.terminate()
        server.wait()


def report_rate(rate: float, clients: int, row: dict) -> None:
    cells = " | ".join(f"{k}: {v['rps']:.1f}/s p50 {v['p50']:.1f} p95 {v['p95']:.1f} p99 {v['p99']:.1f} "
                       f"err {v['errors']} unsent {v['unsent']}" for k, v in row["by_kind"].items())
    print(f"open loop {rate:g}/s over {clients} clients (writer stored {row['writer_articles']}"
          f"{'' if row['writer_running'] else ', writer had finished'}): {cells}", flush=True)


def report(result: dict) -> None:
    clients = result["clients"]
    print(f"\n{result['label']}: {clients} clients for {result['seconds']:.0f} s while an ingest wrote "
          f"{result['writer_articles']} articles ({'it finished early' if result['writer_done'] else 'throughout'}),"
          f" beside 1 client and no writer; {result['claims']} claim pages, 50 searches and 50 attribution lists; "
          f"warming every page once took {result['warm_s']:.0f} s")
    for path, row in result["home_ms"].items():
        print(f"{path}: 1 client, warm: p50 {row['p50']:.1f} ms, p95 {row['p95']:.1f} ms")
    print("| request | clients | rate offered /s | requests/s | p50 ms | p95 ms | p99 ms | errors | unsent |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        for n, row in ((1, result["baseline"][kind]), (f"{clients} pause-free + writer", result["loaded"][kind])):
            print(f"| {kind} | {n} | - | {row['rps']:.1f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['p99']:.1f} "
                  f"| {row['errors']} | - |")
        for step in result["sweep"]:
            row = step["by_kind"][kind]
            print(f"| {kind} | {clients} open loop + writer | {step['rate']:g} in all | {row['rps']:.1f} | "
                  f"{row['p50']:.1f} | {row['p95']:.1f} | {row['p99']:.1f} | {row['errors']} | {row['unsent']} |")
    met = [s["rate"] for s in result["sweep"] if s["by_kind"]["claim page"]["p95"] <= 50
           and s["by_kind"]["search"]["p95"] <= 100 and not s["by_kind"]["claim page"]["unsent"]]
    print(f"highest rate with claim page p95 <= 50 ms and search p95 <= 100 ms: {max(met) if met else 'none'}")
    sys.stdout.flush()


def postgres_server() -> str:
    """A PostgreSQL server of the benchmark's own (runs/serve-load/pg, Debian's binaries), started if not running;
    its URL. It outlives the run, so that the copied ledger is copied once (stop it with pg_ctl -D … stop)."""
    import glob
    import os

    folder = CACHE / "pg"
    url_file = folder / "url"
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    pg_bin = Path(binaries[-1])
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data, sock = folder / "data", folder / "sock"
    if url_file.exists():
        alive = subprocess.run(as_user + [str(pg_bin / "pg_ctl"), "-D", str(data), "status"], capture_output=True)
        if alive.returncode == 0:
            return url_file.read_text().strip()
    if not data.exists():
        sock.mkdir(parents=True, exist_ok=True)
        if as_user:
            shutil.chown(folder, "postgres")
            shutil.chown(sock, "postgres")
        subprocess.run(as_user + [str(pg_bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                                  "-E", "UTF8"], check=True, capture_output=True)
    port = free_port()
    subprocess.run(as_user + [str(pg_bin / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                              f"-p {port} -k {sock} -c listen_addresses=''", "start"], check=True,
                   capture_output=True)
    url = f"postgresql+psycopg://postgres@/postgres?host={sock}&port={port}"
    url_file.write_text(url)
    return url


def prepared_postgres(ledger: Path, url: str) -> None:
    """The ledger copied into PostgreSQL and its search index built there, unless this ledger is there already."""
    from claimgraph.store import Store
    from claimgraph.store.search import refresh_index

    mark = f"{ledger.name}:{ledger.stat().st_size}:{ledger.stat().st_mtime_ns}"
    with Store.open(url) as store:
        copied = store.get_state("serve_load_copy") == mark
    if copied:
        return
    copy_to_postgres(ledger, url)
    with Store.open(url) as store:
        refresh_index(store, force=True)
        store.set_state("serve_load_copy", mark)


def remove_writer(db: str, ledger: Path) -> None:
    """Take out what a load's writer stored (its articles, the appearances and statements it added to others), so
    that every run's writer stores anew: what came after the cached ledger (articles created after its newest, the
    appearances numbered after its last). (Before 30 Nov 10:30 UTC this matched the writer's file name against
    `appearances.source`, which holds the record's id: nothing was removed, and each PostgreSQL run's writer found
    the articles of the runs before it stored already and skipped them; the 09:08 run's stored its last 7 and ended.)
    """
    from claimgraph.store import Store

    with Store.open(str(ledger)) as cached, cached.engine.connect() as conn:
        created = conn.execute(text("SELECT max(created_at) FROM articles")).scalar_one()
        appearance = conn.execute(text("SELECT max(id) FROM appearances")).scalar_one()
    with Store.open(db) as store, store.engine.begin() as conn:
        conn.execute(text("DELETE FROM attributions WHERE appearance_id > :a"), {"a": appearance})
        conn.execute(text("DELETE FROM articles WHERE created_at > :c"), {"c": created})
        conn.execute(text("DELETE FROM appearances WHERE id > :a"), {"a": appearance})


def prepared_ledger(count: int) -> Path:
    """The cached ledger with its search index built (derived data; built once, so that runs copy it)."""
    from claimgraph.store import Store
    from claimgraph.store.search import refresh_index

    db = cached_ledger(count)
    with Store.open(db) as store:
        began = time.monotonic()
        if refresh_index(store):
            print(f"search index built in {time.monotonic() - began:.0f} s", file=sys.stderr)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0, help="per phase (baseline, then under load)")
    parser.add_argument("--postgres", help="also run on this PostgreSQL URL (its tables are replaced), or 'auto': "
                        "a server of the benchmark's own under runs/serve-load/pg")
    parser.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True, help="run on SQLite")
    parser.add_argument("--workers", type=int, default=1, help="claimgraph serve --workers")
    parser.add_argument("--claims", type=int, default=100, help="claim pages requested (the most contested)")
    parser.add_argument("--rates", type=lambda v: [float(x) for x in v.split(",") if x],
                        help="open loop after the pause-free phase: these total request rates (per second, "
                        "comma-separated), each for --seconds over --clients clients, the writer still writing")
    parser.add_argument("--prepare", action="store_true",
                        help="only build what the runs need (ledger, search index, PostgreSQL copy), time nothing")
    args = parser.parse_args()
    ledger = prepared_ledger(args.articles)
    url = None
    if args.postgres:
        url = postgres_server() if args.postgres == "auto" else args.postgres
        prepared_postgres(ledger, url)
    writer_source = synthesise(400, args.articles, CACHE / f"writer-{args.articles}.jsonl")
    print(f"ledger: {counts(str(ledger))}")
    if args.prepare:
        return
    results = []
    if args.sqlite:
        db = CACHE / f"run-{args.articles}.db"     # the writer adds to a copy; the cache stays as ingested
        for suffix in ("-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        shutil.copy(ledger, db)
        results.append(run_backend(f"SQLite, {args.articles} articles, {args.workers} server process(es)", str(db),
                                   writer_source, args.clients, args.seconds, args.workers, args.claims,
                                   args.rates))
    if url:
        remove_writer(url, ledger)   # what an earlier run left (a killed one)
        results.append(run_backend(f"PostgreSQL, {args.articles} articles, {args.workers} server process(es)", url,
                                   writer_source, args.clients, args.seconds, args.workers, args.claims,
                                   args.rates))
        remove_writer(url, ledger)   # so that the next run starts from the same ledger
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    (CACHE / f"result-{stamp}.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
