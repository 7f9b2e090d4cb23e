"""The shapes of chitieu's data — indicators, rules, facts, waivers — as pydantic models; the only definition of each."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal, Mapping, Optional, Self, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    StrictBool,
    field_validator,
    model_validator,
)

from . import vi

# Numbers are kept exact and bounded: the Rete core compares 64-bit integers (see engine.compiler.SCALE).
MAX_ABS_VALUE = Decimal(10) ** 12

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KEY = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"


def _what(v: Any) -> str:
    """A value as a message names it to the person who wrote it: 'the number 12345', 'a list', not 'int 12345'."""
    if v is None:
        return "nothing (an empty value)"
    if isinstance(v, bool):
        return f"the yes/no value {str(v).lower()}"
    if isinstance(v, (int, float, Decimal)):
        shown = str(v) if len(str(v)) <= 24 else str(v)[:20] + "…"
        return f"the number {shown}"
    if isinstance(v, dt.date):
        return f"the date {v.isoformat()}"
    if isinstance(v, (list, tuple)):
        return "a list"
    if isinstance(v, dict):
        return "a mapping (key: value)"
    if isinstance(v, str):
        return f"the text '{v[:40]}'"
    return type(v).__name__


def _number(v: Any) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, (int, Decimal, float)):
        if isinstance(v, str):
            raise ValueError(f"expected a number, got the text '{v}'; write the number without quotes or '%'")
        raise ValueError(f"expected a number, got {_what(v)}")
    d = Decimal(str(v)) if isinstance(v, float) else Decimal(v)
    if d.is_nan():
        raise ValueError("the number must be finite")
    if d.is_infinite():
        raise ValueError(f"the number is out of range (at most ±{MAX_ABS_VALUE:,})")
    # The exponent first: 1e1000000 is a valid Decimal, but abs() or a comparison under the default context
    # overflows it (decimal.Overflow).
    if d and (d.adjusted() > MAX_ABS_VALUE.adjusted() or d.copy_abs() > MAX_ABS_VALUE):
        shown = str(v) if len(str(v)) <= 24 else str(v)[:20] + "…"
        raise ValueError(f"the number {shown} is out of range (at most ±{MAX_ABS_VALUE:,})")
    return d


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, str):
            raise ValueError(f"expected a whole number, got the text '{v}'; write it without quotes")
        raise ValueError(f"expected a whole number, got {_what(v)}")
    return v


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
        raise ValueError(f"'{v}' is not a date; write dates as YYYY-MM-DD (e.g. 2023-04-06 for 06/4/2023)")
    raise ValueError(f"expected a date written YYYY-MM-DD, got {_what(v)}")


def _text(v: Any) -> str:
    if not isinstance(v, str):
        quote = "; put it in quotes" if isinstance(v, (bool, int, float, Decimal, dt.date)) else ""
        raise ValueError(f"expected text, got {_what(v)}{quote}")
    return unicodedata.normalize("NFC", v)


def _year(v: Any) -> int:
    y = _int(v)
    if not 1900 <= y <= 2100:
        raise ValueError(f"{y} is not a plausible year")
    return y


Number = Annotated[Decimal, BeforeValidator(_number), PlainSerializer(lambda d: json_number(d), return_type=Any)]
Int = Annotated[int, BeforeValidator(_int)]
Year = Annotated[int, BeforeValidator(_year)]
Date = Annotated[dt.date, BeforeValidator(_date)]
# Length caps on free text (README "Bad input and limits"): a sentence, a quote or a paragraph fits in
# MAX_TEXT; a name or a document number in MAX_NAME; ids in MAX_ID. A 1 MB name once made 57 MB of JSON.
MAX_TEXT = 5_000
MAX_NAME = 200
MAX_ID = 120
Text = Annotated[str, BeforeValidator(_text), Field(max_length=MAX_TEXT)]
NonEmptyText = Annotated[
    str, BeforeValidator(_text), AfterValidator(lambda s: _nonempty(s)), Field(max_length=MAX_TEXT)
]
Name = Annotated[str, BeforeValidator(_text), AfterValidator(lambda s: _nonempty(s)), Field(max_length=MAX_NAME)]
OptionalName = Annotated[str, BeforeValidator(_text), Field(max_length=MAX_NAME)]
Slug = Annotated[str, BeforeValidator(_text), Field(pattern=SLUG, max_length=80)]
Key = Annotated[str, BeforeValidator(_text), Field(pattern=KEY, max_length=80)]


def _nonempty(s: str) -> str:
    if not s.strip():
        raise ValueError("must not be empty")
    return s


def json_number(d: Optional[Decimal]) -> int | float | None:
    """A number as the JSON contract writes it: int when whole, else a float rounded to 4 places."""
    if d is None:
        return None
    if d == d.to_integral_value():
        return int(d)
    return float(round(d, 4))


# defer_build: a model's validator is built when it first validates, not at import — a run that takes its catalogue
# from the cache (chitieu.catcache) never builds the rule models' validators, and start-up does not pay for them.
class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --------------------------------------------------------------------------------------------------- indicators

IndicatorType = Literal["count", "number", "percent", "boolean", "level", "items"]


class LevelDef(Strict):
    key: Key
    label: NonEmptyText
    note: Optional[Text] = None
    words: list[NonEmptyText] = Field(default_factory=list)  # how a report says it (intake; RULES.md)


class IntakePattern(Strict):
    """How the indicator reads in a report: a phrase with placeholders, and what a match means (RULES.md)."""

    pattern: NonEmptyText
    period: Optional[Literal["year", "span", "as_of", "report_years"]] = None
    value: Union[StrictBool, Number, Key, None] = None
    value_from: Optional[Literal["count", "total", "numbers", "percent", "number"]] = None
    basis: Literal["reported", "claimed"] = "reported"
    awaiting_appraisal: StrictBool = False
    group: Optional[Key] = None
    items_split: Optional[NonEmptyText] = None
    under: Optional[NonEmptyText] = None  # only in the answer to a task whose heading names this phrase
    document_kind: Optional[NonEmptyText] = None
    review: StrictBool = False
    note: Optional[Text] = None


Reading = Literal[
    "count",
    "part",
    "whole",
    "percent",
    "of_target",
    "target",
    "claim",
    "done",
    "level",
    "items",
    "documents",
    "document_count",
    "partners",
    "elsewhere",
    "named",
]


class ShortOf(Strict):
    """The level a status indicator takes when the report counts fewer criteria of a set met than the set holds and
    states no level itself ("đạt 15/19 tiêu chí xã nông thôn mới nâng cao" → chưa đạt chuẩn)."""

    of: Key  # the indicator of the set's general count (the criteria set's `criteria_count`)
    level: Key  # one of the indicator's levels


class IntakeWords(Strict):
    """How reports name an indicator — its synonyms and look-alikes, as data — and which figure of a statement
    about it is its value: the figures themselves are read by one grammar in code (chitieu.grammar; RULES.md)."""

    read: list[Reading]
    topic: list[NonEmptyText] = Field(default_factory=list)  # what is measured, as reports name it
    unit: list[NonEmptyText] = Field(default_factory=list)  # what a figure counts: "09 hộ nghèo", "14/16 thôn"
    verb: list[NonEmptyText] = Field(default_factory=list)  # the verb of a figure: "giảm 09 hộ", "09 hộ thoát nghèo"
    act: list[NonEmptyText] = Field(default_factory=list)  # read: done — what was done
    not_: list[NonEmptyText] = Field(default_factory=list, alias="not")  # look-alikes: never this indicator
    period: Literal["year", "years", "span", "state"] = "year"
    document: list[NonEmptyText] = Field(default_factory=list)  # the kinds of document a statement cites
    of: Optional[Key] = None  # read: elsewhere — the indicator read twice
    basis: Literal["reported", "claimed"] = "reported"
    default: StrictBool = False  # what a bare unit ("02 mô hình") means when nothing names it
    short_of: Optional[ShortOf] = None  # read: level — the level a count short of its set implies
    review: StrictBool = False
    note: Optional[Text] = None

    @field_validator("read", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @model_validator(mode="after")
    def _named_needs_its_words(self) -> "IntakeWords":
        if "named" in self.read and not (self.unit and self.topic):
            raise ValueError(
                "read: named needs 'unit' (the word of the kind a name follows) and 'topic' (what a name says)"
            )
        return self


class Indicator(Strict):
    """A measurable quantity a commune reports; declared in data so that a new criterion needs no Python."""

    key: Key
    name: NonEmptyText
    type: IndicatorType
    unit: Optional[Text] = None
    min: Optional[Number] = None
    max: Optional[Number] = None
    levels: Optional[list[LevelDef]] = None
    description: Optional[Text] = None
    verified: StrictBool = True
    note: Optional[Text] = None
    intake: list[IntakePattern] = Field(default_factory=list)
    words: Optional[IntakeWords] = None

    @model_validator(mode="after")
    def _check(self) -> "Indicator":
        if self.type == "level" and not self.levels:
            raise ValueError("an indicator of type 'level' needs 'levels' (ordered from worst to best)")
        if self.type != "level" and self.levels:
            raise ValueError("'levels' only applies to indicators of type 'level'")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("'min' is greater than 'max'")
        short = self.words.short_of if self.words else None
        if short is not None and short.level not in {lv.key for lv in self.levels or []}:
            raise ValueError(f"words.short_of.level '{short.level}' is not one of the indicator's levels")
        return self

    @property
    def lower(self) -> Optional[Decimal]:
        if self.min is not None:
            return self.min
        if self.type in ("count", "percent", "items", "boolean"):
            return Decimal(0)
        return None

    @property
    def upper(self) -> Optional[Decimal]:
        if self.max is not None:
            return self.max
        if self.type == "percent":
            return Decimal(100)
        if self.type == "boolean":
            return Decimal(1)
        if self.type == "level" and self.levels:
            return Decimal(len(self.levels) - 1)
        return None

    def level_index(self, key: str) -> Optional[int]:
        for i, lv in enumerate(self.levels or []):
            if lv.key == key:
                return i
        return None

    def level_label(self, index: int) -> str:
        return self.levels[index].label if self.levels and 0 <= index < len(self.levels) else str(index)


class IndicatorFile(Strict):
    schema_: Literal["chitieu.indicators/1"] = Field(alias="schema")
    # an empty 'indicators:' (a new catalogue, before its first indicator) is an empty list
    indicators: Annotated[list[Indicator], BeforeValidator(lambda v: [] if v is None else v)]


# --------------------------------------------------------------------------------------------------- documents

CommuneId = Annotated[
    str, BeforeValidator(_text), Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$", max_length=MAX_ID)
]


class YearSpan(Strict):
    from_: Year = Field(alias="from")
    to: Year

    @model_validator(mode="after")
    def _order(self) -> "YearSpan":
        if self.from_ > self.to:
            raise ValueError("'from' is after 'to'")
        return self


class DateSpan(Strict):
    from_: Date = Field(alias="from")
    to: Optional[Date] = None

    @model_validator(mode="after")
    def _order(self) -> "DateSpan":
        if self.to is not None and self.from_ > self.to:
            raise ValueError("'from' is after 'to'")
        return self


class Coverage(Strict):
    """Which communes a plan applies to: every commune of the listed provinces (the first part of a commune id,
    ``quang-ngai`` for ``quang-ngai/tinh-an``), and the communes listed by id. A plan of a commune's own UBND covers
    that commune only; a provincial plan covers its province; a national criteria set says ``covers: all``."""

    provinces: list[Slug] = Field(default_factory=list)
    communes: list[CommuneId] = Field(default_factory=list)
    # the kinds of unit it applies to (a national set of criteria for xã: `units: [xã]`); none listed: every kind
    units: list[UnitKind] = Field(default_factory=list)

    @model_validator(mode="after")
    def _some(self) -> "Coverage":
        if not self.provinces and not self.communes and not self.units:
            raise ValueError("'covers' needs 'provinces', 'communes' (ids) or 'units' (kinds), or write 'covers: all'")
        return self

    def includes(self, commune_id: str) -> bool:
        if not self.provinces and not self.communes:  # only kinds of unit are named: every commune of those kinds
            return True
        return commune_id in self.communes or any(commune_id.startswith(p + "/") for p in self.provinces)

    def admits(self, commune: "Commune") -> bool:
        """The commune by its kind of unit, and by its id or the id of a unit merged into it."""
        if self.units and commune.unit_kind not in self.units:
            return False
        return any(self.includes(cid) for cid in [commune.id] + [p.id for p in commune.predecessors])


class RelatedDocument(Strict):
    """A document that changes how another applies: an amendment, a provincial set applying a national one, or the
    set that replaces it from a date."""

    relation: Literal["amended_by", "applied_by", "replaced_by"]
    kind: NonEmptyText
    number: NonEmptyText
    date: Date
    issuer: NonEmptyText
    title: Optional[Text] = None
    in_force_from: Optional[Date] = None
    verified: StrictBool = False
    note: Optional[Text] = None
    # whom it concerns, where that is narrower than the document it relates to: a province's decision applying a
    # national set concerns that province's communes only (`covers: {provinces: [quang-ngai]}`); none: all of them
    covers: Optional[Coverage] = None

    @property
    def citation(self) -> str:
        return f"{self.kind} số {self.number} ngày {self.date.day:02d}/{self.date.month}/{self.date.year} của {self.issuer}"

    def concerns(self, commune: "Commune") -> bool:
        """Is it said to this commune's documents? A provincial application only to that province's communes."""
        return self.covers is None or self.covers.admits(commune)


class Document(Strict):
    """The plan or criteria set a rule file encodes."""

    id: Slug
    kind: NonEmptyText
    number: NonEmptyText
    date: Date
    issuer: NonEmptyText
    title: NonEmptyText
    period: YearSpan
    implements: Optional[Slug] = None
    text_available: StrictBool = False
    related: list[RelatedDocument] = Field(default_factory=list)
    # whom the plan applies to (None: not said — every commune, and `rules lint` warns)
    covers: Union[Literal["all"], Coverage, None] = None
    note: Optional[Text] = None

    @property
    def citation(self) -> str:
        return f"{self.kind} số {self.number} ngày {self.date.day:02d}/{self.date.month}/{self.date.year}"

    def applies_to(self, commune: "Commune") -> bool:
        """Does the plan cover the commune — by its kind of unit, and by its id or the id of a unit merged into it?"""
        if self.covers is None or self.covers == "all":
            return True
        return self.covers.admits(commune)


# --------------------------------------------------------------------------------------------------- rules

Op = Literal[">=", ">", "<=", "<", "=="]
Severity = Literal["critical", "major", "minor", "info"]
Theme = Literal["kinh_te", "nong_thon_moi", "do_thi_van_minh", "dan_van_chinh_quyen"]
Status = Literal[
    "met", "unmet", "needs_clarification", "pending", "insufficient_data", "waived", "not_applicable", "noted"
]
EvidenceLevel = Literal["computed", "bound", "claimed", "missing"]


class Source(Strict):
    clause: NonEmptyText
    report_line: Optional[Int] = None
    verified: StrictBool = False
    note: Optional[Text] = None


BasisKind = Literal["plan", "report", "assumption"]


class Basis(Strict):
    """Where a threshold comes from: the plan's clause (quoted), the report's own words, or a working assumption of
    the catalogue (with why). An assumption is never presented as a plan target in a commune's document."""

    kind: BasisKind
    quote: Optional[NonEmptyText] = None
    reference: Optional[NonEmptyText] = None
    why: Optional[NonEmptyText] = None

    @model_validator(mode="after")
    def _check(self) -> "Basis":
        if self.kind in ("plan", "report") and not self.quote:
            raise ValueError(f"a '{self.kind}' basis quotes the words the threshold comes from in 'quote'")
        if self.kind == "report" and not self.reference:
            raise ValueError("a 'report' basis names the report in 'reference' (whose report, when, which line)")
        if self.kind == "assumption" and not self.why:
            raise ValueError("an 'assumption' basis says why the catalogue assumes this threshold in 'why'")
        return self


