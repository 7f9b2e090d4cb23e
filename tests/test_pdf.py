"""Reports as PDF: a text layer read like the Word original (pdfplumber), a scan or a photo read by Tesseract OCR
when it is installed — every fact from OCR marked for review — and a located error saying what to install when it is
not. The PDFs are made at test time by LibreOffice from a Word report of the corpus (skipped without LibreOffice)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli

WORD = ROOT / "tests" / "fixtures" / "reports" / "xa-an-hoa-2024.docx"
soffice = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(soffice is None, reason="LibreOffice (soffice) is not installed: no PDF to read")


def _pdf_of(word: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(word),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / (word.stem + ".pdf")


def _facts(path: Path) -> dict:
    run = run_cli("facts", "extract", str(path))
    assert run.code == 0, run.err
    return yaml.safe_load(run.out)


def _key(f: dict) -> tuple:
    return f["indicator"], str(f["period"]), str(f.get("value", f.get("items", f.get("claim"))))


@needs_office
def test_a_pdf_with_a_text_layer_reads_like_its_word_original(tmp_path):
    pdf = _pdf_of(WORD, tmp_path)
    from_pdf, from_word = _facts(pdf), _facts(WORD)
    assert from_pdf["commune"] == from_word["commune"] and from_pdf["report"]["as_of"] == from_word["report"]["as_of"]
    assert {_key(f) for f in from_pdf["facts"]} == {_key(f) for f in from_word["facts"]}
    # the table of figures is read by its cells, in the PDF too (a row that goes on over a page break included)
    cells = {f["indicator"]: f["source"]["cell"] for f in from_pdf["facts"] if "cell" in f["source"]}
    assert cells["giam_ngheo.so_ho_giam"].endswith("!E3") and cells["kdc.so_khu_van_hoa"].endswith("!E5")
    assert not any(f.get("review") and "OCR" in f.get("note", "") for f in from_pdf["facts"])
    run = run_cli("check", str(pdf), "--allow-unreviewed", "--format", "json", "--fail-on", "never")
    assert run.code == 0 and "error[" not in run.err, run.err


@needs_office
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract OCR is not installed")
def test_a_scan_is_read_by_ocr_and_every_fact_is_marked_for_review(tmp_path):
    from chitieu.reporttext import tesseract

    if tesseract() is None:
        pytest.skip("Tesseract has no Vietnamese data (tesseract-ocr-vie)")
    import pdfplumber

    with pdfplumber.open(_pdf_of(WORD, tmp_path)) as pdf:
        pdf.pages[0].to_image(resolution=200).original.save(tmp_path / "scan.png")
    run = run_cli("facts", "extract", str(tmp_path / "scan.png"))
    assert run.code == 0, run.err
    assert f"{tmp_path / 'scan.png'}:1:1: note[encoding]: the report was read by OCR" in run.err
    draft = yaml.safe_load(run.out)
    assert draft["commune"]["name"] == "xã An Hòa"
    plan = next(f for f in draft["facts"] if f["indicator"] == "dvcq.ke_hoach_nam")
    assert plan["document"]["number"] == "14/KH-UBND"
    assert draft["facts"] and all(f["review"] is True for f in draft["facts"])


def test_without_tesseract_a_scan_is_a_located_error_that_says_what_to_install(tmp_path, monkeypatch):
    from PIL import Image

    from chitieu import reporttext

    monkeypatch.setattr(reporttext.shutil, "which", lambda name: None)
    image = Image.new("RGB", (200, 100), "white")
    image.save(tmp_path / "anh.png")
    image.save(tmp_path / "scan.pdf")  # a PDF of an image: no text layer
    for name, what in (("anh.png", "an image"), ("scan.pdf", "a scanned PDF (no text layer)")):
        for command in (("facts", "extract"), ("check",)):
            run = run_cli(*command, str(tmp_path / name))
            assert run.code == 2 and run.out == ""
            assert (
                f"{tmp_path / name}:1:1: error[ocr-unavailable]: the report is {what}; reading it needs OCR: "
                "install Tesseract with its Vietnamese data (Debian/Ubuntu: apt-get install tesseract-ocr "
                "tesseract-ocr-vie)"
            ) in run.err, run.err
