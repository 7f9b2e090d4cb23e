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

import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from .conditions import FALSE, And, Cmp, Cond, Or, Ref, all_of, alternatives, any_of, cmp, fields_read, size, to_durable
from .diagnostics import Diagnostic
from .model import Status
from .wire import (
    CONCL,
    F_AS_OF,
    F_BAND_HI,
    F_BAND_LO,
    F_END,
    F_EXPIRES,
    F_HI,
    F_HI_OPEN,
    F_LO,
    F_LO_OPEN,
    F_PERIOD,
    F_UNIT,
    F_RULE,
    F_START,
    F_STATUS,
    F_TARGET,
    F_TYPE,
    HEAD_FIELDS,
    OBS,
    OBS_FIELDS,
    WAIVER,
    day_number,
)

if TYPE_CHECKING:
    from .catalogue import Catalogue, LoadedRule


@dataclass(frozen=True)
class Outcome:
    status: Status
    evidence: Optional[str] = None  # overrides the observation's evidence level
    outlook: Optional[str] = None
    reason: Optional[str] = None  # why, where the status alone does not say it


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

    def patterns(self, shared: Optional[Counter[Cmp]] = None) -> list[tuple[str, Cond]]:
        """The branch's patterns by name; with ``shared`` (how many branches of the rule test each comparison), the
        observation's tests ordered most shared first (see ``CompiledCatalogue.definition``)."""
        cond = self.cond if shared is None else _shared_first(self.cond, shared)
        out = [("o", all_of(cmp(F_TYPE, "==", OBS), cmp(F_RULE, "==", self.rule_id), cond))]
        if self.join:
            key = self.join.name + ("$not" if self.join.negated else "")
            out.append((key, all_of(cmp(F_TYPE, "==", self.join.fact_type), self.join.cond)))
        return out

    def durable(self, shared: Optional[Counter[Cmp]] = None) -> dict:
        return {"all": [{key: to_durable(c)} for key, c in self.patterns(shared)]}

    def size(self) -> int:
        return sum(size(c) for _, c in self.patterns())

    @property
    def waiver_join(self) -> bool:
        """True when the branch fires only with a waiver fact matched (its activation names the waiver)."""
        return self.join is not None and self.join.fact_type == WAIVER and not self.join.negated


@dataclass
class CompiledCatalogue:
    branches: list[Branch]

    def __post_init__(self) -> None:
        # rules whose conclusions another rule joins on: only these are asserted back as 'concl' facts
        self.read_conclusions = {
            str(c.value)
            for b in self.branches
            if b.join and b.join.fact_type == CONCL
            for c in _cmps(b.join.cond)
            if c.field == F_RULE
        }
        # rules that can be waived: a waiver of any other rule (a record, which is never unmet) reaches no pattern
        self.waivable = {b.rule_id for b in self.branches if b.join and b.join.fact_type == WAIVER}
        # what every run's Rete is built from, worked out once and kept with the catalogue (chitieu.catcache): the
        # ruleset as the C core reads it, and the fields each rule's observations carry
        self.ruleset_json = json.dumps(self.definition(), ensure_ascii=False, separators=(",", ":"))
        self.fields_by_rule = self.observation_fields()

    def definition(self) -> dict[str, dict]:
        """The ruleset as durable_rules reads it, one rule per branch. Each observation pattern tests first what most
        of its rule's branches test: durable shares an alpha node between patterns whose tests are the same up to
        it, and an observation that fails a shared test leaves every branch below it at once (the C core's time
        per observation grows with the nodes it visits). The order of an 'and' never changes what matches."""
        shared: dict[str, Counter[Cmp]] = {}
        for b in self.branches:
            parts = b.cond.parts if isinstance(b.cond, And) else (b.cond,)
            shared.setdefault(b.rule_id, Counter()).update(p for p in parts if isinstance(p, Cmp))
        return {b.name: b.durable(shared[b.rule_id]) for b in self.branches}

    def observation_fields(self) -> dict[str, tuple[str, ...]]:
        """Per rule, the observation fields its branches read — their own tests and the joins' references to the
        observation — in the order ``ObservationFact.fact`` gives them, always starting with type, id, rule and
        period. An observation asserted with only these decides exactly as the whole one: every test its rule's
        patterns make finds its field, and no other rule's pattern sees it (each tests ``r`` first)."""
        read: dict[str, set[str]] = {}
        for b in self.branches:
            fields = read.setdefault(b.rule_id, set())
            for name, cond in b.patterns():
                pattern = "$m" if name == "o" else "o"
                fields.update(f for p, f in fields_read(cond) if p == pattern)
        return {rule: tuple(f for f in OBS_FIELDS if f in HEAD_FIELDS or f in fields) for rule, fields in read.items()}


