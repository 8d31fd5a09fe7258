"""Memory does not grow with the input: the peak for 10x the lines stays about the same."""

import tracemalloc

from corpus_tools.pipeline import Pipeline
from corpus_tools.runner import Runner, RunOptions


def _peak_bytes(path, out_path):
    tracemalloc.start()
    try:
        Runner(Pipeline(), RunOptions(output=str(out_path), report=None)).run([str(path)])
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