class TargetChange(Strict):
    """A later version of a target, keeping the rule's id: the value that applies from a date (Kế hoạch sửa đổi,
    a new year's level), and where it comes from."""

    from_: Date = Field(alias="from")
    value: Number
    basis: Basis


class Target(Strict):
    op: Op
    value: Union[StrictBool, Number, Key, None] = None
    unit: Optional[Text] = None
    per_year: StrictBool = False
    unknown_reason: Optional[Text] = None
    basis: Basis
    # later versions of a numeric target, by date; the period judged picks the one in force on its last day
    changes: list[TargetChange] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> "Target":
        if self.value is None and not self.unknown_reason:
            raise ValueError("a target without 'value' must say why in 'unknown_reason' (the threshold is unknown)")
        if self.per_year and not isinstance(self.value, Decimal):
            raise ValueError("'per_year' needs a numeric 'value'")
        if self.changes and not isinstance(self.value, Decimal):
            raise ValueError("'changes' needs a numeric 'value' (a threshold that changes from a date)")
        dates = [c.from_ for c in self.changes]
        if dates != sorted(set(dates)):
            raise ValueError("the 'changes' of a target go in date order, one per date")
        return self

    def version(self, day: dt.date) -> tuple[Union[StrictBool, Decimal, str, None], Basis, Optional[dt.date]]:
        """(value, basis, in force from) of the version in force on ``day``; from None for the first version."""
        current: tuple[Union[StrictBool, Decimal, str, None], Basis, Optional[dt.date]] = (self.value, self.basis, None)
        for c in self.changes:
            if c.from_ <= day:
                current = (c.value, c.basis, c.from_)
        return current


