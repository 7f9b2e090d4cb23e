"""`chitieu check --jobs N`: communes audited in worker processes, with output identical to one job.

Every format is compared byte for byte at --jobs 1 and 2 over a generated folder in which two communes have a bad
file: the same findings, the same diagnostics in the same order, the same exit code; the bad communes are left out and
the others audited. Signals with workers are in test_terminal.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

BAD = {"binh-dinh/xa-00004": "2022.yaml", "quang-ngai/xa-00006": "2023.yaml"}
TEXT_FORMATS = ["json", "list", "table", "section", "matrix", "html"]


def _spoil(path: Path, line_text: str) -> int:
    """Append a fact line to ``path``; its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line_text + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """(a folder of 8 communes × 2 years with two bad files, the lines of their errors; the same folder without them)."""
    from bench.generate import generate

    root = tmp_path_factory.mktemp("jobs")
    clean, spoilt = root / "sach", root / "loi"
    generate(clean, 8, 2, seed=21, first_year=2022)
    generate(spoilt, 8, 2, seed=21, first_year=2022)
    lines = {}
    for cid, name in BAD.items():
        province, commune = cid.split("/")
        lines[cid] = _spoil(
            spoilt / province / commune / name,
            "  - {indicator: dvcq.khong_co, period: as_of, value: 1, source: {line: 99, quote: \"x\"}}",
        )
    return root, lines


def _run(root: Path, *args: str):
    # relative paths, run from the folder above them: the workers must read them from the same place
    return run_cli("check", *args, cwd=root)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_format_is_byte_identical_with_two_jobs_and_a_bad_file(folders, fmt):
    root, lines = folders
    one = _run(root, "loi", "--format", fmt, "--jobs", "1")
    two = _run(root, "loi", "--format", fmt, "--jobs", "2")
    assert one.code == 2, one.err  # bad input: exit 2, the other communes still shown
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    errors = [ln for ln in two.err.splitlines() if ": error[" in ln]
    message = "error[unknown-indicator]: unknown indicator 'dvcq.khong_co' (did you mean: 'dvcq.ke_hoach_nam'?)"
    assert errors == [
        f"loi/binh-dinh/xa-00004/2022.yaml:{lines['binh-dinh/xa-00004']}:17: {message}",
        f"loi/quang-ngai/xa-00006/2023.yaml:{lines['quang-ngai/xa-00006']}:17: {message}",
    ]
    if fmt == "json":
        audited = [c["id"] for c in json.loads(two.out)["communes"]]
        assert audited == [
            "binh-dinh/xa-00001",
            "binh-dinh/xa-00007",
            "phu-yen/xa-00002",
            "phu-yen/xa-00005",
            "phu-yen/xa-00008",
            "quang-ngai/xa-00003",
        ]


@pytest.mark.parametrize("suffix", ["json", "html", "xlsx"])
def test_output_files_are_byte_identical_with_two_jobs(folders, suffix):
    root, _ = folders
    runs = []
    for jobs in ("1", "2"):
        run = _run(root, "sach", "-o", f"ket-qua-{jobs}.{suffix}", "--force", "--jobs", jobs, "--fail-on", "never")
        assert run.code == 0, run.err
        runs.append((root / f"ket-qua-{jobs}.{suffix}").read_bytes())
    assert runs[0] == runs[1]
    if suffix == "json":
        doc = json.loads(runs[1])
        assert len(doc["communes"]) == 8 and sum(doc["summary"].values()) == len(doc["findings"])


