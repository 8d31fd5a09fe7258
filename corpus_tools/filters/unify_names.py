"""``unify-names``: write every listed spelling of a name as its canonical form.

One pass per line whatever the number of variants: an Aho-Corasick automaton
(pyahocorasick) finds every candidate in a case-folded copy of the line, then
each candidate is checked for word boundaries, case and scope, and the
leftmost, then longest, wins.  Canonical forms and ``keep`` phrases are in the
automaton too, so text that already is canonical is never rewritten.

>>> from corpus_tools.rules.model import NameRule, Source
>>> rule = NameRule("Lachin", ("Latchine", "Laçın"), Source("demo.toml", 1),
...                 keep=("Latchine Street",))
>>> step = UnifyNames([rule])
>>> step.apply("LATCHINE, Latchine's road, Latchine Street", UnitContext())[0]
"LACHIN, Lachin's road, Latchine Street"
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ahocorasick
import regex

from corpus_tools.changes import Change
from corpus_tools.filters.base import (
    Filter,
    Screen,
    UnitContext,
    foreign_span,
    foreign_span_finding,
    undecided_finding,
)
from corpus_tools.filters.casing import (
    case_pattern,
    fold_length_preserving,
    is_turkic,
    lower,
    upper,
)
from corpus_tools.rules.model import NameRule
from corpus_tools.text.canonical import View, is_nfc, nfc, nfc_view

_HORIZONTAL_RUN = regex.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_NEEDS_COLLAPSE = regex.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|  ")

_VARIANT, _CANONICAL, _KEEP = 0, 1, 2  # higher protects: keep > canonical > variant


@dataclass(frozen=True)
class _Entry:
    kind: int
    rule: NameRule
    written: str  # the form as written in the rule, spaces collapsed


def _collapse(text: str) -> str:
    return _HORIZONTAL_RUN.sub(" ", text)


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


SKIPPED = "lang:skipped"
KEPT = "name:kept"


class UnifyNames(Filter):
    name = "unify-names"
    rule_kind = "name"
    rule_ids = (SKIPPED, KEPT)

    @classmethod
    def build(cls, config, rules, detector) -> UnifyNames:
        return cls(rules().names)

    def __init__(self, rules: list[NameRule]):
        self.rules = rules
        self._automaton = ahocorasick.Automaton()
        keyed: dict[str, list[_Entry]] = {}
        for rule in rules:
            forms = [(_VARIANT, v) for v in (*rule.variants, *rule.suggest)]
            forms += [(_CANONICAL, rule.canonical)] + [(_KEEP, k) for k in rule.keep]
            for kind, form in forms:
                written = nfc(_collapse(form))  # matched in the text's NFC view
                keyed.setdefault(fold_length_preserving(written), []).append(
                    _Entry(kind, rule, written)
                )
        for key, entries in keyed.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        if keyed:
            self._automaton.make_automaton()
        self._empty = not keyed

    def screen(self) -> Screen | None:
        """Where a variant could be: each one as written and in capitals (the only cases
        ``_case_matches`` takes), any run of horizontal space between its words."""
        if any(rule.ignore_case for rule in self.rules):
            return None  # any mix of cases matches: no short list of forms to look for
        forms = set()
        for rule in self.rules:
            for variant in (*rule.variants, *rule.suggest):
                written = nfc(_collapse(variant))
                forms.update((written, upper(written, None), upper(written, "tr")))
        space = "[" + _HORIZONTAL_RUN.pattern[1:-2] + "]+"
        alternatives = sorted(space.join(map(re.escape, form.split(" "))) for form in forms)
        # Decomposed text (NFD) spells a form's accented letters with combining marks:
        # a line holding one of those marks goes through the step.
        marks = {char for form in forms for char in unicodedata.normalize("NFD", form)
                 if unicodedata.combining(char)}
        return Screen(chars=frozenset(marks), patterns=tuple(alternatives))

    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the rules' names (variants, canonical forms, kept phrases) are in ``text``."""
        return [(begin, stop) for begin, stop, _, _ in self._hits(text)]

    def _hits(self, text: str) -> list:
        """Every name form found at word boundaries with a matching case: (begin, stop, entry, found)."""
        if self._empty or not text:
            return []
        view = nfc_view(text)
        if _NEEDS_COLLAPSE.search(view.text):
            view = view.then(_collapsed_view(view.text))
        seen = view.text
        folded = fold_length_preserving(seen)
        hits = []
        for end, (length, entries) in self._automaton.iter(folded):
            start = end - length + 1
            if (start > 0 and _is_word_char(seen[start - 1])) or (
                end + 1 < len(seen) and _is_word_char(seen[end + 1])
            ):
                continue
            begin, stop = view.span(start, end + 1)
            found = seen[start : end + 1]
            for entry in entries:
                if self._case_matches(entry, found):
                    hits.append((begin, stop, entry, found))
        return hits

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        hits = self._hits(text)
        if not hits:
            return text, []
        if not context.decided and any(entry.rule.scoped for _, _, entry, _ in hits):
            # Names say little of a line's language (Latchine looks French):
            # identify the line without them.
            context.mask(text, [(begin, stop) for begin, stop, _, _ in hits])
        candidates, out_of_scope = [], []
        for begin, stop, entry, found in hits:
            if entry.rule.applies_in(context):
                candidates.append((begin, -(stop - begin), -entry.kind, stop, entry, found))
            elif entry.kind == _VARIANT and entry.rule.scoped:
                out_of_scope.append((begin, stop, entry.rule))
        candidates.sort(key=lambda c: c[:3])
        changes = [_scope_finding(rule, begin, text[begin:stop], context)
                   for begin, stop, rule in _outside(out_of_scope, candidates)]
        pieces, position, decomposed = [], 0, None
        for begin, _, _, stop, entry, found in candidates:
            if begin < position:
                continue
            position = stop
            if entry.kind == _KEEP:
                changes += _kept_inside(text, begin, stop, entry, candidates)
            if entry.kind != _VARIANT:
                continue  # canonical or keep phrase: protected as it is
            before = text[begin:stop]
            if entry.rule.scoped:
                other = foreign_span(text, begin, stop, context, hits)
                if other is not None:
                    changes.append(foreign_span_finding(entry.rule, begin, before, other))
                    continue
            kept = _kept_by_neighbour(text, begin, stop, entry.rule)
            if kept:
                changes.append(Change(KEPT, begin + 1, before, None, kind="finding",
                                      message=f"{entry.rule.id}: {before!r} left as written "
                                              f"{kept}"))
                continue
            canonical = self._cased_canonical(entry, found, context.lang)
            if decomposed is None:
                decomposed = not is_nfc(text)
            if decomposed:
                canonical = unicodedata.normalize("NFD", canonical)  # as the text writes accents
            if entry.rule.fix == "suggest" or entry.written in entry.rule.suggest:
                spelling = entry.rule.spelling(entry.written)
                severity = spelling.severity if spelling and spelling.severity else None
                note = spelling.note if spelling and spelling.note else None
                changes.append(Change(entry.rule.id, begin + 1, before, canonical, kind="suggestion",
                                      severity=severity or entry.rule.severity,
                                      message=note or entry.rule.message))
                continue
            pieces.append((begin, stop, canonical))
            changes.append(Change(entry.rule.id, begin + 1, before, canonical,
                                  severity=entry.rule.severity, message=entry.rule.message))
        changes.sort(key=lambda change: change.column)
        if not pieces:
            return text, changes
        out, last = [], 0
        for begin, stop, replacement in pieces:
            out += [text[last:begin], replacement]
            last = stop
        out.append(text[last:])
        return "".join(out), changes

    @staticmethod
    def _case_matches(entry: _Entry, found: str) -> bool:
        if entry.rule.ignore_case:
            return True
        written = entry.written
        if found == written:
            return True
        # ALL CAPS: as any language writes it (Turkish and Azerbaijani dot the capital i).
        return len(written) > 1 and found in (upper(written, None), upper(written, "tr"))

    @staticmethod
    def _cased_canonical(entry: _Entry, found: str, lang: str | None) -> str:
        canonical = entry.rule.canonical
        rule_lang = entry.rule.lang
        # Capitals follow the text's language; when it is unknown, the rule's.
        turkic = is_turkic(lang) or (
            lang is None and bool(rule_lang) and all(is_turkic(code) for code in rule_lang)
        )
        casing_lang = "tr" if turkic else lang
        if entry.rule.ignore_case:
            pattern = case_pattern(found)
            if pattern == "upper":
                return upper(canonical, casing_lang)
            if pattern == "lower":
                return lower(canonical, casing_lang)
            return canonical
        if found != entry.written:  # matched in ALL CAPS
            return upper(canonical, casing_lang)
        return canonical


