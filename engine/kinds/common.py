"""The branch set shared by the kinds that compare a measured value (threshold, claim_check)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

from ..compiler import BranchSet, Outcome, conclusion_join, field_ref, met_unmet, waiver_join
from ..conditions import FALSE, TRUE, cmp
from ..wire import (
    F_AWAITING,
    F_CLAIM,
    F_EVIDENCED,
    F_FORM,
    F_OPEN,
    F_PACE,
    F_TARGET,
    PACE_BEHIND,
    PACE_ON,
    PACE_UNKNOWN,
    ValueForm,
)

if TYPE_CHECKING:
    from ..catalogue import LoadedRule
    from ..compiler import Branch


def value_branches(
    rule: "LoadedRule",
    *,
    op: str,
    threshold_unknown: bool = False,
    has_extreme: bool = False,
    evidence: bool = False,
    outlook_from: Optional[str] = None,
    final_at_period_end: bool = False,
    deadline_bound: bool = True,
    mismatch: Literal["unmet", "needs_clarification"] = "unmet",
) -> list["Branch"]:
    """Branches that partition every observation of a value rule into exactly one conclusion (compiler docstring).

    ``final_at_period_end``: the result is known only when the period is over (a year's poverty figure is fixed by
    the year-end review), so a value that already meets the target is still pending while the period is open.
    ``deadline_bound=False`` (checks of the report's own figures): a mismatch is concluded at once, never pending;
    ``mismatch`` names the status it concludes (unmet, or needs_clarification where it may have an innocent cause).
    """
    rid = rule.id
    bs = BranchSet(rule)
    A = bs.applicable
    bs.add("not_applicable", Outcome("not_applicable"), ~A)
    kv = cmp(F_FORM, "==", ValueForm.VALUE.value)
    kc = cmp(F_FORM, "==", ValueForm.CLAIM.value)
    kx = cmp(F_FORM, "==", ValueForm.MISSING.value)
    met_v, unmet_v = met_unmet(op)
    if threshold_unknown:
        # The plan sets no number. A value at the top of the indicator's range (4/4 = 100%) meets any threshold
        # the plan could set; anything else cannot be decided. The observation carries that extreme as the target.
        met_v = met_v if has_extreme and op in (">=", ">", "<=", "<") else FALSE
        unmet_v = FALSE
    closed = cmp(F_OPEN, "==", 0) & cmp(F_AWAITING, "==", 0)
    ap0, ap1 = cmp(F_AWAITING, "==", 0), cmp(F_AWAITING, "==", 1)
    claim_met, claim_unmet = kc & cmp(F_CLAIM, "==", 1), kc & cmp(F_CLAIM, "==", 0)
    met_any = (kv & met_v) | claim_met
    # a result awaiting appraisal is not settled, whatever it says; nor is a year's result before the year is over
    # when the rule says it is fixed only at the period's end
    settled = closed if final_at_period_end else (ap0 if deadline_bound else TRUE)
    judged = closed if deadline_bound else TRUE

    bs.add("missing", Outcome("insufficient_data", evidence="missing", reason="no_fact"), kx)
    if evidence:
        ev_ok = cmp(F_EVIDENCED, ">=" if op == ">=" else ">", field_ref(F_TARGET))
        bs.add("met", Outcome("met"), ((kv & met_v & ev_ok) | claim_met) & settled)
        bs.add(
            "met_on_claim", Outcome("met", evidence="claimed", reason="counted_on_claim"), kv & met_v & ~ev_ok & settled
        )
    else:
        bs.add("met", Outcome("met"), met_any & settled)
    unmet = (kv & unmet_v) | claim_unmet
    bs.add("unmet", Outcome(mismatch), unmet & judged, waiver_join(rid, True))
    bs.add("waived", Outcome("waived"), unmet & judged, waiver_join(rid, False))
    if deadline_bound:
        # The form takes one of three values, so "not met" splits into two alternatives that exclude each other;
        # written as ¬(met) it would expand into many overlapping alternatives, each a separate match in durable.
        not_met = (kv & ~met_v) | claim_unmet
        # With no threshold a value can never become "met later": only a claim can be pending.
        may_wait = claim_unmet if threshold_unknown else not_met
        # awaiting appraisal says nothing about the outlook: "cơ bản đạt" is not "đạt"
        bs.add("pending_appraisal", Outcome("pending", reason="awaiting_appraisal"), (may_wait | met_any) & ap1)
        waiting = ap0 & cmp(F_OPEN, "==", 1)
        if final_at_period_end:
            bs.add("pending_final", Outcome("pending", reason="awaiting_period_end"), met_any & waiting)
        open_ = may_wait & waiting
        if outlook_from:
            # on track only when what the target rests on is met; "pending" there says nothing about the outlook
            src = outlook_from
            bs.add(
                "pending_on_track",
                Outcome("pending", outlook="on_track"),
                open_,
                conclusion_join(src, ("met", "waived")),
            )
            bs.add("pending_at_risk", Outcome("pending", outlook="at_risk"), open_, conclusion_join(src, ("unmet",)))
            bs.add(
                "pending_unknown",
                Outcome("pending"),
                open_,
                conclusion_join(
                    src, ("pending", "insufficient_data", "not_applicable", "needs_clarification", "noted")
                ),
            )
        else:
            bs.add(
                "pending_on_track",
                Outcome("pending", outlook="on_track", reason="period_open"),
                open_ & cmp(F_PACE, "==", PACE_ON),
            )
            bs.add(
                "pending_at_risk",
                Outcome("pending", outlook="at_risk", reason="period_open"),
                open_ & cmp(F_PACE, "==", PACE_BEHIND),
            )
            bs.add("pending", Outcome("pending", reason="period_open"), open_ & cmp(F_PACE, "==", PACE_UNKNOWN))
    bs.add(
        "undetermined",
        Outcome("insufficient_data", reason="threshold_unknown" if threshold_unknown else "bound_straddles"),
        (kv & ~met_v) if threshold_unknown else (kv & ~met_v & ~unmet_v & judged),
    )
    return bs.branches
