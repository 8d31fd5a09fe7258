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
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus_tools.catalog import severity_of
from corpus_tools.changes import Change, PositionMap
from corpus_tools.detectors import Detector
from corpus_tools.engine.documents import CHUNK_BYTES, line_chunks, read_document
from corpus_tools.engine.executor import make_executor
from corpus_tools.engine.work import clean_lines, document_facts, with_paragraphs
from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.base import DocumentFacts
from corpus_tools.pipeline import Pipeline
from corpus_tools.stream.formats import RecordFormat
from corpus_tools.stream.opener import COMPRESSED_SUFFIXES
from corpus_tools.tasks.baseline import Baseline

FAIL_LEVELS = ("error", "warning", "info", "never")
_RANK = {"info": 0, "warning": 1, "error": 2}
DEFAULT_GLOBS = ("*.txt", "*.jsonl", "*.tsv")


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


@dataclass
class CheckSummary:
    files: int = 0
    lines: int = 0
    findings: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    accepted: int = 0  # matched by the baseline
    stopped: bool = False  # --max-findings reached
    failing: int = 0

    def exit_code(self) -> int:
        """1 when a finding reached --fail-on (counted as findings were reported), else 0."""
        return 1 if self.failing else 0

    def describe(self) -> str:
        parts = [f"{self.findings} finding(s)"]
        if self.findings:
            parts.append("(" + ", ".join(f"{self.by_severity[s]} {s}" for s in ("error", "warning",
                                                                               "info")
                                         if self.by_severity[s]) + ")")
        parts.append(f"in {self.files} file(s), {self.lines} line(s)")
        text = " ".join(parts)
        if self.accepted:
            text += f"; {self.accepted} accepted by the baseline"
        if self.stopped:
            text += "; stopped early at --max-findings"
        return text

    def rule_table(self) -> str:
        return "\n".join(f"{count:>8}  {severity_of(rule):<7}  {rule}" for rule, count in
                         sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0])))


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


def fix_findings(line_text: str, new_text: str, changes: list[Change]) -> list[Change]:
    """Fix findings whose fixes, applied to the input line, give exactly what clean writes.

    The steps' own records when they compose (no two overlap); else one
    finding per block of the line's difference, named by the first step's rule.
    """
    fixes = sorted((c for c in changes if c.applied), key=lambda c: (c.column, c.end))
    pieces, last, overlapping = [], 0, False
    for change in fixes:
        start = change.column - 1
        if start < last:
            overlapping = True
            break
        pieces += [line_text[last:start], change.fix]
        last = change.end - 1
    if not overlapping and "".join([*pieces, line_text[last:]]) == new_text:
        return fixes
    merged = []
    matcher = difflib.SequenceMatcher(None, line_text, new_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        near = [c for c in fixes if c.column - 1 <= i2 and i1 <= c.end - 1] or fixes[:1]
        first = near[0] if near else None
        rules = sorted({c.rule for c in near})
        merged.append(Change(first.rule if first else "encoding:other", i1 + 1,
                             line_text[i1:i2], new_text[j1:j2], end_column=i2 + 1,
                             file=first.file if first else None, line=first.line if first else None,
                             field=first.field if first else None,
                             message=("edits of " + ", ".join(rules)) if len(rules) > 1 else
                             (first.message if first else None)))
    return merged


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
            found += fix_findings(line.text, result.new_text, result.changes)
        paragraph = paragraphs.pop(line.number, None)
        if line.record is not None and state.detectors:
            detected = _detect(state, line, result.new_text, found, facts, paragraph, label)
            # A detector reads the line as clean wrote it: what it finds inside a span a
            # step changed maps to that whole span, where the step's own finding under
            # the same rule is exact ('encoding:unrepaired' on a word ftfy decoded).  A
            # detector's finding that overlaps a step's under the same rule is the same
            # damage ('â€' in the word 'morzeâ€.'): the step's is kept.
            found += [d for d in detected if not any(
                c.rule == d.rule and c.column < d.end and d.column < c.end for c in found)]
        # A step and a detector may report the same span under one rule.
        found = list({(c.rule, c.column, c.end): c for c in found}.values())
        yield line.text, sorted(found, key=lambda c: (c.column, c.rule))


def check_chunk(state: LineChecker, chunk) -> Iterable[tuple[str, list[Change]]]:
    """The work of ``check`` on one chunk of lines, in any executor
    (:mod:`corpus_tools.engine.executor`); in this process, one line at a time."""
    found = check_lines(state, chunk.lines(), chunk.facts, chunk.label)
    return list(found) if chunk.travelled else found


def _detect(state: LineChecker, line, new_text: str | None, found: list[Change], facts,
            paragraph, label: str) -> list[Change]:
    """The detectors on the line as clean would write it, located in the input line."""
    record = line.record
    to_input = None
    if new_text is not None:
        record = state.record_format.parse(new_text)
        edits = [(c.column - 1, c.end - 1, len(c.fix)) for c in found if c.applied]
        to_input = PositionMap(edits)
    detected = []
    for index, (unit_label, text) in enumerate(zip(record.labels, record.texts, strict=True)):
        unit_facts = (state.pipeline.record_facts(text) if facts is None
                      else facts.get(unit_label) or DocumentFacts())
        context = state.pipeline.context(text, unit_facts, language_text=paragraph)
        offset = record.offsets(index)
        for detector in state.detectors:
            for finding in detector.detect(text, context):
                start, end = offset(finding.column - 1), offset(finding.end - 1)
                if to_input is not None:
                    start, end = to_input.to_input(start), to_input.to_input(end, at_end=True)
                    finding = replace(finding, before=line.text[start:end] or finding.before)
                detected.append(finding.located(label, line.number, unit_label, start + 1,
                                                end + 1))
    return detected


class Checker:
    """Runs the dry-run pipeline and the detectors over files; yields reportable findings."""

    def __init__(self, pipeline: Pipeline, detectors: list[Detector], options: CheckOptions):
        self.pipeline = pipeline
        self.detectors = detectors
        self.options = options
        self.summary = CheckSummary()
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
        record_format = options.record_format
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
        severity = finding.severity or severity_of(rule)
        summary.findings += 1
        summary.by_severity[severity] += 1
        summary.by_rule[rule] += 1
        if options.fail_on != "never" and _RANK[severity] >= _RANK[options.fail_on]:
            summary.failing += 1
        if options.max_findings is not None and summary.findings >= options.max_findings:
            summary.stopped = True
        return True
