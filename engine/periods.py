"""The periods a rule is judged over for one commune: a year, the plan's span so far, a deadline, or the report's date."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from . import vi
from .model import PeriodOut

if TYPE_CHECKING:
    from .catalogue import LoadedRule
    from .facts import CommuneFacts


@dataclass(frozen=True)
class Window:
    """The period a rule is judged over for one commune."""

    kind: str
    key: str
    start: dt.date
    end: dt.date
    years: tuple[int, ...]
    deadline: Optional[dt.date]
    as_of: dt.date
    as_of_month_only: bool = False  # the report gives only the month its figures run to

    @property
    def open(self) -> bool:
        """Not yet over at the as-of date: a year in progress, or a deadline still ahead."""
        if self.kind == "as_of":
            return False
        limit = self.deadline if self.kind == "deadline" else self.end
        assert limit is not None  # a deadline window has its deadline
        return self._before(limit)

    def _before(self, limit: dt.date) -> bool:
        """Is the as-of date before ``limit``? A report that gives only the month its figures run to ("ngày …
        tháng 12 năm 2025") is not known to have reached a limit within that month: no deadline is judged passed
        on a made-up day (the month's end)."""
        if self.as_of_month_only and (self.as_of.year, self.as_of.month) == (limit.year, limit.month):
            return True
        return self.as_of < limit

    @property
    def partial(self) -> bool:
        return self.kind in ("annual", "cumulative") and self._before(self.end)

    @property
    def label(self) -> str:
        if self.kind == "annual":
            return f"năm {self.years[0]}"
        if self.kind == "cumulative":
            return f"giai đoạn {self.years[0]}–{self.years[-1]}" if len(self.years) > 1 else f"năm {self.years[0]}"
        if self.kind == "deadline":
            return f"hạn {vi.date(self.deadline)}" if self.deadline else ""
        return f"đến {self.as_of_phrase}"

    @property
    def as_of_phrase(self) -> str:
        return vi.as_of(self.as_of, month_only=self.as_of_month_only)

    def out(self) -> PeriodOut:
        return PeriodOut.model_construct(
            key=self.key,
            kind=self.kind,
            label=self.label,
            start=self.start,
            end=self.end,
            deadline=self.deadline,
            partial=self.partial,
        )


@functools.lru_cache(maxsize=4096)  # one commune's rules share their years' windows
def _year_window(kind: str, first: int, last: int, as_of: dt.date, month_only: bool) -> Window:
    key = str(first) if first == last and kind == "annual" else f"{first}-{last}"
    end = dt.date(last, 12, 31)
    return Window(kind, key, dt.date(first, 1, 1), end, tuple(range(first, last + 1)), end, as_of, month_only)


def windows_for(rule: "LoadedRule", commune: "CommuneFacts") -> list[Window]:
    r = rule.rule
    p = r.period
    doc_span = rule.document.period
    first = p.from_ if p.from_ is not None else doc_span.from_
    last = p.to if p.to is not None else doc_span.to
    as_of = commune.as_of
    month_only = commune.report.as_of_precision == "month"
    if p.kind == "annual":
        years = set(commune.report_years)
        index = commune.by_indicator()
        for key in r.indicators():
            years.update(lf.fact.period.start for lf in index.get(key, ()) if lf.fact.period.kind == "year")
        chosen = sorted(y for y in years if first <= y <= last and y <= as_of.year)
        return [_year_window("annual", y, y, as_of, month_only) for y in chosen]
    if p.kind == "cumulative":
        return [_year_window("cumulative", first, max(first, min(last, as_of.year)), as_of, month_only)]
    if p.kind == "deadline":
        assert p.deadline is not None
        return [
            Window(
                "deadline",
                f"by-{p.deadline.isoformat()}",
                dt.date(first, 1, 1),
                p.deadline,
                tuple(range(first, p.deadline.year + 1)),
                p.deadline,
                as_of,
                month_only,
            )
        ]
    start = min(rep.period.from_ for rep in commune.reports)
    return [Window("as_of", "as_of", start, as_of, tuple(range(start.year, as_of.year + 1)), None, as_of, month_only)]
