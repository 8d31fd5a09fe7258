"""Build ``armscii8.tsv``, the byte table of the ArmSCII-8 codec
(:mod:`corpus_tools.stream.armscii8`): Python has no codec for the Armenian
standard code page (AST 34.002:1997), so legacy Armenian files could not be read.

The table is taken from a published mapping, not typed: the GNU C Library's
charmap ``localedata/charmaps/ARMSCII-8`` (glibc, LGPL-2.1-or-later; shipped by
Debian's ``locales`` package as ``/usr/share/i18n/charmaps/ARMSCII-8.gz``)::

    python -m corpus_tools.data.build_armscii8 [CHARMAP]    # rewrite the table

Bytes 00-9F are ASCII and the C1 controls; A0-FE are NBSP, Armenian
punctuation, the ligature ``և`` and the letters, capital then small; 0xA1 and
0xFF are undefined.  Five bytes repeat ASCII signs (A4 ``)``, A5 ``(``, A9
``.``, AB ``,``, AC ``-``): text is written back with the ASCII byte, so those
five do not round-trip.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

TABLE_NAME = "armscii8.tsv"
DEFAULT_CHARMAP = Path("/usr/share/i18n/charmaps/ARMSCII-8.gz")
_ENTRY = re.compile(r"^<U([0-9A-Fa-f]{4,6})>\s+/x([0-9a-fA-F]{2})\b")


def read_charmap(path: Path) -> dict[int, int]:
    """Byte -> code point, from a glibc charmap file (gzipped or not)."""
    raw = path.read_bytes()
    text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("ascii")
    table = {}
    for line in text.splitlines():
        match = _ENTRY.match(line)
        if match:
            table[int(match.group(2), 16)] = int(match.group(1), 16)
    return table


def build_text(table: dict[int, int]) -> str:
    header = (
        "# corpus-tools ArmSCII-8 table: written by `python -m corpus_tools.data.build_armscii8`"
        " from glibc's charmap localedata/charmaps/ARMSCII-8 (LGPL-2.1-or-later); do not edit.\n"
        "# byte\tcode point ('-': undefined)\n"
    )
    rows = [f"{byte:02X}\t{table[byte]:04X}" if byte in table else f"{byte:02X}\t-"
            for byte in range(256)]
    return header + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    source = Path(argv[0]) if argv else DEFAULT_CHARMAP
    table = read_charmap(source)
    if len(table) < 250:
        print(f"{source}: {len(table)} entries, not an ArmSCII-8 charmap", file=sys.stderr)
        return 2
    target = Path(__file__).with_name(TABLE_NAME)
    target.write_text(build_text(table), encoding="utf-8")
    print(f"wrote {target} ({len(table)} bytes defined)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
