"""The rule author's commands through the real CLI: list, show, new, lint, test, docs, and the guide's worked example."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, invoke, run_cli
from chitieu.catalogue import load_catalogue
from chitieu.diagnostics import CODES
from chitieu.templates import FIELDS

BROKEN = ROOT / "tests" / "fixtures" / "broken-rules"
GUIDE = ROOT / "RULES.md"


# --------------------------------------------------------------------------------------------------- lint


def _expectation(path: Path) -> tuple[str, str, int, int]:
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
    m = re.match(r"# expect: (error|warning)\[([a-z0-9-]+)\] at (\d+):(\d+)$", first)
    if m is None:  # a file too broken to carry a comment
        assert path.stat().st_size == 0, f"{path.name} has no '# expect:' header"
        return "error", "empty-file", 1, 1
    return m.group(1), m.group(2), int(m.group(3)), int(m.group(4))


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_broken_rule_file_is_reported_at_its_line_and_column(path):
    level, code, line, col = _expectation(path)
    assert path.stem == code, "fixtures are named after their code"
    run = run_cli("rules", "lint", str(path))
    assert "Traceback" not in run.err
    assert run.code == (2 if level == "error" else 0), run.err
    expected = f"{path}:{line}:{col}: {level}[{code}]: "
    mine = [ln for ln in run.err.splitlines() if ln.startswith(str(path))]
    assert any(ln.startswith(expected) for ln in mine), (expected, mine)
    assert len([ln for ln in mine if f"[{code}]" in ln]) == 1, mine


def test_every_rule_file_code_has_a_broken_fixture():
    made_in_tests = {
        "io",
        "no-input",
        "output",
        "file-too-large",
        "missing-catalogue",
        "unknown-document",
        "indicator-unused",
        "rete-node-limit",
        "rete-too-many-rules",
        "yaml-key",
        "intake-pattern",
        "upload-kind",
        "upload-report-file",
        "database",
        "no-users",
        "user",
        "not-a-file",
        "file-kind",
        "archive-limit",  # the web page's tests
        "ocr-unavailable",
    }  # tests/test_pdf.py
    fact_only = {
        "period-after-report",
        "out-of-range",
        "conflicting-facts",
        "criteria-count",  # tests/test_inputs.py, tests/test_form.py
        "quote-mismatch",
        "report-missing",
        "report-unreadable",
        "commune-name",
        "commune-uncovered",  # tests/test_plans.py
        "commune-province",
        "as-of-replaced",
        "nothing-in-scope",
        "nothing-judged",
        "no-criteria-set",  # tests/test_plans.py
        "unreviewed",
        "no-facts",
        "waiver-unmatched",  # tests/test_runtime.py, a waiver file's
    } | {c for c in CODES if c.startswith("report-")}
    form_only = {c for c in CODES if c.startswith("form-")}  # each made from a workbook in tests/test_form.py
    fixtures = {p.stem for p in BROKEN.glob("*.yaml")}
    assert set(CODES) - made_in_tests - fact_only - form_only == fixtures


def test_lint_of_the_catalogue_is_clean():
    run = run_cli("rules", "lint")
    assert run.code == 0, run.err
    assert run.err.strip().endswith("0 error(s), 0 warning(s)")


def test_lint_reports_every_problem_of_a_run_together():
    run = run_cli(
        "rules",
        "lint",
        str(BROKEN / "unknown-key.yaml"),
        str(BROKEN / "never-true.yaml"),
        str(BROKEN / "template-field.yaml"),
    )
    assert run.code == 2
    codes = re.findall(r"error\[([a-z-]+)\]", run.err)
    assert {"unknown-key", "never-true", "template-field"} <= set(codes)


def _catalogue_copy(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    return rules


def test_lint_generated_cases(tmp_path):
    rules = _catalogue_copy(tmp_path)
    cat = rules / "catalogue.yaml"
    cat.write_text(cat.read_text(encoding="utf-8").replace("order: [", "order: [khong-co, "), encoding="utf-8")
    ind = rules / "indicators.yaml"
    ind.write_text(
        ind.read_text(encoding="utf-8") + "  - {key: thu.khong_dung, name: Không dùng, type: count, "
        "intake: [{pattern: 'có {dem} hộ'}]}\n",
        encoding="utf-8",
    )
    odd_key = tmp_path / "odd.yaml"
    odd_key.write_text("schema: chitieu.rules/1\n? [a, b]\n: 1\n", encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"schema: chitieu.rules/1\n" + b"# " + b"x" * (9 * 1024 * 1024) + b"\n")
    run = run_cli("rules", "lint", str(odd_key), str(big), "--rules", str(rules))
    assert run.code == 2
    order_line = next(
        i for i, ln in enumerate(cat.read_text(encoding="utf-8").splitlines(), 1) if ln.startswith("order:")
    )
    assert f"{cat}:{order_line}:9: warning[unknown-document]: 'order' names document 'khong-co'" in run.err
    assert "warning[indicator-unused]: indicator 'thu.khong_dung' is read by no rule" in run.err
    assert (
        "error[intake-pattern]: indicator 'thu.khong_dung': the pattern “có {dem} hộ” cannot be used: unknown "
        "placeholder {dem}" in run.err
    )
    assert f"{odd_key}:2:3: error[yaml-key]: keys must be plain text" in run.err
    assert f"{big}:1:1: error[file-too-large]" in run.err
    (rules / "catalogue.yaml").unlink()
    run = run_cli("rules", "lint", "--rules", str(rules))
    assert f"{rules}:1:1: error[missing-catalogue]" in run.err


def test_lint_counts_durable_rules_limits(tmp_path, monkeypatch, catalogue):
    from chitieu import authoring, wire
    from chitieu.diagnostics import Diagnostics

    monkeypatch.setattr(wire, "RETE_MAX_MATCHES", 10)
    diags = Diagnostics()
    authoring.lint([], ROOT / "rules", diags)
    over = [d for d in diags.errors if d.code == "rete-node-limit"]
    lr = catalogue.by_id["kiem-tra-ty-le-mo-hinh-dvk"]
    assert any(Path(d.path).resolve() == lr.path.resolve() and (d.line, d.col) == lr.where("id") for d in over), over

    monkeypatch.setattr(wire, "RETE_MAX_CHILDREN", 20)
    diags = Diagnostics()
    authoring.lint([], ROOT / "rules", diags)
    assert any(
        d.code == "rete-too-many-rules" and f"is rule 21 of {len(catalogue.rules)} in this catalogue" in d.message
        for d in diags.errors
    )


# --------------------------------------------------------------------------------------------------- list / show


def test_rules_list_filters_by_source_and_tag():
    run = run_cli("rules", "list", "--source", "84-KH/TU")
    assert run.code == 0, run.err
    assert "quy-che-phoi-hop" in run.out and "giam-ngheo" not in run.out
    assert run.out.strip().endswith("7 quy tắc")
    run = run_cli("rules", "list", "--source", "kh-156-ubnd-tinh-an", "--tag", "kiem-tra-so-lieu")
    listed = re.findall(r"^│ ([a-z0-9-]+)", run.out, flags=re.M)
    assert listed == [
        "kiem-tra-ty-le-mo-hinh-dvk",
        "kiem-tra-tong-so-mo-hinh-dvk",
        "kiem-tra-ty-le-giam-ngheo",
        "kiem-tra-giai-doan-ho-so-ntm-nc",
    ]
    bad = run_cli("rules", "list", "--source", "kh-156")
    assert bad.code == 2 and "unknown document 'kh-156'" in bad.err and "kh-156-ubnd-tinh-an" in bad.err


def test_rules_show_says_everything_about_a_rule():
    run = run_cli("rules", "show", "ho-so-truc-tuyen")
    assert run.code == 0, run.err
    out = run.out
    assert out.startswith("# `ho-so-truc-tuyen` — Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến")
    for heading in ("## Đo gì", "## Vì sao quan trọng", "## Điều kiện", "## Kỳ đánh giá", "## Dữ liệu cần", "## Ví dụ"):
        assert heading in out
    assert "- Đạt khi kết quả ít nhất 50%." in out
    assert "| `dich_vu_cong.ty_le_ho_so_truc_tuyen` |" in out
    assert (
        "| `can-duoi-du` | 31/12/2023 | {indicator: dich_vu_cong.ty_le_ho_so_truc_tuyen, period: as_of, value: {gt: 50}} |"
        in out
    )
    typo = run_cli("rules", "show", "ho-so-truc-tuyn")
    assert typo.code == 2
    assert (
        typo.err.strip()
        == "chitieu: error[unknown-rule]: no rule 'ho-so-truc-tuyn' (did you mean: 'ho-so-truc-tuyen'?)"
    )


def test_rules_show_describes_unknown_thresholds_and_chains():
    out = run_cli("rules", "show", "khu-dan-cu-van-hoa").out
    assert "Ngưỡng chưa xác định: báo cáo không nêu tỷ lệ phải đạt" in out
    assert "Chỉ kết luận “Đạt” khi kết quả ở mức 100%" in out
    out = run_cli("rules", "show", "ntm-nang-cao").out
    assert "triển vọng lấy từ kết luận của quy tắc `ntm-nc-du-dieu-kien`" in out


# --------------------------------------------------------------------------------------------------- new / test


def test_rules_new_refuses_what_it_cannot_do(tmp_path):
    rules = _catalogue_copy(tmp_path)
    cases = [
        (("giam-ngheo", "--source", "kh-156-ubnd-tinh-an"), "already exists"),
        (("Khong-Slug", "--source", "kh-156-ubnd-tinh-an"), "is not a rule id"),
        (("moi", "--source", "kh-999"), "unknown document 'kh-999'"),
        (("moi", "--source", "kh-84-tu", "--indicator", "giam_ngheo.so_ho"), "unknown indicator 'giam_ngheo.so_ho'"),
    ]
    before = {p.name: p.read_bytes() for p in rules.glob("*.yaml")}
    for args, message in cases:
        run = run_cli("rules", "new", *args, "--rules", str(rules))
        assert run.code == 2 and message in run.err, (args, run.err)
    assert {p.name: p.read_bytes() for p in rules.glob("*.yaml")} == before


def test_rules_test_prints_each_example_and_a_summary(tmp_path):
    run = run_cli("rules", "test", "-k", "giam-ngheo")
    assert run.code == 0, run.err
    lines = run.out.strip().splitlines()
    assert lines[-1] == "6 passed, 0 failed"
    assert lines[0].startswith("PASSED  giam-ngheo::dat-du-chi-tieu  (rules/ke-hoach-156.yaml:")
    assert lines[0].endswith("expected met, got met [2023]")
    rules = _catalogue_copy(tmp_path)
    path = rules / "ke-hoach-156.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace(
        "        expect: {status: unmet, period: \"2023\", evidence_level: computed, actual: 60}",
        "        expect: {status: met, period: \"2023\", evidence_level: computed, actual: 60}",
    )
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    run = run_cli("rules", "test", "-k", "giam-ngheo", "--rules", str(rules))
    assert run.code == 1
    failed = run.out[run.out.index("FAILED") :]
    assert failed.startswith("FAILED  giam-ngheo::thieu-chi-tieu")
    assert "expected met, got unmet [2023]" in " ".join(failed.split())  # a long path: folded at 120 columns
    assert "    - status: expected met, got unmet" in failed
    assert "    fact: {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 6}" in failed
    assert run.out.strip().endswith("5 passed, 1 failed")


# --------------------------------------------------------------------------------------------------- docs


def test_committed_rule_docs_are_current(tmp_path):
    out = tmp_path / "docs"
    run = run_cli("rules", "docs", "-o", str(out))
    assert run.code == 0, run.err
    committed = ROOT / "docs" / "rules"
    fresh = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.md")}
    stored = {p.name: p.read_text(encoding="utf-8") for p in committed.glob("*.md")}
    stale = sorted(n for n in fresh.keys() | stored.keys() if fresh.get(n) != stored.get(n))
    assert not stale, f"docs/rules is stale for {stale[:5]}: run `chitieu rules docs`"
    assert "[`giam-ngheo`](giam-ngheo.md)" in fresh["index.md"]


# --------------------------------------------------------------------------------------------------- the guide


def test_the_guide_documents_every_code_and_template_field():
    guide = GUIDE.read_text(encoding="utf-8")
    table = guide.split("## Mã lỗi và cách xử lý", 1)[1]
    missing = [c for c in CODES if f"| `{c}` |" not in table]
    assert not missing, missing
    fields = guide.split("## Mẫu thông điệp", 1)[1].split("\n## ", 1)[0]
    assert not [f for f in FIELDS if f"`{{{f}}}`" not in fields]


def _worked_example_blocks() -> list[tuple[str, str]]:
    guide = GUIDE.read_text(encoding="utf-8")
    return re.findall(r"```([^\n]*worked-example[^\n]*)\n(.*?)```", guide, flags=re.S)


def test_the_guides_worked_example_literally(tmp_path):
    """new → edit → lint → test → check, exactly as RULES.md writes it, in a copy of the project."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "rules", project / "rules")
    shutil.copytree(ROOT / "facts", project / "facts")
    env = {"CHITIEU_RULES": str(project / "rules")}
    blocks = _worked_example_blocks()
    assert [info.split()[0] for info, _ in blocks] == ["yaml", "sh", "diff", "diff", "sh"]
    outputs = []
    for info, body in blocks:
        attrs = dict(a.split("=", 1) for a in info.split()[2:])
        if info.startswith("yaml"):
            target = project / attrs["append"]
            target.write_text(target.read_text(encoding="utf-8") + body, encoding="utf-8")
        elif info.startswith("diff"):
            target = project / attrs["file"]
            old = "\n".join(ln[1:] for ln in body.splitlines() if ln.startswith("-"))
            new = "\n".join(ln[1:] for ln in body.splitlines() if ln.startswith("+"))
            text = target.read_text(encoding="utf-8")
            assert text.count(old) == 1, "the guide's edit must match exactly one place"
            target.write_text(text.replace(old, new), encoding="utf-8")
        else:
            for line in body.strip().splitlines():
                argv = shlex.split(line)
                assert argv[0] == "chitieu"
                outputs.append((argv[1:3], run_cli(*argv[1:], cwd=project, env=env)))
    (new, lint, test, check) = [run for _, run in outputs]
    assert new.code == 0 and "added rule 'doi-thoai-voi-nhan-dan'" in new.out
    assert lint.code == 0 and lint.err.strip().endswith("0 error(s), 0 warning(s)"), lint.err
    assert test.code == 0 and test.out.strip().endswith("3 passed, 0 failed")
    assert check.code == 0
    heading, rows = None, []
    for line in check.out.splitlines():
        if line.startswith("  ") and not line.startswith("    "):
            heading = line.strip()
        elif line.startswith("    doi-thoai-voi-nhan-dan "):
            rows.append((heading.split(":")[0], line.split()[1]))
    # the new rule has no facts yet: both years under "Chưa đủ dữ liệu" (the suite runs with --lang en)
    assert rows == [
        ("insufficient_data (Chưa đủ dữ liệu)", "2023"),
        ("insufficient_data (Chưa đủ dữ liệu)", "2024"),
    ]


