import os
import sys

import pytest

from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.pipeline import Pipeline
from corpus_tools.stopping import Stopped, forget_request, request_stop

DAMAGED = "The cafÃ© is open.\n".encode() * 3


class _SignalledWhileCollected:
    """Where the signal handler ran: in a finalizer, as in regex's Group.__del__."""

    def __del__(self):
        request_stop(15)


class _SignalAtSecondLine(Pipeline):
    calls = 0

    def clean(self, text, *args, **kwargs):
        _SignalAtSecondLine.calls += 1
        if _SignalAtSecondLine.calls == 2:
            _SignalledWhileCollected()  # collected at once: its Stopped is swallowed
        return super().clean(text, *args, **kwargs)


def test_a_stop_swallowed_by_a_finalizer_is_taken_at_the_next_line(tmp_path, monkeypatch):
    swallowed = []
    monkeypatch.setattr(sys, "unraisablehook", swallowed.append)
    path = tmp_path / "a.txt"
    path.write_bytes(DAMAGED)
    try:
        with pytest.raises(Stopped) as stopped:
            Runner(_SignalAtSecondLine(), RunOptions(in_place=True)).run([str(path)])
    finally:
        forget_request()
    assert [type(case.exc_value) for case in swallowed] == [Stopped]
    assert stopped.value.signum == 15
    assert _SignalAtSecondLine.calls == 2  # the third line was never cleaned
    assert path.read_bytes() == DAMAGED
    assert os.listdir(tmp_path) == ["a.txt"]
