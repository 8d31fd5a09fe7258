"""Inputs and outputs by name: file:// URLs, compressed stdin, suffixes in any case, binaries,
fsspec URLs for --output-dir."""

import bz2
import gzip
import lzma
import os

import pytest

from corpus_tools.errors import InputError
from corpus_tools.stream.opener import binary_reason, local_path

zstandard = pytest.importorskip("zstandard")  # in the test extra

DAMAGED = "The cafÃ©  is open.\nA second line.\n".encode()
CLEANED = "The café is open.\nA second line.\n".encode()


@pytest.fixture(autouse=True)
def in_an_empty_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("url", "path"), [
    ("file:///tmp/a.txt", "/tmp/a.txt"),
    ("file:///tmp/a%20b%23c.txt", "/tmp/a b#c.txt"),
    ("file://localhost/tmp/a.txt", "/tmp/a.txt"),
    ("a.txt", "a.txt"),
    ("-", "-"),
])
def test_local_path(url, path):
    assert local_path(url) == path


def test_a_file_url_on_another_host_is_refused():
    with pytest.raises(InputError, match="on this machine"):
        local_path("file://server/share/a.txt")


def test_file_urls_are_read_and_written(invoke, tmp_path):
    (tmp_path / "in put.txt").write_bytes(DAMAGED)
    source = (tmp_path / "in put.txt").as_uri()
    result = invoke(["clean", "--isolated", source, "-o", (tmp_path / "out.txt").as_uri()])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out.txt").read_bytes() == CLEANED
    assert invoke(["check", "--isolated", tmp_path.as_uri()]).exit_code == 1


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress,
                                      lambda data: zstandard.ZstdCompressor().compress(data)],
                         ids=["gzip", "bzip2", "xz", "zstd"])
def test_compressed_stdin_is_read_by_its_magic_bytes(invoke, compress):
    result = invoke(["clean", "--isolated"], input=compress(DAMAGED))
    assert result.exit_code == 0 and result.stdout_bytes == CLEANED
    assert invoke(["check", "--isolated", "--select", "encoding:"],
                  input=compress(DAMAGED)).stdout.startswith("<stdin>:1:8: error")


def test_text_that_starts_like_bzip2_is_text(invoke):
    assert invoke(["clean", "--isolated"], input=b"BZh9 is a word.\n").stdout_bytes == \
        b"BZh9 is a word.\n"


@pytest.mark.parametrize("name", ["OUT.GZ", "out.Gz", "out.gz"])
def test_output_is_compressed_by_its_suffix_in_any_case(invoke, tmp_path, name):
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    assert invoke(["clean", "--isolated", "a.txt", "-o", name]).exit_code == 0
    assert gzip.decompress((tmp_path / name).read_bytes()) == CLEANED


def test_binary_files(invoke, tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_bytes(DAMAGED)
    (tmp_path / "corpus" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert binary_reason("corpus/image.txt") == "binary file (a NUL byte in its first 8 KiB)"
    assert binary_reason("corpus/a.txt") is None

    skipped = invoke(["check", "--isolated", "corpus"])
    assert skipped.exit_code == 1  # a.txt's findings
    assert "corpus/image.txt: binary file (a NUL byte in its first 8 KiB), skipped" in \
        skipped.stderr and "image.txt:" not in skipped.stdout
    strict = invoke(["check", "--isolated", "--strict", "corpus"])
    assert strict.exit_code == 2 and strict.stdout == ""
    assert strict.stderr.count("\n") == 1 and "image.txt" in strict.stderr

    refused = invoke(["clean", "--isolated", "corpus/a.txt", "corpus/image.txt"])
    assert refused.exit_code == 2 and refused.stdout_bytes == b""
    assert refused.stderr.endswith("binary file (a NUL byte in its first 8 KiB); not cleaned\n")


def test_a_compressed_text_file_is_not_binary(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(DAMAGED))
    assert binary_reason(str(tmp_path / "a.txt.gz")) is None


def test_utf16_keeps_its_own_error(invoke, tmp_path):
    (tmp_path / "wide.txt").write_bytes("Some text.\n".encode("utf-16"))
    result = invoke(["clean", "--isolated", "wide.txt"])
    assert result.exit_code == 2 and "UTF-16" in result.stderr


def test_check_on_a_folder_with_no_matching_file_is_exit_2(invoke, tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "notes.md").write_text("A note.\n")
    result = invoke(["check", "--isolated", "corpus"])
    assert result.exit_code == 2
    assert result.stderr == ("corpus-tools: error: no file to check: corpus holds no file "
                             "matching *.txt *.jsonl *.ndjson *.tsv (or their compressed forms); "
                             "see --glob\n")


def test_output_dir_through_fsspec_memory(invoke, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_bytes(DAMAGED)
    (tmp_path / "corpus" / "sub" / "b.txt").write_bytes(DAMAGED)
    args = ["clean", "--isolated", "corpus/a.txt", "corpus/sub/b.txt", "--output-dir",
            "memory://conventions-out"]
    assert invoke(args).exit_code == 0
    memory = fsspec.filesystem("memory")
    assert memory.cat("memory://conventions-out/a.txt") == CLEANED
    assert memory.cat("memory://conventions-out/sub/b.txt") == CLEANED
    again = invoke(args)
    assert again.exit_code == 2 and "exists; use --force" in again.stderr
    assert invoke([*args, "--force"]).exit_code == 0
    assert not os.path.exists("memory:")


def test_output_dir_as_a_file_url(invoke, tmp_path):
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    result = invoke(["clean", "--isolated", "a.txt", "--output-dir", (tmp_path / "out").as_uri()])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").read_bytes() == CLEANED
    assert not os.path.exists("file:")


def test_output_dir_with_an_unavailable_scheme_is_one_line_and_no_folder(invoke, tmp_path):
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    result = invoke(["clean", "--isolated", "a.txt", "--output-dir", "nosuchscheme://bucket/x"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("corpus-tools: error: --output-dir nosuchscheme://bucket/x")
    assert os.listdir(tmp_path) == ["a.txt"]  # no folder named nosuchscheme:


def test_a_fifo_is_not_read_ahead_for_binary_detection(invoke, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert binary_reason(str(fifo)) is None  # returns at once: nothing read, nothing taken
