"""Nobody in where they do not belong: accounts and roles (each refusal proved), the serve command's start-up
rules, and the users commands."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

import pytest
from click.testing import CliRunner

from webutil import NGHIA_HOA, TOKEN, audit, confirm_all, copy_of, csrf, make_web, saved, text_of, upload
from test_web import _fact_file

PASSWORD = "mat-khau-du-dai-1"


@pytest.fixture(scope="module")
def accounts(tmp_path_factory):
    """The accounts and communes below, built once: each test gets its own copy of the database and files."""
    base = tmp_path_factory.mktemp("accounts")
    w = make_web(base)
    from chitieu.web import auth

    with w.app.extensions["chitieu"]["sessions"]() as s:
        auth.add_user(s, "xa-a", PASSWORD, "officer", [], ["quang-ngai/xa-a"])
        auth.add_user(s, "tinh", PASSWORD, "reviewer", ["quang-ngai"], [])
        auth.add_user(s, "hai-xa", PASSWORD, "reviewer", [], ["quang-ngai/xa-b", "binh-dinh/xa-x"])
        gone = auth.add_user(s, "nghi-viec", PASSWORD, "reviewer", ["quang-ngai"], [])
        gone.disabled = True
        s.commit()
    # three communes in two provinces, each with a reviewed, audited upload (made with the token)
    admin = w.signed_in()
    for cid in ("quang-ngai/xa-a", "quang-ngai/xa-b", "binh-dinh/xa-x"):
        r = upload(admin, _fact_file(cid, "xã " + cid[-1].upper(), 2024, 1, 60), cid.replace("/", "-") + ".yaml")
        assert r.status_code == 302, text_of(r.text)
        confirm_all(admin, int(r.headers["Location"].rsplit("/", 1)[1]))
        assert audit(admin, cid).status_code == 302
    return saved(w)


@pytest.fixture
def web(accounts, tmp_path):
    return copy_of(accounts, tmp_path)


def login(web, username, password=PASSWORD):
    c = web.client()
    r = c.post("/dang-nhap", data={"csrf_token": csrf(c, "/dang-nhap"), "username": username, "password": password})
    return c, r


def test_an_account_signs_in_and_out(web):
    c, r = login(web, "tinh")
    assert r.status_code == 302 and r.headers["Location"] == "/"
    assert "tinh (Cán bộ rà soát)" in text_of(c.get("/").text)
    r = c.post("/dang-xuat", data={"csrf_token": csrf(c, "/")})
    assert r.status_code == 302
    assert c.get("/").status_code == 302  # back to the sign-in page


@pytest.mark.parametrize(
    "username, password", [("tinh", "sai-mat-khau-roi"), ("khong-co", PASSWORD), ("nghi-viec", PASSWORD)]
)
def test_a_wrong_password_an_unknown_or_a_disabled_account_is_refused(web, username, password):
    c, r = login(web, username, password)
    assert r.status_code == 401 and "Tên đăng nhập hoặc mật khẩu không đúng" in r.text
    assert c.get("/").status_code == 302 and "/dang-nhap" in c.get("/").headers["Location"]


def test_an_account_session_expires(web):
    c, _ = login(web, "tinh")
    web.clock.now += 9 * 3600
    r = c.get("/xa/quang-ngai/xa-a")
    assert r.status_code == 401 and "Phiên làm việc đã hết hạn" in r.text


def test_without_signing_in_a_page_leads_to_the_sign_in_form_and_back(web):
    c = web.client()
    r = c.get("/xa/quang-ngai/xa-a/ket-qua")
    assert r.status_code == 302 and r.headers["Location"] == "/dang-nhap?next=/xa/quang-ngai/xa-a/ket-qua"
    r = c.post(
        "/dang-nhap",
        data={
            "csrf_token": csrf(c, "/dang-nhap"),
            "username": "tinh",
            "password": PASSWORD,
            "next": "/xa/quang-ngai/xa-a/ket-qua",
        },
    )
    assert r.headers["Location"] == "/xa/quang-ngai/xa-a/ket-qua"


@pytest.mark.parametrize("elsewhere", ["https://example.org/", "//example.org/x", "/\\example.org"])
def test_signing_in_never_sends_a_person_to_another_site(web, elsewhere):
    c = web.client()
    r = c.post(
        "/dang-nhap",
        data={"csrf_token": csrf(c, "/dang-nhap"), "username": "tinh", "password": PASSWORD, "next": elsewhere},
    )
    assert r.status_code == 302 and r.headers["Location"] == "/"


def test_a_commune_officer_sees_only_their_commune(web):
    c, _ = login(web, "xa-a")
    home = c.get("/").text
    assert re.findall(r'<td><a href="/xa/([\w/-]+)">[\w/-]+</a></td>', home) == ["quang-ngai/xa-a"]
    assert c.get("/xa/quang-ngai/xa-a/ket-qua").status_code == 200
    for page in (
        "/xa/quang-ngai/xa-b",
        "/xa/quang-ngai/xa-b/ket-qua",
        "/xa/quang-ngai/xa-b/qua-cac-nam",
        "/tai-len/2",
        "/tai-len/2/so-lieu.yaml",
        "/lan-kiem-tra/2/bao-cao.docx",
        "/lan-kiem-tra/2/thieu-hut.xlsx",
        "/lan-kiem-tra/2/ket-qua.json",
        "/xa/quang-ngai/xa-a/ket-qua?lan=2",
    ):
        r = c.get(page)
        assert r.status_code == 403, page
        assert "Không có quyền" in r.text
    matrix = c.get("/ma-tran?tinh=quang-ngai&nam=2024").text
    assert re.findall(r'<tr data-c="([\w/-]+)">', matrix) == ["quang-ngai/xa-a"]
    ranking = c.get("/xep-hang?chi-tieu=ho-so-truc-tuyen&nam=2024").text
    assert "xa-b" not in ranking and "xa-x" not in ranking and "quang-ngai/xa-a" in ranking


def test_a_commune_officer_cannot_act_on_or_upload_for_another_commune(web):
    c, _ = login(web, "xa-a")
    token = csrf(c, "/")
    assert c.post("/xa/quang-ngai/xa-b/kiem-tra", data={"csrf_token": token}).status_code == 403
    assert c.post("/tai-len/2/so-lieu/3", data={"csrf_token": token, "action": "reject"}).status_code == 403
    assert c.post("/tai-len/2/xac-nhan", data={"csrf_token": token, "fact": ["3"]}).status_code == 403
    r = upload(c, _fact_file("quang-ngai/xa-b", "xã B", 2023, 1, 50), "xa-b-2023.yaml")
    assert r.status_code == 403 and "không được tải lên cho xã “quang-ngai/xa-b”" in text_of(r.text)
    # a report is filed under the officer's own commune, whatever the form says
    r = upload(c, NGHIA_HOA, commune="quang-ngai/xa-b", new_id="quang-ngai/xa-b")
    assert r.status_code == 302
    assert "(quang-ngai/xa-a)" in text_of(c.get(r.headers["Location"]).text)


def test_a_reviewer_sees_every_commune_of_the_province_assigned(web):
    c, _ = login(web, "tinh")
    assert re.findall(r'<td><a href="/xa/([\w/-]+)">[\w/-]+</a></td>', c.get("/").text) == [
        "quang-ngai/xa-a",
        "quang-ngai/xa-b",
    ]
    assert c.get("/xa/quang-ngai/xa-b/ket-qua").status_code == 200
    assert c.get("/xa/binh-dinh/xa-x").status_code == 403
    assert c.get("/lan-kiem-tra/3/ket-qua.json").status_code == 403
    r = upload(c, _fact_file("binh-dinh/xa-y", "xã Y", 2024, 1, 50), "xa-y.yaml")
    assert r.status_code == 403
    r = upload(c, NGHIA_HOA, commune="__new__", province="Quảng Ngãi")
    assert r.status_code == 302  # a new commune of its own province
    r = upload(c, NGHIA_HOA, commune="__new__", new_id="binh-dinh/nghia-hoa")
    assert r.status_code == 403


def test_a_reviewer_of_listed_communes_sees_those_across_provinces(web):
    c, _ = login(web, "hai-xa")
    assert re.findall(r'<td><a href="/xa/([\w/-]+)">[\w/-]+</a></td>', c.get("/").text) == [
        "binh-dinh/xa-x",
        "quang-ngai/xa-b",
    ]
    assert c.get("/xa/quang-ngai/xa-a").status_code == 403
    assert c.get("/lan-kiem-tra/3/bao-cao.docx").status_code == 200


def test_beyond_this_machine_the_token_does_not_open_the_page(tmp_path):
    w = make_web(tmp_path, loopback=False)
    r = w.client().get(f"/?token={TOKEN}")
    assert r.status_code == 401 and "Mã truy cập không đúng" in r.text


# --------------------------------------------------------------------------------------------------- the commands


def test_serve_refuses_a_non_loopback_address_without_accounts(tmp_path):
    from chitieu.cli import main

    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "c.db")])
    assert r.exit_code == 2
    assert "error[no-users]: refusing to listen on 0.0.0.0" in r.output
    assert f"chitieu users add NAME --role reviewer --province quang-ngai --db {tmp_path / 'c.db'}" in r.output


def test_serve_says_when_the_database_cannot_be_opened(tmp_path):
    from chitieu.cli import main

    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "khong-co" / "c.db")])
    assert r.exit_code == 2
    assert f"chitieu: error[database]: cannot open the database sqlite:///{tmp_path / 'khong-co' / 'c.db'}" in r.output
    assert "Traceback" not in r.output


def test_serve_says_so_when_the_catalogue_is_broken(tmp_path, monkeypatch):
    from chitieu.cli import main

    rules = tmp_path / "rules"
    rules.mkdir()
    monkeypatch.setenv("CHITIEU_RULES", str(rules))
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "c.db")])
    assert r.exit_code == 2
    assert f"{rules}" in r.output and "error[missing-catalogue]" in r.output
    assert "nothing was started" in r.output


def test_users_add_list_and_disable(tmp_path):
    from chitieu.cli import main

    db = str(tmp_path / "c.db")
    run = CliRunner().invoke
    r = run(
        main,
        ["users", "add", "Lan", "--role", "reviewer", "--province", "quang-ngai", "--password-stdin", "--db", db],
        input=PASSWORD + "\n",
    )
    assert r.exit_code == 0, r.output
    assert "added lan (reviewer: quang-ngai)" in r.output
    r = run(
        main,
        [
            "users",
            "add",
            "xa",
            "--role",
            "officer",
            "--commune",
            "quang-ngai/a",
            "--commune",
            "quang-ngai/b",
            "--password-stdin",
            "--db",
            db,
        ],
        input=PASSWORD + "\n",
    )
    assert r.exit_code == 2 and "exactly one commune" in r.output
    r = run(
        main,
        ["users", "add", "lan", "--role", "reviewer", "--province", "x", "--password-stdin", "--db", db],
        input=PASSWORD + "\n",
    )
    assert r.exit_code == 2 and "exists already" in r.output
    r = run(
        main,
        ["users", "add", "ngan", "--role", "reviewer", "--province", "x", "--password-stdin", "--db", db],
        input="ngan\n",
    )
    assert r.exit_code == 2 and "at least 10 characters" in r.output
    assert run(main, ["users", "list", "--db", db]).output == "lan\treviewer\tprovince quang-ngai\n"
    assert run(main, ["users", "disable", "lan", "--db", db]).exit_code == 0
    assert "(disabled)" in run(main, ["users", "list", "--db", db]).output


def test_serve_prints_an_address_with_the_token_that_opens_the_page(tmp_path):
    """A real process: what `chitieu serve` prints is the way in, and the page needs it."""
    exe = os.path.join(os.path.dirname(sys.executable), "chitieu")
    proc = subprocess.Popen(
        [exe, "serve", "--port", "0", "--db", str(tmp_path / "c.db")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        lines = []
        for _ in range(10):
            line = proc.stdout.readline()
            lines.append(line)
            if "?token=" in line:
                break
        url = next(x.strip() for x in lines if "?token=" in x)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", url), lines
        assert f"cơ sở dữ liệu: sqlite:///{tmp_path / 'c.db'}" in "".join(lines)
        base = url.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as no_token:
            urllib.request.urlopen(base, timeout=30)
        assert no_token.value.code == 401
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        with opener.open(url, timeout=30) as page:
            assert page.status == 200 and page.url == base
            assert "Các xã" in page.read().decode()
        with opener.open(base + "ma-tran", timeout=30) as page:  # the cookie keeps the way open
            assert page.status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert (tmp_path / "c.db").exists() and (tmp_path / "c-files" / "secret-key").exists()
