"""The unit of work is pure: a file cleaned whole or in chunks gives the same bytes."""

import itertools
from contextlib import ExitStack

import pytest

from corpus_tools.engine.work import clean_lines, document_facts, take_head, with_paragraphs
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.stream.formats import JsonlFormat, TextFormat, TsvFormat
from corpus_tools.stream.records import read_records

TEXT = (
    "The talks covered the reopening of the Latchine road and the return of families.\n"
    "It's the 'old' road, officials said.  \n"
    "Baku\u055bs view was clear: TO DO.\n"
    "\n"
    "Le corridor de Latchine est fermé depuis des mois, selon les autorités locales.\n"
    "The cafÃ©  reopened.\n"
    "\n"
    "Latchine.\n"
    "Officials in Pashinian's office said nothing more about the convoy.\n"
)


def _clean(pipeline, path, record_format, cut=None):
    """Clean ``path`` whole, or in chunks cut before each line number in ``cut``."""
    with ExitStack() as stack:
        lines = list(read_records(str(path), record_format, stack))
    head, _ = take_head(iter(lines))
    facts = document_facts(pipeline, head, record_format)
    bounds = [0, *(cut or []), len(lines)]
    out = b""
    for start, end in itertools.pairwise(bounds):
        chunk = with_paragraphs(pipeline, lines[start:end], record_format)
        out += b"".join(r.raw_out for r in clean_lines(pipeline, chunk, facts, "x", record_format))
    return out


@pytest.mark.parametrize(
    "config",
    [CleanConfig(lang="en"), CleanConfig(lang_unit="line", languages=("en", "fr")),
     CleanConfig(lang_unit="document", languages=("en", "fr"))],
    ids=["lang-en", "line-units", "document-units"],
)
def test_any_cut_at_a_line_boundary_gives_the_same_bytes(tmp_path, config):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    pipeline = Pipeline(config=config)
    whole = _clean(pipeline, path, TextFormat())
    assert whole != path.read_bytes()
    for cut in range(1, TEXT.count("\n")):
        assert _clean(pipeline, path, TextFormat(), [cut]) == whole, cut
    assert _clean(pipeline, path, TextFormat(), list(range(1, 9))) == whole


def test_with_paragraph_units_a_cut_at_a_blank_line_gives_the_same_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    pipeline = Pipeline(config=CleanConfig(languages=("en", "fr")))
    whole = _clean(pipeline, path, TextFormat())
    assert b"Lachin road" in whole and b"corridor de Latchine" in whole
    assert _clean(pipeline, path, TextFormat(), [4]) == whole
    assert _clean(pipeline, path, TextFormat(), [4, 7]) == whole


def test_the_runner_writes_what_the_unit_of_work_gives(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    pipeline = Pipeline(config=CleanConfig(languages=("en", "fr")))
    result = invoke(["clean", "--languages", "en,fr", str(path)])
    assert result.stdout_bytes == _clean(pipeline, path, TextFormat())


@pytest.mark.parametrize(
    ("record_format", "data"),
    [(JsonlFormat("text"), '{"text": "the \'old\' road"}\n{"text": "Baku\u055bs view"}\n'),
     (TsvFormat([2]), "1\tthe 'old' road\n2\tBaku\u055bs view\n")],
)
def test_jsonl_and_tsv_chunks_give_the_same_bytes(tmp_path, record_format, data):
    path = tmp_path / "a.data"
    path.write_bytes(data.encode())
    pipeline = Pipeline(config=CleanConfig(lang="en"))
    assert _clean(pipeline, path, record_format, [1]) == _clean(pipeline, path, record_format)
