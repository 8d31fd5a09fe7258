"""``--report``: change records as JSON lines (README, "Change records")."""

from __future__ import annotations

import json
from typing import BinaryIO

from corpus_tools.report import Sink


class ReportSink(Sink):
    """One JSON object per change record."""

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
