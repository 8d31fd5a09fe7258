"""``check --format junit``: JUnit XML, as Jenkins, GitLab and other CI test reports read it.

One ``testsuite`` per file with findings, one failing ``testcase`` per
finding (``classname`` the file, ``name`` the rule and where, ``failure``
with the severity as ``type``); a run without findings is one passing test,
so a report shows a pass rather than nothing.  No timestamp or host name:
the same input gives the same bytes.  Text that XML 1.0 cannot hold (C0
controls, lone surrogates) is written as ``\\xNN``, as every output shows it.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from corpus_tools.changes import Change
from corpus_tools.report import Reporter
from corpus_tools.report.render import as_text, detail, printable, severity

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    r"""``text`` as XML 1.0 can hold it.

    >>> xml_text("a\x01b\udce9")
    'a\\x01b\\xe9'
    """
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", printable(text))


class JunitReporter(Reporter):
    def __init__(self, out):
        super().__init__(out)
        self.by_file: dict[str, list[ElementTree.Element]] = {}

    def take(self, finding: Change, line_text: str | None = None) -> None:
        label = xml_text(finding.file or "<stdin>")
        case = ElementTree.Element("testcase", {
            "classname": label, "file": label, "line": str(finding.line),
            "name": xml_text(f"{finding.rule} at {finding.line}:{finding.column}"), "time": "0"})
        failure = ElementTree.SubElement(case, "failure", {
            "type": severity(finding), "message": xml_text(detail(finding))})
        failure.text = xml_text(as_text(finding))
        self.by_file.setdefault(label, []).append(case)

    def finish(self, summary=None) -> None:
        total = sum(len(cases) for cases in self.by_file.values())
        root = ElementTree.Element("testsuites", {
            "name": "corpus-tools", "tests": str(max(total, 1)), "failures": str(total),
            "errors": "0", "time": "0"})
        for label, cases in self.by_file.items():
            suite = ElementTree.SubElement(root, "testsuite", {
                "name": label, "tests": str(len(cases)), "failures": str(len(cases)),
                "errors": "0", "skipped": "0", "time": "0"})
            suite.extend(cases)
        if not total:
            suite = ElementTree.SubElement(root, "testsuite", {
                "name": "corpus-tools", "tests": "1", "failures": "0", "errors": "0",
                "skipped": "0", "time": "0"})
            ElementTree.SubElement(suite, "testcase", {
                "classname": "corpus-tools", "name": "no findings", "time": "0"})
        ElementTree.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       + ElementTree.tostring(root, encoding="unicode") + "\n")
