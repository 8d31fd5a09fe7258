"""The catalog knows every rule id a step or a detector can emit: walked from their declarations."""

import ftfy
import ftfy.chardata
import ftfy.fixes
import pytest

from corpus_tools.catalog import CATALOG, entry_of
from corpus_tools.detectors import DETECTORS
from corpus_tools.filters.encoding.fix_encoding import _REASONS, FixEncoding, _reason
from corpus_tools.filters.fix_scripts import FixScripts
from corpus_tools.filters.unify_names import UnifyNames
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.registry import STEPS

DECLARED = sorted({(name, rule) for name, cls in STEPS.items() for rule in cls.emitted_ids()}
                  | {(name, cls.id) for name, cls in DETECTORS.items()})
# ftfy's fixers: the configuration's switches that name a function of ftfy.fixes.
FTFY_FIXERS = sorted(name for name in ftfy.TextFixerConfig._fields
                     if callable(getattr(ftfy.fixes, name, None)))


def _known(rule: str, declared) -> bool:
    family = rule.split(":", 1)[0] + ":*"
    return rule in declared or family in declared


@pytest.mark.parametrize(("source", "rule"), DECLARED)
def test_every_declared_rule_id_is_in_the_catalog(source, rule):
    assert entry_of(rule).id in CATALOG


def test_every_step_declares_ids():
    for name, cls in STEPS.items():
        assert cls.emitted_ids(), name
    assert {"name:*", "lang:undecided", "lang:foreign-span"} <= set(UnifyNames.emitted_ids())
    assert "punctuation:*" in FixScripts.emitted_ids()


@pytest.mark.parametrize("fixer", FTFY_FIXERS)
def test_every_ftfy_fixer_maps_to_a_declared_id(fixer):
    rule = _reason([ftfy.ExplanationStep("apply", fixer)])
    assert rule in FixEncoding.emitted_ids()
    entry_of(rule)


@pytest.mark.parametrize("encoding", sorted({*ftfy.chardata.CHARMAP_ENCODINGS, "utf-8",
                                             "utf-8-variants", "latin-1", "windows-1252"}))
def test_every_ftfy_codec_step_maps_to_a_declared_id(encoding):
    for action in ("encode", "decode", "transcode"):
        rule = _reason([ftfy.ExplanationStep(action, encoding)])
        assert rule in FixEncoding.emitted_ids()


def test_the_reasons_table_is_declared():
    assert {rule for _, rule in _REASONS} <= set(FixEncoding.emitted_ids())
    assert "encoding:c1-control" in FixEncoding.emitted_ids()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("l\x92homme", "encoding:c1-control"),  # ftfy's fix_c1_controls: real French
        ("caf\u00c3\u00a9", "encoding:mojibake"),
        ("Tom &amp; Jerry", "encoding:html-entity"),
        ("\x1b[31mred\x1b[0m", "encoding:terminal-escape"),
        ("e\ufb01ciency", "encoding:ligature"),
        ("a\x07b", "encoding:control-char"),
    ],
)
def test_ftfy_repairs_carry_catalogued_ids(text, rule):
    (change,) = Pipeline(["fix-encoding"], CleanConfig()).clean(text).changes
    assert change.rule == rule
    entry_of(change.rule)


def test_every_id_emitted_on_the_fixtures_is_declared_by_its_step(fixtures_dir):
    config = CleanConfig(lang="en")
    seen = set()
    for name, cls in STEPS.items():
        if name == "foreign-sentences":
            continue  # needs a language model; its one id is declared above
        pipeline = Pipeline([name], config)
        for path in fixtures_dir.glob("*.txt"):
            for line in path.read_text(encoding="utf-8", errors="surrogateescape").splitlines():
                for change in pipeline.clean(line).changes:
                    assert _known(change.rule, cls.emitted_ids()), (name, change.rule)
                    seen.add(change.rule)
    assert {"encoding:mojibake", "script:confusable", "name:Lachin"} <= seen


def test_check_and_report_run_on_a_c1_control(invoke, tmp_path):
    """Issue 27: one real French line with a C1 control stopped the gate with exit 2."""
    source = tmp_path / "fr.txt"
    source.write_bytes("l\x92homme\n".encode())
    result = invoke(["check", str(source)])
    assert result.exit_code == 1
    assert "encoding:c1-control" in result.stdout
    report = tmp_path / "report.jsonl"
    cleaned = invoke(["clean", str(source), "--report", str(report), "-o", str(tmp_path / "o")])
    assert cleaned.exit_code == 0
    assert (tmp_path / "o").read_text(encoding="utf-8") == "l’homme\n"
