"""The plan model of the widget suite and the sheet editors, headless (no browser).

Real workbooks on disk: every test opens a plan file, edits it through the model or a
view, and reads the file back.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sistemkerja import contoh
from sistemkerja.io import read_plan, read_plan_problems, write_plan, write_template
from sistemkerja.ui.berkas import BilahRencana
from sistemkerja.ui.lembar import EditorLembar, FormParameter, pilihan_kolom
from sistemkerja.ui.rencana import ModelRencana


@pytest.fixture
def model(tmp_path: Path) -> ModelRencana:
    return ModelRencana.buka(tmp_path / "rencana.xlsx", contoh="unit")


def test_open_from_sample_writes_the_file_once(tmp_path: Path) -> None:
    path = tmp_path / "rencana.xlsx"
    first = ModelRencana.buka(path, contoh="unit")
    assert path.exists() and first.rencana is not None
    first.sunting("Indikator", "IK-1.1", "Target", "91 %")
    again = ModelRencana.buka(path, contoh="unit")  # an existing file is never replaced
    assert again.rencana.cari("Indikator", "IK-1.1").target == "91 %"


def test_accepted_edit_is_saved_atomically(model: ModelRencana) -> None:
    result = model.sunting("Pegawai", model.rencana.pegawai[3].nip, "Jam terikat", "120")
    assert result.diterima, result.pesan
    assert model.tersimpan and not model.konflik
    saved = read_plan(model.path)
    assert saved.pegawai[3].committed_hours == 120
    assert model.versi == 2  # loaded, then one edit
    assert not list(Path(model.path).parent.glob("~sistemkerja-simpan-*"))


def test_unreadable_value_is_refused_and_file_untouched(model: ModelRencana) -> None:
    before = Path(model.path).read_bytes()
    nip = model.rencana.pegawai[0].nip
    result = model.sunting("Pegawai", nip, "Kapasitas (jam)", "seribu")
    assert not result.diterima
    assert "lembar 'Pegawai', baris 2" in result.pesan
    assert "kolom 'Kapasitas (jam)'" in result.pesan
    assert "bukan angka" in result.pesan
    assert Path(model.path).read_bytes() == before
    assert model.versi == 1


def test_edit_bringing_a_new_error_is_refused(model: ModelRencana) -> None:
    before = Path(model.path).read_bytes()
    result = model.sunting("Kegiatan", "K-01", "Tim", "TIM-TIDAK-ADA")
    assert not result.diterima
    assert "lembar 'Kegiatan'" in result.pesan and "kolom 'Tim'" in result.pesan
    assert "TIM-TIDAK-ADA" in result.pesan
    assert Path(model.path).read_bytes() == before
    assert model.rencana.cari("Kegiatan", "K-01").tim == "TIM-RKA"


def test_removing_a_referenced_row_is_refused(model: ModelRencana) -> None:
    before = Path(model.path).read_bytes()
    result = model.hapus_baris("Tim Kerja", "TIM-RKA")
    assert not result.diterima
    assert "TIM-RKA" in result.pesan
    assert Path(model.path).read_bytes() == before


def test_undo_restores_and_saves(model: ModelRencana) -> None:
    model.sunting("Indikator", "IK-1.1", "Target", "91 %")
    model.sunting("Indikator", "IK-1.1", "Target", "92 %")
    assert model.bisa_urung == 2
    model.urungkan()
    assert read_plan(model.path).cari("Indikator", "IK-1.1").target == "91 %"
    model.urungkan()
    assert read_plan(model.path).cari("Indikator", "IK-1.1").target == "90 %"
    assert not model.urungkan().diterima


def test_file_changed_on_disk_is_never_overwritten(model: ModelRencana, tmp_path: Path) -> None:
    # Someone else (Excel, another notebook) saves the same file.
    other = ModelRencana.buka(model.path)
    assert other.sunting("Indikator", "IK-1.1", "Target", "80 %").diterima
    theirs = Path(model.path).read_bytes()

    result = model.sunting("Indikator", "IK-1.2", "Target", "77 %")
    assert result.diterima  # kept in this session…
    assert model.konflik and not model.tersimpan  # …but not written over their save
    assert "diubah oleh pihak lain" in model.pesan
    assert Path(model.path).read_bytes() == theirs

    # Save as a new file: both versions survive.
    copy = tmp_path / "salinan.xlsx"
    assert model.simpan_sebagai(copy)
    assert read_plan(copy).cari("Indikator", "IK-1.2").target == "77 %"
    assert read_plan(tmp_path / "rencana.xlsx").cari("Indikator", "IK-1.1").target == "80 %"
    assert not model.konflik and model.path == str(copy)


def test_reload_after_conflict_keeps_own_edits_undoable(model: ModelRencana) -> None:
    other = ModelRencana.buka(model.path)
    other.sunting("Indikator", "IK-1.1", "Target", "80 %")
    model.sunting("Indikator", "IK-1.2", "Target", "77 %")
    assert model.konflik
    assert model.muat_ulang()
    assert model.rencana.cari("Indikator", "IK-1.1").target == "80 %"
    assert not model.konflik
    model.simpan_otomatis = False
    model.urungkan()  # back to this session's version, not saved
    assert model.rencana.cari("Indikator", "IK-1.2").target == "77 %"


def test_new_plan_from_nothing(tmp_path: Path) -> None:
    path = tmp_path / "baru.xlsx"
    model = ModelRencana.baru(
        path,
        tahun=2027,
        unit="DIT-X",
        nama_unit="Direktorat X",
        instansi="Kementerian Y",
        pihak_pertama="Ani",
        jabatan_pihak_pertama="Direktur X",
    )
    assert model.rencana is not None and model.rencana.pk.unit == "DIT-X"
    codes = {p.code for p in model.masalah if p.is_error}
    assert {"no_pegawai", "no_indikator", "no_kegiatan"} <= codes
    added = model.tambah_baris(
        "Sasaran", {"Kode": "SS-1", "Uraian sasaran": "Meningkatnya kualitas layanan"}
    )
    assert added.diterima, added.pesan
    saved, _problems = read_plan_problems(path)  # still incomplete: no staff yet
    assert saved.sasaran[0].code == "SS-1"
    with pytest.raises(FileExistsError):
        ModelRencana.baru(
            path,
            tahun=2027,
            unit="DIT-X",
            nama_unit="X",
            instansi="Y",
            pihak_pertama="Ani",
            jabatan_pihak_pertama="Direktur",
        )


def test_add_row_with_missing_fields_names_them(model: ModelRencana) -> None:
    before = Path(model.path).read_bytes()
    result = model.tambah_baris("Tim Kerja", {"Kode": "TIM-BARU"})
    assert not result.diterima
    assert "kolom 'Nama tim'" in result.pesan and "wajib diisi" in result.pesan
    assert Path(model.path).read_bytes() == before


def test_hand_filled_template_opens_and_edits(tmp_path: Path) -> None:
    """A template filled in by hand in Excel (text numbers, Indonesian notation)."""
    path = tmp_path / "isian.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    pk = wb["PK"]
    for row in pk.iter_rows(min_row=2):
        name = row[0].value
        value = {
            "Tahun": "2027",
            "Unit": "DIT-X",
            "Pihak pertama": "Ani",
            "Jabatan pihak pertama": "Direktur X",
        }.get(name)
        if value is not None:
            row[1].value = value
    unit = wb["Unit"]
    unit.append(["DIT-X", "Direktorat X", "Kementerian Y"])
    kebijakan = wb["Kebijakan"]
    for row in kebijakan.iter_rows(min_row=2):
        if row[0].value == "Jam kerja efektif per tahun":
            row[1].value = "1.200"
    wb.save(path)

    model = ModelRencana.buka(path)
    assert model.rencana is not None, model.pesan
    assert model.rencana.kebijakan.jam_efektif == 1200
    assert not model.galat_baca
    assert model.sunting("Kebijakan", None, "Jam kerja efektif per tahun", "1.250").diterima
    assert read_plan_problems(path)[0].kebijakan.jam_efektif == 1250


def test_unreadable_rows_block_saving_over_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "rusak.xlsx"
    write_plan(contoh.load("kecil"), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Pegawai"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("Kapasitas (jam)") + 1, value="banyak")
    wb.save(path)
    before = path.read_bytes()

    model = ModelRencana.buka(path)
    assert model.rencana is not None
    assert model.galat_baca and "tidak terbaca" in model.pesan
    code = model.rencana.indikator[0].code
    model.sunting("Indikator", code, "Target", "91 %")
    assert path.read_bytes() == before  # the unreadable row would have been lost
    assert model.simpan_sebagai(tmp_path / "baru.xlsx")


# ---- views -------------------------------------------------------------------------------
def test_grid_edit_reaches_file_and_refusal_reverts_cell(model: ModelRencana) -> None:
    editor = EditorLembar(model, "Indikator")
    row = editor._keys.index("IK-1.1")
    editor.grid.set_cell_value_by_index("Target", row, "93 %")
    assert "sk-pesan-ok" in editor.pesan._dom_classes
    assert read_plan(model.path).cari("Indikator", "IK-1.1").target == "93 %"

    before = Path(model.path).read_bytes()
    editor.grid.set_cell_value_by_index("Sasaran", row, "SS-TIDAK-ADA")
    assert "sk-pesan-galat" in editor.pesan._dom_classes
    assert "kolom &#x27;Sasaran&#x27;" in editor.pesan.value
    assert editor.grid.get_cell_value_by_index("Sasaran", row) == "SS-1"
    assert Path(model.path).read_bytes() == before


def test_row_form_adds_changes_and_removes(model: ModelRencana) -> None:
    editor = EditorLembar(model, "Tim Kerja")
    editor.fields["Kode"].value = "TIM-BARU"
    editor.fields["Nama tim"].value = "Tim Baru"
    editor.fields["Anggota maksimal"].value = "5"
    assert editor.tambah().diterima, editor.pesan.value
    assert "TIM-BARU" in editor._keys
    assert read_plan(model.path).cari("Tim Kerja", "TIM-BARU").size_max == 5

    editor.terpilih = "TIM-BARU"
    assert editor.fields["Nama tim"].value == "Tim Baru"
    editor.fields["Nama tim"].value = "Tim Layanan Baru"
    assert editor.ubah().diterima
    assert read_plan(model.path).cari("Tim Kerja", "TIM-BARU").name == "Tim Layanan Baru"

    assert editor.hapus().diterima
    assert "TIM-BARU" not in editor._keys
    assert editor.terpilih is None
    assert editor.urungkan().diterima and "TIM-BARU" in editor._keys


def test_coded_and_choice_columns_get_dropdowns(model: ModelRencana) -> None:
    editor = EditorLembar(model, "Kegiatan")
    assert "TIM-RKA" in editor.fields["Tim"].options
    assert "IK-1.1" in editor.fields["Indikator"].options
    lembar = editor.lembar
    kolom = next(k for k in lembar.columns if k.field == "tim")
    assert pilihan_kolom(model.rencana, lembar, kolom) == [t.code for t in model.rencana.tim]
    strategi = EditorLembar(model, "Strategi")
    assert list(strategi.fields["Mode"].options) == ["", "Tim", "Individu"]


def test_parameter_form_shows_defaults_and_refuses_bad_values(model: ModelRencana) -> None:
    form = FormParameter(model, "Kebijakan")
    field = form.fields["Jam kerja efektif per tahun"]
    before = Path(model.path).read_bytes()
    field.value = "banyak"
    assert "bukan angka" in form.notes["Jam kerja efektif per tahun"].value
    assert field.value == "1250"  # the field shows the plan's value again
    assert Path(model.path).read_bytes() == before
    field.value = "1.300"
    assert read_plan(model.path).kebijakan.jam_efektif == 1300
    assert form.fields["Anggota lintas instansi diizinkan"].options[1:] == ("Ya", "Tidak")


# ---- the plan bar ---------------------------------------------------------------------------
def test_plan_bar_shows_conflict_and_saves_as_new_file(model: ModelRencana, tmp_path: Path) -> None:
    bar = BilahRencana(model)
    assert "sk-tersimpan" in bar.status._dom_classes
    assert bar.kotak_konflik.layout.display == "none"
    ModelRencana.buka(model.path).sunting("Indikator", "IK-1.1", "Target", "80 %")
    model.sunting("Indikator", "IK-1.2", "Target", "77 %")
    assert bar.kotak_konflik.layout.display == "flex"
    assert "sk-konflik" in bar.kotak_konflik._dom_classes
    assert "sk-belum-tersimpan" in bar.status._dom_classes
    bar.nama_baru.value = "versi_saya"
    bar.tombol_simpan_sebagai.click()
    assert (tmp_path / "versi_saya.xlsx").exists()
    assert read_plan(tmp_path / "versi_saya.xlsx").cari("Indikator", "IK-1.2").target == "77 %"
    assert bar.kotak_konflik.layout.display == "none"
    assert "versi_saya.xlsx" in bar.status.value


def test_plan_bar_undo_and_problem_list(model: ModelRencana) -> None:
    bar = BilahRencana(model)
    assert bar.tombol_urung.disabled
    model.sunting("Pegawai", model.rencana.pegawai[1].nip, "Jam terikat", "100")
    assert not bar.tombol_urung.disabled
    bar.tombol_urung.click()
    assert bar.tombol_urung.disabled
    assert "Tidak ada masalah" in bar.daftar_masalah.value


def test_plan_bar_new_plan_from_header(model: ModelRencana, tmp_path: Path) -> None:
    bar = BilahRencana(model)
    bar.jalur.value = str(tmp_path / "unit_baru.xlsx")
    bar.tombol_baru.click()
    assert "Isi dulu" in bar.pesan.value and model.path.endswith("rencana.xlsx")
    for key, value in {
        "tahun": "2027",
        "unit": "DIT-B",
        "nama_unit": "Direktorat B",
        "instansi": "Kementerian C",
        "pihak_pertama": "Budi",
        "jabatan_pihak_pertama": "Direktur B",
    }.items():
        bar.isian_baru[key].value = value
    bar.tombol_baru.click()
    assert model.path == str(tmp_path / "unit_baru.xlsx")
    assert model.rencana.pk.unit == "DIT-B"
    assert "no_pegawai" in {p.code for p in model.masalah}
    assert "galat" in bar.lipatan.get_title(0)
    assert all(w.value == "" for w in bar.isian_baru.values())  # form ready for another


def test_plan_bar_refuses_to_switch_with_unsaved_edits(model: ModelRencana, tmp_path: Path) -> None:
    bar = BilahRencana(model)
    model.simpan_otomatis = False
    model.sunting("Indikator", "IK-1.1", "Target", "91 %")
    bar.jalur.value = str(tmp_path / "lain.xlsx")
    bar.tombol_contoh.click()
    assert "belum tersimpan" in bar.pesan.value
    assert not (tmp_path / "lain.xlsx").exists()
    assert model.rencana.cari("Indikator", "IK-1.1").target == "91 %"


def test_editor_keeps_the_typed_form_and_follows_new_codes(model: ModelRencana) -> None:
    kegiatan = EditorLembar(model, "Kegiatan")
    tim = EditorLembar(model, "Tim Kerja")
    kegiatan.fields["Nama kegiatan"].value = "Kegiatan yang sedang diketik"
    grid_before = kegiatan.grid.data.copy()
    tim.fields["Kode"].value = "TIM-X"
    tim.fields["Nama tim"].value = "Tim X"
    assert tim.tambah().diterima
    # The other sheet's editor kept what was typed, offers the new team, grid unchanged.
    assert kegiatan.fields["Nama kegiatan"].value == "Kegiatan yang sedang diketik"
    assert "TIM-X" in kegiatan.fields["Tim"].options
    assert kegiatan.grid.data.equals(grid_before)
