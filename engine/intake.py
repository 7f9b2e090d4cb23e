"""Report intake: draft a fact file from a commune's report, each fact with the sentence and line it comes from.

What each indicator looks like in a report is data (``intake:`` in rules/indicators.yaml): a phrase with
placeholders — ``{year}``, ``{count}``, ``{percent}``, ``{document}``, ``{items}`` … (RULES.md lists them) — and what a
match means. This module compiles those phrases, reads the report (engine.reporttext), and writes a fact file in the
project's own format for an auditor to review: uncertain readings carry ``review: true``, and sentences with numbers
or “chưa …” that matched nothing are listed at the end so nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional

from .catalogue import Catalogue
from .model import Indicator, IntakePattern
from .reporttext import Paragraph, ReportText, clean, for_matching
from .yamlsrc import flow as _q

_YEAR = r"(?:19|20)\d{2}"
PLACEHOLDERS = {
    "year": _YEAR, "year2": _YEAR, "from_year": _YEAR, "to_year": _YEAR,
    "month": r"\d{1,2}",
    "count": r"\d{1,6}", "total": r"\d{1,6}",
    "number": r"\d+(?:[.,]\d+)?",
    "percent": r"(?:(?:trên|hơn|vượt|ít nhất|tối thiểu|dưới|chưa đến|gần|khoảng)\s+)?\d+(?:[.,]\d+)?\s*%",
    "numbers": r"\d+(?:\s*,\s*\d+)+",
    "date": r"\d{1,2}/\d{1,2}/\d{4}",
    "document": (r"(?:Kế hoạch|Quyết định|Thông báo|Quy chế(?: phối hợp)?|Công văn|Nghị quyết|Chỉ thị|Hướng dẫn)"
                 r"(?: liên tịch)? số:?\s*[\w./&\-]+(?:\s*&\s*[\w./&\-]+)?(?:,?\s*ngày:?\s*\d{1,2}/\d{1,2}/\d{4})?"),
    "items": r".+",
    "any": r".{0,400}?",   # bounded: an unbounded gap made each "năm {year}{any} …" quadratic in a paragraph
}
# spellings that real reports use interchangeably; a pattern word matches either
VARIANTS = {"hằng năm": "[hằng|hàng] năm", "phấn đấu": "[phấn đấu|phần đầu]", "nổi cộm": "[nổi cộm|nỗi cộm]",
            "trực quan": "[trực quan|trực quang]"}
_TOKEN = re.compile(r"\{(\w+)\}|\[((?:[^\[\]{}]|\{\w+\})*)\]")
_DOC = re.compile(r"(?P<kind>Kế hoạch liên tịch|Kế hoạch|Quyết định|Thông báo|Quy chế phối hợp|Quy chế|Công văn|"
                  r"Nghị quyết|Chỉ thị|Hướng dẫn)(?: liên tịch)? số:?\s*(?P<number>[\w./&\-]+(?:\s*&\s*[\w./&\-]+)?)"
                  r"(?:,?\s*ngày:?\s*(?P<date>\d{1,2}/\d{1,2}/\d{4}))?")


def compile_pattern(text: str) -> re.Pattern:
    """A phrase with {placeholders} and [a|b] alternatives as a case-insensitive regex; spaces match any spacing."""
    for plain, variant in VARIANTS.items():
        text = re.sub(re.escape(plain), variant, text, flags=re.I)
    return re.compile(_compile(text, {}), re.I)


def _compile(text: str, seen: dict[str, int]) -> str:
    out = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(_literal(text[pos:m.start()]))
        if m.group(1):
            name = m.group(1)
            if name not in PLACEHOLDERS:
                raise ValueError(f"unknown placeholder {{{name}}}; use one of " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS))
            if name == "any":
                out.append(PLACEHOLDERS["any"])
            else:
                seen[name] = seen.get(name, 0) + 1
                group = name if seen[name] == 1 else f"{name}_{seen[name]}"
                out.append(f"(?P<{group}>{PLACEHOLDERS[name]})")
        else:  # alternatives, which may hold placeholders of their own
            out.append("(?:" + "|".join(_compile(a, seen) for a in m.group(2).split("|")) + ")")
        pos = m.end()
    out.append(_literal(text[pos:]))
    return "".join(out)


def _literal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"')
    return r"\s+".join(re.escape(part) for part in text.split(" ")) if text else ""


# --------------------------------------------------------------------------------------------------- reading values

def _int(text: str) -> int:
    return int(text.lstrip("0") or "0")


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _percent(text: str) -> tuple[Any, bool]:
    """'trên 50%' → ({gt: 50}, certain); 'khoảng 50%' → (50, uncertain)."""
    m = re.match(r"(?:(?P<q>trên|hơn|vượt|ít nhất|tối thiểu|dưới|chưa đến|gần|khoảng)\s+)?(?P<n>\d+(?:[.,]\d+)?)",
                 text.strip(), re.I)
    n = _number(m.group("n"))
    q = (m.group("q") or "").lower()
    if q in ("trên", "hơn", "vượt"):
        return {"gt": n}, True
    if q in ("ít nhất", "tối thiểu"):
        return {"gte": n}, True
    if q in ("dưới", "chưa đến"):
        return {"lt": n}, True
    return n, q not in ("gần", "khoảng")


def _date(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    d, m, y = (int(x) for x in text.split("/"))
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_document(text: str) -> Optional[dict]:
    m = _DOC.search(text)
    if not m:
        return None
    doc = {"kind": m.group("kind"), "number": m.group("number").strip(" ,.;")}
    date = _date(m.group("date"))
    if date:
        doc["date"] = date
    return doc


_EMPH = re.compile(r"\*+([^*]+?)\*+")
_DECISION = re.compile(r"\((?P<before>[^()]*?)\(?\s*(?:thành lập|công nhận) (?:tại|theo) (?P<doc>(?:Quyết định|Kế hoạch)[^)]*)\)")


def _name(text: str) -> str:
    text = clean(text).strip(" ,;.:“”\"'")
    text = re.sub(r"^(?:và\s+)?(?:mô hình|Mô hình)\s+", "", text).strip(" “”\"'")
    return text[:1].upper() + text[1:] if text else text


def parse_items(region: str, raw: str, split: Optional[str]) -> tuple[list[dict], bool]:
    """Items named in a stretch of text, with the decision that founded each when the text cites one.
    Returns (items, certain): names set off by emphasis are certain; names cut at commas are not."""
    region_clean = clean(region)
    certain = True
    names: list[str] = []
    if split == "với":
        for part in re.split(r"\bvới\b", region_clean)[1:]:
            name = _name(re.sub(r"\b(?:giữa|UBND xã)\b", "", part))
            if name and name.lower() not in (n.lower() for n in names):
                names.append(name)
    elif split == "mentions":
        for m in re.finditer(r"\b[Mm]ô hình ([^,;.:()]+)", region_clean):
            name = _name(re.sub(r"\s+gồm$", "", m.group(1).strip()))
            if name and name not in names:
                names.append(name)
        certain = False
    else:
        emphasised = [_name(m.group(1)) for m in _EMPH.finditer(raw)]
        emphasised = [n for n in emphasised if n and n.lower() in region_clean.lower()]
        if emphasised:
            names = list(dict.fromkeys(emphasised))
        else:
            certain = False
            quoted = [_name(q) for q in re.findall(r"[“\"]([^”\"]+)[”\"]", region_clean)]
            if quoted:
                names = list(dict.fromkeys(q for q in quoted if q))
            else:
                head = re.split(r"\(", region_clean, maxsplit=1)[0]
                names = [n for n in (_name(p) for p in re.split(r"[;,]", head)) if n]
    items = [{"name": n} for n in names]
    # attach each "(… thành lập tại Quyết định số …)" to the item it names, else to the item written before it
    lowered = [n.lower() for n in names]
    for m in _DECISION.finditer(region_clean):
        doc = parse_document(m.group("doc"))
        if not doc or not items:
            continue
        before = _name(m.group("before")).lower()
        target = next((i for i, n in enumerate(lowered) if before and (n.startswith(before) or before.startswith(n))),
                      None)
        if target is None:
            prior = [i for i, n in enumerate(lowered) if region_clean.lower().find(n) != -1
                     and region_clean.lower().find(n) < m.start()]
            target = prior[-1] if prior else None
        if target is not None and "decision" not in items[target]:
            items[target]["decision"] = doc
    return items, certain


# --------------------------------------------------------------------------------------------------- extraction

@dataclass
class Draft:
    """A fact drafted from the report, before it is written as YAML."""

    indicator: str
    period: Any
    line: int
    quote: str
    value: Any = None
    items: Optional[list[dict]] = None
    basis: str = "reported"
    awaiting_appraisal: bool = False
    document: Optional[dict] = None
    review: bool = False
    notes: list[str] = field(default_factory=list)

    def key(self) -> tuple:
        return self.indicator, str(self.period)

    def same_value(self, other: "Draft") -> bool:
        return json.dumps([self.value, self.items], default=str) == json.dumps([other.value, other.items], default=str)


@dataclass
class Header:
    commune: Optional[str] = None
    commune_spellings: dict[str, list[int]] = field(default_factory=dict)
    issuer: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None
    title: Optional[str] = None
    period_from: Optional[int] = None
    as_of: Optional[dt.date] = None
    as_of_month_only: bool = False     # the report names only the month its figures run to


@dataclass
class Extraction:
    report: ReportText
    header: Header
    facts: list[Draft]
    statements: list[dict]
    unmatched: list[tuple[int, str]]


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


_COMMUNE = re.compile(r"\b[Xx]ã ((?:\w+)(?: \w+){0,3})")


def _proper(words: str) -> str:
    """The leading capitalised words: 'Tịnh An đều đạt' → 'Tịnh An'."""
    out = []
    for w in words.split():
        if not w[:1].isupper():
            break
        out.append(w)
    return " ".join(out)


def read_header(report: ReportText) -> Header:
    h = Header()
    spellings: dict[str, list[int]] = {}
    for i, line in enumerate(report.lines, 1):
        for m in _COMMUNE.finditer(clean(line)):
            name = _proper(m.group(1))
            if name:
                spellings.setdefault(name, []).append(i)
        m = re.match(r"\s*([\wÀ-ỹ ]+), ngày\s*(\d*)\s*tháng\s*(\d*)\s*năm\s*(\d{4})", clean(line))
        if m:
            spellings.setdefault(m.group(1).strip(), []).append(i)
            day, month, year = m.group(2), m.group(3), m.group(4)
            h.date = "-".join(x for x in (year, f"{int(month):02d}" if month else "", f"{int(day):02d}" if day and month
                                          else "") if x)
    # the unit's name as the report writes it most often (a misspelling in the header is common)
    groups: dict[str, dict[str, list[int]]] = {}
    for name, lines in spellings.items():
        groups.setdefault(_fold(name).lower(), {})[name] = lines
    if groups:
        best = max(groups.values(), key=lambda g: sum(len(v) for v in g.values()))
        h.commune_spellings = best
        h.commune = max(best, key=lambda n: (len(best[n]), -min(best[n])))
    text = "\n".join(clean(l) for l in report.lines)
    m = re.search(r"Số:\s*([^\s/]*)\s*/\s*([\w\-]+)", text)
    if m:
        h.number = f"{m.group(1)}/{m.group(2)}" if m.group(1) else None
    m = re.search(r"^BÁO CÁO\s*\n+(.+)$", text, re.M)
    if m:
        h.title = "Báo cáo " + m.group(1)[:1].lower() + m.group(1)[1:]
    m = re.search(r"[Tt]ừ năm (\d{4}) đến (?:tháng (\d{1,2})/)?(\d{4})", text)
    if m:
        h.period_from = int(m.group(1))
        h.as_of = _month_end(int(m.group(3)), int(m.group(2) or 12))
        h.as_of_month_only = m.group(2) is not None
    m = re.search(r"[Đđ]ến tháng (\d{1,2})/(\d{4})", text)
    if m and h.as_of is None:
        h.as_of = _month_end(int(m.group(2)), int(m.group(1)))
        h.as_of_month_only = True
    if h.as_of is None and h.date:
        parts = [int(x) for x in h.date.split("-")]
        h.as_of = dt.date(*parts) if len(parts) == 3 else _month_end(parts[0], parts[1] if len(parts) > 1 else 12)
        h.as_of_month_only = len(parts) == 2
    return h


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _periods(pat: IntakePattern, m: re.Match, report_years: list[int]) -> list[Any]:
    g = m.groupdict()
    kind = pat.period or ("span" if g.get("from_year") else "year" if g.get("year") else "as_of")
    if kind == "as_of":
        return ["as_of"]
    if kind == "report_years":
        return list(report_years)
    if kind == "span":
        a, b = int(g["from_year"]), int(g["to_year"])
        return [a if a == b else f"{a}-{b}"]
    years = [int(g[k]) for k in ("year", "year2") if g.get(k)]
    return years


def _value(ind: Indicator, pat: IntakePattern, m: re.Match, para: Paragraph) -> tuple[dict, bool]:
    """The fact's value fields from a match, and whether the reading is certain."""
    g = m.groupdict()
    if pat.value is not None:
        value = pat.value
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        return {"value": value}, True
    source = pat.value_from or next((k for k in ("items", "percent", "numbers", "count", "number") if g.get(k)), None)
    if source == "items" or ind.type == "items":
        items, certain = parse_items(g.get("items") or m.group(0), para.raw, pat.items_split)
        if g.get("count") and _int(g["count"]) != len(items):
            certain = False
        return {"items": items}, certain
    if source == "percent":
        value, certain = _percent(g["percent"])
        return {"value": value}, certain
    if source == "numbers":
        return {"value": len(re.findall(r"\d+", g["numbers"]))}, True
    if source in ("count", "total"):
        return {"value": _int(g[source])}, True
    if source == "number":
        return {"value": _number(g["number"])}, True
    return {}, False


