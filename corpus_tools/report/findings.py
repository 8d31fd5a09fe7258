"""``check`` output formats: text, JSON Lines, GitHub workflow commands, SARIF 2.1.0.

Findings go to stdout as they are found (SARIF: one document at the end);
the summary goes to stderr, as ruff and Vale do.
"""

from __future__ import annotations

import json
from typing import ClassVar, TextIO

from corpus_tools.catalog import CATALOG, entry_of, severity_of
from corpus_tools.changes import Change
from corpus_tools.version import __version__

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = ("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
                "sarif-schema-2.1.0.json")


def severity(finding: Change) -> str:
    return finding.severity or severity_of(finding.rule)


def message(finding: Change) -> str:
    """What the finding says: the fix, then why."""
    if finding.kind == "fix":
        text = f"{finding.before!r} → {finding.fix!r}"
    elif finding.kind == "suggestion":
        text = f"{finding.before!r} → {finding.fix!r}? (suggested, not applied)"
    else:
        text = repr(finding.before)
    return f"{text}: {finding.message}" if finding.message else text


def as_json(finding: Change) -> dict:
    return {"path": finding.file, "line": finding.line, "column": finding.column,
            "end_column": finding.end, "field": finding.field, "rule": finding.rule,
            "kind": finding.kind, "severity": severity(finding), "message": message(finding),
            "text": finding.before, "fix": finding.fix}


class Reporter:
    def __init__(self, out: TextIO):
        self.out = out

    def take(self, finding: Change) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass


class TextReporter(Reporter):
    """``path:line:col: severity rule message``"""

    def take(self, finding: Change) -> None:
        where = f"{finding.file}:{finding.line}:{finding.column}"
        if finding.field is not None:
            where += f" [{finding.field}]"
        self.out.write(f"{where}: {severity(finding)} {finding.rule} {message(finding)}\n")


class JsonReporter(Reporter):
    def take(self, finding: Change) -> None:
        self.out.write(json.dumps(as_json(finding), ensure_ascii=False) + "\n")


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
            f"file={_github_escape(str(finding.file), True)}", f"line={finding.line}",
            f"col={finding.column}", f"endColumn={finding.end}",
            f"title={_github_escape(finding.rule, True)}",
        ])
        self.out.write(f"::{self.LEVELS[severity(finding)]} {properties}::"
                       f"{_github_escape(message(finding))}\n")


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
            "message": {"text": message(finding)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(finding.file)}, "region": region}}],
        }
        if finding.fix is not None and finding.kind == "fix":
            result["fixes"] = [{"description": {"text": f"{finding.rule}"}, "artifactChanges": [{
                "artifactLocation": {"uri": _uri(finding.file)},
                "replacements": [{"deletedRegion": region,
                                  "insertedContent": {"text": finding.fix}}]}]}]
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
    return path.replace("\\", "/")


def reporter(name: str, out: TextIO) -> Reporter:
    return {"text": TextReporter, "json": JsonReporter, "github": GithubReporter,
            "sarif": SarifReporter}[name](out)


__all__ = ["CATALOG", "FORMATS", "as_json", "message", "reporter"]
