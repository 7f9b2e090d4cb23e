"""Worker processes for batch audits (`chitieu check --jobs N`): every core busy, output identical to one job.

The main process indexes the inputs, loads the waivers and compiles the catalogue once (a catalogue past
durable_rules' limits is refused before any worker starts). Each worker loads and audits whole communes, in its own
durable_rules host (shared/domain/durable-rules-notes.md: the C core holds the GIL and has no locks, so threads would
not help, and a host is never shared between processes). The main process takes the results back **in commune id
order**, whatever order the workers finish in, and passes them to the reporters as a one-job run would: the same
findings, the same diagnostics in the same order, the same progress bar. At most two communes per worker are in
flight, so memory stays flat however many communes there are and however slow the output is.

Processes are started by fork where that is safe (Linux, and this process has no other thread: the CLI), else by a
fork server (a clean process started once, which the workers are forked from) or spawn. Each worker has a pipe of
its own, read only by the main thread: no helper thread, so a run cut short never leaves one blocked on a half-sent
result (concurrent.futures' pool hung at exit that way when its workers were ended mid-send). Workers ignore Ctrl-C
and take the default action on SIGTERM and SIGHUP: the main process handles those and ends them, so temporary files
are removed as in a one-job run and no worker prints anything. A worker's exception reaches the main process with
its traceback (shown with --debug).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Generator, Optional, cast

from .audit import audit_commune, audit_plan
from .batch import InputIndex, Unreviewed, load_commune
from .catalogue import Catalogue
from .diagnostics import Diagnostic, Diagnostics
from .facts import CommuneFacts, LoadedWaiver
from .model import Finding, FindingLine
from .runtime import Runtime
from .yamlsrc import YamlDoc

IN_FLIGHT_PER_WORKER = 2  # communes handed to each worker ahead of the one the output is waiting for


def start_method() -> str:
    """fork when it is safe (Linux, no other thread in this process), else a fork server, else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _context(method: str):
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload([__name__])  # the server imports chitieu once; each worker is a fork of it
    return ctx


# --------------------------------------------------------------------------------------------------- in a worker

_WORKER: dict[str, Any] = {}


def _start_worker(
    cat: Catalogue,
    compiled,
    waivers: list[LoadedWaiver],
    unreviewed: Unreviewed,
    runtime_factory,
    whole: bool,
    json_lines: bool = False,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the main process ends us
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)  # a fork keeps the main process's handlers; they are not ours
    gc.set_threshold(max(gc.get_threshold()[0], 20_000), *gc.get_threshold()[1:])  # as chitieu.batch.few_collections
    compiled, layers = audit_plan(cat, compiled)
    runtime = runtime_factory(compiled)
    runtime.__enter__()  # one host for the worker's life; its memory goes with the process
    _WORKER.update(
        cat=cat,
        compiled=compiled,
        layers=layers,
        waivers=waivers,
        unreviewed=unreviewed,
        runtime=runtime,
        whole=whole,
        json_lines=json_lines,
    )


def _audit_commune(
    files: list[Path], documents: list[YamlDoc], cwd: str
) -> tuple[list[Diagnostic], Optional[list[tuple[CommuneFacts, list[Finding]]]]]:
    """Load and audit one commune's files (and the fact documents drafted from its reports, sent as they are):
    (its diagnostics, its communes with their findings, or None)."""
    w = _WORKER
    if os.getcwd() != cwd:  # paths are as the user gave them, relative to the main process's folder
        os.chdir(cwd)
    mine = Diagnostics()
    communes = load_commune(files, w["cat"], mine, w["unreviewed"], documents=documents)
    if communes is None:
        return mine.items, None
    out = []
    for cf in communes:
        findings = audit_commune(w["cat"], w["runtime"], cf, w["waivers"], w["layers"], w["compiled"].waivable)
        if w["json_lines"]:  # the caller writes each finding as its JSON line: the line is written here
            findings = cast(list[Finding], [FindingLine.of(f) for f in findings])
        elif not w["whole"]:  # the caller prints the findings as they are: their template values stay here
            findings = [f.without_values() for f in findings]
        out.append((cf if w["whole"] else cf.header(), findings))
    return mine.items, out


def _worker_main(conn: Connection, *setup: Any) -> None:
    """A worker's life: set up once, then audit each commune the main process sends, until it sends None."""
    failed: Optional[tuple] = None
    try:
        _start_worker(*setup)
    except BaseException as exc:  # noqa: BLE001 - every task is answered with it
        failed = (_portable(exc), traceback.format_exc())
    while True:
        try:
            task = conn.recv()
        except EOFError:  # the main process is gone
            return
        if task is None:
            return
        seq, files, documents, cwd = task
        if failed is not None:
            conn.send((seq, "error", *failed))
            continue
        try:
            reply: tuple = (seq, "ok", _audit_commune(files, documents, cwd))
        except BaseException as exc:  # noqa: BLE001 - it goes to the main process, which raises it
            reply = (seq, "error", _portable(exc), traceback.format_exc())
        conn.send(reply)


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError that names it."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


