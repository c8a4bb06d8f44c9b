"""Scenario comparison: several results side by side, one small chart per measure."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sistemkerja.grafik._gaya import (
    PALET,
    axes,
    bungkus,
    sumbu_angka,
    sumbu_rupiah,
    teks_apa_adanya,
)

UKURAN: dict[str, str] = {
    "ej_maks": "EJ tertinggi",
    "sebaran_ej": "Sebaran EJ (simpangan baku)",
    "biaya": "Biaya personel dan pelibatan",
    "lintas": "Pegawai lintas unit/instansi (orang)",
    "target_bermasalah": "Target belum teralokasi penuh",
}
"""Measures of :func:`~sistemkerja.analisis.banding_skenario` and their titles."""


@teks_apa_adanya
def grafik_skenario(
    banding: pd.DataFrame, ukuran: str = "ej_maks", *, ax: Axes | None = None
) -> Axes:
    """One measure across scenarios, as bars (lower is better for every measure).

    Parameters
    ----------
    banding : pandas.DataFrame
        :func:`~sistemkerja.analisis.banding_skenario` output.
    ukuran : str
        One of :data:`UKURAN`.
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes; its bar container holds one bar per scenario, in order.

    Raises
    ------
    ValueError
        If ``ukuran`` is not a known measure.
    """
    if ukuran not in UKURAN:
        raise ValueError(f"ukuran '{ukuran}' tidak dikenal; pilih salah satu: {', '.join(UKURAN)}")
    n = len(banding)
    ax = axes(ax, (max(4.0, 1.2 + 0.9 * n), 3.5))
    x = np.arange(n)
    values = banding[ukuran].to_numpy(dtype=float)
    best = np.nanmin(values) if n and np.isfinite(values).any() else np.nan
    colours = [PALET[0] if v == best else PALET[9] for v in values]
    ax.bar(x, values, color=colours)
    ax.set_xticks(x, [bungkus(s, 12, 2) for s in banding["skenario"]], fontsize=8)
    if ukuran == "biaya":
        sumbu_rupiah(ax, "y")
    else:
        sumbu_angka(ax, "y", 2 if ukuran in ("ej_maks", "sebaran_ej") else 0)
    ax.set_title(UKURAN[ukuran], loc="left", fontsize=9)
    ax.grid(axis="y", alpha=0.3)
    return ax


@teks_apa_adanya
def gambar_skenario(banding: pd.DataFrame) -> Figure:
    """All measures of :data:`UKURAN` side by side; the best scenario of each is blue."""
    figure = Figure(figsize=(max(10.0, 2.0 * len(UKURAN)), 3.8), layout="constrained")
    for ax, ukuran in zip(figure.subplots(1, len(UKURAN)), UKURAN, strict=True):
        grafik_skenario(banding, ukuran, ax=ax)
    figure.suptitle("Perbandingan skenario (lebih rendah lebih baik)", fontsize=11)
    return figure
