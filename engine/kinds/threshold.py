"""The threshold kind: a measured value (a count, a number, a %, yes/no, a level) against the plan's target.

    measure: {of: dvk.mo_hinh, aggregate: count, evidence: true}
    target: {op: ">=", value: 1, per_year: true, unit: mô hình}

A target without a value (the plan states none) is met only by the top of the indicator's range (4/4 = 100%);
with ``evidence: true`` a count is split into items with and without a founding decision.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Literal, Optional, Union, cast

from .. import templates, vi
from ..findings import POINTS, FindingParts, basis_out, cached, pct, value_parts
from ..diagnostics import did_you_mean
from ..measure import HUNDRED, Interval, Measured, end_text, measure
from ..model import EvidenceOut, Measure, Slug, StrictBool, Target, TargetOut, json_number
from ..observation import Observation
from ..wire import PACE_BEHIND, PACE_ON, PACE_UNKNOWN
from ..words import OP_WORDS
from .base import Kind, RuleBase, unknown_rule
from .common import value_branches

if TYPE_CHECKING:
    from ..catalogue import Catalogue, LoadedRule
    from ..compiler import Branch
    from ..diagnostics import Diagnostics
    from ..model import Indicator
    from ..periods import Window


class ThresholdRule(RuleBase):
    kind: Literal["threshold"] = "threshold"
    measure: Measure
    target: Target
    outlook_from: Optional[Slug] = None
    # the result is known only when the period is over (e.g. the year-end review of poor households): a value that
    # meets the target early is pending until then
    final_at_period_end: StrictBool = False

    def measures(self) -> list[tuple[tuple, Measure]]:
        return [(("measure",), self.measure)]

    def dependencies(self) -> list[str]:
        return [self.outlook_from] if self.outlook_from else []


def _counts_documented_items(cat: "Catalogue", rule: ThresholdRule) -> bool:
    """A count of items with `evidence: true`: met on evidence only when enough items cite their decision."""
    ind = cat.indicators.get(rule.measure.of)
    return rule.measure.evidence and ind is not None and ind.type == "items" and rule.target.op in (">=", ">")


def extreme_value(cat: "Catalogue", rule: ThresholdRule) -> Optional[Decimal]:
    """The value that meets any threshold for a rule whose threshold is unknown (top or bottom of the range)."""
    if rule.measure.per:
        return Decimal(100) if rule.target.op in (">=", ">") else Decimal(0)
    ind = cat.indicators.get(rule.measure.of)
    if ind is None:
        return None
    return ind.upper if rule.target.op in (">=", ">") else ind.lower


def _target_number(cat: "Catalogue", rule: ThresholdRule) -> Optional[Decimal]:
    """The target as a number on the indicator's scale (levels by their index), or None when it has no value."""
    t = rule.target
    if t.value is None:
        return None
    if isinstance(t.value, bool):
        return Decimal(int(t.value))
    if isinstance(t.value, str):
        idx = cat.indicators[rule.measure.of].level_index(t.value)
        return None if idx is None else Decimal(idx)
    return t.value


def _gap_in_own_unit(
    cat: "Catalogue", r: ThresholdRule, m: Optional[Measured], gap: Decimal, unit: Optional[str]
) -> tuple[Decimal, Optional[str]]:
    """A shortfall in what the target counts: a share of assigned households falls short by households (02/05 at
    100% → 03 hộ); a percentage falls short by percentage points."""
    if r.measure.per and m is not None and m.ratio is not None:
        num, den = m.ratio
        ind = cat.indicators.get(r.measure.of)
        needed = r.target.value * den / HUNDRED if isinstance(r.target.value, Decimal) else None
        if needed is not None:
            if ind is not None and ind.type in ("count", "items"):  # whole units: 90% of 25 thôn is 23, not 22,5
                whole = needed.to_integral_value(rounding=ROUND_CEILING)
                needed = whole + 1 if r.target.op == ">" and whole == needed else whole
            return max(Decimal(0), needed - num), (ind.unit if ind else None)
    if unit == "%":
        return gap, POINTS
    return gap, unit


