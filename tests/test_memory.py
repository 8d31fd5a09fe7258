"""Memory does not grow with the input: the peak for 10x the lines stays about the same.

Blocks of 64 KiB (not the default 1 MiB) so that both inputs span several blocks:
memory is bounded by a block, and the smaller input must not fit in one.
"""

import tracemalloc

from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.pipeline import Pipeline


def _peak_bytes(path, out_path):
    tracemalloc.start()
    try:
        Runner(Pipeline(), RunOptions(output=str(out_path), report=None,
                                                 chunk_bytes=1 << 16)).run([str(path)])
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_does_not_grow_with_the_input(tmp_path):
    line = "The cafÃ©  reopened on the border road, officials said.  \n".encode()
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_bytes(line * 2_000)
    large.write_bytes(line * 20_000)
    _peak_bytes(small, tmp_path / "warmup.txt")  # caches and lazy imports
    small_peak = _peak_bytes(small, tmp_path / "small.out")
    large_peak = _peak_bytes(large, tmp_path / "large.out")
    assert large.stat().st_size > 1_000_000
    assert large_peak < small_peak * 1.5 + 200_000


def test_peak_memory_with_language_detection_does_not_grow(tmp_path):
    # Scoped name rules, no --lang: every line has a candidate, so each paragraph
    # (here cut at 200 lines: the file has no blank line) is identified.
    def lines(count):
        # 50 different lines: the detector's cache (bounded at 4,096 samples) stays
        # below its bound in both runs, so what is measured is the stream's memory.
        return "".join(f"Convoy {i % 50} took the Latchine road past the border post, officials said.\n"
                       for i in range(count)).encode()

    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_bytes(lines(2_000))
    large.write_bytes(lines(20_000))
    _peak_bytes(small, tmp_path / "warmup.txt")
    small_peak = _peak_bytes(small, tmp_path / "small.out")
    large_peak = _peak_bytes(large, tmp_path / "large.out")
    assert "Lachin road" in (tmp_path / "large.out").read_text()
    assert large_peak < small_peak * 1.5 + 300_000
