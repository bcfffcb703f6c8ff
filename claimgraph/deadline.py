"""A deadline for the work on one article, so that a pathological text (a rule that loops) cannot hang a batch.

`Deadline(seconds)` is a budget that several steps of one article's extraction draw on (`with budget.running():`);
when the steps together run past it, `ExtractionTimeout` is raised inside the step that is running, the article
fails with that error class, and the batch goes on (service.extract_safely; `ingest`, `extract` and `reextract`
record or print it naming the input). The clock is `signal.setitimer(ITIMER_REAL)`: wall-clock time, checked by
the interpreter between bytecodes, so a loop in Python code is interrupted wherever it is. It works in the main
thread of a process, which is where the rules run (in `extract -p N` too: the workers parse, the main process runs
the rules); elsewhere (a web server's worker thread) and where a timer is already set by someone else it does
nothing.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from claimgraph.errors import ExtractionTimeout

DEFAULT_ARTICLE_TIMEOUT = 60.0  # seconds; a news article's rules take milliseconds, the slowest seen under a second


class Deadline:
    """A budget of `seconds` (0 or None: no deadline) spent by the steps run under `running()`."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = float(seconds or 0)
        self.spent = 0.0

    @contextmanager
    def running(self) -> Iterator[None]:
        if self.seconds <= 0 or not _can_alarm():
            yield
            return
        left = self.seconds - self.spent
        if left <= 0:
            raise ExtractionTimeout(self.message())

        def on_alarm(_signum: int, _frame: object) -> None:
            raise ExtractionTimeout(self.message())

        previous = signal.signal(signal.SIGALRM, on_alarm)
        started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            self.spent += time.monotonic() - started

    def message(self) -> str:
        return f"extraction ran past its deadline of {self.seconds:g} s (--article-timeout)"


def _can_alarm() -> bool:
    """A timer of our own can be set: POSIX, the main thread, and no timer already running (a caller's own)."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
