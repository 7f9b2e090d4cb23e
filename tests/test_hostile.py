"""Hostile input: a committed corpus of malformed files with their expected messages, a 100 MB file, and
property-based tests that throw valid, subtly wrong and garbage fact and rule files at the real CLI."""

from __future__ import annotations

import json
import shutil
import re
import resource
import time
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.cli import main
from chitieu.rows import SHORTFALL_HEADER
from conftest import ROOT, examples, run_cli

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
LOCATED = re.compile(r"^.+:\d+:\d+: (error|warning)\[[a-z0-9-]+\]: .+$")


def _expect(path: Path) -> tuple[str, str | None, int, int, str]:
    first = path.read_bytes().lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").rstrip("\r")
    if first == "# expect: ok":
        return "ok", None, 0, 0, ""
    m = re.match(r"# expect: (error|warning)\[([a-z0-9-]+)\] at (\d+):(\d+) (.+)$", first)
    assert m, f"{path.name}: no '# expect:' header"
    return m.group(1), m.group(2), int(m.group(3)), int(m.group(4)), m.group(5)


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.yaml")), ids=lambda p: p.stem)
def test_hostile_corpus(path):
    level, code, line, col, fragment = _expect(path)
    t = time.perf_counter()
    run = run_cli("check", str(path), "--format", "json")
    assert time.perf_counter() - t < 60, "bounded time"
    assert "Traceback" not in run.err
    if level == "ok":
        assert run.code in (0, 1), run.err
        doc = json.loads(run.out)
        assert doc["findings"] and doc["communes"][0]["id"].startswith("thu/")
        return
    assert run.code == 2
    lines = [ln for ln in run.err.splitlines() if ": error[" in ln or ": warning[" in ln]
    assert all(LOCATED.match(ln) for ln in lines), lines
    expected = f"{path}:{line}:{col}: {level}[{code}]: "
    mine = [ln for ln in lines if ln.startswith(expected)]
    assert mine and fragment in mine[0], (expected, fragment, lines)
    assert not Path("/tmp/chitieu-hostile-pwned").exists()


def test_exponent_float_and_bom_and_crlf_are_read_as_meant(every_commune):
    doc = run_cli("check", str(HOSTILE / "exponent-float.yaml"), "--format", "json", env=every_commune).json()
    online = next(f for f in doc["findings"] if f["rule_id"] == "ho-so-truc-tuyen")
    assert (online["status"], online["actual"]) == ("met", 65)
    for name in ("bom", "crlf"):
        doc = run_cli("check", str(HOSTILE / f"{name}.yaml"), "--format", "json", env=every_commune).json()
        online = next(f for f in doc["findings"] if f["rule_id"] == "ho-so-truc-tuyen")
        assert online["status"] == "met" and online["actual_bound"] == [{"operator": ">", "value": 50}]


def test_a_100_mb_file_is_refused_quickly_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.write(b"schema: chitieu.facts/1\n")
        fh.seek(100 * 1024 * 1024)
        fh.write(b"\n")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    run = run_cli("check", str(big), "--format", "json")
    assert time.perf_counter() - t < 30
    assert run.code == 2
    assert f"{big}:1:1: error[file-too-large]: the file is 104,857,601 bytes; the limit is 8,388,608 bytes" in run.err
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert after < 400 * 1024 or after == before, "the file was not read into memory"


def test_one_bad_file_does_not_stop_a_batch(tmp_path):
    src = (ROOT / "tests" / "fixtures" / "hostile" / "crlf.yaml").read_text(encoding="utf-8")
    for i in range(3):
        (tmp_path / f"xa{i}.yaml").write_text(src.replace("thu/crlf", f"thu/xa-{i}"), encoding="utf-8")
    (tmp_path / "xa1.yaml").write_text(
        src.replace("thu/crlf", "thu/xa-1").replace("value: {gt: 50}", "value: '50%'"), encoding="utf-8"
    )
    run = run_cli("check", str(tmp_path), "--format", "json")
    assert run.code == 2
    doc = run.json()
    assert [c["id"] for c in doc["communes"]] == ["thu/xa-0", "thu/xa-2"]
    assert f"{tmp_path / 'xa1.yaml'}:11:" in run.err and "error[wrong-type]" in run.err
    assert "the communes they touch were left out" in run.err


