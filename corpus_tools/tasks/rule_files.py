"""What ``rules check|list|export|import`` do, apart from parsing their options.

Every step over the kinds of rule reads the table of kinds
(:mod:`corpus_tools.rules.kinds`), so a new kind is checked, listed,
exported and imported with no change here.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus_tools.rules.kinds import KINDS
from corpus_tools.rules.loader import RuleFileError, default_rules_path, load_layer
from corpus_tools.rules.model import RuleSet
from corpus_tools.rules.spreadsheet import (
    DELIMITERS,
    ENCODING_NAMES,
    SPELLING_COLUMNS,
    CsvRuleError,
    ImportedRule,
    decode_spreadsheet,
    export_csv,
    import_csv,
    sniff_delimiter,
)
from corpus_tools.rules.writer import table_lines, toml_string
from corpus_tools.stream.atomic import atomic_output


def rules_written_in(rules: RuleSet, paths: Sequence[str]) -> list:
    """The rules written in ``paths`` (every loaded rule when no path is named): the packaged
    rules only when a path names them."""
    if not paths:
        return rules.all_rules()
    roots = [Path(p).resolve() for p in paths]
    default_root = default_rules_path().resolve()
    chosen = []
    for rule in rules.all_rules():
        source = Path(rule.source.file).resolve()
        if source.is_relative_to(default_root) and not any(
            source == root or source.is_relative_to(root) for root in roots
        ):
            continue
        chosen.append(rule)
    return chosen


def counts(rules: RuleSet) -> str:
    """``rules check``'s tally: every kind's count, from the table of kinds."""
    return ", ".join(f"{len(getattr(rules, kind.collection))} {kind.count_label}"
                     for kind in KINDS.values())


def summaries(rules: RuleSet) -> list[dict]:
    """``rules list``'s rows: each rule's summary with its layer, treatment and examples."""
    packaged = default_rules_path().resolve()
    rows = []
    for rule in rules.all_rules():
        item = rule.summary()
        item["layer"] = ("packaged" if Path(rule.source.file).resolve().is_relative_to(packaged)
                         else "yours")
        item.setdefault("treatment", "replace" if getattr(rule, "replace", "") is not None
                        else "report")
        item["examples"] = len(getattr(rule, "examples", ()))
        rows.append(item)
    return rows


def summary_table(rules: RuleSet) -> list[str]:
    """``rules list``'s table, one line a rule under a header line, ending in what its kind
    shows of it."""
    items = summaries(rules)
    width = max((len(item["id"]) for item in items), default=0)
    lines = [f"{'id':<{width}} {'treatment':<9} {'scope':<8} {'keep':>4} {'ex.':>3} "
             f"{'layer':<8} where  spellings or pattern"]
    for rule, item in zip(rules.all_rules(), items, strict=True):
        scope = ",".join(item["lang"]) if item["lang"] else "all"
        keep = len(item.get("keep", ()))
        lines.append(f"{item['id']:<{width}} {item['treatment']:<9} {scope:<8} {keep:>4} "
                     f"{item['examples']:>3} {item['layer']:<8} {item['file']}:{item['line']}  "
                     f"{KINDS[rule.kind].detail(rule)}")
    return lines


def export_rules(rules: RuleSet, paths: Sequence[str], kinds: Iterable[str] = (),
                 with_source: bool = True) -> str:
    """The rules written in ``paths`` (of ``kinds``, default every kind) as CSV."""
    wanted = set(kinds) or set(KINDS)
    return export_csv([rule for rule in rules_written_in(rules, paths) if rule.kind in wanted],
                      with_source=with_source)


@dataclass(frozen=True)
class Imported:
    rules: list[ImportedRule]
    toml: str


def imported_toml(imported: Sequence[ImportedRule], description: str = ""
                  ) -> tuple[str, dict[int, tuple[ImportedRule, str | None, int | None]]]:
    """The rule file the CSV's rules make, and for each of its lines the rule, field and
    example it writes (to name CSV rows in the errors of loading it)."""
    lines = ["[file]", f"description = {toml_string(description)}", ""] if description else []
    origin: dict[int, tuple[ImportedRule, str | None, int | None]] = {}
    for index, rule in enumerate(imported):
        if index:
            lines.append("")
        for text, field, example in table_lines(rule.kind, rule.table):
            lines.append(text)
            origin[len(lines)] = (rule, field, example)
    return "\n".join(lines) + "\n", origin


@dataclass(frozen=True)
class Spreadsheet:
    """A CSV as read: its text, the encoding and separator it was read with."""

    text: str
    encoding: str
    delimiter: str

    def describe(self) -> str:
        return (f"read as {ENCODING_NAMES[self.encoding]}, {DELIMITERS[self.delimiter]}s "
                f"between the columns")


def read_spreadsheet(path: str, delimiter: str | None = None) -> Spreadsheet:
    """A CSV in any encoding a spreadsheet saves, its separator sniffed unless given."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CsvRuleError(f"{path}: cannot read it ({error.strerror})") from None
    text, encoding = decode_spreadsheet(data, path)
    return Spreadsheet(text, encoding, delimiter or sniff_delimiter(text))


def import_rules(sheet: Spreadsheet, source: str, output: str) -> Imported:
    """Read a CSV's rules, check them as the loader does, and only then write ``output``
    (never over an existing file); every error names the CSV's row and column."""
    if Path(output).exists():
        raise CsvRuleError(f"{output} exists; give a new file name")
    imported = import_csv(sheet.text, source, sheet.delimiter)
    toml, origin = imported_toml(imported, f"imported from {Path(source).name}")
    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / "imported.toml"
        written.write_text(toml, encoding="utf-8")
        try:
            load_layer(written)
        except RuleFileError as error:
            raise CsvRuleError("\n".join(_csv_problem(problem, str(written), source, origin)
                                         for problem in error.problems)) from None
    with atomic_output(output) as stream:
        stream.write(toml.encode("utf-8"))
    return Imported(imported, toml)


def _csv_problem(problem: str, written: str, source: str, origin) -> str:
    """A loader's problem in the written file, said of the CSV's row and column."""
    match = re.match(re.escape(written) + r":(\d+): (\w+): (.*)", problem, re.DOTALL)
    if match is None:
        return f"{source}: {problem.replace(written, 'the imported rules')}"
    line, field, message = int(match.group(1)), match.group(2), match.group(3)
    rule, written_field, example = origin.get(line, (None, None, None))

    def row_of(found: re.Match) -> str:
        other = origin.get(int(found.group(1)))
        return f"row {other[0].first_row}" if other else "another row"

    message = re.sub(re.escape(written) + r":(\d+)", row_of, message)
    if rule is None:
        return f"{source}: {field}: {message}"
    kind = KINDS[rule.kind]
    spec = next((spec for spec in kind.fields if spec.name == (written_field or field)), None)
    column = spec.csv_column if spec else field
    row = rule.rows.get(written_field or field, rule.first_row)
    if example is not None:
        row = rule.example_rows[example]
    elif column in SPELLING_COLUMNS:
        column = "variant"
        row = next((number for spelling, number in rule.spelling_rows.items()
                    if f"'{spelling}'" in message), row)
    return f"{source}: row {row}, column {column}: {message}"
