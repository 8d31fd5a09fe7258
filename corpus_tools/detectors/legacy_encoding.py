"""Which legacy code page a line of bytes that are not UTF-8 reads as, when one fits.

A file written in a legacy code page arrives, read as UTF-8 with
``surrogateescape``, as ASCII with runs of escaped bytes.  The guess is a
simple heuristic, kept to two families whose bytes betray themselves:

- **cp1252** (Western European; Latin-1 reads its letters the same): the
  high bytes sit inside words of ASCII letters (``caf\\xe9``, ``Stra\\xdfe``);
- **Cyrillic**: whole words are high bytes (``\\xcf\\xf0\\xe8``...), which
  a Cyrillic page reads as Cyrillic letters; of the Cyrillic pages (``CYRILLIC_PAGES``) the
  one whose reading has the likeliest letter pairs is named.

Each word whose high bytes read as letters votes (punctuation, which both
code pages share, says nothing); the family with more votes wins if every
high byte of the line then reads as a letter or typographic mark.  A line that
also holds valid UTF-8 beyond ASCII (a cut multi-byte character, a file of
mixed encodings) gets no guess, nor does a tie: a wrong guess would send the
user to convert a file the wrong way.  Only one line is seen: the message says
"if the whole file is".

>>> likely_encoding("caf\\udce9 au lait")
('cp1252', 'café')
>>> likely_encoding("\\udccf\\udcf0\\udce8\\udce2\\udce5\\udcf2 world")
('cp1251', 'Привет')
>>> likely_encoding("caf\\udce9 \\u00e9t\\u00e9") is None  # valid UTF-8 beside: no guess
True
"""

from __future__ import annotations

import re
import unicodedata

from corpus_tools.filters.encoding.recode import pair_score

# Tried for a line of Cyrillic words, the most used last (it wins a tie).
CYRILLIC_PAGES = ("kz1048", "mac_cyrillic", "cp866", "koi8_u", "koi8_r", "cp1251")

_ESCAPED = re.compile("[\udc80-\udcff]")
_WORD = re.compile(rb"[A-Za-z\x80-\xff]+")
_HIGH = re.compile(rb"[\x80-\xff]")


def _reads_well(raw: bytes, encoding: str, script: str) -> bool:
    """Whether every high byte decodes to a letter of ``script`` or a typographic mark."""
    try:
        text = bytes(b for b in raw if b >= 0x80).decode(encoding)
    except UnicodeDecodeError:
        return False
    for char in text:
        category = unicodedata.category(char)
        if category.startswith("L"):
            if script not in unicodedata.name(char, ""):
                return False
        elif not category.startswith(("P", "S", "Z")):
            return False
    return True


def _letters(word: bytes, encoding: str, script: str) -> int:
    """How many of the word's high bytes read as letters of ``script`` in ``encoding``."""
    highs = bytes(b for b in word if b >= 0x80).decode(encoding, "replace")
    return sum(char.isalpha() and script in unicodedata.name(char, "") for char in highs)


def likely_encoding(text: str) -> tuple[str, str] | None:
    """The code page the line's bytes read as, and the first word read that way; or None."""
    if any(ord(char) > 0x7F and not _ESCAPED.match(char) for char in text):
        return None
    raw = text.encode("utf-8", "surrogateescape")
    latin, cyrillic = [], []
    for match in _WORD.finditer(raw):
        word = match.group()
        highs = len(_HIGH.findall(word))
        if not highs:
            continue
        if highs < len(word) and _letters(word, "cp1252", "LATIN"):
            latin.append(word)  # a Latin letter inside a word of ASCII letters
        elif highs == len(word) > 1 and any(_letters(word, page, "CYRILLIC") == highs
                                            for page in CYRILLIC_PAGES):
            cyrillic.append(word)  # a whole word of Cyrillic letters
    if len(latin) > len(cyrillic) and _reads_well(raw, "cp1252", "LATIN"):
        return "cp1252", latin[0].decode("cp1252")
    if len(cyrillic) > len(latin):
        return _likeliest_cyrillic(raw, cyrillic[0])
    return None


def _likeliest_cyrillic(raw: bytes, word: bytes) -> tuple[str, str] | None:
    """Of the Cyrillic pages that read every high byte as a letter or a mark, the one
    whose reading's letter pairs are likeliest (``recode.pair_score``): KOI8-R's
    'Вопрос' is cp1251's 'чПРТПУ', which reads as well, letter for letter."""
    readings = [(pair_score(raw.decode(page)), order, page)
                for order, page in enumerate(CYRILLIC_PAGES) if _reads_well(raw, page, "CYRILLIC")]
    if not readings:
        return None
    *_, page = max(readings)  # a tie goes to the later page
    return page, word.decode(page)
