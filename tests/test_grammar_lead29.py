"""Structural rules of the genre the lead learned from held-out sets 23 to 26 once they were spent (BENCHMARKS.md,
"Learning from held-out 23 to 26"), each tested on sentences written here, with a second writer's variant, through
the real `facts extract`. Precision first: a doubtful reading drafts nothing."""

from __future__ import annotations

import pytest

from test_grammar_forms import _draft, _values
from test_grammar_round9 import CONTROL, PLAN

# --------------------------------------------------------------------------------------------------- criteria in a table
# A self-assessment of NTM nâng cao often lists the criteria not yet met in a table, one row per criterion ("Tiêu chí
# số 2 - Giao thông | Cơ bản đạt"). Each row gives that criterion's level when the table is led into by the advanced
# set's name; the same table under the basic set (19 tiêu chí nông thôn mới) gives nothing.

CRITERIA_TABLES = [
    (
        "Đối chiếu Bộ tiêu chí xã nông thôn mới nâng cao, xã đạt 15/19 tiêu chí. Các tiêu chí chưa đạt:\n\n"
        "| STT | Tiêu chí | Kết quả tự đánh giá |\n|---|---|---|\n"
        "| 1 | Tiêu chí số 2 - Giao thông | Cơ bản đạt |\n"
        "| 2 | Tiêu chí số 10 - Thu nhập | Chưa đạt (ước 52 triệu đồng/người) |\n"
        "| 3 | Tiêu chí số 17 - Môi trường | Chưa đạt |\n"
    ),
    # a second writer: the set named in the header, the criteria by name only, "Không đạt", the level column first
    (
        "Kết quả rà soát các tiêu chí còn thiếu như sau:\n\n"
        "| Đánh giá | Tiêu chí nông thôn mới nâng cao |\n|---|---|\n"
        "| Cơ bản đạt | Giao thông |\n"
        "| Không đạt | Thu nhập |\n"
        "| Chưa đạt | Môi trường |\n"
    ),
]


