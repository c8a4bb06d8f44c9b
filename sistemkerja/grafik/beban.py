"""Workload charts: hours against capacity per person, staff needed per jabatan, per month."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.ej import TABEL_EJ_BAWAAN, TabelEJ
from sistemkerja.grafik._gaya import (
    NAMA_BULAN,
    WARNA_KAPASITAS,
    WARNA_PITA,
    WARNA_TERIKAT,
    axes,
    bungkus,
    kosong,
    sumbu_angka,
    teks_apa_adanya,
    tinggi,
)

ORANG_PER_HALAMAN = 60
"""Most people in one figure of :func:`gambar_beban_pegawai`."""


def _tabel_pita(beban: pd.DataFrame, pita: TabelEJ | None) -> TabelEJ:
    """Return the band table to show: given, else the frame's own, else the default."""
    if pita is not None:
        return pita
    found = beban.attrs.get("kategori_ej")
    return found if isinstance(found, TabelEJ) else TABEL_EJ_BAWAAN


def _legenda_pita(pita: TabelEJ) -> list[Patch]:
    """Legend of the bands in the short notation of band tables (``B Baik (0,81–1,00)``)."""
    bands = []
    for i, band in enumerate(pita.pita):
        low = format_angka(max(band.batas, 0.0), 2)
        if i == 0:
            span = f"{'>' if band.ketat else '≥'} {low}"
        else:
            span = f"{low}–{format_angka(pita.pita[i - 1].batas, 2)}"
        bands.append(
            Patch(
                color=WARNA_PITA[band.kategori], label=f"{band.kategori} {band.predikat} ({span})"
            )
        )
    return bands


