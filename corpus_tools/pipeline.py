"""The pipeline: named steps applied in order to one text unit at a time.

This is the library entry point for other programs (Dask, Spark, notebooks):

>>> from corpus_tools import Pipeline
>>> pipeline = Pipeline(["fix-encoding", "normalize-space"])
>>> result = pipeline.clean("The cafÃ©  is open.  ")
>>> result.text
'The café is open.'
>>> [(change.rule, change.column) for change in result.changes]  # columns of the input text
[('encoding:mojibake', 8), ('space:trailing', 20), ('space:collapse', 10)]
>>> record, changes = pipeline.clean_record({"id": 7, "text": "Ã©tÃ©"})
>>> record
{'id': 7, 'text': 'été'}

A unit's output depends on its text, its paragraph (for language only) and
its document's facts, nothing else: ``Pipeline.facts(head)`` makes the facts
the command line uses for a document whose head (first 64 KiB) is ``head``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from corpus_tools.changes import Change, PositionMap
from corpus_tools.filters.base import DocumentFacts, Filter, UnitContext
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig
from corpus_tools.language.backends import DEFAULT_BACKEND
from corpus_tools.language.detector import DEFAULT_MIN_SCORE, LanguageDetector
from corpus_tools.language.units import LanguageDecider
from corpus_tools.registry import (
    UnknownStepError,  # noqa: F401 - re-exported for library users
    build_step,
    resolve_steps,
)
from corpus_tools.rules.loader import load_rules
from corpus_tools.rules.model import RuleSet

LINE_BREAKS = ("\n", "\r")


@dataclass(frozen=True)
class CleanConfig:
    """Everything the steps may be configured with; one object instead of many flags."""

    encoding: EncodingConfig = field(default_factory=EncodingConfig)
    lang: str | None = None  # the input's language; None: identify it where a rule needs it
    lang_backend: str = DEFAULT_BACKEND
    languages: tuple[str, ...] | None = None  # the candidates of identification
    lang_unit: str = "paragraph"  # plain text: paragraph, line or document
    min_lang_score: float = DEFAULT_MIN_SCORE
    # The rules, loaded (rules.loader.load_rules: files layered over the defaults);
    # None: the packaged default rules.
    rule_set: RuleSet | None = None

    def load_rules(self) -> RuleSet:
        return self.rule_set if self.rule_set is not None else load_rules()


@dataclass
class Cleaned:
    """The result of cleaning one text unit; change columns count in the unit's input text."""

    text: str
    changes: list[Change]

    @property
    def changed(self) -> bool:
        return any(change.applied for change in self.changes)


