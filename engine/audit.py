"""An audit: the periods each rule is judged over, the observations asserted into the Rete, and the findings.

Python does what durable_rules cannot — choose the facts of a period, count and sum them, divide — and hands the
network one observation per rule and period. The network decides the status; this module only turns the branch that
fired into a finding with its numbers, evidence and Vietnamese message.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Iterator, Optional

from . import templates, vi
from .catalogue import Catalogue, LoadedRule
from .compiler import (
    NEG_INF,
    OBS,
    POS_INF,
    WAIVER,
    CompiledCatalogue,
    compile_catalogue,
    day_number,
    limit_problems,
    extreme_value,
    scaled,
)
from .facts import CommuneFacts, LoadedFact, LoadedWaiver
from .model import (
    Bound,
    BoundOut,
    CommuneOut,
    EvidenceOut,
    FactOut,
    Finding,
    Indicator,
    Measure,
    PeriodOut,
    SourceOut,
    TargetOut,
    WaiverOut,
)
from .diagnostics import InputError
from .runtime import Activation, EngineError, Runtime

HUNDRED = Decimal(100)


# --------------------------------------------------------------------------------------------------- periods

@dataclass(frozen=True)
class Window:
    """The period a rule is judged over for one commune."""

    kind: str
    key: str
    start: dt.date
    end: dt.date
    years: tuple[int, ...]
    deadline: Optional[dt.date]
    as_of: dt.date

    @property
    def open(self) -> bool:
        """Not yet over at the as-of date: a year in progress, or a deadline still ahead."""
        if self.kind == "as_of":
            return False
        limit = self.deadline if self.kind == "deadline" else self.end
        return self.as_of < limit

    @property
    def partial(self) -> bool:
        return self.kind in ("annual", "cumulative") and self.as_of < self.end

    @property
    def label(self) -> str:
        if self.kind == "annual":
            return f"năm {self.years[0]}"
        if self.kind == "cumulative":
            return f"giai đoạn {self.years[0]}–{self.years[-1]}" if len(self.years) > 1 else f"năm {self.years[0]}"
        if self.kind == "deadline":
            return f"hạn {vi.date(self.deadline)}" if self.deadline else ""
        return f"đến ngày {vi.date(self.as_of)}"

    def out(self) -> PeriodOut:
        return PeriodOut.model_construct(key=self.key, kind=self.kind, label=self.label, start=self.start, end=self.end,
                         deadline=self.deadline, partial=self.partial)


def _year_window(kind: str, first: int, last: int, as_of: dt.date) -> Window:
    key = str(first) if first == last and kind == "annual" else f"{first}-{last}"
    end = dt.date(last, 12, 31)
    return Window(kind, key, dt.date(first, 1, 1), end, tuple(range(first, last + 1)), end, as_of)


def rule_indicators(lr: LoadedRule) -> list[str]:
    r = lr.rule
    keys = []
    for m in (r.measure, r.stated, r.computed.measure if r.computed else None):
        if m is not None:
            keys += [k for k in (m.of, m.per, m.claim) if k]
    return keys


def windows_for(lr: LoadedRule, cf: CommuneFacts) -> list[Window]:
    r = lr.rule
    p = r.period
    doc_span = lr.document.period
    first = p.from_ if p.from_ is not None else doc_span.from_
    last = p.to if p.to is not None else doc_span.to
    as_of = cf.as_of
    if p.kind == "annual":
        years = set(cf.report_years)
        index = cf.by_indicator()
        for key in rule_indicators(lr):
            years.update(lf.fact.period.start for lf in index.get(key, ()) if lf.fact.period.kind == "year")
        chosen = sorted(y for y in years if first <= y <= last and y <= as_of.year)
        return [_year_window("annual", y, y, as_of) for y in chosen]
    if p.kind == "cumulative":
        return [_year_window("cumulative", first, max(first, min(last, as_of.year)), as_of)]
    if p.kind == "deadline":
        assert p.deadline is not None
        return [Window("deadline", f"by-{p.deadline.isoformat()}", dt.date(first, 1, 1), p.deadline,
                       tuple(range(first, p.deadline.year + 1)), p.deadline, as_of)]
    start = min(rep.period.from_ for rep in cf.reports)
    return [Window("as_of", "as_of", start, as_of, tuple(range(start.year, as_of.year + 1)), None, as_of)]


# --------------------------------------------------------------------------------------------------- measuring

@dataclass
class Interval:
    lo: Optional[Decimal]
    hi: Optional[Decimal]
    lx: bool = False
    hx: bool = False

    @property
    def exact(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    def __add__(self, other: "Interval") -> "Interval":
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi, self.lx or other.lx, self.hx or other.hx)

    def scale(self, factor: Decimal) -> "Interval":
        lo = None if self.lo is None else self.lo * factor
        hi = None if self.hi is None else self.hi * factor
        return Interval(lo, hi, self.lx, self.hx)


@dataclass
class Measured:
    interval: Optional[Interval] = None
    claim: Optional[bool] = None        # a bare claim: achieved / not achieved
    claimed: bool = False               # the value rests on the report's assertion only
    awaiting: bool = False
    facts: list[LoadedFact] = field(default_factory=list)
    items_with: list[str] = field(default_factory=list)
    items_without: list[str] = field(default_factory=list)
    level: Optional[str] = None         # the level key, for level indicators
    notes: list[str] = field(default_factory=list)
    evidence_notes: list[str] = field(default_factory=list)
    via_claim: bool = False             # came from the rule's claim fallback

    @property
    def evidence_level(self) -> str:
        if self.claim is not None or self.claimed:
            return "claimed"
        if self.interval is not None and not self.interval.exact:
            return "bound"
        return "computed"


def _facts_in(cf: CommuneFacts, key: str, w: Window) -> list[LoadedFact]:
    out = []
    for lf in cf.by_indicator().get(key, ()):
        f = lf.fact
        if w.kind == "annual" and f.period.kind == "year" and f.period.start == w.years[0]:
            out.append(lf)
        elif w.kind == "cumulative" and f.period.kind != "as_of" and w.years[0] <= f.period.start and f.period.end <= w.years[-1]:
            out.append(lf)
        elif f.period.kind == "as_of" and lf.report.as_of != w.as_of:
            continue  # the state as of an earlier report, superseded by the latest report's
        elif w.kind == "as_of" and f.period.kind == "as_of":
            out.append(lf)
        elif w.kind == "deadline" and (f.period.kind == "as_of" or w.years[0] <= f.period.start <= w.years[-1]):
            out.append(lf)
    if w.kind == "deadline":
        # the state as of the report first, then the latest year: what counts by a deadline is the latest word
        out.sort(key=lambda lf: (lf.fact.period.kind != "as_of", -lf.fact.period.end))
    return out


def _interval_of(ind: Indicator, lf: LoadedFact) -> Interval:
    v = lf.fact.value
    if isinstance(v, bool):
        return Interval(Decimal(int(v)), Decimal(int(v)))
    if isinstance(v, str):
        idx = Decimal(ind.level_index(v) or 0)
        return Interval(idx, idx)
    if isinstance(v, Bound):
        lo, lx = (v.gt, True) if v.gt is not None else (v.gte if v.gte is not None else ind.lower, False)
        hi, hx = (v.lt, True) if v.lt is not None else (v.lte if v.lte is not None else ind.upper, False)
        return Interval(lo, hi, lx, hx)
    assert isinstance(v, Decimal)
    return Interval(v, v)


def _measure_one(cat: Catalogue, cf: CommuneFacts, key: str, aggregate: str, w: Window) -> Optional[Measured]:
    ind = cat.indicators[key]
    facts = _facts_in(cf, key, w)
    if not facts:
        return None
    out = Measured(facts=list(facts))
    out.awaiting = any(lf.fact.awaiting_appraisal for lf in facts)
    out.claimed = any(lf.fact.basis == "claimed" for lf in facts)
    out.notes = [lf.fact.note for lf in facts if lf.fact.note]
    claims = [lf.fact.claim for lf in facts if lf.fact.claim is not None]
    if claims and len(claims) == len(facts):
        out.claim = all(c == "achieved" for c in claims)
        return out
    facts = [lf for lf in facts if lf.fact.claim is None]
    if aggregate == "value":
        if w.kind == "cumulative":
            span = [lf for lf in facts if (lf.fact.period.start, lf.fact.period.end) == (w.years[0], w.years[-1])]
            if not span:
                return None
            facts = span
        lf = facts[0]
        out.facts = [lf]
        out.interval = _interval_of(ind, lf)
        if ind.type == "level" and isinstance(lf.fact.value, str):
            out.level = lf.fact.value
            level = ind.levels[ind.level_index(lf.fact.value)]
            if level.note:
                out.notes.append(level.note)
        return out
    # count / sum over the window's years; a year with no fact leaves the total open above
    by_span: dict[tuple[int, int], list[LoadedFact]] = {}
    for lf in facts:
        by_span.setdefault((lf.fact.period.start, lf.fact.period.end), []).append(lf)
    whole = by_span.get((w.years[0], w.years[-1])) if w.kind == "cumulative" and len(w.years) > 1 else None
    chosen: list[LoadedFact]
    if whole and not any(s[0] == s[1] for s in by_span):
        chosen = whole[:1]
        covered = set(w.years)
    else:
        chosen = [group[0] for span, group in sorted(by_span.items()) if span[0] == span[1] or w.kind != "cumulative"]
        covered = {lf.fact.period.start for lf in chosen} if w.kind != "as_of" else set(w.years)
    total = Interval(Decimal(0), Decimal(0))
    for lf in chosen:
        if lf.fact.items is not None:
            n = Decimal(len(lf.fact.items))
            total = total + Interval(n, n)
            for item in lf.fact.items:
                (out.items_with if item.decision else out.items_without).append(item.name)
        else:
            total = total + _interval_of(ind, lf)
    missing_years = [y for y in w.years if y not in covered] if w.kind in ("annual", "cumulative") else []
    if missing_years:
        total = Interval(total.lo, None, total.lx, False)
        out.notes.append("không có số liệu năm " + ", ".join(str(y) for y in missing_years))
    out.facts = chosen
    out.interval = total
    return out


def _document_evidence(m: Measure, out: Measured) -> None:
    """A yes/no result that needs a document: without one (or with one of another kind) it rests on a claim."""
    for lf in out.facts:
        doc = lf.fact.document
        if lf.fact.value is not True:
            continue
        if doc is None:
            out.claimed = True
            out.evidence_notes.append("Báo cáo không dẫn văn bản (số, ngày) làm căn cứ.")
        elif m.document_kinds and (doc.kind or "") not in m.document_kinds:
            out.claimed = True
            out.evidence_notes.append(f"Văn bản dẫn chứng là {doc.kind or 'văn bản không rõ loại'} số {doc.number}, "
                                      f"không phải {' hoặc '.join(m.document_kinds)}.")


def measure(cat: Catalogue, cf: CommuneFacts, m: Measure, w: Window) -> Optional[Measured]:
    main = _measure_one(cat, cf, m.of, m.aggregate, w)
    if main is not None and m.evidence and cat.indicators[m.of].type == "boolean":
        _document_evidence(m, main)
    if main is not None and m.per and main.claim is None:
        den = _measure_one(cat, cf, m.per, "value" if m.aggregate == "value" else "sum", w)
        if den is None or den.interval is None or not den.interval.exact or not den.interval.lo:
            partial = main
            main = None
            if den is None:
                partial.notes.append(f"không có số liệu “{cat.indicators[m.per].name}”")
            elif den.interval is not None and den.interval.exact and not den.interval.lo:
                partial.notes.append(f"“{cat.indicators[m.per].name}” bằng 0")
            kept_notes, kept_facts = partial.notes, partial.facts
        else:
            main.interval = main.interval.scale(HUNDRED / den.interval.lo)
            main.facts = main.facts + den.facts
            main.notes += den.notes
            main.claimed = main.claimed or den.claimed
            kept_notes, kept_facts = [], []
    else:
        kept_notes, kept_facts = [], []
    if main is None and m.claim:
        fallback = _measure_one(cat, cf, m.claim, "value", w)
        if fallback is not None:
            fallback.claimed = True
            fallback.via_claim = True
            fallback.notes = kept_notes + fallback.notes
            fallback.facts = kept_facts + fallback.facts
            return fallback
    if main is None and kept_facts:
        return Measured(facts=kept_facts, notes=kept_notes)  # context for the message; still no value
    return main


# --------------------------------------------------------------------------------------------------- observations

@dataclass
class Observation:
    lr: LoadedRule
    window: Window
    measured: Optional[Measured]
    target: Optional[Decimal] = None          # the threshold for this period, in the rule's unit
    band: tuple[Optional[Decimal], Optional[Decimal]] = (None, None)
    counts: dict[str, int] = field(default_factory=dict)
    computed: Optional[Measured] = None       # claim checks: the recomputed side
    extra_notes: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"o|{self.lr.id}|{self.window.key}"

    @property
    def kind(self) -> str:
        m = self.measured
        if self.lr.rule.kind == "all_of":
            return "v"
        if m is None or (m.interval is None and m.claim is None):
            return "x"
        if self.lr.rule.kind == "claim_check" and (self.band[0] is None and self.band[1] is None):
            return "x"
        return "c" if m.claim is not None else "v"

    def fact(self) -> dict:
        """The observation as a durable_rules fact: only ints and short ASCII strings."""
        m = self.measured
        iv = m.interval if m and m.interval else Interval(None, None)
        w = self.window
        tl, th = self.band
        fact = {
            "t": OBS, "id": self.id, "r": self.lr.id, "p": w.key, "k": self.kind,
            "lo": scaled(iv.lo, default=NEG_INF), "hi": scaled(iv.hi, default=POS_INF),
            "lx": int(iv.lx), "hx": int(iv.hx),
            "cv": int(bool(m.claim)) if m and m.claim is not None else 0,
            "tg": scaled(self.target),
            "tl": scaled(tl, default=NEG_INF), "th": scaled(th, default=POS_INF),
            "ev": scaled(Decimal(len(m.items_with))) if m else 0,
            "op": int(w.open), "ap": int(bool(m and m.awaiting)),
            # a state "as of" the report applies if the rule set is in force on that date
            "ps": day_number(w.as_of if w.kind == "as_of" else w.start),
            "pe": day_number(w.as_of if w.kind == "as_of" else w.end), "asof": day_number(w.as_of),
        }
        for k in ("n", "nm", "nu", "np", "ni"):
            fact[k] = self.counts.get(k, 0)
        return fact


def _item_notes(lr: LoadedRule, m: Measured) -> list[str]:
    """What an auditor would query about the counted items: another body's model, a decision older than the plan."""
    notes = []
    plan = lr.document
    for lf in m.facts:
        for item in lf.fact.items or ():
            if item.owner:
                notes.append(f"Mô hình “{item.name}” do {item.owner} thành lập nhưng được tính vào chỉ tiêu của "
                             f"{lf.report.issuer}.")
            d = item.decision
            if d is not None and d.date is not None and d.date < plan.date:
                notes.append(f"Quyết định số {d.number} ngày {vi.date(d.date)} (mô hình “{item.name}”) ban hành "
                             f"trước {plan.citation} mà mô hình được tính vào.")
    return notes


