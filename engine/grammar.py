"""One grammar of Vietnamese report statements, shared by every indicator: how a report writes its figures.

The words that name an indicator are data (``words:`` in rules/indicators.yaml); what a figure *is* — a count, a part
of a whole, a percentage or a bound, the target a higher level assigned, the rate of that target, a claim, a zero —
is read here, once, for all of them:

- numbers in figures (``03``, ``1.085``, ``62,5``) and in words (``ba``, ``mười một``, ``02 (hai)``, ``một (01)``);
- ``N/M`` and ``N trên (tổng số) M``, the part and its whole apart (``N ấp được công nhận … trên tổng số M ấp``) or
  the whole first (``có M khóm, trong đó N khóm …``); ``đạt X%`` with a decimal comma; ``trên / hơn / dưới / gần / khoảng X%`` and
  ``từ X% trở lên`` → bounds; a plan's floor in brackets (``(từ 50% trở lên)``) is no result;
- ``giảm từ A hộ … xuống còn B hộ`` → a count of A − B;
- ``chỉ tiêu (huyện/tỉnh) giao N``, ``(N hộ)`` after it, ``N/M … theo chỉ tiêu``, ``vượt N … so với chỉ tiêu``;
- ``đạt X% chỉ tiêu``; ``vượt / hoàn thành / không đạt / chưa đạt chỉ tiêu`` (claims);
- ``chưa có … (nào)``, ``không có … nào``, ``chưa thành lập thêm …`` → 0;
- the years each clause speaks of (``năm 2023 …; năm 2024 …``, ``6 tháng đầu năm``, ``hằng năm``, ``từ năm 2023
  đến nay``), with packed sentences cut into clauses first;
- documents (``Quyết định số 88/QĐ-UBND ngày 12/5/2025``) — their numbers and dates are never figures.

Everything works on the text as ``reporttext.for_matching`` gives it, so offsets point into the quoted text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Optional

from .vi import UNIT_KINDS

# the kinds of a commune-level unit, as words of a pattern ("đặc khu" as well as "xã")
_UNITS = "|".join(k.replace(" ", r"\s+") for k in UNIT_KINDS)

# --------------------------------------------------------------------------------------------------- numbers

_DIGITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_WORD = r"(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|linh|lẻ)"
WORDS = rf"\b{_WORD}(?:\s+{_WORD}){{0,5}}\b"
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?!\d)|\d+"
# a number in figures, or in words when a word follows (not a year: "năm 2024"), optionally restated "(hai)"
NUM = (
    rf"(?:(?<![\w./-])(?:{DIGITS})(?![\w/]|[.,]\d)(?:\s*\({WORDS}\))?|{WORDS}\s*\(\s*\d+\s*\)(?=\s+[^\W\d])|"
    rf"{WORDS}(?=\s+[^\W\d]))"
)  # "02 (hai)", and the other way round "một (01)"
NUM_RX = re.compile(NUM, re.I)
_RATIO_NUM = rf"(?:(?<![\w./-])(?:{DIGITS})(?:\s*\({WORDS}\))?|{WORDS})"
_RATIO_NUM2 = rf"(?:(?:{DIGITS})(?![\w/]|[.,]\d)(?:\s*\({WORDS}\))?|{WORDS}(?=\s+[^\W\d]))"
# "năm" is five only where no time word stands before it ("đầu năm", "hằng năm", "mỗi năm")
_NOT_FIVE = re.compile(r"\b(?:đầu|cuối|trong|mỗi|hằng|hàng|các|những|của|tháng|qua|sau|nhiều|cả|từ|đến|giữa)\s+$", re.I)
# nor where one stands after it: "Năm trước (2023)", "năm nay", "năm tới"
_NOT_FIVE_AFTER = re.compile(r"\s+(?:trước|ngoái|nay|tới|sau|qua|liền)\b", re.I)
YEAR = r"(?:19|20)\d{2}"


def words_value(text: str) -> Optional[int]:
    """'mười một' → 11, 'hai mươi mốt' → 21, 'một trăm linh năm' → 105; None when the words are not a number."""
    toks = text.lower().split()
    if not toks or toks == ["không"]:
        return None
    value, last, seen = 0, None, False
    for t in toks:
        if t == "trăm":
            value += (last if last is not None else 1) * 100
            last = None
        elif t == "mười":
            if last is not None:
                return None
            value += 10
        elif t == "mươi":
            if last is None:
                return None
            value += last * 10
            last = None
        elif t in ("linh", "lẻ"):
            continue
        else:
            if last is not None or t not in _DIGITS:
                return None  # "hai ba": two digits in a row are not one number; "hình" is none
            last = _DIGITS[t]
        seen = True
    return value + (last or 0) if seen else None


def number_value(text: str) -> Optional[Decimal]:
    """The value of a number as written: '3.390' → 3390, '62,5' → 62.5, '02 (hai)' → 2, 'mười một' → 11."""
    text = re.sub(r"\s*\(.*\)\s*$", "", text.strip())
    if re.search(r"\d", text):
        t = text.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", ".")
        try:
            return Decimal(t)
        except InvalidOperation:
            return None
    v = words_value(text)
    return None if v is None else Decimal(v)


# --------------------------------------------------------------------------------------------------- masking

_KINDS = (
    r"Kế hoạch liên tịch|Kế hoạch|Quyết định|Thông báo|Quy chế phối hợp|Quy chế|Công văn|Nghị quyết|Chỉ thị|"
    r"Hướng dẫn|Tờ trình|Đề án|Chương trình|Báo cáo|QĐ|KH"
)
_DOCNUM = r"[\w./&\-]+(?:\s*&\s*[\w./&\-]+)?"
DOCUMENT = re.compile(
    # a number after the kind is the document's when "số" says so or it is coded ("12/KH-UBND"): "kế hoạch 25 hộ"
    # is the plan's figure, not a document
    rf"\b(?P<kind>{_KINDS})(?: liên tịch)? (?:số:?\s*|số\s*|(?=\d[\w.]*[/-]))(?P<number>\d[\w./&\-]*(?:\s*&\s*[\w./&\-]+)?"
    rf"(?:(?:\s*,\s*(?:số\s*)?|\s+và\s+(?:số\s*)?)\d[\w./&\-]*)*)"
    rf"(?:,?\s*(?:cùng\s+)?ngày:?\s*(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}))?",
    re.I,
)
# a regulation cited by its number alone, its kind said once for a list of them or only by its code ("các quy chế phối
# hợp đã ký: số 01/QC-UBND …; số 02/QC-UBND …", "Hội Nông dân (số 08/QC-UBND-HND)"): the code names the kind
CODED_REGULATION = re.compile(
    r"(?<![\w/])số:?\s*(?P<number>\d+/(?P<kind>QC)(?:PH)?(?:[-/][\w&.\-]*)?)"
    r"(?:,?\s*(?:cùng\s+)?ngày:?\s*(?P<date>\d{1,2}/\d{1,2}/\d{4}))?"
)
_CODE = re.compile(r"(?<![\w])\d+(?:[/-][\w&.]*[A-ZĐ][\w&.\-]*)+", re.U)
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_MONTH = re.compile(r"\b(?:tháng|quý)\s+[\dIV]{1,4}/\d{4}\b|\b\d{1,2}/\d{4}\b", re.I)
_PERIOD_WORDS = re.compile(
    rf"\bgiai đoạn\s+{YEAR}\s*[-–]\s*{YEAR}\b|\b(?:khu|khóm|ấp|thôn|xóm|tổ dân phố|khu phố)\s+(?:số\s+)?\d+\b(?!\s*/)|"
    r"\b\d+\s+(?:tạ|tấn|km|m2|m²|ha|tỷ|triệu|km2|km²|người|nhân khẩu|khẩu|lượt|ngày công|buổi|"
    r"cuộc|gian hàng|tờ rơi|cây|điểm|lớp|đơn|vụ|tháng|không)\b|\bmức độ\s+\d\b|\b\d+G\b",
    re.I,
)


_ENUMERATION = re.compile(r"^\W*(?:\d+(?:\.\d+)*[.)]|[IVX]+\.|[a-zđ]\))(?=\s)")
_YEAR_RX = re.compile(rf"(?<![\d.,/]){YEAR}(?![\d/]|[.,]\d)")


def masked(text: str, *, keep_time: bool = False) -> str:
    """``text`` with every number that is no figure (in a document's number or date, a year, a month, a period, a
    code, a quantity of another kind: tấn, ha, lượt…) replaced by '#', one character for one. ``keep_time`` keeps
    the years, months and dates outside documents (for reading what time a clause speaks of)."""
    out = list(text)
    for rx in (
        (DOCUMENT, _CODE, _ENUMERATION)
        if keep_time
        else (DOCUMENT, _CODE, _ENUMERATION, _DATE, _MONTH, _PERIOD_WORDS, _YEAR_RX)
    ):
        for m in rx.finditer(text):
            for i in range(m.start(), m.end()):
                if out[i].isdigit():
                    out[i] = "#"
    return "".join(out)


def parse_document(text: str, at: int = 0) -> Optional[dict]:
    m = DOCUMENT.search(text, at)
    return document_of(m) if m else None


_KIND_NAMES = {"qđ": "Quyết định", "kh": "Kế hoạch", "qc": "Quy chế"}


def document_of(m: re.Match) -> dict:
    kind = m.group("kind")
    kind = _KIND_NAMES.get(kind.lower(), kind[:1].upper() + kind[1:])
    doc = {"kind": kind, "number": m.group("number").strip(" ,.;")}
    date = to_date(m.group("date"))
    if date:
        doc["date"] = date
    return doc


def document_numbers(m: re.Match) -> list[str]:
    """The numbers a document reference lists: 'số 01/…, số 02/… và số 03/…' or '340, 112, 113' → each."""
    return [n for n in re.split(r"\s*,\s*(?:số\s*)?|\s+và\s+(?:số\s*)?", m.group("number")) if n.strip()]


def to_date(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    try:
        d, m, y = (int(x) for x in text.split("/"))
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------------- figures

_QUAL = {
    "trên": "gt",
    "hơn": "gt",
    "cao hơn": "gt",
    "ít nhất": "gte",
    "tối thiểu": "gte",
    "không dưới": "gte",
    "không thấp hơn": "gte",
    "dưới": "lt",
    "chưa đến": "lt",
    "chưa tới": "lt",
    "không tới": "lt",
    "gần": "lt",
    "tối đa": "lte",
    "không quá": "lte",
    "không vượt quá": "lte",
    "khoảng": "approx",
    "ước": "approx",
    "ước đạt": "approx",
    "xấp xỉ": "approx",
    "trung bình": "approx",
}
_QUAL_RX = "|".join(sorted((re.escape(q) for q in _QUAL), key=len, reverse=True))
_PERCENT = re.compile(
    rf"(?:\b(?P<q>{_QUAL_RX})\s+)?(?P<from>\btừ\s+)?(?P<n>{NUM})\s*(?:%|phần trăm)"
    rf"(?P<up>\s+trở lên)?",
    re.I,
)
_RATIO = re.compile(
    rf"(?P<a>{_RATIO_NUM})\s*(?:/\s*|\s+trên\s+(?:tổng\s+số\s+)?)(?P<b>{_RATIO_NUM2})"
    # its unit after it, or — a ratio ending the clause, labelled ("năm 2022 là 48/53;"), never a day and month
    rf"(?=\s*[^\W\d]|\s*\)|(?P<end>\s*(?:[;,.]\s|[;,.]?\s*$)))",
    re.I,
)
_LABELLED = re.compile(r"\b(?:là|đạt)\s*:?\s*$", re.I)
# the part and its whole apart in one clause: "08 ấp được công nhận ấp văn hóa trên tổng số 09 ấp" (the words between
# hold no figure), and the whole first: "có 07 khóm, trong đó 06 khóm được công nhận …" (the same unit again)
_RATIO_APART = re.compile(
    # (the words between never open on a number word: "mười hai trên tổng số mười bốn thôn" is twelve, not ten)
    rf"(?P<a>{NUM})(?P<gap>\s+(?!{_WORD}\b)[^\W\d][^\d;:()%]{{0,80}}?)\s+trên\s+tổng\s+số\s+(?:(?:là|có)\s+)?"
    rf"(?P<b>{NUM})",
    re.I,
)
# a result over its target with the unit written on both sides: "giảm 41 hộ nghèo/38 hộ theo chỉ tiêu huyện giao"
_UNIT_SLASH = re.compile(
    rf"(?P<a>{NUM})\s+(?P<u>[^\W\d]+)(?:\s+[^\W\d]+)?\s*/\s*(?P<b>\d{{1,3}}(?:\.\d{{3}})+|\d+)\s+(?P=u)\b", re.I
)
# a decrease written as the count before and after: "số hộ nghèo giảm từ 45 hộ đầu năm xuống còn 38 hộ" → 7
_FROM_TO = re.compile(
    rf"\bgiảm\s+từ\s+(?P<a>{NUM})\s+(?P<u>[^\W\d]+(?:\s+[^\W\d]+)?)\b[^\d;%]{{0,40}}?\s+xuống\s+(?:còn\s+)?"
    rf"(?P<b>{NUM})\s+(?P=u)\b",
    re.I,
)
# a count qualified as the stock at the start of the period, or held now ("19 hộ nghèo đầu năm", "… hiện có")
_STOCK_AT_START = re.compile(r"\s+(?:[^\W\d]+\s+){0,3}?(?:đầu năm|đầu kỳ|cuối năm trước|hiện có)\b", re.I)
_WHOLE_FIRST = re.compile(
    rf"(?P<b>{NUM})\s+(?P<u>[^\W\d]+(?:\s+[^\W\d]+){{0,2}}?)\s*,\s*trong\s+đó(?:\s+(?:có|là))?\s+(?P<a>{NUM})\s+(?P=u)\b",
    re.I,
)


@dataclass
class Figure:
    """A figure of a clause, and the role the grammar gives it there."""

    role: str  # count | part | whole | percent | of_target | target | floor | change | other
    value: Decimal
    start: int  # offsets in the clause
    end: int  # where a unit may follow (after the last number)
    bound: Optional[str] = None  # gt | gte | lt | lte for a bound; approx for an approximate value
    words: bool = False  # written in words
    pair: Optional["Figure"] = None  # the other half of a ratio
    text: str = ""

    @property
    def is_zero(self) -> bool:
        return self.role == "count" and self.text == ""


_CHI_TIEU = re.compile(r"\b(?:chỉ tiêu|kế hoạch|KH)\b", re.I)
# (not the result of one: "Kết quả thực hiện chỉ tiêu năm 2024: giảm 05 hộ nghèo")
# "chỉ tiêu" before a figure, with no result ("đạt") nor remainder ("hoàn thành chỉ tiêu tỉnh giao, hiện còn 39 hộ
# nghèo": the poor households left, never the target) between them
# (not past what was done: "Chỉ tiêu giảm hộ nghèo: thực hiện giảm 21 hộ" is the result)
_TARGET_LEAD = re.compile(
    # (not across a comma to what was done: "hoàn thành chỉ tiêu huyện giao, giảm 47 hộ nghèo", "… vượt 03 hộ so với
    # chỉ tiêu huyện giao, số hộ cận nghèo giảm 17 hộ")
    r"(?<!kết quả )(?<!thực hiện )\bchỉ tiêu\b"
    r"(?:(?!\d|%|;|\bđạt\b|\bcòn\b|\bthực hiện\b|\bthực tế\b|\bkết quả\b|\bcùng kỳ\b"
    r"|,\s*(?:số\s+hộ(?:\s+\w+){0,2}\s+)?(?:đã\s+)?(?:giảm|thành lập|công nhận)\b).)"
    r"{0,45}$",
    re.I,
)
# the plan's figure said as such before what was done: "Kế hoạch giảm 18 hộ, thực hiện giảm 21 hộ", "Kế hoạch năm 2023
# giao 02 mô hình, thực hiện 03 mô hình" (not a plan by its number, "Kế hoạch số 12/KH-UBND")
_PLAN_LEAD = re.compile(
    rf"\bkế hoạch(?:\s+năm\s+(?:{YEAR}|####))?(?:\s+(?:huyện|tỉnh|thành phố|quận)?\s*(?:giao|đề ra))?"
    r"(?:\s+(?:là\s+)?(?:giảm|thành lập|xây dựng|công nhận|đạt))?\s*:?\s*$",
    re.I,
)
_OVER_TARGET = re.compile(
    r"\bvượt\s+(?:so với\s+)?(?:chỉ tiêu|kế hoạch)(?:\s+(?:(?:của\s+)?(?:huyện|tỉnh|thành phố|quận|thị xã|cấp trên)\s+)?"
    r"(?:đã\s+)?giao)?\s*$",
    re.I,
)
# a result over the target given, said as a share of it ("giảm 11 hộ nghèo trên tổng số 10 hộ tỉnh giao")
_OUT_OF_GIVEN = re.compile(r"\btrên\s+(?:tổng\s+số\s+)?$", re.I)
# a target restated in another measure ("giảm 4% tỷ lệ hộ nghèo, tương đương 36 hộ") in a clause that opens on it
_EQUIVALENT = re.compile(r"\btương (?:đương|ứng)\s*(?:với\s+)?$", re.I)
_REDUCTION_BEFORE = re.compile(r"\bgiảm\b(?![^;]*\bcòn\b)", re.I)
_TARGET_OPENS = re.compile(r"^\W*chỉ tiêu\b(?![^.;]{0,60}\b(?:đã|đạt|kết quả)\b)", re.I)
# a figure the target is said of: "… chỉ tiêu 30 hộ được giao", "chỉ tiêu 05 hộ huyện giao"
_GIVEN_AFTER = re.compile(
    r"\s+(?:hộ|mô hình|hồ sơ)?(?:\s+nghèo)?\s*(?:(?:được|đã được|do)\s+)?(?:(?:huyện|tỉnh|thành phố|cấp trên)\s+)?giao\b",
    re.I,
)
# a change on an earlier time, not the figure itself: "tăng 01 tuyến so với cuối năm 2024", "nhiều hơn năm 2023 một bản",
# "Chỉ tiêu huyện giao năm 2025 ít hơn năm 2024 một hộ" (a fall is left alone: "giảm 05 hộ nghèo so với đầu năm" is a
# result of its own)
_RISE = re.compile(r"\btăng(?:\s+(?:thêm|được|lên))?\s*$", re.I)
_MORE_OR_LESS_THAN = re.compile(
    r"\b(?:nhiều|ít)\s+hơn\s+(?:so\s+với\s+)?(?:(?:cuối|đầu)\s+)?(?:năm\s+(?:####|trước|ngoái|liền\s+trước)|cùng\s+kỳ)"
    r"(?:\s+năm\s+####)?\s*$",
    re.I,
)
_CHANGE_TAIL = re.compile(
    r"^\s*[^\W\d]+(?:\s+[^\W\d]+){0,3}?\s+so\s+với\s+(?:(?:cuối|đầu|cả)\s+)?(?:năm|cùng\s+kỳ|kỳ|thời\s+điểm)\b",
    re.I,
)
_DIFF_LEAD = re.compile(r"\b(?P<w>vượt|thiếu|hụt)\s*$", re.I)
_DIFF_IN_BRACKET = re.compile(r"\b(?:chỉ tiêu|kế hoạch)\b[^()]{0,40}\(\s*(?P<w>vượt|thiếu|hụt)\s*$", re.I)
# a rise written as the figure before and after it: "tăng từ 02 tuyến (năm 2023) lên 07 tuyến", "từ 12 lên 15 thôn"
_RISE_FROM = re.compile(r"\b(?:tăng|nâng|tăng lên)?\s*từ\s*$", re.I)
_RISE_TO = re.compile(r"[^\d;]{0,40}?\blên\s+(?:thành\s+|đến\s+)?\d", re.I)
_DIFF_TAIL = re.compile(r"^\s*[^\W\d]+(?:\s+[^\W\d]+)?\s+so với\s+(?:chỉ tiêu|kế hoạch)", re.I)
# the plan's figure in brackets after a result: "đạt 124% kế hoạch (kế hoạch 25 hộ)", "(KH giao: 06 hộ)", "(kế hoạch
# huyện giao năm 2024 là 12 hộ)"
_PLAN_IN_BRACKETS = re.compile(
    r"\(\s*(?:kế hoạch|KH)(?:\s+năm\s+(?:(?:19|20)\d{2}|####))?(?:\s+(?:huyện|tỉnh|thành phố|quận|thị xã|cấp trên))?"
    r"(?:\s+(?:giao|đề ra))?(?:\s+năm\s+(?:(?:19|20)\d{2}|####))?\s*:?\s*(?:là\s+)?$",
    re.I,
)
# N/M of households judged against a target: "… theo chỉ tiêu", "18/16 hộ, vượt chỉ tiêu huyện giao"
_BY_TARGET = re.compile(
    r"^[^;(]{0,25}?\btheo\s+chỉ tiêu\b|"
    r"^\s*hộ\b[^;(]{0,25}?\b(?:vượt|đạt|hoàn thành|không đạt|chưa đạt)\s+(?:\d+(?:,\d+)?\s*%\s+)?chỉ tiêu\b",
    re.I,
)
# a target stated by the level that gives it, with its year and whom it is for: "Huyện giao chỉ tiêu năm 2025 giảm 15
# hộ nghèo", "Chỉ tiêu tỉnh giao năm 2025 cho xã A (tổng hợp chỉ tiêu của 03 xã cũ) là giảm 24 hộ nghèo", "Thành phố
# giao năm 2024 giảm 03 hộ nghèo" — the year, the unit it is for and an aside are no result between them
_UP = "A-ZĐ" + "".join(sorted({c for c in map(chr, range(0xC0, 0x1F00)) if c.isupper() and c.isalpha()}))
# the giver, by its kind and perhaps its name ("huyện Thanh Bình giao …", "UBND tỉnh Đồng Tháp giao …")
_GIVER = (
    r"(?:(?:huyện|tỉnh|thành phố|quận|thị xã|cấp trên|UBND\s+(?:huyện|tỉnh|thành phố|thị xã))"
    rf"(?:\s+(?-i:[{_UP}])\w*){{0,3}})"
)
_TARGET_STATED = re.compile(
    # the target's topic may stand between "chỉ tiêu" and its giver ("Chỉ tiêu giảm nghèo UBND tỉnh giao … là 62 hộ")
    # and its year before the giver ("Chỉ tiêu giảm nghèo năm 2024 huyện giao cho thị trấn là 08 hộ")
    rf"(?:\bchỉ\s+tiêu\s+(?P<topic>giảm\s+(?:hộ\s+)?nghèo\s+)?(?:năm\s+(?:(?:19|20)\d{{2}}|####)\s+)?"
    rf"(?:(?:của\s+)?{_GIVER}\s+)?(?:đã\s+)?giao"
    rf"|\b{_GIVER}\s+(?:đã\s+)?giao(?:\s+chỉ\s+tiêu)?)"
    r"(?:\s+(?:năm\s+)?(?:(?:19|20)\d{2}|####))?"
    # whom it is for: "cho xã A", "đối với phường", or the unit right after "giao" ("huyện giao xã giảm 05 hộ")
    rf"(?:\s+(?:(?:cho|đối với)\s+[^,;.()\d]{{1,40}}?|(?:{_UNITS})(?:\s+[^,;.()\d\s]+){{0,3}}?))?"
    r"(?:\s+(?:năm\s+)?(?:(?:19|20)\d{2}|####))?(?:\s*\([^()]{0,80}\))?"
    r"(?:(?:\s+là|\s*:)?\s+(?:giảm|thoát nghèo)(?:\s+(?:được|số))?|(?(topic)\s+là|(?!)))\s*$",
    re.I,
)


def figures(text: str) -> list[Figure]:
    """The figures of one clause (``text`` as ``masked`` leaves it), each with its role."""
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _PERCENT.finditer(text):
        value = number_value(m.group("n"))
        if value is None:
            continue
        q = (m.group("q") or "").lower()
        bound = "gte" if m.group("from") and m.group("up") else _QUAL.get(q)
        before, after = text[max(0, m.start() - 60) : m.start()], text[m.end() : m.end() + 40]
        if re.search(r"\(\s*$", before) and _CHI_TIEU.search(before[-45:]):
            role = "floor"  # "… chỉ tiêu Kế hoạch đề ra (50%)", "(từ 50% trở lên)"
        # (the plan's goal said as "mục tiêu": "đạt 220% so với mục tiêu giai đoạn", not "Chương trình mục tiêu
        # quốc gia")
        elif re.match(r"\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|KH|mục tiêu(?!\s+quốc gia))\b", after, re.I) or re.match(
            r"\s*số\s+(?!tỷ lệ)[^\W\d]+(?:\s+[^\W\d]+){0,3}?\s+theo\s+(?:chỉ tiêu|kế hoạch)\b", after, re.I
        ):
            # "giảm được 50% số hộ nghèo theo chỉ tiêu thành phố giao": the share of the target's count
            role = "of_target"
        elif re.search(
            r"\b(?:giảm(?:\s+được)?|thoát nghèo(?:\s+được)?)\s+\d+\s*/\s*\d+\s*(?:hộ(?:\s+nghèo)?\s*)?"
            r"\(\s*(?:đạt\s+)?(?:tỷ lệ\s+)?$",
            before,
            re.I,
        ):
            # "năm 2024 giảm 35/40 hộ (đạt 87,5%)": the households lifted out of the target's, and its share
            role = "of_target"
        elif re.search(
            r"\briêng\b[^,;:]{0,80}\bchiếm(?:\s+tỷ\s+lệ)?\s*$", text[max(0, m.start() - 120) : m.start()], re.I
        ):
            role = (
                "other"  # "riêng hồ sơ trực tuyến toàn trình chiếm 31,2%": the share of a subset, set apart by "riêng"
            )
        elif re.search(r"\bchiếm(?:\s+tỷ\s+lệ)?\s*$", before, re.I):
            # a share of a whole just named ("3.684 hồ sơ, trong đó hồ sơ trực tuyến là 2.951 hồ sơ, chiếm 80,1%"): a
            # percentage of its own measure, never a rate of a target
            role = "percent"
        elif re.search(r"\bđạt\s*$", before, re.I) and re.search(
            r"\b(?:kế hoạch|chỉ tiêu)\b[^;%]{0,90},\s*thực hiện\b[^;%]{0,40}$",
            text[max(0, m.start() - 150) : m.start()],
            re.I,
        ):
            role = "of_target"  # "Kế hoạch năm 2023 giao 02 mô hình, thực hiện 03 mô hình, đạt 150%": done over planned
        elif re.search(r"\b(?:còn|tăng|giảm)\s*$", before, re.I) or re.match(r"\s*điểm", after):
            role = "other"
        elif re.search(r"\bđiểm\s*$", before):
            role = "other"
        else:
            since = before[max((before.rfind(x) for x in (";", "%")), default=-1) + 1 :]
            # "… theo chỉ tiêu huyện giao, đạt tỷ lệ 75%": a bare "tỷ lệ" right before the figure is the target's rate;
            # "tỷ lệ hộ nghèo còn …" names a measure of its own
            own = re.search(r"\btỷ lệ\b(?!\s*(?:là\s*)?$)", since, re.I)
            role = "of_target" if _CHI_TIEU.search(since) and not own else "percent"
        out.append(Figure(role, value, m.start(), m.end(), bound, not re.search(r"\d", m.group("n")), text=m.group(0)))
        taken.append((m.start(), m.end()))
    for m in _FROM_TO.finditer(text):
        a, b = number_value(m.group("a")), number_value(m.group("b"))
        if a is None or b is None or a <= b or not free(m.start(), m.end()):
            continue
        out.append(Figure("count", a - b, m.start("a"), m.end("b"), text=f"{m.group('a')} → {m.group('b')}"))
        taken.append((m.start("a"), m.end("b")))
    for rx in (_RATIO_APART, _WHOLE_FIRST):
        for m in rx.finditer(text):
            a, b = number_value(m.group("a")), number_value(m.group("b"))
            if a is None or b is None or a > b or not free(m.start(), m.end()):
                continue
            before = text[max(0, m.start() - 20) : m.start()]
            by_target = re.search(r"\bgiảm(?:\s+được)?\s*:?\s*$", before, re.I) or _BY_TARGET.match(text[m.end("b") :])
            part = Figure(
                "count" if by_target else "part",
                a,
                m.start("a"),
                m.end("a"),
                words=not re.search(r"\d", m.group("a")),
                text=m.group("a"),
            )
            # "giảm được 07 hộ nghèo trên tổng số 19 hộ nghèo đầu năm": the whole is the stock the year began with,
            # no target
            stock = by_target and _STOCK_AT_START.match(text[m.end("b") :])
            whole = Figure(
                "other" if stock else "target" if by_target else "whole", b, m.start("b"), m.end("b"), text=m.group("b")
            )
            part.pair, whole.pair = whole, part
            out += [part, whole]
            taken += [(m.start("a"), m.end("a")), (m.start("b"), m.end("b"))]
    for m in _UNIT_SLASH.finditer(text):
        a, b = number_value(m.group("a")), number_value(m.group("b"))
        before = text[max(0, m.start() - 20) : m.start()]
        if a is None or b is None or not free(m.start(), m.end()):
            continue
        if not (re.search(r"\bgiảm(?:\s+được)?\s*:?\s*$", before, re.I) or _BY_TARGET.match(text[m.end() :])):
            continue  # only a result over its target ("giảm 41 hộ nghèo/38 hộ"); a part of a whole is written "9/10"
        part = Figure("count", a, m.start("a"), m.end("a"), text=m.group("a"))
        whole = Figure("target", b, m.start("b"), m.end("b"), text=m.group("b"))
        part.pair, whole.pair = whole, part
        out += [part, whole]
        taken += [(m.start("a"), m.end("a")), (m.start("b"), m.end("b"))]
    for m in _RATIO.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a, b = number_value(m.group("a")), number_value(m.group("b"))
        if a is None or b is None:
            continue
        if m.group("end") is not None and not (_LABELLED.search(text[: m.start()]) and a <= b and "/" in m.group(0)):
            continue  # "… ngày 10/12": a day and month, not a part of a whole
        before = text[max(0, m.start() - 20) : m.start()]
        by_target = re.search(r"\bgiảm(?:\s+được)?\s*:?\s*$", before, re.I) or _BY_TARGET.match(text[m.end() :])
        part = Figure(
            "count" if by_target else "part",
            a,
            m.start(),
            m.end(),
            words=not re.search(r"\d", m.group("a")),
            text=m.group(0),
        )
        whole = Figure("target" if by_target else "whole", b, m.start(), m.end(), text=m.group(0))
        part.pair, whole.pair = whole, part
        out += [part, whole]
        taken.append((m.start(), m.end()))
    for m in NUM_RX.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = number_value(m.group(0))
        before = text[max(0, m.start() - 60) : m.start()]
        if value is None or (not re.search(r"\d", m.group(0)) and _NOT_FIVE.search(before)):
            continue
        if m.group(0).lower() == "năm" and _NOT_FIVE_AFTER.match(text, m.end()):
            continue
        if not re.search(r"\d", m.group(0)) and re.match(r"\s+tháng\b", text[m.end() :], re.I):
            continue  # "Sáu tháng cuối năm 2025": a part of a year in words (in digits the mask took it)
        q = re.search(rf"\b({_QUAL_RX})\s+$", before, re.I)
        bound = _QUAL.get(q.group(1).lower()) if q else None
        if (_RISE.search(before) and _CHANGE_TAIL.match(text[m.end() :])) or _MORE_OR_LESS_THAN.search(before):
            role = "change"  # the change on an earlier time: never the figure, nor a target ("chỉ tiêu … ít hơn …")
        elif _RISE_FROM.search(before) and _RISE_TO.match(text, m.end()):
            # "tăng từ 02 tuyến (năm 2023) lên 07 tuyến hiện nay": the earlier figure a rise starts from, never the
            # figure now (the one after "lên" is)
            role = "change"
        elif _OVER_TARGET.search(before) and not _GIVEN_AFTER.match(text, m.end()):
            role = "over"  # "vượt chỉ tiêu huyện giao 01 hộ": by how much, not the target (that is "(05 hộ)")
        elif _OVER_TARGET.search(before):
            role = "target"  # "vượt chỉ tiêu 30 hộ được giao": the target given, exceeded
        elif _OUT_OF_GIVEN.search(before) and _GIVEN_AFTER.match(text, m.end()):
            # "giảm 11 hộ nghèo trên (tổng số) 10 hộ tỉnh giao": what was given, the result over it ("trên" no bound)
            role, bound = "target", None
        elif _EQUIVALENT.search(before) and _TARGET_OPENS.match(text) and _REDUCTION_BEFORE.search(before):
            # "Chỉ tiêu năm 2024 huyện giao: giảm 4% tỷ lệ hộ nghèo, tương đương 36 hộ" — a reduction, not what is
            # to remain ("tỷ lệ hộ nghèo còn dưới 3%, tương đương 25 hộ")
            role = "target"
        elif re.search(
            rf"\bso với\s+(?:cùng kỳ\s+)?(?:năm\s+)?(?:{YEAR}|####)\s*\(\s*(?:giảm|có|là|đạt)?\s*$", before, re.I
        ):
            role = "count"  # "…, tăng 12 hộ so với cùng kỳ năm 2024 (31 hộ)": the earlier year's figure, no target
        elif (diff := _DIFF_IN_BRACKET.search(before)) is not None:
            # "hoàn thành vượt chỉ tiêu huyện giao (vượt ba hộ)": by how much, in brackets after the claim
            role = "over" if diff.group("w").lower() == "vượt" else "under"
        elif (
            _TARGET_LEAD.search(before)
            or _PLAN_LEAD.search(before)
            or _TARGET_STATED.search(text[max(0, m.start() - 160) : m.start()])
            # "đạt 116,7% chỉ tiêu (kế hoạch) huyện giao (12 hộ)": the target in brackets after it (not a plan by its
            # number, "Kế hoạch số 48/KH-UBND (…)")
            or re.search(r"\b(?:chỉ tiêu|kế hoạch(?!\s+số\b))\b[^()]{0,40}\(\s*$", before, re.I)
            or _PLAN_IN_BRACKETS.search(before)
        ):
            role = "target"
        elif (diff := _DIFF_LEAD.search(before)) and _DIFF_TAIL.match(text[m.end() :]):
            role = "over" if diff.group("w").lower() == "vượt" else "under"
        else:
            role = "count"
        words = not re.search(r"\d", m.group(0))
        out.append(Figure(role, value, m.start(), m.end(), bound, words, text=m.group(0)))
        if role == "count" and bound is None and _EQUAL_TO_TARGET.match(text, m.end()):
            # "giảm 03 hộ nghèo, bằng chỉ tiêu quận giao": the result is the target's figure too
            out.append(Figure("target", value, m.start(), m.end(), None, words, text=m.group(0)))
    out.sort(key=lambda f: (f.start, f.role != "part"))
    return out


# a count followed by its unit and "bằng chỉ tiêu … giao" ("giảm 03 hộ nghèo, bằng chỉ tiêu quận giao"; not "bằng 80%
# chỉ tiêu", a rate)
_EQUAL_TO_TARGET = re.compile(
    r"(?:\s+[^\W\d]+){1,3}\s*,?\s+(?:đúng\s+)?bằng\s+(?:với\s+)?chỉ tiêu(?:\s+[^\W\d,;.]+){0,5}?\s+giao\b", re.I
)
_CLAIM = re.compile(
    r"(?P<neg>\b(?:không|chưa)\s+)?\b(?P<verb>vượt|hoàn thành|đạt|bằng)\s+(?:được\s+)?"
    r"(?:so với\s+)?(?P<what>chỉ tiêu|kế hoạch)\b",
    re.I,
)


def claims(text: str) -> list[tuple[int, str]]:
    """(offset, 'achieved' | 'not_achieved') for each claim of a clause: 'vượt chỉ tiêu', 'không đạt chỉ tiêu'."""
    return [(m.start(), "not_achieved" if m.group("neg") else "achieved") for m in _CLAIM.finditer(text)]


NEGATION = re.compile(r"\b(?:chưa|không)\b", re.I)
_NEG_FILLER = {
    "có",
    "thêm",
    "được",
    "thành",
    "lập",
    "xây",
    "dựng",
    "công",
    "nhận",
    "hình",
    "giảm",
    "tổ",
    "chức",
    "một",
    "bất",
    "kỳ",
    "ai",
}


def negated_at(text: str, at: int, verbs: tuple[str, ...] = ()) -> Optional[int]:
    """Where a negation ('chưa', 'không') governs the words at ``at`` — 'chưa có', 'không có', 'chưa thành lập
    thêm', 'chưa công nhận được' directly before them — or None."""
    head = text[max(0, at - 50) : at]
    m = None
    for m in NEGATION.finditer(head):  # noqa: B007 — the last negation before the figure is the one kept
        pass
    if m is None:
        return None
    between = head[m.end() :].lower().split()
    allowed = set(_NEG_FILLER)
    for v in verbs:
        allowed.update(v.lower().split())
    if len(between) <= 5 and all(w in allowed for w in between):
        return max(0, at - 50) + m.start()
    return None


