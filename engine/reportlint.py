"""A consistency check of a commune's report itself: what a careful reader would query before using its figures.

Each problem is a located warning (``path:line:col: warning[report-…]: …``). Figures are checked by the engine: the
report's facts are drafted by engine.intake and the catalogue's claim checks recompute what the report derives.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from . import grammar as g
from . import reportform
from . import vi
from .audit import run_audit
from .catalogue import Catalogue
from .model import Document
from .diagnostics import Diagnostics
from .facts import CommuneFacts, load_fact_document
from .intake import Extraction, Unknown, extract, slug, to_document
from .reporttext import ReportText, clean, encoding_note, fold, for_matching, read_report

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
    reportform.check(report.lines, p)
    _evidence(cat, ex, p)
    _summary(ex, p)
    _figures(cat, ex, p)
    _text_figures(report, p)
    return ex


def _names(ex: Extraction, p: Problems) -> None:
    spellings = ex.header.commune_spellings
    if len(spellings) < 2:
        return
    chosen = ex.header.commune
    if chosen is None:
        return
    for name, lines in spellings.items():
        if name == chosen:
            continue
        for line in lines:
            p.add(
                line,
                name,
                "report-name",
                f"the unit's name is written “{name}” here but “{chosen}” "
                f"{len(spellings[chosen])} times elsewhere (lines {', '.join(map(str, spellings[chosen]))})",
                f"tên đơn vị viết “{name}”, các chỗ khác viết “{chosen}”",
            )


def _blanks(report: ReportText, p: Problems) -> None:
    for i, line in enumerate(report.lines, 1):
        text = clean(line)
        if re.match(r"^Số:\s*/", text):
            p.add(
                i,
                "Số:",
                "report-blank",
                "the document number is blank (“Số: /…”): an unissued draft",
                "số văn bản để trống (“Số: /…”)",
            )
        m = re.search(r"ngày\s+tháng\s+\d*\s*năm", text)
        if m:
            p.add(
                i,
                "ngày",
                "report-blank",
                "the day of the date line is blank: an unissued draft",
                "ngày ban hành để trống",
            )


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
                p.add(
                    para.line,
                    m.group(0).strip(),
                    "report-numbering",
                    f"section {major}.{sub} follows {last_major}.{last_sub.get(last_major, 0)}: expected "
                    f"{last_major}.{expected_sub}",
                    f"đánh số mục {major}.{sub} sau mục {last_major}.{last_sub.get(last_major, 0)}; đúng ra là "
                    f"{last_major}.{expected_sub}",
                )
                last_sub[last_major] = expected_sub
                continue
            expected = last_sub.get(major, 0) + 1
            if sub != expected:
                p.add(
                    para.line,
                    m.group(0).strip(),
                    "report-numbering",
                    f"section {major}.{sub} is out of sequence: expected {major}.{expected}",
                    f"mục {major}.{sub} đánh số không liên tục; đúng ra là {major}.{expected}",
                )
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
                p.add(
                    para.line,
                    o if opened > closed else c,
                    "report-brackets",
                    f"{opened} “{o}” but {closed} “{c}” in this paragraph",
                    f"đoạn văn có {opened} dấu “{o}” nhưng {closed} dấu “{c}”",
                )
        if para.text.count('"') % 2:
            p.add(
                para.line,
                '"',
                "report-brackets",
                "an odd number of straight quotes (\") in this paragraph",
                "dấu ngoặc kép (\") không khép",
            )


def _splits(report: ReportText, p: Problems) -> None:
    for para in report.paragraphs:
        for line in para.joined_at:
            first = clean(report.lines[line - 1]).split(" ")[0]
            p.add(
                line,
                first,
                "report-split",
                "this line continues the sentence of an earlier line across a break "
                "(page break in mid-sentence); read them together",
                "câu bị ngắt sang dòng khác giữa chừng",
            )


def _wording(report: ReportText, ex: Extraction, p: Problems) -> None:
    as_of = ex.header.as_of
    m: re.Match[str] | None
    for i, line in enumerate(report.lines, 1):
        text = clean(line)
        for m in _DUP.finditer(text):
            if m.group(1).isdigit():
                continue
            p.add(i, m.group(0), "report-typo", f"“{m.group(1)}” is written twice", f"lặp từ “{m.group(1)}”")
        m = re.search(r"(\d+) chỉ tiêu trong bộ tiêu chí", text)
        if m:
            p.add(
                i,
                m.group(0),
                "report-term",
                f"“{m.group(0)}”: the set has {m.group(1)} tiêu chí (criteria), each "
                "made of several chỉ tiêu (indicators)",
                f"“{m.group(0)}”: bộ tiêu chí có {m.group(1)} tiêu chí, "
                "mỗi tiêu chí gồm nhiều chỉ tiêu; viết “tiêu chí”",
            )
        m = re.search(r"đến cuối năm (\d{4})", text)
        if m and as_of and int(m.group(1)) >= as_of.year and as_of.month < 12:
            p.add(
                i,
                m.group(0),
                "report-future",
                f"“{m.group(0)}” is stated in a report whose figures stop at "
                f"{vi.date(as_of)}: the year's result is not known yet",
                f"nêu kết quả “{m.group(0)}” trong khi "
                f"số liệu chỉ đến {vi.as_of(as_of, month_only=ex.header.as_of_month_only)}",
            )
        for m in re.finditer(r"hoàn thành 100% chỉ tiêu", text):
            if not re.search(r"\d+\s*(?:hộ|mô hình|khu|người)\b[^.]*?(?:được giao|chỉ tiêu)", text):
                p.add(
                    i,
                    m.group(0),
                    "report-no-threshold",
                    "“hoàn thành 100% chỉ tiêu” without the number the target set: it cannot be checked",
                    "nêu “hoàn thành 100% chỉ tiêu” nhưng không nêu mức chỉ tiêu được giao nên không kiểm chứng được",
                )


def _evidence(cat: Catalogue, ex: Extraction, p: Problems) -> None:
    """Items counted toward a target: each should cite its founding decision, dated after the plan, by the UBND."""
    plans: dict[str, Document] = {}
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
                p.add(
                    f.line,
                    name[:30],
                    "report-evidence",
                    f"“{name}” is counted toward the target without the decision that founded or recognised it",
                    f"mô hình “{name}” được tính vào chỉ tiêu nhưng chưa dẫn quyết định thành lập, công nhận",
                )
            else:
                date = item["decision"].get("date")
                if date and date < plan.date.isoformat():
                    d = item["decision"]
                    p.add(
                        f.line,
                        d["number"],
                        "report-decision-date",
                        f"{d['kind']} số {d['number']} ({date[8:]}/{date[5:7]}/{date[:4]}) founding “{name}” is dated "
                        f"before {plan.citation}, under which the model is counted",
                        f"{d['kind']} số {d['number']} ngày {date[8:]}/{date[5:7]}/{date[:4]} thành lập mô hình "
                        f"“{name}” ban hành trước {plan.citation} mà mô hình được tính vào",
                    )
            if item.get("owner"):
                p.add(
                    f.line,
                    name[:30],
                    "report-owner",
                    f"“{name}” was founded by {item['owner']} (the report says "
                    "so elsewhere) but is counted toward the UBND's own target",
                    f"mô hình “{name}” do {item['owner']} thành lập nhưng được tính vào chỉ tiêu của UBND xã",
                )


def _summary(ex: Extraction, p: Problems) -> None:
    summary = [s["text"] for s in ex.statements if s["kind"] == "shortcoming" and s.get("in_summary")]
    folded = " ".join(fold(s).lower() for s in summary)
    for s in ex.statements:
        if s["kind"] != "shortcoming" or s.get("in_summary"):
            continue
        key = fold(s["quote"]).lower()[:40]
        if key not in folded:
            p.add(
                s["line"],
                s["quote"][:30],
                "report-summary",
                f"“{s['quote']}” is stated here but left out of the section “Tồn tại, hạn chế”",
                f"hạn chế “{s['quote']}” nêu ở phần kết quả nhưng chưa đưa vào mục “Tồn tại, hạn chế”",
            )


# a check of the report's own figures that fails: the figures disagree, or they need clarifying
FIGURE_CODES = {"unmet": "report-figure", "needs_clarification": "report-unclear"}


def _figures(cat: Catalogue, ex: Extraction, p: Problems) -> None:
    """The report's own derived figures recomputed by the catalogue's claim checks, and readings that disagree."""
    # the commune with the id the plans its title names give (they say whom they cover), so that the checks of the
    # plans covering it apply; else a stand-in id
    bare = vi.bare_name(ex.header.commune or "")
    known = cat.commune_id_for(slug(bare), ex.header.title or "") if bare else None
    try:
        doc = to_document(
            ex,
            ex.report.path,
            commune_id=known or "lint/xa",
            name=ex.header.commune or "xã chưa rõ tên",
            as_of=None if ex.header.as_of else dt.date.today(),
            report_file=str(ex.report.path.resolve()),
        )
    except Unknown:
        return
    diags = Diagnostics()
    communes: dict[str, CommuneFacts] = {}
    load_fact_document(doc, cat, diags, communes)
    if diags.has_errors() or not communes:
        return
    result = run_audit(cat, list(communes.values()))
    for f in result.findings:
        lr = cat.by_id[f.rule_id]
        if not lr.kind.checks_figures or f.status not in FIGURE_CODES:
            continue
        stated = next((x for x in f.facts if x.indicator == lr.rule.primary_indicator), f.facts[0] if f.facts else None)
        if stated is None or stated.report_line is None:  # a text report's fact has its line
            continue
        message = unicodedata.normalize("NFC", f.message)
        p.add(stated.report_line, stated.quote[:30], FIGURE_CODES[f.status], message, message)
    for d in ex.facts:
        for note in d.notes:
            if note.startswith("báo cáo cũng nêu khác"):
                p.add(
                    d.line,
                    d.quote[:30],
                    "report-contradiction",
                    f"'{d.indicator}' is read differently elsewhere: {note}",
                    f"số liệu nêu khác nhau ở hai chỗ: {note}",
                )


# --------------------------------------------------------------------------------------------------- figures in the text


def _num(value) -> str:
    """A figure as the report would write it: 87,5 (decimal comma), 40."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _off(part, whole, pct) -> bool:
    """Whether ``pct`` is not part/whole as a percentage, allowing for the rounding of the figure as written."""
    if not whole:
        return False
    digits = len(pct.text.split(",")[1].rstrip("% ")) if "," in pct.text else 0
    return abs(part / whole * 100 - pct.value) > max(0.5 * 10**-digits, 0.05) + 1e-9


