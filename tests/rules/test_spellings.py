"""Report-only spellings with their own severity and note (issue 30, point 3), file to finding."""

import textwrap

import pytest

from corpus_tools.rules.loader import RuleFileError, load_rules
from corpus_tools.rules.model import Spelling

TBILISI = """
    [[name]]
    canonical = "Tbilisi"
    variants = ["Tbilissi"]
    suggest = ["Tiflis-Stadt", { text = "Tiflis", severity = "info", note = "historical name" }]
"""


def write(tmp_path, text):
    path = tmp_path / "georgia.toml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def test_a_spelling_table_gives_its_severity_and_note_beside_plain_spellings(tmp_path):
    [rule] = load_rules([write(tmp_path, TBILISI)], use_defaults=False).names
    assert rule.suggest == ("Tiflis-Stadt", "Tiflis")
    assert rule.spellings == (Spelling("Tiflis", "info", "historical name"),)
    assert rule.spelling("Tiflis-Stadt") is None


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('{ txt = "Tiflis" }', "unknown field(s) txt in a spelling"),
        ('{ severity = "info" }', "each spelling table needs text"),
        ('{ text = "Tiflis", severity = "minor" }', "severity of 'Tiflis' must be one of"),
        ('{ text = "Tiflis", note = 3 }', "note of 'Tiflis' must be text in quotes"),
    ],
)
def test_a_malformed_spelling_table_names_the_line_and_the_fix(tmp_path, table, expected):
    text = f'[[name]]\ncanonical = "Tbilisi"\nvariants = ["Tbilissi"]\nsuggest = [{table}]\n'
    with pytest.raises(RuleFileError) as caught:
        load_rules([write(tmp_path, text)], use_defaults=False)
    [problem] = caught.value.problems
    assert ":4: suggest: " in problem and expected in problem


def test_an_info_spelling_neither_fails_check_nor_counts_as_an_edit(invoke, tmp_path):
    rules = write(tmp_path, TBILISI)
    text = b"Old Tiflis and new Tbilissi.\n"
    cleaned = invoke(["clean", "--isolated", "--rules", str(rules), "--stats"], input=text)
    assert cleaned.stdout_bytes == b"Old Tiflis and new Tbilisi.\n"
    assert "1 edit(s), 1 suggestion(s), 0 kept, 0 skipped by language" in cleaned.stderr
    fixed = cleaned.stdout_bytes
    checked = invoke(["check", "--isolated", "--rules", str(rules), "--format", "json"], input=fixed)
    assert checked.exit_code == 0, checked.stdout
    assert '"severity": "info"' in checked.stdout and "historical name" in checked.stdout
