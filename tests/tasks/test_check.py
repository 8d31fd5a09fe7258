"""``corpus-tools check``: formats, exit codes, selection, configuration, baseline, consistency."""

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SCHEMA = Path(__file__).resolve().parents[1] / "report" / "data" / "sarif" / \
    "sarif-schema-2.1.0.json"
DAMAGED = "The cafÃ©  is open.\nThe the Latchine road is open.\n".encode()
CLEAN = "The café is open.\nThe road is open.\n".encode()


@pytest.fixture(autouse=True)
def no_config_upward(tmp_path, monkeypatch):
    """Run from an empty folder, so no configuration file of this repository is found."""
    monkeypatch.chdir(tmp_path)


def check(invoke, *args, data=DAMAGED):
    return invoke(["check", *args], input=data)


def test_text_format_and_summary(invoke):
    result = check(invoke)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "<stdin>:1:8: error encoding:mojibake: 'Ã©' → 'é'",
        "<stdin>:1:10: info space:collapse: '  ' → ' '",
        "<stdin>:2:1: warning repeated-word: 'The the': the word 'The' twice in a row",
        "<stdin>:2:9: error name:Lachin: 'Latchine' → 'Lachin'",
    ]
    assert result.stderr == ("corpus-tools: 4 finding(s) (2 error, 1 warning, 1 info) in 1 file(s),"
                             " 2 line(s)\n")


def test_a_finding_of_a_detector_inside_a_steps_word_is_not_repeated(invoke):
    # fix-encoding reports the word ftfy left 'â€' in; the detector, reading the
    # cleaned line, finds 'â€' itself: one finding.
    damaged = "Tytuł: pre‐war.".encode().decode("cp1252", errors="ignore")
    lines = [json.loads(line) for line in check(
        invoke, "--format", "json", "--select", "encoding:unrepaired",
        data=(damaged + "\n").encode()).stdout.splitlines()]
    assert [line["before"] for line in lines] == ["preâ€war."]


def test_words_left_short_of_a_byte_are_each_reported_once(invoke):
    # Russian 'с' lost its second byte in cp1252: ftfy decodes the rest of the line.
    damaged = "Сан-Франциско рассматривает возможность".encode().decode("cp1252", "ignore")
    lines = [json.loads(line) for line in check(
        invoke, "--format", "json", "--select", "encoding:unrepaired",
        data=(damaged + "\n").encode()).stdout.splitlines()]
    words = damaged.split(" ")
    assert words[0] == "Ð¡Ð°Ð½-Ð¤Ñ€Ð°Ð½Ñ†Ð¸ÑÐºÐ¾"
    # each word as it came, where it came; not also the whole line ftfy changed, where
    # the detector alone would place it
    assert [(line["column"], line["before"]) for line in lines] == [
        (damaged.index(word) + 1, word) for word in words]


def test_json_format_parses(invoke):
    lines = [json.loads(line) for line in check(invoke, "--format", "json").stdout.splitlines()]
    assert lines[0] == {"file": "<stdin>", "line": 1, "column": 8, "end_column": 10, "field": None,
                        "kind": "fix", "rule": "encoding:mojibake", "severity": "error",
                        "before": "Ã©", "fix": "é"}
    assert "fix" not in lines[2] and lines[2]["kind"] == "finding"
    assert lines[2]["message"] == "the word 'The' twice in a row"


def test_github_format(invoke):
    out = check(invoke, "--format", "github").stdout.splitlines()
    assert out[0] == ("::error file=<stdin>,line=1,col=8,endColumn=10,"
                      "title=encoding%3Amojibake::'Ã©' → 'é'")
    assert out[1].startswith("::notice file=<stdin>,line=1,col=10")
    assert out[2].startswith("::warning ")


def _sarif_subset(log):
    """The parts of SARIF 2.1.0 code scanning reads, checked without the schema."""
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "corpus-tools"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endColumn"] >= region["startColumn"]
    for rule in rules:
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["fullDescription"]["text"]


