"""Result language (issue 11, finding 9): no "Hasil …" fallback, no number inside a noun
phrase, a result for every PK indicator."""

from __future__ import annotations

import doctest
import re

import pytest

from sistemkerja import contoh
from sistemkerja.analisis import bahasa
from sistemkerja.analisis.bahasa import (
    KATA_HASIL,
    KATA_KELUARAN,
    bahasa_hasil,
    hasil_dengan_jumlah,
    hasil_indikator,
    pecah_hasil,
)


def _kegiatan(sampel: str, awal: str):
    """The sample activity whose name starts with ``awal``."""
    (k,) = [k for k in contoh.load(sampel).kegiatan if k.name.startswith(awal)]
    return k


def test_doctests_of_the_module_pass():
    hasil = doctest.testmod(bahasa)
    assert hasil.attempted >= 20
    assert hasil.failed == 0


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        ("Pemberian keterangan ahli", "Terlaksananya pemberian keterangan ahli"),
        (
            "Asistensi penyusunan laporan keuangan",
            "Terlaksananya asistensi penyusunan laporan keuangan",
        ),
        ("Rekrutmen CPNS", "Terlaksananya rekrutmen CPNS"),
        ("Penyelesaian pengaduan masyarakat", "Terselesaikannya pengaduan masyarakat"),
        ("Penyampaian laporan kinerja", "Tersampaikannya laporan kinerja"),
        ("Penyaluran bantuan", "Tersalurkannya bantuan"),
        ("Pembayaran gaji pegawai", "Terbayarkannya gaji pegawai"),
        ("Pencairan dana", "Tercairkannya dana"),
        ("Pengisian jabatan pimpinan tinggi", "Terisinya jabatan pimpinan tinggi"),
        ("Pemenuhan kebutuhan pegawai", "Terpenuhinya kebutuhan pegawai"),
        ("Penempatan pegawai", "Terlaksananya penempatan pegawai"),
        ("Pengarsipan surat masuk", "Terarsipkannya surat masuk"),
        ("Perawatan kendaraan dinas", "Terawatnya kendaraan dinas"),
        ("Pemasangan jaringan", "Terpasangnya jaringan"),
        ("Pendaftaran peserta", "Terdaftarnya peserta"),
        ("Penjadwalan rapat", "Terjadwalnya rapat"),
        ("Penegakan disiplin pegawai", "Tegaknya disiplin pegawai"),
        ("Pemulihan layanan", "Pulihnya layanan"),
        ("Penguatan kapasitas SDM", "Menguatnya kapasitas SDM"),
        ("Pengoordinasian program", "Terkoordinasinya program"),
        ("Pengkoordinasian program", "Terkoordinasinya program"),
        ("Penginputan data SKP", "Terinputnya data SKP"),
        ("Mutasi pegawai", "Terlaksananya mutasi pegawai"),
        ("Pendidikan dan pelatihan", "Terselenggaranya pendidikan dan pelatihan"),
        ("Penyerapan anggaran", "Terserapnya anggaran"),
    ],
)
def test_new_table_words(nama, hasil):
    assert bahasa_hasil(nama) == hasil


