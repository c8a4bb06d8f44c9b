"""Analyses (sistemkerja.analisis) on hand-made allocations of the tiny plan.

The tiny plan (``contoh.load("kecil")``, see ``sistemkerja/contoh/kecil.py``):

===== ================================ ====== ===== ======= ==================================
Kode  Kegiatan                         Target Tim   Volume  Baris beban (jam)
===== ================================ ====== ===== ======= ==================================
K-1   Penyusunan rencana kebutuhan     IK-1   TIM-A 4 Dok.  Perencana ≥ AP 400, ASDM 200
K-2   Verifikasi rencana kebutuhan ¹   IK-1   TIM-A 4 Dok.  Perencana ≥ AM 200, PLO 200
K-3   Pemutakhiran data pegawai        IK-2   TIM-B 12 Lap. PLO 600, ASDM 300
K-4   Integrasi data kepegawaian       IK-2   TIM-B 2 Modul Pranata Komputer ≥ AP 400
K-5   Penyusunan laporan kinerja unit  TT-1   —     2 Lap.  Perencana 200
===== ================================ ====== ===== ======= ==================================

¹ K-2 is a supporting step (*pendukung*, ``Kegiatan.angka=False``): it verifies the 4
Dokumen that K-1 draws up, so only K-1 carries IK-1's number (4 Dokumen, not 4 + 4).

IK-1 is "4 Dokumen" (Hitungan), IK-2 "90 %" (Posisi), TT-1 "2 Laporan". Budget lines total
Rp 50.000.000. Andi has 250 committed hours, Eko (lintas unit) 750, an involvement cost of
Rp 500.000 and Rp 50.000 per hour.

The base allocation ``_dasar()`` below: TIM-A = Budi (Ketua), Sari, Dewi, Rina; TIM-B =
Dewi (Ketua), Andi, Rina, Eko; Sari works K-5 alone.
"""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sistemkerja import contoh
from sistemkerja.analisis import (
    KATA_HASIL,
    PITA_ABK,
    STATUS,
    abk_kategori,
    anggaran_kegiatan,
    anggaran_pagu,
    bahasa_hasil,
    beban_jabatan,
    beban_pegawai,
    cascade,
    hasil_dengan_jumlah,
    iki,
    kontribusi,
    mph_level1,
    mph_level2,
    mph_matriks,
    periksa_alokasi,
    periksa_mph,
    rhk,
    sisa_terbesar,
)
from sistemkerja.analisis.anggaran import KOLOM_ANGGARAN_KEGIATAN, KOLOM_ANGGARAN_PAGU
from sistemkerja.analisis.bahasa import hasil_indikator
from sistemkerja.analisis.beban import KOLOM_BEBAN_JABATAN, KOLOM_BEBAN_PEGAWAI
from sistemkerja.analisis.mph import KOLOM_MPH1, KOLOM_MPH2, ketua_tim
from sistemkerja.analisis.pemeriksaan import KOLOM_CASCADE
from sistemkerja.analisis.skp import KOLOM_RHK
from sistemkerja.domain import (
    Alokasi,
    BarisAnggaran,
    JenisJabatan,
    Keanggotaan,
    Mode,
    Pagu,
    Pegawai,
    Penugasan,
    Rencana,
    StatusASN,
    Strategi,
)
from sistemkerja.domain.angka import parse_target
from sistemkerja.domain.enums import Jenjang

PER, ASDM, PRAKOM, PLO = (
    "Perencana",
    "Analis SDM Aparatur",
    "Pranata Komputer",
    "Penata Layanan Operasional",
)
AP, AM = Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA
BELANJA = 50_000_000


@pytest.fixture(scope="module")
def kecil() -> Rencana:
    return contoh.load("kecil")


@pytest.fixture(scope="module")
def n(kecil) -> dict[str, str]:
    """NIP by first name: Budi, Sari, Dewi, Andi, Rina, Eko."""
    return {p.name.split()[0]: p.nip for p in kecil.pegawai}


def _nip(plan: Rencana, nama: str) -> str:
    return next(p.nip for p in plan.pegawai if p.name.startswith(nama))


def _dasar(plan: Rencana, *, eko_biaya: float = 20_000_000, **ganti) -> Alokasi:
    """The base allocation; keyword arguments replace single assignments by name."""
    b, s, d, a, r, e = (_nip(plan, x) for x in ("Budi", "Sari", "Dewi", "Andi", "Rina", "Eko"))
    penugasan = {
        "budi_k1": Penugasan(b, "K-1", PER, AP, 200, 0.5),
        "sari_k1": Penugasan(s, "K-1", PER, AP, 200, 0.5),
        "dewi_k1": Penugasan(d, "K-1", ASDM, None, 200, 1.0),
        "budi_k2": Penugasan(b, "K-2", PER, AM, 200, 1.0),
        "rina_k2": Penugasan(r, "K-2", PLO, None, 200, 1.0),
        "rina_k3": Penugasan(r, "K-3", PLO, None, 600, 1.0),
        "andi_k3": Penugasan(a, "K-3", ASDM, None, 300, 1.0),
        "eko_k4": Penugasan(e, "K-4", PRAKOM, AP, 400, 1.0, eko_biaya),
        "sari_k5": Penugasan(s, "K-5", PER, None, 200, 1.0),
    }
    for key, value in ganti.items():
        if value is None:
            del penugasan[key]
        else:
            penugasan[key] = value
    anggota = (
        Keanggotaan("TIM-A", b, True),
        Keanggotaan("TIM-A", s),
        Keanggotaan("TIM-A", d),
        Keanggotaan("TIM-A", r),
        Keanggotaan("TIM-B", d, True),
        Keanggotaan("TIM-B", a),
        Keanggotaan("TIM-B", r),
        Keanggotaan("TIM-B", e),
    )
    return Alokasi(tuple(penugasan.values()), anggota)


def _pembawa(plan: Rencana, volume: dict[str, float]) -> Rencana:
    """Mark the given activities as angka carriers (``angka=True``) with these volumes."""
    kegiatan = tuple(
        dataclasses.replace(k, angka=True, volume=volume[k.code]) if k.code in volume else k
        for k in plan.kegiatan
    )
    return plan.with_changes(kegiatan=kegiatan)


def _ganti_keanggotaan(alokasi: Alokasi, *anggota: Keanggotaan) -> Alokasi:
    return dataclasses.replace(alokasi, keanggotaan=anggota)


def _baris(df: pd.DataFrame, **where) -> pd.Series:
    pilih = pd.Series(True, index=df.index)
    for col, val in where.items():
        pilih &= df[col] == val
    found = df[pilih]
    assert len(found) == 1, f"{where}: {len(found)} baris"
    return found.iloc[0]


# ---- allocation references -------------------------------------------------------------
def test_alokasi_dasar_cocok(kecil):
    assert periksa_alokasi(kecil, _dasar(kecil)) == []


def test_alokasi_salah_ditolak_dengan_semua_masalah(kecil, n):
    salah = Alokasi(
        (
            Penugasan("199001012015011999", "K-1", PER, AP, 10, 1.0),
            Penugasan(n["Sari"], "K-9", PER, AP, 10, 1.0),
            Penugasan(n["Sari"], "K-1", PLO, None, 10, 1.0),
            Penugasan(n["Andi"], "K-3", ASDM, None, 10, 1.0),
        ),
        (Keanggotaan("TIM-X", n["Sari"]), Keanggotaan("TIM-A", n["Sari"])),
    )
    masalah = periksa_alokasi(kecil, salah)
    teks = "\n".join(masalah)
    assert "199001012015011999 tidak ada di lembar Pegawai" in teks
    assert "kegiatan K-9 tidak ada" in teks
    assert "tidak punya baris beban untuk jabatan Penata Layanan Operasional" in teks
    assert f"{n['Andi']} bukan anggota tim itu" in teks
    assert "tim TIM-X tidak ada" in teks
    assert len(masalah) == 5
    for fungsi in (beban_pegawai, anggaran_pagu, mph_level1, mph_level2, rhk, cascade):
        with pytest.raises(ValueError, match="alokasi tidak cocok"):
            fungsi(kecil, salah)