def _target_for(cat: Catalogue, lr: LoadedRule, w: Window) -> Optional[Decimal]:
    t = lr.rule.target
    if t is None:
        return None
    if t.value is None:
        return extreme_value(cat, lr)
    if isinstance(t.value, bool):
        return Decimal(int(t.value))
    if isinstance(t.value, str):
        ind = cat.indicators[lr.rule.measure.of]
        return Decimal(ind.level_index(t.value) or 0)
    return t.value * (len(w.years) if t.per_year else 1)


def observe(cat: Catalogue, lr: LoadedRule, w: Window, cf: CommuneFacts, done: dict[str, list[Finding]]) -> Observation:
    r = lr.rule
    if r.kind == "threshold":
        obs = Observation(lr, w, measure(cat, cf, r.measure, w))
        if r.measure.evidence and obs.measured is not None:
            obs.extra_notes += _item_notes(lr, obs.measured)
        obs.target = _target_for(cat, lr, w)
        if r.target and r.target.op == "==" and obs.target is not None:
            obs.band = (obs.target, obs.target)
        return obs
    if r.kind == "claim_check":
        stated = measure(cat, cf, r.stated, w)
        obs = Observation(lr, w, stated)
        tol = r.tolerance if r.tolerance is not None else Decimal(0)
        computed = _computed_side(cat, lr, w, cf, done)
        obs.computed = computed
        if computed is not None:
            obs.extra_notes += computed.notes
        if computed is not None and computed.interval is not None:
            lo, hi = computed.interval.lo, computed.interval.hi
            obs.band = (None if lo is None else lo - tol, None if hi is None else hi + tol)
            obs.target = lo if computed.interval.exact else None
        return obs
    # all_of: count the conclusions of the required rules for this period
    counts = {"n": 0, "nm": 0, "nu": 0, "np": 0, "ni": 0}
    for dep in r.requires:
        for f in _same_period(done.get(dep, []), w.key):
            if f.status == "not_applicable":
                continue
            counts["n"] += 1
            key = {"met": "nm", "waived": "nm", "unmet": "nu", "pending": "np", "insufficient_data": "ni"}[f.status]
            counts[key] += 1
    obs = Observation(lr, w, Measured(interval=Interval(Decimal(counts["nm"]), Decimal(counts["nm"]))))
    obs.counts = counts
    obs.target = Decimal(counts["n"])
    return obs


