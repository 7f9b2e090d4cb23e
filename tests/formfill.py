"""Filling a reporting form the way a commune official would: typing each fact of a fact file into its row.

Test helper: rows are found by the hidden key and period columns (as a person finds them by the visible name and
period), values are typed as a person types them (numbers as numbers, "Có", the level's label, "trên", dates).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from chitieu.form import BOUNDS, CLAIMS, HEADER_SIDES, ITEMS, KEY_HEADER, MAIN, ICOL, M
from chitieu.yamlsrc import load


def slot_key(period) -> str:
    text = str(period)
    if text == "as_of" or "-" not in text:
        return text
    return text.split("-")[0] + "-"


def rows_by_key(ws) -> dict[tuple[str, str], int]:
    """(indicator key, period key) → row of Biểu 01."""
    out = {}
    for r in range(1, ws.max_row + 1):
        key = ws.cell(r, M["key"]).value
        if key and not key.startswith("@") and key != KEY_HEADER:
            out[(key, ws.cell(r, M["period"]).value)] = r
    return out


def blocks_by_key(ws) -> dict[tuple[str, str], int]:
    """(indicator key, period key) → the heading row of its block in Biểu 02."""
    return {
        (ws.cell(r, ICOL["key"]).value, ws.cell(r, ICOL["period"]).value): r
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, ICOL["row"]).value == "nhom"
    }


def _date(value) -> dt.date | str:
    """A full date is typed as a date; a month-only one ("2024-10") as the official writes it: "10/2024"."""
    text = str(value)
    if len(text) == 7:
        year, month = text.split("-")
        return f"{int(month)}/{year}"
    return dt.date.fromisoformat(text)


def fill(form: Path, facts_file: Path, out: Path, cat) -> list[dict]:
    """Type the facts into the form; returns those typed. A fact of a year the plans do not judge (the 2022 plan
    reported as background to a plan that starts in 2023) has no row, as on paper, and is left out."""
    data = load(facts_file).data
    typed = []
    wb = load_workbook(form)
    ws, wi = wb[MAIN], wb[ITEMS]
    c, r = data["commune"], data["report"]
    header = {
        "@commune.name": c["name"],
        "@commune.province": c.get("province"),
        "@commune.district": c.get("district"),
        "@report.title": r["title"],
        "@report.number": r.get("number"),
        "@report.date": str(r["date"]),
        "@report.as_of": _date(r["as_of"]),
        "@report.period.from": _date(r["period"]["from"]),
        "@report.issuer": r["issuer"],
    }
    for row in range(1, 20):
        key = ws.cell(row, M["key"]).value or ""
        if key.startswith("@"):
            for k, (_, (col, _)) in zip(key.split(), HEADER_SIDES, strict=False):
                if k in header:
                    ws.cell(row, col).value = header[k]
    rows, blocks = rows_by_key(ws), blocks_by_key(wi)
    for f in data["facts"]:
        ind = cat.indicators[f["indicator"]]
        row = rows.get((f["indicator"], slot_key(f["period"])))
        if row is None:
            continue
        typed.append(f)

        def put(name, value, row=row):
            ws.cell(row, M[name]).value = value

        value = f.get("value")
        if "items" in f:
            put("value", len(f["items"]))
            head = blocks[(f["indicator"], slot_key(f["period"]))]
            for j, item in enumerate(f["items"], 1):
                wi.cell(head + j, ICOL["name"]).value = item["name"]
                d = item.get("decision")
                if d:
                    wi.cell(head + j, ICOL["doc_kind"]).value = d.get("kind")
                    wi.cell(head + j, ICOL["doc_number"]).value = str(d["number"])
                    if d.get("date"):
                        wi.cell(head + j, ICOL["doc_date"]).value = _date(d["date"])
                    wi.cell(head + j, ICOL["doc_issuer"]).value = d.get("issuer")
                wi.cell(head + j, ICOL["owner"]).value = item.get("owner")
                wi.cell(head + j, ICOL["note"]).value = item.get("note")
        elif isinstance(value, dict):
            ((op, n),) = value.items()
            put("value", n)
            put("bound", next(word for word, o in BOUNDS.items() if o == op))
        elif isinstance(value, bool):
            put("value", "Có" if value else "Không")
        elif isinstance(value, str):
            put("value", next(lv.label for lv in ind.levels if lv.key == value))
        elif value is not None:
            put("value", int(value) if value == int(value) else float(value))
        if f.get("claim"):
            put("claim", next(word for word, c in CLAIMS.items() if c == f["claim"]))
        if f.get("basis") == "claimed":
            put("basis", "Tự đánh giá")
        if f.get("awaiting_appraisal"):
            put("awaiting", "Có")
        d = f.get("document")
        if d:
            put("doc_kind", d.get("kind"))
            put("doc_number", str(d["number"]))
            if d.get("date"):
                put("doc_date", _date(d["date"]))
            put("doc_issuer", d.get("issuer"))
        if f.get("note"):
            put("note", f["note"])
    wb.save(out)
    return typed
