"""The rule catalogue: loading the rule, indicator and catalogue files of a directory, and checking them together."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from . import catcache, templates
from .diagnostics import Diagnostic, Diagnostics, InputError, did_you_mean, nearest
from .kinds import KINDS, kind_of, rule_adapter
from .model import CatalogueInfo, Coverage, Criterion, DateSpan, Document, Indicator, IndicatorFile, RuleFile
from .resources import default_rules_dir
from .validate import validate

if TYPE_CHECKING:
    from .compiler import CompiledCatalogue
    from .kinds import Kind, RuleBase
from .yamlsrc import YamlDoc, load_each, unknown_schema, yaml_files


@dataclass
class LoadedRule:
    """A rule with the document (the plan) it comes from and the YAML file it is written in."""

    rule: "RuleBase"
    document: Document  # the plan (or criteria set) the rule encodes
    file_in_force: Optional[DateSpan]
    rule_file: YamlDoc  # the rule file, parsed: where each key of the rule is written
    loc: tuple
    index: int
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def path(self) -> Path:
        return self.rule_file.path

    @property
    def in_force(self) -> Optional[DateSpan]:
        """The rule's own in-force dates, else its file's."""
        return self.rule.in_force or self.file_in_force

    @property
    def kind(self) -> "Kind":
        """The behaviour of the rule's kind (chitieu.kinds)."""
        return kind_of(self.rule)

    def where(self, *sub) -> tuple[int, int]:
        return self.rule_file.where(self.loc + tuple(sub))

    @property
    def line(self) -> int:
        return self.where()[0]

    def error(self, diags: Diagnostics, sub: tuple, code: str, message: str) -> None:
        """An error located at ``sub`` (a key path inside the rule)."""
        line, col = self.where(*sub)
        diags.error(self.path, line, col, code, message)


@dataclass
class LoadedCriterion:
    """A criterion of a criteria set, with the document it belongs to and where it is written."""

    criterion: Criterion
    document: Document
    path: Path
    line: int
    col: int


def _names(title: str, document: Document) -> bool:
    """Does a report's title name the document: its number as a whole ('13-ĐA/TU' is not named by '113-ĐA/TU'), and,
    where the title dates it ("… số 13-ĐA/TU ngày 10/10/2022"), its date (another province's scheme may share the
    number)?"""
    for m in re.finditer(rf"(?<![\w/.-]){re.escape(document.number)}(?![\w/])", title):
        dated = re.match(r"\s*,?\s*ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", title[m.end() :])
        if not dated or tuple(map(int, dated.groups())) == (document.date.day, document.date.month, document.date.year):
            return True
    return False


