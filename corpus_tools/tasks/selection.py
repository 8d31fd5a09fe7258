"""Which rule ids and detectors a run reports: ``--select`` and ``--ignore`` made concrete.

>>> rule_ids(["name:,script:", " repeated-word "])
('name:', 'script:', 'repeated-word')
"""

from __future__ import annotations

from collections.abc import Iterable

from corpus_tools.detectors import DETECTORS
from corpus_tools.detectors.base import Detector
from corpus_tools.rules.model import RuleSet
from corpus_tools.tasks.check import matches


def rule_ids(values: Iterable[str] | None) -> tuple[str, ...]:
    """Ids and prefixes from options that each hold one or more, comma-separated."""
    return tuple(part.strip() for value in values or () for part in value.split(",")
                 if part.strip())


def chosen_detectors(rule_set: RuleSet, select: tuple[str, ...],
                     ignore: tuple[str, ...]) -> list[Detector]:
    """The detectors whose id is selected (all, when nothing is) and not ignored."""
    return [cls.build(rule_set) for cls in DETECTORS.values()
            if (not select or matches(cls.id, select)) and not matches(cls.id, ignore)]