def test_table_has_no_unidiomatic_forms():
    bentuk = {v.bentuk for v in KATA_HASIL.values()}
    assert not bentuk & {"terberi", "terberikan", "terasistensi", "terrekrut", "terpromosi"}
    assert all(k == k.casefold() for k in KATA_KELUARAN)


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        # unknown first word: any activity is done ("Terlaksananya"), never "Hasil …"
        ("Kliping berita harian", "Terlaksananya kliping berita harian"),
        ("Ekspose hasil kajian", "Terlaksananya ekspose hasil kajian"),
        # an acronym keeps its case
        ("BMN direktorat", "Terlaksananya BMN direktorat"),
        # an output noun first: drawn up or made available
        ("Laporan kinerja tahunan", "Tersusunnya laporan kinerja tahunan"),
        ("Dokumen perjanjian kinerja", "Tersusunnya dokumen perjanjian kinerja"),
        ("Rancangan peraturan", "Tersusunnya rancangan peraturan"),
        ("SOP pelayanan", "Tersusunnya SOP pelayanan"),
        ("Data kepegawaian", "Tersedianya data kepegawaian"),
        ("Informasi publik", "Tersedianya informasi publik"),
        # already a result phrase: kept, capitalised
        ("tersedianya data pegawai", "Tersedianya data pegawai"),
        ("Meningkatnya kualitas layanan", "Meningkatnya kualitas layanan"),
        ("Terwujudnya tata kelola arsip", "Terwujudnya tata kelola arsip"),
        ("Ditetapkannya standar kompetensi", "Ditetapkannya standar kompetensi"),
        ("Terpantau dan terlaporkannya kinerja", "Terpantau dan terlaporkannya kinerja"),
    ],
)
def test_fallback_is_result_language(nama, hasil):
    assert bahasa_hasil(nama) == hasil


def test_empty_name_gives_a_result_word():
    assert bahasa_hasil("") == "Terlaksananya"
    assert pecah_hasil("   ") == ("Terlaksananya", "")


def test_no_number_inside_a_noun_phrase():
    # today: "Terkembangkannya 480 Orang kompetensi melalui pembelajaran elektronik"
    k = _kegiatan("unit", "Pengembangan kompetensi melalui")
    assert k.satuan == "Orang"
    teks = hasil_dengan_jumlah(k.name, 480, k.satuan)
    assert teks == "Terkembangkannya kompetensi melalui pembelajaran elektronik"
    assert not re.search(r"\d", teks)


@pytest.mark.parametrize(
    ("nama", "jumlah", "satuan", "hasil"),
    [
        # the unit is the head noun of the object: the number belongs
        ("Penyusunan laporan kinerja unit", 2, "Laporan", "Tersusunnya 2 Laporan kinerja unit"),
        ("Pengumpulan data statistik", 4, "Set data", "Terkumpulnya 4 Set data statistik"),
        (
            "Penyusunan dokumen rekomendasi",
            1200,
            "Dokumen",
            "Tersusunnya 1.200 Dokumen rekomendasi",
        ),
        # the unit is not the object: no number
        ("Seleksi peserta", 1200, "Orang", "Terseleksinya peserta"),
        ("Pengadaan barang", 2.5, "Paket", "Terlaksananya pengadaan barang"),
        ("Rapat koordinasi", 3, "Kali", "Terlaksananya rapat koordinasi"),
        ("Penyusunan laporan", 3, None, "Tersusunnya laporan"),
        ("Penyusunan laporan", 3, "", "Tersusunnya laporan"),
    ],
)
def test_hasil_dengan_jumlah_only_where_the_number_belongs(nama, jumlah, satuan, hasil):
    assert hasil_dengan_jumlah(nama, jumlah, satuan) == hasil