def _achievement(
    op: str, actual: Optional[Interval], target: Optional[Decimal]
) -> tuple[Optional[Decimal], Optional[Decimal]]:
    """(% of target achieved, shortfall in the target's unit) — only for exact values against a positive target."""
    if op not in (">=", ">", "<=", "<") or actual is None or not actual.exact or target is None:
        return None, None
    value = actual.lo
    assert value is not None
    if op in (">=", ">"):
        share = value / target * HUNDRED if target > 0 else None
        return share, max(Decimal(0), target - value)
    share = target / value * HUNDRED if value > 0 else None
    return share, max(Decimal(0), value - target)


def _own(rule: "LoadedRule") -> ThresholdRule:
    """The rule's model, which the threshold kind is only ever called with."""
    return cast(ThresholdRule, rule.rule)


class Threshold(Kind):
    name = "threshold"
    template_fields = frozenset(
        {
            "target",
            "target_value",
            "achievement",
            "shortfall",
            "counted_with_evidence",
            "counted_on_claim",
            "achievement_evidenced",
        }
    )
    label = "so với ngưỡng chỉ tiêu"
    model = ThresholdRule
    judges_target = True

    def branches(self, cat: "Catalogue", rule: "LoadedRule") -> list["Branch"]:
        r = _own(rule)
        assert isinstance(r, ThresholdRule)
        unknown = r.target.value is None
        return value_branches(
            rule,
            op=r.target.op,
            threshold_unknown=unknown,
            has_extreme=unknown and extreme_value(cat, r) is not None,
            evidence=_counts_documented_items(cat, r),
            outlook_from=r.outlook_from,
            final_at_period_end=r.final_at_period_end,
        )

    def observe(self, cat, rule, window: "Window", commune, earlier_findings) -> Observation:
        r = _own(rule)
        obs = Observation(rule, window, measure(cat, commune, r.measure, window))
        if r.measure.evidence and obs.measured is not None:
            obs.extra_notes += _item_notes(rule, obs.measured)
        if obs.measured is not None:
            obs.extra_notes += late_documents(window, obs.measured)
        obs.target = self._target_for(cat, r, window)
        if r.target.op == "==" and obs.target is not None:
            obs.band = (obs.target, obs.target)
        obs.pace = _pace(r, window, obs)
        return obs

    @staticmethod
    def _target_for(cat: "Catalogue", r: ThresholdRule, w: "Window") -> Optional[Decimal]:
        t = r.target
        if t.value is None:
            return extreme_value(cat, r)
        if isinstance(t.value, (bool, str)):
            return _target_number(cat, r) or Decimal(0)
        value, _, _ = t.version(version_day(w))
        assert isinstance(value, Decimal)  # a target with changes is numeric (Target checks it)
        return value * (len(w.years) if t.per_year else 1)

    def unit(self, cat: "Catalogue", rule: "LoadedRule") -> Optional[str]:
        r = _own(rule)
        if r.target.unit:
            return r.target.unit
        return "%" if r.measure.per else cat.indicators[r.measure.of].unit

    def finding_parts(self, cat, rule, obs: Observation, unit, evidence_level) -> FindingParts:
        r = _own(rule)
        m = obs.measured
        ind = cat.indicators.get(r.measure.of)
        actual, display, bounds = value_parts(cat, ind, m, unit, ratio=r.measure.per is not None)
        # the target's words depend only on the day its version is taken and the number of years: built once each
        w = obs.window
        target = cached(
            rule.cache, ("target", version_day(w), len(w.years)), lambda: self._target_out(cat, r, obs, unit)
        )
        parts = FindingParts(actual, display, target, bounds)
        if r.target.value is not None and not isinstance(r.target.value, (bool, str)):
            parts.achievement_pct, parts.shortfall = _achievement(r.target.op, m.interval if m else None, obs.target)
            if parts.shortfall is not None:
                parts.shortfall, parts.shortfall_unit = _gap_in_own_unit(cat, r, m, parts.shortfall, unit)
        if _counts_documented_items(cat, r) and m is not None and m.claim is None:
            n_with = len(m.items_with)
            share = (Decimal(n_with) / obs.target * HUNDRED) if obs.target else None
            parts.evidence = EvidenceOut.model_construct(
                counted_with_evidence=n_with,
                counted_on_claim=len(m.items_without),
                achievement_pct_evidenced=pct(share),
                items_without_evidence=list(m.items_without),
                owners=list(dict.fromkeys(owner for _, owner in m.owned_by_others)),
                counted_owned_by_others=len(m.owned_by_others),
            )
        return parts

    @staticmethod
    def _target_out(cat: "Catalogue", r: ThresholdRule, obs: Observation, unit: Optional[str]) -> TargetOut:
        _, basis, since = r.target.version(version_day(obs.window))
        operator, value, known, display = Threshold._target_values(cat, r, obs, unit)
        if since is not None:  # the finding cites the version of a target that changed
            display += f" (mức áp dụng từ ngày {vi.date(since)})"
        return TargetOut.model_construct(
            operator=operator,
            value=value,
            unit=unit,
            display=display,
            threshold_known=known,
            basis=basis_out(basis),
            in_force_from=since,
        )

    @staticmethod
    def _target_values(
        cat: "Catalogue", r: ThresholdRule, obs: Observation, unit: Optional[str]
    ) -> tuple[str, Union[bool, float, int, str, None], bool, str]:
        """The target's operator, value for the JSON, whether it is known, and its words."""
        t = r.target
        if t.value is None:
            return t.op, None, False, "chưa xác định (" + (t.unknown_reason or "văn bản không nêu") + ")"
        if isinstance(t.value, bool):
            return t.op, t.value, True, "có" if t.value else "không"
        if isinstance(t.value, str):
            return t.op, t.value, True, _level_label(cat, r)
        op_word = {">=": "ít nhất ", ">": "trên ", "<=": "không quá ", "<": "dưới ", "==": ""}[t.op]
        assert obs.target is not None  # a numeric target: observe() set it
        display = op_word + vi.quantity(obs.target, unit)
        if t.per_year:
            yearly, _, _ = t.version(version_day(obs.window))
            assert isinstance(yearly, Decimal)  # per_year needs a numeric value (Target checks it)
            display += f", tức {vi.quantity(yearly, unit)}/năm × {vi.count(len(obs.window.years))} năm"
        return t.op, json_number(obs.target), True, display

    def target_phrase(self, cat, rule) -> Optional[str]:
        r = _own(rule)
        t = r.target
        if t.value is None or isinstance(t.value, bool):  # open, or yes/no: the row's own question says it
            return None
        if isinstance(t.value, str):
            label = _level_label(cat, r)
            phrase = f"đạt mức “{label}”" if t.op in (">=", "==") else f"{OP_WORDS[t.op]} “{label}”"
        else:
            phrase = f"{OP_WORDS[t.op]} {vi.quantity(t.value, self.unit(cat, rule))}".removeprefix("bằng ")
            if t.per_year or r.period.kind == "annual":
                phrase += " mỗi năm"
        if r.period.deadline is not None:
            phrase += f", hạn {vi.date(r.period.deadline)}"
        return phrase

    def describe(self, cat, rule) -> list[str]:
        r = _own(rule)
        out = [
            _target_words(cat, r),
            "Giá trị chỉ có cận (“trên 50%”) chỉ kết luận khi mọi giá trị trong khoảng đều cho cùng kết luận; "
            "nếu không là “Chưa đủ dữ liệu”.",
        ]
        if r.outlook_from:
            out.append(
                f"Khi chưa đến hạn, triển vọng lấy từ kết luận của quy tắc `{r.outlook_from}`: đạt hoặc đang "
                "chờ → đúng tiến độ; chưa đạt → có nguy cơ không đạt."
            )
        return out

    def lint(self, cat, rule, ids, diags: "Diagnostics") -> None:
        r = _own(rule)
        known = r.outlook_from and not unknown_rule(cat, rule, ("outlook_from",), r.outlook_from, ids, diags)
        if known and ids[r.outlook_from].rule.period.kind == "annual":
            rule.error(
                diags,
                ("outlook_from",),
                "outlook-periods",
                f"'{r.outlook_from}' is judged once per year; an outlook reads a rule with one period "
                "(cumulative, deadline or as_of)",
            )
        ind = cat.indicators.get(r.measure.of)
        if ind is not None:
            _check_target(rule, r, ind, diags)
            _check_fraction(rule, r, ind, diags)

    def lint_compiled(self, cat, rule, diags) -> None:
        _never_always(cat, rule, diags)


