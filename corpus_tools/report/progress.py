"""A tqdm bar by bytes read: on a terminal by default, never in pipes unless asked."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack

from tqdm import tqdm

from corpus_tools.stream.opener import input_size


def progress_bar(paths: Sequence[str], enabled: bool | None, stderr, stack: ExitStack):
    """A bar closed with ``stack``; None unless enabled (default: when stderr is a terminal)."""
    if enabled is None:
        enabled = stderr.isatty()
    if not enabled:
        return None
    sizes = [input_size(path) for path in paths]
    total = None if None in sizes else sum(sizes)
    bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=stderr,
               desc="corpus-tools", leave=False)
    stack.callback(bar.close)
    return bar
