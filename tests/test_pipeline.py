import pytest

from corpus_tools import Pipeline
from corpus_tools.errors import CorpusToolsError
from corpus_tools.pipeline import resolve_steps


def test_clean_returns_text_and_changes():
    result = Pipeline().clean("Azerbaijanâ€™s  border ")
    assert result.text == "Azerbaijan’s border"
    assert [change.rule for change in result.changes] == [
        "encoding:mojibake", "space:trailing", "space:collapse"
    ]


def test_clean_record_on_a_nested_field_leaves_the_input_dict_alone():
    record = {"id": 1, "meta": {"body": "cafÃ©", "lang": "fr"}}
    new, changes = Pipeline().clean_record(record, field="meta.body")
    assert new == {"id": 1, "meta": {"body": "café", "lang": "fr"}}
    assert record["meta"]["body"] == "cafÃ©"
    assert len(changes) == 1


def test_step_order_is_the_callers():
    assert resolve_steps(["normalize-space", "fix-encoding"]) == ["normalize-space", "fix-encoding"]


@pytest.mark.parametrize(("steps", "skip"), [(["nope"], []), (None, ["nope"])])
def test_unknown_steps_are_named(steps, skip):
    with pytest.raises(CorpusToolsError, match="unknown step 'nope'"):
        resolve_steps(steps, skip)


def test_a_step_may_not_add_a_line_break():
    result = Pipeline(["fix-encoding"]).clean("one&#10;two &amp; three")
    assert "\n" not in result.text
    assert result.changes == []


def test_same_output_in_another_process(tmp_path, fixtures_dir):
    import subprocess
    import sys

    text = (fixtures_dir / "news-sample.txt").read_text(encoding="utf-8")
    here = "\n".join(Pipeline().clean(line).text for line in text.split("\n"))
    script = (
        "import sys; from corpus_tools import Pipeline; p = Pipeline();"
        "t = sys.stdin.read(); sys.stdout.write('\\n'.join(p.clean(l).text for l in t.split('\\n')))"
    )
    there = subprocess.run(
        [sys.executable, "-c", script], input=text, capture_output=True, text=True,
        encoding="utf-8", check=True,
    ).stdout
    assert there == here


def test_pipeline_identifies_a_unit_on_its_own_when_a_scoped_rule_needs_it():
    pipeline = Pipeline(["unify-names"])
    english = "The talks covered the reopening of the Latchine road and the return of families."
    french = "Les négociations ont porté sur la réouverture de la route de Latchine et le retour."
    assert "Lachin road" in pipeline.clean(english).text
    assert pipeline.clean(french).text == french
    assert pipeline.clean("Latchine").text == "Latchine"  # too short to say: scoped rules wait


def test_a_pipeline_with_every_step_pickles_and_cleans_the_same():
    import pickle

    from corpus_tools.registry import STEPS

    pipeline = Pipeline(list(STEPS))
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.step_names == list(STEPS)
    text = ("The cafÃ©  reopened on the Latchine road. Les négociations reprendront la "
            "semaine prochaine à Genève, selon le ministère des affaires étrangères.")
    facts = pipeline.facts(["The talks covered the reopening of the road and its return."])
    assert copy.clean(text, facts) == pipeline.clean(text, facts)
    assert any(c.rule == "lang:foreign-sentence" for c in copy.clean(text, facts).changes)


@pytest.mark.parametrize(
    ("args", "data", "library"),
    [
        # JSONL: each record is its own document, so the 'old' record before does not count.
        (["--jsonl"], '{"text": "the \'old\' road"}\n{"text": "Baku\u055bs view"}\n',
         lambda p: p.clean_record({"text": "Baku\u055bs view"})[0]["text"]),
        # Plain text: the head's quote style decides, the same through the library.
        ([], "the 'old' road\nBaku\u055bs view\n",
         lambda p: p.clean("Baku\u055bs view", p.facts(["the 'old' road", "Baku\u055bs view"])).text),
    ],
)
def test_the_cli_and_the_library_give_the_same_bytes(invoke, args, data, library):
    out = invoke(["fix-scripts", *args], input=data.encode()).stdout
    from_library = library(Pipeline(["fix-scripts"]))
    assert from_library in out.splitlines()[1]
    assert ("Baku's view" in out) == (not args)  # straight only where the head says so


def test_every_registered_step_declares_itself():
    from corpus_tools.filters.base import Filter
    from corpus_tools.registry import RECOMMENDED_STEPS, RULE_KINDS, STEPS

    assert set(RECOMMENDED_STEPS) < set(STEPS)
    for name, cls in STEPS.items():
        assert issubclass(cls, Filter) and cls.name == name
        assert cls.rule_kind in (None, *RULE_KINDS)
    assert STEPS["foreign-sentences"].needs_language


def test_rules_test_runs_examples_through_the_pipelines_guards(invoke, tmp_path):
    rules = tmp_path / "splits.toml"
    rules.write_text('[[artifact]]\nid = "split"\npattern = \' SPLIT \'\nreplace = "\\n"\n'
                     'examples = [{ text = "a SPLIT b", expect = "a\\nb" }]\n')
    result = invoke(["rules", "test", "--no-default-rules", str(rules)])
    assert result.exit_code == 1  # clean would refuse the line break, so the example fails
    assert "got:      'a SPLIT b'" in result.stdout
