"""Run a pipeline over files: read lines, clean their units, write them back byte-exactly.

The runner owns everything between the stream and the steps: BOMs, bad
records, change records, the diff, the report, statistics and progress.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from tqdm import tqdm

from corpus_tools.changes import Change
from corpus_tools.diff import StreamingDiff
from corpus_tools.errors import CorpusToolsError, InputError
from corpus_tools.filters.base import DocumentContext
from corpus_tools.language.units import language_units
from corpus_tools.pipeline import Pipeline
from corpus_tools.stream.formats import JsonlFormat, RecordError, RecordFormat, TextFormat
from corpus_tools.stream.lines import UTF8_BOM, decode, encode
from corpus_tools.stream.opener import input_size, open_input, open_output, read_lines

Mode = Literal["write", "diff", "check"]


@dataclass
class RunOptions:
    """How to run: where output goes, what else to report."""

    record_format: RecordFormat = field(default_factory=TextFormat)
    output: str = "-"  # "-" for stdout, or a file name
    in_place: bool = False
    mode: Mode = "write"
    report: str | None = None
    stats: bool = False
    progress: bool | None = None  # None: only when stderr is a terminal
    on_bad_record: Literal["error", "pass"] = "error"


@dataclass
class RunSummary:
    lines: int = 0
    changed_lines: int = 0
    findings: int = 0  # suggestions and findings: recorded, not applied
    bad_records: int = 0
    first_bad_record: str | None = None
    rule_counts: Counter = field(default_factory=Counter)


def describe_change(change: Change) -> str:
    """One line for people and CI logs: ``file:line:column: rule: before → after``.

    >>> print(describe_change(Change("space:trailing", 6, "  ", "", line=3, file="a.txt")))
    a.txt:3:6: space:trailing: '  ' → ''
    >>> print(describe_change(Change("script:mixed-token", 5, "Bakuы", "Bakuы", line=1,
    ...                              file="a.txt", suggestion=True, message="no look-alike")))
    a.txt:1:5: script:mixed-token: 'Bakuы' (not changed: no look-alike)
    """
    where = f"{change.file}:{change.line}:{change.column}"
    if change.field is not None:
        where += f" [{change.field}]"
    if change.suggestion:
        detail = f"{change.before!r}"
        if change.after != change.before:
            detail += f" → {change.after!r}?"
        detail += f" (not changed: {change.message})" if change.message else " (not changed)"
    else:
        detail = f"{change.before!r} → {change.after!r}"
    severity = f"{change.severity}: " if change.severity else ""
    return f"{where}: {severity}{change.rule}: {detail}"


class ReportWriter:
    """Change records as JSON lines."""

    def __init__(self, out: BinaryIO):
        self.out = out

    def write(self, change: Change) -> None:
        record = change.as_dict()
        try:
            line = json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # escaped invalid bytes: keep the report valid UTF-8
            line = json.dumps(record).encode("ascii")
        self.out.write(line + b"\n")


@contextmanager
def atomic_output(path: str):
    """Write to a temporary file beside ``path`` and rename it over ``path`` only on success.

    The temporary file is fsynced before the rename and takes the mode of the
    file it replaces; on any error or Ctrl-C it is removed and ``path`` is untouched.
    """
    folder = os.path.dirname(os.path.abspath(path))
    handle, temp_path = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as raw:
            yield raw
            raw.flush()
            os.fsync(raw.fileno())
        try:
            os.chmod(temp_path, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(temp_path, 0o666 & ~_umask())
        os.replace(temp_path, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp_path)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def progress_bar(paths: Sequence[str], enabled: bool | None, stderr, stack: ExitStack):
    """A tqdm bar by bytes read, closed with ``stack``; None unless enabled (default: a terminal)."""
    if enabled is None:
        enabled = stderr.isatty()
    if not enabled:
        return None
    sizes = [input_size(path) for path in paths]
    total = None if None in sizes else sum(sizes)
    bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=stderr,
               desc="corpus-tools", leave=False)
    stack.callback(bar.close)
    return bar


def check_inputs(paths: Sequence[str]) -> None:
    """Fail before writing anything when an input cannot be read."""
    for path in paths:
        if path == "-":
            continue
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
        self.summary = RunSummary()

    def run(self, paths: Sequence[str]) -> RunSummary:
        paths = list(paths) or ["-"]
        check_inputs(paths)
        if self.options.in_place and "-" in paths:
            raise CorpusToolsError("--in-place needs file names, not stdin ('-')")
        with ExitStack() as stack:
            report = None
            if self.options.report:
                report = ReportWriter(stack.enter_context(open(self.options.report, "wb")))
            bar = progress_bar(paths, self.options.progress, self.stderr, stack)
            on_read = bar.update if bar is not None else None
            if self.options.in_place and self.options.mode == "write":
                for path in paths:
                    self._rewrite_in_place(path, report, on_read)
            elif self.options.mode == "write" and self.options.output != "-":
                with atomic_output(self.options.output) as raw, ExitStack() as out_stack:
                    out = open_output(self.options.output, raw, out_stack)
                    for path in paths:
                        self._process(path, out, report, on_read)
            else:
                out = sys.stdout.buffer
                for path in paths:
                    self._process(path, out, report, on_read)
                out.flush()
        self._finish()
        return self.summary

    def _rewrite_in_place(self, path: str, report, on_read) -> None:
        changed_before = self.summary.changed_lines
        try:
            with atomic_output(path) as raw, ExitStack() as out_stack:
                out = open_output(path, raw, out_stack)
                self._process(path, out, report, on_read)
                if self.summary.changed_lines == changed_before:
                    # Nothing changed: leave the original file (and its mtime) alone.
                    raise _Unchanged
        except _Unchanged:
            pass

    def _process(self, path: str, out: BinaryIO, report: ReportWriter | None, on_read) -> None:
        label = "<stdin>" if path == "-" else path
        mode = self.options.mode
        document = DocumentContext(path=label)
        record_format = self.options.record_format
        jsonl = isinstance(record_format, JsonlFormat)
        clean = self.pipeline.clean
        write = out.write
        diff = StreamingDiff(out, label) if mode == "diff" else None
        summary = self.summary
        rule_counts = summary.rule_counts
        with ExitStack() as stack:
            stream = open_input(path, stack, on_read)
            previous_ending = b""
            lines, language = read_lines(stream, label), None
            if self.pipeline.needs_language:
                lines, language = language_units(
                    lines, record_format, self.pipeline.config.lang_unit,
                    self.pipeline.language_session, decode, UTF8_BOM,
                    plain=isinstance(record_format, TextFormat))
            else:
                lines = ((content, ending, None) for content, ending in lines)
            for number, (content, ending, paragraph) in enumerate(lines, 1):
                after_cr, previous_ending = previous_ending == b"\r", ending
                summary.lines += 1
                bom = b""
                if number == 1 and content.startswith(UTF8_BOM):
                    bom, content = UTF8_BOM, content[len(UTF8_BOM) :]
                line = decode(content)
                try:
                    record = record_format.parse(line)
                except RecordError as error:
                    self._bad_record(label, number, error)
                    if mode == "write":
                        write(bom + content + ending)
                    elif diff is not None:
                        diff.line(number, line, None)
                    continue
                changes: list[Change] = []
                new_texts = record.texts
                for index, (unit_label, text) in enumerate(zip(record.labels, record.texts, strict=True)):
                    detect = detect_document = None
                    if language is not None:
                        detect = language.detect_for(
                            text if paragraph is None else paragraph.text, unit_label)
                        if not jsonl:  # a JSONL record is an article: its own document
                            detect_document = functools.partial(language.document_lang, unit_label)
                    result = clean(text, document=document, detect=detect,
                                   detect_document=detect_document)
                    if result.changes:
                        changes.extend(c.located(label, number, unit_label) for c in result.changes)
                    if result.text != text:
                        if new_texts is record.texts:
                            new_texts = list(record.texts)
                        new_texts[index] = result.text
                text_changed = new_texts is not record.texts
                new_line = record.rebuild(new_texts) if text_changed else line
                if text_changed and not new_line and (not ending or (after_cr and ending != b"\r")):
                    # Emptying this line would delete it (a last line with no
                    # ending) or merge it with the line before (CR, then LF
                    # reads as one CRLF): line N out must stay line N in.
                    changes, text_changed = [], False
                for change in changes:
                    rule_counts[change.rule] += 1
                    if report is not None:
                        report.write(change)
                    if change.suggestion and change.severity != "warning":
                        summary.findings += 1
                    if mode == "check":
                        print(describe_change(change), file=self.stderr)
                if not text_changed:
                    if mode == "write":
                        write(bom + content + ending)
                    elif diff is not None:
                        diff.line(number, line, None)
                    continue
                summary.changed_lines += 1
                if mode == "write":
                    write(bom + encode(new_line) + ending)
                elif diff is not None:
                    diff.line(number, line, new_line)
        if diff is not None:
            diff.close()

    def _bad_record(self, label: str, number: int, error: RecordError) -> None:
        if self.options.on_bad_record == "error":
            raise InputError(label, number, str(error))
        self.summary.bad_records += 1
        if self.summary.first_bad_record is None:
            self.summary.first_bad_record = f"{label}:{number}: {error}"

    def _finish(self) -> None:
        summary = self.summary
        if summary.bad_records:
            print(
                f"corpus-tools: passed {summary.bad_records} bad record(s) through untouched "
                f"(first: {summary.first_bad_record})",
                file=self.stderr,
            )
        if self.options.stats:
            print(
                f"{summary.changed_lines} of {summary.lines} line(s) changed", file=self.stderr
            )
            for rule, count in sorted(summary.rule_counts.items(), key=lambda kv: (-kv[1], kv[0])):
                print(f"{count:>10}  {rule}", file=self.stderr)


class _Unchanged(Exception):
    """Raised inside atomic_output to drop the temporary file of an unchanged file."""

