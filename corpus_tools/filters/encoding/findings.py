"""Span repair's results as change records, in the coordinates of the input.

One place turns what span repair made of a line (edits, and the words it could
not repair) into records: ``fix-encoding`` for the line ftfy and span repair
changed (``with_span_repairs``, ``left_unrepaired``), and the
``encoding:unrepaired`` detector, which reads the line as it came and reports
``fix-encoding``'s own records of it (``unrepaired_in``).  So ``check``, running
both, gets the same record twice, not two records of one word in two places.

>>> from corpus_tools.filters.encoding.fix_encoding import FixEncoding
>>> text = "Nazirlik ÅŸirkÉ™tlÉ™r IstoÄna morzeâ€."
>>> changes = FixEncoding().apply(text, None)[1]
>>> [(c.rule, c.column, c.before) for c in unrepaired_in(SpanRepair(), text, changes)]
[('encoding:unrepaired', 23, 'IstoÄna'), ('encoding:unrepaired', 31, 'morzeâ€.')]
"""

from __future__ import annotations

import difflib

from corpus_tools.changes import Change, span_change
from corpus_tools.filters.encoding.oddness import WORD
from corpus_tools.filters.encoding.span_repair import Repaired, SpanRepair

UNREPAIRED_MESSAGE = "looks like UTF-8 misread as a legacy code page; no repair was sure"


def with_span_repairs(text: str, fixed: str, changes: list[Change],
                       repaired: Repaired) -> list[Change]:
    """ftfy's change (on ``text``) and span repair's (on ``fixed``), all in ``text``'s coordinates.

    ftfy's record covers one span; a word repaired inside it is folded into one
    record of the whole difference, words outside it are shifted.
    """
    if changes:
        ftfy_change = changes[0]
        start, old_end = ftfy_change.column - 1, ftfy_change.end - 1
        new_end = start + len(ftfy_change.fix)
    else:
        start = old_end = new_end = 0

    def to_text(position: int) -> int | None:
        if not changes or position <= start:
            return position
        if position >= new_end:
            return position - new_end + old_end
        return None

    reported = []
    as_they_came = None
    for position, word in repaired.unrepaired:
        if not changes or position + len(word) <= start or position >= new_end:
            begin = to_text(position)
            reported.append(unrepaired(begin, text[begin:begin + len(word)]))
        elif position <= start and (match := WORD.match(text, position)) is not None:
            reported.append(unrepaired(position, match.group()))  # ftfy changed it from within
        else:  # a word ftfy changed: the finding names the word as it came
            if as_they_came is None:
                as_they_came = words_as_they_came(text, fixed)
            if position in as_they_came:
                reported.append(unrepaired(*as_they_came[position]))
    result = list(changes)
    for edit in repaired.edits:
        begin, end = to_text(edit.start), to_text(edit.start + len(edit.before))
        if begin is None or end is None or (changes and begin < old_end and end > start):
            whole = span_change(changes[0].rule if changes else "encoding:span-repair",
                                text, repaired.text)
            return sorted([whole, *reported], key=lambda change: change.column)
        result.append(Change("encoding:span-repair", begin + 1, text[begin:end], edit.after))
    result += reported
    return sorted(result, key=lambda change: change.column)


def words_as_they_came(text: str, fixed: str) -> dict[int, tuple[int, str]]:
    """For each word of ``fixed`` (by where it starts), the word of ``text`` that ftfy
    turned into it (start, word): the one in the same place when ftfy kept the line's
    words apart as they were (it decodes letters, not spaces).  Where it did not (a
    lead and a space read as one character, 'áˇ ' as 'ᡠ'), the whole words of ``text``
    that the word's characters came from (two, where ftfy glued them), for each word
    that holds every change it touches; the others cannot be told apart."""
    words, fixed_words = list(WORD.finditer(text)), list(WORD.finditer(fixed))
    if len(words) == len(fixed_words):
        return {fixed_word.start(): (word.start(), word.group())
                for word, fixed_word in zip(words, fixed_words, strict=True)}
    opcodes = difflib.SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes()
    came = {}
    for fixed_word in fixed_words:
        span = _came_from(opcodes, *fixed_word.span())
        touched = [word for word in words if span and word.start() < span[1] and span[0] < word.end()]
        if touched:
            start, end = touched[0].start(), touched[-1].end()
            came[fixed_word.start()] = (start, text[start:end])
    return came


def _came_from(opcodes, start: int, end: int) -> tuple[int, int] | None:
    """Where the characters ``start``-``end`` of the fixed text came from in the text
    (``opcodes``: a SequenceMatcher's, text to fixed text), or None where a change
    reaches beyond them: which of its characters became which word cannot be told."""
    came_start = came_end = None
    for tag, text_start, text_end, fixed_start, fixed_end in opcodes:
        if fixed_end < start or fixed_start > end:
            continue
        if tag != "equal" and not (start <= fixed_start and fixed_end <= end):
            return None
        if came_start is None and fixed_start <= start < fixed_end:
            came_start = text_start + (start - fixed_start if tag == "equal" else 0)
        if fixed_start < end <= fixed_end:
            came_end = text_start + end - fixed_start if tag == "equal" else text_end
    if came_start is None or came_end is None:
        return None
    return came_start, came_end


def unrepaired(begin: int, word: str) -> Change:
    """The finding for ``word``, at ``begin`` (0-based) in the input."""
    return Change("encoding:unrepaired", begin + 1, word, None, kind="finding",
                  message=UNREPAIRED_MESSAGE)


def left_unrepaired(text: str, fixed: str, repaired: Repaired) -> list[Change]:
    """Findings for the words of ``fixed`` (what both repairs made of ``text``) that
    ``repaired`` (span repair after ftfy, on ``fixed``) still reports, named as they
    came in ``text``."""
    if not repaired.unrepaired:
        return []
    as_they_came = words_as_they_came(text, fixed)
    return [unrepaired(*as_they_came[position]) for position, _word in repaired.unrepaired
            if position in as_they_came]


def unrepaired_in(span: SpanRepair, text: str, changes: list[Change]) -> list[Change]:
    """The ``encoding:unrepaired`` records of ``changes`` (what ``fix-encoding`` made of
    ``text``), and, in any line, each word with a Latin capital between two small
    letters that stands for a small letter short of a byte ('IstoÄna' for 'Istočna'),
    apart from the words ``changes`` name.  ``fix-encoding`` reports such a word only
    in a line it changed: no pair its screen asks for is there."""
    taken = [(change.column - 1, change.before) for change in changes]
    short = [unrepaired(match.start(), match.group())
             for match in span.words_short_of_a_byte(text, taken)]
    return sorted([*(change for change in changes if change.rule == "encoding:unrepaired"),
                   *short], key=lambda change: change.column)
