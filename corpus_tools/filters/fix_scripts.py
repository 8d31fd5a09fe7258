"""``fix-scripts``: look-alike letters of another script, and foreign punctuation.

A word whose letters come from two scripts (a Cyrillic ``а`` in ``Аzerbaijan``,
a Latin ``C`` in ``Cтепанакерт``) is repaired when one script holds a clear
majority and every other letter has a look-alike in it (the table generated
from Unicode's confusables, see ``corpus_tools/data/build_confusables.py``).
Ties and two-letter words are settled by the neighbouring words' script.
Anything else is left alone and reported as ``script:mixed-token``.

Software strings are not prose: a format directive or escape (``%s``,
``%1$s``, ``%(name)s``, ``{0}``, ``%%0A``, ``\\n``, ``0x``) is no word, and a
word glued to one is never re-lettered, only reported when it mixes scripts
(``%liс``, ``0xАДРЕСА``).  Nor are deliberate mixtures: a character class
(``^[yYдД]``), an option glued to its argument (``-kСЛОВО``), a metavariable
in capitals before a literal suffix (``ПРЕФИКСaa``).  A one-letter word of a
Cyrillic language (Ukrainian ``і``, Russian ``с``) is never made Latin in a
text of that language, nor in a line of format directives (``%b. у %H``).

Foreign marks where an apostrophe belongs (Armenian ``՛`` after a Latin
letter) follow the punctuation rules of ``rules/scripts.toml``.

>>> step = FixScripts()
>>> step.apply("The Аzerbaijani bordеr", UnitContext())[0]  # Cyrillic А and е
'The Azerbaijani border'
>>> step.apply("KAMAZ-ы, α-helix and Ереван stay", UnitContext())[0]
'KAMAZ-ы, α-helix and Ереван stay'
>>> text, changes = step.apply("the Azerbaijanы side", UnitContext())
>>> text, changes[0].rule, changes[0].kind
('the Azerbaijanы side', 'script:mixed-token', 'finding')
"""

from __future__ import annotations

import functools

import regex

from corpus_tools.changes import Change
from corpus_tools.filters.base import (
    DocumentFacts,
    Filter,
    Screen,
    UnitContext,
    count_quotes,
    decide_style,
)
from corpus_tools.filters.encoding.span_repair import TYPOGRAPHY
from corpus_tools.rules.model import APOSTROPHE, PunctuationRule
from corpus_tools.text.scripts import MIXING_SCRIPTS, lookalike, script_of

REPAIR = "script:confusable"
FINDING = "script:mixed-token"
GREAT_MAJORITY = 0.8  # a short word is repaired only in a line this much in the neighbours' script
ACRONYM_LETTERS = 4  # a mixed word in capitals this short is an acronym (MBС, XXІ)

# The letters common to the major alphabets of each script: what a repair may
# write when the unit's language is not known.
CORE_LETTERS = {
    "Latin": frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
    "Cyrillic": frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "Greek": frozenset("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω"),
}
# Letters beyond the core that a language's own alphabet has.
LANGUAGE_LETTERS = {
    "uk": "ІіЇїЄєҐґ", "be": "ІіЎў", "sr": "ЈјЉљЊњЋћЂђЏџ", "mk": "ЈјЉљЊњЅѕЌќЃѓЏџ",
    "kk": "ӘәҒғҚқҢңӨөҰұҮүҺһІі", "ky": "ҢңӨөҮү", "tt": "ӘәӨөҮүҖҗҢңҺһ", "ba": "ӘәӨөҮүҒғҠҡҢңҘҙҪҫҺһ",
    "tg": "ҒғӢӣҚқӮӯҲҳҶҷ", "mn": "ӨөҮү",
    "az": "ƏəÇçĞğİıÖöŞşÜüЈјҺһӘәҮүӨөҸҹҒғ", "tr": "ÇçĞğİıÖöŞşÜü", "de": "ÄäÖöÜüß",
    "fr": "ÀàÂâÆæÇçÉéÈèÊêËëÎîÏïÔôŒœÙùÛûÜüŸÿ", "es": "ÁáÉéÍíÑñÓóÚúÜü", "pt": "ÁáÂâÃãÀàÇçÉéÊêÍíÓóÔôÕõÚú",
    "is": "ÁáÐðÉéÍíÓóÚúÝýÞþÆæÖö", "da": "ÆæØøÅå", "no": "ÆæØøÅå", "sv": "ÅåÄäÖö",
    "el": "ς",
}

