"""What a loaded rule is: plain data, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class Source:
    """Where a rule or a field was written: file and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Example:
    text: str
    expect: str | None  # None: the text must come out unchanged
    source: Source
    lang: str | None = None  # run as this language (default: the rule's first)
    finds: str | None = None  # a report-only rule: the exact text it must report


class _Scoped:
    """A rule with ``lang``: None for every language, else the languages it applies to."""

    lang: tuple[str, ...] | None

    @property
    def scoped(self) -> bool:
        """Whether the rule needs a unit's language to decide where it applies."""
        return self.lang is not None

    def applies_to(self, lang: str | None) -> bool:
        if self.lang is None:
            return True
        return lang is not None and (lang in self.lang or _base(lang) in self.lang)

    def applies_in(self, context) -> bool:
        """``applies_to`` the unit's language, asking for it only when the rule is scoped."""
        return self.lang is None or self.applies_to(context.lang)


class _Keyed:
    """A rule named by its kind and ``rule_id`` (``artifact:todo``, ``spelling:ou-u``)."""

    KIND: ClassVar[str]
    rule_id: str

    @property
    def id(self) -> str:
        return f"{self.KIND}:{self.rule_id}"

    @property
    def kind(self) -> str:
        return self.KIND


@dataclass(frozen=True)
class Spelling:
    """A report-only spelling that says how it is reported:
    ``suggest = [{ text = "Tiflis", severity = "info", note = "historical name" }]``."""

    text: str
    severity: str | None = None  # None: the rule's severity
    note: str = ""  # shown as the suggestion's message


@dataclass(frozen=True)
class NameRule(_Scoped):
    """Spellings (variants) of one name, all to be written as ``canonical``."""

    canonical: str
    variants: tuple[str, ...]
    source: Source
    lang: tuple[str, ...] | None = None  # None: every language
    ignore_case: bool = False
    keep: tuple[str, ...] = ()
    fix: str = "auto"  # or "suggest"
    note: str = ""
    examples: tuple[Example, ...] = ()
    severity: str | None = None  # None: the catalog's default for name:*
    message: str | None = None
    suggest: tuple[str, ...] = ()  # spellings only reported, with the canonical as suggestion
    not_after: tuple[str, ...] = ()  # words that, right before a variant, leave it alone
    not_before: tuple[str, ...] = ()  # words that, right after a variant, leave it alone
    keep_written: tuple[str, ...] = ()  # the keep phrases as written ({variant} and all)
    spellings: tuple[Spelling, ...] = ()  # suggest spellings written with their own severity/note

    def spelling(self, text: str) -> Spelling | None:
        """How the report-only spelling ``text`` is reported, when it says so itself."""
        return next((spelling for spelling in self.spellings if spelling.text == text), None)

    @property
    def id(self) -> str:
        return f"name:{self.canonical}"

    @property
    def kind(self) -> str:
        return "name"

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": "name", "canonical": self.canonical,
            "variants": list(self.variants), "suggest": list(self.suggest),
            "lang": list(self.lang) if self.lang else None, "fix": self.fix,
            "treatment": "suggest" if self.fix == "suggest" else "replace",
            "keep": list(self.keep_written or self.keep), "not_after": list(self.not_after),
            "not_before": list(self.not_before), "examples": len(self.examples),
            "file": self.source.file, "line": self.source.line,
        }


@dataclass(frozen=True)
class ArtifactRule(_Keyed, _Scoped):
    """A pattern of leftover text; removed (or replaced) when ``replace`` is set."""

    KIND: ClassVar[str] = "artifact"

    rule_id: str
    pattern: str
    source: Source
    replace: str | None = None  # None: report only
    message: str = ""
    lang: tuple[str, ...] | None = None
    examples: tuple[Example, ...] = ()
    compiled: Any = field(default=None, compare=False, repr=False)
    severity: str | None = None  # None: the catalog's default for artifact:*
    requires: tuple[str, ...] = ()  # the pattern runs only on lines holding one of these
    literal: bool = False  # written as text = "...": removed with exactly one adjoining space
    text: str | None = None  # the literal as written
    starts: str | None = None  # with ends: a leftover between two marks, removed as a literal
    ends: str | None = None
    marks: Any = field(default=None, compare=False, repr=False)  # (starts, ends reversed) compiled

    def may_match(self, text: str) -> bool:
        return not self.requires or any(literal in text for literal in self.requires)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": "artifact", "pattern": self.pattern, "text": self.text,
            "starts": self.starts, "ends": self.ends,
            "treatment": "report" if self.replace is None else "replace",
            "replace": self.replace, "lang": list(self.lang) if self.lang else None,
            "file": self.source.file, "line": self.source.line,
        }


