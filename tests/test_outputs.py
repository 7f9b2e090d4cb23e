"""Auditor outputs through the real CLI: the drafted sections, the DOCX report, the shortfall lists, the samples."""

from __future__ import annotations

import csv
import io
import json
import time
import unicodedata

import pytest
from docx import Document
from docx.shared import Pt
from openpyxl import load_workbook

from conftest import ROOT, SEED_FACTS, invoke, run_cli
from chitieu.document import SHORTFALL_HEADER, TABLE_HEADER

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def report_json() -> dict:
    run = run_cli("report", str(SEED_FACTS), "--format", "json")
    assert run.code == 0, run.err
    return run.json()["communes"][0]


def _sentence(doc: dict, fragment: str) -> dict:
    found = [s for s in doc["shortcomings"] if fragment in s["text"]]
    assert len(found) == 1, (fragment, [s["text"][:80] for s in doc["shortcomings"]])
    return found[0]


def test_each_unmet_finding_becomes_one_quantified_cited_sentence(report_json):
    gpmb = _sentence(report_json, "chưa xây dựng kế hoạch thành lập mô hình tuyên truyền, vận động")
    assert gpmb["text"] == (
        "Đã thành lập Tổ công tác tuyên truyền, vận động giải phóng mặt bằng nhưng chưa xây dựng kế hoạch thành lập mô "
        "hình tuyên truyền, vận động (Đề án số 13-ĐA/TU ngày 10/10/2022: Nhiệm vụ “Việc thực hiện mô hình Tổ công tác "
        "tuyên truyền, vận động giải phóng mặt bằng để thực hiện các dự án trọng điểm”; báo cáo có nêu tại phần kết quả "
        "(dòng 71) nhưng chưa đưa vào mục “Tồn tại, hạn chế”).")
    assert (gpmb["kind"], gpmb["theme"], gpmb["rules"], gpmb["stated_in_body_only"]) == (
        "shortfall", "kinh_te", ["mo-hinh-van-dong-gpmb"], True)
    cds = _sentence(report_json, "chưa có kết quả nổi bật, chưa có mô hình (kết quả")
    assert ("(kết quả 0 mô hình; chỉ tiêu ít nhất 01 mô hình; còn thiếu 01 mô hình; đạt 0%) (Đề án số 13-ĐA/TU "
            "ngày 10/10/2022") in cds["text"]
    assert cds["stated_in_body_only"] is True and cds["report_lines"] == [101]
    partners = _sentence(report_json, "Danh sách quy chế phối hợp")
    assert partners["text"] == "Danh sách quy chế phối hợp trong báo cáo chưa chính xác (05 quy chế cho 04 tổ chức)."
    assert partners["kind"] == "consistency"
    contradiction = _sentence(report_json, "chưa thống nhất về mô hình chuyển đổi số")
    assert contradiction["text"] == ("Báo cáo đánh giá chưa thống nhất về mô hình chuyển đổi số (nêu “chưa có mô hình” "
                                     "nhưng mô tả 02 mô hình).")


def test_evidence_gaps_are_their_own_sentences(report_json):
    models = _sentence(report_json, "mỗi năm thành lập ít nhất 01 mô hình “Dân vận khéo” (năm 2023)")
    assert models["text"] == (
        "Kết quả thực hiện chỉ tiêu mỗi năm thành lập ít nhất 01 mô hình “Dân vận khéo” (năm 2023) chưa được chứng "
        "minh đầy đủ: 04 mô hình chưa dẫn quyết định thành lập, công nhận; nếu chỉ tính 01 mô hình có quyết định thì "
        "đạt 100% so với chỉ tiêu.")
    assert models["kind"] == "evidence"
    plan = _sentence(report_json, "đô thị văn minh (đến ngày 31/10/2024) chỉ dựa trên khẳng định")
    assert plan["text"].endswith("— văn bản dẫn chứng là Thông báo số 286/TB-UBND, không phải Kế hoạch.")
    poverty = _sentence(report_json, "giảm nghèo")
    assert "(năm 2023, năm 2024) chỉ dựa trên khẳng định của báo cáo" in poverty["text"]
    silent = _sentence(report_json, "Báo cáo chưa đánh giá kết quả thực hiện")
    assert "phát triển kinh tế tuần hoàn" in silent["text"] and "du lịch nông thôn" in silent["text"]


def test_ordering_by_theme_then_kind_then_severity(report_json):
    themes = [s["theme"] for s in report_json["shortcomings"]]
    order = ["kinh_te", "nong_thon_moi", "do_thi_van_minh", "dan_van_chinh_quyen"]
    assert themes == sorted(themes, key=order.index)
    kinds = {"shortfall": 0, "at_risk": 1, "consistency": 2, "stated": 3, "no_data": 4, "evidence": 5}
    for theme in order:
        mine = [kinds[s["kind"]] for s in report_json["shortcomings"] if s["theme"] == theme]
        assert mine == sorted(mine), theme
    first = report_json["shortcomings"][0]
    assert first["rules"] == ["mo-hinh-van-dong-gpmb"]


