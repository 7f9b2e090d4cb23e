"""A commune's report as text: read from .txt, .md or .docx, cut into paragraphs and sentences that remember their
line, mended where real reports break (page breaks in mid-sentence, decomposed Unicode, bullets, emphasis)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import legacy
from .diagnostics import InputError
from .inputs import iter_xml, open_docx_part, read_capped
from .yamlsrc import decode_utf8

MAX_BYTES = 20 * 1024 * 1024
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")
_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^\s*[-+•–]\s+")
_END = re.compile(r"[.;:!?)\]”\"/]\s*$|\./\.$")
_ENUM = re.compile(r"^(\d+(\.\d+)*|[IVX]+|[a-zđ])[.)]$")


def clean(text: str) -> str:
    """The text as quoted: NFC, no emphasis marks, one space between words."""
    text = unicodedata.normalize("NFC", text)
    text = _EMPHASIS.sub("", text)
    return _SPACE.sub(" ", text).strip()


_SAME_LENGTH = str.maketrans({"“": '"', "”": '"', "–": "-", "—": "-", "’": "'"})


def for_matching(text: str) -> str:
    """Quotes and dashes made plain, one character for one, so positions still point into the quoted text."""
    return text.translate(_SAME_LENGTH)


@dataclass
class Sentence:
    line: int
    start: int                    # offset in the paragraph's text
    text: str                     # as quoted (clean)
    paragraph: "Paragraph"


@dataclass
class Paragraph:
    line: int
    raw: str                      # the source text, emphasis kept (names of models are often emphasised)
    text: str
    lines: list[int] = field(default_factory=list)
    joined_at: list[int] = field(default_factory=list)   # lines where a sentence broken by a page break resumes
    sentences: list[Sentence] = field(default_factory=list)
    offsets: list[tuple[int, int]] = field(default_factory=list)   # (offset in text, line it starts on)

    @property
    def match(self) -> str:
        return for_matching(self.text)

    def line_at(self, offset: int) -> int:
        line = self.line
        for off, ln in self.offsets:
            if off <= offset:
                line = ln
        return line


@dataclass
class ReportText:
    path: Path
    lines: list[str]
    paragraphs: list[Paragraph]
    encoding: str = "utf-8"       # 'docx', 'utf-8', or the legacy encoding converted (engine.legacy.LABELS)

    def sentences(self):
        for p in self.paragraphs:
            yield from p.sentences


def _decode(path: Path) -> tuple[list[str], str]:
    """The report's lines and the encoding they were read in ('utf-8', or a legacy one converted to Unicode)."""
    raw = read_capped(path, MAX_BYTES, what="report")
    # a Word file, whatever its name says; a .docx that holds plain text is read as text
    if raw.startswith(b"PK\x03\x04") or (path.suffix.lower() == ".docx" and raw.startswith(b"PK")):
        return _docx_lines(path, raw), "docx"
    encoding = "utf-8"
    try:
        text = decode_utf8(path, raw)
    except InputError:
        converted = legacy.decode(raw)
        if converted is None:
            text = decode_utf8(path, raw)  # raises the located error that says what the file is
        else:
            text, encoding = converted
            text = text.replace("\r\n", "\n").replace("\r", "\n")
    # a report, unlike our own files, may mix NFC and NFD freely: it is normalised, not refused
    return unicodedata.normalize("NFC", text).split("\n"), encoding


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = {"0", "false", "off"}


def _flag(rpr, name: str) -> bool:
    el = rpr.find(_W + name) if rpr is not None else None
    return el is not None and el.get(_W + "val", "true").lower() not in _OFF


def _run_text(run) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append(" ")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _docx_lines(path: Path, raw: bytes) -> list[str]:
    """A Word report as lines: one per paragraph, a blank line between them, table rows as '|'-joined lines.
    The archive is opened member by member within the caps of engine.inputs (no zip bomb gets further)."""
    zf, part = open_docx_part(path, raw)
    lines: list[str] = []
    with zf:
        # body children sit at depth 3: w:document / w:body / (w:p | w:tbl | …)
        for child in iter_xml(path, zf, part, depth=3):
            tag = child.tag
            if tag == _W + "p":
                # italic or bold runs become *emphasis*, as in the text form: reports set model names off that way
                texts = []
                runs = [r for el in child for r in ([el] if el.tag == _W + "r" else el.iter(_W + "r"))
                        if r.tag == _W + "r"]
                for run in runs:
                    text = _run_text(run)
                    rpr = run.find(_W + "rPr")
                    texts.append(f"*{text}*" if text.strip() and (_flag(rpr, "i") or _flag(rpr, "b")) else text)
                lines += [unicodedata.normalize("NFC", "".join(texts).replace("**", "")), ""]
            elif tag == _W + "tbl":
                for row in child.iter(_W + "tr"):
                    cells = ["".join(t.text or "" for t in cell.iter(_W + "t")) for cell in row.iter(_W + "tc")]
                    lines += [" | ".join(cells), ""]
    return lines


_SENT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ(\"“+-])|(?<=\.\))\s+")


def _split(p: Paragraph) -> None:
    start = 0
    text = p.text
    pieces = []
    for m in _SENT.finditer(text):
        if _ENUM.match(text[start:m.start()].strip()):
            continue  # "3." opening a numbered item is not a sentence of its own
        pieces.append((start, text[start:m.start()]))
        start = m.end()
    pieces.append((start, text[start:]))
    for pos, piece in pieces:
        if piece.strip():
            p.sentences.append(Sentence(p.line_at(pos), pos, piece.strip(), p))


def encoding_note(report: ReportText) -> Optional[str]:
    """What to tell the user about a report read from a legacy encoding, or None."""
    if report.encoding in ("utf-8", "docx"):
        return None
    return (f"the report is Vietnamese text in the {legacy.LABELS[report.encoding]} encoding: read as Unicode; "
            "check the letters of what is drafted from it")


def report_lines(path: Path) -> list[str]:
    """The report's lines as the quote check and intake number them (Word paragraphs each with a blank line)."""
    return _decode(path)[0]


def read_report(path: Path) -> ReportText:
    lines, encoding = _decode(path)
    paragraphs: list[Paragraph] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        start = i
        parts = [lines[i]]
        offsets = [(0, i + 1)]
        joined = []
        i += 1
        while True:
            # a paragraph that ends without punctuation and resumes in lower case after blank lines was cut by a
            # page break: mend it (the quote of a fact then spans the lines; the quote check allows that)
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            last = clean(parts[-1])
            if (j < len(lines) and j - i <= 3 and last and not _END.search(last)
                    and clean(lines[j])[:1].islower()):
                offsets.append((len(clean(" ".join(parts))) + 1, j + 1))
                parts.append(lines[j])
                joined.append(j + 1)
                i = j + 1
                continue
            if i < len(lines) and lines[i].strip() and not _BULLET.match(lines[i]):
                offsets.append((len(clean(" ".join(parts))) + 1, i + 1))
                parts.append(lines[i])
                i += 1
                continue
            break
        raw = " ".join(parts)
        text = clean(_BULLET.sub("", raw))
        p = Paragraph(start + 1, raw, text, [ln for _, ln in offsets], joined)
        shift = len(clean(raw)) - len(text)
        p.offsets = [(max(0, off - shift), ln) for off, ln in offsets]
        _split(p)
        paragraphs.append(p)
    return ReportText(path, lines, paragraphs, encoding)
