"""Hostile and broken inputs, file side: every case is a file made in tmp_path; each gives one clear error naming
the input (and the line, offset or cap), or is read; none hangs, none is lost without a word."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from ingest_samples import BRIDGE, FESTIVAL, HARBOUR, page_html
from test_hostile import bounded

import claimgraph.ingest as ingest
from claimgraph.errors import InputError
from claimgraph.ingest import ReadOptions, read_inputs
from claimgraph.ingest.limits import MAX_FIELD_CHARS, MAX_TEXT_CHARS, BoundedDecoder
from claimgraph.ingest.publisher import is_publisher_name

REPO = Path(__file__).resolve().parents[2]
# One-line texts without quote marks, so that CSV line numbers are row numbers and the broken quotes are ours.
PIER, LANTERNS, GIRDERS = (t.replace("\n\n", " ").replace('"', "'") for t in (HARBOUR, FESTIVAL, BRIDGE))


def read(*paths, options: ReadOptions | None = None) -> list:
    return bounded(lambda: list(read_inputs([str(p) for p in paths], options or ReadOptions(fetch_links=False))))


def errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def articles(items: list) -> list:
    return [i for i in items if not isinstance(i, InputError)]


# -- not a regular file, unreadable, unsupported ------------------------------------------------------------


def test_a_fifo_given_directly_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    items = read(fifo)  # opening a FIFO with no writer would block for ever: `bounded` fails the test then
    assert [str(e) for e in items] == [f"{fifo}: not a regular file (a FIFO, device or socket is never read)"]


def test_a_fifo_in_a_folder_is_named_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(HARBOUR, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.bin")
    options = ReadOptions()
    items = read(tmp_path, options=options)
    assert [a.ref for a in articles(items)] == [str(tmp_path / "good.txt")]
    assert sorted(e.source for e in errors(items)) == [str(tmp_path / "pipe.bin"), str(tmp_path / "pipe.txt")]


def test_unknown_types_in_a_folder_are_counted_and_named(tmp_path):
    (tmp_path / "good.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.jpg").write_bytes(b"x")
    options = ReadOptions()
    items = read(tmp_path, options=options)
    assert len(articles(items)) == 1 and not errors(items)
    assert options.unsupported == [str(tmp_path / "photo.jpg"), str(tmp_path / "sub" / "notes.docx")]


def test_an_unlistable_folder_inside_a_walk_is_reported(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(HARBOUR, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(FESTIVAL, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(ingest.os, "scandir", scandir)
    items = read(tmp_path)
    assert [a.ref for a in articles(items)] == [str(tmp_path / "a.txt")]
    assert [str(e) for e in errors(items)] == [f"{locked}: cannot read the folder: Permission denied"]


def test_unreadable_paths_as_an_ordinary_user(tmp_path):
    """The same with real permissions: chmod does not stop root, so the reading runs as `nobody` when we are root."""
    top = Path(tempfile.mkdtemp(prefix="claimgraph-perm-", dir="/tmp"))
    try:
        (top / "ok.txt").write_text(HARBOUR, encoding="utf-8")
        (top / "locked").mkdir()
        (top / "locked" / "inside.txt").write_text(FESTIVAL, encoding="utf-8")
        os.chmod(top, 0o755)
        os.chmod(top / "ok.txt", 0o644)
        os.chmod(top / "locked", 0o000)
        script = textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(REPO)!r})
            from claimgraph.ingest import read_inputs, ReadOptions
            for item in read_inputs([{str(top)!r}, {str(top / 'locked' / 'inside.txt')!r}], ReadOptions()):
                print(type(item).__name__, getattr(item, 'ref', None) or item)
        """)
        command = [sys.executable, "-c", script]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/tmp")
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert f"Article {top / 'ok.txt'}" in lines
        assert f"InputError {top / 'locked'}: cannot read the folder: Permission denied" in lines
        assert f"InputError {top / 'locked' / 'inside.txt'}: cannot read: Permission denied" in lines
    finally:
        os.chmod(top / "locked", 0o755)
        for path in sorted(top.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        top.rmdir()


# -- caps -----------------------------------------------------------------------------------------------------


def test_a_text_file_over_its_cap_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(11 * 2**20)  # sparse: 11 MiB of nothing, cheap to make
    (tmp_path / "good.txt").write_text(HARBOUR, encoding="utf-8")
    items = read(tmp_path)
    assert len(articles(items)) == 1
    assert [str(e) for e in errors(items)] == [f"{big}: file too large (11 MiB); the limit is 10 MiB"]


def test_an_article_text_over_the_text_cap_is_one_error_and_the_batch_goes_on(tmp_path):
    path = tmp_path / "feed.jsonl"
    long_text = ("The ferry from Port Ellis ran late again, the harbour master said. " * 20000)[:MAX_TEXT_CHARS + 10]
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                              [("a", HARBOUR), ("big", long_text), ("c", FESTIVAL)]) + "\n", encoding="utf-8")
    items = read(path)
    assert [a.ref for a in articles(items)] == ["a", "c"]
    assert [e.source for e in errors(items)] == ["big"]
    assert f"the limit is {MAX_TEXT_CHARS:,} per article" in errors(items)[0].reason


