"""Sinks: where cleaned lines and change records go, one module each.

A sink has ``start(label)`` at a file's start, ``take(result)`` per line (a
:class:`~corpus_tools.engine.work.LineResult`) and ``finish()`` at its end:
``take_passed(passed)`` for a run of lines no step could act on;
the cleaned output (:mod:`.output`), a diff (:mod:`.diff`), a JSONL report of
change records (:mod:`.jsonl`), the ``--check`` text (:mod:`.text`).  Counts,
statistics and the exit code live in :mod:`.summary`.
"""

from __future__ import annotations


class Sink:
    def start(self, label: str) -> None:
        pass

    def take(self, result) -> None:
        raise NotImplementedError

    def take_passed(self, passed) -> None:
        """Lines no step could act on (:class:`~corpus_tools.engine.blocks.Passed`): no
        change records, nothing to report but the bytes themselves."""

    def finish(self) -> None:
        pass


class Reporter:
    """``check``'s findings in one format (:mod:`.findings`, :mod:`.sarif`, :mod:`.gitlab`,
    :mod:`.junit`): ``take`` each finding with its input line's text, then ``finish``
    with the run's :class:`~corpus_tools.report.summary.Report`."""

    def __init__(self, out):
        self.out = out

    def take(self, finding, line_text: str | None = None) -> None:
        raise NotImplementedError

    def finish(self, summary=None) -> None:
        pass
