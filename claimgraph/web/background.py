"""The serving process's background work, run in a worker process of its own.

Computing a large claim again (a thousand voices: a second or more of pure Python) and refreshing the search index
would hold the serving process's interpreter lock while requests wait behind them. So each serving process (each of
`--workers N`) starts, on the first need, one worker process (`ProcessPoolExecutor(1)`, `spawn`: nothing of the
server's threads or connections is inherited) that opens its own store from the database URL, computes there, and
returns plain data; the serving process only swaps the result in. The worker runs at a lower CPU priority
(`nice` +10), so that on a busy machine the requests come first.

The worker ends with the server: the app's shutdown closes it (and so does the store's collection); should the
server die without shutting down (`kill -9`), the worker sees that its parent changed and exits within a second. A
worker that crashed is replaced on the next submission (the futures of the broken one fail; their callers keep what
they had and try again later). A store whose database lives only in memory (`sqlite://`) cannot be opened by
another process: there `pool(store)` is None and callers work in a thread of the serving process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from claimgraph.store.sql import Store

log = logging.getLogger(__name__)
NICE = 10   # the worker's CPU priority below the server's

_pools: weakref.WeakKeyDictionary[Store, ProcessPoolExecutor] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_closed: weakref.WeakSet[Store] = weakref.WeakSet()

# In the worker process: its own store.
_worker_store: Store | None = None


def _url(store: Store) -> str | None:
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:"
                                                or "mode=memory" in str(url)):
        return None
    return url.render_as_string(hide_password=False)


def pool(store: Store) -> ProcessPoolExecutor | None:
    """This process's worker for `store` (started on the first call), or None where none can serve it."""
    with _lock:
        if store in _closed:
            return None
        executor = _pools.get(store)
        if executor is not None:
            return executor
        url = _url(store)
        if url is None:
            return None
        executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start, initargs=(url, os.getpid()))
        _pools[store] = executor
        weakref.finalize(store, executor.shutdown, wait=False, cancel_futures=True)
        return executor


def submit(store: Store, fn: Callable[..., Any], *args: Any) -> Future | None:
    """Run `fn(worker_store, *args)` in the worker; None when there is no worker for this store. A broken worker
    (it crashed) is replaced once."""
    for _ in range(2):
        executor = pool(store)
        if executor is None:
            return None
        try:
            return executor.submit(_call, fn, *args)
        except BrokenProcessPool:
            _replace(store, executor)
        except RuntimeError:   # shut down meanwhile
            return None
    return None


def broken(store: Store, future: Future) -> None:
    """After a future failed: when its worker died, drop it (the next submission starts a new one)."""
    if isinstance(future.exception(), BrokenProcessPool):
        with _lock:
            executor = _pools.get(store)
        if executor is not None:
            _replace(store, executor)


def _replace(store: Store, executor: ProcessPoolExecutor) -> None:
    with _lock:
        if _pools.get(store) is executor:
            del _pools[store]
    log.warning("the background worker process died; a new one starts on the next need")
    executor.shutdown(wait=False, cancel_futures=True)


def close(store: Store) -> None:
    """Stop this store's worker (the app's shutdown); waits for it to exit. Later needs run in a thread."""
    with _lock:
        _closed.add(store)
        executor = _pools.pop(store, None)
    if executor is not None:
        executor.shutdown(wait=True, cancel_futures=True)


def refresh_search(store: Store) -> bool:
    """The search index's refresh as the request path makes it (at most once every FRESH_S per process), in the
    worker process."""
    from claimgraph.store.search import FRESH_S, refresh_in_place, refresh_index

    return refresh_index(store, max_age=FRESH_S, elsewhere=lambda: submit(store, refresh_in_place))


def reopen(store: Store) -> None:
    """A new app over a store whose earlier app shut down: it may start a worker again."""
    with _lock:
        _closed.discard(store)


def worker_pids(store: Store) -> list[int]:
    """The process ids of this store's worker (tests)."""
    with _lock:
        executor = _pools.get(store)
    return sorted((getattr(executor, "_processes", None) or {}).keys()) if executor is not None else []


# -- in the worker process ---------------------------------------------------------------------------------------

def _start(url: str, parent: int) -> None:
    global _worker_store
    try:
        os.nice(NICE)
    except OSError:
        pass
    _worker_store = Store.open(url, migrate=False)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="claimgraph-parent-watch").start()


def _watch(parent: int) -> None:
    """Exit when the serving process is gone (its parent changes when it dies without shutting the worker)."""
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(0.5)


def _call(fn: Callable[..., Any], *args: Any) -> Any:
    assert _worker_store is not None
    return fn(_worker_store, *args)