def test_causes_split_and_never_invented(report_json):
    causes = report_json["causes"]
    assert {c["type"] for c in causes} == {"chu_quan"}
    assert causes[0] == {"text": "Chưa kịp thời cụ thể hóa nhiệm vụ của Đề án thành kế hoạch xây dựng mô hình.",
                         "type": "chu_quan", "origin": "quy tắc mo-hinh-van-dong-gpmb"}
    assert [c["origin"] for c in causes[1:]] == ["báo cáo, dòng 137"] * 3
    md = run_cli("report", str(SEED_FACTS)).out
    assert "**Nguyên nhân khách quan**: báo cáo chưa nêu." in md


def test_each_shortcoming_gets_the_task_that_answers_it(report_json):
    tasks = report_json["tasks"]
    assert tasks[0]["text"].startswith("Xây dựng, ban hành kế hoạch thành lập mô hình tuyên truyền, vận động giải "
                                       "phóng mặt bằng")
    assert tasks[0]["answers"] == ["mo-hinh-van-dong-gpmb (đến ngày 31/10/2024)"]
    answered = [a.split(" ")[0] for t in tasks for a in t["answers"]]
    for rule in ("van-dong-chuyen-doi-so", "kiem-tra-mo-hinh-chuyen-doi-so", "kiem-tra-quy-che-phoi-hop"):
        assert rule in answered
    evidence = next(t for t in tasks if t["answers"] == ["căn cứ số liệu"])
    assert evidence["text"].startswith("Rà soát, bổ sung quyết định thành lập, công nhận")
    own = [t for t in tasks if t["from_report"]]
    assert [t["answers"] for t in own] == [["báo cáo, dòng 141"], ["báo cáo, dòng 143"], ["báo cáo, dòng 145"],
                                          ["báo cáo, dòng 149"]]


def test_text_output_is_the_pasteable_section():
    run = run_cli("report", str(SEED_FACTS), "--format", "txt")
    assert run.code == 0, run.err
    assert run.out.startswith("2. Tồn tại, hạn chế và nguyên nhân\n\na) Tồn tại, hạn chế\n"
                              "* Công tác dân vận góp phần phát triển kinh tế:\n- Đã thành lập Tổ công tác")
    assert "\nIV. NHIỆM VỤ TRONG THỜI GIAN ĐẾN\n\n1. Xây dựng, ban hành kế hoạch" in run.out
    assert unicodedata.is_normalized("NFC", run.out)


def test_docx_structure_fonts_and_text(tmp_path):
    out = tmp_path / "bao-cao.docx"
    run = run_cli("report", str(SEED_FACTS), "--format", "docx", "-o", str(out), "--date", "2024-10-31",
                  "--signer", "Võ Văn Khương")
    assert run.code == 0, run.err
    doc = Document(str(out))
    sec = doc.sections[0]
    mm = [round(x.mm) for x in (sec.page_width, sec.page_height, sec.top_margin, sec.bottom_margin, sec.left_margin,
                                sec.right_margin)]
    assert mm == [210, 297, 20, 20, 30, 15]  # A4; margins of Nghị định 30/2020/NĐ-CP
    assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size == Pt(13)
    header, findings, signature = doc.tables
    left, right = (c.text for c in header.rows[0].cells)
    assert left == "UBND THÀNH PHỐ QUẢNG NGÃI\nUBND XÃ TỊNH AN\nSố: …/BC-UBND"
    assert right == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTịnh An, ngày 31 tháng 10 năm 2024"
    assert [c.text for c in findings.rows[0].cells] == TABLE_HEADER
    seed = run_cli("check", str(SEED_FACTS), "--format", "json", "--fail-on", "never").json()
    assert len(findings.rows) == 1 + len(seed["findings"])
    assert [c.text for c in findings.rows[1].cells][:6] == ["1", "Mỗi năm thành lập ít nhất 01 mô hình “Dân vận khéo”",
                                                            "năm 2023", "ít nhất 01 mô hình",
                                                            "05 mô hình (500% chỉ tiêu)", "Đạt"]
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts
    assert "I. KẾT QUẢ ĐỐI CHIẾU CÁC CHỈ TIÊU" in texts
    assert "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN (dự thảo mục III.2 của báo cáo)" in texts
    assert "III. NHIỆM VỤ TRONG THỜI GIAN ĐẾN (dự thảo mục IV của báo cáo)" in texts
    assert any(t.startswith("+ Đã thành lập Tổ công tác tuyên truyền, vận động giải phóng mặt bằng") for t in texts)
    assert any(t.startswith("1. Xây dựng, ban hành kế hoạch thành lập mô hình") for t in texts)
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {r.font.size for r in runs} <= {Pt(12), Pt(13), Pt(14)}
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.runs[0].font.size == Pt(14)
    sign_left, sign_right = (c.text for c in signature.rows[0].cells)
    assert sign_left == "Nơi nhận:\n- Lưu: VT."
    assert sign_right.startswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") and sign_right.endswith("Võ Văn Khương")