def test_rules_docs_replaces_and_removes_only_the_pages_it_wrote(tmp_path):
    from chitieu.authoring import GENERATED_MARK

    out = tmp_path / "docs"
    assert invoke("rules", "docs", "-o", str(out)).code == 0
    pages = sorted(out.glob("*.md"))
    assert len(pages) == len(load_catalogue().rules) + 1  # a page per rule and the index
    assert all(p.read_text(encoding="utf-8").startswith(GENERATED_MARK + "\n") for p in pages)
    stale = out / "quy-tac-da-xoa.md"  # a page of a rule since removed from the catalogue
    stale.write_text(GENERATED_MARK + "\n\n# `quy-tac-da-xoa`\n", encoding="utf-8")
    mine = out / "README.md"
    mine.write_text("# Ghi chú của tôi\n", encoding="utf-8")
    run = invoke("rules", "docs", "-o", str(out))
    assert run.code == 2
    assert (
        f"chitieu: error[output]: {out}: holds 1 file(s) that `chitieu rules docs` did not write (README.md); "
        "choose an empty or new folder, or pass --force"
    ) in run.err
    assert stale.exists() and mine.read_text(encoding="utf-8") == "# Ghi chú của tôi\n"
    run = invoke("rules", "docs", "-o", str(out), "--force")
    assert run.code == 0 and run.out.strip() == f"{len(pages)} page(s) written to {out}; removed 1 stale"
    assert not stale.exists() and mine.read_text(encoding="utf-8") == "# Ghi chú của tôi\n"
    theirs = out / "index.md"
    theirs.write_text("Mục lục viết tay\n", encoding="utf-8")
    run = invoke("rules", "docs", "-o", str(out), "--force")
    assert run.code == 2 and f"{theirs}: was not written by `chitieu rules docs`" in run.err
    assert theirs.read_text(encoding="utf-8") == "Mục lục viết tay\n"