PACE_FROM = Decimal("0.5")  # the share of a period that must have passed before a slow start counts as "at risk"


def _pace(r: ThresholdRule, w: "Window", obs: Observation) -> int:
    """Whether a result in an open period keeps pace with the time elapsed: at least the target's share of it.

    Only for a numeric target, and only in the second half of the period: 0 of 1 model with two months left is at
    risk; 0 of 1 in February says nothing yet. A level to stay under ("dưới 3%") is at risk while it stands above it
    late in the period, on track while it stands under it."""
    m = obs.measured
    if (
        not w.open
        or r.target.op not in (">=", ">", "<=", "<")
        or obs.target is None
        or m is None
        or isinstance(r.target.value, (bool, str))
        or r.target.value is None
    ):
        return PACE_UNKNOWN
    end = w.deadline if w.kind == "deadline" and w.deadline else w.end
    total = (end - w.start).days + 1
    elapsed = Decimal((w.as_of - w.start).days + 1) / Decimal(total)
    if elapsed < PACE_FROM:
        return PACE_UNKNOWN
    if m.claim is not None:
        return PACE_ON if m.claim else PACE_BEHIND
    iv = m.interval
    if iv is None:
        return PACE_UNKNOWN
    if r.target.op in ("<=", "<"):  # a level to stay under ("dưới 3%"): above it late in the period is at risk
        strict = r.target.op == "<"
        if iv.lo is not None and (iv.lo > obs.target or (strict and iv.lo >= obs.target)):
            return PACE_BEHIND
        if iv.hi is not None and (iv.hi < obs.target or (not strict and iv.hi <= obs.target)):
            return PACE_ON
        return PACE_UNKNOWN
    expected = obs.target * elapsed
    if iv.lo is not None and iv.lo >= expected:
        return PACE_ON
    if iv.hi is not None and iv.hi < expected:
        return PACE_BEHIND
    return PACE_UNKNOWN


