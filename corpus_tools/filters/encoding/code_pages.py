"""Code pages as span repair sees them: which characters a page reads UTF-8's lead
and continuation bytes as, which bytes it has no character for, and how a word
read through it decodes back.  The byte tables are generated
(``data/mojibake.tsv``, see ``data/build_mojibake.py``); the pairs each page's
misreading leaves are what the screens look for.

>>> page = CodePage.from_table("cp1252", load_table()["cp1252"])
>>> page.decode_word("MaddÉ™")
'Maddə'
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
import re
from dataclasses import dataclass

from corpus_tools.filters.encoding.pair_screen import Pair, pair_screen, split_everyday
from corpus_tools.text.letters import (
    EVERYDAY_EXTRA,
    EVERYDAY_RANGES,
    LATIN_BEYOND_ASCII,
    everyday_small_letter,
    foreign_letter_mix,
    letter_fits,
    main_script,
)
from corpus_tools.text.scripts import script_of

# The code pages misread UTF-8 is tried as, in order; cp1252 also takes
# latin-1's C1 characters (its undefined bytes read the latin-1 way, as ftfy's
# "sloppy" codecs do), so a latin-1 misreading needs no page of its own.
PAGES = ("cp1252", "cp1251", "cp1250", "cp1254", "mac_roman",
         "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "kz1048")

# Pages that read bytes C0-FF or 80-BF as Cyrillic letters of both cases, so that
# correct Cyrillic text is full of their leads before their continuations ('ра' is
# a cp866 lead and continuation, 'пё' a KOI8 one).  The text misread through them
# is mostly of two-byte letters (Cyrillic, Greek, Armenian), each left as a pair with
# a box-drawing character or a dash in it (KOI8 'п╬', cp866 '╨Т', MacCyrillic '–Т'):
# only such pairs are screened, which keeps the screen as cheap on Cyrillic text as
# it was.  Once a line is looked at, its words are read through these pages as well.
LETTER_PAGES = frozenset({"koi8_r", "koi8_u", "cp866", "mac_cyrillic"})
# KZ-1048 is cp1251 with Kazakh letters (ә ғ қ ң ө ұ ү һ) for some of its signs: its
# sequences that differ from cp1251's are Kazakh letters after a capital, everywhere
# in correct Kazakh text, while a line it misread holds cp1251's too ('Р°' for 'а').
# Its screen is that of the letter pages.
SCREENED_BY_MARKS = LETTER_PAGES | {"kz1048"}


@dataclass(frozen=True)
class CodePage:
    """One code page's view of UTF-8 bytes: characters for leads and continuations."""

    name: str
    to_byte: dict  # character -> byte
    leads: dict  # character -> number of continuation bytes it needs (1-3)
    continuations: frozenset
    undefined: tuple  # continuation bytes the page has no character for

    @classmethod
    def from_table(cls, name: str, table: dict[int, str | None]) -> CodePage:
        to_byte = {char: byte for byte, char in table.items() if char is not None}
        for byte, char in table.items():
            if char is None or (0x80 <= byte < 0xA0 and chr(byte) not in to_byte):
                # Undefined bytes, and latin-1's C1 characters, read the latin-1 way.
                to_byte.setdefault(chr(byte), byte)
        leads = {}
        continuations = set()
        for char, byte in to_byte.items():
            if 0x80 <= byte <= 0xBF:
                continuations.add(char)
            elif 0xC2 <= byte <= 0xDF:
                leads[char] = 1
            elif 0xE0 <= byte <= 0xEF:
                leads[char] = 2
            elif 0xF0 <= byte <= 0xF4:
                leads[char] = 3
        undefined = tuple(byte for byte, char in table.items()
                          if char is None and 0x80 <= byte <= 0xBF)
        return cls(name, to_byte, leads, frozenset(continuations), undefined)

    @functools.cached_property
    def marks(self) -> frozenset[str]:
        """What the page reads UTF-8's bytes as besides letters (box drawing, dashes)."""
        return frozenset(char for char in (*self.leads, *self.continuations)
                         if not char.isalpha())

    def screen_pairs(self) -> tuple[Pair, ...]:
        """A lead followed by the continuations it needs: the screen's part for this page.

        A lead of two bytes needs one continuation, of three two, of four three
        (U+FFFD may stand for the last ones).  A sequence one byte short is only
        worth a look where the page has no character for that byte and putting it
        back gives a letter span repair could restore (Georgian ``ა`` is E1 83 90,
        and cp1252 has no 90): so ``íš`` in Czech or ``óź`` in Polish, a lead and
        a continuation in correct text, are not looked at.

        In cp1251 the Cyrillic letters are leads and ``і ї є ё ј`` continuations, so
        correct Cyrillic words pair up (``Вінниця``, ``ні``).  There the screen asks
        for more: a capital's pair not followed by one of ``а``-``я`` (bytes E0-FF,
        which no UTF-8 sequence continues with).

        Where every continuation is a small letter some alphabet uses every day
        (``і`` ``ј`` in cp1251, ``ł`` ``ş`` ``š`` in cp1250, ``é`` in MacRoman), the
        sequence is looked at only when it reads as an everyday letter or as
        punctuation: ``Рі`` (``г``) is, Ukrainian ``-ії`` after ``л`` (a Hangul
        syllable) is not.  So the screen can stop at the lead (``Р``, a capital)
        instead of at every ``і`` of Ukrainian text.
        """
        continuations = self.continuations
        last = continuations | {"\ufffd"}
        by_need = {need: frozenset(c for c, n in self.leads.items() if n == need)
                   for need in (1, 2, 3)}
        basic = [char for char in map(chr, range(0x430, 0x450)) if char not in continuations]
        cyrillic_leads = all(self.to_byte.get(char, 0) >= 0xE0 for char in basic)
        pairs = self._looked_at(Pair(by_need[1], continuations,
                                     not_then=frozenset(basic) if cyrillic_leads else frozenset()))
        # UTF-8 allows fewer second bytes after E0, ED, F0 and F4 (no overlong forms,
        # no surrogates, nothing past U+10FFFF): 'нії' in Ukrainian is not a sequence.
        for need in (2, 3):
            by_seconds: dict[frozenset[str], set[str]] = {}
            for lead in sorted(by_need[need]):
                low, high = _SECOND_BYTES.get(self.to_byte[lead], (0x80, 0xBF))
                seconds = frozenset(char for char in continuations
                                    if low <= self.to_byte[char] <= high)
                by_seconds.setdefault(seconds, set()).add(lead)
            # (Where each part is anchored pair_screen decides for all pairs at once.)
            for seconds, leads in by_seconds.items():
                pairs += self._looked_at(Pair(frozenset(leads), seconds, then=(last,) * (need - 1)))
        for lead in sorted(by_need[2]):
            short = frozenset(char for char in continuations if self._short_of_a_letter(lead, char)
                              and not everyday_small_letter(char))
            if short:
                # Followed by the next misread letter: a page that drops a byte of every
                # Georgian letter (cp1250 has no 83) leaves a run of them, while 'náš'
                # in Czech is one lead and one continuation.  Not where the continuation
                # is an everyday small letter ('áš' for 'ლ', then the next letter's 'á'):
                # every Czech 'š' would be a stop, and the five letters so written
                # (ლ ნ ო პ ჟ) make no Georgian line alone; its other letters bring
                # the line to repair, and a word of only those five stays as it is.
                pairs.append(Pair(frozenset(lead), short, then=(frozenset(self.leads),)))
        if self.name in SCREENED_BY_MARKS:
            pairs = [piece for pair in pairs if not pair.then for piece in _not_all_letters(pair)]
        return tuple(pairs)

    def _looked_at(self, pair: Pair) -> list[Pair]:
        """``pair`` less the sequences whose continuations are all everyday small letters
        and which read as no letter or punctuation worth a look (``_worth_a_look``)."""
        kept = []
        for piece in split_everyday(pair):
            following = piece.sets()[1:]
            if not all(everyday_small_letter(char) for chars in following for char in chars):
                kept.append(piece)
                continue
            # Grouped by what follows the lead, each group with the leads it reads after.
            sets = piece.sets()
            leads_of: dict[tuple[str, ...], set[str]] = {}
            for raw in _worth_a_look_utf8(len(sets)):
                # (A byte may read as two characters: the page's, and latin-1's C1.)
                options = [[char for char in allowed if self.to_byte[char] == byte]
                           for byte, allowed in zip(raw, sets, strict=True)]
                for lead, *combination in itertools.product(*options):
                    leads_of.setdefault(tuple(combination), set()).add(lead)
            # Those with the same leads and all but the last continuation are one pair.
            lasts: dict[tuple, set[str]] = {}
            for combination, leads in leads_of.items():
                lasts.setdefault((frozenset(leads), combination[:-1]), set()).add(combination[-1])
            for (leads, middle), last_chars in lasts.items():
                sets = (*map(frozenset, middle), frozenset(last_chars))
                kept.append(Pair(leads, sets[0], sets[1:], piece.not_then))
        return kept

    def loses_letter_of_another_script(self, lead: str) -> bool:
        """Whether a two-byte lead with its continuation lost (a byte the page leaves
        undefined) was a restorable letter of a script other than Latin."""
        if self.leads.get(lead) != 1:
            return False
        for byte in self.undefined:
            decoded = utf8(bytes((self.to_byte[lead], byte)))
            if decoded is not None and letter_fits(decoded, None, None) and (
                    script_of(decoded) != "Latin"):
                return True
        return False

    def _short_of_a_letter(self, lead: str, continuation: str) -> bool:
        """Whether a three-byte lead and one continuation lost a byte the page leaves
        undefined, before or after it, from a letter span repair could restore."""
        known = (self.to_byte[lead], self.to_byte[continuation])
        restorable = restorable_letters_utf8()
        return any(bytes(raw) in restorable for byte in self.undefined
                   for raw in ((known[0], byte, known[1]), (*known, byte)))

    def spans(self, word: str):
        """Each misread character in ``word``: (start, end, options, complete).

        ``options`` holds the one character a complete sequence decodes to,
        or, for a sequence that lost a byte (one continuation missing, or
        U+FFFD in its place), every character a byte the page leaves
        undefined would give.  Sequences that decode to nothing are skipped.
        """
        index, length = 0, len(word)
        while index < length:
            need = self.leads.get(word[index])
            if need is None:
                index += 1
                continue
            end = index + 1
            while end < length and end - index - 1 < need and (
                    word[end] in self.continuations or word[end] == "\ufffd"):
                end += 1
            have = word[index + 1:end]
            lost = have.count("\ufffd") + need - len(have)
            if lost == 0:
                decoded = utf8(bytes(self.to_byte[char] for char in word[index:end]))
                if decoded is not None:
                    yield index, end, [decoded], True
            elif lost == 1 and self.undefined and self._may_have_lost(word, index, end, have):
                options = self.lost_byte_options(word[index], have, need)
                if options:
                    yield index, end, options, False
            index = end

    def _may_have_lost(self, word: str, start: int, end: int, have: str) -> bool:
        """Whether a lead short of one continuation lost it, rather than being a letter.

        With U+FFFD in its place, yes.  Otherwise what follows must not be a
        plain letter of the lead's own script: in cp1251 every capital is a
        lead, and 'Ре' is a word, not 'Р' that lost a byte before 'е'.
        """
        if "\ufffd" in have or end >= len(word):
            return True
        if word[start].isupper() and start and word[start - 1].islower():
            return True  # a capital after a small letter is no letter of a word: 'KeĹa'
        following = word[end]
        if not following.isalpha() or script_of(following) != script_of(word[start]):
            return True
        # The next letter is a lead with a continuation after it: the next sequence,
        # whole or short of a byte itself (cp1250 drops a byte of every Georgian letter).
        return following in self.leads and word[end + 1:end + 2] in self.continuations

    def lost_byte_options(self, lead: str, have: str, need: int) -> list[str]:
        known = [None if char == "\ufffd" else self.to_byte[char] for char in have]
        slots = [known.index(None)] if None in known else range(len(known) + 1)
        options = []
        for slot in slots:
            rest = known[slot + 1:] if None in known else known[slot:]
            for byte in self.undefined:
                decoded = utf8(bytes([self.to_byte[lead], *known[:slot], byte, *rest]))
                if decoded is not None:
                    options.append(decoded)
        return options

    def leads_lost_by_alphabet(self, word: str, spans, letters: str) -> list:
        """Latin two-byte leads before a plain letter that lost their continuation, told
        by the alphabet of ``letters`` (what the word's or line's sure repairs wrote):
        'Æ' is Danish, but beside Azerbaijani 'ə' and 'ı' it is 'Ə' (C6 8F) without
        the 8F that cp1252 lacks.  Each as a span short of a byte, as ``spans`` gives."""
        letters = "".join(char for char in letters if char.isalpha() and not char.isascii())
        if not self.undefined or not letters or foreign_letter_mix(letters):
            return []
        taken = {index for start, end, _options, _complete in spans for index in range(start, end)}
        found = []
        for index, char in enumerate(word):
            if (index not in taken and self.leads.get(char) == 1 and char in LATIN_BEYOND_ASCII
                    and foreign_letter_mix(char + letters)):
                options = self.lost_byte_options(char, "", 1)
                if options:
                    found.append((index, index + 1, options, False))
        return found

    def decode_word(self, word: str, expected: str | None = None,
                    letters_alone: bool = False) -> str | None:
        """``word`` with its misread characters decoded, or None when nothing decodes.

        A lost byte is restored only where exactly one option is an everyday
        letter of the word's script, in the case its neighbour asks for.  The
        word's script is that of its complete sequences, else ``expected`` (the
        document's language's), else that of its characters as they stand.  A letter
        page reads a word of its letters alone only when asked (``letters_alone``).
        """
        if self.name in LETTER_PAGES and not letters_alone and self.marks.isdisjoint(word):
            return None  # 'пі' is KOI8-U's 'Ц', but a word of letters alone is a word
        spans = list(self.spans(word))
        if not spans:
            return None
        sure = "".join(options[0] for _start, _end, options, complete in spans if complete)
        spans += self.leads_lost_by_alphabet(word, spans, sure)
        spans.sort()
        script = main_script(sure) or expected or main_script(word)
        pieces, last = [], 0
        for start, end, options, complete in spans:
            if not complete:
                options = [char for char in options
                           if letter_fits(char, script, lower_before(word, start))]
                if len(options) != 1:
                    continue
            pieces += [word[last:start], options[0]]
            last = end
        if not pieces:
            return None
        return "".join([*pieces, word[last:]])

