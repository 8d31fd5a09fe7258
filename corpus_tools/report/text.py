"""``--check``: one line per change record on stderr, for people, editors and CI logs.

Each line is :func:`~corpus_tools.report.render.as_text`, the form ``check``
writes too; a line's records are listed by column, as ``check`` lists them.
"""

from __future__ import annotations

from corpus_tools.report import Sink
from corpus_tools.report.render import as_text
from corpus_tools.report.terminal import colour_wanted


def by_position(changes):
    """A line's records in reading order: by column, then rule."""
    return sorted(changes, key=lambda change: (change.column, change.rule))


class CheckTextSink(Sink):
    """``--check``: one line per record on stderr."""

    def __init__(self, err):
        self.err = err
        self.colour = colour_wanted(err)

    def take(self, result) -> None:
        for change in by_position(result.changes):
            print(as_text(change, self.colour), file=self.err)
