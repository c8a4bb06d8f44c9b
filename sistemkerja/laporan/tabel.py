"""Result tables of one optimisation run, computed once and handed to every writer.

:func:`hitung_tabel` runs every analysis of :mod:`sistemkerja.analisis` once and keeps
the frames in one :class:`TabelHasil`; the result workbook
(:func:`sistemkerja.laporan.xlsx.write_result_workbook`), its documents and the HTML
report (:func:`sistemkerja.laporan.html.laporan_html`) all read from that object.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import pandas as pd

from sistemkerja import analisis
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.rencana import Rencana
from sistemkerja.label import KOMPONEN, baris_ringkasan, bobot_komponen, waktu_total
from sistemkerja.optimasi.hasil import Hasil, tabel_penugasan, tabel_tim

KOLOM_RINGKASAN = ("Uraian", "Nilai", "Satuan")
"""Columns of the plain summary (:func:`ringkasan`)."""
KOLOM_RINCIAN = ("Kode", "Uraian", "Nilai", "Satuan")
"""Columns of the technical details (:func:`rincian_teknis`); ``Kode`` is read back."""


def _nama_komponen(kode: str) -> str:
    k = KOMPONEN.get(kode)
    return k.nama if k is not None else kode


def _nama_dalam_kalimat(kode: str) -> str:
    """Return the component's name inside a sentence ("Celah setara rata-rata …")."""
    nama = _nama_komponen(kode)
    return nama if nama[:2].isupper() else nama[:1].lower() + nama[1:]


def _satuan_komponen(kode: str) -> str:
    k = KOMPONEN.get(kode)
    return k.satuan if k is not None else ""


def ringkasan(hasil: Hasil) -> pd.DataFrame:
    """Return the run's summary as a planner reads it: ``Uraian | Nilai | Satuan``.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    pandas.DataFrame
        Text rows: the status sentence, each objective component under its Indonesian
        name in its own unit (poin EJ, Rp, orang), the plan's size (orang, tim,
        kegiatan) and the run's total time (detik). Optimiser internals (status code,
        weights, model size, solver message) are in :func:`rincian_teknis`.
    """
    return pd.DataFrame(baris_ringkasan(hasil), columns=list(KOLOM_RINGKASAN))


def rincian_teknis(hasil: Hasil) -> pd.DataFrame:
    """Return the optimiser's technical details: ``Kode | Uraian | Nilai | Satuan``.

    ``Kode`` is a stable key the result workbook is read back by
    (:func:`sistemkerja.laporan.baca.read_result_workbook`): ``status``, ``solver``,
    ``pesan``, ``pesan_solver``, ``berhenti``, ``prioritas``, ``celah_diminta``,
    ``ej_maks_terbukti``, ``nilai_tujuan``, ``batas_bawah``, ``celah_relatif``,
    ``celah_absolut``, ``celah.<komponen>``, ``komponen.<komponen>``,
    ``bobot.<komponen>`` (the cost weight per juta rupiah, as the plan states it),
    ``waktu_susun``, ``waktu_solver``, ``waktu_seluruhnya`` (detik), ``jumlah.<ukuran>``
    and ``baris.<keluarga kendala>``.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    pandas.DataFrame
        One row per detail; numbers stay numbers.
    """
    rows: list[tuple[str, str, object, str]] = [
        ("status", "Kode status", hasil.status, ""),
        ("solver", "Solver", hasil.solver, ""),
        ("pesan", "Keterangan pengoptimal", hasil.message, ""),
        ("pesan_solver", "Pesan solver (kata-kata solver sendiri)", hasil.pesan_solver, ""),
        ("berhenti", "Alasan berhenti (selesai, celah, waktu, batal)", hasil.berhenti, ""),
        ("prioritas", "Prioritas (pemerataan atau bobot)", str(hasil.prioritas), ""),
        ("celah_diminta", "Celah berhenti yang diminta", hasil.celah_diminta, "fraksi"),
        (
            "ej_maks_terbukti",
            "EJ tertinggi yang terbukti (pemerataan)",
            hasil.ej_maks_terbukti,
            "poin EJ",
        ),
        ("nilai_tujuan", "Nilai tujuan berbobot", hasil.objective, ""),
        ("batas_bawah", "Batas bawah nilai tujuan", _hingga(hasil.bound), ""),
        ("celah_relatif", "Celah relatif", _hingga(hasil.gap), "fraksi"),
        ("celah_absolut", "Celah absolut", hasil.gap_absolute, "satuan tujuan"),
    ]
    for kode, gap in hasil.gap_in_units().items():
        uraian = f"Celah setara {_nama_dalam_kalimat(kode)}"
        rows.append((f"celah.{kode}", uraian, gap, _satuan_komponen(kode)))
    for kode, nilai in hasil.components.items():
        rows.append((f"komponen.{kode}", _nama_komponen(kode), nilai, _satuan_komponen(kode)))
    for kode, bobot in hasil.weights.items():
        if kode in KOMPONEN:
            nilai, satuan = bobot_komponen(kode, bobot)
        else:
            nilai, satuan = bobot, ""
        rows.append((f"bobot.{kode}", f"Bobot {_nama_dalam_kalimat(kode)}", nilai, satuan))
    rows += [
        ("waktu_susun", "Waktu menyusun model", round(hasil.build_seconds, 3), "detik"),
        ("waktu_solver", "Waktu solver", round(hasil.solve_seconds, 3), "detik"),
        ("waktu_seluruhnya", "Waktu seluruhnya", round(waktu_total(hasil), 3), "detik"),
    ]
    rows += [(f"jumlah.{k}", f"Jumlah {k}", v, "") for k, v in hasil.counts.items()]
    rows += [(f"baris.{k}", f"Baris kendala {k}", v, "baris") for k, v in hasil.families.items()]
    return pd.DataFrame(rows, columns=list(KOLOM_RINCIAN))


