"""The base plan a sweep file names: a workbook beside it, or a packaged sample."""

from __future__ import annotations

from pathlib import Path

from sistemkerja.domain.masalah import Problem
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skenario import LEMBAR_SKENARIO, Sapuan

__all__ = ["AWALAN_CONTOH", "BERKAS_CONTOH", "rencana_sapuan", "sapuan_contoh"]

AWALAN_CONTOH = "contoh:"
"""Prefix of a packaged sample in a sweep's ``rencana`` (``contoh:unit``)."""


BERKAS_CONTOH = Path(__file__).with_name("contoh.yaml")
"""The packaged example sweep of the sample unit (the same scenarios as
``data/skenario/contoh.yaml``, with ``rencana: contoh:unit``)."""


def sapuan_contoh() -> Sapuan:
    """Return the packaged example sweep: 4 scenarios and a 3 × 2 grid on ``contoh:unit``."""
    from sistemkerja.io.skenario import baca_sapuan

    return baca_sapuan(BERKAS_CONTOH)


def rencana_sapuan(
    sapuan: Sapuan, berkas: str | Path | None = None, *, rencana: str | Path | None = None
) -> tuple[Rencana | None, list[Problem], str]:
    """Load the base plan of a sweep.

    Parameters
    ----------
    sapuan : Sapuan
        The sweep; its ``rencana`` is a workbook path relative to the sweep file, or
        ``contoh:<name>`` for a packaged sample.
    berkas : str or Path, optional
        The sweep file (relative paths are resolved against its folder).
    rencana : str or Path, optional
        A workbook that overrides the sweep's ``rencana`` (relative to the working
        folder).

    Returns
    -------
    (Rencana or None, list of Problem, str)
        The plan (``None`` when it cannot be read), its problems (errors and warnings,
        naming sheet, row and field) and where it came from, for messages.
    """
    from sistemkerja.io import read_plan_problems

    if rencana is not None:
        path = Path(rencana)
    elif sapuan.rencana is None:
        problem = Problem(
            LEMBAR_SKENARIO,
            None,
            "rencana",
            "missing",
            "berkas sapuan tidak menyebut 'rencana' (buku kerja rencana dasar, relatif "
            "terhadap berkas sapuan, atau contoh:unit); tulis kunci itu atau pakai --rencana",
            key="rencana",
        )
        return None, [problem], ""
    elif sapuan.rencana.startswith(AWALAN_CONTOH):
        from sistemkerja import contoh

        name = sapuan.rencana.removeprefix(AWALAN_CONTOH).strip()
        if name not in contoh.names():
            problem = Problem(
                LEMBAR_SKENARIO,
                None,
                "rencana",
                "invalid_value",
                f"contoh '{name}' tidak ada; pilih salah satu: {', '.join(contoh.names())}",
                key="rencana",
            )
            return None, [problem], sapuan.rencana
        return contoh.load(name), [], sapuan.rencana
    else:
        base = Path(berkas).parent if berkas is not None else Path.cwd()
        path = base / sapuan.rencana
    plan, problems = read_plan_problems(path)
    return plan, list(problems), str(path)
