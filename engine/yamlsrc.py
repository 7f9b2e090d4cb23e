"""Reading YAML files — the only module that parses YAML. Safe by construction, with a line:col mark for every value.

The file is composed into nodes by PyYAML's C scanner (no constructor runs, so no tag can execute code) and then
built into plain dicts, lists and scalars here, with our own scalar rules:
- plain scalars follow the YAML 1.2 core schema: ``yes``/``no``/``on``/``off`` stay strings, ``05`` is the integer 5,
  ``1:20`` is a string, ``2024-10-01`` stays a string (the models parse dates), decimals become ``Decimal``;
- only the standard tags are accepted; any other tag (``!!python/object``, ``!foo``) is an error;
- duplicate keys, non-string keys, several documents, deep nesting and alias expansion past a budget are errors;
- the text must be UTF-8 (a BOM is dropped) and uniformly NFC or NFD; NFD text is normalised to NFC.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import yaml

from . import legacy
from .diagnostics import Diagnostic, InputError
from .inputs import describe, read_capped, what_instead

if TYPE_CHECKING:
    from .diagnostics import Diagnostics

try:  # the C scanner is much faster; PyYAML wheels ship it
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """Plain scalars are typed by parse_scalar below, so PyYAML's YAML 1.1 resolver (regexes per scalar, in
    Python) is skipped: an implicit scalar is just text here. Explicit tags still reach the node unchanged."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

_STD = "tag:yaml.org,2002:"
# Tags the resolver gives plain data; anything else (python/object, binary, local !tags) is refused.
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "value", "merge")}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

Path_ = tuple  # a path of keys and indexes from the document root


