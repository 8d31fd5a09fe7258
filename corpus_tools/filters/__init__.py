"""The cleaning steps, one module each; :mod:`corpus_tools.registry` maps their names."""

from __future__ import annotations

from corpus_tools.filters.base import DocumentFacts, Filter, UnitContext
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig, FixEncoding
from corpus_tools.filters.normalize_space import NormalizeSpace

__all__ = [
    "DocumentFacts",
    "EncodingConfig",
    "Filter",
    "FixEncoding",
    "NormalizeSpace",
    "UnitContext",
]
