"""Activity schedule: the months each activity runs and its hours spread over them."""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd

from sistemkerja.analisis._indeks import indeks
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.rencana import Rencana

BULAN: tuple[str, ...] = (
    "jan",
    "feb",
    "mar",
    "apr",
    "mei",
    "jun",
    "jul",
    "agu",
    "sep",
    "okt",
    "nov",
    "des",
)
"""Month columns of :func:`jadwal_kegiatan` (Indonesian abbreviations, January first)."""

KOLOM_JADWAL: tuple[str, ...] = (
    "kegiatan",
    "nama",
    "indikator",
    "tim",
    "nama_tim",
    "bulan_mulai",
    "bulan_selesai",
    "jam_rencana",
    "jam_dialokasikan",
    "pelaksana",
    *BULAN,
)
"""Columns of :func:`jadwal_kegiatan`, in order."""


def jadwal_kegiatan(plan: Rencana, alokasi: Alokasi | None = None) -> pd.DataFrame:
    """Schedule of every activity: months, team and hours per month.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi, optional
        When given, the hours actually assigned are scheduled instead of the planned ones.

    Returns
    -------
    pandas.DataFrame
        One row per activity of the Kegiatan sheet, in sheet order:

        - ``kegiatan``, ``nama`` — activity code and name;
        - ``indikator`` — code of the indicator or tugas tambahan it serves;
        - ``tim``, ``nama_tim`` — team code and name (empty when worked individually);
        - ``bulan_mulai``, ``bulan_selesai`` — first and last month (1–12);
        - ``jam_rencana`` — Σ volume × norma waktu of its effort lines (jam);
        - ``jam_dialokasikan`` — Σ hours of its assignments (jam; NaN without an
          allocation);
        - ``pelaksana`` — distinct people assigned to it (orang; ``<NA>`` without an
          allocation);
        - ``jan`` … ``des`` — hours in each month (jam): ``jam_dialokasikan`` (or
          ``jam_rencana`` without an allocation) spread evenly over the months the
          activity runs, as the optimiser's monthly capacity rule does; 0 outside them.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    jam_rencana = plan.jam_kegiatan()
    jam_alokasi: dict[str, float] = defaultdict(float)
    orang: dict[str, set[str]] = defaultdict(set)
    if alokasi is not None:
        indeks(plan, alokasi)
        for p in alokasi.penugasan:
            jam_alokasi[p.kegiatan] += p.jam
            orang[p.kegiatan].add(p.nip)
    nama_tim = {t.code: t.name for t in plan.tim}
    baris = []
    for k in plan.kegiatan:
        dialokasikan = jam_alokasi[k.code] if alokasi is not None else math.nan
        jam = dialokasikan if alokasi is not None else jam_rencana[k.code]
        per_bulan = jam / len(k.months)
        bulan = [per_bulan if b in k.months else 0.0 for b in range(1, 13)]
        baris.append(
            (
                k.code,
                k.name,
                k.indikator,
                k.tim,
                None if k.tim is None else nama_tim.get(k.tim, k.tim),
                k.bulan_mulai,
                k.bulan_selesai,
                float(jam_rencana[k.code]),
                float(dialokasikan),
                pd.NA if alokasi is None else len(orang[k.code]),
                *bulan,
            )
        )
    df = pd.DataFrame(baris, columns=list(KOLOM_JADWAL))
    return df.astype({"pelaksana": "Int64"})
