"""Diagnostics: collected once each, in order, in work that grows with their number (not with its square)."""

from __future__ import annotations

from chitieu import diagnostics
from chitieu.diagnostics import Diagnostic, Diagnostics


def test_each_diagnostic_is_kept_once_in_the_order_first_seen():
    diags = Diagnostics()
    a = Diagnostic("a.yaml", 3, 1, "wrong-type", "x")
    b = Diagnostic("a.yaml", 1, 1, "wrong-type", "y")
    for d in (a, b, a, b, a):
        diags.add(d)
    assert diags.items == [a, b]
    seeded = Diagnostics([a])
    seeded.add(a)
    assert seeded.items == [a]


def test_adding_many_diagnostics_compares_each_only_with_its_equals(monkeypatch):
    # 23,600 errors took 71 s when every new one was compared with every earlier one (a list scan). Count the
    # equality tests instead of timing them: a set compares a new diagnostic only with those of the same hash.
    calls = 0
    original = Diagnostic.__eq__

    def counting_eq(self, other):
        nonlocal calls
        calls += 1
        return original(self, other)

    monkeypatch.setattr(diagnostics.Diagnostic, "__eq__", counting_eq)
    diags = Diagnostics()
    n = 3000
    for i in range(n):
        diags.error("big.yaml", i + 1, 1, "unknown-key", f"unknown key 'k{i}'")
    diags.error("big.yaml", 1, 1, "unknown-key", "unknown key 'k0'")  # a repeat is still dropped
    assert len(diags.items) == n
    assert calls < 3 * n, calls
