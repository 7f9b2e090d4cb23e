"""Diagnostics: every problem found in an input file, located as path:line:col and collected, never raised one by one."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Literal, Mapping, Optional

if TYPE_CHECKING:
    from .yamlsrc import YamlDoc

Level = Literal["error", "warning", "note"]

# Every diagnostic code, with what it means. RULES.md explains each one and what to do (a test keeps them in step).
CODES: dict[str, str] = {
    # reading files
    "io": "the file or folder cannot be read",
    "file-too-large": "the file is larger than the limit",
    "empty-file": "the file is empty",
    "not-a-file": "a path that is a FIFO, a device or a socket, not a regular file",
    "file-kind": "a file of another kind than chitieu reads (Word, Excel, PDF…) or than its name says",
    "archive-limit": "a Word file past a limit: archive members, uncompressed size or XML elements (a zip bomb?)",
    "encoding": "the file is not UTF-8 (UTF-16, TCVN3, VNI… are named)",
    "unicode-mixed": "composed (NFC) and decomposed (NFD) Vietnamese characters are mixed",
    "yaml-syntax": "the text is not valid YAML",
    "yaml-tag": "a YAML tag other than the plain-data ones",
    "yaml-merge": "a YAML merge key ('<<')",
    "yaml-key": "a mapping key that is not plain text",
    "duplicate-key": "a key appears twice in one mapping",
    "yaml-too-large": "anchors and aliases expand the document past the limit",
    "yaml-too-deep": "values nested too deep",
    "yaml-multi-document": "more than one YAML document in a file",
    "unknown-schema": "the 'schema' key names no known file kind",
    "no-input": "no input files were given",
    # shapes
    "unknown-key": "a key the format does not have",
    "missing-key": "a required key is missing",
    "missing-citation": "a rule without the clause of its source document",
    "wrong-type": "a value of the wrong type (text for a number, a list for a mapping…)",
    "invalid-value": "a value outside what the field allows",
    # the catalogue
    "missing-catalogue": "no catalogue.yaml in the rules folder",
    "duplicate-rule": "two rules with one id",
    "duplicate-indicator": "two indicators with one key",
    "duplicate-document": "two rule files declare one document",
    "unknown-document": "a document id that no rule file declares",
    "unknown-indicator": "an indicator key that is not declared",
    "unknown-rule": "a rule id that does not exist",
    "waiver-unmatched": (
        "a waiver that can match no finding: an unknown commune, a rule whose plan does not cover the commune, or a "
        "period the rule's findings never have"
    ),
    "rule-cycle": "rules that depend on each other in a circle",
    "outlook-periods": "an outlook read from a rule judged once per year",
    "type-mismatch": "a value or target of the wrong type for its indicator",
    "unit-mismatch": "a target unit that differs from the indicator's",
    "period-outside-document": "a rule period outside its document's period",
    "template-field": "a message template names a field that does not exist",
    "missing-example": "a rule without a met, an unmet (or an insufficient-data) example",
    "example-invalid": "an example whose facts are malformed",
    "never-true": "a target that no possible value can meet",
    "always-true": "a target that every possible value meets",
    "rete-node-limit": "a rule that compiles into more patterns than durable_rules accepts at one node",
    "rete-too-many-rules": "more rules than durable_rules can hold in one ruleset",
    "indicator-unused": "an indicator that no rule reads",
    "todo": "a TODO placeholder left in a rule",
    "missing-coverage": "a document that does not say which communes it covers",
    "no-effect": "a setting that changes nothing (years on an as_of rule, per_year on one year)",
    "percent-fraction": "a percentage target written as a fraction (0.8 for 80%)",
    "template-field-unfilled": "a template field the rule's kind never fills (it prints '—')",
    "intake-pattern": "an indicator's report phrase that cannot be compiled",
    # facts
    "period-after-report": "a fact for a period after the report's as-of date",
    "out-of-range": "a value outside the indicator's range",
    "conflicting-facts": "two different values for one indicator and period",
    "criteria-count": "a count of criteria met that the criteria assessed one by one contradict",
    "quote-mismatch": "the quoted sentence is not at the cited line of the report",
    "report-missing": "the report file a fact file cites is not there",
    "report-unreadable": "the report file a fact file cites cannot be read",
    "commune-name": "one commune id with two names",
    "commune-uncovered": "a commune that no plan of the catalogue covers: nothing is checked for it",
    "commune-province": "a commune id without its province: no plan that covers a whole province applies to it",
    "nothing-in-scope": "a commune --plan or --rule leaves no rule for: no document is drafted for it",
    "nothing-judged": "no commune of the input has a finding in the run's scope: no document is drafted",
    "no-criteria-set": "a self-assessment sheet asked for a commune that no criteria set covers (a phường, say)",
    "report-date": "two fact files give one report two different dates",
    "unreviewed": "a draft of `facts extract` (unreviewed: true) in an audit without --allow-unreviewed",
    "no-facts": "a report in which no fact was found",
    "ocr-unavailable": "a scanned PDF or an image, and no Tesseract OCR with Vietnamese data to read it",
    "as-of-replaced": "--as-of replaces the date a report gives for its figures",
    "report-unknown": "a report that does not say its as-of date or its unit, and none was given (--as-of, --name)",
    # reporting forms (XLSX written by `chitieu form`)
    "form-invalid": "a workbook that is not a chitieu reporting form (or not an XLSX workbook)",
    "form-too-large": "a workbook past the size or cell limits",
    "form-formula": "a formula with no saved value in a form cell",
    "form-duplicate-row": "two rows of a form for one indicator and period",
    "form-period": "a form row for a period outside the plans that read its indicator",
    "form-items-count": "a number of items that differs from the items listed",
    "form-key-missing": "a form row with values but no indicator key in its hidden column",
    "form-no-value": "a form row with details (document, note) but no value",
    # the report itself (chitieu facts lint)
    "report-name": "the unit's name spelled differently in the report",
    "report-blank": "a blank document number or date",
    "report-numbering": "section numbering out of sequence",
    "report-brackets": "unbalanced brackets or quotes",
    "report-split": "a sentence broken across a page break",
    "report-typo": "a misspelt or doubled word",
    "report-form": "the report's form (thể thức) departs from Nghị định 30/2020: header, citations, Nơi nhận, Lưu",
    "report-term": "'chỉ tiêu' written for 'tiêu chí'",
    "report-future": "a result stated for a time after the report's date",
    "report-no-threshold": "'100% chỉ tiêu' without the target's number",
    "report-evidence": "an item counted toward a target without its decision",
    "report-decision-date": "a decision dated before the plan it is counted under",
    "report-owner": "an item founded by another body counted toward the UBND's target",
    "report-summary": "a shortcoming stated in the body but missing from 'Tồn tại, hạn chế'",
    "report-figure": "a derived figure that does not follow from the report's own numbers",
    "report-contradiction": "a result stated as achieved in one place and as not achieved in another",
    "report-ratio": "a percentage that does not follow from the N/M or the target stated beside it",
    "report-parts": "parts that do not add up to their stated total, or a part larger than it",
    "report-unit": "a unit that does not fit the figure (a yield in tấn, an output in tấn/ha)",
    "report-unclear": "figures or statements of the report that need clarifying (two readings of one thing)",
    # output
    "output": "an output file that cannot or must not be written",
    # the web page (chitieu serve, chitieu users)
    "upload-kind": "an uploaded file of a kind the web page does not read (yet)",
    "upload-report-file": "an uploaded fact file whose report.file cannot be set aside",
    "database": "the database cannot be opened or migrated",
    "no-users": "listening beyond this machine without any user account",
    "user": "a user account that cannot be added or changed as asked",
}


def column_letter(col: int) -> str:
    """The spreadsheet name of a 1-based column: 1 → A, 27 → AA."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A located problem. In a text file the place is line:col; in a workbook (``sheet`` set) it is the cell at row
    ``line`` and column ``col`` of that sheet, written ``Biểu 01!D14``."""

    path: str
    line: int
    col: int
    code: str
    message: str
    level: Level = "error"
    sheet: str = ""
    message_vi: str = ""  # the same message in Vietnamese, where it has been written

    @property
    def cell(self) -> str | None:
        return f"{self.sheet}!{column_letter(self.col)}{self.line}" if self.sheet else None

    @property
    def place(self) -> str:
        """``path:line:col`` for a text file, ``path:Sheet!A1`` for a workbook cell."""
        return f"{self.path}:{self.cell}" if self.sheet else f"{self.path}:{self.line}:{self.col}"

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``: 'en' as built at its call site; 'vi' as written there (``message_vi``) or from the
        table of engine/messages_vi.py, in English where neither has it."""
        if lang != "vi":
            return self.message
        if self.message_vi:
            return self.message_vi
        from .messages_vi import vietnamese

        return vietnamese(self.code, self.message) or self.message

    def render(self, lang: str = "en") -> str:
        """``path:line:col: level[code]: message``; the place, level and code are the same in every language."""
        return f"{self.place}: {self.level}[{self.code}]: {self.text(lang)}"


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of diagnostics for one run."""

    items: list[Diagnostic] = field(default_factory=list)
    _seen: set[Diagnostic] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._seen.update(self.items)

    def add(self, diag: Diagnostic) -> None:
        if diag.code not in CODES:
            raise ValueError(f"undocumented diagnostic code {diag.code!r}; add it to CODES and RULES.md")
        if diag not in self._seen:  # a set, not a list scan: 23,600 errors in one run stay linear
            self._seen.add(diag)
            self.items.append(diag)

    def error(
        self, path: str | Path, line: int, col: int, code: str, message: str, *, sheet: str = "", message_vi: str = ""
    ) -> None:
        self.add(Diagnostic(str(path), line, col, code, message, "error", sheet, message_vi))

    def warning(
        self, path: str | Path, line: int, col: int, code: str, message: str, *, sheet: str = "", message_vi: str = ""
    ) -> None:
        self.add(Diagnostic(str(path), line, col, code, message, "warning", sheet, message_vi))

    def at(
        self, doc: "YamlDoc", loc: tuple, code: str, message: str, *, level: Level = "error", prefer_key: bool = False
    ) -> None:
        """A problem of the value at ``loc`` in a loaded document, located where that value was read: a line and
        column of a YAML file, or a cell of a reporting form."""
        line, col, sheet = doc.locate(loc, prefer_key=prefer_key)
        self.add(Diagnostic(str(doc.path), line, col, code, message, level, sheet))

    def note(self, path: str | Path, line: int, col: int, code: str, message: str) -> None:
        """Something the user should know that is neither wrong nor doubtful (a report file that is not there)."""
        self.add(Diagnostic(str(path), line, col, code, message, "note"))

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        for d in diags:
            self.add(d)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "warning"]

    def has_errors(self) -> bool:
        return any(d.level == "error" for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.path, d.sheet, d.line, d.col, d.code, d.message))


class InputError(Exception):
    """Raised when input cannot be used; carries every diagnostic found so far."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


