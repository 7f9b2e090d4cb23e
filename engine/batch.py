"""Batch audits: many communes and periods in one run, with memory that stays flat.

Files are first *indexed* — each is parsed just far enough to know its ``schema`` and its commune id — so that each
commune's files can then be loaded together, audited in one durable_rules state, handed to the reporters and dropped
before the next commune is read. The index reads the YAML as a YAML parser does (events, not a pattern over the
text), so no name or comment a user writes can move a file to another commune. A file with errors takes its commune
out of the run (its other files alone would give partial findings); the other communes are still audited.
"""

from __future__ import annotations

import gc
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

import yaml

from .catalogue import Catalogue
from .diagnostics import Diagnostics, InputError
from .facts import (
    FACT_SCHEMA,
    WAIVER_SCHEMA,
    CommuneFacts,
    LoadedWaiver,
    fact_inputs,
    form_refused,
    is_form,
    load_inputs,
)
from .model import Coverage, Finding
from .yamlsrc import YamlDoc, load, parse_scalar, read_text

try:  # the C parser; PyYAML wheels ship it
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]


@dataclass
class InputIndex:
    """Which files hold which commune's facts, and which hold waivers."""

    communes: dict[str, list[Path]] = field(default_factory=dict)
    waivers: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    documents: dict[str, list[YamlDoc]] = field(default_factory=dict)  # facts drafted in memory from reports

    @property
    def commune_ids(self) -> list[str]:
        return sorted(set(self.communes) | set(self.documents))


class _Unusual(Exception):
    """The fast scan met something it does not interpret (an alias, a tag, a repeated key): parse the file."""


def _scalar(event) -> object:
    if event.tag is not None or event.anchor is not None:
        raise _Unusual
    return parse_scalar(event.value) if event.implicit[0] and event.style is None else event.value


def _skip(events: Iterator) -> None:
    depth = 0
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise _Unusual
        if depth <= 0:
            return


def _head(text: str) -> tuple[object, object]:
    """(schema, commune id) from the top-level keys, read from the parser's events; stops once both are known."""
    events = iter(yaml.parse(text, Loader=_EventLoader))
    for event in events:
        if isinstance(event, yaml.MappingStartEvent):
            if event.tag is not None or event.anchor is not None:
                raise _Unusual
            break
        if not isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
            return None, None
    schema, cid, keys = None, None, set()
    for event in events:
        if isinstance(event, yaml.MappingEndEvent):
            break
        if not isinstance(event, yaml.ScalarEvent):
            raise _Unusual  # a complex key
        key = _scalar(event)
        if key in keys:
            raise _Unusual  # a repeated key: the full parse says where
        keys.add(key)
        value = next(events)
        if key == "schema" and isinstance(value, yaml.ScalarEvent):
            schema = _scalar(value)
        elif key == "commune" and isinstance(value, yaml.MappingStartEvent):
            if value.tag is not None or value.anchor is not None:
                raise _Unusual
            inner: set = set()
            for ev in events:
                if isinstance(ev, yaml.MappingEndEvent):
                    break
                if not isinstance(ev, yaml.ScalarEvent):
                    raise _Unusual
                k = _scalar(ev)
                if k in inner:
                    raise _Unusual
                inner.add(k)
                v = next(events)
                if k == "id" and isinstance(v, yaml.ScalarEvent):
                    cid = _scalar(v)
                elif isinstance(v, yaml.ScalarEvent):
                    _scalar(v)
                else:
                    _skip(_chain(v, events))
        elif isinstance(value, yaml.ScalarEvent):
            _scalar(value)
        else:
            _skip(_chain(value, events))  # an alias raises _Unusual there
        if schema is not None and "commune" in keys:
            break  # a repeated key further down is the full parse's to report
    return schema, cid


def _chain(first, rest: Iterator) -> Iterator:
    yield first
    yield from rest


