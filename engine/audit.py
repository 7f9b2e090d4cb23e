"""An audit: every rule judged for every commune and period, each commune in a state of its own in the Rete.

Orchestration only. For each rule the kind observes a period (chitieu.kinds; measuring in chitieu.measure, periods in
chitieu.periods), the Rete decides the status (chitieu.runtime), and chitieu.findings turns the branch that fired into
a finding. Rules that read other rules' conclusions are asserted in later layers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generator, Iterable, Optional

from . import vi
from .catalogue import Catalogue, LoadedRule
from .compiler import CompiledCatalogue, compile_catalogue, limit_problems
from .diagnostics import InputError
from .facts import CommuneFacts, LoadedWaiver
from .findings import build_finding
from .model import Finding
from .observation import Observation
from .periods import Window, windows_for
from .runtime import EngineError, Runtime
from .wire import Activation, Evaluator, waiver_fact


def observe(
    cat: Catalogue, rule: LoadedRule, window: Window, commune: CommuneFacts, earlier_findings: dict[str, list[Finding]]
) -> Observation:
    return rule.kind.observe(cat, rule, window, commune, earlier_findings)


# --------------------------------------------------------------------------------------------------- the run


@dataclass
class AuditResult:
    catalogue: Catalogue
    communes: list[CommuneFacts]
    findings: list[Finding]
    # communes read but left out of the documents, each with why ("phường Kim Mã: không văn bản nào … áp dụng"):
    # a document that lists its communes says which were not checked
    left_out: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in vi.STATUS_LABELS}
        for f in self.findings:
            out[f.status] += 1
        return out


def rule_layers(rules: list[LoadedRule]) -> list[list[LoadedRule]]:
    """Rules grouped so that each group reads only the conclusions of earlier groups (asserted together)."""
    ids = {lr.id for lr in rules}
    depth: dict[str, int] = {}
    for lr in rules:  # `rules` is in dependency order (Catalogue.ordered)
        depth[lr.id] = 1 + max((depth[d] for d in lr.rule.dependencies() if d in ids), default=-1)
    layers: list[list[LoadedRule]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for lr in rules:
        layers[depth[lr.id]].append(lr)
    return layers


def audit_commune(
    cat: Catalogue,
    runtime: Evaluator,
    commune: CommuneFacts,
    waivers: list[LoadedWaiver],
    layers: list[list[LoadedRule]],
    waivable: Optional[set[str]] = None,
) -> list[Finding]:
    """Evaluate every rule for one commune inside a state of its own (begin_state … end_state)."""
    ids = {lr.id for layer in layers for lr in layer}
    shown, needed = _coverage(cat, layers, commune)
    if waivable is not None:
        ids &= waivable
    commune_waivers = [lw for lw in waivers if lw.waiver.commune == commune.commune.id and lw.waiver.rule in ids]
    findings_by_rule: dict[str, list[Finding]] = {}
    # Waivers go in ahead of the observations, in the first batch that has any: the unmet branch tests their
    # absence ('$not'), which durable_rules decides as each fact arrives. Never on their own: a waiver matches nothing
    # by itself, and durable_rules frees pointers it never set when it deletes a state in which no rule ever fired
    # (a commune no plan covers, with a waiver: "free(): invalid pointer").
    pending = [
        waiver_fact(lw.identity, lw.waiver.rule, lw.waiver.period.key, lw.waiver.expires) for lw in commune_waivers
    ]
    runtime.begin_state()
    try:
        for layer in layers:
            observations = [
                observe(cat, lr, w, commune, findings_by_rule)
                for lr in layer
                if needed is None or lr.id in needed
                for w in windows_for(lr, commune)
            ]
            if not observations:
                continue
            fired = runtime.assert_facts(pending + [o.fact() for o in observations])
            pending = []
            by_obs: dict[str, list[Activation]] = {}
            for a in fired:
                by_obs.setdefault(a.obs_id, []).append(a)
            for o in observations:
                acts = by_obs.get(o.id, [])
                if len(acts) != 1:
                    names = ", ".join(a.branch.name for a in acts) or "none"
                    raise EngineError(f"rule {o.rule.id}, period {o.window.key}: expected one conclusion, got {names}")
                findings_by_rule.setdefault(o.rule.id, []).append(
                    build_finding(cat, commune, o, acts[0], commune_waivers)
                )
    finally:
        runtime.end_state()
    findings = [
        f
        for layer in layers
        for lr in layer
        if shown is None or lr.id in shown
        for f in findings_by_rule.get(lr.id, [])
    ]
    findings.sort(key=sort_key(cat))
    return findings


def _coverage(
    cat: Catalogue, layers: list[list[LoadedRule]], cf: CommuneFacts
) -> tuple[Optional[set[str]], Optional[set[str]]]:
    """The rules judged for this commune — those of the plans that cover it (DESIGN.md: a commune is judged only
    against the plans that cover it) — and the rules evaluated to judge them (with the rules they read, whatever
    plan those belong to); (None, None) when every plan covers it."""
    rules = [lr for layer in layers for lr in layer]
    shown = {lr.id for lr in rules if lr.document.applies_to(cf.commune)}
    if len(shown) == len(rules):
        return None, None
    needed, stack = set(shown), list(shown)
    while stack:
        for dep in cat.by_id[stack.pop()].rule.dependencies():
            if dep in cat.by_id and dep not in needed:
                needed.add(dep)
                stack.append(dep)
    return shown, needed


def sort_key(cat: Catalogue):
    index = {lr.id: lr.index for lr in cat.rules}
    return lambda f: (f.commune.id, index.get(f.rule_id, 10**6), f.rule_id, f.period.start, f.period.key)


def audit_plan(
    cat: Catalogue, compiled: Optional[CompiledCatalogue] = None, rule_ids: Optional[set[str]] = None
) -> tuple[CompiledCatalogue, list[list[LoadedRule]]]:
    """The compiled branches and the rule layers of a run; a catalogue past durable_rules' limits is refused here,
    located, rather than by durable_rules' bare "error code: 106" or 303."""
    rules = cat.ordered(rule_ids)
    compiled = compiled or compile_catalogue(cat, {lr.id for lr in rules} if rule_ids is not None else None)
    by_rule: dict[str, list] = {}
    for b in compiled.branches:
        by_rule.setdefault(b.rule_id, []).append(b)
    problems = limit_problems([(lr, by_rule.get(lr.id, [])) for lr in rules])
    if problems:
        raise InputError(problems)
    return compiled, rule_layers(rules)


