"""The branch set shared by the kinds that compare a measured value (threshold, claim_check)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..compiler import BranchSet, Outcome, conclusion_join, field_ref, met_unmet, waiver_join
from ..conditions import FALSE, cmp
from ..wire import F_AWAITING, F_CLAIM, F_EVIDENCED, F_FORM, F_OPEN, F_TARGET, ValueForm

if TYPE_CHECKING:
    from ..catalogue import LoadedRule
    from ..compiler import Branch


def value_branches(lr: "LoadedRule", *, op: str, threshold_unknown: bool = False, has_extreme: bool = False,
                   evidence: bool = False, outlook_from: Optional[str] = None) -> list["Branch"]:
    """Branches that partition every observation of a value rule into exactly one conclusion (compiler docstring)."""
    rid = lr.id
    bs = BranchSet(lr)
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
    claim_met, claim_unmet = kc & cmp(F_CLAIM, "==", 1), kc & cmp(F_CLAIM, "==", 0)

    bs.add("missing", Outcome("insufficient_data", evidence="missing", reason="no_fact"), kx)
    if evidence:
        ev_ok = cmp(F_EVIDENCED, ">=" if op == ">=" else ">", field_ref(F_TARGET))
        bs.add("met", Outcome("met"), (kv & met_v & ev_ok) | claim_met)
        bs.add("met_on_claim", Outcome("met", evidence="claimed", reason="counted_on_claim"), kv & met_v & ~ev_ok)
    else:
        bs.add("met", Outcome("met"), (kv & met_v) | claim_met)
    unmet = (kv & unmet_v) | claim_unmet
    bs.add("unmet", Outcome("unmet"), unmet & closed, waiver_join(rid, True))
    bs.add("waived", Outcome("waived"), unmet & closed, waiver_join(rid, False))
    # The form takes one of three values, so "not met" splits into two alternatives that exclude each other;
    # written as ¬(met) it would expand into many overlapping alternatives, each a separate match in durable_rules.
    not_met = (kv & ~met_v) | claim_unmet
    # With no threshold a value can never become "met later": only a claim can be pending.
    may_wait = claim_unmet if threshold_unknown else not_met
    bs.add("pending_appraisal", Outcome("pending", outlook="on_track", reason="awaiting_appraisal"),
           may_wait & cmp(F_AWAITING, "==", 1))
    open_ = may_wait & cmp(F_AWAITING, "==", 0) & cmp(F_OPEN, "==", 1)
    if outlook_from:
        src = outlook_from
        bs.add("pending_on_track", Outcome("pending", outlook="on_track"), open_,
               conclusion_join(src, ("met", "pending", "waived")))
        bs.add("pending_at_risk", Outcome("pending", outlook="at_risk"), open_, conclusion_join(src, ("unmet",)))
        bs.add("pending_unknown", Outcome("pending"), open_, conclusion_join(src, ("insufficient_data", "not_applicable")))
    else:
        bs.add("pending", Outcome("pending", reason="period_open"), open_)
    bs.add("undetermined", Outcome("insufficient_data",
                                   reason="threshold_unknown" if threshold_unknown else "bound_straddles"),
           (kv & ~met_v) if threshold_unknown else (kv & ~met_v & ~unmet_v & closed))
    return bs.branches
