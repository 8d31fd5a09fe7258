"""``normalize-space``: odd, doubled, trailing and invisible spaces.

What it does, each with its own rule id:

- ``space:blank-line``: a line of only white space (NBSP and tabs too) becomes empty;
- ``space:trailing``: white space at the end of a line goes;
- ``space:odd-space``: NBSP, thin, en/em and other odd spaces between words become a space;
- ``space:collapse``: runs of spaces between words become one space;
- ``space:zero-width``: ZERO WIDTH SPACE is removed, but beside a letter of a script
  written without spaces (Khmer, Myanmar, Thai, Lao, Tibetan), where it is the word
  boundary;
- ``space:bom``: a BOM (U+FEFF) inside text is removed (the file's own BOM is the stream's);
- ``space:soft-hyphen``: a soft hyphen inside a word is removed.

What it keeps, because a language or a layout needs it: leading indentation,
also after a line break inside a unit (a record's JSON example) or after a
mark of writing direction (``\\u200e    ],`` in right-to-left text);
tabs inside a line (they are structure); ZWNJ and ZWJ (Persian, Indic scripts,
emoji); the ideographic space of CJK text; NBSP or narrow NBSP of French
typography (before ``: ; ! ? »``, after ``«``), beside a digit in any language
(``10 000``, ``5 km``, ``n° 84``), beside a placeholder (``%(count)s minutes``,
``{0} files``), after a one-letter word (Czech, Slovak and Polish typesetting keeps
``v Praze``, ``w domu`` together), everywhere in a French unit (``23 novembre``),
and inside text that still looks like mojibake (``Ã`` + NBSP is a UTF-8 ``à``
read as cp1252: the encoding repair needs it).

>>> NormalizeSpace().apply("Bonjour\\u00a0!  Le\\u00a0pays\\u200b  ", UnitContext())[0]
'Bonjour\\xa0! Le pays'
>>> NormalizeSpace().apply("\\u00a0\\t ", UnitContext())[0]
''
"""

from __future__ import annotations

import re

import regex
from ftfy.badness import is_bad

from corpus_tools.changes import Change
from corpus_tools.filters.base import Filter, Screen, UnitContext

_ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f"
_ODD_SPACES_CHARS = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f"
_HORIZONTAL = " \t\u3000" + _ODD_SPACES
_INVISIBLE = "\u200b\ufeff"
_KEEPABLE_NBSP = "\u00a0\u202f"

# White space a line may end in (blank-line, trailing), as a string for str.rstrip.
_EDGE_CHARS = " \t\u3000\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u202f\u205f" + _INVISIBLE
_INSIDE = regex.compile(
    # group "run": two or more spaces, or odd spaces, between two non-space
    # characters (never leading ones, never next to a tab or an ideographic
    # space, which are deliberate).
    f"(?<=[^{_HORIZONTAL}])(?P<run>  +|[ ]*[{_ODD_SPACES}][ {_ODD_SPACES}]*)(?=[^{_HORIZONTAL}])"
    f"|(?P<zw>\u200b+)"
    f"|(?P<bom>\ufeff+)"
    r"|(?<=\p{L}\p{M}*)(?P<shy>\u00ad)(?=\p{L})"
)
# Quick look: is there anything at all for _INSIDE to do? (re: faster for this)
_SUSPECT = re.compile(f"  |[{_ODD_SPACES}{_INVISIBLE}\u00ad]")
_FRENCH_BEFORE = frozenset(":;!?»")
_FRENCH_AFTER = frozenset("«")
_NBSP_LANGUAGES = frozenset({"fr"})  # typography that puts no-break spaces anywhere it likes
# Scripts written without spaces between words: a zero-width space is their word boundary.
_UNSPACED_SCRIPT = regex.compile(
    r"[\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Thai}\p{Script=Lao}\p{Script=Tibetan}]")
# A placeholder the run of spaces follows or precedes: %s, %1$d, %(count)s, {0}, {name}.
_PLACEHOLDER_BEFORE = regex.compile(
    r"(?:%(?:\([^()\s]{1,40}\)|\d+\$)?[-+#0]*\d*(?:\.\d+)?[a-zA-Z]|\{[\w.:-]{0,40}\})$")