def test_sarif_format_subset(invoke):
    log = json.loads(check(invoke, "--format", "sarif").stdout)
    _sarif_subset(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == [
        "encoding:mojibake", "space:collapse", "repeated-word", "name:Lachin"]


def test_sarif_format_is_valid_against_the_schema(invoke):
    import jsonschema
    schema = json.loads(SCHEMA.read_text())
    log = json.loads(check(invoke, "--format", "sarif").stdout)
    jsonschema.validate(log, schema)


@pytest.mark.parametrize(
    ("fail_on", "data", "code"),
    [
        ("warning", DAMAGED, 1), ("error", DAMAGED, 1), ("never", DAMAGED, 0),
        ("warning", b"The the road.\n", 1), ("error", b"The the road.\n", 0),
        ("warning", b"A road.  \n", 0), ("info", b"A road.  \n", 1),
        ("info", CLEAN, 0),
    ],
)
def test_exit_codes_follow_fail_on(invoke, fail_on, data, code):
    assert check(invoke, "--fail-on", fail_on, data=data).exit_code == code


@pytest.mark.parametrize(
    ("args", "rules"),
    [
        (["--select", "name:"], ["name:Lachin"]),
        (["--select", "name,encoding:mojibake"], ["encoding:mojibake", "name:Lachin"]),
        (["--ignore", "space:,repeated-word"], ["encoding:mojibake", "name:Lachin"]),
        (["--max-findings", "2"], ["encoding:mojibake", "space:collapse"]),
    ],
)
def test_select_ignore_and_max_findings(invoke, args, rules):
    result = check(invoke, "--format", "json", *args)
    assert [json.loads(line)["rule"] for line in result.stdout.splitlines()] == rules
    if "--max-findings" in args:
        assert "stopped early at --max-findings" in result.stderr


def test_statistics_prints_counts_only(invoke):
    result = check(invoke, "--statistics")
    assert "       1  error    encoding:mojibake" in result.stdout.splitlines()
    assert "<stdin>:1" not in result.stdout


def test_folders_are_walked_for_the_globs(invoke, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_bytes(b"the the\n")
    (tmp_path / "a" / "y.md").write_bytes(b"the the\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "z.txt").write_bytes(b"the the\n")
    result = invoke(["check", str(tmp_path)])
    assert result.stdout.startswith(f"{tmp_path / 'a' / 'x.txt'}:1:1: warning repeated-word:")
    assert "in 1 file(s)" in result.stderr
    assert "in 2 file(s)" in invoke(["check", "--glob", "*.md", "--glob", "*.txt",
                                     str(tmp_path)]).stderr


def test_configuration_file_and_command_line_precedence(invoke, tmp_path):
    (tmp_path / "corpus-tools.toml").write_text(
        'select = ["name:"]\nfail-on = "never"\n[per-path-ignores]\n"legacy/*" = ["name:"]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_bytes(DAMAGED)
    (tmp_path / "new.txt").write_bytes(DAMAGED)
    result = invoke(["check", "legacy", "new.txt"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["new.txt:2:9: error name:Lachin: 'Latchine' → 'Lachin'"]
    assert invoke(["check", "--fail-on", "error", "new.txt"]).exit_code == 1
    assert invoke(["check", "--isolated", "new.txt"]).stdout.count("\n") == 4


def test_pyproject_table_is_found_from_a_subfolder(invoke, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.corpus-tools]\nignore = ["space:"]\n')
    (tmp_path / "sub").mkdir()
    os.chdir(tmp_path / "sub")
    assert "space:collapse" not in invoke(["check"], input=DAMAGED).stdout


def test_unknown_configuration_keys_are_errors_with_a_did_you_mean(invoke, tmp_path):
    (tmp_path / "corpus-tools.toml").write_text('fail_on = "error"\n')
    result = check(invoke)
    assert result.exit_code == 2
    assert "unknown key 'fail_on' in the file; did you mean 'fail-on'?" in result.stderr


def _write_baseline(invoke, tmp_path, data: bytes, findings: int):
    """A corpus file holding ``data`` and the baseline of its findings."""
    corpus = tmp_path / "c.txt"
    corpus.write_bytes(data)
    baseline = tmp_path / "baseline.json"
    written = invoke(["check", "--write-baseline", str(baseline), str(corpus)])
    assert written.exit_code == 0 and f"recorded {findings} finding(s)" in written.stderr
    return corpus, baseline


def test_baseline_accepts_known_findings_by_content(invoke, tmp_path):
    corpus, baseline = _write_baseline(invoke, tmp_path, DAMAGED, 4)
    # Lines added above: the same findings on other line numbers are still accepted.
    corpus.write_bytes(b"A new first line.\n" + DAMAGED)
    accepted = invoke(["check", "--baseline", str(baseline), str(corpus)])
    assert accepted.exit_code == 0 and accepted.stdout == ""
    assert "4 accepted by the baseline; 0 baseline entr(ies) no longer match" in accepted.stderr
    # A new finding fails; a fixed one leaves a stale entry.
    corpus.write_bytes(DAMAGED.replace("cafÃ©  is".encode(), "café is".encode()) + b"a a\n")
    result = invoke(["check", "--baseline", str(baseline), str(corpus)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{corpus}:3:1: warning repeated-word: 'a a': the word "
                                          f"'a' twice in a row"]
    assert "2 accepted by the baseline; 2 baseline entr(ies) no longer match" in result.stderr


def test_explain(invoke):
    result = invoke(["check", "--explain", "unbalanced-quotes"])
    assert result.exit_code == 0
    assert result.stdout.startswith("unbalanced-quotes: severity warning")  # said once


def test_check_never_changes_a_file(invoke, tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_bytes(DAMAGED)
    invoke(["check", str(corpus)])
    assert corpus.read_bytes() == DAMAGED


def test_unreadable_input_is_exit_2(invoke, tmp_path):
    assert invoke(["check", str(tmp_path / "missing.txt")]).exit_code == 2
    assert invoke(["check", "--jsonl"], input=b"not json\n").exit_code == 2


def _apply(line: str, findings: list[dict]) -> str:
    out, last = [], 0
    for finding in sorted((f for f in findings if f["kind"] == "fix"), key=lambda f: f["column"]):
        assert line[finding["column"] - 1: finding["end_column"] - 1] == finding["before"]
        out += [line[last: finding["column"] - 1], finding["fix"]]
        last = finding["end_column"] - 1
    return "".join([*out, line[last:]])


def _consistent(invoke, data: bytes, args=()):
    cleaned = invoke(["clean", *args], input=data).stdout.split("\n")
    found = [json.loads(line) for line in
             invoke(["check", "--format", "json", *args], input=data).stdout.splitlines()]
    for number, (before, after) in enumerate(zip(data.decode().split("\n"), cleaned,
                                                 strict=True), 1):
        on_line = [f for f in found if f["line"] == number]
        assert _apply(before, on_line) == after, number


@pytest.mark.parametrize("name", ["news-sample.txt", "mixed-scripts.txt", "mojibake.txt"])
def test_fix_findings_give_what_clean_writes_on_every_fixture(invoke, fixtures_dir, name):
    _consistent(invoke, (fixtures_dir / name).read_bytes())


def test_fix_findings_give_what_clean_writes_on_the_mojibake_golden_cases(invoke):
    cases = Path(__file__).resolve().parents[1] / "cases" / "mojibake"
    lines = [case["original"] for name in ("repaired.json", "negative.json", "known-failures.json")
             for case in json.loads((cases / name).read_text(encoding="utf-8"))]
    data = ("\n".join(lines) + "\n").encode()
    _consistent(invoke, data)
    found = [json.loads(line) for line in
             invoke(["check", "--format", "json", "--select", "encoding"], input=data).stdout.splitlines()]
    assert {f["rule"] for f in found} >= {"encoding:span-repair", "encoding:unrepaired"}
    # One record per span: the step's finding and the detector's are the same record.
    spans = [(f["line"], f["column"], f["rule"]) for f in found]
    assert len(spans) == len(set(spans))


_DAMAGE = st.sampled_from(["The ", "cafÃ©", "  ", "Latchine", "Аzerbaijan", " road. TO DO.",
                           "\u00a0", "x", "\u200b", "&amp;", "“", "Baku\u055bs", "end  ", "é"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_DAMAGE, max_size=8).map("".join), min_size=1, max_size=4))
def test_fix_findings_are_consistent_on_generated_damage(invoke, lines):
    _consistent(invoke, ("\n".join(lines) + "\n").encode(), ["--lang", "en"])


def test_the_readme_ci_commands(invoke, fixtures_dir, tmp_path):
    """What the README's CI section runs: the damaged sample fails, its cleaned form passes."""
    damaged = fixtures_dir / "news-sample.txt"
    assert invoke(["check", "--format", "github", str(damaged)]).exit_code == 1
    cleaned = tmp_path / "clean.txt"
    invoke(["clean", str(damaged), "-o", str(cleaned)])
    result = invoke(["check", "--fail-on", "error", str(cleaned)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("args", [[], ["--format", "json"], ["--format", "sarif"],
                                  ["--statistics"], ["--max-findings", "7"],
                                  ["--select", "encoding,name:"]])
def test_jobs_give_the_findings_of_one_process(invoke, fixtures_dir, args):
    data = b"".join((fixtures_dir / name).read_bytes()
                    for name in ("news-sample.txt", "mixed-scripts.txt", "mojibake.txt")) * 30
    one = invoke(["check", *args], input=data)
    two = invoke(["check", "-j", "2", *args], input=data)
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.stdout or one.stderr


def test_jobs_on_jsonl_and_a_bad_record(invoke):
    data = b'{"text": "The caf\\u00c3\\u00a9  is open"}\n' * 300 + b"not json\n"
    one = invoke(["check", "--jsonl", "--format", "json"], input=data)
    two = invoke(["check", "--jsonl", "--format", "json", "-j", "2"], input=data)
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.exit_code == 2 and "<stdin>:301" in one.stderr


def test_jobs_with_small_chunks_in_the_library(fixtures_dir, tmp_path):
    from corpus_tools.detectors import DETECTORS
    from corpus_tools.pipeline import CleanConfig, Pipeline
    from corpus_tools.stream.formats import TextFormat
    from corpus_tools.tasks.check import Checker, CheckOptions

    source = tmp_path / "in.txt"
    source.write_bytes(b"".join((fixtures_dir / name).read_bytes()
                                for name in ("news-sample.txt", "mixed-scripts.txt",
                                             "mojibake.txt")))
    pipeline = Pipeline(config=CleanConfig(languages=("en", "fr", "hy", "ru")))
    detectors = [cls() for cls in DETECTORS.values()]

    def findings(jobs):
        options = CheckOptions(TextFormat(), jobs=jobs, chunk_bytes=120)
        checker = Checker(pipeline, detectors, options)
        return [(f.line, f.column, f.rule, f.fix, text) for f, text in
                checker.run([str(source)])], checker.summary.lines

    one = findings(1)
    assert findings(2) == one and len(one[0]) > 20


# --- records in their own coordinates (issue 27) ---------------------------------------------

def _escaped_span(line: str, finding: dict) -> str:
    """The finding's span in the line, decoded as the inside of a JSON string."""
    return json.loads('"' + line[finding["column"] - 1: finding["end_column"] - 1] + '"')


def test_jsonl_findings_name_the_field_and_its_characters(invoke):
    line = '{"text": "The caf\\u00c3\\u00a9 in Latchine is open."}'
    result = check(invoke, "--jsonl", "--lang", "en", "--format", "json", "--select",
                   "encoding,name:", data=(line + "\n").encode())
    mojibake, name = [json.loads(found) for found in result.stdout.splitlines()]
    assert (mojibake["field"], mojibake["field_column"], mojibake["field_end_column"]) == \
        ("text", 8, 10)
    assert (mojibake["before"], mojibake["fix"]) == ("Ã©", "é")
    assert (mojibake["column"], mojibake["end_column"]) == (18, 30)
    assert _escaped_span(line, mojibake) == "Ã©"
    assert (name["before"], name["field_column"], _escaped_span(line, name)) == \
        ("Latchine", 14, "Latchine")
    text = check(invoke, "--jsonl", "--select", "encoding", data=(line + "\n").encode()).stdout
    assert text == "<stdin>:1:18: error encoding:mojibake: [text:8] 'Ã©' → 'é'\n"
    clean = invoke(["clean", "--jsonl", "--check"], input=(line + "\n").encode())
    assert text.rstrip("\n") in clean.stderr.splitlines()


@pytest.mark.parametrize("line", [
    '{"text": "caf\\u00e9 na\\u00efve \\ud83d\\ude00 \\"quoted\\" \\\\ path"}',
    '{"text": "café naïve 😀 \\"quoted\\" \\\\ path"}',
])
def test_a_correct_escape_is_never_a_finding(invoke, line):
    result = check(invoke, "--jsonl", "--format", "json", data=(line + "\n").encode())
    assert (result.exit_code, result.stdout) == (0, "")


def test_tsv_cells_with_quotes_are_checked_in_the_cell(invoke):
    line = 'id7\t"The cafÃ©  is" open\t"x"'
    found = [json.loads(f) for f in check(invoke, "--tsv", "--column", "2", "--format", "json",
                                          data=(line + "\n").encode()).stdout.splitlines()]
    assert [(f["rule"], f["field"], f["field_column"], f["column"], f["before"], f["fix"])
            for f in found] == [("encoding:mojibake", "2", 9, 13, "Ã©", "é"),
                                ("space:collapse", "2", 11, 15, "  ", " ")]
    for f in found:
        assert line[f["column"] - 1: f["end_column"] - 1] == f["before"]


_FIELD_PIECES = st.sampled_from([
    "The ", "cafÃ©", "Ã©", "  ", "Latchine", "Аzerbaijan", "&amp;", "\u00a0", "😀", "é", '"',
    "\\", "/", "x", "\u0092", "\t", "TO DO", "the the", "“", "\u200b", "Ð¡Ð°Ð½", "end  "])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.lists(_FIELD_PIECES, max_size=8).map("".join), st.booleans()),
                min_size=1, max_size=4))
def test_jsonl_fix_findings_applied_to_the_record_give_what_clean_writes(invoke, records):
    """For every record (escaped or not, surrogate pairs, ensure_ascii both ways), check's
    fix findings applied to the field's text give clean's field; every finding's span in
    the line decodes to its span in the field, and a fix's to its characters."""
    lines = [json.dumps({"id": number, "text": text}, ensure_ascii=ascii_only)
             for number, (text, ascii_only) in enumerate(records)]
    data = ("\n".join(lines) + "\n").encode()
    args = ["--jsonl", "--lang", "en"]
    cleaned = invoke(["clean", *args], input=data).stdout.splitlines()
    found = [json.loads(f) for f in
             invoke(["check", "--format", "json", *args], input=data).stdout.splitlines()]
    for number, (line, after) in enumerate(zip(lines, cleaned, strict=True), 1):
        on_line = [f for f in found if f["line"] == number]
        text = json.loads(line)["text"]
        out, last = [], 0
        for f in sorted((f for f in on_line if f["kind"] == "fix"), key=lambda f: f["column"]):
            assert text[f["field_column"] - 1: f["field_end_column"] - 1] == f["before"]
            out += [text[last: f["field_column"] - 1], f["fix"]]
            last = f["field_end_column"] - 1
        assert "".join([*out, text[last:]]) == json.loads(after)["text"], line
        for f in on_line:  # the span in the line and the span in the field are one span
            assert f["field"] == "text"
            assert _escaped_span(line, f) == text[f["field_column"] - 1: f["field_end_column"] - 1]
            if f["kind"] == "fix":
                assert _escaped_span(line, f) == f["before"]


# --- bytes that are not UTF-8 (issue 27) -----------------------------------------------------

INVALID = b"The caf\xe9 is open.\nThe cafe\xcc the the.\n"


def _strict_json(data: bytes):
    """Parse as JSON the way a strict parser does: UTF-8 only, no lone surrogate escapes."""
    def no_surrogates(value):
        if isinstance(value, str):
            assert not any("\ud800" <= c <= "\udfff" for c in value), value
        elif isinstance(value, dict):
            for key, item in value.items():
                no_surrogates(key)
                no_surrogates(item)
        elif isinstance(value, list):
            for item in value:
                no_surrogates(item)
        return value
    return no_surrogates(json.loads(data.decode("utf-8")))


@pytest.mark.parametrize("args", [[], ["--jsonl"]])
def test_every_output_format_is_valid_utf8_with_bytes_shown_escaped(invoke, tmp_path, args):
    data = INVALID if not args else b'{"text": "The caf\xe9 is the the."}\n'
    source = tmp_path / ("in.jsonl" if args else "in.txt")
    source.write_bytes(data)
    outputs = {name: invoke(["check", *args, "--format", name, str(source)])
               for name in ("text", "json", "github", "sarif")}
    for name, result in outputs.items():
        assert result.exit_code == 1, (name, result.stderr)
        text = result.stdout_bytes.decode("utf-8")  # strict
        assert "\\xe9" in text, name
    findings = [_strict_json(line) for line in outputs["json"].stdout_bytes.splitlines()]
    assert {"rule": "invalid-utf8", "before": "\\xe9"}.items() <= findings[0].items()
    _strict_json(outputs["sarif"].stdout_bytes)
    report = tmp_path / "report.jsonl"
    invoke(["clean", *args, str(source), "--report", str(report), "-o", str(tmp_path / "out")])
    for line in report.read_bytes().splitlines():
        _strict_json(line)


def test_a_baseline_takes_a_file_with_an_invalid_byte(invoke, tmp_path):
    source, baseline = _write_baseline(invoke, tmp_path, INVALID, 3)
    entries = _strict_json(baseline.read_bytes())["findings"]
    assert {(entry["rule"], entry["text"]) for entry in entries} >= {
        ("invalid-utf8", "\\xe9"), ("invalid-utf8", "\\xcc")}
    accepted = invoke(["check", "--baseline", str(baseline), str(source)])
    assert (accepted.exit_code, accepted.stdout) == (0, "")
    assert "0 baseline entr(ies) no longer match" in accepted.stderr


@pytest.mark.parametrize("line", [
    '{"text": "Tom &quot;and&quot; Jerry in the caf\\u00c3\\u00a9", "id": 1}',
    '{"text": "Tom &quot;and&quot; Jerry in the cafÃ©  \\ud83d\\ude00 Latchine"}',
])
def test_sarif_fixes_applied_to_a_jsonl_line_give_what_clean_writes(invoke, line):
    data = (line + "\n").encode()
    log = json.loads(check(invoke, "--jsonl", "--lang", "en", "--format", "sarif",
                           data=data).stdout)
    replacements = sorted(
        (replacement for result in log["runs"][0]["results"] for fix in result.get("fixes", ())
         for change in fix["artifactChanges"] for replacement in change["replacements"]),
        key=lambda r: r["deletedRegion"]["startColumn"], reverse=True)
    assert replacements
    fixed = line
    for replacement in replacements:
        region = replacement["deletedRegion"]
        fixed = (fixed[: region["startColumn"] - 1] + replacement["insertedContent"]["text"]
                 + fixed[region["endColumn"] - 1:])
    cleaned = invoke(["clean", "--jsonl", "--lang", "en"], input=data).stdout
    assert json.loads(fixed) == json.loads(cleaned)