@dataclass
class Catalogue:
    info: CatalogueInfo
    indicators: dict[str, Indicator]
    documents: dict[str, Document]
    rules: list[LoadedRule]
    digest: str
    indicator_where: dict[str, tuple[Path, int, int]] = field(default_factory=dict)
    info_doc: Optional[YamlDoc] = None
    criteria: list[LoadedCriterion] = field(default_factory=list)
    criteria_counts: dict[str, str] = field(default_factory=dict)  # criteria set → indicator of its general count
    document_where: dict[str, tuple[Path, int, int]] = field(default_factory=dict)  # id → where 'document:' is
    compiled: Optional["CompiledCatalogue"] = field(default=None, repr=False, compare=False)  # chitieu.compiler's
    # False when a file could not be read or an indicator file not validated: the indicators it defines are unknown,
    # and a rule naming one of them is not reported (the file's own error says what is wrong)
    indicators_complete: bool = True
    # the words (ids, indicator keys) of what could not be read — a file with a YAML syntax error, a rule that did not
    # validate: what they declare or read is missing, not absent, so no "unknown rule" or "unused indicator" follows
    # from the one error that says what is wrong
    unread: frozenset[str] = frozenset()
    unread_rules: frozenset[str] = frozenset()  # of those, the ones that may be rule ids: no "unknown rule" for them

    @functools.cached_property
    def by_id(self) -> dict[str, LoadedRule]:
        # the rules are fixed once the catalogue is loaded
        return {r.id: r for r in self.rules}

    @property
    def version(self) -> str:
        return self.info.version

    def ordered_documents(self) -> list[Document]:
        """The documents (plans, criteria sets) in the catalogue's order."""
        rank = {doc_id: i for i, doc_id in enumerate(self.info.order)}
        return sorted(self.documents.values(), key=lambda d: rank.get(d.id, len(rank)))

    def documents_for(self, commune) -> list[Document]:
        """The documents that cover a commune, in the catalogue's order."""
        return [d for d in self.ordered_documents() if d.applies_to(commune)]

    def commune_id_for(self, slug: str, title: str) -> Optional[str]:
        """The id of a commune known only by the slug of its name ('tinh-an'), from the plans its report's title
        names: one of them lists a commune of that name by id, or they cover communes of one province only. None
        when the plans do not tell (a draft then keeps the bare slug)."""
        named = [d.covers for d in self.documents.values() if _names(title, d) and isinstance(d.covers, Coverage)]
        listed = {c for cov in named for c in cov.communes if c.rsplit("/", 1)[-1] == slug}
        provinces = {p for cov in named for p in cov.provinces} | {
            c.split("/", 1)[0] for cov in named for c in cov.communes if "/" in c
        }
        if len(listed) == 1:
            return listed.pop()
        if len(provinces) == 1:
            return f"{provinces.pop()}/{slug}"
        return None

    @functools.cached_property
    def criteria_sets(self) -> dict[str, tuple[str, ...]]:
        """The indicator of each criteria set's general count ("đạt 19/19 tiêu chí") → its criteria's indicators."""
        out: dict[str, tuple[str, ...]] = {}
        for doc_id, count in self.criteria_counts.items():
            out[count] = tuple(lc.criterion.indicator for lc in self.criteria if lc.document.id == doc_id)
        return out

    def criteria_for(self, commune) -> list[LoadedCriterion]:
        """The criteria of the criteria sets that cover a commune."""
        return [lc for lc in self.criteria if lc.document.applies_to(commune)]

    def ordered(self, ids: Optional[Iterable[str]] = None) -> list[LoadedRule]:
        """Rules in evaluation order: every rule after the rules it reads (stable in catalogue order)."""
        by_id = self.by_id
        wanted = set(ids) if ids is not None else set(by_id)
        # include what the wanted rules depend on, transitively
        stack = list(wanted)
        while stack:
            rid = stack.pop()
            for dep in by_id[rid].rule.dependencies():
                if dep in by_id and dep not in wanted:
                    wanted.add(dep)
                    stack.append(dep)
        done: list[LoadedRule] = []
        placed: set[str] = set()

        def visit(r: LoadedRule) -> None:
            if r.id in placed:
                return
            placed.add(r.id)
            for dep in r.rule.dependencies():
                if dep in by_id:
                    visit(by_id[dep])
            done.append(r)

        for r in self.rules:
            if r.id in wanted:
                visit(r)
        return done


# Catalogues already loaded in this process, by the bytes of their files (not their times: a file rewritten within
# one clock tick with the same size is still seen as changed). A Catalogue is read-only once built, so one object
# serves every caller: the web page's requests, `rules diff`'s second run of an unchanged side, the test suite.
_LOADED: "OrderedDict[tuple[str, str, bool], tuple[Catalogue, tuple[Diagnostic, ...]]]" = OrderedDict()
_LOADED_MAX = 8
_MEMO_FILE_LIMIT = 4 * 1024 * 1024  # larger files (or anything but a regular file) are loaded, never fingerprinted


def _content_key(root: Path, extra: Iterable[Path], strict: bool) -> Optional[tuple[str, str, bool]]:
    """The identity of a catalogue on disk: its files' bytes, and their names as given — a catalogue keeps its files'
    paths as the user wrote them (findings and diagnostics print them), so `--rules rules` in one folder and
    `--rules ../rules` in another are two catalogues even when they are the same files; a relative name also holds
    the working folder it is relative to. None when any file is not a plain small file."""
    try:
        files = yaml_files([root]) + [Path(p) for p in extra]
        digest = hashlib.sha256()
        if not all(f.is_absolute() for f in [root, *files]):
            digest.update(os.getcwd().encode() + b"\0")
        for f in files:
            st = os.stat(f)
            if not stat.S_ISREG(st.st_mode) or st.st_size > _MEMO_FILE_LIMIT:
                return None
            digest.update(str(f).encode() + b"\0")
            digest.update(f.read_bytes() + b"\0")
    except (OSError, InputError):
        return None
    return (str(root), digest.hexdigest(), strict)


