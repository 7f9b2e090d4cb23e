"""chitieu benchmark: five ratios, each measured side by side in one run, after checking that all evaluators agree.

    python bench/benchmark.py [--communes 2000 --years 5] [--small-communes 20] [--repeat 3] [--write BENCHMARKS.md]

1. full audit (load + validate + Rete + JSON written) vs load + validate only (the floor every run pays);
2. the durable_rules Rete vs a plain-Python evaluator of the same compiled branches, on the same observations;
3. the same decisions in GoRules zen-engine (optional: `pip install zen-engine`; skipped with a note otherwise);
4. peak RSS of `chitieu check` at the small and the large run (commune-years);
5. `chitieu check` on the seed commune vs a bare import of the same dependencies (start-up cost);
6. `chitieu check` on the large run with `--jobs 2` vs `--jobs 1` (fresh processes, taken in turns);
7. the floor per fact file vs PyYAML's bare C parse (CSafeLoader) of the same files, each read from disk.
Timings are medians of --repeat runs. Nothing here is asserted: the script prints, and --write records, the numbers.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import chitieu  # noqa: E402
from bench.generate import generate  # noqa: E402
from chitieu.audit import audit_stream  # noqa: E402
from chitieu.batch import audit_batch, index_inputs, stream_communes  # noqa: E402
from chitieu.catalogue import load_catalogue  # noqa: E402
from chitieu.compiler import compile_catalogue  # noqa: E402
from chitieu.conditions import FALSE, TRUE, And, Cmp, Const, Ref  # noqa: E402
from chitieu.diagnostics import Diagnostics  # noqa: E402
from chitieu.pyeval import PyRuntime  # noqa: E402
from chitieu.reporters.json_out import write_stream  # noqa: E402
from chitieu.runtime import Runtime  # noqa: E402
from chitieu.wire import (  # noqa: E402
    CONCL,
    F_AS_OF,
    F_EXPIRES,
    F_ID,
    F_PERIOD,
    F_RULE,
    F_STATUS,
    F_TYPE,
    OBS,
    WAIVER,
    Activation,
    conclusion_fact,
)

TARGETS = {"full_floor": 1.5, "rss": 1.5, "jobs": 1.7, "floor_parse": 2.0, "startup": 1.3}


def side_by_side(fns: dict, repeat: int) -> dict:
    """The median time of each function, run in turns (a, b, a, b, …) so that whatever else the machine does falls
    on all of them alike."""
    times: dict = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    return {name: statistics.median(ts) for name, ts in times.items()}


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


# --------------------------------------------------------------------------------------------------- recording


class Recorder(Runtime):
    """The real Runtime, also keeping what was asserted per state, so other evaluators can replay it."""

    def __init__(self, compiled):
        super().__init__(compiled)
        self.states: list[list[list[dict]]] = []
        self.decisions: list[tuple[str, str]] = []

    def begin_state(self) -> str:
        self.states.append([])
        return super().begin_state()

    def assert_facts(self, facts):
        batch = [dict(f) for f in facts]
        self.states[-1].append(batch)
        fired = super().assert_facts(batch)
        self.decisions += [(f"{len(self.states)}|{a.obs_id}", a.branch.name) for a in fired]
        return fired


def replay(factory, compiled, states) -> list[tuple[str, str]]:
    out = []
    with factory(compiled) as rt:
        for i, batches in enumerate(states, 1):
            rt.begin_state()
            for batch in batches:
                out += [(f"{i}|{a.obs_id}", a.branch.name) for a in rt.assert_facts(batch)]
            rt.end_state()
    return out


# --------------------------------------------------------------------------------------------------- zen-engine


def _zen_expr(c) -> str:
    if isinstance(c, Const):
        return "true" if c.value else "false"
    if isinstance(c, Cmp):
        if isinstance(c.value, Ref):
            right = c.value.field if c.value.pattern == "$m" else f"{c.value.pattern}_{c.value.field}"
        elif isinstance(c.value, str):
            right = "'" + c.value + "'"
        else:
            right = str(c.value)
        return f"{c.field} {c.op} {right}"
    joiner = " and " if isinstance(c, And) else " or "
    return "(" + joiner.join(_zen_expr(p) for p in c.parts) + ")"


class ZenRuntime:
    """The same branches as zen-engine decision tables, one table per rule, first hit (a chitieu.wire.Evaluator).
    zen has no joins: the waiver and the conclusion a branch joins on are looked up beforehand and passed in as
    fields."""

    def __init__(self, compiled):
        import zen

        self._engine = zen.ZenEngine()
        self._tables = {}
        by_rule = {}
        for b in compiled.branches:
            by_rule.setdefault(b.rule_id, []).append(b)
        for rid, branches in by_rule.items():
            rows = []
            for i, b in enumerate(branches):
                cond = _zen_expr(b.cond) if b.cond not in (TRUE, FALSE) else ("true" if b.cond == TRUE else "false")
                if b.join is not None and b.join.fact_type == WAIVER:
                    cond = f"({cond}) and w_valid == {0 if b.join.negated else 1}"
                elif b.join is not None:
                    statuses = [c.value for c in _cmps(b.join.cond) if c.field == F_STATUS]
                    cond = f"({cond}) and (" + " or ".join(f"k_s == '{s}'" for s in statuses) + ")"
                rows.append({"_id": f"r{i}", "c": cond, "o": f"'{b.name}'"})
            jdm = {
                "nodes": [
                    {"id": "in", "type": "inputNode", "name": "in", "position": {"x": 0, "y": 0}},
                    {
                        "id": "t",
                        "type": "decisionTableNode",
                        "name": rid,
                        "position": {"x": 0, "y": 0},
                        "content": {
                            "hitPolicy": "first",
                            "inputs": [{"id": "c", "name": "c", "field": ""}],
                            "outputs": [{"id": "o", "name": "o", "field": "branch"}],
                            "rules": rows,
                        },
                    },
                    {"id": "out", "type": "outputNode", "name": "out", "position": {"x": 0, "y": 0}},
                ],
                "edges": [
                    {"id": "e1", "sourceId": "in", "targetId": "t", "type": "edge"},
                    {"id": "e2", "sourceId": "t", "targetId": "out", "type": "edge"},
                ],
            }
            self._tables[rid] = self._engine.create_decision(json.dumps(jdm))
        self._by_name = {b.name: b for b in compiled.branches}
        self._facts: list[dict] = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._facts = []

    def begin_state(self):
        self._facts = []
        return "zen"

    def end_state(self):
        self._facts = []

    def assert_facts(self, facts):
        fired = []
        for f in facts:
            self._facts.append(f)
            if f[F_TYPE] != OBS:
                continue
            inp = dict(f)
            inp["w_valid"] = int(
                any(
                    x[F_TYPE] == WAIVER
                    and x[F_RULE] == f[F_RULE]
                    and x[F_PERIOD] == f[F_PERIOD]
                    and x[F_EXPIRES] >= f[F_AS_OF]
                    for x in self._facts
                )
            )
            concl = [x for x in self._facts if x[F_TYPE] == CONCL]
            inp["k_s"] = concl[-1][F_STATUS] if concl else ""
            name = self._tables[f[F_RULE]].evaluate(inp)["result"]["branch"]
            b = self._by_name[name]
            fired.append(Activation(b, f[F_ID], f[F_PERIOD]))
            self._facts.append(conclusion_fact(b.rule_id, f[F_PERIOD], b.outcome.status))
        return fired


def _cmps(c):
    if isinstance(c, Cmp):
        return [c]
    return [x for p in getattr(c, "parts", ()) for x in _cmps(p)]


# --------------------------------------------------------------------------------------------------- processes

# The child reports its own high-water mark (VmHWM) as it exits. ru_maxrss from wait4 would not do: on Linux it
# keeps the parent's resident size from before exec, and this benchmark's parent is large.
_REPORT_HWM = (
    "import atexit, sys\n"
    "def _hwm():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'): sys.stderr.write('\\nHWM ' + line.split()[1] + '\\n')\n"
    "atexit.register(_hwm)\n"
)


def peak_rss_mb(argv: list[str], *, python_code: str | None = None, env: dict | None = None) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of `chitieu ARGS…` (or of `python -c CODE`) in a fresh process; the benchmark's
    catalogue unless ARGS name one."""
    rules = [] if "--rules" in argv else ["--rules", str(RULES)]
    # as an installed package runs: with its modules' bytecode (pip compiles it at install), even where the shell says
    # not to write bytecode (then every edited module would be compiled again on every start)
    env = dict(env if env is not None else os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    body = (
        python_code
        if python_code is not None
        else f"import sys; sys.argv = {['chitieu'] + argv + rules!r}\nfrom chitieu.cli import main\nmain()"
    )
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _REPORT_HWM + body], capture_output=True, text=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{argv} failed: {proc.stderr[-500:]}")
    hwm = [int(ln.split()[1]) for ln in proc.stderr.splitlines() if ln.startswith("HWM ")]
    return (hwm[-1] / 1024 if hwm else float("nan")), wall


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = (
            next(
                int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")
            )
            / 1024
            / 1024
        )
    except (OSError, StopIteration):
        mem = 0
    import durable_rules_engine  # noqa: F401
    from importlib.metadata import version

    return (
        f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; "
        f"Python {platform.python_version()}, durable-rules {version('durable-rules')}, pydantic "
        f"{version('pydantic')}"
    )


