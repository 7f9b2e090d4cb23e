"""The pages: upload, review, findings, matrix, history, rankings, catalogue — Flask 3 with Jinja2 templates.

Every engine call goes through ``service``; every table through ``store``; who may see what through ``auth``. The
pages are server-rendered (a little plain JavaScript at most), in Vietnamese, with every text escaped by Jinja.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import time
from pathlib import Path
from typing import Optional
from urllib.parse import urlencode

from flask import Flask, abort, flash, g, redirect, render_template, request, send_file, session, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup
from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .. import vi
from . import auth, service
from .store import (
    AuditRun,
    Commune,
    FactDecision,
    FactRow,
    FileStore,
    FindingRow,
    UnmatchedRow,
    Upload,
    User,
    data_dir_for,
    migrate,
    open_engine,
    session_factory,
    utcnow,
)

HERE = Path(__file__).resolve().parent
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DECISIONS = {"pending": "Chưa rà soát", "confirmed": "Đã xác nhận", "corrected": "Đã sửa", "rejected": "Đã loại"}
# every status the engine gives, worst first (vi.STATUS_ORDER); the findings page puts at-risk after unmet
ORDER = list(service.STATUS_ORDER)
PAGE_ORDER = ORDER[:1] + ["at_risk"] + ORDER[1:]
SYMBOL = {
    "met": "✓",
    "unmet": "✗",
    "needs_clarification": "!",
    "pending": "◔",
    "insufficient_data": "?",
    "waived": "⊘",
    "not_applicable": "–",
    "noted": "•",
}
# a matrix cell: fixed text only (the status's symbol, a one-letter class), so a thousand rows stay small and quick;
# static/matrix.js makes each cell a link to the commune's findings of that rule
LETTER = {
    "met": "m",
    "unmet": "u",
    "needs_clarification": "c",
    "pending": "p",
    "insufficient_data": "i",
    "waived": "w",
    "not_applicable": "n",
    "noted": "g",
}
_CELL: dict[Optional[str], str] = {
    None: "<td></td>",
    **{s: f'<td class="{LETTER[s]}">{SYMBOL[s]}</td>' for s in SYMBOL},
}
_FIRST = {s: i for i, s in enumerate(PAGE_ORDER)}


def create_app(
    db_url: str,
    *,
    data_dir: Optional[Path] = None,
    token: Optional[str] = None,
    loopback: bool = True,
    secret_key: Optional[bytes] = None,
    rules_dir: Optional[Path] = None,
    session_hours: float = auth.SESSION_HOURS,
    clock=time.time,
) -> Flask:
    """The web application over the database at ``db_url`` (migrated to the newest revision first).

    ``token`` is the access token (None: accounts only); ``loopback`` False refuses the token whatever it is.
    ``clock`` gives the time in seconds (tests move it forward to expire a session)."""
    app = Flask("chitieu.web", template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"))
    engine = open_engine(db_url)
    migrate(engine)
    files_root = data_dir or data_dir_for(db_url, Path.cwd())
    app.config.update(
        SECRET_KEY=secret_key or _secret_key(files_root),
        MAX_CONTENT_LENGTH=service.MAX_UPLOAD_BYTES + 64 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="chitieu_session",
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=session_hours),
        WTF_CSRF_TIME_LIMIT=int(session_hours * 3600),
        ACCESS_TOKEN=token if loopback else None,
        SESSION_SECONDS=session_hours * 3600,
        CLOCK=clock,
    )
    app.extensions["chitieu"] = {
        "engine": engine,
        "sessions": session_factory(engine),
        "files": FileStore(files_root),
        "rules_dir": rules_dir,
    }
    CSRFProtect(app)
    app.jinja_env.globals.update(
        STATUS=service.STATUS_LABELS,
        OUTLOOK=service.OUTLOOK_LABELS,
        EVIDENCE=service.EVIDENCE_LABELS,
        SEVERITY=service.SEVERITY_LABELS,
        THEMES=service.THEME_LABELS,
        DECISIONS=DECISIONS,
        SYMBOL=SYMBOL,
        ORDER=ORDER,
        PAGE_ORDER=PAGE_ORDER,
        ROLES=auth.ROLES,
        url_with=_url_with,
        pct=_pct,
    )
    app.jinja_env.filters["vn_time"] = _vn_time
    app.jinja_env.filters["num"] = _num
    app.jinja_env.filters["vn_date"] = _vn_date
    _routes(app)
    _errors(app)
    return app


def _secret_key(root: Path) -> bytes:
    """The session-signing key, kept beside the uploads so that a restart does not sign everyone out."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / "secret-key"
    if not path.exists():
        tmp = root / f".secret-key-{secrets.token_hex(4)}"
        tmp.write_bytes(secrets.token_bytes(32))
        tmp.chmod(0o600)
        tmp.replace(path)
    return path.read_bytes()


def _vn_time(value: Optional[dt.datetime]) -> str:
    return value.strftime("%H:%M %d/%m/%Y") if value else ""