def file_head(path: Path, text: str) -> tuple[object, object]:
    """The ``schema`` and ``commune.id`` of a file as the YAML parser reads them (never a pattern over the text)."""
    try:
        return _head(text)
    except (_Unusual, StopIteration):
        pass
    except yaml.YAMLError:
        return None, None
    try:  # an unusual layout: the full, safe parse decides
        doc = load(path)
    except InputError:
        return None, None
    data = doc.data if isinstance(doc.data, dict) else {}
    commune = data.get("commune")
    return data.get("schema"), commune.get("id") if isinstance(commune, dict) else None


def index_inputs(paths: Iterable[Path | YamlDoc], diags: Diagnostics) -> InputIndex:
    """Files by commune; a fact document already in memory (drafted from a report) is filed by its commune id."""
    inputs = list(paths)
    given_docs = [p for p in inputs if isinstance(p, YamlDoc)]
    files = [p for p in inputs if not isinstance(p, YamlDoc)]
    given = {p for p in files if not p.is_dir()}
    index = InputIndex(files=fact_inputs(files))
    for doc in given_docs:
        commune = doc.data.get("commune") if isinstance(doc.data, dict) else None
        cid = commune.get("id") if isinstance(commune, dict) else None
        index.documents.setdefault(cid if isinstance(cid, str) else "", []).append(doc)  # no id: its checks say so
    if not index.files and not given_docs:
        diags.error(
            files[0] if files else Path("."),
            1,
            1,
            "no-input",
            "no fact files here: give .yaml fact files "
            "(schema: chitieu.facts/1) or .xlsx reporting forms, folders that hold them, or a commune's report "
            "(.txt, .md, .docx)",
        )
    for path in index.files:
        if is_form(path):
            _index_form(index, path, diags, given=path in given)
            continue
        try:
            text = read_text(path)
        except InputError as exc:
            diags.extend(exc.diagnostics)
            continue
        schema, cid = file_head(path, text)
        if schema == WAIVER_SCHEMA:
            index.waivers.append(path)
            continue
        cid = cid if schema == FACT_SCHEMA and isinstance(cid, str) and cid else None
        # files whose commune cannot be told are loaded on their own, so their errors are reported
        index.communes.setdefault(cid or f"?{path}", []).append(path)
    for files in index.communes.values():
        files.sort(key=str)  # the same findings whatever order the paths were given in
    index.waivers.sort(key=str)
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
    known = set(index.commune_ids)
    for lw in waivers:
        w = lw.waiver
        why = None
        if not any(c.startswith("?") for c in known) and w.commune not in known:  # every commune's id is known
            why = f"the waiver names commune '{w.commune}', which none of the inputs is"
        else:
            why = _period_mismatch(cat.by_id[w.rule], w.period)
        if why:
            diags.warning(lw.path, lw.line, lw.col, "waiver-unmatched", f"{why}: it waives nothing")
    return waivers


def _waivers_by_commune(waivers: list[LoadedWaiver]) -> dict[str, list[LoadedWaiver]]:
    named: dict[str, list[LoadedWaiver]] = {}
    for lw in waivers:
        named.setdefault(lw.waiver.commune, []).append(lw)
    return named


def _uncovered_waivers(cat: Catalogue, cf: CommuneFacts, waivers: Iterable[LoadedWaiver], diags: Diagnostics) -> None:
    """A waiver of a rule whose plan does not cover the commune (another province, another kind of unit) can match
    no finding: said once the commune is read, as a waiver of an unknown commune is."""
    for lw in waivers:
        lr = cat.by_id[lw.waiver.rule]
        document = lr.document
        if not document.applies_to(cf.commune) and not _period_mismatch(lr, lw.waiver.period):  # else: said already
            diags.warning(
                lw.path,
                lw.line,
                lw.col,
                "waiver-unmatched",
                f"rule '{lw.waiver.rule}' belongs to {document.kind} {document.number}, which does not cover "
                f"{cf.commune.name} ('{cf.commune.id}'): it waives nothing",
            )


