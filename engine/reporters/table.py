"""The findings as a table for the terminal (`check --format table`): every field of every finding, at the width the
terminal has ($COLUMNS first, also through a pipe, where the terminal of standard error serves; else 80 columns).

Each finding is a row of short fields — rule and period, target and result, status and evidence, in as many columns
as the width holds — and under it, across the whole table, its prose: the target's title, the plan's clause, the
message. Text is folded only between words, so a Vietnamese syllable is never split; an identifier longer than its
column (a rule id) breaks after one of its hyphens. A one-line count per status closes the view.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import click
from rich.cells import cell_len

from .. import vi
from ..audit import AuditResult
from ..messages_vi import say
from ..model import Finding
from ._style import LOOKS, click_style
from ._text import one_line
from .listing import columns as terminal_columns
from .listing import as_of as commune_as_of
from .listing import beside as _beside
from .listing import period as brief_period

MIN_WIDTH, MAX_WIDTH = 40, 160


def table_width() -> int:
    """$COLUMNS, else the terminal's width, else 80 (listing.columns); kept between 40 and 160 columns."""
    return max(MIN_WIDTH, min(MAX_WIDTH, terminal_columns()))


def summary_line(result: AuditResult, lang: str = "vi") -> str:
    counts = result.counts()
    parts = [f"{_beside(vi.STATUS_LABELS[s], s, lang)}: {counts[s]}" for s in vi.STATUS_ORDER if counts[s]]
    if not parts:  # nothing judged is not "nothing unmet": the list view's words
        return say("list-nothing", lang)
    return say("table-total", lang, n=len(result.findings)) + " · ".join(parts)


def _status(f: Finding, lang: str = "vi") -> str:
    text = _beside(f.status_label, f.status, lang)
    outlook = (vi.OUTLOOK_LABELS[f.outlook] if lang == "vi" else f.outlook.replace("_", " ")) if f.outlook else ""
    return text + (f", {outlook}" if outlook else "")


def _result(f: Finding, lang: str = "vi") -> str:
    if f.status == "not_applicable":
        return say("list-not-in-force", lang)
    text = one_line(f.actual_display)
    if f.achievement_pct is None:
        return text
    return text + " (" + say("table-achieved", lang, pct=vi.percent(f.achievement_pct)) + ")"


def _target(f: Finding) -> str:
    return one_line(f.target.display) if f.target else "—"


def _evidence(f: Finding, lang: str = "vi") -> str:
    return _beside(one_line(f.evidence_label), f.evidence_level, lang)


def _period(f: Finding, lang: str) -> str:
    return f.period.label if lang == "vi" else brief_period(f, lang)


@dataclass(frozen=True)
class Column:
    header: str
    cell: Callable[[Any], list[str]]  # the cell's paragraphs for a row's object, each folded on its own
    least: int  # columns below which the layout is not used (an identifier's column: its longest word)
    most: int  # columns the cell never takes beyond
    fields: tuple[str, ...] = ()  # the fields it shows, which the lines under the row then leave out
    whole: bool = False  # a cell kept on one line ('hạn 31/12/2026'): the layout is not used when it cannot be


@functools.cache
def layouts(lang: str = "vi") -> list[list[Column]]:
    """The row's columns, widest layout first; the first whose columns fit the width is used. Fields share a column
    as the width shrinks; what a layout leaves out of the row goes under it with the prose."""
    keys = ("table-rule", "table-period", "table-target", "table-result", "table-status", "table-evidence")
    rule, period, target, result, status, evidence = (say(k, lang) for k in keys)
    level = say("table-level", lang)

    def rule_period(f: Finding) -> list[str]:
        return [f.rule_id, _period(f, lang)]

    return [
        [
            Column(rule, lambda f: [f.rule_id], 0, 36),
            Column(period, lambda f: [_period(f, lang)], 8, 18, whole=True),
            Column(target, lambda f: [_target(f)], 12, 30, ("target",)),
            Column(result, lambda f: [_result(f, lang)], 14, 34, ("result",)),
            Column(status, lambda f: [_status(f, lang)], 12, 26),
            Column(evidence, lambda f: [_evidence(f, lang)], 12, 24, ("evidence",)),
        ],
        [
            Column(f"{rule} · {period}", rule_period, 0, 36),
            Column(
                f"{target} → {result}", lambda f: [_target(f), "→ " + _result(f, lang)], 22, 60, ("target", "result")
            ),
            Column(f"{status} · {evidence}", lambda f: [_status(f, lang), _evidence(f, lang)], 18, 30, ("evidence",)),
        ],
        [
            Column(f"{rule} · {period}", rule_period, 0, 36),
            Column(
                f"{status} · {level} → {result} · {evidence}",
                lambda f: [_status(f, lang), f"{_target(f)} → {_result(f, lang)}", _evidence(f, lang)],
                24,
                80,
                ("target", "result", "evidence"),
            ),
        ],
        [Column(f"{rule} · {period} · {status}", lambda f: [" · ".join(rule_period(f)), _status(f, lang)], 0, 200)],
    ]


