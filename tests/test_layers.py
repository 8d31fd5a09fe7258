"""The README's layer table and the import-linter contract name the same layers in the same order."""

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [layer.removeprefix("corpus_tools.") for layer in contract["layers"]]


def readme_layers() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Architecture"):]
    table = section[section.index("| layer |"):]
    rows = re.findall(r"^\| ([a-z]+) \|", table.split("\n\n", 1)[0], flags=re.MULTILINE)
    return rows[1:]  # the header row names the column "layer"


def test_readme_table_lists_the_contract_layers_in_order():
    assert readme_layers() == contract_layers()


def test_every_package_is_a_layer():
    packages = {p.parent.name for p in (ROOT / "corpus_tools").glob("*/__init__.py")}
    modules = {p.stem for p in (ROOT / "corpus_tools").glob("*.py") if p.stem != "__init__"}
    layers = set(contract_layers())
    assert packages - layers == set()
    assert modules - layers == set()
