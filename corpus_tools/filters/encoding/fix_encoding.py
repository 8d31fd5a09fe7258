"""``fix-encoding``: repair mojibake, HTML entities, C1 and terminal controls with ftfy.

ftfy is configured for corpora: curly quotes, fullwidth forms and line breaks
stay (ftfy's defaults would straighten, narrow and rewrite them), and Unicode
normalization happens only when asked.  Lines that cannot hold anything ftfy
fixes skip it (see :mod:`corpus_tools.filters.encoding.ftfy_triggers`), which is what
makes this filter several times faster than calling ftfy on every line.

>>> text, changes = FixEncoding().apply("Azerbaijanâ€™s army", UnitContext())
>>> text
'Azerbaijan’s army'
>>> changes[0].rule, changes[0].column, changes[0].before, changes[0].fix
('encoding:mojibake', 11, 'â€™', '’')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

import ftfy

from corpus_tools.changes import Change, common_ends, span_change
from corpus_tools.filters.base import Filter, Screen, UnitContext
from corpus_tools.filters.encoding.findings import left_unrepaired, unrepaired, with_span_repairs
from corpus_tools.filters.encoding.ftfy_triggers import TriggerScreen, fixer_triggers
from corpus_tools.filters.encoding.oddness import TYPOGRAPHY, beyond_typography, line_oddness
from corpus_tools.filters.encoding.pair_screen import pair_screen
from corpus_tools.filters.encoding.recode import RECODING_PAIRS, might_be_recoded, recode_line
from corpus_tools.filters.encoding.span_repair import Repaired, SpanRepair, with_words_left_bad
from corpus_tools.language.codes import script_of_language
from corpus_tools.text.entities import writes_entities_as_text

# Bytes that were not valid UTF-8 arrive as lone surrogates (surrogateescape).
# They are not text: ftfy never sees them, and they come out as they went in.
_ESCAPED_BYTES = re.compile("([\udc80-\udcff]+)")
_ESCAPED_BYTE_CHARS = frozenset(map(chr, range(0xDC80, 0xDD00)))

# Which ftfy step is the reason for a change, most telling first.
_REASONS = (
    ("decode", "encoding:mojibake"),
    ("encode", "encoding:mojibake"),
    ("decode_inconsistent_utf8", "encoding:mojibake"),
    ("unescape_html", "encoding:html-entity"),
    ("fix_c1_controls", "encoding:c1-control"),
    ("remove_terminal_escapes", "encoding:terminal-escape"),
    ("fix_latin_ligatures", "encoding:ligature"),
    ("remove_control_chars", "encoding:control-char"),
    ("normalize", "encoding:normalization"),
)


@dataclass(frozen=True)
class EncodingConfig:
    """What ``fix-encoding`` repairs.  The defaults are the corpus-safe choice."""

    unescape_html: bool | Literal["auto"] = "auto"
    remove_terminal_escapes: bool = True
    fix_c1_controls: bool = True
    fix_latin_ligatures: bool = True
    remove_control_chars: bool = True
    normalization: Literal["NFC", "NFKC"] | None = None
    span_repair: bool = True  # words ftfy leaves (see corpus_tools.filters.encoding.span_repair)

    def ftfy_config(self) -> ftfy.TextFixerConfig:
        return ftfy.TextFixerConfig(
            unescape_html=self.unescape_html,
            remove_terminal_escapes=self.remove_terminal_escapes,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=self.fix_c1_controls,
            fix_latin_ligatures=self.fix_latin_ligatures,
            fix_character_width=False,  # fullwidth forms belong to CJK text
            uncurl_quotes=False,  # curly quotes are correct typography
            fix_line_breaks=False,  # the stream owns line endings
            fix_surrogates=False,  # our surrogates are escaped bytes, not UTF-16
            remove_control_chars=self.remove_control_chars,
            normalization=self.normalization,
            explain=True,
        )


def _reason(explanation) -> str:
    if ("decode", "windows-1252") in explanation:
        # Latin-1 read back as Windows-1252: what ftfy does to stray C1 controls.
        return "encoding:c1-control"
    actions = {step.action for step in explanation} | {step.parameter for step in explanation}
    for key, rule in _REASONS:
        if key in actions:
            return rule
    return "encoding:other"


# U+FFFD's own UTF-8 bytes (EF BF BD) as the single-byte pages read them.
_MISREAD_REPLACEMENT = ("\u00ef\u00bf\u00bd", "\u043f\u0457\u0405")  # latin-1/cp1252, cp1251


class FixEncoding(Filter):
    name = "fix-encoding"
    rule_ids = (*dict.fromkeys(rule for _, rule in _REASONS), "encoding:other",
                "encoding:span-repair", "encoding:unrepaired")

    @classmethod
    def build(cls, config, rules, detector) -> FixEncoding:
        return cls(config.encoding)

    def __init__(self, config: EncodingConfig | None = None):
        self.config = config or EncodingConfig()
        self._ftfy_config = self.config.ftfy_config()
        # A line that talks about entities ("escape ampersand as &amp;") keeps them.
        self._ftfy_config_keeping_entities = self._ftfy_config._replace(unescape_html=False)
        # Escaped bytes are screen triggers too, so one scan settles a clean line;
        # the text between them is screened again on its own.
        self._screen = TriggerScreen(
            fixer_triggers(
                ligatures=self.config.fix_latin_ligatures,
                control_chars=self.config.remove_control_chars,
            )
            | _ESCAPED_BYTE_CHARS
        )
        self._span = SpanRepair() if self.config.span_repair else None
        # ftfy's triggers and span repair's pairs in one scan: a clean line of any
        # script costs that one scan, with or without span repair.
        # (With span repair, a line of Cyrillic read through the wrong legacy page too.)
        span_pairs = (*self._span.screen_pairs, *self._span.touching_pairs, *RECODING_PAIRS) \
            if self._span is not None else ()
        self._fixing_screen = pair_screen(self._screen.singles, (*self._screen.pairs, *span_pairs))
        self._might_need_fixing = self._fixing_screen.search
        # Most lines of edited text hold nothing beyond ASCII and typography:
        # for them one regex, derived from the screen, is the whole test (span
        # repair cannot act there; NFKC would rewrite NBSP and '…', so not then).
        self._typography_screen = (self._screen.within(TYPOGRAPHY)
                                   if self.config.normalization != "NFKC" else None)

    def screen(self) -> Screen:
        # Without normalization, apply's one scan is the whole test.  Normalization
        # may change any character beyond ASCII (NFKC typography too): those go to
        # apply, as do, for NFC, all but typography.
        if self.config.normalization is None:
            return Screen(searches=(self._fixing_screen.pattern,))
        if self._typography_screen is None:
            singles, _ = self._screen.within_parts("")
            return Screen(chars=frozenset(singles), beyond="")
        singles, pairs = self._screen.within_parts(TYPOGRAPHY)
        return Screen(chars=frozenset(singles), beyond=TYPOGRAPHY, patterns=tuple(pairs))

    def needs_ftfy(self, text: str) -> bool:
        """False when ftfy, as configured, would return ``text`` unchanged."""
        return self._screen.might_change(text) or self._needs_normalizing(text)

    def _needs_normalizing(self, text: str) -> bool:
        normalization = self.config.normalization
        return normalization is not None and not unicodedata.is_normalized(normalization, text)

    def fix_segment(self, text: str, expected: str | None = None) -> tuple[str, list[Change]]:
        """``_fix_segment``, unless its fix turns a word into nothing but U+FFFD (Georgian
        read as cp1250 loses a byte of every letter, and ftfy reads each lead with the
        U+FFFD after it as one lost character): then the line is left as it came, and
        its words are reported.  (A word ftfy leaves with letters and a U+FFFD, 'Ру��кий'
        for 'Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹', is its published behaviour, and kept.)"""
        fixed, changes = self._fix_segment(text, expected)
        start, end = common_ends(text, fixed)
        came, made = text[start:len(text) - end], fixed[start:len(fixed) - end]
        if "\ufffd\ufffd" not in made or not any(
                len(word) > 1 and not word.strip("\ufffd") for word in fixed.split()):
            return fixed, changes
        # 'ï¿½' is U+FFFD itself misread: restoring it writes no new U+FFFD.
        restored = sum(came.count(misread) for misread in _MISREAD_REPLACEMENT)
        if restored and made.count("\ufffd") <= came.count("\ufffd") + restored:
            return fixed, changes
        findings = [change for change in changes if change.rule == "encoding:unrepaired"]
        return text, findings or [unrepaired(start, text[start:len(text) - end])]

    def _fix_segment(self, text: str, expected: str | None = None) -> tuple[str, list[Change]]:
        """Fix one run of real text: the new text and its change records.  ``expected``
        is the script of the document's language, when given (see ``SpanRepair.repair``).

        ftfy runs first and span repair looks at what it leaves.  Where span
        repair is sure of words in the text as it came, the other order is
        tried too: ftfy, deciding for the whole line, can read a word through
        the wrong code page ('‚Äì¬±' is UTF-8 read twice as MacRoman, which
        ftfy takes for cp1252) or turn a sequence that lost a byte into a lone
        U+FFFD.  Of the two results the better by ``_worse_fix`` is kept, ftfy's
        order on a tie.
        """
        span = self._span
        if span is not None and might_be_recoded(text):
            recoded = recode_line(text)  # Cyrillic saved in one legacy page, read as another
            if recoded is not None:
                return recoded, [span_change("encoding:mojibake", text, recoded)]
        first = span.repair(text, expected) if span is not None else None  # screens first
        looked = self.needs_ftfy(text)
        if looked and first is not None:
            # What ftfy's badness flags and neither ftfy nor span repair undid is
            # reported, in either order.
            first = with_words_left_bad(text, first)
        fixed, changes = self._ftfy_then_span(text, first, expected, looked)
        if first is not None and first.edits:
            other, rule = self._span_then_ftfy(first)
            if other != fixed:
                ftfy_first, span_first = _worse_fix(fixed), _worse_fix(other)
                if ftfy_first > span_first or (
                        first.restored_lost_byte and ftfy_first == span_first):
                    # On a tie, span repair's reading when it put back a lost byte: ftfy
                    # leaves the lead of that sequence ('Рталия' for 'Италия').
                    return other, self._span_then_ftfy_changes(text, first, other, rule, expected)
        return fixed, changes

    def _ftfy_then_span(self, text: str, first: Repaired | None, expected: str | None,
                        looked: bool) -> tuple[str, list[Change]]:
        fixed, changes = text, []
        if looked:
            fixed, rule = self._run_ftfy(text)
            if rule is not None:
                changes = [span_change(rule, text, fixed)]
        span = self._span
        if fixed == text:
            repaired = first
        else:
            repaired = span.repair(fixed, expected, after_ftfy=True) if span is not None else None
        if repaired is not None and (repaired.edits or repaired.unrepaired):
            changes = with_span_repairs(text, fixed, changes, repaired)
            fixed = repaired.text
        return fixed, changes

    def _span_then_ftfy(self, repaired: Repaired) -> tuple[str, str | None]:
        """What ftfy makes of span repair's text, and the rule of ftfy's change (None
        when it made none)."""
        if self.needs_ftfy(repaired.text):
            refixed, rule = self._run_ftfy(repaired.text)
            if rule is not None:
                return refixed, rule
        return repaired.text, None

    def _span_then_ftfy_changes(self, text: str, repaired: Repaired, fixed: str,
                                rule: str | None, expected: str | None) -> list[Change]:
        """The records of the span-first order (``fixed``, by ``_span_then_ftfy``), made
        only when that order is kept: span repair looks again only at what both made."""
        if rule is None:
            return with_span_repairs(text, text, [], repaired)
        # Both changed the line: one record of the whole difference, and the words of
        # what both made that still look misread, named as they came.
        return [span_change(rule, text, fixed),
                *left_unrepaired(text, fixed, self._span.repair(fixed, expected, after_ftfy=True))]

    def _run_ftfy(self, text: str) -> tuple[str, str | None]:
        if self._span is not None and _SPACE_OR_A0.search(text) is not None:
            return self._run_ftfy_around_space_or_a0(text)  # without span repair, ftfy as is
        config = self._ftfy_config
        if config.unescape_html and "&" in text and writes_entities_as_text(text):
            config = self._ftfy_config_keeping_entities
        fixed, explanation = ftfy.fix_and_explain(text, config)
        if fixed == text:
            return text, None
        return fixed, _reason(explanation or [])

    def _run_ftfy_around_space_or_a0(self, text: str) -> tuple[str, str | None]:
        """ftfy on the line's pieces between each 'â€ ' before a letter, which is left
        as it came (see ``_SPACE_OR_A0``)."""
        pieces, rules, last = [], [], 0
        for match in _SPACE_OR_A0.finditer(text):
            fixed, rule = self._run_ftfy(text[last:match.start()])
            pieces += [fixed, match.group()]
            rules.append(rule)
            last = match.end()
        fixed, rule = self._run_ftfy(text[last:])
        pieces.append(fixed)
        rules.append(rule)
        fixed = "".join(pieces)
        return (text, None) if fixed == text else (fixed, next(filter(None, rules), None))

    def apply(self, text: str, context: UnitContext) -> tuple[str, list[Change]]:
        if text.isascii():
            return self.fix_segment(text) if self.needs_ftfy(text) else (text, [])
        if self._typography_screen is not None and beyond_typography(text) is None:
            return self.fix_segment(text) if self._typography_screen(text) else (text, [])
        # Escaped bytes are among the screen's triggers, so a clean line costs one scan.
        if self._might_need_fixing(text) is None and (
                self.config.normalization is None or not self._needs_normalizing(text)):
            return text, []
        # Only a language the caller gave (--lang) sets the expected script: one
        # identified from the document's head may have been read from mojibake.
        expected = (script_of_language(context.facts.lang)
                    if self._span is not None and context is not None else None)
        if _ESCAPED_BYTES.search(text):
            return self._apply_around_escaped_bytes(text, expected)
        return self.fix_segment(text, expected)

    def _apply_around_escaped_bytes(self, text: str,
                                    expected: str | None) -> tuple[str, list[Change]]:
        pieces = _ESCAPED_BYTES.split(text)
        changes = []
        offset = 0
        for index in range(0, len(pieces), 2):
            piece = pieces[index]
            fixed, piece_changes = self.fix_segment(piece, expected)
            changes += [replace(change, column=change.column + offset) for change in piece_changes]
            pieces[index] = fixed
            offset += len(piece) + (len(pieces[index + 1]) if index + 1 < len(pieces) else 0)
        return "".join(pieces), changes


# ftfy reads a space after 'â€' (E2 80 read as cp1252) as the A0 that some process made a
# space, and writes '†' (E2 80 A0) glued to the next word.  Far more often the byte lost
# was the 9D of '”', which cp1252 lacks, and the space is a space ('lesieâ€ czytała' is
# 'lesie” czytała', not 'lesie†czytała'); before a letter the two cannot be told apart.
# So, with span repair on, ftfy repairs the line around it, and the sequence is left,
# and reported.
_SPACE_OR_A0 = re.compile(r"â€ (?=[^\W\d_])")


def _worse_fix(text: str) -> tuple[int, int]:
    """What orders two fixes of a line, the better first: the less odd; of two as odd,
    the one that kept a letter the other took for mojibake (ftfy reads a lead and a
    space as the bytes of an NBSP: in 'В С€РєРѕР»Р°С…' the 'В' is Russian's 'in').
    Spaces do not count: ftfy's reading of 'Ã s' as Portuguese 'às' is right as often
    as its reading of Georgian 'бѓ ' as 'რ' (for 'ი ', a byte lost) is wrong."""
    return line_oddness(text), -sum(char.isalpha() for char in text)
