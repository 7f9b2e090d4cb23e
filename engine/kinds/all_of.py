"""The all_of kind: a rule met when every rule it requires is met (chaining, e.g. all 19 NTM nâng cao criteria).

    requires: [ntm-nc-tc01, ntm-nc-tc02, …]

durable_rules cannot count, so the observation carries how many required conclusions of the period were met, unmet,
pending or short of data; the branches decide on those counts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal, cast

from pydantic import Field, model_validator

from .. import vi
from ..compiler import BranchSet, Outcome, field_ref, waiver_join
from ..conditions import cmp
from ..findings import FindingParts
from ..measure import Interval, Measured
from ..model import Slug, TargetOut
from ..observation import Observation, findings_for_period
from ..wire import F_INSUFFICIENT, F_MET, F_N, F_PENDING, F_UNMET, Counts, ValueForm
from .base import Kind, RuleBase, unknown_rule

if TYPE_CHECKING:
    from ..catalogue import Catalogue, LoadedRule
    from ..compiler import Branch


class AllOfRule(RuleBase):
    kind: Literal["all_of"]
    requires: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _requires(self) -> "AllOfRule":
        if not self.requires:
            raise ValueError("an all_of rule needs 'requires' (the rule ids that must all be met)")
        return self

    def dependencies(self) -> list[str]:
        return list(self.requires)


_COUNTED = {"met": "met", "waived": "met", "unmet": "unmet", "pending": "pending", "insufficient_data": "insufficient"}


def _own(rule: "LoadedRule") -> AllOfRule:
    """The rule's model, which this kind is only ever called with."""
    return cast(AllOfRule, rule.rule)


class AllOf(Kind):
    name = "all_of"
    template_fields = frozenset({"target", "target_value"})
    label = "tổng hợp từ các quy tắc thành phần"
    model = AllOfRule

    def branches(self, cat: "Catalogue", rule: "LoadedRule") -> list["Branch"]:
        rid = rule.id
        bs = BranchSet(rule)
        A = bs.applicable
        n_pos = cmp(F_N, ">", 0)
        bs.add("not_applicable", Outcome("not_applicable"), ~A | (A & cmp(F_N, "==", 0)))
        bs.add("met", Outcome("met"), n_pos & cmp(F_MET, "==", field_ref(F_N)))
        bs.add("unmet", Outcome("unmet"), n_pos & cmp(F_UNMET, ">", 0), waiver_join(rid, True))
        bs.add("waived", Outcome("waived"), n_pos & cmp(F_UNMET, ">", 0), waiver_join(rid, False))
        bs.add(
            "insufficient",
            Outcome("insufficient_data", reason="requirement_missing"),
            n_pos & cmp(F_UNMET, "==", 0) & cmp(F_INSUFFICIENT, ">", 0),
        )
        bs.add(
            "pending",
            Outcome("pending"),
            n_pos & cmp(F_UNMET, "==", 0) & cmp(F_INSUFFICIENT, "==", 0) & cmp(F_PENDING, ">", 0),
        )
        return bs.branches

    def observe(self, cat, rule, window, commune, earlier_findings) -> Observation:
        tally = {"total": 0, "met": 0, "unmet": 0, "pending": 0, "insufficient": 0, "waived": 0}
        waived = []
        for dep in _own(rule).requires:
            for f in findings_for_period(earlier_findings.get(dep, []), window.key):
                if f.status == "not_applicable":
                    continue
                tally["total"] += 1
                tally[_COUNTED[f.status]] += 1
                if f.status == "waived":
                    tally["waived"] += 1
                    waived.append(f)
        counts = Counts(**tally)
        met = Decimal(counts.met)
        obs = Observation(rule, window, Measured(interval=Interval(met, met)), counts=counts, form=ValueForm.VALUE)
        obs.target = Decimal(counts.total)
        # a component counted as met because it is waived is said, never hidden in the tally
        obs.extra_notes += [
            f"Tiêu chí thành phần “{f.title}” ({f.period.label}) chưa đạt nhưng được miễn trừ"
            + (f" ({f.waiver.reason})" if f.waiver is not None else "")
            + ", nên được tính là đạt"
            for f in waived
        ]
        return obs

    def unit(self, cat, rule):
        return None

    def finding_parts(self, cat, rule, obs: Observation, unit, evidence_level) -> FindingParts:
        c = obs.counts or Counts()
        display = f"{vi.count(c.met)}/{vi.count(c.total)} tiêu chí đạt"
        if c.waived:
            display += f" (trong đó {vi.count(c.waived)} được miễn trừ)"
        if c.pending:
            display += f", {vi.count(c.pending)} chờ thẩm định/chưa đến hạn"
        if c.unmet:
            display += f", {vi.count(c.unmet)} chưa đạt"
        if c.insufficient:
            display += f", {vi.count(c.insufficient)} chưa đủ dữ liệu"
        target = TargetOut.model_construct(
            operator="==",
            value=c.total,
            unit=unit or "tiêu chí",
            threshold_known=True,
            display=f"đạt tất cả {vi.count(c.total)} tiêu chí thành phần",
        )
        return FindingParts(c.met, display, target, evidence_level="computed")

    def describe(self, cat, rule) -> list[str]:
        return [
            f"Quy tắc chuỗi: đạt khi tất cả {len(_own(rule).requires)} quy tắc thành phần đạt (hoặc được miễn trừ); "
            "có quy tắc chưa đạt thì chưa đạt; không có quy tắc chưa đạt nhưng có quy tắc chưa đủ dữ liệu thì "
            "chưa đủ dữ liệu; còn lại là chờ."
        ]

    def lint(self, cat, rule, ids, diags) -> None:
        for i, dep in enumerate(_own(rule).requires):
            unknown_rule(cat, rule, ("requires", i), dep, ids, diags)