# ---- ABK bands -------------------------------------------------------------------------
def test_pita_abk_is_one_table_highest_first():
    assert [p.kategori for p in PITA_ABK] == ["A", "B", "C", "D", "E"]
    assert [p.ej_min for p in PITA_ABK] == [1.0, 0.9, 0.7, 0.5, 0.0]


@pytest.mark.parametrize(
    ("ej", "kategori", "predikat"),
    [
        (1.7, "A", "Sangat Baik"),
        (1.0, "A", "Sangat Baik"),
        (0.9999, "B", "Baik"),
        (0.9, "B", "Baik"),
        (0.8999, "C", "Cukup"),
        (0.7, "C", "Cukup"),
        (0.6999, "D", "Sedang"),
        (0.5, "D", "Sedang"),
        (0.4999, "E", "Kurang"),
        (0.0, "E", "Kurang"),
        (math.nan, "-", "-"),
    ],
)
def test_abk_kategori_band_edges(ej, kategori, predikat):
    assert abk_kategori(ej) == (kategori, predikat)


def test_abk_kategori_edge_reached_by_float_arithmetic():
    # 0.1 + 0.2 + 0.4 = 0.7000000000000001 and 0.3 + 0.3 + 0.1 = 0.7 – 1e-16: both C
    assert abk_kategori(0.3 + 0.3 + 0.1)[0] == "C"
    assert abk_kategori(0.45 + 0.45)[0] == "B"


# ---- beban_pegawai -----------------------------------------------------------------------
def test_beban_pegawai_dasar(kecil, n):
    df = beban_pegawai(kecil, _dasar(kecil))
    assert list(df.columns) == list(KOLOM_BEBAN_PEGAWAI)
    assert list(df["nip"]) == [p.nip for p in kecil.pegawai]
    rina = _baris(df, nip=n["Rina"])
    assert (rina.jam_tugas, rina.jam_total, rina.ej) == (800.0, 800.0, 0.64)
    assert (rina.kategori, rina.predikat, rina.posisi) == ("D", "Sedang", "di bawah pita")
    assert (rina.jumlah_tim, rina.peran) == (2, "Anggota")
    eko = _baris(df, nip=n["Eko"])
    assert eko.asal == "Lintas unit"
    assert (eko.jam_terikat, eko.jam_tugas, eko.jam_total) == (750.0, 400.0, 1150.0)
    assert eko.ej == pytest.approx(0.92)
    assert (eko.kategori, eko.predikat, eko.posisi) == ("B", "Baik", "dalam pita")
    andi = _baris(df, nip=n["Andi"])
    assert (andi.jam_total, andi.ej, andi.kategori) == (550.0, 0.44, "E")
    assert _baris(df, nip=n["Budi"]).peran == "Ketua Tim"
    assert _baris(df, nip=n["Sari"]).peran == "Anggota, Mandiri"
    dewi = _baris(df, nip=n["Dewi"])
    assert (dewi.peran, dewi.jumlah_tim, dewi.jam_ketua) == ("Ketua Tim, Anggota", 2, 0.0)


@pytest.mark.parametrize(
    ("jam", "kategori", "posisi"),
    [
        (624, "E", "di bawah pita"),
        (625, "D", "di bawah pita"),
        (875, "C", "di bawah pita"),
        (1125, "B", "dalam pita"),
        (1250, "A", "dalam pita"),
        (1300, "A", "di atas pita"),
    ],
)
def test_beban_pegawai_kategori_at_band_edges(kecil, n, jam, kategori, posisi):
    alokasi = _dasar(kecil, rina_k3=Penugasan(n["Rina"], "K-3", PLO, None, jam - 200, 1.0))
    rina = _baris(beban_pegawai(kecil, alokasi), nip=n["Rina"])
    assert rina.jam_total == jam
    assert rina.ej == jam / 1250
    assert (rina.kategori, rina.posisi) == (kategori, posisi)


def test_beban_pegawai_jam_ketua_and_zero_capacity(kecil, n):
    pegawai = tuple(
        dataclasses.replace(p, capacity_hours=0.0) if p.nip == n["Andi"] else p
        for p in kecil.pegawai
    )
    plan = kecil.with_changes(
        kebijakan=dataclasses.replace(kecil.kebijakan, jam_ketua=50.0), pegawai=pegawai
    )
    df = beban_pegawai(plan, _dasar(plan))
    dewi = _baris(df, nip=n["Dewi"])  # leads TIM-B
    assert (dewi.jam_ketua, dewi.jam_total, dewi.ej) == (50.0, 250.0, 0.2)
    assert _baris(df, nip=n["Budi"]).jam_ketua == 50.0
    assert _baris(df, nip=n["Sari"]).jam_ketua == 0.0
    andi = _baris(df, nip=n["Andi"])
    assert andi.kapasitas == 0.0
    assert math.isnan(andi.ej)
    assert (andi.kategori, andi.predikat, andi.posisi) == ("-", "-", "-")


def test_beban_pegawai_without_work_is_dash(kecil, n):
    df = beban_pegawai(kecil, Alokasi())
    assert set(df["peran"]) == {"-"}
    assert _baris(df, nip=n["Andi"]).ej == 0.2  # 250 committed hours
    assert set(df["jumlah_tim"]) == {0}


# ---- beban_jabatan -------------------------------------------------------------------------
def test_beban_jabatan_abk_formula(kecil):
    df = beban_jabatan(kecil)
    assert list(df.columns) == list(KOLOM_BEBAN_JABATAN)
    assert list(df["jabatan"]) == [PER, ASDM, PLO, PRAKOM]
    per = _baris(df, jabatan=PER)
    assert per.jam_kebutuhan == 800.0  # 400 + 200 + 200
    assert per.kebutuhan_pegawai == 800 / 1250
    assert per.pegawai_tersedia == 2
    assert per.ej == 800 / (2 * 1250)
    assert (per.kategori, per.predikat) == ("E", "Kurang")
    assert per.selisih == pytest.approx(2 - 0.64)
    assert pd.isna(per.pegawai_ditugaskan)
    plo = _baris(df, jabatan=PLO)
    assert (plo.jam_kebutuhan, plo.kebutuhan_pegawai, plo.ej) == (800.0, 0.64, 0.64)
    assert plo.kategori == "D"
    prakom = _baris(df, jabatan=PRAKOM)  # only a lintas-unit candidate: no own staff
    assert prakom.pegawai_tersedia == 0
    assert math.isnan(prakom.ej)
    assert prakom.selisih == pytest.approx(-0.32)
    assert df["jam_kebutuhan"].sum() == 2500


def test_beban_jabatan_with_allocation_and_policy_hours(kecil):
    plan = kecil.with_changes(kebijakan=dataclasses.replace(kecil.kebijakan, jam_efektif=1000.0))
    df = beban_jabatan(plan, _dasar(plan))
    assert _baris(df, jabatan=PER).kebutuhan_pegawai == 0.8
    assert list(df["pegawai_ditugaskan"]) == [2, 2, 1, 1]  # Budi+Sari, Dewi+Andi, Rina, Eko


# ---- anggaran --------------------------------------------------------------------------------
def test_anggaran_kegiatan(kecil):
    df = anggaran_kegiatan(kecil, _dasar(kecil))
    assert list(df.columns) == list(KOLOM_ANGGARAN_KEGIATAN)
    assert list(df["kegiatan"]) == ["K-1", "K-2", "K-3", "K-4", "K-5"]
    assert list(df["belanja"]) == [5e6, 20e6, 12e6, 10e6, 3e6]
    k4 = _baris(df, kegiatan="K-4")
    assert (k4.biaya_personel, k4.total) == (20e6, 30e6)
    assert (k4.program, k4.giat, k4.kro, k4.ro) == ("WA", "1234", "AEA", "001")
    assert df["total"].sum() == BELANJA + 20e6


