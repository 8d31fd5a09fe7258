"""``check --format gitlab``: GitLab Code Quality issues with the fields GitLab requires."""

import json

import pytest

DAMAGED = "The cafÃ©  is open.\nThe the Latchine road is open.\n"


@pytest.fixture
def repository(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(DAMAGED + DAMAGED, encoding="utf-8")
    (tmp_path / "tools").mkdir()
    monkeypatch.chdir(tmp_path / "tools")
    return tmp_path


def gitlab(invoke, *args):
    result = invoke(["check", "--isolated", "--format", "gitlab", *args])
    return json.loads(result.stdout), result.exit_code


def test_issues_have_what_gitlab_requires(invoke, repository):
    issues, code = gitlab(invoke, "../corpus")
    assert code == 1 and len(issues) == 8
    for issue in issues:
        assert issue["description"] and issue["check_name"]
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "corpus/a.txt"  # relative to the repository
        assert issue["location"]["positions"]["begin"]["line"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == 8  # the same damage twice: two
    assert [(i["check_name"], i["severity"]) for i in issues[:3]] == [
        ("encoding:mojibake", "major"), ("space:collapse", "info"), ("repeated-word", "minor")]


def test_fingerprints_survive_a_line_added_above(invoke, repository):
    before, _ = gitlab(invoke, "../corpus")
    target = repository / "corpus" / "a.txt"
    target.write_text("A new first line.\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    after, _ = gitlab(invoke, "../corpus")
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_no_findings_is_an_empty_array(invoke, repository):
    (repository / "corpus" / "a.txt").write_text("A road.\n", encoding="utf-8")
    assert gitlab(invoke, "../corpus") == ([], 0)
