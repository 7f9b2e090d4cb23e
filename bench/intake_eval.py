"""Intake benchmark: how much of a report `chitieu facts extract` reads right, against hand-made truth files.

    python bench/intake_eval.py [FOLDER ...] [--json] [--rules DIR]

Each FOLDER holds reports (.txt, .md, .docx) and, beside each, a truth file ``<stem>.truth.yaml`` (schema
``chitieu.intake-truth/1``; tests/fixtures/reports/README.md explains it). Without FOLDER both sets are measured and
reported apart: the development set (tests/fixtures/reports) and the held-out set (tests/fixtures/reports-heldout).
Later held-out sets (tests/fixtures/reports-heldout2, -heldout3, …) are measured only when named, so that their misses
are not printed where the intake's authors look.

For every report the intake runs through its public API (``chitieu.reporttext.read_report`` and
``chitieu.intake.extract``) and each drafted fact is compared with the truth. A drafted fact matches a true one when
the indicator, the period and the value agree: numbers equal (62,5 = 62.5 = 62.50), bounds equal (``{gt: 50}``), the
count of items equal, the claim equal (``achieved`` / ``not_achieved``); a boolean never equals a number. Matching is
one to one. Printed per set: recall and precision per indicator and overall; per report the header fields (unit name
and kind, date, as-of date, the unit's own plan) right or wrong; the misses and false positives (file:place,
indicator, expected vs got); the look-alikes that filled an indicator they must not (``must_not_fill``).

The header is read from ``Extraction.header``: ``commune`` (the unit's name), ``kind`` (xã / phường / thị trấn),
``date`` (YYYY-MM-DD or YYYY-MM), ``as_of`` and ``plan`` (``{number, date}``). Fields the intake does not provide
count as not read. A report the intake cannot read counts as all misses, with the reason. Nothing is asserted here:
the script prints (``--json``: a ``chitieu.intake-eval/1`` document) and exits 0, or 2 when a truth file is invalid.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Literal, Optional

from pydantic import Field, StrictBool, model_validator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chitieu.catalogue import Catalogue, load_catalogue  # noqa: E402
from chitieu.diagnostics import Diagnostics, InputError  # noqa: E402
from chitieu.model import (  # noqa: E402
    Bound,
    Date,
    DocRef,
    FactValue,
    Int,
    Key,
    NonEmptyText,
    Period,
    ReportDate,
    Strict,
    Text,
)
from chitieu.reporttext import clean  # noqa: E402
from chitieu.validate import validate  # noqa: E402
from chitieu.yamlsrc import load as load_yaml  # noqa: E402

TRUTH_SCHEMA = "chitieu.intake-truth/1"
EVAL_SCHEMA = "chitieu.intake-eval/1"
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
DEFAULT_SETS = (
    ("development", ROOT / "tests" / "fixtures" / "reports"),
    ("held-out", ROOT / "tests" / "fixtures" / "reports-heldout"),
)
HEADER_FIELDS = ("unit", "kind", "date", "as_of", "plan")


# --------------------------------------------------------------------------------------------------- truth files


class Place(Strict):
    """Where in the report: a line of a .txt/.md file (of a .pdf: of its text layer as chitieu reads it), or a
    paragraph (1-based, body paragraphs in document order) or a table cell (``T2!C4``: table 2, column C, row 4) of a
    .docx file."""

    line: Optional[Int] = Field(default=None, ge=1)
    paragraph: Optional[Int] = Field(default=None, ge=1)
    cell: Optional[Text] = Field(default=None, pattern=r"^T\d+![A-Z]+\d+$")

    @model_validator(mode="after")
    def _one_place(self):
        if sum(x is not None for x in (self.line, self.paragraph, self.cell)) != 1:
            raise ValueError("give exactly one of 'line', 'paragraph' or 'cell'")
        return self

    @property
    def where(self) -> str:
        if self.line is not None:
            return str(self.line)
        return f"¶{self.paragraph}" if self.paragraph is not None else str(self.cell)


class TruthUnit(Strict):
    kind: Literal["xã", "phường", "thị trấn", "đặc khu"]
    name: NonEmptyText
    province: Optional[Text] = None
    formed_from: Optional[list[NonEmptyText]] = None  # the predecessor units of a unit formed by a merger


class TruthPlan(Strict):
    number: NonEmptyText
    date: Optional[Date] = None


class TruthFact(Place):
    indicator: Key
    period: Period
    value: Optional[FactValue] = None
    items: Optional[Int] = Field(default=None, ge=0)
    claim: Optional[Literal["achieved", "not_achieved"]] = None
    names: Optional[list[NonEmptyText]] = None
    decisions: Optional[list[Optional[Text]]] = None  # beside names: the decision cited for each item, or null
    document: Optional[DocRef] = None
    counted: StrictBool = False  # the value is counted from a list, not written as a figure
    quote: NonEmptyText
    note: Optional[Text] = None

    @model_validator(mode="after")
    def _shape(self):
        if sum(x is not None for x in (self.value, self.items, self.claim)) != 1:
            raise ValueError("a fact needs exactly one of 'value', 'items' or 'claim'")
        if self.names is not None and (self.items is None or len(self.names) != self.items):
            raise ValueError("'names' goes with 'items' and lists exactly that many names")
        if self.decisions is not None and (self.names is None or len(self.decisions) != len(self.names)):
            raise ValueError("'decisions' goes beside 'names', one entry (or null) per name")
        return self


class MustNotFill(Place):
    indicator: Key
    quote: NonEmptyText
    reason: NonEmptyText
    value: Optional[FactValue] = None  # when the place also holds a true fact: only this reading is wrong
    items: Optional[Int] = Field(default=None, ge=0)  # the same, for an indicator of items: this many
    period: Optional[Period] = None  # … and when it holds a true fact of the same value too: only this period's

    @property
    def canon(self) -> Optional[tuple]:
        if self.items is not None:
            return ("items", self.items)
        return None if self.value is None else canon_value(self.value)


class TruthFile(Strict):
    schema_: Literal["chitieu.intake-truth/1"] = Field(alias="schema")
    report: NonEmptyText
    unit: TruthUnit
    date: Optional[ReportDate] = None
    as_of: Optional[Date] = None
    plan: Optional[TruthPlan] = None
    facts: list[TruthFact]
    must_not_fill: list[MustNotFill] = Field(default_factory=list)
    note: Optional[Text] = None

    @model_validator(mode="after")
    def _unique(self):
        seen = Counter((f.indicator, f.period.key) for f in self.facts)
        twice = [f"{k[0]} {k[1]}" for k, n in seen.items() if n > 1]
        if twice:
            raise ValueError("one fact per indicator and period; given more than once: " + ", ".join(twice))
        return self


@dataclass
class Truth:
    path: Path
    report: Path
    data: TruthFile


def load_truth(path: Path) -> Truth:
    """A truth file, validated; raises InputError with every problem located (path:line:col)."""
    doc = load_yaml(path)
    diags = Diagnostics()
    data = validate(TruthFile, doc, diags)
    if data is None:
        raise InputError(diags.errors)
    return Truth(path, path.parent / data.report, data)


def truth_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.truth.yaml"))


# --------------------------------------------------------------------------------------------------- comparing

Canon = tuple


def canon_value(value: Any) -> Canon:
    """A fact's value in a form where equal readings compare equal: 62.5 = Decimal('62.50'); True ≠ 1."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float, Decimal)):
        return ("number", _num(value))
    if isinstance(value, Bound):
        value = value.model_dump(exclude_none=True)
    if isinstance(value, dict):
        return ("bound", tuple(sorted((str(k), _num(v)) for k, v in value.items() if v is not None)))
    if isinstance(value, str):
        return ("key", value)
    return ("other", repr(value))


