"""The uniform interface of a detector."""

from __future__ import annotations

from typing import ClassVar

from corpus_tools.changes import Change
from corpus_tools.filters.base import UnitContext


class Detector:
    """Looks at a unit's input text; returns findings in its coordinates."""

    id: ClassVar[str] = "detector"
    #: ``check`` gives a detector the line as ``clean`` would write it, unless it reads
    #: the line as it came (one that reports what a step leaves, in the step's own
    #: coordinates: ``encoding:unrepaired``).
    reads_input: ClassVar[bool] = False

    @classmethod
    def build(cls, rules) -> Detector:
        return cls()

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        raise NotImplementedError

    def finding(self, start: int, before: str, message: str) -> Change:
        return Change(self.id, start + 1, before, None, kind="finding", message=message)