PeriodKind = Literal["annual", "cumulative", "deadline", "as_of"]


class RulePeriod(Strict):
    kind: PeriodKind
    from_: Optional[Year] = Field(default=None, alias="from")
    to: Optional[Year] = None
    deadline: Optional[Date] = None

    @model_validator(mode="after")
    def _check(self) -> "RulePeriod":
        if self.kind == "deadline" and self.deadline is None:
            raise ValueError("a 'deadline' period needs 'deadline: YYYY-MM-DD'")
        if self.kind == "cumulative" and self.from_ is None:
            raise ValueError("a 'cumulative' period needs 'from' (the first year counted)")
        if self.from_ is not None and self.to is not None and self.from_ > self.to:
            raise ValueError("'from' is after 'to'")
        return self


Aggregate = Literal["value", "count", "sum"]


class Measure(Strict):
    of: Key
    aggregate: Aggregate = "value"
    per: Optional[Key] = None
    claim: Optional[Key] = None
    evidence: StrictBool = False
    document_kinds: list[NonEmptyText] = Field(default_factory=list)

    @model_validator(mode="after")
    def _kinds(self) -> "Measure":
        if self.document_kinds and not self.evidence:
            raise ValueError("'document_kinds' needs 'evidence: true'")
        return self


class Computed(Strict):
    """What a claim check recomputes: a measure of the facts, or a field of another rule's finding."""

    rule: Optional[Slug] = None
    field: Optional[Literal["actual", "achievement_pct", "target"]] = None
    measure: Optional[Measure] = None

    @model_validator(mode="after")
    def _one(self) -> "Computed":
        if (self.rule is None) == (self.measure is None):
            raise ValueError("give either 'rule' (with 'field') or 'measure'")
        if self.rule is not None and self.field is None:
            raise ValueError("'rule' needs 'field' (actual, achievement_pct or target)")
        return self