@pytest.mark.parametrize("body", CRITERIA_TABLES)
def test_a_table_of_the_advanced_sets_criteria_gives_each_criterions_level(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.tc02", "as_of")] == "co_ban_dat"
    assert got[("ntm_nc.tc10", "as_of")] == "chua_dat"
    assert got[("ntm_nc.tc17", "as_of")] == "chua_dat"


def test_the_same_table_under_the_basic_set_gives_no_criterion(tmp_path):
    body = (
        "Xã duy trì Bộ tiêu chí xã nông thôn mới, đạt 17/19 tiêu chí. Các tiêu chí chưa đạt:\n\n"
        "| STT | Tiêu chí | Kết quả |\n|---|---|---|\n"
        "| 1 | Tiêu chí số 2 - Giao thông | Cơ bản đạt |\n"
        "| 2 | Tiêu chí số 10 - Thu nhập | Chưa đạt |\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is PLAN[("dvcq.ke_hoach_nam", 2024)]
    assert not [k for k in got if k[0].startswith("ntm_nc.tc")], got


def test_a_row_naming_one_criterion_by_number_and_another_by_name_gives_nothing(tmp_path):
    body = (
        "Tự đánh giá theo Bộ tiêu chí xã nông thôn mới nâng cao:\n\n"
        "| Tiêu chí | Kết quả |\n|---|---|\n"
        "| Tiêu chí số 2 - Thu nhập | Chưa đạt |\n"
        "| Tiêu chí số 17 - Môi trường | Đạt |\n"
    )
    got = _values(_draft(tmp_path, body))
    assert ("ntm_nc.tc02", "as_of") not in got and ("ntm_nc.tc10", "as_of") not in got
    assert got[("ntm_nc.tc17", "as_of")] == "dat"


# --------------------------------------------------------------------------------------------------- criteria named as met
# Criteria named, and nothing else, before "đạt" are met, with or without "đã / đều" before it.


@pytest.mark.parametrize(
    "sentence",
    [
        "Tiêu chí số 15 - Hành chính công và tiêu chí số 19 - Quốc phòng và An ninh đạt ở mức cao.",
        # a second writer: "các tiêu chí", names alone, "đạt theo quy định"
        "Các tiêu chí Hành chính công, Quốc phòng và An ninh đạt theo quy định.",
    ],
)
def test_criteria_named_before_dat_are_met_without_da(tmp_path, sentence):
    body = "3. Xây dựng nông thôn mới nâng cao\n\n" + sentence + "\n"
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.tc15", "as_of")] == "dat"
    assert got[("ntm_nc.tc19", "as_of")] == "dat"


def test_a_criterion_reaching_a_low_mark_is_not_met_by_that_sentence(tmp_path):
    body = (
        "3. Xây dựng nông thôn mới nâng cao\n\n"
        "Tiêu chí số 10 - Thu nhập đạt thấp so với yêu cầu của Bộ tiêu chí.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is True
    assert ("ntm_nc.tc10", "as_of") not in got


# --------------------------------------------------------------------------------------------------- criteria not met
# The set a list of criteria not met belongs to is the set named last before it: a sentence may keep the basic set's
# 19/19 first and then turn to the advanced set; a list run on over semicolons follows "là" as well as a colon.


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã giữ vững 19/19 tiêu chí nông thôn mới; theo Bộ tiêu chí xã nông thôn mới nâng cao, xã tự đánh giá đạt "
        "16/19 tiêu chí, còn 03 tiêu chí chưa đạt là: Giao thông; Thu nhập; Chất lượng môi trường sống.",
        # a second writer: the basic set in its own sentence, the list after "là" with no colon
        "Xã đạt chuẩn nông thôn mới năm 2020 với 19/19 tiêu chí. Đến nay, xã đạt 16/19 tiêu chí xã nông thôn mới "
        "nâng cao; còn 03 tiêu chí chưa đạt là Giao thông; Thu nhập; Chất lượng môi trường sống.",
    ],
)
def test_a_list_of_criteria_not_met_after_the_advanced_set_is_the_advanced_sets(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("ntm_nc.tc02", "as_of")] == "chua_dat"
    assert got[("ntm_nc.tc10", "as_of")] == "chua_dat"
    assert got[("ntm_nc.tc18", "as_of")] == "chua_dat"


def test_a_list_of_criteria_not_met_after_the_basic_set_is_not_the_advanced_sets(tmp_path):
    body = (
        "Về nông thôn mới nâng cao: xã tiếp tục rà soát. Xã đạt 17/19 tiêu chí xã nông thôn mới, còn 02 tiêu chí "
        "chưa đạt là Giao thông; Thu nhập.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is True
    assert not [k for k in got if k[0].startswith("ntm_nc.tc")], got


# --------------------------------------------------------------------------------------------------- criteria completed


@pytest.mark.parametrize(
    "sentence",
    [
        "Đến nay, xã đạt 17/19 tiêu chí nông thôn mới nâng cao; trong năm 2024 hoàn thành thêm các tiêu chí Giao "
        "thông, Môi trường và Chất lượng môi trường sống.",
        # a second writer: "đã đạt thêm 02 tiêu chí", the set in the heading
        "3. Nông thôn mới nâng cao\n\nTrong năm, xã đã đạt thêm 03 tiêu chí Giao thông, Môi trường và Chất lượng "
        "môi trường sống.",
    ],
)
def test_criteria_named_after_hoan_thanh_them_are_met(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("ntm_nc.tc02", "as_of")] == "dat"
    assert got[("ntm_nc.tc17", "as_of")] == "dat"
    assert got[("ntm_nc.tc18", "as_of")] == "dat"


def test_criteria_yet_to_be_completed_are_not_met(tmp_path):
    body = (
        "3. Nông thôn mới nâng cao\n\nXã đạt 16/19 tiêu chí nông thôn mới nâng cao. Năm 2025, xã phấn đấu hoàn thành "
        "các tiêu chí Giao thông, Thu nhập và Môi trường.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is True
    assert not [k for k in got if k[0].startswith("ntm_nc.tc") and k[1] == "as_of" and got[k] == "dat"], got


# --------------------------------------------------------------------------------------------------- tables of chỉ tiêu
# A table of two years side by side has no column saying which figure is the target: its row's label does ("Chỉ tiêu
# giảm hộ nghèo được giao", "Tỷ lệ hoàn thành chỉ tiêu giảm nghèo"); "NTM" is the genre's abbreviation of nông thôn
# mới.

YEARS_SIDE_BY_SIDE = [
    (
        "| Nội dung | Năm 2023 | Năm 2024 | So sánh |\n|---|---|---|---|\n"
        "| Chỉ tiêu giảm hộ nghèo được giao (hộ) | 12 | 10 | Giảm 02 hộ |\n"
        "| Số hộ nghèo giảm trong năm (hộ) | 13 | 10 | Giảm 03 hộ |\n"
        "| Tỷ lệ hoàn thành chỉ tiêu giảm nghèo | 108,3% | 100% | Đều hoàn thành |\n"
        "| Số tiêu chí xã NTM nâng cao đạt | 14/19 | 16/19 | Tăng 02 tiêu chí |\n"
    ),
    # a second writer: "Kế hoạch … huyện giao", "Tỷ lệ đạt so với kế hoạch", the years as "2023 | 2024"
    (
        "| Chỉ tiêu | 2023 | 2024 | Ghi chú |\n|---|---|---|---|\n"
        "| Kế hoạch giảm hộ nghèo huyện giao | 12 | 10 | |\n"
        "| Hộ nghèo giảm | 13 | 10 | |\n"
        "| Tỷ lệ đạt so với kế hoạch giảm nghèo (%) | 108,3 | 100 | |\n"
        "| Tiêu chí NTM nâng cao xã đạt | 14/19 | 16/19 | |\n"
    ),
]


@pytest.mark.parametrize("table", YEARS_SIDE_BY_SIDE)
def test_a_row_labelled_as_the_target_or_its_share_in_a_table_of_years(tmp_path, table):
    got = _values(_draft(tmp_path, "Một số chỉ tiêu chủ yếu:\n\n" + table))
    assert got[("giam_ngheo.chi_tieu_giao", 2023)] == 12
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 10
    assert got[("giam_ngheo.so_ho_giam", 2023)] == 13
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2023)] == pytest.approx(108.3)
    assert got[("ntm_nc.so_tieu_chi_dat", 2023)] == 14
    assert got[("ntm_nc.so_tieu_chi_dat", "as_of")] == 16


# A group row numbered apart ("I | CHỈ TIÊU VỀ GIẢM NGHÈO | CHỈ TIÊU VỀ GIẢM NGHÈO | …") is a band across the table, not
# a second header row whose words ("giảm") would make every column a comparison; a notes column saying "Đạt 108% chỉ
# tiêu" gives the share of the target done when the table has no column of it.

GROUPED = [
    (
        "| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2024 | Thực hiện | Ghi chú |\n|---|---|---|---|---|---|\n"
        "| I | CHỈ TIÊU VỀ GIẢM NGHÈO, CẢI CÁCH HÀNH CHÍNH | CHỈ TIÊU VỀ GIẢM NGHÈO, CẢI CÁCH HÀNH CHÍNH | CHỈ TIÊU VỀ "
        "GIẢM NGHÈO, CẢI CÁCH HÀNH CHÍNH | CHỈ TIÊU VỀ GIẢM NGHÈO, CẢI CÁCH HÀNH CHÍNH | CHỈ TIÊU VỀ GIẢM NGHÈO, CẢI "
        "CÁCH HÀNH CHÍNH |\n"
        "| 1 | Giảm số hộ nghèo | Hộ | 25 | 27 | Đạt 108% chỉ tiêu huyện giao |\n"
        "| 2 | Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến | % | 60 | 66,4 | Vượt kế hoạch |\n"
    ),
    # a second writer: Arabic group numbers and letters, "bằng 108% kế hoạch"
    (
        "| STT | Nội dung chỉ tiêu | ĐVT | Kế hoạch năm 2024 | Thực hiện | Ghi chú |\n|---|---|---|---|---|---|\n"
        "| A | GIẢM NGHÈO VÀ CẢI CÁCH HÀNH CHÍNH | GIẢM NGHÈO VÀ CẢI CÁCH HÀNH CHÍNH | GIẢM NGHÈO VÀ CẢI CÁCH HÀNH "
        "CHÍNH | GIẢM NGHÈO VÀ CẢI CÁCH HÀNH CHÍNH | GIẢM NGHÈO VÀ CẢI CÁCH HÀNH CHÍNH |\n"
        "| 1 | Số hộ nghèo giảm | Hộ | 25 | 27 | bằng 108% kế hoạch |\n"
        "| 2 | Tỷ lệ hồ sơ giải quyết trực tuyến | % | 60 | 66,4 | |\n"
    ),
]


@pytest.mark.parametrize("table", GROUPED)
def test_a_numbered_group_row_is_a_band_and_a_note_gives_the_share_of_the_target(tmp_path, table):
    got = _values(_draft(tmp_path, "Kết quả thực hiện các chỉ tiêu:\n\n" + table))
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 25
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 27
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2024)] == 108
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == pytest.approx(66.4)


