"""Report-only spellings written as tables, each with its own severity and note.

``suggest`` lists plain texts, or tables that say how one spelling is reported::

    suggest = ["Tiflis", { text = "Tiflis", severity = "info", note = "historical name" }]

A historical name is worth a note, not a failing ``check``: the table's
severity and note win over the rule's for that spelling alone.
"""

from __future__ import annotations

from corpus_tools.catalog import SEVERITIES
from corpus_tools.rules.model import Spelling

SPELLING_FIELDS = ("text", "severity", "note")


def split_suggest(entry: dict, table_line: int, where) -> tuple[dict, tuple[Spelling, ...]]:
    """``entry`` with its ``suggest`` tables written as their texts, and the tables as
    :class:`Spelling`; a malformed table is a problem named in ``where``."""
    value = entry.get("suggest")
    if not isinstance(value, list) or not any(isinstance(item, dict) for item in value):
        return entry, ()
    line = where.lines.field(table_line, "suggest")
    texts, spellings = [], []
    for item in value:
        if not isinstance(item, dict):
            texts.append(item)
            continue
        unknown = sorted(set(item) - set(SPELLING_FIELDS))
        text, severity, note = item.get("text"), item.get("severity"), item.get("note", "")
        if unknown:
            where.error(line, "suggest", f"unknown field(s) {', '.join(unknown)} in a spelling; "
                                         f"write {{ text = \"...\", severity = \"info\", "
                                         f"note = \"...\" }}")
        elif not isinstance(text, str) or not text.strip():
            where.error(line, "suggest", "each spelling table needs text = \"...\"")
        elif severity is not None and severity not in SEVERITIES:
            where.error(line, "suggest", f"severity of {text!r} must be one of "
                                         f"{', '.join(SEVERITIES)}, not {severity!r}")
        elif not isinstance(note, str):
            where.error(line, "suggest", f"note of {text!r} must be text in quotes")
        else:
            texts.append(text)
            spellings.append(Spelling(text.strip(), severity, note))
    return {**entry, "suggest": texts}, tuple(spellings)
