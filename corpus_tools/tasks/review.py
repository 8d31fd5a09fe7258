"""``corpus-tools review``: every match of a ``clean`` dry run, in its sentence, for a linguist.

The dry run is ``clean``'s own unit of work (the records reader, the
document's facts from its head, ``clean_lines``), so each occurrence's
outcome is what ``clean`` does.  Name rules are looked at once more, with
their protections taken away (a finder: every spelling, every language, no
``keep``), so that a spelling ``clean`` left alone is listed too: kept by a
phrase or a neighbouring word, skipped for the unit's language, or left
because the language could not be decided.

Each occurrence carries its sentence (a window of the unit around the
match), where the match is (and the whole words it touches), file:line, the
unit's decided language and score, the outcome and the rule's note; and for
name rules a ladder of ``keep`` phrases around it, narrowest first, each
with the group of occurrences it would also protect, so that a rejected
occurrence can be given the narrowest phrase that protects nothing the
linguist wants changed (:mod:`corpus_tools.tasks.review_decisions`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace

import regex

from corpus_tools.catalog import UnknownRuleError, entry_of
from corpus_tools.changes import Change
from corpus_tools.engine.documents import read_document
from corpus_tools.engine.work import clean_lines, document_facts, with_paragraphs
from corpus_tools.filters.base import FOREIGN_SPAN, UNDECIDED, DocumentFacts, UnitContext
from corpus_tools.filters.unify_names import KEPT, SKIPPED, UnifyNames
from corpus_tools.pipeline import Pipeline, text_of
from corpus_tools.rules.model import NameRule, RuleSet
from corpus_tools.stream.formats import RecordFormat, TextFormat
from corpus_tools.tasks.check import expand_paths, matches

OUTCOMES = ("changed", "suggested", "kept", "skipped", "undecided", "finding")
WINDOW_CHARS = 240  # the most of a unit shown around a match
# How far a keep phrase reaches, narrowest first: (words before, words after).
KEEP_LADDER = ((1, 0), (0, 1), (1, 1), (2, 0), (0, 2), (2, 1), (1, 2), (2, 2), (3, 0), (0, 3),
               (3, 3))
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
_SENTENCE_END = regex.compile(r"[.!?…]+[\"'”»’)]*\s+")
_SPACES = re.compile(r"\s+")
_SPACED_PUNCTUATION = re.compile(r"\s*([,;:/()])\s*")  # what keep phrases match either way


@dataclass
class Occurrence:
    """One match of one rule in one unit, as a linguist reviews it."""

    id: str  # file:line:column:rule, stable while the file is
    rule: str
    spelling: str  # the text matched (``before``)
    replacement: str | None  # what it becomes or would become; None for a finding
    file: str
    line: int
    column: int  # in the line as read, 1-based
    field: str | None
    outcome: str  # one of OUTCOMES
    detail: str  # why: "kept by 'Colonel Nikolaev'", "language fr 0.92", ...
    sentence: str  # the window of the unit shown
    start: int  # the match in ``sentence``
    end: int
    word_start: int  # the whole words the match touches, in ``sentence``
    word_end: int
    lang: str | None = None  # the unit's decided language, where a scoped rule asked
    score: float | None = None
    solo: bool = True  # the only occurrence of a name rule in its window
    # (phrase, keep group, start, end in sentence), narrowest first
    keep: list[tuple[str, int, int, int]] = field(default_factory=list)
    unit_key: tuple = ()  # which unit (file, line, field): the occurrences sharing a window

    def as_dict(self) -> dict:
        return {"id": self.id, "rule": self.rule, "spelling": self.spelling,
                "replacement": self.replacement, "file": self.file, "line": self.line,
                "column": self.column, "field": self.field, "outcome": self.outcome,
                "detail": self.detail, "lang": self.lang, "score": self.score,
                "sentence": self.sentence, "start": self.start, "end": self.end,
                "word_start": self.word_start, "word_end": self.word_end, "solo": self.solo,
                "keep": [list(step) for step in self.keep]}

    def page_row(self, rule_index: int, file_index: int) -> list:
        """The occurrence as the page reads it (``review_page.js``: ``ID`` ... ``KEEP``),
        compactly, with positions in UTF-16 code units as JavaScript counts them."""
        at = _utf16_positions(self.sentence)
        return [self.id, rule_index, self.spelling, self.replacement, file_index, self.line,
                self.column, self.outcome, self.detail, self.lang, self.score, self.sentence,
                at(self.start), at(self.end), at(self.word_start), at(self.word_end),
                int(self.solo), [[at(begin), at(stop), group] for _, group, begin, stop in self.keep]]


@dataclass
class Review:
    """What the page shows: the occurrences, the rules they belong to, the keep groups."""

    occurrences: list[Occurrence]
    rules: dict[str, dict]  # rule id -> what the page and the export need of it
    groups: list[list[int]]  # keep groups: indexes into ``occurrences``
    name_rules: dict[str, NameRule] = field(default_factory=dict)
    sampled: dict[str, int] = field(default_factory=dict)  # rule -> occurrences left out
    drafted: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rule -> new spellings


@dataclass(frozen=True)
class ReviewOptions:
    record_format: RecordFormat = field(default_factory=TextFormat)
    sample: int | None = None  # at most this many occurrences per rule
    on_bad_record: str = "error"
    select: tuple[str, ...] = ()  # only these rule ids or prefixes (check's --select)


def collect(pipeline: Pipeline, paths: Sequence[str], options: ReviewOptions | None = None,
            drafted: dict[str, tuple[str, ...]] | None = None) -> Review:
    """The occurrences of a ``clean`` dry run over ``paths`` (files or folders); ``drafted``:
    the spellings :func:`with_suggestions` added to the rules."""
    options = options or ReviewOptions()
    name_rules = {rule.id: rule for rule in pipeline.rule_set.names} \
        if any(isinstance(step, UnifyNames) for step in pipeline.steps) else {}
    finder = _Finder(list(name_rules.values()))
    finder.pipeline = pipeline
    occurrences: list[Occurrence] = []
    for path in expand_paths(paths):
        occurrences.extend(_file_occurrences(pipeline, path, options, finder))
    if options.select:
        occurrences = [o for o in occurrences if matches(o.rule, options.select)]
    _mark_shared_windows(occurrences)
    occurrences, sampled = _sample(occurrences, options.sample)
    groups = _keep_groups(occurrences, name_rules)
    rules = {occurrence.rule: _rule_info(occurrence.rule, name_rules.get(occurrence.rule))
             for occurrence in occurrences}
    return Review(occurrences, rules, groups, name_rules, sampled, dict(drafted or {}))


def with_suggestions(rule_set: RuleSet, paths: Sequence[str], options: ReviewOptions,
                     lang: str | None = None, min_count: int = 1,
                     ) -> tuple[RuleSet, dict[str, tuple[str, ...]]]:
    """``rule_set`` with the groups ``rules suggest`` finds in ``paths`` layered over it
    (every spelling it proposes under ``suggest`` of its draft rule, so that each of its
    occurrences is reviewed), and the spellings drafted, per rule id: a patch writes only
    those the linguist decided."""
    from corpus_tools.language.detector import LanguageDetector
    from corpus_tools.tasks.suggest import Collector, SpellingIndex, draft_rules, group_spellings

    collector = Collector(lang=lang, detector=None if lang else LanguageDetector())
    for path in expand_paths(paths):
        collector.read(path, options.record_format, options.on_bad_record)
    spellings = [s for s in collector.spellings.values() if s.count >= min_count]
    groups = group_spellings(spellings, SpellingIndex.from_rules(rule_set), rule_set.names)
    drafts = {rule.canonical: rule for rule in draft_rules(groups)}
    known = {rule.canonical: rule for rule in rule_set.names}
    drafted = {rule.id: rule.suggest[len(known[canonical].suggest) if canonical in known else 0:]
               for canonical, rule in drafts.items()}
    names = [drafts.pop(rule.canonical, rule) for rule in rule_set.names] + list(drafts.values())
    return replace(rule_set, names=names), drafted


def _rule_info(rule_id: str, rule: NameRule | None) -> dict:
    if rule is None:
        try:
            note = entry_of(rule_id).explanation
        except UnknownRuleError:  # an id the catalog lacks still gets its rows
            note = ""
        return {"id": rule_id, "kind": rule_id.split(":")[0], "note": note}
    return {"id": rule_id, "kind": "name", "canonical": rule.canonical,
            "note": rule.note or rule.message or "",
            "lang": list(rule.lang) if rule.lang else None,
            "source": str(rule.source), "variants": list(rule.variants),
            "suggest": list(rule.suggest)}


class _Finder:
    """Every spelling of the name rules, with no protection and no language: where a
    name could have been changed, whatever ``clean`` did with it."""

    def __init__(self, rules: list[NameRule]):
        bare = [replace(rule, keep=(), keep_written=(), lang=None, not_after=(), not_before=(),
                        fix="suggest", variants=(), suggest=(*rule.variants, *rule.suggest))
                for rule in rules]
        self.step = UnifyNames(bare) if bare else None
        self.rules = {rule.id: rule for rule in rules}
        self.pipeline: Pipeline | None = None

    def spans(self, text: str) -> list[Change]:
        if self.step is None:
            return []
        return self.step.apply(text, UnitContext(lang="und"))[1]


def _file_occurrences(pipeline: Pipeline, path: str, options: ReviewOptions,
                      finder: _Finder) -> Iterator[Occurrence]:
    record_format = options.record_format
    with ExitStack() as stack:
        document = read_document(path, record_format,
                                 lambda head: document_facts(pipeline, head, record_format),
                                 stack, options.on_bad_record)
        label, lines, facts = document.label, document.lines, document.facts
        paragraphs: dict[int, object] = {}

        def remembered(units):
            for line, paragraph in units:
                paragraphs[line.number] = paragraph
                yield line, paragraph

        units = remembered(with_paragraphs(pipeline, lines, record_format))
        for result in clean_lines(pipeline, units, facts, label, record_format):
            paragraph = paragraphs.pop(result.line.number, None)
            record = result.line.record
            if record is None:
                continue
            for index, (unit_label, text) in enumerate(zip(record.labels, record.texts,
                                                           strict=True)):
                mine = [change for change in result.changes if change.field == unit_label]
                found = finder.spans(text)
                if not mine and not found:
                    continue
                unit_facts = (pipeline.record_facts(text) if facts is None else
                              facts.get(unit_label) or DocumentFacts(lang=pipeline.config.lang))
                unit = _Unit(finder, label, result.line.number, unit_label, text, unit_facts,
                             paragraph, record.offsets(index))
                yield from unit.occurrences(mine, found)


class _Unit:
    """One unit's records and the finder's spans, made occurrences."""

    def __init__(self, finder: _Finder, file: str, line: int, field_name, text: str,
                 facts: DocumentFacts, paragraph, offset):
        self.finder, self.pipeline = finder, finder.pipeline
        self.file, self.line, self.field = file, line, field_name
        self.text, self.facts, self.paragraph, self.offset = text, facts, paragraph, offset
        self._lang: tuple | None = None

    def language(self, name_spans) -> tuple[str | None, float | None]:
        """The unit's language as unify-names decides it (names masked), and its score."""
        if self._lang is None:
            pipeline = self.pipeline
            given = self.facts.lang or pipeline.config.lang
            if given is not None:
                self._lang = (given, None)
            else:
                context = UnitContext(detect=lambda evidence=None: evidence)
                context.mask(self.text, name_spans)
                evidence = context.evidence if context.evidence is not None else self.text
                paragraph = self.paragraph
                lang, score = pipeline.decider.decide(
                    evidence, self.facts.head,
                    (lambda: text_of(paragraph)) if paragraph is not None else None)
                self._lang = (None if lang == "und" else lang, round(score, 2))
        return self._lang

    def occurrences(self, records: list[Change], found: list[Change]) -> Iterator[Occurrence]:
        by_start: dict[int, list[Change]] = {}
        for record in records:
            by_start.setdefault(record.unit_column, []).append(record)
        name_spans = [(hit.column - 1, hit.end - 1) for hit in found]
        for hit in found:
            yield self._name_occurrence(hit, by_start.pop(hit.column, []), name_spans)
        for column in sorted(by_start):
            for record in by_start[column]:
                if record.rule in (UNDECIDED, FOREIGN_SPAN, KEPT, SKIPPED):
                    continue  # only a name rule's spelling makes these; it was found above
                yield self._occurrence(record.rule, column, record.before, record.fix,
                                       _record_outcome(record), record.message or "")

    def _name_occurrence(self, hit: Change, records: list[Change], name_spans) -> Occurrence:
        rule = self.finder.rules[hit.rule]
        own = [record for record in records if record.rule == rule.id]
        scoped = rule.scoped and self.pipeline.config.lang is None
        lang, score = self.language(name_spans) if scoped else (None, None)
        # Why a spelling was left: the step says so with name:kept and lang:skipped.
        why_left = {record.rule: record for record in records if record.rule in (KEPT, SKIPPED)}
        if own:
            outcome = _record_outcome(own[0])
            outcome = "kept" if outcome == "finding" else outcome
            detail = own[0].message or ""
        elif KEPT in why_left:
            outcome, detail = "kept", why_left[KEPT].message or ""
        elif SKIPPED in why_left:
            outcome, detail = "skipped", why_left[SKIPPED].message or ""
        elif any(record.rule == UNDECIDED for record in records):
            outcome, detail = "undecided", "the unit's language was not decided"
        elif any(record.rule == FOREIGN_SPAN for record in records):
            outcome = "skipped"
            detail = next(r.message for r in records if r.rule == FOREIGN_SPAN) or ""
        elif scoped and not rule.applies_to(lang):
            outcome = "skipped"
            detail = f"language {lang or 'undecided'}" + (f" {score:.2f}" if score else "")
        else:
            outcome, detail = "kept", _keep_reason(rule, self.text, hit)
        occurrence = self._occurrence(rule.id, hit.column, hit.before, hit.fix, outcome,
                                      detail, lang, score)
        occurrence.spelling = written_spelling(rule, hit.before)
        return occurrence

    def _occurrence(self, rule: str, unit_column: int, before: str, fix: str | None,
                    outcome: str, detail: str, lang=None, score=None) -> Occurrence:
        begin, stop = unit_column - 1, unit_column - 1 + len(before)
        window_start, window_end = _window(self.text, begin, stop)
        word_start, word_end = _whole_words(self.text, begin, stop)
        line_column = self.offset(begin) + 1
        return Occurrence(
            id=f"{self.file}:{self.line}:{line_column}:{rule}", rule=rule, spelling=before,
            replacement=fix, file=self.file, line=self.line, column=line_column,
            field=self.field, outcome=outcome, detail=detail,
            sentence=self.text[window_start:window_end],
            start=begin - window_start, end=stop - window_start,
            word_start=max(word_start, window_start) - window_start,
            word_end=min(word_end, window_end) - window_start, lang=lang, score=score,
            unit_key=(self.file, self.line, self.field))