def _num(v: Any) -> Decimal:
    d = Decimal(str(v)) if isinstance(v, float) else Decimal(v)
    return d.normalize() if d else Decimal(0)


def canon_truth(f: TruthFact) -> Canon:
    if f.items is not None:
        return ("items", f.items)
    if f.claim is not None:
        return ("claim", f.claim)
    return canon_value(f.value)


def canon_draft(d: Any) -> Canon:
    """A drafted fact (chitieu.intake.Draft or any object with indicator, period, value / items / claim)."""
    items = getattr(d, "items", None)
    if items is not None:
        return ("items", len(items))
    claim = getattr(d, "claim", None)
    if claim is not None:
        return ("claim", claim)
    return canon_value(getattr(d, "value", None))


def period_key(p: Any) -> str:
    """'2024', '2023-2024' or 'as_of', whatever form the period is given in."""
    key = getattr(p, "key", None)
    text = key if isinstance(key, str) else str(p)
    text = text.strip().replace("–", "-").replace(" ", "")
    m = re.fullmatch(r"(\d{4})-(\d{4})", text)
    if m and m.group(1) == m.group(2):
        return m.group(1)
    return text


def show(c: Canon) -> str:
    kind, v = c
    if kind == "items":
        return f"{v} mục"
    if kind == "bound":
        return "{" + ", ".join(f"{k}: {format(n, 'f')}" for k, n in v) + "}"
    if kind == "number":
        return format(v, "f")
    return str(v).lower() if kind == "bool" else str(v)