def _hingga(value: float | None) -> float | None:
    """Infinite bounds are stored as empty cells (Excel has no infinity)."""
    return None if value is None or not math.isfinite(value) else value


def penjelasan(hasil: Hasil) -> pd.DataFrame:
    """Return why the plan cannot be met, one row per reason (empty when feasible)."""
    return pd.DataFrame(
        [(p.code, p.message, p.kekurangan, p.satuan) for p in hasil.penjelasan],
        columns=["kode", "penjelasan", "kekurangan", "satuan"],
    )


@dataclass(frozen=True, slots=True)
class TabelHasil:
    """Every table of one run, computed once (:func:`hitung_tabel`).

    Attributes
    ----------
    hasil : Hasil
        The result the tables come from (its plan is ``hasil.plan``).
    ringkasan, rincian_teknis, penjelasan : pandas.DataFrame
        :func:`ringkasan`, :func:`rincian_teknis`, :func:`penjelasan`.
    beban_jabatan : pandas.DataFrame
        :func:`sistemkerja.analisis.beban_jabatan` (with the allocation when there is one).
    belanja_akun : pandas.DataFrame
        :func:`sistemkerja.analisis.belanja_akun`.
    penugasan, tim, beban_pegawai, beban_bulanan, anggaran_kegiatan, anggaran_pagu, \
mph_level1, mph_level2, mph_satu_tingkat, periksa_mph, cascade, jadwal, \
komposisi_tim : pandas.DataFrame or None
        The analyses of the allocation (``None`` without one).
    rhk, iki : pandas.DataFrame or None
        Every RHK and IKI of every SKP (:func:`sistemkerja.analisis.rhk_lengkap`: the
        MPH's and the RHK tambahan of Ketua Tim roles and Tugas SK).
    abk_tugas, abk_jenjang : pandas.DataFrame or None
        The ABK form per jabatan and jenjang: :func:`sistemkerja.analisis.abk_tugas`
        (one row per task) and :func:`sistemkerja.analisis.abk_jenjang` (recap in whole
        persons); ``None`` without an allocation.
    """

    hasil: Hasil
    ringkasan: pd.DataFrame
    rincian_teknis: pd.DataFrame
    penjelasan: pd.DataFrame
    beban_jabatan: pd.DataFrame
    belanja_akun: pd.DataFrame
    penugasan: pd.DataFrame | None = None
    tim: pd.DataFrame | None = None
    beban_pegawai: pd.DataFrame | None = None
    beban_bulanan: pd.DataFrame | None = None
    anggaran_kegiatan: pd.DataFrame | None = None
    anggaran_pagu: pd.DataFrame | None = None
    mph_level1: pd.DataFrame | None = None
    mph_level2: pd.DataFrame | None = None
    mph_satu_tingkat: pd.DataFrame | None = None
    rhk: pd.DataFrame | None = None
    iki: pd.DataFrame | None = None
    periksa_mph: pd.DataFrame | None = None
    cascade: pd.DataFrame | None = None
    jadwal: pd.DataFrame | None = None
    komposisi_tim: pd.DataFrame | None = None
    abk_tugas: pd.DataFrame | None = None
    abk_jenjang: pd.DataFrame | None = None

    @property
    def plan(self) -> Rencana:
        """The plan of the run."""
        return self.hasil.plan

    @property
    def alokasi(self) -> Alokasi | None:
        """The allocation of the run (``None`` without one)."""
        return self.hasil.alokasi

    def lembar(self) -> dict[str, pd.DataFrame]:
        """Return the table sheets of the result workbook, keyed by sheet name.

        Returns
        -------
        dict of str to pandas.DataFrame
            ``Ringkasan``, ``Rincian teknis``, ``Penjelasan`` (when infeasible); with an
            allocation also ``Penugasan``, ``Tim``, ``Beban Pegawai``, ``Beban Jabatan``,
            ``Anggaran Kegiatan``, ``Anggaran Pagu``, ``MPH Level 1``, ``MPH Level 2``,
            ``MPH Satu Tingkat``, ``RHK``, ``IKI``, ``Periksa MPH``, ``Cascade``, ``ABK Tugas``
            and ``ABK Jenjang``; without one ``Beban Jabatan`` (of the plan alone).
        """
        tables = {"Ringkasan": self.ringkasan, "Rincian teknis": self.rincian_teknis}
        if not self.penjelasan.empty:
            tables["Penjelasan"] = self.penjelasan
        if self.alokasi is None:
            tables["Beban Jabatan"] = self.beban_jabatan
            return tables
        optional = {
            "Penugasan": self.penugasan,
            "Tim": self.tim,
            "Beban Pegawai": self.beban_pegawai,
            "Beban Jabatan": self.beban_jabatan,
            "Anggaran Kegiatan": self.anggaran_kegiatan,
            "Anggaran Pagu": self.anggaran_pagu,
            "MPH Level 1": self.mph_level1,
            "MPH Level 2": self.mph_level2,
            "MPH Satu Tingkat": self.mph_satu_tingkat,
            "RHK": self.rhk,
            "IKI": self.iki,
            "Periksa MPH": self.periksa_mph,
            "Cascade": self.cascade,
            "ABK Tugas": self.abk_tugas,
            "ABK Jenjang": self.abk_jenjang,
        }
        tables.update({k: v for k, v in optional.items() if v is not None})
        return tables

    def ganti(self, **tables: pd.DataFrame) -> TabelHasil:
        """Return a copy with some tables replaced (e.g. a table edited in a notebook)."""
        return dataclasses.replace(self, **tables)


