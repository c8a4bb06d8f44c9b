"""From nothing to an exported MPH without writing code: only the suite's own widgets.

A planner starts a new plan from the PK header in the plan bar, types every row into the
row forms of the stage tabs (values as a planner types them: "1.250", "Ya", "4 Dokumen"),
runs the optimiser from the MPH tab and exports. The exported result workbook is read back:
every staff member and activity is there, the team has its Ketua.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sistemkerja.io import read_plan
from sistemkerja.laporan.baca import read_result_workbook
from sistemkerja.ui.aplikasi import Aplikasi
from sistemkerja.ui.rencana import ModelRencana

NIP = ("198204102008031901", "199608212022012902", "198802032013012903")


def _row(panel, sheet: str, **texts: str) -> None:
    editor = panel.editor[sheet]
    for header, value in texts.items():
        editor.fields[header.replace("_", " ")].value = value
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
    for key, value in {
        "tahun": "2027",
        "unit": "DIT-B",
        "nama_unit": "Direktorat Baru",
        "instansi": "Kementerian Contoh",
        "pihak_pertama": "Dr. Ani Wijaya",
        "jabatan_pihak_pertama": "Direktur Baru",
    }.items():
        bar.isian_baru[key].value = value
    bar.tombol_baru.click()
    model = app.model
    assert model.path == str(tmp_path / "unit_baru.xlsx")

    pk = app.buka_tab("1 PK")
    _row(pk, "Sasaran", Kode="SS-1", Uraian_sasaran="Meningkatnya kualitas data pegawai")
    _row(
        pk,
        "Indikator",
        Kode="IK-1",
        Sasaran="SS-1",
        Uraian_indikator="Jumlah laporan data pegawai",
        Target="4 Laporan",
        Satuan="Laporan",
        Pola="Hitungan",
    )
    _row(
        pk,
        "Pagu",
        Program="WA",
        **{"Kegiatan (RKA)": "1234", "Pagu (Rp)": "50.000.000"},
        Uraian="Pengelolaan data pegawai",
    )

    strategi = app.buka_tab("2 Strategi")
    _row(strategi, "Jabatan", Nama_jabatan="Pranata Komputer", Jenis="JF")
    for nip, name, jenjang in zip(
        NIP,
        ("Budi Santoso", "Sari Lestari", "Dewi Anggraini"),
        ("Ahli Muda", "Ahli Pertama", "Ahli Pertama"),
        strict=True,
    ):
        _row(
            strategi,
            "Pegawai",
            NIP=nip,
            Nama=name,
            Jabatan="Pranata Komputer",
            Jenis_jabatan="JF",
            Jenjang=jenjang,
            Golongan="III/c",
            Status="PNS",
            Unit="DIT-B",
        )
    _row(strategi, "Tim Kerja", Kode="TIM-DATA", Nama_tim="Tim Data Pegawai")
    _row(strategi, "Strategi", Indikator="IK-1", Mode="Tim", Tim="TIM-DATA", Perlu_Ketua_Tim="Ya")

    kegiatan = app.buka_tab("3 Kegiatan & Anggaran")
    _row(
        kegiatan,
        "Kegiatan",
        Kode="K-1",
        Nama_kegiatan="Penyusunan laporan data pegawai",
        Indikator="IK-1",
        Tim="TIM-DATA",
        Bulan_mulai="1",
        Bulan_selesai="12",
        Volume_keluaran="4",
        Satuan_keluaran="Laporan",
    )
    _row(
        kegiatan,
        "Beban Kegiatan",
        Kegiatan="K-1",
        Jabatan="Pranata Komputer",
        Volume="4",
        **{"Norma waktu (jam)": "250"},
    )
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
    assert sum(p.jam for p in back.alokasi.penugasan) == pytest.approx(1000)
