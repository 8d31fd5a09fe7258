"""``repeated-word``: a word written twice in a row (``the the``), unless a rule allows it.

Legitimate repeats are rules (``[[repeat]]`` in ``rules/repeats.toml``), per
language: ``that that`` in English, ``nous nous`` in French, Turkish
``yavaş yavaş``; ``words = ["*"]`` allows every repeat in the languages whose
grammar reduplicates (Hindi ``अलग अलग``, Korean).  The unit's language is asked
for only when a repeat is found.

Never a repeat: a unit that is only the two words in a script without capitals
(a name: the currency ``אפגני אפגני``), two capitalised words (``Νέο Ζαΐρ Ζαΐρ``, Bora Bora), a word
after a slash (``Bienvenido/a a``), a column of help text (``FILE     FILE
exists``: a word, two or more spaces or a tab, the same word), an alphabet
sample (``ABCDEFGHIJ abcdefghij``, a row of letters ``A a B b C c``).

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
# A word after a slash is an alternative ending (Spanish Bienvenido/a a), not a word.
_REPEAT = regex.compile(r"(?<![\w'’/-])(\p{L}+)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE)
_COLUMN_GAP = regex.compile(r" {2,}|\t")  # help text sets a metavariable apart in columns
_ONE_LETTER_WORDS = regex.compile(r"(?<!\S)\p{L}(?!\S)")
ALPHABET_ROW = 4  # one-letter words in a line that make it a row of letters
ANY_WORD = "*"  # a [[repeat]] word: every repeat in the rule's languages


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
            if _COLUMN_GAP.search(match.group(2)) or _alphabet_sample(text, match) or \
                    _whole_unit(text, match) or _capitalised_name(match):
                continue
            if self._allowed(word.lower(), context):
                continue
            findings.append(self.finding(match.start(), match.group(),
                                         f"the word {word!r} twice in a row"))
        return findings

    def _allowed(self, word: str, context: UnitContext) -> bool:
        for rule in self.rules:
            if any(w == ANY_WORD or w.lower() == word for w in rule.words) and \
                    rule.applies_in(context):
                return True
        return False


def _whole_unit(text: str, match) -> bool:
    """The repeat of a word with no capitals (Hebrew, Arabic, CJK...) is all the unit holds:
    a name, not a slip inside a sentence (CLDR's currency name ``אפגני אפגני``, the Afghan
    afghani). Cased scripts say it with capitals (``Ζαΐρ Ζαΐρ``); a unit ``the the`` is a slip."""
    word = match.group(1)
    return word.lower() == word.upper() and not text[:match.start()].strip() and \
        not text[match.end():].strip(" .")


def _capitalised_name(match) -> bool:
    """Both words capitalised: a name that doubles a word (``Νέο Ζαΐρ Ζαΐρ``, Bora Bora,
    Walla Walla); a slip repeats a word as it was (``The the``, ``В в``)."""
    first, second = match.group(1), match.group(3)
    return len(first) > 1 and first.istitle() and second.istitle()


def _alphabet_sample(text: str, match) -> bool:
    """Letters shown, not a word repeated: an alphabet in capitals then in small letters
    (``ABCDEFGHIJ abcdefghij``), or a row of one-letter words (``A a B b C c``)."""
    first, second = match.group(1), match.group(3)
    if len(first) == 1:
        return len(_ONE_LETTER_WORDS.findall(text)) >= ALPHABET_ROW
    return first.isupper() != second.isupper() and first.islower() != second.islower()
