"""The one records reader: inputs are never misread (issue 9, point 7)."""

import bz2
import gzip
import lzma

import pytest

zstandard = pytest.importorskip("zstandard")

TEXT = "The café is open.\n".encode() * 2000


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_input_is_an_error_that_says_how_to_convert(invoke, encoding):
    data = ("\ufeff" if not encoding.endswith(("16", "32")) else "") + "Hello\nworld\n"
    result = invoke(["clean"], input=data.encode(encoding))
    assert result.exit_code == 2
    assert result.stdout_bytes == b""
    assert "<stdin>:1: is UTF-" in result.stderr and "iconv -f UTF-" in result.stderr


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress),
     (".zst", lambda data: zstandard.ZstdCompressor().compress(data))],
)
def test_a_truncated_compressed_input_is_an_error_and_in_place_keeps_it(invoke, tmp_path,
                                                                       suffix, compress):
    path = tmp_path / f"a.txt{suffix}"
    damaged = compress("The cafÃ© is open.\n".encode() * 2000)
    path.write_bytes(damaged[: len(damaged) * 2 // 3])
    before = path.read_bytes()
    result = invoke(["clean", "--in-place", str(path)])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr and str(path) in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    out = tmp_path / "out.txt"
    assert invoke(["clean", str(path), "-o", str(out)]).exit_code == 2
    assert not out.exists()


def test_a_complete_multi_frame_zst_is_read_whole(invoke, tmp_path):
    path = tmp_path / "a.txt.zst"
    compressor = zstandard.ZstdCompressor()
    path.write_bytes(compressor.compress(b"one\n") + compressor.compress(b"two\n"))
    assert invoke(["clean", str(path)]).stdout_bytes == b"one\ntwo\n"


@pytest.mark.parametrize(
    "line",
    [b'{"text": "a", "n": ' + b"9" * 5000 + b"}",  # past Python's int digit limit
     b'{"text": "a", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"],  # past the recursion limit
)
def test_json_the_parser_cannot_take_is_a_bad_record(invoke, line):
    result = invoke(["clean", "--jsonl"], input=line + b"\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("corpus-tools: error: <stdin>:1: cannot be read as JSON")
    passed = invoke(["clean", "--jsonl", "--on-bad-record", "pass"],
                    input=b'{"text": "caf\xc3\x83\xc2\xa9"}\n' + line + b"\n")
    assert passed.exit_code == 0
    assert passed.stdout_bytes == '{"text": "café"}\n'.encode() + line + b"\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # An escaped lone surrogate beside raw non-ASCII: the escape stays an escape.
        ('{"text": "\\ud800 caf\u00c3\u00a9"}', '{"text": "\\ud800 caf\u00e9"}'),
        ('{"text": "\\udce9 caf\u00c3\u00a9 \\ud83d\\ude00"}',
         '{"text": "\\udce9 caf\u00e9 \U0001f600"}'),
    ],
)
def test_jsonl_escaped_lone_surrogates_stay_escapes(invoke, line, expected):
    result = invoke(["clean", "--jsonl"], input=line.encode() + b"\n")
    assert result.exit_code == 0
    assert result.stdout_bytes == expected.encode() + b"\n"
    result.stdout_bytes.decode("utf-8")  # valid UTF-8


def test_jsonl_raw_invalid_bytes_in_a_changed_field_stay_raw(invoke):
    line = b'{"text": "\xff caf\xc3\x83\xc2\xa9"}\n'
    assert invoke(["clean", "--jsonl"], input=line).stdout_bytes == b'{"text": "\xff caf\xc3\xa9"}\n'


@pytest.mark.parametrize("entity", ["&#9;", "&Tab;", "&#x9;"])
def test_an_edit_that_would_add_a_tsv_column_is_refused(invoke, entity):
    line = f"id\tcaf\u00c3\u00a9 {entity} x\tother\n".encode()
    result = invoke(["clean", "--tsv", "--column", "2"], input=line)
    assert result.exit_code == 0
    assert result.stdout_bytes.count(b"\t") == 2


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (b"no ending", b"next\n", b"no ending\nnext\n"),
        (b"crlf\r\n", b"x\n", b"crlf\r\nx\n"),
    ],
)
def test_several_inputs_never_fuse(invoke, tmp_path, first, second, expected):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(first)
    b.write_bytes(second)
    result = invoke(["clean", str(a), str(b)])
    assert result.stdout_bytes == expected


def test_a_lone_cr_file_before_an_empty_lf_line_is_refused(invoke, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"ends in CR\r")
    b.write_bytes(b"\nsecond\n")
    result = invoke(["clean", str(a), str(b)])
    assert result.exit_code == 2
    assert f"{b}:1: an empty LF line" in result.stderr


def test_filter_lang_never_fuses_a_cr_line_with_the_next_kept_line(invoke):
    data = ("Le gouvernement a annoncé de nouvelles mesures pour la région du nord.\r"
            "The government announced new measures for the northern region today.\n"
            "\n").encode()
    result = invoke(["filter-lang", "--keep", "fr,und"], input=data)
    assert result.exit_code == 0, result.stderr  # kept, never refused: the empty line is rejected
    assert result.stdout_bytes == data.split(b"\r")[0] + b"\r"
    assert "kept 1, rejected 2 of 3 record(s)" in result.stderr