_PARTS = re.compile(r"\(\s*trong đó\b|,\s*trong đó\b|\bgồm\s*:?|\bbao gồm\s*:?", re.I)
_YIELD = re.compile(r"\bnăng suất\b", re.I)
_OUTPUT = re.compile(r"\bsản lượng\b", re.I)
_RATE_UNIT = re.compile(r"(?P<n>\d[\d.,]*)\s*(?P<u>(?:tấn|tạ|kg)\s*/\s*(?:ha|héc ta|sào))\b", re.I)
_MASS_UNIT = re.compile(r"(?P<n>\d[\d.,]*)\s*(?P<u>tấn|tạ|kg)\b(?!\s*/)", re.I)


def _text_figures(report: ReportText, p: Problems) -> None:
    """Figures checked on the text itself, whatever indicator they belong to: N/M against the percentage given beside
    it, a percentage of a target against the target's number, parts against their stated total, and units (a yield
    is per hectare, an output is not)."""
    for s in report.sentences():
        if s.paragraph.table is not None:
            continue
        text = for_matching(s.text)
        for a, b in g.clauses(text):
            clause = text[a:b]
            figs = g.figures(g.masked(clause))
            _ratio_and_percent(s.line, clause, figs, p)
            _parts_and_total(s.line, clause, figs, p)
        _units(s.line, text, p)


