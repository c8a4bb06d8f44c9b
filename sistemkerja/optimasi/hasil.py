"""The optimiser's result: status, objective and gap, the allocation and its explanations."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.rencana import Rencana
from sistemkerja.optimasi.cek import Penjelasan

#: Human labels of the status values (Indonesian).
STATUS_LABEL = {
    "optimal": "optimal (terbukti)",
    "feasible": "layak, belum terbukti optimal",
    "infeasible": "tidak layak",
    "no_solution": "tidak ada solusi dalam batas waktu",
}

#: Units of the objective components.
COMPONENT_UNITS = {
    "ej_maks": "poin EJ",
    "deviasi": "poin EJ",
    "biaya": "Rp",
    "lintas": "orang",
    "keanggotaan": "keanggotaan",
}


@dataclass(frozen=True, slots=True)
class Hasil:
    """Result of one optimisation run; the plan it came from is never changed.

    Attributes
    ----------
    plan : Rencana
        The input plan.
    status : str
        ``optimal``, ``feasible``, ``infeasible`` or ``no_solution``.
    objective : float or None
        Weighted objective of the returned allocation.
    bound : float or None
        Best proven lower bound of the objective.
    gap : float or None
        Relative gap (objective − bound) / |objective|.
    components : dict of str to float
        Objective components in their own units (see ``COMPONENT_UNITS``).
    weights : dict of str to float
        Weight of each component (per unit of ``COMPONENT_UNITS``).
    solver : str
        ``highs`` or ``cbc``.
    build_seconds, solve_seconds : float
        Wall-clock seconds building the model and in the solver.
    alokasi : Alokasi or None
        The allocation (``None`` without a solution).
    penjelasan : tuple of Penjelasan
        Why the plan cannot be met (infeasible) — empty otherwise.
    message : str
        Solver status in the solver's words.
    counts : dict of str to int
        Sizes: pegawai, tim, kegiatan, variabel, kendala.
    families : dict of str to int
        Rows per constraint family.
    """

    plan: Rencana
    status: str
    objective: float | None
    bound: float | None
    gap: float | None
    components: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    solver: str = "highs"
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    alokasi: Alokasi | None = None
    penjelasan: tuple[Penjelasan, ...] = ()
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether an allocation was found (optimal or feasible)."""
        return self.status in ("optimal", "feasible")

    @property
    def gap_absolute(self) -> float | None:
        """Objective − bound, in objective units (meaningful when the bound is near 0)."""
        if self.objective is None or self.bound is None or not math.isfinite(self.bound):
            return None
        return max(0.0, self.objective - self.bound)

    def gap_in_units(self) -> dict[str, float]:
        """The absolute gap expressed in each weighted component's own unit.

        Returns
        -------
        dict of str to float
            For each component with a positive weight, how much of that component alone
            the gap could be worth (gap ÷ weight): EJ points, Rp, orang.
        """
        gap = self.gap_absolute
        if gap is None:
            return {}
        return {name: gap / w for name, w in self.weights.items() if w > 0}

    def summary(self) -> dict[str, Any]:
        """Return a JSON-ready summary (the CLI's ``--json`` output)."""
        return {
            "status": self.status,
            "status_label": STATUS_LABEL[self.status],
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "gap_absolute": self.gap_absolute,
            "gap_units": self.gap_in_units(),
            "components": self.components,
            "component_units": COMPONENT_UNITS,
            "weights": self.weights,
            "build_seconds": round(self.build_seconds, 3),
            "solve_seconds": round(self.solve_seconds, 3),
            "solver": self.solver,
            "message": self.message,
            **{f"n_{k}": v for k, v in self.counts.items()},
            "families": self.families,
            "penjelasan": [
                {
                    "code": p.code,
                    "message": p.message,
                    "kekurangan": p.kekurangan,
                    "satuan": p.satuan,
                }
                for p in self.penjelasan
            ],
        }

    def describe(self) -> str:
        """Return an Indonesian multi-line report of status, objective, gap and reasons."""
        lines = [f"Status: {STATUS_LABEL[self.status]} (solver {self.solver}; {self.message})"]
        if self.objective is not None:
            gap = "-" if self.gap is None else f"{self.gap:.2%}"
            bound = "-" if self.bound is None else f"{self.bound:.4f}"
            lines.append(f"Nilai tujuan: {self.objective:.4f}; batas bawah: {bound}; celah: {gap}")
            for name, val in self.components.items():
                lines.append(f"  {name}: {val:,.4f} {COMPONENT_UNITS[name]}")
        lines.append(
            f"Waktu: susun model {self.build_seconds:.2f} dtk, solver {self.solve_seconds:.2f} dtk"
        )
        if self.penjelasan:
            lines.append("Penyebab rencana tidak dapat dipenuhi:")
            lines += [f"  - {p.message}" for p in self.penjelasan]
        return "\n".join(lines)