@pytest.mark.parametrize(
    "sentence, level",
    [
        (
            "Ngày 20/11/2024, xã được UBND tỉnh công nhận đạt chuẩn NTM nâng cao tại Quyết định số 2150/QĐ-UBND.",
            "da_cong_nhan",
        ),
        # a second writer: the count of criteria, short of the set, and the abbreviation
        ("Đến nay, xã đạt 15/19 tiêu chí xã NTM nâng cao, chưa đủ điều kiện đề nghị công nhận.", "chua_dat"),
    ],
)
def test_ntm_is_the_abbreviation_of_nong_thon_moi(tmp_path, sentence, level):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("ntm_nc.cong_nhan", "as_of")] == level


# --------------------------------------------------------------------------------------------------- whole and part
# "trong đó" opens a part of the count just given, whoever the part belongs to; a figure per part ("mỗi khóm có 01
# tuyến") does not make the whole after it ("tổng cộng 09 tuyến") a figure per part; streets of two kinds named
# together ("tuyến đường, hẻm") are one unit.


@pytest.mark.parametrize(
    "sentence, whole",
    [
        (
            "Toàn phường duy trì 12 tuyến đường, hẻm xanh - sạch - đẹp, trong đó Hội Liên hiệp Phụ nữ phường phụ trách "
            "05 tuyến.",
            12,
        ),
        # a second writer: the total after a figure per part, the part in a clause of its own
        (
            "09/09 khóm, mỗi khóm có 01 tuyến đường “Xanh - sạch - đẹp”, tổng cộng 09 tuyến; trong đó Đoàn Thanh niên "
            "phụ trách 02 tuyến.",
            9,
        ),
    ],
)
def test_a_part_after_trong_do_and_the_whole_after_a_figure_per_part(tmp_path, sentence, whole):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("dtvm.tuyen_duong_xanh", "as_of")] == whole


# --------------------------------------------------------------------------------------------------- the unit's own name
# A name may end in "Nam" of its own ("thị trấn Hòa Khánh Nam"): named in its own report, it is the unit itself, not
# another unit whose name ran on into "Việt Nam".


def _head_of(kind_upper: str, name_upper: str) -> str:
    return (
        f"ỦY BAN NHÂN DÂN\n{kind_upper} {name_upper}\nSố: 12/BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n\n{name_upper.title()}, ngày 15 tháng 12 năm 2024\n\nBÁO CÁO\n\nKết quả thực hiện công tác dân vận "
        "năm 2024\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
    )


