"""Signals that end a run (Ctrl-C, SIGTERM, SIGHUP), held back for a short critical section.

The kernel keeps a blocked signal pending and delivers it when the section ends, so the run still stops — only not
in the middle of something that must not be cut: a durable_rules call (its C state and its logged tracebacks), or the
moment between creating a temporary output file and remembering its name (a signal there would leave it behind).
"""

from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Iterator

HELD = frozenset(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


@contextmanager
def signals_held() -> Iterator[None]:
    """Block the signals that end a run for the duration (they arrive when it ends)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
