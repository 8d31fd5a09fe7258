"""Run a pipeline over files: records in, the unit of work, sinks out.

The runner only wires: read each file through the one records reader,
decide its document facts from its head, clean its lines
(:mod:`corpus_tools.engine.work`) and hand every result to the sinks.  The
exit code is decided by :class:`~corpus_tools.report.summary.Report`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Literal

from corpus_tools.engine.blocks import Passed, clean_block_task, document_blocks, screen_for
from corpus_tools.engine.documents import CHUNK_BYTES, line_chunks, read_document
from corpus_tools.engine.executor import Engine, Executor, make_executor
from corpus_tools.engine.screen import BlockScreen
from corpus_tools.engine.work import clean_chunk, document_facts, with_paragraphs
from corpus_tools.errors import CorpusToolsError, InputError
from corpus_tools.pipeline import Pipeline
from corpus_tools.report import Sink
from corpus_tools.report.diff import DiffSink
from corpus_tools.report.jsonl import report_sink
from corpus_tools.report.output import OutputSink
from corpus_tools.report.progress import progress_bar
from corpus_tools.report.summary import Report
from corpus_tools.report.text import CheckTextSink
from corpus_tools.stopping import stop_if_requested
from corpus_tools.stream.atomic import (
    check_outputs,
    make_parent_folder,
    open_destination,
    output_paths,
)
from corpus_tools.stream.formats import RecordFormat, TextFormat
from corpus_tools.stream.opener import is_url, open_output
from corpus_tools.stream.records import display_name

Mode = Literal["write", "diff", "check"]


@dataclass
class RunOptions:
    """How to run: where output goes, what else to report."""

    record_format: RecordFormat = field(default_factory=TextFormat)
    output: str = "-"  # "-" for stdout, or a file name
    in_place: bool = False
    force_in_place: bool = False  # rewrite despite other hard links or an owner it cannot keep
    mode: Mode = "write"
    report: str | None = None  # a file name, or "-" for stdout
    stats: bool = False
    progress: bool | None = None  # None: only when stderr is a terminal
    on_bad_record: Literal["error", "pass"] = "error"
    jobs: int = 1  # worker processes (0: every core)
    output_dir: str | None = None  # one output per input, under this folder
    force: bool = False  # --output-dir may overwrite existing outputs
    chunk_bytes: int = CHUNK_BYTES  # how much text one task holds (a block, a chunk of lines)
    engine: Engine = "local"
    scheduler: str | None = None  # --engine dask: a scheduler's address; None: a LocalCluster


def check_inputs(paths: Sequence[str]) -> None:
    """Fail before writing anything when an input cannot be read."""
    for path in paths:
        if path == "-" or is_url(path):
            continue  # stdin; an fsspec URL is checked when it is opened
        if os.path.isdir(path):
            raise InputError(path, None, "is a folder, not a file")
        if not os.path.exists(path):
            raise InputError(path, None, "no such file")
        if not os.access(path, os.R_OK):
            raise InputError(path, None, "permission denied")


class Runner:
    """Cleans files with one pipeline, under one set of options."""

    def __init__(self, pipeline: Pipeline, options: RunOptions, stderr=None):
        self.pipeline = pipeline
        self.options = options
        self.stderr = stderr or sys.stderr
        self.summary = Report()
        self.executor: Executor | None = None  # in this process, -j's pool or a Dask cluster
        self._prefetch: _Prefetch | None = None

    def run(self, paths: Sequence[str]) -> Report:
        options = self.options
        paths = list(paths) or ["-"]
        check_inputs(paths)
        if options.in_place and "-" in paths:
            raise CorpusToolsError("--in-place needs file names, not stdin ('-')")
        text_to_stdout = options.mode == "diff" or (
            options.mode == "write" and options.output == "-" and not options.in_place)
        if options.report == "-" and text_to_stdout:
            raise CorpusToolsError("--report - would mix the report with the cleaned text on "
                                   "stdout; give -o FILE or a report file name")
        written = options.mode == "write" and not options.in_place and not options.output_dir
        check_outputs(paths, {"-o": options.output if written else None,
                              "--report": options.report})
        with ExitStack() as stack:
            self._prefetch = None
            try:
                self.executor = stack.enter_context(make_executor(
                    self.pipeline, options.jobs, options.engine, options.scheduler))
            except ValueError as error:
                raise CorpusToolsError(str(error)) from None
            sinks: list[Sink] = []
            if options.report:
                raw = stack.enter_context(open_destination(options.report))
                sinks.append(report_sink(options.report, open_output(options.report, raw, stack)))
            if options.mode == "check":
                sinks.append(CheckTextSink(self.stderr))
            bar = progress_bar(paths, options.progress, self.stderr, stack)
            on_read = bar.update if bar is not None else None
            if options.output_dir and options.mode == "write":
                targets = output_paths(paths, options.output_dir, options.force)
                self._start_prefetch(list(targets), on_read)
                for path, target in targets.items():
                    make_parent_folder(target)  # none for a URL: no ./s3:/ folders
                    with open_destination(target) as raw, ExitStack() as out_stack:
                        out = OutputSink(open_output(target, raw, out_stack))
                        self._process(path, [out, *sinks], on_read)
            elif options.in_place and options.mode == "write":
                self._start_prefetch(paths, on_read)
                for path in paths:
                    self._rewrite_in_place(path, sinks, on_read)
            else:
                if options.mode == "write":
                    raw = stack.enter_context(open_destination(options.output))
                    sinks.insert(0, OutputSink(open_output(options.output, raw, stack)))
                elif options.mode == "diff":
                    sinks.insert(0, DiffSink(stack.enter_context(open_destination("-"))))
                self._start_prefetch(paths, on_read)
                for path in paths:
                    self._process(path, sinks, on_read)
                if options.output == "-" or options.mode == "diff":
                    sys.stdout.buffer.flush()
        self._finish()
        return self.summary

    def _rewrite_in_place(self, path: str, sinks: list[Sink], on_read) -> None:
        changed_before = self.summary.changed_lines
        try:
            with open_destination(path, in_place=True, force=self.options.force_in_place) as raw, \
                    ExitStack() as out_stack:
                out = OutputSink(open_output(path, raw, out_stack))
                self._process(path, [out, *sinks], on_read)
                if self.summary.changed_lines == changed_before:
                    # Nothing changed: leave the original file (and its mtime) alone.
                    raise _Unchanged
        except _Unchanged:
            pass

    def _process(self, path: str, sinks: list[Sink], on_read) -> None:
        label = display_name(path)
        summary = self.summary
        for sink in sinks:
            sink.start(label)
        with ExitStack() as stack:
            if self._screen() is not None:
                # -j 1 reads each file in its turn, as it is written.
                prefetch = self._prefetch or _Prefetch(self, [path], on_read)
                results = prefetch.pieces(path)
            else:
                results = self._line_by_line(path, stack, on_read)
            for result in results:
                stop_if_requested()
                if isinstance(result, Passed):
                    summary.lines += result.lines
                    for sink in sinks:
                        sink.take_passed(result)
                    continue
                summary.lines += 1
                if result.line.error is not None:
                    self._bad_record(label, result.line)
                if result.changed:
                    summary.changed_lines += 1
                for change in result.changes:
                    summary.count(change)
                for sink in sinks:
                    sink.take(result)
        for sink in sinks:
            sink.finish()

    def _start_prefetch(self, paths: Sequence[str], on_read) -> None:
        """Under -j and Dask, the screened path runs ahead across files: the next files' blocks
        are cleaned while this one's are written, so many small files keep every worker busy."""
        if self.executor.parallel and self._screen() is not None:
            self._prefetch = _Prefetch(self, paths, on_read)

    def _screen(self) -> BlockScreen | None:
        """The block screen when the screened path applies (plain text, steps that say what
        they could act on); None: every line goes through every step."""
        if type(self.options.record_format) is not TextFormat:
            return None
        return screen_for(self.pipeline)

    def _line_by_line(self, path: str, stack: ExitStack, on_read) -> Iterator:
        options, pipeline = self.options, self.pipeline
        record_format = options.record_format.for_path(path)  # a folder's files by extension
        document = read_document(path, record_format,
                                 lambda head: document_facts(pipeline, head, record_format),
                                 stack, options.on_bad_record, on_read)
        units = with_paragraphs(pipeline, document.lines, record_format)
        chunks = line_chunks(document, units, options.chunk_bytes)
        return (result for _, cleaned in self.executor.ordered(clean_chunk, chunks)
                for result in cleaned)

    def _bad_record(self, label: str, line) -> None:
        self.summary.bad_records += 1
        if self.summary.first_bad_record is None:
            self.summary.first_bad_record = f"{label}:{line.number}: {line.error}"

    def _finish(self) -> None:
        bad = self.summary.describe_bad_records()
        if bad:
            print(f"corpus-tools: {bad}", file=self.stderr)
        if self.options.stats:
            print(self.summary.render_stats(), file=self.stderr)


