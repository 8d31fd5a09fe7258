"""The cleaned lines, written byte for byte where nothing changed."""

from __future__ import annotations

from typing import BinaryIO

from corpus_tools.errors import InputError
from corpus_tools.report import Sink
from corpus_tools.stream.lines import JoinedWriter


class OutputSink(Sink):
    """The cleaned lines, byte for byte where nothing changed.

    Several inputs into one output never fuse (:class:`JoinedWriter`): a file
    whose last line has no ending gets an LF before the next file's first
    line; a file ending in a lone CR before one starting with an empty LF
    line is an error.
    """

    def __init__(self, out: BinaryIO):
        self.writer = JoinedWriter(out.write)
        self._label = ""

    def start(self, label: str) -> None:
        self._label = label

    def take(self, result) -> None:
        line = result.line
        out = result.raw_out
        try:
            self.writer.line(out, line.content if result.new_text is None else out,
                             line.ending)
        except ValueError as error:
            raise InputError(self._label, line.number, f"{error}; clean the files one by one"
                             ) from None

    def take_passed(self, passed) -> None:
        try:
            self.writer.lines(passed.raw, passed.last_ending)
        except ValueError as error:
            raise InputError(self._label, passed.first_number,
                             f"{error}; clean the files one by one") from None
