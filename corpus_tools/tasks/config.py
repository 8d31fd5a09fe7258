"""The configuration a corpus repository sets once, for every command.

``[tool.corpus-tools]`` in ``pyproject.toml``, or a ``corpus-tools.toml``,
found from the inputs' common folder (or the current folder) upward: the
first folder holding either wins, ``corpus-tools.toml`` before
``pyproject.toml``; or named with ``--config``.  Keys are the options' long
names; keys at the top apply to every command that has the option, a table
named after a command (``[check]``, ``[rules-suggest]``) to that command
only, over the top.  What the keys mean is the command line's business
(:mod:`corpus_tools.cli.configuration`); this module finds and reads files.

>>> config = read_config_text('select = ["name:"]\\n[clean]\\njobs = 2\\n', Path("corpus-tools.toml"))
>>> config.shared, config.sections
({'select': ['name:']}, {'clean': {'jobs': 2}})
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from corpus_tools.errors import CorpusToolsError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("corpus-tools.toml", "pyproject.toml")
TABLE_KEYS = ("per-path-ignores",)  # keys whose values are tables, not sections


class ConfigError(CorpusToolsError):
    pass


@dataclass(frozen=True)
class ConfigFile:
    """One configuration file's corpus-tools table: shared keys and per-command sections."""

    path: Path
    shared: dict = field(default_factory=dict)
    sections: dict[str, dict] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        """Where the file's relative paths start."""
        return self.path.resolve().parent

    def where(self, section: str | None = None) -> str:
        """How an error names the table a key sits in."""
        if self.path.name == "pyproject.toml":
            return f"[tool.corpus-tools.{section}]" if section else "[tool.corpus-tools]"
        return f"[{section}]" if section else "the file"

    def resolve(self, value):
        """A path written in the file, against the file's folder ('-', URLs and what is not
        a text at all, for the option to refuse, as written)."""
        if not isinstance(value, str) or value == "-" or "://" in value:
            return value
        return str(self.folder / os.path.expanduser(value))

    def unknown_key(self, key: str, known: Iterable[str], section: str | None = None) -> ConfigError:
        """The one-line error for a key no option has, with the closest known key."""
        known = sorted(set(known))
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; the keys are: {', '.join(known)}"
        return ConfigError(f"{self.path}: unknown key '{key}' in {self.where(section)}{hint}")


def search_start(inputs: Iterable[str]) -> Path:
    """Where the search for a configuration file begins: the local inputs' common folder,
    else (stdin, URLs, no inputs) the current folder, as black does."""
    local = [Path(path).resolve() for path in inputs if path != "-" and "://" not in path]
    if not local:
        return Path.cwd()
    folders = [path if path.is_dir() else path.parent for path in local]
    return Path(os.path.commonpath(folders))


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


def read_config(path: Path) -> ConfigFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    return read_config_text(text, path)


def read_config_text(text: str, path: Path) -> ConfigFile:
    """Split the table into shared keys and sections: every table but the keys whose
    values are tables (``per-path-ignores``) is a command's section."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("corpus-tools", {})
    shared, sections = {}, {}
    for key, value in data.items():
        if isinstance(value, dict) and key not in TABLE_KEYS:
            sections[key] = value
        else:
            shared[key] = value
    return ConfigFile(path, shared, sections)
