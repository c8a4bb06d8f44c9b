"""ABK documents in Excel: recap per jabatan and jenjang, the ABK form, recap per person.

:func:`tulis_abk` adds three print-ready sheets, filled from the tables of one run
(:class:`~sistemkerja.laporan.tabel.TabelHasil`):

- :data:`LEMBAR_ABK_JABATAN` — one row per jabatan-jenjang
  (:func:`sistemkerja.analisis.abk_jenjang`): workload (jam), staff needed unrounded and
  in whole persons, bezetting, the difference (orang), EJ and its category from the
  plan's band table (``Kebijakan.kategori_ej``); same layout as the other document sheets
  (title rows 1–3, band row 4, headers in row :data:`~sistemkerja.laporan.xlsx.HEADER_ROW`).
- :data:`LEMBAR_FORMULIR_ABK` — the official per-task form (Permenpan RB 1/2020 practice,
  as in agencies' ABK forms: ``No | Uraian tugas | Satuan hasil | Waktu penyelesaian |
  Waktu kerja efektif | Beban kerja | Pegawai yang dibutuhkan``), one block per
  jabatan-jenjang (:func:`sistemkerja.analisis.abk_tugas`): a title with the position,
  jabatan, jenjang and unit, the task table, the sum, the sum in whole persons, the
  bezetting, the difference, EJ and its category; a manual page break after every block
  but the last; A4 portrait, fit to the page width. Each block starts with the row
  :data:`JUDUL_FORMULIR` in column A, so a reader finds the blocks by that text.
- :data:`LEMBAR_ABK_PEGAWAI` — one row per person (:func:`sistemkerja.analisis.beban_pegawai`).

The keterangan line of every sheet states the effective hours, the target band and the
plan's own category table (not a constant).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.analisis.abk_formulir import KOLOM_ABK_JENJANG
from sistemkerja.analisis.beban import KOLOM_BEBAN_PEGAWAI
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.rencana import Rencana
from sistemkerja.io import set_value
from sistemkerja.laporan.tabel import TabelHasil
from sistemkerja.laporan.xlsx import (
    _BORDER,
    _FONT_JUDUL,
    _FONT_SUBJUDUL,
    _FONT_TEBAL,
    _ISI_DI_ATAS,
    _ISI_DI_BAWAH,
    _ISI_TOTAL,
    _NAMA,
    _NIP,
    _NO,
    _TINGGI_BARIS,
    FORMAT_BULAT,
    FORMAT_EJ,
    FORMAT_JAM,
    FORMAT_ORANG,
    HEADER_ROW,
    KolomDokumen,
    _atur_cetak,
    _baris_teks,
    _gaya,
    _gaya_judul_kolom,
    _judul,
    _lembar,
    _nama_unit,
    _nilai,
    _perlu,
    _pita,
    _tabel,
    _tinggi,
)

__all__ = [
    "JUDUL_FORMULIR",
    "KOLOM_FORMULIR",
    "LEMBAR_ABK_JABATAN",
    "LEMBAR_ABK_PEGAWAI",
    "LEMBAR_FORMULIR_ABK",
    "keterangan_abk",
    "tulis_abk",
    "tulis_abk_jenjang",
    "tulis_abk_pegawai",
    "tulis_formulir_abk",
]

LEMBAR_ABK_JABATAN = "ABK Jabatan"
"""Sheet of the workload recap per jabatan and jenjang."""
LEMBAR_FORMULIR_ABK = "Formulir ABK"
"""Sheet of the per-task ABK forms, one block per jabatan-jenjang."""
LEMBAR_ABK_PEGAWAI = "ABK Pegawai"
"""Sheet of the workload recap per person."""

JUDUL_FORMULIR = "FORMULIR ANALISIS BEBAN KERJA (ABK)"
"""First cell (column A) of every block of :data:`LEMBAR_FORMULIR_ABK`."""

FORMAT_ORANG_TUGAS = "#,##0.000"
"""Staff needed per task row (orang, three decimals: rows of a few hours show)."""
FORMAT_VOLUME = "#,##0.00"
"""Volume per year (satuan)."""

_KOLOM_ABK_JABATAN = (
    _NO,
    KolomDokumen("Jabatan", 30, wrap=True),
    KolomDokumen("Jenjang", 13, wrap=True),
    KolomDokumen("Jumlah tugas", 9, FORMAT_BULAT),
    KolomDokumen("Beban kerja (jam)", 12, FORMAT_JAM),
    KolomDokumen("Kebutuhan pegawai (orang)", 12, FORMAT_ORANG),
    KolomDokumen("Kebutuhan pegawai dibulatkan (orang)", 13, FORMAT_BULAT),
    KolomDokumen("Bezetting (orang)", 11, FORMAT_BULAT),
    KolomDokumen("Selisih (orang)", 10, FORMAT_BULAT),
    KolomDokumen("EJ", 7, FORMAT_EJ),
    KolomDokumen("Kategori", 9),
    KolomDokumen("Predikat", 12),
)
_ISI_ABK_JABATAN: tuple[str, ...] = tuple(c for c in KOLOM_ABK_JENJANG if c != "nama_jabatan")
"""Columns of :func:`~sistemkerja.analisis.abk_jenjang` shown, after ``No``."""

KOLOM_FORMULIR: tuple[KolomDokumen, ...] = (
    _NO,
    KolomDokumen("Uraian tugas", 40, wrap=True),
    KolomDokumen("Satuan hasil", 12, wrap=True),
    KolomDokumen("Waktu penyelesaian (jam/satuan)", 13, FORMAT_JAM),
    KolomDokumen("Waktu kerja efektif (jam)", 12, FORMAT_BULAT),
    KolomDokumen("Beban kerja (volume/ tahun)", 13, FORMAT_VOLUME),
    KolomDokumen("Pegawai yang dibutuhkan (orang)", 14, FORMAT_ORANG_TUGAS),
)
"""Columns of each block of the ABK form (the official column set)."""
_ISI_FORMULIR = ("no", "uraian_tugas", "satuan_hasil", "norma_waktu", "jam_efektif", "volume")

_KOLOM_ABK_PEGAWAI = (
    _NO,
    _NIP,
    _NAMA,
    KolomDokumen("Jabatan", 24, wrap=True),
    KolomDokumen("Jenjang", 14, wrap=True),
    KolomDokumen("Asal", 12, wrap=True),
    KolomDokumen("Kapasitas (jam)", 11, FORMAT_JAM),
    KolomDokumen("Jam terikat (jam)", 11, FORMAT_JAM),
    KolomDokumen("Jam tugas (jam)", 11, FORMAT_JAM),
    KolomDokumen("Jam Ketua Tim (jam)", 11, FORMAT_JAM),
    KolomDokumen("Jam total (jam)", 11, FORMAT_JAM),
    KolomDokumen("EJ", 7, FORMAT_EJ),
    KolomDokumen("Kategori", 9),
    KolomDokumen("Predikat", 12),
    KolomDokumen("Posisi terhadap pita", 14, wrap=True),
    KolomDokumen("Jumlah tim", 8, FORMAT_BULAT),
    KolomDokumen("Peran", 20, wrap=True),
)
_ISI_ABK_PEGAWAI = KOLOM_BEBAN_PEGAWAI
"""Columns of :func:`~sistemkerja.analisis.beban_pegawai` shown (all), after ``No``."""

_FONT_FORMULIR = Font(bold=True, size=12)


def keterangan_abk(plan: Rencana) -> str:
    """Return the ABK sheets' context line: effective hours, target band, the plan's bands.

    Parameters
    ----------
    plan : Rencana
        The plan (its ``kebijakan``).

    Returns
    -------
    str
        E.g. ``"Jam kerja efektif 1.250 jam/tahun; … Kategori: A Sangat Baik: EJ ≥ 1,00; …"``.
    """
    k = plan.kebijakan
    return (
        f"Jam kerja efektif {format_angka(k.jam_efektif)} jam/tahun; EJ = beban kerja ÷ "
        f"(pegawai × jam kerja efektif); pita EJ sasaran {format_angka(k.ej_min, 2)}–"
        f"{format_angka(k.ej_max, 2)}. Kategori: {k.kategori_ej.uraian()}."
    )


def tulis_abk_jenjang(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the ABK recap per jabatan and jenjang (:data:`LEMBAR_ABK_JABATAN`).

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables, with an allocation.

    Returns
    -------
    str
        The sheet's name.
    """
    plan = tabel.plan
    rekap = _perlu(tabel.abk_jenjang)
    ws = _lembar(wb, LEMBAR_ABK_JABATAN)
    _judul(
        ws,
        plan,
        "REKAPITULASI ANALISIS BEBAN KERJA (ABK) PER JABATAN DAN JENJANG",
        keterangan_abk(plan),
    )
    baris = [
        (n, *r) for n, r in enumerate(rekap[list(_ISI_ABK_JABATAN)].itertuples(index=False), 1)
    ]
    akhir = _tabel(ws, _KOLOM_ABK_JABATAN, baris)
    _tinggi_judul(ws, HEADER_ROW, _KOLOM_ABK_JABATAN)
    _keterangan(ws, 3, keterangan_abk(plan), _KOLOM_ABK_JABATAN)
    _pita(ws, 1, 3, "Jabatan")
    _pita(ws, 4, 9, "Beban kerja dan kebutuhan pegawai")
    _pita(ws, 10, len(_KOLOM_ABK_JABATAN), "Efisiensi jabatan")
    for r, selisih in enumerate(rekap["selisih_orang"], start=HEADER_ROW + 1):
        if selisih < 0:
            ws.cell(row=r, column=9).fill = _ISI_DI_ATAS
    _atur_cetak(ws, _KOLOM_ABK_JABATAN, akhir, 3)
    return ws.title


