"""A plain-Python evaluator of the same compiled branches, with the Runtime's interface.

It exists to check the Rete against (tests assert both give the same conclusion for every observation) and as the
baseline of the benchmark. It evaluates a branch when its observation arrives; the audit asserts waivers and the
conclusions a rule reads before that rule's observations, so this is the same order durable_rules sees.
"""

from __future__ import annotations

from typing import Iterable, Optional

from .compiler import Branch, CompiledCatalogue
from .conditions import evaluate
from .runtime import EngineError
from .wire import F_ID, F_PERIOD, F_RULE, F_TYPE, F_UNIT, OBS, Activation, conclusion_fact


class PyRuntime:
    """A chitieu.wire.Evaluator in plain Python."""

    def __init__(self, compiled: CompiledCatalogue):
        self._by_rule: dict[str, list[Branch]] = {}
        for b in compiled.branches:
            self._by_rule.setdefault(b.rule_id, []).append(b)
        self._facts: Optional[list[dict]] = None

    def close(self) -> None:
        self._facts = None

    def __enter__(self) -> "PyRuntime":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def begin_state(self) -> str:
        if self._facts is not None:
            raise EngineError("a state is already open; end it first")
        self._facts = []
        return "py"

    def end_state(self) -> None:
        self._facts = None

    def _join(self, branch: Branch, obs: dict) -> tuple[bool, Optional[dict]]:
        j = branch.join
        if j is None:
            return True, None
        for fact in self._facts or []:
            if fact.get(F_TYPE) == j.fact_type and evaluate(j.cond, fact, {"o": obs}):
                return (not j.negated), fact
        return j.negated, None

    def assert_facts(self, facts: Iterable[dict]) -> list[Activation]:
        if self._facts is None:
            raise EngineError("no open state")
        fired: list[Activation] = []
        for fact in facts:
            fact = {**fact, F_UNIT: 0}  # one commune per state here; the joins match on it as in the Rete
            self._facts.append(fact)
            if fact.get(F_TYPE) != OBS:
                continue
            branches = self._by_rule.get(fact[F_RULE])
            if not branches:
                raise EngineError(f"no rule handles a fact: {fact}")
            for b in branches:
                if not evaluate(b.patterns()[0][1], fact):
                    continue
                ok, joined = self._join(b, fact)
                if not ok:
                    continue
                fired.append(
                    Activation(b, fact[F_ID], fact[F_PERIOD], joined[F_ID] if joined and b.waiver_join else None)
                )
                self._facts.append({**conclusion_fact(b.rule_id, fact[F_PERIOD], b.outcome.status), F_UNIT: 0})
        return fired
