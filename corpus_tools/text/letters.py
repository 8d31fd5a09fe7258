"""Letters of national alphabets: which letters a language writes every day, and which
sets of them belong to one alphabet.  Knowledge about text, with no I/O and no steps.

The one definition of an *everyday letter* lives here: span repair restores a lost
byte only to one (``letter_fits``) and accepts a repair only when the letters it
wrote are such (Azerbaijani 'Ə', not African 'Ɓ'; Russian 'я', not Church Slavonic
'ѩ'), and the encoding screens anchor their pairs apart from the everyday small
letters (``everyday_small_letter``), so a line of Ukrainian does not stop at every 'і'.

>>> everyday_letter("ə", "Latin"), everyday_letter("Ɓ", "Latin"), everyday_letter("ѝ", "Cyrillic")
(True, False, True)
>>> everyday_small_letter("ł"), everyday_small_letter("я"), everyday_small_letter("É")
(True, False, False)
>>> foreign_letter_mix("şiddetli"), foreign_letter_mix("Åžiddetli")
(0, 1)
"""

from __future__ import annotations

import functools
import re
import unicodedata

from corpus_tools.text.scripts import script_of

# The letters of national alphabets, per script: a restored byte must give one
# of these (Azerbaijani Ə, not African Ɓ; Russian я, not Church Slavonic ѩ).
# Cyrillic's first block whole: Bulgarian writes 'ѝ' ('her') and Macedonian 'ѐ'
# and 'ѝ' every day.
EVERYDAY_RANGES = {
    "Latin": ((0x41, 0x17F),),
    "Cyrillic": ((0x400, 0x45F), (0x490, 0x4FF)),
    "Greek": ((0x386, 0x3CE),),
    "Armenian": ((0x531, 0x587),),
    "Georgian": ((0x10D0, 0x10F0),),
}
EVERYDAY_EXTRA = frozenset("ƏəǍǎǏǐǑǒǓǔȘșȚțʻʼ")  # ʻ ʼ: Uzbek oʻ, gʻ; Ukrainian ʼ


def everyday_letter(char: str, script: str | None) -> bool:
    """A letter of ``script`` (its own, as ``script_of`` gives it) that a national
    alphabet writes every day; in a script not listed, any letter of category Lo."""
    if char in EVERYDAY_EXTRA:
        return True
    ranges = EVERYDAY_RANGES.get(script or "")
    if ranges is None:
        return unicodedata.category(char) == "Lo"
    return any(low <= ord(char) <= high for low, high in ranges)


# The scripts whose alphabets code pages mix up, and whose small letters beyond the
# basic ones a screen keeps apart (Armenian and Georgian: every letter is basic).
_MIXED_SCRIPTS = frozenset({"Latin", "Greek", "Cyrillic"})


@functools.cache
def everyday_small_letter(char: str) -> bool:
    """A small letter that a national alphabet uses every day beyond its basic letters
    (``everyday_letter``, and small): 'é', 'ł', 'ş', 'ə', Greek 'ά' (and Greek's basic
    small letters too), Cyrillic 'і', 'ј', 'ә'; not ASCII, nor Russian's 'а'-'я'."""
    if not char.islower() or ord(char) < 0xDF or "\u0430" <= char <= "\u044f":
        return False
    script = script_of(char)
    return script in _MIXED_SCRIPTS and everyday_letter(char, script)


def basic_letter(char: str) -> bool:
    """A letter of a script's basic alphabet: ASCII, Greek without tonos, Russian's
    'А'-'я', and every letter of Armenian, Georgian and later scripts."""
    code = ord(char)
    if code < 0x370:
        return char.isascii()
    if code < 0x400:
        return 0x391 <= code <= 0x3C9  # Greek without tonos
    if code < 0x530:
        return 0x410 <= code <= 0x44F  # а-я, А-Я
    return True  # Armenian, Georgian and later scripts: their whole alphabet


