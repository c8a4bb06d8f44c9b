"""Budget recap: activity costs rolled up to RO, RKA Kegiatan and the unit's pagu.

Three kinds of cost (Rp): *belanja* (the activity's budget lines), *biaya personel*
(``Penugasan.biaya``: hours × hourly cost, honorarium per SBM) and *biaya pelibatan*
(``Pegawai.involvement_cost`` of each person involved from another unit or agency).
"""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd

from sistemkerja.analisis._indeks import indeks
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.rencana import Rencana

KunciRO = tuple[str, str, str, str]
"""(program, giat, kro, ro) of a budget line."""

AMAN, MELEBIHI = "aman", "melebihi pagu"
"""Statuses of a pagu row."""

KOLOM_ANGGARAN_KEGIATAN: tuple[str, ...] = (
    "kegiatan",
    "nama",
    "program",
    "giat",
    "kro",
    "ro",
    "belanja",
    "biaya_personel",
    "total",
)
"""Columns of :func:`anggaran_kegiatan`, in order."""

KOLOM_ANGGARAN_PAGU: tuple[str, ...] = (
    "level",
    "program",
    "giat",
    "kro",
    "ro",
    "uraian",
    "pagu",
    "belanja",
    "biaya_personel",
    "biaya_pelibatan",
    "total",
    "sisa",
    "persen",
    "status",
)
"""Columns of :func:`anggaran_pagu`, in order."""


def _ro_per_kegiatan(plan: Rencana) -> dict[str, dict[KunciRO, float]]:
    """Return budget-line totals (Rp) of each activity per RO, in order of first line."""
    hasil: dict[str, dict[KunciRO, float]] = {k.code: {} for k in plan.kegiatan}
    for a in plan.anggaran:
        per_ro = hasil.setdefault(a.kegiatan, {})
        kunci = (a.program, a.giat, a.kro, a.ro)
        per_ro[kunci] = per_ro.get(kunci, 0.0) + a.jumlah
    return hasil


def _ro_utama(per_ro: dict[KunciRO, float]) -> KunciRO | None:
    """Return the RO with the largest line total (first on a tie); ``None`` without lines."""
    if not per_ro:
        return None
    return max(per_ro, key=lambda kunci: per_ro[kunci])


