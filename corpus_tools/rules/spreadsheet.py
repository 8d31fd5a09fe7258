"""Rules in a spreadsheet: CSV out and in for every kind, its columns from :mod:`.kinds`.

A row's ``kind`` says which table it belongs to (empty: ``name``), its key
column (``canonical`` for a name, else ``id``) which rule.  A name has one
row per spelling (``variant`` and ``treatment``: replace or suggest); every
kind with examples has one row per example (``example``, ``expect``,
``finds``, ``example_lang``); the other fields sit on a rule's first row, and
rows of one rule that give one field different values are an error naming
both rows.  In a cell, a list's items are separated by `` | `` (phrases) or
``,`` (codes), a letter table is written ``ш=sh | а=a``, and ``""`` is an
empty text.  A cell that a spreadsheet would evaluate as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with
a ``'`` before it, which import takes off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from corpus_tools.errors import CorpusToolsError
from corpus_tools.language.codes import check_code
from corpus_tools.rules.kinds import EXAMPLE_COLUMNS, KINDS, Field, RuleKind

SOURCE_COLUMNS = ("file", "line")
TREATMENTS = ("replace", "suggest")
SPELLING_COLUMNS = ("variant", "treatment")
# What a spreadsheet evaluates at the start of a cell; a quote before it makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EMPTY_TEXT = '""'


class CsvRuleError(CorpusToolsError):
    pass


@dataclass
class ImportedRule:
    """One rule as its rows gave it: the table to write, and which row gave what."""

    kind: str
    key: str
    first_row: int
    table: dict = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # field -> the row that gave it
    example_rows: list[int] = field(default_factory=list)
    spelling_rows: dict[str, int] = field(default_factory=dict)  # spelling -> its row


def columns_for(kinds: Iterable[str], with_source: bool = True) -> tuple[str, ...]:
    """``kind``, then the columns of ``kinds`` in the table's order, then file and line."""
    columns = ["kind"]
    for kind in KINDS.values():
        if kind.table in kinds:
            columns += [column for column in kind.csv_columns if column not in columns]
    return tuple(columns) + (SOURCE_COLUMNS if with_source else ())


def export_csv(rules: Iterable, with_source: bool = True) -> str:
    """Rules as CSV: the columns of the kinds present (a name's when there is none)."""
    rules = list(rules)
    present = {rule.kind for rule in rules} or {"name"}
    columns = columns_for(present, with_source)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for rule in rules:
        for row in rule_rows(rule):
            if with_source:
                row |= {"file": rule.source.file, "line": str(rule.source.line)}
            writer.writerow([safe_cell(row.get(column, "")) for column in columns])
    return out.getvalue()


def rule_rows(rule) -> list[dict[str, str]]:
    """One rule's rows, each a column -> cell mapping."""
    kind = KINDS[rule.kind]
    table = kind.written(rule)
    first: dict[str, str] = {}
    for spec in kind.fields:
        if spec.name in table and spec.csv_column not in (*SPELLING_COLUMNS, "example"):
            first[spec.csv_column] = _cell(spec, table[spec.name], rule)
    spellings = _spellings(table) if "variant" in kind.csv_columns else []
    examples = [{column: example.get(key, "") for column, key in EXAMPLE_COLUMNS.items()}
                for example in table.get("examples", [])]
    rows = []
    for index in range(max(len(spellings), len(examples), 1)):
        row = {"kind": kind.table, kind.key_column: first[kind.key_column]}
        if index == 0:
            row |= first
        if index < len(spellings):
            row |= dict(zip(SPELLING_COLUMNS, spellings[index], strict=True))
        if index < len(examples):
            row |= examples[index]
        rows.append(row)
    return rows


def _spellings(table: dict) -> list[tuple[str, str]]:
    return ([(variant, "replace") for variant in table.get("variants", [])]
            + [(spelling, "suggest") for spelling in table.get("suggest", [])])


def _cell(spec: Field, value, rule) -> str:
    if spec.form == "flag":
        return "true" if value else "false"
    if spec.form == "codes":
        return ",".join(value)
    if spec.form == "letters":
        value = [f"{letter}={latin}" for letter, latin in value.items()]
    if spec.form in ("phrases", "letters"):
        for item in value:
            if "|" in item:
                raise CsvRuleError(f"{rule.source}: {spec.name}: {item!r} holds a |, which "
                                   f"separates the items of a cell; this rule cannot go into a "
                                   f"spreadsheet")
        return " | ".join(item or EMPTY_TEXT for item in value)
    return value or EMPTY_TEXT