def test_rules_docs_never_touches_a_project_root(tmp_path):
    for name in ("README.md", "RULES.md"):
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    run = invoke("rules", "docs", "-o", str(tmp_path))
    assert run.code == 2 and "did not write (README.md, RULES.md)" in run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "RULES.md"]


def test_rules_docs_writes_to_docs_rules_under_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = invoke("rules", "docs")
    n = len(load_catalogue().rules) + 1  # a page per rule and the index
    assert run.code == 0 and run.out.strip() == f"{n} page(s) written to {Path('docs') / 'rules'}"
    assert (tmp_path / "docs" / "rules" / "index.md").exists()


def _rule_span(text: str, rule_id: str) -> tuple[int, int]:
    """Where a rule's block is in a rule file: from its '  - id:' line to the next rule's (or the end)."""
    start = text.index(f"\n  - id: {rule_id}\n") + 1
    nxt = text.find("\n  - id: ", start)
    return start, len(text) if nxt < 0 else nxt + 1


def test_the_guides_new_plan_from_an_empty_folder_literally(tmp_path):
    """new-document → indicators → rules new → edits → a hand-written rule → lint → test → check, exactly as RULES.md
    writes it, from an empty folder: the new plan judges the commune it covers and no other."""
    project = tmp_path / "trong"
    project.mkdir()
    guide = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```([^\n]*new-plan[^\n]*)\n(.*?)```", guide, flags=re.S)
    assert [info.split()[0] for info, _ in blocks] == [
        "sh",
        "yaml",
        "sh",
        "diff",
        "diff",
        "diff",
        "diff",
        "diff",
        "diff",
        "yaml",
        "sh",
        "yaml",
        "yaml",
        "sh",
    ]
    outputs = []
    for info, body in blocks:
        attrs = dict(a.split("=", 1) for a in info.split()[2:])
        if info.startswith("yaml"):
            target = project / attrs.get("append", attrs.get("create", ""))
            if "create" in attrs:
                assert not target.exists()
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
            else:
                target.write_text(target.read_text(encoding="utf-8") + body, encoding="utf-8")
        elif info.startswith("diff"):  # the edit is made inside the rule the guide names
            target = project / attrs["file"]
            old = "\n".join(ln[1:] for ln in body.splitlines() if ln.startswith("-"))
            new = "\n".join(ln[1:] for ln in body.splitlines() if ln.startswith("+"))
            text = target.read_text(encoding="utf-8")
            start, end = _rule_span(text, attrs["rule"])
            assert text[start:end].count(old) == 1, "the guide's edit must match exactly one place in its rule"
            target.write_text(text[:start] + text[start:end].replace(old, new) + text[end:], encoding="utf-8")
        else:
            for line in body.strip().splitlines():
                argv = shlex.split(line)
                assert argv[0] == "chitieu"
                outputs.append(run_cli(*argv[1:], cwd=project, env={"CHITIEU_RULES": str(tmp_path / "nowhere")}))
    new_document, new_online, new_dialogue, lint, test, check = outputs
    assert new_document.code == 0, new_document.err
    assert sorted(p.name for p in (project / "rules").iterdir()) == [
        "catalogue.yaml",
        "indicators.yaml",
        "kh-200-ubnd.yaml",
    ]
    catalogue = yaml.safe_load((project / "rules" / "catalogue.yaml").read_text(encoding="utf-8"))
    assert catalogue["order"] == ["kh-200-ubnd"]
    for run, rule in ((new_online, "ho-so-truc-tuyen"), (new_dialogue, "doi-thoai-voi-nhan-dan")):
        assert run.code == 0 and f"added rule '{rule}'" in run.out, run.err
    assert lint.code == 0 and lint.err.strip().endswith("0 error(s), 0 warning(s)"), lint.err
    assert test.code == 0 and test.out.strip().endswith("11 passed, 0 failed"), test.out
    assert check.code == 0, check.err
    doc = run_cli("check", "facts", "--rules", "rules", "--format", "json", "--fail-on", "never", cwd=project).json()
    judged = {(f["commune"]["id"], f["rule_id"]): (f["status"], f["actual"]) for f in doc["findings"]}
    assert judged == {
        ("quang-ngai/tinh-ha", "ho-so-truc-tuyen"): ("unmet", 55),
        ("quang-ngai/tinh-ha", "doi-thoai-voi-nhan-dan"): ("met", 2),
        ("quang-ngai/tinh-ha", "thon-dan-van-kheo"): ("pending", 66.6667),
    }
    assert "xã Nhơn Lý (binh-dinh/nhon-ly)" in check.out and "04/06 thôn (66,7%)" in check.out


