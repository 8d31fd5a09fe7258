"""Where things are in a rule file's TOML text, and its syntax errors in plain words.

``tomllib`` gives values but not their lines; :class:`Lines` finds the line
of a table and of a field inside it, and :func:`toml_problem` turns a parse
error into a message a linguist can act on.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def parse_toml(path: Path, problems: list[str]) -> tuple[dict | None, str]:
    """The file's data and text; None (and a problem added) when it cannot be read.

    A UTF-8 BOM (Windows Notepad writes one) is accepted.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(f"{path}: cannot read: {error.strerror}")
        return None, ""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(not_utf8_problem(path, raw))
        return None, ""
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        problems.append(toml_problem(path, text, error))
    except RecursionError:
        problems.append(f"{path}:1: TOML: brackets or tables are nested too deep to read; "
                        f"a rule file needs at most a few levels")
    return None, text


def not_utf8_problem(path: Path, raw: bytes) -> str:
    """The line and column of the first byte that is not UTF-8, and the mend."""
    for number, line in enumerate(raw.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            column = len(line[: error.start].decode("utf-8", "replace")) + 1
            return (f"{path}:{number}: the byte 0x{line[error.start]:02X} at column {column} is "
                    f"not UTF-8 (the file was saved in another encoding); save the file as "
                    f"UTF-8 (in Notepad: Save As, Encoding: UTF-8)")
    return f"{path}:1: not UTF-8; save the file as UTF-8"


class Lines:
    """Finds the line of the n-th ``[[table]]`` and of a field inside it."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.headers: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, 1):
            match = re.match(r"\s*\[\[\s*([A-Za-z_-]+)\s*\]\]", line)
            if match:
                self.headers.setdefault(match.group(1), []).append(number)
            else:
                match = re.match(r"\s*\[\s*([A-Za-z_-]+)\s*\]", line)
                if match:
                    self.headers.setdefault(match.group(1), []).append(number)

    def table(self, name: str, index: int) -> int:
        lines = self.headers.get(name, [])
        return lines[index] if index < len(lines) else 1

    def field(self, table_line: int, key: str) -> int:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(table_line, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > table_line and re.match(r"\s*\[", line):
                break
            if pattern.match(line):
                return number
        return table_line

    def find(self, start: int, needle: str) -> int:
        """The first line at or after ``start`` that contains ``needle`` (examples, variants)."""
        for number in range(start, len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return start


def toml_problem(path: Path, text: str, error: Exception) -> str:
    """A TOML syntax error in words a linguist can act on, at the line to mend."""
    message = str(error)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    line = getattr(error, "lineno", None) or (int(match.group(1)) if match else 1)
    reason = message[: match.start()].strip() if match else message
    for finder in (_curly_quotes, _string_mistake):
        found = finder(text)
        if found is not None:
            return f"{path}:{found[0]}: {found[1]}"
    if "Unescaped '\\'" in reason or "Unescaped" in reason:
        return (f"{path}:{line}: a backslash inside \"...\" starts an escape sequence; write "
                f"patterns between three single quotes, '\''...'\'', where backslashes stay "
                f"as they are")
    opened = _unclosed_construct_line(text)
    if opened is not None and ("Unclosed" in reason or "end of document" in reason or opened < line):
        return (f"{path}:{opened}: TOML: {reason}: the [ or {{ opened on this line is never closed; "
                f"add the closing bracket")
    hint = {
        "Cannot overwrite a value": "a key is written twice in the same table; keep one",
        "Illegal character": "a text in quotes is not closed on its line; add the closing quote",
    }
    extra = next((h for key, h in hint.items() if reason.startswith(key)), "")
    return f"{path}:{line}: TOML: {reason}" + (f"; {extra}" if extra else "")


_CURLY_VALUE = re.compile(r"(?:=|\[|,|\{)\s*[“”‘’„«]")


def _curly_quotes(text: str) -> tuple[int, str] | None:
    """Curly quotes where a value starts: a word processor's "smart quotes"."""
    for number, line in enumerate(text.split("\n"), 1):
        code = _outside_strings(line)
        if _CURLY_VALUE.search(code):
            return number, ("curly quotes “ ” or ‘ ’ are not quotes in TOML; use straight "
                            "quotes \" or ' (turn off smart quotes in your editor)")
    return None


def _outside_strings(line: str) -> str:
    """The line with straight-quoted strings blanked (the comment cut)."""
    out, index, length = [], 0, len(line)
    while index < length:
        char = line[index]
        if char == "#":
            break
        if char in "\"'":
            end = index + 1
            while end < length and line[end] != char:
                end += 2 if line[end] == "\\" and char == '"' else 1
            out.append(" " * (end + 1 - index))
            index = end + 1
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _tokens(text: str):
    """The value tokens of a TOML text, skipping table headers and comments:
    ``("string", line, char, triple, next_char)``, ``("open", line)``, ``("close", line)``,
    ``("other", line)`` (a comma, an equals sign, a bare value)."""
    depth, index, line, length = 0, 0, 1, len(text)
    at_line_start = True
    while index < length:
        char = text[index]
        if char == "\n":
            line += 1
            at_line_start = True
            index += 1
            continue
        if char in " \t\r":
            index += 1
            continue
        if at_line_start and char == "[" and depth == 0:
            end = text.find("\n", index)  # a table header, [x] or [[x]], not a value
            index = length if end == -1 else end
            continue
        at_line_start = False
        if char == "#":
            end = text.find("\n", index)
            index = length if end == -1 else end
            continue
        if char in "\"'":
            start_line = line
            triple = text[index: index + 3] == char * 3
            quote = char * 3 if triple else char
            index += len(quote)
            while index < length and not text.startswith(quote, index):
                if text[index] == "\n":
                    if not triple:
                        break
                    line += 1
                if text[index] == "\\" and char == '"':
                    index += 1
                index += 1
            index += len(quote)
            yield "string", start_line, char, triple, text[index: index + 1]
            continue
        if char in "[{":
            depth += 1
            yield "open", line
        elif char in "]}" and depth:
            depth -= 1
            yield "close", line
        else:
            yield "other", line
        index += 1


def _string_mistake(text: str) -> tuple[int, str] | None:
    """Inside a list: two texts with no comma between them, or an apostrophe that closed a
    '...' text early (the next character is a letter)."""
    depth, last_string_line = 0, None  # the line a list's text closed on, if nothing since
    for token in _tokens(text):
        if token[0] == "string":
            _, line, char, triple, after = token
            if depth and last_string_line is not None:
                return last_string_line, ("two texts in a list with no comma between them; "
                                          "add a comma after this one")
            if char == "'" and not triple and after.isalpha():
                return line, ("an apostrophe inside '...' ends the text early; write this "
                              "text between double quotes \"...\"")
            last_string_line = line if depth else None
            continue
        last_string_line = None
        if token[0] != "other":
            depth += 1 if token[0] == "open" else -1
    return None


def _unclosed_construct_line(text: str) -> int | None:
    """The line of the first [ or { (in a value) that is never closed, ignoring strings and comments."""
    stack: list[int] = []
    for token in _tokens(text):
        if token[0] == "open":
            stack.append(token[1])
        elif token[0] == "close" and stack:
            stack.pop()
    return stack[0] if stack else None
