"""Fact and waiver files: loading them, checking them against the catalogue, and grouping them by commune.

A filled reporting form (.xlsx, chitieu.form_read) is read into the same document a fact file gives and checked by
the same code here; its errors are located at its cells.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from decimal import Decimal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from . import vi
from .catalogue import Catalogue
from .diagnostics import Diagnostic, Diagnostics, InputError, column_letter, did_you_mean
from .measure import end_text
from .model import Bound, Commune, Fact, FactFile, Report, Statement, Waiver, WaiverFile
from .validate import validate
from .reporttext import ReportText, read_report
from .yamlsrc import YamlDoc, load_each, unique_paths, unknown_schema

FORM_SUFFIXES = (".xlsx",)

FACT_SCHEMA = "chitieu.facts/1"
WAIVER_SCHEMA = "chitieu.waivers/1"


@dataclass
class LoadedFact:
    fact: Fact
    path: Path
    line: int
    col: int
    report: Report
    cache: dict = field(default_factory=dict, repr=False, compare=False)
    sheet: str = ""  # read from a reporting form: line and col are the row and column of this sheet

    @property
    def where(self) -> str:
        if self.sheet:
            return f"{self.path}:{self.sheet}!{column_letter(self.col)}{self.line}"
        return f"{self.path}:{self.line}"


@dataclass
class LoadedStatement:
    statement: Statement
    path: Path
    line: int


@dataclass
class LoadedWaiver:
    waiver: Waiver
    path: Path
    line: int
    col: int

    @property
    def identity(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def id(self) -> str:
        """The id of its fact in the Rete (chitieu.wire.waiver_fact)."""
        return f"w|{self.identity}"


@dataclass
class CommuneFacts:
    """Everything known about one commune: the facts of all its files, merged; the unit of one audit."""

    commune: Commune
    reports: list[Report] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    facts: list[LoadedFact] = field(default_factory=list)
    statements: list[LoadedStatement] = field(default_factory=list)
    # files drafted by `chitieu facts extract` that no one has reviewed yet (unreviewed: true), with where it says so
    drafts: list[tuple[Path, int, int]] = field(default_factory=list)
    report_where: list[tuple[Path, int, int]] = field(default_factory=list)  # each report's as_of, by file
    commune_where: Optional[tuple[Path, int, int]] = None  # where its first file names it (commune: id:)
    cache: dict = field(default_factory=dict, repr=False, compare=False)
    _by_indicator: Optional[dict[str, list[LoadedFact]]] = field(default=None, repr=False, compare=False)
    _by_year: dict[tuple[str, int], list[LoadedFact]] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=-1, repr=False, compare=False)

    def by_indicator(self) -> dict[str, list[LoadedFact]]:
        """The facts grouped by indicator (built once; facts are not added after loading)."""
        if self._by_indicator is None or self._indexed != len(self.facts):
            self._by_indicator, self._by_year = {}, {}
            for lf in self.facts:
                self._by_indicator.setdefault(lf.fact.indicator, []).append(lf)
                if lf.fact.period.kind == "year":
                    self._by_year.setdefault((lf.fact.indicator, lf.fact.period.start), []).append(lf)
            self._indexed = len(self.facts)
        return self._by_indicator

    def in_year(self, indicator: str, year: int) -> list[LoadedFact]:
        """The facts of an indicator stated for one calendar year, in the order of the facts."""
        self.by_indicator()
        return list(self._by_year.get((indicator, year), ()))

    def header(self) -> "CommuneFacts":
        """The commune without its facts and statements: all that the streamed outputs print of it (what a worker
        process sends back when the caller needs no more)."""
        return CommuneFacts(
            self.commune,
            reports=self.reports,
            paths=self.paths,
            drafts=self.drafts,
            report_where=self.report_where,
            commune_where=self.commune_where,
        )

    @property
    def where(self) -> tuple[Path, int, int]:
        """Where its first file names it (its id), for a problem of the commune as a whole."""
        return self.commune_where or (self.paths[0], 1, 1)

    @property
    def unreviewed(self) -> bool:
        return bool(self.drafts)

    @property
    def unreviewed_files(self) -> list[str]:
        return [str(path) for path, _, _ in self.drafts]

    @property
    def as_of(self) -> dt.date:
        return max(r.as_of for r in self.reports) if len(self.reports) != 1 else self.reports[0].as_of

    @property
    def as_of_phrase(self) -> str:
        """'ngày 31/10/2024', or 'tháng 10/2024' when the latest report gives only the month."""
        return vi.as_of(self.as_of, month_only=self.report.as_of_precision == "month")

    @property
    def report_files(self) -> list[Path]:
        """The report files the fact files name (each relative to its fact file): inputs, never to be written over."""
        return [p.parent / r.file for p, r in zip(self.paths, self.reports, strict=False) if r.file]

    @property
    def report(self) -> Report:
        """The latest report (the one whose as-of date the audit uses)."""
        return max(self.reports, key=lambda r: r.as_of)

    @property
    def report_years(self) -> set[int]:
        cached = self.cache.get("report_years")
        if cached is not None and cached[0] == len(self.reports):
            return cached[1]
        years: set[int] = set()
        for r in self.reports:
            end = min(r.period.to or r.as_of, r.as_of)
            years.update(range(r.period.from_.year, end.year + 1))
        self.cache["report_years"] = (len(self.reports), years)
        return years


_SPACE = re.compile(r"\s+")


def is_form(path: Path) -> bool:
    return path.suffix.lower() in FORM_SUFFIXES


def fact_inputs(paths: Iterable[Path]) -> list[Path]:
    """The given files, and under the given folders (recursively, sorted) the YAML files and the reporting forms
    (.xlsx; Excel's '~$' lock files left out), each file once however often it is given (a folder and a file in
    it, a link). A folder's entries that are not regular files (a FIFO named x.yaml) are kept, so that reading
    them refuses them aloud."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    q
                    for q in p.rglob("*")
                    if not q.is_dir()
                    and (q.suffix in (".yaml", ".yml") or (is_form(q) and not q.name.startswith("~$")))
                )
            )
        else:
            out.append(p)
    return unique_paths(out)


