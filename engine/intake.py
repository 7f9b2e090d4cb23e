"""Report intake: draft the facts of a commune's report, each with its quote and line (or table cell), a confidence,
and uncertain readings marked ``review: true`` — in memory, as the same fact document a fact file gives.

Three kinds of knowledge meet here, each in one place:
- what an indicator is called in reports, and what is *not* it, is data beside the indicator (``words:`` in
  rules/indicators.yaml: synonyms, units, verbs, look-alikes; RULES.md says how to write them);
- how a figure is written — counts, ratios, bounds, targets, claims, zeros, years per clause — is one grammar
  (engine.grammar), shared by every indicator;
- how the genre is laid out — the header block, the title, headings, "Về …:" leads, lists after "cụ thể:", tables
  of chỉ tiêu, the sections that state no results (Đánh giá chung, Nhiệm vụ) — is read here.
Phrases written as ``intake:`` patterns (RULES.md) are still read, for what no grammar covers.

``extract`` returns an ``Extraction``; ``to_document`` turns it into the fact document that engine.facts loads
(nothing is written to a temporary file and read back), and ``to_yaml`` writes the same document for review.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from . import grammar as g
from .catalogue import Catalogue
from .model import Indicator, IntakePattern, IntakeWords
from .reporttext import Cell, Paragraph, ReportText, Table, clean, fold, for_matching
from .vi import HIGHER_UNITS, UNIT_KINDS, predecessor_id, slug
from .vi import month_end as _month_end
from .yamlsrc import YamlDoc, flow as _q

_YEAR = r"(?:19|20)\d{2}"
PLACEHOLDERS = {
    "year": _YEAR,
    "year2": _YEAR,
    "from_year": _YEAR,
    "to_year": _YEAR,
    "month": r"\d{1,2}",
    "count": r"\d{1,6}",
    "total": r"\d{1,6}",
    "number": r"\d+(?:[.,]\d+)?",
    "percent": r"(?:(?:trên|hơn|vượt|ít nhất|tối thiểu|dưới|chưa đến|gần|khoảng)\s+)?\d+(?:[.,]\d+)?\s*%",
    "numbers": r"\d+(?:\s*,\s*\d+)+",
    "date": r"\d{1,2}/\d{1,2}/\d{4}",
    "document": (
        r"(?:Kế hoạch|Quyết định|Thông báo|Quy chế(?: phối hợp)?|Công văn|Nghị quyết|Chỉ thị|Hướng dẫn)"
        r"(?: liên tịch)? số:?\s*[\w./&\-]+(?:\s*&\s*[\w./&\-]+)?(?:,?\s*ngày:?\s*\d{1,2}/\d{1,2}/\d{4})?"
    ),
    "items": r".+",
    "any": r".{0,400}?",  # bounded: an unbounded gap made each "năm {year}{any} …" quadratic in a paragraph
}
# spellings that real reports use interchangeably; a pattern word matches either
VARIANTS = {
    "hằng năm": "[hằng|hàng] năm",
    "phấn đấu": "[phấn đấu|phần đầu]",
    "nổi cộm": "[nổi cộm|nỗi cộm]",
    "trực quan": "[trực quan|trực quang]",
}
_TOKEN = re.compile(r"\{(\w+)\}|\[((?:[^\[\]{}]|\{\w+\})*)\]")
_GAP = (
    r",?\s+(?:[^.;:]{0,80}?\s+)?"  # "…" in a phrase: a few words (or none) within one clause ("đánh giá, xếp loại …")
)


def compile_pattern(text: str) -> re.Pattern:
    """A phrase with {placeholders}, [a|b] alternatives and … (a short gap) as a case-insensitive regex; spaces match
    any spacing; quotes are optional."""
    for plain, variant in VARIANTS.items():
        text = re.sub(re.escape(plain), variant, text, flags=re.I)
    return re.compile(_compile(text, {}), re.I)


def _compile(text: str, seen: dict[str, int]) -> str:
    out = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(_literal(text[pos : m.start()]))
        if m.group(1):
            name = m.group(1)
            if name not in PLACEHOLDERS:
                raise ValueError(
                    f"unknown placeholder {{{name}}}; use one of " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
                )
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
    text = for_matching(text)
    parts = []
    for i, piece in enumerate(re.split(r"\s*…\s*", text)):
        if i:
            parts.append(_GAP)
        words = [re.escape(w).replace('"', '"?') for w in piece.split(" ")]
        parts.append(r"\s+".join(words) if piece else "")
    joined = "".join(parts)
    return re.sub(r"(\\s\+)+", r"\\s+", joined)


# --------------------------------------------------------------------------------------------------- the drafts


@dataclass
class Draft:
    """A fact drafted from the report."""

    indicator: str
    period: Any  # a year, 'YYYY-YYYY', or 'as_of'
    line: int
    quote: str
    value: Any = None
    items: Optional[list[dict]] = None
    basis: str = "reported"
    awaiting_appraisal: bool = False
    document: Optional[dict] = None
    review: bool = False
    notes: list[str] = field(default_factory=list)
    claim: Optional[str] = None
    cell: Optional[str] = None  # 'Bảng 2!E4' when read from a table cell
    confidence: float = 0.9
    paragraph: int = 0  # the paragraph (its first line) the reading comes from
    # the whole year's total ("Tính chung cả năm 2025, …"), or the year's so far ("lũy kế 9 tháng"): wins over a part
    year_total: bool = False

    def key(self) -> tuple:
        return self.indicator, str(self.period)

    def same_value(self, other: "Draft") -> bool:
        mine = len(self.items) if self.items is not None else None
        theirs = len(other.items) if other.items is not None else None
        return json.dumps([self.value, mine, self.claim], default=str) == json.dumps(
            [other.value, theirs, other.claim], default=str
        )

    @property
    def weight(self) -> tuple:
        """How much a reading says: a figure beats a claim; names, a document, a sentence beat a bare cell."""
        named = sum(1 for i in self.items or () if not i.get("unnamed"))
        return (self.claim is None, named, self.document is not None, self.cell is None, self.confidence)


@dataclass
class Header:
    commune: Optional[str] = None
    kind: Optional[str] = None  # xã | phường | thị trấn
    commune_spellings: dict[str, list[int]] = field(default_factory=dict)
    issuer: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None  # YYYY-MM-DD, or YYYY-MM when the day is blank
    title: Optional[str] = None
    period_from: Optional[int] = None
    as_of: Optional[dt.date] = None
    as_of_month_only: bool = False  # the report names only the month its figures run to
    year: Optional[int] = None  # the one year the title names ("… năm 2024") when nothing dates the figures
    plan: Optional[dict] = None  # the unit's own plan: {kind, number, date}
    # the units it was formed from as (kind, name) ("xã", "Phú Cường"), and the last day before the merger when the
    # report dates it ("từ ngày 01/7/2025": 2025-06-30)
    predecessor_units: list[tuple[str, str]] = field(default_factory=list)
    merged_on: Optional[dt.date] = None

    @property
    def predecessors(self) -> list[str]:
        """The predecessors' names without their kind ("Phú Cường"), as the body names them."""
        return [name for _, name in self.predecessor_units]


@dataclass
class Extraction:
    report: ReportText
    header: Header
    facts: list[Draft]
    statements: list[dict]
    unmatched: list[tuple[int, str]]


# --------------------------------------------------------------------------------------------------- the header

# capital letters of Vietnamese (a range such as À-Ỹ would take the small letters between them too)
UP = "A-Z" + "".join(sorted({c for c in map(chr, range(0xC0, 0x1F00)) if c.isupper() and c.isalpha()}))
# the kinds of a commune-level unit (xã, phường, thị trấn, đặc khu), read from one place: as words in a pattern, and
# in capitals for a header ("ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN")
_KINDS = "|".join(k.replace(" ", r"\s+") for k in UNIT_KINDS)
_KINDS_UP = "|".join(k.upper().replace(" ", r"\s+") for k in UNIT_KINDS)
_UNIT_KIND = rf"(?P<kind>{_KINDS})"
# a unit's name is no abbreviation of the genre: "tiêu chí xã NTM nâng cao" names no commune "NTM"
_NOT_ABBR = r"(?!(?:NTM|DVK|TTHC|CCHC|MTTQ)\b)"
_NAME = rf"(?P<name>{_NOT_ABBR}[{UP}][\w]*(?:[ -][{UP}][\w]*){{0,3}})"
# a name in capitals ends where the next line of a header block run into it begins ("ĐẢNG ỦY XÃ A ỦY BAN NHÂN DÂN XÃ
# A", a Word header cell read as one line), or where the superior of the next line begins ("XÃ A HUYỆN B, TỈNH C")
_HEAD_STOP = (
    r"(?:ỦY|UBND|ĐẢNG|SỐ|CỘNG|HĐND|HUYỆN|TỈNH|QUẬN|THỊ XÃ|THÀNH PHỐ|"
    r"BAN\s+(?:DÂN VẬN|CHỈ ĐẠO|THƯỜNG VỤ|CHẤP HÀNH|TUYÊN GIÁO|TỔ CHỨC))\b"  # a body under the committee ("BAN DÂN VẬN")
)
_UPPER_NAME = (
    rf"(?P<name>(?!{_HEAD_STOP})[{UP}][{UP}]*"
    rf"(?:[ -](?!{_HEAD_STOP})[{UP}][{UP}]*){{0,3}})"
)
_HEADER_UNIT = re.compile(rf"^(?:ỦY BAN NHÂN DÂN|UBND)?\s*(?P<kind>{_KINDS_UP})\s+(?!HỘI\b){_UPPER_NAME}\s*$")
_HEADER_UNIT_IN = re.compile(rf"(?:ỦY BAN NHÂN DÂN|UBND)?\s*\b(?P<kind>{_KINDS_UP})\s+(?!HỘI\b){_UPPER_NAME}(?=\s|$)")
# "xã Đức Phổ" is never read out of "thị xã Đức Phổ" (a unit above the commune level)
_BODY_UNIT = re.compile(
    rf"(?:(?P<ubnd>Ủy ban nhân dân|UBND|Ủy ban Nhân dân)\s+)?(?<![Tt]hị\s)(?<!THỊ\s)\b{_UNIT_KIND}\s+{_NAME}"
)
# a header line naming a unit above the commune level as a body of its own ("ỦY BAN NHÂN DÂN / THỊ XÃ ĐỨC PHỔ")
_HIGHER_UP = "|".join(k.upper().replace(" ", r"\s+") for k in HIGHER_UNITS)
_HEADER_HIGHER = re.compile(rf"\b(?:{_HIGHER_UP})\s+{_UPPER_NAME}(?=\s|$)")
_PLACE_DATE = re.compile(
    rf"(?P<place>\b(?!UBND\b|Số\b)[{UP}][\w]*(?: [{UP}][\w]*){{0,3}}),\s*[Nn]gày\s*(?P<d>\d{{1,2}})?[\s.…]*"
    r"[Tt]háng\s*(?P<m>\d{1,2})?[\s.…]*[Nn]ăm\s*(?P<y>(?:19|20)\d{2})"
)
_AS_OF = [
    (re.compile(r"(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.I), "day"),
    (re.compile(r"\b(\d{1,2}|sáu|chín|mười)\s+tháng\s+đầu\s+năm\s+(\d{4})", re.I), "months"),
    (re.compile(r"\bđến\s+(?:hết\s+)?tháng\s+(\d{1,2})/(\d{4})", re.I), "month"),
]
_NEIGHBOUR = re.compile(r"\b(?:giáp|giáp ranh|tiếp giáp|giáp với)\b[^.;]{0,80}$|\bgiáp ranh\b", re.I)
_FORMER = re.compile(r"^\s*\((?:cũ|trước đây)\)", re.I)
_OWN_PLAN = re.compile(
    rf"\bcủa\s+(?:UBND|Ủy ban nhân dân|Ủy ban Nhân dân)\s+(?:{_KINDS})(?P<name>(?-i:\s+[{UP}][\w]*"
    rf"(?:\s+[{UP}][\w]*){{0,3}}))?|^\s*(?:để|về)\s+(?:triển khai|tổ chức|tiếp tục)?\s*thực hiện|"
    rf"^\s*(?:của\s+(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\s+)?(?:về|để)?\s*(?:triển khai\s+)?"
    r"(?:thực hiện\s+)?(?:Đề án|đề án)",
    re.I,
)
_ISSUES_PLAN = re.compile(
    rf"(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})(?:\s+[{UP}][\w]*){{0,3}}\s+(?:đã\s+)?"
    r"(?:ban hành|cụ thể hóa thành|xây dựng)\s*$",
    re.I,
)
_MONTH_WORDS = {"sáu": 6, "chín": 9, "mười": 10}


def _title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def _head_and_opening(report: ReportText) -> tuple[list[Paragraph], list[Paragraph]]:
    """The header block (before the title 'BÁO CÁO') and the title with its opening (up to the first section)."""
    head: list[Paragraph] = []
    opening: list[Paragraph] = []
    seen_title = False
    for p in report.paragraphs:
        if p.table is not None:
            continue
        if re.match(r"^(?:#+\s*)?(?:[IVX]+\.|Phần thứ|PHẦN THỨ)\s", p.text) or (seen_title and _heading_level(p) == 1):
            break
        if re.match(r"^(?:#+\s*)?BÁO CÁO\b", p.text):
            seen_title = True
        (opening if seen_title else head).append(p)
    if not seen_title:  # no title line: the first paragraphs are the opening
        return [], head[:6]
    return head, opening


def read_header(report: ReportText) -> Header:
    h = Header()
    head, opening = _head_and_opening(report)
    scores: dict[str, float] = {}
    spellings: dict[str, dict[str, list[int]]] = {}
    kinds: dict[str, str] = {}

    def vote(name: str, kind: Optional[str], line: int, weight: float) -> None:
        name = name.strip()
        key = fold(name).lower()
        scores[key] = scores.get(key, 0) + weight
        spellings.setdefault(key, {}).setdefault(name, [])
        if line not in spellings[key][name]:
            spellings[key][name].append(line)
        if kind and weight > 0:
            kinds.setdefault(key, " ".join(kind.lower().split()))

    higher = False  # the header names a unit above the commune level ("HUYỆN A", "THỊ XÃ B")
    communal = False  # … and a commune-level one ("XÃ C"), under it or not
    for p in head:
        for col in re.split(r"\s{3,}", p.raw):
            col = clean(col)
            higher = higher or bool(_HEADER_HIGHER.search(col))
            full = _HEADER_UNIT.match(col)
            for hm in [full] if full else _HEADER_UNIT_IN.finditer(col):
                communal = communal or not re.search(r"THỊ\s*$", col[: hm.start("kind")])  # not "THỊ XÃ A"
                # the lines of a block run together ("ỦY BAN NHÂN DÂN THÀNH PHỐ A ỦY BAN NHÂN DÂN PHƯỜNG B"): what
                # stands between the last body named and the kind tells a superior ("THỊ XÃ", "THÀNH PHỐ") apart
                before = col[: hm.start("kind")]
                bodies = list(re.finditer(r"ỦY BAN NHÂN DÂN|UBND|ĐẢNG (?:ỦY|BỘ)|HĐND", before))
                if re.search(
                    r"\bHUYỆN|THÀNH PHỐ|TỈNH|QUẬN|THỊ(?: XÃ\b|\s*$)", before[bodies[-1].end() if bodies else 0 :]
                ):
                    continue
                vote(_title_case(hm.group("name")), hm.group("kind"), p.line, 10)
    # a report whose header names a thị xã, huyện … and no commune-level unit at all is that unit's own: no commune
    # is guessed for it from its place line or body (the user names one, or learns the report is not a commune's)
    issued_higher = higher and not communal
    for p in report.paragraphs:
        if p.table is not None:
            continue
        text = p.text
        m = _PLACE_DATE.search(text)
        if m and p in head + opening[:3] and h.date is None:
            vote(m.group("place"), None, p.line, 3)
            y, mo, d = m.group("y"), m.group("m"), m.group("d")
            h.date = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if mo and d else "")
        for m in _BODY_UNIT.finditer(text):
            name = m.group("name")
            name = re.sub(r"\s+(?:Việt|Nam|Tổ|Quốc)$", "", name)
            before = text[max(0, m.start() - 90) : m.start()]
            after = text[m.end() : m.end() + 20]
            if _NEIGHBOUR.search(before) or _FORMER.match(after) or re.match(r"\s*là hai xã giáp", after):
                vote(name, m.group("kind"), p.line, -2)
                continue
            weight = (
                4
                if m.group("ubnd") and re.match(r"\s*(?:báo cáo|đã|ban hành|cụ thể)", after)
                else 2
                if m.group("ubnd")
                else 1
            )
            vote(name, m.group("kind"), p.line, weight)
    if scores and not issued_higher:
        best = max(scores, key=lambda k: scores[k])
        if scores[best] > 0:
            group = spellings[best]
            h.commune_spellings = group
            h.commune = max(group, key=lambda n: (len(group[n]), -min(group[n])))
            h.kind = kinds.get(best, "xã")
    text = "\n".join(p.text for p in head + opening)
    # "Số: 214/BC-UBND"; a Party body's "Số 09-BC/BDV", "Số: 38-BC/ĐU" (the colon left out, the number hyphened)
    m = re.search(r"Số:?\s*(\d[^\s/]*)?\s*/\s*([\w\-]+)", "\n".join(clean(x) for x in report.lines[:40]))
    if m:
        h.number = f"{m.group(1)}/{m.group(2)}" if m.group(1) else None
    titles = [p for p in opening if not re.match(r"^(?:#+\s*)?BÁO CÁO\s*$", p.text)]
    if titles:
        t = re.sub(r"^(?:#+\s*)?(?:BÁO CÁO\s+)?", "", titles[0].text)  # "BÁO CÁO" and its title may be one paragraph
        h.title = "Báo cáo " + t[:1].lower() + t[1:]
    _read_as_of(h, report, opening)
    h.plan = _own_plan(report, opening, h)
    if h.commune:
        h.issuer = f"UBND {h.kind or 'xã'} {h.commune}"
        if _party_report(report):  # "ĐẢNG ỦY XÃ MƯỜNG LỘC / BAN DÂN VẬN": the committee or its board reports
            board = any(re.search(r"(?:^|\s)BAN DÂN VẬN\b", p.text) for p in report.paragraphs[:8])
            h.issuer = ("Ban Dân vận " if board else "") + f"Đảng ủy {h.kind or 'xã'} {h.commune}"
    h.predecessor_units = _predecessors(report, h.commune)
    if h.predecessor_units:
        on = next((m for q in report.paragraphs[:40] if (m := _MERGED_ON.search(q.text))), None)
        if on is not None:
            with contextlib.suppress(ValueError):
                h.merged_on = dt.date(int(on.group(3)), int(on.group(2)), int(on.group(1)))
    return h


# the day a merged unit began ("được thành lập từ ngày 01/7/2025", "chính thức hoạt động từ ngày 1/7/2025")
_MERGED_ON = re.compile(
    r"\b(?:thành lập|hoạt động|sắp xếp|sáp nhập|hợp nhất)\b[^.;]{0,80}?\btừ\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.I
)


_MERGED = re.compile(
    rf"\b(?:sắp xếp|sáp nhập|hợp nhất|nhập)\b[^.;]{{0,160}}?\b(?:(?:các|hai|ba|bốn|năm)\s+)?(?P<kind>{_KINDS})\s+"
    rf"(?P<list>[{UP}]\w*(?:\s+[{UP}]\w*){{0,3}}"
    rf"(?:\s*(?:,|\bvà\b)\s*(?:(?:{_KINDS})\s+)?[{UP}]\w*(?:\s+[{UP}]\w*){{0,3}})+)"
)


def _predecessors(report: ReportText, own: Optional[str]) -> list[tuple[str, str]]:
    """The communes a merged unit was formed from, as the report lists them ("trên cơ sở sắp xếp … của ba xã A, B và
    C"), each with its kind, the one written before it or before the list ("nhập phường A, xã B và C": phường A, xã B,
    xã C); never the unit's own name (a merged commune often keeps one of the old names)."""
    out: list[tuple[str, str]] = []
    mine = fold(own).lower() if own else None
    for p in report.paragraphs:
        if p.table is not None:
            continue
        for m in _MERGED.finditer(p.text):
            names = re.split(r"\s*,\s*|\s+và\s+", m.group("list"))
            if len(names[-1].split()) == 1 and re.match(r"\s+[^\W\d]", p.text[m.end() :]):
                names.pop()  # "… và Kế hoạch số …": a word of the sentence, not a name
            kind = m.group("kind").lower()
            for name in names:
                written = re.match(rf"^({_KINDS})\s+", name.strip(), re.I)
                kind = written.group(1).lower() if written else kind
                name = re.sub(rf"^(?:{_KINDS})\s+", "", name.strip(), flags=re.I)
                if name and fold(name).lower() != mine and (kind, name) not in out:
                    out.append((kind, name))
    return out


# the report saying outright what its figures run to, wherever its opening puts it ("Số liệu trong báo cáo tính đến
# ngày 30/11/2025; số liệu trước ngày 01/7/2025 do các xã cũ cung cấp")
# — or after what the figures cover ("Số liệu trong báo cáo này là số liệu của toàn địa bàn xã hiện nay (…), tính đến
# ngày 15/11/2026"), not a former unit's part of them ("số liệu của các xã cũ tính đến ngày 30/6/2025")
_DATA_AS_OF = re.compile(
    r"\bsố liệu(?:\s+(?:trong|của))?(?:\s+báo cáo)?(?:\s+này(?:\s+là\b(?:(?!\bcũ\b|\btrước\s+s)[^.;]){0,120}?,)?)?"
    r"\s+(?:được\s+)?tính\s+đến\s+(?:hết\s+)?ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})",
    re.I,
)


# the former units named as whose figures a cut-off is of ("số liệu của các xã cũ", "của hai phường cũ")
# (not one the sentence gives after a comma: "… tổng hợp lại từ hồ sơ lưu trữ của hai xã cũ, tính đến ngày 31/10/2026")
_FORMER_PART = re.compile(r"\b(?:cũ|trước sắp xếp|trước sáp nhập)\b(?![^.;]{0,60}\bvà\b)[^.;,]{0,40}$", re.I)


def _read_as_of(h: Header, report: ReportText, opening: list[Paragraph]) -> None:
    text = " ".join(p.text for p in opening)
    first_results = _first_results(report)
    for p in report.paragraphs[:40]:
        said = _DATA_AS_OF.search(re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), p.text))
        if said:
            try:
                day = dt.date(int(said.group(3)), int(said.group(2)), int(said.group(1)))
            except ValueError:
                break
            if not h.date or day.isoformat()[:7] <= h.date[:7]:
                h.as_of = day
            break
    for rx, kind in _AS_OF if h.as_of is None else ():
        for source in (text, first_results):
            m = rx.search(source)
            if not m:
                continue
            if kind == "day":
                # several cut-offs ("số liệu của hai phường cũ đến ngày 30/6/2025 và của phường đến ngày 30/9/2025"):
                # the figures run to the latest of them that is not past the report's own date
                days = []
                for d in rx.finditer(source):
                    if _FORMER_PART.search(source[max(0, d.start() - 60) : d.start()]):
                        continue  # "Số liệu của các xã cũ tính đến ngày 30/6/2025": a former unit's part, not all
                    try:
                        days.append(dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1))))
                    except ValueError:
                        continue
                fit = [d for d in days if not h.date or d.isoformat()[:7] <= h.date[:7]]
                if not fit:
                    continue
                h.as_of = max(fit)
            elif kind == "months":
                n = _MONTH_WORDS.get(m.group(1).lower()) or int(m.group(1))
                h.as_of = _month_end(int(m.group(2)), n)
            else:
                h.as_of, h.as_of_month_only = _month_end(int(m.group(2)), int(m.group(1))), True
            if source is first_results and h.date and h.as_of.isoformat()[:7] > h.date[:7]:
                h.as_of, h.as_of_month_only = None, False  # a body date past the report's own date: not a cut-off
                continue
            break
        if h.as_of:
            break
    years = (
        [
            int(y)
            for y in re.findall(
                r"\bnăm\s+((?:19|20)\d{2})\s*$", opening[0].text + " " + (opening[1].text if len(opening) > 1 else "")
            )
        ]
        if opening
        else []
    )
    if h.as_of is None and h.date:
        parts = [int(x) for x in h.date.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            # a whole-year report signed after its year: its figures run to the end of that year
            title_year = _title_year(opening)
            h.as_of = dt.date(title_year, 12, 31) if title_year and title_year < day.year else day
        elif len(parts) == 2:
            h.as_of, h.as_of_month_only = _month_end(parts[0], parts[1]), True
    del years
    body = " ".join(p.text for p in report.paragraphs[:80] if p not in opening)
    m = re.search(
        rf"[Tt]ừ\s+năm\s+({_YEAR})|\(\s*({_YEAR})\s*[-–]\s*{_YEAR}\s*\)|[Tt]ừ\s+(?:ngày\s+\d{{1,2}}/\d{{1,2}}/)"
        rf"({_YEAR})",
        text,
    ) or re.search(
        rf"[Tt]ừ\s+năm\s+({_YEAR})\s+đến\s+(?:tháng\s+\d{{1,2}}/|năm\s+)?"
        rf"(?:{_YEAR}|nay)",
        body,
    )
    # a review of a plan's span says it in its title ("Báo cáo tổng kết 05 năm thực hiện Kế hoạch … giai đoạn 2022 -
    # 2026", "Tổng kết giai đoạn 2022 - 2026"): its figures run from the span's first year, whatever date the opening
    # names later; not the span of a provincial Đề án the plan carries out
    title_text = " ".join(p.text for p in opening[:3])
    # — but a review of the Đề án itself over its span, no year of its own named ("Tổng kết thực hiện Đề án số
    # 09-ĐA/TU … giai đoạn 2022 - 2026"), runs over that span
    review = re.search(
        rf"\b(?:tổng kết|sơ kết|\d+\s+năm\s+thực hiện)\b(?:(?!Đề án|đề án|Nghị quyết)[^.()]){{0,300}}?"
        rf"\bgiai đoạn\s+({_YEAR})\s*[-–]\s*{_YEAR}",
        title_text,
        re.I,
    ) or re.search(
        rf"\b(?:tổng kết|sơ kết)\s+(?:thực hiện\s+)?Đề án\b(?:(?!\bnăm\s+{_YEAR}|\btháng\b|\bquý\b)[^.()]){{0,300}}?"
        rf"\bgiai đoạn\s+({_YEAR})\s*[-–]\s*{_YEAR}",
        title_text,
        re.I,
    )
    # a yearly report says its one year in its title ("Báo cáo kết quả … năm 2024 và phương hướng năm 2025"): a
    # cumulative figure in its body ("Lũy kế từ năm 2022 đến nay …") does not widen the year it reports on
    yearly = re.sub(r"\b(?:phương hướng|nhiệm vụ|kế hoạch)\b.*$", "", title_text, flags=re.I)
    own_years = {int(y) for y in re.findall(rf"\bnăm\s+({_YEAR})\b(?!\s*[-–])", yearly)}
    one_year = (
        len(own_years) == 1
        and h.as_of is not None
        and own_years == {h.as_of.year}
        # (a review of one year is a yearly report: "Tổng kết năm 2023 thực hiện Kế hoạch …")
        and not re.search(
            r"\b(?:sơ kết|tổng kết|giai đoạn|\d+\s+năm)\b",
            re.sub(rf"\b(?:sơ kết|tổng kết)\s+(?:công tác\s+)?năm\s+{_YEAR}\b", "", yearly, flags=re.I),
            re.I,
        )
    )
    if review:
        h.period_from = int(review.group(1))
    elif one_year and h.as_of is not None:
        h.period_from = h.as_of.year
    elif m:
        h.period_from = int(next(x for x in m.groups() if x))
    elif h.as_of:
        h.period_from = h.as_of.year
    if h.as_of is None and h.date is None:
        # "Báo cáo kết quả … năm 2024" and no other date: the figures are the year's, but the day they run to is
        # unknown: the year is read (the clauses without a year of their own are that year's), the as-of date asked
        titled = {int(y) for p in opening[:3] for y in re.findall(rf"\bnăm\s+({_YEAR})\b(?!\s*[-–])", p.text)}
        if len(titled) == 1:
            h.year = titled.pop()
            h.period_from = h.period_from or h.year


def _title_year(opening: list[Paragraph]) -> Optional[int]:
    """The last year the title reports on: the year a review opens on ("Tổng kết năm 2023 thực hiện …"), "… năm 2024" at
    its end, or the end of the span a review names ("Sơ kết 03 năm (2022 - 2024) thực hiện Kế hoạch …", "Tổng kết giai
    đoạn 2022 - 2025"), not the span of the Đề án it carries out."""
    for p in opening[:3]:
        # "Tổng kết năm 2023 thực hiện Kế hoạch số …", "Sơ kết công tác năm 2024 …": the year the review is of
        m = re.search(rf"^\W*(?:báo cáo\s+)?(?:sơ kết|tổng kết)\s+(?:công tác\s+)?năm\s+({_YEAR})\b", p.text, re.I)
        m = (
            m
            or re.search(rf"\bnăm\s+({_YEAR})\W*$", p.text)
            or re.search(
                rf"\b(?:sơ kết|tổng kết)\b(?:(?!Đề án|đề án|Nghị quyết)[^.]){{0,80}}?(?:\(|\bgiai đoạn\s+|\bnăm\s+)"
                rf"{_YEAR}\s*[-–]\s*({_YEAR})\b",
                p.text,
                re.I,
            )
        )
        if m:
            return int(m.group(1))
    return None


def _first_results(report: ReportText) -> str:
    """The first paragraph of the body that states a span or a cut-off ("Từ năm 2023 đến tháng 10/2024 …"): where a
    report without one in its title often states it."""
    started, seen = False, 0
    for p in report.paragraphs:
        if re.match(r"^(?:#+\s*)?[IVX]+\.\s", p.text):
            started = True
            continue
        if not started or p.table is not None or _heading_level(p) or not re.search(r"\d", p.text):
            continue
        seen += 1
        if re.search(r"\b(?:[Tt]ừ\s+(?:năm|đầu năm|ngày)\b.{0,40}\bđến|^[Đđ]ến)\s+(?:hết\s+)?(?:tháng|ngày)\b", p.text):
            return p.text
        if seen >= 8:
            break
    return ""


def _dated(text: str, m: re.Match) -> dict:
    """A document with its date, read before it when it is written first: "Ngày 15/8/2025, UBND phường ban hành Kế
    hoạch số 27/KH-UBND …"."""
    doc = g.document_of(m)
    if "date" not in doc:
        before = re.search(r"\b[Nn]gày\s+(\d{1,2}/\d{1,2}/\d{4})\s*,[^.;]{0,80}$", text[: m.start()])
        date = g.to_date(before.group(1)) if before else None
        if date:
            doc["date"] = date
    return doc


def _party_report(report: ReportText) -> bool:
    """Whether the header names the commune's Party committee as the reporting body ("ĐẢNG ỦY XÃ YÊN LẠC HỒNG")."""
    return any(re.search(rf"(?:^|\s)ĐẢNG ỦY\s+(?:{_KINDS_UP})\s", p.text) for p in report.paragraphs[:8])


def _own_plan(report: ReportText, opening: list[Paragraph], h: Header) -> Optional[dict]:
    """The unit's own plan that the report answers: a Kế hoạch of the unit's UBND named in the title or the opening
    (or the first section), not a higher level's nor a predecessor's."""
    paras = opening + [p for p in report.paragraphs if p not in opening and p.table is None][:12]
    # a report of the commune's Party committee (or its Ban Dân vận) answers the committee's own plan, "…-KH/ĐU" —
    # never the district's "-KH/HU" nor the province's "-KH/TU"
    if _party_report(report):
        for p in paras:
            for m in g.DOCUMENT.finditer(p.text):
                if m.group("kind").lower().startswith("kế hoạch") and re.search(r"-KH/ĐU\b", m.group("number")):
                    return _dated(p.text, m)
    for p in paras:
        for m in g.DOCUMENT.finditer(p.text):
            if not m.group("kind").lower().startswith("kế hoạch") or "/KH" not in m.group("number").upper():
                continue
            after = p.text[m.end() : m.end() + 120]
            before = p.text[max(0, m.start() - 80) : m.start()]
            own = _OWN_PLAN.match(after) or _OWN_PLAN.search(after[:60]) or _ISSUES_PLAN.search(before)
            if not own:
                continue
            name = own.groupdict().get("name") if hasattr(own, "groupdict") else None
            if name and h.commune and fold(name.strip()).lower() != fold(h.commune).lower():
                continue
            if re.search(r"dân vận chính quyền|đô thị văn minh|giải phóng mặt bằng", after[:80], re.I):
                continue  # a yearly plan of the unit's own work, not the plan implementing the Đề án
            return _dated(p.text, m)
    # else the first plan of a UBND (…/KH-UBND) in the title or the opening that no other level or unit issued
    for p in opening:
        for m in g.DOCUMENT.finditer(p.text):
            number = m.group("number").upper()
            if not m.group("kind").lower().startswith("kế hoạch") or not re.search(r"/KH-UBND\b", number):
                continue
            after = p.text[m.end() : m.end() + 80]
            issuer = re.match(
                rf"\s*(?:,\s*)?của\s+(?:UBND|Ủy ban nhân dân|Chủ tịch UBND)\s+(?P<level>\w+(?:\s\w+)?)"
                rf"(?P<name>(?-i:(?:\s+[{UP}][\w]*){{0,3}}))",
                after,
                re.I,
            )
            if issuer and (
                not re.match(_KINDS, issuer.group("level"), re.I)
                or (
                    issuer.group("name").strip()
                    and h.commune
                    and fold(issuer.group("name").strip()).lower() != fold(h.commune).lower()
                )
            ):
                continue
            return _dated(p.text, m)
    return None


# --------------------------------------------------------------------------------------------------- layout

_ROMAN = re.compile(r"^(?:#+\s*)?(?:[IVX]+\.|Phần thứ|PHẦN THỨ)\s")
# "1. …", "2.3. …", "4) …"; a bare number only before a capital ("2 Kết quả …"): "9 tháng đầu năm 2024, …:" opens a
# sentence with a figure, not a heading
_NUMBERED = re.compile(rf"^(?:#+\s*)?(?P<n>\d+(?:\.\d+)*)(?:[.)]\s|\s+(?=[{UP}]))")
_LETTERED = re.compile(r"^(?:#+\s*)?[a-zđ]\)\s")
# (not "CÁC NHIỆM VỤ KHÁC": the other tasks carried out, a section of results)
_NO_RESULTS = re.compile(r"ĐÁNH GIÁ|PHƯƠNG HƯỚNG|NHIỆM VỤ(?!\s+KHÁC\b)|KIẾN NGHỊ|ĐỀ XUẤT|GIẢI PHÁP", re.I)
_REQUIREMENT_LEAD = re.compile(
    r"^\W*(?:yêu cầu|mức chuẩn|mức yêu cầu|tiêu chuẩn|chuẩn|nội dung tiêu chí)(?:\s+(?:của\s+)?tiêu chí)?\s*$", re.I
)
# a self-assessment written criterion by criterion: its assessment states each criterion's results ("II. TỰ ĐÁNH GIÁ
# TỪNG TIÊU CHÍ", "Đánh giá mức độ đạt các chỉ tiêu"), unlike "Đánh giá chung" or "Nhiệm vụ thực hiện các chỉ tiêu"
_BY_CRITERION = re.compile(
    r"^(?=.*ĐÁNH GIÁ)(?!.*(?:PHƯƠNG HƯỚNG|NHIỆM VỤ|KIẾN NGHỊ|ĐỀ XUẤT|GIẢI PHÁP|\bCHUNG\b)).*"
    r"\b(?:TỪNG|CÁC|MỖI)\s+(?:TIÊU CHÍ|CHỈ TIÊU)\b",
    re.I,
)
_END_OF_BODY = re.compile(r"^(?:\*\*)?(?:Nơi nhận|TM\.|KT\.|T/M)", re.I)
# an appendix after the signature ("PHỤ LỤC", "Phụ lục 01", "PHỤ LỤC I"): a quick report often puts its figures there,
# so the body starts again (its title and "(Kèm theo Báo cáo số …)" state nothing)
_APPENDIX = re.compile(r"^(?:#+\s*)?(?:\*\*)?(?:PHỤ LỤC|Phụ lục(?=\s+(?:số\s+)?[\dIVX]|\W*$))")
# a section lettered in capitals ("A. Mô hình “Dân vận khéo”", "B. Giảm nghèo"), a heading when short and unended
_CAPITAL_LETTERED = re.compile(rf"^(?:#+\s*)?[A-ZĐ]\.\s+[{UP}]")


def _heading_level(p: Paragraph) -> int:
    """1 for a section (I., Phần thứ…, a line in capitals), 2 for 1., 3 for 1.1., 4 for a), 5 for a bold line;
    0 for a paragraph that is no heading."""
    text, raw = p.text, p.raw.strip()
    if len(text) > 180 or (text.endswith(".") and not re.match(r"^[IVX]+\.\s*$", text)):
        return 0
    if _ROMAN.match(text) or (_CAPITAL_LETTERED.match(text) and len(text) < 100):
        return 1
    letters = re.sub(r"[^\wÀ-ỹ]", "", text)
    if len(letters) > 6 and text.upper() == text and not re.search(r"\d{2,}", text):
        return 1
    m = _NUMBERED.match(text)
    if m and not text.endswith(":") or (m and len(text) < 80):
        return 2 + m.group("n").count(".")
    if _LETTERED.match(text):
        # "a) Mô hình “Dân vận khéo”: Năm 2026, xã công nhận mới 04 mô hình …, gồm:" states results after its label
        return 0 if re.search(r":\s+\S[^:]*\d", text) else 4
    if raw.startswith("#") or (raw.startswith("**") and raw.rstrip(":").endswith("**")):
        return 5
    return 0


@dataclass
class Context:
    """What a paragraph stands under: the headings (and a task heading) above it, its own lead ("Về …:"), and the
    paragraph whose list it continues ("…, cụ thể:" followed by bullets)."""

    headings: list[str]
    lead: str = ""
    parent: Optional[Paragraph] = None
    results: bool = True  # in a section that states results (not Đánh giá chung, Nhiệm vụ, the signature)
    opening: bool = False  # the opening, after the title and before the first section: it states the unit's make-up


def _contexts(report: ReportText) -> dict[int, Context]:
    out: dict[int, Context] = {}
    stack: list[tuple[int, str]] = []
    results = False
    any_section = any(_ROMAN.match(p.text) for p in report.paragraphs)
    seen_title = not any(re.match(r"^(?:#+\s*)?BÁO CÁO\b", p.text) for p in report.paragraphs)
    parent: Optional[Paragraph] = None
    task = ""
    ended = False
    nested: Optional[tuple[Paragraph, str]] = None  # a list nested in an item: its owner and its items' marker
    paras = [p for p in report.paragraphs if p.table is None]
    for i, p in enumerate(paras):
        if re.match(r"^(?:#+\s*)?BÁO CÁO\b", p.text):
            seen_title = True
            out[p.line] = Context([], results=False)
            continue
        if i and re.match(r"^(?:#+\s*)?BÁO CÁO\W*$", paras[i - 1].text) and _heading_level(p) == 5:
            out[p.line] = Context([], results=False)  # "# BÁO CÁO" then "## Sơ kết …": the title, no section of it
            continue
        if ended and _APPENDIX.match(p.text):
            ended, stack, parent, task, results = False, [], None, "", True
            out[p.line] = Context([], results=False)
            continue
        if _END_OF_BODY.match(p.text) or ended:
            ended = True
            out[p.line] = Context([], results=False)
            continue
        level = _heading_level(p) if seen_title else 0
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, p.text))
            if level == 1:
                results = (
                    not _NO_RESULTS.search(p.text)
                    or bool(re.search(r"KẾT QUẢ", p.text, re.I))
                    or bool(_BY_CRITERION.search(p.text))
                )
            # a numbered heading that opens a list ("1.3. Các quy chế phối hợp đang thực hiện:") owns its items
            parent = p if p.text.rstrip().endswith(":") else None
            task = ""
            out[p.line] = Context([h for _, h in stack], results=False)
            continue
        if not any_section and seen_title:
            results = True
        is_bullet = bool(re.match(r"^\s*[-+•–]\s", p.raw))
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        # a task heading: a bullet ending with "." followed by an answer that is no bullet (the seed's layout)
        if (
            is_bullet
            and parent is None  # a bullet of a list after "…, gồm:" is an item of it, not a task
            and p.text.endswith(".")
            and nxt is not None
            and not re.match(r"^\s*[-+•–]\s", nxt.raw)
            and not _heading_level(nxt)
            and not re.search(r"\d", p.text)
            # a bullet led "X: …" states X ("- Kinh tế tuần hoàn, du lịch nông thôn: xã chưa xây dựng được mô hình nào.")
            and not re.match(r"^\W*[^:]{3,80}:\s+\S", p.text)
        ):
            task = p.text
            out[p.line] = Context([h for _, h in stack], results=False)
            continue
        lead = ""
        m = re.match(r"^(.{3,160}?):\s", p.text)
        if m and len(m.group(1).split()) <= 25 and not re.search(r"\d{2,}", m.group(1)):
            lead = m.group(1)
        # a numbered paragraph after one that ends with a colon is an item of its list, like a bullet
        is_item = is_bullet or (parent is not None and bool(re.match(r"^\s*\d{1,2}[.)]\s", p.raw)))
        # a criterion's requirement, led as such ("Yêu cầu: mỗi năm công nhận ít nhất 01 mô hình", "Mức chuẩn: từ 50%
        # trở lên"): the target the result is measured against, never a result
        stated = results and not _REQUIREMENT_LEAD.match(lead)
        marker = _marker(p.raw)
        if nested is not None and is_bullet and marker == nested[1]:
            owner: Optional[Paragraph] = nested[0]  # an item of a list nested in an item ("- … gồm:" then "+ …")
        else:
            nested = None
            owner = parent if is_item else None
        prev = paras[i - 1] if i else None
        if stated and _ANSWER_LEAD.match(lead) and prev is not None and _STATED_TARGET.match(prev.text):
            # "Chỉ tiêu 2: Hằng năm hoàn thành 100% chỉ tiêu giảm hộ nghèo do huyện giao." then "Kết quả: Năm 2024, …":
            # the target names what the result's figures are of, and is itself no result
            lead = _STATED_TARGET.sub("", prev.text)
            out[prev.line].results = False
        elif stated and _ANSWER_LEAD.match(lead) and prev is not None and (asked := _QUESTION.match(prev.text)):
            # "2.1. Số mô hình “Dân vận khéo” được công nhận trong năm (yêu cầu: tối thiểu 01 mô hình/năm)?" then
            # "Trả lời: 02 mô hình.": the question names what the answer's figures are of; its requirement is no result
            lead = re.sub(r"\([^()]*\)", " ", asked.group("q")).strip()
            out[prev.line].results = False
        ctx = Context([h for _, h in stack] + ([task] if task else []), lead, owner, stated)
        ctx.opening = any_section and seen_title and not stack and not results
        out[p.line] = ctx
        if not is_item:
            parent = p if p.text.rstrip().endswith(":") else None
        elif nested is None and p.text.rstrip().endswith(":") and nxt is not None and is_bullet:
            inner = _marker(nxt.raw)
            if inner is not None and inner != marker:
                nested = (p, inner)
    return out