# --------------------------------------------------------------------------------------------------- years


@dataclass
class When:
    """The time a clause (or a stretch of it) speaks of."""

    years: list[int] = field(default_factory=list)
    span: Optional[tuple[int, int]] = None
    every: bool = False  # "hằng năm … đều": each year of the report
    current: bool = False  # "6 tháng đầu năm", "trong năm": the report's own year
    part: bool = False  # "9 tháng năm 2023", "6 tháng đầu năm 2023": some months of the year named, not all of it
    dated: bool = False  # a day or month of the year ("ngày 15/10/2024", "tháng 11/2023"): when an act was done
    at: int = 0  # offset in the clause
    compared: bool = False  # the year a change is measured from ("tăng 01 mô hình so với năm 2023 và đạt 133,3% …")
    same_months: bool = False  # "cùng kỳ năm 2023": the report's own months of that year (all of it in a year's report)

    @property
    def empty(self) -> bool:
        """No time a figure can be given: none named, or only the earlier year it is compared with."""
        return self.compared or not (self.years or self.span or self.every or self.current)


_YEARS = re.compile(
    # "năm 2022, 2023 và năm 2024", "cuối năm 2023 và cuối năm 2024"
    rf"\bnăm\s+(?P<y>{YEAR})\b(?P<more>(?:\s*(?:,|và)\s*(?:(?:cuối|đầu)\s+)?(?:năm\s+)?{YEAR}\b)*)(?!\s*[-–]\s*{YEAR})",
    re.I,
)
_SPAN = re.compile(
    rf"\b(?:(?:lũy|luỹ)\s+kế\s+)?từ\s+(?:năm\s+)?(?P<a>{YEAR})\s*(?:đến|-|–)\s*"
    rf"(?:hết\s+)?(?:(?:cuối\s+)?năm\s+|tháng\s+\d{{1,2}}/|quý\s+[IV\d]+\s*(?:/|năm\s+))?(?P<b>{YEAR}|nay|hiện nay)\b|"
    rf"\b(?:năm|giai\s+đoạn|(?:lũy|luỹ)\s+kế)\s+(?:(?:từ\s+)?năm\s+)?(?P<c>{YEAR})\s*[-–]\s*(?:năm\s+)?(?P<d>{YEAR})\b|\(\s*(?P<e>{YEAR})\s*[-–]\s*(?P<f>{YEAR})\s*\)|"
    rf"\b(?:qua|sau(?:\s+(?:gần|hơn))?)\s+(?P<n>{NUM})\s+năm\b(?!\s+(?:nữa|tới))|\btừ\s+năm\s+(?P<g>{YEAR})\s+đến\s+nay\b",
    re.I,
)
_DATED = re.compile(
    rf"^\W*(?:ngày\s+)?\d{{1,2}}/\d{{1,2}}/(?P<y>{YEAR})\b|\btháng\s+\d{{1,2}}/(?P<m>{YEAR})\b|"
    rf"\bquý\s+[IV\d]+/(?P<q>{YEAR})\b",
    re.I,
)
_BARE = re.compile(rf"^\W*(?P<y>{YEAR})\b(?!\s*[/-])")
# last year named by its number in brackets: "Năm trước (2023), xã giảm …", "năm ngoái (năm 2023)"
_LAST_YEAR = re.compile(rf"\bnăm\s+(?:trước|ngoái|liền trước)\s*\(\s*(?:năm\s+)?(?P<y>{YEAR})\s*\)", re.I)
_CURRENT = re.compile(
    r"\b(?:trong năm|từ đầu năm(?: đến nay)?|đầu năm|cuối năm|\d+ tháng (?:đầu|cuối) năm|"
    rf"(?:sáu|chín|mười) tháng đầu năm)\b(?!\s+{YEAR})",
    re.I,
)
# "mỗi năm" only with the "đều" that makes it a statement of each year ("mỗi năm … đều ký"), not a quota ("mỗi năm
# ít nhất 01 mô hình")
# — and "các năm" of a span with its "đều" ("Các năm từ 2022 đến 2025, UBND xã đều ban hành …")
_EVERY = re.compile(
    r"\b(?:hằng|hàng)\s+năm\b|\b(?:mỗi\s+năm|các\s+năm(?=\s+từ\s+(?:năm\s+)?(?:19|20)\d\d))\b(?=[^.;]{0,80}?\bđều\b)",
    re.I,
)
# the months before "năm YYYY" that make it a part of that year ("9 tháng", "06 tháng đầu", "quý III")
# — and "cùng kỳ" (the same months of an earlier year: "cao hơn cùng kỳ năm 2023 (48,2%)")
_MONTHS_OF = re.compile(
    r"\b(?:\d{1,2}|ba|sáu|chín|mười|mười một)\s+tháng(?:\s+(?:đầu|cuối))?\s*$|\bquý\s+[IV\d]+\s*$|\bcùng\s+kỳ\s*$",
    re.I,
)


