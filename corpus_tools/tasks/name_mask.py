"""Names blanked before language identification, as ``clean`` blanks them.

A name ('Lachin', 'Stepanakert') says little of the language of the line it
stands in, so the scoped name rules' matches are masked out of the text the
identifier reads: ``detect-lang`` and ``filter-lang`` then decide as the
rule steps of ``clean`` do.
"""

from __future__ import annotations

from collections.abc import Callable

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.unify_names import UnifyNames
from corpus_tools.rules.loader import load_rules


def name_masker() -> Callable[[str], str]:
    """text -> the text the identifier reads: the default rules' scoped names blanked."""
    names = UnifyNames([rule for rule in load_rules().names if rule.scoped])

    def mask(text: str) -> str:
        context = UnitContext(detect=lambda evidence=None: None)
        context.mask(text, names.name_spans(text))
        return text if context.evidence is None else context.evidence

    return mask
