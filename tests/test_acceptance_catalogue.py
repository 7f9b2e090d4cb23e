"""Acceptance: every rule of the catalogue on the seed commune, through the real CLI.

Each expectation follows shared/domain/seed-analysis.md (table A: targets; B: stated shortcomings; C: data problems).
"""

from __future__ import annotations

import pytest

from conftest import ROOT, SEED_FACTS, finding, run_cli

# (rule, period) -> (status, evidence level, actual). The reasons are in the comments; seed lines in brackets, and the
# finding numbers of the domain review (shared/domain/review-2026-11.md §1) where it corrected an earlier reading.
EXPECTED = {
    # A1: 05 models in 2023 [L21], 02 in 2024 [L23]; 07 in 2023–2024 against 1 a year = 350% [L19]; a "≥" target can
    # be met before the year ends (review 19); the report's own arithmetic checks out: "Khớp" (review 17)
    ("mo-hinh-dvk-moi-nam", "2023"): ("met", "computed", 5),
    ("mo-hinh-dvk-moi-nam", "2024"): ("met", "computed", 2),
    ("mo-hinh-dvk-luy-ke", "2023-2024"): ("met", "computed", 7),
    ("kiem-tra-ty-le-mo-hinh-dvk", "2023-2024"): ("met", "computed", 350),
    ("kiem-tra-tong-so-mo-hinh-dvk", "2023-2024"): ("met", "computed", 7),
    # A2: "100% chỉ tiêu giảm nghèo" with no assigned number [L25]; 2024's figure in October awaits the year-end
    # review (review 1b)
    ("giam-ngheo", "2023"): ("met", "claimed", 100),
    ("giam-ngheo", "2024"): ("pending", "claimed", 100),
    ("kiem-tra-ty-le-giam-ngheo", "2023"): ("insufficient_data", "missing", 100),
    ("kiem-tra-ty-le-giam-ngheo", "2024"): ("insufficient_data", "missing", 100),
    # A3, A4: 04/4 areas [L27, L87] meet any threshold, but no recognition decision is cited (review 13)
    ("khu-dan-cu-van-hoa", "as_of"): ("met", "claimed", 100),
    ("khu-dan-cu-6-khong", "as_of"): ("met", "claimed", 100),
    # A5: "trên 50%" [L29]
    ("ho-so-truc-tuyen", "as_of"): ("met", "bound", None),
    # A6: dossier in preparation [L31]; "cơ bản hoàn thành 19 chỉ tiêu", awaiting appraisal [L43] is one general
    # statement, one finding (review 4, 5); L31 and L43 name different stages of the dossier (review 3a)
    ("ntm-nang-cao", "by-2026-12-31"): ("pending", "computed", "dang_hoan_thien_ho_so"),
    ("ntm-nc-du-dieu-kien", "as_of"): ("pending", "claimed", 19),
    ("kiem-tra-giai-doan-ho-so-ntm-nc", "as_of"): ("needs_clarification", "computed", "dang_hoan_thien_ho_so"),
    # A7: KH 172 (2023), QĐ 115 issuing the 2024 plan [L39]; the 2022 plan predates KH 84: background (review 11)
    ("ke-hoach-dan-van-hang-nam", "2023"): ("met", "computed", True),
    ("ke-hoach-dan-van-hang-nam", "2024"): ("met", "computed", True),
    # A8, A10, A11: asserted "hằng năm" with no document or count [L43, L63, L59]
    ("giao-uoc-thi-dua-hang-nam", "2023"): ("met", "claimed", True),
    ("giao-uoc-thi-dua-hang-nam", "2024"): ("met", "claimed", True),
    ("danh-gia-dan-van-chinh-quyen", "2023"): ("met", "claimed", True),
    ("danh-gia-dan-van-chinh-quyen", "2024"): ("met", "claimed", True),
    ("cu-can-bo-tap-huan", "2023"): ("met", "claimed", True),
    ("cu-can-bo-tap-huan", "2024"): ("met", "claimed", True),
    # A9, C15: coordination rules in force; 05 numbers for 04 partners [L53] needs clarifying, not unmet (review 6)
    ("quy-che-phoi-hop", "as_of"): ("met", "computed", True),
    ("kiem-tra-quy-che-phoi-hop", "as_of"): ("needs_clarification", "computed", 5),
    # A12: the 2023 sơ kết [L65] is of the movement in state bodies, not of the plan: noted (review 12)
    ("so-ket-phong-trao-dvk", "by-2026-12-31"): ("noted", "computed", True),
    # A13: the GPMB model plan was not made [L71]
    ("mo-hinh-van-dong-gpmb", "as_of"): ("unmet", "computed", False),
    # A14: "chưa có mô hình" [L101] answers the whole task of L99 (review 8); the models of L75–77 are the UBND's,
    # not a contradiction: to clarify (review 7)
    ("van-dong-chuyen-doi-so", "as_of"): ("unmet", "computed", 0),
    ("kiem-tra-mo-hinh-chuyen-doi-so", "as_of"): ("needs_clarification", "computed", 0),
    ("van-dong-kinh-te-tuan-hoan", "as_of"): ("unmet", "computed", 0),
    ("van-dong-nong-nghiep-thich-ung-bdkh", "as_of"): ("unmet", "computed", 0),
    ("van-dong-du-lich-nong-thon", "as_of"): ("unmet", "computed", 0),
    # A15: a Thông báo where the task asks for a Kế hoạch [L107] (review 9)
    ("ke-hoach-do-thi-van-minh", "as_of"): ("unmet", "computed", False),
    # A16, A17: informational, no target [L97, L115] (review 16); A18: attending meetings is claimed (review 10)
    ("ho-tro-bo-giong", "2023-2024"): ("noted", "computed", 37),
    ("tuyen-duong-xanh-sach-dep", "as_of"): ("noted", "computed", 1),
    ("tham-gia-phan-bien-quy-hoach", "as_of"): ("met", "claimed", True),
}