def _shared_first(c: Cond, shared: Counter[Cmp]) -> Cond:
    """``c`` with the parts of every 'and' in it ordered: comparisons most of the rule's branches make first (ties in
    the order the wire gives the fields), alternatives ('or') last."""
    if isinstance(c, Or):
        return Or(tuple(_shared_first(p, shared) for p in c.parts))
    if not isinstance(c, And):
        return c
    parts = [_shared_first(p, shared) for p in c.parts]
    cmps = sorted((p for p in parts if isinstance(p, Cmp)), key=lambda p: (-shared[p], _FIELD_RANK.get(p.field, 99)))
    return And(tuple(cmps + [p for p in parts if not isinstance(p, Cmp)]))


_FIELD_RANK = {f: i for i, f in enumerate(OBS_FIELDS)}


def _cmps(c: Cond) -> list[Cmp]:
    if isinstance(c, Cmp):
        return [c]
    return [x for p in getattr(c, "parts", ()) for x in _cmps(p)]


def field_ref(name: str) -> Ref:
    """The observation's own field, compared at match time (a per-period threshold travels in the observation)."""
    return Ref("$m", name)


def met_unmet(op: str) -> tuple[Cond, Cond]:
    """Met / unmet over the interval [lo, hi] (open ends flagged) against the threshold, or the band for '=='."""
    lo, hi, tg = F_LO, F_HI, field_ref(F_TARGET)
    lx1, hx1 = cmp(F_LO_OPEN, "==", 1), cmp(F_HI_OPEN, "==", 1)
    if op == ">=":
        return cmp(lo, ">=", tg), cmp(hi, "<", tg) | (cmp(hi, "==", tg) & hx1)
    if op == ">":
        return cmp(lo, ">", tg) | (cmp(lo, "==", tg) & lx1), cmp(hi, "<=", tg)
    if op == "<=":
        return cmp(hi, "<=", tg), cmp(lo, ">", tg) | (cmp(lo, "==", tg) & lx1)
    if op == "<":
        return cmp(hi, "<", tg) | (cmp(hi, "==", tg) & hx1), cmp(lo, ">=", tg)
    if op == "==":
        tl, th = field_ref(F_BAND_LO), field_ref(F_BAND_HI)
        met = cmp(lo, ">=", tl) & cmp(hi, "<=", th)
        unmet = any_of(cmp(hi, "<", tl), cmp(lo, ">", th), cmp(hi, "==", tl) & hx1, cmp(lo, "==", th) & lx1)
        return met, unmet
    raise ValueError(op)


def applicable(rule: "LoadedRule") -> Cond:
    """The period has begun by the as-of date and overlaps the rule's effective dates; a target judged by a deadline
    is judged on the as-of date, so that date must lie within them too (a target replaced by a new criteria set no
    longer applies after the change, whenever its period began)."""
    cond: Cond = cmp(F_START, "<=", field_ref(F_AS_OF))
    span = rule.in_force
    if span is not None:
        cond = cond & cmp(F_END, ">=", day_number(span.from_))
        if span.to is not None:
            cond = cond & cmp(F_START, "<=", day_number(span.to))
            if rule.rule.period.kind == "deadline":
                cond = cond & cmp(F_AS_OF, "<=", day_number(span.to))
    return cond


def waiver_join(rule_id: str, negated: bool) -> Join:
    # The rule id is a constant test, not a join on o.r: a waiver fact then reaches only its own rule's two
    # patterns. Joined on o.r, every waiver matched every rule's patterns at one node and durable_rules refused
    # the assertion past 64 of them (error 303).
    cond = all_of(
        cmp(F_RULE, "==", rule_id),
        same_unit(),
        cmp(F_PERIOD, "==", Ref("o", F_PERIOD)),
        cmp(F_EXPIRES, ">=", Ref("o", F_AS_OF)),
    )
    return Join("w", WAIVER, cond, negated)


