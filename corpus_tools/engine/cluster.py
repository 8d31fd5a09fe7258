"""``--engine dask``: an :class:`~corpus_tools.engine.executor.Executor` on a Dask cluster.

It is :class:`~corpus_tools.engine.local.LocalPool` with the cluster's
workers in place of local processes: the task's state is sent to every
worker once (a pipeline unpickles from its step names and configuration);
each task is submitted with it and the results come back in input order to
the same sinks.  So the bytes, reports and statistics are those of a local run.

Without a scheduler address, a ``distributed.LocalCluster`` of worker
processes on this machine is started for the run.  Needs
``pip install '.[dask]'``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from corpus_tools.engine.executor import Closing, Payload, in_order
from corpus_tools.errors import CorpusToolsError


class DaskPool(Closing):
    """A Dask client (and, without a scheduler, a local cluster) for one run."""

    parallel = True

    def __init__(self, state, scheduler: str | None = None, workers: int = 2):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise CorpusToolsError("--engine dask needs Dask: pip install '.[dask]'") \
                from None
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as error:
                raise CorpusToolsError(f"cannot reach the Dask scheduler at {scheduler}: "
                                       f"{error}") from None
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0", silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        workers_now = len(self.client.scheduler_info().get("workers", {})) or workers
        self.window = 2 * workers_now  # tasks in flight
        self._state = self.client.scatter(state, broadcast=True)  # sent once

    def ordered(self, work: Callable, items: Iterable[tuple[Payload, object]],
                ) -> Iterator[tuple[Payload, object]]:
        return in_order(
            lambda task: self.client.submit(work, self._state, task, pure=False),
            lambda future: future.result(), items, self.window)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
