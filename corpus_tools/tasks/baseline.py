"""Baselines: accept known findings by content, not by line number.

An entry is (rule, the finding's text, a hash of its line's normalized text)
with a count, so edits elsewhere in the file keep it valid.  The text is kept
as every output shows it (:func:`~corpus_tools.report.render.printable`):
bytes that are not UTF-8 as ``\\xNN``, so the file is always valid UTF-8 JSON.

>>> from corpus_tools.changes import Change
>>> finding = Change("repeated-word", 5, "the the", None, kind="finding")
>>> baseline = Baseline.from_findings([(finding, "See  the the road ")])
>>> baseline.accept(finding, "See the the road"), baseline.accept(finding, "See the the road")
(True, False)
>>> baseline.stale()
0
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from corpus_tools.changes import Change
from corpus_tools.errors import CorpusToolsError
from corpus_tools.report.fingerprint import content_key as _key
from corpus_tools.report.fingerprint import line_key as line_key

VERSION = 1


class Baseline:
    def __init__(self, counts: Counter):
        self.counts = counts
        self.remaining = Counter(counts)

    @classmethod
    def from_findings(cls, findings) -> Baseline:
        return cls(Counter(_key(finding, text) for finding, text in findings))

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            entries = data["findings"]
            counts = Counter({(e["rule"], e["text"], e["line_hash"]): int(e["count"])
                              for e in entries})
        except FileNotFoundError:
            raise CorpusToolsError(f"{path}: no such baseline file") from None
        except (ValueError, KeyError, TypeError) as error:
            raise CorpusToolsError(f"{path}: not a corpus-tools baseline ({error})") from None
        return cls(counts)

    def accept(self, finding: Change, line_text: str) -> bool:
        key = _key(finding, line_text)
        if self.remaining[key] > 0:
            self.remaining[key] -= 1
            return True
        return False

    def stale(self) -> int:
        """Baseline entries no finding matched this run."""
        return sum(count for count in self.remaining.values() if count > 0)

    def dumps(self) -> str:
        entries = [{"rule": rule, "text": text, "line_hash": digest, "count": count}
                   for (rule, text, digest), count in sorted(self.counts.items())]
        return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False,
                          indent=1) + "\n"
