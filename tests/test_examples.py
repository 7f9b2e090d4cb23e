"""Every example written in a rule file runs through the real engine and must give its expected result."""

from __future__ import annotations

import pytest

from chitieu.catalogue import load_catalogue
from chitieu.examples import run_example

_CAT = load_catalogue()
_CASES = [(lr.id, i, ex.name) for lr in _CAT.rules for i, ex in enumerate(lr.rule.examples)]


@pytest.mark.parametrize("rule_id,index,name", _CASES, ids=[f"{r}::{n}" for r, _, n in _CASES])
def test_rule_example(rule_id: str, index: int, name: str) -> None:
    res = run_example(_CAT, _CAT.by_id[rule_id], index)
    assert res.passed, f"{res.path}:{res.line}: {rule_id}::{name}: " + "; ".join(res.problems)


def test_every_rule_has_the_examples_its_kind_requires_and_an_insufficient_data_one() -> None:
    missing = []
    for lr in _CAT.rules:
        statuses = {ex.expect.status for ex in lr.rule.examples}
        if not {*lr.kind.required_examples(lr), "insufficient_data"} <= statuses:
            missing.append(f"{lr.id} has {sorted(statuses)}")
    assert not missing, missing
