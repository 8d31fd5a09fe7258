"""A stop asked for by SIGTERM or SIGHUP, which no finalizer can swallow.

Python runs a signal handler between two bytecodes of whatever runs then.  When
that is a finalizer (``regex`` compiles patterns with objects that have
``__del__``), the exception the handler raises is printed as "ignored" and the
run goes on.  So the handler also notes the request, and the loops over lines
ask for it at every line: the run stops at the next line at the latest.

>>> stop_if_requested()
>>> try:
...     request_stop(15)
... except Stopped as stopped:
...     stopped.signum
15
>>> try:
...     stop_if_requested()
... except Stopped as stopped:
...     stopped.signum
15
>>> forget_request()
>>> stop_if_requested()
"""

from __future__ import annotations


class Stopped(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C (past every ``except Exception``), so temporary
    files are removed; not a KeyboardInterrupt, which click would turn into Abort."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_requested: int | None = None


def request_stop(signum: int, frame=None) -> None:
    """The signal handler: note the request, then stop here."""
    global _requested
    _requested = signum
    raise Stopped(signum)


def stop_if_requested() -> None:
    """Stop when a signal asked for it and its first exception was swallowed."""
    if _requested is not None:
        raise Stopped(_requested)


def forget_request() -> None:
    """The stop was taken (the CLI has reported it)."""
    global _requested
    _requested = None
