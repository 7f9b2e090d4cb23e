"""A commune's report as text — the one class every reader of a report uses (intake, lint, the quote check of fact
files, the web page): read from .txt, .md, .docx, a PDF with a text layer, or a scanned PDF or image through OCR;
cut into paragraphs and sentences that remember their line, with its tables kept as cells; mended where real
reports break (page breaks in mid-sentence, decomposed Unicode, bullets, emphasis). ``clean`` is the one text
normaliser; ``quote_key`` and ``fold`` are built on it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from . import legacy
from .diagnostics import InputError, column_letter
from .inputs import describe, error, iter_xml, open_docx_part, read_capped
from .vi import fold  # noqa: F401  # read by intake, selection and the tests from here
from .yamlsrc import decode_utf8

MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 200
OCR_TIMEOUT = 120  # seconds per page image
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")
_BULLET = re.compile(r"^\s*[-+•–]\s+")
_END = re.compile(r"[.;:!?)\]”\"/]\s*$|\./\.$")
_ENUM = re.compile(r"^(\d+(\.\d+)*|[IVX]+|[a-zđ])[.)]$")
_HEADING_START = re.compile(r"^\s*(?:#+\s|\d+(?:\.\d+)*[.)]\s|[IVX]+\.\s|[a-zđ]\)\s)")
# the numbering of a heading or a sub-heading, in the styles reports use: "a) ", "b. ", "đ/ ", "(c) ", "i) ", "iv. ",
# "1.2. ", "1.2) ", "2- ", and "1.2 " (a level number without its closing mark) before a capital letter; a sentence
# resumed after a page break never starts with one (a figure such as "1.000 hộ" or "10/10 thôn" is not a number of
# this kind: its groups have three digits, or it goes on with "/")
_SUBHEADING_START = re.compile(
    r"^\s*(?:\(\s*(?:[a-zđ]|[ivx]{1,4}|\d{1,2})\s*\)\s"
    r"|(?:[a-zđ]|[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})*)\s?[.)/:-]\s"
    r"|\d{1,2}(?:\.\d{1,2})+\s+(?=[A-ZĐÀ-Ỹ]))"
)
REPORT_SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


# --------------------------------------------------------------------------------------------------- normalising


# characters a report's tools leave in its text that are not its words: zero-width spaces and joiners, a soft hyphen,
# a byte-order mark inside the text (web pages and Word copy them with the words)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"))
# one character for one, so a line's columns stay where they were: the spaces a word processor writes (no-break,
# narrow, figure, thin, en, em) as spaces, and the glyphs of its bullet lists as the one bullet the reader knows
_PLAIN = str.maketrans({**{c: " " for c in "\u00a0\u202f\u2007\u2009\u2002\u2003"}, **{c: "•" for c in "●▪◦■□♦❖➢►▸✓✔"}})
_STAR_BULLET = re.compile(r"^(\s*)\*(?=\s+\S)", re.M)  # a Markdown list's "* " (never "**bold**")
# a date written with dots or hyphens ("20.12.2024", "20-12-2024") as documents write it, with slashes: the reader
# knows one form (one character for one)
_OTHER_DATE = re.compile(r"\b(\d{1,2})([.-])(\d{1,2})\2((?:19|20)\d{2})\b")


def _dates(text: str) -> str:
    return _OTHER_DATE.sub(r"\1/\3/\4", text) if "." in text or "-" in text else text


# (str.translate with a table is slow on every line; the characters it changes are rare: looked for first)
_INVISIBLE_RX = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")
_PLAIN_RX = re.compile("[" + "".join(map(chr, _PLAIN)) + "]")


def _plain(text: str) -> str:
    """A text report's characters as the reader knows them (see _INVISIBLE, _PLAIN, _STAR_BULLET, _OTHER_DATE)."""
    if _INVISIBLE_RX.search(text):
        text = text.translate(_INVISIBLE)
    if _PLAIN_RX.search(text):
        text = text.translate(_PLAIN)
    if "*" in text:
        text = _STAR_BULLET.sub(r"\1•", text)
    return _dates(text)


