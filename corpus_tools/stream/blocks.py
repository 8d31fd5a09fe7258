"""Read a byte stream as blocks of whole lines, for the screened path.

A block is the bytes of a whole number of groups of ``group_lines`` lines
(lines 1 to 200, 201 to 400, ...; the last group of the input may be short),
and at least ``min_bytes`` long unless the input ends.  Language
identification never reads a paragraph across a group's end
(:func:`corpus_tools.language.units.paragraphs`), so each block can be cleaned
alone, in any process.  Memory is bounded by ``min_bytes`` plus one group.

>>> import io
>>> data = b"a\\nb\\r\\nc\\rd\\n" * 3
>>> blocks = list(read_blocks(io.BytesIO(data), group_lines=4, min_bytes=1, read_size=5))
>>> [lines for _, lines in blocks], b"".join(block for block, _ in blocks) == data
([4, 4, 4], True)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from corpus_tools.stream.lines import _LINE_END

READ_SIZE = 1 << 20


def read_blocks(stream: BinaryIO, group_lines: int, min_bytes: int, first_min_bytes: int = 0,
                read_size: int = READ_SIZE) -> Iterator[tuple[bytes, int]]:
    """Yield the input as blocks (see the module's docstring), each with its number of
    lines; the first block is at least ``first_min_bytes`` long too (a document's head),
    unless the input ends.

    Every byte is looked at once: text with no lone CR jumps to the block's
    minimum end counting LFs in C, then finds the LFs up to the group's end;
    text with lone CRs is split by the line-ending pattern.
    """
    buffer = bytearray()
    start = 0  # where the next block starts in buffer
    position = 0  # line ends before this position are counted
    ended = 0  # lines ended since the input's start, up to position
    before = 0  # lines ended before start
    wanted = max(min_bytes, first_min_bytes)
    eof = False
    while not eof:
        chunk = stream.read(read_size)
        if chunk:
            buffer += chunk
        else:
            eof = True
        lone_cr = buffer.find(b"\r", position) >= 0 and (
            buffer.count(b"\r", position) != buffer.count(b"\r\n", position))
        while True:
            if not lone_cr and position < start + wanted:
                target = min(start + wanted, len(buffer))
                ended += buffer.count(b"\n", position, target)
                at_line_end = target > start and buffer[target - 1] == 10  # LF
                position = target
                if position - start >= wanted and at_line_end and ended % group_lines == 0:
                    yield bytes(buffer[start:position]), ended - before
                    start, wanted, before = position, min_bytes, ended
                    continue
                if position < start + wanted:
                    break  # wait for more input
            end = _next_line_end(buffer, position, lone_cr, eof)
            if end < 0:
                # Nothing ends before the buffer's end (but perhaps its last CR): read on from
                # there, so that one huge line is still read in linear time.
                position = len(buffer) - (lone_cr and buffer.endswith(b"\r"))
                break
            position = end
            ended += 1
            if ended % group_lines == 0 and position - start >= wanted:
                yield bytes(buffer[start:position]), ended - before
                start, wanted, before = position, min_bytes, ended
        del buffer[:start]
        position -= start
        start = 0
    if buffer:
        rest = bytes(buffer)
        yield rest, count_raw_lines(rest)


def _next_line_end(buffer: bytearray, position: int, lone_cr: bool, eof: bool) -> int:
    """Where the line going on at ``position`` ends (after its ending), or -1: not yet read."""
    if not lone_cr:
        found = buffer.find(b"\n", position)
        return found + 1 if found >= 0 else -1
    match = _LINE_END.search(buffer, position)
    if match is None:
        return -1
    if match.end() == len(buffer) and not eof and match.group() == b"\r":
        return -1  # perhaps the CR of a CRLF whose LF is in the next read
    return match.end()


def count_raw_lines(raw: bytes) -> int:
    """How many lines ``raw`` (whole lines; the last may have no ending) holds."""
    if not raw:
        return 0
    ended = raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")
    return ended + (raw[-1:] not in (b"\n", b"\r"))
