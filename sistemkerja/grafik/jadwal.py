"""Schedule chart: a Gantt of activities by month, grouped by team."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from sistemkerja.grafik._gaya import (
    NAMA_BULAN,
    PALET,
    axes,
    bungkus,
    kosong,
    teks_apa_adanya,
    tinggi,
)

INDIVIDU = "Individu"
"""Group label of activities without a team."""
KEGIATAN_PER_HALAMAN = 50
"""Most activities in one figure of :func:`gambar_jadwal`."""


def urut_tim(jadwal: pd.DataFrame) -> pd.DataFrame:
    """Order activities by team (teams in order of first appearance, individual last)."""
    team = jadwal["nama_tim"].fillna(INDIVIDU)
    first = {t: i for i, t in enumerate(t for t in dict.fromkeys(team) if t != INDIVIDU)}
    rank = team.map(lambda t: first.get(t, len(first)))
    return (
        jadwal.assign(_rank=rank.to_numpy())
        .sort_values("_rank", kind="stable")
        .drop(columns="_rank")
    )


@teks_apa_adanya
def grafik_jadwal(
    jadwal: pd.DataFrame, *, ax: Axes | None = None, judul: str | None = None
) -> Axes:
    """Gantt chart of activities by month (Jan–Des), grouped and coloured by team.

    Parameters
    ----------
    jadwal : pandas.DataFrame
        :func:`~sistemkerja.analisis.jadwal_kegiatan` output (``kegiatan``, ``nama``,
        ``nama_tim``, ``bulan_mulai``, ``bulan_selesai``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure tall enough for every activity when omitted.
    judul : str, optional
        Title (default "Jadwal kegiatan").

    Returns
    -------
    matplotlib.axes.Axes
        The Axes; its bar container holds one bar per activity (top to bottom) from the
        start of its first month to the end of its last.
    """
    df = urut_tim(jadwal)
    n = len(df)
    ax = axes(ax, (10.0, tinggi(n, 0.24)))
    if n == 0:
        return kosong(ax, "Tidak ada kegiatan", judul or "Jadwal kegiatan")
    team = df["nama_tim"].fillna(INDIVIDU)
    names = list(dict.fromkeys(team))
    colour = {t: PALET[i % len(PALET)] for i, t in enumerate(names)}
    y = np.arange(n)
    start = df["bulan_mulai"].to_numpy(dtype=float) - 0.5
    width = (df["bulan_selesai"] - df["bulan_mulai"] + 1).to_numpy(dtype=float)
    ax.barh(y, width, left=start, height=0.7, color=[colour[t] for t in team])
    labels = [f"{c} {bungkus(nm, 38, 1)}" for c, nm in zip(df["kegiatan"], df["nama"], strict=True)]
    ax.set_yticks(y, labels, fontsize=7)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks(range(1, 13), NAMA_BULAN)
    ax.set_xlim(0.5, 12.5)
    ax.xaxis.tick_top()
    ax.grid(axis="x", alpha=0.3)
    previous = None
    for i, t in enumerate(team):
        if previous is not None and t != previous:
            ax.axhline(i - 0.5, color="#616161", linewidth=0.6)
        previous = t
    ax.legend(
        handles=[Patch(color=colour[t], label=bungkus(t, 40, 1)) for t in names],
        fontsize=7,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        title="Tim",
        title_fontsize=8,
    )
    ax.set_title(judul or "Jadwal kegiatan", loc="left", fontsize=11, pad=18)
    return ax


@teks_apa_adanya
def gambar_jadwal(jadwal: pd.DataFrame, *, per_halaman: int = KEGIATAN_PER_HALAMAN) -> list[Figure]:
    """Draw :func:`grafik_jadwal` on as many figures as the activities need."""
    if per_halaman < 1:
        raise ValueError("per_halaman harus minimal 1")
    df = urut_tim(jadwal)
    pages = [df.iloc[i : i + per_halaman] for i in range(0, len(df), per_halaman)] or [df]
    figures = []
    for i, page in enumerate(pages, start=1):
        title = (
            "Jadwal kegiatan"
            if len(pages) == 1
            else f"Jadwal kegiatan (halaman {i} dari {len(pages)})"
        )
        figures.append(grafik_jadwal(page, judul=title).figure)
    return figures
