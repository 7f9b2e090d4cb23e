"""Whose report it is: the intake takes the unit from the header, the place line and the body, and never takes a unit
above the commune level (a thị xã, huyện …) for one, nor a commune's name out of "thị xã X", nor "UBND" for a name."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import run_cli

TWO_COLUMNS = """\
ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{unit:<35}Độc lập - Tự do - Hạnh phúc

Số: 15/BC-UBND                     {place}, ngày 15 tháng 12 năm 2024

BÁO CÁO
Kết quả thực hiện công tác dân vận năm 2024

{body}
"""


def _extract(tmp_path: Path, text: str, *extra: str):
    report = tmp_path / "bao-cao.txt"
    report.write_text(text, encoding="utf-8")
    out = tmp_path / "nhap.yaml"
    run = run_cli("facts", "extract", str(report), "-o", str(out), *extra)
    return run, (yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else None)


def test_a_report_of_a_thi_xa_or_a_huyen_names_no_commune_and_asks_for_one(tmp_path):
    for unit, place, body in (
        ("THỊ XÃ ĐỨC PHỔ", "Đức Phổ", "Năm 2024, tỷ lệ hồ sơ giải quyết trực tuyến đạt 61%."),
        ("HUYỆN SƠN TỊNH", "Sơn Tịnh", "Năm 2024, tỷ lệ hồ sơ giải quyết trực tuyến đạt 58,5%."),
    ):
        folder = tmp_path / place
        folder.mkdir()
        run, draft = _extract(folder, TWO_COLUMNS.format(unit=unit, place=place, body=body))
        assert run.code == 2 and draft is None, run.out
        assert "error[report-unknown]" in run.err and "--name" in run.err
        # named by the user, the commune is the user's
        run, draft = _extract(
            folder, TWO_COLUMNS.format(unit=unit, place=place, body=body), "--name", "xã Phổ An",
            "--commune-id", "quang-ngai/pho-an",
        )  # fmt: skip
        assert run.code == 0, run.err
        assert draft["commune"]["name"] == "xã Phổ An"


def test_a_communes_report_under_its_superiors_line_is_still_the_communes(tmp_path):
    text = TWO_COLUMNS.format(unit="XÃ TỊNH ĐÔNG", place="Tịnh Đông", body="Năm 2024, xã giảm 05 hộ nghèo.").replace(
        "ỦY BAN NHÂN DÂN                   ", "UBND HUYỆN SƠN TỊNH               "
    )
    run, draft = _extract(tmp_path, text)
    assert run.code == 0, run.err
    assert (draft["commune"]["name"], draft["report"]["issuer"]) == ("xã Tịnh Đông", "UBND xã Tịnh Đông")


def test_the_place_line_beside_the_number_gives_the_name_without_ubnd(tmp_path):
    """'Số: 15/BC-UBND   Phổ An, ngày …' on one line: the place is 'Phổ An', not 'UBND Phổ An'."""
    text = TWO_COLUMNS.format(unit="", place="Phổ An", body="Năm 2024, xã Phổ An giảm 05 hộ nghèo.")
    run, draft = _extract(tmp_path, text)
    assert run.code == 0, run.err
    assert draft["commune"]["name"] == "xã Phổ An" and draft["commune"]["id"].split("/")[-1] == "pho-an"


def test_a_communes_name_is_never_read_out_of_thi_xa_x(tmp_path):
    body = (
        "Thực hiện Kế hoạch của Ban Thường vụ Thị ủy, UBND xã Phổ An triển khai công tác dân vận năm 2024.\n\n"
        "Xã phối hợp với Ban Dân vận Thị ủy thị xã Đức Phổ, Ủy ban MTTQ thị xã Đức Phổ và các phòng của "
        "thị xã Đức Phổ tổ chức 03 hội nghị.\n\n"
        "Năm 2024, xã xây dựng 02 mô hình “Dân vận khéo”; thị xã Đức Phổ có 15 mô hình.\n"
    )
    text = "BÁO CÁO\nKết quả công tác dân vận năm 2024\n\n" + body
    run, draft = _extract(tmp_path, text, "--as-of", "2024-12-15")
    assert run.code == 0, run.err
    assert draft["commune"]["name"] == "xã Phổ An"


def test_a_body_over_its_superior_over_the_commune_stacked_is_the_communes(tmp_path):
    """'ỦY BAN NHÂN DÂN / HUYỆN A / XÃ B', one per line (read as one paragraph): the report is xã B's."""
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN TÂN PHÚ\nXÃ PHÚ LẬP\nSố: 20/BC-UBND\nPhú Lập, ngày 10 tháng 12 năm 2024\n\n"
        "BÁO CÁO\nKết quả công tác dân vận năm 2024\n\nNăm 2024, xã giảm 04 hộ nghèo.\n"
    )
    run, draft = _extract(tmp_path, text)
    assert run.code == 0, run.err
    assert draft["commune"]["name"] == "xã Phú Lập"


