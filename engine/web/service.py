"""The web page's one seam to the engine: every call into chitieu's engine is made here, and nowhere else in
chitieu.web — loading the catalogue, drafting facts from a report, reading a fact file, checking a fact, auditing,
rendering the documents and the rule pages.

What crosses the seam is plain data (dicts, lists, strings, bytes) in the engine's own file format, so that when
the engine changes, only this module has to follow. Nothing here decides a status: the audit is the engine's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import json
import re
import tempfile
import threading
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Optional

from .. import __version__, vi
from ..batch import audit_batch, collect
from ..catalogue import Catalogue, load_catalogue
from ..diagnostics import Diagnostic, Diagnostics, InputError
from ..facts import fact_problems, load_inputs
from ..intake import draft_body, extract
from ..model import Fact
from ..reporters import DOCUMENT_FORMATS, REPORTERS, SHORTFALL_FORMATS, Options, Run, render
from ..reporttext import MAX_BYTES as MAX_REPORT_BYTES
from ..reporttext import read_report
from ..resources import default_rules_dir
from ..form_read import MAX_FILE_BYTES as MAX_FORM_BYTES
from ..yamlsrc import MAX_BYTES as MAX_FACT_FILE_BYTES
from ..yamlsrc import flow
from ..yamlsrc import YamlDoc
from ..yamlsrc import decode as decode_yaml
from ..yamlsrc import parse as parse_yaml

STATUS_LABELS = vi.STATUS_LABELS
STATUS_ORDER = vi.STATUS_ORDER
STATUS_ORDER = vi.STATUS_ORDER
OUTLOOK_LABELS = vi.OUTLOOK_LABELS
EVIDENCE_LABELS = vi.EVIDENCE_LABELS
SEVERITY_LABELS = vi.SEVERITY_LABELS
THEME_LABELS = vi.THEME_LABELS
ENGINE_VERSION = __version__

REPORT_SUFFIXES = (".docx", ".txt", ".md")
FACT_SUFFIXES = (".yaml", ".yml")
# the same limits as on the command line
LIMITS = {
    ".docx": MAX_REPORT_BYTES,
    ".txt": MAX_REPORT_BYTES,
    ".md": MAX_REPORT_BYTES,
    ".yaml": MAX_FACT_FILE_BYTES,
    ".xlsx": MAX_FORM_BYTES,
}
KINDS_TEXT = "báo cáo (.docx, .txt, .md), biểu mẫu báo cáo đã điền (.xlsx) hoặc tệp số liệu (.yaml)"
MAX_UPLOAD_BYTES = max(LIMITS.values())
# a Word file is a zip: refuse one that would unpack into more than this (a zip bomb), before the engine opens it
MAX_DOCX_UNPACKED = 200 * 1024 * 1024

# durable_rules keeps its networks in C; audits are run one at a time in this process
_AUDIT_LOCK = threading.Lock()


class ServiceError(Exception):
    """Input the engine cannot use; ``problems`` are located messages (file:line:col: error[code]: message)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _problems(diags: Iterable[Diagnostic], shown: dict[str, str]) -> list[str]:
    out = []
    for d in sorted(diags, key=lambda d: (d.path, d.line, d.col, d.code)):
        path = d.path
        for real, name in shown.items():
            if path.startswith(real):
                path = name + path[len(real) :]
        # the page is in Vietnamese: the message in Vietnamese, the place as the person named the file (a form's cell)
        out.append(dataclasses.replace(d, path=path).render("vi"))
    return out


# --------------------------------------------------------------------------------------------------- the catalogue


@functools.lru_cache(maxsize=4)
def _catalogue_at(root: str) -> Catalogue:
    return load_catalogue(Path(root))


def catalogue(rules_dir: Optional[Path] = None) -> Catalogue:
    """The rule catalogue ($CHITIEU_RULES or the shipped one), loaded once per process; ServiceError when broken."""
    try:
        return _catalogue_at(str(rules_dir or default_rules_dir()))
    except InputError as exc:
        raise ServiceError(_problems(exc.diagnostics, {})) from exc


