"""One registry of steps: name -> Filter class, the recommended order, and how to build them.

The pipeline, the command line's step options and ``rules test`` all build
steps here, so a new filter is one module in ``filters/`` and one line below.

>>> resolve_steps(None, skip=["unify-names"])
['fix-encoding', 'fix-scripts', 'strip-artifacts', 'normalize-space']
>>> sorted(RULE_KINDS.items())
[('artifact', 'strip-artifacts'), ('name', 'unify-names'), ('punctuation', 'fix-scripts')]
"""

from __future__ import annotations

from collections.abc import Iterable

from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.base import Filter
from corpus_tools.filters.encoding.fix_encoding import FixEncoding
from corpus_tools.filters.fix_scripts import FixScripts
from corpus_tools.filters.foreign_sentences import ForeignSentences
from corpus_tools.filters.normalize_space import NormalizeSpace
from corpus_tools.filters.strip_artifacts import StripArtifacts
from corpus_tools.filters.unify_names import UnifyNames

# The recommended order of `clean`.
RECOMMENDED: tuple[type[Filter], ...] = (
    FixEncoding, FixScripts, StripArtifacts, NormalizeSpace, UnifyNames,
)
# Steps that only report, run when named (clean --steps ..., or their own command).
OPTIONAL: tuple[type[Filter], ...] = (ForeignSentences,)

STEPS: dict[str, type[Filter]] = {cls.name: cls for cls in RECOMMENDED + OPTIONAL}
RECOMMENDED_STEPS = tuple(cls.name for cls in RECOMMENDED)
# rule kind -> the step that reads it
RULE_KINDS = {cls.rule_kind: name for name, cls in STEPS.items() if cls.rule_kind}
RULE_STEPS = frozenset(RULE_KINDS.values())


class UnknownStepError(CorpusToolsError):
    pass


def step_class(name: str) -> type[Filter]:
    try:
        return STEPS[name]
    except KeyError:
        raise UnknownStepError(
            f"unknown step '{name}'; the steps are: {', '.join(STEPS)}") from None


def resolve_steps(steps: Iterable[str] | None = None, skip: Iterable[str] = ()) -> list[str]:
    """The step names to run: ``steps`` (default: the recommended order) less ``skip``."""
    chosen = list(RECOMMENDED_STEPS if steps is None else steps)
    skip = list(skip)
    for name in [*chosen, *skip]:
        step_class(name)
    return [name for name in chosen if name not in skip]


def build_step(name: str, config, rules, detector) -> Filter:
    """Make step ``name`` from a CleanConfig, a rule-set getter and a detector getter."""
    return step_class(name).build(config, rules, detector)