@teks_apa_adanya
def grafik_beban_pegawai(
    beban: pd.DataFrame,
    *,
    ax: Axes | None = None,
    urut: bool = True,
    judul: str | None = None,
    pita: TabelEJ | None = None,
) -> Axes:
    """Hours of each person against their capacity, coloured by ABK band.

    Parameters
    ----------
    beban : pandas.DataFrame
        :func:`~sistemkerja.analisis.beban_pegawai` output (``nama``, ``kapasitas``,
        ``jam_terikat``, ``jam_tugas``, ``jam_ketua``, ``ej``, ``kategori``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure tall enough for every person when omitted.
    urut : bool
        Sort by EJ, busiest on top (else keep the frame's order).
    judul : str, optional
        Title (default "Beban kerja per pegawai").
    pita : TabelEJ, optional
        Band table of the legend; default the one in ``beban.attrs["kategori_ej"]``
        (set by :func:`~sistemkerja.analisis.beban_pegawai` from the plan), else the
        default table.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes. Its first bar container holds the committed hours (jam terikat), the
        second the hours of this plan (tugas + Ketua), one bar per person, top to bottom.
    """
    df = beban.sort_values("ej", ascending=False, kind="stable") if urut else beban
    n = len(df)
    ax = axes(ax, (9.0, tinggi(n, 0.22)))
    if n == 0:
        return kosong(ax, "Tidak ada pegawai", judul or "Beban kerja per pegawai")
    y = np.arange(n)
    terikat = df["jam_terikat"].to_numpy(dtype=float)
    tugas = (df["jam_tugas"] + df["jam_ketua"]).to_numpy(dtype=float)
    colours = [WARNA_PITA.get(str(k), WARNA_PITA["-"]) for k in df["kategori"]]
    ax.barh(y, terikat, color=WARNA_TERIKAT, height=0.7, label="Jam terikat")
    ax.barh(y, tugas, left=terikat, color=colours, height=0.7)
    ax.scatter(df["kapasitas"], y, marker="|", s=140, color=WARNA_KAPASITAS, zorder=3)
    ax.set_yticks(y, [bungkus(name, 34, 1) for name in df["nama"]], fontsize=8)
    ax.invert_yaxis()
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlabel("jam per tahun")
    sumbu_angka(ax, "x")
    handles = [
        Patch(color=WARNA_TERIKAT, label="Jam terikat (di luar rencana)"),
        *_legenda_pita(_tabel_pita(beban, pita)),
        ax.scatter([], [], marker="|", s=140, color=WARNA_KAPASITAS, label="Kapasitas"),
    ]
    ax.legend(
        handles=handles,
        title="Kategori ABK (EJ)",
        fontsize=7,
        title_fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
    )
    ax.set_title(judul or "Beban kerja per pegawai", loc="left", fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    return ax


@teks_apa_adanya
def gambar_beban_pegawai(
    beban: pd.DataFrame, *, per_halaman: int = ORANG_PER_HALAMAN, pita: TabelEJ | None = None
) -> list[Figure]:
    """Draw :func:`grafik_beban_pegawai` on as many figures as the staff needs.

    People are sorted by EJ first, so the busiest are on the first page; every page
    keeps the same hour scale.
    """
    if per_halaman < 1:
        raise ValueError("per_halaman harus minimal 1")
    df = beban.sort_values("ej", ascending=False, kind="stable")
    pages = [df.iloc[i : i + per_halaman] for i in range(0, len(df), per_halaman)] or [df]
    total = df["jam_terikat"] + df["jam_tugas"] + df["jam_ketua"]
    top = max(float(total.max()), float(df["kapasitas"].max()), 0.0) if len(df) else 0.0
    top = top * 1.05 or 1.0
    figures = []
    for i, page in enumerate(pages, start=1):
        title = "Beban kerja per pegawai"
        if len(pages) > 1:
            title += f" (halaman {i} dari {len(pages)})"
        ax = grafik_beban_pegawai(page, urut=False, judul=title, pita=_tabel_pita(beban, pita))
        ax.set_xlim(0, top)
        figures.append(ax.figure)
    return figures


@teks_apa_adanya
def grafik_beban_jabatan(beban: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Staff needed (Σ effort ÷ effective hours) against staff present, per jabatan.

    Parameters
    ----------
    beban : pandas.DataFrame
        :func:`~sistemkerja.analisis.beban_jabatan` output (``jabatan``,
        ``kebutuhan_pegawai``, ``pegawai_tersedia``, ``ej``, ``kategori``).
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes: bar container 0 = staff needed (orang), 1 = staff present (orang).
    """
    n = len(beban)
    ax = axes(ax, (9.0, tinggi(n, 0.42)))
    if n == 0:
        return kosong(ax, "Tidak ada jabatan", "Kebutuhan dan ketersediaan pegawai per jabatan")
    y = np.arange(n)
    colours = [WARNA_PITA.get(str(k), WARNA_PITA["-"]) for k in beban["kategori"]]
    ax.barh(
        y - 0.2,
        beban["kebutuhan_pegawai"],
        height=0.4,
        color=colours,
        edgecolor="#424242",
        label="Kebutuhan (orang)",
    )
    ax.barh(
        y + 0.2,
        beban["pegawai_tersedia"],
        height=0.4,
        color="white",
        edgecolor="#424242",
        hatch="///",
        label="Tersedia (orang)",
    )
    for i, ej in enumerate(beban["ej"]):
        if pd.notna(ej):
            top = max(beban["kebutuhan_pegawai"].iloc[i], beban["pegawai_tersedia"].iloc[i])
            ax.text(top, i, f"  EJ {ej:.2f}".replace(".", ","), va="center", fontsize=7)
    ax.set_yticks(y, [bungkus(j, 30, 2) for j in beban["jabatan"]], fontsize=8)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlabel("orang")
    sumbu_angka(ax, "x", 1)
    ax.margins(x=0.15)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title("Kebutuhan dan ketersediaan pegawai per jabatan", loc="left", fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    return ax


@teks_apa_adanya
def grafik_beban_bulanan(bulanan: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Monthly hours of the plan against the staff's monthly capacity.

    Parameters
    ----------
    bulanan : pandas.DataFrame
        :func:`~sistemkerja.analisis.beban_bulanan` output (``bulan``, ``jam_tugas``,
        ``kapasitas``).
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes: line 0 = hours assigned per month (jam), line 1 = capacity (jam).
    """
    ax = axes(ax, (8.0, 4.0))
    months = bulanan["bulan"].to_numpy()
    ax.plot(months, bulanan["jam_tugas"], marker="o", color="#08519c", label="Jam tugas")
    ax.plot(
        months,
        bulanan["kapasitas"],
        linestyle="--",
        color=WARNA_KAPASITAS,
        label="Kapasitas bulanan",
    )
    over = bulanan["jam_tugas"] > bulanan["kapasitas"]
    ax.fill_between(
        months,
        bulanan["jam_tugas"],
        bulanan["kapasitas"],
        where=over.to_numpy(),
        color="#e66101",
        alpha=0.3,
        label="Melebihi kapasitas",
    )
    ax.set_xticks(range(1, 13), NAMA_BULAN)
    ax.set_ylabel("jam")
    sumbu_angka(ax, "y")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8)
    ax.set_title("Beban kerja per bulan", loc="left", fontsize=11)
    ax.grid(alpha=0.3)
    return ax
