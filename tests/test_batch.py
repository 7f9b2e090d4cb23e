"""Batch audits through the real CLI: folders of many communes, the commune × rule matrix, quiet progress."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from chitieu import vi
from chitieu.model import Commune


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


def test_html_matrix_is_self_contained_and_matches_the_findings(batch, tmp_path, catalogue):
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
    # the rules that judged some commune of the run, as the terminal shows them; the others are counted under it
    assert rule_ids == _used_rules(catalogue, doc) and f"<p>{len(rule_ids)} quy tắc;" in page
    hidden = len(catalogue.rules) - len(rule_ids)
    assert hidden and f"<p>{hidden} quy tắc của danh mục không áp dụng cho đơn vị nào" in page
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
    counted = slice(-1 - len(vi.STATUS_ORDER), -1)  # the counts, then a notes column
    assert header[:2] == ["Mã xã", "Xã"] and header[counted] == [vi.STATUS_LABELS[s] for s in vi.STATUS_ORDER]
    assert header[-1] == "Ghi chú"
    rule_ids = header[2 : counted.start]
    used = _used_rules(catalogue, doc)
    assert rule_ids == used
    hidden = len(catalogue.rules) - len(used)
    note = (
        f"{hidden} quy tắc của danh mục không áp dụng cho đơn vị nào trong lần kiểm tra này (kế hoạch của tỉnh khác, "
        "loại đơn vị khác): không hiện."
    )
    assert [[v for v in row if v is not None] for row in matrix[-2:]] == [[], [note]] and matrix[-1][1] == note
    matrix = matrix[:-2]
    first = matrix[1]
    assert first[0] == "binh-dinh/xa-00001"
    worst = [_worst(doc["findings"], first[0], r) for r in rule_ids]
    assert first[2 : counted.start] == [vi.STATUS_LABELS[w] if w else None for w in worst]
    # a xã of Bình Định: the Quảng Ngãi plans do not cover it, so their cells stay empty; the national criteria for
    # xã do
    assert {r for r, w in zip(rule_ids, worst, strict=False) if w is None} == {
        lr.id for lr in catalogue.rules if not lr.document.applies_to(Commune(id=first[0], name="xã X"))
    } & set(used)
    assert all(
        lr.document.applies_to(Commune(id=first[0], name="xã X"))
        for lr in catalogue.rules
        if lr.id.startswith("ntm-nc-")
    )
    assert sum(first[counted]) == len([w for w in worst if w]) and first[-1] is None  # covered: no note
    detail = list(wb["Kết luận"].iter_rows(values_only=True))
    assert len(detail) == 1 + len(doc["findings"])


def _used_rules(catalogue, doc) -> list[str]:
    """The rules that judged some commune of the run, in catalogue order: the terminal matrix's columns."""
    judged = {f["rule_id"] for f in doc["findings"]}
    return [lr.id for lr in catalogue.rules if lr.id in judged]


def test_matrix_table_for_the_terminal(batch, catalogue):
    folder, doc = batch
    run = run_cli("--lang", "vi", "check", str(folder), "--format", "matrix", "--fail-on", "never")
    assert run.code == 0
    assert "Ma trận kết luận: xã × quy tắc" in run.out
    # the legend numbers, in catalogue order, every rule that judged a commune of the run; the others are counted
    used = _used_rules(catalogue, doc)
    assert f" {len(used)}  {used[-1]}" in run.out
    hidden = len(catalogue.rules) - len(used)
    assert hidden and f"{hidden} quy tắc của danh mục không áp dụng cho đơn vị nào" in " ".join(run.out.split())
    totals = run.out.strip().splitlines()[-1]
    assert totals.startswith("5 xã · ")
    assert "…" not in run.out, "no column truncated"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_matrix_keeps_to_the_terminal_width_in_blocks_of_rules(batch, catalogue, columns):
    folder, doc = batch
    run = run_cli(
        "--lang", "vi", "check", str(folder), "--format", "matrix", "--fail-on", "never", env={"COLUMNS": str(columns)}
    )
    lines = run.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    headers = [line for line in lines if line.startswith("┃Xã")]
    numbers = [int(cell) for line in headers for cell in line.strip("┃").split("┃")[1:] if cell.strip().isdigit()]
    assert numbers == list(range(1, len(_used_rules(catalogue, doc)) + 1)), "every rule once, in order, in blocks"
    assert len(headers) > 1 if columns == 60 else len(headers) >= 1  # at 60 columns the rules need two blocks
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
    line = run.err.strip().splitlines()[-1]
    assert line.startswith("Error: --commune 'xa-0003' matches no commune (did you mean: 'quang-ngai/xa-00003'")
    listed = line.split("; the run read 5 communes: ")[1].split(", ")
    assert listed[0] == f"quang-ngai/xa-00003 ({names['quang-ngai/xa-00003']})", "the nearest first"
    assert sorted(listed) == sorted(f"{cid} ({name})" for cid, name in names.items())
    assert out.read_text(encoding="utf-8") == "earlier run\n"
    assert not [p for p in tmp_path.iterdir() if p != out], "no temporary file left"
    # to standard output: not even the JSON document's opening (it is written with the first commune)
    piped = run_cli("check", str(folder), "--commune", "xa-0003", "--format", "json", "--jobs", jobs)
    assert piped.code == 2 and piped.out == ""
    # the same pattern, right, is a run
    right = run_cli("check", str(folder), "--commune", "*/xa-00003", "--format", "json", "--fail-on", "never")
    assert right.code == 0 and [c["id"] for c in right.json()["communes"]] == ["quang-ngai/xa-00003"]


