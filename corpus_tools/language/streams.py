"""``detect-lang`` and ``filter-lang`` over files: each record's language, as a tag or a filter.

Both read as the cleaning commands do (plain text, JSONL, TSV; compressed;
stdin) and decide each unit's language the same way, falling back on the
document's language for units too short or too uncertain to identify.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import BinaryIO

from corpus_tools.errors import CorpusToolsError, InputError
from corpus_tools.language.detector import LanguageDetector
from corpus_tools.language.units import DocumentLanguage, language_units
from corpus_tools.stream.formats import JsonlFormat, RecordError, RecordFormat, TextFormat
from corpus_tools.stream.lines import UTF8_BOM, decode, encode
from corpus_tools.stream.opener import open_input, read_lines


@dataclass
class LanguageOptions:
    record_format: RecordFormat = field(default_factory=TextFormat)
    unit: str = "line"  # plain text: line, paragraph or document
    on_bad_record: str = "error"
    on_read: object = None  # called with the number of bytes read (a progress bar)


@dataclass
class Decided:
    """One line of input, with the language decided for each of its units."""

    number: int
    raw: bytes  # the line exactly as read: BOM, content, ending
    line: str
    ending: bytes
    record: object | None  # None: a bad record
    languages: list[tuple[str, float]]


def decided_lines(path: str, detector: LanguageDetector, options: LanguageOptions,
                  stack: ExitStack) -> Iterator[Decided]:
    label = "<stdin>" if path == "-" else path
    stream = open_input(path, stack, options.on_read)
    record_format = options.record_format
    plain = isinstance(record_format, TextFormat)
    lines, language = language_units(
        read_lines(stream, label), record_format, options.unit,
        lambda head: DocumentLanguage(detector, head), decode, UTF8_BOM, plain=plain,
    )
    for number, (content, ending, paragraph) in enumerate(lines, 1):
        raw = content + ending
        if number == 1 and content.startswith(UTF8_BOM):
            content = content[len(UTF8_BOM):]
        line = decode(content)
        try:
            record = record_format.parse(line)
        except RecordError as error:
            if options.on_bad_record == "error":
                raise InputError(label, number, str(error)) from None
            yield Decided(number, raw, line, ending, None, [])
            continue
        decided = [] if record.texts else [("und", 0.0)]  # a JSONL null field: no language
        for unit_label, text in zip(record.labels, record.texts, strict=True):
            unit_text = text if paragraph is None else paragraph.text
            decided.append(language.decide(unit_text, unit_label) if unit_text.strip() else ("und", 0.0))
        yield Decided(number, raw, line, ending, record, decided)


# --- detect-lang -------------------------------------------------------------------


def tag_line(decided: Decided, record_format: RecordFormat, lang_field: str, score_field: str) -> bytes:
    """The output line for one input line: the record with fields added (JSONL), else TSV."""
    if isinstance(record_format, JsonlFormat):
        if decided.record is None:
            return decided.raw
        lang, score = decided.languages[0] if decided.languages else ("und", 0.0)
        return encode(add_fields(decided.line, {lang_field: lang, score_field: score})) + (
            decided.ending or b"\n")
    cells = []
    for lang, score in decided.languages or [("und", 0.0)]:
        cells += [lang, f"{score:.2f}"]
    return "\t".join(cells).encode("utf-8") + (decided.ending or b"\n")


def add_fields(line: str, values: dict) -> str:
    """Add top-level fields to a JSON object line, the rest of it byte for byte.

    >>> add_fields('{"id": 1, "text": "Bonjour"}', {"lang": "fr", "lang_score": 0.99})
    '{"id": 1, "text": "Bonjour", "lang": "fr", "lang_score": 0.99}'
    >>> add_fields('{"lang": "xx", "text": "Hi"}', {"lang": "en"})
    '{"lang": "en", "text": "Hi"}'
    """
    record = json.loads(line)
    if not isinstance(record, dict):
        raise RecordError("is not a JSON object, so it cannot take fields")
    if any(key in record for key in values):
        # Written before (a second run): rewrite the record rather than repeat a key.
        record.update(values)
        return json.dumps(record, ensure_ascii=False)
    stripped = line.rstrip()
    close = stripped.rfind("}")
    inside = stripped[:close].rstrip()
    separator = "" if inside.endswith("{") else ", "
    added = ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
    return inside + separator + added + stripped[close:] + line[len(stripped):]


@dataclass
class Summary:
    counts: dict[str, Counter] = field(default_factory=dict)  # file -> language -> records

    def render(self) -> str:
        rows = ["file\tlang\trecords\tshare"]
        for path, counts in self.counts.items():
            total = sum(counts.values()) or 1
            for lang, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
                rows.append(f"{path}\t{lang}\t{count}\t{count / total:.1%}")
        return "\n".join(rows) + "\n"


def detect_languages(paths: Sequence[str], detector: LanguageDetector, options: LanguageOptions,
                     out: BinaryIO, summary: bool = False, lang_field: str = "lang",
                     score_field: str = "lang_score") -> Summary:
    """Write each line's languages to ``out`` (or only count them, with ``summary``)."""
    totals = Summary()
    for path in paths:
        counts = totals.counts.setdefault("<stdin>" if path == "-" else path, Counter())
        with ExitStack() as stack:
            for decided in decided_lines(path, detector, options, stack):
                for lang, _ in decided.languages:
                    counts[lang] += 1
                if not summary:
                    out.write(tag_line(decided, options.record_format, lang_field, score_field))
    if summary:
        out.write(totals.render().encode("utf-8"))
    return totals


