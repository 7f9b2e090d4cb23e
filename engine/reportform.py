"""The report's form (thể thức) as Nghị định 30/2020/NĐ-CP sets it, and its spelling — part of `chitieu facts lint`.

What a Văn phòng officer checks before a report is signed, each a located warning in English and Vietnamese:
- the issuing body's block: present above the number line; a UBND xã writes no line for a superior body
  ("UBND HUYỆN …" above "UBND XÃ …"); the issuing body's own name is written in full ("ỦY BAN NHÂN DÂN / XÃ …");
- "Lưu: VT" (the copy kept by the Văn thư), not another office;
- "Nơi nhận" includes the body that issued the plan being reported on (named in the report's title);
- a document cited for the first time carries its date; "Quyết định số: 115" has no colon after "số";
- misspellings from a dictionary kept as data (engine/data/chinh-ta.yaml), each with the context in which the written
  form is an error, so that a word correct elsewhere ("phần đầu báo cáo") is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional, Protocol

import yaml

from . import vi

KINDS = (
    "Kế hoạch",
    "Quyết định",
    "Nghị quyết",
    "Chỉ thị",
    "Đề án",
    "Thông báo",
    "Công văn",
    "Hướng dẫn",
    "Nghị định",
    "Thông tư",
    "Báo cáo",
    "Tờ trình",
    "Chương trình",
)
_KIND = "|".join(KINDS)
_CITE = re.compile(rf"\b({_KIND})\s+số\s*(:?)\s*(\d+[\w./-]*)", re.I)
_DATE = r"ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}"
_DATED_AFTER = re.compile(rf"^[^.;]{{0,90}}?\b{_DATE}", re.I)
_DATED_BEFORE = re.compile(rf"\b{_DATE}\b[^.;]{{0,60}}$", re.I)  # "Ngày 25/8/2025, UBND xã ban hành Kế hoạch số …"
_NUMBER_LINE = re.compile(r"^\W*số\s*:", re.I)
_UNIT = "(?:" + "|".join(vi.UNIT_KINDS) + ")"
_SUPERIOR = r"(?:huyện|thành phố|thị xã|quận|tỉnh)"
_BODY = re.compile(r"^\W*(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\b\s*(?P<rest>.*)$", re.I)
_LUU = re.compile(r"^\W*lưu\s*:?\s*(?P<first>[^,;.]*)", re.I)
_OWN = re.compile(rf"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+{_UNIT}\b", re.I)
_TITLE_ISSUER = re.compile(
    r"(?P<body>(?:Ban Thường vụ\s+|BTV\s+|Ban Chấp hành\s+)?"
    r"(?:Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ"
    r"|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:huyện|tỉnh|thành phố|thị xã)[^,;.“”\"]*))",
    re.I,
)


class Sink(Protocol):
    def add(self, line: int, needle: Optional[str], code: str, message: str, message_vi: str = "") -> None: ...


def _plain(line: str) -> str:
    """A line without Markdown's emphasis and heading marks."""
    return unicodedata.normalize("NFC", line.replace("*", "").replace("_", " ")).strip().lstrip("#").strip()


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace("uỷ", "ủy")


def check(lines: list[str], p: Sink) -> None:
    """Every check of the report's form and spelling over its lines (1-based in the warnings)."""
    plain = [_plain(x) for x in lines]
    _issuing_body(plain, p)
    _kept_copy(plain, p)
    _recipients(plain, p)
    _citations(plain, p)
    _spelling(plain, p)


def _header(plain: list[str]) -> list[tuple[int, str]]:
    """The lines above the document's number line ("Số: …"), or its first ten non-blank lines without one."""
    out: list[tuple[int, str]] = []
    for i, text in enumerate(plain, 1):
        if not text:
            continue
        if _NUMBER_LINE.match(text) or len(out) >= 10:
            break
        out.append((i, text))
    return out


