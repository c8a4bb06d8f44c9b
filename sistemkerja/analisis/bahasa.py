"""Bahasa hasil: turning an activity name into a result phrase.

An MPH cell and an RHK state a *result*, not an activity: "Penyusunan laporan X"
(drawing up report X) becomes "Tersusunnya laporan X" (report X drawn up). The
first word of the activity name (a nominalised verb) is looked up in :data:`KATA_HASIL`;
the rest of the name keeps its case.
"""

from __future__ import annotations

from typing import NamedTuple

from sistemkerja.domain.angka import format_angka


class KataHasil(NamedTuple):
    """How one activity noun turns into a result.

    Parameters
    ----------
    bentuk : str
        Result form without the ``-nya`` suffix, lower case (``"tersusun"``).
    pertahankan : bool
        Whether the activity noun stays as the object of the result
        ("Pengadaan barang" → "Terlaksananya pengadaan barang").
    """

    bentuk: str
    pertahankan: bool = False


def _k(bentuk: str) -> KataHasil:
    return KataHasil(bentuk)


def _tetap(bentuk: str) -> KataHasil:
    return KataHasil(bentuk, pertahankan=True)


KATA_HASIL: dict[str, KataHasil] = {
    # the nouns of the sample plans and the most common activity verbs in PK/RHK practice
    "administrasi": _tetap("terselenggara"),
    "analisa": _k("teranalisis"),
    "analisis": _k("teranalisis"),
    "audit": _tetap("terlaksana"),
    "bimbingan": _tetap("terlaksana"),
    "bimtek": _tetap("terlaksana"),
    "digitalisasi": _k("terdigitalisasi"),
    "diseminasi": _k("terdiseminasikan"),
    "diskusi": _tetap("terlaksana"),
    "dokumentasi": _k("terdokumentasi"),
    "evaluasi": _k("terevaluasi"),
    "fasilitasi": _k("terfasilitasi"),
    "harmonisasi": _k("terharmonisasi"),
    "identifikasi": _k("teridentifikasi"),
    "implementasi": _k("terimplementasi"),
    "integrasi": _k("terintegrasi"),
    "inventarisasi": _k("terinventarisasi"),
    "kajian": _tetap("tersusun"),
    "klasifikasi": _k("terklasifikasi"),
    "konsultasi": _tetap("terlaksana"),
    "koordinasi": _k("terkoordinasi"),
    "kunjungan": _tetap("terlaksana"),
    "layanan": _tetap("terselenggara"),
    "lokakarya": _tetap("terselenggara"),
    "monitoring": _k("terpantau"),
    "optimalisasi": _k("teroptimalkan"),
    "pelaksanaan": _k("terlaksana"),
    "pelaporan": _k("terlaporkan"),
    "pelatihan": _tetap("terselenggara"),
    "pelayanan": _k("terlayani"),
    "pemantauan": _k("terpantau"),
    "pemanggilan": _k("terpanggil"),
    "pembangunan": _k("terbangun"),
    "pembaruan": _k("diperbarui"),
    "pembinaan": _k("terbina"),
    "pembuatan": _k("tersedia"),
    "pemeliharaan": _k("terpelihara"),
    "pemeriksaan": _k("terperiksa"),
    "pemetaan": _k("terpetakan"),
    "pemindahan": _k("terpindahkan"),
    "pemrosesan": _k("terproses"),
    "pemutakhiran": _k("termutakhirkan"),
    "penanganan": _k("tertangani"),
    "penataan": _k("tertata"),
    "penatausahaan": _k("tertatausahakan"),
    "pencetakan": _k("tercetak"),
    "pendampingan": _k("terdampingi"),
    "pendataan": _k("terdata"),
    "penelaahan": _k("tertelaah"),
    "penerapan": _k("diterapkan"),
    "penerbitan": _k("terbit"),
    "penetapan": _k("ditetapkan"),
    "pengadaan": _tetap("terlaksana"),
    "pengawasan": _k("terawasi"),
    "pengelolaan": _k("terkelola"),
    "pengembangan": _k("terkembangkan"),
    "pengendalian": _k("terkendali"),
    "penghitungan": _k("terhitung"),
    "pengiriman": _k("terkirim"),
    "pengkajian": _k("terkaji"),
    "pengolahan": _k("terolah"),
    "pengujian": _k("teruji"),
    "pengukuran": _k("terukur"),
    "pengumpulan": _k("terkumpul"),
    "peningkatan": _k("meningkat"),
    "penilaian": _tetap("terlaksana"),
    "penyebarluasan": _k("tersebarluaskan"),
    "penyediaan": _k("tersedia"),
    "penyelenggaraan": _k("terselenggara"),
    "penyempurnaan": _k("tersempurnakan"),
    "penyiapan": _k("tersiapkan"),
    "penyusunan": _k("tersusun"),
    "perencanaan": _k("terencana"),
    "perhitungan": _k("terhitung"),
    "pertanggungjawaban": _k("dipertanggungjawabkan"),
    "perumusan": _k("terumuskan"),
    "publikasi": _k("terpublikasikan"),
    "rapat": _tetap("terlaksana"),
    "rekapitulasi": _k("terekapitulasi"),
    "rekonsiliasi": _k("terekonsiliasi"),
    "reviu": _tetap("terlaksana"),
    "seleksi": _k("terseleksi"),
    "seminar": _tetap("terselenggara"),
    "sosialisasi": _k("tersosialisasikan"),
    "standardisasi": _k("terstandardisasi"),
    "survei": _tetap("terlaksana"),
    "validasi": _k("tervalidasi"),
    "verifikasi": _k("terverifikasi"),
}
"""Activity noun (lower case) → result form; the one table behind :func:`bahasa_hasil`."""

