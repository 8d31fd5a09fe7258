"""Load rule files: TOML in, checked rules out, every error located at file, line and field.

Layers: the packaged defaults, then each ``--rules`` path in order.  A later
layer that defines an entity an earlier one defines (same canonical, or one of
its variants) replaces it whole.  Inside one layer, conflicts are errors.
"""

from __future__ import annotations

import difflib
import importlib.resources
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import regex

from corpus_tools.catalog import SEVERITIES
from corpus_tools.errors import CorpusToolsError
from corpus_tools.rules.model import (
    APOSTROPHE,
    ArtifactRule,
    Example,
    NameRule,
    PunctuationRule,
    RuleSet,
    Source,
)
from corpus_tools.scripts import is_known_script, script_names

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILE_FIELDS = {"description", "lang"}
NAME_FIELDS = {"canonical", "variants", "lang", "ignore_case", "keep", "note", "examples", "fix",
               "severity", "message"}
ARTIFACT_FIELDS = {"id", "pattern", "replace", "message", "lang", "examples", "severity",
                   "requires"}
PUNCTUATION_FIELDS = {"id", "char", "becomes", "next_to", "lang", "keep_lang", "note", "examples"}
EXAMPLE_FIELDS = {"text", "expect"}
TABLES = {
    "file": FILE_FIELDS, "name": NAME_FIELDS, "artifact": ARTIFACT_FIELDS,
    "punctuation": PUNCTUATION_FIELDS,
}


