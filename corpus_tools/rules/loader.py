"""Load rule files: TOML in, checked rules out, every error located at file, line and field.

Layers: the packaged defaults, then each ``--rules`` path in order.  A later
layer that defines an entity an earlier one defines (same canonical, or one of
its variants) replaces it whole.  Inside one layer, conflicts are errors
(:mod:`.conflicts`); each table kind's fields are checked in :mod:`.fields`;
positions and syntax errors come from :mod:`.toml_source`.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Sequence
from pathlib import Path

from corpus_tools.errors import CorpusToolsError
from corpus_tools.rules.conflicts import layer_conflicts
from corpus_tools.rules.fields import (
    FILE_FIELDS,
    TABLES,
    Where,
    array_of_tables,
    artifact_rule,
    name_rule,
    punctuation_rule,
    repeat_rule,
    spelling_rule,
    transliteration_rule,
)
from corpus_tools.rules.model import RuleSet
from corpus_tools.rules.toml_source import Lines, parse_toml


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
    """The rule files of a layer: a .toml file, or a folder's *.toml; anything else is an error,
    so a folder of misnamed files never loads nothing in silence."""
    if path.is_dir():
        found = sorted(p for p in path.rglob("*.toml") if p.is_file())
        if not found:
            others = sorted(p.name for p in path.rglob("*") if p.is_file())[:5]
            what = f"found only: {', '.join(others)}" if others else "the folder is empty"
            raise RuleFileError([f"{path}: no rule file (*.toml) in this folder ({what}); "
                                 f"a rule file's name must end in .toml"])
        return found
    if path.is_file():
        if path.suffix != ".toml":
            raise RuleFileError([f"{path}: a rule file's name must end in .toml; rename it "
                                 f"{path.name.split('.')[0]}.toml"])
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
        rules.files.append(str(path))
        rules.names += file_rules.names
        rules.repeats += file_rules.repeats
        rules.spellings += file_rules.spellings
        rules.transliterations += file_rules.transliterations
        rules.artifacts += file_rules.artifacts
        rules.punctuation += file_rules.punctuation
        rules.warnings += file_rules.warnings
    problems += layer_conflicts(rules)
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
    merged.repeats = _replace_by_key(
        merged, merged.repeats, layer.repeats, lambda rule: rule.rule_id, "repeat"
    )
    merged.spellings = _replace_by_key(
        merged, merged.spellings, layer.spellings, lambda rule: rule.rule_id, "spelling"
    )
    merged.transliterations = _replace_by_key(
        merged, merged.transliterations, layer.transliterations, lambda rule: rule.rule_id,
        "transliteration"
    )
    merged.warnings += layer.warnings
    merged.files += layer.files


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


def _load_file(path: Path, problems: list[str]) -> RuleSet:
    rules = RuleSet()
    data, text = parse_toml(path, problems)
    if data is None:
        return rules
    lines = Lines(text)
    where = Where(path, lines, problems, rules.warnings)

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

    for index, entry in enumerate(array_of_tables(data, "name", where)):
        rule = name_rule(entry, index, file_lang, where)
        if rule is not None:
            rules.names.append(rule)
    for index, entry in enumerate(array_of_tables(data, "artifact", where)):
        rule = artifact_rule(entry, index, file_lang, where)
        if rule is not None:
            rules.artifacts.append(rule)
    for index, entry in enumerate(array_of_tables(data, "punctuation", where)):
        rule = punctuation_rule(entry, index, file_lang, where)
        if rule is not None:
            rules.punctuation.append(rule)
    for index, entry in enumerate(array_of_tables(data, "repeat", where)):
        rule = repeat_rule(entry, index, file_lang, where)
        if rule is not None:
            rules.repeats.append(rule)
    for index, entry in enumerate(array_of_tables(data, "spelling", where)):
        rule = spelling_rule(entry, index, where)
        if rule is not None:
            rules.spellings.append(rule)
    for index, entry in enumerate(array_of_tables(data, "transliteration", where)):
        rule = transliteration_rule(entry, index, where)
        if rule is not None:
            rules.transliterations.append(rule)
    for rule in rules.all_rules():
        if not rule.examples and rule.kind in ("name", "artifact", "punctuation"):
            rules.warnings.append(
                f"{rule.source}: {rule.id} has no examples; add examples = [{{ text = \"...\", "
                f"expect = \"...\" }}] so `corpus-tools rules test` can check it"
            )
    return rules
