"""A plain, hand-written PuLP model of the core assignment: "what a user would write".

Used by ``benchmarks/optimasi.py`` as a yardstick, so the overhead of the domain layer
(``sistemkerja.optimasi``: input derivation, pre-checks, greedy warm start, its own
loading into HiGHS) is visible. It reads the plan objects directly and writes the model
with ordinary PuLP idioms: ``prob.add_variable_dicts``, ``lpSum`` and
``prob.solve(pulp.HiGHS(...))`` / ``pulp.COIN_CMD(path=cbcbox.cbc_bin_path(), ...)``.

The model (``p`` person, ``r`` effort line, ``t`` team)::

    f[p, r] ∈ [0, 1]   share of line r done by p (every line, team or individual)
    y[p, t] ∈ {0, 1}   p is a member of team t;  z[p, t] ∈ {0, 1}  p leads t
    e ≥ 0              highest EJ among the unit's own staff

    min  e
    s.t. Σ_p f[p, r] = 1                             every line fully covered
         f[p, r] ≤ y[p, t(r)]                        hours only from members
         Σ_p z[p, t] = 1,  z[p, t] ≤ y[p, t]         one Ketua per team that needs one
         Σ_r H[r] f[p, r] ≤ capacity[p] − committed[p]
         Σ_t y[p, t] ≤ max_tim_per_pegawai
         e ≥ (Σ_r H[r] f[p, r] + committed[p]) / capacity[p]   (own staff)

Deliberately fewer rules than the real model: no budget (pagu), no pins or overrides,
no people-needed (Kebutuhan Peran counts), no team size, no minimum contribution, no
origin rules (anyone of the right jabatan and jenjang may work), individual activities
split like team lines instead of carried whole, and only the EJ-max term of the
objective. It is a relaxation of the real model's feasible set, so its optimum EJ max
can only be lower than or equal to the real model's.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

import cbcbox
import pulp

from sistemkerja.domain import Asal, Rencana


@dataclass(frozen=True, slots=True)
class PlainResult:
    """Outcome of one plain-PuLP build and solve.

    Attributes
    ----------
    build_seconds : float
        Building the PuLP model from the plan (s).
    solve_seconds : float
        Wall-clock of ``prob.solve(...)`` (s): PuLP handing the model to the solver
        (``buildSolverModel`` for HiGHS, writing MPS for CBC) plus the solver run.
    status : str
        PuLP's ``LpStatus`` text (``Optimal`` even after a time limit, see ``sol_status``).
    sol_status : int
        PuLP's ``sol_status``: 1 proven optimal, 2 solution found, 0 none, -1 infeasible.
    ej_maks : float or None
        Objective: highest EJ of the unit's own staff (EJ points).
    bound : float or None
        Best proven lower bound (HiGHS only, read from ``prob.solverModel``).
    solver_seconds : float or None
        The solver's own run time (HiGHS only, ``prob.solverModel.getRunTime()``); the
        rest of ``solve_seconds`` is PuLP handing the model over and reading it back.
    n_variables, n_constraints : int
        Model size.
    """

    build_seconds: float
    solve_seconds: float
    status: str
    sol_status: int
    ej_maks: float | None
    bound: float | None
    n_variables: int
    n_constraints: int
    solver_seconds: float | None = None


def build(plan: Rencana) -> tuple[pulp.LpProblem, pulp.LpVariable]:
    """Build the plain model of a plan.

    Parameters
    ----------
    plan : Rencana
        A valid plan.

    Returns
    -------
    prob : pulp.LpProblem
        The model.
    ej : pulp.LpVariable
        The objective variable (highest EJ, EJ points).
    """
    k = plan.kebijakan
    team_of = {g.code: g.tim for g in plan.kegiatan}
    people_by_jabatan: dict[str, list] = defaultdict(list)
    for p in plan.pegawai:
        people_by_jabatan[p.jabatan].append(p)

    # Eligible (person, line) pairs: right jabatan, jenjang at least the line's minimum.
    hours: dict[int, float] = {}
    eligible: dict[int, list[str]] = {}
    for r, b in enumerate(plan.beban):
        if b.kegiatan not in team_of or b.jam <= 0:
            continue
        hours[r] = b.jam
        eligible[r] = [
            p.nip
            for p in people_by_jabatan[b.jabatan]
            if b.jenjang_min is None or p.jenjang.at_least(b.jenjang_min)
        ]
    pairs = [(nip, r) for r, nips in eligible.items() for nip in nips]
    line_team = {r: team_of[plan.beban[r].kegiatan] for r in eligible}
    memberships = sorted({(nip, line_team[r]) for nip, r in pairs if line_team[r] is not None})
    need_ketua = plan.tim_perlu_ketua()
    ketua_ok = set(k.ketua_jenjang)
    jenjang = {p.nip: p.jenjang for p in plan.pegawai}
    leaders = [(nip, t) for nip, t in memberships if need_ketua[t] and jenjang[nip] in ketua_ok]

    prob = pulp.LpProblem("alokasi_polos", pulp.LpMinimize)
    f = prob.add_variable_dicts("f", pairs, lowBound=0, upBound=1)
    y = prob.add_variable_dicts("y", memberships, cat=pulp.LpBinary)
    z = prob.add_variable_dicts("z", leaders, cat=pulp.LpBinary)
    ej = prob.add_variable("ej_maks", lowBound=0)
    prob += ej

    lines_of: dict[str, list[int]] = defaultdict(list)
    for nip, r in pairs:
        lines_of[nip].append(r)
    for r, nips in eligible.items():
        prob += pulp.lpSum(f[nip, r] for nip in nips) == 1, f"cover_{r}"
    for nip, r in pairs:
        if line_team[r] is not None:
            prob += f[nip, r] <= y[nip, line_team[r]], f"link_{nip}_{r}"
    leaders_of: dict[str, list[str]] = defaultdict(list)
    for nip, t in leaders:
        leaders_of[t].append(nip)
        prob += z[nip, t] <= y[nip, t], f"ketua_member_{nip}_{t}"
    teams_with_work = {t for _, t in memberships}
    for t in sorted(teams_with_work):
        if need_ketua[t]:
            prob += pulp.lpSum(z[nip, t] for nip in leaders_of[t]) == 1, f"ketua_{t}"
    teams_of: dict[str, list[str]] = defaultdict(list)
    for nip, t in memberships:
        teams_of[nip].append(t)
    for nip, teams in teams_of.items():
        if len(teams) > k.max_tim_per_pegawai:
            prob += pulp.lpSum(y[nip, t] for t in teams) <= k.max_tim_per_pegawai, f"teams_{nip}"
    for p in plan.pegawai:
        if not lines_of[p.nip]:
            continue
        work = pulp.lpSum(hours[r] * f[p.nip, r] for r in lines_of[p.nip])
        capacity = plan.capacity(p)
        prob += work <= max(0.0, capacity - p.committed_hours), f"capacity_{p.nip}"
        if plan.asal(p) is Asal.UNIT and capacity > 0:
            prob += ej >= (work + p.committed_hours) * (1.0 / capacity), f"ej_{p.nip}"
    return prob, ej


def solve(
    plan: Rencana,
    *,
    solver: Literal["highs", "cbc"] = "highs",
    time_limit: float = 30.0,
    gap: float = 1e-4,
) -> PlainResult:
    """Build and solve the plain model, timing both.

    Parameters
    ----------
    plan : Rencana
        A valid plan.
    solver : {"highs", "cbc"}
        ``pulp.HiGHS`` or ``pulp.COIN_CMD`` with the ``cbcbox`` binary.
    time_limit : float
        Solver time limit (s).
    gap : float
        Relative gap at which the solver may stop (set on both solvers).

    Returns
    -------
    PlainResult
        Times, PuLP's status and the objective.
    """
    began = time.perf_counter()
    prob, ej = build(plan)
    build_seconds = time.perf_counter() - began
    if solver == "highs":
        backend = pulp.HiGHS(msg=False, timeLimit=time_limit, gapRel=gap)
    else:
        backend = pulp.COIN_CMD(
            path=cbcbox.cbc_bin_path(), msg=False, timeLimit=time_limit, gapRel=gap
        )
    began = time.perf_counter()
    prob.solve(backend)
    solve_seconds = time.perf_counter() - began
    found = prob.sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible)
    bound = solver_seconds = None
    if solver == "highs":
        solver_seconds = float(prob.solverModel.getRunTime())
        if found:
            bound = float(prob.solverModel.getInfo().mip_dual_bound)
    return PlainResult(
        build_seconds,
        solve_seconds,
        pulp.LpStatus[prob.status],
        prob.sol_status,
        ej.value() if found else None,
        bound,
        prob.numVariables(),
        prob.numConstraints(),
        solver_seconds,
    )
