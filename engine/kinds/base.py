"""What every rule kind shares: the fields common to all rules, and the protocol the rest of the engine calls.

A kind is a data model (a pydantic class whose ``kind`` literal tags it in the rule union) and a behaviour object
(a ``Kind``): its branches for the Rete, its observation for a period, its finding fields, its condition in plain
words, its own lint checks. The engine outside ``chitieu.kinds`` never compares a kind's name: it asks the kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal, Optional

from pydantic import Field, model_validator

from ..diagnostics import did_you_mean

from ..model import (
    DateSpan,
    Example,
    Finding,
    Measure,
    MessageKey,
    NonEmptyText,
    RulePeriod,
    Severity,
    Slug,
    Source,
    Strict,
    Text,
    Theme,
)

if TYPE_CHECKING:
    from ..catalogue import Catalogue, LoadedRule
    from ..compiler import Branch
    from ..diagnostics import Diagnostics
    from ..facts import CommuneFacts
    from ..findings import FindingParts
    from ..observation import Observation
    from ..periods import Window


class RuleBase(Strict):
    """Fields every rule has, whatever its kind."""

    id: Slug
    title: NonEmptyText
    source: Source
    theme: Theme
    tags: list[Slug] = Field(default_factory=list)
    severity: Severity
    why: Optional[Text] = None
    period: RulePeriod
    in_force: Optional[DateSpan] = None  # the rule's own dates, where they differ from its file's
    messages: dict[MessageKey, NonEmptyText] = Field(default_factory=dict)
    topic: Optional[Text] = None  # a short noun phrase; rules sharing a shortcoming join their topics
    shortcoming: Optional[Text] = None
    remedy: Optional[Text] = None
    cause: Optional[Text] = None
    cause_type: Optional[Literal["chu_quan", "khach_quan"]] = None
    examples: list[Example] = Field(default_factory=list)

    required_messages: ClassVar[tuple[str, ...]] = ("met", "unmet")

    @model_validator(mode="after")
    def _messages(self) -> "RuleBase":
        for key in self.required_messages:
            if key not in self.messages:
                raise ValueError(f"'messages' needs a '{key}' template")
        return self

    # -- what the rule reads (the kinds override these)
    def measures(self) -> list[tuple[tuple, Measure]]:
        """Each measure of the rule with its place in the rule file."""
        return []

    def dependencies(self) -> list[str]:
        """Rules whose conclusions or findings this rule reads."""
        return []

    def indicators(self) -> list[str]:
        """Every indicator the rule reads, in order."""
        return [k for _, m in self.measures() for k in (m.of, m.per, m.claim) if k]

    @property
    def primary_indicator(self) -> Optional[str]:
        """The indicator a finding of this rule is about (its unit and display), if it reads one."""
        measures = self.measures()
        return measures[0][1].of if measures else None


class Kind:
    """The behaviour of one rule kind. Subclasses set the class attributes and implement the methods."""

    name: ClassVar[str]  # the value of `kind:` in a rule file
    label: ClassVar[str]  # Vietnamese, for rule pages
    model: ClassVar[type[RuleBase]]
    # How the drafted sections treat the kind's findings:
    judges_target: ClassVar[bool] = False  # met/unmet against a target: shortfalls quantified, evidence gaps named
    checks_figures: ClassVar[bool] = False  # unmet means the report's own figures do not agree
    # the message-template fields that only some kinds fill, of which this kind fills these (the others are filled
    # for every kind); `rules lint` warns when a template names one its kind never fills (it would print "—")
    template_fields: ClassVar[frozenset[str]] = frozenset()
    example_statuses: ClassVar[tuple[str, ...]] = ("met", "unmet")  # a rule is proved by an example of each

    def branches(self, cat: "Catalogue", rule: "LoadedRule") -> list["Branch"]:
        raise NotImplementedError

    def observe(
        self,
        cat: "Catalogue",
        rule: "LoadedRule",
        window: "Window",
        commune: "CommuneFacts",
        earlier_findings: dict[str, list["Finding"]],  # by rule id, of the rules evaluated before this one
    ) -> "Observation":
        raise NotImplementedError

    def unit(self, cat: "Catalogue", rule: "LoadedRule") -> Optional[str]:
        """The unit of the rule's result."""
        return None

    def target_phrase(self, cat: "Catalogue", rule: "LoadedRule") -> Optional[str]:
        """The target a commune is asked to reach, in a few words for a reporting form ("ít nhất 01 mô hình mỗi
        năm", "trên 50%"); None for a kind that sets no figure to reach (a check of the report's own figures, a
        record) or a target the plan leaves open."""
        return None

    def finding_parts(
        self, cat: "Catalogue", rule: "LoadedRule", obs: "Observation", unit: Optional[str], evidence_level: str
    ) -> "FindingParts":
        raise NotImplementedError

    def describe(self, cat: "Catalogue", rule: "LoadedRule") -> list[str]:
        """The condition in plain Vietnamese words, one sentence per item (rule pages, `rules show`)."""
        raise NotImplementedError

    def required_examples(self, rule: "LoadedRule") -> tuple[str, ...]:
        """The statuses the rule's examples must show (`rules lint`): by default its met and its failure; a target
        whose deadline falls after the rule stops applying can never fail, so it proves its transition instead."""
        statuses = self.example_statuses
        p, span = rule.rule.period, rule.in_force
        if p.deadline is not None and span is not None and span.to is not None and span.to < p.deadline:
            statuses = tuple("not_applicable" if s == "unmet" else s for s in statuses)
        return statuses

    def lint(self, cat: "Catalogue", rule: "LoadedRule", ids: dict[str, "LoadedRule"], diags: "Diagnostics") -> None:
        """Checks of this kind that need the whole catalogue (references, types, targets)."""

    def lint_compiled(self, cat: "Catalogue", rule: "LoadedRule", diags: "Diagnostics") -> None:
        """Checks that need a rule whose references all resolve (run by `rules lint` only)."""


def unknown_rule(cat: "Catalogue", lr: "LoadedRule", sub: tuple, rule_id: str, ids: dict, diags: "Diagnostics") -> bool:
    """Whether ``rule_id``, which ``lr`` names at ``sub``, is no rule of the catalogue; reported, unless it is a rule
    that could not be read (its own error says why)."""
    if rule_id in ids:
        return False
    if rule_id not in cat.unread_rules:
        lr.error(diags, sub, "unknown-rule", f"unknown rule '{rule_id}'" + did_you_mean(rule_id, ids))
    return True
