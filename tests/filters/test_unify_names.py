import json
import unicodedata

import pytest

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.unify_names import UnifyNames
from corpus_tools.rules.model import NameRule, Source, Spelling

S = Source("t.toml", 1)
RULES = [
    NameRule("Lachin", ("Latchine", "Laçın"), S, keep=("Latchine Street",)),
    NameRule("Nagorno-Karabakh", ("Nagorno Karabakh", "Karabakh region of Nagorno"), S),
    NameRule("Aliyev", ("Aliev",), S),
    NameRule("Dmitry Peskov", ("Dmitry Pskov",), S),
    NameRule("Pskov-City", ("Pskov",), S, lang=("xx",)),
    NameRule("Shusha", ("Shushi", "Şuşa"), S, keep=("Shusha (Shushi)",)),
    NameRule("Stepanakert", ("Степанакерт",), S),
    NameRule("Yerevan", ("erevan",), S, ignore_case=True),
    NameRule("Fuzuli", ("Fizouli",), S, fix="suggest"),
    NameRule("Karabakh2", ("Karabakh",), S, lang=("en",)),
]
STEP = UnifyNames(RULES)


def unify(text, lang=None):
    return STEP.apply(text, UnitContext(lang=lang))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("the Latchine corridor", None, "the Lachin corridor"),
        ("Latchine's road", None, "Lachin's road"),
        ("LATCHINE", None, "LACHIN"),
        ("latchine", None, "latchine"),  # case-sensitive: only as written or ALL CAPS
        ("Laçın", None, "Lachin"),
        ("on Latchine Street", None, "on Latchine Street"),
        ("Mrs Alieva", None, "Mrs Alieva"),
        ("Aliev2", None, "Aliev2"),
        ("Nagorno\u00a0Karabakh", None, "Nagorno-Karabakh"),
        ("Nagorno \t Karabakh", None, "Nagorno-Karabakh"),
        ("Nagorno-Karabakh", "en", "Nagorno-Karabakh"),  # canonical protects its inside
        ("Dmitry Pskov and Pskov", "xx", "Dmitry Peskov and Pskov-City"),  # leftmost-longest
        ("Shusha (Shushi)", None, "Shusha (Shushi)"),
        ("the Shushi fortress", None, "the Shusha fortress"),
        ("ŞUŞA", None, "SHUSHA"),
        ("Степанакерт", None, "Stepanakert"),
        ("ЕРЕВАНСКИЙ", None, "ЕРЕВАНСКИЙ"),
        ("EREVAN and Erevan and erevan", None, "YEREVAN and Yerevan and yerevan"),
        ("the Karabakh war", None, "the Karabakh war"),  # scoped: language unknown
        ("the Karabakh war", "en", "the Karabakh2 war"),
        ("the Karabakh war", "fr", "the Karabakh war"),
    ],
)
def test_unify(text, lang, expected):
    assert unify(text, lang)[0] == expected


def test_line_break_never_matches_a_space():
    assert unify("Nagorno\nKarabakh")[0] == "Nagorno\nKarabakh"


def test_suggest_reports_but_leaves_the_text():
    text, changes = unify("in Fizouli")
    assert text == "in Fizouli"
    assert [(c.rule, c.fix, c.kind) for c in changes] == [("name:Fuzuli", "Fuzuli", "suggestion")]


def test_change_records_carry_the_rule_id_and_column():
    _, changes = unify("to Latchine")
    assert [(c.rule, c.column, c.before, c.fix) for c in changes] == [
        ("name:Lachin", 4, "Latchine", "Lachin")
    ]


def test_turkic_capitals_follow_the_text_language():
    step = UnifyNames([NameRule("Fizuli-İl", ("Fuzuli-il",), S)])
    assert step.apply("FUZULI-IL", UnitContext(lang="az"))[0] == "FİZULİ-İL"
    # English capitals of a canonical that itself has İ keep it as written.
    assert step.apply("FUZULI-IL", UnitContext(lang="en"))[0] == "FIZULI-İL"


