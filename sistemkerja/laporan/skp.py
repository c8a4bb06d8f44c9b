"""Each person's SKP and the unit head's, as print-ready sheets (e-Kinerja's structure).

One sheet per person, named ``"SKP <NIP>"``, the unit head's first; an A4 portrait page,
fit to one page wide. The layout follows the SKP form of Permenpan RB 6/2022 (lampiran)
as e-Kinerja (BKN) prints it; ``docs/dokumen_resmi.md`` names the source of every part
and what was chosen where the sources are silent:

1. title ``SASARAN KINERJA PEGAWAI``, the approach and the period;
2. header block: PEGAWAI YANG DINILAI and PEJABAT PENILAI KINERJA side by side (Nama,
   NIP, Pangkat/Gol. Ruang, Jabatan, Unit Kerja);
3. HASIL KERJA: ``No | RHK pimpinan yang diintervensi | Rencana Hasil Kerja | Aspek |
   Indikator Kinerja Individu | Target`` in sections ``A. KINERJA UTAMA`` and
   ``B. KINERJA TAMBAHAN``; an RHK with several IKI spans several rows (its cells merged);
   the unit head's (JPT) form has ``Perspektif`` in place of the RHK pimpinan;
4. PERILAKU KERJA: the seven BerAKHLAK core values with their behaviour guides
   (:data:`PERILAKU_KERJA`) and an empty column for the leader's specific expectations;
5. signatures of the person and the penilai;
6. LAMPIRAN (on a new page): the planned bukti dukung of every RHK and its due month.

The RHK and IKI come from frames of the RHK/IKI contract (:func:`sistemkerja.analisis.rhk`,
:func:`sistemkerja.analisis.iki`; columns in :data:`~sistemkerja.analisis.tambahan.KOLOM_RHK`
and :data:`~sistemkerja.analisis.tambahan.KOLOM_IKI`), computed once and passed in.
:func:`tulis_rencana_bukti` adds the per-team evidence plan a Ketua Tim follows in the year.
"""

from __future__ import annotations

import calendar
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.analisis import label_jabatan
from sistemkerja.analisis.tambahan import gabung_tambahan, kepala_unit
from sistemkerja.domain.pangkat import pangkat_golongan
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.rencana import Rencana
from sistemkerja.io import new_workbook, save_atomic, set_value
from sistemkerja.laporan.tabel import TabelHasil
from sistemkerja.laporan.xlsx import nama_lembar

__all__ = [
    "BULAN_PANJANG",
    "JUDUL_SKP",
    "PERILAKU_KERJA",
    "PREFIKS_BUKTI",
    "PREFIKS_SKP",
    "SEKSI_TAMBAHAN",
    "SEKSI_UTAMA",
    "lembar_skp",
    "periode_skp",
    "tulis_rencana_bukti",
    "tulis_skp_pegawai",
    "tulis_skp_pimpinan",
    "write_skp",
]

JUDUL_SKP = "SASARAN KINERJA PEGAWAI"
"""Title of every SKP sheet."""
PREFIKS_SKP = "SKP "
"""Start of each SKP sheet's name; the NIP follows (22 characters in all)."""
PREFIKS_BUKTI = "Bukti "
"""Start of each team's evidence-plan sheet name; the team code follows."""
SEKSI_UTAMA = "A. KINERJA UTAMA"
"""Section of the RHK utama."""
SEKSI_TAMBAHAN = "B. KINERJA TAMBAHAN"
"""Section of the RHK tambahan."""

BULAN_PANJANG: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
"""Month names (index 0 = January)."""

