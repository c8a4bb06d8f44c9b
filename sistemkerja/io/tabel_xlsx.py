"""Writing tables (pandas DataFrames) to a workbook: text stays text, saves are atomic."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from sistemkerja.io._tulis import fit_widths, new_workbook, save_atomic, set_value, write_header

_RP_FORMAT = '"Rp" #,##0'


def _cell(value: object) -> object:
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
    starts with ``biaya``, ``belanja``, ``pagu`` or ``total`` get a rupiah format.
    """
    wb = new_workbook()
    for name, frame in tables.items():
        ws = wb.create_sheet(name[:31])
        headers = [str(c) for c in frame.columns]
        write_header(ws, headers)
        money = [
            i
            for i, h in enumerate(headers, start=1)
            if h.lower().startswith(("biaya", "belanja", "pagu", "total", "sisa"))
        ]
        for r, row in enumerate(frame.itertuples(index=False), start=2):
            for c, value in enumerate(row, start=1):
                cell = set_value(ws, r, c, _cell(value))
                if c in money and isinstance(cell.value, int | float):
                    cell.number_format = _RP_FORMAT
        fit_widths(
            ws,
            [[h, *frame.iloc[:200, i].tolist()] for i, h in enumerate(headers)],
        )
    return save_atomic(wb, Path(path))