def load_catalogue(
    root: Path | None = None, *, extra: Iterable[Path] = (), diags: Diagnostics | None = None, strict: bool = True
) -> Catalogue:
    """Load every YAML file under ``root`` (plus ``extra`` files). With ``strict`` (the default) raise InputError
    listing every problem; without, return what loaded and leave the problems in ``diags`` (for lint). A catalogue
    whose files are byte for byte one already loaded in this process is that one (its warnings given again), and one
    loaded by an earlier run is taken from the cache (chitieu.catcache)."""
    root = root or default_rules_dir()
    diags = diags if diags is not None else Diagnostics()
    extra = tuple(extra)
    key = _content_key(root, extra, strict) if root.exists() else None
    if key is not None and key in _LOADED:
        _LOADED.move_to_end(key)
        cat, found = _LOADED[key]
        diags.extend(found)
        return cat
    kept = catcache.load(key) if key is not None else None
    if (
        isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], Catalogue)
    ):  # the same files, loaded by an earlier run (chitieu.catcache)
        cat, found = kept
        diags.extend(found)
    else:
        before = len(diags.items)
        cat = _load_catalogue(root, extra, diags, strict)
        found = tuple(diags.items[before:])
        if key is not None and not any(d.level == "error" for d in found):
            from .compiler import compile_catalogue

            try:
                compile_catalogue(cat)  # kept with it
            except Exception:  # noqa: BLE001 - the run that needs the branches meets the problem and reports it
                cat.compiled = None
            catcache.store(key, (cat, found))  # before any run fills a rule's cache
    if key is not None:
        _LOADED[key] = (cat, found)
        while len(_LOADED) > _LOADED_MAX:
            _LOADED.popitem(last=False)
    return cat


def _load_catalogue(root: Path, extra: Iterable[Path], diags: Diagnostics, strict: bool) -> Catalogue:
    if not root.exists():
        diags.error(root, 1, 1, "io", "the rules directory does not exist (set --rules or CHITIEU_RULES)")
        raise InputError(diags.items)
    files = yaml_files([root])
    seen_files = {f.resolve() for f in files}
    files += [Path(p) for p in extra if Path(p).resolve() not in seen_files]
    info: Optional[CatalogueInfo] = None
    indicators: dict[str, Indicator] = {}
    ind_where: dict[str, tuple[Path, int, int]] = {}
    documents: dict[str, Document] = {}
    doc_where: dict[str, tuple[Path, int, int]] = {}
    rules: list[LoadedRule] = []
    criteria: list[LoadedCriterion] = []
    counts: dict[str, str] = {}
    broken = _Unread()  # what did not validate: a rule, a rule file's header
    saw_catalogue = False
    info_doc: Optional[YamlDoc] = None
    digest = hashlib.sha256()
    read: set[Path] = set()
    for doc, schema in load_each(files, diags):
        path = doc.path
        read.add(path)
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        digest.update(doc.text.encode())
        if schema == "chitieu.catalogue/1":
            saw_catalogue = True
            info_doc = doc
            parsed = validate(CatalogueInfo, doc, diags)
            if parsed:
                info = parsed
        elif schema == "chitieu.indicators/1":
            parsed = validate(IndicatorFile, doc, diags)
            if not parsed:
                read.discard(path)  # its indicators are unknown: no rule's reference to them is an error of its own
            if parsed:
                for i, ind in enumerate(parsed.indicators):
                    line, col = doc.where(("indicators", i))
                    if ind.key in indicators:
                        first_path, first_line, first_col = ind_where[ind.key]
                        diags.error(
                            path,
                            line,
                            col,
                            "duplicate-indicator",
                            f"indicator '{ind.key}' is already declared at {first_path}:{first_line}:{first_col}",
                        )
                        continue
                    indicators[ind.key] = ind
                    ind_where[ind.key] = (path, line, col)
        elif schema == "chitieu.rules/1":
            _load_rule_file(doc, diags, documents, doc_where, rules, criteria, counts, broken)
        else:
            unknown_schema(doc, diags, "chitieu.rules/1, chitieu.indicators/1 or chitieu.catalogue/1")
            broken.file(doc.data)
    if info is None and not saw_catalogue:
        diags.error(
            root, 1, 1, "missing-catalogue", "no catalogue.yaml (schema: chitieu.catalogue/1) in the rules directory"
        )
    info = info or CatalogueInfo.model_validate({"schema": "chitieu.catalogue/1", "name": "?", "version": "?"})
    # Findings list rules in the catalogue's document order (then file order): the plan hierarchy, not the alphabet.
    rank = {doc_id: i for i, doc_id in enumerate(info.order)}
    rules.sort(key=lambda lr: (rank.get(lr.document.id, len(rank)), lr.index))
    for i, lr in enumerate(rules):
        lr.index = i
    cat = Catalogue(
        info=info,
        indicators=indicators,
        documents=documents,
        rules=rules,
        digest=digest.hexdigest()[:12],
        indicator_where=ind_where,
        info_doc=info_doc,
        criteria=criteria,
        criteria_counts=counts,
        document_where=doc_where,
        indicators_complete=all(f in read for f in files),
        unread=frozenset(broken.words | (lost := _file_words(f for f in files if f not in read))),
        unread_rules=frozenset(broken.rules | lost),
    )
    _check_short_of(cat, diags)
    _check_words_of(cat, diags)
    check_catalogue(cat, diags)
    if strict and diags.has_errors():
        raise InputError(diags.sorted())
    return cat


