"""Batch audits through the real CLI: folders of many communes, the commune × rule matrix, quiet progress."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from chitieu import vi


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    from bench.generate import generate

    folder = tmp_path_factory.mktemp("batch")
    generate(folder, 5, 3, seed=11)
    run = run_cli("check", str(folder), "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    assert run.err == "", "no progress bar or noise when stderr is not a terminal"
    return folder, run.json()


def _worst(findings, commune, rule):
    mine = [f["status"] for f in findings if f["commune"]["id"] == commune and f["rule_id"] == rule]
    return min(mine, key=vi.STATUS_ORDER.index) if mine else None


def test_folders_are_read_recursively_and_every_commune_audited(batch):
    folder, doc = batch
    assert [c["id"] for c in doc["communes"]] == [
        "binh-dinh/xa-00001",
        "binh-dinh/xa-00004",
        "phu-yen/xa-00002",
        "phu-yen/xa-00005",
        "quang-ngai/xa-00003",
    ]
    assert all(len(c["files"]) == 3 for c in doc["communes"])
    assert sum(doc["summary"].values()) == len(doc["findings"])


def test_html_matrix_is_self_contained_and_matches_the_findings(batch, tmp_path):
    folder, doc = batch
    out = tmp_path / "m.html"
    run = run_cli("check", str(folder), "--format", "html", "-o", str(out), "--fail-on", "never")
    assert run.code == 0, run.err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert not re.search(r"(src|href)=|@import|url\(", page), "no external assets"
    assert "@media print" in page
    rows = re.findall(r'<tr><td class="name" title="([^"]+)">([^<]+)</td>(.*?)</tr>', page, flags=re.S)
    assert [r[0] for r in rows] == [c["id"] for c in doc["communes"]]
    rule_ids = re.findall(r'<th class="rule" title="[^"]*">([a-z0-9-]+)</th>', page)
    for commune, _, cells in rows:
        statuses = re.findall(r'<td class="s-([a-z_]+)"', cells)
        expected = [_worst(doc["findings"], commune, r) for r in rule_ids]
        assert statuses == [s for s in expected if s], commune


def test_xlsx_matrix_and_findings_sheets(batch, tmp_path, catalogue):
    folder, doc = batch
    out = tmp_path / "m.xlsx"
    assert run_cli("check", str(folder), "--format", "xlsx", "-o", str(out), "--fail-on", "never").code == 0
    wb = load_workbook(out)
    matrix = [[c.value for c in row] for row in wb["Ma trận"].iter_rows()]
    header = matrix[0]
    assert header[:2] == ["Mã xã", "Xã"] and header[-len(vi.STATUS_ORDER) :] == [
        vi.STATUS_LABELS[s] for s in vi.STATUS_ORDER
    ]
    rule_ids = header[2 : -len(vi.STATUS_ORDER)]
    first = matrix[1]
    assert first[0] == "binh-dinh/xa-00001"
    worst = [_worst(doc["findings"], first[0], r) for r in rule_ids]
    assert first[2 : -len(vi.STATUS_ORDER)] == [vi.STATUS_LABELS[w] if w else None for w in worst]
    # a commune of Bình Định: the Quảng Ngãi plans do not cover it, so their cells stay empty
    assert {r for r, w in zip(rule_ids, worst, strict=False) if w is None} == {
        lr.id for lr in catalogue.rules if lr.document.covers != "all"
    }
    assert sum(first[-len(vi.STATUS_ORDER) :]) == len([w for w in worst if w])
    detail = list(wb["Kết luận"].iter_rows(values_only=True))
    assert len(detail) == 1 + len(doc["findings"])


def test_matrix_table_for_the_terminal(batch, catalogue):
    folder, doc = batch
    run = run_cli("check", str(folder), "--format", "matrix", "--fail-on", "never")
    assert run.code == 0
    assert "Ma trận kết luận: xã × quy tắc" in run.out
    # the legend numbers every rule in catalogue order
    assert f" {len(catalogue.rules)}  {catalogue.rules[-1].id}" in run.out
    totals = run.out.strip().splitlines()[-1]
    assert totals.startswith("5 xã · ")
    assert "…" not in run.out, "no column truncated"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_matrix_keeps_to_the_terminal_width_in_blocks_of_rules(batch, catalogue, columns):
    folder, doc = batch
    run = run_cli("check", str(folder), "--format", "matrix", "--fail-on", "never", env={"COLUMNS": str(columns)})
    lines = run.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    headers = [line for line in lines if line.startswith("┃Xã")]
    numbers = [int(cell) for line in headers for cell in line.strip("┃").split("┃")[1:] if cell.strip().isdigit()]
    assert numbers == list(range(1, len(catalogue.rules) + 1)), "every rule once, in order, across the blocks"
    assert len(headers) > 1 if columns < 120 else len(headers) >= 1
    names = {c["name"] for c in doc["communes"]}
    for name in names:  # every block names every commune
        assert sum(line.startswith(f"│{name}") for line in lines) == len(headers)
    assert "…" not in run.out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_commune_typed_wrong_is_refused_and_no_output_is_kept(batch, tmp_path, jobs):
    """--commune is matched by id or name, known only once the files are read: a pattern that matches none is the
    user's typo, said with the nearest commune (the id typed without its province counts) and the communes read;
    exit 2, and -o writes nothing and leaves an earlier file as it was."""
    folder, doc = batch
    out = tmp_path / "ket-luan.json"
    out.write_text("earlier run\n", encoding="utf-8")
    run = run_cli(
        "--lang", "en", "check", str(folder), "--commune", "xa-0003", "-o", str(out), "--force", "--jobs", jobs
    )
    assert run.code == 2
    names = {c["id"]: c["name"] for c in doc["communes"]}
    listed = ", ".join(f"{cid} ({names[cid]})" for cid in list(names)[:5])
    line = run.err.strip().splitlines()[-1]
    assert line.startswith("Error: --commune 'xa-0003' matches no commune (did you mean: 'quang-ngai/xa-00003'")
    assert line.endswith(f"; the run read 5 communes: {listed}")
    assert out.read_text(encoding="utf-8") == "earlier run\n"
    assert not [p for p in tmp_path.iterdir() if p != out], "no temporary file left"
    # to standard output: not even the JSON document's opening (it is written with the first commune)
    piped = run_cli("check", str(folder), "--commune", "xa-0003", "--format", "json", "--jobs", jobs)
    assert piped.code == 2 and piped.out == ""
    # the same pattern, right, is a run
    right = run_cli("check", str(folder), "--commune", "*/xa-00003", "--format", "json", "--fail-on", "never")
    assert right.code == 0 and [c["id"] for c in right.json()["communes"]] == ["quang-ngai/xa-00003"]
