"""Unit tests of the engine's arithmetic — Interval, periods, measuring — with exact values, so that a regression shows
in the function that broke and not only as a wrong status in the CLI's JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.facts import CommuneFacts, LoadedFact
from chitieu.measure import Interval, measure
from chitieu.model import Commune, Fact, Measure, Report
from chitieu.periods import windows_for

D = Decimal


def commune(*facts: dict, as_of: str = "2024-10-31", start: str = "2023-01-01") -> CommuneFacts:
    report = Report.model_validate(
        {
            "title": "Báo cáo thử",
            "date": as_of[:7],
            "as_of": as_of,
            "issuer": "UBND xã Thử",
            "period": {"from": start, "to": as_of},
        }
    )
    cf = CommuneFacts(Commune(id="thu/xa", name="xã Thử"), reports=[report], paths=[Path("thu.yaml")])
    for i, raw in enumerate(facts, 1):
        data = dict(raw)
        data.setdefault("source", {"line": i, "quote": "câu trích"})
        cf.facts.append(LoadedFact(Fact.model_validate(data), Path("thu.yaml"), i, 3, report))
    return cf


# --------------------------------------------------------------------------------------------------- Interval


def test_interval_sum_keeps_open_ends_and_unknown_bounds():
    a = Interval(D(2), D(2))
    b = Interval(D(50), None, lx=True)
    total = a + b
    assert (total.lo, total.hi, total.lx, total.hx) == (D(52), None, True, False)
    assert a.exact and not b.exact and not total.exact


def test_interval_scale_multiplies_both_ends():
    iv = Interval(D(3), D(4), hx=True).scale(D(25))
    assert (iv.lo, iv.hi, iv.lx, iv.hx) == (D(75), D(100), False, True)
    assert Interval(None, D(1)).scale(D(2)).lo is None


# --------------------------------------------------------------------------------------------------- periods


def test_annual_windows_cover_the_report_years_up_to_the_as_of_date(catalogue):
    lr = catalogue.by_id["mo-hinh-dvk-moi-nam"]
    ws = windows_for(lr, commune())
    assert [(w.key, w.label, w.open, w.partial) for w in ws] == [
        ("2023", "năm 2023", False, False),
        ("2024", "năm 2024", True, True),
    ]
    assert ws[1].start == dt.date(2024, 1, 1) and ws[1].end == dt.date(2024, 12, 31)


def test_a_fact_for_a_year_before_the_report_adds_its_window_but_never_before_the_rule_starts(catalogue):
    cf = commune(
        {"indicator": "dvcq.ke_hoach_nam", "period": 2023, "value": True},
        {"indicator": "dvcq.ke_hoach_nam", "period": 2022, "value": True},
        as_of="2024-10-31",
        start="2024-01-01",
    )
    # the report covers 2024; its 2023 fact adds 2023; the rule counts from 2023 (period.from), so 2022 does not count
    assert [w.key for w in windows_for(catalogue.by_id["ke-hoach-dan-van-hang-nam"], cf)] == ["2023", "2024"]


def test_cumulative_deadline_and_as_of_windows(catalogue):
    cf = commune()
    (cum,) = windows_for(catalogue.by_id["mo-hinh-dvk-luy-ke"], cf)
    assert (cum.key, cum.years, cum.open) == ("2023-2024", (2023, 2024), True)
    (dl,) = windows_for(catalogue.by_id["ntm-nang-cao"], cf)
    assert (dl.key, dl.deadline, dl.open, dl.label) == ("by-2026-12-31", dt.date(2026, 12, 31), True, "hạn 31/12/2026")
    (now,) = windows_for(catalogue.by_id["ho-so-truc-tuyen"], cf)
    assert (now.key, now.open, now.partial, now.label) == ("as_of", False, False, "đến ngày 31/10/2024")


# --------------------------------------------------------------------------------------------------- measuring


def _window(catalogue, rule_id: str, cf: CommuneFacts, key: str):
    return next(w for w in windows_for(catalogue.by_id[rule_id], cf) if w.key == key)


def test_count_of_items_splits_them_by_decision(catalogue):
    cf = commune(
        {
            "indicator": "dvk.mo_hinh",
            "period": 2023,
            "items": [
                {"name": "A", "decision": {"kind": "Quyết định", "number": "1/QĐ-UBND", "date": "2023-05-02"}},
                {"name": "B"},
                {"name": "C"},
            ],
        }
    )
    w = _window(catalogue, "mo-hinh-dvk-moi-nam", cf, "2023")
    m = measure(catalogue, cf, Measure(of="dvk.mo_hinh", aggregate="count", evidence=True), w)
    assert (m.interval.lo, m.interval.hi) == (D(3), D(3))
    assert m.items_with == ["A"] and m.items_without == ["B", "C"]
    assert m.evidence_level == "computed"


def test_a_cumulative_count_with_a_year_missing_is_open_above(catalogue):
    cf = commune({"indicator": "dvk.mo_hinh", "period": 2023, "items": [{"name": "A"}, {"name": "B"}]})
    w = _window(catalogue, "mo-hinh-dvk-luy-ke", cf, "2023-2024")
    m = measure(catalogue, cf, Measure(of="dvk.mo_hinh", aggregate="count"), w)
    assert (m.interval.lo, m.interval.hi) == (D(2), None)
    assert m.notes == ["không có số liệu năm 2024"]


def test_a_bound_is_an_open_interval_within_the_indicator_range(catalogue):
    cf = commune({"indicator": "dich_vu_cong.ty_le_ho_so_truc_tuyen", "period": "as_of", "value": {"gt": 50}})
    w = _window(catalogue, "ho-so-truc-tuyen", cf, "as_of")
    m = measure(catalogue, cf, Measure(of="dich_vu_cong.ty_le_ho_so_truc_tuyen"), w)
    iv = m.interval
    assert (iv.lo, iv.hi, iv.lx, iv.hx) == (D(50), D(100), True, False)
    assert m.evidence_level == "bound"


def test_a_ratio_divides_by_the_denominator_in_percent(catalogue):
    cf = commune(
        {"indicator": "kdc.so_khu_van_hoa", "period": "as_of", "value": 3},
        {"indicator": "kdc.tong_so_khu", "period": "as_of", "value": 4},
    )
    w = _window(catalogue, "khu-dan-cu-van-hoa", cf, "as_of")
    m = measure(catalogue, cf, Measure(of="kdc.so_khu_van_hoa", per="kdc.tong_so_khu"), w)
    assert (m.interval.lo, m.interval.hi) == (D(75), D(75))
    assert [lf.fact.indicator for lf in m.facts] == ["kdc.so_khu_van_hoa", "kdc.tong_so_khu"]


def test_a_ratio_without_its_denominator_falls_back_to_the_stated_claim(catalogue):
    cf = commune(
        {"indicator": "giam_ngheo.so_ho_giam", "period": 2023, "value": 11},
        {"indicator": "giam_ngheo.ty_le_hoan_thanh", "period": 2023, "value": 100},
    )
    w = _window(catalogue, "giam-ngheo", cf, "2023")
    m = measure(
        catalogue,
        cf,
        Measure(of="giam_ngheo.so_ho_giam", per="giam_ngheo.chi_tieu_giao", claim="giam_ngheo.ty_le_hoan_thanh"),
        w,
    )
    assert (m.interval.lo, m.via_claim, m.claimed) == (D(100), True, True)
    assert m.notes[0] == "không có số liệu “Chỉ tiêu giảm hộ nghèo được giao trong năm”"
    assert m.evidence_level == "claimed"


@pytest.mark.parametrize(
    "document, claimed, note",
    [
        (None, True, "Báo cáo không dẫn văn bản (số, ngày) làm căn cứ."),
        ({"kind": "Kế hoạch", "number": "5/KH-UBND", "date": "2024-03-01"}, False, None),
    ],
)
def test_a_yes_answer_needs_its_document(catalogue, document, claimed, note):
    fact = {"indicator": "dtvm.ke_hoach_tuyen_truyen", "period": "as_of", "value": True}
    if document:
        fact["document"] = document
    cf = commune(fact)
    rule = catalogue.by_id["ke-hoach-do-thi-van-minh"]
    w = windows_for(rule, cf)[-1]
    m = measure(catalogue, cf, rule.rule.measures()[0][1], w)
    assert m.claimed is claimed
    assert m.evidence_notes == ([note] if note else [])
