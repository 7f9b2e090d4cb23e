"""What crosses into durable_rules: the three fact types, their fields, how values are encoded, and the C core's limits.

The compiler writes conditions over the field names below; the audit builds every fact through the builders here;
``Runtime`` (durable_rules), ``PyRuntime`` (plain Python) and the benchmark's zen-engine evaluator all implement
``Evaluator``. Nothing else knows the short field names.

Values are encoded for the C core (shared/domain/durable-rules-notes.md): only ints and short NFC strings; numbers
scaled to integers in units of 1/10,000 (``SCALE``); dates as day numbers (yyyymmdd); open interval ends as
``NEG_INF`` / ``POS_INF``, well inside the signed 64-bit range that durable compares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import TYPE_CHECKING, Iterable, Optional, Protocol

if TYPE_CHECKING:
    from .compiler import Branch

# fact types
OBS, WAIVER, CONCL = "obs", "waiver", "concl"

SCALE = 10_000  # values are compared as integers in units of 1/10,000
NEG_INF = -(10**17)  # open ends of intervals
POS_INF = 10**17

# durable_rules 2.0.28 limits, measured (durable-rules-notes.md; tests/test_compiler.py; src/rules/rete.c): a fact may
# match at most 64 patterns at one node (error 303 past that); a node takes at most 511 distinct children (the
# rules' "r == id" tests: past that a full bucket is error 106); a ruleset holds at most 4,096 actions, one per
# branch (error 106 again); a fact holds at most 255 properties.
RETE_MAX_MATCHES = 64
RETE_MAX_CHILDREN = 511
RETE_MAX_ACTIONS = 4096
RETE_MAX_PROPERTIES = 255


class ValueForm(str, Enum):
    """What an observation carries: a measured value (an interval), a bare claim of the report, or nothing."""

    VALUE = "v"
    CLAIM = "c"
    MISSING = "x"


# Observation field names (the compiler's conditions name these; ``Observation.fact`` fills them).
F_TYPE, F_ID, F_RULE, F_PERIOD, F_FORM = "t", "id", "r", "p", "k"
F_LO, F_HI, F_LO_OPEN, F_HI_OPEN = "lo", "hi", "lx", "hx"  # the measured interval, scaled; open ends 1
F_CLAIM = "cv"  # a claim: 1 achieved, 0 not
F_TARGET, F_BAND_LO, F_BAND_HI = "tg", "tl", "th"  # threshold; the band of an '==' comparison
F_EVIDENCED = "ev"  # items counted with a decision, scaled
F_OPEN, F_AWAITING = "op", "ap"  # period not over; result awaits appraisal
F_PACE = "pc"  # an open period: PACE_* below
F_START, F_END, F_AS_OF = "ps", "pe", "asof"  # day numbers
F_N, F_MET, F_UNMET, F_PENDING, F_INSUFFICIENT = "n", "nm", "nu", "np", "ni"  # all_of: conclusions counted
F_STATUS, F_EXPIRES = "s", "exp"  # conclusion status; waiver expiry
# the commune a fact belongs to, numbered within its durable state (chitieu.runtime keeps several communes in one
# state, one after another): every join matches on it, so no commune's waiver or conclusion reaches another's facts
F_UNIT = "u"
# every field of an observation, in the order it is asserted; the first four are always sent (a rule's patterns and
# chitieu.runtime's reading of a match start with them), the others only where the rule's branches read them
OBS_FIELDS = (F_TYPE, F_ID, F_RULE, F_PERIOD, F_FORM, F_LO, F_HI, F_LO_OPEN, F_HI_OPEN, F_CLAIM, F_TARGET, F_BAND_LO,
              F_BAND_HI, F_EVIDENCED, F_OPEN, F_AWAITING, F_PACE, F_START, F_END, F_AS_OF, F_N, F_MET, F_UNMET,
              F_PENDING, F_INSUFFICIENT)  # fmt: skip
HEAD_FIELDS = frozenset(OBS_FIELDS[:4])


# How a result in an open period compares with the share of the period elapsed (chitieu.kinds.threshold).
PACE_BEHIND, PACE_ON, PACE_UNKNOWN = 0, 1, 2


def scaled(value: Decimal | int | None, *, default: int = 0) -> int:
    if value is None:
        return default
    if type(value) is int:
        return value * SCALE
    return int((Decimal(value) * SCALE).to_integral_value(rounding=ROUND_HALF_UP))


def day_number(d: dt.date) -> int:
    return d.year * 10_000 + d.month * 100 + d.day


@dataclass(frozen=True)
class Counts:
    """The conclusions of the rules an all_of rule requires, for one period."""

    total: int = 0
    met: int = 0
    unmet: int = 0
    pending: int = 0
    insufficient: int = 0
    waived: int = 0  # of the met, those waived (for the finding's words; the Rete reads only the met)


@dataclass(slots=True)
class ObservationFact:
    """One rule's observation for one period, before encoding; ``fact()`` gives what is asserted."""

    rule_id: str
    period_key: str
    form: ValueForm
    lo: Optional[Decimal] = None
    hi: Optional[Decimal] = None
    lo_open: bool = False
    hi_open: bool = False
    claim_achieved: bool = False
    target: Optional[Decimal] = None
    band: tuple[Optional[Decimal], Optional[Decimal]] = (None, None)
    evidenced: int = 0
    period_open: bool = False
    awaiting: bool = False
    pace: int = PACE_UNKNOWN
    start: dt.date = dt.date(1900, 1, 1)
    end: dt.date = dt.date(1900, 1, 1)
    as_of: dt.date = dt.date(1900, 1, 1)
    counts: Counts = field(default_factory=Counts)

    @property
    def id(self) -> str:
        return observation_id(self.rule_id, self.period_key)

    def fact(self) -> dict:
        c = self.counts
        return {
            F_TYPE: OBS,
            F_ID: self.id,
            F_RULE: self.rule_id,
            F_PERIOD: self.period_key,
            F_FORM: self.form.value,
            F_LO: scaled(self.lo, default=NEG_INF),
            F_HI: scaled(self.hi, default=POS_INF),
            F_LO_OPEN: int(self.lo_open),
            F_HI_OPEN: int(self.hi_open),
            F_CLAIM: int(self.claim_achieved),
            F_TARGET: scaled(self.target),
            F_BAND_LO: scaled(self.band[0], default=NEG_INF),
            F_BAND_HI: scaled(self.band[1], default=POS_INF),
            F_EVIDENCED: scaled(self.evidenced),
            F_OPEN: int(self.period_open),
            F_AWAITING: int(self.awaiting),
            F_PACE: self.pace,
            F_START: day_number(self.start),
            F_END: day_number(self.end),
            F_AS_OF: day_number(self.as_of),
            F_N: c.total,
            F_MET: c.met,
            F_UNMET: c.unmet,
            F_PENDING: c.pending,
            F_INSUFFICIENT: c.insufficient,
        }


