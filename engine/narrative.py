"""The narrative writer: section III.2 “Tồn tại, hạn chế và nguyên nhân” and section IV “Nhiệm vụ trong thời gian đến”.

Every sentence is a template filled with a finding's numbers — the rule's own ``shortcoming``, ``remedy`` and
``cause`` where it has them, the defaults below otherwise — or a sentence the report itself states. Nothing is
invented: a cause appears only when the report states it or a rule declares it, and an empty category says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import templates, vi
from .audit import AuditResult
from .facts import CommuneFacts
from .model import Finding

DEFAULT_SHORTCOMING = "Chưa đạt chỉ tiêu {title} ({period})."
DEFAULT_REMEDY = "Tập trung thực hiện chỉ tiêu {title}."
AT_RISK = "Có nguy cơ không đạt: {text}"
EVIDENCE_GAP = (
    "Kết quả thực hiện chỉ tiêu {title} ({period}) chưa được chứng minh đầy đủ: {counted_on_claim} chưa dẫn quyết "
    "định thành lập, công nhận; nếu chỉ tính {counted_with_evidence} có quyết định thì đạt {achievement_evidenced} "
    "so với chỉ tiêu."
)
CLAIM_ONLY = "Kết quả thực hiện chỉ tiêu {title} ({periods}) chỉ dựa trên khẳng định của báo cáo, chưa có số liệu, văn bản kiểm chứng{why}."
BOUND_ONLY = "Kết quả thực hiện chỉ tiêu {title} ({periods}) chỉ được nêu dưới dạng cận ({actual}), chưa có số liệu cụ thể."
NO_DATA = "Báo cáo chưa đánh giá kết quả thực hiện: {items}."
BODY_ONLY = "báo cáo có nêu tại phần kết quả (dòng {lines}) nhưng chưa đưa vào mục “Tồn tại, hạn chế”"
EVIDENCE_TASK = ("Rà soát, bổ sung quyết định thành lập, công nhận và số liệu, văn bản kiểm chứng cho các kết quả "
                 "chỉ được báo cáo khẳng định: {items}.")
NO_DATA_TASK = "Bổ sung đánh giá kết quả thực hiện: {items}."
KIND_ORDER = {"shortfall": 0, "at_risk": 1, "consistency": 2, "stated": 3, "no_data": 4, "evidence": 5}
KIND_LABELS = {"shortfall": "chưa đạt", "at_risk": "có nguy cơ không đạt", "consistency": "số liệu chưa thống nhất",
               "stated": "báo cáo tự nêu", "no_data": "chưa có số liệu", "evidence": "thiếu căn cứ"}


@dataclass
class Sentence:
    text: str
    kind: str
    theme: str
    severity: Optional[str] = None
    rule_ids: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    citation: Optional[str] = None
    report_lines: list[int] = field(default_factory=list)
    body_only: bool = False            # stated in the report's body but left out of its own section III.2
    order: int = 0                     # catalogue order of the first rule, for a stable sort
    remedy: Optional[str] = None       # the task that answers it (section IV)

    @property
    def full_text(self) -> str:
        """The sentence as printed: with its citation and the body-only mark."""
        text = self.text
        extras = []
        if self.citation:
            extras.append(self.citation)
        if self.body_only:
            extras.append(BODY_ONLY.format(lines=", ".join(str(n) for n in self.report_lines)))
        if extras:
            text = text.rstrip(".") + " (" + "; ".join(extras) + ")."
        return text


@dataclass
class Cause:
    text: str
    cause_type: Optional[str]
    origin: str


@dataclass
class Task:
    text: str
    answers: list[str] = field(default_factory=list)
    from_report: bool = False


@dataclass
class Section:
    commune: str
    commune_id: str
    as_of: str
    sentences: list[Sentence] = field(default_factory=list)
    causes: list[Cause] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def by_theme(self) -> list[tuple[str, list[Sentence]]]:
        out = []
        for theme in vi.THEME_ORDER:
            mine = [s for s in self.sentences if s.theme == theme]
            if mine:
                out.append((theme, mine))
        return out


def inline_title(title: str) -> str:
    """A rule title placed inside a sentence: first letter lower-cased unless it starts an acronym or a name."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def _values(f: Finding) -> dict[str, str]:
    values = dict(f.values)
    values["title"] = inline_title(f.title)
    return values


