"""Faults as an operator meets them: signals to a whole process group under ``-j 2``
(a closing terminal, ``timeout``, ``docker stop``) and a killed parent.

Each run asserts the exit code, one line on stderr, no temporary file left, the input
intact, and the output absent (a stopped run never writes a partial file)."""

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="process groups and /proc: Linux")

RECORD = '{"text": "Caf\\u00c3\\u00a9 na\\u00c3\\u00afve  text %d, \\u00e2\\u20ac\\u0153quoted\\u00e2\\u20ac"}\n'


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text("".join(RECORD % number for number in range(150_000)), encoding="ascii")
    return path


def _start(corpus, tmp_path):
    command = [sys.executable, "-c", "from corpus_tools.cli import main; main()", "clean",
               "--jsonl", "-j", "2", str(corpus), "-o", str(tmp_path / "out.jsonl")]
    # As a terminal starts it: a job started in the background by a shell (CI may run so)
    # inherits SIGINT ignored, and Python then rightly leaves Ctrl-C ignored.
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               start_new_session=True, preexec_fn=_default_sigint)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None, "never started writing"
        time.sleep(0.02)
    return process, _children(process.pid)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as listing:
            found += [int(child) for child in listing.read().split()]
    return found


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as status:
            return status.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has ended
    except FileNotFoundError:
        return True


@pytest.mark.parametrize(("signum", "code", "message"), [
    (signal.SIGINT, 130, "corpus-tools: error: interrupted"),
    (signal.SIGTERM, 143, "corpus-tools: error: stopped by SIGTERM"),
    (signal.SIGHUP, 129, "corpus-tools: error: stopped by SIGHUP"),
])
def test_a_signal_to_the_process_group_under_j2_ends_in_one_line(corpus, tmp_path, signum,
                                                                  code, message):
    original = corpus.read_bytes()
    process, workers = _start(corpus, tmp_path)
    assert len(workers) == 2
    stopped_at = time.monotonic()
    os.killpg(process.pid, signum)
    _, stderr = process.communicate(timeout=30)
    took = time.monotonic() - stopped_at
    assert process.returncode == code
    assert stderr.decode().splitlines() == [message]
    assert took < 5  # about 0.5 s; the margin is for a loaded CI machine
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.jsonl"]  # no temp file, no output
    assert corpus.read_bytes() == original
    assert all(_gone(worker) for worker in workers)


def test_workers_die_with_a_killed_parent_silently_and_the_next_run_cleans_up(corpus, tmp_path):
    process, workers = _start(corpus, tmp_path)
    os.kill(process.pid, signal.SIGKILL)
    # stderr closes only when the workers, who share it, have ended too
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL and stderr == b""
    deadline = time.monotonic() + 5
    while not all(_gone(worker) for worker in workers):
        assert time.monotonic() < deadline, "a worker outlived its parent"
        time.sleep(0.05)
    (left,) = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert left.startswith(f".corpus-tools-{process.pid}-out.jsonl.")
    small = tmp_path / "small.jsonl"
    small.write_text(RECORD % 1, encoding="ascii")
    rerun = subprocess.run([sys.executable, "-c", "from corpus_tools.cli import main; main()",
                            "clean", "--jsonl", str(small), "-o", str(tmp_path / "out.jsonl")],
                           capture_output=True, timeout=60)
    assert rerun.returncode == 0
    assert f"removed {tmp_path / left}".encode() in rerun.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.jsonl", "out.jsonl", "small.jsonl"]