def observation_id(rule_id: str, period_key: str) -> str:
    # rule ids are slugs and period keys have no '|': the id is unique per rule and period within a state
    return f"o|{rule_id}|{period_key}"


def waiver_fact(identity: str, rule_id: str, period_key: str, expires: dt.date) -> dict:
    """A waiver; ``identity`` must be unique within the run (the loader numbers waivers; never a hash of a path)."""
    return {
        F_TYPE: WAIVER,
        F_ID: f"w|{identity}",
        F_RULE: rule_id,
        F_PERIOD: period_key,
        F_EXPIRES: day_number(expires),
    }


def conclusion_fact(rule_id: str, period_key: str, status: str) -> dict:
    """A rule's conclusion asserted back for the rules that read it (chaining)."""
    return {F_TYPE: CONCL, F_ID: f"c|{rule_id}|{period_key}", F_RULE: rule_id, F_PERIOD: period_key, F_STATUS: status}


@dataclass(frozen=True)
class Activation:
    """A branch that fired for an observation (and the waiver it joined, for a waived conclusion)."""

    branch: "Branch"
    obs_id: str
    period: str
    waiver_id: Optional[str] = None


class Evaluator(Protocol):
    """What the audit needs from an evaluator of the compiled branches: one state per commune, facts in, the
    activations they caused out. ``chitieu.runtime.Runtime`` (durable_rules) is the real one."""

    def __enter__(self) -> "Evaluator": ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def begin_state(self) -> str: ...

    def end_state(self) -> None: ...

    def assert_facts(self, facts: Iterable[dict]) -> list[Activation]: ...
