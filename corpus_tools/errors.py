"""Exceptions the library raises; the CLI turns each into one line and exit code 2."""

from __future__ import annotations


class CorpusToolsError(Exception):
    """Base class: something the user can mend (input, options, rule files)."""


class InputError(CorpusToolsError):
    """Bad input data, located at ``path:line`` when the line is known.

    >>> str(InputError("news.jsonl", 3, "not valid JSON"))
    'news.jsonl:3: not valid JSON'
    >>> str(InputError("missing.txt", None, "no such file"))
    'missing.txt: no such file'
    """

    def __init__(self, path: str, line: int | None, message: str):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"

    def __reduce__(self):  # raised in a worker process, re-raised in the main one
        return (InputError, (self.path, self.line, self.message))


class MissingExtraError(CorpusToolsError):
    """An optional dependency is needed for what was asked."""

    def __init__(self, module: str, extra: str, purpose: str):
        super().__init__(
            f"{purpose} needs the optional package '{module}': "
            f"pip install '.[{extra}]' in a clone of corpus-tools (not on PyPI yet)"
        )
