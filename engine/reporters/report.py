"""The auditor's report as Markdown, plain text and JSON (the DOCX lives in docx_out)."""

from __future__ import annotations

import json

from .. import __version__, vi
from ..document import TABLE_HEADER, ReportDoc
from ..narrative import KIND_LABELS, Section, cause_groups
from ._text import clean, md

SCHEMA = "chitieu.report/1"
SECTION_II = "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN (dự thảo mục III.2 của báo cáo)"
SECTION_III = "III. NHIỆM VỤ TRONG THỜI GIAN ĐẾN (dự thảo mục IV của báo cáo)"


def _md_section(section: Section, level: str) -> list[str]:
    lines = [f"{level} a) Tồn tại, hạn chế", ""]
    if not section.sentences:
        lines += ["Qua đối chiếu với các chỉ tiêu đã mã hóa, chưa phát hiện tồn tại, hạn chế.", ""]
    for theme, sentences in section.by_theme():
        lines += [f"**{vi.THEME_LABELS[theme]}**", ""]
        lines += [f"- {md(s.full_text)}" for s in sentences] + [""]
    lines += [f"{level} b) Nguyên nhân", ""]
    for heading, causes, _ in cause_groups(section):
        if causes:
            lines += [f"**{heading}**", ""] + [f"- {md(c.text)}" for c in causes] + [""]
        else:
            lines += [f"**{heading}**: báo cáo chưa nêu.", ""]
    return lines


def render_md(doc: ReportDoc) -> str:
    lines = [f"**{md(doc.parent)}**<br>**{md(doc.issuer)}**<br>{md(doc.number)}", "",
             "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**", "",
             f"*{md(doc.place_date)}*", "", f"# {md(doc.title)}", "", f"**{md(doc.subtitle)}**", "", md(doc.intro), ""]
    multi = len(doc.communes) > 1
    for cr in doc.communes:
        if multi:
            lines += [f"## {md(cr.commune.commune.name)}", ""]
        h2, h3 = ("###", "####") if multi else ("##", "###")
        lines += [f"{h2} I. KẾT QUẢ ĐỐI CHIẾU CÁC CHỈ TIÊU", "",
                  "| " + " | ".join(TABLE_HEADER) + " |", "|" + "---|" * len(TABLE_HEADER)]
        lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in cr.rows]
        lines += ["", md(cr.summary), "", f"{h2} {SECTION_II}", ""]
        lines += _md_section(cr.section, h3)
        lines += [f"{h2} {SECTION_III}", ""]
        lines += [f"{i}. {md(t.text)}" for i, t in enumerate(cr.section.tasks, 1)] + [""]
    lines += ["**Nơi nhận:**", ""] + [f"- {md(r)}" for r in doc.recipients] + [""]
    lines += [f"**{md(doc.signer_title)}**<br>**{md(doc.signer_role)}**"
              + (f"<br><br>**{md(doc.signer_name)}**" if doc.signer_name else ""), ""]
    lines += ["---", "", f"*Sinh bởi chitieu {__version__}; danh mục: {md(doc.catalogue)}.*"]
    return "\n".join(lines) + "\n"


def render_txt(doc: ReportDoc) -> str:
    from ..narrative import render_text

    blocks = []
    for cr in doc.communes:
        head = f"{cr.commune.commune.name.upper()}\n\n" if len(doc.communes) > 1 else ""
        blocks.append(head + render_text(cr.section))
    return clean("\n".join(blocks))


def document(doc: ReportDoc) -> dict:
    return {
        "schema": SCHEMA,
        "engine_version": __version__,
        "catalogue": doc.catalogue,
        "header": {"parent": doc.parent, "issuer": doc.issuer, "number": doc.number, "place_date": doc.place_date,
                   "title": doc.title, "subtitle": doc.subtitle},
        "communes": [
            {
                "id": cr.commune.commune.id,
                "name": cr.commune.commune.name,
                "table": {"header": list(TABLE_HEADER),
                          "rows": cr.rows},
                "summary": cr.summary,
                "shortcomings": [
                    {"text": s.full_text, "kind": s.kind, "kind_label": KIND_LABELS[s.kind], "theme": s.theme,
                     "theme_label": vi.THEME_LABELS[s.theme], "severity": s.severity, "rules": s.rule_ids,
                     "periods": s.periods, "report_lines": s.report_lines, "stated_in_body_only": s.body_only}
                    for s in cr.section.sentences],
                "causes": [{"text": c.text, "type": c.cause_type, "origin": c.origin} for c in cr.section.causes],
                "tasks": [{"text": t.text, "answers": t.answers, "from_report": t.from_report} for t in cr.section.tasks],
            }
            for cr in doc.communes
        ],
        "recipients": doc.recipients,
    }


def render_json(doc: ReportDoc) -> str:
    return json.dumps(document(doc), ensure_ascii=False, indent=2) + "\n"
