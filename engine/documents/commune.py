"""The commune's own draft: sections III.2 "Tồn tại, hạn chế và nguyên nhân" and IV "Phương hướng, nhiệm vụ thời
gian tới", and the table of its main targets — written in the commune's voice, for its chairman's signature.

What goes in, and what never does:
- substantive shortcomings only: targets not met or at risk (the rule's own ``shortcoming`` sentence, rules that
  share one sentence joined by their ``topic``), the report's own stated shortcomings, and gaps in the commune's
  records of evidence (items counted without their founding decision);
- one task in section IV for each shortcoming (the rule's ``remedy``, the stated shortcoming's ``remedy``, or a
  placeholder for the officer), then the report's own tasks;
- causes split khách quan / chủ quan; where the report gives none, suggestions the officer must confirm, marked so;
- never a line number, a remark about the report or an evidence level (those belong to the review sheet,
  chitieu.documents.review); a level that is only the catalogue's working assumption is never presented as the
  plan's: it is marked "(*)" with one bracketed note for the officer to check it against the plan and remove the
  mark before signing, as the suggested causes are marked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .. import templates, vi
from ..model import Finding
from .blocks import Block, Bullet, DocumentBlocks, Header, Heading, Para, Signature, Table

if TYPE_CHECKING:
    from ..audit import AuditResult
    from ..catalogue import Catalogue
    from ..facts import CommuneFacts
    from ..model import Document

AT_RISK = "{text} (số liệu đến {as_of}, chưa hết kỳ đánh giá: có nguy cơ không đạt)"
RECORDS = "{without}/{total} {noun} {period} chưa có quyết định thành lập, công nhận"
RECORDS_OWNERS = "{n} {unit} do {owners} xây dựng"
RECORDS_TASK = (
    "Rà soát, hoàn thiện hồ sơ minh chứng (quyết định thành lập, công nhận mô hình; văn bản ký kết giao "
    "ước thi đua; kết quả đánh giá công tác dân vận chính quyền…)."
)
PLACEHOLDER_TASK = "[Bổ sung nhiệm vụ khắc phục: {text}]"
CONFIRM = " [gợi ý — xác nhận, sửa hoặc bỏ trước khi trình ký]"
ASSUMED = " (*)"
ASSUMED_NOTE = (
    "[(*) Mức tạm tính, chưa đối chiếu được với văn bản kế hoạch: đối chiếu, sửa mức nếu khác và bỏ dấu (*) "
    "trước khi trình ký.]"
)
NO_LEVEL = vi.NO_PLAN_LEVEL
COMMUNE_STATUS = {
    "met": "Đạt",
    "unmet": "Chưa đạt",
    "insufficient_data": "Chưa có số liệu",
    "waived": "Miễn trừ",
    "not_applicable": "Không áp dụng",
    "noted": "—",
    "needs_clarification": "—",
}
TABLE_HEADER = ["STT", "Chỉ tiêu, nhiệm vụ", "Kỳ", "Kế hoạch", "Kết quả thực hiện", "Đánh giá"]
TABLE_WIDTHS = [1.2, 5.4, 2.5, 2.6, 2.6, 2.2]  # 16.5 cm: the text width of an A4 page under Nghị định 30


@dataclass
class Shortcoming:
    theme: str
    text: str
    remedy: Optional[str]
    order: tuple


@dataclass
class CommuneDraft:
    shortcomings: list[Shortcoming] = field(default_factory=list)
    causes: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # type → [(text, is a suggestion)]
    tasks: list[tuple[str, bool]] = field(default_factory=list)  # (text, is a placeholder)
    judged: int = 0  # findings that judged a target (JUDGED): none is not "no shortcoming found"


def _inline(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _sentence(text: str) -> str:
    text = templates.sentence(" ".join(text.split()))
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _render(template: str, values: dict[str, str]) -> str:
    return _sentence(templates.render(template, values))


def _values(f: Finding) -> dict[str, str]:
    values = dict(f.values)
    if _assumed(f):
        values["target"] = _commune_target(f)
    return values


def _same_sentence(template: str, fs: list[Finding]) -> list[list[Finding]]:
    """The findings of one sentence (rules sharing it, periods of one rule) that say the same apart from their
    periods and topics, joined in one sentence; findings whose figures differ ("năm 2022: 45%", "năm 2023: 58%")
    each keep their own, so that no figure is lost under another period's."""
    out: dict[str, list[Finding]] = {}
    for f in fs:
        said = templates.render(template, {**_values(f), "period": "\x00", "topics": "\x00"})
        out.setdefault(said, []).append(f)
    return list(out.values())


