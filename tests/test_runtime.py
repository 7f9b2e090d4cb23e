"""The durable_rules runtime: isolation, clean-up and failures that durable_rules would otherwise swallow."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading

import pytest

from chitieu.audit import run_audit
from chitieu.compiler import compile_catalogue
from chitieu.facts import load_inputs
from chitieu.diagnostics import Diagnostics
from chitieu.runtime import EngineError, Runtime
from chitieu.wire import ObservationFact, ValueForm

from conftest import SEED_FACTS, finding, run_cli


def seed(catalogue):
    diags = Diagnostics()
    communes, waivers = load_inputs([SEED_FACTS], catalogue, diags)
    assert not diags.has_errors()
    return communes, waivers


def test_no_timer_threads_and_repeatable_runs(catalogue):
    communes, waivers = seed(catalogue)
    before = threading.active_count()
    first = run_audit(catalogue, communes, waivers)
    for _ in range(50):
        again = run_audit(catalogue, communes, waivers)
    assert threading.active_count() == before
    assert [f.model_dump() for f in again.findings] == [f.model_dump() for f in first.findings]


def test_states_are_deleted_so_more_than_1024_communes_fit(catalogue):
    """durable_rules keeps at most 1,024 live states (sids); a state per commune, deleted after it, lets a host audit
    any number. 1,100 states in one host, each with one observation and its one conclusion."""
    compiled = compile_catalogue(catalogue)
    with Runtime(compiled) as rt:
        for n in range(1100):
            rt.begin_state()
            fact = ObservationFact(
                rule_id="giam-ngheo",
                period_key=f"2024-{n}",
                form=ValueForm.MISSING,
                start=dt.date(2024, 1, 1),
                end=dt.date(2024, 12, 31),
                as_of=dt.date(2024, 12, 31),
            ).fact()
            fired = rt.assert_facts([fact])
            assert [a.branch.rule_id for a in fired] == ["giam-ngheo"], n
            rt.end_state()


def test_a_batch_audit_keeps_every_commune_apart(catalogue):
    communes, waivers = seed(catalogue)
    once = run_audit(catalogue, communes, waivers).findings
    many = run_audit(catalogue, communes * 40, waivers).findings  # one host, forty states one after another
    assert sorted(f.model_dump_json() for f in many) == sorted(f.model_dump_json() for f in once for _ in range(40))


def test_an_exception_inside_an_action_fails_the_run(catalogue, monkeypatch):
    import chitieu.runtime as runtime_module

    def broken(*args):
        raise KeyError("p")

    compiled = compile_catalogue(catalogue)
    with Runtime(compiled) as rt:
        rt.begin_state()
        fact = ObservationFact(
            rule_id="giam-ngheo",
            period_key="x",
            form=ValueForm.MISSING,
            start=dt.date(2023, 1, 1),
            end=dt.date(2023, 12, 31),
            as_of=dt.date(2024, 10, 31),
        ).fact()
        # the action raises while it records the activation; durable would swallow it
        monkeypatch.setattr(runtime_module, "Activation", broken)
        with pytest.raises(EngineError, match="an action failed"):
            rt.assert_facts([fact])


def test_ctrl_c_inside_the_rete_interrupts_the_run(catalogue):
    """A signal that lands while durable_rules runs an action is not swallowed (by durable, or by the action's own
    catch-all) nor turned into an "internal error": it is raised in the caller once the call returns."""
    import os
    import signal

    class Interrupted(Runtime):
        def _action(self, branch):
            real = super()._action(branch)

            def run(*match):
                os.kill(os.getpid(), signal.SIGINT)  # as Ctrl-C would, in the middle of the Rete's work
                real(*match)

            return run

    communes, waivers = seed(catalogue)
    # Python's own Ctrl-C handler, as in `chitieu` (a test runner's worker process may ignore SIGINT)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            run_audit(catalogue, communes, waivers, runtime_factory=Interrupted)
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_fact_no_rule_handles_is_an_engine_error(catalogue):
    with Runtime(compile_catalogue(catalogue)) as rt:
        rt.begin_state()
        with pytest.raises(EngineError, match="no rule handles"):
            rt.assert_facts([{"t": "unknown", "id": "z"}])


def test_closed_runtime_refuses_work(catalogue):
    rt = Runtime(compile_catalogue(catalogue))
    rt.close()
    rt.close()  # idempotent
    with pytest.raises(EngineError):
        rt.begin_state()


def test_plain_python_evaluator_agrees_with_the_rete_on_the_seed(catalogue):
    from chitieu.pyeval import PyRuntime

    communes, waivers = seed(catalogue)
    rete = run_audit(catalogue, communes, waivers)
    python = run_audit(catalogue, communes, waivers, runtime_factory=PyRuntime)
    assert [f.model_dump() for f in rete.findings] == [f.model_dump() for f in python.findings]
    assert {f.fired_by for f in rete.findings} >= {
        "mo-hinh-dvk-moi-nam#met",
        "ntm-nang-cao#pending_unknown",
        "giam-ngheo#pending_final",
    }


def test_a_signal_inside_durables_callback_reaches_the_caller_without_durables_traceback(tmp_path):
    """Ctrl-C or SIGTERM landing inside durable_rules' action callback: durable logs the exception with a traceback
    before passing it on; the CLI must print only its own one-line message, so nothing of that log may reach stderr.
    A real process, because pytest attaches its own log handlers to every logger."""
    script = tmp_path / "interrupt.py"
    script.write_text(
        f"""
