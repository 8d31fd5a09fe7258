"""The invalid-utf8 finding's guess of a line's legacy code page: right, or silent."""

import pytest

from corpus_tools.detectors.characters import InvalidUtf8
from corpus_tools.detectors.legacy_encoding import likely_encoding
from corpus_tools.filters.base import UnitContext


def _read(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


@pytest.mark.parametrize(
    ("text", "encoding", "guess"),
    [
        ("Le café de la gare est fermé.", "cp1252", ("cp1252", "café")),
        ("Die Straße ist gesperrt.", "cp1252", ("cp1252", "Straße")),
        ("Дорога открыта с утра.", "cp1251", ("cp1251", "Дорога")),
        ("Шлях відкрито — з ранку.", "cp1251", ("cp1251", "Шлях")),
        ("Вопрос о погоде в Москве остаётся открытым.", "koi8_r", ("koi8_r", "Вопрос")),
        # cp866's 'р'-'я' (E0-EF) before 'а'-'п' (A0-AF) are valid UTF-8 ('чна' reads as
        # '筠'): such a line is not all escaped bytes, and gets no guess
        ("Сегодня ожидается облачная погода.", "cp866", None),
        ("Вчора в Одесі було тепло й сонячно.", "mac_cyrillic", ("mac_cyrillic", "Вчора")),
        # punctuation only: cp1252 and cp1251 agree on it, so nothing decides
        ("He said “yes” – then left.", "cp1252", None),
        # one letter alone: 'à' in cp1252 is 'а' in cp1251
        ("Rendez-vous à midi.", "cp1252", None),
    ],
)
def test_the_likely_code_page_of_a_line(text, encoding, guess):
    assert likely_encoding(_read(text.encode(encoding))) == guess


def test_a_line_with_valid_utf8_beside_the_bad_bytes_gets_no_guess():
    # a cut multi-byte character in a UTF-8 file: no whole-file encoding fits
    assert likely_encoding(_read("été ".encode() + "café".encode()[:-1])) is None


def test_the_finding_says_the_guess():
    (finding,) = InvalidUtf8().detect(_read("caf\xe9 au lait".encode("cp1252")), UnitContext())
    assert finding.message == ("1 byte(s) that are not UTF-8: E9; the line reads as cp1252 "
                               "('café'): if the whole file is cp1252, read it with --encoding "
                               "cp1252 (or convert it: iconv -f cp1252 -t utf-8)")
