"""Run rules' examples through the real steps: what ``corpus-tools rules test`` does."""

from __future__ import annotations

from dataclasses import dataclass

from corpus_tools.rules.kinds import KINDS
from corpus_tools.rules.model import ArtifactRule, Example, NameRule, PunctuationRule, RuleSet


@dataclass(frozen=True)
class ExampleFailure:
    rule: NameRule | ArtifactRule | PunctuationRule
    example: Example
    expected: str
    got: str
    what: str = "text"  # "text": the output; "finds": what the rule reported

    def describe(self) -> str:
        if self.what == "finds":
            return (
                f"{self.example.source}: {self.rule.id}: example failed\n"
                f"    text:     {self.example.text!r}\n"
                f"    finds:    {self.expected!r}\n"
                f"    reported: {self.got!r}"
            )
        return (
            f"{self.example.source}: {self.rule.id}: example failed\n"
            f"    text:     {self.example.text!r}\n"
            f"    expected: {self.expected!r}\n"
            f"    got:      {self.got!r}"
        )


def run_examples(rules: RuleSet, only: list | None = None) -> tuple[int, list[ExampleFailure]]:
    """Run the examples of ``only`` (default: every rule) with all of ``rules`` loaded.

    Each example runs in its own ``lang``, else its rule's first language,
    through a :class:`~corpus_tools.pipeline.Pipeline` of the step that reads
    its kind (built from the whole rule set, so rules that interact are
    tested together), with the same guards as ``clean``; an example is a
    document of its own.  An example says with ``finds`` the exact text its
    rule must report (a report-only rule or spelling); without ``finds`` the
    rule must report nothing.  Either way the text must come out as
    ``expect`` says (unchanged without one), so ``finds`` on a replaced
    spelling still checks the replacement.
    """
    from corpus_tools.pipeline import CleanConfig, Pipeline
    from corpus_tools.registry import RULE_KINDS

    pipelines: dict = {}
    count, failures = 0, []
    for rule in only if only is not None else rules.all_rules():
        if rule.kind not in RULE_KINDS:
            continue  # a kind no repairing step reads (repeat: read by check's detector)
        for example in rule.examples:
            count += 1
            lang = example.lang or (rule.lang[0] if rule.lang else None)
            key = (rule.kind, lang)
            if key not in pipelines:
                pipelines[key] = Pipeline([RULE_KINDS[rule.kind]],
                                          CleanConfig(lang=lang, rule_set=rules))
            pipeline = pipelines[key]
            result = pipeline.clean(example.text, pipeline.record_facts(example.text))
            # With finds, the spelling it names may be replaced too (expect then checks how).
            reported = [c.before for c in result.changes if c.rule == rule.id and (
                _reports(c, rule) or (example.finds is not None and c.applied))]
            wanted = [] if example.finds is None else [example.finds]
            if reported != wanted:
                failures.append(ExampleFailure(rule, example, " | ".join(wanted) or "nothing",
                                               " | ".join(reported) or "nothing", "finds"))
                continue
            expected = example.text if example.expect is None else example.expect
            if result.text != expected:
                failures.append(ExampleFailure(rule, example, expected, result.text))
    return count, failures


def _reports(change, rule) -> bool:
    """Whether ``change`` is a report (a suggestion, or a report-only rule's finding) rather than
    an edit; a name rule's findings say what a keep phrase or context word protected."""
    if change.kind == "suggestion":
        return True
    return change.kind == "finding" and KINDS[rule.kind].reports_only(rule) and rule.kind != "name"
