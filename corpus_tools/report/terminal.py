"""What a stream is: a terminal, the same terminal as another; whether to colour it.

Colour follows the common conventions (no-color.org, force-color.org): on a
terminal, not when ``TERM=dumb``; never in pipes or files unless
``FORCE_COLOR`` is set and not empty; never when ``NO_COLOR`` is set and not
empty (it wins over ``FORCE_COLOR``: it is the reader's standing choice).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
SEVERITY_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}


def is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def same_terminal(first, second) -> bool:
    """Whether two streams write to one terminal (stdout and stderr, usually)."""
    if not (is_terminal(first) and is_terminal(second)):
        return False
    try:
        return os.path.samestat(os.fstat(first.fileno()), os.fstat(second.fileno()))
    except (OSError, ValueError, AttributeError):
        return True  # two terminals we cannot tell apart: most likely one


def colour_wanted(stream, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what goes to ``stream``.

    >>> class Pipe:
    ...     def isatty(self): return False
    >>> colour_wanted(Pipe(), {}), colour_wanted(Pipe(), {"FORCE_COLOR": "1"})
    (False, True)
    >>> colour_wanted(Pipe(), {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    False
    """
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal(stream) and environ.get("TERM") != "dumb"


def painted(text: str, style: str) -> str:
    return f"{style}{text}{RESET}"