# --------------------------------------------------------------------------------------------------- properties


def _cli(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def _run_on(path: Path, text: str, command: list[str], options: list[str] = ()) -> tuple[int, str, str]:
    """Write ``text`` to ``path``, run `chitieu COMMAND PATH OPTIONS`; no traceback, every diagnostic located."""
    path.write_text(text, encoding="utf-8")
    code, out, err = _cli([*command, str(path), *options])
    assert "Traceback" not in err
    assert all(LOCATED.match(ln) for ln in err.splitlines() if "error[" in ln or "warning[" in ln), err
    return code, out, err


INDICATORS = [
    "dvk.mo_hinh",
    "giam_ngheo.so_ho_giam",
    "giam_ngheo.chi_tieu_giao",
    "dich_vu_cong.ty_le_ho_so_truc_tuyen",
    "ntm_nc.cong_nhan",
    "ntm_nc.tc01",
    "dvcq.ke_hoach_nam",
    "kdc.tong_so_khu",
    "kdc.so_khu_van_hoa",
    "giam_ngheo.khong_co",
    "Dvk.Mo_hinh",
    "x",
]
VALUES = st.one_of(
    st.integers(-5, 200).map(str),
    st.floats(-1e3, 1e3, allow_nan=False).map(lambda f: f"{f:.6g}"),
    st.sampled_from(
        [
            "true",
            "false",
            "yes",
            "'05'",
            "'50%'",
            "dat",
            "co_ban_dat",
            "da_cong_nhan",
            "null",
            "[]",
            "{gt: 50}",
            "{gt: 70, lt: 20}",
            "{lte: 5}",
            "1e999",
            "99999999999999999999",
            "-0",
            ".5",
            "'06/4/2023'",
            "[{name: A}]",
            "[{name: B, decision: {number: 1/QĐ}}]",
            "{}",
            "~",
        ]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12).map(json.dumps),
)
PERIODS = st.sampled_from(
    ["2022", "2023", "2024", "2025", "as_of", "'2023-2024'", "'2024-2023'", "1800", "x", "'06/4/2023'"]
)
KEYS = st.sampled_from(["value", "items", "claim", "basis", "note", "awaiting_appraisal", "colour"])


@st.composite
def fact_files(draw) -> str:
    lines = [
        "schema: chitieu.facts/1",
        "commune: {id: thu/prop, name: xã Thử}",
        "report:",
        "  title: Báo cáo",
        f"  date: {draw(st.sampled_from(['2024-10', '2024', '2024-13', 'x']))}",
        f"  as_of: {draw(st.sampled_from(['2024-10-31', '2024-02-30', '31/10/2024', '2023-12-31']))}",
        "  issuer: UBND",
        "  period: {from: 2023-01-01, to: 2024-10-31}",
        "facts:",
    ]
    for _ in range(draw(st.integers(0, 8))):
        key = draw(KEYS)
        value = draw(VALUES)
        if key == "claim":
            value = draw(st.sampled_from(["achieved", "not_achieved", "maybe"]))
        lines.append(
            f"  - {{indicator: {draw(st.sampled_from(INDICATORS))}, period: {draw(PERIODS)}, {key}: {value}, "
            "source: {line: 1, quote: q}}"
        )
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):  # garble: cut, duplicate or splice bytes somewhere
        i = draw(st.integers(0, len(text)))
        text = (
            text[:i]
            + draw(st.sampled_from(["", "\t", ":", "{", "]", "- ", "\n  x: y\n", "&a", "*a", "!!str ", "\u0301"]))
            + text[i:]
        )
    return text


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=fact_files())
def test_any_fact_file_gives_a_located_error_or_findings(tmp_path, text):
    code, out, err = _run_on(tmp_path / "f.yaml", text, ["check"], ["--format", "json", "--fail-on", "unmet"])
    assert code in (0, 1, 2), (code, err)
    diag_lines = [ln for ln in err.splitlines() if "error[" in ln or "warning[" in ln]
    if code == 2:
        assert any(": error[" in ln for ln in diag_lines), err
    else:
        json.loads(out)


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_garbage_bytes_never_crash(tmp_path, data):
    path = tmp_path / "g.yaml"
    path.write_bytes(data)
    code, out, err = _cli(["check", str(path), "--format", "json"])
    assert code == 2 and out == ""
    assert all(LOCATED.match(ln) for ln in err.splitlines() if "error[" in ln)


