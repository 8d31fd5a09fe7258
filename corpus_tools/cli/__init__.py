"""The command line: a thin layer that maps options to library objects.

Exit codes: 0 done, 1 findings (``--check``, ``rules test`` failures),
2 usage, input or configuration error; 70 (EX_SOFTWARE) on a bug: an
unexpected exception, reported in one line with where it was raised;
130 on Ctrl-C, 128+N on signal N (SIGTERM, SIGHUP); 141 when the reader of
stdout went away.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from contextlib import suppress
from typing import ClassVar

import click

from corpus_tools.cli.configuration import ConfiguredCommand, ConfiguredGroup
from corpus_tools.cli.lazy import LazyCommands
from corpus_tools.errors import CorpusToolsError
from corpus_tools.stopping import Stopped, forget_request, request_stop
from corpus_tools.version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_SOFTWARE, EXIT_BROKEN_PIPE = 0, 1, 2, 70, 141


class _PipeClosed(Exception):
    """stdout's reader went away; raised instead of BrokenPipeError so click does not take it."""


class _Interrupted(BaseException):
    """Ctrl-C, raised instead of KeyboardInterrupt so click does not print a blank line first."""


class CorpusToolsGroup(LazyCommands):
    """A group whose errors are one line on stderr and a stable exit code, never a traceback;
    its commands are imported on first use and read the configuration file."""

    command_class = ConfiguredCommand
    group_class = ConfiguredGroup
    command_modules: ClassVar[dict[str, str]] = {
        "check": "corpus_tools.cli.check",
        **{name: "corpus_tools.cli.filters" for name in (
            "clean", "fix-encoding", "fix-scripts", "normalize-space", "unify-names",
            "strip-artifacts", "foreign-sentences")},
        "detect-lang": "corpus_tools.cli.language",
        "filter-lang": "corpus_tools.cli.language",
        "rules": "corpus_tools.cli.rules",
        "review": "corpus_tools.cli.review",
    }

    def parse_args(self, ctx, args):
        if not args and not ctx.resilient_parsing:
            # Asked for nothing: the help is the answer, not a usage error.
            click.echo(ctx.get_help())
            ctx.exit(EXIT_OK)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        # Kept for the one line a bug is reported in ("rules suggest", not "corpus-tools").
        self.running = name if not isinstance(command, click.Group) or not rest else \
            f"{name} {rest[0]}"
        return name, command, rest

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed from None
        except KeyboardInterrupt:
            raise _Interrupted from None

    def main(self, args=None, prog_name=None, **extra):
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, request_stop)
        sys.unraisablehook = _quiet_about_stops
        _tolerant_stdout()
        self.running = None
        try:
            result = super().main(args, prog_name=prog_name, standalone_mode=False, **extra)
        except click.UsageError as error:
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            _fail(f"{error.format_message()}{hint}", EXIT_ERROR)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except CorpusToolsError as error:
            _fail(str(error), EXIT_ERROR)
        except (BrokenPipeError, _PipeClosed):
            _quiet_broken_pipe()
        except Stopped as error:
            forget_request()
            _fail(f"stopped by {signal.Signals(error.signum).name}", 128 + error.signum)
        except (click.Abort, KeyboardInterrupt, _Interrupted):
            _fail("interrupted", 130)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error}", EXIT_ERROR)
        except Exception as error:  # a bug: one line, never a traceback, never exit 1
            _fail(_bug_report(error, self.running), EXIT_SOFTWARE)
        sys.exit(result if isinstance(result, int) else EXIT_OK)


def _quiet_about_stops(unraisable) -> None:
    # A stop raised inside a finalizer is swallowed and taken at the next line (see
    # corpus_tools.stopping): Python's "Exception ignored" would be noise on stderr.
    if not isinstance(unraisable.exc_value, Stopped):
        sys.__unraisablehook__(unraisable)


def _tolerant_stdout() -> None:
    """Text that stdout's encoding cannot hold (a strict ASCII or Latin-1 locale, a lone
    surrogate) is written escaped (``\\xe9``) rather than ending the run: a finding's
    context is for reading, and the bytes written by the filters go through the binary
    buffer, untouched."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with suppress(ValueError, OSError):  # closed or detached: nothing will be written to it
            reconfigure(errors="backslashreplace")


def _bug_report(error: BaseException, command: str | None) -> str:
    """One line: the command, the exception, where in corpus_tools it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if f"{os.sep}corpus_tools{os.sep}" in frame.filename]
    where = ""
    if ours or frames:
        frame = (ours or frames)[-1]
        relative = frame.filename.split(f"{os.sep}corpus_tools{os.sep}", 1)[-1]
        where = f" at corpus_tools/{relative}:{frame.lineno}" if ours else \
            f" at {frame.filename}:{frame.lineno}"
    detail = " ".join(str(error).split())[:200]
    detail = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    command = f"'{command}'" if command else "corpus-tools"
    return f"internal error in {command}: {detail}{where}; please report it (a bug, not your input)"


def _fail(message: str, code: int):
    click.echo(f"corpus-tools: error: {message}", err=True)
    sys.exit(code)


def _quiet_broken_pipe():
    # Python would complain again when it flushes stdout at exit; point stdout
    # at /dev/null so the pipeline ends as quietly as `cat file | head` does.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(EXIT_BROKEN_PIPE)


@click.group(cls=CorpusToolsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corpus-tools")
def cli():
    """Repair multilingual text corpora with composable, streaming filters.

    Every filter reads FILE... (or stdin, '-') and writes stdout, -o FILE or
    --in-place; line N out is always line N in.  filter-lang is the one
    command that drops records, by design; detect-lang tags them.
    """


def main():
    cli.main(prog_name="corpus-tools")