class ExampleExpect(Strict):
    status: Status
    period: Optional[Text] = None
    evidence_level: Optional[EvidenceLevel] = None
    actual: Union[StrictBool, Number, Key, None] = None
    outlook: Optional[Literal["on_track", "at_risk"]] = None


class Example(Strict):
    name: Slug
    as_of: Optional[Date] = None
    facts: list[dict[str, Any]] = Field(default_factory=list)
    waivers: list[dict[str, Any]] = Field(default_factory=list)
    expect: ExampleExpect


MessageKey = Literal[
    "met", "unmet", "needs_clarification", "pending", "insufficient_data", "waived", "not_applicable", "noted"
]


class Criterion(Strict):
    """One criterion of a criteria set (e.g. the 19 of xã nông thôn mới nâng cao), a row of the commune's
    self-assessment table (Biểu tự đánh giá); the indicator holds the commune's assessment of it."""

    number: Int
    name: NonEmptyText
    indicator: Key
    required: Optional[Text] = None  # the level the set requires, as it states it
    verified: StrictBool = False
    note: Optional[Text] = None


class RuleFile(Strict):
    """A rule file's header; each of its rules is validated on its own as a chitieu.kinds.Rule."""

    schema_: Literal["chitieu.rules/1"] = Field(alias="schema")
    document: Document
    in_force: Optional[DateSpan] = None
    criteria: list[Criterion] = Field(default_factory=list)
    criteria_count: Optional[Key] = None  # the indicator of a general statement ("cơ bản đạt 19/19 tiêu chí")
    rules: list[Any] = Field(default_factory=list)


