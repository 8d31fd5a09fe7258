"""Content keys: a finding known by what it is and the text around it, not by its line number.

The baseline accepts findings by these keys, and SARIF's ``partialFingerprints`` carry
them, so GitHub code scanning follows an alert across edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib

from corpus_tools.changes import Change
from corpus_tools.report.render import printable


def line_key(text: str) -> str:
    """A hash of a line's text with its spaces normalized.

    >>> line_key("See  the road ") == line_key("See the road")
    True
    """
    normalized = " ".join(text.split())
    return hashlib.sha256(normalized.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def content_key(finding: Change, line_text: str) -> tuple[str, str | None, str]:
    """(rule, the finding's text as shown, its line's key): what a baseline entry holds."""
    return finding.rule, printable(finding.before), line_key(line_text)


def content_hash(finding: Change, line_text: str) -> str:
    """:func:`content_key` as one hash, for fingerprints."""
    joined = "\0".join(part or "" for part in content_key(finding, line_text))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]
