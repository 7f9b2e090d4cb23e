"""Peak memory of the batch outputs as the number of communes grows: JSON, the HTML matrix and the XLSX workbook.

    python bench/matrix_memory.py [--small 200 --large 2000 --years 1] [--write FILE]

Each run is a fresh `chitieu check FOLDER --format F -o FILE` process on seeded synthetic communes
(bench/generate.py); the child reports its own high-water mark (VmHWM). Nothing is asserted: the script prints, and
--write records, a Markdown table. Flat memory means the large run's peak is close to the small run's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchmark import machine, peak_rss_mb  # noqa: E402
from bench.generate import generate  # noqa: E402

FORMATS = {"json": "findings.json", "html": "ma-tran.html", "xlsx": "ma-tran.xlsx"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", type=int, default=200)
    ap.add_argument("--large", type=int, default=2000)
    ap.add_argument("--years", type=int, default=1)
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    lines = [
        f"Machine: {machine()}",
        "",
        f"| Format | {args.small:,} communes | {args.large:,} communes | Ratio | Time ({args.large:,}) |",
        "|---|---|---|---|---|",
    ]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory(prefix="chitieu-matrix-") as tmp:
        work = Path(tmp)
        sizes = {}
        for label, n in (("small", args.small), ("large", args.large)):
            generate(work / label, n, args.years, seed=7)
            sizes[label] = work / label
        for fmt, name in FORMATS.items():
            peaks = {}
            wall = 0.0
            for label, folder in sizes.items():
                out = work / f"{label}-{name}"
                peaks[label], wall = peak_rss_mb(
                    ["check", str(folder), "--format", fmt, "-o", str(out), "--force", "--fail-on", "never"]
                )
            line = (
                f"| {fmt} | {peaks['small']:.0f} MB | {peaks['large']:.0f} MB | "
                f"{peaks['large'] / peaks['small']:.2f} | {wall:.0f} s |"
            )
            lines.append(line)
            print(line, flush=True)
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
