"""The one definition of an everyday letter, and the national alphabets."""

import pytest

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.encoding.fix_encoding import FixEncoding
from corpus_tools.text.letters import (
    basic_letter,
    everyday_letter,
    everyday_small_letter,
    foreign_letter_mix,
    letter_fits,
    main_script,
)
from corpus_tools.text.scripts import script_of


@pytest.mark.parametrize(("char", "everyday"), [
    ("я", True), ("ё", True), ("і", True), ("ә", True), ("Ґ", True),
    ("ѝ", True), ("ѐ", True), ("Ѝ", True), ("Ѐ", True),  # Bulgarian, Macedonian
    ("ѩ", False), ("ѣ", False),                          # Church Slavonic, pre-1918
    ("ə", True), ("Ə", True), ("ș", True), ("ʻ", True),
    ("Ɓ", False), ("ɐ", False),                          # African, IPA
    ("ά", True), ("ΐ", True), ("ϗ", False),
    ("ց", True), ("ა", True),
])
def test_everyday_letters(char, everyday):
    assert everyday_letter(char, script_of(char)) is everyday


@pytest.mark.parametrize(("char", "small"), [
    ("é", True), ("ł", True), ("ş", True), ("ə", True), ("ά", True), ("π", True),
    ("і", True), ("ј", True), ("ә", True), ("ѝ", True), ("ѐ", True), ("ΐ", True),
    ("a", False), ("я", False), ("É", False), ("Ѝ", False), ("µ", False), ("ª", False),
    ("ց", False), ("ა", False),  # Armenian and Georgian: every letter is basic
])
def test_everyday_small_letters_are_everyday_letters_beyond_the_basic_ones(char, small):
    assert everyday_small_letter(char) is small
    if small:
        assert everyday_letter(char, script_of(char))


def test_basic_letters():
    assert [basic_letter(char) for char in "zéωόяіցა"] == [
        True, False, True, False, True, False, True, True]


def test_a_restored_byte_must_give_a_letter_of_the_script_and_case():
    assert letter_fits("я", "Cyrillic", True)
    assert not letter_fits("Я", "Cyrillic", True)       # a capital after a small letter
    assert not letter_fits("я", "Latin", None)
    assert not letter_fits("ѩ", None, None)


def test_alphabets():
    assert main_script("Нико Pashinyan Ն") == "Cyrillic"
    assert foreign_letter_mix("şiddetli") == 0
    assert foreign_letter_mix("Åžiddetli") == 1           # Swedish Å with Czech ž
    assert foreign_letter_mix("ґєї") == 0
    assert foreign_letter_mix("ґў") == 1                  # Ukrainian and Belarusian


def test_bulgarian_her_misread_as_cp1250_is_reported_not_left_silent():
    # 'ѝ' is D1 9D: cp1250 reads 'Ńť'.  With 'ѝ' an everyday letter the word is
    # reported; it is not repaired (one letter, and the line's only damage).
    fixed, changes = FixEncoding().apply("Дадох Ńť книгата вчера.", UnitContext())
    assert fixed == "Дадох Ńť книгата вчера."
    assert [(c.rule, c.column, c.before) for c in changes] == [("encoding:unrepaired", 7, "Ńť")]
