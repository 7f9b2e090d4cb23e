"""The record kind: what the report states about a task that carries no target — noted ("Ghi nhận"), never judged.

    measure: {of: ntm.ho_tro_bo_giong, aggregate: sum}

Informational items (cattle given out, a green-street model kept up) are recorded with their figures and evidence
but stay out of the met / unmet / insufficient-data counts: there is nothing to meet. A record with no fact at all
says the report is silent on the task (insufficient data), which is what a reviewer needs to see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal, Optional, cast

from ..compiler import BranchSet, Outcome
from ..conditions import cmp
from ..findings import FindingParts, value_parts
from ..measure import measure
from ..model import Measure
from ..observation import Observation
from ..wire import F_FORM, ValueForm
from ..words import measure_words
from .base import Kind, RuleBase

if TYPE_CHECKING:
    from ..catalogue import Catalogue, LoadedRule
    from ..compiler import Branch


class RecordRule(RuleBase):
    kind: Literal["record"]
    measure: Measure
    required_messages: ClassVar[tuple[str, ...]] = ("noted",)

    def measures(self) -> list[tuple[tuple, Measure]]:
        return [(("measure",), self.measure)]


def _own(rule: "LoadedRule") -> RecordRule:
    """The rule's model, which this kind is only ever called with."""
    return cast(RecordRule, rule.rule)


class Record(Kind):
    name = "record"
    label = "ghi nhận (không có chỉ tiêu)"
    model = RecordRule
    example_statuses = ("noted",)

    def branches(self, cat: "Catalogue", rule: "LoadedRule") -> list["Branch"]:
        bs = BranchSet(rule)
        bs.add("not_applicable", Outcome("not_applicable"), ~bs.applicable)
        bs.add(
            "missing",
            Outcome("insufficient_data", evidence="missing", reason="no_fact"),
            cmp(F_FORM, "==", ValueForm.MISSING.value),
        )
        bs.add("noted", Outcome("noted"), cmp(F_FORM, "!=", ValueForm.MISSING.value))
        return bs.branches

    def observe(self, cat, rule, window, commune, earlier_findings) -> Observation:
        return Observation(rule, window, measure(cat, commune, _own(rule).measure, window))

    def unit(self, cat, rule) -> Optional[str]:
        m = _own(rule).measure
        return "%" if m.per else cat.indicators[m.of].unit

    def finding_parts(self, cat, rule, obs: Observation, unit, evidence_level) -> FindingParts:
        m = _own(rule).measure
        actual, display, bounds = value_parts(
            cat, cat.indicators.get(m.of), obs.measured, unit, ratio=m.per is not None
        )
        return FindingParts(actual, display, None, bounds)

    def describe(self, cat, rule) -> list[str]:
        return [
            f"Ghi nhận {measure_words(cat, _own(rule).measure)} theo báo cáo; nhiệm vụ không có chỉ tiêu để so "
            "sánh nên không kết luận đạt hay chưa đạt. Báo cáo không nêu thì là “Chưa đủ dữ liệu”."
        ]