class Pipeline:
    """Steps by name, built once, applied to one unit at a time.

    A pipeline pickles as its step names and configuration (rules and models
    are built again where it is unpickled), so it can be shipped to workers.
    """

    def __init__(self, steps: Sequence[str] | None = None, config: CleanConfig | None = None):
        self.config = config or CleanConfig()
        self.step_names = resolve_steps(steps)
        self._rule_set: RuleSet | None = None
        self._decider: LanguageDecider | None = None
        self.steps: list[Filter] = [
            build_step(name, self.config, self._rules, lambda: self.detector)
            for name in self.step_names
        ]

    def __reduce__(self):
        return (Pipeline, (self.step_names, self.config))

    def _rules(self) -> RuleSet:
        if self._rule_set is None:
            self._rule_set = self.config.load_rules()
        return self._rule_set

    @property
    def rule_set(self) -> RuleSet:
        return self._rules()

    @property
    def needs_language(self) -> bool:
        """Whether some step may ask for a unit's language that ``--lang`` does not give."""
        if self.config.lang is not None:
            return False
        return any(step.needs_language or step.scoped for step in self.steps)

    @property
    def decider(self) -> LanguageDecider:
        if self._decider is None:
            self._decider = LanguageDecider(LanguageDetector(
                self.config.lang_backend, self.config.languages, self.config.min_lang_score))
        return self._decider

    @property
    def detector(self) -> LanguageDetector:
        return self.decider.detector

    def facts(self, head: Sequence[str] = ()) -> DocumentFacts:
        """The facts of a document whose head (its first 64 KiB: lines, or a TSV column's
        cells, in order) is ``head``."""
        return DocumentFacts.from_head(head, lang=self.config.lang)

    def record_facts(self, text: str) -> DocumentFacts:
        """The facts of a unit that is its own document (a JSONL record's field)."""
        return DocumentFacts.from_head((text,), lang=self.config.lang)

    def context(self, text: str, facts: DocumentFacts, lang: str | None = None,
                language_text=None) -> UnitContext:
        """What the steps may know of a unit; its language is identified only if a step asks.

        ``language_text`` is a string, or an object whose ``text`` is read only then
        (a paragraph, joined only when a step asks for the language)."""
        lang = lang or facts.lang or self.config.lang
        if lang is not None:
            return UnitContext(lang=lang, facts=facts, identify=self._identify)

        def detect(evidence: str | None = None) -> str | None:
            if self.config.lang_unit == "document" and facts.head:
                found = self.decider.document_lang(facts.head)
                if found is not None:
                    return found
            def paragraph() -> str | None:
                found = text_of(language_text)
                return None if found == text else found

            return self.decider.resolve_scored(text if evidence is None else evidence, facts.head,
                                               paragraph if language_text is not None else None)

        return UnitContext(facts=facts, detect=detect,
                           detect_document=lambda: self.decider.document_lang(facts.head or (text,)),
                           identify=self._identify)

    def _identify(self, text: str):
        return self.detector.detect(text)

    def clean(self, text: str, facts: DocumentFacts | None = None, *, lang: str | None = None,
              language_text=None,
              separators: tuple[str, ...] = LINE_BREAKS) -> Cleaned:
        """Clean one text unit (a line, a JSONL field, a TSV cell).

        ``facts`` are its document's (default: none known, so the unit's own
        text decides its language); ``language_text`` is the text that
        identifies its language (its paragraph; default the unit itself).
        An edit that would add one of ``separators`` (a line break; a tab in
        TSV) is refused for that step.  Change columns count in ``text``.
        """
        facts = facts if facts is not None else DocumentFacts()
        context = self.context(text, facts, lang, language_text)
        changes: list[Change] = []
        maps: list[PositionMap] = []  # newest first: each maps a step's output to its input
        for step in self.steps:
            new_text, step_changes = step.apply(text, context)
            if not step_changes:
                continue
            if new_text != text and _adds_separator(text, new_text, separators):
                # A step (an HTML entity like &#10;, say) would split the line or
                # shift the columns: line N out must stay line N in.
                continue
            changes.extend(_to_input(change, maps) for change in step_changes)
            if new_text != text:
                maps.insert(0, _edits_of(step_changes))
                text = new_text
        return Cleaned(text, changes)

    def clean_record(self, record: dict, field: str = "text", lang: str | None = None):
        """Clean the string at ``field`` (a dotted path) of a dict; return a new dict and changes.

        The record is its own document, as in ``--jsonl``.
        """
        parts = field.split(".")
        target = record
        for part in parts[:-1]:
            target = target[part]
        value = target[parts[-1]]
        result = self.clean(value, self.record_facts(value), lang=lang)
        if result.text == value:
            return record, result.changes
        return _replace_path(record, parts, result.text), result.changes


def text_of(language_text) -> str | None:
    """A unit's language text: a string, None, or a paragraph whose text is read now."""
    if language_text is None or isinstance(language_text, str):
        return language_text
    return language_text.text


def _replace_path(record: dict, parts: list[str], value: str) -> dict:
    new = dict(record)
    if len(parts) == 1:
        new[parts[0]] = value
    else:
        new[parts[0]] = _replace_path(record[parts[0]], parts[1:], value)
    return new


def _edits_of(changes: list[Change]) -> PositionMap:
    edits, last = [], -1
    for change in sorted((c for c in changes if c.applied), key=lambda c: c.column):
        start = change.column - 1
        if start < last:
            continue  # overlapping records (none of ours): keep the map ordered
        edits.append((start, start + len(change.before), len(change.fix)))
        last = start + len(change.before)
    return PositionMap(edits)


def _to_input(change: Change, maps: list[PositionMap]) -> Change:
    start, end = change.column - 1, change.end - 1
    for position_map in maps:
        start, end = position_map.to_input(start), position_map.to_input(end, at_end=True)
    if not maps and change.end_column is not None:
        return change
    return replace(change, column=start + 1, end_column=max(end, start) + 1)


def _adds_separator(old: str, new: str, separators: tuple[str, ...]) -> bool:
    return any(new.count(separator) > old.count(separator) for separator in separators)
