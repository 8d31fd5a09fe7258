"""The regex compiler behind the screens: classes as ranges, alternations by first character."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_tools.text.regex import by_first_character, char_class, class_inside


@pytest.mark.parametrize(("chars", "inside"), [
    ("абвгд", "а-д"),
    ("ab", "ab"),              # two in a row are no range
    ("]-", "\\-\\]"),         # escaped, in code point order
    ("\\]^", "\\\\-\\^"),      # a range of escaped characters
    ("", ""),
])
def test_class_inside(chars, inside):
    assert class_inside(chars) == inside


@given(st.sets(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
       st.characters(exclude_categories=("Cs",)))
def test_a_class_matches_exactly_its_characters(chars, probe):
    assert bool(re.fullmatch(char_class(chars), probe)) is (probe in chars)


@pytest.mark.parametrize(("alternatives", "pattern"), [
    (["TODO", "TBD", "FIXME"], "T(?:ODO|BD)|FIXME"),
    (["a+b", "ac"], "ac|a+b"),                        # a quantified first letter is not grouped
    (["x|y", "xz"], "xz|x|y"),                     # nor an alternative with its own |
])
def test_by_first_character(alternatives, pattern):
    assert by_first_character(alternatives) == pattern
