"""Case helpers that follow the language: Turkish and Azerbaijani dotted and dotless i.

>>> upper("Şuşa", "az"), upper("Şuşa", None), upper("Füzuli", "az")
('ŞUŞA', 'ŞUŞA', 'FÜZULİ')
>>> fold_length_preserving("İstanbul")
'istanbul'
"""

from __future__ import annotations

TURKIC = frozenset({"tr", "az", "crh", "gag", "tt", "kk"})
_TURKIC_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_TURKIC_LOWER = str.maketrans({"I": "ı", "İ": "i"})

# The one character whose lower case is not one character (İ -> i + combining
# dot); folding it to plain i keeps a folded copy the same length, so offsets
# carry over.  tests/filters/test_casing.py checks that it is the only one.
ONE_TO_ONE_LOWER = {0x130: "i"}


def is_turkic(lang: str | None) -> bool:
    return lang is not None and lang.split("-")[0].lower() in TURKIC


def upper(text: str, lang: str | None) -> str:
    if is_turkic(lang):
        text = text.translate(_TURKIC_UPPER)
    return text.upper()


def lower(text: str, lang: str | None) -> str:
    if is_turkic(lang):
        text = text.translate(_TURKIC_LOWER)
    return text.lower()


def fold_length_preserving(text: str) -> str:
    """Lower case with exactly one character per character of ``text``."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return text.translate(ONE_TO_ONE_LOWER).lower()


def case_pattern(text: str) -> str:
    """'upper', 'lower', 'title' or 'mixed' for the letters of ``text``."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "mixed"
    if all(char.isupper() for char in letters) and len(letters) > 1:
        return "upper"
    if all(char.islower() for char in letters):
        return "lower"
    if letters[0].isupper():
        return "title"
    return "mixed"
