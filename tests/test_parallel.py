"""``check``, ``detect-lang`` and ``rules suggest`` run through the one executor: ``-j 2`` and
``--engine dask``, in many small chunks, give the bytes of ``-j 1`` in one chunk (``clean``'s
own tests: tests/engine/test_local.py and test_cluster.py)."""

import io
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings

from corpus_tools.detectors import DETECTORS
from corpus_tools.language.detector import LanguageDetector
from corpus_tools.language.units import LanguageDecider
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.report.findings import reporter
from corpus_tools.rules.loader import load_rules
from corpus_tools.stream.formats import JsonlFormat, TextFormat, TsvFormat
from corpus_tools.tasks.check import Checker, CheckOptions
from corpus_tools.tasks.language import LanguageOptions, NameMasker, detect_languages
from corpus_tools.tasks.suggest import Collector
from tests.engine.test_local import documents

_FORMATS = {"text": TextFormat(), "jsonl": JsonlFormat("text"), "tsv": TsvFormat([2])}
_SMALL = {"chunk_bytes": 40}  # many chunks, cut at every kind of place
_PROPERTY = settings(max_examples=10, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")  # the test extra installs it
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


def _source(tmp_path, data):
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    return str(path)


def _check(tmp_path, fmt, data, **executor):
    pipeline = Pipeline(config=CleanConfig(languages=("en", "fr")))
    detectors = [cls.build(load_rules()) for cls in DETECTORS.values()]
    checker = Checker(pipeline, detectors, CheckOptions(
        _FORMATS[fmt], on_bad_record="pass", **executor))
    text, as_json = io.StringIO(), io.StringIO()
    out_text, out_json = reporter("text", text), reporter("json", as_json)
    for finding, _ in checker.run([_source(tmp_path, data)]):
        out_text.take(finding)
        out_json.take(finding)
    out_text.finish()
    out_json.finish()
    return text.getvalue(), as_json.getvalue(), checker.summary.describe()


def _detect(tmp_path, fmt, data, **executor):
    decider = LanguageDecider(LanguageDetector(languages=("en", "fr", "ru")))
    unit = "paragraph" if fmt == "text" else "line"
    options = LanguageOptions(_FORMATS[fmt], unit, "pass", masker=NameMasker(), **executor)
    out = io.BytesIO()
    detect_languages([_source(tmp_path, data)], decider, options, out)
    return out.getvalue()


def _suggest(tmp_path, fmt, data, lang=None, **executor):
    collector = Collector(lang, None if lang else LanguageDetector(languages=("en", "fr", "ru")))
    collector.read_all([_source(tmp_path, data)], _FORMATS[fmt], "pass", **executor)
    return collector.lines, json.dumps(
        [(s.form, s.count, s.mid_sentence, list(s.langs.items()), s.contexts)
         for s in collector.spellings.values()], ensure_ascii=False)


@_PROPERTY
@given(documents())
def test_check_with_two_jobs_reports_what_one_process_reports(tmp_path, document):
    fmt, data = document
    assert _check(tmp_path, fmt, data, jobs=2, **_SMALL) == _check(tmp_path, fmt, data)


@_PROPERTY
@given(documents())
def test_detect_lang_with_two_jobs_writes_the_bytes_of_one(tmp_path, document):
    fmt, data = document
    assert _detect(tmp_path, fmt, data, jobs=2, **_SMALL) == _detect(tmp_path, fmt, data)


@_PROPERTY
@given(documents())
def test_rules_suggest_with_two_jobs_counts_what_one_process_counts(tmp_path, document):
    fmt, data = document
    one = _suggest(tmp_path, fmt, data)
    assert _suggest(tmp_path, fmt, data, jobs=2, **_SMALL) == one
    assert one[0] == data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + (
        not data.endswith((b"\n", b"\r")))  # every line counted once


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_check_on_a_cluster_reports_what_one_process_reports(tmp_path, scheduler, document):
    fmt, data = document
    assert _check(tmp_path, fmt, data, engine="dask", scheduler=scheduler, **_SMALL) == \
        _check(tmp_path, fmt, data)


NEWS = ("The road to Latchine reopened, officials said.\nLe corridor de Latchine est fermé.\n"
        "The cafÃ©  is open in Stepanakert.\n\nPashinyan met Pachinian's advisers.\n") * 12


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_detect_lang_and_rules_suggest_on_a_cluster(tmp_path, scheduler, fmt):
    data = NEWS.encode() if fmt == "text" else "".join(
        json.dumps({"text": line}) + "\n" for line in NEWS.splitlines()).encode()
    on_cluster = {"engine": "dask", "scheduler": scheduler, **_SMALL}
    assert _detect(tmp_path, fmt, data, **on_cluster) == _detect(tmp_path, fmt, data)
    counted = _suggest(tmp_path, fmt, data)
    assert _suggest(tmp_path, fmt, data, **on_cluster) == counted
    assert '"Latchine", 24' in counted[1]


def test_the_commands_take_jobs_and_the_dask_engine(invoke, tmp_path, scheduler, fixtures_dir):
    source = str(fixtures_dir / "news-sample.txt")
    for command in (["check"], ["detect-lang"], ["rules", "suggest", "--min-count", "1"]):
        one = invoke([*command, source])
        two = invoke([*command, "-j", "2", source])
        dask = invoke([*command, "--engine", "dask", "--scheduler", scheduler, source])
        assert (two.exit_code, two.stdout_bytes, two.stderr) == \
            (one.exit_code, one.stdout_bytes, one.stderr), command
        assert (dask.exit_code, dask.stdout_bytes) == (one.exit_code, one.stdout_bytes), command
        assert one.stdout_bytes
        refused = invoke([*command, "--scheduler", scheduler, source])
        assert refused.exit_code == 2 and "--scheduler goes with --engine dask" in refused.stderr
