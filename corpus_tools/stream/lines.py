"""Split a byte stream into lines without losing a byte.

Only LF, CRLF and CR end a line.  U+2028, NEL, FS/GS/RS, VT and FF are text
inside a line (``str.splitlines`` would split at them, which is why it is never
used on corpus text).  Memory is bounded by the longest line, not by the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

_LINE_END = re.compile(rb"\r\n|\r|\n")
CHUNK_SIZE = 1 << 16
UTF8_BOM = b"\xef\xbb\xbf"


class RawLine(NamedTuple):
    """One line as it was in the file: its content and its ending (may be b"")."""

    content: bytes
    ending: bytes


def split_lines(stream: BinaryIO, chunk_size: int = CHUNK_SIZE) -> Iterator[RawLine]:
    r"""Yield every line of ``stream`` with its own ending.

    >>> import io
    >>> list(split_lines(io.BytesIO(b"a\r\nb\rc\nd")))
    [RawLine(content=b'a', ending=b'\r\n'), RawLine(content=b'b', ending=b'\r'), RawLine(content=b'c', ending=b'\n'), RawLine(content=b'd', ending=b'')]
    >>> list(split_lines(io.BytesIO("x\u2028y\x0bz\n".encode())))
    [RawLine(content=b'x\xe2\x80\xa8y\x0bz', ending=b'\n')]
    """
    pending = b""
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        buffer = pending + chunk
        start = 0
        for match in _LINE_END.finditer(buffer):
            if match.end() == len(buffer) and match.group() == b"\r":
                # A CR at the end of the chunk may be the first half of a CRLF.
                break
            yield RawLine(buffer[start : match.start()], match.group())
            start = match.end()
        pending = buffer[start:]
    if pending.endswith(b"\r"):
        yield RawLine(pending[:-1], b"\r")
    elif pending:
        yield RawLine(pending, b"")


def decode(content: bytes) -> str:
    """Bytes to text; invalid UTF-8 bytes survive as lone surrogates.

    >>> decode(b"caf\\xe9")
    'caf\\udce9'
    >>> encode(decode(b"caf\\xe9"))
    b'caf\\xe9'
    """
    return content.decode("utf-8", "surrogateescape")


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")
