"""Rules out and in: TOML text for name rules, and the CSV a linguist keeps in a spreadsheet.

CSV columns: kind, canonical, variant, treatment (replace or suggest), lang
(comma-separated codes), keep (phrases separated by `` | ``), note, example,
expect, file, line.  One row per spelling; a rule's keep phrases and note sit
on its first row, its examples one per row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from corpus_tools.errors import CorpusToolsError
from corpus_tools.language.codes import check_code
from corpus_tools.rules.model import NameRule

COLUMNS = ("kind", "canonical", "variant", "treatment", "lang", "keep", "note", "example",
           "expect", "file", "line")
TREATMENTS = ("replace", "suggest")


class CsvRuleError(CorpusToolsError):
    pass


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def _toml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(item) for item in items) + "]"


def name_rule_toml(rule: NameRule) -> str:
    lines = ["[[name]]", f"canonical = {toml_string(rule.canonical)}"]
    if rule.variants:
        lines.append(f"variants = {_toml_list(rule.variants)}")
    else:
        lines.append("variants = []")
    if rule.suggest:
        lines.append(f"suggest = {_toml_list(rule.suggest)}")
    if rule.lang:
        lines.append(f"lang = {_toml_list(rule.lang)}")
    if rule.keep_written or rule.keep:
        lines.append(f"keep = {_toml_list(rule.keep_written or rule.keep)}")
    if rule.not_after:
        lines.append(f"not_after = {_toml_list(rule.not_after)}")
    if rule.not_before:
        lines.append(f"not_before = {_toml_list(rule.not_before)}")
    if rule.note:
        lines.append(f"note = {toml_string(rule.note)}")
    if rule.examples:
        lines.append("examples = [")
        for example in rule.examples:
            fields = [f"text = {toml_string(example.text)}"]
            if example.expect is not None:
                fields.append(f"expect = {toml_string(example.expect)}")
            if example.finds is not None:
                fields.append(f"finds = {toml_string(example.finds)}")
            if example.lang is not None:
                fields.append(f"lang = {toml_string(example.lang)}")
            lines.append("  { " + ", ".join(fields) + " },")
        lines.append("]")
    return "\n".join(lines) + "\n"


def rules_toml(rules: Iterable[NameRule], description: str = "") -> str:
    head = f"[file]\ndescription = {toml_string(description)}\n\n" if description else ""
    return head + "\n".join(name_rule_toml(rule) for rule in rules)


def export_csv(rules: Iterable[NameRule], with_source: bool = True) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS if with_source else COLUMNS[:-2])
    for rule in rules:
        spellings = [(v, "replace" if rule.fix == "auto" else "suggest") for v in rule.variants]
        spellings += [(v, "suggest") for v in rule.suggest]
        rows = max(len(spellings), len(rule.examples), 1)
        for index in range(rows):
            variant, treatment = spellings[index] if index < len(spellings) else ("", "")
            example = rule.examples[index] if index < len(rule.examples) else None
            first = index == 0
            row = ["name", rule.canonical, variant, treatment,
                   ",".join(rule.lang or ()) if first else "",
                   " | ".join(rule.keep_written or rule.keep) if first else "",
                   rule.note if first else "",
                   example.text if example else "",
                   example.expect if example and example.expect is not None else ""]
            if with_source:
                row += [rule.source.file, str(rule.source.line)]
            writer.writerow(row)
    return out.getvalue()


def import_csv(text: str, source: str) -> list[NameRule]:
    """Name rules from a CSV; every error names its row and column."""
    from corpus_tools.rules.model import Example, Source

    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvRuleError(f"{source}: empty file; the first row must name the columns") from None
    header = [name.strip().lower() for name in header]
    missing = [name for name in ("kind", "canonical", "variant", "treatment") if name not in header]
    if missing:
        raise CsvRuleError(f"{source}:1: missing column(s) {', '.join(missing)}; the columns are "
                           f"{', '.join(COLUMNS)}")
    rules: dict[str, dict] = {}
    for number, row in enumerate(reader, 2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=False))

        def fail(column: str, message: str, number=number) -> None:
            raise CsvRuleError(f"{source}: row {number}, column {column}: {message}")

        if cells["kind"].strip() not in ("name", ""):
            fail("kind", f"{cells['kind']!r}: only name rules come in from a spreadsheet")
        canonical = cells["canonical"].strip()
        if not canonical:
            fail("canonical", "is empty; write the name as it should appear")
        rule = rules.setdefault(canonical, {"variants": [], "suggest": [], "lang": None,
                                            "keep": [], "note": "", "examples": []})
        variant, treatment = cells["variant"].strip(), cells["treatment"].strip().lower()
        if variant:
            if treatment not in TREATMENTS:
                fail("treatment", f"{cells['treatment']!r}: write replace or suggest")
            rule["variants" if treatment == "replace" else "suggest"].append(variant)
        if cells.get("lang", "").strip():
            try:
                rule["lang"] = tuple(check_code(code.strip(), "lang")
                                     for code in cells["lang"].split(",") if code.strip())
            except ValueError as error:
                fail("lang", str(error))
        if cells.get("keep", "").strip():
            rule["keep"] += [phrase.strip() for phrase in cells["keep"].split(" | ") if phrase.strip()]
        if cells.get("note", "").strip():
            rule["note"] = cells["note"].strip()
        if cells.get("example", ""):
            expect = cells.get("expect", "")
            rule["examples"].append(Example(cells["example"], expect or None,
                                            Source(source, number)))
        elif cells.get("expect", ""):
            fail("expect", "an expect with no example; put the text in the example column")
    return [NameRule(canonical, tuple(spec["variants"]), Source(source, 1), lang=spec["lang"],
                     keep=tuple(spec["keep"]), note=spec["note"], examples=tuple(spec["examples"]),
                     suggest=tuple(spec["suggest"]))
            for canonical, spec in rules.items()]