_PLACEHOLDER_AFTER = regex.compile(
    r"(?:%(?:\([^()\s]{1,40}\)|\d+\$)?[-+#0]*\d*(?:\.\d+)?[a-zA-Z]|\{[\w.:-]{0,40}\})")
# A word of one letter just before the run (Czech v, k, s, z, a, i, o, u; Polish w, z).
_ONE_LETTER_WORD = regex.compile(r"(?:^|[^\p{L}\p{M}\p{N}])\p{L}$")
# The start of a line inside a unit (a record's text holds line breaks), then only marks of
# writing direction: spaces after it are indentation (a JSON example, right-to-left text
# whose code lines begin with a left-to-right mark).
_LINE_START = regex.compile("(?:^|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])"
                            "[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]*$")


def _run_replacement(text: str, start: int, end: int, context: UnitContext) -> str:
    """What the run of spaces at ``text[start:end]`` should become."""
    run, before, after = text[start:end], text[start - 1], text[end]
    kept = [char for char in run if char in _KEEPABLE_NBSP]
    if not kept:
        return " "
    if is_bad(text[max(0, start - 3): end + 3]):
        return run  # Ã + NBSP is a UTF-8 à read as cp1252: leave the evidence whole
    if after in _FRENCH_BEFORE or before in _FRENCH_AFTER or before.isdigit() or after.isdigit():
        return kept[0]
    if _ONE_LETTER_WORD.search(text, max(0, start - 2), start) or \
            _PLACEHOLDER_BEFORE.search(text, max(0, start - 48), start) or \
            _PLACEHOLDER_AFTER.match(text, end):
        return kept[0]  # v Praze, w domu; %(count)s minutes, {0} files
    lang = context.lang  # asked only here: a no-break space no other reason keeps
    if lang is not None and lang.split("-")[0] in _NBSP_LANGUAGES:
        return kept[0]
    return " "


def _separates_unspaced_words(text: str, start: int, end: int) -> bool:
    """A zero-width space beside a letter of Khmer, Myanmar, Thai, Lao or Tibetan: a word
    boundary of a script written without spaces, not an invisible leftover."""
    return any(0 <= i < len(text) and _UNSPACED_SCRIPT.match(text[i])
               for i in (start - 1, end))


class NormalizeSpace(Filter):
    name = "normalize-space"
    rule_ids = ("space:blank-line", "space:trailing", "space:odd-space", "space:collapse",
                "space:zero-width", "space:bom", "space:soft-hyphen")

    def screen(self) -> Screen:
        edge = frozenset(_EDGE_CHARS)
        return Screen(
            chars=frozenset(c for c in edge if not c.isascii())
            | frozenset(_ODD_SPACES_CHARS + _INVISIBLE + "\u00ad"),
            literals=frozenset({"  "}),
            line_end_chars=frozenset(c for c in edge if c.isascii()),
        )

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        changes: list[Change] = []
        if text and text[-1] in _EDGE_CHARS:
            kept = text.rstrip(_EDGE_CHARS)
            rule = "space:blank-line" if not kept else "space:trailing"
            changes.append(Change(rule, len(kept) + 1, text[len(kept):], ""))
            text = kept
        if not _SUSPECT.search(text):
            return text, changes

        def replace(match: regex.Match) -> str:
            kind = match.lastgroup
            found = match.group()
            if kind == "run":
                start, end = match.span()
                if _LINE_START.search(text, max(0, start - 16), start):
                    return found  # indentation after a line break or a direction mark
                new = _run_replacement(text, start, end, context)
                if new == found:
                    return found
                rule = "space:odd-space" if any(c not in " " for c in found) else "space:collapse"
            else:
                if kind == "zw" and _separates_unspaced_words(text, *match.span()):
                    return found
                new = ""
                rule = {"zw": "space:zero-width", "bom": "space:bom", "shy": "space:soft-hyphen"}[
                    kind
                ]
            changes.append(Change(rule, match.start() + 1, found, new))
            return new

        return _INSIDE.sub(replace, text), changes
