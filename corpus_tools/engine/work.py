"""The unit of work: clean lines given the pipeline and their document's facts, nothing else.

:func:`document_facts` decides a document's facts from its head;
:func:`clean_lines` cleans any run of lines of that document.  Neither keeps
state between lines, so a file cleaned whole or cut at line boundaries (each
chunk given the same facts; with paragraph language units, cut at blank
lines) gives the same bytes, in any process.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from corpus_tools.changes import Change
from corpus_tools.filters.base import HEAD_BYTES, DocumentFacts
from corpus_tools.language.units import paragraphs
from corpus_tools.pipeline import Pipeline
from corpus_tools.stream.formats import JsonlFormat, RecordFormat, TextFormat
from corpus_tools.stream.lines import encode
from corpus_tools.stream.records import InputLine


@dataclass
class LineResult:
    """One input line after cleaning: its new text (None: unchanged) and located change records."""

    line: InputLine
    new_text: str | None
    changes: list[Change]

    @property
    def changed(self) -> bool:
        return self.new_text is not None

    @property
    def raw_out(self) -> bytes:
        line = self.line
        if self.new_text is None:
            return line.raw
        return line.bom + encode(self.new_text) + line.ending


def take_head(lines: Iterator[InputLine], until: Callable[[InputLine], bool] | None = None,
              ) -> tuple[list[InputLine], Iterator[InputLine]]:
    """The lines of the document's head (its first ``HEAD_BYTES``; or up to the line for
    which ``until(line)`` is true), and all lines again."""
    head, size = [], 0
    for line in lines:
        head.append(line)
        if until is not None:
            if until(line):
                break
            continue
        size += len(line.content) + len(line.ending)
        if size >= HEAD_BYTES:
            break
    return head, itertools.chain(head, lines)


def document_facts(pipeline: Pipeline, head: list[InputLine],
                   record_format: RecordFormat) -> dict | None:
    """Each unit label's facts (a TSV column is a document of its own); None for JSONL,
    where each record is its own document."""
    if isinstance(record_format, JsonlFormat):
        return None
    return {label: pipeline.facts(texts) for label, texts in head_texts(head).items()}


def head_texts(head: list[InputLine]) -> dict:
    """The head's unit texts, in order, per label (a TSV column is a document of its own)."""
    texts: dict = {}
    for line in head:
        if line.record is not None:
            for label, text in zip(line.record.labels, line.record.texts, strict=True):
                texts.setdefault(label, []).append(text)
    return {label: tuple(label_texts) for label, label_texts in texts.items()}


def needs_paragraphs(pipeline: Pipeline) -> bool:
    """Whether plain-text lines are identified with their paragraphs."""
    return pipeline.needs_language and pipeline.config.lang_unit == "paragraph"


def with_paragraphs(pipeline: Pipeline, lines: Iterable[InputLine],
                    record_format: RecordFormat) -> Iterator[tuple[InputLine, str | None]]:
    """Each line with the text that identifies its language (its paragraph), when one is used."""
    if needs_paragraphs(pipeline) and isinstance(record_format, TextFormat):
        for line, paragraph in paragraphs(lines):
            yield line, paragraph
    else:
        for line in lines:
            yield line, None


def clean_lines(pipeline: Pipeline, lines: Iterable[tuple[InputLine, object]],
                facts: dict | None, label: str, record_format: RecordFormat,
                ) -> Iterator[LineResult]:
    """Clean each line of one document (see the module's docstring)."""
    separators = record_format.separators
    for line, paragraph in lines:
        record = line.record
        if record is None:  # a bad record passed through
            yield LineResult(line, None, [])
            continue
        changes: list[Change] = []
        new_texts = record.texts
        for index, (unit_label, text) in enumerate(zip(record.labels, record.texts, strict=True)):
            unit_facts = (pipeline.record_facts(text) if facts is None
                          else facts.get(unit_label) or DocumentFacts(lang=pipeline.config.lang))
            result = pipeline.clean(text, unit_facts,
                                    language_text=paragraph,
                                    separators=separators)
            if result.changes:
                changes.extend(_locate(result.changes, record, index, label, line.number,
                                       unit_label))
            if result.text != text:
                if new_texts is record.texts:
                    new_texts = list(record.texts)
                new_texts[index] = result.text
        if new_texts is record.texts:
            yield LineResult(line, None, changes)
            continue
        new_line = record.rebuild(new_texts)
        if not new_line and (not line.ending or (line.after_cr and line.ending != b"\r")):
            # Emptying this line would delete it (a last line with no ending) or
            # merge it with the line before (CR, then LF reads as one CRLF):
            # line N out must stay line N in.
            yield LineResult(line, None, [])
            continue
        yield LineResult(line, new_line, changes)


def _locate(changes: list[Change], record, index: int, label: str, number: int,
            field: str | None) -> list[Change]:
    """Unit coordinates to input-line coordinates (1-based, in the line as read)."""
    offset = record.offsets(index)
    return [change.located(label, number, field, offset(change.column - 1) + 1,
                           offset(change.end - 1) + 1) for change in changes]


def clean_chunk(pipeline: Pipeline, chunk) -> Iterable[LineResult]:
    """The work of ``clean`` on one :class:`~corpus_tools.engine.documents.LineChunk` of lines
    (line by line: JSONL, TSV, and steps without a screen), in any executor.  In this
    process its results come one at a time, as they are used."""
    record_format = chunk.record_format
    if not chunk.travelled:
        return clean_lines(pipeline, chunk.units, chunk.facts, chunk.label, record_format)
    # Its lines were parsed again here; their paragraphs are cut again too.
    units = with_paragraphs(pipeline, chunk.lines(), record_format)
    cleaned = list(clean_lines(pipeline, units, chunk.facts, chunk.label, record_format))
    for result in cleaned:
        # Only now: a later line's paragraph, joined when it is asked for, reads the texts.
        portable(result.line)
    return cleaned


def portable(line: InputLine) -> None:
    """Make a worker's line fit to travel back: closures do not cross processes, and the
    sinks need only the bytes."""
    line.record, line.text = None, ""
