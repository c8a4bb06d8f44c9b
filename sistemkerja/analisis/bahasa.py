"""Bahasa hasil: turning an activity name into a result phrase.

An MPH cell and an RHK state a *result*, not an activity: "Penyusunan laporan X"
(drawing up report X) becomes "Tersusunnya laporan X" (report X drawn up). The
first word of the activity name (a nominalised verb) is looked up in :data:`KATA_HASIL`;
the rest of the name keeps its case. A name the table does not know still reads as a result
("Terlaksananya …", or "Tersusunnya"/"Tersedianya" for an output noun, :data:`KATA_KELUARAN`),
never "Hasil …". The text carries no number: the volume belongs in the target, and
:func:`hasil_dengan_jumlah` puts one in only where the unit heads the object.
:func:`hasil_indikator` words a PK indicator as the Ketua Tim's result for it.
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
    # the nouns of the sample plans and the nominalised verbs of RHK practice; a noun whose
    # passive result form is unidiomatic ("terberikan", "terasistensi") stays the object of
    # "Terlaksananya" (``_tetap``)
    "administrasi": _tetap("terselenggara"),
    "advokasi": _tetap("terlaksana"),
    "akreditasi": _tetap("terlaksana"),
    "analisa": _k("teranalisis"),
    "analisis": _k("teranalisis"),
    "asesmen": _tetap("terlaksana"),
    "asistensi": _tetap("terlaksana"),
    "audit": _tetap("terlaksana"),
    "bimbingan": _tetap("terlaksana"),
    "bimtek": _tetap("terlaksana"),
    "digitalisasi": _k("terdigitalisasi"),
    "diseminasi": _k("terdiseminasikan"),
    "diskusi": _tetap("terlaksana"),
    "distribusi": _k("terdistribusikan"),
    "dokumentasi": _k("terdokumentasi"),
    "edukasi": _tetap("terlaksana"),
    "entri": _tetap("terlaksana"),
    "evaluasi": _k("terevaluasi"),
    "fasilitasi": _k("terfasilitasi"),
    "harmonisasi": _k("terharmonisasi"),
    "identifikasi": _k("teridentifikasi"),
    "implementasi": _k("terimplementasi"),
    "input": _k("terinput"),
    "integrasi": _k("terintegrasi"),
    "inventarisasi": _k("terinventarisasi"),
    "kaderisasi": _tetap("terlaksana"),
    "kajian": _tetap("tersusun"),
    "klasifikasi": _k("terklasifikasi"),
    "konsultasi": _tetap("terlaksana"),
    "koordinasi": _k("terkoordinasi"),
    "kunjungan": _tetap("terlaksana"),
    "layanan": _tetap("terselenggara"),
    "literasi": _tetap("meningkat"),
    "lokakarya": _tetap("terselenggara"),
    "magang": _tetap("terlaksana"),
    "monitoring": _k("terpantau"),
    "mutasi": _tetap("terlaksana"),
    "optimalisasi": _k("teroptimalkan"),
    "orientasi": _tetap("terlaksana"),
    "pameran": _tetap("terselenggara"),
    "pelaksanaan": _k("terlaksana"),
    "pelantikan": _tetap("terlaksana"),
    "pelaporan": _k("terlaporkan"),
    "pelatihan": _tetap("terselenggara"),
    "pelayanan": _k("terlayani"),
    "peliputan": _tetap("terlaksana"),
    "pemanggilan": _k("terpanggil"),
    "pemantauan": _k("terpantau"),
    "pemasangan": _k("terpasang"),
    "pembangunan": _k("terbangun"),
    "pembaruan": _k("diperbarui"),
    "pembayaran": _k("terbayarkan"),
    "pembekalan": _tetap("terlaksana"),
    "pembentukan": _k("terbentuk"),
    "pemberantasan": _tetap("terlaksana"),
    "pemberdayaan": _tetap("terlaksana"),
    "pemberhentian": _tetap("terlaksana"),
    "pemberian": _tetap("terlaksana"),
    "pembimbingan": _tetap("terlaksana"),
    "pembinaan": _k("terbina"),
    "pembuatan": _k("tersedia"),
    "pemeliharaan": _k("terpelihara"),
    "pemenuhan": _k("terpenuhi"),
    "pemeriksaan": _k("terperiksa"),
    "pemetaan": _k("terpetakan"),
    "pemindahan": _k("terpindahkan"),
    "pemrograman": _tetap("terlaksana"),
    "pemrosesan": _k("terproses"),
    "pemulihan": _k("pulih"),
    "pemutakhiran": _k("termutakhirkan"),
    "penagihan": _k("tertagih"),
    "penanganan": _k("tertangani"),
    "penanggulangan": _k("tertanggulangi"),
    "penataan": _k("tertata"),
    "penatausahaan": _k("tertatausahakan"),
    "pencairan": _k("tercairkan"),
    "pencatatan": _k("tercatat"),
    "pencegahan": _tetap("terlaksana"),
    "pencetakan": _k("tercetak"),
    "pendaftaran": _k("terdaftar"),
    "pendampingan": _k("terdampingi"),
    "pendataan": _k("terdata"),
    "pendidikan": _tetap("terselenggara"),
    "pendistribusian": _k("terdistribusikan"),
    "penegakan": _k("tegak"),
    "penelaahan": _k("tertelaah"),
    "penempatan": _tetap("terlaksana"),
    "penerapan": _k("diterapkan"),
    "penerbitan": _k("terbit"),
    "penerimaan": _tetap("terlaksana"),
    "penerjemahan": _tetap("terlaksana"),
    "penetapan": _k("ditetapkan"),
    "pengadaan": _tetap("terlaksana"),
    "pengajuan": _tetap("terlaksana"),
    "pengangkatan": _tetap("terlaksana"),
    "pengarsipan": _k("terarsipkan"),
    "pengaturan": _tetap("terlaksana"),
    "pengawasan": _k("terawasi"),
    "pengelolaan": _k("terkelola"),
    "pengembalian": _tetap("terlaksana"),
    "pengembangan": _k("terkembangkan"),
    "pengendalian": _k("terkendali"),
    "penggandaan": _tetap("terlaksana"),
    "penghapusan": _tetap("terlaksana"),
    "penghimpunan": _k("terhimpun"),
    "penghitungan": _k("terhitung"),
    "penginputan": _k("terinput"),
    "pengiriman": _k("terkirim"),
    "pengisian": _k("terisi"),
    "pengkajian": _k("terkaji"),
    "pengkoordinasian": _k("terkoordinasi"),
    "pengolahan": _k("terolah"),
    "pengoordinasian": _k("terkoordinasi"),
    "pengoperasian": _tetap("terlaksana"),
    "penguatan": _k("menguat"),
    "pengujian": _k("teruji"),
    "pengukuran": _k("terukur"),
    "pengumpulan": _k("terkumpul"),
    "pengunggahan": _k("terunggah"),
    "pengusulan": _tetap("terlaksana"),
    "penilaian": _tetap("terlaksana"),
    "penindakan": _tetap("terlaksana"),
    "peningkatan": _k("meningkat"),
    "penjadwalan": _k("terjadwal"),
    "pensiun": _tetap("terproses"),
    "penugasan": _tetap("terlaksana"),
    "penulisan": _tetap("terlaksana"),
    "penyaluran": _k("tersalurkan"),
    "penyampaian": _k("tersampaikan"),
    "penyebarluasan": _k("tersebarluaskan"),
    "penyediaan": _k("tersedia"),
    "penyelarasan": _k("terselaraskan"),
    "penyelenggaraan": _k("terselenggara"),
    "penyelesaian": _k("terselesaikan"),
    "penyelidikan": _tetap("terlaksana"),
    "penyempurnaan": _k("tersempurnakan"),
    "penyerapan": _k("terserap"),
    "penyiapan": _k("tersiapkan"),
    "penyidikan": _tetap("terlaksana"),
    "penyimpanan": _k("tersimpan"),
    "penyuluhan": _tetap("terlaksana"),
    "penyuntingan": _tetap("terlaksana"),
    "penyusunan": _k("tersusun"),
    "perawatan": _k("terawat"),
    "perbaikan": _tetap("terlaksana"),
    "percepatan": _tetap("terlaksana"),
    "perencanaan": _k("terencana"),
    "perhitungan": _k("terhitung"),
    "pertanggungjawaban": _k("dipertanggungjawabkan"),
    "perumusan": _k("terumuskan"),
    "promosi": _tetap("terlaksana"),
    "publikasi": _k("terpublikasikan"),
    "rapat": _tetap("terlaksana"),
    "realisasi": _k("terealisasi"),
    "registrasi": _tetap("terlaksana"),
    "rekapitulasi": _k("terekapitulasi"),
    "rekonsiliasi": _k("terekonsiliasi"),
    "rekrutmen": _tetap("terlaksana"),
    "reviu": _tetap("terlaksana"),
    "seleksi": _k("terseleksi"),
    "seminar": _tetap("terselenggara"),
    "sertifikasi": _tetap("terlaksana"),
    "sosialisasi": _k("tersosialisasikan"),
    "standardisasi": _k("terstandardisasi"),
    "supervisi": _tetap("terlaksana"),
    "survei": _tetap("terlaksana"),
    "unggah": _k("terunggah"),
    "upacara": _tetap("terselenggara"),
    "validasi": _k("tervalidasi"),
    "verifikasi": _k("terverifikasi"),
}
"""Activity noun (lower case) → result form; the one table behind :func:`bahasa_hasil`."""

KATA_KELUARAN: dict[str, str] = {
    "buku": "tersusun",
    "dokumen": "tersusun",
    "juknis": "tersusun",
    "kajian": "tersusun",
    "laporan": "tersusun",
    "modul": "tersusun",
    "naskah": "tersusun",
    "nota": "tersusun",
    "notula": "tersusun",
    "notulen": "tersusun",
    "pedoman": "tersusun",
    "petunjuk": "tersusun",
    "profil": "tersusun",
    "publikasi": "terbit",
    "rancangan": "tersusun",
    "rekomendasi": "tersusun",
    "rencana": "tersusun",
    "sop": "tersusun",
    "standar": "tersusun",
    "telaahan": "tersusun",
    "aplikasi": "tersedia",
    "basis": "tersedia",
    "data": "tersedia",
    "informasi": "tersedia",
    "sistem": "tersedia",
}
"""Output noun (lower case) → result form, for a name that starts with what it produces
("Laporan kinerja" → "Tersusunnya laporan kinerja", "Data pegawai" → "Tersedianya data
pegawai"). A word also in :data:`KATA_HASIL` ("publikasi", "kajian") is an activity there and an
output here, after a count ("Jumlah publikasi statistik" → "Terbitnya publikasi statistik")."""

_HASIL_UMUM = "terlaksana"
"""Result form of any activity whose first word is unknown: "Terlaksananya <name>"."""

_AWALAN_HASIL = ("ter", "di", "me", "ber")
_BENTUK_HASIL = frozenset(v.bentuk for v in KATA_HASIL.values()) | {"terwujud", "tercapai"}


def _kapital(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def _kecil(teks: str) -> str:
    """Lower-case the first letter, unless an acronym or a proper name starts the text.

    "BMN …", "eKin …" and "Indeks Reformasi Birokrasi" keep their case.
    """
    kata = teks.split(" ", 2)
    if any(c.isupper() for c in kata[0][1:]):
        return teks
    if len(kata) > 1 and kata[1][:1].isupper() and any(c.islower() for c in kata[1][1:]):
        return teks
    return teks[:1].lower() + teks[1:]


def _bentuk_hasil(kata: str) -> bool:
    """Whether one word already is a result verb with ``-nya`` ("Tersusunnya", "Ditetapkannya")."""
    k = kata.casefold()
    if not k.endswith("nya") or len(k) <= 5:
        return False
    return k[:-3] in _BENTUK_HASIL or k.startswith(_AWALAN_HASIL)


def _awal_hasil(kata: list[str]) -> int:
    """Count the leading words that already form a result verb (0 when none).

    ``["Tersusunnya", "laporan"]`` → 1; ``["Terpantau", "dan", "terlaporkannya", …]`` → 3.
    """
    if kata and _bentuk_hasil(kata[0]):
        return 1
    if (
        len(kata) >= 3
        and kata[1].casefold() == "dan"
        and kata[0].casefold().startswith(_AWALAN_HASIL)
        and _bentuk_hasil(kata[2])
    ):
        return 3
    return 0


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
        with its case kept (``"laporan kinerja"``; may be empty). The first word is looked
        up in :data:`KATA_HASIL`; a name that already is a result phrase ("Tersedianya
        data") is kept as written; a name starting with an output noun of
        :data:`KATA_KELUARAN` gives "Tersusunnya"/"Tersedianya" + the name; any other name
        gives "Terlaksananya" + the name (never "Hasil …").

    Examples
    --------
    >>> pecah_hasil("Pemantauan dan pelaporan kinerja anggaran")
    ('Terpantau dan terlaporkannya', 'kinerja anggaran')
    >>> pecah_hasil("Pengadaan barang/jasa")
    ('Terlaksananya', 'pengadaan barang/jasa')
    >>> pecah_hasil("Laporan kinerja unit")
    ('Tersusunnya', 'laporan kinerja unit')
    >>> pecah_hasil("Tersedianya data pegawai")
    ('Tersedianya', 'data pegawai')
    """
    kata = " ".join(str(nama_kegiatan).split()).split(" ")
    if not kata or not kata[0]:
        return _kapital(_HASIL_UMUM) + "nya", ""
    n = _awal_hasil(kata)
    if n:
        return _kapital(" ".join(kata[:n])), " ".join(kata[n:])
    pertama = KATA_HASIL.get(kata[0].casefold())
    if pertama is None:
        bentuk = KATA_KELUARAN.get(kata[0].casefold(), _HASIL_UMUM)
        return _kapital(bentuk) + "nya", _kecil(" ".join(kata))
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
        kept: ``"Tersusunnya laporan X"``; no number in it (a volume belongs in the
        target). Activities named by a noun that stays the object (``Pengadaan``,
        ``Pemberian``, ``Asistensi``, ``Rapat``…) give ``"Terlaksananya pengadaan …"``; an
        unknown first word gives ``"Terlaksananya "`` + the name with a lower-case first
        letter, or ``"Tersusunnya"``/``"Tersedianya"`` when it starts with an output noun
        (:data:`KATA_KELUARAN`); a name that already is a result phrase is kept. The table
        is :data:`KATA_HASIL`.

    Examples
    --------
    >>> bahasa_hasil("Penyusunan laporan X")
    'Tersusunnya laporan X'
    >>> bahasa_hasil("Pemutakhiran data")
    'Termutakhirkannya data'
    >>> bahasa_hasil("Rekrutmen pegawai")
    'Terlaksananya rekrutmen pegawai'
    >>> bahasa_hasil("Pemberian keterangan ahli")
    'Terlaksananya pemberian keterangan ahli'
    >>> bahasa_hasil("Kliping berita harian")
    'Terlaksananya kliping berita harian'
    """
    awalan, sisa = pecah_hasil(nama_kegiatan)
    return f"{awalan} {sisa}".strip()


def hasil_dengan_jumlah(nama_kegiatan: str, jumlah: float | None, satuan: str | None) -> str:
    """Word an activity as a result with a quantity, where the quantity belongs.

    Parameters
    ----------
    nama_kegiatan : str
        Activity name.
    jumlah : float or None
        Quantity, in ``satuan``; ``None`` (or NaN) for a result without a number.
    satuan : str or None
        Output unit (``"Laporan"``).

    Returns
    -------
    str
        The number goes in only when the unit is the head noun of the result's object,
        i.e. the unit's last words repeat the first words of the object, and the unit is
        then not repeated: ``"Tersusunnya 2 Laporan kinerja unit"`` (number written the
        Indonesian way, ``"1.200"``, ``"2,5"``). Otherwise the number would land inside a
        noun phrase ("Terkembangkannya 480 Orang kompetensi …"), so the text is
        :func:`bahasa_hasil` without a number; the number then belongs in the target.

    Examples
    --------
    >>> hasil_dengan_jumlah("Penyusunan laporan kinerja unit", 2, "Laporan")
    'Tersusunnya 2 Laporan kinerja unit'
    >>> hasil_dengan_jumlah("Pengembangan kompetensi melalui pembelajaran elektronik", 480, "Orang")
    'Terkembangkannya kompetensi melalui pembelajaran elektronik'
    """
    awalan, sisa = pecah_hasil(nama_kegiatan)
    if jumlah is None or jumlah != jumlah:  # NaN: no number
        return f"{awalan} {sisa}".strip()
    satuan = " ".join((satuan or "").split())
    lanjut = _tanpa_ulang(satuan, sisa)
    if not satuan or lanjut == sisa:
        return f"{awalan} {sisa}".strip()
    return " ".join(part for part in (awalan, format_angka(jumlah), satuan, lanjut) if part)


def _tanpa_ulang(satuan: str, sisa: str) -> str:
    """Drop the words at the start of ``sisa`` that repeat the end of ``satuan``.

    ``("Laporan", "laporan kinerja")`` → ``"kinerja"``; ``("Set data", "data statistik")``
    → ``"statistik"``; unchanged when nothing repeats.
    """
    akhir = satuan.casefold().split()
    kata = sisa.split()
    for n in range(min(len(akhir), len(kata)), 0, -1):
        if [k.casefold() for k in kata[:n]] == akhir[-n:]:
            return " ".join(kata[n:])
    return sisa


UKURAN: dict[str, str] = {
    "angka": "nilai",
    "banyaknya": "hitung",
    "capaian": "capaian",
    "cakupan": "rasio",
    "derajat": "tingkat",
    "indeks": "tingkat",
    "jumlah": "hitung",
    "kualitas": "mutu",
    "level": "tingkat",
    "mutu": "mutu",
    "nilai": "nilai",
    "opini": "nilai",
    "persentase": "rasio",
    "predikat": "nilai",
    "prosentase": "rasio",
    "proporsi": "rasio",
    "rasio": "rasio",
    "rata-rata": "nilai",
    "skor": "nilai",
    "tingkat": "tingkat",
    "total": "hitung",
}
"""Leading measure word of a PK indicator (lower case) → its kind, for :func:`hasil_indikator`:
``hitung`` a count of outputs, ``rasio`` a share, ``tingkat`` an index or level, ``mutu`` a
quality (the word stays: "Meningkatnya kualitas …"), ``capaian`` an achievement, ``nilai`` a
score, grade or opinion (the whole indicator stays: "Tercapainya nilai SAKIP unit")."""

HAL_NEGATIF: frozenset[str] = frozenset(
    {
        "kecelakaan",
        "kematian",
        "kemiskinan",
        "kerugian",
        "kesalahan",
        "keterlambatan",
        "ketimpangan",
        "pelanggaran",
        "pengangguran",
        "penyimpangan",
        "risiko",
        "stunting",
        "temuan",
        "tunggakan",
    }
)
"""Things an indicator wants fewer of (first word after the measure, lower case): their
result is "Menurunnya …" ("Jumlah temuan BPK" → "Menurunnya temuan BPK")."""

_KETERANGAN = frozenset({"tepat", "sesuai", "secara", "pada", "di", "ke", "oleh", "dalam"})


def hasil_indikator(nama_indikator: str) -> str:
    """Word a PK indicator as the Ketua Tim's result for it (*bahasa hasil*).

    A Ketua Tim's RHK on a unit head's indicator is an intermediate outcome, product or
    service; this turns the indicator's wording into that result, without a number (the
    number is the target).

    Parameters
    ----------
    nama_indikator : str
        Indicator wording as in the PK, e.g. ``"Persentase penempatan pegawai sesuai
        kompetensi"``; a tugas tambahan name works too.

    Returns
    -------
    str
        The result phrase, first letter capitalised. Rule: a name that already is a result
        phrase is kept; "%" is dropped; a leading measure word (:data:`UKURAN`) is dropped,
        then the rest gives, in this order: "Menurunnya <rest>" for something wanted fewer
        of (:data:`HAL_NEGATIF`); "Meningkatnya <rest>" after an index or level, and
        "Meningkatnya kualitas …" for a quality; after a count, an output noun first
        ("Jumlah publikasi …" → "Terbitnya publikasi …"); the result form of a nominalised verb
        (:data:`KATA_HASIL`; a noun that stays the object gives "Terwujudnya <rest>" after a
        share); after a count or share, an output noun (:data:`KATA_KELUARAN`) gives
        "Tersusunnya"/"Tersedianya" <rest>, or "Di…nya <rest>" when the rest is "<output>
        yang di…" ("Jumlah standar yang ditetapkan" → "Ditetapkannya standar"); "Tercapainya
        <rest>" after "Capaian"; otherwise "Tercapainya <indicator>".

    Examples
    --------
    >>> hasil_indikator("Persentase penempatan pegawai sesuai kompetensi")
    'Terwujudnya penempatan pegawai sesuai kompetensi'
    >>> hasil_indikator("Indeks kepuasan aparatur")
    'Meningkatnya kepuasan aparatur'
    >>> hasil_indikator("Jumlah laporan monitoring")
    'Tersusunnya laporan monitoring'
    >>> hasil_indikator("Nilai SAKIP unit")
    'Tercapainya nilai SAKIP unit'
    >>> hasil_indikator("Opini BPK atas laporan keuangan")
    'Tercapainya opini BPK atas laporan keuangan'
    >>> hasil_indikator("Persentase penyelesaian hambatan kelancaran pembangunan")
    'Terselesaikannya hambatan kelancaran pembangunan'
    >>> hasil_indikator("Jumlah laporan keuangan yang disampaikan tepat waktu")
    'Disampaikannya laporan keuangan tepat waktu'
    >>> hasil_indikator("Persentase data pegawai yang mutakhir (%)")
    'Tersedianya data pegawai yang mutakhir'
    >>> hasil_indikator("Jumlah publikasi statistik SDM aparatur")
    'Terbitnya publikasi statistik SDM aparatur'
    >>> hasil_indikator("Tingkat pengangguran terbuka")
    'Menurunnya pengangguran terbuka'
    """
    teks = " ".join(str(nama_indikator).replace("(%)", " ").replace("%", " ").split())
    kata = teks.split(" ") if teks else []
    if not kata:
        return _kapital(_HASIL_UMUM) + "nya"
    if _awal_hasil(kata):
        return _kapital(teks)
    jenis = UKURAN.get(kata[0].casefold())
    if jenis is None:
        return bahasa_hasil(teks) if kata[0].casefold() in KATA_HASIL else _hasil_keluaran(kata)
    sisa = kata[1:]
    if not sisa:
        return "Tercapainya " + _kecil(teks)
    kepala = sisa[0].casefold()
    if kepala in HAL_NEGATIF:
        return "Menurunnya " + _kecil(" ".join(sisa))
    if jenis == "tingkat":
        # a named index ("Indeks Reformasi Birokrasi", "Indeks SPBE") keeps its measure word
        return "Meningkatnya " + _kecil(" ".join(sisa) if sisa[0][:1].islower() else teks)
    if jenis == "mutu":
        return "Meningkatnya " + _kecil(teks)
    if jenis in ("hitung", "rasio") and (pasif := _pasif(sisa)) is not None:
        return pasif
    if jenis == "hitung" and kepala in KATA_KELUARAN:
        # a count names outputs: "Jumlah publikasi …" counts publications, not publishing
        return _hasil_keluaran(sisa)
    if jenis in ("hitung", "rasio", "capaian") and kepala in KATA_HASIL:
        bentuk = KATA_HASIL[kepala]
        awalan, objek = pecah_hasil(" ".join(sisa))
        if jenis == "rasio" and (bentuk.pertahankan or not objek or objek.startswith("yang ")):
            # a share of an activity done as it should be: "Terwujudnya penempatan …"
            return "Terwujudnya " + _kecil(" ".join(sisa))
        return f"{awalan} {objek}".strip()
    if jenis in ("hitung", "rasio") and kepala in KATA_KELUARAN:
        return _hasil_keluaran(sisa)
    if jenis == "capaian":
        return "Tercapainya " + _kecil(" ".join(sisa))
    return "Tercapainya " + _kecil(teks)


def _pasif(kata: list[str]) -> str | None:
    """Turn a passive relative into a result, or return None.

    "<thing> yang di<verb> [keterangan]" → "Di<verb>nya <thing> [keterangan]":
    ``["standar", "yang", "ditetapkan"]`` → ``"Ditetapkannya standar"``; the verb must end the
    phrase or be followed by an adverbial (``tepat waktu``, ``sesuai …``, ``pada …``).
    """
    lower = [k.casefold() for k in kata]
    if "yang" not in lower[1:]:
        return None
    j = lower.index("yang", 1)
    if (
        j + 1 < len(kata)
        and lower[j + 1].startswith("di")
        and len(lower[j + 1]) > 4
        and (j + 2 == len(kata) or lower[j + 2] in _KETERANGAN)
    ):
        kerja = _kapital(lower[j + 1]) + "nya"
        return " ".join([kerja, _kecil(" ".join(kata[:j])), *kata[j + 2 :]])
    return None


def _hasil_keluaran(kata: list[str]) -> str:
    """Word a phrase naming an output as a result: "Tersusunnya laporan …", "Terbitnya …".

    The output noun's form comes from :data:`KATA_KELUARAN` (before :data:`KATA_HASIL`: here
    the word names the output); the whole phrase stays the object.
    """
    bentuk = KATA_KELUARAN.get(kata[0].casefold())
    if bentuk is None:
        return bahasa_hasil(" ".join(kata))
    return f"{_kapital(bentuk)}nya {_kecil(' '.join(kata))}"