def _load_rule_file(
    doc: YamlDoc,
    diags: Diagnostics,
    documents: dict,
    doc_where: dict,
    rules: list[LoadedRule],
    criteria: list[LoadedCriterion],
    counts: dict[str, str],
    broken: "_Unread",
) -> None:
    # Validate the header and each rule separately, so one broken rule does not hide the others' problems.
    data = doc.data
    header = {k: v for k, v in data.items() if k != "rules"}
    header["rules"] = []
    parsed = validate(RuleFile, doc, diags, data=header)
    raw_rules = data.get("rules")
    if raw_rules is None and "rules" in data:  # an empty 'rules:' (a plan with no rule yet)
        raw_rules = []
    if not isinstance(raw_rules, list):
        broken.file(data)
        if raw_rules is None and nearest("rules", [k for k in data if isinstance(k, str)], 1):
            return  # 'rule:' for 'rules:': the header's unknown-key error names it
        line, col = doc.where(("rules",))
        diags.error(
            doc.path,
            line,
            col,
            "missing-key" if raw_rules is None else "wrong-type",
            "missing required key 'rules'" if raw_rules is None else "'rules' must be a list of rules",
        )
        return
    if parsed is None:
        broken.file(data)
        return
    document = parsed.document
    if document.id in documents:
        first_path, first_line, first_col = doc_where[document.id]
        line, col = doc.where(("document", "id"))
        diags.error(
            doc.path,
            line,
            col,
            "duplicate-document",
            f"document '{document.id}' is already declared at {first_path}:{first_line}:{first_col}",
        )
    else:
        documents[document.id] = document
        doc_where[document.id] = (doc.path, *doc.where(("document",)))
    for i, c in enumerate(parsed.criteria):
        criteria.append(LoadedCriterion(c, document, doc.path, *doc.where(("criteria", i))))
    if parsed.criteria_count:
        counts[document.id] = parsed.criteria_count
    for i, raw in enumerate(raw_rules):
        rule = validate(rule_adapter(), doc, diags, data=raw, base=("rules", i))
        if rule is not None:
            rules.append(LoadedRule(rule, document, parsed.in_force, doc, ("rules", i), len(rules)))
        else:
            broken.rule(raw)


@dataclass
class _Unread:
    """What a catalogue could not read: a rule's id (then no "unknown rule" where another rule names it) and the words
    of what it reads (then no "unused" indicator); a rule file's header: all of its rules alike."""

    words: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)

    def rule(self, raw: object) -> None:
        self.words |= _words(raw)
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            self.rules.add(raw["id"])

    def file(self, data: object) -> None:
        self.words |= _words(data)
        self.rules |= _words(data)


def _check_words_of(cat: Catalogue, diags: Diagnostics) -> None:
    """An indicator's `words.of` (read: elsewhere, read: named) names an indicator of the catalogue."""
    for key, ind in cat.indicators.items():
        of = ind.words.of if ind.words else None
        if of is None or (of in cat.indicators and of != key) or of in cat.unread:
            continue
        path, line, col = cat.indicator_where[key]
        if of == key:
            diags.error(path, line, col, "invalid-value", f"words.of of '{key}' names the indicator itself")
            continue
        diags.error(
            path,
            line,
            col,
            "unknown-indicator",
            f"words.of of '{key}': '{of}' is not an indicator of the catalogue"
            + did_you_mean(of, sorted(k for k in cat.indicators if k != key)),
        )


