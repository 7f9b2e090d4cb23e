"""How each status looks in every output: one table, so a new status gets its colour everywhere at once.

``terminal`` is a rich style (the table and matrix views; the list view turns it into click's), ``fill`` the
background of a cell in Word, Excel and HTML (Excel's own good/bad/neutral palette), ``short`` the two letters of a
matrix cell. The at-risk outlook of a pending finding has a look of its own in the terminal views.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import vi


@dataclass(frozen=True)
class Look:
    terminal: str
    fill: str  # RRGGBB
    short: str


LOOKS: dict[str, Look] = {
    "unmet": Look("bold red", "FFC7CE", "CĐ"),
    "needs_clarification": Look("bold yellow", "FCE4D6", "LR"),
    "insufficient_data": Look("magenta", "E4DFEC", "TD"),
    "pending": Look("yellow", "FFEB9C", "CH"),
    "waived": Look("cyan", "DDEBF7", "MT"),
    "not_applicable": Look("dim", "EDEDED", "KA"),
    "noted": Look("dim", "F2F2F2", "GN"),
    "met": Look("green", "C6EFCE", "Đ"),
}
AT_RISK = Look("bold yellow", "FFEB9C", "CH")
assert set(LOOKS) == set(vi.STATUS_ORDER), "every status has a look"


def click_style(style: str) -> dict:
    """A rich style ("bold red", "dim") as click.style's keyword arguments."""
    out: dict = {}
    for word in style.split():
        if word in ("bold", "dim"):
            out[word] = True
        else:
            out["fg"] = word
    return out