def test_facts_drafted_from_reports_in_memory_go_to_the_workers(monkeypatch):
    """Reports given to check are drafted in memory (never written to disk): their fact documents are sent to the
    workers as they are, and the run is the same as with one job."""
    import chitieu.workers

    reports = Path(__file__).parent / "fixtures" / "reports"
    args = (
        "check",
        str(reports / "xa-binh-minh-2024.txt"),
        str(reports / "thi-tran-tan-lap-2023.txt"),
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    one = run_cli(*args, "--jobs", "1")
    sent = []
    real_send = chitieu.workers._send
    monkeypatch.setattr(chitieu.workers, "_send", lambda conn, task: (sent.append(task), real_send(conn, task)))
    two = run_cli(*args, "--jobs", "2")
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert [c["id"] for c in json.loads(two.out)["communes"]] == [
        "binh-minh",
        "phu-tho/tan-lap",
    ]  # its opening names its province
    assert [(len(task[1]), len(task[2])) for task in sent] == [(0, 1), (0, 1)]  # no file, one drafted document each


def test_a_fork_server_gives_the_same_output(folders, monkeypatch):
    """Where fork is not safe (another thread is running) workers come from a fork server started elsewhere: paths
    are still read from the main process's folder."""
    import chitieu.workers

    root, _ = folders
    one = _run(root, "loi", "--format", "json", "--jobs", "1")
    monkeypatch.setattr(chitieu.workers, "start_method", lambda: "forkserver")
    two = _run(root, "loi", "--format", "json", "--jobs", "2")
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)


def test_a_worker_error_is_reported_and_its_traceback_shown_with_debug(folders, monkeypatch):
    import chitieu.workers
    from chitieu.runtime import EngineError

    root, _ = folders
    real = chitieu.workers.audit_commune

    def failing(cat, runtime, cf, *args):
        if cf.commune.id == "phu-yen/xa-00005":
            raise EngineError("rule giam-ngheo, period 2022: expected one conclusion, got none")
        return real(cat, runtime, cf, *args)

    monkeypatch.setattr(chitieu.workers, "start_method", lambda: "fork")  # the worker inherits the patch
    monkeypatch.setattr(chitieu.workers, "audit_commune", failing)
    run = _run(root, "sach", "--format", "json", "--jobs", "2")
    assert run.code == 3
    assert run.err.startswith(
        "chitieu: internal error in the rule network: rule giam-ngheo, period 2022: expected one conclusion, got none\n"
    )
    assert "Traceback" not in run.err
    with pytest.raises(EngineError) as raised:
        run_cli("--debug", "check", "sach", "--format", "json", "--jobs", "2", cwd=root)
    remote = str(raised.value.__cause__)  # the worker's own traceback, as --debug prints it
    assert "in failing" in remote and "expected one conclusion" in remote


def test_a_worker_that_dies_ends_the_run_with_an_internal_error_not_a_hang(folders, monkeypatch, tmp_path):
    """A worker killed mid-audit (out of memory, a crash in C code) never answers: the run says so and stops, its
    output file is not left behind, and the other worker is stopped too."""
    import os

    import chitieu.workers

    root, _ = folders
    real = chitieu.workers.audit_commune

    def dying(cat, runtime, cf, *args):
        if cf.commune.id == "phu-yen/xa-00005":
            os._exit(9)
        return real(cat, runtime, cf, *args)

    monkeypatch.setattr(chitieu.workers, "start_method", lambda: "fork")  # the worker inherits the patch
    monkeypatch.setattr(chitieu.workers, "audit_commune", dying)
    out = tmp_path / "ket-qua.json"
    run = _run(root, "sach", "-o", str(out), "--jobs", "2")
    assert run.code == 3
    assert run.err.startswith(
        "chitieu: internal error: WorkerLost: a worker process ended while auditing (exit code "
        "9); run again with --jobs 1 to see where\n"
    ), run.err
    assert list(tmp_path.iterdir()) == []