def anggaran_kegiatan(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Budget of each activity: its budget lines plus the personnel cost of its staff.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments (``Penugasan.biaya`` is the personnel cost).

    Returns
    -------
    pandas.DataFrame
        One row per activity and RO of its budget lines (activities in sheet order; an
        activity whose lines span several RO gets one row per RO, in order of first
        line; an activity without lines gets one row with empty codes):

        - ``kegiatan``, ``nama`` — activity code and name;
        - ``program``, ``giat``, ``kro``, ``ro`` — RKA-K/L codes of the lines;
        - ``belanja`` — Σ volume × harga satuan of those lines (Rp);
        - ``biaya_personel`` — Σ ``Penugasan.biaya`` on the activity (Rp), attributed in
          full to the activity's RO with the largest line total (0 on its other rows);
        - ``total`` — ``belanja + biaya_personel`` (Rp).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    indeks(plan, alokasi)
    personel: dict[str, float] = defaultdict(float)
    for p in alokasi.penugasan:
        personel[p.kegiatan] += p.biaya
    ro = _ro_per_kegiatan(plan)
    baris = []
    for k in plan.kegiatan:
        utama = _ro_utama(ro[k.code])
        if utama is None:
            biaya = personel[k.code]
            baris.append((k.code, k.name, None, None, None, None, 0.0, biaya, biaya))
            continue
        for kunci, belanja in ro[k.code].items():
            biaya = personel[k.code] if kunci == utama else 0.0
            baris.append((k.code, k.name, *kunci, belanja, biaya, belanja + biaya))
    return pd.DataFrame(baris, columns=list(KOLOM_ANGGARAN_KEGIATAN))


def _pelibatan(plan: Rencana, alokasi: Alokasi) -> tuple[dict[tuple[str, str], float], float]:
    """Involvement cost (Rp) per RKA Kegiatan (program, giat), and in total.

    A person from another unit or agency counts once when they have any assignment or
    membership; their cost goes to the RKA Kegiatan where they work most hours (the
    activity's main RO decides its RKA Kegiatan). Without hours on budgeted activities it
    counts only in the total.
    """
    ix = indeks(plan, alokasi)
    ro = _ro_per_kegiatan(plan)
    jam: dict[str, dict[tuple[str, str], float]] = defaultdict(dict)
    terlibat: list[str] = []
    for p in alokasi.penugasan:
        terlibat.append(p.nip)
        utama = _ro_utama(ro[p.kegiatan])
        if utama is not None:
            giat = (utama[0], utama[1])
            jam[p.nip][giat] = jam[p.nip].get(giat, 0.0) + p.jam
    terlibat += [a.nip for a in alokasi.keanggotaan]
    per_giat: dict[tuple[str, str], float] = defaultdict(float)
    total = 0.0
    for nip in dict.fromkeys(terlibat):
        if ix.asal(nip) is Asal.UNIT:
            continue
        biaya = ix.pegawai[nip].involvement_cost
        total += biaya
        if jam[nip]:
            giat = max(jam[nip], key=lambda g: jam[nip][g])
            per_giat[giat] += biaya
    return dict(per_giat), total


def _status(pagu: float, total: float) -> tuple[float, float, str]:
    sisa = pagu - total
    persen = total / pagu * 100 if pagu > 0 else math.nan
    return sisa, persen, AMAN if total <= pagu + 1e-6 else MELEBIHI


def anggaran_pagu(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Budget use against every pagu (RKA Kegiatan and RO) and against the unit's pagu.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per row of the Pagu sheet, in sheet order, then one ``"Unit"`` row:

        - ``level`` — ``"Kegiatan"`` (RKA Kegiatan ceiling), ``"RO"`` or ``"Unit"``;
        - ``program``, ``giat``, ``kro``, ``ro`` — RKA-K/L codes (empty where not
          applicable);
        - ``uraian`` — description (the unit's name on the Unit row);
        - ``pagu`` — the ceiling (Rp); on the Unit row ``plan.pagu_total``;
        - ``belanja`` — Σ budget lines under the codes (Rp);
        - ``biaya_personel`` — personnel cost attributed to the codes (Rp), as in
          :func:`anggaran_kegiatan`;
        - ``biaya_pelibatan`` — Σ ``involvement_cost`` of people from other units or
          agencies involved (any assignment or membership), each counted once (Rp). Only
          on Kegiatan rows, attributed to the RKA Kegiatan where the person works most
          hours (through each activity's main RO); 0 on RO rows. The Unit row holds every
          such cost, including that of people without hours on a budgeted activity;
        - ``total`` — ``belanja + biaya_personel + biaya_pelibatan`` (Rp);
        - ``sisa`` — ``pagu − total`` (Rp; negative when over);
        - ``persen`` — ``total / pagu × 100`` (%; NaN when the pagu is 0);
        - ``status`` — ``"aman"`` when ``total ≤ pagu``, else ``"melebihi pagu"``.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    kegiatan = anggaran_kegiatan(plan, alokasi)
    pelibatan, pelibatan_total = _pelibatan(plan, alokasi)
    baris = []
    for pg in plan.pagu:
        # a ceiling without codes (as a PK may give it) matches no budget line
        pilih = (kegiatan["program"] == pg.program) & (kegiatan["giat"] == pg.giat)
        pilih &= pg.berkode
        if pg.is_ro:
            pilih &= (kegiatan["kro"] == pg.kro) & (kegiatan["ro"] == pg.ro)
            libat = 0.0
        else:
            libat = pelibatan.get((pg.program, pg.giat), 0.0)
        belanja = float(kegiatan.loc[pilih, "belanja"].sum())
        personel = float(kegiatan.loc[pilih, "biaya_personel"].sum())
        total = belanja + personel + libat
        level = "RO" if pg.is_ro else "Kegiatan"
        row = (level, pg.program, pg.giat, pg.kro, pg.ro, pg.name, float(pg.pagu))
        baris.append((*row, belanja, personel, libat, total, *_status(pg.pagu, total)))
    belanja = float(kegiatan["belanja"].sum())
    personel = float(kegiatan["biaya_personel"].sum())
    total = belanja + personel + pelibatan_total
    uraian = plan.unit.name if plan.unit is not None else plan.pk.unit
    pagu = float(plan.pagu_total)
    unit = ("Unit", None, None, None, None, uraian, pagu)
    baris.append((*unit, belanja, personel, pelibatan_total, total, *_status(pagu, total)))
    return pd.DataFrame(baris, columns=list(KOLOM_ANGGARAN_PAGU))


KOLOM_BELANJA_AKUN: tuple[str, ...] = ("program", "giat", "kro", "ro", "akun", "belanja")
"""Columns of :func:`belanja_akun`, in order."""


def belanja_akun(plan: Rencana) -> pd.DataFrame:
    """Budget lines summed per RO and akun (the RKA-K/L breakdown of belanja).

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    pandas.DataFrame
        One row per (program, giat, kro, ro, akun) in order of first line:
        ``program``, ``giat``, ``kro``, ``ro``, ``akun`` (six-digit account) and
        ``belanja`` — Σ volume × harga satuan (Rp).
    """
    total: dict[tuple[str, str, str, str, str], float] = {}
    for a in plan.anggaran:
        key = (a.program, a.giat, a.kro, a.ro, a.akun)
        total[key] = total.get(key, 0.0) + a.jumlah
    return pd.DataFrame(
        [(*key, jumlah) for key, jumlah in total.items()], columns=list(KOLOM_BELANJA_AKUN)
    )