def _same_period(findings: list[Finding], key: str) -> list[Finding]:
    same = [f for f in findings if f.period.key == key]
    return same or findings


def _computed_side(cat: Catalogue, lr: LoadedRule, w: Window, cf: CommuneFacts, done: dict[str, list[Finding]]) -> Optional[Measured]:
    c = lr.rule.computed
    assert c is not None
    if c.measure is not None:
        return measure(cat, cf, c.measure, w)
    found = _same_period(done.get(c.rule, []), w.key)
    if len(found) != 1:
        return None
    f = found[0]
    value = {"actual": f.actual, "achievement_pct": f.achievement_pct,
             "target": f.target.value if f.target else None}[c.field]
    if value is None or isinstance(value, (bool, str)):
        return None
    d = Decimal(str(value))
    out = Measured(interval=Interval(d, d))
    # what the recomputed figure assumes, from the finding it comes from
    if c.field == "achievement_pct" and f.evidence is not None and f.evidence.counted_on_claim:
        out.notes.append(
            f"Tỷ lệ tính lại {vi.percent(d)} gồm cả {vi.count(f.evidence.counted_on_claim)} mục chưa dẫn quyết định; "
            f"nếu chỉ tính {vi.count(f.evidence.counted_with_evidence)} mục có quyết định thì đạt "
            f"{vi.percent(f.evidence.achievement_pct_evidenced or 0)}.")
    if c.field in ("achievement_pct", "actual") and f.target and f.target.display:
        out.notes.append(f"Chỉ tiêu dùng để tính lại: {f.target.display} ({f.period.label}).")
    if f.period.partial:
        out.notes.append(f"{f.period.label.capitalize()} tính cả năm {f.period.end.year} chưa kết thúc "
                         f"(số liệu đến ngày {vi.date(f.period.end if f.period.end < w.as_of else w.as_of)}).")
    return out