def letter_fits(char: str, script: str | None, lower: bool | None) -> bool:
    if len(char) != 1 or unicodedata.category(char) not in ("Lu", "Ll", "Lo"):
        return False
    own = script_of(char)
    if own not in EVERYDAY_RANGES:
        return False  # a script whose alphabet we do not list may have lost a mark
    if script is not None and own != script:
        return False
    if not everyday_letter(char, own):
        return False
    return not (lower is True and not char.islower())


def main_script(text: str) -> str | None:
    counts: dict[str, int] = {}
    for char in text:
        if not char.isascii() and char.isalpha():
            script = script_of(char)
            if script:
                counts[script] = counts.get(script, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else None




# The Cyrillic alphabets of national languages, beyond the 33 letters of
# Russian they share in part.  cp1251 mojibake of Armenian or Georgian text
# ('ХҐЦЂХЇЦЂХ«') is all capitals of one script, but strings letters of several
# of these alphabets together, which no word of any of them does.
_CYRILLIC_BASE = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяё")
_CYRILLIC_ALPHABETS = tuple(frozenset(_CYRILLIC_BASE | set(extra)) for extra in (
    "ґєії'",  # Ukrainian
    "іў",  # Belarusian
    "ђјљњћџ",  # Serbian
    "ѓѕјљњќџ",  # Macedonian
    "әғқңөұүһі",  # Kazakh
    "ғқҳўӣӯҷ",  # Uzbek, Tajik
    "әөүҗңһ",  # Tatar, Bashkir
    "ңөү",  # Kyrgyz, Mongolian
))


# The letters beyond ASCII of Latin-script national alphabets (lower case).
# cp1252 mojibake of one ('Åžiddetli' for Turkish 'Şiddetli') strings letters
# of several together.
_LATIN_ALPHABETS = tuple(frozenset(letters) for letters in (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóùú", "àçèéíïòóúü",  # de es pt it ca
    "áéëïóöü", "æøåéó", "åäöé", "äöå", "áðéíóúýþæö",  # nl da/no sv fi is
    "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž",  # pl cs sk
    "čćđšž", "áéíóöőúüű", "ăâîșțşţ", "çğıöşüi̇", "çəğıöşüi̇",  # hr/bs/sr hu ro tr az
    "āčēģīķļņšūž", "ąčęėįšųūž", "äõöüšž", "ĉĝĥĵŝŭ", "ċġħż",  # lv lt et eo mt
    "âêîôûŵŷ", "çë", "çêîşû", "äöüõšž",  # cy sq ku
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",  # vi
))


_CYRILLIC = frozenset(map(chr, range(0x400, 0x500)))
LATIN_BEYOND_ASCII = frozenset([*map(chr, range(0xC0, 0x250)), "\u0307", "ə"])  # ə: U+0259, Azerbaijani


# Letters that may belong to one national alphabet and not another: beyond ASCII in
# Latin, and Cyrillic but А-я, Ё and ё; and the four whose small letter is one (ẞ, Å).
_NATIONAL_LETTER = re.compile("[\u00c0-\u024f\u0307\u0400\u0402-\u040f\u0450\u0452-\u04ff"
                              "\u1e9e\u212b\u2c7e\u2c7f]").search


def foreign_letter_mix(text: str) -> int:
    """1 when the word's letters beyond ASCII belong to no single national alphabet."""
    if _NATIONAL_LETTER(text) is None:
        return 0  # ASCII, Russian's 33 letters, other scripts: nothing to mix
    chars = set(text.lower())
    cyrillic = chars & _CYRILLIC
    if cyrillic and not cyrillic <= _CYRILLIC_BASE and not any(
            cyrillic <= alphabet for alphabet in _CYRILLIC_ALPHABETS):
        return 1
    latin = chars & LATIN_BEYOND_ASCII
    if len(latin) > 1 and not any(latin <= alphabet for alphabet in _LATIN_ALPHABETS):
        return 1
    return 0

