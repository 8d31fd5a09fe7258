"""fix-encoding against ftfy's published test cases.

Reads ftfy's case files (JSON lists with original / fixed / fixed-encoding) from
a folder, e.g. ../shared/data/ftfy-cases, and reports:

- identical: our output equals ftfy.fix_text(line, our config) called per line
  (the prefilter must never change what ftfy would do: this must be all of them);
- how many match the case's ``fixed`` or ``fixed-encoding`` under our config
  (fewer than ftfy's own defaults reach, since we keep curly quotes and widths).

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
from corpus_tools.filters.fix_encoding import EncodingConfig
from corpus_tools.stream.lines import decode, split_lines


def clean_like_the_stream(pipeline: Pipeline, text: str) -> str:
    """Clean text line by line, exactly as the CLI splits it."""
    lines = split_lines(io.BytesIO(text.encode("utf-8", "surrogatepass")))
    return "".join(pipeline.clean(decode(c)).text + e.decode() for c, e in lines)


def ftfy_per_line(text: str, config) -> str:
    lines = split_lines(io.BytesIO(text.encode("utf-8", "surrogatepass")))
    return "".join(ftfy.fix_text(decode(c), config) + e.decode() for c, e in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="folder with ftfy's *.json case files")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.json"))
    if not files:
        print(f"no *.json case files in {args.folder}", file=sys.stderr)
        return 2
    pipeline = Pipeline(["fix-encoding"])
    config = EncodingConfig().ftfy_config()
    total = identical = expected = 0
    differences = []
    for path in files:
        file_total = file_expected = 0
        for case in json.loads(path.read_text(encoding="utf-8")):
            original = case["original"]
            ours = clean_like_the_stream(pipeline, original)
            total += 1
            file_total += 1
            if ours == ftfy_per_line(original, config):
                identical += 1
            else:
                differences.append((path.name, case["label"]))
            if ours in (case["fixed"], case.get("fixed-encoding", case["fixed"])):
                expected += 1
                file_expected += 1
        print(f"{path.name:24} {file_expected:4}/{file_total:<4} match fixed or fixed-encoding")
    print(f"identical to ftfy per line (same config): {identical}/{total}")
    print(f"match fixed or fixed-encoding:             {expected}/{total}")
    for name, label in differences:
        print(f"  differs from ftfy: {name}: {label}")
    return 0 if identical == total else 1


if __name__ == "__main__":
    sys.exit(main())
