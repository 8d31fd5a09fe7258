"""``check --format gitlab``: GitLab Code Quality, a JSON array of issues.

Each issue has GitLab's required fields: ``description``, ``check_name`` (the
rule id), ``fingerprint`` (unique per issue, stable across edits elsewhere:
the baseline's content key, its file and its occurrence there),
``severity`` (error: ``major``, warning: ``minor``, info: ``info``) and
``location`` (``path`` relative to the repository's root, ``positions`` with
line and column).  Issues are written as they are found; the array closes at
the end.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import ClassVar

from corpus_tools.changes import Change
from corpus_tools.report import Reporter
from corpus_tools.report.fingerprint import content_hash
from corpus_tools.report.locations import repository_path, source_root
from corpus_tools.report.render import detail, printable, severity


class GitlabReporter(Reporter):
    SEVERITIES: ClassVar[dict[str, str]] = {"error": "major", "warning": "minor", "info": "info"}

    def __init__(self, out, root: str | None = None):
        super().__init__(out)
        self.root = root or source_root()
        self.written = 0
        self._seen: Counter = Counter()

    def take(self, finding: Change, line_text: str | None = None) -> None:
        path = printable(repository_path(finding.file, self.root) or finding.file or "<stdin>")
        content = content_hash(finding, line_text) if line_text is not None else \
            f"{finding.line}:{finding.column}"
        self._seen[path, content] += 1
        fingerprint = hashlib.sha256(
            f"{path}\0{content}\0{self._seen[path, content]}".encode("utf-8", "surrogateescape")
        ).hexdigest()[:32]
        issue = {
            "type": "issue", "check_name": finding.rule,
            "description": f"{finding.rule}: {detail(finding)}",
            "severity": self.SEVERITIES[severity(finding)],
            "fingerprint": fingerprint,
            "location": {"path": path, "positions": {
                "begin": {"line": finding.line, "column": finding.column},
                "end": {"line": finding.line, "column": max(finding.end, finding.column)}}},
        }
        self.out.write(("[\n" if not self.written else ",\n")
                       + json.dumps(issue, ensure_ascii=False))
        self.written += 1

    def finish(self, summary=None) -> None:
        self.out.write("\n]\n" if self.written else "[]\n")
