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
>>> [block.count(b"a") for block in blocks], b"".join(blocks) == data
([1, 1, 1], True)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from corpus_tools.stream.lines import _LINE_END

READ_SIZE = 1 << 20


def read_blocks(stream: BinaryIO, group_lines: int, min_bytes: int, first_min_bytes: int = 0,
                read_size: int = READ_SIZE) -> Iterator[bytes]:
    """Yield the input as blocks (see the module's docstring); the first block is at least
    ``first_min_bytes`` long too (a document's head), unless the input ends."""
    buffer = b""
    start = 0  # where the next block starts in buffer
    scanned = 0  # buffer[:scanned] is split into lines already
    lines = 0  # lines ended since the input's start
    wanted = max(min_bytes, first_min_bytes)
    eof = False
    while not eof:
        chunk = stream.read(read_size)
        if chunk:
            buffer = buffer[start:] + chunk
            scanned -= start
            start = 0
        else:
            eof = True
        for match in _LINE_END.finditer(buffer, scanned):
            end = match.end()
            if end == len(buffer) and not eof and match.group() == b"\r":
                break  # perhaps the CR of a CRLF whose LF is in the next read
            scanned = end
            lines += 1
            if lines % group_lines == 0 and end - start >= wanted:
                yield buffer[start:end]
                start = end
                wanted = min_bytes
    if start < len(buffer):
        yield buffer[start:]
