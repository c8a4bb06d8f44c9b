"""Shares of each person in each activity's result: *angka* or *pendukung*.

Practice for the Matriks Peran-Hasil (domain §4): a contribution either carries part of
the number of an additive target (**angka**) or only supports it (**pendukung**, adds
nothing). An activity is an angka carrier of its ``volume`` when it is marked as one
(``Kegiatan.angka``, *Pembawa angka*; ``False`` marks a supporting step such as the
verification of documents another activity draws up), its target is additive
(``Pola.HITUNGAN``; tugas tambahan count as additive) and its output unit equals the
target's unit (case-insensitive). A person's share of it is

    Σ over their effort lines (porsi × line hours / activity hours) × volume,

so the shares of a fully covered activity sum to its volume. Shares are rounded for
display by the largest-remainder method (:func:`sisa_terbesar`), so whole-unit shares
still sum exactly; the raw float is kept next to them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import astuple, dataclass

import pandas as pd

from sistemkerja.analisis._indeks import Indeks, indeks
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.rencana import Rencana

ANGKA, PENDUKUNG = "angka", "pendukung"
"""The two kinds of contribution (``jenis_kontribusi``)."""

KOLOM_KONTRIBUSI: tuple[str, ...] = (
    "kegiatan",
    "nama_kegiatan",
    "indikator",
    "tim",
    "nip",
    "nama",
    "jam",
    "bagian",
    "jenis_kontribusi",
    "porsi",
    "porsi_mentah",
    "satuan",
    "volume",
)
"""Columns of :func:`kontribusi`, in order."""


def sisa_terbesar(nilai: Sequence[float], langkah: float = 1.0) -> list[float]:
    """Round values to multiples of ``langkah`` keeping their rounded sum (largest remainder).

    Parameters
    ----------
    nilai : sequence of float
        Non-negative values, e.g. shares of one activity (satuan).
    langkah : float
        Rounding step, e.g. 1 for whole units, 0.01 for hundredths.

    Returns
    -------
    list of float
        Multiples of ``langkah`` whose sum is ``round(Σ nilai / langkah) × langkah``:
        each value is rounded down, then the missing steps go to the largest remainders
        (the earlier value wins a tie).

    Examples
    --------
    >>> sisa_terbesar([4 / 3, 4 / 3, 4 / 3])
    [2.0, 1.0, 1.0]
    >>> sisa_terbesar([0.5, 2.5])
    [1.0, 2.0]
    """
    skala = [v / langkah for v in nilai]
    # guard against float noise: 2.9999999999 is 3, not 2 plus a remainder
    skala = [round(s) if abs(s - round(s)) < 1e-9 else s for s in skala]
    bawah = [math.floor(s) for s in skala]
    kurang = round(sum(skala)) - sum(bawah)
    urut = sorted(range(len(skala)), key=lambda i: (-(skala[i] - bawah[i]), i))
    for i in urut[:kurang]:
        bawah[i] += 1
    return [round(b * langkah, 10) for b in bawah]


def _langkah(volume: float) -> float:
    """Whole units for whole volumes, hundredths otherwise."""
    return 1.0 if float(volume).is_integer() else 0.01


@dataclass(frozen=True, slots=True)
class BarisKontribusi:
    """One person's contribution to one activity (a row of :func:`kontribusi`)."""

    kegiatan: str
    nama_kegiatan: str
    indikator: str
    tim: str | None
    nip: str
    nama: str
    jam: float
    bagian: float
    jenis_kontribusi: str
    porsi: float
    porsi_mentah: float
    satuan: str | None
    volume: float


def hitung_kontribusi(ix: Indeks) -> list[BarisKontribusi]:
    """Contribution rows of a plan and allocation (see :func:`kontribusi`)."""
    baris: list[BarisKontribusi] = []
    for k in ix.plan.kegiatan:
        angka = ix.pembawa_angka(k)
        jam: dict[str, float] = {}
        bagian: dict[str, float] = {}
        for p in ix.penugasan_kegiatan.get(k.code, []):
            bobot = ix.bobot_baris((p.kegiatan, p.jabatan, p.jenjang_min))
            jam[p.nip] = jam.get(p.nip, 0.0) + p.jam
            bagian[p.nip] = bagian.get(p.nip, 0.0) + p.porsi * bobot
        mentah = [b * k.volume for b in bagian.values()]
        bulat = sisa_terbesar(mentah, _langkah(k.volume)) if angka else [math.nan] * len(mentah)
        for (nip, b), raw, shown in zip(bagian.items(), mentah, bulat, strict=True):
            baris.append(
                BarisKontribusi(
                    kegiatan=k.code,
                    nama_kegiatan=k.name,
                    indikator=k.indikator,
                    tim=k.tim,
                    nip=nip,
                    nama=ix.pegawai[nip].name,
                    jam=jam[nip],
                    bagian=b,
                    jenis_kontribusi=ANGKA if angka else PENDUKUNG,
                    porsi=shown,
                    porsi_mentah=raw if angka else math.nan,
                    satuan=k.satuan if angka else None,
                    volume=float(k.volume),
                )
            )
    return baris


def kontribusi(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Each person's contribution to each activity: hours, fraction, angka share.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments (``Penugasan.porsi`` is the fraction of an effort line carried).

    Returns
    -------
    pandas.DataFrame
        One row per activity and person assigned to it (activities in sheet order,
        people in order of their first assignment):

        - ``kegiatan``, ``nama_kegiatan``, ``indikator``, ``tim`` (empty when worked
          individually) — the activity;
        - ``nip``, ``nama`` — the person;
        - ``jam`` — Σ hours of the person's assignments on it (jam);
        - ``bagian`` — fraction of the activity's effort carried, Σ porsi × line hours /
          activity hours (0–1);
        - ``jenis_kontribusi`` — ``"angka"`` (carries part of the target's number) or
          ``"pendukung"`` (a Posisi/Rilis target, another output unit, or an activity
          marked ``Kegiatan.angka=False``);
        - ``porsi`` — the share rounded for display (satuan; whole units for a whole
          volume, hundredths otherwise; the shares of one activity sum to its rounded
          covered volume); NaN for pendukung;
        - ``porsi_mentah`` — the unrounded share ``bagian × volume`` (satuan); NaN for
          pendukung;
        - ``satuan`` — output unit of the share (empty for pendukung);
        - ``volume`` — the activity's output volume (satuan keluaran).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    rows = [astuple(b) for b in hitung_kontribusi(indeks(plan, alokasi))]
    return pd.DataFrame(rows, columns=list(KOLOM_KONTRIBUSI))


class KontribusiKegiatan:
    """Contribution rows of one plan and allocation, grouped by activity.

    Parameters
    ----------
    ix : Indeks
        Lookups of the plan and allocation.
    """

    def __init__(self, ix: Indeks) -> None:
        self.ix = ix
        self.per_kegiatan: dict[str, list[BarisKontribusi]] = {}
        for row in hitung_kontribusi(ix):
            self.per_kegiatan.setdefault(row.kegiatan, []).append(row)

    def rows(self, kegiatan: str, nip: str | None = None) -> list[BarisKontribusi]:
        """Contributions to one activity, of one person or (``nip=None``) of everybody."""
        found = self.per_kegiatan.get(kegiatan, [])
        return found if nip is None else [r for r in found if r.nip == nip]
