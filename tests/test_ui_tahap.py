"""The panels of planning stages 1–3, headless (no browser), on real plan workbooks.

Every test opens a plan file (the tiny sample ``kecil`` unless said otherwise), edits it
through a panel's grid or row form as a user would, and checks the saved file, the
panel's totals or summary, and the message shown next to the edit.
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from sistemkerja import contoh
from sistemkerja.io import read_plan, read_plan_problems, write_plan
from sistemkerja.ui._tampil import tabel_html
from sistemkerja.ui.kegiatan import PanelKegiatan, kunci_gantt
from sistemkerja.ui.pk import PanelPK
from sistemkerja.ui.rencana import ModelRencana
from sistemkerja.ui.strategi import PanelStrategi

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def model(tmp_path: Path) -> ModelRencana:
    return ModelRencana.buka(tmp_path / "rencana.xlsx", contoh="kecil")


def rows(table: str) -> list[list[str]]:
    """Cell texts of an HTML table made by tabel_html (body rows only)."""
    body = table.split("<tbody>", 1)[1]
    return [
        [html.unescape(re.sub(r"<br>", "\n", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)]
        for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body)
    ]


def row_of(table: str, first: str) -> list[str]:
    return next(r for r in rows(table) if r[0] == first)


def text(widget_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", widget_html))


def grid_edit(editor, kunci: str, kolom: str, value: str) -> None:
    editor.grid.set_cell_value_by_index(kolom, editor._keys.index(kunci), value)


# ---- shared pieces -----------------------------------------------------------------------
def test_tabel_html_formats_numbers_the_indonesian_way() -> None:
    import pandas as pd

    df = pd.DataFrame({"a": ["x<y", None], "b": [1250000.5, float("nan")], "c": [True, False]})
    table = tabel_html(df, {"a": "Kolom A", "b": "Kolom B", "c": "Kolom C"})
    assert "<th" in table and "Kolom B" in table
    assert rows(table) == [["x<y", "1.250.000,5", "Ya"], ["", "", "Tidak"]]
    assert "x&lt;y" in table  # user text escaped


# ---- stage 1: PK -------------------------------------------------------------------------
def test_pk_panel_grid_edits_reach_file_and_summary(model: ModelRencana) -> None:
    panel = PanelPK(model)
    assert {"sk-panel-pk", "sk-siap"} <= set(panel._dom_classes)
    assert panel.tab.titles[:3] == ("Kepala PK", "Sasaran", "Indikator dan target")
    assert "pagu total Rp 75.000.000" in text(panel.ringkasan.value)
    assert "1 dengan target TW I–IV" in text(panel.ringkasan.value)

    pagu = panel.editor["Pagu"]
    grid_edit(pagu, pagu._keys[0], "Pagu (Rp)", "80.000.000")
    assert "sk-pesan-ok" in pagu.pesan._dom_classes, pagu.pesan.value
    assert read_plan(model.path).pagu[0].pagu == 80_000_000
    assert "pagu total Rp 80.000.000" in text(panel.ringkasan.value)

    indikator = panel.editor["Indikator"]
    for q, value in zip(("I", "II", "III", "IV"), ("25 %", "50 %", "75 %", "90 %"), strict=True):
        grid_edit(indikator, "IK-2", f"Target TW {q}", value)
    saved = read_plan(model.path).cari("Indikator", "IK-2")
    assert saved.target_tw == ("25 %", "50 %", "75 %", "90 %")
    assert "2 dengan target TW I–IV" in text(panel.ringkasan.value)

    panel.form_pk.fields["Pihak kedua"].value = "Ir. Bambang Santoso"
    assert read_plan(model.path).pk.pihak_kedua == "Ir. Bambang Santoso"


def test_pk_panel_refuses_bad_edits_next_to_the_cell(model: ModelRencana) -> None:
    panel = PanelPK(model)
    before = Path(model.path).read_bytes()
    summary = panel.ringkasan.value

    pagu = panel.editor["Pagu"]
    grid_edit(pagu, pagu._keys[0], "Pagu (Rp)", "mahal")
    message = text(pagu.pesan.value)
    assert "sk-pesan-galat" in pagu.pesan._dom_classes
    assert "lembar 'Pagu', baris 2" in message and "kolom 'Pagu (Rp)'" in message
    assert pagu.grid.get_cell_value_by_index("Pagu (Rp)", 0) != "mahal"  # cell put back

    indikator = panel.editor["Indikator"]
    grid_edit(indikator, "IK-1", "Target TW II", "banyak")
    message = text(indikator.pesan.value)
    assert "lembar 'Indikator', baris 2 (IK-1)" in message and "kolom 'Target TW II'" in message

    assert Path(model.path).read_bytes() == before
    assert panel.ringkasan.value == summary


def test_pk_panel_adds_and_removes_a_sasaran_through_the_form(model: ModelRencana) -> None:
    panel = PanelPK(model)
    sasaran = panel.editor["Sasaran"]
    sasaran.fields["Kode"].value = "SS-2"
    sasaran.fields["Uraian sasaran"].value = "Meningkatnya layanan data pegawai"
    assert sasaran.tambah().diterima, sasaran.pesan.value
    assert [s.code for s in read_plan(model.path).sasaran] == ["SS-1", "SS-2"]
    assert text(panel.ringkasan.value).startswith("2 sasaran")
    # the new code is offered at once in the Indikator form
    assert "SS-2" in panel.editor["Indikator"].fields["Sasaran"].options

    sasaran.terpilih = "SS-2"
    assert sasaran.hapus().diterima
    assert [s.code for s in read_plan(model.path).sasaran] == ["SS-1"]
    assert text(panel.ringkasan.value).startswith("1 sasaran")

    before = Path(model.path).read_bytes()
    sasaran.terpilih = "SS-1"  # still used by both indicators
    assert not sasaran.hapus().diterima
    assert "SS-1" in text(sasaran.pesan.value)
    assert Path(model.path).read_bytes() == before


def test_pk_panel_lists_the_plans_problems_on_its_sheets(tmp_path: Path) -> None:
    model = ModelRencana.baru(
        tmp_path / "baru.xlsx",
        tahun=2027,
        unit="DIT-X",
        nama_unit="Direktorat X",
        instansi="Kementerian Y",
        pihak_pertama="Ani",
        jabatan_pihak_pertama="Direktur X",
    )
    panel = PanelPK(model)
    listed = [p.code for p in panel.masalah.masalah]
    assert "no_indikator" in listed
    assert "no_pegawai" not in listed  # the Pegawai sheet belongs to stage 2
    assert "sk-masalah-ada-galat" in panel.masalah._dom_classes
    assert "Galat di lembar 'Indikator'" in text(panel.masalah.isi.value)

    sasaran = panel.editor["Sasaran"]
    sasaran.fields["Kode"].value = "SS-1"
    sasaran.fields["Uraian sasaran"].value = "Meningkatnya kualitas layanan"
    assert sasaran.tambah().diterima
    indikator = panel.editor["Indikator"]
    for header, value in {
        "Kode": "IK-1",
        "Sasaran": "SS-1",
        "Uraian indikator": "Jumlah laporan layanan",
        "Target": "12 Laporan",
    }.items():
        indikator.fields[header].value = value
    assert indikator.tambah().diterima, indikator.pesan.value
    saved, _problems = read_plan_problems(model.path)  # no staff yet: not a valid plan
    assert saved.indikator[0].parsed_target.nilai == 12
    assert "no_indikator" not in [p.code for p in panel.masalah.masalah]


# ---- stage 2: strategi -------------------------------------------------------------------
def test_strategi_panel_grid_edits_update_overview_and_staff(model: ModelRencana) -> None:
    panel = PanelStrategi(model)
    assert {"sk-panel-strategi", "sk-siap"} <= set(panel._dom_classes)
    ik1 = row_of(panel.ikhtisar.value, "IK-1")
    assert ik1[3:6] == ["Tim", "TIM-A", "Ya"]
    assert ik1[6].splitlines()[0] == "Perencana ≥ Ahli Pertama: 2 orang, 600 jam, asal Unit"
    assert row_of(panel.ikhtisar.value, "TT-1")[3:6] == ["Individu", "", "Tidak"]

    peran = panel.editor["Kebutuhan Peran"]
    grid_edit(peran, "IK-1 / Perencana / Ahli Pertama", "Jumlah orang", "3")
    assert read_plan(model.path).kebutuhan_peran[0].orang == 3
    ik1 = row_of(panel.ikhtisar.value, "IK-1")
    assert ik1[6].splitlines()[0] == "Perencana ≥ Ahli Pertama: 3 orang, 600 jam, asal Unit"
    assert ik1[7] == "5"  # orang

    strategi = panel.editor["Strategi"]
    grid_edit(strategi, "IK-2", "Perlu Ketua Tim", "Tidak")
    assert read_plan(model.path).strategi_by_target()["IK-2"].perlu_ketua is False
    assert row_of(panel.ikhtisar.value, "IK-2")[5] == "Tidak"

    assert "terikat 1.000 jam" in text(panel.neraca.value)
    pegawai = panel.editor["Pegawai"]
    nip = model.rencana.pegawai[0].nip
    grid_edit(pegawai, nip, "Jam terikat", "100")
    assert read_plan(model.path).pegawai[0].committed_hours == 100
    assert "terikat 1.100 jam" in text(panel.neraca.value)
    assert row_of(panel.pegawai.value, "Unit")[2] == "Ahli Muda"
    muda = row_of(panel.pegawai.value, "Unit")
    assert muda[3:] == ["2", "2.500", "100", "2.400"]  # orang, kapasitas, terikat, tersedia


def test_strategi_panel_kebijakan_shows_defaults_and_feeds_the_totals(
    model: ModelRencana,
) -> None:
    panel = PanelStrategi(model)
    form = panel.form_kebijakan
    assert panel.tab.titles[-1] == "Kebijakan"
    field = form.fields["Jam kerja efektif per tahun"]
    assert field.placeholder == "1250" and field.value == "1250"
    assert "bawaan: 1250" in _hint(form, "Jam kerja efektif per tahun")
    assert "bawaan: 3" in _hint(form, "Maks. tim per pegawai")

    assert "kapasitas 7.500 jam" in text(panel.neraca.value)
    field.value = "1.000"
    assert read_plan(model.path).kebijakan.jam_efektif == 1000
    assert "kapasitas 6.000 jam" in text(panel.neraca.value)

    before = Path(model.path).read_bytes()
    field.value = "banyak"
    note = text(form.notes["Jam kerja efektif per tahun"].value)
    assert "lembar 'Kebijakan'" in note and "kolom 'Jam kerja efektif per tahun'" in note
    assert field.value == "1000"
    assert Path(model.path).read_bytes() == before
    assert "kapasitas 6.000 jam" in text(panel.neraca.value)
    assert "sk-jam-cukup" in panel.neraca._dom_classes

    # 6 × 500 − 1.000 jam terikat = 2.000 jam tersedia for 2.500 jam of activities
    field.value = "500"
    assert "kurang 500 jam" in text(panel.neraca.value)
    assert "sk-jam-kurang" in panel.neraca._dom_classes
    warning = next(p for p in panel.masalah.masalah if p.code == "implausible_capacity")
    assert not warning.is_error
    assert "Peringatan di lembar 'Kebijakan'" in text(panel.masalah.isi.value)


def _hint(form, header: str) -> str:
    """The help text shown beside a FormParameter field (its default among it)."""
    field = form.fields[header]
    box = next(c for c in form.children if getattr(c, "children", ()) and c.children[0] is field)
    return text(box.children[1].children[0].value)


def test_strategi_panel_adds_and_removes_a_role_through_the_form(model: ModelRencana) -> None:
    panel = PanelStrategi(model)
    peran = panel.editor["Kebutuhan Peran"]
    for header, value in {
        "Indikator": "TT-1",
        "Jabatan": "Analis SDM Aparatur",
        "Jumlah orang": "1",
        "Asal diizinkan": "Lintas unit",
    }.items():
        peran.fields[header].value = value
    assert peran.tambah().diterima, peran.pesan.value
    saved = read_plan(model.path).kebutuhan_peran[-1]
    assert (saved.indikator, saved.jabatan, saved.orang, str(saved.asal)) == (
        "TT-1",
        "Analis SDM Aparatur",
        1,
        "Lintas unit",
    )
    tt1 = row_of(panel.ikhtisar.value, "TT-1")
    assert "Analis SDM Aparatur: 1 orang, asal Lintas unit" in tt1[6].splitlines()
    assert tt1[7] == "2"

    peran.terpilih = "TT-1 / Analis SDM Aparatur / -"
    assert peran.hapus().diterima
    assert len(read_plan(model.path).kebutuhan_peran) == 7
    assert row_of(panel.ikhtisar.value, "TT-1")[6] == "Perencana: 1 orang, 200 jam, asal Unit"


def test_strategi_panel_refuses_bad_staff_and_strategy_edits(model: ModelRencana) -> None:
    panel = PanelStrategi(model)
    before = Path(model.path).read_bytes()
    overview, staff = panel.ikhtisar.value, panel.neraca.value

    pegawai = panel.editor["Pegawai"]
    nip = model.rencana.pegawai[1].nip
    grid_edit(pegawai, nip, "Kapasitas (jam)", "seribu")
    message = text(pegawai.pesan.value)
    assert f"lembar 'Pegawai', baris 3 ({nip})" in message
    assert "kolom 'Kapasitas (jam)'" in message and "bukan angka" in message

    strategi = panel.editor["Strategi"]
    grid_edit(strategi, "IK-1", "Tim", "TIM-TIDAK-ADA")
    message = text(strategi.pesan.value)
    assert "lembar 'Strategi'" in message and "kolom 'Tim'" in message
    assert "TIM-TIDAK-ADA" in message

    assert Path(model.path).read_bytes() == before
    assert (panel.ikhtisar.value, panel.neraca.value) == (overview, staff)


# ---- stage 3: kegiatan dan anggaran ------------------------------------------------------
def test_kegiatan_panel_month_edit_redraws_gantt_and_saves(model: ModelRencana) -> None:
    panel = PanelKegiatan(model)
    assert {"sk-panel-kegiatan", "sk-siap"} <= set(panel._dom_classes)
    first = bytes(panel.gantt.value)
    assert first.startswith(PNG) and panel.jumlah_gambar == 1
    assert row_of(panel.total_kegiatan.value, "K-1")[4:6] == ["1", "6"]

    kegiatan = panel.editor["Kegiatan"]
    grid_edit(kegiatan, "K-1", "Bulan selesai", "9")
    assert "sk-pesan-ok" in kegiatan.pesan._dom_classes, kegiatan.pesan.value
    assert read_plan(model.path).cari("Kegiatan", "K-1").bulan_selesai == 9
    assert row_of(panel.total_kegiatan.value, "K-1")[4:6] == ["1", "9"]
    assert panel.tunggu_gantt(600)
    assert bytes(panel.gantt.value).startswith(PNG) and bytes(panel.gantt.value) != first
    assert panel.jumlah_gambar == 2


def test_kegiatan_panel_draws_the_gantt_only_while_its_tab_is_shown(
    model: ModelRencana,
) -> None:
    panel = PanelKegiatan(model)
    first = bytes(panel.gantt.value)
    panel.hasil.selected_index = 2  # "Terhadap pagu"
    grid_edit(panel.editor["Kegiatan"], "K-3", "Bulan mulai", "2")
    assert read_plan(model.path).cari("Kegiatan", "K-3").bulan_mulai == 2
    assert panel.tunggu_gantt(600)
    assert panel.jumlah_gambar == 1 and bytes(panel.gantt.value) == first
    assert row_of(panel.total_kegiatan.value, "K-3")[4] == "2"  # totals stay live

    panel.hasil.selected_index = 0  # back to "Jadwal (Gantt)": drawn now, once
    assert panel.tunggu_gantt(600)
    assert panel.jumlah_gambar == 2 and bytes(panel.gantt.value) != first
    panel.hasil.selected_index = 1
    panel.hasil.selected_index = 0
    assert panel.tunggu_gantt(600)
    assert panel.jumlah_gambar == 2


def test_kegiatan_panel_live_totals_of_hours_and_rupiah(model: ModelRencana) -> None:
    panel = PanelKegiatan(model)
    gantt = bytes(panel.gantt.value)
    assert row_of(panel.total_kegiatan.value, "K-1")[6:] == ["600 jam", "Rp 5.000.000"]
    kegiatan_row = row_of(panel.total_pagu.value, "Kegiatan")
    assert kegiatan_row[6:] == [
        "Rp 75.000.000",
        "Rp 50.000.000",
        "Rp 25.000.000",
        "66,7 %",
        "di bawah pagu",
    ]
    assert "sk-pagu-aman" in panel.total_pagu._dom_classes

    beban = panel.editor["Beban Kegiatan"]
    grid_edit(beban, "K-1 / Perencana / Ahli Pertama", "Volume", "5")
    assert read_plan(model.path).beban[0].volume == 5
    assert row_of(panel.total_kegiatan.value, "K-1")[6] == "700 jam"
    assert "2.600 jam" in text(panel.ringkasan.value)

    anggaran = panel.editor["Rincian Anggaran"]
    grid_edit(anggaran, "K-1 / 521211 / Konsumsi rapat", "Harga satuan (Rp)", "60.000")
    assert read_plan(model.path).anggaran[0].harga_satuan == 60_000
    assert row_of(panel.total_kegiatan.value, "K-1")[7] == "Rp 6.000.000"
    assert row_of(panel.total_pagu.value, "Kegiatan")[7:9] == ["Rp 51.000.000", "Rp 24.000.000"]
    assert "belanja Rp 51.000.000 dari pagu Rp 75.000.000" in text(panel.ringkasan.value)

    # neither edit touched what the Gantt draws: it was not redrawn
    assert panel.tunggu_gantt(600)
    assert panel.jumlah_gambar == 1 and bytes(panel.gantt.value) == gantt


def test_kegiatan_panel_refuses_bad_edits_and_keeps_the_file(model: ModelRencana) -> None:
    panel = PanelKegiatan(model)
    before = Path(model.path).read_bytes()
    gantt, totals, pagu = (
        bytes(panel.gantt.value),
        panel.total_kegiatan.value,
        panel.total_pagu.value,
    )

    kegiatan = panel.editor["Kegiatan"]
    grid_edit(kegiatan, "K-1", "Bulan selesai", "13")
    message = text(kegiatan.pesan.value)
    assert "sk-pesan-galat" in kegiatan.pesan._dom_classes
    assert "lembar 'Kegiatan', baris 2 (K-1), kolom 'Bulan selesai'" in message
    assert kegiatan.grid.get_cell_value_by_index("Bulan selesai", 0) == "6"

    anggaran = panel.editor["Rincian Anggaran"]
    key = "K-2 / 524111 / Perjalanan dinas verifikasi"
    grid_edit(anggaran, key, "Harga satuan (Rp)", "mahal")
    message = text(anggaran.pesan.value)
    assert f"lembar 'Rincian Anggaran', baris 3 ({key}), kolom 'Harga satuan (Rp)'" in message
    assert "bukan angka" in message

    # 4 × Rp 15.000.000 would take the Kegiatan to Rp 90.000.000, over its pagu
    grid_edit(anggaran, key, "Harga satuan (Rp)", "15.000.000")
    message = text(anggaran.pesan.value)
    assert "lembar 'Pagu'" in message and "kolom 'Pagu (Rp)'" in message
    assert "melebihi pagu" in message

    assert Path(model.path).read_bytes() == before
    assert panel.tunggu_gantt(600)
    assert bytes(panel.gantt.value) == gantt and panel.jumlah_gambar == 1
    assert (panel.total_kegiatan.value, panel.total_pagu.value) == (totals, pagu)


def test_kegiatan_panel_shows_a_pagu_already_exceeded(tmp_path: Path) -> None:
    plan = contoh.load("kecil")
    over = plan.with_changes(pagu=(dataclasses.replace(plan.pagu[0], pagu=45_000_000),))
    path = tmp_path / "lebih.xlsx"
    write_plan(over, path)
    model = ModelRencana.buka(path)
    panel = PanelKegiatan(model)
    assert row_of(panel.total_pagu.value, "Kegiatan")[8:] == [
        "Rp -5.000.000",
        "111,1 %",
        "melebihi pagu",
    ]
    assert "sk-pagu-melebihi" in panel.total_pagu._dom_classes
    assert 'class="sk-melebihi-pagu"' in panel.total_pagu.value
    assert "budget_over_pagu" in [p.code for p in panel.masalah.masalah]
    assert "1 baris lembar Pagu terlampaui" in text(panel.ringkasan.value)

    anggaran = panel.editor["Rincian Anggaran"]
    grid_edit(anggaran, "K-2 / 524111 / Perjalanan dinas verifikasi", "Volume", "2")
    assert read_plan(path).anggaran[1].volume == 2
    assert row_of(panel.total_pagu.value, "Kegiatan")[10] == "di bawah pagu"
    assert "sk-pagu-aman" in panel.total_pagu._dom_classes
    assert "budget_over_pagu" not in [p.code for p in panel.masalah.masalah]


def test_kegiatan_panel_adds_and_removes_rows_through_the_form(model: ModelRencana) -> None:
    panel = PanelKegiatan(model)
    beban = panel.editor["Beban Kegiatan"]
    for header, value in {
        "Kegiatan": "K-5",
        "Jabatan": "Analis SDM Aparatur",
        "Volume": "2",
        "Norma waktu (jam)": "10",
    }.items():
        beban.fields[header].value = value
    assert beban.tambah().diterima, beban.pesan.value
    assert read_plan(model.path).beban[-1].jam == 20
    assert row_of(panel.total_kegiatan.value, "K-5")[6] == "220 jam"

    beban.terpilih = "K-5 / Analis SDM Aparatur / -"
    assert beban.hapus().diterima
    assert len(read_plan(model.path).beban) == 8
    assert row_of(panel.total_kegiatan.value, "K-5")[6] == "200 jam"

    kegiatan = panel.editor["Kegiatan"]
    for header, value in {
        "Kode": "K-6",
        "Nama kegiatan": "Penyusunan laporan triwulan",
        "Indikator": "TT-1",
        "Bulan mulai": "3",
        "Bulan selesai": "4",
        "Volume keluaran": "1",
        "Satuan keluaran": "Laporan",
    }.items():
        kegiatan.fields[header].value = value
    gantt = bytes(panel.gantt.value)
    assert kegiatan.tambah().diterima, kegiatan.pesan.value
    assert read_plan(model.path).cari("Kegiatan", "K-6").bulan_mulai == 3
    assert panel.tunggu_gantt(600)
    assert bytes(panel.gantt.value) != gantt and panel.jumlah_gambar == 2
    assert row_of(panel.total_kegiatan.value, "K-6")[6:] == ["0 jam", "Rp 0"]


def test_kunci_gantt_follows_months_names_and_teams() -> None:
    plan = contoh.load("kecil")
    key = kunci_gantt(plan)
    k1 = plan.kegiatan[0]
    assert kunci_gantt(plan.with_changes(beban=plan.beban[1:])) == key
    for change in ({"bulan_mulai": 2}, {"name": "Nama lain"}, {"tim": "TIM-B"}):
        other = (dataclasses.replace(k1, **change), *plan.kegiatan[1:])
        assert kunci_gantt(plan.with_changes(kegiatan=other)) != key


def test_all_three_panels_on_the_sample_unit_share_one_plan(tmp_path: Path) -> None:
    model = ModelRencana.buka(tmp_path / "rencana_saya.xlsx", contoh="unit")
    pk, strategi, kegiatan = PanelPK(model), PanelStrategi(model), PanelKegiatan(model)
    assert text(pk.ringkasan.value).startswith("5 sasaran, 13 indikator")
    assert len(rows(strategi.ikhtisar.value)) == 14  # 13 indikator + 1 tugas tambahan
    assert len(rows(kegiatan.total_kegiatan.value)) == 43
    assert not kegiatan.masalah.masalah and not pk.masalah.masalah

    # an edit in stage 3 shows in stage 2's hours
    assert "jam kegiatan 60.272 jam" in text(strategi.neraca.value)
    beban = kegiatan.editor["Beban Kegiatan"]
    key = beban._keys[0]
    line = model.rencana.cari("Beban Kegiatan", key)
    grid_edit(beban, key, "Norma waktu (jam)", str(int(line.norma_waktu) + 1))
    assert "sk-pesan-ok" in beban.pesan._dom_classes, beban.pesan.value
    expected = f"jam kegiatan {60272 + int(line.volume):,} jam".replace(",", ".")
    assert expected in text(strategi.neraca.value)


def test_kegiatan_panel_writes_a_members_own_result(model: ModelRencana) -> None:
    # issue 11: members sharing an activity word their own results in the dialog kinerja
    panel = PanelKegiatan(model)
    hasil = panel.editor["Hasil Anggota"]
    nip = model.rencana.pegawai[0].nip
    for header, value in {
        "NIP": "199001012020011001",
        "Kegiatan": "K-1",
        "Hasil kerja (RHK)": "Tersusunnya bab analisis kebutuhan",
    }.items():
        hasil.fields[header].value = value
    ditolak = hasil.tambah()
    assert not ditolak.diterima
    assert "Hasil Anggota" in hasil.pesan.value and "NIP" in hasil.pesan.value
    assert read_plan(model.path).hasil_anggota == ()
    hasil.fields["NIP"].value = nip
    assert hasil.tambah().diterima, hasil.pesan.value
    saved = read_plan(model.path).hasil_anggota
    assert [(h.nip, h.kegiatan, h.hasil) for h in saved] == [
        (nip, "K-1", "Tersusunnya bab analisis kebutuhan")
    ]


def test_strategi_panel_edits_tasks_by_decree(model: ModelRencana) -> None:
    panel = PanelStrategi(model)
    sk = panel.editor["Tugas SK"]
    nip = model.rencana.pegawai[1].nip
    for header, value in {
        "NIP": nip,
        "Uraian tugas": "Bendahara Pengeluaran Pembantu",
        "Target": "sebanyak mungkin",
    }.items():
        sk.fields[header].value = value
    assert not sk.tambah().diterima  # a sentence is not a target
    assert "Tugas SK" in sk.pesan.value and "Target" in sk.pesan.value
    sk.fields["Target"].value = "12 Laporan"
    assert sk.tambah().diterima, sk.pesan.value
    saved = read_plan(model.path).tugas_sk
    assert [(t.nip, t.target, t.satuan) for t in saved] == [(nip, "12 Laporan", "Laporan")]
