"""``corpus-tools check``: every change ``clean`` would make, plus detectors, as findings.

It reads through the records reader and cleans through the same unit of work
as ``clean`` (so a ``fix`` finding's fix is what ``clean`` writes), runs the
detectors on each unit's input text, filters (select, ignore, per-path
ignores, baseline) and hands each finding to a reporter.  It never writes a
file.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus_tools.changes import Change, PositionMap
from corpus_tools.detectors import Detector
from corpus_tools.engine.documents import CHUNK_BYTES, line_chunks, read_document
from corpus_tools.engine.executor import make_executor
from corpus_tools.engine.work import clean_lines, document_facts, with_paragraphs
from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.base import DocumentFacts
from corpus_tools.pipeline import Pipeline
from corpus_tools.report.summary import FAIL_LEVELS as FAIL_LEVELS  # the command line's choices
from corpus_tools.report.summary import Report
from corpus_tools.stream.formats import JsonlFormat, RecordFormat
from corpus_tools.stream.opener import COMPRESSED_SUFFIXES
from corpus_tools.tasks.baseline import Baseline

DEFAULT_GLOBS = ("*.txt", "*.jsonl", "*.ndjson", "*.tsv")


@dataclass
class CheckOptions:
    record_format: RecordFormat
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: str = "warning"
    max_findings: int | None = None
    baseline: Baseline | None = None
    on_bad_record: str = "error"
    on_read: object = None
    jobs: int = 1  # worker processes (0: every core)
    chunk_bytes: int = CHUNK_BYTES  # how much text one task holds
    engine: str = "local"  # or "dask"
    scheduler: str | None = None  # --engine dask: a scheduler's address; None: a LocalCluster


def matches(rule: str, patterns: Sequence[str]) -> bool:
    """Whether a rule id is named by one of ``patterns`` (ids, or prefixes like ``name:``).

    >>> matches("name:Lachin", ["name:"]), matches("name:Lachin", ["name"]), matches("x", ["y"])
    (True, True, False)
    """
    for pattern in patterns:
        if rule == pattern or (pattern.endswith(":") and rule.startswith(pattern)) \
                or rule.startswith(pattern + ":"):
            return True
    return False


def expand_paths(paths: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS) -> list[str]:
    """Files as given; folders walked recursively (hidden folders skipped) for ``globs``
    and their compressed forms, in sorted order."""
    patterns = [*globs, *(g + suffix for g in globs for suffix in COMPRESSED_SUFFIXES)]
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, folders, files in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for name in sorted(files):
                    if any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
                        found.append(os.path.join(root, name))
        else:
            found.append(path)
    return found


def fix_findings(text: str, new_text: str, changes: list[Change], locate) -> list[Change]:
    """Fix findings whose fixes, applied to one unit's input ``text``, give exactly ``new_text``.

    The steps' own records (``changes``, located, in the unit's coordinates as
    ``unit_column``) when they compose (no two overlap); else one finding per
    block of the unit's difference, named by the first step's rule and placed
    in the line by ``locate``.  Either way ``before`` and ``fix`` are
    characters of the unit's text, never pieces of a JSON escape.
    """
    fixes = sorted((c for c in changes if c.applied), key=lambda c: (c.unit_column, c.unit_end))
    pieces, last, overlapping = [], 0, False
    for change in fixes:
        start = change.unit_column - 1
        if start < last:
            overlapping = True
            break
        pieces += [text[last:start], change.fix]
        last = change.unit_end - 1
    if not overlapping and "".join([*pieces, text[last:]]) == new_text:
        return fixes
    merged = []
    matcher = difflib.SequenceMatcher(None, text, new_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        near = [c for c in fixes if c.unit_column - 1 <= i2 and i1 <= c.unit_end - 1] \
            or fixes[:1]
        first = near[0] if near else None
        rules = sorted({c.rule for c in near})
        merged.append(locate(Change(
            first.rule if first else "encoding:other", i1 + 1, text[i1:i2], new_text[j1:j2],
            end_column=i2 + 1,
            message=("edits of " + ", ".join(rules)) if len(rules) > 1 else
            (first.message if first else None))))
    return merged


def unit_fix_findings(record_format: RecordFormat, line, new_line: str, changes: list[Change],
                      label: str) -> list[Change]:
    """A changed line's fix findings, worked out unit by unit in each unit's own text (a
    JSONL field decoded, a TSV cell) and located in the line as read."""
    record = line.record
    new_texts = record_format.parse(new_line).texts
    found: list[Change] = []
    for index, (unit_label, text, new_text) in enumerate(
            zip(record.labels, record.texts, new_texts, strict=True)):
        if text == new_text:
            continue
        offset = record.offsets(index)

        def locate(change: Change, unit_label=unit_label, offset=offset) -> Change:
            return change.located(label, line.number, unit_label, offset(change.column - 1) + 1,
                                  offset(change.end - 1) + 1)

        found += fix_findings(text, new_text, [c for c in changes if c.field == unit_label],
                              locate)
    if isinstance(record_format, JsonlFormat):
        found = [replace(c, line_fix=_escaped_like(c.fix, line.text[c.column - 1: c.end - 1]))
                 for c in found]
    return found


def _escaped_like(fix: str, span: str) -> str:
    """A JSONL fix as the field's string spells it, escaping as ``span`` does (SARIF's
    replacement of the escaped span must leave the line valid JSON)."""
    return json.dumps(fix, ensure_ascii=span.isascii() and "\\u" in span)[1:-1]


@dataclass(frozen=True)
class LineChecker:
    """What finds a line's findings: the dry-run pipeline, the detectors, the record format.
    The same in the main process and in ``-j`` workers."""

    pipeline: Pipeline
    detectors: list
    record_format: RecordFormat


def check_lines(state: LineChecker, lines, facts, label: str) -> Iterator[tuple[str, list[Change]]]:
    """Each line's text and its findings (every one, before select, ignore and baseline)."""
    pipeline, record_format = state.pipeline, state.record_format
    units = with_paragraphs(pipeline, lines, record_format)
    paragraphs: dict[int, object] = {}  # of the line being cleaned: one entry at a time

    def remember(items):
        for line, paragraph in items:
            paragraphs[line.number] = paragraph  # its text is joined only if it is asked for
            yield line, paragraph

    for result in clean_lines(pipeline, remember(units), facts, label, record_format):
        line = result.line
        found = [*result.changes]
        if result.changed:
            found = [c for c in found if not c.applied]
            found += unit_fix_findings(state.record_format, line, result.new_text,
                                       result.changes, label)
        paragraph = paragraphs.pop(line.number, None)
        if line.record is not None and state.detectors:
            found += _detect(state, line, result.new_text, found, facts, paragraph, label)
        # A step and a detector may report the same span under one rule.
        found = list({(c.rule, c.column, c.end): c for c in found}.values())
        yield line.text, sorted(found, key=lambda c: (c.column, c.rule))


