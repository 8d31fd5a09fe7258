"""Build ``mojibake.tsv``, the table that span repair reads: each legacy code
page's character for every byte 0x80-0xFF, taken from Python's own codecs.

UTF-8 writes every character above U+007F as a lead byte (0xC2-0xF4) and one
to three continuation bytes (0x80-0xBF).  Read through a single-byte code
page, those bytes become that page's characters: Armenian ``լ`` (D5 AC) is
``Õ¬`` in cp1252, Azerbaijani ``ə`` (C9 99) is ``É™``, Georgian letters
(E1 83 xx) start ``áƒ``, Russian ``с`` (D1 81) is ``С�`` in cp1251 and loses
its 0x81 in cp1252, which has no character there.  The table is the whole
byte-to-character map of each page, so the screen and the repair can be
derived from it (see :mod:`corpus_tools.filters.encoding.code_pages`), and it is
generated rather than typed::

    python -m corpus_tools.data.build_mojibake          # rewrite the table
    python -m corpus_tools.data.build_mojibake --show   # the leads each script gets

A byte a page leaves undefined is written ``-``: it is the byte a "lossy"
misreading drops or turns into U+FFFD.
"""

from __future__ import annotations

import sys
from pathlib import Path

TABLE_NAME = "mojibake.tsv"

# The pages that UTF-8 text is misread as, in the order span repair tries them.
CODECS = ("cp1252", "latin-1", "cp1251", "cp1250", "cp1254", "mac_roman",
          "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "kz1048")

# Scripts whose leads ``--show`` prints (documentation only).
SHOW_SCRIPTS = {
    "Armenian": "\u0531-\u0587", "Georgian": "\u10d0-\u10f0", "Cyrillic": "\u0400-\u04ff",
    "Greek": "\u0370-\u03ff", "Latin Extended (az, tr, sr, uz, pl, cs)": "\u0100-\u024f",
    "Hebrew": "\u05d0-\u05ea", "Arabic": "\u0620-\u064a",
}


def byte_map(codec: str) -> dict[int, str | None]:
    """Byte -> character for 0x80-0xFF (None where the page defines nothing)."""
    table = {}
    for byte in range(0x80, 0x100):
        try:
            table[byte] = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            table[byte] = None
    return table


def build_rows() -> list[str]:
    rows = []
    for codec in CODECS:
        for byte, char in byte_map(codec).items():
            rows.append(f"{codec}\t{byte:02X}\t{'-' if char is None else f'{ord(char):04X}'}")
    return rows


def build_text() -> str:
    header = (
        "# corpus-tools mojibake table: written by `python -m corpus_tools.data.build_mojibake`"
        " from Python's codecs; do not edit.\n"
        "# codec\tbyte\tcode point of the character the codec reads ('-': undefined)\n"
    )
    return header + "\n".join(build_rows()) + "\n"


def script_leads(codec: str, first: str, last: str) -> str:
    """The characters a script's letters start with when their UTF-8 is read as ``codec``."""
    table = byte_map(codec)
    leads = sorted({chr(code).encode("utf-8")[0] for code in range(ord(first), ord(last) + 1)})
    return " ".join(table[byte] or f"<{byte:02X}>" for byte in leads)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--show" in argv:
        for script, span in SHOW_SCRIPTS.items():
            first, last = span.split("-")
            print(f"{script}: " + "; ".join(
                f"{codec} {script_leads(codec, first, last)}" for codec in CODECS))
        return 0
    target = Path(__file__).with_name(TABLE_NAME)
    target.write_text(build_text(), encoding="utf-8")
    print(f"wrote {target} ({len(CODECS)} codecs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
