"""``--engine dask``: the unit of work on a Dask cluster, results written back in input order.

It is :class:`~corpus_tools.engine.local.LocalPool` with the cluster's
workers in place of local processes: this process reads each document (the
one records reader, so local files, stdin and every compression), decides
its facts from its head and cuts it into chunks of whole lines; the pipeline
is sent to every worker once; each worker cleans chunks with
:func:`~corpus_tools.engine.work.clean_lines`, the function ``-j 1`` runs;
the results come back in order to the same sinks.  So the bytes, reports and
statistics are those of a local run.

Without a scheduler address, a ``distributed.LocalCluster`` of worker
processes on this machine is started for the run (``--jobs`` of them, or
every core with ``-j 0`` or ``-j 1``).  Needs ``pip install 'corpus-tools[dask]'``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator

from corpus_tools.engine.local import CHUNK_BYTES, chunk_task, chunks, clean_chunk, results
from corpus_tools.engine.work import LineResult
from corpus_tools.errors import CorpusToolsError
from corpus_tools.pipeline import Pipeline
from corpus_tools.stream.formats import RecordFormat
from corpus_tools.stream.records import InputLine


def _clean_on_worker(pipeline: Pipeline, task) -> list[tuple]:
    return clean_chunk(pipeline, task)


class DaskPool:
    """A Dask client (and, without a scheduler, a local cluster) for one run."""

    def __init__(self, pipeline: Pipeline, scheduler: str | None = None, workers: int = 2,
                 chunk_bytes: int = CHUNK_BYTES):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise CorpusToolsError("--engine dask needs Dask: pip install 'corpus-tools[dask]'") \
                from None
        self.pipeline = pipeline
        self.chunk_bytes = chunk_bytes
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
        self.window = 2 * workers_now  # chunks in flight
        # Sent once; each worker unpickles it (from its step names and configuration) once.
        self._pipeline = self.client.scatter(pipeline, broadcast=True)

    def clean(self, lines: Iterable[InputLine], facts, label: str, record_format: RecordFormat,
              on_bad_record: str) -> Iterator[LineResult]:
        pending: deque = deque()
        for chunk in chunks(self.pipeline, lines, record_format, self.chunk_bytes):
            task = chunk_task(chunk, facts, label, record_format, on_bad_record)
            pending.append(self.client.submit(_clean_on_worker, self._pipeline, task, pure=False))
            while len(pending) > self.window:
                yield from results(pending.popleft().result())
        while pending:
            yield from results(pending.popleft().result())

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
