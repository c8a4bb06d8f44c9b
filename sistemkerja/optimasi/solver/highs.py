"""The HiGHS back-end: relaxation-guided start, heuristics, then branch-and-bound.

Steps (each stops early once a plan is within ``celah`` of the best proven bound, and
each under the run's :class:`~sistemkerja.optimasi.tenggat.Tenggat`):

1. LP relaxation and an allocation built from it
   (:func:`~sistemkerja.optimasi.heuristik.first_allocation`);
2. pruning and the search team by team (:mod:`~sistemkerja.optimasi.heuristik`);
3. branch-and-bound from that allocation, with ``mip_rel_gap = celah``.
"""

from __future__ import annotations

import math
import time

import numpy as np

from sistemkerja.domain.angka import format_angka
from sistemkerja.optimasi.greedy import Awal
from sistemkerja.optimasi.heuristik import (
    LNS_SHARE,
    PRUNE_SHARE,
    START_TOLERANCE,
    Relaxed,
    better_bound,
    first_allocation,
    improve_by_team,
    prune,
    start_values,
)
from sistemkerja.optimasi.model import Model
from sistemkerja.optimasi.solver import SolveOutcome
from sistemkerja.optimasi.solver._highspy import Loaded, load_highs, run_highs
from sistemkerja.optimasi.solver.celah import objective_step, proven_status, relative_gap
from sistemkerja.optimasi.status import Status
from sistemkerja.optimasi.tenggat import Tenggat

RELAX_INFEASIBLE = "relaksasi LP tidak layak: rencana terbukti tidak layak"
"""Message when the LP relaxation alone proves the plan infeasible."""
RELAX_STOPPED = "relaksasi LP belum selesai dalam batas waktu; cabang-dan-batas dilewati"
"""Message when the LP relaxation did not finish in its share of the time."""


def stop_reason(tenggat: Tenggat) -> str:
    """``batal`` when the user cancelled, ``waktu`` when the time is up, else ``selesai``."""
    if tenggat.cancelled():
        return "batal"
    return "waktu" if tenggat.remaining() <= 0.05 else "selesai"


def nothing_found(tenggat: Tenggat) -> Status:
    """Status without a plan: cancelled by the user, or time up."""
    return Status.CANCELLED if tenggat.cancelled() else Status.NO_SOLUTION


def within(objective: float | None, bound: float | None, celah: float, step: float | None) -> bool:
    """Whether a plan is within ``celah`` of the bound, or proven optimal."""
    if objective is None or bound is None:
        return False
    if proven_status(objective, bound, step) is Status.OPTIMAL:
        return True
    gap = relative_gap(objective, bound)
    return gap is not None and gap <= celah


def from_relaxation(
    relaxed: Relaxed,
    began: float,
    solver: str,
    reason: str,
    step: float | None,
    bound: float | None = None,
    note: str = "",
) -> SolveOutcome:
    """Return the allocation built by the heuristics, with its honest status.

    ``reason`` is why the solve stopped (a key of ``BERHENTI_TEXT``); ``bound`` a
    solver's bound to combine with the relaxation's; ``note`` leads the message.
    """
    assert relaxed.start is not None and relaxed.objective is not None
    objective = relaxed.objective
    bound = better_bound(bound, relaxed)
    source = "relaksasi LP" if relaxed.relaxation is not None else "penugasan awal (greedy)"
    status = proven_status(objective, bound, step)
    text = note or BERHENTI_TEXT[reason]
    return SolveOutcome(
        status,
        objective,
        bound,
        relative_gap(objective, bound),
        time.perf_counter() - began,
        solver,
        f"{text}; rencana dibangun dari {source}",
        relaxed.start,
        berhenti=reason,
    )


def heuristics(
    model: Model,
    loaded: Loaded,
    start: Awal,
    tenggat: Tenggat,
    celah: float,
    step: float | None,
    *,
    search: bool,
    awal: np.ndarray | None = None,
) -> Relaxed:
    """Relaxation, allocation from it and (``search``) pruning and the team search.

    ``awal`` is a known plan of this model (the stage-1 plan of ``pemerataan``): it
    replaces the allocation built from the relaxation when it keeps every row and is
    better, so pruning and the team search start from it. Returns as soon as the
    allocation is within ``celah`` of the relaxation's bound. Integrality is set on
    ``loaded`` when a search runs.
    """
    tenggat.tahap("relaksasi")
    relaxed = first_allocation(model, loaded, start, tenggat)
    if awal is not None and relaxed.status != "infeasible":
        known = loaded.objective(awal)
        if loaded.violation(awal) <= START_TOLERANCE and (
            relaxed.objective is None or known < relaxed.objective - 1e-9
        ):
            relaxed = Relaxed(relaxed.status, relaxed.bound, awal.copy(), known, relaxed.relaxation)
    tenggat.lapor(relaxed.objective, relaxed.bound, force=True)
    if relaxed.start is None or not search:
        return relaxed
    loaded.make_integer()
    if within(relaxed.objective, relaxed.bound, celah, step) or tenggat.expired():
        return relaxed
    relaxed = prune(model, loaded, relaxed, tenggat.share(PRUNE_SHARE))
    tenggat.lapor(relaxed.objective, relaxed.bound, force=True)
    if within(relaxed.objective, relaxed.bound, celah, step) or tenggat.expired():
        return relaxed
    return improve_by_team(model, loaded, relaxed, tenggat.share(LNS_SHARE), celah)


