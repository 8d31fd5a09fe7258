"""Which text decides a unit's language, and the document's language to fall back on.

A unit is a JSONL record's field, a TSV cell, or in plain text a paragraph
(lines up to a blank line), a line or the whole document (``--lang-unit``).
A unit too short or too uncertain to identify takes its document's language:
the majority of the confident units in the document's head (its first 64
KiB; a JSONL record is its own document).  Nothing depends on the units seen
before: any chunk of a document, given the same head, decides the same.

>>> import regex

from corpus_tools.language.codes import UNDETERMINED, base
from corpus_tools.language.detector import SAMPLE_CHARS, LanguageDetector
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

import regex

from corpus_tools.language.codes import UNDETERMINED, base
from corpus_tools.language.detector import SAMPLE_CHARS, LanguageDetector, dominant_script
from corpus_tools.language.quotations import mask_quotations

UNIT_MODES = ("paragraph", "line", "document")
PARAGRAPH_LINES = 200  # paragraphs never cross the end of a group of this many lines
_REMEMBERED_DOCUMENTS = 64
DOMINANCE = 3  # an uncertain unit keeps its own guess over its context at 3x the context's score
WEAK_GUESS = 0.3  # below this, a guess at a language the document never shows is weak
MIN_EVIDENCE_LETTERS = 4  # fewer letters than this (names masked): the unit says nothing itself
_LETTER = regex.compile(r"\p{L}")


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
        """The language of most confident lines of a document's head (of its paragraphs,
        when no line is confident on its own)."""
        return self._profile(head)[0]

    def document_languages(self, head: tuple[str, ...]) -> frozenset[str]:
        """Every language a confident line or paragraph of the head is in."""
        return self._profile(head)[1]

    def _profile(self, head: tuple[str, ...]) -> tuple[str | None, frozenset[str]]:
        if head in self._documents:
            return self._documents[head]
        lines = Counter()
        for text in head:
            found = self.detector.detect(mask_quotations(text))
            if found.reliable:
                lines[base(found.lang)] += 1
        paragraphs_ = Counter()
        for text in "\n".join(head).split("\n\n"):
            found = self.detector.detect(mask_quotations(text)) if text.strip() else None
            if found is not None and found.reliable:
                paragraphs_[base(found.lang)] += 1
        profile = (_majority(lines) or _majority(paragraphs_), frozenset(lines) | set(paragraphs_))
        self._documents[head] = profile
        if len(self._documents) > _REMEMBERED_DOCUMENTS:
            self._documents.popitem(last=False)
        return profile

    def resolve(self, text: str, head: tuple[str, ...] = (),
                paragraph=None) -> str | None:
        """The unit's language for scoped rules, or None when it is not decided.

        ``text`` is the unit's own evidence (its names masked, where a step
        gave them).  A unit that is sure of itself decides alone, paragraph or
        not.  A short or uncertain one takes its context (its paragraph's
        language when the paragraph is sure, else its document's) only when
        its own best guess agrees or it has too few letters to say anything;
        with no context at all, its best guess stands.  A short unit whose best
        guess is another language than its context is left undecided.
        ``paragraph`` is a string or a function giving it (called only when needed).
        """
        return self._decide(text, head, paragraph)[0]

    def resolve_scored(self, text: str, head: tuple[str, ...] = (),
                       paragraph=None) -> tuple[str | None, float]:
        """``resolve``'s answer and the unit's own score for it (0 when its context decided)."""
        lang, found = self._decide(text, head, paragraph)
        return lang, found.score if lang is not None and base(found.lang) == base(lang) else 0.0

    def decide(self, text: str, head: tuple[str, ...] = (),
               paragraph=None) -> tuple[str, float]:
        """The unit's language and its score (what detect-lang prints): ``resolve``'s answer,
        scored with the unit's own score when its best guess agrees, else 0; ``und`` when
        undecided."""
        lang, score = self.resolve_scored(text, head, paragraph)
        return (UNDETERMINED, 0.0) if lang is None else (lang, score)

    def _decide(self, text: str, head: tuple[str, ...], paragraph):
        # Quotations are often in another language than the line quoting them.
        text = mask_quotations(text)
        found = self.detector.detect(text)
        if found.reliable:
            return found.lang, found
        context, context_texts = None, head
        if callable(paragraph):
            paragraph = paragraph()  # joined only now: a reliable line never needs it
        if paragraph is not None:
            # The paragraph's confident lines vote, as a document's do: a block of
            # lines in several languages is not taken for the language of its start.
            context_texts = tuple(paragraph.split("\n"))
            context = self.document_lang(context_texts)
        if context is None:
            context, context_texts = self.document_lang(head), head
        if len(_LETTER.findall(text[:SAMPLE_CHARS])) < MIN_EVIDENCE_LETTERS:
            return context, found  # nothing of its own to say: the context speaks
        if found.lang == UNDETERMINED:
            return None, found
        if context is None:
            if found.score < WEAK_GUESS and _tied(found):
                return None, found  # alone, and the model cannot tell its first two apart
            return found.lang, found  # alone: its best guess, however weak
        if base(found.lang) == base(context):
            return context, found
        languages = self.document_languages(head)
        if base(found.lang) in languages:
            if found.score_of(context) * DOMINANCE <= found.score:
                # Its own best guess, a language the document is seen to hold, far
                # ahead of the context's: an English line in a French article.
                return found.lang, found
            return None, found
        if (found.score < WEAK_GUESS and found.score_of(context) * 2 >= found.score
                and _same_script(text, context_texts)):
            # A weak guess at a language the document never shows (Latin or
            # Nigerian Pidgin for three English words), with the context close
            # behind it and written in its script: the context.
            return context, found
        return None, found


TIE = 1.05  # a weak best guess less than 5% ahead of the next is no guess


def _tied(found) -> bool:
    """Whether the model's first two candidates are as good as each other."""
    return len(found.ranked) > 1 and found.ranked[0][1] < found.ranked[1][1] * TIE


def _same_script(text: str, context_texts: tuple[str, ...]) -> bool:
    """Whether the unit is written in the script of the text its context was decided from
    (a Latin line takes an English document's language, not a Georgian one's)."""
    sample, size = [], 0
    for context_text in context_texts:  # enough of the head to know its script
        sample.append(context_text)
        size += len(context_text)
        if size >= SAMPLE_CHARS:
            break
    script = dominant_script(text)
    return script is not None and script == dominant_script("\n".join(sample))


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

    A paragraph is a run of non-blank lines; a blank line is a paragraph of its
    own.  Runs are also cut where a group of ``PARAGRAPH_LINES`` lines ends
    (after lines 200, 400, ...), so a line's paragraph is decided by the lines
    of its own group alone: memory stays bounded, and a block of whole groups
    can be cleaned alone, in any process (:mod:`corpus_tools.stream.blocks`).
    """
    buffered: list = []

    def flush():
        paragraph = Paragraph(buffered)
        for line in buffered:
            yield line, paragraph

    for line in lines:
        blank = not line.content.strip()
        if buffered and (blank or (line.number - 1) % PARAGRAPH_LINES == 0):
            yield from flush()
            buffered = []
        buffered.append(line)
        if blank:
            yield from flush()
            buffered = []
    if buffered:
        yield from flush()
