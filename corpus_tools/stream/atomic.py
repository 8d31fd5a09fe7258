"""Where output goes, safely: stdout, a device or FIFO written through, a regular file replaced atomically.

No output ever replaces a device, FIFO or link: a path that is not a regular
file is written into; a symlink is followed and its target replaced, the link
kept.  A regular file is written to a hidden temporary file beside it and
renamed over it only on success, with its owner, group and mode kept.
The temporary file's name says what made it, ``.corpus-tools-<pid>-<name>.<random>.tmp``:
one left by a process that was killed (SIGKILL, the OOM killer) is removed, and
said so on stderr, by the next run that writes the same target.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from contextlib import ExitStack, contextmanager, suppress

from corpus_tools.errors import CorpusToolsError
from corpus_tools.stream.opener import fsspec_open, is_url, local_path


class OutputError(CorpusToolsError):
    pass


def _stat(path: str):
    try:
        return os.stat(path)
    except OSError:
        return None


def is_special(path: str) -> bool:
    """Whether writing to ``path`` must go through it (a device, FIFO, socket, /dev/stdout...)."""
    if path.startswith(("/dev/", "/proc/")):
        return True
    found = _stat(path)
    return found is not None and not stat.S_ISREG(found.st_mode)


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (through links), existing or not."""
    if a == "-" or b == "-":
        return False
    if is_url(a) or is_url(b):
        return a == b
    first, second = _stat(a), _stat(b)
    if first is not None and second is not None:
        return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)
    return os.path.realpath(a) == os.path.realpath(b)


def check_outputs(inputs: list[str], outputs: dict[str, str | None]) -> None:
    """Refuse, before anything is opened, an output that is an input or another output.

    ``outputs`` maps an option (``-o``) to its path (None: not given).
    """
    named = [(option, path) for option, path in outputs.items() if path not in (None, "-")]
    for option, path in named:
        if is_special(path):
            continue
        for source in inputs:
            if same_file(path, source):
                raise OutputError(f"{option} {path} is also an input; write somewhere else "
                                  f"(or use --in-place)")
    for index, (option, path) in enumerate(named):
        for other_option, other in named[index + 1:]:
            if not is_special(path) and same_file(path, other):
                raise OutputError(f"{option} and {other_option} name the same file {path}")
    if sum(1 for path in outputs.values() if path == "-") > 1:
        raise OutputError("two outputs go to stdout; give one of them a file name")


def output_paths(inputs: list[str], folder: str, force: bool = False) -> dict[str, str]:
    """Where ``--output-dir`` writes each input: at its path relative to the inputs' common
    folder (one input: ``folder/<its name>``), never outside ``folder``, never over an
    existing file unless ``force``.

    >>> output_paths(["corpus/a/x.txt", "corpus/b/y.txt"], "out") == {
    ...     "corpus/a/x.txt": os.path.join("out", "a", "x.txt"),
    ...     "corpus/b/y.txt": os.path.join("out", "b", "y.txt")}
    True
    """
    if "-" in inputs:
        raise OutputError("--output-dir needs file names, not stdin ('-')")
    folder = local_path(folder)
    if is_url(folder):
        return _url_output_paths(inputs, folder, force)
    root = os.path.realpath(folder)
    planned: dict[str, str] = {}
    for path, relative in zip(inputs, _relative_paths(inputs), strict=True):
        target = os.path.join(folder, relative)
        resolved = os.path.realpath(target)
        if os.path.commonpath([root, resolved]) != root:
            raise OutputError(f"{path} would be written outside {folder} ({resolved}); "
                              f"refused")
        if os.path.lexists(target) and not force:
            raise OutputError(f"{target} exists; use --force to overwrite it")
        if target in planned.values():
            raise OutputError(f"two inputs would be written to {target}")
        planned[path] = target
    return planned


def _relative_paths(inputs: list[str]) -> list[str]:
    """Each input's path relative to the inputs' common folder (one input: its name)."""
    absolute = [os.path.abspath(path) for path in inputs]
    common = os.path.dirname(absolute[0]) if len(absolute) == 1 else os.path.commonpath(absolute)
    if len(absolute) > 1 and common in absolute:
        common = os.path.dirname(common)
    return [os.path.relpath(full, common) for full in absolute]