def test_rules_new_on_a_plan_with_no_rule_yet(tmp_path):
    """`rules: []` and an empty `rules:` are a plan with no rule: `rules new` adds the first one."""
    for empty in ("rules: []\n", "rules:\n"):
        root = tmp_path / ("flow" if "[" in empty else "blank")
        shutil.copytree(ROOT / "rules", root)
        path = root / "thu.yaml"
        path.write_text(
            "schema: chitieu.rules/1\ndocument:\n  id: kh-thu\n  kind: Kế hoạch\n  number: 9/KH-UBND\n"
            "  date: 2025-01-15\n  issuer: UBND xã Thử\n  title: Kế hoạch thử\n"
            "  period: {from: 2025, to: 2025}\n  covers: {communes: [quang-ngai/thu]}\n" + empty,
            encoding="utf-8",
        )
        assert run_cli("rules", "lint", "--rules", str(root)).code == 0
        run = run_cli(
            "rules",
            "new",
            "giam-ngheo-thu",
            "--source",
            "9/KH-UBND",
            "--indicator",
            "giam_ngheo.so_ho_giam",
            "--rules",
            str(root),
        )
        assert run.code == 0 and f"{path}:13: added rule 'giam-ngheo-thu'" in run.out, run.err
        test = run_cli("rules", "test", "-k", "giam-ngheo-thu", "--rules", str(root))
        assert test.code == 0 and test.out.strip().endswith("3 passed, 0 failed"), test.out


