"""Each file read in the format its name says: a folder of plain text, JSONL and TSV in one run.

``.jsonl`` and ``.ndjson`` are JSON Lines (the ``--field``), ``.tsv`` is
tab-separated (the ``--column`` columns, or every column when none is
given: each column is a document of its own, so an English column is not
taken for Georgian because the next one is), also under a compression
suffix (``.tsv.gz``, ``.jsonl.zst``); anything else, and stdin, is plain text.

>>> choice = ByExtension(field="body")
>>> [choice.for_path(path).name for path in ("a.JSONL", "b.ndjson.zst", "c.tsv.gz", "d.txt", "-")]
['jsonl', 'jsonl', 'tsv', 'text', 'text']
>>> choice.for_path("a.jsonl").field
'body'
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus_tools.stream.formats import (
    JsonlFormat,
    Record,
    RecordFormat,
    TextFormat,
    TsvFormat,
)
from corpus_tools.stream.opener import COMPRESSED_SUFFIXES

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TSV_SUFFIXES = (".tsv",)


class EveryColumn(TsvFormat):
    r"""Tab-separated, every column a unit (labelled by its number, from 1).

    >>> record = EveryColumn().parse("Tbilisi\tთბილისი")
    >>> record.labels, record.rebuild(["Tiflis", "თბილისი"]), record.offsets(1)(0)
    (('1', '2'), 'Tiflis\tთბილისი', 8)
    """

    def __init__(self):
        self.columns, self.labels = [], ()

    def parse(self, line: str) -> Record:
        cells = line.split("\t")
        starts, position = [], 0
        for cell in cells:
            starts.append(position)
            position += len(cell) + 1
        return Record(tuple(str(number) for number in range(1, len(cells) + 1)), cells,
                      "\t".join, lambda unit: lambda offset: starts[unit] + offset)


class ByExtension(TextFormat):
    """Plain text for stdin and unknown names; :meth:`for_path` gives each file's format."""

    name = "text"

    def __init__(self, field: str = "text", columns: Sequence[int] = ()):
        self.jsonl = JsonlFormat(field)
        self.tsv = TsvFormat(columns) if columns else EveryColumn()
        self.text = TextFormat()

    def for_path(self, path: str) -> RecordFormat:
        name = path.lower()
        for suffix in COMPRESSED_SUFFIXES:
            name = name.removesuffix(suffix)
        if name.endswith(JSONL_SUFFIXES):
            return self.jsonl
        if name.endswith(TSV_SUFFIXES):
            return self.tsv
        return self.text