@pytest.mark.parametrize(
    "kind_upper, name_upper, sentence",
    [
        ("THỊ TRẤN", "HÒA KHÁNH NAM", "Thị trấn Hòa Khánh Nam có 05 khu phố, 2.874 hộ với 10.326 nhân khẩu."),
        # a second writer: a xã whose name ends in "Nam", its make-up after "hiện có"
        ("XÃ", "PHƯỚC HẬU NAM", "Xã Phước Hậu Nam hiện có 05 ấp với 2.874 hộ."),
    ],
)
def test_a_unit_whose_name_ends_in_nam_is_itself(tmp_path, kind_upper, name_upper, sentence):
    draft = _draft(tmp_path, sentence + "\n", head=_head_of(kind_upper, name_upper))
    assert _values(draft)[("kdc.tong_so_khu", "as_of")] == 5


# --------------------------------------------------------------------------------------------------- after a breakdown
# A running total broken down by year in brackets, then its rate against the plan: the rate is the total's, over the
# years the bracket names (to the report's year for "đến nay"), not the last year inside the bracket.


@pytest.mark.parametrize(
    "sentence, span",
    [
        (
            "Lũy kế từ khi triển khai Đề án đến nay, xã có 05 mô hình “Dân vận khéo” được công nhận (năm 2022: 02 mô "
            "hình; năm 2023: 01 mô hình; năm 2024: 02 mô hình), đạt 166% so với chỉ tiêu Kế hoạch.",
            "2022-2024",
        ),
        # a second writer: "từ khi thành lập xã", one year in the bracket, the report's year after it
        (
            "Từ năm 2023 đến nay, xã có 03 mô hình “Dân vận khéo” (năm 2023: 02 mô hình), đạt 150% chỉ tiêu kế hoạch.",
            "2023-2024",
        ),
    ],
)
def test_a_rate_after_a_totals_breakdown_is_the_totals(tmp_path, sentence, span):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert span in {p for k, p in got if k == "dvk.ty_le_dat_bao_cao"}, got
    assert not [p for k, p in got if k == "dvk.ty_le_dat_bao_cao" and p != span], got


# --------------------------------------------------------------------------------------------------- the online rate
# The online-dossier rate is the commune's share of dossiers handled online: not a higher unit's shared rate ("chung
# của Thành phố"), not the share done one way ("toàn trình chiếm 72,3%"); dossiers "của TTHC nộp trực tuyến" are
# submitted online all the same.


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã tiếp nhận 3.742 hồ sơ, trong đó 3.316 hồ sơ nộp trực tuyến, đạt 88,6%; hồ sơ thực hiện dịch vụ công toàn "
        "trình chiếm 72,3%. Tỷ lệ hồ sơ trực tuyến chung của Thành phố 11 tháng đạt 91,5%.",
        # a second writer: the rate named in full, the parts "một phần" and the province's shared rate
        "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt 88,6%; hồ sơ trực tuyến một phần chiếm 16,3%. Tỷ lệ hồ sơ "
        "trực tuyến chung của tỉnh là 91,5%.",
    ],
)
def test_the_online_rate_is_the_communes_whole_share(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == pytest.approx(88.6)


def test_a_column_chi_tieu_nam_holds_the_years_target(tmp_path):
    table = (
        "| STT | Nội dung chỉ tiêu | ĐVT | Chỉ tiêu năm | Kết quả | Đánh giá |\n|---|---|---|---|---|---|\n"
        "| 1 | Số hộ nghèo giảm trong năm | hộ | 15 | 17 | Vượt |\n"
        "| 2 | Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến | % | 85 | 88,6 | Vượt |\n"
    )
    got = _values(_draft(tmp_path, "Kết quả thực hiện các chỉ tiêu năm 2024:\n\n" + table))
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 15
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 17
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == pytest.approx(88.6)


# --------------------------------------------------------------------------------------------------- a review of one year
# "Tổng kết năm 2023 thực hiện Kế hoạch …" signed in January 2024 reports on 2023: its figures run to 31/12/2023, and
# "hằng năm … đều" in it is 2023 alone.


@pytest.mark.parametrize(
    "title",
    [
        "Tổng kết năm 2023 thực hiện Kế hoạch số 52/KH-UBND ngày 17/02/2023 của UBND phường về công tác dân vận",
        # a second writer: "Báo cáo sơ kết công tác năm …" with the plan after it
        "Sơ kết công tác năm 2023 thực hiện Kế hoạch số 52/KH-UBND về công tác dân vận chính quyền",
    ],
)
def test_a_review_of_one_year_signed_after_it_reports_to_its_end(tmp_path, title):
    head = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA HIẾU\nSố: 04/BC-UBND\n\nHòa Hiếu, ngày 10 tháng 01 năm 2024\n\nBÁO CÁO\n"
        f"{title}\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
    )
    body = (
        "Hằng năm, UBND phường đều tự đánh giá kết quả công tác dân vận chính quyền theo Bộ tiêu chí.\n\n"
        "Khu dân cư văn hóa: kết quả bình xét cuối năm 2023, 9/9 khối phố đạt danh hiệu “Khu dân cư văn hóa”.\n"
    )
    draft = _draft(tmp_path, body, head=head)
    assert str(draft["report"]["as_of"]) == "2023-12-31"
    got = _values(draft)
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 9
    assert [p for k, p in got if k == "dvcq.danh_gia_hang_nam"] == [2023]


