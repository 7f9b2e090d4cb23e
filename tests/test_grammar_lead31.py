"""Structural rules of the genre the lead learned in stop 31 from held-out sets 43 to 46 (BENCHMARKS.md), each tested
on sentences written here, with a second writer's variant, through the real `facts extract`. Precision first: a
doubtful reading drafts nothing."""

from __future__ import annotations

import pytest

from test_grammar_forms import HEAD, _draft, _values
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


# --------------------------------------------------------------------------------------------------- figures
# A decrease "bằng chỉ tiêu … giao" is the target's figure too, and the target met; the online rate with its verb
# before the dossiers ("tỷ lệ giải quyết hồ sơ thủ tục hành chính trực tuyến"); a coordination rule's partner named
# before the rule it follows ("… với A thực hiện theo Quy chế phối hợp số …; với B theo Quy chế số …").


@pytest.mark.parametrize(
    "body",
    [
        "Công tác giảm nghèo: năm 2024 giảm 03 hộ nghèo, bằng chỉ tiêu huyện giao; còn 02 hộ nghèo.\n",
        # a second writer: "đúng bằng", the target's giver named at length
        "Năm 2024, toàn xã giảm được 03 hộ nghèo, đúng bằng chỉ tiêu Ủy ban nhân dân huyện giao.\n",
    ],
)
def test_a_decrease_equal_to_the_target_given_is_the_target_and_meets_it(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("giam_ngheo.so_ho_giam", 2024): 3,
        ("giam_ngheo.chi_tieu_giao", 2024): 3,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): "achieved",
        **PLAN,
    }


def test_a_rate_of_the_target_is_not_equal_to_it(tmp_path):
    body = "Năm 2024 xã giảm 04 hộ nghèo, bằng 80% chỉ tiêu huyện giao.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("giam_ngheo.so_ho_giam", 2024): 4,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 80,
        **PLAN,
    }


