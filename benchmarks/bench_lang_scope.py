"""Language scope: English-scoped name rules fix English lines and never touch other languages.

Documents are built from ``benchmarks/data/lang-scope.tsv`` (lines in 8
languages, each holding a variant that the default English name rules list):
English hosts with lines of the other languages mixed in, without and with
blank lines; hosts in each other language with English lines; everything
shuffled.  Each runs through ``clean`` as the command line runs it (default
rules, no ``--lang``).  Printed: English lines fixed and other-language lines
changed, for short and long lines.  Goal: 0 other-language lines changed, at
least 97% of English lines fixed, 100% of long ones.

    python benchmarks/bench_lang_scope.py [--languages en,fr,...] [--show]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections import Counter
from pathlib import Path

from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.language.codes import parse_languages
from corpus_tools.pipeline import CleanConfig, Pipeline

DATA = Path(__file__).resolve().parent / "data" / "lang-scope.tsv"
# Held out: sentences written for the language benchmark, never used to tune the decision.
HELD_OUT = Path(__file__).resolve().parent / "data" / "lang-labelled.tsv"


def held_out_lines() -> list[tuple[str, str, str]]:
    """lang-labelled.tsv's sentences, and their first three words, each ending in a variant."""
    rows = []
    for line in HELD_OUT.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t")
            rows.append((lang, "long", f"{text.rstrip('.')} (Erevan)."))
            rows.append((lang, "short", " ".join(text.split()[:3]) + " Latchine"))
    return rows


def read_lines() -> list[tuple[str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, length, text = line.split("\t")
            rows.append((lang, length, text))
    return rows


def documents(rows) -> dict[str, list]:
    english = [row for row in rows if row[0] == "en"]
    others = [row for row in rows if row[0] != "en"]
    english = english * (1 + 26 // len(english))  # enough English lines for every host
    host: list = []
    other_iter = iter(others)
    for index, row in enumerate(english):
        host.append(row)
        if index % 1 == 0:  # after every English line, up to two foreign lines
            host += [next(other_iter, None), next(other_iter, None)]
    host = [row for row in host if row is not None] + list(other_iter)
    docs = {"English host, no blank lines": host,
            "English host, blank lines": [item for row in host for item in (row, None)]}
    for lang in sorted({row[0] for row in others}):
        own = [row for row in others if row[0] == lang]
        mixed = own[:4] + english[0:1] + own[4:8] + english[20:21] + own[8:] + english[25:26]
        docs[f"{lang} host with English lines"] = mixed
    shuffled = list(rows)
    random.Random(7).shuffle(shuffled)
    docs["all shuffled"] = shuffled
    # One foreign line in an English text: the document shows no other line in its language.
    docs.update({f"English text + 1 {row[0]} line #{index}": [*english[:6], row, *english[6:10]]
                 for index, row in enumerate(others)})
    return docs


def others_of(rows):
    return [row for row in rows if row[0] != "en"]


def clean_document(pipeline: Pipeline, doc: list, folder: Path) -> list[str]:
    source, target = folder / "in.txt", folder / "out.txt"
    source.write_text("".join(("" if row is None else row[2]) + "\n" for row in doc),
                      encoding="utf-8")
    Runner(pipeline, RunOptions(output=str(target))).run([str(source)])
    return target.read_text(encoding="utf-8").split("\n")[:-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--languages", help="candidate languages (default: all)")
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--held-out", action="store_true",
                        help="use lang-labelled.tsv's 12 languages (never tuned on) instead")
    args = parser.parse_args()
    pipeline = Pipeline(config=CleanConfig(languages=parse_languages(args.languages)))
    variants = {v for rule in pipeline.rule_set.names for v in rule.variants}
    rows = read_lines() if not args.held_out else held_out_lines()
    totals: Counter = Counter()
    single: Counter = Counter()
    print(f"{len(rows)} lines in {len({r[0] for r in rows})} languages; candidates: "
          f"{args.languages or 'all'}")
    print(f"{'document':<32} {'en long fixed':>14} {'en short fixed':>15} "
          f"{'other long changed':>19} {'other short changed':>20}")
    with tempfile.TemporaryDirectory() as temp:
        for name, doc in documents(rows).items():
            out = clean_document(pipeline, doc, Path(temp))
            counts: Counter = Counter()
            for row, after in zip(doc, out, strict=True):
                if row is None:
                    continue
                lang, length, before = row
                counts[(lang == "en", length, "n")] += 1
                if lang == "en":
                    fixed = after != before and not any(v in after for v in variants
                                                        if v in before)
                    counts[("en", length, "ok")] += fixed
                    if not fixed and args.show:
                        print(f"   not fixed [{name}]: {before}")
                elif after != before:
                    counts[("other", length, "bad")] += 1
                    if args.show:
                        print(f"   changed [{name}]: {before} -> {after}")
            if name.startswith("English text + 1"):
                single.update(counts)
                totals.update({key: n for key, n in counts.items() if key[0] in ("other", False)})
                continue
            totals.update(counts)
            print(f"{name:<32} {_ratio(counts, 'en', 'long', 'ok'):>14} "
                  f"{_ratio(counts, 'en', 'short', 'ok'):>15} "
                  f"{_ratio(counts, 'other', 'long', 'bad'):>19} "
                  f"{_ratio(counts, 'other', 'short', 'bad'):>20}")
    print(f"{'English text + 1 foreign line':<32} {'':>14} {'':>15} "
          f"{_ratio(single, 'other', 'long', 'bad'):>19} {_ratio(single, 'other', 'short', 'bad'):>20}"
          f"   ({len(others_of(rows))} documents)")
    print(f"{'total':<32} {_ratio(totals, 'en', 'long', 'ok'):>14} "
          f"{_ratio(totals, 'en', 'short', 'ok'):>15} {_ratio(totals, 'other', 'long', 'bad'):>19} "
          f"{_ratio(totals, 'other', 'short', 'bad'):>20}")
    english = totals[("en", "long", "ok")] + totals[("en", "short", "ok")]
    english_n = totals[(True, "long", "n")] + totals[(True, "short", "n")]
    other_bad = totals[("other", "long", "bad")] + totals[("other", "short", "bad")]
    print(f"English lines fixed: {english}/{english_n} ({english / english_n:.1%}, goal >= 97%, "
          f"long 100%); other-language lines changed: {other_bad} (goal 0)")


def _ratio(counts: Counter, side: str, length: str, key: str) -> str:
    total = counts[(side == "en", length, "n")]
    return f"{counts[(side, length, key)]}/{total}"


if __name__ == "__main__":
    main()
