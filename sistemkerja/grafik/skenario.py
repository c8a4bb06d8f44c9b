"""Scenario comparison: several results side by side, one small chart per measure."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sistemkerja.domain.angka import format_angka
from sistemkerja.grafik._gaya import (
    PALET,
    angka,
    axes,
    bungkus,
    sumbu_angka,
    sumbu_rupiah,
    teks_apa_adanya,
    tinggi,
)

UKURAN: dict[str, str] = {
    "ej_maks": "EJ tertinggi",
    "sebaran_ej": "Sebaran EJ (simpangan baku)",
    "biaya": "Biaya personel dan pelibatan",
    "lintas": "Pegawai lintas unit/instansi (orang)",
    "target_bermasalah": "Target belum teralokasi penuh",
    "keanggotaan_berubah": "Keanggotaan berubah dari rencana dasar",
}
"""Measures of :func:`~sistemkerja.analisis.banding_skenario` and their titles."""


BANYAK = 30
"""Most scenarios drawn as bars; a larger sweep is drawn as a scatter of cost and EJ."""

HITUNGAN = frozenset({"lintas", "target_bermasalah", "keanggotaan_berubah"})
"""Measures that are counts (whole numbers on the axis)."""


def _label_nilai(ukuran: str, value: float) -> str:
    if ukuran == "biaya":
        return f"{format_angka(value / 1e6, 1)} jt"
    return angka(value, 0 if ukuran in HITUNGAN else 2)


@teks_apa_adanya
def grafik_skenario(
    banding: pd.DataFrame,
    ukuran: str = "ej_maks",
    *,
    ax: Axes | None = None,
    mendatar: bool | None = None,
    nama: bool = True,
) -> Axes:
    """One measure across scenarios, as bars (lower is better for every measure).

    Each bar carries its value; the best scenario is blue; a scenario without an
    allocation has no bar and is marked "tanpa rencana".

    Parameters
    ----------
    banding : pandas.DataFrame
        :func:`~sistemkerja.analisis.banding_skenario` or
        :func:`~sistemkerja.sapuan.banding_sapuan` output.
    ukuran : str
        One of :data:`UKURAN`.
    ax : matplotlib.axes.Axes, optional
        Where to draw.
    mendatar : bool, optional
        Horizontal bars with the scenario names down the left [when more than four
        scenarios]; vertical bars otherwise.
    nama : bool
        Write the scenario names on the axis (``False`` for the right-hand panels of a
        grid that share the names of the left ones).

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
    flat = n > 4 if mendatar is None else mendatar
    size = (6.0, tinggi(n, 0.32)) if flat else (max(4.0, 1.2 + 0.9 * n), 3.5)
    ax = axes(ax, size)
    x = np.arange(n)
    values = banding[ukuran].to_numpy(dtype=float)
    finite = np.isfinite(values)
    best = np.nanmin(values) if n and finite.any() else np.nan
    colours = [PALET[0] if v == best else PALET[9] for v in values]
    top = float(np.nanmax(values)) if finite.any() else 1.0
    top = top if top > 0 else 1.0
    names = [bungkus(s, 30 if flat else 12, 2) for s in banding["skenario"]]
    if flat:
        ax.barh(x, values, color=colours)
        ax.set_yticks(x, names if nama else [""] * n, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.25)
    else:
        ax.bar(x, values, color=colours)
        ax.set_xticks(x, names if nama else [""] * n, fontsize=8)
        ax.set_ylim(0, top * 1.2)
    for xi, v in zip(x, values, strict=True):
        label, colour = (
            (_label_nilai(ukuran, v), "#333") if np.isfinite(v) else ("tanpa rencana", "#a00")
        )
        if flat:
            ax.text(
                v if np.isfinite(v) else 0, xi, " " + label, va="center", fontsize=7, color=colour
            )
        else:
            ax.text(
                xi,
                v if np.isfinite(v) else 0,
                label,
                ha="center",
                va="bottom",
                fontsize=7,
                color=colour,
            )
    axis = "x" if flat else "y"
    if ukuran == "biaya":
        sumbu_rupiah(ax, axis)
    else:
        sumbu_angka(ax, axis, 2 if ukuran in ("ej_maks", "sebaran_ej") else 0)
        if ukuran in HITUNGAN:
            (ax.xaxis if flat else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
    ax.set_title(UKURAN[ukuran], loc="left", fontsize=9)
    ax.grid(axis=axis, alpha=0.3)
    return ax


@teks_apa_adanya
def gambar_skenario(banding: pd.DataFrame) -> Figure:
    """Draw the measures of :data:`UKURAN` in ``banding``, one panel each; best in blue.

    Up to four scenarios: vertical bars, three panels per row. Up to :data:`BANYAK`: a
    grid of two panels per row with horizontal bars, the scenario names down the left.
    More (a large sweep, where one bar per scenario cannot be read):
    :func:`gambar_sebaran_skenario`.
    """
    measures = [u for u in UKURAN if u in banding.columns]
    n = len(banding)
    if n > BANYAK:
        return gambar_sebaran_skenario(banding)
    if n <= 4:
        per_row = 3 if len(measures) > 5 else len(measures)
        rows = -(-len(measures) // per_row)
        figure = Figure(figsize=(max(10.0, 3.4 * per_row), 3.6 * rows + 0.4), layout="constrained")
        grid = np.atleast_1d(figure.subplots(rows, per_row)).ravel()
        for ax, ukuran in zip(grid, measures, strict=False):
            grafik_skenario(banding, ukuran, ax=ax, mendatar=False)
        for ax in grid[len(measures) :]:
            ax.set_visible(False)
    else:
        rows = (len(measures) + 1) // 2
        figure = Figure(figsize=(13.0, rows * tinggi(n, 0.3) + 0.5), layout="constrained")
        grid2 = np.atleast_2d(figure.subplots(rows, 2))
        for k, ukuran in enumerate(measures):
            grafik_skenario(
                banding, ukuran, ax=grid2[k // 2, k % 2], mendatar=True, nama=k % 2 == 0
            )
        for k in range(len(measures), rows * 2):
            grid2[k // 2, k % 2].set_visible(False)
    figure.suptitle("Perbandingan skenario (lebih rendah lebih baik)", fontsize=11)
    return figure


def _pareto(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return the mask of points no other point beats on both (lower is better)."""
    ok = np.isfinite(x) & np.isfinite(y)
    front = np.zeros(len(x), dtype=bool)
    for i in np.flatnonzero(ok):
        worse = ok & (x <= x[i]) & (y <= y[i]) & ((x < x[i]) | (y < y[i]))
        front[i] = not worse.any()
    return front


@teks_apa_adanya
def gambar_sebaran_skenario(banding: pd.DataFrame, *, label: int = 8) -> Figure:
    """Draw a large sweep as one scatter: cost against highest EJ, one point per scenario.

    Lower-left is better on both. The base plan (the first row) is a black diamond;
    scenarios with targets not fully allocated are orange; the scenarios no other beats
    on both measures (the Pareto front) are circled and, up to ``label`` of them, named.
    Scenarios without an allocation are counted in the title.

    Parameters
    ----------
    banding : pandas.DataFrame
        :func:`~sistemkerja.sapuan.banding_sapuan` output (``biaya``, ``ej_maks``,
        optionally ``target_bermasalah``).
    label : int
        Most Pareto scenarios named on the chart.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; its Axes' first collection holds one point per scenario with an
        allocation.
    """
    figure = Figure(figsize=(10.0, 6.5), layout="constrained")
    ax = figure.subplots()
    x = banding["biaya"].to_numpy(dtype=float)
    y = banding["ej_maks"].to_numpy(dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    bad = (
        banding["target_bermasalah"].fillna(0).to_numpy(dtype=float) > 0
        if "target_bermasalah" in banding.columns
        else np.zeros(len(banding), dtype=bool)
    )
    colours = np.where(bad, PALET[1], PALET[0])
    ax.scatter(x[ok], y[ok], c=colours[ok], s=22, alpha=0.8, edgecolors="none")
    front = _pareto(x, y)
    ax.scatter(x[front], y[front], s=90, facecolors="none", edgecolors="#333", linewidths=1)
    if ok[0]:
        ax.scatter([x[0]], [y[0]], marker="D", s=70, color="#000", zorder=3)
        ax.annotate(
            str(banding["skenario"].iloc[0]),
            (x[0], y[0]),
            textcoords="offset points",
            xytext=(6, 6),
            fontsize=8,
        )
    named = [i for i in np.flatnonzero(front) if i != 0][:label]
    for i in named:
        ax.annotate(
            bungkus(str(banding["skenario"].iloc[i]), 28, 2),
            (x[i], y[i]),
            textcoords="offset points",
            xytext=(6, -10),
            fontsize=7,
        )
    sumbu_rupiah(ax, "x")
    sumbu_angka(ax, "y", 2)
    ax.set_xlabel("Biaya personel dan pelibatan")
    ax.set_ylabel("EJ tertinggi")
    ax.grid(alpha=0.3)
    missing = int((~ok).sum())
    extra = f"; {missing} tanpa rencana" if missing else ""
    ax.set_title(
        f"{len(banding)} skenario{extra} — kiri bawah lebih baik; lingkaran: tidak terkalahkan "
        "pada kedua ukuran; oranye: ada target belum teralokasi penuh",
        loc="left",
        fontsize=9,
    )
    figure.suptitle("Perbandingan skenario: biaya dan EJ tertinggi", fontsize=11)
    return figure
