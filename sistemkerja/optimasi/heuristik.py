"""Heuristics that give large plans an allocation, and every plan a good start.

1. :func:`relax_and_fix` — the LP relaxation (a valid lower bound), memberships chosen
   by the greedy rules in the order of the relaxation's hours, hours re-optimised
   (:func:`allocate`: :func:`repair` when they do not fit, :func:`relieve` to give the
   busiest people's teams a helper);
2. :func:`from_greedy` — the same with the plain greedy memberships, when the relaxation
   does not finish in time;
3. :func:`prune` — a small MIP that may only drop memberships;
4. :func:`improve_by_team` — re-choose one team at a time (large neighbourhood search).

Every step takes the run's :class:`~sistemkerja.optimasi.tenggat.Tenggat` (or a share
of it) and every allocation is checked against every row (``START_TOLERANCE``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from sistemkerja.domain.enums import Asal
from sistemkerja.optimasi.greedy import Awal, greedy
from sistemkerja.optimasi.kendala import individual_hours
from sistemkerja.optimasi.masukan import Masukan
from sistemkerja.optimasi.model import Model, build_model
from sistemkerja.optimasi.solver._highspy import (
    Loaded,
    held,
    interior_point,
    load_highs,
    run_highs,
)
from sistemkerja.optimasi.solver.celah import relative_gap
from sistemkerja.optimasi.tenggat import Tenggat


def start_values(model: Model, start: Awal | None) -> dict[int, float]:
    """Warm-start values of the decision columns of the model (others left to the solver)."""
    if start is None:
        return {}
    values: dict[int, float] = {}
    for key, col in model.f.items():
        values[col] = start.f.get(key, 0.0)
    for key, col in model.u.items():
        values[col] = start.u.get(key, 0.0)
    for key, col in model.y.items():
        values[col] = 1.0 if key in start.y else 0.0
    for key, col in model.z.items():
        values[col] = 1.0 if key in start.z else 0.0
    for nip, col in model.v.items():
        used = any(k[0] == nip for k in start.y) or any(k[0] == nip for k in start.u)
        values[col] = 1.0 if used else 0.0
    return values


@dataclass(slots=True)
class Relaxed:
    """What the LP relaxation, and the allocation built from it, gave.

    Attributes
    ----------
    status : {"optimal", "infeasible", "stopped"}
        Status of the relaxation.
    bound : float or None
        Its optimum: a valid lower bound of the MIP.
    start : numpy.ndarray or None
        Column values of an allocation satisfying every rule, when one was found.
    objective : float or None
        Objective of ``start``.
    relaxation : numpy.ndarray or None
        Column values of the relaxation's optimum.
    """

    status: str
    bound: float | None = None
    start: np.ndarray | None = None
    objective: float | None = None
    relaxation: np.ndarray | None = None


def guide(model: Model, m: Masukan, x: np.ndarray) -> dict[tuple[str, str], float]:
    """Hours (jam) per (NIP, team or individual activity) in a relaxed solution ``x``."""
    guide: dict[tuple[str, str], float] = defaultdict(float)
    lines = m.baris_by_index
    for (nip, r), col in model.f.items():
        share = x[col]
        if share > 1e-9:
            t = lines[r].tim
            assert t is not None
            guide[(nip, t)] += share * m.jam[(nip, r)]
    for (nip, code), col in model.u.items():
        share = x[col]
        if share > 1e-9:
            guide[(nip, code)] += share * individual_hours(m, nip, code)
    return dict(guide)


def relax_and_fix(model: Model, loaded: Loaded, tenggat: Tenggat) -> Relaxed:
    """LP relaxation, then memberships chosen from it and the hours re-optimised.

    1. Solve the LP relaxation: its optimum is a valid lower bound of the MIP, and an
       infeasible relaxation proves the plan infeasible.
    2. Choose memberships, Ketua Tim and individual carriers by the greedy rules, taking
       people in the order of their hours in the relaxation (:func:`greedy` with a guide).
    3. Fit the hours to that choice (:func:`allocate`). The result keeps every rule; it
       is the MIP's start and the answer if the solver finds nothing better in time
       (branch-and-bound alone finds no allocation in 30 s for 400 staff).
    """
    import highspy

    h = loaded.h
    with interior_point(loaded):
        run_highs(h, tenggat, lp=True)
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kInfeasible:
        return Relaxed("infeasible")
    if status != highspy.HighsModelStatus.kOptimal:
        return Relaxed("stopped")
    relaxation = np.asarray(h.getSolution().col_value).copy()
    bound = loaded.objective(relaxation)
    tenggat.tahap("heuristik")
    tenggat.lapor(None, bound, force=True)
    m = model.masukan
    if m is None:
        return Relaxed("optimal", bound)
    chosen = greedy(m, guide(model, m, relaxation))
    found = allocate(model, loaded, chosen, tenggat)
    if found is None:
        return Relaxed("optimal", bound, relaxation=relaxation)
    return Relaxed("optimal", bound, found[0], found[1], relaxation)


def from_greedy(
    model: Model, loaded: Loaded, start: Awal, relaxed: Relaxed, tenggat: Tenggat
) -> Relaxed:
    """Fit the hours to the plain greedy memberships, when the relaxation gave no allocation.

    The relaxation of a 1,000-staff plan does not finish in half of a 30 s limit; this
    still gives such plans an allocation that keeps every rule (its gap unknown unless
    the relaxation finished).
    """
    chosen = Awal(dict(start.f), dict(start.u), set(start.y), set(start.z))
    found = allocate(model, loaded, chosen, tenggat)
    if found is None:
        return relaxed
    # No relaxation kept: the allocation came from the greedy (messages say so).
    return Relaxed(relaxed.status, relaxed.bound, found[0], found[1], None)


def allocate(
    model: Model, loaded: Loaded, chosen: Awal, tenggat: Tenggat
) -> tuple[np.ndarray, float] | None:
    """Fix the memberships, Ketua and carriers of ``chosen`` and solve the LP for the hours.

    When the hours cannot fit the choice, it is repaired first (:func:`repair`); then
    members are added where the busiest people work while that helps (:func:`relieve`).
    ``chosen`` is updated in place. Returns column values and objective, or ``None``.
    """
    m = model.masukan
    assert m is not None
    with interior_point(loaded):
        found = solve_fixed(model, loaded, chosen, tenggat)
        if found is None and repair(m, chosen, loaded, tenggat):
            found = solve_fixed(model, loaded, chosen, tenggat)
        if found is None:
            return None
        return relieve(model, loaded, m, chosen, found, tenggat)


REPAIR_ROUNDS = 4
"""Most rounds of :func:`repair`."""
_REPAIRABLE = ("kapasitas", "kapasitas_bulanan", "kontribusi_minimal")


def repair(m: Masukan, chosen: Awal, loaded: Loaded, tenggat: Tenggat) -> bool:
    """Add members until the hours fit a membership choice; return whether they do.

    The greedy choice can leave a team whose members lack the hours for its lines
    (measured on a 400-staff plan: three people over capacity by 15–26 jam, one member
    5 jam short of the minimum contribution). The elastic model (every rule with a
    penalised slack) is solved with the choice fixed; every team where people over
    capacity or short of their minimum work, and the team of every line left uncovered,
    gets a helper (:func:`add_helpers`), and again, for at most ``REPAIR_ROUNDS``.
    A broken membership rule (size, teams per person, Ketua, people needed) is not
    repaired here.
    """
    if tenggat.expired():
        return False
    elastic = build_model(m, elastic=True)
    diagnosis = load_highs(elastic, None, False)
    with interior_point(diagnosis):
        for _ in range(REPAIR_ROUNDS):
            if tenggat.expired():
                return False
            found = solve_fixed(elastic, diagnosis, chosen, tenggat)
            if found is None:
                return False
            x = found[0]
            busy: set[str] = set()
            lines: list[int] = []
            for (family, *keys), (col, _unit) in elastic.slack.items():
                if x[col] <= 1e-6:
                    continue
                if family in _REPAIRABLE:
                    busy.add(keys[0])
                elif family == "cakupan":
                    lines.append(int(keys[0]))
                else:
                    return False
            if not busy and not lines:
                return True
            ej = load_ratios(elastic, m, x)
            if not add_helpers(elastic, m, chosen, x, busy, ej, lines):
                return False
    return True  # the last round's helpers are checked by the caller's fixed LP


def solve_fixed(
    model: Model, loaded: Loaded, chosen: Awal, tenggat: Tenggat
) -> tuple[np.ndarray, float] | None:
    """Solve the LP for the hours with memberships, Ketua and carriers fixed as chosen.

    Returns the column values and objective, or ``None`` when the LP has no solution in
    time or its solution breaks a row by more than ``START_TOLERANCE``.
    """
    import highspy

    h = loaded.h
    fixed: dict[int, float] = {}
    for family, picked in ((model.y, chosen.y), (model.z, chosen.z)):
        for key, col in family.items():
            fixed[col] = 1.0 if key in picked else 0.0
    for key, col in model.u.items():
        fixed[col] = 1.0 if chosen.u.get(key) else 0.0
    used = {nip for nip, _ in chosen.y} | {nip for nip, _ in chosen.u}
    for nip, col in model.v.items():
        fixed[col] = 1.0 if nip in used else 0.0
    cols = np.fromiter(fixed, dtype=np.int32, count=len(fixed))
    vals = np.fromiter(fixed.values(), dtype=np.float64, count=len(fixed))
    with held(loaded, cols, vals):
        run_highs(h, tenggat, lp=True)
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        x = np.asarray(h.getSolution().col_value).copy()
    x[cols] = vals  # exact 0/1 for the fixed columns
    objective = loaded.objective(x)
    if loaded.violation(x) > START_TOLERANCE:
        return None
    return x, objective


RELIEF_ROUNDS = 8
"""Most rounds of :func:`relieve`."""


def load_ratios(model: Model, m: Masukan, x: np.ndarray) -> dict[str, float]:
    """EJ of the people the objective's EJ rows cover (own staff with work) at ``x``."""
    ratios: dict[str, float] = {}
    for nip, expr in model.hours.items():
        if m.kapasitas[nip] > 0 and m.asal[nip] is Asal.UNIT and len(expr):
            hours = sum(c * x[col] for col, c in expr)
            ratios[nip] = (hours + m.pegawai[nip].committed_hours) / m.kapasitas[nip]
    return ratios