# --------------------------------------------------------------------------------------------------- findings

DEFAULT_MESSAGES = {
    "met": "{title} ({period}): đạt; kết quả {actual}, chỉ tiêu {target}.",
    "unmet": "{title} ({period}): chưa đạt; kết quả {actual}, chỉ tiêu {target}.",
    "pending": "{title} ({period}): chưa đến hạn đánh giá (thời hạn {deadline}); kết quả đến {as_of}: {actual}.",
    "insufficient_data": "{title} ({period}): chưa đủ dữ liệu để đánh giá — {reason}. {notes}",
    "waived": "{title} ({period}): chưa đạt nhưng được miễn trừ — {waiver_reason} (phê duyệt: {waiver_approver}; "
              "hiệu lực đến {waiver_expires}).",
    "not_applicable": "{title} ({period}): không áp dụng — {document} không còn hoặc chưa có hiệu lực cho kỳ này.",
}

REASON_TEXT = {
    "no_fact": "báo cáo không có số liệu về nội dung này",
    "threshold_unknown": "chưa có ngưỡng chỉ tiêu để so sánh (mức chỉ tiêu: {target})",
    "bound_straddles": "báo cáo chỉ nêu cận ({actual}), chưa đủ để so với chỉ tiêu {target}",
    "requirement_missing": "một số tiêu chí thành phần chưa đủ dữ liệu",
    "awaiting_appraisal": "kết quả đang chờ cấp có thẩm quyền thẩm định",
    "counted_on_claim": "một phần kết quả chỉ được báo cáo nêu, chưa dẫn quyết định",
}


