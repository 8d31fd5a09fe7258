"""Quotation marks and brackets left open or closed twice, and a document's mixed quote styles.

Within one line: a bracket or quotation mark that is never closed, or a
closer with no opener. Each language's marks are known (``« »``, ``» «``,
``„ “``, ``„ ”``, ``“ ”``, ``‚ ‘``, ``‘ ’``, ``「 」``, ``『 』``, ``‹ ›``);
an apostrophe inside or at the end of a word (``Azerbaijan’s``, ``States’``)
is no quotation mark; a straight ``"`` after a digit is an inch mark.

What translated software text writes that is not an open quotation or
bracket: a mark the message talks about (``missing ")"``, ``use ( and )``),
a placeholder's own brackets (``%(name)s``, ``{0}``), a fragment that a
placeholder ends or starts (``(%s``, ``%s)``), a smiley, Hebrew gershayim
between letters (``דוא"ל``), the Uzbek letters ``o‘`` and ``g‘``, a closing
quote right after a placeholder (``‘%s’`` beside CJK text).

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

import regex

from corpus_tools.changes import Change
from corpus_tools.detectors.base import Detector
from corpus_tools.filters.base import UnitContext, count_quotes, decide_style

_BRACKETS = {")": "(", "]": "[", "}": "{", "」": "「", "』": "『"}
_OPENING_BRACKETS = frozenset(_BRACKETS.values())
_ANY_BRACKET = re.compile("[][(){}「」『』]")
# 1), a), Korean 예) ("e.g."), Cyrillic а): an enumeration or a label, not a bracket.
_LIST_MARKER = regex.compile(r"(?:^|[\s,;:])(?:\d{1,3}|\p{L})$")
_QUOTE_MARKS = re.compile("[«»‹›„“”‚‘’\"']")
# Placeholders of software strings, blanked before brackets are counted: %(name)s, {0}.
_PLACEHOLDER = re.compile(r"%(?:\([^()\s]{1,40}\)|\d+\$)?[-+#0]*\d*(?:\.\d+)?[a-zA-Z]"
                          r"|\{[\w.:!-]{0,40}\}")
_ENDS_IN_PLACEHOLDER = re.compile(r"(?:%[a-zA-Z]|%\([^()\s]{1,40}\)[a-zA-Z]|\{[\w.:!-]{0,40}\})$")
# :-) ;( =] as a face, eyes first and standing apart; "(in case you forgot):" is no smiley.
_SMILEY = regex.compile(r"(?<![^\s])[:;=]-?[()\[\]](?![\w])")
# A line with no letter or digit holds only a multi-line example's brackets: "    },", "}。".
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
_INVISIBLE_EDGE = " \t\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_QUOTE_EDGES = frozenset("'\"`“”‘’«»„‚‹›")
_MENTION_EDGES = frozenset(" \t\"'`“”‘’«»„‚‹›")  # what stands around a mark that is named
_NAMING_OPENERS = frozenset("([{'\"`“‘«")
_NAMING_CLOSERS = frozenset(")]}'\"`”’»")
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")
_IN_WORD_APOSTROPHE = regex.compile(r"(?<=[\p{L}\p{M}])['’‘ʼ](?=\p{L})")
_MARKUP_TAG = regex.compile(r"</?[A-Za-z][^<>]*>")
_WORD_END_APOSTROPHE = regex.compile(r"(?<=[\p{L}\p{M}])['’ʼ]")
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def _mentioned(text: str, index: int) -> bool:
    """A mark the text talks about: alone between spaces or quotes (``missing ")"``,
    ``use ( and )``), not touching any word."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    quoted = before in _MENTION_EDGES - {" ", "\t"} and after in _MENTION_EDGES - {" ", "\t"}
    return quoted or (before in " \t" and after in " \t")


def _blank(text: str, pattern: re.Pattern) -> str:
    """``text`` with the matches of ``pattern`` as spaces (same length, same columns)."""
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _inside_word(text: str, index: int) -> bool:
    """An apostrophe between letters: Azerbaijan’s, l’État; no quotation mark stands there.
    Ideographs are no word's letters: in ‘%s’不存在 the ’ closes."""
    return (0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()
            and not _CJK.match(text[index + 1]) and not _CJK.match(text[index - 1]))


