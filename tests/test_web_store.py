"""The web store: versioned migrations that carry an existing database forward, SQLite by default and a real
PostgreSQL server when $CHITIEU_TEST_POSTGRES names one; and the web page costs `chitieu check` nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import uuid

import pytest

from conftest import ROOT
from webutil import NGHIA_HOA, audit, confirm_all, make_web, text_of, upload

PG = os.environ.get("CHITIEU_TEST_POSTGRES")


def _head() -> str:
    """The newest migration shipped."""
    from alembic.script import ScriptDirectory

    from chitieu.web import store

    return ScriptDirectory.from_config(store.alembic_config()).get_current_head()


def test_a_database_made_at_revision_1_is_migrated_forward_keeping_its_data(tmp_path):
    from sqlalchemy import text

    from chitieu.web import store

    url = f"sqlite:///{tmp_path / 'cu.db'}"
    engine = store.open_engine(url)
    store.migrate(engine, "0001")
    assert store.current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO communes (id, name, created_at) VALUES ('quang-ngai/cu', 'xã Cũ', :t)"),
            {"t": dt.datetime(2025, 1, 2)},
        )
        assert "users" not in {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    engine.dispose()
    web = make_web(tmp_path, url=url)  # what `chitieu serve` does at start
    engine = store.open_engine(url)
    assert store.current_revision(engine) == _head() == "0005"
    with engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        old = conn.execute(text("SELECT predecessors_json FROM communes WHERE id = 'quang-ngai/cu'")).scalar_one()
    assert {"users", "user_units", "communes", "findings"} <= tables
    assert old == "[]"  # a commune stored before merged units were kept has none
    assert "xã Cũ" in text_of(web.signed_in().get("/").text)


def test_the_migrations_build_the_tables_the_models_describe(tmp_path):
    from sqlalchemy import inspect

    from chitieu.web import store

    engine = store.open_engine(f"sqlite:///{tmp_path / 'x.db'}")
    store.migrate(engine)
    insp = inspect(engine)
    for table in store.Base.metadata.sorted_tables:
        assert {c["name"] for c in insp.get_columns(table.name)} == {c.name for c in table.columns}, table.name


def test_chitieu_check_does_not_load_the_web_page():
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom chitieu.cli import main\n"
        "r = CliRunner().invoke(main, ['check', '--fail-on', 'never'])\nassert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'alembic', 'waitress')"
        " or m.startswith('chitieu.web.') and m != 'chitieu.web.lazy'))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


@pytest.mark.skipif(not PG, reason="set CHITIEU_TEST_POSTGRES to a PostgreSQL URL (.ci/run starts a server)")
def test_the_whole_flow_on_a_real_postgresql_server(tmp_path):
    from sqlalchemy import create_engine, text

    from chitieu.web import store

    schema = f"t{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = PG + ("&" if "?" in PG else "?") + f"options=-csearch_path%3D{schema}"
    try:
        engine = store.open_engine(url)
        store.migrate(engine, "0001")
        assert store.current_revision(engine) == "0001"
        engine.dispose()
        web = make_web(tmp_path, url=url)
        assert store.current_revision(store.open_engine(url)) == _head()
        c = web.signed_in()
        r = upload(c, NGHIA_HOA, commune="__new__", province="Quảng Ngãi")
        assert r.status_code == 302, text_of(r.text)
        confirm_all(c, 1)
        assert audit(c, "quang-ngai/nghia-hoa").status_code == 302
        doc = json.loads(c.get("/lan-kiem-tra/1/ket-qua.json").data)
        unmet = {f["rule_id"] for f in doc["findings"] if f["status"] == "unmet"}
        assert unmet == {"ho-so-truc-tuyen", "mo-hinh-van-dong-gpmb"}
        assert "quang-ngai/nghia-hoa" in c.get("/ma-tran?tinh=quang-ngai&nam=2024").text
        with admin.connect() as conn:
            n = conn.execute(text(f"SELECT count(*) FROM {schema}.findings")).scalar()
        assert n == len(doc["findings"])
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
