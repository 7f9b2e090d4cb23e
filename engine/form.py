"""The reporting form (biểu mẫu): what it holds and where — shared by the writer (form_write) and the reader (form_read).

A form is an XLSX workbook with an instructions sheet, "Biểu 01" (one row per indicator and period, with a header
block for the commune and the report) and "Biểu 02" (one row per item — a "Dân vận khéo" model, a partner body — in a
block per indicator and period). Every row that means something carries, in hidden locked columns, the indicator key
and the period (a *slot*), so a filled form maps back to facts without reading any visible text.

Which slots an indicator gets follows from the rules that read it: a year for each year of an annual rule, the years
and the running total ("lũy kế", a span up to the report's year) of a cumulative one, the state at the report's date
for an as-of rule, and the years and the state for a deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:
    from .catalogue import Catalogue, LoadedCriterion, LoadedRule
    from .model import Commune, Document, Indicator

SCHEMA = "chitieu.form/1"
INSTRUCTIONS = "Hướng dẫn"
MAIN = "Biểu 01"
ITEMS = "Biểu 02"
LISTS = "DanhMuc"

KEY_HEADER = "Mã chỉ tiêu"
PERIOD_HEADER = "Mã kỳ"
ROW_HEADER = "Loại dòng"
BLOCK, ITEM = "nhom", "muc"  # the kinds of rows of Biểu 02
FIELD_PREFIX = "@"  # the key cell of a header row names its field: "@report.as_of"


@dataclass(frozen=True)
class Column:
    name: str
    header: str
    width: float
    hidden: bool = False


def _columns(*cols: Column) -> dict[str, int]:
    return {c.name: i for i, c in enumerate(cols, 1)}


MAIN_COLUMNS = (
    Column("stt", "STT", 5),
    Column("name", "Chỉ tiêu", 46),
    Column("period_label", "Kỳ", 15),
    Column("unit", "Đơn vị tính", 12),
    Column("value", "Số liệu", 13),
    Column("bound", "Trên / dưới (khi chỉ có cận)", 11),
    Column("claim", "Đạt / Không đạt (khi không có số liệu)", 12),
    Column("basis", "Nguồn số liệu", 12),
    Column("awaiting", "Chờ thẩm định, công nhận", 11),
    Column("doc_kind", "Văn bản căn cứ: loại", 14),
    Column("doc_number", "Số, ký hiệu", 15),
    Column("doc_date", "Ngày ban hành", 12),
    Column("doc_issuer", "Cơ quan ban hành", 17),
    Column("note", "Ghi chú", 30),
    Column("key", KEY_HEADER, 24, hidden=True),
    Column("period", PERIOD_HEADER, 10, hidden=True),
)
M = _columns(*MAIN_COLUMNS)

ITEM_COLUMNS = (
    Column("stt", "STT", 5),
    Column("name", "Tên mô hình, tổ chức", 48),
    Column("doc_kind", "Văn bản thành lập, công nhận: loại", 16),
    Column("doc_number", "Số, ký hiệu", 16),
    Column("doc_date", "Ngày ban hành", 12),
    Column("doc_issuer", "Cơ quan ban hành", 20),
    Column("owner", "Do tổ chức khác thành lập (nếu có)", 20),
    Column("note", "Ghi chú", 30),
    Column("key", KEY_HEADER, 24, hidden=True),
    Column("period", PERIOD_HEADER, 10, hidden=True),
    Column("row", ROW_HEADER, 8, hidden=True),
)
ICOL = _columns(*ITEM_COLUMNS)  # Biểu 02 (items): column number by name

# The input columns of a row of Biểu 01, and of an item row of Biểu 02.
MAIN_INPUTS = (
    "value",
    "bound",
    "claim",
    "basis",
    "awaiting",
    "doc_kind",
    "doc_number",
    "doc_date",
    "doc_issuer",
    "note",
)
ITEM_INPUTS = ("name", "doc_kind", "doc_number", "doc_date", "doc_issuer", "owner", "note")
DOC_FIELDS = (("doc_kind", "kind"), ("doc_number", "number"), ("doc_date", "date"), ("doc_issuer", "issuer"))


@dataclass(frozen=True)
class HeaderField:
    path: tuple[str, ...]
    label: str
    hint: str
    kind: str = "text"  # text | date | month (a date that may lack its day) | units (names of units, "; " between)
    locked: bool = False

    @property
    def key(self) -> str:
        return FIELD_PREFIX + ".".join(self.path)


# The header block of Biểu 01: two fields a row, each a label and a value spanning (first, last) columns; the row's
# key cell names both fields ("@commune.id @report.title").
HEADER_SIDES = (((2, 2), (3, 5)), ((6, 9), (10, 14)))
HEADER_ROWS = (
    (
        HeaderField(("commune", "id"), "Mã đơn vị", "Do chương trình ghi; không sửa.", locked=True),
        HeaderField(("report", "title"), "Tên (trích yếu) báo cáo", "Như ghi trên báo cáo."),
    ),
    (
        HeaderField(
            ("commune", "name"), "Tên đơn vị", "Ghi cả loại đơn vị: xã Tịnh An, phường Nghĩa Lộ, đặc khu Lý Sơn."
        ),
        HeaderField(("report", "number"), "Số, ký hiệu báo cáo", "Ví dụ: 125/BC-UBND; để trống nếu chưa có số."),
    ),
    (
        HeaderField(("commune", "district"), "Huyện, thị xã, thành phố", "Để trống nếu không còn cấp huyện."),
        HeaderField(
            ("report", "date"),
            "Ngày báo cáo",
            "Ngày/tháng/năm ký báo cáo; chưa có ngày ký thì ghi tháng/năm, ví dụ 10/2024.",
            kind="month",
        ),
    ),
    (
        HeaderField(("commune", "province"), "Tỉnh, thành phố", "Ví dụ: Quảng Ngãi."),
        HeaderField(
            ("report", "as_of"),
            "Số liệu tính đến ngày",
            "Ngày/tháng/năm, ví dụ 31/10/2024; báo cáo chỉ ghi tháng thì ghi tháng/năm, ví dụ 10/2024.",
            kind="month",
        ),
    ),
    (
        HeaderField(("report", "issuer"), "Cơ quan báo cáo", "Ví dụ: UBND xã Tịnh An."),
        HeaderField(
            ("report", "period", "from"),
            "Kỳ báo cáo từ ngày",
            "Ngày/tháng/năm, ví dụ 01/01/2023; kỳ báo cáo kết thúc vào ngày tính số liệu.",
            kind="date",
        ),
    ),
    (
        HeaderField(
            ("commune", "predecessors"),
            "Đơn vị cũ hợp thành",
            "Đơn vị thành lập do sắp xếp: ghi các đơn vị cấp xã cũ kèm loại đơn vị, cách nhau bởi dấu chấm phẩy, "
            "ví dụ: xã Tịnh An; xã Tịnh Hà. Để trống nếu đơn vị không sắp xếp.",
            kind="units",
        ),
        HeaderField(
            ("commune", "merged_on"),
            "Ngày sắp xếp có hiệu lực",
            "Ngày/tháng/năm đơn vị mới bắt đầu hoạt động, ví dụ 01/7/2025; để trống nếu không sắp xếp.",
            kind="date",
        ),
    ),
)
HEADER_FIELDS = tuple(f for pair in HEADER_ROWS for f in pair)
HEADER_BY_KEY = {f.key: f for f in HEADER_FIELDS}

# Words of the list cells, and what they mean in a fact.
YES, NO = "Có", "Không"
BOUNDS = {"trên": "gt", "từ": "gte", "dưới": "lt", "không quá": "lte"}
CLAIMS = {"Đạt": "achieved", "Không đạt": "not_achieved"}
BASES = {"Thống kê": "reported", "Tự đánh giá": "claimed"}
DOCUMENT_KINDS = (
    "Quyết định",
    "Kế hoạch",
    "Kế hoạch liên tịch",
    "Quy chế",
    "Quy chế phối hợp",
    "Thông báo",
    "Nghị quyết",
    "Chỉ thị",
    "Công văn",
    "Chương trình",
    "Hướng dẫn",
    "Báo cáo",
)
ITEM_ROWS = 10  # blank item rows per block of Biểu 02 (more can be inserted inside the block)


# --------------------------------------------------------------------------------------------------- periods

_SLOT = re.compile(r"^(\d{4})(-)?$")


@dataclass(frozen=True)
class Slot:
    """A period of a form row: a year, the running total from a year to the report's year, or the report's date."""

    kind: str  # year | span | as_of
    year: int = 0

    @property
    def key(self) -> str:
        return {"year": str(self.year), "span": f"{self.year}-", "as_of": "as_of"}[self.kind]

    @property
    def label(self) -> str:
        if self.kind == "year":
            return f"Năm {self.year}"
        if self.kind == "span":
            return f"Lũy kế từ năm {self.year}"
        return "Tại thời điểm báo cáo"

    @property
    def order(self) -> tuple[int, int]:
        return ({"year": 0, "span": 1, "as_of": 2}[self.kind], self.year)

    def period(self, as_of_year: Optional[int]) -> int | str:
        """The fact's period: a running total ends with the year of the report's as-of date."""
        if self.kind == "year":
            return self.year
        if self.kind == "as_of":
            return "as_of"
        end = as_of_year if as_of_year is not None else self.year
        return self.year if end <= self.year else f"{self.year}-{end}"


def parse_slot(value: object) -> Optional[Slot]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text == "as_of":
        return Slot("as_of")
    m = _SLOT.match(text)
    if not m or not 1900 <= int(m.group(1)) <= 2100:
        return None
    return Slot("span" if m.group(2) else "year", int(m.group(1)))


def _span(lr: "LoadedRule") -> tuple[int, int]:
    p, doc = lr.rule.period, lr.document.period
    return (p.from_ if p.from_ is not None else doc.from_), (p.to if p.to is not None else doc.to)


def slots_for(cat: "Catalogue", rules: Iterable["LoadedRule"]) -> dict[str, set[Slot]]:
    """Every slot each indicator read by ``rules`` needs, over the whole span of their plans."""
    out: dict[str, set[Slot]] = {}
    for lr in rules:
        p = lr.rule.period
        first, last = _span(lr)
        for _, m in lr.rule.measures():
            aggregates = [
                (m.of, m.aggregate),
                (m.per, "value" if m.aggregate == "value" else "sum"),
                (m.claim, "value"),
            ]
            for key, aggregate in aggregates:
                if key is None or key not in cat.indicators:
                    continue
                mine = out.setdefault(key, set())
                items = cat.indicators[key].type == "items"
                if p.kind == "annual":
                    mine.update(Slot("year", y) for y in range(first, last + 1))
                elif p.kind == "cumulative":
                    if aggregate != "value":
                        mine.update(Slot("year", y) for y in range(first, last + 1))
                    if aggregate == "value" or not items:
                        mine.add(Slot("span", first))
                elif p.kind == "deadline":
                    end = p.deadline.year if p.deadline else last
                    mine.update(Slot("year", y) for y in range(first, end + 1))
                    mine.add(Slot("as_of"))
                else:
                    mine.add(Slot("as_of"))
    return out


@dataclass
class Line:
    """One indicator of the form with the slots it gets a row for."""

    indicator: "Indicator"
    slots: list[Slot]
    targets: list[str] = field(default_factory=list)  # what the chosen plans ask of it ("ít nhất 01 mô hình mỗi năm")


@dataclass
class Section:
    """The indicators of one plan (each under the first chosen plan that reads it)."""

    document: "Document"
    lines: list[Line] = field(default_factory=list)


# a criterion of a criteria set is assessed once, at the report's date (Biểu tự đánh giá)
CRITERION_SLOT = Slot("as_of")


def _criteria(cat: "Catalogue", documents: Optional[list[str]] = None) -> Iterable["LoadedCriterion"]:
    """The criteria a form asks (of the chosen criteria sets; all when ``documents`` is None)."""
    for lc in cat.criteria:
        if lc.criterion.indicator in cat.indicators and (documents is None or lc.document.id in documents):
            yield lc


def form_slots(cat: "Catalogue") -> dict[str, set[Slot]]:
    """Every slot a form of this catalogue may hold: those its rules read, and each criterion at the report's date
    (the rows `layout` adds), so that a form reads back what it asked."""
    out = slots_for(cat, cat.rules)
    for lc in _criteria(cat):
        out.setdefault(lc.criterion.indicator, set()).add(CRITERION_SLOT)
    return out


def layout(cat: "Catalogue", documents: list[str], years: Optional[set[int]]) -> list[Section]:
    """The rows of a form for the chosen plans (document ids, in catalogue order) and years (None: all)."""
    rules = [lr for lr in cat.rules if lr.document.id in documents]
    slots = slots_for(cat, rules)
    sections: dict[str, Section] = {}
    placed: set[str] = set()
    last_year = max(years) if years else None
    for lr in rules:
        for key in lr.rule.indicators():
            if key in placed or key not in slots:
                continue
            placed.add(key)
            chosen = sorted(
                (
                    s
                    for s in slots[key]
                    if years is None
                    or (s.kind == "year" and s.year in years)
                    or (s.kind == "span" and last_year is not None and s.year <= last_year)
                    or s.kind == "as_of"
                ),
                key=lambda s: s.order,
            )
            if chosen:
                sec = sections.setdefault(lr.document.id, Section(lr.document))
                sec.lines.append(Line(cat.indicators[key], chosen, _targets(cat, rules, key)))
    # the criteria of a chosen criteria set: the commune assesses each one at the report's date (Biểu tự đánh giá)
    for lc in _criteria(cat, documents):
        key = lc.criterion.indicator
        if key not in placed:
            placed.add(key)
            sec = sections.setdefault(lc.document.id, Section(lc.document))
            sec.lines.append(Line(cat.indicators[key], [CRITERION_SLOT]))
    return [sections[d] for d in documents if d in sections]


def _targets(cat: "Catalogue", rules: list["LoadedRule"], key: str) -> list[str]:
    """What the chosen plans' rules ask of the indicator itself (not of a share it is a part of), each once; with the
    plan's number when more than one plan asks."""
    asked: dict[str, set[str]] = {}
    for lr in rules:
        if any(m.of == key and m.per is None for _, m in lr.rule.measures()):
            phrase = lr.kind.target_phrase(cat, lr)
            if phrase:
                asked.setdefault(phrase, set()).add(lr.document.number)
    plans = {n for numbers in asked.values() for n in numbers}
    if len(plans) <= 1:
        return list(asked)
    return [f"{phrase} ({', '.join(sorted(numbers))})" for phrase, numbers in asked.items()]