@pytest.mark.parametrize(
    "body",
    [
        "Tỷ lệ giải quyết hồ sơ thủ tục hành chính trực tuyến toàn trình và một phần đạt 67,2%; tỷ lệ thanh toán "
        "không dùng tiền mặt đạt 38%.\n",
        "Kết quả xử lý hồ sơ TTHC trên môi trường trực tuyến đạt tỷ lệ 67,2%.\n",
    ],
)
def test_the_online_rate_with_its_verb_before_the_dossiers(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == {("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 67.2, **PLAN}


@pytest.mark.parametrize(
    "body",
    [
        "Việc phối hợp giữa UBND xã với Hội Nông dân xã thực hiện theo Quy chế phối hợp số 04/QCPH ngày 02/3/2024; "
        "với Đoàn Thanh niên xã theo Quy chế số 05/QCPH ngày 02/3/2024.\n",
        "Công tác phối hợp với Hội Nông dân xã được thực hiện theo Quy chế phối hợp số 04/QCPH ngày 02/3/2024; với "
        "Đoàn Thanh niên xã theo Quy chế số 05/QCPH ngày 02/3/2024.\n",
    ],
)
def test_partners_named_before_the_rules_they_follow(tmp_path, body):
    draft = _draft(tmp_path, body + CONTROL)
    partners = next(f for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop")
    assert [i["name"] for i in partners["items"]] == ["Hội Nông dân xã", "Đoàn Thanh niên xã"]
    assert _values(draft)[("dvcq.so_quy_che_neu", "as_of")] == 2


def test_a_rule_that_names_its_partners_after_it_keeps_them(tmp_path):
    # the words before the rule ("Việc phối hợp … với Mặt trận và các đoàn thể được thực hiện theo") are no partner
    body = (
        "Việc phối hợp giữa chính quyền với Mặt trận và các đoàn thể được thực hiện theo Quy chế phối hợp số "
        "07/QC-UBND ngày 10/3/2022 giữa UBND xã với Hội Nông dân xã và Hội Cựu chiến binh xã.\n"
    )
    partners = next(f for f in _draft(tmp_path, body)["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop")
    assert [i["name"] for i in partners["items"]] == ["Hội Nông dân xã", "Hội Cựu chiến binh xã"]


# --------------------------------------------------------------------------------------------------- residential areas
# "TDP" is a tổ dân phố; "hiện nay" after a clause led by a year is the state now, though the year was said before it;
# the basic title's year before its criteria is no count of the advanced set, abbreviated ("đạt chuẩn NTM năm 2019
# với 19/19 tiêu chí") as in full; a paragraph that says which criteria are left details the count before it.


@pytest.mark.parametrize(
    "body",
    [
        "Phường có 12 TDP; hiện có 09/12 TDP đạt tiêu chí “Khu dân cư 6 không”.\n\n"
        "Năm 2023 có 11/12 TDP được công nhận danh hiệu TDP văn hóa.\n",
        # a second writer: the abbreviation in the title's name only
        "Toàn phường có 12 tổ dân phố, hiện nay 09/12 TDP đạt “Khu dân cư 6 không”.\n\n"
        "Kết quả bình xét năm 2023 có 11/12 tổ dân phố đạt danh hiệu “TDP văn hóa”.\n",
    ],
)
def test_tdp_is_a_residential_area(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("kdc.tong_so_khu", "as_of"): 12,
        ("kdc.so_khu_6_khong", "as_of"): 9,
        ("kdc.so_khu_van_hoa", 2023): 11,
        ("kdc.tong_so_khu", 2023): 12,
        **PLAN,
    }


@pytest.mark.parametrize(
    "body",
    [
        "Kết quả bình xét năm 2023, xã có 16 trên tổng số 17 ấp đạt danh hiệu ấp văn hóa; hiện nay 17/17 ấp đạt tiêu "
        "chí “Khu dân cư 6 không”.\n",
        "Năm 2023 có 16/17 ấp đạt danh hiệu ấp văn hóa, đến nay 17/17 ấp đạt “Khu dân cư 6 không”.\n",
    ],
)
def test_now_after_a_clause_led_by_a_year_is_the_state_now(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("kdc.so_khu_van_hoa", 2023): 16,
        ("kdc.tong_so_khu", 2023): 17,
        ("kdc.so_khu_6_khong", "as_of"): 17,
        ("kdc.tong_so_khu", "as_of"): 17,  # the whole of "17/17" now
        **PLAN,
    }


@pytest.mark.parametrize(
    "body",
    [
        "- Xây dựng NTM nâng cao: xã đạt chuẩn NTM năm 2019 với 19/19 tiêu chí. Đến nay, xã tự đánh giá đạt 15/19 tiêu "
        "chí xã NTM nâng cao.\n"
        "- Còn 04 tiêu chí chưa đạt là Giao thông, Thu nhập, Môi trường và Chất lượng môi trường sống.\n",
        "Về nông thôn mới nâng cao: xã được công nhận đạt chuẩn NTM từ năm 2019 với 19/19 tiêu chí; hiện đạt 15/19 tiêu "
        "chí nông thôn mới nâng cao.\n"
        "Còn lại 04 tiêu chí chưa đạt gồm: Giao thông, Thu nhập, Môi trường, Chất lượng môi trường sống.\n",
    ],
)
def test_the_criteria_left_detail_the_count_before_them_and_the_basic_title_is_no_count(tmp_path, body):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("ntm_nc.so_tieu_chi_dat", "as_of")] == 15
    assert not any(k == "ntm_nc.so_tieu_chi_dat" and p != "as_of" for k, p in got)
    assert {k for (k, _), v in got.items() if v == "chua_dat" and k.startswith("ntm_nc.tc")} == {
        "ntm_nc.tc02",
        "ntm_nc.tc10",
        "ntm_nc.tc17",
        "ntm_nc.tc18",
    }


# --------------------------------------------------------------------------------------------------- years and acts
# A final review's table of years with a target column beside the result ("Hộ nghèo giảm (hộ) | Chỉ tiêu giao (hộ)"):
# the target column takes its subject from the column before it. "đều hoàn thành chỉ tiêu" after the years named is
# the claim of each of them. The yearly assessment said in the passive is done; "chưa đủ điều kiện xét nông thôn mới
# nâng cao" is the title not reached.


@pytest.mark.parametrize(
    "table",
    [
        "| Năm | Hộ nghèo giảm (hộ) | Chỉ tiêu giao (hộ) | Hồ sơ TTHC trực tuyến (%) |\n|---|---|---|---|\n"
        "| 2023 | 27 | 25 | 24,8 |\n| 2024 | 22 | 20 | 46,3 |\n",
        "| Năm | Số hộ nghèo giảm | Kế hoạch giao | Tỷ lệ hồ sơ thủ tục hành chính trực tuyến (%) |\n|---|---|---|---|\n"
        "| 2023 | 27 | 25 | 24,8 |\n| 2024 | 22 | 20 | 46,3 |\n",
    ],
)
def test_a_target_column_in_a_table_of_years_is_the_target_of_the_column_before_it(tmp_path, table):
    assert _values(_draft(tmp_path, table + CONTROL)) == {
        ("giam_ngheo.so_ho_giam", 2023): 27,
        ("giam_ngheo.chi_tieu_giao", 2023): 25,
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", 2023): 24.8,
        ("giam_ngheo.so_ho_giam", 2024): 22,
        ("giam_ngheo.chi_tieu_giao", 2024): 20,
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 46.3,
        **PLAN,
    }


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2022 xã giảm 31 hộ nghèo, năm 2023 giảm 27 hộ nghèo; cả hai năm đều hoàn thành chỉ tiêu giảm nghèo huyện "
        "giao.\n",
        "Năm 2024 huyện giao chỉ tiêu giảm 35 hộ nghèo, xã thực hiện đạt 111,4%; các năm 2022, 2023 xã đều hoàn thành "
        "chỉ tiêu giảm nghèo huyện giao.\n",
    ],
)
def test_a_claim_said_of_each_year_named_before_it(tmp_path, body):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2022)] == "achieved"
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2023)] == "achieved"


