"""fix-encoding against ftfy's published test cases.

Reads ftfy's case files (JSON lists with original / fixed / fixed-encoding) from
a folder, e.g. ../shared/data/ftfy-cases, and reports:

- identical: with span repair off, our output equals ftfy.fix_text(line, our
  config) called per line (the screens must never change what ftfy would do:
  this must be all of them);
- how many match the case's ``fixed`` or ``fixed-encoding`` with span repair on
  (fewer than ftfy's own defaults reach, since we keep curly quotes and widths);
- every case where span repair changes ftfy's result.  A negative case
  (``fixed`` equal to ``original``) that span repair changes fails the run,
  unless it is in ``KNOWN_DIFFERENCES`` with the reason.

    python benchmarks/ftfy_conformance.py ../shared/data/ftfy-cases
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import ftfy

from corpus_tools import Pipeline
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig
from corpus_tools.pipeline import CleanConfig
from corpus_tools.stream.lines import decode, split_lines


def clean_like_the_stream(pipeline: Pipeline, text: str) -> str:
    """Clean text line by line, exactly as the CLI splits it."""
    lines = split_lines(io.BytesIO(text.encode("utf-8", "surrogatepass")))
    return "".join(pipeline.clean(decode(c)).text + e.decode() for c, e in lines)


def ftfy_per_line(text: str, config) -> str:
    lines = split_lines(io.BytesIO(text.encode("utf-8", "surrogatepass")))
    return "".join(ftfy.fix_text(decode(c), config) + e.decode() for c, e in lines)


# Negative cases span repair changes on purpose, with the reason.
KNOWN_DIFFERENCES: dict[str, str] = {}  # none today


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="folder with ftfy's *.json case files")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.json"))
    if not files:
        print(f"no *.json case files in {args.folder}", file=sys.stderr)
        return 2
    ftfy_only = Pipeline(["fix-encoding"], CleanConfig(encoding=EncodingConfig(span_repair=False)))
    pipeline = Pipeline(["fix-encoding"])
    config = EncodingConfig().ftfy_config()
    total = identical = expected = 0
    differences, span_changes, broken = [], [], []
    for path in files:
        file_total = file_expected = 0
        for case in json.loads(path.read_text(encoding="utf-8")):
            original = case["original"]
            screened = clean_like_the_stream(ftfy_only, original)
            ours = clean_like_the_stream(pipeline, original)
            total += 1
            file_total += 1
            if screened == ftfy_per_line(original, config):
                identical += 1
            else:
                differences.append((path.name, case["label"]))
            if ours in (case["fixed"], case.get("fixed-encoding", case["fixed"])):
                expected += 1
                file_expected += 1
            if ours != screened:
                span_changes.append((path.name, case["label"], ours))
                if case["fixed"] == original and case["label"] not in KNOWN_DIFFERENCES:
                    broken.append((path.name, case["label"]))
        print(f"{path.name:24} {file_expected:4}/{file_total:<4} match fixed or fixed-encoding")
    print(f"identical to ftfy per line (span repair off): {identical}/{total}")
    print(f"match fixed or fixed-encoding (span repair on): {expected}/{total}")
    for name, label in differences:
        print(f"  differs from ftfy: {name}: {label}")
    print(f"cases span repair changes: {len(span_changes)}")
    for name, label, ours in span_changes:
        reason = KNOWN_DIFFERENCES.get(label)
        print(f"  {name}: {label[:70]} -> {ours[:60]!r}" + (f"  [known: {reason}]" if reason else ""))
    for name, label in broken:
        print(f"  NEGATIVE CASE CHANGED: {name}: {label}")
    return 0 if identical == total and not broken else 1


if __name__ == "__main__":
    sys.exit(main())
