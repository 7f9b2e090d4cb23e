"""Acceptance: every rule of the catalogue on the seed commune, through the real CLI.

Each expectation follows shared/domain/seed-analysis.md (table A: targets; B: stated shortcomings; C: data problems).
"""

from __future__ import annotations

import pytest

from conftest import ROOT, SEED_FACTS, finding, run_cli

# (rule, period) -> (status, evidence level, actual). The reasons are in the comments; seed lines in brackets.
EXPECTED = {
    # A1: 05 models in 2023 [L21], 02 in 2024 [L23]; 07 in 2023–2024 against 1 a year = 350% [L19]
    ("mo-hinh-dvk-moi-nam", "2023"): ("met", "computed", 5),
    ("mo-hinh-dvk-moi-nam", "2024"): ("met", "computed", 2),
    ("mo-hinh-dvk-luy-ke", "2023-2024"): ("met", "computed", 7),
    ("kiem-tra-ty-le-mo-hinh-dvk", "2023-2024"): ("met", "computed", 350),
    ("kiem-tra-tong-so-mo-hinh-dvk", "2023-2024"): ("met", "computed", 7),
    # A2: "100% chỉ tiêu giảm nghèo" with no assigned number [L25]
    ("giam-ngheo", "2023"): ("met", "claimed", 100),
    ("giam-ngheo", "2024"): ("met", "claimed", 100),
    ("kiem-tra-ty-le-giam-ngheo", "2023"): ("insufficient_data", "missing", 100),
    ("kiem-tra-ty-le-giam-ngheo", "2024"): ("insufficient_data", "missing", 100),
    # A3, A4: 04/4 areas [L27, L87]: 100% meets any threshold
    ("khu-dan-cu-van-hoa", "as_of"): ("met", "computed", 100),
    ("khu-dan-cu-6-khong", "as_of"): ("met", "computed", 100),
    # A5: "trên 50%" [L29]
    ("ho-so-truc-tuyen", "as_of"): ("met", "bound", None),
    # A6: dossier in preparation [L31], 19 criteria "cơ bản hoàn thành", awaiting appraisal [L43]
    ("ntm-nang-cao", "by-2026-12-31"): ("pending", "computed", "dang_hoan_thien_ho_so"),
    ("ntm-nc-du-dieu-kien", "as_of"): ("pending", "computed", 0),
    **{(f"ntm-nc-tc{i:02d}", "as_of"): ("pending", "claimed", "co_ban_dat") for i in range(1, 20)},
    # A7: KH 57 (2022), KH 172 (2023), QĐ 115 issuing the 2024 plan [L39]
    ("ke-hoach-dan-van-hang-nam", "2022"): ("met", "computed", True),
    ("ke-hoach-dan-van-hang-nam", "2023"): ("met", "computed", True),
    ("ke-hoach-dan-van-hang-nam", "2024"): ("met", "computed", True),
    # A8, A10, A11: asserted "hằng năm" with no document or count [L43, L63, L59]
    ("giao-uoc-thi-dua-hang-nam", "2023"): ("met", "claimed", True),
    ("giao-uoc-thi-dua-hang-nam", "2024"): ("met", "claimed", True),
    ("danh-gia-dan-van-chinh-quyen", "2023"): ("met", "claimed", True),
    ("danh-gia-dan-van-chinh-quyen", "2024"): ("met", "claimed", True),
    ("cu-can-bo-tap-huan", "2023"): ("met", "claimed", True),
    ("cu-can-bo-tap-huan", "2024"): ("met", "claimed", True),
    # A9, C15: coordination rules in force; 05 numbers for 04 partners [L53]
    ("quy-che-phoi-hop", "as_of"): ("met", "computed", True),
    ("kiem-tra-quy-che-phoi-hop", "as_of"): ("unmet", "computed", 5),
    # A12: sơ kết done in 2023 [L65]
    ("so-ket-phong-trao-dvk", "by-2026-12-31"): ("met", "computed", True),
    # A13: the GPMB model plan was not made [L71]
    ("mo-hinh-van-dong-gpmb", "as_of"): ("unmet", "computed", False),
    # A14, C13: "chưa có mô hình" [L101] against the models of L75–77
    ("van-dong-chuyen-doi-so", "as_of"): ("unmet", "computed", 0),
    ("kiem-tra-mo-hinh-chuyen-doi-so", "as_of"): ("unmet", "computed", 0),
    ("van-dong-kinh-te-tuan-hoan", "as_of"): ("insufficient_data", "missing", None),
    ("van-dong-nong-nghiep-thich-ung-bdkh", "as_of"): ("insufficient_data", "missing", None),
    ("van-dong-du-lich-nong-thon", "as_of"): ("insufficient_data", "missing", None),
    # A15: a Thông báo cited for a plan [L107]
    ("ke-hoach-do-thi-van-minh", "as_of"): ("met", "claimed", True),
    # A16, A17: no threshold stated [L97, L115]; A18: claimed [L119]
    ("ho-tro-bo-giong", "2023-2024"): ("insufficient_data", "computed", 37),
    ("tuyen-duong-xanh-sach-dep", "as_of"): ("insufficient_data", "computed", 1),
    ("tham-gia-phan-bien-quy-hoach", "as_of"): ("met", "claimed", True),
}