def _dua_ro(plan: Rencana) -> Rencana:
    baru = BarisAnggaran(
        "K-1", "WA", "1234", "AEA", "002", None, "524111", "Perjalanan", 2, "OP", 3_000_000
    )
    pagu = (*plan.pagu, Pagu("WA", "1234", "AEA", "002", "RO kedua", 5_000_000))
    return plan.with_changes(anggaran=(*plan.anggaran, baru), pagu=pagu)


def test_anggaran_kegiatan_one_row_per_ro_personnel_on_largest(kecil, n):
    plan = _dua_ro(kecil)
    alokasi = _dasar(plan, budi_k1=Penugasan(n["Budi"], "K-1", PER, AP, 200, 0.5, 1_000_000))
    df = anggaran_kegiatan(plan, alokasi)
    k1 = df[df["kegiatan"] == "K-1"]
    assert list(k1["ro"]) == ["001", "002"]
    assert list(k1["belanja"]) == [5e6, 6e6]
    assert list(k1["biaya_personel"]) == [0.0, 1e6]  # RO 002 has the larger line total
    ro2 = _baris(anggaran_pagu(plan, alokasi), level="RO", ro="002")
    assert (ro2.pagu, ro2.belanja, ro2.biaya_personel, ro2.biaya_pelibatan) == (5e6, 6e6, 1e6, 0)
    assert (ro2.total, ro2.sisa, ro2.status) == (7e6, -2e6, "melebihi pagu")
    assert ro2.persen == pytest.approx(140.0)


def test_anggaran_pagu_edge_of_pagu(kecil):
    pagu = kecil.pagu[0].pagu
    pelibatan = 500_000  # Eko, lintas unit, counted once
    pas = _dasar(kecil, eko_biaya=pagu - BELANJA - pelibatan)
    df = anggaran_pagu(kecil, pas)
    assert list(df.columns) == list(KOLOM_ANGGARAN_PAGU)
    assert list(df["level"]) == ["Kegiatan", "Unit"]
    giat = _baris(df, level="Kegiatan")
    assert (giat.program, giat.giat, giat.pagu, giat.belanja) == ("WA", "1234", pagu, BELANJA)
    assert giat.biaya_pelibatan == pelibatan
    assert (giat.total, giat.sisa, giat.persen, giat.status) == (pagu, 0.0, 100.0, "aman")
    lebih = anggaran_pagu(kecil, _dasar(kecil, eko_biaya=pagu - BELANJA - pelibatan + 1))
    for level in ("Kegiatan", "Unit"):
        row = _baris(lebih, level=level)
        assert (row.total, row.sisa, row.status) == (pagu + 1, -1.0, "melebihi pagu")
    unit = _baris(lebih, level="Unit")
    assert (unit.uraian, unit.pagu) == ("Direktorat Contoh Kecil", kecil.pagu_total)


def test_anggaran_pagu_involvement_only_for_other_units(kecil, n):
    pegawai = tuple(
        dataclasses.replace(p, involvement_cost=7_000_000) if p.nip == n["Andi"] else p
        for p in kecil.pegawai
    )
    plan = kecil.with_changes(pegawai=pegawai)
    df = anggaran_pagu(plan, _dasar(plan, eko_biaya=0.0))
    assert _baris(df, level="Kegiatan").biaya_pelibatan == 500_000  # not Andi's (own unit)
    assert _baris(df, level="Unit").total == BELANJA + 500_000
    tanpa = anggaran_pagu(plan, _dasar(plan, eko_k4=None))
    assert _baris(tanpa, level="Unit").biaya_pelibatan == 500_000  # still a TIM-B member
    assert _baris(tanpa, level="Kegiatan").biaya_pelibatan == 0.0  # no hours to attribute


# ---- bahasa hasil ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        ("Penyusunan laporan X", "Tersusunnya laporan X"),
        ("Pemutakhiran data", "Termutakhirkannya data"),
        ("Pengelolaan arsip", "Terkelolanya arsip"),
        ("Pelaksanaan survei", "Terlaksananya survei"),
        ("Penyelenggaraan Bimtek", "Terselenggaranya Bimtek"),
        ("Verifikasi dokumen", "Terverifikasinya dokumen"),
        ("Integrasi data", "Terintegrasinya data"),
        ("Evaluasi program", "Terevaluasinya program"),
        ("Pengembangan aplikasi", "Terkembangkannya aplikasi"),
        ("Monitoring kegiatan", "Terpantaunya kegiatan"),
        ("Pemantauan kegiatan", "Terpantaunya kegiatan"),
        ("Analisis jabatan", "Teranalisisnya jabatan"),
        ("Koordinasi program", "Terkoordinasinya program"),
        ("Fasilitasi instansi", "Terfasilitasinya instansi"),
        ("Pembinaan JF", "Terbinanya JF"),
        ("Perencanaan anggaran", "Terencananya anggaran"),
        ("Penyiapan bahan", "Tersiapkannya bahan"),
        ("Pengadaan barang/jasa", "Terlaksananya pengadaan barang/jasa"),
        ("  PENYUSUNAN   laporan ", "Tersusunnya laporan"),
        ("Pemantauan dan pelaporan kinerja", "Terpantau dan terlaporkannya kinerja"),
        ("Rekrutmen Pegawai", "Terlaksananya Rekrutmen Pegawai"),  # issue 11: no "Hasil …"
        ("Evaluasi", "Terevaluasinya"),
    ],
)
def test_bahasa_hasil(nama, hasil):
    assert bahasa_hasil(nama) == hasil


@pytest.mark.parametrize("sampel", ["unit", "kecil"])
def test_bahasa_hasil_knows_every_sample_activity(sampel):
    for k in contoh.load(sampel).kegiatan:
        hasil = bahasa_hasil(k.name)
        assert not hasil.startswith("Hasil "), k.name
        pertama = hasil.split(" dan ")[-1].split()[0] if " dan " in hasil[:40] else hasil
        assert "nya" in hasil.split()[0] or "nya" in pertama, (k.name, hasil)
        assert hasil[0].isupper()
        assert hasil != k.name


def test_kata_hasil_table_is_lower_case():
    assert all(k == k.casefold() and v.bentuk == v.bentuk.casefold() for k, v in KATA_HASIL.items())


@pytest.mark.parametrize(
    ("nama", "jumlah", "satuan", "hasil"),
    [
        ("Penyusunan rencana pegawai", 4, "Dokumen", "Tersusunnya rencana pegawai"),
        ("Penyusunan laporan kinerja unit", 2, "Laporan", "Tersusunnya 2 Laporan kinerja unit"),
        ("Pengumpulan data statistik", 4, "Set data", "Terkumpulnya 4 Set data statistik"),
        ("Seleksi peserta", 1200, "Orang", "Terseleksinya peserta"),
        ("Pengadaan barang", 2.5, "Paket", "Terlaksananya pengadaan barang"),
        ("Evaluasi pascapelatihan", math.nan, "Laporan", "Terevaluasinya pascapelatihan"),
    ],
)  # fmt: skip
def test_hasil_dengan_jumlah(nama, jumlah, satuan, hasil):
    assert hasil_dengan_jumlah(nama, jumlah, satuan) == hasil


# ---- shares ------------------------------------------------------------------------------------
def test_sisa_terbesar_examples():
    assert sisa_terbesar([4 / 3, 4 / 3, 4 / 3]) == [2.0, 1.0, 1.0]
    assert sisa_terbesar([0.4, 0.4, 2.2]) == [1.0, 0.0, 2.0]
    assert sisa_terbesar([2.9999999999999996, 1.0000000000000004]) == [3.0, 1.0]
    assert sisa_terbesar([0.125, 0.125], 0.01) == [0.13, 0.12]
    assert sisa_terbesar([]) == []


@given(st.lists(st.floats(0, 1000, allow_nan=False), max_size=12))
def test_sisa_terbesar_keeps_the_rounded_sum(nilai):
    bulat = sisa_terbesar(nilai)
    assert sum(bulat) == round(sum(nilai))
    assert all(b.is_integer() and abs(b - v) < 1 + 1e-9 for b, v in zip(bulat, nilai, strict=True))


