"""Change records: every edit a filter makes, with the id of the rule behind it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace


@dataclass(frozen=True)
class Change:
    """One edit inside one text unit.

    ``column`` is 1-based, counted in code points of the text as the step
    received it.  ``line`` and ``file`` are filled in by the stream; a filter
    only knows the text it was given.  ``field`` names the JSONL field or TSV
    column the text came from (``None`` for plain text).
    """

    rule: str
    column: int
    before: str
    after: str
    line: int | None = None
    file: str | None = None
    field: str | None = None
    suggestion: bool = False  # recorded, not applied: a suggestion or a finding
    message: str | None = None  # why, for a reader, when the rule id is not enough
    severity: str | None = None  # "warning": listed by --check, but no reason to fail it

    def located(self, file: str | None, line: int, field: str | None) -> Change:
        return replace(self, file=file, line=line, field=field)

    def as_dict(self) -> dict:
        record = asdict(self)
        if not self.suggestion:
            del record["suggestion"]
        for optional in ("message", "severity"):
            if record[optional] is None:
                del record[optional]
        return record


def span_change(rule: str, old: str, new: str) -> Change:
    """Describe a whole-text rewrite as one change covering the part that differs.

    >>> span_change("encoding:mojibake", "cafÃ© au lait", "café au lait")
    Change(rule='encoding:mojibake', column=4, before='Ã©', after='é', line=None, file=None, field=None, suggestion=False, message=None, severity=None)
    """
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return Change(rule, start + 1, old[start:end_old], new[start:end_new])
