"""A commune's report as text: read from .txt, .md or .docx, cut into paragraphs and sentences that remember their
line, mended where real reports break (page breaks in mid-sentence, decomposed Unicode, bullets, emphasis)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, InputError
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

    def sentences(self):
        for p in self.paragraphs:
            yield from p.sentences


def _decode(path: Path) -> list[str]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError([Diagnostic(str(path), 1, 1, "io", f"cannot read the report: {exc.strerror or exc}")])
    if size > MAX_BYTES:
        raise InputError([Diagnostic(str(path), 1, 1, "file-too-large",
                                     f"the report is {size:,} bytes; the limit is {MAX_BYTES:,} bytes")])
    if path.suffix.lower() == ".docx":
        return _docx_lines(path)
    # a report, unlike our own files, may mix NFC and NFD freely: it is normalised, not refused
    text = unicodedata.normalize("NFC", decode_utf8(path, path.read_bytes()))
    return text.split("\n")


def _docx_lines(path: Path) -> list[str]:
    """A Word report as lines: one per paragraph, a blank line between them, table rows as '|'-joined lines."""
    try:
        from docx import Document

        doc = Document(str(path))
    except Exception as exc:  # noqa: BLE001 - any failure to open is an unreadable report
        raise InputError([Diagnostic(str(path), 1, 1, "io", f"cannot open the Word file ({type(exc).__name__})")])
    from docx.text.paragraph import Paragraph as DocxParagraph

    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            # italic or bold runs become *emphasis*, as in the text form: reports set model names off that way
            parts = []
            for run in DocxParagraph(child, doc).runs:
                text = run.text
                parts.append(f"*{text}*" if text.strip() and (run.italic or run.bold) else text)
            lines += [unicodedata.normalize("NFC", "".join(parts).replace("**", "")), ""]
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iter():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
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


def read_report(path: Path) -> ReportText:
    lines = _decode(path)
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
    return ReportText(path, lines, paragraphs)
