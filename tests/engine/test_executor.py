"""One executor protocol: every executor gives each task's result, in input order."""

import pytest

from corpus_tools.engine.executor import InProcess, in_order, make_executor
from corpus_tools.engine.local import LocalPool


def _times(state, task):
    return [state * number for number in task]


def _fails_on_three(state, task):
    if 3 in task:
        raise ValueError("three")
    return task


def _items(count):
    return ((f"payload {n}", [n, n + 1]) for n in range(count))


_EXECUTORS = pytest.mark.parametrize("make", [InProcess, lambda state: LocalPool(state, 2)],
                                     ids=["in-process", "pool"])


@_EXECUTORS
def test_results_come_back_in_input_order_with_their_payloads(make):
    with make(10) as executor:
        got = list(executor.ordered(_times, _items(25)))
    assert got == [(f"payload {n}", [10 * n, 10 * n + 10]) for n in range(25)]


@_EXECUTORS
def test_a_task_of_none_is_a_marker_and_a_failing_task_raises_at_its_turn(make):
    items = [("start", None), ("a", [1]), ("b", [3]), ("c", [4])]
    with make(None) as executor:
        got = executor.ordered(_fails_on_three, items)
        assert next(got) == ("start", None)
        assert next(got) == ("a", [1])
        with pytest.raises(ValueError, match="three"):
            next(got)


def test_when_reading_fails_every_result_before_it_comes_first():
    def items():
        yield from _items(5)
        raise OSError("cannot read")

    done = []
    with pytest.raises(OSError, match="cannot read"):
        for payload, _ in in_order(lambda task: task, lambda handle: handle, items(), window=3):
            done.append(payload)
    assert done == [f"payload {n}" for n in range(5)]


def test_in_process_work_runs_only_when_its_result_is_asked_for():
    ran = []

    def work(state, task):
        ran.append(task)
        return task

    results = InProcess(None).ordered(work, [(None, 1), (None, 2)])
    assert ran == []
    next(results)
    assert ran == [1]


@pytest.mark.parametrize(("jobs", "kind"), [(1, InProcess), (2, LocalPool)])
def test_the_factory_reads_jobs_as_every_command_does(jobs, kind):
    with make_executor("state", jobs) as executor:
        assert type(executor) is kind
        assert executor.parallel == (jobs > 1)


@pytest.mark.parametrize(("options", "message"), [
    ({"scheduler": "tcp://127.0.0.1:8786"}, "--scheduler goes with --engine dask"),
    ({"engine": "spark"}, "unknown engine 'spark'"),
])
def test_the_factory_refuses_what_does_not_go_together(options, message):
    with pytest.raises(ValueError, match=message):
        make_executor(None, **options)