# --- filter-lang -------------------------------------------------------------------


@dataclass
class Condition:
    """Keep a unit when its language is one of ``keep`` and its score at least ``min_score``."""

    keep: frozenset[str]
    min_score: float = 0.0

    def holds(self, lang: str, score: float) -> bool:
        from corpus_tools.language.codes import base

        return (lang in self.keep or base(lang) in self.keep) and score >= self.min_score


@dataclass
class FilterCounts:
    kept: int = 0
    rejected: int = 0
    rejected_languages: Counter = field(default_factory=Counter)

    def describe(self) -> str:
        why = ", ".join(f"{lang} {count}" for lang, count in
                        sorted(self.rejected_languages.items(), key=lambda item: (-item[1], item[0])))
        total = self.kept + self.rejected
        return (f"corpus-tools: kept {self.kept}, rejected {self.rejected} of {total} record(s)"
                + (f" (rejected: {why})" if why else ""))


def filter_languages(paths: Sequence[str], detector: LanguageDetector, options: LanguageOptions,
                     conditions: Sequence[Condition], out: BinaryIO,
                     rejected: BinaryIO | None = None) -> FilterCounts:
    """Copy to ``out`` the records whose every unit meets its condition, the rest to ``rejected``.

    Lines are written byte for byte; a bad record passed through (``pass``) is kept.
    """
    counts = FilterCounts()
    for path in paths:
        with ExitStack() as stack:
            for decided in decided_lines(path, detector, options, stack):
                failing = [lang for (lang, score), condition
                           in zip(decided.languages, conditions, strict=True)
                           if not condition.holds(lang, score)] if decided.record is not None else []
                if failing:
                    counts.rejected += 1
                    counts.rejected_languages.update(failing)
                    if rejected is not None:
                        rejected.write(decided.raw)
                else:
                    counts.kept += 1
                    out.write(decided.raw)
    return counts


def check_conditions(record_format: RecordFormat, conditions: Sequence[Condition]) -> None:
    units = len(getattr(record_format, "labels", (None,)))
    if len(conditions) != units:
        raise CorpusToolsError(
            f"{units} column(s) but {len(conditions)} --keep list(s); give one --keep per --column"
        )

