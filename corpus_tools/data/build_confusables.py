"""Build ``confusables.tsv``, fix-scripts' table of look-alike letters, from Unicode data.

It also writes ``scripts.txt``, the script names, so the runtime can name
the script of any letter with the ``regex`` module.

Run from a checkout, with the folder that holds Unicode's ``confusables.txt``,
``intentional.txt`` and ``Scripts.txt``::

    python -m corpus_tools.data.build_confusables ../shared/data/unicode

The table is committed; building the package needs neither this script nor
the network.  The Unicode version is read from the files' headers and written
into the table's header.

What goes in.  ``confusables.txt`` maps each character to a *prototype*, a
comparison key (``m`` -> ``rn``, ``ı`` -> ``i``) that is never display text.
Two characters with the same prototype look alike.  From each such group we
keep the pairs that are two letters (general category L*) of two different
scripts (neither Common nor Inherited) and of the same case (an upper-case
letter only stands in for an upper-case one), and whose target is a letter of
everyday text in one of the scripts of ``TARGET_LETTERS``: Latin ``o`` has a
Georgian look-alike, ``ჿ`` (U+10FF), that no Georgian writer types, so it is
not a target.  Mixed tokens whose majority script is not in that list are
reported, never repaired.  A letter that has several
look-alikes in one script gets one: the pair ``intentional.txt`` lists first,
then the prototype itself, then the lowest code point.  So the table only
ever writes a single letter that exists in the target script.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

TABLE_NAME = "confusables.tsv"
SCRIPT_NAMES = "scripts.txt"
# "# Version: 17.0.0" (security files) or "# Scripts-17.0.0.txt" (UCD files)
_VERSION = re.compile(r"^#\s*(?:Version:\s*|\S+-)(\d+\.\d+\.\d+)", re.MULTILINE)
_CASED = {"Lu", "Ll"}

# The letters fix-scripts may write, per script: each script's modern alphabet.
TARGET_LETTERS = {
    "Latin": (0x0041, 0x00FF),  # ASCII and Latin-1 letters
    "Cyrillic": (0x0400, 0x04FF),
    "Greek": (0x0386, 0x03CE),
    "Armenian": (0x0531, 0x0587),
    "Georgian": (0x10D0, 0x10F0),  # Mkhedruli, the 33 letters in use
}


def unicode_version(text: str, name: str) -> str:
    """The version a Unicode data file's header names."""
    match = _VERSION.search(text)
    if not match:
        raise ValueError(f"{name}: no version in the header")
    return match.group(1)


def _code_points(field: str) -> str:
    return "".join(chr(int(cp, 16)) for cp in field.split())


def parse_scripts(text: str) -> dict[str, str]:
    """``Scripts.txt`` as code point -> script name (only what the file lists)."""
    scripts: dict[str, str] = {}
    for line in text.splitlines():
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        cps, script = (part.strip() for part in data.split(";"))
        first, _, last = cps.partition("..")
        for cp in range(int(first, 16), int(last or first, 16) + 1):
            scripts[chr(cp)] = script
    return scripts


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """The ``source ; target`` pairs of ``confusables.txt`` or ``intentional.txt``."""
    pairs = []
    for line in text.splitlines():
        data = line.lstrip("\ufeff").split("#", 1)[0].strip()
        if not data:
            continue
        fields = [part.strip() for part in data.split(";")]
        pairs.append((_code_points(fields[0]), _code_points(fields[1])))
    return pairs


def build_rows(confusables: list[tuple[str, str]], intentional: list[tuple[str, str]],
               scripts: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(source letter, its script, target script, target letter), sorted."""
    groups: dict[str, set[str]] = defaultdict(set)
    for source, prototype in confusables:
        groups[prototype].add(source)
        if len(prototype) == 1:
            groups[prototype].add(prototype)
    intended = {frozenset(pair) for pair in intentional}
    best: dict[tuple[str, str], tuple[tuple, str]] = {}
    for prototype, members in groups.items():
        letters = [c for c in members if len(c) == 1 and _is_scripted_letter(c, scripts)]
        for source in letters:
            for target in letters:
                if (scripts[source] == scripts[target] or not _same_case(source, target)
                        or not _is_target(target, scripts)):
                    continue
                rank = (frozenset((source, target)) not in intended, target != prototype, ord(target))
                key = (source, scripts[target])
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, target)
    rows = [(source, scripts[source], script, target) for (source, script), (_, target) in best.items()]
    return sorted(rows, key=lambda row: (ord(row[0]), row[2]))


def _is_scripted_letter(char: str, scripts: dict[str, str]) -> bool:
    return (unicodedata.category(char).startswith("L")
            and scripts.get(char, "Unknown") not in ("Common", "Inherited", "Unknown"))


def _is_target(char: str, scripts: dict[str, str]) -> bool:
    first, last = TARGET_LETTERS.get(scripts[char], (1, 0))
    return first <= ord(char) <= last


def _same_case(a: str, b: str) -> bool:
    case_a, case_b = unicodedata.category(a), unicodedata.category(b)
    if case_a in _CASED or case_b in _CASED:
        return case_a == case_b
    return True


def render(rows, versions: dict[str, str]) -> str:
    lines = [
        "# fix-scripts: letters and their look-alikes in other scripts.",
        "# Generated by corpus_tools/data/build_confusables.py; do not edit by hand.",
        "# From Unicode " + ", ".join(f"{name} {version}" for name, version in versions.items()),
        "# (Unicode License v3).",
        "# source\tsource script\ttarget script\ttarget\t(the characters, for reading)",
    ]
    for source, source_script, target_script, target in rows:
        lines.append(f"{ord(source):04X}\t{source_script}\t{target_script}\t{ord(target):04X}"
                     f"\t# {source} → {target}")
    return "\n".join(lines) + "\n"


def render_script_names(scripts: dict[str, str], version: str) -> str:
    names = sorted(set(scripts.values()) - {"Common", "Inherited"})
    header = [f"# The script names of Unicode Scripts.txt {version}, less Common and Inherited.",
              "# Generated by corpus_tools/data/build_confusables.py; do not edit by hand."]
    return "\n".join(header + names) + "\n"


def build(unicode_dir: Path) -> dict[str, str]:
    """The generated files, name -> text."""
    texts = {name: (unicode_dir / name).read_text(encoding="utf-8")
             for name in ("confusables.txt", "intentional.txt", "Scripts.txt")}
    versions = {name: unicode_version(text, name) for name, text in texts.items()}
    scripts = parse_scripts(texts["Scripts.txt"])
    rows = build_rows(parse_pairs(texts["confusables.txt"]), parse_pairs(texts["intentional.txt"]),
                      scripts)
    return {
        TABLE_NAME: render(rows, versions),
        SCRIPT_NAMES: render_script_names(scripts, versions["Scripts.txt"]),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m corpus_tools.data.build_confusables UNICODE_DATA_DIR", file=sys.stderr)
        return 2
    for name, text in build(Path(args[0])).items():
        out = Path(__file__).with_name(name)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