# --------------------------------------------------------------------------------------------------- in the main process


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker, attached as its cause (--debug prints it)."""

    def __init__(self, text: str):
        super().__init__(text)

    def __str__(self) -> str:
        return f"\n\"\"\"\n{self.args[0]}\"\"\""


class WorkerLost(RuntimeError):
    """A worker process ended without answering (killed, out of memory, a crash in C code)."""


def _send(conn: Connection, task: tuple) -> None:
    conn.send(task)


def audit_in_workers(
    cat: Catalogue,
    index: InputIndex,
    waivers: list[LoadedWaiver],
    diags: Diagnostics,
    *,
    jobs: int,
    whole: bool = True,
    json_lines: bool = False,
    unreviewed: Unreviewed = Unreviewed(),
    runtime_factory=Runtime,
) -> Generator[tuple[CommuneFacts, list[Finding]], None, None]:
    """chitieu.batch's stream of audited communes, computed by ``jobs`` worker processes and yielded in id order."""
    compiled, _ = audit_plan(cat)  # a catalogue past durable_rules' limits is refused before any worker starts
    ids = index.commune_ids
    n = max(1, min(jobs, len(ids)))
    window = n * IN_FLIGHT_PER_WORKER
    ctx = _context(start_method())
    procs: list = []
    conns: list[Connection] = []
    finished = False
    try:
        gc.freeze()  # what exists now is shared with forked workers: their collector must not touch (copy) it
        try:
            for _ in range(n):
                mine, theirs = ctx.Pipe()
                proc = ctx.Process(
                    target=_worker_main,
                    daemon=True,
                    name="chitieu-worker",
                    args=(theirs, cat, compiled, waivers, unreviewed, runtime_factory, whole, json_lines),
                )
                proc.start()
                theirs.close()
                procs.append(proc)
                conns.append(mine)
        finally:
            gc.unfreeze()
        cwd = os.getcwd()
        load = [0] * n  # tasks sent to each worker and not answered yet
        replies: dict[int, tuple] = {}  # answers that came before the ones the output waits for
        sent = wanted = 0

        def fill() -> None:
            nonlocal sent
            while sent < len(ids) and sent - wanted < window:
                i = min(range(n), key=load.__getitem__)
                try:
                    cid = ids[sent]
                    _send(conns[i], (sent, index.communes.get(cid, []), index.documents.get(cid, []), cwd))
                except OSError:  # its end of the pipe is closed: it died
                    raise _lost(procs[i]) from None
                load[i] += 1
                sent += 1

        fill()
        while wanted < len(ids):
            while wanted not in replies:
                for ready in wait([c for c, k in zip(conns, load, strict=False) if k]):
                    i = conns.index(cast(Connection, ready))  # wait() hands back the connections it was given
                    conn = conns[i]
                    try:
                        reply = conn.recv()
                    except (EOFError, OSError):  # closed, or reset mid-message: it died
                        raise _lost(procs[i]) from None
                    load[i] -= 1
                    replies[reply[0]] = reply[1:]
            reply = replies.pop(wanted)
            wanted += 1
            fill()
            if reply[0] == "error":
                raise reply[1] from RemoteTraceback(reply[2])
            items, audited = reply[1]
            diags.extend(items)
            if audited is not None:
                yield from audited
        finished = True
    finally:
        _stop(procs, conns, kill=not finished)


def _lost(proc) -> WorkerLost:
    proc.join(timeout=5)  # reaped, so that its exit code is known
    return WorkerLost(
        f"a worker process ended while auditing (exit code {proc.exitcode}); run again with --jobs 1 to see where"
    )


def _stop(procs: list, conns: list[Connection], *, kill: bool) -> None:
    """Let the workers go (a run that ended), or end them now (a run cut short: Ctrl-C, SIGTERM, an error)."""
    for proc, conn in zip(procs, conns, strict=False):
        if kill:
            proc.terminate()
        else:
            try:
                conn.send(None)
            except OSError:
                proc.terminate()
    for proc in procs:
        proc.join(timeout=5)
        if proc.is_alive():  # pragma: no cover - a worker that does not stop when told
            proc.kill()
            proc.join()
    for conn in conns:
        conn.close()
