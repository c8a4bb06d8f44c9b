"""From nothing to an exported MPH without writing code: only the suite's own widgets.

A planner starts a new plan from the PK header in the plan bar, types every row into the
row forms of the stage tabs (values as a planner types them: "1.250", "Ya", "4 Dokumen"),
runs the optimiser from the MPH tab and exports. The exported result workbook is read back:
every staff member and activity is there, the team has its Ketua.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rencana_baru import BARIS, JAM_TOTAL, KEPALA, NIP

from sistemkerja.io import read_plan
from sistemkerja.laporan.baca import read_result_workbook
from sistemkerja.ui.aplikasi import Aplikasi
from sistemkerja.ui.rencana import ModelRencana


def _row(panel, sheet: str, texts: dict[str, str]) -> None:
    editor = panel.editor[sheet]
    for header, value in texts.items():
        editor.fields[header].value = value
    result = editor.tambah()
    assert result.diterima, result.pesan
    for w in editor.fields.values():  # as a planner clears the form for the next row
        w.value = ""


@pytest.mark.slow
def test_new_plan_typed_in_the_forms_reaches_an_exported_mph(tmp_path: Path) -> None:
    start = ModelRencana.buka(tmp_path / "contoh.xlsx", contoh="kecil")
    app = Aplikasi(start)
    bar = app.children[1]
    bar.jalur.value = str(tmp_path / "unit_baru.xlsx")
    for key, value in KEPALA.items():
        bar.isian_baru[key].value = value
    bar.tombol_baru.click()
    model = app.model
    assert model.path == str(tmp_path / "unit_baru.xlsx")

    for tab, _sub, sheet, _key, texts in BARIS:
        _row(app.buka_tab(tab), sheet, texts)
    assert not [p for p in model.masalah if p.is_error], model.masalah
    assert read_plan(model.path).kegiatan[0].code == "K-1"  # every row was saved as typed

    mph = app.buka_tab("4 MPH")
    mph.panel_optimasi.celah.value = 0
    mph.panel_optimasi.batas_waktu.value = 300
    mph.panel_optimasi.tombol_optimasi.click()
    assert app.model_optimasi.tunggu(600)
    assert app.model_optimasi.hasil.ok, app.model_optimasi.pesan
    mph.tombol_ekspor.click()
    assert mph.tunggu_ekspor(600)
    assert "sk-ekspor-selesai" in mph.panel_ekspor._dom_classes

    back = read_result_workbook(mph.berkas_ekspor["hasil"])
    assert back.alokasi.ketua()["TIM-DATA"] in NIP
    assert {p.nip for p in back.alokasi.penugasan} <= set(NIP)
    assert sum(p.jam for p in back.alokasi.penugasan) == pytest.approx(JAM_TOTAL)