# the words before a year that make it the base of a comparison ("so với (cùng kỳ) năm 2023", "bằng cùng kỳ năm 2023",
# "cao hơn năm 2023")
_COMPARED_WITH = re.compile(r"\b(?:so\s+với|bằng|hơn)\s+(?:cùng\s+kỳ\s+|(?:cuối|đầu)\s+)?$", re.I)


# since the unit was formed ("Từ khi thành lập đến nay, xã đã công nhận 04 mô hình"): a span from the year it was formed
_SINCE_FORMED = re.compile(
    r"\b(?:(?:kể\s+)?từ\s+(?:khi|ngày)|sau\s+khi)\s+(?:được\s+)?(?:thành\s+lập|sáp\s+nhập|sắp\s+xếp|hợp\s+nhất)"
    r"(?:\s+(?:xã|phường|đặc\s+khu|đơn\s+vị\s+hành\s+chính))?"
    rf"(?:\s+(?:đến\s+nay|tới\s+nay|(?:đến|tới)\s+(?:cuối\s+|hết\s+)?năm\s+(?P<to>{YEAR})\b))?",
    re.I,
)
# a span from a day, a month or a year in brackets to now ("Từ ngày 01/7/2025 đến nay", "Tính từ khi triển khai Kế
# hoạch số 38/KH-UBND (năm 2023) đến nay", "Lũy kế từ đầu Đề án (năm 2022) đến nay", "từ tháng 7/2025 đến ngày
# 10/12/2025")
_SINCE = re.compile(
    rf"\b(?:kể\s+)?từ\s+(?:ngày\s+\d{{1,2}}/\d{{1,2}}/(?P<d>{YEAR})|tháng\s+\d{{1,2}}/(?P<m>{YEAR})|"
    rf"(?:khi|đầu)\b[^.;()]{{0,80}}?\(\s*(?:năm\s+)?(?P<y>{YEAR})\s*\)|"
    # (or the start's year written out: "từ khi triển khai phong trào năm 2021 đến nay")
    rf"khi\b[^.;()\d]{{0,80}}?\bnăm\s+(?P<y2>{YEAR}))"
    rf"\s*,?\s*(?:đến|tới)\s+(?:nay|hiện nay|ngày\s+\d{{1,2}}/\d{{1,2}}/(?P<e>{YEAR}))\b",
    re.I,
)


