"""The report corpus (tests/fixtures/reports and the held-out sets reports-heldout*): every truth file checked against its report and
the catalogue, the Word reports against the script that builds them, and the intake benchmark's matching logic
(bench/intake_eval.py) on small hand-made cases."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document

from conftest import ROOT
from bench.intake_eval import (
    DEFAULT_SETS,
    MustNotFill,
    Places,
    TruthFact,
    evaluate_set,
    find_look_alikes,
    load_truth,
    main,
    match,
    render_text,
    report_lines,
    score_by_indicator,
    truth_files,
)
from chitieu.diagnostics import InputError
from chitieu.reporttext import clean

DEV, HELDOUT = (folder for _, folder in DEFAULT_SETS)
# every held-out set, the later ones measured only when named (tests/fixtures/reports-heldout*)
SETS = [DEV, *sorted((ROOT / "tests" / "fixtures").glob("reports-heldout*"))]
SET_IDS = [folder.name.removeprefix("reports-") if folder != DEV else "dev" for folder in SETS]
TRUTHS = [p for folder in SETS for p in truth_files(folder)]
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def _id(p: Path) -> str:
    return f"{p.parent.name}/{p.name.removesuffix('.truth.yaml')}"


@pytest.fixture(scope="module", params=TRUTHS, ids=_id)
def truth(request):
    return load_truth(request.param)


# --------------------------------------------------------------------------------------------------- the sets


def test_both_sets_are_there_with_the_variety_the_corpus_promises():
    dev = [load_truth(p) for p in truth_files(DEV)]
    held_sets = [[load_truth(p) for p in truth_files(folder)] for folder in SETS[1:]]
    assert len(dev) >= 12 and len(held_sets) >= 2 and all(len(held) >= 5 for held in held_sets)
    docx = [t for t in dev if t.report.suffix == ".docx"]
    with_table = [t for t in docx if any(_is_target_table(tb) for tb in Document(str(t.report)).tables)]
    assert len(docx) >= 3 and len(with_table) >= 2
    for ts in (dev, *held_sets):
        # every set has each kind of unit; a đặc khu (since 07/2025) may come beside them
        assert {"xã", "phường", "thị trấn"} <= {t.data.unit.kind for t in ts} <= {"xã", "phường", "thị trấn", "đặc khu"}
        assert any(t.data.unit.formed_from for t in ts), "a commune formed by the 07/2025 merger"
    assert {str(t.data.date)[:4] for t in dev if t.data.date} >= {"2023", "2024", "2025"}
    assert {t.report.suffix for t in dev} == set(REPORT_SUFFIXES)
    assert any(t.data.date and t.data.date.day is None for t in dev), "a draft with the day left blank"
    # no file in one set is a copy of one in the other
    texts = {_report_text(t.report)[:400] for t in dev}
    assert not any(_report_text(t.report)[:400] in texts for held in held_sets for t in held)


def _is_target_table(table) -> bool:
    head = " ".join(c.text for c in table.rows[0].cells).lower()
    return "chỉ tiêu" in head and "thực hiện" in head


@pytest.mark.parametrize("folder", SETS, ids=SET_IDS)
def test_every_report_has_one_truth_file_and_every_truth_file_its_report(folder):
    reports = {p.name for p in folder.iterdir() if p.suffix in REPORT_SUFFIXES and p.name != "README.md"}
    named = [load_truth(p).data.report for p in truth_files(folder)]
    assert sorted(named) == sorted(reports)
    for p in truth_files(folder):
        assert p.name == Path(load_truth(p).data.report).stem + ".truth.yaml"


# --------------------------------------------------------------------------------------------------- one truth file


def test_truth_uses_only_catalogue_indicators_with_values_of_their_type(truth, catalogue):
    for f in [*truth.data.facts, *truth.data.must_not_fill]:
        assert f.indicator in catalogue.indicators, f"{truth.path.name}: {f.indicator} is not in the catalogue"
    for f in truth.data.facts:
        ind = catalogue.indicators[f.indicator]
        where = f"{truth.path.name}:{f.where} {f.indicator}"
        if f.claim is not None:
            continue
        if ind.type == "items":
            assert f.items is not None, f"{where}: an items indicator takes 'items: N'"
            continue
        assert f.items is None, f"{where}: 'items' only for indicators of type items"
        v = f.value
        if ind.type == "boolean":
            assert isinstance(v, bool), where
        elif ind.type == "level":
            assert v in {lv.key for lv in ind.levels}, f"{where}: {v} is not a level of the indicator"
        else:
            assert not isinstance(v, (bool, str)), f"{where}: a number or a bound"
            if isinstance(v, Decimal):
                assert v >= 0 and (ind.upper is None or v <= ind.upper), f"{where}: {v} is out of range"
                if ind.type == "count":
                    assert v == v.to_integral_value(), f"{where}: a count is whole"


def test_each_fact_quotes_the_place_it_cites_and_the_figure_is_there(truth):
    places = Places(truth.report)
    for f in truth.data.facts:
        where = f"{truth.path.name}:{f.where} {f.indicator} {f.period.key}"
        window = _window(places, f)
        assert window is not None, f"{where}: the place does not exist in {truth.report.name}"
        text, first = window
        at = text.find(_flat(f.quote))
        assert 0 <= at < first, f"{where}: the quote is not at that place: «{f.quote}»"
        quote = _flat(f.quote)
        if f.value is not None and not isinstance(f.value, (bool, str)) and not f.counted:
            assert _figure_in(f.value, quote), f"{where}: the figure {f.value} is not in the quote «{f.quote}»"
        if f.items is not None and not f.counted and not f.names:
            assert _figure_in(Decimal(f.items), quote), f"{where}: the count {f.items} is not in the quote"
        for name in f.names or ():
            assert _flat(name) in text, f"{where}: the item «{name}» is not in the paragraph"
        for number in [d for d in (f.decisions or ()) if d] + ([f.document.number] if f.document else []):
            assert _flat(number) in text, f"{where}: the document number {number} is not in the paragraph"
    for m in truth.data.must_not_fill:
        window = _window(places, m)
        assert window is not None and _flat(m.quote) in window[0][: window[1]], (
            f"{truth.path.name}:{m.where}: the look-alike «{m.quote}» is not at that place"
        )


def test_header_fields_are_written_in_the_report(truth):
    text = _report_text(truth.report)
    low = text.casefold()
    unit = truth.data.unit
    assert f"{unit.kind} {unit.name}".casefold() in low, f"{truth.report.name}: «{unit.kind} {unit.name}» not found"
    for old in unit.formed_from or ():
        assert old.casefold() in low, f"{truth.report.name}: predecessor «{old}» not found"
    d = truth.data.date
    if d is None:
        assert not re.search(r"ngày\s*\S*\s*tháng\s*\d*\s*năm\s+\d{4}", _header(text)), "a dated report"
    elif d.day is None:
        assert re.search(rf"ngày[\s.…]*tháng\s+0?{d.month}\s+năm\s+{d.year}", text), f"blank-day date {d} not found"
    else:
        assert re.search(rf"ngày\s+0?{d.day}\s+tháng\s+0?{d.month}\s+năm\s+{d.year}", text), f"date {d} not found"
    if truth.data.plan:
        plan = truth.data.plan
        assert plan.number in text, f"plan {plan.number} not found"
        if plan.date:
            # the plan's date is written beside its number, before it ("Ngày 29/8/2025, … Kế hoạch số 18/KH-UBND")
            # or after it ("Kế hoạch số 45/KH-UBND ngày 10/3/2023")
            d = rf"0?{plan.date.day}/0?{plan.date.month}/{plan.date.year}"
            near = rf"{d}\D{{0,60}}{re.escape(plan.number)}|{re.escape(plan.number)}\s+ngày\s+{d}"
            assert re.search(near, text), f"plan {plan.number} of {plan.date} not found"


def _header(text: str) -> str:
    """The header block: everything before the first Roman-numbered section heading."""
    m = re.search(r"^\s*I\.\s", text, re.M)
    return text[: m.start()] if m else text


def test_report_is_nfc_and_of_a_real_report_length(truth):
    path = truth.report
    text = _report_text(path)
    assert unicodedata.is_normalized("NFC", text)
    if path.suffix == ".pdf":  # printed from Word: as many paragraphs as a Word report
        assert 25 <= len([x for x in report_lines(path) if x.strip()]) <= 150
    elif path.suffix != ".docx":
        assert 80 <= len(path.read_text(encoding="utf-8").splitlines()) <= 200
    else:
        assert 25 <= len(Document(str(path)).paragraphs) <= 150


@pytest.mark.parametrize("folder", SETS, ids=SET_IDS)
def test_word_reports_are_what_the_committed_script_builds(folder, tmp_path):
    script = folder / "build_docx.py"
    if not script.exists():
        assert not list(folder.glob("*.docx")), f"{folder.name} holds Word reports but no build_docx.py"
        return
    spec = importlib.util.spec_from_file_location(f"build_docx_{folder.name}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path)
    committed = sorted(p.name for p in folder.glob("*.docx"))
    assert sorted(p.name for p in built) == committed
    for p in built:
        assert _docx_text(p) == _docx_text(folder / p.name), f"{p.name} is stale: run {script.relative_to(ROOT)}"
        assert p.read_bytes() == module.build(tmp_path / "again", only=p.name)[0].read_bytes(), "not deterministic"


def test_the_pdf_report_is_what_the_committed_script_prints(tmp_path):
    """The PDF of the corpus is read as committed; its generator (Word → LibreOffice) gives the same text layer."""
    script = DEV / "build_pdf.py"
    spec = importlib.util.spec_from_file_location("build_pdf_dev", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = DEV / module.NAME
    assert committed.read_bytes().startswith(b"%PDF") and (DEV / (committed.stem + ".truth.yaml")).is_file()
    if module.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF generator cannot run")
    built = module.build(tmp_path)
    assert report_lines(built) == report_lines(committed), f"{committed.name} is stale: run {script.relative_to(ROOT)}"


# --------------------------------------------------------------------------------------------------- helpers


def _flat(text: str) -> str:
    return clean(text).replace("“", '"').replace("”", '"').casefold()


def _window(places: Places, place) -> tuple[str, int] | None:
    """(the text at the place and what follows it, the length of the place's own text): a sentence may run on past
    a page break, and a list of names into the next lines."""
    if place.line is not None:
        lines = report_lines(places.report)
        if place.line > len(lines) or not lines[place.line - 1].strip():
            return None
        own = _flat(lines[place.line - 1])
        rest = [_flat(x) for x in lines[place.line : place.line + 12] if x.strip()]
        return " ".join([own, *rest]), len(own)
    doc = Document(str(places.report))
    if place.paragraph is not None:
        paras = doc.paragraphs
        if place.paragraph > len(paras) or not paras[place.paragraph - 1].text.strip():
            return None
        own = _flat(paras[place.paragraph - 1].text)
        rest = [_flat(p.text) for p in paras[place.paragraph : place.paragraph + 8] if p.text.strip()]
        return " ".join([own, *rest]), len(own)
    own = _flat(places.text(place))
    return (own, len(own)) if own else None


_UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def vi_words(n: int) -> set[str]:
    """How a number below 1000 is written in words ('mười một', 'hai mươi mốt', 'một trăm linh năm')."""
    if n < 10:
        return {_UNITS[n]}
    if n < 20:
        last = {5: {"lăm"}, 4: {"bốn", "tư"}}.get(n % 10, {_UNITS[n % 10]})
        return {"mười"} if n == 10 else {f"mười {u}" for u in last}
    if n < 100:
        tens, u = divmod(n, 10)
        head = f"{_UNITS[tens]} mươi"
        if u == 0:
            return {head}
        last = {1: {"mốt"}, 4: {"bốn", "tư"}, 5: {"lăm", "nhăm"}}.get(u, {_UNITS[u]})
        return {f"{head} {x}" for x in last}
    hundreds, rest = divmod(n, 100)
    head = f"{_UNITS[hundreds]} trăm"
    if rest == 0:
        return {head}
    if rest < 10:
        return {f"{head} {link} {_UNITS[rest]}" for link in ("linh", "lẻ")}
    return {f"{head} {w}" for w in vi_words(rest)}


def _forms(d: Decimal) -> set[str]:
    if d == d.to_integral_value():
        n = int(d)
        forms = {str(n), f"{n:02d}", f"{n:,}".replace(",", ".")}
        return forms | (vi_words(n) if n < 1000 else set())
    text = format(d.normalize(), "f")
    return {text.replace(".", ","), text}


_QUALIFIERS = {
    "gt": ("trên", "hơn", "vượt"),
    "gte": ("từ", "ít nhất", "tối thiểu", "không dưới"),
    "lt": ("dưới", "chưa đến", "gần", "không tới"),
    "lte": ("tối đa", "không quá"),
}


def _figure_in(value, quote: str) -> bool:
    if isinstance(value, Decimal):
        if value == 0 and re.search(r"\b(?:không|chưa)\b", quote):
            return True
        return any(re.search(rf"(?<![\w,.]){re.escape(f)}(?![\w]|[,.]\d)", quote) for f in _forms(value))
    bound = {k: getattr(value, k) for k in _QUALIFIERS if getattr(value, k) is not None}
    return all(_figure_in(n, quote) and any(q in quote for q in _QUALIFIERS[k]) for k, n in bound.items())


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in t.rows]
    return "\n".join(parts)


def _report_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(report_lines(path))
    return unicodedata.normalize("NFC", _docx_text(path)) if path.suffix == ".docx" else path.read_text("utf-8")


def test_number_words_cover_the_forms_reports_use():
    assert vi_words(11) == {"mười một"} and vi_words(15) == {"mười lăm"} and "mười tư" in vi_words(14)
    assert vi_words(21) == {"hai mươi mốt"} and vi_words(30) == {"ba mươi"}
    assert vi_words(105) == {"một trăm linh năm", "một trăm lẻ năm"}
    assert _figure_in(Decimal("62.5"), "đạt 62,5%") and not _figure_in(Decimal("62"), "đạt 62,5%")
    assert _figure_in(Decimal(3), "giảm 03 hộ") and not _figure_in(Decimal(3), "giảm 13 hộ")
    assert _figure_in(Decimal(1085), "1.085/1.736 hồ sơ")


# --------------------------------------------------------------------------------------------------- the evaluator


def _fact(**kw) -> TruthFact:
    return TruthFact.model_validate({"line": 1, "quote": "q", **kw})


def _draft(indicator, period, value=None, items=None, claim=None, line=1, quote="q"):
    return SimpleNamespace(
        indicator=indicator, period=period, value=value, items=items, claim=claim, line=line, quote=quote
    )


def test_match_compares_indicator_period_and_value_as_a_reviewer_would():
    truth = [
        _fact(indicator="dich_vu_cong.ty_le_ho_so_truc_tuyen", period="as_of", value=62.5),
        _fact(indicator="giam_ngheo.so_ho_giam", period=2024, value=9),
        _fact(indicator="kdc.so_khu_van_hoa", period="as_of", value={"gt": 10}),
        _fact(indicator="dvk.mo_hinh", period=2024, items=3),
        _fact(indicator="giam_ngheo.ty_le_hoan_thanh", period=2023, claim="achieved"),
        _fact(indicator="dvcq.giao_uoc_thi_dua", period=2024, value=True),
        _fact(indicator="ntm_nc.cong_nhan", period="as_of", value="da_trinh_tham_dinh"),
        _fact(indicator="dvk.tong_so_mo_hinh_bao_cao", period="2023-2024", value=5),
    ]
    drafts = [
        _draft("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of", Decimal("62.50")),  # same number
        _draft("giam_ngheo.so_ho_giam", 2023, 9),  # wrong year
        _draft("kdc.so_khu_van_hoa", "as_of", {"gte": Decimal(10)}),  # other bound
        _draft("dvk.mo_hinh", 2024, items=[{"name": "A"}, {"name": "B"}, {"name": "C"}]),
        _draft("giam_ngheo.ty_le_hoan_thanh", 2023, claim="not_achieved"),  # other claim
        _draft("dvcq.giao_uoc_thi_dua", 2024, 1),  # 1 is not true
        _draft("ntm_nc.cong_nhan", "as_of", "da_trinh_tham_dinh"),
        _draft("dvk.tong_so_mo_hinh_bao_cao", "2023 – 2024", 5),  # spacing of the span
        _draft("dvk.tong_so_mo_hinh_bao_cao", "2023-2024", 5),  # a second copy: unmatched
    ]
    m = match(truth, drafts)
    assert [t.indicator for t, _ in m.matched] == [
        "dich_vu_cong.ty_le_ho_so_truc_tuyen",
        "dvk.mo_hinh",
        "ntm_nc.cong_nhan",
        "dvk.tong_so_mo_hinh_bao_cao",
    ]
    assert [t.indicator for t in m.misses] == [
        "giam_ngheo.so_ho_giam",
        "kdc.so_khu_van_hoa",
        "giam_ngheo.ty_le_hoan_thanh",
        "dvcq.giao_uoc_thi_dua",
    ]
    assert [(d.indicator, d.period) for d in m.false_positives] == [
        ("giam_ngheo.so_ho_giam", 2023),
        ("kdc.so_khu_van_hoa", "as_of"),
        ("giam_ngheo.ty_le_hoan_thanh", 2023),
        ("dvcq.giao_uoc_thi_dua", 2024),
        ("dvk.tong_so_mo_hinh_bao_cao", "2023-2024"),
    ]
    scores = score_by_indicator(truth, drafts, m)
    assert (scores["dvk.tong_so_mo_hinh_bao_cao"].recall, scores["dvk.tong_so_mo_hinh_bao_cao"].precision) == (1, 0.5)
    assert (scores["giam_ngheo.so_ho_giam"].recall, scores["giam_ngheo.so_ho_giam"].precision) == (0, 0)


def test_a_look_alike_is_caught_only_where_the_truth_says_and_with_its_value(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 62,5%; tỷ lệ thanh toán trực tuyến đạt 38,4%.\n"
        "Phấn đấu năm sau đạt trên 70%.\n",
        encoding="utf-8",
    )
    key = "dich_vu_cong.ty_le_ho_so_truc_tuyen"
    rules = [
        MustNotFill.model_validate(
            {"line": 1, "indicator": key, "value": 38.4, "quote": "thanh toán", "reason": "thanh toán trực tuyến"}
        ),
        MustNotFill.model_validate({"line": 2, "indicator": key, "quote": "Phấn đấu", "reason": "chỉ tiêu"}),
    ]
    drafts = [
        _draft(key, "as_of", Decimal("62.5"), line=1, quote="hồ sơ giải quyết trực tuyến đạt 62,5%"),
        _draft(key, "as_of", {"gt": Decimal(70)}, line=2, quote="đạt trên 70%"),
        _draft(key, "as_of", Decimal("38.4"), line=7, quote="thanh toán trực tuyến đạt 38,4%"),
    ]
    found = find_look_alikes(Places(report), rules, drafts)
    # the true 62,5% on line 1 is no look-alike; the 38,4% is, found by its quote although its line is off
    assert [(e.line, show_value(d)) for e, d in found] == [(1, "38.4"), (2, "{gt: 70}")]


def test_a_look_alike_of_the_same_value_is_told_apart_by_its_period(tmp_path):
    """'14/14 tổ dân phố' this year (true) and the 14 registered for next year's title on the same line (a look-alike
    of the same value): the entry's period says which reading is wrong."""
    report = tmp_path / "r.txt"
    report.write_text("Năm 2024 có 14/14 tổ dân phố đạt danh hiệu, và cả 14 tổ đã đăng ký cho năm 2025.\n", "utf-8")
    key = "kdc.so_khu_van_hoa"
    entry = MustNotFill.model_validate(
        {"line": 1, "indicator": key, "value": 14, "period": 2025, "quote": "đăng ký", "reason": "đăng ký, chưa đạt"}
    )
    drafts = [
        _draft(key, "2024", Decimal(14), line=1, quote="14/14 tổ dân phố đạt danh hiệu"),
        _draft(key, "2025", Decimal(14), line=1, quote="14 tổ đã đăng ký"),
    ]
    found = find_look_alikes(Places(report), [entry], drafts)
    assert [(e.line, d.period) for e, d in found] == [(1, "2025")]


