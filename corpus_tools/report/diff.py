"""A unified diff written as lines stream by, without holding the file.

Lines are never added or removed, so every hunk pairs ``-`` and ``+`` lines
one for one and its old and new line ranges are the same.  Lines are written
with their own endings, and a last line without one gets ``\\ No newline at
end of file``, so the output applies with ``patch`` (lone-CR endings aside:
``patch`` does not end lines at CR).  Hunks are grouped as ``difflib`` and
GNU diff group them.
"""

from __future__ import annotations

import io
from collections import deque
from typing import BinaryIO

from corpus_tools.report import Sink
from corpus_tools.stream.lines import split_lines

_NO_NEWLINE = b"\n\\ No newline at end of file\n"


def _range(first: int, count: int) -> str:
    return f"{first}" if count == 1 else f"{first},{count}"


class StreamingDiff:
    r"""Collects changed lines of one file and writes unified-diff hunks to ``out``.

    >>> import io
    >>> out = io.BytesIO()
    >>> diff = StreamingDiff(out, "a.txt", context=1)
    >>> for number, (old, new) in enumerate([(b"x\n", None), (b"y\n", b"Y\n"), (b"z\n", None),
    ...                                      (b"w", None)], 1):
    ...     diff.line(number, old, new)
    >>> diff.close()
    >>> print(out.getvalue().decode(), end="")
    --- a.txt
    +++ a.txt
    @@ -1,3 +1,3 @@
     x
    -y
    +Y
     z
    """

    def __init__(self, out: BinaryIO, label: str, context: int = 3):
        self.out = out
        self.label = label
        self.context = context
        self.before: deque[tuple[int, bytes]] = deque(maxlen=context)
        self.hunk: list[tuple[int, bytes, bytes | None]] = []
        self.unchanged_since_change = 0
        self.header_written = False

    def line(self, number: int, old: bytes, new: bytes | None) -> None:
        """Feed line ``number`` (bytes with its ending); ``new`` is None when it did not change."""
        if new is None:
            if self.hunk:
                self.hunk.append((number, old, None))
                self.unchanged_since_change += 1
                if self.unchanged_since_change > 2 * self.context:
                    self._flush()
            elif self.context:
                self.before.append((number, old))
            return
        if not self.hunk:
            self.hunk = [(n, text, None) for n, text in self.before]
            self.before.clear()
        self.hunk.append((number, old, new))
        self.unchanged_since_change = 0

    def close(self) -> None:
        if self.hunk:
            self._flush()

    def _flush(self) -> None:
        keep = len(self.hunk) - self.unchanged_since_change + self.context
        hunk, rest = self.hunk[:keep], self.hunk[keep:]
        if not self.header_written:
            self.out.write(f"--- {self.label}\n+++ {self.label}\n".encode("utf-8", "surrogateescape"))
            self.header_written = True
        first, count = hunk[0][0], len(hunk)
        body = [f"@@ -{_range(first, count)} +{_range(first, count)} @@\n".encode()]
        # Unified diffs list a block's removals before its additions.
        block_old: list[bytes] = []
        block_new: list[bytes] = []
        for _, old, new in hunk:
            if new is None:
                body += [_diff_line(b"-", text) for text in block_old]
                body += [_diff_line(b"+", text) for text in block_new]
                block_old, block_new = [], []
                body.append(_diff_line(b" ", old))
            else:
                block_old.append(old)
                block_new.append(new)
        body += [_diff_line(b"-", text) for text in block_old]
        body += [_diff_line(b"+", text) for text in block_new]
        self.out.write(b"".join(body))
        self.before = deque(((n, text) for n, text, _ in rest[-self.context :]), self.context)
        self.hunk = []
        self.unchanged_since_change = 0


def _diff_line(prefix: bytes, line: bytes) -> bytes:
    if line.endswith((b"\n", b"\r")):
        return prefix + line
    return prefix + line + _NO_NEWLINE


class DiffSink(Sink):
    def __init__(self, out: BinaryIO):
        self.out = out
        self.diff: StreamingDiff | None = None

    def start(self, label: str) -> None:
        self.diff = StreamingDiff(self.out, label)

    def take(self, result) -> None:
        raw = result.line.raw
        self.diff.line(result.line.number, raw, result.raw_out if result.changed else None)

    def take_passed(self, passed) -> None:
        for number, (content, ending) in enumerate(split_lines(io.BytesIO(passed.raw)),
                                                   passed.first_number):
            self.diff.line(number, content + ending, None)

    def finish(self) -> None:
        self.diff.close()
