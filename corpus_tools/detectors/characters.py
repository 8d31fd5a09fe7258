"""Bytes that are not UTF-8, control characters, and mojibake no repair could undo.

>>> from corpus_tools.filters.base import UnitContext
>>> [(c.rule, c.column) for c in InvalidUtf8().detect("caf\\udce9 ok", UnitContext())]
[('invalid-utf8', 4)]
>>> [(c.rule, c.before) for c in ControlChar().detect("a\\x07b\\tc", UnitContext())]
[('control-char', '\\x07')]
"""

from __future__ import annotations

import re

from ftfy.badness import BADNESS_RE

from corpus_tools.changes import Change
from corpus_tools.detectors.base import Detector
from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.ftfy_triggers import TriggerScreen

# Invalid bytes come out of the decoder as lone surrogates U+DC80..U+DCFF.
_INVALID = re.compile("[\udc80-\udcff]+")
# C0 controls but tab, DEL, C1 controls (line endings never reach a unit).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]+")


class InvalidUtf8(Detector):
    id = "invalid-utf8"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if text.isascii() or not _INVALID.search(text):
            return []
        return [self.finding(m.start(), m.group(),
                             f"{len(m.group())} byte(s) that are not UTF-8: "
                             + " ".join(f"{ord(c) - 0xDC00:02X}" for c in m.group()))
                for m in _INVALID.finditer(text)]


class ControlChar(Detector):
    id = "control-char"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if text.isprintable() or not _CONTROL.search(text):
            return []
        return [self.finding(m.start(), m.group(),
                             "control character(s) " + ", ".join(f"U+{ord(c):04X}" for c in m.group()))
                for m in _CONTROL.finditer(text)]


class EncodingUnrepaired(Detector):
    """Text that still looks like mojibake (ftfy's badness pattern) where no repair was made."""

    id = "encoding:unrepaired"

    def __init__(self):
        # The screen derived from the same pattern: no trigger, no match (a fast no).
        self._screen = TriggerScreen(frozenset())

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if text.isascii() or not self._screen.might_change(text):
            return []
        return [self.finding(m.start(), m.group(), "looks like mojibake that no repair could undo")
                for m in BADNESS_RE.finditer(text)]
