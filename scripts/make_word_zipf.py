"""Write claimgraph/data/word_zipf.tsv.gz, how common each English word is, from the wordfreq package.

Claim grouping (`claims/anchors.py`, `anchored`) asks how specific the words two statements share are in general
English. Run once when the table should change (`pip install wordfreq`, then `python scripts/make_word_zipf.py`);
the package ships the file (0.7 MB), so wordfreq (57 MB of data for 40 languages) is not needed at run time.
wordfreq's data is licensed CC BY-SA 4.0, and so is the file this writes (its first line says so).
"""
from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from claimgraph.claims.vectors import ZIPF_FILE, ZIPF_FLOOR


def write_zipf_file(path: Path = ZIPF_FILE, floor: float = ZIPF_FLOOR) -> int:
    """Every English word of wordfreq's large list at Zipf >= `floor`, grouped by frequency; the number of words."""
    by_value: dict[float, list[str]] = defaultdict(list)
    for word in top_n_list("en", 10_000_000, wordlist="large"):
        value = zipf_frequency(word, "en", wordlist="large")
        if value >= floor and " " not in word and "\t" not in word:
            by_value[value].append(word)
    with gzip.GzipFile(path, "wb", mtime=0) as raw:   # mtime 0: the same bytes on every run
        raw.write(("# Zipf frequencies of English words (log10 of a word's frequency per billion words), from wordfreq "
                   "3 by Robyn Speer (https://github.com/rspeer/wordfreq), its 'large' English list, words at Zipf >= "
                   f"{floor}. Data licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as "
                   "wordfreq's data; made by scripts/make_word_zipf.py.\n").encode())
        for value in sorted(by_value, reverse=True):
            raw.write(f"{value:.2f}\t{' '.join(sorted(by_value[value]))}\n".encode())
    return sum(map(len, by_value.values()))


if __name__ == "__main__":
    print(f"{ZIPF_FILE}: {write_zipf_file()} words")