def _scope_finding(rule: NameRule, begin: int, before: str, context: UnitContext) -> Change:
    """Why a scoped rule's variant was left: the unit's language undecided, or another one."""
    if context.lang is None:
        return undecided_finding(rule, begin, before)
    if context.score is None:
        how = "given"
    elif context.score > 0:
        how = f"identified, score {context.score:.2f}"
    else:
        how = "taken from its paragraph or document"
    return Change(SKIPPED, begin + 1, before, None, kind="finding",
                  message=f"{rule.id} is for {', '.join(rule.lang or ())}; the line is "
                          f"{context.lang} ({how}), so {before!r} is left as written")


def _kept_inside(text: str, begin: int, stop: int, keep: _Entry, candidates: list) -> list[Change]:
    """A finding for each variant that the keep phrase at ``begin:stop`` protects (each span once)."""
    phrase, found = text[begin:stop], {}
    for inner, _, _, inner_stop, entry, _ in candidates:
        if entry.kind == _VARIANT and begin <= inner and inner_stop <= stop:
            found.setdefault((inner, inner_stop), entry.rule)
    return [Change(KEPT, inner + 1, text[inner:inner_stop], None, kind="finding",
                   message=f"{rule.id}: {text[inner:inner_stop]!r} left as written, inside "
                           f"the keep phrase {phrase!r} ({keep.rule.id})")
            for (inner, inner_stop), rule in found.items()]


