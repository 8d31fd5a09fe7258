"""ArmSCII-8: the codec's table round-trips every defined byte, and agrees with its source."""

import codecs

import pytest

from corpus_tools.data.build_armscii8 import DEFAULT_CHARMAP, TABLE_NAME, build_text, read_charmap
from corpus_tools.stream.armscii8 import decoding_table, register

register()
UNDEFINED = {0xA1, 0xFF}
# Bytes that repeat an ASCII sign: written back as the ASCII byte.
ASCII_TWINS = {0xA4: 0x29, 0xA5: 0x28, 0xA9: 0x2E, 0xAB: 0x2C, 0xAC: 0x2D}


@pytest.mark.parametrize("byte", range(256))
def test_every_byte_round_trips_or_is_documented(byte):
    raw = bytes([byte])
    if byte in UNDEFINED:
        with pytest.raises(UnicodeDecodeError):
            raw.decode("armscii-8")
        return
    text = raw.decode("armscii-8")
    assert len(text) == 1
    assert text.encode("armscii-8") == bytes([ASCII_TWINS.get(byte, byte)])


def test_the_letters_are_armenian_capital_then_small():
    letters = bytes(range(0xB2, 0xFE)).decode("armscii-8")
    assert letters[0::2] == "".join(map(chr, range(0x531, 0x557)))
    assert letters[1::2] == "".join(map(chr, range(0x561, 0x587)))


@pytest.mark.parametrize("name", ["armscii-8", "ARMSCII-8", "armscii8", "armscii_8"])
def test_the_codec_is_found_by_its_names(name):
    assert codecs.lookup(name).name == "armscii-8"


def test_incremental_decoding_matches_whole():
    data = "Հայաստանի Հանրապետություն, 1991։".encode("armscii-8")
    decoder = codecs.getincrementaldecoder("armscii-8")()
    assert "".join(decoder.decode(data[i:i + 3]) for i in range(0, len(data), 3)) == \
        data.decode("armscii-8")


@pytest.mark.skipif(not DEFAULT_CHARMAP.exists(), reason="glibc's charmap is not installed")
def test_the_table_is_current_with_its_source():
    from pathlib import Path

    import corpus_tools.data

    committed = Path(corpus_tools.data.__file__).with_name(TABLE_NAME).read_text(encoding="utf-8")
    assert committed == build_text(read_charmap(DEFAULT_CHARMAP))
    assert len([char for char in decoding_table() if char != "\ufffe"]) == 254