def clean(text: str) -> str:
    """The text as quoted: NFC, no emphasis marks, one space between words. The one normaliser of report text."""
    text = unicodedata.normalize("NFC", text)
    if _INVISIBLE_RX.search(text):
        text = text.translate(_INVISIBLE)
    text = _dates(text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())  # one space between words, none at the ends (as "\s+" → " ", then strip)


_SAME_LENGTH = str.maketrans({"“": '"', "”": '"', "–": "-", "—": "-", "’": "'", "‘": "'"})


def for_matching(text: str) -> str:
    """Quotes and dashes made plain, one character for one, so positions still point into the quoted text."""
    return text.translate(_SAME_LENGTH)


def quote_key(text: str) -> str:
    """What two quotes must share to be the same words: clean, quotes and dashes plain."""
    return for_matching(clean(text.replace("`", "")))


# --------------------------------------------------------------------------------------------------- the model


@dataclass
class Sentence:
    line: int
    start: int  # offset in the paragraph's text
    text: str  # as quoted (clean)
    paragraph: "Paragraph"


@dataclass
class Paragraph:
    line: int
    raw: str  # the source text, emphasis kept (names of models are often emphasised)
    text: str
    lines: list[int] = field(default_factory=list)
    joined_at: list[int] = field(default_factory=list)  # lines where a sentence broken by a page break resumes
    sentences: list[Sentence] = field(default_factory=list)
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, line it starts on)
    table: Optional[int] = None  # a row of this table (read by its cells, not as prose)

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
class Cell:
    table: int  # 1-based, in document order (a layout table counts too)
    row: int  # 1-based
    col: int  # 1-based
    text: str  # clean
    raw: str  # emphasis kept
    line: int  # the line of its row in ``ReportText.lines``

    @property
    def ref(self) -> str:
        """The cell as a fact cites it: 'Bảng 2!E4' (table 2, column E, row 4)."""
        return f"Bảng {self.table}!{column_letter(self.col)}{self.row}"


@dataclass
class Table:
    index: int
    rows: list[list[Cell]]


@dataclass
class ReportText:
    path: Path
    lines: list[str]
    paragraphs: list[Paragraph]
    encoding: str = "utf-8"  # 'docx', 'pdf', 'ocr', 'utf-8', or the legacy encoding converted (legacy.LABELS)
    tables: list[Table] = field(default_factory=list)
    _keys: Optional[list[str]] = field(default=None, repr=False)

    @property
    def ocr(self) -> bool:
        return self.encoding == "ocr"

    def sentences(self) -> Iterator[Sentence]:
        for p in self.paragraphs:
            yield from p.sentences

    def found_at(self, line: int, quote: str, *, span: int = 4) -> bool:
        """Whether ``quote`` stands at ``line`` (or runs on over the next lines: a page break may cut it)."""
        if self._keys is None:
            self._keys = [quote_key(x) for x in self.lines]
        window = " ".join(x for x in self._keys[line - 1 : line - 1 + span] if x)
        return quote_key(quote) in window

    def find(self, quote: str) -> Optional[int]:
        for i in range(1, len(self.lines) + 1):
            if self.found_at(i, quote):
                return i
        return None


# --------------------------------------------------------------------------------------------------- reading


@dataclass
class _Read:
    lines: list[str]
    encoding: str
    tables: list[Table] = field(default_factory=list)
    table_lines: dict[int, int] = field(default_factory=dict)  # line (1-based) → table index


def _decode(path: Path) -> _Read:
    """The report's lines, tables and the way it was read."""
    raw = read_capped(path, MAX_BYTES, what="report")
    # a Word file, whatever its name says; a .docx that holds plain text is read as text
    if raw.startswith(b"PK\x03\x04") or (path.suffix.lower() == ".docx" and raw.startswith(b"PK")):
        return _docx(path, raw)
    if raw.startswith(b"%PDF"):
        return _pdf(path, raw)
    if describe(raw) == "an image" or raw[:4] in (b"II*\x00", b"MM\x00*"):  # PNG, JPEG, GIF; TIFF
        return _image(path)
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
    lines = _plain(unicodedata.normalize("NFC", text)).split("\n")
    read = _Read(lines, encoding)
    _markdown_tables(read)
    _spaced_tables(read)
    return read


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


