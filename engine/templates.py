"""Message templates written by rule authors: '{field}' placeholders only — no attribute access, no code."""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from typing import Mapping

# The fields a template may name; engine.audit fills them for every finding (unknown values render as "—").
FIELDS: dict[str, str] = {
    "title": "tên chỉ tiêu (title of the rule)",
    "commune": "tên xã (commune name)",
    "period": "kỳ đánh giá, e.g. 'năm 2023', 'giai đoạn 2023–2024'",
    "target": "chỉ tiêu with unit, e.g. '01 mô hình', '50%'",
    "actual": "kết quả with unit, e.g. '05 mô hình', 'trên 50%'",
    "unit": "đơn vị tính",
    "achievement": "tỷ lệ đạt so với chỉ tiêu, e.g. '350%'",
    "shortfall": "phần còn thiếu so với chỉ tiêu, e.g. '01 mô hình'",
    "deadline": "thời hạn, e.g. '31/12/2026'",
    "as_of": "thời điểm số liệu, e.g. '31/10/2024'",
    "document": "văn bản nguồn, e.g. 'Kế hoạch số 156/KH-UBND ngày 06/4/2023'",
    "clause": "nội dung / mục của văn bản nguồn",
    "counted_with_evidence": "số mục có quyết định thành lập/công nhận",
    "counted_on_claim": "số mục chỉ được báo cáo nêu, chưa dẫn quyết định",
    "achievement_evidenced": "tỷ lệ đạt nếu chỉ tính các mục có quyết định",
    "stated": "con số báo cáo nêu (claim checks)",
    "computed": "con số tính lại từ dữ liệu (claim checks)",
    "outlook": "triển vọng: 'đúng tiến độ' / 'có nguy cơ không đạt'",
    "evidence": "mức độ căn cứ, e.g. 'chỉ có khẳng định của báo cáo'",
    "waiver_reason": "lý do miễn trừ",
    "waiver_approver": "người/cơ quan phê duyệt miễn trừ",
    "waiver_expires": "ngày hết hạn miễn trừ",
    "line": "dòng của báo cáo mà số liệu được trích",
    "reason": "lý do của kết luận, một cụm từ (ví dụ 'báo cáo không có số liệu về nội dung này')",
    "notes": "các ghi chú của engine thành câu hoàn chỉnh ('Ghi chú: ….'), hoặc rỗng",
    "actual_value": "kết quả chỉ là con số, không kèm đơn vị, e.g. '19' (để viết '19/19 tiêu chí')",
    "target_value": "chỉ tiêu chỉ là con số, không kèm đơn vị, e.g. '19'",
    "topics": "các lĩnh vực của những quy tắc cùng một câu tồn tại (trường 'topic'), e.g. 'chuyển đổi số, du lịch nông thôn'",
    "cited_document": "văn bản báo cáo dẫn làm căn cứ, e.g. 'Thông báo số 286/TB-UBND ngày 10/5/2024' (rỗng nếu không có)",
    "missing": "tên các số liệu quy tắc cần mà báo cáo không nêu trong kỳ, e.g. 'số hộ nghèo được giao giảm'",
}

_FORMATTER = string.Formatter()


def problems(text: str) -> list[str]:
    """Why a template cannot be rendered, one message per problem (empty when it is fine)."""
    bare = _OPTIONAL.sub(lambda m: m.group(1), text).replace("[[", "").replace("]]", "")
    if "[" in bare or "]" in bare:
        return [
            "an unbalanced '[' or ']': a [segment] is printed only when its fields have values; write a literal "
            "bracket as '[[' or ']]'"
        ]
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as exc:
        return [f"the template is malformed ({exc}); write a literal brace as '{{{{' or '}}}}'"]
    out = []
    for _, name, spec, conv in parsed:
        if name is None:
            continue
        if name == "" or name.isdigit():
            out.append("positional placeholders ('{}') are not allowed; name the field, e.g. '{actual}'")
        elif name not in FIELDS:
            from .diagnostics import did_you_mean

            out.append(
                f"the template names an unknown field '{{{name}}}'"
                + did_you_mean(name, FIELDS)
                + "; the fields are: "
                + ", ".join(FIELDS)
            )
        if spec or conv:
            out.append(f"'{{{name}}}' has a format or conversion; fields are formatted by the engine")
    return out


def names(text: str) -> list[str]:
    """The fields a (well-formed) template names, in order."""
    return [name for _, name, _s, _c in _FORMATTER.parse(text) if name]


_SPACES = re.compile(r"[ \t\n]+")
# "[mới triển khai bằng {cited_document}, ]": a segment printed only when every field in it has a value
_OPTIONAL = re.compile(r"(?<!\[)\[(?!\[)([^\[\]]*)(?<!\])\](?!\])")


_LITERAL, _FIELD, _SEGMENT = 0, 1, 2


def _pieces(text: str) -> list[tuple]:
    """Literal text and fields, in order: (_LITERAL, text, None) and (_FIELD, name, None)."""
    out: list[tuple] = []
    for literal, name, _spec, _conv in _FORMATTER.parse(text.replace("[[", "[").replace("]]", "]")):
        if literal:
            out.append((_LITERAL, literal, None))
        if name is not None:
            out.append((_FIELD, name, None))
    return out


@functools.lru_cache(maxsize=2048)
def _compiled(text: str) -> tuple:
    """A template taken apart once: its pieces, a [segment] as (_SEGMENT, its pieces, the fields it names)."""
    out: list[tuple] = []
    at = 0
    for m in _OPTIONAL.finditer(text):
        out += _pieces(text[at : m.start()])
        inner = tuple(_pieces(m.group(1)))
        out.append((_SEGMENT, inner, tuple(name for kind, name, _ in inner if kind == _FIELD)))
        at = m.end()
    out += _pieces(text[at:])
    return tuple(out)


def _fill(pieces: tuple, values: Mapping[str, str], out: list[str]) -> None:
    for kind, a, b in pieces:
        if kind == _LITERAL:
            out.append(a)
        elif kind == _FIELD:
            value = values.get(a)
            out.append("—" if value is None else value)
        elif all(values.get(name) for name in b):  # a [segment] only when every field in it has a value
            _fill(a, values, out)


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders; a field with no value at all shows '—', an empty one vanishes; a [segment] whose fields
    are not all filled is left out; one line, NFC. A value is never read as a template itself."""
    out: list[str] = []
    _fill(_compiled(text), values, out)
    filled = "".join(out)
    if "  " in filled or "\t" in filled or "\n" in filled:  # most messages have no run to close (a regex pass costs)
        filled = _SPACES.sub(" ", filled)
    filled = filled.strip().replace(" .", ".").replace(" ,", ",")
    return unicodedata.normalize("NFC", filled)


def sentence(text: str) -> str:
    """Capitalise the first letter ('xã Tịnh An …' opening a sentence becomes 'Xã Tịnh An …')."""
    return text[:1].upper() + text[1:] if text else text
