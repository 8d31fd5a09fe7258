"""Which characters can make ftfy change a line: derived from ftfy's own tables.

ftfy leaves a line alone unless it holds something one of its fixers acts on.
For the fixers we enable, that is: an HTML entity (needs ``&``), a terminal
escape (``ESC``), a C1 control, a ligature, a control character ftfy removes,
or mojibake, which ftfy only tries to fix when ``ftfy.badness.is_bad`` is true.
``is_bad`` is one regex of alternatives; every alternative needs at least one
character from a set of non-ASCII characters, so a line with none of them
cannot be bad.  We read those sets out of the compiled pattern rather than copy
them, so a newer ftfy brings its own.
"""

from __future__ import annotations

import re
import sys
from itertools import pairwise

from ftfy import badness, chardata

from corpus_tools.filters.encoding.pair_screen import Pair, frequency, pair_screen

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse


class TriggerDerivationError(RuntimeError):
    """ftfy's badness pattern no longer has the shape this module relies on."""


def _char_set(item) -> frozenset[str] | None:
    """The characters one pattern item can match, or None when it can match ASCII or anything."""
    op, arg = item
    if op is sre_constants.LITERAL:
        chars = {chr(arg)}
    elif op is sre_constants.IN:
        chars = set()
        for sub_op, sub_arg in arg:
            if sub_op is sre_constants.LITERAL:
                chars.add(chr(sub_arg))
            elif sub_op is sre_constants.RANGE:
                chars.update(chr(code) for code in range(sub_arg[0], sub_arg[1] + 1))
            else:  # NEGATE, CATEGORY: could match anything
                return None
    else:
        return None
    if any(char.isascii() for char in chars):
        return None
    return frozenset(chars)


def _branch_requirement(items) -> tuple[frozenset[str], ...]:
    """What a match of this branch must contain: one character of a set, or two adjacent ones.

    A pair ``(A, B)`` means a character of A directly followed by one of B; of
    the branch's adjacent pairs of non-ASCII sets, the rarest combination is
    taken; of two as rare, the one with the smaller first set, then the one
    whose second set is rarer in text.  A screen stops at the smaller set, and
    reading on from there is cheaper than looking back to it: '[ВГРС][punctuation]
    [ВГРС]' is required as its first two, 'ГўВЂВ' as 'ВЂ', so a Cyrillic capital
    is no stop that must look back.  Without such a pair, the smallest non-ASCII
    set is required alone.
    """
    sets = [_char_set(item) for item in items]
    pairs = [(a, b) for a, b in pairwise(sets) if a is not None and b is not None]
    if pairs:
        return min(pairs, key=lambda pair: (len(pair[0]) * len(pair[1]), len(pair[0]),
                                            frequency(pair[1]), sorted(pair[0])))
    singles = [chars for chars in sets if chars is not None]
    if not singles:
        raise TriggerDerivationError(
            f"an alternative of ftfy's BADNESS_RE needs no non-ASCII character: {items!r}"
        )
    return (min(singles, key=lambda chars: (len(chars), sorted(chars))),)


def _badness_requirements() -> list[tuple[frozenset[str], ...]]:
    parsed = sre_parse.parse(badness.BADNESS_RE.pattern, badness.BADNESS_RE.flags)
    items = list(parsed)
    if len(items) != 1 or items[0][0] is not sre_constants.BRANCH:
        raise TriggerDerivationError("ftfy's BADNESS_RE is no longer one alternation")
    return [_branch_requirement(list(branch)) for branch in items[0][1][1]]


def mojibake_triggers() -> frozenset[str]:
    """Characters at least one of which is in every text that ``ftfy.badness.is_bad`` flags.

    >>> triggers = mojibake_triggers()
    >>> "Ã" in triggers, "e" in triggers
    (True, False)
    """
    return frozenset().union(*(requirement[0] for requirement in _badness_requirements()))


class TriggerScreen:
    """A fast necessary condition for ftfy changing a line.

    ``might_change(text)`` is False only when no fixer can act and no
    alternative of ``is_bad`` can match: one scan of a regex that holds every
    single and every pair (see :mod:`corpus_tools.filters.encoding.pair_screen`).

    >>> screen = TriggerScreen(fixer_triggers(ligatures=True, control_chars=True))
    >>> screen.might_change("He said “yes” and left."), screen.might_change("cafÃ©")
    (False, True)
    """

    def __init__(self, extra_singles: frozenset[str]):
        singles: set[str] = set(extra_singles)
        followers: dict[str, set[str]] = {}
        pairs = []
        for requirement in _badness_requirements():
            if len(requirement) == 1:
                singles |= requirement[0]
            else:
                first, second = requirement
                pairs.append(Pair(first, second))
                for char in first:
                    followers.setdefault(char, set()).update(second)
        self.singles = frozenset(singles)
        self._followers = {char: frozenset(after) for char, after in followers.items()}
        self.pairs: tuple[Pair, ...] = tuple(pairs)
        # ``_search`` is compiled on first use (``__getattr__``): FixEncoding asks its
        # own screen, which holds these singles and pairs, so building this one at
        # start-up cost ~80 ms for nothing.

    def __getattr__(self, name: str):
        # Called only while the instance has no such attribute: once for ``_search``,
        # which is then an instance attribute, so ``might_change`` pays nothing more.
        if name != "_search":
            raise AttributeError(name)
        self._search = pair_screen(self.singles, self.pairs).search
        return self._search

    def within(self, alphabet: str):
        """A ``search`` that is the same test for text of ASCII and ``alphabet`` only.

        One regex without a Python loop: ASCII triggers, and each character of
        ``alphabet`` followed by one of its followers that such text can hold.
        """
        singles, pairs = self.within_parts(alphabet)
        branches = [re.escape(char) for char in singles] + pairs
        return re.compile("|".join(branches) or "(?!)").search

    def within_parts(self, alphabet: str) -> tuple[list[str], list[str]]:
        """``within``'s test in two parts: the characters that trigger alone, and one
        pattern per character of ``alphabet`` that triggers when certain ones follow it."""
        allowed = set(alphabet)
        singles = [char for char in sorted(self.singles) if char.isascii() or char in allowed]
        pairs = []
        for char in sorted(allowed & set(self._followers)):
            after = sorted(c for c in self._followers[char] if c.isascii() or c in allowed)
            if after:
                pairs.append(re.escape(char) + "[" + "".join(map(re.escape, after)) + "]")
        return singles, pairs

    def might_change(self, text: str) -> bool:
        return self._search(text) is not None

def fixer_triggers(*, ligatures: bool, control_chars: bool) -> frozenset[str]:
    """Characters that ftfy's character-level fixers act on."""
    chars = {"&", "\x1b"}  # HTML entities, terminal escapes
    chars.update(chr(code) for code in range(0x80, 0xA0))  # C1 controls
    if ligatures:
        chars.update(chr(code) for code in chardata.LIGATURES)
    if control_chars:
        chars.update(chr(code) for code in chardata.CONTROL_CHARS)
    return frozenset(chars)
