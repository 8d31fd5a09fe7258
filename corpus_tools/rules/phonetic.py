"""Phonetic keys of names across romanization schemes, from ``rules/phonetic-classes.tsv``.

The table (an editable file, not code; its header says the columns) turns a
spelling into one or more keys: scheme letters become English digraphs
(``ž`` ``zh``), then sound classes are read as one symbol (``sh``/``sch``:
hushing; ``kh``/``gh``/``h``/``x``: one class; ``ts``/``tz``/``cz``/``c``;
the glides ``y``/``i``/``j``), initial ``ye`` as ``e``, a closing French
``-e`` left out, doubled symbols once. An ambiguous spelling (``ch``: English
``tch``, German ``kh``, French ``sh``) gives one key per reading.

>>> keys = PhoneticKeys.load()
>>> bool(keys.keys("Kuznetsov") & keys.keys("Kouznetsov") & keys.keys("Kuzneczov"))
True
>>> bool(keys.keys("Abramchuk") & keys.keys("Abramtschuk")), bool(keys.keys("Ivanov") & keys.keys("Ivanova"))
(True, False)
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import regex

from corpus_tools.errors import CorpusToolsError

TABLE_NAME = "phonetic-classes.tsv"
_KINDS = ("letter", "class", "start", "end", "reading")
_DOUBLE = regex.compile(r"(.)\1+")
_MOST_READINGS = 32  # keys per word at most: the first readings of each ambiguous spelling


def default_table_path() -> Path:
    from corpus_tools.rules.loader import default_rules_path

    return default_rules_path() / TABLE_NAME


@dataclass
class PhoneticKeys:
    letters: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    starts: dict[str, str] = field(default_factory=dict)
    ends: dict[str, str] = field(default_factory=dict)
    readings: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def packaged(cls) -> PhoneticKeys:
        """The packaged table, read once a process."""
        global _PACKAGED
        if _PACKAGED is None:
            _PACKAGED = cls.load()
        return _PACKAGED

    @classmethod
    def load(cls, path: Path | None = None) -> PhoneticKeys:
        """The table at ``path`` (the packaged one by default); a bad line is an error
        naming its file and line."""
        path = path or default_table_path()
        table = cls()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CorpusToolsError(f"{path}: cannot read the phonetic classes ({error})") from None
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) < 3 or cells[0] not in _KINDS or not cells[1]:
                raise CorpusToolsError(f"{path}:{number}: expected kind, spellings, class "
                                       f"(tab-separated; kind one of {', '.join(_KINDS)})")
            kind, spelling, target = cells[0], cells[1], cells[2]
            if kind == "letter":
                table.letters[spelling] = target
            elif kind == "class":
                table.classes[spelling] = target
            elif kind == "start":
                table.starts[spelling] = target
            elif kind == "end":
                table.ends[spelling] = "" if target == "-" else target
            else:
                table.readings[spelling] = tuple(target.split())
        return table

    def keys(self, form: str) -> frozenset[str]:
        """Every key of ``form``: one per combination of the readings of its ambiguous
        spellings (at most a few), words joined by a space."""
        words = [self._letters(word) for word in regex.split(r"[\s\-]+", form.casefold())]
        words = [word for word in words if word]
        choices = [self._word_keys(word) for word in words]
        return frozenset(" ".join(combination)
                         for combination in itertools.islice(itertools.product(*choices),
                                                             _MOST_READINGS))

    def _letters(self, word: str) -> str:
        word = "".join(self.letters.get(char, char) for char in word)
        decomposed = unicodedata.normalize("NFKD", word)
        return "".join(char for char in decomposed
                       if char.isalpha() and unicodedata.category(char) != "Lm")

    def _word_keys(self, word: str) -> list[str]:
        ambiguous = [spelling for spelling in self.readings if spelling in word]
        keys = []
        for chosen in itertools.product(*(self.readings[s] for s in ambiguous)):
            mapping = dict(self.classes)
            mapping.update(zip(ambiguous, chosen, strict=True))
            keys.append(self._apply(word, mapping))
            if len(keys) >= _MOST_READINGS:
                break
        return keys or [self._apply(word, self.classes)]

    def _apply(self, word: str, mapping: dict[str, str]) -> str:
        pattern = _pattern(tuple(sorted(mapping, key=lambda item: (-len(item), item))))
        text = pattern.sub(lambda match: mapping[match.group()], word)
        for start, target in self.starts.items():
            if text.startswith(start):
                text = target + text[len(start):]
                break
        for end, target in self.ends.items():
            if len(text) > len(end) + 3 and text.endswith(end):
                text = text[:len(text) - len(end)] + target
                break
        return _DOUBLE.sub(r"\1", text)


_PACKAGED: PhoneticKeys | None = None
_PATTERNS: dict[tuple[str, ...], regex.Pattern] = {}


def _pattern(alternatives: tuple[str, ...]) -> regex.Pattern:
    pattern = _PATTERNS.get(alternatives)
    if pattern is None:
        pattern = _PATTERNS[alternatives] = regex.compile(
            "|".join(regex.escape(item) for item in alternatives))
    return pattern
