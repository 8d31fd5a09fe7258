"""One executor protocol: a per-chunk function over tasks, its results in input order.

A task plugs in ``work(state, task) -> result``: a module-level function (so
it travels by name), pure (the same task gives the same result in any
process), and a state every worker receives once (a pipeline, a checker, a
language decider).  Three executors run it, and a command never asks which:

- :class:`InProcess` (``-j 1``): here, one task at a time, when its result
  is asked for;
- :class:`~corpus_tools.engine.local.LocalPool` (``-j N``): N worker
  processes on this machine;
- :class:`~corpus_tools.engine.cluster.DaskPool` (``--engine dask``): the
  workers of a Dask cluster.

:meth:`Executor.ordered` takes ``(payload, task)`` pairs and gives back
``(payload, result)`` in the same order: the payload (what the main process
keeps of a task, such as its lines) never travels; a task of None is a
marker in the sequence and gets a result of None.  In this process a result
may be a lazy iterable (used up before the next result is asked for), so
``-j 1`` holds one line's result at a time; a result that travels is whole.  A task that travels is
pickled: what a task carries, and how it is read again on the other side,
is the task's business (:class:`~corpus_tools.engine.documents.LineChunk`
carries bytes; a range of a file, naming only where to read, fits the
same protocol).  When the sequence of tasks itself fails (a record that
cannot be read), every result before the failure is given first, as
``-j 1`` writes every line before it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Literal, Protocol, TypeVar

Payload = TypeVar("Payload")
Engine = Literal["local", "dask"]
ENGINES = ("local", "dask")  # the keys of ENGINE_FACTORIES, below


class Executor(Protocol):
    """Runs ``work(state, task)`` over tasks; see the module's documentation."""

    parallel: bool  # False: tasks run in this process, in turn, as results are asked for

    def ordered(self, work: Callable, items: Iterable[tuple[Payload, object]],
                ) -> Iterator[tuple[Payload, object]]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc_info) -> None: ...


class Closing:
    """``with make_executor(...) as executor:`` closes it (workers, a cluster) at the end."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        pass


class InProcess(Closing):
    """``-j 1``: each task's work done here, lazily, when its result is asked for."""

    parallel = False

    def __init__(self, state):
        self.state = state

    def ordered(self, work: Callable, items: Iterable[tuple[Payload, object]],
                ) -> Iterator[tuple[Payload, object]]:
        state = self.state
        for payload, task in items:
            yield payload, None if task is None else work(state, task)


def in_order(submit: Callable, collect: Callable, items: Iterable[tuple[Payload, object]],
             window: int) -> Iterator[tuple[Payload, object]]:
    """What the pools share: tasks go out from this thread (``submit(task)`` gives a handle,
    ``collect(handle)`` its result), at most ``window`` ahead of the one being used, so
    reading stays in this thread and memory stays bounded."""
    pending: deque = deque()
    items = iter(items)
    while True:
        try:
            payload, task = next(items)
        except StopIteration:
            break
        except Exception:
            # Reading failed: every result before the failure first, then the error.
            while pending:
                payload, handle = pending.popleft()
                yield payload, None if handle is None else collect(handle)
            raise
        pending.append((payload, None if task is None else submit(task)))
        while len(pending) > window:
            payload, handle = pending.popleft()
            yield payload, None if handle is None else collect(handle)
    while pending:
        payload, handle = pending.popleft()
        yield payload, None if handle is None else collect(handle)


def _local(state, jobs: int, scheduler: str | None, workers: int | None) -> Executor:
    from corpus_tools.engine.local import LocalPool, jobs_count

    if scheduler:
        raise ValueError("--scheduler goes with --engine dask")
    return LocalPool(state, jobs_count(jobs)) if jobs_count(jobs) > 1 else InProcess(state)


def _dask(state, jobs: int, scheduler: str | None, workers: int | None) -> Executor:
    from corpus_tools.engine.cluster import DaskPool
    from corpus_tools.engine.local import jobs_count

    if workers is None:
        workers = jobs if jobs > 1 else jobs_count(0)
    return DaskPool(state, scheduler, workers)


# A way to run: one module with an Executor, and one line here (the name --engine takes).
ENGINE_FACTORIES: dict[str, Callable[..., Executor]] = {"local": _local, "dask": _dask}


def make_executor(state, jobs: int = 1, engine: Engine = "local", scheduler: str | None = None,
                  workers: int | None = None) -> Executor:
    """The executor for ``-j``, ``--engine`` and ``--scheduler`` as every command reads them.

    ``jobs``: worker processes (0: every core; 1: this process).  ``engine="dask"``: the
    cluster at ``scheduler``, or without one a local cluster of ``workers`` processes
    (default: ``jobs`` of them, or every core with ``-j 0`` or ``-j 1``).
    """
    if engine not in ENGINE_FACTORIES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return ENGINE_FACTORIES[engine](state, jobs, scheduler, workers)
