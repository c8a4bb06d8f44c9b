"""Result documents in Excel: Matriks Peran-Hasil, SKP drafts, ABK, budget and schedule.

Each ``tulis_*`` function adds print-ready sheets to an openpyxl workbook, filled from the
tables of one run (:class:`~sistemkerja.laporan.tabel.TabelHasil`, computed once by
:func:`~sistemkerja.laporan.tabel.hitung_tabel`; nothing is recomputed here).
:func:`write_result_workbook` writes the result tables and these documents into one
workbook, saved atomically; ``docs/laporan.md`` describes every sheet for users.

Every document sheet has the same layout: a title block in rows 1–3, a group band in row
4, the column headers in row :data:`HEADER_ROW` (5) and data from row 6, so it reads back
with ``pandas.read_excel(path, sheet_name=..., header=HEADER_ROW - 1)``. Sheets are set up
for printing: A4 landscape, header row repeated on every page, panes frozen below the
header, wrapped text, thin borders; a sheet wider than :data:`FIT_WIDTH_MAX` is not
shrunk to one page wide but repeats its identifying columns on every page instead.

Text from the plan (names, titles, codes) is always stored as text: a value starting
with ``=``, ``+``, ``-`` or ``@`` never becomes a formula.

Examples
--------
>>> from sistemkerja import contoh
>>> from sistemkerja.optimasi import optimasi
>>> hasil = optimasi(contoh.load("kecil"))  # doctest: +SKIP
>>> write_result_workbook(hasil, "hasil.xlsx")  # doctest: +SKIP
>>> tabel = hitung_tabel(hasil)  # doctest: +SKIP
>>> write_result_workbook(tabel, "hasil.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.analisis import BULAN, label_jabatan, mph_matriks
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.kebijakan import BentukMPH
from sistemkerja.domain.pk import Indikator, TugasTambahan
from sistemkerja.domain.rencana import Rencana
from sistemkerja.io import HEADER_FILL, HEADER_FONT, new_workbook, save_atomic, set_value
from sistemkerja.io.buku_kerja import add_plan_sheets
from sistemkerja.label import tabel_berlabel
from sistemkerja.laporan.lembar import RP_FORMAT, add_tables, cell_value
from sistemkerja.laporan.tabel import TabelHasil, hitung_tabel, hitung_tabel_alokasi

if TYPE_CHECKING:
    from sistemkerja.optimasi.hasil import Hasil

__all__ = [
    "FIT_WIDTH_MAX",
    "HEADER_ROW",
    "JUDUL_MPH1",
    "JUDUL_MPH2",
    "JUDUL_MPH_SATU",
    "KOSONG_MPH",
    "LEBAR_HALAMAN_MPH",
    "LEMBAR_ABK_JABATAN",
    "LEMBAR_ABK_PEGAWAI",
    "LEMBAR_ANGGARAN",
    "LEMBAR_FORMULIR_ABK",
    "LEMBAR_JADWAL",
    "LEMBAR_MPH1",
    "LEMBAR_MPH_SATU",
    "LEMBAR_SKP",
    "PREFIKS_MPH2",
    "isi_result_workbook",
    "nama_lembar",
    "tulis_abk",
    "tulis_anggaran",
    "tulis_dokumen",
    "tulis_jadwal",
    "tulis_mph",
    "tulis_mph_level1",
    "tulis_mph_level2",
    "tulis_mph_satu_tingkat",
    "tulis_skp",
    "write_documents",
    "write_result_workbook",
]

HEADER_ROW = 5
"""Row of the column headers on every document sheet (rows 1–3 title, row 4 band)."""

FIT_WIDTH_MAX = 240
"""Widest sheet (Σ column widths, in Excel character units) shrunk to one page wide.

An A4 landscape page holds about 150 units at 100 %; up to 240 the print scale stays
above about 60 %. Wider sheets print across pages with their first columns repeated.
"""

LEMBAR_MPH1 = "Matriks Level 1"
"""Sheet of the level 1 Matriks Peran-Hasil."""
PREFIKS_MPH2 = "Matriks L2 "
"""Start of each team's level 2 sheet name; the team code follows (cut to 31 characters)."""
LEMBAR_SKP = "Rancangan SKP"
"""Sheet of the draft RHK of every person (one long sheet with an autofilter)."""
LEMBAR_ANGGARAN = "Rekap Anggaran"
"""Sheet of the budget recap by RKA-K/L code."""
LEMBAR_JADWAL = "Jadwal Kegiatan"
"""Sheet of the activity schedule (months January–December)."""

FORMAT_TANGGAL = "dd/mm/yyyy"
FORMAT_JAM = "#,##0.0"
FORMAT_ORANG = "#,##0.00"
FORMAT_EJ = "0.00"
FORMAT_PERSEN = "0.0"
FORMAT_BULAT = "#,##0"
FORMAT_TEKS = "@"

_TIPIS = Side(style="thin", color="808080")
_BORDER = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_FONT_JUDUL = Font(bold=True, size=14)
_FONT_SUBJUDUL = Font(bold=True, size=11)
_FONT_TEBAL = Font(bold=True)
_FONT_MERAH = Font(bold=True, color="C00000")
_ISI_PITA = PatternFill("solid", fgColor="BDD7EE")
_ISI_BULAN = PatternFill("solid", fgColor="9BC2E6")
_ISI_DI_ATAS = PatternFill("solid", fgColor="F8CBAD")
_ISI_DI_BAWAH = PatternFill("solid", fgColor="FFF2CC")
_ISI_TOTAL = PatternFill("solid", fgColor="E7E6E6")
_TINGGI_BARIS = 15.0  # points per line of 11-point text
_TINGGI_MAKS = 409.0  # Excel's highest row
_LEMBAR_TIDAK_SAH = re.compile(r"[\\/?*\[\]:\x00-\x1f]")


@dataclass(frozen=True, slots=True)
class KolomDokumen:
    """One column of a document table.

    Parameters
    ----------
    header : str
        Header text (Indonesian, with the unit in brackets where there is one).
    width : float
        Column width in Excel character units.
    number_format : str, optional
        Number format of the data cells (``None``: General).
    wrap : bool
        Whether long text wraps inside the cell (row heights grow to fit).
    """

    header: str
    width: float
    number_format: str | None = None
    wrap: bool = False


