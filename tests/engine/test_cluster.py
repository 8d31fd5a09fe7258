"""``--engine dask``: a real ``distributed.LocalCluster`` with two worker processes writes the
bytes, reports and statistics of a local run (issue 12, point 5)."""

import gzip
import io
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings

from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.stream.formats import JsonlFormat, TextFormat

distributed = pytest.importorskip("distributed")  # the test extra installs it

from tests.engine.test_local import documents  # noqa: E402


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    assert len(cluster.workers) == 2
    yield cluster.scheduler_address
    cluster.close()


def _run(tmp_path, name, data, record_format, **options):
    source = tmp_path / name
    source.write_bytes(data)
    tag = "dask" if options.get("engine") == "dask" else "local"
    out, report = tmp_path / f"out-{tag}-{name}", tmp_path / f"report-{tag}.jsonl"
    stderr = io.StringIO()
    pipeline = Pipeline(config=CleanConfig(languages=("en", "fr")))
    Runner(pipeline, RunOptions(record_format=record_format, output=str(out), report=str(report),
                                stats=True, chunk_bytes=60, on_bad_record="pass", **options),
           stderr=stderr).run([str(source)])
    return out.read_bytes(), report.read_bytes(), stderr.getvalue()


NEWS = ("The cafÃ©  is open.\nLe corridor de Latchine est fermé.\nLatchine road\r\n"
        "Аzerbaijan said TO DO. that the the road reopened\n") * 40


@pytest.mark.parametrize(
    ("name", "data", "record_format"),
    [
        ("plain.txt", NEWS.encode(), TextFormat()),
        ("records.jsonl", "".join(json.dumps({"id": n, "text": line}) + "\n"
                                  for n, line in enumerate(NEWS.splitlines())).encode(),
         JsonlFormat("text")),
        ("plain.txt.gz", gzip.compress(NEWS.encode(), mtime=0), TextFormat()),
    ],
    ids=["plain", "jsonl", "gzip"],
)
def test_a_cluster_writes_the_bytes_of_a_local_run(tmp_path, scheduler, name, data, record_format):
    local = _run(tmp_path, name, data, record_format)
    dask = _run(tmp_path, name, data, record_format, engine="dask", scheduler=scheduler)
    assert dask == local
    assert b"Lachin" in (gzip.decompress(local[0]) if name.endswith(".gz") else local[0])


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_any_document_gives_the_same_bytes_on_a_cluster(tmp_path, scheduler, document):
    fmt, data = document
    record_format = {"text": TextFormat(), "jsonl": JsonlFormat("text")}.get(fmt)
    if record_format is None:
        return  # TSV is covered by -j's property test; the path is the same
    assert _run(tmp_path, "doc.txt", data, record_format, engine="dask", scheduler=scheduler) \
        == _run(tmp_path, "doc.txt", data, record_format)


def test_the_cli_starts_its_own_local_cluster(invoke, tmp_path):
    source = tmp_path / "news.txt"
    source.write_bytes(NEWS.encode())
    local = invoke(["clean", "--lang", "en", "--stats", str(source)])
    dask = invoke(["clean", "--lang", "en", "--stats", "--engine", "dask", "-j", "2", str(source)])
    assert dask.exit_code == local.exit_code == 0
    assert (dask.stdout_bytes, dask.stderr) == (local.stdout_bytes, local.stderr)


def test_scheduler_needs_the_dask_engine(invoke):
    result = invoke(["clean", "--scheduler", "tcp://127.0.0.1:8786"], input=b"x\n")
    assert result.exit_code == 2 and "--scheduler goes with --engine dask" in result.stderr


def test_fsspec_urls_in_and_out(invoke, scheduler):
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    memory.pipe("/corpus/news.txt.gz", gzip.compress(NEWS.encode(), mtime=0))
    local = invoke(["clean", "--lang", "en", "memory://corpus/news.txt.gz",
                    "-o", "memory://out/local.txt"])
    dask = invoke(["clean", "--lang", "en", "--engine", "dask", "--scheduler", scheduler,
                   "memory://corpus/news.txt.gz", "-o", "memory://out/dask.txt"])
    assert local.exit_code == dask.exit_code == 0
    assert memory.cat("/out/dask.txt") == memory.cat("/out/local.txt")
    assert b"Lachin road" in memory.cat("/out/local.txt")
    missing = invoke(["clean", "memory://corpus/none.txt"])
    assert missing.exit_code == 2
    assert missing.stderr == "corpus-tools: error: memory://corpus/none.txt: no such file\n"
