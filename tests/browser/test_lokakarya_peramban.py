"""Smoke test in a real browser: Voila serving the workshop stand-in, driven by Chromium.

The stand-in notebook (``data/mini.ipynb``) shows the participant's start panel and one
"Optimasi" button running :class:`sistemkerja.ui.ModelOptimasi` on the participant's
copy. The tests wait only on the UI's CSS ready signals. Screenshots go to ``artefak/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sistemkerja import contoh
from sistemkerja.io import read_plan, write_plan
from sistemkerja.lokakarya import ARSIP, ENV_FOLDER, ENV_SUMBER, atur_ulang_peserta

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MINI = Path(__file__).parent / "data" / "mini.ipynb"
PANEL_SIAP = ".sk-panel-peserta.sk-siap"


@pytest.fixture
def ruang(tmp_path: Path) -> dict[str, Path]:
    """A workshop folder and a trainer's workbook holding the tiny sample plan."""
    sumber = tmp_path / "pelatih" / "kecil.xlsx"
    sumber.parent.mkdir()
    write_plan(contoh.load("kecil"), sumber)
    return {"folder": tmp_path / "lokakarya", "sumber": sumber}


def _env(ruang: dict[str, Path]) -> dict[str, str]:
    return {ENV_FOLDER: str(ruang["folder"]), ENV_SUMBER: str(ruang["sumber"])}


def test_participant_starts_a_copy_and_runs_the_optimiser(voila_app, page, foto, ruang):
    server = voila_app(MINI, env=_env(ruang))
    page.goto(server.url())
    page.wait_for_selector(PANEL_SIAP)
    # Voila hides the code: no cell source on the page.
    assert "PanelPeserta" not in page.inner_text("body")
    assert page.is_disabled(".sk-optimasi-mulai button, button.sk-optimasi-mulai")
    foto("1-mulai")

    page.fill(".sk-peserta-nama input", "Dwi Lestari")
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-panel-peserta.sk-peserta-dimulai")
    copy = ruang["folder"] / "dwi-lestari.xlsx"
    assert page.inner_text(".sk-peserta-path") == str(copy)
    assert read_plan(copy) == contoh.load("kecil")
    page.wait_for_selector(".sk-optimasi-mulai.sk-siap")
    foto("2-salinan")

    page.click(".sk-optimasi-mulai")
    page.wait_for_selector(".sk-status-optimasi.sk-keadaan-selesai")
    status = page.inner_text(".sk-status-optimasi")
    assert "terbukti" in status or "optimal" in status, status
    assert page.locator(".sk-status-optimasi.sk-keadaan-berjalan").count() == 0
    foto("3-selesai")
    assert page.sk_galat == []


def test_reload_continues_the_copy_and_a_reset_gives_a_fresh_one(voila_app, page, foto, ruang):
    server = voila_app(MINI, env=_env(ruang))
    # The trainer's link carries the name: the panel shows it already typed.
    page.goto(server.url(peserta="Rina Wati"))
    page.wait_for_selector(PANEL_SIAP)
    assert page.input_value(".sk-peserta-nama input") == "Rina Wati"
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-peserta-dimulai")
    copy = ruang["folder"] / "rina-wati.xlsx"
    # The participant's work so far (saved by the app): the sample unit instead.
    write_plan(contoh.load("unit"), copy)

    page.reload()
    page.wait_for_selector(PANEL_SIAP)
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-peserta-dimulai")
    assert page.inner_text(".sk-peserta-path") == str(copy)
    assert read_plan(copy) == contoh.load("unit")  # continued, not replaced
    foto("1-lanjut")

    atur_ulang_peserta(ruang["folder"], "Rina Wati", ruang["sumber"])  # the trainer's reset
    assert len(list((ruang["folder"] / ARSIP).glob("rina-wati-*.xlsx"))) == 1
    page.reload()
    page.wait_for_selector(PANEL_SIAP)
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-peserta-dimulai")
    assert read_plan(copy) == contoh.load("kecil")

    page.fill(".sk-peserta-nama input", "../rahasia")
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-peserta-pesan.sk-galat")
    assert "tidak diizinkan" in page.inner_text(".sk-peserta-pesan")
    foto("2-nama-ditolak")
    assert page.sk_galat == []
