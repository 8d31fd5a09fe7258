r"""One report model: a change record as one line of text and as one JSON object.

Every sink (``--check``, ``--report``) and every ``check`` format (text,
JSON, GitHub, SARIF) renders records through these functions, so a record
reads the same wherever it is shown.

The text form is the one compilers use, which editors and CI problem
matchers read: ``path:line:col: severity rule: message``.  ``line:col`` is in
the input line as read (a JSONL field's escapes counted); a record inside a
JSONL field or a TSV column adds ``[field:col]`` after the colon, the column
in the field's own decoded text, where ``before`` and ``fix`` are characters.

Bytes that are not UTF-8 arrive as lone surrogates (``surrogateescape``) and
never leave as such: every output shows them as ``\xe9`` (four characters),
so JSON output is always valid UTF-8 and a text line always prints.

>>> from corpus_tools.changes import Change
>>> change = Change("encoding:mojibake", 4, "Ã©", "é").located("a.jsonl", 1, "text", 13, 25)
>>> print(as_text(change))
a.jsonl:1:13: error encoding:mojibake: [text:4] 'Ã©' → 'é'
>>> print(as_text(Change("invalid-utf8", 4, "\udce9", None, kind="finding", file="a.txt", line=2,
...                      message="1 byte(s) that are not UTF-8: e9")))
a.txt:2:4: error invalid-utf8: '\xe9': 1 byte(s) that are not UTF-8: e9
"""

from __future__ import annotations

import json
import re

from corpus_tools.catalog import severity_of
from corpus_tools.changes import Change
from corpus_tools.report.terminal import BOLD, SEVERITY_COLOURS, painted

_SURROGATE = re.compile("[\ud800-\udfff]")
# What repr() writes for an escaped byte, not preceded by an escaped backslash.
_REPR_ESCAPED_BYTE = re.compile(r"(?<!\\)((?:\\\\)*)\\udc([89a-f][0-9a-f])")


def _escape_surrogate(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that was not UTF-8
    return f"\\u{code:04x}"  # a lone surrogate escaped in the input (JSON '\ud800')


def printable(text: str | None) -> str | None:
    r"""``text`` with every lone surrogate written out: an escaped byte as ``\xNN``.

    >>> printable("caf\udce9"), printable("ok"), printable("\ud800x")
    ('caf\\xe9', 'ok', '\\ud800x')
    """
    if text is None or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape_surrogate, text)


def quoted(text: str) -> str:
    r"""``repr(text)``, with escaped bytes as ``\xNN`` (repr would write ``\udcNN``).

    >>> print(quoted("caf\udce9"), quoted("a\\udce9"))
    'caf\xe9' 'a\\udce9'
    """
    return _REPR_ESCAPED_BYTE.sub(r"\1\\x\2", repr(text))


def severity(change: Change) -> str:
    return change.severity or severity_of(change.rule)


def message(change: Change) -> str:
    """What the record says: the span and its fix, then why.

    >>> print(message(Change("name:Kyiv", 1, "Kiev", "Kyiv", kind="suggestion")))
    'Kiev' → 'Kyiv'? (suggested, not applied)
    """
    if change.kind == "fix":
        text = f"{quoted(change.before)} → {quoted(change.fix)}"
    elif change.kind == "suggestion":
        text = f"{quoted(change.before)} → {quoted(change.fix)}? (suggested, not applied)"
    else:
        text = quoted(change.before)
    return f"{text}: {printable(change.message)}" if change.message else text


def location(change: Change) -> str:
    return f"{printable(change.file)}:{change.line}:{change.column}"


def detail(change: Change) -> str:
    """What follows the location: ``[field:col]`` inside a field, then the message."""
    if change.field is None:
        return message(change)
    return f"[{printable(change.field)}:{change.unit_column}] {message(change)}"


def as_text(change: Change, colour: bool = False) -> str:
    """``path:line:col: severity rule: [field:col] message`` (see the module's docstring);
    with ``colour``, the path in bold and the severity in its colour, as ruff shows them."""
    level = severity(change)
    if colour:
        return (f"{painted(location(change), BOLD)}: {painted(level, SEVERITY_COLOURS[level])} "
                f"{change.rule}: {detail(change)}")
    return f"{location(change)}: {level} {change.rule}: {detail(change)}"


def as_json(change: Change) -> dict:
    """The JSON form (README, "Change records"); ``fix``, ``message`` and the field's
    span only where they apply.

    >>> as_json(Change("space:trailing", 6, "  ", "", line=3, file="a.txt"))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'file': 'a.txt', 'line': 3, 'column': 6, 'end_column': 8, 'field': None, 'kind': 'fix',
     'rule': 'space:trailing', 'severity': 'info', 'before': '  ', 'fix': ''}
    """
    record = {
        "file": printable(change.file), "line": change.line, "column": change.column,
        "end_column": change.end, "field": printable(change.field),
    }
    if change.field is not None:
        record["field_column"] = change.unit_column
        record["field_end_column"] = change.unit_end
    record.update({"kind": change.kind, "rule": change.rule, "severity": severity(change),
                   "before": printable(change.before)})
    if change.fix is not None:
        record["fix"] = printable(change.fix)
    if change.message is not None:
        record["message"] = printable(change.message)
    return record


def json_line(change: Change) -> str:
    """One line of JSON Lines, valid UTF-8 whatever the input held."""
    return json.dumps(as_json(change), ensure_ascii=False)
