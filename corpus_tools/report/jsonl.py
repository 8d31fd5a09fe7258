"""``--report``: change records as JSON lines (README, "Change records")."""

from __future__ import annotations

from typing import BinaryIO

from corpus_tools.report import Sink
from corpus_tools.report.render import json_line


class ReportSink(Sink):
    """One JSON object per change record, in the order the steps made them."""

    def __init__(self, out: BinaryIO):
        self.out = out

    def take(self, result) -> None:
        for change in result.changes:
            self.out.write(json_line(change).encode("utf-8") + b"\n")