def _tinggi_judul(ws: Worksheet, baris: int, kolom: tuple[KolomDokumen, ...]) -> None:
    """Give a header row room for its longest header, bold (wider than the estimate)."""
    garis = max(_baris_teks(k.header, max(k.width - 3, 1)) for k in kolom)
    ws.row_dimensions[baris].height = (garis + 0.5) * _TINGGI_BARIS


def _keterangan(ws: Worksheet, baris: int, teks: str, kolom: tuple[KolomDokumen, ...]) -> None:
    """Write a context line wrapped over the table's width (never beyond the print area)."""
    cell = set_value(ws, baris, 1, teks)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=baris, start_column=1, end_row=baris, end_column=len(kolom))
    lebar = sum(k.width for k in kolom)
    ws.row_dimensions[baris].height = (_baris_teks(teks, lebar * 0.9) + 0.3) * _TINGGI_BARIS


def _sel(ws: Worksheet, baris: int, kolom: int, nilai: Any, gaya: str) -> None:
    set_value(ws, baris, kolom, _nilai(nilai)).style = gaya


def tulis_formulir_abk(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the per-task ABK forms, one block per jabatan-jenjang.

    Sheet :data:`LEMBAR_FORMULIR_ABK`.

    Row 1 holds the context line (:func:`keterangan_abk`); blocks start at row 3. Each
    block: :data:`JUDUL_FORMULIR`; the position (``"Nama jabatan: Perencana Ahli
    Muda"``), jabatan and jenjang, unit and year; the task table (:data:`KOLOM_FORMULIR`,
    one row per row of :func:`~sistemkerja.analisis.abk_tugas`); then the rows
    ``Jumlah`` (Σ pegawai yang dibutuhkan), ``Kebutuhan pegawai (dibulatkan)``,
    ``Pegawai yang ada (bezetting)``, ``Selisih (+ lebih / − kurang)``,
    ``Efisiensi jabatan (EJ)`` and ``Kategori EJ``, each value in the last column. A
    manual page break follows every block but the last; the sheet prints A4 portrait,
    fit to the page width.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables, with an allocation.

    Returns
    -------
    str
        The sheet's name.
    """
    plan = tabel.plan
    tugas = _perlu(tabel.abk_tugas)
    rekap = _perlu(tabel.abk_jenjang)
    ws = _lembar(wb, LEMBAR_FORMULIR_ABK)
    judul = _gaya_judul_kolom(wb)
    gaya = [_gaya(wb, k) for k in KOLOM_FORMULIR]
    gaya_orang = _gaya(wb, KolomDokumen("", 10, FORMAT_BULAT))
    gaya_label = _gaya(wb, KolomDokumen("", 10))
    gaya_ej = _gaya(wb, KolomDokumen("", 10, FORMAT_EJ))
    for c, k in enumerate(KOLOM_FORMULIR, start=1):
        ws.column_dimensions[get_column_letter(c)].width = k.width
    n_kolom = len(KOLOM_FORMULIR)
    per = {k: g for k, g in tugas.groupby(["jabatan", "jenjang"], sort=False)}
    _keterangan(ws, 1, keterangan_abk(plan), KOLOM_FORMULIR)
    r = 3
    akhir = 1
    for blok_ke, blok in enumerate(rekap.itertuples(index=False), start=1):
        set_value(ws, r, 1, JUDUL_FORMULIR).font = _FONT_FORMULIR
        set_value(ws, r + 1, 1, f"Nama jabatan: {blok.nama_jabatan}").font = _FONT_SUBJUDUL
        set_value(ws, r + 2, 1, f"Jabatan: {blok.jabatan}; jenjang: {blok.jenjang}")
        set_value(ws, r + 3, 1, f"Unit kerja: {_nama_unit(plan)} — Tahun {plan.pk.tahun}")
        kepala = r + 4
        for c, k in enumerate(KOLOM_FORMULIR, start=1):
            set_value(ws, kepala, c, k.header).style = judul
        _tinggi_judul(ws, kepala, KOLOM_FORMULIR)
        r = kepala + 1
        g = per.get((blok.jabatan, blok.jenjang))
        rows = [] if g is None else g.to_dict("records")
        for row in rows:
            isi = [row[c] for c in _ISI_FORMULIR] + [row["pegawai_dibutuhkan"]]
            for c, (v, nama) in enumerate(zip(isi, gaya, strict=True), start=1):
                _sel(ws, r, c, v, nama)
            _tinggi(ws, r, zip(isi, KOLOM_FORMULIR, strict=True))
            r += 1
        ej = "-" if pd.isna(blok.ej) else float(blok.ej)
        ringkas: list[tuple[str, Any, str]] = [
            ("Jumlah", float(blok.kebutuhan_pegawai), gaya[-1]),
            ("Kebutuhan pegawai (dibulatkan)", int(blok.kebutuhan_bulat), gaya_orang),
            ("Pegawai yang ada (bezetting)", int(blok.bezetting), gaya_orang),
            ("Selisih (+ lebih / − kurang)", int(blok.selisih_orang), gaya_orang),
            ("Efisiensi jabatan (EJ)", ej, gaya_ej),
            ("Kategori EJ", f"{blok.kategori} {blok.predikat}", gaya_label),
        ]
        for label, nilai, nama in ringkas:
            for c in range(1, n_kolom + 1):
                cell = ws.cell(row=r, column=c)
                cell.border = _BORDER
                cell.fill = _ISI_TOTAL
            set_value(ws, r, 2, label).font = _FONT_TEBAL
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=n_kolom - 1)
            _sel(ws, r, n_kolom, nilai, nama)
            ws.cell(row=r, column=n_kolom).fill = _ISI_TOTAL
            ws.cell(row=r, column=n_kolom).font = _FONT_TEBAL
            r += 1
        akhir = r - 1
        if blok_ke < len(rekap):
            ws.row_breaks.append(Break(id=akhir))
        r += 1
    if rekap.empty:
        set_value(ws, r, 1, JUDUL_FORMULIR).font = _FONT_JUDUL
        set_value(ws, r + 1, 1, "Tidak ada jabatan dengan beban kerja dalam rencana ini.")
        akhir = r + 1
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_area = f"A1:{get_column_letter(n_kolom)}{akhir}"
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.left.text = "&A"
    return ws.title


def tulis_abk_pegawai(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the workload recap per person (:data:`LEMBAR_ABK_PEGAWAI`).

    Capacity and hours (jam), EJ, category and position against the policy's target
    band (:func:`sistemkerja.analisis.beban_pegawai`); rows above the band are shaded
    red, rows below it yellow.
    """
    plan = tabel.plan
    pegawai = _perlu(tabel.beban_pegawai)
    ws = _lembar(wb, LEMBAR_ABK_PEGAWAI)
    _judul(ws, plan, "REKAPITULASI ANALISIS BEBAN KERJA (ABK) PER PEGAWAI", keterangan_abk(plan))
    baris = [
        (n, *r) for n, r in enumerate(pegawai[list(_ISI_ABK_PEGAWAI)].itertuples(index=False), 1)
    ]
    akhir = _tabel(ws, _KOLOM_ABK_PEGAWAI, baris)
    _keterangan(ws, 3, keterangan_abk(plan), _KOLOM_ABK_PEGAWAI)
    for r, letak in enumerate(pegawai["posisi"], start=HEADER_ROW + 1):
        isi = {"di atas pita": _ISI_DI_ATAS, "di bawah pita": _ISI_DI_BAWAH}.get(letak)
        if isi is not None:
            for c in range(1, len(_KOLOM_ABK_PEGAWAI) + 1):
                ws.cell(row=r, column=c).fill = isi
    _pita(ws, 1, len(_KOLOM_ABK_PEGAWAI), "Beban kerja dan efisiensi jabatan (EJ) per pegawai")
    _atur_cetak(ws, _KOLOM_ABK_PEGAWAI, akhir, 3)
    return ws.title


def tulis_abk(wb: Workbook, tabel: TabelHasil) -> list[str]:
    """Add the ABK documents: recap per jabatan and jenjang, the forms, recap per person.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables (:func:`~sistemkerja.laporan.tabel.hitung_tabel`), with an
        allocation.

    Returns
    -------
    list of str
        ``[LEMBAR_ABK_JABATAN, LEMBAR_FORMULIR_ABK, LEMBAR_ABK_PEGAWAI]`` (as named in
        the workbook).
    """
    return [
        tulis_abk_jenjang(wb, tabel),
        tulis_formulir_abk(wb, tabel),
        tulis_abk_pegawai(wb, tabel),
    ]
