"""The review sheet (Phiếu rà soát báo cáo): the reviewing body's own document about a commune's report.

Everything the commune's draft leaves out belongs here: every finding with its evidence (the quoted sentence and its
line), where each threshold comes from, the checks of the report's own figures, the self-assessment table, the
report's drafting problems (``chitieu facts lint``), the evidence still missing, and what the commune should correct
or add. It is issued under the reviewing body's header (``ReviewOptions``), never the commune's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .. import __version__, vi
from ..diagnostics import Diagnostics, InputError
from ..model import Finding
from .blocks import Block, Bullet, DocumentBlocks, Header, Heading, Para, Signature, Table
from .commune import checked_documents, title_line
from .evidence import checklist
from .selfassessment import self_assessment_blocks

if TYPE_CHECKING:
    from ..audit import AuditResult
    from ..facts import CommuneFacts

EVIDENCE_MARKS = {
    "computed": "Có minh chứng",
    "claimed": "Chỉ nêu, chưa có minh chứng",
    "bound": "Chỉ nêu mức tối thiểu",
    "missing": "Không có số liệu",
}
TABLE_HEADER = [
    "STT",
    "Chỉ tiêu, nhiệm vụ (kỳ)",
    "Mức chỉ tiêu và căn cứ",
    "Kết quả theo báo cáo",
    "Đánh giá",
    "Minh chứng",
]
TABLE_WIDTHS = [1.2, 6.0, 5.2, 7.0, 2.8, 3.0]  # 25.2 cm: A4 landscape text width
CHECKS_HEADER = ["STT", "Nội dung kiểm tra", "Báo cáo nêu", "Tính lại", "Kết quả", "Nhận xét"]
CHECKS_WIDTHS = [1.2, 6.2, 3.4, 3.4, 2.4, 8.6]
QUOTE_CHARS = 220


@dataclass
class ReviewOptions:
    """The reviewing body's header and signature (from options or a config file)."""

    body: str = "[TÊN CƠ QUAN RÀ SOÁT]"
    parent: Optional[str] = None
    place: str = "…"
    date: Optional[dt.date] = None
    number: str = "Số: …/PRS"
    signer_role: str = "NGƯỜI RÀ SOÁT"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=lambda: ["Lưu: VT."])


def _quote(f: Finding) -> str:
    parts = []
    for x in f.facts:
        q = " ".join(x.quote.split())
        q = q if len(q) <= QUOTE_CHARS else q[: QUOTE_CHARS - 1].rstrip() + "…"
        where = f"dòng {x.report_line}" if x.report_line is not None else f"ô {x.cell}"
        parts.append(f"“{q}” ({where})")
    return "\n".join(dict.fromkeys(parts))


def _target(f: Finding) -> str:
    if f.target is None:
        return "Không có chỉ tiêu"
    text = f.target.display
    if f.target.basis is not None:
        text += f"\n{f.target.basis.label}: {f.target.basis.text}"
    return text


def _status(f: Finding) -> str:
    text = f.status_label
    if f.outlook:
        text += f" ({vi.OUTLOOK_LABELS[f.outlook]})"
    return text


def findings_table(result: "AuditResult", commune: "CommuneFacts") -> Table:
    cat = result.catalogue
    rows: list[list[str]] = []
    shades: list[Optional[str]] = []
    for f in result.findings:
        if f.commune.id != commune.commune.id or cat.by_id[f.rule_id].kind.checks_figures:
            continue
        result_text = f.actual_display + (f"\n{_quote(f)}" if f.facts else "")
        if (
            f.achievement_pct is not None
            and f.target is not None
            and f.target.basis is not None
            and f.target.basis.kind != "assumption"
            and f.target.unit != "%"
        ):
            result_text = (
                f.actual_display
                + f" ({vi.percent(f.achievement_pct)} chỉ tiêu)"
                + (f"\n{_quote(f)}" if f.facts else "")
            )
        rows.append(
            [
                str(len(rows) + 1),
                f"{f.title} ({f.period.label})",
                _target(f),
                result_text,
                _status(f),
                EVIDENCE_MARKS[f.evidence_level],
            ]
        )
        shades.append(f.status)
    return Table(TABLE_HEADER, rows, TABLE_WIDTHS, shades=shades, shade_column=4)