def extract(cat: Catalogue, report: ReportText) -> Extraction:
    header = read_header(report)
    as_of = header.as_of
    first = header.period_from or (as_of.year if as_of else None)
    report_years = list(range(first, as_of.year + 1)) if first and as_of else []
    compiled = [(ind, pat, compile_pattern(pat.pattern), compile_pattern(pat.under) if pat.under else None)
                for ind in cat.indicators.values() for pat in ind.intake]
    drafts: list[Draft] = []
    matched_lines: set[int] = set()
    tasks = _task_of(report)
    for para in report.paragraphs:
        text = para.match
        for ind, pat, rx, under in compiled:
            if under is not None and not under.search(tasks.get(para.line, "")):
                continue  # an answer "as a whole" counts only under the task heading that names the field
            for m in rx.finditer(text):
                line = para.line_at(m.start())
                quote = para.text[m.start():m.end()].strip(" ,;(")
                fields, certain = _value(ind, pat, m, para)
                if not fields:
                    continue
                doc = None
                if m.groupdict().get("document"):
                    doc = parse_document(m.group("document"))
                elif pat.document_kind and m.groupdict().get("numbers"):
                    doc = {"kind": pat.document_kind, "number": m.group("numbers")}
                    if _date(m.groupdict().get("date")):
                        doc["date"] = _date(m.group("date"))
                keys = [ind.key]
                if pat.group:
                    keys = sorted(k for k in cat.indicators if k.startswith(pat.group))
                    if m.groupdict().get("count") and _int(m.group("count")) != len(keys):
                        certain = False
                for key in keys:
                    for period in _periods(pat, m, report_years):
                        d = Draft(key, period, line, quote, fields.get("value"), fields.get("items"), pat.basis,
                                  pat.awaiting_appraisal, doc, pat.review or not certain)
                        if pat.note:
                            d.notes.append(pat.note)
                        drafts.append(d)
                for ln in range(line, para.line_at(m.end()) + 1):
                    matched_lines.add(ln)
    facts = _merge(drafts)
    _owners(report, facts)
    statements = _statements(cat, report, facts)
    unmatched = _unmatched(report, matched_lines, statements)
    return Extraction(report, header, facts, statements, unmatched)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One fact per indicator and period: a repeated figure is kept once; a contradiction is kept once and flagged."""
    out: dict[tuple, Draft] = {}
    for d in drafts:
        first = out.get(d.key())
        if first is None:
            out[d.key()] = d
        elif not first.same_value(d):
            first.review = True
            shown = d.value if d.items is None else f"{len(d.items)} mục"
            first.notes.append(f"báo cáo cũng nêu khác tại dòng {d.line} ({shown})")
    return list(out.values())


_OWNER = re.compile(r"(?P<org>UBMTTQVN xã|Ủy ban MTTQ Việt Nam xã|Đoàn xã|Hội [\wÀ-ỹ ]+? xã) thành lập mô hình (?P<name>[^.;]+)")


def _owners(report: ReportText, facts: list[Draft]) -> None:
    """A model the report says another body founded keeps that body as its owner."""
    for para in report.paragraphs:
        for m in _OWNER.finditer(para.text):
            name = _name(m.group("name")).lower()
            for f in facts:
                for item in f.items or ():
                    if item["name"].lower().startswith(name[:25]) or name.startswith(item["name"].lower()[:25]):
                        item["owner"] = m.group("org")


THEMES = [("phát triển kinh tế", "kinh_te"), ("nông thôn mới", "nong_thon_moi"), ("đô thị văn minh", "do_thi_van_minh"),
          ("dân vận chính quyền", "dan_van_chinh_quyen")]
_HEADING = re.compile(r"^(?:[IVX]+|\d+(?:\.\d+)*)\.\s")


def _section_of(report: ReportText) -> dict[int, str]:
    """The heading each paragraph falls under (by its first line)."""
    out, current = {}, ""
    for p in report.paragraphs:
        if _HEADING.match(p.text):
            current = p.text
        out[p.line] = current
    return out


_TASK = re.compile(r"^[-–+•]\s")


def _task_of(report: ReportText) -> dict[int, str]:
    """The task heading ("- Vận động nhân dân …, nhất là lĩnh vực …") each answering paragraph follows directly."""
    out, current = {}, ""
    for p in report.paragraphs:
        if _TASK.match(p.raw.lstrip()) or _HEADING.match(p.text):
            current = for_matching(p.text)
            continue
        out[p.line] = current
        current = ""
    return out


def _theme(heading: str) -> Optional[str]:
    for words, theme in THEMES:
        if words in heading.lower() and not heading.lower().startswith("2.1"):
            return theme
    return None


def _statements(cat: Catalogue, report: ReportText, facts: list[Draft]) -> list[dict]:
    headings = _section_of(report)
    rules_by_indicator: dict[str, str] = {}
    for lr in cat.rules:
        if lr.kind.judges_target and lr.rule.primary_indicator:
            rules_by_indicator.setdefault(lr.rule.primary_indicator, lr.id)
    out: list[dict] = []
    in_summary = in_causes = in_tasks = False
    for p in report.paragraphs:
        low = p.text.lower()
        if re.match(r"^\d+\.\s*tồn tại, hạn chế", low) or low.startswith("tồn tại, hạn chế"):
            in_summary, in_causes, in_tasks = True, False, False
            continue
        if re.match(r"^[ivx]+\.\s", low):
            in_summary = in_causes = False
            in_tasks = "nhiệm vụ" in low
            continue
        if in_summary and low.startswith("nguyên nhân"):
            causes = p.text.split(":", 1)[-1]
            for part in re.split(r";\s*", causes):
                part = part.strip(" .")
                if part:
                    out.append({"kind": "cause", "text": part[:1].upper() + part[1:] + ".", "line": p.line,
                                "quote": part, "review": True})
            in_causes = True
            continue
        if in_summary and not in_causes:
            out.append({"kind": "shortcoming", "text": p.text, "line": p.line, "quote": p.text[:120], "in_summary": True,
                        "theme": "dan_van_chinh_quyen", "review": True})
        elif in_tasks and re.match(r"^\d+\.\s", p.text):
            text = re.sub(r"^\d+\.\s*", "", p.text)
            out.append({"kind": "task", "text": text, "line": p.line, "quote": text[:80]})
        elif not in_summary and not in_tasks:
            # a shortcoming stated in the body: "Tuy nhiên, chưa …" or "…, tuy nhiên chưa …"
            for s in p.sentences:
                m = re.search(r"\b[Tt]uy nhiên,? (chưa .+)$", s.text)
                if not m:
                    continue
                line = s.line
                linked = next((rules_by_indicator.get(f.indicator) for f in facts
                               if f.line == line and rules_by_indicator.get(f.indicator)
                               and (f.value in (False, 0) or f.value is None)), None)
                text = m.group(1)
                entry = {"kind": "shortcoming", "text": text[:1].upper() + text[1:], "line": line, "quote": m.group(1),
                         "in_summary": False, "review": True}
                theme = _theme(headings.get(p.line, ""))
                if theme:
                    entry["theme"] = theme
                if linked:
                    entry["rule"] = linked
                out.append(entry)
    return out


_WORTH = re.compile(r"\d|\bchưa\b", re.I)


def _unmatched(report: ReportText, matched: set[int], statements: list[dict]) -> list[tuple[int, str]]:
    used = matched | {s["line"] for s in statements}
    out = []
    for s in report.sentences():
        if s.line in used or not _WORTH.search(s.text) or _HEADING.match(s.text) and len(s.text) < 80:
            continue
        out.append((s.line, s.text))
    return out


# --------------------------------------------------------------------------------------------------- writing

def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text).lower()).strip("-")


def to_yaml(ex: Extraction, *, commune_id: Optional[str] = None, province: Optional[str] = None,
            report_file: Optional[str] = None) -> str:
    h = ex.header
    name = h.commune or "Chưa rõ"
    cid = commune_id or "/".join(x for x in (_slug(province) if province else None, _slug(name)) if x)
    as_of = h.as_of or dt.date.today()
    start = f"{h.period_from}-01-01" if h.period_from else f"{as_of.year}-01-01"
    lines = [
        "# Bản nháp do `chitieu facts extract` sinh từ báo cáo: cần rà soát trước khi dùng.",
        "# Các số liệu có `review: true` là chỗ đọc chưa chắc chắn; cuối tệp là các câu có số liệu hoặc “chưa …”",
        "# mà không khớp chỉ số nào.",
        "schema: chitieu.facts/1",
        "unreviewed: true",
        f"commune: {{id: {cid}, name: {_q('xã ' + name)}" + (f", province: {_q(province)}" if province else "") + "}",
        "report:",
        f"  title: {_q(h.title or 'Báo cáo của UBND xã ' + name)}",
        f"  number: {_q(h.number)}",
        f"  date: {h.date or as_of.isoformat()}",
        f"  as_of: {as_of.isoformat()[:7] if h.as_of_month_only else as_of.isoformat()}",
        f"  issuer: {_q(h.issuer or 'UBND xã ' + name)}",
        f"  period: {{from: {start}, to: {as_of.isoformat()}}}",
    ]
    if report_file:
        lines.append(f"  file: {_q(report_file)}")
    if len(h.commune_spellings) > 1:
        others = ", ".join(f"“{n}” (dòng {', '.join(map(str, ls))})" for n, ls in h.commune_spellings.items() if n != name)
        lines.append(f"# Tên xã viết khác nhau trong báo cáo: {others}; đã chọn “{name}”.")
    lines.append("facts:")
    for f in ex.facts:
        parts = [f"indicator: {f.indicator}", f"period: {_q(f.period)}"]
        if f.items is not None:
            parts.append(f"items: {_q(f.items)}")
        else:
            parts.append(f"value: {_q(f.value)}")
        if f.basis != "reported":
            parts.append(f"basis: {f.basis}")
        if f.awaiting_appraisal:
            parts.append("awaiting_appraisal: true")
        if f.document:
            parts.append(f"document: {_q(f.document)}")
        if f.review:
            parts.append("review: true")
        if f.notes:
            parts.append(f"note: {_q('; '.join(f.notes))}")
        parts.append(f"source: {{line: {f.line}, quote: {_q(f.quote)}}}")
        lines.append("  - {" + ", ".join(parts) + "}")
    lines.append("statements:" if ex.statements else "statements: []")
    for s in ex.statements:
        parts = [f"kind: {s['kind']}", f"text: {_q(s['text'])}"]
        for key in ("theme", "rule"):
            if s.get(key):
                parts.append(f"{key}: {s[key]}")
        if "in_summary" in s:
            parts.append(f"in_summary: {_q(s['in_summary'])}")
        if s.get("review"):
            parts.append("review: true")
        parts.append(f"source: {{line: {s['line']}, quote: {_q(s['quote'])}}}")
        lines.append("  - {" + ", ".join(parts) + "}")
    lines.append("unmatched:" if ex.unmatched else "unmatched: []")
    for line, text in ex.unmatched:
        lines.append(f"  - {{line: {line}, text: {_q(text)}}}")
    return "\n".join(lines) + "\n"
