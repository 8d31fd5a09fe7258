import pytest
import regex

from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.strip_artifacts import StripArtifacts
from corpus_tools.rules.loader import load_rules
from corpus_tools.rules.model import ArtifactRule, Source

DEFAULTS = StripArtifacts(load_rules().artifacts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("called on Baku to do. TO DO.", "called on Baku to do."),
        ("The timetable [TBD].", "The timetable."),
        ("It ended. FIXME: Then it began.", "It ended. Then it began."),
        ("The timetable [TODO].", "The timetable."),
        ("[TO TRANSLATE] Le texte.", "Le texte."),
        ("the report (TBD) was late", "the report was late"),
        ("TODO", ""),
        ("things to do.", "things to do."),
        ("a to-do list", "a to-do list"),
        ("TODOS LOS DÍAS.", "TODOS LOS DÍAS."),
        ("We kept a TODO list.", "We kept a TODO list."),
    ],
)
def test_default_markers(text, expected):
    assert DEFAULTS.apply(text, UnitContext(lang="en"))[0] == expected


# Issue 27: TODO is a word of Spanish, Galician, Portuguese and Catalan ("all").
# (text, lang, expected): the marker rules are English markers.
TODO_IN_ITS_LANGUAGES = [
    ("TODO", "es", "TODO"),  # a menu's "ALL"
    ("Todo", "es", "Todo"),
    ("Seleccionar TODO", "es", "Seleccionar TODO"),
    ("Seleccionar TODO", None, "Seleccionar TODO"),  # language unknown: left
    ("Seleccionar TODO", "it", "Seleccionar TODO"),  # a headline TODO is cut only in English
    ("Mostrar (TODO)", "es", "Mostrar (TODO)"),
    ("Es así. TODO.", "gl", "Es así. TODO."),
    ("TODO: Seleccionar", "pt", "TODO: Seleccionar"),
    ("[TODO] Tot", "ca", "[TODO] Tot"),
    ("TODO", None, "TODO"),
    # and the English marker is still cut where it is one
    ("Ceasefire talks resume in Geneva TODO", "en", "Ceasefire talks resume in Geneva"),
    ("Le texte suit. TODO", "fr", "Le texte suit."),
    ("Es así. FIXME.", "es", "Es así."),  # the other markers are words of no language
]


@pytest.mark.parametrize(("text", "lang", "expected"), TODO_IN_ITS_LANGUAGES)
def test_todo_is_a_word_of_iberian_languages(text, lang, expected):
    assert DEFAULTS.apply(text, UnitContext(lang=lang))[0] == expected


@pytest.mark.parametrize("line", [b"TODO\n", b"Seleccionar TODO\n", b"Hola. TODO.\n"])
def test_spanish_todo_stays_with_lang_es(invoke, line):
    result = invoke(["clean", "--lang", "es"], input=line)
    assert result.exit_code == 0
    assert result.stdout_bytes == line


def test_report_only_rule_leaves_the_text():
    rule = ArtifactRule("x", "XX", Source("t.toml", 1), compiled=regex.compile("XX"))
    text, changes = StripArtifacts([rule]).apply("aXXb", UnitContext())
    assert text == "aXXb"
    assert (changes[0].kind, changes[0].fix, changes[0].rule) == ("finding", None, "artifact:x")


def test_a_runaway_pattern_is_stopped_and_named():
    pattern = r"(a|aa)+$"
    rule = ArtifactRule("slow", pattern, Source("slow.toml", 7), replace="",
                        compiled=regex.compile(pattern))
    with pytest.raises(CorpusToolsError, match=r"slow\.toml:7: artifact:slow: the pattern ran "
                                               r"longer than .* on a line of 61 characters"):
        StripArtifacts([rule], timeout=0.05).apply("a" * 60 + "b", UnitContext())


def test_a_rule_runs_only_on_lines_holding_one_of_its_literals():
    class Counting:
        def __init__(self, pattern):
            self.compiled = regex.compile(pattern)
            self.calls = 0

        def finditer(self, text, timeout=None):
            self.calls += 1
            return self.compiled.finditer(text, timeout=timeout)

    counting = Counting("TODO")
    rule = ArtifactRule("x", "TODO", Source("t.toml", 1), replace="", compiled=counting,
                        requires=("TODO",))
    step = StripArtifacts([rule])
    assert step.apply("nothing here", UnitContext()) == ("nothing here", [])
    assert counting.calls == 0
    assert step.apply("a TODO b", UnitContext())[0] == "a  b"
    assert counting.calls == 1


