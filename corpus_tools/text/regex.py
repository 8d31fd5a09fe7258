"""The regex compiler behind the screens: character classes as ranges, and one
alternation of many literals grouped by their first character.  Pure functions of
strings, with no I/O.

>>> char_class("абвгд-")
'[\\\\-а-д]'
>>> by_first_character(["TODO", "TBD", "FIXME"])
'T(?:ODO|BD)|FIXME'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def char_class(chars: Iterable[str]) -> str:
    """A regex character class holding exactly ``chars``."""
    return f"[{class_inside(chars)}]"


def class_inside(chars: Iterable[str]) -> str:
    """The inside of a class: runs of consecutive code points as ranges ('а-я'),
    which the regex parser reads far faster than thousands of single characters."""
    return _class_of(frozenset(chars))


@functools.lru_cache(maxsize=4096)
def _class_of(chars: frozenset[str]) -> str:
    codes = sorted(map(ord, chars))
    parts, index = [], 0
    while index < len(codes):
        end = index
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1:
            end += 1
        low, high = re.escape(chr(codes[index])), re.escape(chr(codes[end]))
        if end - index >= 2:
            parts.append(f"{low}-{high}")
        else:
            parts.extend(re.escape(chr(code)) for code in codes[index:end + 1])
        index = end + 1
    return "".join(parts)


def by_first_character(alternatives: list[str]) -> str:
    """One alternation of ``alternatives``, those that start with the same letter behind it
    once (``T(?:ODO|BD)``).

    The union is the same (an alternative's own top-level ``|`` only adds
    alternatives).  ``re`` skips to the positions holding a first character
    of some branch; grouped by it, one branch is tried there instead of
    each: twice as fast on news, where ``T`` starts many sentences.
    """
    grouped: dict[str, list[str]] = {}
    others = []
    for alternative in dict.fromkeys(alternatives):
        first, rest = alternative[:1], alternative[1:]
        # Only a plain first character, not quantified, and no | of its own.
        if ((first.isalnum() or (first and not first.isascii())) and "|" not in alternative
                and not rest.startswith(("*", "+", "?", "{"))):
            grouped.setdefault(first, []).append(rest)
        else:
            others.append(alternative)
    branches = [first + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
                for first, rests in grouped.items()]
    return "|".join(branches + others)