def read_form_doc(path: Path, cat: Catalogue, diags: Diagnostics, *, given: bool = True) -> Optional[YamlDoc]:
    """A reporting form as a fact document; its cell errors go to ``diags``. A workbook that is not a chitieu form
    is an error when given by name, and skipped with a warning when met in a folder."""
    from .form_read import read_form

    try:
        return read_form(path, cat, diags)
    except InputError as exc:
        form_refused(exc, diags, given=given)
        return None


def load_fact_document(
    doc: YamlDoc,
    cat: Catalogue,
    diags: Diagnostics,
    communes: dict[str, CommuneFacts],
    *,
    read_errors: Iterable[Diagnostic] = (),
) -> None:
    """Check a fact document that a reader built — from a YAML file, a reporting form, or any other source that
    gives the same data with a mark for each value — and add its commune to ``communes``.

    ``read_errors`` are the places the reader could not turn into a value (it leaves them out of the data): a
    document with any is checked but not used, and no check repeats an error at a place already reported."""
    read_errors = [d for d in read_errors if d.level == "error"]
    diags.extend(read_errors)
    checks = Diagnostics()
    # before=-1: as if an error had been found already, so the commune is not kept
    _load_fact_file(doc, cat, checks, communes, before=-1 if read_errors else None)
    unread = {(d.sheet, d.line, d.col) for d in read_errors}
    diags.extend(
        dataclasses.replace(d, message=doc.prefix + d.message) if doc.prefix else d
        for d in checks.items
        if (d.sheet, d.line, d.col) not in unread
    )


def _load_form(
    path: Path, cat: Catalogue, diags: Diagnostics, communes: dict[str, CommuneFacts], *, given: bool = True
) -> Optional[YamlDoc]:
    cells = Diagnostics()
    form = read_form_doc(path, cat, cells, given=given)
    diags.extend(d for d in cells.items if d.level != "error")
    if form is None:
        diags.extend(cells.errors)
        return None
    load_fact_document(form, cat, diags, communes, read_errors=cells.errors)
    return form


def load_form(path: Path, cat: Catalogue, diags: Diagnostics) -> Optional[YamlDoc]:
    """A reporting form read and checked exactly as a fact file is (for `chitieu facts import`); its problems go to
    ``diags``."""
    communes: dict[str, CommuneFacts] = {}
    form = _load_form(path, cat, diags, communes)
    for cf in communes.values():
        _check_conflicts(cf, diags)
        _check_criteria_count(cf, cat, diags)
    return form


