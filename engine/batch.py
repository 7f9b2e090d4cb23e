"""Batch audits: many communes and periods in one run, with memory that stays flat.

Files are first *indexed* — their text is read and the ``schema`` and commune id found by a pattern, without
parsing — so that each commune's files can then be loaded together, audited in one durable_rules state, handed to
the reporters and dropped before the next commune is read. A file with errors takes its commune out of the run (its
other files alone would give partial findings); the other communes are still audited.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .catalogue import Catalogue
from .diagnostics import Diagnostics, InputError
from .facts import (FACT_SCHEMA, WAIVER_SCHEMA, CommuneFacts, LoadedWaiver, fact_inputs, form_refused, is_form,
                    load_inputs)
from .model import Finding
from .yamlsrc import load, read_text

_SCHEMA = re.compile(r"^schema:[ \t]*[\"']?([\w.]+/\d+)", re.M)
_FLOW_ID = re.compile(r"^commune:[ \t]*\{[^}\n]*?\bid:[ \t]*[\"']?([^,\"'}\s]+)", re.M)
_BLOCK_ID = re.compile(r"^commune:[ \t]*(?:#.*)?\n(?:[ \t]+.*\n)*?[ \t]+id:[ \t]*[\"']?([^\"'\s#]+)", re.M)


@dataclass
class InputIndex:
    """Which files hold which commune's facts, and which hold waivers."""

    communes: dict[str, list[Path]] = field(default_factory=dict)
    waivers: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def commune_ids(self) -> list[str]:
        return sorted(self.communes)


def _commune_id(path: Path, text: str) -> Optional[str]:
    m = _FLOW_ID.search(text) or _BLOCK_ID.search(text)
    if m:
        return m.group(1)
    try:  # an unusual layout: parse it (the file is small or the pattern would have matched)
        doc = load(path)
    except InputError:
        return None
    commune = doc.data.get("commune") if isinstance(doc.data, dict) else None
    return commune.get("id") if isinstance(commune, dict) and isinstance(commune.get("id"), str) else None


def index_inputs(paths: Iterable[Path], diags: Diagnostics) -> InputIndex:
    paths = list(paths)
    given = {p for p in paths if not p.is_dir()}
    index = InputIndex(files=fact_inputs(paths))
    if not index.files:
        diags.error(Path("."), 1, 1, "no-input", "no fact files given (pass .yaml or .xlsx files, or folders)")
    for path in index.files:
        if is_form(path):
            _index_form(index, path, diags, given=path in given)
            continue
        try:
            text = read_text(path)
        except InputError as exc:
            diags.extend(exc.diagnostics)
            continue
        m = _SCHEMA.search(text)
        schema = m.group(1) if m else None
        if schema == WAIVER_SCHEMA:
            index.waivers.append(path)
            continue
        cid = _commune_id(path, text) if schema == FACT_SCHEMA else None
        # files whose commune cannot be told are loaded on their own, so their errors are reported
        index.communes.setdefault(cid or f"?{path}", []).append(path)
    return index


def _index_form(index: InputIndex, path: Path, diags: Diagnostics, *, given: bool) -> None:
    """A reporting form is filed under the commune its header names; a workbook met in a folder that is not a
    chitieu form is left out (with a warning)."""
    from .form_read import peek_commune

    try:
        cid = peek_commune(path)
    except InputError as exc:
        form_refused(exc, diags, given=given)
        return
    index.communes.setdefault(cid or f"?{path}", []).append(path)


def load_waivers(index: InputIndex, cat: Catalogue, diags: Diagnostics) -> list[LoadedWaiver]:
    _, waivers = load_inputs(index.waivers, cat, diags) if index.waivers else ([], [])
    return waivers


def stream_communes(index: InputIndex, cat: Catalogue, diags: Diagnostics,
                    skipped: Optional[list[str]] = None) -> Iterator[CommuneFacts]:
    """Each commune's facts in id order; a commune with an input error is reported and left out."""
    for cid in index.commune_ids:
        mine = Diagnostics()
        communes, _ = load_inputs(index.communes[cid], cat, mine)
        diags.extend(mine.items)
        if mine.has_errors():
            if skipped is not None:
                skipped.append(cid)
            continue
        yield from communes


@dataclass
class Progress:
    """A rich progress bar on stderr for runs longer than a second; silent when stderr is not a terminal."""

    total: int
    enabled: bool
    _bar: object = None
    _task: object = None
    _start: float = field(default_factory=time.monotonic)
    _done: int = 0

    def advance(self) -> None:
        self._done += 1
        if not self.enabled:
            return
        if self._bar is None and time.monotonic() - self._start > 1.0:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

            self._bar = Bar(TextColumn("Đang kiểm tra"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("xã", total=self.total, completed=self._done)
        elif self._bar is not None:
            self._bar.update(self._task, completed=self._done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def audit_batch(cat: Catalogue, paths: Iterable[Path], diags: Diagnostics, *, progress: bool = False,
                runtime_factory=None) -> Iterator[tuple[CommuneFacts, list[Finding]]]:
    """Index, then load, audit and yield one commune at a time; problems go to ``diags``."""
    from .audit import audit_stream

    index = index_inputs(paths, diags)
    mine = Diagnostics()
    waivers = load_waivers(index, cat, mine)
    diags.extend(mine.items)
    if mine.has_errors():  # a waiver may touch any commune: without all of them no finding can be trusted
        raise InputError(diags.items)
    bar = Progress(len(index.communes), progress)
    try:
        stream = stream_communes(index, cat, diags)
        kwargs = {"runtime_factory": runtime_factory} if runtime_factory else {}
        for cf, findings in audit_stream(cat, stream, waivers, **kwargs):
            bar.advance()
            yield cf, findings
    finally:
        bar.close()


class Tally:
    """Counts the statuses of the findings flowing through, for the exit code."""

    def __init__(self, stream: Iterable[tuple[CommuneFacts, list[Finding]]]):
        from . import vi

        self.counts = {s: 0 for s in vi.STATUS_LABELS}
        self._stream = stream

    def __iter__(self) -> Iterator[tuple[CommuneFacts, list[Finding]]]:
        for cf, findings in self._stream:
            for f in findings:
                self.counts[f.status] += 1
            yield cf, findings


def collect(cat: Catalogue, stream: Iterable[tuple[CommuneFacts, list[Finding]]]):
    """Keep every commune and finding (for the reporters that need the whole run)."""
    from .audit import AuditResult

    communes, findings = [], []
    for cf, mine in stream:
        communes.append(cf)
        findings.extend(mine)
    return AuditResult(cat, communes, findings)


def collect_matrix(cat: Catalogue, stream: Iterable[tuple[CommuneFacts, list[Finding]]]):
    """The commune × rule matrix for the terminal table, without keeping the findings."""
    from .matrix import new_matrix

    m = new_matrix(cat)
    for cf, findings in stream:
        m.add_commune(cf.commune.id, cf.commune.name, findings)
    return m
