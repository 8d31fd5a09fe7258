"""``-j N``: an :class:`~corpus_tools.engine.executor.Executor` of N worker processes.

The main process reads and cuts; each worker receives the task's state once
(when it starts: forked, or pickled on Windows) and runs ``work(state, task)``
on the tasks it is sent; results come back in input order.  The work is the
function ``-j 1`` runs, so the bytes, reports and statistics are those of ``-j 1``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator

from corpus_tools.engine.executor import Closing, Payload, in_order

_worker_state = None  # the task's state, received once per worker


def jobs_count(jobs: int) -> int:
    """``-j 0`` means every core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _start_worker(state) -> None:
    global _worker_state
    # The main process handles Ctrl-C and signals (and removes its temporary files);
    # a worker just ends when the pool is closed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)
    _worker_state = state


@contextlib.contextmanager
def _terminable_workers():
    """Workers forked while this is open end on SIGTERM even before their initializer runs:
    one stuck at its start (a lock another thread of this process held when it forked)
    would otherwise keep this process's handler, never run it, and hang close()."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, signal.SIG_DFL) if main else None
    try:
        yield
    finally:
        if main:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _run(work: Callable, task):
    return work(_worker_state, task)


class LocalPool(Closing):
    """N worker processes for one run, each holding ``state``."""

    parallel = True

    def __init__(self, state, jobs: int):
        self.window = 2 * jobs  # tasks in flight
        context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
        with _terminable_workers():
            self._pool = context.Pool(jobs, initializer=_start_worker, initargs=(state,))

    def ordered(self, work: Callable, items: Iterable[tuple[Payload, object]],
                ) -> Iterator[tuple[Payload, object]]:
        return in_order(lambda task: self._pool.apply_async(_run, (work, task)),
                        lambda handle: handle.get(), items, self.window)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()
