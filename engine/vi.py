"""Vietnamese labels and the number and date formats of administrative documents (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Optional

STATUS_LABELS = {
    "met": "Đạt",
    "unmet": "Chưa đạt",
    "needs_clarification": "Cần làm rõ",
    "pending": "Chưa đến hạn / đang chờ thẩm định",
    "insufficient_data": "Chưa đủ dữ liệu",
    "waived": "Miễn trừ",
    "not_applicable": "Không áp dụng",
    "noted": "Ghi nhận",
}

# Order of badness, worst first; --fail-on picks a level in this order.
STATUS_ORDER = [
    "unmet",
    "needs_clarification",
    "insufficient_data",
    "pending",
    "waived",
    "not_applicable",
    "noted",
    "met",
]

# A finding's own label says which kind of "pending" it is, and a consistency check "matches" rather than "is met".
PENDING_LABELS = {"awaiting_appraisal": "Đang chờ thẩm định", "awaiting_period_end": "Chờ kết quả cuối kỳ"}
CHECK_LABELS = {"met": "Khớp", "unmet": "Chưa khớp"}


def status_label(status: str, reason: str | None = None, *, check: bool = False) -> str:
    """The Vietnamese label of one finding's status: 'Đang chờ thẩm định' or 'Chưa đến hạn' rather than both joined,
    'Khớp' / 'Chưa khớp' for a check of the report's own figures."""
    if check and status in CHECK_LABELS:
        return CHECK_LABELS[status]
    if status == "pending":
        return PENDING_LABELS.get(reason or "", "Chưa đến hạn")
    return STATUS_LABELS[status]


EVIDENCE_LABELS = {
    "computed": "tính từ số liệu báo cáo",
    "bound": "chỉ có cận (ví dụ “trên 50%”)",
    "claimed": "chỉ có khẳng định của báo cáo",
    "missing": "không có số liệu",
}

# a rule's period kind (rule files' `period.kind`), as the catalogue's tables name it
PERIOD_KIND_LABELS = {
    "annual": "hằng năm",
    "cumulative": "lũy kế",
    "deadline": "đến thời hạn",
    "as_of": "tại thời điểm báo cáo",
}
SEVERITY_LABELS = {"critical": "Đặc biệt quan trọng", "major": "Quan trọng", "minor": "Thứ yếu", "info": "Thông tin"}
SEVERITY_ORDER = ["critical", "major", "minor", "info"]

# Where a threshold comes from (review sheet); in a commune's own document an assumption is never shown as a target.
BASIS_LABELS = {
    "plan": "Theo văn bản kế hoạch",
    "report": "Theo báo cáo nêu",
    "assumption": "Giả định của danh mục",
    "computed": "Tính lại từ số liệu báo cáo",
}
NO_PLAN_LEVEL = "Kế hoạch không quy định mức cụ thể"

OUTLOOK_LABELS = {"on_track": "đúng tiến độ", "at_risk": "có nguy cơ không đạt"}

THEME_LABELS = {
    "kinh_te": "Công tác dân vận góp phần phát triển kinh tế",
    "nong_thon_moi": "Công tác dân vận góp phần xây dựng nông thôn mới",
    "do_thi_van_minh": "Công tác dân vận góp phần xây dựng đô thị văn minh",
    "dan_van_chinh_quyen": "Công tác dân vận chính quyền",
}
# the order of a commune report's section II.2: dân vận chính quyền, kinh tế, nông thôn mới, đô thị văn minh
THEME_ORDER = ["dan_van_chinh_quyen", "kinh_te", "nong_thon_moi", "do_thi_van_minh"]


# The kinds of commune-level unit (đơn vị hành chính cấp xã), as a unit's name begins: "xã Tịnh An", "phường Đông Hải",
# "thị trấn Bến Đất"; "đặc khu" since the 07/2025 reform (Lý Sơn, Phú Quốc, Côn Đảo …)
UNIT_KINDS = ("xã", "phường", "thị trấn", "đặc khu")


# units above the commune level, as a name may begin with them (a district before 07/2025, a province or city)
HIGHER_UNITS = ("thị xã", "thành phố", "huyện", "quận", "tỉnh")


# how a name abbreviates them ("TP Quảng Ngãi", "TX. Đức Phổ")
_HIGHER_SHORT = {"tp": "thành phố", "tp.": "thành phố", "tx": "thị xã", "tx.": "thị xã"}


def higher_unit(name: str) -> Optional[str]:
    """The kind of unit above the commune level a name begins with ('thị xã' for 'Thị xã Đức Phổ', 'thành phố' for
    'TP. Quảng Ngãi'), else None."""
    words = name.lower().split()
    if len(words) > 1 and words[0] in _HIGHER_SHORT:
        return _HIGHER_SHORT[words[0]]
    return _kind_leading(words, HIGHER_UNITS)


