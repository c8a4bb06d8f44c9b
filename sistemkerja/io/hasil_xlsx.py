"""Read a result workbook back: the plan it was solved for, the allocation and the summary.

:func:`~sistemkerja.io.laporan_xlsx.write_result_workbook` stores the plan's own sheets
after the tables and documents, so a result workbook is a complete record of a run: the
HTML report (``sistemkerja laporan HASIL.xlsx``) is rebuilt from it without solving again,
from the allocation as saved (also after a planner edited its hours or members by hand).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.analisis._indeks import indeks
from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.enums import Jenjang
from sistemkerja.domain.masalah import PlanError
from sistemkerja.io.buku_kerja import read_plan_problems
from sistemkerja.optimasi.cek import Penjelasan
from sistemkerja.optimasi.hasil import Hasil

LEMBAR_HASIL = ("Ringkasan", "Penugasan", "Tim")
"""Sheets that make a workbook a result workbook (besides the plan's sheets)."""


def is_result_workbook(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a result workbook (it has the ``Ringkasan`` sheet)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return "Ringkasan" in wb.sheetnames
    finally:
        wb.close()


def _rows(ws: Worksheet) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (sheet row number, values by header) for every non-empty row below the header."""
    header: list[str] = []
    for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if i == 1:
            header = [str(h) for h in row]
            continue
        if any(v is not None for v in row):
            yield i, dict(zip(header, row, strict=False))


def _number(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def _required(sheet: str, row: int, values: dict[str, Any], field: str, kind: type = str) -> Any:
    """Return a cell's value as ``kind``; a clear error naming sheet, row and field if not."""
    value = values.get(field)
    if value is None or value == "":
        raise ValueError(f"lembar {sheet} baris {row} kolom {field}: kosong")
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"lembar {sheet} baris {row} kolom {field}: '{value}' bukan angka"
        ) from None


def _penugasan(row: int, r: dict[str, Any]) -> Penugasan:
    jenjang = r.get("jenjang_min")
    try:
        jenjang_min = Jenjang.parse(str(jenjang)) if jenjang else None
    except ValueError:
        raise ValueError(
            f"lembar Penugasan baris {row} kolom jenjang_min: '{jenjang}' bukan jenjang"
        ) from None
    return Penugasan(
        _required("Penugasan", row, r, "nip"),
        _required("Penugasan", row, r, "kegiatan"),
        _required("Penugasan", row, r, "jabatan_peran"),
        jenjang_min,
        _required("Penugasan", row, r, "jam", float),
        _required("Penugasan", row, r, "porsi", float),
        _number(r.get("biaya")) or 0.0,
    )


def read_result_workbook(path: str | os.PathLike[str]) -> Hasil:
    """Read a result workbook written by ``sistemkerja optimasi --keluaran``.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.xlsx`` result workbook.

    Returns
    -------
    Hasil
        The plan (from the workbook's plan sheets), status, objective, bound, gap,
        components and weights (from ``Ringkasan``), the allocation (from ``Penugasan``
        and ``Tim``) and the reasons of an infeasible plan (``Penjelasan``).

    Raises
    ------
    PlanError
        If the plan sheets are missing or invalid (e.g. a result workbook written before
        the plan was stored in it).
    ValueError
        If a Penugasan or Tim row lacks a value or holds a wrong one (the message names
        the sheet, row and field), or the allocation does not fit the plan (unknown NIP,
        activity, effort line or team).
    """
    plan, problems = read_plan_problems(path)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        raise PlanError(errors)
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        summary = {r["Parameter"]: r["Nilai"] for _, r in _rows(wb["Ringkasan"])}
        sheet = wb["Penugasan"] if "Penugasan" in wb.sheetnames else None
        penugasan = [_penugasan(row, r) for row, r in (_rows(sheet) if sheet else [])]
        sheet = wb["Tim"] if "Tim" in wb.sheetnames else None
        keanggotaan = [
            Keanggotaan(
                _required("Tim", row, r, "tim"),
                _required("Tim", row, r, "nip"),
                r.get("peran") == "Ketua Tim",
            )
            for row, r in (_rows(sheet) if sheet else [])
        ]
        sheet = wb["Penjelasan"] if "Penjelasan" in wb.sheetnames else None
        penjelasan = tuple(
            Penjelasan(
                str(r["kode"]),
                str(r["penjelasan"]),
                _number(r.get("kekurangan")) or 0.0,
                str(r.get("satuan") or ""),
            )
            for _, r in (_rows(sheet) if sheet else [])
        )
    finally:
        wb.close()
    status = str(summary["Kode status"])
    alokasi = None
    if status in ("optimal", "feasible"):
        alokasi = Alokasi(tuple(penugasan), tuple(keanggotaan))
        try:
            indeks(plan, alokasi)
        except ValueError as exc:
            raise ValueError(f"lembar Penugasan/Tim tidak cocok dengan rencananya: {exc}") from None
    counts = {
        k.removeprefix("Jumlah "): int(v)
        for k, v in summary.items()
        if k.startswith("Jumlah ") and isinstance(v, int | float)
    }
    components = {
        k.removeprefix("Komponen "): float(v)
        for k, v in summary.items()
        if k.startswith("Komponen ") and v is not None
    }
    weights = {
        k.removeprefix("Bobot "): float(v)
        for k, v in summary.items()
        if k.startswith("Bobot ") and v is not None
    }
    return Hasil(
        plan,
        status,
        _number(summary.get("Nilai tujuan")),
        _number(summary.get("Batas bawah")),
        _number(summary.get("Celah relatif")),
        components=components,
        weights=weights,
        solver=str(summary.get("Solver") or ""),
        build_seconds=_number(summary.get("Waktu susun model")) or 0.0,
        solve_seconds=_number(summary.get("Waktu solver")) or 0.0,
        alokasi=alokasi,
        penjelasan=penjelasan,
        counts=counts,
        message=f"dibaca dari buku kerja hasil; {summary.get('Pesan solver') or ''}".rstrip("; "),
    )
