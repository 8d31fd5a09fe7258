"""Which text decides a unit's language, and the document's language to fall back on.

A unit is a JSONL record's field, a TSV cell, or in plain text a paragraph
(lines up to a blank line), a line or the whole document (``--lang-unit``).
A unit too short or too uncertain to identify takes its document's language:
the majority of the confident units in the document's head (its first 64
KiB; a JSONL record is its own document).  Nothing depends on the units seen
before: any chunk of a document, given the same head, decides the same.

>>> from corpus_tools.language.detector import LanguageDetector
>>> decider = LanguageDecider(LanguageDetector(languages=("en", "fr")))
>>> head = ("The talks covered the reopening of the road and the return of families.",
...         "Negotiators met on Monday in a hotel near the border for the first time.")
>>> decider.resolve("Latchine too.", head)  # too short: the document's language
'en'
>>> decider.resolve("Les négociateurs se sont retrouvés lundi près de la frontière.", head)
'fr'
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator

from corpus_tools.language.detector import LanguageDetector

UNIT_MODES = ("paragraph", "line", "document")
PARAGRAPH_LINES = 200  # a "paragraph" longer than this is cut, so memory stays bounded
PARAGRAPH_BYTES = 64 * 1024
_REMEMBERED_DOCUMENTS = 64


def _majority(counts: Counter) -> str | None:
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


class LanguageDecider:
    """Decides units' and documents' languages with one detector; the CLI and the library share it."""

    def __init__(self, detector: LanguageDetector):
        self.detector = detector
        self._documents: OrderedDict[tuple[str, ...], str | None] = OrderedDict()

    def document_lang(self, head: tuple[str, ...]) -> str | None:
        """The majority language of the confident units of a document's head."""
        if head in self._documents:
            return self._documents[head]
        counts = Counter()
        for text in head:
            found = self.detector.detect(text)
            if found.reliable:
                counts[found.lang] += 1
        lang = self._documents[head] = _majority(counts)
        if len(self._documents) > _REMEMBERED_DOCUMENTS:
            self._documents.popitem(last=False)
        return lang

    def resolve(self, text: str, head: tuple[str, ...] = ()) -> str | None:
        """The unit's language for scoped rules: None when neither it nor its document is known."""
        found = self.detector.detect(text)
        return found.lang if found.reliable else self.document_lang(head)

    def decide(self, text: str, head: tuple[str, ...] = ()) -> tuple[str, float]:
        """The unit's language and its score (what detect-lang prints).

        An uncertain unit takes the document's language, scored with the
        unit's own score when its first guess agrees, else 0; with no
        document language either, it keeps its own uncertain guess.
        """
        found = self.detector.detect(text)
        document = None if found.reliable else self.document_lang(head)
        if document is None:
            return found.lang, found.score
        return document, found.score if found.lang == document else 0.0


def head_texts(texts: list[str], unit: str) -> tuple[str, ...]:
    """The units of a plain-text head that vote for its language, by ``--lang-unit``.

    >>> head_texts(["a", "b", "", "c"], "paragraph")
    ('a\\nb', 'c')
    """
    if unit == "line":
        return tuple(texts)
    joined = "\n".join(texts)
    if unit == "document":
        return (joined,)
    return tuple(part for part in joined.split("\n\n") if part.strip("\n"))


class Paragraph:
    """Lines that belong together; their text is decoded and joined only if it is needed."""

    __slots__ = ("_text", "lines")

    def __init__(self, lines: list):
        self.lines = lines  # InputLine objects
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(line.text for line in self.lines)
        return self._text


def paragraphs(lines: Iterable) -> Iterator[tuple[object, Paragraph]]:
    """Each line with the paragraph it belongs to.

    Reads ahead to the next blank line (at most ``PARAGRAPH_LINES`` lines or
    ``PARAGRAPH_BYTES`` bytes).
    """
    buffered: list = []
    size = 0

    def flush():
        paragraph = Paragraph(buffered)
        for line in buffered:
            yield line, paragraph

    for line in lines:
        blank = not line.content.strip()
        if blank and buffered:
            yield from flush()
            buffered, size = [], 0
        buffered.append(line)
        size += len(line.content)
        if blank or len(buffered) >= PARAGRAPH_LINES or size >= PARAGRAPH_BYTES:
            yield from flush()
            buffered, size = [], 0
    if buffered:
        yield from flush()
