"""The screened unit of work: a block of plain-text lines, cleaned where a step could act.

A block (:mod:`corpus_tools.stream.blocks`) is decoded once and screened
once (:mod:`corpus_tools.engine.screen`).  Lines with no hit go out as
:class:`Passed` runs, the bytes that came in: no per-line object, no record,
no change record.  Each line with a hit is cleaned by
:func:`~corpus_tools.engine.work.clean_lines`, the unit of work of the
line-by-line path, with the same document facts and the same paragraph, so
the bytes, reports and statistics are those of cleaning every line.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from corpus_tools.engine.screen import BlockScreen, line_end, line_start
from corpus_tools.engine.work import (
    LineResult,
    clean_lines,
    document_facts,
    needs_paragraphs,
    portable,
    take_head,
)
from corpus_tools.errors import InputError
from corpus_tools.filters.base import HEAD_BYTES
from corpus_tools.language import units
from corpus_tools.pipeline import Pipeline
from corpus_tools.stream.blocks import read_blocks
from corpus_tools.stream.formats import RecordFormat
from corpus_tools.stream.lines import UTF8_BOM, decode, encode, split_lines
from corpus_tools.stream.opener import open_input
from corpus_tools.stream.records import InputLine, display_name, parse_lines, refuse_wide

_BLANK = " \t\n\r\x0b\x0c"  # what bytes.strip() strips: a line of only these is blank


@dataclass
class Passed:
    """Lines no step could act on, as the bytes that came in."""

    raw: bytes
    first_number: int
    lines: int

    @property
    def last_ending(self) -> bytes:
        raw = self.raw
        if raw.endswith(b"\r\n"):
            return b"\r\n"
        return raw[-1:] if raw[-1:] in (b"\n", b"\r") else b""


@dataclass
class Block:
    """Whole groups of lines of one document, and where they are in it."""

    raw: bytes
    first_number: int
    after_cr: bool  # the line before the block ended in a lone CR
    lines: int
    travelled: bool = False  # unpickled: its results go back by pickle too

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, travelled=True)


def count_lines(text: str, has_cr: bool) -> int:
    """How many lines ``text`` (whole lines; the last may have no ending) holds."""
    if not text:
        return 0
    ended = text.count("\n")
    if has_cr:
        ended += text.count("\r") - text.count("\r\n")
    return ended + (text[-1] not in "\r\n")


def clean_block(pipeline: Pipeline, screen: BlockScreen, block: Block, facts: dict | None,
                label: str, record_format: RecordFormat) -> Iterator[Passed | LineResult]:
    """Clean one block of plain text: runs of untouched lines and the results of the others."""
    raw, number = block.raw, block.first_number
    text = decode(raw)
    has_cr = "\r" in text
    starts = screen.hit_lines(text)
    bom = number == 1 and raw.startswith(UTF8_BOM)
    if bom and (not starts or starts[0] != 0):
        starts.insert(0, 0)  # the file's BOM is taken off line 1 as the line-by-line path does
    if not starts:
        yield Passed(raw, number, block.lines)
        return
    same_offsets = len(raw) == len(text)  # ASCII: text offsets are byte offsets
    paragraphs = _Paragraphs(text, has_cr, bom) if needs_paragraphs(pipeline) else None
    position = 0
    for start in starts:
        if start > position:
            segment = text[position:start]
            lines = count_lines(segment, has_cr)
            yield Passed(raw[position:start] if same_offsets else encode(segment), number, lines)
            number += lines
        content_end, end = line_end(text, start, has_cr)
        content = text[start + 1 if bom and start == 0 else start:content_end]
        after_cr = text[start - 1] == "\r" if start else block.after_cr
        line = InputLine(number, UTF8_BOM if bom and start == 0 else b"", encode(content),
                         text[content_end:end].encode("ascii"), content,
                         record_format.parse(content), None, after_cr)
        paragraph = paragraphs.of(start, number) if paragraphs is not None else None
        yield from clean_lines(pipeline, [(line, paragraph)], facts, label, record_format)
        position = end
        number += 1
    if position < len(text):
        segment = text[position:]
        yield Passed(raw[position:] if same_offsets else encode(segment), number,
                     count_lines(segment, has_cr))


_screened_for: tuple = (None, None)  # the last pipeline cleaned here, and its block screen


def screen_for(pipeline: Pipeline) -> BlockScreen | None:
    """The pipeline's block screen, built once per pipeline and process (None: a step
    could act anywhere, so there is no screened path)."""
    global _screened_for
    if _screened_for[0] is not pipeline:
        _screened_for = (pipeline, BlockScreen.of(pipeline.steps))
    return _screened_for[1]


def clean_block_task(pipeline: Pipeline, task: tuple) -> Iterable[Passed | LineResult]:
    """The work of ``clean`` on one block of plain text (the screened path), in any executor:
    ``task`` is ``(block, facts, label, record_format)``.  In this process its pieces come
    one at a time, as they are used (memory: a line's result, not a block's)."""
    block, facts, label, record_format = task
    pieces = clean_block(pipeline, screen_for(pipeline), block, facts, label, record_format)
    if not block.travelled:
        return pieces
    pieces = list(pieces)
    for piece in pieces:  # after cleaning all of them: a paragraph reads its lines' texts
        if isinstance(piece, LineResult):
            portable(piece.line)
    return pieces


class _Paragraphs:
    """The paragraphs of one block's hit lines, as :func:`~corpus_tools.language.units.paragraphs`
    cuts them; a group's lines are walked once, when a step first asks for a language in it."""

    def __init__(self, whole: str, has_cr: bool, bom: bool):
        self.whole, self.has_cr, self.bom = whole, has_cr, bom
        self._groups: dict[int, dict[int, tuple[int, int]]] = {}  # line start -> paragraph span
        self._texts: dict[tuple[int, int], str] = {}

    def of(self, start: int, number: int) -> _Paragraph:
        return _Paragraph(self, start, number)

    def text(self, start: int, number: int) -> str:
        group = (number - 1) // units.PARAGRAPH_LINES
        spans = self._groups.get(group)
        if spans is None:
            first = start
            for _ in range(number - 1 - group * units.PARAGRAPH_LINES):
                first = _previous_line(self.whole, first, self.has_cr)
            spans = self._groups[group] = self._walk(first)
        span = spans[start]
        text = self._texts.get(span)
        if text is None:
            text = self.whole[span[0] + (self.bom and span[0] == 0):span[1]]
            if self.has_cr:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._texts[span] = text
        return text

    def _walk(self, first: int) -> dict[int, tuple[int, int]]:
        """Each line of the group starting at ``first``: its paragraph's start and content end."""
        whole, has_cr = self.whole, self.has_cr
        spans: dict[int, tuple[int, int]] = {}
        run: list[int] = []  # the starts of the current run of non-blank lines
        run_end = 0
        position = first
        for _ in range(units.PARAGRAPH_LINES):
            if position >= len(whole):
                break
            content_end, end = line_end(whole, position, has_cr)
            if self._blank(position, content_end):
                for line in run:
                    spans[line] = (run[0], run_end)
                run = []
                spans[position] = (position, content_end)
            else:
                run.append(position)
                run_end = content_end
            position = end
        for line in run:
            spans[line] = (run[0], run_end)
        return spans

    def _blank(self, start: int, content_end: int) -> bool:
        if self.bom and start == 0:
            start = 1  # the file's BOM is not the line's content
        return not self.whole[start:content_end].strip(_BLANK)