def whens(text: str, *, as_of_year: Optional[int] = None, formed: Optional[int] = None) -> list[When]:
    """Each mention of time in a clause, in order (document dates are masked out by the caller); ``formed`` is the
    year a merged unit was formed, for "từ khi thành lập (đến nay)"."""
    out: list[When] = []
    spans: list[tuple[int, int]] = []
    if formed is not None and as_of_year is not None and formed <= as_of_year:
        for m in _SINCE_FORMED.finditer(text):
            if m.group(0).lower().startswith("sau") and not re.search(r"\b(?:nay|năm)\b", m.group(0), re.I):
                continue  # "Sáu tháng cuối năm 2025, sau khi thành lập, …": after an event, no span to now
            to = int(m.group("to")) if m.group("to") else as_of_year
            if formed <= to:
                out.append(When(span=(formed, to), at=m.start()))
                spans.append((m.start(), m.end()))
    for m in _SINCE.finditer(text):
        if as_of_year is None or any(s <= m.start() < e for s, e in spans):
            continue
        lo, hi = int(m.group("d") or m.group("m") or m.group("y") or m.group("y2")), int(m.group("e") or as_of_year)
        if lo <= hi:
            out.append(When(span=(lo, hi), at=m.start()))
            spans.append((m.start(), m.end()))
    for m in _SPAN.finditer(text):
        if m.group("n"):
            n = number_value(m.group("n"))
            if n is None or as_of_year is None or not 1 <= n <= 10:
                continue
            span = (as_of_year - int(n) + 1, as_of_year)
        else:
            a = m.group("a") or m.group("c") or m.group("e") or m.group("g")
            b = m.group("b") or m.group("d") or m.group("f") or "nay"
            end = as_of_year if b.lower() in ("nay", "hiện nay") else int(b)
            if end is None:
                continue
            span = (int(a), end)
        out.append(When(span=span, at=m.start()))
        spans.append((m.start(), m.end()))
    for m in _YEARS.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        ys = [int(m.group("y"))] + [int(y) for y in re.findall(YEAR, m.group("more") or "")]
        part = _MONTHS_OF.search(text[max(0, m.start() - 30) : m.start()])
        if part and formed is not None and ys == [formed] and re.search(r"\bcuối\b", part.group(0), re.I):
            part = None  # "6 tháng cuối năm 2025" of a unit formed in mid-2025: all of its first year
        # a year compared with ("so với năm 2023", "bằng cùng kỳ năm 2023", "cao hơn năm 2023") is not the time of the
        # clause's figures — unless a bracket right after it gives that year's own figure ("so với năm 2023 (03 mô
        # hình)"), which the reading of brackets takes
        compared = bool(_COMPARED_WITH.search(text[max(0, m.start() - 30) : m.start()])) and not re.match(
            r"\s*\(", text[m.end() :]
        )
        out.append(
            When(
                years=ys,
                at=part.start() + max(0, m.start() - 30) if part else m.start(),
                part=bool(part),
                compared=compared,
                same_months=part is not None and "kỳ" in part.group(0).lower(),
            )
        )
    for m in _DATED.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        out.append(When(years=[int(m.group("y") or m.group("m") or m.group("q"))], at=m.start(), dated=True))
    for m in _LAST_YEAR.finditer(text):
        out.append(When(years=[int(m.group("y"))], at=m.start()))
    bare = _BARE.match(text)
    if bare:
        out.append(When(years=[int(bare.group("y"))], at=bare.start("y")))
    for m in _CURRENT.finditer(text):
        out.append(When(current=True, at=m.start()))
    for m in _EVERY.finditer(text):
        out.append(When(every=True, at=m.start()))
    out.sort(key=lambda w: w.at)
    return out


