"""Outputs that never destroy data (issue 9, point 6)."""

import errno
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from corpus_tools.stream.atomic import atomic_output

DAMAGED = "The cafÃ©  is open.  \n".encode()
REPAIRED = "The café is open.\n".encode()


def cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-c", "from corpus_tools.cli import main; main()",
                           *args], capture_output=True, timeout=120, **kwargs)


def test_output_to_a_fifo_writes_into_it(invoke, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = invoke(["clean", "-o", str(fifo)], input=DAMAGED)
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert got == [REPAIRED]
    assert fifo.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_output_to_a_device_writes_into_it(tmp_path, device):
    before = os.stat("/dev/null")
    completed = cli("clean", "-o", device, input=DAMAGED)
    assert completed.returncode == 0
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    if device == "/dev/stdout":
        assert completed.stdout == REPAIRED


def test_a_write_error_on_a_device_names_the_users_path():
    completed = cli("clean", "-o", "/dev/full", input=DAMAGED * 10000)
    assert completed.returncode == 2
    assert completed.stderr.decode().startswith("corpus-tools: error: /dev/full: No space left")


def test_output_through_a_symlink_rewrites_its_target(invoke, tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_bytes(b"old\n")
    link.symlink_to(target)
    assert invoke(["clean", "-o", str(link)], input=DAMAGED).exit_code == 0
    assert link.is_symlink() and target.read_bytes() == REPAIRED


def test_in_place_on_a_symlink_rewrites_the_target_and_keeps_the_link(invoke, tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_bytes(DAMAGED)
    link.symlink_to(target)
    assert invoke(["clean", "--in-place", str(link)]).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == REPAIRED


def test_in_place_refuses_a_file_with_other_hard_links_unless_forced(invoke, tmp_path):
    path, other = tmp_path / "a.txt", tmp_path / "b.txt"
    path.write_bytes(DAMAGED)
    os.link(path, other)
    result = invoke(["clean", "--in-place", str(path)])
    assert result.exit_code == 2
    assert "other hard link" in result.stderr and "--force-in-place" in result.stderr
    assert path.read_bytes() == DAMAGED and os.stat(path).st_nlink == 2
    assert invoke(["clean", "--in-place", "--force-in-place", str(path)]).exit_code == 0
    assert path.read_bytes() == REPAIRED and other.read_bytes() == DAMAGED


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_in_place_keeps_owner_group_and_mode(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(DAMAGED)
    os.chown(path, 1234, 5678)
    path.chmod(0o604)
    assert invoke(["clean", "--in-place", str(path)]).exit_code == 0
    found = os.stat(path)
    assert (found.st_uid, found.st_gid, found.st_mode & 0o7777) == (1234, 5678, 0o604)
    assert path.read_bytes() == REPAIRED


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "{input}"],
        ["--report", "{input}"],
        ["-o", "{link}"],
        ["--report", "{out}", "-o", "{out}"],
    ],
)
def test_an_output_that_is_an_input_or_another_output_is_refused(invoke, tmp_path, args):
    source, out = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(DAMAGED)
    (tmp_path / "link.txt").symlink_to(source)
    names = {"input": source, "link": tmp_path / "link.txt", "out": out}
    result = invoke(["clean", *[a.format(**names) for a in args], str(source)])
    assert result.exit_code == 2
    assert source.read_bytes() == DAMAGED
    assert not out.exists()


def test_filter_lang_refuses_rejected_onto_its_input(invoke, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(b"Hello there, this is an English sentence for the test.\n")
    result = invoke(["filter-lang", "--keep", "fr", "--rejected", str(source), str(source)])
    assert result.exit_code == 2
    assert source.read_bytes() == b"Hello there, this is an English sentence for the test.\n"


def test_report_dash_is_stdout_and_refused_beside_the_cleaned_text(invoke, tmp_path):
    refused = invoke(["clean", "--report", "-"], input=DAMAGED)
    assert refused.exit_code == 2 and "--report -" in refused.stderr
    out = tmp_path / "out.txt"
    result = invoke(["clean", "--report", "-", "-o", str(out)], input=DAMAGED)
    assert result.exit_code == 0
    assert result.stdout.startswith('{"file": "<stdin>", "line": 1, "column": 8')
    assert out.read_bytes() == REPAIRED
    assert not (tmp_path / "-").exists() and not os.path.exists("-")


def test_a_compressed_report_follows_its_suffix(invoke, tmp_path):
    import gzip

    report = tmp_path / "changes.jsonl.gz"
    assert invoke(["clean", "--report", str(report)], input=DAMAGED).exit_code == 0
    assert gzip.decompress(report.read_bytes()).startswith(b'{"file": "<stdin>"')


@pytest.mark.parametrize(
    "command",
    [["clean"], ["fix-encoding"], ["detect-lang", "--languages", "en,fr"],
     ["filter-lang", "--keep", "en,und"], ["clean", "--diff"]],
)
def test_head_closing_the_pipe_exits_141_silently(tmp_path, command):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Line of English text about the caf\xc3\x83\xc2\xa9 in the capital.\n" * 50_000)
    cmd = " ".join(command)
    script = (f"{sys.executable} -c 'from corpus_tools.cli import main; main()' {cmd} {big}"
              f" | head -c 10 > /dev/null; echo ${{PIPESTATUS[0]}}")
    completed = subprocess.run(["bash", "-c", script], capture_output=True, timeout=300)
    assert completed.stdout.strip() == b"141"
    assert completed.stderr == b""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_like_ctrl_c(tmp_path, signum):
    path = tmp_path / "a.txt"
    original = DAMAGED * 3_000_000
    path.write_bytes(original)
    process = subprocess.Popen(
        [sys.executable, "-c", "from corpus_tools.cli import main; main()", "clean",
         "--in-place", str(path)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signum
    assert f"stopped by {signal.Signals(signum).name}" in stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert path.read_bytes() == original


def test_an_error_while_writing_names_the_users_path_not_the_temp_file(tmp_path):
    path = tmp_path / "out.txt"
    with pytest.raises(OSError) as caught, atomic_output(str(path), shown_as="out.txt"):
        temp = next(p for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
        raise OSError(errno.ENOSPC, "No space left on device", str(temp))
    assert caught.value.filename == "out.txt"
    assert list(tmp_path.iterdir()) == []


def _gone_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_temporary_file_names_its_process_and_target(tmp_path):
    path = tmp_path / "out.jsonl"
    with atomic_output(str(path)) as raw:
        (temp,) = [p.name for p in tmp_path.iterdir()]
        raw.write(b"x\n")
    assert temp.startswith(f".corpus-tools-{os.getpid()}-out.jsonl.") and temp.endswith(".tmp")


def test_a_later_run_removes_the_temporary_files_of_gone_processes_and_says_so(tmp_path, capsys):
    path = tmp_path / "out.jsonl"
    gone = tmp_path / f".corpus-tools-{_gone_pid()}-out.jsonl.abc_123.tmp"
    alive = tmp_path / f".corpus-tools-{os.getppid()}-out.jsonl.abc_124.tmp"  # still running
    other_target = tmp_path / f".corpus-tools-{_gone_pid()}-other.jsonl.abc_125.tmp"
    not_ours = tmp_path / ".out.jsonl.abc_126.tmp"
    for leftover in (gone, alive, other_target, not_ours):
        leftover.write_bytes(b"partial")
    with atomic_output(str(path)) as raw:
        raw.write(b"x\n")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([alive.name, other_target.name, not_ours.name, "out.jsonl"])
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 1 and f"removed {gone}" in stderr and "which is gone" in stderr