def _check_short_of(cat: Catalogue, diags: Diagnostics) -> None:
    """An indicator's `words.short_of.of` names the general count of a criteria set (not when the file of that set
    could not be read: that file's error is the one to tell)."""
    counts = set(cat.criteria_counts.values())
    for key, ind in cat.indicators.items():
        short = ind.words.short_of if ind.words else None
        if short is None or short.of in counts or short.of in cat.unread:
            continue
        path, line, col = cat.indicator_where[key]
        diags.error(
            path,
            line,
            col,
            "unknown-indicator",
            f"words.short_of.of of '{key}': '{short.of}' is not the general count of any criteria set"
            + did_you_mean(short.of, sorted(counts)),
        )


def _words(raw: object) -> set[str]:
    """Every identifier-like word of a rule's raw YAML: its id, the rules and indicators it names."""
    if isinstance(raw, dict):
        return set().union(*(_words(k) | _words(v) for k, v in raw.items()))
    if isinstance(raw, list):
        return set().union(*(_words(v) for v in raw))
    return set(_WORD.findall(raw)) if isinstance(raw, str) else set()


_WORD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


NUMERIC_TYPES = ("count", "number", "percent", "items")


def _file_words(paths: Iterable[Path]) -> set[str]:
    """The words (ids, keys) of the files that could not be read (a YAML syntax error, a duplicate key, a wrong
    encoding, …): what they declare or read is missing from the catalogue, not absent — no "unknown" or "unused"
    warning for those."""
    words: set[str] = set()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        words.update(_WORD.findall(text))
    return words


def check_catalogue(cat: Catalogue, diags: Diagnostics) -> None:
    """Checks that need the whole catalogue: ids, references, types, units, periods, templates."""
    for i, doc_id in enumerate(cat.info.order):
        if doc_id not in cat.documents and cat.info_doc is not None and doc_id not in cat.unread:
            line, col = cat.info_doc.where(("order", i))
            diags.warning(
                cat.info_doc.path,
                line,
                col,
                "unknown-document",
                f"'order' names document '{doc_id}', which no rule file declares" + did_you_mean(doc_id, cat.documents),
            )
    seen: dict[str, LoadedRule] = {}
    for lr in cat.rules:
        if lr.id in seen:
            first = seen[lr.id]
            line, col = lr.where("id")
            diags.error(
                lr.path, line, col, "duplicate-rule", f"rule id '{lr.id}' is already used at {first.path}:{first.line}"
            )
        else:
            seen[lr.id] = lr
    for lr in cat.rules:
        _check_rule(cat, lr, seen, diags)
    _check_cycles(cat, seen, diags)
    for lc in cat.criteria:
        if lc.criterion.indicator not in cat.indicators and cat.indicators_complete:
            diags.error(
                lc.path,
                lc.line,
                lc.col,
                "unknown-indicator",
                f"criterion {lc.criterion.number} names unknown indicator '{lc.criterion.indicator}'"
                + did_you_mean(lc.criterion.indicator, cat.indicators),
            )


def _check_indicator_ref(
    cat: Catalogue, lr: LoadedRule, key: Optional[str], sub: tuple, diags: Diagnostics
) -> Optional[Indicator]:
    if key is None:
        return None
    ind = cat.indicators.get(key)
    if ind is None and cat.indicators_complete:
        lr.error(diags, sub, "unknown-indicator", f"unknown indicator '{key}'" + did_you_mean(key, cat.indicators))
    return ind


def _check_rule(cat: Catalogue, lr: LoadedRule, ids: dict[str, LoadedRule], diags: Diagnostics) -> None:
    r = lr.rule
    for sub, m in r.measures():
        _check_measure(cat, lr, m, sub, diags)
    lr.kind.lint(cat, lr, ids, diags)
    _check_period(lr, diags)
    _check_no_effect(lr, diags)
    texts: list[tuple[tuple[str, ...], str]] = [(("messages", key), text) for key, text in r.messages.items()]
    texts += [((name,), getattr(r, name)) for name in ("shortcoming", "remedy", "cause") if getattr(r, name)]
    some_kinds = {f for k in KINDS.values() for f in k.template_fields}
    for sub, text in texts:
        problems = templates.problems(text)
        for problem in problems:
            lr.error(diags, sub, "template-field", problem)
        if problems:
            continue
        for name in templates.names(text):
            if name in some_kinds and name not in lr.kind.template_fields:
                fills = sorted(n for n in some_kinds if n in lr.kind.template_fields)
                line, col = lr.where(*sub)
                diags.warning(
                    lr.path,
                    line,
                    col,
                    "template-field-unfilled",
                    f"a {lr.kind.name} rule never fills '{{{name}}}' (it would print '—')"
                    + (
                        f"; of the fields only some kinds fill, it fills: {', '.join(fills)}"
                        if fills
                        else "; it fills only the fields every kind fills"
                    ),
                )


