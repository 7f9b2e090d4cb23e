"""Benchmark of `chitieu serve` (not a test): upload-to-findings for the seed report, and the matrix page for many
communes of one province, through the real pages (Flask's test client, a SQLite file).

    python bench/web_bench.py [--report ../shared/seed/000_1ba10a35eaeb2799.txt] [--communes 1000] [--repeat 5]

Part 1 times each step a reviewer takes with the seed report in a fresh database: upload (the report is drafted into
facts), open the review page, confirm every fact, audit, open the findings page. Part 2 generates fact files for N
communes (bench/generate.py, one year each, all in one province), brings each in as a reviewer would (upload,
confirm, audit), then times the matrix page of that province and year, and its size.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TOKEN = "bench"


def _app(folder: Path):
    from chitieu.web.app import create_app

    app = create_app(f"sqlite:///{folder / 'chitieu.db'}", data_dir=folder / "files", token=TOKEN, secret_key=b"b" * 32)
    app.config["WTF_CSRF_ENABLED"] = False  # the forms' tokens are tested elsewhere; here only the work counts
    c = app.test_client()
    assert c.get(f"/?token={TOKEN}").status_code == 302
    return c


def _bring_in(c, data: bytes, name: str, **form) -> tuple[int, dict[str, float]]:
    """Upload, review page, confirm all, audit, findings page: each step's seconds."""
    t = {}
    t0 = time.perf_counter()
    r = c.post("/tai-len", data={"file": (io.BytesIO(data), name), **form}, content_type="multipart/form-data")
    assert r.status_code == 302, r.text[:500]
    uid = int(r.headers["Location"].rsplit("/", 1)[1])
    t["upload"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    page = c.get(f"/tai-len/{uid}").text
    t["review page"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ids = re.findall(r'value="(\d+)" aria-label="chọn số liệu', page)
    assert c.post(f"/tai-len/{uid}/xac-nhan", data={"fact": ids}).status_code == 302
    t["confirm all"] = time.perf_counter() - t0
    cid = re.search(r'action="/xa/([^"]+)/kiem-tra"', page).group(1)
    t0 = time.perf_counter()
    r = c.post(f"/xa/{cid}/kiem-tra", data={})
    assert r.status_code == 302, r.text[:500]
    t["audit"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert c.get(f"/xa/{cid}/ket-qua").status_code == 200
    t["findings page"] = time.perf_counter() - t0
    return len(ids), t


def seed_flow(report: Path, repeat: int) -> list[str]:
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            c = _app(Path(tmp))
            n, t = _bring_in(c, report.read_bytes(), report.name, commune="__new__", province="Quảng Ngãi")
            runs.append(t)
    lines = [
        f"Seed report ({n} facts), median of {repeat} runs, each in a fresh database:",
        "",
        "| Step | Seconds |",
        "|---|---|",
    ]
    for step in runs[0]:
        lines.append(f"| {step} | {statistics.median(r[step] for r in runs):.3f} |")
    total = statistics.median(sum(r.values()) for r in runs)
    lines.append(f"| **upload to findings** | **{total:.3f}** |")
    return lines


def matrix(communes: int, repeat: int) -> list[str]:
    from generate import commune_files

    from chitieu.catalogue import load_catalogue

    import random

    cat = load_catalogue()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        c = _app(Path(tmp))
        t0 = time.perf_counter()
        for i in range(1, communes + 1):
            for rel, text in commune_files(cat, i, [2024], rng).items():
                text = re.sub(r"commune: \{id: [a-z-]+/", "commune: {id: quang-ngai/", text)
                _bring_in(c, text.encode(), Path(rel).name)
        ingest = time.perf_counter() - t0
        times, size = [], 0
        for _ in range(repeat):
            t0 = time.perf_counter()
            r = c.get("/ma-tran?tinh=quang-ngai&nam=2024")
            times.append(time.perf_counter() - t0)
            size = len(r.data)
            assert r.status_code == 200
        rows = r.text.count("<tr data-c=")
    return [
        f"Matrix page of one province, {communes} communes × {len(cat.rules)} rules, year 2024:",
        "",
        "| Measure | Value |",
        "|---|---|",
        f"| bring in {communes} communes (upload, confirm, audit, findings page each) | {ingest:.1f} s "
        f"({ingest / communes * 1000:.0f} ms per commune) |",
        f"| matrix page, median of {repeat} | {statistics.median(times):.3f} s |",
        f"| matrix page size | {size / 1024 / 1024:.1f} MiB ({rows} rows) |",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", type=Path, default=ROOT / ".." / "shared" / "seed" / "000_1ba10a35eaeb2799.txt")
    ap.add_argument("--communes", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    lines = []
    if args.report.exists():
        lines += seed_flow(args.report, args.repeat) + [""]
    else:
        print(f"(no seed report at {args.report}: part 1 skipped)", file=sys.stderr)
    lines += matrix(args.communes, args.repeat)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