def _details(f: Finding, shown: set[str], lang: str = "vi") -> list[str]:
    """What goes under the row, across the table: the prose, and the short fields the row's columns leave out."""
    left = [
        f"{say(key, lang)}: {text(f)}"
        for name, key, text in (
            ("target", "table-target", _target),
            ("result", "table-result", lambda f: _result(f, lang)),
            ("evidence", "table-evidence", lambda f: _evidence(f, lang)),
        )
        if name not in shown
    ]
    return [
        say("table-title", lang, title=one_line(f.title)),
        *([" · ".join(left)] if left else []),
        say("table-source", lang, source=f"{one_line(f.source.citation)}: {one_line(f.source.clause)}"),
        one_line(f.message),
    ]


_BREAK_AFTER = re.compile(r"(?<=[-/_.])")


def _pieces(word: str, width: int) -> list[str]:
    """A word longer than ``width``: broken after its hyphens (slashes, dots) where it has them, else every
    ``width`` characters — only identifiers and paths are this long, never a Vietnamese word."""
    out = [""]
    for part in _BREAK_AFTER.split(word):
        while cell_len(part) > width:
            if out[-1]:
                out.append("")
            out[-1], part = part[:width], part[width:]
            out.append("")
        if out[-1] and cell_len(out[-1]) + cell_len(part) > width:
            out.append("")
        out[-1] += part
    return [p for p in out if p]


