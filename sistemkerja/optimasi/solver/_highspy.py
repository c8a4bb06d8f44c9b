"""The model in highspy: bulk loading, runs under one deadline, progress and cancelling.

Every HiGHS run of a solve (relaxation, fixed-membership LPs, the small MIPs of the
heuristics, branch-and-bound) goes through :func:`run_highs`: HiGHS runs in a worker
thread while this thread looks at the clock and the cancel token every ``POLL`` seconds,
reports progress, and stops HiGHS (``cancelSolve``) when the user cancels or the run
overruns its limit by more than the grace.
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sistemkerja.optimasi.model import Model
from sistemkerja.optimasi.tenggat import POLL, Tenggat


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence C-level stdout (HiGHS prints a banner when the first Highs is made)."""
    try:
        fd = os.dup(1)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            try:
                yield
            finally:
                os.dup2(fd, 1)
    finally:
        os.close(fd)


@dataclass(slots=True)
class Loaded:
    """A model handed to highspy: the solver object and the column bookkeeping."""

    h: Any
    n: int
    """Number of columns."""
    integer: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    rows: tuple[np.ndarray, ...]
    cost: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """Objective coefficient per column."""

    def objective(self, x: np.ndarray) -> float:
        """Objective value of the column values ``x``, computed here, not read from HiGHS.

        Measured with highspy 1.16: after a MIP run with most columns fixed (the team
        search), HiGHS reported 15.898 for a solution whose objective is 16.456, and kept
        that value (and a dual bound below the LP relaxation) in the next runs.
        """
        return float(self.cost @ x)

    def make_integer(self) -> None:
        """Mark the integer columns as such (the model is loaded as its LP relaxation)."""
        import highspy

        kind = highspy.HighsVarType.kInteger.value
        n = len(self.integer)
        self.h.changeColsIntegrality(n, self.integer, np.full(n, kind, np.uint8))

    def violation(self, x: np.ndarray) -> float:
        """Largest violation of a row or column bound by the column values ``x``."""
        starts, cols, vals, row_lo, row_hi = self.rows
        lengths = np.diff(np.append(starts, len(cols)))
        row_of = np.repeat(np.arange(len(starts)), lengths)
        activity = np.bincount(row_of, weights=vals * x[cols], minlength=len(starts))
        worst = max(
            float(np.max(row_lo - activity, initial=0.0)),
            float(np.max(activity - row_hi, initial=0.0)),
        )
        return max(
            worst,
            float(np.max(self.lower - x, initial=0.0)),
            float(np.max(x - self.upper, initial=0.0)),
        )


def load_highs(model: Model, threads: int | None, msg: bool) -> Loaded:
    """Hand the model to highspy in bulk (columns and rows as arrays), integrality unset."""
    import highspy

    columns = model.columns
    n = len(columns)
    cost = np.zeros(n)
    if model.objective:
        cols, coefs = zip(*model.objective, strict=True)
        np.add.at(cost, np.asarray(cols, dtype=np.int64), np.asarray(coefs))
    lower = np.asarray(columns.lower, dtype=np.float64)
    upper = np.asarray(columns.upper, dtype=np.float64)
    starts, cols, vals, row_lo, row_hi = model.rows.arrays()
    with quiet_stdout():
        h = highspy.Highs()
    h.setOptionValue("output_flag", bool(msg))
    if threads:
        h.setOptionValue("threads", int(threads))
    h.addCols(n, cost, lower, upper, 0, np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0))
    h.addRows(len(row_lo), row_lo, row_hi, len(cols), starts, cols, vals)
    integer = np.flatnonzero(np.asarray(columns.integer, dtype=bool)).astype(np.int32)
    rows = (starts, cols, vals, row_lo, row_hi)
    return Loaded(h, n, integer, lower, upper, rows, cost=cost)


@contextlib.contextmanager
def held(loaded: Loaded, cols: np.ndarray, values: np.ndarray) -> Iterator[None]:
    """Fix columns ``cols`` at ``values`` while inside, then restore their own bounds."""
    loaded.h.changeColsBounds(len(cols), cols, values, values)
    try:
        yield
    finally:
        loaded.h.changeColsBounds(len(cols), cols, loaded.lower[cols], loaded.upper[cols])


@contextlib.contextmanager
def interior_point(loaded: Loaded) -> Iterator[None]:
    """Solve LPs by interior point (with crossover) while inside.

    Faster than simplex on the large relaxations (400 staff: 8,8 s vs 14 s); its central
    solution spreads hours the way a balanced allocation does, a better guide than a
    simplex vertex.
    """
    loaded.h.setOptionValue("solver", "ipm")
    try:
        yield
    finally:
        loaded.h.setOptionValue("solver", "choose")


def run_highs(
    h: Any,
    tenggat: Tenggat,
    *,
    lp: bool = False,
    batas: float | None = None,
    sub: bool = False,
) -> None:
    """Run HiGHS until it ends, the deadline passes or the user cancels.

    HiGHS gets ``tenggat.remaining()`` as its own time limit; a run still going past the
    hard end (limit + grace) or after cancelling is stopped with ``cancelSolve``. While it
    runs, progress (HiGHS's incumbent and dual bound in MIP runs) is reported through the
    deadline's callback at least every ``POLL`` seconds.

    Parameters
    ----------
    h : highspy.Highs
        Loaded solver.
    tenggat : Tenggat
        The deadline of this run.
    lp : bool
        An LP run. Measured with highspy 1.16: an LP run compares ``time_limit`` with the
        run time the object has accumulated over all its runs (a second LP run with a
        4 s limit after a 10 s one stopped at once), a MIP run with its own time; so LP
        runs get the accumulated time added.
    batas : float, optional
        A valid lower bound known from elsewhere (the relaxation), for the reports.
    sub : bool
        A MIP with some columns fixed (a heuristic's neighbourhood): its dual bound is
        no bound of the whole model and is not reported.

    Notes
    -----
    A MIP run under a patient share (``Tenggat.share(..., sabar=True)``) goes on past the
    share while it has no plan, up to the end of the deadline it was shared from.
    """
    patient = not lp and tenggat.sabar is not None
    limit = max(0.01, tenggat.remaining_without_plan() if patient else tenggat.remaining())
    h.setOptionValue("time_limit", limit + (h.getRunTime() if lp else 0.0))
    h.HandleUserInterrupt = True  # lets cancelSolve stop the solver
    seen: list[float] = [math.inf, -math.inf]  # HiGHS's incumbent and dual bound

    def record(event: Any) -> None:
        out = event.data_out
        seen[0], seen[1] = out.mip_primal_bound, out.mip_dual_bound

    if not lp:
        h.cbMipInterrupt.subscribe(record)
    if (
        tenggat.cancelled()
        or (tenggat.remaining_without_plan() if patient else tenggat.remaining()) <= 0
    ):
        return  # no time left (or cancelled): HiGHS is not started
    worker = threading.Thread(target=h.run, name="highs", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(POLL)
            if tenggat.overdue():
                h.cancelSolve()
            elif patient and tenggat.remaining() <= 0 and math.isfinite(seen[0]):
                h.cancelSolve()  # past the share, and a plan is in hand
            best = seen[0] if math.isfinite(seen[0]) else None
            bound = seen[1] if math.isfinite(seen[1]) and not sub else batas
            if batas is not None and bound is not None:
                bound = max(bound, batas)
            tenggat.lapor(best, bound)
        worker.join()
    finally:
        if worker.is_alive():  # the progress callback raised: stop HiGHS before leaving
            h.cancelSolve()
            worker.join()
        if not lp:
            h.cbMipInterrupt.unsubscribe(record)
