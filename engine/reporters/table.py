"""The findings as a rich table for the terminal, with a one-line count per status."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import vi
from ..audit import AuditResult

STYLE = {"met": "green", "unmet": "bold red", "pending": "yellow", "insufficient_data": "magenta",
         "waived": "cyan", "not_applicable": "dim"}


def summary_line(result: AuditResult) -> str:
    counts = result.counts()
    parts = [f"{vi.STATUS_LABELS[s]} ({s}): {counts[s]}" for s in vi.STATUS_ORDER if counts[s]]
    return f"Tổng số kết luận: {len(result.findings)} — " + " · ".join(parts)


def render(result: AuditResult, *, color: bool = False, width: int | None = None) -> str:
    buf = io.StringIO()
    if width is None:
        width = max(100, Console().width) if color else 160
    console = Console(file=buf, force_terminal=color, color_system="standard" if color else None, width=width,
                      highlight=False, emoji=False)
    for cf in result.communes:
        table = Table(title=f"{cf.commune.name} — số liệu đến ngày {vi.date(cf.as_of)}", show_lines=True,
                      title_justify="left", expand=False)
        for name, kw in (("Quy tắc", {"no_wrap": True}), ("Chỉ tiêu", {"ratio": 3}), ("Kỳ", {"min_width": 10}),
                         ("Mức chỉ tiêu", {"ratio": 2}), ("Kết quả", {"ratio": 2}), ("Trạng thái", {"min_width": 17}),
                         ("Căn cứ", {"min_width": 9}), ("Nguồn", {"ratio": 2})):
            table.add_column(name, **kw)
        for f in (f for f in result.findings if f.commune.id == cf.commune.id):
            status = Text(f"{f.status}\n{f.status_label}", style=STYLE[f.status])
            if f.outlook:
                status.append(f"\n({vi.OUTLOOK_LABELS[f.outlook]})")
            result_text = f.actual_display
            if f.achievement_pct is not None:
                result_text += f"\n{vi.percent(f.achievement_pct)} chỉ tiêu"
            table.add_row(
                f.rule_id, f.title, f.period.label, f.target.display if f.target else "—", result_text, status,
                f"{f.evidence_level}\n{f.evidence_label}", f"{f.source.citation}: {f.source.clause}",
            )
        console.print(table)
    console.print(summary_line(result))
    return buf.getvalue()
