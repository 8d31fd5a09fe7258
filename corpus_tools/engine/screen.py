"""Find, in a block of many lines, the few lines some step could act on.

Each step says what it could change or report (:class:`~corpus_tools.filters.base.Screen`);
:class:`BlockScreen` tests all of them on a whole block of decoded text with a
handful of scans in C (one character class, a few ``str.find``, one
alternation of names and literals) instead of running every step on every
line.  A line with no hit cannot change, so it goes out as the bytes that
came in.  A hit is only a reason to look: the steps still decide.

>>> from corpus_tools import Pipeline
>>> screen = BlockScreen.of(Pipeline().steps)
>>> text = "Calm line.\\nThe cafÃ© opened.\\nAnother calm line.\\nLatchine road  \\n"
>>> [text[start:text.index("\\n", start)] for start in screen.hit_lines(text)]
['The cafÃ© opened.', 'Latchine road  ']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corpus_tools.filters.base import Filter, Screen
from corpus_tools.text.regex import by_first_character, class_inside

_LINE_BREAK = re.compile("[\r\n]")
# A literal starting with one of these is looked for with str.find: as the
# first character of an alternation it would be tried at nearly every position.
_COMMON_FIRST = frozenset(" abcdefghijklmnopqrstuvwxyz")


class BlockScreen:
    """The union of some steps' screens, as scans over a block of text."""

    def __init__(self, screens: Sequence[Screen]):
        chars = set().union(*(screen.chars for screen in screens))
        beyonds = [set(screen.beyond) for screen in screens if screen.beyond is not None]
        if chars & {"\n", "\r"}:
            raise ValueError("a screen cannot look for line breaks in a block of lines")
        self._scans: list[Callable[[str, int], int]] = []
        if beyonds:
            # Everything is a hit but ASCII and the non-ASCII characters every step lets
            # through; line breaks are never hits.
            passed = (set(map(chr, range(128))) | set.intersection(*beyonds)) - chars
            passed |= {"\n", "\r"}
            self._scans.append(_regex_scan("[^" + class_inside(passed) + "]"))
        elif chars:
            self._scans.append(_regex_scan("[" + class_inside(chars) + "]"))
        literals = set().union(*(screen.literals for screen in screens))
        alternatives = [pattern for screen in screens for pattern in screen.patterns if pattern]
        for literal in sorted(literals):
            if literal[0] in _COMMON_FIRST:
                self._scans.append(_find_scan(literal))
            else:
                alternatives.append(re.escape(literal))
        if alternatives:
            self._scans.append(_regex_scan(by_first_character(alternatives)))
        for pattern in dict.fromkeys(p for screen in screens for p in screen.searches):
            self._scans.append(_regex_scan(pattern))
        line_end = set().union(*(screen.line_end_chars for screen in screens))
        self._line_end = frozenset(line_end)
        self._line_end_scans = [(_find_scan(char + "\n"), _find_scan(char + "\r"))
                                for char in sorted(line_end)]

    @classmethod
    def of(cls, steps: Sequence[Filter]) -> BlockScreen | None:
        """The screen of these steps; None when one of them could act anywhere."""
        screens = [step.screen() for step in steps]
        if any(screen is None for screen in screens):
            return None
        try:
            return cls(screens)
        except ValueError:
            return None

    def hit_lines(self, text: str) -> list[int]:
        """Where each line that some step could act on starts in ``text`` (in order).

        ``text`` is whole lines (LF, CRLF or CR endings; the last may have none).
        """
        has_cr = "\r" in text
        starts: set[int] = set()
        for scan in self._scans:
            _collect(scan, text, has_cr, starts)
        for on_lf, on_cr in self._line_end_scans:
            _collect(on_lf, text, has_cr, starts)
            if has_cr:
                _collect(on_cr, text, has_cr, starts)
        if text and text[-1] in self._line_end:
            starts.add(line_start(text, len(text) - 1, has_cr))
        return sorted(starts)


def line_start(text: str, position: int, has_cr: bool) -> int:
    """Where the line holding ``text[position]`` starts."""
    start = text.rfind("\n", 0, position) + 1
    if has_cr:
        start = max(start, text.rfind("\r", 0, position) + 1)
    return start


def line_end(text: str, start: int, has_cr: bool) -> tuple[int, int]:
    """Where the line starting at ``start`` ends: its content's end and its ending's end."""
    if not has_cr:
        end = text.find("\n", start)
        return (len(text), len(text)) if end < 0 else (end, end + 1)
    found = _LINE_BREAK.search(text, start)
    if found is None:
        return len(text), len(text)
    end = found.start()
    if text.startswith("\r\n", end):
        return end, end + 2
    return end, end + 1


def _collect(scan, text: str, has_cr: bool, starts: set[int]) -> None:
    """Add the start of every line where ``scan`` hits; one scan call per hit line."""
    position = 0
    while True:
        hit = scan(text, position)
        if hit < 0:
            return
        starts.add(line_start(text, hit, has_cr))
        position = line_end(text, hit, has_cr)[1]
        if position >= len(text):
            return


def _regex_scan(pattern: str) -> Callable[[str, int], int]:
    search = re.compile(pattern).search

    def scan(text: str, position: int) -> int:
        found = search(text, position)
        return -1 if found is None else found.start()

    return scan


def _find_scan(literal: str) -> Callable[[str, int], int]:
    def scan(text: str, position: int) -> int:
        return text.find(literal, position)

    return scan