# Letters, marks and digits, joined by inner apostrophes, hyphens and the
# joiners of Persian and Indic words.
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-‐\u200c\u200d][\p{L}\p{M}\p{N}]+)*")
_HYPHEN = regex.compile(r"[-‐]")
_NUMBER = regex.compile(r"\p{N}")
_PROTECTED = regex.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", regex.IGNORECASE
)
# Greek letters as unit symbols: μm, µg, kΩ.
_UNIT = regex.compile(r"(?:[μµ][A-Za-z]{1,2}|[kMGm]?[ΩΩ])")
# A Cyrillic case ending on a Latin acronym, written without a hyphen: KAMAZе.
_ACRONYM_ENDING = regex.compile(r"[A-Z]{2,}[\p{Script=Cyrillic}&&\p{Ll}]{1,3}", regex.VERSION1)
_NON_LATIN_LETTER = regex.compile(
    r"[\p{L}--[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]]", regex.VERSION1
)
_QUOTES = {"curly": ("’", "‘"), "straight": ("'", "'")}
MODIFIER_OPENING, MODIFIER_CLOSING = "\u02bb", "\u02bc"  # ʻ ʼ, a quotation pair in some locales
# What follows an apostrophe that ends a word: possessive 's and English contractions.
_APOSTROPHE_ENDING = regex.compile(r"(?:s|t|d|m|ll|re|ve)(?![\p{L}\p{M}\p{N}])", regex.IGNORECASE)
# Format directives and escapes of software strings: printf (%s, %1$s, %-5.2f, %li,
# %(name)s), a URL-encoded byte (%0A, %%0A), braces ({0}, {name}), a backslash escape
# (\n) and a hexadecimal prefix (0x).  None is a word; a word glued to one is reported,
# never re-lettered.
_DIRECTIVE = regex.compile(
    r"%%[0-9A-Fa-f]{2}"
    r"|%(?:\([^()\s]{1,40}\)|\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|ll|[hlLqjzt]|I64|I32)?[diouxXeEfFgGaAcspnmbBHMSyYjIpZ]"
    r"|%[0-9A-Fa-f]{2}|%%"
    r"|\{[A-Za-z0-9_.:!\[\]-]{0,40}\}"
    r"|\\[a-zA-Z]"
    r"|(?<![\p{L}\p{N}])0[xX](?=[\p{L}\p{N}])"
)
# The one-letter words of Cyrillic languages: never look-alikes to re-letter in their text.
ONE_LETTER_WORDS = {
    "uk": "іІвВуУзЗаАоОйЙ", "ru": "сСвВкКуУоОаАиИяЯ", "be": "іІўЎуУзЗаАо",
    "bg": "сСвВкКуУоОаАиИяЯ", "sr": "сСвВкКуУоОаАиИ", "mk": "сСвВкКуУоОаАиИ",
}
CYRILLIC_LANGUAGES = frozenset(ONE_LETTER_WORDS) | {"kk", "ky", "tg", "mn", "tt", "ba"}
# What a one-letter word becomes where its language is not known: only the English
# article and pronoun, the look-alike damage seen in real text (a Cyrillic а in "after а
# late meeting"); і, у, с of Ukrainian or Russian are left.
LATIN_ONE_LETTER_WORDS = frozenset("aAI")
# Deliberate mixtures: a character class ([yYдД]: letters in both cases), an option and its
# argument (-kСЛОВО).
_CHARACTER_CLASS = regex.compile(r"\[\^?$")
_OPTION = regex.compile(r"(?:^|[\s\[(|])--?$")
# A metavariable in capitals of one script, then a small-letter suffix of another: ПРЕФИКСaa.
# A Latin word of two letters or more, then an ending of up to four letters of another script.
_LATIN_WORD_AND_SUFFIX = regex.compile(
    r"\p{Script=Latin}{2,}(?P<affix>[\p{L}\p{M}--[\p{Script=Latin}]]{1,4})", regex.VERSION1)
