"""Correct text written by others, in many languages: does fix-encoding leave it alone?

The Unicode CLDR's names of languages, regions, scripts, currencies, months and
days, as Babel ships them (CLDR data (C) Unicode, Inc., Unicode License v3), for
34 locales: for each, how many strings the screen stops at (and so reach span
repair) and how many fix-encoding changes (the goal: none).  Babel is not a
dependency: install it in the venv (``pip install babel==2.19.0``), or unpack its
wheel and give the folder.

    python benchmarks/bench_cldr_clean.py [UNPACKED_BABEL]
"""

from __future__ import annotations

import sys

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.fix_encoding import FixEncoding

LOCALES = ("hy", "ru", "uk", "az", "tr", "ka", "el", "sr", "sr_Latn", "uz", "kk", "fr", "de",
           "es", "pl", "cs", "ky", "tt", "be", "bg", "mk", "ro", "hu", "sk", "sl", "hr", "lt",
           "lv", "et", "pt", "it", "ca", "is", "vi")


def strings_of(locale) -> list[str]:
    found: set[str] = set()
    for names in (locale.languages, locale.territories, locale.scripts, locale.currencies):
        found.update(name for name in names.values() if isinstance(name, str))
    for names in (locale.months["format"]["wide"], locale.days["format"]["wide"]):
        found.update(names.values())
    return sorted(found)


def main() -> None:
    if len(sys.argv) > 1:
        sys.path.insert(0, sys.argv[1])
    try:
        from babel import Locale, __version__
    except ImportError:
        raise SystemExit("needs Babel: pip install babel==2.19.0, or give an unpacked wheel") from None
    fixer = FixEncoding()
    context = UnitContext()
    totals = [0, 0, 0]
    print(f"CLDR via Babel {__version__}: strings, stopped at by the screen, changed")
    for code in LOCALES:
        strings = strings_of(Locale.parse(code))
        stopped = changed = 0
        for text in strings:
            if fixer._might_need_fixing(text) is not None:
                stopped += 1
            fixed = fixer.apply(text, context)[0]
            if fixed != text:
                changed += 1
                print(f"  CHANGED {code}: {text!r} -> {fixed!r}")
        print(f"  {code:<8} {len(strings):>5} {stopped:>4} {changed:>3}")
        for index, count in enumerate((len(strings), stopped, changed)):
            totals[index] += count
    print(f"  {'all':<8} {totals[0]:>5} {totals[1]:>4} {totals[2]:>3}")


if __name__ == "__main__":
    main()
