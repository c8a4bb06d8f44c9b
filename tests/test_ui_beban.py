"""The ABK panel and the tour panel, headless: real plan files, real solves, real charts.

The sample unit is shown with the stored allocation of ``tests/alokasi_tetap.py`` so what
is asserted does not depend on how far a time-limited solve gets; the "Hitung alokasi"
path solves the tiny plan to a proven optimum. Nothing asserts how fast anything is.
"""

from __future__ import annotations

import html
from pathlib import Path

import alokasi_tetap
import pytest

from sistemkerja import analisis
from sistemkerja.analisis.beban import DALAM
from sistemkerja.domain import format_angka
from sistemkerja.domain.enums import Asal
from sistemkerja.ui import ModelOptimasi, ModelRencana
from sistemkerja.ui.beban import CATATAN_SKENARIO, Langkah, ModelBeban, PanelBeban
from sistemkerja.ui.tur import TAHAP, PanelMulai, angka_kunci


@pytest.fixture
def unit(tmp_path: Path) -> ModelRencana:
    return ModelRencana.buka(tmp_path / "rencana.xlsx", contoh="unit")


@pytest.fixture
def panel(unit: ModelRencana) -> PanelBeban:
    p = PanelBeban(unit)
    assert p.beban.pakai(unit.rencana, alokasi_tetap.load(), "Alokasi tersimpan")
    return p


def _text(widget) -> str:
    return html.unescape(widget.value)


def _choose(panel: PanelBeban, dari: str, kegiatan: str, ke: str, jam: str) -> None:
    panel.pilih_dari.value = dari
    panel.pilih_kegiatan.value = kegiatan
    panel.pilih_ke.value = ke
    panel.isian_jam.value = jam


def _a_move(panel: PanelBeban) -> tuple[str, str, str, float]:
    """The busiest person's largest activity, to the least loaded colleague of that jabatan."""
    dari = panel.pilih_dari.options[0][1]
    kegiatan, _, jam = panel.beban.kegiatan_pegawai(dari)[0]
    ke = panel.pilih_ke.options[0][1]
    return dari, kegiatan, ke, jam


# ---- ABK panel ---------------------------------------------------------------------------
def test_the_panel_is_built_with_its_classes_and_says_a_what_if_is_not_saved(panel):
    classes = panel._dom_classes
    for name in ("sk-panel-beban", "sk-siap", "sk-ada-alokasi", "sk-keadaan-siap"):
        assert name in classes
    assert "sk-skenario" not in classes
    assert "sk-tombol-optimasi" in panel.tombol_optimasi._dom_classes
    assert "sk-tombol-pindahkan" in panel.tombol_pindahkan._dom_classes
    assert "sk-tombol-kembalikan" in panel.tombol_kembalikan._dom_classes
    texts = " ".join(
        html.unescape(w.value) for w in panel.children[2].children if hasattr(w, "value")
    )
    assert CATATAN_SKENARIO in texts
    assert bytes(panel.gambar_pegawai.value).startswith(b"\x89PNG")
    assert bytes(panel.gambar_jabatan.value).startswith(b"\x89PNG")


def test_outside_band_table_lists_exactly_the_people_outside_the_band(panel, unit):
    plan = unit.rencana
    beban = analisis.beban_pegawai(plan, alokasi_tetap.load())
    involved = {p.nip for p in alokasi_tetap.load().penugasan}
    outside = beban[
        (beban["posisi"] != DALAM)
        & beban["ej"].notna()
        & ((beban["asal"] == Asal.UNIT.value) | beban["nip"].isin(involved))
    ]
    inside = beban[beban["posisi"] == DALAM]
    assert len(outside) > 0 and len(inside) > 0
    text = _text(panel.tabel_di_luar)
    assert f"{len(outside)} pegawai di luar pita EJ 0,90–1,00" in text
    cells = {c.split("</td>")[0] for c in text.split("<td>")[1:]}
    assert set(outside["nama"]) <= cells
    assert not set(inside["nama"]) & cells
    # the reason names the activities: the least loaded person's only activity is shown
    first = panel.beban.di_luar().iloc[0]
    code = panel.beban.kegiatan_pegawai(first["nip"])[0][0]
    assert code in first["kegiatan"] and first["kegiatan"] in text