# a target stated on its own, numbered or not ("Chỉ tiêu 3:", "Chỉ tiêu số 3:", "Mục tiêu:"), and the result that answers
# it in the next paragraph ("Kết quả:", "Kết quả thực hiện:", "Thực hiện:")
_STATED_TARGET = re.compile(r"^\W*(?:chỉ tiêu|mục tiêu)(?:\s+(?:số\s+)?\d{1,2}[a-zđ]?)?\s*[:.]\s+", re.I)
_ANSWER_LEAD = re.compile(r"^\W*(?:kết quả(?:\s+(?:thực hiện|đạt được))?|thực hiện|trả lời)\W*$", re.I)
# a question asking for a figure, not put as yes or no ("Số tổ dân phố đạt danh hiệu văn hóa?", "Tỷ lệ hồ sơ … là
# bao nhiêu?"), its number in the outline before it
_ITEM_NUMBER = r"(?:(?:câu|mục)\s+)?\d{1,2}(?:\.\d{1,2})*[.):]?"  # an outline's item: "2.1.", "Câu 3."
_QUESTION = re.compile(rf"^\W*(?:{_ITEM_NUMBER}\s+)?(?P<q>(?:(?!\b(?:không|chưa)\s*\?).)+?)\s*\?\s*$", re.I)


def _marker(raw: str) -> Optional[str]:
    """A bullet's marker with its indentation ("  +"), or None for no bullet."""
    m = re.match(r"^(\s*[-+•–])\s", raw)
    return m.group(1) if m else None


# --------------------------------------------------------------------------------------------------- compiled words

# a number of communes: never this one ("hai phường", "03 xã"; not "năm", a year as often as five)
_MANY = r"hai|ba|bốn|sáu|bảy|tám|chín|mười|\d{1,2}"
# a whole stated apart from its part, after "trên tổng số" (the part and its whole as a count and its frame)
_OF_A_STATED_WHOLE = re.compile(r"(?<=tổng số )|(?<=tổng số là )|(?<=tổng số có )", re.I)
# the measure the sentence before spoke of, named again by a demonstrative ("tỷ lệ này", "chỉ số này")
_THIS_MEASURE = re.compile(r"\b(?:tỷ lệ|chỉ số|con số|kết quả)\s+(?:này|nói trên|trên)\b", re.I)
# (not "toàn xã có 120 hộ nghèo": "có" holds a stock)
_UNIT_TOTAL = re.compile(rf"^\W*(?:toàn|cả)\s+(?:{_KINDS})\s*(?:là|:)?\s*$", re.I)
# a total of the counts just listed year by year ("…; tổng cộng 18 mô hình"), and a plan period's target ("đạt 150%
# chỉ tiêu giai đoạn", "kế hoạch cả giai đoạn")
# the years just named, named again ("trong 03 năm này", "các năm nói trên", "những năm đó")
_THESE_YEARS = re.compile(r"\b(?:\d{1,2}|hai|ba|bốn|các|những)\s+năm\s+(?:này|đó|nói trên|trên)\b", re.I)
# the plan period as a whole ("cả giai đoạn", no years after it), and a count of years ("trong 02 năm", "qua ba năm")
_N_YEARS = r"(?:qua|sau|trong)\s+(?P<n>\d{1,2}|hai|ba|bốn|năm)\s+năm"
_WHOLE_PERIOD = re.compile(r"\b(?:cả|toàn)\s+giai đoạn\b(?!\s*(?:từ\s+)?(?:năm\s+)?(?:19|20)\d\d)", re.I)
_IN_N_YEARS = re.compile(rf"\b{_N_YEARS}\b(?!\s+\d)", re.I)
# (after the years counted: "…; qua 02 năm, tổng cộng 83 con bò giống")
_TOTAL_OF_SERIES = re.compile(
    rf"^\W*(?:{_N_YEARS}(?:\s+qua)?\s*,?\s*)?"
    r"(?:tổng cộng|cộng|tính chung|cả giai đoạn)\b",
    re.I,
)
_RUNNING_TOTAL = re.compile(r"\b(?:tổng cộng|tổng số|lũy kế|luỹ kế)\b", re.I)
_PLAN_PERIOD = re.compile(
    r"\b(?:chỉ tiêu|kế hoạch|mục tiêu)\s+(?:của\s+)?(?:cả\s+|toàn\s+)?giai đoạn\b(?!\s*(?:từ\s+)?(?:năm\s+)?(?:19|20)\d\d)",
    re.I,
)
# what the unit was formed from, named as its origin ("Xã X được thành lập trên cơ sở sắp xếp các xã A và B; có 24
# khu"): an aside of its history, not the subject of what follows in the sentence
_FORMED_FROM = re.compile(r"\btrên cơ sở\s+(?:sắp xếp|sáp nhập|nhập|hợp nhất)\b[^;]*(?:;|$)", re.I)
# — or the unit's predecessors as the unit itself before the merger: "UBND xã (trước ngày 01/7/2025 là UBND các xã
# cũ) đều ban hành …", "UBND xã (và UBND các xã cũ trước đây) đều cử …"
_INCLUDING = re.compile(
    r"\(\s*(?:tính cả|tính luôn|kể cả|bao gồm(?: cả)?|gồm cả|tổng hợp|(?:trước|từ)\b[^()]*?\blà|và|cùng)\b"
    r"(?=[^()]*\b(?:cũ|trước sắp xếp|trước sáp nhập|trước đây)\b)[^()]*\)",
    re.I,
)
_OTHER_UNIT = re.compile(
    r"\b(?:toàn|cả)\s+(?:huyện|tỉnh|thành phố|quận|thị xã|nước)\b|\b(?:các|những)\s+xã\b|"
    r"\bcùng kỳ\b(?!\s+năm\s+(?:19|20)\d\d)|\b(?:huyện|tỉnh|thành phố)\s+(?:có|đạt)\b|\bgiáp ranh\b|\(cũ\)|"
    r"\b\d+\s*/\s*\d+\s+xã\b|\bxã thứ\b|\btrên địa bàn\s+(?:toàn\s+)?(?:huyện|tỉnh|thành phố|quận|thị xã)\b|"
    # the average of a higher unit ("Bình quân chung của thành phố, tỷ lệ … cấp xã đạt 59,3%")
    r"\b(?:bình quân|trung bình)(?:\s+chung)?\s+(?:của\s+)?(?:toàn\s+)?(?:huyện|tỉnh|thành phố|quận|thị xã)\b|"
    # a rate shared by a higher unit ("tỷ lệ hồ sơ trực tuyến chung của Thành phố 11 tháng đạt 85,6%")
    r"\bchung\s+(?:của\s+)?(?:toàn\s+)?(?:huyện|tỉnh|thành phố|quận|thị xã)\b|"
    # … or its own ("tỷ lệ hồ sơ trực tuyến của quận Bình Khê đạt 79,4%"), not the target it gave ("tỷ lệ … theo chỉ
    # tiêu của huyện")
    r"\btỷ lệ\b(?:(?!chỉ tiêu|kế hoạch|giao)[^,;.]){0,60}\bcủa\s+(?:toàn\s+)?(?:huyện|quận|thị xã|tỉnh|thành phố)\b|"
    # a higher unit by its name as the subject ("Thành phố Lào Cai hiện có 142 mô hình …", "huyện Đông Hòa đạt …")
    # — not the unit's address ("xã Đông Quang, huyện Sơn Hà, tỉnh Quảng Ngãi giảm được 05 hộ nghèo")
    rf"(?<!,\s)(?<!,)\b(?:huyện|tỉnh|thành phố|quận|thị xã)\s+(?-i:[{UP}])\w*(?:\s+(?-i:[{UP}])\w*){{0,3}}\s+"
    # (not one that recognises the unit: "Xã được Ủy ban nhân dân tỉnh Thái Bình công nhận …")
    r"(?:hiện(?:\s+nay)?\s+|đã\s+|cũng\s+)?(?:có|đạt|giảm)\b",
    re.I,
)
_NOT_RESULT = re.compile(
    r"\b(?:phấn đấu|dự kiến|mục tiêu(?!\s+quốc gia)|sẽ|cần|nhiệm vụ|định hướng|kế hoạch năm sau)\b|"
    r"\bít nhất\b(?!\s*\d+\s*%)",
    re.I,
)
_NAMED_UNIT = re.compile(rf"\b(?:{_KINDS})\s+(?P<name>{_NOT_ABBR}[{UP}][\w]*(?:\s+[{UP}][\w]*){{0,3}})")
# Who a clause speaks of: the last unit named before a figure ("Toàn huyện giảm 215 hộ nghèo, đạt 104% kế hoạch": the
# 104% is the district's too). Another unit — a district, province or city as a whole, another commune by its name,
# a former commune "(cũ)", "các xã" — or this unit ("xã", "Ủy ban nhân dân phường", its own name). A unit named after
# "so với", "cùng với", "như" is compared with, not spoken of.
_SUBJECT = re.compile(
    rf"(?P<cmp>\b(?i:so với|cùng với|như|hơn|bằng)\s+)?"
    rf"(?:(?P<whole>\b(?i:toàn|cả)\s+(?i:huyện|tỉnh|thành phố|quận|thị xã|nước)\b)"
    rf"|(?P<many>\b(?i:các|những|{_MANY})\s+(?i:{_KINDS})\b|\b(?i:cụm|khối)\s+(?i:thi đua)\b"
    # the units it was formed from, named as such ("ba đơn vị cũ", "các địa phương trước sắp xếp")
    rf"|\b(?i:các|những|{_MANY})\s+(?i:đơn vị|địa phương)(?:\s+(?i:hành chính))?\s+(?i:cũ|trước sắp xếp|trước sáp nhập)\b)"
    # one of the unit's parts, singled out ("riêng thôn Đông …") or the clause's subject ("Bản Nậm Sáo 1 giảm 06 hộ",
    # "Tổ dân phố số 2 và số 9 chưa giảm được hộ nghèo nào"): its own figure, not the unit's — but not a place where
    # the unit acts ("xã công nhận 01 mô hình tại thôn Tây Hà")
    rf"|(?P<part>(?:\b(?i:riêng)\s+|^\W*|[;:,]\s*)"
    rf"(?i:thôn|ấp|bản|buôn|làng|xóm|khóm|khu phố|tổ dân phố|tổ|khu)\s+(?:[{UP}]|\d|(?i:số)\s*\d))"
    # a body of the district, province or city acting ("Ủy ban nhân dân huyện công nhận 04 mô hình …"), not the
    # target it gives ("chỉ tiêu huyện giao"), a body the commune acts for or with ("do Ban Dân vận Huyện ủy mở") nor
    # the agent of a passive ("Xã được Ủy ban nhân dân tỉnh công nhận …")
    rf"|(?P<body>(?<!\bcủa )(?<!\btheo )(?<!\bdo )(?<!\bvới )(?<!\bđược )(?<!\btrình )(?<!\bgửi )(?<!\bnghị )"
    rf"\b(?i:ủy ban nhân dân|ubnd|hội đồng nhân dân|ban dân vận|"
    rf"ban thường vụ|hội nông dân|hội liên hiệp phụ nữ|hội cựu chiến binh|đoàn thanh niên|liên đoàn lao động|"
    rf"mặt trận tổ quốc(?: việt nam)?|ủy ban mặt trận tổ quốc(?: việt nam)?)\s+(?i:huyện|tỉnh|thành phố|quận|thị xã)\b"
    rf"(?!\s+(?i:giao|đã giao)\b))"
    # a higher unit by its name acting ("huyện Thanh Oai đang hoàn thiện hồ sơ …"), not the one the unit belongs to
    # ("xã … thuộc huyện Thanh Oai", "(huyện Thanh Oai)", "của huyện …")
    rf"|(?P<higher>(?<!\bcủa )(?<!\bthuộc )(?<!\bcho )(?<!\bvới )(?<!\()(?<!\bdân )(?<!\bUBND )(?<!\bHĐND )"
    rf"\b(?i:huyện|quận|thị xã|tỉnh)\s+(?![^,.;()]{{0,40}}?\b(?i:giao)\b)[{UP}]\w*)"
    rf"|\b(?i:{_KINDS})(?:\s+(?P<name>{_NOT_ABBR}[{UP}][\w]*(?:\s+[{UP}][\w]*){{0,3}}))?(?P<former>\s*\((?i:cũ)\)|\s+(?i:cũ)\b)?)"
)
# a unit's address: its name, then its district's and province's after commas ("xã A, huyện B, tỉnh C")
_ADDRESS_BEFORE = re.compile(rf"\b(?i:{_KINDS}|huyện|quận|thị xã|tỉnh)\s+[{UP}]\w*(?:\s+[{UP}]\w*){{0,3}}\s*,\s*$")
# an intention, a condition or a plan's target that governs what follows it in the clause ("Kế hoạch … đặt mục tiêu
# đến năm 2025 có … từ 60% trở lên", "nếu được hỗ trợ kinh phí, xã sẽ xây dựng 02 mô hình"), unless a result is
# stated after it ("… đề ra mục tiêu 02 mô hình, xã đã công nhận 03 mô hình")
_INTENT = re.compile(
    r"\b(?:phấn đấu|dự kiến|nếu|giả sử|sẽ|(?:đặt|đề ra|giao)\s+(?:ra\s+)?(?:mục tiêu|chỉ tiêu)\s+(?:đến|phấn đấu|là|năm|mỗi|có)"
    r"|mục tiêu\s+(?:đến|của kế hoạch|là)|định hướng"
    # an act being prepared, not held yet ("chỉ đạo chuẩn bị tổng kết 05 năm Phong trào …, dự kiến tổ chức …")
    r"|chuẩn bị(?=\s*$|\s+(?:tổ chức|tổng kết|sơ kết|ký kết|ban hành|xây dựng)\b)"
    # a forecast of the whole year before it ends ("Ước cả năm đạt trên 90% kế hoạch", "ước thực hiện đến hết năm");
    # not "Ước thực hiện 9 tháng", the genre's word for the months reported
    r"|(?<!giao )ước(?:\s+(?:tính|thực hiện|đạt))?\s+(?:cả năm|đến (?:hết|cuối) năm))\b",
    re.I,
)
# a target given by a higher level (giam_ngheo.chi_tieu_giao), not one the unit sets itself
_GIVEN_BY = re.compile(r"\b(?:huyện|tỉnh|thành phố|quận|thị xã|cấp trên)\s+(?:đã\s+)?giao\b", re.I)
# a figure for each of the commune's parts, or their average, is no count of the commune ("Bình quân mỗi thôn có 02 mô
# hình …", "mỗi hộ được hỗ trợ 01 con bò")
_PER_PART = re.compile(
    r"\b(?:bình quân|trung bình)\b|\bmỗi\s+(?:thôn|ấp|bản|buôn|làng|xóm|khóm|khu phố|tổ dân phố|hộ|người|xã)\b", re.I
)
# the whole after a figure per part ("mỗi khóm có 01 tuyến đường …, tổng cộng 09 tuyến")
_WHOLE_AFTER_PART = re.compile(rf"\b(?:tổng cộng|tổng số|cộng chung|toàn\s+(?:{_KINDS})|cả\s+(?:{_KINDS}))\b", re.I)


def _per_part(before: str) -> bool:
    """Whether the words before a figure make it a figure per part (each thôn, each household, an average), and no
    whole is named after that."""
    ends = [m.end() for m in _PER_PART.finditer(before)]
    return bool(ends) and not _WHOLE_AFTER_PART.search(before, ends[-1])


# a clause that opens on a target ("Chỉ tiêu huyện giao năm 2024 là giảm 06 hộ nghèo và công nhận 02 mô hình …"): its
# figures are targets, read only as targets
# — not a clause that opens on the result of a target ("Kết quả thực hiện chỉ tiêu năm 2024: giảm 05 hộ nghèo")
# — nor one that gives the plan's figure and then what was done ("Chỉ tiêu giảm hộ nghèo: Kế hoạch giảm 18 hộ, thực
# hiện giảm 21 hộ, đạt 116,7%")
_TARGET_LEAD = re.compile(
    # — nor one that opens on meeting it ("Hoàn thành chỉ tiêu huyện giao, giảm 47 hộ nghèo")
    r"^\W*(?!(?:kết quả|thực hiện)\b)(?:(?!(?:hoàn|vượt|đạt)\b)\S+\s+){0,3}?chỉ tiêu\b"
    r"(?![^.;]{0,60}\b(?:đã|đạt|thực hiện được|kết quả)\b)(?![^.;]{0,100},\s*(?:thực hiện|thực tế)\b)",
    re.I,
)
# a count of what there is now, with no year: a stock, not a year's result
_STOCK = re.compile(r"\b(?:đến nay|hiện nay|hiện có|tính đến nay|đến thời điểm (?:này|báo cáo))\b", re.I)
# a change counted so far this year, not a stock: "Đến nay, xã đã giảm được 03 hộ nghèo" (the verb's aspect: giảm
# được, thoát nghèo — against "có", which holds a stock)
# — or households counted by the change they went through ("đến nay có 07 (bảy) hộ thoát nghèo")
_CHANGE_SO_FAR = re.compile(
    r"\b(?:đã\s+)?(?:giảm được|thoát nghèo được|giảm)\s+(?:\S+\s+){0,2}?hộ\b|"
    r"\b\d+\s*(?:\([^()]{1,20}\)\s*)?hộ\s+(?:nghèo\s+)?(?:đã\s+)?thoát nghèo\b|"
    # — or none of them ("Đến nay chưa có hộ nào thoát nghèo")
    r"\bhộ\s+(?:nghèo\s+)?nào\s+(?:được\s+)?thoát nghèo\b|"
    # — or models recognised so far, from no start but the year's ("Đến nay đã đánh giá, công nhận được 01 (một) mô
    # hình là …"; not "Từ khi thành lập đến nay, xã đã công nhận 05 mô hình")
    r"^(?!.*\b(?:từ|kể từ|lũy kế|luỹ kế)\s+(?:khi|năm|ngày|ngày thành lập)\b).*"
    r"\b(?:công nhận|thành lập|xây dựng)(?:\s+(?:được|mới|thêm))?\s+\S+\s*(?:\([^()]{1,12}\)\s*)?mô hình\b",
    re.I,
)
# "hiện" of now, not a word ending on it: "thực hiện", "thể hiện", "phát hiện" …
_NOT_HIEN_OF_WORD = r"(?<!thực )(?<!thể )(?<!xuất )(?<!biểu )(?<!phát )(?<!hiển )"
# "hiện" as now ("Hiện toàn xã có …", "hiện nay")
_HIEN = re.compile(_NOT_HIEN_OF_WORD + r"\bhiện\b", re.I)
# the verb of a stock right before its figure: "toàn xã có 08", "đang duy trì 11", "có tổng cộng 05"
_STOCK_BEFORE = re.compile(r"\b(?:có|duy trì)\s+(?:tổng cộng\s+|tổng số\s+)?$", re.I)


def _said_now(text: str, until: int) -> bool:
    """Whether the figure a reading ends at (``_stock_figure``) is a stock said of now, its verb and a word of now
    before it: "Hiện xã đang duy trì 04 mô hình", "lũy kế đến nay toàn xã có 05 mô hình" — not "có bốn mô hình …
    được công nhận mới và hiện duy trì 09 tuyến", where the now is of what follows."""
    figure = _stock_figure(text, until)
    return figure is not None and bool(_HIEN.search(text, 0, figure.start()) or _NOW.search(text, 0, figure.start()))


# the words after a stock's unit that say only it was recognised earlier ("04 mô hình đã được công nhận từ các năm
# trước")
_RECOGNISED_BEFORE = re.compile(
    r"\s*(?:đã\s+)?được\s+công nhận\b(?:\s+(?:từ|trong|qua)\s+các\s+năm\s+trước\b)?\W*(?:$|,)", re.I
)
# a start named without its year ("lũy kế từ khi triển khai Đề án", "từ khi thành lập đặc khu", "qua hơn 03 năm"):
# the total runs over a span the clause does not date
_SINCE_UNDATED = re.compile(
    r"\b(?:lũy kế từ|luỹ kế từ|từ khi|kể từ|từ đầu|qua (?:hơn |gần )?\S+ năm|sau (?:hơn |gần )?\S+ năm)", re.I
)
# households leaving poverty, after their unit ("24 hộ thoát nghèo"), and households that became or fell back into
# poverty in the same stretch: a gross flow, not the decrease
_GROSS_EXIT = re.compile(r"\s*(?:nghèo\s+)?(?:đã\s+)?thoát nghèo\b", re.I)
_NEW_POOR = re.compile(r"\b(?:phát sinh|tái nghèo)\b", re.I)
_NET_DECREASE = re.compile(r"\bgiảm(?:\s+được)?\s+\d+\s*(?:\([^()]*\)\s*)?hộ\b", re.I)
_STATED = re.compile(r"\b(?:đã|kết quả|thực tế|thực hiện được)\b", re.I)


def _stock_figure(text: str, until: int) -> Optional[re.Match]:
    """The figure of a stock a reading ends at: the last before ``until`` with a stock's verb right before it ("có 05",
    "duy trì 04"; a "năm" after it is a year's word, not five)."""
    figures = reversed(list(g.NUM_RX.finditer(text, 0, max(until, 0))))
    return next((m for m in figures if _STOCK_BEFORE.search(text, 0, m.start())), None)


@dataclass
class Reader:
    """One indicator's words, compiled."""

    ind: Indicator
    words: IntakeWords
    topic: list[re.Pattern]
    unit: list[re.Pattern]
    verb: list[re.Pattern]
    act: list[re.Pattern]
    not_: list[re.Pattern]
    levels: list[tuple[str, list[re.Pattern]]]
    docs: Optional[re.Pattern]
    topics: frozenset[str]

    @property
    def key(self) -> str:
        return self.ind.key

    def reads(self, what: str) -> bool:
        return what in self.words.read


# the verbs an act is written with; the same act said in the passive puts its object first ("Giao ước thi đua giữa
# chính quyền với Mặt trận … được ký kết vào tháng 01", "Kế hoạch … đã được ban hành")
_ACT_VERBS = re.compile(
    r"^(?P<v>ký kết|ký|ban hành|tổ chức|xây dựng|thực hiện|triển khai|cử|sơ kết|tổng kết)\s+(?:…\s+)?(?P<o>[^…\s].*)$",
    re.I,
)


def passive_of(phrase: str) -> Optional[str]:
    """An act's phrase ("ký kết giao ước thi đua") in the passive voice ("giao ước thi đua … được ký kết"), or None
    when it does not open on a verb of acts."""
    m = _ACT_VERBS.match(phrase.strip())
    if not m or len(m.group("o").split()) < 2:
        return None
    # the agent may stand between ("… đã được phường sơ kết")
    return f"{m.group('o')} … được … {m.group('v')}"


def compile_words(cat: Catalogue) -> list[Reader]:
    out = []
    for ind in cat.indicators.values():
        w = ind.words
        if w is None:
            continue
        levels = [(lv.key, [compile_pattern(x) for x in lv.words]) for lv in ind.levels or [] if lv.words]
        docs = re.compile("|".join(re.escape(k) for k in w.document), re.I) if w.document else None
        out.append(
            Reader(
                ind,
                w,
                [compile_pattern(x) for x in w.topic],
                [compile_pattern(x) for x in w.unit],
                [compile_pattern(x) for x in w.verb],
                [compile_pattern(x) for x in w.act]
                + [compile_pattern(p) for p in (passive_of(x) for x in w.act) if p is not None],
                [compile_pattern(x) for x in w.not_],
                levels,
                docs,
                frozenset(x.lower() for x in w.topic),
            )
        )
    return out


# --------------------------------------------------------------------------------------------------- reading prose


@dataclass
class _Clause:
    para: Paragraph
    ctx: Context
    start: int  # offset in the paragraph's text
    text: str  # for matching
    figs: list[g.Figure]
    whens: list[g.When]
    lead_when: Optional[g.When]
    sentence_before: str  # the sentence's text before this clause


# what a report says holds now: a state read after one of these is the state at the report's date, whatever year the
# clause named before it ("Xã đạt chuẩn nông thôn mới năm 2021, hiện đạt 11/19 tiêu chí …")
_NOW = re.compile(
    _NOT_HIEN_OF_WORD
    + r"\b(?:hiện nay|hiện tại|hiện(?=\s+(?:có|đạt|còn|đang|vẫn|duy trì|giữ vững)\b)|đến nay|cho đến nay|tới nay|"
    r"tính đến(?: ngày| thời điểm)?)\b",
    re.I,
)

# a title or a state said to be held now, after its figure ("… đang giữ danh hiệu", "… hiện duy trì", "vẫn giữ vững")
_HOLDING = re.compile(r"\b(?:đang|hiện|vẫn|còn)\s+(?:giữ|duy trì)\b", re.I)

# the day or month an act was done ("được tổ chức ngày 15/10/2024", "vào tháng 11/2023")
_ACT_DATE = re.compile(rf"\b(?:ngày\s+\d{{1,2}}/\d{{1,2}}/|tháng\s+\d{{1,2}}/)(?P<y>{_YEAR})\b", re.I)
_HORIZON = re.compile(rf"\b(?:đến|tới|tầm nhìn(?: đến)?)\s+năm\s+{_YEAR}\b", re.I)


def _name_readings(name: str) -> set[str]:
    """A unit's name as read after its kind, folded: whole, and without a last word that may begin the next words
    ("xã A Việt Nam", "phường B Tổ …") — a name may end in "Nam" of its own ("thị trấn Hòa Khánh Nam")."""
    return {fold(n).lower() for n in (name, re.sub(r"\s+(?:Việt|Nam|Tổ|Quốc)$", "", name))}


