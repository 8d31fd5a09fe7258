"""Which text decides a unit's language, and the document's language to fall back on.

A unit is a JSONL record's field, a TSV cell, or in plain text a paragraph
(lines up to a blank line), a line or the whole document (``--lang-unit``).
A unit too short or too uncertain to identify takes its document's language:
the majority of the confident units in the document's first 64 KiB (or, when
those have none, of the confident units seen so far).  Detection is lazy: a
unit's language is worked out only when a step asks for it.

>>> from corpus_tools.language.detector import LanguageDetector
>>> document = DocumentLanguage(LanguageDetector(languages=("en", "fr")), head={None: [
...     "The talks covered the reopening of the road and the return of families.",
...     "Negotiators met on Monday in a hotel near the border for the first time."]})
>>> document.detect_for("Latchine too.")()  # too short: the document's language
'en'
>>> document.detect_for("Les négociateurs se sont retrouvés lundi près de la frontière.")()
'fr'
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator

from corpus_tools.language.detector import LanguageDetector

UNIT_MODES = ("paragraph", "line", "document")
HEAD_BYTES = 64 * 1024  # the sample that decides a document's language
PARAGRAPH_LINES = 200  # a "paragraph" longer than this is cut, so memory stays bounded
PARAGRAPH_BYTES = 64 * 1024


def _majority(counts: Counter) -> str | None:
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


class DocumentLanguage:
    """The languages of one document's units; ``label`` tells JSONL fields and TSV columns apart."""

    def __init__(self, detector: LanguageDetector, head: dict[Hashable, list[str]] | None = None):
        self.detector = detector
        self.head = head or {}
        self._document: dict[Hashable, str | None] = {}
        self.seen: dict[Hashable, Counter] = defaultdict(Counter)

    def document_lang(self, label: Hashable = None) -> str | None:
        if label not in self._document:
            counts = Counter()
            for text in self.head.get(label, ()):
                found = self.detector.detect(text)
                if found.reliable:
                    counts[found.lang] += 1
            self._document[label] = _majority(counts)
        return self._document[label] or _majority(self.seen[label])

    def _identify(self, text: str, label: Hashable):
        found = self.detector.detect(text)
        if found.reliable:
            self.seen[label][found.lang] += 1
        return found

    def resolve(self, text: str, label: Hashable = None) -> str | None:
        """The unit's language for scoped rules: None when neither it nor its document is known."""
        found = self._identify(text, label)
        return found.lang if found.reliable else self.document_lang(label)

    def decide(self, text: str, label: Hashable = None) -> tuple[str, float]:
        """The unit's language and its score.

        An uncertain unit takes the document's language, scored with the
        unit's own score when its first guess agrees, else 0; with no
        document language either, it keeps its own uncertain guess.
        """
        found = self._identify(text, label)
        document = None if found.reliable else self.document_lang(label)
        if document is None:
            return found.lang, found.score
        return document, found.score if found.lang == document else 0.0

    def detect_for(self, text: str, label: Hashable = None) -> Callable[[], str | None]:
        """A callable that works out the language of ``text`` when first asked."""
        return lambda: self.resolve(text, label)


class Paragraph:
    """Lines that belong together; their text is decoded and joined only if it is needed."""

    __slots__ = ("_decode", "_text", "lines")

    def __init__(self, lines: list, decode=None):
        self.lines = lines  # bytes when ``decode`` is given, else text
        self._decode = decode
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            lines = self.lines if self._decode is None else [self._decode(line) for line in self.lines]
            self._text = "\n".join(lines)
        return self._text


def language_units(lines, record_format, unit: str, make_session, decode, bom: bytes,
                   plain: bool):
    """Read a document's first ``HEAD_BYTES`` for its language; give each line its paragraph.

    Returns the ``(content, ending, paragraph or None)`` triples of every line
    (the head read ahead, then the rest, as they stream) and the document's
    :class:`DocumentLanguage`.  Paragraphs are only for ``plain`` text, by ``unit``.
    """
    head_lines, size = [], 0
    for content, ending in lines:
        head_lines.append((content, ending))
        size += len(content) + len(ending)
        if size >= HEAD_BYTES:
            break
    head: dict = {}
    for number, (content, _) in enumerate(head_lines, 1):
        if number == 1 and content.startswith(bom):
            content = content[len(bom):]
        try:
            record = record_format.parse(decode(content))
        except ValueError:
            continue
        for label, text in zip(record.labels, record.texts, strict=True):
            head.setdefault(label, []).append(text)
    if plain and unit != "line":
        joined = "\n".join(head.get(None, []))
        head[None] = [joined] if unit == "document" else joined.split("\n\n")
    language = make_session(head)
    lines = itertools.chain(head_lines, lines)
    if plain and unit == "paragraph":
        return paragraphs(lines, decode), language
    if plain and unit == "document":
        whole = Paragraph([head.get(None, [""])[0]])
        return ((content, ending, whole) for content, ending in lines), language
    return ((content, ending, None) for content, ending in lines), language


def paragraphs(lines: Iterable[tuple[bytes, bytes]], decode) -> Iterator[tuple[bytes, bytes, Paragraph]]:
    """``(content, ending)`` pairs, each with the paragraph it belongs to.

    Reads ahead to the next blank line (at most ``PARAGRAPH_LINES`` lines or
    ``PARAGRAPH_BYTES`` bytes).
    """
    buffered: list[tuple[bytes, bytes]] = []
    size = 0

    def flush():
        paragraph = Paragraph([content for content, _ in buffered], decode)
        for content, ending in buffered:
            yield content, ending, paragraph

    for content, ending in lines:
        blank = not content.strip()
        if blank and buffered:
            yield from flush()
            buffered, size = [], 0
        buffered.append((content, ending))
        size += len(content)
        if blank or len(buffered) >= PARAGRAPH_LINES or size >= PARAGRAPH_BYTES:
            yield from flush()
            buffered, size = [], 0
    if buffered:
        yield from flush()
