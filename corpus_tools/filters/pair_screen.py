"""One regex that tells whether a line holds a trigger character or a trigger pair.

The encoding screens ask "is one of these characters here, or a character of
A directly followed by one of B?" (ftfy's badness pattern, and the lead and
continuation characters of misread UTF-8).  Asked as ``[A][B]``, the regex
engine stops at every character of A, and in Cyrillic text every letter is a
cp1251 lead; in Greek text every letter starts one of ftfy's pairs.  So each
pair is anchored at its *rarer* side.  All alternatives then start with a
character of one set, which ``re`` scans for in C before it tries anything
(its "charset prefix"); a clean line of most languages holds none of them.

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
    """A character of ``first`` directly followed by one of ``second``; then, when
    given, one character of each set of ``then`` in turn, and after all of them no
    character of ``not_then``."""

    first: frozenset[str]
    second: frozenset[str]
    then: tuple[frozenset[str], ...] = ()
    not_then: frozenset[str] = frozenset()

    def window(self) -> str:
        """The pair and what follows it, as a regex of fixed width without a lookaround."""
        return "".join(map(char_class, (self.first, self.second, *self.then)))


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
        elif not char.isalpha() or unicodedata.category(char) == "Lm" or char in "ªºµ":
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


def pair_screen(singles: Iterable[str], pairs: Iterable[Pair]) -> re.Pattern[str]:
    """A pattern that finds a character of ``singles`` or any of ``pairs``.

    It finds something exactly when one of them is in the text (``search``
    is the test; where a match starts is not meaningful).  Every match starts
    at an anchor: a single, or the rarer side of a pair.  From there each
    alternative first reads the characters after the anchor that its pair
    needs, which ``re`` tests inline, and only then looks back over the whole
    window once; pairs anchored at their last character share one look back.
    So a stop at an anchor costs little more than a test per pair.
    """
    singles = frozenset(singles)
    anchors = set(singles)
    ending_at_anchor: list[Pair] = []  # pairs anchored at their second and last character
    alternatives: list[str] = []
    for pair in merged(pairs):
        sides = (pair.first, pair.second)
        at_second = frequency(pair.second) < frequency(pair.first)
        anchors |= sides[at_second]
        window = pair.window()
        if at_second and not pair.then and not pair.not_then:
            ending_at_anchor.append(pair)
            continue
        # Read what follows the anchor, then look back over the whole window.
        ahead = "".join(map(char_class, (*sides[1 + at_second:], *pair.then)))
        if not pair.not_then:
            alternatives.append(f"{ahead}(?<={window})")
            continue
        # No character of not_then next: another character (tested inline), or the end.
        after = f"[^{_class_inside(pair.not_then)}]"
        alternatives.append(f"{ahead}{after}(?<={window}.)|{ahead}\\Z(?<={window})")
    if not anchors:
        return re.compile("(?!)")
    if ending_at_anchor:
        # The anchor and the character before it are asked first, once for all of them.
        before = frozenset().union(*(pair.first for pair in ending_at_anchor))
        at = frozenset().union(*(pair.second for pair in ending_at_anchor))
        windows = "|".join(pair.window() for pair in ending_at_anchor)
        alternatives.insert(0, f"(?<={char_class(before)}{char_class(at)})(?<={windows})")
    if singles:
        alternatives.insert(0, f"(?<={char_class(singles)})")
    # (?s): in a block of lines, the character after a pair may be a line break.
    return re.compile("(?s)" + char_class(anchors) + "(?:" + "|".join(alternatives) + ")")


def merged(pairs: Iterable[Pair]) -> list[Pair]:
    """The same pairs, those that share a side and ask nothing more as one (fewer tests)."""
    simple, others = [], []
    for pair in pairs:
        if pair.first and pair.second:
            (others if pair.then or pair.not_then else simple).append(pair)
    for side in (0, 1, 0):  # by first, then by second, then by first again
        grouped: dict[frozenset[str], set[str]] = {}
        for pair in simple:
            key, value = (pair.first, pair.second) if side == 0 else (pair.second, pair.first)
            grouped.setdefault(key, set()).update(value)
        simple = [Pair(key, frozenset(value)) if side == 0 else Pair(frozenset(value), key)
                  for key, value in grouped.items()]
    return simple + others


def char_class(chars: Iterable[str]) -> str:
    return f"[{_class_inside(chars)}]"


def _class_inside(chars: Iterable[str]) -> str:
    return "".join(re.escape(char) for char in sorted(chars))