def catalogue_info(cat: Catalogue) -> dict:
    return {"name": cat.info.name, "version": cat.version, "digest": cat.digest, "engine": ENGINE_VERSION}


@dataclass(frozen=True)
class RuleInfo:
    id: str
    title: str
    document: str  # the plan's number, e.g. 156/KH-UBND
    citation: str
    theme: str
    period_kind: str
    severity: str


def rules(cat: Catalogue) -> list[RuleInfo]:
    """The catalogue's rules in its own order, as the pages list them."""
    return [
        RuleInfo(
            lr.id,
            lr.rule.title,
            lr.document.number,
            lr.document.citation,
            lr.rule.theme,
            lr.rule.period.kind,
            lr.rule.severity,
        )
        for lr in cat.rules
    ]


def documents(cat: Catalogue) -> list[tuple[str, str]]:
    """(number, citation) of every plan the catalogue encodes."""
    return sorted({(lr.document.number, lr.document.citation) for lr in cat.rules})


def indicators(cat: Catalogue) -> list[dict]:
    return [
        {
            "key": ind.key,
            "name": ind.name,
            "type": ind.type,
            "unit": ind.unit,
            "levels": [lv.key for lv in ind.levels or []],
        }
        for ind in cat.indicators.values()
    ]


def rule_page(cat: Catalogue, rule_id: str) -> Optional[str]:
    """The rule's page as Markdown, exactly as `chitieu rules show` prints it (None for an unknown id)."""
    return _pages(cat).get(f"{rule_id}.md") if rule_id in cat.by_id else None


_PAGES: dict[str, dict[str, str]] = {}


def _pages(cat: Catalogue) -> dict[str, str]:
    from ..authoring import docs_pages

    if cat.digest not in _PAGES:
        _PAGES[cat.digest] = docs_pages(cat)
    return _PAGES[cat.digest]


def catalogue_index(cat: Catalogue) -> str:
    """The catalogue's index page as Markdown (`chitieu rules docs`)."""
    return _pages(cat)["index.md"]


# --------------------------------------------------------------------------------------------------- JSON of values


def plain(value: Any) -> Any:
    """Engine values as JSON-ready data: Decimals become int or float, dates ISO text, tuples lists."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


# --------------------------------------------------------------------------------------------------- reports


@dataclass
class Segment:
    text: str
    facts: list[int] = field(default_factory=list)  # indexes of the drafted facts this text was read into


@dataclass
class ShownParagraph:
    line: int
    segments: list[Segment]


@dataclass
class Draft:
    """What was read from a report or a fact file, in the engine's fact-file fields."""

    commune: dict  # id (may be None for a report), name, district, province
    report: dict  # title, number, date, as_of, issuer, period {from, to}
    facts: list[dict]  # {indicator, period, body, line, quote, flagged}
    statements: list[dict]
    unmatched: list[tuple[int, str]]
    warnings: list[str] = field(default_factory=list)


def check_upload(name: str, data: bytes) -> str:
    """The stored suffix of an upload (.docx, .txt, .md, .xlsx or .yaml), or ServiceError saying why it is refused."""
    suffix = Path(name).suffix.lower()
    if suffix == ".yml":
        suffix = ".yaml"
    if suffix not in LIMITS:
        raise ServiceError(
            [f"{name}:1:1: error[upload-kind]: không đọc được loại tệp “{suffix or name}”; hãy tải lên {KINDS_TEXT}"]
        )
    if not data:
        raise ServiceError([f"{name}:1:1: error[empty-file]: tệp rỗng"])
    if len(data) > LIMITS[suffix]:
        raise ServiceError(
            [
                f"{name}:1:1: error[file-too-large]: tệp dài {vi.number(len(data))} byte; giới hạn là {vi.number(LIMITS[suffix])} byte"
            ]
        )
    if suffix == ".docx":
        _check_docx(name, data)
    return suffix


