"""Bytes that are not UTF-8, control characters, lost characters (U+FFFD), and mojibake
no repair could undo.

>>> from corpus_tools.filters.base import UnitContext
>>> [(c.rule, c.column) for c in InvalidUtf8().detect("caf\\udce9 ok", UnitContext())]
[('invalid-utf8', 4)]
>>> [(c.rule, c.before) for c in ControlChar().detect("a\\x07b\\tc", UnitContext())]
[('control-char', '\\x07')]
>>> [(c.rule, c.before) for c in LostChar().detect("Солтү\ufffdтік", UnitContext())]
[('lost-char', 'Солтү\ufffdтік')]
"""

from __future__ import annotations

import re

from corpus_tools.changes import Change
from corpus_tools.detectors.base import Detector
from corpus_tools.detectors.legacy_encoding import likely_encoding
from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.encoding.findings import unrepaired_in
from corpus_tools.filters.encoding.fix_encoding import FixEncoding
from corpus_tools.filters.encoding.span_repair import SpanRepair

# Invalid bytes come out of the decoder as lone surrogates U+DC80..U+DCFF.
_INVALID = re.compile("[\udc80-\udcff]+")
# C0 controls but tab, DEL, C1 controls (line endings never reach a unit).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]+")


class InvalidUtf8(Detector):
    id = "invalid-utf8"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if text.isascii() or not _INVALID.search(text):
            return []
        guess = likely_encoding(text)
        advice = "" if guess is None else (
            f"; the line reads as {guess[0]} ({guess[1]!r}): if the whole file is {guess[0]}, "
            f"read it with --encoding {guess[0]} (or convert it: iconv -f "
            f"{guess[0].replace('_', '-')} -t utf-8)")
        return [self.finding(m.start(), m.group(),
                             f"{len(m.group())} byte(s) that are not UTF-8: "
                             + " ".join(f"{ord(c) - 0xDC00:02X}" for c in m.group()) + advice)
                for m in _INVALID.finditer(text)]


class ControlChar(Detector):
    id = "control-char"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if text.isprintable() or not _CONTROL.search(text):
            return []
        return [self.finding(m.start(), m.group(),
                             "control character(s) " + ", ".join(f"U+{ord(c):04X}" for c in m.group()))
                for m in _CONTROL.finditer(text)]


# A word (text between spaces) that holds U+FFFD.
_LOST = re.compile("[^\\s\ufffd]*\ufffd[^\\s]*")


class LostChar(Detector):
    """U+FFFD, the replacement character: a character an earlier decoding lost (a
    code page that had no character for a byte, a file read with errors replaced).
    No repair can know what it was; the word that holds it is reported."""

    id = "lost-char"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if "\ufffd" not in text:
            return []
        return [self.finding(m.start(), m.group(),
                             f"{m.group().count(chr(0xFFFD))} character(s) lost in an earlier "
                             "decoding (U+FFFD)")
                for m in _LOST.finditer(text)]


class EncodingUnrepaired(Detector):
    """Text that still looks like mojibake where no repair was made: what ``fix-encoding``
    reports of the line as unrepaired, made by the same code
    (:func:`~corpus_tools.filters.encoding.findings.unrepaired_in`), and in any line a
    capital that stands for a small letter short of a byte ('IstoÄna' for 'Istočna').

    It reads the line as it came: its records are then the step's own, where both run."""

    id = "encoding:unrepaired"
    reads_input = True

    def __init__(self):
        self._fix = FixEncoding()
        self._span = SpanRepair()

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if text.isascii():
            return []
        _fixed, changes = self._fix.apply(text, context)
        return unrepaired_in(self._span, text, changes)
