"""Whether a line writes HTML entities *as entities*: text about them, not HTML-escaped text.

Text that went through an HTML escaper uses entities as the characters they
stand for: glued into words (``caf&eacute;``, ``&quot;hello&quot;``), as a
conjunction between words (``Tom &amp; Jerry``), as tags (``&lt;b&gt;``).
Decoding them is a repair.  A message *about* entities writes them as
themselves, and decoding it makes it say something else:

- a list of entity names: ``valid entities are: &amp; &quot; &lt; &gt;``;
- an entity quoted or bracketed as an example: ``"&amp;"``, ``(&#234; for example)``;
- a character entity standing alone, not inside a word: ``write &eacute; for é``;
- ``&amp;`` closing a clause, where no conjunction stands: ``escape ampersand as &amp;.``;
- a line whose own ampersands are raw (``Tom & Jerry``) was never escaped as a whole.

One such entity anywhere marks the whole line: its entities are kept.

>>> writes_entities_as_text("valid entities are: &amp; &quot; &lt; &gt; &apos;")
True
>>> writes_entities_as_text("Tom &amp; Jerry say &quot;hello&quot;")
False
"""

from __future__ import annotations

import html

import regex

# What ftfy decodes: a name or a number, ended by a semicolon.
_ENTITY = regex.compile(r"&#?[0-9A-Za-z]{1,24};")
_OPENING_QUOTES = frozenset("\"'`“‘«„‚‹「『")
_CLOSING_QUOTES = frozenset("\"'`”’»“‘›」』")
# French typography sets guillemets apart with a (no-break) space.
_SPACED_GUILLEMETS = frozenset(q + s for q in "«»‹›" for s in " \u00a0\u202f")
_SPACED_CLOSING_GUILLEMETS = frozenset(s + q for q in "«»‹›" for s in " \u00a0\u202f")
_OPENING_BRACKETS = frozenset("([")
_AFTER_BRACKETED = frozenset(")], ")  # (&#234; for example), [&amp;]
_CLAUSE_END = frozenset(".,;:!?)")
# Between two entities of a list: separators, or one short word ("&lt; and &gt;", "&lt; и &gt;").
_LIST_GAP = regex.compile(r"[\s,;/|]*(?:\p{L}{1,3}[\s,;/|]+)?")
# An ampersand the line writes raw, as a character: followed by a space or the end.
_RAW_AMPERSAND = regex.compile(r"&(?=\s|$)")
# The characters an HTML escaper must escape: what a message listing entities names.
_MARKUP = frozenset("&<>\"'")


def writes_entities_as_text(line: str) -> bool:
    """True when ``line`` writes at least one HTML entity as an entity, to be kept as written."""
    if "&" not in line:
        return False
    entities = [match for match in _ENTITY.finditer(line) if _is_entity(match.group())]
    if not entities:
        return False
    if _RAW_AMPERSAND.search(line):
        return True
    for index, match in enumerate(entities):
        if _quoted_or_bracketed(line, match) or _stands_alone_as_example(line, match):
            return True
        following = entities[index + 1] if index + 1 < len(entities) else None
        if following is not None and _listed_together(line, match, following):
            return True
    return False


def _is_entity(candidate: str) -> bool:
    """Whether HTML knows ``candidate`` (``&foo;`` is no entity, and no decoder touches it)."""
    return html.unescape(candidate) != candidate


def _alone(line: str, start: int, end: int) -> bool:
    """Not glued to a letter or digit on either side."""
    return (start == 0 or not line[start - 1].isalnum()) and (
        end == len(line) or not line[end].isalnum())


def _quoted_or_bracketed(line: str, match) -> bool:
    start, end = match.span()
    before = line[start - 1] if start else ""
    after = line[end] if end < len(line) else ""
    if before in _OPENING_QUOTES and after in _CLOSING_QUOTES:
        return True  # "&amp;", «&lt;»
    if line[max(0, start - 2):start] in _SPACED_GUILLEMETS and \
            line[end:end + 2] in _SPACED_CLOSING_GUILLEMETS:
        return True  # French « &lt; »
    return before in _OPENING_BRACKETS and (after in _AFTER_BRACKETED or not after)


def _stands_alone_as_example(line: str, match) -> bool:
    start, end = match.span()
    if not _alone(line, start, end):
        return False
    decoded = html.unescape(match.group())
    if decoded.isalnum():
        return True  # a letter's entity outside any word: named, not used
    after = line[end:].lstrip(" ")
    # &amp; as a conjunction always has a word after it; one that ends a clause is named.
    return decoded == "&" and (not after or after[0] in _CLAUSE_END)


def _listed_together(line: str, first, second) -> bool:
    if first.group() == second.group():
        return False
    # Lists of entities name the escapes of markup; "5 &euro; &amp; more" is escaped text.
    if not {html.unescape(first.group()), html.unescape(second.group())} <= _MARKUP:
        return False
    if not (_alone(line, *first.span()) and _alone(line, *second.span())):
        return False
    gap = line[first.end():second.start()]
    return bool(gap) and _LIST_GAP.fullmatch(gap) is not None