def test_the_default_rules_never_time_out_on_a_huge_line(invoke):
    line = b"The talks covered the road. " * 1_000_000 + b"It ended. TODO"
    result = invoke(["clean", "--lang", "en"], input=line + b"\n")
    assert result.exit_code == 0
    assert result.stdout_bytes.endswith(b"road. It ended.\n")


NOTES_RULE = '[[artifact]]\nid = "tn"\nstarts = "[Translator\'s note:"\nends = "]"\n'
# Issue 30, point 6: a leftover between two marks, removed as text is (one space kept between
# words), up to the first end mark after each start mark.
BETWEEN_CASES = [
    ("Tbilisi [Translator's note: Tiflis until 1936] is the capital.",
     "Tbilisi is the capital."),
    ("A [Translator's note: one] and B [Translator's note: two] met.", "A and B met."),
    ("[Translator's note: first] Text.", "Text."),
    ("Text [Translator's note: last]", "Text"),
    ("No note [here] at all.", "No note [here] at all."),
]


@pytest.mark.parametrize(("text", "expected"), BETWEEN_CASES)
def test_a_leftover_between_two_marks_is_removed(tmp_path, text, expected):
    (tmp_path / "notes.toml").write_text(NOTES_RULE, encoding="utf-8")
    strip = StripArtifacts(load_rules([tmp_path / "notes.toml"], use_defaults=False).artifacts)
    cleaned, changes = strip.apply(text, UnitContext(lang="en"))
    assert cleaned == expected
    assert all(change.rule == "artifact:tn" for change in changes)


def test_a_start_mark_without_its_end_is_left_and_reported(tmp_path):
    (tmp_path / "notes.toml").write_text(NOTES_RULE, encoding="utf-8")
    strip = StripArtifacts(load_rules([tmp_path / "notes.toml"], use_defaults=False).artifacts)
    text = "Sukhumi [Translator's note: Sokhumi in Georgian"
    cleaned, changes = strip.apply(text, UnitContext(lang="en"))
    assert cleaned == text
    assert [(c.kind, c.column, c.before, c.severity) for c in changes] == [
        ("finding", 9, "[Translator's note:", "warning")]
    assert "has no ']' after it" in changes[0].message


def test_an_unclosed_mark_after_a_closed_one_is_reported_where_it_was(tmp_path):
    (tmp_path / "notes.toml").write_text(NOTES_RULE, encoding="utf-8")
    strip = StripArtifacts(load_rules([tmp_path / "notes.toml"], use_defaults=False).artifacts)
    text = "A [Translator's note: x] B [Translator's note: y"
    cleaned, changes = strip.apply(text, UnitContext(lang="en"))
    assert cleaned == "A B [Translator's note: y"
    assert [(c.kind, c.column) for c in changes] == [("fix", 2), ("finding", 28)]


# The guide's primer: `.*` runs to the last `]` and eats the words between two notes;
# `[^\]]*` stops at the first.
@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\s*\[Note:.*\]", "A met."),
    (r"\s*\[Note:[^\]]*\]", "A and B met."),
])
def test_the_primers_greedy_and_bounded_patterns(tmp_path, pattern, expected):
    (tmp_path / "notes.toml").write_text(
        f"[[artifact]]\nid = \"note\"\npattern = '''{pattern}'''\nreplace = \"\"\n", encoding="utf-8")
    strip = StripArtifacts(load_rules([tmp_path / "notes.toml"], use_defaults=False).artifacts)
    assert strip.apply("A [Note: one] and B [Note: two] met.", UnitContext())[0] == expected


def test_many_start_marks_without_an_end_are_found_in_one_pass(tmp_path):
    (tmp_path / "notes.toml").write_text(NOTES_RULE, encoding="utf-8")
    strip = StripArtifacts(load_rules([tmp_path / "notes.toml"], use_defaults=False).artifacts,
                           timeout=0.5)
    text = "Intro] " + "[Translator's note: x " * 50_000  # every mark after the last end
    cleaned, changes = strip.apply(text, UnitContext(lang="en"))
    assert cleaned == text and len(changes) == 50_000
