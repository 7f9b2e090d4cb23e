"""The drafted documents as files: which document (the commune's draft, the review sheet, the self-assessment table)
in which format (Markdown, plain text, Word, JSON, and Excel for the tables). ``chitieu report --for … --format …``."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from .. import __version__

if TYPE_CHECKING:
    from ..audit import AuditResult
    from ..documents.blocks import DocumentBlocks
    from ..documents.review import ReviewOptions

SCHEMA = "chitieu.document/1"


@dataclass
class DocumentOptions:
    """Everything a user may set on the documents; the rest comes from the facts."""

    date: Optional[dt.date] = None
    number: Optional[str] = None
    signer: str = ""
    recipients: list[str] = field(default_factory=list)
    reviewer: Optional[ReviewOptions] = None


def _commune(result: "AuditResult", opts: DocumentOptions) -> list["DocumentBlocks"]:
    from ..documents.commune import DraftOptions, commune_document

    draft = DraftOptions(date=opts.date, signer=opts.signer, recipients=opts.recipients or None)
    if opts.number:
        draft.number = opts.number
    return [commune_document(result, cf, draft) for cf in result.communes]


def _reviewer(result: "AuditResult", opts: DocumentOptions) -> list["DocumentBlocks"]:
    from ..documents.review import ReviewOptions, review_document

    review = opts.reviewer or ReviewOptions()
    if opts.date is not None:
        review.date = opts.date
    return [review_document(result, cf, review) for cf in result.communes]


def _self_assessment(result: "AuditResult", opts: DocumentOptions) -> list["DocumentBlocks"]:
    from ..documents.selfassessment import self_assessment_document

    return [self_assessment_document(result, cf, opts.signer) for cf in result.communes]


def _noted(build: Callable[["AuditResult", DocumentOptions], list["DocumentBlocks"]]):
    """A document of a commune whose findings rest on unreviewed drafts opens with a note that says so."""

    def documents(result: "AuditResult", opts: DocumentOptions) -> list["DocumentBlocks"]:
        from .. import vi
        from ..documents.blocks import Para

        docs = build(result, opts)
        for doc, cf in zip(docs, result.communes, strict=False):
            if cf.unreviewed:
                doc.blocks.insert(0, Para(vi.unreviewed_note(cf.commune.name, cf.unreviewed_files), placeholder=True))
        return docs

    return documents


# chitieu report --for: the documents, each built once per commune
PRODUCTS: dict[str, Callable[["AuditResult", DocumentOptions], list["DocumentBlocks"]]] = {
    "commune": _noted(_commune),
    "reviewer": _noted(_reviewer),
    "self-assessment": _noted(_self_assessment),
}


def _md(docs: list["DocumentBlocks"]) -> str:
    from .blocks_text import render_markdown

    return "\n---\n\n".join(render_markdown(d) for d in docs)


def _txt(docs: list["DocumentBlocks"]) -> str:
    from .blocks_text import render_text

    return "\n\n".join(render_text(d) for d in docs)


def _docx(docs: list["DocumentBlocks"]) -> bytes:
    from .blocks_docx import render_docx

    return render_docx(docs)


def _json(docs: list["DocumentBlocks"]) -> str:
    body = [dict(asdict(d), blocks=[dict(asdict(b), type=type(b).__name__.lower()) for b in d.blocks]) for d in docs]
    return (
        json.dumps({"schema": SCHEMA, "engine_version": __version__, "documents": body}, ensure_ascii=False, indent=2)
        + "\n"
    )


def _xlsx(docs: list["DocumentBlocks"]) -> bytes:
    from .blocks_xlsx import render_xlsx

    return render_xlsx(docs)


FORMATS: dict[str, tuple[Callable[[list["DocumentBlocks"]], str | bytes], bool]] = {
    "md": (_md, False),
    "txt": (_txt, False),
    "docx": (_docx, True),
    "json": (_json, False),
    "xlsx": (_xlsx, True),
}


def render(product: str, fmt: str, result: "AuditResult", opts: DocumentOptions) -> str | bytes:
    docs = PRODUCTS[product](result, opts)
    return FORMATS[fmt][0](docs)
