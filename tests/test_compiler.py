"""Compiled branches: for every rule, exactly one branch concludes each observation, in durable_rules and in Python."""

from __future__ import annotations

import datetime as dt
import json
import itertools
from decimal import Decimal

from chitieu.compiler import compile_catalogue, compile_rule
from chitieu.wire import Counts, ObservationFact, ValueForm, conclusion_fact
from chitieu.conditions import Cmp, Ref, all_of, any_of, describe, evaluate, negate, to_durable
from chitieu.pyeval import PyRuntime
from chitieu.runtime import Runtime


def test_negation_is_exact():
    c = all_of(Cmp("lo", ">=", Ref("$m", "tg")), any_of(Cmp("k", "==", "v"), Cmp("cv", "!=", 1)))
    n = negate(c)
    assert describe(n) == "(lo < $m.tg or (k != 'v' and cv == 1))"
    for lo, tg, k, cv in itertools.product((0, 1, 2), (1,), ("v", "c"), (0, 1)):
        fact = {"lo": lo, "tg": tg, "k": k, "cv": cv}
        assert evaluate(c, fact) != evaluate(n, fact)


def test_durable_json_shape():
    c = all_of(Cmp("t", "==", "obs"), Cmp("lo", ">=", Ref("$m", "tg")), Cmp("r", "==", Ref("o", "r")))
    assert to_durable(c) == {"$and": [{"t": "obs"}, {"$gte": {"lo": {"$m": "tg"}}}, {"r": {"o": "r"}}]}


AS_OF = dt.date(2024, 10, 31)


def observations(rule_id: str, counts_rule: bool):
    """A grid over the observation space, built through the wire module: value forms, intervals with open ends,
    thresholds, flags, periods (for all_of rules: the counts of required conclusions instead)."""
    if counts_rule:
        yield from count_observations(rule_id)
        return
    values = [0, 1, 2]
    n = 0
    for form in ValueForm:
        for lo, hi in ((a, b) for a in values for b in values if a <= b):
            for lx, hx in ((0, 0), (1, 0), (0, 1)):
                if lo == hi and (lx or hx):
                    continue
                for op_, ap, cv in itertools.product((0, 1), (0, 1), (0, 1)):
                    for start in (dt.date(2023, 1, 1), dt.date(2030, 1, 1)):
                        n += 1
                        yield ObservationFact(
                            rule_id=rule_id,
                            period_key=str(n),
                            form=form,
                            lo=Decimal(lo),
                            hi=Decimal(hi),
                            lo_open=bool(lx),
                            hi_open=bool(hx),
                            claim_achieved=bool(cv),
                            target=Decimal(1),
                            band=(Decimal(1), Decimal(1)),
                            evidenced=lo,
                            period_open=bool(op_),
                            awaiting=bool(ap),
                            start=start,
                            end=start.replace(month=12, day=31),
                            as_of=AS_OF,
                            counts=Counts(total=2, met=lo, unmet=hi - lo),
                        ).fact()
    # a value with both ends open (nothing known) in a closed period
    yield ObservationFact(
        rule_id=rule_id,
        period_key="open",
        form=ValueForm.VALUE,
        target=Decimal(1),
        band=(Decimal(1), Decimal(1)),
        start=dt.date(2023, 1, 1),
        end=dt.date(2023, 12, 31),
        as_of=AS_OF,
    ).fact()


def count_observations(rule_id: str):
    """For all_of rules: every way 3 required conclusions split into met / unmet / pending / insufficient."""
    n = 0
    for nm, nu, np_ in itertools.product(range(4), repeat=3):
        if nm + nu + np_ > 3:
            continue
        for start in (dt.date(2023, 1, 1), dt.date(2030, 1, 1)):
            n += 1
            total = 3 if n % 5 else nm + nu + np_  # some with 'insufficient' conclusions, some without
            yield ObservationFact(
                rule_id=rule_id,
                period_key=str(n),
                form=ValueForm.VALUE,
                lo=Decimal(nm),
                hi=Decimal(nm),
                target=Decimal(total),
                start=start,
                end=start.replace(month=12, day=31),
                as_of=AS_OF,
                counts=Counts(total=total, met=nm, unmet=nu, pending=np_, insufficient=total - nm - nu - np_),
            ).fact()


def test_exactly_one_branch_and_same_as_durable(catalogue):
    compiled = compile_catalogue(catalogue)
    for lr in catalogue.rules:
        counts_rule = any(b.outcome.reason == "requirement_missing" for b in compile_rule(catalogue, lr))
        facts = list(observations(lr.id, counts_rule))
        with Runtime(compiled) as rete, PyRuntime(compiled) as py:
            results = []
            for rt in (rete, py):
                rt.begin_state()
                # the conclusions a rule reads (an outlook), as the audit would have asserted them
                deps = [
                    conclusion_fact(dep, "x", "pending")
                    for dep in lr.rule.dependencies()
                    if dep in compiled.read_conclusions
                ]
                if deps:
                    rt.assert_facts(deps)
                fired = rt.assert_facts(facts)
                rt.end_state()
                results.append(sorted((a.obs_id, a.branch.name) for a in fired))
        durable_fired, python_fired = results
        assert durable_fired == python_fired, lr.id
        per_obs = {}
        for obs_id, name in python_fired:
            per_obs.setdefault(obs_id, []).append(name)
        assert set(per_obs) == {f["id"] for f in facts}, f"{lr.id}: an observation got no conclusion"
        assert all(len(v) == 1 for v in per_obs.values()), f"{lr.id}: {[v for v in per_obs.values() if len(v) > 1]}"
    # the catalogue has rules that read conclusions, so the chaining path was exercised
    assert compiled.read_conclusions


