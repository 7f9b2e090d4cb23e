"""Rules in plain Vietnamese words: what a measure reads and how a target compares (rule pages, `rules show`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .model import Measure

OP_WORDS = {">=": "ít nhất", ">": "trên", "<=": "không quá", "<": "dưới", "==": "bằng"}


def indicator_name(cat: "Catalogue", key: Optional[str]) -> str:
    ind = cat.indicators.get(key or "")
    return f"“{ind.name}”" if ind else f"'{key}'"


def measure_words(cat: "Catalogue", m: "Measure") -> str:
    ind = cat.indicators.get(m.of)
    if m.aggregate == "count":
        text = f"số {ind.unit if ind and ind.unit else 'mục'} của {indicator_name(cat, m.of)}"
    elif m.aggregate == "sum":
        text = f"tổng {indicator_name(cat, m.of)} trong kỳ"
    else:
        text = indicator_name(cat, m.of)
    if m.per:
        text += f", chia cho {indicator_name(cat, m.per)} (tính bằng %)"
    if m.evidence:
        if ind is not None and ind.type == "items":
            text += "; mỗi mục chỉ được tính là có căn cứ khi dẫn quyết định thành lập hoặc công nhận"
        else:
            kinds = " hoặc ".join(m.document_kinds) if m.document_kinds else "văn bản"
            text += f"; kết quả phải dẫn {kinds} (số, ngày), nếu không chỉ là khẳng định"
    if m.claim:
        text += (
            f"; khi thiếu số liệu để tính, dùng con số báo cáo tự nêu {indicator_name(cat, m.claim)} "
            "(mức căn cứ: chỉ có khẳng định)"
        )
    return text