def test_every_finding_of_the_seed(seed_json):
    got = {(f["rule_id"], f["period"]["key"]): (f["status"], f["evidence_level"], f["actual"])
           for f in seed_json["findings"]}
    assert got == EXPECTED


def test_every_rule_yields_a_finding_and_cites_its_source(seed_json, catalogue):
    rules = {f["rule_id"] for f in seed_json["findings"]}
    assert rules == {lr.id for lr in catalogue.rules}
    for f in seed_json["findings"]:
        assert f["source"]["clause"] and f["source"]["citation"], f["rule_id"]
        assert f["message"] and f["message"][0].isupper(), f["rule_id"]


def test_the_two_unmet_targets_the_report_admits(seed_json):
    gpmb = finding(seed_json, "mo-hinh-van-dong-gpmb")
    assert gpmb["message"] == ("Đến ngày 31/10/2024, chưa xây dựng kế hoạch thành lập mô hình tuyên truyền, vận động "
                               "giải phóng mặt bằng (báo cáo, dòng 71).")
    assert gpmb["facts"][0]["report_line"] == 71 and gpmb["theme"] == "kinh_te"
    cds = finding(seed_json, "van-dong-chuyen-doi-so")
    assert cds["status"] == "unmet" and cds["shortfall"] == 1 and cds["achievement_pct"] == 0
    assert "chưa có mô hình (0 mô hình; báo cáo, dòng 101)" in cds["message"]


def test_the_2023_models_evidence_both_ways(seed_json):
    y = finding(seed_json, "mo-hinh-dvk-moi-nam", "2023")
    assert y["evidence"] == {"counted_with_evidence": 1, "counted_on_claim": 4, "achievement_pct_evidenced": 100,
                             "items_without_evidence": ["Camera an ninh", "Em nuôi của Đoàn",
                                                        "Phát triển kinh tế hộ gia đình",
                                                        "Khu dân cư không rải vàng mã trên đường đưa tang và báo Hiếu gọn nhẹ"]}
    assert y["achievement_pct"] == 500
    cumulative = finding(seed_json, "mo-hinh-dvk-luy-ke", "2023-2024")
    assert (cumulative["achievement_pct"], cumulative["evidence"]["achievement_pct_evidenced"]) == (350, 150)
    assert cumulative["target"]["value"] == 2
    notes = " ".join(cumulative["notes"])
    assert "Quyết định số 25/QĐ-UBND ngày 02/02/2023" in notes and "ban hành trước Kế hoạch số 156/KH-UBND" in notes
    assert "“Em nuôi của Đoàn” do Đoàn xã thành lập" in notes
    assert "do UBMTTQVN xã thành lập" in notes


def test_claim_checks(seed_json):
    ratio = finding(seed_json, "kiem-tra-ty-le-mo-hinh-dvk")
    assert ratio["message"].startswith("Tỷ lệ 350% báo cáo nêu khớp với số tính lại (350%)")
    assert "nếu chỉ tính 03 mục có quyết định thì đạt 150%" in ratio["message"]
    assert "chưa kết thúc" in ratio["message"]  # 2024 counted before the year ended
    total = finding(seed_json, "kiem-tra-tong-so-mo-hinh-dvk")
    assert total["message"] == "Tổng số 07 mô hình báo cáo nêu bằng tổng các năm liệt kê (07 mô hình)."
    partners = finding(seed_json, "kiem-tra-quy-che-phoi-hop")
    assert partners["message"].startswith("Báo cáo liệt kê 05 quy chế phối hợp nhưng chỉ kể tên 04 tổ chức khác nhau")
    cds = finding(seed_json, "kiem-tra-mo-hinh-chuyen-doi-so")
    assert "Báo cáo tự mâu thuẫn" in cds["message"] and "mô tả 02 mô hình" in cds["message"]
    assert {f["report_line"] for f in cds["facts"]} == {75, 101}
    poverty = finding(seed_json, "kiem-tra-ty-le-giam-ngheo", "2023")
    assert "không kiểm chứng được tỷ lệ “hoàn thành 100% chỉ tiêu giảm nghèo”" in poverty["message"]


