"""The README's Python examples run as written: a user copies them first, so a renamed function or a changed
record breaks this test before it breaks their first hour."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from tests.conftest import EXAMPLES, REPO


def readme_python_block(section: str) -> str:
    """The first ```python block under the README heading `section` (any level)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    heading = re.search(rf"^#+ {re.escape(section)}\s*$", readme, re.MULTILINE)
    assert heading, f"README has no section {section!r}"
    block = re.search(r"```python\n(.*?)```", readme[heading.end():], re.DOTALL)
    assert block, f"README section {section!r} has no python block"
    return block.group(1)


def run_python(code: str, cwd) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_library_example_extracts_the_fictional_quote_and_reads_the_ingested_examples(tmp_path):
    # The example opens ./claimgraph.db and reads ./examples/, as a user running it in a checkout would.
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    out = run_python(readme_python_block("As a library"), tmp_path).splitlines()
    # The single-article call prints the speaker record, the cue and the words.
    assert any("Mara Vell" in line and "said" in line and "The bridge opens in May" in line for line in out), out
    # The store rows: the reference article's press secretary, found through the speaker filter.
    assert any(line.startswith("Sean Spicer ") for line in out), out
    assert (tmp_path / "claimgraph.db").exists()


def test_the_spacy_component_example_fills_the_doc_extensions_and_span_groups(tmp_path):
    reference = (EXAMPLES / "eirns-2017-01-24-us-russia-syria.txt").read_text(encoding="utf-8")
    code = (f"text = {reference!r}\n" + readme_python_block("In your own spaCy pipeline")
            # The block ends on bare expressions (what a reader would inspect); print what they hold.
            + "\nprint(len(doc._.attributions), len(doc.spans['attribution_content']),"
              " sum(1 for a in doc._.attributions if a.content))\n")
    count, content_spans, with_content = map(int, run_python(code, tmp_path).strip().splitlines()[-1].split())
    assert count == 19  # the README's own figure for the reference article
    # One content span per attribution whose words are there (three cues of the article lost theirs).
    assert content_spans == with_content == 16