# A prefix of up to three Hebrew or Arabic letters on a Latin word: Hebrew לWagtail, הAPI
# (the article, prepositions and conjunctions that those languages write joined).
_PREFIX_AND_LATIN_WORD = regex.compile(
    r"(?P<affix>[\p{Script=Hebrew}\p{Script=Arabic}]{1,3})\p{Script=Latin}{2,}", regex.VERSION1)
# A Latin word, an apostrophe, then an ending of another script: Debouncer'а.
_LATIN_WORD_APOSTROPHE_ENDING = regex.compile(
    r"\p{Script=Latin}[\p{Script=Latin}\p{M}]*['’]([\p{L}\p{M}--[\p{Script=Latin}]]{1,4})",
    regex.VERSION1)
_METAVARIABLE = regex.compile(r"(\p{Lu}{2,})(\p{Ll}+)")


@functools.lru_cache(maxsize=256)
def _letter_outside(script: str):
    return regex.compile(
        rf"[\p{{L}}--[\p{{Script={script}}}\p{{Script=Common}}\p{{Script=Inherited}}]]",
        regex.VERSION1,
    )


_LATIN_ONLY: dict[str, int] = {"Latin": 1}  # shared, never changed
_NO_SCRIPT: dict[str, int] = {}


class _Token:
    __slots__ = ("scripts", "start", "text")

    def __init__(self, start: int, text: str):
        self.start = start
        self.text = text
        self.scripts = _scripts_of(text)  # letters per script; letters of no script not counted

    @property
    def single_script(self) -> str | None:
        return next(iter(self.scripts)) if len(self.scripts) == 1 else None


def _scripts_of(token: str) -> dict[str, int]:
    if token.isascii():
        return _NO_SCRIPT if token.isdigit() else _LATIN_ONLY
    counts: dict[str, int] = {}
    for char in token:
        if char.isalpha():
            script = script_of(char)
            if script is not None:
                counts[script] = counts.get(script, 0) + 1
    return counts


