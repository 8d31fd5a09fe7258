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

    Each chunk is searched once: the unfinished part of a line is kept as a
    list of pieces and joined only when its ending arrives, so reading one
    huge line is linear in its length.

    >>> import io
    >>> list(split_lines(io.BytesIO(b"a\r\nb\rc\nd")))
    [RawLine(content=b'a', ending=b'\r\n'), RawLine(content=b'b', ending=b'\r'), RawLine(content=b'c', ending=b'\n'), RawLine(content=b'd', ending=b'')]
    >>> list(split_lines(io.BytesIO("x\u2028y\x0bz\n".encode())))
    [RawLine(content=b'x\xe2\x80\xa8y\x0bz', ending=b'\n')]
    """
    pending: list[bytes] = []  # pieces of the line not yet ended
    pending_cr = False  # the last chunk ended in CR: a CRLF may be split across chunks
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        start = 0
        if pending_cr:
            pending_cr = False
            if chunk.startswith(b"\n"):
                yield RawLine(b"".join(pending), b"\r\n")
                start = 1
            else:
                yield RawLine(b"".join(pending), b"\r")
            pending = []
        for match in _LINE_END.finditer(chunk, start):
            if match.end() == len(chunk) and match.group() == b"\r":
                pending.append(chunk[start : match.start()])
                pending_cr = True
                start = len(chunk)
                break
            pending.append(chunk[start : match.start()])
            yield RawLine(b"".join(pending), match.group())
            pending = []
            start = match.end()
        if start < len(chunk):
            pending.append(chunk[start:])
    if pending_cr:
        yield RawLine(b"".join(pending), b"\r")
    elif any(pending):
        yield RawLine(b"".join(pending), b"")


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


class JoinedWriter:
    r"""Writes whole lines one after another so that no two ever read back as one.

    A line without an ending (the last of a file) gets an LF when another
    line follows; an empty LF line after a lone-CR line would read back as
    one CRLF line, so it is refused (``ValueError``): the caller names the place.

    >>> import io
    >>> out = io.BytesIO()
    >>> writer = JoinedWriter(out.write)
    >>> for raw in (b"a\n", b"b", b"c\r"):
    ...     writer.line(raw, raw.rstrip(b"\r\n"), raw[len(raw.rstrip(b"\r\n")):])
    >>> out.getvalue()
    b'a\nb\nc\r'
    """

    __slots__ = ("_last_ending", "write")

    def __init__(self, write):
        self.write = write
        self._last_ending: bytes | None = None

    def line(self, raw: bytes, content: bytes, ending: bytes) -> None:
        last = self._last_ending
        if last == b"":
            self.write(b"\n")
        elif last == b"\r" and not content and ending.startswith(b"\n"):
            raise ValueError("an empty LF line right after a line ending in a lone CR would "
                             "read back as one CRLF line")
        self.write(raw)
        self._last_ending = ending

    def lines(self, raw: bytes, last_ending: bytes) -> None:
        """Several whole lines at once, the last ending in ``last_ending``."""
        if not raw:
            return
        last = self._last_ending
        if last == b"":
            self.write(b"\n")
        elif last == b"\r" and raw.startswith(b"\n"):
            raise ValueError("an empty LF line right after a line ending in a lone CR would "
                             "read back as one CRLF line")
        self.write(raw)
        self._last_ending = last_ending