def test_new_document_refuses_what_it_cannot_write_well(tmp_path):
    args = [
        "rules",
        "new-document",
        "kh-thu",
        "--number",
        "9/KH-UBND",
        "--date",
        "2025-01-15",
        "--issuer",
        "UBND xã Thử",
        "--title",
        "Kế hoạch thử",
        "--period",
        "2025-2027",
        "--rules",
        str(tmp_path / "r"),
    ]
    run = run_cli(*args)
    assert run.code == 2 and "nêu văn bản áp dụng cho xã nào: --province" in run.err
    assert not (tmp_path / "r").exists()
    run = run_cli(*args, "--commune", "Tịnh An")
    assert run.code == 2 and "covers" in run.err and not (tmp_path / "r").exists()
    assert run_cli(*args, "--commune", "quang-ngai/thu").code == 0
    run = run_cli(*args, "--commune", "quang-ngai/thu")
    assert run.code == 2 and "kh-thu.yaml: the file exists; choose another document id" in run.err
    root = tmp_path / "copy"
    shutil.copytree(ROOT / "rules", root)
    before = (root / "catalogue.yaml").read_text(encoding="utf-8")
    run = run_cli(*args[:-1], str(root), "--province", "quang-ngai", "--in-force-from", "2025-02-01")
    assert run.code == 0, run.err
    after = (root / "catalogue.yaml").read_text(encoding="utf-8")
    assert after == before.replace("qd-318-ttg-ntm-nang-cao]", "qd-318-ttg-ntm-nang-cao, kh-thu]")
    assert "in_force: {from: 2025-02-01}" in (root / "kh-thu.yaml").read_text(encoding="utf-8")
    assert not (root / "indicators.yaml").read_text(encoding="utf-8").startswith("schema: chitieu.indicators/1\n#")