class FixScripts(Filter):
    name = "fix-scripts"
    rule_kind = "punctuation"
    rule_ids = (REPAIR, FINDING)

    @classmethod
    def build(cls, config, rules, detector) -> FixScripts:
        return cls(rules().punctuation)

    def __init__(self, punctuation: list[PunctuationRule] = ()):
        self.punctuation = {rule.char: rule for rule in punctuation}
        self._marks = (
            regex.compile("[" + "".join(regex.escape(c) for c in self.punctuation) + "]")
            if self.punctuation else None
        )

    @property
    def rules(self) -> list[PunctuationRule]:
        return list(self.punctuation.values())

    def screen(self) -> Screen:
        # Only a line with a letter of a script other than Latin, or one of the
        # marks, can change; typography is neither.
        marks = frozenset(self.punctuation)
        return Screen(chars=marks, beyond="".join(c for c in TYPOGRAPHY if c not in marks))

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        quotes = count_quotes(text) if self._marks is not None else None
        changes: list[Change] = []
        if not text.isascii():
            if self._mixes_scripts(text):
                text, changes = self._repair_letters(text, context)
            if quotes is not None and self._marks.search(text):
                text, mark_changes = self._repair_marks(text, context, quotes)
                changes += mark_changes
        return text, changes

    # --- letters -----------------------------------------------------------

    @staticmethod
    def _mixes_scripts(text: str) -> bool:
        """Whether the text has letters of two scripts (the fast path's one question)."""
        first = _NON_LATIN_LETTER.search(text)
        if first is None:
            return False
        script = script_of(first.group())
        return script is not None and _letter_outside(script).search(text) is not None

    def _repair_letters(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        protected = [(m.span(), "@" in m.group()) for m in _PROTECTED.finditer(text)]
        words, glued = _without_directives(text)
        tokens = [_Token(m.start(), m.group()) for m in _TOKEN.finditer(words)]
        pieces, changes, done = [], [], 0
        shares: dict[str, float] = {}
        alphabet = _Alphabet(context)

        def repair(start: int, before: str, after: str, target: str, why: str = "") -> None:
            nonlocal done
            pieces.extend((text[done:start], after))
            done = start + len(before)
            changes.append(Change(REPAIR, start + 1, before, after,
                                  message=why or _describe(before, after, target)))

        def report(start: int, segment: str, reason: str) -> None:
            changes.append(Change(FINDING, start + 1, segment, None, kind="finding",
                                  message=reason))

        for index, token in enumerate(tokens):
            if token.scripts is _LATIN_ONLY or not token.scripts:
                continue
            mode = _repair_mode(token, protected)
            if mode is None:
                continue
            deliberate = _deliberate(text, token, glued)
            if deliberate:
                if len(token.scripts) > 1:
                    report(token.start, token.text, deliberate)
                continue
            if len(token.scripts) == 1:
                if mode != "full":
                    continue
                target = _short_word_target(token, tokens, index)
                if target and _one_letter_word_of_the_text(token.text, target, bool(glued), context):
                    continue
                if target and _line_share(words, target, shares) >= GREAT_MAJORITY:
                    repaired = alphabet.replace(token.text, target)
                    if repaired is not None:
                        repair(token.start, token.text, repaired, target,
                               f"a {token.single_script} word of {len(token.text)} letter(s) "
                               f"between {target} words, all look-alikes")
                continue
            for offset, segment in _segments(token.text):
                counts = _scripts_of(segment)
                if len(counts) < 2:
                    continue  # KAMAZ-ы, α-helix: each part in one script
                start = token.start + offset
                acronym = mode == "full" and _acronym(
                    segment, counts, lambda script: _line_share(words, script, shares))
                if acronym:
                    report(start, segment, acronym)
                    continue
                if _ending_after_apostrophe(segment, words):
                    continue  # Debouncer'а in Russian text: a case ending, written as such
                neighbours = _neighbour_scripts(tokens, index) if mode == "full" else (None, None)
                candidates, reason = _targets(counts, neighbours)
                if not candidates and mode == "majority":
                    continue  # H2О: no clear majority of its own letters, and nothing else decides
                for target in candidates:
                    repaired = alphabet.replace(segment, target)
                    if repaired is not None:
                        repair(start, segment, repaired, target)
                        break
                else:
                    if _affix_of_the_line(segment, words):
                        continue  # GdkFontی in Persian text: a case ending on a Latin word
                    if not reason:
                        reason = alphabet.why_not(segment, candidates[0])
                    report(start, segment, reason)
        if not pieces:
            return text, changes
        return "".join([*pieces, text[done:]]), changes

    # --- punctuation -------------------------------------------------------

    def _repair_marks(self, text: str, context: UnitContext, quotes) -> tuple[str, list[Change]]:
        pieces, changes, done = [], [], 0
        for match in self._marks.finditer(text):
            rule = self.punctuation[match.group()]
            if not rule.applies_in(context):
                continue
            at = match.start()
            before = text[at - 1] if at else ""
            after = text[at + 1] if at + 1 < len(text) else ""
            around = {script_of(c) for c in (before, after) if c.isalpha()} - {None}
            if not around or not around <= set(rule.next_to):
                continue  # in its own script's text, or with no letter beside it
            if _closes_a_modifier_quotation(text, at):
                continue  # ʻ%sʼ: a quotation in modifier letters, not two apostrophes
            if _modifier_letter(text, at):
                continue  # gwichʼin, Kʼicheʼ: the glottal stop, a letter of the word
            if rule.becomes == APOSTROPHE:
                closing, opening = _QUOTES[_apostrophe_style(quotes, context.facts)]
                opens = not (before.isalnum() or before in ".,;:!?)]}") and after.isalpha()
                replacement = opening if opens else closing
            else:
                replacement = rule.becomes
            pieces += [text[done:at], replacement]
            done = at + 1
            changes.append(Change(rule.id, at + 1, match.group(), replacement,
                                  severity=rule.severity, message=rule.message))
        if not pieces:
            return text, changes
        return "".join([*pieces, text[done:]]), changes


def _ending_after_apostrophe(segment: str, line: str) -> bool:
    """A Latin word, an apostrophe, then a grammatical ending in the script of other words
    of the line: Russian ``Задержка Debouncer'а`` (the apostrophe sets the ending apart).
    In a line with no other word of that script (``the Azerbaijan'ѕ side``) it is a
    look-alike."""
    ending = _LATIN_WORD_APOSTROPHE_ENDING.fullmatch(segment)
    return ending is not None and _script_of_other_words(ending.group(1), line)


def _affix_of_the_line(segment: str, line: str) -> bool:
    """A Latin word or placeholder with a grammatical ending or prefix in the script of other
    words of the line: Persian ``GdkFontی``, ``URIها``, Hebrew ``לWagtail``, ``הAPI``,
    Russian ``Bakuы`` in a Russian line (in an English line it is damage, and reported)."""
    affix = _LATIN_WORD_AND_SUFFIX.fullmatch(segment) or _PREFIX_AND_LATIN_WORD.fullmatch(segment)
    return affix is not None and _script_of_other_words(affix.group("affix"), line)


def _script_of_other_words(affix: str, line: str) -> bool:
    """Whether ``affix`` is in one script, and the line has more letters of it than the
    affix: other words of the line are written in it."""
    scripts = _scripts_of(affix)
    if len(scripts) != 1:
        return False
    return _scripts_of(line).get(next(iter(scripts)), 0) > len(affix)


def _modifier_letter(text: str, at: int) -> bool:
    """Whether the ʼ at ``at`` is the glottal stop of a word (CLDR's ``gwichʼin``,
    ``Kwakʼwala``, ``Kʼicheʼ``, ``ghomalaʼ``), not an English apostrophe.

    Only the apostrophe's own places are repaired: a contraction or possessive ending
    (``Pashinyanʼs``, ``donʼt``, ``weʼre``) and a plural's possessive (``ministersʼ``);
    anywhere else after a letter, U+02BC is a letter and stays.
    """
    if text[at] != MODIFIER_CLOSING or not at or not text[at - 1].isalpha():
        return False
    if _APOSTROPHE_ENDING.match(text, at + 1):
        return False
    ends_word = at + 1 == len(text) or not text[at + 1].isalnum()
    return not (ends_word and text[at - 1] in "sS")


def _closes_a_modifier_quotation(text: str, at: int) -> bool:
    """Whether the ʼ at ``at`` closes a quotation opened by ʻ (``ʻ%sʼ``, ``ʻbestandʼ``): the
    ʻ starts a word, the ʼ ends one, and no other ʼ stands between them."""
    if text[at] != MODIFIER_CLOSING or (at + 1 < len(text) and text[at + 1].isalnum()):
        return False
    opening = text.rfind(MODIFIER_OPENING, 0, at)
    return opening >= 0 and (opening == 0 or not text[opening - 1].isalnum()) and \
        MODIFIER_CLOSING not in text[opening:at]


def _repair_mode(token: _Token, protected) -> str | None:
    """How a token may be repaired: "full", "majority" (only a clear majority of its own
    letters decides: words glued to digits, e-mail addresses) or None (never)."""
    if MIXING_SCRIPTS & token.scripts.keys():
        return None  # Japanese, Chinese, Thai...: scripts that mix by nature
    if _UNIT.fullmatch(token.text) or _ACRONYM_ENDING.fullmatch(token.text):
        return None
    end = token.start + len(token.text)
    mode = "majority" if _NUMBER.search(token.text) else "full"  # 30-moddа; never COVID-19
    for (start, stop), email in protected:
        if start < end and token.start < stop:
            if not email:
                return None  # a URL
            mode = "majority"
    return mode


def _without_directives(text: str) -> tuple[str, frozenset[int]]:
    """``text`` with its format directives and escapes blanked (same length, so same
    coordinates), and the positions where a blanked directive begins or ends."""
    if "%" not in text and "{" not in text and "\\" not in text and "0" not in text:
        return text, frozenset()
    edges: set[int] = set()

    def blank(match: regex.Match) -> str:
        edges.update(match.span())
        return " " * len(match.group())

    return _DIRECTIVE.sub(blank, text), frozenset(edges)


def _deliberate(text: str, token: _Token, glued: frozenset[int]) -> str:
    """Why a token is software syntax to leave as written, or ""."""
    end = token.start + len(token.text)
    if token.start in glued or end in glued:
        return "a word glued to a format directive or escape; left as written"
    if _CHARACTER_CLASS.search(text, 0, token.start) and text.startswith("]", end) and \
            any(c.swapcase() in token.text for c in token.text if c.swapcase() != c):
        return "letters of a character class (a pattern such as [yYдД]); left as written"
    if _OPTION.search(text, 0, token.start) and script_of(token.text[0]) == "Latin":
        return "a command-line option glued to its argument; left as written"
    metavariable = _METAVARIABLE.fullmatch(token.text)
    if metavariable and len(_scripts_of(metavariable.group(1))) == 1 and \
            not _scripts_of(metavariable.group(1)).keys() & _scripts_of(metavariable.group(2)).keys():
        return "a metavariable in capitals before a suffix of another script; left as written"
    return ""


def _one_letter_word_of_the_text(word: str, target: str, directives: bool,
                                 context: UnitContext) -> bool:
    """Whether a one- or two-letter word is a word of the text's own language, not a
    look-alike.

    Where the unit's or document's language is a Cyrillic one, its own one-letter words
    and every Cyrillic word of two letters stay (``JUPYTER NOTEBOOK НА GITHUB``: Russian
    "on"); where no language is known, only the look-alikes of the English article and
    pronoun are repaired, and none in a line of format directives (``%b. у %H``).
    """
    if target != "Latin":
        return False
    if len(word) == 2:
        return script_of(word[0]) == "Cyrillic" and any(
            lang and lang.split("-")[0].lower() in CYRILLIC_LANGUAGES
            for lang in (context.lang, context.document_lang))
    if len(word) != 1:
        return False
    if directives or _replace_letters(word, target) not in LATIN_ONE_LETTER_WORDS:
        return True
    # Asked last: the language may take an identification to learn.
    return any(lang and word in ONE_LETTER_WORDS.get(lang.split("-")[0].lower(), "")
               for lang in (context.lang, context.document_lang))


def _line_share(text: str, script: str, cache: dict[str, float]) -> float:
    """The share of the line's letters (of any script) that are in ``script``."""
    if script not in cache:
        counts = _scripts_of(text)
        total = sum(counts.values()) or 1
        cache[script] = counts.get(script, 0) / total
    return cache[script]


def _acronym(segment: str, counts: dict[str, int], line_share) -> str:
    """Why a mixed word is an acronym to leave as written, or "".

    Short and all capitals, in a line mostly of another script than most of
    its letters (MBС, XXІ as Roman numerals in Russian text; ОSCE in English
    text is repaired), or capitals of one script glued to the end of a
    lower-case word of another (компаниейT.T.A.).
    """
    letters = [c for c in segment if c.isalpha()]
    if len(letters) <= ACRONYM_LETTERS and all(c.isupper() for c in letters):
        major = max(sorted(counts), key=counts.get)
        if line_share(major) < GREAT_MAJORITY:
            return (f"an acronym in capitals of {' and '.join(sorted(counts))} letters in a "
                    f"line mostly of another script; left as written")
    tail = len(segment)
    while tail and segment[tail - 1].isupper():
        tail -= 1
    head, run = segment[:tail], segment[tail:]
    if run and head and head[-1].islower():
        run_scripts = {script_of(c) for c in run}
        head_scripts = {script_of(c) for c in head if c.isalpha()}
        if len(run_scripts) == 1 and not run_scripts & head_scripts:
            return (f"{next(iter(run_scripts))} capitals glued to a {', '.join(sorted(head_scripts))} "
                    f"word: an acronym; left as written")
    return ""


def _segments(token: str):
    """The parts of a token between hyphens, with their offsets."""
    offset = 0
    for part in _HYPHEN.split(token):
        yield offset, part
        offset += len(part) + 1


def _neighbour_scripts(tokens: list[_Token], index: int) -> tuple[str | None, str | None]:
    """The scripts of the nearest one-script words before and after ``tokens[index]``."""
    found: list[str | None] = []
    for step in (-1, 1):
        position, script = index + step, None
        while 0 <= position < len(tokens) and script is None:
            script = tokens[position].single_script
            position += step
        found.append(script)
    return found[0], found[1]


def _targets(counts: dict[str, int], neighbours) -> tuple[list[str], str]:
    """The scripts to try writing the word in, in order, or none with the reason to report.

    A clear majority (at least two letters, twice the others) comes first;
    then the script of the neighbouring words, when they name one of the
    word's scripts and only one.
    """
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    (major, most), others = ranked[0], sum(count for _, count in ranked[1:])
    candidates = [major] if most >= 2 and most >= 2 * others else []
    names = " and ".join(sorted(counts))
    if most == ranked[1][1] and most >= 2:
        return [], f"as many {names} letters in one word; neighbours do not decide a tie"
    around = [script for script in counts if script in neighbours]
    if len(around) == 1 and around[0] not in candidates:
        candidates.append(around[0])
    if candidates:
        return candidates, ""
    if neighbours == (None, None):
        return [], f"{names} letters in one word, no clear majority and no neighbouring word"
    return [], f"{names} letters in one word, no clear majority; neighbours do not decide"


def _short_word_target(token: _Token, tokens: list[_Token], index: int) -> str | None:
    """A one- or two-letter word of look-alikes between two words of another script.

    Cyrillic а between English words is damage; Greek letters are symbols
    (α, λ) and stay wherever they are.
    """
    script = token.single_script
    if len(token.text) > 2 or script == "Greek" or not token.text.isalpha():
        return None
    left, right = _neighbour_scripts(tokens, index)
    if left is None or left != right or left == script:
        return None
    return left if _replace_letters(token.text, left) is not None else None


def _replace_letters(segment: str, target: str) -> str | None:
    """``segment`` with every letter of another script as its ``target`` look-alike."""
    out = []
    for char in segment:
        script = script_of(char) if char.isalpha() else None
        if script is None or script == target:
            out.append(char)
            continue
        replacement = lookalike(char, target)
        if replacement is None:
            return None
        out.append(replacement)
    return "".join(out)


class _Alphabet:
    """The letters a repair may write: those of the unit's language when it is known, else
    the letters common to the major alphabets of the target script (no palochka ӏ, no ҹ,
    no Greek final sigma inside a word)."""

    def __init__(self, context: UnitContext):
        self.context = context

    def replace(self, segment: str, target: str) -> str | None:
        repaired = _replace_letters(segment, target)
        if repaired is None or self._allowed(segment, repaired, target):
            return repaired
        return None

    def _allowed(self, segment: str, repaired: str, target: str) -> bool:
        written = [(i, new) for i, (old, new) in enumerate(zip(segment, repaired, strict=True))
                   if old != new]
        core = CORE_LETTERS.get(target)
        if core is None:
            return True
        outside = [(i, c) for i, c in written
                   if c not in core and not (c == "ς" and not repaired[i + 1:].isalpha()
                                             and i == len(repaired) - 1)]
        if not outside:
            return True
        lang = self.context.lang
        extra = LANGUAGE_LETTERS.get(lang.split("-")[0], "") if lang else ""
        return all(c in extra for _, c in outside)

    def why_not(self, segment: str, target: str) -> str:
        repaired = _replace_letters(segment, target)
        if repaired is None:
            return _no_lookalike(segment, target)
        letters = sorted({new for old, new in zip(segment, repaired, strict=True)
                          if old != new and new not in CORE_LETTERS.get(target, new)})
        lang = self.context.lang
        return (f"a {target} word whose look-alikes would be {', '.join(letters)}, letters "
                f"{'the ' + lang + ' alphabet' if lang else 'the common ' + target + ' alphabets'} "
                f"do not use")


def _no_lookalike(segment: str, target: str) -> str:
    missing = sorted({c for c in segment if c.isalpha() and script_of(c) not in (None, target)
                      and lookalike(c, target) is None})
    letters = ", ".join(f"{c!r} ({script_of(c)})" for c in missing)
    return f"a {target} word with letters of no {target} look-alike: {letters}"


def _describe(before: str, after: str, target: str) -> str:
    swaps = sorted({f"{script_of(b)} {b} → {a}" for b, a in zip(before, after, strict=True) if b != a})
    return f"look-alike letters in a {target} word: " + ", ".join(swaps)


def _apostrophe_style(line: tuple[int, int, int, int], facts: DocumentFacts) -> str:
    """The line's own single quotes, then its double quotes, then the document head's; else curly."""
    return decide_style(line) or facts.quote_style or "curly"
