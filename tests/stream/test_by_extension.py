"""Each file read in the format its name says (issue 30, point 1)."""

import gzip

import pytest

from corpus_tools.stream.by_extension import ByExtension, EveryColumn
from corpus_tools.stream.formats import JsonlFormat, TextFormat, TsvFormat


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("corpus/a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.jsonl.gz", "jsonl"),
        ("a.NDJSON.zst", "jsonl"), ("a.tsv", "tsv"), ("a.tsv.zst", "tsv"),
        ("a.txt", "text"), ("a.tsv.txt", "text"), ("jsonl", "text"), ("-", "text"),
    ],
)
def test_the_format_follows_the_extension(path, kind):
    assert ByExtension().for_path(path).name == kind


def test_field_and_columns_are_given_once_for_every_file():
    choice = ByExtension(field="meta.body", columns=(2,))
    assert choice.for_path("a.jsonl").field == "meta.body"
    assert isinstance(choice.for_path("a.tsv"), TsvFormat) and choice.for_path("a.tsv").columns == [2]
    assert isinstance(choice.for_path("a.txt"), TextFormat)
    assert isinstance(choice.for_path("a.jsonl"), JsonlFormat)
    assert isinstance(ByExtension().for_path("a.tsv"), EveryColumn)


def test_every_column_is_a_unit_and_the_line_rebuilds_byte_for_byte():
    record = EveryColumn().parse("Pashinian\t\tფაშინიანი")
    assert record.labels == ("1", "2", "3") and record.texts == ["Pashinian", "", "ფაშინიანი"]
    assert record.rebuild(record.texts) == "Pashinian\t\tფაშინიანი"
    assert [record.offsets(unit)(0) for unit in range(3)] == [0, 10, 11]


ENGLISH = "The talks covered the reopening of the road and the return of displaced families."
GEORGIAN = "მოლაპარაკებები გზის ხელახლა გახსნას და ოჯახების დაბრუნებას შეეხო."


def test_check_reads_a_mixed_folder_by_extension(invoke, tmp_path):
    (tmp_path / "a.txt").write_text(f"{ENGLISH}\nPashinian visited Erevan.\n", encoding="utf-8")
    (tmp_path / "b.ndjson").write_text('{"text": "Pashinian visited Erevan on Monday."}\n',
                                       encoding="utf-8")
    tsv = f"Pashinian visited Erevan.\t{GEORGIAN}\n{ENGLISH}\t{GEORGIAN}\n"
    (tmp_path / "c.tsv").write_text(tsv, encoding="utf-8")
    (tmp_path / "d.tsv.gz").write_bytes(gzip.compress(tsv.encode()))
    result = invoke(["check", "--isolated", "--select", "name:", str(tmp_path)])
    assert result.exit_code == 1
    found = sorted({line.split(":", 1)[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()})
    assert found == ["a.txt", "b.ndjson", "c.tsv", "d.tsv.gz"]
    assert "8 finding(s)" in result.stderr
    # The Georgian column is a document of its own: the English one keeps its language.
    assert "c.tsv:1:1: error name:Pashinyan: [1:1] 'Pashinian'" in result.stdout


def test_check_reads_a_list_of_files_by_extension_and_names_a_file_that_contradicts_it(
        invoke, tmp_path):
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text('{"text": "Pashinian visited Erevan on Monday."}\n', encoding="utf-8")
    bad.write_text("Pashinian visited Erevan.\n", encoding="utf-8")
    assert invoke(["check", "--isolated", str(good)]).exit_code == 1
    result = invoke(["check", "--isolated", str(good), str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:1: not valid JSON" in result.stderr


def test_an_explicit_format_still_reads_every_file_so(invoke, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text('{"text": "Pashinian visited Erevan on Monday."}\n', encoding="utf-8")
    result = invoke(["check", "--isolated", "--jsonl", str(path)])
    assert "[text:1] 'Pashinian'" in result.stdout
