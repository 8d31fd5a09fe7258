"""`clean -j 2` against `clean -j 1` on the same file, through the CLI (goal: at least 1.8x).

Both in this benchmark run, on generated English news (1 line in 50 damaged,
1 in 20 with a name variant), best of N, start-up included; outputs compared.

    python benchmarks/bench_jobs.py [--mb 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_end_to_end import write_corpus
from cli_timing import time_cli as timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        corpus = Path(temp) / "news.txt"
        size = write_corpus(corpus, args.mb)
        print(f"generated English news: {size:.1f} MB; {os.cpu_count()} cores; best of "
              f"{args.runs}, start-up included")
        for extra in ([], ["--lang", "en"]):
            one, out_one = timed(["clean", *extra, str(corpus)], args.runs)
            two, out_two = timed(["clean", "-j", "2", *extra, str(corpus)], args.runs)
            name = " ".join(["clean", *extra])
            print(f"{name:<16} -j 1: {size / one:5.1f} MB/s   -j 2: {size / two:5.1f} MB/s   "
                  f"{one / two:.2f}x (goal >= 1.8x)   same output: "
                  f"{'yes' if out_one == out_two else 'NO'}")


if __name__ == "__main__":
    main()
