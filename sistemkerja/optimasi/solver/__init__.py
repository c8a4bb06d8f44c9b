"""Solver back-ends: HiGHS (:mod:`.highs`, default) and CBC (:mod:`.cbc`).

Both read the solver's *own* verdict, compute the objective from the returned columns,
label a plan optimal only when proven (:func:`.celah.proven_status`), stop at the
requested relative gap ``celah``, and honour the run's
:class:`~sistemkerja.optimasi.tenggat.Tenggat` (time limit and cancel token).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

import numpy as np

from sistemkerja.optimasi.greedy import Awal
from sistemkerja.optimasi.model import Model
from sistemkerja.optimasi.status import Status
from sistemkerja.optimasi.tenggat import Tenggat

SolverName = Literal["highs", "cbc"]

#: Why a solve stopped: codes used in messages.
BERHENTI = {
    "selesai": "solver selesai",
    "celah": "celah yang diminta tercapai",
    "waktu": "batas waktu habis",
    "batal": "dihentikan pengguna",
}


@dataclass(slots=True)
class SolveOutcome:
    """What a solver run produced, read from the solver itself.

    Attributes
    ----------
    status : Status
        ``optimal`` (proven), ``feasible`` (a plan, optimality not proven),
        ``infeasible`` (proven), ``no_solution`` (time up without a plan),
        ``cancelled`` (stopped by the user without a plan).
    objective : float or None
        Objective of the returned solution, computed from its columns.
    bound : float or None
        Best proven lower bound.
    gap : float or None
        Relative gap ``(objective − bound) / max(|objective|, 1e-9)``.
    solve_seconds : float
        Wall-clock seconds in the solver (s).
    solver : str
        ``"highs"`` or ``"cbc"``.
    message : str
        What happened, in Indonesian (shown to users).
    x : numpy.ndarray or None
        Value of every column of the model (``None`` without a solution).
    berhenti : str
        Why it stopped: a key of ``BERHENTI``.
    pesan_solver : str
        The solver's own status words (technical; may be English).
    """

    status: Status
    objective: float | None
    bound: float | None
    gap: float | None
    solve_seconds: float
    solver: str
    message: str
    x: np.ndarray | None = None
    berhenti: str = "selesai"
    pesan_solver: str = ""


def solve_model(
    model: Model,
    tenggat: Tenggat,
    *,
    solver: SolverName = "highs",
    celah: float = 1e-4,
    threads: int | None = None,
    log: bool = False,
    start: Awal | None = None,
    awal: np.ndarray | None = None,
) -> SolveOutcome:
    """Solve a built model and read the solver's own verdict.

    Parameters
    ----------
    model : Model
        Built model.
    tenggat : Tenggat
        The run's deadline (time limit, cancel token, progress callback).
    solver : {"highs", "cbc"}
        HiGHS through highspy (default) or CBC (``cbcbox``).
    celah : float
        Relative gap at which to stop (fraction); set explicitly on both solvers and
        checked after every heuristic stage.
    threads : int, optional
        Solver threads.
    log : bool
        Show the solver log.
    start : Awal, optional
        Greedy warm start. When given (and the model has integers), the solve first
        builds an allocation from the LP relaxation and, on HiGHS, prunes and improves
        it team by team; the greedy start is the fallback.
    awal : numpy.ndarray, optional
        A known plan of this model (every column), used as the start of the heuristics
        when it is better than the one built from the relaxation.

    Returns
    -------
    SolveOutcome
        Status, objective, bound, gap, seconds and variable values.
    """
    if solver == "highs":
        from sistemkerja.optimasi.solver.highs import solve_highs

        return solve_highs(
            model, tenggat, celah=celah, threads=threads, log=log, start=start, awal=awal
        )
    if solver == "cbc":
        from sistemkerja.optimasi.solver.cbc import solve_cbc

        return solve_cbc(
            model, tenggat, celah=celah, threads=threads, log=log, start=start, awal=awal
        )
    raise ValueError(f"solver '{solver}' tidak dikenal; pilih 'highs' atau 'cbc'")


def cbc_path() -> str | None:
    """Path of the CBC binary (from the ``cbcbox`` package), or ``None``."""
    try:
        import cbcbox
    except ImportError:
        return None
    path = cbcbox.cbc_bin_path()
    return path if path and os.access(path, os.X_OK) else None


def available_solvers() -> list[str]:
    """Solvers usable here: ``highs`` always (highspy is a dependency), ``cbc`` if found."""
    found = ["highs"]
    if cbc_path() is not None:
        found.append("cbc")
    return found