def _enclosed(text: str, index: int, openers=None, closers=None) -> bool:
    """A mark between brackets or other quotes, touching both: ``(")``, ``'«'``: named.
    A bracket is named only between quotes: in ``steps[]`` the ] closes."""
    return 0 < index < len(text) - 1 and text[index - 1] in (openers or _NAMING_OPENERS) and \
        text[index + 1] in (closers or _NAMING_CLOSERS) and text[index - 1] != text[index]


def _continued(text: str, index: int) -> bool:
    """An opening bracket that ends the line, or a closing one that starts it (after
    indentation and direction marks): ``defaultViewers: {``, the pair is on the next line
    of the message."""
    if text[index] in _OPENING_BRACKETS:
        return not text[index + 1:].strip(_INVISIBLE_EDGE)
    return not text[:index].strip(_INVISIBLE_EDGE)


def _chevron(text: str, lefts: list[int], rights: list[int]) -> bool:
    """One guillemet alone at an edge of the line, set apart by a space: a button's arrow
    (``Créer un jeu de données »``, ``« Retour``), not a quotation."""
    if len(lefts) + len(rights) != 1:
        return False
    index = (lefts or rights)[0]
    if rights:
        return not text[index + 1:].strip() and index > 0 and text[index - 1].isspace()
    return not text[:index].strip() and index + 1 < len(text) and text[index + 1].isspace()


def _after_placeholder(text: str, index: int) -> bool:
    """A mark right after a placeholder (``‘%s’``, ``‘{0}’``) closes a quotation."""
    return _ENDS_IN_PLACEHOLDER.search(text, max(0, index - 44), index) is not None


class UnbalancedBrackets(Detector):
    id = "unbalanced-brackets"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        if not _ANY_BRACKET.search(text) or not _LETTER_OR_DIGIT.search(text):
            return []  # "    },", "}。": a line of a multi-line example; its pair is on another
        scanned = _blank(_blank(text, _PLACEHOLDER), _SMILEY)
        problems = _unpaired(text, scanned)
        strings = _quoted_strings(text)
        if problems and strings:
            # A quoted string ("keys": ["Ctrl Shift ]"]) is a literal: its brackets need no pair.
            literal = list(scanned)
            for start, end in strings:
                literal[start + 1:end] = " " * (end - start - 1)
            if not _unpaired(text, "".join(literal)):
                return []
        # Only a bracket left without its pair is asked why: named between spaces (use ( and
        # a word), a fragment's edge, or inside a quoted string.
        problems = [i for i in problems if not (_mentioned(text, i) or _fragment_edge(text, scanned, i)
                                                or _continued(text, i)
                                                or any(a < i < b for a, b in strings))]
        return [self.finding(i, text[i], "a bracket that is never closed" if text[i] in
                             _OPENING_BRACKETS else "a closing bracket with no opening one")
                for i in sorted(problems)]


def _unpaired(text: str, scanned: str) -> list[int]:
    """The positions of the brackets of ``scanned`` (``text`` with what is no bracket
    blanked) that find no pair."""
    stack: list[int] = []
    problems: list[int] = []
    for match in _ANY_BRACKET.finditer(scanned):
        index, char = match.start(), match.group()
        if _enclosed(text, index, _QUOTE_EDGES, _QUOTE_EDGES):
            continue  # missing ")": a bracket the text names
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
    return problems + stack


def _quoted_strings(text: str) -> list[tuple[int, int]]:
    """The spans between pairs of straight double quotes (a JSON or code string), when the
    line holds an even number of them."""
    quotes = [i for i, char in enumerate(text) if char == '"' and not (i and text[i - 1] == "\\")]
    if not quotes or len(quotes) % 2:
        return []
    return list(zip(quotes[::2], quotes[1::2], strict=True))


