import sys

import pytest

from corpus_tools.filters.casing import (
    ONE_TO_ONE_LOWER,
    case_pattern,
    fold_length_preserving,
    upper,
)


def test_the_one_to_one_table_is_complete():
    multi = {code for code in range(sys.maxunicode + 1) if len(chr(code).lower()) != 1}
    assert multi == set(ONE_TO_ONE_LOWER)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Şuşa", "az", "ŞUŞA"), ("istanbul", "tr", "İSTANBUL"), ("istanbul", "en", "ISTANBUL"),
])
def test_upper(text, lang, expected):
    assert upper(text, lang) == expected


def test_fold_keeps_length():
    assert len(fold_length_preserving("İİ abc")) == 6


@pytest.mark.parametrize(("text", "pattern"), [
    ("ABC", "upper"), ("abc", "lower"), ("Abc", "title"), ("aBC", "mixed"),
])
def test_case_pattern(text, pattern):
    assert case_pattern(text) == pattern