class Drafting(Strict):
    """What the drafted commune document offers where the report is silent: causes for the officer to confirm."""

    objective_causes: list[NonEmptyText] = Field(default_factory=list)
    subjective_causes: list[NonEmptyText] = Field(default_factory=list)


class ReviewerFile(Strict):
    """The reviewing body that issues review sheets (chitieu report --for reviewer --reviewer-config FILE)."""

    schema_: Literal["chitieu.reviewer/1"] = Field(alias="schema")
    body: NonEmptyText  # e.g. "BAN DÂN VẬN\nTHÀNH ỦY QUẢNG NGÃI" lines, written in full
    parent: Optional[NonEmptyText] = None  # the superior body's line, where there is one
    place: Optional[NonEmptyText] = None
    signer_role: NonEmptyText = "NGƯỜI RÀ SOÁT"
    signer_name: Optional[Text] = None
    recipients: list[NonEmptyText] = Field(default_factory=list)


class CatalogueInfo(Strict):
    schema_: Literal["chitieu.catalogue/1"] = Field(alias="schema")
    name: NonEmptyText
    version: NonEmptyText
    order: list[Slug] = Field(default_factory=list)
    drafting: Drafting = Field(default_factory=Drafting)
    note: Optional[Text] = None


# --------------------------------------------------------------------------------------------------- facts

_RANGE = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


