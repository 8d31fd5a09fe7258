"""The kinds of rule, one entry per ``[[table]]``: adding a kind is one entry below.

Each entry says what the table is for, its fields as data (name, form,
whether required, what it means, the CSV column that carries it), the
builder that checks a table and makes the rule (:mod:`.fields`), the keys by
which a later layer's rule replaces an earlier one, the fields that must be
unique inside a layer, what ``rules list`` shows of it, and its spreadsheet
columns.  The loader, the layer merge, the conflict checks, ``rules check``,
``rules list``, ``rules export``/``import``, ``rules test`` and the
linguists' guide all read this table.

>>> list(KINDS)
['name', 'artifact', 'punctuation', 'repeat', 'spelling', 'transliteration']
>>> KINDS["artifact"].field_names[:4]
('id', 'text', 'starts', 'ends')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from corpus_tools.rules.conflicts import (
    char_conflicts,
    name_conflicts,
    repeated,
    spelling_conflicts,
    spelling_keys,
)
from corpus_tools.rules.fields import (
    artifact_rule,
    name_rule,
    punctuation_rule,
    repeat_rule,
    spelling_rule,
    transliteration_rule,
)
from corpus_tools.rules.model import (
    ArtifactRule,
    NameRule,
    PunctuationRule,
    RepeatRule,
    SpellingRule,
    TransliterationRule,
)

# The forms a field's value takes; the CSV writes lists with their separator.
FORMS = {
    "text": "text in quotes",
    "phrases": "a list of texts",              # in a CSV cell: separated by " | "
    "codes": "a list of codes or names",        # in a CSV cell: separated by ","
    "flag": "true or false",
    "letters": "a table of letters",           # in a CSV cell: ш=sh | а=a
    "examples": "a list of examples",          # in a CSV: one example a row
}
# The columns of one example in a spreadsheet, with the example field each carries.
EXAMPLE_COLUMNS = {"example": "text", "expect": "expect", "finds": "finds", "example_lang": "lang"}


@dataclass(frozen=True)
class Field:
    """One field of a table: how it is written, and where a loaded rule keeps it."""

    name: str
    form: str
    about: str
    required: bool = False
    column: str | None = None  # the CSV column that carries it (default: its name)
    written: Callable[[Any], Any] | None = None  # its value as written (default: the attribute)
    default: Any = None  # a value left unwritten
    verbatim: bool = False  # spaces at its ends matter (a pattern), so a CSV cell is not trimmed

    @property
    def csv_column(self) -> str:
        return self.column or self.name

    def value(self, rule) -> Any:
        value = self.written(rule) if self.written else getattr(rule, self.name, None)
        if self.form == "examples":
            return [{key: getattr(example, key) for key in ("text", "expect", "finds", "lang")
                     if getattr(example, key) is not None} for example in value or ()]
        if self.form == "letters":
            return dict(value or ())
        return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class RuleKind:
    table: str  # the [[table]] that holds it
    rule_class: type
    collection: str  # the RuleSet list that holds its rules
    about: str  # one line for the guide
    fields: tuple[Field, ...]
    build: Callable  # (table, index, file's lang, Where) -> rule or None
    merge_keys: Callable[[Any], frozenset]  # a later layer's rule replaces those sharing a key
    replaced_as: str  # how a replacement note names it: "artifact 'todo' replaces ..."
    key_about: str  # the guide: what a later layer's rule replaces an earlier one by
    csv_columns: tuple[str, ...]  # its spreadsheet columns, the key first
    detail: Callable[[Any], str]  # the last column of `rules list`
    count_label: str  # `rules check`: "3 name rule(s)"
    unique: tuple[str, ...] = ("id",)  # fields no two rules of a layer share
    conflicts: Callable[[list], Iterable[str]] | None = None  # further checks inside a layer
    reports_only: Callable[[Any], bool] = lambda rule: False
    shown_key: Callable[[Any], str] = lambda rule: rule.rule_id

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    @property
    def key_column(self) -> str:
        return self.csv_columns[0]

    @property
    def has_examples(self) -> bool:
        return "examples" in self.field_names

    def written(self, rule) -> dict[str, Any]:
        """The rule as a table would write it: required fields, and the others that hold more
        than their default, in the table's order."""
        table = {}
        for field in self.fields:
            value = field.value(rule)
            if field.required or not (value is None or value is False or value == field.default
                                      or value in ([], {})):
                table[field.name] = value
        return table

    def layer_conflicts(self, rules: list) -> list[str]:
        problems = list(self.conflicts(rules)) if self.conflicts else []
        for field in self.unique:
            for rule, other in repeated(rules, lambda rule, field=field: getattr(rule, _attr(field))):
                problems.append(f"{rule.source}: {field}: '{getattr(rule, _attr(field))}' is "
                                f"already used at {other.source}; {self.table} {field}s must be "
                                f"unique")
        return problems