class _Reading:
    """The state of one extraction: the report, its header, the readers, and the drafts so far."""

    def __init__(self, cat: Catalogue, report: ReportText, header: Header):
        self.cat, self.report, self.header = cat, report, header
        self.readers = compile_words(cat)
        self.comma_units = [u for r in self.readers for u in r.unit if "," in u.pattern]
        self.drafts: list[Draft] = []
        self.used_lines: set[int] = set()
        self.said_before: list[Reader] = []  # the indicators the last sentence read (for "tỷ lệ này")
        # the changes on an earlier time the sentence states, with the number of drafts before each
        self.changes: list[tuple[_Clause, g.Figure, int]] = []
        as_of = header.as_of
        self.as_of_year = as_of.year if as_of else header.year
        # a report of a whole year (its figures run to December): "cùng kỳ năm 2023" there is the year 2023
        # a report of the whole year, its figures cut off in December — or in November, as such reports often are ("số
        # liệu tính đến ngày 30/11/2023"), when its title names no part of the year
        self.whole_year = as_of is not None and (
            as_of.month == 12 or (as_of.month == 11 and not _PART_OF_YEAR_TITLE.search(header.title or ""))
        )
        first = header.period_from or self.as_of_year
        self.report_years = list(range(first, self.as_of_year + 1)) if first and self.as_of_year else []
        self.own = fold(header.commune).lower() if header.commune else None
        names = sorted((n for n in header.predecessors if n), key=len, reverse=True)
        self.former_names = {fold(n).lower() for n in names}
        self.former = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        self.ocr = report.ocr
        self.formed = _formed(report, header) if header.predecessors else None

    def total_now(self, reader: Reader, cl: _Clause, until: int) -> bool:
        """A running total with no start, said of now: "Đến nay, toàn xã có 08 mô hình “Dân vận khéo” được công
        nhận", "Hiện trên địa bàn xã có 17 mô hình “Dân vận khéo” đang được duy trì" — the unit's own stock (its
        verb right before the figure, the indicator's unit and topic right after it). Not a total whose start is
        named without a year ("lũy kế từ khi triển khai Đề án"), nor "đến nay" in a merged unit's report, where it
        runs from the merger."""
        # "Hiện toàn xã có …", "hiện nay", "đang duy trì": not "đến nay", which in a merged unit's report runs from
        # the merger
        now = _HIEN.search(cl.text) or re.search(r"\bđang\s+duy trì\b", cl.text, re.I)
        if until < 0 or not (now or (_NOW.search(cl.text) and self.former is None)):
            return False
        figure = _stock_figure(cl.text, until)
        if _SINCE_UNDATED.search(cl.text) or figure is None:
            return False
        after = cl.text[figure.end() :]
        unit = next((m for p in reader.unit if (m := p.search(after)) and m.start() <= 2), None)
        if unit is None:
            return False
        if any((m := p.search(after[unit.end() :])) and m.start() <= 3 for p in reader.topic):
            return True
        # the topic in the paragraph's label, or read in the sentence before, the unit ending the sentence or said to
        # be recognised ("2. Mô hình “Dân vận khéo”: … Hiện phường đang duy trì 06 mô hình.", "… chưa công nhận thêm
        # mô hình “Dân vận khéo” nào. Hiện xã đang duy trì 04 mô hình đã được công nhận từ các năm trước")
        rest = after[unit.end() :]
        return (not rest.strip(" .;") or bool(_RECOGNISED_BEFORE.match(rest))) and (
            (bool(cl.ctx.lead) and _found(reader.topic, for_matching(cl.ctx.lead)))
            or (not cl.sentence_before and any(s.topics & reader.topics for s in self.said_before))
        )

    @contextlib.contextmanager
    def only(self, keep: Callable[[Reader], bool]) -> Iterator[None]:
        """Read with only the readers ``keep`` picks, for a pass of its own (the opening's make-up, an assessment's
        second statement)."""
        readers = self.readers
        self.readers = [r for r in readers if keep(r)]
        try:
            yield
        finally:
            self.readers = readers

    # ------------------------------------------------------------------ time

    def years(
        self, reader: Reader, window: list[g.When], cl: _Clause, inherited: Optional[g.When], until: int = -1
    ) -> tuple[list[Any], float]:
        """The periods a reading is for, and how sure that is; ``until``, where known, is the end of the figure read (a
        "đến nay" after it is of the next figure: "năm 2023 đạt 46,8%, đến nay đạt 71,25%")."""
        kind = reader.words.period
        if kind == "year" and reader.ind.type == "boolean":
            # an act done on a day: "Hội nghị sơ kết phong trào … giai đoạn 2021 - 2024 … được tổ chức ngày
            # 15/10/2024" (the span is what is reviewed), "Phường đã tổ chức sơ kết … vào tháng 11/2023"
            first = next((w for w in window if not w.empty), None)
            on = _ACT_DATE.search(g.masked(cl.text, keep_time=True))  # a document's own date is masked
            lead = cl.lead_when if first is None else first
            if on is not None and (lead is None or lead.span):
                window = [g.When(years=[int(on.group("y"))], at=on.start(), dated=True)]
        if kind == "year" and not any(not w.empty for w in window) and _THESE_YEARS.search(cl.text):
            # "Cũng trong 03 năm này, xã đều cử …": the years the sentence before named, each of them
            before = re.split(r"(?<=[.!?])\s+", cl.para.match[: cl.start - len(cl.sentence_before)].strip())[-1]
            named = sorted({y for w in g.whens(g.masked(before, keep_time=True)) for y in w.years})
            if len(named) >= 2:
                window = [g.When(years=named, at=0)]
        if kind == "year" and reader.ind.type == "boolean" and not any(not w.empty for w in window):
            # "Các năm từ 2022 đến 2024, UBND xã đều ban hành …": the act of each year of the span the clause opens on
            span = next((w for w in cl.whens if w.span), None)
            if span is not None and any(w.every for w in cl.whens):
                window = [span]
        dated = next((w for w in window if not w.empty), None)  # the time the clause itself names
        when = dated or self.whole_period(cl) or cl.lead_when or inherited
        if when is None and cl.ctx.parent is not None:
            when = _lead_when(self, cl.ctx.parent)
        if kind == "years" and _PLAN_PERIOD.search(cl.text) and (when is None or not when.span):
            return [], 0  # "Năm 2024, … đạt 60% chỉ tiêu cả giai đoạn": a plan period's rate, never the year's
        sure = 1.0
        periods: list[Any]
        if kind == "year" and reader.ind.type == "boolean" and self.as_of_year and dated is None:
            # an act whose clause names no year, with a list after a colon, each item opening on its year ("UBND xã
            # đều thực hiện đánh giá … hằng năm …: năm 2023 được xếp loại Tốt; năm 2024 xã đã tự chấm đạt 92/100
            # điểm"): the years listed
            listed = re.match(rf"[^:.;()]*:((?:\s*năm\s+{_YEAR}\b[^;.]*(?:[;.]|$))+)", cl.para.text[cl.start :], re.I)
            named = re.findall(rf"(?:^|[;.])\s*năm\s+({_YEAR})\b", listed.group(1), re.I) if listed else []
            reported = sorted({int(y) for y in named if int(y) <= self.as_of_year})
            if reported:
                return reported, 0.9
        if (
            kind == "span"
            and when is not None
            and not when.span
            and dated is None
            and self.total_now(reader, cl, until)
            and _said_now(cl.text, until)
        ):
            # "Năm 2023, xã công nhận 01 mô hình; lũy kế đến nay toàn xã có 05 mô hình …": the total now, not of the
            # year an earlier clause named
            return ["as_of"], 0.8
        if kind == "year" and reader.ind.unit == "mô hình" and dated is None and _said_now(cl.text, until):
            return [], 0  # "Năm 2024, …. Hiện xã đang duy trì 04 mô hình …": the stock, not the year's models
        if when is None:
            if kind == "span":
                # "Đến nay, toàn xã có 08 mô hình …", "Hiện nay xã đang duy trì 11 mô hình": a total with no start is
                # the total now (the corpus's reading), never a span guessed from the plan's years
                return (["as_of"], 0.8) if self.total_now(reader, cl, until) else ([], 0)
            if kind == "year" and _STOCK.search(cl.text) and not _CHANGE_SO_FAR.search(cl.text):
                return [], 0  # "Đến nay, xã có 04 mô hình …": a stock since some year, not the year's count
            if kind == "state":
                return ["as_of"], 1.0
            if len(self.report_years) == 1:
                return [self.report_years[0]], 0.95
            return ([self.as_of_year], 0.7) if self.as_of_year else ([], 0)
        part = when.part and not (when.same_months and self.whole_year)
        if part and kind in ("year", "state") and self.as_of_year and max(when.years) < self.as_of_year:
            # "(9 tháng năm 2023 giảm 06 hộ)": some months of a past year, not that year's count; "cùng kỳ năm 2023
            # (48,2%)": the state at those months, not the year's (the corpus's "cùng kỳ" convention)
            return [], 0
        if when.span:
            a, b = when.span
            if kind == "year" and reader.ind.type == "boolean" and any(w.every for w in cl.whens) and self.as_of_year:
                # "từ năm 2023 đến nay, mỗi năm xã đều ký …": an act done in each year of the span
                return list(range(a, min(b, self.as_of_year) + 1)), 0.95
            if kind == "year" and a != b and reader.ind.type == "count" and reader.reads("count"):
                # a count of each year summed over the years a review names ("Lũy kế từ năm 2023 đến nay, phường giảm
                # 14 hộ nghèo"): the span, as the corpus reads a running total
                return [f"{a}-{b}"], 0.9
            if (kind == "year" and a != b) or (kind == "span" and a == b):
                return [], 0  # a span indicator needs a span; "từ khi thành lập (07/2025) đến nay" in 2025 is a year
            if kind == "state":
                return ["as_of"], 1.0
            periods = [a if a == b else f"{a}-{b}"]  # "từ khi thành lập (07/2025) đến nay" in 2025: that year
        elif kind == "span":
            return [], 0
        elif when.every:
            periods = list(self.report_years)
            # "Hằng năm UBND xã đều ban hành kế hoạch … (năm 2023: Kế hoạch số …; năm 2024: …)": the years the
            # bracket after the act names, one item each, are the years of it ("Hằng năm, UBND xã cử cán bộ … (năm
            # 2025: 08 lượt; năm 2026: 12 lượt)" in a review of 2022–2026 by a xã formed in 2025)
            # (or the bracket that closes right before an act joined to the first: "… đều ban hành kế hoạch … (năm
            # 2023: …; năm 2024: …) và ký giao ước thi đua …")
            bracket = re.match(r"[^()]*\(([^()]*)\)", cl.para.text[cl.start :]) or re.search(
                r"\(([^()]*)\)\s*$", cl.sentence_before
            )
            if bracket and reader.ind.type == "boolean" and self.as_of_year:
                named = [int(y) for y in re.findall(rf"(?:^|;)\s*năm\s+({_YEAR})\s*:", bracket.group(1), re.I)]
                periods = sorted({y for y in named if y <= self.as_of_year}) or periods
            # "Hằng năm, UBND các xã cũ (các năm 2022 - 2024) và UBND xã Hải Định An (năm 2025, năm 2026) đều ban
            # hành …": the years the bracket after the unit's own name gives are its own; the others' are theirs
            own = self.own_years_bracket(cl.sentence_before + cl.text)
            if own and reader.ind.type == "boolean":
                periods = [y for y in periods if y in own]
        elif when.current:
            # "trong năm", "đến cuối năm" under a heading that is a year ("4. Năm 2025"): that year, not the report's
            heading = _heading_year(cl.ctx)
            periods = list(heading.years) if heading else [self.as_of_year] if self.as_of_year else []
        else:
            periods = list(when.years)
        if kind == "state":
            if (
                when.every
                or (
                    reader.ind.type in ("boolean", "level")
                    and self.as_of_year
                    and periods
                    and all(isinstance(p, int) and p > self.as_of_year for p in periods)
                    and _HORIZON.search(cl.text, max(0, when.at - 12))
                )
                # (a year this clause inherits from one before stands before all of it: "Năm 2025, … 16/17 ấp văn
                # hóa; hiện nay 17/17 ấp đạt …")
                or _NOW.search(
                    cl.text,
                    at := (when.at if any(w is when for w in cl.whens) else 0),
                    until if until > at else len(cl.text),
                )
            ):
                # a state "hằng năm … đều" is the state now; an act's year to come after "đến năm" is a plan's
                # horizon ("phản biện đồ án quy hoạch … đến năm 2035"), not its year (a count for a year to come is
                # a target, left to after_report); "năm 2021 …, hiện đạt 11/19": what holds now
                return ["as_of"], sure
            periods = [p if isinstance(p, int) else "as_of" for p in periods][:1]
        return periods, sure

    def whole_period(self, cl: _Clause) -> Optional[g.When]:
        """The period a clause's total of a series, or a plan period's rate, stands for, when the clause names no year
        of its own: "năm 2022 thành lập 04 mô hình, …, năm 2024 thành lập 05 mô hình; tổng cộng 15 mô hình" is the
        total of 2022–2024, not of 2024; "đạt 125% chỉ tiêu giai đoạn" is the rate of the plan period (the years the
        sentence names, else the report's own span), never of the last year named."""
        if any(not w.empty for w in cl.whens):
            return None
        since = self.since_own_plan(cl.text)
        if since is not None:
            return since
        # "trong 02 năm, xã hỗ trợ 09 con bò giống" in a review of 2023–2024: the review's years, when it counts as many
        years = _IN_N_YEARS.search(cl.sentence_before + cl.text)
        if years and len(self.report_years) > 1:
            if g.number_value(years.group("n")) == len(self.report_years):
                return g.When(span=(self.report_years[0], self.report_years[-1]), at=0)
        total, plan = _TOTAL_OF_SERIES.search(cl.text), _PLAN_PERIOD.search(cl.text)
        # "Tổng số hộ nghèo giảm cả giai đoạn là 63 hộ": the plan period's own total, wherever the clause says so
        period = _WHOLE_PERIOD.search(cl.text)
        if not (total or plan or period):
            return self.total_before_its_series(cl) or self.rate_of_total(cl)
        masked = g.masked(cl.sentence_before, keep_time=True)
        named = sorted({y for w in g.whens(masked, as_of_year=self.as_of_year) for y in w.years})
        if len(named) >= 2:
            return g.When(span=(named[0], named[-1]), at=0)
        if (plan or period) and len(self.report_years) > 1:
            return g.When(span=(self.report_years[0], self.report_years[-1]), at=0)
        return None

    def since_own_plan(self, text: str) -> Optional[g.When]:
        """The years from the unit's own plan to the report's for "từ khi thực hiện Kế hoạch (số 48/KH-UBND) đến nay",
        when the header gives the plan's date and the clause names no other plan."""
        since = _SINCE_PLAN.search(text)
        plan = self.header.plan or {}
        if since is None or not plan.get("date") or not self.as_of_year or "hoạch" not in since.group(0).lower():
            return None
        if not _NOW.search(text, since.end()):
            return None
        number = re.match(r"\s+số\s+([\w/.-]+)", text[since.end() :])
        if number is not None and number.group(1).rstrip(".") != plan.get("number"):
            return None  # another plan: the district's, the province's
        first = int(str(plan["date"])[:4])
        return g.When(span=(first, self.as_of_year), at=since.start()) if first <= self.as_of_year else None

    def total_before_its_series(self, cl: _Clause) -> Optional[g.When]:
        """A running total with its years in brackets after it ("từ khi triển khai Đề án đến nay, thị trấn có tổng
        cộng 04 mô hình (năm 2022: 01 mô hình; năm 2023: 01 mô hình; năm 2024: 02 mô hình)"): the span from the first
        year listed to the last, or to the report's year when the total is "đến nay"."""
        if not _RUNNING_TOTAL.search(cl.text):
            return None
        rest = cl.para.match[cl.start + len(cl.text) :]
        bracket = re.match(r"\s*\(([^()]*)\)", rest)
        if bracket is None:
            return None
        return self.breakdown_span(bracket.group(1), cl.text, least=2)

    def rate_of_total(self, cl: _Clause) -> Optional[g.When]:
        """A rate in a clause after a running total (``total_span``)."""
        return self.total_span(cl.sentence_before) if any(f.role == "of_target" for f in cl.figs) else None

    def total_span(self, before: str) -> Optional[g.When]:
        """The span of a running total a rate follows in its sentence ("Tổng cộng 02 năm 2022 - 2023 có 03 mô hình, đạt
        150% chỉ tiêu"): the rate is the total's, over that span, not the report's year."""
        if not _RUNNING_TOTAL.search(before):
            return None
        masked = g.masked(before, keep_time=True)
        spans = [w for w in g.whens(masked, as_of_year=self.as_of_year) if w.span and w.span[0] < w.span[1]]
        if spans:
            return g.When(span=spans[-1].span, at=0)
        # "Lũy kế 03 năm đã có 05 mô hình …, đạt 166,7% mục tiêu Đề án" in a review of 2022–2024: the review's span
        if len(self.report_years) > 1:
            return g.When(span=(self.report_years[0], self.report_years[-1]), at=0)
        return None

    def own_years_bracket(self, text: str) -> set[int]:
        """The years in a bracket right after the unit's own name ("UBND xã Hải Định An (năm 2025, năm 2026)")."""
        if not self.own:
            return set()
        for m in _NAMED_UNIT.finditer(text):
            bracket = re.match(r"\s*\(([^()]*)\)", text[m.end() :])
            if bracket and any(n.startswith(self.own) for n in _name_readings(m.group("name"))):
                return {int(y) for y in re.findall(_YEAR, bracket.group(1))}
        return set()

    def breakdown_span(self, bracket: str, total: str, least: int) -> Optional[g.When]:
        """The span a running total's breakdown by year names (at least ``least`` years): from its first year to its
        last, or to the report's year when the total's words say "đến nay"."""
        named = sorted({y for w in g.whens(bracket, as_of_year=self.as_of_year) for y in w.years})
        if len(named) < least:
            return None
        end = self.as_of_year if self.as_of_year and _NOW.search(total) else named[-1]
        return g.When(span=(named[0], max(end, named[-1])), at=0)

    def after_total_bracket(self, cl: _Clause, at: int) -> Optional[g.When]:
        """The span of a running total whose breakdown by year closes in brackets before ``at``: "Lũy kế … đến nay, xã
        có 05 mô hình (năm 2022: 02 mô hình; năm 2023: 03 mô hình), đạt 250% so với chỉ tiêu" — the rate after the
        bracket is the total's, over the years the bracket names (to the report's year for "đến nay"), not the last
        year in the bracket."""
        text = cl.sentence_before + cl.text[:at]
        close = text.rfind(")")
        opened = text.rfind("(", 0, close) if close >= 0 else -1
        if opened < 0 or text.rfind("(") > close or opened >= len(cl.sentence_before):
            return None  # no bracket opened in an earlier clause closes before the figure
        head, bracket = text[:opened], text[opened + 1 : close]
        if not (_RUNNING_TOTAL.search(head) or _NOW.search(head)):
            return None
        return self.breakdown_span(bracket, head, least=1)

    # ------------------------------------------------------------------ where a topic is found

    def topic_level(
        self,
        reader: Reader,
        cl: _Clause,
        after: str,
        before: str,
        subjects: list[Reader],
        table_label: Optional[str] = None,
        paragraph: bool = False,
    ) -> Optional[int]:
        """How near the indicator's subject is named: 0 right after the figure, 1 before it in the clause, 2 earlier in
        the sentence (or by an indicator read there), 3 in the paragraph's lead, 4 in the list it continues, 5 in
        its headings; None when nowhere."""
        if table_label is not None:
            return 0 if _found(reader.topic, table_label) else None
        places = [
            _named_model(reader, after),
            _no_asides(before),
            _no_asides(cl.sentence_before),
            cl.ctx.lead,
            cl.ctx.parent.text if cl.ctx.parent is not None else "",
            " ".join(cl.ctx.headings[-2:]),
        ]
        if paragraph:  # a state or an act may be named in an earlier sentence of the paragraph
            places[2] = for_matching(cl.para.text[: cl.start]) + " " + cl.sentence_before
        for level, text in enumerate(places):
            if text and _found_own(reader, text):
                return level
            if level == 1 and any(s.topics & reader.topics for s in subjects):
                return 2
        return None

    def other_subject(self, before: str) -> bool:
        """Whether the last unit a clause names before a figure is another unit (``_SUBJECT``)."""
        before = _INCLUDING.sub(lambda m: " " * len(m.group(0)), before)  # an aside of what is included
        before = _FORMED_FROM.sub(lambda m: " " * len(m.group(0)), before)
        last = None
        mentions: list[tuple[int, Optional[re.Match]]] = [(m.start(), m) for m in _SUBJECT.finditer(before)]
        # a merged commune's predecessors named without "xã" ("Trước sắp xếp, Minh Hương giảm 05 hộ")
        # — but not an old name kept by a place inside the unit ("tại khu tập thể Phúc Trì", "thôn Minh Hương")
        mentions += (
            [
                (m.start(), None)
                for m in self.former.finditer(before)
                if not _PLACE_BEFORE.search(before[: m.start()])
                and not self.own_name_at(before, m.start())
                and not self.inside_own_name(before, m.start())
            ]
            if self.former
            else []
        )
        for _, m in sorted(mentions, key=lambda x: x[0]):
            if m is None:
                last = "other"
                continue
            if m.group("cmp"):
                continue
            if m.group("higher") and _ADDRESS_BEFORE.search(before[: m.start()]):
                continue  # "xã Sơn Kỳ, huyện Sơn Hà, tỉnh Quảng Ngãi …": the unit's address, not another unit
            if (
                m.group("whole")
                or m.group("many")
                or m.group("former")
                or m.group("part")
                or m.group("body")
                or m.group("higher")
            ):
                last = "other"
            elif m.group("name"):
                names = _name_readings(m.group("name"))
                if self.own and fold(m.group("name")).lower().startswith(self.own):
                    last = "own"  # "Xã Ia Krêl Nam" formed from "xã Ia Krêl": its own name, whole, not the predecessor
                elif self.former_names and any(n in self.former_names for n in names):
                    last = "other"
                elif self.own:
                    last = "own" if any(n.startswith(self.own) for n in names) else "other"
            else:
                last = "own"
        return last == "other"

    def inside_own_name(self, text: str, at: int) -> bool:
        """Whether ``at`` falls inside the unit's own name, a predecessor's name ending it ("Thủy Giang" in "Xuân Thủy
        Giang")."""
        if not self.own:
            return False
        folded = fold(text).lower()
        return any(m.start() < at < m.end() for m in re.finditer(re.escape(self.own), folded))

    def own_name_at(self, text: str, at: int) -> bool:
        """Whether the unit's own name stands at ``at`` (a predecessor's name may begin it: "Phú Thạnh" in "Phú Thạnh
        Đông")."""
        return bool(self.own) and fold(text[at : at + len(self.own or "")]).lower() == self.own

    def intended(self, before: str) -> bool:
        """Whether an intention, a condition or a plan's target governs the end of ``before`` (``_INTENT``)."""
        ends = [m.end() for m in _INTENT.finditer(before)]
        return bool(ends) and not _STATED.search(before[ends[-1] :])

    def after_report(self, period: Any) -> bool:
        """Whether a period ends after the year the report's figures run to."""
        if not self.as_of_year or period == "as_of":
            return False
        last = str(period).rsplit("-", 1)[-1]
        return last.isdigit() and int(last) > self.as_of_year

    def other_unit(self, text: str) -> bool:
        # an aside of what is included is no other unit spoken of: "(tính cả các xã trước sắp xếp), toàn xã có …"
        text = _INCLUDING.sub(lambda m: " " * len(m.group(0)), text)
        text = _FORMED_FROM.sub(lambda m: " " * len(m.group(0)), text)
        if _OTHER_UNIT.search(text):
            return True
        for m in _NAMED_UNIT.finditer(text):
            if self.own and not any(n.startswith(self.own) for n in _name_readings(m.group("name"))):
                return True
        return False

    # ------------------------------------------------------------------ drafts

    def add(
        self,
        reader: Reader,
        periods: list[Any],
        para: Optional[Paragraph],  # None for a figure read from a table cell the paragraphs do not hold
        at: int,
        quote: str,
        *,
        value: Any = None,
        items: Optional[list[dict]] = None,
        claim: Optional[str] = None,
        document: Optional[dict] = None,
        confidence: float = 0.9,
        notes: Iterable[str] = (),
        cell: Optional[Cell] = None,
        basis: Optional[str] = None,
        awaiting: bool = False,
    ) -> None:
        w = reader.words
        if self.ocr:
            confidence *= 0.8
        quote = quote.strip(" ,;:(").strip()
        while quote[-1:] in (".", ",", ";", ":") or (quote.endswith(")") and quote.count(")") > quote.count("(")):
            quote = quote[:-1].rstrip()
        found = -1
        if para is not None and cell is None:  # the words as the report writes them (quotes, dashes), not as matched
            lo = max(0, at - 400)
            found = para.match.find(quote, lo)
            if found >= 0:
                quote = para.text[found : found + len(quote)]
        if cell is not None:
            line = cell.line
        else:
            assert para is not None  # a figure read from the text has its paragraph
            # the line where the quoted words begin (a hard-wrapped paragraph may start the quote a line before the
            # figure, and `check` looks for the quote from the line cited)
            line = para.line_at(found if 0 <= found <= at else at)
        for period in periods:
            if self.after_report(period) and not isinstance(value, bool):
                continue  # a figure of a year after the one reported on is a target or a forecast, not a result
            d = Draft(
                reader.key,
                period,
                line,
                quote.strip(" ,;(").strip(),
                value,
                items,
                basis or w.basis,
                awaiting,
                document,
                False,
                [],
                claim,
                cell.ref if cell else None,
                round(confidence, 2),
                para.line if para else 0,
            )
            if para is not None and cell is None and isinstance(period, int):
                d.year_total = bool(_YEAR_TOTAL.search(para.match[max(0, at - 80) : at]))
            d.review = w.review or confidence < 0.75 or self.ocr
            if w.note:
                d.notes.append(w.note)
            d.notes += [n for n in notes if n not in d.notes]
            if self.ocr:
                d.notes.append("đọc bằng OCR: đối chiếu với bản gốc")
            self.drafts.append(d)
            if cell is None:
                self.used_lines.add(d.line)


_QUOTED_NAME_AFTER = re.compile(r"^(?P<unit>\s*mô hình\s*)[“\"](?P<name>[^”\"]{3,160})[”\"]", re.I)


def _named_model(r: "Reader", after: str) -> str:
    """The words after a count, a model's quoted name blanked where the indicator's topic stands inside it and does not
    open it: "01 mô hình “Chi hội nông dân ứng dụng chuyển đổi số”" is a model so called, not a model of digital
    transformation — while "02 mô hình “Tuyến đường xanh - sạch - đẹp”" and "mô hình “Dân vận khéo”" name their kind."""
    m = _QUOTED_NAME_AFTER.match(after)
    if m is None:
        return after
    inside = [t for p in r.topic for t in p.finditer(m.group("name"))]
    if not inside or any(t.start() == 0 for t in inside):
        return after
    return m.group("unit") + " " * (m.end() - m.end("unit")) + after[m.end() :]


def _no_asides(text: str) -> str:
    """Text without its closed brackets: a name or a decision set aside in brackets ("(Hợp tác xã … giúp hộ nghèo)")
    does not name what a figure after it counts; nor does a name recognised by a decision ("mô hình “Bữa cơm nghĩa
    tình cho bệnh nhân nghèo” (Quyết định số …), đạt 200% kế hoạch": the rate is the models', not poverty's)."""
    return re.sub(r"\([^()]*\)", " ", _NAMED_BY_DECISION.sub(" ", text))


# a quoted name with the decision that recognised it in brackets after it
_NAMED_BY_DECISION = re.compile(r"[“\"][^“”\"]{3,200}[”\"](?=\s*\((?:theo\s+)?(?:quyết định|qđ)\b)", re.I)


