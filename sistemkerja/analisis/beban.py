"""Workload (ABK): hours and efisiensi jabatan (EJ) per person and per jabatan.

EJ = workload ÷ (staff × effective hours) (Permenpan RB 1/2020). Its bands A–E are
agency practice, read from the plan's Kebijakan sheet
(:attr:`~sistemkerja.domain.kebijakan.Kebijakan.kategori_ej`, a
:class:`~sistemkerja.domain.ej.TabelEJ`); :data:`PITA_ABK` is the default table. The
target band is policy (:attr:`~sistemkerja.domain.kebijakan.Kebijakan.ej_min`,
``ej_max``). Frames holding a band column carry the table they used in
``DataFrame.attrs["kategori_ej"]`` (charts read their legend from it).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import NamedTuple

import pandas as pd

from sistemkerja.analisis._indeks import TOLERANSI, indeks
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.ej import TABEL_EJ_BAWAAN, TabelEJ
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.domain.rencana import Rencana


class PitaABK(NamedTuple):
    """One EJ band: its letter, its predikat and its lowest EJ.

    Parameters
    ----------
    kategori : str
        Letter ``"A"``–``"E"``.
    predikat : str
        Indonesian grade (``"Sangat Baik"``…).
    ej_min : float
        Lowest EJ in the band (inclusive); the band runs up to the next band's ``ej_min``.
    """

    kategori: str
    predikat: str
    ej_min: float


PITA_ABK: tuple[PitaABK, ...] = tuple(
    PitaABK(p.kategori, p.predikat, max(p.batas, 0.0)) for p in TABEL_EJ_BAWAAN.pita
)
"""The default EJ bands (:data:`~sistemkerja.domain.ej.TABEL_EJ_BAWAAN`), highest first:
A ≥ 1.00; B 0.90–0.99; C 0.70–0.89; D 0.50–0.69; E < 0.50. A plan's own table is
``plan.kebijakan.kategori_ej``."""

TANPA_NILAI = "-"
"""Shown as kategori, predikat or posisi when EJ is undefined (no capacity)."""

DI_BAWAH, DALAM, DI_ATAS = "di bawah pita", "dalam pita", "di atas pita"
"""Positions of an EJ relative to the policy's target band."""


def abk_kategori(ej: float, pita: TabelEJ | None = None) -> tuple[str, str]:
    """Return the ABK category letter and predikat of an EJ.

    Parameters
    ----------
    ej : float
        Efisiensi jabatan (dimensionless, 1.00 = fully loaded).
    pita : TabelEJ, optional
        The band table, normally ``plan.kebijakan.kategori_ej``; the default table
        (:data:`PITA_ABK`) when omitted.

    Returns
    -------
    tuple of (str, str)
        ``(kategori, predikat)``, e.g. ``("B", "Baik")`` for 0.90 in the default table;
        an edge written with ``≥`` belongs to the higher band (0.70 is C), one written
        with ``>`` to the lower (Kemenkeu ``A > 1,00``: 1.00 is B). ``("-", "-")`` for NaN.

    Examples
    --------
    >>> abk_kategori(1.0)
    ('A', 'Sangat Baik')
    >>> abk_kategori(0.4999)
    ('E', 'Kurang')
    """
    if ej is None or math.isnan(ej):
        return TANPA_NILAI, TANPA_NILAI
    band = (pita or TABEL_EJ_BAWAAN).kategori(ej, TOLERANSI)
    return band.kategori, band.predikat


def posisi_pita(ej: float, kebijakan: Kebijakan) -> str:
    """Place an EJ relative to the policy's target band [``ej_min``, ``ej_max``].

    Parameters
    ----------
    ej : float
        Efisiensi jabatan.
    kebijakan : Kebijakan
        Policy holding the band.

    Returns
    -------
    str
        ``"di bawah pita"``, ``"dalam pita"`` (edges included) or ``"di atas pita"``;
        ``"-"`` for NaN.
    """
    if ej is None or math.isnan(ej):
        return TANPA_NILAI
    if ej < kebijakan.ej_min - TOLERANSI:
        return DI_BAWAH
    if ej > kebijakan.ej_max + TOLERANSI:
        return DI_ATAS
    return DALAM


