"""The configuration a corpus repository sets once, for ``check``.

``[tool.corpus-tools]`` in ``pyproject.toml``, or a ``corpus-tools.toml``,
found from the current folder upward (the first folder holding either wins;
``corpus-tools.toml`` before ``pyproject.toml``), or named with ``--config``.
Keys are the command-line options' names; the command line wins over them.

>>> load_config_text('select = ["name:"]\\nfail-on = "error"\\n', "corpus-tools.toml")
{'select': ['name:'], 'fail-on': 'error'}
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from corpus_tools.errors import CorpusToolsError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KEYS = {
    "rules": list, "no-default-rules": bool, "select": list, "ignore": list, "fail-on": str,
    "per-path-ignores": dict, "lang": str, "languages": str, "lang-backend": str,
    "lang-unit": str, "min-lang-score": float, "glob": list, "steps": str, "skip": list,
    "max-findings": int, "baseline": str, "jsonl": bool, "field": str, "tsv": bool,
    "column": list,
}
CONFIG_NAMES = ("corpus-tools.toml", "pyproject.toml")


class ConfigError(CorpusToolsError):
    pass


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "corpus-tools.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "corpus-tools" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, ValueError):
        return False


def load_config(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    return load_config_text(text, str(path))


def load_config_text(text: str, name: str) -> dict:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{name}: TOML: {error}") from None
    if name.endswith("pyproject.toml"):
        data = data.get("tool", {}).get("corpus-tools", {})
        where = "[tool.corpus-tools]"
    else:
        where = "the file"
    for key, value in data.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, sorted(KEYS), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else f"; the keys are: {', '.join(sorted(KEYS))}"
            raise ConfigError(f"{name}: unknown key '{key}' in {where}{hint}")
        wanted = KEYS[key]
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            raise ConfigError(f"{name}: '{key}' must be {_kind(wanted)}, not {value!r}")
        data[key] = value
    for pattern, rules in data.get("per-path-ignores", {}).items():
        if not isinstance(rules, list) or not all(isinstance(rule, str) for rule in rules):
            raise ConfigError(f"{name}: per-path-ignores '{pattern}' must be a list of rule ids")
    return data


def _kind(wanted: type) -> str:
    return {list: "a list", bool: "true or false", str: "a text in quotes", dict: "a table",
            float: "a number", int: "a whole number"}[wanted]