def _issuing_body(plain: list[str], p: Sink) -> None:
    header = _header(plain)
    bodies = [(i, t, m.group("rest")) for i, t in header if (m := _BODY.match(t))]
    units = [(i, t) for i, t in header if re.match(rf"^\W*{_UNIT}\b", t, re.I)]
    if not bodies and not units:
        at = next((i for i, t in enumerate(plain, 1) if _NUMBER_LINE.match(t)), 1)
        p.add(
            at,
            None,
            "report-form",
            "no issuing body (“ỦY BAN NHÂN DÂN / XÃ …”) above the document's number",
            "chưa có tên cơ quan ban hành văn bản (“ỦY BAN NHÂN DÂN / XÃ …”) ở đầu văn bản, trên số, ký hiệu "
            "(Nghị định 30/2020/NĐ-CP, Phụ lục I)",
        )
        return
    commune_level = any(re.match(rf"^{_UNIT}\b", rest, re.I) for _, _, rest in bodies) or bool(units)
    for i, text, rest in bodies:
        if commune_level and re.match(rf"^{_SUPERIOR}\b", rest, re.I):
            p.add(
                i,
                text,
                "report-form",
                f"“{text}”: a commune's People's Committee writes no line for a superior body above its own name",
                f"“{text}”: Ủy ban nhân dân cấp xã không ghi tên cơ quan chủ quản ở đầu văn bản; chỉ ghi "
                "“ỦY BAN NHÂN DÂN / XÃ …” (Nghị định 30/2020/NĐ-CP)",
            )
        elif re.match(r"^\W*ubnd\b", text, re.I) and re.match(rf"^{_UNIT}\b", rest, re.I):
            name = rest.strip()
            p.add(
                i,
                text,
                "report-form",
                f"“{text}”: the issuing body's own name is written in full, not abbreviated",
                f"“{text}”: tên cơ quan ban hành viết đầy đủ, không viết tắt: “ỦY BAN NHÂN DÂN / {name.upper()}”",
            )


def _kept_copy(plain: list[str], p: Sink) -> None:
    start = next((i for i in range(len(plain) - 1, -1, -1) if _fold(plain[i]).startswith("nơi nhận")), None)
    if start is None:
        return
    for i in range(start + 1, min(len(plain), start + 25)):
        m = _LUU.match(plain[i])
        if m:
            first = m.group("first").strip()
            if first and first.upper() != "VT":
                p.add(
                    i + 1,
                    plain[i].lstrip("- ").strip(),
                    "report-form",
                    f"“{plain[i].lstrip('- ').strip()}”: the kept copy is the Văn thư's (“Lưu: VT”)",
                    f"“{plain[i].lstrip('- ').strip()}”: bản lưu tại Văn thư ghi “Lưu: VT, …” "
                    "(Nghị định 30/2020/NĐ-CP)",
                )
            return


def _title(plain: list[str]) -> Optional[tuple[int, str]]:
    for i, text in enumerate(plain[:40]):
        if _fold(text) == "báo cáo":
            return next(((j + 1, plain[j]) for j in range(i + 1, min(len(plain), i + 6)) if plain[j]), None)
    return None


def _recipients(plain: list[str], p: Sink) -> None:
    title = _title(plain)
    start = next((i for i in range(len(plain) - 1, -1, -1) if _fold(plain[i]).startswith("nơi nhận")), None)
    if title is None or start is None:
        return
    # the body that issued the plan reported on: the first "của …" of the title; the unit's own plan needs no one
    of = re.search(r"\bcủa\s+", title[1])
    m = _TITLE_ISSUER.match(title[1], of.end()) if of else None
    if of is None or _OWN.match(title[1][of.end() :]) or m is None:
        return
    body = m.group("body").strip()
    key = _fold(re.sub(r"^(ban thường vụ|btv|ban chấp hành)\s+", "", body, flags=re.I))
    listed = []
    for text in plain[start + 1 : start + 25]:
        if not text:
            continue
        if not text.startswith(("-", "+", "•")):
            break
        listed.append(_fold(text).lstrip("-+• ").strip())
    # the body itself, its standing committee or its standing office — not one of its departments (Ban Dân vận …)
    body_rx = re.compile(rf"^(?:(?:ban thường vụ|btv|thường trực|tt\.?|ban chấp hành)\s*)?{re.escape(key)}(?!\w)")
    if listed and not any(body_rx.match(x) for x in listed):
        p.add(
            start + 1,
            plain[start],
            "report-form",
            f"“Nơi nhận” does not include {body}, which issued the plan reported on",
            f"“Nơi nhận” chưa có {body} — cơ quan ban hành văn bản được báo cáo; bổ sung “{body} (b/c)”",
        )