def _quantified(f: Finding) -> str:
    """'kết quả 0 mô hình; chỉ tiêu ít nhất 01 mô hình; còn thiếu 01 mô hình; đạt 0%' for numeric findings."""
    if f.target is None or not isinstance(f.target.value, (int, float)) or isinstance(f.target.value, bool):
        return ""
    parts = [f"kết quả {f.actual_display}", f"chỉ tiêu {f.target.display}"]
    values = f.values
    if f.shortfall:
        parts.append(f"còn thiếu {values.get('shortfall')}")
    if f.achievement_pct is not None:
        parts.append(f"đạt {vi.percent(f.achievement_pct)}")
    return "; ".join(parts)


def _citation(f: Finding) -> str:
    return f"{f.source.citation}: {f.source.clause}"


def _periods(findings: list[Finding]) -> list[str]:
    return list(dict.fromkeys(f.period.label for f in findings))


def _join(labels: list[str]) -> str:
    return ", ".join(labels)


def write_section(result: AuditResult, cf: CommuneFacts) -> Section:
    cat = result.catalogue
    by_id = cat.by_id
    mine = [f for f in result.findings if f.commune.id == cf.commune.id]
    section = Section(commune=cf.commune.name, commune_id=cf.commune.id, as_of=vi.date(cf.as_of))
    linked = {ls.statement.rule: ls for ls in cf.statements if ls.statement.rule and ls.statement.kind == "shortcoming"}

    # 1. what the findings say is short: unmet, at risk, and the report's own figures that do not follow
    for f in mine:
        lr = by_id[f.rule_id]
        rule = lr.rule
        at_risk = f.status == "pending" and f.outlook == "at_risk"
        if f.status != "unmet" and not at_risk:
            continue
        values = _values(f)
        text = templates.sentence(templates.render(rule.shortcoming or DEFAULT_SHORTCOMING, values))
        quant = _quantified(f)
        if quant and lr.kind.judges_target:
            text = text.rstrip(".") + f" ({quant})."
        kind = "consistency" if lr.kind.checks_figures else ("at_risk" if at_risk else "shortfall")
        if at_risk:
            text = AT_RISK.format(text=text[:1].lower() + text[1:])
        stated = linked.pop(f.rule_id, None)
        sentence = Sentence(text, kind, f.theme, f.severity, [f.rule_id], [f.period.label],
                            None if lr.kind.checks_figures else _citation(f),
                            [x.report_line for x in f.facts], body_only=bool(stated and not stated.statement.in_summary),
                            order=lr.index)
        if stated is not None:
            sentence.report_lines = [stated.statement.source.line]
        sentence.remedy = templates.sentence(templates.render(rule.remedy or DEFAULT_REMEDY, values))
        section.sentences.append(sentence)
        if rule.cause:
            section.causes.append(Cause(templates.sentence(templates.render(rule.cause, values)), rule.cause_type,
                                        f"quy tắc {f.rule_id}"))

    # 2. what the report states as short (its section III.2, and its body)
    for ls in cf.statements:
        st = ls.statement
        if st.kind == "shortcoming" and (st.rule is None or st.rule in linked):
            section.sentences.append(Sentence(st.text, "stated", st.theme or "dan_van_chinh_quyen", None,
                                              [st.rule] if st.rule else [], [], None, [st.source.line],
                                              body_only=not st.in_summary, order=10 ** 6 + st.source.line))
        elif st.kind == "cause":
            section.causes.append(Cause(st.text, st.cause_type, f"báo cáo, dòng {st.source.line}"))

    # 3. what the report does not show: results resting on a claim or a bound, and targets it says nothing about
    evidence_items: list[str] = []
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in mine:
        judges_target = by_id[f.rule_id].kind.judges_target
        if f.status == "met" and f.evidence is not None and f.evidence.counted_on_claim:
            text = templates.sentence(templates.render(EVIDENCE_GAP, _values(f)))
            section.sentences.append(Sentence(text, "evidence", f.theme, "minor", [f.rule_id], [f.period.label],
                                              None, [x.report_line for x in f.facts], order=by_id[f.rule_id].index))
            evidence_items.append(f"{inline_title(f.title)} ({f.period.label})")
        elif f.status == "met" and f.evidence_level in ("claimed", "bound") and judges_target:
            groups.setdefault((f.rule_id, f.evidence_level), []).append(f)
        elif f.status == "insufficient_data" and f.reason == "no_fact" and judges_target:
            groups.setdefault((f.rule_id, "no_data"), []).append(f)
    no_data: dict[str, list[str]] = {}
    for (rule_id, kind), fs in groups.items():
        first = fs[0]
        periods = _periods(fs)
        if kind == "no_data":
            no_data.setdefault(first.theme, []).append(f"{inline_title(first.title)} ({_join(periods)})")
            continue
        why = ""
        notes = list(dict.fromkeys(n for f in fs for n in f.evidence_notes))
        if notes:
            why = " — " + "; ".join(n.rstrip(".")[:1].lower() + n.rstrip(".")[1:] for n in notes)
        template = CLAIM_ONLY if kind == "claimed" else BOUND_ONLY
        text = template.format(title=inline_title(first.title), periods=_join(periods), actual=first.actual_display,
                               why=why)
        section.sentences.append(Sentence(templates.sentence(text), "evidence", first.theme, "minor", [rule_id],
                                          periods, None, [x.report_line for f in fs for x in f.facts],
                                          order=by_id[rule_id].index))
        evidence_items.append(f"{inline_title(first.title)} ({_join(periods)})")
    for theme, items in no_data.items():
        section.sentences.append(Sentence(NO_DATA.format(items="; ".join(items)), "no_data", theme, "minor",
                                          order=10 ** 7))

    section.sentences.sort(key=lambda s: (vi.THEME_ORDER.index(s.theme), KIND_ORDER[s.kind],
                                          _rank(s.severity), s.order, s.periods))

    # 4. tasks: one per distinct remedy, in the order of the shortcomings they answer, then the report's own
    remedies: dict[str, Task] = {}
    for s in section.sentences:
        if s.remedy:
            remedies.setdefault(s.remedy, Task(s.remedy)).answers += [f"{r} ({', '.join(s.periods)})" for r in s.rule_ids]
    section.tasks = list(remedies.values())
    if evidence_items:
        section.tasks.append(Task(EVIDENCE_TASK.format(items="; ".join(evidence_items)), ["căn cứ số liệu"]))
    all_no_data = [item for items in no_data.values() for item in items]
    if all_no_data:
        section.tasks.append(Task(NO_DATA_TASK.format(items="; ".join(all_no_data)), ["chưa có số liệu"]))
    for ls in cf.statements:
        if ls.statement.kind == "task":
            section.tasks.append(Task(ls.statement.text, [f"báo cáo, dòng {ls.statement.source.line}"], from_report=True))
    return section