def test_lint_lists_the_fields_when_a_template_names_an_unknown_one_and_flags_per_year_on_one_year(tmp_path):
    run = run_cli("rules", "lint", str(BROKEN / "template-field.yaml"))
    line = next(ln for ln in run.err.splitlines() if "[template-field]" in ln)
    assert "unknown field '{actal}' (did you mean: 'actual'?); the fields are: title, commune, period, target," in line
    assert all(f in line for f in FIELDS)
    rule = (BROKEN / "template-field.yaml").read_text(encoding="utf-8")
    rule = rule.replace("messages: {met: 'đạt {actal}', unmet: chưa đạt}", "messages: {met: đạt, unmet: chưa đạt}")
    rule = rule.replace('value: 1, unit: hộ,', 'value: 1, per_year: true, unit: hộ,')
    path = tmp_path / "per-year.yaml"
    path.write_text(rule, encoding="utf-8")
    run = run_cli("rules", "lint", str(path))
    assert run.code == 0 and (
        f"{path}:18:44: warning[no-effect]: 'per_year' has no effect on an 'annual' rule" in run.err
    ), run.err


def test_the_skeletons_working_values_are_todos_until_set(tmp_path):
    """theme, severity and the target's level not given to `rules new`: working values that lint reports, each at
    its line, until the author sets them; given, no such TODO."""
    rules = _catalogue_copy(tmp_path)
    path = rules / "ke-hoach-84.yaml"
    run = run_cli(
        "rules",
        "new",
        "thu-mac-dinh",
        "--source",
        "84-KH/TU",
        "--indicator",
        "dvk.mo_hinh",
        "--title",
        "Thử",
        "--clause",
        "Mục thử",
        "--rules",
        str(rules),
    )
    assert run.code == 0, run.err
    lines = path.read_text(encoding="utf-8").splitlines()
    lint = run_cli("rules", "lint", "--rules", str(rules))
    todos = [ln for ln in lint.err.splitlines() if "a TODO left by `rules new`" in ln]
    where = {int(ln.split(":")[1]): lines[int(ln.split(":")[1]) - 1].split("#")[0].strip() for ln in todos}
    assert sorted(where.values()) == [
        "severity: major",
        "target: {op: \">=\", value: 1, unit: mô hình,",
        "theme: dan_van_chinh_quyen",
    ], lint.err
    assert all(f"{path}:" in ln and "warning[todo]" in ln for ln in todos)
    run = run_cli(
        "rules",
        "new",
        "thu-da-dat",
        "--source",
        "84-KH/TU",
        "--indicator",
        "dich_vu_cong.ty_le_ho_so_truc_tuyen",
        "--title",
        "Thử",
        "--clause",
        "Mục thử",
        "--theme",
        "kinh_te",
        "--severity",
        "minor",
        "--target",
        "62.5",
        "--rules",
        str(rules),
    )
    assert run.code == 0, run.err
    text = path.read_text(encoding="utf-8")
    mine = text[text.index("  - id: thu-da-dat") :]
    assert "# TODO" not in mine and "theme: kinh_te\n" in mine and "severity: minor\n" in mine
    assert 'target: {op: ">=", value: 62.5, unit: "%",' in mine
    test = run_cli("rules", "test", "-k", "thu-da-dat", "--rules", str(rules))
    assert test.code == 0 and test.out.strip().endswith("3 passed, 0 failed"), test.out
    lint = run_cli("rules", "lint", "--rules", str(rules))
    assert len([ln for ln in lint.err.splitlines() if "a TODO left by `rules new`" in ln]) == 3, lint.err