_NO = KolomDokumen("No", 5)
_NIP = KolomDokumen("NIP", 20, FORMAT_TEKS)
_NAMA = KolomDokumen("Nama", 26, wrap=True)
_JABATAN = KolomDokumen("Jabatan", 26, wrap=True)


# ---- sheet names, title block, table, print setup ----------------------------------------
def nama_lembar(wb: Workbook, nama: str) -> str:
    r"""Return a valid sheet name not yet used in ``wb`` (Excel compares names caselessly).

    Parameters
    ----------
    wb : Workbook
        The workbook the sheet goes into.
    nama : str
        Wanted name, e.g. ``"Matriks L2 " + kode_tim``.

    Returns
    -------
    str
        At most 31 characters; ``\ / ? * [ ] :`` and control characters become ``_``;
        a leading or trailing apostrophe is dropped; when taken, ``" (2)"``, ``" (3)"``…
        replaces the end of the name.
    """
    dasar = _LEMBAR_TIDAK_SAH.sub("_", nama).strip().strip("'")[:31].rstrip() or "Lembar"
    dipakai = {s.casefold() for s in wb.sheetnames}
    if dasar.casefold() not in dipakai:
        return dasar
    n = 2
    while True:
        akhiran = f" ({n})"
        calon = dasar[: 31 - len(akhiran)].rstrip() + akhiran
        if calon.casefold() not in dipakai:
            return calon
        n += 1


def _lembar(wb: Workbook, nama: str) -> Worksheet:
    return wb.create_sheet(nama_lembar(wb, nama))


def _nama_unit(plan: Rencana) -> str:
    return plan.unit.name if plan.unit is not None else plan.pk.unit


def _judul(ws: Worksheet, plan: Rencana, judul: str, keterangan: str | None = None) -> None:
    """Write the title block: title, unit and year, and one line of context."""
    set_value(ws, 1, 1, judul).font = _FONT_JUDUL
    set_value(ws, 2, 1, f"{_nama_unit(plan)} — Tahun {plan.pk.tahun}").font = _FONT_SUBJUDUL
    if keterangan:
        set_value(ws, 3, 1, keterangan)


def _pita(ws: Worksheet, awal: int, akhir: int, teks: str) -> None:
    """Write a group band over columns ``awal``–``akhir`` of the row above the header."""
    if akhir < awal:
        return
    baris = HEADER_ROW - 1
    for c in range(awal, akhir + 1):
        cell = ws.cell(row=baris, column=c)
        cell.fill = _ISI_PITA
        cell.border = _BORDER
    cell = set_value(ws, baris, awal, teks)
    cell.font = _FONT_TEBAL
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if akhir > awal:
        ws.merge_cells(start_row=baris, start_column=awal, end_row=baris, end_column=akhir)