def test_every_finding_of_the_seed(seed_json):
    got = {
        (f["rule_id"], f["period"]["key"]): (f["status"], f["evidence_level"], f["actual"])
        for f in seed_json["findings"]
    }
    assert got == EXPECTED


def test_every_rule_yields_a_finding_and_cites_its_source(seed_json, catalogue):
    rules = {f["rule_id"] for f in seed_json["findings"]}
    assert rules == {lr.id for lr in catalogue.rules}
    for f in seed_json["findings"]:
        assert f["source"]["clause"] and f["source"]["citation"], f["rule_id"]
        assert f["message"] and (f["message"][0].isupper() or f["message"][0].isdigit()), f["rule_id"]


def test_the_unmet_targets_the_report_admits(seed_json):
    gpmb = finding(seed_json, "mo-hinh-van-dong-gpmb")
    # the report gives only the month: no invented day (review 15)
    assert gpmb["message"] == (
        "Đến tháng 10/2024, chưa xây dựng kế hoạch thành lập mô hình tuyên truyền, vận động giải phóng mặt bằng."
    )
    assert gpmb["facts"][0]["report_line"] == 71 and gpmb["theme"] == "kinh_te"
    assert gpmb["period"]["label"] == "đến tháng 10/2024"
    cds = finding(seed_json, "van-dong-chuyen-doi-so")
    assert cds["status"] == "unmet" and cds["message"] == (
        "Đến tháng 10/2024, công tác vận động Nhân dân tham gia chuyển đổi số chưa có mô hình."
    )
    # "ít nhất 01 mô hình" is the catalogue's reading, not the plan's (review 7)
    assert cds["target"]["basis"]["kind"] == "assumption"
    assert cds["target"]["basis"]["label"] == "Giả định của danh mục"