RULE_SNIPPETS = st.sampled_from(
    [
        "    measure: {of: giam_ngheo.so_ho_giam}\n    target: {op: '>=', value: 1, unit: hộ}\n",
        "    measure: {of: dvcq.ke_hoach_nam}\n    target: {op: '==', value: true}\n",
        "    measure: {of: dich_vu_cong.ty_le_ho_so_truc_tuyen}\n    target: {op: '>=', value: 150}\n",
        "    measure: {of: ntm_nc.cong_nhan}\n    target: {op: '>=', value: dat_chuan}\n",
        "    measure: {of: kdc.so_khu_van_hoa, per: kdc.tong_so_khu}\n    target: {op: '>=', value: null}\n",
        "    measure: {of: nope}\n    target: {op: '~', value: 1}\n",
        "    target: {op: '>=', value: 1}\n",
        "    kind: all_of\n    requires: [giam-ngheo, khong-co]\n",
    ]
)


@st.composite
def rule_files(draw) -> str:
    body = draw(RULE_SNIPPETS)
    period = draw(
        st.sampled_from(
            [
                "{kind: annual}",
                "{kind: deadline}",
                "{kind: as_of}",
                "{kind: cumulative}",
                "{kind: annual, from: 1990}",
                "weekly",
            ]
        )
    )
    messages = draw(
        st.sampled_from(["{met: đạt, unmet: chưa đạt}", "{met: '{actual'}", "{met: '{bogus}', unmet: x}", "{}"])
    )
    examples = draw(
        st.sampled_from(
            [
                "[]",
                "[{name: a, facts: [], expect: {status: met}}]",
                "[{name: a, facts: [{indicator: x}], expect: {status: wrong}}]",
            ]
        )
    )
    text = (
        "schema: chitieu.rules/1\ndocument: {id: thu-prop, kind: Kế hoạch, number: 1/KH, date: 2024-01-01, "
        "issuer: UBND, title: Thử, period: {from: 2024, to: 2026}}\nrules:\n  - id: thu-quy-tac\n    title: Thử\n"
        f"    source: {{clause: Điều 1}}\n    theme: kinh_te\n    severity: minor\n{body}    period: {period}\n"
        f"    messages: {messages}\n    examples: {examples}\n"
    )
    if draw(st.booleans()):
        i = draw(st.integers(0, len(text)))
        text = (
            text[:i] + draw(st.sampled_from(["", "\t", ": ", "[", "}", "\n- ", "!!python/name:os.system "])) + text[i:]
        )
    return text


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=rule_files())
def test_any_rule_file_is_linted_with_locations(tmp_path, text):
    code, out, err = _run_on(tmp_path / "r.yaml", text, ["rules", "lint"])
    assert code in (0, 2), err


def _strip_paths(doc: dict) -> dict:
    for c in doc["communes"]:
        c.pop("files")
    for f in doc["findings"]:
        for fact in f["facts"]:
            fact.pop("file")
    return doc


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000))
def test_findings_identical_for_nfc_and_nfd_files(tmp_path, seed):
    from bench.generate import commune_files
    from chitieu.catalogue import load_catalogue
    import random

    files = commune_files(load_catalogue(), 7, [2023, 2024], random.Random(seed))
    outs = []
    for form in ("NFC", "NFD"):
        folder = tmp_path / form
        for rel, text in files.items():
            p = folder / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(unicodedata.normalize(form, text.replace("Tổng hợp", "Tịnh Ấn")), encoding="utf-8")
        code, out, err = _cli(["check", str(folder), "--format", "json", "--fail-on", "never"])
        assert code == 0, err
        outs.append(_strip_paths(json.loads(out)))
    assert outs[0] == outs[1]
    assert unicodedata.is_normalized("NFC", json.dumps(outs[1], ensure_ascii=False))


