"""`clean` and `fix-encoding` end to end through the CLI, beside a baseline revision.

The baseline is another revision of this repository (default: the commit
before the core rework), checked out into a temporary git worktree and run
with the same Python and the same installed dependencies, in the same run as
the working tree, on the same generated file (best of N, start-up included).

    python benchmarks/bench_end_to_end.py [--mb 20] [--baseline aa04826] [--runs 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_timing import time_cli
from textgen import news_lines

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "clean": ["clean"],
    "clean --lang en": ["clean", "--lang", "en"],
    "fix-encoding": ["fix-encoding"],
}


def write_corpus(path: Path, megabytes: float) -> float:
    lines = news_lines(int(megabytes * 1_000_000))
    # 1 line in 50 with mojibake and a double space, 1 in 20 with a name variant.
    for index in range(0, len(lines), 50):
        lines[index] = lines[index].encode("utf-8").decode("latin-1").replace(" ", "  ", 1)
    for index in range(7, len(lines), 20):
        lines[index] += " The Latchine road was closed."
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")
    path.write_bytes(data)
    return len(data) / 1_000_000


def run(tree: Path, args: list[str], corpus: Path, runs: int) -> tuple[float, bytes]:
    return time_cli([*args, str(corpus)], runs, tree)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", default="aa04826", help="git revision to compare with")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        baseline = Path(temp) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q",
                        str(baseline), args.baseline], check=True)
        try:
            corpus = Path(temp) / "news.txt"
            size = write_corpus(corpus, args.mb)
            print(f"generated English news: {size:.1f} MB; baseline {args.baseline}; "
                  f"best of {args.runs}, start-up included")
            print(f"{'command':<18} {'baseline MB/s':>14} {'now MB/s':>10} {'now/baseline':>13}"
                  f"  same output")
            for name, command in COMMANDS.items():
                before, before_out = run(baseline, command, corpus, args.runs)
                after, after_out = run(ROOT, command, corpus, args.runs)
                print(f"{name:<18} {size / before:>14.1f} {size / after:>10.1f} "
                      f"{before / after:>12.2f}x  {'yes' if before_out == after_out else 'no'}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(baseline)], check=True)


if __name__ == "__main__":
    main()