def test_kontribusi_weights_lines_by_hours(kecil, n):
    df = kontribusi(kecil, _dasar(kecil))
    k1 = df[df["kegiatan"] == "K-1"]
    assert list(k1["nip"]) == [n["Budi"], n["Sari"], n["Dewi"]]
    # Budi: 0.5 of the 400-jam Perencana line = 1/3 of K-1's 600 jam → 4/3 Dokumen
    assert list(k1["bagian"]) == pytest.approx([1 / 3] * 3)
    assert list(k1["porsi_mentah"]) == pytest.approx([4 / 3] * 3)
    assert list(k1["porsi"]) == [2.0, 1.0, 1.0]  # largest remainder, first wins the tie
    assert k1["porsi"].sum() == 4
    assert set(k1["jenis_kontribusi"]) == {"angka"}
    assert set(k1["satuan"]) == {"Dokumen"}
    k3 = df[df["kegiatan"] == "K-3"]  # IK-2 is Posisi: pendukung, no number
    assert set(k3["jenis_kontribusi"]) == {"pendukung"}
    assert k3["porsi"].isna().all()
    assert list(k3["bagian"]) == pytest.approx([2 / 3, 1 / 3])


def test_kontribusi_unit_compared_case_insensitively(kecil):
    kegiatan = tuple(
        dataclasses.replace(k, satuan=" LAPORAN ") if k.code == "K-5" else k for k in kecil.kegiatan
    )
    df = kontribusi(kecil.with_changes(kegiatan=kegiatan), _dasar(kecil))
    assert _baris(df, kegiatan="K-5").jenis_kontribusi == "angka"
    kegiatan = tuple(
        dataclasses.replace(k, satuan="Draf") if k.code == "K-5" else k for k in kecil.kegiatan
    )
    df = kontribusi(kecil.with_changes(kegiatan=kegiatan), _dasar(kecil))
    assert _baris(df, kegiatan="K-5").jenis_kontribusi == "pendukung"


def test_kontribusi_pendukung_activity_has_no_number_and_carrier_sums_to_target(kecil, n):
    # K-2 verifies the documents K-1 draws up: same target, same unit, but marked pendukung
    df = kontribusi(kecil, _dasar(kecil))
    k2 = df[df["kegiatan"] == "K-2"]
    assert list(k2["nip"]) == [n["Budi"], n["Rina"]]
    assert set(k2["jenis_kontribusi"]) == {"pendukung"}
    assert k2["porsi"].isna().all()
    assert k2["porsi_mentah"].isna().all()
    assert k2["satuan"].isna().all()
    assert list(k2["jam"]) == [200.0, 200.0]  # the work still shows …
    assert list(k2["bagian"]) == pytest.approx([0.5, 0.5])  # … and is fully covered
    angka = df[(df["indikator"] == "IK-1") & (df["jenis_kontribusi"] == "angka")]
    assert set(angka["kegiatan"]) == {"K-1"}
    target = kecil.targets()["IK-1"].parsed_target.nilai
    assert angka["porsi"].sum() == target == 4
    assert angka["porsi_mentah"].sum() == pytest.approx(target)
    # marked as a carrier instead, K-2 would count its 4 Dokumen a second time
    ganda = kontribusi(_pembawa(kecil, {"K-2": 4}), _dasar(kecil))
    k2 = ganda[ganda["kegiatan"] == "K-2"]
    assert set(k2["jenis_kontribusi"]) == {"angka"}
    assert list(k2["porsi"]) == [2.0, 2.0]
    assert ganda.loc[ganda["indikator"] == "IK-1", "porsi"].sum() == 8


# ---- MPH level 1 -------------------------------------------------------------------------------
def test_mph_level1_rows_are_ketua_and_mandiri(kecil, n):
    df = mph_level1(kecil, _dasar(kecil))
    assert list(df.columns) == list(KOLOM_MPH1)
    # the small sample has no structural head on its Pegawai sheet: no unit head row
    assert list(dict.fromkeys(zip(df["nip"], df["peran"], strict=True))) == [
        (n["Budi"], "Ketua Tim Perencanaan"),
        (n["Dewi"], "Ketua Tim Data"),
        (n["Sari"], "Mandiri"),
    ]
    assert not {n["Andi"], n["Rina"], n["Eko"]} & set(df["nip"])
    budi = _baris(df, nip=n["Budi"], indikator="IK-1")
    # issue 11 (finding 3): one result per cell, no number in it; two activities behind
    # the team's result, so the Ketua's is an intermediate outcome for the indicator
    assert budi.hasil == hasil_indikator("Jumlah dokumen rencana kebutuhan pegawai")
    assert "; " not in budi.hasil and "4" not in budi.hasil
    assert budi.sumber == "otomatis"
    assert (budi.jenis_kontribusi, budi.porsi, budi.satuan) == ("angka", 4.0, "Dokumen")
    assert budi.porsi_mentah == pytest.approx(4.0)  # = the IK-1 target, not 4 + 4
    assert (budi.jabatan, budi.tim, budi.kegiatan) == ("Perencana Ahli Muda", "TIM-A", "K-1, K-2")
    assert budi.uraian_indikator == "Jumlah dokumen rencana kebutuhan pegawai"
    assert budi.sasaran == kecil.indikator[0].sasaran
    dewi = _baris(df, nip=n["Dewi"], indikator="IK-2")
    assert dewi.jenis_kontribusi == "pendukung"
    assert math.isnan(dewi.porsi)
    sari = _baris(df, nip=n["Sari"])
    # one activity behind the cell: its result, without the 2 Laporan
    assert (sari.indikator, sari.hasil) == ("TT-1", "Tersusunnya laporan kinerja unit")
    assert pd.isna(sari.tim) and pd.isna(sari.sasaran)


def test_mph_level1_written_results_are_used_as_written(kecil, n):
    strategi = tuple(
        dataclasses.replace(s, hasil_ketua="Tersedianya rencana kebutuhan pegawai unit")
        if s.indikator == "IK-1"
        else s
        for s in kecil.strategi
    )
    df = mph_level1(kecil.with_changes(strategi=strategi), _dasar(kecil))
    budi = _baris(df, nip=n["Budi"], indikator="IK-1")
    assert (budi.hasil, budi.sumber) == ("Tersedianya rencana kebutuhan pegawai unit", "perencana")


def test_mph_level1_unit_head_row_and_ketua_once(kecil, n):
    kepala = Pegawai(
        "197001012000011001",
        kecil.pk.pihak_pertama,
        "Direktur",
        JenisJabatan.STRUKTURAL,
        Jenjang.JPT_PRATAMA,
        "IV/c",
        StatusASN.PNS,
        kecil.pk.unit,
    )
    plan = kecil.with_changes(pegawai=(kepala, *kecil.pegawai))
    alokasi = _dasar(plan)
    # Budi leads both teams: one row for him, naming both
    dua = _ganti_keanggotaan(
        alokasi,
        *[
            Keanggotaan(k.tim, n["Budi"], True)
            if k.tim == "TIM-B" and k.ketua
            else dataclasses.replace(k)
            for k in alokasi.keanggotaan
        ],
        Keanggotaan("TIM-B", n["Dewi"]),
    )
    df = mph_level1(plan, dua)
    orang = list(dict.fromkeys(zip(df["nip"], df["peran"], strict=True)))
    assert orang[0] == (kepala.nip, "Pimpinan Unit")
    assert orang[1] == (n["Budi"], "Ketua Tim Perencanaan; Ketua Tim Data")
    assert [nip for nip, _ in orang].count(n["Budi"]) == 1
    head = df[df["nip"] == kepala.nip]
    assert list(head["hasil"]) == [t.target for t in kecil.targets().values()]
    m = mph_matriks(df, kosong="–", kelompok="uraian_sasaran")
    assert m.columns.names == ["uraian_sasaran", "indikator"]
    assert m.columns[0][0] == kecil.sasaran[0].name
    assert "–" in set(m.to_numpy().ravel())


