"""Terminals: the progress bar only where it harms nothing, cleared before output; colour."""

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios

import pytest

from corpus_tools.report.progress import bar_wanted
from corpus_tools.report.terminal import colour_wanted

DAMAGED = "The cafÃ©  is open.\nThe the Latchine road is open.\n"


class Stream:
    def __init__(self, terminal: bool, fd: int = 1):
        self.terminal, self.fd = terminal, fd

    def isatty(self):
        return self.terminal

    def fileno(self):
        return self.fd


@pytest.mark.parametrize(("paths", "enabled", "stderr", "stdout", "stdin", "wanted"), [
    (["a.txt"], None, True, False, False, True),    # output to a file or pipe: a bar
    (["a.txt"], None, False, False, False, False),  # stderr in a log: never
    (["-"], None, True, False, True, False),        # typed at the terminal: nothing to measure
    (["-"], None, True, False, False, True),        # piped in: a bar
    (["a.txt"], False, True, False, False, False),  # --no-progress
    (["a.txt"], True, False, False, False, True),   # --progress: asked for
])
def test_bar_wanted(paths, enabled, stderr, stdout, stdin, wanted):
    assert bar_wanted(paths, enabled, Stream(stderr, 2), Stream(stdout, 1), Stream(stdin, 0)) \
        is wanted


def test_no_bar_by_default_when_the_output_shares_its_terminal():
    master, slave = pty.openpty()
    try:
        with open(slave, "w", closefd=False) as out, open(slave, "w", closefd=False) as err:
            assert not bar_wanted(["a.txt"], None, err, out, Stream(False, 0))
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.parametrize(("environ", "terminal", "wanted"), [
    ({}, True, True), ({}, False, False), ({"TERM": "dumb"}, True, False),
    ({"NO_COLOR": "1"}, True, False), ({"NO_COLOR": ""}, True, True),
    ({"FORCE_COLOR": "1"}, False, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
])
def test_colour_wanted(environ, terminal, wanted):
    assert colour_wanted(Stream(terminal), environ) is wanted


@pytest.mark.parametrize(("environ", "coloured"), [
    ({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)])
def test_check_colours_severities_and_paths_only_when_asked_in_a_pipe(
        invoke, monkeypatch, tmp_path, environ, coloured):
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    first = invoke(["check"], input=DAMAGED.encode()).stdout.splitlines()[0]
    if coloured:
        assert first == ("\x1b[1m<stdin>:1:8\x1b[0m: \x1b[1;31merror\x1b[0m encoding:mojibake: "
                         "'Ã©' → 'é'")
    else:
        assert first == "<stdin>:1:8: error encoding:mojibake: 'Ã©' → 'é'"


def _run_on_a_terminal(args, tmp_path) -> bytes:
    """Run the command with stdout and stderr on one pseudo-terminal; what it showed."""
    (tmp_path / "s.txt").write_text(DAMAGED * 200, encoding="utf-8")
    master, slave = pty.openpty()
    # 30 rows of 100 columns: tqdm draws nothing on a terminal of no width
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("FORCE_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-c", "from corpus_tools.cli import main; main()", *args],
        stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, cwd=tmp_path, env=environment)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        try:
            chunk = os.read(master, 65536) if ready else b""
        except OSError:  # the terminal closed: the process ended
            chunk = b""
        if not chunk:
            break
        shown += chunk
    process.wait(60)
    os.close(master)
    return shown


def _screen_rows(shown: bytes) -> list[str]:
    """The rows as the terminal shows them: a carriage return writes over its row."""
    rows = []
    for line in shown.decode("utf-8", "replace").replace("\r\n", "\n").split("\n"):
        row: list[str] = []
        for part in line.split("\r"):
            row[:len(part)] = part
        rows.append("".join(row))
    return rows


def _glued(shown: bytes) -> list[str]:
    """Output lines that share a terminal row with the bar."""
    return [row for row in _screen_rows(shown) if "s.txt:" in row and "B/s" in row]


@pytest.mark.parametrize("command", [
    ["check", "--isolated", "s.txt"],
    ["clean", "--isolated", "--diff", "s.txt"],
])
def test_on_a_terminal_no_bar_by_default(tmp_path, command):
    shown = _run_on_a_terminal(command, tmp_path)
    assert b"s.txt" in shown and b"B/s" not in shown


def test_a_forced_bar_is_cleared_before_each_output_line(tmp_path):
    shown = _run_on_a_terminal(["check", "--isolated", "--progress", "s.txt"], tmp_path)
    assert shown.count(b"s.txt:1:8: error encoding:mojibake") == 1
    assert b"B/s" in shown  # the bar was drawn
    assert _glued(shown) == []
