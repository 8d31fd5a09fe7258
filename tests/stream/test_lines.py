import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_tools.stream.lines import RawLine, decode, encode, split_lines


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", []),
        (b"a", [RawLine(b"a", b"")]),
        (b"a\n", [RawLine(b"a", b"\n")]),
        (b"a\r\nb", [RawLine(b"a", b"\r\n"), RawLine(b"b", b"")]),
        (b"a\rb\r", [RawLine(b"a", b"\r"), RawLine(b"b", b"\r")]),
        (b"\n\n", [RawLine(b"", b"\n"), RawLine(b"", b"\n")]),
        (b"a\r\r\nb", [RawLine(b"a", b"\r"), RawLine(b"", b"\r\n"), RawLine(b"b", b"")]),
        # Characters str.splitlines() would split at are text inside a line.
        ("x\u2028y\u2029z\x85w\x1c\x1d\x1e\x0b\x0cv\n".encode(),
         [RawLine("x\u2028y\u2029z\x85w\x1c\x1d\x1e\x0b\x0cv".encode(), b"\n")]),
    ],
)
def test_split_lines(data, expected):
    assert list(split_lines(io.BytesIO(data))) == expected


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7])
def test_crlf_split_across_chunks_stays_one_ending(chunk_size):
    data = b"ab\r\ncd\r\n\r\nef\r"
    lines = list(split_lines(io.BytesIO(data), chunk_size=chunk_size))
    assert [line.ending for line in lines] == [b"\r\n", b"\r\n", b"\r\n", b"\r"]


@given(st.binary(), st.integers(min_value=1, max_value=64))
def test_lines_rejoin_to_the_same_bytes(data, chunk_size):
    lines = list(split_lines(io.BytesIO(data), chunk_size=chunk_size))
    assert b"".join(content + ending for content, ending in lines) == data
    for _, ending in lines[:-1]:
        assert ending in (b"\n", b"\r\n", b"\r")
    assert all(b"\n" not in content and b"\r" not in content for content, _ in lines)


@given(st.binary())
def test_decode_encode_round_trip_keeps_invalid_bytes(data):
    assert encode(decode(data)) == data


def test_reading_one_huge_line_is_linear():
    import time

    data = b"x" * 40_000_000 + b"\n" + b"tail"
    start = time.perf_counter()
    lines = list(split_lines(io.BytesIO(data)))
    elapsed = time.perf_counter() - start
    assert [len(content) for content, _ in lines] == [40_000_000, 4]
    assert elapsed < 5  # the quadratic reader took about 165 s on 40 MB
