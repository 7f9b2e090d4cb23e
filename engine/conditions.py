"""A small condition language — comparisons joined by and/or — that compiles to durable_rules JSON.

Conditions are built by engine.compiler from rule models. Keeping them as data (rather than writing durable JSON
directly) lets the compiler negate them exactly (De Morgan), simplify away constant parts, count them against the
durable_rules node limits, and evaluate them in plain Python for the benchmark and for lint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Union

_NEG = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
_DURABLE = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "!=": "$neq"}


@dataclass(frozen=True)
class Ref:
    """A value taken from a fact at match time: ``Ref('$m', 'tg')`` is the matched fact's own field ``tg``;
    ``Ref('o', 'r')`` is field ``r`` of the pattern named ``o`` in the same rule."""

    pattern: str
    field: str


Value = Union[int, str, Ref]


class Cond:
    def __and__(self, other: "Cond") -> "Cond":
        return all_of(self, other)

    def __or__(self, other: "Cond") -> "Cond":
        return any_of(self, other)

    def __invert__(self) -> "Cond":
        return negate(self)


@dataclass(frozen=True)
class Const(Cond):
    value: bool


TRUE = Const(True)
FALSE = Const(False)


@dataclass(frozen=True)
class Cmp(Cond):
    field: str
    op: str
    value: Value

    def __post_init__(self) -> None:
        if self.op not in _NEG:
            raise ValueError(f"unknown operator {self.op}")
        if isinstance(self.value, bool) or not isinstance(self.value, (int, str, Ref)):
            # durable compares mixed types as strings; only ints, strings and refs ever reach it
            raise TypeError(f"condition value must be int, str or Ref, got {self.value!r}")


@dataclass(frozen=True)
class And(Cond):
    parts: tuple[Cond, ...]


@dataclass(frozen=True)
class Or(Cond):
    parts: tuple[Cond, ...]


def cmp(field: str, op: str, value: Value) -> Cmp:
    return Cmp(field, op, value)


def all_of(*parts: Cond) -> Cond:
    flat: list[Cond] = []
    for p in parts:
        if p == FALSE:
            return FALSE
        if p == TRUE:
            continue
        flat.extend(p.parts if isinstance(p, And) else (p,))
    if not flat:
        return TRUE
    return flat[0] if len(flat) == 1 else And(tuple(flat))


def any_of(*parts: Cond) -> Cond:
    flat: list[Cond] = []
    for p in parts:
        if p == TRUE:
            return TRUE
        if p == FALSE:
            continue
        flat.extend(p.parts if isinstance(p, Or) else (p,))
    if not flat:
        return FALSE
    return flat[0] if len(flat) == 1 else Or(tuple(flat))


def negate(c: Cond) -> Cond:
    if isinstance(c, Const):
        return FALSE if c.value else TRUE
    if isinstance(c, Cmp):
        return Cmp(c.field, _NEG[c.op], c.value)
    if isinstance(c, And):
        return any_of(*(negate(p) for p in c.parts))
    if isinstance(c, Or):
        return all_of(*(negate(p) for p in c.parts))
    raise TypeError(c)


def _value_json(v: Value) -> Any:
    if isinstance(v, Ref):
        return {v.pattern: v.field}
    return v


def to_durable(c: Cond) -> dict:
    """One durable_rules condition object. TRUE/FALSE must be simplified away before this is called."""
    if isinstance(c, Cmp):
        value = _value_json(c.value)
        if c.op == "==":
            return {c.field: value}
        return {_DURABLE[c.op]: {c.field: value}}
    if isinstance(c, And):
        return {"$and": [to_durable(p) for p in c.parts]}
    if isinstance(c, Or):
        return {"$or": [to_durable(p) for p in c.parts]}
    raise ValueError(f"constant condition {c} cannot be compiled; simplify it first")


def evaluate(c: Cond, fact: Mapping[str, Any], bound: Mapping[str, Mapping[str, Any]] | None = None) -> bool:
    """The same condition evaluated in Python against a fact (``bound`` holds other named patterns' facts)."""
    if isinstance(c, Const):
        return c.value
    if isinstance(c, Cmp):
        if c.field not in fact:
            return False
        left = fact[c.field]
        right: Any
        if isinstance(c.value, Ref):
            src = fact if c.value.pattern == "$m" else (bound or {}).get(c.value.pattern, {})
            if c.value.field not in src:
                return False
            right = src[c.value.field]
        else:
            right = c.value
        op = c.op
        if op == "==":
            return left == right
        if op == "!=":
            return left != right
        if op == "<":
            return left < right
        if op == "<=":
            return left <= right
        if op == ">":
            return left > right
        return left >= right
    if isinstance(c, And):
        return all(evaluate(p, fact, bound) for p in c.parts)
    if isinstance(c, Or):
        return any(evaluate(p, fact, bound) for p in c.parts)
    raise TypeError(c)


def fields_read(c: Cond) -> set[tuple[str, str]]:
    """The fields a condition reads, as (pattern, field): the matched fact's own as ``("$m", field)``, another named
    pattern's (a ``Ref``) under that pattern's name."""
    if isinstance(c, Cmp):
        own = ("$m", c.field)
        return {own, (c.value.pattern, c.value.field)} if isinstance(c.value, Ref) else {own}
    if isinstance(c, (And, Or)):
        return set().union(*(fields_read(p) for p in c.parts))
    return set()


def size(c: Cond) -> int:
    """How many comparisons the condition holds (each becomes a node test in the Rete)."""
    if isinstance(c, Cmp):
        return 1
    if isinstance(c, (And, Or)):
        return sum(size(p) for p in c.parts)
    return 0


def describe(c: Cond) -> str:
    if isinstance(c, Const):
        return "true" if c.value else "false"
    if isinstance(c, Cmp):
        v = c.value
        shown = f"{v.pattern}.{v.field}" if isinstance(v, Ref) else repr(v)
        return f"{c.field} {c.op} {shown}"
    assert isinstance(c, (And, Or))
    joiner = " and " if isinstance(c, And) else " or "
    return "(" + joiner.join(describe(p) for p in c.parts) + ")"


def alternatives(c: Cond) -> int:
    """How many alternative patterns durable_rules makes of a condition ('$or' expands into one per branch)."""
    if isinstance(c, Cmp):
        return 1
    if isinstance(c, Or):
        return sum(alternatives(p) for p in c.parts)
    if isinstance(c, And):
        n = 1
        for p in c.parts:
            n *= alternatives(p)
        return n
    return 1