def test_mph_matriks_level1(kecil, n):
    m = mph_matriks(mph_level1(kecil, _dasar(kecil)))
    assert list(m.columns) == ["IK-1", "IK-2", "TT-1"]
    assert list(m.index.get_level_values("nip")) == [n["Budi"], n["Dewi"], n["Sari"]]
    assert m.loc[n["Budi"]].iloc[0]["IK-2"] == ""
    assert m.loc[n["Sari"]].iloc[0]["TT-1"] == "Tersusunnya laporan kinerja unit"
    assert m.index.names == ["nip", "nama", "jabatan", "peran"]
    marked = mph_matriks(mph_level1(kecil, _dasar(kecil)), kosong="–")
    assert marked.loc[n["Budi"]].iloc[0]["IK-2"] == "–"


def test_mph_level1_keeps_empty_ketua_and_empty_columns(kecil, n):
    # nobody works TIM-B's activities: Dewi still leads it; IK-2 still a column
    alokasi = _dasar(kecil, rina_k3=None, andi_k3=None, eko_k4=None)
    df = mph_level1(kecil, alokasi)
    dewi = df[df["nip"] == n["Dewi"]]
    assert len(dewi) == 1
    assert pd.isna(dewi.iloc[0]["indikator"])
    assert pd.isna(dewi.iloc[0]["hasil"])
    m = mph_matriks(df)
    assert list(m.columns) == ["IK-1", "IK-2", "TT-1"]
    assert (m["IK-2"] == "").all()
    assert list(m.loc[n["Dewi"]].iloc[0]) == ["", "", ""]


# ---- MPH level 2 -------------------------------------------------------------------------------
def test_mph_level2_rows_per_team(kecil, n):
    df = mph_level2(kecil, _dasar(kecil))
    assert list(df.columns) == list(KOLOM_MPH2)
    tim_a = df[df["tim"] == "TIM-A"]
    # issue 11: the Ketua is a column (their result), not a row; one row per member × target
    assert list(zip(tim_a["nip"], tim_a["peran"], tim_a["kegiatan"], strict=True)) == [
        (n["Sari"], "Anggota", "K-1"),
        (n["Dewi"], "Anggota", "K-1"),
        (n["Rina"], "Anggota", "K-2"),
    ]
    ketua = _baris(mph_level1(kecil, _dasar(kecil)), nip=n["Budi"], indikator="IK-1").hasil
    assert set(tim_a["hasil_ketua"]) == {ketua}
    rina = _baris(tim_a, nip=n["Rina"])  # pendukung: worked, but no number
    assert rina.hasil == "Terverifikasinya rencana kebutuhan pegawai"
    assert rina.jenis_kontribusi == "pendukung"
    assert pd.isna(rina.satuan)
    assert math.isnan(rina.porsi)
    sari = _baris(tim_a, nip=n["Sari"])
    assert sari.hasil == "Tersusunnya rencana kebutuhan pegawai"  # no "1 Dokumen" inside
    assert (sari.jam, sari.porsi, sari.satuan) == (200.0, 1.0, "Dokumen")
    assert sari.porsi_mentah == pytest.approx(4 / 3)
    tim_b = df[df["tim"] == "TIM-B"]
    assert list(tim_b["nip"]) == [n["Andi"], n["Rina"], n["Eko"]]
    assert set(tim_b["jenis_kontribusi"]) == {"pendukung"}
    assert n["Sari"] not in set(tim_b["nip"])


def test_mph_level2_several_activities_one_result_with_a_note(kecil, n):
    # Rina also works K-1 (100 jam) beside K-2 (200 jam): one result, K-2's, and a note
    alokasi = _dasar(kecil)
    ditambah = Alokasi(
        (*alokasi.penugasan, Penugasan(n["Rina"], "K-1", PER, AP, 100, 0.25)),
        alokasi.keanggotaan,
    )
    df = mph_level2(kecil, ditambah)
    rina = _baris(df[df["tim"] == "TIM-A"], nip=n["Rina"])
    assert rina.hasil == "Terverifikasinya rencana kebutuhan pegawai"
    assert rina.kegiatan == "K-1, K-2"
    assert "K-1, K-2" in rina.catatan and "lembar Kegiatan" in rina.catatan
    r = rhk(kecil, ditambah)
    no = _baris(r, nip=n["Rina"], indikator="IK-1").no
    i = iki(kecil, ditambah)
    assert len(i[(i["nip"] == n["Rina"]) & (i["no"] == no)]) == 2  # one IKI per activity


def test_mph_matriks_level2_by_ketua_result(kecil, n):
    df = mph_level2(kecil, _dasar(kecil))
    m = mph_matriks(df[df["tim"] == "TIM-A"], kolom="hasil_ketua")
    assert m.shape == (3, 1)
    assert list(m.index.get_level_values("nip")) == [n["Sari"], n["Dewi"], n["Rina"]]
    assert m.loc[n["Rina"]].iloc[0, 0] == "Terverifikasinya rencana kebutuhan pegawai"
    assert not any("; " in v for v in m.to_numpy().ravel())


def test_mph_level2_without_ketua_has_no_parent(kecil, n):
    alokasi = _dasar(kecil)
    tanpa = _ganti_keanggotaan(
        alokasi, *[dataclasses.replace(k, ketua=False) for k in alokasi.keanggotaan]
    )
    df = mph_level2(kecil, tanpa)
    assert df["hasil_ketua"].isna().all()
    assert set(df["peran"]) == {"Anggota"}
    assert mph_level1(kecil, tanpa)["peran"].tolist() == ["Mandiri"]


# ---- RHK ---------------------------------------------------------------------------------------
def test_rhk_parent_links(kecil, n):
    df = rhk(kecil, _dasar(kecil))
    assert list(df.columns) == list(KOLOM_RHK)
    level1 = mph_level1(kecil, _dasar(kecil))
    anggota = df[df["peran"] == "Anggota"]
    pemimpin = df[df["peran"] != "Anggota"]
    # one RHK per level 1 cell and per member × team × target
    assert len(pemimpin) == len(level1)
    assert len(anggota) == 6  # Sari, Dewi, Rina in TIM-A; Andi, Rina, Eko in TIM-B
    for row in anggota.itertuples():
        ketua = pemimpin[(pemimpin["tim"] == row.tim) & (pemimpin["indikator"] == row.indikator)]
        assert row.rhk_pimpinan in set(ketua["rhk"]), row
        assert row.nip_pimpinan in set(ketua["nip"]), row
    # issue 11 (finding 5): the unit head's RHK is the sasaran, not the PK indicator
    sasaran = {s.code: s.name for s in kecil.sasaran}
    for row in pemimpin[pemimpin["jenis"] == "Utama"].itertuples():
        assert row.rhk_pimpinan == sasaran[kecil.targets()[row.indikator].sasaran]
    budi = _baris(df, nip=n["Budi"])
    # K-2 (pendukung, ends in December) still sets the due month
    assert (budi.jenis, budi.no, budi.bulan_jatuh_tempo, budi.sumber) == (
        "Utama",
        1,
        12,
        "otomatis",
    )
    rina_ik1 = _baris(df, nip=n["Rina"], indikator="IK-1")
    assert rina_ik1.jenis_kontribusi == "pendukung"
    assert rina_ik1.rhk == "Terverifikasinya rencana kebutuhan pegawai"
    assert rina_ik1.rhk_pimpinan == budi.rhk
    sari = df[df["nip"] == n["Sari"]]
    assert list(sari["jenis"]) == ["Utama", "Tambahan"]
    assert list(sari["no"]) == [1, 2]
    assert _baris(sari, indikator="IK-1").bulan_jatuh_tempo == 6  # K-1 ends in June
    eko = _baris(df, nip=n["Eko"])
    assert eko.rhk == "Terintegrasinya data kepegawaian"
    assert eko.bulan_jatuh_tempo == 8
    assert list(df["nip"]) == sorted(
        df["nip"], key=[p.nip for p in kecil.pegawai].index
    )  # Pegawai order


