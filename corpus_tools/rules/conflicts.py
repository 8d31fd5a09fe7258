"""Conflicts inside one layer of rule files: each names both places and how to mend it.

A key written twice is checked for every kind from its ``unique`` fields
(:mod:`.kinds`); the checks here are the ones a kind adds to that.
"""

from __future__ import annotations

from corpus_tools.rules.model import NameRule, PunctuationRule, SpellingRule


def name_conflicts(names: list[NameRule]) -> list[str]:
    """A variant of two canonicals, a canonical written twice, a chain of replacements."""
    problems = []
    owner: dict[str, NameRule] = {}
    for rule in names:
        for variant in rule.variants:
            other = owner.get(variant)
            if other is not None and other.canonical != rule.canonical and _scopes_overlap(other, rule):
                problems.append(
                    f"{rule.source}: variants: '{variant}' is a variant of '{rule.canonical}' here "
                    f"and of '{other.canonical}' at {other.source}; keep it in one rule, or give "
                    f"the rules languages that do not overlap"
                )
            owner.setdefault(variant, rule)
    for rule, other in repeated(names, lambda rule: rule.canonical):
        if _scopes_overlap(other, rule):
            problems.append(
                f"{rule.source}: canonical: '{rule.canonical}' already has a rule at {other.source}; "
                f"merge the two rules' variants into one"
            )
    for rule in names:
        other = owner.get(rule.canonical)
        if other is not None and other is not rule:
            problems.append(
                f"{rule.source}: canonical: '{rule.canonical}' is also a variant of "
                f"'{other.canonical}' at {other.source}, a chain (or cycle) of replacements; "
                f"list all spellings under one canonical"
            )
    return problems


def char_conflicts(punctuation: list[PunctuationRule]) -> list[str]:
    return [f"{rule.source}: char: U+{ord(rule.char):04X} already has a rule at {other.source}; "
            f"keep one rule per character"
            for rule, other in repeated(punctuation, lambda rule: rule.char)]


def spelling_keys(rule: SpellingRule) -> frozenset:
    """The spellings a class claims, with where (an empty ending is every ending's partner)."""
    return frozenset((rule.at, spelling) for spelling in rule.same if spelling)


def spelling_conflicts(spellings: list[SpellingRule]) -> list[str]:
    """A spelling in two classes: the guide's one class per spelling."""
    problems, owner = [], {}
    for rule in spellings:
        for at, spelling in sorted(spelling_keys(rule)):
            other = owner.setdefault((at, spelling), rule)
            if other is not rule:
                problems.append(f"{rule.source}: same: '{spelling}' is already in "
                                f"'{other.rule_id}' at {other.source}; a spelling belongs in "
                                f"one [[spelling]] only (merge the two)")
    return problems


def repeated(rules, key):
    """Each rule whose key an earlier rule already has, with that earlier rule."""
    first: dict = {}
    for rule in rules:
        earlier = first.setdefault(key(rule), rule)
        if earlier is not rule:
            yield rule, earlier


def _scopes_overlap(a, b) -> bool:
    return a.lang is None or b.lang is None or bool(set(a.lang) & set(b.lang))
