"""The run's counts, and the one place the exit code is decided (black's ``Report``).

One :class:`Report` serves ``clean`` (and every filter) and ``check``: the
runner and the checker count each change record into it, and its
:meth:`Report.exit_code` decides.

Exit codes: 0 done; 1 findings (``--check`` and ``check`` only): a record at
or above the failing severity, or (``--check``) a line that would change; 2
usage, input or rule-file error (raised, not decided here); 130 interrupted;
141 broken pipe; 128+N on signal N.

The failing severity is ``error`` for ``--check`` and ``--fail-on`` for
``check`` (default ``warning``; ``never``: nothing fails).  Under ``--check``
a line that would change fails whatever its records' severity (the output
would differ from the input), so an applied record is not weighed again;
``check`` weighs every record it reports, fixes by their own severity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from corpus_tools.catalog import severity_of
from corpus_tools.changes import Change

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_LEVELS = ("error", "warning", "info", "never")
_RANK = {"info": 0, "warning": 1, "error": 2, "never": 3}


OUTCOMES = ("edit(s)", "suggestion(s)", "kept", "skipped by language", "other finding(s)")
_SKIPPED_BY_LANGUAGE = {"lang:skipped", "lang:undecided", "lang:foreign-span"}


def outcome_of(change: Change) -> str:
    """What a record says happened, for ``--stats``: an edit made, a suggestion, a spelling
    kept by a rule (``name:kept``), one skipped for the unit's language, another finding.

    >>> outcome_of(Change("lang:skipped", 1, "Kiev", None, kind="finding"))
    'skipped by language'
    """
    if change.kind != "finding":
        return OUTCOMES[0] if change.applied else OUTCOMES[1]
    if change.rule == "name:kept":
        return OUTCOMES[2]
    return OUTCOMES[3] if change.rule in _SKIPPED_BY_LANGUAGE else OUTCOMES[4]


@dataclass
class Report:
    """Counts of one run, and its exit code.

    >>> report = Report()
    >>> report.count(Change("name:Kyiv", 1, "Kiev", "Kyiv", kind="suggestion"))
    True
    >>> report.exit_code(check=True), report.exit_code(check=False)
    (1, 0)
    >>> gate = Report(fail_on="warning", changes_fail=False)
    >>> gate.count(Change("space:collapse", 3, "  ", " ")), gate.exit_code()  # info: listed only
    (False, 0)
    """

    fail_on: str = "error"  # the least severity that fails; "never": none
    changes_fail: bool = True  # --check: a changed line fails; check: each record's severity
    files: int = 0
    lines: int = 0
    changed_lines: int = 0
    findings: int = 0  # records counted
    failing: int = 0  # records at or above fail_on (under changes_fail: not applied ones)
    by_severity: Counter = field(default_factory=Counter)
    by_outcome: Counter = field(default_factory=Counter)  # edits, suggestions, kept, skipped...
    rule_counts: Counter = field(default_factory=Counter)
    accepted: int = 0  # check: matched by the baseline
    stopped: bool = False  # check: --max-findings reached
    bad_records: int = 0
    first_bad_record: str | None = None

    def count(self, change: Change) -> bool:
        """Count one record; whether it makes the run fail."""
        level = change.severity or severity_of(change.rule)
        self.findings += 1
        self.by_severity[level] += 1
        self.rule_counts[change.rule] += 1
        self.by_outcome[outcome_of(change)] += 1
        fails = _RANK[level] >= _RANK[self.fail_on] and not (self.changes_fail and change.applied)
        if fails:
            self.failing += 1
        return fails

    def exit_code(self, check: bool = True) -> int:
        """1 when checking and a record reached the failing severity or (``--check``) a
        line would change; else 0.

        >>> Report(changed_lines=1).exit_code(check=True), Report().exit_code(check=True)
        (1, 0)
        >>> Report(changed_lines=1).exit_code(check=False)
        0
        """
        if check and (self.failing or (self.changes_fail and self.changed_lines)):
            return EXIT_FINDINGS
        return EXIT_OK

    def describe_bad_records(self) -> str | None:
        if not self.bad_records:
            return None
        return (f"passed {self.bad_records} bad record(s) through untouched "
                f"(first: {self.first_bad_record})")

    def render_stats(self) -> str:
        """``--stats``: lines changed, records per rule, then records by outcome."""
        rows = [f"{self.changed_lines} of {self.lines} line(s) changed"]
        for rule, count in self._by_count():
            rows.append(f"{count:>10}  {rule}")
        if self.findings:
            rows.append(", ".join(f"{self.by_outcome[outcome]} {outcome}" for outcome in OUTCOMES))
        return "\n".join(rows)

    def describe(self) -> str:
        """``check``'s summary line."""
        parts = [f"{self.findings} finding(s)"]
        if self.findings:
            parts.append("(" + ", ".join(f"{self.by_severity[s]} {s}" for s in
                                         ("error", "warning", "info") if self.by_severity[s])
                         + ")")
        parts.append(f"in {self.files} file(s), {self.lines} line(s)")
        text = " ".join(parts)
        if self.accepted:
            text += f"; {self.accepted} accepted by the baseline"
        if self.stopped:
            text += "; stopped early at --max-findings"
        return text

    def rule_table(self) -> str:
        """``check --statistics``: records per rule with the rule's severity."""
        return "\n".join(f"{count:>8}  {severity_of(rule):<7}  {rule}"
                         for rule, count in self._by_count())

    def _by_count(self):
        return sorted(self.rule_counts.items(), key=lambda kv: (-kv[1], kv[0]))
