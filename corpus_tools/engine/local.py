"""``-j N``: the unit of work in N worker processes, results written back in input order.

The main process reads each document (the one records reader), decides its
facts from its head and cuts it into chunks of whole lines, at paragraph
boundaries when paragraphs carry language; each worker builds the pipeline
once from its configuration and cleans chunks with
:func:`~corpus_tools.engine.work.clean_lines`, the same function ``-j 1``
runs.  So the bytes, reports and statistics are those of ``-j 1``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator

from corpus_tools.engine.blocks import clean_block
from corpus_tools.engine.screen import BlockScreen
from corpus_tools.engine.work import LineResult, clean_lines, with_paragraphs
from corpus_tools.pipeline import Pipeline
from corpus_tools.stream.formats import RecordFormat
from corpus_tools.stream.records import InputLine, parse_lines

CHUNK_BYTES = 1 << 20  # about this much text per chunk (whole lines, whole paragraphs)

_worker_work = None  # what a worker does with a chunk: clean_chunk, or check's
_worker_state = None  # what it needs for that, built once (the pipeline, ...)


class _Nothing:
    @staticmethod
    def get() -> None:
        return None


_NOTHING = _Nothing()


def jobs_count(jobs: int) -> int:
    """``-j 0`` means every core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _start_worker(work, state) -> None:
    global _worker_work, _worker_state
    # The main process handles Ctrl-C and signals (and removes its temporary files);
    # a worker just ends when the pool is closed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)
    _worker_work, _worker_state = work, state  # built once per worker


def _run_chunk(task) -> list[tuple]:
    return _worker_work(_worker_state, task)


_worker_screen = None  # the pipeline's BlockScreen, built on a worker's first block


def run_block(task) -> list:
    """Clean one block of plain text in a worker (the screened path)."""
    global _worker_screen
    if _worker_screen is None:
        _worker_screen = BlockScreen.of(_worker_state.steps)
    block, facts, label, record_format = task
    pieces = list(clean_block(_worker_state, _worker_screen, block, facts, label, record_format))
    for piece in pieces:  # after cleaning all of them, as in clean_chunk
        if isinstance(piece, LineResult):
            _portable(piece.line)
    return pieces


def _portable(line: InputLine) -> None:
    # Closures do not cross processes, and the sinks need only the bytes.
    line.record, line.text = None, ""


def chunk_task(chunk: list[InputLine], facts, label: str, record_format: RecordFormat,
               on_bad_record: str) -> tuple:
    """What a worker needs to clean a chunk: the lines' bytes and the document's facts."""
    return ([(line.number, line.content, line.ending, line.after_cr, line.bom) for line in chunk],
            facts, label, record_format, on_bad_record)


def chunk_lines(task) -> list[InputLine]:
    """A chunk's lines, parsed again in the worker as the main process read them."""
    raw_lines, _facts, label, record_format, on_bad_record = task
    first_number, first_after_cr = raw_lines[0][0], raw_lines[0][3]
    return list(parse_lines(((content, ending) for _, content, ending, _, _ in raw_lines),
                            record_format, label, on_bad_record, first_number, first_after_cr,
                            boms=[bom for *_, bom in raw_lines]))


def clean_chunk(pipeline: Pipeline, task) -> list[tuple]:
    """Clean one chunk in a worker: the lines parsed again, then the unit of work of ``-j 1``."""
    _raw, facts, label, record_format, _on_bad_record = task
    lines = chunk_lines(task)
    units = with_paragraphs(pipeline, lines, record_format)
    cleaned = list(clean_lines(pipeline, units, facts, label, record_format))
    for result in cleaned:
        # Only now: a later line's paragraph, joined when it is asked for, reads the texts.
        _portable(result.line)
    return [(result.line, result.new_text, result.changes) for result in cleaned]


def chunks(pipeline: Pipeline, lines: Iterable[InputLine], record_format: RecordFormat,
           chunk_bytes: int) -> Iterator[list[InputLine]]:
    """Whole lines, cut only where a paragraph (as language identification reads it) ends."""
    for chunk in unit_chunks(with_paragraphs(pipeline, lines, record_format), chunk_bytes):
        yield [line for line, _ in chunk]


def unit_chunks(units: Iterable[tuple[InputLine, object]],
                chunk_bytes: int) -> Iterator[list[tuple[InputLine, object]]]:
    """``(line, paragraph)`` pairs in chunks of about ``chunk_bytes``, cut only where a
    paragraph ends (a paragraph of None ends with its line)."""
    chunk: list = []
    size, paragraph = 0, None
    for line, its_paragraph in units:
        if size >= chunk_bytes and (its_paragraph is None or its_paragraph is not paragraph):
            yield chunk
            chunk, size = [], 0
        paragraph = its_paragraph
        chunk.append((line, its_paragraph))
        size += len(line.content) + len(line.ending)
    if chunk:
        yield chunk


def results(cleaned) -> Iterator[LineResult]:
    for line, new_text, changes in cleaned:
        yield LineResult(line, new_text, changes)


class LocalPool:
    """N worker processes for one run, each doing ``work(state, chunk)`` (default: clean)."""

    def __init__(self, pipeline: Pipeline, jobs: int, chunk_bytes: int = CHUNK_BYTES,
                 work=clean_chunk, state=None):
        self.pipeline = pipeline
        self.chunk_bytes = chunk_bytes
        self.window = 2 * jobs  # chunks in flight
        context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
        self._pool = context.Pool(jobs, initializer=_start_worker,
                                  initargs=(work, pipeline if state is None else state))

    def run_chunks(self, lines: Iterable[InputLine], facts, label: str,
                   record_format: RecordFormat, on_bad_record: str) -> Iterator[list]:
        """Each chunk's results, in input order."""
        tasks = ((None, chunk_task(chunk, facts, label, record_format, on_bad_record))
                 for chunk in chunks(self.pipeline, lines, record_format, self.chunk_bytes))
        for _, result in self.ordered(tasks):
            yield result

    def ordered(self, items: Iterable[tuple[object, tuple]], run=None) -> Iterator[tuple]:
        """``(payload, task)`` in, ``(payload, the worker's result)`` out, in input order.
        Tasks go out from this thread, a few ahead of the one being used, so reading stays
        in the main thread and memory stays bounded."""
        run = run or _run_chunk
        pending: deque = deque()
        for payload, task in items:
            # A task of None is only a marker in the sequence (a file starts): no work.
            pending.append((payload, _NOTHING if task is None
                            else self._pool.apply_async(run, (task,))))
            while len(pending) > self.window:
                payload, result = pending.popleft()
                yield payload, result.get()
        while pending:
            payload, result = pending.popleft()
            yield payload, result.get()

    def clean(self, lines: Iterable[InputLine], facts, label: str, record_format: RecordFormat,
              on_bad_record: str) -> Iterator[LineResult]:
        for cleaned in self.run_chunks(lines, facts, label, record_format, on_bad_record):
            yield from results(cleaned)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()
