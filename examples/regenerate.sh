#!/bin/sh
# Regenerate every sample in examples/ from facts/tinh-an and the catalogue in rules/ (run from the project folder).
# tests/test_outputs.py runs these same lines and fails when a committed sample differs.
set -e
chitieu report facts/tinh-an -o examples/tinh-an-du-thao.md --force
chitieu report facts/tinh-an --format docx -o examples/tinh-an-du-thao.docx --force
chitieu report facts/tinh-an --for reviewer --reviewer-body "BAN DÂN VẬN" --reviewer-parent "THÀNH ỦY QUẢNG NGÃI" --reviewer-place "Quảng Ngãi" -o examples/tinh-an-phieu-ra-soat.md --force
chitieu report facts/tinh-an --for reviewer --reviewer-body "BAN DÂN VẬN" --reviewer-parent "THÀNH ỦY QUẢNG NGÃI" --reviewer-place "Quảng Ngãi" --format docx -o examples/tinh-an-phieu-ra-soat.docx --force
chitieu report facts/tinh-an --for self-assessment --format xlsx -o examples/tinh-an-bieu-tu-danh-gia.xlsx --force
chitieu shortfalls facts/tinh-an --format xlsx -o examples/tinh-an-thieu-hut.xlsx --force
chitieu shortfalls facts/tinh-an --format csv -o examples/tinh-an-thieu-hut.csv --force