@dataclass
class Matching:
    matched: list[tuple[Any, Any]] = field(default_factory=list)  # (truth fact, draft)
    misses: list[Any] = field(default_factory=list)
    false_positives: list[Any] = field(default_factory=list)


def match(truth: Iterable[TruthFact], drafts: Iterable[Any]) -> Matching:
    """Pair true facts with drafted ones on (indicator, period, value); each draft is used at most once."""
    pool: dict[tuple, list[Any]] = {}
    for d in drafts:
        pool.setdefault((d.indicator, period_key(d.period), canon_draft(d)), []).append(d)
    out = Matching()
    for t in truth:
        found = pool.get((t.indicator, t.period.key, canon_truth(t)))
        if found:
            out.matched.append((t, found.pop(0)))
        else:
            out.misses.append(t)
    out.false_positives = [d for ds in pool.values() for d in ds]
    return out


@dataclass
class Score:
    truth: int = 0
    drafted: int = 0
    matched: int = 0

    def add(self, other: "Score") -> None:
        self.truth += other.truth
        self.drafted += other.drafted
        self.matched += other.matched

    @property
    def recall(self) -> Optional[float]:
        return self.matched / self.truth if self.truth else None

    @property
    def precision(self) -> Optional[float]:
        return self.matched / self.drafted if self.drafted else None

    def as_dict(self) -> dict:
        return {
            "truth": self.truth,
            "drafted": self.drafted,
            "matched": self.matched,
            "recall": _round(self.recall),
            "precision": _round(self.precision),
        }


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


def score_by_indicator(truth: Iterable[TruthFact], drafts: Iterable[Any], m: Matching) -> dict[str, Score]:
    out: dict[str, Score] = {}
    for t in truth:
        out.setdefault(t.indicator, Score()).truth += 1
    for d in drafts:
        out.setdefault(d.indicator, Score()).drafted += 1
    for t, _ in m.matched:
        out[t.indicator].matched += 1
    return out


# --------------------------------------------------------------------------------------------------- header fields


def _fold_name(text: Optional[str]) -> str:
    text = unicodedata.normalize("NFC", text or "").strip().casefold()
    return re.sub(r"^(?:xã|phường|thị trấn)\s+", "", text)


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _iso(v: Any) -> Optional[str]:
    if v is None:
        return None
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else str(v)


def header_fields(truth: TruthFile, header: Any) -> dict[str, dict]:
    """Each header field: expected, got, right."""
    want_plan = None if truth.plan is None else {"number": truth.plan.number, "date": _iso(truth.plan.date)}
    plan = _get(header, "plan") if header is not None else None
    got_plan = None if not plan else {"number": _get(plan, "number"), "date": _iso(_get(plan, "date"))}
    pairs = {
        "unit": (truth.unit.name, _get(header, "commune") if header is not None else None),
        "kind": (truth.unit.kind, _get(header, "kind") if header is not None else None),
        "date": (_iso(truth.date), _iso(_get(header, "date")) if header is not None else None),
        "as_of": (_iso(truth.as_of), _iso(_get(header, "as_of")) if header is not None else None),
        "plan": (want_plan, got_plan),
    }
    out = {}
    for name, (want, got) in pairs.items():
        if name == "unit":
            right = got is not None and _fold_name(want) == _fold_name(got)
        elif name == "plan":
            right = (want is None and got is None) or (
                want is not None
                and got is not None
                and _plan_number(want["number"]) == _plan_number(got["number"])
                and (want["date"] is None or want["date"] == got["date"])
            )
        else:
            right = want == got
        out[name] = {"expected": want, "got": got, "right": bool(right)}
    return out


