"""Vietnamese text in the encodings that came before Unicode, still common in older government files: recognised
by content and converted to Unicode (NFC).

- UTF-16 (Notepad's "Unicode"), with or without a byte-order mark;
- TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime…): one byte per letter, table below (the same letters as
  glibc's TCVN5712-1 for bytes 0xA1–0xFF; a test compares them where iconv is installed);
- VNI (VNI-Windows fonts, VNI-Times…): a base letter followed by a mark byte, seen as Latin-1 text ("Xin chaøo");
- Windows-1258 (Python's cp1258 codec).
The right reading is the one whose text holds the most common Vietnamese syllables; text that none reads as
Vietnamese is left alone (the caller then says the file is not UTF-8).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng


def _letter(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


# TCVN3: for each vowel, the bytes of the letter with no tone, huyền, sắc, hỏi, ngã, nặng (lower case; the ABC
# fonts draw capitals with a separate "H" font over the same bytes, so only these capitals have bytes of their own).
_TCVN3_VOWELS = {
    "a": "61 b5 b8 b6 b7 b9",
    "ă": "a8 bb be bc bd c6",
    "â": "a9 c7 ca c8 c9 cb",
    "e": "65 cc d0 ce cf d1",
    "ê": "aa d2 d5 d3 d4 d6",
    "i": "69 d7 dd d8 dc de",
    "o": "6f df e3 e1 e2 e4",
    "ô": "ab e5 e8 e6 e7 e9",
    "ơ": "ac ea ed eb ec ee",
    "u": "75 ef f3 f1 f2 f4",
    "ư": "ad f5 f8 f6 f7 f9",
    "y": "79 fa fd fb fc fe",
}
_TCVN3_OTHERS = {"đ": "ae", "Ă": "a1", "Â": "a2", "Ê": "a3", "Ô": "a4", "Ơ": "a5", "Ư": "a6", "Đ": "a7"}


def _tcvn3_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for base, codes in _TCVN3_VOWELS.items():
        for tone, code in enumerate(codes.split()):
            if int(code, 16) >= 0x80:
                table[int(code, 16)] = _letter(base, tone)
    for letter, code in _TCVN3_OTHERS.items():
        table[int(code, 16)] = letter
    return table


TCVN3 = _tcvn3_table()

# VNI: marks written after the base letter (as Latin-1 characters); lower case, upper case is the same in capitals.
_VNI_TONE_MARKS = {1: "ø", 2: "ù", 3: "û", 4: "õ", 5: "ï"}  # huyền, sắc, hỏi, ngã, nặng
_VNI_HAT = {0: "â", 1: "à", 2: "á", 3: "å", 4: "ã", 5: "ä"}  # â ê ô with a tone
_VNI_BREVE = {0: "ê", 1: "è", 2: "é", 3: "ú", 4: "ü", 5: "ë"}  # ă with a tone
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def _vni_pairs() -> dict[str, str]:
    """Unicode letter → its VNI spelling, lower case first."""
    out: dict[str, str] = {}
    for base in "aeouy":
        for tone in range(1, 6):
            out[_letter(base, tone)] = base + _VNI_TONE_MARKS[tone]
    for base, hat in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for tone in range(6):
            out[_letter(hat, tone)] = base + _VNI_HAT[tone]
    for tone in range(6):
        out[_letter("ă", tone)] = "a" + _VNI_BREVE[tone]
    for base, single in (("ơ", "ô"), ("ư", "ö")):
        for tone in range(1, 6):
            out[_letter(base, tone)] = single + _VNI_TONE_MARKS[tone]
    out.update(_VNI_SINGLE)
    out.update({k.upper(): v.upper() for k, v in list(out.items())})
    return out


VNI = _vni_pairs()  # Unicode → VNI
_FROM_VNI = {v: k for k, v in VNI.items()}  # VNI → Unicode
_VNI_RX = re.compile("|".join(sorted(map(re.escape, _FROM_VNI), key=len, reverse=True)))

# Syllables common in any administrative text: the reading with the most of them is Vietnamese.
_COMMON = set(
    "của và các có được trong năm xã thực hiện đã với người dân công tác cho những là này đến theo "
    "không một về quản lý chính quyền nhân ủy ban kế hoạch báo cáo tại đồng chí tổ chức".split()
)
_WORD = re.compile(r"\w+")


def _score(text: str) -> int:
    return sum(1 for w in _WORD.findall(text.lower()[:200_000]) if w in _COMMON)


# Both legacy encodings are Windows font encodings: what is not a Vietnamese letter is the Windows code page
# (typographic quotes and dashes at 0x91–0x97).
_WINDOWS = [bytes([b]).decode("cp1252", errors="replace") for b in range(256)]
_TCVN3_CHARS = [TCVN3.get(b, _WINDOWS[b]) for b in range(256)]


def from_vni(latin: str) -> str:
    return unicodedata.normalize("NFC", _VNI_RX.sub(lambda m: _FROM_VNI[m.group(0)], latin))


def from_tcvn3(raw: bytes) -> str:
    return unicodedata.normalize("NFC", "".join(_TCVN3_CHARS[b] for b in raw))


def utf16(raw: bytes) -> Optional[str]:
    """The text of UTF-16 bytes (marked, or plain Latin letters with every other byte zero), else None."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    # no mark: plain Latin letters then show as every other byte being zero
    sample = raw[:4096]
    if len(sample) >= 8:
        for enc, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            if zeros.count(0) > 0.6 * len(zeros):
                try:
                    return raw.decode(enc)
                except UnicodeDecodeError:
                    return None
    return None


LABELS = {
    "utf-16": "UTF-16 (Notepad's “Unicode”)",
    "tcvn3": "TCVN3 (ABC, fonts .VnTime…)",
    "vni": "VNI (fonts VNI-Times…)",
    "cp1258": "Windows-1258",
}


def decode(raw: bytes) -> Optional[tuple[str, str]]:
    """(Unicode text, encoding key) for Vietnamese text in a legacy encoding, or None."""
    text = utf16(raw)
    if text is not None:
        return unicodedata.normalize("NFC", text.lstrip("\ufeff")), "utf-16"
    candidates = {"tcvn3": from_tcvn3(raw), "vni": from_vni("".join(_WINDOWS[b] for b in raw))}
    try:
        candidates["cp1258"] = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    scores = {k: _score(v) for k, v in candidates.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 3 or sorted(scores.values())[-2] == scores[best]:
        return None  # not Vietnamese, or no reading stands out
    return candidates[best], best
