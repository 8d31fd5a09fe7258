"""``strip-artifacts``: cut translators' leftovers (``TO DO.``, ``[TODO]``) by rule.

Each artifact rule is a pattern in the ``regex`` module's syntax (made from ``text``, or from
``starts`` and ``ends``: the first ``ends`` after each ``starts``; a ``starts`` with no
``ends`` after it on its line is left and reported).  With
``replace`` the match is rewritten (usually to nothing); without it, the match
is only reported.  A pattern that runs longer than :data:`PATTERN_TIMEOUT`
seconds on one line stops the run with an error naming the rule, so a user's
regex cannot hang CI.

>>> import regex
>>> from corpus_tools.rules.model import ArtifactRule, Source
>>> rule = ArtifactRule("stray-todo", r"\\s+TO DO\\.(?=\\s|$)", Source("demo.toml", 3), replace="",
...                     compiled=regex.compile(r"\\s+TO DO\\.(?=\\s|$)"))
>>> StripArtifacts([rule]).apply("called on Baku to do. TO DO.", UnitContext())[0]
'called on Baku to do.'
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus_tools.changes import Change, PositionMap
from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.base import Filter, Screen, UnitContext
from corpus_tools.rules.model import ArtifactRule

PATTERN_TIMEOUT = 1.0  # seconds one pattern may run on a line of up to TIMEOUT_CHARS
TIMEOUT_CHARS = 1 << 20  # longer lines get proportionally more time: the budget is linear


class PatternTimeoutError(CorpusToolsError):
    pass


class StripArtifacts(Filter):
    name = "strip-artifacts"
    rule_kind = "artifact"

    @classmethod
    def build(cls, config, rules, detector) -> StripArtifacts:
        return cls(rules().artifacts)

    def __init__(self, rules: list[ArtifactRule], timeout: float = PATTERN_TIMEOUT):
        self.rules = rules
        self.timeout = timeout
        # When every rule needs a literal, one scan for any of them settles most lines.
        literals = sorted({literal for rule in rules for literal in rule.requires})
        self._any_literal = (re.compile("|".join(map(re.escape, literals))).search
                             if rules and all(rule.requires for rule in rules) else None)

    def screen(self) -> Screen | None:
        if not self.rules:
            return Screen()
        if self._any_literal is None:
            return None  # a rule without requires literals may match anywhere
        return Screen(literals=frozenset(literal for rule in self.rules for literal in rule.requires))

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        """Rules run one after another; changes are reported in the coordinates of ``text``."""
        if self._any_literal is not None and self._any_literal(text) is None:
            return text, []
        original, changes, maps = text, [], []
        for rule in self.rules:
            if not rule.may_match(text):
                continue
            unclosed, until = _unclosed(rule, text)
            matches = self._matches(rule, text, until) if until else []
            # The language is asked for only when a scoped rule has a match.
            if not (matches or unclosed) or not rule.applies_in(context):
                continue
            changes += [self._located(_unclosed_finding(rule, mark), maps) for mark in unclosed]
            if not matches:
                continue
            if rule.replace is None:
                changes += [self._located(Change(rule.id, m.start() + 1, m.group(), None,
                                                 kind="finding", severity=rule.severity,
                                                 message=rule.message or None), maps)
                            for m in matches]
                continue
            pieces, last, edits = [], 0, []
            for match in matches:
                replacement = (_literal_replacement(text, match) if rule.literal
                               else match.expand(rule.replace))
                pieces += [text[last : match.start()], replacement]
                edits.append((match.start(), match.end(), len(replacement)))
                changes.append(self._located(
                    Change(rule.id, match.start() + 1, match.group(), replacement,
                           severity=rule.severity, message=rule.message or None), maps))
                last = match.end()
            pieces.append(text[last:])
            text = "".join(pieces)
            maps.insert(0, PositionMap(edits))
        if maps:
            changes.sort(key=lambda change: change.column)
        return (text if changes else original), changes

    def _matches(self, rule: ArtifactRule, text: str, until: int) -> list:
        timeout = self.timeout * max(1.0, len(text) / TIMEOUT_CHARS)
        try:
            if until < len(text):
                return list(rule.compiled.finditer(text, endpos=until, timeout=timeout))
            return list(rule.compiled.finditer(text, timeout=timeout))
        except TimeoutError:
            raise PatternTimeoutError(
                f"{rule.source}: {rule.id}: the pattern ran longer than {timeout:g} s on a line of "
                f"{len(text):,} characters; simplify it (nested repeats like (a+)+ backtrack "
                f"without end) or give it requires = [...] literals"
            ) from None

    @staticmethod
    def _located(change: Change, maps: list[PositionMap]) -> Change:
        """A change found after earlier rules edited the text, in the coordinates of the input."""
        if not maps:
            return change
        start, end = change.column - 1, change.column - 1 + len(change.before)
        for position_map in maps:
            start, end = position_map.to_input(start), position_map.to_input(end, at_end=True)
        return replace(change, column=start + 1, end_column=end + 1)


def _unclosed(rule: ArtifactRule, text: str) -> tuple[list, int]:
    """The start marks with no end mark after them on the line, and how far a leftover may
    reach: past the last end mark and its spaces (0: nowhere, so the pattern need not run;
    the line's end for a rule of text or pattern)."""
    if rule.marks is None:
        return [], len(text)
    opens, closes_from_the_end = rule.marks
    last = closes_from_the_end.search(text)
    if last is None:
        return list(opens.finditer(text)), 0
    until = last.end()
    while until < len(text) and text[until] in " \t\u00a0":  # the spacing rule's spaces
        until += 1
    return [mark for mark in opens.finditer(text) if mark.end() > last.start()], until


def _unclosed_finding(rule: ArtifactRule, mark) -> Change:
    """A ``starts`` with no ``ends`` after it on its line: what to cut is unsure, so it stays."""
    return Change(rule.id, mark.start() + 1, mark.group(), None, kind="finding", severity="warning",
                  message=f"'{rule.starts}' has no '{rule.ends}' after it on this line; left as "
                          f"it is")


def _literal_replacement(text: str, match) -> str:
    """A literal artifact goes with its spaces; one space stays only between two pieces of
    text that a space separated (never a leading, trailing or double space)."""
    spaced = bool(match.group("before") or match.group("after"))
    return " " if spaced and match.start() > 0 and match.end() < len(text) else ""