def _kind_leading(words: list[str], kinds: tuple[str, ...]) -> Optional[str]:
    """The kind among ``kinds`` that the (lower-case) words begin with, a name following it."""
    return next((k for k in kinds if words[: len(k.split())] == k.split() and len(words) > len(k.split())), None)


def issuer_body_of(issuer: str) -> Optional[str]:
    """The unit an issuer's people's committee belongs to: 'thị xã Đức Phổ' for 'UBND thị xã Đức Phổ', else None."""
    words = issuer.split()
    for body in (["ubnd"], ["ủy", "ban", "nhân", "dân"], ["uỷ", "ban", "nhân", "dân"]):
        if [w.lower() for w in words[: len(body)]] == body:
            return " ".join(words[len(body) :])
    return None


def unit_kind(name: str) -> Optional[str]:
    """The kind a unit's name begins with ('phường' for 'Phường Đông Hải', 'PHƯỜNG  ĐÔNG HẢI'), or None when it
    names none ('Tịnh An'; 'thị xã Đức Phổ' is no commune-level unit)."""
    return _kind_leading(name.lower().split(), UNIT_KINDS)


def units(n: int, kinds: Iterable[str], lang: str = "vi") -> str:
    """A count of communes named by their kind when all are of one ('2 phường'), else '5 đơn vị cấp xã'; in
    English 'N commune(s)'."""
    if lang != "vi":
        return f"{n} commune(s)"
    distinct = set(kinds)
    return f"{n} {distinct.pop() if len(distinct) == 1 else 'đơn vị cấp xã'}"


def issuer_kind(issuer: str) -> Optional[str]:
    """The kind of unit a commune's issuing body names: 'phường' for 'UBND phường Tịnh An'."""
    unit = issuer_body_of(issuer)
    return unit_kind(unit) if unit else None


def full_name(name: str, kind: str) -> str:
    """The unit's name with its kind: 'phường Tịnh An' for 'Tịnh An' of a phường; a name that has one is kept."""
    return " ".join(name.split()) if unit_kind(name) else f"{kind} {' '.join(name.split())}"


def bare_name(name: str) -> str:
    """The unit's name as a place line writes it: without its kind ('Tịnh An' for 'xã Tịnh An'), except for a unit
    named by a number, which keeps it ('Phường 5', Nghị định 30/2020, Phụ lục I)."""
    words = name.split()
    kind = unit_kind(name)
    if not kind:
        return " ".join(words)
    rest = words[len(kind.split()) :]
    if len(rest) == 1 and rest[0].isdigit():
        return " ".join([words[0].capitalize(), *words[1:]])
    bare = " ".join(rest)
    return bare.title() if bare.isupper() else bare  # 'XÃ TỊNH AN' in the facts: 'Tịnh An, ngày …'


def number(value: Decimal | int | float, *, places: int = 1) -> str:
    """A number in Vietnamese notation: '.' groups thousands, ',' marks decimals; trailing zeros dropped. A figure
    of up to three decimals is written whole, as reported ('2,85%', '59,96%': rounded, it would read as the threshold
    it misses); a worked-out ratio's long tail is rounded to ``places``."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    exponent = d.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -3 and places:
        places = max(places, -exponent)
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places else d.quantize(Decimal(1))
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole, _, frac = f"{q:f}".partition(".")
    frac = frac.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return sign + text + ("," + frac if frac else "")


def count(value: Decimal | int, unit: Optional[str] = None) -> str:
    """A count as administrative documents write it: two digits below ten ('05 mô hình', '03 hộ')."""
    d = Decimal(value)
    if d == d.to_integral_value() and 0 < d < 10:
        text = f"{int(d):02d}"
    else:
        text = number(d)
    return f"{text} {unit}" if unit else text


def quantity(value: Decimal | int, unit: Optional[str]) -> str:
    """A value with its unit: '50%', '05 mô hình', '12,5 ha'."""
    if unit == "%":
        return percent(value)
    d = Decimal(value)
    if d == d.to_integral_value():
        return count(d, unit)
    return f"{number(d)} {unit}" if unit else number(d)


def percent(value: Decimal | int | float) -> str:
    return number(value) + "%"


def date(d: dt.date) -> str:
    """'06/4/2023', '02/02/2023': day below 10 and months 1–2 take a leading zero (Nghị định 30/2020/NĐ-CP)."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{day}/{month}/{d.year}"


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month: what a report's "đến tháng 10/2024" is judged at."""
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def date_words(d: dt.date) -> str:
    """'ngày 06 tháng 4 năm 2023' for the place-and-date line."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def as_of(d: dt.date, *, month_only: bool = False) -> str:
    """The date figures run to, as precisely as the report gave it: 'ngày 31/10/2024' or 'tháng 10/2024' (a report
    dated only by its month never gets an invented day)."""
    if month_only:
        month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
        return f"tháng {month}/{d.year}"
    return f"ngày {date(d)}"


def partial_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """A report's date as far as it is written: 'ngày 15/12/2024', 'tháng 10/2024', 'năm 2024'."""
    if month and day:
        return "ngày " + date(dt.date(year, month, day))
    if month:
        return f"tháng {month:02d}/{year}" if month <= 2 else f"tháng {month}/{year}"
    return f"năm {year}"


