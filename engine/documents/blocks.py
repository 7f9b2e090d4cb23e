"""A document before any format: the header of Nghị định 30/2020, headings, paragraphs, bullets, tables, signature.

The drafted documents (the commune's draft, the review sheet, the self-assessment table) are built as these blocks;
the Markdown, plain-text and Word reporters lay the same blocks out, so the three formats never say different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union


@dataclass
class Heading:
    level: int  # 1: I., II. (bold capitals); 2: 1., 2. / a), b) (bold); 3: - Về … (italic)
    text: str


@dataclass
class Para:
    text: str
    italic: bool = False
    placeholder: bool = False  # text for the officer to confirm or replace, shown as such


@dataclass
class Bullet:
    marker: str  # "-" or "+" (administrative list markers), or "1." for numbered tasks
    text: str
    placeholder: bool = False


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths_cm: list[float]  # columns wide enough that "STT", dates and document numbers never break
    shades: list[Optional[str]] = field(default_factory=list)  # per row: a status to shade the status cell
    shade_column: Optional[int] = None
    numeric_columns: tuple[int, ...] = ()
    caption: Optional[str] = None


Block = Union[Heading, Para, Bullet, Table]


@dataclass
class Header:
    """The issuing body and the document's number and date, as Nghị định 30/2020 lays them out."""

    body: str  # "ỦY BAN NHÂN DÂN\nXÃ TỊNH AN" (the issuing body, written in full)
    parent: Optional[str] = None  # the superior body, only where there is one (never for a UBND xã)
    number: str = "Số: …/BC-UBND"
    place_date: str = "…, ngày … tháng … năm …"


@dataclass
class Signature:
    recipients: list[str]
    authority: str = "TM. ỦY BAN NHÂN DÂN"  # "TM.", "KT.", or empty
    role: str = "CHỦ TỊCH"
    name: str = ""


@dataclass
class DocumentBlocks:
    header: Header
    kind: str  # "BÁO CÁO", "PHIẾU RÀ SOÁT", "BIỂU TỰ ĐÁNH GIÁ"
    title: list[str]  # the summary line(s) under the kind
    blocks: list[Block]
    signature: Optional[Signature] = None
    footnote: Optional[str] = None  # a line after the signature (e.g. which catalogue produced a review sheet)
    landscape: bool = False
