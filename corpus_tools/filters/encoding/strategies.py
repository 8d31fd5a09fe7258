"""Span repair's strategies: the ways a flagged word, or a word beside one, is read
back through the code pages, and the tests a reading must pass to be accepted.

- ``repair_word``: an odd word read through every page, up to ``MAX_LAYERS``
  times (damage done twice needs two rounds), the least odd reading accepted
  when nothing odd is left and its letters are of one script its line writes
  (or, for a word in a script the line does not write, when all of it was damage);
- ``_repair_plain_word``: a word not odd in itself but made of nothing but
  misread sequences ('Сѓ'), by the scripts the line's repairs wrote;
- ``_repair_line_of_sequences``: a line of nothing but such words, by one page;
- ``_repair_by_alphabet``: a word whose letters share no alphabet with the
  line's repairs while its reading's do ('Ĺžiddetli' beside 'yağmurlar');
- ``_restore_unflagged``: words no pair flagged, short of a byte a page dropped,
  told by the alphabet or script the line's repairs wrote;
- ``_repair_marks_by_page``: a misread sign ('20В°'), by a page that read
  another word of the line.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from corpus_tools.changes import common_ends
from corpus_tools.filters.encoding.code_pages import (
    LETTER_PAGES,
    PAGES,
    CodePage,
    lower_before,
    pages_and_pairs,
)
from corpus_tools.filters.encoding.oddness import (
    ASCII_LETTER,
    ASCII_PUNCTUATION,
    EDGE_PUNCTUATION,
    TRAILING_SYMBOLS,
    WORD,
    oddness,
)
from corpus_tools.text.letters import (
    everyday_letter,
    foreign_letter_mix,
    letter_fits,
    main_script,
)
from corpus_tools.text.regex import char_class
from corpus_tools.text.scripts import script_of

# cp1251's reading of a Cyrillic letter of two bytes D0 or D1 whose second is a letter
# too, or (after D1) a quote or dash: as a word of its own, no language's ('Рё' is 'и',
# 'Сѓ' is 'у', 'С–' is Ukrainian 'і').
_CYRILLIC_PAIR = re.compile("[РС][ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐЁЄЇІіґёєјЅѕї]|С[‘’“”•–—]").fullmatch

MAX_LAYERS = 3


class Strategies:
    """The strategies over a set of code pages (``pages``, tried in that order)."""

    def __init__(self, pages: tuple[str, ...] = PAGES):
        self._names = tuple(pages)
        # The pages follow from their names alone: built once per process.
        self.pages, self._continuations, _, _ = pages_and_pairs(self._names)
        self._continuation = re.compile(char_class(self._continuations))
        # A word of nothing but misread sequences is read through these (see
        # LETTER_PAGES: through the others such a word holds something odd).
        self._plain_pages = [page for page in self.pages if page.name not in LETTER_PAGES]
        self._letter_pages = [page for page in self.pages if page.name in LETTER_PAGES]
        # What those pages read UTF-8's bytes as besides letters: box drawing, dashes.
        marks = {char for page in self._letter_pages
                 for char in (*page.leads, *page.continuations) if not char.isalpha()}
        self._letter_page_mark = re.compile(char_class(marks)) if marks else None

    def _repair_words(self, words, odd_of: dict[int, int], line_scripts: set[str],
                      repairs: dict[int, str], typeset: bool, expected: str | None) -> None:
        for match in words:
            if match.start() not in repairs:
                repaired = self.repair_word(match.group(), line_scripts, typeset,
                                            odd_of[match.start()], expected)
                if repaired is not None:
                    repairs[match.start()] = repaired

    def _made_of_sequences(self, word: str) -> bool:
        """A cheap necessary condition for a word to be nothing but misread sequences:
        no ASCII letter, and at least every other character a continuation."""
        core = word.strip(ASCII_PUNCTUATION) or word
        if ASCII_LETTER(core) is not None:
            return False
        return 2 * len(self._continuation.findall(core)) >= len(core) or self._letter_page_word(
            core)

    def _letter_page_word(self, core: str) -> bool:
        """Whether ``core`` may be a word misread through a letter page: every other
        character at least is one of their marks ('п╬', '╨Т╨╛', '–Њ')."""
        return self._letter_page_mark is not None and (
            2 * len(self._letter_page_mark.findall(core)) >= len(core))

    def _repair_letter_page_word(self, word: str) -> str | None:
        """A word of a letter page's misreading ('╨Т╨╛╨┐╤А╨╛╤Б', 'п▓п╬п©я─п╬я│'), read
        back whole by one of them into letters of one script with nothing odd left.
        Correct text writes no box-drawing character or dash between letters, and
        the reading must consume every character but ASCII signs at its ends."""
        core = word.strip(ASCII_PUNCTUATION) or word
        if not self._letter_page_word(core):
            return None
        for page in self._letter_pages:
            candidate = page.decode_word(word)
            if candidate is None or oddness(candidate):
                continue
            decoded = _decoded_letters(word, candidate)
            if not decoded or self._letter_page_word(candidate.strip(ASCII_PUNCTUATION)):
                continue
            letters = [char for char in candidate if char.isalpha()]
            if len({script_of(char) for char in letters}) == 1 and all(
                    char.isascii() and not char.isalpha() for char in _unconsumed(word, candidate)):
                return candidate
        return None

    def _repair_plain_word(self, word: str, evidence: set[str], line_scripts: set[str],
                           line_letters: set[str]) -> str | None:
        """``_repair_sequences_word``, else, where it reads nothing, a letter page's word."""
        repaired = self._repair_sequences_word(word, evidence, line_scripts, line_letters)
        return repaired if repaired is not None else self._repair_letter_page_word(word)

    def _repair_sequences_word(self, word: str, evidence: set[str], line_scripts: set[str],
                               line_letters: set[str]) -> str | None:
        """A word not odd in itself but made of nothing but misread sequences
        ('Сѓ', '–æ', 'О—', 'Г\u00a0'), read into letters of a script that words
        repaired in the same line use (``evidence``), or, for a word in a
        script its line does not otherwise write, of one the line does."""
        own = {script_of(char) for char in word if char.isalpha()} - {None}
        foreign = bool(own) and not own & line_scripts
        readings = []
        pages = self._plain_pages
        for page in pages:
            candidate = page.decode_word(word)
            if candidate is not None:
                readings.append(candidate)
                readings += [again for other in pages  # twice-misread ('РЎС“')
                             if (again := other.decode_word(candidate)) is not None]
        for candidate in sorted(readings, key=len):
            if oddness(candidate):
                continue
            decoded = _decoded_letters(word, candidate)
            if not decoded or not all(char.isascii() and not char.isalpha()
                                      for char in _unconsumed(word, candidate)):
                continue
            scripts = {script_of(char) for char in decoded}
            if scripts <= evidence or (foreign and scripts <= line_scripts):
                return candidate
            if scripts <= line_scripts and not foreign_letter_mix(
                    decoded + "".join(line_letters)) and (any(
                    char.isalpha() and char in self._continuations and char not in line_letters
                    for char in word[1:]) or not any(char.isalpha() for char in word)
                    or any(_CYRILLIC_PAIR(reading.strip(ASCII_PUNCTUATION))
                           for reading in (word, *readings) if len(reading) >= len(candidate))):
                # 'Сѓ' for 'у': a letter stands where a continuation byte goes, and the
                # line writes it nowhere else; or the word has no letter at all ('√∑√°',
                # Armenian 'և' read twice as MacRoman); or it is, or reads once as, 'Р'
                # or 'С' and one such letter ('Рё' for 'и'), which no Cyrillic alphabet
                # writes as a word.
                return candidate
        return None

    def _repair_line_of_sequences(self, plain) -> dict[int, str]:
        """A line with no letter outside its flagged words, each nothing but misread
        sequences that are not odd as they stand ('’à’û’æ ’ß', Armenian 'Ո՞վ է' read as
        MacRoman, whose Armenian leads are curly quotes): one page must read every word
        into letters of one script, none of the words' own, three letters at least."""
        for page in self.pages:
            readings, letters = {}, ""
            for match in plain:
                word = match.group()
                candidate = page.decode_word(word)
                decoded = None if candidate is None else _decoded_letters(word, candidate)
                if decoded is None or oddness(candidate) or not all(
                        char.isascii() and not char.isalpha()
                        for char in _unconsumed(word, candidate)):
                    break
                readings[match.start()] = candidate
                letters += decoded
            else:
                scripts = {script_of(char) for char in letters}
                own = {script_of(char) for match in plain for char in match.group()
                       if char.isalpha()}
                if len(letters) >= 3 and len(scripts) == 1 and not scripts & own:
                    return readings
        return {}

    def _repair_by_alphabet(self, flagged, odd, repairs: dict[int, str]) -> None:
        """A word that is not odd in itself ('Ĺžiddetli' is two Slovak letters) but whose
        letters no alphabet shares with the line's repaired words ('yağmurlar'), while
        its reading's do ('Şiddetli'): the line's damage, read the same way."""
        written = "".join(char for match in flagged if match.start() in repairs
                          for char in repairs[match.start()] if not char.isascii())
        for match in flagged:
            word = match.group()
            if match.start() in repairs or match in odd:
                continue
            own = "".join(char for char in word if not char.isascii() and char.isalpha())
            if not own or not foreign_letter_mix(own + written):
                continue  # the word fits the line's alphabet as it is
            for page in self.pages:
                candidate = page.decode_word(word)
                if candidate is None or oddness(candidate):
                    continue
                decoded = _decoded_letters(word, candidate)
                if decoded and not foreign_letter_mix(decoded + written):
                    repairs[match.start()] = candidate
                    break

    def _restore_unflagged(self, text: str, flagged, repairs: dict[int, str]) -> list:
        """Words not flagged, restored by what the line's repairs wrote; the matches of
        those restored.  First a Latin lead that lost its continuation, told by their
        alphabet ('Ærazisi' beside 'Okeanı', both cp1252 without a byte); then a word of
        nothing but a page's sequences (and ASCII punctuation), one of them short of the
        byte the page dropped, in their one script beyond Latin ('бѓ' beside 'სიჩუანის',
        both cp1251: 'ი' is E1 83 98, and cp1251 has no 98).  A sequence short of a byte
        is no pair the screen asks for, and alone its lost byte could make a letter of
        more than one script (E1 98 83 is Canadian 'ᘃ')."""
        written = "".join(char for match in flagged if match.start() in repairs
                          for char in repairs[match.start()] if not char.isascii())
        script = main_script(written)

        def lost_leads(page: CodePage, word: str) -> list:
            lost = page.leads_lost_by_alphabet(word, [], written)
            return [page.decode_word(word) or _fill(word, lost, written)] if lost else []

        def short_sequences(page: CodePage, word: str) -> list:
            # A word already of that script is a word of it: Cyrillic 'У' is a cp1251
            # lead, and 'Ә' (D3 98) is what it would be short of a byte.
            if main_script(word) == script or not all(
                    char in page.leads or char in page.continuations
                    or (char.isascii() and not char.isalnum()) for char in word):
                return []
            return [page.decode_word(word, script)]

        readers = []
        if written and not foreign_letter_mix(written):
            readers.append((lost_leads, lambda word, candidate: candidate != word))
        if script not in (None, "Latin"):
            readers.append((short_sequences, lambda word, candidate: {
                script_of(char) for char in candidate if char.isalpha()} == {script}))
        # Only a page that read the line's other words ('Îles Åland': cp1252 read 'ÃŽles',
        # and only cp1254 lacks the byte that would make 'Åland' 'Şland').
        reading = ([page for page in self._pages_reading(flagged, repairs) if page.undefined]
                   if readers else [])
        restored: list = []
        for read, fits in readers if reading else ():
            taken = {match.start() for match in (*flagged, *restored)}
            for match in WORD.finditer(text):
                word = match.group()
                if match.start() in taken or word.isascii():
                    continue
                # Every page that read the line and reads this word must agree.
                readings = {candidate for page in reading for candidate in read(page, word)}
                candidate = readings.pop() if len(readings) == 1 else None
                if candidate and not oddness(candidate) and fits(word, candidate):
                    repairs[match.start()] = candidate
                    restored.append(match)
        return restored

    def _restore_signs_by_letter_page(self, text: str, flagged, repairs: dict[int, str]) -> list:
        """Words of nothing but a letter page's sequences that read as signs ('Б─■' and
        'тАФ' for '—' in KOI8 and cp866), or as letters of the script the line's repairs
        wrote ('я▐'), where that page read the line's other words: the screen skips a
        dash's three bytes, and a sign or one letter alone is no word to decide by.
        The matches of those restored that were not flagged."""
        reading = [page for page in self._pages_reading(flagged, repairs)
                   if page.name in LETTER_PAGES]
        written = {script_of(char) for repaired in repairs.values() for char in repaired
                   if char.isalpha() and not char.isascii()}
        restored = []
        flagged_at = {match.start() for match in flagged}
        for match in WORD.finditer(text) if reading else ():
            word = match.group()
            if match.start() in repairs or word.isascii():
                continue
            for page in reading:
                if not _read_whole(page, word):
                    continue
                candidate = page.decode_word(word, letters_alone=True)
                if candidate is None or oddness(candidate):
                    continue
                scripts = {script_of(char) for char in candidate
                           if char.isalpha() and not char.isascii()}
                # A sign ('—'), or letters of the line's repairs where the word holds a
                # mark of the page ('я▐' for the pronoun 'я', one letter, no word alone).
                if not scripts or (scripts <= written and not page.marks.isdisjoint(word)):
                    repairs[match.start()] = candidate
                    if match.start() not in flagged_at:
                        restored.append(match)
                    break
        return restored

    def _repair_marks_by_page(self, flagged, odd, repairs: dict[int, str]) -> None:
        """An odd word whose one misread sign is two characters ('20В°' for '20°'):
        read only by a page that read another word of the line into its repair."""
        unrepaired = [match for match in odd if match.start() not in repairs]
        if not unrepaired:
            return
        for match in unrepaired:
            word = match.group()
            for page in self._pages_reading(flagged, repairs):
                candidate = page.decode_word(word)
                if (candidate is not None and not oddness(candidate)
                        and _decoded_letters(word, candidate) is None
                        and _restores_marks(word, candidate, 2)):
                    repairs[match.start()] = candidate
                    break

    def _pages_reading(self, flagged, repairs: dict[int, str]) -> list[CodePage]:
        """The pages that read one of the line's repaired words into its repair."""
        return [page for page in self.pages if any(
            page.decode_word(match.group()) == repairs[match.start()]
            for match in flagged if match.start() in repairs)]

    def _has_sequence(self, word: str) -> bool:
        return any(next(page.spans(word), None) for page in self.pages)

    def repair_word(self, word: str, line_scripts: set[str], typeset: bool = False,
                    current_odd: int | None = None, expected: str | None = None) -> str | None:
        """The repaired word, or None when no repair is sure enough.

        ``typeset``: the line's other words hold typography that came through as
        UTF-8 (a dash, a curly quote), so a single misread letter is doubtful.
        """
        if current_odd is None:
            current_odd = oddness(word)
        if not current_odd:
            return None  # a repair must leave the word less odd than it was
        # Each round reads the words of the last through every page, keeping
        # the three least odd readings (of equally odd ones the shortest, which
        # decoded the most).  A round may leave a word as odd as before (the
        # first of two layers), so the least odd of all readings is taken.
        readings: dict[str, tuple[int, int]] = {}
        frontier = [word]
        for _ in range(MAX_LAYERS):
            found = []
            for text in frontier:
                for page in self.pages:
                    candidate = page.decode_word(text, expected)
                    if candidate is not None and candidate not in readings:
                        readings[candidate] = (oddness(candidate), len(candidate))
                        found.append(candidate)
            frontier = sorted(found, key=readings.__getitem__)[:3]
        for reading in sorted(readings, key=readings.__getitem__):
            if readings[reading][0] >= current_odd:
                break
            if self._acceptable(word, reading, line_scripts, typeset):
                return reading
        return None

    def _acceptable(self, word: str, repaired: str, line_scripts: set[str],
                    typeset: bool = False) -> bool:
        if oddness(repaired):
            return False  # nothing odd may be left
        prefix, suffix = common_ends(word, repaired)
        read = word[prefix:len(word) - suffix]
        written = repaired[prefix:len(repaired) - suffix]
        if (typeset and len(read) == 2 and len(written) == 1 and "\u00c0" <= written <= "\u00ff"
                and self.pages[0].decode_word(word) == repaired):
            # 'Bremer/Mccoy – DrÃ¥ber': one Latin-1 letter read back from cp1252 in a line
            # whose dash came through whole.  ftfy, which reads cp1252 itself, leaves it
            # as possibly a Latin-1 text misread as MacRoman; so do we.
            return False
        at_end = not word[len(word) - suffix:].strip(EDGE_PUNCTUATION)
        if (len(read) == 2 and read[0].isalpha()
                and ((read[1] in TRAILING_SYMBOLS and at_end) or read[1] in "’'ʼ")
                and not oddness(word[:prefix + 1] + " " + word[prefix + 2:])
                and not (script_of(read[0]) not in line_scripts
                         and script_of(written[:1]) in line_scripts)):
            # 'NESTLÉ®', 'NICIODATĂ™', 'Ã’s': one letter and a real sign after it were
            # read as one character, and without the sign nothing is odd.  Not when the
            # letter is of a script the line does not write and the reading of one it
            # does (Greek 'ή' read as cp1251 is Cyrillic 'О' and '®').
            return False
        for run in _LETTER_RUN.findall(repaired.translate(_IN_WORD_MARKS)):
            if len({script_of(char) for char in run} - {None}) > 1:
                return False
        decoded = _decoded_letters(word, repaired)
        if decoded is None:
            return _restores_marks(word, repaired, _LONG_SEQUENCE)
        scripts = {script_of(char) for char in decoded} - {None}
        if len(scripts) > 1:
            return False
        kept = _unconsumed(word, repaired)
        context = line_scripts | {script_of(char) for char in kept if char.isalpha()}
        if not scripts:  # only letters of no script (Uzbek 'ʻ'): the word's own letters decide
            return any(char.isalpha() for char in kept)
        if scripts <= context:
            return True
        # A word in a script its line does not otherwise use (an Armenian name in
        # English, a short line 'Õ€Õ¸Õ¤Õ¾Õ¡Õ® 28'): only when all of it was damage,
        # and more than one letter.
        return len(decoded) > 1 and all(char.isascii() for char in kept)



