"""The findings as a rich table for the terminal, with a one-line count per status."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import vi
from ..audit import AuditResult
from ._style import LOOKS
from ._text import clean


def summary_line(result: AuditResult) -> str:
    counts = result.counts()
    parts = [f"{vi.STATUS_LABELS[s]} ({s}): {counts[s]}" for s in vi.STATUS_ORDER if counts[s]]
    return f"Tổng số kết luận: {len(result.findings)} — " + " · ".join(parts)


def render(result: AuditResult, *, color: bool = False, width: int | None = None) -> str:
    buf = io.StringIO()
    if width is None:
        width = max(100, Console().width) if color else 160
    console = Console(
        file=buf,
        force_terminal=color,
        color_system="standard" if color else None,
        width=width,
        highlight=False,
        emoji=False,
    )
    for cf in result.communes:
        table = Table(
            title=clean(f"{cf.commune.name} — số liệu đến {cf.as_of_phrase}"),
            show_lines=True,
            title_justify="left",
            expand=False,
        )
        mine = [f for f in result.findings if f.commune.id == cf.commune.id]
        # Identifiers keep a fixed width (never wrapped, never cut); the prose columns share what is left, so a
        # narrow or piped console wraps the prose instead of cutting the table's right edge off.
        fixed = {
            "Quy tắc": max([len(f.rule_id) for f in mine] + [7]),
            "Trạng thái": max([len(f.status) for f in mine] + [10]),
            "Căn cứ": max([len(f.evidence_level) for f in mine] + [6]),
        }
        for name in ("Quy tắc", "Chỉ tiêu", "Kỳ", "Mức chỉ tiêu", "Kết quả", "Trạng thái", "Căn cứ", "Nguồn"):
            table.add_column(name, width=fixed.get(name), overflow="fold")
        for f in mine:
            status = Text(f"{f.status}\n{f.status_label}", style=LOOKS[f.status].terminal)
            if f.outlook:
                status.append(f"\n({vi.OUTLOOK_LABELS[f.outlook]})")
            result_text = f.actual_display
            if f.achievement_pct is not None:
                result_text += f"\n{vi.percent(f.achievement_pct)} chỉ tiêu"
            table.add_row(
                f.rule_id,
                clean(f.title),
                f.period.label,
                clean(f.target.display) if f.target else "—",
                clean(result_text),
                status,
                f"{f.evidence_level}\n{f.evidence_label}",
                clean(f"{f.source.citation}: {f.source.clause}"),
            )
        console.print(table)
        if cf.unreviewed:
            console.print(vi.unreviewed_note(cf.commune.name, cf.unreviewed_files), style="bold red")
    console.print(summary_line(result))
    return buf.getvalue()
