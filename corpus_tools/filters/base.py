"""The uniform interface of a cleaning step, and what a step may know beyond its text.

A step sees one unit's text and a :class:`UnitContext`: the unit's language
(worked out only if asked) and its document's :class:`DocumentFacts`, decided
once from the document's head.  Nothing else: no state carried from one unit
to the next, so any chunk of a document cleans to the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from corpus_tools.changes import Change
from corpus_tools.language.quotations import QUOTATION as _QUOTATION

HEAD_BYTES = 64 * 1024  # a document's head: what its facts are decided from
QUOTE_STYLES = ("curly", "straight")


@dataclass(frozen=True)
class DocumentFacts:
    """What a unit's output may depend on beyond its own text, from its document's head.

    A document is a plain-text file, one TSV column of a file, or one JSONL
    record.  ``head`` holds the texts that decide the document's language
    when a step asks for it (the head's paragraphs, or the record's text);
    ``quote_style`` is the head's apostrophe style (None: no evidence).

    >>> facts = DocumentFacts.from_head(["It's the 'old' road.", "Another 'line'."])
    >>> facts.quote_style
    'straight'
    >>> DocumentFacts.from_head(["No quotes at all."]).quote_style is None
    True
    """

    head: tuple[str, ...] = ()
    quote_style: str | None = None
    lang: str | None = None  # given by the caller (--lang); else decided from ``head`` when asked

    @classmethod
    def from_head(cls, texts, lang: str | None = None) -> DocumentFacts:
        texts = tuple(texts)
        return cls(texts, quote_style_of(texts), lang)


def count_quotes(text: str) -> tuple[int, int, int, int]:
    """(curly single, straight single, curly double, straight double) quote marks."""
    straight = text.count("'"), text.count('"')
    if text.isascii():
        return 0, straight[0], 0, straight[1]
    return (text.count("’") + text.count("‘"), straight[0],
            text.count("“") + text.count("”"), straight[1])


def quote_style_of(texts) -> str | None:
    """Single quotes decide, then double quotes; None when curly and straight are even."""
    tally = [0, 0, 0, 0]
    for text in texts:
        for index, count in enumerate(count_quotes(text)):
            tally[index] += count
    return decide_style(tally)


def decide_style(tally) -> str | None:
    for curly, straight in ((tally[0], tally[1]), (tally[2], tally[3])):
        if curly != straight:
            return "curly" if curly > straight else "straight"
    return None


class UnitContext:
    """What a step knows about the text unit it is given.

    ``lang`` is worked out on first use when a ``detect`` callable is given,
    so a unit no scoped rule looks at is never run through language
    identification; ``document_lang`` likewise.

    >>> calls = []
    >>> context = UnitContext(detect=lambda: calls.append(1) or "en")
    >>> len(calls), context.lang, context.lang, len(calls)
    (0, 'en', 'en', 1)
    """

    __slots__ = ("_detect", "_detect_document", "_lang", "evidence", "facts", "identify", "score")

    def __init__(self, lang: str | None = None, facts: DocumentFacts | None = None,
                 detect: Callable[..., str | None] | None = None,
                 detect_document: Callable[[], str | None] | None = None,
                 identify: Callable | None = None):
        self.identify = identify  # text -> Detection, for spans inside the unit (quotations)
        self._lang = lang
        self._detect = None if lang is not None else detect
        self._detect_document = detect_document
        self.facts = facts if facts is not None else DocumentFacts()
        self.evidence: str | None = None  # the unit's text with names masked, if a step gave it
        self.score: float | None = None  # the identifier's score for ``lang`` (None: given, not found)

    @property
    def decided(self) -> bool:
        """Whether the unit's language is known already (no identification left to run)."""
        return self._detect is None

    def mask(self, text: str, spans) -> None:
        """Identify the unit's language without the names at ``spans`` (they say little of it).

        Only before the language is asked for; names are blanked with spaces.
        """
        if self._detect is None or not spans:
            return
        pieces, last = [], 0
        for start, end in sorted(spans):
            if start < last:
                start = last
            pieces += [text[last:start], " " * max(0, end - start)]
            last = max(last, end)
        pieces.append(text[last:])
        self.evidence = "".join(pieces)

    @property
    def document_lang(self) -> str | None:
        """The language of the unit's document (a text file, a TSV column; a JSONL record itself)."""
        if self._detect_document is None:
            return self.facts.lang if self.facts.lang is not None else self.lang
        return self._detect_document()

    @property
    def lang(self) -> str | None:
        if self._detect is not None:
            detect, self._detect = self._detect, None
            found = detect(self.evidence) if self.evidence is not None else detect()
            # A detector may say how sure it is: (lang, score).
            self._lang, self.score = found if isinstance(found, tuple) else (found, None)
        return self._lang


UNDECIDED = "lang:undecided"