def plan_years(cat: "Catalogue", documents: list[str]) -> set[int]:
    """Every year any rule of the chosen plans is judged over."""
    years: set[int] = set()
    for lr in cat.rules:
        if lr.document.id in documents:
            first, last = _span(lr)
            deadline = lr.rule.period.deadline
            years.update(range(first, max(last, deadline.year if deadline else last) + 1))
    return years


def cell_ref(sheet: str, row: int, col: int) -> str:
    from .diagnostics import column_letter

    return f"{sheet}!{column_letter(col)}{row}"


def choose_documents(cat: "Catalogue", wanted: Iterable[str]) -> list[str]:
    """The ids of the chosen plans (by id or number) in catalogue order; all plans when none is named. An unknown
    plan raises ValueError naming the nearest ones."""
    from .diagnostics import did_you_mean

    order = list(dict.fromkeys(lr.document.id for lr in cat.rules))
    by_name = {d.id: d.id for d in cat.documents.values()} | {d.number: d.id for d in cat.documents.values()}
    wanted = list(wanted)
    for w in wanted:
        if w not in by_name:
            raise ValueError(f"unknown plan '{w}'" + did_you_mean(w, by_name))
    chosen = {by_name[w] for w in wanted}
    return [d for d in order if not chosen or d in chosen]


