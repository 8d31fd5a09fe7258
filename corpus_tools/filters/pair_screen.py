"""One regex that tells whether a line holds a trigger character or a trigger pair.

The encoding screens ask "is one of these characters here, or a character of
A directly followed by one of B?" (ftfy's badness pattern, and the lead and
continuation characters of misread UTF-8).  Asked as ``[A][B]``, the regex
engine stops at every character of A, and in Cyrillic text every letter is a
cp1251 lead; in Greek text every letter starts one of ftfy's pairs.  So each
pair is anchored at its *rarer* side: ``[A][B]`` when A is rarer, else
``[B](?<=[A].)``.  All alternatives then start with a character of one set,
which ``re`` scans for in C before it tries anything (its "charset prefix");
a clean line of most languages holds none of them.

>>> screen = pair_screen({"&"}, [Pair(frozenset("ВГРС"), frozenset("‘“•"))])
>>> bool(screen.search("Россия и Грузия")), bool(screen.search("Р“")), bool(screen.search("a & b"))
(False, True, True)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Typography that edited text of every language uses.
_COMMON_MARKS = frozenset("’‘“”–—…«»\u00a0")


@dataclass(frozen=True)
class Pair:
    """A character of ``first`` directly followed by one of ``second``, then ``after``
    (a regex, empty for nothing more)."""

    first: frozenset[str]
    second: frozenset[str]
    after: str = ""


def frequency(chars: Iterable[str]) -> float:
    """A rough guess of how often correct text holds a character of ``chars``.

    The letters of a script's basic alphabet (``a-z``, ``а-я``, ``α-ω``, all of
    Armenian or Georgian) weigh most; accented and national letters (``é``,
    ``ё``, ``і``) less, capitals less again, typography less; symbols,
    modifier letters and controls are rare in any language.
    """
    total = 0.0
    for char in chars:
        if char in _COMMON_MARKS:
            total += 0.1
        elif not char.isalpha() or unicodedata.category(char) == "Lm" or char in "ªº":
            total += 0.005
        else:
            weight = 1.0 if _basic_letter(char) else 0.15
            total += weight * 0.2 if char.isupper() else weight
    return total


def _basic_letter(char: str) -> bool:
    code = ord(char)
    if code < 0x370:
        return char.isascii()
    if code < 0x400:
        return 0x391 <= code <= 0x3C9  # Greek without tonos
    if code < 0x530:
        return 0x410 <= code <= 0x44F  # а-я, А-Я
    return True  # Armenian, Georgian and later scripts: their whole alphabet


def char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


def pair_screen(singles: Iterable[str], pairs: Iterable[Pair]) -> re.Pattern[str]:
    """A pattern that finds a character of ``singles`` or any of ``pairs``.

    It finds something exactly when one of them is in the text (``search``
    is the test; where a match starts is not meaningful).  Every match starts
    at an anchor: a single, or the rarer side of a pair.  There one lookbehind
    over two characters asks for all pairs anchored at their second character,
    and, one character on, for all anchored at their first, so that a line
    pays for its anchors, not for the number of pairs.
    """
    singles = frozenset(singles)
    anchors = set(singles)
    at_second: list[str] = []  # the pair's two characters, ending where the anchor ends
    at_first: list[str] = []  # the same, once the character after the anchor is read
    with_after: list[str] = []
    for pair in pairs:
        if not pair.first or not pair.second:
            continue
        second_is_rarer = frequency(pair.second) < frequency(pair.first)
        anchors |= pair.second if second_is_rarer else pair.first
        both = char_class(pair.first) + char_class(pair.second)
        if pair.after:
            with_after.append(("" if second_is_rarer else ".") + f"(?<={both}){pair.after}")
        else:
            (at_second if second_is_rarer else at_first).append(both)
    if not anchors:
        return re.compile("(?!)")
    alternatives = []
    if singles:
        alternatives.append(f"(?<={char_class(singles)})")
    if at_second:
        alternatives.append(f"(?<={'|'.join(at_second)})")
    if at_first:
        alternatives.append(f".(?<={'|'.join(at_first)})")
    alternatives += with_after
    return re.compile(char_class(anchors) + "(?:" + "|".join(alternatives) + ")", re.DOTALL)