def late_documents(w: "Window", m: Measured) -> list[str]:
    """A task due by a deadline whose evidence document is dated after it was done late: said beside the result (a
    plan due by 30/6/2023 issued on 20/11/2024 is no plan issued on time)."""
    if w.kind != "deadline" or w.deadline is None:
        return []
    notes = []
    for lf in m.facts:
        d = lf.fact.document
        if d is not None and d.date is not None and d.date > w.deadline:
            kind = f"{d.kind} số" if d.kind else "Văn bản số"
            notes.append(
                f"{kind} {d.number} ban hành ngày {vi.date(d.date)}, chậm so với thời hạn {vi.date(w.deadline)} của "
                "chỉ tiêu."
            )
    return notes


def _item_notes(lr: "LoadedRule", m: Measured) -> list[str]:
    """What an auditor would query about the counted items: another body's model, a decision older than the plan."""
    from ..measure import issued_by

    notes = []
    plan = lr.document
    for lf in m.facts:
        for item in lf.fact.items or ():
            named = _model_named(item.name)
            if item.owner and not issued_by(item.decision, lf.report.issuer):
                notes.append(
                    f"{templates.sentence(named)} do {item.owner} thành lập nhưng được tính vào chỉ tiêu của "
                    f"{lf.report.issuer}."
                )
            d = item.decision
            if d is not None and d.date is not None and d.date < plan.date:
                notes.append(
                    f"Quyết định số {d.number} ngày {vi.date(d.date)} ({named}) ban hành "
                    f"trước {plan.citation} mà mô hình được tính vào."
                )
    return notes