def _check_docx(name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        raise ServiceError([f"{name}:1:1: error[io]: không mở được tệp Word (không phải tệp .docx hợp lệ)"]) from None
    if unpacked > MAX_DOCX_UNPACKED:
        raise ServiceError(
            [
                f"{name}:1:1: error[file-too-large]: tệp Word giải nén ra {vi.number(unpacked)} byte; "
                f"giới hạn là {vi.number(MAX_DOCX_UNPACKED)} byte"
            ]
        )


def commune_id(name: str, province: str = "") -> str:
    """The id a commune gets from its name (and province), as `chitieu facts extract` makes it."""
    from ..intake import slug

    name = re.sub(r"^(xã|phường|thị trấn)\s+", "", name.strip(), flags=re.I)
    return "/".join(x for x in (slug(province) if province else None, slug(name)) if x)


def draft_from_report(
    cat: Catalogue, path: Path, shown: str, as_of_given: Optional[dt.date] = None
) -> tuple[Draft, list[ShownParagraph]]:
    """Draft facts from a stored report (as `chitieu facts extract` does), with its text cut into paragraphs and
    every figure that was read marked in place. A report that does not say when its figures run to needs the date
    from the person uploading it (never today's date: a finding is judged at that date)."""
    try:
        ex = extract(cat, read_report(path))
    except InputError as exc:
        raise ServiceError(_problems(exc.diagnostics, {str(path): shown})) from exc
    h = ex.header
    as_of = as_of_given or h.as_of
    if as_of is None:
        raise ServiceError(
            [
                f"{shown}: báo cáo không ghi số liệu tính đến ngày nào; nhập ngày ở ô “Số liệu tính "
                "đến ngày” rồi tải lên lại"
            ]
        )
    start = dt.date(h.period_from, 1, 1) if h.period_from else dt.date(as_of.year, 1, 1)
    name = h.commune or "Chưa rõ"
    commune = {"id": None, "name": f"xã {name}", "district": None, "province": None}
    report = {
        "title": h.title or f"Báo cáo của UBND xã {name}",
        "number": h.number,
        "date": h.date or as_of.isoformat(),
        "as_of": as_of.isoformat(),
        "issuer": h.issuer or f"UBND xã {name}",
        "period": {"from": start.isoformat(), "to": as_of.isoformat()},
    }
    facts = []
    for d in ex.facts:
        body = {k: plain(v) for k, v in draft_body(d).items()}
        facts.append(
            {
                "indicator": d.indicator,
                "period": str(d.period),
                "body": body,
                "line": d.line,
                "cell": d.cell,
                "quote": d.quote,
                "flagged": bool(d.review),
            }
        )
    statements = [_statement(s) for s in ex.statements]
    draft = Draft(commune, report, facts, statements, list(ex.unmatched))
    return draft, _marked(ex.report, facts)


def _statement(s: dict) -> dict:
    out = {k: s[k] for k in ("kind", "text", "theme", "rule", "in_summary", "review") if s.get(k) is not None}
    out["source"] = {"line": s["line"], "quote": s["quote"]}
    return out


def report_paragraphs(cat: Catalogue, path: Path, facts: list[dict], shown: str) -> list[ShownParagraph]:
    """A stored report's text with the given facts (line, quote) marked where they were read."""
    try:
        text = read_report(path)
    except InputError as exc:
        raise ServiceError(_problems(exc.diagnostics, {str(path): shown})) from exc
    return _marked(text, facts)


def _marked(text, facts: list[dict]) -> list[ShownParagraph]:
    out = []
    for p in text.paragraphs:
        last = p.lines[-1] if p.lines else p.line
        spans: list[tuple[int, int, int]] = []
        for i, f in enumerate(facts):
            if not (p.line <= f["line"] <= last) or not f["quote"]:
                continue
            at = p.text.find(f["quote"])
            if at >= 0:
                spans.append((at, at + len(f["quote"]), i))
        out.append(ShownParagraph(p.line, _segments(p.text, spans)))
    return out


def _segments(text: str, spans: list[tuple[int, int, int]]) -> list[Segment]:
    """The text cut at every span edge; each piece knows which facts cover it (spans may overlap)."""
    cuts = sorted({0, len(text)} | {a for a, _, _ in spans} | {b for _, b, _ in spans})
    segs: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [i for s, e, i in spans if s <= a and b <= e]
        if segs and segs[-1].facts == covering:
            segs[-1].text += text[a:b]
        else:
            segs.append(Segment(text[a:b], covering))
    return segs


# --------------------------------------------------------------------------------------------------- fact files

_PLAIN_FILE_LINE = re.compile(r"^(?P<indent>[ \t]*)file:[ \t]*(?P<value>.*)$")


def read_fact_file(cat: Catalogue, data: bytes, shown: str, suffix: str = ".yaml") -> Draft:
    """A fact file (.yaml) or a filled reporting form (.xlsx) read and checked by the engine, as a draft to review.
    A ``report.file`` a fact file names is ignored (an upload never reaches a path of this machine): its quotes are
    not checked against any file here. A form's facts cite their cells (line = the row of Biểu 01)."""
    if suffix == ".xlsx":  # a workbook is read from a file (openpyxl); a fact file is parsed in memory
        with tempfile.TemporaryDirectory(prefix="chitieu-web-") as tmp:
            path = Path(tmp) / f"upload{suffix}"
            path.write_bytes(data)
            return _draft_of(cat, path, {str(path): shown}, [])
    path = Path(shown)
    warnings: list[str] = []
    try:
        text = decode_yaml(path, data)
        if not text.strip():
            raise InputError([Diagnostic(shown, 1, 1, "empty-file", "the file is empty")])
        doc = parse_yaml(path, text)
    except InputError as exc:
        raise ServiceError(_problems(exc.diagnostics, {})) from exc
    report = doc.data.get("report") if isinstance(doc.data, dict) else None
    if isinstance(report, dict) and report.get("file") is not None:
        line, _ = doc.where(("report", "file"), prefer_key=True)
        lines = doc.text.split("\n")
        m = _PLAIN_FILE_LINE.match(lines[line - 1])
        following = next((ln for ln in lines[line:] if ln.strip() and not ln.lstrip().startswith("#")), "")
        deeper = len(following) - len(following.lstrip()) > len(m.group("indent")) if m else False
        if not m or deeper:
            raise ServiceError(
                [
                    f"{shown}:{line}:1: error[upload-report-file]: hãy viết report.file trên một dòng hoặc bỏ dòng "
                    "đó; bản thân báo cáo được tải lên riêng"
                ]
            )
        warnings.append(
            f"{shown}:{line}:1: warning[report-missing]: tệp báo cáo “{report['file']}” không được "
            "đọc trên máy chủ; trích dẫn chưa được đối chiếu (hãy tải lên chính báo cáo)"
        )
        report["file"] = None
    if isinstance(doc.data, dict) and doc.data.get("schema") == "chitieu.waivers/1":
        raise ServiceError(
            [
                f"{shown}:1:1: error[upload-kind]: tệp miễn trừ (chitieu.waivers/1) chưa được "
                "hỗ trợ trên trang web; hãy dùng `chitieu check … waivers.yaml`"
            ]
        )
    return _draft_of(cat, doc, {}, warnings)


def _draft_of(cat: Catalogue, source: Path | YamlDoc, names: dict[str, str], warnings: list[str]) -> Draft:
    """The draft of a reporting form (a file) or of a fact document parsed in memory."""
    diags = Diagnostics()
    path = source.path if isinstance(source, YamlDoc) else source
    try:
        if isinstance(source, YamlDoc):
            communes, _ = load_inputs([], cat, diags, documents=[source])
        else:
            communes, _ = load_inputs([source], cat, diags)
    except InputError as exc:
        raise ServiceError(_problems(exc.diagnostics, names)) from exc
    if diags.has_errors() or not communes:
        raise ServiceError(
            _problems(diags.items or [Diagnostic(str(path), 1, 1, "no-input", "no facts in the file")], names)
        )
    warnings += _problems(diags.warnings, names)
    cf = communes[0]
    commune = cf.commune.model_dump(mode="json", exclude_none=True)
    rep = cf.reports[0].model_dump(mode="json", by_alias=True, exclude_none=True)
    rep.pop("file", None)
    facts = []
    for lf in cf.facts:
        raw = lf.fact.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
        body = {k: v for k, v in raw.items() if k not in ("indicator", "period", "source", "review")}
        facts.append(
            {
                "indicator": lf.fact.indicator,
                "period": lf.fact.period.key,
                "body": body,
                "line": lf.fact.source.line,
                "cell": lf.fact.source.cell,
                "quote": lf.fact.source.quote,
                "flagged": lf.fact.review,
            }
        )
    statements = [
        ls.statement.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
        for ls in cf.statements
    ]
    return Draft(commune, rep, facts, statements, [], warnings)


def check_fact(cat: Catalogue, fact: dict, as_of: str) -> list[str]:
    """Why the engine would refuse this fact (its fields as in a fact file), in plain words; empty when fine."""
    from pydantic import ValidationError

    try:
        model = Fact.model_validate(fact)
    except ValidationError as exc:
        return [f"{'.'.join(str(x) for x in e['loc']) or 'số liệu'}: {e['msg']}" for e in exc.errors()]
    return [
        f"{'.'.join(loc)}: {message}" for loc, _, message in fact_problems(cat, model, dt.date.fromisoformat(as_of))
    ]


_BOUND = re.compile(r"^(trên|hơn|>|ít nhất|tối thiểu|>=|≥|dưới|<|<=|≤|không quá)\s*(.+)$", re.I)
_BOUND_OPS = {
    "trên": "gt",
    "hơn": "gt",
    ">": "gt",
    "ít nhất": "gte",
    "tối thiểu": "gte",
    ">=": "gte",
    "≥": "gte",
    "dưới": "lt",
    "<": "lt",
    "không quá": "lte",
    "<=": "lte",
    "≤": "lte",
}


def parse_value(cat: Catalogue, indicator: str, text: str) -> dict:
    """The value fields of a fact from what a reviewer typed: '11', '12,5', 'trên 50', 'có' / 'không', a level key,
    or for a list of items one per line ('Tên mô hình | 25/QĐ-UBND | 02/02/2023'). ValueError says what is wrong."""
    ind = cat.indicators.get(indicator)
    if ind is None:
        raise ValueError(f"không có chỉ số “{indicator}”")
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        raise ValueError("chưa nhập giá trị")
    if ind.type == "items":
        items = []
        for line in text.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if not parts[0]:
                continue
            item: dict[str, Any] = {"name": parts[0]}
            if len(parts) > 1 and parts[1]:
                item["decision"] = {"number": parts[1]}
                if len(parts) > 2 and parts[2]:
                    item["decision"]["date"] = _iso_date(parts[2])
            items.append(item)
        return {"items": items}
    if ind.type == "boolean":
        low = text.lower()
        if low in ("có", "true", "đạt", "rồi", "yes", "1"):
            return {"value": True}
        if low in ("không", "chưa", "false", "no", "0"):
            return {"value": False}
        raise ValueError("nhập “có” hoặc “không”")
    if ind.type == "level":
        keys = [lv.key for lv in ind.levels or []]
        if text not in keys:
            raise ValueError("nhập một trong: " + ", ".join(keys))
        return {"value": text}
    m = _BOUND.match(text)
    if m:
        return {"value": {_BOUND_OPS[m.group(1).lower()]: _number(m.group(2))}}
    return {"value": _number(text)}


def _number(text: str) -> int | float:
    t = text.strip().rstrip("%").strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t):  # Vietnamese grouping: 1.234,5
        t = t.replace(".", "").replace(",", ".")
    else:
        t = t.replace(",", ".")
    try:
        d = Decimal(t)
    except Exception:  # noqa: BLE001 - any unreadable number
        raise ValueError(f"“{text}” không phải là số") from None
    if not d.is_finite():
        raise ValueError(f"“{text}” không phải là số")
    return plain(d)