# Runs of letters, and the marks Armenian writes inside a word (on its stressed
# vowel: 'Ո՞վ'), which a run of letters may not cross into another script by.
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_IN_WORD_MARKS = str.maketrans("", "", "՛՜՞")



# Typography and signs a repair may write with no letter beside them.  Alone, each
# must come from a sequence of three characters or more ('‚Äô', 'вЂ™', twice-read
# 'РІР‚в„ў'), which correct text never writes; from two ('В°' for '°') only when
# the same page read another word of the line.
_LONG_SEQUENCE = 3


def _restores_marks(word: str, repaired: str, shortest: int) -> bool:
    """Whether each change a repair made wrote only punctuation or signs beyond ASCII,
    each from at least ``shortest`` characters of damage ('K‚Äôiche‚Äô': two)."""
    changes = []
    for tag, read_start, read_end, start, end in difflib.SequenceMatcher(
            None, word, repaired, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        read, written = word[read_start:read_end], repaired[start:end]
        if tag == "delete":
            # The sign itself is common to both: in '20В°' -> '20°' 'В' is deleted.
            if read_end == len(word) or start == len(repaired) or repaired[start].isascii():
                return False
            read, written = read + word[read_end], repaired[start]
        changes.append((read, written))
    return bool(changes) and all(
        written and len(read) >= shortest * len(written) and all(
            not char.isascii() and unicodedata.category(char)[0] in "PS" for char in written)
        for read, written in changes)


def _changed_middle(word: str, repaired: str) -> tuple[str, str]:
    """What a repair wrote, and what it kept of ``word`` at either end."""
    prefix, suffix = common_ends(word, repaired)
    return repaired[prefix:len(repaired) - suffix], word[:prefix] + word[len(word) - suffix:]


def _decoded_letters(word: str, repaired: str) -> str | None:
    """The non-ASCII letters a repair wrote, or None when it wrote no letter or anything unsure.

    Span repair restores words: what it writes must hold letters of national
    alphabets ('ɿ' and 'ᴴ' are not), marks only after a letter, and besides
    them only punctuation (Armenian '։' ends a sentence) and ASCII it kept; a
    repair that writes nothing but punctuation or symbols is ftfy's business.
    """
    middle, _kept = _changed_middle(word, repaired)
    letters = []
    for index, char in enumerate(middle):
        if char.isascii():
            continue
        category = unicodedata.category(char)
        if category[0] == "M":
            if not (index and middle[index - 1].isalpha()):
                return None
        elif category[0] == "L":
            if not everyday_letter(char, script_of(char)):
                return None
            letters.append(char)
        elif category[0] != "P":
            return None
    return "".join(letters) or None


def _read_whole(page: CodePage, word: str) -> bool:
    """Whether ``page`` reads every character of ``word`` but ASCII signs as part of a
    whole sequence."""
    covered = {index for start, end, _options, complete in page.spans(word) if complete
               for index in range(start, end)}
    return bool(covered) and all(index in covered or (char.isascii() and not char.isalnum())
                                 for index, char in enumerate(word))


def _unconsumed(word: str, repaired: str) -> str:
    """The characters of ``word`` that a repair left as they were, at its ends."""
    return _changed_middle(word, repaired)[1]


def _fill(word: str, lost, written: str) -> str | None:
    """``word`` with each lead of ``lost`` (spans short of a byte) replaced by the one
    option that fits its case and ``written``'s alphabet, or None when one has no
    single option."""
    pieces, last = [], 0
    for start, end, options, _complete in lost:
        fitting = [char for char in options
                   if letter_fits(char, "Latin", lower_before(word, start))
                   and not foreign_letter_mix(char + written)]
        if len(fitting) != 1:
            return None
        pieces += [word[last:start], fitting[0]]
        last = end
    return "".join([*pieces, word[last:]])