class FactPeriod(BaseModel):
    """A fact's period: one year, a span of years, or the state at the report's as-of date."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    kind: Literal["year", "range", "as_of"]
    start: int = 0
    end: int = 0

    @property
    def key(self) -> str:
        if self.kind == "as_of":
            return "as_of"
        if self.kind == "year":
            return str(self.start)
        return f"{self.start}-{self.end}"


def _fact_period(v: Any) -> FactPeriod:
    if isinstance(v, FactPeriod):
        return v
    if isinstance(v, bool):
        raise ValueError("expected a year (2024), a span ('2023-2024') or 'as_of'")
    if isinstance(v, int):
        return FactPeriod(kind="year", start=_year(v), end=v)
    if isinstance(v, str):
        if v.strip() == "as_of":
            return FactPeriod(kind="as_of")
        m = _RANGE.match(v.strip())
        if m:
            a, b = _year(int(m.group(1))), _year(int(m.group(2)))
            if a > b:
                raise ValueError(f"the span '{v}' runs backwards")
            return FactPeriod(kind="year", start=a, end=a) if a == b else FactPeriod(kind="range", start=a, end=b)
        if v.strip().isdigit():
            return FactPeriod(kind="year", start=_year(int(v)), end=int(v))
    raise ValueError(f"'{v}' is not a period; write a year (2024), a span ('2023-2024') or 'as_of'")


Period = Annotated[FactPeriod, BeforeValidator(_fact_period), PlainSerializer(lambda p: p.key, return_type=str)]


CELL = r"^[^!\[\]:*?/\\]{1,31}![A-Z]{1,3}[1-9][0-9]{0,6}$"


class Quote(Strict):
    """Where a fact comes from in the commune's report: the line and the sentence, quoted — or, for a report made
    on a reporting form, the cell (``Biểu 01!E14``) and what it says."""

    line: Optional[Int] = Field(default=None, ge=1)
    quote: NonEmptyText
    cell: Optional[Annotated[str, BeforeValidator(_text), Field(pattern=CELL)]] = None

    @model_validator(mode="after")
    def _placed(self) -> "Quote":
        if self.line is None and self.cell is None:
            raise ValueError(
                "missing required key 'line': a source cites the report's line "
                "(or, from a reporting form, its cell: cell: 'Biểu 01!E14')"
            )
        return self

    @property
    def place(self) -> str:
        """Where in the report, for a message: the line ('25'), or the row and sheet of a form ('14 Biểu 01')."""
        if self.line is not None:
            return str(self.line)
        sheet, _, ref = (self.cell or "").partition("!")
        return f"{ref.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')} {sheet}"


class DocRef(Strict):
    kind: Optional[OptionalName] = None
    number: Name
    date: Optional[Date] = None
    issuer: Optional[OptionalName] = None


ModelField = Literal["kinh_te", "van_hoa_xa_hoi", "quoc_phong_an_ninh", "xay_dung_he_thong_chinh_tri"]


class Item(Strict):
    """One counted item, e.g. a "Dân vận khéo" model, with the documents an auditor asks for."""

    name: Name
    decision: Optional[DocRef] = None  # founding decision (quyết định thành lập)
    registration: Optional[DocRef] = None  # registered with the body that launched the movement
    recognition: Optional[DocRef] = None  # recognised after appraisal (công nhận)
    field: Optional[ModelField] = None  # which of the movement's four fields
    owner: Optional[OptionalName] = None  # another body that founded it (its own register)
    note: Optional[Text] = None


class Bound(Strict):
    gt: Optional[Number] = None
    gte: Optional[Number] = None
    lt: Optional[Number] = None
    lte: Optional[Number] = None

    @model_validator(mode="after")
    def _check(self) -> "Bound":
        if self.gt is not None and self.gte is not None:
            raise ValueError("give 'gt' or 'gte', not both")
        if self.lt is not None and self.lte is not None:
            raise ValueError("give 'lt' or 'lte', not both")
        if all(x is None for x in (self.gt, self.gte, self.lt, self.lte)):
            raise ValueError("a bound needs one of gt, gte, lt, lte")
        lo = self.gt if self.gt is not None else self.gte
        hi = self.lt if self.lt is not None else self.lte
        if (
            lo is not None
            and hi is not None
            and (lo > hi or (lo == hi and (self.gt is not None or self.lt is not None)))
        ):
            raise ValueError("the bound is empty (lower bound above upper bound)")
        return self


FactValue = Union[StrictBool, Number, Bound, Key]


class Fact(Strict):
    indicator: Key
    period: Period
    value: Optional[FactValue] = None
    items: Optional[list[Item]] = None
    claim: Optional[Literal["achieved", "not_achieved"]] = None
    basis: Literal["reported", "claimed"] = "reported"
    awaiting_appraisal: StrictBool = False
    document: Optional[DocRef] = None
    source: Quote
    note: Optional[Text] = None
    review: StrictBool = False
    confidence: Optional[Annotated[float, Field(ge=0, le=1)]] = None  # how sure a drafted reading is (intake)

    @model_validator(mode="after")
    def _one_value(self) -> "Fact":
        given = [n for n in ("value", "items", "claim") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("a fact needs exactly one of 'value', 'items' or 'claim'")
        return self


class Predecessor(Strict):
    """A unit merged into this one (communes were merged from 07/2025): its results carry over to this commune."""

    id: CommuneId
    name: Name
    until: Optional[Date] = None


UnitKind = Literal["xã", "phường", "thị trấn", "đặc khu"]  # chitieu.vi.UNIT_KINDS


class Commune(Strict):
    id: CommuneId
    name: Name
    # the kind of unit, where its name does not begin with it ('Tịnh An'); else read off the name ('phường …'), else
    # off the report's issuer ('UBND phường Tịnh An'), else a xã (chitieu.facts)
    kind: Optional[UnitKind] = None
    district: Optional[OptionalName] = None
    province: Optional[OptionalName] = None
    predecessors: list[Predecessor] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _commune_level(cls, name: str) -> str:
        higher = vi.higher_unit(name)
        if higher:
            raise ValueError(
                f"'{name}' names a {higher}, a unit above the commune level; chitieu checks xã, phường, thị trấn and "
                "đặc khu: write the commune's own name"
            )
        return name

    @property
    def unit_kind(self) -> str:
        """What the unit is: xã, phường, thị trấn or đặc khu (which plans cover it and how its documents name it)."""
        return self.kind or vi.unit_kind(self.name) or "xã"


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class PartialDate(BaseModel):
    """A report date that may lack its day or month (drafts leave 'ngày ... tháng 10 năm 2024' blank)."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    def __str__(self) -> str:
        return "-".join(f"{x:02d}" if i else str(x) for i, x in enumerate((self.year, self.month, self.day)) if x)


def _partial_date(v: Any) -> PartialDate:
    if isinstance(v, PartialDate):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return PartialDate(year=_year(v))
    if isinstance(v, str):
        m = _PARTIAL.match(v.strip())
        if m:
            y = int(m.group(1))
            mo, d = (int(g) if g else None for g in m.groups()[1:])
            try:
                dt.date(y, mo or 1, d or 1)
            except ValueError:
                raise ValueError(f"'{v}' is not a valid date") from None
            return PartialDate(year=y, month=mo, day=d)
    raise ValueError(f"'{v}' is not a date; write YYYY-MM-DD, or YYYY-MM when the day is blank in the report")


ReportDate = Annotated[PartialDate, BeforeValidator(_partial_date), PlainSerializer(str, return_type=str)]


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class Report(Strict):
    title: NonEmptyText
    number: Optional[OptionalName] = None
    date: ReportDate
    as_of: Date  # YYYY-MM when the report gives only the month ("đến tháng 10/2024")
    as_of_precision: Literal["day", "month"] = "day"
    issuer: Name
    period: DateSpan
    file: Optional[Text] = None
    plan: Optional[DocRef] = None  # the unit's own plan the report answers (its header, its opening)

    @field_validator("issuer")
    @classmethod
    def _commune_level(cls, issuer: str) -> str:
        body = vi.issuer_body_of(issuer)
        higher = vi.higher_unit(body) if body else None
        if higher:
            raise ValueError(
                f"'{issuer}' is the people's committee of a {higher}, a unit above the commune level; chitieu checks "
                "the reports of xã, phường, thị trấn and đặc khu"
            )
        return issuer

    @model_validator(mode="before")
    @classmethod
    def _month_only(cls, data: Any) -> Any:
        # "as_of: 2024-10": the figures run to a month; the audit reckons with its last day, the documents say
        # "đến tháng 10/2024" and never invent a day.
        if isinstance(data, dict) and isinstance(data.get("as_of"), str):
            m = _MONTH.match(data["as_of"].strip())
            if m and 1 <= int(m.group(2)) <= 12:
                year, month = int(m.group(1)), int(m.group(2))
                last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
                data = dict(data, as_of=last.isoformat(), as_of_precision="month")
        return data

    @model_validator(mode="after")
    def _check(self) -> "Report":
        if self.period.to is None:
            raise ValueError("'period' needs 'to'")
        if self.as_of < self.period.from_:
            raise ValueError("'as_of' is before the start of the report period")
        return self