def checks_table(result: "AuditResult", commune: "CommuneFacts") -> Optional[Table]:
    cat = result.catalogue
    rows: list[list[str]] = []
    shades: list[Optional[str]] = []
    for f in result.findings:
        if f.commune.id != commune.commune.id or not cat.by_id[f.rule_id].kind.checks_figures:
            continue
        stated = f.values.get("stated", "—")
        computed = f.values.get("computed", "—")
        rows.append([str(len(rows) + 1), f"{f.title} ({f.period.label})", stated, computed, f.status_label, f.message])
        shades.append(f.status)
    return Table(CHECKS_HEADER, rows, CHECKS_WIDTHS, shades=shades, shade_column=4) if rows else None


def _lint(result: "AuditResult", cf: "CommuneFacts") -> tuple[list[str], bool]:
    """The report's own drafting problems, in Vietnamese; (problems, whether a report file could be read)."""
    from ..reportlint import lint_report

    files = list(dict.fromkeys(p for p in cf.report_files if p.is_file()))
    if not files:
        return [], False
    out = []
    for path in files:
        diags = Diagnostics()
        try:
            lint_report(result.catalogue, path, diags)
        except InputError:
            return [], False
        for d in sorted(diags.items, key=lambda d: (d.line, d.col)):
            out.append(f"Dòng {d.line}: {d.message_vi or d.message}.")
    return list(dict.fromkeys(m.replace("..", ".") for m in out)), True


def requests(result: "AuditResult", commune: "CommuneFacts") -> list[str]:
    """What the commune should correct or add, in the reviewer's words."""
    out: list[str] = []
    missing: dict[str, list[str]] = {}
    for f in result.findings:
        if f.commune.id != commune.commune.id:
            continue
        if f.status == "needs_clarification":
            out.append(f.message)
        elif f.status == "insufficient_data" and f.values.get("missing"):
            missing.setdefault(f.values["missing"], []).append(f.period.label)
        elif f.evidence_level == "bound" and f.status in ("met", "pending"):
            out.append(
                f"Nêu số liệu cụ thể thay cho mức tối thiểu “{f.actual_display}”: {f.title[:1].lower()}"
                f"{f.title[1:]} ({f.period.label})."
            )
    out = [f"Bổ sung số liệu: {what} ({', '.join(dict.fromkeys(periods))})." for what, periods in missing.items()] + out
    return list(dict.fromkeys(out))


