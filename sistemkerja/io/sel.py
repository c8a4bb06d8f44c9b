"""Cell text of the plan: what a grid cell shows and how typed text is read back.

A grid in the widget suite edits the same cells a planner edits in Excel, so typed text
goes through the very reader of the workbook (:func:`~sistemkerja.io._nilai.from_cell`):
``"1.250"`` is 1250, ``"Ya"`` is true, ``"90 %"`` stays the target text, an unknown
choice is refused with the same Indonesian message a workbook cell gets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from sistemkerja.domain.masalah import Problem
from sistemkerja.domain.skema import Kolom, Lembar
from sistemkerja.io._nilai import CellError, from_cell, has_default, is_required, to_cell
from sistemkerja.io._nilai import number_text as _number_text

__all__ = ["CellError", "cell_text", "field_default", "read_cell_text", "read_row_text"]


def cell_text(kolom: Kolom, value: Any) -> str:
    """Return the text a grid cell shows for a field value.

    Parameters
    ----------
    kolom : Kolom
        The column.
    value : Any
        The field value.

    Returns
    -------
    str
        ``""`` for an empty cell; numbers in Indonesian notation (``"1250,5"``), choices
        by their label, ``Ya``/``Tidak``, lists joined by ``"; "`` — text the reader
        reads back to the same value.
    """
    cell = to_cell(kolom, value)
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "Ya" if cell else "Tidak"
    if isinstance(cell, int | float):
        return _number_text(cell)
    return str(cell)


def field_default(lembar: Lembar, kolom: Kolom) -> Any:
    """Return the value an empty cell stands for (the field's default, else ``None``).

    Parameters
    ----------
    lembar : Lembar
        The sheet.
    kolom : Kolom
        One of its columns.

    Returns
    -------
    Any
        The dataclass default of the entity field (a Kebijakan parameter's default,
        ``None`` for an optional field), ``None`` when it has none.
    """
    for f in dataclasses.fields(lembar.entity):
        if f.name == kolom.field:
            if f.default is not dataclasses.MISSING:
                return f.default
            if f.default_factory is not dataclasses.MISSING:
                return f.default_factory()
    return None


def read_cell_text(lembar: Lembar, kolom: Kolom, text: Any) -> Any:
    """Read what was typed into one cell, as the workbook reader reads the cell.

    Parameters
    ----------
    lembar : Lembar
        The sheet.
    kolom : Kolom
        The column.
    text : Any
        Typed text (or a number / bool a widget gives).

    Returns
    -------
    Any
        The field value; for an empty cell the field's default (``None`` when it has
        none).

    Raises
    ------
    CellError
        If the text is not a value of the column's kind, or the cell is empty and the
        column is required (code ``missing_value``).
    """
    value = from_cell(kolom, text)
    if value is None:
        if is_required(lembar, kolom):
            raise CellError("missing_value", f"kolom '{kolom.header}' wajib diisi")
        return field_default(lembar, kolom) if has_default(lembar, kolom) else None
    return value


def read_row_text(
    lembar: Lembar, texts: Mapping[str, Any], *, row: int | None = None, key: str | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """Read one row typed into a form, column by column.

    Parameters
    ----------
    lembar : Lembar
        The sheet.
    texts : Mapping of str to Any
        Typed text by column header or field name; a missing column is empty.
    row : int, optional
        Excel row the problems name.
    key : str, optional
        Key of the row the problems name.

    Returns
    -------
    values : dict of str to Any
        Field values of every column that could be read.
    problems : list of Problem
        One per column that could not be read, naming sheet, row and column.
    """
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for kolom in lembar.columns:
        text = texts.get(kolom.header, texts.get(kolom.field))
        try:
            values[kolom.field] = read_cell_text(lembar, kolom, text)
        except CellError as exc:
            problems.append(Problem(lembar.name, row, kolom.header, exc.code, exc.message, key=key))
    return values, problems
