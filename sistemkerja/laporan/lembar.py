"""Writing tables (pandas DataFrames) to a workbook: text stays text, saves are atomic."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.io import fit_widths, new_workbook, save_atomic, set_value, write_header

RP_FORMAT = '"Rp" #,##0'
"""Number format of rupiah cells (whole rupiah, thousands separated)."""

_MONEY_PREFIXES = ("biaya", "belanja", "pagu", "total", "sisa")


def cell_value(value: object) -> object:
    """Return a DataFrame value as a cell value openpyxl can store.

    Parameters
    ----------
    value : object
        A value from a DataFrame (numpy scalar, ``NaN``, ``pd.NA``, bool, str…).

    Returns
    -------
    object
        ``None`` for missing values, ``"Ya"``/``"Tidak"`` for booleans, a Python number
        or str otherwise (other objects as their ``str``).
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()  # numpy scalar
    if isinstance(value, int | float | str):
        return value
    return str(value)


def write_tables(tables: Mapping[str, pd.DataFrame], path: str | os.PathLike[str]) -> str:
    """Write each DataFrame to its own sheet and save atomically.

    Parameters
    ----------
    tables : Mapping of str to pandas.DataFrame
        Sheet name (≤ 31 characters) → table. Column names become the header row.
    path : str or os.PathLike
        Target ``.xlsx``.

    Returns
    -------
    str
        sha256 fingerprint of the saved file.

    Notes
    -----
    Any text cell, including one starting with ``=``, ``+``, ``-`` or ``@`` that came
    from user input, is stored as text, never as a formula. Columns whose name
    starts with ``biaya``, ``belanja``, ``pagu``, ``total`` or ``sisa`` get a rupiah format.
    """
    wb = new_workbook()
    add_tables(wb, tables)
    return save_atomic(wb, Path(path))


def add_tables(wb: Workbook, tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Add each DataFrame as a sheet of ``wb`` (the sheets of :func:`write_tables`).

    Parameters
    ----------
    wb : openpyxl.workbook.workbook.Workbook
        The workbook to add to.
    tables : Mapping of str to pandas.DataFrame
        Sheet name (cut to 31 characters) → table.

    Returns
    -------
    list of str
        Names of the sheets added, in order.
    """
    names = []
    for name, frame in tables.items():
        ws = wb.create_sheet(name[:31])
        headers = [str(c) for c in frame.columns]
        write_header(ws, headers)
        money = [i for i, h in enumerate(headers, start=1) if h.lower().startswith(_MONEY_PREFIXES)]
        for r, row in enumerate(frame.itertuples(index=False), start=2):
            for c, value in enumerate(row, start=1):
                cell = set_value(ws, r, c, cell_value(value))
                if c in money and isinstance(cell.value, int | float):
                    cell.number_format = RP_FORMAT
        fit_widths(
            ws,
            [[h, *frame.iloc[:200, i].tolist()] for i, h in enumerate(headers)],
        )
        _print_setup(ws)
        names.append(ws.title)
    return names


def _print_setup(ws: Worksheet) -> None:
    """Set a table to print on A4 landscape, one page wide, header row repeated and frozen."""
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.left.text = "&A"
