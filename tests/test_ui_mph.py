"""Stage 4 panel (optimiser, MPH, dialog kinerja, export), headless with real solves.

Every test opens a real plan workbook through ModelRencana, clicks the panel's buttons
and reads the model, the widgets and the files back. Nothing asserts how fast anything
is.
"""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest

from sistemkerja import contoh
from sistemkerja.domain.enums import Peran
from sistemkerja.io import read_plan, write_plan
from sistemkerja.laporan.baca import read_result_workbook
from sistemkerja.laporan.skp import lembar_skp
from sistemkerja.optimasi.verifikasi import verifikasi_alokasi
from sistemkerja.ui.kemajuan import PanelOptimasi, grafik_riwayat, teks_kemajuan
from sistemkerja.ui.mph import (
    USANG,
    PanelMPH,
    buat_penetapan,
    folder_hasil,
    periksa_penetapan,
    pilihan_pegawai,
)
from sistemkerja.ui.optimasi import ModelOptimasi
from sistemkerja.ui.rencana import ModelRencana

PNG = b"\x89PNG"
BUDI = "198204102008031901"  # Perencana Ahli Muda, Ketua of TIM-A in the optimum
DEWI = "198802032013012903"  # Analis SDM Aparatur Ahli Muda, may lead TIM-A too


@pytest.fixture
def model(tmp_path: Path) -> ModelRencana:
    path = tmp_path / "rencana.xlsx"
    write_plan(contoh.load("kecil"), path)
    return ModelRencana.buka(path)


def _solved(model: ModelRencana) -> PanelMPH:
    panel = PanelMPH(model)
    panel.panel_optimasi.celah.value = 0.0
    panel.panel_optimasi.batas_waktu.value = 300.0
    panel.panel_optimasi.tombol_optimasi.click()
    assert panel.optimasi.tunggu(600)
    return panel


def _pin(panel: PanelMPH, nip: str, peran: Peran, **isian: object) -> None:
    panel.pilih_pegawai.value = nip
    panel.pilih_peran.value = peran
    if "tim" in isian:
        panel.pilih_tim_pin.value = isian["tim"]
    if "kegiatan" in isian:
        panel.pilih_kegiatan.value = isian["kegiatan"]
    if "jam" in isian:
        panel.jam.value = isian["jam"]


def test_optimasi_click_shows_status_mph_charts_and_state(model: ModelRencana) -> None:
    panel = PanelMPH(model)
    assert "sk-siap" in panel._dom_classes and "sk-keadaan-siap" in panel._dom_classes
    assert panel.panel_optimasi.tombol_berhenti.disabled
    assert panel.tombol_ekspor.disabled
    panel.panel_optimasi.celah.value = 0.0
    panel.panel_optimasi.tombol_optimasi.click()
    assert panel.optimasi.tunggu(600)
    assert panel.optimasi.keadaan == "selesai"
    assert "sk-keadaan-selesai" in panel._dom_classes
    assert "sk-keadaan-berjalan" not in panel._dom_classes
    assert "sk-keadaan-selesai" in panel.panel_optimasi._dom_classes
    status = panel.panel_optimasi.status.value
    assert "optimal — terbukti" in status and "Biaya" in status
    assert "<table" in panel.mph1.value and "IK-1" in panel.mph1.value
    assert "Budi Santoso" in panel.mph1.value
    assert [v for _, v in panel.pilih_tim.options] == ["TIM-A", "TIM-B"]
    assert "<table" in panel.mph2.value
    panel.pilih_tim.value = "TIM-B"
    assert "Dewi Anggraini" in panel.mph2.value
    # The charts are drawn when their result tab is opened, not before.
    assert panel.grafik_beban.value.tobytes() == b""
    panel.tab_hasil.selected_index = 2
    assert panel.grafik_beban.value.tobytes().startswith(PNG)
    assert panel.grafik_anggaran.value.tobytes() == b""
    panel.tab_hasil.selected_index = 3
    assert panel.grafik_anggaran.value.tobytes().startswith(PNG)
    assert panel.panel_optimasi.grafik.value.tobytes().startswith(PNG)
    assert not panel.tombol_ekspor.disabled
    assert panel.usang.value == ""
    assert panel.panel_optimasi.tombol_berhenti.disabled


