"""The optimiser's result: status, objective and gap, the allocation and its explanations."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.rencana import Rencana
from sistemkerja.optimasi.cek import Penjelasan
from sistemkerja.optimasi.status import STATUS_LABEL, Status

__all__ = ["COMPONENT_UNITS", "STATUS_LABEL", "Hasil", "Status", "tabel_penugasan", "tabel_tim"]

#: Units of the objective components.
COMPONENT_UNITS = {
    "ej_maks": "poin EJ",
    "ej_jabatan": "poin EJ",
    "deviasi": "poin EJ",
    "biaya": "Rp",
    "lintas": "orang",
    "keanggotaan": "keanggotaan",
    "perubahan": "perubahan",
}


@dataclass(frozen=True, slots=True)
class Hasil:
    """Result of one optimisation run; the plan it came from is never changed.

    Attributes
    ----------
    plan : Rencana
        The input plan.
    status : Status
        ``optimal``, ``feasible``, ``infeasible``, ``no_solution`` or ``cancelled``
        (a ``str`` enum: compares equal to those strings).
    objective : float or None
        Weighted objective of the returned allocation: Σ weight × component (with an
        ``acuan``, the stability component ``perubahan`` included; see
        :attr:`plan_objective`).
    bound : float or None
        Best proven lower bound of the objective.
    gap : float or None
        Relative gap (objective − bound) / |objective|.
    components : dict of str to float
        Objective components in their own units (see ``COMPONENT_UNITS``); a run with
        an ``acuan`` also has ``perubahan``, the (person, team) memberships and Ketua
        roles that differ from it.
    weights : dict of str to float
        Weight of each component (per unit of ``COMPONENT_UNITS``).
    solver : str
        ``highs`` or ``cbc``.
    build_seconds, solve_seconds : float
        Wall-clock seconds building the model and in the solver.
    total_seconds : float
        Wall-clock seconds of the whole run: validation, building, handing the model to
        the solver, solving, reading the solution and any explanation.
    alokasi : Alokasi or None
        The allocation (``None`` without a solution).
    penjelasan : tuple of Penjelasan
        Why the plan cannot be met (infeasible) — empty otherwise.
    message : str
        What happened, in Indonesian (why the solve stopped, where the plan came from).
    counts : dict of str to int
        Sizes: pegawai, tim, kegiatan, variabel, kendala.
    families : dict of str to int
        Rows per constraint family.
    celah_diminta : float or None
        The relative gap the run was asked to stop at (fraction).
    prioritas : str
        ``pemerataan`` or ``bobot``.
    ej_maks_terbukti : float or None
        ``pemerataan`` only: proven lower bound of the highest EJ of the unit's staff
        (EJ), when stage 1 proved it within the tolerance; ``None`` otherwise.
    berhenti : str
        Why the solve stopped: ``selesai``, ``celah``, ``waktu`` or ``batal``.
    pesan_solver : str
        The solver's own status words (technical, may be English; not for users).
    """

    plan: Rencana
    status: Status | str
    objective: float | None
    bound: float | None
    gap: float | None
    components: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    solver: str = "highs"
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    total_seconds: float = 0.0
    alokasi: Alokasi | None = None
    penjelasan: tuple[Penjelasan, ...] = ()
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)
    celah_diminta: float | None = None
    prioritas: str = "bobot"
    ej_maks_terbukti: float | None = None
    berhenti: str = "selesai"
    pesan_solver: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.status, Status):
            object.__setattr__(self, "status", Status(self.status))

    @property
    def keterangan(self) -> str:
        """The status in plain Indonesian (one line, or two with ``pemerataan``).

        E.g. "layak — terbukti paling jauh 0,8 % dari optimum"; with ``pemerataan`` a
        second line on the highest EJ.
        """
        s = self.status
        if s is Status.OPTIMAL:
            text = "optimal — terbukti"
        elif s is Status.FEASIBLE:
            far = (
                "jarak ke optimum belum diketahui"
                if self.gap is None
                else f"paling jauh {_persen(self.gap)} dari optimum"
            )
            if self.berhenti == "batal":
                text = f"dihentikan pengguna — rencana terbaik sejauh ini, {far}"
            elif self.gap is None:
                text = f"layak — {far}"
            else:
                text = f"layak — terbukti {far}"
        elif s is Status.INFEASIBLE:
            why = self.penjelasan[0].message if self.penjelasan else "lihat penjelasan"
            text = f"tidak layak — {why}"
        elif s is Status.CANCELLED:
            text = "dihentikan pengguna — belum ada rencana"
        else:
            text = "tidak ada rencana dalam batas waktu"
        ej = self.components.get("ej_maks")
        if self.ej_maks_terbukti is not None and ej is not None and self.ok:
            low = self.ej_maks_terbukti
            if ej - low <= 5e-4:  # equal at the precision shown
                text += f"\nEJ tertinggi {format_angka(ej, 2)} — terbukti tidak dapat lebih rendah"
            else:
                text += (
                    f"\nEJ tertinggi {format_angka(ej, 3)} — terbukti tidak dapat di bawah "
                    f"{format_angka(low, 3)}"
                )
        return text

    @property
    def ok(self) -> bool:
        """Whether an allocation was found (optimal or feasible)."""
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)

    @property
    def plan_objective(self) -> float | None:
        """The plan's own weighted objective: :attr:`objective` without ``perubahan``.

        The stability component of a run with an ``acuan`` only says how far the
        allocation moved from the reference; leaving it out makes the objective compare
        with that of a run without an acuan (objective units). Equal to
        :attr:`objective` when the run has no such component.
        """
        if self.objective is None:
            return None
        change = self.components.get("perubahan")
        if change is None:
            return self.objective
        return self.objective - self.weights.get("perubahan", 0.0) * change

    @property
    def gap_absolute(self) -> float | None:
        """Objective − bound, in objective units (meaningful when the bound is near 0)."""
        if self.objective is None or self.bound is None or not math.isfinite(self.bound):
            return None
        return max(0.0, self.objective - self.bound)

    def gap_in_units(self) -> dict[str, float]:
        """Return the absolute gap in each weighted component's own unit.

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
            "status": str(self.status),
            "keterangan": self.keterangan,
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
            "total_seconds": round(self.total_seconds, 3),
            "solver": self.solver,
            "message": self.message,
            "pesan_solver": self.pesan_solver,
            "berhenti": self.berhenti,
            "prioritas": self.prioritas,
            "celah_diminta": self.celah_diminta,
            "ej_maks_terbukti": self.ej_maks_terbukti,
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
        lines = [f"Status: {self.keterangan}", f"(solver {self.solver}; {self.message})"]
        if self.objective is not None:
            gap = "-" if self.gap is None else f"{format_angka(self.gap * 100, 2)} %"
            bound = "-" if self.bound is None else format_angka(self.bound, 4)
            lines.append(
                f"Nilai tujuan: {format_angka(self.objective, 4)}; batas bawah: {bound}; "
                f"celah: {gap}"
            )
            for name, val in self.components.items():
                digits = 0 if COMPONENT_UNITS[name] == "Rp" else 4
                lines.append(f"  {name}: {format_angka(val, digits)} {COMPONENT_UNITS[name]}")
        lines.append(
            f"Waktu: susun model {format_angka(self.build_seconds, 2)} dtk, solver "
            f"{format_angka(self.solve_seconds, 2)} dtk, seluruhnya "
            f"{format_angka(self.total_seconds, 2)} dtk"
        )
        if self.penjelasan:
            lines.append("Penyebab rencana tidak dapat dipenuhi:")
            lines += [f"  - {p.message}" for p in self.penjelasan]
        return "\n".join(lines)


def _persen(fraction: float) -> str:
    """Format a fraction as an Indonesian percentage: 0.0081 → "0,8 %", 0.0004 → "0,04 %"."""
    pct = fraction * 100
    return f"{format_angka(pct, 1 if pct >= 0.1 else 2)} %"


def tabel_penugasan(hasil: Hasil) -> pd.DataFrame:
    """Return assignments as a table: person, team, activity, role, hours, cost.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    pandas.DataFrame
        Columns ``nip, nama, tim, kegiatan, indikator, jabatan_peran, jenjang_min, jam``
        (jam), ``porsi`` (0–1), ``biaya`` (Rp), ``peran`` (Ketua Tim / Anggota /
        Mandiri); empty without an allocation.
    """
    columns = [
        "nip",
        "nama",
        "tim",
        "kegiatan",
        "indikator",
        "jabatan_peran",
        "jenjang_min",
        "jam",
        "porsi",
        "biaya",
        "peran",
    ]
    if hasil.alokasi is None:
        return pd.DataFrame(columns=columns)
    plan = hasil.plan
    people = plan.pegawai_by_nip()
    kegiatan = {k.code: k for k in plan.kegiatan}
    leaders = hasil.alokasi.ketua()
    rows = []
    for t in hasil.alokasi.penugasan:
        k = kegiatan[t.kegiatan]
        if k.tim is None:
            peran = "Mandiri"
        else:
            peran = "Ketua Tim" if leaders.get(k.tim) == t.nip else "Anggota"
        rows.append(
            [
                t.nip,
                people[t.nip].name,
                k.tim,
                t.kegiatan,
                k.indikator,
                t.jabatan,
                t.jenjang_min.value if t.jenjang_min else None,
                t.jam,
                t.porsi,
                t.biaya,
                peran,
            ]
        )
    return pd.DataFrame(rows, columns=columns)


def tabel_tim(hasil: Hasil) -> pd.DataFrame:
    """Return teams with their Ketua and members.

    Returns
    -------
    pandas.DataFrame
        Columns ``tim, nama_tim, nip, nama, jabatan, jenjang, asal, peran, jam`` (jam in
        this team), Ketua first per team; empty without an allocation.
    """
    columns = ["tim", "nama_tim", "nip", "nama", "jabatan", "jenjang", "asal", "peran", "jam"]
    if hasil.alokasi is None:
        return pd.DataFrame(columns=columns)
    plan = hasil.plan
    people = plan.pegawai_by_nip()
    names = {t.code: t.name for t in plan.tim}
    team_of = {k.code: k.tim for k in plan.kegiatan}
    hours: dict[tuple[str, str | None], float] = {}
    for t in hasil.alokasi.penugasan:
        key = (t.nip, team_of[t.kegiatan])
        hours[key] = hours.get(key, 0.0) + t.jam
    rows = []
    for k in hasil.alokasi.keanggotaan:
        p = people[k.nip]
        rows.append(
            [
                k.tim,
                names[k.tim],
                k.nip,
                p.name,
                p.jabatan,
                p.jenjang.value,
                plan.asal(p).value,
                "Ketua Tim" if k.ketua else "Anggota",
                hours.get((k.nip, k.tim), 0.0),
            ]
        )
    return pd.DataFrame(rows, columns=columns)