def _model_named(name: str) -> str:
    """'mô hình “Xóm 5 sạch, đẹp”' — a name that already says "mô hình" or carries its quotes is not wrapped again
    (never 'Mô hình “Mô hình “Xóm 5 …””')."""
    if name.lower().startswith("mô hình"):
        return name[:1].lower() + name[1:]
    if name.startswith(("“", '"')):
        return f"mô hình {name}"
    return f"mô hình “{name}”"


def _level_label(cat: "Catalogue", r: ThresholdRule) -> str:
    """The label of a level target ("đã được công nhận đạt chuẩn"); the key itself when the indicator has no such
    level (`rules lint` says so)."""
    ind = cat.indicators.get(r.measure.of)
    index = ind.level_index(str(r.target.value)) if ind else None
    return ind.level_label(index) if ind and index is not None else str(r.target.value)


def _target_words(cat: "Catalogue", r: ThresholdRule) -> str:
    t = r.target
    if t.value is None:
        extreme = extreme_value(cat, r)
        unit = t.unit or ""
        tail = (
            f" Chỉ kết luận “Đạt” khi kết quả ở mức {vi.number(extreme)}{unit if unit == '%' else ' ' + unit}"
            ", vì khi đó đạt với mọi ngưỡng; còn lại là “Chưa đủ dữ liệu”."
            if extreme is not None
            else " Không kết luận được “Đạt” hay “Chưa đạt” từ số liệu; chỉ ghi nhận kết quả."
        )
        return f"Ngưỡng chưa xác định: {t.unknown_reason}.{tail}"
    if isinstance(t.value, bool):
        return "Đạt khi " + ("có" if t.value else "không có") + "; ngược lại là chưa đạt."
    if isinstance(t.value, str):
        ind = cat.indicators[r.measure.of]
        return (
            f"Đạt khi ở mức {OP_WORDS[t.op]} “{_level_label(cat, r)}” (thứ tự: "
            + " < ".join(lv.label for lv in ind.levels or [])
            + ")."
        )
    unit = t.unit or ""
    per_year = " mỗi năm của kỳ (chỉ tiêu nhân với số năm)" if t.per_year else ""
    changes = "".join(
        f"; từ ngày {vi.date(c.from_)}: {OP_WORDS[t.op]} {vi.quantity(c.value, unit or None)}" for c in t.changes
    )
    tail = " (kỳ đánh giá dùng mức có hiệu lực vào ngày cuối của kỳ)" if t.changes else ""
    return f"Đạt khi kết quả {OP_WORDS[t.op]} {vi.quantity(t.value, unit or None)}{per_year}{changes}{tail}."