def show_value(d) -> str:
    from bench.intake_eval import canon_draft, show

    return show(canon_draft(d))


def test_a_report_the_intake_cannot_read_counts_as_all_misses(tmp_path):
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    (tmp_path / "hong.truth.yaml").write_text(
        "schema: chitieu.intake-truth/1\nreport: hong.docx\nunit: {kind: xã, name: Hỏng}\n"
        "facts:\n  - {indicator: giam_ngheo.so_ho_giam, period: 2024, value: 9, paragraph: 3, quote: giảm 09 hộ}\n",
        encoding="utf-8",
    )
    from chitieu.catalogue import load_catalogue

    s = evaluate_set(load_catalogue(), "hỏng", tmp_path)
    (r,) = s.reports
    assert r.error and "hong.docx" in r.error and "Word" in r.error
    assert [t.indicator for t in r.matching.misses] == ["giam_ngheo.so_ho_giam"] and not r.drafts
    assert (s.overall().truth, s.overall().matched, s.overall().recall) == (1, 0, 0)
    text = render_text([s])
    assert "hong.docx" in text and "intake failed: " in text
    assert "hong.docx:¶3 giam_ngheo.so_ho_giam 2024: 9 → nothing" in text


def test_a_broken_truth_file_is_a_located_error_and_exit_code_2(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Năm 2024 giảm 09 hộ nghèo.\n", encoding="utf-8")
    (tmp_path / "a.truth.yaml").write_text(
        "schema: chitieu.intake-truth/1\nreport: a.txt\nunit: {kind: xã, name: A}\n"
        "facts:\n  - {indicator: giam_ngheo.so_ho_giam, period: 2024, value: 9, items: 2, line: 1, quote: giảm}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        load_truth(tmp_path / "a.truth.yaml")
    assert exc.value.diagnostics[0].line == 5
    assert "exactly one of 'value', 'items' or 'claim'" in exc.value.diagnostics[0].message
    (tmp_path / "b.truth.yaml").write_text(
        "schema: chitieu.intake-truth/1\nreport: b.txt\nunit: {kind: xã, name: B}\nfacts: []\n", encoding="utf-8"
    )
    assert main([str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "a.truth.yaml:5:" in out
    assert "b.truth.yaml:2:9: error[io]: the report 'b.txt' is not there" in out


def test_json_output_reports_each_set_with_its_figures(tmp_path, capsys):
    (tmp_path / "b.txt").write_text("UBND xã Bình An\n\nNăm 2024 giảm 09 hộ nghèo.\n", encoding="utf-8")
    (tmp_path / "b.truth.yaml").write_text(
        "schema: chitieu.intake-truth/1\nreport: b.txt\nunit: {kind: xã, name: Bình An}\ndate: null\n"
        "facts:\n  - {indicator: giam_ngheo.so_ho_giam, period: 2024, value: 9, line: 3, quote: Năm 2024 giảm 09 hộ}\n"
        "  - {indicator: giam_ngheo.chi_tieu_giao, period: 2024, value: 8, line: 3, quote: Năm 2024}\n",
        encoding="utf-8",
    )
    assert main([str(tmp_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "chitieu.intake-eval/1"
    (s,) = doc["sets"]
    assert s["overall"]["truth"] == 2 and s["indicators"]["giam_ngheo.chi_tieu_giao"]["matched"] == 0
    (r,) = s["reports"]
    assert r["report"] == "b.txt" and r["error"] is None
    assert {"indicator": "giam_ngheo.chi_tieu_giao", "period": "2024", "value": "8", "place": "3"} in r["misses"]
    unit = r["header"]["unit"]
    assert unit["expected"] == "Bình An" and unit["right"] == (unit["got"] == "Bình An")
    assert s["overall"]["matched"] == s["overall"]["truth"] - len(r["misses"])
