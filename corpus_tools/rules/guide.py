"""The linguists' guide's reference of rule kinds, written from the table of kinds.

``python -m corpus_tools.rules.guide rules/README.md`` rewrites the part of the
guide between the two markers below; a test checks that the committed guide
holds what this writes, so the guide and :mod:`.kinds` cannot drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpus_tools.rules.kinds import FILE_FIELDS, FORMS, KINDS, Field

BEGIN = "<!-- kinds: written by `python -m corpus_tools.rules.guide rules/README.md`; edit kinds.py -->"
END = "<!-- kinds: end -->"


def _field_line(field: Field) -> str:
    required = ", required" if field.required else ""
    return f"- `{field.name}` ({FORMS[field.form]}{required}): {field.about}"


def kinds_section() -> str:
    """The reference: one table of the kinds, then each kind's fields."""
    lines = [BEGIN, "## Every kind of rule and its fields", "",
             "| table | what it is for | a later layer's rule replaces the earlier one with "
             "the same | spreadsheet columns |", "|---|---|---|---|"]
    for kind in KINDS.values():
        lines.append(f"| `[[{kind.table}]]` | {kind.about} | {kind.key_about.removeprefix('its ')}"
                     f" | {', '.join(kind.csv_columns)} |")
    lines += ["", "A `[file]` table at the top of a file may hold:", ""]
    lines += [_field_line(field) for field in FILE_FIELDS]
    for kind in KINDS.values():
        lines += ["", f"Fields of `[[{kind.table}]]`:", ""]
        lines += [_field_line(field) for field in kind.fields]
    return "\n".join([*lines, END])


def with_section(guide: str) -> str:
    """``guide`` with its reference replaced by :func:`kinds_section` (appended if absent)."""
    start, end = guide.find(BEGIN), guide.find(END)
    if start < 0 or end < 0:
        return guide.rstrip("\n") + "\n\n" + kinds_section() + "\n"
    return guide[:start] + kinds_section() + guide[end + len(END):]


def main(argv: list[str]) -> int:
    for name in argv:
        path = Path(name)
        path.write_text(with_section(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