def hitung_tabel(hasil: Hasil) -> TabelHasil:
    """Compute every table of one run once.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result (or one read back from a result workbook).

    Returns
    -------
    TabelHasil
        Summary, technical details and reasons; with an allocation also every analysis
        the workbook and the HTML report show.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    plan = hasil.plan
    alokasi = hasil.alokasi
    umum = {
        "hasil": hasil,
        "ringkasan": ringkasan(hasil),
        "rincian_teknis": rincian_teknis(hasil),
        "penjelasan": penjelasan(hasil),
        "belanja_akun": analisis.belanja_akun(plan),
    }
    if alokasi is None:
        return TabelHasil(beban_jabatan=analisis.beban_jabatan(plan), **umum)
    abk_tugas = analisis.abk_tugas(plan, alokasi)
    rhk, iki = analisis.rhk_lengkap(plan, alokasi)
    return TabelHasil(
        beban_jabatan=analisis.beban_jabatan(plan, alokasi),
        penugasan=tabel_penugasan(hasil),
        tim=tabel_tim(hasil),
        beban_pegawai=analisis.beban_pegawai(plan, alokasi),
        beban_bulanan=analisis.beban_bulanan(plan, alokasi),
        anggaran_kegiatan=analisis.anggaran_kegiatan(plan, alokasi),
        anggaran_pagu=analisis.anggaran_pagu(plan, alokasi),
        mph_level1=analisis.mph_level1(plan, alokasi),
        mph_level2=analisis.mph_level2(plan, alokasi),
        mph_satu_tingkat=analisis.mph_satu_tingkat(plan, alokasi),
        rhk=rhk,
        iki=iki,
        periksa_mph=analisis.periksa_mph(plan, alokasi),
        cascade=analisis.cascade(plan, alokasi),
        jadwal=analisis.jadwal_kegiatan(plan, alokasi),
        komposisi_tim=analisis.komposisi_tim(plan, alokasi),
        abk_tugas=abk_tugas,
        abk_jenjang=analisis.abk_jenjang(plan, alokasi, abk_tugas),
        **umum,
    )


def hitung_tabel_alokasi(plan: Rencana, alokasi: Alokasi) -> TabelHasil:
    """Compute the tables of a plan under an allocation made outside the optimiser.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships (e.g. made by hand).

    Returns
    -------
    TabelHasil
        As :func:`hitung_tabel` for a result with status ``feasible`` and no solver
        details.
    """
    return hitung_tabel(
        Hasil(plan, "feasible", None, None, None, alokasi=alokasi, message="alokasi pengguna")
    )


def tabel_hasil(hasil: Hasil) -> dict[str, pd.DataFrame]:
    """Return every table sheet of the result workbook (:meth:`TabelHasil.lembar`)."""
    return hitung_tabel(hasil).lembar()
