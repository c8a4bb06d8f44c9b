"""Read a result workbook back: the plan it was solved for, the allocation and the details.

:func:`~sistemkerja.laporan.xlsx.write_result_workbook` stores the plan's own sheets
after the tables and documents, so a result workbook is a complete record of a run: the
HTML report (``sistemkerja laporan HASIL.xlsx``) is rebuilt from it without solving again,
from the allocation as saved (also after a planner edited its hours or members by hand).

What is read back: the ``Rincian teknis`` sheet (status, objective, bound, gap,
components, weights, times, sizes — by its ``Kode`` column), ``Penugasan``, ``Tim`` and
``Penjelasan``. ``Ringkasan`` is for people and is rebuilt from those. Every cell is
checked: a wrong or missing value, an unknown row, a share outside 0–1 or a missing sheet
is refused with a message naming the sheet, row and column, never guessed around.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.analisis import periksa_alokasi
from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.enums import Jenjang
from sistemkerja.domain.masalah import PlanError
from sistemkerja.io.buku_kerja import read_plan_problems
from sistemkerja.label import KOLOM, KOMPONEN, STATUS, bobot_komponen, judul_kolom
from sistemkerja.optimasi.cek import Penjelasan
from sistemkerja.optimasi.hasil import Hasil

LEMBAR_RINGKASAN = "Ringkasan"
LEMBAR_RINCIAN = "Rincian teknis"
LEMBAR_HASIL = (LEMBAR_RINGKASAN, LEMBAR_RINCIAN, "Penugasan", "Tim")
"""Sheets that make a workbook a result workbook (besides the plan's sheets)."""

TOLERANSI_PORSI = 1e-6
"""Slack on shares (0–1) and on the sum of the shares of one effort line."""

PERAN_TIM = ("Ketua Tim", "Anggota")
"""Roles allowed in the ``peran`` column of the ``Tim`` sheet."""

_ANGKA = (
    "nilai_tujuan",
    "batas_bawah",
    "celah_relatif",
    "celah_absolut",
    "celah_diminta",
    "ej_maks_terbukti",
)
_WAKTU = ("waktu_susun", "waktu_solver", "waktu_seluruhnya")
_TEKS = ("status", "solver", "pesan", "pesan_solver", "berhenti", "prioritas")
_PER_KOMPONEN = ("komponen", "bobot", "celah")
_BILANGAN = ("jumlah", "baris")


class BukuHasilError(ValueError):
    """A result workbook that cannot be read back; the message lists every problem."""

    def __init__(self, masalah: list[str]) -> None:
        self.masalah = list(masalah)
        if len(self.masalah) == 1:
            super().__init__(self.masalah[0])
        else:
            super().__init__("\n- ".join([f"{len(self.masalah)} masalah:", *self.masalah]))


def is_result_workbook(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a result workbook (it has ``Ringkasan`` or ``Rincian teknis``)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return LEMBAR_RINGKASAN in wb.sheetnames or LEMBAR_RINCIAN in wb.sheetnames
    finally:
        wb.close()


def _header(ws: Worksheet) -> list[str]:
    """Return the column codes of a table sheet's header row.

    Headers are written in Indonesian (:func:`sistemkerja.label.judul_kolom`, e.g.
    ``Porsi (0–1)``); each is read back as its code (``porsi``). A code typed as the
    header is accepted too. ``Rincian teknis`` keeps its own (``Kode``, ``Nilai``).
    """
    sheet = ws.title
    kode = {} if sheet == LEMBAR_RINCIAN else {judul_kolom(k, sheet): k for k in KOLOM}
    for row in ws.iter_rows(min_row=1, max_row=1, values_only=True):
        teks = ["" if h is None else str(h).strip() for h in row]
        return [kode.get(h, h) for h in teks]
    return []


def _rows(ws: Worksheet) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (sheet row number, values by column code) for every non-empty row."""
    header = _header(ws)
    for i, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if any(v is not None and v != "" for v in row):
            yield i, dict(zip(header, row, strict=False))


def _kosong(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _angka(value: Any) -> float | None:
    """Return a cell as a finite number, or ``None`` when it is not one."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class _Pembaca:
    """Collects every problem of one workbook, each naming sheet, row and column."""

    def __init__(self) -> None:
        self.masalah: list[str] = []

    def salah(self, sheet: str, row: int | None, column: str | None, pesan: str) -> None:
        letak = f"lembar {sheet}"
        if row is not None:
            letak += f" baris {row}"
        if column is not None:
            letak += f" kolom {judul_kolom(column, sheet)}"
        self.masalah.append(f"{letak}: {pesan}")

    def kolom(self, ws: Worksheet, sheet: str, wajib: tuple[str, ...]) -> bool:
        header = _header(ws)
        hilang = [k for k in wajib if k not in header]
        for k in hilang:
            self.salah(sheet, 1, k, "judul kolom tidak ada (kolom dihapus atau diganti namanya)")
        return not hilang

    def teks(self, sheet: str, row: int, values: dict[str, Any], field: str) -> str | None:
        value = values.get(field)
        if _kosong(value):
            self.salah(sheet, row, field, "kosong")
            return None
        return str(value).strip()

    def angka(
        self,
        sheet: str,
        row: int,
        values: dict[str, Any],
        field: str,
        *,
        wajib: bool = True,
        batas: tuple[float, float] | None = (0.0, math.inf),
        arti: str = "",
    ) -> float | None:
        value = values.get(field)
        if _kosong(value):
            if wajib:
                self.salah(sheet, row, field, "kosong")
            return None
        number = _angka(value)
        if number is None:
            self.salah(sheet, row, field, f"'{value}' bukan angka")
            return None
        if batas is not None:
            low, high = batas
            if number < low - TOLERANSI_PORSI or number > high + TOLERANSI_PORSI:
                if math.isinf(high):
                    self.salah(sheet, row, field, f"{number:g} tidak boleh negatif")
                else:
                    self.salah(sheet, row, field, f"{number:g} di luar {low:g}–{high:g}{arti}")
                return None
        return number


def _rincian(baca: _Pembaca, ws: Worksheet) -> dict[str, Any]:
    """Read the ``Rincian teknis`` sheet: key → value, every row checked."""
    sheet = LEMBAR_RINCIAN
    if not baca.kolom(ws, sheet, ("Kode", "Nilai")):
        return {}
    nilai: dict[str, Any] = {}
    baris: dict[str, int] = {}
    for row, r in _rows(ws):
        kode = baca.teks(sheet, row, r, "Kode")
        if kode is None:
            continue
        if kode in baris:
            baca.salah(sheet, row, "Kode", f"'{kode}' sudah ada di baris {baris[kode]}")
            continue
        baris[kode] = row
        awal, _, akhir = kode.partition(".")
        value = r.get("Nilai")
        if kode in _TEKS:
            nilai[kode] = "" if _kosong(value) else str(value).strip()
        elif kode in _ANGKA or kode in _WAKTU:
            batas = (0.0, math.inf) if kode in _WAKTU else None
            nilai[kode] = baca.angka(sheet, row, r, "Nilai", wajib=False, batas=batas)
        elif awal in _PER_KOMPONEN and akhir:
            if akhir not in KOMPONEN:
                pilihan = ", ".join(KOMPONEN)
                baca.salah(
                    sheet, row, "Kode", f"komponen '{akhir}' tidak dikenal; pilihan: {pilihan}"
                )
                continue
            nilai[kode] = baca.angka(
                sheet, row, r, "Nilai", batas=None if awal == "celah" else (0.0, math.inf)
            )
        elif awal in _BILANGAN and akhir:
            number = baca.angka(sheet, row, r, "Nilai")
            if number is not None and number != int(number):
                baca.salah(sheet, row, "Nilai", f"{value} bukan bilangan bulat")
                continue
            nilai[kode] = None if number is None else int(number)
        else:
            baca.salah(sheet, row, "Kode", f"'{kode}' tidak dikenal (baris ditambahkan?)")
    status = nilai.get("status")
    if "status" not in baris:
        baca.salah(sheet, None, "Kode", "baris 'status' tidak ada")
    elif status not in STATUS:
        pilihan = ", ".join(STATUS)
        baca.salah(
            sheet, baris["status"], "Nilai", f"status '{status}' tidak dikenal; pilihan: {pilihan}"
        )
    return nilai


def _penugasan(baca: _Pembaca, ws: Worksheet) -> list[Penugasan]:
    sheet = "Penugasan"
    if not baca.kolom(ws, sheet, ("nip", "kegiatan", "jabatan_peran", "jam", "porsi")):
        return []
    out: list[Penugasan] = []
    for row, r in _rows(ws):
        nip = baca.teks(sheet, row, r, "nip")
        kegiatan = baca.teks(sheet, row, r, "kegiatan")
        jabatan = baca.teks(sheet, row, r, "jabatan_peran")
        jenjang = r.get("jenjang_min")
        jenjang_min = None
        if not _kosong(jenjang):
            try:
                jenjang_min = Jenjang.parse(str(jenjang))
            except ValueError:
                baca.salah(sheet, row, "jenjang_min", f"'{jenjang}' bukan jenjang")
                continue
        jam = baca.angka(sheet, row, r, "jam")
        porsi = baca.angka(
            sheet, row, r, "porsi", batas=(0.0, 1.0), arti=" (bagian baris beban; 1 = 100 %)"
        )
        biaya = baca.angka(sheet, row, r, "biaya", wajib=False)
        if None in (nip, kegiatan, jabatan, jam, porsi) or (
            not _kosong(r.get("biaya")) and biaya is None
        ):
            continue
        out.append(
            Penugasan(str(nip), str(kegiatan), str(jabatan), jenjang_min, jam, porsi, biaya or 0.0)  # type: ignore[arg-type]
        )
    return out


def _porsi_per_baris(baca: _Pembaca, penugasan: list[Penugasan]) -> None:
    """Check that the shares of one effort line sum to at most 1 (100 %)."""
    jumlah: dict[tuple[str, str, Jenjang | None], float] = defaultdict(float)
    for p in penugasan:
        jumlah[(p.kegiatan, p.jabatan, p.jenjang_min)] += p.porsi
    for (kegiatan, jabatan, jenjang), total in jumlah.items():
        if total > 1 + TOLERANSI_PORSI:
            baris = jabatan if jenjang is None else f"{jabatan} ({jenjang.value})"
            persen = f"{total * 100:.0f}".replace(".", ",")
            baca.salah(
                "Penugasan",
                None,
                "porsi",
                f"porsi kegiatan {kegiatan}, baris beban {baris} berjumlah {persen} % "
                "(paling banyak 100 %)",
            )


def _keanggotaan(baca: _Pembaca, ws: Worksheet) -> list[Keanggotaan]:
    sheet = "Tim"
    if not baca.kolom(ws, sheet, ("tim", "nip", "peran")):
        return []
    out: list[Keanggotaan] = []
    for row, r in _rows(ws):
        tim = baca.teks(sheet, row, r, "tim")
        nip = baca.teks(sheet, row, r, "nip")
        peran = baca.teks(sheet, row, r, "peran")
        if peran is not None and peran not in PERAN_TIM:
            pilihan = " atau ".join(PERAN_TIM)
            baca.salah(sheet, row, "peran", f"'{peran}' bukan peran tim; pilihan: {pilihan}")
            continue
        if tim is None or nip is None or peran is None:
            continue
        out.append(Keanggotaan(tim, nip, peran == "Ketua Tim"))
    return out


def _penjelasan(ws: Worksheet) -> tuple[Penjelasan, ...]:
    return tuple(
        Penjelasan(
            str(r.get("kode") or ""),
            str(r.get("penjelasan") or ""),
            _angka(r.get("kekurangan")) or 0.0,
            str(r.get("satuan") or ""),
        )
        for _, r in _rows(ws)
    )


def read_result_workbook(path: str | os.PathLike[str]) -> Hasil:
    """Read a result workbook written by ``sistemkerja optimasi --keluaran``.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.xlsx`` result workbook (opened read-only: it is never changed).

    Returns
    -------
    Hasil
        The plan (from the workbook's plan sheets); status, objective, bound, gap,
        components, weights, times (detik) and sizes (from ``Rincian teknis``); the
        allocation (from ``Penugasan`` and ``Tim``) and the reasons of an infeasible
        plan (``Penjelasan``).

    Raises
    ------
    PlanError
        If the plan sheets are missing or invalid (e.g. a result workbook written before
        the plan was stored in it).
    BukuHasilError
        A :class:`ValueError` listing every problem, each naming sheet, row and column:
        a missing sheet or column, an empty or non-numeric cell, an unknown status,
        component or row, a share outside 0–1 or an effort line shared beyond 100 %, or
        an allocation that does not fit the plan (unknown NIP, activity, effort line or
        team, work by a non-member).
    """
    plan, problems = read_plan_problems(path)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        raise PlanError(errors)
    baca = _Pembaca()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if LEMBAR_RINCIAN not in wb.sheetnames:
            baca.salah(
                LEMBAR_RINCIAN,
                None,
                None,
                "lembar tidak ada (dihapus atau diganti nama, atau buku kerja hasil versi lama: "
                "tulis ulang dengan sistemkerja optimasi --keluaran)",
            )
            raise BukuHasilError(baca.masalah)
        rincian = _rincian(baca, wb[LEMBAR_RINCIAN])
        status = rincian.get("status")
        penugasan: list[Penugasan] = []
        keanggotaan: list[Keanggotaan] = []
        if status in ("optimal", "feasible"):
            for sheet in ("Penugasan", "Tim"):
                if sheet not in wb.sheetnames:
                    baca.salah(
                        sheet,
                        None,
                        None,
                        f"lembar tidak ada, padahal status hasil '{status}' memuat alokasi",
                    )
            if "Penugasan" in wb.sheetnames:
                penugasan = _penugasan(baca, wb["Penugasan"])
                if not penugasan and not baca.masalah and plan.beban:
                    baca.salah("Penugasan", 2, None, "tidak ada penugasan sama sekali")
                _porsi_per_baris(baca, penugasan)
            if "Tim" in wb.sheetnames:
                keanggotaan = _keanggotaan(baca, wb["Tim"])
        penjelasan = _penjelasan(wb["Penjelasan"]) if "Penjelasan" in wb.sheetnames else ()
    finally:
        wb.close()
    alokasi = None
    if status in ("optimal", "feasible") and not baca.masalah:
        alokasi = Alokasi(tuple(penugasan), tuple(keanggotaan))
        for m in periksa_alokasi(plan, alokasi):
            baca.masalah.append(f"lembar Penugasan/Tim tidak cocok dengan rencananya: {m}")
    if baca.masalah:
        raise BukuHasilError(baca.masalah)
    return Hasil(
        plan,
        str(status),
        rincian.get("nilai_tujuan"),
        rincian.get("batas_bawah"),
        rincian.get("celah_relatif"),
        components=_per_komponen(rincian, "komponen"),
        weights={k: _bobot_per_satuan(k, v) for k, v in _per_komponen(rincian, "bobot").items()},
        solver=str(rincian.get("solver") or ""),
        build_seconds=rincian.get("waktu_susun") or 0.0,
        solve_seconds=rincian.get("waktu_solver") or 0.0,
        total_seconds=rincian.get("waktu_seluruhnya") or 0.0,
        alokasi=alokasi,
        penjelasan=penjelasan,
        counts=_per_awalan(rincian, "jumlah"),
        families=_per_awalan(rincian, "baris"),
        message=str(rincian.get("pesan") or ""),
        pesan_solver=str(rincian.get("pesan_solver") or ""),
        berhenti=str(rincian.get("berhenti") or "selesai"),
        prioritas=str(rincian.get("prioritas") or "bobot"),
        celah_diminta=rincian.get("celah_diminta"),
        ej_maks_terbukti=rincian.get("ej_maks_terbukti"),
    )


def _per_komponen(rincian: dict[str, Any], awalan: str) -> dict[str, float]:
    return {
        k.removeprefix(f"{awalan}."): float(v)
        for k, v in rincian.items()
        if k.startswith(f"{awalan}.") and v is not None
    }


def _per_awalan(rincian: dict[str, Any], awalan: str) -> dict[str, int]:
    return {
        k.removeprefix(f"{awalan}."): int(v)
        for k, v in rincian.items()
        if k.startswith(f"{awalan}.") and v is not None
    }


def _bobot_per_satuan(kode: str, nilai: float) -> float:
    """Back from the plan's unit (per juta rupiah) to the weight per unit (per Rp)."""
    per_satuan, _ = bobot_komponen(kode, 1.0)
    return nilai / per_satuan
