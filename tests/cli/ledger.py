"""A small ledger written through the store from hand-made records (fictional names, no language pipeline): what the
command line's and the store's read tests query. It holds the cases they need: names that share a part ("Mara Vell",
"Vellmore Council"), LIKE wildcards in names ("50% Club", "Dock_7 Union"), a belief (`think`), cells a spreadsheet
would run ("=SUM(…)", "-5 …", "@Harbor Watch"), escape sequences in article text, a full timestamp, an undated
article, and two statements tied on everything but their ids (written in reverse order of id).
"""

from __future__ import annotations

import hashlib

from claimgraph.records import Article, Attribution, Speaker
from claimgraph.store import Store

BRIDGE = ("Port Ellis, March 5. The harbor bridge will reopen in May, Mara Vell said. "
          "The Vellmore Council denied that repairs were late. "
          "The 50% Club said the toll would stay. "
          "Dock_7 Union believes the work will take a year. "
          "@Harbor Watch said -5 degrees froze the deck.")
HOSTILE = "\x1b]0;pwned\x07\x1b[2JThe ferry \x1b]8;;http://evil.example\x1b\\stops\x1b]8;;\x1b\\ in June"
FERRY = f"Northgate. {HOSTILE}, Owen Talbot said. \"It is final.\" \"There is no money.\""
UNDATED = "Quillmoor. =SUM(A1:A9) counts the boats, Ilse Marr said."


def _said(text: str, speaker: Speaker, content: str, cue: str, cue_class: str = "report",
          ident: str | None = None, source: str | None = None) -> Attribution:
    start = text.index(content)
    source_at = text.index(source or speaker.name)
    cue_at = text.index(cue, source_at)
    ident = ident or "at_" + hashlib.sha1(content.encode()).hexdigest()[:16]
    return Attribution(id=ident, kind="indirect", speaker=speaker,
                       source_span=(source_at, source_at + len(source or speaker.name)), cue=cue,
                       cue_span=(cue_at, cue_at + len(cue)), cue_class=cue_class, content=content,
                       content_spans=((start, start + len(content)),),
                       sentence=(0, len(text)))


def _continuation(text: str, speaker: Speaker, content: str, ident: str, sentence: tuple[int, int]) -> Attribution:
    start = text.index(content)
    return Attribution(id=ident, kind="direct", speaker=speaker, source_span=None, cue=None, cue_span=None,
                       cue_class="report", content=content, content_spans=((start, start + len(content)),),
                       sentence=sentence, flags=("continuation",))


def ledger_records() -> list[tuple[Article, list[Attribution]]]:
    mara, council = Speaker("Mara Vell", "person", role="mayor"), Speaker("Vellmore Council", "organization")
    club, union = Speaker("50% Club", "organization"), Speaker("Dock_7 Union", "organization")
    watch, owen = Speaker("@Harbor Watch", "organization"), Speaker("Owen Talbot", "person")
    bridge = Article("feeds/port-ellis-bridge.txt", BRIDGE, title="Bridge", publisher="Harbor Wire",
                     published="2031-03-05T09:30:00+00:00", url="https://news.example/port-ellis/bridge")
    ferry = Article("ferry.txt", FERRY, title="Ferry", publisher="Tidewater Post", published="2031-04-11")
    undated = Article("undated.txt", UNDATED, title="Boats")
    tail = FERRY.index("\"It is final.\"")
    return [
        (bridge, [_said(BRIDGE, mara, "The harbor bridge will reopen in May", "said"),
                  _said(BRIDGE, council, "that repairs were late", "denied", "dispute",
                        source="The Vellmore Council"),
                  _said(BRIDGE, club, "the toll would stay", "said"),
                  _said(BRIDGE, union, "the work will take a year", "believes", "think"),
                  _said(BRIDGE, watch, "-5 degrees froze the deck", "said")]),
        # Two continuations with the same sentence and no cue: only their ids tell them apart (written z first).
        (ferry, [_said(FERRY, owen, HOSTILE, "said"),
                 _continuation(FERRY, owen, "There is no money.", "at_zzzz", (tail, len(FERRY))),
                 _continuation(FERRY, owen, "It is final.", "at_aaaa", (tail, len(FERRY)))]),
        (undated, [_said(UNDATED, Speaker("Ilse Marr", "person"), "=SUM(A1:A9) counts the boats", "said")]),
    ]



def write_ledger(db: str) -> None:
    with Store.open(db) as store:
        for article, attributions in ledger_records():
            store.save_article(article, attributions, "test")