def _unit(cat: Catalogue, lr: LoadedRule) -> Optional[str]:
    r = lr.rule
    if r.target and r.target.unit:
        return r.target.unit
    m = r.measure or r.stated
    if m is None:
        return None
    if m.per:
        return "%"
    return cat.indicators[m.of].unit


def _show_interval(iv: Interval, unit: Optional[str], ind: Optional[Indicator]) -> str:
    if ind is not None and ind.type == "boolean" and iv.exact:
        return "có" if iv.lo else "không"
    if ind is not None and ind.type == "level" and iv.exact:
        return ind.level_label(int(iv.lo))
    if iv.exact:
        return vi.quantity(iv.lo, unit)
    parts = []
    if iv.lo is not None and (ind is None or ind.lower is None or iv.lo != ind.lower or iv.lx):
        parts.append(("trên " if iv.lx else "từ ") + vi.quantity(iv.lo, unit))
    if iv.hi is not None and (ind is None or ind.upper is None or iv.hi != ind.upper or iv.hx):
        parts.append(("dưới " if iv.hx else "đến ") + vi.quantity(iv.hi, unit))
    if iv.lo is not None and iv.hi is None and not iv.lx:
        return "ít nhất " + vi.quantity(iv.lo, unit)
    return " ".join(parts) or "không xác định"


def computed_unit(cat: Catalogue, lr: LoadedRule) -> Optional[str]:
    """The unit of the recomputed side of a claim check (a measure's indicator, or the other rule's field)."""
    c = lr.rule.computed
    if c is None:
        return None
    if c.measure is not None:
        return "%" if c.measure.per else cat.indicators[c.measure.of].unit
    if c.field == "achievement_pct":
        return "%"
    return _unit(cat, cat.by_id[c.rule]) if c.rule in cat.by_id else None


def _pct(d: Optional[Decimal]) -> Optional[float]:
    return None if d is None else float(round(d, 4))


def _plain(d: Optional[Decimal]) -> int | float | None:
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(round(d, 4))


def _target_out(cat: Catalogue, lr: LoadedRule, obs: Observation, unit: Optional[str]) -> Optional[TargetOut]:
    r = lr.rule
    t = r.target
    if r.kind == "all_of":
        n = obs.counts.get("n", 0)
        return TargetOut.model_construct(operator="==", value=n, unit=unit or "tiêu chí", threshold_known=True,
                         display=f"đạt tất cả {vi.count(n)} tiêu chí thành phần")
    if r.kind == "claim_check":
        c = obs.computed
        display = (_show_interval(c.interval, computed_unit(cat, lr), None) if c and c.interval
                   else "không tính lại được")
        return TargetOut.model_construct(operator="==", value=_plain(obs.target), unit=unit, threshold_known=obs.target is not None,
                         display=f"bằng số tính lại: {display}")
    if t is None:
        return None
    ind = cat.indicators.get(r.measure.of) if r.measure else None
    if t.value is None:
        return TargetOut.model_construct(operator=t.op, value=None, unit=unit, threshold_known=False,
                         display="chưa xác định (" + (t.unknown_reason or "văn bản không nêu") + ")")
    if isinstance(t.value, bool):
        return TargetOut.model_construct(operator=t.op, value=t.value, unit=unit, threshold_known=True,
                         display="có" if t.value else "không")
    if isinstance(t.value, str):
        label = ind.level_label(ind.level_index(t.value)) if ind else t.value
        return TargetOut.model_construct(operator=t.op, value=t.value, unit=unit, threshold_known=True, display=label)
    op_word = {">=": "ít nhất ", ">": "trên ", "<=": "không quá ", "<": "dưới ", "==": ""}[t.op]
    display = op_word + vi.quantity(obs.target, unit)
    if t.per_year:
        display += f", tức {vi.quantity(t.value, unit)}/năm × {vi.count(len(obs.window.years))} năm"
    return TargetOut.model_construct(operator=t.op, value=_plain(obs.target), unit=unit, threshold_known=True, display=display)


def _cached(cache: dict, key: str, make):
    """Parts of a finding shared by many findings (its commune, source, facts) are built once and shared."""
    value = cache.get(key)
    if value is None:
        value = cache[key] = make()
    return value


@functools.lru_cache(maxsize=4096)
def _period_out(w: Window) -> PeriodOut:
    return w.out()


def _source_out(lr: LoadedRule) -> SourceOut:
    d, r = lr.document, lr.rule
    return SourceOut.model_construct(document=d.id, number=d.number, citation=d.citation, issuer=d.issuer,
                                     clause=r.source.clause, verified=r.source.verified, file=str(lr.path), line=lr.line)