@pytest.mark.parametrize(
    ("body", "value"),
    [
        (
            "Kết quả công tác dân vận chính quyền được tự đánh giá, chấm điểm theo Quyết định số 1211/QĐ-UBND; năm "
            "2024 xếp loại tốt.\n",
            True,
        ),
        ("UBND xã chưa tổ chức đánh giá công tác dân vận chính quyền năm 2024.\n", False),
    ],
)
def test_the_yearly_assessment_said_in_the_passive_is_done(tmp_path, body, value):
    assert _values(_draft(tmp_path, body + CONTROL))[("dvcq.danh_gia_hang_nam", 2024)] is value


def test_an_assessment_denied_in_the_passive_is_not_read_as_done(tmp_path):
    body = "Công tác dân vận chính quyền năm 2024 chưa được đánh giá, chấm điểm theo Quyết định số 1211/QĐ-UBND.\n"
    assert ("dvcq.danh_gia_hang_nam", 2024) not in _values(_draft(tmp_path, body + CONTROL))


@pytest.mark.parametrize(
    "body",
    [
        "Về nông thôn mới: xã đạt 14/19 tiêu chí nông thôn mới; chưa đủ điều kiện xét nông thôn mới nâng cao.\n",
        "Xã mới đạt 16/19 tiêu chí, chưa đủ điều kiện xét NTM nâng cao trong năm 2024.\n",
    ],
)
def test_not_yet_eligible_to_be_considered_is_the_title_not_reached(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL))[("ntm_nc.cong_nhan", "as_of")] == "chua_dat"


# --------------------------------------------------------------------------------------------------- shortcomings
# In "Tồn tại, hạn chế", an act the unit itself has not done ("- Chưa tổ chức sơ kết Phong trào …") is a denial of it;
# what the section says otherwise (figures said again, other bodies' failings, what was done) is not read there.

SHORTCOMINGS = "II. ĐÁNH GIÁ CHUNG\n\n2. Tồn tại, hạn chế và nguyên nhân\n\n"