@pytest.mark.parametrize("sampel", ["unit", "kecil"])
def test_sample_activities_with_their_unit(sampel):
    for k in contoh.load(sampel).kegiatan:
        teks = hasil_dengan_jumlah(k.name, 480, k.satuan)
        if "480" in teks:
            # the number stands right before the unit, and the unit heads the object
            awalan, sisa = pecah_hasil(k.name)
            assert teks.startswith(f"{awalan} 480 {k.satuan}"), teks
            assert sisa.casefold().startswith(k.satuan.casefold().split()[-1]), teks
        else:
            assert teks == bahasa_hasil(k.name)


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        (
            "Persentase penempatan pegawai sesuai kompetensi",
            "Terwujudnya penempatan pegawai sesuai kompetensi",
        ),
        ("Indeks kepuasan aparatur", "Meningkatnya kepuasan aparatur"),
        ("Jumlah laporan monitoring", "Tersusunnya laporan monitoring"),
        ("Nilai SAKIP unit", "Tercapainya nilai SAKIP unit"),
        ("Opini BPK atas laporan keuangan", "Tercapainya opini BPK atas laporan keuangan"),
        (
            "Persentase penyelesaian hambatan kelancaran pembangunan",
            "Terselesaikannya hambatan kelancaran pembangunan",
        ),
        ("Indeks kualitas kebijakan", "Meningkatnya kualitas kebijakan"),
        ("Kualitas laporan keuangan", "Meningkatnya kualitas laporan keuangan"),
        ("Indeks Reformasi Birokrasi", "Meningkatnya Indeks Reformasi Birokrasi"),
        (
            "Jumlah standar kompetensi jabatan yang ditetapkan",
            "Ditetapkannya standar kompetensi jabatan",
        ),
        (
            "Jumlah laporan keuangan yang disampaikan tepat waktu",
            "Disampaikannya laporan keuangan tepat waktu",
        ),
        ("Persentase data pegawai yang mutakhir", "Tersedianya data pegawai yang mutakhir"),
        ("Persentase realisasi anggaran (%)", "Terealisasinya anggaran"),
        ("Persentase pelayanan yang tepat waktu", "Terwujudnya pelayanan yang tepat waktu"),
        ("Jumlah publikasi statistik", "Terbitnya publikasi statistik"),
        ("Capaian kinerja organisasi", "Tercapainya kinerja organisasi"),
        ("Jumlah temuan BPK", "Menurunnya temuan BPK"),
        ("Tingkat pengangguran terbuka", "Menurunnya pengangguran terbuka"),
        ("Predikat SAKIP", "Tercapainya predikat SAKIP"),
        ("Meningkatnya kualitas layanan", "Meningkatnya kualitas layanan"),
        ("Pengelolaan arsip dinamis", "Terkelolanya arsip dinamis"),
    ],
)
def test_hasil_indikator(nama, hasil):
    assert hasil_indikator(nama) == hasil


def _nama_sampel() -> list[str]:
    nama: list[str] = []
    for sampel in ("unit", "kecil"):
        plan = contoh.load(sampel)
        nama += [i.name for i in plan.indikator]
        nama += [t.name for t in plan.tugas_tambahan]
        nama += [k.name for k in plan.kegiatan]
    return nama


_KATA_AWAL = re.compile(
    r"^(Ter\w+nya|Di\w+nya|Meningkatnya|Menurunnya|Menguatnya|Tegaknya|Pulihnya"
    r"|\w+ dan \w+nya)\b"
)


@pytest.mark.parametrize("fungsi", [hasil_indikator, bahasa_hasil])
def test_every_sample_name_reads_as_a_result(fungsi):
    nama = _nama_sampel()
    assert len(nama) > 50
    for n in nama:
        teks = fungsi(n)
        assert not teks.startswith("Hasil"), (n, teks)
        assert teks[0].isupper(), (n, teks)
        assert not re.search(r"\d\s*\S*$", teks), (n, teks)
        assert "nya nya" not in teks and "nyanya" not in teks, (n, teks)
        assert "%" not in teks, (n, teks)
        assert _KATA_AWAL.match(teks), (n, teks)
        assert teks != n, (n, teks)


def test_sample_indicators_are_not_the_generic_fallback_where_a_rule_fits():
    plan = contoh.load("unit")
    hasil = {i.code: hasil_indikator(i.name) for i in plan.indikator}
    assert hasil["IK-1.2"] == "Tersusunnya dokumen rekomendasi kebutuhan formasi ASN"
    assert hasil["IK-2.2"] == "Meningkatnya kualitas kebijakan pengembangan kompetensi ASN"
    assert hasil["IK-2.3"] == "Ditetapkannya standar kompetensi jabatan"
    assert hasil["IK-3.1"] == "Tersedianya data SDM aparatur yang mutakhir dan terintegrasi"
    assert hasil["IK-3.2"] == "Terbitnya publikasi statistik SDM aparatur"
    assert hasil["IK-4.2"].startswith("Meningkatnya kepuasan instansi")
    assert hasil["IK-5.2"] == "Disampaikannya laporan kinerja dan keuangan tepat waktu"