def test_the_2023_models_evidence_both_ways(seed_json):
    y = finding(seed_json, "mo-hinh-dvk-moi-nam", "2023")
    assert y["evidence"] == {
        "counted_with_evidence": 1,
        "counted_on_claim": 4,
        "achievement_pct_evidenced": 100,
        "items_without_evidence": [
            "Camera an ninh",
            "Em nuôi của Đoàn",
            "Phát triển kinh tế hộ gia đình",
            "Khu dân cư không rải vàng mã trên đường đưa tang và báo Hiếu gọn nhẹ",
        ],
        # two models are on another body's register: never evidence for the UBND (review 14)
        "owners": ["Đoàn xã", "Ủy ban MTTQ Việt Nam xã"],
        "counted_owned_by_others": 2,
    }
    assert y["achievement_pct"] == 500
    assert y["target"]["basis"] == {
        "kind": "report",
        "label": "Theo báo cáo nêu",
        "text": "“chỉ tiêu mỗi năm thành lập 01 mô hình dân vận khéo” (Báo cáo kết quả thực "
        "hiện Kế hoạch 84-KH/TU năm 2024 của UBND xã Tịnh An (tháng 10/2024), "
        "mục II.1, dòng 19)",
    }
    cumulative = finding(seed_json, "mo-hinh-dvk-luy-ke", "2023-2024")
    assert (cumulative["achievement_pct"], cumulative["evidence"]["achievement_pct_evidenced"]) == (350, 150)
    assert cumulative["target"]["value"] == 2
    notes = " ".join(cumulative["notes"])
    assert "Quyết định số 25/QĐ-UBND ngày 02/02/2023" in notes and "ban hành trước Kế hoạch số 156/KH-UBND" in notes
    assert "“Em nuôi của Đoàn” do Đoàn xã thành lập" in notes
    assert "do Ủy ban MTTQ Việt Nam xã thành lập" in notes


def test_claim_checks(seed_json):
    ratio = finding(seed_json, "kiem-tra-ty-le-mo-hinh-dvk")
    assert ratio["status_label"] == "Khớp"
    assert ratio["message"].startswith("Tỷ lệ 350% báo cáo nêu khớp với số tính lại (350%)")
    assert "nếu chỉ tính 03 mục có quyết định thì đạt 150%" in ratio["message"]
    assert "chưa kết thúc" in ratio["message"]  # 2024 counted before the year ended
    total = finding(seed_json, "kiem-tra-tong-so-mo-hinh-dvk")
    assert total["message"] == "Tổng số 07 mô hình báo cáo nêu bằng tổng các năm liệt kê (07 mô hình)."
    partners = finding(seed_json, "kiem-tra-quy-che-phoi-hop")
    assert partners["status_label"] == "Cần làm rõ"
    assert partners["message"].startswith(
        "Cần làm rõ danh sách quy chế phối hợp: báo cáo nêu số hiệu của 05 quy chế nhưng kể tên 04 tổ chức"
    )
    cds = finding(seed_json, "kiem-tra-mo-hinh-chuyen-doi-so")
    assert cds["message"].startswith(
        "Cần làm rõ: số mô hình vận động Nhân dân tham gia chuyển đổi số báo cáo nêu (0 mô hình) khác số mô hình"
    )
    assert "mô tả ở phần khác (02 mô hình)" in cds["message"] and "mâu thuẫn" not in cds["message"]
    assert {f["report_line"] for f in cds["facts"]} == {75, 101}
    # the message names what is actually missing
    poverty = finding(seed_json, "kiem-tra-ty-le-giam-ngheo", "2023")
    assert "báo cáo không nêu chỉ tiêu giảm hộ nghèo được giao trong năm" in poverty["message"]


def test_ntm_nang_cao_chain(seed_json):
    elig = finding(seed_json, "ntm-nc-du-dieu-kien")
    assert elig["message"].startswith("19/19 tiêu chí xã tự đánh giá cơ bản đạt; chưa có kết quả thẩm định.")
    assert elig["status_label"] == "Đang chờ thẩm định" and elig["outlook"] is None
    # no "on track" resting on "cơ bản hoàn thành" (review 3b)
    goal = finding(seed_json, "ntm-nang-cao")
    assert goal["outlook"] is None and goal["fired_by"] == "ntm-nang-cao#pending_unknown"
    assert goal["status_label"] == "Chưa đến hạn"
    stage = finding(seed_json, "kiem-tra-giai-doan-ho-so-ntm-nc")
    assert stage["message"] == (
        "Cần làm rõ giai đoạn của hồ sơ đề nghị công nhận xã nông thôn mới nâng cao: báo cáo "
        "nêu “đang hoàn thiện hồ sơ đề nghị công nhận” và ở phần khác nêu “đã trình hồ sơ, "
        "đang chờ thẩm định”."
    )
    assert {f["report_line"] for f in stage["facts"]} == {31, 43}


