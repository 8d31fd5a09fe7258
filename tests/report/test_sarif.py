"""``check --format sarif``: valid SARIF 2.1.0 that GitHub code scanning can place and track."""

import json
import re
from pathlib import Path

import jsonschema
import pytest

from corpus_tools.report import sarif
from corpus_tools.report.sarif import artifact_location, source_root

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json")
                    .read_text(encoding="utf-8"))
README = Path(__file__).resolve().parents[2] / "README.md"
DAMAGED = "The cafÃ©  is open.\nThe the Latchine road is open.\n"
# RFC 3986: unreserved, sub-delims, ':' '@' '/' and percent-escapes; no '#', '?', space.
URI_PATH = re.compile(r"^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*(%[0-9A-F]{2}[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)*$")


def github_requirements(log: dict) -> None:
    """What GitHub's documentation on SARIF support for code scanning requires or limits."""
    assert len(log["runs"]) <= 20
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        assert driver["name"] and (driver.get("version") or driver.get("semanticVersion"))
        assert len(driver["rules"]) <= 25_000 and len(run["results"]) <= 25_000
        for rule in driver["rules"]:
            assert rule["id"] and rule["shortDescription"]["text"]
            assert rule["fullDescription"]["text"] and rule["help"]["text"]
            assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        bases = run.get("originalUriBaseIds", {})
        fingerprints = set()
        for result in run["results"]:
            assert result["ruleId"] and result["message"]["text"]
            assert 1 <= len(result["locations"]) <= 1_000
            location = result["locations"][0]["physicalLocation"]
            uri = location["artifactLocation"]["uri"]
            if "uriBaseId" in location["artifactLocation"]:
                base = bases[location["artifactLocation"]["uriBaseId"]]["uri"]
                assert base.startswith("file:///") and base.endswith("/")
                assert not uri.startswith(("/", "../")) and "://" not in uri
                assert URI_PATH.match(uri), uri
            else:
                assert uri.startswith("file:///")
            assert location["region"]["startLine"] >= 1
            key = (uri, result["ruleId"], *result["partialFingerprints"].values())
            assert key not in fingerprints  # GitHub would merge two alerts into one
            fingerprints.add(key)


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A repository with a damaged file in a folder whose name needs escaping; run from a
    subfolder, as a CI step with a working directory does."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "corpus" / "issue #3 draft").mkdir(parents=True)
    (tmp_path / "corpus" / "issue #3 draft" / "café.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "tools").mkdir()
    monkeypatch.chdir(tmp_path / "tools")
    return tmp_path


def sarif_of(invoke, *args, input=None):
    result = invoke(["check", "--isolated", "--format", "sarif", *args], input=input)
    return json.loads(result.stdout), result.exit_code


def test_the_log_is_valid_and_meets_github_requirements(invoke, repository):
    log, code = sarif_of(invoke, "../corpus")
    jsonschema.validate(log, SCHEMA)
    github_requirements(log)
    (run,) = log["runs"]
    locations = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                 for result in run["results"]}
    assert locations == {"corpus/issue%20%233%20draft/caf%C3%A9.txt"}
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repository.as_uri() + "/"}}
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": code}]
    assert run["tool"]["driver"]["semanticVersion"] == run["tool"]["driver"]["version"]


def test_rules_carry_the_catalog_as_help(invoke, repository):
    log, _ = sarif_of(invoke, "../corpus")
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    lachin = rules["name:Lachin"]
    assert lachin["help"]["markdown"].startswith("**name:Lachin (name:*)** (error, from ")
    assert "corpus-tools rules explain name:Lachin" in lachin["help"]["text"]
    assert rules["encoding:mojibake"]["shortDescription"]["text"] == (
        "Text that was encoded as UTF-8 and decoded as another encoding (cp1252, latin-1, "
        "cp1251, MacRoman...), once or several times: 'Azerbaijanâ€™s' for 'Azerbaijan’s'.")


def test_help_uri_points_at_the_readme_catalog_when_the_package_has_a_home(
        invoke, repository, monkeypatch):
    monkeypatch.setattr(sarif, "home_page", lambda: "https://example.org/corpus-tools")
    log, _ = sarif_of(invoke, "../corpus")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/corpus-tools"
    assert {rule["helpUri"] for rule in driver["rules"]} == {
        "https://example.org/corpus-tools#rule-catalog"}
    jsonschema.validate(log, SCHEMA)
    assert "\n### Rule catalog\n" in README.read_text(encoding="utf-8")


