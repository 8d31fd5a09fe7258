"""``check`` output formats: text, JSON Lines, GitHub workflow commands, SARIF 2.1.0.

Findings go to stdout as they are found (SARIF: one document at the end);
the summary goes to stderr, as ruff and Vale do.
"""

from __future__ import annotations

import json
from typing import ClassVar, TextIO

from corpus_tools.catalog import CATALOG, entry_of
from corpus_tools.changes import Change
from corpus_tools.report.render import as_text, detail, json_line, printable, severity
from corpus_tools.version import __version__

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = ("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
                "sarif-schema-2.1.0.json")


class Reporter:
    def __init__(self, out: TextIO):
        self.out = out

    def take(self, finding: Change) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass


class TextReporter(Reporter):
    """``path:line:col: severity rule: message`` (:func:`~corpus_tools.report.render.as_text`)."""

    def take(self, finding: Change) -> None:
        self.out.write(as_text(finding) + "\n")


class JsonReporter(Reporter):
    """JSON Lines: the change record's JSON form, as ``--report`` writes it."""

    def take(self, finding: Change) -> None:
        self.out.write(json_line(finding) + "\n")


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


class GithubReporter(Reporter):
    """Workflow commands: GitHub shows each as an annotation on the file and line."""

    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}

    def take(self, finding: Change) -> None:
        properties = ",".join([
            f"file={_github_escape(printable(str(finding.file)), True)}", f"line={finding.line}",
            f"col={finding.column}", f"endColumn={finding.end}",
            f"title={_github_escape(finding.rule, True)}",
        ])
        self.out.write(f"::{self.LEVELS[severity(finding)]} {properties}::"
                       f"{_github_escape(detail(finding))}\n")


class SarifReporter(Reporter):
    """One SARIF 2.1.0 log at the end; rules from the catalog; columns in code points."""

    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "note"}

    def __init__(self, out: TextIO):
        super().__init__(out)
        self.results: list[dict] = []
        self.rules: dict[str, int] = {}

    def take(self, finding: Change) -> None:
        rule_index = self.rules.setdefault(finding.rule, len(self.rules))
        region = {"startLine": finding.line, "startColumn": finding.column,
                  "endColumn": max(finding.end, finding.column)}
        result = {
            "ruleId": finding.rule, "ruleIndex": rule_index,
            "level": self.LEVELS[severity(finding)],
            "message": {"text": detail(finding)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(finding.file)}, "region": region}}],
        }
        if finding.fix is not None and finding.kind == "fix":
            # What the file's line must hold: inside a JSONL field, the fix escaped as the
            # field is, so the region's replacement leaves the line valid JSON.
            inserted = finding.fix if finding.line_fix is None else finding.line_fix
            result["fixes"] = [{"description": {"text": f"{finding.rule}"}, "artifactChanges": [{
                "artifactLocation": {"uri": _uri(finding.file)},
                "replacements": [{"deletedRegion": region,
                                  "insertedContent": {"text": printable(inserted)}}]}]}]
        self.results.append(result)

    def finish(self) -> None:
        self.out.write(json.dumps(self.log(), ensure_ascii=False, indent=1) + "\n")

    def log(self) -> dict:
        rules = []
        for rule_id in sorted(self.rules, key=self.rules.get):
            entry = entry_of(rule_id)
            rules.append({
                "id": rule_id, "name": rule_id.replace(":", "-").replace("*", "any"),
                "shortDescription": {"text": entry.explanation.split(". ")[0].rstrip(".") + "."},
                "fullDescription": {"text": entry.explanation},
                "defaultConfiguration": {"level": self.LEVELS[entry.severity]},
                "properties": {"catalogEntry": entry.id, "step": entry.step},
            })
        return {
            "$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "corpus-tools", "version": __version__,
                                    "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        }


def _uri(path: str | None) -> str:
    if path in (None, "<stdin>"):
        return "stdin"
    return printable(path).replace("\\", "/")


def reporter(name: str, out: TextIO) -> Reporter:
    return {"text": TextReporter, "json": JsonReporter, "github": GithubReporter,
            "sarif": SarifReporter}[name](out)


__all__ = ["CATALOG", "FORMATS", "reporter"]
