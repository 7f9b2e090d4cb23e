"""The content of the auditor's documents, before any format: the report (header, findings table, the drafted
sections III.2 and IV, recipients) and the shortfall list. Reporters only lay these out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from . import vi
from .audit import AuditResult
from .facts import CommuneFacts
from .model import Finding
from .narrative import Section, write_section

TABLE_HEADER = ["STT", "Chỉ tiêu, nhiệm vụ", "Kỳ", "Mức chỉ tiêu", "Kết quả", "Đánh giá", "Căn cứ", "Văn bản"]


@dataclass
class ReportOptions:
    """What the drafter may set; everything else comes from the facts."""

    issuer: Optional[str] = None          # e.g. "UBND XÃ TỊNH AN"; default: the report's issuer
    parent: Optional[str] = None          # e.g. "UBND THÀNH PHỐ QUẢNG NGÃI"; default: UBND + district
    place: Optional[str] = None           # place of the date line; default: the commune's name
    date: Optional[dt.date] = None        # default: left blank for the drafter ("ngày … tháng … năm …")
    number: str = "…/BC-UBND"
    signer_title: str = "TM. ỦY BAN NHÂN DÂN"
    signer_role: str = "CHỦ TỊCH"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=lambda: ["Lưu: VT."])


@dataclass
class CommuneReport:
    commune: CommuneFacts
    rows: list[list[str]]
    statuses: list[str]
    summary: str
    section: Section


@dataclass
class ReportDoc:
    parent: str
    issuer: str
    number: str
    place_date: str
    title: str
    subtitle: str
    intro: str
    communes: list[CommuneReport]
    recipients: list[str]
    signer_title: str
    signer_role: str
    signer_name: str
    catalogue: str
    warnings: list[str] = field(default_factory=list)   # findings that rest on unreviewed drafts, said first


def _upper(text: str) -> str:
    return text.upper()


def _status_cell(f: Finding) -> str:
    text = vi.STATUS_LABELS[f.status]
    if f.outlook:
        text += f" ({vi.OUTLOOK_LABELS[f.outlook]})"
    return text


def finding_row(i: int, f: Finding) -> list[str]:
    result = f.actual_display
    if f.achievement_pct is not None and not (f.target and f.target.unit == "%"):
        result += f" ({vi.percent(f.achievement_pct)} chỉ tiêu)"
    return [str(i), f.title, f.period.label, f.target.display if f.target else "—", result, _status_cell(f),
            vi.EVIDENCE_LABELS[f.evidence_level], f.source.number]


def summary_sentence(findings: list[Finding]) -> str:
    counts = {s: 0 for s in vi.STATUS_LABELS}
    for f in findings:
        counts[f.status] += 1
    parts = [f"{vi.count(counts[s])} kết luận “{vi.STATUS_LABELS[s]}”" for s in vi.STATUS_ORDER[::-1] if counts[s]]
    return f"Tổng cộng {vi.count(len(findings))} kết luận: " + ", ".join(parts) + "."


def build_report(result: AuditResult, opts: ReportOptions | None = None) -> ReportDoc:
    opts = opts or ReportOptions()
    cat = result.catalogue
    first = result.communes[0]
    report = first.report
    commune = first.commune
    issuer = opts.issuer or _upper(report.issuer)
    parent = opts.parent or (f"UBND {_upper(commune.district)}" if commune.district else "")
    place = opts.place or commune.name.removeprefix("xã ").removeprefix("Xã ")
    date = vi.date_words(opts.date) if opts.date else "ngày … tháng … năm …"
    docs = [d for d in cat.documents.values()]
    order = {d: i for i, d in enumerate(cat.info.order)}
    docs.sort(key=lambda d: order.get(d.id, len(order)))
    as_of = vi.date(max(cf.as_of for cf in result.communes))
    subtitle = (f"Kết quả đối chiếu việc thực hiện chỉ tiêu, nhiệm vụ theo {docs[0].citation} và các văn bản liên quan"
                f" (số liệu đến ngày {as_of})") if docs else f"Kết quả đối chiếu chỉ tiêu (số liệu đến ngày {as_of})"
    names = ", ".join(cf.commune.name for cf in result.communes)
    intro = (f"Căn cứ {report.title[:1].lower() + report.title[1:]} ({report.issuer}), đối chiếu số liệu của {names} "
             f"với {vi.count(len(cat.rules))} quy tắc của danh mục “{cat.info.name}” (phiên bản {cat.version}); mỗi "
             "số liệu được trích từ câu, dòng của báo cáo. Kết quả như sau:")
    communes = []
    for cf in result.communes:
        mine = [f for f in result.findings if f.commune.id == cf.commune.id]
        communes.append(CommuneReport(cf, [finding_row(i, f) for i, f in enumerate(mine, 1)], [f.status for f in mine],
                                      summary_sentence(mine), write_section(result, cf)))
    return ReportDoc(parent=parent, issuer=issuer, number=f"Số: {opts.number}", place_date=f"{place}, {date}",
                     title="BÁO CÁO", subtitle=subtitle, intro=intro, communes=communes,
                     recipients=opts.recipients, signer_title=opts.signer_title, signer_role=opts.signer_role,
                     signer_name=opts.signer_name, catalogue=f"{cat.info.name} — phiên bản {cat.version} ({cat.digest})",
                     warnings=[vi.unreviewed_note(cf.commune.name, cf.unreviewed_files)
                               for cf in result.communes if cf.unreviewed])


# --------------------------------------------------------------------------------------------------- shortfalls

SHORTFALL_HEADER = ["STT", "Mã xã", "Xã", "Mã quy tắc", "Chỉ tiêu, nhiệm vụ", "Kỳ", "Loại thiếu hụt", "Mức chỉ tiêu",
                    "Kết quả", "Còn thiếu", "Tỷ lệ đạt (%)", "Thời hạn", "Văn bản nguồn", "Nội dung chỉ tiêu",
                    "Mức căn cứ", "Trích báo cáo", "Dòng báo cáo", "Mức độ", "Nhận định"]
KINDS = {"unmet": "Chưa đạt", "at_risk": "Có nguy cơ không đạt", "claimed": "Chỉ có khẳng định của báo cáo"}


@dataclass
class ShortfallRow:
    finding: Finding
    kind: str
    unreviewed: bool = False     # the commune's facts include drafts no one has reviewed

    def cells(self, i: int) -> list:
        f = self.finding
        quotes = " | ".join(dict.fromkeys(x.quote for x in f.facts))
        lines = ", ".join(dict.fromkeys(str(x.report_line) for x in f.facts))
        return [i, f.commune.id, f.commune.name, f.rule_id, f.title, f.period.label, KINDS[self.kind],
                f.target.display if f.target else "", f.actual_display, f.shortfall, f.achievement_pct,
                vi.date(f.period.deadline) if f.period.deadline else "", f.source.citation, f.source.clause,
                vi.EVIDENCE_LABELS[f.evidence_level] + (f" ({vi.UNREVIEWED_MARK})" if self.unreviewed else ""),
                quotes, lines, vi.SEVERITY_LABELS[f.severity], f.message]


def shortfall_rows(result: AuditResult) -> list[ShortfallRow]:
    """One row per unmet, at-risk or claimed-only finding, worst first (then severity, then catalogue order)."""
    rows = []
    drafted = {cf.commune.id for cf in result.communes if cf.unreviewed}
    for f in result.findings:
        if f.status == "unmet":
            rows.append(ShortfallRow(f, "unmet", f.commune.id in drafted))
        elif f.status == "pending" and f.outlook == "at_risk":
            rows.append(ShortfallRow(f, "at_risk", f.commune.id in drafted))
        elif f.status == "met" and f.evidence_level == "claimed":
            rows.append(ShortfallRow(f, "claimed", f.commune.id in drafted))
    kind_rank = {"unmet": 0, "at_risk": 1, "claimed": 2}
    position = {id(r.finding): i for i, r in enumerate(rows)}
    rows.sort(key=lambda r: (r.finding.commune.id, kind_rank[r.kind], vi.SEVERITY_ORDER.index(r.finding.severity),
                             position[id(r.finding)]))
    return rows