def test_one_rule_file_per_source_document(catalogue):
    files = {}
    for lr in catalogue.rules:
        files.setdefault(lr.path.name, set()).add(lr.document.number)
    assert files == {
        "ke-hoach-156.yaml": {"156/KH-UBND"},
        "ke-hoach-84.yaml": {"84-KH/TU"},
        "de-an-13.yaml": {"13-ĐA/TU"},
        "ntm-nang-cao-2021-2025.yaml": {"318/QĐ-TTg"},
    }


def test_items_with_no_target_are_noted_outside_the_counts(seed_json):
    f = finding(seed_json, "ho-tro-bo-giong")
    assert f["status"] == "noted" and f["status_label"] == "Ghi nhận" and f["target"] is None
    assert f["message"] == "Giai đoạn 2023–2024: ghi nhận đã hỗ trợ 37 con bò giống cho hộ dân theo chính sách."
    assert seed_json["summary"]["noted"] == 3


def test_unknown_thresholds_are_marked(seed_json):
    f = finding(seed_json, "khu-dan-cu-van-hoa")
    assert f["target"]["threshold_known"] is False and f["target"]["value"] is None
    assert f["actual_display"] == "04/04 khu dân cư (100%)"


def _with_facts(tmp_path, replace: dict[str, str]):
    src = (SEED_FACTS / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    src = src.replace("../../../shared", str((ROOT / ".." / "shared").resolve()))
    for old, new in replace.items():
        assert old in src, old
        src = src.replace(old, new)
    path = tmp_path / "facts.yaml"
    path.write_text(src, encoding="utf-8")
    return path


def test_waiver_turns_unmet_into_waived_and_an_expired_one_is_reported(tmp_path):
    facts = _with_facts(tmp_path, {})
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "schema: chitieu.waivers/1\nwaivers:\n"
        "  - {rule: mo-hinh-van-dong-gpmb, commune: quang-ngai/tinh-an, period: as_of, reason: Dự án trọng điểm tạm dừng,"
        " approver: Chủ tịch UBND thành phố, expires: 2025-06-30, reference: Công văn 12/UBND}\n"
        "  - {rule: van-dong-chuyen-doi-so, commune: quang-ngai/tinh-an, period: as_of, reason: Chờ hạ tầng 4G,"
        " approver: Phòng Nội vụ, expires: 2024-06-30}\n",
        encoding="utf-8",
    )
    doc = run_cli("check", str(facts), str(waivers), "--format", "json").json()
    gpmb = finding(doc, "mo-hinh-van-dong-gpmb")
    assert gpmb["status"] == "waived" and gpmb["status_label"] == "Miễn trừ"
    assert gpmb["waiver"]["approver"] == "Chủ tịch UBND thành phố" and gpmb["waiver"]["expired"] is False
    assert "được miễn trừ — Dự án trọng điểm tạm dừng" in gpmb["message"]
    cds = finding(doc, "van-dong-chuyen-doi-so")
    assert cds["status"] == "unmet" and cds["waiver"]["expired"] is True
    assert any("đã hết hạn ngày 30/6/2024" in n for n in cds["notes"])


