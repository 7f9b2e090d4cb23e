"""Terminal output of the rule author's commands: the catalogue table and example results."""

from __future__ import annotations

import io
from typing import Iterable

from rich.console import Console
from rich.table import Table

from .. import vi
from ..diagnostics import shown_path
from ..catalogue import LoadedRule
from ..yamlsrc import flow
from ..examples import ExampleResult


def authoring_table(rules: Iterable[LoadedRule], *, width: int = 160) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, highlight=False, emoji=False)
    table = Table(show_lines=False, title_justify="left")
    for name in ("Quy tắc", "Chỉ tiêu", "Văn bản — nội dung", "Kỳ", "Mức độ"):
        table.add_column(name, overflow="fold")
    rules = list(rules)
    for lr in rules:
        r = lr.rule
        period = r.period.kind + (f" → {vi.date(r.period.deadline)}" if r.period.deadline else "")
        table.add_row(r.id, r.title, f"{lr.document.number}: {r.source.clause}", period, r.severity)
    console.print(table)
    console.print(f"{len(rules)} quy tắc")
    return buf.getvalue()


def example_line(res: ExampleResult) -> str:
    exp = res.example.expect
    got = res.finding.status if res.finding else "—"
    period = f" [{res.finding.period.key}]" if res.finding else ""
    head = (
        f"{'PASSED' if res.passed else 'FAILED'}  {res.test_id}  ({shown_path(res.path)}:{res.line})  "
        f"expected {exp.status}, got {got}{period}"
    )
    if res.passed:
        return head
    lines = [head] + [f"    - {p}" for p in res.problems]
    for fact in res.example.facts:
        lines.append(f"    fact: {flow({k: v for k, v in fact.items() if k != 'source'})}")
    if not res.example.facts:
        lines.append("    fact: (none)")
    if res.finding is not None:
        lines.append(f"    message: {res.finding.message}")
    return "\n".join(lines)