def _fact_out(cat: Catalogue, lf: LoadedFact) -> FactOut:
    f = lf.fact
    ind = cat.indicators.get(f.indicator)
    if f.claim is not None:
        value = "khẳng định: đạt" if f.claim == "achieved" else "khẳng định: không đạt"
    elif f.items is not None:
        value = f"{len(f.items)} mục: " + "; ".join(i.name for i in f.items)
    else:
        value = _show_interval(_interval_of(ind, lf), ind.unit if ind else None, ind) if ind else str(f.value)
    return FactOut.model_construct(indicator=f.indicator, period=f.period.key, value=value, file=str(lf.path), line=lf.line,
                   report_line=f.source.line, quote=f.source.quote)


def _achievement(op: Optional[str], actual: Optional[Interval], target: Optional[Decimal]) -> tuple[Optional[Decimal], Optional[Decimal]]:
    """(% of target achieved, shortfall in the target's unit) — only for exact values against a positive target."""
    if op not in (">=", ">", "<=", "<") or actual is None or not actual.exact or target is None:
        return None, None
    value = actual.lo
    if op in (">=", ">"):
        pct = value / target * HUNDRED if target > 0 else None
        return pct, max(Decimal(0), target - value)
    pct = target / value * HUNDRED if value > 0 else None
    return pct, max(Decimal(0), value - target)


def build_finding(cat: Catalogue, cf: CommuneFacts, obs: Observation, act: Activation,
                  waivers: list[LoadedWaiver]) -> Finding:
    lr, w, m = obs.lr, obs.window, obs.measured
    r = lr.rule
    outcome = act.branch.outcome
    status = outcome.status
    unit = _unit(cat, lr)
    ind = cat.indicators.get(r.measure.of) if r.measure else (cat.indicators.get(r.stated.of) if r.stated else None)
    iv = m.interval if m and r.kind != "all_of" else None
    if r.kind == "all_of":
        actual_value: object = obs.counts.get("nm", 0)
        actual_display = (f"{vi.count(obs.counts.get('nm', 0))}/{vi.count(obs.counts.get('n', 0))} tiêu chí đạt")
        if obs.counts.get("np"):
            actual_display += f", {vi.count(obs.counts['np'])} chờ thẩm định/chưa đến hạn"
        if obs.counts.get("nu"):
            actual_display += f", {vi.count(obs.counts['nu'])} chưa đạt"
        if obs.counts.get("ni"):
            actual_display += f", {vi.count(obs.counts['ni'])} chưa đủ dữ liệu"
    elif m is not None and m.claim is not None:
        actual_value = None
        actual_display = "báo cáo khẳng định " + ("đã đạt" if m.claim else "chưa đạt") + " (không có số liệu)"
    elif iv is not None:
        shown_unit = unit if not (ind and ind.type in ("boolean", "level")) else None
        actual_display = _show_interval(iv, shown_unit, ind if not (r.measure and r.measure.per) else None)
        if ind is not None and ind.type == "level" and iv.exact:
            actual_value = m.level
        elif ind is not None and ind.type == "boolean" and iv.exact:
            actual_value = bool(iv.lo)
        else:
            actual_value = _plain(iv.lo) if iv.exact else None
        if m.via_claim:
            actual_display += " (theo khẳng định của báo cáo)"
    else:
        actual_value, actual_display = None, "không có số liệu"
    bounds: list[BoundOut] = []
    if iv is not None and not iv.exact:
        if iv.lo is not None and not (ind and ind.lower is not None and iv.lo == ind.lower and not iv.lx):
            bounds.append(BoundOut.model_construct(operator=">" if iv.lx else ">=", value=_plain(iv.lo)))
        if iv.hi is not None and not (ind and ind.upper is not None and iv.hi == ind.upper and not iv.hx):
            bounds.append(BoundOut.model_construct(operator="<" if iv.hx else "<=", value=_plain(iv.hi)))
    op = r.target.op if r.target else None
    if r.kind == "threshold" and r.target is not None and r.target.value is not None and not isinstance(r.target.value, (bool, str)):
        pct, gap = _achievement(op, iv, obs.target)
    else:
        pct, gap = None, None
    evidence_level = outcome.evidence or (m.evidence_level if m else "missing")
    if status == "insufficient_data" and outcome.reason == "no_fact":
        evidence_level = "missing"
    if r.kind == "all_of":
        evidence_level = "computed"
    if r.kind == "claim_check" and obs.computed is not None and m is not None and evidence_level != "missing":
        evidence_level = "computed" if m.interval is not None and m.interval.exact else evidence_level
    facts = []
    seen: set[tuple] = set()
    for part in (m, obs.computed):
        for lf in (part.facts if part else []):
            if (lf.path, lf.line) not in seen:
                seen.add((lf.path, lf.line))
                facts.append(_cached(lf.cache, "out", lambda lf=lf: _fact_out(cat, lf)))
    evidence = None
    if r.measure and r.measure.evidence and m is not None and m.claim is None:
        n_with = len(m.items_with)
        pct_ev = (Decimal(n_with) / obs.target * HUNDRED) if obs.target else None
        evidence = EvidenceOut.model_construct(counted_with_evidence=n_with, counted_on_claim=len(m.items_without),
                                               achievement_pct_evidenced=_pct(pct_ev),
                                               items_without_evidence=list(m.items_without))
    waiver_out, notes = _waiver_out(act, waivers, r.id, cf, w)
    evidence_notes = [_as_sentence(n) for n in (m.evidence_notes if m else [])]
    notes = list(dict.fromkeys(_as_sentence(n) for n in evidence_notes + (m.notes if m else []) + obs.extra_notes + notes))
    if w.partial and status != "not_applicable":
        notes.append(f"{w.label.capitalize()} chưa kết thúc: số liệu tính đến ngày {vi.date(w.as_of)}.")
    target = _target_out(cat, lr, obs, unit)
    values = _template_values(cf, lr, obs, target, actual_display, pct, gap, unit, evidence, waiver_out, outcome,
                              notes, computed_unit(cat, lr))
    template = r.messages.get(status) or DEFAULT_MESSAGES[status]
    message = templates.sentence(templates.render(template, values))
    finding = Finding.model_construct(
        rule_id=r.id, title=r.title,
        commune=_cached(cf.cache, "out", lambda: CommuneOut.model_construct(id=cf.commune.id, name=cf.commune.name)),
        period=_period_out(w), status=status, status_label=vi.STATUS_LABELS[status],
        evidence_level=evidence_level, evidence_label=vi.EVIDENCE_LABELS[evidence_level],
        outlook=outcome.outlook if status == "pending" else None, reason=outcome.reason,
        target=target, actual=actual_value, actual_display=actual_display,
        actual_bound=bounds, achievement_pct=_pct(pct), shortfall=_plain(gap),
        severity=r.severity, theme=r.theme, source=_cached(lr.cache, "source", lambda: _source_out(lr)),
        facts=facts, evidence=evidence, waiver=waiver_out, notes=notes, evidence_notes=evidence_notes,
        message=message, fired_by=act.branch.name,
    )
    finding._values = values
    return finding