PERILAKU_KERJA: tuple[tuple[str, tuple[str, str, str]], ...] = (
    (
        "Berorientasi Pelayanan",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    (
        "Akuntabel",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan "
            "berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, "
            "dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    (
        "Kompeten",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    (
        "Harmonis",
        (
            "Menghargai setiap orang apa pun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    (
        "Loyal",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik "
            "Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta "
            "pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    (
        "Adaptif",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    (
        "Kolaboratif",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ),
    ),
)
"""The seven BerAKHLAK core values and their behaviour guides (SE MenPANRB 20/2021)."""

# ---- layout ------------------------------------------------------------------------------
#: Column widths (Excel character units) of A–F: No, RHK pimpinan / Perspektif, RHK,
#: Aspek, IKI, Target. 114 units: A4 portrait at about 80 % when fit to one page wide.
_LEBAR = (5.0, 26.0, 30.0, 12.0, 28.0, 13.0)
_TIPIS = Side(style="thin", color="000000")
_BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_TEBAL = Font(bold=True)
_JUDUL = Font(bold=True, size=13)
_NAMA_TTD = Font(bold=True, underline="single")
_ISI_JUDUL = PatternFill("solid", fgColor="D9E1F2")
_ISI_SEKSI = PatternFill("solid", fgColor="EDEDED")
_BUNGKUS = Alignment(wrap_text=True, vertical="top")
_TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TINGGI_BARIS = 14.5  # points per line of 10-11 point text
_TINGGI_MAKS = 409.0
_KOSONG = "-"


def lembar_skp(nip: str) -> str:
    """Return the SKP sheet name of a person: ``"SKP <NIP>"``."""
    return f"{PREFIKS_SKP}{nip}"


def periode_skp(tahun: int, bulan_mulai: int = 1, bulan_selesai: int = 12) -> str:
    """Return the SKP period: ``"1 Januari 2027 s.d. 31 Desember 2027"``.

    Parameters
    ----------
    tahun : int
        The year.
    bulan_mulai, bulan_selesai : int
        First and last month (1–12).

    Returns
    -------
    str
        From the first day of ``bulan_mulai`` to the last day of ``bulan_selesai``.
    """
    akhir = calendar.monthrange(tahun, bulan_selesai)[1]
    return (
        f"1 {BULAN_PANJANG[bulan_mulai - 1]} {tahun} s.d. "
        f"{akhir} {BULAN_PANJANG[bulan_selesai - 1]} {tahun}"
    )


def _teks(value: Any) -> str:
    """Cell text of a frame value: missing values become ``"-"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _KOSONG
    if value is pd.NA:
        return _KOSONG
    text = str(value).strip()
    return text or _KOSONG


def _baris_teks(teks: str, lebar: float, *, tebal: bool = False) -> int:
    """Lines a wrapped text needs in a cell ``lebar`` characters wide (word wrap estimate).

    Printing substitutes fonts (LibreOffice, other Excel fonts), so the estimate keeps a
    margin: about 0.9 characters per width unit, 0.8 for bold text.
    """
    muat = max(int(lebar * (0.8 if tebal else 0.9)) - 1, 1)
    garis = 0
    for bagian in teks.split("\n"):
        garis += 1
        isi = 0
        for kata in bagian.split():
            if isi and isi + 1 + len(kata) <= muat:
                isi += 1 + len(kata)
                continue
            if isi:
                garis += 1
            while len(kata) > muat:  # a word longer than the line breaks inside
                garis += 1
                kata = kata[muat:]
            isi = len(kata)
    return max(garis, 1)


class _Lembar:
    """A sheet being written row by row, tracking the height each row needs."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.baris = 0
        self._garis: dict[int, int] = {}
        for c, lebar in enumerate(_LEBAR, start=1):
            ws.column_dimensions[get_column_letter(c)].width = lebar

    def lebar(self, awal: int, akhir: int) -> float:
        return sum(_LEBAR[awal - 1 : akhir])

    def tulis(
        self,
        baris: int,
        awal: int,
        nilai: Any,
        *,
        akhir: int | None = None,
        sampai: int | None = None,
        font: Font | None = None,
        isi: PatternFill | None = None,
        rata: Alignment = _BUNGKUS,
        bingkai: bool = True,
    ) -> None:
        """Write one (merged) cell over columns ``awal``–``akhir``, rows ``baris``–``sampai``."""
        akhir = akhir or awal
        sampai = sampai or baris
        cell = set_value(self.ws, baris, awal, nilai)
        cell.alignment = rata
        if font is not None:
            cell.font = font
        for r in range(baris, sampai + 1):
            for c in range(awal, akhir + 1):
                sel = self.ws.cell(row=r, column=c)
                if bingkai:
                    sel.border = _BINGKAI
                if isi is not None:
                    sel.fill = isi
        if akhir > awal or sampai > baris:
            self.ws.merge_cells(
                start_row=baris, start_column=awal, end_row=sampai, end_column=akhir
            )
        if isinstance(nilai, str):
            tebal = bool(font is not None and font.b)
            garis = _baris_teks(nilai, self.lebar(awal, akhir), tebal=tebal)
            per_baris = -(-garis // (sampai - baris + 1))
            for r in range(baris, sampai + 1):
                self._garis[r] = max(self._garis.get(r, 1), per_baris)

    def baru(self, n: int = 1) -> int:
        """Advance ``n`` rows and return the new current row."""
        self.baris += n
        return self.baris

    def selesai(self) -> None:
        """Set row heights and the print setup (A4 portrait, one page wide)."""
        for r, garis in self._garis.items():
            if garis > 1:
                self.ws.row_dimensions[r].height = min(garis * _TINGGI_BARIS, _TINGGI_MAKS)
        ws = self.ws
        ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.5, bottom=0.6)
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True
        ws.print_area = f"A1:{get_column_letter(len(_LEBAR))}{self.baris}"
        ws.oddFooter.center.text = "Halaman &P dari &N"
        ws.oddFooter.left.text = "&A"
        ws.sheet_view.showGridLines = False


# ---- who is who --------------------------------------------------------------------------
def _nama_unit(plan: Rencana, kode: str) -> str:
    unit = next((u for u in plan.units if u.code == kode), None)
    return kode if unit is None else unit.name


def _data_pegawai(plan: Rencana, p: Pegawai, jabatan: str | None = None) -> list[str]:
    """Nama, NIP, Pangkat/Gol. Ruang, Jabatan, Unit Kerja of a person in the plan."""
    unit = next((u for u in plan.units if u.code == p.unit), None)
    unit_kerja = p.unit if unit is None else f"{unit.name}, {unit.instansi}"
    return [
        p.name,
        p.nip,
        pangkat_golongan(p.golongan, p.status),
        jabatan or label_jabatan(p),
        unit_kerja,
    ]


def _data_pimpinan(plan: Rencana) -> list[str]:
    head = kepala_unit(plan)
    if head is not None:
        return _data_pegawai(plan, head, plan.pk.jabatan_pihak_pertama)
    unit = plan.unit
    return [
        plan.pk.pihak_pertama,
        plan.pk.nip_pihak_pertama or _KOSONG,
        _KOSONG,
        plan.pk.jabatan_pihak_pertama,
        _nama_unit(plan, plan.pk.unit) if unit is None else f"{unit.name}, {unit.instansi}",
    ]


def _data_pihak_kedua(plan: Rencana) -> list[str]:
    """Return the unit head's penilai: PK's pihak kedua (from Pegawai when listed)."""
    staff = plan.pegawai_by_nip()
    nip = plan.pk.nip_pihak_kedua
    if nip in staff:
        return _data_pegawai(plan, staff[nip], plan.pk.jabatan_pihak_kedua)
    instansi = plan.unit.instansi if plan.unit is not None else _KOSONG
    return [
        plan.pk.pihak_kedua or _KOSONG,
        nip or _KOSONG,
        _KOSONG,
        plan.pk.jabatan_pihak_kedua or _KOSONG,
        instansi,
    ]


def _data_penilai(plan: Rencana, p: Pegawai) -> list[str]:
    """Return the pejabat penilai kinerja of a person (see :attr:`Pegawai.penilai`)."""
    staff = plan.pegawai_by_nip()
    if p.penilai is not None:
        if p.penilai in staff:
            penilai = staff[p.penilai]
            head = kepala_unit(plan)
            jabatan = plan.pk.jabatan_pihak_pertama if head is penilai else None
            return _data_pegawai(plan, penilai, jabatan)
        return [_KOSONG, p.penilai, _KOSONG, _KOSONG, _KOSONG]
    if p.unit == plan.pk.unit:
        return _data_pimpinan(plan)
    asal = _nama_unit(plan, p.unit)
    return [
        f"Pejabat penilai dari unit asal ({asal})",
        _KOSONG,
        _KOSONG,
        _KOSONG,
        asal,
    ]


_LABEL_DATA = ("Nama", "NIP", "Pangkat/Gol. Ruang", "Jabatan", "Unit Kerja")


# ---- the parts of one SKP ----------------------------------------------------------------
def _kepala(
    lb: _Lembar,
    plan: Rencana,
    dinilai: list[str],
    penilai: list[str],
    periode: str,
    *,
    jpt: bool,
) -> None:
    r = lb.baru()
    lb.tulis(r, 1, JUDUL_SKP, akhir=6, font=_JUDUL, rata=_TENGAH, bingkai=False)
    sub = (
        "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
        if jpt
        else "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
    )
    r = lb.baru()
    lb.tulis(r, 1, sub, akhir=6, font=_TEBAL, rata=_TENGAH, bingkai=False)
    pendekatan = plan.kebijakan.pendekatan_skp.value.upper()
    r = lb.baru()
    lb.tulis(r, 1, f"PENDEKATAN HASIL KERJA {pendekatan}", akhir=6, rata=_TENGAH, bingkai=False)
    r = lb.baru(2)
    lb.tulis(r, 1, _nama_unit(plan, plan.pk.unit).upper(), akhir=6, font=_TEBAL, bingkai=False)
    r = lb.baru()
    lb.tulis(r, 1, f"PERIODE PENILAIAN: {periode.upper()}", akhir=6, font=_TEBAL, bingkai=False)
    r = lb.baru()
    lb.tulis(r, 1, "No", font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    lb.tulis(r, 2, "PEGAWAI YANG DINILAI", akhir=3, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    lb.tulis(r, 4, "PEJABAT PENILAI KINERJA", akhir=6, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    for n, (label, kiri, kanan) in enumerate(zip(_LABEL_DATA, dinilai, penilai, strict=True), 1):
        r = lb.baru()
        lb.tulis(r, 1, n, rata=_TENGAH)
        lb.tulis(r, 2, label)
        lb.tulis(r, 3, kiri)
        lb.tulis(r, 4, label)
        lb.tulis(r, 5, kanan, akhir=6)


def _judul_hasil(lb: _Lembar, kolom_b: str) -> int:
    r = lb.baru(2)
    lb.tulis(r, 1, "HASIL KERJA", akhir=6, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    r = lb.baru()
    judul = ("No", kolom_b, "Rencana Hasil Kerja", "Aspek", "Indikator Kinerja Individu", "Target")
    for c, teks in enumerate(judul, start=1):
        lb.tulis(r, c, teks, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    return r


def _seksi(lb: _Lembar, judul: str) -> None:
    r = lb.baru()
    lb.tulis(r, 1, judul, akhir=6, font=_TEBAL, isi=_ISI_SEKSI)


def _baris_rhk(
    lb: _Lembar, no: int, kolom_b: str, rhk: str, iki: Sequence[tuple[str, str, str]]
) -> None:
    """One RHK: its cells merged over the rows of its IKI (aspek, indikator, target)."""
    iki = list(iki) or [(_KOSONG, _KOSONG, _KOSONG)]
    awal = lb.baru()
    sampai = awal + len(iki) - 1
    lb.tulis(awal, 1, no, sampai=sampai, rata=Alignment(horizontal="center", vertical="top"))
    lb.tulis(awal, 2, kolom_b, sampai=sampai)
    lb.tulis(awal, 3, rhk, sampai=sampai)
    for i, (aspek, indikator, target) in enumerate(iki):
        lb.tulis(awal + i, 4, aspek)
        lb.tulis(awal + i, 5, indikator)
        lb.tulis(awal + i, 6, target)
    lb.baris = sampai


def _kosong(lb: _Lembar, teks: str) -> None:
    r = lb.baru()
    lb.tulis(r, 1, _KOSONG, rata=_TENGAH)
    lb.tulis(r, 2, teks, akhir=6)


def _perilaku(lb: _Lembar) -> None:
    r = lb.baru(2)
    lb.tulis(r, 1, "PERILAKU KERJA", akhir=6, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    r = lb.baru()
    lb.tulis(r, 1, "No", font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    lb.tulis(r, 2, "Perilaku Kerja", akhir=3, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    lb.tulis(r, 4, "Ekspektasi Khusus Pimpinan", akhir=6, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    for n, (nilai, panduan) in enumerate(PERILAKU_KERJA, start=1):
        r = lb.baru()
        teks = nilai + "\n" + "\n".join(f"- {p}" for p in panduan)
        lb.tulis(r, 1, n, rata=Alignment(horizontal="center", vertical="top"))
        lb.tulis(r, 2, teks, akhir=3)
        lb.tulis(r, 4, None, akhir=6)


def _tanda_tangan(
    lb: _Lembar, plan: Rencana, dinilai: list[str], penilai: list[str], *, jpt: bool
) -> None:
    r = lb.baru(2)
    tempat = f"……………………, ……………………… {plan.pk.tahun}"
    lb.tulis(r, 4, tempat, akhir=6, rata=_TENGAH, bingkai=False)
    r = lb.baru()
    lb.tulis(r, 1, "Pegawai yang Dinilai", akhir=3, rata=_TENGAH, bingkai=False)
    lb.tulis(r, 4, "Pejabat Penilai Kinerja", akhir=6, rata=_TENGAH, bingkai=False)
    r = lb.baru(4)
    lb.tulis(r, 1, dinilai[0], akhir=3, font=_NAMA_TTD, rata=_TENGAH, bingkai=False)
    lb.tulis(r, 4, penilai[0], akhir=6, font=_NAMA_TTD, rata=_TENGAH, bingkai=False)
    r = lb.baru()
    lb.tulis(r, 1, f"NIP {dinilai[1]}", akhir=3, rata=_TENGAH, bingkai=False)
    lb.tulis(r, 4, f"NIP {penilai[1]}", akhir=6, rata=_TENGAH, bingkai=False)


def _lampiran(lb: _Lembar, baris: Sequence[tuple[int, str, str, str]]) -> None:
    """LAMPIRAN on a new page: (no, RHK, bukti dukung, due month) per RHK."""
    lb.ws.row_breaks.append(Break(id=lb.baris))
    r = lb.baru()
    lb.tulis(
        r, 1, "LAMPIRAN SASARAN KINERJA PEGAWAI", akhir=6, font=_JUDUL, rata=_TENGAH, bingkai=False
    )
    r = lb.baru()
    lb.tulis(r, 1, "RENCANA BUKTI DUKUNG", akhir=6, font=_TEBAL, rata=_TENGAH, bingkai=False)
    r = lb.baru(2)
    for c, akhir, teks in (
        (1, 1, "No"),
        (2, 3, "Rencana Hasil Kerja"),
        (4, 5, "Bukti Dukung"),
        (6, 6, "Jatuh Tempo"),
    ):
        lb.tulis(r, c, teks, akhir=akhir, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
    if not baris:
        _kosong(lb, "Belum ada Rencana Hasil Kerja")
    for no, rhk, bukti, bulan in baris:
        r = lb.baru()
        lb.tulis(r, 1, no, rata=Alignment(horizontal="center", vertical="top"))
        lb.tulis(r, 2, rhk, akhir=3)
        lb.tulis(r, 4, bukti, akhir=5)
        lb.tulis(r, 6, bulan)


def _bulan(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return _KOSONG
    return BULAN_PANJANG[int(value) - 1]


def _iki_of(iki: pd.DataFrame, nip: str) -> dict[int, list[tuple[str, str, str]]]:
    found: dict[int, list[tuple[str, str, str]]] = {}
    for row in iki[iki["nip"] == nip].itertuples(index=False):
        found.setdefault(int(row.no), []).append(
            (_teks(row.aspek), _teks(row.iki), _teks(row.target))
        )
    return found


def tulis_skp_pegawai(
    wb: Workbook, plan: Rencana, rhk: pd.DataFrame, iki: pd.DataFrame, nip: str
) -> str:
    """Add one person's SKP sheet (the form for JF, Pelaksana and administrators).

    Parameters
    ----------
    wb : Workbook
        The workbook.
    plan : Rencana
        The plan (the person, their penilai, units, year, policy's approach).
    rhk, iki : pandas.DataFrame
        RHK and IKI frames of the RHK/IKI contract; the person's rows are used, in
        ``no`` order, ``jenis`` ``"Utama"`` under A and ``"Tambahan"`` under B.
    nip : str
        The person's NIP.

    Returns
    -------
    str
        The sheet's name, ``"SKP <NIP>"``.

    Raises
    ------
    KeyError
        If ``nip`` is not in the plan's Pegawai sheet.
    """
    staff = plan.pegawai_by_nip()
    if nip not in staff:
        raise KeyError(f"NIP {nip} tidak ada di lembar Pegawai")
    p = staff[nip]
    ws = wb.create_sheet(nama_lembar(wb, lembar_skp(nip)))
    lb = _Lembar(ws)
    dinilai = _data_pegawai(plan, p)
    penilai = _data_penilai(plan, p)
    periode = periode_skp(plan.pk.tahun, p.bulan_mulai, p.bulan_selesai)
    _kepala(lb, plan, dinilai, penilai, periode, jpt=False)
    _judul_hasil(lb, "RHK Pimpinan yang Diintervensi")
    own = rhk[rhk["nip"] == nip].sort_values("no", kind="stable")
    indikator = _iki_of(iki, nip)
    lampiran: list[tuple[int, str, str, str]] = []
    for jenis, seksi in (("Utama", SEKSI_UTAMA), ("Tambahan", SEKSI_TAMBAHAN)):
        _seksi(lb, seksi)
        bagian = own[own["jenis"] == jenis]
        if bagian.empty:
            _kosong(lb, "Tidak ada" if jenis == "Tambahan" else "Belum ada RHK utama")
        for row in bagian.itertuples(index=False):
            no = int(row.no)
            _baris_rhk(lb, no, _teks(row.rhk_pimpinan), _teks(row.rhk), indikator.get(no, []))
            lampiran.append(
                (no, _teks(row.rhk), _teks(row.bukti_dukung), _bulan(row.bulan_jatuh_tempo))
            )
    _perilaku(lb)
    _tanda_tangan(lb, plan, dinilai, penilai, jpt=False)
    _lampiran(lb, lampiran)
    lb.selesai()
    return ws.title


def tulis_skp_pimpinan(wb: Workbook, plan: Rencana) -> str:
    """Add the unit head's SKP (the JPT form): RHK = sasaran, IKI = PK indicators.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    plan : Rencana
        The plan: PK (year, parties), sasaran with their perspektif, indicators with
        their PK targets, tugas tambahan (under B. Kinerja Tambahan).

    Returns
    -------
    str
        The sheet's name, ``"SKP <NIP>"`` of the unit head (``"SKP Pimpinan"`` when the
        unit head is not in the Pegawai sheet and the PK gives no NIP).
    """
    head = kepala_unit(plan)
    nip = head.nip if head is not None else plan.pk.nip_pihak_pertama
    ws = wb.create_sheet(nama_lembar(wb, lembar_skp(nip) if nip else "SKP Pimpinan"))
    lb = _Lembar(ws)
    dinilai = _data_pimpinan(plan)
    penilai = _data_pihak_kedua(plan)
    mulai, selesai = (head.bulan_mulai, head.bulan_selesai) if head is not None else (1, 12)
    _kepala(lb, plan, dinilai, penilai, periode_skp(plan.pk.tahun, mulai, selesai), jpt=True)
    _judul_hasil(lb, "Perspektif")
    _seksi(lb, SEKSI_UTAMA)
    no = 0
    lampiran: list[tuple[int, str, str, str]] = []
    kegiatan = list(plan.kegiatan)
    for s in plan.sasaran:
        indikator = [i for i in plan.indikator if i.sasaran == s.code]
        if not indikator:
            continue
        no += 1
        rows = [(i.aspek.value, i.name, i.target) for i in indikator]
        perspektif = s.perspektif.value if s.perspektif is not None else _KOSONG
        _baris_rhk(lb, no, perspektif, s.name, rows)
        codes = {i.code for i in indikator}
        lampiran.append((no, s.name, *_bukti_target(kegiatan, codes)))
    _seksi(lb, SEKSI_TAMBAHAN)
    if not plan.tugas_tambahan:
        _kosong(lb, "Tidak ada")
    for t in plan.tugas_tambahan:
        no += 1
        _baris_rhk(lb, no, _KOSONG, t.name, [("Kuantitas", t.name, t.target)])
        lampiran.append((no, t.name, *_bukti_target(kegiatan, {t.code})))
    _perilaku(lb)
    _tanda_tangan(lb, plan, dinilai, penilai, jpt=True)
    _lampiran(lb, lampiran)
    lb.selesai()
    return ws.title


def _bukti_target(kegiatan: Sequence[Any], codes: set[str]) -> tuple[str, str]:
    """Evidence kinds and latest due month of the activities behind some targets."""
    behind = [k for k in kegiatan if k.indikator in codes]
    bukti = list(dict.fromkeys(k.bukti_dukung for k in behind if k.bukti_dukung))
    bulan = max((k.bulan_selesai for k in behind), default=None)
    return "; ".join(bukti) or _KOSONG, _bulan(bulan)


# ---- evidence plan per team --------------------------------------------------------------
_TRIWULAN = ("I", "II", "III", "IV")


def tulis_rencana_bukti(wb: Workbook, plan: Rencana, rhk: pd.DataFrame) -> list[str]:
    """Add one evidence-plan sheet per team: who hands in which bukti dukung, when.

    Parameters
    ----------
    wb : Workbook
        The workbook.
    plan : Rencana
        The plan (teams, staff).
    rhk : pandas.DataFrame
        RHK frame of the RHK/IKI contract; rows with a ``tim`` are used.

    Returns
    -------
    list of str
        Sheet names (``"Bukti <kode tim>"``), in team order; teams without an RHK get
        no sheet. Each sheet lists, grouped by quarter of the due month (Triwulan I–IV),
        ``No | Nama | Rencana Hasil Kerja | Bukti Dukung | Jatuh Tempo`` ordered by due
        month and person.
    """
    names: list[str] = []
    staff = plan.pegawai_by_nip()
    order = {p.nip: n for n, p in enumerate(plan.pegawai)}
    for tim in plan.tim:
        rows = rhk[rhk["tim"] == tim.code]
        if rows.empty:
            continue
        ws = wb.create_sheet(nama_lembar(wb, f"{PREFIKS_BUKTI}{tim.code}"))
        lb = _Lembar(ws)
        r = lb.baru()
        lb.tulis(
            r,
            1,
            "RENCANA BUKTI DUKUNG TIM KERJA",
            akhir=6,
            font=_JUDUL,
            rata=_TENGAH,
            bingkai=False,
        )
        r = lb.baru()
        lb.tulis(
            r,
            1,
            f"{tim.name} — {_nama_unit(plan, plan.pk.unit)} — Tahun {plan.pk.tahun}",
            akhir=6,
            font=_TEBAL,
            rata=_TENGAH,
            bingkai=False,
        )
        ketua = rows[rows["peran"].astype(str).str.startswith("Ketua")]["nip"]
        nama_ketua = staff[ketua.iloc[0]].name if len(ketua) and ketua.iloc[0] in staff else _KOSONG
        r = lb.baru()
        lb.tulis(r, 1, f"Ketua Tim: {nama_ketua}", akhir=6, rata=_TENGAH, bingkai=False)
        r = lb.baru(2)
        for c, akhir, teks in (
            (1, 1, "No"),
            (2, 2, "Nama"),
            (3, 4, "Rencana Hasil Kerja"),
            (5, 5, "Bukti Dukung"),
            (6, 6, "Jatuh Tempo"),
        ):
            lb.tulis(r, c, teks, akhir=akhir, font=_TEBAL, isi=_ISI_JUDUL, rata=_TENGAH)
        bulan = pd.to_numeric(rows["bulan_jatuh_tempo"], errors="coerce").fillna(12).astype(int)
        rows = rows.assign(tempo=bulan, urut=rows["nip"].map(order))
        rows = rows.sort_values(["tempo", "urut", "no"], kind="stable")
        no = 0
        for q, nama_q in enumerate(_TRIWULAN):
            bagian = rows[(rows["tempo"] - 1) // 3 == q]
            awal, akhir_q = BULAN_PANJANG[3 * q], BULAN_PANJANG[3 * q + 2]
            _seksi(lb, f"Triwulan {nama_q} ({awal}–{akhir_q})")
            if bagian.empty:
                _kosong(lb, "Tidak ada bukti dukung yang jatuh tempo")
            for row in bagian.itertuples(index=False):
                no += 1
                r = lb.baru()
                nama = staff[row.nip].name if row.nip in staff else _teks(row.nama)
                lb.tulis(r, 1, no, rata=Alignment(horizontal="center", vertical="top"))
                lb.tulis(r, 2, nama)
                lb.tulis(r, 3, _teks(row.rhk), akhir=4)
                lb.tulis(r, 5, _teks(row.bukti_dukung))
                lb.tulis(r, 6, BULAN_PANJANG[row.tempo - 1])
        lb.selesai()
        names.append(ws.title)
    return names


# ---- the workbook ------------------------------------------------------------------------
def _orang_skp(plan: Rencana, rhk: pd.DataFrame) -> list[str]:
    """NIPs that get an SKP: the unit's own staff, and others with an RHK; not the head."""
    head = kepala_unit(plan)
    punya = set(rhk["nip"])
    return [
        p.nip
        for p in plan.pegawai
        if (head is None or p.nip != head.nip) and (p.unit == plan.pk.unit or p.nip in punya)
    ]


def write_skp(
    plan: Rencana,
    rhk: pd.DataFrame,
    iki: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    tambahan: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> str:
    """Write the SKP workbook: the unit head's SKP, one per person, team evidence plans.

    Parameters
    ----------
    plan : Rencana
        The plan.
    rhk, iki : pandas.DataFrame
        RHK and IKI frames of the RHK/IKI contract (computed once by the caller).
    path : str or os.PathLike
        Target file (``skp.xlsx``); written atomically.
    tambahan : tuple of pandas.DataFrame, optional
        :func:`~sistemkerja.analisis.tambahan.rhk_tambahan`'s frames, appended under
        B. Kinerja Tambahan and numbered after each person's RHK.

    Returns
    -------
    str
        sha256 fingerprint of the saved workbook.

    Notes
    -----
    Sheets: the unit head's SKP first, then ``"SKP <NIP>"`` for every staff member of
    the planning unit (an SKP without RHK utama says so) and for every person of another
    unit or agency who holds an RHK, in Pegawai order; then ``"Bukti <kode tim>"``.
    """
    if tambahan is not None:
        rhk, iki = gabung_tambahan(rhk, iki, tambahan)
    wb = new_workbook()
    tulis_skp_pimpinan(wb, plan)
    for nip in _orang_skp(plan, rhk):
        tulis_skp_pegawai(wb, plan, rhk, iki, nip)
    tulis_rencana_bukti(wb, plan, rhk)
    return save_atomic(wb, Path(path))


def write_skp_tabel(tabel: TabelHasil, path: str | os.PathLike[str]) -> str:
    """Write the SKP workbook of a run's tables (:func:`write_skp` on ``tabel.rhk``/``iki``).

    Parameters
    ----------
    tabel : TabelHasil
        The run's tables (:func:`~sistemkerja.laporan.tabel.hitung_tabel`), with an
        allocation; their ``rhk`` and ``iki`` already hold the RHK tambahan.
    path : str or os.PathLike
        Target file (``skp.xlsx``); written atomically.

    Returns
    -------
    str
        sha256 fingerprint of the saved workbook.

    Raises
    ------
    ValueError
        If the tables have no allocation.
    """
    if tabel.rhk is None or tabel.iki is None:
        raise ValueError("SKP memerlukan hasil penempatan pegawai (alokasi)")
    return write_skp(tabel.plan, tabel.rhk, tabel.iki, path)
