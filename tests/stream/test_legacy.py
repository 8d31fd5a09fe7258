"""--encoding: a legacy input read as UTF-8, lines unchanged in number."""

import io

import pytest

from corpus_tools.errors import InputError
from corpus_tools.stream import legacy
from corpus_tools.stream.lines import split_lines

TEXT = "Вопрос о погоде\r\nВторая строка\n\nтретья"


@pytest.fixture(autouse=True)
def _no_encoding_after():
    yield
    legacy.set_input_encoding(None)


def _read(data: bytes, encoding: str | None, chunk: int = 5) -> bytes:
    legacy.set_input_encoding(encoding)
    stream = legacy.decoding(io.BytesIO(data), "test.txt")
    pieces = []
    while piece := stream.read(chunk):
        pieces.append(piece)
    return b"".join(pieces)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "koi8-u", "cp866", "mac-cyrillic",
                                      "kz1048"])
def test_a_legacy_input_is_streamed_as_utf8(encoding):
    out = _read(TEXT.encode(encoding), encoding)
    assert out == TEXT.encode("utf-8")
    assert len(list(split_lines(io.BytesIO(out)))) == len(list(
        split_lines(io.BytesIO(TEXT.encode(encoding)))))


def test_armenian_in_armscii8():
    assert _read(bytes.fromhex("d0b3dbb3ebefb3dd0a"), "armscii-8").decode() == "Հայաստան\n"


def test_a_byte_the_page_lacks_stays_that_byte():
    assert _read(b"caf\xe9 \x81\n", "cp1252") == "café ".encode() + b"\x81\n"


def test_without_encoding_the_stream_is_as_it_was():
    stream = io.BytesIO(b"\xf7\xcf")
    legacy.set_input_encoding(None)
    assert legacy.decoding(stream, "x") is stream


@pytest.mark.parametrize("name", ["utf-16", "utf-32-le", "nonsense"])
def test_encodings_that_cannot_keep_lines_are_refused(name):
    with pytest.raises(ValueError):
        legacy.check_encoding(name)


def test_auto_reads_utf8_as_it_is():
    data = "Вопрос\n".encode() * 10
    assert _read(data, "auto") == data


def test_auto_names_a_legacy_page():
    pytest.importorskip("charset_normalizer")
    text = ("Вопрос о погоде в Москве остаётся открытым, и синоптики молчат.\n" * 20)
    assert _read(text.encode("cp1251"), "auto").decode() == text


def test_auto_refuses_what_it_cannot_tell():
    pytest.importorskip("charset_normalizer")
    with pytest.raises(InputError, match="--encoding PAGE"):
        _read(bytes(range(128, 256)) * 4, "auto")