def _rank(severity: Optional[str]) -> int:
    return vi.SEVERITY_ORDER.index(severity) if severity in vi.SEVERITY_ORDER else len(vi.SEVERITY_ORDER)


# --------------------------------------------------------------------------------------------------- plain text

CAUSE_HEADINGS = (("khach_quan", "Nguyên nhân khách quan"), ("chu_quan", "Nguyên nhân chủ quan"),
                  (None, "Nguyên nhân chưa phân loại"))


def cause_groups(section: Section) -> list[tuple[str, list[Cause], bool]]:
    """(heading, causes, must_show) — khách quan and chủ quan always shown, saying so when the report is silent."""
    out = []
    for key, heading in CAUSE_HEADINGS:
        items = [c for c in section.causes if c.cause_type == key]
        if items or key is not None:
            out.append((heading, items, key is not None))
    return out


def render_text(section: Section) -> str:
    lines = ["2. Tồn tại, hạn chế và nguyên nhân", "", "a) Tồn tại, hạn chế"]
    if not section.sentences:
        lines.append("- Qua đối chiếu với các chỉ tiêu đã mã hóa, chưa phát hiện tồn tại, hạn chế.")
    for theme, sentences in section.by_theme():
        lines.append(f"* {vi.THEME_LABELS[theme]}:")
        lines += [f"- {s.full_text}" for s in sentences]
    lines += ["", "b) Nguyên nhân"]
    for heading, causes, _ in cause_groups(section):
        if causes:
            lines.append(f"* {heading}:")
            lines += [f"- {c.text}" for c in causes]
        else:
            lines.append(f"* {heading}: báo cáo chưa nêu.")
    lines += ["", "IV. NHIỆM VỤ TRONG THỜI GIAN ĐẾN", ""]
    for i, t in enumerate(section.tasks, 1):
        lines.append(f"{i}. {t.text}")
    return "\n".join(lines) + "\n"