# --------------------------------------------------------------------------------------------------- clauses

_YEAR_LEAD = rf"\s*(?:(?:năm|Năm)\s+{YEAR}\b|{YEAR}\s+[^\W\d/]|(?:\d+|sáu|chín|mười)\s+tháng\s+(?:đầu\s+)?năm)"
# "…, cùng với 01 mô hình đã xây dựng từ năm 2022 thì từ năm 2022 đến nay toàn xã có 03 mô hình": "thì" before a
# time opens the main clause after its condition, with a period of its own
_THEN = r"\bthì(?=\s+(?:tính\s+)?(?:từ|đến|tới)\s)"
_CUT = re.compile(rf";|:(?={_YEAR_LEAD})|,(?={_YEAR_LEAD})|\((?={_YEAR_LEAD})|{_THEN}")


# a list of years, one statement for each ("Các năm 2022, 2023 và 2024, UBND … đều ban hành …", "vào tháng 01 các năm
# 2023, 2024 và 2025"): a comma inside it starts no clause
_LIST_BEFORE = re.compile(rf"\bnăm\s+{YEAR}(?:\s*,\s*(?:năm\s+)?{YEAR})*\s*$", re.I)
_LIST_AFTER = re.compile(rf"\s*(?:năm\s+)?{YEAR}\s*(?:,\s*(?:năm\s+)?{YEAR}\s*)*(?:,|và\b|hoặc\b)", re.I)


