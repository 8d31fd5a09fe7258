"""One report model: every record as one text line and one JSON object, whatever its bytes."""

import json

import pytest

from corpus_tools.changes import Change
from corpus_tools.report.render import as_json, as_text, json_line, printable, quoted

MOJIBAKE = Change("encoding:mojibake", 8, "Ã©", "é")
IN_FIELD = Change("encoding:mojibake", 4, "Ã©", "é").located("a.jsonl", 1, "text", 13, 25)


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (MOJIBAKE.located("a.txt", 2, None), "a.txt:2:8: error encoding:mojibake: 'Ã©' → 'é'"),
        (IN_FIELD, "a.jsonl:1:13: error encoding:mojibake: [text:4] 'Ã©' → 'é'"),
        (Change("space:collapse", 3, "  ", " ").located("t.tsv", 5, "2", 9, 11),
         "t.tsv:5:9: info space:collapse: [2:3] '  ' → ' '"),
        (Change("script:mixed-token", 5, "Bakuы", None, kind="finding", message="no look-alike"
                ).located("a.txt", 1, None),
         "a.txt:1:5: error script:mixed-token: 'Bakuы': no look-alike"),
        (Change("name:Kyiv", 4, "Kiev", "Kyiv", kind="suggestion", severity="warning"
                ).located("a.txt", 1, None),
         "a.txt:1:4: warning name:Kyiv: 'Kiev' → 'Kyiv'? (suggested, not applied)"),
        (Change("invalid-utf8", 4, "\udce9", None, kind="finding").located("a.txt", 1, None),
         "a.txt:1:4: error invalid-utf8: '\\xe9'"),
    ],
)
def test_one_text_form_problem_matchers_read(change, text):
    assert as_text(change) == text
    # path:line:col: severity rule: ... , as compilers write it
    path, line, column, rest = text.split(":", 3)
    assert (path, int(line), int(column)) == (change.file, change.line, change.column)
    assert rest.split(" ")[1] in ("error", "warning", "info")


def test_one_json_form():
    assert as_json(IN_FIELD) == {
        "file": "a.jsonl", "line": 1, "column": 13, "end_column": 25, "field": "text",
        "field_column": 4, "field_end_column": 6, "kind": "fix", "rule": "encoding:mojibake",
        "severity": "error", "before": "Ã©", "fix": "é"}
    plain = as_json(MOJIBAKE.located("a.txt", 2, None))
    assert "field_column" not in plain and plain["field"] is None
    finding = as_json(Change("repeated-word", 1, "a a", None, kind="finding", message="why"))
    assert "fix" not in finding and finding["message"] == "why"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("caf\udce9", "caf\\xe9"),  # a byte that was not UTF-8, read with surrogateescape
        ("\udc80\udcff", "\\x80\\xff"),
        ("x\ud800", "x\\ud800"),  # a lone surrogate escaped in JSON input
        ("café 😀", "café 😀"),
    ],
)
def test_bytes_that_are_not_utf8_are_shown_escaped(text, shown):
    assert printable(text) == shown
    change = Change("invalid-utf8", 1, text, None, kind="finding", file="caf\udce9.txt", line=1)
    line = json_line(change)
    line.encode("utf-8")  # never a surrogate: valid UTF-8
    assert json.loads(line)["before"] == shown
    assert json.loads(line)["file"] == "caf\\xe9.txt"
    as_text(change).encode("utf-8")


def test_quoted_keeps_a_written_backslash_apart_from_an_escaped_byte():
    assert quoted("a\\udce9") == "'a\\\\udce9'"  # the text holds a backslash, not a byte
    assert quoted("a\udce9") == "'a\\xe9'"
    assert quoted("\\\udce9") == "'\\\\\\xe9'"