def test_a_misindented_key_is_explained_in_words_without_false_warnings(tmp_path):
    rules = _catalogue_copy(tmp_path)
    path = rules / "ke-hoach-156.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, ln in enumerate(lines) if ln == "    severity: major")
    lines[n + 1] = lines[n + 1][1:]  # the key after it, one space short
    key = lines[n + 1].split(":")[0].strip()
    path.write_text("\n".join(lines), encoding="utf-8")
    run = run_cli("rules", "lint", "--rules", str(rules))
    assert run.code == 2
    assert f"{path}:{n + 2}:4: error[yaml-syntax]: " in run.err
    assert f"`{key}` is indented 3 spaces; indent it like `severity` (4 spaces)" in run.err
    # the file's rules could not be read: their indicators are not "unused", its plan is not "unknown"
    assert "indicator-unused" not in run.err and "unknown-document" not in run.err, run.err
    assert run.err.strip().endswith("1 error(s), 0 warning(s)")


def test_an_enum_error_names_the_field_and_the_nearest_value(tmp_path):
    rules = _catalogue_copy(tmp_path)
    path = rules / "ke-hoach-84.yaml"
    text = path.read_text(encoding="utf-8")
    assert "period: {kind: annual" in text
    path.write_text(text.replace("period: {kind: annual", "period: {kind: yearly", 1), encoding="utf-8")
    run = run_cli("rules", "lint", "--rules", str(rules))
    assert (
        "error[invalid-value]: 'kind': 'yearly' is not allowed (did you mean: 'annual'?); expected 'annual', "
        "'cumulative', 'deadline' or 'as_of'"
    ) in run.err, run.err
    from chitieu.diagnostics import did_you_mean

    assert did_you_mean("from", ["from", "to", "form"]) == " (did you mean: 'form'?)"  # never the word itself