def _not_all_letters(pair: Pair) -> list[Pair]:
    """The parts of ``pair`` (a lead and one continuation) a letter page's misreading
    leaves and correct text does not write: a lead that is no letter, and a letter
    before a continuation that is none.  (See ``LETTER_PAGES``.)"""
    letters = frozenset(char for char in pair.first if char.isalpha())
    not_letters = frozenset(char for char in pair.second if not char.isalpha())
    parts = [(pair.first - letters, pair.second), (letters, not_letters)]
    return [Pair(first, following, (), pair.not_then) for first, following in parts
            if first and following]


@functools.cache
def _worth_a_look_utf8(length: int) -> tuple[bytes, ...]:
    """The UTF-8 of ``length`` bytes of what a misread sequence of nothing but everyday
    small letters must read as to be looked at: a letter span repair could write
    (Uzbek 'ʼ' too), punctuation, a currency or a letterlike sign ('”', '€', '№'), or a
    character some code page reads a byte as, which damage done twice passes through
    ('ä' in MacRoman is '√§', and '√' in MacRoman again is '‚àö')."""
    letters = {chr(code) for ranges in EVERYDAY_RANGES.values()
               for low, high in ranges for code in range(low, high + 1)}
    chosen = {char for char in letters if letter_fits(char, None, None)} | EVERYDAY_EXTRA
    chosen |= set(map(chr, range(0x2000, 0x2150)))
    chosen |= {char for table in load_table().values() for char in table.values() if char}
    return tuple(sorted(raw for raw in (char.encode("utf-8") for char in chosen)
                        if len(raw) == length))