def review_document(
    result: "AuditResult", commune: "CommuneFacts", opts: Optional[ReviewOptions] = None
) -> DocumentBlocks:
    opts = opts or ReviewOptions()
    cat = result.catalogue
    rep = commune.report
    checked = checked_documents(result, commune)
    date = vi.date_words(opts.date) if opts.date else "ngày … tháng … năm …"
    numerals = iter(("I", "II", "III", "IV", "V", "VI", "VII", "VIII"))
    sections: dict[str, str] = {}  # a section's title → its numeral, as the sheet numbers them (no gap)

    def section(title: str) -> Heading:
        sections[title] = next(numerals)
        return Heading(1, f"{sections[title]}. {title}")

    blocks: list[Block] = [section("THÔNG TIN CHUNG")]
    number = f"số {rep.number}" if rep.number else "chưa ghi số"
    dated = vi.partial_date(rep.date.year, rep.date.month, rep.date.day)
    blocks += [
        Bullet("-", f"Báo cáo được rà soát: {title_line(commune)} ({number}, {dated}); đơn vị báo cáo: {rep.issuer}."),
        Bullet("-", f"Số liệu đến {commune.as_of_phrase}."),
        Bullet(
            "-",
            "Văn bản đối chiếu: "
            + "; ".join(
                d.citation + (" (chưa đối chiếu được văn bản gốc)" if not d.text_available else "") for d in checked
            )
            + ".",
        ),
    ]
    for d in checked:
        for r in (r for r in d.related if r.concerns(commune.commune)):
            blocks.append(
                Bullet(
                    "+",
                    f"{d.citation}: {_relation(r.relation)} {r.citation}"
                    + (f", áp dụng từ {vi.date(r.in_force_from)}" if r.in_force_from else "")
                    + ".",
                )
            )
    counts = _counts(result, commune)
    blocks.append(
        Bullet(
            "-",
            "Tổng hợp: " + "; ".join(f"{vi.STATUS_LABELS[s].lower()} {vi.count(n)}" for s, n in counts.items()) + ".",
        )
    )
    blocks += [section("KẾT QUẢ ĐỐI CHIẾU CÁC CHỈ TIÊU, NHIỆM VỤ"), findings_table(result, commune)]
    checks = checks_table(result, commune)
    if checks is not None:
        blocks += [section("KIỂM TRA SỐ LIỆU DO BÁO CÁO TỰ TÍNH"), checks]
    assessment = self_assessment_blocks(result, commune)
    if assessment:
        blocks += [section("BIỂU TỰ ĐÁNH GIÁ TIÊU CHÍ")] + assessment
    lint, read = _lint(result, commune)
    layout = "NHỮNG ĐIỂM VỀ TRÌNH BÀY, SỐ LIỆU CỦA BÁO CÁO"
    blocks.append(section(layout))
    if not read:
        blocks.append(Para("Không có tệp báo cáo kèm theo để rà soát phần trình bày.", italic=True))
    elif not lint:
        blocks.append(Para("Không phát hiện lỗi trình bày."))
    blocks += [Bullet("-", text) for text in lint]
    missing = checklist(result, commune)
    evidence = "HỒ SƠ MINH CHỨNG CÒN THIẾU"
    blocks.append(section(evidence))
    if missing:
        blocks.append(
            Table(
                ["STT", "Nội dung", "Mục", "Hồ sơ cần bổ sung"],
                [[str(i), m.group, m.item, m.missing] for i, m in enumerate(missing, 1)],
                [1.2, 7.0, 7.5, 9.5],
            )
        )
    else:
        blocks.append(Para("Không có."))
    asks = requests(result, commune)
    # what the sections above found is asked for too, so that the last section never says "Không có" after them
    if lint:
        asks.append(f"Chỉnh sửa những điểm về trình bày, số liệu nêu tại mục {sections[layout]}.")
    if missing:
        asks.append(f"Bổ sung hồ sơ minh chứng còn thiếu nêu tại mục {sections[evidence]}.")
    blocks.append(section(f"ĐỀ NGHỊ {commune.commune.unit_kind.upper()} CHỈNH SỬA, BỔ SUNG"))
    blocks += [Bullet(f"{i}.", text) for i, text in enumerate(asks, 1)] or [Para("Không có.")]
    return DocumentBlocks(
        header=Header(body=opts.body, parent=opts.parent, number=opts.number, place_date=f"{opts.place}, {date}"),
        kind="PHIẾU RÀ SOÁT",
        title=[f"Báo cáo {title_line(commune)[:1].lower()}{title_line(commune)[1:]}", f"của {rep.issuer}"],
        blocks=blocks,
        signature=Signature(recipients=opts.recipients, authority="", role=opts.signer_role, name=opts.signer_name),
        footnote=f"Lập bằng chitieu {__version__}; danh mục {cat.info.name}, phiên bản {cat.version} ({cat.digest}).",
        landscape=True,
    )


def _relation(relation: str) -> str:
    return {
        "amended_by": "được sửa đổi, bổ sung bởi",
        "applied_by": "được tỉnh cụ thể hóa tại",
        "replaced_by": "được thay thế bởi",
    }[relation]


def _counts(result: "AuditResult", cf: "CommuneFacts") -> dict[str, int]:
    counts = {s: 0 for s in vi.STATUS_ORDER}
    for f in result.findings:
        if f.commune.id == cf.commune.id:
            counts[f.status] += 1
    return {s: n for s, n in counts.items() if n}


def review_options_from(path: Path) -> ReviewOptions:
    """A reviewer config file (YAML, schema chitieu.reviewer/1): body, parent, place, signer_role, signer_name,
    recipients — read with the project's safe YAML reader and validated."""
    from ..model import ReviewerFile
    from ..validate import validate
    from ..yamlsrc import load

    doc = load(path)
    diags = Diagnostics()
    parsed = validate(ReviewerFile, doc, diags)
    if parsed is None:
        raise InputError(diags.items)
    return ReviewOptions(
        body=parsed.body,
        parent=parsed.parent,
        place=parsed.place or "…",
        signer_role=parsed.signer_role,
        signer_name=parsed.signer_name or "",
        recipients=parsed.recipients or ["Lưu: VT."],
    )