def _found(patterns: list[re.Pattern], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _found_own(r: "Reader", text: str) -> bool:
    """Whether the indicator's topic is named in ``text`` other than inside one of its look-alikes ("nghèo" in "hộ
    cận nghèo")."""
    for p in r.topic:
        for t in p.finditer(text):
            if not any(n.start() <= t.start() and t.end() <= n.end() for q in r.not_ for n in q.finditer(text)):
                return True
    return False


def _lookalike(r: "Reader", text: str) -> bool:
    """Whether one of the indicator's look-alikes (``not:``) is in ``text`` — not where the indicator's own longer
    name runs on from it ("tiêu chí nông thôn mới" is the basic set's criteria; "tiêu chí nông thôn mới nâng cao" is
    the indicator's own)."""
    for p in r.not_:
        for m in p.finditer(text):
            if not any(t.start() < m.end() < t.end() for tp in r.topic for t in tp.finditer(text)):
                return True
    return False


_PART_OF_YEAR_TITLE = re.compile(r"\b(?:\d{1,2}|sáu|chín|mười)\s+tháng\b|\bquý\b|\bnhanh\b", re.I)

_FORMED = re.compile(
    rf"(?:thành lập|hoạt động|sắp xếp|sáp nhập)[^.]{{0,160}}?(?:từ|kể từ)\s+ngày\s+\d{{1,2}}/\d{{1,2}}/(?P<y>{_YEAR})",
    re.I,
)


def _formed(report: ReportText, header: Header) -> Optional[int]:
    """The year a unit formed by a merger began: the date its opening gives ("chính thức hoạt động … từ ngày
    01/7/2025"), else 2025 for a unit formed by the 07/2025 reform of communes (its report names the reform: 01/7/2025,
    "chính quyền địa phương hai cấp"); else unknown (an earlier merger's year is not guessed)."""
    for p in report.paragraphs[:40]:
        m = _FORMED.search(p.match)
        if m:
            return int(m.group("y"))
    year = header.as_of.year if header.as_of else header.year
    reform = any(re.search(r"\b0?1/0?7/2025\b|\b07/2025\b|\bhai cấp\b", p.text) for p in report.paragraphs[:40])
    return 2025 if year and year >= 2025 and reform else None


def _lead_when(rd: _Reading, para: Paragraph) -> Optional[g.When]:
    t = g.masked(para.match, keep_time=True)
    ws = g.whens(t[:80], as_of_year=rd.as_of_year, formed=rd.formed)
    return ws[0] if ws else None


def _region_after(text: str, start: int, figs: list[g.Figure]) -> str:
    """The words right after a figure that say what it counts: up to a list ('gồm', ':', 'là'), a bracket, or the
    next figure."""
    end = len(text)
    for f in figs:
        if f.start >= start:
            end = min(end, f.start)
            break
    # … or the reason given after it ("chưa công nhận thêm mô hình nào do các mô hình đăng ký chưa đủ điều kiện")
    m = re.search(
        r"[;:(,]|\bgồm\b|\blà\b|\bcụ thể\b|\bvà\s+\d|\btrong đó\b|"
        r"\s(?:do|vì|bởi)\s(?=[^.;]*\b(?:chưa|không|còn|đang|thiếu)\b)",
        text[start:end],
    )
    return text[start : start + m.start()] if m else text[start:end]


def _words_after(rd: "_Reading", text: str, fig: g.Figure, figs: list[g.Figure]) -> str:
    """The words that say what a figure counts (``_region_after``), read past a comma inside a unit ("09/11 thôn, bản
    đạt danh hiệu thôn, bản văn hóa": the indicators' units say which commas are words) and, for a whole named
    before its part ("có 07 khóm, trong đó 06 khóm được công nhận … văn hóa"), on past the part."""
    start = fig.end
    if fig.pair is not None and fig.pair.start > fig.start:
        start = fig.pair.end
        figs = [f for f in figs if f.start >= start]
    plain = list(text)
    for u in rd.comma_units:
        for m in u.finditer(text, fig.end):
            for i in range(m.start(), m.end()):
                if plain[i] == ",":
                    plain[i] = " "
    region = _region_after("".join(plain), start, figs)
    return text[fig.end : start + len(region)]


def _unit_at(reader: Reader, text: str, at: int) -> Optional[re.Match]:
    """The indicator's unit right after a figure ('09 hộ nghèo', '02 (hai) mô hình', '14/16 thôn')."""
    rest = text[at:]
    skip = re.match(r"\s*(?:\([^)]{0,20}\)\s*)?[\"“]?\s*", rest)
    pos = at + (skip.end() if skip else 0)
    for u in reader.unit:
        m = u.match(text, pos)
        if m and (m.end() >= len(text) or not text[m.end()].isalnum() or text[m.end() - 1] == " "):
            return m
    return None


def _elliptic_unit(reader: Reader, cl: "_Clause", at: int) -> Optional[re.Match]:
    """A unit said in full once for two figures: "năm 2023 hỗ trợ 10 con, năm 2024 hỗ trợ 12 con bò giống" — the
    classifier alone ("10 con", "năm 2024: 13 con)." in a bracket of shares) ends its clause, and the rest of the unit
    ("bò") is named in the same sentence."""
    m = re.compile(r"\s*(?P<head>[^\W\d]+)\s*(?:[,;).]\s*)*$").match(cl.text, at)
    if m is None:
        return None
    head = m.group("head").lower()
    end = cl.para.match.find(".", cl.start + len(cl.text))
    sentence = cl.sentence_before + " " + cl.para.match[cl.start : end if end >= 0 else None]
    for full in reader.words.unit:
        words = for_matching(full).lower().split()
        # the whole unit, or the rest of it, named in the sentence ("tổng số bò giống đã hỗ trợ là 31 con")
        if len(words) > 1 and words[0] == head and compile_pattern(" ".join(words[1:])).search(sentence):
            return re.compile(re.escape(m.group("head"))).match(cl.text, m.start("head"))
    return None


def _sentence_of(cl: _Clause) -> str:
    """The whole sentence a clause stands in: the clauses before it, it, and the rest up to the sentence's end."""
    rest = cl.para.text[cl.start + len(cl.text) :]
    end = re.search(r"\.(?:\s|$)", rest)
    return cl.sentence_before + cl.text + (rest[: end.start()] if end else rest)


def _done_after_plan(cl: _Clause, fig: g.Figure, before: str) -> bool:
    """Whether the figure is what was done against the plan's figure just given ("Kế hoạch năm 2023 giao 02 mô hình,
    thực hiện 03 mô hình"): "thực hiện" is its verb."""
    return bool(re.search(r"\bthực hiện(?:\s+được)?\s*$", before)) and any(
        f.role == "target" and f.end <= fig.start for f in cl.figs
    )


def _verb_in_lead(reader: Reader, cl: _Clause, before: str) -> bool:
    """Whether the figure answers a target or a question stated before its paragraph, which names the verb ("Chỉ tiêu
    1: Số mô hình … được công nhận trong năm." then "Kết quả: 02 mô hình."), nothing but the answer's lead before it."""
    lead = cl.ctx.lead
    return (
        bool(lead)
        and lead not in cl.para.text
        and _ANSWER_OPENING.fullmatch(before) is not None
        and _found(reader.verb, for_matching(lead))
    )


_ANSWER_OPENING = re.compile(
    r"\W*(?:(?:trả lời|kết quả(?:\s+thực hiện)?|thực hiện)\s*:\s*)?(?:(?:đã\s+)?(?:có|đạt)\s+)?", re.I
)


def _verb_near(reader: Reader, text: str, start: int, unit_end: int) -> bool:
    if not reader.verb:
        return True
    before = text[max(0, start - 40) : start]
    after = text[unit_end : unit_end + 90].lstrip()
    return any(
        re.search(v.pattern + _VERB_TO_FIGURE, before, re.I)
        or v.match(after[:25])
        or re.match(_PASSIVE + v.pattern, after, re.I)
        or re.match(_BEFORE_VERB_AFTER + v.pattern, after[:45], re.I)
        for v in reader.verb
    )


# up to three words between a verb and its figure ("giảm được 09", "công nhận mới 04", "giảm cả giai đoạn là 63"), or
# a label's colon ("Số hộ nghèo giảm: 03/03 hộ"); not a contrast or a change the other way ("không giảm mà tăng 01 hộ")
_VERB_TO_FIGURE = r"(?:\s+(?!(?:mà|nhưng|tăng|còn)\b)\w+){0,3}\s*(?::|\s+là)?\s*$"
# the words a verb after its figure's unit may stand behind: "02 hộ đã thoát nghèo", "02 hộ đủ điều kiện thoát nghèo"
_BEFORE_VERB_AFTER = r"(?:(?:đã|đều|cũng)\s+|đủ\s+điều\s+kiện\s+)+"
# the passive after the unit, with its agent: "02 mô hình “Dân vận khéo” được Ủy ban nhân dân xã công nhận"
_PASSIVE = r"(?:[\"“][^\"”]{0,60}[\"”]\s*)?(?:đã\s+)?được\s+(?:[^\W\d]+\s+){0,6}?"


def is_question(sentence: str) -> bool:
    """Whether a sentence asks rather than states (a questionnaire's "Câu 8: … đánh giá công tác dân vận chính
    quyền?", "Xã đã ký quy chế phối hợp chưa?"): its words are the question's, not a result."""
    return sentence.rstrip(" *_\"”)").endswith("?")


_OUTLINE_ASIDE = re.compile(r"\(\s*(?:theo\s+)?đề cương\b[^()]*\)", re.I)


# a heading that is a year and nothing else ("1. Năm 2022", "### Năm 2026 (đến ngày 31/10/2026)", "b) Kết quả năm
# 2023"): a review year by year, whose paragraphs state that year's results without naming it again
_YEAR_HEADING = re.compile(
    r"^\W*(?:(?:[IVX]{1,4}|\d{1,2}|[a-zđ])[.)]\s*)?(?:(?:kết quả|tình hình)(?:\s+thực hiện)?\s+)?"
    rf"năm\s+(?P<y>{g.YEAR})(?:\s*\([^()]*\))?[\s:.*_]*$",
    re.I,
)


def _heading_year(ctx: Context) -> Optional[g.When]:
    """The year the nearest heading above a paragraph is, if it is a year heading."""
    for h in reversed(ctx.headings):
        if m := _YEAR_HEADING.match(h):
            return g.When(years=[int(m.group("y"))], at=0)
    return None


def _read_clauses(rd: _Reading, para: Paragraph, ctx: Context) -> list[_Clause]:
    out = []
    text = para.match
    heading_year = _heading_year(ctx)
    for s in para.sentences:
        if is_question(s.text):
            continue  # "Câu 9: Việc sơ kết phong trào thi đua “Dân vận khéo”?": a question states nothing
        # the outline's own words in brackets ("1. Kết quả các chỉ tiêu (đề cương yêu cầu nêu: …, chỉ tiêu từ 50% trở
        # lên …)"): what the report is asked, never what it states (blanked, the offsets kept)
        stext = _OUTLINE_ASIDE.sub(lambda m: " " * len(m.group(0)), for_matching(s.text))
        offset = s.start
        inherited: Optional[g.When] = heading_year
        for a, b in g.clauses(stext):
            ctext = stext[a:b]
            whens = g.whens(g.masked(ctext, keep_time=True), as_of_year=rd.as_of_year, formed=rd.formed)
            # (an aside of what a figure includes holds no figure of its own: "… của xã (tổng hợp chỉ tiêu tỉnh giao cho
            # 03 xã cũ) là 38 hộ")
            figs = g.figures(g.masked(_INCLUDING.sub(lambda m: re.sub(r"\d", " ", m.group(0)), ctext)))
            first_fig = figs[0].start if figs else len(ctext)
            lead = next((w for w in whens if w.at < min(first_fig, 60)), None)
            cl = _Clause(para, ctx, offset + a, ctext, figs, whens, lead or inherited, stext[:a])
            out.append(cl)
            if lead is not None and not g.in_brackets(stext, a):  # a bracket's year is its own ("(năm 2022: hai)")
                inherited = lead
    del text
    return out


@dataclass
class _Item:
    """Another item of the list a paragraph is an item of, as the reading of documents needs it."""

    text: str
    para: Paragraph
    start: int = 0
    sentence_before: str = ""


def _read_make_up(rd: _Reading, p: Paragraph) -> None:
    """The opening states the unit's make-up ("Xã Ka Đơn Tây có mười bốn thôn, bon (…), 2.951 hộ", "…; có 24 khu (tổ
    dân phố), 9.870 hộ"): read there for the wholes only (the number of settlements), never for results."""
    with rd.only(lambda r: r.reads("whole") and r.words.period == "state"):
        _read_paragraph(rd, p, Context([], results=True), [], [])


def _read_paragraph(
    rd: _Reading, para: Paragraph, ctx: Context, following: list[Paragraph], siblings: Sequence[Paragraph] = ()
) -> None:
    subjects: list[Reader] = []
    sentence = None
    rd.said_before = []
    cls = _read_clauses(rd, para, ctx)
    denial = _BARE_DENIAL.match(for_matching(para.text))
    if denial and cls and ctx.results:
        _read_bare_denial(rd, cls[0], denial.group("label"), para.text.strip())
    elif ctx.results:
        # a sentence of the paragraph that is one ("…. Mô hình vận động người dân tham gia chuyển đổi số: chưa xây dựng
        # được. …")
        for s in para.sentences[1:]:
            first = next((c for c in cls if c.start == s.start), None)
            if first is not None and (said := _BARE_DENIAL.match(for_matching(s.text))):
                _read_bare_denial(rd, first, said.group("label"), s.text.strip())
    items = [c for c in cls if not re.fullmatch(r"\W*(?:\d+|[a-zđ])?[.)]?\W*", c.text)]  # no bare "2." of a list
    opening = para.sentences[0] if para.sentences else None
    restated = opening.start + len(opening.text) if opening and _PLAN_TARGETS.match(for_matching(para.text)) else None
    place = {id(c): i for i, c in enumerate(items)}
    rd.changes = []
    for cl in cls:
        if cl.sentence_before == "" and sentence is not cl.start:
            rd.said_before = subjects or rd.said_before  # what "tỷ lệ này" in the next sentence speaks of
            subjects = []
            _read_differences(rd)
        sentence = cl.start
        if restated is not None and cl.start < restated:
            # the plan's targets restated before the results ("Chỉ tiêu Kế hoạch: năm 2025 tỷ lệ hồ sơ … đạt từ 80%
            # trở lên."): its figures are thresholds — only a target given is read there
            with rd.only(lambda r: r.reads("target")):
                _read_figures(rd, cl, subjects, following)
            continue
        _read_figures(rd, cl, subjects, following)
        _read_zeros(rd, cl, subjects, following)
        _read_claims(rd, cl, subjects)
        _read_acts(rd, cl)
        _read_levels(rd, cl)
        if id(cl) in place:
            i = place[id(cl)]
            prev: Any = items[i - 1] if i else None
            rest: list[Any] = list(items[i + 1 :])
            if para in siblings and len(items) == 1:
                # one document per item of a list ("- … duy trì 04 quy chế phối hợp, gồm:" then "+ Quy chế số 01/… với
                # A;", "+ Quy chế số 02/… với B;"): the items are one enumeration, read with the first
                k = list(siblings).index(para)
                prev = _Item(for_matching(siblings[k - 1].text), siblings[k - 1]) if k else None
                rest = [_Item(for_matching(q.text), q) for q in siblings[k + 1 :]]
            _read_documents(rd, cl, prev, rest)
    _read_differences(rd)


# the earlier time a change is measured from: "tăng 02 tổ so với năm 2023", "nhiều hơn năm 2023 một bản"
_CHANGED_FROM = re.compile(rf"\b(?:so\s+với|hơn)\s+(?:(?:cuối|đầu)\s+)?năm\s+(?P<y>{_YEAR})\b", re.I)


def _read_differences(rd: _Reading) -> None:
    """A figure given only by its change on an earlier year whose own figure the sentence states ("số tổ dân phố đạt
    danh hiệu … tăng 02 tổ so với năm 2023 (năm 2023 đạt 11/15 tổ dân phố)"): the earlier figure plus the change, for
    the clause's own period — derived, so marked for review. Only for an indicator that counts (not a whole), named in
    the change's clause; never over a figure the report states."""
    pending, rd.changes = rd.changes, []
    by_key = {r.key: r for r in rd.readers}
    for cl, fig, first in pending:
        raw = cl.para.match[cl.start : cl.start + len(cl.text)]
        since = _CHANGED_FROM.search(raw)
        if since is None:
            continue
        earlier = int(since.group("y"))
        sign = -1 if re.search(r"\bít\s+hơn\b|\bgiảm\b", raw[: fig.start], re.I) else 1
        for base in rd.drafts[first:]:
            r = by_key.get(base.indicator)
            if (
                r is None
                or base.period != earlier
                or base.paragraph != cl.para.line
                or not isinstance(base.value, int)
                or isinstance(base.value, bool)
                or not (r.reads("count") or r.reads("part"))
                or r.reads("whole")
                or (r.topic and rd.topic_level(r, cl, "", cl.text[: fig.start], []) not in (0, 1))
            ):
                continue
            whens = [w for w in cl.whens if w.at < fig.start and not w.empty]
            periods, sure = rd.years(r, whens[-1:], cl, None)
            periods = [p for p in periods if p != earlier and not any(d.key() == (r.key, str(p)) for d in rd.drafts)]
            if not periods:
                continue
            value = base.value + sign * int(fig.value)
            if value < 0:
                continue
            rd.add(
                r,
                periods,
                cl.para,
                cl.start + fig.start,
                cl.text[_quote_start(cl.text, fig.start) : fig.end],
                value=value,
                confidence=min(0.6, 0.6 - (1 - sure)),
                notes=[f"tính từ số chênh lệch so với năm {earlier} ({base.value} và {fig.text.strip()})"],
            )


_ROLE_READS = {
    "count": "count",
    "part": "part",
    "whole": "whole",
    "percent": "percent",
    "of_target": "of_target",
    "target": "target",
}


_MODEL_UNIT = re.compile(r"mô hình\b", re.I)


def _model_description(text: str, at: int) -> str:
    """The words that describe a model after its count, up to the clause's end: "" when another model is named before
    it, or a figure not after a comma closing the description ("03 mô hình trồng cà phê tưới nước tiết kiệm, thích ứng
    với biến đổi khí hậu, với tổng diện tích 46 ha": what stands before the figure's comma)."""
    rest = re.split(r"[;.]|\b(?:trong đó|gồm|cụ thể|là)\b", text[at:], maxsplit=1)[0]
    # (a place named by its number is no figure: "tại thôn 5")
    bare = re.sub(
        r"\b(?:thôn|ấp|tổ|khu|khóm|xóm|bản|tổ dân phố)\s+(?:số\s+)?\d+\b",
        lambda m: " " * len(m.group(0)),
        rest,
        flags=re.I,
    )
    other = re.search(r"\d|\bmô hình\b", bare, re.I)
    if other is None:
        return rest
    cut = bare.rfind(",", 0, other.start()) if other.group(0).isdigit() else -1
    return rest[:cut] if cut > 0 else ""


def _candidates(
    rd: _Reading,
    cl: _Clause,
    fig: g.Figure,
    reading: str,
    after_text: str,
    before_text: str,
    subjects: list[Reader],
    *,
    unit_needed: bool,
    verb_checked: bool = False,
) -> list[tuple[Reader, int, Optional[re.Match]]]:
    found: list[tuple[Reader, int, Optional[re.Match]]] = []
    for r in rd.readers:
        if not r.reads(reading):
            continue
        unit = _unit_at(r, cl.text, fig.end) if r.unit else None
        if unit is None and r.unit and reading == "count":
            unit = _elliptic_unit(r, cl, fig.end)
        if unit_needed and r.unit and unit is None:
            continue
        if (
            reading == "count"
            and r.verb
            and not verb_checked
            and not _verb_near(r, cl.text, fig.start, unit.end() if unit else fig.end)
            and not _verb_in_lead(r, cl, before_text)
            and not _done_after_plan(cl, fig, before_text)
        ):
            continue
        lead = before_text[-80:]
        cut = max(lead.rfind(x) for x in ",;:(")
        # "thành lập 13 tổ công nghệ số … và xây dựng 01 mô hình “Xóm số”": a second predicate after "và" has its own
        # object; the first one's words are no look-alike of it
        joined = re.search(r"\svà\s+(?:đã\s+)?(?:xây dựng|thành lập|công nhận|duy trì|hỗ trợ)\s+$", lead)
        if joined is not None and joined.start() > cut:
            cut = joined.start()
        # the figure as the grammar wrote it ("45 → 38" for "giảm từ 45 hộ … xuống còn 38 hộ": no "còn" of a remainder)
        window = lead[cut + 1 :] + (fig.text or cl.text[fig.start : fig.end]) + after_text
        # the label the figure answers ("Khu phố đạt chuẩn văn minh đô thị: 04/12 khu phố") names what it counts too
        label = re.search(r"([^,;:(]{3,120}):\s*$", lead)
        # a figure in a bracket that opens on it ("… đạt chuẩn nông thôn mới năm 2019 (đạt 19/19 tiêu chí)") details
        # the words before the bracket: their look-alikes are its own
        outer = ""
        if cut >= 0 and lead[cut] == "(" and len(lead) - cut <= 16:
            outer = lead[:cut]
            outer = outer[max(outer.rfind(x) for x in ",;:(") + 1 :]
        if r.not_ and (
            _lookalike(r, window)
            or (label is not None and _lookalike(r, label.group(1)))
            # "Số hộ cận nghèo là 148 hộ, giảm 09 hộ …": the clause names the topic only inside a look-alike
            or (
                r.topic
                and not _found_own(r, window)
                and _found(r.topic, before_text)
                and not _found_own(r, before_text)
            )
            or (outer and _lookalike(r, outer))
            # "…; tỷ lệ số hóa hồ sơ, kết quả giải quyết đạt 100%": a rate's subject runs over a comma and names a
            # look-alike; the indicator's own words are not in the figure's stretch to outweigh it
            or (
                reading == "percent"
                and not (r.topic and _found(r.topic, window))
                and _lookalike(r, _rate_subject(lead))
            )
        ):
            continue
        level = rd.topic_level(r, cl, after_text, before_text, subjects) if r.topic else 6
        if (level is None or level > 0) and unit is not None and _MODEL_UNIT.match(unit.group(0)):
            # a model described at length before what it is of ("02 mô hình ủ phân hữu cơ từ vỏ cà phê, phế phụ phẩm
            # nông nghiệp theo hướng kinh tế tuần hoàn"): its own description names it, to the clause's end, when no
            # other model or figure is named in between
            described = _model_description(cl.text, unit.end())
            if described and _found_own(r, described):
                level = 0
        if (
            level is None
            and (reading == "of_target" or (reading == "count" and r.verb))
            and any(s.topics & r.topics for s in rd.said_before)
        ):
            # "Chỉ tiêu huyện giao năm 2023 cho xã giảm 09 hộ nghèo. Kết quả đến nay giảm được 11 hộ, đạt 122,2% chỉ
            # tiêu": the sentence before read a figure of the same thing, which this one goes on with — a count by its
            # own verb ("giảm được 11 hộ"), a rate against the target
            level = 3
        if level is None:
            if r.words.default and reading in ("count", "of_target"):
                level = 7
            else:
                continue
        found.append((r, level, unit))
    if not found:
        return []
    best = min(level for _, level, _ in found)
    return [x for x in found if x[1] == best]


# a count that opens a "trong đó" right after the sentence's count: a part of it ("05 tuyến …, trong đó 02 tuyến …"),
# not a year's share of it ("trong đó năm 2022 có 01 mô hình", read as a breakdown by year)
# "…, trong đó Hội Cựu chiến binh phụ trách 02 tuyến": a part whoever holds it, the words between naming no year
_PART_OF_BEFORE = re.compile(r"[,;(]\s*trong\s+đó\b[^\d;:.]{0,60}$", re.I)
# a clause that opens on "trong đó" after a count in the clause before ("tổng cộng 09 tuyến; trong đó …")
_PART_CLAUSE = re.compile(r"^\W*trong\s+đó\b[^\d;:.]{0,60}$", re.I)


def _rate_subject(lead: str) -> str:
    """The subject of a rate, from its last "tỷ lệ" in the clause (after the last ";") up to the figure: what the
    rate is of, commas and all ("tỷ lệ số hóa hồ sơ, kết quả giải quyết"); "" when the clause names no "tỷ lệ"."""
    clause = lead[lead.rfind(";") + 1 :]
    at = clause.lower().rfind("tỷ lệ")
    return clause[at:] if at >= 0 else ""


def _read_figures(rd: _Reading, cl: _Clause, subjects: list[Reader], following: list[Paragraph]) -> None:
    text = cl.text
    counts: dict[str, Decimal] = {}
    for i, fig in enumerate(cl.figs):
        prev_end = max((f.end for f in cl.figs[:i] if f.end <= fig.start), default=0)
        before = text[prev_end : fig.start]
        full_before = text[: fig.start]
        after = _words_after(rd, text, fig, cl.figs[i + 1 :])
        # (the goal a rate is of, named after it, is no target stated: "đạt 220% so với mục tiêu giai đoạn")
        of_goal = re.sub(r"^\s*(?:so với\s+)?mục tiêu\b", "", after, flags=re.I) if fig.role == "of_target" else after
        if rd.other_unit(before + text[fig.start : fig.end] + after) or _NOT_RESULT.search(before[-40:] + of_goal[:25]):
            continue
        if rd.other_subject(full_before):
            continue
        if rd.intended(full_before) and not (fig.role == "target" and _GIVEN_BY.search(full_before)):
            continue  # a target the district or province gives is no intention: "Huyện giao chỉ tiêu năm 2025 giảm …"
        role = fig.role
        if _per_part(full_before) and role in ("count", "part", "whole"):
            continue
        if role == "count" and (
            (_PART_OF_BEFORE.search(full_before) and any(f.role == "count" for f in cl.figs[:i]))
            or _PART_CLAUSE.match(full_before)
        ):
            continue  # "… duy trì 05 tuyến đường …, trong đó 02 tuyến đường hoa …": a part of the count just given
        if _TARGET_LEAD.match(full_before) and role != "target":
            continue
        if role in ("over", "under"):
            _difference(rd, cl, fig, counts, subjects)
            continue
        if role == "change":
            rd.changes.append((cl, fig, len(rd.drafts)))
            continue
        reading = _ROLE_READS.get(role)
        if reading is None:
            continue
        raised = _RAISED_TOTAL.search(full_before) if reading == "count" else None
        if raised is not None:
            _read_raised_total(rd, cl, fig, raised, after, full_before, subjects)
            continue
        # "… 04 mô hình, tăng 01 mô hình so với năm 2025 (03 mô hình)": the bracket gives that year's figure
        compared = reading == "count" and _COMPARED.search(before)
        cands = _candidates(
            rd,
            cl,
            fig,
            reading,
            after,
            full_before,
            subjects,
            unit_needed=reading in ("count", "part", "whole", "target"),
            # "Kết quả giảm nghèo … là 18/16 hộ, vượt chỉ tiêu": a count against its target needs no verb beside it
            # "…; tổng cộng 18 mô hình": the total of a series needs no verb either
            verb_checked=bool(compared)
            or (fig.pair is not None and fig.pair.role == "target")
            or bool(_TOTAL_OF_SERIES.match(full_before))
            # "bản A 10 con, bản B 12 con; toàn xã 46 con": the unit's total after its parts, the verb said before
            or bool(_UNIT_TOTAL.match(full_before) and cl.sentence_before),
        )
        if reading == "count" and _RAISES_TOTAL.search(text, fig.end):
            # "ra mắt thêm 01 tuyến đường hoa, đưa tổng số tuyến đường hoa của xã lên 04 tuyến": the figure before the
            # raised total is what was added, not the state
            cands = [c for c in cands if c[0].words.period != "state"]
        if compared:  # the same measure of an earlier year, for an indicator the clause has just read — or, in a
            # sentence that opens on the comparison, the sentence before ("… giảm được 09 hộ nghèo. So với năm 2022
            # (giảm 07 hộ), kết quả năm nay cao hơn.")
            opens = not subjects and not cl.sentence_before and _COMPARED.match(full_before.lstrip(" -+*•\t"))
            cands = [c for c in cands if c[0] in (rd.said_before if opens else subjects)]
        if not cands and reading == "whole" and fig.pair is not None and fig.pair.start > fig.start:
            # "Thị trấn có 09 khóm, trong đó 02 khóm có đông đồng bào Khmer": a whole whose part holds no title is the
            # unit's make-up all the same
            cands = [c for c in _count_as_whole_or_part(rd, cl, fig, after, full_before, subjects)[0] if c[1] == 0]
            if cands:
                fig.pair.role = "other"  # its part counts settlements of some kind, no title: nothing to read
        if (
            not cands
            and reading in ("part", "whole")
            and _ANOTHER_YEARS.match(full_before)
            and not after.strip(" ).;,")
        ):
            # "15/17 thôn đạt danh hiệu … (năm 2023 là 14/17)": the same measure of another year, with no unit of its
            # own, for the indicators the sentence has just read
            cands = [(r, 0, None) for r in subjects if r.reads(reading)]
            if not cands and cl.sentence_before:
                # "Số tổ dân phố, thôn đạt danh hiệu văn hóa: năm 2022 là 48/53; năm 2023 là 50/53": a series labelled
                # by year, the measure and its unit named once in the lead before the colon
                lead = cl.sentence_before.split(";")[0]
                if ":" in lead:
                    lead = lead.rsplit(":", 1)[0]
                    cands = [
                        (r, 2, None)
                        for r in rd.readers
                        if r.reads(reading)
                        and r.unit
                        and _found(r.unit, lead)
                        and (not r.topic or _found(r.topic, lead))
                        and not (r.not_ and _lookalike(r, lead))
                    ]
        if (
            not cands
            and reading == "count"
            and _YEAR_SHARE.match(full_before)
            and cl.sentence_before.count("(") > cl.sentence_before.count(")")
        ):
            # "… hỗ trợ 31 con bò giống (năm 2023: 18 con; năm 2024: 13 con)": in a bracket after the count the
            # sentence has just read, each year's share of it, labelled by its year, in the same unit
            for r in subjects:
                if r.reads("count") and r.ind.type == "count" and r.unit:  # items by year are read with their names
                    label_unit = _unit_at(r, text, fig.end) or _elliptic_unit(r, cl, fig.end)
                    if label_unit is not None:
                        cands.append((r, 0, label_unit))
        if not cands and reading == "part" and fig.pair is not None and _OF_A_STATED_WHOLE.match(text, fig.pair.start):
            # "duy trì 04 tuyến đường “Xanh - Sạch - Đẹp” trên tổng số 06 tuyến đã đăng ký": for an indicator that
            # counts, the part of a whole stated apart is the count of those that hold
            cands = _candidates(rd, cl, fig, "count", after, full_before, subjects, unit_needed=True)
        if not cands and reading == "percent" and _THIS_MEASURE.search(before[-40:]):
            # "Năm 2024, tỷ lệ này của thị trấn đạt 41,5%": the measure the sentence before named
            said: list[tuple[Reader, int, Optional[re.Match]]] = [(r, 2, None) for r in rd.said_before]
            cands = [c for c in said if c[0].reads("percent")][:1]
        doubt = 0.0
        by_year = False
        if reading == "count" and not compared:
            # a year as the count's label ("…, trong đó năm 2022 có 01 mô hình"): the yearly count, before any reading
            # of the words alone (which took it for the span's total)
            breakdown = _year_breakdown(rd, cl, fig)
            if breakdown:
                cands, by_year = breakdown, True
        if reading == "count" and not cands:
            cands, doubt = _count_as_whole_or_part(rd, cl, fig, after, full_before, subjects)
        for r, level, unit in cands:
            if reading == "count" and unit is not None and _GROSS_EXIT.match(cl.text, unit.end()):
                sentence = _sentence_of(cl)
                if _NEW_POOR.search(sentence) and _NET_DECREASE.search(sentence):
                    # "Năm 2023 có 24 hộ thoát nghèo, phát sinh mới 03 hộ nghèo; số hộ nghèo giảm 21 hộ": households
                    # leaving poverty beside new or returning poor ones are the gross flow, and the sentence states
                    # the decrease, the net (with no decrease stated, the households lifted out are the figure)
                    continue
            if reading == "count" and not compared and r.key in counts and r.topic and not _found(r.topic, after):
                # a second count of the same unit in the clause, its topic named only before the first: "duy trì 02
                # tuyến đường “xanh - sạch - đẹp” …, cùng 03 tuyến phố văn minh đô thị" — the words were the first's
                continue
            window_whens = [w for w in cl.whens if prev_end <= w.at <= fig.end + len(after)]
            year_after = _YEAR_IN_BRACKETS.match(cl.text, fig.end + len(after))
            if (
                year_after
                and not any(not w.empty for w in window_whens)
                and not _NOW.search(cl.text[prev_end : fig.start])  # "đến nay, … là 10/10 thôn (kết quả … 2024)"
                # "24 trên 31 thôn đang giữ danh hiệu … (kết quả bình xét năm 2024)": a title held now, the year in
                # brackets says when it was awarded
                and not _HOLDING.search(cl.text[fig.end : year_after.start()])
            ):
                # "11/12 tổ (kết quả năm 2023)": the year the figure is stated for, in brackets after it
                window_whens = [g.When(years=[int(year_after.group("y"))], at=year_after.start("y"))]
            if r.words.period in ("years", "span") and (total := rd.after_total_bracket(cl, fig.start)) is not None:
                window_whens = [total]
            elif (
                fig.role == "of_target"
                and r.words.period in ("years", "span")
                and not any(not w.empty for w in window_whens)
                and (total := rd.total_span(full_before)) is not None
            ):
                window_whens = [total]
            periods, sure = rd.years(r, window_whens, cl, None, until=fig.end + len(after))
            if not periods:
                continue
            value: Any = fig.value
            conf = 0.92 - 0.03 * min(level, 5) - (1 - sure) - doubt
            notes = []
            if fig.bound == "approx":
                conf = min(conf, 0.6)
                notes.append("báo cáo nêu số ước, khoảng")
            elif fig.bound:
                value = {fig.bound: fig.value}
            if level == 7:
                notes.append(f"câu không nêu tên chỉ số; hiểu là {r.ind.name.lower()}")
            q_end = (
                fig.end
                + (unit.end() - fig.end if unit else 0)
                + len(_region_after(text, unit.end() if unit else fig.end, cl.figs[i + 1 :]))
            )
            quote = _statement(r, text, fig.start, q_end)
            at = _year_label_at(text, fig.start) if by_year else None
            if at is not None:  # the quote keeps its year's label: "năm 2022: 02 mô hình", "năm 2023 có 03 mô hình"
                label = re.search(r"(?:(?:\d{1,2}|sáu|chín)\s+tháng\s+(?:đầu\s+)?)?[Nn]ăm\s", text[at : fig.start])
                quote = text[at + (label.start() if label else 0) : q_end]
            basis = None
            if (
                reading == "of_target"
                and not any(f.role == "target" for f in cl.figs)
                and "claimed" not in r.words.basis
            ):
                basis = "claimed"
            if r.ind.type == "items":
                if compared:  # an earlier year's count: the names that follow are this year's
                    items, certain = _unnamed(int(fig.value)), False
                else:
                    items, certain = _items_after(rd, cl, fig, unit, following, r)
                    # a bracket closed after the count is no name ("(năm 2024: 02 mô hình)")
                    blank = _unnamed(len(items))
                    items = [it if re.search(r"[^\W\d_]", it["name"]) else blank[k] for k, it in enumerate(items)]
                if not certain:
                    conf = min(conf, 0.7)
                rd.add(r, periods, cl.para, cl.start + fig.start, quote, items=items, confidence=conf, notes=notes)
            else:
                if r.ind.type == "count" and isinstance(value, Decimal):
                    value = int(value) if value == value.to_integral_value() else value
                extra = _criteria_flags(cl, r)
                rd.add(
                    r,
                    periods,
                    cl.para,
                    cl.start + fig.start,
                    quote,
                    value=value,
                    confidence=conf,
                    notes=notes,
                    basis=basis or extra.get("basis"),
                    awaiting=extra.get("awaiting", False),
                )
            if r not in subjects:
                subjects.append(r)
            if reading == "count":
                counts[r.key] = fig.value


# a running total raised by this period's count: "nâng tổng số mô hình được công nhận từ khi triển khai Kế hoạch đến nay
# lên 05 mô hình", "đưa tổng số bò giống hỗ trợ từ năm 2022 đến nay lên 21 con"
_RAISES_TOTAL = re.compile(r"\b(?:nâng|đưa)\s+tổng\s+số\b", re.I)
_RAISED_TOTAL = re.compile(r"\b(?:nâng|đưa)\s+tổng\s+số\s+(?P<x>[^;.]{0,160}?)\s*\blên\s*(?:thành\s+)?$", re.I)
_SINCE_PLAN = re.compile(
    r"\btừ\s+khi\s+(?:triển\s+khai|thực\s+hiện|ban\s+hành)\s+(?:thực\s+hiện\s+)?(?:Kế\s+hoạch|Đề\s+án)\b", re.I
)


def _read_raised_total(
    rd: _Reading, cl: _Clause, fig: g.Figure, raised: re.Match, after: str, before: str, subjects: list[Reader]
) -> None:
    """The total a count raises ("…, nâng tổng số X từ … đến nay lên N"): the count over the span the clause names —
    from a year, or from the unit's own plan when its year is known — for an indicator that counts over a span, whose
    thing (its unit or its topic) the words X or the sentence name; with no span, the state now, for an indicator of
    a state."""
    x = raised.group("x")
    span = next((w.span for w in cl.whens if w.span and raised.start() <= w.at <= fig.start), None)
    plan_date = (rd.header.plan or {}).get("date")
    if span is None and _SINCE_PLAN.search(x) and plan_date and rd.as_of_year:
        span = (int(str(plan_date)[:4]), rd.as_of_year)
    if span is not None and span[0] > span[1]:
        return
    for r in rd.readers:
        if not r.reads("count"):
            continue
        period: Any
        if span is None:
            # "…, nâng tổng số tuyến phố văn minh … trên địa bàn lên 04 tuyến": with no span, the total now, for an
            # indicator of a state
            if r.words.period != "state":
                continue
            period = "as_of"
        else:
            a, b = span
            if r.words.period not in ("span", "years") or (r.words.period == "span" and a == b):
                continue
            period = a if a == b else f"{a}-{b}"
        if r.unit and not (_found(r.unit, x) or _found(r.unit, after)):
            continue
        if r.topic and rd.topic_level(r, cl, after, before, subjects) not in (0, 1, 2):
            continue
        if r.not_ and _lookalike(r, x + " " + after):
            continue
        value = int(fig.value) if fig.value == fig.value.to_integral_value() else fig.value
        quote = cl.text[raised.start() : fig.end + len(after)]
        rd.add(r, [period], cl.para, cl.start + raised.start(), quote, value=value, confidence=0.8)
        return


# a year as a label before a bare count: "(năm 2022: 02 mô hình; năm 2023: 03 mô hình)", "1. Năm 2022: hai mô hình"
# a year as the label of a bare count: "(năm 2022: 02 mô hình; …)", "1. Năm 2022: hai mô hình", and after a total
# "…, trong đó năm 2022 có 01 mô hình, năm 2023 có 03 mô hình", "(…; 9 tháng đầu năm 2024: 01 mô hình)"
_YEAR_LABEL = re.compile(
    rf"(?:^\W*(?:\d+[.)]\s*|[-+•]\s*)?|[,;(]\s*|\btrong\s+đó\s*,?\s*)"
    rf"(?:(?:\d{{1,2}}|sáu|chín)\s+tháng\s+(?:đầu\s+)?)?(?:năm|Năm)\s+{_YEAR}\s*(?::|\bcó|\blà)\s*$"
)


def _year_label_at(text: str, end: int) -> Optional[int]:
    """Where the year labelling the count that starts at ``end`` begins (``_YEAR_LABEL``), or None. The label is
    looked for in the 60 characters before the count; a window cut mid-sentence opens on no label."""
    lo = max(0, end - 60)
    window = ("" if lo == 0 else "x") + text[lo:end]
    m = _YEAR_LABEL.search(window)
    return None if m is None else lo + m.start() - (0 if lo == 0 else 1)


def _year_breakdown(rd: _Reading, cl: _Clause, fig: g.Figure) -> list[tuple[Reader, int, Optional[re.Match]]]:
    """A count broken down by year, each year a label before a bare count ("… có 07 mô hình “Dân vận khéo” được công
    nhận (năm 2022: 02 mô hình; năm 2023: 02 mô hình; …)", or a list after "Kết quả xây dựng mô hình “Dân vận khéo”
    qua các năm:" with "1. Năm 2022: hai mô hình"): the yearly count of the indicator whose words the sentence or the
    list's lead names, in its unit. Nothing when the lead names none, or a look-alike."""
    at = _year_label_at(cl.text, fig.start)
    if at is None:
        return []
    # the lead: the sentence before the label, in this clause too ("… 04 mô hình, trong đó năm 2023 có 01 mô hình")
    lead = (cl.sentence_before + " " + cl.text[:at]).strip()
    if not lead:
        lead = cl.ctx.parent.text if cl.ctx.parent else ""
    lead = for_matching(lead)
    if not lead or rd.other_unit(lead[-80:]) or rd.other_subject(lead) or rd.intended(lead) or _NOT_RESULT.search(lead):
        return []
    if _TARGET_LEAD.match(lead):
        return []
    out: list[tuple[Reader, int, Optional[re.Match]]] = []
    for r in rd.readers:
        if not r.reads("count") or r.words.period != "year" or not r.unit or not r.topic:
            continue
        unit = _unit_at(r, cl.text, fig.end)
        if unit is None or (r.not_ and _lookalike(r, cl.text)):
            continue
        out.append((r, 0, unit))
    named = [c for c in out if _found(c[0].topic, lead)]
    # the kind a model of no named kind is ("… đã có 06 mô hình được công nhận (năm 2022: 01 mô hình; …)"), when the
    # lead names no other kind in this unit ("Xã có 06 mô hình chuyển đổi số (năm 2023: 02 mô hình; …)")
    if not named and any(
        r.reads("count") and r.topic and r.unit and _found(r.topic, lead) and _found(r.unit, lead) for r in rd.readers
    ):
        return []
    return named or [c for c in out if c[0].words.default and _found(c[0].unit, lead)][: 1 if len(out) == 1 else 0]


# the unit's make-up, said on its own ("Xã có 27 thôn.", "Thị trấn có 14 tổ dân phố với 2.315 hộ"): the whole
_PLACE_BEFORE = re.compile(
    r"\b(?:tại|ở|khu tập thể|khu đô thị|khu phố|khu dân cư|khu|thôn|tổ dân phố|tổ|xóm|ấp|khóm|bản|buôn|làng|chợ|"
    r"trường|đường|phố|cầu|đình|chùa|nhà văn hóa)\s+$",
    re.I,
)
_COMPOSITION = re.compile(
    # after what says it holds now ("Hiện nay xã có …", "Sau khi sắp xếp thôn, xã có 27 thôn")
    r"^\W*(?:(?:\d{1,2}|[a-zđ])[.)]\s+)?(?:(?:hiện nay|hiện tại|hiện|đến nay|tính đến\s+[^,;]{1,30}|sau\s+(?:khi\s+)?(?:sắp xếp|sáp nhập|hợp nhất)"
    r"[^,;]{0,30})\s*,?\s*)?"
    rf"(?:(?:toàn|cả)\s+)?(?:{_KINDS})(?:\s+[{UP}]\w*(?:\s+[{UP}]\w*){{0,3}})?\s+"
    # what the unit is, said first ("Xã Tiên Hòa Đông là xã miền núi của huyện, có 09 thôn …")
    # or how it was formed ("Xã được thành lập trên cơ sở nhập xã A và xã B, có 21 thôn")
    # (or what it spans: "Đặc khu A gồm các cụm đảo B, C và D, có 14 ấp")
    r"(?:(?:là|gồm)\s+[^;:()\d]{1,120}?,\s*|(?:được\s+)?(?:thành lập|hình thành)\s+[^;:()]{1,160}?,\s*)?(?:hiện\s+)?"
    r"(?:có|gồm)\s+"
    # the unit's make-up listed with its area and people first ("Phường có diện tích 612 ha, 23 khu phố, 6.870 hộ")
    r"(?:(?:(?:tổng\s+)?diện\s+tích(?:\s+tự\s+nhiên)?(?:\s+là)?\s+[\d.,]+\s*(?:ha|héc-ta|km2|km²)|"
    r"(?:dân\s+số(?:\s+là)?\s+)?[\d.,]+\s*(?:hộ|nhân\s+khẩu|khẩu|người|dân))\s*(?:,|với)\s*)*"
    # ("…, dân số 15.870 người, hiện có 14 khu phố")
    r"(?:(?:hiện\s+)?có\s+)?(?:tổng\s+(?:số\s+)?)?$",
    re.I,
)
_COMPOSITION_END = re.compile(r"\s*(?:$|[,.(]|(?:với|gồm|và)\b)", re.I)
# a part that is not the stock of units holding the title: new this year, or holding it for years on end, or the best
_NOT_THE_STOCK = re.compile(r"\b(?:thêm|mới|tăng|liên tục|liên tiếp|liền|tiêu biểu|xuất sắc|kiểu mẫu)\b", re.I)
# nor units denied it, stripped of it, or only put forward for it ("02 thôn không đạt …", "bị thu hồi danh hiệu",
# "được đề nghị xét công nhận …")
_NOT_HOLDING = re.compile(r"\b(?:không|chưa|bị|thu hồi|đề nghị|đề xuất|xét|đăng ký|phấn đấu)\b", re.I)


_HOLDS = re.compile(r"\s*(?:đạt|được\s+công\s+nhận|giữ\s+vững)\b(?![^.;()]*\b(?:chưa|không)\b)", re.I)


def _count_as_whole_or_part(
    rd: _Reading, cl: _Clause, fig: g.Figure, after: str, before: str, subjects: list[Reader]
) -> tuple[list[tuple[Reader, int, Optional[re.Match]]], float]:
    """A bare count that the grammar gave no part or whole to: the unit's make-up said on its own ("Xã có 27
    thôn.") is the whole; a count with the title right after it ("25 thôn được công nhận danh hiệu “Thôn văn
    hóa”") is the part, less surely (marked for review: its whole is elsewhere, if anywhere)."""
    head = before.rsplit(":", 1)[-1]
    # "Xã X được thành lập trên cơ sở …; có 24 khu (tổ dân phố), 9.870 hộ": the make-up in a clause of its own, the
    # sentence's subject the unit
    elliptic = (
        re.fullmatch(r"\W*(?:có|gồm)\s+", head) is not None
        and re.match(rf"^\W*(?:{_KINDS})\s", cl.sentence_before, re.I) is not None
        and not rd.other_subject(cl.sentence_before)
    )
    if _COMPOSITION.match(head) or elliptic:  # after a lead ("c) Tổ dân phố văn hóa: Thị trấn có 10 …")
        out: list[tuple[Reader, int, Optional[re.Match]]] = []
        for r in rd.readers:
            unit = _unit_at(r, cl.text, fig.end) if r.reads("whole") and r.unit else None
            if unit is not None and _COMPOSITION_END.match(cl.text[unit.end() :]):
                if not _composition_of_kinds(rd, r, cl, fig, unit):
                    out.append((r, 0, unit))
        if out or _COMPOSITION_END.match(cl.text[fig.end :]):
            return out, 0.0
        # "Toàn xã có 9 khu phố đạt tiêu chí “Khu dân cư 6 không”": the make-up's words, then what the units hold —
        # a part, read as below
    if _NOT_THE_STOCK.search(before[-30:] + " " + cl.text[fig.end : fig.end + 80]):
        return [], 0.0
    # (up to the title: its own words hold a "không", "khu dân cư “6 không”")
    if _NOT_HOLDING.search(
        re.split(r"\bdanh hiệu\b|\btiêu chí\b|\bvăn hóa\b|[“\"]", cl.text[fig.end : fig.end + 80])[0]
    ):
        return [], 0.0
    parts = _candidates(rd, cl, fig, "part", after, before, subjects, unit_needed=True)
    if _ANOTHER_YEARS.match(before):
        # "…, nhiều hơn năm 2023 một bản (năm 2023 có 07 bản đạt)": another year's holders of the title the sentence
        # has just counted, its unit and a verb of holding after the count
        same = [c for c in parts if c[0] in subjects and _HOLDS.match(cl.text, c[2].end() if c[2] else fig.end)]
        if same:
            return same, 0.1
    return [c for c in parts if c[1] == 0], 0.2


def _composition_of_kinds(rd: _Reading, r: Reader, cl: _Clause, fig: g.Figure, unit: re.Match) -> bool:
    """The unit's make-up in units of two kinds ("Thị trấn có 14 tổ dân phố và 03 thôn", "… 11 tổ dân phố và 05 bản,
    tổng số 16 khu dân cư"): the whole is the total the sentence states, else the sum — never the first kind alone.
    True when the make-up was read here (drafted or, when unsure, left)."""
    text = cl.text
    total = int(fig.value)
    end = unit.end()
    more = False
    while True:
        nxt = re.match(r"\s*(?:,|và|,\s*và)\s*", text[end:])
        fig2 = next((f for f in cl.figs if nxt and f.start == end + nxt.end()), None)
        unit2 = _unit_at(r, text, fig2.end) if fig2 is not None and fig2.role == "count" else None
        if unit2 is None or fig2 is None:
            break
        total, end, more = total + int(fig2.value), unit2.end(), True
    if not more:
        return False
    stated = re.match(r"\s*,?\s*(?:với\s+)?(?:tổng\s+(?:số|cộng)\s+)(\d+)\s", text[end:])
    if stated:
        total = int(stated.group(1))
        end += stated.end()
        whole = _unit_at(r, text, end - 1)
        end = whole.end() if whole else end
    periods, sure = rd.years(r, [], cl, None)
    if periods:
        quote = text[_quote_start(text, fig.start) : end]
        rd.add(r, periods, cl.para, cl.start + fig.start, quote, value=total, confidence=0.85 - (1 - sure))
    return True


# the year a figure is stated for, in brackets right after it, with no figure of its own ("(năm 2023 là 14/15)" is
# another year's figure): "11/12 tổ (kết quả năm 2023)", "17/19 ấp (kết quả bình xét năm 2024 của các xã cũ …)"
_YEAR_IN_BRACKETS = re.compile(
    rf"\s*\(\s*(?:(?:theo\s+)?(?:kết\s+quả|số\s+liệu)(?:\s+(?:bình\s+xét|đánh\s+giá|công\s+nhận))?\s+)?"
    rf"(?:năm\s+)?(?P<y>{_YEAR})\b(?![^)]*\d)",
    re.I,
)
_ANOTHER_YEARS = re.compile(rf"^\W*(?:năm|Năm)\s+{_YEAR}\s+(?:là|đạt|có)\s*$")
# a clause that is a year's label and its figure alone: "năm 2023: 18 con", "năm 2024 là 13 con"
_YEAR_SHARE = re.compile(
    rf"^\W*(?:(?:\d{{1,2}}|sáu|chín|mười)\s+tháng\s+(?:đầu\s+)?)?(?:năm|Năm)\s+{_YEAR}\s*(?::|là|có)\s*$", re.I
)
# — its verb said again in the bracket ("thấp hơn so với năm 2023 (giảm 17 hộ)"), not a change ("(tăng 02 hộ)")
_COMPARED = re.compile(
    rf"\b(?:so với|hơn|bằng)\s+(?:cùng kỳ\s+)?(?:năm\s+)?{_YEAR}\s*\(\s*"
    r"(?:(?:giảm(?:\s+được)?|công nhận|thành lập|xây dựng|có|đạt|là)\s+)?$",
    re.I,
)


def _statement(r: Reader, text: str, start: int, end: int, *, lead: bool = True) -> str:
    """The words of a statement: from its subject (the indicator's name, where the clause says it next to the figure)
    or the start of its own words, to the end of what the figure counts."""
    begin = _quote_start(text, start) if lead else start
    for p in r.topic:
        for m in p.finditer(text):
            if m.end() <= start and start - m.end() < 120:
                begin = min(begin, m.start()) if lead else m.start() if m.start() < begin else begin
            elif start <= m.start() <= end + 60 and m.end() - end < 80:
                end = max(end, m.end())
    return text[begin : min(end, begin + 220)]


def _quote_start(text: str, at: int) -> int:
    """Where the quote of a figure begins: the start of its clause's own words (after a lead 'Về …:')."""
    head = text[:at]
    cut = max(head.rfind(","), head.rfind(":"), head.rfind("("))
    start = cut + 1 if cut >= 0 and at - cut < 120 else max(0, at - 120)
    return start


def _criteria_flags(cl: _Clause, r: Reader) -> dict:
    """'cơ bản hoàn thành' / 'tự đánh giá' make a count of criteria a claim; 'chờ … thẩm định' in the sentence makes
    it await appraisal."""
    out: dict[str, Any] = {}
    sentence = cl.sentence_before + cl.text
    if r.ind.key not in _COUNT_INDICATORS:
        return out
    if re.search(r"\bcơ bản\b|\btự đánh giá\b", sentence, re.I):
        out["basis"] = "claimed"
    whole = cl.para.match
    if re.search(r"chờ[^.;]{0,40}thẩm định", whole, re.I):
        out["awaiting"] = True
    return out


_COUNT_INDICATORS: set[str] = set()


def _difference(rd: _Reading, cl: _Clause, fig: g.Figure, counts: dict[str, Decimal], subjects: list[Reader]) -> None:
    """'… giảm 09 hộ nghèo, vượt 02 hộ so với chỉ tiêu' → the target is 9 − 2; the rate is a claim."""
    for r in rd.readers:
        if not (r.reads("target") and subjects and any(s.topics & r.topics for s in subjects)):
            continue
        base = next((counts[s.key] for s in subjects if s.key in counts and s.topics & r.topics), None)
        if base is None:
            continue
        target = base - fig.value if fig.role == "over" else base + fig.value
        periods, _ = rd.years(r, [], cl, None)
        rd.add(
            r,
            periods,
            cl.para,
            cl.start + fig.start,
            cl.text[_quote_start(cl.text, fig.start) :],
            value=int(target),
            confidence=0.8,
            notes=[
                f"tính từ số chênh lệch so với chỉ tiêu ({'vượt' if fig.role == 'over' else 'thiếu'}"
                f" {g.number_value(fig.text) or fig.value})"
            ],
        )
    for r in rd.readers:
        if r.reads("claim") and any(s.topics & r.topics for s in subjects):
            periods, _ = rd.years(r, [], cl, None)
            rd.add(
                r,
                periods,
                cl.para,
                cl.start + fig.start,
                cl.text[_quote_start(cl.text, fig.start) :],
                claim="achieved" if fig.role == "over" else "not_achieved",
                confidence=0.85,
            )


def _read_zeros(rd: _Reading, cl: _Clause, subjects: list[Reader], following: list[Paragraph]) -> None:
    """'chưa có mô hình … nào', 'không có …', 'chưa thành lập thêm mô hình mới', 'chưa có hộ nghèo thoát nghèo' → 0."""
    text = cl.text
    seen: set[str] = set()
    for r in rd.readers:
        # a count, or the part of the unit's settlements holding a title ("chưa có tổ dân phố, bản nào được công nhận")
        reading = "count" if r.reads("count") else "part" if r.reads("part") else None
        if reading is None or not r.unit:
            continue
        for u in r.unit:
            for m in u.finditer(text):
                neg = g.negated_at(text, m.start(), tuple(v.pattern.replace("\\s+", " ") for v in r.verb))
                if neg is None and r.verb and _negated_verb_after(r, text, m.end()):
                    neg = m.start()  # "số hộ nghèo của xã không giảm": the unit first, its verb negated after it
                if neg is None:
                    single = re.match(r"[^.;,]{0,80}?\bduy nhất\b", text[m.end() :])
                    if not single:
                        continue
                value = 0 if neg is not None else 1
                start = neg if neg is not None else m.start()
                after = _region_after(text, m.end(), [])
                before = text[:start]
                if rd.other_unit(before[-60:] + text[start : m.end()] + after) or _NOT_RESULT.search(
                    before[-40:] + after[:25]
                ):
                    continue
                if rd.other_subject(before) or rd.intended(before):
                    continue
                # the verb after the unit, or after its "nào" in the passive ("không có mô hình “Dân vận khéo” nào được
                # công nhận")
                nao = re.match(r"[^.;,]{0,50}?\bnào\s+(?:được\s+)?", after)
                verb_zone = after[: nao.end() + 20] if nao else after[:25]
                if r.verb and not (_found(r.verb, text[start : m.end()]) or _found(r.verb, verb_zone)):
                    if not r.topic or r.ind.type == "items" or r.key.startswith("giam_ngheo"):
                        continue
                if r.not_ and _lookalike(r, text[start : m.end()] + after):
                    continue
                if reading == "part" and (value or not nao):
                    continue  # a part is zero only as "chưa có … nào"
                fake = g.Figure(reading, Decimal(value), start, m.start())
                # only indicators counted in this unit compete ("chưa … mô hình" is no count of "con bò")
                cands = _candidates(rd, cl, fake, reading, after, before, subjects, unit_needed=True, verb_checked=True)
                if not any(c[0] is r for c in cands) or r.key in seen:
                    continue
                level = next(c[1] for c in cands if c[0] is r)
                if level == 7 and value:
                    continue
                # (a time in the reason given after it is the reason's: "Năm 2022 chưa công nhận mô hình nào do Đề án
                # ban hành vào cuối năm")
                why = _REASON.search(after)
                end = m.end() + (why.start() if why else len(after))
                periods, sure = rd.years(r, [w for w in cl.whens if start <= w.at <= end], cl, None)
                if not periods:
                    continue
                seen.add(r.key)
                quote = _statement(r, text, start, m.end() + len(after)).rstrip(" ,.")
                notes = [] if value == 0 else ["báo cáo nêu là mô hình “duy nhất”"]
                if r.ind.type == "items":
                    rd.add(r, periods, cl.para, cl.start + start, quote, items=[], confidence=0.88 - (1 - sure))
                else:
                    rd.add(
                        r,
                        periods,
                        cl.para,
                        cl.start + start,
                        quote,
                        value=value,
                        confidence=0.88 - 0.03 * min(level, 5) - (1 - sure),
                        notes=notes,
                    )
                if r not in subjects:
                    subjects.append(r)


# a label answered by a bare denial, as an outline's items are ("- Du lịch nông thôn: Không.", "- Kinh tế tuần hoàn: Chưa
# có."): nothing of what the label names
# the whole of a bare denial ("Chưa có.", "chưa xây dựng được")
_DENIAL = r"(?:không|chưa có|chưa thực hiện|chưa xây dựng(?: được)?|chưa hình thành|chưa)\s*[.;]?\s*$"
_BARE_DENIAL = re.compile(r"^\W*(?P<label>[^:\d]{3,120}?)\s*:\s*" + _DENIAL, re.I)


# a paragraph that is only a denial, answering the item or question before it ("3. Việc ký kết giao ước thi đua …" then
# "Chưa thực hiện.", "4. Vận động phát triển kinh tế tuần hoàn?" then "Trả lời: Chưa có.")
_BARE_ANSWER = re.compile(r"^\W*(?:trả lời\s*:\s*)?" + _DENIAL, re.I)


def _answer_head(text: str) -> str:
    """An answer's first sentence, its mark ("— Đạt.") and a bracket after its yes or no ("Không (chưa tổ chức, dự
    kiến tháng 12/2024)") left out: what says yes or no."""
    text = _ASSESSMENT_MARK.sub("", for_matching(text))
    text = re.split(r"\.\s+(?=\S)", text, maxsplit=1)[0]
    return re.sub(r"^(\W*(?:trả lời\s*:\s*)?(?:có|không|chưa))\s*\([^()]*\)", r"\1", text, flags=re.I)


def _is_answer(p: Paragraph) -> bool:
    """A paragraph that answers yes or no, the reason or the document after it aside."""
    head = _answer_head(p.text)
    return bool(_BARE_ANSWER.match(head) or _YES_ANSWER.match(head))


def _read_bare_denial(rd: _Reading, cl: _Clause, label: str, quote: str, acts: bool = False) -> None:
    """What a bare denial answers for: with ``acts``, each act the label names (a heading or question of its own) was
    not done; else, or when it names no act, each count of models whose topic it names is zero ("Việc sơ kết phong
    trào “Dân vận khéo”?" is the act, not the models)."""
    done = [r for r in rd.readers if acts and r.ind.type == "boolean" and r.act and _found(r.act, label)]
    for r in done or rd.readers:
        models = (
            r.ind.unit == "mô hình"
            and bool(r.topic)
            and (r.reads("count") or r.ind.type == "items")
            and not r.reads("named")
        )
        if not done and not (models and _found(r.topic, label)):
            continue
        if r.not_ and _lookalike(r, label):
            continue
        periods, sure = rd.years(r, cl.whens, cl, None)
        if not periods:
            continue
        if r.ind.type == "items":
            rd.add(r, periods, cl.para, cl.start, quote, items=[], confidence=0.8 - (1 - sure))
        else:
            value = False if r.ind.type == "boolean" else 0
            rd.add(r, periods, cl.para, cl.start, quote, value=value, confidence=0.8 - (1 - sure))


def _read_answer(rd: _Reading, answer: Paragraph, item: Paragraph, ctx: Context) -> None:
    """A bare denial answering the item or question just before it, itself short and holding no figure; or a bare "Có"
    answering a question put as yes or no ("Có ban hành kế hoạch … năm 2024 không?" then "Trả lời: Có (Kế hoạch số
    …)."): each act the question names was done, with the document the answer cites."""
    subject = re.sub(rf"^\W*(?:{_ITEM_NUMBER}|[a-zđ]\))?\s*", "", for_matching(item.text), flags=re.I)
    yes = _YES_ANSWER.match(_answer_head(answer.text))
    if yes and not _YES_NO_QUESTION.search(subject):
        return
    # the question holds no figure but its year ("… năm 2024 không?", the year asked of) and a document it names
    if not subject or len(subject) > 200 or re.search(r"\d", g.masked(_YEAR_WORDS.sub("", subject))):
        return
    cls = _read_clauses(rd, answer, ctx)
    if not cls:
        return
    asked = g.whens(subject, as_of_year=rd.as_of_year)
    if not yes:
        # the time a denial's reason names is not the year denied ("Không (… dự kiến tháng 01/2025)")
        said = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), cls[0].text)
        denial = replace(cls[0], text=said, whens=asked, lead_when=None)
        _read_bare_denial(rd, denial, subject, answer.text.strip(), acts=True)
        return
    asked = asked or cls[0].whens
    doc = g.parse_document(for_matching(answer.text))  # the document the answer cites (nothing before its "Có")
    for r in rd.readers:
        if r.ind.type != "boolean" or not r.act or not _found(r.act, subject) or (r.not_ and _lookalike(r, subject)):
            continue
        periods, sure = rd.years(r, asked, cls[0], None)
        if periods:
            quote = answer.text.strip()
            rd.add(r, periods, cls[0].para, cls[0].start, quote, value=True, document=doc, confidence=0.8 - (1 - sure))


