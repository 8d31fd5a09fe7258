"""The pipeline: named steps applied in order to one text unit at a time.

This is the library entry point for other programs (Dask, Spark, notebooks):

>>> from corpus_tools import Pipeline
>>> pipeline = Pipeline(["fix-encoding", "normalize-space"])
>>> result = pipeline.clean("The cafÃ©  is open.  ")
>>> result.text
'The café is open.'
>>> [change.rule for change in result.changes]
['encoding:mojibake', 'space:trailing', 'space:collapse']
>>> record, changes = pipeline.clean_record({"id": 7, "text": "Ã©tÃ©"})
>>> record
{'id': 7, 'text': 'été'}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from corpus_tools.changes import Change
from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters import (
    OPTIONAL_STEPS,
    RECOMMENDED_STEPS,
    DocumentContext,
    Filter,
    UnitContext,
)
from corpus_tools.filters.fix_encoding import EncodingConfig, FixEncoding
from corpus_tools.filters.fix_scripts import FixScripts
from corpus_tools.filters.foreign_sentences import ForeignSentences
from corpus_tools.filters.normalize_space import NormalizeSpace
from corpus_tools.filters.strip_artifacts import StripArtifacts
from corpus_tools.filters.unify_names import UnifyNames
from corpus_tools.language.backends import DEFAULT_BACKEND
from corpus_tools.language.detector import DEFAULT_MIN_SCORE, LanguageDetector
from corpus_tools.language.units import DocumentLanguage
from corpus_tools.rules.loader import load_rules
from corpus_tools.rules.model import RuleSet

_LINE_BREAKS = ("\n", "\r")


@dataclass(frozen=True)
class CleanConfig:
    """Everything the steps may be configured with; one object instead of many flags."""

    encoding: EncodingConfig = field(default_factory=EncodingConfig)
    lang: str | None = None  # the input's language; None: identify it where a rule needs it
    lang_backend: str = DEFAULT_BACKEND
    languages: tuple[str, ...] | None = None  # the candidates of identification
    lang_unit: str = "paragraph"  # plain text: paragraph, line or document
    min_lang_score: float = DEFAULT_MIN_SCORE
    rules: tuple[str, ...] = ()  # --rules paths, layered over the defaults in order
    default_rules: bool = True
    rule_set: RuleSet | None = None  # already loaded rules (wins over the two above)

    def load_rules(self) -> RuleSet:
        if self.rule_set is not None:
            return self.rule_set
        return load_rules(self.rules, use_defaults=self.default_rules)


@dataclass
class Cleaned:
    """The result of cleaning one text unit."""

    text: str
    changes: list[Change]

    @property
    def changed(self) -> bool:
        return any(not change.suggestion for change in self.changes)


class UnknownStepError(CorpusToolsError):
    pass


def _build_step(name: str, config: CleanConfig, rules, detector=None) -> Filter:
    if name == "fix-encoding":
        return FixEncoding(config.encoding)
    if name == "fix-scripts":
        return FixScripts(rules().punctuation)
    if name == "normalize-space":
        return NormalizeSpace()
    if name == "strip-artifacts":
        return StripArtifacts(rules().artifacts)
    if name == "unify-names":
        return UnifyNames(rules().names)
    if name == "foreign-sentences":
        return ForeignSentences(detector)
    raise UnknownStepError(
        f"unknown step '{name}'; the steps are: {', '.join(available_steps())}"
    )


def available_steps() -> tuple[str, ...]:
    return RECOMMENDED_STEPS + OPTIONAL_STEPS


def resolve_steps(
    steps: Iterable[str] | None = None, skip: Iterable[str] = ()
) -> list[str]:
    """The step names to run: ``steps`` (default: the recommended order) less ``skip``.

    >>> resolve_steps(None, skip=["unify-names"])
    ['fix-encoding', 'fix-scripts', 'strip-artifacts', 'normalize-space']
    """
    chosen = list(RECOMMENDED_STEPS if steps is None else steps)
    for name in [*chosen, *skip]:
        if name not in available_steps():
            raise UnknownStepError(
                f"unknown step '{name}'; the steps are: {', '.join(available_steps())}"
            )
    return [name for name in chosen if name not in set(skip)]


class Pipeline:
    """Steps by name, built once, applied to one unit at a time."""

    def __init__(self, steps: Sequence[str] | None = None, config: CleanConfig | None = None):
        self.config = config or CleanConfig()
        self.step_names = resolve_steps(steps)
        self.rule_set: RuleSet | None = None
        self._detector: LanguageDetector | None = None
        self.steps = [_build_step(name, self.config, self._rules, lambda: self.detector)
                      for name in self.step_names]

    def _rules(self) -> RuleSet:
        if self.rule_set is None:
            self.rule_set = self.config.load_rules()
        return self.rule_set

    @property
    def needs_language(self) -> bool:
        """Whether some step may ask for a unit's language that ``--lang`` does not give."""
        if self.config.lang is not None:
            return False
        return any(getattr(step, "needs_language", False) or _has_scoped_rules(step)
                   for step in self.steps)

    @property
    def detector(self) -> LanguageDetector:
        if self._detector is None:
            self._detector = LanguageDetector(
                self.config.lang_backend, self.config.languages, self.config.min_lang_score
            )
        return self._detector

    def _detect_alone(self, text: str):
        """A unit cleaned on its own: its language if it is sure enough, else unknown."""

        def detect() -> str | None:
            found = self.detector.detect(text)
            return found.lang if found.reliable else None

        return detect

    def language_session(self, head: dict | None = None) -> DocumentLanguage:
        """The language bookkeeping of one document; ``head`` holds its first units' texts."""
        return DocumentLanguage(self.detector, head)

    def clean(
        self, text: str, lang: str | None = None, document: DocumentContext | None = None,
        detect=None, detect_document=None,
    ) -> Cleaned:
        """Clean one text unit (a line, a JSONL field, a TSV cell).

        ``detect`` is a callable giving the unit's language, called only if a
        language-scoped rule has a candidate match (``language_session(head)``
        gives one per unit with a document to fall back on).  Without it and
        without ``lang``, the unit's own text is identified, when needed.
        """
        if detect is None and lang is None and self.config.lang is None:
            detect = self._detect_alone(text)
        context = UnitContext(
            lang=lang if lang is not None else self.config.lang,
            document=document if document is not None else DocumentContext(),
            detect=detect,
            detect_document=detect_document,
        )
        changes: list[Change] = []
        for step in self.steps:
            new_text, step_changes = step.apply(text, context)
            if not step_changes:
                continue
            if new_text == text:  # findings and suggestions only
                changes.extend(step_changes)
                continue
            if _adds_line_break(text, new_text):
                # A step (an HTML entity like &#10;, say) would split the line:
                # line N out must stay line N in, so that edit is refused.
                continue
            text = new_text
            changes.extend(step_changes)
        return Cleaned(text, changes)

    def clean_record(self, record: dict, field: str = "text", lang: str | None = None):
        """Clean the string at ``field`` (a dotted path) of a dict; return a new dict and changes."""
        parts = field.split(".")
        target = record
        for part in parts[:-1]:
            target = target[part]
        result = self.clean(target[parts[-1]], lang=lang)
        if result.text == target[parts[-1]]:
            return record, []
        new_record = _replace_path(record, parts, result.text)
        return new_record, result.changes


def _replace_path(record: dict, parts: list[str], value: str) -> dict:
    new = dict(record)
    if len(parts) == 1:
        new[parts[0]] = value
    else:
        new[parts[0]] = _replace_path(record[parts[0]], parts[1:], value)
    return new


def _has_scoped_rules(step: Filter) -> bool:
    rules = getattr(step, "rules", None)
    return any(rule.lang is not None or getattr(rule, "keep_lang", ()) for rule in rules or ())


def _adds_line_break(old: str, new: str) -> bool:
    return any(new.count(brk) > old.count(brk) for brk in _LINE_BREAKS)