def _check_no_effect(lr: LoadedRule, diags: Diagnostics) -> None:
    """Settings that change nothing: years on a rule judged at the report's as-of date, per_year on one year."""
    r = lr.rule
    p = r.period
    if p.kind == "as_of":
        for name, value in (("from", p.from_), ("to", p.to)):
            if value is not None:
                line, col = lr.where("period", name)
                diags.warning(
                    lr.path,
                    line,
                    col,
                    "no-effect",
                    f"'{name}: {value}' has no effect: an 'as_of' rule is judged once, at the report's "
                    "as-of date; remove it (or use kind 'annual' or 'cumulative' to judge years)",
                )
    target = getattr(r, "target", None)
    if target is not None and target.per_year and p.kind in ("annual", "as_of"):
        line, col = lr.where("target", "per_year")
        diags.warning(
            lr.path,
            line,
            col,
            "no-effect",
            f"'per_year' has no effect on an '{p.kind}' rule, judged "
            "over one year at a time; it multiplies the target by the years of a 'cumulative' period",
        )


def _check_measure(cat: Catalogue, lr: LoadedRule, m, sub: tuple, diags: Diagnostics) -> None:
    ind = _check_indicator_ref(cat, lr, m.of, sub + ("of",), diags)
    per = _check_indicator_ref(cat, lr, m.per, sub + ("per",), diags)
    _check_indicator_ref(cat, lr, m.claim, sub + ("claim",), diags)
    if ind is not None:
        if m.aggregate == "count" and ind.type not in ("items", "count"):
            lr.error(
                diags,
                sub + ("aggregate",),
                "type-mismatch",
                f"'count' needs an indicator of type items or count; '{ind.key}' is {ind.type}",
            )
        if m.aggregate == "sum" and ind.type not in ("count", "number", "items"):
            lr.error(
                diags,
                sub + ("aggregate",),
                "type-mismatch",
                f"'sum' needs an indicator of type count or number; '{ind.key}' is {ind.type}",
            )
        if m.aggregate == "value" and ind.type == "items":
            lr.error(
                diags, sub + ("aggregate",), "type-mismatch", f"'{ind.key}' is a list of items: use 'aggregate: count'"
            )
        if m.document_kinds and ind.type != "boolean":
            lr.error(
                diags,
                sub + ("document_kinds",),
                "type-mismatch",
                f"'document_kinds' names the document a yes/no task requires; '{ind.key}' is {ind.type}",
            )
        if m.per and ind.type in ("boolean", "level"):
            lr.error(
                diags, sub + ("per",), "type-mismatch", f"a ratio needs a numeric indicator; '{ind.key}' is {ind.type}"
            )
    if per is not None and per.type not in NUMERIC_TYPES:
        lr.error(
            diags, sub + ("per",), "type-mismatch", f"a ratio needs a numeric denominator; '{per.key}' is {per.type}"
        )


def _check_period(lr: LoadedRule, diags: Diagnostics) -> None:
    p = lr.rule.period
    span = lr.document.period
    for name, year in (("from", p.from_), ("to", p.to), ("deadline", p.deadline.year if p.deadline else None)):
        if year is not None and not span.from_ <= year <= span.to:
            lr.error(
                diags,
                ("period", name),
                "period-outside-document",
                f"{name} {year} lies outside the period of {lr.document.number} ({span.from_}–{span.to})",
            )


def _check_cycles(cat: Catalogue, ids: dict[str, LoadedRule], diags: Diagnostics) -> None:
    state: dict[str, int] = {}

    def visit(rid: str, trail: list[str]) -> None:
        state[rid] = 1
        for dep in ids[rid].rule.dependencies():
            if dep not in ids:
                continue
            if state.get(dep) == 1:
                lr = ids[rid]
                cycle = " → ".join(trail[trail.index(dep) :] + [rid, dep]) if dep in trail else f"{rid} → {dep}"
                lr.error(diags, ("id",), "rule-cycle", f"rules depend on each other in a cycle: {cycle}")
            elif dep not in state:
                visit(dep, trail + [rid])
        state[rid] = 2

    for rid in ids:
        if rid not in state:
            visit(rid, [])