def test_the_form_offers_the_givers_activities_with_hours_and_colleagues_first(panel, unit):
    dari = panel.pilih_dari.value
    acts = panel.beban.kegiatan_pegawai(dari)
    assert [v for _, v in panel.pilih_kegiatan.options] == [c for c, _, _ in acts]
    assert all("jam" in label for label, _ in panel.pilih_kegiatan.options)
    # choosing an activity puts its hours in the field
    code, _, jam = acts[-1]
    panel.pilih_kegiatan.value = code
    assert panel.isian_jam.value == format_angka(jam)
    receivers = [v for _, v in panel.pilih_ke.options]
    assert dari not in receivers
    people = unit.rencana.pegawai_by_nip()
    assert people[receivers[0]].jabatan == people[dari].jabatan


def test_a_move_updates_the_effect_table_and_the_chart_and_not_the_plan(panel, unit):
    path = Path(unit.path)
    saved = path.read_bytes()
    versi = unit.versi
    before_png = panel.gambar_pegawai.value
    before_total = sum(p.jam for p in panel.beban.alokasi.penugasan)
    dari, kegiatan, ke, jam = _a_move(panel)
    _choose(panel, dari, kegiatan, ke, "100")
    assert panel.tombol_pindahkan.click() is None
    assert panel.beban.langkah == [Langkah(dari, ke, kegiatan, 100.0)]
    assert "sk-pesan-ok" in panel.pesan._dom_classes
    assert "dipindah dari" in _text(panel.pesan)
    assert "sk-skenario" in panel._dom_classes

    efek = panel.beban.efek()
    rows = efek.set_index("nip")
    assert rows.at[dari, "jam_sesudah"] == pytest.approx(rows.at[dari, "jam_sebelum"] - 100)
    assert rows.at[ke, "jam_sesudah"] == pytest.approx(rows.at[ke, "jam_sebelum"] + 100)
    text = _text(panel.tabel_efek)
    people = unit.rencana.pegawai_by_nip()
    assert people[dari].name in text and people[ke].name in text
    assert "Sebaran EJ pegawai unit" in text and "Simpangan baku EJ" in text
    assert panel.gambar_pegawai.value != before_png
    assert sum(p.jam for p in panel.beban.alokasi.penugasan) == pytest.approx(before_total)
    # the giver's activity now shows 100 hours less in the form
    assert dict((c, h) for c, _, h in panel.beban.kegiatan_pegawai(dari))[kegiatan] == (
        pytest.approx(jam - 100)
    )
    # an exploration: the plan and its file are untouched
    assert unit.versi == versi and path.read_bytes() == saved


@pytest.mark.parametrize(
    ("jam", "pesan"),
    [("99999", "hanya punya"), ("abc", "harus angka"), ("0", "lebih dari 0")],
)
def test_a_refused_move_shows_why_and_changes_nothing(panel, jam, pesan):
    dari, kegiatan, ke, _ = _a_move(panel)
    alokasi, png, efek = panel.beban.alokasi, panel.gambar_pegawai.value, panel.tabel_efek.value
    _choose(panel, dari, kegiatan, ke, jam)
    panel.tombol_pindahkan.click()
    assert pesan in _text(panel.pesan)
    assert "sk-pesan-galat" in panel.pesan._dom_classes
    assert panel.beban.alokasi is alokasi and panel.beban.langkah == []
    assert panel.gambar_pegawai.value == png and panel.tabel_efek.value == efek
    assert "sk-skenario" not in panel._dom_classes


def test_moving_to_the_giver_is_refused_by_name(panel):
    dari, kegiatan, _, _ = _a_move(panel)
    assert not panel.beban.pindahkan(dari, dari, kegiatan, 10)
    assert "pemberi dan penerima jam sama" in panel.beban.pesan


