"""Rules out as TOML: any rule, or any table a spreadsheet row made, written as a rule file.

Fields come in the order of their kind's entry in :mod:`.kinds`; a field at
its default is left out, so a written file reads like one a linguist wrote.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from corpus_tools.rules.kinds import KINDS
from corpus_tools.rules.spreadsheet import CsvRuleError, export_csv

__all__ = ["CsvRuleError", "export_csv", "name_rule_toml", "rule_toml", "rules_toml",
           "table_lines", "toml_string"]


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_string(key)} = {_inline(item)}"
                                for key, item in value.items()) + " }"
    return "[" + ", ".join(_inline(item) for item in value) + "]"


def table_lines(kind: str, table: dict[str, Any]) -> list[tuple[str, str | None, int | None]]:
    """The lines of one ``[[kind]]`` table, each with the field it writes and, on an
    example's line, the example's index."""
    lines: list[tuple[str, str | None, int | None]] = [(f"[[{kind}]]", None, None)]
    for field in KINDS[kind].fields:
        if field.name not in table:
            continue
        value = table[field.name]
        if field.form != "examples":
            lines.append((f"{field.name} = {_inline(value)}", field.name, None))
            continue
        lines.append((f"{field.name} = [", field.name, None))
        for index, example in enumerate(value):
            inline = ", ".join(f"{key} = {_inline(example[key])}"
                               for key in ("text", "expect", "finds", "lang") if key in example)
            lines.append(("  { " + inline + " },", field.name, index))
        lines.append(("]", field.name, None))
    return lines


def rule_toml(rule) -> str:
    """One loaded rule as the table that would make it."""
    table = KINDS[rule.kind].written(rule)
    return "\n".join(line for line, _, _ in table_lines(rule.kind, table)) + "\n"


# What tasks/suggest.py writes its drafts with.
name_rule_toml = rule_toml


def rules_toml(rules: Iterable, description: str = "") -> str:
    head = f"[file]\ndescription = {toml_string(description)}\n\n" if description else ""
    return head + "\n".join(rule_toml(rule) for rule in rules)
