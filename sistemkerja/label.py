"""One table of the Indonesian labels a planner reads in reports: columns, components, status.

Every header of a report table (HTML report, summary sheet of the result workbook) and
every objective component shown to a user comes from here, so a code name such as
``jam_kebutuhan`` or ``ej_maks`` never reaches a page. Plan fields reuse the headers of
the workbook schema (:mod:`sistemkerja.domain.skema`); the analyses' own columns are
listed in :data:`KOLOM`.

Money is shown as the plan states it: amounts in rupiah (``Rp``), the weight of the cost
component per juta rupiah (``bobot_biaya`` on the Kebijakan sheet is per Rp 1.000.000).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from sistemkerja.domain import skema
from sistemkerja.domain.angka import format_angka
from sistemkerja.optimasi.status import STATUS_LABEL

if TYPE_CHECKING:
    from sistemkerja.optimasi.hasil import Hasil

__all__ = [
    "KOLOM",
    "KOMPONEN",
    "PER_JUTA",
    "STATUS",
    "UKURAN",
    "Komponen",
    "baris_ringkasan",
    "bobot_komponen",
    "judul_kolom",
    "kalimat_status",
    "nilai_komponen",
    "tabel_berlabel",
    "uraian_hasil",
    "waktu_total",
]


def _skema(field: str, lembar: str) -> str:
    """Header of ``field`` on the plan sheet ``lembar`` (the schema's own label)."""
    for kolom in skema.BY_NAME[lembar].columns:
        if kolom.field == field:
            return kolom.header
    raise KeyError(field)  # pragma: no cover - a schema change shows up in the tests


KOLOM: dict[str, str] = {
    # people and positions (headers of the plan workbook)
    "nip": _skema("nip", "Pegawai"),
    "nama": _skema("name", "Pegawai"),
    "jabatan": _skema("jabatan", "Pegawai"),
    "jenjang": _skema("jenjang", "Pegawai"),
    "asal": "Asal",
    "jenjang_min": _skema("jenjang_min", "Beban Kegiatan"),
    "jabatan_peran": "Jabatan yang dikerjakan",
    "peran": "Peran",
    "ketua": "Ketua Tim",
    "tim": _skema("tim", "Kegiatan"),
    "nama_tim": _skema("name", "Tim Kerja"),
    "jumlah_tim": "Jumlah tim",
    # activities and targets
    "kegiatan": _skema("kegiatan", "Beban Kegiatan"),
    "indikator": _skema("indikator", "Kegiatan"),
    "uraian_indikator": "Uraian indikator",
    "uraian": "Uraian",
    "jenis": "Jenis",
    "pola": _skema("pola", "Indikator"),
    "target": _skema("target", "Indikator"),
    "satuan": _skema("satuan", "Indikator"),
    "aspek": _skema("aspek", "Indikator"),
    "bukti_dukung": _skema("bukti_dukung", "Kegiatan"),
    "bulan_mulai": _skema("bulan_mulai", "Kegiatan"),
    "bulan_selesai": _skema("bulan_selesai", "Kegiatan"),
    "bulan_jatuh_tempo": "Bulan jatuh tempo",
    "bulan": "Bulan",
    # hours (jam)
    "jam": "Jam (jam)",
    "kapasitas": "Kapasitas (jam)",
    "jam_terikat": "Jam terikat (jam)",
    "jam_tugas": "Jam tugas (jam)",
    "jam_ketua": "Jam Ketua Tim (jam)",
    "jam_total": "Jam total (jam)",
    "jam_kebutuhan": "Beban kerja (jam)",
    "jam_rencana": "Jam rencana (jam)",
    "jam_dialokasikan": "Jam dialokasikan (jam)",
    # people (orang)
    "kebutuhan_pegawai": "Kebutuhan pegawai (orang)",
    "pegawai_tersedia": "Pegawai tersedia (orang)",
    "pegawai_ditugaskan": "Pegawai ditugaskan (orang)",
    "pelaksana": "Pelaksana (orang)",
    "kebutuhan_bulat": "Kebutuhan pegawai dibulatkan (orang)",
    "bezetting": "Bezetting (orang)",
    "selisih_orang": "Selisih (orang)",
    "pegawai_dibutuhkan": "Pegawai yang dibutuhkan (orang)",
    # ABK form per task
    "nama_jabatan": "Nama jabatan",
    "uraian_tugas": "Uraian tugas",
    "satuan_hasil": "Satuan hasil",
    "jumlah_tugas": "Jumlah tugas",
    "selisih": "Selisih",
    # workload
    "ej": "EJ",
    "kategori": "Kategori",
    "predikat": "Predikat",
    "posisi": "Posisi terhadap pita EJ",
    # results (MPH, RHK)
    "hasil": "Hasil kerja",
    "hasil_ketua": "Hasil kerja Ketua Tim",
    "rhk": "Rencana hasil kerja (RHK)",
    "rhk_pimpinan": "RHK pimpinan yang diintervensi",
    "jenis_kontribusi": "Jenis kontribusi",
    "porsi": "Porsi",
    "porsi_mentah": "Porsi sebelum pembulatan",
    "sasaran": "Sasaran",
    "uraian_sasaran": "Uraian sasaran",
    "sumber": "Sumber hasil",
    "catatan": "Catatan",
    "no": "No",
    "nip_pimpinan": "NIP pimpinan",
    "iki": "Indikator kinerja individu (IKI)",
    "nilai": "Nilai target",
    "tingkat": "Tingkat temuan",
    # budget (Rp)
    "level": "Tingkat",
    "program": _skema("program", "Pagu"),
    "giat": _skema("giat", "Pagu"),
    "kro": _skema("kro", "Pagu"),
    "ro": _skema("ro", "Pagu"),
    "akun": _skema("akun", "Rincian Anggaran"),
    "pagu": _skema("pagu", "Pagu"),
    "belanja": "Belanja (Rp)",
    "biaya": "Biaya (Rp)",
    "biaya_personel": "Biaya personel (Rp)",
    "biaya_pelibatan": "Biaya pelibatan (Rp)",
    "total": "Total (Rp)",
    "sisa": "Sisa (Rp)",
    "persen": "Serapan (%)",
    # cascade
    "jumlah_angka": "Jumlah bagian angka",
    "status": "Status",
    "pesan": "Keterangan",
    # reasons of an infeasible plan
    "kode": "Kode",
    "penjelasan": "Penjelasan",
    "kekurangan": "Kekurangan",
}
"""Column code of the result tables → Indonesian header, with its unit in brackets."""

_KOLOM_TABEL: dict[tuple[str, str], str] = {
    ("Beban Jabatan", "selisih"): "Selisih (orang)",
    ("Beban Jabatan", "jabatan"): "Jabatan",
    ("ABK Tugas", "no"): "No",
    ("ABK Tugas", "norma_waktu"): "Waktu penyelesaian (jam/satuan)",
    ("ABK Tugas", "jam_efektif"): "Waktu kerja efektif (jam)",
    ("ABK Tugas", "volume"): "Beban kerja (volume/tahun)",
    ("ABK Tugas", "sumber"): "Sumber baris",
    ("Penugasan", "porsi"): "Porsi (0–1)",
    ("Penugasan", "jam"): "Jam (jam)",
    ("Tim", "jam"): "Jam di tim ini (jam)",
    ("Cascade", "selisih"): "Selisih (satuan target)",
    ("Cascade", "target"): "Target",
    ("IKI", "satuan"): "Satuan target",
}
"""Headers that depend on the table (same code, another unit)."""


@dataclass(frozen=True, slots=True)
class Komponen:
    """How an objective component is shown.

    Parameters
    ----------
    nama : str
        Indonesian name.
    satuan : str
        Unit of its value (``poin EJ``, ``Rp``, ``orang``, ``keanggotaan``).
    desimal : int
        Decimals shown.
    """

    nama: str
    satuan: str
    desimal: int


KOMPONEN: dict[str, Komponen] = {
    "ej_maks": Komponen("EJ tertinggi pegawai unit", "poin EJ", 2),
    "ej_jabatan": Komponen("Rata-rata EJ tertinggi per jabatan", "poin EJ", 2),
    "deviasi": Komponen("Rata-rata jarak EJ dari pita sasaran", "poin EJ", 2),
    "biaya": Komponen("Biaya personel dan pelibatan", "Rp", 0),
    "lintas": Komponen("Pegawai lintas unit/instansi", "orang", 0),
    "keanggotaan": Komponen("Penempatan pegawai di tim (orang × tim)", "penempatan", 0),
    "perubahan": Komponen("Perubahan dari alokasi acuan (orang × tim)", "perubahan", 0),
}
"""Objective component code → Indonesian name, unit and decimals."""

PER_JUTA = 1_000_000
"""The plan states the cost weight per juta rupiah (``bobot_biaya``)."""

STATUS: dict[str, str] = dict(STATUS_LABEL)
"""Status code → plain Indonesian status (the optimiser's own table)."""

UKURAN: dict[str, tuple[str, str]] = {
    "pegawai": ("Jumlah pegawai", "orang"),
    "tim": ("Jumlah tim", "tim"),
    "kegiatan": ("Jumlah kegiatan", "kegiatan"),
}
"""Plan sizes a planner reads (model sizes such as variables stay technical)."""


def judul_kolom(kode: str, tabel: str | None = None) -> str:
    """Return the Indonesian header of a result-table column.

    Parameters
    ----------
    kode : str
        Column code, e.g. ``"jam_kebutuhan"``.
    tabel : str, optional
        Table (sheet) name, for headers whose unit depends on the table.

    Returns
    -------
    str
        E.g. ``"Beban kerja (jam)"``; a month code (``"jan"``) gives ``"Jan (jam)"``; an
        unknown code is returned unchanged (indicator codes of a matrix, say).
    """
    if tabel is not None and (tabel, kode) in _KOLOM_TABEL:
        return _KOLOM_TABEL[(tabel, kode)]
    if kode in KOLOM:
        return KOLOM[kode]
    if kode in _BULAN:
        return f"{kode.capitalize()} (jam)"
    return kode


_BULAN = ("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des")


def tabel_berlabel(df: pd.DataFrame, tabel: str | None = None) -> pd.DataFrame:
    """Return ``df`` with Indonesian headers (columns, and index names of a matrix).

    Parameters
    ----------
    df : pandas.DataFrame
        A result table with code column names.
    tabel : str, optional
        Its name (see :func:`judul_kolom`).

    Returns
    -------
    pandas.DataFrame
        A renamed copy; the data are not changed.
    """
    out = df.rename(columns=lambda c: judul_kolom(str(c), tabel))
    out.columns.name = None if df.columns.name is None else judul_kolom(str(df.columns.name))
    out.index = out.index.set_names(
        [None if n is None else judul_kolom(str(n), tabel) for n in out.index.names]
    )
    return out


def nilai_komponen(kode: str, nilai: float) -> str:
    """Return a component value as a planner reads it: ``"1,02 poin EJ"``, ``"Rp 1.250.000"``.

    Parameters
    ----------
    kode : str
        Component code (a key of :data:`KOMPONEN`).
    nilai : float
        Its value in its own unit.

    Returns
    -------
    str
        The formatted value with its unit.
    """
    k = KOMPONEN[kode]
    teks = format_angka(nilai, k.desimal)
    return f"Rp {teks}" if k.satuan == "Rp" else f"{teks} {k.satuan}"


def bobot_komponen(kode: str, bobot: float) -> tuple[float, str]:
    """Return a component weight in the plan's units: the cost weight per juta rupiah.

    Parameters
    ----------
    kode : str
        Component code.
    bobot : float
        Weight per unit of the component (per Rp for ``biaya``).

    Returns
    -------
    tuple of (float, str)
        The weight and its unit, e.g. ``(0.1, "per juta rupiah")``.
    """
    satuan = KOMPONEN[kode].satuan
    if satuan == "Rp":
        return bobot * PER_JUTA, "per juta rupiah"
    return bobot, f"per {satuan}"


def kalimat_status(hasil: Hasil) -> str:
    """Return the run's status as plain Indonesian (``Hasil.keterangan``).

    E.g. ``"layak — terbukti paling jauh 0,8 % dari optimum"``; with ``pemerataan`` a
    second line on the highest EJ.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    str
        The status sentence.
    """
    return hasil.keterangan


def baris_ringkasan(hasil: Hasil) -> list[tuple[str, str, str]]:
    """Return the run's summary as ``(uraian, nilai, satuan)`` rows a planner reads.

    The status sentence, each objective component under its Indonesian name in its own
    unit (poin EJ, Rp, orang), the plan's size (orang, tim, kegiatan) and the run's total
    time (detik). The report's summary table and :func:`uraian_hasil` both show these.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    list of tuple of str
        One row per line; an amount in Rp carries its unit in the value (``Rp 12.500.000``).
    """
    rows: list[tuple[str, str, str]] = [("Status", kalimat_status(hasil), "")]
    for kode, nilai in hasil.components.items():
        k = KOMPONEN.get(kode)
        if k is None:
            rows.append((kode, format_angka(nilai, 2), ""))
        elif k.satuan == "Rp":  # written the Indonesian way: Rp 12.500.000
            rows.append((k.nama, nilai_komponen(kode, nilai), ""))
        else:
            rows.append((k.nama, format_angka(nilai, k.desimal), k.satuan))
    for kode, (uraian, satuan) in UKURAN.items():
        if kode in hasil.counts:
            rows.append((uraian, format_angka(hasil.counts[kode], 0), satuan))
    total = waktu_total(hasil)
    if total > 0:
        rows.append(("Lama perhitungan", format_angka(total, 1), "detik"))
    return rows


def waktu_total(hasil: Hasil) -> float:
    """Whole run in seconds (detik): ``total_seconds``, never less than build plus solve."""
    return max(hasil.total_seconds, hasil.build_seconds + hasil.solve_seconds)


def uraian_hasil(hasil: Hasil) -> str:
    """Return the result as a planner reads it on the command line or in a notebook.

    The rows of :func:`baris_ringkasan`, one per line, then, for an infeasible plan, the
    reasons. No code names.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    str
        Several lines of Indonesian text.
    """
    status, *rows = baris_ringkasan(hasil)
    lines = [f"Status: {status[1]}"]
    lines += [f"  {uraian}: {nilai} {satuan}".rstrip() for uraian, nilai, satuan in rows]
    if hasil.penjelasan:
        lines.append("Penyebab rencana tidak dapat dipenuhi:")
        lines += [f"  - {p.message}" for p in hasil.penjelasan]
    return "\n".join(lines)
