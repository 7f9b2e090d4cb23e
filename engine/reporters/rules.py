"""Terminal output of the rule author's commands: the catalogue table and example results."""

from __future__ import annotations

import io
import re
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


def example_line(res: ExampleResult, lang: str = "en") -> str:
    """One example's result for `chitieu rules test`; a failed one with what differs, its facts and its message."""
    from ..messages_vi import say

    exp = res.example.expect
    got = res.finding.status if res.finding else "—"
    period = f" [{res.finding.period.key}]" if res.finding else ""
    verdict = say("example-passed" if res.passed else "example-failed", lang)
    head = (
        f"{verdict}  {res.test_id}  ({shown_path(res.path)}:{res.line})  "
        f"{say('example-expected', lang, expected=exp.status, got=got)}{period}"
    )
    if res.passed:
        return head
    problems = [
        re.sub(
            r"^(\w+): expected (.+), got (.+)$",
            lambda m: f"{m.group(1)}: " + say("example-expected", lang, expected=m.group(2), got=m.group(3)),
            p,
        )
        for p in res.problems
    ]
    fact_label, message_label = ("số liệu", "thông điệp") if lang == "vi" else ("fact", "message")
    lines = [head] + [f"    - {p}" for p in problems]
    for fact in res.example.facts:
        lines.append(f"    {fact_label}: {flow({k: v for k, v in fact.items() if k != 'source'})}")
    if not res.example.facts:
        lines.append(f"    {fact_label}: " + ("(không có)" if lang == "vi" else "(none)"))
    if res.finding is not None:
        lines.append(f"    {message_label}: {res.finding.message}")
    return "\n".join(lines)
