"""Sample plans as code: the fictional sample unit, a tiny plan and a synthetic generator.

Tests, notebooks, documentation and benchmarks all load their data from here, so no
workbook path is scattered around::

    from sistemkerja import contoh

    plan = contoh.load("unit")          # the ~60-staff sample directorate
    kecil = contoh.load("kecil")        # six staff, solvable by hand
    besar = contoh.generate(1000, seed=3)

Everything is fictional (see ``docs/data_contoh.md``): names are composed from common
Indonesian names and NIPs follow a documented scheme whose sequence is always ``9xx``.
"""

from __future__ import annotations

from collections.abc import Callable

from sistemkerja.contoh.kecil import build_kecil
from sistemkerja.contoh.sintetis import generate
from sistemkerja.contoh.unit import build_unit
from sistemkerja.domain import Rencana

__all__ = ["FILE_NAMES", "build_kecil", "build_unit", "generate", "load", "names"]

_BUILDERS: dict[str, Callable[[], Rencana]] = {"unit": build_unit, "kecil": build_kecil}

FILE_NAMES: dict[str, str] = {name: f"{name}.xlsx" for name in _BUILDERS}
"""Workbook file name of each sample: ``<name>.xlsx``, the name :func:`load` takes."""


def names() -> list[str]:
    """Return the names of the packaged sample plans.

    Returns
    -------
    list of str
        ``["unit", "kecil"]``.
    """
    return list(_BUILDERS)


def load(name: str = "unit") -> Rencana:
    """Build one packaged sample plan.

    Parameters
    ----------
    name : str
        ``"unit"`` (the fictional directorate, about 60 staff) or ``"kecil"`` (six
        staff, solvable by hand).

    Returns
    -------
    Rencana
        A fresh, valid plan; equal on every call.

    Raises
    ------
    ValueError
        If ``name`` is unknown; the message (in Indonesian) lists the names.

    Examples
    --------
    >>> load("kecil").pk.unit
    'DIT-KECIL'
    """
    try:
        builder = _BUILDERS[name]
    except (KeyError, TypeError):
        pilihan = ", ".join(names())
        raise ValueError(f"contoh '{name}' tidak dikenal; pilihan: {pilihan}") from None
    return builder()
