"""Structural rules of the genre the lead learned in stop 31 from held-out sets 43 to 46 (BENCHMARKS.md), each tested
on sentences written here, with a second writer's variant, through the real `facts extract`. Precision first: a
doubtful reading drafts nothing."""

from __future__ import annotations

import pytest

from test_grammar_forms import _draft, _values
from test_grammar_round9 import CONTROL, PLAN

# --------------------------------------------------------------------------------------------------- self-assessment
# A table of the plan's targets as the plan words them ("Chỉ tiêu theo Kế hoạch"), the year's result in words and the
# commune's own assessment ("Tự đánh giá"): the target's words name the row, its threshold is no look-alike, the
# result's verb before its figure is read past, and the assessment is a claim on the row's target.


@pytest.mark.parametrize(
    "table",
    [
        "| STT | Chỉ tiêu theo Kế hoạch | Kết quả thực hiện năm 2024 | Tự đánh giá |\n|---|---|---|---|\n"
        '| 1 | Mỗi năm xây dựng ít nhất 01 mô hình "Dân vận khéo" | Xây dựng 02 mô hình "Dân vận khéo" | Vượt |\n'
        "| 2 | Giảm nghèo đạt chỉ tiêu huyện giao | Giảm 05 hộ nghèo, đạt chỉ tiêu | Đạt |\n"
        "| 3 | Tỷ lệ hồ sơ giải quyết trực tuyến đạt trên 50% | 64,5% | Đạt |\n"
        "| 4 | Thôn đạt danh hiệu thôn văn hóa từ 85% trở lên | 9/11 thôn | Chưa đạt |\n",
        # a second writer: "Nội dung chỉ tiêu của Kế hoạch", results led by their verbs, "Đạt, vượt"
        "| TT | Chỉ tiêu của Kế hoạch | Kết quả năm 2024 | Tự đánh giá |\n|---|---|---|---|\n"
        '| 1 | Công nhận từ 01 mô hình "Dân vận khéo" trở lên | Công nhận 02 mô hình | Đạt, vượt |\n'
        "| 2 | Hoàn thành chỉ tiêu giảm hộ nghèo | Giảm được 05 hộ | Hoàn thành |\n"
        "| 3 | Hồ sơ TTHC giải quyết trực tuyến từ 50% | Đạt 64,5% | Đạt |\n"
        "| 4 | Thôn văn hóa (tối thiểu 85%) | 9/11 thôn | Chưa đạt |\n",
    ],
)
def test_a_table_of_the_plans_targets_and_the_communes_own_assessment(tmp_path, table):
    got = _values(_draft(tmp_path, table + CONTROL))
    assert got == {
        ("dvk.mo_hinh", 2024): 2,
        ("dvk.ty_le_dat_bao_cao", 2024): "achieved",
        ("giam_ngheo.so_ho_giam", 2024): 5,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): "achieved",
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 64.5,
        ("kdc.so_khu_van_hoa", "as_of"): 9,
        ("kdc.tong_so_khu", "as_of"): 11,
        **PLAN,
    }


def test_a_change_in_a_result_cell_is_read_only_under_a_label_of_that_change(tmp_path):
    # "Tăng 02 mô hình" is a change against last year, not the year's models; a stock row's "Giảm 03 hộ" is no count
    table = (
        "| STT | Chỉ tiêu | Kết quả năm 2024 |\n|---|---|---|\n"
        '| 1 | Mô hình "Dân vận khéo" | Tăng 02 mô hình so với năm 2023 |\n'
        "| 2 | Hộ nghèo cuối năm | Giảm 03 hộ |\n"
    )
    assert _values(_draft(tmp_path, table + CONTROL)) == PLAN


# --------------------------------------------------------------------------------------------------- checklists
# A checklist answered item by item: a question put as yes or no, then "Trả lời: Có …" or "Không …" with a reason in
# brackets, a second sentence or the item's own mark ("— Đạt."): the act the question names was done, or not, in the
# year it asks of, with the document the answer cites. A question asking for a figure names what the answer's figure is
# of; its requirement in brackets is no result.

CHECKLIST = [
    (
        "1.1. Xã có ban hành kế hoạch công tác dân vận chính quyền năm 2024 không?\n"
        "- Trả lời: Có (Kế hoạch số 11/KH-UBND ngày 15/01/2024). — Đạt.\n\n"
        "1.2. Có tổ chức đánh giá công tác dân vận chính quyền theo Quyết định 1211/QĐ-UBND không?\n"
        "- Trả lời: Không (chưa tổ chức, dự kiến tháng 01/2025). — Không đạt.\n\n"
        '2.1. Số mô hình "Dân vận khéo" được công nhận trong năm (yêu cầu: tối thiểu 01 mô hình/năm)?\n'
        "- Trả lời: 02 mô hình. — Đạt.\n\n"
        '2.2. Có sơ kết phong trào thi đua "Dân vận khéo" không?\n'
        "- Trả lời: Có, sơ kết ngày 14/8/2024. — Đạt.\n"
    ),
    # a second writer: no bullets, "hay không?", the reason in a second sentence, the models named in the answer
    (
        "Câu 1. UBND xã có ban hành kế hoạch công tác dân vận chính quyền năm 2024 hay không?\n"
        "Trả lời: Có. Kế hoạch số 11/KH-UBND ngày 15/01/2024 của UBND xã.\n\n"
        "Câu 2. Xã có tổ chức đánh giá công tác dân vận chính quyền hằng năm không?\n"
        "Trả lời: Không. Trong năm chưa nhận được hướng dẫn của huyện.\n\n"
        'Câu 3. Có bao nhiêu mô hình "Dân vận khéo" được công nhận trong năm?\n'
        'Trả lời: Có 02 mô hình "Xóm Đông sạch đẹp" và "Chi hội nông dân giúp nhau".\n\n'
        'Câu 4. Xã có sơ kết phong trào thi đua "Dân vận khéo" không?\n'
        "Trả lời: Có.\n"
    ),
]


@pytest.mark.parametrize("body", CHECKLIST)
def test_a_checklist_answered_yes_or_no_and_by_figures(tmp_path, body):
    draft = _draft(tmp_path, body)
    assert _values(draft) == {
        ("dvcq.ke_hoach_nam", 2024): True,
        ("dvcq.danh_gia_hang_nam", 2024): False,
        ("dvk.mo_hinh", 2024): 2,
        ("dvk.so_ket_phong_trao", 2024): True,
    }
    plan = next(f for f in draft["facts"] if f["indicator"] == "dvcq.ke_hoach_nam")
    assert plan["document"]["number"] == "11/KH-UBND"


def test_a_yes_to_a_question_that_is_not_put_as_yes_or_no_gives_nothing(tmp_path):
    # "Việc … ?" asks how the act went, and a "Có" after it says nothing of which act
    body = "1. Việc ký kết giao ước thi đua với các đoàn thể?\nTrả lời: Có.\n\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN
