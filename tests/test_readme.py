"""README.md stays true to the code: its sheet table is the schema's, in workbook order."""

from __future__ import annotations

from pathlib import Path

from sistemkerja.domain import skema

README = Path(__file__).resolve().parents[1] / "README.md"


def test_sheet_table_matches_schema():
    text = README.read_text(encoding="utf-8")
    rows = [f"| {lembar.name} | {lembar.help} |" for lembar in skema.LEMBAR]
    missing = [row for row in rows if row not in text]
    assert not missing, f"README.md: perbarui tabel lembar buku kerja: {missing}"
    positions = [text.index(row) for row in rows]
    assert positions == sorted(positions), "README.md: urutan lembar berbeda dari skema.LEMBAR"


def test_make_commands_at_the_top():
    head = README.read_text(encoding="utf-8")[:400]
    assert "make lab" in head
    assert "make test" in head
