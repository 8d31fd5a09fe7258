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

import sys

from ftfy import badness, chardata

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


def _branch_requirement(items) -> frozenset[str]:
    """The smallest non-ASCII set that a match of this branch must take a character from."""
    candidates = [chars for chars in map(_char_set, items) if chars is not None]
    if not candidates:
        raise TriggerDerivationError(
            f"an alternative of ftfy's BADNESS_RE needs no non-ASCII character: {items!r}"
        )
    return min(candidates, key=lambda chars: (len(chars), sorted(chars)))


def mojibake_triggers() -> frozenset[str]:
    """Characters at least one of which is in every text that ``ftfy.badness.is_bad`` flags.

    >>> triggers = mojibake_triggers()
    >>> "Ã" in triggers, "e" in triggers
    (True, False)
    """
    parsed = sre_parse.parse(badness.BADNESS_RE.pattern, badness.BADNESS_RE.flags)
    items = list(parsed)
    if len(items) != 1 or items[0][0] is not sre_constants.BRANCH:
        raise TriggerDerivationError("ftfy's BADNESS_RE is no longer one alternation")
    triggers: set[str] = set()
    for branch in items[0][1][1]:
        triggers |= _branch_requirement(list(branch))
    return frozenset(triggers)


def fixer_triggers(*, ligatures: bool, control_chars: bool) -> frozenset[str]:
    """Characters that ftfy's character-level fixers act on."""
    chars = {"&", "\x1b"}  # HTML entities, terminal escapes
    chars.update(chr(code) for code in range(0x80, 0xA0))  # C1 controls
    if ligatures:
        chars.update(chr(code) for code in chardata.LIGATURES)
    if control_chars:
        chars.update(chr(code) for code in chardata.CONTROL_CHARS)
    return frozenset(chars)