class RuleFileError(CorpusToolsError):
    """One or more problems in rule files; ``problems`` holds one line each."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def default_rules_path() -> Path:
    """The packaged rule folder (the repository's ``rules/`` when run from a checkout)."""
    try:
        folder = importlib.resources.files("corpus_tools.default_rules")
        path = Path(str(folder))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent.parent / "rules"


def rule_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.toml") if p.is_file())
    if path.is_file():
        return [path]
    raise RuleFileError([f"{path}: no such rule file or folder"])


def load_rules(
    paths: Iterable[str | Path] = (), use_defaults: bool = True
) -> RuleSet:
    """Load the layers and merge them; raise :class:`RuleFileError` listing every problem."""
    layers: list[Path] = [default_rules_path()] if use_defaults else []
    layers += [Path(p) for p in paths]
    merged = RuleSet()
    for layer in layers:
        layer_rules = load_layer(layer)
        _merge(merged, layer_rules)
    return merged


def load_layer(layer: Path) -> RuleSet:
    """Read every file of one layer; conflicts inside it are errors."""
    problems: list[str] = []
    rules = RuleSet()
    for path in rule_files(layer):
        file_rules = _load_file(path, problems)
        rules.names += file_rules.names
        rules.artifacts += file_rules.artifacts
        rules.punctuation += file_rules.punctuation
        rules.warnings += file_rules.warnings
    problems += _layer_conflicts(rules)
    if problems:
        raise RuleFileError(problems)
    return rules


def _merge(merged: RuleSet, layer: RuleSet) -> None:
    """Add a layer; each of its rules replaces whole the earlier layers' rules for its entity."""
    names = list(merged.names)
    for rule in layer.names:
        spellings = {rule.canonical, *rule.variants}
        kept = []
        for old in names:
            if spellings & {old.canonical, *old.variants}:
                merged.notes.append(
                    f"{rule.source}: name '{rule.canonical}' replaces the rule at {old.source}"
                )
            else:
                kept.append(old)
        names = kept
    merged.names = names + layer.names
    merged.artifacts = _replace_by_key(
        merged, merged.artifacts, layer.artifacts, lambda rule: rule.rule_id, "artifact"
    )
    merged.punctuation = _replace_by_key(
        merged, merged.punctuation, layer.punctuation, lambda rule: rule.char, "punctuation for"
    )
    merged.warnings += layer.warnings


def _replace_by_key(merged: RuleSet, old_rules: list, new_rules: list, key, what: str) -> list:
    """The earlier rules whose key no new rule has, then the new rules; a note per replacement."""
    new_keys = {key(rule): rule for rule in new_rules}
    kept = []
    for old in old_rules:
        if key(old) in new_keys:
            merged.notes.append(
                f"{new_keys[key(old)].source}: {what} {key(old)!r} replaces the rule at {old.source}"
            )
        else:
            kept.append(old)
    return kept + new_rules


# --- one file ---------------------------------------------------------------


class _Lines:
    """Finds the line of the n-th ``[[table]]`` and of a field inside it."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.headers: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, 1):
            match = re.match(r"\s*\[\[\s*([A-Za-z_-]+)\s*\]\]", line)
            if match:
                self.headers.setdefault(match.group(1), []).append(number)
            else:
                match = re.match(r"\s*\[\s*([A-Za-z_-]+)\s*\]", line)
                if match:
                    self.headers.setdefault(match.group(1), []).append(number)

    def table(self, name: str, index: int) -> int:
        lines = self.headers.get(name, [])
        return lines[index] if index < len(lines) else 1

    def field(self, table_line: int, key: str) -> int:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(table_line, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > table_line and re.match(r"\s*\[", line):
                break
            if pattern.match(line):
                return number
        return table_line

    def find(self, start: int, needle: str) -> int:
        """The first line at or after ``start`` that contains ``needle`` (examples, variants)."""
        for number in range(start, len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return start


def _load_file(path: Path, problems: list[str]) -> RuleSet:
    rules = RuleSet()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{path}:1: not UTF-8 ({error.reason}); save the file as UTF-8")
        return rules
    except OSError as error:
        problems.append(f"{path}: cannot read: {error.strerror}")
        return rules
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(_toml_problem(path, text, error))
        return rules
    except RecursionError:
        problems.append(f"{path}:1: TOML: brackets or tables are nested too deep to read; "
                        f"a rule file needs at most a few levels")
        return rules
    lines = _Lines(text)
    where = _Where(path, lines, problems)

    for key in data:
        if key not in TABLES:
            where.unknown(key, set(TABLES), 1, "table")
    file_table = data.get("file", {})
    file_lang = None
    if not isinstance(file_table, dict):
        where.error(1, "file", "must be a table: write [file] on a line of its own")
    else:
        file_line = lines.table("file", 0)
        where.check_fields(file_table, FILE_FIELDS, file_line, "[file]")
        file_lang = where.lang(file_table, file_line, "[file]")

    for index, entry in enumerate(_array_of_tables(data, "name", where)):
        rule = _name_rule(entry, index, file_lang, where)
        if rule is not None:
            rules.names.append(rule)
    for index, entry in enumerate(_array_of_tables(data, "artifact", where)):
        rule = _artifact_rule(entry, index, file_lang, where)
        if rule is not None:
            rules.artifacts.append(rule)
    for index, entry in enumerate(_array_of_tables(data, "punctuation", where)):
        rule = _punctuation_rule(entry, index, file_lang, where)
        if rule is not None:
            rules.punctuation.append(rule)
    for rule in rules.all_rules():
        if not rule.examples:
            rules.warnings.append(
                f"{rule.source}: {rule.id} has no examples; add examples = [{{ text = \"...\", "
                f"expect = \"...\" }}] so `corpus-tools rules test` can check it"
            )
    return rules


def _array_of_tables(data: dict, name: str, where: _Where) -> list[dict]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        where.error(where.lines.table(name, 0), name, f"write each rule under its own [[{name}]] line")
        return []
    return value


class _Where:
    """Collects problems, each naming file, line and field and how to mend it."""

    def __init__(self, path: Path, lines: _Lines, problems: list[str]):
        self.path = path
        self.lines = lines
        self.problems = problems

    def error(self, line: int, field: str, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {field}: {message}")

    def unknown(self, key: str, known: set[str], line: int, what: str) -> None:
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(sorted(known))}"
        self.error(line, key, f"unknown {what}; {hint}")

    def check_fields(self, table: dict, known: set[str], table_line: int, what: str) -> None:
        for key in table:
            if key not in known:
                self.unknown(key, known, self.lines.field(table_line, key), f"field in {what}")

    def string(self, table: dict, key: str, table_line: int, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.error(table_line, key, f"missing; add {key} = \"...\"")
            return None
        if not isinstance(value, str):
            self.error(self.lines.field(table_line, key), key,
                       f"must be text in quotes, not {type(value).__name__}")
            return None
        return value

    def rule_id(self, table: dict, table_line: int) -> str | None:
        """The required ``id`` of an artifact or punctuation rule."""
        rule_id = self.string(table, "id", table_line, required=True)
        if rule_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", rule_id):
            self.error(self.lines.field(table_line, "id"), "id",
                       f"{rule_id!r} must be lower-case letters, digits, '-', '_' or '.'")
        return rule_id

    def severity(self, table: dict, table_line: int) -> str | None:
        value = self.string(table, "severity", table_line)
        if value is not None and value not in SEVERITIES:
            self.error(self.lines.field(table_line, "severity"), "severity",
                       f"must be one of {', '.join(SEVERITIES)}, not {value!r}")
            return None
        return value

    def lang(self, table: dict, table_line: int, what: str, key: str = "lang") -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        line = self.lines.field(table_line, key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(
            isinstance(code, str) and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", code)
            for code in value
        ):
            self.error(line, key, f"in {what} must be a list of language codes like [\"en\", \"fr\"]")
            return None
        return tuple(value)

    def examples(self, table: dict, table_line: int) -> tuple[Example, ...]:
        value = table.get("examples", [])
        line = self.lines.field(table_line, "examples")
        if not isinstance(value, list):
            self.error(line, "examples", "must be a list: examples = [{ text = \"...\", expect = \"...\" }]")
            return ()
        examples = []
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                self.error(line, "examples", "each example needs text = \"...\" (and expect = \"...\" when it should change)")
                continue
            for key in item:
                if key not in EXAMPLE_FIELDS:
                    self.unknown(key, EXAMPLE_FIELDS, line, "field in an example")
            expect = item.get("expect")
            if expect is not None and not isinstance(expect, str):
                self.error(line, "examples", "expect must be text in quotes")
                continue
            example_line = self.lines.find(line, _toml_repr_hint(item["text"]))
            examples.append(Example(item["text"], expect, Source(str(self.path), example_line)))
        return tuple(examples)


def _toml_repr_hint(text: str) -> str:
    return text[:20] if text and '"' not in text[:20] and "\\" not in text[:20] else ""


def _name_rule(entry: dict, index: int, file_lang, where: _Where) -> NameRule | None:
    line = where.lines.table("name", index)
    before = len(where.problems)
    where.check_fields(entry, NAME_FIELDS, line, "[[name]]")
    canonical = where.string(entry, "canonical", line, required=True)
    if canonical is not None and not canonical.strip():
        where.error(where.lines.field(line, "canonical"), "canonical", "is empty; write the name as it should appear")
    variants = entry.get("variants")
    variants_line = where.lines.field(line, "variants")
    if variants is None:
        where.error(line, "variants", "missing; add variants = [\"...\"] with the spellings to replace")
        variants = []
    elif not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
        where.error(variants_line, "variants", "must be a list of texts in quotes")
        variants = []
    for variant in variants:
        if not variant.strip():
            where.error(where.lines.find(variants_line, '""'), "variants",
                        "has an empty variant; remove the \"\" from the list")
        elif variant != variant.strip():
            where.error(variants_line, "variants", f"variant {variant!r} starts or ends with a space; remove it")
        elif variant == canonical:
            where.error(variants_line, "variants", f"lists the canonical form {variant!r} itself; remove it")
    keep = entry.get("keep", [])
    if not isinstance(keep, list) or not all(isinstance(k, str) and k.strip() for k in keep):
        where.error(where.lines.field(line, "keep"), "keep", "must be a list of phrases in quotes")
        keep = []
    ignore_case = entry.get("ignore_case", False)
    if not isinstance(ignore_case, bool):
        where.error(where.lines.field(line, "ignore_case"), "ignore_case", "must be true or false (no quotes)")
    fix = entry.get("fix", "auto")
    if fix not in ("auto", "suggest"):
        where.error(where.lines.field(line, "fix"), "fix", f"must be \"auto\" or \"suggest\", not {fix!r}")
    note = where.string(entry, "note", line) or ""
    severity = where.severity(entry, line)
    message = where.string(entry, "message", line)
    lang = where.lang(entry, line, "[[name]]") if "lang" in entry else file_lang
    examples = where.examples(entry, line)
    if len(where.problems) > before:
        return None
    return NameRule(
        canonical=canonical, variants=tuple(dict.fromkeys(variants)),
        source=Source(str(where.path), line), lang=lang, ignore_case=ignore_case,
        keep=tuple(keep), fix=fix, note=note, examples=examples, severity=severity,
        message=message,
    )


def _artifact_rule(entry: dict, index: int, file_lang, where: _Where) -> ArtifactRule | None:
    line = where.lines.table("artifact", index)
    before = len(where.problems)
    where.check_fields(entry, ARTIFACT_FIELDS, line, "[[artifact]]")
    rule_id = where.rule_id(entry, line)
    pattern = where.string(entry, "pattern", line, required=True)
    compiled = None
    if pattern is not None:
        if not pattern:
            where.error(where.lines.field(line, "pattern"), "pattern", "is empty")
        else:
            compiled = _compile_pattern(pattern, where, where.lines.field(line, "pattern"))
    replace = where.string(entry, "replace", line)
    if compiled is not None and replace is not None:
        problem = template_problem(replace, compiled)
        if problem:
            where.error(where.lines.field(line, "replace"), "replace", problem)
    requires = entry.get("requires", [])
    if isinstance(requires, str):
        requires = [requires]
    if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
        where.error(where.lines.field(line, "requires"), "requires",
                    "must be a list of texts in quotes, one of which every match contains")
        requires = []
    severity = where.severity(entry, line)
    message = where.string(entry, "message", line) or ""
    lang = where.lang(entry, line, "[[artifact]]") if "lang" in entry else file_lang
    examples = where.examples(entry, line)
    if len(where.problems) > before:
        return None
    return ArtifactRule(
        rule_id=rule_id, pattern=pattern, source=Source(str(where.path), line), replace=replace,
        message=message, lang=lang, examples=examples, compiled=compiled, severity=severity,
        requires=tuple(requires),
    )


# Recursion ((?R), (?1), (?&name), (?P>name)) can run without bound on one line.
_RECURSIVE = regex.compile(r"\(\?(?:R|[+-]?\d+|&\w+|P>\w+)\)")
_GROUP_REFERENCE = regex.compile(r"\\(?:g<([^>]*)>|(\d{1,2}))")


def _compile_pattern(pattern: str, where: _Where, line: int):
    if _RECURSIVE.search(pattern.replace("\\\\", "")):
        where.error(line, "pattern", "calls itself recursively ((?R), (?1), (?&name)); "
                    "write the repetition out instead")
        return None
    try:
        return regex.compile(pattern, regex.VERSION1)
    except regex.error as error:
        where.error(line, "pattern", f"does not compile: {error}; see the `regex` module's syntax")
    except RecursionError:
        where.error(line, "pattern", "is nested too deep to compile")
    return None


def template_problem(template: str, compiled) -> str | None:
    r"""Why ``template`` would fail as the replacement of ``compiled``'s matches, or None.

    >>> print(template_problem(r"\9", regex.compile("(a)")))
    refers to group 9, but the pattern has 1 group(s); use \1 to \1 or a name it defines
    >>> print(template_problem(r"\g<nope>", regex.compile("(?P<yes>a)")))
    refers to group 'nope', which the pattern does not define (its named groups: yes)
    >>> template_problem(r"[\1]", regex.compile("(a)")) is None
    True
    """
    for match in _GROUP_REFERENCE.finditer(template):
        name = match.group(1) if match.group(1) is not None else match.group(2)
        if name.isdigit():
            if int(name) > compiled.groups:
                return (f"refers to group {int(name)}, but the pattern has {compiled.groups} "
                        f"group(s); use \\1 to \\{max(compiled.groups, 1)} or a name it defines")
        elif name not in compiled.groupindex:
            names = ", ".join(compiled.groupindex) or "none"
            return (f"refers to group '{name}', which the pattern does not define "
                    f"(its named groups: {names})")
    try:
        # Any other template error (a stray backslash): expand on an empty match.
        probe = regex.compile("(?:" + compiled.pattern + ")|", compiled.flags)
    except regex.error:
        return None
    try:
        probe.match("").expand(template)
    except (regex.error, IndexError) as error:
        if "unknown group" not in str(error) and "invalid group reference" not in str(error):
            return f"is not a valid replacement: {error}"
    return None


def _punctuation_rule(entry: dict, index: int, file_lang, where: _Where) -> PunctuationRule | None:
    line = where.lines.table("punctuation", index)
    before = len(where.problems)
    where.check_fields(entry, PUNCTUATION_FIELDS, line, "[[punctuation]]")
    rule_id = where.rule_id(entry, line)
    char = where.string(entry, "char", line, required=True)
    if char is not None and len(char) != 1:
        where.error(where.lines.field(line, "char"), "char",
                    f"must be one character, not {len(char)}; write it as \"\\u055B\" if it is hard to see")
    becomes = where.string(entry, "becomes", line) or APOSTROPHE
    next_to = entry.get("next_to", ["Latin"])
    next_to_line = where.lines.field(line, "next_to")
    if isinstance(next_to, str):
        next_to = [next_to]
    if not isinstance(next_to, list) or not next_to or not all(isinstance(n, str) for n in next_to):
        where.error(next_to_line, "next_to", "must be a list of script names like [\"Latin\"]")
        next_to = []
    for name in next_to:
        if not is_known_script(name):
            where.unknown(name, set(script_names()), next_to_line, "script in next_to")
    keep_lang = where.lang(entry, line, "[[punctuation]]", key="keep_lang") or ()
    note = where.string(entry, "note", line) or ""
    lang = where.lang(entry, line, "[[punctuation]]") if "lang" in entry else file_lang
    examples = where.examples(entry, line)
    if len(where.problems) > before:
        return None
    return PunctuationRule(
        rule_id=rule_id, char=char, source=Source(str(where.path), line), becomes=becomes,
        next_to=tuple(next_to), lang=lang, keep_lang=tuple(keep_lang or ()), note=note,
        examples=examples,
    )


def _toml_problem(path: Path, text: str, error: Exception) -> str:
    message = str(error)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    line = int(match.group(1)) if match else 1
    reason = message[: match.start()].strip() if match else message
    opened = _unclosed_construct_line(text)
    if opened is not None and ("Unclosed" in reason or "end of document" in reason or opened < line):
        return (f"{path}:{opened}: TOML: {reason}: the [ or {{ opened on this line is never closed; "
                f"add the closing bracket")
    hint = {
        "Cannot overwrite a value": "a key is written twice in the same table; keep one",
        "Illegal character": "a text in quotes is not closed on its line; add the closing quote",
    }
    extra = next((h for key, h in hint.items() if reason.startswith(key)), "")
    return f"{path}:{line}: TOML: {reason}" + (f"; {extra}" if extra else "")


def _unclosed_construct_line(text: str) -> int | None:
    """The line of the first [ or { (in a value) that is never closed, ignoring strings and comments."""
    stack: list[int] = []
    index, line, length = 0, 1, len(text)
    at_line_start = True
    while index < length:
        char = text[index]
        if char == "\n":
            line += 1
            at_line_start = True
            index += 1
            continue
        if at_line_start and char in " \t":
            index += 1
            continue
        if at_line_start and char == "[" and not stack:
            # a table header, [x] or [[x]], not a value
            end = text.find("\n", index)
            index = length if end == -1 else end
            at_line_start = False
            continue
        at_line_start = False
        if char == "#":
            end = text.find("\n", index)
            index = length if end == -1 else end
            continue
        if char in "\"'":
            triple = text[index : index + 3] == char * 3
            quote = char * 3 if triple else char
            index += len(quote)
            while index < length and not text.startswith(quote, index):
                if text[index] == "\n":
                    if not triple:
                        break
                    line += 1
                if text[index] == "\\" and char == '"':
                    index += 1
                index += 1
            index += len(quote)
            continue
        if char in "[{":
            stack.append(line)
        elif char in "]}" and stack:
            stack.pop()
        index += 1
    return stack[0] if stack else None


def _layer_conflicts(rules: RuleSet) -> list[str]:
    problems = []
    owner: dict[str, NameRule] = {}
    for rule in rules.names:
        for variant in rule.variants:
            other = owner.get(variant)
            if other is not None and other.canonical != rule.canonical and _scopes_overlap(other, rule):
                problems.append(
                    f"{rule.source}: variants: '{variant}' is a variant of '{rule.canonical}' here "
                    f"and of '{other.canonical}' at {other.source}; keep it in one rule, or give "
                    f"the rules languages that do not overlap"
                )
            owner.setdefault(variant, rule)
    for rule, other in _repeats(rules.names, lambda rule: rule.canonical):
        if _scopes_overlap(other, rule):
            problems.append(
                f"{rule.source}: canonical: '{rule.canonical}' already has a rule at {other.source}; "
                f"merge the two rules' variants into one"
            )
    for rule in rules.names:
        other = owner.get(rule.canonical)
        if other is not None and other is not rule:
            problems.append(
                f"{rule.source}: canonical: '{rule.canonical}' is also a variant of "
                f"'{other.canonical}' at {other.source}, a chain (or cycle) of replacements; "
                f"list all spellings under one canonical"
            )
    for rule, other in _repeats(rules.artifacts, lambda rule: rule.rule_id):
        problems.append(
            f"{rule.source}: id: '{rule.rule_id}' is already used at {other.source}; "
            f"artifact ids must be unique"
        )
    for rule, other in _repeats(rules.punctuation, lambda rule: rule.char):
        problems.append(
            f"{rule.source}: char: U+{ord(rule.char):04X} already has a rule at {other.source}; "
            f"keep one rule per character"
        )
    for rule, other in _repeats(rules.punctuation, lambda rule: rule.rule_id):
        problems.append(
            f"{rule.source}: id: '{rule.rule_id}' is already used at {other.source}; "
            f"punctuation ids must be unique"
        )
    return problems


def _repeats(rules, key):
    """Each rule whose key an earlier rule already has, with that earlier rule."""
    first: dict = {}
    for rule in rules:
        earlier = first.setdefault(key(rule), rule)
        if earlier is not rule:
            yield rule, earlier


def _scopes_overlap(a, b) -> bool:
    return a.lang is None or b.lang is None or bool(set(a.lang) & set(b.lang))


