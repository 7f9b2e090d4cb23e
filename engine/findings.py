"""Findings: the branch that fired, turned into the JSON finding with its figures, evidence and Vietnamese message.

The status comes from the Rete; everything here only describes it. The common fields are built here; what differs
by rule kind (the actual value, the target, % achieved and the gap, extra template fields) comes from the kind.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterator, Mapping, Optional

from . import templates, vi
from .measure import Interval, Measured, facts_in, interval_of
from .model import (
    Basis,
    json_number,
    BasisOut,
    BoundOut,
    CommuneOut,
    FactOut,
    FactPeriod,
    Finding,
    Indicator,
    PeriodOut,
    SourceOut,
    TargetOut,
    WaiverOut,
)

if TYPE_CHECKING:
    from .catalogue import Catalogue, LoadedRule
    from .facts import CommuneFacts, LoadedFact, LoadedWaiver
    from .observation import Observation
    from .periods import Window
    from .wire import Activation

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

# the report gives figures for the rule, but not ones it can be computed from (a ratio whose base is 0 or only a bound)
NO_VALUE_FROM_FACTS = "số liệu báo cáo nêu chưa đủ để tính nội dung này"


def _reason_text(reason: Optional[str], m: Optional[Measured]) -> str:
    if reason == "no_fact" and m is not None and m.facts:
        return NO_VALUE_FROM_FACTS
    return REASON_TEXT.get(reason or "", "")


# --------------------------------------------------------------------------------------------------- kind parts


@dataclass
class FindingParts:
    """What a rule kind contributes to a finding beyond the common fields."""

    actual: Any
    actual_display: str
    target: Optional[TargetOut]
    bounds: list[BoundOut] = field(default_factory=list)
    achievement_pct: Optional[Decimal] = None
    shortfall: Optional[Decimal] = None
    shortfall_unit: Optional[str] = None  # the target's own unit: households, not "%"; points for a % gap
    evidence_level: Optional[str] = None  # overrides the measured evidence level
    evidence: Optional[Any] = None  # EvidenceOut, for rules that count documented items
    fields: dict[str, str] = field(default_factory=dict)  # template fields only this kind fills


def basis_out(basis: Basis) -> BasisOut:
    """Where a threshold comes from, as the review sheet shows it."""
    if basis.kind == "assumption":
        text = basis.why or ""
    else:
        text = f"“{basis.quote}”" + (f" ({basis.reference})" if basis.reference else "")
    return BasisOut.model_construct(kind=basis.kind, label=vi.BASIS_LABELS[basis.kind], text=text)


def value_parts(
    cat: "Catalogue", ind: Optional[Indicator], m: Optional[Measured], unit: Optional[str], *, ratio: bool
) -> tuple[Any, str, list[BoundOut]]:
    """(actual value, its display, the bounds shown) for a rule that measures one indicator (or a ratio of two)."""
    iv = m.interval if m else None
    if m is not None and m.claim is not None:
        return None, "báo cáo khẳng định " + ("đã đạt" if m.claim else "chưa đạt") + " (không có số liệu)", []
    if m is None or iv is None:
        return None, "chưa tính được" if m is not None and m.facts else "không có số liệu", []
    shown_unit = unit if not (ind and ind.type in ("boolean", "level")) else None
    display = show_interval(iv, shown_unit, None if ratio else ind)
    if ratio and m.ratio is not None and ind is not None:
        # a share of counts reads as the counts: "04/04 khu dân cư (100%)", "02/05 hộ (40%)"
        num, den = m.ratio
        display = f"{vi.count(num)}/{vi.count(den)}" + (f" {ind.unit}" if ind.unit else "") + f" ({display})"
    value: Any
    if ind is not None and ind.type == "level" and iv.exact:
        value = m.level
    elif ind is not None and ind.type == "boolean" and iv.exact:
        value = bool(iv.lo)
    else:
        value = json_number(iv.lo) if iv.exact else None
    if m.via_claim:
        display += " (theo khẳng định của báo cáo)"
    return value, display, interval_bounds(iv, ind)


def interval_bounds(iv: Interval, ind: Optional[Indicator]) -> list[BoundOut]:
    """The ends of an inexact interval that say something (not the indicator's own range)."""
    bounds: list[BoundOut] = []
    if iv.exact:
        return bounds
    if iv.lo is not None and not (ind and ind.lower is not None and iv.lo == ind.lower and not iv.lx):
        bounds.append(BoundOut.model_construct(operator=">" if iv.lx else ">=", value=json_number(iv.lo)))
    if iv.hi is not None and not (ind and ind.upper is not None and iv.hi == ind.upper and not iv.hx):
        bounds.append(BoundOut.model_construct(operator="<" if iv.hx else "<=", value=json_number(iv.hi)))
    return bounds


def show_interval(iv: Interval, unit: Optional[str], ind: Optional[Indicator]) -> str:
    if iv.exact and iv.lo is not None:  # exact: lo is hi, and set
        if ind is not None and ind.type == "boolean":
            return "có" if iv.lo else "không"
        if ind is not None and ind.type == "level":
            return ind.level_label(int(iv.lo))
        return vi.quantity(iv.lo, unit)
    parts = []
    if iv.lo is not None and (ind is None or ind.lower is None or iv.lo != ind.lower or iv.lx):
        parts.append(("trên " if iv.lx else "từ ") + vi.quantity(iv.lo, unit))
    if iv.hi is not None and (ind is None or ind.upper is None or iv.hi != ind.upper or iv.hx):
        parts.append(("dưới " if iv.hx else "đến ") + vi.quantity(iv.hi, unit))
    if iv.lo is not None and iv.hi is None and not iv.lx:
        return "ít nhất " + vi.quantity(iv.lo, unit)
    return " ".join(parts) or "không xác định"


POINTS = "điểm phần trăm"


def shortfall_text(value: Decimal, unit: Optional[str]) -> str:
    """'03 hộ', '01 mô hình', '10 điểm phần trăm' (a gap between percentages is in points, never in %)."""
    if unit == POINTS:
        return f"{vi.number(value)} {POINTS}"
    return vi.quantity(value, unit)


def pct(d: Optional[Decimal]) -> Optional[float]:
    return None if d is None else float(round(d, 4))


# --------------------------------------------------------------------------------------------------- message fields


@dataclass(slots=True)
class _Described:
    """What one finding's template fields are worked out from."""

    cat: "Catalogue"
    commune: "CommuneFacts"
    rule: "LoadedRule"
    window: "Window"
    measured: Optional[Measured]
    parts: FindingParts
    outcome: Any  # the branch's Outcome
    unit: Optional[str]
    notes: list[str]
    waiver: Optional[WaiverOut]


def _outlook(d: _Described) -> str:
    default = "chưa đủ căn cứ đánh giá" if d.outcome.status == "pending" else ""
    return vi.OUTLOOK_LABELS.get(d.outcome.outlook or "", default)


def _evidence_count(attribute: str) -> Callable[[_Described], Optional[str]]:
    def make(d: _Described) -> Optional[str]:
        evidence = d.parts.evidence
        return None if evidence is None else vi.count(getattr(evidence, attribute), d.unit)

    return make


def _achievement_evidenced(d: _Described) -> Optional[str]:
    share = d.parts.evidence.achievement_pct_evidenced if d.parts.evidence is not None else None
    return None if share is None else vi.percent(Decimal(str(share)))


def _waiver_field(make: Callable[[WaiverOut], str]) -> Callable[[_Described], Optional[str]]:
    return lambda d: None if d.waiver is None else make(d.waiver)


# Each field a template may name, as the work that produces it for one finding; None: the finding has no such field.
# The kind's own fields (FindingParts.fields) come first, except for those below the line, which always win.
_MAKERS: dict[str, Callable[[_Described], Optional[str]]] = {
    "title": lambda d: d.rule.rule.title,
    "commune": lambda d: d.commune.commune.name,
    "period": lambda d: d.window.label,
    "target": lambda d: d.parts.target.display if d.parts.target else "—",
    "actual": lambda d: d.parts.actual_display,
    "unit": lambda d: d.unit or "",
    "achievement": lambda d: vi.percent(d.parts.achievement_pct) if d.parts.achievement_pct is not None else "",
    "shortfall": lambda d: (
        shortfall_text(d.parts.shortfall, d.parts.shortfall_unit or d.unit) if d.parts.shortfall is not None else ""
    ),
    "deadline": lambda d: vi.date(d.window.deadline) if d.window.deadline else "",
    "as_of": lambda d: d.window.as_of_phrase,
    "document": lambda d: d.rule.document.citation,
    "clause": lambda d: d.rule.rule.source.clause,
    "evidence": lambda d: vi.EVIDENCE_LABELS.get(d.outcome.evidence or "", ""),
    "outlook": _outlook,
    "line": lambda d: ", ".join(lf.fact.source.place for lf in (d.measured.facts if d.measured else [])),
    "counted_with_evidence": _evidence_count("counted_with_evidence"),
    "counted_on_claim": _evidence_count("counted_on_claim"),
    "achievement_evidenced": _achievement_evidenced,
}
_ALWAYS_WIN: dict[str, Callable[[_Described], Optional[str]]] = {
    "missing": lambda d: _missing(d.cat, d.rule, d.commune, d.window),
    "topics": lambda d: d.rule.rule.topic or "",
    "cited_document": lambda d: _cited(d.measured),
    "actual_value": lambda d: _bare(d.parts.actual),
    "target_value": lambda d: _bare(d.parts.target.value if d.parts.target else None),
    "waiver_reason": _waiver_field(lambda wv: wv.reason),
    "waiver_approver": _waiver_field(lambda wv: wv.approver),
    "waiver_expires": _waiver_field(lambda wv: vi.date(wv.expires)),
    "notes": lambda d: notes_sentence(d.notes),
}
_MAKERS.update(_ALWAYS_WIN)
REASON = "reason"
_NOT_THE_KINDS = frozenset(_ALWAYS_WIN) | {REASON}


class FindingValues(Mapping[str, str]):
    """The values a message template can name (templates.FIELDS) for one finding, each worked out when a template
    first reads it and then kept: a finding's message names a handful, the drafted narrative a few more, and the
    JSON needs no others. A field the finding does not have (a waiver's, for a finding without one) is absent, which a
    template shows as '—'; an empty one vanishes."""

    __slots__ = ("_d", "_done", "_reasoning")

    def __init__(self, described: _Described) -> None:
        self._d = described
        self._done: dict[str, str] = {k: v for k, v in described.parts.fields.items() if k not in _NOT_THE_KINDS}
        self._reasoning = False

    def _work_out(self, name: str) -> Optional[str]:
        if name == REASON:
            template = _reason_text(self._d.outcome.reason, self._d.measured)
            if not template:
                return ""
            if self._reasoning:  # the reason's own template names no reason
                return None
            self._reasoning = True
            try:
                return templates.render(template, self)
            finally:
                self._reasoning = False
        make = _MAKERS.get(name)
        return None if make is None else make(self._d)

    def __getitem__(self, name: str) -> str:
        value = self._done.get(name)
        if value is None:
            value = self._work_out(name)
            if value is None:
                raise KeyError(name)
            self._done[name] = value
        return value

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def worked_out(self) -> dict[str, str]:
        """Every field this finding has, worked out now."""
        out = {}
        for name in dict.fromkeys([*_MAKERS, REASON, *self._done]):
            value = self.get(name)
            if value is not None:
                out[name] = value
        return out

    def __iter__(self) -> Iterator[str]:
        return iter(self.worked_out())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __reduce__(self) -> tuple:
        # A finding sent from a worker process carries its values worked out, as a plain dict: what they are worked
        # out from holds the catalogue and the commune's facts, which must not travel with every finding.
        return (dict, (self.worked_out(),))


# --------------------------------------------------------------------------------------------------- the finding


def build_finding(
    cat: "Catalogue", commune: "CommuneFacts", obs: "Observation", act: "Activation", waivers: list["LoadedWaiver"]
) -> Finding:
    lr, w, m = obs.rule, obs.window, obs.measured
    r = lr.rule
    outcome = act.branch.outcome
    status = outcome.status
    unit = lr.kind.unit(cat, lr)
    evidence_level = outcome.evidence or (m.evidence_level if m else "missing")
    if status == "insufficient_data" and outcome.reason == "no_fact":
        evidence_level = "missing"
    parts = lr.kind.finding_parts(cat, lr, obs, unit, evidence_level)
    evidence_level = parts.evidence_level or evidence_level
    facts = []
    seen: set[str] = set()
    for part in (m, obs.computed):
        for lf in part.facts if part else []:
            if lf.where not in seen:
                seen.add(lf.where)
                facts.append(cached(lf.cache, "out", lambda lf=lf: fact_out(cat, lf)))
    waiver_out, notes = _waiver_out(act, waivers, r.id, commune, w)
    evidence_notes = [as_sentence(n) for n in (m.evidence_notes if m else [])]
    notes = list(
        dict.fromkeys(as_sentence(n) for n in evidence_notes + (m.notes if m else []) + obs.extra_notes + notes)
    )
    if status == "insufficient_data" and outcome.reason == "no_fact" and not (m and m.facts):
        notes += _given_for_other_periods(cat, lr, commune, w)
    if w.partial and status != "not_applicable":
        notes.append(f"{w.label.capitalize()} chưa kết thúc: số liệu tính đến {w.as_of_phrase}.")
    values = FindingValues(_Described(cat, commune, lr, w, m, parts, outcome, unit, notes, waiver_out))
    template = r.messages.get(status) or DEFAULT_MESSAGES[status]
    message = templates.sentence(templates.render(template, values))
    finding = Finding.model_construct(
        rule_id=r.id,
        title=r.title,
        commune=cached(
            commune.cache, "out", lambda: CommuneOut.model_construct(id=commune.commune.id, name=commune.commune.name)
        ),
        period=_period_out(w),
        status=status,
        status_label=vi.status_label(status, outcome.reason, check=lr.kind.checks_figures),
        evidence_level=evidence_level,
        evidence_label=vi.EVIDENCE_LABELS[evidence_level],
        outlook=outcome.outlook if status == "pending" else None,
        reason=outcome.reason,
        target=parts.target,
        actual=parts.actual,
        actual_display=parts.actual_display,
        actual_bound=parts.bounds,
        achievement_pct=pct(parts.achievement_pct),
        shortfall=json_number(parts.shortfall),
        shortfall_unit=(parts.shortfall_unit or unit) if parts.shortfall is not None else None,
        severity=r.severity,
        theme=r.theme,
        source=cached(lr.cache, "source", lambda: _source_out(lr)),
        facts=facts,
        evidence=parts.evidence,
        waiver=waiver_out,
        notes=notes,
        evidence_notes=evidence_notes,
        message=message,
        fired_by=act.branch.name,
    )
    finding._values = values
    return finding


def _cited(m: Optional[Measured]) -> str:
    """The document the report cites for the result: 'Thông báo số 286/TB-UBND ngày 10/5/2024'."""
    for lf in m.facts if m else []:
        d = lf.fact.document
        if d is not None:
            return " ".join(x for x in (d.kind, "số", d.number, f"ngày {vi.date(d.date)}" if d.date else "") if x)
    return ""


def _bare(value: Any) -> str:
    """A number without its unit, as documents write counts: '19', '03'."""
    if value is None or isinstance(value, (bool, str)):
        return ""
    return vi.count(Decimal(str(value)))


def _without_figures(cat: "Catalogue", lr: "LoadedRule", cf: "CommuneFacts", w: "Window") -> list[tuple[str, str]]:
    """What the rule measures that the report gives no figure for in this period: (indicator key, its name in a
    sentence), each once, in the rule's order."""
    out = {}
    for _, m in lr.rule.measures():
        for key in (m.of, m.per):
            if key and key not in out and not facts_in(cf, key, w):
                ind = cat.indicators.get(key)
                out[key] = ind.name[:1].lower() + ind.name[1:] if ind else key
    return list(out.items())


def _missing(cat: "Catalogue", lr: "LoadedRule", cf: "CommuneFacts", w: "Window") -> str:
    """The names of what the rule measures that the report gives no figure for in this period ("" when none)."""
    return ", ".join(dict.fromkeys(name for _, name in _without_figures(cat, lr, cf, w)))


def _given_for_other_periods(cat: "Catalogue", lr: "LoadedRule", cf: "CommuneFacts", w: "Window") -> list[str]:
    """For a rule without a figure in this period: the periods the report does give its figures for ("bình xét năm
    2023" in a 2024 report is 2023's result, not the state the 2024 target is judged on) — an auditor asks for the
    period missing, not for a figure the report already has."""
    missing = "tại thời điểm báo cáo" if w.kind == "as_of" else w.label
    out = []
    for key, name in _without_figures(cat, lr, cf, w):
        given = {lf.fact.period for lf in cf.by_indicator().get(key, [])}
        if given:
            periods = sorted(given, key=lambda p: (p.kind == "as_of", p.start, p.end))
            said = ", ".join(_period_words(p) for p in periods)
            out.append(f"Báo cáo nêu {name} {said}, nhưng chưa nêu số liệu {missing}.")
    return list(dict.fromkeys(out))


def _period_words(p: FactPeriod) -> str:
    """A fact's period as a sentence says it: 'năm 2023', 'giai đoạn 2022–2024', 'tại thời điểm báo cáo'."""
    if p.kind == "as_of":
        return "tại thời điểm báo cáo"
    return f"năm {p.start}" if p.kind == "year" else f"giai đoạn {p.start}–{p.end}"


def _waiver_out(
    act: "Activation", waivers: list["LoadedWaiver"], rule_id: str, cf: "CommuneFacts", w: "Window"
) -> tuple[Optional[WaiverOut], list[str]]:
    """The waiver of this finding (the one the Rete matched, in force on the as-of date; else the first expired one)
    and a note for every other waiver of the same finding: expired, or in force but not the one applied."""
    mine = [
        lw
        for lw in waivers
        if lw.waiver.rule == rule_id and lw.waiver.commune == cf.commune.id and lw.waiver.period.key == w.key
    ]
    applied = next((lw for lw in mine if act.waiver_id == lw.id), None)
    expired = [lw for lw in mine if lw is not applied and lw.waiver.expires < w.as_of]
    chosen = applied or (expired[0] if expired else None)
    notes: list[str] = []
    for lw in mine:
        if lw is applied:
            continue
        where, until = lw.identity, vi.date(lw.waiver.expires)
        if lw.waiver.expires >= w.as_of:
            if applied is not None:  # two waivers in force for one finding: say which one counts
                notes.append(
                    f"Miễn trừ tại {where} (hiệu lực đến ngày {until}) cũng nêu chỉ tiêu này; "
                    f"áp dụng miễn trừ tại {applied.identity}."
                )
        elif applied is not None:
            notes.append(f"Miễn trừ tại {where} đã hết hạn ngày {until}; áp dụng miễn trừ tại {applied.identity}.")
        else:
            notes.append(f"Miễn trừ tại {where} đã hết hạn ngày {until}; chỉ tiêu được đánh giá bình thường.")
    if chosen is None:
        return None, notes
    wv = chosen.waiver
    return (
        WaiverOut.model_construct(
            reason=wv.reason,
            approver=wv.approver,
            expires=wv.expires,
            expired=chosen is not applied,
            file=str(chosen.path),
            line=chosen.line,
        ),
        notes,
    )


def as_sentence(note: str) -> str:
    note = templates.sentence(note.strip())
    return note if note.endswith((".", "!", "?")) else note + "."


def notes_sentence(notes: list[str]) -> str:
    """'Ghi chú: a; b.' from the notes (each lower-cased at the start unless it opens with an acronym)."""
    parts = [n.strip().rstrip(".") for n in notes if n and n.strip()]
    if not parts:
        return ""
    joined = "; ".join(p[:1].lower() + p[1:] if p[1:2].islower() else p for p in parts)
    return f"Ghi chú: {joined}."


def cached(cache: dict, key: Hashable, make):
    """Parts of a finding shared by many findings (its commune, source, facts, target) are built once and shared."""
    value = cache.get(key)
    if value is None:
        value = cache[key] = make()
    return value


@functools.lru_cache(maxsize=4096)
def _period_out(w: "Window") -> PeriodOut:
    return w.out()


def _source_out(lr: "LoadedRule") -> SourceOut:
    d, r = lr.document, lr.rule
    return SourceOut.model_construct(
        document=d.id,
        number=d.number,
        citation=d.citation,
        issuer=d.issuer,
        clause=r.source.clause,
        verified=r.source.verified,
        file=str(lr.path),
        line=lr.line,
    )


def fact_out(cat: "Catalogue", lf: "LoadedFact") -> FactOut:
    f = lf.fact
    ind = cat.indicators.get(f.indicator)
    if f.claim is not None:
        value = "khẳng định: đạt" if f.claim == "achieved" else "khẳng định: không đạt"
    elif f.items is not None:
        value = f"{len(f.items)} mục: " + "; ".join(i.name for i in f.items)
    else:
        value = show_interval(interval_of(ind, lf), ind.unit if ind else None, ind) if ind else str(f.value)
    return FactOut.model_construct(
        indicator=f.indicator,
        period=f.period.key,
        value=value,
        file=str(lf.path),
        line=lf.line,
        report_line=f.source.line,
        quote=f.source.quote,
        cell=f.source.cell,
    )