def test_kembalikan_restores_the_optimisers_allocation(panel):
    asal, png = panel.beban.asal, panel.gambar_pegawai.value
    dari, kegiatan, ke, _ = _a_move(panel)
    _choose(panel, dari, kegiatan, ke, "50")
    panel.tombol_pindahkan.click()
    _choose(panel, dari, kegiatan, ke, "25,5")
    panel.tombol_pindahkan.click()
    assert len(panel.beban.langkah) == 2
    assert panel.beban.efek().set_index("nip").at[ke, "jam_sesudah"] == pytest.approx(
        panel.beban.efek().set_index("nip").at[ke, "jam_sebelum"] + 75.5
    )
    panel.tombol_kembalikan.click()
    assert panel.beban.alokasi is asal and panel.beban.langkah == []
    assert panel.beban.peringatan == [] and panel.peringatan.value == ""
    assert panel.gambar_pegawai.value == png
    assert "Belum ada pemindahan" in _text(panel.tabel_efek)
    assert "2 pemindahan dikembalikan" in _text(panel.pesan)
    assert "sk-skenario" not in panel._dom_classes
    panel.tombol_kembalikan.click()
    assert "Tidak ada pemindahan" in _text(panel.pesan)


def test_a_move_outside_the_team_is_made_with_a_warning(panel, unit):
    dari, kegiatan, _, _ = _a_move(panel)
    people = unit.rencana.pegawai_by_nip()
    other = next(v for _, v in panel.pilih_ke.options if people[v].jabatan != people[dari].jabatan)
    _choose(panel, dari, kegiatan, other, "10")
    panel.tombol_pindahkan.click()
    assert len(panel.beban.langkah) == 1
    warning = _text(panel.peringatan)
    assert "memerlukan" in warning and people[other].name in warning


def test_an_edit_of_the_plan_is_followed(panel, unit):
    before = len(panel.beban.di_luar())
    dari, kegiatan, ke, _ = _a_move(panel)
    assert panel.beban.pindahkan(dari, ke, kegiatan, 10)
    result = unit.sunting("Kebijakan", None, "ej_min", "0,5")
    assert result.diterima, result.pesan
    assert panel.beban.rencana is unit.rencana
    assert len(panel.beban.langkah) == 1  # the move still fits the edited plan
    assert len(panel.beban.di_luar()) < before
    assert "0,50–1,00" in _text(panel.tabel_di_luar)
    assert "Rencana berubah" in panel.beban.pesan


def test_an_allocation_that_does_not_fit_is_refused():
    from sistemkerja import contoh

    model = ModelBeban()
    assert not model.pakai(contoh.load("kecil"), alokasi_tetap.load())
    assert model.alokasi is None and "tidak cocok" in model.pesan


def test_hitung_alokasi_runs_the_optimiser_in_the_background(tmp_path):
    model = ModelRencana.buka(tmp_path / "kecil.xlsx", contoh="kecil")
    panel = PanelBeban(model)
    assert "sk-ada-alokasi" not in panel._dom_classes
    assert panel.gambar_pegawai.value == b""
    assert "Hitung alokasi" in _text(panel.status)
    panel.optimasi.celah, panel.optimasi.batas_waktu = 0.0, 300
    panel.tombol_optimasi.click()  # returns while the solve runs in its thread
    assert panel.optimasi.keadaan in ("berjalan", "selesai")
    assert panel.optimasi.tunggu(600)
    assert panel.optimasi.keadaan == "selesai"
    assert "sk-keadaan-selesai" in panel._dom_classes and "sk-ada-alokasi" in panel._dom_classes
    assert "optimal" in _text(panel.status)
    assert panel.beban.asal is panel.optimasi.hasil.alokasi
    assert bytes(panel.gambar_pegawai.value).startswith(b"\x89PNG")
    assert panel.pilih_dari.options and panel.pilih_kegiatan.options
    assert panel.pindahkan()  # the form's defaults are a valid move


