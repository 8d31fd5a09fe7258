"""Load rule files: TOML in, checked rules out, every error located at file, line and field.

Layers: the packaged defaults, then each ``--rules`` path in order.  A later
layer that defines an entity an earlier one defines (same canonical, or one of
its variants) replaces it whole.  Inside one layer, conflicts are errors
(:mod:`.conflicts`).  Every step over the kinds of table reads the table of
kinds (:mod:`.kinds`); a kind's values are checked by its builder in
:mod:`.fields`; positions and syntax errors come from :mod:`.toml_source`.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Sequence
from pathlib import Path

from corpus_tools.errors import CorpusToolsError
from corpus_tools.rules.fields import Where, array_of_tables
from corpus_tools.rules.kinds import FILE_FIELDS, KINDS, RuleKind
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
        for kind in KINDS.values():
            getattr(rules, kind.collection).extend(getattr(file_rules, kind.collection))
        rules.warnings += file_rules.warnings
    for kind in KINDS.values():
        problems += kind.layer_conflicts(getattr(rules, kind.collection))
    if problems:
        raise RuleFileError(problems)
    return rules


def _merge(merged: RuleSet, layer: RuleSet) -> None:
    """Add a layer; each of its rules replaces whole the earlier layers' rules it shares a key
    with (for a name: its canonical or any spelling)."""
    for kind in KINDS.values():
        rules = _replace(kind, getattr(merged, kind.collection), getattr(layer, kind.collection),
                         merged.notes)
        setattr(merged, kind.collection, rules)
    merged.warnings += layer.warnings
    merged.files += layer.files


def _replace(kind: RuleKind, old_rules: list, new_rules: list, notes: list[str]) -> list:
    """The earlier rules that share no key with a new rule, then the new rules; a note per
    replacement."""
    kept = list(old_rules)
    for rule in new_rules:
        keys = kind.merge_keys(rule)
        for old in kept:
            if keys & kind.merge_keys(old):
                notes.append(f"{rule.source}: {kind.replaced_as} {kind.shown_key(rule)!r} "
                             f"replaces the rule at {old.source}")
        kept = [old for old in kept if not keys & kind.merge_keys(old)]
    return kept + new_rules


def _load_file(path: Path, problems: list[str]) -> RuleSet:
    rules = RuleSet()
    data, text = parse_toml(path, problems)
    if data is None:
        return rules
    lines = Lines(text)
    where = Where(path, lines, problems, rules.warnings)

    tables = {"file", *KINDS}
    for key in data:
        if key not in tables:
            where.unknown(key, tables, 1, "table")
    file_table = data.get("file", {})
    file_lang = None
    if not isinstance(file_table, dict):
        where.error(1, "file", "must be a table: write [file] on a line of its own")
    else:
        file_line = lines.table("file", 0)
        where.check_fields(file_table, {field.name for field in FILE_FIELDS}, file_line, "[file]")
        file_lang = where.lang(file_table, file_line, "[file]")

    for kind in KINDS.values():
        built = getattr(rules, kind.collection)
        for index, entry in enumerate(array_of_tables(data, kind.table, where)):
            where.check_fields(entry, set(kind.field_names), lines.table(kind.table, index),
                               f"[[{kind.table}]]")
            rule = kind.build(entry, index, file_lang, where)
            if rule is not None:
                built.append(rule)
    for rule in rules.all_rules():
        if not rule.examples and KINDS[rule.kind].has_examples:
            rules.warnings.append(
                f"{rule.source}: {rule.id} has no examples; add examples = [{{ text = \"...\", "
                f"expect = \"...\" }}] so `corpus-tools rules test` can check it"
            )
    return rules
