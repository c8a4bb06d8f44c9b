"""Matriks Peran-Hasil as a heatmap: results across, people down, hours in the cells."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from sistemkerja.analisis.mph import PIMPINAN, peran_ketua
from sistemkerja.grafik._gaya import angka, axes, bungkus, kosong, teks_apa_adanya, tinggi

PETA_JAM = LinearSegmentedColormap.from_list("jam", ["#f7fbff", "#6baed6", "#08306b"])
"""Colours from few hours (light) to many (dark)."""
BARIS_PER_HALAMAN = 40
"""Most people in one figure of :func:`gambar_mph`; taller matrices are split."""
KOLOM_MAKS = 25
"""Most result columns a page of :func:`gambar_mph` shows in full; wider matrices show on
each page only the columns its people have results in."""
ANOTASI_MAKS = 400
"""Cells beyond which the hours are not written in the cells (the colour bar remains)."""


def matriks_jam(
    df: pd.DataFrame, kolom: str = "indikator", baris: Sequence[str] = ("nama", "peran", "nip")
) -> pd.DataFrame:
    """Pivot a tidy MPH frame to hours per person (rows) and result (columns).

    Parameters
    ----------
    df : pandas.DataFrame
        :func:`~sistemkerja.analisis.mph_level1` or
        :func:`~sistemkerja.analisis.mph_level2` output (level 2 best filtered to one team),
        with a ``jam`` column.
    kolom : str
        Column whose values become the matrix columns (``"indikator"``, or
        ``"hasil_ketua"`` / ``"kegiatan"`` for level 2).
    baris : sequence of str
        Columns naming a matrix row, in order of first appearance (the tidy frames list
        each team's Ketua first). The first two label the row; keep ``nip`` among them
        so two people of the same name stay apart.

    Returns
    -------
    pandas.DataFrame
        Hours (jam) summed per cell, NaN where the person has no result; columns in the
        categorical's order when ``kolom`` is categorical (targets nobody works on stay).
        The unit head's row of a level 1 frame (PK targets, no hours) is left out.
    """
    if "peran" in df.columns:
        df = df[df["peran"] != PIMPINAN]
    data = df.dropna(subset=[kolom])
    rows = list(dict.fromkeys(map(tuple, df[list(baris)].itertuples(index=False))))
    if isinstance(df[kolom].dtype, pd.CategoricalDtype):
        cols = list(df[kolom].cat.categories)
    else:
        cols = list(dict.fromkeys(data[kolom]))
    table = data.groupby([*baris, kolom], observed=True, sort=False)["jam"].sum()
    out = table.unstack(kolom).reindex(index=pd.MultiIndex.from_tuples(rows, names=baris))
    return out.reindex(columns=cols)


def label_indikator(df: pd.DataFrame) -> dict[str, str]:
    """Map each indicator code of a level-1 MPH frame to its wording (for column labels)."""
    rows = df.dropna(subset=["indikator", "uraian_indikator"])
    return dict(zip(rows["indikator"].astype(str), rows["uraian_indikator"], strict=True))


@teks_apa_adanya
def peta_mph(
    matriks: pd.DataFrame,
    *,
    ax: Axes | None = None,
    judul: str = "Matriks Peran-Hasil",
    label_kolom: dict[str, str] | None = None,
    lebar_label: int = 28,
) -> Axes:
    """Draw an MPH matrix of hours as a heatmap.

    Parameters
    ----------
    matriks : pandas.DataFrame
        Hours (jam) per person and result, e.g. from :func:`matriks_jam`; NaN cells
        (no result) stay blank.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure sized to the matrix when omitted.
    judul : str
        Title.
    label_kolom : dict of str to str, optional
        Longer column labels (e.g. indicator code → wording), wrapped under the code.
    lebar_label : int
        Characters per line of wrapped labels.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on. Its image holds the matrix (``ax.images[0].get_array()``).
    """
    n_rows, n_cols = matriks.shape
    ax = axes(ax, (max(6.0, 2.2 + 1.3 * n_cols), tinggi(n_rows, 0.32)))
    if n_rows == 0 or n_cols == 0:
        return kosong(ax, "Tidak ada hasil untuk digambar", judul)
    values = matriks.to_numpy(dtype=float)
    masked = np.ma.masked_invalid(values)
    image = ax.imshow(masked, cmap=PETA_JAM, aspect="auto", interpolation="nearest")
    if masked.count():
        image.set_clim(0, float(masked.max()) or 1.0)
    labels = label_kolom or {}
    ax.set_xticks(
        range(n_cols),
        [
            f"{c}\n{bungkus(labels[c], lebar_label // 2, 3)}" if c in labels else bungkus(c, 16)
            for c in matriks.columns
        ],
        fontsize=8,
    )
    ax.set_yticks(range(n_rows), [_label_baris(i, lebar_label) for i in matriks.index], fontsize=8)
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", length=0)
    if n_rows * n_cols <= ANOTASI_MAKS:
        limit = float(masked.max()) if masked.count() else 0.0
        for (i, j), v in np.ndenumerate(values):
            if np.isfinite(v):
                dark = limit > 0 and v > 0.6 * limit
                ax.text(
                    j,
                    i,
                    angka(v),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "black",
                )
    _garis_tim(ax, matriks)
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label("jam")
    ax.set_title(judul, loc="left", fontsize=11)
    return ax


def _label_baris(key: object, width: int) -> str:
    parts = key if isinstance(key, tuple) else (key,)
    name, *rest = (str(p) for p in parts)
    label = bungkus(name, width, 1)
    return f"{label} — {bungkus(rest[0], width, 1)}" if rest else label


def _garis_tim(ax: Axes, matriks: pd.DataFrame) -> None:
    """Separate teams: a line above each row whose role starts a new Ketua block."""
    if not isinstance(matriks.index, pd.MultiIndex) or "peran" not in matriks.index.names:
        return
    roles = list(matriks.index.get_level_values("peran"))
    for i, role in enumerate(roles):
        if i and peran_ketua(role):
            ax.axhline(i - 0.5, color="#424242", linewidth=0.8)


def _blok(matriks: pd.DataFrame) -> list[range]:
    """Row ranges that belong together: a Ketua Tim row and the members after it."""
    roles = (
        [str(r) for r in matriks.index.get_level_values("peran")]
        if isinstance(matriks.index, pd.MultiIndex) and "peran" in matriks.index.names
        else ["Ketua Tim"] * len(matriks)  # without roles every row stands alone
    )
    if not roles:
        return []
    starts = [i for i, r in enumerate(roles) if i == 0 or peran_ketua(r) or r == "Mandiri"]
    return [range(a, b) for a, b in zip(starts, [*starts[1:], len(roles)], strict=True)]


def bagi_halaman(
    matriks: pd.DataFrame, per_halaman: int = BARIS_PER_HALAMAN, kolom_maks: int | None = None
) -> list[pd.DataFrame]:
    """Split a tall matrix into pages, keeping each team (Ketua and members) together.

    Teams are packed onto a page while it has at most ``per_halaman`` rows and, when
    ``kolom_maks`` is given, its people have results in at most ``kolom_maks`` columns;
    a team longer than a page is cut at ``per_halaman`` rows.
    """
    if per_halaman < 1:
        raise ValueError("per_halaman harus minimal 1")
    used = matriks.notna().to_numpy()
    pages: list[pd.DataFrame] = []
    rows: list[int] = []
    for block in _blok(matriks):
        for part in (block[i : i + per_halaman] for i in range(0, len(block), per_halaman)):
            trial = rows + list(part)
            wide = kolom_maks is not None and int(used[trial].any(axis=0).sum()) > kolom_maks
            if rows and (len(trial) > per_halaman or wide):
                pages.append(matriks.iloc[rows])
                trial = list(part)
            rows = trial
    if rows or not pages:
        pages.append(matriks.iloc[rows])
    return pages


@teks_apa_adanya
def gambar_mph(
    matriks: pd.DataFrame,
    *,
    judul: str = "Matriks Peran-Hasil",
    label_kolom: dict[str, str] | None = None,
    per_halaman: int = BARIS_PER_HALAMAN,
) -> list[Figure]:
    """Draw a matrix on as many figures as it needs (:func:`bagi_halaman`).

    A matrix wider than :data:`KOLOM_MAKS` columns (level 1 of a large unit: each team
    has its own indicators) is paged so that each page needs at most that many columns,
    and shows only those.

    Returns
    -------
    list of matplotlib.figure.Figure
        One figure per page, titled "… (halaman i dari n)" when there are several.
    """
    wide = matriks.shape[1] > KOLOM_MAKS
    pages = bagi_halaman(matriks, per_halaman, KOLOM_MAKS if wide else None)
    figures = []
    for i, page in enumerate(pages, start=1):
        title = judul if len(pages) == 1 else f"{judul} (halaman {i} dari {len(pages)})"
        if wide:
            page = page.loc[:, page.notna().any()]
        ax = peta_mph(page, judul=title, label_kolom=label_kolom)
        figures.append(ax.figure)
    return figures