def _vn_date(iso: Optional[str]) -> str:
    """'2024-10-31' as '31/10/2024' (a report date may lack its day: '2024-10' as '10/2024')."""
    if not iso:
        return ""
    parts = str(iso).split("-")
    if len(parts) == 3:
        return service.vi.date(dt.date.fromisoformat(str(iso)))
    return "/".join(reversed(parts))


def _num(value: Optional[float]) -> str:
    """A number as Vietnamese documents write it: 25, 2,5, 1.234."""
    return "—" if value is None else service.vi.number(service.Decimal(str(value)), places=2)


def _pct(value: Optional[float]) -> str:
    return "—" if value is None else service.vi.percent(service.Decimal(str(round(value, 1))))


def _url_with(**changes) -> str:
    args = request.args.to_dict()
    for k, v in changes.items():
        if v is None or v == "":
            args.pop(k, None)
        else:
            args[k] = v
    return request.path + ("?" + urlencode(args) if args else "")


# --------------------------------------------------------------------------------------------------- plumbing


def db():
    if "db" not in g:
        g.db = _ext()["sessions"]()
    return g.db


def _ext() -> dict:
    from flask import current_app

    return current_app.extensions["chitieu"]


def _cat():
    return service.catalogue(_ext()["rules_dir"])


def me() -> auth.Principal:
    return g.principal


def _commune_or_404(cid: str) -> Commune:
    """A commune the user may see: a missing one is 404, another commune's is refused with 403."""
    c = db().get(Commune, cid)
    if c is None:
        abort(404)
    if not me().can_see(cid):
        abort(403)
    return c


def _local(url: Optional[str]) -> Optional[str]:
    """A path on this site to go back to, or None (an address elsewhere is never followed)."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return None


def _owned_or_404(model, key: int):
    """An upload or an audit run of a commune the user may see (else 403; 404 when there is none)."""
    row = db().get(model, key)
    if row is None:
        abort(404)
    if not me().can_see(row.commune_id):
        abort(403)
    return row


def _part_or_404(model, key: int, up: Upload):
    """A fact or a sentence of this upload (a part of another upload is not found here)."""
    row = db().get(model, key)
    if row is None or row.upload_id != up.id:
        abort(404)
    return row


def _upload_or_404(uid: int) -> Upload:
    return _owned_or_404(Upload, uid)


def _run_or_404(rid: int) -> AuditRun:
    return _owned_or_404(AuditRun, rid)


def _visible(query):
    """Limit a query on Commune to the communes the user may see."""
    p = me()
    if p.sees_all:
        return query
    conds = [Commune.id.in_(sorted(p.communes))]
    if p.role == "reviewer":
        conds += [Commune.id.like(f"{prov}/%") for prov in sorted(p.provinces)]
    return query.where(or_(*conds))


def _latest_runs():
    """The newest audit run of each commune, as a subquery (commune_id, run_id)."""
    return select(AuditRun.commune_id, func.max(AuditRun.id).label("run_id")).group_by(AuditRun.commune_id).subquery()


def _current(*where):
    """The findings that stand: for each commune, rule and year, those of the newest run that judged that rule in
    that year (a later report's run does not judge the state "as of" an earlier year again)."""
    newest = (
        select(FindingRow.commune_id, FindingRow.rule_id, FindingRow.year, func.max(FindingRow.run_id).label("run_id"))
        .where(*where)
        .group_by(FindingRow.commune_id, FindingRow.rule_id, FindingRow.year)
        .subquery()
    )
    return select(FindingRow).join(
        newest,
        and_(
            newest.c.run_id == FindingRow.run_id,
            newest.c.commune_id == FindingRow.commune_id,
            newest.c.rule_id == FindingRow.rule_id,
            newest.c.year == FindingRow.year,
        ),
    )


def _send(data: bytes, name: str, mimetype: str):
    import io

    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name)


# --------------------------------------------------------------------------------------------------- sign-in