def form_refused(exc: InputError, diags: Diagnostics, *, given: bool) -> None:
    """Why a workbook cannot be read: errors — or, for a workbook met in a folder that is simply not a chitieu
    form (another spreadsheet kept beside the fact files), warnings that it was skipped."""
    if given or any(d.code != "form-invalid" for d in exc.diagnostics):
        diags.extend(exc.diagnostics)
        return
    for d in exc.diagnostics:
        diags.warning(d.path, d.line, d.col, d.code, d.message + "; the file was skipped", sheet=d.sheet)


def load_inputs(
    paths: Iterable[Path], cat: Catalogue, diags: Diagnostics, *, documents: Iterable[YamlDoc] = ()
) -> tuple[list[CommuneFacts], list[LoadedWaiver]]:
    """Load fact and waiver files and reporting forms (folders recursively), and fact documents drafted in memory
    from reports (engine.intake.to_document); problems go to ``diags``, bad files are skipped."""
    communes: dict[str, CommuneFacts] = {}
    waivers: list[LoadedWaiver] = []
    paths = list(paths)
    documents = list(documents)
    given = {p for p in paths if not p.is_dir()}
    files = fact_inputs(paths)
    for doc in documents:
        load_fact_document(doc, cat, diags, communes)
    if not files and not documents:
        diags.error(
            paths[0] if paths else Path("."),
            1,
            1,
            "no-input",
            "no fact files given (pass .yaml or .xlsx files, or folders)",
        )
    for path in files:
        if is_form(path):
            _load_form(path, cat, diags, communes, given=path in given)
            continue
        for doc, schema in load_each([path], diags):
            _load_document(doc, schema, cat, diags, communes, waivers)
    for cf in communes.values():
        _check_conflicts(cf, diags)
        _check_criteria_count(cf, cat, diags)
        _check_report_dates(cf, diags)
    return [communes[k] for k in sorted(communes)], waivers


def _load_document(
    doc: YamlDoc,
    schema,
    cat: Catalogue,
    diags: Diagnostics,
    communes: dict[str, CommuneFacts],
    waivers: list[LoadedWaiver],
) -> None:
    if schema == FACT_SCHEMA:
        _load_fact_file(doc, cat, diags, communes)
    elif schema == WAIVER_SCHEMA:
        waivers.extend(_load_waiver_file(doc, cat, diags))
    else:
        unknown_schema(doc, diags, f"{FACT_SCHEMA} or {WAIVER_SCHEMA}")


def _load_fact_file(
    doc: YamlDoc, cat: Catalogue, diags: Diagnostics, communes: dict[str, CommuneFacts], before: Optional[int] = None
) -> None:
    # The header and each fact are validated on their own, so one broken fact does not hide the others' problems.
    before = len(diags.errors) if before is None else before
    data = doc.data
    header = {k: v for k, v in data.items() if k not in ("facts", "statements")}
    ff = validate(FactFile, doc, diags, data=header)
    raw_facts = data.get("facts", [])
    raw_statements = data.get("statements", [])
    for name, raw in (("facts", raw_facts), ("statements", raw_statements)):
        if not isinstance(raw, list):
            diags.at(doc, (name,), "wrong-type", f"'{name}' must be a list ('- ' items)")
    if ff is None and isinstance(raw_facts, list):
        # a broken header (a blank name, a bad date on a form) hides no fact's own problem: each is still checked,
        # so that one run reports every bad cell (its dates against the report's are left until the header is right)
        for i, raw in enumerate(raw_facts):
            fact = validate(Fact, doc, diags, data=raw, base=("facts", i))
            if fact is not None:
                for sub, code, message in fact_problems(cat, fact, dt.date.max):
                    diags.at(doc, ("facts", i) + sub, code, message)
    if ff is None or not isinstance(raw_facts, list) or not isinstance(raw_statements, list):
        return
    report_text = _report_text(doc, ff, diags)
    loaded: list[LoadedFact] = []
    for i, raw in enumerate(raw_facts):
        fact = validate(Fact, doc, diags, data=raw, base=("facts", i))
        if fact is None:
            continue
        line, col, sheet = doc.locate(("facts", i))
        lf = LoadedFact(fact, doc.path, line, col, ff.report, sheet=sheet)
        _check_fact(lf, doc, ("facts", i), cat, diags)
        _check_quote(report_text, fact.source.line, fact.source.quote, doc, ("facts", i, "source"), diags)
        loaded.append(lf)
    statements = []
    for i, raw in enumerate(raw_statements):
        st = validate(Statement, doc, diags, data=raw, base=("statements", i))
        if st is None:
            continue
        if st.rule is not None and st.rule not in cat.by_id:
            diags.at(
                doc,
                ("statements", i, "rule"),
                "unknown-rule",
                f"unknown rule '{st.rule}'" + did_you_mean(st.rule, cat.by_id),
            )
        line, _ = doc.where(("statements", i))
        _check_quote(report_text, st.source.line, st.source.quote, doc, ("statements", i, "source"), diags)
        statements.append(LoadedStatement(st, doc.path, line))
    if len(diags.errors) > before:
        return
    cf = communes.get(ff.commune.id)
    if cf is None:
        commune = ff.commune
        # 'name: Tịnh An' beside 'issuer: UBND phường Tịnh An': the unit is the phường its own body names
        named = vi.issuer_kind(ff.report.issuer) if commune.kind is None and not vi.unit_kind(commune.name) else None
        if named:
            commune = commune.model_copy(update={"kind": named})
        cf = communes[ff.commune.id] = CommuneFacts(commune, commune_where=(doc.path, *doc.where(("commune", "id"))))
    elif cf.commune.name != ff.commune.name:
        diags.at(
            doc,
            ("commune", "name"),
            "commune-name",
            level="warning",
            message=f"commune '{ff.commune.id}' is named '{ff.commune.name}' here but '{cf.commune.name}' in {cf.paths[0]}",
        )
    cf.reports.append(ff.report)
    cf.report_where.append((doc.path, *doc.where(("report", "as_of"))))
    if ff.unreviewed:
        cf.drafts.append((doc.path, *doc.where(("unreviewed",), prefer_key=True)))
    cf.paths.append(doc.path)
    cf.facts.extend(loaded)
    cf.statements.extend(statements)


