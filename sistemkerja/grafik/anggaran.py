"""Budget chart: spending per RO, RKA Kegiatan or unit, stacked by akun, against pagu."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from sistemkerja.grafik._gaya import (
    WARNA_KAPASITAS,
    WARNA_LINTAS,
    axes,
    bungkus,
    kosong,
    sumbu_rupiah,
    teks_apa_adanya,
    tinggi,
    warna,
)

WARNA_PERSONEL = "#636363"
KUNCI = {"RO": ["program", "giat", "kro", "ro"], "Kegiatan": ["program", "giat"], "Unit": []}
"""RKA codes that tie budget lines to a pagu row, per level."""


@teks_apa_adanya
def grafik_anggaran(
    pagu: pd.DataFrame,
    akun: pd.DataFrame,
    *,
    level: str = "RO",
    ax: Axes | None = None,
) -> Axes:
    """Spending against pagu: budget lines stacked by akun, then personnel costs apart.

    Parameters
    ----------
    pagu : pandas.DataFrame
        :func:`~sistemkerja.analisis.anggaran_pagu` output.
    akun : pandas.DataFrame
        :func:`~sistemkerja.analisis.belanja_akun` output (belanja per RO and akun).
    level : {"RO", "Kegiatan", "Unit"}
        Which pagu rows to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes. Bar containers: one per akun (in order of first line), then
        ``biaya personel`` and ``biaya pelibatan`` (lintas unit/instansi, hatched); one
        bar per pagu row, top to bottom (Rp). The pagu is marked on each bar.

    Raises
    ------
    ValueError
        If ``level`` is not one of the three.
    """
    if level not in KUNCI:
        raise ValueError(f"level '{level}' tidak dikenal; pilih RO, Kegiatan atau Unit")
    rows = pagu[pagu["level"] == level].reset_index(drop=True)
    keys = KUNCI[level]
    accounts = list(dict.fromkeys(akun["akun"]))
    if keys:
        per = akun.groupby([*keys, "akun"], sort=False)["belanja"].sum()
    else:
        per = akun.groupby("akun", sort=False)["belanja"].sum()
    n = len(rows)
    ax = axes(ax, (10.0, tinggi(n, 0.45)))
    if n == 0:
        return kosong(ax, f"Tidak ada pagu tingkat {level}", "Anggaran terhadap pagu")
    y = np.arange(n)
    left = np.zeros(n)
    for i, code in enumerate(accounts):
        values = np.array(
            [
                per.get((*tuple(r[k] for k in keys), code), 0.0) if keys else per.get(code, 0.0)
                for _, r in rows.iterrows()
            ],
            dtype=float,
        )
        ax.barh(
            y, values, left=left, height=0.6, color=warna(i, len(accounts)), label=f"Akun {code}"
        )
        left += values
    personel = rows["biaya_personel"].to_numpy(dtype=float)
    ax.barh(y, personel, left=left, height=0.6, color=WARNA_PERSONEL, label="Biaya personel")
    left += personel
    libat = rows["biaya_pelibatan"].to_numpy(dtype=float)
    ax.barh(
        y,
        libat,
        left=left,
        height=0.6,
        color="white",
        edgecolor=WARNA_LINTAS,
        hatch="xxx",
        label="Biaya pelibatan lintas unit/instansi",
    )
    ax.scatter(
        rows["pagu"],
        y,
        marker="|",
        s=400,
        linewidths=2.5,
        color=WARNA_KAPASITAS,
        zorder=3,
        label="Pagu",
    )
    for i, (persen, status) in enumerate(zip(rows["persen"], rows["status"], strict=True)):
        if pd.notna(persen):
            mark = "  " + f"{persen:.1f} %".replace(".", ",")
            ax.text(
                max(left[i], rows["pagu"].iloc[i]),
                i,
                mark,
                va="center",
                fontsize=7,
                color="#b2182b" if status != "aman" else "black",
            )
    labels = [_label(r, level) for _, r in rows.iterrows()]
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_ylim(n - 0.5, -0.5)
    sumbu_rupiah(ax, "x")
    ax.margins(x=0.12)
    ax.set_xlabel("rupiah")
    handles, names = ax.get_legend_handles_labels()
    ax.legend(handles, names, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    title = {
        "RO": "Anggaran per RO",
        "Kegiatan": "Anggaran per Kegiatan (RKA)",
        "Unit": "Anggaran unit",
    }
    ax.set_title(f"{title[level]} terhadap pagu", loc="left", fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    return ax


def _label(row: pd.Series, level: str) -> str:
    codes = [str(row[k]) for k in KUNCI[level] if pd.notna(row[k])]
    name = bungkus(row["uraian"], 36, 2)
    return f"{'.'.join(codes)}\n{name}" if codes else name