def check_chunk(state: LineChecker, chunk) -> Iterable[tuple[str, list[Change]]]:
    """The work of ``check`` on one chunk of lines, in any executor
    (:mod:`corpus_tools.engine.executor`); in this process, one line at a time."""
    state = replace(state, record_format=chunk.record_format)  # each file's own format
    found = check_lines(state, chunk.lines(), chunk.facts, chunk.label)
    return list(found) if chunk.travelled else found


def _detect(state: LineChecker, line, new_text: str | None, found: list[Change], facts,
            paragraph, label: str) -> list[Change]:
    """The detectors on each unit as clean would write it, located in the unit's input text
    (through the unit's fix findings) and in the line."""
    record = line.record
    new_record = record if new_text is None else state.record_format.parse(new_text)
    detected = []
    for index, (unit_label, text) in enumerate(zip(new_record.labels, new_record.texts,
                                                   strict=True)):
        input_text = record.texts[index]
        to_input = None
        if text != input_text:
            to_input = PositionMap(sorted(
                (c.unit_column - 1, c.unit_end - 1, len(c.fix)) for c in found
                if c.applied and c.field == unit_label))
        unit_facts = (state.pipeline.record_facts(text) if facts is None
                      else facts.get(unit_label) or DocumentFacts())
        context = state.pipeline.context(text, unit_facts, language_text=paragraph)
        offset = record.offsets(index)
        for detector in state.detectors:
            if detector.reads_input and to_input is not None:
                detected += _detect_as_it_came(detector, line, index, context, label)
                continue
            for finding in detector.detect(text, context):
                start, end = finding.column - 1, finding.end - 1
                if to_input is not None:
                    start, end = to_input.to_input(start), to_input.to_input(end, at_end=True)
                    finding = replace(finding, before=input_text[start:end] or finding.before)
                finding = replace(finding, column=start + 1, end_column=end + 1)
                detected.append(finding.located(label, line.number, unit_label,
                                                offset(start) + 1, offset(end) + 1))
    return detected


