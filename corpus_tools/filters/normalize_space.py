"""``normalize-space``: odd, doubled, trailing and invisible spaces.

What it does, each with its own rule id:

- ``space:blank-line``: a line of only white space (NBSP and tabs too) becomes empty;
- ``space:trailing``: white space at the end of a line goes;
- ``space:odd-space``: NBSP, thin, en/em and other odd spaces between words become a space;
- ``space:collapse``: runs of spaces between words become one space;
- ``space:zero-width``: ZERO WIDTH SPACE is removed;
- ``space:bom``: a BOM (U+FEFF) inside text is removed (the file's own BOM is the stream's);
- ``space:soft-hyphen``: a soft hyphen inside a word is removed.

What it keeps, because a language or a layout needs it: leading indentation;
tabs inside a line (they are structure); ZWNJ and ZWJ (Persian, Indic scripts,
emoji); the ideographic space of CJK text; NBSP or narrow NBSP of French
typography (before ``: ; ! ? »``, after ``«``) and between digits (``10 000``).

>>> NormalizeSpace().apply("Bonjour\\u00a0!  Le\\u00a0pays\\u200b  ", UnitContext())[0]
'Bonjour\\xa0! Le pays'
>>> NormalizeSpace().apply("\\u00a0\\t ", UnitContext())[0]
''
"""

from __future__ import annotations

import regex

from corpus_tools.changes import Change
from corpus_tools.filters.base import Filter, UnitContext

_ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f"
_HORIZONTAL = " \t\u3000" + _ODD_SPACES
_INVISIBLE = "\u200b\ufeff"
_KEEPABLE_NBSP = "\u00a0\u202f"

_EDGE = regex.compile(f"^[{_HORIZONTAL}{_INVISIBLE}]*$|[{_HORIZONTAL}{_INVISIBLE}]+$")
_INSIDE = regex.compile(
    # group "run": two or more spaces, or odd spaces, between two non-space
    # characters (never leading ones, never next to a tab or an ideographic
    # space, which are deliberate).
    f"(?<=[^{_HORIZONTAL}])(?P<run>  +|[ ]*[{_ODD_SPACES}][ {_ODD_SPACES}]*)(?=[^{_HORIZONTAL}])"
    f"|(?P<zw>\u200b+)"
    f"|(?P<bom>\ufeff+)"
    r"|(?<=\p{L}\p{M}*)(?P<shy>\u00ad)(?=\p{L})"
)
# Quick look: is there anything at all for _INSIDE to do?
_SUSPECT = regex.compile(f"  |[{_ODD_SPACES}{_INVISIBLE}\u00ad]")
_FRENCH_BEFORE = frozenset(":;!?»")
_FRENCH_AFTER = frozenset("«")


def _run_replacement(run: str, before: str, after: str) -> str:
    """What a run of spaces between ``before`` and ``after`` should become."""
    kept = [char for char in run if char in _KEEPABLE_NBSP]
    if kept and (
        after in _FRENCH_BEFORE
        or before in _FRENCH_AFTER
        or (before.isdigit() and after.isdigit())
    ):
        return kept[0]
    return " "


class NormalizeSpace(Filter):
    name = "normalize-space"

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        changes: list[Change] = []
        edge = _EDGE.search(text)
        if edge and edge.end() > edge.start():
            rule = "space:blank-line" if edge.start() == 0 else "space:trailing"
            changes.append(Change(rule, edge.start() + 1, edge.group(), ""))
            text = text[: edge.start()]
        if not _SUSPECT.search(text):
            return text, changes

        def replace(match: regex.Match) -> str:
            kind = match.lastgroup
            found = match.group()
            if kind == "run":
                start, end = match.span()
                new = _run_replacement(found, text[start - 1], text[end])
                if new == found:
                    return found
                rule = "space:odd-space" if any(c not in " " for c in found) else "space:collapse"
            else:
                new = ""
                rule = {"zw": "space:zero-width", "bom": "space:bom", "shy": "space:soft-hyphen"}[
                    kind
                ]
            changes.append(Change(rule, match.start() + 1, found, new))
            return new

        return _INSIDE.sub(replace, text), changes
