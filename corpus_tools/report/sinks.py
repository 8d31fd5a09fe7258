"""Sinks take each cleaned line (a :class:`~corpus_tools.engine.work.LineResult`) in order.

Each has ``start(label)`` at a file's start, ``take(result)`` per line and
``finish()`` at its end: the cleaned output, a diff, a JSONL report of
change records, the ``--check`` text on stderr.
"""

from __future__ import annotations

import json
from typing import BinaryIO

from corpus_tools.catalog import severity_of
from corpus_tools.changes import Change
from corpus_tools.errors import InputError
from corpus_tools.report.diff import StreamingDiff
from corpus_tools.stream.lines import JoinedWriter


class Sink:
    def start(self, label: str) -> None:
        pass

    def take(self, result) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass


class OutputSink(Sink):
    """The cleaned lines, byte for byte where nothing changed.

    Several inputs into one output never fuse (:class:`JoinedWriter`): a file
    whose last line has no ending gets an LF before the next file's first
    line; a file ending in a lone CR before one starting with an empty LF
    line is an error.
    """

    def __init__(self, out: BinaryIO):
        self.writer = JoinedWriter(out.write)
        self._label = ""

    def start(self, label: str) -> None:
        self._label = label

    def take(self, result) -> None:
        line = result.line
        out = result.raw_out
        try:
            self.writer.line(out, line.content if result.new_text is None else out,
                             line.ending)
        except ValueError as error:
            raise InputError(self._label, line.number, f"{error}; clean the files one by one"
                             ) from None


class DiffSink(Sink):
    def __init__(self, out: BinaryIO):
        self.out = out
        self.diff: StreamingDiff | None = None

    def start(self, label: str) -> None:
        self.diff = StreamingDiff(self.out, label)

    def take(self, result) -> None:
        raw = result.line.raw
        self.diff.line(result.line.number, raw, result.raw_out if result.changed else None)

    def finish(self) -> None:
        self.diff.close()


class ReportSink(Sink):
    """Change records as JSON lines (README, "Change records")."""

    def __init__(self, out: BinaryIO):
        self.out = out

    def take(self, result) -> None:
        for change in result.changes:
            record = change.as_dict()
            try:
                line = json.dumps(record, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:  # escaped invalid bytes: keep the report valid UTF-8
                line = json.dumps(record).encode("ascii")
            self.out.write(line + b"\n")


class CheckTextSink(Sink):
    """``--check``: one line per record on stderr."""

    def __init__(self, err):
        self.err = err

    def take(self, result) -> None:
        for change in result.changes:
            print(describe_change(change), file=self.err)


def describe_change(change: Change) -> str:
    """One line for people and CI logs: ``file:line:column: severity: rule: before → fix``.

    >>> print(describe_change(Change("space:trailing", 6, "  ", "", line=3, file="a.txt")))
    a.txt:3:6: info: space:trailing: '  ' → ''
    >>> print(describe_change(Change("script:mixed-token", 5, "Bakuы", None, kind="finding",
    ...                              line=1, file="a.txt", message="no look-alike")))
    a.txt:1:5: error: script:mixed-token: 'Bakuы' (not changed: no look-alike)
    """
    where = f"{change.file}:{change.line}:{change.column}"
    if change.field is not None:
        where += f" [{change.field}]"
    if change.kind == "fix":
        detail = f"{change.before!r} → {change.fix!r}"
    else:
        detail = f"{change.before!r}"
        if change.kind == "suggestion":
            detail += f" → {change.fix!r}?"
        detail += f" (not changed: {change.message})" if change.message else " (not changed)"
    severity = change.severity or severity_of(change.rule)
    return f"{where}: {severity}: {change.rule}: {detail}"
