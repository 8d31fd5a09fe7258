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
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from corpus_tools.engine.documents import CHUNK_BYTES, line_chunks, read_document
from corpus_tools.engine.executor import Executor, make_executor
from corpus_tools.engine.work import head_texts
from corpus_tools.errors import CorpusToolsError, InputError
from corpus_tools.language.detector import LanguageDetector
from corpus_tools.language.units import LanguageDecider, paragraphs
from corpus_tools.stream.formats import JsonlFormat, RecordError, RecordFormat, TextFormat
from corpus_tools.stream.lines import JoinedWriter, encode
from corpus_tools.stream.records import InputLine, display_name


@dataclass
class LanguageOptions:
    record_format: RecordFormat = field(default_factory=TextFormat)
    unit: str = "line"  # plain text: line, paragraph or document
    on_bad_record: str = "error"
    on_read: object = None  # called with the number of bytes read (a progress bar)
    masker: object = None  # text -> the text with rule names blanked (what clean identifies)
    chunk_bytes: int = CHUNK_BYTES
    jobs: int = 1  # worker processes (0: every core)
    engine: str = "local"  # or "dask"
    scheduler: str | None = None  # --engine dask: a scheduler's address; None: a LocalCluster


class NameMasker:
    """Blank the default rules' names before identification, as clean does (they say little
    of a line's language).  Built where it is first used, so it travels as a name."""

    def __init__(self):
        self._names = None

    def __call__(self, text: str) -> str:
        from corpus_tools.filters.base import UnitContext

        if self._names is None:
            from corpus_tools.filters.unify_names import UnifyNames
            from corpus_tools.rules.loader import load_rules

            self._names = UnifyNames([rule for rule in load_rules().names if rule.scoped])
        context = UnitContext(detect=lambda evidence=None: None)
        context.mask(text, self._names.name_spans(text))
        return text if context.evidence is None else context.evidence

    def __reduce__(self):
        return NameMasker, ()


def portable_detector(detector: LanguageDetector) -> tuple:
    """A detector as what it is built from (its model and caches do not pickle)."""
    return LanguageDetector, (detector.backend.name, detector.languages, detector.min_score,
                              detector.min_letters)


@dataclass
class LanguageWork:
    """What a worker needs to decide languages: the decider, and the options (no progress
    bar: that stays in the main process)."""

    decider: LanguageDecider
    options: LanguageOptions

    def __reduce__(self):
        build, args = portable_detector(self.decider.detector)
        return _language_work, (build, args, replace(self.options, on_read=None))


def _language_work(build, args, options: LanguageOptions) -> LanguageWork:
    return LanguageWork(LanguageDecider(build(*args)), options)


@dataclass
class Decided:
    """One line of input, with the language decided for each of its units."""

    line: InputLine
    languages: list[tuple[str, float]]

    @property
    def record(self):
        return self.line.record


def language_executor(decider: LanguageDecider, options: LanguageOptions) -> Executor:
    """The executor of ``-j`` and ``--engine`` for deciding languages."""
    try:
        return make_executor(LanguageWork(decider, replace(options, on_read=None)),
                             options.jobs, options.engine, options.scheduler)
    except ValueError as error:
        raise CorpusToolsError(str(error)) from None


def decided_lines(path: str, decider: LanguageDecider, options: LanguageOptions,
                  stack: ExitStack, executor: Executor) -> Iterator[Decided]:
    """Each line with its units' languages, decided as ``clean`` decides them (names of the
    default rules masked, as unify-names masks them): chunks of whole paragraphs, decided
    by the executor, in input order."""
    document = read_document(path, options.record_format, head_texts, stack,
                             options.on_bad_record, options.on_read)
    chunks = line_chunks(document, _units(document.lines, options), options.chunk_bytes)
    for chunk, languages in executor.ordered(decide_chunk, chunks):
        for line, decided in zip(chunk.lines(), languages, strict=True):
            yield Decided(line, decided)


def _units(lines, options: LanguageOptions):
    """Each line with its paragraph (plain text by paragraph), else with None."""
    if isinstance(options.record_format, TextFormat) and options.unit == "paragraph":
        return paragraphs(lines)
    return ((line, None) for line in lines)


def decide_chunk(state: LanguageWork, chunk) -> list[list[tuple[str, float]]]:
    """The work of detect-lang and filter-lang on one chunk of lines, in any executor."""
    options = state.options
    units = chunk.units if chunk.units is not None else _units(chunk.lines(), options)
    return [decided.languages for decided in decide(units, state.decider, options, chunk.facts)]


