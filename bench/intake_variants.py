"""Intake robustness: the same reports, saved the ways users' tools save them, draft the same facts.

    python bench/intake_variants.py [FOLDER ...] [--variant NAME ...] [--list]

A commune's report reaches chitieu as Word saved it as plain text, as a web page copied it, as a clerk's habits
wrote it. Each .txt and .md report of each FOLDER (default: the development set, tests/fixtures/reports) is rewritten
by each variant below, and the facts `chitieu facts extract` drafts from the copy (indicator, period, value, number of
items) are compared with those it drafts from the report as written. Printed per variant: facts drafted as written,
drafted from the copies, and in common, with the reports that lose the most. No truth file is read: this measures
whether the reading depends on how a report was saved, not whether it is right (bench/intake_eval.py measures that).
Nothing is asserted; the script prints and exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chitieu.catalogue import load_catalogue  # noqa: E402
from chitieu.intake import extract  # noqa: E402
from chitieu.reporttext import read_report  # noqa: E402

_BULLET = re.compile(r"^(\s*)[-+•–]\s+", re.M)
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


VARIANTS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "no-blank-lines": (
        "one paragraph per line, no blank line between (Word's 'plain text')",
        lambda t: _no_blank_lines(t).encode(),
    ),
    "crlf": ("Windows line ends", lambda t: t.replace("\n", "\r\n").encode()),
    "bom": ("a UTF-8 byte-order mark", lambda t: b"\xef\xbb\xbf" + t.encode()),
    "utf-16": ("UTF-16 with its mark (Notepad's 'Unicode')", lambda t: t.encode("utf-16")),
    "bullets-dot": ("list items bulleted '●'", lambda t: _BULLET.sub("\\1● ", t).encode()),
    "bullets-star": ("list items bulleted '* ' (Markdown)", lambda t: _BULLET.sub("\\1* ", t).encode()),
    "bullets-check": ("list items bulleted '✓'", lambda t: _BULLET.sub("\\1✓ ", t).encode()),
    "no-break-spaces": (
        "a no-break space between a figure and its word",
        lambda t: re.sub(r"(\d) (?=\w)", "\\1\u00a0", t).encode(),
    ),
    "zero-width": (
        "zero-width spaces inside words (copied from a web page)",
        lambda t: t.replace("đạt", "đ\u200bạt").replace("hộ", "h\u200bộ").encode(),
    ),
    "dates-dots": ("dates as 12.3.2024", lambda t: _SLASH_DATE.sub(r"\1.\2.\3", t).encode()),
    "dates-hyphens": ("dates as 12-3-2024", lambda t: _SLASH_DATE.sub(r"\1-\2-\3", t).encode()),
    "capital-ngay": (
        "the place line as ', Ngày … Tháng … Năm …'",
        lambda t: re.sub(r", ngày(.{0,12}?)tháng(.{0,6}?)năm", ", Ngày\\1Tháng\\2Năm", t).encode(),
    ),
    "indented": ("every line indented four spaces", lambda t: re.sub(r"^(?=\S)", "    ", t, flags=re.M).encode()),
    "decimal-dots": (
        "a percentage's decimal written with a dot (62.5%)",
        lambda t: re.sub(r"(\d),(\d{1,2})\s?%", r"\1.\2%", t).encode(),
    ),
    "no-leading-zero": (
        "counts without their leading zero (5 mô hình)",
        lambda t: re.sub(r"\b0(\d)\b", r"\1", t).encode(),
    ),
}


def _facts(path: Path, cat) -> set[tuple]:
    return {
        (d.indicator, str(d.period), str(d.value), len(d.items or [])) for d in extract(cat, read_report(path)).facts
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "tests" / "fixtures" / "reports"])
    ap.add_argument("--variant", action="append", choices=sorted(VARIANTS), help="only these variants (repeat)")
    ap.add_argument("--list", action="store_true", help="list the variants and exit")
    args = ap.parse_args()
    if args.list:
        for name, (what, _) in VARIANTS.items():
            print(f"{name:18s} {what}")
        return
    cat = load_catalogue()
    reports = sorted(
        p for folder in args.folders for p in folder.glob("*") if p.suffix in (".txt", ".md") and p.name != "README.md"
    )
    written = {p: _facts(p, cat) for p in reports}
    total = sum(len(v) for v in written.values())
    print(f"{len(reports)} reports ({', '.join(str(f) for f in args.folders)}); {total} facts drafted as written")
    print(f"{'variant':18s} {'drafted':>8s} {'in common':>10s} {'share':>7s}  reports losing most")
    with tempfile.TemporaryDirectory(prefix="chitieu-variants-") as tmp:
        for name in args.variant or VARIANTS:
            rewrite = VARIANTS[name][1]
            drafted = common = 0
            losing = []
            for p in reports:
                copy = Path(tmp) / p.name
                copy.write_bytes(rewrite(p.read_text(encoding="utf-8")))
                got = _facts(copy, cat)
                drafted += len(got)
                common += len(written[p] & got)
                lost = len(written[p] - got)
                if lost:
                    losing.append((lost, p.name))
            worst = ", ".join(f"{n} {lost}" for lost, n in sorted(losing, reverse=True)[:3])
            share = f"{100 * common / total:.1f}%" if total else "—"
            print(f"{name:18s} {drafted:8d} {common:10d} {share:>7s}  {worst}", flush=True)


if __name__ == "__main__":
    main()
