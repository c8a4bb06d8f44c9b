"""The plan workbook template users fill in with Excel.

Same sheets and columns as :func:`~sistemkerja.io.buku_kerja.write_plan`, plus a
"Petunjuk" sheet explaining every sheet and column, header comments, dropdowns for
choice columns (from a hidden "Daftar" sheet) and input checks for numbers and months.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.domain import skema
from sistemkerja.domain.enums import LabelEnum
from sistemkerja.domain.katalog import DEFAULT_JABATAN
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skema import Kolom, Lembar
from sistemkerja.io._nilai import (
    KIND_LABEL,
    MONTH_NAMES,
    NONE_MARK,
    TIDAK,
    YA,
    allowed_values,
    describe,
    required_label,
)
from sistemkerja.io._tulis import (
    HEADER_FONT,
    fit_widths,
    new_workbook,
    save_atomic,
    set_value,
    write_header,
    write_single,
    write_table,
)

__all__ = ["DAFTAR", "LAST_ROW", "PETUNJUK", "write_template"]

#: Sheet explaining how to fill in the workbook (ignored by the reader).
PETUNJUK = "Petunjuk"
#: Hidden sheet holding the dropdown lists (ignored by the reader).
DAFTAR = "Daftar"
#: Last row of the entity sheets that gets dropdowns and input checks.
LAST_ROW = 1000

GENERAL_NOTES: tuple[str, ...] = (
    "Isi setiap lembar sesuai judul kolomnya. Jangan mengganti nama lembar atau judul "
    "kolom; baris 1 setiap lembar adalah judul, data mulai baris 2.",
    "Lembar Kebijakan dan PK berbentuk Parameter | Nilai: isi kolom Nilai saja. Nilai "
    "Kebijakan yang dikosongkan memakai nilai bawaan.",
    "Angka: koma untuk desimal dan titik untuk ribuan, mis. 1,4 atau 1.250.000,50; "
    "'70 %' dibaca 70.",
    f"Ya/Tidak: isi {YA} atau {TIDAK} (juga diterima Y/T, True/False, 1/0).",
    f"Bulan: angka 1–12 (1 = {MONTH_NAMES[0]}, 12 = {MONTH_NAMES[-1]}).",
    "NIP: 18 digit, disimpan sebagai Teks agar digit terakhir tidak hilang.",
    "Beberapa nilai dalam satu sel (kompetensi, jenjang Ketua Tim) dipisah titik koma (;); "
    f"tulis {NONE_MARK} untuk daftar pilihan yang sengaja dikosongkan.",
    "Kode (unit, sasaran, indikator, tim, kegiatan) menghubungkan lembar-lembar: tulis "
    "persis sama di setiap lembar.",
    "Kesalahan dilaporkan saat berkas dibaca, lengkap dengan lembar, baris, dan kolomnya.",
)

_PETUNJUK_HEADERS = ("Lembar", "Kolom", "Jenis", "Wajib", "Pilihan", "Contoh", "Keterangan")


def write_template(path: str | os.PathLike[str], *, plan: Rencana | None = None) -> None:
    """Write a workbook template for users to fill in (atomically).

    Parameters
    ----------
    path : str or os.PathLike
        Target ``.xlsx`` file (replaced if it exists).
    plan : Rencana, optional
        Plan to pre-fill the sheets with. Without it the sheets are empty except
        Kebijakan (default policy) and Jabatan (the default position catalogue).
    """
    wb = new_workbook()
    _write_petunjuk(wb.create_sheet(PETUNJUK))
    lists = _enum_lists()
    for lembar in skema.LEMBAR:
        ws = wb.create_sheet(lembar.name)
        if lembar.single:
            entity = getattr(plan, lembar.attr) if plan is not None else _blank_single(lembar)
            write_single(ws, lembar, entity, help_of=lambda k: k.help)
            _single_extras(ws, lembar, lists)
        else:
            entities = getattr(plan, lembar.attr) if plan is not None else _blank_table(lembar)
            write_table(ws, lembar, entities)
            _table_extras(ws, lembar, lists)
    _write_daftar(wb, lists)
    wb.active = 0
    save_atomic(wb, Path(path))


def _blank_single(lembar: Lembar) -> Any | None:
    return Kebijakan() if lembar is skema.KEBIJAKAN else None


def _blank_table(lembar: Lembar) -> Sequence[Any]:
    return DEFAULT_JABATAN if lembar is skema.JABATAN else ()


# ---- Petunjuk ------------------------------------------------------------------------
def _write_petunjuk(ws: Worksheet) -> None:
    set_value(ws, 1, 1, "Petunjuk pengisian buku kerja rencana sistem kerja").font = HEADER_FONT
    row = 2
    for note in GENERAL_NOTES:
        set_value(ws, row, 1, f"• {note}")
        row += 1
    row += 1
    table_start = row
    for col, text in enumerate(_PETUNJUK_HEADERS, start=1):
        set_value(ws, row, col, text).font = HEADER_FONT
    columns: list[list[Any]] = [[h] for h in _PETUNJUK_HEADERS]
    for lembar in skema.LEMBAR:
        row += 1
        set_value(ws, row, 1, lembar.name).font = HEADER_FONT
        layout = " (baris Parameter | Nilai)" if lembar.single else ""
        set_value(ws, row, 7, f"{lembar.help}{layout}")
        for kolom in lembar.columns:
            row += 1
            values = (
                lembar.name,
                kolom.header,
                KIND_LABEL[kolom.kind],
                required_label(lembar, kolom),
                allowed_values(kolom) or None,
                kolom.example or None,
                kolom.help or None,
            )
            for col, value in enumerate(values, start=1):
                set_value(ws, row, col, value)
                columns[col - 1].append(value)
    fit_widths(ws, columns)
    ws.freeze_panes = f"A{table_start + 1}"
    for cells in ws.iter_rows(min_row=table_start + 1, max_row=row):
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=True)


# ---- dropdown lists ------------------------------------------------------------------
def _enum_lists() -> dict[type[LabelEnum], str]:
    """Range on the Daftar sheet holding each enumeration's labels."""
    enums: list[type[LabelEnum]] = []
    for lembar in skema.LEMBAR:
        for kolom in lembar.columns:
            if kolom.enum is not None and kolom.enum not in enums:
                enums.append(kolom.enum)
    ranges = {}
    for col, enum_type in enumerate(enums, start=1):
        letter = get_column_letter(col)
        ranges[enum_type] = f"{DAFTAR}!${letter}$2:${letter}${len(enum_type) + 1}"
    return ranges


