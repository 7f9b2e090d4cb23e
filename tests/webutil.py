"""Helpers for the web tests: an app on a fresh database, a signed-in client, CSRF tokens, uploads."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT, every_commune_rules

FIXTURES = ROOT / "tests" / "fixtures" / "web"
NGHIA_HOA = FIXTURES / "bao-cao-nghia-hoa-2024.txt"
TOKEN = "test-token-khong-doan-duoc"


class Clock:
    """The app's clock, moved forward by the tests (a session's age is counted with it)."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Web:
    app: object
    clock: Clock
    url: str
    data_dir: Path

    def client(self):
        return self.app.test_client()

    def signed_in(self):
        c = self.client()
        r = c.get(f"/?token={TOKEN}")
        assert r.status_code == 302, r.text
        return c


def make_web(tmp_path: Path, url: str | None = None, **kwargs) -> Web:
    from chitieu.web.app import create_app

    clock = Clock()
    kwargs.setdefault("rules_dir", every_commune_rules())  # xã Nghĩa Hòa, xã A…: judged on the seed's plans too
    url = url or f"sqlite:///{tmp_path / 'chitieu.db'}"
    data_dir = tmp_path / "files"
    app = create_app(url, data_dir=data_dir, token=TOKEN, secret_key=b"k" * 32, clock=clock, **kwargs)
    app.config["TESTING"] = True
    return Web(app, clock, url, data_dir)


def saved(web: Web) -> Path:
    """Close the app's database (its WAL checkpointed) so that its folder can be copied: a prepared state."""
    web.app.extensions["chitieu"]["engine"].dispose()
    return web.data_dir.parent


def copy_of(prepared: Path, tmp_path: Path) -> Web:
    """A fresh app on a copy of a prepared folder (database and stored files): one setup for many tests."""
    for f in prepared.glob("chitieu.db*"):
        shutil.copy2(f, tmp_path / f.name)
    shutil.copytree(prepared / "files", tmp_path / "files")
    return make_web(tmp_path)


def csrf(client, page: str = "/tai-len") -> str:
    r = client.get(page)
    m = re.search(r'name="csrf_token" value="([^"]+)"', r.text)
    assert m, f"no CSRF token on {page}: {r.status_code}"
    return m.group(1)


def upload(client, path_or_bytes, name: str | None = None, **form):
    data = path_or_bytes.read_bytes() if isinstance(path_or_bytes, Path) else path_or_bytes
    name = name or (path_or_bytes.name if isinstance(path_or_bytes, Path) else "tep.txt")
    fields = {"csrf_token": csrf(client), "file": (io.BytesIO(data), name), **form}
    return client.post("/tai-len", data=fields, content_type="multipart/form-data")


def pending_ids(html: str) -> list[str]:
    """Every fact still awaiting review on a review page (the bulk form's checkboxes)."""
    return re.findall(r'name="fact" value="(\d+)"', html)


def confirm_all(client, upload_id: int) -> None:
    html = client.get(f"/tai-len/{upload_id}").text
    r = client.post(f"/tai-len/{upload_id}/xac-nhan", data={"csrf_token": csrf(client), "fact": pending_ids(html)})
    assert r.status_code == 302


def audit(client, commune_id: str):
    return client.post(f"/xa/{commune_id}/kiem-tra", data={"csrf_token": csrf(client)})


def text_of(html: str) -> str:
    """The visible text of a page, tags stripped and spaces collapsed (what a reader sees, roughly)."""
    import html as h

    html = re.sub(r"</?(?:a|mark|strong|code|span|small|em|b)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", h.unescape(re.sub(r"<[^>]+>", " ", html))).strip()