def _plan_number(n: Any) -> str:
    return re.sub(r"\s+", "", str(n or "")).upper()


# --------------------------------------------------------------------------------------------------- places


class Places:
    """The text at a truth place (line, paragraph, cell), and whether a drafted fact comes from there."""

    def __init__(self, report: Path):
        self.report = report
        self._lines: Optional[list[str]] = None
        self._doc = None

    def text(self, place: Place) -> str:
        if place.line is not None:
            if self._lines is None:
                self._lines = report_lines(self.report)
            return self._lines[place.line - 1] if place.line <= len(self._lines) else ""
        doc = self._docx()
        if place.paragraph is not None:
            paras = doc.paragraphs
            return paras[place.paragraph - 1].text if place.paragraph <= len(paras) else ""
        return docx_cell(doc, place.cell or "")

    def _docx(self):
        if self._doc is None:
            from docx import Document

            self._doc = Document(str(self.report))
        return self._doc

    def holds(self, place: Place, draft: Any) -> bool:
        if place.line is not None and getattr(draft, "line", None) == place.line:
            return True
        cell = getattr(draft, "cell", None)
        if place.cell is not None and cell and re.sub(r"^Bảng\s*", "T", cell) == place.cell:
            return True
        here = _flat(self.text(place))
        quote = _flat(getattr(draft, "quote", "") or "")
        return bool(here and quote) and (quote in here or here in quote)


def report_lines(report: Path) -> list[str]:
    """The lines a truth file's ``line:`` counts: the file's own lines, or for a PDF the lines of its text layer as
    chitieu reads it (one per paragraph)."""
    if report.suffix.lower() == ".pdf":
        from chitieu.reporttext import read_report

        return list(read_report(report).lines)
    return report.read_text(encoding="utf-8").split("\n")


def docx_cell(doc: Any, ref: str) -> str:
    """The text of cell ``T2!C4`` (table 2, column C, row 4; all 1-based) of a python-docx Document, or ''."""
    m = re.fullmatch(r"T(\d+)!([A-Z]+)(\d+)", ref)
    if not m:
        return ""
    t, col, row = int(m.group(1)), 0, int(m.group(3))
    for ch in m.group(2):
        col = col * 26 + ord(ch) - 64
    if not 1 <= t <= len(doc.tables):
        return ""
    rows = doc.tables[t - 1].rows
    if not 1 <= row <= len(rows):
        return ""
    cells = rows[row - 1].cells
    return cells[col - 1].text if 1 <= col <= len(cells) else ""


def _flat(text: str) -> str:
    return clean(text).replace("“", '"').replace("”", '"').casefold()


# --------------------------------------------------------------------------------------------------- one report