def relieve(
    model: Model,
    loaded: Loaded,
    m: Masukan,
    chosen: Awal,
    found: tuple[np.ndarray, float],
    tenggat: Tenggat,
) -> tuple[np.ndarray, float]:
    """Give the busiest people's teams one more member each while the objective improves.

    With memberships fixed, the highest EJ is often set by a team with one member of the
    jabatan its work needs. Each round adds, to every team where the people at the
    highest EJ work, the person with the lowest EJ who is eligible for one of those
    lines and may still join (:func:`add_helpers`), then solves the hours again;
    a round that does not lower the objective is undone and ends the search.
    """
    x, objective = found
    for _ in range(RELIEF_ROUNDS):
        if tenggat.expired():
            break
        ej = load_ratios(model, m, x)
        if not ej:
            break
        top = max(ej.values())
        busy = {nip for nip, e in ej.items() if e >= top - 1e-6}
        added = add_helpers(model, m, chosen, x, busy, ej)
        if not added:
            break
        trial = solve_fixed(model, loaded, chosen, tenggat)
        if trial is None or trial[1] >= objective - 1e-9:
            chosen.y.difference_update(added)
            break
        x, objective = trial
    return x, objective


def add_helpers(
    model: Model,
    m: Masukan,
    chosen: Awal,
    x: np.ndarray,
    busy: set[str],
    ej: dict[str, float],
    lines: list[int] | None = None,
) -> list[tuple[str, str]]:
    """Add one member to each team where ``busy`` people work; return those added.

    Teams are those of the lines the ``busy`` people have hours in at ``x``, and of each
    of ``lines``; the memberships are added to ``chosen``. The new member is eligible
    for one of those lines, not busy, may still join (team size, teams per person), and
    is the unit's own before outsiders, lowest EJ first.
    """
    sizes = {t.code: t.size_max for t in m.plan.tim}
    teams_of: dict[str, int] = defaultdict(int)
    size: dict[str, int] = defaultdict(int)
    for nip, t in chosen.y:
        teams_of[nip] += 1
        size[t] += 1
    helpers: dict[str, set[str]] = defaultdict(set)
    for (nip, r), col in model.f.items():
        if nip in busy and x[col] > 1e-9:
            t = m.baris_by_index[r].tim
            assert t is not None
            helpers[t].update(m.layak[r])
    for r in lines or []:
        t = m.baris_by_index[r].tim
        assert t is not None
        helpers[t].update(m.layak[r])
    added: list[tuple[str, str]] = []
    for t in sorted(helpers):
        cap = sizes.get(t)
        if cap is not None and size[t] >= cap:
            continue
        options = [
            nip
            for nip in helpers[t]
            if (nip, t) not in chosen.y and teams_of[nip] < m.maks_tim[nip] and nip not in busy
        ]
        if options:
            best = min(options, key=lambda n: (m.asal[n] is not Asal.UNIT, ej.get(n, 0.0)))
            added.append((best, t))
            teams_of[best] += 1
            size[t] += 1
    chosen.y.update(added)
    return added


