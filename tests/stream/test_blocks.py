"""Blocks of whole line groups: nothing lost, cut only where a group ends."""

import io
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_tools.stream.blocks import count_raw_lines, read_blocks

_PIECES = st.lists(st.sampled_from([b"a", b"bc", b"\n", b"\r", b"\r\n", b"\xff", b" "]),
                   max_size=60)


@given(pieces=_PIECES, group=st.integers(1, 4), min_bytes=st.integers(1, 12),
       first=st.integers(0, 20), read_size=st.integers(1, 9))
def test_blocks_are_the_input_cut_after_whole_groups(pieces, group, min_bytes, first,
                                                     read_size):
    data = b"".join(pieces)
    counted = list(read_blocks(io.BytesIO(data), group, min_bytes, first, read_size))
    assert all(lines == count_raw_lines(block) for block, lines in counted)
    blocks = [block for block, _ in counted]
    assert b"".join(blocks) == data
    assert all(blocks)
    for index, block in enumerate(blocks[:-1]):
        assert count_raw_lines(block) % group == 0
        assert len(block) >= (max(min_bytes, first) if index == 0 else min_bytes)
        # never between the CR and the LF of one CRLF
        assert not (block.endswith(b"\r") and blocks[index + 1].startswith(b"\n"))


@pytest.mark.parametrize("tail", [b"\n", b"\r"], ids=["LF", "lone CR"])
def test_one_huge_line_is_read_in_linear_time(tail):
    data = b"x" * 40_000_000 + tail + b"tail\r"
    start = time.perf_counter()
    blocks = list(read_blocks(io.BytesIO(data), 200, 1 << 20, read_size=1 << 16))
    elapsed = time.perf_counter() - start
    assert b"".join(block for block, _ in blocks) == data
    assert elapsed < 5  # rescanning the line at each read would take minutes
