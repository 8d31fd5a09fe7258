"""The document driver: facts from the head, and chunks that work alone in any process."""

import pickle

import pytest

from corpus_tools.engine.documents import LineChunk, documents, line_chunks, unit_chunks
from corpus_tools.errors import InputError
from corpus_tools.stream.formats import JsonlFormat, TextFormat


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_each_document_gets_the_facts_its_head_decides(tmp_path):
    first = _write(tmp_path, "a.txt", b"one\ntwo\n")
    second = _write(tmp_path, "b.txt", b"\xef\xbb\xbfthree\r\n")
    seen = [(document.label, document.facts, [line.text for line in document.lines])
            for document in documents([first, second], TextFormat(),
                                      lambda head: [line.number for line in head])]
    assert seen == [(first, [1, 2], ["one", "two"]), (second, [1], ["three"])]


def test_a_head_test_ends_each_documents_head_where_it_says(tmp_path):
    path = _write(tmp_path, "a.txt", b"a\nbb\nccc\ndddd\n")

    def head_test():
        size = 0

        def until(line):
            nonlocal size
            size += len(line.text)
            return size >= 3

        return until

    facts = [document.facts for document in documents(
        [path, path], TextFormat(), lambda head: [line.text for line in head],
        head_test=head_test)]
    assert facts == [["a", "bb"], ["a", "bb"]]  # a fresh test for each document


@pytest.mark.parametrize(("record_format", "data"), [
    (TextFormat(), b"\xef\xbb\xbfone\rtwo\r\nbad \xff byte\nlast"),
    (JsonlFormat("text"), b'{"text": "a"}\r\n{"text": null}\n{"id": 3}\n'),
])
def test_a_chunk_that_travels_is_parsed_again_as_it_was_read(tmp_path, record_format, data):
    [document] = documents([_write(tmp_path, "in", data)], record_format, lambda head: "facts",
                           on_bad_record="pass")
    chunks = [chunk for chunk, _ in line_chunks(document, chunk_bytes=8)]
    assert len(chunks) > 1
    for chunk in chunks:
        travelled = pickle.loads(pickle.dumps(chunk))
        assert travelled.travelled and not chunk.travelled
        assert travelled.units is None and travelled.facts == "facts"
        assert [(line.number, line.raw, line.text, line.after_cr, line.error)
                for line in travelled.lines()] == \
            [(line.number, line.raw, line.text, line.after_cr, line.error) for line in chunk.lines()]


def test_a_bad_record_in_a_chunk_that_travelled_raises_in_the_work():
    line_chunk = LineChunk([], None, "in.jsonl", JsonlFormat("text"))
    line_chunk.__setstate__({"raw": [(7, b"not json", b"\n", False, b"")], "facts": None,
                             "label": "in.jsonl", "record_format": JsonlFormat("text"),
                             "on_bad_record": "error"})
    with pytest.raises(InputError, match=r"in\.jsonl:7"):
        line_chunk.lines()


class _Line:
    def __init__(self, size):
        self.content, self.ending = b"x" * size, b"\n"


def test_chunks_are_cut_only_where_a_unit_ends():
    first, second = object(), object()
    lines = [_Line(10) for _ in range(6)]
    units = [(lines[0], first), (lines[1], first), (lines[2], first), (lines[3], second),
             (lines[4], None), (lines[5], None)]
    sizes = [len(chunk) for chunk in unit_chunks(units, chunk_bytes=5)]
    assert sizes == [3, 1, 1, 1]


def test_the_lines_read_before_a_failure_come_first():
    def units():
        yield _Line(1), None
        yield _Line(1), None
        raise InputError("in", 3, "not valid JSON")

    got = unit_chunks(units(), chunk_bytes=100)
    assert len(next(got)) == 2
    with pytest.raises(InputError):
        next(got)