def prune(model: Model, loaded: Loaded, relaxed: Relaxed, tenggat: Tenggat) -> Relaxed:
    """Improve the allocation built from the relaxation by dropping memberships.

    A small MIP: memberships outside the allocation stay closed, Ketua Tim and
    individual carriers stay as chosen, every membership of the allocation may be
    dropped, and the hours are re-optimised. Integrality must already be set. Measured
    on 400 staff: objective 24,44 → 23,73, proven optimal for this neighbourhood in 3 s.
    """
    assert relaxed.start is not None and relaxed.objective is not None
    start = relaxed.start
    closed = [col for col in model.y.values() if start[col] < 0.5]
    closed += [col for family in (model.z, model.u) for col in family.values()]
    fixed = np.array(closed, dtype=np.int32)
    found = search_near(loaded, start, relaxed.objective, fixed, tenggat)
    if found is None:
        return relaxed
    return Relaxed(relaxed.status, relaxed.bound, found[0], found[1], relaxed.relaxation)


LNS_TEAM_SECONDS = 2.0
"""Most seconds for re-choosing one team's members in :func:`improve_by_team`."""


def improve_by_team(
    model: Model, loaded: Loaded, relaxed: Relaxed, tenggat: Tenggat, celah: float = 0.0
) -> Relaxed:
    """Re-choose the members and Ketua of one team at a time, the rest held (LNS).

    Teams where the busiest people work come first. Each step is a small MIP (that
    team's memberships free, every other integer fixed at the current allocation) with
    the current allocation as its start; a better allocation that keeps every row is
    kept. Measured on 400 staff: 23,33 → 23,15 in 20 s (≈1,2 s per team). Stops once
    the allocation is within ``celah`` (relative) of the relaxation's bound.
    """
    m = model.masukan
    assert relaxed.start is not None and relaxed.objective is not None and m is not None
    x, objective = relaxed.start, relaxed.objective
    free_of: dict[str, set[int]] = defaultdict(set)
    for family in (model.y, model.z):
        for (_nip, t), col in family.items():
            free_of[t].add(col)
    ej = load_ratios(model, m, x)
    busiest: dict[str, float] = defaultdict(float)
    for (nip, t), col in model.y.items():
        if x[col] > 0.5:
            busiest[t] = max(busiest[t], ej.get(nip, 0.0))
    for t in sorted(free_of, key=lambda t: -busiest[t]):
        if tenggat.remaining() < 0.1 or tenggat.cancelled():
            break
        if relaxed.bound is not None and relative_gap(objective, relaxed.bound) <= celah:
            break  # within the requested gap of a proven bound: good enough
        fixed = np.array([c for c in loaded.integer if c not in free_of[t]], dtype=np.int32)
        found = search_near(loaded, x, objective, fixed, tenggat.until(LNS_TEAM_SECONDS))
        if found is not None:
            x, objective = found
            tenggat.lapor(objective, relaxed.bound)
    return Relaxed(relaxed.status, relaxed.bound, x, objective, relaxed.relaxation)


