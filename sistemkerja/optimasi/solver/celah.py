"""Gaps and the proof of optimality: when a plan may be called optimal."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from sistemkerja.optimasi.status import OPTIMAL_GAP, Status


def relative_gap(objective: float, bound: float | None) -> float | None:
    """Relative gap ``(objective − bound) / max(|objective|, 1e-9)`` (≥ 0), or ``None``."""
    if bound is None or not math.isfinite(bound):
        return None
    return max(0.0, objective - bound) / max(abs(objective), 1e-9)


def objective_step(cost: np.ndarray, integer: np.ndarray) -> float | None:
    """Smallest step between two objective values, when the objective is integral.

    The objective takes only multiples of a step ``s`` when every column with a cost is
    integer and every cost is an integer multiple of ``s`` (e.g. pure cost in whole
    rupiah on individual activities). Then an absolute gap below ``s`` proves a plan
    optimal, whatever its relative gap.

    Parameters
    ----------
    cost : numpy.ndarray
        Objective coefficient per column.
    integer : numpy.ndarray
        Positions of the integer columns.

    Returns
    -------
    float or None
        The step (objective units), ``None`` when the objective is not integral.
    """
    used = np.flatnonzero(np.abs(cost) > 0)
    if len(used) == 0:
        return None
    if not np.isin(used, integer).all():
        return None
    coefs = np.abs(cost[used])
    smallest = float(coefs.min())
    # A step s = smallest / d for a small d: every coefficient a whole multiple of it.
    for d in (1, 2, 3, 4, 5, 6, 8, 10, 12, 100, 1000):
        s = smallest / d
        ratio = coefs / s
        if np.all(np.abs(ratio - np.round(ratio)) <= 1e-6 * np.maximum(1.0, ratio)):
            return float(Fraction(s).limit_denominator(10**12))
    return None


def proven_status(
    objective: float, bound: float | None, step: float | None, *, proven: bool = False
) -> Status:
    """Status of a plan with this objective and bound: optimal only when proven.

    Parameters
    ----------
    objective : float
        Objective of the plan.
    bound : float or None
        Best proven lower bound.
    step : float or None
        Smallest objective step (:func:`objective_step`), for integral objectives.
    proven : bool
        The plan is optimal by a proof that needs no bound (a pure LP solved to optimum).

    Returns
    -------
    Status
        ``OPTIMAL`` when the relative gap is ≤ ``OPTIMAL_GAP`` (and, for an integral
        objective, the absolute gap is below one step) or, for an integral objective,
        when the absolute gap is below one step; else ``FEASIBLE``.
    """
    if proven:
        return Status.OPTIMAL
    gap = relative_gap(objective, bound)
    if gap is None or bound is None:
        return Status.FEASIBLE
    absolute = max(0.0, objective - bound)
    if step is not None:
        # A better plan would be at least one step lower, below the bound.
        return Status.OPTIMAL if absolute < step * (1 - 1e-6) else Status.FEASIBLE
    return Status.OPTIMAL if gap <= OPTIMAL_GAP else Status.FEASIBLE