def _shown(value) -> str:
    """A rule's target value as its author wrote it in YAML ('1', 'true', 'dat'), never Python's repr."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"'{value}'"


def version_day(window: "Window"):
    """The day whose version of a changing target a period is judged by: its last day (a deadline's: the deadline)."""
    return window.deadline if window.kind == "deadline" and window.deadline else window.end


def _check_target(lr: "LoadedRule", r: ThresholdRule, ind: "Indicator", diags: "Diagnostics") -> None:
    t = r.target
    value = t.value
    ratio = r.measure.per is not None
    if value is not None:
        if ind.type == "boolean" and not ratio:
            if not isinstance(value, bool):
                lr.error(
                    diags,
                    ("target", "value"),
                    "type-mismatch",
                    f"'{ind.key}' is boolean: the target value must be true or false, got {_shown(value)}",
                )
            elif t.op != "==":
                lr.error(diags, ("target", "op"), "type-mismatch", "a boolean target compares with '=='")
        elif ind.type == "level" and not ratio:
            if not isinstance(value, str) or ind.level_index(value) is None:
                levels = [lv.key for lv in ind.levels or []]
                lr.error(
                    diags,
                    ("target", "value"),
                    "type-mismatch",
                    f"'{ind.key}' is a level: the target must be one of {levels}, got {_shown(value)}"
                    + (did_you_mean(str(value), levels) if isinstance(value, str) else ""),
                )
        elif not isinstance(value, Decimal):
            lr.error(
                diags,
                ("target", "value"),
                "type-mismatch",
                f"'{ind.key}' is {ind.type}: the target value must be a number, got {_shown(value)}",
            )
    expected_unit = "%" if ratio else ind.unit
    if t.unit is not None and expected_unit is not None and t.unit != expected_unit:
        lr.error(
            diags,
            ("target", "unit"),
            "unit-mismatch",
            f"the target is in '{t.unit}' but "
            + ("a ratio is in %" if ratio else f"indicator {ind.key!r} counts in {ind.unit!r}"),
        )


def _check_fraction(lr: "LoadedRule", r: ThresholdRule, ind: "Indicator", diags: "Diagnostics") -> None:
    """A percentage target written as a fraction (0.8 for 80%): chitieu reads percentages as 0–100."""
    t = r.target
    if not (r.measure.per is not None or ind.type == "percent" or t.unit == "%"):
        return
    versions = [(("target", "value"), t.value)] + [
        (("target", "changes", i, "value"), c.value) for i, c in enumerate(t.changes)
    ]
    for sub, value in versions:
        if isinstance(value, Decimal) and not isinstance(value, bool) and 0 < value <= 1:
            line, col = lr.where(*sub)
            diags.warning(
                lr.path,
                line,
                col,
                "percent-fraction",
                f"the target is {value}%: a percentage is written from 0 to 100 "
                f"({vi.number(value * 100)} for {vi.number(value * 100)}%), not as a fraction",
            )


def _domain(cat: "Catalogue", r: ThresholdRule) -> tuple[Optional[Decimal], Optional[Decimal]]:
    m = r.measure
    ind = cat.indicators[m.of]
    if m.per or m.aggregate == "count":
        return Decimal(0), None
    if m.aggregate == "sum":
        return ind.lower, None
    return ind.lower, ind.upper


def _never_always(cat: "Catalogue", lr: "LoadedRule", diags: "Diagnostics") -> None:
    r = _own(lr)
    value = _target_number(cat, r)
    if value is None:
        return
    lo, hi = _domain(cat, r)
    op = r.target.op
    never = (
        (op == ">=" and hi is not None and value > hi)
        or (op == ">" and hi is not None and value >= hi)
        or (op == "<=" and lo is not None and value < lo)
        or (op == "<" and lo is not None and value <= lo)
        or (op == "==" and ((hi is not None and value > hi) or (lo is not None and value < lo)))
    )
    always = (
        (op == ">=" and lo is not None and value <= lo)
        or (op == ">" and lo is not None and value < lo)
        or (op == "<=" and hi is not None and value >= hi)
        or (op == "<" and hi is not None and value > hi)
    )
    line, col = lr.where("target")
    shown = f"{end_text(lo)}…{end_text(hi)}"
    if never:
        diags.error(
            lr.path,
            line,
            col,
            "never-true",
            f"the target '{op} {r.target.value}' can never be met: the measured value lies in {shown}",
        )
    elif always:
        diags.warning(
            lr.path,
            line,
            col,
            "always-true",
            f"the target '{op} {r.target.value}' is met by every possible value ({shown}); it can never be unmet",
        )