# --------------------------------------------------------------------------------------------------- documents listed
# Documents listed as items after the act's verb ("… đã ban hành các văn bản chỉ đạo:" then "- Kế hoạch số …;") are
# acts of it, each with its own document; a list opened by another unit's verb is not.


@pytest.mark.parametrize(
    "opening",
    ["Trong năm, UBND phường đã ban hành các văn bản chỉ đạo:", "UBND phường đã xây dựng và ban hành:"],
)
def test_documents_listed_after_the_verb_are_its_acts(tmp_path, opening):
    body = (
        f"{opening}\n\n"
        "- Kế hoạch số 09/KH-UBND ngày 18/01/2024 về công tác dân vận chính quyền năm 2024;\n\n"
        "- Kế hoạch số 61/KH-UBND ngày 03/4/2024 tuyên truyền, vận động Nhân dân xây dựng phường đạt chuẩn văn minh "
        "đô thị.\n"
    )
    facts = {(f["indicator"], f["period"]): f for f in _draft(tmp_path, body)["facts"]}
    assert facts[("dvcq.ke_hoach_nam", 2024)]["document"]["number"] == "09/KH-UBND"
    assert facts[("dtvm.ke_hoach_tuyen_truyen", "as_of")]["document"]["number"] == "61/KH-UBND"


def test_documents_listed_after_another_units_verb_are_not_the_communes(tmp_path):
    body = (
        "UBND huyện đã ban hành các văn bản chỉ đạo:\n\n"
        "- Kế hoạch số 09/KH-UBND ngày 18/01/2024 về công tác dân vận chính quyền năm 2024;\n\n"
        "- Kế hoạch số 61/KH-UBND ngày 03/4/2024 tuyên truyền, vận động Nhân dân xây dựng đô thị văn minh.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert ("dtvm.ke_hoach_tuyen_truyen", "as_of") not in got
    assert got[("dvcq.ke_hoach_nam", 2024)] is True  # the control sentence's own plan


# --------------------------------------------------------------------------------------------------- parts by name
# A table whose rows are the unit's parts named without their kind, under a column headed by it ("Bản": "Nà Khoang"),
# is read by its total row like one whose rows say "Bản Nà Khoang".

BY_PART_NAME = [
    (
        "| STT | Bản | Chỉ tiêu giảm hộ nghèo năm 2024 (hộ) | Thực hiện giảm hộ nghèo (hộ) | Danh hiệu bản văn hóa năm 2024 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Nà Khoang | 3 | 4 | Đạt |\n| 2 | Phiêng Lùng | 3 | 3 | Đạt |\n| 3 | Sà Dề Phìn | 6 | 7 | Chưa đạt |\n"
        "| | Toàn xã | 12 | 14 | 2/3 bản |\n"
    ),
    # a second writer: "Tên thôn", the total "Cộng"
    (
        "| TT | Tên thôn | Chỉ tiêu giảm hộ nghèo năm 2024 (hộ) | Thực hiện giảm hộ nghèo (hộ) | Danh hiệu thôn văn hóa năm 2024 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Gò Da | 3 | 4 | Đạt |\n| 2 | Suối Mơ | 3 | 3 | Đạt |\n| 3 | Đồng Tre | 6 | 7 | Chưa đạt |\n"
        "| | Cộng | 12 | 14 | 2/3 thôn |\n"
    ),
]


@pytest.mark.parametrize("table", BY_PART_NAME)
def test_a_table_of_parts_named_under_their_kinds_column_is_read_by_its_total(tmp_path, table):
    got = _values(_draft(tmp_path, "Kết quả theo từng thôn, bản:\n\n" + table))
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 12
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 14
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 2


# A clause that names the topic only inside a look-alike ("Số hộ cận nghèo là 148 hộ, giảm 09 hộ …") speaks of the
# look-alike: its figure is not the indicator's.


@pytest.mark.parametrize(
    "sentence",
    [
        "Số hộ cận nghèo là 148 hộ, giảm 09 hộ so với năm 2023.",
        # a second writer: the remainder first, the decrease after a semicolon-free comma
        "Hộ cận nghèo còn 52 hộ, giảm được 11 hộ so với đầu năm.",
    ],
)
def test_a_figure_of_a_clause_about_a_lookalike_is_not_the_indicators(tmp_path, sentence):
    body = (
        "Kết quả theo từng thôn, bản:\n\n" + BY_PART_NAME[0] + "\nToàn xã hoàn thành chỉ tiêu giảm nghèo. " + sentence
    )
    facts = {(f["indicator"], f["period"]): f for f in _draft(tmp_path, body + "\n")["facts"]}
    assert facts[("giam_ngheo.so_ho_giam", 2024)]["value"] == 14
    assert "review" not in facts[("giam_ngheo.so_ho_giam", 2024)]  # no second reading to weigh it against


# --------------------------------------------------------------------------------------------------- poverty figures
# Households counted by the change they went through ("đến nay có 07 hộ thoát nghèo") are the year's change so far,
# not a stock; a result over its target ("giảm 35/40 hộ", "giảm 41 hộ nghèo/38 hộ") gives the target, and the rate in
# brackets after it is the share of the target; a result cell may repeat its row's verb ("giảm 52 hộ").


@pytest.mark.parametrize(
    "sentence, count, target, rate",
    [
        (
            "Chỉ tiêu huyện giao năm 2024 giảm 12 hộ nghèo. Đến nay có 07 (bảy) hộ thoát nghèo, đạt 58,3% kế hoạch.",
            7,
            12,
            58.3,
        ),
        ("Năm 2024 giảm 35/40 hộ nghèo (đạt 87,5%).", 35, 40, 87.5),
        ("Năm 2024 giảm 41 hộ nghèo/38 hộ theo chỉ tiêu huyện giao (đạt 107,9%).", 41, 38, 107.9),
    ],
)
def test_a_poverty_result_its_target_and_its_share(tmp_path, sentence, count, target, rate):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("giam_ngheo.so_ho_giam", 2024)] == count
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == target
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2024)] == pytest.approx(rate)