def test_ntm_nang_cao_chain(seed_json):
    crit = finding(seed_json, "ntm-nc-tc07")
    assert crit["outlook"] == "on_track" and crit["reason"] == "awaiting_appraisal"
    assert "“Cơ bản hoàn thành” chưa phải “hoàn thành”" in crit["message"]
    elig = finding(seed_json, "ntm-nc-du-dieu-kien")
    assert elig["actual_display"] == "0/19 tiêu chí đạt, 19 chờ thẩm định/chưa đến hạn"
    assert "“cơ bản hoàn thành” chưa phải “hoàn thành”" in elig["message"]
    goal = finding(seed_json, "ntm-nang-cao")
    assert goal["outlook"] == "on_track" and goal["fired_by"] == "ntm-nang-cao#pending_on_track"
    assert goal["message"].endswith("triển vọng: đúng tiến độ.")


def test_one_rule_file_per_source_document(catalogue):
    files = {}
    for lr in catalogue.rules:
        files.setdefault(lr.path.name, set()).add(lr.document.number)
    assert files == {"ke-hoach-156.yaml": {"156/KH-UBND"}, "ke-hoach-84.yaml": {"84-KH/TU"},
                     "de-an-13.yaml": {"13-ĐA/TU"}, "ntm-nang-cao-2021-2025.yaml": {"318/QĐ-TTg"}}


def test_unknown_thresholds_are_marked(seed_json):
    f = finding(seed_json, "ho-tro-bo-giong")
    assert f["target"]["threshold_known"] is False and f["target"]["value"] is None
    assert f["reason"] == "threshold_unknown"
    assert "không có chỉ tiêu số về hỗ trợ bò giống" in f["message"]


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
        " approver: Phòng Nội vụ, expires: 2024-06-30}\n", encoding="utf-8")
    doc = run_cli("check", str(facts), str(waivers), "--format", "json").json()
    gpmb = finding(doc, "mo-hinh-van-dong-gpmb")
    assert gpmb["status"] == "waived" and gpmb["status_label"] == "Miễn trừ"
    assert gpmb["waiver"]["approver"] == "Chủ tịch UBND thành phố" and gpmb["waiver"]["expired"] is False
    assert "được miễn trừ — Dự án trọng điểm tạm dừng" in gpmb["message"]
    cds = finding(doc, "van-dong-chuyen-doi-so")
    assert cds["status"] == "unmet" and cds["waiver"]["expired"] is True
    assert any("đã hết hạn ngày 30/6/2024" in n for n in cds["notes"])


def _seed_as_of(tmp_path, as_of: str) -> dict:
    """The seed's findings had the same report been dated ``as_of``."""
    facts = _with_facts(tmp_path, {"as_of: 2024-10-31     #": f"as_of: {as_of}     #",
                                   "period: {from: 2023-01-01, to: 2024-10-31}": f"period: {{from: 2023-01-01, to: {as_of}}}"})
    return run_cli("check", str(facts), "--format", "json").json()


def test_criteria_set_out_of_force_is_not_applicable(tmp_path):
    doc = _seed_as_of(tmp_path, "2026-06-30")
    crit = finding(doc, "ntm-nc-tc01")
    assert crit["status"] == "not_applicable"
    assert crit["message"].endswith("không áp dụng — bộ tiêu chí 2021–2025 đã được thay thế ở kỳ này.")
    assert finding(doc, "ntm-nc-du-dieu-kien")["status"] == "not_applicable"
    # the 2026 goal itself is still judged, without an outlook from a set no longer in force
    goal = finding(doc, "ntm-nang-cao")
    assert goal["status"] == "pending" and goal["outlook"] is None


def test_deadline_passed_turns_pending_into_unmet(tmp_path):
    doc = _seed_as_of(tmp_path, "2026-12-31")
    goal = finding(doc, "ntm-nang-cao")
    assert goal["status"] == "unmet"
    assert goal["message"].startswith("Hết thời hạn 31/12/2026, xã Tịnh An chưa được công nhận")


@pytest.mark.parametrize("rule_id", ["mo-hinh-van-dong-gpmb", "van-dong-chuyen-doi-so", "kiem-tra-quy-che-phoi-hop",
                                     "kiem-tra-mo-hinh-chuyen-doi-so"])
def test_unmet_findings_carry_a_shortcoming_and_a_remedy(catalogue, rule_id):
    rule = catalogue.by_id[rule_id].rule
    assert rule.shortcoming and rule.remedy