def _uncovered_commune(cat: Catalogue, cf: CommuneFacts, diags: Diagnostics, level: str = "warning") -> None:
    """A commune that no plan of the catalogue covers gets no finding at all: said, so that an empty result is not
    read as a clean one. The plans' reach is named in ids, and a bare id is told to name its province. A bare id
    that some plans do cover (a national set for every xã) is told which plans its missing province keeps away."""
    path, line, col = cf.where
    if cat.documents_for(cf.commune):
        by_province = [d for d in cat.ordered_documents() if isinstance(d.covers, Coverage) and d.covers.provinces]
        ids = [cf.commune.id] + [p.id for p in cf.commune.predecessors]
        if by_province and not any("/" in i for i in ids):
            diags.note(
                path,
                line,
                col,
                "commune-province",
                f"the commune id '{cf.commune.id}' names no province, so no plan that covers a whole province applies "
                f"to it ({_reaches(by_province)}); if it is in one of "
                "them, write its id as 'province/commune' (a report: --province)",
            )
        return
    say = diags.error if level == "error" else diags.warning
    english, vietnamese = uncovered_message(cat, cf.commune, web=level == "error")
    say(path, line, col, "commune-uncovered", english, message_vi=vietnamese)


def uncovered_message(cat: Catalogue, commune, *, web: bool = False, form: bool = False) -> tuple[str, str]:
    """Why nothing is asked of or judged for a commune that no plan covers, whom the plans do cover, and what to do —
    on the command line, on the web page (which refuses it; its user runs no command), or for `chitieu form` (which
    writes nothing for it) — in English and in Vietnamese, built from the fields (a unit's name may hold any words)."""
    reach = _reaches(cat.ordered_documents())
    bare = "/" not in commune.id
    if web:
        advice = _ADVICE["web-bare" if bare else "web"]
    else:
        advice = _ADVICE["bare" if bare else "plan"]
    what = _ADVICE["form" if form else "check"]
    return (
        f"no plan of the catalogue covers {commune.name} ('{commune.id}'): {what[0]}; the plans cover {reach}; "
        f"{advice[0]}",
        f"không văn bản nào trong danh mục áp dụng cho {commune.name} ('{commune.id}'): {what[1]}; phạm vi áp dụng "
        f"của các văn bản: {reach}; {advice[1]}",
    )


_ADVICE = {  # (English, Vietnamese)
    "check": ("nothing was checked for it", "chưa kiểm tra chỉ tiêu nào của đơn vị này"),
    "form": ("no form asks anything of it", "biểu mẫu không có chỉ tiêu nào để hỏi đơn vị này"),
    "web-bare": (
        "upload its report again with its province chosen, so that its id names it",
        "hãy tải lại báo cáo và chọn tỉnh của đơn vị để mã của đơn vị nêu tỉnh",
    ),
    "web": (
        "the catalogue's keeper must add its own plan to the catalogue",
        "người quản lý danh mục cần bổ sung kế hoạch của đơn vị vào danh mục",
    ),
    "bare": (
        "a commune of a covered province needs the province in its id ('province/commune'; a report: --province)",
        "nếu đơn vị thuộc một tỉnh có trong danh sách, mã của đơn vị phải nêu tỉnh ('tinh/xa'; với báo cáo: "
        "--province)",
    ),
    "plan": (
        "add its own plan to the catalogue (chitieu rules new-document)",
        "hãy bổ sung kế hoạch của đơn vị vào danh mục (chitieu rules new-document)",
    ),
}


def _reaches(documents) -> str:
    """'Đề án 13-ĐA/TU: quang-ngai/*; Quyết định 318/QĐ-TTg: * (xã)'."""
    return "; ".join(f"{d.kind} {d.number}: {_reach(d)}" for d in documents)


def _reach(document) -> str:
    """Whom a plan covers, in ids: 'quang-ngai/*' (a province), 'quang-ngai/tinh-an', '* (xã)' (every xã)."""
    covers = document.covers
    if covers is None or covers == "all":
        return "*"
    places = [f"{p}/*" for p in covers.provinces] + list(covers.communes) or ["*"]
    kinds = f" ({', '.join(covers.units)})" if covers.units else ""
    return ", ".join(places) + kinds


