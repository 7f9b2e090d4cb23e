"""Rule kinds: one module per kind, registered here — the only place that knows which kinds exist.

A rule file's rule is a discriminated union on ``kind`` (``threshold`` when the key is absent). Each kind brings its
pydantic model and its behaviour (``Kind``); the engine calls ``kind_of(rule)`` and never tests a kind's name.
To add a kind: write a module with a ``RuleBase`` subclass and a ``Kind`` subclass, and add it to ``KINDS`` below
(CONTRIBUTING.md walks through it).
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Union

from pydantic import Discriminator, Tag, TypeAdapter

from .all_of import AllOf, AllOfRule
from .base import Kind, RuleBase
from .claim_check import ClaimCheck, ClaimCheckRule
from .record import Record, RecordRule
from .threshold import Threshold, ThresholdRule

KINDS: dict[str, Kind] = {k.name: k for k in (Threshold(), AllOf(), ClaimCheck(), Record())}
DEFAULT_KIND = Threshold.name


def _tag(value: Any) -> str:
    if isinstance(value, dict):
        kind = value.get("kind", DEFAULT_KIND)
        return kind if isinstance(kind, str) else repr(kind)
    return getattr(value, "kind", DEFAULT_KIND)


# Written out so that a type checker sees the union; test_kinds checks it names every kind in KINDS.
Rule = Annotated[
    Union[
        Annotated[ThresholdRule, Tag(Threshold.name)],
        Annotated[AllOfRule, Tag(AllOf.name)],
        Annotated[ClaimCheckRule, Tag(ClaimCheck.name)],
        Annotated[RecordRule, Tag(Record.name)],
    ],
    Discriminator(
        _tag,
        custom_error_type="invalid_kind",
        custom_error_message="unknown rule kind",
        custom_error_context={"expected": ", ".join(f"'{n}'" for n in KINDS)},
    ),
]


@functools.cache
def rule_adapter() -> TypeAdapter[Rule]:
    """The validator of a rule of any kind, built when the first rule file is validated (not at import: a catalogue
    taken from the cache, chitieu.catcache, never needs it)."""
    return TypeAdapter(Rule)


def kind_of(rule: RuleBase) -> Kind:
    return KINDS[rule.kind]  # type: ignore[attr-defined]  # each kind's model declares its own `kind` literal


__all__ = [
    "KINDS",
    "rule_adapter",
    "Kind",
    "Rule",
    "RuleBase",
    "kind_of",
    "ThresholdRule",
    "AllOfRule",
    "ClaimCheckRule",
    "RecordRule",
]
