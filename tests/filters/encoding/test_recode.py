"""Whole-line recoding: Cyrillic saved in one legacy page and read as another."""

import pytest

from corpus_tools.filters.encoding.recode import RECODINGS, recode_line

SENTENCES = {
    "ru": "Вопрос о погоде в Москве остаётся открытым",
    "uk": "Вчора в Одесі було тепло й сонячно",
    "bg": "София е столицата на България",
    "sr": "Београд је главни град Србије",
}


@pytest.mark.parametrize("written_in, read_as", RECODINGS)
@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_a_misread_line_is_read_back(lang, written_in, read_as):
    sentence = SENTENCES[lang]
    try:
        damaged = sentence.encode(written_in).decode(read_as)
    except UnicodeError:
        pytest.skip(f"{written_in} cannot write {lang}, or {read_as} cannot read it")
    assert recode_line(damaged) == sentence


@pytest.mark.parametrize("line", [
    *SENTENCES.values(),
    *(sentence.upper() for sentence in SENTENCES.values()),
    "ВІКІ И ЁЖИК: ЕЁ НОВЫЕ ПРАВИЛА",
    "мВт и кВт·ч",
    "ÀÉÎ ÔÛ",  # capitals, but no Cyrillic in any reading's likelihood
])
def test_correct_text_is_not_recoded(line):
    assert recode_line(line) is None