def _attr(field: str) -> str:
    return "rule_id" if field == "id" else field


def _id_field(kind: str) -> Field:
    return Field("id", "text", f"unique among the {kind} rules: lower-case letters, digits, - _ .",
                 required=True, written=lambda rule: rule.rule_id)


_LANG = Field("lang", "codes", "the languages it applies in (default: the file's, else all)")
_NOTE = Field("note", "text", "why, in a sentence", default="")
_SEVERITY = Field("severity", "text", "error (the default), warning or info")
_MESSAGE = Field("message", "text", "a sentence shown with each report", default="")
_EXAMPLES = Field("examples", "examples", "texts that `rules test` runs, each with expect or "
                  "finds, lang optional", column="example")


def _keyed(rule) -> frozenset:
    return frozenset([rule.rule_id])


def _joined(items) -> str:
    return ", ".join(items)


NAME = RuleKind(
    table="name", rule_class=NameRule, collection="names",
    about="spellings of one name, written as its canonical form",
    fields=(
        Field("canonical", "text", "how the name must be written", required=True),
        Field("variants", "phrases", "spellings to replace", required=True, column="variant"),
        Field("suggest", "phrases", "spellings only reported, never replaced", column="variant"),
        _LANG,
        Field("keep", "phrases", "phrases left alone; may hold {variant} and {canonical}",
              written=lambda rule: rule.keep_written or rule.keep),
        Field("not_after", "phrases", "words that, right before a spelling, leave it alone"),
        Field("not_before", "phrases", "words that, right after a spelling, leave it alone"),
        _NOTE,
        Field("ignore_case", "flag", "match in any case, keeping the case pattern"),
        Field("fix", "text", "auto (the default) or suggest: every variant only reported",
              written=lambda rule: None if rule.fix == "auto" else rule.fix),
        _SEVERITY, _MESSAGE, _EXAMPLES,
    ),
    build=name_rule,
    merge_keys=lambda rule: frozenset([rule.canonical, *rule.variants]),
    replaced_as="name",
    key_about="its canonical or any of its spellings",
    csv_columns=("canonical", "variant", "treatment", "lang", "keep", "note", "example",
                 "expect", "finds", "example_lang", "not_after", "not_before", "ignore_case",
                 "fix", "severity", "message"),
    detail=lambda rule: "; ".join(
        [_joined(rule.variants)] + [f"{label}: {_joined(words)}" for label, words in (
            ("suggest", rule.suggest), ("not after", rule.not_after),
            ("not before", rule.not_before)) if words]),
    count_label="name rule(s)",
    unique=(),
    conflicts=name_conflicts,
    reports_only=lambda rule: rule.fix == "suggest",
    shown_key=lambda rule: rule.canonical,
)

ARTIFACT = RuleKind(
    table="artifact", rule_class=ArtifactRule, collection="artifacts",
    about="leftover text to remove (or only report)",
    fields=(
        _id_field("artifact"),
        Field("text", "text", "the words to remove, as written (or give pattern)"),
        Field("starts", "text", "with ends: the mark that opens a leftover, as written",
              verbatim=True),
        Field("ends", "text", "with starts: the mark that closes it (the first after starts)",
              verbatim=True),
        Field("pattern", "text", "a regex, for experts (or give text)", verbatim=True,
              written=lambda rule: None if rule.literal else rule.pattern),
        Field("replace", "text", "what a pattern's match becomes; omitted: report only",
              verbatim=True,
              written=lambda rule: None if rule.literal and rule.replace == "" else rule.replace),
        Field("ignore_case", "flag", "text matches in any case",
              written=lambda rule: rule.literal and rule.pattern.startswith("(?i)")),
        Field("requires", "phrases", "texts one of which every match holds (faster patterns)"),
        _LANG, _SEVERITY, _MESSAGE, _EXAMPLES,
    ),
    build=artifact_rule,
    merge_keys=_keyed,
    replaced_as="artifact",
    key_about="its id",
    csv_columns=("id", "text", "starts", "ends", "pattern", "replace", "ignore_case", "requires", "lang",
                 "severity", "message", "example", "expect", "finds", "example_lang"),
    detail=lambda rule: (f"text: {rule.text}" if rule.text else
                         f"between: {rule.starts} … {rule.ends}" if rule.starts else rule.pattern),
    count_label="artifact rule(s)",
    reports_only=lambda rule: rule.replace is None,
)