def test_a_given_optimiser_model_is_followed_and_has_no_button_here(tmp_path):
    model = ModelRencana.buka(tmp_path / "kecil.xlsx", contoh="kecil")
    optimasi = ModelOptimasi(rencana=model.rencana, batas_waktu=300, celah=0.0)
    panel = PanelBeban(model, optimasi)
    buttons = panel.children[1].children
    assert panel.tombol_optimasi not in buttons
    assert "pengoptimal" in _text(panel.status)
    assert optimasi.mulai() and optimasi.tunggu(600)
    assert panel.beban.asal is optimasi.hasil.alokasi
    assert "sk-keadaan-selesai" in panel._dom_classes
    # a panel made after the solve shows its result at once
    later = PanelBeban(model, optimasi)
    assert later.beban.asal is optimasi.hasil.alokasi


def test_an_edit_that_breaks_the_allocation_clears_it_with_a_message(panel, unit):
    pinned = {x.nip for x in unit.rencana.penetapan} | {x.nip for x in unit.rencana.penyesuaian}
    nip = next(p.nip for p in panel.beban.alokasi.penugasan if p.nip not in pinned)
    assert unit.hapus_baris("Pegawai", nip).diterima
    assert panel.beban.alokasi is None and panel.beban.asal is None
    assert "tidak lagi cocok" in _text(panel.pesan)
    assert "sk-ada-alokasi" not in panel._dom_classes
    assert panel.gambar_pegawai.value == b"" and panel.pilih_dari.options == ()
    assert "Hitung alokasi" in _text(panel.status)


# ---- tour ----------------------------------------------------------------------------------
def test_angka_kunci_are_computed_from_the_plan(unit):
    plan = unit.rencana
    rows = dict(angka_kunci(plan))
    own = sum(1 for p in plan.pegawai if plan.asal(p) is Asal.UNIT)
    assert rows["Pegawai unit"] == f"{own} orang"
    assert rows["Calon dari unit/instansi lain"] == f"{len(plan.pegawai) - own} orang"
    assert rows["Indikator kinerja"] == str(len(plan.indikator))
    assert rows["Tim kerja"] == str(len(plan.tim))
    assert rows["Kegiatan"] == str(len(plan.kegiatan))
    assert rows["Pagu"] == f"Rp {format_angka(plan.pagu_total, 0)}"
    assert rows["Pemeriksaan rencana"] == "0 galat, 0 peringatan"


def test_panel_mulai_shows_the_numbers_the_stages_and_follows_edits(unit):
    panel = PanelMulai(unit)
    assert {"sk-panel-mulai", "sk-siap"} <= set(panel._dom_classes)
    text = _text(panel.angka)
    for label, value in angka_kunci(unit.rencana):
        assert label in text and value in text
    stages = _text(panel.tahap)
    tabs = ["1 PK", "2 Strategi", "3 Kegiatan & Anggaran", "4 MPH", "5 Beban Kerja"]
    assert [t.tab for t in TAHAP] == tabs
    for t in TAHAP:
        assert t.tab in stages and f'href="{t.notebook}"' in stages
    assert unit.sunting("Kebijakan", None, "ej_min", "0,8").diterima
    assert "0,80–1,00" in _text(panel.angka)


def test_hidden_panel_draws_its_charts_when_shown_again(tmp_path) -> None:
    from sistemkerja import contoh
    from sistemkerja.io import write_plan
    from sistemkerja.optimasi import optimasi

    path = tmp_path / "kecil.xlsx"
    write_plan(contoh.load("kecil"), path)
    model = ModelRencana.buka(path)
    shared = ModelOptimasi(rencana=model.rencana)
    panel = PanelBeban(model, shared)
    panel.tampil = False
    shared.ambil(optimasi(model.rencana, celah=0, batas_waktu=300))
    assert "sk-ada-alokasi" in panel._dom_classes
    assert panel.gambar_pegawai.value == b""  # not drawn while hidden
    panel.tampil = True
    first = bytes(panel.gambar_pegawai.value)
    assert first.startswith(b"\x89PNG")
    nip = model.rencana.pegawai[0].nip
    model.sunting("Pegawai", nip, "Jam terikat", "100")  # changes an EJ
    panel.tampil = False
    panel.tampil = True
    assert bytes(panel.gambar_pegawai.value) != first
