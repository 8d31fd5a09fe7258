"""``filter-lang --keep``: the kept languages as conditions, one per record part.

With ``--tsv``, the n-th ``--keep`` goes with the n-th ``--column`` as written,
while the TSV format reads its columns in ascending order; one ``--keep`` for
several columns holds for each.

>>> [sorted(c.keep) for c in keep_conditions(["hy", "en"], [3, 1], 0.0)]
[['en'], ['hy']]
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus_tools.language.codes import parse_languages
from corpus_tools.tasks.language import Condition


def keep_conditions(keeps: Sequence[str], columns: Sequence[int],
                    min_score: float) -> list[Condition]:
    """ValueError names a --keep that is not a list of language codes."""
    keep_sets = [frozenset(parse_languages(keep, "--keep", allow_und=True) or ())
                 for keep in keeps]
    if columns and len(keep_sets) == len(columns):
        keep_sets = [keep for _, keep in sorted(zip(columns, keep_sets, strict=True))]
    elif len(keep_sets) == 1 and len(columns) > 1:
        keep_sets = keep_sets * len(set(columns))
    return [Condition(keep, min_score) for keep in keep_sets]
