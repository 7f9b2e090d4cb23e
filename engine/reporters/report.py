"""The auditor's report as Markdown, plain text and JSON (the DOCX lives in docx_out)."""

from __future__ import annotations

import json

from .. import __version__, vi
from ..document import TABLE_HEADER, ReportDoc
from ..narrative import KIND_LABELS, Section, cause_groups

SCHEMA = "chitieu.report/1"
SECTION_II = "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN (dự thảo mục III.2 của báo cáo)"
SECTION_III = "III. NHIỆM VỤ TRONG THỜI GIAN ĐẾN (dự thảo mục IV của báo cáo)"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_section(section: Section, level: str) -> list[str]:
    lines = [f"{level} a) Tồn tại, hạn chế", ""]
    if not section.sentences:
        lines += ["Qua đối chiếu với các chỉ tiêu đã mã hóa, chưa phát hiện tồn tại, hạn chế.", ""]
    for theme, sentences in section.by_theme():
        lines += [f"**{vi.THEME_LABELS[theme]}**", ""]
        lines += [f"- {s.full_text}" for s in sentences] + [""]
    lines += [f"{level} b) Nguyên nhân", ""]
    for heading, causes, _ in cause_groups(section):
        if causes:
            lines += [f"**{heading}**", ""] + [f"- {c.text}" for c in causes] + [""]
        else:
            lines += [f"**{heading}**: báo cáo chưa nêu.", ""]
    return lines


def render_md(doc: ReportDoc) -> str:
    lines = [f"**{doc.parent}**<br>**{doc.issuer}**<br>{doc.number}", "",
             "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**", "",
             f"*{doc.place_date}*", "", f"# {doc.title}", "", f"**{doc.subtitle}**", ""]
    lines += [f"> **{w}**\n" for w in doc.warnings]
    lines += [doc.intro, ""]
    multi = len(doc.communes) > 1
    for cr in doc.communes:
        if multi:
            lines += [f"## {cr.commune.commune.name}", ""]
        h2, h3 = ("###", "####") if multi else ("##", "###")
        lines += [f"{h2} I. KẾT QUẢ ĐỐI CHIẾU CÁC CHỈ TIÊU", "",
                  "| " + " | ".join(TABLE_HEADER) + " |", "|" + "---|" * len(TABLE_HEADER)]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in cr.rows]
        lines += ["", cr.summary, "", f"{h2} {SECTION_II}", ""]
        lines += _md_section(cr.section, h3)
        lines += [f"{h2} {SECTION_III}", ""]
        lines += [f"{i}. {t.text}" for i, t in enumerate(cr.section.tasks, 1)] + [""]
    lines += ["**Nơi nhận:**", ""] + [f"- {r}" for r in doc.recipients] + [""]
    lines += [f"**{doc.signer_title}**<br>**{doc.signer_role}**" + (f"<br><br>**{doc.signer_name}**" if doc.signer_name else ""), ""]
    lines += ["---", "", f"*Sinh bởi chitieu {__version__}; danh mục: {doc.catalogue}.*"]
    return "\n".join(lines) + "\n"


def render_txt(doc: ReportDoc) -> str:
    from ..narrative import render_text

    blocks = []
    for cr in doc.communes:
        head = f"{cr.commune.commune.name.upper()}\n\n" if len(doc.communes) > 1 else ""
        blocks.append(head + render_text(cr.section))
    return "".join(w + "\n\n" for w in doc.warnings) + "\n".join(blocks)


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
        "warnings": doc.warnings,
    }


def render_json(doc: ReportDoc) -> str:
    return json.dumps(document(doc), ensure_ascii=False, indent=2) + "\n"