def _iso_date(text: str) -> str:
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text.strip())
    if m:
        d, mo, y = (int(x) for x in m.groups())
    else:
        try:
            return dt.date.fromisoformat(text.strip()).isoformat()
        except ValueError:
            raise ValueError(f"“{text}” không phải là ngày (dd/mm/yyyy)") from None
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"“{text}” không phải là ngày hợp lệ") from None


def parse_document(text: str) -> Optional[dict]:
    """An evidence document typed by a reviewer: 'Quyết định số 25/QĐ-UBND ngày 02/02/2023' or just '25/QĐ-UBND'."""
    from ..grammar import parse_document as engine_parse

    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        return None
    doc = engine_parse(text)
    if doc:
        return doc
    m = re.fullmatch(r"(?:số\s*)?([\w./&\-]+)(?:\s*ngày\s*(\d{1,2}/\d{1,2}/\d{4}))?", text, re.I)
    if not m:
        raise ValueError(f"“{text}” không đọc được thành văn bản (ví dụ: Quyết định số 25/QĐ-UBND ngày 02/02/2023)")
    out = {"number": m.group(1)}
    if m.group(2):
        out["date"] = _iso_date(m.group(2))
    return out


def value_text(body: dict) -> str:
    """A fact's value as a reviewer reads and types it (the inverse of parse_value)."""
    if "items" in body:
        rows = []
        for it in body["items"]:
            parts = [it["name"]]
            dec = it.get("decision")
            if dec:
                parts.append(dec.get("number", ""))
                if dec.get("date"):
                    y, m, d = dec["date"].split("-")
                    parts.append(f"{d}/{m}/{y}")
            rows.append(" | ".join(parts))
        return "\n".join(rows)
    if "claim" in body:
        return {"achieved": "báo cáo nêu đạt", "not_achieved": "báo cáo nêu chưa đạt"}[body["claim"]]
    v = body.get("value")
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, dict):
        words = {"gt": "trên", "gte": "ít nhất", "lt": "dưới", "lte": "không quá"}
        return " và ".join(f"{words[k]} {_vi_number(x)}" for k, x in v.items())
    if isinstance(v, (int, float)):
        return _vi_number(v)
    return "" if v is None else str(v)