def test_settings_reach_the_model_and_follow_the_kebijakan(model: ModelRencana) -> None:
    panel = PanelMPH(model)
    po = panel.panel_optimasi
    assert po.celah.value == pytest.approx(1.0)  # Kebijakan default 0,01
    assert po.prioritas.value == "bobot"
    po.celah.value = 2.5
    po.batas_waktu.value = 45
    po.prioritas.value = "pemerataan"
    assert panel.optimasi.celah == pytest.approx(0.025)
    assert panel.optimasi.batas_waktu == 45
    assert panel.optimasi.prioritas == "pemerataan"
    assert model.sunting("Kebijakan", None, "celah", "0,05").diterima
    assert po.celah.value == pytest.approx(5.0)
    assert panel.optimasi.celah == pytest.approx(0.05)
    assert panel.optimasi.rencana is model.rencana


def test_a_refused_setting_fails_with_its_reason_shown(model: ModelRencana) -> None:
    panel = PanelMPH(model)
    panel.panel_optimasi.batas_waktu.value = -1
    panel.panel_optimasi.tombol_optimasi.click()
    assert panel.optimasi.tunggu(600)
    assert "sk-keadaan-gagal" in panel._dom_classes
    assert "batas_waktu" in panel.panel_optimasi.status.value
    assert panel.tabel is None and panel.tombol_ekspor.disabled


def test_a_result_of_an_older_plan_is_marked_outdated(model: ModelRencana) -> None:
    panel = _solved(model)
    assert model.sunting("Indikator", "IK-1", "Target", "5").diterima
    assert panel.optimasi.rencana is model.rencana
    assert USANG in panel.usang.value
    assert "sk-hasil-usang" in panel._dom_classes
    assert "<table" in panel.mph1.value  # the old result stays readable
    panel.panel_optimasi.tombol_optimasi.click()
    assert panel.optimasi.tunggu(600)
    assert panel.usang.value == ""
    assert "sk-hasil-usang" not in panel._dom_classes


def test_pin_a_ketua_shows_its_cost_then_tetapkan_saves_and_is_honoured(
    model: ModelRencana,
) -> None:
    panel = _solved(model)
    assert panel.optimasi.hasil.alokasi.ketua()["TIM-A"] == BUDI
    solves = []
    panel.optimasi.observe(lambda c: solves.append(c["new"]), names="keadaan")
    _pin(panel, DEWI, Peran.KETUA, tim="TIM-A")
    panel.catatan.value = "hasil dialog kinerja"
    panel.tombol_harga.click()
    assert panel.harga.tunggu(600)
    assert panel.harga.keadaan == "selesai"
    assert "sk-harga-selesai" in panel.panel_dialog._dom_classes
    shown = panel.hasil_harga.value
    assert "Menetapkan Dewi Anggraini" in shown and "Ketua Tim Perencanaan" in shown
    for measure in ("EJ tertinggi", "Biaya (Rp)", "Pegawai luar unit (orang)"):
        assert measure in shown
    assert "Keanggotaan yang berubah" in shown
    assert not panel.tombol_tetapkan.disabled
    pinned = panel.harga.harga.hasil
    assert model.rencana.penetapan == ()  # nothing written before Tetapkan
    panel.tombol_tetapkan.click()
    saved = read_plan(model.path)
    assert len(saved.penetapan) == 1
    pin = saved.penetapan[0]
    assert (pin.nip, pin.peran, pin.tim, pin.catatan) == (
        DEWI,
        Peran.KETUA,
        "TIM-A",
        "hasil dialog kinerja",
    )
    assert panel.optimasi.hasil is pinned  # the pinned result, no third solve
    assert solves == []  # the optimiser did not run again
    alokasi = panel.optimasi.hasil.alokasi
    assert alokasi.ketua()["TIM-A"] == DEWI
    assert verifikasi_alokasi(model.rencana, alokasi) == []
    assert panel.usang.value == ""
    assert "Dewi Anggraini" in panel.mph1.value
    assert panel.tombol_tetapkan.disabled
    assert [k for _, k in panel.daftar_penetapan.options] == list(model.rencana.kunci("Penetapan"))
    # a second pin on the same person and team repeats the row: refused, file untouched
    before = Path(model.path).read_bytes()
    _pin(panel, DEWI, Peran.ANGGOTA, tim="TIM-A")
    assert not panel.hitung_harga() and panel.harga.keadaan == "siap"
    assert "Penetapan ditolak" in panel.pesan_dialog.value
    assert "lembar &#x27;Penetapan&#x27;" in panel.pesan_dialog.value
    assert "ganda" in panel.pesan_dialog.value
    assert Path(model.path).read_bytes() == before
    # removing the pin saves the plan without it; the pinned result is then outdated
    panel.daftar_penetapan.value = panel.daftar_penetapan.options[0][1]
    panel.tombol_hapus_penetapan.click()
    assert read_plan(model.path).penetapan == ()
    assert USANG in panel.usang.value


