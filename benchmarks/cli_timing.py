"""Time corpus-tools commands as a user runs them: a fresh process each run, best of N."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def time_cli(args: list[str], runs: int, tree: Path | None = None) -> tuple[float, bytes]:
    """Best wall time of ``corpus-tools ARGS`` over ``runs`` runs, and its stdout.

    ``tree``: import corpus_tools from this checkout instead of the installed one.
    """
    env = dict(os.environ, PYTHONHASHSEED="0")
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    command = [sys.executable, "-c", "from corpus_tools.cli import main; main()", *args]
    best, output = float("inf"), b""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
        output = done.stdout
    return best, output
