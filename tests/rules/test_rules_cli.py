import json

import pytest


def test_default_rules_pass_check_strict_and_their_examples(invoke):
    assert invoke(["rules", "check", "--strict"]).exit_code == 0
    result = invoke(["rules", "test"])
    assert result.exit_code == 0, result.stdout
    assert " 0 failed" in result.stdout


def test_check_broken_file_exits_2_naming_file_and_line(invoke, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[name]]\ncanonical = "A"\nvarients = ["B"]\n', encoding="utf-8")
    result = invoke(["rules", "check", "--no-default-rules", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3: varients: unknown field" in result.stderr


def test_check_strict_makes_missing_examples_errors(invoke, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[[name]]\ncanonical = "A"\nvariants = ["B"]\n', encoding="utf-8")
    assert invoke(["rules", "check", str(path)]).exit_code == 0
    result = invoke(["rules", "check", "--strict", str(path)])
    assert result.exit_code == 2
    assert "has no examples" in result.stderr


def test_rules_test_prints_failures_and_exits_1(invoke, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[name]]\ncanonical = "Lachin"\nvariants = ["Latchine"]\n'
        'examples = [{ text = "Latchine", expect = "Lachine" }]\n', encoding="utf-8")
    result = invoke(["rules", "test", "--no-default-rules", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4: name:Lachin: example failed" in result.stdout
    assert "expected: 'Lachine'" in result.stdout and "got:      'Lachin'" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_list(invoke, fmt):
    result = invoke(["rules", "list", "--format", fmt])
    assert result.exit_code == 0
    if fmt == "json":
        rules = json.loads(result.stdout)
        lachin = next(rule for rule in rules if rule["id"] == "name:Lachin")
        assert lachin["lang"] == ["en"] and lachin["file"].endswith("names.toml")
    else:
        assert "name:Lachin" in result.stdout and "artifact:stray-marker" in result.stdout


def test_fixture_comes_out_with_every_name_unified_and_marker_cut(invoke, fixtures_dir):
    out = invoke(["clean", "--lang", "en", str(fixtures_dir / "news-sample.txt")]).stdout
    for gone in ["Latchine", "Pashinian", "Nagorno Karabakh", "Pskov", "Fizouli", "Shushi",
                 "Shakharamanian", "Aliev ", "TO DO", "[TODO]"]:
        assert gone not in out
    for kept in ["Le ministre", "Переговоры"]:
        assert kept in out


def test_french_line_keeps_its_spelling(invoke):
    result = invoke(["unify-names", "--lang", "fr"], input=b"la route de Latchine\n")
    assert result.stdout == "la route de Latchine\n"