def test_a_commune_left_out_for_its_errors_is_not_taken_for_a_typo(tmp_path):
    """--commune naming a commune whose file has an error: the error is shown, and the run says the communes with
    errors were left out — it neither blames the pattern nor suggests another commune; exit 2, nothing written."""
    from bench.generate import generate

    folder = tmp_path / "xa"
    generate(folder, 2, 1, seed=5)
    bad = sorted(folder.rglob("*.yaml"))[0]
    cid = "/".join(bad.parent.relative_to(folder).parts)
    bad.write_text(bad.read_text(encoding="utf-8") + "  - indicator: khong-co-chi-tieu-nay\n", encoding="utf-8")
    out = tmp_path / "ket-luan.json"
    for lang, line in (
        ("en", f"chitieu: --commune '{cid}' matches none of the communes audited; "),
        ("vi", f"chitieu: --commune '{cid}' không khớp với xã nào đã được kiểm tra; dữ liệu đầu vào có"),
    ):
        run = run_cli("--lang", lang, "check", str(folder), "--commune", cid, "-o", str(out))
        assert run.code == 2 and run.out == ""
        lines = run.err.strip().splitlines()
        assert lines[0].startswith(f"{bad}:") and "error[" in lines[0]
        assert lines[-1].startswith(line)
        assert "did you mean" not in run.err and "có phải là" not in run.err
        assert not out.exists()


@pytest.mark.parametrize(
    "typed",
    ["tinh-an", "quang-ngai/tinh-*", "XÃ TỊNH AN", "Tịnh An", "tịnh an", "Tinh An", "xa tinh an", "NFD"],
)
def test_a_commune_is_found_however_its_name_is_typed(typed):
    """By its id, its id without the province, its name with or without 'xã', in any case and either Unicode form;
    typed without diacritics it matches without them."""
    import unicodedata

    from conftest import SEED_FACTS

    if typed == "NFD":
        typed = unicodedata.normalize("NFD", "xã Tịnh An")
    run = run_cli("check", str(SEED_FACTS), "--commune", typed, "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    assert [c["id"] for c in run.json()["communes"]] == ["quang-ngai/tinh-an"]


def test_a_name_typed_with_other_diacritics_is_another_commune():
    from conftest import SEED_FACTS

    run = run_cli("--lang", "en", "check", str(SEED_FACTS), "--commune", "Tĩnh An")
    assert run.code == 2
    assert "Error: --commune 'Tĩnh An' matches no commune" in run.err


def test_a_chain_whose_component_is_waived_says_so(tmp_path):
    """An all_of rule counts a waived component as met (RULES.md); its finding says which one was waived and why,
    in the figure and in a note, instead of 'all components met'."""
    import shutil

    from conftest import ROOT, SEED_FACTS

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    plan = rules / "de-an-13.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + """  - id: chuoi-thu-mien-tru
    title: Chuỗi thử có tiêu chí được miễn trừ
    source: {clause: Điều thử}
    theme: kinh_te
    severity: minor
    kind: all_of
    requires: [mo-hinh-van-dong-gpmb, khu-dan-cu-6-khong]
    period: {kind: as_of}
    messages: {met: "Hoàn thành: {actual}. {notes}", unmet: "Chưa hoàn thành: {actual}."}
""",
        encoding="utf-8",
    )
    run = run_cli(
        "check", str(SEED_FACTS), str(ROOT / "examples" / "waivers.yaml"), "--rules", str(rules),
        "--rule", "chuoi-thu-mien-tru", "--format", "json", "--fail-on", "never",
    )  # fmt: skip
    assert run.code == 0, run.err
    (f,) = run.json()["findings"]
    assert f["status"] == "met"
    assert f["actual_display"] == "02/02 tiêu chí đạt (trong đó 01 được miễn trừ)"
    assert any(
        n.startswith("Tiêu chí thành phần “Xây dựng mô hình Tổ công tác tuyên truyền, vận động giải phóng mặt bằng")
        and "chưa đạt nhưng được miễn trừ (Các dự án cần giải phóng mặt bằng" in n
        and n.endswith("nên được tính là đạt.")
        for n in f["notes"]
    ), f["notes"]
