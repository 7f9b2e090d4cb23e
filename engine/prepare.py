"""A run's inputs, ready to audit: every path once, a report given directly drafted into facts for the run (its
problems said in the report itself), and the policy for unreviewed drafts."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from .batch import Unreviewed
from .catalogue import Catalogue, load_catalogue
from .diagnostics import Diagnostics, InputError
from .intake import extract, to_yaml
from .reporttext import ReportText, encoding_note, read_report
from .resources import default_rules_dir, seed_facts_dir
from .facts import fact_inputs
from .yamlsrc import unique_paths, yaml_files

REPORT_SUFFIXES = {".txt", ".md", ".docx"}
# the heading lines of an administrative report (Nghị định 30/2020): its issuer, the national motto, its kind
_REPORT_MARKS = re.compile(r"^[\s*#]*(BÁO CÁO|ỦY BAN NHÂN DÂN|UBND (XÃ|PHƯỜNG|THỊ TRẤN)|CỘNG HÒA XÃ HỘI CHỦ NGHĨA)",
                           re.M)
_MARKDOWN = re.compile(r"^(#{1,6} |```|\|.*\|\s*$)", re.M)
_SOURCE_LINE = re.compile(r"source: \{line: (\d+)")


@dataclass
class Prepared:
    catalogue: Catalogue
    diags: Diagnostics
    inputs: list[Path]            # what to audit: fact and waiver files and folders, drafts in place of reports
    originals: list[Path]         # every file the user gave: an output never goes over one of them
    unreviewed: Unreviewed


_holder: Optional[tempfile.TemporaryDirectory] = None


def _drafts_dir() -> Path:
    """Where reports given directly are drafted into facts (removed when the process ends)."""
    global _holder
    if _holder is None:
        _holder = tempfile.TemporaryDirectory(prefix="chitieu-drafts-")
    return Path(_holder.name)


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
        kind = ("a Markdown document (headings, code blocks, tables)" if len(_MARKDOWN.findall(text)) >= 3
                else "text")
        return (f"no facts found in {report.path}: it is {kind}, not a commune's report (no “BÁO CÁO” title, no "
                "“ỦY BAN NHÂN DÂN” heading); chitieu checks fact files (.yaml, 'schema: chitieu.facts/1') and "
                "a commune's report (.txt, .md, .docx)")
    return (f"no facts found in {report.path}: no sentence matched the report phrases of the catalogue "
            "(indicators.yaml, 'intake:'); write its fact file by hand (RULES.md, “Tệp dữ liệu của xã”)")


def draft(cat: Catalogue, path: Path, diags: Diagnostics, echo: Callable[[str], None]) -> Optional[Path]:
    """The facts of a report, drafted into a file for this run; None (and a located error) when it has none."""
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
    made = _drafts_dir() / f"{len(list(_drafts_dir().iterdir()))}-{path.stem}.yaml"
    text = to_yaml(ex, report_file=str(path.resolve()), catalogue=cat)
    made.write_text(text, encoding="utf-8")
    lines = {i: int(m.group(1)) for i, line in enumerate(text.splitlines(), 1) if (m := _SOURCE_LINE.search(line))}
    diags.relocate(made, path, lines)
    n_review = sum(1 for f in ex.facts if f.review)
    echo(f"chitieu: {path}: {len(ex.facts)} facts drafted automatically from the report and not reviewed "
         f"({n_review} marked for review, {len(ex.unmatched)} sentences unmatched); the findings rest on them — "
         f"run `chitieu facts extract {path} -o FILE` to review them")
    return made


def prepare(rules_dir: Optional[Path], paths: tuple[Path, ...], *, allow_unreviewed: bool,
            echo: Callable[[str], None]) -> Prepared:
    """The catalogue and the inputs of a run (see the module docstring); problems go to the returned diags."""
    diags = Diagnostics()
    cat = load_catalogue(rules_dir or default_rules_dir(), diags=diags)
    given = unique_paths(paths) if paths else [seed_facts_dir()]
    inputs: list[Path] = []
    asked: dict[Path, Path] = {}
    for path in given:
        if path.suffix.lower() in REPORT_SUFFIXES and path.is_file():
            made = draft(cat, path, diags, echo)
            if made is not None:
                inputs.append(made)
                asked[made] = path
        else:
            inputs.append(path)
    originals = fact_inputs([p for p in given if p.suffix.lower() not in REPORT_SUFFIXES])
    originals += [p for p in given if p.suffix.lower() in REPORT_SUFFIXES]
    originals += yaml_files([rules_dir or default_rules_dir()])      # the catalogue's files are inputs too
    policy = Unreviewed(allow=allow_unreviewed, asked=frozenset(asked), reports=asked)
    return Prepared(cat, diags, inputs, originals, policy)