def test_batch_output_identical_across_runs_and_hash_seeds(tmp_path):
    from bench.generate import generate

    generate(tmp_path / "in", 6, 2, seed=3)
    runs = [
        run_cli("check", str(tmp_path / "in"), "--format", "json", env={"PYTHONHASHSEED": s}) for s in ("0", "1", "99")
    ]
    assert {r.code for r in runs} == {1}
    assert runs[0].out == runs[1].out == runs[2].out
    assert [c["id"] for c in runs[0].json()["communes"]] == sorted(c["id"] for c in runs[0].json()["communes"])


# --------------------------------------------------------------------------------------------------- hostile text in outputs

# A commune name and a quote as an attacker would write them in YAML escapes: control characters (BEL, NUL, ESC and
# a terminal title sequence), a spreadsheet formula, raw HTML and a javascript: link.
HOSTILE_NAME = (
    r'"=HYPERLINK(\"http://x.invalid\",\"xã\")\a\0\e]0;pwned\a <img src=x onerror=alert(1)> [bấm](javascript:alert(1))"'
)
HOSTILE_QUOTE = r'"@SUM(1+1)*cmd|\" /C calc\"!A0 [bấm](javascript:alert(1)) <script>alert(1)</script>\x1b[31m"'
HOSTILE_FACTS = """\
schema: chitieu.facts/1
commune: {{id: quang-ngai/doc-hai, name: {name}}}
report: {{title: Báo cáo thử, date: 2024-10, as_of: 2024-10-31, issuer: UBND xã Thử, period: {{from: 2023-01-01, to: 2024-10-31}}}}
facts:
  - {{indicator: gpmb.ke_hoach_mo_hinh, period: as_of, value: false, source: {{line: 1, quote: {quote}}}}}
  - {{indicator: dich_vu_cong.ty_le_ho_so_truc_tuyen, period: as_of, value: {{gt: 50}}, source: {{line: 2, quote: {quote}}}}}
"""
RISKY = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _hostile(tmp_path: Path, name: str = HOSTILE_NAME, quote: str = HOSTILE_QUOTE) -> Path:
    path = tmp_path / "doc-hai.yaml"
    path.write_text(HOSTILE_FACTS.format(name=name, quote=quote), encoding="utf-8")
    return path


def _formula_cells(path: Path) -> list[str]:
    """Cells of every sheet that a spreadsheet would run: formulas, or text starting like one without the quote
    prefix that keeps it text."""
    from openpyxl import load_workbook

    bad = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (
                    isinstance(c.value, str)
                    and c.value.startswith(RISKY)
                    and not c.quotePrefix
                    and not re.fullmatch(r"[+-]?[\d.,]+", c.value)
                ):  # "-0" as text: no formula
                    bad.append(f"{ws.title}!{c.coordinate}: {c.value!r}")
    return bad


def test_control_characters_in_names_and_quotes_never_crash_word_or_excel(tmp_path):
    facts = _hostile(tmp_path)
    for command, name in ((["report"], "r.docx"), (["shortfalls"], "t.xlsx"), (["check"], "m.xlsx")):
        out = tmp_path / name
        code, _, err = _cli(
            [*command, str(facts), "-o", str(out), "--fail-on", "never"]
            if command == ["check"]
            else [*command, str(facts), "-o", str(out)]
        )
        assert code == 0, (name, err)
        assert "internal error" not in err
    from docx import Document

    doc = Document(str(tmp_path / "r.docx"))
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    text += "\n".join(p.text for p in doc.paragraphs)
    assert "\ufffd" in text and not CONTROL.search(text.replace("\n", "").replace("\t", ""))
    assert "<img src=x onerror=alert(1)>" in text  # shown as the text it is, in a document that cannot run it