def _routes(app: Flask) -> None:  # noqa: C901 - the page list, one function per page
    @app.after_request
    def _headers(response):
        # everything the pages use comes from this server; no page may be framed by another site; the token never
        # travels in a Referer header; downloads are never sniffed into something else
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.teardown_appcontext
    def _close(_exc):
        s = g.pop("db", None)
        if s is not None:
            s.close()

    @app.before_request
    def _who():
        g.principal = None
        if request.endpoint in ("static", "login"):
            return None
        clock = app.config["CLOCK"]
        token = app.config["ACCESS_TOKEN"]
        given = request.args.get("token")
        if given is not None:
            if not auth.token_matches(given, token):
                return _error_page(
                    401,
                    "Mã truy cập không đúng",
                    "Mã truy cập trong địa chỉ không đúng. Hãy dùng đúng địa chỉ mà lệnh "
                    "“chitieu serve” in ra khi khởi động.",
                )
            session.clear()
            session.update(who="token", since=clock())
            session.permanent = True
            args = request.args.to_dict()
            args.pop("token")
            return redirect(request.path + ("?" + urlencode(args) if args else ""))
        who, since = session.get("who"), session.get("since")
        if who is None:
            return _signin_needed(token)
        if since is None or clock() - since > app.config["SESSION_SECONDS"]:
            session.clear()
            flash("Phiên làm việc đã hết hạn; hãy đăng nhập lại.", "warning")
            return _signin_needed(token, expired=True)
        if who == "token":
            if not token:  # the server was restarted beyond this machine: the token no longer counts
                session.clear()
                return _signin_needed(token)
            g.principal = auth.TOKEN_PRINCIPAL
            return None
        user = db().get(User, who)
        if user is None or user.disabled:
            session.clear()
            return _signin_needed(token)
        g.principal = auth.principal_of(user)
        return None

    def _signin_needed(token, expired=False):
        if request.method == "GET" and not expired:
            if not token or auth.has_users(db()):
                return redirect(url_for("login", next=request.full_path if request.args else request.path))
        return _error_page(
            401,
            "Cần đăng nhập" if not expired else "Phiên làm việc đã hết hạn",
            (
                "Trang này cần mã truy cập: mở địa chỉ có “?token=…” mà lệnh “chitieu serve” in ra "
                "khi khởi động" + (", hoặc đăng nhập bằng tài khoản." if auth.has_users(db()) else ".")
            )
            if token
            else "Hãy đăng nhập bằng tài khoản được cấp.",
            login=auth.has_users(db()),
        )

    @app.route("/dang-nhap", methods=["GET", "POST"], endpoint="login")
    def login():
        g.principal = None
        nxt = _local(request.values.get("next")) or url_for("home")
        error = None
        if request.method == "POST":
            user = auth.authenticate(db(), request.form.get("username", ""), request.form.get("password", ""))
            if user is not None:
                session.clear()
                session.update(who=user.id, since=app.config["CLOCK"]())
                session.permanent = True
                return redirect(nxt)
            error = "Tên đăng nhập hoặc mật khẩu không đúng."
        status = 401 if error else 200
        return render_template("login.html", error=error, next=nxt, has_token=bool(app.config["ACCESS_TOKEN"])), status

    @app.post("/dang-xuat")
    def logout():
        session.clear()
        flash("Đã đăng xuất.", "info")
        return redirect(url_for("login"))

    # ------------------------------------------------------------------------------------------ home, upload

    @app.get("/")
    def home():
        latest = _latest_runs()
        rows = (
            db()
            .execute(
                _visible(
                    select(Commune, AuditRun)
                    .outerjoin(latest, latest.c.commune_id == Commune.id)
                    .outerjoin(AuditRun, AuditRun.id == latest.c.run_id)
                ).order_by(Commune.id)
            )
            .all()
        )
        uploads = db().execute(select(Upload.commune_id, func.count(Upload.id)).group_by(Upload.commune_id)).all()
        counts = dict(uploads)
        return render_template(
            "home.html", rows=[(c, r, json.loads(r.counts_json) if r else None, counts.get(c.id, 0)) for c, r in rows]
        )

    @app.route("/tai-len", methods=["GET", "POST"])
    def upload():
        communes = db().scalars(_visible(select(Commune)).order_by(Commune.id)).all()
        if request.method == "GET":
            return render_template("upload.html", communes=communes, problems=[], limits=service.LIMITS)
        f = request.files.get("file")
        if f is None or not f.filename:
            return render_template(
                "upload.html", communes=communes, limits=service.LIMITS, problems=["Chưa chọn tệp để tải lên."]
            ), 400
        name = Path(f.filename.replace("\\", "/")).name[:255] or "tệp"
        data = f.read(service.MAX_UPLOAD_BYTES + 1)
        try:
            up = _ingest(name, data, request.form)
        except service.ServiceError as exc:
            return render_template("upload.html", communes=communes, limits=service.LIMITS, problems=exc.problems), 400
        except PermissionError as exc:
            return _error_page(403, "Không có quyền", str(exc))
        flash(f"Đã tải lên “{up.original_name}”: {len(up.facts)} số liệu chờ rà soát.", "info")
        return redirect(url_for("review", uid=up.id))

    def _ingest(name: str, data: bytes, form) -> Upload:
        cat = _cat()
        suffix = service.check_upload(name, data)
        store: FileStore = _ext()["files"]
        digest = store.put(data, suffix)
        path = store.path(digest, suffix)
        if suffix in (".yaml", ".xlsx"):
            draft = service.read_fact_file(cat, data, name, suffix)
            kind = "facts"
        else:
            draft, _ = service.draft_from_report(cat, path, name, _as_of_field(form))
            kind = "report"
        commune = _choose_commune(draft, form)
        s = db()
        _ensure_commune(commune)
        header = {"commune": commune, "report": draft.report, "warnings": draft.warnings}
        up = Upload(
            sha256=digest,
            suffix=suffix,
            original_name=name,
            kind=kind,
            size=len(data),
            commune_id=commune["id"],
            uploaded_by=me().name,
            header_json=json.dumps(header, ensure_ascii=False),
            statements_json=json.dumps(draft.statements, ensure_ascii=False),
        )
        s.add(up)
        s.flush()
        for f in draft.facts:
            s.add(
                FactRow(
                    upload_id=up.id,
                    commune_id=commune["id"],
                    indicator=f["indicator"],
                    period=f["period"],
                    body_json=json.dumps(f["body"], ensure_ascii=False),
                    source_line=f["line"],
                    source_cell=f.get("cell"),
                    source_quote=f["quote"],
                    flagged=f["flagged"],
                    origin=kind,
                    decision="pending",
                )
            )
        for line, text in draft.unmatched:
            s.add(UnmatchedRow(upload_id=up.id, line=line, text=text))
        s.commit()
        return up

    def _as_of_field(form) -> Optional[dt.date]:
        text = (form.get("as_of") or "").strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise service.ServiceError([f"“Số liệu tính đến ngày” không phải một ngày: “{text}”"]) from None

    def _choose_commune(draft: service.Draft, form) -> dict:
        """The commune an upload is filed under: an officer's own; a fact file's own; else the one chosen."""
        commune = dict(draft.commune)
        p = me()
        chosen = (form.get("commune") or "").strip()
        if commune.get("id"):  # a fact file names its commune
            cid = commune["id"]
        elif p.own_commune:
            cid = p.own_commune
        elif chosen and chosen != "__new__":
            cid = chosen
        else:
            new_id = (form.get("new_id") or "").strip().lower()
            if not new_id:
                province = (form.get("province") or "").strip()
                new_id = service.commune_id(commune["name"], province)
            cid = new_id
        if not auth._COMMUNE.match(cid):
            raise service.ServiceError(
                [f"mã xã “{cid}” không hợp lệ: chữ thường không dấu, số, “-”, “/” (ví dụ quang-ngai/tinh-an)"]
            )
        if not p.can_see(cid):
            raise PermissionError(f"Tài khoản này không được tải lên cho xã “{cid}”.")
        existing = db().get(Commune, cid)
        if existing is not None and not commune.get("id"):
            commune.update(name=existing.name, district=existing.district, province=existing.province)
        commune["id"] = cid
        return commune

    def _ensure_commune(c: dict) -> None:
        s = db()
        predecessors = json.dumps(c.get("predecessors") or [], ensure_ascii=False)
        existing = s.get(Commune, c["id"])
        if existing is not None:
            if c.get("predecessors"):  # a later file naming the units merged into the commune: the latest says
                existing.predecessors_json = predecessors
            return
        try:
            with s.begin_nested():
                s.add(
                    Commune(
                        id=c["id"],
                        name=c["name"],
                        district=c.get("district"),
                        province=c.get("province"),
                        predecessors_json=predecessors,
                    )
                )
        except IntegrityError:  # created by a concurrent upload meanwhile: theirs stands
            pass

    # ------------------------------------------------------------------------------------------ review

    @app.get("/tai-len/<int:uid>")
    def review(uid: int):
        up = _upload_or_404(uid)
        cat = _cat()
        facts = list(up.facts)
        header = json.loads(up.header_json)
        paragraphs = []
        if up.kind == "report":
            store: FileStore = _ext()["files"]
            quotes = [{"line": f.source_line, "quote": f.source_quote} for f in facts]
            try:
                paragraphs = service.report_paragraphs(cat, store.path(up.sha256, up.suffix), quotes, up.original_name)
            except service.ServiceError as exc:
                flash("Không đọc lại được báo cáo: " + "; ".join(exc.problems), "error")
        names = {i["key"]: i for i in service.indicators(cat)}
        shown = [_fact_view(f, names) for f in facts]
        counts = {k: sum(1 for f in facts if f.decision == k) for k in DECISIONS}
        superseded = _superseded_by(up)
        return render_template(
            "review.html",
            up=up,
            header=header,
            facts=shown,
            paragraphs=paragraphs,
            unmatched=list(up.unmatched),
            indicators=service.indicators(cat),
            counts=counts,
            statements=json.loads(up.statements_json),
            superseded=superseded,
            commune=db().get(Commune, up.commune_id),
        )

    def _fact_view(f: FactRow, names: dict) -> dict:
        body = json.loads(f.body_json)
        corrected = json.loads(f.corrected_json) if f.corrected_json else None
        current = corrected or {"period": f.period, "body": body}
        ind = names.get(f.indicator, {"name": f.indicator, "unit": None, "type": "?"})
        history = db().scalars(select(FactDecision).where(FactDecision.fact_id == f.id).order_by(FactDecision.id)).all()
        return {
            "row": f,
            "body": body,
            "indicator": ind,
            "value": service.value_text(current["body"]),
            "period": current["period"],
            "draft_value": service.value_text(body),
            "document": service.document_text(current["body"].get("document")),
            "note": current["body"].get("note"),
            "corrected": corrected,
            "history": history,
        }

    def _decide(f: FactRow, decision: str, corrected: Optional[dict] = None) -> None:
        now = utcnow()
        f.decision = decision
        f.corrected_json = json.dumps(corrected, ensure_ascii=False) if corrected else None
        f.decided_by, f.decided_at = me().name, now
        db().add(
            FactDecision(
                fact_id=f.id, decision=decision, decided_by=me().name, decided_at=now, body_json=f.corrected_json
            )
        )

    @app.post("/tai-len/<int:uid>/so-lieu/<int:fid>")
    def decide(uid: int, fid: int):
        up = _upload_or_404(uid)
        f = _part_or_404(FactRow, fid, up)
        action = request.form.get("action")
        if action in ("confirm", "reject", "reset"):
            _decide(f, {"confirm": "confirmed", "reject": "rejected", "reset": "pending"}[action])
        elif action == "correct":
            try:
                corrected = _correction(f, request.form, json.loads(up.header_json)["report"]["as_of"])
            except ValueError as exc:
                flash(f"Chưa sửa được số liệu #{f.id}: {exc}", "error")
                return redirect(url_for("review", uid=uid) + f"#f-{f.id}")
            _decide(f, "corrected", corrected)
        else:
            abort(400)
        db().commit()
        return redirect(url_for("review", uid=uid) + f"#f-{f.id}")

    def _correction(f: FactRow, form, as_of: str) -> dict:
        cat = _cat()
        body = dict(json.loads(f.body_json))
        for key in ("value", "items", "claim"):
            body.pop(key, None)
        body.update(service.parse_value(cat, f.indicator, form.get("value", "")))
        doc_text = form.get("document", "")
        doc = service.parse_document(doc_text)
        if doc:
            body["document"] = doc
        elif "document" in body and not doc_text.strip():
            body.pop("document")
        period = (form.get("period") or f.period).strip()
        _check(f.indicator, period, body, service.source_of(f.source_line, f.source_cell, f.source_quote), as_of)
        return {"period": period, "body": body}

    def _check(indicator: str, period: str, body: dict, source: dict, as_of: str) -> None:
        """ValueError with the engine's words when it would refuse this fact."""
        fact = {"indicator": indicator, "period": period, **body, "source": source}
        problems = service.check_fact(_cat(), fact, as_of)
        if problems:
            raise ValueError("; ".join(problems))

    @app.post("/tai-len/<int:uid>/xac-nhan")
    def confirm_many(uid: int):
        up = _upload_or_404(uid)
        ids = {int(x) for x in request.form.getlist("fact") if x.isdigit()}
        n = 0
        for f in up.facts:
            if f.id in ids and f.decision == "pending":
                _decide(f, "confirmed")
                n += 1
        db().commit()
        flash(f"Đã xác nhận {n} số liệu.", "info")
        return redirect(url_for("review", uid=uid))

    @app.post("/tai-len/<int:uid>/cau/<int:sid>")
    def make_fact(uid: int, sid: int):
        up = _upload_or_404(uid)
        u = _part_or_404(UnmatchedRow, sid, up)
        cat = _cat()
        indicator = request.form.get("indicator", "")
        period = (request.form.get("period") or "").strip()
        try:
            body = service.parse_value(cat, indicator, request.form.get("value", ""))
            _check(
                indicator,
                period,
                body,
                service.source_of(u.line, None, u.text),
                json.loads(up.header_json)["report"]["as_of"],
            )
        except ValueError as exc:
            flash(f"Chưa tạo được số liệu từ câu ở dòng {u.line}: {exc}", "error")
            return redirect(url_for("review", uid=uid) + f"#u-{u.id}")
        row = FactRow(
            upload_id=up.id,
            commune_id=up.commune_id,
            indicator=indicator,
            period=period,
            body_json=json.dumps(body, ensure_ascii=False),
            source_line=u.line,
            source_quote=u.text,
            flagged=False,
            origin="unmatched",
            decision="pending",
        )
        db().add(row)
        db().flush()
        u.fact_id = row.id
        _decide(row, "confirmed")  # made by a person from the sentence: that person confirms it
        db().commit()
        flash(f"Đã tạo số liệu #{row.id} từ câu ở dòng {u.line}.", "info")
        return redirect(url_for("review", uid=uid) + f"#f-{row.id}")

    @app.get("/tai-len/<int:uid>/so-lieu.yaml")
    def export(uid: int):
        up = _upload_or_404(uid)
        text = _export(up)
        return _send(
            text.encode("utf-8"), f"so-lieu-{up.commune_id.replace('/', '-')}-{up.id}.yaml", "application/yaml"
        )

    def _export(up: Upload) -> str:
        header = json.loads(up.header_json)
        facts = []
        for f in up.facts:
            if f.decision in ("confirmed", "corrected"):
                cur = (
                    json.loads(f.corrected_json)
                    if f.corrected_json
                    else {"period": f.period, "body": json.loads(f.body_json)}
                )
                facts.append(
                    {
                        "indicator": f.indicator,
                        "period": cur["period"],
                        "body": cur["body"],
                        "line": f.source_line,
                        "cell": f.source_cell,
                        "quote": f.source_quote,
                    }
                )
        commune = db().get(Commune, up.commune_id)
        c = {"id": commune.id, "name": commune.name, "district": commune.district, "province": commune.province}
        note = (
            f"Số liệu đã rà soát của “{up.original_name}” (tải lên #{up.id}), xuất từ chitieu serve.\n"
            f"Chỉ gồm số liệu đã được xác nhận hoặc sửa: {len(facts)}/{len(up.facts)}."
        )
        return service.fact_file(c, header["report"], facts, json.loads(up.statements_json), note=note)

    def _superseded_by(up: Upload) -> Optional[int]:
        """A newer upload of a report with the same as-of date replaces this one in the audit."""
        as_of = json.loads(up.header_json)["report"]["as_of"]
        for other in db().scalars(
            select(Upload).where(Upload.commune_id == up.commune_id, Upload.id > up.id).order_by(Upload.id.desc())
        ):
            if json.loads(other.header_json)["report"]["as_of"] == as_of:
                return other.id
        return None

    # ------------------------------------------------------------------------------------------ audit, findings

    @app.post("/xa/<path:cid>/kiem-tra")
    def run_audit(cid: str):
        commune = _commune_or_404(cid)
        uploads = [
            u
            for u in db().scalars(select(Upload).where(Upload.commune_id == cid).order_by(Upload.id))
            if _superseded_by(u) is None
        ]
        files = {}
        for u in uploads:
            if any(f.decision in ("confirmed", "corrected") for f in u.facts):
                files[f"tai-len-{u.id}.yaml"] = _export(u)
        if not files:
            flash("Chưa có số liệu nào được xác nhận: hãy rà soát số liệu trước khi kiểm tra.", "error")
            return redirect(_local(request.form.get("back")) or url_for("commune", cid=cid))
        try:
            a = service.audit(_cat(), files)
        except service.ServiceError as exc:
            return render_template("problems.html", commune=commune, problems=exc.problems), 400
        run = AuditRun(
            commune_id=cid,
            created_by=me().name,
            catalogue_name=a.catalogue["name"],
            catalogue_version=a.catalogue["version"],
            catalogue_digest=a.catalogue["digest"],
            engine_version=a.catalogue["engine"],
            inputs_json=json.dumps(files, ensure_ascii=False),
            findings_doc=a.findings_doc,
            counts_json=json.dumps(a.counts),
        )
        db().add(run)
        db().flush()
        for f in a.findings:
            db().add(
                FindingRow(
                    run_id=run.id,
                    commune_id=cid,
                    detail_json=json.dumps(f, ensure_ascii=False),
                    **service.finding_columns(f),
                )
            )
        db().commit()
        return redirect(url_for("findings", cid=cid))

    @app.get("/xa/<path:cid>/ket-qua")
    def findings(cid: str):
        commune = _commune_or_404(cid)
        run_id = request.args.get("lan", type=int)
        run = (
            _run_or_404(run_id)
            if run_id
            else db().scalar(select(AuditRun).where(AuditRun.commune_id == cid).order_by(AuditRun.id.desc()).limit(1))
        )
        if run is None or run.commune_id != cid:
            return render_template(
                "findings.html",
                commune=commune,
                run=None,
                rows=[],
                years=[],
                filters={},
                documents=[],
                counts={},
                stale=False,
            )
        rows = db().scalars(select(FindingRow).where(FindingRow.run_id == run.id).order_by(FindingRow.id)).all()
        years = sorted({r.year for r in rows})
        filters = {k: request.args.get(k, "") for k in ("status", "plan", "theme", "year", "rule")}
        chosen = [r for r in rows if _passes(r, filters)]
        chosen.sort(
            key=lambda r: (_FIRST["at_risk" if r.outlook == "at_risk" and r.status == "pending" else r.status], r.id)
        )
        counts = {s: sum(1 for r in rows if r.status == s) for s in service.STATUS_ORDER}
        details = {r.id: json.loads(r.detail_json) for r in chosen}
        stale = run.catalogue_digest != _cat().digest
        return render_template(
            "findings.html",
            commune=commune,
            run=run,
            rows=chosen,
            details=details,
            years=years,
            filters=filters,
            documents=sorted({r.document for r in rows}),
            counts=counts,
            total=len(rows),
            stale=stale,
        )

    def _passes(r: FindingRow, f: dict) -> bool:
        if f["status"] == "at_risk":
            if not (r.status == "pending" and r.outlook == "at_risk"):
                return False
        elif f["status"] and r.status != f["status"]:
            return False
        if f["plan"] and r.document != f["plan"]:
            return False
        if f["theme"] and r.theme != f["theme"]:
            return False
        if f["year"] and str(r.year) != f["year"]:
            return False
        return not (f["rule"] and r.rule_id != f["rule"])

    def _audit_of(run: AuditRun) -> service.Audit:
        return service.audit(_cat(), json.loads(run.inputs_json))

    @app.get("/lan-kiem-tra/<int:rid>/ket-qua.json")
    def findings_json(rid: int):
        run = _run_or_404(rid)
        return _send(run.findings_doc, f"ket-qua-{run.commune_id.replace('/', '-')}-{run.id}.json", "application/json")

    # the engine's documents of an audit run, made afresh from its inputs: (file name stem, maker, MIME type)
    documents = {
        "bao-cao.docx": ("bao-cao", service.report_docx, DOCX_MIME),
        "phieu-ra-soat.docx": ("phieu-ra-soat", service.review_docx, DOCX_MIME),
        "thieu-hut.xlsx": ("thieu-hut", service.shortfalls_xlsx, XLSX_MIME),
    }

    def _document(rid: int, name: str):
        run = _run_or_404(rid)
        stem, make, mime = documents[name]
        suffix = name.rsplit(".", 1)[1]
        # looked up on the service module when called, so a test may replace one maker
        return _send(
            getattr(service, make.__name__)(_audit_of(run)), f"{stem}-{run.commune_id.replace('/', '-')}.{suffix}", mime
        )

    @app.get("/lan-kiem-tra/<int:rid>/bao-cao.docx")
    def report_docx(rid: int):
        return _document(rid, "bao-cao.docx")

    @app.get("/lan-kiem-tra/<int:rid>/phieu-ra-soat.docx")
    def review_docx(rid: int):
        return _document(rid, "phieu-ra-soat.docx")

    @app.get("/lan-kiem-tra/<int:rid>/thieu-hut.xlsx")
    def shortfalls_xlsx(rid: int):
        return _document(rid, "thieu-hut.xlsx")

    @app.get("/xa/<path:cid>")
    def commune(cid: str):
        c = _commune_or_404(cid)
        uploads = db().scalars(select(Upload).where(Upload.commune_id == cid).order_by(Upload.id.desc())).all()
        runs = db().scalars(select(AuditRun).where(AuditRun.commune_id == cid).order_by(AuditRun.id.desc())).all()
        decided = {u.id: (sum(1 for f in u.facts if f.decision != "pending"), len(u.facts)) for u in uploads}
        successors = (
            db()
            .scalars(_visible(select(Commune)).where(Commune.predecessors_json.like(f'%"id": {json.dumps(cid)}%')))
            .all()
        )
        return render_template(
            "commune.html",
            commune=c,
            uploads=uploads,
            runs=runs,
            decided=decided,
            successors=successors,
            superseded={u.id: _superseded_by(u) for u in uploads},
            counts={r.id: json.loads(r.counts_json) for r in runs},
        )

    # ------------------------------------------------------------------------------------------ across communes

    @app.get("/ma-tran")
    def matrix():
        cat = _cat()
        rules = service.rules(cat)
        provinces = sorted({cid.split("/", 1)[0] for cid in db().scalars(_visible(select(Commune.id)))})
        per_year = dict(db().execute(select(FindingRow.year, func.count()).group_by(FindingRow.year)).all())
        years = sorted(per_year)
        province = request.args.get("tinh") or (provinces[0] if provinces else "")
        # by default the year most findings fall in (the reports' year, not a deadline years ahead)
        year = request.args.get("nam", type=int) or (max(years, key=lambda y: (per_year[y], y)) if years else None)
        plan = request.args.get("plan", "")
        if plan:
            rules = [r for r in rules if r.document == plan]
        in_province = (
            db().scalars(_visible(select(Commune)).where(Commune.id.like(f"{province}/%")).order_by(Commune.id)).all()
        )
        districts = sorted({c.district for c in in_province if c.district})
        district = request.args.get("huyen", "")
        communes = [c for c in in_province if not district or c.district == district]
        rank = {s: i for i, s in enumerate(service.STATUS_ORDER)}
        cells: dict[tuple[str, str], str] = {}
        if year is not None and communes:
            q = _current(FindingRow.year == year, FindingRow.commune_id.like(f"{province}/%")).with_only_columns(
                FindingRow.commune_id, FindingRow.rule_id, FindingRow.status
            )
            for cid, rid, status in db().execute(q):
                old = cells.get((cid, rid))
                if old is None or rank[status] < rank[old]:
                    cells[(cid, rid)] = status
        rows = [(c, Markup("".join(_CELL[cells.get((c.id, r.id))] for r in rules))) for c in communes]
        return render_template(
            "matrix.html",
            rules=rules,
            rows=rows,
            provinces=provinces,
            province=province,
            districts=districts,
            district=district,
            years=years,
            year=year,
            plan=plan,
            documents=service.documents(cat),
        )

    @app.get("/xa/<path:cid>/qua-cac-nam")
    def history(cid: str):
        c = _commune_or_404(cid)
        run = db().scalar(select(AuditRun).where(AuditRun.commune_id == cid).order_by(AuditRun.id.desc()).limit(1))
        rows = db().scalars(_current(FindingRow.commune_id == cid)).all()
        # the units merged into this commune carry their findings over, for the years the commune has none of its own
        merged = {u["id"]: u for u in c.predecessors if u["id"] != cid and me().can_see(u["id"])}
        carried = db().scalars(_current(FindingRow.commune_id.in_(list(merged)))).all() if merged else []
        own_years = {r.year for r in rows}
        carried = [
            r
            for r in carried
            if r.year not in own_years
            and (not merged[r.commune_id].get("until") or str(r.year) <= merged[r.commune_id]["until"][:4])
        ]
        years = sorted({r.year for r in rows} | {r.year for r in carried})
        rank = {s: i for i, s in enumerate(service.STATUS_ORDER)}
        table: dict[str, dict[int, FindingRow]] = {}
        for r in [*rows, *carried]:
            cur = table.setdefault(r.rule_id, {}).get(r.year)
            if cur is None or rank[r.status] < rank[cur.status]:
                table[r.rule_id][r.year] = r
        worse, better = [], []
        for by_year in table.values():
            for y in years[1:]:
                a, b = by_year.get(y - 1), by_year.get(y)
                if a and b and a.status == "met" and b.status == "unmet":
                    worse.append((a, b))
                if a and b and a.status == "unmet" and b.status == "met":
                    better.append((a, b))
        order = {r.id: i for i, r in enumerate(service.rules(_cat()))}
        rule_rows = sorted(table.items(), key=lambda kv: order.get(kv[0], 10**6))
        units = {cid: c.name, **{uid: u["name"] for uid, u in merged.items()}}
        return render_template(
            "history.html",
            commune=c,
            run=run,
            years=years,
            table=rule_rows,
            worse=worse,
            better=better,
            merged=merged.values(),
            units=units,
            carried_years=sorted({r.year for r in carried}),
        )

    @app.get("/xep-hang")
    def rankings():
        cat = _cat()
        numeric = (
            db()
            .execute(
                select(FindingRow.rule_id, func.count())
                .where(FindingRow.actual.is_not(None))
                .group_by(FindingRow.rule_id)
            )
            .all()
        )
        with_numbers = {rid for rid, _ in numeric}
        rules = [r for r in service.rules(cat) if r.id in with_numbers]
        rule_id = request.args.get("chi-tieu") or (rules[0].id if rules else "")
        provinces = sorted({cid.split("/", 1)[0] for cid in db().scalars(_visible(select(Commune.id)))})
        province = request.args.get("tinh", "")
        years = sorted(db().scalars(select(FindingRow.year).where(FindingRow.rule_id == rule_id).distinct()).all())
        year = request.args.get("nam", type=int) or (years[-1] if years else None)
        visible = {c.id: c for c in db().scalars(_visible(select(Commune)))}

        def of_year(y):
            out: dict[str, FindingRow] = {}
            for r in db().scalars(
                _current(FindingRow.rule_id == rule_id, FindingRow.year == y).order_by(FindingRow.id)
            ):
                if r.commune_id in visible and (not province or r.commune_id.startswith(province + "/")):
                    out[r.commune_id] = r  # the last period ending in that year
            return out

        now = of_year(year) if year else {}
        before = of_year(year - 1) if year else {}
        ranked = sorted(
            now.values(),
            key=lambda r: (
                r.achievement_pct is None,
                -(r.achievement_pct or 0),
                r.actual is None,
                -(r.actual or 0),
                r.commune_id,
            ),
        )
        rows = []
        for r in ranked:
            prev = before.get(r.commune_id)
            change = (r.actual - prev.actual) if prev and prev.actual is not None and r.actual is not None else None
            rows.append((r, visible[r.commune_id], prev, change))
        return render_template(
            "rankings.html",
            rules=rules,
            rule_id=rule_id,
            years=years,
            year=year,
            rows=rows,
            provinces=provinces,
            province=province,
            rule=next((r for r in rules if r.id == rule_id), None),
        )

    # ------------------------------------------------------------------------------------------ catalogue

    @app.get("/danh-muc")
    def catalogue():
        cat = _cat()
        by_doc: dict[str, list] = {}
        for r in service.rules(cat):
            by_doc.setdefault(r.citation, []).append(r)
        return render_template("catalogue.html", by_doc=by_doc, info=service.catalogue_info(cat))

    @app.get("/danh-muc/<rule_id>")
    def rule(rule_id: str):
        page = service.rule_page(_cat(), rule_id)
        if page is None:
            abort(404)
        return render_template("rule.html", rule_id=rule_id, html=_markdown(page))


