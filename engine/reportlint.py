"""A consistency check of a commune's report itself: what a careful reader would query before using its figures.

Each problem is a located warning (``path:line:col: warning[report-…]: …``). Figures are checked by the engine: the
report's facts are drafted by engine.intake and the catalogue's claim checks recompute what the report derives.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from . import vi
from .audit import run_audit
from .catalogue import Catalogue
from .diagnostics import Diagnostics
from .facts import load_inputs
from .intake import Extraction, _fold, extract, to_yaml
from .reporttext import ReportText, clean, encoding_note, read_report

TYPOS = {"trực quang": "trực quan", "nỗi cộm": "nổi cộm", "phần đầu": "phấn đấu"}
_DUP = re.compile(r"\b(\w+(?: \w+)?) \1\b", re.I)


class Problems:
    def __init__(self, report: ReportText, diags: Diagnostics):
        self.report, self.diags, self.path = report, diags, report.path

    def add(self, line: int, needle: str | None, code: str, message: str, message_vi: str = "") -> None:
        """A problem at ``line`` (the column of ``needle``), in English and in Vietnamese (the review sheet's)."""
        self.diags.warning(self.path, line, self.col(line, needle), code, message, message_vi=message_vi)

    def col(self, line: int, needle: str | None) -> int:
        """Column of ``needle`` in the line as written (emphasis marks skipped), else 1."""
        if not needle or not 1 <= line <= len(self.report.lines):
            return 1
        raw = self.report.lines[line - 1]
        at = raw.find(needle)
        if at < 0:  # the needle as cleaned text: any case, emphasis marks allowed between its characters
            rx = "[*_]*".join(re.escape(c) for c in needle[:40])
            m = re.search(rx, raw, re.I)
            at = m.start() if m else -1
        return at + 1 if at >= 0 else 1


def lint_report(cat: Catalogue, path: Path, diags: Diagnostics) -> Extraction:
    report = read_report(path)
    note = encoding_note(report)
    if note:
        diags.note(path, 1, 1, "encoding", note)
    ex = extract(cat, report)
    p = Problems(report, diags)
    _names(ex, p)
    _blanks(report, p)
    _numbering(report, p)
    _brackets(report, p)
    _splits(report, p)
    _wording(report, ex, p)
    _evidence(cat, ex, p)
    _summary(ex, p)
    _figures(cat, ex, p)
    return ex


def _names(ex: Extraction, p: Problems) -> None:
    spellings = ex.header.commune_spellings
    if len(spellings) < 2:
        return
    chosen = ex.header.commune
    for name, lines in spellings.items():
        if name == chosen:
            continue
        for line in lines:
            p.add(line, name, "report-name", f"the unit's name is written “{name}” here but “{chosen}” "
                  f"{len(spellings[chosen])} times elsewhere (lines {', '.join(map(str, spellings[chosen]))})",
                  f"tên đơn vị viết “{name}”, các chỗ khác viết “{chosen}”")


def _blanks(report: ReportText, p: Problems) -> None:
    for i, line in enumerate(report.lines, 1):
        text = clean(line)
        if re.match(r"^Số:\s*/", text):
            p.add(i, "Số:", "report-blank", "the document number is blank (“Số: /…”): an unissued draft",
                  "số văn bản để trống (“Số: /…”)")
        m = re.search(r"ngày\s+tháng\s+\d*\s*năm", text)
        if m:
            p.add(i, "ngày", "report-blank", "the day of the date line is blank: an unissued draft",
                  "ngày ban hành để trống")


def _numbering(report: ReportText, p: Problems) -> None:
    """Headings 1., 2. and 2.1, 2.2 … numbered in sequence under their parent."""
    last_major = 0
    last_sub: dict[int, int] = {}
    for para in report.paragraphs:
        text = para.text
        if re.match(r"^[IVX]+\.\s", text):
            last_major, last_sub = 0, {}
            continue
        m = re.match(r"^(\d+)\.(\d+)\.\s", text)
        if m:
            major, sub = int(m.group(1)), int(m.group(2))
            if major != last_major:
                expected_sub = last_sub.get(last_major, 0) + 1
                p.add(para.line, m.group(0).strip(), "report-numbering",
                      f"section {major}.{sub} follows {last_major}.{last_sub.get(last_major, 0)}: expected "
                      f"{last_major}.{expected_sub}",
                      f"đánh số mục {major}.{sub} sau mục {last_major}.{last_sub.get(last_major, 0)}; đúng ra là "
                      f"{last_major}.{expected_sub}")
                last_sub[last_major] = expected_sub
                continue
            expected = last_sub.get(major, 0) + 1
            if sub != expected:
                p.add(para.line, m.group(0).strip(), "report-numbering", f"section {major}.{sub} is out of sequence: "
                      f"expected {major}.{expected}", f"mục {major}.{sub} đánh số không liên tục; đúng ra là "
                      f"{major}.{expected}")
            last_sub[major] = sub
            continue
        m = re.match(r"^(\d+)\.\s", text)
        if m and len(text) < 200 and not para.text.endswith("."):
            last_major = int(m.group(1))


_MARKER = re.compile(r"(?:^|(?<=[\s;:,.]))(?:[a-zđ]|[0-9]{1,2}|[ivx]{1,4})\)(?=\s)", re.I)


def _closers(text: str) -> int:
    """The ')' that close a bracket: "a)", "b)", "1)" opening a list item close nothing (none is open)."""
    depth = closed = 0
    markers = {m.end() - 1 for m in _MARKER.finditer(text)}
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and not (depth == 0 and i in markers):
            closed += 1
            depth = max(0, depth - 1)
    return closed


def _brackets(report: ReportText, p: Problems) -> None:
    pairs = (("(", ")"), ("“", "”"), ("[", "]"))
    for para in report.paragraphs:
        for o, c in pairs:
            opened, closed = para.text.count(o), (_closers(para.text) if c == ")" else para.text.count(c))
            if opened != closed:
                p.add(para.line, o if opened > closed else c, "report-brackets",
                      f"{opened} “{o}” but {closed} “{c}” in this paragraph",
                      f"đoạn văn có {opened} dấu “{o}” nhưng {closed} dấu “{c}”")
        if para.text.count('"') % 2:
            p.add(para.line, '"', "report-brackets", "an odd number of straight quotes (\") in this paragraph",
                  "dấu ngoặc kép (\") không khép")


def _splits(report: ReportText, p: Problems) -> None:
    for para in report.paragraphs:
        for line in para.joined_at:
            first = clean(report.lines[line - 1]).split(" ")[0]
            p.add(line, first, "report-split", "this line continues the sentence of an earlier line across a break "
                  "(page break in mid-sentence); read them together", "câu bị ngắt sang dòng khác giữa chừng")


def _wording(report: ReportText, ex: Extraction, p: Problems) -> None:
    as_of = ex.header.as_of
    for i, line in enumerate(report.lines, 1):
        text = clean(line)
        low = text.lower()
        for wrong, right in TYPOS.items():
            if wrong in low:
                p.add(i, text[low.index(wrong):low.index(wrong) + len(wrong)], "report-typo",
                      f"“{wrong}” should read “{right}”", f"viết sai “{wrong}”, đúng là “{right}”")
        for m in _DUP.finditer(text):
            if m.group(1).isdigit():
                continue
            p.add(i, m.group(0), "report-typo", f"“{m.group(1)}” is written twice", f"lặp từ “{m.group(1)}”")
        m = re.search(r"(\d+) chỉ tiêu trong bộ tiêu chí", text)
        if m:
            p.add(i, m.group(0), "report-term", f"“{m.group(0)}”: the set has {m.group(1)} tiêu chí (criteria), each "
                  "made of several chỉ tiêu (indicators)", f"“{m.group(0)}”: bộ tiêu chí có {m.group(1)} tiêu chí, "
                  "mỗi tiêu chí gồm nhiều chỉ tiêu; viết “tiêu chí”")
        m = re.search(r"đến cuối năm (\d{4})", text)
        if m and as_of and int(m.group(1)) >= as_of.year and as_of.month < 12:
            p.add(i, m.group(0), "report-future", f"“{m.group(0)}” is stated in a report whose figures stop at "
                  f"{vi.date(as_of)}: the year's result is not known yet", f"nêu kết quả “{m.group(0)}” trong khi "
                  f"số liệu chỉ đến {vi.as_of(as_of, month_only=ex.header.as_of_month_only)}")
        for m in re.finditer(r"hoàn thành 100% chỉ tiêu", text):
            if not re.search(r"\d+\s*(?:hộ|mô hình|khu|người)\b[^.]*?(?:được giao|chỉ tiêu)", text):
                p.add(i, m.group(0), "report-no-threshold", "“hoàn thành 100% chỉ tiêu” without the number the "
                      "target set: it cannot be checked", "nêu “hoàn thành 100% chỉ tiêu” nhưng không nêu mức chỉ "
                      "tiêu được giao nên không kiểm chứng được")


def _evidence(cat: Catalogue, ex: Extraction, p: Problems) -> None:
    """Items counted toward a target: each should cite its founding decision, dated after the plan, by the UBND."""
    plans = {}
    for lr in cat.rules:
        for _, m in lr.rule.measures():
            if m.evidence:
                plans.setdefault(m.of, lr.document)
    for f in ex.facts:
        plan = plans.get(f.indicator)
        if plan is None or f.items is None:
            continue
        for item in f.items:
            name = item["name"]
            if "decision" not in item:
                p.add(f.line, name[:30], "report-evidence", f"“{name}” is counted toward the target without the "
                      "decision that founded or recognised it", f"mô hình “{name}” được tính vào chỉ tiêu nhưng chưa "
                      "dẫn quyết định thành lập, công nhận")
            else:
                date = item["decision"].get("date")
                if date and date < plan.date.isoformat():
                    d = item["decision"]
                    p.add(f.line, d["number"], "report-decision-date",
                          f"{d['kind']} số {d['number']} ({date[8:]}/{date[5:7]}/{date[:4]}) founding “{name}” is dated "
                          f"before {plan.citation}, under which the model is counted",
                          f"{d['kind']} số {d['number']} ngày {date[8:]}/{date[5:7]}/{date[:4]} thành lập mô hình "
                          f"“{name}” ban hành trước {plan.citation} mà mô hình được tính vào")
            if item.get("owner"):
                p.add(f.line, name[:30], "report-owner", f"“{name}” was founded by {item['owner']} (the report says "
                      "so elsewhere) but is counted toward the UBND's own target", f"mô hình “{name}” do "
                      f"{item['owner']} thành lập nhưng được tính vào chỉ tiêu của UBND xã")


def _summary(ex: Extraction, p: Problems) -> None:
    summary = [s["text"] for s in ex.statements if s["kind"] == "shortcoming" and s.get("in_summary")]
    folded = " ".join(_fold(s).lower() for s in summary)
    for s in ex.statements:
        if s["kind"] != "shortcoming" or s.get("in_summary"):
            continue
        key = _fold(s["quote"]).lower()[:40]
        if key not in folded:
            p.add(s["line"], s["quote"][:30], "report-summary", f"“{s['quote']}” is stated here but left out of the "
                  "section “Tồn tại, hạn chế”", f"hạn chế “{s['quote']}” nêu ở phần kết quả nhưng chưa đưa vào mục "
                  "“Tồn tại, hạn chế”")


# a check of the report's own figures that fails: the figures disagree, or they need clarifying
FIGURE_CODES = {"unmet": "report-figure", "needs_clarification": "report-unclear"}


def _figures(cat: Catalogue, ex: Extraction, p: Problems) -> None:
    """The report's own derived figures recomputed by the catalogue's claim checks, and readings that disagree."""
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.yaml"
        draft.write_text(to_yaml(ex, commune_id="lint/xa", report_file=str(ex.report.path.resolve())), encoding="utf-8")
        diags = Diagnostics()
        communes, _ = load_inputs([draft], cat, diags)
        if diags.has_errors() or not communes:
            return
        result = run_audit(cat, communes)
    for f in result.findings:
        lr = cat.by_id[f.rule_id]
        if not lr.kind.checks_figures or f.status not in FIGURE_CODES:
            continue
        stated = next((x for x in f.facts if x.indicator == lr.rule.primary_indicator), f.facts[0] if f.facts else None)
        if stated is None:
            continue
        message = unicodedata.normalize("NFC", f.message)
        p.add(stated.report_line, stated.quote[:30], FIGURE_CODES[f.status], message, message)
    for d in ex.facts:
        for note in d.notes:
            if note.startswith("báo cáo cũng nêu khác"):
                p.add(d.line, d.quote[:30], "report-contradiction", f"'{d.indicator}' is read differently elsewhere: {note}",
                      f"số liệu nêu khác nhau ở hai chỗ: {note}")
