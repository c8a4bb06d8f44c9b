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


def _rows(ws: Worksheet) -> Iterator[dict[str, Any]]:
    header: list[str] = []
    for i, row in enumerate(ws.iter_rows(values_only=True)):
        if i == 0:
            header = [str(h) for h in row]
            continue
        if any(v is not None for v in row):
            yield dict(zip(header, row, strict=False))


def _number(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


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
        the plan was stored in it), or the allocation does not fit the plan; the message
        is in Indonesian and names the sheet, row and field.
    """
    plan, problems = read_plan_problems(path)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        raise PlanError(errors)
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        summary = {r["Parameter"]: r["Nilai"] for r in _rows(wb["Ringkasan"])}
        penugasan = [
            Penugasan(
                str(r["nip"]),
                str(r["kegiatan"]),
                str(r["jabatan_peran"]),
                Jenjang.parse(str(r["jenjang_min"])) if r["jenjang_min"] else None,
                float(r["jam"]),
                float(r["porsi"]),
                float(r["biaya"] or 0.0),
            )
            for r in (_rows(wb["Penugasan"]) if "Penugasan" in wb.sheetnames else [])
        ]
        keanggotaan = [
            Keanggotaan(str(r["tim"]), str(r["nip"]), r["peran"] == "Ketua Tim")
            for r in (_rows(wb["Tim"]) if "Tim" in wb.sheetnames else [])
        ]
        penjelasan = tuple(
            Penjelasan(
                str(r["kode"]),
                str(r["penjelasan"]),
                float(r["kekurangan"] or 0.0),
                str(r["satuan"] or ""),
            )
            for r in (_rows(wb["Penjelasan"]) if "Penjelasan" in wb.sheetnames else [])
        )
    finally:
        wb.close()
    status = str(summary["Kode status"])
    alokasi = (
        Alokasi(tuple(penugasan), tuple(keanggotaan)) if status in ("optimal", "feasible") else None
    )
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
        message=f"dibaca dari buku kerja hasil; {summary.get('Pesan solver') or ''}".rstrip("; "),
    )
