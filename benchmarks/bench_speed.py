"""Issue 12's speed goals, each figure beside its baseline from the same run.

One core, best of N, start-up excluded (each pipeline is built and warmed on
a small sample first; the command-line tools are timed on the file less
their time on an empty file).  Three generated texts of our own, in the
style of wire-service English news (``textgen.py``; no corpus is copied):

- undamaged news, paragraphs of 1-6 lines between blank lines;
- the same with 2% of lines damaged in four ways (mojibake, doubled and odd
  spaces, a name variant, a translator's ``TO DO.``), in turn;
- text whose paragraphs all differ (numbers and word order drawn at random)
  with names in 5% of lines, so that no cache hides language identification.

Issue 28 adds real news (``seeds_news.py``), built at run time in a temporary
folder from the five articles in ``../shared/seeds`` (skipped, with a note,
when that folder is absent): (a) the articles repeated with 2% of lines
damaged, (b) the same with a unique ``#N `` before each line.  Those rows time
every tool as a user runs it, a fresh process each run, and print each figure
end to end (start-up included) and without start-up (less the tool's time on
an empty file).

    python benchmarks/bench_speed.py [--mb 20] [--runs 3] [--jobs] [--only seeds|generated]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ftfy
from ftfy.fixes import uncurl_quotes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from seeds_news import SEEDS, seeds_rows
from textgen import OBJECTS, SUBJECTS, TAILS, VERBS, news_lines

from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.filters.encoding.fix_encoding import FixEncoding
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.rules.loader import load_rules


def undamaged(size: int) -> list[str]:
    rng = random.Random(7)
    lines = []
    for line in news_lines(size):
        lines.append(line)
        if rng.random() < 0.25:
            lines.append("")
    return lines


def damaged(lines: list[str]) -> list[str]:
    out = list(lines)
    kinds = 0
    for index in range(0, len(out), 50):
        if not out[index]:
            continue
        kind = kinds % 4
        kinds += 1
        line = out[index]
        if kind == 0:
            line = line.encode("utf-8").decode("cp1252", "replace")
        elif kind == 1:
            line = line.replace(" ", "  ", 1).replace(" ", "\u00a0", 1) + " "
        elif kind == 2:
            line = line + " The Latchine road was closed."
        else:
            line = line + " TO DO."
        out[index] = line
    return out


def unique_paragraphs(size: int) -> list[str]:
    rng = random.Random(11)
    words = " ".join(OBJECTS + TAILS + VERBS).replace(".", "").split()
    lines, total, number = [], 0, 0
    while total < size:
        for _ in range(rng.randint(1, 5)):
            number += 1
            tail = " ".join(rng.sample(words, 8))
            line = (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.randint(2, 99_999)} "
                    f"people {tail} in district {number}.")
            if rng.random() < 0.05:
                line += " The road to Latchine was reopened."
            lines.append(line)
            total += len(line) + 1
        lines.append("")
    return lines


def write(path: Path, lines: list[str]) -> float:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data) / 1_000_000


def best(runs: int, function) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def run_clean(pipeline: Pipeline, source: Path, out: Path, jobs: int = 1) -> None:
    Runner(pipeline, RunOptions(output=str(out), jobs=jobs)).run([str(source)])


def warmed(steps, **config) -> Pipeline:
    pipeline = Pipeline(steps, CleanConfig(**config))
    with tempfile.TemporaryDirectory() as temp:
        sample = Path(temp) / "sample.txt"
        write(sample, damaged(unique_paragraphs(20_000)))
        run_clean(pipeline, sample, Path(temp) / "out.txt")
    return pipeline


def naive_script():
    """What a user writes in ten minutes: ftfy per line (configured as fix-encoding
    configures it), then one re.sub per rule of the same rule files."""
    config = FixEncoding().config.ftfy_config()._replace(explain=False)
    rules = load_rules((), use_defaults=True)
    subs = []
    for rule in rules.names:
        for variant in rule.variants:
            subs.append((re.compile(r"\b" + re.escape(variant) + r"\b"), rule.canonical))
    artifacts = [(rule.compiled, rule.replace) for rule in rules.artifacts if rule.replace is not None]
    spaces = re.compile(r"(?<=\S)[ \u00a0]{2,}|(?<=\S)\u00a0(?=\S)")

    def clean(line: str) -> str:
        line = ftfy.fix_text(line, config)
        for pattern, canonical in subs:
            line = pattern.sub(canonical, line)
        for pattern, replacement in artifacts:
            line = pattern.sub(replacement, line)
        return spaces.sub(" ", line).rstrip()

    def run(source: Path, out: Path) -> None:
        with open(source, encoding="utf-8", newline="") as lines, \
                open(out, "w", encoding="utf-8", newline="") as written:
            for line in lines:
                body = line.rstrip("\n")
                written.write(clean(body) + line[len(body):])

    return run


def cli_seconds(command: list[str], source: Path, out: Path, empty: Path, runs: int) -> float:
    def once(path: Path) -> float:
        start = time.perf_counter()
        with open(out, "wb") as written:
            subprocess.run([*command, str(path)], stdout=written, check=True)
        return time.perf_counter() - start

    startup = min(once(empty) for _ in range(runs))
    return min(once(source) for _ in range(runs)) - startup


def same_changed_lines(source: Path, ours: Path, theirs: Path) -> tuple[int, int]:
    """Of the lines both changed, how many they changed the same way."""
    both = same = 0
    with open(source, "rb") as a, open(ours, "rb") as b, open(theirs, "rb") as c:
        for original, mine, other in zip(a, b, c, strict=True):
            if mine != original and other != original:
                both += 1
                same += mine == other
    return both, same


def line(name: str, size: float, seconds: float, baseline_name: str, baseline: float,
         goal: str) -> None:
    print(f"{name:<34} {size / seconds:7.1f} MB/s   {baseline_name:<26} "
          f"{size / baseline:7.1f} MB/s   {baseline / seconds:6.2f}x   goal {goal}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", action="store_true", help="also time clean -j 2 against -j 1")
    parser.add_argument("--only", choices=("seeds", "generated"),
                        help="run only the seeds-built rows or only the generated ones")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    if args.only != "generated":
        if SEEDS.is_dir():
            seeds_rows(size, args.runs)
        else:
            print(f"seeds-built news skipped: {SEEDS} is absent")
    if args.only == "seeds":
        return
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        news, hurt, unique = root / "news.txt", root / "damaged.txt", root / "unique.txt"
        empty = root / "empty.txt"
        empty.write_bytes(b"")
        lines = undamaged(size)
        news_mb, hurt_mb = write(news, lines), write(hurt, damaged(lines))
        unique_mb = write(unique, unique_paragraphs(size))
        out, other = root / "out.txt", root / "other.txt"
        print(f"news {news_mb:.1f} MB, damaged news {hurt_mb:.1f} MB, unique paragraphs "
              f"{unique_mb:.1f} MB; {os.cpu_count()} cores, one used; best of {args.runs}; "
              f"start-up excluded")

        clean = warmed(None)
        stream = warmed([])
        naive = naive_script()
        t_stream = best(args.runs, lambda: run_clean(stream, news, out))
        t_plain_loop = best(args.runs, lambda: _plain_loop(news, other))
        line("stream alone (--steps none)", news_mb, t_stream, "read+write loop", t_plain_loop,
             ">= 150 MB/s")
        for name, path, mb, goal in (("clean, undamaged news", news, news_mb, ">= 50 MB/s"),
                                     ("clean, damaged news", hurt, hurt_mb, ">= 20 MB/s")):
            ours = best(args.runs, lambda path=path: run_clean(clean, path, out))
            theirs = best(1, lambda path=path: naive(path, other))
            both, same = same_changed_lines(path, out, other)
            line(name, mb, ours, "naive script", theirs, f"{goal}, >= 10x naive")
            print(f"{'':<34} lines both changed: {both}, changed the same way: {same}")

        fix = warmed(["fix-encoding"])
        config = fix.steps[0].config.ftfy_config()
        ours = best(args.runs, lambda: run_clean(fix, hurt, out))

        def ftfy_per_line():
            with open(hurt, encoding="utf-8", newline="") as lines, \
                    open(other, "w", encoding="utf-8", newline="") as written:
                for text in lines:
                    body = text.rstrip("\n")
                    written.write(ftfy.fix_text(body, config) + text[len(body):])

        theirs = best(1, ftfy_per_line)
        identical = out.read_bytes() == other.read_bytes()
        line("fix-encoding, damaged news", hurt_mb, ours, "ftfy per line", theirs,
             f">= 10x (identical output: {'yes' if identical else 'no'})")
        ftfy_cli = Path(sys.executable).parent / "ftfy"
        ours_cli = cli_seconds([sys.executable, "-m", "corpus_tools.cli", "fix-encoding"], hurt,
                               out, empty, args.runs)
        theirs_cli = cli_seconds([str(ftfy_cli)], hurt, other, empty, 1)
        # The ftfy tool uncurls quotes (fix-encoding keeps typography as it is).
        uncurled = uncurl_quotes(out.read_text(encoding="utf-8"))
        identical = uncurled == other.read_text(encoding="utf-8")
        line("fix-encoding CLI, damaged news", hurt_mb, ours_cli, "ftfy CLI", theirs_cli,
             f">= 10x (identical once quotes are uncurled: {'yes' if identical else 'no'})")

        english = warmed(None, lang="en")
        ours = best(args.runs, lambda: run_clean(clean, unique, out))
        given = best(args.runs, lambda: run_clean(english, unique, other))
        line("clean, unique paragraphs", unique_mb, ours, "clean --lang en", given, ">= 0.9x")
        if args.jobs:
            one = best(args.runs, lambda: run_clean(clean, hurt, out, 1))
            two = best(args.runs, lambda: run_clean(clean, hurt, other, 2))
            line("clean -j 2, damaged news", hurt_mb, two, "clean -j 1", one, ">= 1.8x")


def _plain_loop(source: Path, out: Path) -> None:
    with open(source, "rb") as lines, open(out, "wb") as written:
        for text in lines:
            written.write(text)


if __name__ == "__main__":
    main()