def write_draft(result: "AuditResult", commune: "CommuneFacts") -> CommuneDraft:
    cat = result.catalogue
    commune_findings = [f for f in result.findings if f.commune.id == commune.commune.id]
    draft = CommuneDraft(judged=sum(1 for f in commune_findings if f.status in JUDGED))
    covered: set[str] = set()

    # 1. targets not met, or at risk: the rule's own sentence, rules sharing one sentence joined by topic
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in commune_findings:
        lr = cat.by_id[f.rule_id]
        at_risk = f.status == "pending" and f.outlook == "at_risk"
        if not lr.kind.judges_target or not (f.status == "unmet" or at_risk):
            continue
        template = lr.rule.shortcoming or f"Chưa hoàn thành chỉ tiêu {_inline(f.title)} ({{period}})."
        groups.setdefault((template, "at_risk" if at_risk else "unmet"), []).append(f)
    for (template, how), fs in groups.items():
        for members in _same_sentence(template, fs):
            first = members[0]
            lr = cat.by_id[first.rule_id]
            values = _values(first)
            values["topics"] = ", ".join(
                dict.fromkeys(cat.by_id[f.rule_id].rule.topic or "" for f in members if cat.by_id[f.rule_id].rule.topic)
            )
            values["period"] = ", ".join(dict.fromkeys(f.period.label for f in members))
            text = _render(template, values)
            if how == "at_risk":
                text = _sentence(AT_RISK.format(text=text.rstrip("."), as_of=values.get("as_of", "")))
            remedy = _render(lr.rule.remedy, values) if lr.rule.remedy else None
            draft.shortcomings.append(Shortcoming(first.theme, text, remedy, (lr.index, first.period.start)))
            covered.update(f.rule_id for f in members)

    # 2. gaps in the records of evidence: items counted without their founding decision, or founded by another body
    records = _records(cat, commune_findings)
    if records:
        theme, text, order = records
        draft.shortcomings.append(Shortcoming(theme, text, RECORDS_TASK, order))

    # 3. the report's own stated shortcomings; one tied to a rule already written above is not repeated
    for ls in commune.statements:
        st = ls.statement
        if st.kind != "shortcoming" or (st.rule is not None and st.rule in covered):
            continue
        draft.shortcomings.append(
            Shortcoming(
                st.theme or "dan_van_chinh_quyen",
                _sentence(st.text),
                _sentence(st.remedy) if st.remedy else None,
                (-1, st.source.line),
            )
        )
    draft.shortcomings.sort(key=lambda s: (vi.THEME_ORDER.index(s.theme), s.order))

    # 4. causes: the report's own; then the causes the catalogue links to the shortcomings found, and where neither
    # gives one, the catalogue's general suggestions — both only suggestions the officer confirms, marked so
    stated: dict[str, list[str]] = {"khach_quan": [], "chu_quan": []}
    linked: dict[str, list[str]] = {"khach_quan": [], "chu_quan": []}
    for ls in commune.statements:
        st = ls.statement
        if st.kind == "cause":
            stated[st.cause_type or "chu_quan"].append(_sentence(st.text))
    for f in commune_findings:
        rule = cat.by_id[f.rule_id].rule
        if f.rule_id in covered and rule.cause:
            linked[rule.cause_type or "chu_quan"].append(_render(rule.cause, dict(f.values)))
    general = {"khach_quan": cat.info.drafting.objective_causes, "chu_quan": cat.info.drafting.subjective_causes}
    for kind in ("khach_quan", "chu_quan"):
        own = list(dict.fromkeys(stated[kind]))
        suggested = [c for c in dict.fromkeys(linked[kind]) if c not in own]
        if not own and not suggested:
            suggested = [_sentence(c) for c in general[kind]]
        draft.causes[kind] = [(c, False) for c in own] + [(c, True) for c in suggested]

    # 5. tasks: one for each shortcoming (in its order), then the report's own
    seen: set[str] = set()
    for s in draft.shortcomings:
        task = s.remedy or PLACEHOLDER_TASK.format(text=s.text.rstrip("."))
        if task not in seen:
            seen.add(task)
            draft.tasks.append((task, s.remedy is None))
    for ls in commune.statements:
        if ls.statement.kind == "task" and ls.statement.text not in seen:
            seen.add(ls.statement.text)
            draft.tasks.append((_sentence(ls.statement.text), False))
    return draft


