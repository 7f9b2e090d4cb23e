"""Rows of the auditor's spreadsheets, before any format: one row per finding (the matrix workbook) and the shortfall
list. The drafted documents are chitieu.documents; reporters only lay these out."""

from __future__ import annotations

from dataclasses import dataclass

from . import vi
from .audit import AuditResult
from .model import Finding

TABLE_HEADER = ["STT", "Chỉ tiêu, nhiệm vụ", "Kỳ", "Mức chỉ tiêu", "Kết quả", "Đánh giá", "Căn cứ", "Văn bản"]


def _status_cell(f: Finding) -> str:
    text = vi.STATUS_LABELS[f.status]
    if f.outlook:
        text += f" ({vi.OUTLOOK_LABELS[f.outlook]})"
    return text


def finding_row(i: int, f: Finding) -> list[str]:
    result = f.actual_display
    if f.achievement_pct is not None and not (f.target and f.target.unit == "%"):
        result += f" ({vi.percent(f.achievement_pct)} chỉ tiêu)"
    return [
        str(i),
        f.title,
        f.period.label,
        f.target.display if f.target else "—",
        result,
        _status_cell(f),
        vi.EVIDENCE_LABELS[f.evidence_level],
        f.source.number,
    ]


# --------------------------------------------------------------------------------------------------- shortfalls

SHORTFALL_HEADER = [
    "STT",
    "Mã xã",
    "Xã",
    "Mã quy tắc",
    "Chỉ tiêu, nhiệm vụ",
    "Kỳ",
    "Loại thiếu hụt",
    "Mức chỉ tiêu",
    "Kết quả",
    "Còn thiếu",
    "Đơn vị (còn thiếu)",
    "Tỷ lệ đạt (%)",
    "Thời hạn",
    "Văn bản nguồn",
    "Nội dung chỉ tiêu",
    "Mức căn cứ",
    "Trích báo cáo",
    "Dòng báo cáo",
    "Mức độ",
    "Nhận định",
]
KINDS = {
    "unmet": "Chưa đạt",
    "at_risk": "Có nguy cơ không đạt",
    "clarify": "Cần làm rõ",
    "claimed": "Chỉ nêu, chưa có minh chứng",
}


@dataclass
class ShortfallRow:
    finding: Finding
    kind: str
    unreviewed: bool = False  # the commune's facts include drafts no one has reviewed

    def cells(self, i: int) -> list:
        f = self.finding
        quotes = " | ".join(dict.fromkeys(x.quote for x in f.facts))
        lines = ", ".join(
            dict.fromkeys(str(x.report_line) if x.report_line is not None else (x.cell or "") for x in f.facts)
        )
        return [
            i,
            f.commune.id,
            f.commune.name,
            f.rule_id,
            f.title,
            f.period.label,
            KINDS[self.kind],
            f.target.display if f.target else "",
            f.actual_display,
            f.shortfall,
            f.shortfall_unit if f.shortfall is not None else "",
            f.achievement_pct,
            vi.date(f.period.deadline) if f.period.deadline else "",
            f.source.citation,
            f.source.clause,
            vi.EVIDENCE_LABELS[f.evidence_level] + (f" ({vi.UNREVIEWED_MARK})" if self.unreviewed else ""),
            quotes,
            lines,
            vi.SEVERITY_LABELS[f.severity],
            f.message,
        ]


def shortfall_rows(result: AuditResult) -> list[ShortfallRow]:
    """One row per unmet, at-risk, to-clarify or claimed-only finding, worst first (then severity, catalogue order)."""
    rows = []
    drafted = {cf.commune.id for cf in result.communes if cf.unreviewed}
    for f in result.findings:
        kind = (
            "unmet"
            if f.status == "unmet"
            else "at_risk"
            if f.status == "pending" and f.outlook == "at_risk"
            else "clarify"
            if f.status == "needs_clarification"
            else "claimed"
            if f.status == "met" and f.evidence_level == "claimed"
            else None
        )
        if kind:
            rows.append(ShortfallRow(f, kind, f.commune.id in drafted))
    kind_rank = {"unmet": 0, "at_risk": 1, "clarify": 2, "claimed": 3}
    position = {id(r.finding): i for i, r in enumerate(rows)}
    rows.sort(
        key=lambda r: (
            r.finding.commune.id,
            kind_rank[r.kind],
            vi.SEVERITY_ORDER.index(r.finding.severity),
            position[id(r.finding)],
        )
    )
    return rows
