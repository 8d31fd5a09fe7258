"""Rule files: the linguists' knowledge (name variants, artifacts), loaded and checked.

The loader is apart from the filters that apply the rules
(:mod:`corpus_tools.filters.unify_names`, :mod:`corpus_tools.filters.strip_artifacts`).
"""

from corpus_tools.rules.loader import RuleFileError, load_rules
from corpus_tools.rules.model import ArtifactRule, Example, NameRule, RuleSet

__all__ = ["ArtifactRule", "Example", "NameRule", "RuleFileError", "RuleSet", "load_rules"]