def _detect_as_it_came(detector, line, index: int, context, label: str) -> list[Change]:
    """A detector that reads the line as it came (``reads_input``), on a line a step changed."""
    record = line.record
    offset = record.offsets(index)
    return [finding.located(label, line.number, record.labels[index],
                            offset(finding.column - 1) + 1, offset(finding.end - 1) + 1)
            for finding in detector.detect(record.texts[index], context)]


class Checker:
    """Runs the dry-run pipeline and the detectors over files; yields reportable findings."""

    def __init__(self, pipeline: Pipeline, detectors: list[Detector], options: CheckOptions):
        self.pipeline = pipeline
        self.detectors = detectors
        self.options = options
        self.summary = Report(fail_on=options.fail_on, changes_fail=False)
        self.state = LineChecker(pipeline, detectors, options.record_format)
        self.executor = None

    def run(self, paths: Sequence[str]) -> Iterator[tuple[Change, str]]:
        """Each reportable finding, with the text of its input line."""
        options = self.options
        try:
            executor = make_executor(self.state, options.jobs, options.engine, options.scheduler)
        except ValueError as error:
            raise CorpusToolsError(str(error)) from None
        with executor:
            self.executor = executor
            for path in paths:
                if self.summary.stopped:
                    break
                self.summary.files += 1
                yield from self._file(path)
        self.executor = None

    def _file(self, path: str) -> Iterator[tuple[Change, str]]:
        options, pipeline = self.options, self.pipeline
        record_format = options.record_format.for_path(path)  # by its extension
        ignored = self._path_ignores(path)
        with ExitStack() as stack:
            document = read_document(path, record_format,
                                     lambda head: document_facts(pipeline, head, record_format),
                                     stack, options.on_bad_record, options.on_read)
            units = with_paragraphs(pipeline, document.lines, record_format)
            chunks = line_chunks(document, units, options.chunk_bytes)
            for _, found_in_chunk in self.executor.ordered(check_chunk, chunks):
                for line_text, found in found_in_chunk:
                    self.summary.lines += 1
                    for finding in found:
                        if self._reportable(finding, ignored, line_text):
                            yield finding, line_text
                            if self.summary.stopped:
                                return

    def _path_ignores(self, path: str) -> tuple[str, ...]:
        relative = Path(path).as_posix()
        ignored: list[str] = []
        for pattern, rules in self.options.per_path_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, "*/" + pattern):
                ignored += rules
        return tuple(ignored)

    def _reportable(self, finding: Change, ignored: tuple[str, ...], line_text: str) -> bool:
        options, summary = self.options, self.summary
        rule = finding.rule
        if options.select and not matches(rule, options.select):
            return False
        if matches(rule, options.ignore) or matches(rule, ignored):
            return False
        if options.baseline is not None and options.baseline.accept(finding, line_text):
            summary.accepted += 1
            return False
        summary.count(finding)
        if options.max_findings is not None and summary.findings >= options.max_findings:
            summary.stopped = True
        return True
