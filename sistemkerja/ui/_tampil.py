"""Rendering helpers every view shares.

A figure as PNG, a message line, state classes, Indonesian amounts, read-only HTML tables and
the list of the plan's problems on some sheets.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.masalah import Problem
from sistemkerja.grafik import ke_png
from sistemkerja.ui.rencana import ModelRencana

#: Resolution of the charts the panels show (dots per inch).
DPI = 80


def png(figure: Figure, dpi: int = DPI) -> bytes:
    """Render a matplotlib figure to PNG bytes at the panels' resolution.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure (made with :class:`matplotlib.figure.Figure`, so nothing to close).
    dpi : int
        Resolution (dots per inch).

    Returns
    -------
    bytes
        The PNG file (:func:`sistemkerja.grafik.ke_png`).
    """
    return ke_png(figure, dpi)


def tulis_pesan(box: widgets.HTML, text: str, ok: bool) -> None:
    """Show a message line: green when ``ok``, red otherwise, one line per text line.

    The box carries ``sk-pesan-ok`` or ``sk-pesan-galat`` while it shows a message (the
    browser tests wait on them); an empty text clears the box and both classes.

    Parameters
    ----------
    box : ipywidgets.HTML
        The message line.
    text : str
        The message (Indonesian).
    ok : bool
        Whether it reports success.
    """
    box.remove_class("sk-pesan-ok")
    box.remove_class("sk-pesan-galat")
    if not text:
        box.value = ""
        return
    box.add_class("sk-pesan-ok" if ok else "sk-pesan-galat")
    color = "#1b5e20" if ok else "#b71c1c"
    lines = "<br>".join(html.escape(line) for line in text.splitlines())
    box.value = f'<span style="color:{color}">{lines}</span>'


def ganti_kelas(widget: widgets.DOMWidget, awalan: str, nilai: str) -> None:
    """Replace a widget's CSS classes starting with ``awalan`` by ``awalan + nilai``."""
    for name in list(widget._dom_classes):
        if name.startswith(awalan):
            widget.remove_class(name)
    widget.add_class(f"{awalan}{nilai}")


#: How many problems :class:`DaftarMasalah` lists before "dan N lainnya".
BATAS_MASALAH = 30

Format = Callable[[Any], str]


def rupiah(value: float) -> str:
    """Return an amount as ``"Rp 1.250.000"`` (rounded to whole rupiah)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"Rp {format_angka(round(value), 0)}"


def jam(value: float) -> str:
    """Return hours as ``"1.250 jam"``."""
    return f"{format_angka(value)} jam"


def persen(value: float) -> str:
    """Return a percentage as ``"95,7 %"`` (``"–"`` when undefined)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{format_angka(value, 1)} %"


def _numeric(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _cell(value: Any) -> str:
    if isinstance(value, bool | np.bool_):
        return "Ya" if value else "Tidak"
    if value is None or value is pd.NA or (_numeric(value) and math.isnan(value)):
        return ""
    if _numeric(value):
        return format_angka(float(value))
    return str(value)


def tabel_html(
    df: pd.DataFrame,
    kolom: Mapping[str, str],
    *,
    format: Mapping[str, Format] | None = None,
    kelas_baris: Callable[[pd.Series], str | None] | None = None,
    kelas: str = "sk-tabel",
) -> str:
    """Render some columns of a frame as a read-only HTML table.

    Parameters
    ----------
    df : pandas.DataFrame
        The rows.
    kolom : Mapping of str to str
        Column of ``df`` → header shown (Indonesian), in display order.
    format : Mapping of str to callable, optional
        Column → function giving the cell text (default: Indonesian numbers, ``Ya`` /
        ``Tidak`` for bools, empty for missing values).
    kelas_baris : callable, optional
        Row → CSS class of its ``<tr>`` (``None`` for none).
    kelas : str
        CSS class of the ``<table>``.

    Returns
    -------
    str
        The table; numbers right-aligned, line breaks kept.
    """
    fmt = dict(format or {})
    head = "".join(
        f'<th style="text-align:left;padding:2px 6px;border-bottom:1px solid #999">'
        f"{html.escape(h)}</th>"
        for h in kolom.values()
    )
    body = []
    for _, row in df.iterrows():
        cells = []
        for c in kolom:
            value = row[c]
            text = fmt[c](value) if c in fmt else _cell(value)
            align = "right" if _numeric(value) else "left"
            shown = "<br>".join(html.escape(t) for t in text.split("\n"))
            cells.append(
                f'<td style="text-align:{align};padding:2px 6px;vertical-align:top">{shown}</td>'
            )
        css = kelas_baris(row) if kelas_baris is not None else None
        attr = f' class="{html.escape(css)}"' if css else ""
        style = ' style="background:#fde0dc"' if css and "melebihi" in css else ""
        body.append(f"<tr{attr}{style}>{''.join(cells)}</tr>")
    return (
        f'<table class="{html.escape(kelas)}" style="border-collapse:collapse;font-size:90%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def masalah_lembar(masalah: Iterable[Problem], lembar: Iterable[str]) -> list[Problem]:
    """Return the problems of some sheets (errors first, as the model keeps them).

    Parameters
    ----------
    masalah : iterable of Problem
        Problems of the plan.
    lembar : iterable of str
        Sheet names.

    Returns
    -------
    list of Problem
        Those whose sheet is one of ``lembar``.
    """
    wanted = set(lembar)
    return [p for p in masalah if p.sheet in wanted]


class DaftarMasalah(widgets.VBox):
    """The plan's current errors and warnings on some sheets ("Masalah rencana").

    Each line names sheet, row and column (:meth:`Problem.__str__`); it redraws whenever
    the plan changes.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited.
    lembar : iterable of str
        The sheets whose problems are listed.
    """

    def __init__(self, model: ModelRencana, lembar: Iterable[str]) -> None:
        self.model = model
        self.lembar = tuple(lembar)
        self.isi = widgets.HTML()
        super().__init__([widgets.HTML("<b>Masalah rencana</b>"), self.isi])
        self.add_class("sk-masalah")
        self.masalah: list[Problem] = []
        self._show()
        model.observe(lambda _: self._show(), names="versi")

    def _show(self) -> None:
        found = masalah_lembar(self.model.masalah, self.lembar)
        self.masalah = found
        errors = sum(1 for p in found if p.is_error)
        self.remove_class("sk-masalah-ada-galat")
        self.remove_class("sk-masalah-bersih")
        self.add_class("sk-masalah-ada-galat" if errors else "sk-masalah-bersih")
        if not found:
            sheets = ", ".join(self.lembar)
            self.isi.value = (
                f'<span style="color:#1b5e20">Tidak ada galat atau peringatan di lembar '
                f"{html.escape(sheets)}.</span>"
            )
            return
        items = []
        for p in found[:BATAS_MASALAH]:
            color = "#b71c1c" if p.is_error else "#8d6e00"
            items.append(f'<li style="color:{color}">{html.escape(str(p))}</li>')
        more = len(found) - BATAS_MASALAH
        if more > 0:
            items.append(f"<li>… dan {more} masalah lainnya</li>")
        warnings = len(found) - errors
        self.isi.value = (
            f"{errors} galat, {warnings} peringatan:<ul style='margin:2px 0'>{''.join(items)}</ul>"
        )
