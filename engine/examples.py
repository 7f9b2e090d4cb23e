"""Running a rule's own examples through the real engine (for `chitieu rules test` and the test suite)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from pydantic import ValidationError

from .audit import run_audit
from .catalogue import Catalogue, LoadedRule
from .facts import CommuneFacts, LoadedFact, LoadedWaiver, fact_problems
from .model import Commune, Example, Fact, Finding, Report, Waiver

EXAMPLE_COMMUNE = Commune(id="vi-du", name="xã Ví Dụ")


def example_commune(rule: LoadedRule) -> Commune:
    """The commune an example is the report of: one the rule's plan covers (its first listed commune, or a commune
    of its first province, of the first kind of unit it names), so that the example judges the rule as the plan
    applies it."""
    covers = rule.document.covers
    if covers is None or covers == "all":
        return EXAMPLE_COMMUNE
    name = f"{covers.units[0]} Ví Dụ" if covers.units else EXAMPLE_COMMUNE.name  # of a kind of unit it covers
    if covers.communes:
        return Commune(id=covers.communes[0], name=name)
    if covers.provinces:
        return Commune(id=f"{covers.provinces[0]}/{EXAMPLE_COMMUNE.id}", name=name)
    return Commune(id=EXAMPLE_COMMUNE.id, name=name)


@dataclass
class ExampleResult:
    rule_id: str
    example: Example
    path: str
    line: int
    finding: Optional[Finding] = None
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def test_id(self) -> str:
        return f"{self.rule_id}::{self.example.name}"


def _as_of(ex: Example, lr: LoadedRule, facts: list[Fact]) -> dt.date:
    """The example's as-of date: given, else the end of its last year, else the end of the first year the rule
    set is in force."""
    if ex.as_of is not None:
        return ex.as_of
    years = [f.period.end for f in facts if f.period.kind != "as_of"]
    if years:
        return dt.date(max(years), 12, 31)
    first = lr.in_force.from_.year if lr.in_force is not None else lr.document.period.from_
    return dt.date(max(first, lr.document.period.from_), 12, 31)


def example_inputs(
    rule: LoadedRule, index: int, cat: Optional[Catalogue] = None
) -> tuple[CommuneFacts, list[LoadedWaiver]]:
    """The example as one commune's facts; raises ValueError naming the broken fact (checked against ``cat``)."""
    ex = rule.rule.examples[index]
    loc = rule.loc + ("examples", index)
    facts: list[Fact] = []
    for i, raw in enumerate(ex.facts):
        data = dict(raw)
        data.setdefault("source", {"line": 1, "quote": "(ví dụ)"})
        try:
            facts.append(Fact.model_validate(data))
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ValueError(f"fact {i + 1}: {where}: {first['msg']}") from None
    as_of = _as_of(ex, rule, facts)
    if cat is not None:
        for i, f in enumerate(facts):
            for sub, _code, message in fact_problems(cat, f, as_of):
                raise ValueError(f"fact {i + 1}: {'.'.join(sub)}: {message}")
    start = dt.date(min(rule.document.period.from_, as_of.year), 1, 1)
    report = Report.model_validate(
        {
            "title": f"Ví dụ {ex.name}",
            "date": as_of.isoformat(),
            "as_of": as_of.isoformat(),
            "issuer": "—",
            "period": {"from": start.isoformat(), "to": as_of.isoformat()},
        }
    )
    commune = example_commune(rule)
    cf = CommuneFacts(commune, reports=[report], paths=[rule.path])
    for i, f in enumerate(facts):
        fl, fc = rule.rule_file.where(loc + ("facts", i))
        cf.facts.append(LoadedFact(f, rule.path, fl, fc, report))
    waivers = []
    for i, raw in enumerate(ex.waivers):
        data = dict(raw)
        data.setdefault("rule", rule.id)
        data.setdefault("commune", commune.id)
        try:
            wv = Waiver.model_validate(data)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            raise ValueError(f"waiver {i + 1}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
        wl, wc = rule.rule_file.where(loc + ("waivers", i))
        waivers.append(LoadedWaiver(wv, rule.path, wl, wc))
    return cf, waivers


def _same(expected, actual) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, Decimal) and isinstance(actual, (int, float)):
        return abs(expected - Decimal(str(actual))) < Decimal("0.01")
    return expected == actual


def run_example(cat: Catalogue, rule: LoadedRule, index: int) -> ExampleResult:
    ex = rule.rule.examples[index]
    line, _ = rule.rule_file.where(rule.loc + ("examples", index))
    res = ExampleResult(rule.id, ex, str(rule.path), line)
    try:
        cf, waivers = example_inputs(rule, index, cat)
    except ValueError as exc:
        res.problems.append(str(exc))
        return res
    result = run_audit(cat, [cf], waivers, rule_ids={rule.id})
    mine = [f for f in result.findings if f.rule_id == rule.id]
    exp = ex.expect
    if exp.period is not None:
        picked = [f for f in mine if f.period.key == exp.period]
    else:
        picked = mine
    if len(picked) != 1:
        periods = ", ".join(f.period.key for f in mine) or "none"
        res.problems.append(
            f"expected one finding{' for period ' + exp.period if exp.period else ''}; "
            f"the rule gave findings for: {periods}"
        )
        return res
    f = res.finding = picked[0]
    if f.status != exp.status:
        res.problems.append(f"status: expected {exp.status}, got {f.status}")
    if exp.evidence_level is not None and f.evidence_level != exp.evidence_level:
        res.problems.append(f"evidence_level: expected {exp.evidence_level}, got {f.evidence_level}")
    if "actual" in ex.expect.model_fields_set and not _same(exp.actual, f.actual):
        res.problems.append(f"actual: expected {exp.actual}, got {f.actual}")
    if exp.outlook is not None and f.outlook != exp.outlook:
        res.problems.append(f"outlook: expected {exp.outlook}, got {f.outlook}")
    return res


def run_examples(cat: Catalogue, rule_ids: Optional[set[str]] = None) -> list[ExampleResult]:
    out = []
    for lr in cat.rules:
        if rule_ids is not None and lr.id not in rule_ids:
            continue
        for i in range(len(lr.rule.examples)):
            out.append(run_example(cat, lr, i))
    return out
