"""`check` against `clean` on the same file, through the CLI (goal: check <= 1.3x clean's time).

Both run in this benchmark run, on the same generated English news (1 line in
50 damaged, 1 in 20 with a name variant), best of N, start-up included.

    python benchmarks/bench_check.py [--mb 10] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_end_to_end import write_corpus
from cli_timing import time_cli


def timed(args: list[str], runs: int) -> float:
    return time_cli(args, runs)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        corpus = Path(temp) / "news.txt"
        size = write_corpus(corpus, args.mb)
        clean = timed(["clean", str(corpus)], args.runs)
        check = timed(["check", "--isolated", str(corpus)], args.runs)
        check_json = timed(["check", "--isolated", "--format", "json", str(corpus)], args.runs)
    print(f"generated English news: {size:.1f} MB; best of {args.runs}, start-up included")
    print(f"clean:                {size / clean:6.1f} MB/s")
    print(f"check:                {size / check:6.1f} MB/s   {check / clean:.2f}x clean's time")
    print(f"check --format json:  {size / check_json:6.1f} MB/s   {check_json / clean:.2f}x "
          f"clean's time (goal <= 1.3x)")


if __name__ == "__main__":
    main()
