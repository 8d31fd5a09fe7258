"""The cleaning steps, one module each, registered by name."""

from __future__ import annotations

from corpus_tools.filters.base import DocumentContext, Filter, UnitContext
from corpus_tools.filters.fix_encoding import EncodingConfig, FixEncoding
from corpus_tools.filters.normalize_space import NormalizeSpace

# The recommended order of `clean`.  Steps from later issues slot in here.
RECOMMENDED_STEPS = (
    "fix-encoding", "fix-scripts", "strip-artifacts", "normalize-space", "unify-names",
)
# Steps that only report, run when named (clean --steps ..., or their own command).
OPTIONAL_STEPS = ("foreign-sentences",)
# The steps that read rule files.
RULE_STEPS = frozenset({"fix-scripts", "strip-artifacts", "unify-names"})

__all__ = [
    "OPTIONAL_STEPS",
    "RECOMMENDED_STEPS",
    "RULE_STEPS",
    "DocumentContext",
    "EncodingConfig",
    "Filter",
    "FixEncoding",
    "NormalizeSpace",
    "UnitContext",
]
