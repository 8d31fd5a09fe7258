"""The stream's invariants, through the command line."""

import bz2
import gzip
import io
import lzma
import os
import stat
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpus_tools.cli import cli
from corpus_tools.stream.lines import split_lines
from corpus_tools.stream.opener import compression_of
from corpus_tools.stream.records import wide_encoding

DAMAGED = "The cafÃ©  is open.  ".encode()
REPAIRED = "The café is open.".encode()


def test_untouched_lines_are_byte_identical(invoke):
    data = b"\xef\xbb\xbfclean first\r\n" + DAMAGED + b"\r\nbad \xff\xfe bytes\rlast"
    result = invoke(["clean"], input=data)
    assert result.exit_code == 0
    assert result.stdout_bytes == (
        b"\xef\xbb\xbfclean first\r\n" + REPAIRED + b"\r\nbad \xff\xfe bytes\rlast"
    )


def test_bom_stays_when_the_first_line_changes(invoke):
    result = invoke(["clean"], input=b"\xef\xbb\xbf" + DAMAGED + b"\n")
    assert result.stdout_bytes == b"\xef\xbb\xbf" + REPAIRED + b"\n"


def test_separators_inside_a_line_never_split_it(invoke):
    line = "one\u2028two\u2029three\x85four\x1c\x1d\x1e\x0b\x0cfive".encode()
    result = invoke(["normalize-space"], input=line + b"\n" + line)
    assert result.stdout_bytes.count(b"\n") == 1
    assert result.stdout_bytes == line + b"\n" + line


def test_an_html_line_break_entity_is_refused_not_split(invoke):
    result = invoke(["fix-encoding"], input=b"a&#10;b &amp; c\nnext\n")
    assert result.stdout_bytes.count(b"\n") == 2


# Lines mixing clean text, damage and raw bytes, joined by any ending.
_LINE = st.sampled_from(
    [b"", b"plain", DAMAGED, b"\xff\xfe\x80", " \u00a0 ".encode(), "x\u2028y".encode(),
     b"\xef\xbb\xbf", b"tab\there", "é".encode()[:1]]
)
_ENDING = st.sampled_from([b"\n", b"\r\n", b"\r"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_LINE, _ENDING), max_size=8), _LINE)
def test_line_n_out_is_line_n_in(invoke, body, last):
    data = b"".join(line + ending for line, ending in body) + last
    out = invoke(["clean"], input=data).stdout_bytes
    lines_in = list(split_lines(io.BytesIO(data)))
    lines_out = list(split_lines(io.BytesIO(out)))
    assert len(lines_out) == len(lines_in)
    for before, after in zip(lines_in, lines_out, strict=True):
        assert after.ending == before.ending
        if before.content in (b"plain", b"\xff\xfe\x80", b"tab\there", b"x\xe2\x80\xa8y"):
            assert after.content == before.content


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes_keep_every_line_and_ending(invoke, data):
    assume(compression_of(data[:10]) is None)  # compressed stdin is decompressed (or exit 2)
    result = invoke(["clean"], input=data)
    first_line = next(split_lines(io.BytesIO(data)), None)
    if first_line is not None and wide_encoding(first_line.content) is not None:
        # Text that reads as UTF-16/UTF-32 is refused whole, with the iconv hint.
        assert (result.exit_code, result.stdout_bytes) == (2, b"")
        return
    out = result.stdout_bytes
    lines_in = list(split_lines(io.BytesIO(data)))
    lines_out = list(split_lines(io.BytesIO(out)))
    assert [line.ending for line in lines_out] == [line.ending for line in lines_in]
    # Invalid UTF-8 is never dropped or replaced: its bytes come out in order.
    for before, after in zip(lines_in, lines_out, strict=True):
        invalid = bytes(
            ord(c) - 0xDC00
            for c in before.content.decode("utf-8", "surrogateescape")
            if "\udc80" <= c <= "\udcff"
        )
        remaining = iter(after.content)
        assert all(byte in remaining for byte in invalid)


# Printable ASCII with no entity, and bytes that are never UTF-8 (lone continuation
# bytes): nothing fix-encoding may touch, so every input must come out as it went in.
_UNTOUCHABLE = st.lists(st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters="&"),
            max_size=20).map(str.encode),
    st.binary(min_size=1, max_size=3).map(lambda b: bytes(0x80 | (x & 0x3F) for x in b)),
    st.sampled_from([b"\n", b"\r\n", b"\r", b"\t"]),
)).map(b"".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_UNTOUCHABLE)
def test_bytes_with_nothing_to_clean_are_byte_identical(invoke, data):
    result = invoke(["clean", "--steps", "fix-encoding"], input=data)
    assert (result.exit_code, result.stdout_bytes) == (0, data)


