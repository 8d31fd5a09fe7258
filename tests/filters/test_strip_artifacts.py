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
    assert DEFAULTS.apply(text, UnitContext())[0] == expected


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