def _utf16_positions(text: str):
    """Code-point positions in ``text`` to UTF-16 positions (the same unless it holds
    characters beyond the BMP, emoji say)."""
    if not text or max(text) <= "\uffff":
        return lambda position: position
    return lambda position: position + sum(1 for char in text[:position] if char > "\uffff")


def written_spelling(rule: NameRule, found: str) -> str:
    """The rule's spelling that ``found`` matched (``KIEV`` is ``Kiev``): decisions are
    per spelling as the rule writes it.

    >>> from corpus_tools.rules.model import Source
    >>> written_spelling(NameRule("Kyiv", ("Kiev",), Source("x", 1)), "KIEV")
    'Kiev'
    """
    spellings = (*rule.variants, *rule.suggest)
    collapsed = _SPACES.sub(" ", found)
    for same in (lambda s: s == collapsed, lambda s: s.upper() == collapsed.upper(),
                 lambda s: s.casefold() == collapsed.casefold()):
        for spelling in spellings:
            if same(spelling):
                return spelling
    return found


def _record_outcome(record: Change) -> str:
    return {"fix": "changed", "suggestion": "suggested"}.get(record.kind, "finding")


def _keep_reason(rule: NameRule, text: str, hit: Change) -> str:
    """Which of the rule's keep phrases covers the match, as far as a plain search tells."""
    begin, stop = hit.column - 1, hit.end - 1
    for phrase in rule.keep:
        at = text.find(phrase, max(0, stop - len(phrase)))
        while at != -1 and at <= begin:
            if at + len(phrase) >= stop:
                return f"kept by {phrase!r}"
            at = text.find(phrase, at + 1)
    return "kept: inside a keep phrase or a canonical form"


