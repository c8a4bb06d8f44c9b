"""The workshop app end to end in a real browser: Voila serving notebooks/aplikasi.ipynb.

A participant opens the app, starts their copy of the sample unit, changes a target in
the PK grid and an effort in stage 3, runs the optimiser (progress, then status), picks a
team member in the MPH level-2 matrix as Ketua Tim, sees the price of that pin, commits
it, and exports. Afterwards the test reads the saved workbook (both edits and the pin are
there) and the exported result workbook (the pin is honoured). It waits on the UI's CSS
ready signals only; each stage leaves a screenshot in ``artefak/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import pilih_tab

from sistemkerja import contoh
from sistemkerja.domain.enums import Peran
from sistemkerja.io import read_plan
from sistemkerja.laporan.baca import read_result_workbook
from sistemkerja.lokakarya import ENV_FOLDER, ENV_SUMBER
from sistemkerja.ui import lembar, mph

pytestmark = [pytest.mark.browser, pytest.mark.slow]

APLIKASI = Path(__file__).resolve().parents[2] / "notebooks" / "aplikasi.ipynb"
PADDING = 3  # ipydatagrid's padding around the canvas (pixels)


def _cell(page, grid: str, row: int, column: int, *, kunci: int, kolom: int) -> tuple[float, ...]:
    """Centre of a body cell of a canvas grid (0-based row and column, index excluded)."""
    locator = page.locator(grid)
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    x = box["x"] + PADDING + kunci + column * kolom + kolom / 2
    y = box["y"] + PADDING + lembar.TINGGI_BARIS * (row + 1) + lembar.TINGGI_BARIS / 2
    return x, y


def _type_into(page, grid: str, row: int, column: int, text: str) -> None:
    x, y = _cell(page, grid, row, column, kunci=lembar.LEBAR_KUNCI, kolom=lembar.LEBAR_KOLOM)
    page.mouse.dblclick(x, y)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_participant_goes_from_pk_to_an_exported_mph_with_a_pin(voila_app, page, foto, tmp_path):
    folder = tmp_path / "ruang"
    server = voila_app(APLIKASI, env={ENV_FOLDER: str(folder), ENV_SUMBER: ""})
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(server.url(peserta="Uji Peserta"))
    page.wait_for_selector(".sk-panel-peserta.sk-siap")
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-aplikasi-siap .sk-panel-mulai.sk-siap")
    copy = folder / "uji-peserta.xlsx"
    plan = read_plan(copy)
    assert plan == contoh.load("unit")
    foto("0-mulai")

    # Stage 1: change a target in the PK grid.
    pilih_tab(page, ".sk-tab-tahap", "1 PK", exact=False)
    page.wait_for_selector(".sk-panel-pk.sk-siap")
    pilih_tab(page, ".sk-panel-pk .widget-tab", "Indikator dan target", exact=False)
    indikator = ".sk-lembar-indikator .sk-grid"
    page.wait_for_selector(indikator)
    headers = [k.header for k in lembar.skema.lembar_of("Indikator").columns]
    _type_into(page, indikator, 0, headers.index("Target"), "91 %")
    page.wait_for_selector(".sk-lembar-indikator .sk-pesan-ok")
    assert "Tersimpan" in page.inner_text(".sk-lembar-indikator .sk-pesan")
    foto("1-pk")
    # A bad edit: refused next to the grid with sheet, row and column; the file untouched.
    saved_bytes = copy.read_bytes()
    _type_into(page, indikator, 1, headers.index("Sasaran"), "SS-TIDAK-ADA")
    page.wait_for_selector(".sk-lembar-indikator .sk-pesan-galat")
    refusal = page.inner_text(".sk-lembar-indikator .sk-pesan")
    assert "lembar 'Indikator', baris 3" in refusal and "kolom 'Sasaran'" in refusal, refusal
    assert copy.read_bytes() == saved_bytes
    foto("1-pk-ditolak")

    # Stage 3: change an effort (norma waktu of the first effort line).
    pilih_tab(page, ".sk-tab-tahap", "3 Kegiatan", exact=False)
    page.wait_for_selector(".sk-panel-kegiatan.sk-siap")
    pilih_tab(page, ".sk-panel-kegiatan .widget-tab", "Beban", exact=False)
    beban = ".sk-lembar-beban-kegiatan .sk-grid"
    page.wait_for_selector(beban)
    headers = [k.header for k in lembar.skema.lembar_of("Beban Kegiatan").columns]
    norma = plan.beban[0].norma_waktu + 2
    _type_into(page, beban, 0, headers.index("Norma waktu (jam)"), f"{norma:g}")
    page.wait_for_selector(".sk-lembar-beban-kegiatan .sk-pesan-ok")
    foto("3-kegiatan")

    # Stage 4: run the optimiser; see progress, then the status.
    pilih_tab(page, ".sk-tab-tahap", "4 MPH", exact=False)
    page.wait_for_selector(".sk-panel-mph.sk-siap")
    page.click(".sk-tombol-optimasi")
    page.wait_for_selector(".sk-panel-mph.sk-keadaan-berjalan, .sk-panel-mph.sk-keadaan-selesai")
    foto("4-kemajuan")
    page.wait_for_selector(".sk-panel-mph.sk-keadaan-selesai")
    status = page.inner_text(".sk-panel-optimasi")
    assert "terbukti" in status or "optimal" in status, status
    assert page.locator(".sk-mph-level1 table").count() == 1
    foto("4-status")

    # Dialog kinerja from the matrix: the last member of the first team as its Ketua.
    pilih_tab(page, ".sk-panel-hasil .widget-tab", "MPH level 2", exact=False)
    grid = ".sk-grid-anggota"
    page.wait_for_selector(grid)
    team_label = page.input_value(".sk-pilih-tim select")  # "TIM-… — name"
    # Row 0 is the team's Ketua in the result; pick the member on row 1.
    x, y = _cell(page, grid, 1, 0, kunci=mph.LEBAR_KUNCI, kolom=mph.LEBAR_KOLOM_ANGGOTA)
    page.mouse.click(x, y)
    page.wait_for_selector(".sk-panel-dialog-kinerja .sk-pesan-ok")
    assert "Dipilih dari matriks" in page.inner_text(".sk-panel-dialog-kinerja")
    person_label = page.input_value(".sk-penetapan-pegawai select")  # "name — jabatan"
    foto("4-dari-matriks")
    page.click(".sk-tombol-harga")
    page.wait_for_selector(".sk-panel-dialog-kinerja.sk-harga-selesai")
    harga = page.inner_text(".sk-harga")
    assert "EJ tertinggi" in harga and "biaya" in harga.lower(), harga
    foto("4-harga")
    page.click(".sk-tombol-tetapkan")
    page.wait_for_selector(".sk-daftar-penetapan option")
    page.wait_for_selector("button.sk-tombol-tetapkan:disabled")  # the priced result taken
    foto("4-ditetapkan")

    # Export with one click.
    page.click(".sk-tombol-ekspor")
    page.wait_for_selector(".sk-panel-ekspor.sk-ekspor-selesai")
    foto("4-ekspor")
    assert page.sk_galat == []

    saved = read_plan(copy)
    assert saved.indikator[0].target == "91 %"
    assert saved.beban[0].norma_waktu == norma
    (pin,) = set(saved.penetapan) - set(plan.penetapan)
    assert pin.peran is Peran.KETUA
    assert team_label.startswith(pin.tim)
    assert person_label.startswith(saved.pegawai_by_nip()[pin.nip].name)
    result = read_result_workbook(folder / "uji-peserta_hasil" / "hasil.xlsx")
    assert result.alokasi.ketua()[pin.tim] == pin.nip
