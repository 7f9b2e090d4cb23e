"""The claim_check kind: a figure the report states, recomputed from the report's own numbers.

    stated: {of: dvk.ty_le_dat_bao_cao}
    computed: {rule: mo-hinh-dvk-luy-ke, field: achievement_pct}     # or computed: {measure: {...}}
    tolerance: 1

Met ("khớp") when the stated figure equals the recomputed one within the tolerance; unmet when the report's figures
do not agree. The recomputed side says what it assumes (which target, which items, an unfinished year).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Optional, cast

from .. import vi
from ..findings import FindingParts, show_interval, value_parts
from ..measure import Interval, Measured, measure
from ..model import BasisOut, Computed, Measure, Number, TargetOut, json_number
from ..observation import Observation, findings_for_period
from ..wire import ValueForm
from ..words import measure_words
from .base import Kind, RuleBase, unknown_rule
from .common import value_branches

if TYPE_CHECKING:
    from ..catalogue import Catalogue, LoadedRule
    from ..compiler import Branch


class ClaimCheckRule(RuleBase):
    kind: Literal["claim_check"]
    stated: Measure
    computed: Computed
    tolerance: Optional[Number] = None
    # a mismatch that may have an innocent explanation (two registers, two readings) asks for clarification
    on_mismatch: Literal["unmet", "needs_clarification"] = "unmet"

    def measures(self) -> list[tuple[tuple, Measure]]:
        out: list[tuple[tuple, Measure]] = [(("stated",), self.stated)]
        if self.computed.measure is not None:
            out.append((("computed", "measure"), self.computed.measure))
        return out

    def dependencies(self) -> list[str]:
        return [self.computed.rule] if self.computed.rule else []


def _own(rule: "LoadedRule") -> ClaimCheckRule:
    """The rule's model, which this kind is only ever called with."""
    return cast(ClaimCheckRule, rule.rule)