def _xlsx_rows(path):
    ws = load_workbook(path)["Danh sách thiếu hụt"]
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_shortfall_xlsx_and_csv(tmp_path):
    xlsx, csv_path = tmp_path / "t.xlsx", tmp_path / "t.csv"
    assert run_cli("shortfalls", str(SEED_FACTS), "--format", "xlsx", "-o", str(xlsx)).code == 0
    assert run_cli("shortfalls", str(SEED_FACTS), "--format", "csv", "-o", str(csv_path)).code == 0
    rows = _xlsx_rows(xlsx)
    assert rows[0] == SHORTFALL_HEADER
    body = rows[1:]
    kinds = [r[6] for r in body]
    assert kinds == ["Chưa đạt"] * 4 + ["Chỉ có khẳng định của báo cáo"] * 10
    col = {name: i for i, name in enumerate(SHORTFALL_HEADER)}
    cds = next(r for r in body if r[col["Mã quy tắc"]] == "van-dong-chuyen-doi-so")
    assert (cds[col["Mức chỉ tiêu"]], cds[col["Kết quả"]], cds[col["Còn thiếu"]], cds[col["Tỷ lệ đạt (%)"]]) == (
        "ít nhất 01 mô hình", "0 mô hình", 1, 0)
    assert "chưa có mô hình" in cds[col["Trích báo cáo"]] and cds[col["Dòng báo cáo"]] == "101"
    assert cds[col["Văn bản nguồn"]] == "Đề án số 13-ĐA/TU ngày 10/10/2022"
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert parsed[0] == SHORTFALL_HEADER
    assert [r[3] for r in parsed[1:]] == [r[3] for r in body]


def test_outputs_are_refused_where_they_would_lose_something(tmp_path):
    run = run_cli("report", str(SEED_FACTS), "--format", "docx")
    assert run.code == 2 and "--format docx writes a file: give -o FILE" in run.err
    target = SEED_FACTS / "bao-cao-2024.yaml"
    before = target.read_bytes()
    run = run_cli("report", str(SEED_FACTS), "-o", str(target), "--force")
    assert run.code == 2 and f"-o {target}: this command does not write YAML" in run.err
    assert target.read_bytes() == before
    alias = tmp_path / "alias.md"  # the same file under a name the report's format may take
    alias.symlink_to(target)
    run = run_cli("report", str(SEED_FACTS), "-o", str(alias), "--force")
    assert run.code == 2 and f"{alias}: refusing to write over an input file" in run.err
    assert target.read_bytes() == before
    out = tmp_path / "x.md"
    out.write_text("giữ nguyên", encoding="utf-8")
    run = run_cli("shortfalls", str(SEED_FACTS), "-o", str(out))
    assert run.code == 2 and "the file exists; pass --force" in run.err
    assert out.read_text(encoding="utf-8") == "giữ nguyên"
    assert not list(tmp_path.glob(".*.tmp"))


def test_committed_samples_are_current(tmp_path):
    fresh = tmp_path / "bao-cao.md"
    assert run_cli("report", "facts/tinh-an", "-o", str(fresh)).code == 0
    committed = EXAMPLES / "tinh-an-bao-cao.md"
    assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        "examples/ is stale: run `chitieu report facts/tinh-an -o examples/tinh-an-bao-cao.md --force` "
        "(and the DOCX/XLSX samples, see examples/README.md)")
    assert Document(str(EXAMPLES / "tinh-an-bao-cao.docx")).tables
    assert _xlsx_rows(EXAMPLES / "tinh-an-thieu-hut.xlsx")[0] == SHORTFALL_HEADER


def test_report_json_is_deterministic():
    a = run_cli("report", str(SEED_FACTS), "--format", "json").out
    b = run_cli("report", str(SEED_FACTS), "--format", "json", env={"PYTHONHASHSEED": "7"}).out
    assert a == b and json.loads(a)["schema"] == "chitieu.report/1"


def test_every_format_is_the_same_bytes_for_the_same_input(tmp_path):
    """Run twice, more than the two seconds zip stores times in apart: every file is byte for byte the same."""
    outputs = [(["check", "--format", f], f"c-{f}") for f in ("json", "list", "table", "section", "html", "xlsx")]
    outputs += [(["report", "--format", f], f"r-{f}") for f in ("md", "txt", "json", "docx")]
    outputs += [(["shortfalls", "--format", f], f"s-{f}") for f in ("md", "csv", "json", "xlsx")]
    runs = []
    for i in (1, 2):
        folder = tmp_path / str(i)
        folder.mkdir()
        for command, name in outputs:
            run = invoke(*command, str(SEED_FACTS), "-o", str(folder / name),
                         *(["--fail-on", "never"] if command[0] == "check" else []))
            assert run.code == 0, (name, run.err)
        runs.append({p.name: p.read_bytes() for p in folder.iterdir()})
        if i == 1:
            time.sleep(2.1)  # zip member times have a two-second resolution
    assert len(runs[0]) == len(outputs)
    assert [n for n in runs[0] if runs[0][n] != runs[1][n]] == []