def _baris_teks(teks: str, lebar: float) -> int:
    """Lines a wrapped text needs in a column ``lebar`` characters wide (an estimate)."""
    muat = max(int(lebar) - 1, 1)
    return sum(max(-(-len(bagian) // muat), 1) for bagian in teks.split("\n"))


def _tinggi(
    ws: Worksheet, baris: int, isi: Iterable[tuple[Any, KolomDokumen]], semua: bool = False
) -> None:
    """Set a row's height from its longest wrapped text (Excel does not on opening).

    Only cells of wrapping columns count, or every cell when ``semua`` (header row).
    """
    garis = max(
        (_baris_teks(v, k.width) for v, k in isi if isinstance(v, str) and (k.wrap or semua)),
        default=1,
    )
    if garis > 1:
        ws.row_dimensions[baris].height = min(garis * _TINGGI_BARIS, _TINGGI_MAKS)


def _nilai(value: Any) -> Any:
    """Return a cell value: dates stay dates, everything else as in the result tables."""
    if isinstance(value, dt.date):
        return value
    return cell_value(value)


_NAMA_FORMAT = {
    None: "umum",
    FORMAT_TEKS: "teks",
    RP_FORMAT: "Rp",
    FORMAT_JAM: "jam",
    FORMAT_ORANG: "orang",
    FORMAT_EJ: "EJ",
    FORMAT_PERSEN: "persen",
    FORMAT_BULAT: "bilangan bulat",
    FORMAT_TANGGAL: "tanggal",
}
_GAYA_JUDUL_KOLOM = "sistemkerja judul kolom"


def _gaya(wb: Workbook, k: KolomDokumen) -> str:
    """Return the name of the cell style of a column's data cells, adding it once.

    A named style sets border, alignment and number format in one step; setting them
    cell by cell costs openpyxl a style lookup each (seconds for a large unit).
    """
    nama = f"sistemkerja {_NAMA_FORMAT.get(k.number_format, k.number_format)}"
    nama += " lipat" if k.wrap else ""
    if nama not in wb.named_styles:
        wb.add_named_style(
            NamedStyle(
                name=nama,
                border=_BORDER,
                alignment=Alignment(vertical="top", wrap_text=k.wrap),
                number_format=k.number_format or "General",
            )
        )
    return nama


def _gaya_judul_kolom(wb: Workbook) -> str:
    if _GAYA_JUDUL_KOLOM not in wb.named_styles:
        wb.add_named_style(
            NamedStyle(
                name=_GAYA_JUDUL_KOLOM,
                font=HEADER_FONT,
                fill=HEADER_FILL,
                border=_BORDER,
                alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            )
        )
    return _GAYA_JUDUL_KOLOM


def _tabel(ws: Worksheet, kolom: Sequence[KolomDokumen], baris: Iterable[Sequence[Any]]) -> int:
    """Write the header row and the data rows, each cell with its column's named style.

    Returns
    -------
    int
        Last row written (the header row when there is no data).
    """
    wb = ws.parent
    judul = _gaya_judul_kolom(wb)
    for c, k in enumerate(kolom, start=1):
        set_value(ws, HEADER_ROW, c, k.header).style = judul
        ws.column_dimensions[get_column_letter(c)].width = k.width
    _tinggi(ws, HEADER_ROW, ((k.header, k) for k in kolom), semua=True)
    gaya = [_gaya(wb, k) for k in kolom]
    akhir = HEADER_ROW
    for r, nilai in enumerate(baris, start=HEADER_ROW + 1):
        isi = [_nilai(v) for v in nilai]
        for c, (nama, v) in enumerate(zip(gaya, isi, strict=True), start=1):
            set_value(ws, r, c, v).style = nama
        _tinggi(ws, r, zip(isi, kolom, strict=True))
        akhir = r
    return akhir


def _atur_cetak(ws: Worksheet, kolom: Sequence[KolomDokumen], akhir: int, kolom_tetap: int) -> None:
    """Print setup: A4 landscape, header row repeated, panes frozen, page numbers.

    Parameters
    ----------
    ws : Worksheet
        The sheet.
    kolom : sequence of KolomDokumen
        Its columns.
    akhir : int
        Last row of the table.
    kolom_tetap : int
        Columns identifying a row (frozen; repeated on every page of a wide sheet).
    """
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.freeze_panes = f"{get_column_letter(kolom_tetap + 1)}{HEADER_ROW + 1}"
    terakhir = get_column_letter(len(kolom))
    ws.print_area = f"A1:{terakhir}{akhir}"
    if sum(k.width for k in kolom) <= FIT_WIDTH_MAX:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    elif kolom_tetap:
        ws.print_title_cols = f"A:{get_column_letter(kolom_tetap)}"
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.left.text = "&A"


TAHUN_EXCEL = (1900, 9999)
"""Years Excel stores as dates; other years are written as ``dd/mm/yyyy`` text."""


def _tanggal(tahun: int, bulan: int, *, akhir: bool = False) -> dt.date | str:
    """First (or last, ``akhir``) day of a month: a date, or text outside Excel's years."""
    hari = calendar.monthrange(tahun, bulan)[1] if akhir else 1
    if TAHUN_EXCEL[0] <= tahun <= TAHUN_EXCEL[1]:
        return dt.date(tahun, bulan, hari)
    return f"{hari:02d}/{bulan:02d}/{tahun}"


def _perlu(df: pd.DataFrame | None) -> pd.DataFrame:
    """Return a table of the allocation (documents exist only for a run with one)."""
    if df is None:
        raise ValueError("dokumen hanya dapat ditulis untuk hasil dengan alokasi")
    return df


# ---- Matriks Peran-Hasil -------------------------------------------------------------------
LEMBAR_MPH_SATU = "Matriks Satu Tingkat"
"""Sheet of the one-level Matriks Peran-Hasil (policy ``BentukMPH.SATU_TINGKAT``)."""

JUDUL_MPH1 = "MATRIKS PERAN-HASIL — PENYELARASAN DUA TINGKAT: PIMPINAN UNIT – KETUA TIM"
"""Title of the first matrix of the two-level form."""
JUDUL_MPH2 = "MATRIKS PERAN-HASIL — PENYELARASAN DUA TINGKAT: KETUA TIM – ANGGOTA TIM"
"""Title of each team's matrix of the two-level form."""
JUDUL_MPH_SATU = "MATRIKS PERAN-HASIL — PENYELARASAN SATU TINGKAT: PIMPINAN UNIT – PEGAWAI"
"""Title of the one-level form."""

LEBAR_HALAMAN_MPH = 110.0
"""Width of an A4 landscape page between the MPH margins (Excel character units at 100 %).

A4 landscape less 2 × 0.4 inch margins is 277 mm ≈ 1,046 pixels at 96 dpi. A column width
unit is one digit of the workbook's default font: about 7 pixels in Excel's Calibri (148
units a page), but about 9.3 pixels where Calibri is missing and LibreOffice prints with
DejaVu Sans (112 units). The MPH print scale is chosen for the wider case, so nothing is
cut on either machine.
"""

SKALA_MIN_MPH = 70
"""Smallest print scale (%) at which an MPH sheet is shrunk to one page wide; a wider
sheet breaks at sasaran boundaries instead."""

KOSONG_MPH = "–"
"""Mark of a matrix cell without a role."""

_KOLOM_ORANG_MPH = (
    KolomDokumen("No", 4),
    KolomDokumen("NIP", 19, FORMAT_TEKS),
    KolomDokumen("Nama", 18, wrap=True),
    KolomDokumen("Jabatan", 18, wrap=True),
    KolomDokumen("Peran", 16, wrap=True),
)
_LEBAR_SEL_MPH = 26
_ISI_CATATAN = PatternFill("solid", fgColor="FFF2CC")
_PITA_ORANG = "Pegawai"
_PITA_TAMBAHAN = "Tugas tambahan"


def _judul_target(target: Indikator | TugasTambahan) -> str:
    return f"{target.code}\n{target.name}\nTarget: {target.target}"


def _baris_kata(teks: str, lebar: float) -> int:
    """Lines a text needs when wrapped at word boundaries in a column ``lebar`` wide.

    A conservative estimate (LibreOffice may print with a slightly wider font than
    Excel's Calibri): a line holds ``0.9 × (lebar − 1)`` characters; a word longer than a
    line is broken.
    """
    muat = max(int((lebar - 1) * 0.9), 1)
    garis = 0
    for bagian in teks.split("\n"):
        n, isi = 1, 0
        for kata in bagian.split():
            while len(kata) > muat:  # a word wider than the cell is broken
                if isi:
                    n += 1
                n, isi, kata = n + 1, 0, kata[muat:]
            if isi and isi + 1 + len(kata) > muat:
                n, isi = n + 1, len(kata)
            else:
                isi += len(kata) + (1 if isi else 0)
        garis += n
    return garis


def _tinggi_kata(ws: Worksheet, baris: int, isi: Iterable[tuple[Any, float]]) -> None:
    """Set a row's height so that every wrapped text of the row shows whole."""
    garis = max((_baris_kata(v, w) for v, w in isi if isinstance(v, str)), default=1)
    ws.row_dimensions[baris].height = min(garis * _TINGGI_BARIS + 3, _TINGGI_MAKS)


@dataclass(frozen=True, slots=True)
class _Grup:
    """Consecutive matrix columns under one band text (a sasaran, or the tugas tambahan)."""

    teks: str
    kode: tuple[str, ...]


def _grup_sasaran(tabel: TabelHasil, kode: Sequence[str]) -> list[_Grup]:
    """Group target codes (in the given order) under their sasaran; tugas tambahan last."""
    plan = tabel.plan
    targets = plan.targets()
    sasaran = {s.code: s.name for s in plan.sasaran}
    grup: list[tuple[str, list[str]]] = []
    for k in kode:
        t = targets[k]
        if isinstance(t, Indikator):
            teks = f"Sasaran {t.sasaran}: {sasaran.get(t.sasaran, t.sasaran)}"
        else:
            teks = _PITA_TAMBAHAN
        if grup and grup[-1][0] == teks:
            grup[-1][1].append(k)
        else:
            grup.append((teks, [k]))
    return [_Grup(teks, tuple(isi)) for teks, isi in grup]


def _catatan_mph(tabel: TabelHasil, df: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """Return the notes per (NIP, target code) of an MPH frame: ``catatan``, duplicate RHK."""
    catatan: dict[tuple[str, str], list[str]] = {}
    for r in df.itertuples():
        if pd.isna(r.indikator) or pd.isna(r.catatan) or not str(r.catatan):
            continue
        daftar = catatan.setdefault((str(r.nip), str(r.indikator)), [])
        if str(r.catatan) not in daftar:
            daftar.append(str(r.catatan))
    periksa = tabel.periksa_mph
    if periksa is not None and not periksa.empty and "tim" in df.columns:
        tim = {str(t) for t in df["tim"].dropna()}
        tim_bagian = {bagian.strip() for t in tim for bagian in t.split(",")}
        sel = set(catatan) | {
            (str(r.nip), str(r.indikator)) for r in df.itertuples() if not pd.isna(r.indikator)
        }
        ganda = periksa[periksa["jenis"] == "RHK ganda"]
        for r in ganda.itertuples():
            kunci = (str(r.nip), str(r.indikator))
            if kunci in sel and str(r.tim) in tim_bagian:
                daftar = catatan.setdefault(kunci, [])
                if str(r.pesan) not in daftar:
                    daftar.append(str(r.pesan))
    return catatan


def _tulis_matriks(
    ws: Worksheet,
    tabel: TabelHasil,
    matriks: pd.DataFrame,
    judul_kolom: dict[str, str],
    catatan: dict[tuple[str, str], list[str]],
    *,
    daftar_catatan: bool,
) -> None:
    """Write an MPH matrix: group band, header, one row per person, notes, print setup.

    Row :data:`HEADER_ROW` − 1 holds the sasaran header row (one merged cell over its
    indicator columns, then "Tugas tambahan"), row :data:`HEADER_ROW` the column headers,
    data from the row below; a cell with a note gets a light fill and, with
    ``daftar_catatan``, the notes are listed under the table (after one empty row),
    numbered, with name and target, each merged over the page width (over the repeated
    person columns when the sheet prints across pages).
    """
    kode = [str(c) for c in matriks.columns]
    grup = _grup_sasaran(tabel, kode)
    kode = [k for g in grup for k in g.kode]
    matriks = matriks[kode]
    tetap = len(_KOLOM_ORANG_MPH)
    kolom = [
        *_KOLOM_ORANG_MPH,
        *(KolomDokumen(judul_kolom[k], _LEBAR_SEL_MPH, wrap=True) for k in kode),
    ]
    baris = [
        (n, nip, nama, jabatan, str(peran).replace("; ", "\n"), *sel)
        for n, ((nip, nama, jabatan, peran), sel) in enumerate(
            zip(matriks.index, matriks.itertuples(index=False), strict=True), start=1
        )
    ]
    akhir = _tabel(ws, kolom, baris)
    lebar = [k.width for k in kolom]
    _tinggi_kata(ws, HEADER_ROW, zip((k.header for k in kolom), lebar, strict=True))
    catatan_urut: list[tuple[str, str, str]] = []
    for r, nilai in enumerate(baris, start=HEADER_ROW + 1):
        _tinggi_kata(ws, r, zip(nilai, lebar, strict=True))
        nip = str(nilai[1])
        for c, k in enumerate(kode, start=tetap + 1):
            teks = catatan.get((nip, k))
            if teks and nilai[c - 1] != KOSONG_MPH:
                ws.cell(row=r, column=c).fill = _ISI_CATATAN
                catatan_urut += [(str(nilai[2]), k, t) for t in teks]
    # the sasaran header row over the indicator columns
    _pita(ws, 1, tetap, _PITA_ORANG)
    awal = tetap + 1
    tinggi_pita = 1
    for g in grup:
        _pita(ws, awal, awal + len(g.kode) - 1, g.teks)
        tinggi_pita = max(tinggi_pita, _baris_kata(g.teks, _LEBAR_SEL_MPH * len(g.kode)))
        awal += len(g.kode)
    ws.row_dimensions[HEADER_ROW - 1].height = tinggi_pita * _TINGGI_BARIS + 3
    satu_halaman = _atur_cetak_mph(ws, kolom, grup, akhir)
    # the title block wraps within the first page, or within the person columns that
    # repeat on every page of a sheet printed across pages (rows 1-3 print on each)
    ujung = len(kolom) if satu_halaman else tetap
    for r in (1, 2, 3):
        cell = ws.cell(row=r, column=1)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ujung)
        if isinstance(cell.value, str):
            lebar_judul = sum(lebar[:ujung]) * (0.6 if r == 1 else 0.85)  # larger, bold
            garis = _baris_kata(cell.value, lebar_judul)
            ws.row_dimensions[r].height = garis * (_TINGGI_BARIS * (1.3 if r == 1 else 1)) + 3
    if catatan_urut and daftar_catatan:
        r = akhir + 2
        set_value(ws, r, 1, "Catatan:").font = _FONT_TEBAL
        lebar_catatan = sum(lebar[:ujung])
        for n, (nama, k, teks) in enumerate(catatan_urut, start=1):
            r += 1
            isi = f"{n}. {nama} — {k}: {teks}"
            cell = set_value(ws, r, 1, isi)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ujung)
            _tinggi_kata(ws, r, [(isi, lebar_catatan * 0.8)])
        ws.print_area = f"A1:{get_column_letter(len(kolom))}{r}"


def _atur_cetak_mph(
    ws: Worksheet, kolom: Sequence[KolomDokumen], grup: Sequence[_Grup], akhir: int
) -> bool:
    """Print setup of an MPH sheet: A4 landscape, whole on every page.

    The band and header rows repeat on every page. A matrix that fits
    :data:`LEBAR_HALAMAN_MPH` at :data:`SKALA_MIN_MPH` % or more prints one page wide;
    a wider one gets a manual column break at every sasaran boundary, the person columns
    repeat on every page (print titles), and the print scale is chosen so that the
    person columns and the widest group fit one page width.

    Returns
    -------
    bool
        Whether the sheet prints one page wide.
    """
    tetap = len(_KOLOM_ORANG_MPH)
    _atur_cetak(ws, kolom, akhir, tetap)
    ws.print_title_rows = f"{HEADER_ROW - 1}:{HEADER_ROW}"
    lebar_tetap = sum(k.width for k in kolom[:tetap])
    if sum(k.width for k in kolom) * SKALA_MIN_MPH / 100 <= LEBAR_HALAMAN_MPH:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        return True
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    ws.print_title_cols = f"A:{get_column_letter(tetap)}"
    terlebar = max(len(g.kode) for g in grup) * _LEBAR_SEL_MPH
    ws.page_setup.scale = max(10, min(100, int(100 * LEBAR_HALAMAN_MPH / (lebar_tetap + terlebar))))
    kolom_akhir = tetap
    for g in grup[:-1]:
        kolom_akhir += len(g.kode)
        ws.col_breaks.append(Break(id=kolom_akhir))
    return False


def _tulis_tingkat1(
    wb: Workbook, tabel: TabelHasil, df: pd.DataFrame, lembar: str, judul: str
) -> str:
    plan = tabel.plan
    matriks = mph_matriks(df, kosong=KOSONG_MPH)
    targets = plan.targets()
    ws = _lembar(wb, lembar)
    pk = plan.pk
    _judul(ws, plan, judul, f"Pimpinan unit: {pk.pihak_pertama}, {pk.jabatan_pihak_pertama}")
    judul_kolom = {str(k): _judul_target(targets[str(k)]) for k in matriks.columns}
    _tulis_matriks(ws, tabel, matriks, judul_kolom, _catatan_mph(tabel, df), daftar_catatan=False)
    return ws.title


def tulis_mph_level1(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the first matrix of the two-level Matriks Peran-Hasil (penyelarasan dua tingkat).

    Layout of the guidance (domain §4): title :data:`JUDUL_MPH1`; row
    :data:`HEADER_ROW` − 1 is the sasaran header row (one merged cell over the columns of
    its indicators, then "Tugas tambahan"); row :data:`HEADER_ROW` holds No, NIP, Nama,
    Jabatan, Peran and per target its code, wording and target; then the unit head's row
    (their cells: the PK targets), then one row per Ketua Tim (however many teams they
    lead; the teams one per line in Peran) and per person working a target mandiri (and
    the members of a team without a Ketua by strategy), from
    :func:`~sistemkerja.analisis.mph_level1`. Each cell holds one result in bahasa hasil;
    a cell without a role holds :data:`KOSONG_MPH`. A cell with a note (several
    activities behind it, or an RHK equal to another member's) is lightly filled; the
    notes themselves are in the Periksa MPH table and, per team, under the level 2
    matrices (this sheet prints across pages, where a list would be cut). Printing: see
    :func:`_atur_cetak_mph` (A4 landscape, column breaks at sasaran boundaries).

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables (:func:`~sistemkerja.laporan.tabel.hitung_tabel`), with an
        allocation.

    Returns
    -------
    str
        The sheet's name (:data:`LEMBAR_MPH1`).
    """
    return _tulis_tingkat1(wb, tabel, _perlu(tabel.mph_level1), LEMBAR_MPH1, JUDUL_MPH1)


def tulis_mph_satu_tingkat(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the one-level Matriks Peran-Hasil (penyelarasan satu tingkat).

    Same layout as :func:`tulis_mph_level1` (title :data:`JUDUL_MPH_SATU`), with every
    employee of the unit as a row (and every person from elsewhere who works here), from
    :func:`~sistemkerja.analisis.mph_satu_tingkat`.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables, with an allocation.

    Returns
    -------
    str
        The sheet's name (:data:`LEMBAR_MPH_SATU`).
    """
    df = _perlu(tabel.mph_satu_tingkat)
    return _tulis_tingkat1(wb, tabel, df, LEMBAR_MPH_SATU, JUDUL_MPH_SATU)


def tulis_mph_level2(wb: Workbook, tabel: TabelHasil) -> list[str]:
    """Add one level 2 Matriks Peran-Hasil sheet per team (penyelarasan dua tingkat).

    For each team with member rows in :func:`~sistemkerja.analisis.mph_level2` (sheet
    order; a team working without a Ketua by strategy has its members at level 1): title
    :data:`JUDUL_MPH2`, the team and its Ketua Tim (name and jabatan) in row 3; the
    sasaran header row over the columns; one column per target the team works on (target
    code and the Ketua's result; the unit head's indicator when the Ketua the strategy
    needs is missing); one row per member; each cell holds the member's one result for
    that target (:data:`KOSONG_MPH` where none). Cells whose RHK carries a note (several
    activities, or the same RHK as another member's) are lightly filled and the notes are
    listed under the table after one empty row ("Catatan:"), so overlaps show on paper.

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
        The sheets' names, in team order: :data:`PREFIKS_MPH2` + team code, made valid
        and unique by :func:`nama_lembar`.
    """
    plan = tabel.plan
    df = _perlu(tabel.mph_level2)
    alokasi = tabel.alokasi
    if alokasi is None:
        raise ValueError("dokumen hanya dapat ditulis untuk hasil dengan alokasi")
    pegawai = plan.pegawai_by_nip()
    targets = plan.targets()
    urutan = {k: i for i, k in enumerate(targets)}
    nama = []
    for tim in plan.tim:
        bagian = df[df["tim"] == tim.code]
        if bagian.empty:
            continue  # no member rows: a team without a Ketua answers at level 1
        matriks = mph_matriks(bagian, kolom="indikator", kosong=KOSONG_MPH)
        kode = sorted((str(c) for c in matriks.columns), key=lambda k: urutan.get(k, len(urutan)))
        matriks = matriks[kode]
        nama_ketua = [
            f"{pegawai[k.nip].name} ({label_jabatan(pegawai[k.nip])})"
            for k in alokasi.keanggotaan
            if k.tim == tim.code and k.ketua
        ]
        induk: dict[str, str] = {}
        for r in bagian.itertuples():
            if not pd.isna(r.hasil_ketua) and not pd.isna(r.indikator):
                induk.setdefault(str(r.indikator), str(r.hasil_ketua))
        ws = _lembar(wb, PREFIKS_MPH2 + tim.code)
        _judul(
            ws,
            plan,
            JUDUL_MPH2,
            f"{tim.name} ({tim.code}) — Ketua Tim: "
            + (", ".join(nama_ketua) if nama_ketua else "tidak ada"),
        )
        judul_kolom = {k: f"{k}\n{induk.get(k, targets[k].name)}" for k in kode}
        catatan = _catatan_mph(tabel, bagian)
        _tulis_matriks(ws, tabel, matriks, judul_kolom, catatan, daftar_catatan=True)
        nama.append(ws.title)
    return nama


def tulis_mph(wb: Workbook, tabel: TabelHasil) -> list[str]:
    """Add the MPH sheets of the form the plan's policy chooses; return their names.

    ``Kebijakan.bentuk_mph`` decides: ``BentukMPH.DUA_TINGKAT`` writes
    :data:`LEMBAR_MPH1` (:func:`tulis_mph_level1`) and one :data:`PREFIKS_MPH2` sheet
    per team (:func:`tulis_mph_level2`); ``BentukMPH.SATU_TINGKAT`` writes the one sheet
    :data:`LEMBAR_MPH_SATU` (:func:`tulis_mph_satu_tingkat`).
    """
    if tabel.plan.kebijakan.bentuk_mph is BentukMPH.SATU_TINGKAT:
        return [tulis_mph_satu_tingkat(wb, tabel)]
    return [tulis_mph_level1(wb, tabel), *tulis_mph_level2(wb, tabel)]


# ---- SKP drafts ------------------------------------------------------------------------------
_KOLOM_SKP = (
    _NO,
    _NIP,
    KolomDokumen("Nama", 22, wrap=True),
    KolomDokumen("Jabatan", 22, wrap=True),
    KolomDokumen("Peran", 18, wrap=True),
    KolomDokumen("Tim", 12, wrap=True),
    KolomDokumen("Jenis RHK", 10),
    KolomDokumen("RHK pimpinan yang diintervensi", 36, wrap=True),
    KolomDokumen("Rencana Hasil Kerja (RHK)", 36, wrap=True),
    KolomDokumen("Aspek", 11),
    KolomDokumen("Kode indikator (IKI)", 11),
    KolomDokumen("Indikator kinerja individu (IKI)", 30, wrap=True),
    KolomDokumen("Jenis kontribusi", 12),
    KolomDokumen("Target", 18, wrap=True),
    KolomDokumen("Bukti dukung", 24, wrap=True),
    KolomDokumen("Jatuh tempo", 12, FORMAT_TANGGAL),
)


def tulis_skp(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the draft SKP of every person: one long sheet with an autofilter.

    One row per individual indicator of each RHK (:func:`sistemkerja.analisis.rhk`
    joined with :func:`sistemkerja.analisis.iki`), ordered by person: jenis
    (Utama/Tambahan), the *RHK pimpinan yang diintervensi*, the RHK, the IKI's aspect,
    the indicator code it serves, the IKI, its target and the evidence, and the due date
    (last day of the latest month of its activities, ``dd/mm/yyyy``).

    A data sheet to filter and sort (autofilter on NIP or Nama); the official SKP of each
    person, one sheet per person in e-Kinerja's layout, is the separate workbook of
    :func:`sistemkerja.laporan.skp.write_skp`.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables (:func:`~sistemkerja.laporan.tabel.hitung_tabel`), with an
        allocation.

    Returns
    -------
    str
        The sheet's name (:data:`LEMBAR_SKP`).
    """
    plan = tabel.plan
    df = _perlu(tabel.rhk).merge(_perlu(tabel.iki), on=["nip", "no"], how="left")
    pegawai = plan.pegawai_by_nip()
    tahun = plan.pk.tahun
    baris = []
    for n, r in enumerate(df.itertuples(index=False), start=1):
        baris.append(
            (
                n,
                r.nip,
                r.nama,
                label_jabatan(pegawai[r.nip]),
                r.peran,
                r.tim,
                r.jenis,
                r.rhk_pimpinan,
                r.rhk,
                r.aspek,
                r.indikator,
                r.iki,
                r.jenis_kontribusi,
                r.target,
                r.bukti_dukung,
                _tanggal(tahun, int(r.bulan_jatuh_tempo), akhir=True),
            )
        )
    ws = _lembar(wb, LEMBAR_SKP)
    _judul(
        ws,
        plan,
        "RANCANGAN SASARAN KINERJA PEGAWAI (SKP) — RENCANA HASIL KERJA",
        "Saring kolom NIP atau Nama untuk menampilkan (dan mencetak) SKP satu pegawai.",
    )
    akhir = _tabel(ws, _KOLOM_SKP, baris)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(_KOLOM_SKP))}{akhir}"
    _pita(ws, 1, 6, "Pegawai")
    _pita(ws, 7, len(_KOLOM_SKP), "Rencana hasil kerja")
    _atur_cetak(ws, _KOLOM_SKP, akhir, 3)
    return ws.title


# ---- budget ---------------------------------------------------------------------------------
_KOLOM_ANGGARAN = (
    KolomDokumen("Level", 15),
    KolomDokumen("Kode RKA", 19, FORMAT_TEKS),
    KolomDokumen("Kegiatan", 10, FORMAT_TEKS),
    KolomDokumen("Uraian", 44, wrap=True),
    KolomDokumen("Pagu (Rp)", 17, RP_FORMAT),
    KolomDokumen("Belanja (Rp)", 17, RP_FORMAT),
    KolomDokumen("Biaya personel (Rp)", 15, RP_FORMAT),
    KolomDokumen("Biaya pelibatan (Rp)", 15, RP_FORMAT),
    KolomDokumen("Total (Rp)", 17, RP_FORMAT),
    KolomDokumen("Sisa (Rp)", 16, RP_FORMAT),
    KolomDokumen("Serapan (%)", 9, FORMAT_PERSEN),
    KolomDokumen("Status", 13),
)
LEVEL_GIAT, LEVEL_RO, LEVEL_KEGIATAN, LEVEL_UNIT = "Kegiatan (RKA)", "RO", "Kegiatan", "Unit"
"""Level labels of the budget recap rows."""


def _kode_rka(*bagian: Any) -> str | None:
    teks = [str(b) for b in bagian if not pd.isna(b)]
    return ".".join(teks) or None


def _kunci(*bagian: Any) -> tuple[str | None, ...]:
    return tuple(None if pd.isna(b) else str(b) for b in bagian)


def tulis_anggaran(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the budget recap by RKA-K/L code.

    Rows follow the RKA hierarchy: each Kegiatan (RKA) ceiling, then each RO ceiling
    under it, each followed by the activities budgeted on that RO
    (:func:`sistemkerja.analisis.anggaran_kegiatan`); activities on an RO without its
    own ceiling follow their Kegiatan (RKA); activities outside every ceiling (or
    without budget lines) come last, before the unit's total row. Ceilings, use, the
    remainder and the share used come from :func:`sistemkerja.analisis.anggaran_pagu`;
    every activity row appears exactly once. Amounts in Rp.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables (:func:`~sistemkerja.laporan.tabel.hitung_tabel`), with an
        allocation.

    Returns
    -------
    str
        The sheet's name (:data:`LEMBAR_ANGGARAN`).
    """
    plan = tabel.plan
    pagu = _perlu(tabel.anggaran_pagu)
    kegiatan = _perlu(tabel.anggaran_kegiatan)
    sisa_kegiatan = list(kegiatan.itertuples(index=False))
    pagu_rows = list(pagu.itertuples(index=False))
    giat_rows = [p for p in pagu_rows if p.level == "Kegiatan"]
    ro_rows = [p for p in pagu_rows if p.level == "RO"]
    unit_rows = [p for p in pagu_rows if p.level == "Unit"]
    baris: list[tuple[Any, ...]] = []
    gaya: list[str] = []

    def tambah_pagu(p: Any, level: str) -> None:
        baris.append(
            (
                level,
                _kode_rka(p.program, p.giat, p.kro, p.ro),
                None,
                p.uraian,
                p.pagu,
                p.belanja,
                p.biaya_personel,
                p.biaya_pelibatan,
                p.total,
                p.sisa,
                p.persen,
                p.status,
            )
        )
        gaya.append(level)

    def tambah_kegiatan(cocok: Any) -> None:
        nonlocal sisa_kegiatan
        tetap = []
        for k in sisa_kegiatan:
            if not cocok(k):
                tetap.append(k)
                continue
            baris.append(
                (
                    LEVEL_KEGIATAN,
                    _kode_rka(k.program, k.giat, k.kro, k.ro),
                    k.kegiatan,
                    k.nama,
                    None,
                    k.belanja,
                    k.biaya_personel,
                    None,
                    k.total,
                    None,
                    None,
                    None,
                )
            )
            gaya.append(LEVEL_KEGIATAN)
        sisa_kegiatan = tetap

    ro_sisa = list(ro_rows)
    for g in giat_rows:
        tambah_pagu(g, LEVEL_GIAT)
        kunci_giat = _kunci(g.program, g.giat)
        for ro in [ro for ro in ro_sisa if _kunci(ro.program, ro.giat) == kunci_giat]:
            ro_sisa.remove(ro)
            tambah_pagu(ro, LEVEL_RO)
            kunci_ro = _kunci(ro.program, ro.giat, ro.kro, ro.ro)
            tambah_kegiatan(lambda k, kr=kunci_ro: _kunci(k.program, k.giat, k.kro, k.ro) == kr)
        tambah_kegiatan(lambda k, kg=kunci_giat: _kunci(k.program, k.giat) == kg)
    for ro in ro_sisa:
        tambah_pagu(ro, LEVEL_RO)
        kunci_ro = _kunci(ro.program, ro.giat, ro.kro, ro.ro)
        tambah_kegiatan(lambda k, kr=kunci_ro: _kunci(k.program, k.giat, k.kro, k.ro) == kr)
    tambah_kegiatan(lambda k: True)
    for u in unit_rows:
        tambah_pagu(u, LEVEL_UNIT)

    ws = _lembar(wb, LEMBAR_ANGGARAN)
    _judul(
        ws,
        plan,
        "REKAPITULASI ANGGARAN PER KODE RKA-K/L",
        "Pagu dan penggunaannya per Kegiatan (RKA) dan RO, dengan kegiatan di bawah RO-nya "
        "(belanja = rincian anggaran; biaya personel dan pelibatan dari alokasi pegawai).",
    )
    akhir = _tabel(ws, _KOLOM_ANGGARAN, baris)
    indent = {LEVEL_RO: 1, LEVEL_KEGIATAN: 2}
    for r, level in enumerate(gaya, start=HEADER_ROW + 1):
        uraian = ws.cell(row=r, column=4)
        uraian.alignment = Alignment(vertical="top", wrap_text=True, indent=indent.get(level, 0))
        if level in (LEVEL_GIAT, LEVEL_UNIT):
            for c in range(1, len(_KOLOM_ANGGARAN) + 1):
                ws.cell(row=r, column=c).font = _FONT_TEBAL
        if level == LEVEL_UNIT:
            for c in range(1, len(_KOLOM_ANGGARAN) + 1):
                ws.cell(row=r, column=c).fill = _ISI_TOTAL
        status = ws.cell(row=r, column=len(_KOLOM_ANGGARAN))
        if status.value not in (None, "aman"):
            status.font = _FONT_MERAH
    _pita(ws, 1, 4, "Kode dan uraian")
    _pita(ws, 5, len(_KOLOM_ANGGARAN), "Pagu dan penggunaan (Rp)")
    _atur_cetak(ws, _KOLOM_ANGGARAN, akhir, 0)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    return ws.title


# ---- schedule -------------------------------------------------------------------------------
_NAMA_BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_KOLOM_JADWAL = (
    _NO,
    KolomDokumen("Kode", 9, FORMAT_TEKS),
    KolomDokumen("Kegiatan", 38, wrap=True),
    KolomDokumen("Indikator", 10, FORMAT_TEKS),
    KolomDokumen("Tim", 22, wrap=True),
    KolomDokumen("Tanggal mulai", 12, FORMAT_TANGGAL),
    KolomDokumen("Tanggal selesai", 12, FORMAT_TANGGAL),
    KolomDokumen("Jam rencana (jam)", 11, FORMAT_JAM),
    KolomDokumen("Jam dialokasikan (jam)", 12, FORMAT_JAM),
    KolomDokumen("Pelaksana (orang)", 10, FORMAT_BULAT),
    *(KolomDokumen(f"{b} (jam)", 7, FORMAT_BULAT) for b in _NAMA_BULAN),
)


def tulis_jadwal(wb: Workbook, tabel: TabelHasil) -> str:
    """Add the activity schedule: one row per activity, months January–December.

    From :func:`sistemkerja.analisis.jadwal.jadwal_kegiatan`: team, first and last day of
    the activity (``dd/mm/yyyy``), planned and assigned hours (jam), people assigned
    (orang), and the assigned hours spread evenly over the months it runs (jam); the
    running months are shaded, like a Gantt chart.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    tabel : TabelHasil
        The run's tables (:func:`~sistemkerja.laporan.tabel.hitung_tabel`), with an
        allocation.

    Returns
    -------
    str
        The sheet's name (:data:`LEMBAR_JADWAL`).
    """
    plan = tabel.plan
    jadwal = _perlu(tabel.jadwal)
    tahun = plan.pk.tahun
    baris = []
    for n, r in enumerate(jadwal.to_dict("records"), start=1):
        mulai, selesai = int(r["bulan_mulai"]), int(r["bulan_selesai"])
        baris.append(
            (
                n,
                r["kegiatan"],
                r["nama"],
                r["indikator"],
                r["nama_tim"],
                _tanggal(tahun, mulai),
                _tanggal(tahun, selesai, akhir=True),
                r["jam_rencana"],
                r["jam_dialokasikan"],
                r["pelaksana"],
                *(r[b] if mulai <= i <= selesai else None for i, b in enumerate(BULAN, 1)),
            )
        )
    ws = _lembar(wb, LEMBAR_JADWAL)
    _judul(
        ws,
        plan,
        "JADWAL KEGIATAN",
        "Jam per bulan = jam yang dialokasikan dibagi rata pada bulan-bulan kegiatan berjalan.",
    )
    akhir = _tabel(ws, _KOLOM_JADWAL, baris)
    awal_bulan = len(_KOLOM_JADWAL) - 12 + 1
    for r, nilai in enumerate(baris, start=HEADER_ROW + 1):
        for c in range(awal_bulan, len(_KOLOM_JADWAL) + 1):
            if nilai[c - 1] is not None:
                ws.cell(row=r, column=c).fill = _ISI_BULAN
    _pita(ws, 1, awal_bulan - 1, "Kegiatan")
    _pita(ws, awal_bulan, len(_KOLOM_JADWAL), f"Bulan (tahun {tahun})")
    _atur_cetak(ws, _KOLOM_JADWAL, akhir, 3)
    return ws.title


# ---- whole workbooks ------------------------------------------------------------------------
def tulis_dokumen(wb: Workbook, tabel: TabelHasil) -> list[str]:
    """Add every document sheet: MPH level 1 and 2, SKP, ABK, budget recap, schedule.

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
        Names of the sheets added, in workbook order.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    return [
        *tulis_mph(wb, tabel),
        tulis_skp(wb, tabel),
        *tulis_abk(wb, tabel),
        tulis_anggaran(wb, tabel),
        tulis_jadwal(wb, tabel),
    ]


def write_documents(plan: Rencana, alokasi: Alokasi, path: str | os.PathLike[str]) -> str:
    """Write only the document sheets of a plan and an allocation (e.g. made by hand).

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.
    path : str or os.PathLike
        Target ``.xlsx`` (replaced atomically).

    Returns
    -------
    str
        sha256 fingerprint of the saved file.
    """
    wb = new_workbook()
    tulis_dokumen(wb, hitung_tabel_alokasi(plan, alokasi))
    return save_atomic(wb, Path(path))


def write_result_workbook(hasil: Hasil | TabelHasil, path: str | os.PathLike[str]) -> str:
    """Write the result workbook of an optimisation run: tables, then documents.

    The table sheets of :meth:`TabelHasil.lembar` come first (``Ringkasan`` in plain
    Indonesian, ``Rincian teknis`` with the optimiser's details, …), with the Indonesian
    headers of :func:`sistemkerja.label.judul_kolom`, each on its own sheet as
    :func:`~sistemkerja.laporan.lembar.write_tables` writes them; with an allocation the
    document sheets of :func:`tulis_dokumen` follow. The file is written to a temporary
    file in the same folder and then moved into place, so an existing workbook is either
    fully replaced or left untouched. The plan's own sheets come last, so the workbook is
    a complete record of the run: it reads back with
    :func:`~sistemkerja.laporan.baca.read_result_workbook` (and as a plan with
    :func:`~sistemkerja.io.read_plan`).

    Parameters
    ----------
    hasil : Hasil or TabelHasil
        An optimisation result, or its tables already computed
        (:func:`~sistemkerja.laporan.tabel.hitung_tabel`; nothing is recomputed then).
    path : str or os.PathLike
        Target ``.xlsx``.

    Returns
    -------
    str
        sha256 fingerprint of the saved file.
    """
    tabel = hasil if isinstance(hasil, TabelHasil) else hitung_tabel(hasil)
    wb = new_workbook()
    isi_result_workbook(wb, tabel)
    return save_atomic(wb, Path(path))


def isi_result_workbook(wb: Workbook, tabel: TabelHasil) -> None:
    """Fill an empty workbook with the sheets of :func:`write_result_workbook`.

    For callers that keep the workbook in memory (a sweep's worker renders it to bytes
    and the caller writes them).

    Parameters
    ----------
    wb : openpyxl.Workbook
        A workbook without sheets (:func:`sistemkerja.io._tulis.new_workbook`).
    tabel : TabelHasil
        The run's tables.
    """
    add_tables(wb, {nama: tabel_berlabel(df, nama) for nama, df in tabel.lembar().items()})
    if tabel.alokasi is not None:
        tulis_dokumen(wb, tabel)
    add_plan_sheets(wb, tabel.plan)


# The ABK documents live in sistemkerja.laporan.abk, which builds on the helpers above;
# imported last so that both modules load in either order (the package imports this one).
from sistemkerja.laporan.abk import (  # noqa: E402
    LEMBAR_ABK_JABATAN,
    LEMBAR_ABK_PEGAWAI,
    LEMBAR_FORMULIR_ABK,
    tulis_abk,
)