def conclusion_join(rule_id: str, statuses: tuple[str, ...]) -> Join:
    return Join(
        "k",
        CONCL,
        all_of(cmp(F_RULE, "==", rule_id), same_unit(), any_of(*(cmp(F_STATUS, "==", s) for s in statuses))),
    )


def same_unit() -> Cmp:
    """A joined fact belongs to the observation's own commune (wire.F_UNIT)."""
    return cmp(F_UNIT, "==", Ref("o", F_UNIT))


class BranchSet:
    """The branches of one rule, each guarded by the rule's applicability (except the not-applicable branch)."""

    def __init__(self, lr: "LoadedRule"):
        self.rule_id = lr.id
        self.applicable = applicable(lr)
        self.branches: list[Branch] = []

    def add(self, suffix: str, outcome: Outcome, cond: Cond, join: Optional[Join] = None) -> None:
        cond = all_of(self.applicable, cond) if suffix != "not_applicable" else cond
        if cond != FALSE:
            self.branches.append(Branch(f"{self.rule_id}#{suffix}", self.rule_id, outcome, cond, join))


def compile_rule(cat: "Catalogue", rule: "LoadedRule") -> list[Branch]:
    return rule.kind.branches(cat, rule)


def limit_problems(compiled: list[tuple["LoadedRule", list[Branch]]]) -> list[Diagnostic]:
    """Located errors for rules and a catalogue past what durable_rules holds (wire's RETE_MAX_*): ``compiled`` is
    each rule with its branches. Lint and every audit check the same, before a ruleset is built."""
    from . import wire

    out: list[Diagnostic] = []
    for lr, branches in compiled:
        n = sum(alternatives(b.cond) for b in branches)
        if n > wire.RETE_MAX_MATCHES:
            out.append(
                Diagnostic(
                    str(lr.path),
                    *lr.where("id"),
                    "rete-node-limit",
                    f"rule '{lr.id}' compiles into {n} alternative patterns; durable_rules refuses a fact "
                    f"that matches more than {wire.RETE_MAX_MATCHES} at one node (error 303): simplify "
                    "the target",
                )
            )
    sizes = [(lr, len(branches)) for lr, branches in compiled]
    if len(sizes) > wire.RETE_MAX_CHILDREN:
        lr = sizes[wire.RETE_MAX_CHILDREN][0]
        out.append(
            Diagnostic(
                str(lr.path),
                *lr.where("id"),
                "rete-too-many-rules",
                f"rule '{lr.id}' is rule {wire.RETE_MAX_CHILDREN + 1:,} of {len(sizes):,} in this "
                f"catalogue; durable_rules holds at most {wire.RETE_MAX_CHILDREN} rules in one ruleset "
                "(error 106): split the catalogue into several rule folders and check them separately",
            )
        )
    total = 0
    for lr, n in sizes:
        total += n
        if total > wire.RETE_MAX_ACTIONS:
            grand = sum(n for _, n in sizes)
            out.append(
                Diagnostic(
                    str(lr.path),
                    *lr.where("id"),
                    "rete-too-many-rules",
                    f"the catalogue compiles into {grand:,} condition branches, past durable_rules' "
                    f"{wire.RETE_MAX_ACTIONS:,} for one ruleset from rule '{lr.id}' on (error 106): "
                    "split the catalogue into several rule folders and check them separately",
                )
            )
            break
    return out


def compile_catalogue(cat: "Catalogue", rule_ids: Optional[set[str]] = None) -> CompiledCatalogue:
    """The branches of the catalogue's rules (of ``rule_ids`` only, when given). The whole catalogue's are compiled
    once and kept with it — also in the catalogue cache (chitieu.catcache), so a run from the cache compiles nothing."""
    if rule_ids is None and cat.compiled is not None:
        return cat.compiled
    branches: list[Branch] = []
    for lr in cat.rules:
        if rule_ids is None or lr.id in rule_ids:
            branches.extend(compile_rule(cat, lr))
    compiled = CompiledCatalogue(branches)
    if rule_ids is None:
        cat.compiled = compiled
    return compiled