def solve_highs(
    model: Model,
    tenggat: Tenggat,
    *,
    celah: float,
    threads: int | None,
    log: bool,
    start: Awal | None,
    awal: np.ndarray | None = None,
) -> SolveOutcome:
    """Solve with HiGHS (see the module docstring); see :func:`solve_model`."""
    import highspy

    began = time.perf_counter()
    loaded = load_highs(model, threads, log)
    h, integer = loaded.h, loaded.integer
    h.setOptionValue("mip_rel_gap", float(celah))
    mip = len(integer) > 0
    step = objective_step(loaded.cost, integer) if mip else None
    if step is not None:
        h.setOptionValue("mip_abs_gap", step * (1 - 1e-6))
    relaxed = Relaxed("stopped")
    if mip and start is not None:
        relaxed = heuristics(model, loaded, start, tenggat, celah, step, search=True, awal=awal)
        if relaxed.status == "infeasible":
            seconds = time.perf_counter() - began
            return SolveOutcome(
                Status.INFEASIBLE, None, None, None, seconds, "highs", RELAX_INFEASIBLE
            )
        if relaxed.status == "stopped":
            # Branch-and-bound starts by solving this same LP: it cannot finish in the time
            # left, and HiGHS stopped 7 s late when cancelled in its root LP (1,000 staff).
            if relaxed.start is not None:
                reason = stop_reason(tenggat)
                return from_relaxation(relaxed, began, "highs", reason, step, note=RELAX_STOPPED)
            seconds = time.perf_counter() - began
            status = nothing_found(tenggat)
            message = "dihentikan pengguna" if tenggat.cancelled() else RELAX_STOPPED
            return SolveOutcome(
                status, None, None, None, seconds, "highs", message, berhenti=stop_reason(tenggat)
            )
        if relaxed.start is not None and within(relaxed.objective, relaxed.bound, celah, step):
            return from_relaxation(relaxed, began, "highs", "celah", step)
        if relaxed.start is not None and tenggat.expired():
            return from_relaxation(relaxed, began, "highs", stop_reason(tenggat), step)
    if mip:
        loaded.make_integer()  # again if the heuristics did: idempotent
    if relaxed.start is not None:
        every = np.arange(loaded.n, dtype=np.int32)
        h.setSolution(len(every), every, relaxed.start)
    else:
        values = start_values(model, start)
        if values:
            # Variables not set by the warm start are filled in by HiGHS.
            idx = np.fromiter(values, dtype=np.int32, count=len(values))
            h.setSolution(len(idx), idx, np.array(list(values.values()), dtype=np.float64))
    tenggat.tahap("cabang")
    run_highs(h, tenggat, lp=not mip, batas=relaxed.bound)
    seconds = time.perf_counter() - began
    status = h.getModelStatus()
    raw = h.modelStatusToString(status)
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2
    s = highspy.HighsModelStatus
    if status in (s.kInfeasible, s.kUnboundedOrInfeasible):
        return SolveOutcome(
            Status.INFEASIBLE,
            None,
            None,
            None,
            seconds,
            "highs",
            "terbukti tidak layak",
            pesan_solver=raw,
        )
    reason = stop_reason(tenggat) if status != s.kOptimal else "celah"
    x = np.asarray(h.getSolution().col_value).copy() if has_solution else None
    objective = loaded.objective(x) if x is not None else None
    if relaxed.start is not None and (objective is None or relaxed.objective < objective):
        # Branch-and-bound found nothing better in time: the heuristics' allocation
        # keeps every rule and is returned with the best bound.
        mip_bound = consistent(float(info.mip_dual_bound), relaxed.objective)
        out = from_relaxation(relaxed, began, "highs", reason, step, mip_bound)
        out.pesan_solver = raw
        return out
    if x is None or objective is None:
        return SolveOutcome(
            nothing_found(tenggat),
            None,
            None,
            None,
            seconds,
            "highs",
            BERHENTI_TEXT[stop_reason(tenggat)] + " sebelum ada rencana",
            berhenti=stop_reason(tenggat),
            pesan_solver=raw,
        )
    if not mip:
        return SolveOutcome(
            Status.OPTIMAL if status == s.kOptimal else Status.FEASIBLE,
            objective,
            objective if status == s.kOptimal else None,
            0.0 if status == s.kOptimal else None,
            seconds,
            "highs",
            "LP terselesaikan" if status == s.kOptimal else BERHENTI_TEXT[reason],
            x,
            berhenti=reason,
            pesan_solver=raw,
        )
    mip_bound = consistent(float(info.mip_dual_bound), objective)
    bound = better_bound(mip_bound, relaxed)
    final = proven_status(objective, bound, step)
    if status == s.kOptimal and final is not Status.OPTIMAL:
        message = f"celah yang diminta {format_angka(celah * 100, 2)} % tercapai"
    elif final is Status.OPTIMAL:
        message = "optimum terbukti"
    else:
        message = BERHENTI_TEXT[reason]
    return SolveOutcome(
        final,
        objective,
        bound,
        relative_gap(objective, bound),
        seconds,
        "highs",
        message,
        x,
        berhenti=reason,
        pesan_solver=raw,
    )


BERHENTI_TEXT = {
    "selesai": "solver selesai",
    "celah": "celah yang diminta tercapai",
    "waktu": "batas waktu habis",
    "batal": "dihentikan pengguna",
}


def consistent(bound: float, objective: float | None) -> float | None:
    """Return the solver's dual bound, or ``None`` when it exceeds the objective it proves.

    A lower bound above a feasible solution's objective is impossible; such a bound is not
    reported (the relaxation's, computed separately, still is).
    """
    if not math.isfinite(bound):
        return None
    if objective is None:
        return bound
    if bound > objective + 1e-6 * max(1.0, abs(objective)):
        return None
    return bound
