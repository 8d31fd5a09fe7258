"""``strip-artifacts``: cut translators' leftovers (``TO DO.``, ``[TODO]``) by rule.

Each artifact rule is a pattern in the ``regex`` module's syntax.  With
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

from corpus_tools.changes import Change
from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.base import Filter, UnitContext
from corpus_tools.rules.model import ArtifactRule

PATTERN_TIMEOUT = 1.0  # seconds one pattern may run on one line


class PatternTimeoutError(CorpusToolsError):
    pass


class StripArtifacts(Filter):
    name = "strip-artifacts"

    def __init__(self, rules: list[ArtifactRule], timeout: float = PATTERN_TIMEOUT):
        self.rules = rules
        self.timeout = timeout

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        changes: list[Change] = []
        for rule in self.rules:
            try:
                matches = list(rule.compiled.finditer(text, timeout=self.timeout))
            except TimeoutError:
                raise PatternTimeoutError(
                    f"{rule.source}: {rule.id}: the pattern ran longer than {self.timeout:g} s on "
                    f"one line; simplify it (nested repeats like (a+)+ backtrack without end)"
                ) from None
            # The language is asked for only when a scoped rule has a match.
            if not matches or not rule.applies_in(context):
                continue
            if rule.replace is None:
                changes += [Change(rule.id, m.start() + 1, m.group(), m.group(), suggestion=True)
                            for m in matches]
                continue
            pieces, last = [], 0
            for match in matches:
                replacement = match.expand(rule.replace)
                pieces += [text[last : match.start()], replacement]
                changes.append(Change(rule.id, match.start() + 1, match.group(), replacement))
                last = match.end()
            pieces.append(text[last:])
            text = "".join(pieces)
        return text, changes
