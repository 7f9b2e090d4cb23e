"""Measuring: the facts of one indicator in one period, reduced to an interval of possible values (or a claim).

Python does what durable_rules cannot — choose the facts of a period, count and sum them, divide — so that the Rete
receives one observation per rule and period. A value reported exactly is an interval of width zero; "trên 50%" is
an interval open at 50; a year with no fact leaves a total open above.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Optional

from . import vi
from .model import Bound, Indicator, Measure

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .facts import CommuneFacts, LoadedFact
    from .periods import Window

HUNDRED = Decimal(100)


def end_text(x: Optional[Decimal]) -> str:
    """One end of an interval as a message shows it: the number, or ∞ for an open end."""
    return "∞" if x is None else str(x)


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
    claim: Optional[bool] = None  # a bare claim: achieved / not achieved
    claimed: bool = False  # the value rests on the report's assertion only
    awaiting: bool = False
    facts: list["LoadedFact"] = field(default_factory=list)
    items_with: list[str] = field(default_factory=list)
    items_without: list[str] = field(default_factory=list)
    owned_by_others: list[tuple[str, str]] = field(default_factory=list)  # (item, the body that founded it)
    level: Optional[str] = None  # the level key, for level indicators
    notes: list[str] = field(default_factory=list)
    evidence_notes: list[str] = field(default_factory=list)
    via_claim: bool = False  # came from the rule's claim fallback
    wrong_document: bool = False  # "yes", but on a document of another kind than the task requires
    ratio: Optional[tuple[Decimal, Decimal]] = None  # numerator and denominator of a ratio measure

    @property
    def evidence_level(self) -> str:
        if self.claim is not None or self.claimed:
            return "claimed"
        if self.interval is not None and not self.interval.exact:
            return "bound"
        return "computed"


def facts_in(commune: "CommuneFacts", key: str, window: "Window") -> list["LoadedFact"]:
    if window.kind == "annual":  # a year's own figures (the first test below), looked up rather than searched for
        found = commune.in_year(key, window.years[0])
        if found or window.as_of.year != window.years[0]:
            return found
        # none for the year: a state the latest report gives at its date within that year ("tỷ lệ hồ sơ … đạt
        # 72%", read as the state at the report's date) is the year's figure so far
        return [
            lf
            for lf in commune.by_indicator().get(key, ())
            if lf.fact.period.kind == "as_of" and lf.report.as_of == window.as_of
        ]
    out = []
    for lf in commune.by_indicator().get(key, ()):
        f = lf.fact
        if window.kind == "annual" and f.period.kind == "year" and f.period.start == window.years[0]:
            out.append(lf)
        elif (
            window.kind == "cumulative"
            and f.period.kind != "as_of"
            and window.years[0] <= f.period.start
            and f.period.end <= window.years[-1]
        ):
            out.append(lf)
        elif f.period.kind == "as_of" and lf.report.as_of != window.as_of:
            continue  # the state as of an earlier report, superseded by the latest report's
        elif window.kind == "as_of" and f.period.kind == "as_of":
            out.append(lf)
        elif window.kind == "deadline" and (
            f.period.kind == "as_of" or window.years[0] <= f.period.start <= window.years[-1]
        ):
            out.append(lf)
    if window.kind == "deadline":
        # the state as of the report first, then the latest year: what counts by a deadline is the latest word
        out.sort(key=lambda lf: (lf.fact.period.kind != "as_of", -lf.fact.period.end))
    return out


def issued_by(decision, issuer: str) -> bool:
    """Is the decision the report's own issuing body's ('UBND xã Nghi Văn', however spelt or abbreviated)?"""
    if decision is None or not decision.issuer:
        return False
    return _body(decision.issuer) == _body(issuer)


def _body(name: str) -> str:
    folded = " ".join(vi.fold(name).lower().split())
    return folded.replace("uy ban nhan dan", "ubnd")


def interval_of(ind: Indicator, lf: "LoadedFact") -> Interval:
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


def _measure_one(cat: "Catalogue", cf: "CommuneFacts", key: str, aggregate: str, w: "Window") -> Optional[Measured]:
    ind = cat.indicators[key]
    facts = facts_in(cf, key, w)
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
        out.interval = interval_of(ind, lf)
        if ind.type == "level" and isinstance(lf.fact.value, str):
            out.level = lf.fact.value
            index = ind.level_index(lf.fact.value)
            assert ind.levels is not None and index is not None  # facts are checked against the indicator's levels
            level = ind.levels[index]
            if level.note:
                out.notes.append(level.note)
        return out
    # count / sum over the window's years; a year with no fact leaves the total open above
    by_span: dict[tuple[int, int], list["LoadedFact"]] = {}
    for lf in facts:
        by_span.setdefault((lf.fact.period.start, lf.fact.period.end), []).append(lf)
    whole = by_span.get((w.years[0], w.years[-1])) if w.kind == "cumulative" and len(w.years) > 1 else None
    chosen: list["LoadedFact"]
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
                # an item founded by another body (the Đoàn, the Mặt trận) belongs to that body's register: it is
                # counted as the report counts it, but never as evidence for this unit's target — unless the unit's
                # own body recognised it by its decision (a model of the xã that the Hội Phụ nữ carries out)
                other = item.owner and not issued_by(item.decision, lf.report.issuer)
                (out.items_with if item.decision and not other else out.items_without).append(item.name)
                if other and item.owner:
                    out.owned_by_others.append((item.name, item.owner))
        else:
            total = total + interval_of(ind, lf)
    missing_years = [y for y in w.years if y not in covered] if w.kind in ("annual", "cumulative") else []
    if missing_years:
        total = Interval(total.lo, None, total.lx, False)
        out.notes.append("không có số liệu năm " + ", ".join(str(y) for y in missing_years))
    out.facts = chosen
    out.interval = total
    return out


def _document_evidence(m: Measure, out: Measured) -> None:
    """A result that needs its document (a plan issued, khu dân cư recognised): without one it rests on the report's
    word. A yes/no task that names a document of another kind than it requires (a Thông báo where a Kế hoạch is
    asked for) is not done: the answer becomes "no", and the note says why."""
    for lf in out.facts:
        doc = lf.fact.document
        value = lf.fact.value
        if value is None or value is False:
            continue
        if doc is None:
            out.claimed = True
            out.evidence_notes.append("Báo cáo không dẫn văn bản (số, ngày) làm căn cứ.")
        elif m.document_kinds and (doc.kind or "") not in m.document_kinds:
            wanted = " hoặc ".join(m.document_kinds)
            out.evidence_notes.append(
                f"Văn bản dẫn chứng là {doc.kind or 'văn bản không rõ loại'} số {doc.number}, không phải {wanted}."
            )
            if value is True:
                out.interval = Interval(Decimal(0), Decimal(0))
                out.wrong_document = True
            else:
                out.claimed = True


def measure(cat: "Catalogue", commune: "CommuneFacts", m: Measure, window: "Window") -> Optional[Measured]:
    main = _measure_one(cat, commune, m.of, m.aggregate, window)
    if main is not None and m.evidence and cat.indicators[m.of].type != "items":
        _document_evidence(m, main)
    if main is not None and m.per and main.claim is None:
        den = _measure_one(cat, commune, m.per, "value" if m.aggregate == "value" else "sum", window)
        if den is None or den.interval is None or not den.interval.exact or not den.interval.lo:
            partial = main
            main = None
            if den is None:
                partial.notes.append(f"không có số liệu “{cat.indicators[m.per].name}”")
            elif den.interval is not None and den.interval.exact and not den.interval.lo:
                partial.notes.append(f"“{cat.indicators[m.per].name}” bằng 0")
            kept_notes, kept_facts = partial.notes, partial.facts
        else:
            assert main.interval is not None and den.interval.lo is not None  # a figure of its own; den.interval exact
            if main.interval.exact and main.interval.lo is not None:
                main.ratio = (main.interval.lo, den.interval.lo)
            main.interval = main.interval.scale(HUNDRED / den.interval.lo)
            main.facts = main.facts + den.facts
            main.notes += den.notes
            main.claimed = main.claimed or den.claimed
            kept_notes, kept_facts = [], []
    else:
        kept_notes, kept_facts = [], []
    if main is None and m.claim:
        fallback = _measure_one(cat, commune, m.claim, "value", window)
        if fallback is not None:
            fallback.claimed = True
            fallback.via_claim = True
            fallback.notes = kept_notes + fallback.notes
            fallback.facts = kept_facts + fallback.facts
            return fallback
    if main is None and kept_facts:
        return Measured(facts=kept_facts, notes=kept_notes)  # context for the message; still no value
    return main
