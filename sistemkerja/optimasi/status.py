"""The status of an optimisation run: one string enum, its Indonesian labels."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """What a run established about the plan.

    The string values are those written to result workbooks, so older workbooks still
    read.
    """

    OPTIMAL = "optimal"
    """A plan proven optimal: relative gap ≤ ``OPTIMAL_GAP``, or (integral objective)
    an absolute gap below the objective's smallest step."""
    FEASIBLE = "feasible"
    """A plan keeping every rule; its gap to the best proven bound is reported."""
    INFEASIBLE = "infeasible"
    """Proven: no plan keeps every rule (the reasons are explained)."""
    NO_SOLUTION = "no_solution"
    """The time limit ran out before any plan was found."""
    CANCELLED = "cancelled"
    """Stopped by the user before any plan was found."""


#: Human labels of the status values (Indonesian).
STATUS_LABEL: dict[str, str] = {
    Status.OPTIMAL: "optimal (terbukti)",
    Status.FEASIBLE: "layak, belum terbukti optimal",
    Status.INFEASIBLE: "tidak layak",
    Status.NO_SOLUTION: "tidak ada rencana dalam batas waktu",
    Status.CANCELLED: "dihentikan pengguna sebelum ada rencana",
}

OPTIMAL_GAP = 1e-4
"""Largest relative gap still reported as a proven optimum (0,01 %)."""
