"""From nothing to an exported MPH in a real browser, only clicking and typing in the app.

The participant starts the app, opens "Berkas lain / rencana baru" in the plan bar, types
the PK header and a new file name, then types every row of a small plan into the row forms
of tabs 1–3 (as a planner types: "50.000.000", "4 Laporan", choices from dropdowns), runs
the optimiser in tab 4 and exports. The saved plan and the exported result workbook are
read back. Screenshots of each step go to ``artefak/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import pilih_tab
from rencana_baru import BARIS, JAM_TOTAL, KEPALA, NIP

from sistemkerja.io import read_plan
from sistemkerja.laporan.baca import read_result_workbook
from sistemkerja.lokakarya import ENV_FOLDER, ENV_SUMBER

pytestmark = [pytest.mark.browser, pytest.mark.slow]

APLIKASI = Path(__file__).resolve().parents[2] / "notebooks" / "aplikasi.ipynb"


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _row(page, sheet: str, key: str, fields: dict[str, str]) -> None:
    """Type one row into a sheet's row form and add it; wait until it is accepted."""
    editor = f".sk-lembar-{_slug(sheet)}"
    form = page.locator(f"{editor} .jupyter-widget-Collapse-header, {editor} .p-Collapse-header")
    if not page.locator(f"{editor} .sk-tombol-tambah").is_visible():
        form.first.click()
    for header, value in fields.items():
        field = f"{editor} .sk-isian-{_slug(header)}"
        if page.locator(f"{field} select").count():
            page.select_option(f"{field} select", label=value)
        else:
            page.fill(f"{field} input", value)
    page.click(f"{editor} .sk-tombol-tambah")
    page.wait_for_selector(f"{editor} .sk-pesan-ok:has-text('{key}')")


def test_empty_plan_to_exported_mph_by_typing_in_the_app(voila_app, page, foto, tmp_path):
    folder = tmp_path / "ruang"
    server = voila_app(APLIKASI, env={ENV_FOLDER: str(folder), ENV_SUMBER: ""})
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(server.url(peserta="Perencana Baru"))
    page.wait_for_selector(".sk-panel-peserta.sk-siap")
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-aplikasi-siap .sk-panel-mulai.sk-siap")

    # A new, empty plan from the PK header.
    page.click(".sk-bilah-rencana >> text=Berkas lain / rencana baru")
    page.fill(".sk-jalur input", "unit_baru")
    for key, value in KEPALA.items():
        page.fill(f".sk-baru-{key.replace('_', '-')} input", value)
    page.click(".sk-tombol-baru")
    path = folder / "unit_baru.xlsx"
    page.wait_for_selector(f".sk-status-rencana:has-text('{path.name}')")
    assert "galat" in page.inner_text(".sk-bilah-rencana")  # what is still missing, listed
    foto("0-rencana-baru")

    panels = {"1 PK": ".sk-panel-pk", "2 Strategi": ".sk-panel-strategi"}
    panels["3 Kegiatan & Anggaran"] = ".sk-panel-kegiatan"
    shown = None
    for tab, sub, sheet, key, fields in BARIS:
        if tab != shown:
            if shown is not None:
                foto(_slug(shown))
            pilih_tab(page, ".sk-tab-tahap", tab)
            page.wait_for_selector(f"{panels[tab]}.sk-siap")
            shown = tab
        pilih_tab(page, f"{panels[tab]} .widget-tab", sub)
        _row(page, sheet, key, fields)
    page.wait_for_selector(".sk-status-rencana:has-text('0 galat')")
    foto("3-kegiatan")

    pilih_tab(page, ".sk-tab-tahap", "4 MPH")
    page.wait_for_selector(".sk-panel-mph.sk-siap")
    page.click(".sk-tombol-optimasi")
    page.wait_for_selector(".sk-panel-mph.sk-keadaan-selesai")
    assert page.locator(".sk-mph-level1 table").count() == 1
    foto("4-mph")
    page.click(".sk-tombol-ekspor")
    page.wait_for_selector(".sk-panel-ekspor.sk-ekspor-selesai")
    foto("4-ekspor")
    assert page.sk_galat == []

    plan = read_plan(path)
    assert [p.nip for p in plan.pegawai] == list(NIP)
    assert plan.pagu[0].pagu == 50_000_000
    back = read_result_workbook(folder / "unit_baru_hasil" / "hasil.xlsx")
    assert back.alokasi.ketua()["TIM-DATA"] in NIP
    assert sum(p.jam for p in back.alokasi.penugasan) == pytest.approx(JAM_TOTAL)
