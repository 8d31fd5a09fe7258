"""Change records: every edit and finding, with the rule behind it and where it is.

A filter describes what it did in the coordinates of the text it was given;
the pipeline maps each record back to the unit's input text, and the runner
to the input line (a JSONL field's escapes and a TSV cell's offset counted),
so that ``line:column`` points at the input as read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["fix", "suggestion", "finding"]
Severity = Literal["error", "warning", "info"]
KINDS = ("fix", "suggestion", "finding")


@dataclass(frozen=True)
class Change:
    """One edit (``fix``), proposed edit (``suggestion``) or finding inside one text unit.

    ``column`` and ``end_column`` are 1-based and end-exclusive, in code points;
    ``fix`` is the replacement text (None for a finding).  ``severity`` None
    means the catalog's default for ``rule`` (see :func:`corpus_tools.catalog.severity_of`).
    ``line``, ``file`` and ``field`` are filled in by the runner (:meth:`located`):
    then ``column`` and ``end_column`` are in the input line as read (a JSONL
    field's escapes counted), and for a JSONL field or a TSV column
    ``field_column`` and ``field_end_column`` are the span in the field's own
    decoded text, which ``before`` and ``fix`` are characters of.

    >>> Change("space:trailing", 6, "  ", "").end
    8
    >>> Change("script:mixed-token", 1, "Bakuы", None, kind="finding").applied
    False
    """

    rule: str
    column: int
    before: str
    fix: str | None
    kind: Kind = "fix"
    severity: Severity | None = None
    message: str | None = None
    end_column: int | None = None
    line: int | None = None
    file: str | None = None
    field: str | None = None
    field_column: int | None = None
    field_end_column: int | None = None
    line_fix: str | None = None  # the fix as the line must spell it (a JSONL field's escapes)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if (self.fix is None) != (self.kind == "finding"):
            raise ValueError("a finding has no fix; a fix or suggestion has one")

    @property
    def applied(self) -> bool:
        """Whether the text was changed by this record."""
        return self.kind == "fix"

    @property
    def end(self) -> int:
        return self.end_column if self.end_column is not None else self.column + len(self.before)

    @property
    def unit_column(self) -> int:
        """Where the change starts in its unit's text (the field's, or the line's)."""
        return self.column if self.field_column is None else self.field_column

    @property
    def unit_end(self) -> int:
        return self.end if self.field_end_column is None else self.field_end_column

    def located(self, file: str | None, line: int, field: str | None,
                column: int | None = None, end_column: int | None = None) -> Change:
        """This record (in its unit's coordinates) placed at ``column``..``end_column`` of
        line ``line`` of ``file``; inside a field, its unit span is kept as ``field_column``.

        >>> change = Change("encoding:mojibake", 4, "Ã©", "é").located("a.jsonl", 1, "text", 19, 31)
        >>> change.column, change.end, change.field_column, change.field_end_column
        (19, 31, 4, 6)
        """
        in_field = field is not None
        return replace(self, file=file, line=line, field=field,
                       field_column=self.column if in_field else None,
                       field_end_column=self.end if in_field else None,
                       column=self.column if column is None else column,
                       end_column=self.end if end_column is None else end_column)


def common_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters ``old`` and ``new`` share at the start, and then at the end.

    >>> common_ends("cafÃ© au lait", "café au lait")
    (3, 8)
    """
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def span_change(rule: str, old: str, new: str) -> Change:
    """Describe a whole-text rewrite as one change covering the part that differs.

    >>> change = span_change("encoding:mojibake", "cafÃ© au lait", "café au lait")
    >>> change.column, change.before, change.fix
    (4, 'Ã©', 'é')
    """
    prefix, suffix = common_ends(old, new)
    return Change(rule, prefix + 1, old[prefix:len(old) - suffix], new[prefix:len(new) - suffix])


class PositionMap:
    """Maps positions in a step's output back to its input, from the step's edits.

    ``edits`` are ``(start, end, replacement length)`` in the input's
    coordinates, sorted and not overlapping (what one step reports).

    >>> edits = PositionMap([(3, 5, 1), (8, 8, 2)])  # "abcDEfghij" -> "abcXfghYYij"
    >>> [edits.to_input(p) for p in (0, 3, 4, 5, 7, 9, 10)]
    [0, 3, 5, 6, 8, 8, 9]
    >>> edits.to_input(4, at_end=True), edits.to_input(3, at_end=True)  # span ends after/before X
    (5, 3)
    """

    __slots__ = ("_edits",)

    def __init__(self, edits: list[tuple[int, int, int]]):
        table, shift = [], 0
        for start, end, length in edits:
            table.append((start + shift, start, end, length))
            shift += length - (end - start)
        self._edits = table

    def to_input(self, position: int, at_end: bool = False) -> int:
        """A start position inside a replacement maps to its start; an end position to its end."""
        mapped = position
        for new_start, start, end, length in self._edits:
            if position < new_start:
                break
            new_end = new_start + length
            if position < new_end or (at_end and length and position == new_end):
                return start if not at_end or position == new_start else end
            mapped = end + (position - new_end)
        return mapped
