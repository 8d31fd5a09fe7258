"""Span repair: golden cases per language, the oddness measure, and correct text left alone."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.data.build_mojibake import TABLE_NAME, build_text
from corpus_tools.filters.base import DocumentFacts, UnitContext
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig, FixEncoding
from corpus_tools.filters.encoding.oddness import oddness
from corpus_tools.filters.encoding.span_repair import SpanRepair

CASES = Path(__file__).resolve().parents[2] / "cases" / "mojibake"
FIX = FixEncoding()
REPAIR = SpanRepair()


def _cases(name):
    return [pytest.param(case, id=case["label"]) for case in
            json.loads((CASES / name).read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", _cases("repaired.json"))
def test_repaired_cases(case):
    fixed, changes = FIX.apply(case["original"], UnitContext())
    assert fixed == case["fixed"]
    assert changes and all(change.rule.startswith("encoding:") for change in changes)


@pytest.mark.parametrize("case", _cases("negative.json"))
def test_correct_text_is_left_alone(case):
    fixed, changes = FIX.apply(case["original"], UnitContext())
    assert fixed == case["original"]
    assert not [change for change in changes if change.applied]


@pytest.mark.xfail(strict=True, reason="known failures: see each case's note")
@pytest.mark.parametrize("case", _cases("known-failures.json"))
def test_known_failures(case):
    assert FIX.apply(case["original"], UnitContext())[0] == case["fixed"]


def test_an_armenian_name_inside_english_text_is_one_record_at_its_column():
    damaged = "Talks with Õ†Õ«Õ¯Õ¸Õ¬ Pashinyan went on."
    fixed, changes = FIX.apply(damaged, UnitContext())
    assert fixed == "Talks with Նիկոլ Pashinyan went on."
    assert [(c.rule, c.column, c.before, c.fix) for c in changes] == [
        ("encoding:span-repair", 12, "Õ†Õ«Õ¯Õ¸Õ¬", "Նիկոլ")]


def test_a_damaged_azerbaijani_word_inside_a_good_azerbaijani_line():
    damaged = "Nazirlik bu gün aldadılan ÅŸirkÉ™tlÉ™r barədə məlumat verdi."
    fixed, changes = FIX.apply(damaged, UnitContext())
    assert fixed == "Nazirlik bu gün aldadılan şirkətlər barədə məlumat verdi."
    assert [(c.rule, c.before, c.fix) for c in changes] == [
        ("encoding:span-repair", "ÅŸirkÉ™tlÉ™", "şirkətlə")]  # the 'r' it kept is not in the span


def test_a_lost_byte_several_letters_could_fill_is_reported_not_guessed():
    damaged = "ЯндекÑ.Директ — Ñто ÑиÑтема"
    fixed, changes = FIX.apply(damaged, UnitContext())
    assert fixed == damaged
    assert [(c.rule, c.kind, c.before) for c in changes] == [
        ("encoding:unrepaired", "finding", "ЯндекÑ.Директ"),
        ("encoding:unrepaired", "finding", "Ñто"),
        ("encoding:unrepaired", "finding", "ÑиÑтема"),
    ]


# Russian 'с' (D1 81) loses its second byte in cp1252: dropped, or U+FFFD in its place.
RUSSIAN_LOSSY = "Сан-Франциско рассматривает возможность"


@pytest.mark.parametrize(("errors", "fixed", "reported"), [
    # ftfy decodes what it can and leaves 'Ñ' beside Cyrillic letters: each such word is
    # reported as it came, even where ftfy changed it
    ("ignore", "Сан-ФранциÑко раÑÑматривает возможноÑть",
     ["Ð¡Ð°Ð½-Ð¤Ñ€Ð°Ð½Ñ†Ð¸ÑÐºÐ¾", "Ñ€Ð°ÑÑÐ¼Ð°Ñ‚Ñ€Ð¸Ð²Ð°ÐµÑ‚", "Ð²Ð¾Ð·Ð¼Ð¾Ð¶Ð½Ð¾ÑÑ‚ÑŒ"]),
    # ftfy turns each lead and its U+FFFD into one U+FFFD: those words are reported
    ("replace", "Сан-Франци�ко ра��матривает возможно�ть",
     ["Ð¡Ð°Ð½-Ð¤Ñ€Ð°Ð½Ñ†Ð¸Ñ\ufffdÐºÐ¾", "Ñ€Ð°Ñ\ufffdÑ\ufffdÐ¼Ð°Ñ‚Ñ€Ð¸Ð²Ð°ÐµÑ‚",
      "Ð²Ð¾Ð·Ð¼Ð¾Ð¶Ð½Ð¾Ñ\ufffdÑ‚ÑŒ"]),
])
def test_words_ftfy_leaves_short_of_a_byte_are_reported_as_they_came(errors, fixed, reported):
    damaged = RUSSIAN_LOSSY.encode().decode("cp1252", errors=errors)
    result, changes = FIX.apply(damaged, UnitContext())
    assert result == fixed
    findings = [change for change in changes if change.kind == "finding"]
    assert [change.before for change in findings] == reported
    for change in findings:
        assert damaged[change.column - 1:].startswith(change.before)  # the input's coordinates
        assert change.rule == "encoding:unrepaired"


@pytest.mark.parametrize(("line", "fixed", "reported"), [
    # cp1252 has no 8D: 'č' (C4 8D) comes out 'Ä', which 'ā', 'č', 'ď' and 'ĝ' could each
    # have been.  In a line ftfy changed, a word where it stands between small letters
    # is reported, as it came; at the start of a word a capital is no sign ('Äpfel').
    ("Výroční zpráva o činnosti.", "VýroÄní zpráva o Äinnosti.", ["VÃ½roÄnÃ\xad"]),
    ("Zpráva o činnosti.", "Zpráva o Äinnosti.", []),
])
def test_a_latin_letter_short_of_a_byte_between_small_letters_is_reported(line, fixed, reported):
    damaged = line.encode().decode("cp1252", errors="ignore")
    result, changes = FIX.apply(damaged, UnitContext())
    assert result == fixed
    findings = [change for change in changes if change.kind == "finding"]
    assert [change.before for change in findings] == reported
    assert all(change.rule == "encoding:unrepaired" for change in findings)


def test_a_sequence_ftfy_leaves_short_of_a_byte_is_reported_as_it_came():
    # '‐' is E2 80 90, and cp1252 has no 90: ftfy decodes the rest and leaves 'â€',
    # which any of five bytes cp1252 lacks could complete, inside a word.
    damaged = "Tytuł: pre‐war.".encode().decode("cp1252", errors="ignore")
    fixed, changes = FIX.apply(damaged, UnitContext())
    assert fixed == "Tytuł: preâ€war."
    assert [(c.rule, c.column, c.before) for c in changes if c.kind == "finding"] == [
        ("encoding:unrepaired", damaged.index("preâ€") + 1, "preâ€war.")]


def test_a_closing_quote_short_of_its_byte_closes_the_quotation_the_line_opened():
    # '”' is E2 80 9D, and cp1252 has no 9D; after '„' opened a quotation, it is '”'.
    damaged = "Tytuł: „Zima”.".encode().decode("cp1252", errors="ignore")
    fixed, changes = FIX.apply(damaged, UnitContext())
    assert fixed == "Tytuł: „Zima”."
    assert ("encoding:span-repair", "â€", "”") in [(c.rule, c.before, c.fix) for c in changes]


def test_a_capital_between_small_letters_in_a_line_nothing_changed_is_left_to_check():
    # Without other signs of misreading, fix-encoding does not look: 'check' reports it.
    assert FIX.apply("Istočna obala".encode().decode("cp1252", errors="ignore"),
                     UnitContext()) == ("IstoÄna obala", [])


def test_span_repair_can_be_switched_off():
    damaged = "որոնք Õ¬Õ¡ÕµÕ¶ տարածում"
    assert FIX.apply(damaged, UnitContext())[0] == "որոնք լայն տարածում"
    assert FixEncoding(EncodingConfig(span_repair=False)).apply(damaged, UnitContext()) == (
        damaged, [])


def test_no_span_repair_on_the_command_line(invoke):
    damaged = "որոնք Õ¬Õ¡ÕµÕ¶ տարածում\n".encode()
    assert invoke(["fix-encoding"], input=damaged).stdout == "որոնք լայն տարածում\n"
    assert invoke(["fix-encoding", "--no-span-repair"], input=damaged).stdout == damaged.decode()
    assert invoke(["clean", "--no-span-repair", "--steps", "fix-encoding"],
                  input=damaged).stdout == damaged.decode()


# Georgian read as cp1250 loses a byte of every letter (cp1250 has no 83): each
# could be Georgian, Ethiopic or Canadian syllabics, so only the language decides.
GEORGIAN_IN_CP1250 = "ნუშუ ჰერერო".encode().decode("cp1250", errors="ignore")


@pytest.mark.parametrize(("lang", "fixed"), [
    (None, GEORGIAN_IN_CP1250),      # no language given: left, and reported
    ("ka", "ნუშუ ჰერერო"),           # Georgian given: the one Georgian reading
    ("de", GEORGIAN_IN_CP1250),      # a Latin-script language: no Georgian reading is sure
])
def test_the_document_language_decides_a_lost_byte(lang, fixed):
    result, changes = FIX.apply(GEORGIAN_IN_CP1250, UnitContext(facts=DocumentFacts(lang=lang)))
    assert result == fixed
    rules = {change.rule for change in changes}
    assert rules == ({"encoding:span-repair"} if lang == "ka" else {"encoding:unrepaired"})


def test_lang_on_the_command_line(invoke):
    damaged = (GEORGIAN_IN_CP1250 + "\n").encode()
    assert invoke(["fix-encoding"], input=damaged).stdout == GEORGIAN_IN_CP1250 + "\n"
    assert invoke(["fix-encoding", "--lang", "ka"], input=damaged).stdout == "ნუშუ ჰერერო\n"


@pytest.mark.parametrize(
    ("word", "odd"),
    [
        ("Maddə", False), ("MaddÉ™", True),  # a letter beside a symbol
        ("Član", False), ("ÄŒlan", True),  # two capitals, then a small letter
        ("bağ", False), ("baÄŸ", True),  # a small letter, then a capital
        ("то", False), ("Ï„Î¿", True),
        ("երկրի", False), ("ХҐЦЂХЇЦЂХ«", True),  # Cyrillic letters of no one alphabet
        ("Şiddetli", False), ("Åžiddetli", True),  # Latin letters of no one alphabet
        ("ինչո՞ւ", False), ("col·lecció", False), ("Oʻzbekiston", False),
        ("¿Dónde", False), ("¡Hola!", False),  # Spanish opens with a sign
        ("dĺžka", False), ("Ĺžimali", True),  # Slovak's ĺ never begins a word
        ("20°,", False), ("1–2", False), ("–∑–∞", True),  # a digit beside a sign; a dash
    ],
)
def test_oddness(word, odd):
    assert bool(oddness(word)) is odd


# Correct words of many alphabets, in the case patterns text uses.
_ALPHABETS = [
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "абвгдђежзијклљмнњопрстћуфхцчџш", "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς", "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև",
    "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ", "abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
    "aąbcćdeęfghijklłmnńoóprsśtuwyzźż", "aábcčdďeéěfghiíjklmnňoóprřsštťuúůvwxyýzž",
    "abcčćdđefghijklmnoprsštuvzž", "aàâæbcçdeéèêëfghiîïjklmnoôœpqrstuùûüvwxyÿz",
    "aäbcdefghijklmnoöpqrsßtuüvwxyz", "aábcdeéfghiíjklmnñoópqrstuúüvwxyz",
]


# Words of three letters or more: a two-letter word of 'Р' or 'С' and a letter
# that stands for a continuation byte ('Рє', 'Сѓ') is no word of any language
# but exactly how cp1251 shows the one-letter words 'к' and 'у', and is read so.
# Real short words are golden negative cases.
@settings(max_examples=300, deadline=None)
@given(st.data())
def test_correct_words_of_every_alphabet_are_never_changed(data):
    alphabet = data.draw(st.sampled_from(_ALPHABETS))
    words = data.draw(st.lists(st.text(alphabet, min_size=3, max_size=9), min_size=1, max_size=6))
    cased = [data.draw(st.sampled_from([word, word.title(), word.upper()])) for word in words]
    text = " ".join(cased)
    # with no language given, and with the document's language of any script
    expected = data.draw(st.sampled_from([None, "Latin", "Cyrillic", "Greek", "Armenian",
                                          "Georgian"]))
    repaired = REPAIR.repair(text, expected)
    assert repaired.text == text
    assert repaired.edits == []


def test_the_committed_table_is_what_the_script_builds():
    committed = (Path(__file__).resolve().parents[3] / "corpus_tools" / "data" / TABLE_NAME)
    assert committed.read_text(encoding="utf-8") == build_text()