def _period_mismatch(lr, period) -> Optional[str]:
    """Why a waiver's period can be no period of the rule's findings (None when it can be one)."""
    p = lr.rule.period
    key = period.key
    if p.kind == "deadline":
        want = f"by-{p.deadline.isoformat()}" if p.deadline else None
        ok = key == want
        said = f"'{want}' (judged once, by its deadline)"
    elif p.kind == "as_of":
        ok, said = key == "as_of", "'as_of' (the state at the report's date)"
    elif p.kind == "annual":
        ok, said = getattr(period, "kind", None) == "year", "a year, e.g. '2024' (judged year by year)"
    else:  # cumulative: from its first year to the report's
        first = p.from_ if p.from_ is not None else lr.document.period.from_
        ok = getattr(period, "kind", None) == "range" and period.start == first
        said = f"a span from {first}, e.g. '{first}-2024' (judged cumulatively)"
    return None if ok else f"the findings of rule '{lr.id}' have the period {said}, not '{key}'"


@dataclass(frozen=True)
class Unreviewed:
    """Whether drafts of `chitieu facts extract` (unreviewed: true) may be audited, and which the user asked for
    by giving the report itself to `check` (drafted for the run: allowed, but never merged with reviewed facts)."""

    allow: bool = False
    asked: frozenset[Path] = frozenset()
    reports: dict[Path, Path] = field(default_factory=dict)  # draft → the report it was drafted from


def _refuse_unreviewed(cf: CommuneFacts, policy: Unreviewed, diags: Diagnostics) -> None:
    if policy.allow or not cf.drafts:
        return
    reviewed = [p for p in cf.paths if p not in {d[0] for d in cf.drafts}]
    for path, line, col in cf.drafts:
        if path in policy.asked:
            if reviewed:
                report = policy.reports.get(path, path)
                diags.error(
                    report,
                    1,
                    1,
                    "unreviewed",
                    f"the facts drafted from this report (not reviewed) would be merged with the reviewed "
                    f"facts of {cf.commune.id} in {reviewed[0]}; check them apart, or pass "
                    "--allow-unreviewed to merge them",
                )
            continue
        diags.error(
            path,
            line,
            col,
            "unreviewed",
            "this is a draft of `chitieu facts extract` that no one has reviewed (unreviewed: true); its "
            f"facts would be audited with those of {cf.commune.id}: review them and delete this line, "
            "or pass --allow-unreviewed",
        )


def load_commune(
    files: list[Path],
    cat: Catalogue,
    diags: Diagnostics,
    unreviewed: Unreviewed = Unreviewed(),
    *,
    documents: Iterable[YamlDoc] = (),
) -> Optional[list[CommuneFacts]]:
    """One commune's files (and fact documents drafted in memory) loaded together (None when they have an error: the
    problems are in ``diags``)."""
    communes, _ = load_inputs(files, cat, diags, documents=documents)
    for cf in communes:
        _refuse_unreviewed(cf, unreviewed, diags)
    return None if diags.has_errors() else communes


@contextmanager
def few_collections() -> Iterator[None]:
    """Run the garbage collector's youngest generation every 20,000 allocations instead of 700 while communes are
    loaded and audited. Loading builds tens of thousands of short-lived dicts and lists per commune that reference
    counting frees anyway; at the default threshold the collector's passes over them took a quarter of the load
    time (measured: BENCHMARKS.md). Cycles are still collected, only less often."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 20_000), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def stream_communes(
    index: InputIndex,
    cat: Catalogue,
    diags: Diagnostics,
    skipped: Optional[list[str]] = None,
    unreviewed: Unreviewed = Unreviewed(),
) -> Iterator[CommuneFacts]:
    """Each commune's facts in id order; a commune with an input error is reported and left out."""
    with few_collections():
        for cid in index.commune_ids:
            commune_diags = Diagnostics()
            communes = load_commune(
                index.communes.get(cid, []), cat, commune_diags, unreviewed, documents=index.documents.get(cid, [])
            )
            diags.extend(commune_diags.items)
            if communes is None:
                if skipped is not None:
                    skipped.append(cid)
                continue
            yield from communes


