"""fix-scripts throughput on English news text, and what its fast path buys.

Most lines of a corpus are in one script, so fix-scripts first asks one
question per line (are letters of two scripts here?) and tokenizes only the
lines where the answer is yes.  The baseline, run in the same process on the
same text, tokenizes and inspects every line.  Goal: >= 50 MB/s per core on
one-script text.

    python benchmarks/bench_fix_scripts.py [--mb 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textgen import news_lines

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.fix_scripts import FixScripts
from corpus_tools.rules.loader import load_rules

CYRILLIC = str.maketrans("aeopcxy", "аеорсху")


def with_mixed_tokens(lines: list[str], share: float, seed: int = 5) -> list[str]:
    """Put one Cyrillic look-alike letter into a word of ``share`` of the lines."""
    rng = random.Random(seed)
    out = []
    for line in lines:
        if rng.random() < share:
            words = line.split(" ")
            index = rng.randrange(len(words))
            words[index] = words[index].translate(CYRILLIC)
            line = " ".join(words)
        out.append(line)
    return out


def throughput(apply, lines: list[str], size_mb: float) -> tuple[float, list[str]]:
    best, out = float("inf"), []
    for _ in range(3):
        context = UnitContext()
        start = time.perf_counter()
        out = [apply(line, context)[0] for line in lines]
        best = min(best, time.perf_counter() - start)
    return size_mb / best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    step = FixScripts(load_rules().punctuation)
    lines = news_lines(int(args.mb * 1_000_000))
    size_mb = sum(len(line.encode()) + 1 for line in lines) / 1_000_000
    non_ascii = sum(not line.isascii() for line in lines) / len(lines)
    print(f"generated English news text: {size_mb:.1f} MB, {len(lines):,} lines, "
          f"{non_ascii:.0%} with curly quotes")

    fast, out = throughput(step.apply, lines, size_mb)
    slow, slow_out = throughput(step._repair_letters, lines, size_mb)
    assert out == slow_out == lines, "one-script text must come out unchanged"
    print(f"fix-scripts (fast path):          {fast:7.1f} MB/s (goal >= 50)")
    print(f"every line tokenized (baseline):  {slow:7.1f} MB/s")
    print(f"fast path speed-up: {fast / slow:.1f}x")

    mixed = with_mixed_tokens(lines, 0.02)
    speed, out = throughput(step.apply, mixed, size_mb)
    repaired = sum(a != b for a, b in zip(mixed, out, strict=True))
    back = sum(a == b for a, b in zip(out, lines, strict=True))
    print(f"with 2% of lines holding a Cyrillic look-alike: {speed:.1f} MB/s, "
          f"{repaired} lines repaired, {back:,}/{len(lines):,} lines equal to the clean text")


if __name__ == "__main__":
    main()
