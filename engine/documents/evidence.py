"""The evidence checklist (danh mục hồ sơ minh chứng còn thiếu): what a reviewer will ask the commune to produce.

For every counted item (a "Dân vận khéo" model): its registration with the body that launched the movement, its
founding decision, its recognition, its field; for every result the report asserts without a document: the
document; for a criteria set the commune reports on: the per-criterion self-assessment and the appraisal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import vi

if TYPE_CHECKING:
    from ..audit import AuditResult
    from ..facts import CommuneFacts

ITEM_PARTS = (
    ("registration", "đăng ký với cơ quan phát động phong trào"),
    ("decision", "quyết định thành lập"),
    ("recognition", "quyết định công nhận"),
    ("field", "lĩnh vực của mô hình"),
)


@dataclass
class Missing:
    group: str  # what it is about: a model, a yearly duty, a criteria set
    item: str
    missing: str  # what to produce


def checklist(result: "AuditResult", commune: "CommuneFacts") -> list[Missing]:
    cat = result.catalogue
    out: list[Missing] = []
    seen: set[tuple[str, str]] = set()
    evidence_indicators = {m.of for lr in cat.rules for _, m in lr.rule.measures() if m.evidence}
    for lf in commune.facts:
        f = lf.fact
        ind = cat.indicators.get(f.indicator)
        if f.items is None or f.indicator not in evidence_indicators or ind is None:
            continue
        for item in f.items:
            absent = [label for attr, label in ITEM_PARTS if getattr(item, attr) is None]
            if item.owner:
                absent.insert(0, f"xác định đơn vị đăng ký (do {item.owner} thành lập)")
            if absent and (item.name, f.period.key) not in seen:
                seen.add((item.name, f.period.key))
                out.append(Missing(f"{ind.name} ({f.period.key})", item.name, "; ".join(absent)))
    for finding in result.findings:
        if (
            finding.commune.id != commune.commune.id
            or finding.evidence_level != "claimed"
            or finding.evidence is not None
        ):
            continue
        if finding.status in ("met", "pending", "noted"):
            out.append(
                Missing(finding.title, finding.period.label, "văn bản làm căn cứ (số, ngày) hoặc số liệu kiểm chứng")
            )
    by_doc: dict[str, list] = {}
    for lc in cat.criteria_for(commune.commune):
        by_doc.setdefault(lc.document.id, []).append(lc)
    for doc_id, criteria in by_doc.items():
        if any(commune.by_indicator().get(lc.criterion.indicator) for lc in criteria):
            continue
        doc = criteria[0].document
        if not commune.by_indicator().get(cat.criteria_counts.get(doc_id, "")):
            continue  # the commune does not report on this set at all
        out.append(
            Missing(
                f"Bộ tiêu chí theo {doc.citation}",
                f"{vi.count(len(criteria))} tiêu chí",
                "biểu tự đánh giá từng tiêu chí (kết quả, mức đạt, minh chứng); kết quả thẩm định",
            )
        )
    return out
