"""Quotations, found on their own: a quoted sentence is often in another language than
the line around it ('He said: « Kutaissi ne cédera pas ».'), so a line's language is
decided with its quotations masked, and a quotation is judged by itself.

Marks: ``"…"``, ``«…»``, ``„…“`` (and ``„…”``), ``‚…‘``, ``“…”``, ``‹…›``, ``「…」``.
An apostrophe is never a quotation mark here.

>>> mask_quotations('He said: „Abchasien bleibt“ and left.')
'He said:                    and left.'
>>> mask_quotations('« Kutaissi ne cédera jamais »')  # nothing would be left: as it is
'« Kutaissi ne cédera jamais »'
"""

from __future__ import annotations

import regex

QUOTATION = regex.compile(r'«[^«»]*»|‹[^‹›]*›|„[^„“”]*[“”]|‚[^‚‘]*‘|“[^“”]*”|"[^"\n]*"|「[^」]*」')
_LETTER = regex.compile(r"\p{L}")
MIN_LETTERS_LEFT = 4  # a line with fewer letters outside its quotations is judged whole


def quotations(text: str) -> list[tuple[int, int]]:
    """Where each quotation is, marks included (outermost only; leftmost first)."""
    return [match.span() for match in QUOTATION.finditer(text)]


def mask_quotations(text: str) -> str:
    """``text`` with its quotations blanked with spaces (same length), when enough letters
    are left outside them to say something of the line; else ``text`` itself."""
    if not any(mark in text for mark in '"«‹„‚“「'):
        return text
    spans = quotations(text)
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], " " * (end - start)]
        last = end
    pieces.append(text[last:])
    masked = "".join(pieces)
    if len(_LETTER.findall(masked, 0, 2000)) < MIN_LETTERS_LEFT:
        return text
    return masked
