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
    """Text units taken from one line, and how to rebuild the line from new texts."""

    labels: Sequence[str | None]
    texts: list[str]
    rebuild: Callable[[list[str]], str]


class RecordFormat:
    name = "base"

    def parse(self, line: str) -> Record:
        raise NotImplementedError


class TextFormat(RecordFormat):
    """Plain text: the whole line is one unit.

    >>> record = TextFormat().parse("hello")
    >>> record.texts, record.rebuild(["bye"])
    (['hello'], 'bye')
    """

    name = "text"

    def parse(self, line: str) -> Record:
        return Record((None,), [line], lambda texts: texts[0])


class TsvFormat(RecordFormat):
    r"""Tab-separated columns; only the chosen columns (1-based) are units.

    >>> record = TsvFormat([2]).parse("id7\tsource\ttarget")
    >>> record.texts, record.rebuild(["SOURCE"])
    (['source'], 'id7\tSOURCE\ttarget')
    """

    name = "tsv"

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

        return Record(self.labels, [cells[index] for index in indexes], rebuild)


class JsonlFormat(RecordFormat):
    r"""One JSON object per line; only the string at ``field`` (a dotted path) is a unit.

    The field's value is replaced in place, so key order, spacing, number
    formatting and the other fields' escapes stay as they were.

    >>> record = JsonlFormat("meta.text").parse('{"id": 1.50, "meta": {"text": "caf\\u00e9"}}')
    >>> record.texts
    ['café']
    >>> record.rebuild(["CAFÉ"])
    '{"id": 1.50, "meta": {"text": "CAF\\u00c9"}}'
    """

    name = "jsonl"

    def __init__(self, field: str = "text"):
        if not field or any(not part for part in field.split(".")):
            raise ValueError(f"--field {field!r} is not a dotted path like 'text' or 'meta.body'")
        self.field = field
        self.path = field.split(".")

    def parse(self, line: str) -> Record:
        try:
            json.loads(line)
        except json.JSONDecodeError as error:
            raise RecordError(f"not valid JSON ({error.msg} at column {error.colno})") from None
        start, end = self._locate(line)
        token = line[start:end]
        value = json.loads(token)
        if value is None:
            return Record((), [], lambda texts: line)
        if not isinstance(value, str):
            raise RecordError(f"field '{self.field}' is {type(value).__name__}, not a string")
        ascii_escapes = token.isascii() and "\\u" in token

        def rebuild(texts: list[str]) -> str:
            return line[:start] + json.dumps(texts[0], ensure_ascii=ascii_escapes) + line[end:]

        return Record((self.field,), [value], rebuild)

    def _locate(self, line: str) -> tuple[int, int]:
        """Return the span of the value at the field path (the last one of duplicate keys)."""
        index = _JSON_WS.match(line, 0).end()
        for depth, part in enumerate(self.path):
            where = ".".join(self.path[:depth]) or "the record"
            if line[index : index + 1] != "{":
                raise RecordError(f"{where} is not an object, so it has no field '{part}'")
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
            if found is None:
                raise RecordError(f"missing field '{'.'.join(self.path[: depth + 1])}'")
            index = found[0]
        return found
