"""A unified diff written as lines stream by, without holding the file.

Lines are never added or removed, so every hunk pairs ``-`` and ``+`` lines
one for one and its old and new line ranges are the same.
"""

from __future__ import annotations

from collections import deque
from typing import BinaryIO

from corpus_tools.stream.lines import encode


class StreamingDiff:
    r"""Collects changed lines of one file and writes unified-diff hunks to ``out``.

    >>> import io
    >>> out = io.BytesIO()
    >>> diff = StreamingDiff(out, "a.txt", context=1)
    >>> for number, (old, new) in enumerate([("x", None), ("y", "Y"), ("z", None), ("w", None)], 1):
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
        self.before: deque[tuple[int, str]] = deque(maxlen=context)
        self.hunk: list[tuple[int, str, str | None]] = []
        self.unchanged_since_change = 0
        self.header_written = False

    def line(self, number: int, old: str, new: str | None) -> None:
        """Feed line ``number``; ``new`` is None when the line did not change."""
        if new is None:
            if self.hunk:
                self.hunk.append((number, old, None))
                self.unchanged_since_change += 1
                if self.unchanged_since_change >= 2 * self.context:
                    self._flush()
            else:
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
            self.out.write(encode(f"--- {self.label}\n+++ {self.label}\n"))
            self.header_written = True
        first, count = hunk[0][0], len(hunk)
        header = f"@@ -{first},{count} +{first},{count} @@\n"
        # Unified diffs list a block's removals before its additions.
        body: list[str] = []
        block_old: list[str] = []
        block_new: list[str] = []
        for _, old, new in hunk:
            if new is None:
                body += [f"-{text}\n" for text in block_old] + [f"+{text}\n" for text in block_new]
                block_old, block_new = [], []
                body.append(f" {old}\n")
            else:
                block_old.append(old)
                block_new.append(new)
        body += [f"-{text}\n" for text in block_old] + [f"+{text}\n" for text in block_new]
        self.out.write(encode(header + "".join(body)))
        self.before = deque(((n, text) for n, text, _ in rest[-self.context :]), self.context)
        self.hunk = []
        self.unchanged_since_change = 0