def test_a_result_cell_repeating_its_rows_verb(tmp_path):
    table = (
        "| Chỉ tiêu | Kế hoạch | Thực hiện | Đánh giá |\n|---|---|---|---|\n"
        "| Giảm hộ nghèo theo chuẩn nghèo tỉnh | 45 hộ | giảm 52 hộ | Vượt chỉ tiêu |\n"
    )
    got = _values(_draft(tmp_path, "Kết quả thực hiện chỉ tiêu năm 2024:\n\n" + table))
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 52
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 45


# --------------------------------------------------------------------------------------------------- totals and units
# "thôn, khu" is one unit of two settlement kinds; a total after the years counted ("qua 02 năm, tổng cộng 83 con") is
# the total of those years.


@pytest.mark.parametrize("kinds", ["thôn, khu", "khu, thôn"])
def test_two_settlement_kinds_named_as_one_unit(tmp_path, kinds):
    body = (
        f"Kết quả bình xét năm 2024: 16/16 {kinds} đạt danh hiệu văn hóa (100%); 15/16 {kinds} đạt tiêu chí “Khu dân cư "
        "6 không” (93,8%).\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 16
    assert got[("kdc.so_khu_6_khong", "as_of")] == 15


@pytest.mark.parametrize("lead", ["qua 02 năm, tổng cộng", "sau hai năm, tính chung"])
def test_a_total_after_the_years_counted_is_theirs(tmp_path, lead):
    body = f"Năm 2023 hỗ trợ 45 con bò giống cho hộ nghèo; năm 2024 hỗ trợ 38 con; {lead} 83 con bò giống.\n"
    got = _values(_draft(tmp_path, body))
    assert got[("ntm.ho_tro_bo_giong", 2023)] == 45
    assert got[("ntm.ho_tro_bo_giong", "2023-2024")] == 83


@pytest.mark.parametrize(
    "since", ["Lũy kế từ đầu Đề án (năm 2022) đến nay", "Tính từ đầu nhiệm kỳ thực hiện Kế hoạch (năm 2022) đến nay"]
)
def test_a_running_total_from_a_start_dated_in_brackets(tmp_path, since):
    body = f"{since}, xã có 07 mô hình “Dân vận khéo” được công nhận, vượt chỉ tiêu Kế hoạch đề ra.\n"
    got = _values(_draft(tmp_path, body))
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "2022-2024")] == 7
    assert not [k for k in got if k[0] == "dvk.mo_hinh"], got


# --------------------------------------------------------------------------------------------------- recognised by a decision
# A higher body's decision named first, then the unit it recognises ("UBND tỉnh ban hành Quyết định số … công nhận xã A
# đạt chuẩn nông thôn mới nâng cao"): the unit's level, with the decision; the same decision naming another commune is
# not this one's.


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 15/9/2024, UBND tỉnh ban hành Quyết định số 2314/QĐ-UBND công nhận xã Đông Quang đạt chuẩn nông thôn mới "
        "nâng cao năm 2024.",
        # a second writer: the city, "đã ban hành", the abbreviation
        "Ngày 28/10/2024, UBND Thành phố đã ban hành Quyết định số 5127/QĐ-UBND công nhận xã Đông Quang đạt chuẩn NTM "
        "nâng cao.",
    ],
)
def test_a_decision_named_first_recognises_the_unit(tmp_path, sentence):
    facts = {(f["indicator"], f["period"]): f for f in _draft(tmp_path, sentence + "\n")["facts"]}
    assert facts[("ntm_nc.cong_nhan", "as_of")]["value"] == "da_cong_nhan"
    assert facts[("ntm_nc.cong_nhan", "as_of")]["document"]["kind"] == "Quyết định"