@functools.lru_cache(maxsize=2)
def _read_cached(path: Path, stamp: tuple[int, int]) -> ReportText:
    """A report read once for all the fact documents that cite it in a run (a draft checked right after intake)."""
    del stamp
    return read_report(path)


def _report_text(doc: YamlDoc, ff: FactFile, diags: Diagnostics) -> Optional[ReportText]:
    if not ff.report.file or is_form(Path(ff.report.file)):
        return None  # a form's facts cite cells, not lines of a text
    path = doc.path.parent / ff.report.file
    line, col = doc.where(("report", "file"))
    if not path.exists():
        # A fact file may travel without its report (a plain clone of the project has no ../shared): a note, once.
        message = f"the report file '{ff.report.file}' is not there; quotes were not checked against it"
        if not any(d.code == "report-missing" and d.message == message for d in diags.items):
            diags.note(doc.path, line, col, "report-missing", message)
        return None
    try:
        # read as intake reads it: Word as Word, legacy encodings converted, so the line numbers agree
        st = path.stat()
        return _read_cached(path.resolve(), (st.st_mtime_ns, st.st_size))
    except InputError as exc:
        diags.warning(
            doc.path,
            line,
            col,
            "report-unreadable",
            f"the report file cannot be read ({exc.diagnostics[0].message}); quotes were not checked",
        )
        return None


def _check_quote(
    text: Optional[ReportText], line: Optional[int], quote: str, doc: YamlDoc, loc: tuple, diags: Diagnostics
) -> None:
    if text is None or line is None:
        return
    if line > len(text.lines):
        diags.at(
            doc,
            loc + ("line",),
            "quote-mismatch",
            f"line {line} is past the end of the report ({len(text.lines)} lines)",
        )
        return
    if not text.found_at(line, quote):
        elsewhere = text.find(quote)
        hint = f"; it is at line {elsewhere}" if elsewhere else "; it is not in the report at all"
        diags.at(doc, loc + ("quote",), "quote-mismatch", f"the quote is not at line {line} of the report{hint}")