StatementKind = Literal["shortcoming", "cause", "task"]


class Statement(Strict):
    """A sentence of the report that the section writer reuses: a stated shortcoming, cause or task."""

    kind: StatementKind
    text: NonEmptyText
    theme: Optional[Theme] = None
    rule: Optional[Slug] = None
    in_summary: StrictBool = True
    cause_type: Optional[Literal["chu_quan", "khach_quan"]] = None
    remedy: Optional[Text] = None  # a stated shortcoming: the task in section IV that answers it
    source: Quote
    review: StrictBool = False


class Unmatched(Strict):
    line: Int = Field(ge=1)
    text: NonEmptyText


class FactFile(Strict):
    """A fact file's header. Its `facts:` and `statements:` are validated one by one (Fact, Statement), so that one
    broken fact does not hide the others' problems — and their models are not built twice."""

    schema_: Literal["chitieu.facts/1"] = Field(alias="schema")
    commune: Commune
    report: Report
    unreviewed: StrictBool = False
    facts: list[Any] = Field(default_factory=list)  # each validated as a Fact
    statements: list[Any] = Field(default_factory=list)  # each validated as a Statement
    unmatched: list[Unmatched] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------------- waivers


class DeadlinePeriod(BaseModel):
    """A deadline rule's one period, as its findings name it: 'by-2026-12-31' (a waiver of a deadline target)."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    kind: Literal["deadline"] = "deadline"
    deadline: dt.date

    @property
    def key(self) -> str:
        return f"by-{self.deadline.isoformat()}"


_BY = re.compile(r"^by-(\d{4}-\d{2}-\d{2})$")


def _waiver_period(v: Any) -> FactPeriod | DeadlinePeriod:
    """A finding's period key: a year, a span, 'as_of', or a deadline 'by-2026-12-31'."""
    if isinstance(v, (FactPeriod, DeadlinePeriod)):
        return v
    m = _BY.match(v.strip()) if isinstance(v, str) else None
    if m:
        try:
            return DeadlinePeriod(deadline=dt.date.fromisoformat(m.group(1)))
        except ValueError:
            raise ValueError(f"'{v}' is not a deadline: write by-YYYY-MM-DD (e.g. by-2026-12-31)") from None
    try:
        return _fact_period(v)
    except ValueError:
        raise ValueError(
            f"'{v}' is not a finding's period; write a year (2024), a span ('2023-2024'), 'as_of' or a deadline "
            "('by-2026-12-31')"
        ) from None


WaiverPeriod = Annotated[
    Union[FactPeriod, DeadlinePeriod],
    BeforeValidator(_waiver_period),
    PlainSerializer(lambda p: p.key, return_type=str),
]


class Waiver(Strict):
    rule: Slug
    commune: Annotated[str, BeforeValidator(_text), Field(max_length=MAX_ID)]
    period: WaiverPeriod
    reason: NonEmptyText
    approver: Name
    expires: Date
    reference: Optional[Text] = None


class WaiverFile(Strict):
    schema_: Literal["chitieu.waivers/1"] = Field(alias="schema")
    waivers: list[Waiver]


# --------------------------------------------------------------------------------------------------- findings
# The JSON findings contract (DESIGN.md): schema chitieu.findings/2 (CHANGELOG.md). Fields are added, never renamed
# or removed; a new status or a changed meaning bumps the schema.


