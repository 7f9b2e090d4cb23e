"""An observation: what one rule measured for one commune and period, handed to the Rete as one fact.

The kinds build observations (``Kind.observe``); ``fact()`` encodes one through the wire module. The finding built
afterwards reads the same observation, so the numbers in a message are the numbers the network decided on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Optional

from .measure import Interval, Measured
from .wire import PACE_UNKNOWN, Counts, ObservationFact, ValueForm, observation_id

if TYPE_CHECKING:
    from .catalogue import LoadedRule
    from .model import Finding
    from .periods import Window


@dataclass
class Observation:
    rule: "LoadedRule"
    window: "Window"
    measured: Optional[Measured]
    target: Optional[Decimal] = None  # the threshold for this period, in the rule's unit
    band: tuple[Optional[Decimal], Optional[Decimal]] = (None, None)
    counts: Optional[Counts] = None  # all_of: the conclusions of the required rules
    computed: Optional[Measured] = None  # claim checks: the recomputed side
    extra_notes: list[str] = field(default_factory=list)
    form: Optional[ValueForm] = None  # set by a kind that decides it; else read off the measurement
    pace: int = PACE_UNKNOWN  # an open period: is the result keeping pace with the time elapsed

    @property
    def id(self) -> str:
        return observation_id(self.rule.id, self.window.key)

    @property
    def value_form(self) -> ValueForm:
        if self.form is not None:
            return self.form
        m = self.measured
        if m is None or (m.interval is None and m.claim is None):
            return ValueForm.MISSING
        return ValueForm.CLAIM if m.claim is not None else ValueForm.VALUE

    def fact(self) -> dict:
        """The observation as a durable_rules fact."""
        m = self.measured
        iv = m.interval if m and m.interval else Interval(None, None)
        w = self.window
        # a state "as of" the report applies if the rule set is in force on that date
        start, end = (w.as_of, w.as_of) if w.kind == "as_of" else (w.start, w.end)
        return ObservationFact(
            rule_id=self.rule.id,
            period_key=w.key,
            form=self.value_form,
            lo=iv.lo,
            hi=iv.hi,
            lo_open=iv.lx,
            hi_open=iv.hx,
            claim_achieved=bool(m.claim) if m and m.claim is not None else False,
            target=self.target,
            band=self.band,
            evidenced=len(m.items_with) if m else 0,
            period_open=w.open,
            awaiting=bool(m and m.awaiting),
            pace=self.pace,
            start=start,
            end=end,
            as_of=w.as_of,
            counts=self.counts or Counts(),
        ).fact()


def findings_for_period(findings: list["Finding"], key: str) -> list["Finding"]:
    """Another rule's findings for the same period key; all of them when it is judged over other periods."""
    same = [f for f in findings if f.period.key == key]
    return same or findings