# an answer's own mark after it, as a checklist gives one ("… — Đạt.", "— Không đạt.", "– Không đánh giá (…)")
_ASSESSMENT_MARK = re.compile(r"\s+[—–-]+\s*(?:không\s+|chưa\s+)?(?:đạt|đánh giá)\b[^—–]*$", re.I)
# a bare "yes", with the document or the day it was done after it ("Có (Kế hoạch số …)", "Có, ký ngày …")
_YES_ANSWER = re.compile(r"^\W*(?:trả lời\s*:\s*)?có\s*(?:[.,;(]|$)", re.I)
# a question put as yes or no: "Có ban hành … không?", "Đã sơ kết … chưa?", "… hay không?"
_YES_NO_QUESTION = re.compile(r"\b(?:không|chưa)\s*\?\s*$", re.I)
_YEAR_WORDS = re.compile(rf"\bnăm\s+{_YEAR}\b", re.I)


# the reason a denial gives for itself ("… do Đề án ban hành vào cuối năm", "… vì chưa có hướng dẫn")
_REASON = re.compile(r"\s(?:do|vì|bởi vì|bởi|nguyên nhân là)\s", re.I)


def _negated_verb_after(r: Reader, text: str, at: int) -> bool:
    """Whether the words after a unit deny the indicator's verb: "(số) hộ nghèo của xã không giảm", "… chưa giảm"."""
    m = re.match(r"(?:\s+[^\W\d]+){0,3}?\s+(?:không|chưa)\s+(?:được\s+)?", text[at:])
    return m is not None and any(v.match(text, at + m.end()) for v in r.verb)


def _read_claims(rd: _Reading, cl: _Clause, subjects: list[Reader]) -> None:
    for at, claim in g.claims(cl.text):
        if any(f.role in ("of_target", "over", "under") for f in cl.figs):
            continue  # a rate or a difference given in the same clause is the value
        after = cl.text[at : at + 60]
        before = cl.text[:at]
        if rd.other_unit(before[-60:] + after) or _NOT_RESULT.search(before[-30:] + after[:30]):
            continue
        if rd.other_subject(before) or rd.intended(before):
            continue
        best: list[tuple[Reader, int]] = []
        for r in rd.readers:
            if not r.reads("claim"):
                continue
            level = rd.topic_level(r, cl, after, before, subjects)
            if level is None or level > 3:  # a claim's subject is named in its sentence or its lead
                continue
            best.append((r, level))
        if not best:
            continue
        top = min(lv for _, lv in best)
        window = [w for w in cl.whens if w.at >= at]
        if not any(not w.empty for w in window) and re.search(r"\bđều\s+(?:đã\s+)?$", before):
            # "các năm 2022, 2023 xã đều hoàn thành chỉ tiêu": the claim of each year the clause names before it; with
            # none ("Năm 2022 xã giảm 31 hộ nghèo; …; năm 2026 giảm 15 hộ. Bình quân mỗi năm giảm hơn 22 hộ, đều hoàn
            # thành chỉ tiêu tỉnh giao"), of each year the paragraph named before it
            said = [w for w in [*cl.whens, cl.lead_when] if w is not None and w.years and not w.every]
            named = sorted({y for w in said if not w.span for y in w.years})
            if len(named) < 2:
                said = g.whens(g.masked(cl.para.match[: cl.start], keep_time=True), as_of_year=rd.as_of_year)
                named = sorted({y for w in said if not w.span for y in w.years})
            if len(named) >= 2:
                window = [g.When(years=named, at=0)]
        for r, lv in best:
            if lv != top:
                continue
            periods, sure = rd.years(r, window, cl, None)
            if not periods:
                continue
            rd.add(
                r,
                periods,
                cl.para,
                cl.start + at,
                cl.text[_quote_start(cl.text, at) : at + len(after.split(")")[0])],
                claim=claim,
                confidence=0.85 - 0.03 * lv - (1 - sure),
            )


# a denial of the act just before it: "chưa ban hành", "không có", "chưa tổ chức ký kết", "chưa kịp xây dựng" (up to two
# words between; not "không chỉ", "không ngừng")
_NEGATED_ACT = re.compile(
    r"\b(?:chưa|không)(?!\s+(?:chỉ|ngừng|những)\b)"
    r"(?:\s+(?:có|được|kịp|tổ chức|tiến hành|thực hiện|mời|giao|phân công|yêu cầu|đề nghị|tự|việc))*\s*$",
    re.I,
)  # "chưa được mời tham gia phản biện …", "không được giao xây dựng …", "chưa thực hiện việc tự đánh giá …": denied
# an act named as a topic ("Việc sơ kết …", "Công tác ký kết …", or opening its clause) whose predicate comes after
# it: an intention ("… dự kiến tổ chức vào tháng 11") is no act done, a denial ("… chưa thực hiện") is one not done
# "Việc tổng hợp, sơ kết …", "Hội nghị sơ kết phong trào … chưa tổ chức được"
_NAMED_ACT = re.compile(r"^\W*$|\b(?:việc|công tác|hội nghị)(?:\s+[^\W\d]+,?){0,3}\s+$", re.I)
_ACT_PREDICATE = re.compile(
    # (its answer after a colon too: "- Sơ kết Phong trào thi đua “Dân vận khéo”: chưa tổ chức.")
    r"^(?:(?!\b(?:nhưng|tuy nhiên|song|còn)\b)[^.;]){0,80}?\b(?:(?P<intent>dự kiến|sẽ|chuẩn bị|đang chuẩn bị|lùi|hoãn)|"
    r"(?P<neg>chưa|không)\s+(?:được\s+)?(?:tổ chức|thực hiện|tiến hành|triển khai|ban hành|ký)\b)",
    re.I,
)
_LATER = re.compile(
    r"\b(?:quý\s+(?P<q>IV|III|II|I|[1-4])|tháng\s+(?P<m>1[0-2]|0?[1-9]))(?:\s*/\s*(?P<y>(?:19|20)\d{2}))?\b", re.I
)
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _after_as_of(text: str, as_of: Optional[dt.date]) -> bool:
    """Whether the predicate of a named act places it in a month or quarter that starts after the report's date ("…
    được lồng ghép vào hội nghị quý IV" in a nine-month report): not done by then."""
    if as_of is None:
        return False
    pred = re.match(r"[^.;]{0,100}", text)
    for m in _LATER.finditer(pred.group(0) if pred else ""):
        year = int(m.group("y")) if m.group("y") else as_of.year
        q = m.group("q")
        month = 3 * (_QUARTER.get(q.lower(), 0) or int(q)) - 2 if q else int(m.group("m"))
        if dt.date(year, month, 1) > as_of:
            return True
    return False


def _planned_this_year(text: str, as_of: Optional[dt.date]) -> bool:
    """Whether ``text`` plans the act ("dự kiến", "sẽ") for a month or quarter of the report's own year after its
    date ("dự kiến tổ chức trong quý IV/2024" in a nine-month report of 2024)."""
    plan = re.search(r"\b(?:dự kiến|sẽ|phấn đấu)\b", text, re.I)
    if plan is None:
        return False
    return _after_as_of(text[plan.start() :], as_of) and not _later_year(text[plan.start() :], as_of)


def _later_year(text: str, as_of: Optional[dt.date]) -> bool:
    """Whether the predicate of a named act places it in a year after the report's ("… sẽ tổ chức vào tháng
    01/2024" in a report of 2023)."""
    pred = re.match(r"[^.;]{0,100}", text)
    return as_of is not None and any(
        m.group("y") and int(m.group("y")) > as_of.year for m in _LATER.finditer(pred.group(0) if pred else "")
    )


_ASSESSED = re.compile(r"\bđúng,? đủ\b|\bđầy đủ\b|\bkịp thời\b|\btích cực\b|\bthực hiện tốt\b", re.I)


def _doc_near(text: str, start: int, end: int) -> Optional[dict]:
    """The document an act cites: inside it, or in a bracket after it in the same clause ("… kế hoạch tuyên truyền,
    hướng dẫn (Thông báo số 286/TB-UBND …)")."""
    for m in g.DOCUMENT.finditer(text):
        gap = text[end : m.start()]
        if start <= m.start() < end or (m.start() >= end and len(gap) <= 40 and re.fullmatch(r"[^.;()]*\(\s*", gap)):
            return g.document_of(m)
    return None


# a denial inside an act's words, before its verb: "lớp tập huấn … nên xã chưa cử cán bộ tham gia"
# a denial of the manner, the act done otherwise after "mà": "không ký … riêng … mà ký … chung"
_BUT_DONE = re.compile(
    r"^[^.;]{0,80}?\bmà\s+(?:(?:đã|chỉ|vẫn)\s+)?(?:ký|ký kết|tổ chức|ban hành|thực hiện|cử|xây dựng)\b", re.I
)
_DENIED_INSIDE = re.compile(
    r"\b(?:chưa|không)\s+(?:(?:được|có|kịp|đến\s+(?:thời điểm|kỳ))\s+)?"
    r"(?:cử|ký|ban hành|tổ chức|thực hiện|xây dựng|tham gia|sơ kết|tổng kết|đánh giá|chấm điểm)\b",
    re.I,
)
# the act said again with its object left out, denied, for another year: "…; năm 2024 không tổ chức sơ kết"
_ELLIPTIC_DENIAL = re.compile(
    r"^\W*(?P<when>(?:năm\s+(?:19|20)\d{2}|(?:6|sáu|9|chín)\s+tháng[^,;]{0,20}),?\s+)"
    r"(?:(?:xã|phường|thị trấn|ubnd[^,;]{0,20})\s+)?(?:chưa|không)\s+(?:(?:tổ chức|thực hiện|tiến hành)\s+)?(?P<verb>sơ kết|tổng kết|ký kết|ký)\W*$",
    re.I,
)


_AGENT = re.compile(r"\bđược\s+(?P<who>.+)$", re.I)
_OTHER_AGENT = re.compile(r"\b(?:huyện|tỉnh|thành phố|quận|thị xã|trung ương|các xã|các phường|cụm)\b", re.I)


def _other_agent(rd: _Reading, act: str) -> bool:
    """Whether an act said in the passive names another unit as its agent ("kế hoạch … được UBND huyện ban hành",
    "… đã được huyện sơ kết"): the act is that unit's, not this one's."""
    m = _AGENT.search(act)
    return m is not None and bool(_OTHER_AGENT.search(m.group("who")) or rd.other_subject(m.group("who")))


def _act_matches(
    rd: _Reading, r: Reader, cl: _Clause, verb: str
) -> Iterator[tuple[Union[re.Match[str], _Inherited], bool]]:
    """Where the clause says each of an indicator's acts: in its own words first (every phrase), then as a document
    named later in a list its statement's verb opens (flagged: each such document is an act of its own)."""
    for a in r.act:
        m: Optional[Union[re.Match[str], _Inherited]] = a.search(cl.text)
        if not m and verb:
            # a document listed as an item after the act's verb ("… đã ban hành các văn bản:" then "Kế hoạch số
            # 09/KH-UBND … về công tác dân vận chính quyền năm 2023;"): the item with the verb before it
            joined = a.search(verb + " " + cl.text)
            if joined and joined.start() < len(verb) < joined.end():
                m = _Inherited(0, joined.end() - len(verb) - 1, joined.group(0))
        if m:
            yield m, False
    for a in r.act:
        if listed := _listed_after_verb(rd, a, cl):
            yield listed, True


def _read_acts(rd: _Reading, cl: _Clause, denials_only: bool = False) -> None:
    text = cl.text
    elliptic = _ELLIPTIC_DENIAL.match(text)
    if elliptic and cl.sentence_before:
        # the act of the clause before, whose words hold the same verb ("Phường đã tổ chức sơ kết phong trào … vào
        # tháng 11/2023; năm 2024 không tổ chức sơ kết")
        for r in rd.readers:
            if r.reads("done") and r.act and r.words.period == "year":
                for a in r.act:
                    said = a.search(cl.sentence_before)
                    if said and elliptic.group("verb").lower() in said.group(0).lower():
                        periods, sure = rd.years(r, [], cl, None)
                        if periods:
                            rd.add(
                                r,
                                periods,
                                cl.para,
                                cl.start,
                                text.strip(" .;"),
                                value=False,
                                confidence=0.8 - (1 - sure),
                            )
                        return
    verb = _list_verb(rd, cl)
    for r in rd.readers:
        if not (r.reads("done") and r.act):
            continue
        drafted_at: list[int] = []  # where the acts drafted stand: one in the clause's own words, each listed document
        for m, listed in _act_matches(rd, r, cl, verb):
            if drafted_at and (not listed or m.start() in drafted_at):
                continue
            before = text[: m.start()]
            if rd.other_unit(before[-50:]) or _NOT_RESULT.search(before[-30:]):
                continue
            if rd.other_subject(before) or rd.intended(before) or _other_agent(rd, m.group(0)):
                continue
            if r.topic and rd.topic_level(r, cl, text[m.start() :], before, [], paragraph=True) not in (0, 1, 2, 3, 4):
                continue
            if r.not_ and _lookalike(r, text[max(0, m.start() - 30) : m.end() + 40]):
                continue
            if re.search(r"\bđánh giá$", m.group(0), re.I) and re.match(r"\s*(?:rất\s+)?cao\b", text[m.end() :], re.I):
                continue  # "Công tác dân vận chính quyền của xã được đánh giá cao": praised, not assessed
            value = not _NEGATED_ACT.search(before[-40:]) and not _DENIED_INSIDE.search(m.group(0))
            denied_after = 0
            but = None if value else _BUT_DONE.match(text[m.end() :])
            if but is not None:
                # "không ký giao ước thi đua riêng với từng đoàn thể mà ký giao ước thi đua chung với …": what is
                # denied is the manner, the act was done (quoted to the act done)
                value, denied_after = True, but.end()
            if _NAMED_ACT.search(before):
                pred = _ACT_PREDICATE.match(text[m.end() :])
                later = _after_as_of(text[m.end() :], rd.header.as_of)
                if pred and pred.group("neg") and later and _later_year(text[m.end() :], rd.header.as_of):
                    later = False  # "… năm 2023 chưa thực hiện, sẽ tổ chức vào tháng 01/2024": not done in its year
                if (pred and pred.group("intent")) or later:
                    break  # not done yet: nothing drafted, the statement stays among those unmatched
                if pred:
                    value, denied_after = False, pred.end()
            if denials_only and value:
                break
            # the year written with the act ("… dân vận chính quyền năm 2024") is the act's year
            # — each year of a list ("… vào tháng 01 các năm 2023, 2024 và 2025")
            tail = re.match(
                rf"[^.;]{{0,60}}?\bnăm\s+({_YEAR}(?:\s*(?:,|và)\s*(?:năm\s+)?{_YEAR}\b)*)\b", text[m.end() :]
            )
            if tail and re.search(r"\b(?:dự kiến|sẽ|phấn đấu|cùng kỳ|so với)\b", tail.group(0), re.I):
                # … nor the year it is compared with ("… (cùng kỳ năm 2023 cử 02 công chức)")
                # "… chưa tổ chức sơ kết …, dự kiến sẽ lồng ghép sơ kết vào quý I năm 2024": the year of a plan
                # after the act is not the act's
                tail = None
            window = [w for w in cl.whens if m.start() <= w.at <= m.end()]
            if re.search(r"\b(?:sơ|tổng) kết\b", m.group(0), re.I):
                # "Phong trào thi đua … giai đoạn 2021 - 2025 chưa đến thời điểm sơ kết": the stage reviewed, not when
                # (a day said with it dates it: "… giai đoạn 2021 - 2024 được tổ chức ngày 15/10/2024", read by years())
                stage = [w for w in cl.whens if w.span and re.match(r"\s*giai đoạn\b", text[w.at :], re.I)]
                # (nor another year the clause names, "Năm 2023, xã đã tổ chức sơ kết … giai đoạn 2018 - 2023", nor "đến
                # nay", read below)
                others = [w for w in [*cl.whens, cl.lead_when] if w is not None and w not in stage and not w.empty]
                if (
                    stage
                    and not others
                    and not _ACT_DATE.search(g.masked(text, keep_time=True))
                    and not _STOCK.search(before)
                ):
                    window = [g.When(current=True, at=m.start())]  # undated: the report's own time
            if tail:
                window = [g.When(years=[int(y) for y in re.findall(_YEAR, tail.group(1))], at=m.end())] + window
            elif re.search(r"\bđều\s+(?:\w+\s+){0,2}$", before) and any(
                w.every for w in g.whens(cl.sentence_before[:80], as_of_year=rd.as_of_year, formed=rd.formed)
            ):
                # "Hằng năm, xã đều ban hành kế hoạch … (năm 2022 là …, năm 2024 là …) và đều ký kết giao ước …": the
                # "đều" takes the sentence's "hằng năm" over the years named in between
                window = [g.When(every=True, at=m.start())]
            periods, sure = rd.years(r, window, cl, None)
            if (
                value
                and r.words.period == "state"
                and rd.as_of_year
                and periods
                and all(isinstance(p, int) and p <= rd.as_of_year for p in periods)
            ):
                # "Ngày 11/5/2023, UBND phường ban hành Kế hoạch số 77/KH-UBND xây dựng mô hình …" in a report to 2024:
                # a state an act set up in an earlier year holds now (a plan in force, a rule signed)
                periods = ["as_of"]
            if not periods and not value and _STOCK.search(before) and len(rd.report_years) == 1:
                # "Đến nay, UBND xã chưa tổ chức ký kết giao ước thi đua": a yearly act denied up to the report's date
                # in a report of one year is not done in that year — unless it is planned for later in the year ("…;
                # dự kiến tổ chức trong quý IV/2024"), when the year's answer is not known yet
                rest = re.match(r"[^.]*", cl.para.match[cl.start + m.end() :])
                if not _planned_this_year(rest.group(0) if rest else "", rd.header.as_of):
                    periods, sure = list(rd.report_years), 0.95
            if not periods:
                continue
            doc = _doc_near(text, m.start(), m.end())
            # "đều cử đúng, đủ …", "tích cực tham gia …": an assessment with nothing that checks it is a claim
            claimed = doc is None and not cl.figs and _ASSESSED.search(text)
            rd.add(
                r,
                periods,
                cl.para,
                cl.start + m.start(),
                text[_quote_start(text, m.start()) : m.end() + max(tail.end() if tail else 0, denied_after)],
                value=value,
                document=doc,
                confidence=0.88 - (1 - sure),
                basis="claimed" if claimed else None,
            )
            drafted_at.append(m.start())


@dataclass
class _Inherited:
    """An act found in a list item with the verb of the paragraph that opens the list: where it stands in the item."""

    begin: int
    finish: int
    words: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.words


# the verb of a paragraph that opens a list of documents ("Trong năm, UBND phường đã ban hành các văn bản chỉ đạo:",
# "UBND xã đã ký kết và thực hiện:")
_LIST_VERB = re.compile(
    r"\b(?P<verb>(?:ban hành|ký kết|ký|xây dựng|triển khai)"
    r"(?:\s*(?:và|,)\s*(?:ban hành|ký kết|ký|xây dựng|triển khai|thực hiện))?)\b"
    r"(?:\s+(?:các|những|một số))?(?:\s+(?:văn bản|kế hoạch|quy chế|chương trình)(?:\s+[^\W\d][^:;.]{0,40})?)?\s*:\s*$",
    re.I,
)
# an item that is a document ("Kế hoạch số 09/KH-UBND …", "Quy chế phối hợp số 14/QC-UBND-MTTQ …")
_DOCUMENT_ITEM = re.compile(r"^\W*(?:Kế hoạch|Quyết định|Quy chế|Chương trình|Hướng dẫn|Công văn)\b")


_DOCUMENT_AT = compile_pattern("{document}")
_ISSUING_VERB = re.compile(r"\b(?P<verb>ban hành|ký kết|ký)\b", re.I)


def _listed_after_verb(rd: _Reading, act: re.Pattern, cl: _Clause) -> Optional[_Inherited]:
    """A document named later in a list the statement's own verb opens ("UBND phường ban hành Kế hoạch số 21/… về công
    tác dân vận chính quyền; Kế hoạch số 35/… về tuyên truyền, hướng dẫn … đô thị văn minh", "Ban hành Kế hoạch số 08/…
    và Kế hoạch số 19/… tuyên truyền …"): the act with the verb before that document — not after another unit's verb."""
    before_para = cl.para.match[: cl.start]
    stmt = before_para[before_para.rfind(".") + 1 :]  # the statement so far: the sentence, across its semicolons
    whole = stmt + cl.text
    verb = next(_ISSUING_VERB.finditer(whole), None)
    if verb is None or rd.other_subject(whole[: verb.start()]) or rd.other_unit(whole[: verb.start()]):
        return None
    for doc in _DOCUMENT_AT.finditer(cl.text):
        lead = whole[: len(stmt) + doc.start()]
        if len(stmt) + doc.start() <= verb.end() or not re.search(r"(?:;|,|\bvà)\s*$", lead):
            continue
        joined = act.search(verb.group("verb") + " " + cl.text[doc.start() :])
        if joined and joined.start() == 0:
            return _Inherited(doc.start(), doc.start() + joined.end() - len(verb.group("verb")) - 1, joined.group(0))
    return None


def _list_verb(rd: _Reading, cl: _Clause) -> str:
    """The verb a list item's document takes from the paragraph that opens the list, for its first clause."""
    parent = cl.ctx.parent
    if parent is None or cl.start != 0 or not _DOCUMENT_ITEM.match(cl.text):
        return ""
    m = _LIST_VERB.search(parent.match)
    if m is None or rd.other_subject(parent.match[: m.start()]) or rd.other_unit(parent.match[: m.start()]):
        return ""
    return m.group("verb")


def _read_levels(rd: _Reading, cl: _Clause) -> None:
    text = cl.text
    for r in rd.readers:
        if not (r.reads("level") and r.levels):
            continue
        for key, patterns in r.levels:
            m = next((x for x in (p.search(text) for p in patterns) if x), None)
            if not m:
                continue
            before = text[: m.start()]
            # a decision of a higher body that names this unit ("UBND tỉnh ban hành Quyết định số … công nhận xã A đạt
            # chuẩn …"): the level is the unit's, whoever issued it
            own = rd.own is not None and rd.own in fold(m.group(0)).lower()
            if own:
                if rd.other_unit(m.group(0)) or _NOT_RESULT.search(before[-30:]) or rd.intended(before):
                    continue
            elif rd.other_unit(before[-80:] + text[m.start() : m.end()]) or _NOT_RESULT.search(before[-30:]):
                continue
            elif rd.other_subject(before) or rd.intended(before):
                continue
            if r.not_ and _lookalike(r, text[max(0, m.start() - 40) : m.end() + 30]):
                continue
            level = rd.topic_level(r, cl, text[m.start() :], before, [], paragraph=True) if r.topic else 0
            if level is None:
                continue
            doc = _doc_near(text, m.start(), len(text))
            rd.add(
                r,
                ["as_of"],
                cl.para,
                cl.start + m.start(),
                _statement(r, text, m.start(), m.end(), lead=False),
                value=key,
                document=doc if key == r.levels[-1][0] or doc else None,
                confidence=0.88 - 0.03 * level,
            )
            break


def _no_documents(rd: _Reading, r: Reader, cl: _Clause) -> bool:
    """ "chưa ký quy chế phối hợp nào", "không ban hành quy chế …", "chưa ký kết quy chế phối hợp với Ủy ban MTTQ …":
    none in force. Not "không ký mới quy chế nào" (none new: the old ones hold)."""
    if not r.reads("documents") or r.docs is None:
        return False
    m = re.search(
        rf"\b(?:chưa|không)\s+(?:(?:ký|ký kết|ban hành|xây dựng)\s+)(?:(?:được|lại|thêm)\s+)?(?:{r.docs.pattern})\b"
        r"(?:[^.;]{0,60}?\bnào\b)",
        cl.text,
        re.I,
    ) or re.search(
        rf"\bchưa\s+(?:(?:ký|ký kết|ban hành)\s+)(?:được\s+)?(?:{r.docs.pattern})\b\s+(?:giữa|với)\b",
        cl.text,
        re.I,
    )
    if (
        m is None
        or rd.other_subject(cl.text[: m.start()])
        or rd.other_unit(cl.text[max(0, m.start() - 40) : m.start()])
    ):
        return False
    rd.add(r, ["as_of"], cl.para, cl.start + m.start(), cl.text[m.start() : m.end()], value=False, confidence=0.8)
    return True


def _of_kind(r: Reader, text: str) -> list[re.Match]:
    """The documents of the reader's kind in a clause, or the decision one was issued with ("Quy chế phối hợp giữa …
    với … (ban hành kèm theo Quyết định số 52/QĐ-UBND …)")."""
    assert r.docs is not None
    found = [
        m
        for m in g.DOCUMENT.finditer(text)
        if r.docs.fullmatch(m.group("kind"))
        or re.search(rf"\b(?:{r.docs.pattern})\b[^.;]{{0,160}}?\bkèm theo\s+$", text[: m.start()], re.I)
    ]
    if r.docs.fullmatch("Quy chế"):  # and those cited by number alone, their code naming the kind ("số 02/QC-UBND")
        cited = [(m.start(), m.end()) for m in g.DOCUMENT.finditer(text)]
        found += [m for m in g.CODED_REGULATION.finditer(text) if not any(a <= m.start() < b for a, b in cited)]
        found.sort(key=lambda m: m.start())
    return found


def _opens_list(r: Reader, text: str) -> bool:
    """A clause whose documents of the reader's kind open a list after a colon ("Các quy chế … gồm: Quy chế số 01/…
    với A; Quy chế số 02/… với B; …"): the items after it are read with it."""
    mine = _of_kind(r, text) if r.docs is not None else []
    return bool(mine) and re.search(r":\s*$", text[: mine[0].start()]) is not None


def _opens_with(r: Reader, text: str) -> list[re.Match]:
    """The documents of the reader's kind in a clause that is an item of a list of them ("2. Quy chế phối hợp số
    03/… với …"), else none."""
    mine = [
        m
        for m in (_of_kind(r, text) if r.docs is not None else [])
        if r.docs is not None and (r.docs.fullmatch(m.group("kind")) or m.re is g.CODED_REGULATION)
    ]
    return mine if mine and re.fullmatch(r"\W*(?:\d+[.)]\s*|[a-zđ]\)\s*)?", text[: mine[0].start()]) else []


# what an item of a list of documents may say before the document ("UBND xã duy trì …", "tiếp tục thực hiện …")
_ITEM_LEAD = re.compile(
    rf"^\W*(?:(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\s+)?(?:tiếp tục\s+)?(?:(?:thực hiện|duy trì|ký kết|ký mới|ký)\s+)*",
    re.I,
)


def _semicolon_item(r: Reader, cl: _Clause) -> bool:
    """Whether a clause is a further item of a list over semicolons, opening on the document's kind (after what is
    done with it: "; UBND xã duy trì Quy chế phối hợp số 03/… với B")."""
    if not cl.para.text[: cl.start].rstrip().endswith(";"):
        return False
    lead = _ITEM_LEAD.match(cl.text)
    return bool(_opens_with(r, cl.text) or (lead and _opens_with(r, cl.text[lead.end() :])))


def _read_documents(rd: _Reading, cl: _Clause, prev: Optional[_Clause] = None, rest: Sequence[_Clause] = ()) -> None:
    """'Quy chế phối hợp số 01/…, số 02/… và số 03/… giữa UBND xã với A, B và C': in force (with the first
    document), how many are listed by number, and the partners named one by one. A list of them, one per item
    ("1. Quy chế … với A; 2. Quy chế … với B; …"), is one enumeration: counted and its partners named together."""
    text = cl.text
    for r in rd.readers:
        if r.docs is None:
            continue
        # its own kind ("Quy chế phối hợp số 03/…"), or the decision it was issued with
        mine = _of_kind(r, text)
        if not mine:
            if not _no_documents(rd, r, cl):
                _unnumbered(rd, r, cl)
            continue
        run: list[str] = []  # the items of the list after this one, or the sentence's other clauses naming some
        if prev is not None and (
            _opens_with(r, prev.text)
            or _opens_list(r, prev.text)
            or (cl.sentence_before and prev.start < cl.start and _of_kind(r, prev.text) and prev.para is cl.para)
            or (_semicolon_item(r, cl) and _of_kind(r, prev.text) and prev.para is cl.para)
        ):
            continue  # an item of a list, or a later clause of a sentence, read with the first
        # (the first item may say what is done with its document: "- Tiếp tục thực hiện Quy chế … số 12/… với A;")
        led = re.sub(r"^\W*(?:tiếp tục\s+)?(?:thực hiện|duy trì|ký kết|ký)\s+", "", text, flags=re.I)
        if _opens_with(r, text) or _opens_list(r, text) or (rest and led != text and _opens_with(r, led)):
            for nxt in rest:
                if not _opens_with(r, nxt.text):
                    break
                run.append(nxt.text)
        else:
            # one sentence is one enumeration: "… duy trì Quy chế số 03/… với A; năm 2023 ký mới Quy chế số 05/… với
            # B và Quy chế số 06/… với C"
            for nxt in rest:
                # (an item after a semicolon that opens on the document's kind goes on with the list, though the
                # sentence's split took its capital for a new sentence: "… với A; Quy chế phối hợp số 02/… với B")
                if nxt.para is not cl.para or not (nxt.sentence_before or _semicolon_item(r, nxt)):
                    break
                if _of_kind(r, nxt.text) and not _NO_LONGER_IN_FORCE.search(nxt.text):
                    run.append(nxt.text)  # not those said to have lapsed ("… số 12, 13 và 14 … đã hết hiệu lực")
        before = text[: mine[0].start()]
        if rd.other_unit(before[-40:]) or _NOT_RESULT.search(before[-30:]):
            continue
        named = None if r.docs.fullmatch(mine[0].group("kind")) else r.docs.search(text[: mine[0].start()])
        quote = text[named.start() if named else mine[0].start() : mine[-1].end()]
        if r.reads("documents"):
            rd.add(
                r,
                ["as_of"],
                cl.para,
                cl.start + mine[0].start(),
                quote,
                value=True,
                document=dict(g.document_of(mine[0]), number=g.document_numbers(mine[0])[0]),
                confidence=0.9,
            )
        if r.reads("document_count"):
            n = sum(len(g.document_numbers(m)) for m in mine)
            n += sum(len(g.document_numbers(m)) for t in run for m in _of_kind(r, t))
            rd.add(r, ["as_of"], cl.para, cl.start + mine[0].start(), quote, value=n, confidence=0.85)
        if r.reads("partners"):
            names = _partners(text[_partners_from(r, text, mine[0]) :]) or _co_signer(text[: mine[0].start()])
            for t in run:
                names += [
                    n
                    for n in _partners(t[_partners_from(r, t, _of_kind(r, t)[0]) :])
                    if n.lower() not in map(str.lower, names)
                ]
            if names:
                rd.add(
                    r,
                    ["as_of"],
                    cl.para,
                    cl.start + mine[0].start(),
                    text[mine[0].start() :],
                    items=[{"name": n} for n in names],
                    confidence=0.7,
                )


def _partners_from(r: Reader, text: str, doc: re.Match) -> int:
    """Where a document's partners are named: after it, or before it when it is cited in brackets after them ("Quy
    chế phối hợp với Hội Nông dân xã (Quy chế số 05/…)"), or before its verb ("UBND phường và Ủy ban MTTQ Việt Nam
    phường ký kết Quy chế phối hợp số 02/…")."""
    assert r.docs is not None
    before = text[: doc.start()]
    # "… phối hợp giữa UBND phường với A thực hiện theo Quy chế phối hợp số 09/…": the partner before what it follows,
    # when the document names none after it
    by = re.search(r"\bvới\s+[^;()]{3,120}?\s+(?:(?:được\s+)?thực hiện\s+)?theo\s+$", before, re.I)
    if by and not re.match(r"[^;]{0,80}?\bvới\b", text[doc.end() :]):
        return by.start()
    # (the decision it was issued with, in brackets: "… với A và các tổ chức … (ban hành kèm theo Quyết định số …)")
    if re.search(r"\(\s*(?:(?:được\s+)?(?:ban hành\s+)?(?:kèm\s+)?theo\s+|tại\s+)?$", before, re.I):
        named = [m for m in r.docs.finditer(before) if not re.search(r"\(\s*$", before[: m.start()])]
        if named:
            return named[-1].start()
    return doc.start()


