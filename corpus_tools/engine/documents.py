"""The one document driver: read a document's head, decide its facts, then its records, in
chunks an executor can run anywhere.

Every command reads through it: :func:`read_document` (or :func:`documents`
over many paths) opens a file through the one records reader, takes its head
(the first ``HEAD_BYTES``, or as much as the task's own rule asks for),
hands it to the task's ``decide(head)`` for the document's facts, and gives
back the facts and every record again.  :func:`line_chunks` cuts the records
into :class:`LineChunk` tasks of whole lines (only where a unit, such as a
paragraph, ends), each carrying the facts, so a chunk is worked on alone in
any process (:mod:`corpus_tools.engine.executor`) and the results, in order,
are those of the whole document.  (Plain text on ``clean``'s screened path is
read in blocks instead: :func:`~corpus_tools.engine.blocks.document_blocks`
decides the same facts from the first block, which holds the whole head.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass

from corpus_tools.engine.work import take_head
from corpus_tools.stream.formats import RecordFormat
from corpus_tools.stream.records import InputLine, display_name, parse_lines, read_records

CHUNK_BYTES = 1 << 20  # about this much text per chunk (whole lines, whole paragraphs)

Decide = Callable[[list[InputLine]], object]  # a document's head -> its facts


@dataclass
class Document:
    """One document: its facts, decided from its head, and every one of its records."""

    path: str
    label: str  # how messages name it (<stdin> for '-')
    facts: object
    lines: Iterator[InputLine]
    record_format: RecordFormat
    on_bad_record: str = "error"


def read_document(path: str, record_format: RecordFormat, decide: Decide, stack: ExitStack,
                  on_bad_record: str = "error", on_read=None,
                  head_until: Callable[[InputLine], bool] | None = None) -> Document:
    """Open ``path`` (closed with ``stack``) and decide its facts from its head.

    ``head_until(line)``, when given, says when the head is enough instead of its size
    (called with each line in turn; True: this line is the head's last).
    """
    lines = read_records(path, record_format, stack, on_bad_record, on_read)
    head, lines = take_head(lines, head_until)
    facts = decide(head)
    del head
    return Document(path, display_name(path), facts, lines, record_format, on_bad_record)


def documents(paths: Sequence[str], record_format: RecordFormat, decide: Decide,
              on_bad_record: str = "error", on_read=None,
              head_test: Callable[[], Callable[[InputLine], bool]] | None = None,
              ) -> Iterator[Document]:
    """Each path's document in turn; a file stays open until the next document is asked for.
    ``head_test()``, when given, makes each document's ``head_until``."""
    for path in paths:
        with ExitStack() as stack:
            yield read_document(path, record_format, decide, stack, on_bad_record, on_read,
                                head_test() if head_test is not None else None)


class LineChunk:
    """Whole lines of one document and the document's facts: one task.

    In this process it holds the lines as read (and the units they were cut
    by, such as their paragraphs).  Pickled, it carries only the lines' bytes,
    numbers and endings; where it is unpickled they are parsed again, as
    this process parsed them, when :meth:`lines` is first called (so a bad
    record raises inside the work, as an error of the task).
    """

    def __init__(self, units: list[tuple[InputLine, object]], facts, label: str,
                 record_format: RecordFormat, on_bad_record: str = "error"):
        self._units: list | None = units
        self._lines: list[InputLine] | None = [line for line, _ in units]
        self._raw: list[tuple] | None = None
        self.facts, self.label = facts, label
        self.record_format, self.on_bad_record = record_format, on_bad_record

    @property
    def travelled(self) -> bool:
        """Whether this chunk was unpickled (its results go back by pickle too)."""
        return self._raw is not None

    @property
    def units(self) -> list[tuple[InputLine, object]] | None:
        """``(line, unit)`` as the chunk was cut; None once it has travelled (the work cuts
        them again from :meth:`lines`)."""
        return self._units

    def lines(self) -> list[InputLine]:
        if self._lines is None:
            raw = self._raw
            first_number, first_after_cr = raw[0][0], raw[0][3]
            self._lines = list(parse_lines(
                ((content, ending) for _, content, ending, _, _ in raw), self.record_format,
                self.label, self.on_bad_record, first_number, first_after_cr,
                boms=[bom for *_, bom in raw]))
        return self._lines

    def __getstate__(self) -> dict:
        raw = self._raw if self._raw is not None else [
            (line.number, line.content, line.ending, line.after_cr, line.bom)
            for line in self._lines]
        return {"raw": raw, "facts": self.facts, "label": self.label,
                "record_format": self.record_format, "on_bad_record": self.on_bad_record}

    def __setstate__(self, state: dict) -> None:
        self._units, self._lines, self._raw = None, None, state["raw"]
        self.facts, self.label = state["facts"], state["label"]
        self.record_format, self.on_bad_record = state["record_format"], state["on_bad_record"]


def line_chunks(document: Document, units: Iterable[tuple[InputLine, object]] | None = None,
                chunk_bytes: int = CHUNK_BYTES) -> Iterator[tuple[LineChunk, LineChunk]]:
    """The document's lines as ``(chunk, chunk)`` items for
    :meth:`~corpus_tools.engine.executor.Executor.ordered` (the first stays here as the
    payload); ``units`` pairs each line with its unit (default: the line alone)."""
    if units is None:
        units = ((line, None) for line in document.lines)
    for chunk in unit_chunks(units, chunk_bytes):
        task = LineChunk(chunk, document.facts, document.label, document.record_format,
                         document.on_bad_record)
        yield task, task


def unit_chunks(units: Iterable[tuple[InputLine, object]],
                chunk_bytes: int) -> Iterator[list[tuple[InputLine, object]]]:
    """``(line, unit)`` pairs in chunks of about ``chunk_bytes``, cut only where a unit ends
    (a unit of None ends with its line).  When reading fails, the lines read before the
    failure come first, as a chunk of their own."""
    chunk: list = []
    size, unit = 0, None
    try:
        for line, its_unit in units:
            if size >= chunk_bytes and (its_unit is None or its_unit is not unit):
                yield chunk
                chunk, size = [], 0
            unit = its_unit
            chunk.append((line, its_unit))
            size += len(line.content) + len(line.ending)
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk

