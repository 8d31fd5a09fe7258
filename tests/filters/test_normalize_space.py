import pytest

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.normalize_space import NormalizeSpace

NBSP, NNBSP, ZWSP, ZWNJ, ZWJ, SHY, BOM = "\u00a0", "\u202f", "\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff"


def normalize(text):
    return NormalizeSpace().apply(text, UnitContext())


@pytest.mark.parametrize(
    ("before", "after", "rules"),
    [
        (f"{NBSP} \t{NBSP}", "", ["space:blank-line"]),
        ("   ", "", ["space:blank-line"]),
        ("end of line.  \t", "end of line.", ["space:trailing"]),
        (f"end{NBSP}{ZWSP}", "end", ["space:trailing"]),
        (f"two{NBSP}words", "two words", ["space:odd-space"]),
        ("two\u2009thin\u2003em", "two thin em", ["space:odd-space", "space:odd-space"]),
        ("too   many  spaces", "too many spaces", ["space:collapse", "space:collapse"]),
        (f"mixed {NBSP} run", "mixed run", ["space:odd-space"]),
        (f"zero{ZWSP}width", "zerowidth", ["space:zero-width"]),
        (f"inner{BOM}bom", "innerbom", ["space:bom"]),
        (f"re{SHY}pairs", "repairs", ["space:soft-hyphen"]),
    ],
)
def test_repairs(before, after, rules):
    text, changes = normalize(before)
    assert text == after
    assert [change.rule for change in changes] == rules


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A clean line.",
        "    indented code stays indented",
        f"{NBSP}{NBSP}leading NBSP is indentation",
        "tab\tseparated\tstays",
        f"Bonjour{NBSP}! Ça va{NNBSP}? Oui{NBSP}: «{NNBSP}bien{NNBSP}»",
        f"Il a dit «{NBSP}non{NBSP}»{NBSP};",
        f"10{NBSP}000 habitants et 2{NNBSP}500 euros",
        f"می{ZWNJ}خواهم",
        f"👩{ZWJ}💻 emoji sequence",
        "東京\u3000大阪",
        f"{SHY}soft hyphen not inside a word {SHY} stays{SHY}",
    ],
)
def test_keeps(text):
    assert normalize(text) == (text, [])


def test_columns_point_into_the_input():
    _, changes = normalize(f"ab  cd{NBSP}ef")
    assert [(c.column, c.before, c.fix) for c in changes] == [(3, "  ", " "), (7, NBSP, " ")]


NBSP, NNBSP = "\u00a0", "\u202f"


# Issue 10: a language's typography stays. (text, lang, expected)
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (f"le 23{NBSP}novembre 1984", "fr", f"le 23{NBSP}novembre 1984"),
        (f"publié au{NBSP}Journal officiel", "fr", f"publié au{NBSP}Journal officiel"),
        (f"le décret n°{NBSP}84-1027", None, f"le décret n°{NBSP}84-1027"),
        (f"« Bonjour{NNBSP}», dit-il{NNBSP}; puis", None, f"« Bonjour{NNBSP}», dit-il{NNBSP}; puis"),
        (f"a road 10{NBSP}km long", "en", f"a road 10{NBSP}km long"),
        (f"10{NBSP}000 people", "en", f"10{NBSP}000 people"),
        (f"die Straße{NBSP}nach Berlin", "de", "die Straße nach Berlin"),
        (f"The{NBSP}road is open", "en", "The road is open"),
        (f"Voil\u00c3{NBSP} tout", "en", f"Voil\u00c3{NBSP} tout"),  # mojibake of à: evidence kept
    ],
)
def test_typography_of_the_units_language_stays(text, lang, expected):
    assert NormalizeSpace().apply(text, UnitContext(lang=lang))[0] == expected


def test_french_no_break_spaces_survive_clean_when_the_document_is_french(invoke):
    text = ("Le gouvernement a publié le décret au Journal officiel de la République française.\n"
            f"Il entre en vigueur au{NBSP}printemps, selon le ministère.\n")
    assert invoke(["clean"], input=text.encode()).stdout == text


# Issue 27: real translated text. (text, lang): lines that must come out as they went in.
KEPT_IN_REAL_TEXT = [
    # zero-width spaces are the word boundaries of scripts written without spaces
    (f"ឯកសារ{ZWSP}នេះ{ZWSP}មិន{ZWSP}មាន", None),  # Khmer
    (f"ဖိုင်{ZWSP}ကို{ZWSP}ဖွင့်", "my"),  # Myanmar
    (f"ไฟล์{ZWSP}นี้", None),  # Thai
    (f"ໄຟລ໌{ZWSP}ນີ້", None),  # Lao
    (f"ཡིག་ཆ{ZWSP}འདི", None),  # Tibetan
    (f"%s{ZWSP}ឯកសារ", None),  # between a placeholder and a Khmer word
    # no-break spaces after one-letter words: Czech, Slovak, Polish typesetting
    (f"Soubor v{NBSP}adresáři k{NBSP}dispozici", "cs"),
    (f"Soubor v{NBSP}adresáři a{NBSP}jinde", None),
    (f"Plik w{NBSP}katalogu i{NBSP}poza nim", "pl"),
    (f"Súbor v{NBSP}priečinku", "sk"),
    # between a number or placeholder and its unit or noun
    (f"%(count)s{NBSP}minutes", "en"),
    (f"%d{NBSP}files", None),
    (f"{{0}}{NBSP}files", None),
    (f"Il y a %(count)s{NNBSP}minutes", None),
    (f"№{NBSP}%d", None),
    # French and its units (issue 10) still
    (f"le 23{NBSP}novembre", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), KEPT_IN_REAL_TEXT)
def test_typography_of_real_text_stays(text, lang):
    assert NormalizeSpace().apply(text, UnitContext(lang=lang)) == (text, [])


REPAIRED_STILL = [
    (f"zero{ZWSP}width", "zerowidth"),  # Latin text: an invisible leftover
    (f"Ереван{ZWSP}Баку", "ЕреванБаку"),
    (f"die Straße{NBSP}nach Berlin", "die Straße nach Berlin"),  # no typography keeps it
    (f"Soubor ve{NBSP}složce", "Soubor ve složce"),  # two letters: not the one-letter rule
    (f"percent%{NBSP}done", "percent% done"),  # a bare % is no placeholder
]


@pytest.mark.parametrize(("text", "expected"), REPAIRED_STILL)
def test_other_invisible_and_odd_spaces_are_still_repaired(text, expected):
    assert normalize(text)[0] == expected


# Issue 27, second round: indentation after a line break inside a record (a JSON example
# in a message) or after a left-to-right mark stays; runs inside the line still collapse.
@pytest.mark.parametrize(("text", "expected"), [
    ('{\n  "toolbar": [\n    {\n      "name": "refresh",', '{\n  "toolbar": [\n    {\n      "name": "refresh",'),
    ("\u200e    ],\u200e", "\u200e    ],\u200e"),
    ("שורה\r\n\u200f  המשך", "שורה\r\n\u200f  המשך"),
    ('{\n  "name":  "refresh"', '{\n  "name": "refresh"'),
    ("\u200eone  two", "\u200eone two"),
])
def test_indentation_inside_a_unit_stays(text, expected):
    assert normalize(text)[0] == expected
