"""What ``rules suggest`` does: count a corpus's spellings of names, then draft rules or list
the spellings near one name.

The counting, grouping and drafting are :mod:`corpus_tools.tasks.suggest`'s;
this module runs them over files for one request and says what it found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from corpus_tools.language.detector import LanguageDetector
from corpus_tools.rules.model import RuleSet
from corpus_tools.stream.formats import RecordFormat, TextFormat
from corpus_tools.tasks.check import expand_paths
from corpus_tools.tasks.suggest import (
    Collector,
    SpellingIndex,
    draft_csv,
    draft_json,
    draft_toml,
    draft_tsv,
    group_spellings,
    near,
)

DRAFT_FORMATS = ("toml", "csv", "tsv", "json")


@dataclass(frozen=True)
class Draft:
    text: str  # the draft, or the lines of spellings near a name
    summary: str  # one line for stderr: what was counted and grouped


@dataclass(frozen=True)
class DraftRequest:
    corpus: Sequence[str]
    rules: RuleSet
    record_format: RecordFormat | None = None  # None: plain text, a record a line
    on_bad_record: str = "error"
    min_count: int = 1  # a spelling seen once is a candidate: real variants are rare
    lang: str | None = None  # None: each document's language is identified
    near: str | None = None  # list the spellings close to this name instead of a draft
    output_format: str = "toml"
    jobs: int = 1  # -j: worker processes (0: every core)
    engine: str = "local"  # or "dask"
    scheduler: str | None = None  # --engine dask: a scheduler's address


def draft(request: DraftRequest) -> Draft:
    """Count the corpus's spellings, then draft rules (or list those near a name)."""
    index = SpellingIndex.from_rules(request.rules)
    collector = Collector(lang=request.lang,
                         detector=None if request.lang else LanguageDetector())
    paths = expand_paths(request.corpus)
    collector.read_all(paths, request.record_format or TextFormat(), request.on_bad_record,
                       request.jobs, request.engine, request.scheduler)
    spellings = [s for s in collector.spellings.values() if s.count >= request.min_count]
    if request.near:
        return Draft(near_lines(spellings, request.near, index), "")
    groups = group_spellings(spellings, index, request.rules.names)
    summary = (f"{len(spellings)} spelling(s) of names seen at least {request.min_count} times "
               f"in {len(paths)} file(s), {collector.lines} line(s); {len(groups)} group(s)")
    writers = {"toml": lambda: draft_toml(groups, summary, request.rules),
               "csv": lambda: draft_csv(groups, request.rules),
               "tsv": lambda: draft_tsv(groups), "json": lambda: draft_json(groups)}
    return Draft(writers[request.output_format](), summary)


def near_lines(spellings, name: str, index: SpellingIndex) -> str:
    """One line per spelling close to ``name``: form, count, languages, how it is close, and
    where it was first seen."""
    lines = []
    for spelling, how in near(spellings, name, index):
        where = ""
        if spelling.contexts:
            file, line, snippet = spelling.contexts[0]
            where = f"  {file}:{line}  {snippet}"
        lines.append(f"{spelling.form}\t{spelling.count}\t{spelling.lang_summary()}\t{how}{where}\n")
    return "".join(lines)
