"""The uniform interface of a detector."""

from __future__ import annotations

from typing import ClassVar

from corpus_tools.changes import Change
from corpus_tools.filters.base import UnitContext


class Detector:
    """Looks at a unit's input text; returns findings in its coordinates."""

    id: ClassVar[str] = "detector"

    @classmethod
    def build(cls, rules) -> Detector:
        return cls()

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        raise NotImplementedError

    def finding(self, start: int, before: str, message: str) -> Change:
        return Change(self.id, start + 1, before, None, kind="finding", message=message)
