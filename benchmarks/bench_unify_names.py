"""unify-names throughput with 10, 1,000 and 10,000 variants, and against sed -E.

The same generated English text (with variants sprinkled in) is cleaned with
rule sets of growing size; the ratio of 10,000 to 10 variants shows that the
cost does not grow with the rules (goal >= 0.8).  sed -E runs the same
substitutions as a script of whole-word s///g commands on the same text.

    python benchmarks/bench_unify_names.py [--mb 2] [--sed-variants 1000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textgen import news_lines

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.unify_names import UnifyNames
from corpus_tools.rules.model import NameRule, Source


def made_up_names(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    syllables = ["ka", "ra", "bakh", "shi", "nya", "lo", "vet", "dan", "zur", "mel", "tor", "gin"]
    names = set()
    while len(names) < count:
        names.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).title())
    return sorted(names)


def rules_for(variants: list[str]) -> list[NameRule]:
    return [NameRule(f"{v}Canon", (v,), Source("bench", 1)) for v in variants]


def text_with_variants(size: int, variants: list[str]) -> list[str]:
    rng = random.Random(3)
    lines = news_lines(size)
    return [f"{line} {rng.choice(variants)} said." if i % 5 == 0 else line
            for i, line in enumerate(lines)]


def throughput(step: UnifyNames, lines: list[str], size_mb: float) -> tuple[float, list[str]]:
    context = UnitContext()
    best, out = float("inf"), []
    for _ in range(3):
        start = time.perf_counter()
        out = [step.apply(line, context)[0] for line in lines]
        best = min(best, time.perf_counter() - start)
    return size_mb / best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--sed-variants", type=int, default=10_000,
                        help="variants given to sed (the same substitutions as ours)")
    args = parser.parse_args()
    all_names = made_up_names(10_000)
    lines = text_with_variants(int(args.mb * 1_000_000), all_names[:10])
    size_mb = sum(len(line.encode()) + 1 for line in lines) / 1_000_000
    print(f"text: {size_mb:.1f} MB, {len(lines):,} lines; 1 line in 5 has a variant")
    speeds = {}
    for count in (10, 1_000, 10_000):
        speeds[count], out = throughput(UnifyNames(rules_for(all_names[:count])), lines, size_mb)
        print(f"{count:>6} variants: {speeds[count]:7.1f} MB/s")
    print(f"ratio 10,000 / 10 variants: {speeds[10_000] / speeds[10]:.2f} (goal >= 0.8)")

    sed = shutil.which("sed")
    if sed is None:
        print("sed not found: no sed comparison")
        return
    count = args.sed_variants
    step = UnifyNames(rules_for(all_names[:count]))
    ours, out = throughput(step, lines, size_mb)
    with tempfile.TemporaryDirectory() as folder:
        text_path, script_path = Path(folder, "in.txt"), Path(folder, "names.sed")
        text_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        script_path.write_text(
            "".join(f"s/\\b{name}\\b/{name}Canon/g\n" for name in all_names[:count]),
            encoding="utf-8",
        )
        start = time.perf_counter()
        result = subprocess.run([sed, "-E", "-f", str(script_path), str(text_path)],
                                capture_output=True, check=True)
        sed_seconds = time.perf_counter() - start
    same = result.stdout.decode("utf-8") == "\n".join(out) + "\n"
    sed_speed = size_mb / sed_seconds
    print(f"sed -E, {count:,} substitutions: {sed_speed:7.2f} MB/s "
          f"(output {'identical' if same else 'DIFFERS'})")
    print(f"unify-names, {count:,} variants: {ours:7.1f} MB/s")
    print(f"ratio unify-names / sed -E: {ours / sed_speed:.0f}x (goal >= 50x)")


if __name__ == "__main__":
    main()
