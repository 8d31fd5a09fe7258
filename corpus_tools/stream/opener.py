"""Open inputs and outputs by name: ``-`` for stdin/stdout, compression by suffix.

A ``file://`` URL is the local path it names.  Compression goes by the
name's suffix in any case (``OUT.GZ`` too); stdin, which has no name, is
recognised by its first bytes (gzip, bzip2, xz, zstd).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import BinaryIO
from urllib.parse import urlsplit
from urllib.request import url2pathname

from corpus_tools.errors import InputError, MissingExtraError
from corpus_tools.stream.legacy import decoding
from corpus_tools.stream.lines import RawLine, split_lines

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
# The first bytes of each compressed format (bzip2: "BZh", a block size, a block's magic).
MAGIC_BYTES = ((b"\x1f\x8b", ".gz"), (b"\xfd7zXZ\x00", ".xz"), (b"\x28\xb5\x2f\xfd", ".zst"))
_BZIP2_BLOCK = b"1AY&SY"
FIRST_BLOCK = 8192  # where a NUL byte makes a file binary, as grep decides
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")  # UTF-16/32: refused by name


class CountingReader:
    """Counts the bytes read from the file itself (before decompression), for progress."""

    def __init__(self, raw: BinaryIO, on_read):
        self._raw = raw
        self._on_read = on_read

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._on_read(len(data))
        return data

    def readinto(self, buffer) -> int:
        count = self._raw.readinto(buffer)
        self._on_read(count or 0)
        return count

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()

    @property
    def closed(self) -> bool:
        return self._raw.closed

    def __getattr__(self, name):
        return getattr(self._raw, name)


def _zstandard():
    try:
        import zstandard
    except ImportError:
        raise MissingExtraError("zstandard", "zstd", "Reading or writing .zst files") from None
    return zstandard


def local_path(name: str) -> str:
    """A ``file://`` URL as the local path it names; any other name as it is.

    >>> local_path("file:///tmp/a%20b.txt"), local_path("file://localhost/x"), local_path("a.txt")
    ('/tmp/a b.txt', '/x', 'a.txt')
    """
    if not name.startswith("file://"):
        return name
    parts = urlsplit(name)
    if parts.netloc not in ("", "localhost"):
        raise InputError(name, None, "a file:// URL names a file on this machine "
                                     "(file:///path), not on another host")
    return url2pathname(parts.path)


def is_url(name: str) -> bool:
    """An fsspec URL (``s3://bucket/key``, ``memory://x``), read and written through fsspec."""
    return "://" in name and not name.startswith("file://")


def fsspec_open(name: str, mode: str, stack: ExitStack) -> BinaryIO:
    """Open an fsspec URL; compression still goes by the name's suffix, as for local files."""
    try:
        import fsspec
    except ImportError:
        raise MissingExtraError("fsspec", "dask", f"Reading or writing {name}") from None
    try:
        return stack.enter_context(fsspec.open(name, mode))
    except FileNotFoundError:
        raise InputError(name, None, "no such file") from None
    except (OSError, ValueError, ImportError) as error:
        raise InputError(name, None, str(error)) from None


def input_size(name: str) -> int | None:
    """Size in bytes of a named input file (compressed size for compressed files)."""
    if name == "-" or is_url(name):
        return None
    try:
        return os.stat(local_path(name)).st_size
    except OSError:
        return None


def open_input(name: str, stack: ExitStack, on_read=None) -> BinaryIO:
    """Open ``name`` for binary reading, decompressing by suffix; ``stack`` closes it.

    Raises :class:`InputError` (no line) for a missing file, a folder, or no permission.
    """
    name = local_path(name)
    if name == "-":
        raw = sys.stdin.buffer
    elif is_url(name):
        raw = fsspec_open(name, "rb", stack)
    else:
        if os.path.isdir(name):
            raise InputError(name, None, "is a folder, not a file")
        try:
            raw = stack.enter_context(open(name, "rb"))  # noqa: SIM115 - the stack closes it
        except FileNotFoundError:
            raise InputError(name, None, "no such file") from None
        except PermissionError:
            raise InputError(name, None, "permission denied") from None
        except OSError as error:
            raise InputError(name, None, error.strerror or str(error)) from None
    if on_read is not None:
        raw = CountingReader(raw, on_read)
    if name == "-":
        raw, name = sniffed(raw)
    stream = _decompressing(name, raw)
    if stream is not raw:
        stack.callback(stream.close)
    return decoding(stream, "<stdin>" if name == "-" else name)  # --encoding, when given


def read_lines(stream: BinaryIO, label: str) -> Iterator[RawLine]:
    """``split_lines`` of an opened input; a read failure becomes one located InputError."""
    try:
        yield from split_lines(stream)
    except Exception as error:  # gzip, bz2, lzma and zstd each raise their own errors
        # A truncated or corrupt compressed file, or an unreadable stream.
        raise InputError(label, None, f"cannot read: {error}") from None


def sniffed(raw: BinaryIO) -> tuple[BinaryIO, str]:
    """A nameless stream (stdin) and the name its first bytes give it: ``-.gz`` for gzip
    and so on, ``-`` for anything else.  No byte is lost: the stream is buffered."""
    buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
    return buffered, "-" + (compression_of(buffered.peek(10)[:10]) or "")


def compression_of(head: bytes) -> str | None:
    r"""The compression suffix the first bytes of a stream announce, or None.

    >>> compression_of(b"\x1f\x8b\x08\x00"), compression_of(b"BZh9 is a word"), compression_of(b"")
    ('.gz', None, None)
    """
    for magic, suffix in MAGIC_BYTES:
        if head.startswith(magic):
            return suffix
    if head[:3] == b"BZh" and head[3:4].isdigit() and head[4:10] == _BZIP2_BLOCK:
        return ".bz2"
    return None


def binary_reason(name: str) -> str | None:
    """Why a named input is binary (a NUL byte in its first block, after decompression, as
    grep decides), or None.  UTF-16 and UTF-32 are left to the reader, which names them.
    Only regular files are looked at: reading a FIFO's first block would take it away."""
    name = local_path(name)
    if name == "-" or is_url(name) or not os.path.isfile(name):
        return None
    with ExitStack() as stack:
        try:
            head = open_input(name, stack).read(FIRST_BLOCK)
        except (OSError, EOFError, InputError):
            return None  # unreadable: the reader reports it, with its own words
    if b"\0" in head and not head.startswith(_WIDE_BOMS):
        return f"binary file (a NUL byte in its first {FIRST_BLOCK // 1024} KiB)"
    return None


def _suffix(name: str) -> str:
    """The compression suffix of ``name``, in any case: ``OUT.GZ`` -> ``.gz``."""
    lowered = name.lower()
    return next((suffix for suffix in COMPRESSED_SUFFIXES if lowered.endswith(suffix)), "")


def _decompressing(name: str, raw: BinaryIO) -> BinaryIO:
    suffix = _suffix(name)
    if suffix == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if suffix == ".bz2":
        return bz2.BZ2File(raw, mode="rb")
    if suffix == ".xz":
        return lzma.LZMAFile(raw, mode="rb")
    if suffix == ".zst":
        return ZstdReader(raw)
    return raw


class ZstdReader:
    """Decompress a .zst stream frame by frame; a truncated last frame is an error.

    (zstandard's ``stream_reader`` returns end of file in the middle of a
    frame, so a cut file would read as complete.)
    """

    def __init__(self, raw: BinaryIO, chunk_size: int = 1 << 16):
        self._zstd = _zstandard()
        self._raw = raw
        self._chunk_size = chunk_size
        self._decompressor = None
        self._buffer = b""
        self._done = False

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            self._fill()
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def _fill(self) -> None:
        compressed = self._raw.read(self._chunk_size)
        if not compressed:
            if self._decompressor is not None and not self._decompressor.eof:
                raise EOFError("the compressed stream ends before its last frame does")
            self._done = True
            return
        while compressed:
            if self._decompressor is None or self._decompressor.eof:
                self._decompressor = self._zstd.ZstdDecompressor().decompressobj()
            try:
                self._buffer += self._decompressor.decompress(compressed)
            except self._zstd.ZstdError as error:
                raise OSError(f"corrupt zstd data: {error}") from None
            compressed = self._decompressor.unused_data if self._decompressor.eof else b""

    def close(self) -> None:
        pass


def open_output(name: str, raw: BinaryIO, stack: ExitStack) -> BinaryIO:
    """Wrap the opened ``raw`` in a compressor chosen by the suffix of ``name``.

    ``stack`` closes the compressor (writing its trailer) but not ``raw``.
    """
    stream = _compressing(name, raw)
    if stream is not raw:
        stack.callback(stream.close)
    return stream


def _compressing(name: str, raw: BinaryIO) -> BinaryIO:
    suffix = _suffix(name)
    if suffix == ".gz":
        # mtime=0 keeps the output byte-identical from run to run.
        return gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)
    if suffix == ".bz2":
        return bz2.BZ2File(raw, mode="wb")
    if suffix == ".xz":
        return lzma.LZMAFile(raw, mode="wb")
    if suffix == ".zst":
        return _zstandard().ZstdCompressor().stream_writer(raw, closefd=False)
    return raw
