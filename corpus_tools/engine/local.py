"""``-j N``: an :class:`~corpus_tools.engine.executor.Executor` of N worker processes.

The main process reads and cuts; each worker receives the task's state once
(when it starts: forked, or pickled on Windows) and runs ``work(state, task)``
on the tasks it is sent; results come back in input order.  The work is the
function ``-j 1`` runs, so the bytes, reports and statistics are those of ``-j 1``.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator

from corpus_tools.engine.executor import Closing, Payload, in_order

_worker_state = None  # the task's state, received once per worker


def jobs_count(jobs: int) -> int:
    """``-j 0`` means every core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


_forking_workers = False  # set while this process has a pool that may fork workers


def _quiet_signals() -> None:
    """A worker leaves Ctrl-C, SIGTERM and a closing terminal (which a process group gets all
    at once: ``timeout``, ``docker stop``, a scheduler) to the main process, which reports the
    stop in one line, removes its temporary files and kills its workers.  A worker killed by
    a group signal could die holding the pool's queue lock, and the pool would then hang
    when it is closed."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)


def _quiet_signals_in_forked_workers() -> None:
    # A worker the pool forks again later (one died) is forked from the pool's thread with
    # this process's handlers, which would print a ``Stopped`` traceback in it: reset them
    # in the child before it runs anything.
    if _forking_workers:
        _quiet_signals()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_quiet_signals_in_forked_workers)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel sends SIGKILL to this worker when the process that forked it ends
    (SIGKILL, the OOM killer), so no worker outlives it or prints a ``BrokenPipeError``.
    Elsewhere a worker ends when it next reads from its closed pipe."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(0)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _start_worker(state, parent: int | None = None) -> None:
    global _worker_state
    _quiet_signals()
    if parent is not None:
        _die_with_parent(parent)
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
        global _forking_workers
        _forking_workers = True
        with _terminable_workers():
            self._pool = context.Pool(jobs, initializer=_start_worker,
                                      initargs=(state, os.getpid()))

    def ordered(self, work: Callable, items: Iterable[tuple[Payload, object]],
                ) -> Iterator[tuple[Payload, object]]:
        return in_order(lambda task: self._pool.apply_async(_run, (work, task)),
                        lambda handle: handle.get(), items, self.window)

    def __exit__(self, exc_type, *exc_info) -> None:
        if exc_type is None:
            self._finish()
        else:
            self.close()

    def _finish(self) -> None:
        """Every task done: the idle workers are told to end, and waited for (killing them
        could leave a queue lock held by one caught mid-write)."""
        global _forking_workers
        self._pool.close()
        self._pool.join()
        _forking_workers = False

    def close(self) -> None:
        global _forking_workers
        try:
            _kill_workers(self._pool)
        except AttributeError:  # a Python whose pool is built otherwise: its own way
            self._pool.terminate()
        self._pool.join()
        _forking_workers = False


def _kill_workers(pool) -> None:
    """Close the pool at once, whatever its workers are doing.

    Its workers ignore SIGTERM (see :func:`_quiet_signals`), so ``Pool.terminate`` alone
    would wait for them: they are killed (SIGKILL prints nothing) once the pool's thread
    forks no more, and the queue lock one of them may have held is freed so
    ``terminate`` can drain the queue.  Uses the pool's internals, checked on 3.10-3.13.
    """
    handler = pool._worker_handler
    handler._state = multiprocessing.pool.TERMINATE
    pool._change_notifier.put(None)
    handler.join()
    workers = list(pool._pool)
    for worker in workers:
        if worker.exitcode is None:
            worker.kill()
    for worker in workers:
        worker.join()
    # The locks a killed worker may have held: reading tasks, writing results.
    for lock in (pool._inqueue._rlock, pool._outqueue._wlock):
        if lock is not None:
            lock.acquire(block=False)  # ours now, or held by a worker that is gone
            lock.release()
    pool.terminate()
