"""Reporters, one per output format of each command, behind one protocol: ``Reporter.write(run, out, options)``.

Each registry drives the ``--format`` choice of one command (``check``: REPORTERS, ``shortfalls``:
SHORTFALL_FORMATS, ``report``: DOCUMENT_FORMATS): a new format is one writer function and one line here, and the
commands never branch on a format.
``SUFFIXES`` ties file name suffixes to formats, so ``-o NAME.json`` picks JSON and ``--format`` cannot contradict it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional, Protocol

if TYPE_CHECKING:
    from ..audit import AuditResult
    from ..catalogue import Catalogue
    from ..facts import CommuneFacts
    from ..model import Finding
    from .documents import DocumentOptions


def _module(name: str):
    """A reporter module imported on first use: python-docx and openpyxl cost a tenth of a second to import, and
    most runs never write Word or Excel."""
    return importlib.import_module(f"{__name__}.{name}")


@dataclass
class Run:
    """What a command hands a reporter: the catalogue and the audited communes — as a stream, read once by a writer
    that goes commune by commune, or collected into one result for the formats that need all of it."""

    catalogue: "Catalogue"
    stream: Optional[Iterable[tuple["CommuneFacts", list["Finding"]]]] = None
    _result: Optional["AuditResult"] = None

    @classmethod
    def of(cls, result: "AuditResult") -> "Run":
        return cls(result.catalogue, None, result)

    def communes(self) -> Iterator[tuple["CommuneFacts", list["Finding"]]]:
        if self._result is None:
            assert self.stream is not None
            yield from self.stream
            return
        by_commune: dict[str, list["Finding"]] = {}
        for f in self._result.findings:
            by_commune.setdefault(f.commune.id, []).append(f)
        for cf in self._result.communes:
            yield cf, by_commune.get(cf.commune.id, [])

    def result(self) -> "AuditResult":
        if self._result is None:
            from ..batch import collect

            self._result = collect(self.catalogue, self.communes())
        return self._result


@dataclass
class Options:
    """What the user chose beyond the format: terminal styling, and the document and its settings (`report`)."""

    color: bool = False
    again: tuple[str, ...] = ()  # the user's own `chitieu check` arguments, for a view that suggests another format
    product: str = "commune"
    document: Optional["DocumentOptions"] = None
    lang: str = "vi"  # the language of a view's own words (--lang): headings, summaries, hints
    statuses: Optional[str] = None  # --status as given: the view shows only these
    scope: Optional[dict[str, int]] = None  # the counts of every finding audited, shown or not (complete at the end)


class Sink(Protocol):
    """Where a reporter writes: the file AtomicFile opens, standard output (output.Stdout), a buffer."""

    def write(self, data: Any, /) -> Any: ...


@dataclass(frozen=True)
class Reporter:
    """One output format of one command: ``write(run, out, options)`` writes it to a text (or, when ``binary``, a
    bytes) file; ``styled`` formats honour ``options.color``."""

    name: str
    write: Callable[[Run, Sink, Options], None]
    binary: bool = False
    styled: bool = False
    header_only: bool = False  # reads of each commune only what chitieu.facts.CommuneFacts.header keeps (--jobs)
    json_lines: bool = False  # reads of each finding only its status, rule, commune, plan and JSON line (--jobs)


def _stream(module: str, function: str, *, styled: bool = False) -> Callable[[Run, Sink, Options], None]:
    """A writer that takes the communes as they are audited (memory stays flat over a province)."""

    def write(run: Run, out: Sink, opts: Options) -> None:
        style = {"color": opts.color} if styled else {}
        getattr(_module(module), function)(run.catalogue, run.communes(), out, **style)

    return write


def _whole(module: str, function: str, *, styled: bool = False) -> Callable[[Run, Sink, Options], None]:
    """A renderer of the whole run's result (tables and documents, which need every finding)."""

    def write(run: Run, out: Sink, opts: Options) -> None:
        style = {"color": opts.color} if styled else {}
        out.write(getattr(_module(module), function)(run.result(), **style))

    return write


