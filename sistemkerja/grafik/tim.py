"""Team composition chart: members per team by jabatan, jenjang or origin."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from sistemkerja.grafik._gaya import axes, bungkus, kosong, teks_apa_adanya, tinggi, warna

MENURUT = {"jabatan": "jabatan", "jenjang": "jenjang", "asal": "asal"}
"""Ways to split each team's members, and their column in the composition frame."""


@teks_apa_adanya
def grafik_komposisi_tim(
    komposisi: pd.DataFrame, *, menurut: str = "jabatan", ax: Axes | None = None
) -> Axes:
    """Members of each team, stacked by jabatan, jenjang or origin.

    Parameters
    ----------
    komposisi : pandas.DataFrame
        :func:`~sistemkerja.analisis.komposisi_tim` output.
    menurut : {"jabatan", "jenjang", "asal"}
        What to stack by.
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes: one bar container per category (in order of first appearance), one
        bar per team (top to bottom, sheet order), heights in orang. The Ketua's name
        is named under each team.

    Raises
    ------
    ValueError
        If ``menurut`` is not one of the three.
    """
    if menurut not in MENURUT:
        raise ValueError(f"menurut '{menurut}' tidak dikenal; pilih jabatan, jenjang atau asal")
    teams = list(dict.fromkeys(komposisi["tim"]))
    names = komposisi.drop_duplicates("tim").set_index("tim")["nama_tim"]
    column = MENURUT[menurut]
    counts = komposisi.groupby(["tim", column], sort=False).size().unstack(fill_value=0)
    counts = counts.reindex(index=teams, fill_value=0)
    counts = counts[list(dict.fromkeys(komposisi[column]))]
    n = len(teams)
    ax = axes(ax, (10.0, tinggi(n, 0.6)))
    if n == 0:
        return kosong(ax, "Belum ada anggota tim", "Komposisi tim")
    y = np.arange(n)
    left = np.zeros(n)
    for i, category in enumerate(counts.columns):
        values = counts[category].to_numpy(dtype=float)
        ax.barh(
            y,
            values,
            left=left,
            height=0.6,
            color=warna(i, len(counts.columns)),
            label=bungkus(category, 30, 1),
        )
        left += values
    ketua = komposisi[komposisi["ketua"]].drop_duplicates("tim").set_index("tim")["nama"]
    labels = [
        bungkus(names[t], 32, 2)
        + (f"\nKetua: {bungkus(ketua[t], 26, 1)}" if t in ketua.index else "")
        for t in teams
    ]
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlabel("anggota (orang)")
    ax.margins(x=0.05)
    ax.legend(
        fontsize=7,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        title=menurut.capitalize(),
        title_fontsize=8,
    )
    ax.set_title(f"Komposisi tim menurut {menurut}", loc="left", fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    return ax
