"""The store: every commune's uploads, reviewed facts, audit runs and findings, as SQLAlchemy 2 tables.

The schema is changed only by Alembic migrations shipped in ``chitieu.web.migrations`` and applied at start-up
(``migrate``), so an existing database is carried forward. Uploaded files live beside the database in a data folder,
each named by its SHA-256 (``uploads/<sha256>.<kind suffix>``): a name a user gave is a column, never a path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Optional

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Commune(Base):
    __tablename__ = "communes"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    district: Mapped[Optional[str]] = mapped_column(String(200))
    province: Mapped[Optional[str]] = mapped_column(String(200))
    # the units merged into this one (from the latest fact file that names them): [{id, name, until}], JSON
    predecessors_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def predecessors(self) -> list[dict]:
        return json.loads(self.predecessors_json or "[]")


class Upload(Base):
    """A file brought in: a report (.docx/.txt/.md) or a fact file (.yaml), stored under its SHA-256."""

    __tablename__ = "uploads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    suffix: Mapped[str] = mapped_column(String(8))  # one of service.SUFFIXES, never the user's text
    original_name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))  # report | facts
    size: Mapped[int] = mapped_column(Integer)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"), index=True)
    uploaded_by: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # the fact file's header (commune, report) as the engine's own fields, JSON
    header_json: Mapped[str] = mapped_column(Text)
    # statements (shortcomings, causes, tasks) drafted from the report or given in the fact file, JSON
    statements_json: Mapped[str] = mapped_column(Text, default="[]")
    facts: Mapped[list["FactRow"]] = relationship(back_populates="upload", order_by="FactRow.id")
    unmatched: Mapped[list["UnmatchedRow"]] = relationship(back_populates="upload", order_by="UnmatchedRow.id")


class FactRow(Base):
    """One fact, as drafted and as decided. ``body_json`` holds the engine's fact fields (value / items / claim,
    basis, awaiting_appraisal, document, note); a correction keeps the draft and adds ``corrected_json``."""

    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    upload_id: Mapped[int] = mapped_column(ForeignKey("uploads.id"), index=True)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"), index=True)
    indicator: Mapped[str] = mapped_column(String(120))
    period: Mapped[str] = mapped_column(String(20))
    body_json: Mapped[str] = mapped_column(Text)
    source_line: Mapped[Optional[int]] = mapped_column(Integer)  # the report's line …
    source_cell: Mapped[Optional[str]] = mapped_column(String(40))  # … or the form's cell (Biểu 01!E14)
    source_quote: Mapped[str] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)  # the drafter was unsure (review: true)
    origin: Mapped[str] = mapped_column(String(16))  # report | facts | unmatched
    decision: Mapped[str] = mapped_column(String(16), default="pending")  # pending | confirmed | corrected | rejected
    corrected_json: Mapped[Optional[str]] = mapped_column(Text)
    decided_by: Mapped[Optional[str]] = mapped_column(String(200))
    decided_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    upload: Mapped[Upload] = relationship(back_populates="facts")


class FactDecision(Base):
    """Every decision ever taken on a fact, in order: who confirmed, corrected or rejected what, and when."""

    __tablename__ = "fact_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id"), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    body_json: Mapped[Optional[str]] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class UnmatchedRow(Base):
    """A sentence with a number or “chưa …” that matched no indicator; a fact can be made from it."""

    __tablename__ = "unmatched"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    upload_id: Mapped[int] = mapped_column(ForeignKey("uploads.id"), index=True)
    line: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    fact_id: Mapped[Optional[int]] = mapped_column(ForeignKey("facts.id"))
    upload: Mapped[Upload] = relationship(back_populates="unmatched")


class AuditRun(Base):
    """One audit of a commune's reviewed facts: which catalogue and engine, when, by whom, on what inputs."""

    __tablename__ = "audit_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    catalogue_name: Mapped[str] = mapped_column(String(200))
    catalogue_version: Mapped[str] = mapped_column(String(50))
    catalogue_digest: Mapped[str] = mapped_column(String(80))
    engine_version: Mapped[str] = mapped_column(String(50))
    inputs_json: Mapped[str] = mapped_column(Text)  # the fact files audited, as exported (the engine's format)
    findings_doc: Mapped[bytes] = mapped_column(LargeBinary)  # the JSON findings contract, as `check --format json`
    counts_json: Mapped[str] = mapped_column(Text)
    findings: Mapped[list["FindingRow"]] = relationship(back_populates="run", order_by="FindingRow.id")


