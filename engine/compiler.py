"""Compilation: rule models → condition branches → durable_rules ruleset definitions.

Every rule becomes a set of *branches*, each a durable_rules rule whose action concludes one status. The branches of
a rule partition the space of observations, so exactly one fires for each observation the runtime asserts:

    not_applicable      the period lies outside the rule set's effective dates, or has not begun
    insufficient_data   no fact, or a bound that straddles the threshold, or an unknown threshold
    met                 the value satisfies the target (split by evidence where the rule counts documented items)
    unmet               the value fails the target and the period is closed — unless a valid waiver is asserted
    waived              as unmet, joined with a waiver fact for the same rule and period that has not expired
    pending             the value does not (yet) satisfy the target, and the period is open or the result awaits
                        appraisal; the outlook comes from the appraisal flag or from another rule's conclusion

An *observation* (fact type ``obs``) carries the measured value as an interval of scaled integers — exact values have
lo == hi, "trên 50%" has an open lower end — so bounds are decided soundly: met only if every value in the interval
meets the target, unmet only if none does. Thresholds that vary by period (targets per year, assigned targets, the
other side of a claim check) travel in the observation and are compared by field reference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Optional

from .catalogue import Catalogue, LoadedRule
from .conditions import FALSE, Cmp, Cond, Ref, all_of, alternatives, any_of, cmp, size, to_durable
from .diagnostics import Diagnostic

SCALE = 10_000            # values are compared as integers in units of 1/10,000
NEG_INF = -(10 ** 17)     # open ends of intervals; well inside durable's signed 64-bit range
POS_INF = 10 ** 17

OBS, WAIVER, CONCL = "obs", "waiver", "concl"


def scaled(value: Decimal | int | None, *, default: int = 0) -> int:
    if value is None:
        return default
    return int((Decimal(value) * SCALE).to_integral_value(rounding=ROUND_HALF_UP))


def day_number(d: dt.date) -> int:
    return d.year * 10_000 + d.month * 100 + d.day


@dataclass(frozen=True)
class Outcome:
    status: str
    evidence: Optional[str] = None   # overrides the observation's evidence level
    outlook: Optional[str] = None
    reason: Optional[str] = None     # why, where the status alone does not say it


@dataclass(frozen=True)
class Join:
    name: str
    fact_type: str
    cond: Cond
    negated: bool = False


@dataclass(frozen=True)
class Branch:
    name: str
    rule_id: str
    outcome: Outcome
    cond: Cond
    join: Optional[Join] = None

    def patterns(self) -> list[tuple[str, Cond]]:
        out = [("o", all_of(cmp("t", "==", OBS), cmp("r", "==", self.rule_id), self.cond))]
        if self.join:
            key = self.join.name + ("$not" if self.join.negated else "")
            out.append((key, all_of(cmp("t", "==", self.join.fact_type), self.join.cond)))
        return out

    def durable(self) -> dict:
        return {"all": [{key: to_durable(c)} for key, c in self.patterns()]}

    def size(self) -> int:
        return sum(size(c) for _, c in self.patterns())


@dataclass
class CompiledCatalogue:
    branches: list[Branch]

    def __post_init__(self) -> None:
        self.by_name = {b.name: b for b in self.branches}
        # rules whose conclusions another rule joins on: only these are asserted back as 'concl' facts
        self.read_conclusions = {str(c.value) for b in self.branches if b.join and b.join.fact_type == CONCL
                                 for c in _cmps(b.join.cond) if c.field == "r"}

    def definition(self, action_for: Callable[[Branch], Callable]) -> dict:
        """A fresh ruleset dict (durable's set_rulesets mutates what it is given)."""
        return {b.name: dict(b.durable(), run=action_for(b)) for b in self.branches}

    def for_rule(self, rule_id: str) -> list[Branch]:
        return [b for b in self.branches if b.rule_id == rule_id]


def _cmps(c: Cond) -> list[Cmp]:
    if isinstance(c, Cmp):
        return [c]
    return [x for p in getattr(c, "parts", ()) for x in _cmps(p)]


def _f(name: str) -> Ref:
    return Ref("$m", name)


def _met_unmet(op: str) -> tuple[Cond, Cond]:
    """Met / unmet over the interval [lo, hi] (lx, hx: open ends) against the threshold tg, or the band tl..th."""
    lo, hi = "lo", "hi"
    lx1, hx1 = cmp("lx", "==", 1), cmp("hx", "==", 1)
    if op == ">=":
        return cmp(lo, ">=", _f("tg")), cmp(hi, "<", _f("tg")) | (cmp(hi, "==", _f("tg")) & hx1)
    if op == ">":
        return cmp(lo, ">", _f("tg")) | (cmp(lo, "==", _f("tg")) & lx1), cmp(hi, "<=", _f("tg"))
    if op == "<=":
        return cmp(hi, "<=", _f("tg")), cmp(lo, ">", _f("tg")) | (cmp(lo, "==", _f("tg")) & lx1)
    if op == "<":
        return cmp(hi, "<", _f("tg")) | (cmp(hi, "==", _f("tg")) & hx1), cmp(lo, ">=", _f("tg"))
    if op == "==":
        met = cmp(lo, ">=", _f("tl")) & cmp(hi, "<=", _f("th"))
        unmet = any_of(
            cmp(hi, "<", _f("tl")), cmp(lo, ">", _f("th")),
            cmp(hi, "==", _f("tl")) & hx1, cmp(lo, "==", _f("th")) & lx1,
        )
        return met, unmet
    raise ValueError(op)


def _applicable(lr: LoadedRule) -> Cond:
    cond = cmp("ps", "<=", _f("asof"))          # the period has begun by the as-of date
    if lr.in_force is not None:
        cond = cond & cmp("pe", ">=", day_number(lr.in_force.from_))
        if lr.in_force.to is not None:
            cond = cond & cmp("ps", "<=", day_number(lr.in_force.to))
    return cond


def _waiver_join(rule_id: str, negated: bool) -> Join:
    # The rule id is a constant test, not a join on o.r: a waiver fact then reaches only its own rule's two
    # patterns. Joined on o.r, every waiver matched every rule's patterns at one node and durable_rules refused
    # the assertion past 64 of them (error 303).
    cond = all_of(cmp("r", "==", rule_id), cmp("p", "==", Ref("o", "p")), cmp("exp", ">=", Ref("o", "asof")))
    return Join("w", WAIVER, cond, negated)


def _concl_join(rule_id: str, statuses: tuple[str, ...]) -> Join:
    return Join("k", CONCL, all_of(cmp("r", "==", rule_id), any_of(*(cmp("s", "==", s) for s in statuses))))


def compile_rule(cat: Catalogue, lr: LoadedRule) -> list[Branch]:
    r = lr.rule
    rid = r.id
    A = _applicable(lr)
    out: list[Branch] = []

    def add(suffix: str, outcome: Outcome, cond: Cond, join: Optional[Join] = None) -> None:
        cond = all_of(A, cond) if suffix != "not_applicable" else cond
        if cond != FALSE:
            out.append(Branch(f"{rid}#{suffix}", rid, outcome, cond, join))

    if r.kind == "all_of":
        # The observation counts the conclusions of the required rules (durable_rules cannot count).
        n_pos = cmp("n", ">", 0)
        add("not_applicable", Outcome("not_applicable"), ~A | (A & cmp("n", "==", 0)))
        add("met", Outcome("met"), n_pos & cmp("nm", "==", _f("n")))
        add("unmet", Outcome("unmet"), n_pos & cmp("nu", ">", 0), _waiver_join(rid, True))
        add("waived", Outcome("waived"), n_pos & cmp("nu", ">", 0), _waiver_join(rid, False))
        add("insufficient", Outcome("insufficient_data", reason="requirement_missing"),
            n_pos & cmp("nu", "==", 0) & cmp("ni", ">", 0))
        add("pending", Outcome("pending"), n_pos & cmp("nu", "==", 0) & cmp("ni", "==", 0) & cmp("np", ">", 0))
        return out

    add("not_applicable", Outcome("not_applicable"), ~A)
    kv, kc, kx = cmp("k", "==", "v"), cmp("k", "==", "c"), cmp("k", "==", "x")
    op = r.target.op if r.kind == "threshold" and r.target else "=="
    met_v, unmet_v = _met_unmet(op)
    threshold_unknown = r.kind == "threshold" and r.target is not None and r.target.value is None
    if threshold_unknown:
        # The plan sets no number. A value at the top of the indicator's range (4/4 = 100%) meets any threshold
        # the plan could set; anything else cannot be decided. The observation carries that extreme as tg.
        has_extreme = extreme_value(cat, lr) is not None
        met_v = met_v if has_extreme and op in (">=", ">", "<=", "<") else FALSE
        unmet_v = FALSE
    evidence = bool(r.measure and r.measure.evidence) and op in (">=", ">")
    closed = cmp("op", "==", 0) & cmp("ap", "==", 0)
    claim_met, claim_unmet = kc & cmp("cv", "==", 1), kc & cmp("cv", "==", 0)

    add("missing", Outcome("insufficient_data", evidence="missing", reason="no_fact"), kx)
    if evidence:
        ev_ok = cmp("ev", ">=" if op == ">=" else ">", _f("tg"))
        add("met", Outcome("met"), (kv & met_v & ev_ok) | claim_met)
        add("met_on_claim", Outcome("met", evidence="claimed", reason="counted_on_claim"), kv & met_v & ~ev_ok)
    else:
        add("met", Outcome("met"), (kv & met_v) | claim_met)
    unmet = (kv & unmet_v) | claim_unmet
    add("unmet", Outcome("unmet"), unmet & closed, _waiver_join(rid, True))
    add("waived", Outcome("waived"), unmet & closed, _waiver_join(rid, False))
    # k takes one of three values, so "not met" splits into two alternatives that exclude each other; written as
    # ¬(met) it would expand into many overlapping alternatives, each a separate match in durable_rules.
    not_met = (kv & ~met_v) | claim_unmet
    # With no threshold a value can never become "met later": only a claim can be pending.
    may_wait = claim_unmet if threshold_unknown else not_met
    add("pending_appraisal", Outcome("pending", outlook="on_track", reason="awaiting_appraisal"),
        may_wait & cmp("ap", "==", 1))
    open_ = may_wait & cmp("ap", "==", 0) & cmp("op", "==", 1)
    if r.outlook_from:
        src = r.outlook_from
        add("pending_on_track", Outcome("pending", outlook="on_track"), open_, _concl_join(src, ("met", "pending", "waived")))
        add("pending_at_risk", Outcome("pending", outlook="at_risk"), open_, _concl_join(src, ("unmet",)))
        add("pending_unknown", Outcome("pending"), open_,
            _concl_join(src, ("insufficient_data", "not_applicable")))
    else:
        add("pending", Outcome("pending", reason="period_open"), open_)
    add("undetermined", Outcome("insufficient_data",
                                reason="threshold_unknown" if threshold_unknown else "bound_straddles"),
        (kv & ~met_v) if threshold_unknown else (kv & ~met_v & ~unmet_v & closed))
    return out


def extreme_value(cat: Catalogue, lr: LoadedRule) -> Optional[Decimal]:
    """The value that meets any threshold for a rule whose threshold is unknown (top or bottom of the range)."""
    r = lr.rule
    if r.measure is None or r.target is None:
        return None
    if r.measure.per:
        return Decimal(100) if r.target.op in (">=", ">") else Decimal(0)
    ind = cat.indicators.get(r.measure.of)
    if ind is None:
        return None
    return ind.upper if r.target.op in (">=", ">") else ind.lower


# What one durable_rules 2.0.28 ruleset holds (measured; src/rules/rete.c): the rules' "r == id" tests are the
# children of one node, and a node takes at most 511 (a full bucket is error 106); and at most 4,096 actions, one
# per branch, in all (error 106 again). Past either, creating the ruleset fails.
# And a fact may match at most 64 patterns at one node (error 303 when it is asserted).
RETE_MAX_RULES = 511
RETE_MAX_BRANCHES = 4096
RETE_MAX_MATCHES = 64


def limit_problems(compiled: list[tuple[LoadedRule, list["Branch"]]]) -> list[Diagnostic]:
    """Located errors for rules and a catalogue past what durable_rules holds; ``compiled`` is each rule with its
    branches."""
    out: list[Diagnostic] = []
    for lr, branches in compiled:
        n = sum(alternatives(b.cond) for b in branches)
        if n > RETE_MAX_MATCHES:
            out.append(Diagnostic(str(lr.path), *lr.where("id"), "rete-node-limit",
                                  f"rule '{lr.id}' compiles into {n} alternative patterns; durable_rules refuses a fact "
                                  f"that matches more than {RETE_MAX_MATCHES} at one node (error 303): simplify the target"))
    sizes = [(lr, len(branches)) for lr, branches in compiled]
    if len(sizes) > RETE_MAX_RULES:
        lr = sizes[RETE_MAX_RULES][0]
        out.append(Diagnostic(str(lr.path), *lr.where("id"), "rete-too-many-rules",
                              f"rule '{lr.id}' is rule {RETE_MAX_RULES + 1:,} of {len(sizes):,} in this catalogue; "
                              f"durable_rules holds at most {RETE_MAX_RULES} rules in one ruleset (error 106): split "
                              "the catalogue into several rule folders and check them separately"))
    total = 0
    for lr, n in sizes:
        total += n
        if total > RETE_MAX_BRANCHES:
            grand = sum(n for _, n in sizes)
            out.append(Diagnostic(str(lr.path), *lr.where("id"), "rete-too-many-rules",
                                  f"the catalogue compiles into {grand:,} condition branches, past durable_rules' "
                                  f"{RETE_MAX_BRANCHES:,} for one ruleset from rule '{lr.id}' on (error 106): split "
                                  "the catalogue into several rule folders and check them separately"))
            break
    return out


def compile_catalogue(cat: Catalogue, rule_ids: Optional[set[str]] = None) -> CompiledCatalogue:
    branches: list[Branch] = []
    for lr in cat.rules:
        if rule_ids is None or lr.id in rule_ids:
            branches.extend(compile_rule(cat, lr))
    return CompiledCatalogue(branches)