UNREVIEWED_MARK = "số liệu chưa rà soát"


def unreviewed_note(name: str, files: list[str], lang: str = "vi") -> str:
    """The line every output carries when a commune's findings rest on drafts no one has reviewed."""
    from .messages_vi import say

    return say("unreviewed", lang, unit=name, files=", ".join(files))


def coverage(covers) -> str:
    """Whom a plan applies to, in words: 'mọi xã', 'các xã của tỉnh (mã) quang-ngai; xã quang-ngai/tinh-an'."""
    if covers is None:
        return "mọi xã (văn bản chưa nêu phạm vi áp dụng)"
    if covers == "all":
        return "mọi xã"
    parts = [f"các xã của tỉnh (mã) {', '.join(covers.provinces)}"] if covers.provinces else []
    if covers.communes:
        parts.append(f"xã (mã) {', '.join(covers.communes)}")
    units = getattr(covers, "units", [])
    if units:
        kinds = ", ".join(units)
        others = ", ".join(k for k in UNIT_KINDS if k not in units)
        only = f"chỉ {kinds}" + (f" (không áp dụng cho {others})" if others else "")
        parts = (
            [f"{'; '.join(parts)} — {only}"]
            if parts
            else [f"mọi {kinds}" + (f" (không áp dụng cho {others})" if others else "")]
        )
    return "; ".join(parts)


# The provinces and centrally-run cities (the 63 of 2008–2025; the units formed on 01/07/2025 kept names of these), for
# reading the province a report names: "Tỉnh ủy Tuyên Quang", "UBND tỉnh Cà Mau", "ĐẢNG BỘ TỈNH SƠN LA", "thành phố
# Hải Phòng". Spelt as documents spell them; compared without diacritics, so "Khánh Hoà" is "Khánh Hòa".
PROVINCES = (
    "An Giang", "Bà Rịa – Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên",
    "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")


def fold(text: str) -> str:
    """Without diacritics (đ → d), for telling spellings of one name apart: 'Tỉnh An' and 'Tịnh An' fold alike."""
    return (
        "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        .replace("đ", "d")
        .replace("Đ", "D")
    )


def slug(text: str) -> str:
    """A name as an id's word: 'Tịnh An' → 'tinh-an'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def predecessor_id(commune_id: str, name: str) -> str:
    """The id of a unit merged into ``commune_id``: its name's slug in the same province ('quang-ngai/tinh-ha' for
    'xã Tịnh Hà' merged into 'quang-ngai/tinh-an'); a commune id without a province gives a bare slug."""
    prefix = commune_id.rsplit("/", 1)[0] + "/" if "/" in commune_id else ""
    return prefix + slug(bare_name(name))


def former_units(text: str) -> list[str]:
    """The units a merged commune was formed from, each written with its kind ("xã Tịnh An; xã Tịnh Hà": ";", ","
    or a line between them). Raises ValueError naming a unit without its kind or one above the commune level."""
    names = list(dict.fromkeys(" ".join(p.split()) for p in re.split(r"[;,\n]", unicodedata.normalize("NFC", text))))
    for name in filter(None, names):
        higher = higher_unit(name)
        if higher:
            raise ValueError(f"'{name}' names a {higher}; write the commune-level units merged into this one")
        if not unit_kind(name):
            raise ValueError(f"'{name}' does not say what kind of unit it was; write its kind first (e.g. 'xã {name}')")
    return [n for n in names if n]


def _folded(text: str) -> str:
    """Folded, lower case, dashes and spaces made one: for telling place names apart."""
    return " ".join(fold(text).replace("–", "-").replace("-", " ").lower().split())


def _place_pattern() -> re.Pattern[str]:
    names = sorted({_folded(n) for n in PROVINCES}, key=len, reverse=True)
    cities = sorted({_folded(n) for n in CITIES}, key=len, reverse=True)
    return re.compile(
        rf"\b(?:tinh(?: uy)?|ubnd tinh|uy ban nhan dan tinh) ({'|'.join(map(re.escape, names))})\b"
        rf"|\b(?:thanh pho|thanh uy|tp\.?) ({'|'.join(map(re.escape, cities))})\b"
    )


_PLACE = _place_pattern()
_BY_FOLDED = {_folded(n): n for n in PROVINCES + CITIES}


def province_named(texts: Iterable[str]) -> Optional[str]:
    """The one province (or centrally-run city) the texts name as such — "tỉnh X", "Tỉnh ủy X", "thành phố Hải
    Phòng" — spelt as PROVINCES spells it; None when they name none, or more than one (unknown is better than a
    guess)."""
    found = {m.group(1) or m.group(2) for text in texts for m in _PLACE.finditer(_folded(text))}
    return _BY_FOLDED[found.pop()] if len(found) == 1 else None