def _vi_number(x: int | float) -> str:
    return vi.number(Decimal(str(x)), places=4)


def document_text(doc: Optional[dict]) -> str:
    if not doc:
        return ""
    kind = doc.get("kind")
    text = f"{kind + ' số ' if kind else ''}{doc['number']}"
    if doc.get("date"):
        text += f" ngày {vi.date(dt.date.fromisoformat(doc['date']))}"
    return text


# --------------------------------------------------------------------------------------------------- export


def fact_file(commune: dict, report: dict, facts: list[dict], statements: list[dict], *, note: str = "") -> str:
    """A fact file in the engine's format (schema chitieu.facts/1) from reviewed facts: each fact's fields as a
    fact file holds them ({indicator, period, <body>, source: {line, quote}})."""
    lines = [f"# {line}" for line in note.splitlines()] + [
        "schema: chitieu.facts/1",
        f"commune: {flow(_no_none(commune))}",
        "report:",
    ]
    for key in ("title", "number", "date", "as_of", "issuer", "period"):
        if report.get(key) is not None:
            lines.append(f"  {key}: {flow(report[key])}")
    lines.append("facts:" if facts else "facts: []")
    for f in facts:
        entry = {
            "indicator": f["indicator"],
            "period": f["period"],
            **f["body"],
            "source": source_of(f["line"], f.get("cell"), f["quote"]),
        }
        lines.append(f"  - {flow(entry)}")
    lines.append("statements:" if statements else "statements: []")
    lines += [f"  - {flow(s)}" for s in statements]
    return "\n".join(lines) + "\n"