def _window(text: str, begin: int, stop: int) -> tuple[int, int]:
    """The sentence(s) around ``begin``..``stop``, at most about ``WINDOW_CHARS`` long
    (cut at spaces; text without spaces, Chinese say, is cut where it falls).

    >>> text = "First one. Colonel Nikolaev said so. Last one."
    >>> text[slice(*_window(text, 19, 27))]
    'Colonel Nikolaev said so.'
    >>> start, end = _window("字" * 600 + "Nikolaev" + "字" * 600, 600, 608)
    >>> start, end
    (484, 724)
    """
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, begin):
        start = match.end()
    end_match = _SENTENCE_END.search(text, stop)
    end = end_match.start() + len(end_match.group().rstrip()) if end_match else len(text)
    if end - start > WINDOW_CHARS:
        half = max(0, (WINDOW_CHARS - (stop - begin)) // 2)
        start = min(max(start, _word_edge(text, begin - half, forward=True)), begin)
        end = max(min(end, _word_edge(text, stop + half, forward=False)), stop)
    return start, end


def _word_edge(text: str, position: int, forward: bool) -> int:
    """A space near ``position`` (after it, or before it), so no word is cut; the position
    itself where there is no space near (text written without spaces)."""
    position = min(max(position, 0), len(text))
    if forward:
        at = text.find(" ", position, position + 40)
        return position if at == -1 else at + 1
    at = text.rfind(" ", max(0, position - 40), position)
    return position if at == -1 else at


def _whole_words(text: str, begin: int, stop: int) -> tuple[int, int]:
    while begin > 0 and _is_word(text[begin - 1]) and (begin == stop or _is_word(text[begin])):
        begin -= 1
    while stop < len(text) and _is_word(text[stop]) and (stop == begin or _is_word(text[stop - 1])):
        stop += 1
    return begin, stop


def _is_word(char: str) -> bool:
    return char.isalnum()


def _sample(occurrences: list[Occurrence], sample: int | None):
    """At most ``sample`` occurrences per rule, the same ones on every run (by id's hash),
    in corpus order."""
    if sample is None:
        return occurrences, {}
    by_rule: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_rule.setdefault(occurrence.rule, []).append(occurrence)
    chosen, left_out = set(), {}
    for rule, items in by_rule.items():
        ranked = sorted(items, key=lambda o: hashlib.sha1(o.id.encode()).hexdigest())
        chosen.update(id(o) for o in ranked[:sample])
        if len(items) > sample:
            left_out[rule] = len(items) - sample
    return [o for o in occurrences if id(o) in chosen], left_out


def _mark_shared_windows(occurrences: list[Occurrence]) -> None:
    """An occurrence whose unit holds another occurrence is not ``solo``: an example made
    of its window would depend on the other's decision, so it gets its keep phrase as
    example instead."""
    counts: dict[tuple, int] = {}
    for occurrence in occurrences:
        counts[occurrence.unit_key] = counts.get(occurrence.unit_key, 0) + 1
    for occurrence in occurrences:
        occurrence.solo = counts[occurrence.unit_key] == 1


def phrase_key(phrase: str) -> str:
    """How a keep phrase matches: any run of spaces as one, spaces around ``, ; : / ( )``
    either way.

    >>> phrase_key("Colonel   Nikolaev ( retired )")
    'Colonel Nikolaev(retired)'
    """
    return _SPACED_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", phrase)).strip()


def keep_ladder(sentence: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The keep phrases around ``sentence[start:end]``, narrowest first, each once: the
    phrase (spaces collapsed) and where it is in ``sentence``.

    >>> [phrase for phrase, _, _ in keep_ladder("Colonel Nikolaev, not the minister.", 8, 16)][:3]
    ['Colonel Nikolaev', 'Nikolaev, not', 'Colonel Nikolaev, not']
    """
    before = [m for m in _WORD.finditer(sentence, 0, start) if m.end() <= start]
    after = [m for m in _WORD.finditer(sentence, end) if m.start() >= end]
    ladder: list[tuple[str, int, int]] = []
    for left, right in KEEP_LADDER:
        if left > len(before) or right > len(after):
            continue
        begin = before[-left].start() if left else start
        stop = after[right - 1].end() if right else end
        phrase = collapse_spaces(sentence[begin:stop])
        if "{" in phrase or "}" in phrase or any(phrase == known for known, _, _ in ladder):
            continue
        ladder.append((phrase, begin, stop))
    return ladder


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text)


def _keep_groups(occurrences: list[Occurrence], name_rules: dict) -> list[list[int]]:
    """Each name occurrence's keep ladder, with the group of occurrences (of its rule) that
    each phrase would protect: those with the same phrase around them.  A ladder ends at
    its first phrase that protects the occurrence alone: no wider one is ever needed."""
    keyed: dict[tuple[str, str], int] = {}
    groups: list[list[int]] = []
    ladders = []
    for index, occurrence in enumerate(occurrences):
        ladder = keep_ladder(occurrence.sentence, occurrence.start, occurrence.end) \
            if occurrence.rule in name_rules else []
        ladders.append(ladder)
        for phrase, _, _ in ladder:
            key = (occurrence.rule, phrase_key(phrase))
            if key not in keyed:
                keyed[key] = len(groups)
                groups.append([])
            if not groups[keyed[key]] or groups[keyed[key]][-1] != index:
                groups[keyed[key]].append(index)
    for occurrence, ladder in zip(occurrences, ladders, strict=True):
        steps = []
        for phrase, begin, stop in ladder:
            group = keyed[(occurrence.rule, phrase_key(phrase))]
            steps.append((phrase, group, begin, stop))
            if len(groups[group]) == 1:
                break
        occurrence.keep = steps
    return groups
