"""What rule authors use: lint beyond the schema, a rule in plain words, rule skeletons and the generated pages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional

from . import vi
from .catalogue import Catalogue, LoadedRule, load_catalogue
from .compiler import compile_rule, limit_problems
from .diagnostics import Diagnostics
from .examples import example_inputs
from .intake import compile_pattern
from .model import Finding, Indicator
from .words import measure_words
from .yamlsrc import flow

TYPE_WORDS = {
    "count": "số đếm",
    "number": "số",
    "percent": "tỷ lệ %",
    "boolean": "có/không",
    "level": "mức",
    "items": "danh sách mục",
}
PERIOD_FORMS = {
    "annual": "từng năm (period: 2024)",
    "cumulative": "từng năm hoặc cả giai đoạn (period: 2023-2024)",
    "deadline": "tình trạng đến thời điểm báo cáo (period: as_of) hoặc theo năm",
    "as_of": "tình trạng đến thời điểm báo cáo (period: as_of)",
}


# --------------------------------------------------------------------------------------------------- lint


def lint(paths: Iterable[Path], rules_dir: Path, diags: Diagnostics) -> Optional[Catalogue]:
    """Every problem of the catalogue (``rules_dir`` plus extra rule files), collected into ``diags``."""
    extra: list[Path] = []
    root = rules_dir
    for p in paths:
        if p.is_dir():
            root = p
        else:
            extra.append(p)
    cat = load_catalogue(root, extra=extra, diags=diags, strict=False)
    sizes: list = []
    used: set[str] = {lc.criterion.indicator for lc in cat.criteria}
    ids = {lr.id for lr in cat.rules}
    for lr in cat.rules:
        r = lr.rule
        used.update(r.indicators())
        statuses = {ex.expect.status for ex in r.examples}
        line, col = lr.rule_file.where(lr.loc + ("examples",), prefer_key=True)
        required = lr.kind.required_examples(lr)
        for needed in required:
            if needed not in statuses:
                wanted = " and ".join(("an " if s[0] in "aeiou" else "a ") + s for s in required)
                diags.error(
                    lr.path,
                    line,
                    col,
                    "missing-example",
                    f"rule '{lr.id}' has no example expecting '{needed}'; a rule is proved by {wanted} example",
                )
        if "insufficient_data" not in statuses:
            diags.warning(
                lr.path,
                line,
                col,
                "missing-example",
                f"rule '{lr.id}' has no example expecting 'insufficient_data' (what happens without facts)",
            )
        for i, ex in enumerate(r.examples if cat.indicators_complete else ()):  # else: the unread file's error says it
            try:
                example_inputs(lr, i, cat)
            except ValueError as exc:
                el, ec = lr.where("examples", i)
                diags.error(lr.path, el, ec, "example-invalid", f"example '{ex.name}': {exc}")
        for name in ("title", "shortcoming", "remedy", "cause"):
            if "TODO" in (getattr(r, name) or ""):
                tl, tc = lr.where(name)
                diags.warning(lr.path, tl, tc, "todo", f"'{name}' still holds a TODO placeholder")
        target = getattr(r, "target", None)
        basis = getattr(target, "basis", None)
        for name in ("quote", "reference", "why"):
            if basis is not None and "TODO" in (getattr(basis, name) or ""):
                bl, bc = lr.where("target", "basis", name)
                diags.warning(lr.path, bl, bc, "todo", f"'target.basis.{name}' still holds a TODO placeholder")
        if "TODO" in r.source.clause:
            sl, sc = lr.where("source", "clause")
            diags.warning(lr.path, sl, sc, "todo", "'source.clause' still holds a TODO placeholder")
        for tl, tc, text in _todo_comments(lr):
            diags.warning(
                lr.path,
                tl,
                tc,
                "todo",
                f"a TODO left by `rules new`: {text} — set the value on that line, then delete the comment",
            )
        if set(r.dependencies()) - ids or any(k not in cat.indicators for k in r.indicators()):
            continue  # already reported; the checks below need a rule that compiles
        lr.kind.lint_compiled(cat, lr, diags)
        sizes.append((lr, compile_rule(cat, lr)))
    diags.extend(limit_problems(sizes))  # durable_rules' limits, as every audit checks them
    for doc_id, document in cat.documents.items():
        if document.covers is None:
            path, line, col = cat.document_where[doc_id]
            diags.warning(
                path,
                line,
                col,
                "missing-coverage",
                f"document '{doc_id}' does not say which communes it covers, so it applies to every "
                "commune; add 'covers:' (provinces: [...], communes: [...] by id, or all)",
            )
    unread = cat.unread  # what could not be read: the indicators it reads are not "unused"
    for key, (path, line, col) in sorted(cat.indicator_where.items()):
        if (
            key not in unread
            and key not in used
            and not key.startswith(tuple(p.group for i in cat.indicators.values() for p in i.intake if p.group))
        ):
            diags.warning(path, line, col, "indicator-unused", f"indicator '{key}' is read by no rule")
        for pat in cat.indicators[key].intake:
            try:
                compile_pattern(pat.pattern)
            except (ValueError, re.error) as exc:
                diags.error(
                    path,
                    line,
                    col,
                    "intake-pattern",
                    f"indicator '{key}': the pattern “{pat.pattern}” cannot be used: {exc}",
                )
    return cat


# --------------------------------------------------------------------------------------------------- plain words

_TODO_COMMENT = re.compile(r"\s#\s*(TODO\b.*)$")


def _todo_comments(lr: LoadedRule) -> list[tuple[int, int, str]]:
    """The '# TODO' comments on the lines of one rule (from its '- id:' to the next rule or the file's end)."""
    lines = lr.rule_file.text.splitlines()
    start = lr.line
    end = start
    while end < len(lines) and not re.match(r"^\s*- id:", lines[end]):
        end += 1
    out = []
    for n in range(start, end + 1):
        m = _TODO_COMMENT.search(lines[n - 1]) if n - 1 < len(lines) else None
        if m:
            out.append((n, m.start() + 2, m.group(1)))
    return out


def condition_words(cat: Catalogue, rule: LoadedRule) -> list[str]:
    return rule.kind.describe(cat, rule) + [
        "Chưa đạt mà có miễn trừ còn hiệu lực (cùng quy tắc, xã, kỳ) thì là “Miễn trừ”."
    ]


def period_words(rule: LoadedRule) -> str:
    p = rule.rule.period
    span = rule.document.period
    first = p.from_ if p.from_ is not None else span.from_
    last = p.to if p.to is not None else span.to
    if p.kind == "annual":
        text = (
            f"Đánh giá riêng từng năm từ {first} đến {last} có trong báo cáo; năm chưa kết thúc mà chưa đạt thì "
            "“Chưa đến hạn”."
        )
    elif p.kind == "cumulative":
        text = f"Lũy kế từ năm {first} đến năm của thời điểm báo cáo (không quá {last}); năm cuối chưa kết thúc thì ghi chú."
    elif p.kind == "deadline":
        assert p.deadline is not None  # RulePeriod: a deadline period has its date
        text = (
            f"Phải đạt trước ngày {vi.date(p.deadline)}; trước hạn mà chưa đạt là “Chưa đến hạn”, "
            "hết hạn mà chưa đạt là “Chưa đạt”."
        )
    else:
        text = "Tình trạng tại thời điểm số liệu của báo cáo."
    if rule.in_force is not None:
        to = vi.date(rule.in_force.to) if rule.in_force.to else "nay"
        text += f" Bộ quy tắc có hiệu lực từ {vi.date(rule.in_force.from_)} đến {to}; ngoài khoảng đó: “Không áp dụng”."
    return text


def facts_needed(cat: Catalogue, rule: LoadedRule) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for key in dict.fromkeys(rule.rule.indicators()):
        ind: Optional[Indicator] = cat.indicators.get(key)
        if ind is None:
            continue
        rows.append((key, ind.name, TYPE_WORDS[ind.type], ind.unit or "—", PERIOD_FORMS[rule.rule.period.kind]))
    for dep in rule.rule.dependencies():
        rows.append((dep, "kết luận của quy tắc khác", "kết luận", "—", "—"))
    return rows


# --------------------------------------------------------------------------------------------------- pages


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fact_line(raw: dict) -> str:
    return flow({k: v for k, v in raw.items() if k != "source"})


def rule_page(cat: Catalogue, rule: LoadedRule) -> str:
    """One rule as Markdown — what `chitieu rules show` prints and `chitieu rules docs` writes."""
    r = rule.rule
    doc = rule.document
    lines = [f"# `{r.id}` — {r.title}", ""]
    lines += [
        "| | |",
        "|---|---|",
        f"| Văn bản nguồn | {_cell(doc.citation)} của {_cell(doc.issuer)} |",
        f"| Nội dung | {_cell(r.source.clause)} |",
        f"| Áp dụng cho | {_cell(vi.coverage(doc.covers))} |",
    ]
    if r.source.report_line:
        lines.append(f"| Dòng báo cáo mẫu | {r.source.report_line} |")
    lines += [
        f"| Đã đối chiếu văn bản gốc | {'có' if r.source.verified else 'chưa'} |",
        f"| Loại quy tắc | {rule.kind.label} |",
        f"| Chủ đề | {vi.THEME_LABELS[r.theme]} |",
        f"| Mức độ | {vi.SEVERITY_LABELS[r.severity]} ({r.severity}) |",
        f"| Thẻ | {', '.join(r.tags) or '—'} |",
        f"| Tệp | `{rule.path.name}`, dòng {rule.line} |",
        "",
    ]
    for _, m in r.measures()[:1]:
        words = measure_words(cat, m)
        lines += ["## Đo gì", "", words[:1].upper() + words[1:] + ".", ""]
    if r.why:
        lines += ["## Vì sao quan trọng", "", r.why, ""]
    lines += ["## Điều kiện", ""] + [f"- {s}" for s in condition_words(cat, rule)] + [""]
    lines += ["## Kỳ đánh giá", "", period_words(rule), ""]
    rows = facts_needed(cat, rule)
    if rows:
        lines += ["## Dữ liệu cần", "", "| Chỉ số | Tên | Kiểu | Đơn vị | Kỳ của dữ liệu |", "|---|---|---|---|---|"]
        lines += [f"| `{a}` | {_cell(b)} | {c} | {_cell(d)} | {e} |" for a, b, c, d, e in rows] + [""]
    if r.dependencies():
        lines += ["## Quy tắc liên quan", "", ", ".join(f"`{d}`" for d in r.dependencies()), ""]
    lines += ["## Ví dụ", "", "| Ví dụ | Thời điểm | Dữ liệu | Kết quả mong đợi |", "|---|---|---|---|"]
    for i, ex in enumerate(r.examples):
        facts = "<br>".join(_cell(_fact_line(f)) for f in ex.facts) or "(không có dữ liệu)"
        try:
            when = vi.date(example_inputs(rule, i)[0].as_of)
        except ValueError:
            when = "—"
        exp = ex.expect
        expected = f"{exp.status} — {vi.STATUS_LABELS[exp.status]}"
        extras = [
            f"{k}: {v}"
            for k, v in (
                ("kỳ", exp.period),
                ("căn cứ", exp.evidence_level),
                ("kết quả", exp.actual),
                ("triển vọng", exp.outlook),
            )
            if v is not None
        ]
        if extras:
            expected += " (" + ", ".join(str(x) for x in extras) + ")"
        lines.append(f"| `{ex.name}` | {when} | {facts} | {_cell(expected)} |")
    lines += ["", "## Thông điệp", ""]
    for key, text in r.messages.items():
        lines.append(f"- **{key}**: {_cell(text)}")
    for name, label in (
        ("shortcoming", "Câu “tồn tại, hạn chế”"),
        ("remedy", "Nhiệm vụ khắc phục"),
        ("cause", "Nguyên nhân"),
    ):
        text = getattr(r, name)
        if text:
            lines.append(f"- **{label}**: {_cell(text)}")
    notes = [n for n in (r.source.note, doc.note) if n]
    if notes:
        lines += ["", "## Ghi chú về nguồn", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines).rstrip() + "\n"


def index_page(cat: Catalogue) -> str:
    lines = [
        f"# Danh mục quy tắc — {cat.info.name}",
        "",
        f"Phiên bản {cat.info.version}; {len(cat.rules)} quy tắc. "
        "Trang này và các trang quy tắc được sinh bằng `chitieu rules docs` từ các tệp trong `rules/`; "
        "đừng sửa tay.",
        "",
    ]
    by_doc: dict[str, list[LoadedRule]] = {}
    for lr in cat.rules:
        by_doc.setdefault(lr.document.id, []).append(lr)
    for rules in by_doc.values():
        doc = rules[0].document
        lines += [
            f"## {doc.citation} — {doc.issuer}",
            "",
            _cell(doc.title),
            "",
            "| Quy tắc | Nội dung | Kỳ | Mức độ |",
            "|---|---|---|---|",
        ]
        for lr in rules:
            lines.append(
                f"| [`{lr.id}`]({lr.id}.md) | {_cell(lr.rule.title)} | {lr.rule.period.kind} | {lr.rule.severity} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# The first line of every page `chitieu rules docs` writes: the mark that lets it replace or remove a page later,
# and leave alone every file it did not write.
GENERATED_MARK = "<!-- chitieu rules docs: generated from the rule files; do not edit by hand -->"


def docs_pages(cat: Catalogue) -> dict[str, str]:
    pages = {"index.md": index_page(cat)}
    for lr in cat.rules:
        pages[f"{lr.id}.md"] = rule_page(cat, lr)
    return {name: f"{GENERATED_MARK}\n\n{text}" for name, text in pages.items()}


def is_generated(path: Path) -> bool:
    """Does the file start with the mark of `chitieu rules docs`?"""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(GENERATED_MARK.encode()) + 3).lstrip(b"\xef\xbb\xbf").startswith(GENERATED_MARK.encode())
    except OSError:
        return False


def write_docs(out_dir: Path, pages: dict[str, str], *, force: bool) -> list[str]:
    """Write the pages into ``out_dir`` and remove the pages it wrote before that are no longer generated (a rule
    removed); return the names removed. A file chitieu did not write is never replaced or removed: a folder holding
    any is refused unless ``force`` (then they stay beside the pages), and one in the way of a page is refused."""
    from .output import OutputError, write_atomic

    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is not a folder; give a folder for the pages")
    entries = sorted(p for p in out_dir.iterdir() if not p.name.startswith(".")) if out_dir.exists() else []
    ours = [p for p in entries if p.is_file() and p.suffix == ".md" and is_generated(p)]
    foreign = [p for p in entries if p not in ours]
    in_the_way = [p for p in foreign if p.name in pages]
    if in_the_way:
        raise OutputError(
            f"{in_the_way[0]}: was not written by `chitieu rules docs`, and a page of that name would "
            "replace it; move it away or choose another folder (nothing was written)"
        )
    if foreign and not force:
        shown = ", ".join(p.name for p in foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise OutputError(
            f"{out_dir}: holds {len(foreign)} file(s) that `chitieu rules docs` did not write ({shown}); "
            "choose an empty or new folder, or pass --force to write the pages beside them (they are "
            "never removed)"
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only place, /proc, a file where a parent folder should be
        raise OutputError(f"cannot write {out_dir}: {exc.strerror or exc}; nothing was written") from exc
    for name, text in pages.items():
        write_atomic(out_dir / name, text, force=True)
    stale = [p for p in ours if p.name not in pages]
    for p in stale:
        p.unlink()
    return [p.name for p in stale]


# --------------------------------------------------------------------------------------------------- skeleton

THEMES = "kinh_te, nong_thon_moi, do_thi_van_minh, dan_van_chinh_quyen"
SEVERITIES = "critical, major, minor, info"


def skeleton(
    cat: Catalogue,
    rule_id: str,
    document_id: str,
    indicator: Optional[str],
    title: Optional[str],
    clause: Optional[str],
    today: dt.date,
    *,
    theme: Optional[str] = None,
    severity: Optional[str] = None,
    target: Optional[Decimal] = None,
) -> str:
    """YAML text of a new rule, ready to append under the document's 'rules:'; its examples pass as written. What
    was not given (theme, severity, the target's level) is a working value with a '# TODO' comment that `rules
    lint` reports until it is set."""
    doc_rules = [lr for lr in cat.rules if lr.document.id == document_id]
    doc = cat.documents[document_id]
    ind = cat.indicators.get(indicator or "")
    year = min(max(today.year - 1, doc.period.from_), doc.period.to)
    key = ind.key if ind else (indicator or "TODO.chi_so")
    unit = ind.unit if ind and ind.unit else None
    kind = ind.type if ind else "count"
    if kind == "boolean":
        measure, target_text = f"{{of: {key}}}", 'op: "==", value: true'
        met, unmet = "true", "false"
    elif kind == "level":
        levels = [lv.key for lv in (ind.levels if ind else None) or []]
        measure, target_text = f"{{of: {key}}}", f'op: ">=", value: {levels[-1]}'
        met, unmet = levels[-1], levels[0]
    elif kind == "items":
        measure, target_text = f"{{of: {key}, aggregate: count}}", f'op: ">=", value: 1, unit: {unit or "mục"}'
        met, unmet = "[{name: Mục 1}]", "[]"
    elif kind == "percent":
        level = target if target is not None else Decimal(50)
        measure, target_text = f"{{of: {key}}}", f'op: ">=", value: {level}, unit: "%"'
        met, unmet = f"{level}", f"{max(level - 10, Decimal(0))}"
    else:
        level = target if target is not None else Decimal(1)
        unit_part = f", unit: {unit}" if unit else ""
        measure, target_text = f"{{of: {key}}}", f'op: ">=", value: {level}{unit_part}'
        met, unmet = f"{level}", f"{max(level - 1, Decimal(0))}"
    if kind in ("items",) and target is not None:
        target_text = target_text.replace("value: 1,", f"value: {target},")
        met = "[" + ", ".join(f"{{name: Mục {i + 1}}}" for i in range(int(target))) + "]"
    value_key = "items" if kind == "items" else "value"
    todo_target = (
        ""
        if target is not None or kind in ("boolean", "level")
        else "   # TODO: mức chỉ tiêu theo văn bản (khung ghi tạm: sửa value, rồi xóa chú thích này)"
    )
    todo_theme = "" if theme else f"   # TODO: chủ đề trong mục “Tồn tại, hạn chế”: {THEMES}"
    todo_severity = "" if severity else f"   # TODO: mức độ: {SEVERITIES}"
    theme = theme or (doc_rules[0].rule.theme if doc_rules else "dan_van_chinh_quyen")
    severity = severity or "major"
    title = title or "TODO: tên chỉ tiêu như văn bản nêu"
    clause = clause or "TODO: mục, điểm của văn bản quy định chỉ tiêu"
    return f"""
  - id: {rule_id}
    title: "{title}"
    source:
      clause: "{clause}"
    theme: {theme}{todo_theme}
    tags: []
    severity: {severity}{todo_severity}
    measure: {measure}
    target: {{{target_text},{todo_target}
             basis: {{kind: assumption, why: "TODO: mức chỉ tiêu lấy từ đâu — văn bản (kind: plan, quote: …), báo cáo (kind: report, quote: …, reference: …) hay giả định (why: …)"}}}}
    period: {{kind: annual}}
    messages:
      met: "{{period}}: đạt ({{actual}}; chỉ tiêu {{target}})."
      unmet: "{{period}}: chưa đạt ({{actual}}; chỉ tiêu {{target}})."
    shortcoming: "{{period}} chưa đạt chỉ tiêu {{title}} ({{actual}}; chỉ tiêu {{target}})."
    remedy: "TODO: nhiệm vụ khắc phục."
    examples:
      - name: dat
        facts: [{{indicator: {key}, period: {year}, {value_key}: {met}}}]
        expect: {{status: met, period: "{year}"}}
      - name: chua-dat
        facts: [{{indicator: {key}, period: {year}, {value_key}: {unmet}}}]
        expect: {{status: unmet, period: "{year}"}}
      - name: khong-co-so-lieu
        as_of: {year}-12-31
        facts: []
        expect: {{status: insufficient_data, period: "{year}"}}
"""


_RULES_KEY = re.compile(r"^rules:\s*$", re.M)
_EMPTY_RULES = re.compile(r"^rules:[ \t]*\[[ \t]*\][ \t]*(#.*)?$", re.M)


def append_rule(path: Path, text: str) -> None:
    """Append a rule under 'rules:' — which must be the file's last top-level key — without touching the rest."""
    content = path.read_text(encoding="utf-8")
    if m := _EMPTY_RULES.search(content):  # 'rules: []', a plan with no rule yet
        content = content[: m.start()] + "rules:" + content[m.end() :]
    top_keys = re.findall(r"^([A-Za-z_][\w-]*):", content, flags=re.M)
    if not top_keys or top_keys[-1] != "rules" or not _RULES_KEY.search(content):
        raise ValueError(f"{path}: 'rules:' is not the last top-level key; add the rule by hand")
    if not content.endswith("\n"):
        content += "\n"
    from .output import write_atomic

    write_atomic(path, content + text, force=True)


# --------------------------------------------------------------------------------------------------- a new plan

CATALOGUE_FILE = """\
schema: chitieu.catalogue/1
name: {name}
version: "{version}"
# Thứ tự trình bày các văn bản trong kết quả; `chitieu rules new-document` thêm văn bản mới vào cuối.
order: []
"""

INDICATORS_FILE = """\
schema: chitieu.indicators/1
# Các chỉ số (số liệu xã báo cáo) mà quy tắc đọc; thêm chỉ số mới vào cuối tệp, dưới 'indicators:'.
indicators:
"""

_ORDER = re.compile(r"^order:[ \t]*\[(?P<ids>[^\]\n]*)\][ \t]*(?P<comment>#.*)?$", re.M)


def document_file(document: dict, in_force: Optional[dict]) -> str:
    """YAML text of a new rule file: the document's header and an empty 'rules:' for `chitieu rules new`."""
    d = document
    lines = ["schema: chitieu.rules/1", "document:"]
    for key in ("id", "kind", "number", "date", "issuer", "title"):
        lines.append(f"  {key}: {flow(d[key])}")
    lines.append(f"  period: {{from: {d['period']['from']}, to: {d['period']['to']}}}")
    if d.get("implements"):
        lines.append(f"  implements: {d['implements']}")
    lines.append("  text_available: false                  # true khi đã có văn bản gốc để đối chiếu")
    lines.append(f"  covers: {flow(d['covers'])}")
    if in_force:
        lines.append(f"in_force: {flow(in_force)}")
    lines.append("rules:")
    return "\n".join(lines) + "\n"


def new_catalogue(root: Path, name: str) -> list[Path]:
    """The catalogue's two shared files in a folder that has none yet (an empty catalogue folder); the files made."""
    made = []
    for fname, text in (
        ("catalogue.yaml", CATALOGUE_FILE.format(name=flow(name), version="1")),
        ("indicators.yaml", INDICATORS_FILE),
    ):
        path = root / fname
        if not path.exists():
            from .output import write_atomic

            write_atomic(path, text)
            made.append(path)
    return made


def add_to_order(path: Path, doc_id: str) -> None:
    """Add a document id at the end of catalogue.yaml's 'order: [...]' (or add the key), touching nothing else."""
    content = path.read_text(encoding="utf-8")
    m = _ORDER.search(content)
    if m:
        ids = [i.strip() for i in m.group("ids").split(",") if i.strip()]
        if doc_id in ids:
            return
        line = f"order: [{', '.join(ids + [doc_id])}]" + (f"  {m.group('comment')}" if m.group("comment") else "")
        content = content[: m.start()] + line + content[m.end() :]
    elif re.search(r"^order:", content, flags=re.M):
        raise ValueError(f"{path}: 'order' is not written as one line 'order: [...]'; add '{doc_id}' to it by hand")
    else:
        content = content + ("" if content.endswith("\n") else "\n") + f"order: [{doc_id}]\n"
    from .output import write_atomic

    write_atomic(path, content, force=True)


# --------------------------------------------------------------------------------------------------- rules diff


@dataclass
class Change:
    """One finding that a revision of the catalogue changes: its key, and each aspect as (old, new); None for a
    finding only one of the two catalogues gives."""

    commune: str
    rule_id: str
    period: str
    old: Optional[Finding]
    new: Optional[Finding]

    def aspects(self) -> list[tuple[str, str, str]]:
        """(what, old, new) for the status, the target and the message, where they differ."""
        if self.old is None or self.new is None:
            return []
        out = []
        for what, get in (
            ("status", lambda f: f"{f.status_label} ({f.status})"),
            ("target", lambda f: f.target.display if f.target else "—"),
            ("message", lambda f: f.message),
        ):
            a, b = get(self.old), get(self.new)
            if a != b:
                out.append((what, a, b))
        return out

    def to_json(self) -> dict:
        def side(f):
            return (
                None
                if f is None
                else {"status": f.status, "target": f.target.display if f.target else None, "message": f.message}
            )

        return {
            "commune": self.commune,
            "rule_id": self.rule_id,
            "period": self.period,
            "old": side(self.old),
            "new": side(self.new),
        }


def diff_findings(old: Iterable[Finding], new: Iterable[Finding]) -> list[Change]:
    """Every finding whose status, target or message differs between two runs over the same facts, and the findings
    only one run gives (a rule added or removed, a plan's coverage changed), in the new run's order."""

    def key(f: Finding) -> tuple[str, str, str]:
        return f.commune.id, f.rule_id, f.period.key

    before = {key(f): f for f in old}
    after = {key(f): f for f in new}
    out = []
    for k in list(after) + [k for k in before if k not in after]:
        change = Change(*k, before.get(k), after.get(k))
        if change.old is None or change.new is None or change.aspects():
            out.append(change)
    return out


ASPECT_WORDS = {"status": "kết luận", "target": "chỉ tiêu", "message": "thông điệp"}


def diff_text(changes: list[Change], total: int) -> str:
    """The changes for a terminal: one block per finding, '→' between the old and the new."""
    lines = []
    for c in changes:
        either = c.new or c.old
        assert either is not None  # a change has an old finding, a new one or both
        lines.append(f"{c.commune}  {c.rule_id}  {either.period.label}")
        if c.old is None and c.new is not None:
            lines.append(f"  chỉ có trong danh mục mới: {c.new.status_label} ({c.new.status}) — {c.new.message}")
        elif c.new is None and c.old is not None:
            lines.append(f"  chỉ có trong danh mục cũ: {c.old.status_label} ({c.old.status}) — {c.old.message}")
        for what, a, b in c.aspects():
            lines.append(f"  {ASPECT_WORDS[what]}: {a}")
            lines.append(f"  {' ' * len(ASPECT_WORDS[what])}→ {b}")
    lines.append(f"{len(changes)} kết luận thay đổi (trong {total} kết luận của danh mục mới)")
    return "\n".join(lines) + "\n"
