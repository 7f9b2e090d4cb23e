"""A catalogue loaded twice in one process is loaded once — by its files' bytes, never their times."""

from __future__ import annotations

import shutil

from chitieu.catalogue import load_catalogue
from chitieu.diagnostics import Diagnostics

from conftest import ROOT


def test_the_same_files_give_the_same_catalogue_and_an_edit_of_the_same_size_a_new_one(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    first = load_catalogue(rules)
    assert load_catalogue(rules) is first
    plan = rules / "ke-hoach-156.yaml"
    text = plan.read_text(encoding="utf-8")
    # at once, same size: a timestamp could not tell the two apart
    plan.write_text(text.replace("Tịnh An", "Tịnh Xa", 1), encoding="utf-8")
    assert len(plan.read_bytes()) == len(text.encode())
    second = load_catalogue(rules)
    assert second is not first and second.digest != first.digest


def test_a_catalogue_taken_from_memory_gives_its_warnings_again(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    info = rules / "catalogue.yaml"
    text = info.read_text(encoding="utf-8")
    info.write_text(text.replace("qd-318-ttg-ntm-nang-cao]", "qd-318-ttg-ntm-nang-cao, kh-999]"), encoding="utf-8")
    warned, loaded = [], []
    for _ in range(2):
        diags = Diagnostics()
        loaded.append(load_catalogue(rules, diags=diags))
        warned.append([(d.code, d.line) for d in diags.items])
    assert loaded[0] is loaded[1]
    assert warned[0] == warned[1] == [("unknown-document", 5)]
