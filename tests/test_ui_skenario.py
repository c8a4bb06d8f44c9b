"""The scenario lab's model and view: scenarios in forms, a sweep, promotion to the plan."""

from __future__ import annotations

import pytest

from sistemkerja.io.skenario import baca_sapuan
from sistemkerja.sapuan import NAMA_DASAR
from sistemkerja.ui.rencana import ModelRencana
from sistemkerja.ui.skenario import ModelSkenario, PanelSkenario, data_form, uraian_perubahan

PERENCANA_MUDA = "198204102008031901"


@pytest.fixture
def rencana(tmp_path):
    return ModelRencana.buka(tmp_path / "rencana.xlsx", contoh="kecil")


def test_scenarios_are_made_changed_and_refused_in_the_users_terms(rencana):
    m = ModelSkenario(rencana)
    assert m.salin("Pagu −10 %")
    assert not m.salin("Pagu −10 %") and "sudah ada" in m.pesan and not m.pesan_ok
    assert not m.salin(NAMA_DASAR) and "nama lain" in m.pesan
    assert m.tambah_perubahan("Pagu −10 %", {"jenis": "pagu_dikali", "faktor": "0,9"})
    assert m.pesan_ok and "Pagu dikali faktor: faktor 0,9" in m.pesan
    # a bad field names the key; a change that does not apply says why; nothing is added
    assert not m.tambah_perubahan("Pagu −10 %", {"jenis": "pagu_dikali", "faktor": "-1"})
    assert "kunci 'faktor'" in m.pesan and not m.pesan_ok
    assert not m.tambah_perubahan(
        "Pagu −10 %", {"jenis": "hapus_pegawai", "nip": "199901012020011999"}
    )
    assert "199901012020011999" in m.pesan
    assert len(m.skenario("Pagu −10 %").perubahan) == 1
    m.hapus_perubahan("Pagu −10 %", 0)
    assert m.skenario("Pagu −10 %").perubahan == ()


def test_a_person_is_added_as_a_copy_of_one_already_in_the_plan(rencana):
    m = ModelSkenario(rencana)
    m.salin("Tambah perencana")
    fields = {
        "contoh": PERENCANA_MUDA,
        "nip": "199001012015011001",
        "nama": "Rina",
        "unit": "BIRO-X",
    }
    assert m.tambah_perubahan("Tambah perencana", data_form(m, "tambah_pegawai", fields)), m.pesan
    added = m.skenario("Tambah perencana").perubahan[0].pegawai
    template = next(p for p in rencana.rencana.pegawai if p.nip == PERENCANA_MUDA)
    assert (added.nip, added.name, added.unit) == ("199001012015011001", "Rina", "BIRO-X")
    assert (added.jabatan, added.jenjang) == (template.jabatan, template.jenjang)
    assert "Rina (199001012015011001)" in uraian_perubahan(
        m.skenario("Tambah perencana").perubahan[0]
    )


def test_sweep_runs_compares_and_one_scenario_becomes_the_plan(rencana, tmp_path):
    m = ModelSkenario(rencana, keluaran=str(tmp_path / "hasil"), pekerja=0)
    m.salin("Pagu −10 %")
    m.tambah_perubahan("Pagu −10 %", {"jenis": "pagu_dikali", "faktor": "0,9"})
    m.salin("Perencana cuti")
    m.tambah_perubahan(
        "Perencana cuti",
        {
            "jenis": "pegawai_tidak_tersedia",
            "nip": PERENCANA_MUDA,
            "bulan_mulai": 1,
            "bulan_selesai": 3,
        },
    )
    assert m.jalankan()
    assert m.tunggu(600)
    assert m.keadaan == "selesai", m.pesan
    assert m.selesai == m.total == 3
    assert list(m.hasil.banding["skenario"]) == [NAMA_DASAR, "Pagu −10 %", "Perencana cuti"]
    # saved as YAML, it reads back as the same scenarios
    path = m.simpan_sapuan(tmp_path / "sapuan.yaml")
    assert [s.nama for s in baca_sapuan(path).skenario] == ["Pagu −10 %", "Perencana cuti"]
    # promotion: the plan takes the changes, as one edit that can be undone
    before = rencana.rencana.pagu[0].pagu
    done = m.jadikan_rencana("Pagu −10 %")
    assert done.diterima, done.pesan
    assert rencana.rencana.pagu[0].pagu == pytest.approx(before * 0.9)
    assert rencana.tersimpan  # autosaved, atomically, by the plan model
    rencana.urungkan()
    assert rencana.rencana.pagu[0].pagu == pytest.approx(before)


def test_panel_shows_the_comparison_after_a_run(rencana, tmp_path):
    panel = PanelSkenario(rencana, keluaran=str(tmp_path / "hasil"))
    panel.nama.value = "Pagu −10 %"
    panel._salin()
    assert panel.pilihan.value == "Pagu −10 %"
    panel.jenis.value = "pagu_dikali"
    dict((k, w) for k, _l, w in panel._fields)["faktor"].value = "0,9"
    panel._tambah()
    assert panel.perubahan.options[0][0].startswith("1. Pagu dikali faktor")
    panel.pekerja.value = 0
    assert panel.jalankan()
    assert panel.model.tunggu(600)
    assert "sk-tabel-banding" in panel.tabel.value and "Pagu −10 %" in panel.tabel.value
    assert panel.grafik.value[:4] == b"\x89PNG"
    assert panel.kemajuan.value == panel.kemajuan.max == 2