@functools.lru_cache(maxsize=1)
def restorable_letters_utf8() -> frozenset[bytes]:
    """The UTF-8 of every letter a lost byte may be restored to (``letter_fits`` with no
    script or case asked): a set to look sequences up in, instead of decoding each."""
    candidates = {chr(code) for ranges in EVERYDAY_RANGES.values()
                  for low, high in ranges for code in range(low, high + 1)} | EVERYDAY_EXTRA
    return frozenset(char.encode("utf-8") for char in candidates
                     if letter_fits(char, None, None))


# Letters of the scripts that misread UTF-8 damages most (Greek to Georgian):
# a Latin lead touching one of them is a sequence that lost a byte.
_OTHER_SCRIPTS = (0x370, 0x10FF)
_OTHER_LETTERS = frozenset(map(chr, range(_OTHER_SCRIPTS[0], _OTHER_SCRIPTS[1] + 1)))
OTHER_SCRIPT_LETTER = re.compile("[{}-{}]".format(*map(chr, _OTHER_SCRIPTS))).search


# The second bytes UTF-8 allows after these leads (after the others: 80-BF).
_SECOND_BYTES = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}


def utf8(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def lower_before(word: str, start: int) -> bool | None:
    """Whether the letter before a span is lower case (None at a word's start)."""
    before = word[start - 1] if start else ""
    if before.isalpha():
        return before.islower()
    return None



@functools.lru_cache(maxsize=1)
def load_table() -> dict[str, dict[int, str | None]]:
    """``data/mojibake.tsv``: code page -> byte -> character (None when undefined)."""
    text = importlib.resources.files("corpus_tools.data").joinpath("mojibake.tsv").read_text(
        encoding="utf-8")
    table: dict[str, dict[int, str | None]] = {}
    for line in text.split("\n"):
        if not line or line.startswith("#"):
            continue
        codec, byte, code = line.split("\t")
        table.setdefault(codec, {})[int(byte, 16)] = None if code == "-" else chr(int(code, 16))
    return table


@functools.cache
def pages_and_pairs(names: tuple[str, ...]):
    """The code pages, their continuations, and span repair's pairs (see SpanRepair)."""
    table = load_table()
    pages = tuple(CodePage.from_table(name, table[name]) for name in names)
    # The continuations a word of nothing but misread sequences is made of ('Сѓ'):
    # not those of the letter pages, which are everyday Cyrillic letters, and whose
    # misreadings leave a box-drawing character or a dash, odd in itself.
    continuations = frozenset().union(*(page.continuations for page in pages
                                        if page.name not in LETTER_PAGES))
    # A Latin lead of two bytes that lost its continuation, beside a letter of the
    # script that lost it: Armenian 'Ö' for 'ց', Cyrillic 'Ñ' for 'я'.
    latin_leads = frozenset(char for page in pages if page.name != "cp1251"
                            for char in page.leads if char.isalpha() and char < "\u0250"
                            and page.loses_letter_of_another_script(char))
    lossy_leads = frozenset(char for page in pages if page.undefined for char in page.leads)
    # Each page's lead followed by its continuation, and a lead of a page that drops
    # bytes followed by U+FFFD: what a line must hold to be worth a look.
    screen_pairs = (*(pair for page in pages for pair in page.screen_pairs()),
                    Pair(lossy_leads, frozenset("\ufffd")))
    # A Latin lead touching a letter of another script lost its byte.  Both sides are
    # common letters, so SpanRepair asks this only of lines that hold such a letter.
    touching_pairs = (Pair(latin_leads, _OTHER_LETTERS), Pair(_OTHER_LETTERS, latin_leads))
    return list(pages), continuations, screen_pairs, touching_pairs


@functools.cache
def screens(names: tuple[str, ...]):
    _, _, screen_pairs, touching_pairs = pages_and_pairs(names)
    return pair_screen((), screen_pairs), pair_screen((), touching_pairs)

