"""The commune × rule matrix of a batch audit: the worst status per cell, with counts per row and per column.

The counts per column and in total run along as communes are added, so a streamed page or workbook keeps no row in
memory (``keep_rows=False``): it spools them to a temporary file (RowSpool) and writes them at the end, with only the
rules that judged some commune; the terminal table, which is laid out at the end, keeps them.
"""

from __future__ import annotations

import pickle
import tempfile
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from . import vi
from .catalogue import Catalogue
from .model import Finding

RANK = {s: i for i, s in enumerate(vi.STATUS_ORDER)}  # lower is worse


@dataclass
class Cell:
    status: Optional[str] = None
    detail: list[str] = field(default_factory=list)  # "năm 2023: Đạt" for each period

    def add(self, f: Finding) -> None:
        if self.status is None or RANK[f.status] < RANK[self.status]:
            self.status = f.status
        self.detail.append(f"{f.period.label}: {vi.STATUS_LABELS[f.status]}")


@dataclass
class Row:
    commune_id: str
    name: str
    cells: list[Cell]
    # False for a commune that no plan of the catalogue covers: nothing was checked, so its row has no counts
    # (zeros would read as a clean result; warning commune-uncovered)
    covered: bool = True

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in vi.STATUS_ORDER}
        for c in self.cells:
            if c.status:
                out[c.status] += 1
        return out


@dataclass
class Matrix:
    rules: list[tuple[str, str]]
    keep_rows: bool = True
    rows: list[Row] = field(default_factory=list)
    communes: int = 0
    _columns: list[dict[str, int]] = field(default_factory=list)
    _totals: dict[str, int] = field(default_factory=lambda: {s: 0 for s in vi.STATUS_ORDER})
    findings: int = 0
    kinds: set[str] = field(default_factory=set)  # xã, phường …: what the totals call the communes
    uncovered: list[str] = field(default_factory=list)  # the names of the communes no plan covers
    hidden: int = 0  # rules left out of a trimmed matrix: they judged no commune of the run

    def __post_init__(self) -> None:
        self._index = {rid: i for i, (rid, _) in enumerate(self.rules)}
        self._columns = [{s: 0 for s in vi.STATUS_ORDER} for _ in self.rules]

    def add_commune(
        self, commune_id: str, name: str, findings: Iterable[Finding], *, kind: str = "xã", covered: bool = True
    ) -> Row:
        cells = [Cell() for _ in self.rules]
        for f in findings:
            cells[self._index[f.rule_id]].add(f)
            self.findings += 1
        row = Row(commune_id, name, cells, covered)
        self.kinds.add(kind)
        if not covered:
            self.uncovered.append(name)
        for i, c in enumerate(cells):
            if c.status:
                self._columns[i][c.status] += 1
                self._totals[c.status] += 1
        self.communes += 1
        if self.keep_rows:
            self.rows.append(row)
        return row

    def used(self) -> list[int]:
        """The columns of the rules that judged some commune of the run."""
        return [i for i, c in enumerate(self._columns) if any(c.values())]

    def trimmed(self) -> "Matrix":
        """The kept rows with only the rules that judged some commune of the run: a catalogue's rules for other
        provinces or kinds of unit would be columns of dots (``hidden`` says how many are left out)."""
        used = self.used()
        if not used or len(used) == len(self.rules):
            return self
        out = self.keeping(used)
        out.rows = [trim(r, used) for r in self.rows]
        return out

    def keeping(self, used: list[int]) -> "Matrix":
        """The counts of these columns only, without rows."""
        out = Matrix([self.rules[i] for i in used], keep_rows=self.keep_rows)
        out.communes, out.findings, out.kinds, out.uncovered = self.communes, self.findings, self.kinds, self.uncovered
        out._columns = [self._columns[i] for i in used]
        out._totals = self._totals
        out.hidden = len(self.rules) - len(used)
        return out

    def column_counts(self) -> list[dict[str, int]]:
        return self._columns

    def totals(self) -> dict[str, int]:
        return self._totals


def trim(row: Row, used: list[int]) -> Row:
    return Row(row.commune_id, row.name, [row.cells[i] for i in used], row.covered)


class RowSpool:
    """A streamed matrix's rows on disk until the run ends, when the rules that judged no commune are known: read
    back with only the others (``Matrix.used``), in the order they came. Memory holds one row at a time."""

    def __init__(self, m: Matrix) -> None:
        self.m = m
        self._file = tempfile.TemporaryFile()
        self._n = 0

    def add(self, row: Row) -> None:
        pickle.dump(row, self._file, protocol=pickle.HIGHEST_PROTOCOL)  # our own file, read back by this run only
        self._n += 1

    def trimmed(self) -> tuple[Matrix, Iterator[Row]]:
        """The matrix of the used rules (every rule when none judged a commune) and its rows."""
        used = self.m.used() or list(range(len(self.m.rules)))
        return self.m.keeping(used), self._rows(used)

    def _rows(self, used: list[int]) -> Iterator[Row]:
        self._file.seek(0)
        for _ in range(self._n):
            yield trim(pickle.load(self._file), used)

    def close(self) -> None:
        self._file.close()


def covered(cat: Catalogue, cf, findings: list[Finding]) -> bool:
    """Was the commune checked at all: a finding, or else a plan of the catalogue that covers it (the list view and
    the matrices tell a commune no plan covers from one whose findings were all filtered out)."""
    return bool(findings) or bool(cat.documents_for(cf.commune))


def add(m: Matrix, cat: Catalogue, cf, findings: list[Finding]) -> Row:
    """A commune's row: its name marked when unreviewed, its kind for the totals, and whether any plan covers it."""
    checked = covered(cat, cf, findings)
    return m.add_commune(cf.commune.id, matrix_name(cf), findings, kind=cf.commune.unit_kind, covered=checked)


def uncovered_note(m: Matrix, lang: str = "vi") -> str:
    """Which rows were not checked at all, said under the matrix ('' when every commune is covered)."""
    from .messages_vi import say

    return say("matrix-uncovered", lang, names="; ".join(m.uncovered)) if m.uncovered else ""


def matrix_name(commune) -> str:
    """A commune's name in a matrix row, marked when its findings rest on facts nobody has reviewed."""
    return f"{commune.commune.name} ({vi.UNREVIEWED_MARK})" if commune.unreviewed else commune.commune.name


def count_note(m: Matrix, lang: str = "vi") -> str:
    """Why the matrix counts differ from the findings table's: it counts cells, the table counts periods."""
    from .messages_vi import say

    cells = sum(m.totals().values())
    return say("matrix-count-note", lang, cells=vi.count(cells), findings=vi.count(m.findings))


def new_matrix(cat: Catalogue, *, keep_rows: bool = True) -> Matrix:
    return Matrix([(lr.id, lr.rule.title) for lr in cat.rules], keep_rows=keep_rows)