def fact_problems(cat: Catalogue, f: Fact, as_of: dt.date) -> list[tuple[tuple, str, str]]:
    """What is wrong with a fact given the catalogue: (key within the fact, code, message) for each problem."""
    out: list[tuple[tuple, str, str]] = []
    ind = cat.indicators.get(f.indicator)
    if ind is None:
        return [
            (
                ("indicator",),
                "unknown-indicator",
                f"unknown indicator '{f.indicator}'" + did_you_mean(f.indicator, cat.indicators),
            )
        ]
    if f.period.kind != "as_of" and f.period.start > as_of.year:
        out.append(
            (("period",), "period-after-report", f"period {f.period.key} is after the report's as-of date {as_of}")
        )
    if f.claim is not None:
        return out
    if f.items is not None:
        if ind.type != "items":
            out.append((("items",), "type-mismatch", f"'{ind.key}' is {ind.type}, not a list of items: give 'value'"))
        return out
    v = f.value
    if ind.type == "items":
        out.append((("value",), "type-mismatch", f"'{ind.key}' is a list of items: give 'items' (each with a name)"))
    elif ind.type == "boolean":
        if not isinstance(v, bool):
            out.append(
                (("value",), "type-mismatch", f"'{ind.key}' is boolean: the value must be true or false, got {v!r}")
            )
    elif ind.type == "level":
        keys = [lv.key for lv in ind.levels or []]
        if not isinstance(v, str) or v not in keys:
            out.append(
                (
                    ("value",),
                    "type-mismatch",
                    f"'{ind.key}' takes one of {keys}, got {v!r}"
                    + (did_you_mean(v, keys) if isinstance(v, str) else ""),
                )
            )
    elif isinstance(v, (bool, str)):
        out.append(
            (
                ("value",),
                "type-mismatch",
                f"'{ind.key}' is {ind.type}: the value must be a number or a bound, got {v!r}",
            )
        )
    else:
        numbers = [x for x in ((v.gt, v.gte, v.lt, v.lte) if isinstance(v, Bound) else (v,)) if x is not None]
        for x in numbers:
            if ind.type == "count" and not isinstance(v, Bound) and x != x.to_integral_value():
                out.append(
                    (("value",), "type-mismatch", f"'{ind.key}' counts whole {ind.unit or 'units'}: {x} is not whole")
                )
            lower, upper = ind.lower, ind.upper
            if (lower is not None and x < lower) or (upper is not None and x > upper):
                out.append(
                    (
                        ("value",),
                        "out-of-range",
                        f"{x} is outside the range of '{ind.key}' ({end_text(lower)} to {end_text(upper)})"
                        + (f" — {ind.name}" if ind.name else ""),
                    )
                )
    return out


def _check_fact(lf: LoadedFact, doc: YamlDoc, loc: tuple, cat: Catalogue, diags: Diagnostics) -> None:
    for sub, code, message in fact_problems(cat, lf.fact, lf.report.as_of):
        diags.at(doc, loc + sub, code, message)


def _value_key(f: Fact) -> tuple:
    """What two facts must share to agree. Numbers compare by value (3 and 3.0 agree; Decimal keeps the digits
    written, so their reprs differ), and the type stays in the key so that true and 1 do not."""
    v = f.value
    return (type(v).__name__, v, f.claim, tuple((i.name, i.decision) for i in f.items or ()))


def _check_conflicts(cf: CommuneFacts, diags: Diagnostics) -> None:
    """Two facts for the same indicator and period must agree; a repeated figure is fine."""
    seen: dict[tuple, LoadedFact] = {}
    for lf in cf.facts:
        key = (lf.fact.indicator, lf.fact.period.key, _state_date(lf))
        first = seen.get(key)
        if first is None:
            seen[key] = lf
        elif _value_key(first.fact) != _value_key(lf.fact):
            diags.error(
                lf.path,
                lf.line,
                lf.col,
                "conflicting-facts",
                f"'{lf.fact.indicator}' for {lf.fact.period.key} is given differently at {first.where}; "
                "a report that contradicts itself is modelled as two indicators and a claim check",
                sheet=lf.sheet,
            )