class FindingRow(Base):
    """One finding of a run, its values as columns so that history, matrices and rankings are queries."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("audit_runs.id"), index=True)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"))
    rule_id: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(String(120))  # the plan's number, e.g. 156/KH-UBND
    theme: Mapped[str] = mapped_column(String(40))
    period_key: Mapped[str] = mapped_column(String(20))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_label: Mapped[str] = mapped_column(String(80))
    year: Mapped[int] = mapped_column(Integer)  # the year the period ends in
    status: Mapped[str] = mapped_column(String(24))
    outlook: Mapped[Optional[str]] = mapped_column(String(16))
    evidence_level: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    actual: Mapped[Optional[float]] = mapped_column(Float)
    actual_display: Mapped[str] = mapped_column(Text)
    target_value: Mapped[Optional[float]] = mapped_column(Float)
    target_display: Mapped[str] = mapped_column(Text)
    unit: Mapped[Optional[str]] = mapped_column(String(40))
    achievement_pct: Mapped[Optional[float]] = mapped_column(Float)
    shortfall: Mapped[Optional[float]] = mapped_column(Float)
    message: Mapped[str] = mapped_column(Text)
    detail_json: Mapped[str] = mapped_column(Text)  # the finding as in the JSON contract
    run: Mapped[AuditRun] = relationship(back_populates="findings")

    __table_args__ = (
        Index("ix_findings_commune_year", "commune_id", "year"),
        Index("ix_findings_rule_year", "rule_id", "year"),
        Index("ix_findings_run_rule_year", "run_id", "rule_id", "year"),
    )


class User(Base):
    """An account, for a server shared beyond this machine. Roles: reviewer (every commune of the units assigned)
    and officer (one commune)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    units: Mapped[list["UserUnit"]] = relationship(cascade="all, delete-orphan", order_by="UserUnit.id")


class UserUnit(Base):
    """A unit assigned to a user: a province (every commune whose id starts with it) or one commune id."""

    __tablename__ = "user_units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # province | commune
    value: Mapped[str] = mapped_column(String(200))


# --------------------------------------------------------------------------------------------------- the database


def database_url(db: Optional[str], default_dir: Path) -> str:
    """A SQLAlchemy URL from --db: a URL as given, a path as a SQLite file (default: chitieu.db in default_dir)."""
    if db and "://" in db:
        return db
    path = Path(db) if db else default_dir / "chitieu.db"
    return f"sqlite:///{path.resolve()}"


def data_dir_for(url: str, default_dir: Path) -> Path:
    """The folder that holds uploaded files: beside a SQLite file, else ``default_dir``."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        db = Path(u.database)
        return db.parent / (db.stem + "-files")
    return default_dir / "chitieu-files"


def open_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(conn, _record):  # foreign keys on; WAL so readers never wait for a writer
            cur = conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest) with the migrations shipped in the package."""
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> Optional[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def alembic_config():
    from alembic.config import Config

    here = Path(__file__).resolve().parent / "migrations"
    cfg = Config()
    cfg.set_main_option("script_location", str(here))
    return cfg


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)


# --------------------------------------------------------------------------------------------------- files

SUFFIXES = (".txt", ".md", ".docx", ".yaml", ".xlsx")


class FileStore:
    """Uploaded files under ``root/uploads``, each named by the SHA-256 of its bytes; writes are atomic, so two
    uploads at once (even of the same file) never leave a half-written file."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / "uploads"

    def put(self, data: bytes, suffix: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(digest, suffix)
        if not target.exists():
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".upload-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
        return digest

    def path(self, digest: str, suffix: str) -> Path:
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest) or suffix not in SUFFIXES:
            raise ValueError("not a stored file name")
        return self.folder / f"{digest}{suffix}"
