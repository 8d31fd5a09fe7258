"""Where a finding's file is, as CI services want it: relative to the repository's root."""

from __future__ import annotations

import os
from pathlib import Path


def source_root(start: str | None = None) -> str:
    """The folder holding ``.git`` at or above ``start`` (default: the current folder), else
    ``start``: the root code scanning's ``%SRCROOT%`` and GitLab's paths are relative to."""
    here = Path(os.path.abspath(start or os.getcwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return str(folder)
    return str(here)


def repository_path(path: str | None, root: str) -> str | None:
    """``path`` relative to ``root`` with ``/`` separators; None for stdin, a URL or a file
    outside ``root``.

    >>> repository_path("/repo/corpus/a.txt", "/repo"), repository_path("/other/a.txt", "/repo")
    ('corpus/a.txt', None)
    """
    if path in (None, "-", "<stdin>") or "://" in path:
        return None
    relative = os.path.relpath(os.path.abspath(path), root)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return Path(relative).as_posix()
