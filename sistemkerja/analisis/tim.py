"""Team composition: who sits in each team, with jabatan, jenjang and origin."""

from __future__ import annotations

import pandas as pd

from sistemkerja.analisis._indeks import indeks
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.rencana import Rencana

KOLOM_KOMPOSISI_TIM: tuple[str, ...] = (
    "tim",
    "nama_tim",
    "nip",
    "nama",
    "jabatan",
    "jenjang",
    "asal",
    "ketua",
)
"""Columns of :func:`komposisi_tim`, in order."""


def komposisi_tim(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Members of every team with their jabatan, jenjang and origin.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per membership, teams in sheet order, Ketua first, then members in
        Pegawai order: ``tim``, ``nama_tim``; ``nip``, ``nama``; ``jabatan`` (family,
        without jenjang); ``jenjang``; ``asal`` (``"Unit"``, ``"Lintas unit"``,
        ``"Lintas instansi"``); ``ketua`` (bool).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people or teams.
    """
    ix = indeks(plan, alokasi)
    order = {pg.nip: i for i, pg in enumerate(plan.pegawai)}
    rows = []
    for t in plan.tim:
        members = [k for k in alokasi.keanggotaan if k.tim == t.code]
        for k in sorted(members, key=lambda k: (not k.ketua, order[k.nip])):
            pg = ix.pegawai[k.nip]
            asal = plan.asal(pg).value
            rows.append(
                (t.code, t.name, pg.nip, pg.name, pg.jabatan, pg.jenjang.value, asal, k.ketua)
            )
    return pd.DataFrame(rows, columns=list(KOLOM_KOMPOSISI_TIM))
