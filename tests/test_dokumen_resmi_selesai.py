"""Issue 11's "Done when", on the sample unit with its stored allocation, in one place.

0 RHK with a sentence as target, 0 multi-result cells, 0 duplicate RHK without a warning,
every person with an RHK utama, every indicator reached at level 1, an SKP per person plus
the unit head's, the ABK per jabatan and jenjang in whole persons. Each figure is counted
on the documents as written (the workbooks read back), not only on the frames.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from alokasi_tetap import load as alokasi_tetap

from sistemkerja import contoh
from sistemkerja.analisis.mph import PIMPINAN
from sistemkerja.domain import JenisJabatan, JenisTarget, baca_target
from sistemkerja.laporan.skp import lembar_skp, write_skp_tabel
from sistemkerja.laporan.tabel import hitung_tabel_alokasi
from sistemkerja.laporan.xlsx import HEADER_ROW, LEMBAR_ABK_JABATAN, write_result_workbook


@pytest.fixture(scope="module")
def tabel():
    return hitung_tabel_alokasi(contoh.load("unit"), alokasi_tetap())


@pytest.fixture(scope="module")
def berkas(tabel, tmp_path_factory):
    folder = tmp_path_factory.mktemp("resmi")
    hasil, skp = folder / "hasil.xlsx", folder / "skp.xlsx"
    write_result_workbook(tabel, hasil)
    write_skp_tabel(tabel, skp)
    return hasil, skp


def _baca(path, sheet: str) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name=sheet, header=HEADER_ROW - 1)


def test_no_rhk_has_a_sentence_as_target(tabel, berkas):
    targets = pd.read_excel(berkas[0], sheet_name="IKI")["Target"]
    assert len(targets) == len(tabel.iki) > 100
    for teks in targets:
        target = baca_target(str(teks))  # a number with a unit, or a PK predicate
        assert target.jenis in (JenisTarget.ANGKA, JenisTarget.PREDIKAT), teks
        assert "mendukung" not in str(teks)


def test_no_cell_holds_several_results(tabel):
    for df in (tabel.mph_level1, tabel.mph_level2, tabel.mph_satu_tingkat, tabel.rhk):
        kolom = "rhk" if "rhk" in df else "hasil"
        assert not df[kolom].dropna().str.contains("; ").any()
    # one row per person × target: a person leading two teams has one cell per target
    level1 = tabel.mph_level1.dropna(subset=["indikator"])
    assert not level1.duplicated(["nip", "indikator"]).any()


def test_every_duplicate_rhk_carries_a_warning(tabel):
    # among the members of a team (a Ketua's RHK may word the team's only activity for a
    # target, as its members' do: one level up, not an overlap)
    rhk = tabel.rhk[tabel.rhk["tim"].notna() & ~tabel.rhk["peran"].str.startswith("Ketua ")]
    ganda = rhk[rhk.duplicated(["tim", "rhk"], keep=False)]
    assert len(ganda) > 0  # the sample still has shared activities to show the warning
    assert ganda["catatan"].fillna("").str.contains("RHK sama dengan").all()


def test_every_person_of_the_unit_has_an_rhk_utama(tabel):
    plan = tabel.plan
    utama = set(tabel.rhk.loc[tabel.rhk["jenis"] == "Utama", "nip"])
    staf = [
        p for p in plan.pegawai if p.unit == plan.pk.unit and p.jenis is not JenisJabatan.STRUKTURAL
    ]
    assert len(staf) == 59
    assert [p.name for p in staf if p.nip not in utama] == []
    assert "Tanpa RHK utama" not in set(tabel.periksa_mph["jenis"])


def test_every_indicator_is_reached_at_level1(tabel):
    level1 = tabel.mph_level1
    dipegang = set(level1.loc[level1["peran"] != PIMPINAN, "indikator"].dropna().astype(str))
    assert dipegang == set(tabel.plan.targets())


def test_an_skp_per_person_plus_the_unit_heads(tabel, berkas):
    plan = tabel.plan
    names = openpyxl.load_workbook(berkas[1], read_only=True).sheetnames
    kepala = next(p for p in plan.pegawai if p.jenis is JenisJabatan.STRUKTURAL)
    assert names[0] == lembar_skp(kepala.nip)  # the top of the cascade comes first
    for p in plan.pegawai:
        if p.unit == plan.pk.unit or p.nip in set(tabel.rhk["nip"]):
            assert lembar_skp(p.nip) in names, p.name


def test_abk_per_jabatan_and_jenjang_in_whole_persons(tabel, berkas):
    df = _baca(berkas[0], LEMBAR_ABK_JABATAN)
    kolom = next(c for c in df.columns if "dibulatkan" in c.lower() or "bulat" in c.lower())
    bulat = df[kolom].dropna()
    assert len(bulat) > 0 and (bulat == bulat.round()).all()
    jabatan = tabel.abk_jenjang
    assert not jabatan.duplicated(["jabatan", "jenjang"]).any()
    perencana = jabatan[jabatan["jabatan"] == "Perencana"]
    assert perencana["jenjang"].nunique() >= 2  # one form per jenjang, not one per jabatan
