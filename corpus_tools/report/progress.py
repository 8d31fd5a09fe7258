"""A tqdm bar by bytes read, on stderr: on a terminal by default, never in pipes unless asked.

By default the bar is drawn only where it helps and harms nothing: stderr is
a terminal, the output does not go to that same terminal (there, the lines
themselves show the progress, and a bar would be glued to them), and the
input is not typed at that terminal (nothing to measure).  Asked for with
``--progress`` while the output goes to the bar's terminal, the bar is
cleared before each output write and drawn again after it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import ExitStack, contextmanager

from corpus_tools.report.terminal import is_terminal, same_terminal
from corpus_tools.stream.opener import input_size


def bar_wanted(paths: Sequence[str], enabled: bool | None, stderr, stdout, stdin) -> bool:
    """``--progress/--no-progress`` as given, else whether a bar helps (see the module)."""
    if enabled is not None:
        return enabled
    if not is_terminal(stderr) or same_terminal(stdout, stderr):
        return False
    return not ("-" in paths and is_terminal(stdin))


def progress_bar(paths: Sequence[str], enabled: bool | None, stderr, stack: ExitStack):
    """A bar closed (and erased) with ``stack``; None when not wanted (:func:`bar_wanted`)."""
    if not bar_wanted(paths, enabled, stderr, sys.stdout, sys.stdin):
        return None
    # Imported here: tqdm costs ~10 ms of start-up, and most runs draw no bar.
    from tqdm import tqdm

    sizes = [input_size(path) for path in paths]
    total = None if None in sizes else sum(sizes)
    bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=stderr,
               desc="corpus-tools", leave=False)
    stack.callback(bar.close)
    if same_terminal(sys.stdout, stderr):
        stack.enter_context(clearing_before_output(bar))
    return bar


@contextmanager
def clearing_before_output(bar):
    """While it lasts, ``sys.stdout`` (and its ``buffer``) erase ``bar`` before each write
    and draw it again after, so no output line is glued to the bar."""
    original = sys.stdout
    sys.stdout = _Clearing(original, bar)
    try:
        yield
    finally:
        sys.stdout = original


class _Clearing:
    """A text or binary stream that erases a bar before writing through."""

    def __init__(self, stream, bar):
        self._stream = stream
        self._bar = bar

    def write(self, data):
        self._bar.clear()
        written = self._stream.write(data)
        self._stream.flush()
        self._bar.refresh()
        return written

    @property
    def buffer(self):
        return _Clearing(self._stream.buffer, self._bar)

    def __getattr__(self, name):
        return getattr(self._stream, name)