def fold(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces; continuation lines start with ``indent``. A
    word longer than a line (an identifier, a path) is broken by ``_pieces``."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        room = width - (cell_len(indent) if lines else 0)
        if line and cell_len(line) + 1 + cell_len(word) <= width:
            line += " " + word
            continue
        if line:
            lines.append(line)
            line, room = indent, width - cell_len(indent)
        pieces = _pieces(word, room) if cell_len(word) > room else [word]
        for piece in pieces[:-1]:
            lines.append(line + piece)
            line = indent
        line += pieces[-1]
    lines.append(line)
    return lines


def _widths(columns: list[Column], rows: Sequence[Any], room: int) -> list[int] | None:
    """Each column's width within ``room``: what its longest cell needs when the room allows, else shares of the
    room above each column's least (an identifier column's least is its longest word); None when the leasts do not
    fit."""
    natural, least = [], []
    for col in columns:
        paragraphs = [p for row in rows for p in col.cell(row)]
        natural.append(min(col.most, max(cell_len(p) for p in paragraphs + [col.header])))
        longest_word = max([cell_len(w) for p in paragraphs for w in (p.split() if not col.whole else [p])] + [1])
        least.append(min(natural[-1], max(longest_word, col.least) if len(columns) > 1 else 1))
    if len(columns) == 1:
        return [room]
    if sum(natural) <= room:  # the table fills the width: what is left widens the column of the longest cells
        natural[natural.index(max(natural[1:]), 1)] += room - sum(natural)
        return natural
    if sum(least) > room:
        return None
    spare = room - sum(least)
    want = [n - m for n, m in zip(natural, least, strict=True)]
    total = sum(want) or 1
    widths = [m + spare * w // total for m, w in zip(least, want, strict=True)]
    widths[want.index(max(want))] += room - sum(widths)  # the rounding's remainder to the hungriest column
    return widths


class _Grid:
    """Box-drawing lines of one table: rows of cells, and lines across the whole table under a row."""

    def __init__(self, widths: list[int], color: bool):
        self.widths = widths
        self.inner = sum(widths) + 3 * (len(widths) - 1)  # between the outer borders' spaces
        self.color = color
        self.lines: list[str] = []

    def rule(self, left: str, mid: str, right: str, line: str = "─", joined: bool = True) -> None:
        if joined:
            self.lines.append(left + mid.join(line * (w + 2) for w in self.widths) + right)
        else:
            self.lines.append(left + line * (self.inner + 2) + right)

    def row(self, cells: list[list[tuple[str, dict]]]) -> None:
        """One row; each cell a list of (paragraph, click style), each paragraph folded on its own."""
        folded = [
            [(ln, style) for p, style in cell for ln in fold(p, w, "  ")]
            for cell, w in zip(cells, self.widths, strict=True)
        ]
        for i in range(max(len(c) for c in folded)):
            parts = []
            for col, w in zip(folded, self.widths, strict=True):
                text, style = col[i] if i < len(col) else ("", {})
                pad = " " * (w - cell_len(text))
                parts.append((click.style(text, **style) if self.color and style and text else text) + pad)
            self.lines.append("│ " + " │ ".join(parts) + " │")

    def across(self, paragraphs: list[str]) -> None:
        for p in paragraphs:
            for ln in fold(p, self.inner, "  "):
                self.lines.append("│ " + ln + " " * (self.inner - cell_len(ln)) + " │")


def _layout(layouts: list[list[Column]], rows: Sequence[Any], width: int) -> tuple[list[Column], list[int]]:
    for columns in layouts:
        widths = _widths(columns, rows, width - 3 * len(columns) - 1)
        if widths is not None:
            return columns, widths
    return layouts[-1], [width - 4]


def grid(
    rows: Sequence[Any],
    layouts: list[list[Column]],
    width: int,
    *,
    under: Callable[[Any, set[str]], list[str]] | None = None,
    look: Callable[[Any], tuple[str, dict]] | None = None,
    color: bool = False,
) -> list[str]:
    """A table of ``rows`` in the first of ``layouts`` that fits ``width``, no line wider. ``under(row, shown)``
    gives the paragraphs written across the table under a row (``shown``: the fields its columns show); ``look(row)``
    the paragraph of a row to style and its click style."""
    columns, widths = _layout(layouts, rows, width)
    shown = {name for c in columns for name in c.fields}
    g = _Grid(widths, color)
    g.rule("┌", "┬", "┐")
    g.row([[(c.header, {"bold": True})] for c in columns])
    below: list[str] = []  # under the row before: the next row's top joins the columns again
    for i, row in enumerate(rows):
        g.rule(*(("╞", "╪", "╡", "═") if i == 0 else ("├", "┬" if below else "┼", "┤")))
        styled, style = look(row) if look else ("", {})
        g.row([[(p, style if p == styled else {}) for p in c.cell(row)] for c in columns])
        below = under(row, shown) if under else []
        if below:
            g.rule("├", "┴", "┤", "┄")
            g.across(below)
    if below:
        g.rule("└", "─", "┘", joined=False)
    else:
        g.rule("└", "┴", "┘")
    return g.lines


def commune_table(findings: list[Finding], width: int, color: bool = False, lang: str = "vi") -> list[str]:
    """The table of one commune's findings, no line wider than ``width``."""

    def look(f: Finding) -> tuple[str, dict]:
        return _status(f, lang), click_style(LOOKS[f.status].terminal)

    def under(f: Finding, shown: set[str]) -> list[str]:
        return _details(f, shown, lang)

    return grid(findings, layouts(lang), width, under=under, look=look, color=color)


def render(result: AuditResult, *, color: bool = False, width: int | None = None, lang: str = "vi") -> str:
    width = width or table_width()
    out = io.StringIO()
    for cf in result.communes:
        mine = [f for f in result.findings if f.commune.id == cf.commune.id]
        head = say("table-head", lang, unit=one_line(cf.commune.name), as_of=commune_as_of(cf, lang))
        for line in fold(head, width, "  "):
            out.write((click.style(line, bold=True) if color else line) + "\n")
        for line in commune_table(mine, width, color, lang) if mine else []:
            out.write(line + "\n")
        if cf.unreviewed:
            for line in fold(vi.unreviewed_note(one_line(cf.commune.name), cf.unreviewed_files, lang), width, "  "):
                out.write((click.style(line, fg="red", bold=True) if color else line) + "\n")
        out.write("\n")
    for line in fold(summary_line(result, lang), width, "  "):
        out.write(line + "\n")
    return out.getvalue()