def safe_cell(cell: str) -> str:
    """A cell a spreadsheet shows as written: a formula's first character gets a ``'`` before it
    (and so does a ``'`` that comes before one, so that import can take exactly one off).

    >>> [safe_cell(c) for c in ["=1+1", "-x", "'=x", "Kyiv", "'s-Hertogenbosch"]]
    ["'=1+1", "'-x", "''=x", 'Kyiv', "'s-Hertogenbosch"]
    """
    if cell.startswith(FORMULA_STARTS) or (cell[:1] == "'" and cell[1:2] in (*FORMULA_STARTS, "'")):
        return "'" + cell
    return cell


def unsafe_cell(cell: str) -> str:
    """What :func:`safe_cell` made safe, as it was.

    >>> [unsafe_cell(c) for c in ["'=1+1", "''=x", "'s-Hertogenbosch"]]
    ['=1+1', "'=x", "'s-Hertogenbosch"]
    """
    if cell[:1] == "'" and cell[1:2] in (*FORMULA_STARTS, "'"):
        return cell[1:]
    return cell


# What a spreadsheet saves a CSV as: the BOMs it may write, then UTF-8 and Windows' own code page
# (Excel's "CSV (Comma delimited)"), tried in this order.
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
ENCODING_NAMES = {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "utf-16": "UTF-16",
                  "cp1252": "Windows-1252 (Excel's \"CSV (Comma delimited)\")"}
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


def decode_spreadsheet(data: bytes, source: str) -> tuple[str, str]:
    """A CSV's text and the encoding it was read in.

    >>> decode_spreadsheet("Zürich".encode("cp1252"), "x.csv")
    ('Zürich', 'cp1252')
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise CsvRuleError(f"{source}: starts as {ENCODING_NAMES[encoding]} but byte "
                                   f"{error.start} is not; save it again as CSV UTF-8") from None
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise CsvRuleError(f"{source}: neither UTF-8 nor Windows-1252; save it as CSV UTF-8 "
                       f"(in Excel: Save As, \"CSV UTF-8 (Comma delimited)\")")


def sniff_delimiter(text: str) -> str:
    r"""The separator whose split of the first row has a ``kind`` column, else the one the
    first row holds most of (a comma when none).

    >>> sniff_delimiter("kind;canonical;variant\nname;Kyiv;Kiev"), sniff_delimiter("a,b")
    (';', ',')
    """
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    for delimiter in DELIMITERS:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        if "kind" in (cell.strip().lower() for cell in cells):
            return delimiter
    return max(DELIMITERS, key=lambda delimiter: (first.count(delimiter), delimiter == ","))


def import_csv(text: str, source: str, delimiter: str = ",") -> list[ImportedRule]:
    """The rules of a CSV, in the order their first rows come; every error names its row and
    column."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise CsvRuleError(f"{source}: empty file; the first row must name the columns") from None
    if "kind" not in header:
        others = [name for mark, name in DELIMITERS.items() if mark != delimiter
                  and mark in text.split("\n", 1)[0]]
        hint = (f" (read with {DELIMITERS[delimiter]}s between the columns, but the first row "
                f"holds {' and '.join(others)}s: give --delimiter)" if others else "")
        raise CsvRuleError(f"{source}:1: missing column(s) kind{hint}; the columns are "
                           f"{', '.join(columns_for(KINDS))}")
    known = set(columns_for(KINDS))
    rules: dict[tuple[str, str], ImportedRule] = {}
    for number, row in enumerate(reader, 2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: unsafe_cell(cell) for name, cell in zip(header, row, strict=False)}
        reading = _Row(source, number, cells)
        kind = reading.kind()
        missing = [column for column in (kind.key_column, *(
            SPELLING_COLUMNS if "variant" in kind.csv_columns else ())) if column not in header]
        if missing:
            raise CsvRuleError(f"{source}:1: missing column(s) {', '.join(missing)}; the columns "
                               f"of a {kind.table} rule are {', '.join(kind.csv_columns)}")
        for column in header:
            if column in known and column not in (*kind.csv_columns, "kind", *SOURCE_COLUMNS) \
                    and cells.get(column, "").strip():
                reading.fail(column, f"a {kind.table} rule has no {column}; leave the cell empty")
        key = cells[kind.key_column].strip()
        if not key:
            reading.fail(kind.key_column, "is empty; write the name as it should appear"
                         if kind.table == "name" else "is empty; write the rule's id")
        rule = rules.get((kind.table, key))
        if rule is None:
            rule = rules[kind.table, key] = ImportedRule(kind.table, key, number)
            key_field = _field_of(kind, kind.key_column)
            rule.table[key_field.name], rule.rows[key_field.name] = key, number
            if "variant" in kind.csv_columns:
                rule.table["variants"] = []
        reading.into(kind, rule)
    return list(rules.values())