import durable_rules_engine
from pathlib import Path
from chitieu.audit import run_audit
from chitieu.catalogue import load_catalogue
from chitieu.diagnostics import Diagnostics
from chitieu.facts import load_inputs
from chitieu.resources import shipped_rules_dir
diags = Diagnostics()
catalogue = load_catalogue(shipped_rules_dir(), diags=diags)
communes, waivers = load_inputs([Path({str(SEED_FACTS)!r})], catalogue, diags)
real, calls = durable_rules_engine.complete_and_start_action, [0]
def interrupted(*args):
    calls[0] += 1
    if calls[0] == 3:
        raise KeyboardInterrupt
    return real(*args)
durable_rules_engine.complete_and_start_action = interrupted
try:
    run_audit(catalogue, communes, waivers)
except KeyboardInterrupt:
    print("interrupted after", calls[0])
""",
        encoding="utf-8",
    )
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "interrupted after 3", proc.stderr
    assert "base exception type" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_a_state_in_which_nothing_fired_is_left_alone_instead_of_crashing_durable(tmp_path):
    """durable_rules' deleteStateNode frees an action context that only a started action initialises: deleting a
    state whose facts fired nothing (a waiver alone) read garbage — "free(): invalid pointer" or a segfault. The
    runtime leaves such a state alone. A real process, because the failure kills it."""
    script = tmp_path / "quiet_state.py"
    script.write_text(
        """
import datetime as dt
from chitieu.catalogue import load_catalogue
from chitieu.compiler import compile_catalogue
from chitieu.runtime import Runtime
from chitieu.wire import waiver_fact
compiled = compile_catalogue(load_catalogue())
with Runtime(compiled) as rt:
    for i in range(3):
        rt.begin_state()
        fired = rt.assert_facts([waiver_fact(f"w{i}", "giam-ngheo", "2024", dt.date(2030, 1, 1))])
        rt.end_state()
        print(i, len(fired))
print("closed")
""",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(script)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n") == ["0 0", "1 0", "2 0", "closed", ""]


def test_waivers_go_into_the_rete_with_observations_never_alone(tmp_path, monkeypatch):
    """A commune no plan covers but named by a waiver gives no finding and asserts nothing; the seed's waiver still
    turns its finding to waived (the waiver goes in the same batch, ahead of the observations it must exclude)."""
    (tmp_path / "phuong.yaml").write_text(
        """schema: chitieu.facts/1
commune: {id: ha-noi/an-binh, name: phường An Bình, province: Hà Nội}
report:
  title: Báo cáo kết quả năm 2024
  date: 2024-12-20
  as_of: 2024-12-20
  issuer: UBND phường An Bình
  period: {from: 2024-01-01, to: 2024-12-20}
facts:
  - indicator: dvk.mo_hinh
    period: 2024
    items: [{name: Mô hình A}]
    source: {line: 3, quote: xây dựng 01 mô hình}
