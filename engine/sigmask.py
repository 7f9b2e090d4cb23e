"""Signals that end a run (Ctrl-C, SIGTERM, SIGHUP), held back for a short critical section.

A signal that arrives during the section is recorded and raised again when it ends, so the run still stops — only
not in the middle of something that must not be cut: a durable_rules call (durable catches and logs any exception
raised inside its action callback, and the action is lost), or the moment between creating a temporary output file
and remembering its name (a signal there would leave it behind).

The handlers are swapped rather than the signals blocked: a blocked signal is blocked for one thread only, and a
process-directed signal is then delivered to another thread (rich's progress bar has one), whose C handler still
makes the main thread run the Python handler at its next instruction — inside durable. Python runs signal handlers
in the main thread only, so outside it there is nothing to hold.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

HELD = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)

# The signals that reached the run's handlers (cli.py). The exception a handler raises can be lost where Python code
# runs under C that swallows it ("Exception ignored in …": an isinstance check inside a C extension): a run that
# still reaches the point of keeping an output file has then lost its interrupt, and raises it there again.
RECEIVED: list[int] = []


def raise_if_lost() -> None:
    """Raise again, to its handler, a signal whose exception was lost on the way (see RECEIVED)."""
    if RECEIVED and threading.current_thread() is threading.main_thread():
        signal.raise_signal(RECEIVED[-1])


@contextmanager
def signals_held() -> Iterator[None]:
    """Record the signals that end a run for the duration and raise them again, in order, when it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def record(signum: int, _frame: object) -> None:
        pending.append(signum)

    previous = {}
    for sig in HELD:
        handler = signal.getsignal(sig)
        if handler is None or handler == signal.SIG_IGN:  # installed outside Python, or ignored: left alone
            continue
        previous[sig] = signal.signal(sig, record)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(pending):
            signal.raise_signal(sig)  # now, to the handler that was there before
