"""Inputs in a legacy encoding: ``--encoding PAGE`` and ``--encoding auto``.

Every command reads bytes and takes them for UTF-8.  With ``--encoding cp1251``
(any ASCII-compatible codec Python knows, and ``armscii-8``) each input is
decoded from that page as it is read and streamed on as UTF-8: the rest of the
tool sees a UTF-8 file.  The page must write line breaks as ASCII does (CR, LF)
and never use those bytes inside a character, so lines stay the same in number
and a line's number is its line in the legacy file; UTF-16 and UTF-32 are
refused.  A byte the page leaves undefined (0x81 in cp1252) is kept as that byte,
so the ``invalid-utf8`` check still shows it.

``--encoding auto`` decides per input from its first 64 KiB: text that is valid
UTF-8 there is read as it is; otherwise charset-normalizer (``pip install
'.[detect]'``) names the page, and an input it is unsure of is an
error that asks for ``--encoding PAGE``.  The choice is said on stderr.  Being
decided from the head, a file whose first non-UTF-8 bytes come later is read
as UTF-8.

The setting is the process's (the CLI sets it once, before any input is opened).

>>> check_encoding("KOI8-R"), check_encoding("armscii-8")
('koi8-r', 'armscii-8')
"""

from __future__ import annotations

import codecs
import sys
from typing import BinaryIO

from corpus_tools.errors import InputError, MissingExtraError
from corpus_tools.stream.armscii8 import register as register_armscii8

AUTO = "auto"
HEAD_BYTES = 1 << 16
# Below this share of "chaos" (charset-normalizer's measure of how odd the decoded
# text looks) a guess is taken; above, the input is refused as unsure.
_MOST_CHAOS = 0.1

_encoding: str | None = None


def set_input_encoding(name: str | None) -> None:
    """Read every input from now on as ``name`` (a codec, ``auto``, or None: UTF-8)."""
    global _encoding
    _encoding = None if name is None or name == AUTO else check_encoding(name)
    if name == AUTO:
        _encoding = AUTO


def check_encoding(name: str) -> str:
    """The codec's name, or ValueError when it cannot be an input encoding here."""
    register_armscii8()
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None
    try:
        ascii_compatible = (info.decode(b"\r\n 09AZaz")[0] == "\r\n 09AZaz"
                            and info.encode("\r\n")[0] == b"\r\n")
    except (UnicodeError, TypeError):
        ascii_compatible = False
    if not ascii_compatible or info.name.startswith(("utf-16", "utf-32", "utf-7")):
        raise ValueError(f"{name}: only encodings that write lines as ASCII does can be read "
                         "(convert UTF-16/UTF-32 with iconv first)")
    return info.name


def decoding(stream: BinaryIO, label: str) -> BinaryIO:
    """``stream`` as UTF-8 bytes, decoded from the input encoding set (as it is when none)."""
    if _encoding is None:
        return stream
    encoding = _encoding
    head = b""
    if encoding == AUTO:
        head = stream.read(HEAD_BYTES)
        encoding = detect(head, label)
        if encoding == "utf-8":
            return _Replaying(head, stream)
    return _Recoding(stream, encoding, head)


def detect(head: bytes, label: str) -> str:
    """The encoding of an input that starts with ``head``: utf-8 when it reads as UTF-8."""
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:
            return "utf-8"  # a character cut at the head's end
    try:
        import charset_normalizer
    except ImportError:
        raise MissingExtraError("charset-normalizer", "detect", "--encoding auto") from None
    best = charset_normalizer.from_bytes(head).best()
    if best is None or best.chaos > _MOST_CHAOS:
        raise InputError(label, None, "is not UTF-8, and its encoding cannot be told for sure; "
                                      "give it: --encoding PAGE (e.g. cp1251, koi8-r)")
    try:
        encoding = check_encoding(best.encoding)
    except ValueError as error:
        raise InputError(label, None, str(error)) from None
    print(f"corpus-tools: {label}: read as {encoding} (detected)", file=sys.stderr)
    return encoding


class _Replaying:
    """The bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if not self._head:
            return self._stream.read(size)
        if size < 0:
            data, self._head = self._head + self._stream.read(), b""
        else:
            data, self._head = self._head[:size], self._head[size:]
        return data

    def close(self) -> None:
        self._stream.close()


class _Recoding(_Replaying):
    """The stream decoded from ``encoding`` and written as UTF-8.  A byte the encoding
    cannot read stays that byte (surrogateescape), so it shows as not UTF-8 later."""

    def __init__(self, stream: BinaryIO, encoding: str, head: bytes = b""):
        super().__init__(head, stream)
        self._decoder = codecs.getincrementaldecoder(encoding)("surrogateescape")
        self._done = False

    def read(self, size: int = -1) -> bytes:
        if self._done:
            return b""
        raw = super().read(size)
        text = self._decoder.decode(raw, final=not raw)
        if not raw:
            self._done = True
        return text.encode("utf-8", "surrogateescape") if text or not raw else self.read(size)
