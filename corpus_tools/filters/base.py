"""The uniform interface of a cleaning step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from corpus_tools.changes import Change


@dataclass
class DocumentContext:
    """What a step may remember about the document (file) being cleaned."""

    path: str | None = None
    state: dict = field(default_factory=dict)


class UnitContext:
    """What a step knows about the text unit it is given.

    ``lang`` is worked out on first use when a ``detect`` callable is given,
    so a unit no scoped rule looks at is never run through language
    identification.

    >>> calls = []
    >>> context = UnitContext(detect=lambda: calls.append(1) or "en")
    >>> len(calls), context.lang, context.lang, len(calls)
    (0, 'en', 'en', 1)
    """

    __slots__ = ("_detect", "_detect_document", "_lang", "document")

    def __init__(self, lang: str | None = None, document: DocumentContext | None = None,
                 detect: Callable[[], str | None] | None = None,
                 detect_document: Callable[[], str | None] | None = None):
        self._lang = lang
        self._detect = None if lang is not None else detect
        self._detect_document = detect_document
        self.document = document if document is not None else DocumentContext()

    @property
    def document_lang(self) -> str | None:
        """The language of the unit's document (a text file, a TSV column; a JSONL record itself)."""
        if self._detect_document is None:
            return self.lang
        return self._detect_document()

    @property
    def lang(self) -> str | None:
        if self._detect is not None:
            self._lang, self._detect = self._detect(), None
        return self._lang


class Filter:
    """One cleaning step: text in, text and change records out.

    ``apply`` must return the text unchanged (the same object is fine) and no
    changes when it has nothing to do, and must never add a line break.
    """

    name: str = "filter"

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        raise NotImplementedError
