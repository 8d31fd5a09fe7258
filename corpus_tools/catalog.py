"""The catalog of rule ids: each with its default severity and an explanation.

Built-in ids are listed one by one; rule-file rules are catalogued by their
family (``name:*``, ``artifact:*``, ``punctuation:*``) and may set their own
``severity`` and ``message`` in the rule file.  ``corpus-tools rules explain
ID`` prints an entry.

Severities: ``error`` (the corpus is damaged; ``--check`` fails),
``warning`` (worth a look; ``--check`` lists it without failing), ``info``
(why something was not done).  An applied fix always makes ``--check`` fail,
whatever its severity: the output would differ from the input.

>>> severity_of("encoding:mojibake"), severity_of("name:Lachin"), severity_of("lang:foreign-sentence")
('error', 'error', 'warning')
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus_tools.errors import CorpusToolsError

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Entry:
    id: str
    severity: str
    step: str
    explanation: str


_ENTRIES = [
    Entry("encoding:mojibake", "error", "fix-encoding",
          "Text that was encoded as UTF-8 and decoded as another encoding (cp1252, latin-1, "
          "cp1251, MacRoman...), once or several times: 'Azerbaijanâ€™s' for 'Azerbaijan’s'. "
          "Repaired by ftfy's decoder where the damage is certain."),
    Entry("encoding:html-entity", "error", "fix-encoding",
          "An HTML entity such as '&amp;' or '&#233;' in plain text, decoded (not in lines "
          "that contain '<'). An entity that would add a line break is left."),
    Entry("encoding:terminal-escape", "error", "fix-encoding",
          "An ANSI terminal escape sequence (colours, cursor moves) pasted into text; removed."),
    Entry("encoding:ligature", "warning", "fix-encoding",
          "A Latin typographic ligature ('ﬁ', 'ﬂ'), usually from PDF extraction, written as "
          "its letters. --no-ligatures keeps them."),
    Entry("encoding:control-char", "error", "fix-encoding",
          "A control character (C0 or C1, other than tab and line endings) removed."),
    Entry("encoding:c1-control", "error", "fix-encoding",
          "A C1 control character (U+0080 to U+009F) that stood for the cp1252 character of "
          "the same byte, written as that character: 'l\\x92homme' -> 'l’homme' (text decoded "
          "as Latin-1 where it was cp1252; ftfy's fix_c1_controls)."),
    Entry("encoding:normalization", "info", "fix-encoding",
          "A character rewritten to its Unicode NFC form (only with --nfc)."),
    Entry("encoding:span-repair", "error", "fix-encoding",
          "A word of UTF-8 that was read as a legacy code page (cp1252, latin-1, cp1251, "
          "cp1250, cp1254, MacRoman), inside a line ftfy left alone: 'Õ¬Õ¡ÕµÕ¶' -> 'լայն', "
          "'MaddÉ™' -> 'Maddə', twice-damaged 'MaddÃ‰â„¢' too. Only the word is re-read, and "
          "only when the result is one script and less odd than the damage. "
          "--no-span-repair switches it off."),
    Entry("encoding:other", "error", "fix-encoding", "Another ftfy repair of the text's encoding."),
    Entry("space:blank-line", "info", "normalize-space",
          "A line holding only spaces, emptied (the line itself stays)."),
    Entry("space:trailing", "info", "normalize-space", "Spaces (and odd or invisible spaces) at the end of a line, removed; the line "
          "ending itself is kept."),
    Entry("space:collapse", "info", "normalize-space", "Two or more spaces in a row inside a line, made one (leading indentation and tabs are "
          "kept)."),
    Entry("space:odd-space", "warning", "normalize-space",
          "An unusual space character (en space, thin space, a no-break space outside the "
          "typography that needs one) made a plain space."),
    Entry("space:zero-width", "warning", "normalize-space",
          "An invisible zero-width space or word joiner, removed (ZWNJ and ZWJ are kept: "
          "Persian, Indic scripts and emoji need them)."),
    Entry("space:bom", "warning", "normalize-space",
          "A byte order mark inside a line (not the file's first BOM, which is kept), removed."),
    Entry("space:soft-hyphen", "warning", "normalize-space", "An invisible soft hyphen (U+00AD), usually left by hyphenation in a PDF or a word "
          "processor, removed."),
    Entry("script:confusable", "error", "fix-scripts",
          "A letter of another script that looks the same inside a word ('Аzerbaijan' with a "
          "Cyrillic 'А'), written in the word's script."),
    Entry("script:mixed-token", "error", "fix-scripts",
          "A word mixing scripts that fix-scripts will not guess at (no clear majority, or a "
          "letter with no look-alike); reported, never changed. Grammar is not reported: a "
          "case ending or prefix in the line's own script on a Latin word or placeholder "
          "(Persian URIها, Hebrew לWagtail, Russian Debouncer'а). On the real-text benchmark "
          "(issue 27): 0 false alarms in 6 judged (2 of 8 before)."),
    Entry("lang:foreign-sentence", "warning", "foreign-sentences",
          "A sentence of at least 30 letters identified, with a score of at least 0.95, as "
          "another language than its document's. Quotations can be legitimate."),
    Entry("lang:undecided", "info", "unify-names",
          "A rule scoped to some languages (lang = [...]) matched, but the unit's language "
          "could not be decided: too short or uncertain, and its best guess differs from its "
          "paragraph's or document's language. Nothing is changed; give --lang (or "
          "--languages to narrow identification) when you know the language."),
    Entry("lang:foreign-span", "info", "unify-names",
          "A rule scoped to some languages matched inside a quotation (« », “ ”, „ “, ‚ ‘, ‹ ›) or a "
          "sentence that is confidently in another language than its line ('« Kiev ne cédera "
          "pas »' in English text). The quotation is left as it was written."),
    Entry("lang:skipped", "info", "unify-names",
          "A rule scoped to some languages (lang = [...]) matched, but the unit was decided to "
          "be in another language, so the spelling was left as written; the finding gives the "
          "decided language and its score. Give --lang when the identification is wrong."),
    Entry("name:kept", "info", "unify-names",
          "A listed spelling of a name left as written because a rule protects it: a 'keep' "
          "phrase it stands in ('Salomé Zourabichvili'), or a 'not_after'/'not_before' word "
          "beside it ('François'). The finding names the phrase or the word."),
    Entry("invalid-utf8", "error", "check",
          "Bytes that are not UTF-8 (a Latin-1 or cp1252 file, a cut multi-byte character). "
          "corpus-tools passes them through untouched and shows them as '\\xe9'; convert the "
          "file, or find the tool that wrote them. Where the line reads as cp1252 or cp1251, "
          "the finding names it."),
    Entry("control-char", "error", "check",
          "A control character (C0 other than tab, DEL, C1) inside a line: usually a copy from a "
          "terminal or a binary format. fix-encoding removes most of them."),
    Entry("lost-char", "warning", "check",
          "A word holding U+FFFD, the replacement character: a character lost before the text "
          "reached corpus-tools (a legacy code page that had no character for a byte of misread "
          "UTF-8, a file decoded with errors replaced). No repair can know what it was; find "
          "the original, or the step that lost it."),
    Entry("encoding:unrepaired", "warning", "check",
          "Text that still looks like mojibake and that no repair changed: a word whose UTF-8 "
          "bytes were read as a legacy code page but lost a byte that several letters could "
          "fill (Russian 'Ñто': с, э or я), a misdecoding ftfy could not undo, a capital "
          "between small letters that stands for a letter short of a byte ('IstoÄna' for "
          "'Istočna'; fix-encoding reports it in a line it changed, check in any line), or a "
          "rare legitimate sequence. Reported by fix-encoding and check; nothing is changed."),
    Entry("unbalanced-quotes", "warning", "check",
          "A quotation mark never closed in its line, or closed with no opening one: often a "
          "sentence dropped in translation. Each language's marks are known (« », „ “, “ ”, "
          "‚ ‘, 「 」); an apostrophe inside or after a word is not a quotation mark, nor a mark "
          "the text names ('(\")'), a lone guillemet at a line's edge (a button's '»'), Hebrew "
          "gershayim, Uzbek o‘, Tongan pa‘anga. On the real-text benchmark (issue 27): 0 false "
          "alarms in 10 judged, line and record units."),
    Entry("unbalanced-brackets", "info", "check",
          "A bracket ( [ { 「 『 never closed in its line, or a closing one with no opening one "
          "(enumerations and labels like '1)', '예)' aside). Not reported: a bracket the text "
          "names ('missing \")\"'), placeholders ('%(name)s', '{0}'), fragments ('%s)'), "
          "smileys, a quoted string's brackets ('\"Ctrl Shift ]\"'), an opener ending the line "
          "or a closer starting it (the pair is on the message's next line), a line with no "
          "letter or digit ('    },'). Info by default: before issue 27 86% of its findings "
          "on real translated text were false alarms; on the real-text benchmark now 0 of 5 "
          "judged (line unit) and 0 of 17 (record unit), too few to promote it yet."),
    Entry("mixed-quote-style", "info", "check",
          "A line whose quotation marks are straight in a document whose head uses curly ones, "
          "or the other way round. Apostrophes (d’, пам’ять, meta’) and the quotes of markup "
          "attributes (<a href=\"...\">) do not count. Info: a style, not damage; on the "
          "real-text benchmark (issue 27) 0 false alarms in 47 judged (53% before)."),
    Entry("repeated-word", "warning", "check",
          "A word written twice in a row ('the the'). Legitimate repeats are rules "
          "([[repeat]] in rules/repeats.toml, per language: 'that that', 'nous nous', Dutch "
          "'je je'; every repeat in languages that reduplicate). Never reported: help-text "
          "columns, alphabet samples, two capitalised words (names: 'Νέο Ζαΐρ Ζαΐρ'), a unit "
          "that is only the two words of a script without capitals ('אפגני אפגני'), a word "
          "after a slash ('Bienvenido/a a'). On the "
          "real-text benchmark (issue 27): 0 false alarms in 7 judged (56% before)."),
    Entry("name:*", "error", "unify-names",
          "A listed spelling of a name, written as its canonical form (rule files, [[name]]). "
          "A rule with fix = \"suggest\" only proposes it."),
    Entry("artifact:*", "error", "strip-artifacts",
          "A translator's or editor's leftover matched by a rule ([[artifact]]): removed or "
          "rewritten with 'replace', only reported without it."),
    Entry("punctuation:*", "error", "fix-scripts",
          "A punctuation mark of another script where the text's own belongs (an Armenian "
          "emphasis mark for an apostrophe), rules/scripts.toml [[punctuation]]."),
]
CATALOG: dict[str, Entry] = {entry.id: entry for entry in _ENTRIES}


class UnknownRuleError(CorpusToolsError):
    pass


def entry_of(rule: str) -> Entry:
    """The catalog entry of a rule id (a family entry for rule-file rules).

    >>> entry_of("name:Lachin").id
    'name:*'
    """
    if rule in CATALOG:
        return CATALOG[rule]
    family = rule.split(":", 1)[0] + ":*"
    if family in CATALOG:
        return CATALOG[family]
    known = ", ".join(sorted(CATALOG))
    raise UnknownRuleError(f"no rule '{rule}' in the catalog; the rules are: {known}")


def severity_of(rule: str) -> str:
    return entry_of(rule).severity