@dataclass
class Progress:
    """A rich progress bar on stderr for runs longer than a second; silent when stderr is not a terminal."""

    total: int
    enabled: bool
    _bar: Any = None  # a rich Progress, imported when the run turns out long
    _task: Any = None
    _start: float = field(default_factory=time.monotonic)
    _done: int = 0

    def advance(self) -> None:
        self._done += 1
        if not self.enabled:
            return
        if self._bar is None and time.monotonic() - self._start > 1.0:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

            self._bar = Bar(
                TextColumn("Đang kiểm tra"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("xã", total=self.total, completed=self._done)
        elif self._bar is not None:
            self._bar.update(self._task, completed=self._done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def default_jobs() -> int:
    """The cores this process may run on (a container's or `taskset`'s limit, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def audit_batch(
    cat: Catalogue,
    paths: Iterable[Path | YamlDoc],
    diags: Diagnostics,
    *,
    progress: bool = False,
    runtime_factory=None,
    unreviewed: Unreviewed = Unreviewed(),
    jobs: int = 1,
    whole: bool = True,
    json_lines: bool = False,
    uncovered: str = "warning",
    chosen: Optional[Callable[[CommuneFacts], bool]] = None,
) -> Iterator[tuple[CommuneFacts, list[Finding]]]:
    """Index, then load, audit and yield one commune at a time, in commune id order; problems go to ``diags``.
    A commune no plan covers is said at ``uncovered`` level: a warning for `check`, an error where a document would
    be drafted for it. ``chosen`` (--commune) says which communes the run is about: the others' coverage is not told.

    With ``jobs`` > 1 the communes are loaded and audited in that many worker processes (chitieu.workers) and
    yielded in the same order, with the same diagnostics, as with one. ``whole=False`` says the caller reads only
    each commune's header (id, name, reports, files — what the streamed formats print) and no finding's template
    values (Finding.values, which the narrative reads), so the workers need not send those back; ``json_lines``
    that it writes each finding only as its JSON line, so workers send that line (model.FindingLine)."""
    from .audit import audit_stream

    index = index_inputs(paths, diags)
    waiver_diags = Diagnostics()
    waivers = load_waivers(index, cat, waiver_diags)
    diags.extend(waiver_diags.items)
    if waiver_diags.has_errors():  # a waiver may touch any commune: without all of them no finding can be trusted
        raise InputError(diags.items)
    bar = Progress(len(index.commune_ids), progress)
    audited = None
    try:
        kwargs = {"runtime_factory": runtime_factory} if runtime_factory else {}
        if jobs > 1 and len(index.commune_ids) > 1:
            from .workers import audit_in_workers

            audited = audit_in_workers(
                cat,
                index,
                waivers,
                diags,
                jobs=jobs,
                whole=whole,
                json_lines=json_lines,
                unreviewed=unreviewed,
                **kwargs,
            )
        else:
            audited = audit_stream(cat, stream_communes(index, cat, diags, unreviewed=unreviewed), waivers, **kwargs)
        named = _waivers_by_commune(waivers)
        with few_collections():  # also in the main process of a run with workers: it unpickles their findings
            for cf, findings in audited:
                bar.advance()
                if chosen is None or chosen(cf):
                    _uncovered_commune(cat, cf, diags, uncovered)
                    _uncovered_waivers(cat, cf, named.get(cf.commune.id, ()), diags)
                yield cf, findings
    finally:
        if audited is not None:
            audited.close()  # the workers are stopped now, also when the run is cut short (Ctrl-C, SIGTERM)
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
    for cf, commune_findings in stream:
        communes.append(cf)
        findings.extend(commune_findings)
    return AuditResult(cat, communes, findings)


def collect_matrix(cat: Catalogue, stream: Iterable[tuple[CommuneFacts, list[Finding]]]):
    """The commune × rule matrix for the terminal table, without keeping the findings."""
    from .matrix import add, new_matrix

    m = new_matrix(cat)
    for cf, findings in stream:
        add(m, cat, cf, findings)
    return m.trimmed()