def _ratio_and_percent(line: int, clause: str, figs: list, p: Problems) -> None:
    pcts = [f for f in figs if f.role in ("percent", "of_target") and f.bound is None]
    for part in (f for f in figs if f.role in ("part", "count") and f.pair is not None):
        pct = next((x for x in pcts if x.start >= part.end), None)
        # the rate of this N/M only: nothing but its unit and "(đạt …)" between, nothing of its own after it
        # ("10/10 thôn (…), 95,2% hộ đạt gia đình văn hóa" is another rate)
        if (
            pct is None
            or pct.start - part.end > 40
            or re.search(r"[\d;]", clause[part.end : pct.start])
            or not re.match(r"\s*(?:[),;.]|$|so với)", clause[pct.end :])
        ):
            continue
        if _off(part.value, part.pair.value, pct):
            n, m = _num(part.value), _num(part.pair.value)
            p.add(
                line,
                part.text,
                "report-ratio",
                f"{n}/{m} is {_num(part.value / part.pair.value * 100)}%, not the {pct.text.strip()} stated beside it",
                f"{n}/{m} là {_num(part.value / part.pair.value * 100)}%, không phải {pct.text.strip()} như báo cáo "
                "nêu",
            )
    # "giảm 02 hộ … chỉ tiêu giao 05 hộ (đạt 40%)", "giảm 21 hộ, đạt 105% chỉ tiêu huyện giao (20 hộ)"
    targets = [f for f in figs if f.role == "target" and f.pair is None]
    counts = [f for f in figs if f.role == "count" and f.pair is None and f.text]
    rates = [f for f in figs if f.role in ("of_target", "percent") and f.bound is None]
    if len(targets) == 1 and len(counts) == 1 and len(rates) == 1 and counts[0].start < targets[0].start:
        count, target, rate = counts[0], targets[0], rates[0]
        if rate.role == "percent" and not re.search(r"\bđạt\s*$", clause[: rate.start]):
            return
        if re.search(r"\b(?:mỗi|hằng|hàng)\s+(?:năm|tháng|quý)\b", clause, re.I):
            return  # a target per year: its base is the years it runs over, not the number written
        if _off(count.value, target.value, rate):
            c, t = _num(count.value), _num(target.value)
            p.add(
                line,
                rate.text.strip(),
                "report-ratio",
                f"{c} of the target {t} is {_num(count.value / target.value * 100)}%, not the {rate.text.strip()} "
                "stated",
                f"{c} trên chỉ tiêu {t} là {_num(count.value / target.value * 100)}%, không phải "
                f"{rate.text.strip()} như báo cáo nêu",
            )