def audit_stream(
    cat: Catalogue,
    communes: Iterable[CommuneFacts],
    waivers: Iterable[LoadedWaiver] = (),
    *,
    compiled: Optional[CompiledCatalogue] = None,
    rule_ids: Optional[set[str]] = None,
    runtime_factory=Runtime,
) -> Generator[tuple[CommuneFacts, list[Finding]], None, None]:
    """Audit communes one after another in one durable_rules ruleset (one state each), yielding their findings."""
    waivers = list(waivers)
    compiled, layers = audit_plan(cat, compiled, rule_ids)
    with runtime_factory(compiled) as runtime:
        for cf in communes:
            yield cf, audit_commune(cat, runtime, cf, waivers, layers, compiled.waivable)


def run_audit(
    cat: Catalogue,
    communes: list[CommuneFacts],
    waivers: Iterable[LoadedWaiver] = (),
    *,
    compiled: Optional[CompiledCatalogue] = None,
    rule_ids: Optional[set[str]] = None,
    runtime_factory=Runtime,
) -> AuditResult:
    """Audit and keep everything (``runtime_factory`` swaps in the plain-Python evaluator for comparison)."""
    findings: list[Finding] = []
    for _, commune_findings in audit_stream(
        cat, communes, waivers, compiled=compiled, rule_ids=rule_ids, runtime_factory=runtime_factory
    ):
        findings.extend(commune_findings)
    findings.sort(key=sort_key(cat))
    return AuditResult(cat, list(communes), findings)
