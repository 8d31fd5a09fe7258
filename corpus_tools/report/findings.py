"""``check`` output formats: text, JSON Lines, GitHub workflow commands, SARIF 2.1.0.

Findings go to stdout as they are found (SARIF: one document at the end);
the summary goes to stderr, as ruff and Vale do.
"""

from __future__ import annotations

from typing import ClassVar, TextIO

from corpus_tools.catalog import CATALOG
from corpus_tools.changes import Change
from corpus_tools.report import Reporter
from corpus_tools.report.render import as_text, detail, json_line, printable, severity
from corpus_tools.report.sarif import SarifReporter

FORMATS = ("text", "json", "github", "sarif")


class TextReporter(Reporter):
    """``path:line:col: severity rule: message`` (:func:`~corpus_tools.report.render.as_text`)."""

    def take(self, finding: Change, line_text: str | None = None) -> None:
        self.out.write(as_text(finding) + "\n")


class JsonReporter(Reporter):
    """JSON Lines: the change record's JSON form, as ``--report`` writes it."""

    def take(self, finding: Change, line_text: str | None = None) -> None:
        self.out.write(json_line(finding) + "\n")


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


class GithubReporter(Reporter):
    """Workflow commands: GitHub shows each as an annotation on the file and line."""

    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}

    def take(self, finding: Change, line_text: str | None = None) -> None:
        properties = ",".join([
            f"file={_github_escape(printable(str(finding.file)), True)}", f"line={finding.line}",
            f"col={finding.column}", f"endColumn={finding.end}",
            f"title={_github_escape(finding.rule, True)}",
        ])
        self.out.write(f"::{self.LEVELS[severity(finding)]} {properties}::"
                       f"{_github_escape(detail(finding))}\n")


def reporter(name: str, out: TextIO) -> Reporter:
    return {"text": TextReporter, "json": JsonReporter, "github": GithubReporter,
            "sarif": SarifReporter}[name](out)


__all__ = ["CATALOG", "FORMATS", "Reporter", "reporter"]
