"""Plans as pandas tables: one DataFrame per sheet, Indonesian column headers."""

from __future__ import annotations

import enum

import pandas as pd

from sistemkerja.domain import skema
from sistemkerja.domain.rencana import Rencana


def _display(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return "; ".join(str(getattr(v, "value", v)) for v in value)
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    return value


def tabel(plan: Rencana, sheet: str, *, kunci: bool = False) -> pd.DataFrame:
    """Return one sheet of the plan as a DataFrame with the workbook's column headers.

    Parameters
    ----------
    plan : Rencana
        The plan.
    sheet : str
        Sheet name (``"Pegawai"``) or plan attribute (``"pegawai"``).
    kunci : bool
        Index the rows by the entity keys of :meth:`Rencana.kunci` (index name
        ``"Kunci"``), the keys :attr:`Problem.key` names and the plan's edits take;
        key-value sheets are indexed by parameter name.

    Returns
    -------
    pandas.DataFrame
        One row per entity; key-value sheets (Kebijakan, PK) give
        ``Parameter | Nilai`` rows.
    """
    lembar = skema.BY_NAME.get(sheet) or skema.BY_ATTR.get(sheet)
    if lembar is None:
        names = ", ".join(lb.name for lb in skema.LEMBAR)
        raise KeyError(f"lembar '{sheet}' tidak dikenal; pilihan: {names}")
    headers = [c.header for c in lembar.columns]
    if lembar.single:
        values = lembar.values(getattr(plan, lembar.attr))
        frame = pd.DataFrame(
            {"Parameter": headers, "Nilai": [_display(values[c.field]) for c in lembar.columns]}
        )
        if kunci:
            frame.index = pd.Index(headers, name="Kunci")
        return frame
    rows = []
    for entity in getattr(plan, lembar.attr):
        values = lembar.values(entity)
        rows.append([_display(values[c.field]) for c in lembar.columns])
    frame = pd.DataFrame(rows, columns=headers).convert_dtypes()
    if kunci:
        frame.index = pd.Index(list(plan.kunci(lembar.name)), name="Kunci", dtype=object)
    return frame


def semua_tabel(plan: Rencana) -> dict[str, pd.DataFrame]:
    """Return every sheet of the plan as DataFrames, keyed by sheet name."""
    return {lembar.name: tabel(plan, lembar.name) for lembar in skema.LEMBAR}
