"""`chitieu serve` and `chitieu users …`: start the web page; manage the accounts of a shared server."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import Optional

import click

from ..cli_vi import ChitieuCommand, ChitieuGroup
from . import auth

DB_OPTION = click.option(
    "--db",
    "db",
    default=None,
    metavar="PATH|URL",
    help="The database: a SQLite file (default: ./chitieu.db) or a URL such as postgresql+psycopg://user@host/chitieu.",
)


def _say(key: str, **fields) -> str:
    """The command's own line ``key`` in the run's language, as every command says it (chitieu.cli)."""
    from ..cli import _say as say

    return say(key, **fields)


def _refuse(code: str, message: str) -> None:
    """``chitieu: error[code]: message`` on standard error, in the run's language, as chitieu.cli refuses; exit 2."""
    from ..cli import _refusal

    _refusal(code, message)
    sys.exit(2)


def _url(db: Optional[str]) -> str:
    from .store import database_url

    return database_url(db or os.environ.get("CHITIEU_DB"), Path.cwd())


@click.command(cls=ChitieuCommand)
@DB_OPTION
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="HOST",
    help="Address to listen on. Beyond 127.0.0.1 it needs user accounts (chitieu users add).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64), help="Requests served at once.")
def serve(db: Optional[str], host: str, port: int, threads: int) -> None:
    """Start the local web page: upload a report, review its figures, see the findings, take the documents.

    The database is created or migrated to the newest schema first. On 127.0.0.1 (the default) the page needs the
    access token printed at start (open the printed address); beyond this machine it needs user accounts.

    \b
    Examples:
      # ./chitieu.db, http://127.0.0.1:8000/?token=…
      chitieu serve
      chitieu serve --db ~/chitieu/quang-ngai.db --port 8080
      # accounts only
      chitieu serve --db postgresql+psycopg://chitieu@db/chitieu --host 0.0.0.0
    """
    from sqlalchemy.exc import SQLAlchemyError

    from .app import create_app
    from .store import migrate, open_engine, session_factory

    url = _url(db)
    loopback = auth.is_loopback(host)
    try:  # the catalogue is read once, now: a broken one is said at start, not on the first page
        from . import service

        service.catalogue()
    except service.ServiceError as exc:
        for line in exc.problems:
            click.echo(line, err=True)
        from ..cli import _tell

        _tell("catalogue-broken")
        sys.exit(2)
    try:
        engine = open_engine(url)
        migrate(engine)
        with session_factory(engine)() as s:
            users = auth.has_users(s)
    except SQLAlchemyError as exc:
        _refuse(
            "database", f"cannot open the database {_safe(url)}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}"
        )
    if not loopback and not users:
        _refuse(
            "no-users",
            f"refusing to listen on {host}: beyond this machine the page needs user accounts, and there are none. "
            f"Create one first, e.g.\n  chitieu users add NAME --role reviewer --province quang-ngai{_db_arg(db)}\n"
            "or listen on 127.0.0.1 (the default) with the access token.",
        )
    token = (os.environ.get("CHITIEU_TOKEN") or secrets.token_urlsafe(24)) if loopback else None
    app = create_app(url, token=token, loopback=loopback)
    from waitress.server import create_server

    server = create_server(app, host=host, port=port, threads=threads, ident="chitieu")
    real_port = server.effective_port  # type: ignore[union-attr]  # stubs omit it: one host gives a BaseWSGIServer, which has it
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"chitieu serve — cơ sở dữ liệu: {_safe(url)}")
    if token:
        click.echo(
            f"Mở trang này trong trình duyệt (mã truy cập đi kèm địa chỉ):\n"
            f"    http://{shown_host}:{real_port}/?token={token}"
        )
    else:
        click.echo(f"Trang web: http://{shown_host}:{real_port}/ (đăng nhập bằng tài khoản)")
    click.echo("Dừng bằng Ctrl+C.", nl=True)
    sys.stdout.flush()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _safe(url: str) -> str:
    """A database URL with any password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _db_arg(db: Optional[str]) -> str:
    return f" --db {db}" if db else ""


@click.group(cls=ChitieuGroup)
def users() -> None:
    """User accounts for a shared server: reviewers (units assigned) and commune officers (one commune).

    \b
    Examples:
      chitieu users add lan --role reviewer --province quang-ngai
      chitieu users add tinh-an --role officer --commune quang-ngai/tinh-an
      chitieu users list
    """


def _session(db: Optional[str]):
    from .store import migrate, open_engine, session_factory

    engine = open_engine(_url(db))
    migrate(engine)
    return session_factory(engine)()


@users.command("add")
@click.argument("username")
@click.option(
    "--role",
    type=click.Choice(sorted(auth.ROLES)),
    required=True,
    help="reviewer: sees every commune of its units; officer: one commune.",
)
@click.option(
    "--province",
    "provinces",
    multiple=True,
    metavar="PROVINCE",
    help="A province id (first part of commune ids; repeatable).",
)
@click.option("--commune", "communes", multiple=True, help="A commune id, e.g. quang-ngai/tinh-an (repeatable).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of asking.")
@DB_OPTION
def users_add(
    username: str,
    role: str,
    provinces: tuple[str, ...],
    communes: tuple[str, ...],
    password_stdin: bool,
    db: Optional[str],
) -> None:
    """Add an account (the password is asked twice, or read from standard input)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt(_say("password"), hide_input=True, confirmation_prompt=_say("password-again"))
    with _session(db) as s:
        try:
            user = auth.add_user(s, username, password, role, list(provinces), list(communes))
        except ValueError as exc:
            _refuse("user", str(exc))
        s.commit()
        click.echo(_say("user-added", user=user.username, role=role, units=", ".join(list(provinces) + list(communes))))


@users.command("list")
@DB_OPTION
def users_list(db: Optional[str]) -> None:
    """Every account with its role and units."""
    from sqlalchemy import select

    from .store import User

    with _session(db) as s:
        for u in s.scalars(select(User).order_by(User.username)):
            units = ", ".join(f"{x.kind} {x.value}" for x in u.units)
            click.echo(f"{u.username}\t{u.role}\t{units}" + ("\t" + _say("disabled") if u.disabled else ""))


@users.command("disable")
@click.argument("username")
@DB_OPTION
def users_disable(username: str, db: Optional[str]) -> None:
    """Disable an account (its history stays; it can no longer sign in)."""
    from sqlalchemy import select

    from .store import User

    with _session(db) as s:
        user = s.scalar(select(User).where(User.username == username.lower()))
        if user is None:
            _refuse("user", f"no user '{username}'")
        user.disabled = True
        s.commit()
        click.echo(_say("user-disabled", user=user.username))