def _records(cat: "Catalogue", findings: list[Finding]) -> Optional[tuple[str, str, tuple]]:
    """One sentence for every year in which items were counted without their decision (or on another body's
    register): '04/05 mô hình “Dân vận khéo” năm 2023 chưa có quyết định thành lập, công nhận; 02 mô hình do …'."""
    parts: list[str] = []
    theme: Optional[str] = None
    order: Optional[tuple] = None
    for f in findings:
        lr = cat.by_id[f.rule_id]
        ev = f.evidence
        if ev is None or f.period.kind != "annual" or not (ev.counted_on_claim or ev.counted_owned_by_others):
            continue
        unit = f.target.unit if f.target and f.target.unit else ""
        noun = lr.rule.topic or unit
        total = ev.counted_with_evidence + ev.counted_on_claim
        text = RECORDS.format(
            without=vi.count(ev.counted_on_claim), total=vi.count(total), noun=noun, period=f.period.label
        )
        if ev.counted_owned_by_others:
            text += "; " + RECORDS_OWNERS.format(
                n=vi.count(ev.counted_owned_by_others), unit=unit, owners=", ".join(ev.owners)
            )
        parts.append(text)
        theme = theme or f.theme
        order = order or (lr.index, f.period.start)
    if not parts or theme is None or order is None:  # both are set with the first part
        return None
    return theme, _sentence("; ".join(parts)), order


# --------------------------------------------------------------------------------------------------- blocks


# the statuses that say something of a target: insufficient data, a pending or not applicable one say nothing
JUDGED = frozenset({"met", "unmet", "needs_clarification", "waived", "noted"})

# a placeholder, not a sentence of the report: no target of the unit was judged (none applies to it, or none has data),
# so nothing can be said of its shortcomings
NOTHING_JUDGED = (
    "[Chưa soạn được mục này: chưa đánh giá được chỉ tiêu nào của đơn vị (không chỉ tiêu nào áp dụng hoặc chưa có "
    "số liệu); bổ sung số liệu, kế hoạch của đơn vị hoặc tự soạn trước khi trình ký]"
)


