"""Record formats: which parts of a line are text to clean, and how to put the line back.

A format turns one decoded line into a :class:`Record`: the text units to clean
(with a label for change records) and a way to rebuild the line around new
texts.  Everything outside the units stays exactly as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from json.decoder import scanstring

_JSON_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class RecordError(ValueError):
    """A line that the format cannot read; the stream adds file and line."""


@dataclass
class Record:
    """Text units taken from one line, and how to rebuild the line from new texts.

    ``offsets(index)`` gives, for unit ``index``, a function from a character
    position in the unit's text to the position in the line: change records
    are located in the input line, not inside the field.
    """

    labels: Sequence[str | None]
    texts: list[str]
    rebuild: Callable[[list[str]], str]
    offsets: Callable[[int], Callable[[int], int]] = lambda index: _identity


def _identity(position: int) -> int:
    return position


class RecordFormat:
    name = "base"
    # Characters an edit may not add to a unit: they would change the record's structure.
    separators: tuple[str, ...] = ("\n", "\r")

    def parse(self, line: str) -> Record:
        raise NotImplementedError

    def for_path(self, path: str) -> RecordFormat:
        """The format to read ``path`` in: this one (see :mod:`corpus_tools.stream.by_extension`)."""
        return self


class TextFormat(RecordFormat):
    """Plain text: the whole line is one unit.

    >>> record = TextFormat().parse("hello")
    >>> record.texts, record.rebuild(["bye"])
    (['hello'], 'bye')
    """

    name = "text"

    def parse(self, line: str) -> Record:
        return Record((None,), [line], _first)


def _first(texts: list[str]) -> str:
    return texts[0]


class TsvFormat(RecordFormat):
    r"""Tab-separated columns; only the chosen columns (1-based) are units.

    >>> record = TsvFormat([2]).parse("id7\tsource\ttarget")
    >>> record.texts, record.rebuild(["SOURCE"]), record.offsets(0)(0)
    (['source'], 'id7\tSOURCE\ttarget', 4)
    """

    name = "tsv"
    separators = ("\n", "\r", "\t")

    def __init__(self, columns: Sequence[int]):
        if not columns:
            raise ValueError("--tsv needs at least one --column")
        if any(column < 1 for column in columns):
            raise ValueError("--column counts from 1")
        self.columns = sorted(set(columns))
        self.labels = tuple(str(column) for column in self.columns)

    def parse(self, line: str) -> Record:
        cells = line.split("\t")
        if len(cells) < self.columns[-1]:
            raise RecordError(
                f"has {len(cells)} column(s), but --column {self.columns[-1]} was asked for"
            )
        indexes = [column - 1 for column in self.columns]

        def rebuild(texts: list[str]) -> str:
            new_cells = list(cells)
            for index, text in zip(indexes, texts, strict=True):
                new_cells[index] = text
            return "\t".join(new_cells)

        def offsets(unit: int) -> Callable[[int], int]:
            start = sum(len(cell) + 1 for cell in cells[: indexes[unit]])
            return lambda position: start + position

        return Record(self.labels, [cells[index] for index in indexes], rebuild, offsets)


class JsonlFormat(RecordFormat):
    r"""One JSON object per line; only the string at ``field`` (a dotted path) is a unit.

    The line is parsed once; the field's place in the line is looked for only
    when its text changed (or a change must be located).  The value is
    replaced in place, so key order, spacing, number formatting and the other
    fields' escapes stay as they were.

    >>> record = JsonlFormat("meta.text").parse('{"id": 1.50, "meta": {"text": "caf\\u00e9"}}')
    >>> record.texts
    ['café']
    >>> record.rebuild(["CAFÉ"])
    '{"id": 1.50, "meta": {"text": "CAF\\u00c9"}}'
    >>> record.offsets(0)(3)  # the é, written as a six-character escape, starts at column 35
    34
    """

    name = "jsonl"

    def __init__(self, field: str = "text"):
        if not field or any(not part for part in field.split(".")):
            raise ValueError(f"--field {field!r} is not a dotted path like 'text' or 'meta.body'")
        self.field = field
        self.path = field.split(".")

    def parse(self, line: str) -> Record:
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise RecordError(f"not valid JSON ({error.msg} at column {error.colno})") from None
        except (ValueError, RecursionError) as error:
            # Integers past Python's digit limit, nesting past the recursion limit.
            raise RecordError(f"cannot be read as JSON ({_short(error)})") from None
        for depth, part in enumerate(self.path):
            if not isinstance(value, dict):
                where = ".".join(self.path[:depth]) or "the record"
                raise RecordError(f"{where} is not an object, so it has no field '{part}'")
            if part not in value:
                raise RecordError(f"missing field '{'.'.join(self.path[: depth + 1])}'")
            value = value[part]
        if value is None:
            return Record((), [], lambda texts: line)
        if not isinstance(value, str):
            raise RecordError(f"field '{self.field}' is {type(value).__name__}, not a string")
        span: list[tuple[int, int]] = []

        def locate() -> tuple[int, int]:
            if not span:
                span.append(self._locate(line))
            return span[0]

        def rebuild(texts: list[str]) -> str:
            start, end = locate()
            return line[:start] + _dump_like(texts[0], line[start:end]) + line[end:]

        def offsets(unit: int) -> Callable[[int], int]:
            start, end = locate()
            positions = _string_positions(line, start, end)
            return lambda position: positions[min(position, len(positions) - 1)]

        return Record((self.field,), [value], rebuild, offsets)

    def _locate(self, line: str) -> tuple[int, int]:
        """Return the span of the value at the field path (the last one of duplicate keys)."""
        index = _JSON_WS.match(line, 0).end()
        found = (index, index)
        for part in self.path:
            found = None
            index = _JSON_WS.match(line, index + 1).end()
            if line[index] == "}":
                index += 1
            else:
                while True:
                    key, index = scanstring(line, index + 1)
                    index = _JSON_WS.match(line, index).end() + 1  # the colon
                    index = _JSON_WS.match(line, index).end()
                    _, value_end = _DECODER.raw_decode(line, index)
                    if key == part:
                        found = (index, value_end)
                    index = _JSON_WS.match(line, value_end).end()
                    if line[index] == "}":
                        break
                    index = _JSON_WS.match(line, index + 1).end()  # past the comma
            index = found[0]
        return found


def _short(error: Exception) -> str:
    return str(error).split(";")[0].split(":")[0].strip() or type(error).__name__


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _dump_like(text: str, token: str) -> str:
    """``text`` as a JSON string written the way ``token`` (the old value) was.

    An ASCII token with ``\\u`` escapes stays ASCII.  Surrogates (invalid bytes
    read with surrogateescape, or JSON-escaped lone surrogates) are written
    back as they came: raw bytes stay raw bytes, escapes stay escapes.
    """
    ascii_escapes = token.isascii() and "\\u" in token
    dumped = json.dumps(text, ensure_ascii=ascii_escapes)
    if ascii_escapes or not _SURROGATE.search(dumped):
        return dumped
    if _ESCAPED_SURROGATE.search(token):
        if _SURROGATE.search(token):
            raise RecordError("field mixes raw invalid bytes and escaped lone surrogates")
        return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)
    return dumped


def _string_positions(line: str, start: int, end: int) -> list[int]:
    """For each character of the JSON string at ``line[start:end]``, its position in the line.

    One extra entry at the end gives the position of the closing quote.
    """
    positions: list[int] = []
    index = start + 1
    stop = end - 1
    while index < stop:
        positions.append(index)
        if line[index] != "\\":
            index += 1
        elif line[index + 1] != "u":
            index += 2
        else:
            code = int(line[index + 2 : index + 6], 16)
            index += 6
            if 0xD800 <= code < 0xDC00 and line[index : index + 2] == "\\u":
                low = int(line[index + 2 : index + 6], 16)
                if 0xDC00 <= low < 0xE000:
                    index += 6  # a surrogate pair is one character
    positions.append(stop)
    return positions
