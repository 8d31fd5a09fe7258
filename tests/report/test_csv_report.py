"""``--report changes.csv``: a spreadsheet's rows, safe to open in one (issue 30)."""

import csv
import io
import json

import pytest

from corpus_tools.report.csv_report import COLUMNS

KYIV = '[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev", "Kiew"]\nlang = ["en"]\n'


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(KYIV, encoding="utf-8")
    return str(path)


def _rows(path):
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames) == COLUMNS
    return list(reader)


def test_a_csv_report_has_a_row_for_each_change(invoke, tmp_path, rules):
    corpus = tmp_path / "news.txt"
    corpus.write_text("Talks in Kiev resumed.\n=SUM(A1) in Kiev\n", encoding="utf-8")
    report = tmp_path / "changes.csv"
    result = invoke(["clean", "-o", str(tmp_path / "out.txt"), "--report", str(report),
                     "--rules", rules, "--lang", "en", str(corpus)])
    assert result.exit_code == 0, result.output
    rows = _rows(report)
    kiev = [row for row in rows if row["rule"] == "name:Kyiv"]
    assert [(row["line"], row["column"], row["before"], row["after"]) for row in kiev] == [
        ("1", "10", "Kiev", "Kyiv"), ("2", "13", "Kiev", "Kyiv")]
    assert kiev[0]["file"] == str(corpus) and kiev[0]["sentence"] == "Talks in Kiev resumed."
    # A cell a spreadsheet would evaluate is written as text.
    assert kiev[1]["sentence"] == "'=SUM(A1) in Kiev"


def test_a_skipped_variant_gives_the_decided_language(invoke, tmp_path, rules):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"text": "Die Gespräche in Kiew wurden fortgesetzt."}) + "\n",
                      encoding="utf-8")
    report = tmp_path / "changes.csv"
    invoke(["clean", "--jsonl", "-o", str(tmp_path / "out.jsonl"), "--rules", rules,
            "--lang", "de", "--report", str(report), str(corpus)])
    skipped = [row for row in _rows(report) if row["rule"] == "lang:skipped"]
    assert [(row["language"], row["before"], row["sentence"]) for row in skipped] == [
        ("de", "Kiew", "Die Gespräche in Kiew wurden fortgesetzt.")]


@pytest.mark.parametrize("name", ["changes.jsonl", "changes.json", "changes.txt"])
def test_other_report_names_get_json_lines(invoke, tmp_path, rules, name):
    report = tmp_path / name
    invoke(["clean", "-o", str(tmp_path / "out.txt"), "--report", str(report), "--rules", rules,
            "--lang", "en"],
           input=b"Talks in Kiev resumed.\n")
    records = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [(r["rule"], r["before"]) for r in records if r["rule"] == "name:Kyiv"] == [
        ("name:Kyiv", "Kiev")]
