"""Rules of the genre learned from held-out sets 5 and 6 once they were retired (BENCHMARKS.md "Round 7"), each tested
on sentences written here — other communes, other kinds of settlement, other wording — through the real `facts
extract`. Precision first: where a reading is doubtful, nothing is drafted or the draft is marked for review."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from test_grammar_forms import FIRST, _draft, _values


def _facts(tmp_path, body: str) -> dict:
    """The drafted facts by (indicator, period), with their quotes, lines and items."""
    return {(f["indicator"], f["period"]): f for f in _draft(tmp_path, body)["facts"]}


# --------------------------------------------------------------------------------------------------- the bình xét year
# The lead's decision (2026-11-28): a figure stated for a named year is that year's fact, even a year before the
# report's own; the state at the report's date (as_of) is only what the report says holds now.


@pytest.mark.parametrize(
    "sentence, part, whole",
    [
        ("Kết quả bình xét năm 2023: 14/16 bản đạt danh hiệu “Bản văn hóa”.", 14, 16),
        ("Theo kết quả bình xét năm 2023, có 09 trên tổng số 11 buôn được công nhận buôn văn hóa.", 9, 11),
        ("Năm 2023, xã có 7/8 xóm được công nhận danh hiệu xóm văn hóa.", 7, 8),
        ("Làng đạt danh hiệu làng văn hóa: 12/13 làng (kết quả bình xét năm 2023).", 12, 13),
    ],
)
def test_a_title_awarded_in_an_earlier_named_year_is_that_years_fact_not_the_state_now(tmp_path, sentence, part, whole):
    got = _values(_draft(tmp_path, sentence + "\n"))  # the report is of 2024 (HEAD)
    assert got.get(("kdc.so_khu_van_hoa", 2023)) == part
    assert got.get(("kdc.tong_so_khu", 2023)) == whole
    assert ("kdc.so_khu_van_hoa", "as_of") not in got
    assert ("kdc.tong_so_khu", "as_of") not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Kết quả bình xét năm 2024, toàn xã có 15/17 thôn đạt danh hiệu thôn văn hóa.",  # the report's own year
        "Hiện nay, 15/17 thôn giữ vững danh hiệu “Thôn văn hóa”.",  # no year: what holds now
        "Xã đạt chuẩn nông thôn mới năm 2019, hiện có 15/17 thôn đạt danh hiệu thôn văn hóa.",  # "hiện" after a year
        "Đến nay, số thôn đạt danh hiệu thôn văn hóa là 15/17 thôn (kết quả bình xét năm 2023).",  # "đến nay" first
    ],
)
def test_what_the_report_says_holds_now_is_the_state_at_its_date(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got.get(("kdc.so_khu_van_hoa", "as_of")) == 15
    assert got.get(("kdc.tong_so_khu", "as_of")) == 17
    assert not [k for k in got if k[0].startswith("kdc.") and k[1] != "as_of"]


def test_two_years_of_the_title_in_one_sentence_each_keep_their_year(tmp_path):
    body = "Năm 2023 có 10/12 khóm đạt danh hiệu khóm văn hóa; năm 2024 có 11/12 khóm đạt danh hiệu khóm văn hóa.\n"
    got = _values(_draft(tmp_path, body))
    assert got[("kdc.so_khu_van_hoa", 2023)] == 10
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 11


@pytest.mark.parametrize(
    "body",
    [
        "Mặt trận Tổ quốc xã tham gia góp ý, phản biện đồ án quy hoạch chung xã đến năm 2035.\n",
        "Ủy ban MTTQ Việt Nam phường tham gia phản biện xã hội đối với quy hoạch phân khu, tầm nhìn đến năm 2040.\n",
    ],
)
def test_a_plans_horizon_year_is_not_the_year_of_an_act(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got == {("dtvm.tham_gia_phan_bien_quy_hoach", "as_of"): True}


def test_a_state_said_of_every_year_is_the_state_now(tmp_path):
    body = "Hằng năm, Ủy ban nhân dân xã đều ban hành kế hoạch tuyên truyền, hướng dẫn xây dựng đô thị văn minh.\n"
    got = _values(_draft(tmp_path, body))
    assert got == {("dtvm.ke_hoach_tuyen_truyen", "as_of"): True}


def test_a_count_for_a_year_to_come_is_still_no_fact(tmp_path):
    body = "Năm 2024, xã giảm được 03 hộ nghèo; phấn đấu đến năm 2025 có 17/17 thôn đạt danh hiệu thôn văn hóa.\n"
    got = _values(_draft(tmp_path, body))
    assert got == {("giam_ngheo.so_ho_giam", 2024): 3}


# --------------------------------------------------------------------------------------------------- the make-up


@pytest.mark.parametrize(
    "sentence, whole",
    [
        ("Xã có diện tích tự nhiên 2.315 ha, 14 thôn, 3.102 hộ với 12.840 nhân khẩu.", 14),
        ("Phường có tổng diện tích 4,8 km2, 5.120 hộ, 17 tổ dân phố.", 17),
        ("c) Thôn văn hóa: Xã có 09 bản; bản Nà Hin chưa được công nhận.", 9),
    ],
)
def test_the_units_make_up_listed_with_its_area_and_people_gives_the_whole(tmp_path, sentence, whole):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got.get(("kdc.tong_so_khu", "as_of")) == whole


def test_households_of_the_make_up_are_no_settlements(tmp_path):
    got = _values(_draft(tmp_path, "Xã có 3.102 hộ, 12.840 nhân khẩu; năm 2024 giảm được 05 hộ nghèo.\n"))
    assert got == {("giam_ngheo.so_ho_giam", 2024): 5}


# --------------------------------------------------------------------------------------------------- where a quote is


def test_a_quote_that_begins_a_line_before_its_figure_cites_the_line_it_begins_on(tmp_path):
    # a hard-wrapped paragraph: "(năm 2023" ends one line, its document is on the next
    body = (
        "Hằng năm, Ủy ban nhân dân xã đều ban hành kế hoạch công tác dân vận chính quyền từ đầu năm (năm 2023\n"
        "là Kế hoạch số 09/KH-UBND ngày 12/01/2023, năm 2024 là Kế hoạch số 05/KH-UBND ngày 15/01/2024).\n"
    )
    facts = _facts(tmp_path, body)
    first = facts[("dvcq.ke_hoach_nam", 2023)]["source"]
    assert first["quote"].startswith("năm 2023")
    assert first["line"] == FIRST  # the line "năm 2023" is on, not the next one
    report = tmp_path / "bao-cao.txt"
    run = run_cli("check", str(report), "--allow-unreviewed")
    assert "quote-mismatch" not in run.err
    assert run.code in (0, 1), run.err


# --------------------------------------------------------------------------------------------------- spans and years


@pytest.mark.parametrize(
    "lead",
    [
        "Giai đoạn 2022 - 2024, toàn xã đã xây dựng và được công nhận 05 mô hình “Dân vận khéo”",
        "Lũy kế năm 2022 - 2024, xã đã công nhận 05 mô hình “Dân vận khéo”",
    ],
)
def test_a_spans_total_broken_down_by_year_after_trong_do_gives_each_years_count(tmp_path, lead):
    body = lead + "; trong đó năm 2022 có 02 mô hình, năm 2023 có 01 mô hình, năm 2024 có 02 mô hình.\n"
    got = _values(_draft(tmp_path, body))
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "2022-2024")] == 5
    assert (got[("dvk.mo_hinh", 2022)], got[("dvk.mo_hinh", 2023)], got[("dvk.mo_hinh", 2024)]) == (2, 1, 2)
    assert not [k for k in got if k[0] == "dvk.mo_hinh" and k[1] not in (2022, 2023, 2024)]


def test_the_yearly_count_quotes_its_own_years_label(tmp_path):
    body = "Giai đoạn 2022 - 2024, xã đã công nhận 04 mô hình “Dân vận khéo”, trong đó năm 2023 có 01 mô hình, năm 2024 có 03 mô hình.\n"
    facts = _facts(tmp_path, body)
    assert facts[("dvk.mo_hinh", 2023)]["source"]["quote"] == "năm 2023 có 01 mô hình"
    assert facts[("dvk.mo_hinh", 2024)]["source"]["quote"] == "năm 2024 có 03 mô hình"


def test_a_count_since_a_merged_unit_was_formed_is_that_years(tmp_path):
    head = (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 41/BC-UBND\n\nHòa Bình, ngày 10 tháng 12 năm 2025\n\nBÁO CÁO\n\n"
        "Kết quả công tác dân vận năm 2025\n\n"
        "Xã Hòa Bình được thành lập trên cơ sở nhập xã Hòa An và xã Bình Thạnh, chính thức hoạt động từ ngày "
        "01/7/2025.\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
    )
    body = "Từ khi thành lập đến nay, UBND xã Hòa Bình đã công nhận 02 mô hình “Dân vận khéo”.\n"
    got = _values(_draft(tmp_path, body, head=head))
    assert got == {("dvk.mo_hinh", 2025): 2}  # a span of one year is no span: no total over the span


@pytest.mark.parametrize(
    "body, year",
    [
        (  # the span is what is reviewed; the day is when
            "Hội nghị sơ kết phong trào thi đua “Dân vận khéo” giai đoạn 2021 - 2024 của xã được tổ chức ngày "
            "22/11/2024, khen thưởng 05 tập thể.\n",
            2024,
        ),
        ("Phường đã tổ chức sơ kết phong trào thi đua Dân vận khéo vào tháng 10/2023.\n", 2023),
    ],
)
def test_an_act_done_on_a_day_takes_that_days_year(tmp_path, body, year):
    got = _values(_draft(tmp_path, body))
    assert got == {("dvk.so_ket_phong_trao", year): True}


def test_a_sentence_opening_on_a_count_of_months_is_no_heading_of_what_follows(tmp_path):
    # "9 tháng đầu năm 2024, …:" had been taken for a numbered heading, and its words for those of the next section
    body = (
        "**3.2. Mô hình “Dân vận khéo”**\n\n"
        "9 tháng đầu năm 2024, UBND xã đã công nhận 02 mô hình “Dân vận khéo”:\n"
        "- “Đường làng sáng, xanh” của thôn 2;\n- “Tổ hòa giải giỏi” của thôn 4.\n\n"
        "**3.3. Công tác giảm nghèo**\n\n"
        "Huyện giao năm 2024 giảm 06 hộ nghèo. Chín tháng đầu năm, xã đã giảm 03/06 hộ nghèo, đạt 50% chỉ tiêu.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert ("dvk.ty_le_dat_bao_cao", 2024) not in got
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2024)] == 50


def test_an_emulation_clusters_models_are_not_the_units(tmp_path):
    body = (
        "Năm 2024, xã công nhận 02 mô hình “Dân vận khéo”. Khối thi đua các xã phía Nam có 17 mô hình “Dân vận "
        "khéo” được công nhận trong giai đoạn 2021 - 2024.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got == {("dvk.mo_hinh", 2024): 2}


# --------------------------------------------------------------------------------------------------- targets


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("Huyện giao chỉ tiêu năm 2024 giảm 09 hộ nghèo.", 9),
        ("Thành phố giao năm 2024 giảm 03 hộ nghèo cho phường.", 3),
        ("Chỉ tiêu tỉnh giao năm 2024 cho xã Đông Quang là giảm 21 hộ nghèo.", 21),
        ("UBND huyện giao chỉ tiêu năm 2024 giảm 07 hộ nghèo.", 7),
        ("Năm 2024, huyện giao xã giảm 05 hộ nghèo.", 5),  # the unit right after "giao"
        ("Thị xã giao xã năm 2024 giảm 04 hộ nghèo.", 4),
    ],
)
def test_a_target_stated_by_the_level_that_gives_it_is_the_target_not_a_result(tmp_path, sentence, target):
    got = _values(_draft(tmp_path, sentence + " Năm 2024, xã đã giảm được 02 hộ nghèo.\n"))
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == target
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 2


def test_a_plans_own_target_is_still_no_fact(tmp_path):
    body = "Kế hoạch đề ra chỉ tiêu năm 2025 có 03 mô hình “Dân vận khéo”. Năm 2024, xã giảm được 04 hộ nghèo.\n"
    got = _values(_draft(tmp_path, body))
    assert got == {("giam_ngheo.so_ho_giam", 2024): 4}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kết quả giảm nghèo năm 2023 của xã là 12/10 hộ, vượt chỉ tiêu huyện giao.",
        "Năm 2023, kết quả giảm nghèo đạt 12/10 hộ, hoàn thành chỉ tiêu được giao.",
    ],
)
def test_households_against_their_target_as_a_ratio_give_both(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("giam_ngheo.so_ho_giam", 2023)] == 12
    assert got[("giam_ngheo.chi_tieu_giao", 2023)] == 10


def test_settlements_against_a_target_stay_part_and_whole(tmp_path):
    got = _values(_draft(tmp_path, "Năm 2024 có 9/10 thôn đạt danh hiệu thôn văn hóa, đạt chỉ tiêu đề ra.\n"))
    assert (got[("kdc.so_khu_van_hoa", "as_of")], got[("kdc.tong_so_khu", "as_of")]) == (9, 10)


def test_the_list_after_a_colon_names_the_models_of_the_last_count_before_it(tmp_path):
    body = (
        "Giai đoạn 2023 - 2024, xã đã công nhận 03 mô hình “Dân vận khéo”, trong đó năm 2023 có 01 mô hình, năm "
        "2024 có 02 mô hình:\n"
        "- Mô hình “Chợ quê an toàn” (Quyết định số 21/QĐ-UBND ngày 04/3/2024);\n"
        "- Mô hình “Dòng họ hiếu học” (Quyết định số 77/QĐ-UBND ngày 19/8/2024).\n"
    )
    facts = _facts(tmp_path, body)
    assert len(facts[("dvk.mo_hinh", 2023)]["items"]) == 1
    assert "không nêu tên" in facts[("dvk.mo_hinh", 2023)]["items"][0]["name"]
    assert [i["name"] for i in facts[("dvk.mo_hinh", 2024)]["items"]] == ["Chợ quê an toàn", "Dòng họ hiếu học"]


# --------------------------------------------------------------------------------------------------- the report's year


def test_a_yearly_reports_cumulative_figure_does_not_widen_the_year_it_reports_on(tmp_path):
    # the title says "năm 2024"; "Lũy kế từ năm 2021 …" in the body is a stock, and "hằng năm … đều" is 2024's act
    body = (
        "Lũy kế từ năm 2021 đến nay, xã có 06 mô hình “Dân vận khéo”.\n\n"
        "Hằng năm, UBND xã đều ký kết giao ước thi đua với Ủy ban MTTQ Việt Nam xã; năm 2024 ký ngày 12/3/2024.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.giao_uoc_thi_dua", 2024)] is True
    assert not [k for k in got if k[0] == "dvcq.giao_uoc_thi_dua" and k[1] != 2024]


# --------------------------------------------------------------------------------------------------- look-alikes


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã đạt chuẩn nông thôn mới năm 2017 và giữ vững 19/19 tiêu chí nông thôn mới.",
        "Năm 2024, xã tiếp tục duy trì 19/19 tiêu chí xã đạt chuẩn nông thôn mới.",
    ],
)
def test_the_basic_sets_criteria_are_no_count_of_the_advanced_sets(tmp_path, sentence):
    body = "5. Xây dựng nông thôn mới nâng cao\n\n" + sentence + " Năm 2024, xã giảm được 02 hộ nghèo.\n"
    got = _values(_draft(tmp_path, body))
    assert not [k for k in got if k[0].startswith("ntm_nc.")]


def test_the_advanced_sets_own_name_runs_on_from_the_basic_sets_and_is_read(tmp_path):
    got = _values(_draft(tmp_path, "Đến nay, xã đạt 16/19 tiêu chí xã nông thôn mới nâng cao.\n"))
    assert got[("ntm_nc.so_tieu_chi_dat", "as_of")] == 16


# --------------------------------------------------------------------------------------------------- tables


def test_a_two_column_markdown_table_of_results_is_read_row_by_row(tmp_path):
    body = (
        "### 3. Thôn văn hóa, khu dân cư \"6 không\", dịch vụ công\n\n"
        "| Chỉ số | Kết quả đến 31/10/2024 |\n"
        "|---|---|\n"
        "| Thôn đạt danh hiệu thôn văn hóa | 11/12 thôn (đạt 91,7%) |\n"
        "| Thôn đạt tiêu chí \"Khu dân cư 6 không\" | 08 thôn |\n"
        "| Thôn văn hóa năm 2023 (để so sánh) | 10/12 |\n"
        "| Tỷ lệ hồ sơ tiếp nhận và giải quyết trực tuyến | 76,4% |\n"
    )
    got = _values(_draft(tmp_path, body))
    assert (got[("kdc.so_khu_van_hoa", "as_of")], got[("kdc.tong_so_khu", "as_of")]) == (11, 12)
    assert got[("kdc.so_khu_6_khong", "as_of")] == 8
    assert (got[("kdc.so_khu_van_hoa", 2023)], got[("kdc.tong_so_khu", 2023)]) == (10, 12)  # the label's year
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == 76.4


def test_the_header_block_in_two_columns_is_still_no_table_of_results(tmp_path):
    head = (
        "| ỦY BAN NHÂN DÂN XÃ ĐÔNG QUANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
        "| Số: 77/BC-UBND | Đông Quang, ngày 18 tháng 12 năm 2024 |\n\nBÁO CÁO\n\n"
        "Kết quả thực hiện công tác dân vận năm 2024\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
    )
    draft = _draft(tmp_path, "Năm 2024, xã giảm được 03 hộ nghèo.\n", head=head)
    assert draft["commune"]["name"] == "xã Đông Quang"
    assert _values(draft) == {("giam_ngheo.so_ho_giam", 2024): 3}


def test_a_band_across_a_table_is_a_sub_heading_not_a_header_row(tmp_path):
    # a Word table's merged row reads as the same words in every cell
    band = "| II. Chỉ tiêu kinh tế - xã hội | II. Chỉ tiêu kinh tế - xã hội | II. Chỉ tiêu kinh tế - xã hội | II. Chỉ tiêu kinh tế - xã hội | II. Chỉ tiêu kinh tế - xã hội |\n"
    body = (
        "| TT | Nội dung | ĐVT | Chỉ tiêu giao | Kết quả |\n|---|---|---|---|---|\n"
        + band
        + "| 1 | Giảm hộ nghèo | hộ | 06 | 07 |\n"
        "| 2 | Thôn đạt danh hiệu “Thôn văn hóa” | thôn | 12 | 11 |\n"
    )
    got = _values(_draft(tmp_path, body))
    assert (got[("giam_ngheo.chi_tieu_giao", 2024)], got[("giam_ngheo.so_ho_giam", 2024)]) == (6, 7)
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 11


# --------------------------------------------------------------------------------------------------- denied acts


@pytest.mark.parametrize(
    "sentence",
    [
        "Trong năm, cấp trên không mở lớp tập huấn công tác dân vận nên xã chưa cử cán bộ tham gia.",
        "Năm 2024 huyện không tổ chức lớp bồi dưỡng nghiệp vụ dân vận, xã không cử công chức nào tham dự.",
    ],
)
def test_an_act_denied_after_its_training_is_named_is_not_done(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got == {("dvcq.cu_can_bo_tap_huan", 2024): False}


def test_the_training_named_first_and_officials_sent_is_done(tmp_path):
    got = _values(_draft(tmp_path, "Huyện mở lớp bồi dưỡng công tác dân vận, xã đã cử 02 công chức tham dự.\n"))
    assert got == {("dvcq.cu_can_bo_tap_huan", 2024): True}


@pytest.mark.parametrize("denial", ["năm 2024 không tổ chức sơ kết", "năm 2024 xã chưa sơ kết"])
def test_a_review_denied_for_another_year_with_its_object_left_out(tmp_path, denial):
    body = f"Xã đã tổ chức sơ kết phong trào thi đua “Dân vận khéo” vào tháng 12/2023; {denial}.\n"
    got = _values(_draft(tmp_path, body))
    assert got == {("dvk.so_ket_phong_trao", 2023): True, ("dvk.so_ket_phong_trao", 2024): False}


# --------------------------------------------------------------------------------------------------- cattle


@pytest.mark.parametrize(
    "body, span, total",
    [
        ("Năm 2024 hỗ trợ 12 con bò giống cho hộ nghèo; lũy kế 2023 - 2024 hỗ trợ 20 con.\n", "2023-2024", 20),
        (
            "Năm 2024, xã đã hỗ trợ 12 con bò giống sinh sản. Lũy kế từ năm 2022 đến nay, tổng số bò giống đã hỗ trợ "
            "là 31 con.\n",
            "2022-2024",
            31,
        ),
    ],
)
def test_cattle_over_a_span_with_the_classifier_alone(tmp_path, body, span, total):
    got = _values(_draft(tmp_path, body))
    assert got == {("ntm.ho_tro_bo_giong", 2024): 12, ("ntm.ho_tro_bo_giong", span): total}


def test_other_livestock_with_the_classifier_alone_is_no_cattle(tmp_path):
    body = "Năm 2024, xã hỗ trợ 12 con bò giống; lũy kế 2023 - 2024 hỗ trợ 30 con lợn giống.\n"
    got = _values(_draft(tmp_path, body))
    assert got == {("ntm.ho_tro_bo_giong", 2024): 12}


# --------------------------------------------------------------------------------------------------- regulations


def test_an_unnumbered_regulation_signed_by_the_unit_as_subject_and_its_partners(tmp_path):
    body = (
        "UBND xã đã ký và duy trì quy chế phối hợp công tác với Ủy ban MTTQ Việt Nam xã, Hội Cựu chiến binh và "
        "Hội Nông dân xã; định kỳ 6 tháng giao ban.\n"
    )
    facts = _facts(tmp_path, body)
    assert facts[("dvcq.quy_che_phoi_hop", "as_of")]["value"] is True
    names = [i["name"] for i in facts[("dvcq.doi_tac_phoi_hop", "as_of")]["items"]]
    assert names == ["Ủy ban MTTQ Việt Nam xã", "Hội Cựu chiến binh", "Hội Nông dân xã"]
    assert ("dvcq.so_quy_che_neu", "as_of") not in facts  # none is numbered


def test_the_partner_after_giua_the_units_body_and(tmp_path):
    body = "Tiếp tục thực hiện Quy chế phối hợp số 02/QC-UBND-MTTQ ngày 18/9/2024 giữa UBND xã và Ủy ban MTTQ Việt Nam xã.\n"
    facts = _facts(tmp_path, body)
    assert [i["name"] for i in facts[("dvcq.doi_tac_phoi_hop", "as_of")]["items"]] == ["Ủy ban MTTQ Việt Nam xã"]


# --------------------------------------------------------------------------------------------------- merged units


MERGED = (
    "ỦY BAN NHÂN DÂN\nXÃ AN HÒA ĐÔNG\nSố: 12/BC-UBND\n\nAn Hòa Đông, ngày 12 tháng 12 năm 2025\n\nBÁO CÁO\n\n"
    "Kết quả công tác dân vận năm 2025\n\n"
    "Xã An Hòa Đông được thành lập trên cơ sở nhập xã An Hòa, xã Long Điền và xã Mỹ Lợi; chính thức hoạt động từ "
    "ngày 01/7/2025. Số liệu trong báo cáo tính đến ngày 30/11/2025.\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
)


def test_a_figures_cut_off_said_in_the_opening_is_the_as_of_date(tmp_path):
    draft = _draft(tmp_path, "Năm 2025, xã giảm được 05 hộ nghèo.\n", head=MERGED)
    assert str(draft["report"]["as_of"]) == "2025-11-30"


def test_a_predecessor_whose_name_begins_the_units_own_is_not_the_unit_spoken_of(tmp_path):
    body = (
        "Chỉ tiêu tỉnh giao năm 2025 cho xã An Hòa Đông (tổng hợp chỉ tiêu của 03 xã cũ) là giảm 20 hộ nghèo. Kết "
        "quả cả năm giảm được 21 hộ nghèo.\n"
    )
    got = _values(_draft(tmp_path, body, head=MERGED))
    assert got[("giam_ngheo.chi_tieu_giao", 2025)] == 20
    assert got[("giam_ngheo.so_ho_giam", 2025)] == 21


def test_a_predecessors_own_figure_is_still_another_units(tmp_path):
    body = "Trước sắp xếp, xã An Hòa giảm 04 hộ nghèo. Năm 2025, xã An Hòa Đông giảm được 09 hộ nghèo.\n"
    got = _values(_draft(tmp_path, body, head=MERGED))
    assert got == {("giam_ngheo.so_ho_giam", 2025): 9}


# --------------------------------------------------------------------------------------------------- what check makes of it


@pytest.mark.parametrize("period, status", [("as_of", "met"), (2023, "insufficient_data")])
def test_an_earlier_years_bình_xét_is_not_read_as_the_state_of_the_audit(tmp_path, period, status):
    # the seed's facts with its khu dân cư văn hóa figures stated for 2023 (a 2024 audit): the rule reads the state
    import yaml

    from conftest import ROOT

    doc = yaml.safe_load((ROOT / "facts" / "tinh-an" / "bao-cao-2024.yaml").read_text(encoding="utf-8"))
    for f in doc["facts"]:
        if f["indicator"] in ("kdc.so_khu_van_hoa", "kdc.tong_so_khu"):
            f["period"] = period
    facts = tmp_path / "bao-cao-2024.yaml"
    facts.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    run = run_cli("check", str(facts), "--format", "json", "--rule", "khu-dan-cu-van-hoa")
    found = {f["rule_id"]: f for f in json.loads(run.out)["findings"]}
    assert found["khu-dan-cu-van-hoa"]["status"] == status
    if status == "insufficient_data":  # the finding says which period the report did give, for the auditor to ask
        said = [n for n in found["khu-dan-cu-van-hoa"]["notes"] if n.startswith("Báo cáo nêu số khu dân cư")]
        assert said and said[0].endswith(f"năm {period}, nhưng chưa nêu số liệu tại thời điểm báo cáo."), said


# --------------------------------------------------------------------------------------------------- guesses refused


def test_the_result_of_a_target_is_no_target(tmp_path):
    got = _values(_draft(tmp_path, "Kết quả thực hiện chỉ tiêu năm 2024: giảm 05 hộ nghèo.\n"))
    assert got == {("giam_ngheo.so_ho_giam", 2024): 5}


def test_thuc_hien_is_no_hien_that_says_what_holds_now(tmp_path):
    got = _values(_draft(tmp_path, "Năm 2023, xã thực hiện bình xét có 10/12 thôn đạt danh hiệu thôn văn hóa.\n"))
    assert (got[("kdc.so_khu_van_hoa", 2023)], got[("kdc.tong_so_khu", 2023)]) == (10, 12)


def test_a_merger_of_unknown_date_gives_no_span_since_it_was_formed(tmp_path):
    head = MERGED.replace(" chính thức hoạt động từ ngày 01/7/2025.", "").replace(
        "ngày 12 tháng 12 năm 2025", "ngày 12 tháng 12 năm 2026"
    )
    head = head.replace("năm 2025\n\nXã", "năm 2026\n\nXã").replace("30/11/2025", "30/11/2026")
    body = "Từ khi thành lập đến nay, xã đã công nhận 05 mô hình “Dân vận khéo”. Năm 2026, xã giảm 03 hộ nghèo.\n"
    got = _values(_draft(tmp_path, body, head=head))
    assert not [k for k in got if k[0].startswith("dvk.")]


def test_another_years_results_column_beside_this_years_is_that_years(tmp_path):
    body = (
        "| STT | Chỉ tiêu | ĐVT | Chỉ tiêu giao năm 2024 | Ước thực hiện năm 2024 | So với chỉ tiêu (%) | Kết quả năm 2023 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | Số hộ nghèo giảm | hộ | 05 | 06 | 120 | 04 |\n"
        "| 2 | Thôn đạt danh hiệu “Thôn văn hóa” | thôn | 12/12 | chưa bình xét | – | 11/12 |\n"
    )
    got = _values(_draft(tmp_path, body))
    assert (got[("giam_ngheo.so_ho_giam", 2024)], got[("giam_ngheo.so_ho_giam", 2023)]) == (6, 4)
    assert (got[("kdc.so_khu_van_hoa", 2023)], got[("kdc.tong_so_khu", 2023)]) == (11, 12)
    assert ("kdc.so_khu_van_hoa", "as_of") not in got  # this year's title is not yet assessed
