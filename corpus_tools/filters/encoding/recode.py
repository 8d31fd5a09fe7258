"""Whole-line recoding: Cyrillic text saved in one legacy page and read as another.

No UTF-8 is involved, so span repair's pairs never see it: KOI8 puts the small
letters where cp1251 has its capitals, so Russian ``Вопрос`` saved as cp1251 (C2
EE EF F0 EE F1) reads as KOI8-R ``бНОПНЯ``, saved as KOI8 (F7 CF D0 D2 CF D3)
reads as cp1251 ``чПРТПУ`` and as latin-1 ``÷ÏÐÒÏÓ``.  A line is looked at
when it holds three Cyrillic capitals with a rare one in the middle, or three
latin-1 capitals in a row (``RECODING_PAIRS``, part of FixEncoding's one scan); it is then turned back into bytes through the page it was
read as and decoded through the page it was written in (``RECODINGS``).  A reading is taken only when it
is all Cyrillic letters (with ASCII and typography), holds nothing odd, and its
letter pairs are likely (``_LIKELY``) and far more likely in Russian, Ukrainian, Bulgarian or Macedonian
than the line's own, by the pair frequencies of langdetect's profiles (half as
much suffices where the reading also has fewer words of mixed case).

>>> recode_line("бНОПНЯ Н ОНЦНДЕ Б лНЯЙБЕ")
'Вопрос о погоде в Москве'
>>> recode_line("чПРТПУ П РПЗПДЕ Ч нПУЛЧЕ")
'Вопрос о погоде в Москве'
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
from corpus_tools.filters.encoding.pair_screen import Pair
from corpus_tools.text.scripts import script_of

# (page the text was written in, page it was read as), in the order tried.
RECODINGS = (("cp1251", "koi8_r"), ("cp1251", "koi8_u"),
             ("koi8_r", "cp1251"), ("koi8_u", "cp1251"),
             ("koi8_r", "latin-1"), ("koi8_u", "latin-1"),
             ("koi8_r", "cp1252"), ("koi8_u", "cp1252"))

_CAPITALS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_LATIN_CAPITALS = frozenset(map(chr, range(0xC0, 0xDF)))
# Capitals correct text rarely writes inside a word of capitals, and which one page
# read as the other makes of frequent small letters: KOI8 'и' 'т' 'в' are cp1251 'Й'
# 'Ф' 'Ч', cp1251 'а' 'к' 'я' are KOI8 'Ю' 'Й' 'Ъ'.
_RARE_CAPITALS = frozenset("ЙФЧЩШЪЮЦЫЖЭ")
# What FixEncoding's one scan looks for, anchored where pair_screen decides (at the
# rare capital): three capitals with a rare one in the middle ('НЯРЮ╦РЯЪ' for
# 'остаётся'), or three latin-1 capitals ('ÏÐÒÏÓ').
RECODING_PAIRS = (Pair(_CAPITALS, _RARE_CAPITALS, (_CAPITALS,)),
                  Pair(_LATIN_CAPITALS, _LATIN_CAPITALS, (_LATIN_CAPITALS,)))
_LOOK = re.compile("[А-ЯЁ][ЙФЧЩШЪЮЦЫЖЭ][А-ЯЁ]|[À-Þ]{3}")
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
        if candidate == text:
            continue
        letters = [char for char in candidate if char.isalpha() and not char.isascii()]
        if len(letters) < _ENOUGH_LETTERS or any(script_of(char) != "Cyrillic"
                                                 for char in letters):
            continue
        score = pair_score(candidate)
        gain = score - own
        if score >= _LIKELY and score > best_score and (gain >= _MARGIN or (
                gain >= _MARGIN / 2 and _mixed_case(candidate) < _mixed_case(text))) and (
                not oddness(candidate)):
            best, best_score = candidate, score
    return best


def _mixed_case(text: str) -> int:
    """Words with a small Cyrillic letter before a capital ('бНОПНЯ'): the pair
    likelihoods are of lower-cased text, and KOI8 misread this way swaps the cases."""
    return len(_MIXED_CASE.findall(text))


def pair_score(text: str) -> float:
    """The mean log likelihood of the text's letter pairs (a space before each word),
    each in the profile where it is likeliest; ``_UNSEEN`` for a pair none has."""
    words = _WORD(text.lower())
    pairs = [word[index:index + 2] for word in words
             for index in range(len(word) - 1)] + [f" {word[0]}" for word in words]
    if not pairs:
        return _UNSEEN
    table = _pair_table()
    return math.fsum(table.get(pair, _UNSEEN) for pair in pairs) / len(pairs)


@functools.lru_cache(maxsize=1)
def _pair_table() -> dict[str, float]:
    """Letter pair -> its log share of the pairs of the ``_PROFILES`` where it is likeliest."""
    table: dict[str, float] = {}
    for name in _PROFILES:
        path = importlib.resources.files("langdetect").joinpath("profiles", name)
        profile = json.loads(path.read_text(encoding="utf-8"))
        total = profile["n_words"][1]
        for gram, count in profile["freq"].items():
            if len(gram) == 2:
                share = math.log(count / total)
                table[gram.lower()] = max(share, table.get(gram.lower(), share))
    return table


_WORD = re.compile(r"[^\W\d_]+").findall
