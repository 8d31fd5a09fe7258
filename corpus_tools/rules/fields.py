"""The checks that build one rule from one table, each problem naming file, line and field.

This module is code, not a declaration: which fields a table has, their
forms and what they mean are data in :mod:`.kinds` (the loader checks a
table's field names against it before its builder runs); a builder here reads
the values, checks each and how they relate (text or pattern, a variant that
is the canonical, a replacement naming a group the pattern lacks) and makes
the rule, or returns None when it found a problem.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import regex

from corpus_tools.catalog import SEVERITIES
from corpus_tools.language.codes import check_code
from corpus_tools.rules.model import (
    APOSTROPHE,
    ArtifactRule,
    Example,
    NameRule,
    PunctuationRule,
    RepeatRule,
    Source,
    SpellingRule,
    TransliterationRule,
)
from corpus_tools.rules.spellings import split_suggest
from corpus_tools.rules.toml_source import Lines
from corpus_tools.text.scripts import is_known_script, script_names

EXAMPLE_FIELDS = {"text", "expect", "lang", "finds"}
SPELLING_PLACES = ("anywhere", "end")


def array_of_tables(data: dict, name: str, where: Where) -> list[dict]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        where.error(where.lines.table(name, 0), name, f"write each rule under its own [[{name}]] line")
        return []
    return value


class Where:
    """Collects problems, each naming file, line and field and how to mend it."""

    def __init__(self, path: Path, lines: Lines, problems: list[str],
                 warnings: list[str] | None = None):
        self.path = path
        self.lines = lines
        self.problems = problems
        self.warnings = warnings if warnings is not None else []

    def error(self, line: int, field: str, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {field}: {message}")

    def warn(self, line: int, field: str, message: str) -> None:
        self.warnings.append(f"{self.path}:{line}: {field}: {message}")

    def unknown(self, key: str, known: set[str], line: int, what: str) -> None:
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(sorted(known))}"
        self.error(line, key, f"unknown {what}; {hint}")

    def check_fields(self, table: dict, known: set[str], table_line: int, what: str) -> None:
        for key in table:
            if key not in known:
                self.unknown(key, known, self.lines.field(table_line, key), f"field in {what}")

    def string(self, table: dict, key: str, table_line: int, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.error(table_line, key, f"missing; add {key} = \"...\"")
            return None
        if not isinstance(value, str):
            self.error(self.lines.field(table_line, key), key,
                       f"must be text in quotes, not {type(value).__name__}")
            return None
        return value

    def rule_id(self, table: dict, table_line: int) -> str | None:
        """The required ``id`` of an artifact or punctuation rule."""
        rule_id = self.string(table, "id", table_line, required=True)
        if rule_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", rule_id):
            self.error(self.lines.field(table_line, "id"), "id",
                       f"{rule_id!r} must be lower-case letters, digits, '-', '_' or '.'")
        return rule_id

    def severity(self, table: dict, table_line: int) -> str | None:
        value = self.string(table, "severity", table_line)
        if value is not None and value not in SEVERITIES:
            self.error(self.lines.field(table_line, "severity"), "severity",
                       f"must be one of {', '.join(SEVERITIES)}, not {value!r}")
            return None
        return value

    def lang(self, table: dict, table_line: int, what: str, key: str = "lang") -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        line = self.lines.field(table_line, key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(
            isinstance(code, str) and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", code)
            for code in value
        ):
            self.error(line, key, f"in {what} must be a list of language codes like [\"en\", \"fr\"]")
            return None
        codes = []
        for code in value:
            try:
                codes.append(check_code(code, key))
            except ValueError as error:
                self.error(line, key, str(error).removeprefix(f"{key} ") + " (a rule with an "
                           "unknown language would never apply)")
        return tuple(codes)

    def examples(self, table: dict, table_line: int) -> tuple[Example, ...]:
        value = table.get("examples", [])
        line = self.lines.field(table_line, "examples")
        if not isinstance(value, list):
            self.error(line, "examples", "must be a list: examples = [{ text = \"...\", expect = \"...\" }]")
            return ()
        examples = []
        search_from = line
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                self.error(line, "examples", "each example needs text = \"...\" (and expect = \"...\" when it should change)")
                continue
            # Each example is looked for after the one before, so alike examples get their own line.
            example_line = self.lines.find(search_from, _toml_repr_hint(item["text"]))
            search_from = example_line + 1 if example_line >= search_from else search_from
            for key in item:
                if key not in EXAMPLE_FIELDS:
                    self.unknown(key, EXAMPLE_FIELDS, example_line, "field in an example")
            expect, finds, lang = item.get("expect"), item.get("finds"), item.get("lang")
            if any(v is not None and not isinstance(v, str) for v in (expect, finds, lang)):
                self.error(example_line, "examples", "expect, finds and lang must be text in quotes")
                continue
            if lang is not None:
                try:
                    lang = check_code(lang, "lang")
                except ValueError as error:
                    self.error(example_line, "examples", str(error))
                    continue
            examples.append(Example(item["text"], expect, Source(str(self.path), example_line),
                                    lang, finds))
        return tuple(examples)


def _toml_repr_hint(text: str) -> str:
    return text[:20] if text and '"' not in text[:20] and "\\" not in text[:20] else ""


_PUNCTUATION_SPACING = re.compile(r"\s*([,;:/()])\s*")


def expand_keep(phrases: list[str], variants: list[str], canonical: str) -> list[str]:
    """Keep phrases with ``{variant}`` and ``{canonical}`` filled in, each also in the
    spacings around punctuation that text uses (``Odessa,Texas``, ``Odessa , Texas``).

    >>> forms = expand_keep(["(formerly {variant})"], ["Kiev"], "Kyiv")
    >>> forms[0], "( formerly Kiev )" in forms
    ('(formerly Kiev)', True)
    >>> sorted(expand_keep(["Odessa, Texas"], ["Odessa"], "Odesa"))
    ['Odessa , Texas', 'Odessa ,Texas', 'Odessa, Texas', 'Odessa,Texas']
    """
    filled: list[str] = []
    for phrase in phrases:
        forms = [phrase]
        if "{variant}" in phrase:
            forms = [form.replace("{variant}", v) for form in forms for v in variants]
        forms = [form.replace("{canonical}", canonical) for form in forms]
        for form in forms:
            pieces = _PUNCTUATION_SPACING.split(form)
            spaced = [""]
            for index, piece in enumerate(pieces):
                if index % 2 == 0:
                    spaced = [s + piece for s in spaced]
                else:  # a punctuation mark: with or without a space on each side
                    spaced = [s + left + piece + right for s in spaced
                              for left in ("", " ") for right in ("", " ")]
            filled += [s.strip() for s in spaced]
    return list(dict.fromkeys(filled))


def name_rule(entry: dict, index: int, file_lang, where: Where) -> NameRule | None:
    line = where.lines.table("name", index)
    before = len(where.problems)
    canonical = where.string(entry, "canonical", line, required=True)
    if canonical is not None and not canonical.strip():
        where.error(where.lines.field(line, "canonical"), "canonical", "is empty; write the name as it should appear")
    variants = entry.get("variants")
    variants_line = where.lines.field(line, "variants")
    if variants is None:
        where.error(line, "variants", "missing; add variants = [\"...\"] with the spellings to replace")
        variants = []
    elif not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
        where.error(variants_line, "variants", "must be a list of texts in quotes")
        variants = []
    for variant in variants:
        if not variant.strip():
            where.error(where.lines.find(variants_line, '""'), "variants",
                        "has an empty variant; remove the \"\" from the list")
        elif "\t" in variant:
            where.error(variants_line, "variants",
                        f"variant {variant!r} holds a tab; write a space (a variant matches any "
                        f"run of spaces anyway)")
        elif variant != variant.strip():
            where.error(variants_line, "variants", f"variant {variant!r} starts or ends with a space; remove it")
        elif variant == canonical:
            where.error(variants_line, "variants", f"lists the canonical form {variant!r} itself; remove it")
    entry, spellings = split_suggest(entry, line, where)
    lists = {}
    for key in ("suggest", "not_after", "not_before"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            where.error(where.lines.field(line, key), key, "must be a list of texts in quotes")
            value = []
        lists[key] = tuple(v.strip() for v in value)
    for spelling in lists["suggest"]:
        if spelling in variants or spelling == canonical:
            where.error(where.lines.field(line, "suggest"), "suggest",
                        f"{spelling!r} is also a variant or the canonical form; list it once")
    keep = entry.get("keep", [])
    if not isinstance(keep, list) or not all(isinstance(k, str) and k.strip() for k in keep):
        where.error(where.lines.field(line, "keep"), "keep", "must be a list of phrases in quotes")
        keep = []
    keep_written = tuple(keep)
    keep = expand_keep(keep, [v for v in [*variants, *lists["suggest"]] if isinstance(v, str)],
                       canonical or "")
    for phrase in entry.get("keep", []) if isinstance(entry.get("keep"), list) else []:
        if "{variant}" in str(phrase):
            continue
        if not any(v.casefold() in str(phrase).casefold() for v in variants if isinstance(v, str)):
            written_canonical = canonical and (canonical.casefold() in str(phrase).casefold()
                                               or "{canonical}" in str(phrase))
            why = (" (it holds the canonical form, which is never changed anyway; write the "
                   "variant there)" if written_canonical else "")
            where.warn(where.lines.find(where.lines.field(line, "keep"), phrase), "keep",
                       f"the phrase {phrase!r} holds none of the rule's variants, so it "
                       f"protects nothing{why}; add the variant it should keep")
    seen: set[str] = set()
    for variant in variants:
        if isinstance(variant, str) and variant in seen:
            where.warn(variants_line, "variants", f"{variant!r} is listed twice; remove one")
        seen.add(variant)
    ignore_case = entry.get("ignore_case", False)
    if not isinstance(ignore_case, bool):
        where.error(where.lines.field(line, "ignore_case"), "ignore_case", "must be true or false (no quotes)")
    fix = entry.get("fix", "auto")
    if fix not in ("auto", "suggest"):
        where.error(where.lines.field(line, "fix"), "fix", f"must be \"auto\" or \"suggest\", not {fix!r}")
    note = where.string(entry, "note", line) or ""
    severity = where.severity(entry, line)
    message = where.string(entry, "message", line)
    lang = where.lang(entry, line, "[[name]]") if "lang" in entry else file_lang
    examples = where.examples(entry, line)
    if len(where.problems) > before:
        return None
    return NameRule(
        canonical=canonical, variants=tuple(dict.fromkeys(variants)),
        source=Source(str(where.path), line), lang=lang, ignore_case=ignore_case,
        keep=tuple(keep), fix=fix, note=note, examples=examples, severity=severity,
        message=message, suggest=lists["suggest"], not_after=lists["not_after"],
        not_before=lists["not_before"], keep_written=keep_written, spellings=spellings,
    )


def artifact_rule(entry: dict, index: int, file_lang, where: Where) -> ArtifactRule | None:
    line = where.lines.table("artifact", index)
    before = len(where.problems)
    rule_id = where.rule_id(entry, line)
    literal = where.string(entry, "text", line)
    ignore_case = entry.get("ignore_case", False)
    if not isinstance(ignore_case, bool):
        where.error(where.lines.field(line, "ignore_case"), "ignore_case",
                    "must be true or false (no quotes)")
    markers = _markers(entry, line, where)
    if markers is not None:
        starts, ends = markers
        pattern = between_pattern(starts, ends, ignore_case is True)
        entry = {**entry, "replace": entry.get("replace", "")}
    elif literal is not None:
        if "pattern" in entry:
            where.error(where.lines.field(line, "text"), "text",
                        "give text (the words as written) or pattern (a regex), not both")
        if not literal.strip():
            where.error(where.lines.field(line, "text"), "text", "is empty")
        pattern = literal_pattern(literal, ignore_case is True)
        entry = {**entry, "replace": entry.get("replace", "")}
    else:
        pattern = where.string(entry, "pattern", line)
        if pattern is None:
            where.error(line, "pattern", "missing; add text = \"...\" (the words to remove, as "
                        "written) or pattern = '\''...'\'' (a regex)")
    compiled = None
    if pattern is not None:
        if not pattern:
            where.error(where.lines.field(line, "pattern"), "pattern", "is empty")
        else:
            compiled = _compile_pattern(pattern, where, where.lines.field(line, "pattern"))
    replace = where.string(entry, "replace", line)
    if compiled is not None and replace is not None:
        problem = template_problem(replace, compiled)
        if problem:
            where.error(where.lines.field(line, "replace"), "replace", problem)
    requires = entry.get("requires", [])
    if isinstance(requires, str):
        requires = [requires]
    if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
        where.error(where.lines.field(line, "requires"), "requires",
                    "must be a list of texts in quotes, one of which every match contains")
        requires = []
    severity = where.severity(entry, line)
    message = where.string(entry, "message", line) or ""
    lang = where.lang(entry, line, "[[artifact]]") if "lang" in entry else file_lang
    examples = where.examples(entry, line)
    if len(where.problems) > before:
        return None
    return ArtifactRule(
        rule_id=rule_id, pattern=pattern, source=Source(str(where.path), line), replace=replace,
        message=message, lang=lang, examples=examples, compiled=compiled, severity=severity,
        requires=tuple(requires), literal=literal is not None or markers is not None,
        text=literal, starts=markers[0] if markers else None, ends=markers[1] if markers else None,
        marks=marks_patterns(*markers, ignore_case is True) if markers else None,
    )


def _markers(entry: dict, line: int, where: Where) -> tuple[str, str] | None:
    """``starts`` and ``ends``, given together and instead of ``text`` or ``pattern``."""
    if "starts" not in entry and "ends" not in entry:
        return None
    starts, ends = where.string(entry, "starts", line), where.string(entry, "ends", line)
    for given, missing, example in (("starts", "ends", "]"), ("ends", "starts", "[Note:")):
        if given in entry and missing not in entry:
            where.error(where.lines.field(line, given), missing,
                        f"missing; {given} needs {missing} beside it, e.g. {missing} = "
                        f"\"{example}\" (the text that {'closes' if missing == 'ends' else 'opens'}"
                        f" each leftover)")
    for field, value in (("starts", starts), ("ends", ends)):
        if value is not None and not value.strip():
            where.error(where.lines.field(line, field), field, "is empty")
    for other in ("text", "pattern"):
        if other in entry:
            where.error(where.lines.field(line, other), other,
                        f"give starts and ends (the marks around a leftover) or {other}, not both")
    if starts is None or ends is None or not starts.strip() or not ends.strip():
        return None
    return starts, ends


def between_pattern(starts: str, ends: str, ignore_case: bool) -> str:
    """A regex for ``starts``, then anything up to the first ``ends`` after it, with the spaces
    around, so removing it can leave exactly one (as :func:`literal_pattern`).

    >>> import regex
    >>> [m.group() for m in regex.finditer(between_pattern("[Note:", "]", False),
    ...                                      "a [Note: x] b [Note: y] c")]
    [' [Note: x] ', ' [Note: y] ']
    """
    return (("(?i)" if ignore_case else "") + f"(?P<before>{SPACES}*){regex.escape(starts)}"
            f".*?{regex.escape(ends)}(?P<after>{SPACES}*)")


def marks_patterns(starts: str, ends: str, ignore_case: bool) -> tuple:
    """``starts`` compiled, and ``ends`` compiled to search from the line's end: a start mark
    after the last end mark has none to close it (found in one pass, however long the line)."""
    flags = regex.IGNORECASE if ignore_case else 0
    return (regex.compile(regex.escape(starts), flags),
            regex.compile(regex.escape(ends), flags | regex.REVERSE))


def literal_pattern(text: str, ignore_case: bool) -> str:
    """A regex that finds ``text`` as written (any run of spaces for its spaces), with the
    spaces around it, so removing it can leave exactly one.

    >>> import regex
    >>> [m.group() for m in regex.finditer(literal_pattern("(photo: AFP)", True), "a (PHOTO:  afp) b")]
    [' (PHOTO:  afp) ']
    """
    words = [regex.escape(word, special_only=True) for word in text.split()]
    body = SPACES_PLUS.join(words)
    return ("(?i)" if ignore_case else "") + f"(?P<before>{SPACES}*){body}(?P<after>{SPACES}*)"


SPACES = "[ \\t\\u00a0]"
SPACES_PLUS = SPACES + "+"


# Recursion ((?R), (?1), (?&name), (?P>name)) can run without bound on one line.
_RECURSIVE = regex.compile(r"\(\?(?:R|[+-]?\d+|&\w+|P>\w+)\)")
_GROUP_REFERENCE = regex.compile(r"\\(?:g<([^>]*)>|(\d{1,2}))")


def _compile_pattern(pattern: str, where: Where, line: int):
    if _RECURSIVE.search(pattern.replace("\\\\", "")):
        where.error(line, "pattern", "calls itself recursively ((?R), (?1), (?&name)); "
                    "write the repetition out instead")
        return None
    try:
        return regex.compile(pattern, regex.VERSION1)
    except regex.error as error:
        where.error(line, "pattern", regex_problem(pattern, error))
    except RecursionError:
        where.error(line, "pattern", "is nested too deep to compile")
    return None


def regex_problem(pattern: str, error) -> str:
    """A pattern's compile error in words, with the column in the pattern.

    >>> regex_problem("(TODO|FIXME", regex.error("missing )", "(TODO|FIXME", 11))
    'a bracket ( opened at column 1 of the pattern is never closed; add the )'
    """
    message = error.msg if hasattr(error, "msg") else str(error)
    position = getattr(error, "pos", None)
    column = (position or 0) + 1
    if message.startswith("missing )"):
        opened = _unclosed_paren(pattern)
        return (f"a bracket ( opened at column {opened} of the pattern is never closed; "
                f"add the )")
    if "unbalanced parenthesis" in message:
        return f"the ) at column {column} of the pattern has no ( before it; remove it or write \\)"
    if "unterminated character set" in message:
        return f"a [ opened at column {column} of the pattern is never closed; add the ]"
    if "nothing to repeat" in message or "multiple repeat" in message:
        return (f"the * + ? or {{ at column {column} of the pattern has nothing before it to "
                f"repeat; write \\* \\+ \\? for the character itself")
    if "bad escape" in message:
        return (f"the escape at column {column} of the pattern is not one the regex module "
                f"knows; write \\\\ for a backslash")
    return f"does not compile: {message} (column {column} of the pattern)"


def _unclosed_paren(pattern: str) -> int:
    stack, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            stack.append(index + 1)
        elif char == ")" and stack:
            stack.pop()
        index += 1
    return stack[0] if stack else len(pattern)


def template_problem(template: str, compiled) -> str | None:
    r"""Why ``template`` would fail as the replacement of ``compiled``'s matches, or None.

    >>> print(template_problem(r"\9", regex.compile("(a)")))
    refers to group 9, but the pattern has 1 group(s); use \1 to \1 or a name it defines
    >>> print(template_problem(r"\g<nope>", regex.compile("(?P<yes>a)")))
    refers to group 'nope', which the pattern does not define (its named groups: yes)
    >>> template_problem(r"[\1]", regex.compile("(a)")) is None
    True
    """
    for match in _GROUP_REFERENCE.finditer(template):
        name = match.group(1) if match.group(1) is not None else match.group(2)
        if name.isdigit():
            if int(name) > compiled.groups:
                return (f"refers to group {int(name)}, but the pattern has {compiled.groups} "
                        f"group(s); use \\1 to \\{max(compiled.groups, 1)} or a name it defines")
        elif name not in compiled.groupindex:
            names = ", ".join(compiled.groupindex) or "none"
            return (f"refers to group '{name}', which the pattern does not define "
                    f"(its named groups: {names})")
    try:
        # Any other template error (a stray backslash): expand on an empty match.
        probe = regex.compile("(?:" + compiled.pattern + ")|", compiled.flags)
    except regex.error:
        return None
    try:
        probe.match("").expand(template)
    except (regex.error, IndexError) as error:
        if "unknown group" not in str(error) and "invalid group reference" not in str(error):
            return f"is not a valid replacement: {error}"
    return None


def punctuation_rule(entry: dict, index: int, file_lang, where: Where) -> PunctuationRule | None:
    line = where.lines.table("punctuation", index)
    before = len(where.problems)
    rule_id = where.rule_id(entry, line)
    char = where.string(entry, "char", line, required=True)
    if char is not None and len(char) != 1:
        where.error(where.lines.field(line, "char"), "char",
                    f"must be one character, not {len(char)}; write it as \"\\u055B\" if it is hard to see")
    becomes = where.string(entry, "becomes", line) or APOSTROPHE
    next_to = entry.get("next_to", ["Latin"])
    next_to_line = where.lines.field(line, "next_to")
    if isinstance(next_to, str):
        next_to = [next_to]
    if not isinstance(next_to, list) or not next_to or not all(isinstance(n, str) for n in next_to):
        where.error(next_to_line, "next_to", "must be a list of script names like [\"Latin\"]")
        next_to = []
    for name in next_to:
        if not is_known_script(name):
            where.unknown(name, set(script_names()), next_to_line, "script in next_to")
    keep_lang = where.lang(entry, line, "[[punctuation]]", key="keep_lang") or ()
    note = where.string(entry, "note", line) or ""
    severity = where.severity(entry, line)
    message = where.string(entry, "message", line)
    lang = where.lang(entry, line, "[[punctuation]]") if "lang" in entry else file_lang
    examples = where.examples(entry, line)
    if len(where.problems) > before:
        return None
    return PunctuationRule(
        rule_id=rule_id, char=char, source=Source(str(where.path), line), becomes=becomes,
        next_to=tuple(next_to), lang=lang, keep_lang=tuple(keep_lang or ()), note=note,
        examples=examples, severity=severity, message=message,
    )


def repeat_rule(entry: dict, index: int, file_lang, where: Where) -> RepeatRule | None:
    line = where.lines.table("repeat", index)
    before = len(where.problems)
    rule_id = where.rule_id(entry, line)
    words = entry.get("words")
    if not isinstance(words, list) or not words or not all(
            isinstance(word, str) and word.strip() and " " not in word.strip() for word in words):
        where.error(where.lines.field(line, "words"), "words",
                    'must be a list of single words in quotes, like ["that", "had"]')
        words = []
    note = where.string(entry, "note", line) or ""
    lang = where.lang(entry, line, "[[repeat]]") if "lang" in entry else file_lang
    if len(where.problems) > before:
        return None
    return RepeatRule(rule_id=rule_id, words=tuple(w.strip() for w in words),
                      source=Source(str(where.path), line), lang=lang, note=note)


def spelling_rule(entry: dict, index: int, file_lang, where: Where) -> SpellingRule | None:
    line = where.lines.table("spelling", index)
    before = len(where.problems)
    rule_id = where.rule_id(entry, line)
    same = entry.get("same")
    if not isinstance(same, list) or len(same) < 2 or not all(
            isinstance(item, str) and item == item.strip().lower() for item in same):
        where.error(where.lines.field(line, "same"), "same",
                    'must list two or more lower-case spellings in quotes, like ["tch", "ch"]')
        same = []
    elif len(set(same)) != len(same):
        where.error(where.lines.field(line, "same"), "same", "lists a spelling twice")
    elif "" in same[1:]:
        where.error(where.lines.field(line, "same"), "same",
                    'an empty spelling ("": an ending that may be left out) goes first')
    at = where.string(entry, "at", line) or "anywhere"
    if at not in SPELLING_PLACES:
        where.error(where.lines.field(line, "at"), "at",
                    f"must be one of {', '.join(SPELLING_PLACES)}, not {at!r}")
    if "" in same and at != "end":
        where.error(where.lines.field(line, "same"), "same",
                    'an empty spelling is only allowed with at = "end" (an ending left out)')
    note = where.string(entry, "note", line) or ""
    if len(where.problems) > before:
        return None
    return SpellingRule(rule_id=rule_id, same=tuple(same), source=Source(str(where.path), line),
                        at=at, note=note)


def transliteration_rule(entry: dict, index: int, file_lang, where: Where) -> TransliterationRule | None:
    line = where.lines.table("transliteration", index)
    before = len(where.problems)
    rule_id = where.rule_id(entry, line)
    script = where.string(entry, "script", line, required=True)
    if script is not None and not is_known_script(script):
        close = difflib.get_close_matches(script, script_names(), n=1)
        where.error(where.lines.field(line, "script"), "script",
                    f"{script!r} is not a Unicode script name"
                    + (f"; did you mean '{close[0]}'?" if close else ""))
    letters = entry.get("letters")
    pairs = []
    if not isinstance(letters, dict) or not letters:
        where.error(where.lines.field(line, "letters"), "letters",
                    'must be a table of letters, like letters = { "ш" = "sh", "а" = "a" }')
    else:
        for letter, latin in letters.items():
            if len(letter) != 1 or not isinstance(latin, str) or not latin.isascii():
                where.error(where.lines.field(line, "letters"), "letters",
                            f'{letter!r} = {latin!r}: write one letter = its Latin spelling '
                            f'in plain ASCII, like "ш" = "sh"')
                continue
            pairs.append((letter.lower(), latin.lower()))
    note = where.string(entry, "note", line) or ""
    if len(where.problems) > before:
        return None
    return TransliterationRule(rule_id=rule_id, script=script, letters=tuple(pairs),
                               source=Source(str(where.path), line), note=note)
