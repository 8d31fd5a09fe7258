"""Correct text written by others, in many languages: does fix-encoding leave it alone?

The Unicode CLDR's names of languages, regions, scripts, currencies, months and
days, as Babel ships them (CLDR data (C) Unicode, Inc., Unicode License v3), for
34 locales: for each, how many strings the screen stops at (and so reach span
repair) and how many fix-encoding changes (the goal: none).  Babel is not a
dependency: install it in the venv (``pip install babel==2.19.0``), or unpack its
wheel and give the folder.

    python benchmarks/bench_cldr_clean.py [UNPACKED_BABEL] [--faker UNPACKED_FAKER]

With ``--faker``, also Faker's word lists for its lorem text (MIT, (C) joke2k
and Faker's contributors) in 16 locales, eight words a line.
"""

from __future__ import annotations

import sys

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.encoding.fix_encoding import FixEncoding

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


FAKER_LOCALES = ("az_AZ", "cs_CZ", "de_DE", "el_GR", "fr_FR", "hy_AM", "pl_PL", "ru_RU",
                 "uk_UA", "mk_MK", "es_ES", "he_IL", "ar_AA", "fa_IR", "th_TH", "vi_VN")


def faker_lines(folder: str) -> dict[str, list[str]]:
    import importlib

    sys.path.insert(0, folder)
    found = {}
    for locale in FAKER_LOCALES:
        words = list(importlib.import_module(f"faker.providers.lorem.{locale}").Provider.word_list)
        found[locale] = [" ".join(words[start:start + 8]) for start in range(0, len(words), 8)]
    return found


def count(fixer: FixEncoding, code: str, strings: list[str], totals: list[int]) -> None:
    context = UnitContext()
    stopped = changed = 0
    for text in strings:
        if fixer._might_need_fixing(text) is not None:
            stopped += 1
        fixed, changes = fixer.apply(text, context)
        if fixed != text or changes:  # a finding on correct text is wrong too
            changed += 1
            print(f"  CHANGED or REPORTED {code}: {text!r} -> {fixed!r}")
    print(f"  {code:<8} {len(strings):>5} {stopped:>4} {changed:>3}")
    for index, figure in enumerate((len(strings), stopped, changed)):
        totals[index] += figure


def main() -> None:
    args = sys.argv[1:]
    faker = None
    if "--faker" in args:
        at = args.index("--faker")
        faker = args[at + 1]
        del args[at:at + 2]
    if args:
        sys.path.insert(0, args[0])
    try:
        from babel import Locale, __version__
    except ImportError:
        raise SystemExit("needs Babel: pip install babel==2.19.0, or give an unpacked wheel") from None
    fixer = FixEncoding()
    totals = [0, 0, 0]
    print(f"CLDR via Babel {__version__}: strings, stopped at by the screen, changed or reported")
    for code in LOCALES:
        count(fixer, code, strings_of(Locale.parse(code)), totals)
    print(f"  {'all':<8} {totals[0]:>5} {totals[1]:>4} {totals[2]:>3}")
    if faker:
        totals = [0, 0, 0]
        print("Faker's lorem words, eight a line: lines, stopped at, changed or reported")
        for code, lines in faker_lines(faker).items():
            count(fixer, code, lines, totals)
        print(f"  {'all':<8} {totals[0]:>5} {totals[1]:>4} {totals[2]:>3}")


if __name__ == "__main__":
    main()