class UncoveredCommune(ValueError):
    """No plan of the catalogue covers the commune: a form would ask it nothing."""

    def __init__(self, commune: "Commune") -> None:
        super().__init__(f"no plan of the catalogue covers the commune {commune.id}")
        self.commune = commune


def covering(cat: "Catalogue", documents: list[str], commune: "Commune", named: bool) -> list[str]:
    """Of the chosen plans, those that cover the commune (a form asks only for what the commune is judged on). A plan
    named with --plan that does not cover it raises ValueError; no plan of the whole catalogue covering it,
    UncoveredCommune."""
    mine = [d for d in documents if cat.documents[d].applies_to(commune)]
    missed = [cat.documents[d] for d in documents if d not in mine]
    if named and missed:
        raise ValueError(
            f"{missed[0].citation} ({missed[0].id}) does not cover the commune {commune.id}: "
            "its 'covers' names other communes"
        )
    if not mine:
        if not cat.documents_for(commune):
            raise UncoveredCommune(commune)
        raise ValueError(f"no chosen plan covers the commune {commune.id}")
    return mine


def choose_years(cat: "Catalogue", documents: list[str], wanted: Iterable[int], this_year: int) -> set[int]:
    """The chosen years, each within the plans' years; by default every plan year up to ``this_year``."""
    span = plan_years(cat, documents)
    wanted = set(wanted)
    outside = sorted(wanted - span)
    if outside:
        raise ValueError(f"the year {outside[0]} is outside the chosen plans ({min(span)}–{max(span)})")
    return wanted or {y for y in span if y <= this_year}
