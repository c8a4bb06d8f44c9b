"""The scenario lab in a real browser: a scenario typed in the form, a sweep on Dask, promotion.

A planner opens the lab on the small sample plan, copies the plan into "Pagu −10 %",
adds the change in the form, presses **Jalankan semua** (a local Dask cluster, two
workers), reads the comparison and promotes the scenario to the plan. The plan workbook
on disk is read back. Screenshots go to ``artefak/``.
"""

from __future__ import annotations

import nbformat
import pytest

from sistemkerja import contoh
from sistemkerja.io import read_plan

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEL = [
    "from sistemkerja.ui import BilahRencana, ModelRencana\n"
    "from sistemkerja.ui.skenario import PanelSkenario\n"
    'rencana = ModelRencana.buka("rencana.xlsx", contoh="kecil")\n'
    "BilahRencana(rencana)",
    'PanelSkenario(rencana, keluaran="hasil")',
]


def test_scenario_typed_swept_on_dask_compared_and_promoted(voila_app, page, foto, tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in SEL])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = tmp_path / "lab.ipynb"
    nbformat.write(nb, path)
    server = voila_app(path)
    page.set_viewport_size({"width": 1300, "height": 1000})
    page.goto(server.url())
    page.wait_for_selector(".sk-panel-skenario.sk-siap")

    page.fill(".sk-nama-skenario input", "Pagu −10 %")
    page.click(".sk-tombol-salin")
    page.wait_for_selector(".sk-pesan-ok:has-text('dibuat dari rencana saat ini')")
    page.select_option(".sk-jenis-perubahan select", label="Pagu dikali faktor")
    page.fill(".sk-isian-faktor input", "0,9")
    page.click(".sk-tombol-tambah-perubahan")
    page.wait_for_selector(".sk-pesan-ok:has-text('Ditambahkan')")
    # a refused value names its field and adds nothing
    page.fill(".sk-isian-faktor input", "nol")
    page.click(".sk-tombol-tambah-perubahan")
    page.wait_for_selector(".sk-pesan-galat:has-text('faktor')")
    foto("1-skenario")

    page.fill(".sk-pekerja input", "2")
    page.click(".sk-tombol-jalankan")
    page.wait_for_selector(".sk-panel-skenario.sk-keadaan-selesai", timeout=600_000)
    table = page.inner_text(".sk-banding")
    assert "Rencana dasar" in table and "Pagu −10 %" in table
    assert page.locator(".sk-grafik-banding").get_attribute("src")
    foto("2-perbandingan")

    page.click(".sk-tombol-jadikan")
    page.wait_for_selector(".sk-pesan-ok:has-text('dijadikan rencana')")
    saved = read_plan(tmp_path / "rencana.xlsx")
    assert saved.pagu[0].pagu == pytest.approx(contoh.load("kecil").pagu[0].pagu * 0.9)
    foto("3-dijadikan-rencana")
    assert page.sk_galat == []