def test_piping_filters_equals_clean_steps(invoke, fixtures_dir):
    data = (fixtures_dir / "news-sample.txt").read_bytes()
    piped = invoke(["fix-encoding"], input=data).stdout_bytes
    piped = invoke(["normalize-space"], input=piped).stdout_bytes
    together = invoke(["clean", "--steps", "fix-encoding,normalize-space"], input=data)
    assert together.stdout_bytes == piped
    assert piped != data


def test_in_place_rewrites_atomically_and_keeps_the_mode(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(DAMAGED + b"\n")
    path.chmod(0o640)
    assert invoke(["clean", "--in-place", str(path)]).exit_code == 0
    assert path.read_bytes() == REPAIRED + b"\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["a.txt"]


def test_in_place_leaves_the_original_on_error(invoke, tmp_path):
    path = tmp_path / "a.jsonl"
    original = b'{"text": "caf\xc3\x83\xc2\xa9"}\n{"broken\n'
    path.write_bytes(original)
    result = invoke(["clean", "--jsonl", "--in-place", str(path)])
    assert result.exit_code == 2
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["a.jsonl"]


def test_in_place_leaves_the_original_on_interrupt(tmp_path, monkeypatch):
    from corpus_tools.engine.runner import Runner, RunOptions
    from corpus_tools.pipeline import Pipeline

    path = tmp_path / "a.txt"
    path.write_bytes(DAMAGED + b"\n" + DAMAGED + b"\n")

    class Interrupting(Pipeline):
        calls = 0

        def clean(self, text, *args, **kwargs):
            Interrupting.calls += 1
            if Interrupting.calls == 2:
                raise KeyboardInterrupt
            return super().clean(text, *args, **kwargs)

    with pytest.raises(KeyboardInterrupt):
        Runner(Interrupting(), RunOptions(in_place=True)).run([str(path)])
    assert path.read_bytes() == DAMAGED + b"\n" + DAMAGED + b"\n"
    assert os.listdir(tmp_path) == ["a.txt"]
    assert Interrupting.calls == 2


def test_unchanged_file_is_not_rewritten(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"clean\n")
    os.utime(path, (1_000_000, 1_000_000))
    invoke(["clean", "--in-place", str(path)])
    assert path.stat().st_mtime == 1_000_000


@pytest.mark.parametrize(
    ("suffix", "opener"), [(".gz", gzip.open), (".bz2", bz2.open), (".xz", lzma.open)]
)
def test_compressed_input_and_output(invoke, tmp_path, suffix, opener):
    source = tmp_path / f"in.txt{suffix}"
    with opener(source, "wb") as handle:
        handle.write(DAMAGED + b"\nok\n")
    target = tmp_path / f"out.txt{suffix}"
    assert invoke(["clean", str(source), "-o", str(target)]).exit_code == 0
    with opener(target, "rb") as handle:
        assert handle.read() == REPAIRED + b"\nok\n"


def test_zstd_round_trip(invoke, tmp_path):
    zstandard = pytest.importorskip("zstandard")
    source = tmp_path / "in.txt.zst"
    source.write_bytes(zstandard.ZstdCompressor().compress(DAMAGED + b"\n"))
    target = tmp_path / "out.txt.zst"
    assert invoke(["clean", str(source), "-o", str(target)]).exit_code == 0
    assert zstandard.ZstdDecompressor().stream_reader(target.read_bytes()).read() == REPAIRED + b"\n"


def test_zstd_without_the_extra_names_it(invoke, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "zstandard", None)
    source = tmp_path / "in.txt.zst"
    source.write_bytes(b"whatever")
    result = invoke(["clean", str(source)])
    assert result.exit_code == 2
    assert "pip install '.[zstd]'" in result.stderr


def test_jsonl_cleans_only_the_field(invoke):
    data = '{"id": 1.50, "text": "cafÃ©  ", "note": "cafÃ©"}\n'.encode()
    result = invoke(["clean", "--jsonl"], input=data)
    assert result.stdout_bytes == '{"id": 1.50, "text": "café", "note": "cafÃ©"}\n'.encode()


def test_tsv_cleans_only_the_columns(invoke):
    data = "1\tcafÃ©  \tcafÃ©\n".encode()
    result = invoke(["clean", "--tsv", "--column", "2"], input=data)
    assert result.stdout_bytes == "1\tcafé\tcafÃ©\n".encode()


@pytest.mark.parametrize(
    ("args", "data", "message"),
    [
        (["clean", "missing.txt"], None, "missing.txt: no such file"),
        (["clean", "."], None, ".: is a folder, not a file"),
        (["clean", "--jsonl"], b'{"text": "a"}\n{"text": \n', "<stdin>:2: not valid JSON"),
        (["clean", "--jsonl", "--field", "body"], b'{"text": "a"}\n', "<stdin>:1: missing field 'body'"),
        (["clean", "--tsv", "--column", "3"], b"a\tb\n", "<stdin>:1: has 2 column(s)"),
        (["clean", "--no-such-option"], b"", "--no-such-option"),
        (["clean", "--steps", "nope"], b"", "unknown step 'nope'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(invoke, args, data, message):
    result = invoke(args, input=data)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_bad_records_can_pass_through(invoke):
    data = b'{"text": "caf\xc3\x83\xc2\xa9"}\nnot json\n'
    result = invoke(["clean", "--jsonl", "--on-bad-record", "pass"], input=data)
    assert result.exit_code == 0
    assert result.stdout_bytes == '{"text": "café"}\nnot json\n'.encode()
    assert "passed 1 bad record(s)" in result.stderr


def test_diff_report_and_stats(invoke, tmp_path):
    report = tmp_path / "changes.jsonl"
    result = invoke(["clean", "--diff", "--report", str(report), "--stats"], input=b"ok\n" + DAMAGED)
    assert result.stdout == (
        "--- <stdin>\n+++ <stdin>\n@@ -1,2 +1,2 @@\n ok\n"
        "-The cafÃ©  is open.  \n\\ No newline at end of file\n"
        "+The café is open.\n\\ No newline at end of file\n")
    assert "1  encoding:mojibake" in result.stderr
    import json

    records = [json.loads(line) for line in report.read_text().splitlines()]
    assert records[0] == {"file": "<stdin>", "line": 2, "column": 8, "end_column": 10,
                          "field": None, "kind": "fix", "rule": "encoding:mojibake",
                          "severity": "error", "before": "Ã©", "fix": "é"}
    assert [(r["rule"], r["column"]) for r in records] == [
        ("encoding:mojibake", 8), ("space:trailing", 20), ("space:collapse", 10)]


def test_check_exits_1_on_changes_and_writes_nothing(invoke):
    assert invoke(["clean", "--check"], input=b"clean\n").exit_code == 0
    result = invoke(["clean", "--check"], input=DAMAGED)
    assert (result.exit_code, result.stdout_bytes) == (1, b"")
    assert "<stdin>:1:8: error encoding:mojibake: 'Ã©' → 'é'" in result.stderr.splitlines()


def test_check_lists_findings_and_exits_1_even_when_nothing_changes(invoke):
    result = invoke(["fix-scripts", "--check"], input="ok\nthe Lachinы road\n".encode())
    assert (result.exit_code, result.stdout_bytes) == (1, b"")
    assert result.stderr.startswith(
        "<stdin>:2:5: error script:mixed-token: 'Lachinы': ")


def test_clean_runs_fix_scripts_after_fix_encoding(invoke, fixtures_dir):
    result = invoke(["clean", str(fixtures_dir / "mixed-scripts.txt")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "The Azerbaijani delegation arrived late."
    assert lines[5] == "The minister’s aide confirmed the date."


def test_nothing_on_stderr_in_pipes(invoke, fixtures_dir):
    result = invoke(["clean", str(fixtures_dir / "news-sample.txt")])
    assert result.stderr == ""


def test_progress_bar_when_asked(invoke):
    result = invoke(["clean", "--progress"], input=b"a\n")
    assert (result.exit_code, result.stdout_bytes) == (0, b"a\n")
    assert "B/s" in result.stderr and "error" not in result.stderr


@pytest.mark.parametrize("command", [["clean", "-j", "2"], ["detect-lang", "-j", "2"]])
def test_one_progress_bar_by_bytes_under_jobs(invoke, tmp_path, command):
    source = tmp_path / "in.txt"
    source.write_bytes(b"The convoy left at dawn.\n" * 60_000)  # 1.5 MB: several blocks
    shown = invoke([*command, "--progress", str(source)])
    assert shown.exit_code == 0
    # One bar (tqdm redraws it in place with \r), its total the file's size in bytes.
    assert "\n" not in shown.stderr and "/1.43M" in shown.stderr
    assert invoke([*command, str(source)]).stderr == ""  # in a pipe: nothing


def test_head_closing_the_pipe_ends_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(DAMAGED + b"\n" * 1 + b"line of text\n" * 400_000)
    command = (
        f"{sys.executable} -c 'from corpus_tools.cli import main; main()' clean {big} | head -n 2"
    )
    completed = subprocess.run(["bash", "-c", command], capture_output=True, timeout=120)
    assert completed.stdout == REPAIRED + b"\nline of text\n"
    assert completed.stderr == b""


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(invoke, name):
    result = invoke([name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout or name == "rules"