def test_a_second_waiver_of_one_finding_is_named_and_never_contradicts_the_one_applied(tmp_path):
    """An expired waiver beside one in force, and two in force: the finding is waived by one of them, and its notes
    say which, never that the target was judged as usual."""
    facts = _with_facts(tmp_path, {})
    waivers = tmp_path / "waivers.yaml"
    gpmb = "rule: mo-hinh-van-dong-gpmb, commune: quang-ngai/tinh-an, period: as_of"
    waivers.write_text(
        "schema: chitieu.waivers/1\nwaivers:\n"
        f"  - {{{gpmb}, reason: Tạm dừng dự án, approver: Chủ tịch UBND huyện, expires: 2024-03-31}}\n"
        f"  - {{{gpmb}, reason: Dự án trọng điểm tạm dừng, approver: Chủ tịch UBND tỉnh, expires: 2025-06-30}}\n",
        encoding="utf-8",
    )
    f = finding(run_cli("check", str(facts), str(waivers), "--format", "json").json(), "mo-hinh-van-dong-gpmb")
    assert f["status"] == "waived" and f["waiver"]["line"] == 4 and f["waiver"]["expired"] is False
    assert f"Miễn trừ tại {waivers}:3 đã hết hạn ngày 31/3/2024; áp dụng miễn trừ tại {waivers}:4." in f["notes"]
    assert not any("đánh giá bình thường" in n for n in f["notes"])

    waivers.write_text(waivers.read_text(encoding="utf-8").replace("2024-03-31", "2025-12-31"), encoding="utf-8")
    f = finding(run_cli("check", str(facts), str(waivers), "--format", "json").json(), "mo-hinh-van-dong-gpmb")
    applied = f["waiver"]["line"]
    other = 7 - applied  # the waiver on line 3 or 4 that the Rete did not match
    assert f["status"] == "waived" and applied in (3, 4)
    assert any(n.startswith(f"Miễn trừ tại {waivers}:{other} (hiệu lực đến ngày") for n in f["notes"])
    assert any(n.endswith(f"áp dụng miễn trừ tại {waivers}:{applied}.") for n in f["notes"])


def test_a_ratio_whose_base_is_zero_says_the_figures_do_not_compute_not_that_there_are_none(tmp_path):
    facts = _with_facts(
        tmp_path,
        {
            "indicator: kdc.tong_so_khu\n    period: as_of\n    value: 4": (
                "indicator: kdc.tong_so_khu\n    period: as_of\n    value: 0"
            )
        },
    )
    f = finding(run_cli("check", str(facts), "--format", "json").json(), "khu-dan-cu-van-hoa")
    assert f["status"] == "insufficient_data" and f["actual_display"] == "chưa tính được"
    assert "số liệu báo cáo nêu chưa đủ để tính nội dung này" in f["message"]
    assert "không có số liệu" not in f["message"]
    assert "“Tổng số khu dân cư (thôn) trên địa bàn” bằng 0." in f["notes"]


def _seed_as_of(tmp_path, as_of: str) -> dict:
    """The seed's findings had the same report been dated ``as_of``."""
    facts = _with_facts(
        tmp_path,
        {
            "as_of: 2024-10        #": f"as_of: {as_of}        #",
            "period: {from: 2023-01-01, to: 2024-10-31}": f"period: {{from: 2023-01-01, to: {as_of}}}",
        },
    )
    return run_cli("check", str(facts), "--format", "json").json()


def test_criteria_set_out_of_force_is_not_applicable_and_says_what_applies_instead(tmp_path):
    doc = _seed_as_of(tmp_path, "2026-06-30")
    assert finding(doc, "ntm-nc-du-dieu-kien")["status"] == "not_applicable"
    # QĐ 51/2025/QĐ-TTg has no "nâng cao" tier from 15/02/2026: the 2026 goal gives way to a transition
    goal = finding(doc, "ntm-nang-cao")
    assert goal["status"] == "not_applicable"
    assert "Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025" in goal["message"]
    assert "không còn hạng xã nông thôn mới nâng cao" in goal["message"]


def test_the_last_day_of_the_criteria_set_is_still_judged(tmp_path):
    doc = _seed_as_of(tmp_path, "2026-02-14")
    goal = finding(doc, "ntm-nang-cao")
    assert goal["status"] == "pending" and goal["period"]["label"] == "hạn 31/12/2026"


@pytest.mark.parametrize(
    "rule_id",
    [
        "mo-hinh-van-dong-gpmb",
        "van-dong-chuyen-doi-so",
        "kiem-tra-quy-che-phoi-hop",
        "kiem-tra-mo-hinh-chuyen-doi-so",
        "kiem-tra-giai-doan-ho-so-ntm-nc",
    ],
)
def test_unmet_findings_carry_a_shortcoming_and_a_remedy(catalogue, rule_id):
    rule = catalogue.by_id[rule_id].rule
    assert rule.shortcoming and rule.remedy