def test_results_wait_in_a_bounded_queue(folders, monkeypatch):
    """However slow the output, at most two communes per worker are audited ahead of it: memory stays flat."""
    import chitieu.workers
    from chitieu.batch import index_inputs, load_waivers
    from chitieu.catalogue import load_catalogue
    from chitieu.diagnostics import Diagnostics

    root, _ = folders
    cat = load_catalogue()
    diags = Diagnostics()
    index = index_inputs([root / "sach"], diags)
    submitted = []
    real_send = chitieu.workers._send

    def counting(conn, task):
        submitted.append(task[0])
        real_send(conn, task)

    monkeypatch.setattr(chitieu.workers, "_send", counting)
    seen = []
    stream = chitieu.workers.audit_in_workers(cat, index, load_waivers(index, cat, diags), diags, jobs=2, whole=False)
    for cf, findings in stream:
        seen.append(cf.commune.id)
        assert len(submitted) - len(seen) <= 2 * chitieu.workers.IN_FLIGHT_PER_WORKER
        assert findings and all(f.commune.id == cf.commune.id for f in findings)
        assert cf.facts == [] and len(cf.reports) == 2  # whole=False: the header only, all a streamed format prints
    assert seen == index.commune_ids and len(submitted) == 8


def test_jobs_must_be_at_least_one(folders):
    root, _ = folders
    run = _run(root, "sach", "--jobs", "0")
    assert run.code == 2 and "--jobs" in run.err


def test_a_finding_travels_from_a_worker_with_its_words_not_with_the_catalogue(catalogue):
    """What a worker sends back per finding: the finding with its template values worked out (the narrative reads
    them in the main process), never the catalogue and the commune's facts they are worked out from."""
    import pickle

    from chitieu.audit import run_audit
    from chitieu.batch import index_inputs, stream_communes
    from chitieu.diagnostics import Diagnostics
    from conftest import SEED_FACTS

    d = Diagnostics()
    found = run_audit(catalogue, list(stream_communes(index_inputs([SEED_FACTS], d), catalogue, d))).findings
    for f in found:
        sent = pickle.dumps(f)
        assert b"chitieu.catalogue" not in sent and b"chitieu.facts" not in sent, f.rule_id
        back = pickle.loads(sent)
        assert back.message == f.message and dict(back.values) == dict(f.values)
        assert back.model_dump_json() == f.model_dump_json() == back.json_line()


def test_a_json_run_with_workers_chooses_and_counts_findings_as_one_job_does(folders):
    """With --format json the workers send each finding as its JSON line (model.FindingLine): choosing findings by
    status, rule, commune and plan, counting them for the exit code, and the document must be those of one job."""
    root, _ = folders
    for choices, communes, statuses in (
        (["--status", "unmet,pending", "--commune", "quang-ngai/*", "--plan", "13-ĐA/TU"], {"quang-ngai"}, None),
        (["--rule", "ntm-*", "--commune", "binh-dinh/*"], {"binh-dinh"}, {"met", "unmet"}),
    ):
        runs = [_run(root, "sach", "--format", "json", "--jobs", jobs, *choices) for jobs in ("1", "2")]
        assert (runs[1].code, runs[1].out, runs[1].err) == (runs[0].code, runs[0].out, runs[0].err)
        found = json.loads(runs[1].out)["findings"]
        assert found and {f["commune"]["id"].split("/")[0] for f in found} == communes
        assert {f["status"] for f in found} == (statuses or {"unmet"})
        assert runs[1].code == 1  # unmet findings at the default --fail-on


def test_a_finding_line_carries_what_choosing_and_counting_read_and_its_json(catalogue):
    import pickle

    from chitieu.audit import run_audit
    from chitieu.batch import index_inputs, stream_communes
    from chitieu.diagnostics import Diagnostics
    from chitieu.model import FindingLine
    from conftest import SEED_FACTS

    d = Diagnostics()
    found = run_audit(catalogue, list(stream_communes(index_inputs([SEED_FACTS], d), catalogue, d))).findings
    lines = pickle.loads(pickle.dumps([FindingLine.of(f) for f in found]))
    for f, line in zip(found, lines, strict=True):
        assert (line.rule_id, line.status, line.commune.id, line.source.document) == (
            f.rule_id,
            f.status,
            f.commune.id,
            f.source.document,
        )
        assert line.json_line() == f.json_line() == f.model_dump_json()  # the serialiser's defaults, the same bytes
    with pytest.raises(AttributeError):
        lines[0].message  # noqa: B018 - a line is no finding for any other reader
