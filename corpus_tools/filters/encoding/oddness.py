"""Oddness: how unlike correct text a word is.

*Oddness* is ftfy's own badness count plus one for each adjacent pair that
correct text rarely writes: a letter beside a non-ASCII symbol or punctuation
mark (``É™``, ``Õ¬Õ``), a lower-case letter followed by an upper-case one
(``baÄŸ``), two upper-case letters followed by a lower-case one (``ÄŒlan``),
letters of two scripts touching, and two for each control, unassigned or
replacement character.  Quotation marks, apostrophes, dashes and the NBSP do
not count.  Span repair accepts a reading of a word only when it is less odd.

Words are runs of text between spaces; NBSP and U+0085 are mojibake's own
characters, so they do not end a word.
"""

from __future__ import annotations

import re
import unicodedata

from ftfy.badness import badness

from corpus_tools.text.letters import foreign_letter_mix
from corpus_tools.text.scripts import script_of

# Words are split at spaces, but not at NBSP or NEL, which are bytes 0xA0
# and 0x85 of a misread continuation.
WORD = re.compile("[^ \t\n\r\f\v\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_RARE_SPACE = re.compile("[\t\n\r\f\v\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]").search

# Marks that sit beside letters in correct text of many languages; those of
# _EDGE only on one side of a word, so between two letters they are odd.
_QUIET = frozenset("’‘ʼ'«»“”„…–—·\u00a0\u202f-"
                   "։՝՞՛՜·;،؛؟־।॥。、")  # and the punctuation of other scripts
_EDGE = frozenset("«»“”„…–—·")  # '·' inside a word: Catalan l·l only
ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
EDGE_PUNCTUATION = ".,;:!?()[]\"'«»“”„…-–—’‘։՝·;،؛؟।。、"
# Spanish opens a question or exclamation with these, before a word's first letter.
_OPENING_MARKS = "¿¡"
# Slovak's syllabic ĺ stands between consonants, never first: a word that begins
# with it is cp1250's reading of C5, the lead of Ş, Š, Ž, Ł, Ś ('Ĺžimali').
_NEVER_FIRST = "Ĺĺ"
_BAD_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
# Ordinal indicators and the florin sign: letters to Unicode, signs in text.
_SIGN_LETTERS = frozenset("ªºƒ")
_SYMBOLIC = frozenset("SPN")  # first letters of symbol, punctuation and number categories
# Tests of a word's characters as one scan each (max() and set() build a string
# per character): beyond Latin, below Greek, one of _SIGN_LETTERS.
_BEYOND_LATIN = re.compile("[^\x00-\u024f]").search
_BEFORE_GREEK = re.compile("[\x00-\u036f]").search
_SIGN_LETTER = re.compile("[ªºƒ]").search
ASCII_LETTER = re.compile("[A-Za-z]").search


# Sets, not strings like "LUl": the neutral kind '' is in every string.
_LETTER_KINDS = frozenset("LUl")
# What is odd beside a symbol: a letter, or a dash or curly quote ('–∑–∞', MacRoman's
# Cyrillic), but not a digit or ASCII punctuation ('20°', '(©').
_BESIDE_SYMBOL = _LETTER_KINDS | {"Q"}


def _kind(char: str) -> str:
    """'L' letter or mark, 'U'/'l' upper/lower case letter, 'S' odd mark, 'X' bad,
    'Q' a quiet mark beyond ASCII (a dash, a curly quote), '' neutral."""
    if char.isascii():
        if char.isalpha():
            return "U" if char.isupper() else "l"
        return ""
    category = unicodedata.category(char)
    if char == "\ufffd" or category in _BAD_CATEGORIES:
        return "X"
    if char in _SIGN_LETTERS:
        return "S"
    if category[0] in "LM":
        if category == "Lu" or category == "Lt":
            return "U"
        return "l" if category == "Ll" else "L"
    if char in _QUIET:
        return "Q"
    if category in ("Nd", "Zs"):
        return ""
    if category[0] in _SYMBOLIC or category == "Cf":
        return "S"
    return ""


def oddness(text: str) -> int:
    """How unlike correct text a word is (see the module's documentation).

    >>> oddness("Maddə"), oddness("MaddÉ™"), oddness("ÄŒlan"), oddness("Član")
    (0, 2, 2, 0)
    """
    core = text.strip(EDGE_PUNCTUATION)
    if core[:1] in _OPENING_MARKS:
        core = core[1:].lstrip(EDGE_PUNCTUATION)
    never_first = core[:1] in _NEVER_FIRST and core[1:2].isalpha()
    if core.isalpha() and (core.islower() or core.istitle() or core.isupper()) and (
            _BEYOND_LATIN(core) is None or (
                _BEFORE_GREEK(core) is None and script_of(core[0]) == script_of(core[-1]))) and (
            _SIGN_LETTER(core) is None):
        # Letters in a normal case pattern, Latin or not Latin: the usual word.  (A word
        # beyond Latin that ends in another script than it starts, 'ქართულбѓ', is not.)
        return foreign_letter_mix(core) + never_first
    score = badness(text) + foreign_letter_mix(text) + never_first
    kinds = [_kind(char) for char in text]
    letters = _LETTER_KINDS
    opening = len(text) - len(text.lstrip(EDGE_PUNCTUATION))
    for index, kind in enumerate(kinds):
        if kind == "X":
            score += 2
        elif index and _odd_pair(text, kinds, index):
            score += 1
        elif (text[index] in _EDGE and 0 < index < len(text) - 1
              and kinds[index - 1] in letters and kinds[index + 1] in letters
              and not (text[index] == "·" and text[index - 1] in "lL" and text[index + 1] in "lL")):
            score += 1  # П„Ої, Madd…ô, ·É†·Éî: a quotation mark, dash or dot inside a word
        elif (text[index] == "\u00a0" and index == opening + 1 and kinds[opening] == "U"
              and not text[opening].isascii()
              and (len(text) == index + 1 or kinds[index + 1] == "l")):
            # Å\u00a0kolska, (Å\u00a0alomounovy, Ă\u00a0: a capital then an NBSP, first in a
            # word (after its opening marks) or alone
            score += 1
    return score


def words_at(text: str, positions: list[int]):
    """The words (as ``WORD`` matches) that hold one of ``positions`` (sorted), in order."""
    if _RARE_SPACE(text) is not None:
        words = []
        position, count = 0, len(positions)
        for match in WORD.finditer(text):
            while position < count and positions[position] < match.start():
                position += 1
            if position < count and positions[position] < match.end():
                words.append(match)
        return words
    words, end = [], -1
    for position in positions:
        if position < end or text[position] == " ":
            continue
        match = WORD.match(text, text.rfind(" ", 0, position) + 1)
        words.append(match)
        end = match.end()
    return words


def line_oddness(text: str) -> int:
    """The oddness of a line: the sum of its words'."""
    return sum(oddness(match.group()) for match in WORD.finditer(text))


def odd_without_signs(word: str) -> bool:
    """Whether a word is odd even with its signs read as signs ('NESTLÉ®', '4288×…' are not)."""
    return bool(oddness("".join(" " if char in _SIGNS else char for char in word)))


def _odd_pair(text: str, kinds: list[str], index: int) -> bool:
    """Whether the characters at ``index - 1`` and ``index`` are a pair correct text rarely writes."""
    letters = _LETTER_KINDS
    kind, before = kinds[index], kinds[index - 1]
    if before == "S" and index == 1 and text[0] in _OPENING_MARKS:
        return False  # ¿Dónde, ¡Hola
    if (kind == "S" and before in _BESIDE_SYMBOL) or (before == "S" and kind in _BESIDE_SYMBOL):
        return True  # a letter or a dash beside a symbol: É™, Õ¬Õ, –∑
    if before == "l" and kind == "U":
        return True  # baÄŸ
    if (before == "U" and kind == "l" and index >= 2 and kinds[index - 2] == "U"
            and not (text[index].isascii() and text[index - 1].isascii()
                     and text[index - 2].isascii())):
        return True  # ÄŒlan, AHř: two capitals then a small letter, one of the three not ASCII
    if before in letters and kind in letters:
        first, second = script_of(text[index - 1]), script_of(text[index])
        return bool(first and second and first != second)
    return False



# Signs that follow a word in correct text ('NESTLÉ®'): a word ending in one is
# repaired only when the rest of it is odd on its own ('MaddÉ™').
TRAILING_SYMBOLS = frozenset("™®©°¹²³ªº")
_SIGNS = TRAILING_SYMBOLS | frozenset("×…’")


# English typography alone (curly quotes, dashes, NBSP) holds no pair a code
# page gives: a line with no other non-ASCII character needs no closer look.
TYPOGRAPHY = "’‘“”–—…«»\u00a0\u202f"
beyond_typography = re.compile(f"[^\\x00-\\x7f{TYPOGRAPHY}]").search
