"""``check --format github``: annotations, then a notice with the run's totals."""

import pytest

DAMAGED = "The cafÃ©  is open.\nThe the Latchine road is open.\n".encode()


@pytest.fixture(autouse=True)
def no_config_upward(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_github_ends_with_a_notice_of_the_totals(invoke):
    lines = invoke(["check", "--format", "github"], input=DAMAGED).stdout.splitlines()
    assert len(lines) == 5
    assert lines[-1] == ("::notice title=corpus-tools totals::corpus-tools: 4 finding(s) "
                         "(2 error, 1 warning, 1 info) in 1 file(s), 2 line(s)")


def test_github_notice_says_when_annotations_are_cut(invoke):
    lines = invoke(["check", "--format", "github"], input=b"The the road.\n" * 11
                   ).stdout.splitlines()
    assert lines[-1].endswith("; GitHub shows 10 annotations of each level a step, the log "
                              "has them all")


def test_github_notice_with_no_findings(invoke):
    lines = invoke(["check", "--format", "github"], input=b"A road.\n").stdout.splitlines()
    assert lines == ["::notice title=corpus-tools totals::corpus-tools: 0 finding(s) in "
                     "1 file(s), 1 line(s)"]
