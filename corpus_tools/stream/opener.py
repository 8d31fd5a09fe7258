"""Open inputs and outputs by name: ``-`` for stdin/stdout, compression by suffix."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import BinaryIO

from corpus_tools.errors import InputError, MissingExtraError
from corpus_tools.stream.legacy import decoding
from corpus_tools.stream.lines import RawLine, split_lines

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


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
        return os.stat(name).st_size
    except OSError:
        return None


def open_input(name: str, stack: ExitStack, on_read=None) -> BinaryIO:
    """Open ``name`` for binary reading, decompressing by suffix; ``stack`` closes it.

    Raises :class:`InputError` (no line) for a missing file, a folder, or no permission.
    """
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


def _decompressing(name: str, raw: BinaryIO) -> BinaryIO:
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if name.endswith(".bz2"):
        return bz2.BZ2File(raw, mode="rb")
    if name.endswith(".xz"):
        return lzma.LZMAFile(raw, mode="rb")
    if name.endswith(".zst"):
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
    if name.endswith(".gz"):
        # mtime=0 keeps the output byte-identical from run to run.
        return gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)
    if name.endswith(".bz2"):
        return bz2.BZ2File(raw, mode="wb")
    if name.endswith(".xz"):
        return lzma.LZMAFile(raw, mode="wb")
    if name.endswith(".zst"):
        return _zstandard().ZstdCompressor().stream_writer(raw, closefd=False)
    return raw
