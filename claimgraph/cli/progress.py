"""Progress of long steps on stderr: a bar on a terminal, else one line every few seconds (logs, cron, CI).

The interval is `CLAIMGRAPH_PROGRESS_SECONDS` (default 5): a job's log shows it is alive and how far it got, and
a killed run's log still shows the last count. Each command ends with one summary line of its own.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from types import TracebackType

import click

DEFAULT_EVERY = 5.0


def interval() -> float:
    try:
        return max(0.0, float(os.environ.get("CLAIMGRAPH_PROGRESS_SECONDS", DEFAULT_EVERY)))
    except ValueError:
        return DEFAULT_EVERY


def _is_terminal() -> bool:
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


class Progress:
    """Counts items done: `update()` per item, `close()` at the end (or use it as a context manager)."""

    def __init__(self, label: str, unit: str = "articles"):
        self.label, self.unit = label, unit
        self.done = 0
        self.started = time.monotonic()
        self._last = self.started
        self._every = interval()
        self._bar = None
        if _is_terminal():
            from tqdm import tqdm

            self._bar = tqdm(desc=label, unit=" " + unit, file=sys.stderr, dynamic_ncols=True, leave=False)

    def update(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        if now - self._last >= self._every:
            self._last = now
            rate = self.done / max(now - self.started, 1e-9)
            click.echo(f"{self.label}: {self.done} {self.unit} ({rate:.1f}/s, {now - self.started:.0f} s)", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class Heartbeat:
    """For a step with no count to report (grouping claims, writing a graph): "LABEL: working, N s" on stderr every
    few seconds while it runs, so that a log shows it is alive."""

    def __init__(self, label: str):
        self.label = label
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _beat(self) -> None:
        started = time.monotonic()
        every = max(interval(), 0.05)
        while not self._stop.wait(every):
            click.echo(f"{self.label}: working, {time.monotonic() - started:.0f} s", err=True)

    def __enter__(self) -> Heartbeat:
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat {self.label}", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, _t: type | None, _e: BaseException | None, _tb: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
