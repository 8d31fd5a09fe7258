"""``check --format sarif``: one SARIF 2.1.0 log, shaped for GitHub code scanning.

What code scanning needs, and what it gets here:

- **Locations** relative to the repository (``uriBaseId`` ``%SRCROOT%``, the
  folder holding ``.git`` above the current one, else the current folder),
  percent-encoded so ``#`` or a space stays part of the path; a file outside
  the repository gets an absolute ``file://`` URI; stdin has no URI (code
  scanning places nothing on it: name the files).
- **Rules** from the catalog: short and full descriptions, ``help`` as text
  and markdown, ``helpUri`` to the README's catalog where the installed
  package names its home page.
- **partialFingerprints**: the baseline's content key (rule, text, the line's
  hash), so an alert follows its line across edits elsewhere in the file.
- **invocations**: the exit code, and a ``toolExecutionNotification`` when
  ``--max-findings`` stopped the run (code scanning takes 25,000 results a run).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from corpus_tools.catalog import entry_of
from corpus_tools.changes import Change
from corpus_tools.report import Reporter
from corpus_tools.report.fingerprint import content_hash
from corpus_tools.report.locations import repository_path, source_root
from corpus_tools.report.render import detail, printable, severity
from corpus_tools.version import __version__

SARIF_SCHEMA = ("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
                "sarif-schema-2.1.0.json")
SRCROOT = "%SRCROOT%"
FINGERPRINT = "corpusToolsContentHash/v1"
CATALOG_ANCHOR = "#rule-catalog"  # the README's heading over the catalog
STDIN = {"description": {"text": "standard input"}}


@cache
def home_page() -> str | None:
    """The project's home page as the installed package declares it (``[project.urls]``)."""
    try:
        urls = metadata.metadata("corpus-tools").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    by_name = dict(url.split(", ", 1) for url in urls if ", " in url)
    for name in ("Documentation", "Homepage", "Repository", "Source"):
        if name in by_name:
            return by_name[name]
    return None


def artifact_location(path: str | None, root: str) -> dict:
    """A path as SARIF's ``artifactLocation``: relative to ``root`` under ``%SRCROOT%``.

    >>> artifact_location("/repo/docs/a b#1.txt", "/repo")
    {'uri': 'docs/a%20b%231.txt', 'uriBaseId': '%SRCROOT%'}
    >>> artifact_location("/elsewhere/x.txt", "/repo")
    {'uri': 'file:///elsewhere/x.txt'}
    """
    if path in (None, "-", "<stdin>"):
        return dict(STDIN)
    if "://" in path:  # an fsspec URL: already a URI
        return {"uri": path}
    relative = repository_path(path, root)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}


class SarifReporter(Reporter):
    """One SARIF 2.1.0 log at the end; rules from the catalog; columns in code points."""

    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "note"}

    def __init__(self, out, root: str | None = None):
        super().__init__(out)
        self.root = root or source_root()
        self.results: list[dict] = []
        self.rules: dict[str, int] = {}
        self._seen: Counter = Counter()  # (file, content hash) -> occurrences so far

    def take(self, finding: Change, line_text: str | None = None) -> None:
        rule_index = self.rules.setdefault(finding.rule, len(self.rules))
        region = {"startLine": finding.line, "startColumn": finding.column,
                  "endColumn": max(finding.end, finding.column)}
        location = artifact_location(finding.file, self.root)
        result = {
            "ruleId": finding.rule, "ruleIndex": rule_index,
            "level": self.LEVELS[severity(finding)],
            "message": {"text": detail(finding)},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        }
        if line_text is not None:
            digest = content_hash(finding, line_text)
            self._seen[finding.file, digest] += 1
            # The same damage twice in one file: two alerts, told apart by their order.
            result["partialFingerprints"] = {
                FINGERPRINT: f"{digest}:{self._seen[finding.file, digest]}"}
        if finding.fix is not None and finding.kind == "fix":
            # What the file's line must hold: inside a JSONL field, the fix escaped as the
            # field is, so the region's replacement leaves the line valid JSON.
            inserted = finding.fix if finding.line_fix is None else finding.line_fix
            result["fixes"] = [{"description": {"text": f"{finding.rule}"}, "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": region,
                                  "insertedContent": {"text": printable(inserted)}}]}]}]
        self.results.append(result)

    def finish(self, summary=None) -> None:
        self.out.write(json.dumps(self.log(summary), ensure_ascii=False, indent=1) + "\n")

    def log(self, summary=None) -> dict:
        driver = {"name": "corpus-tools", "version": __version__,
                  "semanticVersion": __version__, "rules": self._rules()}
        if home_page():
            driver["informationUri"] = home_page()
        run = {
            "tool": {"driver": driver},
            "invocations": [_invocation(summary)],
            "originalUriBaseIds": {SRCROOT: {"uri": Path(self.root).as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
        }
        return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}

    def _rules(self) -> list[dict]:
        rules = []
        for rule_id in sorted(self.rules, key=self.rules.get):
            entry = entry_of(rule_id)
            shown = rule_id if rule_id == entry.id else f"{rule_id} ({entry.id})"
            rule = {
                "id": rule_id, "name": rule_id.replace(":", "-").replace("*", "any"),
                "shortDescription": {"text": entry.explanation.split(". ")[0].rstrip(".") + "."},
                "fullDescription": {"text": entry.explanation},
                "help": {
                    "text": f"{entry.explanation}\n\nDefault severity: {entry.severity}; from "
                            f"{entry.step}. See: corpus-tools rules explain {rule_id}",
                    "markdown": f"**{shown}** ({entry.severity}, from `{entry.step}`)\n\n"
                                f"{entry.explanation}\n\n`corpus-tools rules explain {rule_id}`",
                },
                "defaultConfiguration": {"level": self.LEVELS[entry.severity]},
                "properties": {"catalogEntry": entry.id, "step": entry.step},
            }
            if home_page():
                rule["helpUri"] = home_page() + CATALOG_ANCHOR
            rules.append(rule)
        return rules


def _invocation(summary) -> dict:
    """The run as code scanning records it: its exit code; a note when it stopped early."""
    if summary is None:
        return {"executionSuccessful": True}
    invocation = {"executionSuccessful": True, "exitCode": summary.exit_code()}
    if summary.stopped:
        invocation["toolExecutionNotifications"] = [{
            "level": "warning", "descriptor": {"id": "max-findings"},
            "message": {"text": f"stopped after {summary.findings} finding(s) at "
                                f"--max-findings: the rest of the input was not checked"}}]
    return invocation
