"""Identify the language of a text: a script that belongs to one language settles
it, else a backend's model decides, and a detection says whether it is reliable.

>>> detector = LanguageDetector(languages=("en", "fr", "hy"))
>>> detector.detect("Հայաստանի կառավարությունը")
Detection(lang='hy', score=1.0, reliable=True)
>>> found = detector.detect("Le gouvernement a annoncé de nouvelles mesures pour la région.")
>>> found.lang, found.reliable
('fr', True)
>>> detector.detect("12:30").lang
'und'
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

import regex

from corpus_tools.language.backends import DEFAULT_BACKEND, make_backend
from corpus_tools.language.codes import UNDETERMINED, base
from corpus_tools.text.scripts import script_of

# Scripts that only one (living, corpus-relevant) language writes.
SCRIPT_LANGUAGES = {
    "Armenian": "hy", "Georgian": "ka", "Greek": "el", "Hebrew": "he", "Thai": "th",
    "Hangul": "ko", "Hiragana": "ja", "Katakana": "ja", "Lao": "lo", "Khmer": "km",
    "Sinhala": "si", "Tibetan": "bo", "Ethiopic": "am", "Gujarati": "gu", "Gurmukhi": "pa",
    "Tamil": "ta", "Telugu": "te", "Kannada": "kn", "Malayalam": "ml", "Oriya": "or",
}
_LETTER = regex.compile(r"\p{L}")
SAMPLE_CHARS = 1000  # a model needs no more than this to decide

DEFAULT_MIN_SCORE = 0.8  # on our labelled set: no confident wrong answer at 0.8 (see benchmarks)
DEFAULT_MIN_LETTERS = 15


@dataclass(frozen=True)
class Detection:
    lang: str  # 'und' when nothing could be said
    score: float
    reliable: bool  # long enough and sure enough to stand on its own
    ranked: tuple = field(default=(), compare=False, repr=False)  # the model's top candidates

    def score_of(self, lang: str) -> float:
        """The score this detection gives ``lang`` (0 when it is not among the top candidates)."""
        wanted = base(lang)
        return max((score for code, score in self.ranked if base(code) == wanted), default=0.0)


UNKNOWN = Detection(UNDETERMINED, 0.0, False)


class LanguageDetector:
    """Deterministic language identification with one backend and optional candidates."""

    def __init__(self, backend: str = DEFAULT_BACKEND, languages: tuple[str, ...] | None = None,
                 min_score: float = DEFAULT_MIN_SCORE, min_letters: int = DEFAULT_MIN_LETTERS):
        self.languages = languages
        self.min_score = min_score
        self.min_letters = min_letters
        self.backend = make_backend(backend, languages)  # its model loads on first use
        self.backend.check_languages(set(SCRIPT_LANGUAGES.values()))
        self._allowed = None if languages is None else {base(code) for code in languages}
        # Keyed by the sample, not the text, so the cache stays small (a few MB).
        self._cached = functools.lru_cache(maxsize=4096)(self._detect)

    def detect(self, text: str) -> Detection:
        return self._cached(text[:SAMPLE_CHARS])

    def cache_clear(self) -> None:
        self._cached.cache_clear()

    def _detect(self, text: str) -> Detection:
        sample = text[:SAMPLE_CHARS]
        letters = _LETTER.findall(sample)
        if not letters:
            return UNKNOWN
        by_script = self._script_language(letters)
        if by_script is not None:
            return Detection(by_script, 1.0, True)
        ranked = self.backend.rank(sample)
        if not ranked:
            return UNKNOWN
        lang, score = ranked[0]
        score = round(float(score), 4)
        return Detection(lang, score, score >= self.min_score and len(letters) >= self.min_letters,
                         tuple((code, round(float(p), 4)) for code, p in ranked[:5]))

    def _script_language(self, letters: list[str]) -> str | None:
        script = _majority_script(letters)
        lang = SCRIPT_LANGUAGES.get(script)
        if lang is None:
            return None
        if self._allowed is not None and lang not in self._allowed:
            return None
        return lang


def _majority_script(letters: list[str]) -> str | None:
    """The script of more than half of the first 200 letters, else None."""
    counts = Counter(script_of(letter) for letter in letters[:200])
    if not counts:
        return None
    script, count = counts.most_common(1)[0]
    return script if count * 2 > len(letters[:200]) else None


def dominant_script(text: str) -> str | None:
    """The script most of ``text``'s first letters are in ('Latin', 'Georgian'), or None
    when none holds a majority.

    >>> dominant_script("Pashinian meets Aliev."), dominant_script("ფაშინიანი"), dominant_script("12")
    ('Latin', 'Georgian', None)
    """
    return _majority_script(_LETTER.findall(text[:SAMPLE_CHARS]))