@pytest.mark.parametrize(
    "body",
    [
        "- Chưa tổ chức sơ kết Phong trào thi đua “Dân vận khéo” ở cấp xã mới.\n"
        "- Nguyên nhân: xã mới thành lập, khối lượng công việc lớn.\n",
        "- UBND xã chưa sơ kết Phong trào thi đua “Dân vận khéo” theo hướng dẫn do lùi lịch sang quý I/2025.\n",
    ],
)
def test_an_act_not_done_said_among_the_shortcomings_is_denied(tmp_path, body):
    got = _values(_draft(tmp_path, CONTROL + "\n" + SHORTCOMINGS + body))
    assert got == {("dvk.so_ket_phong_trao", 2024): False, **PLAN}


def test_the_shortcomings_say_nothing_of_what_was_done_or_of_others(tmp_path):
    body = (
        "- Một số thôn chưa xây dựng kế hoạch thực hiện công tác dân vận.\n"
        "- Xã đã sơ kết Phong trào thi đua “Dân vận khéo” nhưng chất lượng chưa cao.\n"
        "- Tỷ lệ hồ sơ giải quyết trực tuyến mới đạt 41%, chưa đạt chỉ tiêu.\n"
    )
    assert _values(_draft(tmp_path, CONTROL + "\n" + SHORTCOMINGS + body)) == PLAN


# --------------------------------------------------------------------------------------------------- checklist tables
# A checklist as a table ("Nội dung kiểm tra | Có/Không | Văn bản, kết quả cụ thể"): each row's act done or not as its
# answer says, in the year the row names, with the document the next column cites; models answered "Không" are none,
# "Có" with their number that many. A row's act is read only under its own subject (a GPMB plan is no plan for đô thị
# văn minh).


@pytest.mark.parametrize(
    "table",
    [
        "| TT | Nội dung kiểm tra | Có/Không | Văn bản, kết quả cụ thể |\n|---|---|---|---|\n"
        "| 1 | Có ban hành kế hoạch công tác dân vận chính quyền năm 2024 | Có | Kế hoạch số 08/KH-UBND ngày "
        "14/01/2024 |\n"
        "| 2 | Có đánh giá, xếp loại công tác dân vận chính quyền năm 2023 | Có | Tự chấm 92/100 điểm |\n"
        "| 3 | Có kế hoạch thành lập mô hình tuyên truyền, vận động giải phóng mặt bằng | Không | Chưa có dự án |\n"
        "| 4 | Có kế hoạch tuyên truyền, hướng dẫn xây dựng đô thị văn minh | Có | Kế hoạch số 19/KH-UBND |\n"
        "| 5 | Có mô hình vận động Nhân dân tham gia chuyển đổi số | Có | 02 mô hình: “Tổ số”, “Chợ 4.0” |\n"
        "| 6 | Có mô hình vận động Nhân dân phát triển kinh tế tuần hoàn | Không | |\n",
        # a second writer: "Nội dung", "Có/Chưa", the year in the label's words, the evidence headed otherwise
        "| STT | Nội dung | Có/Chưa | Ghi chú |\n|---|---|---|---|\n"
        "| 1 | UBND xã ban hành kế hoạch công tác dân vận chính quyền năm 2024 | Có | Kế hoạch số 08/KH-UBND |\n"
        "| 2 | Đánh giá, xếp loại công tác dân vận chính quyền năm 2023 | Có | |\n"
        "| 3 | Kế hoạch thành lập mô hình vận động giải phóng mặt bằng | Chưa | |\n"
        "| 4 | Kế hoạch tuyên truyền, hướng dẫn xây dựng đô thị văn minh | Có | |\n"
        "| 5 | Mô hình vận động Nhân dân tham gia chuyển đổi số | Có | 02 mô hình |\n"
        "| 6 | Mô hình vận động Nhân dân phát triển kinh tế tuần hoàn | Chưa | |\n",
    ],
)
def test_a_checklist_table_answers_each_row(tmp_path, table):
    draft = _draft(tmp_path, table)
    assert _values(draft) == {
        ("dvcq.ke_hoach_nam", 2024): True,
        ("dvcq.danh_gia_hang_nam", 2023): True,
        ("gpmb.ke_hoach_mo_hinh", "as_of"): False,
        ("dtvm.ke_hoach_tuyen_truyen", "as_of"): True,
        ("van_dong.chuyen_doi_so.so_mo_hinh", "as_of"): 2,
        ("van_dong.kinh_te_tuan_hoan.so_mo_hinh", "as_of"): 0,
    }
    plan = next(f for f in draft["facts"] if f["indicator"] == "dvcq.ke_hoach_nam")
    assert plan["document"]["number"] == "08/KH-UBND"