def _fragment_edge(text: str, scanned: str, index: int) -> bool:
    """A bracket that a placeholder separates from the edge of the line: ``(%s`` or ``%s)``,
    a fragment of a message whose other half is another string."""
    if text[index] in _OPENING_BRACKETS:
        rest = scanned[index + 1:]
        return not rest.strip() and bool(text[index + 1:].strip())
    head = scanned[:index]
    return not head.strip() and bool(text[:index].strip())


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
        marks = [(m.start(), m.group()) for m in _QUOTE_MARKS.finditer(text)
                 if not _enclosed(text, m.start())]  # (“), '«': a mark the text names
        # Guillemets: « » (French, Russian) or » « (German, Danish): one family.
        findings += self._pairs(text, marks, "«", "»", either_way=True)
        findings += self._pairs(text, marks, "‹", "›", either_way=True)
        # Double curly: “ ” (English), „ “ (German), „ ” (Polish): an even count, and
        # no „ without a mark after it.
        doubles = [(i, m) for i, m in marks if m in "„“”"]
        if len(doubles) % 2:
            findings.append(self._odd(text, doubles, "curly double quotation marks"))
        # Straight double quotes: an even count (inch marks after digits aside).
        straight = [(i, m) for i, m in marks if m == '"' and not (i and text[i - 1].isdigit())
                    and not _inside_word(text, i)  # 5", and Hebrew gershayim: דוא"ל
                    and not _mentioned(text, i)]  # the mark itself named: (") or use " here
        if len(straight) % 2:
            findings.append(self._odd(text, straight, "straight double quotation marks"))
        # Single quotes: ’ is also an apostrophe. Inside a word it is one; after a
        # word it closes an open quotation if there is one (‘stay’), else it is a
        # possessive (States’). Only an opener never closed is reported.
        open_quotes: list[tuple[int, str]] = []
        for index, mark in marks:
            if mark == "‘" and open_quotes and open_quotes[-1][1] == "‚":
                open_quotes.pop()  # German ‚…‘
            elif mark == "‘" and index and _LETTER_OR_MARK.match(text[index - 1]):
                continue  # Uzbek o‘, Tongan pa‘anga, N’Ko एन्‘को: a letter, never an opening
            elif mark in "‘‚":
                open_quotes.append((index, mark))
            elif mark == "’" and open_quotes and (not _inside_word(text, index)
                                                  or _after_placeholder(text, index)):
                open_quotes.pop()
        if open_quotes:
            index, mark = open_quotes[-1]
            findings.append(self.finding(index, mark, "an opening single quotation mark that "
                                                      "is never closed"))
        return findings

    def _pairs(self, text: str, marks, left: str, right: str, either_way: bool) -> list[Change]:
        lefts = [i for i, m in marks if m == left]
        rights = [i for i, m in marks if m == right]
        if len(lefts) == len(rights) or _chevron(text, lefts, rights):
            return []
        extra = lefts[-1] if len(lefts) > len(rights) else rights[-1]
        return [self.finding(extra, text[extra],
                             f"{len(lefts)} {left} and {len(rights)} {right} in one line")]

    def _odd(self, text: str, marks, what: str) -> Change:
        index, mark = marks[-1]
        return self.finding(index, mark, f"an odd number ({len(marks)}) of {what} in one line")


def _without_apostrophes(text: str) -> str:
    """``text`` without its apostrophes (between letters, and after a letter where no single
    quotation opens: ``meta’``, ``States’``) and its markup tags, whose attribute values are
    quoted by the syntax (``<a href="%(url)s">``)."""
    text = _IN_WORD_APOSTROPHE.sub("", _MARKUP_TAG.sub("", text) if "<" in text else text)
    if "‘" in text or "‚" in text:
        return text
    return _WORD_END_APOSTROPHE.sub("", text)


class MixedQuoteStyle(Detector):
    """A line whose quotation marks are straight in a curly document, or the other way.

    An apostrophe between letters is no quotation mark, whatever its shape: French and
    Catalan ``d’``, Ukrainian ``пам’ять``, Turkish ``JupyterLab’dan``, Uzbek ``o‘zbek``;
    nor one after a word where no single quotation opens (CLDR's ``meta’``).
    """

    id = "mixed-quote-style"

    def detect(self, text: str, context: UnitContext) -> list[Change]:
        document = context.facts.quote_style
        if document is None or not _QUOTE_MARKS.search(text):
            return []
        line = decide_style(count_quotes(_without_apostrophes(text)))
        if line is None or line == document:
            return []
        wanted = "'\"" if line == "straight" else "‘’“”"
        index = next(i for i, c in enumerate(text) if c in wanted)
        return [self.finding(index, text[index],
                             f"{line} quotation marks in a document whose head uses {document} "
                             f"ones")]
