"""``foreign-sentences``: report sentences whose language is not their document's.

An untranslated sentence left in a translated article is damage a CI check
should see; a quotation may be legitimate, so each is a warning, never an
edit, and sentences shorter than ``min_letters`` letters are not judged.

>>> from corpus_tools.language.detector import LanguageDetector
>>> step = ForeignSentences(lambda: LanguageDetector(languages=("en", "fr")))
>>> context = UnitContext(lang="en")
>>> text = ("The delegation arrived late on Monday evening. "
...         "Les négociations reprendront la semaine prochaine à Genève, selon le ministère.")
>>> _, changes = step.apply(text, context)
>>> [(c.rule, c.column, c.kind, c.message) for c in changes]
[('lang:foreign-sentence', 48, 'finding', 'a fr sentence (score 1.00) in an en document')]
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from corpus_tools.changes import Change
from corpus_tools.filters.base import Filter, UnitContext
from corpus_tools.language.codes import UNDETERMINED, base

RULE = "lang:foreign-sentence"
# A sentence ends at . ! ? … or the Armenian and Arabic full stops and question marks.
_SENTENCE = regex.compile(r"[^.!?…։؟۔]+(?:[.!?…։؟۔]+[\"'”’»)\]]*|$)")
_LETTER = regex.compile(r"\p{L}")


class ForeignSentences(Filter):
    name = "foreign-sentences"
    rule_ids = (RULE,)
    needs_language = True

    @classmethod
    def build(cls, config, rules, detector) -> ForeignSentences:
        return cls(detector)

    def __init__(self, detector: Callable, min_letters: int = 30, min_score: float = 0.95):
        self._detector = detector  # built on first use: a model takes a while to load
        self.min_letters = min_letters
        self.min_score = min_score

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        if len(text) < self.min_letters:
            return text, []
        sentences = [m for m in _SENTENCE.finditer(text)
                     if len(_LETTER.findall(m.group())) >= self.min_letters]
        if not sentences:
            return text, []
        document = context.document_lang
        if document is None or document == UNDETERMINED:
            return text, []
        detector = self._detector()
        changes = []
        for match in sentences:
            sentence = match.group().strip()
            found = detector.detect(sentence)
            if (found.reliable and found.score >= self.min_score and found.lang != UNDETERMINED
                    and base(found.lang) != base(document)):
                start = match.start() + (len(match.group()) - len(match.group().lstrip()))
                changes.append(Change(
                    RULE, start + 1, sentence, None, kind="finding",
                    message=f"a {found.lang} sentence (score {found.score:.2f}) in an {document} document",
                ))
        return text, changes