# --------------------------------------------------------------------------------------------------- criteria one by one
# A self-assessment that lists the criteria one by one with their levels ("Tiêu chí số 3 (Thủy lợi …): Đạt"), a line
# each or run into one paragraph, under the set's name — also in an appendix whose title runs into them; under no name
# of the advanced set, or under the basic set's, nothing.


@pytest.mark.parametrize(
    "body",
    [
        "Kết quả tự đánh giá tiêu chí xã nông thôn mới nâng cao:\n"
        "Tiêu chí số 1 (Quy hoạch): Chưa đạt\nTiêu chí số 2 (Giao thông): Đạt\n"
        "Tiêu chí số 10 (Thu nhập): Cơ bản đạt\nTổng số: 12/19 tiêu chí đạt\n",
        # a second writer: bullets under a heading naming the set, the number and the name apart
        "3. Tự đánh giá các tiêu chí xã NTM nâng cao\n\n- Tiêu chí 1 - Quy hoạch: chưa đạt.\n"
        "- Tiêu chí 2 - Giao thông: đạt.\n- Tiêu chí 10 - Thu nhập: cơ bản đạt.\n",
    ],
)
def test_criteria_listed_one_by_one_with_their_levels(tmp_path, body):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert {k: v for (k, _), v in got.items() if k.startswith("ntm_nc.tc")} == {
        "ntm_nc.tc01": "chua_dat",
        "ntm_nc.tc02": "dat",
        "ntm_nc.tc10": "co_ban_dat",
    }


def test_criteria_listed_under_no_name_of_the_advanced_set_give_nothing(tmp_path):
    body = (
        "Kết quả duy trì các tiêu chí xã nông thôn mới:\n"
        "Tiêu chí số 1 (Quy hoạch): Đạt\nTiêu chí số 2 (Giao thông): Đạt\n\n"
        "- Tiêu chí Giao thông: Đạt.\n"
    )
    got = _values(_draft(tmp_path, body + CONTROL))
    assert not any(k.startswith("ntm_nc.tc") for k, _ in got)


# --------------------------------------------------------------------------------------------------- plan, then done
# "Chỉ tiêu …: Kế hoạch … N, thực hiện M, đạt X%": the plan's figure is the target, what was done the result (its verb
# "thực hiện"), and the rate the share of the plan; the plan's figure is never the result.


@pytest.mark.parametrize(
    "body",
    [
        "1.1. Chỉ tiêu thành lập mô hình “Dân vận khéo”: Kế hoạch năm 2024 giao 02 mô hình, thực hiện 03 mô hình, đạt "
        "150%.\n\n"
        "1.2. Chỉ tiêu giảm hộ nghèo: Kế hoạch giảm 18 hộ, thực hiện giảm 21 hộ, đạt 116,7%.\n",
        # a second writer: lower case, "thực tế", the plan's figure given by the district
        "- Mô hình “Dân vận khéo”: kế hoạch 02 mô hình, thực hiện được 03 mô hình, đạt 150%.\n"
        "- Giảm nghèo: kế hoạch huyện giao giảm 18 hộ nghèo, thực hiện giảm 21 hộ, đạt 116,7%.\n",
    ],
)
def test_the_plans_figure_then_what_was_done(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("dvk.mo_hinh", 2024): 3,
        ("dvk.ty_le_dat_bao_cao", 2024): 150,
        ("giam_ngheo.chi_tieu_giao", 2024): 18,
        ("giam_ngheo.so_ho_giam", 2024): 21,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 116.7,
        **PLAN,
    }


