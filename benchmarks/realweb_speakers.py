"""What a reader sees of speakers on real pages: junk identities, clause aliases, attributions without a speaker.

usage: python benchmarks/realweb_speakers.py [DIR] [--rules-only] [--show N]

Reads every page of DIR (default ../shared/data/realweb; .html read as `ingest` reads it) with the same readers and
extractor as `claimgraph ingest`, then prints, over all pages:
- attributions, and the share without a speaker (`speaker` null), by what the source mention was;
- speakers whose name is only function words (pronouns, relatives, determiners, quantifiers: spaCy's English stop
  words, an independent list so that the count does not grade the extractor with its own lexicon);
- aliases (mentions) over 8 words;
- names given more than one type across the pages (the store keeps one record per name and type).
`--show N` prints up to N examples of each (the speakerless ones with the method that found them, rules or
learned, their mention, cue and sentence); `--speakers`
prints every named speaker (not anonymous, not the writer) once per page with its type, role, affiliation and
statements, for judging types by hand. No database: the store merges, this counts what the extractor says.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from claimgraph.errors import InputError
from claimgraph.eval.data import shared_data_dir
from claimgraph.ingest import read_inputs
from claimgraph.pipeline import Extractor
from claimgraph.records import normalise_name

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = shared_data_dir("realweb")
MAX_ALIAS_WORDS = 8


def is_function_words(name: str) -> bool:
    """Only pronouns, relatives, determiners or quantifiers. A word in capitals is an acronym, not a function word:
    "WHO" (the World Health Organization), "US"."""
    words = [w.strip(".,;:'\"’“”") for w in name.split()]
    words = [w for w in words if w]
    return not words or all(w.lower() in STOP_WORDS and not (len(w) > 1 and w.isupper()) for w in words)


PERSONAL = {"i", "we", "me", "us", "you", "my", "our", "your"}


def _why_none(mention: str | None) -> str:
    """Why an attribution has no speaker, by its source mention: none found, the writer's or the reader's own
    voice (I, we, you), function words (some, others, that), or a name the resolver did not take."""
    if mention is None:
        return "no source mention"
    if mention.strip().lower() in PERSONAL:
        return "first/second person"
    return "function words" if is_function_words(mention) else "other mention"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--speakers", action="store_true", help="list every named speaker per page with its type")
    args = parser.parse_args()
    articles = [a for a in read_inputs([str(args.data)]) if not isinstance(a, InputError)]
    extractor = Extractor(learned=not args.rules_only)
    total = without = 0
    junk, long_aliases, speakerless = [], [], []
    types: dict[str, set[str]] = defaultdict(set)
    named: Counter[tuple[str, str, str, str, str]] = Counter()
    why: Counter[str] = Counter()
    for extracted in extractor.extract_many(articles):
        ref = extracted.article.ref
        for a in extracted.attributions:
            total += 1
            if a.speaker is None:
                without += 1
                mention = extracted.article.text[a.source_span[0]:a.source_span[1]] if a.source_span else None
                why[_why_none(mention)] += 1
                sentence = extracted.article.text[a.sentence[0]:a.sentence[1]] if a.sentence else ""
                speakerless.append((ref, a.method, mention, a.cue, " ".join(sentence.split())[:160]))
                continue
            types[normalise_name(a.speaker.name)].add(a.speaker.type)
            if a.speaker.type != "anonymous" and a.speaker.role != "writer":
                named[(Path(ref).name, a.speaker.name, a.speaker.type, a.speaker.role or "",
                       a.speaker.affiliation or "")] += 1
            if is_function_words(a.speaker.name):
                junk.append((ref, a.speaker.name, a.cue, (a.content or "")[:60]))
            for alias in a.speaker.aliases:
                if len(alias.split()) > MAX_ALIAS_WORDS:
                    long_aliases.append((ref, a.speaker.name, alias))
    several = {n: t for n, t in types.items() if len(t) > 1}
    long_aliases = sorted(set(long_aliases))
    print(f"pages: {len(articles)}  attributions: {total}  without speaker: {without} "
          f"({without / max(total, 1):.1%})")
    print("  without speaker, by mention: " + ", ".join(f"{k} {v}" for k, v in why.most_common()))
    print(f"function-word speakers: {len(junk)} attributions "
          f"({len({(r, n.lower()) for r, n, _, _ in junk})} distinct per page)")
    print(f"aliases over {MAX_ALIAS_WORDS} words: {len(long_aliases)}")
    print(f"names with several types: {len(several)}")
    if args.show:
        for row in speakerless[:args.show]:
            print("  none", row)
        for row in junk[:args.show]:
            print("  junk", row)
        for row in long_aliases[:args.show]:
            print("  long", row)
        for name, kinds in list(several.items())[:args.show]:
            print("  types", name, sorted(kinds))
    if args.speakers:
        print(f"named speakers (page, name, type, role, affiliation, statements): {len(named)}")
        for (page, name, kind, role, affiliation), n in sorted(named.items()):
            print(f"  {page}\t{name}\t{kind}\t{role}\t{affiliation}\t{n}")


if __name__ == "__main__":
    main()