def section_blocks(draft: CommuneDraft) -> list[Block]:
    """Sections III.2 and IV, ready to paste into the commune's report."""
    blocks: list[Block] = [
        Heading(1, "III. ĐÁNH GIÁ CHUNG"),
        Heading(2, "2. Tồn tại, hạn chế và nguyên nhân"),
        Heading(3, "a) Tồn tại, hạn chế"),
    ]
    if not draft.judged:
        blocks.append(Para(NOTHING_JUDGED, placeholder=True))
    elif not draft.shortcomings:
        blocks.append(Para("Chưa phát hiện tồn tại, hạn chế so với các chỉ tiêu, nhiệm vụ đã đề ra."))
    for theme in vi.THEME_ORDER:
        under_theme = [s for s in draft.shortcomings if s.theme == theme]
        if under_theme:
            blocks.append(Bullet("-", f"Về {_inline(vi.THEME_LABELS[theme])}:"))
            blocks += [Bullet("+", s.text) for s in under_theme]
    if any(ASSUMED in s.text for s in draft.shortcomings):
        blocks.append(Para(ASSUMED_NOTE, italic=True, placeholder=True))
    blocks.append(Heading(3, "b) Nguyên nhân"))
    for kind, label in (("khach_quan", "Nguyên nhân khách quan:"), ("chu_quan", "Nguyên nhân chủ quan:")):
        blocks.append(Bullet("-", label))
        for text, suggested in draft.causes.get(kind, []):
            if suggested and not draft.judged:
                continue  # causes suggested for shortcomings that nothing was judged to show
            blocks.append(Bullet("+", text + (CONFIRM if suggested else ""), placeholder=suggested))
    blocks.append(Heading(1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"))
    if not draft.judged and not draft.tasks:
        blocks.append(Para(NOTHING_JUDGED, placeholder=True))
    for i, (text, placeholder) in enumerate(draft.tasks, 1):
        blocks.append(Bullet(f"{i}.", text, placeholder=placeholder))
    return blocks


def _commune_actual(f: Finding) -> str:
    if f.actual_display.startswith("báo cáo khẳng định"):
        return "hoàn thành" if "đã đạt" in f.actual_display else "chưa hoàn thành"
    shown = f.actual_display.replace(" (theo khẳng định của báo cáo)", "")
    if shown.startswith("0 "):
        return "chưa có " + shown[2:]  # "chưa có mô hình", never "0 mô hình"
    return shown


def _assumed(f: Finding) -> bool:
    return f.target is not None and f.target.basis is not None and f.target.basis.kind == "assumption"


def _commune_target(f: Finding) -> str:
    if f.target is None:
        return "—"
    if not f.target.threshold_known:
        return NO_LEVEL
    return f.target.display + (ASSUMED if _assumed(f) else "")


def results_table(result: "AuditResult", commune: "CommuneFacts") -> Table:
    """The commune's main targets as it reports them: plan level (an assumed one marked "(*)"), result, its own
    evaluation."""
    cat = result.catalogue
    rows: list[list[str]] = []
    for f in result.findings:
        lr = cat.by_id[f.rule_id]
        if f.commune.id != commune.commune.id or not lr.kind.judges_target or f.status == "not_applicable":
            continue
        status = vi.status_label(f.status, f.reason) if f.status == "pending" else COMMUNE_STATUS[f.status]
        rows.append([str(len(rows) + 1), f.title, f.period.label, _commune_target(f), _commune_actual(f), status])
    # a document for signature stays black and white: no status colours here (the review sheet has them)
    return Table(TABLE_HEADER, rows, TABLE_WIDTHS, caption="Kết quả thực hiện các chỉ tiêu, nhiệm vụ")


@dataclass
class DraftOptions:
    """What the officer may set; everything else comes from the facts."""

    date: Optional[dt.date] = None  # default: left blank ("ngày … tháng … năm …")
    number: str = "Số: …/BC-UBND"
    signer: str = ""
    recipients: Optional[list[str]] = None


def checked_documents(result: "AuditResult", commune: "CommuneFacts") -> list["Document"]:
    """The plans the commune was actually checked against: those covering it with a finding for it, in the
    catalogue's order."""
    judged = {f.source.document for f in result.findings if f.commune.id == commune.commune.id}
    return [d for d in result.catalogue.documents_for(commune.commune) if d.id in judged]


def default_recipients(result: "AuditResult", commune: "CommuneFacts") -> list[str]:
    """The body whose plan the report answers (for its information: the plans checked that the title names, the
    lowest one where they form a chain; never the commune's own UBND), then the commune's own leadership and the
    archive."""
    title = draft_title(result, commune)
    named = [d for d in checked_documents(result, commune) if d.number in title]
    implemented = {d.implements for d in named if d.implements}
    answered = [d.issuer for d in named if d.id not in implemented and d.issuer != commune.report.issuer]
    kind = commune.commune.unit_kind  # a phường's leadership is the phường's, not a xã's
    return [f"{i} (b/c);" for i in dict.fromkeys(answered)] + [
        f"TT Đảng ủy, TT HĐND {kind};",
        f"CT, các PCT UBND {kind};",
        "Lưu: VT.",
    ]


def unit_lines(commune: "CommuneFacts") -> str:
    """'ỦY BAN NHÂN DÂN\\nXÃ TỊNH AN': a UBND xã writes its own name in full and no superior body."""
    return "ỦY BAN NHÂN DÂN\n" + unit_name(commune).upper()


def place_of(commune: "CommuneFacts") -> str:
    return vi.bare_name(unit_name(commune))


def unit_name(commune: "CommuneFacts") -> str:
    """'phường Tịnh An': the unit's name with its kind, whitespace as one space."""
    return vi.full_name(commune.commune.name, commune.commune.unit_kind)


def title_line(commune: "CommuneFacts") -> str:
    """The report's title without its leading "Báo cáo"."""
    title = " ".join(commune.report.title.split())
    for prefix in ("Báo cáo ", "BÁO CÁO "):
        if title.startswith(prefix):
            title = title[len(prefix) :]
    return title[:1].upper() + title[1:]


def draft_title(result: "AuditResult", commune: "CommuneFacts") -> str:
    """The title of the commune's draft: the report's own, unless it names plans of the catalogue none of which
    the commune was checked against (a plan that does not cover it) — then one that names the plans it was
    checked against, for the draft's sections answer those."""
    title = title_line(commune)
    checked = checked_documents(result, commune)
    cited = [d for d in result.catalogue.documents.values() if d.number in title]
    if not checked or not cited or any(d in checked for d in cited):
        return title
    # the plans the report answers: a criteria set (the NTM criteria) is applied, not answered
    sets = {lc.document.id for lc in result.catalogue.criteria}
    plans = [d for d in checked if d.id not in sets] or checked
    implemented = {d.implements for d in plans if d.implements}
    lowest = [d for d in plans if d.id not in implemented]
    return (
        "Kết quả thực hiện "
        + "; ".join(f"{d.citation} của {d.issuer}" for d in lowest)
        + f", năm {commune.report.date.year}"
    )


def commune_document(
    result: "AuditResult", commune: "CommuneFacts", opts: Optional[DraftOptions] = None
) -> DocumentBlocks:
    opts = opts or DraftOptions()
    draft = write_draft(result, commune)
    date = vi.date_words(opts.date) if opts.date else f"ngày … tháng … năm {commune.report.date.year}"
    blocks = section_blocks(draft)
    table = results_table(result, commune)
    if table.rows:
        table.caption = f"Kết quả thực hiện các chỉ tiêu, nhiệm vụ (số liệu đến {commune.as_of_phrase})"
        blocks += [Heading(1, "PHỤ LỤC"), table]
        if any(row[3].endswith(ASSUMED) for row in table.rows):
            blocks.append(Para(ASSUMED_NOTE, italic=True, placeholder=True))
    return DocumentBlocks(
        header=Header(body=unit_lines(commune), number=opts.number, place_date=f"{place_of(commune)}, {date}"),
        kind="BÁO CÁO",
        title=[draft_title(result, commune), "(Dự thảo mục III.2 và mục IV)"],
        blocks=blocks,
        signature=Signature(recipients=opts.recipients or default_recipients(result, commune), name=opts.signer),
    )