def _field_of(kind: RuleKind, column: str) -> Field:
    return next(spec for spec in kind.fields if spec.csv_column == column)


class _Row:
    """One CSV row being read into a rule."""

    def __init__(self, source: str, number: int, cells: dict[str, str]):
        self.source, self.number, self.cells = source, number, cells

    def fail(self, column: str, message: str):
        raise CsvRuleError(f"{self.source}: row {self.number}, column {column}: {message}")

    def kind(self) -> RuleKind:
        name = self.cells.get("kind", "").strip().lower() or "name"
        if name not in KINDS:
            self.fail("kind", f"{self.cells['kind']!r} is not a kind of rule; write one of "
                      f"{', '.join(KINDS)}")
        return KINDS[name]

    def into(self, kind: RuleKind, rule: ImportedRule) -> None:
        for column in kind.csv_columns[1:]:
            if column in SPELLING_COLUMNS or column in EXAMPLE_COLUMNS:
                continue
            spec, cell = _field_of(kind, column), self.cells.get(column, "")
            if not (cell if spec.verbatim else cell.strip()):
                continue
            value = self.value(spec, column, cell)
            if spec.form == "phrases":
                earlier = rule.table.setdefault(spec.name, [])
                earlier += [item for item in value if item not in earlier]
                rule.rows.setdefault(spec.name, self.number)
            elif spec.name in rule.table and rule.table[spec.name] != value:
                self.fail(column, f"{kind.table} {rule.key!r} has {_shown(rule.table[spec.name])} "
                          f"on row {rule.rows[spec.name]} and {_shown(value)} on row "
                          f"{self.number}; rows of one rule must agree (write it on its first "
                          f"row only)")
            else:
                rule.table[spec.name], rule.rows[spec.name] = value, self.number
        if "variant" in kind.csv_columns:
            self.spelling(rule)
        if kind.has_examples:
            self.example(rule)

    def value(self, spec: Field, column: str, cell: str):
        if spec.form == "text":
            text = cell if spec.verbatim else cell.strip()
            return "" if text.strip() == EMPTY_TEXT else text
        if spec.form == "flag":
            answer = {"true": True, "yes": True, "1": True, "x": True,
                      "false": False, "no": False, "0": False}.get(cell.strip().lower())
            if answer is None:
                self.fail(column, f"{cell!r}: write true or false")
            return answer
        if spec.form == "codes":
            codes = [code.strip() for code in cell.split(",") if code.strip()]
            return [self.code(column, code) for code in codes] if spec.name.endswith("lang") \
                else codes
        items = [item.strip() for item in cell.split("|")]
        items = ["" if item == EMPTY_TEXT else item for item in items if item]
        if spec.form == "letters":
            pairs = [item.partition("=") for item in items]
            for letter, equals, _latin in pairs:
                if not equals:
                    self.fail(column, f"{letter!r}: write each letter as letter=latin, like ш=sh, "
                              f"separated by |")
            return {letter.strip(): latin.strip() for letter, _, latin in pairs}
        return items

    def code(self, column: str, code: str) -> str:
        try:
            return check_code(code, "lang")
        except ValueError as error:
            self.fail(column, str(error))

    def spelling(self, rule: ImportedRule) -> None:
        variant = self.cells.get("variant", "").strip()
        treatment = self.cells.get("treatment", "").strip().lower()
        if not variant:
            return
        if treatment not in TREATMENTS:
            self.fail("treatment", f"{self.cells.get('treatment', '')!r}: write replace or suggest")
        rule.table.setdefault("variants" if treatment == "replace" else "suggest", []).append(variant)
        rule.spelling_rows.setdefault(variant, self.number)

    def example(self, rule: ImportedRule) -> None:
        given = {key: self.cells.get(column, "") for column, key in EXAMPLE_COLUMNS.items()}
        if not given["text"]:
            for column, key in EXAMPLE_COLUMNS.items():
                if given[key].strip():
                    self.fail(column, f"an {column} with no example; put the text in the "
                              f"example column")
            return
        if given["lang"].strip():
            given["lang"] = self.code("example_lang", given["lang"].strip())
        example = {key: value for key, value in given.items() if value}
        rule.table.setdefault("examples", []).append(example)
        rule.example_rows.append(self.number)


def _shown(value) -> str:
    return repr(",".join(value)) if isinstance(value, list) else repr(value)