# Say why, every time (issue 30, point 3): each spelling left as written is a finding.
GEORGIA = [
    NameRule("Kutaisi", ("Kutaissi",), S, lang=("en",)),
    NameRule("Zurabishvili", ("Zourabichvili",), S, keep=("Salomé Zourabichvili",)),
    NameRule("Tbilisi", ("Tiflis", "Tbilissi"), S, fix="suggest",
             suggest=(), spellings=(Spelling("Tiflis", "info", "historical name"),)),
    NameRule("Batumi", ("Batoumi",), S, not_after=("tanker",)),
    NameRule("Sokhumi", ("Sukhumi",), S, suggest=("Suchumi",)),
]
GEORGIA_STEP = UnifyNames(GEORGIA)


def findings(text, context):
    return [(c.rule, c.column, c.before, c.kind, c.severity, c.message)
            for c in GEORGIA_STEP.apply(text, context)[1]]


def test_a_variant_skipped_for_the_lines_language_says_the_language_and_score():
    found = findings("Kutaissi est loin.", UnitContext(detect=lambda evidence=None: ("fr", 0.93)))
    assert found == [("lang:skipped", 1, "Kutaissi", "finding", None,
                      "name:Kutaisi is for en; the line is fr (identified, score 0.93), so "
                      "'Kutaissi' is left as written")]


@pytest.mark.parametrize(
    ("context", "how"),
    [
        (UnitContext(lang="de"), "de (given)"),
        (UnitContext(detect=lambda evidence=None: ("de", 0.0)), "de (taken from its paragraph or document)"),
    ],
)
def test_a_skipped_variant_says_where_its_language_came_from(context, how):
    [(rule, *_, message)] = findings("nach Kutaissi", context)
    assert rule == "lang:skipped" and f"the line is {how}," in message


def test_an_undecided_line_stays_undecided_not_skipped():
    found = findings("Kutaissi", UnitContext(detect=lambda evidence=None: None))
    assert [f[0] for f in found] == ["lang:undecided"]


def test_a_keep_phrase_names_itself_in_a_kept_finding():
    text, changes = GEORGIA_STEP.apply("President Salomé Zourabichvili said", UnitContext())
    assert text == "President Salomé Zourabichvili said"
    assert [(c.rule, c.column, c.before, c.kind) for c in changes] == [
        ("name:kept", 18, "Zourabichvili", "finding")]
    assert "inside the keep phrase 'Salomé Zourabichvili' (name:Zurabishvili)" in changes[0].message


def test_a_context_word_names_itself_in_a_kept_finding():
    text, changes = GEORGIA_STEP.apply("the tanker Batoumi sailed", UnitContext())
    assert text == "the tanker Batoumi sailed"
    assert [(c.rule, c.before, c.message) for c in changes] == [
        ("name:kept", "Batoumi", "name:Batumi: 'Batoumi' left as written after 'tanker' (not_after)")]


def test_kept_and_fixed_spellings_on_one_line():
    text, changes = GEORGIA_STEP.apply("Zourabichvili and Salomé Zourabichvili", UnitContext())
    assert text == "Zurabishvili and Salomé Zourabichvili"
    assert [(c.rule, c.kind) for c in changes] == [("name:Zurabishvili", "fix"),
                                                   ("name:kept", "finding")]


@pytest.mark.parametrize(
    ("text", "severity", "message"),
    [
        ("old Tiflis", "info", "historical name"),  # the spelling's own severity and note
        ("in Tbilissi", None, None),  # a plain spelling of the same rule: the rule's
        ("in Suchumi", None, None),  # the plain string form still works
    ],
)
def test_report_only_spellings_carry_their_own_severity_and_note(text, severity, message):
    out, changes = GEORGIA_STEP.apply(text, UnitContext())
    assert out == text
    assert [(c.kind, c.severity, c.message) for c in changes] == [("suggestion", severity, message)]


# Canonical equivalence (issue 30, point 5): decomposed accents (macOS, PDFs) match as composed.
def nfd(text):
    return unicodedata.normalize("NFD", text)