def test_fingerprints_follow_the_content_not_the_line_number(invoke, repository):
    target = repository / "corpus" / "issue #3 draft" / "café.txt"
    target.write_text(DAMAGED + DAMAGED, encoding="utf-8")
    before, _ = sarif_of(invoke, "../corpus")
    target.write_text("A new first line.\n" + DAMAGED + DAMAGED, encoding="utf-8")
    after, _ = sarif_of(invoke, "../corpus")

    def prints(log):
        return [(r["ruleId"], r["partialFingerprints"]["corpusToolsContentHash/v1"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in log["runs"][0]["results"]]

    assert [p[:2] for p in prints(before)] == [p[:2] for p in prints(after)]
    assert [p[2] + 1 for p in prints(before)] == [p[2] for p in prints(after)]
    mojibake = [p[1] for p in prints(before) if p[0] == "encoding:mojibake"]
    assert [p.rsplit(":", 1)[1] for p in mojibake] == ["1", "2"]  # same damage, two alerts
    assert len({p.rsplit(":", 1)[0] for p in mojibake}) == 1
    github_requirements(after)


def test_max_findings_stops_the_run_with_a_notification(invoke, repository):
    log, code = sarif_of(invoke, "--max-findings", "2", "../corpus")
    (invocation,) = log["runs"][0]["invocations"]
    assert len(log["runs"][0]["results"]) == 2 and code == invocation["exitCode"] == 1
    (notice,) = invocation["toolExecutionNotifications"]
    assert notice["level"] == "warning" and notice["descriptor"]["id"] == "max-findings"
    jsonschema.validate(log, SCHEMA)


def test_the_readme_upload_recipe_caps_the_results():
    recipe = README.read_text(encoding="utf-8").split("### In CI", 1)[1].split("```yaml")[1]
    sarif_line = next(line for line in recipe.splitlines() if "--format sarif" in line)
    assert "--max-findings 25000" in sarif_line


def test_stdin_has_no_uri_and_the_log_stays_valid(invoke, repository):
    log, _ = sarif_of(invoke, input=DAMAGED.encode())
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in log["runs"][0]["results"]]
    assert locations and all(location == {"description": {"text": "standard input"}}
                             for location in locations)
    jsonschema.validate(log, SCHEMA)


@pytest.mark.parametrize(("path", "expected"), [
    ("/repo/a.txt", {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}),
    ("/repo/docs/50% off?.txt", {"uri": "docs/50%25%20off%3F.txt", "uriBaseId": "%SRCROOT%"}),
    ("/repo/docs/caf\udce9.txt", {"uri": "docs/caf%E9.txt", "uriBaseId": "%SRCROOT%"}),
    ("/elsewhere/b c.txt", {"uri": "file:///elsewhere/b%20c.txt"}),
    ("/repository-sibling/x.txt", {"uri": "file:///repository-sibling/x.txt"}),
    ("s3://bucket/key.txt", {"uri": "s3://bucket/key.txt"}),
    ("<stdin>", {"description": {"text": "standard input"}}),
])
def test_artifact_locations(path, expected):
    assert artifact_location(path, "/repo") == expected


def test_source_root_is_the_folder_holding_git(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert source_root(str(tmp_path / "a" / "b")) == str(tmp_path)


def test_the_readme_upload_recipe_gives_a_log_code_scanning_takes(invoke, repository,
                                                                  monkeypatch):
    recipe = README.read_text(encoding="utf-8").split("### In CI", 1)[1].split("```yaml")[1]
    command = next(line for line in recipe.splitlines() if "--format sarif" in line)
    args = command.split("run: corpus-tools ", 1)[1].split(" > ")[0].split()
    assert args[-1] == "corpus/"
    monkeypatch.chdir(repository)  # the recipe runs at the repository's root, as a job does
    result = invoke(args)
    assert result.exit_code == 0  # --fail-on never: the upload step still runs
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    github_requirements(log)
    assert log["runs"][0]["results"]
