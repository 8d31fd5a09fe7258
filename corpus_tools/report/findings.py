"""``check`` output formats: text, JSON Lines, GitHub workflow commands; SARIF 2.1.0
(:mod:`.sarif`), GitLab Code Quality (:mod:`.gitlab`) and JUnit XML (:mod:`.junit`).

Findings go to stdout as they are found (SARIF: one document at the end);
the summary goes to stderr, as ruff and Vale do.
"""

from __future__ import annotations

from typing import ClassVar, TextIO

from corpus_tools.catalog import CATALOG
from corpus_tools.changes import Change
from corpus_tools.report import Reporter
from corpus_tools.report.gitlab import GitlabReporter
from corpus_tools.report.junit import JunitReporter
from corpus_tools.report.render import as_text, detail, json_line, printable, severity
from corpus_tools.report.sarif import SarifReporter
from corpus_tools.report.terminal import colour_wanted


class TextReporter(Reporter):
    """``path:line:col: severity rule: message`` (:func:`~corpus_tools.report.render.as_text`),
    coloured on a terminal (:func:`~corpus_tools.report.terminal.colour_wanted`)."""

    def __init__(self, out: TextIO):
        super().__init__(out)
        self.colour = colour_wanted(out)

    def take(self, finding: Change, line_text: str | None = None) -> None:
        self.out.write(as_text(finding, self.colour) + "\n")


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
    """Workflow commands: GitHub shows each as an annotation on the file and line, and the
    run's totals as a closing notice (GitHub shows only 10 annotations of each level a step:
    the notice says how many there are)."""

    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}
    SHOWN_PER_LEVEL = 10

    def finish(self, summary=None) -> None:
        if summary is None:
            return
        text = f"corpus-tools: {summary.describe()}"
        if any(count > self.SHOWN_PER_LEVEL for count in summary.by_severity.values()):
            text += (f"; GitHub shows {self.SHOWN_PER_LEVEL} annotations of each level a "
                     f"step, the log has them all")
        self.out.write(f"::notice title=corpus-tools totals::{_github_escape(text)}\n")

    def take(self, finding: Change, line_text: str | None = None) -> None:
        properties = ",".join([
            f"file={_github_escape(printable(str(finding.file)), True)}", f"line={finding.line}",
            f"col={finding.column}", f"endColumn={finding.end}",
            f"title={_github_escape(finding.rule, True)}",
        ])
        self.out.write(f"::{self.LEVELS[severity(finding)]} {properties}::"
                       f"{_github_escape(detail(finding))}\n")


# An output format of check: one module with a Reporter, and one line here.
REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter, "json": JsonReporter, "github": GithubReporter,
    "sarif": SarifReporter, "gitlab": GitlabReporter, "junit": JunitReporter,
}
FORMATS = tuple(REPORTERS)


def reporter(name: str, out: TextIO) -> Reporter:
    return REPORTERS[name](out)


__all__ = ["CATALOG", "FORMATS", "Reporter", "reporter"]