KOLOM_BEBAN_PEGAWAI: tuple[str, ...] = (
    "nip",
    "nama",
    "jabatan",
    "jenjang",
    "asal",
    "kapasitas",
    "jam_terikat",
    "jam_tugas",
    "jam_ketua",
    "jam_total",
    "ej",
    "kategori",
    "predikat",
    "posisi",
    "jumlah_tim",
    "peran",
)
"""Columns of :func:`beban_pegawai`, in order."""


def beban_pegawai(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Workload and EJ of every person in the plan under an allocation.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per person of the Pegawai sheet (own unit and candidates), in sheet order:

        - ``nip``, ``nama``, ``jabatan``, ``jenjang`` (label), ``asal`` (``Unit``,
          ``Lintas unit``, ``Lintas instansi``);
        - ``kapasitas`` — effective hours available (jam/tahun), ``plan.capacity``;
        - ``jam_terikat`` — hours committed elsewhere (jam/tahun);
        - ``jam_tugas`` — Σ hours of the person's assignments (jam);
        - ``jam_ketua`` — ``kebijakan.jam_ketua`` × teams led (jam);
        - ``jam_total`` — ``jam_terikat + jam_tugas + jam_ketua`` (jam);
        - ``ej`` — ``jam_total / kapasitas``; NaN when ``kapasitas`` is 0;
        - ``kategori``, ``predikat`` — band of the plan's ``kebijakan.kategori_ej``
          (``"-"`` when NaN);
        - ``posisi`` — ``"di bawah pita"``, ``"dalam pita"``, ``"di atas pita"`` against
          [``ej_min``, ``ej_max``] of the policy;
        - ``jumlah_tim`` — teams the person belongs to (tim);
        - ``peran`` — ``"Ketua Tim"``, ``"Anggota"``, ``"Mandiri"`` (works an activity
          without a team) or several joined by ``", "``; ``"-"`` for none.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    jam_tugas: dict[str, float] = defaultdict(float)
    mandiri: set[str] = set()
    for p in alokasi.penugasan:
        jam_tugas[p.nip] += p.jam
        if ix.kegiatan[p.kegiatan].tim is None:
            mandiri.add(p.nip)
    memimpin: dict[str, int] = defaultdict(int)
    for pemimpin in ix.ketua.values():
        for nip in pemimpin:
            memimpin[nip] += 1
    tim_orang: dict[str, set[str]] = defaultdict(set)
    for tim, anggota in ix.anggota.items():
        for nip in anggota:
            tim_orang[nip].add(tim)
    baris = []
    for pg in plan.pegawai:
        kapasitas = plan.capacity(pg)
        jam_ketua = plan.kebijakan.jam_ketua * memimpin[pg.nip]
        total = pg.committed_hours + jam_tugas[pg.nip] + jam_ketua
        ej = total / kapasitas if kapasitas > 0 else math.nan
        kategori, predikat = abk_kategori(ej, plan.kebijakan.kategori_ej)
        anggota_biasa = len(tim_orang[pg.nip]) > memimpin[pg.nip]
        peran = [
            nama
            for nama, ya in (
                ("Ketua Tim", memimpin[pg.nip] > 0),
                ("Anggota", anggota_biasa),
                ("Mandiri", pg.nip in mandiri),
            )
            if ya
        ]
        baris.append(
            (
                pg.nip,
                pg.name,
                pg.jabatan,
                pg.jenjang.value,
                plan.asal(pg).value,
                float(kapasitas),
                float(pg.committed_hours),
                float(jam_tugas[pg.nip]),
                float(jam_ketua),
                float(total),
                ej,
                kategori,
                predikat,
                posisi_pita(ej, plan.kebijakan),
                len(tim_orang[pg.nip]),
                ", ".join(peran) or TANPA_NILAI,
            )
        )
    df = pd.DataFrame(baris, columns=list(KOLOM_BEBAN_PEGAWAI))
    df.attrs["kategori_ej"] = plan.kebijakan.kategori_ej
    return df


KOLOM_BEBAN_JABATAN: tuple[str, ...] = (
    "jabatan",
    "jam_kebutuhan",
    "kebutuhan_pegawai",
    "pegawai_tersedia",
    "pegawai_ditugaskan",
    "ej",
    "kategori",
    "predikat",
    "selisih",
)
"""Columns of :func:`beban_jabatan`, in order."""


def beban_jabatan(plan: Rencana, alokasi: Alokasi | None = None) -> pd.DataFrame:
    """ABK per jabatan: hours needed, staff needed and EJ of the unit's staff.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi, optional
        When given, also count the people actually assigned to each jabatan's work.

    Returns
    -------
    pandas.DataFrame
        One row per jabatan of the Beban Kegiatan sheet, in order of first appearance
        (a jabatan without effort lines, such as the unit head's, has no row):

        - ``jabatan`` — position family;
        - ``jam_kebutuhan`` — Σ volume × norma waktu of its effort lines (jam);
        - ``kebutuhan_pegawai`` — ``jam_kebutuhan / kebijakan.jam_efektif`` (orang);
        - ``pegawai_tersedia`` — the planning unit's own staff in that jabatan (orang);
        - ``pegawai_ditugaskan`` — distinct people assigned to effort lines of that
          jabatan (orang; ``<NA>`` without an allocation);
        - ``ej`` — ``jam_kebutuhan / (pegawai_tersedia × jam_efektif)``; NaN without staff;
        - ``kategori``, ``predikat`` — band of the plan's ``kebijakan.kategori_ej``;
        - ``selisih`` — ``pegawai_tersedia − kebutuhan_pegawai`` (orang; negative = short).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    jam_efektif = plan.kebijakan.jam_efektif
    jam: dict[str, float] = {}
    for b in plan.beban:
        jam[b.jabatan] = jam.get(b.jabatan, 0.0) + b.jam
    tersedia: dict[str, int] = defaultdict(int)
    for pg in plan.pegawai:
        if plan.asal(pg) is Asal.UNIT:
            tersedia[pg.jabatan] += 1
    ditugaskan: dict[str, set[str]] | None = None
    if alokasi is not None:
        indeks(plan, alokasi)
        ditugaskan = defaultdict(set)
        for p in alokasi.penugasan:
            ditugaskan[p.jabatan].add(p.nip)
    baris = []
    for jabatan, jam_kebutuhan in jam.items():
        orang = tersedia[jabatan]
        ej = jam_kebutuhan / (orang * jam_efektif) if orang else math.nan
        kategori, predikat = abk_kategori(ej, plan.kebijakan.kategori_ej)
        kebutuhan = jam_kebutuhan / jam_efektif
        baris.append(
            (
                jabatan,
                float(jam_kebutuhan),
                kebutuhan,
                orang,
                pd.NA if ditugaskan is None else len(ditugaskan[jabatan]),
                ej,
                kategori,
                predikat,
                orang - kebutuhan,
            )
        )
    df = pd.DataFrame(baris, columns=list(KOLOM_BEBAN_JABATAN))
    df = df.astype({"pegawai_tersedia": "int64", "pegawai_ditugaskan": "Int64"})
    df.attrs["kategori_ej"] = plan.kebijakan.kategori_ej
    return df


KOLOM_BEBAN_BULANAN: tuple[str, ...] = ("bulan", "jam_tugas", "kapasitas")
"""Columns of :func:`beban_bulanan`, in order."""


def beban_bulanan(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Compare the hours assigned per month with the staff's monthly capacity.

    An activity's hours are spread evenly over its months, as the optimiser's monthly
    capacity rule does.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments.

    Returns
    -------
    pandas.DataFrame
        Twelve rows: ``bulan`` (1–12); ``jam_tugas`` — Σ assigned hours falling in the
        month (jam); ``kapasitas`` — Σ (capacity − committed hours) ÷ 12 over the unit's
        own staff and everyone from outside with an assignment or a membership (jam).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    per_month: dict[int, float] = defaultdict(float)
    for p in alokasi.penugasan:
        months = ix.kegiatan[p.kegiatan].months
        for month in months:
            per_month[month] += p.jam / len(months)
    involved = {p.nip for p in alokasi.penugasan} | {k.nip for k in alokasi.keanggotaan}
    people = [pg for pg in plan.pegawai if pg.nip in involved or plan.asal(pg) is Asal.UNIT]
    capacity = sum(plan.jam_tersedia(pg) for pg in people) / 12
    return pd.DataFrame(
        [(month, per_month[month], capacity) for month in range(1, 13)],
        columns=list(KOLOM_BEBAN_BULANAN),
    )
