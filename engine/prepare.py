"""A run's inputs, ready to audit: every path once, a report given directly drafted into facts in memory (its
problems said at the report's own lines), and the policy for unreviewed drafts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from . import vi
from .batch import Unreviewed
from .catalogue import Catalogue, load_catalogue
from .diagnostics import Diagnostics, InputError
from .reporttext import REPORT_SUFFIXES, ReportText, encoding_note, read_report
from .resources import default_rules_dir, seed_facts_dir
from .facts import fact_inputs
from .yamlsrc import YamlDoc, unique_paths, yaml_files

if TYPE_CHECKING:  # the intake (and its grammar) is imported when a report is drafted, not by every `check`
    from .intake import Extraction

# the heading lines of an administrative report (Nghị định 30/2020): its issuer, the national motto, its kind
_REPORT_MARKS = re.compile(
    r"^[\s*#]*(BÁO CÁO|ỦY BAN NHÂN DÂN|UBND (XÃ|PHƯỜNG|THỊ TRẤN)|CỘNG HÒA XÃ HỘI CHỦ NGHĨA)", re.M
)
_MARKDOWN = re.compile(r"^(#{1,6} |```|\|.*\|\s*$)", re.M)


@dataclass(frozen=True)
class Asked:
    """What the user gave for a report that does not say it itself (`--as-of`, `--name`, `--commune-id`)."""

    as_of: Optional[dt.date] = None
    name: Optional[str] = None
    commune_id: Optional[str] = None
    province: Optional[str] = None
    as_of_month_only: bool = False  # --as-of named a month alone: the fact file says as_of: YYYY-MM


@dataclass
class Prepared:
    catalogue: Catalogue
    diags: Diagnostics
    inputs: list[Path | YamlDoc]  # what to audit: fact and waiver files and folders, and the facts drafted from reports
    originals: list[Path]  # every file the user gave: an output never goes over one of them
    unreviewed: Unreviewed
    drafted: list[Extraction] = field(default_factory=list)


def reads_as_report(report: ReportText) -> bool:
    """Whether the text is laid out as an administrative report (or at least not as a Markdown document)."""
    text = "\n".join(report.lines)
    return bool(_REPORT_MARKS.search(text)) or len(_MARKDOWN.findall(text)) < 3


def no_facts(report: ReportText) -> str:
    """Why a report gave no fact, in words for its author."""
    text = "\n".join(report.lines)
    if not text.strip():
        return f"no facts found in {report.path}: the file is empty"
    if not _REPORT_MARKS.search(text) or not reads_as_report(report):
        kind = "a Markdown document (headings, code blocks, tables)" if len(_MARKDOWN.findall(text)) >= 3 else "text"
        return (
            f"no facts found in {report.path}: it is {kind}, not a commune's report (no “BÁO CÁO” title, no "
            "“ỦY BAN NHÂN DÂN” heading); chitieu checks fact files (.yaml, 'schema: chitieu.facts/1') and "
            "a commune's report (.txt, .md, .docx, .pdf)"
        )
    return (
        f"no facts found in {report.path}: no sentence matched what the catalogue knows of reports "
        "(indicators.yaml, 'words:' and 'intake:'); write its fact file by hand (RULES.md, “Tệp dữ liệu của xã”)"
    )


UNKNOWN = {
    "as_of": (
        "the report does not say the date its figures run to (no “ngày … tháng … năm …” line, no “tính đến "
        "ngày …”): give it with --as-of YYYY-MM-DD (or DD/MM/YYYY; YYYY-MM for a month alone); chitieu never judges a "
        "report as of today's date"
    ),
    "name": (
        "the report does not name its unit (no “UBND xã …” in its header or opening): give it with --name "
        "'xã …' (and --commune-id)"
    ),
}


def unknown_error(path: Path, what: list[str]) -> str:
    return "; ".join(UNKNOWN[w] for w in what)


_FIRST_PART = re.compile(r"^\s*(?:PHẦN\s+(?:I|THỨ NHẤT)\b|I\s*[.\-–/)]\s)", re.I)


def report_province(report: ReportText) -> Optional[str]:
    """The province (or centrally-run city) a report's header and opening name — up to its first part ("I.", "PHẦN
    I") or its 15th paragraph: the body may name other provinces (a study visit, a neighbour). None when they name
    none or several."""
    opening = []
    for p in report.paragraphs[:15]:
        if _FIRST_PART.match(p.text):
            break
        opening.append(p.text)
    return vi.province_named(opening)


def replaced_as_of(ex: "Extraction", asked: Asked) -> Optional[str]:
    """What a note says when --as-of replaces a date the report gives itself (a typo there would move every deadline
    silently); None when the report gives none, or the same."""
    said = ex.header.as_of
    if asked.as_of is None or said is None:
        return None
    same = said.isoformat()[:7] == asked.as_of.isoformat()[:7] if asked.as_of_month_only else said == asked.as_of
    if same:
        return None
    shown = said.strftime("%m/%Y") if ex.header.as_of_month_only else vi.date(said)
    given = asked.as_of.strftime("%m/%Y") if asked.as_of_month_only else vi.date(asked.as_of)
    return f"--as-of {given} replaces the date the report's figures run to, {shown}"


def draft_report(
    cat: Catalogue, path: Path, diags: Diagnostics, asked: Asked = Asked()
) -> Optional[tuple[Extraction, YamlDoc]]:
    """The facts of a report drafted in memory: the extraction and its fact document; None (and a located error)
    when it has none, or when it leaves its date or unit unknown and the user did not give them."""
    from .intake import Unknown, extract, to_document

    try:
        report = read_report(path)
    except InputError as exc:
        diags.extend(exc.diagnostics)
        return None
    note = encoding_note(report)
    if note:
        diags.note(path, 1, 1, "encoding", note)
    ex = extract(cat, report)
    if not ex.facts or not reads_as_report(report):  # a README's sentence may match a phrase: not a report still
        diags.error(path, 1, 1, "no-facts", no_facts(report))
        return None
    try:
        doc = to_document(
            ex,
            path,
            commune_id=asked.commune_id,
            province=asked.province or report_province(report),
            name=asked.name,
            as_of=asked.as_of,
            as_of_month_only=asked.as_of_month_only,
            report_file=str(path.resolve()),
            catalogue=cat,
        )
    except Unknown as exc:
        diags.error(path, 1, 1, "report-unknown", unknown_error(path, exc.what))
        return None
    replaced = replaced_as_of(ex, asked)
    if replaced:
        diags.note(path, 1, 1, "as-of-replaced", replaced)
    return ex, doc


def prepare(
    rules_dir: Optional[Path],
    paths: tuple[Path, ...],
    *,
    allow_unreviewed: bool,
    echo: Callable[..., None],  # echo(KEY, **fields): a line of engine/messages_vi.py LINES, said to the user
    asked: Asked = Asked(),
) -> Prepared:
    """The catalogue and the inputs of a run (see the module docstring); problems go to the returned diags."""
    diags = Diagnostics()
    cat = load_catalogue(rules_dir or default_rules_dir(), diags=diags)
    given = unique_paths(paths) if paths else [seed_facts_dir()]
    inputs: list[Path | YamlDoc] = []
    reports: list[Path] = []
    drafted: list[Extraction] = []
    for path in given:
        if path.suffix.lower() in REPORT_SUFFIXES and path.is_file():
            reports.append(path)
            made = draft_report(cat, path, diags, asked)
            if made is None:
                continue
            ex, doc = made
            inputs.append(doc)
            drafted.append(ex)
            n_review = sum(1 for f in ex.facts if f.review)
            echo("unreviewed-draft", path=path, facts=len(ex.facts), review=n_review, unmatched=len(ex.unmatched))
        else:
            inputs.append(path)
    originals = fact_inputs([p for p in given if p not in reports])
    originals += reports
    originals += yaml_files([rules_dir or default_rules_dir()])  # the catalogue's files are inputs too
    policy = Unreviewed(allow=allow_unreviewed, asked=frozenset(reports), reports={p: p for p in reports})
    return Prepared(cat, diags, inputs, originals, policy, drafted)