_AWALAN_TIDAK_DIKENAL = "Hasil"


def _kapital(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def _kecil(teks: str) -> str:
    return teks[:1].lower() + teks[1:]


def pecah_hasil(nama_kegiatan: str) -> tuple[str, str]:
    """Split the result phrase of an activity into its result verb and its object.

    Parameters
    ----------
    nama_kegiatan : str
        Activity name, e.g. ``"Penyusunan laporan kinerja"``.

    Returns
    -------
    tuple of (str, str)
        The result verb phrase, capitalised (``"Tersusunnya"``), and the rest of the name
        with its case kept (``"laporan kinerja"``; may be empty). A volume is inserted
        between them by :func:`hasil_dengan_jumlah`.

    Examples
    --------
    >>> pecah_hasil("Pemantauan dan pelaporan kinerja anggaran")
    ('Terpantau dan terlaporkannya', 'kinerja anggaran')
    >>> pecah_hasil("Pengadaan barang/jasa")
    ('Terlaksananya', 'pengadaan barang/jasa')
    """
    kata = " ".join(str(nama_kegiatan).split()).split(" ")
    if not kata or not kata[0]:
        return _AWALAN_TIDAK_DIKENAL, ""
    pertama = KATA_HASIL.get(kata[0].casefold())
    if pertama is None:
        return _AWALAN_TIDAK_DIKENAL, _kecil(" ".join(kata))
    if pertama.pertahankan:
        return _kapital(pertama.bentuk) + "nya", _kecil(" ".join(kata))
    if len(kata) >= 3 and kata[1].casefold() == "dan":
        kedua = KATA_HASIL.get(kata[2].casefold())
        if kedua is None or kedua.pertahankan:
            # "Pemantauan dan <something unknown> …": name the whole activity as done
            return "Terlaksananya", _kecil(" ".join(kata))
        awalan = f"{_kapital(pertama.bentuk)} dan {kedua.bentuk}nya"
        return awalan, " ".join(kata[3:])
    return _kapital(pertama.bentuk) + "nya", " ".join(kata[1:])


def bahasa_hasil(nama_kegiatan: str) -> str:
    """Word an activity name as a result (*bahasa hasil*).

    Parameters
    ----------
    nama_kegiatan : str
        Activity name, e.g. ``"Penyusunan laporan X"``.

    Returns
    -------
    str
        The result phrase, first letter capitalised, the rest of the name with its case
        kept: ``"Tersusunnya laporan X"``. Activities named by a noun that stays the
        object (``Pengadaan``, ``Rapat``, ``Survei``…) give ``"Terlaksananya pengadaan
        …"``; an unknown first word gives ``"Hasil "`` + the name with a lower-case first
        letter. The table is :data:`KATA_HASIL`.

    Examples
    --------
    >>> bahasa_hasil("Penyusunan laporan X")
    'Tersusunnya laporan X'
    >>> bahasa_hasil("Pemutakhiran data")
    'Termutakhirkannya data'
    >>> bahasa_hasil("Rekrutmen pegawai")
    'Hasil rekrutmen pegawai'
    """
    awalan, sisa = pecah_hasil(nama_kegiatan)
    return f"{awalan} {sisa}".strip()


def hasil_dengan_jumlah(nama_kegiatan: str, jumlah: float | None, satuan: str | None) -> str:
    """Word an activity as a result with a quantity (an *angka* share).

    Parameters
    ----------
    nama_kegiatan : str
        Activity name.
    jumlah : float or None
        Quantity, in ``satuan``; ``None`` (or NaN) for a result without a number.
    satuan : str or None
        Output unit (``"Dokumen"``).

    Returns
    -------
    str
        E.g. ``"Tersusunnya 4 Dokumen rencana kebutuhan pegawai"``; the number is written
        the Indonesian way (``"1.200"``, ``"2,5"``). Without a number, as
        :func:`bahasa_hasil`. When the object starts with the unit itself, the unit is not
        repeated: ``"Tersusunnya 2 Laporan kinerja unit"``.

    Examples
    --------
    >>> hasil_dengan_jumlah("Penyusunan rencana kebutuhan pegawai", 4, "Dokumen")
    'Tersusunnya 4 Dokumen rencana kebutuhan pegawai'
    >>> hasil_dengan_jumlah("Penyusunan laporan kinerja unit", 2, "Laporan")
    'Tersusunnya 2 Laporan kinerja unit'
    """
    awalan, sisa = pecah_hasil(nama_kegiatan)
    if jumlah is None or jumlah != jumlah:  # NaN: no number
        return f"{awalan} {sisa}".strip()
    satuan = " ".join((satuan or "").split())
    return " ".join(
        part for part in (awalan, format_angka(jumlah), satuan, _tanpa_ulang(satuan, sisa)) if part
    )


def _tanpa_ulang(satuan: str, sisa: str) -> str:
    """Drop the words at the start of ``sisa`` that repeat the end of ``satuan``.

    ``("Laporan", "laporan kinerja")`` → ``"kinerja"``; ``("Set data", "data statistik")``
    → ``"statistik"``.
    """
    akhir = satuan.casefold().split()
    kata = sisa.split()
    for n in range(min(len(akhir), len(kata)), 0, -1):
        if [k.casefold() for k in kata[:n]] == akhir[-n:]:
            return " ".join(kata[n:])
    return sisa


def hasil_indikator(nama_indikator: str) -> str:
    """Word a unit head's indicator as an intermediate result ("Tercapainya …")."""
    return "Tercapainya " + _kecil(" ".join(str(nama_indikator).split()))