@dataclass
class YamlDoc:
    """A loaded document: plain data plus the position of every value and key.

    A YAML file fills it here. A reporting form (chitieu.form_read) fills the same shape from a workbook: then a
    mark is the row and column of the cell a value was read from, and ``sheets`` names the sheet of each mark, so
    the checks of fact files run unchanged on a form and locate their errors at its cells."""

    path: Path
    data: Any
    text: str
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    sheets: dict[Path_, str] = field(default_factory=dict)
    labels: dict[Path_, str] = field(default_factory=dict)  # a form's label of the cell a value is read from
    prefix: str = ""  # said before each problem found in it ("in the facts drafted from this report: ")

    def _find(self, loc: Path_, prefer_key: bool) -> tuple[Path_, tuple[int, int]]:
        loc = tuple(loc)
        while True:
            if prefer_key and loc in self.key_marks:
                return loc, self.key_marks[loc]
            if loc in self.marks:
                return loc, self.marks[loc]
            if loc in self.key_marks:
                return loc, self.key_marks[loc]
            if not loc:
                return loc, (1, 1)
            loc = loc[:-1]

    def where(self, loc: Path_, *, prefer_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``loc``, or of its nearest located ancestor."""
        return self._find(loc, prefer_key)[1]

    def locate(self, loc: Path_, *, prefer_key: bool = False) -> tuple[int, int, str]:
        """Like ``where``, with the sheet of the mark ('' in a YAML file)."""
        found, (line, col) = self._find(loc, prefer_key)
        return line, col, self.sheets.get(found, "")

    def has_mark(self, loc: Path_) -> bool:
        return tuple(loc) in self.marks


def _diag(path: Path, line: int, col: int, code: str, message: str) -> InputError:
    return InputError([Diagnostic(str(path), line, col, code, message)])


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def decode_utf8(path: Path, raw: bytes) -> str:
    """UTF-8 text of ``raw``, BOM dropped, newlines made '\\n'. Anything else is an error that says what the file
    is: a Word, Excel or PDF file by its content, Vietnamese text in a legacy encoding, or the first bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    # UTF-16 is valid UTF-8 while its text is ASCII: look for it before decoding
    if (raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in raw[:4096]) and legacy.utf16(raw) is not None:
        raise _diag(
            path,
            1,
            1,
            "encoding",
            f"the file is {legacy.LABELS['utf-16']} text, not UTF-8: save it as "
            "UTF-8 (in Notepad: Save as… → Encoding: UTF-8)",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        kind = describe(raw)
        if kind:
            raise _diag(path, 1, 1, "file-kind", f"the file is {kind}, not text; {what_instead(kind)}") from exc
        found = None if _mostly_utf8(raw) else legacy.decode(raw)
        if found:
            raise _diag(
                path,
                1,
                1,
                "encoding",
                f"the file is Vietnamese text in the {legacy.LABELS[found[1]]} "
                "encoding, not UTF-8: save it as UTF-8 (Unicode), e.g. with Unikey's converter "
                "or your editor's “Save as… UTF-8”",
            ) from exc
        before = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(before, len(before))
        raise _diag(
            path, line, col, "encoding", f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few stray bytes (a pasted 'café' in Latin-1), not a legacy encoding: more letters beyond ASCII
    read as UTF-8 than bytes that do not."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return sum(1 for ch in text if ord(ch) > 0x7F) - bad > bad


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text of ``raw`` with a BOM dropped and NFC applied; errors for bad bytes or mixed normalisation."""
    text = decode_utf8(path, raw)
    if unicodedata.is_normalized("NFC", text):
        return text
    # Some text is decomposed (NFD). A file written wholly in one form is fine; a mix means two tools edited it and
    # names that look the same may differ, so say where the first decomposed character sits.
    has_composed = any(unicodedata.normalize("NFD", ch) != ch for ch in text if ord(ch) > 0x7F)
    if has_composed:
        for i, ch in enumerate(text):
            if unicodedata.combining(ch):
                while i > 0 and unicodedata.combining(text[i - 1]):
                    i -= 1
                line, col = _line_col(text, max(i - 1, 0))  # the letter the marks decorate
                raise _diag(
                    path,
                    line,
                    col,
                    "unicode-mixed",
                    "the file mixes composed (NFC) and decomposed (NFD) Vietnamese characters; "
                    "save it normalised to NFC (e.g. `uconv -x any-nfc` or your editor's Unicode normalisation)",
                )
    return unicodedata.normalize("NFC", text)


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of a file, refusing missing, empty, oversized and non-regular files with a located error
    (at most ``max_bytes`` + 1 bytes are ever read, whatever size the file system reports)."""
    raw = read_capped(path, max_bytes)
    text = decode(path, raw)
    if not text.strip():
        raise _diag(path, 1, 1, "empty-file", "the file is empty")
    return text


def parse_scalar(value: str) -> Any:
    """A plain (unquoted) YAML scalar under the YAML 1.2 core schema."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        # past 4,300 digits int() refuses the text (CVE-2020-10735); as a Decimal it is simply out of range later
        return int(value) if len(value) <= 400 else Decimal(value)
    if _FLOAT.match(value):
        try:
            return Decimal(value)
        except InvalidOperation:  # an exponent past what Decimal can hold (1e99999999999999999999)
            return Decimal("Infinity") if not value.startswith("-") else Decimal("-Infinity")
    return value


# a plain scalar that is safe inside a flow collection: no indicator character first, none of , [ ] { } # : inside,
# no space at either end (YAML 1.2, 7.3.3)
_DATE_TEXT = re.compile(r"\d{4}-\d{4}|\d{4}-\d{2}(-\d{2})?")  # periods and dates, read as text by chitieu
_PLAIN_TEXT = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#:\n\t]*(?<=[^\s?])")  # "…?}": PyYAML fails


def flow(value: Any) -> str:
    """``value`` as YAML flow text that reads back as the same value — the one writer of the YAML chitieu generates
    (drafted facts, imported forms, the web page's exports, the rule pages' examples). Mappings and lists in flow
    style; a text is plain, as people write it (Kế hoạch, 172/KH-UBND, as_of), only when YAML reads it back as that
    text — never 'null', 'true', '05' or '2024' — else a JSON string, a valid YAML double-quoted scalar."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, float):
        return str(Decimal(str(value)))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    text = str(value)
    if _DATE_TEXT.fullmatch(text) or (
        _PLAIN_TEXT.fullmatch(text) and parse_scalar(text) == text and _yaml11_text(text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _yaml11_text(text: str) -> bool:
    """Would a YAML 1.1 reader (PyYAML, many tools) read this plain scalar as text too? ('Yes', 'on', '.inf': no)"""
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
        if first is None or text[:1] == first:
            if any(tag != "tag:yaml.org,2002:str" and pattern.match(text) for tag, pattern in resolvers):
                return False
    return True


class _Builder:
    def __init__(self, doc: YamlDoc):
        self.doc = doc
        self.count = 0  # aliases share nodes, so every visit counts against MAX_NODES

    def err(self, node: yaml.Node, code: str, message: str) -> InputError:
        return _diag(self.doc.path, node.start_mark.line + 1, node.start_mark.column + 1, code, message)

    def build(self, node: yaml.Node, loc: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.err(
                node,
                "yaml-too-large",
                f"the document expands to more than {MAX_NODES:,} values "
                "(anchors and aliases multiply it); write the values out or split the file",
            )
        if depth > MAX_DEPTH:
            raise self.err(node, "yaml-too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
        if node.tag not in _ALLOWED_TAGS:
            raise self.err(node, "yaml-tag", f"the tag '{node.tag}' is not allowed; rule and fact files are plain data")
        self.doc.marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if not node.style:  # plain: None from the Python scanner, '' from the C one
                return parse_scalar(node.value)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, loc + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.err(key_node, "yaml-key", "keys must be plain text")
                if key_node.tag == _STD + "merge" or (not key_node.style and key_node.value == "<<"):
                    raise self.err(key_node, "yaml-merge", "merge keys ('<<') are not allowed; write the keys out")
                key = key_node.value
                if key in out:
                    raise self.err(key_node, "duplicate-key", f"the key '{key}' appears twice in this mapping")
                self.doc.key_marks[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                out[key] = self.build(value_node, loc + (key,), depth + 1)
            return out
        raise self.err(node, "yaml-syntax", "unsupported YAML node")  # pragma: no cover


_KEY_LINE = re.compile(r"^( *)(- +)?([A-Za-z_][\w-]*):(?:\s|$)")


def indent_hint(text: str, line0: int) -> str:
    """Where a syntax error sits on a key indented unlike the key before it, say so in words: "`topic` is indented
    3 spaces; indent it like `severity` (4 spaces)"; else ''."""
    lines = text.splitlines()
    m = _KEY_LINE.match(lines[line0]) if 0 <= line0 < len(lines) else None
    if m is None or m.group(2):
        return ""
    indent, key = len(m.group(1)), m.group(3)
    for k in range(line0 - 1, -1, -1):
        prev = lines[k]
        if not prev.strip() or prev.lstrip().startswith("#"):
            continue
        pm = _KEY_LINE.match(prev)
        if pm is None:
            continue  # a continued value (a folded text, a list's items)
        pindent = len(pm.group(1)) + len(pm.group(2) or "")
        opens_block = re.search(r":\s*(?:[>|][-+]?)?\s*(?:#.*)?$", prev) is not None
        if pindent == indent or (opens_block and pindent < indent):
            return ""
        if abs(pindent - indent) > 2:
            return ""
        return (
            f": `{key}` is indented {indent} space{'s' if indent != 1 else ''}; indent it like `{pm.group(3)}` "
            f"({pindent} spaces)"
        )
    return ""


def parse(path: Path, text: str) -> YamlDoc:
    """Parse already-decoded text."""
    doc = YamlDoc(path=path, data=None, text=text)
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        if problem.startswith("exceeded maximum nesting depth"):  # libyaml's own limit (flow style: [[[[…)
            raise _diag(
                path, line, col, "yaml-too-deep", f"values are nested more than {MAX_DEPTH} levels deep"
            ) from None
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            problem += " (a tab: YAML indents with spaces only)"
        elif mark is not None:
            problem += indent_hint(text, mark.line)
        raise _diag(path, line, col, "yaml-syntax", problem) from exc
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        mark = getattr(exc, "position", None)
        line, col = _line_col(text, mark) if isinstance(mark, int) else (1, 1)
        raise _diag(path, line, col, "yaml-syntax", str(getattr(exc, "reason", exc))) from exc
    except RecursionError:
        raise _diag(path, 1, 1, "yaml-too-deep", f"values are nested more than {MAX_DEPTH} levels deep") from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise _diag(path, 1, 1, "empty-file", "the file holds no YAML document")
    if len(nodes) > 1:
        n = nodes[1]
        raise _diag(
            path,
            n.start_mark.line + 1,
            n.start_mark.column + 1,
            "yaml-multi-document",
            "the file holds more than one YAML document ('---'); put one document per file",
        )
    try:
        doc.data = _Builder(doc).build(nodes[0], (), 0)
    except RecursionError:
        raise _diag(path, 1, 1, "yaml-too-deep", f"values are nested more than {MAX_DEPTH} levels deep") from None
    return doc


def load(path: Path, *, max_bytes: int = MAX_BYTES) -> YamlDoc:
    """Read, decode and parse one YAML file; raises InputError with a located diagnostic."""
    return parse(path, read_text(path, max_bytes=max_bytes))


def same_file_key(path: Path) -> object:
    """What makes two paths one file: its device and inode (hard links, symlinks, ./a and a), else its real path."""
    try:
        st = os.stat(path)
        return (st.st_dev, st.st_ino)
    except OSError:
        return os.path.realpath(path)


def unique_paths(paths: Iterable[Path]) -> list[Path]:
    """The paths in order, each file once (the first spelling of it kept)."""
    seen: set = set()
    out = []
    for p in paths:
        key = same_file_key(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The given files, and the .yaml/.yml files under the given folders (recursively, sorted), each file once
    however often it is given (a folder and a file inside it, a link to it). Entries of a folder that are not
    regular files (a FIFO named x.yaml) are kept, so that reading them refuses them aloud."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and not q.is_dir()))
        else:
            out.append(p)
    return unique_paths(out)


def unknown_schema(doc: YamlDoc, diags: "Diagnostics", expected: str) -> None:
    """A file whose top-level ``schema`` names none of the kinds its reader takes (``expected``, said in words), or
    that is no mapping at all: one error at its ``schema`` key."""
    line, col = doc.where(("schema",))
    if not isinstance(doc.data, dict):
        message = (
            "the file must be a mapping that starts with "
            "'schema: chitieu.facts/1' (or another chitieu schema), not a list or a single value"
        )
    elif "schema" not in doc.data:
        keys = [k for k in doc.data if isinstance(k, str)]
        near = [k for k in keys if k != "schema" and difflib.SequenceMatcher(None, k, "schema").ratio() >= 0.6]
        found = f"; is '{near[0]}' a misspelling of it?" if near else ""
        if near:
            line, col = doc.where((near[0],), prefer_key=True)
        message = f"the file has no 'schema' key (its first line is 'schema: …', one of {expected}){found}"
    else:
        message = f"'schema' must be {expected}, got {doc.data.get('schema')!r}"
    diags.error(doc.path, line, col, "unknown-schema", message)


def load_each(paths: Iterable[Path], diags: "Diagnostics") -> Iterator[tuple[YamlDoc, Any]]:
    """Each file that parses, with its top-level ``schema`` value; the problems of the others go to ``diags``."""
    for path in paths:
        try:
            doc = load(path)
        except InputError as exc:
            diags.extend(exc.diagnostics)
            continue
        yield doc, (doc.data.get("schema") if isinstance(doc.data, dict) else None)
