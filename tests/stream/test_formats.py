import pytest

from corpus_tools.stream.formats import JsonlFormat, RecordError, TsvFormat


@pytest.mark.parametrize(
    ("field", "line", "text", "new", "rebuilt"),
    [
        ("text", '{"text": "a", "n": 1.50}', "a", "b", '{"text": "b", "n": 1.50}'),
        ("text", '{"z":1e3,"text":"x","a":[1, 2]}', "x", "y", '{"z":1e3,"text":"y","a":[1, 2]}'),
        ("meta.body", '{"id": 1, "meta": {"body": "é", "k": true}}', "é", "e\n",
         '{"id": 1, "meta": {"body": "e\\n", "k": true}}'),
        ("text", '{"text": "caf\\u00e9", "other": "\\u00e9"}', "café", "cafe!",
         '{"text": "cafe!", "other": "\\u00e9"}'),
        ("text", '  {"text" : "a"}  ', "a", "b", '  {"text" : "b"}  '),
    ],
)
def test_jsonl_replaces_only_the_field(field, line, text, new, rebuilt):
    record = JsonlFormat(field).parse(line)
    assert record.texts == [text]
    assert record.rebuild([new]) == rebuilt


def test_jsonl_duplicate_key_uses_the_last_like_json_loads():
    record = JsonlFormat("text").parse('{"text": "first", "text": "last"}')
    assert record.texts == ["last"]
    assert record.rebuild(["new"]) == '{"text": "first", "text": "new"}'


def test_jsonl_null_field_is_left_alone():
    record = JsonlFormat("text").parse('{"text": null}')
    assert record.texts == []


@pytest.mark.parametrize(
    ("field", "line", "message"),
    [
        ("text", '{"text": "a"', "not valid JSON"),
        ("text", '{"body": "a"}', "missing field 'text'"),
        ("meta.body", '{"meta": "flat"}', "meta is not an object"),
        ("text", '{"text": 3}', "is int, not a string"),
        ("text", "[1, 2]", "the record is not an object"),
    ],
)
def test_jsonl_bad_records(field, line, message):
    with pytest.raises(RecordError, match=message):
        JsonlFormat(field).parse(line)


def test_tsv_cleans_only_chosen_columns():
    record = TsvFormat([3, 2]).parse("id\tsrc\ttgt\textra")
    assert record.labels == ("2", "3")
    assert record.texts == ["src", "tgt"]
    assert record.rebuild(["S", "T"]) == "id\tS\tT\textra"


def test_tsv_short_row_is_a_bad_record():
    with pytest.raises(RecordError, match="has 2 column"):
        TsvFormat([3]).parse("a\tb")


@pytest.mark.parametrize("columns", [[], [0]])
def test_tsv_rejects_bad_columns(columns):
    with pytest.raises(ValueError):
        TsvFormat(columns)
