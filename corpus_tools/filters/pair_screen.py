"""One regex that tells whether a line holds a trigger character or a trigger pair.

The encoding screens ask "is one of these characters here, or a character of
A directly followed by one of B?" (ftfy's badness pattern, and the lead and
continuation characters of misread UTF-8).  Asked as ``[A][B]``, the regex
engine stops at every character of A, and in Cyrillic text every letter is a
cp1251 lead; in Greek text every letter starts one of ftfy's pairs.  So each
pair is anchored at a rare side, the one that adds least to the characters the
screen stops at anyway.  All alternatives then start with a character of one
set, which ``re`` scans for in C before it tries anything (its "charset
prefix"); a clean line of most languages holds none of them.  Where one does
('і' in Ukrainian is a cp1251 continuation), three tests settle the stop.

>>> screen = pair_screen({"&"}, [Pair(frozenset("ВГРС"), frozenset("‘“•"))])
>>> bool(screen.search("Россия и Грузия")), bool(screen.search("Р“")), bool(screen.search("a & b"))
(False, True, True)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
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

    def anchor_position(self) -> int:
        """The position of the rarest set; the last when it is nearly as rare (within
        10%), since pairs anchored at their last character share one look back.  (The
        screen's own choice, ``anchor_positions``, weighs all its pairs together.)"""
        costs = [frequency(chars) for chars in self.sets()]
        if costs[-1] <= 1.1 * min(costs):
            return len(costs) - 1
        return min(range(len(costs)), key=lambda position: (costs[position], -position))

    def sets(self) -> tuple[frozenset[str], ...]:
        """The characters each position of the pair and what follows it may hold."""
        return (self.first, self.second, *self.then)

    def window(self) -> str:
        """The pair and what follows it, as a regex of fixed width without a lookaround."""
        return "".join(map(char_class, self.sets()))


def frequency(chars: Iterable[str]) -> float:
    """A rough guess of how often correct text holds a character of ``chars``.

    The letters of a script's basic alphabet (``a-z``, ``а-я``, ``α-ω``, all of
    Armenian or Georgian) weigh most; accented and national letters (``é``,
    ``ё``, ``і``) less, capitals less again, typography less; symbols,
    modifier letters and controls are rare in any language.
    """
    return sum(map(_weight, chars))


@functools.cache
def _weight(char: str) -> float:
    if char in _COMMON_MARKS:
        return 0.1
    if not char.isalpha() or unicodedata.category(char) == "Lm" or char in "ªºµ":
        return 0.005
    weight = 1.0 if _basic_letter(char) else 0.15
    return weight * 0.2 if char.isupper() else weight


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
    at an anchor: a single, or a pair's anchor position (``anchor_positions``).
    At a stop, three tests: is it a single; are the character before it and it
    the end of some window (one class pair per class before); are it and the
    character after it the start of what some pair reads ahead.  Only then
    are the windows themselves looked back over.  Built once per set of
    singles and pairs.
    """
    return _compiled(frozenset(singles), tuple(pairs))


# A class before an anchor larger than this holds whole scripts (all of Greek to
# Georgian): asked apart from the others.
_WHOLE_SCRIPTS = 1000


@functools.lru_cache(maxsize=64)
def _compiled(singles: frozenset[str], pairs: tuple[Pair, ...]) -> re.Pattern[str]:
    anchors = set(singles)
    ending_at_anchor: dict[int, list[Pair]] = {}  # by the width of the window
    looking_back: list[tuple[frozenset[str], frozenset[str], str]] = []  # before, anchor, regex
    reading_ahead: list[tuple[frozenset[str], frozenset[str], str]] = []  # anchor, next, regex
    pairs = merged(pairs)
    for pair, position in zip(pairs, anchor_positions(singles, pairs), strict=True):
        window, sets = pair.window(), pair.sets()
        rest = f"(?![{_class_inside(pair.not_then)}])" if pair.not_then else ""
        anchors |= sets[position]
        if position == len(sets) - 1 and not rest:
            ending_at_anchor.setdefault(len(sets), []).append(pair)
        elif position == len(sets) - 1:
            looking_back.append((sets[-2], sets[-1], f"(?<={window}){rest}"))
        else:
            ahead = "".join(map(char_class, sets[position + 1:]))
            reading_ahead.append((sets[position], sets[position + 1],
                                  f"{ahead}(?<={window}){rest}"))
    if not anchors:
        return re.compile("(?!)")
    for width, group in sorted(ending_at_anchor.items(), reverse=True):
        # Each position of the window asked once for all of them, then each window.
        columns = [frozenset().union(*(pair.sets()[column] for pair in group))
                   for column in range(width)]
        windows = "|".join(pair.window() for pair in group)
        looking_back.insert(0, (columns[-2], columns[-1],
                                f"(?<={''.join(map(char_class, columns))})(?<={windows})"))
    # At most three tests decide most stops: is the anchor a single, do the character
    # before it and the anchor end a window there, does the one after go on from it.
    alternatives = [f"(?<={char_class(singles)})"] if singles else []
    if looking_back:
        # One union of every window's last two classes would let a Cyrillic letter
        # before 'і' through (a pair with any letter of Greek to Georgian before a Latin
        # lead, others with 'і' at their end): the windows whose class before holds a
        # whole script are asked apart, the others together (each alternative more
        # costs every stop a test).
        groups: dict[bool, tuple[set[str], set[str]]] = {}
        for before, at, _ in looking_back:
            group = groups.setdefault(len(before) > _WHOLE_SCRIPTS, (set(), set()))
            group[0].update(before)
            group[1].update(at)
        suffixes = "|".join(char_class(before) + char_class(at)
                            for _, (before, at) in sorted(groups.items()))
        branches = "|".join(branch for _, _, branch in looking_back)
        alternatives.append(f"(?<={suffixes})(?:{branches})")
    if reading_ahead:
        at = frozenset().union(*(chars for chars, _, _ in reading_ahead))
        following = frozenset().union(*(chars for _, chars, _ in reading_ahead))
        branches = "|".join(branch for _, _, branch in reading_ahead)
        alternatives.append(f"(?<={char_class(at)})(?={char_class(following)})(?:{branches})")
    # (?s): in a block of lines, the character after a pair may be a line break.
    return re.compile("(?s)" + char_class(anchors) + "(?:" + "|".join(alternatives) + ")")


def anchor_positions(singles: frozenset[str], pairs: list[Pair]) -> list[int]:
    """Where to anchor each pair: at the position whose characters add the least to
    the stops the screen makes anyway (the singles and the other pairs' anchors).
    A character that is a stop already costs a test, not a stop: a pair anchored at
    'š', which another pair stops at, makes no new stop in Czech text."""
    positions = [pair.anchor_position() for pair in pairs]
    # How many pairs stop at each character (the singles always): a pair's own
    # anchor taken out while it chooses, instead of a union of all the others.
    stops = Counter(singles)
    for pair, position in zip(pairs, positions, strict=True):
        stops.update(pair.sets()[position])
    for _ in range(3):
        changed = False
        for index, pair in enumerate(pairs):
            stops.subtract(pair.sets()[positions[index]])
            costs = [frequency(frozenset(char for char in chars if stops[char] <= 0))
                     for chars in pair.sets()]
            best = min(range(len(costs)), key=lambda position: (costs[position], -position))
            if costs[-1] <= 1.1 * costs[best]:
                best = len(costs) - 1
            if best != positions[index]:
                positions[index], changed = best, True
            stops.update(pair.sets()[positions[index]])
        if not changed:
            break
    return positions


def merged(pairs: Iterable[Pair]) -> list[Pair]:
    """The same pairs, those that share a side and ask nothing more as one (fewer tests)."""
    simple, others = [], []
    for pair in pairs:
        if pair.first and pair.second:
            plain = not pair.then and not pair.not_then
            (simple if plain else others).append(pair)
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