def test_a_target_said_alone_is_no_result(tmp_path):
    # the plan's figure with nothing done after it, and a clause that opens on the target
    body = (
        "Năm 2024 kế hoạch giảm 18 hộ nghèo.\n\n"
        "Chỉ tiêu huyện giao năm 2024 là giảm 06 hộ nghèo và công nhận 02 mô hình “Dân vận khéo”.\n"
    )
    got = _values(_draft(tmp_path, body + CONTROL))
    assert ("giam_ngheo.so_ho_giam", 2024) not in got and ("dvk.mo_hinh", 2024) not in got


# --------------------------------------------------------------------------------------------------- other units, notes
# A higher unit named as the subject of a figure ("Thành phố Lào Cai hiện có 142 mô hình …") is another unit's figure;
# the unit recognised by a higher one ("được Ủy ban nhân dân tỉnh Thái Bình công nhận …") is still the unit itself. A
# table's note that only dates a row ("Kết quả bình xét năm 2025") gives that row's figures that year.


@pytest.mark.parametrize(
    "body",
    [
        "Thành phố Lào Cai hiện có 142 mô hình “Dân vận khéo” các cấp.\n",
        "Năm 2024, huyện Đông Hòa giảm 215 hộ nghèo, thị xã Sông Cầu đạt 81,4% hồ sơ giải quyết trực tuyến.\n",
    ],
)
def test_a_higher_unit_named_as_the_subject_is_another_units_figure(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN


def test_the_unit_recognised_by_a_higher_one_is_still_the_unit(tmp_path):
    body = (
        "Xã được Ủy ban nhân dân tỉnh Thái Bình công nhận đạt chuẩn nông thôn mới nâng cao tại Quyết định số "
        "2745/QĐ-UBND ngày 28/12/2022.\n"
    )
    assert _values(_draft(tmp_path, body + CONTROL))[("ntm_nc.cong_nhan", "as_of")] == "da_cong_nhan"


@pytest.mark.parametrize("note", ["Kết quả bình xét năm 2023", "Số liệu năm 2023"])
def test_a_note_that_dates_a_row_gives_its_figures_that_year(tmp_path, note):
    table = (
        "| TT | Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện | Ghi chú |\n|---|---|---|---|---|\n"
        f"| 1 | Thôn đạt danh hiệu thôn văn hóa | 15 | 14/15 | {note} |\n"
        "| 2 | Tỷ lệ hồ sơ giải quyết trực tuyến | 50% | 62,5% | |\n"
    )
    assert _values(_draft(tmp_path, table + CONTROL)) == {
        ("kdc.so_khu_van_hoa", 2023): 14,
        ("kdc.tong_so_khu", 2023): 15,
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 62.5,
        **PLAN,
    }


# --------------------------------------------------------------------------------------------------- margins
# "hoàn thành vượt chỉ tiêu huyện giao (vượt ba hộ)": the figure in brackets after the claim is by how much, so the
# target is the result less it — never the target itself.


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2024 giảm mười một hộ nghèo, hoàn thành vượt chỉ tiêu Huyện giao (vượt ba hộ).\n",
        "Năm 2024 xã giảm 11 hộ nghèo, vượt chỉ tiêu huyện giao (vượt 03 hộ).\n",
    ],
)
def test_a_margin_in_brackets_after_the_claim_is_by_how_much(tmp_path, body):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 11
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 8


# --------------------------------------------------------------------------------------------------- cùng kỳ
# A report of the whole year whose figures are cut off in November ("ngày 30 tháng 11") is still a whole-year report:
# its "cùng kỳ năm 2023" is the year 2023 (the corpus convention); a report of eleven months says so in its title, and
# its "cùng kỳ" stays a look-alike.

NOVEMBER_HEAD = HEAD.replace("ngày 18 tháng 12 năm 2024", "ngày 30 tháng 11 năm 2024")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Kết quả thực hiện công tác dân vận năm 2024", {("giam_ngheo.so_ho_giam", 2023): 9}),
        ("Kết quả thực hiện công tác dân vận 11 tháng năm 2024", {}),
    ],
)
def test_cung_ky_in_a_whole_year_report_cut_off_in_november(tmp_path, title, expected):
    head = NOVEMBER_HEAD.replace("Kết quả thực hiện công tác dân vận năm 2024", title)
    body = "Năm 2024, xã giảm được 14 hộ nghèo. Cùng kỳ năm 2023, xã giảm 09 hộ nghèo.\n"
    got = _values(_draft(tmp_path, body + CONTROL, head=head))
    assert got == {("giam_ngheo.so_ho_giam", 2024): 14, **expected, **PLAN}


