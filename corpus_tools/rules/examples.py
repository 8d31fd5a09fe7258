"""Run rules' examples through the real steps: what ``corpus-tools rules test`` does."""

from __future__ import annotations

from dataclasses import dataclass

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

    Each example runs in its rule's scope (its first language) through a
    :class:`~corpus_tools.pipeline.Pipeline` of the step that reads its kind
    (built from the whole rule set, so rules that interact are tested
    together), with the same guards as ``clean``; an example is a document
    of its own.
    """
    from corpus_tools.pipeline import CleanConfig, Pipeline
    from corpus_tools.registry import RULE_KINDS

    pipelines: dict = {}
    count, failures = 0, []
    for rule in only if only is not None else rules.all_rules():
        if rule.kind not in RULE_KINDS:
            continue  # a kind no repairing step reads (repeat: read by check's detector)
        lang = rule.lang[0] if rule.lang else None
        key = (rule.kind, lang)
        if key not in pipelines:
            pipelines[key] = Pipeline([RULE_KINDS[rule.kind]], CleanConfig(lang=lang, rule_set=rules))
        pipeline = pipelines[key]
        for example in rule.examples:
            count += 1
            got = pipeline.clean(example.text, pipeline.record_facts(example.text)).text
            expected = example.text if example.expect is None else example.expect
            if got != expected:
                failures.append(ExampleFailure(rule, example, expected, got))
    return count, failures