def test_a_jsonl_line_over_its_cap_names_the_line(tmp_path):
    path = tmp_path / "lines.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"text": HARBOUR}) + "\n")
        out.write('{"text": "' + "x" * (17 * 2**20) + '"}\n')  # 17 MiB on one line
        out.write(json.dumps({"text": FESTIVAL}) + "\n")
    items = read(path)
    assert [a.ref for a in articles(items)] == [f"{path}:1", f"{path}:3"]
    assert [str(e) for e in errors(items)] == [f"{path}:2: line too large; the limit is 16 MiB"]


def test_a_csv_field_over_its_cap_names_the_line(tmp_path):
    path = tmp_path / "rows.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerows([["id", "text"], ["a", PIER], ["big", "y" * (MAX_FIELD_CHARS + 1)], ["c", LANTERNS]])
    items = read(path)
    assert [a.ref for a in articles(items)] == ["a"]
    assert [e.source for e in errors(items)] == [f"{path}:3"]
    assert f"longer than {MAX_FIELD_CHARS:,} characters" in errors(items)[0].reason


def test_the_bounded_decoder_refuses_a_bomb_before_decoding_past_its_cap():
    bomb = gzip.compress(b"\0" * (64 * 2**20))
    decoder = BoundedDecoder("bomb", limit=2**20)
    with pytest.raises(InputError, match="too large"):
        decoder.feed(bomb)
    assert decoder.size <= 2**20 + 64 * 1024  # stopped within one step of the cap, not after 64 MiB


def test_html_gz_is_read_and_a_gzip_bomb_page_is_refused(tmp_path):
    page = tmp_path / "pier.html.gz"
    page.write_bytes(gzip.compress(page_html("Pier", HARBOUR).encode()))
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (40 * 2**20) + b"</p>"))
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(page_html("Bridge", BRIDGE).encode())[:-40])
    items = read(tmp_path)
    assert [a.ref for a in articles(items)] == [str(page)]
    assert "Marta Quillon" in articles(items)[0].text
    messages = {e.source: e.reason for e in errors(items)}
    assert "too large" in messages[str(bomb)] and "the limit is 10 MiB" in messages[str(bomb)]
    assert "truncated compressed data" in messages[str(cut)]


# -- CSV and JSON Lines: no silent loss, encodings ----------------------------------------------------------


def test_csv_unterminated_quote_names_the_line_and_keeps_the_rows_before(tmp_path):
    never_closed = tmp_path / "never.csv"
    never_closed.write_text(f'id,text\na,"{PIER}"\nb,"{LANTERNS}\nc,{GIRDERS}\n', encoding="utf-8")
    closed_later = tmp_path / "later.csv"  # the open quote runs into the next row's opening quote
    closed_later.write_text(f'id,text\na,"{PIER}"\nb,"{LANTERNS}\nc,"{GIRDERS}"\nd,"{PIER}"\n', encoding="utf-8")
    items = read(never_closed, closed_later)
    assert [a.ref for a in articles(items)] == ["a", "a", "d"]
    never, later = errors(items)
    assert never.source == f"{never_closed}:3" and "never closed" in never.reason
    assert later.source == f"{closed_later}:3" and "lines 3-4 not read" in later.reason


def test_csv_ragged_rows_name_their_lines(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text(f'id,text\na,"{PIER}"\nb,"{LANTERNS}",extra\nc\nd,"{GIRDERS}"\n', encoding="utf-8")
    items = read(path)
    assert [a.ref for a in articles(items)] == ["a", "d"]
    assert [e.source for e in errors(items)] == [f"{path}:3", f"{path}:4"]
    assert "the row has 3 fields, the header 2" in errors(items)[0].reason


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_on_csv_and_jsonl(tmp_path, encoding):
    table = tmp_path / "rows.csv"
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["text", "title"], [HARBOUR, "Pier"]])
    table.write_bytes(buffer.getvalue().encode(encoding))
    lines = tmp_path / "rows.jsonl"
    lines.write_bytes((json.dumps({"text": FESTIVAL, "title": "Lanterns"}) + "\n").encode(encoding))
    plain = tmp_path / "plain.txt"
    plain.write_bytes(BRIDGE.encode(encoding))
    items = read(table, lines, plain)
    assert not errors(items)
    assert [a.title for a in items[:2]] == ["Pier", "Lanterns"]
    assert items[2].text == BRIDGE  # the mark is not part of the text


# -- HTML ------------------------------------------------------------------------------------------------------


def test_html_nested_100k_deep_keeps_its_text(tmp_path):
    path = tmp_path / "deep.html"
    depth = 100_000
    path.write_text("<html><head><title>Pier</title></head><body>" + "<div>" * depth
                    + "".join(f"<p>{p}</p>" for p in HARBOUR.split("\n\n")) + "</div>" * depth + "</body></html>",
                    encoding="utf-8")
    items = read(path)
    assert not errors(items)
    assert "Odo Brannick, who chairs the Port Ellis fishing cooperative" in items[0].text
    assert "read_flat" in items[0].meta