def test_iki_targets_are_numbers_with_units(kecil, n):
    r = rhk(kecil, _dasar(kecil))
    i = iki(kecil, _dasar(kecil))
    assert list(i.columns) == ["nip", "no", "aspek", "iki", "target", "nilai", "satuan"]
    # every RHK has at least one IKI, and every IKI belongs to an RHK
    assert set(zip(r["nip"], r["no"], strict=True)) == set(zip(i["nip"], i["no"], strict=True))
    for t in i.itertuples():
        parsed = parse_target(t.target)
        assert (parsed.nilai, parsed.satuan) == (t.nilai, t.satuan), t
        assert "mendukung" not in t.target
    budi = i[i["nip"] == n["Budi"]]
    # the Ketua holds the whole IK-1 target: the PK indicator with the PK target
    assert list(zip(budi["iki"], budi["target"], strict=True)) == [
        ("Jumlah dokumen rencana kebutuhan pegawai", "4 Dokumen")
    ]
    dewi = i[(i["nip"] == n["Dewi"]) & (i["no"] == 2)]  # Ketua of the Posisi target IK-2
    assert list(dewi["target"]) == ["90 %"]
    sari = i[(i["nip"] == n["Sari"]) & (i["no"] == 1)]  # her 1 of K-1's 4 Dokumen
    assert list(zip(sari["iki"], sari["target"], strict=True)) == [
        ("Jumlah dokumen rencana kebutuhan pegawai yang tersusun", "1 Dokumen")
    ]
    eko = i[i["nip"] == n["Eko"]]  # pendukung: the output supported, not a sentence
    assert list(eko["target"]) == ["2 Modul"]
    assert eko.iloc[0]["iki"].endswith("yang didukung hingga terintegrasi")


def test_rhk_bukti_dukung_joined(kecil, n):
    bukti = {"K-1": "Dokumen rencana", "K-2": "Berita acara verifikasi"}
    kegiatan = tuple(dataclasses.replace(k, bukti_dukung=bukti.get(k.code)) for k in kecil.kegiatan)
    df = rhk(kecil.with_changes(kegiatan=kegiatan), _dasar(kecil))
    assert _baris(df, nip=n["Budi"]).bukti_dukung == "Dokumen rencana; Berita acara verifikasi"
    assert _baris(df, nip=n["Sari"], indikator="IK-1").bukti_dukung == "Dokumen rencana"
    assert pd.isna(_baris(df, nip=n["Eko"]).bukti_dukung)


def test_rhk_duplicates_in_a_team_carry_a_warning(kecil, n):
    df = rhk(kecil, _dasar(kecil))
    # Sari and Dewi both draw up K-1's documents in TIM-A
    for nama in ("Sari", "Dewi"):
        row = _baris(df, nip=n[nama], indikator="IK-1")
        assert row.catatan is not None and row.catatan.startswith("RHK sama dengan"), row
    temuan = periksa_mph(kecil, _dasar(kecil))
    ganda = temuan[temuan["jenis"] == "RHK ganda"]
    assert {n["Sari"], n["Dewi"]} <= set(ganda["nip"])
    # a written result for one of them is used as written and the warning goes
    kegiatan = tuple(
        dataclasses.replace(k, hasil="Tersusunnya rancangan rencana kebutuhan pegawai")
        if k.code == "K-1"
        else k
        for k in kecil.kegiatan
    )
    ditulis = rhk(kecil.with_changes(kegiatan=kegiatan), _dasar(kecil))
    sari = _baris(ditulis, nip=n["Sari"], indikator="IK-1")
    assert (sari.rhk, sari.sumber) == (
        "Tersusunnya rancangan rencana kebutuhan pegawai",
        "perencana",
    )


def test_rhk_without_needed_ketua_is_broken_and_without_needed_none_is_direct(kecil, n):
    alokasi = _dasar(kecil)
    tanpa_b = _ganti_keanggotaan(
        alokasi,
        *[
            dataclasses.replace(k, ketua=False) if k.tim == "TIM-B" else k
            for k in alokasi.keanggotaan
        ],
    )
    df = rhk(kecil, tanpa_b)
    assert df.loc[df["tim"] == "TIM-B", "rhk_pimpinan"].isna().all()
    assert df.loc[df["tim"] == "TIM-B", "nip_pimpinan"].isna().all()
    temuan = periksa_mph(kecil, tanpa_b)
    assert {"RHK pimpinan tidak ada", "Target tanpa pemegang level 1"} <= set(temuan["jenis"])
    strategi = tuple(
        dataclasses.replace(s, perlu_ketua=False) if s.indikator == "IK-2" else s
        for s in kecil.strategi
    )
    plan = kecil.with_changes(strategi=strategi)
    df = rhk(plan, tanpa_b)
    tim_b = df[df["tim"] == "TIM-B"]
    # a team without a Ketua by strategy answers to the unit head: its sasaran, at level 1
    sasaran = {s.code: s.name for s in kecil.sasaran}
    assert set(tim_b["rhk_pimpinan"]) == {sasaran[kecil.targets()["IK-2"].sasaran]}
    level1 = mph_level1(plan, tanpa_b)
    assert "IK-2" in set(level1["indikator"].dropna().astype(str))
    assert "Target tanpa pemegang level 1" not in set(periksa_mph(plan, tanpa_b)["jenis"])


# ---- cascade -----------------------------------------------------------------------------------
def _status(plan: Rencana, alokasi: Alokasi) -> dict[str, str]:
    df = cascade(plan, alokasi)
    return dict(zip(df["indikator"], df["status"], strict=True))


def test_cascade_dasar(kecil):
    df = cascade(kecil, _dasar(kecil))
    assert list(df.columns) == list(KOLOM_CASCADE)
    ik1 = _baris(df, indikator="IK-1")
    # K-1 carries the 4 Dokumen; K-2 only verifies them (pendukung) and adds nothing
    assert (ik1.pola, ik1.target, ik1.satuan, ik1.jumlah_angka) == ("Hitungan", 4, "Dokumen", 4)
    assert (ik1.selisih, ik1.status) == (0.0, "teralokasi penuh")
    assert ik1.pesan == "Jumlah angka 4 Dokumen sama dengan target 4 Dokumen."
    ik2 = _baris(df, indikator="IK-2")
    assert (ik2.pola, ik2.status) == ("Posisi", "teralokasi penuh")
    assert math.isnan(ik2.jumlah_angka)
    assert "Dewi Anggraini" in ik2.pesan
    tt1 = _baris(df, indikator="TT-1")
    assert (tt1.jenis, tt1.jumlah_angka, tt1.selisih, tt1.status) == (
        "Tambahan",
        2.0,
        0.0,
        "teralokasi penuh",
    )


def _separuh(n: dict[str, str]) -> dict[str, Penugasan]:
    """Half of each IK-1 activity's effort lines (the other half left to nobody)."""
    return {
        "budi_k1": Penugasan(n["Budi"], "K-1", PER, AP, 100, 0.25),
        "sari_k1": Penugasan(n["Sari"], "K-1", PER, AP, 100, 0.25),
        "dewi_k1": Penugasan(n["Dewi"], "K-1", ASDM, None, 100, 0.5),
        "budi_k2": Penugasan(n["Budi"], "K-2", PER, AM, 100, 0.5),
        "rina_k2": Penugasan(n["Rina"], "K-2", PLO, None, 100, 0.5),
    }


def test_cascade_teralokasi_penuh_for_additive_split_over_two_activities(kecil, n):
    # a variant where both IK-1 activities carry the number: 2 Dokumen per semester
    plan = _pembawa(kecil, {"K-1": 2, "K-2": 2})
    ik1 = _baris(cascade(plan, _dasar(plan)), indikator="IK-1")
    assert (ik1.jumlah_angka, ik1.selisih, ik1.status) == (
        pytest.approx(4.0),
        pytest.approx(0.0),
        "teralokasi penuh",
    )
    kontrib = kontribusi(plan, _dasar(plan))
    per_kegiatan = kontrib[kontrib["indikator"] == "IK-1"].groupby("kegiatan")["porsi"].sum()
    assert per_kegiatan.to_dict() == {"K-1": 2.0, "K-2": 2.0}
    # half of each activity carries half of each number: 1 + 1 = 2 of 4 Dokumen
    ik1 = _baris(cascade(plan, _dasar(plan, **_separuh(n))), indikator="IK-1")
    assert (ik1.jumlah_angka, ik1.status) == (pytest.approx(2.0), "kurang")
    # the old double-count plan (4 + 4 Dokumen) half covered also gives 2 + 2 = 4
    ganda = _pembawa(kecil, {"K-2": 4})
    ik1 = _baris(cascade(ganda, _dasar(ganda, **_separuh(n))), indikator="IK-1")
    assert (ik1.jumlah_angka, ik1.status) == (pytest.approx(4.0), "teralokasi penuh")


