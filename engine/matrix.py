"""The commune × rule matrix of a batch audit: the worst status per cell, with counts per row and per column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from . import vi
from .catalogue import Catalogue
from .model import Finding

RANK = {s: i for i, s in enumerate(vi.STATUS_ORDER)}  # lower is worse


@dataclass
class Cell:
    status: Optional[str] = None
    detail: list[str] = field(default_factory=list)   # "năm 2023: Đạt" for each period

    def add(self, f: Finding) -> None:
        if self.status is None or RANK[f.status] < RANK[self.status]:
            self.status = f.status
        self.detail.append(f"{f.period.label}: {vi.STATUS_LABELS[f.status]}")


@dataclass
class Row:
    commune_id: str
    name: str
    cells: list[Cell]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in vi.STATUS_ORDER}
        for c in self.cells:
            if c.status:
                out[c.status] += 1
        return out


@dataclass
class Matrix:
    rules: list[tuple[str, str]]
    rows: list[Row] = field(default_factory=list)
    findings: int = 0

    def add_commune(self, commune_id: str, name: str, findings: Iterable[Finding]) -> None:
        index = {rid: i for i, (rid, _) in enumerate(self.rules)}
        cells = [Cell() for _ in self.rules]
        for f in findings:
            cells[index[f.rule_id]].add(f)
            self.findings += 1
        self.rows.append(Row(commune_id, name, cells))

    def column_counts(self) -> list[dict[str, int]]:
        out = [{s: 0 for s in vi.STATUS_ORDER} for _ in self.rules]
        for row in self.rows:
            for i, c in enumerate(row.cells):
                if c.status:
                    out[i][c.status] += 1
        return out

    def totals(self) -> dict[str, int]:
        out = {s: 0 for s in vi.STATUS_ORDER}
        for row in self.rows:
            for s, n in row.counts().items():
                out[s] += n
        return out


def count_note(m: Matrix) -> str:
    """Why the matrix counts differ from the findings table's: it counts cells, the table counts periods."""
    cells = sum(sum(row.counts().values()) for row in m.rows)
    return (f"Ma trận đếm ô (xã × quy tắc): {vi.count(cells)} ô, mỗi ô là trạng thái xấu nhất của quy tắc qua các kỳ; "
            f"bảng kết luận (--format table, json) đếm từng kỳ: {vi.count(m.findings)} kết luận.")


def new_matrix(cat: Catalogue) -> Matrix:
    return Matrix([(lr.id, lr.rule.title) for lr in cat.rules])
