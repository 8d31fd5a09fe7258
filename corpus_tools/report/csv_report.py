"""``--report changes.csv``: change records as a spreadsheet's rows.

One row a change record, in the order the steps made them: file, line,
column, rule, severity, kind, before, after (empty for a finding), the
line's decided language where a record says it (``lang:skipped``), the
message, and the text the change is in (the line, or the JSONL field or TSV
column).  Cells a spreadsheet would evaluate (``=``, ``+``, ``-``, ``@``, a
tab or CR at the start) get a ``'`` before them, as ``rules export`` writes
them, so ``=SUM(A1)`` in a corpus stays text in Excel and LibreOffice.
"""

from __future__ import annotations

import csv
import io
import re
from typing import BinaryIO

from corpus_tools.filters.unify_names import SKIPPED
from corpus_tools.report import Sink
from corpus_tools.report.render import printable, severity
from corpus_tools.rules.spreadsheet import safe_cell

COLUMNS = ("file", "line", "column", "rule", "severity", "kind", "before", "after", "language",
           "message", "sentence")
# lang:skipped says "... the line is de (identified, score 0.91) ...": its decided language.
_DECIDED = re.compile(r"the line is ([a-z]{2,3}(?:-[A-Za-z]+)?) \(")


class CsvReportSink(Sink):
    """A header row, then one row a change record; UTF-8 with a BOM so Excel reads it as such."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.out.write("\ufeff".encode())
        self._write(COLUMNS)

    def take(self, result) -> None:
        for change in result.changes:
            self._write(_row(change, _unit_text(result.line, change.field)))

    def _write(self, cells) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(
            [safe_cell(str(cell)) if cell is not None else "" for cell in cells])
        self.out.write(buffer.getvalue().encode("utf-8"))


def _row(change, sentence: str) -> tuple:
    decided = _DECIDED.search(change.message or "") if change.rule == SKIPPED else None
    return (printable(change.file), change.line, change.column, change.rule, severity(change),
            change.kind, printable(change.before), printable(change.fix),
            decided.group(1) if decided else None, printable(change.message), printable(sentence))


def _unit_text(line, field: str | None) -> str:
    """The text a change is in: the field or column it names, else the whole line."""
    record = line.record
    if field is not None and record is not None and field in record.labels:
        return record.texts[list(record.labels).index(field)]
    return line.text
