"""The narrative writer: drafts section III.2 “Tồn tại, hạn chế và nguyên nhân” from findings and stated facts.

Every sentence comes from a template (the rule's ``shortcoming`` or a default below) filled with the finding's
numbers; nothing is invented. Causes are only those the report states or a rule declares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import templates, vi
from .audit import AuditResult
from .catalogue import Catalogue
from .facts import CommuneFacts
from .model import Finding

DEFAULT_SHORTCOMING = "Chưa đạt chỉ tiêu {title} ({period}): kết quả {actual}, chỉ tiêu {target}."
EVIDENCE_GAP = (
    "Kết quả thực hiện chỉ tiêu {title} ({period}) chưa được chứng minh đầy đủ: {counted_on_claim} chưa dẫn quyết "
    "định thành lập, công nhận; nếu chỉ tính {counted_with_evidence} có quyết định thì đạt {achievement_evidenced} "
    "so với chỉ tiêu."
)
CLAIM_ONLY = ("Kết quả thực hiện chỉ tiêu {title} ({period}) chỉ dựa trên khẳng định của báo cáo, chưa có số liệu "
              "kiểm chứng.")
BOUND_ONLY = "Kết quả thực hiện chỉ tiêu {title} ({period}) chỉ được nêu dưới dạng cận ({actual}), chưa có số liệu cụ thể."


@dataclass
class Sentence:
    text: str
    kind: str                       # shortfall | evidence | stated
    theme: Optional[str] = None
    severity: Optional[str] = None
    rule_id: Optional[str] = None
    period: Optional[str] = None
    report_line: Optional[int] = None
    in_report_summary: bool = True  # False: stated in the body but left out of the report's own section III.2


@dataclass
class Section:
    commune: str
    shortcomings: list[Sentence] = field(default_factory=list)
    causes: list[Sentence] = field(default_factory=list)


def _values(cat: Catalogue, f: Finding) -> dict[str, str]:
    values = {
        "title": inline_title(f.title), "commune": f.commune.name, "period": f.period.label,
        "target": f.target.display if f.target else "—", "actual": f.actual_display,
        "achievement": vi.percent(f.achievement_pct) if f.achievement_pct is not None else "",
        "shortfall": vi.quantity(f.shortfall, f.target.unit if f.target else None) if f.shortfall is not None else "",
        "deadline": vi.date(f.period.deadline) if f.period.deadline else "",
        "document": f.source.citation, "clause": f.source.clause,
    }
    if f.evidence is not None:
        unit = f.target.unit if f.target else None
        values["counted_with_evidence"] = vi.count(f.evidence.counted_with_evidence, unit)
        values["counted_on_claim"] = vi.count(f.evidence.counted_on_claim, unit)
        if f.evidence.achievement_pct_evidenced is not None:
            values["achievement_evidenced"] = vi.percent(f.evidence.achievement_pct_evidenced)
    return values


def inline_title(title: str) -> str:
    """A rule title placed inside a sentence: first letter lower-cased unless it starts an acronym or a name."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def _severity_rank(s: Optional[str]) -> int:
    return vi.SEVERITY_ORDER.index(s) if s in vi.SEVERITY_ORDER else len(vi.SEVERITY_ORDER)


def _theme_rank(t: Optional[str]) -> int:
    return vi.THEME_ORDER.index(t) if t in vi.THEME_ORDER else len(vi.THEME_ORDER)


def write_section(result: AuditResult, cf: CommuneFacts) -> Section:
    cat = result.catalogue
    by_id = cat.by_id
    section = Section(commune=cf.commune.name)
    mine = [f for f in result.findings if f.commune.id == cf.commune.id]
    for f in mine:
        rule = by_id[f.rule_id].rule
        values = _values(cat, f)
        if f.status == "unmet" or (f.status == "pending" and f.outlook == "at_risk"):
            template = rule.shortcoming or DEFAULT_SHORTCOMING
            section.shortcomings.append(Sentence(templates.render(template, values), "shortfall", f.theme, f.severity,
                                                 f.rule_id, f.period.key))
        elif f.status == "met" and f.evidence is not None and f.evidence.counted_on_claim:
            section.shortcomings.append(Sentence(templates.render(EVIDENCE_GAP, values), "evidence", f.theme,
                                                 "minor", f.rule_id, f.period.key))
        elif f.status == "met" and f.evidence_level == "claimed":
            section.shortcomings.append(Sentence(templates.render(CLAIM_ONLY, values), "evidence", f.theme,
                                                 "minor", f.rule_id, f.period.key))
        elif f.status == "met" and f.evidence_level == "bound":
            section.shortcomings.append(Sentence(templates.render(BOUND_ONLY, values), "evidence", f.theme,
                                                 "minor", f.rule_id, f.period.key))
    for ls in cf.statements:
        st = ls.statement
        sentence = Sentence(st.text, "stated", st.theme, None, None, None, st.source.line, st.in_summary)
        if st.kind == "shortcoming":
            section.shortcomings.append(sentence)
        elif st.kind == "cause":
            section.causes.append(sentence)
    kind_rank = {"shortfall": 0, "stated": 1, "evidence": 2}
    section.shortcomings.sort(key=lambda s: (kind_rank[s.kind], _severity_rank(s.severity), _theme_rank(s.theme),
                                             s.rule_id or "", s.period or "", s.report_line or 0))
    return section


def render_text(section: Section) -> str:
    lines = ["2. Tồn tại, hạn chế và nguyên nhân", ""]
    if not section.shortcomings:
        lines.append("- Qua đối chiếu, chưa phát hiện tồn tại, hạn chế so với các chỉ tiêu đã được mã hóa.")
    for s in section.shortcomings:
        mark = " [nêu trong phần kết quả nhưng chưa đưa vào mục Tồn tại, hạn chế của báo cáo]" if not s.in_report_summary else ""
        lines.append(f"- {s.text}{mark}")
    lines += ["", "Nguyên nhân:"]
    if not section.causes:
        lines.append("- Báo cáo chưa nêu nguyên nhân; đề nghị đơn vị bổ sung.")
    for c in section.causes:
        lines.append(f"- {c.text}")
    return "\n".join(lines) + "\n"