# --------------------------------------------------------------------------------------------------- main

RULES: Path = ROOT / "rules"  # set by main() to the benchmark's own copy


def every_commune_catalogue(work: Path) -> Path:
    """A copy of the shipped catalogue whose plans cover every commune (``covers: all``). The generated communes are
    in provinces of their own; with the plans as shipped (Kế hoạch 84 and 156 cover xã Tịnh An, Đề án 13 the
    communes of Quảng Ngãi) most of the catalogue would not apply to them and the audit would be measured nearly
    empty."""
    global RULES
    import re
    import shutil

    RULES = work / "rules"
    if RULES.exists():
        shutil.rmtree(RULES)
    shutil.copytree(ROOT / "rules", RULES, ignore=shutil.ignore_patterns("__*"))
    for path in RULES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^  covers: .*$", "  covers: all", text, flags=re.M), encoding="utf-8")
    return RULES


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--communes", type=int, default=2000, help="communes of the large run")
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--small-communes", type=int, default=20, help="communes of the small run")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--write", type=Path, default=None, help="write the results as Markdown to this file")
    ap.add_argument("--only", default="1,2,3,4,5,6,7", help="which measures to run, e.g. '4,5'")
    args = ap.parse_args()
    only = {int(x) for x in args.only.split(",")}
    work = args.workdir or Path(tempfile.mkdtemp(prefix="chitieu-bench-"))
    small, large = work / "small", work / "large"
    rules = every_commune_catalogue(work)
    os.environ["CHITIEU_CACHE_DIR"] = str(work / "cache")  # the runs' catalogue cache: the benchmark's own
    cat = load_catalogue(rules)
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    n_small = args.small_communes * args.years
    n_large = args.communes * args.years
    say(f"Machine: {machine()}")
    say(
        f"Catalogue: {len(cat.rules)} rules ({cat.info.version}); runs of {n_small} and {n_large} commune-years "
        f"({args.small_communes} and {args.communes} communes × {args.years} years)."
    )
    t = time.perf_counter()
    if not small.exists():
        generate(small, args.small_communes, args.years, seed=1, cat=cat)
    if not large.exists():
        generate(large, args.communes, args.years, seed=2, cat=cat)
    say(f"Generated fact files in {time.perf_counter() - t:.1f} s ({work}).")

    rows: list[str] = []
    if 7 in only:
        measure_floor_parse(cat, large, n_large, args.repeat, rows.append)
    # 1 runs first: the recorded observations of 2 and 3 take gigabytes, and the garbage collector walking them
    # would slow both sides of every later in-process measure
    if 1 in only:
        measure_full_floor(cat, large, work, n_large, args.repeat, rows.append)
    if only & {2, 3}:
        # ---- agreement: record the Rete's decisions on the large run, replay them in Python and zen
        states, compiled, zen_ok, n_obs = agreement(cat, large, say)
        measure_evaluators(states, compiled, zen_ok, n_obs, args.repeat, rows.append)
        del states
        gc.collect()
    say()
    say("| # | Measure | chitieu | Baseline | Ratio | Target | |")
    say("|---|---|---|---|---|---|---|")
    for row in rows:
        say(row)
    wall_large = None
    if 4 in only:
        wall_large = measure_rss(small, large, work, n_small, n_large, say)
    if 5 in only:
        measure_startup(work, args.repeat, say)
    if 6 in only:
        measure_jobs(large, work, n_large, args.repeat, say)
    say()
    if wall_large:
        say(
            f"National-scale run: `chitieu check` on {n_large:,} commune-years × {len(cat.rules)} rules took "
            f"{wall_large:.0f} s on this machine ({n_large / wall_large:.0f} commune-years/s)."
        )
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written to {args.write}")