EQUIVALENT = UnifyNames([
    NameRule("South Ossetia", ("Süd-Ossetien", "Ossétie du Sud"), S),
    NameRule("Zurabishvili", ("Zourabichvili",), S, keep=("Salomé Zourabichvili",)),
    NameRule("Kyiv", ("Kiev",), S, not_after=("François",), not_before=("Égalité",)),
    NameRule("Südossetien", ("Sued-Ossetien",), S),
    NameRule("Abkhazia", ("Abkhazie",), S, keep=(nfd("Abkhazie é"),)),  # a rule written in NFD
])


@pytest.mark.parametrize(
    ("text", "expected", "rules"),
    [
        ("in Süd-Ossetien", "in South Ossetia", ["name:South Ossetia"]),
        ("SÜD-OSSETIEN", "SOUTH OSSETIA", ["name:South Ossetia"]),  # capitals, decomposed
        ("l’Ossétie du Sud", "l’South Ossetia", ["name:South Ossetia"]),
        ("Salomé Zourabichvili", "Salomé Zourabichvili", ["name:kept"]),
        ("François Kiev", "François Kiev", ["name:kept"]),
        ("Kiev Égalité", "Kiev Égalité", ["name:kept"]),
        ("Abkhazie é", "Abkhazie é", ["name:kept"]),
        ("Süd-Ossetiens", "Süd-Ossetiens", []),  # still whole words only
    ],
)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_names_keeps_and_context_words_match_in_any_normalization(text, expected, rules, form):
    given = unicodedata.normalize(form, text)
    out, changes = EQUIVALENT.apply(given, UnitContext())
    assert unicodedata.normalize("NFC", out) == expected
    assert [c.rule for c in changes] == rules
    assert all(given[c.column - 1 : c.end - 1] == c.before for c in changes)  # input coordinates


def test_unmatched_text_keeps_its_bytes_and_a_decomposed_line_gets_decomposed_names():
    given = nfd("Café in Sued-Ossetien and Süd-Ossetien, née")
    out, changes = EQUIVALENT.apply(given, UnitContext())
    assert out == nfd("Café in Südossetien and South Ossetia, née")
    assert [(c.column, c.before) for c in changes] == [
        (len(nfd("Café in ")) + 1, "Sued-Ossetien"),
        (len(nfd("Café in Sued-Ossetien and ")) + 1, nfd("Süd-Ossetien"))]


def test_a_decomposed_mark_that_is_not_the_names_does_not_match():
    assert EQUIVALENT.apply("in Su\u0323d-Ossetien", UnitContext())[1] == []  # ụ, not ü


def test_the_screen_passes_decomposed_lines():
    screen = EQUIVALENT.screen()
    assert "\u0308" in screen.chars and "\u0301" in screen.chars


def test_a_composed_line_gets_composed_names():
    assert EQUIVALENT.apply("Sued-Ossetien", UnitContext())[0] == "Südossetien"


@pytest.mark.parametrize("args", [[], ["--jsonl"]])
def test_decomposed_input_is_unified_through_the_command_line(invoke, tmp_path, args):
    rules = tmp_path / "georgia.toml"
    rules.write_text('[[name]]\ncanonical = "South Ossetia"\nvariants = ["Süd-Ossetien"]\n\n'
                     '[[name]]\ncanonical = "Zurabishvili"\nvariants = ["Zourabichvili"]\n'
                     'keep = ["Salomé {variant}"]\nnot_after = ["François"]\n', encoding="utf-8")
    lines = [nfd("Süd-Ossetien, said Salomé Zourabichvili."),
             nfd("Zourabichvili met François Zourabichvili."), nfd("In Süd-Ossetien.")]
    expected = [nfd("South Ossetia, said Salomé Zourabichvili."),
                nfd("Zurabishvili met François Zourabichvili."), nfd("In South Ossetia.")]
    if args:
        lines, expected = ([json.dumps({"text": line}) for line in group] for group in (lines, expected))
    result = invoke(["clean", "--isolated", "--rules", str(rules), "--steps", "unify-names", *args],
                    input=("\n".join(lines) + "\n").encode())
    assert result.stdout_bytes == ("\n".join(expected) + "\n").encode()