class _Paragraph:
    """A hit line's paragraph, found only when a step asks for the line's language."""

    __slots__ = ("number", "paragraphs", "start")

    def __init__(self, paragraphs: _Paragraphs, start: int, number: int):
        self.paragraphs, self.start, self.number = paragraphs, start, number

    @property
    def text(self) -> str:
        return self.paragraphs.text(self.start, self.number)


def _previous_line(text: str, start: int, has_cr: bool) -> int:
    """Where the line before the one starting at ``start`` starts."""
    ending = 2 if text.startswith("\r\n", start - 2) else 1
    return line_start(text, start - ending, has_cr)


def blocks_of(raw_blocks: Iterator[tuple[bytes, int]]) -> Iterator[Block]:
    """Number the blocks of one document."""
    number, after_cr = 1, False
    for raw, lines in raw_blocks:
        yield Block(raw, number, after_cr, lines)
        number += lines
        after_cr = raw.endswith(b"\r")


def document_blocks(path: str, pipeline: Pipeline, record_format: RecordFormat,
                    stack, on_read, block_bytes: int) -> tuple[dict | None, Iterator[Block]]:
    """One plain-text document as blocks, and its facts, decided from its head (the first
    block holds all of it) exactly as the line-by-line path decides them."""
    label = display_name(path)
    stream = open_input(path, stack, on_read)
    # The head is counted without the file's BOM: the first block holds it all.
    raw_blocks = _readable(read_blocks(stream, units.PARAGRAPH_LINES, block_bytes,
                                       HEAD_BYTES + len(UTF8_BOM)), label)
    first = next(raw_blocks, None)
    head_lines = refuse_wide(split_lines(io.BytesIO(first[0] if first else b"")), path)
    head, _ = take_head(parse_lines(head_lines, record_format, label))
    facts = document_facts(pipeline, head, record_format)
    return facts, blocks_of(itertools.chain([first] if first else [], raw_blocks))


def _readable(raw_blocks: Iterator[tuple[bytes, int]], label: str) -> Iterator[tuple[bytes, int]]:
    try:
        yield from raw_blocks
    except Exception as error:  # gzip, bz2, lzma and zstd each raise their own errors
        raise InputError(label, None, f"cannot read: {error}") from None
