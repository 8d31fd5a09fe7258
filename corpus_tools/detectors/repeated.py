"""``repeated-word``: a word written twice in a row (``the the``), unless a rule allows it.

Legitimate repeats are rules (``[[repeat]]`` in ``rules/repeats.toml``), per
language: ``that that`` in English, ``nous nous`` in French, Turkish
``yavaş yavaş``.  The unit's language is asked for only when a repeat is found.

>>> from corpus_tools.filters.base import UnitContext
>>> from corpus_tools.rules.model import RepeatRule, Source
>>> detector = RepeatedWord([RepeatRule("fr", ("nous",), Source("r.toml", 1), lang=("fr",))])
>>> [c.before for c in detector.detect("the the road", UnitContext(lang="en"))]
['the the']
>>> detector.detect("nous nous sommes vus", UnitContext(lang="fr"))
[]
"""

from __future__ import annotations

import itertools
import re

import regex

from corpus_tools.changes import Change
from corpus_tools.detectors.base import Detector
from corpus_tools.filters.base import UnitContext

_WORD = re.compile(r"\w+")
_REPEAT = regex.compile(r"(?<![\w'’-])(\p{L}+)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE)


class RepeatedWord(Detector):
    id = "repeated-word"

    @classmethod
    def build(cls, rules) -> RepeatedWord:
        return cls(rules.repeats)

    def __init__(self, rules=()):
        self.rules = list(rules)

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        words = _WORD.findall(text.lower())
        if not any(a == b for a, b in itertools.pairwise(words)):
            return []  # the fast no: no word equals the next one
        findings = []
        for match in _REPEAT.finditer(text):
            word = match.group(1)
            if self._allowed(word.lower(), context):
                continue
            findings.append(self.finding(match.start(), match.group(),
                                         f"the word {word!r} twice in a row"))
        return findings

    def _allowed(self, word: str, context: UnitContext) -> bool:
        for rule in self.rules:
            if word in (w.lower() for w in rule.words) and rule.applies_in(context):
                return True
        return False
