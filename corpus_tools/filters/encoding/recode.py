"""Whole-line recoding: Cyrillic text saved in one legacy page and read as another.

No UTF-8 is involved, so span repair's pairs never see it: KOI8 puts the small
letters where cp1251 has its capitals, so Russian ``Вопрос`` saved as cp1251 (C2
EE EF F0 EE F1) reads as KOI8-R ``бНОПНЯ``, saved as KOI8 (F7 CF D0 D2 CF D3)
reads as cp1251 ``чПРТПУ`` and as latin-1 ``÷ÏÐÒÏÓ``.  A line is looked at
when it holds a small Cyrillic letter before two capitals, or three latin-1
capitals in a row (``_LOOK``: correct text writes neither inside a word, so a clean
line costs one scan); it is then turned back into bytes through the page it was
read as and decoded through the page it was written in (``RECODINGS``).  A reading is taken only when it
is all Cyrillic letters (with ASCII and typography), holds nothing odd, and its
letter pairs are likely (``_LIKELY``) and far more likely in Russian, Ukrainian, Bulgarian or Macedonian
than the line's own, by the pair frequencies of langdetect's profiles (half as
much suffices where the reading also has fewer words of mixed case).

>>> recode_line("бНОПНЯ Н ОНЦНДЕ")
'Вопрос о погоде'
>>> recode_line("чПРТПУ П РПЗПДЕ")
'Вопрос о погоде'
>>> recode_line("ВОПРОС О ПОГОДЕ") is None
True
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re

from corpus_tools.filters.encoding.oddness import oddness
from corpus_tools.text.scripts import script_of

# (page the text was written in, page it was read as), in the order tried.
RECODINGS = (("cp1251", "koi8_r"), ("cp1251", "koi8_u"),
             ("koi8_r", "cp1251"), ("koi8_u", "cp1251"),
             ("koi8_r", "latin-1"), ("koi8_u", "latin-1"),
             ("koi8_r", "cp1252"), ("koi8_u", "cp1252"))

RECODING_LOOK = "[а-яё][А-ЯЁ]{2}|[À-Þ]{3}"  # (re syntax, for the block screen too)
_LOOK = re.compile(RECODING_LOOK)
_MIXED_CASE = re.compile("[а-яё][А-ЯЁ]")

# The profiles whose letter pairs decide (langdetect ships no Kazakh, Belarusian or
# Serbian one; their text shares most pairs with these).
_PROFILES = ("ru", "uk", "bg", "mk")
# How much more likely, per letter pair (natural log), a reading must be.
_MARGIN = 2.0
_UNSEEN = math.log(1e-7)
# How likely, at least, a reading's pairs must be: sentences of those languages score
# -5 to -7.5; a misread line -9 to -12, and -16 when it is all Latin.
_LIKELY = -8.0
# Fewer letters than these are too few to weigh ('ÄÄÄ' would be 'ддд').
_ENOUGH_LETTERS = 8


def might_be_recoded(text: str) -> bool:
    return _LOOK.search(text) is not None


def recode_line(text: str) -> str | None:
    """The line read back through the page it was written in, or None when no reading
    is sure; of several, the one whose letter pairs are likeliest."""
    if not might_be_recoded(text):
        return None
    own = pair_score(text)
    best, best_score = None, own
    for written_in, read_as in RECODINGS:
        try:
            candidate = text.encode(read_as).decode(written_in)
        except UnicodeError:
            continue
        if candidate == text or oddness(candidate):
            continue
        letters = [char for char in candidate if char.isalpha() and not char.isascii()]
        if len(letters) < _ENOUGH_LETTERS or any(script_of(char) != "Cyrillic"
                                                 for char in letters):
            continue
        score = pair_score(candidate)
        gain = score - own
        if score >= _LIKELY and score > best_score and (gain >= _MARGIN or (
                gain >= _MARGIN / 2 and _mixed_case(candidate) < _mixed_case(text))):
            best, best_score = candidate, score
    return best


def _mixed_case(text: str) -> int:
    """Words with a small Cyrillic letter before a capital ('бНОПНЯ'): the pair
    likelihoods are of lower-cased text, and KOI8 misread this way swaps the cases."""
    return len(_MIXED_CASE.findall(text))


def pair_score(text: str) -> float:
    """The mean log likelihood of the text's letter pairs (a space at each word's ends),
    in the profile where they are most likely; ``_UNSEEN`` for a pair no profile has."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    pairs = [word[index:index + 2] for word in words
             for index in range(len(word) - 1)] + [f" {word[0]}" for word in words]
    if not pairs:
        return _UNSEEN
    return max(math.fsum(table.get(pair, _UNSEEN) for pair in pairs) / len(pairs)
               for table in _pair_tables())


@functools.lru_cache(maxsize=1)
def _pair_tables() -> tuple[dict[str, float], ...]:
    """Letter pair -> log share of the profile's pairs, for each of ``_PROFILES``."""
    tables = []
    for name in _PROFILES:
        path = importlib.resources.files("langdetect").joinpath("profiles", name)
        profile = json.loads(path.read_text(encoding="utf-8"))
        total = profile["n_words"][1]
        tables.append({gram.lower(): math.log(count / total)
                       for gram, count in profile["freq"].items() if len(gram) == 2})
    return tuple(tables)