@dataclass
class ReportResult:
    truth: Truth
    drafts: list[Any]
    matching: Matching
    header: dict[str, dict]
    error: Optional[str] = None
    look_alikes: list[tuple[MustNotFill, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.truth.report.name


def run_intake(cat: Catalogue, report: Path) -> tuple[list[Any], Any, Optional[str]]:
    """(drafted facts, header, None), or ([], None, why) when the intake cannot read the report."""
    from chitieu.intake import extract
    from chitieu.reporttext import read_report

    try:
        ex = extract(cat, read_report(report))
    except InputError as exc:
        return [], None, "; ".join(d.render() for d in exc.diagnostics)
    except Exception as exc:  # noqa: BLE001 - the benchmark reports any failure of the intake and goes on
        return [], None, f"{type(exc).__name__}: {exc}"
    return list(ex.facts), ex.header, None


def evaluate_report(cat: Catalogue, truth: Truth) -> ReportResult:
    drafts, header, error = run_intake(cat, truth.report)
    m = match(truth.data.facts, drafts)
    result = ReportResult(truth, drafts, m, header_fields(truth.data, header), error)
    if not error:
        result.look_alikes = find_look_alikes(Places(truth.report), truth.data.must_not_fill, drafts)
    return result


def find_look_alikes(
    places: Places, entries: Iterable[MustNotFill], drafts: list[Any]
) -> list[tuple[MustNotFill, Any]]:
    """The drafted facts that come from a look-alike: same indicator, same place (by line, cell or quote) and, when
    the entry names the look-alike's value (and period), that value (in that period)."""
    out = []
    for entry in entries:
        for d in drafts:
            if d.indicator != entry.indicator or not places.holds(entry, d):
                continue
            if entry.canon is not None and canon_draft(d) != entry.canon:
                continue
            if entry.period is not None and period_key(d.period) != entry.period.key:
                continue
            out.append((entry, d))
    return out


# --------------------------------------------------------------------------------------------------- a set


@dataclass
class SetResult:
    name: str
    folder: Path
    reports: list[ReportResult] = field(default_factory=list)
    truth_errors: list[str] = field(default_factory=list)

    def by_indicator(self) -> dict[str, Score]:
        out: dict[str, Score] = {}
        for r in self.reports:
            for key, s in score_by_indicator(r.truth.data.facts, r.drafts, r.matching).items():
                out.setdefault(key, Score()).add(s)
        return dict(sorted(out.items()))

    def overall(self) -> Score:
        total = Score()
        for s in self.by_indicator().values():
            total.add(s)
        return total

    def header_right(self) -> dict[str, int]:
        return {f: sum(r.header[f]["right"] for r in self.reports) for f in HEADER_FIELDS}


def evaluate_set(cat: Catalogue, name: str, folder: Path) -> SetResult:
    result = SetResult(name, folder)
    for path in truth_files(folder):
        try:
            truth = load_truth(path)
        except InputError as exc:
            result.truth_errors += [d.render() for d in exc.diagnostics]
            continue
        if not truth.report.is_file():
            line, col = load_yaml(path).where(("report",))
            result.truth_errors.append(f"{path}:{line}:{col}: error[io]: the report '{truth.data.report}' is not there")
            continue
        result.reports.append(evaluate_report(cat, truth))
    return result


# --------------------------------------------------------------------------------------------------- output


def _pct(x: Optional[float]) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def _where_draft(d: Any) -> str:
    cell = getattr(d, "cell", None)
    return str(cell) if cell else f"dòng {getattr(d, 'line', '?')}"


def _expected_for(r: ReportResult, indicator: str, period: str) -> Optional[TruthFact]:
    return next((t for t in r.truth.data.facts if t.indicator == indicator and t.period.key == period), None)


def render_text(sets: list[SetResult]) -> str:
    out: list[str] = []
    for s in sets:
        total = s.overall()
        out.append(f"== {s.name} set ({_rel(s.folder)}): {len(s.reports)} reports, {total.truth} facts in the truth")
        out.append(f"{'indicator':<42} {'truth':>5} {'drafted':>7} {'matched':>7} {'recall':>7} {'precision':>9}")
        for key, sc in s.by_indicator().items():
            out.append(
                f"{key:<42} {sc.truth:>5} {sc.drafted:>7} {sc.matched:>7} {_pct(sc.recall):>7} {_pct(sc.precision):>9}"
            )
        out.append(
            f"{'overall':<42} {total.truth:>5} {total.drafted:>7} {total.matched:>7} {_pct(total.recall):>7} "
            f"{_pct(total.precision):>9}"
        )
        right = s.header_right()
        out.append("")
        out.append("header fields right: " + ", ".join(f"{f} {right[f]}/{len(s.reports)}" for f in HEADER_FIELDS))
        out.append(f"{'report':<34} " + " ".join(f"{f:>5}" for f in HEADER_FIELDS) + "  facts  note")
        for r in s.reports:
            marks = " ".join(f"{'✓' if r.header[f]['right'] else '✗':>5}" for f in HEADER_FIELDS)
            sc = Score(len(r.truth.data.facts), len(r.drafts), len(r.matching.matched))
            note = f"intake failed: {r.error}" if r.error else ""
            out.append(f"{r.name:<34} {marks}  {sc.matched:>2}/{sc.truth:<3} {note}")
        wrong = [(r, f) for r in s.reports for f in HEADER_FIELDS if not r.header[f]["right"]]
        if wrong:
            out.append("")
            out.append("header fields wrong (expected → got):")
            for r, f in wrong:
                h = r.header[f]
                out.append(f"  {r.name}: {f}: {_plain(h['expected'])} → {_plain(h['got'])}")
        out.append("")
        out.append("misses (place, indicator, period: expected → got):")
        for r in s.reports:
            for t in r.matching.misses:
                got = [d for d in r.drafts if d.indicator == t.indicator and period_key(d.period) == t.period.key]
                shown = ", ".join(show(canon_draft(d)) for d in got) or "nothing"
                out.append(f"  {r.name}:{t.where} {t.indicator} {t.period.key}: {show(canon_truth(t))} → {shown}")
        out.append("")
        out.append("false positives (place, indicator, period: got ≠ expected):")
        for r in s.reports:
            for d in r.matching.false_positives:
                t = _expected_for(r, d.indicator, period_key(d.period))
                want = show(canon_truth(t)) if t else "no such fact"
                out.append(
                    f"  {r.name}:{_where_draft(d)} {d.indicator} {period_key(d.period)}: "
                    f"{show(canon_draft(d))} ≠ {want}  «{_short(getattr(d, 'quote', ''))}»"
                )
        if any(r.look_alikes for r in s.reports):
            out.append("")
            out.append("look-alikes that filled an indicator (must_not_fill):")
            for r in s.reports:
                for entry, d in r.look_alikes:
                    out.append(f"  {r.name}:{entry.where} {entry.indicator}: {show(canon_draft(d))} ({entry.reason})")
        for e in s.truth_errors:
            out.append(f"truth file error: {e}")
        out.append("")
    return "\n".join(out)


def _plain(v: Any) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, dict):
        return " ".join(str(x) for x in v.values() if x)
    return str(v)


def _short(text: str, n: int = 70) -> str:
    text = clean(text or "")
    return text if len(text) <= n else text[: n - 1] + "…"


def _rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def _fact_json(t: TruthFact) -> dict:
    return {"indicator": t.indicator, "period": t.period.key, "value": show(canon_truth(t)), "place": t.where}


def _draft_json(d: Any) -> dict:
    return {
        "indicator": d.indicator,
        "period": period_key(d.period),
        "value": show(canon_draft(d)),
        "place": _where_draft(d),
        "quote": clean(getattr(d, "quote", "") or ""),
    }


def to_json(sets: list[SetResult]) -> dict:
    doc: dict[str, Any] = {"schema": EVAL_SCHEMA, "sets": []}
    for s in sets:
        doc["sets"].append(
            {
                "name": s.name,
                "folder": _rel(s.folder),
                "overall": s.overall().as_dict(),
                "indicators": {k: v.as_dict() for k, v in s.by_indicator().items()},
                "header_right": s.header_right(),
                "reports": [
                    {
                        "report": r.name,
                        "error": r.error,
                        "score": Score(len(r.truth.data.facts), len(r.drafts), len(r.matching.matched)).as_dict(),
                        "header": r.header,
                        "misses": [_fact_json(t) for t in r.matching.misses],
                        "false_positives": [_draft_json(d) for d in r.matching.false_positives],
                        "look_alikes": [
                            dict(_draft_json(d), must_not_fill=entry.where, reason=entry.reason)
                            for entry, d in r.look_alikes
                        ],
                    }
                    for r in s.reports
                ],
                "truth_errors": s.truth_errors,
            }
        )
    return doc


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, help="folders of reports with truth files (default: both sets)")
    ap.add_argument("--json", action="store_true", help="print a JSON document instead of the tables")
    ap.add_argument("--rules", type=Path, default=None, help="the rule catalogue folder (default: the installed one)")
    args = ap.parse_args(argv)
    sets = [(p.name, p) for p in args.folders] if args.folders else list(DEFAULT_SETS)
    cat = load_catalogue(args.rules) if args.rules else load_catalogue()
    results = [evaluate_set(cat, name, folder) for name, folder in sets]
    if args.json:
        print(json.dumps(to_json(results), ensure_ascii=False, indent=1, default=str))
    else:
        print(render_text(results))
    return 2 if any(s.truth_errors for s in results) else 0


if __name__ == "__main__":
    sys.exit(main())
