"""Run rules' examples through the real steps: what ``corpus-tools rules test`` does."""

from __future__ import annotations

from dataclasses import dataclass

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.fix_scripts import FixScripts
from corpus_tools.filters.strip_artifacts import StripArtifacts
from corpus_tools.filters.unify_names import UnifyNames
from corpus_tools.rules.model import ArtifactRule, Example, NameRule, PunctuationRule, RuleSet


@dataclass(frozen=True)
class ExampleFailure:
    rule: NameRule | ArtifactRule | PunctuationRule
    example: Example
    expected: str
    got: str

    def describe(self) -> str:
        return (
            f"{self.example.source}: {self.rule.id}: example failed\n"
            f"    text:     {self.example.text!r}\n"
            f"    expected: {self.expected!r}\n"
            f"    got:      {self.got!r}"
        )


def run_examples(rules: RuleSet, only: list | None = None) -> tuple[int, list[ExampleFailure]]:
    """Run the examples of ``only`` (default: every rule) with all of ``rules`` loaded.

    Each example runs in its rule's scope (its first language), through the
    step of its kind built from the whole rule set, so rules that interact are
    tested together, as in ``clean``.
    """
    steps = {
        "name": UnifyNames(rules.names),
        "artifact": StripArtifacts(rules.artifacts),
        "punctuation": FixScripts(rules.punctuation),
    }
    count, failures = 0, []
    for rule in only if only is not None else rules.all_rules():
        for example in rule.examples:
            count += 1
            # A fresh context per example: each is a document of its own.
            context = UnitContext(lang=rule.lang[0] if rule.lang else None)
            got, _ = steps[rule.kind].apply(example.text, context)
            expected = example.text if example.expect is None else example.expect
            if got != expected:
                failures.append(ExampleFailure(rule, example, expected, got))
    return count, failures
