"""The one read loop: a path becomes numbered lines, each a record or a bad record.

Every command reads through :func:`read_records`: open (a path, ``-``,
compressed by suffix), split into lines with their endings, take the BOM off
the first line, refuse UTF-16/UTF-32, decode (invalid bytes survive as lone
surrogates), parse with the record format.  Nothing here knows about steps.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from typing import Literal

from corpus_tools.errors import InputError
from corpus_tools.stopping import stop_if_requested
from corpus_tools.stream.formats import Record, RecordError, RecordFormat
from corpus_tools.stream.lines import UTF8_BOM, decode
from corpus_tools.stream.opener import open_input, read_lines

# Longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16LE"),
    (b"\xfe\xff", "UTF-16BE"),
)


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


class InputLine:
    """One line as read: its number, BOM, content, ending, text and record.

    ``record`` is None for a bad record passed through (``error`` says why).
    ``raw`` gives the line's bytes exactly as they were in the input.
    """

    __slots__ = ("after_cr", "bom", "content", "ending", "error", "number", "record", "text")

    def __init__(self, number: int, bom: bytes, content: bytes, ending: bytes, text: str,
                 record: Record | None, error: str | None = None, after_cr: bool = False):
        self.after_cr = after_cr  # the line before ended in a lone CR
        self.number = number
        self.bom = bom
        self.content = content
        self.ending = ending
        self.text = text
        self.record = record
        self.error = error

    @property
    def raw(self) -> bytes:
        return self.bom + self.content + self.ending


def wide_encoding(first_bytes: bytes) -> str | None:
    r"""The UTF-16/UTF-32 encoding of text that starts with its BOM and reads as such text.

    (Bytes FF FE or FE FF never start UTF-8 text, but random bytes may: the
    rest must decode strictly, with no control characters but tab and CR.)

    >>> wide_encoding("hi\n".encode("utf-16")[:-1])  # the first line, cut before LF's NUL
    'UTF-16LE'
    >>> wide_encoding(b"plain") is None, wide_encoding(b"\xff\xfe\x80") is None
    (True, True)
    """
    for bom, name in _WIDE_BOMS:
        if first_bytes.startswith(bom):
            width = 4 if "32" in name else 2
            sample = first_bytes[len(bom): len(bom) + 4096]
            sample = sample[: len(sample) - len(sample) % width]
            try:
                text = sample.decode(name)
            except UnicodeDecodeError:
                return None
            if text.rstrip("\n") and not any(c < " " and c not in "\t\r\n" for c in text):
                return name
            return None
    return None


def read_lines_checked(path: str, stack: ExitStack, on_read=None) -> Iterator[tuple[bytes, bytes]]:
    """The raw ``(content, ending)`` lines of ``path``, refusing UTF-16/UTF-32 input."""
    return refuse_wide(read_lines(open_input(path, stack, on_read), display_name(path)), path)


def refuse_wide(lines: Iterator[tuple[bytes, bytes]], path: str) -> Iterator[tuple[bytes, bytes]]:
    """``lines`` as they are, after an error if the first one starts UTF-16/UTF-32 text."""
    label = display_name(path)
    for content, ending in lines:
        encoding = wide_encoding(content)
        if encoding is not None:
            name = "FILE" if path == "-" else path
            raise InputError(
                label, 1, f"is {encoding} text, not UTF-8; convert it first, e.g. "
                f"iconv -f {encoding} -t UTF-8 {name} > {name}.utf8")
        yield content, ending
        break
    yield from lines


def parse_lines(lines, record_format: RecordFormat, label: str,
                on_bad_record: Literal["error", "pass"] = "error", first_number: int = 1,
                after_cr: bool = False, boms=None) -> Iterator[InputLine]:
    """Number, decode and parse ``(content, ending)`` lines (a chunk of a file starts at
    ``first_number``, after a line ending in CR or not; ``boms`` gives each line's BOM)."""
    parse = record_format.parse
    for number, (content, ending) in enumerate(lines, first_number):
        stop_if_requested()
        bom = b""
        if boms is not None:
            bom = boms[number - first_number]
        elif number == 1 and content.startswith(UTF8_BOM):
            bom, content = UTF8_BOM, content[len(UTF8_BOM):]
        text = decode(content)
        try:
            record = parse(text)
        except RecordError as error:
            if on_bad_record == "error":
                raise InputError(label, number, str(error)) from None
            yield InputLine(number, bom, content, ending, text, None, str(error), after_cr)
        else:
            yield InputLine(number, bom, content, ending, text, record, None, after_cr)
        after_cr = ending == b"\r"


def read_records(path: str, record_format: RecordFormat, stack: ExitStack,
                 on_bad_record: Literal["error", "pass"] = "error",
                 on_read=None) -> Iterator[InputLine]:
    """Every line of ``path`` as an :class:`InputLine`; a bad record raises unless passed."""
    return parse_lines(read_lines_checked(path, stack, on_read), record_format,
                       display_name(path), on_bad_record)
