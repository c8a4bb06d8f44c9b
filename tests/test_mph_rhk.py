"""Issue 11, findings 1–6 and 11: the MPH and RHK of the sample unit become fileable.

Each test states a figure today's output (before issue 11) failed: 66 RHK with the target
"mendukung target …", 37 RHK joining several results with "; ", 18 duplicate member RHK
without a warning, IK-5.2 and TT-1 reached by nobody at level 1, no unit head row, a
Ketua of two teams on two rows, the PK indicator as "RHK pimpinan".
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from alokasi_tetap import load as alokasi_tetap

from sistemkerja import analisis, contoh
from sistemkerja.analisis.mph import PIMPINAN, kepala_unit
from sistemkerja.analisis.periksa_mph import JENIS_PERIKSA, KOLOM_PERIKSA_MPH
from sistemkerja.analisis.skp import KOLOM_IKI, KOLOM_RHK
from sistemkerja.domain import JenisJabatan
from sistemkerja.domain.angka import parse_target
from sistemkerja.optimasi import optimasi


@pytest.fixture(scope="module")
def unit():
    plan = contoh.load("unit")
    return plan, alokasi_tetap()


@pytest.fixture(scope="module")
def kecil():
    plan = contoh.load("kecil")
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None
    return plan, hasil.alokasi


@pytest.fixture(scope="module", params=["unit", "kecil"])
def kasus(request, unit, kecil):
    plan, alokasi = unit if request.param == "unit" else kecil
    return {
        "plan": plan,
        "alokasi": alokasi,
        "rhk": analisis.rhk(plan, alokasi),
        "iki": analisis.iki(plan, alokasi),
        "level1": analisis.mph_level1(plan, alokasi),
        "level2": analisis.mph_level2(plan, alokasi),
        "satu": analisis.mph_satu_tingkat(plan, alokasi),
        "periksa": analisis.periksa_mph(plan, alokasi),
    }


_ANGKA = re.compile(r"\d")


def test_frames_follow_the_contract(kasus):
    assert list(kasus["rhk"].columns) == list(KOLOM_RHK)
    assert list(kasus["iki"].columns) == list(KOLOM_IKI)
    assert list(kasus["periksa"].columns) == list(KOLOM_PERIKSA_MPH)
    r = kasus["rhk"]
    assert set(r["jenis"]) <= {"Utama", "Tambahan"}
    assert set(r["sumber"]) <= {"perencana", "otomatis"}
    assert r["bulan_jatuh_tempo"].between(1, 12).all()
    assert set(kasus["iki"]["aspek"]) <= {"Kuantitas", "Kualitas", "Waktu", "Biaya"}
    for _, orang in r.groupby("nip", sort=False):
        assert list(orang["no"]) == list(range(1, len(orang) + 1))
        jenis = list(orang["jenis"])
        assert jenis == sorted(jenis, key=["Utama", "Tambahan"].index)  # Utama first
    assert set(kasus["periksa"]["jenis"]) <= set(JENIS_PERIKSA)


def test_no_target_is_a_sentence(kasus):
    # finding 1: today 66 RHK of the sample unit have "mendukung target 90 %"
    i = kasus["iki"]
    assert not i["target"].str.contains("mendukung").any()
    for t in i.itertuples():
        parsed = parse_target(t.target)
        assert (parsed.nilai, parsed.satuan) == (t.nilai, t.satuan), t
        assert t.satuan, t
    assert "Target bukan angka" not in set(kasus["periksa"]["jenis"])


def test_every_rhk_has_an_iki(kasus):
    r, i = kasus["rhk"], kasus["iki"]
    assert set(zip(r["nip"], r["no"], strict=True)) == set(zip(i["nip"], i["no"], strict=True))


def test_one_result_per_cell_without_numbers(kasus):
    # finding 3: today 37 RHK join several results with "; "
    r = kasus["rhk"]
    assert not r["rhk"].str.contains("; ").any()
    assert not r["rhk"].map(lambda t: bool(_ANGKA.search(t))).any()
    for df in (kasus["level1"], kasus["level2"], kasus["satu"]):
        hasil = df.loc[df["peran"] != PIMPINAN, "hasil"].dropna()
        assert not hasil.str.contains("; ").any()
    assert not kasus["level2"]["hasil_ketua"].dropna().str.contains("; ").any()
    m = analisis.mph_matriks(kasus["level1"], kosong="–")
    assert not any("; " in str(v) for v in m.to_numpy().ravel())
    assert "Sel berisi beberapa hasil" not in set(kasus["periksa"]["jenis"])


def test_every_duplicate_rhk_in_a_team_has_a_warning(kasus):
    # finding 4: today 18 member RHK are identical within a team, without a warning
    r = kasus["rhk"]
    anggota = r[~r["peran"].str.startswith("Ketua ") & r["tim"].notna()]
    ganda = anggota[anggota.duplicated(["tim", "rhk"], keep=False)]
    assert ganda["catatan"].notna().all()
    assert ganda["catatan"].str.contains("RHK sama dengan").all()
    periksa = kasus["periksa"]
    dicatat = periksa[periksa["jenis"] == "RHK ganda"]
    assert set(zip(ganda["nip"], ganda["tim"], strict=True)) <= set(
        zip(dicatat["nip"], dicatat["tim"], strict=True)
    )
    assert set(dicatat["tingkat"]) <= {"peringatan"}


def test_every_target_reached_at_level1(kasus):
    # finding 6: IK-5.2 and the archives target (team without a Ketua) reach nobody at level 1
    level1 = kasus["level1"]
    orang = level1[level1["peran"] != PIMPINAN]
    assert set(orang["indikator"].dropna().astype(str)) == set(kasus["plan"].targets())
    assert "Target tanpa pemegang level 1" not in set(kasus["periksa"]["jenis"])


def test_sample_unit_ketua_less_team_at_level1(unit):
    plan, alokasi = unit
    level1 = analisis.mph_level1(plan, alokasi)
    for kode in ("IK-5.2", "IK-5.3"):
        sel = level1[(level1["indikator"] == kode) & (level1["peran"] != PIMPINAN)]
        assert len(sel) >= 1
        assert sel["peran"].str.contains("Anggota Tim Tata Kelola").all()


def test_unit_head_row_first(unit):
    plan, alokasi = unit
    level1 = analisis.mph_level1(plan, alokasi)
    kepala = kepala_unit(plan)
    assert kepala is not None and kepala.name == plan.pk.pihak_pertama
    head = level1[level1["nip"] == kepala.nip]
    assert level1.iloc[0]["nip"] == kepala.nip
    assert set(head["peran"]) == {PIMPINAN}
    assert list(head["indikator"].astype(str)) == list(plan.targets())
    assert list(head["hasil"]) == [t.target for t in plan.targets().values()]
    # the sasaran header: every indicator column knows its sasaran
    m = analisis.mph_matriks(level1, kosong="–", kelompok="uraian_sasaran")
    sasaran = {s.name for s in plan.sasaran}
    grup = [g for g, kode in m.columns if not kode.startswith("TT-")]
    assert set(grup) <= sasaran and len(set(grup)) == len(plan.sasaran)


def test_one_row_per_ketua(unit):
    # finding 6: Hendra Latuconsina leads TIM-SKD and TIM-STK; today on two rows
    plan, alokasi = unit
    level1 = analisis.mph_level1(plan, alokasi)
    ketua = [k.nip for k in alokasi.keanggotaan if k.ketua]
    assert len(ketua) > len(set(ketua))  # someone leads two teams in the stored allocation
    m = analisis.mph_matriks(level1)
    nip = list(m.index.get_level_values("nip"))
    assert len(nip) == len(set(nip))
    assert set(ketua) <= set(nip)
    dua = next(n for n in ketua if ketua.count(n) == 2)
    peran = level1.loc[level1["nip"] == dua, "peran"].iloc[0]
    assert peran.count("Ketua ") == 2


def test_every_jf_and_pelaksana_has_an_rhk_utama_or_a_warning(kasus):
    plan, r, periksa = kasus["plan"], kasus["rhk"], kasus["periksa"]
    utama = set(r.loc[r["jenis"] == "Utama", "nip"])
    peringatan = set(periksa.loc[periksa["jenis"] == "Tanpa RHK utama", "nip"])
    for p in plan.pegawai:
        if p.unit == plan.pk.unit and p.jenis is not JenisJabatan.STRUKTURAL:
            assert (p.nip in utama) != (p.nip in peringatan), p.name


def test_rhk_pimpinan_of_a_ketua_is_the_sasaran(kasus):
    # finding 5: today it is the PK indicator's wording
    plan, r = kasus["plan"], kasus["rhk"]
    sasaran = {s.code: s.name for s in plan.sasaran}
    targets = plan.targets()
    kepala = kepala_unit(plan)
    ketua = r[r["peran"].str.startswith("Ketua ") & (r["jenis"] == "Utama")]
    assert len(ketua) > 0
    for row in ketua.itertuples():
        assert row.rhk_pimpinan == sasaran[targets[row.indikator].sasaran]
        assert row.rhk_pimpinan != targets[row.indikator].name
        assert row.nip_pimpinan == (None if kepala is None else kepala.nip) or (
            kepala is None and pd.isna(row.nip_pimpinan)
        )
    anggota = r[r["peran"] == "Anggota"]
    level1 = r[r["peran"].str.startswith("Ketua ")]
    hasil_ketua = set(zip(level1["nip"], level1["rhk"], strict=True))
    for row in anggota.dropna(subset=["rhk_pimpinan"]).itertuples():
        assert (row.nip_pimpinan, row.rhk_pimpinan) in hasil_ketua, row


def test_ketua_of_undivided_target_holds_the_pk_target(unit):
    # finding 1: the Ketua of IK-1.1 (Posisi, 90 %) holds "90 %", not "mendukung target 90 %"
    plan, alokasi = unit
    r, i = analisis.rhk(plan, alokasi), analisis.iki(plan, alokasi)
    row = r[(r["indikator"] == "IK-1.1") & r["peran"].str.startswith("Ketua ")].iloc[0]
    mine = i[(i["nip"] == row.nip) & (i["no"] == row.no)]
    assert list(mine["target"]) == ["90 %"]
    assert list(mine["iki"]) == [plan.targets()["IK-1.1"].name]


def test_planner_written_results_are_used(unit):
    plan, alokasi = unit
    r = analisis.rhk(plan, alokasi)
    ditulis = r[r["sumber"] == "perencana"]
    assert len(ditulis) >= 3
    strategi = plan.strategi_by_target()
    ketua = ditulis[ditulis["peran"].str.startswith("Ketua ")]
    for row in ketua.itertuples():
        assert row.rhk == strategi[row.indikator].hasil_ketua
    kegiatan = {k.code: k for k in plan.kegiatan}
    anggota = ditulis[~ditulis["peran"].str.startswith("Ketua ")]
    assert len(anggota) >= 1
    pribadi = {(h.nip, h.kegiatan): h.hasil for h in plan.hasil_anggota}
    for row in anggota.itertuples():
        kode = row.kegiatan.split(", ")
        ditulis_untuknya = {pribadi.get((row.nip, k)) for k in kode} - {None}
        assert row.rhk in (ditulis_untuknya or {kegiatan[k].hasil for k in kode})


def test_hasil_anggota_separates_members_sharing_an_activity(unit):
    # finding 4: without the Hasil Anggota rows the K-31 members hold one and the same RHK
    plan, alokasi = unit
    pada_k31 = {h.nip for h in plan.hasil_anggota if h.kegiatan == "K-31"}
    r = analisis.rhk(plan, alokasi)
    mine = r[r["nip"].isin(pada_k31) & r["kegiatan"].str.contains("K-31")]
    assert len(mine) == len(pada_k31) >= 2
    assert mine["rhk"].nunique() == len(mine)
    assert mine["sumber"].eq("perencana").all()
    assert not mine["catatan"].fillna("").str.contains("RHK sama dengan").any()
    tanpa = dataclasses.replace(plan, hasil_anggota=())
    r0 = analisis.rhk(tanpa, alokasi)
    before = r0[r0["nip"].isin(pada_k31) & r0["kegiatan"].str.contains("K-31")]
    assert before["rhk"].nunique() == 1
    assert before["catatan"].str.contains("RHK sama dengan").all()


def test_one_level_form_has_every_employee(unit):
    plan, alokasi = unit
    satu = analisis.mph_satu_tingkat(plan, alokasi)
    aktif = {p.nip for p in alokasi.penugasan} | {k.nip for k in alokasi.keanggotaan}
    harus = {p.nip for p in plan.pegawai if p.unit == plan.pk.unit} | aktif
    assert set(satu["nip"]) == harus
    m = analisis.mph_matriks(satu, kosong="–")
    assert len(m) == len(harus)
    r = analisis.rhk(plan, alokasi)
    # a member's cell is one of their RHK for that target
    mine = set(zip(r["nip"], r["indikator"], r["rhk"], strict=True))
    sel = satu.dropna(subset=["indikator"])
    sel = sel[sel["peran"] != PIMPINAN]
    for row in sel.itertuples():
        assert (row.nip, str(row.indikator), row.hasil) in mine, row


def test_result_tables_carry_the_checks(unit):
    from sistemkerja.laporan.tabel import hitung_tabel_alokasi

    plan, alokasi = unit
    tabel = hitung_tabel_alokasi(plan, alokasi)
    lembar = tabel.lembar()
    for nama in ("MPH Satu Tingkat", "IKI", "Periksa MPH"):
        assert nama in lembar
    assert len(lembar["Periksa MPH"]) == len(analisis.periksa_mph(plan, alokasi))