class ClaimCheck(Kind):
    name = "claim_check"
    label = "kiểm tra số liệu báo cáo tự nêu"
    model = ClaimCheckRule
    checks_figures = True
    template_fields = frozenset({"stated", "computed", "target", "target_value"})

    def branches(self, cat: "Catalogue", rule: "LoadedRule") -> list["Branch"]:
        # the report's own figures either agree or not, whatever the period: never "pending"
        return value_branches(rule, op="==", deadline_bound=False, mismatch=_own(rule).on_mismatch)

    def observe(self, cat, rule, window, commune, earlier_findings) -> Observation:
        r = _own(rule)
        obs = Observation(rule, window, measure(cat, commune, r.stated, window))
        tol = r.tolerance if r.tolerance is not None else Decimal(0)
        computed = self._computed_side(cat, rule, window, commune, earlier_findings)
        obs.computed = computed
        if computed is not None:
            obs.extra_notes += computed.notes
        if computed is not None and computed.interval is not None:
            lo, hi = computed.interval.lo, computed.interval.hi
            obs.band = (None if lo is None else lo - tol, None if hi is None else hi + tol)
            obs.target = lo if computed.interval.exact else None
        if obs.band == (None, None):
            obs.form = ValueForm.MISSING  # nothing to compare the stated figure with
        return obs

    @staticmethod
    def _computed_side(cat, lr: "LoadedRule", w, cf, done) -> Optional[Measured]:
        c = _own(lr).computed
        if c.measure is not None:
            return measure(cat, cf, c.measure, w)
        assert c.rule is not None and c.field is not None  # Computed: a measure, else a rule with its field
        found = findings_for_period(done.get(c.rule, []), w.key)
        if len(found) != 1:
            return None
        f = found[0]
        value = {
            "actual": f.actual,
            "achievement_pct": f.achievement_pct,
            "target": f.target.value if f.target else None,
        }[c.field]
        if value is None or isinstance(value, (bool, str)):
            return None
        d = Decimal(str(value))
        out = Measured(interval=Interval(d, d))
        # what the recomputed figure assumes, from the finding it comes from
        if c.field == "achievement_pct" and f.evidence is not None and f.evidence.counted_on_claim:
            out.notes.append(
                f"Tỷ lệ tính lại {vi.percent(d)} gồm cả {vi.count(f.evidence.counted_on_claim)} mục chưa dẫn quyết "
                f"định; nếu chỉ tính {vi.count(f.evidence.counted_with_evidence)} mục có quyết định thì đạt "
                f"{vi.percent(f.evidence.achievement_pct_evidenced or 0)}."
            )
        if c.field in ("achievement_pct", "actual") and f.target and f.target.display:
            out.notes.append(f"Chỉ tiêu dùng để tính lại: {f.target.display} ({f.period.label}).")
        if f.period.partial:
            until = f"ngày {vi.date(f.period.end)}" if f.period.end < w.as_of else w.as_of_phrase
            out.notes.append(
                f"{f.period.label.capitalize()} tính cả năm {f.period.end.year} chưa kết thúc (số liệu đến {until})."
            )
        return out

    def unit(self, cat, rule) -> Optional[str]:
        stated = _own(rule).stated
        return "%" if stated.per else cat.indicators[stated.of].unit

    def computed_unit(self, cat: "Catalogue", rule: "LoadedRule") -> Optional[str]:
        """The unit of the recomputed side (a measure's indicator, or the other rule's field)."""
        c = _own(rule).computed
        if c.measure is not None:
            return "%" if c.measure.per else cat.indicators[c.measure.of].unit
        if c.field == "achievement_pct":
            return "%"
        assert c.rule is not None  # Computed: a measure, else a rule
        other = cat.by_id.get(c.rule)
        return other.kind.unit(cat, other) if other is not None else None

    def finding_parts(self, cat, rule, obs: Observation, unit, evidence_level) -> FindingParts:
        m, c = obs.measured, obs.computed
        ind = cat.indicators.get(_own(rule).stated.of)
        actual, display, bounds = value_parts(cat, ind, m, unit, ratio=False)
        claim_unit = self.computed_unit(cat, rule)
        # yes/no and level figures read as words on both sides ("đang hoàn thiện hồ sơ …"), numbers with units
        words = ind if ind is not None and ind.type in ("boolean", "level") else None
        computed = show_interval(c.interval, claim_unit, words) if c and c.interval else "không tính lại được"
        target = TargetOut.model_construct(
            operator="==",
            value=json_number(obs.target),
            unit=unit,
            threshold_known=obs.target is not None,
            display=f"bằng số tính lại: {computed}",
            basis=BasisOut.model_construct(
                kind="computed", label=vi.BASIS_LABELS["computed"], text=self._computed_words(cat, rule)
            ),
        )
        parts = FindingParts(actual, display, target, bounds)
        if (
            c is not None
            and m is not None
            and evidence_level != "missing"
            and m.interval is not None
            and m.interval.exact
        ):
            parts.evidence_level = "computed"
        parts.fields = {
            "stated": show_interval(m.interval, unit, words) if m and m.interval else "—",
            "computed": computed,
        }
        return parts

    def required_examples(self, rule) -> tuple[str, ...]:
        return ("met", _own(rule).on_mismatch)

    @staticmethod
    def _computed_words(cat, lr) -> str:
        comp = _own(lr).computed
        if comp.rule:
            assert comp.field is not None  # Computed: a rule comes with its field
            field = {"actual": "kết quả", "achievement_pct": "tỷ lệ đạt (%)", "target": "chỉ tiêu"}[comp.field]
            return f"{field} của quy tắc `{comp.rule}`"
        assert comp.measure is not None  # Computed: a measure, else a rule
        return measure_words(cat, comp.measure)

    def describe(self, cat, rule) -> list[str]:
        r = _own(rule)
        side = self._computed_words(cat, rule)
        tol = f" (sai số cho phép ±{vi.number(r.tolerance)})" if r.tolerance else ""
        return [
            f"Kiểm tra số liệu: đạt khi con số báo cáo nêu, {measure_words(cat, r.stated)}, bằng con số tính "
            f"lại — {side}{tol}; không bằng là “Chưa đạt” (báo cáo tự mâu thuẫn)."
        ]

    def lint(self, cat, rule, ids, diags) -> None:
        c = _own(rule).computed
        if c.rule:
            unknown_rule(cat, rule, ("computed", "rule"), c.rule, ids, diags)
