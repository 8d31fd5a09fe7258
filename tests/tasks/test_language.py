"""``detect-lang -j`` and ``filter-lang -j`` decide what one process decides (issue 12, point 3)."""

import io
from dataclasses import replace

import pytest

from corpus_tools.language.detector import LanguageDetector
from corpus_tools.language.units import LanguageDecider
from corpus_tools.stream.formats import JsonlFormat, TextFormat
from corpus_tools.tasks.language import (
    Condition,
    LanguageOptions,
    detect_languages,
    filter_languages,
)

_LINES = ["The convoy left the city at dawn, officials said.", "", "Le convoi est parti à l'aube.",
          "Колонна вышла из города на рассвете.", "ok", "Latchine", "The road to Latchine reopened.",
          "Der Konvoi verließ die Stadt im Morgengrauen."]


def _text(count):
    return "".join(_LINES[(i * 7) % len(_LINES)] + ("\r\n" if i % 3 else "\n")
                   for i in range(count)).encode()


def _jsonl(count):
    return "".join(f'{{"id": {i}, "text": "{_LINES[i % len(_LINES)]}"}}\n'
                   for i in range(count)).encode()


def _run(tmp_path, data, options, jobs, command):
    source = tmp_path / "in"
    source.write_bytes(data)
    decider = LanguageDecider(LanguageDetector(languages=("en", "fr", "ru", "de")))
    out, rejected = io.BytesIO(), io.BytesIO()
    options = replace(options, jobs=jobs)
    if command == "detect":
        detect_languages([str(source)], decider, options, out)
    else:
        counts = filter_languages([str(source)], decider, options,
                                  [Condition(frozenset({"en"}))], out, rejected)
        out.write(counts.describe().encode())
    return out.getvalue(), rejected.getvalue()


@pytest.mark.parametrize("command", ["detect", "filter"])
@pytest.mark.parametrize(("record_format", "unit", "data"), [
    (TextFormat(), "line", _text(120)),
    (TextFormat(), "paragraph", _text(120)),
    (TextFormat(), "document", _text(120)),
    (JsonlFormat("text"), "line", _jsonl(90)),
])
def test_two_workers_decide_what_one_process_decides(tmp_path, command, record_format, unit,
                                                       data):
    options = LanguageOptions(record_format, unit, chunk_bytes=200)
    one = _run(tmp_path, data, options, 1, command)
    assert one[0]
    assert _run(tmp_path, data, options, 2, command) == one


def test_jobs_on_the_command_line(invoke, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(_text(40))
    one = invoke(["detect-lang", str(source)])
    two = invoke(["detect-lang", "-j", "2", str(source)])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout_bytes == one.stdout_bytes
    assert len(one.stdout_bytes.splitlines()) == 40


def test_an_empty_line_that_would_join_a_kept_lone_cr_line_goes_the_other_way(invoke, tmp_path):
    # Generated documents: a kept line ending in a lone CR, a rejected line, then an empty
    # LF line: written after the first, the two would read back as one CRLF line. The run
    # was refused; now the empty line is rejected and every line still comes out once.
    english = b"Hello world, this is plainly English text.\r"
    french = "Bonjour le monde, ceci est un texte en français.\n".encode()
    last = b"More English text is here now.\n"
    source = tmp_path / "cr.txt"
    source.write_bytes(english + french + b"\n" + last)
    rejected = tmp_path / "rejected.txt"
    result = invoke(["filter-lang", "--keep", "en,und", str(source), "--rejected", str(rejected)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == english + last
    assert rejected.read_bytes() == french + b"\n"
    assert "kept 2, rejected 2 of 4 record(s)" in result.stderr
