"""Change records ready for CI: kind, severity from the catalog, spans in input coordinates."""

import json

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.catalog import CATALOG, SEVERITIES, entry_of, severity_of
from corpus_tools.changes import Change
from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.strip_artifacts import StripArtifacts
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.rules.loader import load_rules
from corpus_tools.rules.model import ArtifactRule, Source

PIPELINE = Pipeline(config=CleanConfig(lang="en"))


def records(invoke, args, data):
    result = invoke(["clean", "--lang", "en", "--report", "-", "--check", *args], input=data)
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("args", "line", "expected"),
    [
        # plain text: the double space at input column 10, after the 2-character mojibake
        ([], "The cafÃ©  is open.", [("encoding:mojibake", 8, 10, "Ã©"),
                                     ("space:collapse", 10, 12, "  ")]),
        # JSONL: columns count in the line, escapes and all
        (["--jsonl"], '{"id": 1, "text": "caf\\u00c3\\u00a9  is"}',
         [("encoding:mojibake", 23, 35, "Ã©"), ("space:collapse", 35, 37, "  ")]),
        # TSV: the column's offset in the line is added
        (["--tsv", "--column", "2"], "id7\tThe cafÃ©  is open.",
         [("encoding:mojibake", 12, 14, "Ã©"), ("space:collapse", 14, 16, "  ")]),
        # a later step's change after an earlier step shortened the line
        ([], "cafÃ© in Latchine", [("encoding:mojibake", 4, 6, "Ã©"), ("name:Lachin", 10, 18,
                                                                         "Latchine")]),
    ],
)
def test_spans_are_in_input_coordinates(invoke, args, line, expected):
    found = records(invoke, args, line.encode() + b"\n")
    assert [(r["rule"], r["column"], r["end_column"], r["before"]) for r in found] == expected
    for record in found:
        if "--jsonl" not in args:
            assert line[record["column"] - 1: record["end_column"] - 1] == record["before"]
    assert {r["field"] for r in found} == {"text" if "--jsonl" in args else "2" if "--tsv" in args
                                            else None}


def test_sequential_artifact_rules_report_in_the_steps_input_coordinates():
    def rule(name, pattern):
        return ArtifactRule(name, pattern, Source("t.toml", 1), replace="",
                            compiled=regex.compile(pattern))

    step = StripArtifacts([rule("a", "XX"), rule("b", "YY")])
    text, changes = step.apply("aXXbYYc", UnitContext())
    assert text == "abc"
    assert [(c.rule, c.column, c.end) for c in changes] == [("artifact:a", 2, 4), ("artifact:b", 5, 7)]


# Pieces that different steps act on, so their edits interleave.
_PIECES = st.sampled_from(["The ", "cafÃ©", "  ", " ", "Latchine", "Аzerbaijan", "road. TO DO.",
                           "\u00a0", "x", "\u200b", "&amp;", "end  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_every_span_lies_in_the_input_and_fixes_rebuild_the_output(text):
    result = PIPELINE.clean(text)
    for change in result.changes:
        assert 1 <= change.column <= change.end <= len(text) + 1
        assert change.kind in ("fix", "suggestion", "finding")
        assert (change.fix is None) == (change.kind == "finding")
    # Each step's records describe its own edit: a lone step's fixes rebuild its output.
    for name in PIPELINE.step_names:
        single = Pipeline([name], PIPELINE.config).clean(text)
        rebuilt, last = [], 0
        for change in sorted((c for c in single.changes if c.applied), key=lambda c: c.column):
            rebuilt += [text[last: change.column - 1], change.fix]
            assert text[change.column - 1: change.end - 1] == change.before
            last = change.end - 1
        assert "".join([*rebuilt, text[last:]]) == single.text


def test_a_finding_has_no_fix_and_a_fix_has_one():
    with pytest.raises(ValueError):
        Change("script:mixed-token", 1, "x", "x", kind="finding")
    with pytest.raises(ValueError):
        Change("space:trailing", 1, " ", None)


@pytest.mark.parametrize("rule_id", sorted(CATALOG))
def test_every_catalog_entry_has_a_severity_and_an_explanation(rule_id):
    entry = CATALOG[rule_id]
    assert entry.severity in SEVERITIES
    assert len(entry.explanation) > 40


def test_every_rule_id_the_steps_emit_is_in_the_catalog(fixtures_dir):
    pipeline = Pipeline([*PIPELINE.step_names], CleanConfig(lang="en"))
    seen = set()
    for path in fixtures_dir.glob("*.txt"):
        for line in path.read_text().splitlines():
            seen.update(change.rule for change in pipeline.clean(line).changes)
    assert {"encoding:mojibake", "script:confusable", "name:Lachin"} <= seen
    for rule in seen:
        assert entry_of(rule).severity == severity_of(rule)


def test_a_rule_file_may_set_severity_and_message(tmp_path):
    rules = tmp_path / "names.toml"
    rules.write_text('[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nseverity = "warning"\n'
                     'message = "the Ukrainian spelling"\nfix = "suggest"\n'
                     'examples = [{ text = "Kiev" }]\n')
    pipeline = Pipeline(["unify-names"], CleanConfig(rule_set=load_rules([rules], use_defaults=False)))
    (change,) = pipeline.clean("in Kiev").changes
    assert (change.kind, change.severity, change.message) == ("suggestion", "warning",
                                                              "the Ukrainian spelling")


def test_check_fails_on_error_findings_but_not_on_warnings(invoke, tmp_path):
    rules = tmp_path / "names.toml"
    rules.write_text('[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nseverity = "warning"\n'
                     'fix = "suggest"\nexamples = [{ text = "Kiev" }]\n')
    warned = invoke(["unify-names", "--check", "--rules", str(rules)], input=b"in Kiev\n")
    assert warned.exit_code == 0 and "warning name:Kyiv: 'Kiev' → 'Kyiv'? (suggested, not applied)" in warned.stderr
    failed = invoke(["fix-scripts", "--check"], input="the Lachinы road\n".encode())
    assert failed.exit_code == 1


def test_rules_explain(invoke):
    result = invoke(["rules", "explain", "artifact:stray-marker"])
    assert result.exit_code == 0
    assert result.stdout.startswith("artifact:stray-marker (artifact:*): severity error")
    own_entry = invoke(["rules", "explain", "script:mixed-token"]).stdout
    assert own_entry.startswith("script:mixed-token: severity error")  # its id said once
    assert invoke(["rules", "explain", "nope:x"]).exit_code == 2
    listing = invoke(["rules", "explain"]).stdout
    assert all(rule_id in listing for rule_id in CATALOG)