def test_spreadsheet_cells_never_start_a_formula(tmp_path):
    facts = _hostile(tmp_path)
    assert _cli(["shortfalls", str(facts), "-o", str(tmp_path / "t.xlsx")])[0] == 0
    assert _cli(["check", str(facts), "-o", str(tmp_path / "m.xlsx"), "--fail-on", "never"])[0] == 0
    assert _cli(["shortfalls", str(facts), "-o", str(tmp_path / "t.csv")])[0] == 0
    for book in ("t.xlsx", "m.xlsx"):
        assert _formula_cells(tmp_path / book) == [], book
    from openpyxl import load_workbook

    rows = list(load_workbook(tmp_path / "t.xlsx")["Danh sách thiếu hụt"].iter_rows(values_only=True))
    assert rows[1][2].startswith("=HYPERLINK(")  # the text is all there, kept as text
    import csv as csv_module
    import io as io_module

    fields = [
        f
        for row in csv_module.reader(io_module.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig")))
        for f in row
    ]
    assert fields[len(SHORTFALL_HEADER) + 2].startswith(
        "'=HYPERLINK(\"http://x.invalid\",\"xã\")\ufffd\ufffd\ufffd]0;pwned"
    )
    assert not [f for f in fields if f.startswith(RISKY) and not re.fullmatch(r"[+-]?[\d.,]+", f)]
    assert fields[len(SHORTFALL_HEADER)] == "1"  # numbers stay bare numbers


def test_markdown_and_html_outputs_carry_no_markup_from_the_input(tmp_path):
    facts = _hostile(tmp_path)
    outputs = {}
    for command, name in ((["report"], "r.md"), (["shortfalls"], "t.md"), (["check"], "m.html")):
        code, _, err = _cli(
            [*command, str(facts), "-o", str(tmp_path / name)]
            + (["--fail-on", "never"] if command == ["check"] else [])
        )
        assert code == 0, err
        outputs[name] = (tmp_path / name).read_text(encoding="utf-8")
    for name, text in outputs.items():
        assert not re.search(r"(?<!\\)<(img|script)", text), name
        assert name.endswith(".html") or not re.search(r"(?<!\\)\]\(javascript:", text), name
        assert not CONTROL.search(text.replace("\n", "")), name
    assert r"\<img src=x onerror=alert(1)\>" in outputs["r.md"]
    assert r"\[bấm\](javascript:alert(1))" in outputs["t.md"] and r"\[bấm\](javascript:alert(1))" in outputs["r.md"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in outputs["m.html"]


def test_the_terminal_gets_no_escape_sequence_from_the_input(tmp_path):
    facts = _hostile(tmp_path)
    for fmt in ("list", "table", "matrix", "section"):
        code, out, err = _cli(["check", str(facts), "--format", fmt, "--fail-on", "never"])
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out and "\x00" not in out, fmt
    code, out, _ = _cli(["report", str(facts), "--format", "txt"])
    assert code == 0 and not CONTROL.search(out.replace("\n", ""))


NAMES = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30)


def _every_output(cat, facts: Path) -> dict | None:
    """Every writer of every command on one commune, in memory (the engine's own calls, as the CLI makes them)."""

    from chitieu.batch import audit_batch
    from chitieu.diagnostics import Diagnostics
    from chitieu.reporters import DOCUMENT_FORMATS, REPORTERS, SHORTFALL_FORMATS, Options, Run, render
    from chitieu.reporters.documents import PRODUCTS

    diags = Diagnostics()
    audited = list(audit_batch(cat, [facts], diags))
    if diags.has_errors():
        return None
    out = {f"shortfalls.{n}": render(r, Run(cat, iter(audited))) for n, r in SHORTFALL_FORMATS.items()}
    out |= {
        f"report.{p}.{n}": render(r, Run(cat, iter(audited)), Options(product=p))
        for p in PRODUCTS
        for n, r in DOCUMENT_FORMATS.items()
    }
    out |= {f"check.{n}": render(r, Run(cat, iter(audited))) for n, r in REPORTERS.items()}
    return out


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES, quote=NAMES)
def test_any_text_in_names_and_quotes_never_crashes_a_writer(tmp_path, catalogue, name, quote):
    """Random text (escaped as YAML writes it) as the commune's name and the report's quote: every writer succeeds,
    no spreadsheet cell starts a formula, and no text output carries a control character or raw HTML from it."""
    outputs = _every_output(catalogue, _hostile(tmp_path, json.dumps(name), json.dumps(quote)))
    if outputs is None:  # a name the input side refuses (blank, too long…) is its business
        return
    for book in (
        "shortfalls.xlsx",
        "check.xlsx",
        *(f"report.{p}.xlsx" for p in ("commune", "reviewer", "self-assessment")),
    ):
        (tmp_path / book).write_bytes(outputs[book])
        assert _formula_cells(tmp_path / book) == [], book
    for key, text in outputs.items():
        if isinstance(text, str) and not key.endswith("json"):  # JSON escapes control characters itself
            assert not CONTROL.search(text.replace("\r\n", "").replace("\n", "").replace("\t", "")), key
    for md in ("shortfalls.md", "report.commune.md", "report.reviewer.md", "report.self-assessment.md"):
        assert not re.search(r"(?<!\\)<[A-Za-z!/?]", outputs[md].replace("<br>", "")), md
    for field in (f for row in csv_rows(outputs["shortfalls.csv"]) for f in row):
        assert not field.startswith(RISKY) or re.fullmatch(r"[+-]?[\d.,]+", field), field