START_TOLERANCE = 1e-6
"""Largest row or bound violation of an allocation built from the relaxation (HiGHS's
own MIP feasibility tolerance)."""
RELAX_SHARE = 0.5
"""Largest share of the time limit for the LP relaxation and the allocation built from it."""
PRUNE_SHARE = 0.3
"""Largest share of the remaining time for dropping memberships from that allocation."""
LNS_SHARE = 0.5
"""Share of the time left after pruning for re-choosing teams one at a time."""


FALLBACK_SHARE = 0.8
"""Share of the time limit by which the greedy fallback (:func:`from_greedy`) must end."""


def first_allocation(model: Model, loaded: Loaded, start: Awal, tenggat: Tenggat) -> Relaxed:
    """Solve the relaxation and build an allocation from it, else from the plain greedy.

    The relaxation and the allocation built from it get ``RELAX_SHARE`` of the time, the
    greedy fallback up to ``FALLBACK_SHARE`` of it (both from the start of this stage).
    """
    began = tenggat.remaining()
    relaxed = relax_and_fix(model, loaded, tenggat.share(RELAX_SHARE))
    if relaxed.status == "infeasible" or relaxed.start is not None:
        return relaxed
    used = began - tenggat.remaining()
    fallback = tenggat.until(max(0.0, FALLBACK_SHARE * began - used))
    return from_greedy(model, loaded, start, relaxed, fallback)


