"""Sinks: where cleaned lines and change records go, one module each.

A sink has ``start(label)`` at a file's start, ``take(result)`` per line (a
:class:`~corpus_tools.engine.work.LineResult`) and ``finish()`` at its end:
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

    def finish(self) -> None:
        pass