PUNCTUATION = RuleKind(
    table="punctuation", rule_class=PunctuationRule, collection="punctuation",
    about="a foreign mark to write as the text's own punctuation",
    fields=(
        _id_field("punctuation"),
        Field("char", "text", "the one character", required=True, verbatim=True),
        Field("becomes", "text", "apostrophe (the text's own, the default) or literal text",
              verbatim=True),
        Field("next_to", "codes", "scripts whose letters it is replaced next to (default Latin)"),
        _LANG,
        Field("keep_lang", "codes", "languages whose spelling uses the mark"),
        _NOTE, _SEVERITY, _MESSAGE, _EXAMPLES,
    ),
    build=punctuation_rule,
    merge_keys=lambda rule: frozenset([rule.char]),
    replaced_as="punctuation for",
    key_about="its char",
    csv_columns=("id", "char", "becomes", "next_to", "lang", "keep_lang", "note", "severity",
                 "message", "example", "expect", "finds", "example_lang"),
    detail=lambda rule: (f"{rule.char} (U+{ord(rule.char):04X}) -> {rule.becomes} next to "
                         f"{_joined(rule.next_to)}"),
    count_label="punctuation rule(s)",
    conflicts=char_conflicts,
    shown_key=lambda rule: rule.char,
)

REPEAT = RuleKind(
    table="repeat", rule_class=RepeatRule, collection="repeats",
    about="words a language may write twice in a row (check's repeated-word)",
    fields=(
        _id_field("repeat"),
        Field("words", "phrases", "the single words that may repeat", required=True),
        _LANG, _NOTE,
    ),
    build=repeat_rule,
    merge_keys=_keyed,
    replaced_as="repeat",
    key_about="its id",
    csv_columns=("id", "words", "lang", "note"),
    detail=lambda rule: _joined(rule.words),
    count_label="repeat rule(s)",
)

SPELLING = RuleKind(
    table="spelling", rule_class=SpellingRule, collection="spellings",
    about="spellings of one sound that rules suggest treats as the same",
    fields=(
        _id_field("spelling"),
        Field("same", "phrases", "two or more lower-case spellings; \"\" first: may be left out",
              required=True),
        Field("at", "text", "anywhere (the default) or end"),
        _NOTE,
    ),
    build=spelling_rule,
    merge_keys=lambda rule: _keyed(rule) | spelling_keys(rule),
    replaced_as="spelling",
    key_about="its id or any of its spellings",
    csv_columns=("id", "same", "at", "note"),
    detail=lambda rule: " = ".join(rule.same) + (" (at the end)" if rule.at == "end" else ""),
    count_label="spelling rule(s)",
    conflicts=spelling_conflicts,
)

TRANSLITERATION = RuleKind(
    table="transliteration", rule_class=TransliterationRule, collection="transliterations",
    about="a script's letters in Latin, for rules suggest's cross-script groups",
    fields=(
        _id_field("transliteration"),
        Field("script", "text", "the Unicode script name (Cyrillic, Armenian...)", required=True),
        Field("letters", "letters", "each letter = its Latin spelling in plain ASCII",
              required=True),
        _NOTE,
    ),
    build=transliteration_rule,
    merge_keys=_keyed,
    replaced_as="transliteration",
    key_about="its id",
    csv_columns=("id", "script", "letters", "note"),
    detail=lambda rule: f"{rule.script}: {len(rule.letters)} letters",
    count_label="transliteration table(s)",
)

KINDS: dict[str, RuleKind] = {kind.table: kind for kind in (
    NAME, ARTIFACT, PUNCTUATION, REPEAT, SPELLING, TRANSLITERATION)}

# The one table that is not a rule: a file's defaults.
FILE_FIELDS = (
    Field("description", "text", "what the file holds"),
    Field("lang", "codes", "the default lang of every rule in the file"),
)


def kind_of(rule) -> RuleKind:
    return KINDS[rule.kind]