def _citations(plain: list[str], p: Sink) -> None:
    seen: set[str] = set()
    for i, text in enumerate(plain, 1):
        if _NUMBER_LINE.match(text):
            continue
        for m in _CITE.finditer(text):
            kind, colon, number = m.group(1), m.group(2), m.group(3).rstrip(".,;")
            if colon:
                p.add(
                    i,
                    m.group(0),
                    "report-form",
                    f"“{m.group(0)}”: no colon after “số” in a citation",
                    f"“{m.group(0)}”: khi dẫn văn bản không đặt dấu hai chấm sau “số” (viết “{kind} số {number}”)",
                )
            key = number.casefold()
            if key in seen or "/" not in number and "-" not in number:
                continue  # a plain count ("Báo cáo số 3"), not a document's number and symbol
            seen.add(key)
            if not _DATED_AFTER.match(text[m.end() :]) and not _DATED_BEFORE.search(text[: m.start()]):
                p.add(
                    i,
                    m.group(0),
                    "report-form",
                    f"“{kind} số {number}” is cited for the first time without its date",
                    f"lần đầu dẫn “{kind} số {number}” chưa ghi ngày ban hành (dẫn đầy đủ: tên loại, số, ký hiệu, "
                    "ngày tháng năm, cơ quan ban hành, trích yếu)",
                )


@dataclass(frozen=True)
class Misspelling:
    wrong: str
    right: str
    followed_by: tuple[str, ...] = ()  # words after it that make the written form an error …
    preceded_by: tuple[str, ...] = ()  # … or words before it; with neither, it is an error anywhere

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """Regular expressions whose group "w" is the misspelt words (its context, if any, around it)."""
        word = rf"(?P<w>(?<!\w){re.escape(self.wrong)}(?!\w))"
        if not (self.followed_by or self.preceded_by):
            return (re.compile(word, re.I),)
        out = []
        if self.followed_by:
            out.append(re.compile(rf"{word}(?=\s+(?:{'|'.join(map(re.escape, self.followed_by))})(?!\w))", re.I))
        if self.preceded_by:
            out.append(re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, self.preceded_by))})\s+{word}", re.I))
        return tuple(out)


@lru_cache(maxsize=1)
def misspellings() -> tuple[Misspelling, ...]:
    """The dictionary shipped with chitieu (engine/data/chinh-ta.yaml), safe YAML."""
    text = resources.files("chitieu").joinpath("data", "chinh-ta.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)

    def words(e: dict, key: str) -> tuple[str, ...]:
        return tuple(unicodedata.normalize("NFC", w) for w in e.get(key, ()))

    return tuple(
        Misspelling(
            unicodedata.normalize("NFC", e["sai"]),
            unicodedata.normalize("NFC", e["dung"]),
            words(e, "tu_sau"),
            words(e, "tu_truoc"),
        )
        for e in doc["loi"]
    )


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Misspelling, re.Pattern[str]], ...]:
    return tuple((m, rx) for m in misspellings() for rx in m.patterns)


def _spelling(plain: Iterable[str], p: Sink) -> None:
    for i, text in enumerate(plain, 1):
        seen: set[int] = set()  # a word matched by two of its contexts is one misspelling
        for entry, rx in _compiled():
            for m in rx.finditer(text):
                if m.start("w") in seen:
                    continue
                seen.add(m.start("w"))
                p.add(
                    i,
                    m.group("w"),
                    "report-typo",
                    f"“{m.group('w')}” is misspelt: “{entry.right}”",
                    f"viết sai chính tả “{m.group('w')}”, đúng là “{entry.right}”",
                )
