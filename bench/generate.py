"""Generate synthetic but valid fact files — N communes × Y years over the full catalogue — seeded and reproducible.

    python bench/generate.py OUT_DIR --communes 100 --years 5 [--seed 1] [--first-year 2022]

Each commune gets one report per year (``OUT_DIR/<province>/xa-00001/2022.yaml`` …) with a fact for every indicator
the catalogue declares: yearly facts for the report's year and a state ``as_of`` its end. Values are drawn inside each
indicator's range, as exact numbers, bounds or bare claims, so every status and evidence level occurs.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chitieu.catalogue import Catalogue, load_catalogue  # noqa: E402
from chitieu.model import Indicator  # noqa: E402

PROVINCES = ["quang-ngai", "binh-dinh", "phu-yen"]


def _value(ind: Indicator, rng: random.Random) -> str:
    if ind.type == "boolean":
        return "true" if rng.random() < 0.8 else "false"
    if ind.type == "level":
        weights = [1] * (len(ind.levels) - 1) + [4]
        return rng.choices([lv.key for lv in ind.levels], weights)[0]
    if ind.type == "items":
        items = []
        for i in range(rng.choice([0, 1, 1, 2, 3])):
            decision = f", decision: {{number: {rng.randint(1, 300)}/QĐ-UBND}}" if rng.random() < 0.6 else ""
            items.append(f"{{name: Mô hình {i + 1}{decision}}}")
        return "[" + ", ".join(items) + "]"
    upper = ind.upper if ind.upper is not None and ind.upper <= 1000 else 20
    lower = ind.lower if ind.lower is not None else 0
    if ind.type == "percent" and rng.random() < 0.2:
        return f"{{gt: {rng.randint(int(lower), int(upper) - 1)}}}"
    if ind.type in ("count", "items"):
        return str(rng.randint(int(lower), min(int(upper), 12)))
    return str(round(rng.uniform(float(lower), float(upper)), 1))


def _annual_keys(cat: Catalogue) -> set[str]:

    keys: set[str] = set()
    for lr in cat.rules:
        if lr.rule.period.kind in ("annual", "cumulative"):
            keys.update(lr.rule.indicators())
    return keys


def commune_files(cat: Catalogue, index: int, years: list[int], rng: random.Random) -> dict[str, str]:
    province = PROVINCES[index % len(PROVINCES)]
    cid = f"{province}/xa-{index:05d}"
    yearly = _annual_keys(cat)
    out = {}
    for year in years:
        lines = [
            "schema: chitieu.facts/1",
            f"commune: {{id: {cid}, name: xã Tổng hợp {index:05d}, district: huyện Mẫu, province: {province}}}",
            "report:",
            f"  title: Báo cáo tổng hợp năm {year}",
            f"  date: {year}-12",
            f"  as_of: {year}-12-31",
            f"  issuer: UBND xã Tổng hợp {index:05d}",
            f"  period: {{from: {year}-01-01, to: {year}-12-31}}",
            "facts:",
        ]
        line = 10
        written: dict[tuple[str, str], int] = {}  # (indicator, period) → its index in lines
        for key, ind in sorted(cat.indicators.items()):
            periods = [str(year)] if key in yearly else []
            periods.append("as_of")
            for period in periods:
                line += 1
                if rng.random() < 0.05:
                    body = "claim: " + rng.choice(["achieved", "not_achieved"])
                elif ind.type == "items":
                    body = "items: " + _value(ind, rng)
                else:
                    body = "value: " + _value(ind, rng)
                extra = ", awaiting_appraisal: true" if ind.type == "level" and rng.random() < 0.3 else ""
                written[(key, period)] = len(lines)
                lines.append(
                    f"  - {{indicator: {key}, period: {period}, {body}{extra}, "
                    f"source: {{line: {line}, quote: \"Số liệu tổng hợp {key}\"}}}}"
                )
        _consistent_counts(cat, lines, written)
        out[f"{province}/xa-{index:05d}/{year}.yaml"] = "\n".join(lines) + "\n"
    return out


def _consistent_counts(cat: Catalogue, lines: list[str], written: dict[tuple[str, str], int]) -> None:
    """A criteria set's count of criteria met drawn between those its criteria say are met and those not said to be
    unmet, as a real report's figures are (chitieu warns of a count they contradict): the count drawn is moved into
    that range, with no further draw, so the rest of the data stays as the seed gives it."""
    for count_key, criteria in cat.criteria_sets.items():
        for (key, period), i in written.items():
            if key != count_key or "value: " not in lines[i]:
                continue
            levels = [lines[written[(c, period)]] for c in criteria if (c, period) in written]
            least = sum("value: dat," in ln for ln in levels)
            most = len(criteria) - sum("value: chua_dat," in ln for ln in levels)
            head, _, rest = lines[i].partition("value: ")
            drawn, _, tail = rest.partition(",")
            kept = min(max(int(drawn), least), most)
            lines[i] = f"{head}value: {kept},{tail}"


def generate(
    out_dir: Path, communes: int, years: int, seed: int = 1, first_year: int = 2022, cat: Catalogue | None = None
) -> int:
    cat = cat or load_catalogue()
    rng = random.Random(seed)
    span = list(range(first_year, first_year + years))
    n = 0
    for i in range(1, communes + 1):
        for rel, text in commune_files(cat, i, span, rng).items():
            path = out_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--communes", type=int, default=100)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first-year", type=int, default=2022)
    args = ap.parse_args()
    n = generate(args.out_dir, args.communes, args.years, args.seed, args.first_year)
    print(f"{n} fact files ({args.communes} communes × {args.years} years) in {args.out_dir}")


if __name__ == "__main__":
    main()
