"""``-j N`` gives the bytes, reports and statistics of ``-j 1`` (issue 12, point 3)."""

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.stream.formats import JsonlFormat, TextFormat, TsvFormat

_TEXT = st.sampled_from(["The cafÃ©  is open.", "Latchine road", "plain", "", "Аzerbaijan",
                         "the the", "a\u00a0b ", "TO DO.", "Le corridor de Latchine est fermé.",
                         "bad \udcff\udcfe byte", "Baku\u055bs view", "x\u2028y"])
_ENDING = st.sampled_from(["\n", "\r\n", "\r"])


def _line(fmt: str, text: str) -> str:
    if fmt == "jsonl":
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\u2028", "\\u2028")
        return '{"id": 1, "text": "' + escaped + '"}'
    if fmt == "tsv":
        return f"7\t{text}\tright"
    return text


@st.composite
def documents(draw):
    fmt = draw(st.sampled_from(["text", "jsonl", "tsv"]))
    lines = draw(st.lists(st.tuples(_TEXT, _ENDING), min_size=1, max_size=30))
    body = "".join(_line(fmt, text) + ending for text, ending in lines)
    data = body.encode("utf-8", "surrogateescape")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.booleans()) and data.endswith(b"\n"):
        data = data[:-1]  # no final ending
    return fmt, data


def _run(tmp_path, fmt, data, jobs):
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    out, report = tmp_path / f"out{jobs}.txt", tmp_path / f"report{jobs}.jsonl"
    record_format = {"text": TextFormat(), "jsonl": JsonlFormat("text"),
                     "tsv": TsvFormat([2])}[fmt]
    stderr = io.StringIO()
    pipeline = Pipeline(config=CleanConfig(languages=("en", "fr")))
    Runner(pipeline, RunOptions(record_format=record_format, output=str(out), report=str(report),
                                stats=True, jobs=jobs, chunk_bytes=40, on_bad_record="pass"),
           stderr=stderr).run([str(source)])
    return out.read_bytes(), report.read_bytes(), stderr.getvalue()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_two_jobs_give_the_bytes_reports_and_statistics_of_one(tmp_path, document):
    fmt, data = document
    assert _run(tmp_path, fmt, data, 2) == _run(tmp_path, fmt, data, 1)


def test_jobs_through_the_cli(invoke, tmp_path, fixtures_dir):
    data = (fixtures_dir / "news-sample.txt").read_bytes() * 50
    one = invoke(["clean", "--stats"], input=data)
    two = invoke(["clean", "--stats", "-j", "2"], input=data)
    assert (two.stdout_bytes, two.stderr) == (one.stdout_bytes, one.stderr)
    assert invoke(["clean", "-j", "0"], input=data).stdout_bytes == one.stdout_bytes


def test_a_bad_record_in_a_worker_is_the_same_one_line_error(invoke):
    data = b'{"text": "a"}\n' * 100 + b"not json\n"
    one = invoke(["clean", "--jsonl"], input=data)
    two = invoke(["clean", "--jsonl", "-j", "2"], input=data)
    assert (two.exit_code, two.stderr) == (one.exit_code, one.stderr) == (
        2, "corpus-tools: error: <stdin>:101: not valid JSON (Expecting value at column 1)\n")


def test_a_chunk_cleans_as_its_lines_do_when_a_later_line_reads_the_paragraph():
    # Line 2 asks for its paragraph's language only after line 1 is cleaned: the
    # paragraph must still hold line 1's text (found by the Dask property test).
    import pickle

    from corpus_tools.engine.documents import LineChunk
    from corpus_tools.engine.work import (
        clean_chunk,
        clean_lines,
        document_facts,
        take_head,
        with_paragraphs,
    )
    from corpus_tools.stream.lines import split_lines
    from corpus_tools.stream.records import parse_lines

    data = "Le corridor de Latchine est fermé.\nLatchine road\nThe cafÃ©  is open.\n".encode()
    pipeline = Pipeline(config=CleanConfig(languages=("en", "fr")))

    def lines():
        return list(parse_lines(split_lines(io.BytesIO(data)), TextFormat(), "in"))

    facts = document_facts(pipeline, take_head(iter(lines()))[0], TextFormat())
    expected = [result.new_text for result in clean_lines(
        pipeline, with_paragraphs(pipeline, lines(), TextFormat()), facts, "in", TextFormat())]
    # As a worker receives it: pickled, so its lines are parsed again there.
    chunk = pickle.loads(pickle.dumps(LineChunk([(line, None) for line in lines()], facts, "in",
                                                TextFormat())))
    assert chunk.travelled
    assert [result.new_text for result in clean_chunk(pipeline, chunk)] == expected
    assert expected[1] is None  # the French paragraph leaves the line undecided
