"""Quotation marks and brackets left open or closed twice, and a document's mixed quote styles.

Within one line: a bracket or quotation mark that is never closed, or a
closer with no opener. Each language's marks are known (``« »``, ``» «``,
``„ “``, ``„ ”``, ``“ ”``, ``‚ ‘``, ``‘ ’``, ``「 」``, ``『 』``, ``‹ ›``);
an apostrophe inside or at the end of a word (``Azerbaijan’s``, ``States’``)
is no quotation mark; a straight ``"`` after a digit is an inch mark.

>>> from corpus_tools.filters.base import UnitContext
>>> [c.before for c in UnbalancedQuotes().detect("He said “we agree and left.", UnitContext())]
['“']
>>> UnbalancedQuotes().detect("Il a dit « oui » et „ja“ und “yes”.", UnitContext())
[]
>>> [c.before for c in UnbalancedBrackets().detect("a (b [c) d", UnitContext())]
['[']
"""

from __future__ import annotations

import re

from corpus_tools.changes import Change
from corpus_tools.detectors.base import Detector
from corpus_tools.filters.base import UnitContext, count_quotes, decide_style

_BRACKETS = {")": "(", "]": "[", "}": "{", "」": "「", "』": "『"}
_OPENING_BRACKETS = frozenset(_BRACKETS.values())
_ANY_BRACKET = re.compile("[][(){}「」『』]")
_LIST_MARKER = re.compile(r"(?:^|[\s,;:])(?:\d{1,3}|[a-zA-Z])$")
_QUOTE_MARKS = re.compile("[«»‹›„“”‚‘’\"']")


def _inside_word(text: str, index: int) -> bool:
    """An apostrophe between letters: Azerbaijan’s, l’État."""
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


class UnbalancedBrackets(Detector):
    id = "unbalanced-brackets"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if not _ANY_BRACKET.search(text):
            return []
        stack: list[int] = []
        problems: list[int] = []
        for match in _ANY_BRACKET.finditer(text):
            index, char = match.start(), match.group()
            if char in _OPENING_BRACKETS:
                stack.append(index)
            elif char in _BRACKETS:
                if stack and text[stack[-1]] == _BRACKETS[char]:
                    stack.pop()
                elif stack and _BRACKETS[char] in {text[i] for i in stack}:
                    while text[stack[-1]] != _BRACKETS[char]:
                        problems.append(stack.pop())  # opened inside, never closed
                    stack.pop()
                elif not (char == ")" and _is_list_marker(text, index)):
                    problems.append(index)
        problems += stack
        return [self.finding(i, text[i], "a bracket that is never closed" if text[i] in
                             _OPENING_BRACKETS else "a closing bracket with no opening one")
                for i in sorted(problems)]


def _is_list_marker(text: str, index: int) -> bool:
    """``1)``, ``a)`` starting a line or an item after a space: an enumeration, not a bracket."""
    return bool(_LIST_MARKER.search(text, 0, index))


def _looks_balanced(text: str) -> bool:
    """The fast yes: every family's count is even and no single opener is in sight."""
    count = text.count
    return (count("«") == count("»") and count("‹") == count("›")
            and (count("„") + count("“") + count("”")) % 2 == 0
            and count('"') % 2 == 0 and not count("‘") and not count("‚"))


class UnbalancedQuotes(Detector):
    id = "unbalanced-quotes"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if not _QUOTE_MARKS.search(text) or _looks_balanced(text):
            return []
        findings: list[Change] = []
        marks = [(m.start(), m.group()) for m in _QUOTE_MARKS.finditer(text)]
        # Guillemets: « » (French, Russian) or » « (German, Danish): one family.
        findings += self._pairs(text, marks, "«", "»", either_way=True)
        findings += self._pairs(text, marks, "‹", "›", either_way=True)
        # Double curly: “ ” (English), „ “ (German), „ ” (Polish): an even count, and
        # no „ without a mark after it.
        doubles = [(i, m) for i, m in marks if m in "„“”"]
        if len(doubles) % 2:
            findings.append(self._odd(text, doubles, "curly double quotation marks"))
        # Straight double quotes: an even count (inch marks after digits aside).
        straight = [(i, m) for i, m in marks if m == '"' and not (i and text[i - 1].isdigit())]
        if len(straight) % 2:
            findings.append(self._odd(text, straight, "straight double quotation marks"))
        # Single quotes: ’ is also an apostrophe. Inside a word it is one; after a
        # word it closes an open quotation if there is one (‘stay’), else it is a
        # possessive (States’). Only an opener never closed is reported.
        open_quotes: list[tuple[int, str]] = []
        for index, mark in marks:
            if mark == "‘" and open_quotes and open_quotes[-1][1] == "‚":
                open_quotes.pop()  # German ‚…‘
            elif mark in "‘‚":
                open_quotes.append((index, mark))
            elif mark == "’" and open_quotes and not _inside_word(text, index):
                open_quotes.pop()
        if open_quotes:
            index, mark = open_quotes[-1]
            findings.append(self.finding(index, mark, "an opening single quotation mark that "
                                                      "is never closed"))
        return findings

    def _pairs(self, text: str, marks, left: str, right: str, either_way: bool) -> list[Change]:
        lefts = [i for i, m in marks if m == left]
        rights = [i for i, m in marks if m == right]
        if len(lefts) == len(rights):
            return []
        extra = lefts[-1] if len(lefts) > len(rights) else rights[-1]
        return [self.finding(extra, text[extra],
                             f"{len(lefts)} {left} and {len(rights)} {right} in one line")]

    def _odd(self, text: str, marks, what: str) -> Change:
        index, mark = marks[-1]
        return self.finding(index, mark, f"an odd number ({len(marks)}) of {what} in one line")


class MixedQuoteStyle(Detector):
    """A line whose quotation marks are straight in a curly document, or the other way."""

    id = "mixed-quote-style"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        document = context.facts.quote_style
        if document is None or not _QUOTE_MARKS.search(text):
            return []
        line = decide_style(count_quotes(text))
        if line is None or line == document:
            return []
        wanted = "'\"" if line == "straight" else "‘’“”"
        index = next(i for i, c in enumerate(text) if c in wanted)
        return [self.finding(index, text[index],
                             f"{line} quotation marks in a document whose head uses {document} "
                             f"ones")]