OPENING = (
    "Thực hiện Kế hoạch số 12-KH/HU của Ban Thường vụ Huyện ủy Hàm Yên về thực hiện Đề án của Ban Thường vụ {party} "
    "về công tác dân vận, UBND xã báo cáo như sau:\n\nI. KẾT QUẢ\n\nNăm 2024, xã giảm được 05 hộ nghèo, đạt 100% chỉ tiêu "
    "huyện giao.{later}\n"
)


@pytest.mark.parametrize(
    "party,later,cid,province",
    [
        # the province its opening names gives the draft's id, spelt as documents spell it
        ("Tỉnh ủy Tuyên Quang", "", "tuyen-quang/dong-lac", "Tuyên Quang"),
        ("Tỉnh ủy Khánh Hoà", "", "khanh-hoa/dong-lac", "Khánh Hòa"),  # the old placing of the tone mark
        ("Thành ủy Hải Phòng", "", "hai-phong/dong-lac", "Hải Phòng"),
        # a province named only in the body (a study visit) is not the commune's; two in the opening: none is taken
        ("Tỉnh ủy", " Đoàn đã học tập kinh nghiệm tại tỉnh Lào Cai.", "dong-lac", None),
        ("Tỉnh ủy Tuyên Quang và tỉnh Hà Giang", "", "dong-lac", None),
        # "thành phố Quảng Ngãi" is a provincial city, not a centrally-run one: no province read from it
        ("Thành ủy thành phố Quảng Ngãi", "", "dong-lac", None),
    ],
)
def test_a_draft_takes_the_province_its_header_and_opening_name(tmp_path, party, later, cid, province):
    text = TWO_COLUMNS.format(unit="XÃ ĐỒNG LẠC", place="Đồng Lạc", body=OPENING.format(party=party, later=later))
    run, draft = _extract(tmp_path, text)
    assert run.code == 0, run.err
    assert draft["commune"]["id"] == cid and draft["commune"].get("province") == province
    # --province still decides
    run, draft = _extract(tmp_path, text, "--province", "Hà Giang", "--force")
    assert draft["commune"]["id"] == "ha-giang/dong-lac"


@pytest.mark.parametrize(
    "sentence, culture, total",
    [
        ("Toàn xã có 25/30 thôn, khối đạt danh hiệu văn hóa.", 25, 30),
        ("Có 11 khối được công nhận khối văn hóa trên tổng số 12 khối của thị trấn.", 11, 12),
    ],
)
def test_khoi_the_urban_unit_of_nghe_an_and_ha_tinh_is_a_settlement_unit(tmp_path, sentence, culture, total):
    """ "Khối" counts settlements as thôn and tổ dân phố do (V8b: "25/30 thôn, khối" was left unmatched)."""
    body = "I. KẾT QUẢ THỰC HIỆN\n\n1. " + sentence + "\n"
    run, data = _extract(
        tmp_path, TWO_COLUMNS.format(unit="XÃ ĐÔ LƯƠNG", place="Đô Lương", body=body), "--province", "nghe-an"
    )
    assert run.code == 0, run.err
    facts = {f["indicator"]: f["value"] for f in data["facts"]}
    assert (facts.get("kdc.so_khu_van_hoa"), facts.get("kdc.tong_so_khu")) == (culture, total)