def _paragraph_text(p) -> str:
    """A Word paragraph's text; italic or bold runs become *emphasis*, as in the text form (reports set model names
    off that way)."""
    texts = []
    runs = [r for el in p for r in ([el] if el.tag == _W + "r" else el.iter(_W + "r")) if r.tag == _W + "r"]
    for run in runs:
        text = _run_text(run)
        rpr = run.find(_W + "rPr")
        texts.append(f"*{text}*" if text.strip() and (_flag(rpr, "i") or _flag(rpr, "b")) else text)
    return unicodedata.normalize("NFC", "".join(texts).replace("**", ""))


def _docx(path: Path, raw: bytes) -> _Read:
    """A Word report as lines: one per paragraph, a blank line between them. A table of figures (two rows or more,
    three columns or more) is kept as cells, one '|'-joined line per row; a layout table (the header block, the
    signature) gives each of its paragraphs a line, column by column. The archive is opened member by member within
    the caps of engine.inputs (no zip bomb gets further)."""
    zf, part = open_docx_part(path, raw)
    read = _Read([], "docx")
    n_tables = 0
    with zf:
        # body children sit at depth 3: w:document / w:body / (w:p | w:tbl | …)
        for child in iter_xml(path, zf, part, depth=3):
            if child.tag == _W + "p":
                read.lines += [_paragraph_text(child), ""]
            elif child.tag == _W + "tbl":
                n_tables += 1
                _add_table(read, n_tables, _grid_rows(child))
    return read


def _grid_rows(tbl: Any) -> list[list[list[str]]]:
    """A Word table's rows on its grid (each cell a list of paragraphs): a cell merged across columns (gridSpan) is
    given to each column it covers, a cell merged down (vMerge) keeps the text of the cell it continues — so a
    two-row header ("Năm 2024" over "Kế hoạch | Thực hiện") names every column, and cell T3!D4 is the fourth column
    as Word counts it."""
    rows: list[list[list[str]]] = []
    for tr in tbl.iter(_W + "tr"):
        row: list[list[str]] = []
        for tc in tr.iter(_W + "tc"):
            paras = [_paragraph_text(p) for p in tc.iter(_W + "p")]
            pr = tc.find(_W + "tcPr")
            span, goes_on = 1, False
            if pr is not None:
                gs = pr.find(_W + "gridSpan")
                if gs is not None and (gs.get(_W + "val") or "").isdigit():
                    span = max(1, min(int(gs.get(_W + "val")), 64))
                vm = pr.find(_W + "vMerge")
                goes_on = vm is not None and vm.get(_W + "val") in (None, "continue")
            for _ in range(span):
                above = rows[-1][len(row)] if goes_on and rows and len(row) < len(rows[-1]) else None
                row.append(above if above is not None else paras)
        rows.append(row)
    return rows


def _add_table(read: _Read, index: int, rows: list[list[list[str]]]) -> None:
    """A table's rows (each cell a list of paragraphs) as lines, and as cells when it is a table of figures."""
    if len(rows) >= 2 and max((len(r) for r in rows), default=0) >= 3:
        read.tables.append(Table(index, []))
        _add_rows(read, read.tables[-1], rows)
        return
    for row in rows:
        for paras in row:
            for text in paras:
                if text.strip():
                    read.lines.append(text)
            read.lines.append("")


def _add_rows(read: _Read, table: Table, rows: list[list[list[str]]]) -> None:
    """Rows added to a table of figures: one '|'-joined line each, and its cells."""
    for row in rows:
        r = len(table.rows) + 1
        line = len(read.lines) + 1
        cells = [
            Cell(table.index, r, c, clean(" ".join(paras)), " ".join(paras), line) for c, paras in enumerate(row, 1)
        ]
        table.rows.append(cells)
        read.lines += [" | ".join(c.raw for c in cells), ""]
        read.table_lines[line] = table.index


_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


# the header row of a two-column table of results ("| Nội dung | Kết quả đến 30/9/2024 |", "| Chỉ số | Kết quả năm
# 2025 |"), not the header block laid out in two columns ("| ỦY BAN NHÂN DÂN … | CỘNG HÒA … |")
_MD_DATA_HEAD = re.compile(
    r"^(?!.*\b(?:CỘNG HÒA|ỦY BAN|UBND|ĐẢNG ỦY)\b).*\|\s*\**\s*(?:nội dung|chỉ tiêu|chỉ số|tiêu chí|kết quả|thực hiện|"
    r"kế hoạch|tỷ lệ|số liệu|năm\s+(?:19|20)\d{2})\b",
    re.I,
)


