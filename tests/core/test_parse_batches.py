"""A parse batch holds a bounded amount of text, on one process and on several (issue 14: no single input may
take the process past a bounded memory). Checked on what `parse_chunks` hands spaCy, not on wall clock or RSS."""

from __future__ import annotations

from claimgraph.nlp import BATCH_CHARS, CHUNK_CHARS, parse_chunks


class _Piece(str):
    """A piece's text standing in for the Doc `make_doc` returns (parse_chunks keeps the text in its user_data)."""

    user_data: dict


class RecordingPipeline:
    """Stands in for a Language's `make_doc` and `pipe`: records the batches it is asked to parse and returns the
    pieces."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def make_doc(self, text: str) -> _Piece:
        piece = _Piece(text)
        piece.user_data = {}
        return piece

    def pipe(self, items, as_tuples, batch_size, disable, component_cfg, n_process=1):
        items = list(items)
        self.calls.append({"pieces": len(items), "batch_size": batch_size, "n_process": n_process,
                           "chars": sum(len(text) for text, _ in items)})
        yield from items


def _long_texts() -> list[str]:
    paragraph = "The harbor board met again on Tuesday and said the pier would reopen. " * 700  # ~50,000 chars
    return ["\n\n".join([paragraph] * 4)] * 3  # three articles of about 200,000 characters


def test_one_process_batches_stay_within_the_character_budget() -> None:
    nlp = RecordingPipeline()
    results = list(parse_chunks(nlp, _long_texts(), n_process=1, batch_size=16))
    assert len(results) == 3
    assert all(call["chars"] <= BATCH_CHARS + CHUNK_CHARS for call in nlp.calls)


def test_worker_batches_hold_at_most_the_character_budget_in_pieces() -> None:
    nlp = RecordingPipeline()
    results = list(parse_chunks(nlp, _long_texts(), n_process=2, batch_size=16))
    assert len(results) == 3
    (call,) = nlp.calls
    assert call["n_process"] == 2 and call["batch_size"] * CHUNK_CHARS <= BATCH_CHARS