def test_bound_semantics_for_at_least(catalogue):
    """'trên 50%' against ≥ 50 is met; 'trên 40%' is undetermined; 'dưới 50%' is unmet (period closed)."""
    lr = catalogue.by_id["ho-so-truc-tuyen"]
    branches = compile_rule(catalogue, lr)

    def outcome(lo, hi, lx, hx):
        fact = ObservationFact(
            rule_id=lr.id,
            period_key="as_of",
            form=ValueForm.VALUE,
            lo=Decimal(lo),
            hi=Decimal(hi),
            lo_open=bool(lx),
            hi_open=bool(hx),
            target=Decimal(50),
            start=AS_OF,
            end=AS_OF,
            as_of=AS_OF,
        ).fact()
        hits = [b for b in branches if b.join is None or b.join.negated]
        hits = [b for b in hits if evaluate(b.patterns()[0][1], fact)]
        assert len(hits) == 1, [b.name for b in hits]
        return hits[0].outcome.status, hits[0].outcome.reason

    assert outcome(50, 100, 1, 0) == ("met", None)
    assert outcome(40, 100, 1, 0) == ("insufficient_data", "bound_straddles")
    assert outcome(0, 50, 0, 1) == ("unmet", None)
    assert outcome(50, 50, 0, 0) == ("met", None)


def test_observation_carries_only_the_fields_its_rule_reads(catalogue):
    """durable_rules' C core tests every property of a fact at each alpha node it passes: an observation is sent with
    the fields its rule's branches read (their tests, and the joins' references to it) and no others; the commune's
    number within the state (F_UNIT), which every join reads, is the runtime's to add."""
    from chitieu.conditions import fields_read
    from chitieu.wire import F_BAND_LO, F_INSUFFICIENT, F_LO, F_N, F_UNIT, OBS_FIELDS

    compiled = compile_catalogue(catalogue)
    fields = compiled.observation_fields()
    assert set(fields) == {b.rule_id for b in compiled.branches}
    for b in compiled.branches:
        kept = fields[b.rule_id]
        assert kept[:4] == ("t", "id", "r", "p")  # what the runtime reads off a match comes first
        assert list(kept) == [f for f in OBS_FIELDS if f in kept]  # in the wire's order
        for name, cond in b.patterns():
            read = {f for p, f in fields_read(cond) if p == ("$m" if name == "o" else "o")}
            assert read <= set(kept) | {F_UNIT}, (b.name, read - set(kept))
            assert F_UNIT not in kept and (F_UNIT in read) == (name != "o")
    kinds = {lr.id: lr.kind.name for lr in catalogue.rules}
    threshold = next(r for r, k in kinds.items() if k == "threshold")
    check = next(r for r, k in kinds.items() if k == "claim_check")
    # a threshold reads no counts of conclusions (an all_of's) and no band (a claim check's '==')
    assert (
        F_N not in fields[threshold] and F_INSUFFICIENT not in fields[threshold] and F_BAND_LO not in fields[threshold]
    )
    assert F_BAND_LO in fields[check] and F_N not in fields[check] and F_LO in fields[check]
    assert max(len(v) for v in fields.values()) < len(OBS_FIELDS)


def test_runtime_asserts_the_trimmed_observation(catalogue, monkeypatch):
    import chitieu.runtime as runtime_module

    compiled = compile_catalogue(catalogue)
    rule = next(lr.id for lr in catalogue.rules if lr.kind.name == "threshold")
    sent: list[dict] = []
    real = runtime_module._core
    spy = type("Spy", (), {})()
    for name in dir(real):
        if not name.startswith("_"):
            setattr(spy, name, getattr(real, name))
    spy.assert_facts = lambda handle, text: (sent.extend(json.loads(text)), real.assert_facts(handle, text))[1]
    monkeypatch.setattr(runtime_module, "_core", spy)
    fact = next(observations(rule, False))
    with Runtime(compiled) as rt:
        rt.begin_state()
        (activation,) = rt.assert_facts([fact])
        rt.end_state()
    (obs,) = sent
    assert set(obs) == set(compiled.observation_fields()[rule]) | {"sid", "u"}
    assert activation.obs_id == fact["id"] and activation.period == fact["p"]


def test_shared_comparisons_come_first_and_decide_the_same(catalogue):
    """The ruleset handed to durable orders each branch's tests most-shared first, alternatives last; the order of
    an 'and' never changes what it matches (the grid above decides the same in durable and in Python)."""
    compiled = compile_catalogue(catalogue)
    definition = compiled.definition()
    assert set(definition) == {b.name for b in compiled.branches}
    for b in compiled.branches:
        (o,) = definition[b.name]["all"][0].values()
        parts = o["$and"] if "$and" in o else [o]
        kinds = ["or" if "$or" in p else "cmp" for p in parts]
        assert kinds == sorted(kinds, key=lambda k: k == "or"), b.name  # every alternative after every comparison
    giam = [b for b in compiled.branches if b.rule_id == "giam-ngheo" and b.outcome.status in ("met", "unmet")]
    firsts = {json.dumps(definition[b.name]["all"][0]["o"]["$and"][:5]) for b in giam}
    assert len(firsts) == 1  # met and unmet share their first five nodes