def test_an_invalid_pin_is_refused_in_indonesian_and_the_file_stays(model: ModelRencana) -> None:
    panel = PanelMPH(model)
    before = Path(model.path).read_bytes()
    _pin(panel, BUDI, Peran.JAM_TETAP, kegiatan="K-1", jam=99999)
    assert not panel.hitung_harga()  # no result yet
    assert "Jalankan Optimasi dahulu" in panel.pesan_dialog.value
    panel.panel_optimasi.celah.value = 0.0
    panel.panel_optimasi.tombol_optimasi.click()
    assert panel.optimasi.tunggu(600)
    panel.tombol_harga.click()
    text = panel.pesan_dialog.value
    assert "Penetapan ditolak" in text
    assert "lembar &#x27;Penetapan&#x27;" in text and "kolom &#x27;Jam&#x27;" in text
    assert "melebihi jumlah jam dalam setahun" in text
    assert "sk-pesan-galat" in panel.pesan_dialog._dom_classes
    assert panel.harga.keadaan == "siap" and panel.tombol_tetapkan.disabled
    assert not panel.tetapkan().diterima
    assert Path(model.path).read_bytes() == before
    assert model.rencana.penetapan == ()


def test_a_pin_that_makes_the_plan_infeasible_cannot_be_kept(model: ModelRencana) -> None:
    panel = _solved(model)
    before = Path(model.path).read_bytes()
    _pin(panel, BUDI, Peran.KETUA, tim="TIM-B")
    panel.tombol_harga.click()
    assert panel.harga.tunggu(600)
    assert "membuat rencana tidak dapat disusun" in panel.hasil_harga.value
    assert panel.tombol_tetapkan.disabled
    assert not panel.tetapkan().diterima
    assert Path(model.path).read_bytes() == before


def test_batal_discards_the_price(model: ModelRencana) -> None:
    panel = _solved(model)
    before = Path(model.path).read_bytes()
    dasar = panel.optimasi.hasil
    _pin(panel, DEWI, Peran.DILARANG, kegiatan="K-3")
    panel.tombol_harga.click()
    assert panel.harga.tunggu(600)
    assert not panel.tombol_batal.disabled
    panel.tombol_batal.click()
    assert panel.harga.keadaan == "dibatalkan" and panel.harga.harga is None
    assert "sk-harga-dibatalkan" in panel.panel_dialog._dom_classes
    assert panel.hasil_harga.value == "" and panel.tombol_tetapkan.disabled
    assert not panel.tetapkan().diterima
    assert panel.optimasi.hasil is dasar
    assert Path(model.path).read_bytes() == before