def _collapsed_view(text: str) -> View:
    """The text with each run of horizontal space as one space, and where each character was."""
    view, starts, ends, last = [], [], [], 0
    for match in _HORIZONTAL_RUN.finditer(text):
        view += [text[last : match.start()], " "]
        starts += [*range(last, match.start()), match.start()]
        ends += [*range(last + 1, match.start() + 1), match.end()]
        last = match.end()
    view.append(text[last:])
    starts += range(last, len(text))
    ends += range(last + 1, len(text) + 1)
    return View("".join(view), starts, ends)


def _outside(undecided: list, candidates: list) -> list:
    """The out-of-scope hits that no applied candidate covers, each span once."""
    seen, kept = set(), []
    for begin, stop, rule in undecided:
        if (begin, stop) in seen or any(c[0] < stop and begin < c[3] for c in candidates):
            continue
        seen.add((begin, stop))
        kept.append((begin, stop, rule))
    return kept


_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}.'’-]+)[\s\u00a0]*$")
_WORD_AFTER = regex.compile(r"^[\s\u00a0]*([\p{L}\p{M}'’-]+)")


def _kept_by_neighbour(text: str, begin: int, stop: int, rule: NameRule) -> str:
    """Why a rule's ``not_after``/``not_before`` words leave this match alone, or ""."""
    if rule.not_after:
        listed = {_word_key(w.rstrip(".")) for w in rule.not_after}
        end = begin
        for _ in range(2):  # "Colonel Kiev", or "Colonel Sergei Kiev": a title, then a name
            match = _WORD_BEFORE.search(text, 0, end)
            word = match.group(1).rstrip(".") if match else ""
            if not word:
                break
            if _word_key(word) in listed:
                return f"after {word!r} (not_after)"
            if not word[0].isupper():
                break
            end = match.start()
    if rule.not_before:
        match = _WORD_AFTER.search(text[stop:stop + 80])
        word = match.group(1) if match else ""
        if word and _word_key(word) in {_word_key(w) for w in rule.not_before}:
            return f"before {word!r} (not_before)"
    return ""


def _word_key(word: str) -> str:
    """A context word as compared: caseless, and the same whatever its normalization."""
    return nfc(word).casefold()