def _waiver_out(act: Activation, waivers: list[LoadedWaiver], rule_id: str, cf: CommuneFacts, w: Window) -> tuple[Optional[WaiverOut], list[str]]:
    notes: list[str] = []
    chosen = None
    for lw in waivers:
        wv = lw.waiver
        if wv.rule != rule_id or wv.commune != cf.commune.id or wv.period.key != w.key:
            continue
        expired = wv.expires < w.as_of
        if act.waiver_id == lw.id:
            chosen = WaiverOut.model_construct(reason=wv.reason, approver=wv.approver, expires=wv.expires, expired=False,
                               file=str(lw.path), line=lw.line)
        elif expired:
            notes.append(f"Miễn trừ tại {lw.path}:{lw.line} đã hết hạn ngày {vi.date(wv.expires)}; "
                         "chỉ tiêu được đánh giá bình thường.")
            if chosen is None:
                chosen = WaiverOut.model_construct(reason=wv.reason, approver=wv.approver, expires=wv.expires, expired=True,
                                   file=str(lw.path), line=lw.line)
    return chosen, notes


def _template_values(cf, lr, obs, target, actual_display, pct, gap, unit, evidence, waiver, outcome, notes,
                     claim_unit) -> dict[str, str]:
    r = lr.rule
    w = obs.window
    values = {
        "title": r.title, "commune": cf.commune.name, "period": w.label,
        "target": target.display if target else "—", "actual": actual_display, "unit": unit or "",
        "achievement": vi.percent(pct) if pct is not None else "",
        "shortfall": vi.quantity(gap, unit) if gap is not None else "",
        "deadline": vi.date(w.deadline) if w.deadline else "", "as_of": vi.date(w.as_of),
        "document": lr.document.citation, "clause": r.source.clause,
        "evidence": vi.EVIDENCE_LABELS.get(outcome.evidence or "", ""),
        "outlook": vi.OUTLOOK_LABELS.get(outcome.outlook or "", ""),
        "line": ", ".join(str(lf.fact.source.line) for lf in (obs.measured.facts if obs.measured else [])),
    }
    if evidence is not None:
        values["counted_with_evidence"] = vi.count(evidence.counted_with_evidence, unit)
        values["counted_on_claim"] = vi.count(evidence.counted_on_claim, unit)
        if evidence.achievement_pct_evidenced is not None:
            values["achievement_evidenced"] = vi.percent(Decimal(str(evidence.achievement_pct_evidenced)))
    if r.kind == "claim_check":
        m = obs.measured
        values["stated"] = _show_interval(m.interval, unit, None) if m and m.interval else "—"
        c = obs.computed
        values["computed"] = (_show_interval(c.interval, claim_unit, None) if c and c.interval
                              else "không tính lại được")
    if waiver is not None:
        values.update(waiver_reason=waiver.reason, waiver_approver=waiver.approver, waiver_expires=vi.date(waiver.expires))
    reason = REASON_TEXT.get(outcome.reason or "", "")
    values["reason"] = templates.render(reason, values) if reason else ""
    values["notes"] = notes_sentence(notes)
    return values


def _as_sentence(note: str) -> str:
    note = templates.sentence(note.strip())
    return note if note.endswith((".", "!", "?")) else note + "."


