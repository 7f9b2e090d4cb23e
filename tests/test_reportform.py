"""The report's form (thể thức, Nghị định 30/2020) and spelling in `chitieu facts lint`: each problem at its line, in
English and Vietnamese, and nothing flagged where the form is right."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from chitieu import reportform
from conftest import ROOT, SEED_REPORT, run_cli


class Sink:
    def __init__(self):
        self.found: list[tuple[int, str, str, str]] = []

    def add(self, line, needle, code, message, message_vi=""):
        self.found.append((line, code, message, message_vi))


def lint(text: str) -> list[tuple[int, str, str, str]]:
    sink = Sink()
    reportform.check(text.splitlines(), sink)
    return sink.found


GOOD = """ỦY BAN NHÂN DÂN
XÃ AN HÒA

Số: 12/BC-UBND

An Hòa, ngày 15 tháng 12 năm 2024

BÁO CÁO
Kết quả thực hiện Kế hoạch số 30-KH/HU ngày 02/3/2023 của Ban Thường vụ Huyện ủy về công tác dân vận năm 2024

Thực hiện Kế hoạch số 30-KH/HU, UBND xã ban hành Kế hoạch số 41/KH-UBND ngày 10/3/2023 để triển khai.
Ngày 20/01/2024, UBND xã ban hành Kế hoạch số 05/KH-UBND về công tác dân vận chính quyền năm 2024.
Phần đầu báo cáo nêu tình hình chung; xã phấn đấu đạt chuẩn.

