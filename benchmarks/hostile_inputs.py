"""Peak memory and time of `claimgraph ingest` on the worst inputs, each in its own process, beside a normal article.

The inputs are generated in a temporary folder (fictional text); each run is a separate `claimgraph ingest` process
(so the spaCy pipeline's own footprint is in every figure) whose peak resident size is read from
`resource.getrusage(RUSAGE_CHILDREN)`. A network case reads an endless robots.txt from a loopback server.

    python benchmarks/hostile_inputs.py [--only NAME]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "ingest"))

from ingest_samples import HARBOUR  # noqa: E402  (fictional samples shared with the tests)

SENTENCE = "The ferry from Port Ellis ran late again, the harbour master Marta Quillon said on Tuesday. "


def make_inputs(folder: Path) -> dict[str, Path]:
    """name -> input file; the first is the baseline (one normal article)."""
    inputs: dict[str, Path] = {}

    def put(name: str, filename: str, data: bytes) -> None:
        path = folder / filename
        path.write_bytes(data)
        inputs[name] = path

    put("baseline: one news article (.txt, 1 KB)", "normal.txt", HARBOUR.encode())
    put("text at the cap (.txt, 1,000,000 chars)", "max.txt",
        (SENTENCE * (1_000_000 // len(SENTENCE)))[:1_000_000].encode())
    put("text over the cap (.txt, 1,200,000 chars)", "over.txt", (SENTENCE * (1_200_000 // len(SENTENCE))).encode())
    big = folder / "huge.txt"
    with big.open("wb") as out:
        out.write(SENTENCE.encode() * (50 * 2**20 // len(SENTENCE)))
    inputs["text file 50 MB"] = big
    put("CSV field 5 MB", "field.csv", b'id,text\nbig,"' + b"x" * (5 * 2**20) + b'"\nok,"' + HARBOUR.encode()
        .replace(b'"', b"'") + b'"\n')
    put("JSON Lines line 5 MB", "line.jsonl", json.dumps({"text": SENTENCE * (5 * 2**20 // len(SENTENCE))}).encode()
        + b"\n")
    depth = 100_000
    put("HTML nested 100k deep", "deep.html", ("<html><body>" + "<div>" * depth + f"<p>{HARBOUR}</p>"
                                                + "</div>" * depth + "</body></html>").encode())
    put("gzip bomb .html.gz (1 GiB decoded)", "bomb.html.gz", _bomb())
    return inputs


def _bomb() -> bytes:
    compressor = gzip.compress(b" " * 2**20, compresslevel=6)  # one MiB of spaces, repeated as gzip members
    return compressor * 1024


def run(path: str, folder: Path) -> tuple[int, str, float, float]:
    """(exit status, first error line or summary, peak RSS in MiB, seconds) of one `claimgraph ingest` process.

    Called in a fresh measuring process per input, so that RUSAGE_CHILDREN's peak is that one run's."""
    started = time.perf_counter()
    done = subprocess.run([str(REPO / ".venv" / "bin" / "claimgraph"), "ingest", "--db", str(folder / "b.db"),
                           "--no-link-claims", "--no-syndication", "--allow-private", "--url-deadline", "20", path],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    lines = [line for line in done.stderr.splitlines() if line.startswith(("error:", "warning:"))]
    message = lines[0] if lines else (done.stdout.strip().splitlines() or [""])[-1]
    return done.returncode, message[:110], peak / 1024, seconds


def measure_one(path: str, folder: str) -> None:
    status, message, peak, seconds = run(path, Path(folder))
    print(json.dumps({"status": status, "message": message, "peak": peak, "seconds": seconds}))


def robots_flood_input() -> tuple[object, str]:
    from hostile_server import HostileServer

    server = HostileServer()
    server.robots = "/robots-flood"
    server.thread.start()
    return server, server.base + "/page"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)  # internal: one run in a fresh process
    args = parser.parse_args()
    if args.measure:
        return measure_one(*args.measure)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {name: str(path) for name, path in make_inputs(folder).items()}
        server, url = robots_flood_input()
        cases["endless robots.txt (URL, loopback)"] = url
        print(f"{'input':44} {'exit':>4} {'peak RSS':>9} {'seconds':>8}  message")
        for name, path in cases.items():
            if args.only and args.only not in name:
                continue
            done = subprocess.run([sys.executable, __file__, "--measure", path, tmp], capture_output=True, text=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{name:44} {result['status']:>4} {result['peak']:>6.0f} MiB {result['seconds']:>8.1f}  "
                  f"{result['message']}")
        server.shutdown()


if __name__ == "__main__":
    main()