def _check_criteria_count(cf: CommuneFacts, cat: Catalogue, diags: Diagnostics) -> None:
    """A general count of criteria met ("đạt 19/19 tiêu chí") must leave room for the criteria the same report
    assesses one by one: no more than those not said to be unmet, no fewer than those said to be met. A report (or
    form) that says both "19 tiêu chí" and "tiêu chí Thu nhập chưa đạt" is told, at the count, with the criteria that
    contradict it; the figures are kept as given (which one is right is the reviewer's to say)."""
    sets = cat.criteria_sets
    if not sets:
        return
    groups = cf.by_indicator()
    for count_key, criteria in sets.items():
        for lf in groups.get(count_key, ()):
            given = lf.fact.value
            if not isinstance(given, Decimal):
                continue
            period, as_of = lf.fact.period.key, _state_date(lf)
            said: dict[str, list[tuple[str, LoadedFact]]] = {"chua_dat": [], "dat": []}
            for key in criteria:
                for other in groups.get(key, ()):
                    if other.fact.period.key == period and _state_date(other) == as_of and other.fact.value in said:
                        said[str(other.fact.value)].append((key, other))
            unmet, met = said["chua_dat"], said["dat"]
            most, least = len(criteria) - len(unmet), len(met)
            if given <= most and given >= least:
                continue
            named = unmet if given > most else met
            names = ", ".join(_criterion_name(cat, key) for key, _ in named)
            where = ", ".join(other.where for _, other in named)
            n = vi.count(given)
            ind = cat.indicators.get(count_key)
            subject = f"“{ind.name}”" if ind else count_key
            if given > most:
                english = (
                    f"'{count_key}' says {n} criteria are met, but {len(unmet)} of the {len(criteria)} are given as "
                    f"unmet ({names}, at {where}): at most {most} can be; check which the report means"
                )
                vietnamese = (
                    f"{subject} ghi {n}, nhưng {vi.count(len(unmet))}/{len(criteria)} tiêu chí được "
                    f"ghi là chưa đạt ({names}, tại {where}): nhiều nhất chỉ {vi.count(most)} tiêu chí đạt; kiểm tra "
                    "lại báo cáo muốn nói số nào"
                )
            else:
                english = (
                    f"'{count_key}' says {n} criteria are met, but {len(met)} are given as met one by one ({names}, at "
                    f"{where}); check which the report means"
                )
                vietnamese = (
                    f"{subject} ghi {n}, nhưng {vi.count(len(met))} tiêu chí được ghi là đạt ({names}, "
                    f"tại {where}); kiểm tra lại báo cáo muốn nói số nào"
                )
            diags.warning(lf.path, lf.line, lf.col, "criteria-count", english, sheet=lf.sheet, message_vi=vietnamese)


def _state_date(lf: LoadedFact) -> Optional[dt.date]:
    """The report date a state ("as_of") belongs to: a later report may give a new state; None for other periods."""
    return lf.report.as_of if lf.fact.period.kind == "as_of" else None


def _criterion_name(cat: Catalogue, key: str) -> str:
    """'Thu nhập' for ntm_nc.tc10: the criterion's name after its number ("Tiêu chí 10 — Thu nhập")."""
    ind = cat.indicators.get(key)
    name = ind.name if ind else key
    return name.split(" — ", 1)[-1]


def _report_keys(report: Report, path: Path) -> set[tuple[str, str]]:
    """What identifies a report across fact files: the file it names, its number, the start of its title."""
    keys = {("title", _SPACE.sub(" ", report.title).strip().casefold()[:80])}
    if report.number:
        keys.add(("number", report.number.strip().casefold()))
    if report.file:
        keys.add(("file", str((path.parent / report.file).resolve())))
    return keys


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _check_report_dates(cf: CommuneFacts, diags: Diagnostics) -> None:
    """Two files of one commune that describe the same report must give it the same date and as-of date: a draft
    dated today beside the reviewed facts once moved a whole audit to today's date."""
    seen: dict[tuple[str, str], tuple[Report, tuple[Path, int, int]]] = {}
    for report, where in zip(cf.reports, cf.report_where, strict=False):
        keys = sorted(_report_keys(report, where[0]))
        first = next((seen[k] for k in keys if k in seen), None)
        for k in keys:
            seen.setdefault(k, (report, where))
        if first is None:
            continue
        other, (opath, oline, _) = first
        if (other.date, other.as_of) != (report.date, report.as_of):
            path, line, col = where
            diags.error(
                path,
                line,
                col,
                "report-date",
                f"this file dates the report “{_short(report.title)}” {report.date} (figures as of "
                f"{report.as_of}) but {opath}:{oline} dates it {other.date} (as of {other.as_of}); "
                "one report has one date: correct the draft",
            )


def _load_waiver_file(doc: YamlDoc, cat: Catalogue, diags: Diagnostics) -> Iterator[LoadedWaiver]:
    wf = validate(WaiverFile, doc, diags)
    if wf is None:
        return
    ids = cat.by_id
    for i, w in enumerate(wf.waivers):
        line, col = doc.where(("waivers", i))
        if w.rule not in ids:
            rule_line, rule_col = doc.where(("waivers", i, "rule"))
            diags.error(
                doc.path, rule_line, rule_col, "unknown-rule", f"unknown rule '{w.rule}'" + did_you_mean(w.rule, ids)
            )
            continue
        yield LoadedWaiver(w, doc.path, line, col)
