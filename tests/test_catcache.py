"""The loaded catalogue kept between runs (chitieu.catcache): taken again only for the same rule files and the same
code, only from a private folder, never needed for a correct result."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from chitieu import catalogue as catalogue_module
from chitieu.catalogue import load_catalogue
from chitieu.diagnostics import Diagnostics, InputError

from conftest import ROOT, run_cli


@pytest.fixture
def rules(tmp_path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(folder))
    return folder


_LOAD_FROM_FILES = catalogue_module._load_catalogue


def _new_run(monkeypatch, *, files_must_not_be_read: bool = False) -> list[Path]:
    """Forget the catalogues of this process, as a new `chitieu` process would; record every load from files."""
    monkeypatch.setattr(catalogue_module, "_LOADED", type(catalogue_module._LOADED)())
    read: list[Path] = []

    def spy(root, *args):
        if files_must_not_be_read:
            raise AssertionError(f"the rule files of {root} were read again")
        read.append(root)
        return _LOAD_FROM_FILES(root, *args)

    monkeypatch.setattr(catalogue_module, "_load_catalogue", spy)
    return read


def _pickles(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("catalogue-*.pickle"))


def test_a_second_run_takes_the_catalogue_from_the_cache_with_the_same_rules(rules, cache, monkeypatch):
    read = _new_run(monkeypatch)
    first = load_catalogue(rules)
    assert read == [rules] and len(_pickles(cache)) == 1
    assert (os.stat(cache).st_mode & 0o777) == 0o700
    _new_run(monkeypatch, files_must_not_be_read=True)
    second = load_catalogue(rules)
    assert second is not first
    assert second.digest == first.digest
    assert [lr.id for lr in second.rules] == [lr.id for lr in first.rules]
    assert second.by_id["mo-hinh-dvk-moi-nam"].where() == first.by_id["mo-hinh-dvk-moi-nam"].where()


def test_the_cached_catalogue_brings_its_compiled_branches(rules, cache, monkeypatch):
    from chitieu import compiler

    _new_run(monkeypatch)
    first = compiler.compile_catalogue(load_catalogue(rules))
    _new_run(monkeypatch, files_must_not_be_read=True)
    monkeypatch.setattr(compiler, "compile_rule", lambda *a: pytest.fail("a rule was compiled again"))
    second = compiler.compile_catalogue(load_catalogue(rules))
    assert [(b.name, b.outcome.status) for b in second.branches] == [(b.name, b.outcome.status) for b in first.branches]
    assert second.read_conclusions == first.read_conclusions and second.waivable == first.waivable


def test_an_edit_of_the_same_size_is_not_taken_from_the_cache(rules, cache, monkeypatch):
    _new_run(monkeypatch)
    first = load_catalogue(rules)
    plan = rules / "ke-hoach-156.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Tịnh An", "Tịnh Xa", 1), encoding="utf-8")
    read = _new_run(monkeypatch)
    second = load_catalogue(rules)
    assert read == [rules]
    assert second.digest != first.digest
    assert len(_pickles(cache)) == 2


def test_warnings_come_again_from_the_cache_and_errors_are_never_kept(rules, cache, monkeypatch):
    info = rules / "catalogue.yaml"
    text = info.read_text(encoding="utf-8")
    info.write_text(text.replace("qd-318-ttg-ntm-nang-cao]", "qd-318-ttg-ntm-nang-cao, kh-999]"), encoding="utf-8")
    warned = []
    for must_not_read in (False, True):
        _new_run(monkeypatch, files_must_not_be_read=must_not_read)
        diags = Diagnostics()
        load_catalogue(rules, diags=diags)
        warned.append([(d.level, d.code, d.line) for d in diags.items])
    assert warned[0] == warned[1] == [("warning", "unknown-document", 5)]

    info.write_text(text.replace("version:", "version: [", 1), encoding="utf-8")  # a YAML error
    for _ in range(2):
        read = _new_run(monkeypatch)
        with pytest.raises(InputError):
            load_catalogue(rules)
        assert read == [rules]  # read from the files both times: nothing was kept for them


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda folder, pickle: os.chmod(folder, 0o777), id="folder-others-may-write"),
        pytest.param(lambda folder, pickle: os.chmod(pickle, 0o666), id="file-others-may-write"),
        pytest.param(lambda folder, pickle: pickle.write_bytes(b"not a pickle"), id="file-not-a-pickle"),
        pytest.param(
            lambda folder, pickle: pickle.write_bytes(__import__("pickle").dumps(("a", "tuple"))), id="other-content"
        ),
    ],
)
def test_a_cache_that_cannot_be_trusted_is_left_alone_and_the_files_are_read(rules, cache, monkeypatch, spoil):
    _new_run(monkeypatch)
    first = load_catalogue(rules)
    (pickle,) = cache.glob("catalogue-*.pickle")
    spoil(cache, pickle)
    read = _new_run(monkeypatch)
    again = load_catalogue(rules)
    assert read == [rules]
    assert again.digest == first.digest


def test_a_link_in_place_of_the_cache_file_is_not_followed(rules, cache, monkeypatch, tmp_path):
    _new_run(monkeypatch)
    load_catalogue(rules)
    (pickle,) = cache.glob("catalogue-*.pickle")
    elsewhere = tmp_path / "elsewhere.pickle"
    pickle.rename(elsewhere)
    pickle.symlink_to(elsewhere)
    read = _new_run(monkeypatch)
    load_catalogue(rules)
    assert read == [rules]


def test_turned_off_or_unwritable_the_cache_changes_nothing_but_time(rules, tmp_path, monkeypatch):
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # off; a relative folder (it would be made in whatever folder a run starts in); one that cannot be made
    for setting in ("off", "relative-cache", str(a_file / "cache")):
        monkeypatch.setenv("CHITIEU_CACHE_DIR", setting)
        for _ in range(2):
            read = _new_run(monkeypatch)
            assert load_catalogue(rules).rules
            assert read == [rules]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "rules"]


def test_check_gives_the_same_findings_from_a_cold_and_a_warm_cache(cache, tmp_path, monkeypatch):
    runs = []
    for name in ("cold.json", "warm.json"):
        _new_run(monkeypatch)
        result = run_cli("check", str(ROOT / "facts" / "tinh-an"), "--format", "json", "-o", str(tmp_path / name))
        assert result.code == 1, result.err  # the seed commune has unmet targets
        runs.append((tmp_path / name).read_bytes())
    assert runs[0] == runs[1]
    assert len(_pickles(cache)) == 1


def test_paths_are_the_ones_this_run_gave_whatever_folder_an_earlier_run_was_in(rules, cache, monkeypatch, tmp_path):
    """A catalogue keeps its files' paths as given: a run from another folder that names the same files otherwise
    must not get the earlier run's names back — from this process's memory or from the cache."""
    sub = tmp_path / "sub"
    sub.mkdir()
    seen = []
    for folder, given in ((tmp_path, "rules"), (sub, "../rules"), (tmp_path, "rules")):
        monkeypatch.chdir(folder)
        for fresh in (True, False):  # as a new process would (cache), then again in this one (memory)
            if fresh:
                _new_run(monkeypatch)
            cat = load_catalogue(Path(given))
            seen.append(str(cat.by_id["mo-hinh-dvk-moi-nam"].path))
    assert (
        seen == ["rules/ke-hoach-156.yaml"] * 2 + ["../rules/ke-hoach-156.yaml"] * 2 + ["rules/ke-hoach-156.yaml"] * 2
    )


def test_check_prints_the_rule_files_as_the_user_named_them_from_each_folder(cache, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "sub").mkdir()
    files = []
    for folder, given in ((tmp_path, "rules"), (tmp_path / "sub", "../rules")):
        monkeypatch.chdir(folder)
        _new_run(monkeypatch)
        out = tmp_path / f"{folder.name}.json"
        run_cli(
            "check", str(ROOT / "facts" / "tinh-an"), "--rules", given, "--format", "json", "-o", str(out), cwd=folder
        )
        files.append(
            {f["source"]["file"] for f in __import__("json").loads(out.read_text(encoding="utf-8"))["findings"]}
        )
    assert "rules/ke-hoach-156.yaml" in files[0] and "../rules/ke-hoach-156.yaml" in files[1]
