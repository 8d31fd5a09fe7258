"""``--check``: one line per change record on stderr, for people and CI logs."""

from __future__ import annotations

from corpus_tools.catalog import severity_of
from corpus_tools.changes import Change
from corpus_tools.report import Sink


class CheckTextSink(Sink):
    """``--check``: one line per record on stderr."""

    def __init__(self, err):
        self.err = err

    def take(self, result) -> None:
        for change in result.changes:
            print(describe_change(change), file=self.err)


def describe_change(change: Change) -> str:
    """One line for people and CI logs: ``file:line:column: severity: rule: before → fix``.

    >>> print(describe_change(Change("space:trailing", 6, "  ", "", line=3, file="a.txt")))
    a.txt:3:6: info: space:trailing: '  ' → ''
    >>> print(describe_change(Change("script:mixed-token", 5, "Bakuы", None, kind="finding",
    ...                              line=1, file="a.txt", message="no look-alike")))
    a.txt:1:5: error: script:mixed-token: 'Bakuы' (not changed: no look-alike)
    """
    where = f"{change.file}:{change.line}:{change.column}"
    if change.field is not None:
        where += f" [{change.field}]"
    if change.kind == "fix":
        detail = f"{change.before!r} → {change.fix!r}"
    else:
        detail = f"{change.before!r}"
        if change.kind == "suggestion":
            detail += f" → {change.fix!r}?"
        detail += f" (not changed: {change.message})" if change.message else " (not changed)"
    severity = change.severity or severity_of(change.rule)
    return f"{where}: {severity}: {change.rule}: {detail}"