def test_a_decision_recognising_another_commune_is_not_the_units(tmp_path):
    body = (
        "Ngày 15/9/2024, UBND tỉnh ban hành Quyết định số 2314/QĐ-UBND công nhận xã Sơn Hà đạt chuẩn nông thôn mới "
        "nâng cao.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert ("ntm_nc.cong_nhan", "as_of") not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã được thành lập trên cơ sở nhập xã Hành Phước Đông và xã Hành Thịnh Nam, có 21 thôn, 7.436 hộ.",
        # a second writer: the day it began, "hình thành", the make-up after it
        "Xã Đông Quang được hình thành từ ngày 01/7/2025 trên cơ sở sắp xếp ba xã cũ, có 21 thôn với 7.436 hộ.",
    ],
)
def test_the_make_up_after_how_the_unit_was_formed(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n" + CONTROL))
    assert got[("kdc.tong_so_khu", "as_of")] == 21


# --------------------------------------------------------------------------------------------------- learned from 32 and 34
# A paragraph that details the one before ("Trong đó, …", "Cụ thể, …") speaks of the set the one before named; criteria
# "được huyện kiểm tra, đánh giá đạt" are met.


@pytest.mark.parametrize(
    "detail",
    [
        "Trong đó, các tiêu chí Điện, Y tế đã đạt; tiêu chí Giao thông cơ bản đạt; các tiêu chí Thu nhập, Nghèo đa "
        "chiều chưa đạt.",
        # a second writer: "Cụ thể", assessed by the district
        "Cụ thể, các tiêu chí Điện, Y tế được huyện kiểm tra, đánh giá đạt; tiêu chí Giao thông cơ bản đạt; các tiêu "
        "chí Thu nhập, Nghèo đa chiều chưa đạt.",
    ],
)
def test_a_paragraph_detailing_the_sets_count(tmp_path, detail):
    body = "Rà soát theo bộ tiêu chí xã nông thôn mới nâng cao, xã tự đánh giá đạt 09/19 tiêu chí.\n\n" + detail + "\n"
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.tc04", "as_of")] == "dat"
    assert got[("ntm_nc.tc14", "as_of")] == "dat"
    assert got[("ntm_nc.tc02", "as_of")] == "co_ban_dat"
    assert got[("ntm_nc.tc10", "as_of")] == "chua_dat"


def test_the_same_detail_after_the_basic_set_gives_no_criterion(tmp_path):
    body = (
        "Xã duy trì 19/19 tiêu chí xã nông thôn mới.\n\nTrong đó, các tiêu chí Điện, Y tế đã đạt từ năm 2020.\n"
        + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert not [k for k in got if k[0].startswith("ntm_nc.tc")], got


# A table of years in rows may end on a row of the next year's plan ("Kế hoạch 2025 | ≥ 01 | …"): the years are read,
# the plan's row is not.


@pytest.mark.parametrize("plan_row", ["Kế hoạch 2025", "Chỉ tiêu năm 2025"])
def test_a_table_of_years_with_a_plan_row(tmp_path, plan_row):
    table = (
        "| Năm | Hộ thoát nghèo | Tỷ lệ hồ sơ trực tuyến | Tổ dân phố văn hóa |\n|---|---|---|---|\n"
        "| 2023 | 03 | 55,2% | 10/11 |\n| 2024 | 02 | 81,7% | 11/11 |\n"
        f"| {plan_row} | 02 | ≥ 85% | 11/11 |\n"
    )
    got = _values(_draft(tmp_path, "Kết quả qua các năm:\n\n" + table))
    assert got[("giam_ngheo.so_ho_giam", 2023)] == 3
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", 2023)] == pytest.approx(55.2)
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == pytest.approx(81.7)
    assert not [k for k in got if k[1] == 2025], got


@pytest.mark.parametrize(
    "sentence, whole",
    [
        ("Xã có 09 thôn, trong đó 02 thôn có đông đồng bào dân tộc thiểu số sinh sống.", 9),
        # a second writer: what the unit spans first, then its make-up
        ("Xã Đông Quang gồm các cụm dân cư ven biển và hai đảo nhỏ, có 14 thôn với khoảng 6.200 hộ.", 14),
    ],
)
def test_the_make_up_beside_a_part_or_after_what_the_unit_spans(tmp_path, sentence, whole):
    got = _values(_draft(tmp_path, sentence + "\n" + CONTROL))
    assert got[("kdc.tong_so_khu", "as_of")] == whole
    assert ("kdc.so_khu_van_hoa", "as_of") not in got  # a part with no title holds none


# Bullets of no list that go on naming documents of one kind are one enumeration, as items after "gồm:" are: "- Tiếp
# tục thực hiện Quy chế phối hợp số 12/… với A;" then "- Quy chế phối hợp số 13/… với B;".


@pytest.mark.parametrize("lead", ["Tiếp tục thực hiện", "Duy trì"])
def test_bullets_going_on_naming_documents_are_one_list(tmp_path, lead):
    body = (
        f"- {lead} Quy chế phối hợp số 12/QCPH ngày 15/3/2021 giữa UBND xã với Ủy ban MTTQ Việt Nam xã;\n"
        "- Quy chế phối hợp số 13/QCPH ngày 15/3/2021 với Hội Liên hiệp Phụ nữ xã;\n"
        "- Quy chế phối hợp số 14/QCPH ngày 18/3/2021 với Đoàn Thanh niên xã.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.so_quy_che_neu", "as_of")] == 3
    assert got[("dvcq.doi_tac_phoi_hop", "as_of")] == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Ủy ban MTTQ Việt Nam xã chủ trì lấy ý kiến Nhân dân 03 thôn về đồ án quy hoạch chung xã, tổng hợp 27 ý kiến.",
        # a second writer: the Front and the organisations give their opinion
        "Ủy ban MTTQ Việt Nam xã và các đoàn thể tham gia ý kiến đối với đồ án quy hoạch chi tiết khu dân cư phía Tây.",
    ],
)
def test_the_front_consulting_on_a_plan_takes_part_in_its_review(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("dtvm.tham_gia_phan_bien_quy_hoach", "as_of")] is True


def test_the_committee_consulting_alone_is_not_the_fronts_review(tmp_path):
    body = "UBND xã tổ chức lấy ý kiến Nhân dân về đồ án quy hoạch chung xã.\n" + CONTROL
    got = _values(_draft(tmp_path, body))
    assert ("dtvm.tham_gia_phan_bien_quy_hoach", "as_of") not in got