def better_bound(bound: float | None, relaxed: Relaxed) -> float | None:
    """Return the larger of a solver's bound and the relaxation's (both valid)."""
    if relaxed.bound is None:
        return bound
    if bound is None or not math.isfinite(bound):
        return relaxed.bound
    return max(bound, relaxed.bound)


def search_near(
    loaded: Loaded, x: np.ndarray, objective: float, fixed: np.ndarray, tenggat: Tenggat
) -> tuple[np.ndarray, float] | None:
    """Solve the MIP with columns ``fixed`` held at ``x``, starting from ``x``.

    Integrality must already be set. Returns a better allocation that keeps every row
    within ``START_TOLERANCE`` and its objective, or ``None``.
    """
    h = loaded.h
    every = np.arange(loaded.n, dtype=np.int32)
    with held(loaded, fixed, x[fixed]):
        h.setSolution(len(every), every, x)
        run_highs(h, tenggat, sub=True)
        info = h.getInfo()
        if info.primal_solution_status != 2:
            return None
        candidate = np.asarray(h.getSolution().col_value).copy()
        value = loaded.objective(candidate)
    if value >= objective - 1e-9 or loaded.violation(candidate) > START_TOLERANCE:
        return None
    return candidate, value


ACUAN_SHARE = 0.3
"""Largest share of the time limit for the small MIP that makes the acuan a plan."""


def plan_from_start(
    model: Model, chosen: Awal, tenggat: Tenggat, open_teams: set[str]
) -> np.ndarray | None:
    """Return a plan of ``model`` (every column) close to the memberships of ``chosen``.

    First the memberships, Ketua roles and carriers of ``chosen`` are fixed and the
    hours fitted by an LP (:func:`allocate`: repaired when they do not fit, helpers
    added where that improves the objective). When that breaks a rule (a pinned Ketua
    makes a team too large, a role left without its person…), a small MIP re-chooses the
    members and Ketua of ``open_teams`` only, every other team held as in ``chosen``,
    under ``ACUAN_SHARE`` of the time. Used for the ``acuan`` of a re-solve, handed to
    the solver as a known plan. ``None`` when no plan keeps every row in time.
    """
    import highspy

    if tenggat.expired():
        return None
    loaded = load_highs(model, None, False)
    copy = Awal(dict(chosen.f), dict(chosen.u), set(chosen.y), set(chosen.z))
    found = allocate(model, loaded, copy, tenggat)
    if found is not None:
        return found[0]
    fixed: dict[int, float] = {}
    for family, picked in ((model.y, chosen.y), (model.z, chosen.z)):
        for key, col in family.items():
            if key[1] not in open_teams:
                fixed[col] = 1.0 if key in picked else 0.0
    for key, col in model.u.items():
        fixed[col] = 1.0 if chosen.u.get(key) else 0.0
    cols = np.fromiter(fixed, dtype=np.int32, count=len(fixed))
    vals = np.fromiter(fixed.values(), dtype=np.float64, count=len(fixed))
    loaded.make_integer()
    h = loaded.h
    with held(loaded, cols, vals):
        run_highs(h, tenggat.share(ACUAN_SHARE), sub=True)
        if h.getInfo().primal_solution_status != 2:
            return None
        x = np.asarray(h.getSolution().col_value).copy()
    if h.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
        return None
    x[cols] = vals
    return None if loaded.violation(x) > START_TOLERANCE else x