APOSTROPHE = "apostrophe"  # PunctuationRule.becomes: the apostrophe style of the text


@dataclass(frozen=True)
class PunctuationRule(_Keyed, _Scoped):
    """A foreign mark (Armenian ``՛``, say) to write as the text's own punctuation.

    It is replaced only next to letters of ``next_to`` scripts, and never
    next to a letter of another script, so it stays in its own script's text.
    """

    KIND: ClassVar[str] = "punctuation"

    rule_id: str
    char: str
    source: Source
    becomes: str = APOSTROPHE  # or the literal text to write
    next_to: tuple[str, ...] = ("Latin",)
    lang: tuple[str, ...] | None = None
    keep_lang: tuple[str, ...] = ()  # languages whose own spelling uses the mark
    note: str = ""
    examples: tuple[Example, ...] = ()
    severity: str | None = None  # None: the catalog's default for punctuation:*
    message: str | None = None

    @property
    def scoped(self) -> bool:
        return self.lang is not None or bool(self.keep_lang)

    def applies_to(self, lang: str | None) -> bool:
        if lang is not None and (lang in self.keep_lang or _base(lang) in self.keep_lang):
            return False
        return super().applies_to(lang)

    def applies_in(self, context) -> bool:
        if self.lang is None and not self.keep_lang:
            return True
        return self.applies_to(context.lang)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": "punctuation", "char": self.char,
            "codepoint": f"U+{ord(self.char):04X}", "becomes": self.becomes,
            "next_to": list(self.next_to), "lang": list(self.lang) if self.lang else None,
            "keep_lang": list(self.keep_lang), "file": self.source.file, "line": self.source.line,
        }


@dataclass(frozen=True)
class RepeatRule(_Keyed, _Scoped):
    """Words that may be written twice in a row (``that that``, ``nous nous``) in some languages."""

    KIND: ClassVar[str] = "repeat"

    rule_id: str
    words: tuple[str, ...]
    source: Source
    lang: tuple[str, ...] | None = None
    note: str = ""
    examples: tuple[Example, ...] = ()

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": "repeat", "words": list(self.words),
            "lang": list(self.lang) if self.lang else None,
            "file": self.source.file, "line": self.source.line,
        }


@dataclass(frozen=True)
class SpellingRule(_Keyed):
    """Spellings that translation between languages makes of one sound (``tch``/``ch``,
    ``ian``/``yan``): ``rules suggest`` treats them as one when it groups names.

    ``at`` is ``anywhere``, or ``end`` for endings (French ``-e``, Armenian ``-ts``).
    """

    KIND: ClassVar[str] = "spelling"

    rule_id: str
    same: tuple[str, ...]
    source: Source
    at: str = "anywhere"
    note: str = ""
    lang: tuple[str, ...] | None = None
    examples: tuple[Example, ...] = ()

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "kind": "spelling", "treatment": "none", "same": list(self.same),
                "at": self.at,
                "lang": None, "file": self.source.file, "line": self.source.line}


@dataclass(frozen=True)
class TransliterationRule(_Keyed):
    """Letters of one script written in Latin letters, for ``rules suggest``'s cross-script
    candidates (``Степанакерт`` beside ``Stepanakert``)."""

    KIND: ClassVar[str] = "transliteration"

    rule_id: str
    script: str
    letters: tuple[tuple[str, str], ...]  # (letter, Latin spelling), lower case
    source: Source
    note: str = ""
    lang: tuple[str, ...] | None = None
    examples: tuple[Example, ...] = ()

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "kind": "transliteration", "treatment": "none",
                "script": self.script,
                "letters": len(self.letters), "lang": None,
                "file": self.source.file, "line": self.source.line}


@dataclass
class RuleSet:
    """Everything loaded, layers already merged."""

    names: list[NameRule] = field(default_factory=list)
    artifacts: list[ArtifactRule] = field(default_factory=list)
    punctuation: list[PunctuationRule] = field(default_factory=list)
    repeats: list[RepeatRule] = field(default_factory=list)
    spellings: list[SpellingRule] = field(default_factory=list)
    transliterations: list[TransliterationRule] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a later layer replaced
    files: list[str] = field(default_factory=list)  # every rule file loaded, in order

    def all_rules(self) -> list:
        return [*self.names, *self.artifacts, *self.punctuation, *self.repeats, *self.spellings,
                *self.transliterations]


def _base(lang: str) -> str:
    """``sr-Latn`` -> ``sr``: scopes name languages, not scripts."""
    return lang.split("-")[0].lower()