def source_of(line: Optional[int], cell: Optional[str], quote: str) -> dict:
    """A fact's source as a fact file writes it: the report's line, or the form's cell."""
    return {"cell": cell, "quote": quote} if cell else {"line": line, "quote": quote}


def _no_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


# --------------------------------------------------------------------------------------------------- the audit


@dataclass
class Audit:
    """An audit of one commune's reviewed fact files, by the engine, with what the store keeps of it."""

    result: Any  # the engine's AuditResult (for the documents)
    findings_doc: bytes  # the JSON findings contract, as `chitieu check --format json` writes it
    findings: list[dict]  # one per finding: the JSON contract's object
    counts: dict[str, int]
    catalogue: dict


def audit(cat: Catalogue, files: dict[str, str]) -> Audit:
    """Audit fact files (name → text in the engine's format) as `chitieu check` would; ServiceError on bad input."""
    diags = Diagnostics()
    try:
        # parsed in memory, each named as the store names it: nothing is written to a folder and read back
        docs = [parse_yaml(Path(name), text) for name, text in files.items()]
        with _AUDIT_LOCK:
            # the page drafts documents from it: a commune no plan covers is refused, as `chitieu report` refuses it
            result = collect(cat, audit_batch(cat, docs, diags, uncovered="error"))
    except InputError as exc:
        raise ServiceError(_problems(exc.diagnostics, {})) from exc
    if diags.has_errors():
        raise ServiceError(_problems(diags.items, {}))
    doc = render(REPORTERS["json"], Run.of(result))
    assert isinstance(doc, str)  # JSON is text
    findings = json.loads(doc)["findings"]
    return Audit(result, doc.encode("utf-8"), findings, result.counts(), catalogue_info(cat))