def _parts_and_total(line: int, clause: str, figs: list, p: Problems) -> None:
    m = _PARTS.search(clause)
    if not m:
        return
    before = [f for f in figs if f.role == "count" and f.end <= m.start() and f.text]
    after = [f for f in figs if f.role == "count" and f.start >= m.end() and f.text]
    if not before or not after:
        return
    total = before[-1]
    unit = re.match(r"\s*(\w+)", clause[total.end :])
    same = [f for f in after if unit and re.match(rf"\s*{re.escape(unit.group(1))}\b", clause[f.end :], re.I)]
    if not same:
        return
    if "trong đó" in m.group(0).lower():
        big = [f for f in same if f.value > total.value]
        if big:
            p.add(
                line,
                big[0].text,
                "report-parts",
                f"a part ({_num(big[0].value)}) is larger than its total ({_num(total.value)})",
                f"phần “trong đó” ({_num(big[0].value)}) lớn hơn tổng số ({_num(total.value)})",
            )
        return
    if len(same) >= 2 and sum(f.value for f in same) != total.value:
        listed = " + ".join(_num(f.value) for f in same)
        p.add(
            line,
            total.text,
            "report-parts",
            f"the parts listed ({listed} = {_num(sum(f.value for f in same))}) do not add up to the stated total "
            f"{_num(total.value)}",
            f"các phần liệt kê ({listed} = {_num(sum(f.value for f in same))}) không bằng tổng số "
            f"{_num(total.value)} báo cáo nêu",
        )


def _units(line: int, text: str, p: Problems) -> None:
    for m in _RATE_UNIT.finditer(text):
        lead = text[max(0, m.start() - 60) : m.start()]
        if _OUTPUT.search(lead) and not _YIELD.search(lead):
            p.add(
                line,
                m.group(0),
                "report-unit",
                f"'{m.group('u')}' is a yield (per area), but the figure is stated as an output (sản lượng)",
                f"“{m.group('u')}” là đơn vị năng suất (trên diện tích), nhưng con số được nêu là sản lượng",
            )
    for m in _MASS_UNIT.finditer(text):
        lead = text[max(0, m.start() - 60) : m.start()]
        yield_word = _YIELD.search(lead)
        if yield_word and not _OUTPUT.search(lead) and not re.search(r"[;.]", lead[yield_word.end() :]):
            p.add(
                line,
                m.group(0),
                "report-unit",
                f"a yield (năng suất) is per area (tấn/ha, tạ/ha), not '{m.group('u')}'",
                f"năng suất phải tính trên diện tích (tấn/ha, tạ/ha), không phải “{m.group('u')}”",
            )