def test_export_writes_four_files_beside_the_plan_that_read_back(model: ModelRencana) -> None:
    panel = _solved(model)
    plan_bytes = Path(model.path).read_bytes()
    files = panel.ekspor()
    folder = folder_hasil(model.path)
    assert folder == Path(model.path).parent / "rencana_hasil"
    assert set(files) == {"hasil", "dokumen", "skp", "laporan"}
    for path in files.values():
        assert path.parent == folder and path.stat().st_size > 0
        assert str(path) in panel.pesan_ekspor.value
    assert panel.pesan_ekspor.value.count("<a download=") == 4
    assert Path(model.path).read_bytes() == plan_bytes
    back = read_result_workbook(files["hasil"])
    hasil = panel.optimasi.hasil
    assert back.status == hasil.status
    assert back.alokasi.ketua() == hasil.alokasi.ketua()
    assert len(back.alokasi.penugasan) == len(hasil.alokasi.penugasan)
    assert "<html" in files["laporan"].read_text(encoding="utf-8").lower()
    skp = openpyxl.load_workbook(files["skp"], read_only=True)
    staff = [p for p in panel.optimasi.hasil.plan.pegawai if p.unit == model.rencana.pk.unit]
    assert {lembar_skp(p.nip) for p in staff} <= set(skp.sheetnames)
    skp.close()
    again = panel.ekspor()  # a second export replaces the first, the plan stays
    assert again == files and Path(model.path).read_bytes() == plan_bytes


def test_export_button_runs_in_the_background(model: ModelRencana) -> None:
    panel = _solved(model)
    panel.tombol_ekspor.click()
    assert panel.tunggu_ekspor(600)
    assert "sk-ekspor-selesai" in panel.panel_ekspor._dom_classes
    assert "sk-ekspor-berjalan" not in panel.panel_ekspor._dom_classes
    assert set(panel.berkas_ekspor) == {"hasil", "dokumen", "skp", "laporan"}
    assert not panel.tombol_ekspor.disabled


def test_export_without_a_result_says_so(model: ModelRencana) -> None:
    panel = PanelMPH(model)
    assert panel.ekspor() == {}
    assert "Belum ada hasil" in panel.pesan_ekspor.value
    assert not folder_hasil(model.path).exists()


@pytest.mark.slow
def test_berhenti_on_the_sample_unit_keeps_the_best_plan(tmp_path: Path) -> None:
    model = ModelRencana.buka(tmp_path / "rencana.xlsx", contoh="unit")
    panel = PanelMPH(model)
    po = panel.panel_optimasi
    po.celah.value = 0.0  # the sample unit is not proven optimal for a long while
    po.batas_waktu.value = 300.0
    have_plan = threading.Event()
    panel.optimasi.observe(
        lambda c: have_plan.set() if c["new"] and c["new"][-1][1] is not None else None,
        names="riwayat",
    )
    po.tombol_optimasi.click()
    assert "sk-keadaan-berjalan" in panel._dom_classes
    assert not po.tombol_berhenti.disabled and po.tombol_optimasi.disabled
    assert have_plan.wait(300), "no plan was reported"
    po.tombol_berhenti.click()
    assert panel.optimasi.tunggu(600)
    assert panel.optimasi.keadaan == "dibatalkan"
    assert "sk-keadaan-dibatalkan" in panel._dom_classes
    assert po.tombol_berhenti.disabled and not po.tombol_optimasi.disabled
    hasil = panel.optimasi.hasil
    assert hasil.ok and hasil.berhenti == "batal"
    assert "dihentikan pengguna — rencana terbaik sejauh ini" in po.status.value
    assert verifikasi_alokasi(model.rencana, hasil.alokasi) == []
    assert "<table" in panel.mph1.value
    assert po.grafik.value.tobytes().startswith(PNG)
    assert po.jumlah_gambar >= 2