def csv_rows(text: str) -> list[list[str]]:
    import csv as csv_module
    import io as io_module

    return list(csv_module.reader(io_module.StringIO(text.lstrip("\ufeff"))))


def test_error_messages_and_rule_pages_carry_no_escape_sequence(tmp_path):
    """Diagnostics quote what the input says, and the rule author's commands print the rule's text: an escape
    sequence written in either reaches the terminal as U+FFFD, never as a command to it."""
    facts = (
        _hostile(tmp_path)
        .read_text(encoding="utf-8")
        .replace("indicator: gpmb.ke_hoach_mo_hinh", r'indicator: "gpmb.ke_hoach_mo_hinh\e]0;pwned\a"')
    )
    (tmp_path / "doc-hai.yaml").write_text(facts, encoding="utf-8")
    code, out, err = _cli(["check", str(tmp_path / "doc-hai.yaml"), "--format", "json"])
    assert code == 2 and "error[invalid-value]: 'gpmb.ke_hoach_mo_hinh\ufffd]0;pwned\ufffd' is not a valid" in err
    assert not CONTROL.search(err.replace("\n", ""))
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    plan = rules / "ke-hoach-84.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "    title: Hằng năm UBND xã ban hành kế hoạch công tác dân vận chính quyền\n",
            '    title: "Hằng năm UBND xã\\e[2J ban hành kế hoạch công tác dân vận chính quyền"\n',
        ),
        encoding="utf-8",
    )
    for command in (
        ["rules", "show", "ke-hoach-dan-van-hang-nam"],
        ["rules", "list"],
        ["rules", "test", "-k", "ke-hoach-dan-van-hang-nam"],
    ):
        code, out, err = _cli([*command, "--rules", str(rules)])
        assert code == 0, (command, err)
        assert not CONTROL.search((out + err).replace("\n", "")), command
    assert "UBND xã\ufffd[2J ban hành" in _cli(["rules", "show", "ke-hoach-dan-van-hang-nam", "--rules", str(rules)])[1]


# --------------------------------------------------------------------------------------------------- identity