# the partner named beside the commune's own body as the subject of the signing: "UBND phường và Ủy ban MTTQ Việt Nam
# phường ký kết Quy chế …"
# — who signed it, or keeps it ("… tiếp tục thực hiện Quy chế …"), named first or after the unit's own body ("Ban
# Thường trực Ủy ban MTTQ Việt Nam xã và UBND xã ký Quy chế …")
_CO_ACT = (
    r"\s+(?:đã\s+)?(?:cùng\s+)?(?:tiếp tục\s+)?(?:ký|ký kết|thống nhất ký|ban hành|thực hiện|duy trì(?:\s+thực hiện)?|"
    r"triển khai thực hiện)\s+$"
)
_CO_SIGNER = re.compile(
    rf"(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\s+(?:và|với|cùng)\s+(?P<who>[^\W\d][^.;,()]{{2,80}}?){_CO_ACT}|"
    rf"(?P<first>[^\W\d][^.;,()]{{2,80}}?)\s+(?:và|cùng)\s+(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS}){_CO_ACT}",
    re.I,
)


def _co_signer(text: str) -> list[str]:
    m = _CO_SIGNER.search(text)
    who = (m.group("who") or m.group("first")) if m is not None else None
    if who is None or _GENERIC_PARTNER.search(who) or not who[:1].isupper() or re.search(r"\bUBND\b", who):
        return []
    return [who.strip()]


# documents no longer in force: they are no regulation kept, nor counted among those listed
_NO_LONGER_IN_FORCE = re.compile(
    r"\b(?:(?:đã\s+)?hết hiệu lực|không còn hiệu lực|(?:đã\s+)?(?:bị\s+)?bãi bỏ|(?:đã\s+)?được thay thế)\b", re.I
)
_UNNUMBERED = re.compile(
    rf"^\W*(?P<doc>Quy chế phối hợp)\s+giữa\s+(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\s+với\s+"
    r"[^.;]{3,300}?\s(?:tiếp tục\s+)?(?:được\s+)?(?:duy trì|thực hiện|triển khai thực hiện)\b|"
    # the unit as the subject that signed (and keeps) it: "UBND thị trấn đã ký và duy trì quy chế phối hợp công tác
    # với Ủy ban MTTQ Việt Nam thị trấn, Hội Cựu chiến binh …"
    # — or keeps it in force ("UBND xã thực hiện nghiêm Quy chế phối hợp với Ủy ban MTTQ Việt Nam xã ký ngày …")
    # — or the act alone, its subject the report's ("- Duy trì thực hiện quy chế phối hợp giữa UBND phường với …",
    # "Tiếp tục thực hiện Quy chế phối hợp đã ký kết từ năm 2021 giữa UBND thị trấn với …"), the rules kept in the
    # plural ("… thực hiện có hiệu quả các quy chế phối hợp với …")
    rf"^\W*(?:(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\s+)?(?:đã\s+)?(?:tiếp tục\s+)?"
    r"(?:ký(?:\s+kết)?|ban hành|thực hiện|duy trì)(?:\s+thực hiện)?(?:\s+(?:nghiêm|tốt|nghiêm túc|có hiệu quả))?"
    r"(?:\s+và\s+(?:duy trì|thực hiện))?\s+(?:các\s+)?(?P<doc2>quy chế phối hợp)(?:\s+công tác)?"
    r"(?:\s+(?:đã\s+)?(?:ký kết|ký|ban hành)(?:\s+(?:từ\s+)?năm\s+\d{4})?)?\s+(?:với|giữa)\s+[^.;]{3,300}",
    re.I,
)


def _unnumbered(rd: _Reading, r: Reader, cl: _Clause) -> None:
    """ "Quy chế phối hợp giữa UBND xã với A, B và C tiếp tục được thực hiện": a regulation in force, cited without its
    number, opening its sentence; its partners are named one by one. No count of documents (none is numbered)."""
    if not (r.reads("documents") or r.reads("partners")) or r.docs is None or cl.sentence_before:
        return
    m = _UNNUMBERED.search(cl.text)
    if m is None or re.search(r"\b(?:chưa|không)\b", m.group(0), re.I):
        return
    doc = "doc" if m.group("doc") else "doc2"
    start = m.start("doc") if doc == "doc" else m.start()
    quote = cl.text[start : m.end()]
    if r.reads("documents"):
        rd.add(r, ["as_of"], cl.para, cl.start + start, quote, value=True, confidence=0.8)
    if r.reads("partners"):
        names = _partners(cl.text[m.start(doc) :])
        if names:
            rd.add(
                r,
                ["as_of"],
                cl.para,
                cl.start + start,
                quote,
                items=[{"name": n} for n in names],
                confidence=0.7,
            )


_GENERIC_PARTNER = re.compile(r"\bcác (?:tổ chức|đoàn thể|hội)\b", re.I)
# the Front by a short word, beside the generic others ("với Mặt trận và các đoàn thể"): the whole system, no body named
_FRONT_BY_WORD = re.compile(r"^(?:Mặt trận|MTTQ)$", re.I)


def _partners(text: str) -> list[str]:
    """The organisations named after 'với' (one by one), without repeats: "với Ủy ban MTTQ Việt Nam phường và các tổ
    chức chính trị - xã hội" names one, the Front; "với Mặt trận và các đoàn thể" names none."""
    text = re.sub(r"\([^()]*\)", " ", text)  # a document cited in brackets after its partner
    stop = re.search(
        r"[;.]|\s(?:về|để|trong|định kỳ|hằng|hàng|tiếp tục|đã được|được|vẫn|còn hiệu lực|nhằm|(?:thực hiện\s+)?theo)(?!\w)",
        text,
    )
    region = text[: stop.start()] if stop else text
    # "… giữa UBND phường và Ủy ban MTTQ Việt Nam phường": the partner after the unit's body
    region = re.sub(rf"\bgiữa\s+(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\s+và\b", "với", region)
    if not re.search(r"\bvới\b", region):
        return []
    names: list[str] = []
    for part in re.split(r"\bvới\b", region)[1:]:
        part = re.sub(rf"\b(?:giữa\s+)?(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\b", "", part)
        # the next document of the list ends this one's partners ("… với Hội Nông dân, Quy chế số 04/… với …")
        part = re.sub(r"(?:,|\bvà\b)?\s*\b(?:Quy chế|Kế hoạch|Quyết định|Chương trình phối hợp)\b.*$", "", part)
        named = [" ".join(n.split()).strip(" ,;.:\"“”") for n in re.split(r",|\bvà\b", part)]
        generic = any(_GENERIC_PARTNER.search(n) for n in named)
        for name in named:
            if _GENERIC_PARTNER.search(name) or (generic and _FRONT_BY_WORD.match(name)):
                continue
            if not name or not name[:1].isupper():
                continue
            if name.lower() not in (n.lower() for n in names):
                names.append(name[:1].upper() + name[1:])
    return names


# --------------------------------------------------------------------------------------------------- items

_EMPH = re.compile(r"\*+([^*]+?)\*+")
_DECISION = re.compile(
    r"\((?P<before>[^()]*?)\(?\s*(?:(?:thành lập|công nhận)\s+(?:tại|theo)\s+)?"
    r"(?P<doc>(?:Quyết định|Kế hoạch|QĐ)\s+số[^)]*)\)"
)


def _name(text: str) -> str:
    text = clean(text).strip(" ,;.:“”\"'")
    text = re.sub(
        r"^(?:(?:gồm|là|cụ thể|bao gồm)\s*:?\s+)?(?:và\s+)?(?:mô hình|Mô hình)\s+", "", text, flags=re.I
    ).strip(" “”\"'")
    return text[:1].upper() + text[1:] if text else text


# a piece of prose after a count that says how it went, not what an item is called ("05 mô hình, đạt 300%")
_NOT_NAME = re.compile(
    r"^(?:đạt|vượt|bằng|tăng|giảm|so với|trong đó|tương đương|nâng|đưa|lũy kế|luỹ kế)\b|\d\s*%|\btổng số\b", re.I
)


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
            quoted = [_name(q) for q in re.findall(r"[“\"]([^”\"]+)[”\"]", region_clean)]
            quoted = [q for q in quoted if q and not re.fullmatch(r"dân vận khéo", q, re.I)]
            if quoted:
                names = list(dict.fromkeys(quoted))
            else:
                certain = False
                head = re.split(r"\(", region_clean, maxsplit=1)[0]
                names = [n for n in (_name(p) for p in re.split(r"[;,]|\bvà\b", head)) if n and not _NOT_NAME.search(n)]
    items = [{"name": n} for n in names]
    _attach_decisions(items, region_clean)
    return items, certain


def _attach_decisions(items: list[dict], region: str) -> None:
    """Each "(… Quyết định số …)" goes to the item it names, else to the item written before it."""
    lowered = [i["name"].lower() for i in items]
    low = region.lower()
    for m in _DECISION.finditer(region):
        doc = g.parse_document(m.group("doc"))
        if not doc or not items:
            continue
        before = _name(m.group("before")).lower()
        target = next(
            (i for i, n in enumerate(lowered) if before and (n.startswith(before) or before.startswith(n))), None
        )
        if target is None:
            prior = [i for i, n in enumerate(lowered) if 0 <= low.find(n) < m.start()]
            target = max(prior, key=lambda i: low.find(lowered[i])) if prior else None
        if target is not None and "decision" not in items[target]:
            items[target]["decision"] = doc


def _unnamed(n: int) -> list[dict]:
    return [{"name": f"Mô hình thứ {i} (báo cáo không nêu tên)", "unnamed": True} for i in range(1, n + 1)]


def _items_after(
    rd: _Reading, cl: _Clause, fig: g.Figure, unit: Optional[re.Match], following: list[Paragraph], reader: Reader
) -> tuple[list[dict], bool]:
    """The items a count names: after it in its clause and the clauses that go on listing ("…; mô hình “B” …"),
    and in the bullets that follow a closing 'cụ thể:' or 'gồm:'."""
    para = cl.para
    start = cl.start + (unit.end() if unit else fig.end)
    text = para.match
    end = cl.start + len(cl.text)
    # the list runs on over clauses that start no new year and hold no figure
    rest = text[end:]
    for m in re.finditer(r";", rest):
        nxt = rest[m.end() :]
        if re.match(g._YEAR_LEAD, nxt) or re.match(rf"\s*[^;]{{0,40}}?{g.NUM}\s+mô hình", nxt, re.I):
            break
        end_m = re.search(r";|\.\s|$", nxt)
        end = end + m.end() + (end_m.start() if end_m else len(nxt))
    region = _ASSESSMENT_MARK.sub("", text[start:end])  # "02 mô hình. — Đạt.": the answer's mark names no model
    # "02 mô hình “Dân vận khéo” được Ủy ban nhân dân xã công nhận": the passive after the count names no model
    passive = re.match(r"\s*" + _PASSIVE + "(?:" + "|".join(v.pattern for v in reader.verb) + r")\b", region, re.I)
    if reader.verb and passive:
        region = region[passive.end() :]
    raw = para.raw
    # the list belongs to the sentence that opens it: an earlier sentence of the paragraph names none of its items
    # ("Năm 2022, xã công nhận 01 mô hình. Năm 2023, … 02 mô hình, gồm:")
    tail = text[start:].rstrip().rstrip(".")
    # nor does a count with another after it before the colon ("trong đó năm 2025 có 01 mô hình, năm 2026 có 03 mô
    # hình:" lists 2026's)
    again = unit is not None and any(
        _year_label_at(tail, m.start()) is not None
        for m in re.finditer(rf"\b{g.NUM}\s+{re.escape(unit.group(0))}", tail, re.I)
    )
    if (
        (tail.endswith(":") and not re.search(r"\.\s+\S", tail)) or re.search(r"(?:cụ thể|gồm|như sau)\s*:\s*$", region)
    ) and not again:
        for p in following:
            region += " " + p.text
            raw += " " + p.raw
    n = int(fig.value)
    items, certain = parse_items(region, raw, None)
    # "02 mô hình “Dân vận khéo”": the indicator's own words after the count are no model's name
    items = [i for i in items if not any(t.fullmatch(for_matching(i["name"])) for t in reader.topic)]
    if not items and n:
        return _unnamed(n), False
    if len(items) != n:
        # the count the report states is the value; names cut at commas that disagree with it are no evidence of
        # another count ("02 mô hình …, nâng tổng số mô hình … lên 09 mô hình" names no model), and names fewer than
        # the count leave the rest unnamed
        if not certain and len(items) > n:
            return _unnamed(n), False
        if len(items) > n and n:
            # "công nhận 02 mô hình … là mô hình “A” … và mô hình “B” …, cùng với 01 mô hình “C” …": the count bounds
            # its list; the names after its last are other models' (of another year, or only registered)
            items = items[:n]
        if len(items) < n:
            items = items + _unnamed(n)[len(items) :]
        certain = False
    return items, certain


# --------------------------------------------------------------------------------------------------- tables

_COL_ROLES = [
    # "So sánh cùng kỳ (%)", "So sánh 2023/2022 (%)", "Tăng (+), giảm (-)": against another year, no rate of a target
    ("other", rf"cùng kỳ|năm (?:liền )?trước|{_YEAR}\s*/\s*{_YEAR}|\btăng\b|\bgiảm\b"),
    ("label", r"chỉ tiêu|chỉ số|nội dung|tên|tiêu chí"),
    ("unit", r"đvt|đơn vị"),
    ("rate", r"tỷ lệ|%|so với|so sánh"),
    # "Chỉ tiêu năm", "Chỉ tiêu năm 2024" beside "Nội dung chỉ tiêu": the year's target
    ("plan", r"kế hoạch|\bkh\b|chỉ tiêu giao|mục tiêu|giao|^\s*chỉ tiêu(?:\s+năm)?(?:\s+\d{4})?\s*$"),
    ("actual", r"thực hiện|kết quả|đạt được|\bth\b|^\s*năm\s+(?:nay|này|báo cáo)\s*$"),
    ("note", r"ghi chú"),
    ("index", r"^\s*s?tt\s*$"),
]


# a column of what was done over what was planned, in one cell ("Thực hiện/Kế hoạch năm 2025": "04/02 mô hình")
_DONE_OVER_PLAN = re.compile(r"\b(?:thực hiện|th)\s*/\s*(?:kế hoạch|kh|chỉ tiêu)\b", re.I)