def _markdown(text: str) -> Markup:
    """A rule page (Markdown written by the catalogue's authors) as HTML; raw HTML in it is escaped, not kept."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    return Markup(md.render(text))  # noqa: S704 - markdown-it escapes every text and refuses raw HTML


# --------------------------------------------------------------------------------------------------- errors

ERRORS = {
    400: ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ."),
    401: ("Cần đăng nhập", "Trang này cần đăng nhập."),
    403: ("Không có quyền", "Tài khoản này không được xem hoặc thao tác trên nội dung này."),
    404: ("Không tìm thấy", "Không có trang hoặc nội dung này."),
    405: ("Không hỗ trợ", "Trang này không nhận yêu cầu theo cách này."),
    413: ("Tệp quá lớn", "Tệp tải lên vượt quá giới hạn {limit} byte."),
    500: ("Lỗi hệ thống", "Đã có lỗi bên trong chương trình; hãy báo lại kèm tệp đã tải lên."),
}


def _error_page(code: int, title: str, message: Optional[str], **extra):
    return render_template("error.html", code=code, title=title, message=message, **extra), code


def _errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(exc):
        return _error_page(
            400,
            "Biểu mẫu không hợp lệ",
            "Biểu mẫu đã hết hạn hoặc không gửi từ trang này (thiếu mã chống giả mạo). Hãy tải lại trang rồi làm lại.",
        )

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(exc):
        return _error_page(413, ERRORS[413][0], ERRORS[413][1].format(limit=vi.number(service.MAX_UPLOAD_BYTES)))

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        default: tuple[str, Optional[str]] = (exc.name, exc.description)
        title, message = ERRORS.get(exc.code, default) if exc.code is not None else default
        return _error_page(exc.code or 500, title, message)

    @app.errorhandler(Exception)
    def _internal(exc):
        app.logger.exception("internal error")
        return _error_page(500, *ERRORS[500])