def test_an_unreadable_indicator_file_is_one_error_not_one_per_rule_that_names_its_indicators(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    ind = rules / "indicators.yaml"
    lines = len(ind.read_text(encoding="utf-8").splitlines())
    with open(ind, "a", encoding="utf-8") as fh:
        fh.write('bad: !!python/object/apply:os.system ["echo chay"]\n')
    for command in (("rules", "lint", "--rules", str(rules)), ("check", "--rules", str(rules))):
        run = run_cli(*command)
        assert run.code == 2, run.err
        errors = [ln for ln in run.err.splitlines() if ": error[" in ln]
        assert len(errors) == 1 and errors[0].startswith(f"{ind}:{lines + 1}:6: error[yaml-tag]: "), run.err
    # with the file whole, a rule naming an indicator that is not declared is still an error at the rule
    ind.write_text("schema: chitieu.indicators/1\nindicators: []\n", encoding="utf-8")
    run = run_cli("rules", "lint", "--rules", str(rules))
    assert run.code == 2 and "error[unknown-indicator]" in run.err


def test_a_target_of_the_wrong_type_is_quoted_as_its_author_wrote_it(tmp_path):
    """A yes/no target written `value: 1`: the error quotes '1' as in the YAML, never Python's Decimal('1'), in
    both languages."""
    rules = _catalogue_copy(tmp_path)
    path = rules / "ke-hoach-84.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("value: true", text.index("- id: ke-hoach-dan-van-hang-nam"))
    path.write_text(text[:at] + "value: 1" + text[at + len("value: true") :], encoding="utf-8")
    run = run_cli("rules", "lint", "--rules", str(rules))
    assert run.code == 2 and "Decimal(" not in run.err
    assert "'dvcq.ke_hoach_nam' is boolean: the target value must be true or false, got '1'" in run.err
    vi = run_cli("--lang", "vi", "rules", "lint", "--rules", str(rules))
    assert "mức chỉ tiêu phải là true hoặc false, nhưng gặp '1'" in vi.err


def test_a_failing_example_is_told_by_its_status_labels_and_a_passing_one_never_reads_as_met(tmp_path):
    """`rules test` in Vietnamese: an example passes when the rule gives what it expects — "KHỚP", not "ĐẠT", which
    would read as the status "Đạt" — and a wrong status is named by its labels on every line (V8)."""
    rules = _catalogue_copy(tmp_path)
    path = rules / "ke-hoach-84.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("expect: {status: met", text.index("- id: ke-hoach-dan-van-hang-nam"))
    path.write_text(text[:at] + "expect: {status: unmet" + text[at + len("expect: {status: met") :], encoding="utf-8")
    run = run_cli("--lang", "vi", "rules", "test", "--rules", str(rules), "-k", "ke-hoach-dan-van-hang-nam")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0].startswith("KHÔNG KHỚP  ke-hoach-dan-van-hang-nam::co-ke-hoach")
    assert "    - status: cần Chưa đạt (unmet), kết quả Đạt (met)" in lines
    assert all(not ln.startswith("ĐẠT") for ln in lines) and lines[-1].endswith("ví dụ khớp, 1 ví dụ không khớp")


def test_a_misspelt_coverage_is_told_by_its_key_not_as_not_all(tmp_path):
    """`covers: {province: [nghe-an]}` (for 'provinces'): the author is told the key and its right spelling, not
    "expected 'all'" — the other form `covers` may take (V8b); a province written as a name is told to be an id."""
    rules = _catalogue_copy(tmp_path)
    path = rules / "ntm-nang-cao-2021-2025.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("  covers: {units: [xã]}"))
    path.write_text(text.replace("  covers: {units: [xã]}", "  covers: {province: [nghe-an]}", 1), encoding="utf-8")
    run = run_cli("rules", "lint", "--rules", str(rules))
    assert run.err.splitlines()[0] == (
        f"{path}:{line}:12: error[unknown-key]: unknown key 'province' (did you mean: 'provinces'?)"
    )
    assert "expected 'all'" not in run.err
    path.write_text(text.replace("  covers: {units: [xã]}", "  covers: {provinces: [Nghệ An]}", 1), encoding="utf-8")
    run = run_cli("rules", "lint", "--rules", str(rules))
    assert f"{path}:{line}:24: error[invalid-value]: 'Nghệ An' is not a valid identifier" in run.err
    assert "expected 'all'" not in run.err
