"""ArmSCII-8, the Armenian standard code page, as a Python codec: ``armscii-8``.

Python ships no codec for it, so a legacy Armenian file could not be read at all.
The byte table is ``data/armscii8.tsv``, generated from glibc's published charmap
(see ``corpus_tools/data/build_armscii8.py`` for the source and license).  Bytes
0xA1 and 0xFF are undefined (errors as the caller asks); five bytes repeat ASCII
signs (A4 ``)``, A5 ``(``, A9 ``.``, AB ``,``, AC ``-``) and are written back as
the ASCII byte.  ``register()`` adds the codec to Python's registry once
(``armscii-8``, ``armscii8``, ``armscii_8``).

>>> register()
>>> bytes.fromhex("d0b3dbb3ebefb3dd").decode("armscii-8")
'Հայաստան'
>>> "Երևան".encode("armscii-8").decode("armscii-8")
'Երևան'
"""

from __future__ import annotations

import codecs
import functools
import importlib.resources

NAME = "armscii-8"
_UNDEFINED = "\ufffe"  # what a charmap codec's decoding table holds for an undefined byte


@functools.lru_cache(maxsize=1)
def decoding_table() -> str:
    """The 256 characters of the bytes, ``_UNDEFINED`` where none is defined."""
    text = importlib.resources.files("corpus_tools.data").joinpath("armscii8.tsv").read_text(
        encoding="utf-8")
    chars = [_UNDEFINED] * 256
    for line in text.split("\n"):
        if line and not line.startswith("#"):
            byte, code = line.split("\t")
            if code != "-":
                chars[int(byte, 16)] = chr(int(code, 16))
    return "".join(chars)


@functools.lru_cache(maxsize=1)
def _encoding_map() -> dict[int, int]:
    """Character -> byte; a character two bytes share is written with the lower (ASCII)."""
    mapping: dict[int, int] = {}
    for byte, char in enumerate(decoding_table()):
        if char != _UNDEFINED:
            mapping.setdefault(ord(char), byte)
    return mapping


def _encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    return codecs.charmap_encode(text, errors, _encoding_map())


def _decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    return codecs.charmap_decode(data, errors, decoding_table())


class _IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, text: str, final: bool = False) -> bytes:
        return _encode(text, self.errors)[0]


class _IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, data: bytes, final: bool = False) -> str:
        return _decode(data, self.errors)[0]


class _StreamWriter(codecs.StreamWriter):
    def encode(self, text: str, errors: str = "strict") -> tuple[bytes, int]:
        return _encode(text, errors)


class _StreamReader(codecs.StreamReader):
    def decode(self, data: bytes, errors: str = "strict") -> tuple[str, int]:
        return _decode(data, errors)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.lower().replace("-", "").replace("_", "") != "armscii8":
        return None
    return codecs.CodecInfo(name=NAME, encode=_encode, decode=_decode,
                            incrementalencoder=_IncrementalEncoder,
                            incrementaldecoder=_IncrementalDecoder,
                            streamwriter=_StreamWriter, streamreader=_StreamReader)


@functools.lru_cache(maxsize=1)
def register() -> None:
    """Add the codec to Python's registry (once per process)."""
    codecs.register(_search)