@pytest.mark.parametrize("site, expected", [
    ("https://www.harbor-daily.example", "Harbor Daily"),  # a URL: og:site_name is used
    ("escenic", "Harbor Daily"), ("Hosted", "Harbor Daily"), ("WordPress", "Harbor Daily"),
])
def test_a_publisher_is_a_name_not_a_url_or_a_cms(tmp_path, site, expected):
    html = page_html("Pier", HARBOUR, site="Harbor Daily").replace(
        '<meta name="author"', f'<meta name="application-name" content="{site}"><meta name="publisher" '
                               f'content="{site}"><meta name="author"')
    html = html.replace('<meta property="og:site_name" content="Harbor Daily">',
                        f'<meta property="og:site_name" content="{site}"><meta name="og:site_name" '
                        'content="Harbor Daily">')
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert read(path)[0].publisher == expected


def test_a_publisher_falls_back_to_the_domain():
    from claimgraph.ingest.html import article_from_html

    html = page_html("Pier", HARBOUR).replace('content="Harbor Daily"', 'content="escenic"')
    article = article_from_html(html.encode(), "ref", url="https://www.harbor-daily.example/pier")
    assert article.publisher == "harbor-daily.example"
    assert not is_publisher_name("https://www.hawaii-news.example") and is_publisher_name("Harbor Daily")


# -- JSON Feed and ARC ------------------------------------------------------------------------------------------


def test_json_feed_items_are_read_as_feed_entries(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Port Ellis Courier",
        "items": [{"id": "1", "url": "https://courier.example/pier", "title": "Pier", "content_text": HARBOUR,
                   "date_published": "2024-03-02T08:00:00Z", "authors": [{"name": "Ana Velt"}]},
                  {"id": "2", "title": "Lanterns", "content_html": "<p>" + FESTIVAL.replace("\n\n", "</p><p>")}]}),
        encoding="utf-8")
    other = tmp_path / "settings.json"
    other.write_text('{"theme": "dark"}', encoding="utf-8")
    items = read(path, other)
    feed_articles = articles(items)
    assert [a.ref for a in feed_articles] == ["https://courier.example/pier", f"{path}#2"]
    assert feed_articles[0].publisher == "Port Ellis Courier" and feed_articles[0].author == "Ana Velt"
    assert feed_articles[0].genre == "feed-summary" and "Ines Harrowgate" in feed_articles[1].text
    assert [e.source for e in errors(items)] == [str(other)] and "not a JSON Feed" in errors(items)[0].reason


def test_arc_files_are_read(tmp_path):
    page = page_html("Pier", HARBOUR).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    header_body = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = (b"filedesc://crawl.arc 0.0.0.0 20240601100000 text/plain " + str(len(header_body)).encode() + b"\n"
           + header_body + b"\n"
           + b"https://harbor.example/pier 10.0.0.1 20240601100000 text/html " + str(len(http)).encode() + b"\n"
           + http + b"\n")
    (tmp_path / "crawl.arc").write_bytes(arc)
    (tmp_path / "crawl2.arc.gz").write_bytes(gzip.compress(arc))
    items = read(tmp_path)
    assert not errors(items)
    assert [a.ref for a in items] == ["https://harbor.example/pier"] * 2
    assert "Marta Quillon" in items[0].text


def test_the_worst_files_stay_within_memory_when_read(tmp_path):
    """Read in a fresh process, so that its peak resident size is theirs: a 1 GiB gzip bomb, a 17 MiB JSON line,
    a 5 MiB CSV field, a 50 MiB text file, HTML nested 100k deep. The bound is the issue's 1 GB; the readers need
    far less (the figures with the parser are in docs/ingest.md, from benchmarks/hostile_inputs.py)."""
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b" " * 2**20) * 1024)
    (tmp_path / "line.jsonl").write_text('{"text": "' + "x" * (17 * 2**20) + '"}\n', encoding="utf-8")
    (tmp_path / "field.csv").write_text('id,text\nbig,"' + "y" * (5 * 2**20) + '"\n', encoding="utf-8")
    (tmp_path / "huge.txt").write_bytes(b"The ferry ran late. " * (50 * 2**20 // 20))
    depth = 100_000
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * depth + "".join(
        f"<p>{p}</p>" for p in HARBOUR.split("\n\n")) + "</div>" * depth + "</body></html>", encoding="utf-8")
    script = textwrap.dedent(f"""
        import resource, sys
        sys.path.insert(0, {str(REPO)!r})
        from claimgraph.ingest import read_inputs
        items = list(read_inputs([{str(tmp_path)!r}]))
        print(sum(isinstance(i, Exception) for i in items), len(items))
        # The peak of this program's own memory: VmHWM belongs to the image exec started. ru_maxrss survives
        # execve on Linux, so it would report the test runner's size when the runner is the bigger one.
        try:
            hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
            print(int(hwm.split()[1]) // 1024)
        except (OSError, IndexError):
            print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    counts, peak_mib = done.stdout.splitlines()
    assert counts == "4 5"  # four refused with their cap, the deep page read
    assert int(peak_mib) < 1024, f"peak {peak_mib} MiB"
