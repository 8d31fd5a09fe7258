"""Rebuild ``mojibake-by-others.tsv``: text written by people outside the project,
taken from two openly licensed packages, with each block's source and license above it.

- spaCy's example sentences (``spacy/lang/<lang>/examples.py``; MIT, Copyright (C)
  2016-2024 ExplosionAI GmbH, 2016 spaCy GmbH, 2015 Matthew Honnibal);
- the Unicode CLDR's names of world regions and countries, as Babel ships them
  (``babel/locale-data/<locale>.dat``; CLDR data (C) Unicode, Inc., Unicode License
  v3), for the languages spaCy has no sentences in (ka, uz, kk, sr-Latn) and for
  hy and az, where spaCy has fewer than 15.

Neither package is a dependency: unpack the two wheels (``pip download --no-deps
spacy==3.8.18 babel==2.19.0``, then ``unzip``) and point this script at them:

    python benchmarks/data/make_by_others.py UNPACKED_SPACY UNPACKED_BABEL
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SPACY_LANGUAGES = ("hy", "ru", "uk", "az", "tr", "el", "sr", "fr", "de", "es", "pl", "cs",
                   "ky", "tt")
CLDR_LOCALES = {"hy": "hy", "az": "az", "ka": "ka", "uz": "uz_Latn", "kk": "kk",
                "sr-Latn": "sr_Latn"}
NAMES_PER_LANGUAGE = 15
OUT = Path(__file__).resolve().parent / "mojibake-by-others.tsv"


def spacy_sentences(root: Path, lang: str) -> list[str]:
    source = (root / "spacy" / "lang" / lang / "examples.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(
                getattr(target, "id", "") == "sentences" for target in node.targets):
            # Greek's sentences are wrapped over several lines: one line each here
            return [" ".join(ast.literal_eval(element).split()) for element in node.value.elts]
    raise SystemExit(f"no sentences in spaCy's {lang} examples")


def cldr_names(root: Path, locale: str) -> list[str]:
    """Region and country names with a letter beyond ASCII, names of several words
    first, in the order of their region codes, so the choice is the same every time."""
    sys.path.insert(0, str(root))
    from babel import Locale

    names = [name for _code, name in sorted(Locale.parse(locale).territories.items())
             if not name.isascii()]
    several = [name for name in names if " " in name]
    one = [name for name in names if " " not in name]
    return (several + one)[:NAMES_PER_LANGUAGE]


def main() -> None:
    spacy_root, babel_root = Path(sys.argv[1]), Path(sys.argv[2])
    lines = ["# lang\ttext -- written by others; each block's source and license is the "
             "comment above it (made by make_by_others.py)"]
    for lang in SPACY_LANGUAGES:
        lines.append(f"# spaCy 3.8.18, spacy/lang/{lang}/examples.py; MIT, (C) ExplosionAI "
                     "GmbH, spaCy GmbH, Matthew Honnibal")
        lines += [f"{lang}\t{text}" for text in spacy_sentences(spacy_root, lang)]
    for lang, locale in CLDR_LOCALES.items():
        lines.append(f"# Unicode CLDR via Babel 2.19.0, territory names of locale {locale}; "
                     "Unicode License v3, (C) Unicode, Inc.")
        lines += [f"{lang}\t{name}" for name in cldr_names(babel_root, locale)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {sum(not line.startswith('#') for line in lines)} lines")


if __name__ == "__main__":
    main()
