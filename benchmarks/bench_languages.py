"""Language identification: accuracy and lines/s of each backend, and the cost of
language-scoped rules in ``clean``.

The labelled set (``benchmarks/data/lang-labelled.tsv``) is 15 news sentences in
each of 12 languages, written for this benchmark; each is also cut to its first
three words.  Every backend runs through ``LanguageDetector`` (so Armenian and
Georgian letters settle their language before any model), unrestricted and
restricted to the 12 languages (``--languages``).

    python benchmarks/bench_languages.py [--backends py3langid,langdetect,lingua] [--mb 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textgen import news_lines

from corpus_tools.errors import MissingExtraError
from corpus_tools.language.detector import DEFAULT_MIN_SCORE, SCRIPT_LANGUAGES, LanguageDetector
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.rules.loader import load_rules

LABELLED = Path(__file__).resolve().parent / "data" / "lang-labelled.tsv"


def labelled() -> list[tuple[str, str]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


def accuracy(detector: LanguageDetector, rows) -> tuple[int, float, Counter, int]:
    """Right answers, lines per second (models loaded, cache cleared), the misses by language,
    and the wrong answers marked reliable (those would mislead scoped rules)."""
    for _, text in rows[::15]:  # one sentence per language first: models that load lazily load now
        detector.detect(text)
    detector.cache_clear()
    start = time.perf_counter()
    found = [detector.detect(text) for _, text in rows]
    elapsed = time.perf_counter() - start
    wrong = [(lang, got) for (lang, _), got in zip(rows, found, strict=True)
             if got.lang.split("-")[0] != lang]
    misses = Counter(lang for lang, _ in wrong)
    sure_wrong = sum(got.reliable for _, got in wrong)
    return len(rows) - len(wrong), len(rows) / elapsed, misses, sure_wrong


def clean_cost(size_mb: float) -> None:
    """clean with the default (scoped) rules: detection on demand vs --lang en."""
    rules = load_rules()
    variants = ["Latchine", "Pashinian", "Nagorno Karabakh", "Stepanakert"]
    lines = [f"{line} {variants[i % 4]} was named." if i % 20 == 0 else line
             for i, line in enumerate(news_lines(int(size_mb * 1_000_000)))]
    size = sum(len(line.encode()) + 1 for line in lines) / 1_000_000

    def run(config: CleanConfig) -> tuple[float, int]:
        pipeline = Pipeline(config=config)
        best, changed = float("inf"), 0
        for _ in range(3):
            facts = pipeline.facts(lines[:200])
            start = time.perf_counter()
            results = [pipeline.clean(line, facts) for line in lines]
            best = min(best, time.perf_counter() - start)
            changed = sum(r.text != line for r, line in zip(results, lines, strict=True))
        return size / best, changed

    fixed, changed_fixed = run(CleanConfig(lang="en", rule_set=rules))
    lazy, changed_lazy = run(CleanConfig(rule_set=rules))
    print(f"\nclean, default rules, {size:.1f} MB of English news, 1 line in 20 with a name variant")
    print(f"  --lang en:            {fixed:6.1f} MB/s, {changed_fixed} lines changed")
    print(f"  detected per line:    {lazy:6.1f} MB/s, {changed_lazy} lines changed")
    print(f"  ratio: {lazy / fixed:.2f} (goal >= 0.8)")


def end_to_end(size_mb: float) -> None:
    """The same comparison through the command line, model loading included (once per run)."""
    variants = ["Latchine", "Pashinian", "Nagorno Karabakh", "Stepanakert"]
    lines = [f"{line} {variants[i % 4]} was named." if i % 20 == 0 else line
             for i, line in enumerate(news_lines(int(size_mb * 1_000_000)))]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "news.txt")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        size = path.stat().st_size / 1_000_000
        times = {}
        for label, extra in (("--lang en", ["--lang", "en"]), ("identified", [])):
            command = [sys.executable, "-c", "from corpus_tools.cli import main; main()",
                       "clean", *extra, str(path)]
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[label] = time.perf_counter() - start
    print(f"\ncorpus-tools clean end to end, {size:.0f} MB (process start and model load included)")
    for label, seconds in times.items():
        print(f"  {label:<12} {seconds:6.2f} s  {size / seconds:5.1f} MB/s")
    print(f"  ratio: {times['--lang en'] / times['identified']:.2f} (goal >= 0.8)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backends", default="py3langid,langdetect,lingua")
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--e2e-mb", type=float, default=30.0,
                        help="size of the end-to-end command-line run (0 to skip)")
    args = parser.parse_args()
    rows = labelled()
    fragments = [(lang, " ".join(text.split()[:3])) for lang, text in rows]
    languages = tuple(sorted({lang for lang, _ in rows}))
    print(f"labelled set: {len(rows)} sentences, {len(languages)} languages "
          f"({', '.join(languages)}); fragments are the first 3 words")
    print(f"reliable = score >= {DEFAULT_MIN_SCORE} and >= 15 letters; 'sure but wrong' counts "
          f"wrong answers marked reliable, sentences + fragments")
    print(f"{'backend':<12} {'candidates':<11} {'sentences':>10} {'fragments':>10} {'lines/s':>9} "
          f"{'sure but wrong':>15}  misses (sentences)")
    for name in args.backends.split(","):
        for restricted in (None, languages):
            try:
                if restricted is not None:  # the languages this backend (or a script) can name
                    known = LanguageDetector(name).backend.known() | set(SCRIPT_LANGUAGES.values())
                    restricted = tuple(code for code in restricted if code in known)
                detector = LanguageDetector(name, restricted)
            except MissingExtraError as error:
                print(f"{name:<12} skipped: {error}")
                break
            right, speed, misses, sure_wrong = accuracy(detector, rows)
            right_fragments, _, _, sure_wrong_fragments = accuracy(detector, fragments)
            label = "all" if restricted is None else f"{len(restricted)} given"
            missed = ", ".join(f"{lang} {count}" for lang, count in sorted(misses.items())) or "-"
            print(f"{name:<12} {label:<11} {right:>6}/{len(rows)} {right_fragments:>6}/{len(rows)} "
                  f"{speed:>9,.0f} {sure_wrong:>7} + {sure_wrong_fragments:<5}  {missed}")
    clean_cost(args.mb)
    if args.e2e_mb:
        end_to_end(args.e2e_mb)


if __name__ == "__main__":
    main()
