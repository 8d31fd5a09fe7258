"""Text as NFC, with where each of its characters came from: matching that does not
depend on how the input was normalized (macOS file names and PDFs give NFD).

A step matches in the view and edits the input at the mapped spans, so the
bytes of text it does not change stay as they came.

>>> view = nfc_view("Su\\u0308d-Ossetien")
>>> view.text, view.span(0, 3)
('Süd-Ossetien', (0, 4))
>>> nfc_view("Süd").starts is None  # already NFC: the text itself
True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

# A character and the marks that combine with it: NFC composes within such a cluster.
_CLUSTER = regex.compile(r"\P{M}\p{M}*|\p{M}+")


@dataclass(frozen=True)
class View:
    """``text`` and, unless it is the input itself, each character's span in the input:
    ``starts[i]`` to ``ends[i]`` (end-exclusive)."""

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def span(self, start: int, stop: int) -> tuple[int, int]:
        """The input span of ``text[start:stop]`` (``stop > start``)."""
        if self.starts is None:
            return start, stop
        return self.starts[start], self.ends[stop - 1]

    def then(self, inner: View) -> View:
        """The view ``inner`` (a view of this view's text) mapped to this view's input."""
        if inner.starts is None:
            return self
        if self.starts is None:
            return inner
        return View(inner.text, [self.starts[i] for i in inner.starts],
                    [self.ends[i - 1] for i in inner.ends])


def nfc_view(text: str) -> View:
    """``text`` composed (NFC), each composed character mapped to the characters it came from.

    Composition is done cluster by cluster (a letter and its marks); where that
    differs from composing the whole text (conjoining Hangul jamo), the text is
    left as it is.
    """
    if unicodedata.is_normalized("NFC", text):
        return View(text)
    pieces, starts, ends = [], [], []
    for match in _CLUSTER.finditer(text):
        composed = unicodedata.normalize("NFC", match.group())
        pieces.append(composed)
        starts += [match.start()] * len(composed)
        ends += [match.end()] * len(composed)
    view = "".join(pieces)
    if view != unicodedata.normalize("NFC", text):
        return View(text)
    return View(view, starts, ends)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)
