"""corpus-tools: repair multilingual text corpora with composable, streaming filters."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from corpus_tools.version import __version__

if TYPE_CHECKING:
    from corpus_tools.changes import Change
    from corpus_tools.filters.encoding.fix_encoding import EncodingConfig
    from corpus_tools.pipeline import CleanConfig, Cleaned, Pipeline

__all__ = ["Change", "CleanConfig", "Cleaned", "EncodingConfig", "Pipeline", "__version__"]

# The exports are imported on first use (PEP 562): ``import corpus_tools`` is then
# cheap, and a command imports only what it runs (start-up of ``clean`` counts).
_EXPORTED_FROM = {
    "Change": "corpus_tools.changes",
    "CleanConfig": "corpus_tools.pipeline",
    "Cleaned": "corpus_tools.pipeline",
    "EncodingConfig": "corpus_tools.filters.encoding.fix_encoding",
    "Pipeline": "corpus_tools.pipeline",
}


def __getattr__(name: str):
    if name not in _EXPORTED_FROM:
        raise AttributeError(f"module 'corpus_tools' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTED_FROM[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
