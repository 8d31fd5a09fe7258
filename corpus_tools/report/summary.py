"""The run's counts, and the one place the exit code is decided.

Exit codes: 0 done; 1 findings (``--check`` only): a line would change, or a
suggestion or finding of severity ``error``; 2 usage, input or rule-file
error (raised, not decided here); 130 interrupted; 141 broken pipe; 128+N on
signal N.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from corpus_tools.catalog import severity_of
from corpus_tools.changes import Change

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class RunSummary:
    lines: int = 0
    changed_lines: int = 0
    failing_findings: int = 0  # suggestions and findings of severity error: recorded, not applied
    bad_records: int = 0
    first_bad_record: str | None = None
    rule_counts: Counter = field(default_factory=Counter)

    def count(self, change: Change) -> None:
        self.rule_counts[change.rule] += 1
        if not change.applied and (change.severity or severity_of(change.rule)) == "error":
            self.failing_findings += 1

    def exit_code(self, check: bool) -> int:
        """``--check`` fails on a change to make or an error-severity finding; else 0.

        >>> RunSummary(changed_lines=1).exit_code(check=True), RunSummary().exit_code(check=True)
        (1, 0)
        >>> RunSummary(changed_lines=1).exit_code(check=False)
        0
        """
        if check and (self.changed_lines or self.failing_findings):
            return EXIT_FINDINGS
        return EXIT_OK

    def describe_bad_records(self) -> str | None:
        if not self.bad_records:
            return None
        return (f"passed {self.bad_records} bad record(s) through untouched "
                f"(first: {self.first_bad_record})")

    def render_stats(self) -> str:
        rows = [f"{self.changed_lines} of {self.lines} line(s) changed"]
        for rule, count in sorted(self.rule_counts.items(), key=lambda kv: (-kv[1], kv[0])):
            rows.append(f"{count:>10}  {rule}")
        return "\n".join(rows)