def shown_path(path: str | Path) -> str:
    """A path as the user would type it: relative to the working folder when it lies inside it."""
    p = Path(path)
    if p.is_absolute():
        try:
            return str(p.relative_to(Path.cwd()))
        except ValueError:
            return str(p)
    return str(p)


def nearest(name: str, candidates: Iterable[str], n: int, cutoff: float = 0.6) -> list[str]:
    """The ``n`` candidates most alike ``name`` (difflib's ratio, at least ``cutoff``), the most alike first and alike
    ones in alphabetical order ('xa-00003' before 'xa-00030' for 'xa-0003'; difflib's own order puts them the other
    way round)."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(name)
    scored = []
    for c in candidates:
        if _swapped(name, c):  # 'fo' for 'of': two letters typed the wrong way round, however short the word
            scored.append((-max(cutoff, difflib.SequenceMatcher(None, c, name).ratio()), c))
            continue
        matcher.set_seq1(c)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff:
                scored.append((-ratio, c))
    return [c for _, c in sorted(scored)[:n]]


def _swapped(a: str, b: str) -> bool:
    """``a`` is ``b`` with two neighbouring characters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def did_you_mean(name: str, candidates: Iterable[str], *, n: int = 3, also: Optional[Mapping[str, str]] = None) -> str:
    """A ' (did you mean: a, b?)' suffix naming the nearest candidates, or '' when none is near. ``also`` gives other
    spellings of a candidate (a commune's id without its province): one near the name suggests its candidate."""
    also = also or {}
    # never the word itself; another spelling of a candidate, even the word, suggests the candidate
    pool = sorted((set(candidates) - {name}) | {k for k, v in also.items() if v != name})
    # a prefix typed in full ('kh-156' for 'kh-156-ubnd-tinh-an') is as telling as a near spelling
    prefixed = [c for c in pool if len(name) >= 3 and c.startswith(name) and c != name]
    near = prefixed + [c for c in nearest(name, pool, n) if c not in prefixed]
    close = list(dict.fromkeys(also.get(c, c) for c in near))[:n]
    if not close:
        return ""
    return " (did you mean: " + ", ".join(f"'{c}'" for c in close) + "?)"