def _markdown_tables(read: _Read) -> None:
    """Pipe tables of a Markdown report (| Chỉ tiêu | Kế hoạch | Thực hiện |) kept as cells."""
    i, index = 0, 0
    lines = read.lines
    while i < len(lines):
        if not _MD_ROW.match(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and _MD_ROW.match(lines[i]):
            i += 1
        block = [(n, ln) for n, ln in enumerate(lines[start:i], start + 1) if not _MD_RULE.match(ln)]
        if len(block) < 2 or (
            max(len(ln.strip().strip("|").split("|")) for _, ln in block) < 3 and not _MD_DATA_HEAD.search(block[0][1])
        ):
            continue  # a layout table (the header block's two columns) is read as text
        index += 1
        table = Table(index, [])
        for r, (n, ln) in enumerate(block, 1):
            parts = [p for p in ln.strip().strip("|").split("|")]
            table.rows.append([Cell(index, r, c, clean(p), p.strip(), n) for c, p in enumerate(parts, 1)])
            read.table_lines[n] = index
        read.tables.append(table)


_GAP = re.compile(r"\S+(?: \S+)*")  # a cell of a table aligned with spaces: words one space apart


def _spaced_cells(line: str) -> list[tuple[int, str]]:
    """A line's cells where two spaces or more (or a tab) part them, with the column each starts at."""
    return [(m.start(), m.group(0)) for m in _GAP.finditer(line.expandtabs(8))]


def _tab_cells(line: str) -> list[str]:
    """A line's cells parted by tabs (none when it holds no tab)."""
    return [t.strip() for t in line.strip().split("\t")] if "\t" in line else []


def _spaced_column(spans: list[tuple[int, int]], a: int, b: int) -> int:
    """The header column a body cell at [a, b) belongs to: the one it overlaps most (a figure set flush right under
    "KH năm 2024" ends where its header ends), else the one whose left or right edge is nearest to the cell's."""
    overlap = [max(0, min(b, e) - max(a, s)) for s, e in spans]
    if max(overlap) > 0:
        return max(range(len(spans)), key=lambda k: (overlap[k], -k))
    return min(range(len(spans)), key=lambda k: (min(abs(spans[k][0] - a), abs(spans[k][1] - b)), k))


def _spaced_tables(read: _Read) -> None:
    """Tables of a plain-text report aligned with spaces ("TT  Chỉ tiêu      ĐVT   Năm 2022  Năm 2023"): a block of
    lines of three cells or more under a header row that names a table of figures (the same words as a Markdown
    table's). A body cell belongs to the header's column it overlaps most (else the one whose edge is nearest), so an
    empty cell leaves a gap, not a shift, and a figure set flush right stays under its own header."""
    lines = read.lines
    index = len(read.tables)
    i = 0
    while i < len(lines):
        head = _spaced_cells(lines[i])
        if (
            i + 1 in read.table_lines
            or len(head) < 3
            or not _MD_DATA_HEAD.search("| " + " | ".join(t for _, t in head))
        ):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and j + 1 not in read.table_lines and len(_spaced_cells(lines[j])) >= 3:
            j += 1
        if j - i < 2:
            i += 1
            continue
        index += 1
        table = Table(index, [])
        spans = [(at, at + len(text)) for at, text in head]
        starts = [at for at, _ in spans]
        tabbed = _tab_cells(lines[i])
        for r, n in enumerate(range(i, j), 1):
            row = _tab_cells(lines[n])
            if len(tabbed) == len(starts) and len(row) == len(starts):
                # a table pasted from a word processor, one tab between cells: the tabs part the cells, wherever a tab
                # stop puts them ("1<tab>Số mô hình …<tab>01 mô hình<tab>02 mô hình")
                table.rows.append([Cell(index, r, c, clean(t), t, n + 1) for c, t in enumerate(row, 1)])
                read.table_lines[n + 1] = index
                continue
            cols: dict[int, list[str]] = {}
            for at, text in _spaced_cells(lines[n]):
                cols.setdefault(_spaced_column(spans, at, at + len(text)), []).append(text)
            table.rows.append(
                [
                    Cell(index, r, c + 1, clean(" ".join(cols.get(c, []))), " ".join(cols.get(c, [])), n + 1)
                    for c in range(len(starts))
                ]
            )
            read.table_lines[n + 1] = index
        read.tables.append(table)
        i = j


# --------------------------------------------------------------------------------------------------- PDF and OCR


def _pdf(path: Path, raw: bytes) -> _Read:
    """A PDF report: its text layer, page by page (pdfplumber), ruled tables kept as cells; a page break is a blank
    line, which the paragraph reader mends when a sentence runs on. A PDF without a text layer is a scan: OCR."""
    import io

    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    read = _Read([], "pdf")
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise error(path, "file-too-large", f"the PDF has {len(pdf.pages)} pages; the limit is {MAX_PDF_PAGES}")
            if not any(page.chars for page in pdf.pages):
                return _ocr_pages(path, [page.to_image(resolution=300).original for page in pdf.pages])
            n_tables = 0
            text_run: list[str] = []  # the lines of print since the last table, joined into paragraphs at once
            open_table: Optional[Table] = None  # a table that ended its page: the next page may carry it on

            def flush() -> None:
                read.lines.extend(_paragraphs_of_lines(text_run))
                text_run.clear()

            for page in pdf.pages:
                found = page.find_tables()
                boxes = [t.bbox for t in found]

                def outside(obj, boxes=boxes) -> bool:
                    if obj.get("object_type") != "char":
                        return True
                    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                    return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

                # text above, between and below the tables, in reading order
                pieces: list[tuple[float, Any]] = [(t.bbox[1], t) for t in found]
                text = page.filter(outside).extract_text(layout=False) or ""
                words = page.filter(outside).extract_text_lines() if text else []
                pieces += [(w["top"], w["text"]) for w in words]
                for n, (_, piece) in enumerate(sorted(pieces, key=lambda x: x[0])):
                    if isinstance(piece, str):
                        text_run.append(unicodedata.normalize("NFC", piece))
                        open_table = None
                        continue
                    flush()
                    rows = [[[unicodedata.normalize("NFC", c or "")] for c in row] for row in piece.extract()]
                    if n == 0 and open_table is not None and rows and len(rows[0]) == len(open_table.rows[0]):
                        _add_rows(read, open_table, rows)  # the table goes on over the page break
                    else:
                        n_tables += 1
                        read.lines.append("")
                        _add_table(read, n_tables, rows)
                        open_table = read.tables[-1] if read.tables and read.tables[-1].index == n_tables else None
                text_run.append("")
            flush()
    except InputError:
        raise
    except (PDFSyntaxError, Exception) as exc:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file
        raise error(
            path, "io", f"the PDF cannot be read ({type(exc).__name__}: {exc}); save it again as PDF, or as .docx"
        ) from None
    return read


def _paragraphs_of_lines(lines: list[str]) -> list[str]:
    """A PDF's text lines (each a line of print, wrapped) as paragraphs: a line that does not end a sentence runs
    on into the next one unless that one starts a heading, a bullet or a numbered item."""
    out: list[str] = []
    for line in lines:
        text = line.rstrip()
        if (
            out
            and out[-1]
            and text
            and not _END.search(out[-1])
            and not _HEADING_START.match(text)
            and not _BULLET.match(text)
            and not out[-1].isupper()
            and not text.isupper()
            and not _MD_ROW.match(text)
            and " | " not in out[-1]
        ):
            # a number or a word cut at a hyphen or slash by the wrap ("87/QĐ-" + "UBND") is one again
            out[-1] = out[-1] + ("" if re.search(r"\w[-/]$", out[-1]) else " ") + text.strip()
            continue
        if out and out[-1] and text:
            out.append("")
        out.append(text)
    return out


def tesseract() -> Optional[str]:
    """The Tesseract program, when it is installed with its Vietnamese data; else None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if "vie" in langs else None


OCR_MISSING = (
    "reading it needs OCR: install Tesseract with its Vietnamese data (Debian/Ubuntu: apt-get install "
    "tesseract-ocr tesseract-ocr-vie), or give the report as .docx, .txt or a PDF with a text layer"
)


def _image(path: Path) -> _Read:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            frames = []
            for i in range(getattr(im, "n_frames", 1)):
                im.seek(i)
                frames.append(im.convert("RGB"))
    except (UnidentifiedImageError, OSError) as exc:
        raise error(path, "io", f"the image cannot be read ({exc})") from None
    return _ocr_pages(path, frames)


def _ocr_pages(path: Path, images: list) -> _Read:
    """The text of page images by Tesseract OCR (Vietnamese); every fact read from it is marked for review."""
    exe = tesseract()
    if exe is None:
        what = "a scanned PDF (no text layer)" if path.suffix.lower() == ".pdf" else "an image"
        raise error(path, "ocr-unavailable", f"the report is {what}; {OCR_MISSING}")
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="chitieu-ocr-") as tmp:
        for i, image in enumerate(images):
            page = Path(tmp) / f"p{i}.png"
            image.save(page)
            try:
                done = subprocess.run(
                    [exe, str(page), "stdout", "-l", "vie", "--psm", "4"], capture_output=True, timeout=OCR_TIMEOUT
                )
            except subprocess.TimeoutExpired:
                raise error(path, "io", f"OCR of page {i + 1} took longer than {OCR_TIMEOUT} s") from None
            if done.returncode != 0:
                raise error(
                    path, "io", f"OCR of page {i + 1} failed: {done.stderr.decode('utf-8', 'replace').strip()[:200]}"
                )
            lines += unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace")).split("\n") + [""]
    return _Read(_paragraphs_of_lines(lines), "ocr")


# --------------------------------------------------------------------------------------------------- paragraphs

# a sentence starts after a stop before a capital, a bracket or a bullet, or before a figure after a word or a closing
# quote ("… là 12 hộ. 9 tháng đầu năm, xã giảm …", "… “Dân vận khéo”. 9 tháng đầu năm …"; not after a number: "ngày
# 12/3/2024. 2. …" is a numbered item's)
_SENT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ(\"“+-])|(?<=\.\))\s+|(?:(?<=[^\W\d]{2}\.)|(?<=[”\"]\.))\s+(?=\d)")


def _split(p: Paragraph) -> None:
    start = 0
    text = p.text
    pieces = []
    for m in _SENT.finditer(text):
        if _ENUM.match(text[start : m.start()].strip()):
            continue  # "3." opening a numbered item is not a sentence of its own
        pieces.append((start, text[start : m.start()]))
        start = m.end()
    pieces.append((start, text[start:]))
    for pos, piece in pieces:
        if piece.strip():
            p.sentences.append(Sentence(p.line_at(pos), pos, piece.strip(), p))


def encoding_note(report: ReportText) -> Optional[str]:
    """What to tell the user about a report read from a legacy encoding or by OCR, or None."""
    if report.encoding in ("utf-8", "docx", "pdf"):
        return None
    if report.encoding == "ocr":
        return "the report was read by OCR: every fact drafted from it is marked for review"
    return (
        f"the report is Vietnamese text in the {legacy.LABELS[report.encoding]} encoding: read as Unicode; "
        "check the letters of what is drafted from it"
    )


def report_lines(path: Path) -> list[str]:
    """The report's lines as the quote check and intake number them (Word paragraphs each with a blank line)."""
    return _decode(path).lines


def _continues(last: str, nxt: str) -> bool:
    """Whether the line ``nxt``, after blank lines, carries on the sentence ``last`` left open (a page break): it
    starts in lower case, or with a figure that is not a numbered heading ("là" / "10/10 thôn …")."""
    nxt = clean(nxt)
    if not last or _END.search(last) or not nxt or _SUBHEADING_START.match(nxt):
        return False
    return nxt[:1].islower() or (nxt[:1].isdigit() and not _HEADING_START.match(nxt) and not last.isupper())


# a line that may head a paragraph of its own: a section, a numbered or lettered item ("I. ", "2.1. ", "c) ")
_MARKED = re.compile(r"^\s*(?:[IVX]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s+\S")


# a line opening on a short label ("Kết quả: Năm 2024, …" under "Chỉ tiêu 2: Hằng năm …."), a paragraph of its own
# after a finished sentence
_LABELLED = re.compile(r"^[^\W\d][^\s:]*(?:\s+[^\s:]+){0,3}:\s+\S")


# a Markdown heading ("### b) Kết quả năm 2023"): a block of its own, never joined to the line above or below it
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")


def _own_block(last: str, nxt: str) -> bool:
    """Whether two lines stay apart whatever the text's habit: either is a Markdown heading."""
    return bool(_ATX_HEADING.match(last) or _ATX_HEADING.match(nxt))


def _new_paragraph(last: str, nxt: str) -> bool:
    """Whether the line ``nxt``, right under ``last`` with no blank line between, starts a paragraph of its own: some
    writers put one paragraph on a line and their headings on lines of their own ("c) Ấp văn hóa" over "Kết quả bình
    xét …"). A marked line after a finished sentence, or any line opening with a capital or a mark after a short
    marked line that ends without a stop (a heading), or a labelled line ("Kết quả: …") after a finished sentence; a
    line wrapped mid-sentence never does."""
    last, nxt = clean(last), clean(nxt)
    if not last or not nxt:
        return False
    if (_MARKED.match(nxt) or (nxt[:1].isupper() and _LABELLED.match(nxt))) and re.search(r"[.!?]\s*$", last):
        return True  # not after "…, gồm:" or an item ending ";"
    return bool(
        _MARKED.match(last)
        and len(last) <= 120
        and not re.search(r"[.;:!?,]\s*$", last)  # it may end on a quote or bracket: "a) Phong trào “Dân vận khéo”"
        and (nxt[:1].isupper() or _MARKED.match(nxt))
    )


def _dense(lines: list[str]) -> bool:
    """Whether the text has (almost) no blank lines between its paragraphs — a report saved from Word as plain text,
    or pasted: one paragraph per line, its headings on lines of their own. Such a text has fewer than one blank line
    in twenty; a report written with blank lines between paragraphs has one in eight or more."""
    filled = sum(1 for ln in lines if ln.strip())
    return filled >= 12 and (len(lines) - filled) * 20 < filled


def read_report(path: Path) -> ReportText:
    read = _decode(path)
    lines = read.lines
    paragraphs: list[Paragraph] = []
    # with no blank lines to part them, a line starts a paragraph of its own unless it carries on a sentence the line
    # above left open (a line wrapped at a fixed width)
    dense = _dense(lines)
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
        in_table = read.table_lines.get(start + 1)
        while in_table is None:
            # a paragraph that ends without punctuation and resumes after blank lines was cut by a page break: mend
            # it (the quote of a fact then spans the lines; the quote check allows that)
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if (
                j < len(lines)
                and j - i <= 3
                and j + 1 not in read.table_lines
                and not _own_block(parts[-1], lines[j])
                and _continues(clean(parts[-1]), lines[j])
            ):
                offsets.append((len(clean(" ".join(parts))) + 1, j + 1))
                parts.append(lines[j])
                if j > i:  # over blank lines: a page break; a line wrapped inside its paragraph is no break
                    joined.append(j + 1)
                i = j + 1
                continue
            if (
                i < len(lines)
                and lines[i].strip()
                and not _BULLET.match(lines[i])
                and i + 1 not in read.table_lines
                and not _own_block(parts[-1], lines[i])
                and (_continues(clean(parts[-1]), lines[i]) if dense else not _new_paragraph(parts[-1], lines[i]))
            ):
                offsets.append((len(clean(" ".join(parts))) + 1, i + 1))
                parts.append(lines[i])
                i += 1
                continue
            break
        raw = " ".join(parts)
        text = clean(_BULLET.sub("", raw))
        p = Paragraph(start + 1, raw, text, [ln for _, ln in offsets], joined, table=in_table)
        shift = len(clean(raw)) - len(text)
        p.offsets = [(max(0, off - shift), ln) for off, ln in offsets]
        _split(p)
        paragraphs.append(p)
    return ReportText(path, lines, paragraphs, read.encoding, read.tables)
