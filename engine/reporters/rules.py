"""Terminal output of the rule author's commands: the catalogue table and example results."""

from __future__ import annotations

import re
from typing import Iterable

from .. import vi
from ..diagnostics import shown_path
from ..catalogue import LoadedRule
from ..yamlsrc import flow
from ..examples import ExampleResult


def authoring_table(rules: Iterable[LoadedRule], *, width: int | None = None) -> str:
    """The catalogue as a table at the terminal's width ($COLUMNS first; see reporters/table.py): id, title, source
    clause, period, severity — in fewer columns when narrower, what they leave out under each row."""
    from .table import Column, grid, table_width

    rules = list(rules)

    def period(lr: LoadedRule) -> str:  # in Vietnamese, with the value a rule file writes
        p = lr.rule.period
        return f"{vi.PERIOD_KIND_LABELS.get(p.kind, p.kind)} ({p.kind})" + (
            f" → {vi.date(p.deadline)}" if p.deadline else ""
        )

    def severity(lr: LoadedRule) -> str:
        return vi.SEVERITY_LABELS.get(lr.rule.severity, lr.rule.severity).lower()

    def source(lr: LoadedRule) -> str:
        return f"{lr.document.number}: {lr.rule.source.clause}"

    def where(lr: LoadedRule) -> list[str]:
        return [lr.rule.id, f"{period(lr)} · {severity(lr)}"]

    layouts = [
        [
            Column("Quy tắc", lambda lr: [lr.rule.id], 0, 36),
            Column("Chỉ tiêu", lambda lr: [lr.rule.title], 20, 60, ("title",)),
            Column("Văn bản — nội dung", lambda lr: [source(lr)], 24, 70, ("source",)),
            Column("Kỳ", lambda lr: [period(lr)], 8, 36),
            Column("Mức độ", lambda lr: [severity(lr)], 8, 20),
        ],
        [
            Column("Quy tắc · Kỳ · Mức độ", where, 0, 36),
            Column("Chỉ tiêu", lambda lr: [lr.rule.title], 24, 80, ("title",)),
        ],
        [Column("Quy tắc · Kỳ · Mức độ", lambda lr: [" · ".join(where(lr))], 0, 200)],
    ]

    def under(lr: LoadedRule, shown: set[str]) -> list[str]:
        return ([f"Chỉ tiêu: {lr.rule.title}"] if "title" not in shown else []) + (
            [f"Văn bản — nội dung: {source(lr)}"] if "source" not in shown else []
        )

    lines = grid(rules, layouts, width or table_width(), under=under)
    return "\n".join(lines) + f"\n{len(rules)} quy tắc\n"


def example_line(res: ExampleResult, lang: str = "en", width: int | None = None) -> str:
    """One example's result for `chitieu rules test`, within ``width`` columns (the terminal's): a failed one with
    what differs, its facts and its message. The verdict and the example's id always open the first line."""
    from ..messages_vi import say
    from .listing import terminal_width, wrap

    width = width or terminal_width()
    exp = res.example.expect
    got = res.finding.status if res.finding else "—"
    period = f" [{res.finding.period.key}]" if res.finding else ""
    verdict = say("example-passed" if res.passed else "example-failed", lang)
    lead = f"{verdict}  {res.test_id}"

    def status(s: str) -> str:  # Vietnamese: the label, with the value a rule file writes
        return f"{vi.STATUS_LABELS[s]} ({s})" if lang == "vi" and s in vi.STATUS_LABELS else s

    expected = say("example-expected", lang, expected=status(exp.status), got=status(got))
    tail = f"({shown_path(res.path)}:{res.line})  {expected}{period}"
    if len(lead) + 2 + len(tail) <= width:
        lines = [f"{lead}  {tail}"]
    else:
        lines = [lead] + wrap(tail, width, first="    ", rest="    ")
    if res.passed:
        return "\n".join(lines)
    problems = [
        re.sub(
            r"^(\w+): expected (.+), got (.+)$",
            lambda m: (
                f"{m.group(1)}: " + say("example-expected", lang, expected=status(m.group(2)), got=status(m.group(3)))
            ),
            p,
        )
        for p in res.problems
    ]
    fact_label, message_label = ("số liệu", "thông điệp") if lang == "vi" else ("fact", "message")
    details = [f"- {p}" for p in problems]
    for fact in res.example.facts:
        details.append(f"{fact_label}: {flow({k: v for k, v in fact.items() if k != 'source'})}")
    if not res.example.facts:
        details.append(f"{fact_label}: " + ("(không có)" if lang == "vi" else "(none)"))
    if res.finding is not None:
        details.append(f"{message_label}: {res.finding.message}")
    for text in details:
        lines += wrap(text, width, first="    ", rest="      ")
    return "\n".join(lines)