def decide(units, decider: LanguageDecider, options: LanguageOptions,
           heads: dict) -> Iterator[Decided]:
    """The languages of each line's units (given with their paragraphs)."""
    masker = options.masker or (lambda text: text)
    record_format = options.record_format
    plain = isinstance(record_format, TextFormat)
    jsonl = isinstance(record_format, JsonlFormat)
    unit = options.unit if plain else "line"
    for line, paragraph in units:
        record = line.record
        if record is None:
            yield Decided(line, [])
            continue
        decided = [] if record.texts else [("und", 0.0)]  # a JSONL null field: no language
        for label, text in zip(record.labels, record.texts, strict=True):
            document = (text,) if jsonl else heads.get(label, ())
            if not text.strip():
                decided.append(("und", 0.0))
            elif plain and unit == "document":
                lang = decider.document_lang(document)
                decided.append((lang, 0.0) if lang else decider.decide(text, document))
            else:
                around = None if paragraph is None or paragraph.text == text else paragraph.text
                decided.append(decider.decide(masker(text), document, around))
        yield Decided(line, decided)


# --- detect-lang -------------------------------------------------------------------


def tag_line(decided: Decided, record_format: RecordFormat, lang_field: str, score_field: str) -> bytes:
    """The output line for one input line: the record with fields added (JSONL), else TSV."""
    if isinstance(record_format, JsonlFormat):
        if decided.record is None:
            return decided.line.raw
        lang, score = decided.languages[0] if decided.languages else ("und", 0.0)
        return decided.line.bom + encode(
            add_fields(decided.line.text, {lang_field: lang, score_field: score})) + (
            decided.line.ending or b"\n")
    cells = []
    for lang, score in decided.languages or [("und", 0.0)]:
        cells += [lang, f"{score:.2f}"]
    return "\t".join(cells).encode("utf-8") + (decided.line.ending or b"\n")


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


def detect_languages(paths: Sequence[str], decider: LanguageDecider, options: LanguageOptions,
                     out: BinaryIO, summary: bool = False, lang_field: str = "lang",
                     score_field: str = "lang_score") -> Summary:
    """Write each line's languages to ``out`` (or only count them, with ``summary``)."""
    totals = Summary()
    with language_executor(decider, options) as executor:
        for path in paths:
            counts = totals.counts.setdefault("<stdin>" if path == "-" else path, Counter())
            with ExitStack() as stack:
                for decided in decided_lines(path, decider, options, stack, executor):
                    for lang, _ in decided.languages:
                        counts[lang] += 1
                    if not summary:
                        out.write(tag_line(decided, options.record_format, lang_field,
                                           score_field))
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


def filter_languages(paths: Sequence[str], decider: LanguageDecider, options: LanguageOptions,
                     conditions: Sequence[Condition], out: BinaryIO,
                     rejected: BinaryIO | None = None) -> FilterCounts:
    """Copy to ``out`` the records whose every unit meets its condition, the rest to ``rejected``.

    Lines are written byte for byte; a bad record passed through (``pass``) is kept.
    """
    counts = FilterCounts()
    kept_writer = JoinedWriter(out.write)
    rejected_writer = JoinedWriter(rejected.write) if rejected is not None else None
    with language_executor(decider, options) as executor:
        for path in paths:
            with ExitStack() as stack:
                for decided in decided_lines(path, decider, options, stack, executor):
                    _filter_line(decided, conditions, counts, kept_writer, rejected_writer, path)
    return counts


def _filter_line(decided: Decided, conditions: Sequence[Condition], counts: FilterCounts,
                 kept_writer: JoinedWriter, rejected_writer: JoinedWriter | None,
                 path: str) -> None:
    failing = [lang for (lang, score), condition in zip(decided.languages, conditions, strict=True)
               if not condition.holds(lang, score)] if decided.record is not None else []
    if not failing:
        line = decided.line
        try:
            kept_writer.line(line.raw, line.bom + line.content, line.ending)
            counts.kept += 1
            return
        except ValueError:
            # An empty LF line right after a kept line ending in a lone CR (the records
            # between them rejected) would read back as one CRLF line: being empty, it goes
            # the other way, so every input line still comes out once, none is refused.
            failing = ["und"]
    counts.rejected += 1
    counts.rejected_languages.update(failing)
    if rejected_writer is not None:
        _write_line(rejected_writer, decided.line, path)


def _write_line(writer: JoinedWriter, line: InputLine, path: str) -> None:
    try:
        writer.line(line.raw, line.bom + line.content, line.ending)
    except ValueError as error:
        raise InputError(display_name(path), line.number, str(error)) from None


def check_conditions(record_format: RecordFormat, conditions: Sequence[Condition]) -> None:
    units = len(getattr(record_format, "labels", (None,)))
    if len(conditions) != units:
        raise CorpusToolsError(
            f"{units} column(s) but {len(conditions)} --keep list(s); give one --keep per --column"
        )