def test_cascade_lebih_when_a_supporting_step_counts_as_carrier(kecil):
    # K-2 marked as a carrier: the verified 4 Dokumen are counted a second time
    plan = _pembawa(kecil, {"K-2": 4})
    ik1 = _baris(cascade(plan, _dasar(plan)), indikator="IK-1")
    assert (ik1.jumlah_angka, ik1.selisih, ik1.status) == (8.0, 4.0, "lebih")
    assert "melebihi target 4 Dokumen sebesar 4" in ik1.pesan
    assert "Pembawa angka: Tidak" in ik1.pesan  # how to fix it
    # the sample itself marks K-2 pendukung, so nothing is counted twice
    assert _status(kecil, _dasar(kecil))["IK-1"] == "teralokasi penuh"


def test_cascade_kurang(kecil, n):
    alokasi = _dasar(kecil, sari_k5=Penugasan(n["Sari"], "K-5", PER, None, 100, 0.5))
    tt1 = _baris(cascade(kecil, alokasi), indikator="TT-1")
    assert (tt1.jumlah_angka, tt1.selisih, tt1.status) == (1.0, -1.0, "kurang")
    assert "kurang 1 dari target 2 Laporan" in tt1.pesan


def test_cascade_ganda_two_ketua(kecil, n):
    alokasi = _dasar(kecil)
    dua = _ganti_keanggotaan(
        alokasi,
        *[
            dataclasses.replace(k, ketua=True) if (k.tim, k.nip) == ("TIM-A", n["Sari"]) else k
            for k in alokasi.keanggotaan
        ],
    )
    df = cascade(kecil, dua)
    ik1 = _baris(df, indikator="IK-1")
    assert ik1.status == "ganda"
    assert "punya 2 Ketua Tim" in ik1.pesan
    assert ik1.jumlah_angka == 4.0  # the shares themselves are not doubled …
    assert "sama dengan target 4 Dokumen" in ik1.pesan  # … and the lesser finding is explained
    assert len(mph_level1(kecil, dua).query("indikator == 'IK-1'")) == 2
    # ganda outranks lebih, which is still explained
    plan = _pembawa(kecil, {"K-2": 4})
    ik1 = _baris(cascade(plan, dua), indikator="IK-1")
    assert ik1.status == "ganda"
    assert "melebihi target 4 Dokumen sebesar 4" in ik1.pesan


def test_cascade_ganda_porsi_above_one(kecil, n):
    alokasi = _dasar(kecil, budi_k5=Penugasan(n["Budi"], "K-5", PER, None, 100, 0.5))
    tt1 = _baris(cascade(kecil, alokasi), indikator="TT-1")
    assert tt1.status == "ganda"
    assert "berjumlah 1,5" in tt1.pesan
    assert tt1.jumlah_angka == 3.0


def test_cascade_ganda_non_additive_target_split(kecil, n):
    kegiatan = tuple(
        dataclasses.replace(k, tim=None) if k.indikator == "IK-2" else k for k in kecil.kegiatan
    )
    strategi = tuple(
        Strategi("IK-2", Mode.INDIVIDU) if s.indikator == "IK-2" else s for s in kecil.strategi
    )
    plan = kecil.with_changes(kegiatan=kegiatan, strategi=strategi)
    dua = _dasar(plan, andi_k3=None)  # Rina does K-3, Eko K-4, both mandiri
    ik2 = _baris(cascade(plan, dua), indikator="IK-2")
    assert ik2.status == "ganda"
    assert "tidak boleh dibagi" in ik2.pesan
    assert math.isnan(ik2.jumlah_angka)
    satu = _dasar(plan, andi_k3=None, eko_k4=None)  # Rina alone; K-4 undone
    assert _status(plan, satu)["IK-2"] == "rantai putus"
    rina = dataclasses.replace(
        satu, penugasan=(*satu.penugasan, Penugasan(n["Rina"], "K-4", PRAKOM, AP, 10, 1.0))
    )
    assert _status(plan, rina)["IK-2"] == "teralokasi penuh"


def test_cascade_tanpa_pembawa_angka(kecil):
    kegiatan = tuple(
        dataclasses.replace(k, satuan="Dokumen") if k.code == "K-5" else k for k in kecil.kegiatan
    )
    df = cascade(kecil.with_changes(kegiatan=kegiatan), _dasar(kecil))
    tt1 = _baris(df, indikator="TT-1")
    assert (tt1.status, tt1.jumlah_angka) == ("tanpa pembawa angka", 0.0)
    assert "bersatuan 'Laporan'" in tt1.pesan


def test_cascade_tanpa_pembawa_angka_when_every_carrier_is_pendukung(kecil):
    kegiatan = tuple(
        dataclasses.replace(k, angka=False) if k.code == "K-1" else k for k in kecil.kegiatan
    )
    ik1 = _baris(cascade(kecil.with_changes(kegiatan=kegiatan), _dasar(kecil)), indikator="IK-1")
    assert (ik1.status, ik1.jumlah_angka) == ("tanpa pembawa angka", 0.0)
    # the unit matches, so the message names the pendukung marking, not the unit
    assert "(K-1, K-2) semuanya ditandai pendukung" in ik1.pesan


def test_cascade_rantai_putus(kecil, n):
    # no one assigned to TT-1's only activity
    assert _status(kecil, _dasar(kecil, sari_k5=None))["TT-1"] == "rantai putus"
    # one of IK-1's activities undone, although the number would be 4 = target
    assert _status(kecil, _dasar(kecil, budi_k2=None, rina_k2=None))["IK-1"] == "rantai putus"
    # TIM-B works without the Ketua its strategy needs
    alokasi = _dasar(kecil)
    tanpa_b = _ganti_keanggotaan(
        alokasi,
        *[
            dataclasses.replace(k, ketua=False) if k.tim == "TIM-B" else k
            for k in alokasi.keanggotaan
        ],
    )
    ik2 = _baris(cascade(kecil, tanpa_b), indikator="IK-2")
    assert ik2.status == "rantai putus"
    assert "belum punya Ketua Tim" in ik2.pesan
    # … which is fine when the strategy needs none
    strategi = tuple(
        dataclasses.replace(s, perlu_ketua=False) if s.indikator == "IK-2" else s
        for s in kecil.strategi
    )
    assert _status(kecil.with_changes(strategi=strategi), tanpa_b)["IK-2"] == "teralokasi penuh"
    # an indicator without any activity
    plan = kecil.with_changes(
        kegiatan=tuple(k for k in kecil.kegiatan if k.code != "K-5"),
        beban=tuple(b for b in kecil.beban if b.kegiatan != "K-5"),
        anggaran=tuple(a for a in kecil.anggaran if a.kegiatan != "K-5"),
    )
    tt1 = _baris(cascade(plan, _dasar(plan, sari_k5=None)), indikator="TT-1")
    assert (tt1.status, tt1.pesan) == (
        "rantai putus",
        "TT-1 belum punya kegiatan; targetnya tidak dikerjakan.",
    )


def test_cascade_statuses_are_the_documented_ones():
    assert STATUS == (
        "rantai putus",
        "ganda",
        "tanpa pembawa angka",
        "lebih",
        "kurang",
        "teralokasi penuh",
    )