Nơi nhận:
- Ban Thường vụ Huyện ủy (b/c);
- Ban Dân vận Huyện ủy;
- Lưu: VT, VP.
"""


def test_a_report_in_the_right_form_draws_no_warning():
    assert lint(GOOD) == []


@pytest.mark.parametrize(
    "change,line,code,vi",
    [
        (
            "ỦY BAN NHÂN DÂN\nXÃ AN HÒA",
            1,
            "report-form",
            "“UBND HUYỆN SƠN HÀ”: Ủy ban nhân dân cấp xã không ghi tên cơ quan chủ quản ở đầu văn bản",
        ),
        (
            "ỦY BAN NHÂN DÂN\nXÃ AN HÒA",
            1,
            "report-form",
            "“UBND XÃ AN HÒA”: tên cơ quan ban hành viết đầy đủ, không viết tắt: “ỦY BAN NHÂN DÂN / XÃ AN HÒA”",
        ),
        ("- Lưu: VT, VP.", 18, "report-form", "“Lưu: VP.”: bản lưu tại Văn thư ghi “Lưu: VT, …”"),
        (
            "- Ban Thường vụ Huyện ủy (b/c);\n- Ban Dân vận Huyện ủy;",
            15,
            "report-form",
            "“Nơi nhận” chưa có Ban Thường vụ Huyện ủy — cơ quan ban hành văn bản được báo cáo",
        ),
        (
            "Kế hoạch số 41/KH-UBND ngày 10/3/2023",
            11,
            "report-form",
            "lần đầu dẫn “Kế hoạch số 41/KH-UBND” chưa ghi ngày ban hành",
        ),
        (
            "Ngày 20/01/2024, UBND xã ban hành Kế hoạch số 05/KH-UBND",
            12,
            "report-form",
            "lần đầu dẫn “Kế hoạch số 05/KH-UBND” chưa ghi ngày ban hành",
        ),
        (
            "Kế hoạch số 41/KH-UBND ngày 10/3/2023",
            11,
            "report-form",
            "“Kế hoạch số: 41/KH-UBND”: khi dẫn văn bản không đặt dấu hai chấm sau “số”",
        ),
        ("xã phấn đấu đạt chuẩn", 13, "report-typo", "viết sai chính tả “phần đầu”, đúng là “phấn đấu”"),
    ],
    ids=[
        "superior-line",
        "abbreviated-name",
        "luu-vp",
        "noi-nhan",
        "first-citation-undated",
        "date-before-the-citation",
        "colon-after-so",
        "misspelling",
    ],
)
def test_each_departure_from_the_form_is_named_at_its_line(change, line, code, vi):
    replacement = {
        "“UBND HUYỆN SƠN HÀ”": "UBND HUYỆN SƠN HÀ\nXÃ AN HÒA",
        "“UBND XÃ AN HÒA”": "UBND XÃ AN HÒA\n",
        "“Lưu: VP.”": "- Lưu: VP.",
        "“Nơi nhận”": "- Ban Dân vận Huyện ủy;\n- Phòng Nội vụ huyện;",
        "lần đầu dẫn “Kế hoạch số 41": "Kế hoạch số 41/KH-UBND",
        "lần đầu dẫn “Kế hoạch số 05": "Trong năm, UBND xã ban hành Kế hoạch số 05/KH-UBND",
        "“Kế hoạch số: 41": "Kế hoạch số: 41/KH-UBND ngày 10/3/2023",
        "viết sai chính tả": "xã phần đầu đạt chuẩn",
    }
    new = next(v for k, v in replacement.items() if vi.startswith(k))
    text = GOOD.replace(change, new)
    assert text != GOOD
    found = lint(text)
    assert [(ln, c) for ln, c, _, m in found if m.startswith(vi)] == [(line, code)], found
    assert len(found) == 1, found


def test_the_units_own_plan_needs_no_superior_in_the_recipients():
    own = GOOD.replace(
        "Kế hoạch số 30-KH/HU ngày 02/3/2023 của Ban Thường vụ Huyện ủy",
        "Kế hoạch số 41/KH-UBND ngày 10/3/2023 của UBND xã",
    ).replace("- Ban Thường vụ Huyện ủy (b/c);\n", "")
    assert lint(own) == []


def test_words_correct_in_one_context_are_flagged_only_in_the_other():
    found = lint(
        "Phần đầu báo cáo nêu tình hình.\nKế hoạch đề ra phần đầu giai đoạn 2022 – 2026.\n"
        "Bàng quang bị viêm.\nThái độ bàng quang với công việc.\nSử lý vi phạm, sát nhập thôn."
    )
    typos = [(ln, m) for ln, c, _, m in found if c == "report-typo"]
    assert typos == [
        (2, "viết sai chính tả “phần đầu”, đúng là “phấn đấu”"),
        (4, "viết sai chính tả “bàng quang”, đúng là “bàng quan”"),
        (5, "viết sai chính tả “Sử lý”, đúng là “xử lý”"),
        (5, "viết sai chính tả “sát nhập”, đúng là “sáp nhập”"),
    ]


def test_the_misspelling_dictionary_is_plain_data_in_nfc():
    path = ROOT / "engine" / "data" / "chinh-ta.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["schema"] == "chitieu.misspellings/1" and len(doc["loi"]) >= 50
    for e in doc["loi"]:
        assert set(e) <= {"sai", "dung", "tu_sau", "tu_truoc"}, e
        assert e["sai"] != e["dung"] and all(unicodedata.is_normalized("NFC", e[k]) for k in ("sai", "dung")), e
    assert len({e["sai"] for e in doc["loi"]}) == len(doc["loi"])  # no entry twice
    assert len(reportform.misspellings()) == len(doc["loi"])  # the shipped copy is the one read


@pytest.mark.skipif(not SEED_REPORT.exists(), reason="the seed report is in ../shared")
def test_the_seeds_form_problems_through_facts_lint():
    run = run_cli("facts", "lint", str(SEED_REPORT))
    found = {
        (int(a), code): msg
        for a, _, code, msg in re.findall(
            rf"{re.escape(str(SEED_REPORT))}:(\d+):(\d+): warning\[(report-(?:form|typo))\]: (.+)", run.err
        )
    }
    assert "“Lưu: VP.”: the kept copy is the Văn thư's (“Lưu: VT”)" == found[(158, "report-form")]
    assert found[(153, "report-form")] == (
        "“Nơi nhận” does not include Ban Thường vụ Thành ủy, which issued the plan reported on"
    )
    assert found[(39, "report-form")] == "“Quyết định số: 115/QĐ-UBND”: no colon after “số” in a citation"
    assert found[(31, "report-typo")] == "“phần đầu” is misspelt: “phấn đấu”"
    assert found[(47, "report-typo")] == "“trực quang” is misspelt: “trực quan”"
