"""Issue 28's real-news rows for ``bench_speed.py``: news built from ``../shared/seeds``.

The corpus is built at run time in a temporary folder and never kept (the seed
articles are not ours to copy into the repository):

(a) the five seed files concatenated in sorted name order (each ended with a
    newline), NBSP turned into a space, repeated whole until the size is
    reached; then ``random.Random(7)`` samples 2% of the line indexes, and each
    sampled non-blank line gets all three damages: ``’`` -> ``â€™``, `` the ``
    -> `` thе `` (Cyrillic е) and `` TO DO.`` appended;
(b) the same lines with a unique ``#N `` before each non-blank one (blank
    lines stay blank, so paragraphs stay paragraphs): nothing repeats.

Every tool runs as a user runs it, a fresh process each run, best of N: the
corpus-tools commands, the naive script and ftfy per line (this file run with
``--baseline``; their start-up includes importing the rules they use) and the
``ftfy`` command.  Each figure is printed end to end and without start-up (the
run less the same tool's best time on an empty file).

    python benchmarks/seeds_news.py --baseline naive|ftfy-lines SOURCE > OUT
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DAMAGED_SHARE = 0.02


def seeds_lines(size: int, seeds: Path = SEEDS) -> list[str]:
    """Corpus (a): the seeds repeated to ``size`` bytes, 2% of lines damaged."""
    texts = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
        texts.append(text if text.endswith("\n") else text + "\n")
    one_copy = "".join(texts).splitlines()
    copy_bytes = sum(len(line.encode("utf-8")) + 1 for line in one_copy)
    lines = one_copy * max(1, -(-size // copy_bytes))
    rng = random.Random(7)
    for index in rng.sample(range(len(lines)), round(len(lines) * DAMAGED_SHARE)):
        if lines[index]:
            lines[index] = (lines[index].replace("’", "â€™").replace(" the ", " th\u0435 ")
                            + " TO DO.")
    return lines


def numbered(lines: list[str]) -> list[str]:
    """Corpus (b): a unique ``#N `` before each non-blank line."""
    return [f"#{number} {line}" if line else line for number, line in enumerate(lines, 1)]


def _write(path: Path, lines: list[str]) -> float:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data) / 1_000_000


def _tool(name: str) -> list[str]:
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, "-m", "corpus_tools.cli"]


def _timed(command: list[str], source: Path, out: Path, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with open(out, "wb") as written:
            # check exits 1 when it finds something: only a crash (2 or more) is an error.
            done = subprocess.run([*command, str(source)], stdout=written,
                                  stderr=subprocess.DEVNULL, check=False)
        if done.returncode > 1:
            raise SystemExit(f"{' '.join(command)} failed with exit {done.returncode}")
        best = min(best, time.perf_counter() - start)
    return best


def _baseline(name: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--baseline", name]


def seeds_rows(size: int, runs: int) -> None:
    corpus_tools = _tool("corpus-tools")
    tools = {
        "clean": [*corpus_tools, "clean"],
        "fix-encoding": [*corpus_tools, "fix-encoding"],
        "check": [*corpus_tools, "check"],
        "naive script": _baseline("naive"),
        "ftfy per line": _baseline("ftfy-lines"),
        "ftfy CLI": [str(Path(sys.executable).parent / "ftfy")],
    }
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        empty, out = root / "empty.txt", root / "out.txt"
        empty.write_bytes(b"")
        lines = seeds_lines(size)
        corpora = {"(a) seeds-built news": (root / "a.txt", _write(root / "a.txt", lines)),
                   "(b) the same, unique lines": (root / "b.txt",
                                                  _write(root / "b.txt", numbered(lines)))}
        print(f"seeds-built news: {len(lines)} lines; a fresh process per run, best of {runs}")
        startup = {name: _timed(command, empty, out, runs) for name, command in tools.items()}
        for corpus, (path, mb) in corpora.items():
            print(f"{corpus}, {mb:.1f} MB   {'end to end':>12} {'no start-up':>12} "
                  f"{'start-up':>9}")
            speed = {}
            for name, command in tools.items():
                seconds = _timed(command, path, out, runs)
                speed[name] = (mb / seconds, mb / max(seconds - startup[name], 1e-9))
                print(f"  {name:<24} {speed[name][0]:7.2f} MB/s {speed[name][1]:7.2f} MB/s "
                      f"{startup[name]:8.3f}s")
            _goals(corpus, speed)


def _goals(corpus: str, speed: dict[str, tuple[float, float]]) -> None:
    def ratio(ours: str, theirs: str) -> str:
        return " / ".join(f"{speed[ours][k] / speed[theirs][k]:.2f}x" for k in (0, 1))

    print(f"  goals (end to end / without start-up), {corpus[:3]}:")
    if corpus.startswith("(a)"):
        print(f"    clean >= 20 MB/s: {speed['clean'][0]:.2f} / {speed['clean'][1]:.2f} MB/s;"
              f" clean >= 10x naive script: {ratio('clean', 'naive script')}")
        print(f"    fix-encoding >= 10x ftfy per line: {ratio('fix-encoding', 'ftfy per line')}")
        print(f"    check >= 0.8x clean: {ratio('check', 'clean')}")
    else:
        print(f"    clean >= 10 MB/s: {speed['clean'][0]:.2f} / {speed['clean'][1]:.2f} MB/s")


def _run_baseline(name: str, source: Path, out: Path) -> None:
    if name == "naive":
        from bench_speed import naive_script

        naive_script()(source, out)
        return
    import ftfy

    from corpus_tools.filters.encoding.fix_encoding import FixEncoding

    config = FixEncoding().config.ftfy_config()
    with open(source, encoding="utf-8", newline="") as lines, \
            open(out, "w", encoding="utf-8", newline="") as written:
        for text in lines:
            body = text.rstrip("\n")
            written.write(ftfy.fix_text(body, config) + text[len(body):])


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "--baseline":
        raise SystemExit(__doc__)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    _run_baseline(sys.argv[2], Path(sys.argv[3]), Path("/dev/stdout"))