def undecided_finding(rule, begin: int, before: str) -> Change:
    """A scoped rule matched, but the unit's language was not decided: say so, change nothing."""
    langs = ", ".join(rule.lang or ())
    return Change(UNDECIDED, begin + 1, before, None, kind="finding",
                  message=f"a rule for {langs} ({rule.id}) matched {before!r}, but the line's "
                          f"language was not decided; use --lang {rule.lang[0]} if it is "
                          f"{rule.lang[0]}")


FOREIGN_SPAN = "lang:foreign-span"
# A quotation: as language/quotations.py finds them.  A sentence: up to . ! ? or the end.
_SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+|$)")
_LETTERS = re.compile(r"[^\W\d_]")
QUOTE_LETTERS = 8  # a quotation with fewer letters (names blanked) is not judged
SENTENCE_LETTERS = 30  # as foreign-sentences: shorter sentences are not judged
QUOTE_SCORE = 0.5
SENTENCE_SCORE = 0.95


def foreign_span(text: str, begin: int, stop: int, context: UnitContext, hits) -> str | None:
    """The language of the quotation or sentence around ``text[begin:stop]`` when it is
    confidently not the unit's (« Kiev ne cédera pas » in an English line), else None."""
    identify = context.identify
    if identify is None:
        return None
    spans = [(m, QUOTE_LETTERS, QUOTE_SCORE) for m in _QUOTATION.finditer(text)]
    sentences = list(_SENTENCE.finditer(text))
    if len(sentences) > 1:
        spans += [(m, SENTENCE_LETTERS, SENTENCE_SCORE) for m in sentences]
    for match, min_letters, min_score in spans:
        if not (match.start() <= begin and stop <= match.end()):
            continue
        blanked = list(match.group())
        for hit_begin, hit_stop, *_ in hits:  # names say little of a language
            for index in range(max(hit_begin, match.start()), min(hit_stop, match.end())):
                blanked[index - match.start()] = " "
        sample = "".join(blanked)
        if len(_LETTERS.findall(sample)) < min_letters:
            continue
        found = identify(sample)
        lang = context.lang
        if (found.score >= min_score and found.lang != "und" and lang is not None
                and found.lang.split("-")[0] != lang.split("-")[0]):
            return found.lang
    return None


def foreign_span_finding(rule, begin: int, before: str, other: str) -> Change:
    return Change(FOREIGN_SPAN, begin + 1, before, None, kind="finding",
                  message=f"{rule.id} matched {before!r} inside a quotation or sentence in "
                          f"{other}, not in the line's language; left as it is")


@dataclass(frozen=True)
class Screen:
    """Where a step could change or report something: a necessary condition, cheap to test
    on a whole block of lines at once (:mod:`corpus_tools.engine.screen`).

    A unit holding none of these is returned unchanged with no change record,
    whatever its context: ``chars`` anywhere; with ``beyond`` given, any
    non-ASCII character not in ``beyond``; one of ``literals``; a match of
    one of ``patterns`` (``re`` syntax, within one line); a match of one of
    ``searches`` (``re`` syntax too, each scanned on its own, since it may
    look around: a match starts in its line and needs nothing of the next
    line but that it is not the first character's continuation); one of
    ``line_end_chars`` as the unit's last character.
    """

    chars: frozenset[str] = frozenset()
    beyond: str | None = None
    literals: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()
    searches: tuple[str, ...] = ()
    line_end_chars: frozenset[str] = frozenset()


class Filter:
    """One cleaning step: text in, text and change records out.

    A subclass declares its ``name`` (the step's name on the command line),
    the ``rule_kind`` it reads from rule files (None: none), the ``rule_ids``
    it can emit itself (the catalog must know each: see :meth:`emitted_ids`)
    and whether it always ``needs_language``; ``build`` makes it from a pipeline's
    configuration.  ``apply`` returns the text unchanged (the same object is
    fine) and no changes when it has nothing to do; its change records are in
    the coordinates of the text it was given, not overlapping, in order.
    """

    name: ClassVar[str] = "filter"
    rule_kind: ClassVar[str | None] = None
    rule_ids: ClassVar[tuple[str, ...]] = ()
    needs_language: ClassVar[bool] = False
    rules: list = ()

    @classmethod
    def emitted_ids(cls) -> tuple[str, ...]:
        """Every rule id this step can put in a change record: its own, and for a step
        that reads rule files the kind's family (``name:*``) and the scoping findings."""
        if cls.rule_kind is None:
            return cls.rule_ids
        return (*cls.rule_ids, f"{cls.rule_kind}:*", UNDECIDED, FOREIGN_SPAN)

    @classmethod
    def build(cls, config, rules: Callable, detector: Callable) -> Filter:
        """Make the step from a CleanConfig, a rule-set getter and a detector getter."""
        return cls()

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        raise NotImplementedError

    def screen(self) -> Screen | None:
        """What this step could act on (None: anything, so every line goes through it)."""
        return None

    @property
    def scoped(self) -> bool:
        """Whether some rule of this step applies only in some languages."""
        return any(rule.scoped for rule in self.rules)