def _column_roles(header: list[Cell]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for c in header:
        low = c.text.lower()
        if _DONE_OVER_PLAN.search(low) and "actual" not in roles.values():
            roles[c.col] = "actual"
            continue
        for role, rx in _COL_ROLES:
            if re.search(rx, low) and role not in roles.values():
                # "Chỉ tiêu kế hoạch", "Thực hiện chỉ tiêu" are figures' columns; "Chỉ tiêu theo Kế hoạch" (the targets
                # as the plan words them) is the label's
                if (
                    role == "label"
                    and re.search(r"kế hoạch|thực hiện|tỷ lệ", low)
                    and not re.match(r"\s*chỉ tiêu\s+(?:theo|của|tại)\s+kế hoạch\b", low)
                ):
                    continue
                roles[c.col] = role
                break
    return roles


_FIGURE_CELL = re.compile(r"[\d.,/%≥≤<>=\s-]+|(?:trên|dưới|hơn|khoảng)\s+[\d.,]+\s*%?", re.I)
_YEAR_CELL = re.compile(rf"^\s*(?:năm\s+)?({_YEAR})\s*$", re.I)
# a column headed by its year alone, or with the year said another way beside it ("Năm trước (2023)", "Năm nay
# (2024)") or a remark after it ("Năm 2025 (toàn địa bàn phường mới)")
_YEAR_HEAD = re.compile(
    rf"^\s*(?:năm\s+(?:trước|nay|này|liền trước|báo cáo)\s*\(\s*(?:năm\s+)?({_YEAR})\s*\)|(?:năm\s+)?({_YEAR})\s*(?:\([^()]*\))?)\s*$",
    re.I,
)


# a plan column over the plan period ("Kế hoạch giai đoạn 2022 - 2026")
_PLAN_SPAN_HEAD = re.compile(rf"\bgiai đoạn\s+({_YEAR})\s*[-–]\s*({_YEAR})\b", re.I)
# a column of the former units before the merger ("Năm 2024 (03 xã cũ)", "Năm 2024 (02 đơn vị cũ)")
_FORMER_UNITS = re.compile(r"\b(?:cũ|trước sắp xếp|trước sáp nhập)\b", re.I)


def _year_head(text: str) -> Optional[int]:
    if y := _YEAR_CELL.match(text):
        return int(y.group(1))
    if y := _YEAR_HEAD.match(text):
        return int(y.group(1) or y.group(2))
    return None


# a running total's column ("Lũy kế từ năm 2022", "Cộng dồn", "Cả giai đoạn")
_RUNNING = r"(?:lũy kế|luỹ kế|cộng dồn|cả giai đoạn|toàn giai đoạn)"
_PLAN_ROW = re.compile(rf"^\s*(?:kế hoạch|chỉ tiêu|mục tiêu|dự kiến|phấn đấu)\s+(?:năm\s+)?{_YEAR}\s*$", re.I)
# a row of part of a year ("6 tháng 2024", "9 tháng đầu năm 2024", "Quý III/2024")
_PART_YEAR_CELL = re.compile(
    rf"^\s*(?:(?:\d{{1,2}}|sáu|chín)\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?|quý\s+[IV\d]+\s*(?:/|năm)?)\s*({_YEAR})\s*$",
    re.I,
)


def _row_year(text: str) -> Optional[tuple[int, bool]]:
    """The year a row's first cell names, and whether it names only part of it."""
    if y := _YEAR_CELL.match(text):
        return int(y.group(1)), False
    if y := _PART_YEAR_CELL.match(text):
        return int(y.group(1)), True
    return None


def _band(row: list[Cell]) -> bool:
    """A row merged across the table: every cell holds the same words — but for its number in the first column, kept
    apart ("I | CHỈ TIÊU VỀ GIẢM NGHÈO | CHỈ TIÊU VỀ GIẢM NGHÈO | …")."""
    cells = row[1:] if row and re.fullmatch(r"\s*(?:[IVX]{1,5}|\d{1,2}|[A-Za-zĐđ])[.)]?\s*", row[0].text) else row
    texts = {c.text for c in cells if c.text}
    return len(cells) > 2 and len(texts) == 1


def _header_rows(table: Table) -> int:
    """How many rows the header takes: the first row, and the rows after it that hold no figure (a second header
    row under merged cells: "Năm 2024" over "Kế hoạch | Thực hiện")."""
    n = 1
    # a row with a cell that opens on a figure is a row of results ("9/10 tổ dân phố (đạt 90%)"); a band across the
    # table ("I. Chỉ tiêu về công tác dân vận chính quyền" in every merged cell) is a sub-heading of the body
    while (
        n < min(3, len(table.rows) - 1)
        and not _band(table.rows[n])
        and not any(
            _FIGURE_CELL.fullmatch(c.text) or re.match(r"\s*\d+(?:[.,/]\d+)*\s*(?:%|\s[^\W\d]|\()", c.text)
            for c in table.rows[n]
            if c.text
        )
    ):
        n += 1
    return n


def _read_table(rd: _Reading, table: Table, para_of_line: dict[int, Paragraph]) -> None:
    """A table of chỉ tiêu (Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ | Ghi chú): each row's label names the
    indicator, each column's header (all its header rows together) says which figure a cell is; every fact cites its
    cell. A table the other way round — the indicators as columns, a year in each row — is read by its columns."""
    if len(table.rows) < 2:
        return
    n_head = _header_rows(table)
    header: dict[int, str] = {}
    for row in table.rows[:n_head]:
        for c in row:
            if c.text and c.text not in header.get(c.col, ""):
                header[c.col] = (header.get(c.col, "") + " " + c.text).strip()
    body = table.rows[n_head:]
    first_col = [row[0].text if row else "" for row in body]
    # (a row of the next year's plan below the years, "Kế hoạch 2025 | ≥ 01 | …", is no year's result: left out)
    planned = [bool(_PLAN_ROW.match(t)) for t in first_col]
    if (
        body
        and all(_row_year(t) or p for t, p in zip(first_col, planned, strict=True))
        and any(_YEAR_CELL.match(t) for t in first_col)
    ):
        _read_by_columns(rd, table, header, [row for row, p in zip(body, planned, strict=True) if not p], para_of_line)
        return
    if _read_checklist_table(rd, header, body, para_of_line):
        return
    total = _total_row(body, header)
    if total is not None:
        _read_total_row(rd, header, total, para_of_line)
        return
    roles = _column_roles([Cell(table.index, 1, col, text, text, 0) for col, text in header.items()])
    # a rate after an estimate of the whole year ("TH 6 tháng | Ước TH cả năm | So KH (%)") is the estimate's rate,
    # not the result's ("Ước thực hiện 9 tháng" is the genre's word for the months reported)
    estimates = [
        c
        for c, text in header.items()
        if re.match(r"\s*(?:ước|dự ước|dự kiến)\b", text, re.I) and not re.search(r"\btháng\b", text, re.I)
    ]
    if estimates:
        roles = {c: r for c, r in roles.items() if not (r == "rate" and c > min(estimates))}
    # (not the former units' column before the merger: "Năm 2024 (02 đơn vị cũ)" beside "Năm 2025 (phường A)")
    year_cols = {
        col: head for col, text in header.items() if (head := _year_head(text)) and not _FORMER_UNITS.search(text)
    }
    if "label" in roles.values() and "actual" not in roles.values() and year_cols:
        # a running total after the years ("Năm 2022 | … | Năm 2026 | Cả giai đoạn"): over their span
        span = (min(year_cols.values()), max(year_cols.values()))
        running = {
            c: span for c, t in header.items() if re.fullmatch(rf"\s*{_RUNNING}\s*", t, re.I) and span[0] < span[1]
        }
        _read_year_columns(rd, roles, year_cols, body, para_of_line, running)
        return
    if "label" not in roles.values() or "actual" not in roles.values():
        return
    head_years = [int(y) for text in header.values() for y in re.findall(_YEAR, text)]
    year = max(head_years) if head_years else rd.as_of_year
    # two header rows, a year over each pair of columns ("Năm 2023" over "Kế hoạch | Thực hiện", then "Năm 2024" over
    # the same): each column is its role in its own year, the year of the latest columns being the table's own
    by_year = _columns_by_year(header)
    pairs = {y for _, y in by_year.values() if {"plan", "actual"} <= {r for r, y2 in by_year.values() if y2 == y}}
    if len(pairs) >= 2 and "label" in roles.values():
        label_col = next(c for c, r in roles.items() if r == "label")
        unit_col = next((c for c, r in roles.items() if r == "unit"), None)
        for row in body:
            by_col = {c.col: c for c in row}
            label = by_col.get(label_col)
            if label is None or not label.text:
                continue
            unit = by_col[unit_col].text.lower() if unit_col in by_col else ""
            for col, (role, col_year) in by_year.items():
                cell = by_col.get(col)
                if cell is None or _blank(cell.text):
                    continue
                reading = {"actual": None, "plan": "target", "rate": "of_target"}[role]
                para = para_of_line.get(label.line)
                # an earlier year's columns give that year's counts and acts; its states (a rate, the titles
                # held) were overtaken by the table's own year
                _read_cell(rd, label.text, unit, cell, reading, col_year, para, states=col_year == year)
        return
    # a result column for each year ("Mục tiêu Đề án | Kết quả 2022 | Kết quả 2023 | Kết quả 2024 | Lũy kế"): the
    # latest is the table's own year, the others are earlier years' columns, and a running total with no year of its
    # own runs from the first of them
    results = {
        col: y for col, (role, y) in by_year.items() if role == "actual" and not re.search(_RUNNING, header[col], re.I)
    }
    first_result: Optional[int] = None
    if len(set(results.values())) >= 2 and "label" in roles.values():
        latest = max(results, key=lambda c: (results[c], c))
        roles = {c: r for c, r in roles.items() if r != "actual" and c not in results}
        roles[latest] = "actual"
        year, first_result = results[latest], min(results.values())
        # a plan for a year after the results ("Thực hiện 2022 | … | Thực hiện 2024 | Kế hoạch 2025"): next year's
        roles = {c: r for c, r in roles.items() if not (r == "plan" and (by_year.get(c, ("", 0))[1] or 0) > year)}
    # a running total beside the year's result ("Kết quả thực hiện" over "Năm 2024 | Lũy kế từ năm 2022"): the span
    # from its year to the table's own, for the indicators counted over a span
    cumulative = {
        col: (int(y.group(1)), year)
        for col, text in header.items()
        if col not in roles
        and year
        and (y := re.search(rf"\b{_RUNNING}\b[^|]*?\btừ\s+(?:năm\s+)?({_YEAR})\b", text, re.I))
        and int(y.group(1)) < year
    }
    if first_result is not None and year:
        cumulative.update(
            {
                col: (first_result, year)
                for col, text in header.items()
                if col not in roles and col not in cumulative and re.fullmatch(rf"\s*{_RUNNING}\s*", text, re.I)
            }
        )
    # an assessment column ("Đánh giá": "Vượt", "Chưa đạt (77,8%)"): a claim on the row's target, and its rate — over
    # the years the table's results run, or the plan period its plan column names ("Kế hoạch giai đoạn 2022 - 2026")
    plan_span = next(
        (m for col, text in header.items() if roles.get(col) == "plan" and (m := _PLAN_SPAN_HEAD.search(text))), None
    )
    assessed_period: Optional[int | str] = (
        f"{plan_span.group(1)}-{plan_span.group(2)}"
        if plan_span
        else f"{first_result}-{year}"
        if first_result
        else year
    )
    assessed = [
        col
        for col, text in header.items()
        if col not in roles and re.fullmatch(r"\s*(?:tự\s+)?đánh giá\s*", text, re.I)
    ]
    # another year's results beside this year's ("… | Ước thực hiện 9 tháng 2024 | … | Kết quả năm 2023"): a column of
    # that year
    earlier = {
        col: int(y.group(1))
        for col, text in header.items()
        if col not in roles
        and col not in cumulative
        and re.search(r"kết quả|thực hiện", text, re.I)
        and (y := re.search(rf"\bnăm\s+({_YEAR})\b", text))
        and int(y.group(1)) != year
    }
    if first_result is not None:  # "Kết quả 2022 | Kết quả 2023" beside the latest: each its year's
        earlier.update({col: y for col, y in results.items() if y != year and col not in roles})
    # — or a column headed by an earlier year alone ("Kế hoạch năm 2024 | Thực hiện năm 2024 | Năm 2023"), or the same
    # months of the year before in a report of the whole year ("Cùng kỳ | Năm nay": the year before, the corpus's
    # reading; in a report of part of a year, those months only, no year's result)
    earlier.update(
        {
            col: head
            for col, text in header.items()
            if roles.get(col) in (None, "other")
            and col not in cumulative
            and year
            and (head := _year_head(text)) is not None
            and head < year
            # (not the former units' before the merger: "Năm 2024 (cộng ba xã cũ)")
            and not _FORMER_UNITS.search(text)
        }
    )
    if rd.whole_year and year:
        earlier.update(
            {
                col: year - 1
                for col, text in header.items()
                if roles.get(col) in (None, "other")
                and re.fullmatch(rf"\s*cùng kỳ(?:\s+năm\s+(?:trước|{year - 1}))?\s*", text, re.I)
            }
        )
    # — or the year before, named so ("Thực hiện năm trước", "Kết quả năm trước"; not "cùng kỳ năm trước", the same
    # months of it)
    earlier.update(
        {
            col: year - 1
            for col, text in header.items()
            if roles.get(col) in (None, "other")
            and year
            and re.search(r"\b(?:kết quả|thực hiện)\s+(?:cả\s+)?năm\s+(?:trước|liền trước)\b", text, re.I)
            and not re.search(r"cùng kỳ", text, re.I)
        }
    )
    year_col = _year_column(header, body)
    above: Optional[Cell] = None  # the label of the row above, which a row of its next year continues
    for row in body:
        cells = {roles.get(c.col): c for c in row if c.col in roles}
        label = cells.get("label")
        row_year: Optional[int] = None
        if year_col is not None:
            # a column of years, a row for each ("Chỉ tiêu | Năm | Kế hoạch | Thực hiện": "… | 2022 | …", then "| 2023
            # | …" under it with the label left blank or holding only its unit "(mô hình)")
            y_cell = next((c for c in row if c.col == year_col), None)
            y = _YEAR_CELL.match(y_cell.text) if y_cell is not None and y_cell.text else None
            spilled = re.search(rf"\s({_YEAR})\s*$", label.text) if label is not None and label.text else None
            if y is None and spilled and label is not None:  # the year run into the label's cell of a text table
                y, label = (
                    spilled,
                    Cell(
                        label.table, label.row, label.col, label.text[: spilled.start()].strip(), label.raw, label.line
                    ),
                )
            if y is None:
                above = None  # a row of no year is read as any row
            else:
                row_year = int(y.group(1))
                if label is None or not label.text or re.fullmatch(r"\s*\([^()]*\)\s*", label.text):
                    if above is None:
                        continue
                    label = above
                above = label
        if label is None or not label.text:
            continue
        if row_year is not None and row_year != year:
            # an earlier year's row: its counts and acts are that year's, its states were overtaken by the table's own
            para = para_of_line.get(label.line)
            unit_cell = cells.get("unit")
            for role, reading in (("actual", None), ("plan", "target"), ("rate", "of_target")):
                cell = cells.get(role)
                if cell is not None and not _blank(cell.text):
                    _read_cell(
                        rd,
                        label.text,
                        unit_cell.text.lower() if unit_cell else "",
                        cell,
                        reading,
                        row_year,
                        para,
                        keep_year=True,
                    )
            continue
        unit_cell = cells.get("unit")
        unit = unit_cell.text.lower() if unit_cell else ""
        para = para_of_line.get(label.line)
        # a row whose label names its year ("Tổ dân phố văn hóa năm 2023 (để so sánh)") is that year's — or whose note
        # says no more than the year its figures are of ("Kết quả bình xét năm 2025")
        own = re.search(rf"\bnăm\s+({_YEAR})\b", label.text)
        noted = cells.get("note")
        if own is None and noted is not None and noted.text:
            own = _NOTE_YEAR.fullmatch(for_matching(noted.text))
        for role, reading in (("actual", None), ("plan", "target"), ("rate", "of_target")):
            cell = cells.get(role)
            if cell is None or _blank(cell.text):
                continue
            _read_cell(
                rd,
                label.text,
                unit,
                cell,
                reading,
                int(own.group(1)) if own else year,
                para,
                keep_year=bool(own),
                over_plan=bool(_DONE_OVER_PLAN.search(header.get(cell.col, ""))),
            )
        for col, col_year in earlier.items():
            cell = next((c for c in row if c.col == col), None)
            if cell is None or _blank(cell.text):
                continue
            _read_cell(rd, label.text, unit, cell, None, col_year, para, keep_year=True)
        for col, span in cumulative.items():
            cell = next((c for c in row if c.col == col), None)
            if cell is not None and not _blank(cell.text):
                _read_cell(rd, label.text, unit, cell, None, None, para, span=span)
        # a rate's column that says only whether the target was met ("So sánh": "Vượt", "Đạt"): a claim, as an
        # assessment column's
        worded = cells.get("rate")
        said = _ASSESSMENT_CELL.match(for_matching(worded.text)) if worded is not None else None
        words_only = [worded.col] if worded and said and not (said.group("rate") or said.group("rate2")) else []
        for col in assessed + words_only:
            cell = next((c for c in row if c.col == col), None)
            if cell is not None and cell.text and not own:
                _read_assessment(rd, label.text, cell, assessed_period, para)
        note = cells.get("note")
        rate = _NOTE_RATE.match(for_matching(note.text)) if note is not None and "rate" not in roles.values() else None
        if rate and note is not None and not own:
            # a notes column saying the share of the target done ("Đạt 108% chỉ tiêu tỉnh giao"), the table having no
            # column of it
            figure = Cell(note.table, note.row, note.col, rate.group("n") + "%", note.raw, note.line)
            _read_cell(rd, label.text, unit, figure, "of_target", year, para)
        for cell in row:
            # a comparison column's cell that names its year ("So với cùng kỳ": "năm 2023: 13/14"): that year's figure
            labelled = _YEAR_LABELLED_CELL.match(cell.text or "")
            if roles.get(cell.col) not in (None, "other", "note") or cell.col in earlier or labelled is None:
                continue
            if year is not None and int(labelled.group("y")) >= year:
                continue
            rest = Cell(cell.table, cell.row, cell.col, labelled.group("v"), cell.raw, cell.line)
            _read_cell(rd, label.text, unit, rest, None, int(labelled.group("y")), para, keep_year=True)


_YES_NO_HEAD = re.compile(r"^\W*(?:có\s*/\s*không|có\s*/\s*chưa|có hay không|trả lời)\W*$", re.I)
_YES_NO_CELL = re.compile(r"^\W*(?P<yes>có|rồi)\W*$|^\W*(?P<no>không|chưa)\W*$", re.I)


def _read_checklist_table(
    rd: _Reading, header: dict[int, str], body: list[list[Cell]], para_of_line: dict[int, Paragraph]
) -> bool:
    """A checklist as a table ("Nội dung kiểm tra | Có/Không | Văn bản, kết quả cụ thể"): each row's content names an
    act, done or not as its answer says, with the document the next column cites; a row of models answered "Không" is
    none of them, "Có" with their number ("02 mô hình: …") that many."""
    answer_col = next((c for c, text in header.items() if _YES_NO_HEAD.match(text)), None)
    if answer_col is None:
        return False
    label_col = next(
        (c for c, text in header.items() if c < answer_col and re.search(r"nội dung|chỉ tiêu|tiêu chí", text, re.I)),
        None,
    )
    if label_col is None:
        return False
    evidence_col = answer_col + 1 if answer_col + 1 in header else None
    for row in body:
        cells = {c.col: c for c in row}
        label, answer = cells.get(label_col), cells.get(answer_col)
        said = _YES_NO_CELL.match(answer.text) if answer is not None and answer.text else None
        if label is None or answer is None or said is None:
            continue
        done = said.group("yes") is not None
        # a row named as a thing ("Kế hoạch tuyên truyền, hướng dẫn …"): "có" is the answer's verb
        low = for_matching(label.text)
        low = low if re.match(r"^\W*(?:có|đã)\b", low, re.I) else "Có " + low
        evidence = cells.get(evidence_col) if evidence_col is not None else None
        named = re.search(rf"\bnăm\s+({_YEAR})\b", low)
        year = int(named.group(1)) if named else rd.as_of_year
        para = para_of_line.get(label.line)
        for r in rd.readers:
            if r.not_ and _lookalike(r, low):
                continue
            period: Any = "as_of" if r.words.period == "state" else year
            if period is None:
                continue
            if r.ind.type == "boolean" and r.act and _found(r.act, low) and (not r.topic or _found(r.topic, low)):
                doc = g.parse_document(for_matching(evidence.text)) if done and evidence is not None else None
                rd.add(r, [period], para, 0, answer.text, value=done, document=doc, cell=answer, confidence=0.8)
            elif (
                r.ind.unit == "mô hình"
                and r.reads("count")
                and r.ind.type == "count"
                and r.topic
                and _found(r.topic, low)
            ):
                if not done:
                    rd.add(r, [period], para, 0, answer.text, value=0, cell=answer, confidence=0.8)
                elif evidence is not None and (n := re.match(rf"^\W*({g.NUM})\s+mô hình\b", evidence.text, re.I)):
                    value = g.number_value(n.group(1))
                    if value is not None:
                        rd.add(r, [period], para, 0, n.group(0), value=int(value), cell=evidence, confidence=0.8)
    return True


# a note that only dates the row's figures: "Kết quả bình xét năm 2025", "Số liệu năm 2025", "Năm 2025"
_NOTE_YEAR = re.compile(
    rf"\W*(?:(?:kết quả\s+)?(?:bình xét|xét|đánh giá|công nhận)|số liệu|kết quả)?\s*năm\s+({_YEAR})\W*", re.I
)


# a note of the share of the target done: "Đạt 150%", "Đạt 108% chỉ tiêu tỉnh giao", "bằng 104% kế hoạch"
_NOTE_RATE = re.compile(
    rf"^\s*(?:đạt|bằng|vượt,?\s+đạt)\s+(?P<n>{g.DIGITS})\s*%(?:\s+(?:so với\s+)?(?:chỉ tiêu|kế hoạch|kh)\b[^;]*)?\s*$",
    re.I,
)
_YEAR_LABELLED_CELL = re.compile(rf"^\s*(?:năm|Năm)\s+(?P<y>{_YEAR})\s*(?::|là|đạt)\s*(?P<v>[^;:]+?)\s*$")


def _year_column(header: dict[int, str], body: list[list[Cell]]) -> Optional[int]:
    """The column that holds each row's year: headed "Năm" (or "Năm báo cáo", "Kỳ"), its cells years or blank."""
    for col, text in header.items():
        if not re.fullmatch(r"\s*(?:năm|năm báo cáo|kỳ báo cáo|kỳ)\s*", text, re.I):
            continue
        cells = [c.text for row in body for c in row if c.col == col and c.text]
        if cells and all(_YEAR_CELL.match(t) for t in cells):
            return col
    return None


def _columns_by_year(header: dict[int, str]) -> dict[int, tuple[str, int]]:
    """The columns whose header names both a year and a role of its own ("Năm 2023 Kế hoạch", "Năm 2024 Thực hiện"):
    column → (role, year)."""
    out: dict[int, tuple[str, int]] = {}
    for col, text in header.items():
        y = re.search(rf"\b({_YEAR})\b", text)
        if y is None or re.search(r"cùng kỳ|so sánh|\btăng\b|\bgiảm\b", text, re.I):
            continue
        role = next(
            (r for r, rx in _COL_ROLES if r in ("plan", "actual", "rate") and re.search(rx, text.lower())), None
        )
        if role:
            out[col] = (role, int(y.group(1)))
    return out


# a row's label that names the row's figure as the target ("Chỉ tiêu giảm hộ nghèo được giao (hộ)", "Kế hoạch giảm nghèo
# huyện giao") or as the share of it done ("Tỷ lệ hoàn thành chỉ tiêu giảm nghèo", "Tỷ lệ đạt so với kế hoạch")
_TARGET_LABEL = re.compile(r"^\W*(?:số\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)\b.*\b(?:được giao|giao|đề ra)\b", re.I)
_OF_TARGET_LABEL = re.compile(
    r"^\W*tỷ lệ\s+(?:hoàn thành|thực hiện|đạt)\s+(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)\b", re.I
)


def _label_reading(label: str) -> Optional[str]:
    """How a row labelled so is read when no column says it: its target, the share of its target done, or (None) the
    result."""
    low = for_matching(label)
    if _TARGET_LABEL.search(low):
        return "target"
    if _OF_TARGET_LABEL.search(low):
        return "of_target"
    return None


def _read_year_columns(
    rd: _Reading,
    roles: dict[int, str],
    year_cols: dict[int, int],
    body: list[list[Cell]],
    para_of_line: dict[int, Paragraph],
    running: Optional[dict[int, tuple[int, int]]] = None,
) -> None:
    """Chỉ tiêu | ĐVT | Năm 2022 | Năm 2023 | So sánh: each row's label names the indicator, each year's column holds
    that year's figure (a state read for an earlier year keeps that year); a running total's column, its span's."""
    label_col = next(c for c, r in roles.items() if r == "label")
    unit_col = next((c for c, r in roles.items() if r == "unit"), None)
    for row in body:
        cells = {c.col: c for c in row}
        label = cells.get(label_col)
        if label is None or not label.text:
            continue
        unit = cells[unit_col].text.lower() if unit_col in cells else ""
        for col, year in year_cols.items():
            cell = cells.get(col)
            if cell is None or _blank(cell.text):
                continue
            reading = _label_reading(label.text)
            _read_cell(rd, label.text, unit, cell, reading, year, para_of_line.get(label.line), keep_year=True)
        for col, span in (running or {}).items():
            cell = cells.get(col)
            if cell is not None and not _blank(cell.text):
                reading = _label_reading(label.text)
                _read_cell(rd, label.text, unit, cell, reading, None, para_of_line.get(label.line), span=span)


def _read_by_columns(
    rd: _Reading, table: Table, header: dict[int, str], body: list[list[Cell]], para_of_line: dict[int, Paragraph]
) -> None:
    """Năm | Mô hình “Dân vận khéo” (mô hình) | Số hộ nghèo giảm (hộ) | …: each column's header names the indicator
    (its unit in brackets), each row's first cell the year; a state read for an earlier year keeps that year."""
    for row in body:
        y = _row_year(row[0].text)
        if y is None:  # the caller reads a table this way only when every row starts with a year
            continue
        year, part = y
        if part and year != rd.as_of_year:
            # part of an earlier year ("6 tháng 2023") is no figure of that year; part of the report's own year is
            # its figure so far, as the report's prose gives it
            continue
        para = para_of_line.get(row[0].line)
        for cell in row[1:]:
            label = header.get(cell.col, "")
            if not label or _blank(cell.text):
                continue
            if _BARE_TARGET_HEAD.match(label) and (left := header.get(cell.col - 1)):
                # "Hộ nghèo giảm (hộ) | Chỉ tiêu giao (hộ)": a target column with no subject of its own is the one
                # before it's
                label = label + " — " + re.sub(r"\([^()]*\)", "", left).strip()
            _read_cell(rd, label, _unit_in_brackets(label), cell, _label_reading(label), year, para, keep_year=True)


# a column of the target alone ("Chỉ tiêu giao (hộ)", "Kế hoạch", "KH giao"), its subject in the column before it
_BARE_TARGET_HEAD = re.compile(
    r"^\W*(?:chỉ tiêu|kế hoạch|kh|mục tiêu)(?:\s+(?:được\s+)?giao)?(?:\s+(?:năm|cả năm))?\s*(?:\([^()]*\))?\W*$", re.I
)


# the row of a table by hamlet that sums its rows ("Cộng", "Tổng cộng", "Toàn xã")
# (with the number of rows it sums after a colon: "Cộng: 08 thôn, sóc")
_TOTAL_CELL = re.compile(
    rf"^\W*(?:tổng\s+cộng|cộng|tổng|tổng\s+số|toàn\s+(?:{_KINDS})|cả\s+(?:{_KINDS}))(?:\s*:\s*\d+(?:\s+[^\W\d][^\d]*)?)?\W*$",
    re.I,
)


_PART_CELL = re.compile(
    r"^\W*(?:thôn|ấp|bản|buôn|làng|plei|xóm|khóm|khối|khu phố|khu dân cư|khu|tổ dân phố|tdp|tổ|phum|sóc|cụm dân cư)\b",
    re.I,
)


def _total_row(body: list[list[Cell]], header: dict[int, str]) -> Optional[list[Cell]]:
    """The total row of a table whose rows are the unit's parts (thôn, làng, bản, tổ dân phố) and whose columns are
    measures: the one row whose first cell with words is a total's ("Cộng"), the other rows naming a part each — by
    its kind ("Thôn 1", "Làng Kon Brông") or under a column headed by the kind ("Bản": "Nà Khoang")."""

    def label(row: list[Cell]) -> Optional[Cell]:
        return next((c for c in row if c.text and not re.fullmatch(r"\s*[\dIVX.]+\s*", c.text)), None)

    totals = [row for row in body if (c := label(row)) is not None and _TOTAL_CELL.match(c.text)]
    if len(totals) != 1 or len(body) < 3:
        return None
    # the other rows name the unit's parts ("Thôn 1", "Làng Kon Brông", "Tổ dân phố số 3"): a table of chỉ tiêu with
    # a total row is read row by row as such
    cells = [c for row in body if row is not totals[0] and (c := label(row)) is not None]
    named = sum(bool(_PART_CELL.match(c.text) or _PART_HEADER.match(header.get(c.col, ""))) for c in cells)
    if named * 2 <= len(body) - 1:
        return None
    return totals[0]


# a column headed by a kind of part ("Bản", "Tên thôn", "Thôn, bản"): its cells name parts by their names alone
_PART_HEADER = re.compile(
    r"^\W*(?:tên\s+)?(?:thôn|ấp|bản|buôn|làng|plei|xóm|khóm|khu phố|khu dân cư|tổ dân phố|tdp|phum|sóc)"
    r"(?:\s*[,/]\s*(?:thôn|ấp|bản|buôn|làng|plei|xóm|khóm|khu phố|khu dân cư|tổ dân phố|tdp|phum|sóc))*\W*$",
    re.I,
)


def _read_total_row(
    rd: _Reading, header: dict[int, str], total: list[Cell], para_of_line: dict[int, Paragraph]
) -> None:
    """Thôn | Chỉ tiêu giảm nghèo huyện giao (hộ) | Thực hiện giảm nghèo (hộ) | Danh hiệu văn hóa năm 2023 | …, a row
    for each thôn and one "Cộng": the unit's figures are the total row's, each column's header naming the measure
    (a target where it says so, a year where it names one); the rows of its parts are no figure of the unit."""
    para = para_of_line.get(total[0].line)
    for cell in total:
        label = header.get(cell.col, "")
        if not label or _blank(cell.text) or _TOTAL_CELL.match(cell.text):
            continue
        unit = _unit_in_brackets(label)
        reading = "target" if re.search(r"\bchỉ tiêu\b|\bkế hoạch\b|\bgiao\b", label, re.I) else None
        own = re.search(rf"\bnăm\s+({_YEAR})\b", label)
        year = int(own.group(1)) if own else rd.as_of_year
        _read_cell(rd, label, unit, cell, reading, year, para, keep_year=bool(own), verb_needed=True)


# a result cell that says it is only expected ("31/33 (dự kiến)", "phấn đấu 100%", "chưa bình xét")
_EXPECTED_CELL = re.compile(r"\b(?:dự kiến|phấn đấu|chưa bình xét|chờ bình xét)\b", re.I)


def _unit_in_brackets(label: str) -> str:
    """The unit a column's header gives in brackets ("Số hộ nghèo giảm (hộ)"): its words, lower case."""
    return " ".join(re.findall(r"\(([^()]*)\)", label)).lower()


_CELL_VERB = r"(?:đạt|xây dựng|công nhận|thành lập|duy trì|có|hỗ trợ)"
_LABEL_THRESHOLD = re.compile(
    rf"\b(?:ít nhất|tối thiểu|không dưới|(?:đạt\s+)?từ|trên)\s+{g.NUM}\s*%?(?:\s+trở lên)?", re.I
)


def _blank(text: str) -> bool:
    """Whether a table cell's text holds nothing to read: empty, or a dash or cross for "none"."""
    return not text or text.strip() in ("-", "—", "–", "x")


# a row's label naming a stock at a point of time, not a change ("Hộ nghèo đầu năm 2025 trên địa bàn")
_STOCK_LABEL = re.compile(r"\b(?:đầu|cuối)\s+(?:năm|kỳ)\b|\bcòn lại\b|\bhiện có\b", re.I)


def _read_cell(
    rd: _Reading,
    label: str,
    unit: str,
    cell: Cell,
    reading: Optional[str],
    year: Optional[int],
    para: Optional[Paragraph],
    keep_year: bool = False,  # a state read for a named year keeps it (the merge makes the report's year as_of)
    states: bool = True,  # False: a column of an earlier year beside the table's own, whose states are outdated
    span: Optional[tuple[int, int]] = None,  # a running total's years: read only by indicators counted over a span
    verb_needed: bool = False,  # a count is read only under a label naming its verb ("Số hộ thoát nghèo")
    over_plan: bool = False,  # a cell of a column of done over planned ("Thực hiện/Kế hoạch": "04/02 mô hình")
) -> None:
    text = for_matching(cell.text)
    if reading is None and _EXPECTED_CELL.search(text):
        return  # "31/33 (dự kiến)": what is expected, not yet a result
    dated = re.search(rf"\((?:[^()]*\s)?năm\s+({_YEAR})\s*\)\s*$", text, re.I)
    if reading is None and dated and year is not None and int(dated.group(1)) < year:
        # "9/10 khu phố (bình xét năm 2024)" in a table of 2025: the figure is of the year its bracket names
        year, keep_year, text = int(dated.group(1)), True, text[: dated.start()]
    said = label
    label = for_matching(label)  # "Tuyến đường “Xanh - Sạch - Đẹp”": quotes and dashes plain, as in prose
    # the plan's threshold in the row's label ("Xây dựng ít nhất 01 mô hình …", "… từ 60% trở lên") describes the
    # target, and is no look-alike of a result
    label = _LABEL_THRESHOLD.sub(" ", label)
    # a result cell that repeats the row's change before its figure ("Giảm hộ nghèo …" | "giảm 52 hộ"), or opens on
    # the verb of what was done ("Công nhận 03 mô hình", "Duy trì 06 tuyến", "Đạt 71,8%")
    verb = re.match(rf"^\s*(?:đã\s+)?({_CELL_VERB}|giảm|tăng)(?:\s+(?:được|mới|thêm))?\s+(?=\d)", text, re.I)
    if verb and (re.fullmatch(_CELL_VERB, verb.group(1), re.I) or re.search(rf"\b{verb.group(1)}\b", label, re.I)):
        text = text[verb.end() :]
    if over_plan and "/" in text:
        # a rate over its plan ("72,6%/60%") is the rate; a level over the one planned ("Chưa đạt/Đạt chuẩn") is the
        # level reached (a count over its plan, "04/02 mô hình", is read as a result over its target below)
        pct = re.match(rf"^\s*({g.DIGITS})\s*%\s*/", text)
        if pct or not re.search(r"\d", text):
            text = pct.group(1) + "%" if pct else text.split("/")[0]
    figures: list[tuple[str, Any]] = []
    # a result followed by its share ("Giảm 05 hộ nghèo, đạt 125%", "1.085/1.602 hồ sơ, đạt 67,7%"): the share is the
    # row's rate where the row is one (its figure then), else the share of the target beside the count
    # (or in brackets: "09 hộ (đạt 112,5%)")
    share = re.search(rf"(?:,\s*|\(\s*)(?:đạt|bằng)\s+(?:tỷ lệ\s+)?(?P<r>{g.DIGITS})\s*%\s*\)?\s*\.?\s*$", text, re.I)
    if reading is None and share is not None and (rate := g.number_value(share.group("r"))) is not None:
        if "%" in unit or re.search(r"\btỷ lệ\b|\(\s*%\s*\)", label, re.I):
            figures.append(("percent", rate))
            text = ""
        else:
            figures.append(("of_target", rate))
            text = text[: share.start()]
    elif reading == "target":
        # the plan's figure within words ("Hoàn thành chỉ tiêu (giảm 04 hộ)"): the one count the cell holds
        counts = re.findall(rf"(?<![\d.,/])({g.DIGITS})\s+(?=[^\W\d])", text)
        if len(counts) == 1 and not re.fullmatch(rf"\s*{g.DIGITS}\s*[^\W\d][^\d]*", text):
            text = counts[0]
    # a figure alone, or followed by its unit's words and a bracket ("9/10 tổ dân phố (đạt 90%)", "07 tổ dân phố"), the
    # figure perhaps said again in words ("03 (ba) mô hình")
    words_after = r"(?:\(\s*[^\W\d][^\d()]*\)\s*)?(?:[^\W\d][^\d()]*)?(?:\([^()]*\))?\s*"
    m_ratio = re.fullmatch(rf"\s*({g._RATIO_NUM})\s*/\s*({g._RATIO_NUM2})\s*{words_after}", text)
    m_num = re.fullmatch(
        rf"\s*(?P<q>trên|dưới|≥|>=|>|≤|<=|<|hơn|khoảng)?\s*(?P<n>{g.DIGITS})\s*%?\s*{words_after}", text, re.I
    )
    if reading is not None:
        if m_num and not m_num.group("q"):
            figures.append((reading, g.number_value(m_num.group("n"))))
    elif m_ratio and (
        over_plan
        or re.search(r"/\s*(?:chỉ tiêu|kế hoạch|\bkh\b|mục tiêu)", label, re.I)
        # "Giảm hộ nghèo theo chỉ tiêu thành phố giao | 02/02 hộ": the decrease over the target given
        or re.search(r"\btheo\s+chỉ tiêu\b[^|]*\bgiao\b", label, re.I)
    ):
        # a header that names a result over its target ("Hộ nghèo giảm / chỉ tiêu quận giao": "04/03 hộ"): the result
        # and the target, not a part of a whole
        figures += [("count", g.number_value(m_ratio.group(1))), ("target", g.number_value(m_ratio.group(2)))]
    elif m_ratio:
        figures += [("part", g.number_value(m_ratio.group(1))), ("whole", g.number_value(m_ratio.group(2)))]
    elif m_num:
        q = (m_num.group("q") or "").lower()
        bound = {
            "trên": "gt",
            ">": "gt",
            "hơn": "gt",
            "≥": "gte",
            ">=": "gte",
            "dưới": "lt",
            "<": "lt",
            "≤": "lte",
            "<=": "lte",
            "khoảng": "approx",
        }.get(q)
        v = g.number_value(m_num.group("n"))
        is_pct = "%" in unit or "%" in text or re.search(r"\btỷ lệ\b|\(\s*%\s*\)", label, re.I)
        what = "percent" if is_pct else "count"
        # a row that names the share of its target done or the target given ("Tỷ lệ hoàn thành chỉ tiêu giảm nghèo |
        # % | 116,7", "Chỉ tiêu giảm hộ nghèo thành phố giao | Hộ | 06"), in a column of results: that, not a result
        said_as = _label_reading(label)
        if said_as == "of_target" and is_pct or said_as == "target" and not is_pct:
            what = said_as
        figures.append((what, v if not bound or bound == "approx" else {bound: v}))
    for what, value in figures:
        if value is None:
            continue
        for r in rd.readers:
            # a bare count in the row of a title is the units holding it ("Thôn đạt tiêu chí “6 không” | 08 thôn")
            part = what == "count" and r.reads("part") and bool(r.topic) and _found(r.topic, label)
            if not (r.reads(what) or part) or (r.not_ and _lookalike(r, label)):
                continue
            if not r.topic or not _found(r.topic, label):
                # an indicator with no topic words of its own is named by its unit and its verb ("Bò giống hỗ trợ hộ
                # nghèo | con | … | 12")
                named = not r.topic and r.unit and r.verb and _found(r.unit, label) and _found(r.verb, label)
                if not (r.unit and _found(r.unit, label) and r.words.default) and not named:
                    continue
            if (
                what == "count"
                and r.unit
                and not (_found(r.unit, label) or _found(r.unit, unit) or _found(r.unit, text))
            ):
                continue
            if (verb_needed or _STOCK_LABEL.search(label)) and what == "count" and r.verb and not _found(r.verb, label):
                continue  # "Hộ nghèo đầu năm", "Hộ nghèo còn lại": a stock beside the change
            kind = r.words.period
            period: Any
            if span is not None:
                # a count over the span: an indicator counted over one, or a yearly count summed (as "Lũy kế từ năm
                # 2023 đến nay, phường giảm 14 hộ nghèo" is read in prose)
                summed = kind == "year" and r.ind.type == "count"
                if not (kind in ("span", "years") or summed) or what not in ("count", "target"):
                    continue
                period = f"{span[0]}-{span[1]}"
            elif kind == "span" or (kind == "state" and not states):
                continue
            else:
                period = "as_of" if kind == "state" and not keep_year else year
            if period is None:
                continue
            figure: Any = value
            if isinstance(figure, Decimal) and r.ind.type == "count":
                figure = int(figure) if figure == figure.to_integral_value() else figure
            note = f"bảng {cell.table}, dòng “{said}”"
            if r.ind.type == "items":
                n = int(figure) if not isinstance(figure, dict) else 0
                items = _unnamed(n)
                rd.add(r, [period], para, 0, cell.text, items=items, cell=cell, confidence=0.75, notes=[note])
            else:
                rd.add(r, [period], para, 0, cell.text, value=figure, cell=cell, confidence=0.85, notes=[note])
    if reading is None and not figures:
        for r in rd.readers:
            if not (r.reads("level") and r.levels and r.topic and _found(r.topic, label)):
                continue
            for key, patterns in r.levels:
                if _found(patterns, text):
                    rd.add(
                        r,
                        ["as_of"],
                        para,
                        0,
                        cell.text,
                        value=key,
                        cell=cell,
                        confidence=0.85,
                        notes=[f"bảng {cell.table}, dòng “{said}”"],
                    )
                    break


_ASSESSMENT_CELL = re.compile(
    r"^\s*(?P<claim>(?:đạt|hoàn thành)(?:\s*,\s*|\s+và\s+)vượt|vượt|đạt|hoàn thành|chưa đạt|không đạt|chưa hoàn thành)"
    r"(?:\s+mức|\s+kế hoạch|\s+chỉ tiêu)?\s*"
    # the rate in brackets ("Chưa đạt (77,8%)") or after the word ("Đạt 100%", "Vượt (112%)")
    rf"(?:\(\s*(?:đạt\s+)?(?P<rate>{g.DIGITS})\s*%\s*\)|(?P<rate2>{g.DIGITS})\s*%)?\s*$",
    re.I,
)


def _read_assessment(
    rd: _Reading, label: str, cell: Cell, period: Optional[int | str], para: Optional[Paragraph]
) -> None:
    """A cell of a table's assessment column ("Đánh giá": "Vượt", "Đạt", "Chưa đạt (77,8%)"): a claim that the row's
    target for the table's year was met or not, and the rate of it in brackets, for the indicators that take them; in
    a table of several years ("2022-2024"), for the indicators judged over a span."""
    m = _ASSESSMENT_CELL.match(for_matching(cell.text))
    if m is None or period is None:
        return
    span = isinstance(period, str)
    claim = "not_achieved" if re.match(r"chưa|không", m.group("claim"), re.I) else "achieved"
    low = _LABEL_THRESHOLD.sub(" ", for_matching(label))
    note = f"bảng {cell.table}, dòng “{label}”"
    for r in rd.readers:
        if not r.topic or not _found(r.topic, low) or (r.not_ and _lookalike(r, low)) or r.words.period == "state":
            continue
        if span and r.words.period not in ("years", "span"):
            continue
        if (m.group("rate") or m.group("rate2")) and r.reads("of_target"):
            rate = g.number_value(m.group("rate") or m.group("rate2"))
            rd.add(r, [period], para, 0, cell.text, value=rate, cell=cell, confidence=0.8, notes=[note])
        elif not (m.group("rate") or m.group("rate2")) and r.reads("claim"):
            rd.add(r, [period], para, 0, cell.text, claim=claim, cell=cell, confidence=0.75, notes=[note])


# --------------------------------------------------------------------------------------------------- criteria


# a paragraph that details the one before it ("Trong đó, các tiêu chí …", "Cụ thể, …", "Theo đó, …")
# (or says what is left of it: "Còn 04 tiêu chí chưa đạt là …" after "… đạt 15/19 tiêu chí xã NTM nâng cao.", or
# goes on with criteria by name: "- Tiêu chí Điện và tiêu chí Y tế được đánh giá đạt" after the set's own item)
_DETAILS_BEFORE = re.compile(
    r"^\W*(?:trong đó|cụ thể|theo đó|(?:xã\s+)?còn(?:\s+lại)?\s+\S+\s+tiêu chí|(?:các\s+)?tiêu chí)\b", re.I
)


def _read_criteria(rd: _Reading, para: Paragraph, ctx: Context, prev: Optional[Paragraph] = None) -> None:
    """Criteria of a set named as not met ('còn 04 tiêu chí chưa đạt là Thu nhập, …', 'riêng tiêu chí Thu nhập chưa
    đạt') → the criterion's lowest level, where the set's subject is named around (its count indicator's topic)."""
    by_doc: dict[str, list] = {}
    for lc in rd.cat.criteria:
        by_doc.setdefault(lc.document.id, []).append(lc.criterion)
    readers = {r.key: r for r in rd.readers}
    # where the set may be named around the paragraph — and in the paragraph before, which this one details ("Trong
    # đó, các tiêu chí Điện, Y tế … đã đạt")
    detailed = prev.match if prev is not None and _DETAILS_BEFORE.match(para.text) else ""
    around = [ctx.lead, " ".join(ctx.headings[-2:]), para.match, detailed, ctx.parent.match if ctx.parent else ""]
    for doc_id, crits in by_doc.items():
        count_key = rd.cat.criteria_counts.get(doc_id)
        topic_reader = readers.get(count_key) if count_key else None
        if topic_reader is None:
            continue
        _read_criteria_met(rd, para, crits, topic_reader, around)
        if _read_criterion_items(rd, para, crits, topic_reader, around):
            continue
        listing = False  # the sentence before opened a list of criteria not met with a colon
        for s in para.sentences:
            text = for_matching(s.text)
            # "… chưa đạt gồm: Tiêu chí số 2 - Giao thông; Tiêu chí số 17 - Môi trường": the list's items after the
            # first are sentences of their own (cut at "; " before a capital letter)
            if listing and para.text[: s.start].rstrip().endswith(";"):
                for c in _named_criteria(re.split(r"[.(]", text)[0], crits):
                    _criterion_not_met(rd, c, para, s.start, s.text.rstrip(" ;."))
                continue
            listing = False
            if not any(_found(topic_reader.topic, w) for w in [text, *around] if w):
                continue
            # after a colon ("… chưa đạt gồm: Tiêu chí số 2 - Giao thông; Tiêu chí số 17 - Môi trường") the list runs
            # on over its semicolons
            for m in re.finditer(
                r"\btiêu chí\b(?P<a>[^.;]{0,200}?)\bchưa đạt\b(?P<b>\s*,?\s*(?:là|gồm)?\s*:[^.(]{0,300}|[^.;(]{0,200})",
                text,
                re.I,
            ):
                before = text[: m.end("a")]
                basic = [b.start() for b in _BASIC_SET.finditer(before)]
                advanced = [a.start() for tp in topic_reader.topic for a in tp.finditer(before)]
                if basic and max(basic) > max(advanced, default=-1):
                    # "đạt 15/19 tiêu chí nông thôn mới …, còn 04 tiêu chí chưa đạt là …": the criteria of the set
                    # named last before them (basic nông thôn mới), though the sentence goes on to the advanced one;
                    # "giữ vững 19/19 tiêu chí nông thôn mới; theo Bộ tiêu chí xã nông thôn mới nâng cao, …, còn 05
                    # tiêu chí chưa đạt là: …" are the advanced set's
                    continue
                names = m.group("a") + " " + re.sub(r"^\s*,?\s*(?:là|gồm)?\s*:?", "", m.group("b"))
                # a list run on over semicolons, after a colon or "là / gồm" ("còn 06 tiêu chí chưa đạt là Giao
                # thông; Thu nhập; …")
                listing = bool(re.match(r"\s*,?\s*(?:(?:là|gồm)\b\s*:?|:)", m.group("b")))
                for c in _named_criteria(names, crits):
                    _criterion_not_met(rd, c, para, s.start + m.start(), s.text[m.start() : m.end()].strip())
            # "riêng tiêu chí Thu nhập cơ bản đạt": the criteria named before "cơ bản đạt", in their own clause
            for m in re.finditer(r"\btiêu chí\b(?P<a>[^.;:,()]{0,120}?)\bcơ bản đạt\b", text, re.I):
                for c in _named_criteria(m.group("a"), crits):
                    _criterion_not_met(
                        rd, c, para, s.start + m.start(), s.text[m.start() : m.end()].strip(), level="co_ban_dat"
                    )


# the criteria of basic nông thôn mới named as such ("tiêu chí nông thôn mới", "tiêu chí xã nông thôn mới"), not of the
# advanced or model sets
_BASIC_SET = re.compile(r"\btiêu chí (?:xã )?(?:nông thôn mới|NTM)\b(?!\s+(?:nâng cao|kiểu mẫu))", re.I)


# "đã đạt 15/19 tiêu chí xã nông thôn mới nâng cao, cụ thể: Quy hoạch; Giao thông; …": the count of criteria met, then
# their names after a colon, up to the sentence's end or to the criteria not met ("còn …", "chưa …", "riêng …")
_MET_LIST = re.compile(
    r"(?<!chưa )(?<!không )(?P<lvl>cơ bản\s+)?\b(?:đạt|hoàn thành)\s+(?P<n>\d+)\s*/\s*\d+\s+tiêu chí\b"
    r"(?P<set>[^.:;]{0,150}?)[,\s]*(?:cụ thể|bao gồm|gồm|là)\s*:(?P<list>[^.]{0,600})",
    re.I,
)
# "Các tiêu chí Giao thông, Giáo dục và Y tế đã đạt", "Tiêu chí số 15 - Hành chính công và tiêu chí số 19 - Quốc phòng
# và An ninh đạt ở mức cao": criteria named, and nothing else, before "(đã / đều) đạt"
_MET_NAMED = re.compile(
    r"\b(?:các\s+)?tiêu chí\s+(?P<a>[^.;:()]{2,200}?)\s+"
    # (assessed so by a higher body: "… được huyện kiểm tra, đánh giá đạt")
    r"(?:được\s+(?:(?:UBND\s+)?(?:huyện|tỉnh|thành phố|cấp trên)\s+)?(?:kiểm tra,?\s+|thẩm định,?\s+)?"
    r"(?:đánh giá|công nhận|thẩm định)\s+)?(?:(?:đã|đều|cơ bản)\s+){0,3}(?P<v>đạt|hoàn thành)\b"
    r"(?!\s*(?:\d|chuẩn|mức|tỷ|yêu cầu|thấp|khá|trung bình))",
    re.I,
)


# "trong năm 2025 hoàn thành thêm các tiêu chí Giao thông, Môi trường và Chất lượng môi trường sống": criteria named,
# and nothing else, after "đạt / hoàn thành (thêm)" to the clause's end — not what is yet to be done ("phấn đấu …")
_MET_AFTER = re.compile(
    r"(?<!chưa )(?<!không )(?<!phấn đấu )(?<!sẽ )(?<!để )(?<!nhằm )\b(?P<v>đạt|hoàn thành)\s+(?:thêm\s+)?(?:được\s+)?"
    r"(?:\d+\s+|các\s+)?tiêu chí\s+(?P<a>[^.;:()]{2,200}?)(?=\s*(?:[.;]|$))",
    re.I,
)


def _read_criteria_met(rd: _Reading, para: Paragraph, crits: list, topic_reader: Reader, where: list[str]) -> None:
    """Criteria named as met: a list after the count of criteria met ("đạt 15/19 tiêu chí …, cụ thể: A; B; …", read
    only when it names as many criteria as the count says), or criteria named alone before "đã đạt"; ``where`` are the
    places around the paragraph that may name the set."""
    text = for_matching(para.text)
    for m in _MET_LIST.finditer(text):
        subject = m.group("set")
        if re.search(r"(?:nông thôn mới|\bNTM)(?!\s+nâng)", subject, re.I):
            continue  # the basic set's criteria
        if not any(_found(topic_reader.topic, w) for w in [subject, *where] if w):
            continue
        listed = re.split(r"\b(?:còn|chưa|riêng|trong đó)\b", m.group("list"), maxsplit=1)[0]
        found = _named_criteria(listed, crits)
        if not found or len(found) != int(m.group("n")):
            continue  # a list that disagrees with its count is no evidence of which criteria
        level = "co_ban_dat" if m.group("lvl") else "dat"
        for c in found:
            _criterion_not_met(rd, c, para, m.start(), text[m.start() : m.start("list")].strip(), level=level)
    for m in [*_MET_NAMED.finditer(text), *_MET_AFTER.finditer(text)]:
        if not any(_found(topic_reader.topic, w) for w in [text, *where] if w):
            continue
        found = _named_criteria(m.group("a"), crits)
        rest = m.group("a").lower()
        for c in found:
            rest = rest.replace(c.name.lower(), " ")
        # the words a list of criteria may carry: "các tiêu chí (khó) như A, B và C đều đã đạt", "gồm", "là"
        if not found or re.sub(
            r"\btiêu chí\b|\bsố\s+\d+\b|\bvề\b|\bvà\b|\bkhó\b|\bnhư\b|\bgồm\b|\blà\b|[,\s-]", "", rest
        ):
            continue  # words other than the criteria's names: not a list of criteria
        level = "co_ban_dat" if "cơ bản" in text[m.end("a") : m.start("v")].lower() else "dat"
        for c in found:
            _criterion_not_met(rd, c, para, m.start(), para.text[m.start() : m.end()].strip(), level=level)


# a cell that assesses a criterion ("Chưa đạt (quy hoạch chung đang lập)", "Cơ bản đạt", "Đạt"), read from its start
_LEVEL_CELL = re.compile(r"^\W*(?P<lvl>chưa đạt|không đạt|cơ bản đạt|đạt)\b(?!\s*\d)", re.I)
# a criterion named by its number ("Tiêu chí số 9 - Nhà ở dân cư", "TC 17")
_CRITERION_NO = re.compile(r"\b(?:tiêu chí|tc)\s*(?:số\s*)?(\d{1,2})\b", re.I)


def _read_criteria_table(rd: _Reading, table: Table, before: Optional[Paragraph], ctx: Optional[Context]) -> None:
    """A table assessing a criteria set criterion by criterion (STT | Tiêu chí | Kết quả tự đánh giá: "Tiêu chí số 2 -
    Giao thông | Cơ bản đạt"): each row naming one criterion of the set, and a cell of its level, gives that level —
    where the set's subject (its count indicator's topic) is named by the table's header, the paragraph that leads
    into it or the headings above."""
    if len(table.rows) < 2:
        return
    where = [for_matching(" ".join(c.text for c in table.rows[0]))]
    if before is not None:
        where.append(before.match)
    if ctx is not None:
        where += [ctx.lead, " ".join(ctx.headings[-2:])]
    readers = {r.key: r for r in rd.readers}
    for doc_id, count_key in rd.cat.criteria_counts.items():
        topic_reader = readers.get(count_key)
        if topic_reader is None or not any(_found(topic_reader.topic, w) for w in where if w):
            continue
        crits = [lc.criterion for lc in rd.cat.criteria if lc.document.id == doc_id]
        for row in table.rows[1:]:
            level_cells = [c for c in row if _LEVEL_CELL.match(c.text or "")]
            if len(level_cells) != 1:
                continue
            label = " ".join(
                c.text for c in row if c is not level_cells[0] and c.text and not re.fullmatch(r"\W*\d+\W*", c.text)
            )
            numbers = {int(n) for n in _CRITERION_NO.findall(label)}
            found = _one_criterion(label, numbers, crits)
            if found is None:
                continue
            lvl = _LEVEL_CELL.match(level_cells[0].text).group("lvl")  # type: ignore[union-attr]
            _criterion_not_met(rd, found, None, 0, "", _level_said(lvl), cell=level_cells[0], label=label)


def _one_criterion(label: str, numbers: set[int], crits: list) -> Any:
    """The one criterion a row or a line names, by its number and its name — None when it names none, several, or one
    by its number and another by its name."""
    by_no = {c.number: c for c in crits}
    named = _named_criteria(label, crits)
    by_number = [by_no[n] for n in numbers if n in by_no]
    found = by_number if len(by_number) == 1 else named
    if len(found) != 1 or (named and by_number and named != by_number):
        return None
    return found[0]


def _level_said(word: str) -> Optional[str]:
    """The level a criterion's assessment names ("Cơ bản đạt" → co_ban_dat); None for not met, the set's lowest."""
    lvl = word.lower()
    return None if lvl in ("chưa đạt", "không đạt") else "co_ban_dat" if lvl == "cơ bản đạt" else "dat"


# criteria one by one with their levels, as a self-assessment lists them — a line each, or run into one paragraph when
# the lines were joined ("Tiêu chí số 3 (Thủy lợi và phòng, chống thiên tai): Đạt Tiêu chí số 4 (Điện): Đạt", "- Tiêu
# chí Giao thông: Chưa đạt.", "Tiêu chí 10 - Thu nhập: cơ bản đạt")
_CRITERION_ITEM = re.compile(
    r"\btiêu chí\s+(?:số\s+)?(?P<n>\d{1,2})?\s*(?:\((?P<a>[^()]{2,80})\)|[-–.]?\s*(?P<b>[^:()\d]{2,80}?))?\s*:\s*"
    r"(?P<level>chưa đạt|không đạt|cơ bản đạt|đạt)(?=\W*$|\s+(?:tiêu chí|tổng|cộng)\b|\s*[;.]\s)",
    re.I,
)


def _read_criterion_items(rd: _Reading, para: Paragraph, crits: list, topic_reader: Reader, where: list[str]) -> bool:
    """Criteria of the set named before them (in the paragraph, its headings, lead or list's opening), each by its number
    and its name (both agreeing when both are given), at the level written after it."""
    text = for_matching(para.text)
    items = list(_CRITERION_ITEM.finditer(text))
    if not items:
        return False
    opening = text[: items[0].start()]
    named_set = [w for w in [opening, *where] if w and _found(topic_reader.topic, w)]
    if not named_set:
        return False
    for m in items:
        found = _one_criterion(
            m.group("a") or m.group("b") or "", {int(m.group("n"))} if m.group("n") else set(), crits
        )
        if found is not None:
            _criterion_not_met(
                rd, found, para, m.start(), text[m.start() : m.end()], level=_level_said(m.group("level"))
            )
    return True


def _criterion_not_met(
    rd: _Reading,
    c: Any,
    para: Optional[Paragraph],
    at: int,
    quote: str,
    level: Optional[str] = None,
    cell: Optional[Cell] = None,
    label: str = "",
) -> None:
    """A criterion at its lowest level (not met), or at ``level`` when the report names it ("cơ bản đạt"); from a
    sentence of ``para``, or from a table's ``cell`` in the row ``label``."""
    ind = rd.cat.indicators.get(c.indicator)
    if ind is None or not ind.levels:
        return
    keys = [lv.key for lv in ind.levels]
    if level is not None and level not in keys:
        return
    r = Reader(ind, IntakeWords(read=["level"], period="state"), [], [], [], [], [], [], None, frozenset())
    if cell is not None:
        notes = [f"bảng {cell.table}, dòng “{label}”"]
        rd.add(r, ["as_of"], None, 0, cell.text, value=level or keys[0], cell=cell, confidence=0.8, notes=notes)
    else:
        rd.add(r, ["as_of"], para, at, quote, value=level or keys[0], confidence=0.85)


def _named_criteria(text: str, crits: list) -> list:
    found = []
    low = text.lower()
    taken: list[tuple[int, int]] = []
    for c in sorted(crits, key=lambda c: -len(c.name)):
        name = c.name.lower()
        for m in re.finditer(rf"(?<![\wÀ-ỹ]){re.escape(name)}(?![\wÀ-ỹ])", low):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(c)
            break
    return found


# --------------------------------------------------------------------------------------------------- patterns


def _periods(pat: IntakePattern, m: re.Match, report_years: list[int]) -> list[Any]:
    gd = m.groupdict()
    kind = pat.period or ("span" if gd.get("from_year") else "year" if gd.get("year") else "as_of")
    if kind == "as_of":
        return ["as_of"]
    if kind == "report_years":
        return list(report_years)
    if kind == "span":
        a, b = int(gd["from_year"]), int(gd["to_year"])
        return [a if a == b else f"{a}-{b}"]
    return [int(gd[k]) for k in ("year", "year2") if gd.get(k)]


def _pattern_value(ind: Indicator, pat: IntakePattern, m: re.Match, para: Paragraph) -> tuple[dict, bool]:
    gd = m.groupdict()
    if pat.value is not None:
        value: Union[bool, Decimal, str, int] = pat.value
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        return {"value": value}, True
    source: Optional[str] = pat.value_from or next(
        (k for k in ("items", "percent", "numbers", "count", "number") if gd.get(k)), None
    )
    if source == "items" or ind.type == "items":
        items, certain = parse_items(gd.get("items") or m.group(0), para.raw, pat.items_split)
        if gd.get("count") and int(gd["count"]) != len(items):
            certain = False
        return {"items": items}, certain
    if source == "percent":
        f = g.figures(gd["percent"])
        if not f:
            return {}, False
        v: Any = f[0].value if f[0].bound in (None, "approx") else {f[0].bound: f[0].value}
        return {"value": v}, f[0].bound != "approx"
    if source == "numbers":
        return {"value": len(re.findall(r"\d+", gd["numbers"]))}, True
    if source in ("count", "total"):
        return {"value": int(gd[source])}, True
    if source == "number":
        return {"value": g.number_value(gd["number"])}, True
    return {}, False


def _read_patterns(rd: _Reading, contexts: dict[int, Context]) -> None:
    compiled = [
        (ind, pat, compile_pattern(pat.pattern), compile_pattern(pat.under) if pat.under else None)
        for ind in rd.cat.indicators.values()
        for pat in ind.intake
    ]
    if not compiled:
        return
    for p in rd.report.paragraphs:
        ctx = contexts.get(p.line)
        if p.table is not None or ctx is None or not ctx.results:
            continue
        text = p.match
        task = (
            for_matching(ctx.headings[-1])
            if ctx.headings
            and ctx.headings[-1].startswith(tuple("-+•–"))
            or (ctx.headings and not _heading_level(Paragraph(0, ctx.headings[-1], ctx.headings[-1])))
            else ""
        )
        for ind, pat, rx, under in compiled:
            if under is not None and not under.search(task):
                continue
            for m in rx.finditer(text):
                fields, certain = _pattern_value(ind, pat, m, p)
                if not fields:
                    continue
                doc = None
                if m.groupdict().get("document"):
                    doc = g.parse_document(m.group("document"))
                elif pat.document_kind and m.groupdict().get("numbers"):
                    doc = {"kind": pat.document_kind, "number": m.group("numbers")}
                    if g.to_date(m.groupdict().get("date")):
                        doc["date"] = g.to_date(m.group("date"))
                keys = [ind.key]
                if pat.group:
                    keys = sorted(k for k in rd.cat.indicators if k.startswith(pat.group))
                w = IntakeWords(read=["count"], basis=pat.basis, review=pat.review or not certain, note=pat.note)
                for key in keys:
                    r = Reader(rd.cat.indicators[key], w, [], [], [], [], [], [], None, frozenset())
                    rd.add(
                        r,
                        _periods(pat, m, rd.report_years),
                        p,
                        m.start(),
                        p.text[m.start() : m.end()],
                        value=fields.get("value"),
                        items=fields.get("items"),
                        document=doc,
                        awaiting=pat.awaiting_appraisal,
                        confidence=0.9 if certain and not pat.review else 0.7,
                    )


# --------------------------------------------------------------------------------------------------- named things

# a name in quotes after the word of its kind, a few words between ("mô hình “Chợ 4.0”", "Mô hình chuyển đổi số “Bản
# số Nậm Cọ”")
_QUOTED_NAME = re.compile(r"\s*(?:[^\W\d]+\s+){0,4}?[“\"](?P<name>[^”\"]{3,120})[”\"]")


def _read_named(rd: _Reading, paras: list[Paragraph], contexts: dict[int, Context]) -> None:
    """`read: named` — the things of an indicator's kind the report names anywhere in its results, one item each: a
    name in quotes after the kind's word (its `unit`: "duy trì mô hình “Tổ công nghệ số cộng đồng”"), or the kind's
    word that names itself ("Điểm hỗ trợ dịch vụ công trực tuyến"), where the name or the words before it say the
    indicator's topic. Not in the sentence where the indicator it stands beside (`of`) counts its own and lists them,
    nor for another unit, an intention or what is only registered."""
    for r in rd.readers:
        if not r.reads("named"):
            continue
        own = [d for d in rd.drafts if d.indicator == r.words.of and isinstance(d.value, (int, Decimal)) and d.value]
        found: dict[str, tuple[Paragraph, int, str, str]] = {}
        for p in paras:
            ctx = contexts.get(p.line)
            if ctx is None or not ctx.results:
                continue
            if ctx.parent is not None and _COUNT_OF_KIND.search(ctx.parent.match):
                continue  # an item of the list a count opens ("công nhận 03 mô hình: - Mô hình “…”"): the count's
            text = p.match
            taken: list[tuple[int, int]] = []  # the names read: a kind's word inside one is that name's own
            counted_before = False  # the sentence before counted the indicator's own ("Toàn xã có 02 mô hình …")
            for s in p.sentences:
                sentence = for_matching(s.text)
                counts_here = any(d.paragraph == p.line and d.quote and for_matching(d.quote) in sentence for d in own)
                listing = counted_before and _LISTS_THEM.match(sentence)
                counted_before = counts_here
                if counts_here or listing or _ONE_OF_THEM.search(sentence):
                    continue  # the count's own sentence, or the next that lists them ("Đó là mô hình “…” và …")
                for u in r.unit:
                    for m in u.finditer(text, s.start, s.start + len(s.text)):
                        if any(a <= m.start() < b for a, b in taken):
                            continue
                        q = _QUOTED_NAME.match(text, m.end())
                        # (a name that is another indicator's kind is no name: "mô hình “Dân vận khéo” “…”")
                        if q is not None and not any(
                            t.fullmatch(q.group("name").strip()) for x in rd.readers if x is not r for t in x.topic
                        ):
                            name, said, end = q.group("name").strip(), text[m.start() : q.end()], q.end()
                        elif _digital_named(r, m.group(0)):
                            name, said, end = p.text[m.start() : m.end()], m.group(0), m.end()
                        else:
                            continue
                        if not _digital_named(r, said):
                            continue
                        before = text[s.start : m.start()]
                        if rd.other_unit(before) or rd.other_subject(before) or rd.intended(before):
                            continue
                        if _NOT_HAD_BEFORE.search(re.split(r"[,;:]", before)[-1]) or _NEIGHBOUR.search(before):
                            continue  # "Xã không xây dựng mô hình “…”", "đăng ký xây dựng mô hình “…”", "Xã bạn …"
                        counted = re.search(r"(\S+)\s*(?:\([^()]{1,12}\)\s*)?$", before)
                        if counted and g.number_value(counted.group(1)) is not None:
                            continue  # "duy trì 01 mô hình “…”": an item of the count before it, whichever it is
                        if _NOT_HAD_AFTER.match(text, end, s.start + len(s.text)):
                            continue
                        taken.append((m.start(), end))
                        key = fold(name).lower().strip(" .")
                        found.setdefault(key, (p, m.start(), p.text[m.start() : end], name))
        if found:
            items = [{"name": name} for _, _, _, name in found.values()]
            p, at, quote, _ = next(iter(found.values()))
            rd.add(r, ["as_of"], p, at, quote, items=items, confidence=0.7)


# a count of models, whose list the items after it are
_COUNT_OF_KIND = re.compile(
    r"\b(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s*(?:\([^()]{1,12}\)\s*)?mô hình\b", re.I
)
# what is not had: registered, being built, asked for, denied, stopped ("Chi đoàn đăng ký xây dựng mô hình “…”", "Xã
# chưa triển khai được mô hình “…”", "… mới đăng ký, chưa được công nhận", "… đã ngừng hoạt động")
_NOT_HAD_BEFORE = re.compile(
    r"\b(?:đăng ký|đang xây dựng|đang triển khai|chưa|không|đề nghị|đề xuất|kiến nghị|dự kiến|sẽ|phấn đấu)\b", re.I
)
_NOT_HAD_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:mới đăng ký|đăng ký xây dựng|chưa được công nhận|chưa (?:được )?(?:triển khai|thực hiện|đi vào "
    r"hoạt động)|ngừng hoạt động|giải thể)\b",
    re.I,
)
# a neighbour named as such ("Xã bạn Phú Hòa có mô hình …")
_NEIGHBOUR = re.compile(r"\b(?:xã|phường|thị trấn|địa phương|đơn vị)\s+(?:bạn|lân cận|giáp ranh)\b", re.I)
# the sentence after a count that lists its models ("Đó là mô hình “…” và mô hình “…”"), or one said to be among them
_LISTS_THEM = re.compile(r"^\W*(?:đó là|đấy là|gồm|bao gồm|cụ thể|các mô hình (?:này|đó|trên) (?:là|gồm))\b", re.I)
_ONE_OF_THEM = re.compile(r"\bmột trong (?:\S+ )?(?:mô hình|các mô hình)?\s*(?:nêu trên|kể trên|nói trên|này)\b", re.I)


def _digital_named(r: Reader, words: str) -> bool:
    """Whether ``words`` name the indicator's topic — a word of it followed by a number is a number's ("tổ dân phố số
    3"), not the topic's."""
    return any(not re.match(r"\s*\d", words[t.end() :]) for p in r.topic for t in p.finditer(for_matching(words)))


# --------------------------------------------------------------------------------------------------- extraction


def extract(cat: Catalogue, report: ReportText) -> Extraction:
    header = read_header(report)
    rd = _Reading(cat, report, header)
    _COUNT_INDICATORS.clear()
    _COUNT_INDICATORS.update(cat.criteria_counts.values())
    contexts = _contexts(report)
    paras = [p for p in report.paragraphs if p.table is None]
    items_of: dict[int, list[Paragraph]] = {}
    for p in paras:
        c = contexts.get(p.line)
        if c is not None and c.parent is not None:
            items_of.setdefault(id(c.parent), []).append(p)
    runs = _document_runs(paras, contexts)
    assessed: list[tuple[Paragraph, Context, str, str, Optional[str]]] = []
    for i, p in enumerate(paras):
        ctx = contexts.get(p.line)
        if ctx is not None and ctx.results and (said := _ASSESSED_TARGET.match(for_matching(p.text))):
            # its figures are the plan's thresholds: read after all else, below
            assessed.append((p, ctx, said.group("target"), said.group("claim"), said.group("rate")))
            continue
        if (
            ctx is not None
            and ctx.results
            and (own := _SELF_ASSESSMENT.match(for_matching(p.text)))
            and (target := _self_assessed(paras, i)) is not None
        ):
            assessed.append((p, ctx, target, own.group("claim"), own.group("rate")))
            continue
        if ctx is not None and ctx.opening:
            _read_make_up(rd, p)
        if ctx is not None and not ctx.results and _APPENDIX.match(p.text):
            # an appendix whose title runs into its lines ("PHỤ LỤC 01 KẾT QUẢ TỰ ĐÁNH GIÁ TIÊU CHÍ … Tiêu chí số 1
            # (Quy hoạch): Chưa đạt …"): the criteria it lists
            _read_criteria(rd, p, ctx)
        if ctx is not None and not ctx.results and _SHORTCOMINGS.search(" ".join([*ctx.headings[-2:], ctx.lead])):
            # "Tồn tại, hạn chế": "- Chưa tổ chức sơ kết Phong trào thi đua “Dân vận khéo” ở cấp xã mới." — an act the
            # unit has not done, said there and nowhere else; its figures are the results' said again, and left
            for cl in _read_clauses(rd, p, ctx):
                if _OWN_DENIAL.match(cl.text):
                    _read_acts(rd, cl, denials_only=True)
        if ctx is None or not ctx.results:
            continue
        following = []
        for q in paras[i + 1 :]:
            if re.match(r"^\s*[-+•–]\s", q.raw) and contexts.get(q.line) and contexts[q.line].parent is p:
                following.append(q)
            else:
                break
        # the items of the same list, for documents listed one per item
        siblings = items_of.get(id(ctx.parent), []) if ctx.parent is not None else runs.get(id(p), [])
        _read_paragraph(rd, p, ctx, following, siblings)
        if i and _is_answer(p):
            _read_answer(rd, p, paras[i - 1], ctx)
        _read_criteria(rd, p, ctx, paras[i - 1] if i else None)
    para_of_line = {p.line: p for p in report.paragraphs}
    for t in report.tables:
        first = min((c.line for row in t.rows for c in row), default=0)
        before = next((p for p in reversed(paras) if p.line < first), None)
        _read_criteria_table(rd, t, before, contexts.get(before.line) if before is not None else None)
        _read_table(rd, t, para_of_line)
    _read_patterns(rd, contexts)
    _read_named(rd, paras, contexts)
    for p, ctx, target, claim, rate in assessed:
        _read_assessed_target(rd, p, ctx, target, claim, rate)
    again = _read_assessment_levels(rd, paras, contexts)
    facts = _merge(cat, rd.drafts, rd.as_of_year)
    facts += _implied_levels(cat, facts)
    facts += _stated_again(cat, facts, again)
    _owners(report, facts)
    statements = _statements(cat, report, facts)
    unmatched = _unmatched(report, rd.used_lines, statements, contexts)
    return Extraction(report, header, facts, statements, unmatched)


# a paragraph that restates the plan's targets under a bare label ("Chỉ tiêu:", "- Chỉ tiêu Kế hoạch:", "*Chỉ tiêu của
# Kế hoạch:*", "Mục tiêu:") — not one naming what it measures ("Chỉ tiêu giảm hộ nghèo: thực hiện giảm 21 hộ")
_PLAN_TARGETS = re.compile(
    r"^\W*(?:chỉ tiêu|mục tiêu)(?:\s+(?:của\s+)?(?:kế hoạch|KH|đề án|đề ra|năm))?(?:\s+(?:năm\s+)?(?:19|20)\d{2})?\W{0,3}:",
    re.I,
)


# a target of the plan as the report restates it, then the unit's own assessment of it ("- Chỉ tiêu 1: Mỗi năm xây
# dựng ít nhất 01 mô hình “Dân vận khéo”: chưa đạt.", "Chỉ tiêu 3 - Tỷ lệ hồ sơ … đạt từ 80% trở lên: đạt (86,2%).")
_TARGET_NUMBERED = r"^\W*chỉ tiêu\s+(?:số\s+)?\d{1,2}[a-zđ]?\s*[:.–-]\s+"  # "Chỉ tiêu 1:", "Chỉ tiêu số 3 -"
# the unit's word on it, and the rate in brackets that ends it ("chưa đạt", "đạt (86,2%)")
_ITS_CLAIM = r"(?P<claim>đạt|chưa đạt|không đạt|vượt|hoàn thành|chưa hoàn thành|không hoàn thành)"
_ITS_RATE = rf"(?:\s*\(\s*(?:đạt\s+)?(?P<rate>{g.DIGITS})\s*%\s*\))?\W*$"
_ASSESSED_TARGET = re.compile(_TARGET_NUMBERED + r"(?P<target>[^:]{5,200}?)\s*:\s*" + _ITS_CLAIM + _ITS_RATE, re.I)


# the unit's own assessment of the target stated a paragraph or two before ("Chỉ tiêu 1: …" then "- Kết quả: …" then
# "- Tự đánh giá: Chưa đạt.")
_SELF_ASSESSMENT = re.compile(r"^\W*(?:tự\s+)?đánh giá\s*:\s*" + _ITS_CLAIM + r"(?:\s+chỉ tiêu)?" + _ITS_RATE, re.I)
_NUMBERED_TARGET = re.compile(_TARGET_NUMBERED + r"(?P<target>.{5,200})$", re.I)


def _self_assessed(paras: list[Paragraph], i: int) -> Optional[str]:
    """The target a self-assessment line answers: a numbered target one to three paragraphs before it, with no other
    assessment between."""
    for q in reversed(paras[max(0, i - 3) : i]):
        if _SELF_ASSESSMENT.match(for_matching(q.text)):
            return None
        if m := _NUMBERED_TARGET.match(for_matching(q.text)):
            return m.group("target")
    return None


def _read_assessed_target(
    rd: _Reading, p: Paragraph, ctx: Context, target: str, claim: str, rate: Optional[str]
) -> None:
    """A target the report restates with its own assessment ("Chỉ tiêu 1: Mỗi năm … 01 mô hình “Dân vận khéo”: chưa
    đạt.", or "- Tự đánh giá: Chưa đạt." under it): a claim on it, for the indicators of the target's topic that take
    one, and the rate in brackets for those it measures — only where the report says nothing more exact of them
    elsewhere (the results that follow it)."""
    target = _LABEL_THRESHOLD.sub(" ", target)
    cls = _read_clauses(rd, p, ctx)
    if not cls:
        return
    taken = {(d.indicator, str(d.period)) for d in rd.drafts}
    negative = re.match(r"chưa|không", claim, re.I)
    for r in rd.readers:
        if not r.topic or not _found(r.topic, target) or (r.not_ and _lookalike(r, target)):
            continue
        if rate and (r.reads("percent") or r.reads("of_target")):
            value: Any = g.number_value(rate)
            kind = {"value": value}
        elif r.reads("claim"):
            kind = {"claim": "not_achieved" if negative else "achieved"}
        else:
            continue
        periods, sure = rd.years(r, [], cls[0], None)
        periods = [x for x in periods if (r.key, str(x)) not in taken]
        if periods:
            rd.add(r, periods, p, 0, p.text, confidence=0.75 - (1 - sure), **kind)


_SHORTCOMINGS = re.compile(r"\btồn tại\b|\bhạn chế\b", re.I)
# a clause that opens on the unit's own denial: "Chưa tổ chức sơ kết …", "UBND xã chưa ký kết …", "Xã vẫn chưa …"
_OWN_DENIAL = re.compile(
    rf"^\W*(?:(?:UBND|Ủy ban nhân dân)\s+(?:{_KINDS})\s+|(?:{_KINDS})\s+)?(?:vẫn\s+|còn\s+)?chưa\s", re.I
)


def _document_runs(paras: list[Paragraph], contexts: dict[int, Context]) -> dict[int, list[Paragraph]]:
    """Bullets of no list that go on naming documents of one kind ("- Tiếp tục thực hiện Quy chế phối hợp số 12/QCPH
    … với A;" then "- Quy chế phối hợp số 13/QCPH … với B;"): one enumeration, as the items of a list after "gồm:"
    are — for each bullet of such a run, the run."""
    out: dict[int, list[Paragraph]] = {}
    i = 0
    while i < len(paras):
        p = paras[i]
        marker = _marker(p.raw)
        ctx = contexts.get(p.line)
        kind = re.search(r"\b(Quy chế|Kế hoạch|Chương trình)\b[^;.]{0,40}?\bsố\b", p.text)
        if marker is None or kind is None or (ctx is not None and ctx.parent is not None):
            i += 1
            continue
        run = [p]
        for q in paras[i + 1 :]:
            qc = contexts.get(q.line)
            if _marker(q.raw) != marker or (qc is not None and qc.parent is not None):
                break
            if not re.match(rf"^\W*{kind.group(1)}\b", q.text):
                break
            run.append(q)
        if len(run) > 1:
            for q in run:
                out[id(q)] = run
        i += len(run)
    return out


def _implied_levels(cat: Catalogue, facts: list[Draft]) -> list[Draft]:
    """The level a count short of its criteria set implies, where the report states none (`words.short_of`): "xã đã
    đạt 15/19 tiêu chí xã nông thôn mới nâng cao" and nothing said of recognition → chưa đạt chuẩn, citing the count."""
    out: list[Draft] = []
    stated = {d.indicator for d in facts if d.period == "as_of"}
    for key, ind in cat.indicators.items():
        short = ind.words.short_of if ind.words else None
        if short is None or key in stated:
            continue
        size = len(cat.criteria_sets.get(short.of, ()))
        count = next((d for d in facts if d.indicator == short.of and d.period == "as_of"), None)
        if count is None or not size or not isinstance(count.value, int) or not 0 <= count.value < size:
            continue
        out.append(
            Draft(
                key,
                "as_of",
                count.line,
                count.quote,
                value=short.level,
                cell=count.cell,
                paragraph=count.paragraph,
                confidence=0.75,
                notes=[f"suy ra từ số tiêu chí đạt ({count.value}/{size}): chưa đủ tiêu chí để được công nhận"],
            )
        )
    return out


def _said_elsewhere(d: Draft, key: str) -> Draft:
    """A level read in another place of the report than the first, kept under the indicator for that."""
    return Draft(
        key,
        d.period,
        d.line,
        d.quote,
        d.value,
        d.items,
        d.basis,
        d.awaiting_appraisal,
        d.document,
        True,
        ["giai đoạn hồ sơ nêu ở chỗ khác của báo cáo, để đối chiếu"],
        d.claim,
        d.cell,
        min(d.confidence, 0.7),
        d.paragraph,
    )


def _elsewhere_of(cat: Catalogue) -> dict[str, str]:
    """The indicator whose level a report may state twice → the indicator kept for its second statement."""
    return {
        ind.words.of: k
        for k, ind in cat.indicators.items()
        if ind.words and "elsewhere" in ind.words.read and ind.words.of
    }


# a section that assesses what the results section stated ("IV. ĐÁNH GIÁ CHUNG", "2. Tồn tại, hạn chế và nguyên
# nhân"), not one of tasks or proposals to come
_ASSESSMENT = re.compile(r"đánh giá|tồn tại|hạn chế", re.I)
_TO_COME = re.compile(r"phương hướng|nhiệm vụ|kiến nghị|đề xuất|giải pháp", re.I)


def _read_assessment_levels(rd: _Reading, paras: list[Paragraph], contexts: dict[int, Context]) -> list[Draft]:
    """The levels an assessment section states again ("Tồn tại: … hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới
    nâng cao đang hoàn thiện"), for the indicators kept for a second statement; apart from the results' drafts."""
    keys = set(_elsewhere_of(rd.cat))
    drafts = rd.drafts
    rd.drafts = []
    try:
        with rd.only(lambda r: r.key in keys):
            for p in paras:
                ctx = contexts.get(p.line)
                if ctx is None or ctx.results:
                    continue
                heads = " ".join(ctx.headings)
                if not _ASSESSMENT.search(heads) or _TO_COME.search(heads):
                    continue
                for cl in _read_clauses(rd, p, Context(ctx.headings, ctx.lead, ctx.parent, True)):
                    _read_levels(rd, cl)
        return rd.drafts
    finally:
        rd.drafts = drafts


def _stated_again(cat: Catalogue, facts: list[Draft], again: list[Draft]) -> list[Draft]:
    """A level the assessment section states differently from the results' (already among ``facts``): kept for
    comparison under its indicator for a second statement; nothing when the results stated none or the same."""
    elsewhere = _elsewhere_of(cat)
    have = {f.key(): f for f in facts}
    out: list[Draft] = []
    for d in again:
        first = have.get(d.key())
        if first is None or first.same_value(d) or d.indicator not in elsewhere:
            continue
        ind = cat.indicators.get(d.indicator)
        levels = [lv.key for lv in ind.levels] if ind is not None and ind.levels else []
        if levels and d.value == levels[0] and first.value != levels[-1]:
            # "xã chưa được công nhận đạt chuẩn …" beside a dossier submitted: no other stage, only not there yet
            continue
        d2 = _said_elsewhere(d, elsewhere[d.indicator])
        if d2.key() not in have:
            have[d2.key()] = d2
            out.append(d2)
    return out


# the whole year's total, said as such before its figure ("Tính chung cả năm 2025, trên địa bàn xã có 03 mô hình",
# "Cả năm, toàn xã giảm 43 hộ nghèo")
_YEAR_TOTAL = re.compile(
    r"(?:\b(?:tính chung|tổng cộng|cộng)?\s*cả\s+năm\b(?:\s+(?:19|20)\d{2})?"
    # — or the year's so far, after a part of it ("Trong quý III, … giảm thêm 05 hộ nghèo; lũy kế 9 tháng giảm 17 hộ")
    r"|\b(?:lũy kế|luỹ kế|cộng dồn|tính chung)\s+(?:(?:\d{1,2}|sáu|chín|mười)\s+tháng|từ đầu năm)\b)[^.;]*$",
    re.I,
)


def _merge(cat: Catalogue, drafts: list[Draft], as_of_year: Optional[int]) -> list[Draft]:
    """One fact per indicator and period. A figure read twice is kept once (the fuller reading); a state read for the
    report's own year is the state at the report's date, a state read for an earlier year named in the sentence is
    that year's fact ("Kết quả bình xét năm 2023: 21/23 khu phố …" in a 2024 report is 2023's, not the state now); a
    level read differently in another paragraph goes to the indicator kept for that ('elsewhere'); another
    contradiction is kept once and flagged."""
    state = {k for k, ind in cat.indicators.items() if ind.words and ind.words.period == "state"}
    for d in drafts:
        if d.indicator in state and isinstance(d.period, int) and d.period == as_of_year:
            d.period = "as_of"
    elsewhere = _elsewhere_of(cat)
    out: dict[tuple, Draft] = {}
    order: list[tuple] = []
    for d in drafts:
        first = out.get(d.key())
        if first is None:
            out[d.key()] = d
            order.append(d.key())
            continue
        if first.same_value(d):
            better, other = (d, first) if d.weight > first.weight else (first, d)
            if better.document is None and other.document is not None:
                better.document = other.document
            out[d.key()] = better
            continue
        if d.year_total and not first.year_total and d.claim is None:
            # "Từ tháng 7/2025 … công nhận 02 mô hình" then "Tính chung cả năm 2025 … 03 mô hình": the year's total
            d.notes.append(f"báo cáo cũng nêu khác tại dòng {first.line} (một phần của năm)")
            out[d.key()] = d
            continue
        if (first.claim is None) != (d.claim is None):  # a figure and a claim for the same: the figure
            if first.claim is not None:
                out[d.key()] = d
            continue
        if d.indicator in elsewhere and d.paragraph != first.paragraph:
            d2 = _said_elsewhere(d, elsewhere[d.indicator])
            if d2.key() not in out:
                out[d2.key()] = d2
                order.append(d2.key())
            continue
        first.review = True
        shown = d.value if d.items is None else f"{len(d.items)} mục"
        note = f"báo cáo cũng nêu khác tại dòng {d.line} ({shown})"
        if note not in first.notes:
            first.notes.append(note)
    facts = [out[k] for k in order]
    for f in facts:
        for item in f.items or ():
            item.pop("unnamed", None)
    return facts


_OWNER = re.compile(
    r"(?P<org>UBMTTQVN xã|Ủy ban MTTQ Việt Nam xã|Đoàn xã|Hội [\wÀ-ỹ ]+? xã) thành lập mô hình (?P<name>[^.;]+)"
)


def _owners(report: ReportText, facts: list[Draft]) -> None:
    """A model the report says another body founded keeps that body as its owner."""
    for para in report.paragraphs:
        for m in _OWNER.finditer(para.text):
            name = _name(m.group("name")).lower()
            for f in facts:
                for item in f.items or ():
                    if item["name"].lower().startswith(name[:25]) or name.startswith(item["name"].lower()[:25]):
                        item["owner"] = m.group("org")


THEMES = [
    ("phát triển kinh tế", "kinh_te"),
    ("nông thôn mới", "nong_thon_moi"),
    ("đô thị văn minh", "do_thi_van_minh"),
    ("dân vận chính quyền", "dan_van_chinh_quyen"),
]
_HEADING = re.compile(r"^(?:[IVX]+|\d+(?:\.\d+)*)\.\s")


def _section_of(report: ReportText) -> dict[int, str]:
    """The heading each paragraph falls under (by its first line)."""
    out, current = {}, ""
    for p in report.paragraphs:
        if _HEADING.match(p.text):
            current = p.text
        out[p.line] = current
    return out


def _theme(heading: str) -> Optional[str]:
    for words, theme in THEMES:
        if words in heading.lower() and not heading.lower().startswith("2.1"):
            return theme
    return None


# "Nguyên nhân:" (or "Nguyên nhân khách quan / chủ quan:") opening a sentence inside a shortcoming's paragraph
_CAUSE_LEAD = re.compile(r"(?<=[.;])\s+(?=Nguyên nhân(?: khách quan| chủ quan)?\s*:)")


def _stated_causes(text: str, line: int) -> list[dict]:
    """The report's own causes from a "Nguyên nhân …: a; b." sentence, one per part; their kind (khách quan, chủ
    quan) when the lead names it."""
    lead, _, causes = text.partition(":")
    kind = "khach_quan" if "khách quan" in lead.lower() else "chu_quan" if "chủ quan" in lead.lower() else None
    out = []
    for part in re.split(r";\s*", causes):
        part = part.strip(" .")
        if part:
            entry = {
                "kind": "cause",
                "text": part[:1].upper() + part[1:] + ".",
                "line": line,
                "quote": part,
                "review": True,
            }
            if kind:
                entry["cause_type"] = kind
            out.append(entry)
    return out


def _statements(cat: Catalogue, report: ReportText, facts: list[Draft]) -> list[dict]:
    headings = _section_of(report)
    rules_by_indicator: dict[str, str] = {}
    for lr in cat.rules:
        if lr.kind.judges_target and lr.rule.primary_indicator:
            rules_by_indicator.setdefault(lr.rule.primary_indicator, lr.id)
    out: list[dict] = []
    in_summary = in_causes = in_tasks = False
    for p in report.paragraphs:
        if p.table is not None:
            continue
        low = re.sub(r"^#+\s*", "", p.text).lower()
        if re.match(r"^\d+\.\s*tồn tại, hạn chế", low) or low.startswith("tồn tại, hạn chế"):
            in_summary, in_causes, in_tasks = True, False, False
            continue
        if re.match(r"^[ivx]+\.\s", low) or re.match(r"^phần thứ", low):
            in_summary = in_causes = False
            in_tasks = "nhiệm vụ" in low
            continue
        if in_summary and low.startswith("nguyên nhân"):
            out += _stated_causes(p.text, p.line)
            in_causes = True
            continue
        if in_summary and not in_causes:
            # a shortcoming and its cause in one paragraph: "… chưa đạt chỉ tiêu. Nguyên nhân: …" — the cause is
            # the report's own, said under b), not repeated under a)
            own, *cause = _CAUSE_LEAD.split(p.text, 1)
            out.append(
                {
                    "kind": "shortcoming",
                    "text": own.strip(),
                    "line": p.line,
                    "quote": own.strip()[:120],
                    "in_summary": True,
                    "theme": "dan_van_chinh_quyen",
                    "review": True,
                }
            )
            if cause:
                out += _stated_causes(cause[0], p.line)
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
                linked = next(
                    (
                        rules_by_indicator.get(f.indicator)
                        for f in facts
                        if f.line == line
                        and rules_by_indicator.get(f.indicator)
                        and (f.value in (False, 0) or f.value is None)
                    ),
                    None,
                )
                text = m.group(1)
                entry = {
                    "kind": "shortcoming",
                    "text": text[:1].upper() + text[1:],
                    "line": line,
                    "quote": m.group(1),
                    "in_summary": False,
                    "review": True,
                }
                theme = _theme(headings.get(p.line, ""))
                if theme:
                    entry["theme"] = theme
                if linked:
                    entry["rule"] = linked
                out.append(entry)
    return out


_WORTH = re.compile(r"\d|\bchưa\b|\bkhông có\b|\bkhông\s+\w+\s+nào\b", re.I)


def _unmatched(
    report: ReportText, matched: set[int], statements: list[dict], contexts: dict[int, Context]
) -> list[tuple[int, str]]:
    """Sentences of the body that hold a figure or a negation and gave no fact: listed, so nothing is dropped
    silently."""
    used = matched | {s["line"] for s in statements}
    out = []
    for s in report.sentences():
        ctx = contexts.get(s.paragraph.line)
        if s.paragraph.table is not None or ctx is None or (not ctx.results and not ctx.headings):
            continue
        if s.line in used or not _WORTH.search(s.text) or _HEADING.match(s.text) and len(s.text) < 80:
            continue
        if _YEAR_HEADING.match(s.text):  # "### a) Kết quả năm 2022": a heading that dates its section
            continue
        out.append((s.line, s.text))
    return out


# --------------------------------------------------------------------------------------------------- the document


class Unknown(ValueError):
    """The report does not say something a fact file needs (its unit, its date): ask for it."""

    def __init__(self, what: list[str]):
        self.what = what
        super().__init__(", ".join(what))


def missing(
    ex: Extraction, *, name: Optional[str] = None, commune_id: Optional[str] = None, as_of: Optional[dt.date] = None
) -> list[str]:
    """What the report leaves unknown that the caller did not give: 'as_of', 'name'."""
    out = []
    if ex.header.as_of is None and as_of is None:
        out.append("as_of")
    if ex.header.commune is None and name is None:
        out.append("name")
    del commune_id
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def draft_body(f: Draft) -> dict:
    """A drafted fact's value and what qualifies it, as a fact file writes them (value / items / claim, basis,
    awaiting_appraisal, document, note)."""
    body: dict[str, Any] = {}
    if f.items is not None:
        body["items"] = _plain(f.items)
    elif f.claim is not None:
        body["claim"] = f.claim
    else:
        body["value"] = _plain(f.value)
    if f.basis != "reported":
        body["basis"] = f.basis
    if f.awaiting_appraisal:
        body["awaiting_appraisal"] = True
    if f.document:
        body["document"] = _plain(f.document)
    if f.notes:
        body["note"] = "; ".join(f.notes)
    return body


def fact_data(
    ex: Extraction,
    *,
    commune_id: Optional[str] = None,
    province: Optional[str] = None,
    name: Optional[str] = None,
    as_of: Optional[dt.date] = None,
    report_file: Optional[str] = None,
    catalogue: Optional[Catalogue] = None,
    as_of_month_only: bool = False,
) -> dict:
    """The fact document (schema chitieu.facts/1) of an extraction, as plain data. Raises Unknown when the report
    leaves its as-of date or its unit unknown and the caller gave neither: a draft is never dated today."""
    unknown = missing(ex, name=name, commune_id=commune_id, as_of=as_of)
    if unknown:
        raise Unknown(unknown)
    h = ex.header
    kind = h.kind or "xã"
    unit = name or f"{kind} {h.commune}"
    bare = re.sub(rf"^(?:{_KINDS})\s+", "", unit, flags=re.I)
    # without an id or a province, the plans the title names may tell the commune's id (they say whom they cover)
    known = catalogue.commune_id_for(slug(bare), h.title or "") if catalogue and not province else None
    cid = commune_id or known or "/".join(x for x in (slug(province) if province else None, slug(bare)) if x)
    month_only = as_of_month_only if as_of is not None else h.as_of_month_only
    as_of = as_of or h.as_of
    assert as_of is not None  # missing() said Unknown otherwise
    start = dt.date(h.period_from, 1, 1) if h.period_from and h.period_from <= as_of.year else dt.date(as_of.year, 1, 1)
    commune: dict[str, Any] = {"id": cid, "name": unit}
    if province:
        commune["province"] = province
    if h.predecessor_units and not (h.merged_on and h.merged_on > as_of):
        # the units it was formed from, for its history before the merger (RULES.md): ids beside its own (not those
        # of a merger still to come: "từ ngày 01/7/2025, thị trấn A, xã B và xã C sẽ hợp nhất" in a June report)
        until = {"until": (h.merged_on - dt.timedelta(days=1)).isoformat()} if h.merged_on else {}
        commune["predecessors"] = [
            {"id": predecessor_id(cid, name), "name": f"{kind} {name}", **until} for kind, name in h.predecessor_units
        ]
    report: dict[str, Any] = {
        "title": h.title or f"Báo cáo của UBND {unit}",
        "number": h.number,
        "date": h.date or as_of.isoformat(),
        "as_of": as_of.isoformat()[:7] if month_only else as_of.isoformat(),
        "issuer": h.issuer or f"UBND {unit}",
        "period": {"from": start.isoformat(), "to": as_of.isoformat()},
    }
    if report_file:
        report["file"] = report_file
    if h.plan:
        report["plan"] = _plain(h.plan)
    facts = []
    for f in ex.facts:
        fact: dict[str, Any] = {"indicator": f.indicator, "period": f.period, **draft_body(f)}
        if f.review:
            fact["review"] = True
        fact["confidence"] = f.confidence
        fact["source"] = {"cell": f.cell, "quote": f.quote} if f.cell else {"line": f.line, "quote": f.quote}
        facts.append(fact)
    statements = []
    for s in ex.statements:
        st: dict[str, Any] = {"kind": s["kind"], "text": s["text"]}
        for key in ("theme", "rule", "cause_type"):
            if s.get(key):
                st[key] = s[key]
        if "in_summary" in s:
            st["in_summary"] = s["in_summary"]
        if s.get("review"):
            st["review"] = True
        st["source"] = {"line": s["line"], "quote": s["quote"]}
        statements.append(st)
    data: dict[str, Any] = {
        "schema": "chitieu.facts/1",
        "unreviewed": True,
        "commune": commune,
        "report": report,
        "facts": facts,
        "statements": statements,
        "unmatched": [{"line": line, "text": text} for line, text in ex.unmatched],
    }
    return data


def to_document(ex: Extraction, path: Path, **options: Any) -> YamlDoc:
    """The drafted facts as the fact document engine.facts loads — in memory, each value marked at the report's line
    (or table cell) it was read from, so every problem the checks find is said at the report's own place."""
    data = fact_data(ex, **options)
    doc = YamlDoc(path=path, data=data, text="", prefix="in the facts drafted from this report: ")
    for key in ("schema", "unreviewed", "commune", "report", "statements", "unmatched"):
        doc.marks[(key,)] = (1, 1)
    for key in data["report"]:
        doc.marks[("report", key)] = (1, 1)
    for i, f in enumerate(data["facts"]):
        line = ex.facts[i].line
        col = _col(ex.report, line, ex.facts[i].quote)
        doc.marks[("facts", i)] = (line, col)
        for key in f:
            doc.marks[("facts", i, key)] = (line, col)
    for i, s in enumerate(data["statements"]):
        doc.marks[("statements", i)] = (s["source"]["line"], 1)
    return doc


def _col(report: ReportText, line: int, quote: str) -> int:
    if not 1 <= line <= len(report.lines):
        return 1
    at = clean(report.lines[line - 1]).find(quote[:30])
    return at + 1 if at >= 0 else 1


def to_yaml(ex: Extraction, **options: Any) -> str:
    """The fact document of ``to_document`` written out for review, with comments for the reviewer."""
    data = fact_data(ex, **options)
    h = ex.header
    lines = [
        "# Bản nháp do `chitieu facts extract` sinh từ báo cáo: cần rà soát trước khi dùng.",
        "# Các số liệu có `review: true` là chỗ đọc chưa chắc chắn (`confidence` là độ tin cậy của cách đọc); cuối tệp",
        "# là các câu có số liệu hoặc “chưa …” mà không khớp chỉ số nào.",
        f"schema: {data['schema']}",
        "unreviewed: true",
        f"commune: {_q(data['commune'])}",
        "report:",
    ]
    for key, value in data["report"].items():
        if key == "date" and h.date is None:
            lines.append("  # báo cáo không ghi ngày ban hành; tạm lấy ngày số liệu")
        lines.append(f"  {key}: {_q(value) if key not in ('date', 'as_of') else value}")
    if len(h.commune_spellings) > 1 and h.commune:
        others = ", ".join(
            f"“{n}” (dòng {', '.join(map(str, ls))})" for n, ls in h.commune_spellings.items() if n != h.commune
        )
        lines.append(f"# Tên xã viết khác nhau trong báo cáo: {others}; đã chọn “{h.commune}”.")
    lines.append("facts:" if data["facts"] else "facts: []")
    lines += [f"  - {_q(f)}" for f in data["facts"]]
    lines.append("statements:" if data["statements"] else "statements: []")
    lines += [f"  - {_q(s)}" for s in data["statements"]]
    lines.append("unmatched:" if data["unmatched"] else "unmatched: []")
    lines += [f"  - {_q(u)}" for u in data["unmatched"]]
    return "\n".join(lines) + "\n"
