"""Unicode scripts of letters, and the table of look-alike letters across scripts.

Scripts come from the ``regex`` module (``\\p{Script=...}``); characters that
several scripts share (digits, punctuation, ``Zyyy``/``Zinh``) belong to none.

>>> script_of("ж"), script_of("a"), script_of("5"), script_of("\\u0301")
('Cyrillic', 'Latin', None, None)
>>> lookalike("а", "Latin")  # Cyrillic а
'a'
>>> lookalike("ж", "Latin") is None
True
"""

from __future__ import annotations

import functools
import importlib.resources

import regex

# Scripts written without spaces, or mixed with others by nature (Japanese
# kana with kanji, Latin words inside Thai or Japanese text): never repaired.
MIXING_SCRIPTS = frozenset({
    "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Yi", "Thai", "Lao", "Khmer",
    "Myanmar", "Tibetan", "Javanese", "Balinese",
})


def _data_lines(name: str) -> list[str]:
    text = importlib.resources.files("corpus_tools.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def script_names() -> tuple[str, ...]:
    """Every script name Unicode lists, less Common and Inherited."""
    return tuple(_data_lines("scripts.txt"))


@functools.lru_cache(maxsize=1)
def _script_matcher():
    # Frequent scripts first: the alternatives are tried in order.
    first = ["Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Arabic", "Hebrew", "Han"]
    names = first + [name for name in script_names() if name not in first]
    return regex.compile("|".join(rf"(?P<{name}>\p{{Script={name}}})" for name in names))


@functools.lru_cache(maxsize=65536)
def script_of(char: str) -> str | None:
    """The script of one character, or None for characters of no single script."""
    match = _script_matcher().match(char)
    return match.lastgroup if match else None


@functools.lru_cache(maxsize=1)
def lookalike_table() -> dict[tuple[str, str], str]:
    """(letter, target script) -> the letter of the target script that looks the same."""
    table = {}
    for line in _data_lines("confusables.tsv"):
        source, _script, target_script, target = line.split("\t")[:4]
        table[chr(int(source, 16)), target_script] = chr(int(target, 16))
    return table


def lookalike(char: str, script: str) -> str | None:
    """The look-alike of ``char`` in ``script``, if the table has one."""
    return lookalike_table().get((char, script))


def is_known_script(name: str) -> bool:
    return name in script_names()
