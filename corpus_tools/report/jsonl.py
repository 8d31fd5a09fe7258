"""``--report``: change records as JSON lines (README, "Change records"), or as a spreadsheet's
rows when the file's name ends in ``.csv`` (:mod:`.csv_report`).

>>> [is_csv(name) for name in ("changes.csv", "CHANGES.CSV.gz", "changes.jsonl", "-")]
[True, True, False, False]
"""

from __future__ import annotations

from typing import BinaryIO

from corpus_tools.report import Sink
from corpus_tools.report.render import json_line
from corpus_tools.stream.opener import COMPRESSED_SUFFIXES


class ReportSink(Sink):
    """One JSON object per change record, in the order the steps made them."""

    def __init__(self, out: BinaryIO):
        self.out = out

    def take(self, result) -> None:
        for change in result.changes:
            self.out.write(json_line(change).encode("utf-8") + b"\n")


def is_csv(destination: str) -> bool:
    name = destination.lower()
    for suffix in COMPRESSED_SUFFIXES:
        name = name.removesuffix(suffix)
    return name.endswith(".csv")


def report_sink(destination: str, out: BinaryIO) -> Sink:
    """The sink the report file's name asks for: CSV for ``.csv``, else JSON lines."""
    if is_csv(destination):
        from corpus_tools.report.csv_report import CsvReportSink  # only a CSV report needs it

        return CsvReportSink(out)
    return ReportSink(out)
