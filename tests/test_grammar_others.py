"""Rules of the genre learned from reports written by people who never read the intake (the two retired held-out
sets, BENCHMARKS.md "Round 5"), each tested on sentences written here — other units, other wording, other years —
through the real `facts extract`. Precision first: where a reading is doubtful, nothing is drafted."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_grammar_forms import _draft, _values

# a ward's report for the first nine months of 2024, dated in October
HEAD_9 = """ỦY BAN NHÂN DÂN
PHƯỜNG TÂN AN
Số: 41/BC-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Tân An, ngày 08 tháng 10 năm 2024

BÁO CÁO

Kết quả công tác dân vận 9 tháng đầu năm 2024

I. KẾT QUẢ THỰC HIỆN

"""


# --------------------------------------------------------------------------------------------------- whose figure


def test_the_units_a_merged_one_was_formed_from_counted_or_called_former_are_other_units(tmp_path):
    body = (
        "Năm 2024, ba thôn đã xây dựng 02 mô hình “Dân vận khéo”; năm 2023, hai xã cũ có 05 mô hình “Dân vận "
        "khéo” được công nhận.\n\n"
        "Quý I/2024, ba xã cũ đã ký kết giao ước thi đua với Mặt trận và các đoàn thể.\n\n"
        "Năm 2024 (tính cả số liệu của 02 xã trước sắp xếp), toàn xã giảm được 09 hộ nghèo.\n\n"
        "Trước khi sắp xếp, xã cũ giảm 04 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("dvk.mo_hinh", 2024): 2,  # "ba thôn" are the commune's own hamlets; "hai xã cũ" are not the commune
        ("giam_ngheo.so_ho_giam", 2024): 9,  # the commune, its predecessors named only in an aside
    }


def test_some_months_of_a_past_year_are_no_count_of_that_year(tmp_path):
    body = (
        "Số hộ nghèo giảm 04/06 hộ theo chỉ tiêu huyện giao, đạt 66,7% (6 tháng đầu năm 2023 giảm 02 hộ).\n\n"
        "Quý III năm 2023 xã công nhận 01 mô hình “Dân vận khéo”; cả năm 2023 xã công nhận 03 mô hình “Dân vận "
        "khéo”.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got == {
        ("giam_ngheo.so_ho_giam", 2024): 4,
        ("giam_ngheo.chi_tieu_giao", 2024): 6,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 66.7,
        ("dvk.mo_hinh", 2023): 3,  # the whole year, not its third quarter
    }


# --------------------------------------------------------------------------------------------------- acts


def test_an_act_named_first_and_its_predicate_after_intended_denied_or_later_than_the_report(tmp_path):
    body = (
        "Việc tổng hợp, sơ kết Phong trào thi đua “Dân vận khéo” sẽ tiến hành trong quý IV.\n\n"
        "Công tác ký kết giao ước thi đua năm 2024 chưa thực hiện do đang chờ kiện toàn Ban Chấp hành các đoàn "
        "thể.\n\n"
        "Mặt trận phường chưa được mời tham gia phản biện quy hoạch chi tiết khu dân cư mới.\n"
    )
    draft = _draft(tmp_path, body, head=HEAD_9)
    assert _values(draft) == {
        ("dvcq.giao_uoc_thi_dua", 2024): False,
        ("dtvm.tham_gia_phan_bien_quy_hoach", "as_of"): False,  # invited by no one: not done
    }
    quotes = {f["indicator"]: f["source"]["quote"] for f in draft["facts"]}
    assert quotes["dvcq.giao_uoc_thi_dua"].endswith("chưa thực hiện")  # the quote shows the denial


def test_an_act_named_first_and_held_in_a_quarter_after_the_reports_date_is_not_done(tmp_path):
    body = (
        "Sau khi hợp nhất, việc ký kết giao ước thi đua của phường được đưa vào hội nghị triển khai nhiệm vụ quý "
        "IV năm 2024.\n\n"
        "Việc sơ kết Phong trào thi đua “Dân vận khéo” được tổ chức vào tháng 8/2024.\n"
    )
    assert _values(_draft(tmp_path, body, head=HEAD_9)) == {
        ("dvk.so_ket_phong_trao", 2024): True,  # August is before the report's 30 September
    }


# --------------------------------------------------------------------------------------------------- lists


def test_a_list_belongs_to_the_sentence_that_opens_it_not_to_the_sentence_before(tmp_path):
    body = (
        "Năm 2023, xã thành lập 01 mô hình “Dân vận khéo”. Năm 2024, xã thành lập và công nhận 02 mô hình, cụ "
        "thể:\n\n"
        "- Mô hình “Tổ phụ nữ giữ gìn đường làng” thôn Hạ (Quyết định số 18/QĐ-UBND ngày 02/4/2024);\n\n"
        "- Mô hình “Dòng họ khuyến học” thôn Thượng (Quyết định số 95/QĐ-UBND ngày 11/9/2024).\n"
    )
    facts = {(f["indicator"], f["period"]): f for f in _draft(tmp_path, body)["facts"]}
    assert [i["name"] for i in facts[("dvk.mo_hinh", 2024)]["items"]] == [
        "Tổ phụ nữ giữ gìn đường làng",
        "Dòng họ khuyến học",
    ]
    (only,) = facts[("dvk.mo_hinh", 2023)]["items"]
    assert "không nêu tên" in only["name"]


def test_a_list_of_documents_one_per_item_is_counted_and_its_partners_named_together(tmp_path):
    body = (
        "Năm 2024, UBND xã ký mới các quy chế phối hợp:\n"
        "1. Quy chế phối hợp số 07/QC-UBND với Hội Cựu chiến binh xã;\n"
        "2. Quy chế phối hợp số 08/QC-UBND với Hội Nông dân xã;\n"
        "3. Quy chế phối hợp số 09/QC-UBND với Đoàn Thanh niên xã.\n\n"
        "Quy chế phối hợp số 12/QC-UBND ngày 04/01/2024 với Ủy ban MTTQ Việt Nam xã, Quy chế phối hợp số "
        "13/QC-UBND với Hội Liên hiệp Phụ nữ xã vẫn được duy trì.\n"
    )
    facts = {(f["indicator"], f["period"]): f for f in _draft(tmp_path, body)["facts"]}
    assert facts[("dvcq.so_quy_che_neu", "as_of")]["value"] == 3  # the list, read first; the paragraph after differs
    assert [i["name"] for i in facts[("dvcq.doi_tac_phoi_hop", "as_of")]["items"]] == [
        "Hội Cựu chiến binh xã",
        "Hội Nông dân xã",
        "Đoàn Thanh niên xã",
    ]


def test_a_document_named_between_partners_is_no_partner(tmp_path):
    body = (
        "UBND xã thực hiện Quy chế phối hợp số 21/QC-UBND ngày 10/02/2022 với Ủy ban MTTQ Việt Nam xã, Quy chế "
        "phối hợp số 22/QC-UBND với Hội Nông dân xã và Quy chế phối hợp số 23/QC-UBND với Hội Liên hiệp Phụ nữ xã.\n"
    )
    facts = {(f["indicator"], f["period"]): f for f in _draft(tmp_path, body)["facts"]}
    assert facts[("dvcq.so_quy_che_neu", "as_of")]["value"] == 3
    assert [i["name"] for i in facts[("dvcq.doi_tac_phoi_hop", "as_of")]["items"]] == [
        "Ủy ban MTTQ Việt Nam xã",
        "Hội Nông dân xã",
        "Hội Liên hiệp Phụ nữ xã",
    ]


# --------------------------------------------------------------------------------------------------- header


def test_the_as_of_date_is_the_latest_cut_off_the_opening_names(tmp_path: Path):
    head = HEAD_9.replace("9 tháng đầu năm 2024", "từ đầu năm 2024 đến nay").replace(
        "I. KẾT QUẢ THỰC HIỆN",
        "Số liệu của hai phường cũ tính đến ngày 30/6/2024, của phường mới từ ngày 01/7/2024 đến ngày "
        "30/9/2024.\n\nI. KẾT QUẢ THỰC HIỆN",
    )
    draft = _draft(tmp_path, "Năm 2024 phường giảm được 03 hộ nghèo.\n", head=head)
    assert str(draft["report"]["as_of"]) == "2024-09-30"  # not the former wards' 30 June


# --------------------------------------------------------------------------------------------------- words (data)


def test_the_movements_review_is_a_sơ_kết_or_a_tổng_kết_and_a_denied_one_stays_denied(tmp_path):
    body = (
        "Tháng 5/2024, Ủy ban nhân dân xã tổ chức tổng kết Phong trào thi đua “Dân vận khéo” giai đoạn 2019 - 2024.\n"
    )
    assert _values(_draft(tmp_path, body)) == {("dvk.so_ket_phong_trao", 2024): True}
    denied = (
        "Vì đã tổ chức hội nghị tổng kết công tác thi đua, khen thưởng cuối năm nên năm 2024 xã chưa sơ kết Phong "
        "trào thi đua “Dân vận khéo”.\n"
    )
    assert _values(_draft(tmp_path, denied)) == {("dvk.so_ket_phong_trao", 2024): False}


@pytest.mark.parametrize(
    "sentence",
    [
        "Thực hiện Kế hoạch số 31/KH-UBND ngày 02/3/2024, xã thành lập Đội tuyên truyền, vận động giải phóng mặt "
        "bằng dự án kè sông.",
        "Ủy ban nhân dân xã ban hành Kế hoạch số 44/KH-UBND ngày 15/4/2024 thành lập Nhóm vận động Nhân dân giải "
        "phóng mặt bằng tuyến đường liên thôn.",
        "Xã thành lập Tổ công tác vận động GPMB cụm công nghiệp theo Quyết định số 70/QĐ-UBND ngày 09/5/2024.",
    ],
)
def test_a_team_to_persuade_households_for_land_clearance_set_up_by_a_plan(tmp_path, sentence):
    assert _values(_draft(tmp_path, sentence + "\n")) == {("gpmb.ke_hoach_mo_hinh", "as_of"): True}


def test_no_plan_for_a_land_clearance_team_is_false_and_a_team_with_no_plan_is_nothing(tmp_path):
    body = (
        "Năm 2024 không có dự án thu hồi đất nên xã chưa xây dựng kế hoạch thành lập tổ vận động giải phóng mặt bằng.\n"
    )
    assert _values(_draft(tmp_path, body)) == {("gpmb.ke_hoach_mo_hinh", "as_of"): False}
    no_plan = (
        "Năm 2024, xã thành lập tổ vận động giải phóng mặt bằng dự án kè sông.\n\nNăm 2024, xã giảm được 03 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, no_plan)) == {("giam_ngheo.so_ho_giam", 2024): 3}  # a team, but no plan cited


@pytest.mark.parametrize(
    "kind", ["du lịch sinh thái", "du lịch miệt vườn", "du lịch làng nghề", "du lịch nông nghiệp", "homestay"]
)
def test_the_kinds_of_rural_tourism_a_report_names(tmp_path, kind):
    body = f"Xã duy trì 02 mô hình {kind} gắn với sản phẩm OCOP của địa phương.\n"
    assert _values(_draft(tmp_path, body)) == {("van_dong.du_lich_nong_thon.so_mo_hinh", "as_of"): 2}


def test_a_dossier_sent_up_for_appraisal_in_other_words(tmp_path):
    body = (
        "Xã tự đánh giá đạt 19/19 tiêu chí xã nông thôn mới nâng cao; tháng 11/2024 UBND xã đã gửi Ủy ban nhân dân "
        "huyện đề nghị thẩm định, xét công nhận xã đạt chuẩn nông thôn mới nâng cao.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.cong_nhan", "as_of")] == "da_trinh_tham_dinh"


# --------------------------------------------------------------------------------------------------- figures


def test_the_plans_figure_in_brackets_is_the_target_and_kế_hoạch_before_a_figure_is_no_document(tmp_path):
    body = (
        "Năm 2024, xã giảm được 06 hộ nghèo, đạt 120% kế hoạch (kế hoạch 05 hộ).\n\n"
        "Năm 2023 giảm 03 hộ nghèo (KH giao: 04 hộ), đạt 75%.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("giam_ngheo.so_ho_giam", 2024): 6,
        ("giam_ngheo.chi_tieu_giao", 2024): 5,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 120,
        ("giam_ngheo.so_ho_giam", 2023): 3,
        ("giam_ngheo.chi_tieu_giao", 2023): 4,
        ("giam_ngheo.ty_le_hoan_thanh", 2023): 75,
    }


def test_the_units_make_up_said_on_its_own_is_the_whole_and_a_titled_count_alone_is_the_part(tmp_path):
    body = (
        "Phường có 11 khu phố với 4.210 hộ, 15.800 nhân khẩu.\n\n"
        "Năm 2024 có 10 khu phố được công nhận danh hiệu “Khu phố văn hóa”; 09 khu phố đạt tiêu chí “Khu dân cư 6 "
        "không”.\n"
    )
    head = HEAD_9.replace("9 tháng đầu năm 2024", "năm 2024").replace("08 tháng 10", "16 tháng 12")
    draft = _draft(tmp_path, body, head=head)
    assert _values(draft) == {
        ("kdc.tong_so_khu", "as_of"): 11,
        ("kdc.so_khu_van_hoa", "as_of"): 10,
        ("kdc.so_khu_6_khong", "as_of"): 9,
    }
    review = {f["indicator"]: f.get("review", False) for f in draft["facts"]}
    assert review == {"kdc.tong_so_khu": False, "kdc.so_khu_van_hoa": True, "kdc.so_khu_6_khong": True}


def test_a_titled_count_that_is_no_stock_of_the_title_and_a_count_of_units_doing_something_else(tmp_path):
    body = (
        "Năm 2024 có thêm 02 thôn được công nhận danh hiệu thôn văn hóa; 04 thôn đạt danh hiệu thôn văn hóa 5 năm "
        "liên tục.\n\n"
        "Xã có 09 thôn tham gia mô hình tự quản về an ninh trật tự.\n\n"
        "Năm 2024, xã giảm được 02 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, body)) == {("giam_ngheo.so_ho_giam", 2024): 2}


def test_other_words_for_the_online_rate_the_years_plan_and_the_green_streets(tmp_path):
    body = (
        "Tỷ lệ hồ sơ được xử lý trên Cổng dịch vụ công trực tuyến đạt 68,5%.\n\n"
        "Tỷ lệ hồ sơ thanh toán phí qua dịch vụ công trực tuyến đạt 30%.\n\n"
        "Ngay từ đầu năm, Ủy ban nhân dân xã đã xây dựng kế hoạch công tác dân vận chính quyền năm 2024.\n\n"
        "Tuyến phố “Xanh - Sạch - Đẹp”: duy trì 04 tuyến do các chi hội phụ nữ nhận chăm sóc.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 68.5,  # not the payments' 30%
        ("dvcq.ke_hoach_nam", 2024): True,
        ("dtvm.tuyen_duong_xanh", "as_of"): 4,
    }


def test_criteria_not_met_listed_after_a_colon_over_semicolons(tmp_path):
    body = (
        "Đến nay xã đạt 16/19 tiêu chí xã nông thôn mới nâng cao; 03 tiêu chí chưa đạt là: Tiêu chí số 8 - Thông tin "
        "và Truyền thông; Tiêu chí số 11 - Nghèo đa chiều; Tiêu chí số 19 - Quốc phòng và An ninh. Tiêu chí Y tế "
        "đã đạt.\n"
    )
    got = _values(_draft(tmp_path, body))
    # the list ends at its sentence; the criterion named alone before "đã đạt" after it is met (round 12)
    assert {k[0]: v for k, v in got.items() if k[0].startswith("ntm_nc.tc")} == {
        "ntm_nc.tc08": "chua_dat",
        "ntm_nc.tc11": "chua_dat",
        "ntm_nc.tc19": "chua_dat",
        "ntm_nc.tc14": "dat",
    }


def test_a_regulation_issued_with_a_decision_and_one_not_signed_yet(tmp_path):
    issued = (
        "Quy chế phối hợp giữa Ủy ban nhân dân xã với Mặt trận và các đoàn thể (ban hành kèm theo Quyết định số "
        "31/QĐ-UBND ngày 12/3/2021) tiếp tục được thực hiện.\n"
    )
    draft = _draft(tmp_path, issued)
    assert _values(draft) == {("dvcq.quy_che_phoi_hop", "as_of"): True, ("dvcq.so_quy_che_neu", "as_of"): 1}
    assert draft["facts"][0]["source"]["quote"].startswith("Quy chế phối hợp giữa")
    none = (
        "Sau sắp xếp, đến nay xã chưa ban hành quy chế phối hợp nào với Mặt trận; trước đó, hai xã cũ đã ký quy chế "
        "phối hợp với các đoàn thể.\n"
    )
    assert _values(_draft(tmp_path, none)) == {("dvcq.quy_che_phoi_hop", "as_of"): False}


def test_the_cultural_standard_and_the_online_dossiers_in_a_label_or_a_table_row(tmp_path):
    body = (
        "Số thôn đạt chuẩn văn hóa: 09/11 thôn.\n\n"
        "Tỷ lệ hồ sơ dịch vụ công trực tuyến: 58,2%.\n\n"
        "Gia đình đạt tiêu chuẩn văn hóa: 1.845/2.010 hộ.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("kdc.so_khu_van_hoa", "as_of"): 9,
        ("kdc.tong_so_khu", "as_of"): 11,
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 58.2,
    }


def test_a_titled_count_denied_stripped_or_only_proposed_is_no_part(tmp_path):
    body = (
        "Năm 2024 có 02 thôn không đạt danh hiệu thôn văn hóa do để xảy ra vi phạm.\n\n"
        "Năm 2024 có 01 thôn bị thu hồi danh hiệu thôn văn hóa.\n\n"
        "Năm 2024, 05 thôn được đề nghị xét công nhận danh hiệu thôn văn hóa.\n\n"
        "Năm 2024, xã giảm được 02 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, body)) == {("giam_ngheo.so_ho_giam", 2024): 2}


def test_an_act_named_first_done_as_planned_or_with_a_contrast_after_it(tmp_path):
    body = (
        "Việc ký kết giao ước thi đua năm 2024 được thực hiện theo kế hoạch, nhưng chưa tổ chức sơ kết giữa kỳ.\n\n"
        "Việc sơ kết Phong trào thi đua “Dân vận khéo”, do nhiều nguyên nhân, chưa thực hiện được trong năm 2024.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("dvcq.giao_uoc_thi_dua", 2024): True,
        ("dvk.so_ket_phong_trao", 2024): False,
    }


def test_a_predecessors_name_kept_by_a_place_inside_the_merged_unit_is_no_other_unit(tmp_path):
    body = (
        "Xã Đông Quang được thành lập trên cơ sở sắp xếp hai xã Đông Hà và Tây Hà.\n\n"
        "Năm 2024, xã công nhận 01 mô hình “Dân vận khéo” tại thôn Tây Hà (Quyết định số 12/QĐ-UBND ngày "
        "03/5/2024), đạt 100% chỉ tiêu năm.\n\n"
        "Trước sắp xếp, Tây Hà giảm 02 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, body)) == {("dvk.mo_hinh", 2024): 1, ("dvk.ty_le_dat_bao_cao", 2024): 100}


def test_a_unit_said_in_full_once_for_two_figures_and_a_classifier_of_something_else(tmp_path):
    body = (
        "Hỗ trợ bò giống: năm 2023 hỗ trợ 08 con, năm 2024 hỗ trợ 09 con bò giống cho hộ nghèo.\n\n"
        "Năm 2024, xã giảm được 03 hộ nghèo, hỗ trợ thêm 40 con gà giống cho hộ cận nghèo.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("ntm.ho_tro_bo_giong", 2023): 8,
        ("ntm.ho_tro_bo_giong", 2024): 9,
        ("giam_ngheo.so_ho_giam", 2024): 3,
    }