""",
        encoding="utf-8",
    )
    (tmp_path / "waivers.yaml").write_text(
        """schema: chitieu.waivers/1
waivers:
  - {rule: giam-ngheo, commune: ha-noi/an-binh, period: 2024, reason: Lý do thử., approver: Ban Dân vận,
     expires: 2025-06-30}
  - {rule: mo-hinh-van-dong-gpmb, commune: quang-ngai/tinh-an, period: as_of, reason: Dự án tạm dừng.,
     approver: Ban Dân vận, expires: 2025-06-30}
""",
        encoding="utf-8",
    )
    batches: list[list[str]] = []
    real = Runtime.assert_facts

    def recorded(self, facts):
        facts = list(facts)
        batches.append([f["t"] for f in facts])
        return real(self, facts)

    monkeypatch.setattr(Runtime, "assert_facts", recorded)
    run = run_cli(
        "check",
        str(tmp_path / "phuong.yaml"),
        str(SEED_FACTS),
        str(tmp_path / "waivers.yaml"),
        "--format",
        "json",
        "--jobs",
        "1",
        "--fail-on",
        "never",
    )
    assert run.code == 0, run.err
    doc = run.json()
    assert not [f for f in doc["findings"] if f["commune"]["id"] == "ha-noi/an-binh"]
    # the waiver of the phường can match nothing, and the user is told why
    assert [ln for ln in run.err.splitlines() if "waiver-unmatched" in ln] == [
        f"{tmp_path / 'waivers.yaml'}:3:5: warning[waiver-unmatched]: rule 'giam-ngheo' belongs to Kế hoạch "
        "156/KH-UBND, which does not cover phường An Bình ('ha-noi/an-binh'): it waives nothing"
    ]
    waived = finding(doc, "mo-hinh-van-dong-gpmb")
    assert waived["status"] == "waived" and waived["waiver"]["approver"] == "Ban Dân vận"
    assert batches and all("obs" in kinds for kinds in batches), batches
    assert batches[0][0] == "waiver" and batches[0].count("waiver") == 1
    # with workers, in Vietnamese: the same warning, once
    inputs = [str(tmp_path / "phuong.yaml"), str(SEED_FACTS), str(tmp_path / "waivers.yaml")]
    run = run_cli("--lang", "vi", "check", *inputs, "--format", "json", "--jobs", "2", "--fail-on", "never")
    assert [ln.split(": warning")[1] for ln in run.err.splitlines() if "waiver-unmatched" in ln] == [
        "[waiver-unmatched]: quy tắc 'giam-ngheo' thuộc Kế hoạch 156/KH-UBND, văn bản này không áp dụng cho phường "
        "An Bình ('ha-noi/an-binh'): miễn trừ này không áp dụng cho kết luận nào"
    ]


def test_communes_sharing_a_durable_state_never_reach_each_others_waivers_or_conclusions(tmp_path):
    """The runtime keeps several communes one after another in one durable state: a waiver or a conclusion of one
    must join only its own commune's observations. Two copies of the seed commune, the second with 12 NTM nâng cao
    criteria met instead of 19 awaiting appraisal, and a waiver for the first only."""
    from conftest import every_commune_rules

    text = (SEED_FACTS / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    first = text.replace("quang-ngai/tinh-an", "quang-ngai/tinh-an-1")
    second = text.replace("quang-ngai/tinh-an", "quang-ngai/tinh-an-2").replace(
        "name: xã Tịnh An", "name: xã Tịnh An Hai"
    )
    appraisal = "    value: 19\n    basis: claimed\n    awaiting_appraisal: true\n"
    assert appraisal in second
    second = second.replace(appraisal, "    value: 12\n")
    (tmp_path / "a.yaml").write_text(first, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(second, encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text(
        "schema: chitieu.waivers/1\nwaivers:\n  - {rule: mo-hinh-van-dong-gpmb, commune: quang-ngai/tinh-an-1, "
        "period: as_of, reason: Dự án tạm dừng., approver: Ban Dân vận, expires: 2025-06-30}\n",
        encoding="utf-8",
    )
    run = run_cli(
        "check", str(tmp_path), "--format", "json", "--jobs", "1", "--fail-on", "never",
        env={"CHITIEU_RULES": str(every_commune_rules())},
    )  # fmt: skip
    assert run.code == 0, run.err
    found = {(f["commune"]["id"][-1], f["rule_id"]): f for f in run.json()["findings"]}
    assert found["1", "mo-hinh-van-dong-gpmb"]["status"] == "waived"
    assert found["2", "mo-hinh-van-dong-gpmb"]["status"] == "unmet"
    assert found["1", "ntm-nc-du-dieu-kien"]["status"] == "pending"
    assert found["2", "ntm-nc-du-dieu-kien"]["status"] == "unmet"
    assert found["1", "ntm-nang-cao"]["fired_by"] == "ntm-nang-cao#pending_unknown"
    assert (found["2", "ntm-nang-cao"]["status"], found["2", "ntm-nang-cao"]["outlook"]) == ("pending", "at_risk")


def test_a_deadline_target_is_waived_by_its_findings_period_key(tmp_path):
    """A waiver names a deadline finding's period as the finding does ('by-2026-12-31', RULES.md); a key that is no
    deadline is a located error, in Vietnamese."""
    import re
    import shutil

    from conftest import ROOT

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__*"))
    for path in rules.glob("*.yaml"):  # every commune covered; the NTM target without the end of its criteria set
        text = re.sub(r"^  covers: .*$", "  covers: all", path.read_text(encoding="utf-8"), flags=re.M)
        path.write_text(text.replace("    in_force: {from: 2023-04-06, to: 2026-02-14}\n", ""), encoding="utf-8")
    facts = tmp_path / "thu.yaml"
    facts.write_text(
        "schema: chitieu.facts/1\ncommune: {id: quang-ngai/thu, name: xã Thử}\nreport:\n  title: Báo cáo năm 2026\n"
        "  date: 2026-12-31\n  as_of: 2026-12-31\n  issuer: UBND xã Thử\n  period: {from: 2026-01-01, to: 2026-12-31}\n"
        "facts:\n  - {indicator: ntm_nc.cong_nhan, period: as_of, value: dang_hoan_thien_ho_so, "
        "source: {line: 1, quote: q}}\n",
        encoding="utf-8",
    )
    waivers = tmp_path / "mien-tru.yaml"
    line = "  - {{rule: ntm-nang-cao, commune: quang-ngai/thu, period: {}, reason: Lý do., approver: Ban Dân vận, expires: 2027-06-30}}\n"  # noqa: E501
    args = ("check", str(facts), str(waivers), "--rules", str(rules), "--format", "json", "--fail-on", "never")

    def ntm(doc: dict) -> dict:
        return finding(doc, "ntm-nang-cao", "by-2026-12-31")

    waivers.write_text("schema: chitieu.waivers/1\nwaivers:\n" + line.format("2026"), encoding="utf-8")
    run = run_cli(*args)
    assert ntm(run.json())["status"] == "unmet"  # a year's key matches no deadline finding, and the user is told
    assert (
        f"{waivers}:3:5: warning[waiver-unmatched]: the findings of rule 'ntm-nang-cao' have the period "
        "'by-2026-12-31' (judged once, by its deadline), not '2026': it waives nothing"
    ) in run.err
    other = line.format("by-2026-12-31").replace("quang-ngai/thu", "quang-ngai/khac")
    waivers.write_text("schema: chitieu.waivers/1\nwaivers:\n" + other, encoding="utf-8")
    run = run_cli("--lang", "vi", *args)
    assert ntm(run.json())["status"] == "unmet"
    assert "warning[waiver-unmatched]: miễn trừ nêu xã 'quang-ngai/khac', không có trong dữ liệu đầu vào" in run.err
    waivers.write_text("schema: chitieu.waivers/1\nwaivers:\n" + line.format("by-2026-12-31"), encoding="utf-8")
    waived = ntm(run_cli(*args).json())
    assert waived["status"] == "waived" and waived["waiver"]["line"] == 3
    waivers.write_text("schema: chitieu.waivers/1\nwaivers:\n" + line.format("by-2026-13-01"), encoding="utf-8")
    run = run_cli("--lang", "vi", *args)
    assert run.code == 2
    assert f"{waivers}:3:" in run.err
    assert "error[invalid-value]: 'by-2026-13-01' không phải là một hạn: viết by-YYYY-MM-DD" in run.err