def _write_daftar(wb: Workbook, lists: dict[type[LabelEnum], str]) -> None:
    ws = wb.create_sheet(DAFTAR)
    write_header(ws, [enum_type.__name__ for enum_type in lists])
    for col, enum_type in enumerate(lists, start=1):
        for row, label in enumerate(enum_type.labels(), start=2):
            set_value(ws, row, col, label)
    ws.sheet_state = "hidden"


# ---- validations and comments -------------------------------------------------------
def _validation(kolom: Kolom, lists: dict[type[LabelEnum], str]) -> DataValidation | None:
    """Input check of a column's cells, or ``None`` when its values are free."""
    common: dict[str, Any] = {
        "allow_blank": True,
        "showErrorMessage": True,
        "errorStyle": "stop",
        "errorTitle": "Isian tidak sah",
    }
    if kolom.kind == "enum" and kolom.enum is not None:
        dv = DataValidation(type="list", formula1=lists[kolom.enum], **common)
        dv.error = "Pilih salah satu nilai dari daftar."
    elif kolom.kind == "bool":
        dv = DataValidation(type="list", formula1=f'"{YA},{TIDAK}"', **common)
        dv.error = f"Isi {YA} atau {TIDAK}."
    elif kolom.kind == "month":
        dv = DataValidation(type="whole", operator="between", formula1="1", formula2="12", **common)
        dv.error = "Isi nomor bulan 1–12."
    elif kolom.kind == "number":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", **common)
        dv.error = "Isi angka 0 atau lebih."
    elif kolom.kind == "int":
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", **common)
        dv.error = "Isi bilangan bulat 0 atau lebih."
    else:
        return None
    return dv


def _comment(lembar: Lembar, kolom: Kolom) -> Comment:
    text = f"{kolom.header}\n{describe(lembar, kolom)}"
    lines = sum(1 + len(line) // 45 for line in text.splitlines())
    return Comment(text, "sistemkerja", height=20 * lines + 20, width=320)


def _table_extras(ws: Worksheet, lembar: Lembar, lists: dict[type[LabelEnum], str]) -> None:
    for col, kolom in enumerate(lembar.columns, start=1):
        ws.cell(row=1, column=col).comment = _comment(lembar, kolom)
        dv = _validation(kolom, lists)
        if dv is not None:
            letter = get_column_letter(col)
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{LAST_ROW}")


def _single_extras(ws: Worksheet, lembar: Lembar, lists: dict[type[LabelEnum], str]) -> None:
    for row, kolom in enumerate(lembar.columns, start=2):
        ws.cell(row=row, column=1).comment = _comment(lembar, kolom)
        dv = _validation(kolom, lists)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"B{row}")
        if kolom.kind in ("text", "code"):
            ws.cell(row=row, column=2).number_format = "@"