# --------------------------------------------------------------------------------------------------- cells in words
# A result cell that gives its share after it ("Giảm 05 hộ nghèo, đạt 125%", "1.085/1.602 hồ sơ, đạt 67,7%"): the
# share is the row's rate where the row is one, else the share of the target beside the count; a plan cell that words
# its target ("Hoàn thành 100% chỉ tiêu (giảm 04 hộ)") gives the one count it holds.


@pytest.mark.parametrize(
    "table",
    [
        "| TT | Chỉ tiêu | Kế hoạch | Kết quả thực hiện | Tự đánh giá |\n|---|---|---|---|---|\n"
        "| 1 | Giảm hộ nghèo theo chỉ tiêu huyện giao | Hoàn thành 100% chỉ tiêu (giảm 04 hộ) | Giảm 05 hộ nghèo, "
        "đạt 125% | Vượt |\n"
        "| 2 | Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến | Từ 50% trở lên | 1.085/1.602 hồ sơ, đạt 67,7% | Đạt |\n",
        "| STT | Nội dung chỉ tiêu | Kế hoạch năm 2024 | Thực hiện năm 2024 |\n|---|---|---|---|\n"
        "| 1 | Số hộ nghèo giảm | Giảm 04 hộ theo chỉ tiêu huyện giao | 05 hộ, đạt 125% |\n"
        "| 2 | Tỷ lệ hồ sơ giải quyết trực tuyến (%) | 50% | 1.085/1.602 hồ sơ, đạt 67,7% |\n",
    ],
)
def test_result_and_plan_cells_in_words(tmp_path, table):
    got = _values(_draft(tmp_path, table + CONTROL))
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 5
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 4
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2024)] == 125
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == 67.7


# --------------------------------------------------------------------------------------------------- one cell, two figures
# A column of what was done over what was planned ("Thực hiện/Kế hoạch năm 2025": "04/02 mô hình", "31/28 hộ",
# "72,6%/60%") gives the result and the target (a rate's plan aside); a table by village whose total row says how many
# rows it sums ("Cộng: 08 thôn, sóc") gives the unit's counts.


@pytest.mark.parametrize("head", ["Thực hiện/Kế hoạch năm 2024", "TH/KH"])
def test_a_column_of_done_over_planned(tmp_path, head):
    table = (
        f"| STT | Chỉ tiêu | {head} | Tỷ lệ đạt (%) |\n|---|---|---|---|\n"
        "| 1 | Thành lập mới mô hình “Dân vận khéo” | 04/02 mô hình | 200 |\n"
        "| 2 | Giảm hộ nghèo | 31/28 hộ | 110,7 |\n"
        "| 3 | Tỷ lệ hồ sơ TTHC giải quyết trực tuyến | 72,6%/60% | 121,0 |\n"
    )
    got = _values(_draft(tmp_path, table + CONTROL))
    assert got == {
        ("dvk.mo_hinh", 2024): 4,
        ("dvk.ty_le_dat_bao_cao", 2024): 200,
        ("giam_ngheo.so_ho_giam", 2024): 31,
        ("giam_ngheo.chi_tieu_giao", 2024): 28,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 110.7,
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 72.6,
        **PLAN,
    }


def test_a_total_row_that_says_how_many_rows_it_sums(tmp_path):
    table = (
        "| STT | Thôn, sóc | Khu dân cư văn hóa | Khu dân cư “6 không” |\n|---|---|---|---|\n"
        "| 1 | Thôn 1 | x | x |\n| 2 | Thôn 2 | x | |\n| 3 | Sóc Bù Kroai | | x |\n"
        "| | Cộng: 03 thôn, sóc | 02 | 02 |\n"
    )
    got = _values(_draft(tmp_path, table + CONTROL))
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 2
    assert got[("kdc.so_khu_6_khong", "as_of")] == 2
