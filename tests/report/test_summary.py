"""One summary decides the exit code of ``clean --check`` and of ``check``."""

import pytest

from corpus_tools.changes import Change
from corpus_tools.report.summary import Report

FIX_INFO = Change("space:collapse", 3, "  ", " ")
FIX_ERROR = Change("encoding:mojibake", 1, "Ã©", "é")
WARNING = Change("repeated-word", 1, "a a", None, kind="finding")
ERROR = Change("script:mixed-token", 1, "Bakuы", None, kind="finding")
SUGGESTION = Change("name:Kyiv", 1, "Kiev", "Kyiv", kind="suggestion")


@pytest.mark.parametrize(
    ("records", "changed_lines", "code"),
    [
        ([], 0, 0),
        ([FIX_INFO], 1, 1),  # a line would change: whatever the severity
        ([WARNING], 0, 0),  # listed only
        ([ERROR], 0, 1),
        ([SUGGESTION], 0, 1),  # not applied, severity error
        ([FIX_ERROR], 0, 0),  # applied but the line came out the same: nothing to change
    ],
)
def test_clean_check(records, changed_lines, code):
    report = Report(changed_lines=changed_lines)
    for change in records:
        report.count(change)
    assert report.exit_code(check=True) == code
    assert report.exit_code(check=False) == 0


@pytest.mark.parametrize(
    ("fail_on", "records", "code"),
    [
        ("warning", [FIX_INFO], 0),  # a fix by its own severity
        ("info", [FIX_INFO], 1),
        ("warning", [WARNING], 1),
        ("error", [WARNING], 0),
        ("error", [FIX_ERROR], 1),
        ("never", [FIX_ERROR, ERROR], 0),
    ],
)
def test_check(fail_on, records, code):
    report = Report(fail_on=fail_on, changes_fail=False)
    for change in records:
        report.count(change)
    assert report.exit_code() == code


def test_counts_and_descriptions():
    report = Report(fail_on="warning", changes_fail=False, files=1, lines=2)
    for change in (FIX_ERROR, FIX_INFO, WARNING, FIX_INFO):
        report.count(change)
    assert report.describe() == "4 finding(s) (1 error, 1 warning, 2 info) in 1 file(s), 2 line(s)"
    assert report.rule_table().splitlines()[0] == "       2  info     space:collapse"
    assert report.render_stats().splitlines()[1] == "         2  space:collapse"
