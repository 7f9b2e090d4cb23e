"""The commune × rule matrix as a rich table, a self-contained HTML page and an XLSX workbook."""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import IO, Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import __version__, vi
from ..catalogue import Catalogue
from ..rows import TABLE_HEADER, finding_row
from ..facts import CommuneFacts
from ..matrix import Matrix, Row, RowSpool, add, count_note, matrix_name, new_matrix, uncovered_note
from ..model import Finding
from ..messages_vi import say
from ._style import LOOKS
from ._text import clean, one_line
from ._xlsx import append, discard, row_cells, save


def legend(lang: str = "vi") -> str:
    from .listing import beside

    statuses = [f"{LOOKS[s].short} = {beside(vi.STATUS_LABELS[s], s, lang)}" for s in vi.STATUS_ORDER]
    return " · ".join([*statuses, say("matrix-dot", lang)])


_COUNTED = ("unmet", "insufficient_data", "pending", "met")


def render_table(m: Matrix, *, color: bool = False, width: int | None = None, lang: str = "vi") -> str:
    """The matrix at the terminal's width ($COLUMNS first, as the table view): the rule columns in as many blocks as
    it takes, each block with the communes' names; the counts per commune after the last rule."""
    from .table import table_width

    width = width or table_width()
    buf = io.StringIO()
    console = Console(
        file=buf,
        force_terminal=color,
        color_system="standard" if color else None,
        width=width,
        highlight=False,
        emoji=False,
    )
    # a border on each side of every column; rule cells are two characters
    # a name is kept whole while eight rule columns still fit beside it; a longer one folds between its words
    name_width = min(max([len(one_line(r.name)) for r in m.rows] + [4]), max(10, width - 2 - 8 * 3))
    counts = [row.counts() for row in m.rows]
    count_width = max([2] + [len(str(c[s])) for c in counts for s in _COUNTED])
    room = width - name_width - 2
    per_block = max(1, room // 3)
    starts = list(range(0, len(m.rules), per_block)) or [0]
    blocks = [range(i, min(i + per_block, len(m.rules))) for i in starts]
    counts_room = len(_COUNTED) * (count_width + 1)
    counts_apart = len(blocks[-1]) * 3 + counts_room > room
    if counts_apart:
        blocks.append(range(0))
    for b, block in enumerate(blocks):
        last = b == len(blocks) - 1
        table = Table(
            title=say("matrix-title", lang) if b == 0 else None,
            title_justify="left",
            caption=say("matrix-rules", lang, first=block.start + 1, last=block.stop)
            if len(blocks) > 1 and len(block)
            else None,
            caption_justify="left",
            padding=(0, 0),
            collapse_padding=True,
        )
        table.add_column(say("matrix-unit", lang), max_width=name_width)  # a long name folds between its words
        for i in block:
            table.add_column(str(i + 1), justify="center", no_wrap=True)
        if last:
            for s in _COUNTED:
                table.add_column(LOOKS[s].short, justify="right", no_wrap=True)
        for row, row_counts in zip(m.rows, counts, strict=True):
            cells = [
                Text(LOOKS[c.status].short, style=LOOKS[c.status].terminal) if c.status else Text(_blank(row))
                for c in (row.cells[i] for i in block)
            ]
            tail = [str(row_counts[s]) if row.covered else "–" for s in _COUNTED] if last else []
            table.add_row(one_line(row.name), *cells, *tail)
        console.print(table)
    for i, (rid, _) in enumerate(m.rules, 1):
        console.print(f"{i:>3}  {rid}")
    console.print(legend(lang))
    if m.hidden:
        console.print(say("matrix-hidden", lang, n=m.hidden))
    totals = m.totals()
    console.print(count_note(m, lang))
    if m.uncovered:
        console.print(uncovered_note(m, lang))
    parts = [f"{vi.STATUS_LABELS[s] if lang == 'vi' else s}: {totals[s]}" for s in vi.STATUS_ORDER if totals[s]]
    console.print(" · ".join([vi.units(m.communes, m.kinds, lang), *parts]))
    text = buf.getvalue()
    return text if color else "".join(line.rstrip() + "\n" for line in text.splitlines())


def _blank(row: Row) -> str:
    """A cell with no finding: '·' where the rule does not apply, '–' across a commune nothing was checked for."""
    return "·" if row.covered else "–"


CSS = """
body{font-family:"Times New Roman",serif;margin:16px;color:#111}
h1{font-size:18px;margin:0 0 4px} p{margin:4px 0}
table{border-collapse:collapse;font-size:11px}
th,td{border:1px solid #999;padding:2px 4px;text-align:center}
th.rule{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal;max-height:220px}
td.name,th.name{text-align:left;white-space:nowrap;position:sticky;left:0;background:#fff}
thead th{position:sticky;top:0;background:#f2f2f2}
td.uncovered{text-align:left;font-style:italic;background:#fff4ce}
.legend span{display:inline-block;padding:1px 6px;margin-right:6px;border:1px solid #999}
@media print{@page{size:A4 landscape;margin:10mm} thead th,td.name{position:static}}
"""


def _html_row(m: Matrix, row: Row) -> str:
    e = _h
    if not row.covered:  # one cell across the rules, and no counts: nothing was checked
        return (
            f'<tr><td class="name" title="{e(row.commune_id)}">{e(row.name)}</td>'
            f'<td class="uncovered" colspan="{len(m.rules)}">{e(say("matrix-uncovered-row"))}</td>'
            + "<td>–</td>" * len(vi.STATUS_ORDER)
            + "</tr>\n"
        )
    cells = []
    for (rid, title), c in zip(m.rules, row.cells, strict=True):
        if c.status is None:
            cells.append('<td title="không áp dụng quy tắc">·</td>')
        else:
            tip = f"{rid} — {title}\n" + "\n".join(c.detail)
            cells.append(f'<td class="s-{c.status}" title="{e(tip)}">{LOOKS[c.status].short}</td>')
    counts = row.counts()
    return (
        f'<tr><td class="name" title="{e(row.commune_id)}">{e(row.name)}</td>{"".join(cells)}'
        + "".join(f"<td>{counts[s]}</td>" for s in vi.STATUS_ORDER)
        + "</tr>\n"
    )


def _h(text: str) -> str:
    return html.escape(clean(text))


def write_html(cat: Catalogue, stream: Iterable[tuple[CommuneFacts, list[Finding]]], out: IO[str]) -> None:
    """The matrix as a self-contained page. Rows are spooled to disk as communes are audited (memory stays flat) and
    written at the end, when the rules that judged no commune are known and left out; the totals follow the table."""
    spool = RowSpool(new_matrix(cat, keep_rows=False))
    try:
        for cf, findings in stream:
            spool.add(add(spool.m, cat, cf, findings))
        m, rows = spool.trimmed()
        _write_page(m, rows, out)
    finally:
        spool.close()


def _write_page(m: Matrix, rows: Iterable[Row], out: IO[str]) -> None:
    e = _h
    colours = "".join(f".s-{s}{{background:#{look.fill}}}" for s, look in LOOKS.items())
    head = "".join(f'<th class="rule" title="{e(title)}">{e(rid)}</th>' for rid, title in m.rules)
    legend_html = (
        "".join(f'<span class="s-{s}">{LOOKS[s].short} — {e(vi.STATUS_LABELS[s])}</span>' for s in vi.STATUS_ORDER)
        + f"<span>{e(say('matrix-dot'))}</span>"
    )
    count_heads = "".join(f'<th title="{e(vi.STATUS_LABELS[s])}">{LOOKS[s].short}</th>' for s in vi.STATUS_ORDER)
    out.write(f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Ma trận kết luận — chitieu</title>
<style>{CSS}{colours}</style></head><body>
<h1>Ma trận kết luận: xã × quy tắc</h1>
<p>{len(m.rules)} quy tắc; mỗi ô là trạng thái xấu nhất của các kỳ (di chuột để xem từng kỳ).</p>
<p class="legend">{legend_html}</p>
<table><thead><tr><th class="name">Xã</th>{head}{count_heads}</tr></thead>
<tbody>
""")
    for row in rows:
        out.write(_html_row(m, row))
    foot = []
    for s in vi.STATUS_ORDER:
        foot.append(
            f'<tr><td class="name s-{s}">{e(vi.STATUS_LABELS[s])}</td>'
            + "".join(f"<td>{c[s] or ''}</td>" for c in m.column_counts())
            + "<td></td>" * len(vi.STATUS_ORDER)
            + "</tr>"
        )
    totals = m.totals()
    summary = " · ".join(f"{e(vi.STATUS_LABELS[s])}: {totals[s]}" for s in vi.STATUS_ORDER if totals[s])
    notes = [n for n in (say("matrix-hidden", n=m.hidden) if m.hidden else "", uncovered_note(m)) if n]
    out.write(f"""</tbody><tfoot>{"".join(foot)}</tfoot></table>
<p>Tổng cộng {vi.units(m.communes, m.kinds)}. {summary}</p>
<p>{e(count_note(m))}</p>{"".join(f"{chr(10)}<p>{e(n)}</p>" for n in notes)}
<p><small>Sinh bởi chitieu {__version__}.</small></p>
</body></html>
""")


def write_xlsx(
    cat: Catalogue,
    stream: Iterable[tuple[CommuneFacts, list[Finding]]],
    out: IO[bytes],
    *,
    created: dt.datetime | None = None,
) -> None:
    """The matrix sheet and one row per finding, in openpyxl's write-only mode: each commune's rows go to disk as
    it is audited, so memory stays flat however many communes there are."""
    wb = Workbook(write_only=True)
    try:
        _fill_workbook(wb, cat, new_matrix(cat, keep_rows=False), stream)
        save(wb, out, created)
    except BaseException:
        discard(wb)
        raise


def _fill_workbook(
    wb: Workbook, cat: Catalogue, m: Matrix, stream: Iterable[tuple[CommuneFacts, list[Finding]]]
) -> None:
    ws = wb.create_sheet("Ma trận")  # first in the workbook; its rows are written once the run is over
    detail = wb.create_sheet("Kết luận")
    detail.freeze_panes = "A2"
    append(detail, ["Xã"] + TABLE_HEADER, font=Font(bold=True))
    spool = RowSpool(m)
    try:
        for cf, findings in stream:
            spool.add(add(m, cat, cf, findings))
            for i, f in enumerate(findings, 1):
                append(detail, [matrix_name(cf)] + finding_row(i, f))
        shown, rows = spool.trimmed()
        _matrix_sheet(ws, shown, rows)
    finally:
        spool.close()


def _matrix_sheet(ws, m: Matrix, rows: Iterable[Row]) -> None:
    ws.freeze_panes = "C2"
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 24, 22
    for i in range(3, 3 + len(m.rules)):
        ws.column_dimensions[get_column_letter(i)].width = 6
    ws.column_dimensions[get_column_letter(3 + len(m.rules) + len(vi.STATUS_ORDER))].width = 48  # Ghi chú
    names = ["Mã xã", "Xã"] + [rid for rid, _ in m.rules] + [vi.STATUS_LABELS[s] for s in vi.STATUS_ORDER] + ["Ghi chú"]
    header = row_cells(ws, names, font=Font(bold=True))
    for i, cell in enumerate(header):
        cell.alignment = Alignment(text_rotation=90 if 2 <= i < 2 + len(m.rules) else 0, wrap_text=True)
    ws.append(header)
    fills = {s: PatternFill("solid", fgColor=look.fill) for s, look in LOOKS.items()}
    for row in rows:
        counts = row.counts()
        statuses = [vi.STATUS_LABELS[c.status] if c.status else "" for c in row.cells]
        # an uncovered commune: no counts (zeros would read as clean) and the reason in the notes column
        tally = [counts[s] for s in vi.STATUS_ORDER] if row.covered else [None] * len(vi.STATUS_ORDER)
        note = "" if row.covered else say("matrix-uncovered-row")
        cells = row_cells(ws, [row.commune_id, row.name] + statuses + tally + [note])
        for c, cell in zip(row.cells, cells[2 : 2 + len(m.rules)], strict=True):
            if c.status:
                cell.fill = fills[c.status]
        ws.append(cells)
    if m.hidden:
        ws.append([])
        ws.append([None, say("matrix-hidden", n=m.hidden)])
