"""The whole suite in one view (ui.Aplikasi), headless: shared models across tabs, real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sistemkerja import contoh
from sistemkerja.io import read_plan, write_plan
from sistemkerja.lokakarya import ENV_FOLDER
from sistemkerja.ui.aplikasi import TAB, Aplikasi
from sistemkerja.ui.rencana import ModelRencana


@pytest.fixture
def kecil(tmp_path: Path) -> ModelRencana:
    path = tmp_path / "kecil.xlsx"
    write_plan(contoh.load("kecil"), path)
    return ModelRencana.buka(path)


def test_tabs_are_built_when_first_opened(kecil: ModelRencana) -> None:
    app = Aplikasi(kecil)
    assert "sk-aplikasi-siap" in app._dom_classes
    assert list(app.panel) == ["Mulai"]
    assert app.tab.titles == tuple(t for t, _ in TAB)
    pk = app.buka_tab("1 PK")
    assert app.buka_tab("1 PK") is pk  # built once
    assert "sk-panel-pk" in pk._dom_classes
    with pytest.raises(KeyError, match="tidak ada"):
        app.buka_tab("9 Lain")


def test_one_plan_and_one_solve_shared_by_every_tab(kecil: ModelRencana) -> None:
    app = Aplikasi(kecil)
    pk = app.buka_tab("1 PK")
    mph = app.buka_tab("4 MPH")
    beban = app.buka_tab("5 Beban Kerja")
    assert mph.optimasi is app.model_optimasi and beban.optimasi is app.model_optimasi

    mph.panel_optimasi.batas_waktu.value = 300
    mph.panel_optimasi.celah.value = 0
    mph.panel_optimasi.tombol_optimasi.click()
    assert app.model_optimasi.tunggu(600)
    assert app.model_optimasi.keadaan == "selesai"
    assert "sk-ada-alokasi" in beban._dom_classes  # the workload tab shows the same result

    # An edit in the PK tab reaches the file and marks the MPH result as outdated.
    editor = pk.editor["Indikator"]
    code = kecil.rencana.indikator[0].code
    editor.grid.set_cell_value_by_index("Target", editor._keys.index(code), "95 %")
    assert read_plan(kecil.path).cari("Indikator", code).target == "95 %"
    assert "sk-hasil-usang" in mph._dom_classes


def test_workshop_asks_the_name_then_opens_the_participants_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_FOLDER, str(tmp_path / "ruang"))
    app = Aplikasi.dari_lingkungan()
    assert app.model is None and app.tab is None
    app.peserta.nama.value = "Sari Dewi"
    app.peserta.tombol.click()
    assert app.model is not None
    assert app.model.path == str(tmp_path / "ruang" / "sari-dewi.xlsx")
    assert read_plan(app.model.path) == contoh.load("unit")
    assert "Sari Dewi" in app.children[1].value
    with pytest.raises(ValueError, match="belum dimulai"):
        Aplikasi.dari_lingkungan().buka_tab("1 PK")


def test_outside_a_workshop_the_app_opens_the_plan_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_FOLDER, raising=False)
    app = Aplikasi.dari_lingkungan(tmp_path / "rencana_saya.xlsx")
    assert app.model.path == str(tmp_path / "rencana_saya.xlsx")
    assert (tmp_path / "rencana_saya.xlsx").exists()


def test_shared_solve_shows_the_plans_stop_gap(kecil: ModelRencana) -> None:
    """The MPH tab over the app's shared solve offers the Kebijakan's gap, not 0 %."""
    app = Aplikasi(kecil)
    mph = app.buka_tab("4 MPH")
    celah = kecil.rencana.kebijakan.celah
    assert mph.panel_optimasi.celah.value == pytest.approx(celah * 100)
    mph.panel_optimasi.mulai()
    assert app.model_optimasi.tunggu(600)
    assert app.model_optimasi.celah == pytest.approx(celah)
    assert app.model_optimasi.hasil.celah_diminta == pytest.approx(celah)
