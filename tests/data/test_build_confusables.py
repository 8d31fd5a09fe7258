"""The look-alike table: how it is built, and that the committed one is what the script builds."""

import importlib.resources
import unicodedata
from pathlib import Path

import pytest

from corpus_tools.data.build_confusables import (
    SCRIPT_NAMES,
    TABLE_NAME,
    TARGET_LETTERS,
    build,
    build_rows,
    parse_pairs,
    parse_scripts,
    unicode_version,
)
from corpus_tools.text.scripts import lookalike_table, script_of

UNICODE_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unicode"

SCRIPTS = parse_scripts("""
0041..005A    ; Latin # L&  [26] LATIN CAPITAL LETTER A..LATIN CAPITAL LETTER Z
0061..007A    ; Latin # L&  [26] LATIN SMALL LETTER A..LATIN SMALL LETTER Z
0406          ; Cyrillic
0410..044F    ; Cyrillic
04C0          ; Cyrillic
0030..0039    ; Common
""")


def test_parse_scripts_expands_ranges():
    assert (SCRIPTS["A"], SCRIPTS["z"], SCRIPTS["\u044f"], SCRIPTS["5"]) == (
        "Latin", "Latin", "Cyrillic", "Common")


@pytest.mark.parametrize(
    ("confusables", "intentional", "expected"),
    [
        # a pair both ways
        ("0430 ; 0061 ; MA", "", [("a", "Latin", "Cyrillic", "\u0430"), ("\u0430", "Cyrillic", "Latin", "a")]),
        # upper case only stands in for upper case: Cyrillic І and Latin l share a prototype
        ("0406 ; 006C ; MA\n0049 ; 006C ; MA", "",
         [("I", "Latin", "Cyrillic", "\u0406"), ("\u0406", "Cyrillic", "Latin", "I")]),
        # two look-alikes in one script: the one intentional.txt lists wins
        ("0406 ; 006C ; MA\n04C0 ; 006C ; MA\n0049 ; 006C ; MA", "0049 ; 04C0 ;",
         [("I", "Latin", "Cyrillic", "\u04c0"), ("\u0406", "Cyrillic", "Latin", "I"),
          ("\u04c0", "Cyrillic", "Latin", "I")]),
        # a digit is no letter; one script is no pair
        ("0030 ; 004F ; MA\n0049 ; 006C ; MA", "", []),
    ],
)
def test_build_rows(confusables, intentional, expected):
    assert build_rows(parse_pairs(confusables), parse_pairs(intentional), SCRIPTS) == expected


def test_unicode_version_reads_both_header_styles():
    assert unicode_version("# confusables.txt\n# Version: 17.0.0\n", "c") == "17.0.0"
    assert unicode_version("# Scripts-17.0.0.txt\n", "s") == "17.0.0"
    with pytest.raises(ValueError, match="no version"):
        unicode_version("# nothing\n", "x.txt")


@pytest.mark.skipif(not UNICODE_DATA.is_dir(), reason="../shared/data/unicode is not here")
@pytest.mark.parametrize("name", [TABLE_NAME, SCRIPT_NAMES])
def test_generator_rebuilds_the_committed_files_byte_for_byte(name):
    committed = importlib.resources.files("corpus_tools.data").joinpath(name).read_bytes()
    assert build(UNICODE_DATA)[name].encode("utf-8") == committed


def test_every_target_is_a_letter_of_its_script_modern_alphabet():
    for (source, target_script), target in lookalike_table().items():
        first, last = TARGET_LETTERS[target_script]
        assert first <= ord(target) <= last
        assert script_of(target) == target_script  # regex agrees with Scripts.txt
        assert script_of(source) not in (None, target_script)
        assert unicodedata.category(target).startswith("L")


def test_the_table_knows_the_usual_suspects():
    table = lookalike_table()
    assert [table[c, "Latin"] for c in "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0410\u03bf\u0585"] == list("aeopcxyAoo")
    assert table["C", "Cyrillic"] == "\u0421"
    assert ("o", "Georgian") not in table  # ჿ is no letter of everyday Georgian