def notes_sentence(notes: list[str]) -> str:
    """'Ghi chú: a; b.' from the notes (each lower-cased at the start unless it opens with an acronym)."""
    parts = [n.strip().rstrip(".") for n in notes if n and n.strip()]
    if not parts:
        return ""
    joined = "; ".join(p[:1].lower() + p[1:] if p[1:2].islower() else p for p in parts)
    return f"Ghi chú: {joined}."


# --------------------------------------------------------------------------------------------------- the run

@dataclass
class AuditResult:
    catalogue: Catalogue
    communes: list[CommuneFacts]
    findings: list[Finding]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in vi.STATUS_LABELS}
        for f in self.findings:
            out[f.status] += 1
        return out


def _waiver_fact(lw: LoadedWaiver) -> dict:
    wv = lw.waiver
    return {"t": WAIVER, "id": lw.id, "r": wv.rule, "p": wv.period.key, "exp": day_number(wv.expires)}


def rule_layers(rules: list[LoadedRule]) -> list[list[LoadedRule]]:
    """Rules grouped so that each group reads only the conclusions of earlier groups (asserted together)."""
    ids = {lr.id for lr in rules}
    depth: dict[str, int] = {}
    for lr in rules:  # `rules` is in dependency order (Catalogue.ordered)
        depth[lr.id] = 1 + max((depth[d] for d in lr.rule.dependencies() if d in ids), default=-1)
    layers: list[list[LoadedRule]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for lr in rules:
        layers[depth[lr.id]].append(lr)
    return layers


def audit_commune(cat: Catalogue, runtime: Runtime, cf: CommuneFacts, waivers: list[LoadedWaiver],
                  layers: list[list[LoadedRule]]) -> list[Finding]:
    """Evaluate every rule for one commune inside one durable_rules state, deleted afterwards."""
    ids = {lr.id for layer in layers for lr in layer}
    mine = [lw for lw in waivers if lw.waiver.commune == cf.commune.id and lw.waiver.rule in ids]
    done: dict[str, list[Finding]] = {}
    runtime.begin_state()
    try:
        if mine:
            # waivers go in before the observations: the unmet branch tests their absence ('$not')
            runtime.assert_facts(_waiver_fact(lw) for lw in mine)
        for layer in layers:
            observations = [observe(cat, lr, w, cf, done) for lr in layer for w in windows_for(lr, cf)]
            fired = runtime.assert_facts(o.fact() for o in observations)
            by_obs: dict[str, list[Activation]] = {}
            for a in fired:
                by_obs.setdefault(a.obs_id, []).append(a)
            for o in observations:
                acts = by_obs.get(o.id, [])
                if len(acts) != 1:
                    names = ", ".join(a.branch.name for a in acts) or "none"
                    raise EngineError(f"rule {o.lr.id}, period {o.window.key}: expected one conclusion, got {names}")
                done.setdefault(o.lr.id, []).append(build_finding(cat, cf, o, acts[0], mine))
    finally:
        runtime.end_state()
    findings = [f for layer in layers for lr in layer for f in done.get(lr.id, [])]
    findings.sort(key=sort_key(cat))
    return findings


def sort_key(cat: Catalogue):
    index = {lr.id: lr.index for lr in cat.rules}
    return lambda f: (f.commune.id, index.get(f.rule_id, 10 ** 6), f.rule_id, f.period.start, f.period.key)


def audit_stream(cat: Catalogue, communes: Iterable[CommuneFacts], waivers: Iterable[LoadedWaiver] = (), *,
                 compiled: Optional[CompiledCatalogue] = None, rule_ids: Optional[set[str]] = None,
                 runtime_factory=Runtime) -> Iterator[tuple[CommuneFacts, list[Finding]]]:
    """Audit communes one after another in one durable_rules host (one state each), yielding their findings."""
    waivers = list(waivers)
    rules = cat.ordered(rule_ids)
    compiled = compiled or compile_catalogue(cat, {lr.id for lr in rules} if rule_ids is not None else None)
    by_rule: dict[str, list] = {}
    for b in compiled.branches:
        by_rule.setdefault(b.rule_id, []).append(b)
    problems = limit_problems([(lr, by_rule.get(lr.id, [])) for lr in rules])
    if problems:  # refused here, located, rather than by durable_rules' bare "error code: 106"
        raise InputError(problems)
    layers = rule_layers(rules)
    with runtime_factory(compiled) as runtime:
        for cf in communes:
            yield cf, audit_commune(cat, runtime, cf, waivers, layers)


def run_audit(cat: Catalogue, communes: list[CommuneFacts], waivers: Iterable[LoadedWaiver] = (),
              *, compiled: Optional[CompiledCatalogue] = None, rule_ids: Optional[set[str]] = None,
              runtime_factory=Runtime) -> AuditResult:
    """Audit and keep everything (``runtime_factory`` swaps in the plain-Python evaluator for comparison)."""
    findings: list[Finding] = []
    for _, mine in audit_stream(cat, communes, waivers, compiled=compiled, rule_ids=rule_ids,
                                runtime_factory=runtime_factory):
        findings.extend(mine)
    findings.sort(key=sort_key(cat))
    return AuditResult(cat, list(communes), findings)
