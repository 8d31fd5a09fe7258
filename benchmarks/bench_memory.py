"""Peak memory per process of `clean -j N` on a large generated file, sampled from /proc.

    python benchmarks/bench_memory.py [--mb 200] [--jobs 2] [--languages en,fr,ru,hy,az]

Every 0.2 s it reads the resident set size of the `corpus-tools` process and of
each of its worker processes, and prints the largest seen for each, with and
without --languages.  Streaming means the figures should not grow with --mb.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textgen import news_lines


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as found:
            return [int(child) for child in found.read().split()]
    except OSError:
        return []


def peak_memory(command: list[str]) -> tuple[float, dict[int, float], float]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in [process.pid, *children(process.pid)]:
            peaks[pid] = max(peaks.get(pid, 0.0), rss_mb(pid))
        time.sleep(0.2)
    return peaks.pop(process.pid, 0.0), peaks, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--languages", default="en,fr,ru,hy,az")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "news.txt"
        block = "\n".join(news_lines(10_000_000)) + "\n"
        with source.open("w", encoding="utf-8") as out:
            for _ in range(max(1, int(args.mb // 10))):
                out.write(block)
        size = os.path.getsize(source) / 1e6
        base = [sys.executable, "-m", "corpus_tools.cli", "clean", "-j", str(args.jobs),
                str(source)]
        print(f"generated English news: {size:.0f} MB; clean -j {args.jobs}; resident memory "
              f"sampled every 0.2 s")
        for label, extra in (("clean", []), (f"clean --languages {args.languages}",
                                              ["--languages", args.languages])):
            main_peak, workers, elapsed = peak_memory(base + extra)
            worker_text = ", ".join(f"{peak:.0f}" for peak in sorted(workers.values()))
            print(f"{label:<40} main {main_peak:.0f} MB; workers {worker_text} MB; "
                  f"{elapsed:.0f} s")


if __name__ == "__main__":
    main()