def _list(run: Run, out: Sink, opts: Options) -> None:
    _module("listing").write_list(
        run.catalogue,
        run.communes(),
        out,
        color=opts.color,
        again=opts.again,
        lang=opts.lang,
        statuses=opts.statuses,
        scope=opts.scope,
    )


def _table(run: Run, out: Sink, opts: Options) -> None:
    out.write(_module("table").render(run.result(), color=opts.color, lang=opts.lang))


def _matrix(run: Run, out: Sink, opts: Options) -> None:
    from ..batch import collect_matrix

    matrix = collect_matrix(run.catalogue, run.communes())
    out.write(_module("matrix_out").render_table(matrix, color=opts.color, lang=opts.lang))


def _document(fmt: str) -> Callable[[Run, Sink, Options], None]:
    def write(run: Run, out: Sink, opts: Options) -> None:
        documents = _module("documents")
        out.write(documents.render(opts.product, fmt, run.result(), opts.document or documents.DocumentOptions()))

    return write


def _registry(*reporters: Reporter) -> dict[str, Reporter]:
    return {r.name: r for r in reporters}


# chitieu check: the findings
REPORTERS = _registry(
    Reporter("list", _list, styled=True, header_only=True),
    Reporter("table", _table, styled=True),
    Reporter("json", _stream("json_out", "write_stream"), header_only=True, json_lines=True),
    Reporter("section", _whole("section", "render")),
    Reporter("matrix", _matrix, styled=True, header_only=True),
    Reporter("html", _stream("matrix_out", "write_html"), header_only=True),
    Reporter("xlsx", _stream("matrix_out", "write_xlsx"), binary=True, header_only=True),
)

# chitieu shortfalls: the shortfall list
SHORTFALL_FORMATS = _registry(
    *(
        Reporter(name, _whole("shortfall", f"render_{name}"), binary=name == "xlsx")
        for name in ("xlsx", "csv", "md", "json")
    )
)

# chitieu report: the drafted documents (which one: Options.product, `--for`)
DOCUMENT_FORMATS = _registry(
    *(
        Reporter(name, _document(name), binary=name in ("docx", "xlsx"))
        for name in ("md", "txt", "docx", "json", "xlsx")
    )
)


def render(reporter: Reporter, run: Run, opts: Optional[Options] = None) -> str | bytes:
    """The whole output in memory (the web page's downloads, tests)."""
    import io

    buf: io.BytesIO | io.StringIO = io.BytesIO() if reporter.binary else io.StringIO()
    reporter.write(run, buf, opts or Options())
    return buf.getvalue()


# The suffixes each format is written under. Plain text (.txt, .md) suits every text format; a suffix that names
# another kind of file (.json for a table, .docx for a workbook) is a contradiction.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "json": (".json",),
    "html": (".html", ".htm"),
    "xlsx": (".xlsx",),
    "docx": (".docx",),
    "csv": (".csv",),
    "yaml": (".yaml", ".yml"),
    "md": (".md", ".markdown"),
    "txt": (".txt",),
}
TEXT_FORMATS = {"list", "table", "section", "matrix", "md", "txt"}
PLAIN_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def pick_format(formats: Iterable[str], given: Optional[str], output: Optional[Path], default: str) -> str:
    """The format to write: ``given``, else the one the output's suffix names, else ``default``. A suffix that
    names another kind of file than ``given`` raises ValueError with what to do instead."""
    formats = list(formats)
    suffix = output.suffix.lower() if output is not None else ""
    named = next((f for f, sfx in SUFFIXES.items() if suffix in sfx), None)
    if given is None:
        if named in formats:
            return named
        if named is not None and named not in TEXT_FORMATS:
            raise ValueError(
                f"-o {output}: this command does not write {named.upper()} (its formats: "
                f"{', '.join(formats)}); choose another name or --format"
            )
        return default
    if named is None or named == given:
        return given
    if given in TEXT_FORMATS and suffix in PLAIN_SUFFIXES:
        return given
    raise ValueError(
        f"--format {given} contradicts the name -o {output} (a {suffix} file); "
        f"use a name ending in {SUFFIXES.get(given, ('.txt',))[0]} or drop --format"
    )
