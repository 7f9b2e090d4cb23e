"""Who may see what: the access token printed at start, user accounts with roles, and the session's age.

- On this machine alone (127.0.0.1), the token printed at start lets its holder in, as Jupyter does; it is then kept
  in the session cookie. Accounts work there too.
- Beyond this machine, accounts only: ``serve`` refuses to start on a non-loopback address while no account exists.
- A reviewer sees every commune of the units assigned (a province: every commune id under it; or commune ids); a
  commune officer sees and uploads for the one commune assigned. The token holder sees everything.
- A session ends after ``SESSION_HOURS`` (counted from sign-in) and on sign-out; passwords are hashed with scrypt
  (werkzeug.security).
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from .store import User, UserUnit

ROLES = {"reviewer": "Cán bộ rà soát", "officer": "Cán bộ xã"}
TOKEN_ROLE = "token"
SESSION_HOURS = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
_UNIT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COMMUNE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")


@dataclass(frozen=True)
class Principal:
    """The person behind a request."""

    name: str
    role: str  # token | reviewer | officer
    provinces: frozenset[str] = field(default_factory=frozenset)
    communes: frozenset[str] = field(default_factory=frozenset)

    @property
    def sees_all(self) -> bool:
        return self.role == TOKEN_ROLE

    @property
    def label(self) -> str:
        return "Người giữ mã truy cập" if self.sees_all else f"{self.name} ({ROLES.get(self.role, self.role)})"

    def can_see(self, commune_id: str) -> bool:
        if self.sees_all:
            return True
        if commune_id in self.communes:
            return True
        return self.role == "reviewer" and commune_id.split("/", 1)[0] in self.provinces

    @property
    def own_commune(self) -> Optional[str]:
        """An officer's one commune (uploads are filed under it, whatever the report says)."""
        if self.role == "officer" and len(self.communes) == 1:
            return next(iter(self.communes))
        return None


TOKEN_PRINCIPAL = Principal("người giữ mã truy cập", TOKEN_ROLE)


def token_matches(given: Optional[str], token: Optional[str]) -> bool:
    if not given or not token:
        return False
    return hmac.compare_digest(given.encode(), token.encode())


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def principal_of(user: User) -> Principal:
    provinces = frozenset(u.value for u in user.units if u.kind == "province")
    communes = frozenset(u.value for u in user.units if u.kind == "commune")
    return Principal(user.username, user.role, provinces, communes)


def authenticate(db, username: str, password: str) -> Optional[User]:
    user = db.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or user.disabled:
        # hash anyway, so a missing account takes as long as a wrong password
        check_password_hash(_DUMMY_HASH, password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


_DUMMY_HASH = generate_password_hash("không có tài khoản này", method="scrypt")


def add_user(db, username: str, password: str, role: str, provinces: list[str], communes: list[str]) -> User:
    """A new account; ValueError says what is wrong with the request."""
    username = unicodedata.normalize("NFC", username).strip().lower()
    if not _USERNAME.match(username):
        raise ValueError("a user name is 2–80 characters: lower-case ASCII letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        raise ValueError(f"the role must be one of: {', '.join(ROLES)}")
    if len(password) < 10:
        raise ValueError("the password must have at least 10 characters")
    for p in provinces:
        if not _UNIT.match(p):
            raise ValueError(f"'{p}' is not a province id (the first part of commune ids, e.g. quang-ngai)")
    for c in communes:
        if not _COMMUNE.match(c):
            raise ValueError(f"'{c}' is not a commune id (e.g. quang-ngai/tinh-an)")
    if role == "officer" and (len(communes) != 1 or provinces):
        raise ValueError("a commune officer is assigned exactly one commune (--commune ID) and no province")
    if role == "reviewer" and not (provinces or communes):
        raise ValueError("a reviewer needs at least one unit: --province ID or --commune ID")
    if db.scalar(select(User).where(User.username == username)) is not None:
        raise ValueError(f"the user '{username}' exists already")
    user = User(
        username=username, password_hash=generate_password_hash(password, method="scrypt"), role=role, disabled=False
    )
    user.units = [UserUnit(kind="province", value=p) for p in provinces] + [
        UserUnit(kind="commune", value=c) for c in communes
    ]
    db.add(user)
    return user


def has_users(db) -> bool:
    return db.scalar(select(User.id).where(User.disabled.is_(False)).limit(1)) is not None