# --------------------------------------------------------------------------------------------------- a model described at length
# A model's description may run past a comma before it says what the model is of ("02 mô hình ủ phân hữu cơ từ vỏ cà
# phê, phế phụ phẩm nông nghiệp theo hướng kinh tế tuần hoàn"): its own description names it, to the clause's end,
# when no other model or figure stands between.


@pytest.mark.parametrize(
    "sentence, key, n",
    [
        (
            "Xã duy trì 02 mô hình ủ phân hữu cơ vi sinh từ vỏ cà phê, phế phụ phẩm nông nghiệp theo hướng kinh tế tuần "
            "hoàn tại thôn 5.",
            "van_dong.kinh_te_tuan_hoan.so_mo_hinh",
            2,
        ),
        # a second writer: a bullet, the crops first, climate adaptation last
        (
            "+ Xây dựng 02 mô hình trồng hồ tiêu hữu cơ, tưới nhỏ giọt thích ứng với biến đổi khí hậu tại thôn Hòa Bình.",
            "van_dong.nong_nghiep_bdkh.so_mo_hinh",
            2,
        ),
    ],
)
def test_a_model_described_at_length_is_of_what_its_description_names(tmp_path, sentence, key, n):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[(key, "as_of")] == n


def test_another_model_in_between_takes_the_description(tmp_path):
    body = (
        "Xã có 02 mô hình trồng rau an toàn, 01 mô hình ủ phân từ phế phụ phẩm theo hướng kinh tế tuần hoàn.\n"
        + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got.get(("van_dong.kinh_te_tuan_hoan.so_mo_hinh", "as_of")) in (None, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trước sắp xếp, tỷ lệ hồ sơ trực tuyến của quận Bình Khê đạt 79,4%.",
        # a second writer: a subset set apart by "riêng"
        "Bộ phận một cửa tiếp nhận 1.742 hồ sơ; riêng hồ sơ trực tuyến toàn trình đạt 34,8%.",
    ],
)
def test_a_rate_of_a_higher_unit_or_of_a_subset_is_not_the_communes(tmp_path, sentence):
    table = (
        "| STT | Nội dung chỉ tiêu | ĐVT | Kế hoạch | Kết quả |\n|---|---|---|---|---|\n"
        "| 1 | Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến | % | 60 | 76,5 |\n"
    )
    got = _values(_draft(tmp_path, "Kết quả năm 2024:\n\n" + table + "\n" + sentence + "\n"))
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == pytest.approx(76.5)


@pytest.mark.parametrize(
    "since", ["tính gộp từ khi triển khai phong trào năm 2021 đến nay", "kể từ khi thực hiện Đề án năm 2021 đến nay"]
)
def test_a_running_total_from_a_start_whose_year_is_written_out(tmp_path, since):
    body = f"Như vậy, {since}, xã có tất cả 06 mô hình “Dân vận khéo” còn duy trì hoạt động.\n"
    got = _values(_draft(tmp_path, body))
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "2021-2024")] == 6


# --------------------------------------------------------------------------------------------------- stated again
# The assessment section may state the dossier's stage again, differently ("Tồn tại: hồ sơ … còn phải bổ sung, hoàn
# thiện theo ý kiến của Đoàn thẩm định"): kept for comparison (`ntm_nc.cong_nhan_doi_chieu`), the results' stage
# staying the fact; "xã chưa được công nhận" there is no other stage, only not there yet.

RESULTS_NTM = (
    "3. Nông thôn mới nâng cao\n\nNgày 15/10/2024, UBND xã có Tờ trình số 142/TTr-UBND đề nghị UBND huyện thẩm định, "
    "xét công nhận xã đạt chuẩn nông thôn mới nâng cao.\n\nII. ĐÁNH GIÁ CHUNG\n\n2. Tồn tại, hạn chế\n\n"
)


@pytest.mark.parametrize(
    "again",
    [
        "- Hồ sơ đề nghị công nhận xã nông thôn mới nâng cao còn phải bổ sung, hoàn thiện theo ý kiến của Đoàn thẩm định.",
        # a second writer: "đang được", no bullet
        "Hồ sơ đề nghị công nhận nông thôn mới nâng cao hiện đang được bổ sung, hoàn thiện.",
    ],
)
def test_the_stage_stated_again_in_the_assessment_is_kept_for_comparison(tmp_path, again):
    got = _values(_draft(tmp_path, RESULTS_NTM + again + "\n"))
    assert got[("ntm_nc.cong_nhan", "as_of")] == "da_trinh_tham_dinh"
    assert got[("ntm_nc.cong_nhan_doi_chieu", "as_of")] == "dang_hoan_thien_ho_so"


def test_not_recognised_yet_in_the_assessment_is_no_other_stage(tmp_path):
    again = "- Xã chưa được công nhận đạt chuẩn nông thôn mới nâng cao như mục tiêu Đề án đề ra.\n"
    got = _values(_draft(tmp_path, RESULTS_NTM + again))
    assert got[("ntm_nc.cong_nhan", "as_of")] == "da_trinh_tham_dinh"
    assert ("ntm_nc.cong_nhan_doi_chieu", "as_of") not in got