def _binary(data: str | bytes) -> bytes:
    assert isinstance(data, bytes)  # a binary format (Word, Excel) renders bytes
    return data


def report_docx(a: Audit) -> bytes:
    """The commune's own draft of sections III.2 and IV as Word, as `chitieu report -o du-thao.docx` writes it."""
    return _binary(render(DOCUMENT_FORMATS["docx"], Run.of(a.result), Options(product="commune")))


def review_docx(a: Audit) -> bytes:
    """The reviewing body's review sheet (Phiếu rà soát) as Word, as `chitieu report --for reviewer` writes it."""
    return _binary(render(DOCUMENT_FORMATS["docx"], Run.of(a.result), Options(product="reviewer")))


def shortfalls_xlsx(a: Audit) -> bytes:
    """The shortfall list as Excel, as `chitieu shortfalls --format xlsx` writes it."""
    return _binary(render(SHORTFALL_FORMATS["xlsx"], Run.of(a.result)))


def finding_columns(f: dict) -> dict:
    """The columns the store keeps of a finding (its JSON object), for history, matrices and rankings."""

    def num(x: Any) -> Optional[float]:
        return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None

    target = f.get("target") or {}
    return {
        "rule_id": f["rule_id"],
        "title": f["title"],
        "document": f["source"]["number"],
        "theme": f["theme"],
        "period_key": f["period"]["key"],
        "period_kind": f["period"]["kind"],
        "period_label": f["period"]["label"],
        "year": int(f["period"]["end"][:4]),
        "status": f["status"],
        "outlook": f.get("outlook"),
        "evidence_level": f["evidence_level"],
        "severity": f["severity"],
        "actual": num(f.get("actual")),
        "actual_display": f["actual_display"],
        "target_value": num(target.get("value")),
        "target_display": target.get("display") or "—",
        "unit": target.get("unit"),
        "achievement_pct": num(f.get("achievement_pct")),
        "shortfall": num(f.get("shortfall")),
        "message": f["message"],
    }
