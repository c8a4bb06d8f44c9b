"""Stage 1 panel, *penyusunan dan penetapan kinerja*: the Perjanjian Kinerja being written.

:class:`PanelPK` gathers the PK header form and the editors of the sheets the unit head
fills for the PK (Unit, Sasaran, Indikator with its target and TW I–IV, Pagu, Tugas
Tambahan) in tabs, with a summary line and the plan's current problems on those sheets.

The small views shared by the stage panels live here too: :func:`tabel_html` (a
read-only table with Indonesian numbers) and :class:`DaftarMasalah` (the problems of some
sheets, each naming sheet, row and column).

CSS classes for browser tests: ``sk-panel-pk`` and ``sk-siap`` on the panel,
``sk-ringkasan`` on the summary line, ``sk-masalah`` on the problem list (plus
``sk-masalah-ada-galat`` / ``sk-masalah-bersih``).
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

from sistemkerja.analisis.ringkasan import ringkasan_pk
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.masalah import Problem
from sistemkerja.ui.lembar import EditorLembar, FormParameter
from sistemkerja.ui.rencana import ModelRencana

#: Sheets of the PK stage, in tab order, with their tab titles.
LEMBAR_PK: tuple[tuple[str, str], ...] = (
    ("Sasaran", "Sasaran"),
    ("Indikator", "Indikator dan target"),
    ("Tugas Tambahan", "Tugas tambahan"),
    ("Pagu", "Pagu anggaran"),
    ("Unit", "Unit"),
)

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


def teks_ringkasan_pk(ringkasan: Mapping[str, float]) -> str:
    """Return the summary line of the PK panel from :func:`ringkasan_pk`.

    Parameters
    ----------
    ringkasan : Mapping of str to float
        Output of :func:`~sistemkerja.analisis.ringkasan.ringkasan_pk`.

    Returns
    -------
    str
        E.g. ``"5 sasaran, 12 indikator (6 dengan target TW I–IV), 2 tugas tambahan;
        pagu total Rp 11.995.000.000 (3 Kegiatan, 10 RO)"``.
    """
    r = ringkasan
    return (
        f"{int(r['sasaran'])} sasaran, {int(r['indikator'])} indikator "
        f"({int(r['indikator_tw'])} dengan target TW I–IV), "
        f"{int(r['tugas_tambahan'])} tugas tambahan; pagu total {rupiah(r['pagu_total'])} "
        f"({int(r['pagu_kegiatan'])} Kegiatan, {int(r['pagu_ro'])} RO)"
    )


class PanelPK(widgets.VBox):
    """Stage 1 panel: the PK header, sasaran, indikator with targets, pagu, tugas tambahan.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited (every edit is checked and saved by it).
    tinggi : int
        Height of each grid (pixels).

    Attributes
    ----------
    form_pk : FormParameter
        The PK header (year, unit, parties).
    editor : dict of str to EditorLembar
        The sheet editors by sheet name (``"Indikator"``…).
    ringkasan : ipywidgets.HTML
        The summary line (counts and pagu total), redrawn on every change.
    masalah : DaftarMasalah
        Problems of the PK sheets.
    tab : ipywidgets.Tab
        The tabs: "Kepala PK" then one per sheet.
    """

    def __init__(self, model: ModelRencana, *, tinggi: int = 260) -> None:
        self.model = model
        self.form_pk = FormParameter(model, "PK")
        self.editor = {
            sheet: EditorLembar(model, sheet, tinggi=tinggi) for sheet, _title in LEMBAR_PK
        }
        self.ringkasan = widgets.HTML()
        self.ringkasan.add_class("sk-ringkasan")
        self.masalah = DaftarMasalah(model, ["PK", *self.editor])
        self.tab = widgets.Tab(
            [self.form_pk, *self.editor.values()],
            titles=("Kepala PK", *(title for _sheet, title in LEMBAR_PK)),
        )
        intro = widgets.HTML(
            "<h3 style='margin:4px 0'>Tahap 1 — Penyusunan dan penetapan kinerja</h3>"
            "Isi kepala Perjanjian Kinerja, sasaran, indikator dengan target seperti tertulis "
            "di dokumen PK (mis. <i>90 %</i>, <i>12 Laporan</i>) beserta target triwulan "
            "TW I–IV, pagu per Kegiatan/RO, dan tugas tambahan. Setiap perubahan diperiksa "
            "dan langsung disimpan; perubahan yang salah ditolak dengan alasannya."
        )
        super().__init__([intro, self.ringkasan, self.tab, self.masalah])
        self.add_class("sk-panel")
        self.add_class("sk-panel-pk")
        self._show()
        model.observe(lambda _: self._show(), names="versi")
        self.add_class("sk-siap")

    def _show(self) -> None:
        plan = self.model.rencana
        if plan is None:
            self.ringkasan.value = html.escape(self.model.pesan)
            return
        self.ringkasan.value = html.escape(teks_ringkasan_pk(ringkasan_pk(plan)))