NAME_PARTS = st.sampled_from(
    [
        "xã ",
        "id: ",
        "thu/victim",
        "commune:",
        " # id: thu/x",
        "{",
        "}",
        ", ",
        "'",
        '"',
        "\\",
        "Tịnh An",
        "\n",
        ": ",
        "- ",
        "&a ",
        "*a",
        "!x ",
    ]
)
IDS = st.from_regex(r"thu/[a-z]{1,6}(-[a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def commune_blocks(draw) -> str:
    """A fact file head whose commune block is written in any YAML style, with names and comments that spell ids."""
    name = "".join(draw(st.lists(NAME_PARTS, max_size=6)))
    cid = draw(IDS)
    decoy = draw(IDS)
    quoted = json.dumps(name, ensure_ascii=False)
    keys = [f"id: {cid}", f"name: {quoted}", "district: " + json.dumps(f"id: {decoy}", ensure_ascii=False)]
    keys = draw(st.permutations(keys))
    style = draw(st.sampled_from(["flow", "block", "block4", "flow-lines"]))
    if style == "flow":
        block = "commune: {" + ", ".join(keys) + "}"
    elif style == "flow-lines":
        block = "commune: {\n  " + ",\n  ".join(keys) + "\n}"
    else:
        pad = "  " if style == "block" else "    "
        block = (
            "commune:"
            + draw(st.sampled_from(["", f"  # id: {decoy}"]))
            + "\n"
            + "\n".join(pad + k + draw(st.sampled_from(["", f"  # id: {decoy}"])) for k in keys)
        )
    before = draw(
        st.sampled_from(
            [
                "",
                f"# commune: {{id: {decoy}}}\n",
                f"title: \"commune:\\n  id: {decoy}\"\n",
                f"x: |\n  commune:\n    id: {decoy}\n",
            ]
        )
    )
    return f"schema: chitieu.facts/1\n{before}{block}\nreport: {{title: t}}\n"


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=commune_blocks())
def test_random_commune_blocks_never_move_a_file_to_another_commune(tmp_path, text):
    from chitieu.batch import file_head
    from chitieu.diagnostics import InputError
    from chitieu.yamlsrc import load

    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        data = load(path).data
    except InputError:
        return  # a file that does not parse is loaded alone and its errors reported
    expected = data["commune"]["id"] if isinstance(data.get("commune"), dict) else None
    assert file_head(path, text) == ("chitieu.facts/1", expected), text


@pytest.fixture(scope="module")
def two_communes(tmp_path_factory):
    """Two communes and a waiver file, and the findings of checking them once, each path given once."""
    root = tmp_path_factory.mktemp("order")
    src = (HOSTILE / "crlf.yaml").read_text(encoding="utf-8")
    for cid in ("thu/mot", "thu/hai"):
        folder = root / cid.split("/")[1]
        folder.mkdir()
        (folder / "a.yaml").write_text(src.replace("thu/crlf", cid), encoding="utf-8")
        (folder / "b.yaml").write_text(
            src.replace("thu/crlf", cid).split("facts:")[0] + "facts:\n  - {indicator: "
            "giam_ngheo.so_ho_giam, period: 2023, value: 4, source: {line: 2, quote: q}}\n",
            encoding="utf-8",
        )
    (root / "w.yaml").write_text(
        "schema: chitieu.waivers/1\nwaivers:\n  - {rule: giam-ngheo, commune: thu/hai, "
        "period: 2023, reason: thử, approver: thử, expires: 2030-01-01}\n",
        encoding="utf-8",
    )
    base = [root / "mot", root / "hai" / "a.yaml", root / "hai" / "b.yaml", root / "w.yaml"]
    code, out, err = _cli(["check", *map(str, base), "--format", "json", "--fail-on", "never"])
    assert code == 0, err
    return root, base, json.loads(out)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_or_repetition_of_the_input_paths_gives_the_same_findings(two_communes, data):
    root, base, expected = two_communes
    extra = [root / "hai", root / "mot" / "a.yaml", root / "w.yaml", root]
    paths = data.draw(st.permutations(base + data.draw(st.lists(st.sampled_from(extra), max_size=4))))
    code, out, err = _cli(["check", *map(str, paths), "--format", "json", "--fail-on", "never"])
    assert code == 0, err
    assert json.loads(out) == expected
