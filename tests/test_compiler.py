"""Compiled branches: for every rule, exactly one branch concludes each observation, in durable_rules and in Python."""

from __future__ import annotations

import itertools


from chitieu.compiler import NEG_INF, POS_INF, SCALE, compile_catalogue, compile_rule
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


def observations(rule_id: str, kind: str = "threshold"):
    """A grid over the observation space: kinds, intervals with open ends, thresholds, flags, periods."""
    if kind == "all_of":
        yield from count_observations(rule_id)
        return
    values = [0, 1, 2]
    n = 0
    for k in ("v", "c", "x"):
        for lo, hi in ((a, b) for a in values for b in values if a <= b):
            for lx, hx in ((0, 0), (1, 0), (0, 1)):
                if lo == hi and (lx or hx):
                    continue
                for tg, op_, ap, cv in itertools.product((1,), (0, 1), (0, 1), (0, 1)):
                    for ps, asof in ((20230101, 20241031), (20300101, 20241031)):
                        n += 1
                        yield {"t": "obs", "id": f"o|{rule_id}|{n}", "r": rule_id, "p": str(n), "k": k,
                               "lo": lo * SCALE, "hi": hi * SCALE, "lx": lx, "hx": hx, "cv": cv,
                               "tg": tg * SCALE, "tl": tg * SCALE, "th": tg * SCALE, "ev": lo * SCALE,
                               "op": op_, "ap": ap, "ps": ps, "pe": ps + 11130, "asof": asof,
                               "n": 2, "nm": lo, "nu": hi - lo, "np": 0, "ni": 0}
    yield {"t": "obs", "id": f"o|{rule_id}|open", "r": rule_id, "p": "open", "k": "v", "lo": NEG_INF,
           "hi": POS_INF, "lx": 0, "hx": 0, "cv": 0, "tg": SCALE, "tl": SCALE, "th": SCALE, "ev": 0, "op": 0,
           "ap": 0, "ps": 20230101, "pe": 20231231, "asof": 20241031, "n": 0, "nm": 0, "nu": 0, "np": 0, "ni": 0}


def count_observations(rule_id: str):
    """For all_of rules: every way 3 required conclusions split into met / unmet / pending / insufficient."""
    n = 0
    for nm, nu, np_ in itertools.product(range(4), repeat=3):
        if nm + nu + np_ > 3:
            continue
        for ps in (20230101, 20300101):
            n += 1
            total = 3 if n % 5 else nm + nu + np_  # some with 'insufficient' conclusions, some without
            yield {"t": "obs", "id": f"o|{rule_id}|{n}", "r": rule_id, "p": str(n), "k": "v", "lo": nm * SCALE,
                   "hi": nm * SCALE, "lx": 0, "hx": 0, "cv": 0, "tg": total * SCALE, "tl": 0, "th": 0, "ev": 0,
                   "op": 0, "ap": 0, "ps": ps, "pe": ps + 11130, "asof": 20241031,
                   "n": total, "nm": nm, "nu": nu, "np": np_, "ni": total - nm - nu - np_}


def test_exactly_one_branch_and_same_as_durable(catalogue):
    compiled = compile_catalogue(catalogue)
    concl = {lr.rule.outlook_from for lr in catalogue.rules if lr.rule.outlook_from}
    for lr in catalogue.rules:
        facts = list(observations(lr.id, lr.rule.kind))
        with Runtime(compiled) as rete, PyRuntime(compiled) as py:
            results = []
            for rt in (rete, py):
                rt.begin_state()
                # the conclusion an outlook reads, as the audit would have asserted it
                if lr.rule.outlook_from:
                    rt.assert_facts([{"t": "concl", "id": "c|seed", "r": lr.rule.outlook_from, "p": "x", "s": "pending"}])
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
    assert concl <= {lr.id for lr in catalogue.rules}


def test_bound_semantics_for_at_least(catalogue):
    """'trên 50%' against ≥ 50 is met; 'trên 40%' is undetermined; 'dưới 50%' is unmet (period closed)."""
    lr = catalogue.by_id["ho-so-truc-tuyen"]
    branches = compile_rule(catalogue, lr)

    def outcome(lo, hi, lx, hx):
        fact = {"t": "obs", "r": lr.id, "k": "v", "lo": lo * SCALE, "hi": hi * SCALE, "lx": lx, "hx": hx, "cv": 0,
                "tg": 50 * SCALE, "ev": 0, "op": 0, "ap": 0, "ps": 20240101, "pe": 20241031, "asof": 20241031}
        hits = [b for b in branches if b.join is None or b.join.negated]
        hits = [b for b in hits if evaluate(b.patterns()[0][1], fact)]
        assert len(hits) == 1, [b.name for b in hits]
        return hits[0].outcome.status, hits[0].outcome.reason

    assert outcome(50, 100, 1, 0) == ("met", None)
    assert outcome(40, 100, 1, 0) == ("insufficient_data", "bound_straddles")
    assert outcome(0, 50, 0, 1) == ("unmet", None)
    assert outcome(50, 50, 0, 0) == ("met", None)