def _url_output_paths(inputs: list[str], folder: str, force: bool) -> dict[str, str]:
    """``--output-dir`` as an fsspec URL (``s3://bucket/out``, ``memory://out``): each
    input's object under it, written through fsspec; existing objects need ``force``."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise OutputError(f"--output-dir {folder} needs fsspec: pip install '.[dask]'") from None
    try:
        filesystem, _ = url_to_fs(folder)
    except (ImportError, ValueError) as error:
        raise OutputError(f"--output-dir {folder}: {error}") from None
    planned: dict[str, str] = {}
    for path, relative in zip(inputs, _relative_paths(inputs), strict=True):
        target = folder.rstrip("/") + "/" + relative.replace(os.sep, "/")
        if not force and filesystem.exists(target):
            raise OutputError(f"{target} exists; use --force to overwrite it")
        if target in planned.values():
            raise OutputError(f"two inputs would be written to {target}")
        planned[path] = target
    return planned


def make_parent_folder(target: str) -> None:
    """Create the folder a local output goes in; a URL's store needs none (and a local
    folder named ``s3:`` is never made)."""
    if not is_url(target):
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)


@contextmanager
def open_destination(path: str, in_place: bool = False, force: bool = False):
    """Yield a binary stream for ``path``: stdout for ``-``, written through for special files,
    else an atomic replacement of the (link-resolved) regular file."""
    if path == "-":
        yield sys.stdout.buffer
        return
    path = local_path(path)
    if is_url(path):
        # An object store writes the object when it is closed: whole or not at all.
        with ExitStack() as stack:
            yield fsspec_open(path, "wb", stack)
        return
    if is_special(path):
        try:
            with open(path, "wb") as raw:  # a device or FIFO is written into, never replaced
                yield raw
        except OSError as error:
            raise _named(error, path, None) from None
        return
    with atomic_output(os.path.realpath(path), shown_as=path, in_place=in_place,
                       force=force) as raw:
        yield raw


@contextmanager
def atomic_output(path: str, shown_as: str | None = None, in_place: bool = False,
                  force: bool = False):
    """Write to a temporary file beside ``path`` and rename it over ``path`` only on success.

    The temporary file is fsynced before the rename and takes the owner,
    group and mode of the file it replaces.  An in-place rewrite refuses
    (before writing) a file with other hard links, or one whose owner or
    group cannot be kept, unless ``force``.  On any error, Ctrl-C or signal
    the temporary file is removed and ``path`` is untouched; errors name
    ``shown_as`` (the user's path), never the temporary file.
    """
    shown_as = shown_as or path
    existing = _stat(path)
    if in_place and existing is not None and existing.st_nlink > 1 and not force:
        raise OutputError(
            f"{shown_as} has {existing.st_nlink - 1} other hard link(s); rewriting it would "
            f"leave them with the old text. Use --force-in-place to rewrite this name anyway")
    folder = os.path.dirname(path)
    remove_stale_temporary_files(path)
    try:
        handle, temp_path = tempfile.mkstemp(dir=folder, prefix=_temporary_prefix(path),
                                             suffix=".tmp")
    except OSError as error:
        raise OSError(error.errno, error.strerror, shown_as) from None
    try:
        if existing is not None:
            _keep_owner_and_mode(handle, existing, shown_as, in_place and not force)
        else:
            os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as raw:
            yield raw
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temp_path, path)
    except BaseException as error:
        with suppress(FileNotFoundError):
            os.unlink(temp_path)
        if isinstance(error, OSError):
            raise _named(error, shown_as, temp_path) from None
        raise


def _temporary_prefix(path: str, pid: int | None = None) -> str:
    return f".corpus-tools-{os.getpid() if pid is None else pid}-{os.path.basename(path)}."


def remove_stale_temporary_files(path: str) -> list[str]:
    """Remove the temporary files for ``path`` whose process is gone; say so on stderr.

    Only names this module makes are touched, and only when their process no longer
    exists (a run of another user, or one still writing, keeps its file).
    """
    folder = os.path.dirname(path) or "."
    pattern = re.compile(r"\.corpus-tools-(\d+)-" + re.escape(os.path.basename(path))
                         + r"\.[A-Za-z0-9_]+\.tmp")
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    removed = []
    for name in names:
        found = pattern.fullmatch(name)
        if found is None or _process_exists(int(found.group(1))):
            continue
        with suppress(OSError):
            os.unlink(os.path.join(folder, name))
            removed.append(name)
            sys.stderr.write(f"corpus-tools: removed {os.path.join(folder, name)}, a temporary "
                             f"file left by process {found.group(1)}, which is gone\n")
    return removed


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another user's process, or no way to tell: keep its file
    return True


def _named(error: OSError, path: str, temp_path: str | None) -> OSError:
    """The error with the user's path: a write error names no file, a temp file's is hidden."""
    if error.filename is None or error.filename == temp_path:
        return OSError(error.errno, error.strerror, path)
    return error


def _keep_owner_and_mode(handle: int, existing, shown_as: str, strict: bool) -> None:
    if (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(handle, existing.st_uid, existing.st_gid)
        except PermissionError:
            if strict:
                raise OutputError(
                    f"{shown_as}: cannot keep its owner and group (uid {existing.st_uid}, "
                    f"gid {existing.st_gid}) in a rewrite; use --force-in-place to rewrite it "
                    f"as yours") from None
    os.fchmod(handle, existing.st_mode & 0o7777)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