class _Prefetch:
    """Every file's blocks, in order, through the executor (see ``Runner._start_prefetch``);
    ``pieces(path)`` gives one file's pieces in turn."""

    def __init__(self, runner: Runner, paths: Sequence[str], on_read):
        self._runner, self._on_read = runner, on_read
        self._items = runner.executor.ordered(clean_block_task, self._tasks(list(paths)))
        self._next = None

    def _tasks(self, paths: list[str]):
        runner = self._runner
        options = runner.options
        for path in paths:
            label = display_name(path)
            try:
                with ExitStack() as stack:
                    facts, blocks = document_blocks(path, runner.pipeline, options.record_format,
                                                    stack, self._on_read, options.chunk_bytes)
                    yield (path, "start", None), None
                    for block in blocks:
                        yield (path, "block", None), (block, facts, label, options.record_format)
            except CorpusToolsError as error:
                # Raised when the file's turn comes, as reading it in turn would.
                yield (path, "error", error), None
                return

    def pieces(self, path: str) -> Iterator:
        item = self._next or next(self._items)
        self._next = None
        (item_path, kind, error), _ = item
        if kind == "error":
            raise error
        assert item_path == path and kind == "start", (item_path, path, kind)
        for (item_path, kind, error), result in self._items:
            if kind == "error" and item_path == path:
                raise error  # the file could not be read to its end
            if kind != "block":
                self._next = ((item_path, kind, error), result)
                return
            yield from result


class _Unchanged(Exception):
    """Raised inside atomic_output to drop the temporary file of an unchanged file."""