def test_progress_chart_and_line_are_pure_functions() -> None:
    ax = grafik_riwayat([(0.5, None, 1.0), (1.0, 3.0, 1.5), (2.0, 2.0, 1.8)])
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["rencana terbaik", "batas bawah"]
    assert list(ax.get_lines()[0].get_xdata()) == [1.0, 2.0]
    later = grafik_riwayat([(0.5, 9.0, 8.0), (3.0, 2.0, 1.0)], sejak=1.0)
    assert list(later.get_lines()[0].get_xdata()) == [3.0]
    empty = grafik_riwayat([])
    assert empty.get_lines() == [] and "Belum ada" in empty.texts[0].get_text()
    model = ModelOptimasi()
    assert teks_kemajuan(model) == ""
    from sistemkerja.optimasi import Kemajuan

    model.kemajuan = Kemajuan("cabang", "cabang-dan-batas", 3.25, terbaik=2.0, batas=1.5)
    assert teks_kemajuan(model) == (
        "cabang-dan-batas — 3,2 detik; rencana terbaik 2,0000; batas bawah 1,5000; celah 25,00 %"
    )


def test_the_progress_chart_is_throttled(model: ModelRencana) -> None:
    optimasi = ModelOptimasi(rencana=model.rencana)
    panel = PanelOptimasi(optimasi, jeda=3600.0)  # a pause no test run reaches
    drawn = panel.jumlah_gambar
    optimasi.keadaan = "berjalan"  # as the worker does at the start of a run
    for i in range(20):  # twenty reports in a burst: only the first is drawn
        optimasi.riwayat = [*optimasi.riwayat, (i * 0.001, 2.0, 1.0)]
    assert panel.jumlah_gambar - drawn == 1
    optimasi.keadaan = "selesai"  # the end of a run always draws the final chart
    assert panel.jumlah_gambar - drawn == 2
    assert panel.grafik.value.tobytes().startswith(PNG)


def test_form_helpers(model: ModelRencana) -> None:
    plan = model.rencana
    choices = pilihan_pegawai(plan)
    assert choices[0] == ("Budi Santoso, S.E., M.Si. — Perencana Ahli Muda", BUDI)
    pin = buat_penetapan(Peran.KETUA, DEWI, tim="TIM-A", kegiatan="K-1", jam=5, catatan=" ")
    assert (pin.tim, pin.kegiatan, pin.jam, pin.catatan) == ("TIM-A", None, None, None)
    with pytest.raises(ValueError, match="memerlukan kode kegiatan"):
        buat_penetapan(Peran.DILARANG, DEWI, kegiatan=None)
    assert periksa_penetapan(plan, pin) == []
    bad = buat_penetapan(Peran.DILARANG, "000", kegiatan="K-1")
    assert any("'000'" in m for m in periksa_penetapan(plan, bad))


def test_clicking_a_member_in_the_matrix_fills_the_dialog(model: ModelRencana) -> None:
    panel = _solved(model)
    tim = panel.pilih_tim.value
    alokasi = panel.optimasi.hasil.alokasi
    members = alokasi.anggota(tim)
    assert panel._nip_anggota == members  # Ketua first, as the matrix
    assert panel.grid_anggota.data["Peran dalam tim"].iloc[0] == "Ketua Tim"
    row = len(members) - 1  # an ordinary member
    panel._anggota_diklik({"region": "body", "row": row, "primary_key_row": row})
    assert panel.pilih_pegawai.value == members[row]
    assert panel.pilih_peran.value == Peran.KETUA
    assert panel.pilih_tim_pin.value == tim
    assert "Dipilih dari matriks" in panel.pesan_dialog.value
    panel._anggota_diklik({"region": "column-header", "row": 0, "primary_key_row": 0})
    assert panel.pilih_pegawai.value == members[row]  # a header click selects nobody


def test_dialog_hides_only_the_fields_a_choice_does_not_need(model: ModelRencana) -> None:
    panel = PanelMPH(model)
    panel.pilih_peran.value = Peran.DILARANG
    assert panel.pilih_tim_pin.layout.display == "none"
    assert panel.jam.layout.display == "none"
    for shown in (panel.pilih_pegawai, panel.pilih_peran, panel.pilih_kegiatan, panel.catatan):
        assert shown.layout.display != "none"
    panel.pilih_peran.value = Peran.KETUA
    assert panel.pilih_kegiatan.layout.display == "none"
    assert panel.pilih_pegawai.layout.display != "none"
    assert panel.pilih_tim_pin.layout.display != "none"
