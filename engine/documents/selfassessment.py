"""The NTM self-assessment table (Biểu tự đánh giá): one row per criterion of a criteria set, filled from facts.

The criteria are data (``criteria:`` in the set's rule file); each row shows the level the set requires and where
that comes from (the national set, its amendments, the province's own set), the commune's value and its own
assessment, the appraisal, and the evidence cited. A report that only says "cơ bản hoàn thành 19 tiêu chí" fills no
row: the table says so, instead of cloning one sentence into nineteen assessments.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Optional

from .. import vi
from .blocks import Para, Table

if TYPE_CHECKING:
    from ..audit import AuditResult
    from ..catalogue import Catalogue, LoadedCriterion
    from ..facts import CommuneFacts, LoadedFact
    from ..model import Commune, Document

HEADER = [
    "STT",
    "Tiêu chí",
    "Mức yêu cầu, văn bản quy định",
    "Kết quả thực hiện",
    "{Đơn vị} tự đánh giá",
    "Kết quả thẩm định",
    "Minh chứng",
]
WIDTHS = [1.2, 4.6, 5.6, 3.0, 2.8, 3.0, 4.0]


def _version_text(doc: "Document", commune: "Commune") -> str:
    parts = [f"{doc.kind} số {doc.number}"]
    for r in (r for r in doc.related if r.concerns(commune)):
        if r.relation == "amended_by":
            parts.append(f"sửa đổi, bổ sung theo {r.kind} số {r.number}")
        elif r.relation == "applied_by":
            parts.append(f"áp dụng tại tỉnh theo {r.kind} số {r.number}")
    return "; ".join(parts)


def _latest(cf: "CommuneFacts", key: str) -> Optional["LoadedFact"]:
    facts = cf.by_indicator().get(key, [])
    as_of = [lf for lf in facts if lf.fact.period.kind == "as_of" and lf.report.as_of == cf.as_of]
    years = sorted((lf for lf in facts if lf.fact.period.kind != "as_of"), key=lambda lf: lf.fact.period.end)
    latest = as_of or years[-1:]
    return latest[0] if latest else None


def criteria_rows(cat: "Catalogue", commune: "CommuneFacts", criteria: list["LoadedCriterion"]) -> list[list[str]]:
    rows = []
    for i, lc in enumerate(criteria, 1):
        c = lc.criterion
        ind = cat.indicators.get(c.indicator)
        required = c.required or "Theo bộ tiêu chí"
        if not c.verified:
            required += " (chưa đối chiếu văn bản gốc)"
        lf = _latest(commune, c.indicator)
        if lf is None:
            rows.append(
                [
                    str(i),
                    f"Tiêu chí số {c.number} - {c.name}",
                    required,
                    "Chưa có số liệu",
                    "Chưa tự đánh giá",
                    "Chưa thẩm định",
                    "—",
                ]
            )
            continue
        f = lf.fact
        value = f.value
        if isinstance(value, str) and ind is not None and ind.levels:
            assessed = ind.level_label(ind.level_index(value) or 0)
        elif f.claim is not None:
            assessed = "đạt" if f.claim == "achieved" else "chưa đạt"
        else:
            assessed = "—"
        shown = "—" if isinstance(value, str) or value is None else str(value)
        appraisal = "Đang chờ thẩm định" if f.awaiting_appraisal else "Chưa thẩm định"
        doc = f.document
        evidence = (
            f"{doc.kind or 'Văn bản'} số {doc.number}" + (f" ngày {vi.date(doc.date)}" if doc and doc.date else "")
            if doc
            else "Chưa có"
        )
        rows.append([str(i), f"Tiêu chí số {c.number} - {c.name}", required, shown, assessed, appraisal, evidence])
    return rows


def general_statement(cat: "Catalogue", commune: "CommuneFacts", summary_key: Optional[str]) -> Optional[str]:
    """The report's general statement about the whole set, e.g. 'xã nêu chung: cơ bản đạt 19/19 tiêu chí'."""
    if summary_key is None:
        return None
    lf = _latest(commune, summary_key)
    if lf is None or not isinstance(lf.fact.value, (Decimal, int)):  # a count of criteria
        return None
    total = len([lc for lc in cat.criteria if lc.document.id == _doc_of(cat, summary_key)])
    note = "; đang chờ thẩm định" if lf.fact.awaiting_appraisal else ""
    return (
        f"{commune.commune.unit_kind.capitalize()} tự đánh giá chung cơ bản đạt {vi.count(lf.fact.value)}/"
        f"{vi.count(total)} tiêu chí, chưa có kết quả "
        f"tự đánh giá từng tiêu chí{note}."
    )


def _doc_of(cat: "Catalogue", summary_key: str) -> Optional[str]:
    for doc_id, key in cat.criteria_counts.items():
        if key == summary_key:
            return doc_id
    return None


def self_assessment_blocks(result: "AuditResult", commune: "CommuneFacts") -> list:
    """One table per criteria set in force for the commune's report date, with the general statement under it."""
    cat = result.catalogue
    out: list = []
    by_doc: dict[str, list["LoadedCriterion"]] = {}
    for lc in cat.criteria_for(commune.commune):
        by_doc.setdefault(lc.document.id, []).append(lc)
    for doc_id, criteria in by_doc.items():
        doc = criteria[0].document
        rows = criteria_rows(cat, commune, criteria)
        header = [h.replace("{Đơn vị}", commune.commune.unit_kind.capitalize()) for h in HEADER]
        out.append(
            Table(
                header,
                rows,
                WIDTHS,
                caption=f"Biểu tự đánh giá theo bộ tiêu chí: {_version_text(doc, commune.commune)}",
            )
        )
        stated = general_statement(cat, commune, cat.criteria_counts.get(doc_id))
        if stated:
            out.append(Para(stated, italic=True))
    return out


def self_assessment_document(result: "AuditResult", commune: "CommuneFacts", signer: str = ""):
    """The table as the commune's own document: its header, the set it assesses, its chairman's signature."""
    from .blocks import DocumentBlocks, Header, Signature
    from .commune import place_of, unit_lines

    blocks = self_assessment_blocks(result, commune)
    if not blocks:
        blocks = [Para("Danh mục không có bộ tiêu chí nào để tự đánh giá.")]
    return DocumentBlocks(
        header=Header(
            body=unit_lines(commune),
            number="Số: …/BC-UBND",
            place_date=f"{place_of(commune)}, ngày … tháng … năm {commune.report.date.year}",
        ),
        kind="BIỂU TỰ ĐÁNH GIÁ",
        title=["Kết quả tự đánh giá mức đạt các tiêu chí", f"(số liệu đến {commune.as_of_phrase})"],
        blocks=blocks,
        signature=Signature(recipients=["Lưu: VT."], name=signer),
        landscape=True,
    )
