"""The uniform interface of a cleaning step."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus_tools.changes import Change


@dataclass
class DocumentContext:
    """What a step may remember about the document (file) being cleaned."""

    path: str | None = None
    state: dict = field(default_factory=dict)


@dataclass
class UnitContext:
    """What a step knows about the text unit it is given."""

    lang: str | None = None
    document: DocumentContext = field(default_factory=DocumentContext)


class Filter:
    """One cleaning step: text in, text and change records out.

    ``apply`` must return the text unchanged (the same object is fine) and no
    changes when it has nothing to do, and must never add a line break.
    """

    name: str = "filter"

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        raise NotImplementedError