def agreement(cat, large, say):
    diags = Diagnostics()
    communes = list(stream_communes(index_inputs([large], diags), cat, diags))
    assert not diags.has_errors(), diags.items[:3]
    compiled = compile_catalogue(cat)
    recorder: list[Recorder] = []

    def recording(c):
        r = Recorder(c)
        recorder.append(r)
        return r

    for _ in audit_stream(cat, communes, compiled=compiled, runtime_factory=recording):
        pass
    states, decisions = recorder[0].states, sorted(recorder[0].decisions)
    python_decisions = sorted(replay(PyRuntime, compiled, states))
    assert python_decisions == decisions, "the plain-Python evaluator disagrees with the Rete"
    try:
        import zen  # noqa: F401

        zen_ok = True
        zen_decisions = sorted(replay(ZenRuntime, compiled, states))
        assert zen_decisions == decisions, "zen-engine disagrees with the Rete"
    except ImportError:
        zen_ok = False
    n_obs = len(decisions)
    say(
        f"Agreement: {n_obs:,} decisions identical in durable_rules, plain Python"
        + (", zen-engine." if zen_ok else "; zen-engine not installed (pip install zen-engine), skipped.")
    )
    return states, compiled, zen_ok, n_obs


def load_only(cat, root: Path) -> None:
    """The floor: index, read, parse and validate every commune of ``root``, as `chitieu check` does, no audit."""
    d = Diagnostics()
    for _ in stream_communes(index_inputs([root], d), cat, d):
        pass