_YEAR_ONLY = re.compile(rf"\s*(?:năm\s+)?{YEAR}\s*\)", re.I)


def in_year_list(text: str, comma: int) -> bool:
    """Whether the comma at ``comma`` separates the years of one list ("năm 2022, 2023 và 2024")."""
    before = text[max(0, comma - 80) : comma]
    if _YEARS_NAMED_BEFORE.search(before) and _LAST_YEAR_AFTER.match(text, comma + 1):
        return True  # "các năm 2022, 2023 xã đều hoàn thành …": a list of years named as such, of two
    return bool(_LIST_BEFORE.search(before)) and bool(_LIST_AFTER.match(text, comma + 1))


# "các năm 2022, 2023", "những năm 2023, 2024", "hai năm 2024, 2025": the years of a list said to be so
_YEARS_NAMED_BEFORE = re.compile(rf"\b(?:các|những|hai|ba)\s+năm\s+{YEAR}\s*$", re.I)
_LAST_YEAR_AFTER = re.compile(rf"\s*(?:năm\s+)?{YEAR}\b(?!\s*[/%.,]\d)", re.I)


def clauses(text: str) -> list[tuple[int, int]]:
    """A sentence cut into clauses: at ';', and at ',', ':' or '(' where a new year starts ("…; năm 2024 …",
    "(năm 2023 giảm …, 2024 …)"), not inside a list of years; a bracket so cut open also ends its clause where it
    closes. Offsets into ``text``."""
    out, start = [], 0
    for m in _CUT.finditer(text):
        if m.group(0) == "," and in_year_list(text, m.start()):
            continue
        if m.group(0) == "(" and _YEAR_ONLY.match(text, m.end()):
            continue  # "(năm 2023)" alone dates what stands before it: "Kế hoạch số 38/KH-UBND (năm 2023) đến nay"
        if text[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    # a bracket cut open ends where it closes: "… ba mô hình (năm 2022: hai mô hình), đạt 150% kế hoạch năm" — what
    # follows it is the sentence's again, not the bracket's year
    split = []
    for a, b in out:
        close = text.find(")", a, b)
        if close >= 0 and in_brackets(text, a) and "(" not in text[a:close]:
            split.append((a, close))
            if text[close + 1 : b].strip(" ,"):
                split.append((close + 1, b))
        else:
            split.append((a, b))
    return split


def in_brackets(text: str, at: int) -> bool:
    """Whether ``at`` stands inside a bracket opened before it."""
    return text.count("(", 0, at) > text.count(")", 0, at)