# ---- property: angka shares add up to the covered volumes ------------------------------------
@st.composite
def alokasi_acak(draw, plan: Rencana) -> tuple[Alokasi, set[str]]:
    """Cover a random subset of activities fully (every effort line's porsi sums to 1)."""
    nips = [p.nip for p in plan.pegawai]
    penugasan: list[Penugasan] = []
    anggota: dict[str, list[str]] = {}
    tertutup: set[str] = set()
    for k in plan.kegiatan:
        if not draw(st.booleans()):
            continue
        tertutup.add(k.code)
        for b in (b for b in plan.beban if b.kegiatan == k.code):
            orang = draw(st.lists(st.sampled_from(nips), min_size=1, max_size=3, unique=True))
            bobot = draw(st.lists(st.integers(1, 7), min_size=len(orang), max_size=len(orang)))
            for nip, w in zip(orang, bobot, strict=True):
                jam = b.jam * w / sum(bobot)
                penugasan.append(
                    Penugasan(nip, k.code, b.jabatan, b.jenjang_min, jam, w / sum(bobot))
                )
                if k.tim is not None:
                    anggota.setdefault(k.tim, [])
                    if nip not in anggota[k.tim]:
                        anggota[k.tim].append(nip)
    keanggotaan = []
    for tim, orang in anggota.items():
        ketua = draw(st.sampled_from([None, *orang]))
        keanggotaan += [Keanggotaan(tim, nip, nip == ketua) for nip in orang]
    return Alokasi(tuple(penugasan), tuple(keanggotaan)), tertutup


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_angka_shares_sum_to_covered_volumes(kecil, data):
    # the sample (K-2 pendukung) or a variant where K-1 and K-2 carry 2 Dokumen each
    plan = data.draw(st.sampled_from([kecil, _pembawa(kecil, {"K-1": 2, "K-2": 2})]))
    alokasi, tertutup = data.draw(alokasi_acak(plan))
    kontrib = kontribusi(plan, alokasi)
    angka = kontrib[kontrib["jenis_kontribusi"] == "angka"]
    status = cascade(plan, alokasi).set_index("indikator")
    for kode in ("IK-1", "TT-1"):
        satuan = plan.targets()[kode].satuan.casefold()
        pembawa = [
            k
            for k in plan.kegiatan
            if k.indikator == kode and k.angka and k.satuan.casefold() == satuan
        ]
        volume = sum(k.volume for k in pembawa if k.code in tertutup)
        mine = angka[angka["indikator"] == kode]
        assert set(mine["kegiatan"]) == {k.code for k in pembawa} & tertutup
        assert mine["porsi_mentah"].sum() == pytest.approx(volume)
        assert mine["porsi"].sum() == volume  # rounded shares still sum exactly
        assert status.loc[kode, "jumlah_angka"] == pytest.approx(volume)
        if {k.code for k in plan.kegiatan if k.indikator == kode} <= tertutup:
            # every activity fully covered: the carriers' shares make the whole target
            assert volume == plan.targets()[kode].parsed_target.nilai
            assert status.loc[kode, "status"] not in {"lebih", "kurang", "tanpa pembawa angka"}
            assert "sama dengan target" in status.loc[kode, "pesan"]
    pendukung = kontrib[kontrib["kegiatan"].isin({k.code for k in plan.kegiatan if not k.angka})]
    assert set(pendukung["jenis_kontribusi"]) <= {"pendukung"}
    assert pendukung["porsi"].isna().all()
    assert kontrib.loc[kontrib["indikator"] == "IK-2", "porsi"].isna().all()
    assert set(status["status"]) <= set(STATUS)


# ---- the sample unit with a simple greedy allocation ------------------------------------------
def _serakah(plan: Rencana) -> Alokasi:
    """Give each effort line to one person of its jabatan (round robin), whole porsi."""
    pegawai = sorted(plan.pegawai, key=lambda p: plan.asal(p).rank)
    giliran: dict[str, int] = {}
    penugasan, anggota = [], {}
    for b in plan.beban:
        cocok = [
            p
            for p in pegawai
            if p.jabatan == b.jabatan
            and (b.jenjang_min is None or p.jenjang.at_least(b.jenjang_min))
        ]
        p = cocok[giliran.get(b.jabatan, 0) % len(cocok)]
        giliran[b.jabatan] = giliran.get(b.jabatan, 0) + 1
        penugasan.append(
            Penugasan(
                p.nip, b.kegiatan, b.jabatan, b.jenjang_min, b.jam, 1.0, b.jam * p.hourly_cost
            )
        )
        tim = next(k.tim for k in plan.kegiatan if k.code == b.kegiatan)
        if tim is not None:
            anggota.setdefault(tim, {})[p.nip] = p
    perlu = plan.tim_perlu_ketua()
    keanggotaan = []
    for tim, orang in anggota.items():
        layak = [p.nip for p in orang.values() if p.jenjang in plan.kebijakan.ketua_jenjang]
        ketua = layak[0] if perlu[tim] and layak else None
        keanggotaan += [Keanggotaan(tim, nip, nip == ketua) for nip in orang]
    return Alokasi(tuple(penugasan), tuple(keanggotaan))


def test_sample_unit_end_to_end():
    plan = contoh.load("unit")
    alokasi = _serakah(plan)
    assert periksa_alokasi(plan, alokasi) == []
    beban = beban_pegawai(plan, alokasi)
    assert len(beban) == len(plan.pegawai)
    assert beban["jam_tugas"].sum() == pytest.approx(sum(plan.jam_kegiatan().values()))
    pagu = anggaran_pagu(plan, alokasi)
    assert len(pagu) == len(plan.pagu) + 1
    assert _baris(pagu, level="Unit").belanja == pytest.approx(sum(plan.biaya_kegiatan().values()))
    assert _baris(pagu, level="Unit").pagu == plan.pagu_total
    ro = pagu[pagu["level"] == "RO"]
    assert ro["belanja"].sum() == pytest.approx(sum(plan.biaya_kegiatan().values()))
    satu = mph_level1(plan, alokasi)
    # issue 11: the unit head's row, and the members of a team without a Ketua by strategy
    peran = {bagian for p in satu["peran"] for bagian in p.split("; ")}
    tanpa_ketua = {f"Anggota {t.name}" for t in plan.tim if not plan.tim_perlu_ketua()[t.code]}
    assert peran - {"Mandiri", "Pimpinan Unit"} - tanpa_ketua == {
        ketua_tim(t.name) for t in plan.tim if plan.tim_perlu_ketua()[t.code]
    }
    assert tanpa_ketua <= peran
    assert not satu["hasil"].str.startswith("Hasil ").any()
    m = mph_matriks(satu)
    assert list(m.columns) == list(plan.targets())
    draf = rhk(plan, alokasi)
    assert draf["rhk_pimpinan"].notna().all()
    cek = cascade(plan, alokasi)
    assert list(cek["indikator"]) == list(plan.targets())
    status = dict(zip(cek["indikator"], cek["status"], strict=True))
    assert status["IK-5.2"] == "teralokasi penuh"  # 12 + 5 + 3 Laporan = 20 Laporan
    assert status["IK-1.1"] == "teralokasi penuh"  # Posisi, carried by the Ketua
    # the analysis (K-05, pendukung) no longer counts the recommendation's 24 Dokumen again
    assert status["IK-1.2"] == "teralokasi penuh"
    # every line is fully given and the unit's carriers add up to its additive targets
    aditif = cek[cek["pola"] == "Hitungan"]
    assert len(aditif) >= 8
    assert set(aditif["status"]) == {"teralokasi penuh"}
    assert (aditif["selisih"].abs() < 1e-9).all()
    # the supporting steps are worked but carry no number
    pendukung = {k.code for k in plan.kegiatan if not k.angka}
    assert pendukung == {"K-05", "K-10", "K-17", "K-28", "K-41"}
    kontrib = kontribusi(plan, alokasi)
    dukung = kontrib[kontrib["kegiatan"].isin(pendukung)]
    assert set(dukung["kegiatan"]) == pendukung
    assert set(dukung["jenis_kontribusi"]) == {"pendukung"}
    assert dukung["porsi"].isna().all()