def measure_full_floor(cat, large, work, n_large, repeat, say):
    out_json = work / "findings.json"

    def full():
        d = Diagnostics()
        with open(out_json, "w", encoding="utf-8") as fh:
            write_stream(cat, audit_batch(cat, [large], d), fh)

    t = side_by_side({"floor": lambda: load_only(cat, large), "full": full}, repeat)
    t_floor, t_full = t["floor"], t["full"]
    r1 = t_full / t_floor
    ok = "✓" if r1 <= TARGETS["full_floor"] else "✗"
    say(
        f"| 1 | full audit of {n_large:,} commune-years vs load + validate only | {t_full:.1f} s | {t_floor:.1f} s | "
        f"{r1:.2f} | ≤ 1.5 | {ok} |"
    )


def measure_floor_parse(cat, large, n_large, repeat, say):
    """The floor (index, read, parse, validate: what every run pays) per file vs reading the same files and parsing
    them with PyYAML's C parser alone: composing the node tree, and loading plain Python values (yaml.load)."""
    import yaml

    files = sorted(large.rglob("*.yaml"))

    def each(parse):
        def run():
            for p in files:  # each result dropped at once, as the floor drops each commune
                parse(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        return run

    t = side_by_side(
        {"floor": lambda: load_only(cat, large), "compose": each(yaml.compose), "load": each(yaml.load)}, repeat
    )
    ms = {k: v / len(files) * 1000 for k, v in t.items()}
    for base, what in (("compose", "yaml.compose"), ("load", "yaml.load")):
        r = ms["floor"] / ms[base]
        ok = "✓" if r <= TARGETS["floor_parse"] else "✗"
        say(
            f"| 7 | load + validate per file vs PyYAML's C parser alone ({what}, CSafeLoader; {len(files):,} files) | "
            f"{ms['floor']:.2f} ms | {ms[base]:.2f} ms | {r:.2f} | ≤ 2 | {ok} |"
        )


def _spin(n: int = 20_000_000) -> None:
    x = 0
    for i in range(n):
        x += i


def core_ceiling(repeat: int) -> tuple[float, float, float]:
    """(one spinning process's time, two at once, the throughput two give over one): the most row 6 can show now.
    On a machine other work keeps busy a second process may find no free core (then the gain is about 1)."""
    import multiprocessing

    def run(k: int) -> float:
        procs = [multiprocessing.Process(target=_spin) for _ in range(k)]
        t = time.perf_counter()
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        return time.perf_counter() - t

    t = side_by_side({"one": lambda: run(1), "two": lambda: run(2)}, repeat)
    return t["one"], t["two"], 2 * t["one"] / t["two"]


def measure_jobs(large, work, n_large, repeat, say):
    """`chitieu check --jobs 2` vs `--jobs 1` on the large run, fresh processes, taken in turns so that whatever
    else the machine does falls on both alike. The CPU seconds of each run (its processes and their workers) say
    what the parallel run costs beyond the single one, whatever the machine's load: wall time on a busy machine
    cannot show a speed-up that the other processes take."""
    import resource

    wall: dict = {"1": [], "2": []}
    cpu: dict = {"1": [], "2": []}
    for _ in range(repeat):
        for jobs in ("1", "2"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall[jobs].append(
                peak_rss_mb(
                    [
                        "check",
                        str(large),
                        "--format",
                        "json",
                        "-o",
                        str(work / f"j{jobs}.json"),
                        "--force",
                        "--jobs",
                        jobs,
                    ]
                )[1]
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[jobs].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    same = (work / "j1.json").read_bytes() == (work / "j2.json").read_bytes()
    t1, t2 = statistics.median(wall["1"]), statistics.median(wall["2"])
    c1, c2 = statistics.median(cpu["1"]), statistics.median(cpu["2"])
    r = t1 / t2
    ok = "✓" if r >= TARGETS["jobs"] and same else "✗"
    say(
        f"| 6 | `chitieu check` on {n_large:,} commune-years, speed-up of `--jobs 2` over `--jobs 1` "
        f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end"
        f"{'; outputs identical' if same else '; OUTPUTS DIFFER'}) | {t2:.1f} s | {t1:.1f} s | {r:.2f}× | ≥ 1.7× | {ok} |"
    )
    say(
        f"| 6b | CPU seconds of the same runs (all processes): `--jobs 2` vs `--jobs 1` | {c2:.1f} s | {c1:.1f} s | "
        f"{c2 / c1:.2f} | — | |"
    )
    one, two, gain = core_ceiling(repeat)
    say(
        f"| 6c | the machine's ceiling for row 6: two busy Python processes at once vs one (throughput gain) | "
        f"{two:.2f} s | {one:.2f} s | {gain:.2f}× | — | |"
    )


def measure_evaluators(states, compiled, zen_ok, n_obs, repeat, say):
    t_rete = median_time(lambda: replay(Runtime, compiled, states), repeat)
    t_py = median_time(lambda: replay(PyRuntime, compiled, states), repeat)
    say(
        f"| 2 | evaluate {n_obs:,} observations: durable_rules vs plain Python | {t_rete:.2f} s | {t_py:.2f} s | "
        f"{t_rete / t_py:.2f} | — | |"
    )
    if zen_ok:
        t_zen = median_time(lambda: replay(ZenRuntime, compiled, states), repeat)
        ok = "✓" if t_rete <= t_zen else "✗"
        say(
            f"| 3 | the same decisions: durable_rules vs zen-engine | {t_rete:.2f} s | {t_zen:.2f} s | "
            f"{t_rete / t_zen:.2f} | ≤ 1 | {ok} |"
        )
    else:
        say("| 3 | the same decisions: durable_rules vs zen-engine | — | not installed | — | ≤ 1 | skipped |")


def measure_rss(small, large, work, n_small, n_large, say):
    """Peak RSS, small vs large, each a fresh `chitieu check` process; returns the large run's wall time."""
    # one job: the high-water mark read is the main process's own; with workers each has its own (row 6's note)
    rss_small, _ = peak_rss_mb(
        ["check", str(small), "--format", "json", "-o", str(work / "s.json"), "--force", "--jobs", "1"]
    )
    rss_large, wall_large = peak_rss_mb(
        ["check", str(large), "--format", "json", "-o", str(work / "l.json"), "--force", "--jobs", "1"]
    )
    r4 = rss_large / rss_small
    ok = "✓" if r4 <= TARGETS["rss"] else "✗"
    say(
        f"| 4 | peak RSS of `chitieu check`: {n_large:,} vs {n_small:,} commune-years | {rss_large:.0f} MB | "
        f"{rss_small:.0f} MB | {r4:.2f} | ≤ 1.5 | {ok} |"
    )
    return wall_large


def measure_startup(work, repeat, say):
    """`chitieu check` on the seed commune with the shipped catalogue, fresh processes taken in turns: with the
    catalogue kept from an earlier run (chitieu.catcache; one untimed run first fills the cache, as any earlier run
    would), and with the cache turned off; against a bare import of the project's dependencies, and of the ones
    `check` needs (docx and openpyxl write Word and Excel files only)."""
    seed = ROOT / "facts" / "tinh-an"
    argv = [
        "check",
        str(seed),
        "--format",
        "json",
        "-o",
        str(work / "seed.json"),
        "--force",
        "--rules",
        str(ROOT / "rules"),
    ]
    off = dict(os.environ, CHITIEU_CACHE_DIR="off")
    # The dependencies are installed with their bytecode compiled (pip does so), as is chitieu from a wheel; a
    # checkout run where PYTHONDONTWRITEBYTECODE is set would compile every changed module from source on each start,
    # which no installed copy does. Compile once, as the first import of an installed copy would have.
    compileall.compile_dir(str(Path(chitieu.__file__).parent), quiet=1)
    peak_rss_mb(argv)  # fills the cache
    runs = {
        "warm": lambda: peak_rss_mb(argv)[1],
        "cold": lambda: peak_rss_mb(argv, env=off)[1],
        "deps": lambda: peak_rss_mb(
            [], python_code="import durable.engine, pydantic, rich, click, yaml, docx, openpyxl"
        )[1],
        "check_deps": lambda: peak_rss_mb([], python_code="import durable.engine, pydantic, click, yaml")[1],
    }
    t = {k: [] for k in runs}
    for _ in range(max(5, repeat)):
        for k, run in runs.items():
            t[k].append(run())
    m = {k: statistics.median(v) for k, v in t.items()}
    for key, what, base in (
        ("warm", "catalogue from the cache", "deps"),
        ("cold", "cache off", "deps"),
        ("warm", "catalogue from the cache", "check_deps"),
    ):
        r = m[key] / m[base]
        deps = "its dependencies" if base == "deps" else "the dependencies `check` imports (no docx, openpyxl, rich)"
        ok = ("✓" if r <= TARGETS["startup"] else "✗") if base == "deps" else ""
        target = "≤ 1.3" if base == "deps" else "—"
        say(
            f"| 5 | `chitieu check` on the seed commune ({what}) vs bare import of {deps} | {m[key]:.2f} s | "
            f"{m[base]:.2f} s | {r:.2f} | {target} | {ok} |"
        )


if __name__ == "__main__":
    main()