class Out(BaseModel):
    """The engine's own output: built from validated inputs, tens of thousands of times a run, never validated."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    @classmethod
    def model_construct(cls, _fields_set: Optional[set[str]] = None, **values: Any) -> Self:
        """pydantic's model_construct, without its walk over the fields, when every field is given or has a plain
        immutable default (as the engine builds them): a fifth of the time, the same object."""
        fields = cls.__pydantic_fields__
        given = set(values)
        if _fields_set is not None:
            return super().model_construct(_fields_set, **values)
        if values.keys() != fields.keys():
            defaults = cls._plain_defaults()
            if not given <= fields.keys() or not fields.keys() - given <= defaults.keys():
                return super().model_construct(_fields_set, **values)
            values = {k: values[k] if k in values else defaults[k] for k in fields}
        out = cls.__new__(cls)
        _set = object.__setattr__
        _set(out, "__dict__", values)
        _set(out, "__pydantic_fields_set__", given)
        _set(out, "__pydantic_extra__", None)
        private = cls.__private_attributes__  # their defaults, as pydantic's own gives them (no Out has a post-init)
        _set(
            out,
            "__pydantic_private__",
            {k: a.get_default(call_default_factory=True) for k, a in private.items()} if private else None,
        )
        return out

    @classmethod
    def _plain_defaults(cls) -> dict[str, Any]:
        """The fields whose default is a constant that needs no copy (None, a bool, a number, a string)."""
        found = cls.__dict__.get("_plain_defaults_found")
        if found is None:
            found = {
                name: f.default
                for name, f in cls.__pydantic_fields__.items()
                if f.default_factory is None
                and isinstance(f.default, (type(None), bool, int, float, str))
                and not f.is_required()
            }
            type.__setattr__(cls, "_plain_defaults_found", found)
        return found


class CommuneOut(Out):
    id: str
    name: str


class PeriodOut(Out):
    key: str
    kind: PeriodKind
    label: str
    start: dt.date
    end: dt.date
    deadline: Optional[dt.date]
    partial: bool


class BasisOut(Out):
    kind: Literal["plan", "report", "assumption", "computed"]
    label: str
    text: str


class TargetOut(Out):
    operator: Op
    value: Union[bool, float, int, str, None]
    unit: Optional[str]
    display: str
    threshold_known: bool
    basis: Optional[BasisOut] = None
    # a target that changes with time: the date from which the version applied is in force (None: the first one)
    in_force_from: Optional[dt.date] = None


class BoundOut(Out):
    operator: Literal[">", ">=", "<", "<="]
    value: Union[float, int]


class SourceOut(Out):
    document: str
    number: str
    citation: str
    issuer: str
    clause: str
    verified: bool
    file: str
    line: int


class FactOut(Out):
    indicator: str
    period: str
    value: str
    file: str
    line: int
    report_line: Optional[int]  # null when the fact comes from a reporting form: then `cell` says where
    quote: str
    cell: Optional[str] = None  # the form's cell, e.g. "Biểu 01!E14" (null for a text report)


class EvidenceOut(Out):
    counted_with_evidence: int
    counted_on_claim: int
    achievement_pct_evidenced: Optional[float]
    items_without_evidence: list[str]
    owners: list[str] = Field(default_factory=list)  # other bodies that founded some of the items (their own register)
    counted_owned_by_others: int = 0


class WaiverOut(Out):
    reason: str
    approver: str
    expires: dt.date
    expired: bool
    file: str
    line: int


class Finding(Out):
    rule_id: str
    title: str
    commune: CommuneOut
    period: PeriodOut
    status: Status
    status_label: str
    evidence_level: EvidenceLevel
    evidence_label: str
    outlook: Optional[Literal["on_track", "at_risk"]] = None
    reason: Optional[str] = None
    target: Optional[TargetOut]
    actual: Union[bool, float, int, str, None]
    actual_display: str
    actual_bound: list[BoundOut] = Field(default_factory=list)
    achievement_pct: Optional[float]
    shortfall: Union[float, int, None]
    shortfall_unit: Optional[str] = None
    severity: Severity
    theme: Theme
    source: SourceOut
    facts: list[FactOut]
    evidence: Optional[EvidenceOut] = None
    waiver: Optional[WaiverOut] = None
    notes: list[str] = Field(default_factory=list)
    evidence_notes: list[str] = Field(default_factory=list)
    message: str
    fired_by: str
    # the rendered template fields, for the narrative writer (not part of the JSON contract)
    _values: Mapping[str, str] = PrivateAttr(default_factory=dict)

    @property
    def values(self) -> Mapping[str, str]:
        return self._values

    def json_bytes(self) -> bytes:
        """The finding as one compact line of the JSON contract, in UTF-8: model_dump_json() with its defaults,
        called on the serialiser itself (a third less time over 15,000 findings than through the keyword-laden
        wrapper), and left in the bytes a file is written in."""
        return self.__pydantic_serializer__.to_json(self)

    def json_line(self) -> str:
        return self.json_bytes().decode()

    def without_values(self) -> "Finding":
        """The finding with its template values forgotten: what a worker process sends back for a format that prints
        none of them (chitieu.workers; the drafted narrative and the review sheet read them, the streamed formats
        never do)."""
        self._values = {}
        return self


class FindingLine:
    """A finding as a worker process sends it to a run that writes findings only as JSON lines (`check --format
    json --jobs N`, chitieu.workers): what choosing and counting findings read (rule, status, commune, plan), and
    the finding's line of the JSON contract, written by pydantic in the worker. It stands in for a Finding in that
    run only; anything else it is asked for is an AttributeError, not a guess. Sending the line instead of the model
    spares the main process unpickling every finding (measured: 0.3 s of CPU per 15,000 findings against 0.03 s)."""

    __slots__ = ("rule_id", "status", "commune", "source", "_line")

    def __init__(self, rule_id: str, status: Status, commune: CommuneOut, source: SourceOut, line: bytes) -> None:
        self.rule_id, self.status, self.commune, self.source, self._line = rule_id, status, commune, source, line

    @classmethod
    def of(cls, f: Finding) -> "FindingLine":
        return cls(f.rule_id, f.status, f.commune, f.source, f.json_bytes())

    def json_bytes(self) -> bytes:
        return self._line

    def json_line(self) -> str:
        return self._line.decode()

    def __reduce__(self) -> tuple:
        return (FindingLine, (self.rule_id, self.status, self.commune, self.source, self._line))
