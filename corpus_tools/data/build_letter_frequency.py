"""Build ``letter_frequency.tsv``: for each letter, the largest share of the letters
of one language's text that it is, over the 55 languages whose profiles langdetect
ships (character counts of Wikipedia text, Apache License 2.0).  Serbian, which
has no profile, counts its Cyrillic letters in Croatian's (``љ`` is ``lj``).

The encoding screen stops at some characters of every line it scans; which ones
it stops at (see :mod:`corpus_tools.filters.encoding.pair_screen`) should depend on how
often real text writes them.  Ukrainian writes ``і`` more often than most
letters of ``а``-``я``; Macedonian ``ѓ`` is rare even in Macedonian; a capital is
rare in every language.  The table is written, not typed::

    python -m corpus_tools.data.build_letter_frequency    # rewrite the table

It needs langdetect, a dependency of corpus-tools, and nothing else.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

TABLE_NAME = "letter_frequency.tsv"
# Shares below this are written as this: a letter seen once in a profile is noise.
FLOOR = 1e-5


def shares() -> dict[str, tuple[float, str]]:
    """Letter -> (its largest share of one language's letters, that language)."""
    best: dict[str, tuple[float, str]] = {}
    profiles = resources.files("langdetect") / "profiles"
    for profile in sorted(profiles.iterdir(), key=lambda path: path.name):
        data = json.loads(profile.read_text(encoding="utf-8"))
        letters = {gram: count for gram, count in data["freq"].items()
                   if len(gram) == 1 and gram.isalpha()}
        total = sum(letters.values())
        found = {letter: count / total for letter, count in letters.items()}
        if data["name"] == "hr":
            found |= _serbian_cyrillic(data["freq"], total)
        for letter, share in found.items():
            language = "sr (from hr)" if data["name"] == "hr" and letter >= "\u0400" \
                else data["name"]
            if share > best.get(letter, (0.0, ""))[0]:
                best[letter] = (share, language)
    return best


# Serbian has no profile of its own; its Cyrillic alphabet writes Croatian's Latin
# letter for letter, digraphs as one letter.
_SERBIAN_FROM_CROATIAN = {"љ": ("lj",), "њ": ("nj",), "џ": ("dž",), "ћ": ("ć",), "ђ": ("đ",),
                          "Ј": ("J",), "Ћ": ("Ć",), "Ђ": ("Đ",)}


def _serbian_cyrillic(freq: dict[str, int], total: int) -> dict[str, float]:
    """Shares of Serbian's own Cyrillic letters, counted in the Croatian profile: 'љ' is
    'lj', and 'ј' is every 'j' that is not part of 'lj', 'nj' or 'dž'."""
    found = {letter: sum(freq.get(gram, 0) for gram in grams) / total
             for letter, grams in _SERBIAN_FROM_CROATIAN.items()}
    found["ј"] = (freq.get("j", 0) - freq.get("lj", 0) - freq.get("nj", 0)
                  - freq.get("dž", 0)) / total
    return found


def main() -> None:
    rows = sorted(shares().items(), key=lambda item: ord(item[0]))
    lines = ["# corpus-tools letter frequencies: written by `python -m corpus_tools.data."
             "build_letter_frequency` from langdetect's profiles; do not edit.",
             "# code point\tlargest share of one language's letters\tthat language"]
    lines += [f"{ord(letter):04X}\t{max(share, FLOOR):.6f}\t{language}"
              for letter, (share, language) in rows if share >= FLOOR]
    path = Path(__file__).with_name(TABLE_NAME)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(lines) - 2} letters")


if __name__ == "__main__":
    main()
