"""`rules import` and `rules export` as a linguist meets them: files saved by spreadsheets,
errors at CSV rows, nothing written when the import fails."""

import csv
import io

import pytest

from corpus_tools.rules.loader import load_rules

NAMES = ("kind,canonical,variant,treatment,lang,note\n"
         "name,Zürich,Zurich,replace,en,Swiss spelling – with a dash\n"
         "name,Zürich,Zuerich,replace,,\n")


def _import(invoke, tmp_path, data: bytes, *options):
    (tmp_path / "names.csv").write_bytes(data)
    out = tmp_path / "names.toml"
    return invoke(["rules", "import", *options, str(tmp_path / "names.csv"), "-o", str(out)]), out


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (NAMES.encode("utf-8"), "read as UTF-8, commas"),
        (b"\xef\xbb\xbf" + NAMES.encode("utf-8"), "read as UTF-8 with BOM, commas"),
        (NAMES.encode("cp1252"), "read as Windows-1252"),
        (NAMES.encode("utf-16"), "read as UTF-16, commas"),
        (NAMES.replace(",", ";").encode("cp1252"), "semicolons between the columns"),
        (NAMES.replace(",", "\t").encode("utf-8"), "tabs between the columns"),
        (NAMES.replace("\n", "\r\n").encode("cp1252"), "read as Windows-1252"),
    ],
)
def test_spreadsheets_saved_in_any_encoding_and_separator_come_in(invoke, tmp_path, data, said):
    result, out = _import(invoke, tmp_path, data)
    assert result.exit_code == 0, result.stderr
    assert said in result.stderr
    [rule] = load_rules([out], use_defaults=False).names
    assert (rule.canonical, rule.variants, rule.lang) == ("Zürich", ("Zurich", "Zuerich"), ("en",))
    assert rule.note == "Swiss spelling – with a dash"


def test_bytes_no_encoding_reads_are_one_line_and_write_nothing(invoke, tmp_path):
    result, out = _import(invoke, tmp_path, b"kind,canonical\nname,\x81\x8d\n")
    assert result.exit_code == 2
    assert "neither UTF-8 nor Windows-1252; save it as CSV UTF-8" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_separator_given_that_the_file_does_not_use_is_named(invoke, tmp_path):
    result, out = _import(invoke, tmp_path, NAMES.replace(",", ";").encode(), "--delimiter", ",")
    assert result.exit_code == 2
    assert "missing column(s) kind (read with commas between the columns, but the first row " \
           "holds semicolons: give --delimiter)" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("second_row", "message"),
    [
        ("name,Kiev,Kiew,replace", "row 3, column canonical: 'Kiev' is also a variant of 'Kyiv' "
                                   "at row 2, a chain"),
        ("name,Kyiv,Kyiv,replace", "row 3, column variant: lists the canonical form 'Kyiv' "
                                   "itself"),
    ],
)
def test_what_the_loader_refuses_is_named_at_csv_rows_and_no_file_is_left(
        invoke, tmp_path, second_row, message):
    rows = f"kind,canonical,variant,treatment\nname,Kyiv,Kiev,replace\n{second_row}\n"
    result, out = _import(invoke, tmp_path, rows.encode())
    assert result.exit_code == 2
    assert f"{tmp_path / 'names.csv'}: {message}" in result.stderr
    assert ".toml" not in result.stderr
    assert not out.exists()


def test_export_quotes_a_formula_like_note(invoke, tmp_path):
    source = tmp_path / "a.toml"
    source.write_text('[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nnote = "=1+1"\n')
    exported = invoke(["rules", "export", "--no-default-rules", str(source)]).stdout
    assert next(csv.DictReader(io.StringIO(exported)))["note"] == "'=1+1"
