"""The allocation MILP in PuLP, and its solvers (the only module importing PuLP).

Pipeline: :func:`build_model` adds the variables, then one function per constraint family
(named after the rule it states), then the objective; :func:`solve_model` hands the model
to HiGHS (highspy, default) or CBC and reads the solver's *own* status, bound and gap.

Notation (all per the plan's Kebijakan):

* ``f[p, r]`` ∈ [0, 1] — fraction of team effort line ``r`` done by person ``p``;
* ``u[p, a]`` ∈ {0, 1} — person ``p`` carries individual activity ``a`` whole;
* ``y[p, t]`` ∈ {0, 1} — ``p`` is a member of team ``t``; ``z[p, t]`` — ``p`` leads ``t``;
* ``v[p]`` ∈ {0, 1} — a person from another unit or agency is involved;
* ``H[p, r]`` — hours ``p`` needs for the whole of ``r`` (jam); ``C[p, r]`` cost (Rp);
* ``jam[p] = Σ_r H f + Σ_a H u + jam_ketua Σ_t z`` — hours assigned (jam).
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import subprocess
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np
import pulp

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Asal
from sistemkerja.optimasi.greedy import Awal, greedy
from sistemkerja.optimasi.masukan import Masukan

_K = TypeVar("_K")
Status = Literal["optimal", "feasible", "infeasible", "no_solution"]
SolverName = Literal["highs", "cbc"]

#: Penalties of the elastic re-solve, per unit of violation.
PENALTY = {
    "jam": 1.0,  # per jam of uncovered work or capacity overrun
    "orang": 500.0,  # per missing person / Ketua / member
    "juta": 10.0,  # per juta rupiah over a pagu
}
#: Leaving work undone costs more than overrunning a capacity, so the elastic
#: explanation keeps the work covered and shows whose capacity (and when) falls short.
FAMILY_WEIGHT = {"cakupan": 2.0, "pembawa": 2.0}
STRONG_LINK_LIMIT = 20_000
"""Most shares f[p, r] for which each gets its own membership link row."""
WATCHDOG_GRACE = 5.0
"""Seconds past the time limit after which a solver still running is stopped by force."""
READ_MARGIN = 2.0
"""Seconds kept within the grace for reading CBC's solution file after it is stopped."""
OPTIMAL_GAP = 1e-4
"""Largest relative gap still reported as a proven optimum."""
RP = 1e-6
"""Rupiah to juta rupiah: budget rows and cost terms are scaled to keep numbers tame."""


Terms = list[tuple[int, float]]
"""A linear expression as (column, coefficient) pairs, each column once."""


@dataclass(slots=True)
class _Columns:
    """Variables as columns: name, bounds and integrality per position."""

    names: list[str] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.names)

    def add(self, name: str, upper: float, integer: bool) -> int:
        """Add a column with lower bound 0 and return its position."""
        self.names.append(name)
        self.lower.append(0.0)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.names) - 1


@dataclass(slots=True)
class _Rows:
    """Constraint rows as compressed sparse rows over column positions."""

    starts: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    vals: list[float] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    senses: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)

    def arrays(self) -> tuple[np.ndarray, ...]:
        """Row starts, column positions, values, lower and upper row bounds."""
        return (
            np.asarray(self.starts, dtype=np.int32),
            np.asarray(self.cols, dtype=np.int32),
            np.asarray(self.vals, dtype=np.float64),
            np.asarray(self.lower, dtype=np.float64),
            np.asarray(self.upper, dtype=np.float64),
        )


@dataclass(slots=True)
class Model:
    """A built model: columns and rows as arrays, variables kept in dicts keyed by plan IDs.

    The rows are written the way the rules read (one function per family) but recorded
    as sparse arrays over column positions, not as PuLP objects: PuLP's per-variable and
    per-term bookkeeping cost 10 s of building and 3 s of handing over at 1,000 staff
    (measured). The PuLP problem is made from these arrays when asked for
    (:attr:`prob`), for CBC and for anyone who wants to inspect or write the model.

    Attributes
    ----------
    f, u, y, z : dict
        Column of each decision variable (see module docstring).
    v : dict of str to int
        Column of the involvement of each outside person.
    hours : dict of str to Terms
        Hours assigned per person (jam).
    team_hours : dict of (str, str) to Terms
        Hours of team lines per (NIP, team) membership (jam), Ketua hours excluded.
    components : dict of str to Terms
        Objective components in their own units: ``ej_maks`` (EJ), ``ej_jabatan`` (EJ,
        mean over jabatan of the highest EJ in each), ``deviasi`` (EJ, mean), ``biaya``
        (Rp), ``lintas`` (orang), ``keanggotaan`` (count).
    weights : dict of str to float
        Weight per component as used in the objective (cost per Rp).
    families : dict of str to int
        Number of rows per named constraint family.
    slack : dict of tuple to (int, str)
        Elastic mode only: slack column and its unit per (family, *keys).
    elastic : bool
        Whether the hard rows carry penalised slacks.
    columns : _Columns
        Every variable (name, bounds, integrality) by position.
    rows : _Rows
        Every constraint row.
    objective : Terms
        The objective (minimised).
    build_seconds : float
        Wall-clock seconds spent building.
    """

    f: dict[tuple[str, int], int] = field(default_factory=dict)
    u: dict[tuple[str, str], int] = field(default_factory=dict)
    y: dict[tuple[str, str], int] = field(default_factory=dict)
    z: dict[tuple[str, str], int] = field(default_factory=dict)
    v: dict[str, int] = field(default_factory=dict)
    hours: dict[str, Terms] = field(default_factory=dict)
    team_hours: dict[tuple[str, str], Terms] = field(default_factory=lambda: defaultdict(list))
    components: dict[str, Terms] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)
    slack: dict[tuple[str, ...], tuple[int, str]] = field(default_factory=dict)
    elastic: bool = False
    masukan: Masukan | None = None
    build_seconds: float = 0.0
    columns: _Columns = field(default_factory=_Columns)
    rows: _Rows = field(default_factory=_Rows)
    objective: Terms = field(default_factory=list)
    _pulp: tuple[pulp.LpProblem, list[Any]] | None = None

    @property
    def prob(self) -> pulp.LpProblem:
        """The model as a PuLP problem (made on first use, then kept)."""
        return self.as_pulp()[0]

    def as_pulp(self) -> tuple[pulp.LpProblem, list[Any]]:
        """Return the PuLP problem and its variables by column (made on first use)."""
        if self._pulp is None:
            self._pulp = _to_pulp(self)
        return self._pulp

    def relax(self) -> None:
        """Make every integer column continuous: the model becomes its LP relaxation."""
        self.columns.integer = [False] * len(self.columns)
        self._pulp = None


def _to_pulp(model: Model) -> tuple[pulp.LpProblem, list[Any]]:
    """Write the columns, rows and objective as a PuLP problem."""
    prob = pulp.LpProblem("alokasi", pulp.LpMinimize)
    c = model.columns
    variables = [
        prob.add_variable(name, cat=pulp.LpBinary)
        if integer and lo == 0 and hi == 1
        else prob.add_variable(
            name,
            lowBound=lo,
            upBound=None if math.isinf(hi) else hi,
            cat=pulp.LpInteger if integer else pulp.LpContinuous,
        )
        for name, lo, hi, integer in zip(c.names, c.lower, c.upper, c.integer, strict=True)
    ]
    rows = model.rows
    ends = [*rows.starts[1:], len(rows.cols)]
    for start, end, sense, lo, hi, name in zip(
        rows.starts, ends, rows.senses, rows.lower, rows.upper, rows.names, strict=True
    ):
        cols, vals = rows.cols[start:end], rows.vals[start:end]
        expr = pulp.LpAffineExpression(
            [(variables[col], a) for col, a in zip(cols, vals, strict=True)]
        )
        rhs = hi if sense == LE else lo
        prob.addConstraint(pulp.LpConstraint(expr, sense, name=name, rhs=rhs))
    prob.setObjective(pulp.LpAffineExpression([(variables[col], a) for col, a in model.objective]))
    return prob, variables


# ---- building -----------------------------------------------------------------------


def build_model(m: Masukan, *, elastic: bool = False) -> Model:
    """Build the allocation model.

    Parameters
    ----------
    m : Masukan
        Model input.
    elastic : bool
        Give every hard family a penalised slack and minimise the violations first
        (used to explain infeasible plans).

    Returns
    -------
    Model
        The model, not yet solved.
    """
    start = time.perf_counter()
    model = Model(elastic=elastic, masukan=m)
    add_variables(model, m)
    add_hours(model, m)
    add_cover(model, m)
    add_individual_carrier(model, m)
    add_capacity(model, m)
    if m.plan.kebijakan.kapasitas_bulanan:
        add_monthly_capacity(model, m)
    add_membership_link(model, m)
    add_min_contribution(model, m)
    add_leader(model, m)
    add_max_teams(model, m)
    add_team_size(model, m)
    add_people_needed(model, m)
    add_involvement(model, m)
    add_budget(model, m)
    add_pins(model, m)
    add_objective(model, m)
    model.build_seconds = time.perf_counter() - start
    return model


LE, GE, EQ = pulp.LpConstraintLE, pulp.LpConstraintGE, pulp.LpConstraintEQ


def _count(model: Model, family: str, n: int = 1) -> None:
    model.families[family] = model.families.get(family, 0) + n


def _var(model: Model, name: str, *, upper: float = math.inf, binary: bool = False) -> int:
    """Create a variable (lower bound 0; binary: upper bound 1) and return its column."""
    return model.columns.add(name, 1.0 if binary else upper, binary)


def _row(model: Model, terms: Terms, sense: int, rhs: float, name: str) -> None:
    """Record ``Σ coef·x[col] (sense) rhs``; every column must appear once in ``terms``."""
    rows = model.rows
    rows.starts.append(len(rows.cols))
    if terms:
        cols, vals = zip(*terms, strict=True)
        if 0 in vals:
            kept = [(c, a) for c, a in terms if a]
            cols, vals = zip(*kept, strict=True) if kept else ((), ())
        rows.cols.extend(cols)
        rows.vals.extend(vals)
    rows.senses.append(sense)
    rows.lower.append(-math.inf if sense == LE else rhs)
    rows.upper.append(math.inf if sense == GE else rhs)
    rows.names.append(name)


def _slack(model: Model, family: str, keys: tuple[str, ...], unit: str, coef: float) -> Terms:
    """Elastic mode: a fresh non-negative slack as a term ``(slack, coef)``; else none."""
    if not model.elastic:
        return []
    var = _var(model, f"s_{family}_{len(model.columns)}")  # a unique name per column
    assert (family, *keys) not in model.slack, f"two slacks for {(family, *keys)}"
    model.slack[(family, *keys)] = (var, unit)
    return [(var, coef)]


def add_variables(model: Model, m: Masukan) -> None:
    """Create f, u, y, z, v only for eligible combinations."""
    shares = [(nip, b.index) for b in m.baris if b.tim is not None for nip in m.layak[b.index]]
    model.f = _family(model, "f", shares, upper=1.0)
    carriers = [(nip, code) for code in m.kegiatan_individu for nip in m.pembawa.get(code, [])]
    model.u = _family(model, "u", carriers)
    # Per team its members, then its Ketua candidates. Column order matters: the
    # relaxation has many optima and the allocation built from it follows the one found
    # (400 staff: gap 5,5 % in this order, 7,4 % with all y before all z).
    for t in m.tim:
        model.y.update(_family(model, "y", [(nip, t) for nip in m.calon_anggota[t]], len(model.y)))
        model.z.update(
            _family(model, "z", [(nip, t) for nip in m.calon_ketua.get(t, [])], len(model.z))
        )
    involved = {nip for nip, _ in model.f} | {nip for nip, _ in model.u}
    outside = [nip for nip in m.pegawai if m.asal[nip] is not Asal.UNIT and nip in involved]
    model.v = _family(model, "v", outside)


def _family(
    model: Model, prefix: str, keys: list[_K], number: int = 0, *, upper: float | None = None
) -> dict[_K, int]:
    """Add one column per key (binary, or in [0, upper]) named ``{prefix}_{number + i}``."""
    columns, n = model.columns, len(keys)
    first = len(columns)
    columns.names.extend(f"{prefix}_{i}" for i in range(number, number + n))
    columns.lower.extend([0.0] * n)
    columns.upper.extend([1.0 if upper is None else upper] * n)
    columns.integer.extend([upper is None] * n)
    return dict(zip(keys, range(first, first + n), strict=True))


def _individual_hours(m: Masukan, nip: str, code: str) -> float:
    return sum(m.jam[(nip, r)] for r in m.kegiatan_individu[code])


def add_hours(model: Model, m: Masukan) -> None:
    """Define ``jam[p]`` per person and the team-line hours per membership (terms, no row)."""
    terms: dict[str, Terms] = defaultdict(list)
    lines = m.baris_by_index
    for (nip, r), var in model.f.items():
        hours = m.jam[(nip, r)]
        terms[nip].append((var, hours))
        model.team_hours[(nip, lines[r].tim)].append((var, hours))  # type: ignore[index]
    for (nip, code), var in model.u.items():
        terms[nip].append((var, _individual_hours(m, nip, code)))
    jam_ketua = m.plan.kebijakan.jam_ketua
    if jam_ketua > 0:
        for (nip, _t), var in model.z.items():
            terms[nip].append((var, jam_ketua))
    for nip in m.pegawai:
        model.hours[nip] = terms.get(nip, [])


def add_cover(model: Model, m: Masukan) -> None:
    """Cover: Σ_p f[p, r] = 1 for every team line (all of its hours are done)."""
    by_line: dict[int, Terms] = defaultdict(list)
    for (_nip, r), var in model.f.items():
        by_line[r].append((var, 1.0))
    for line in m.baris:
        if line.tim is None:
            continue
        s = _slack(model, "cakupan", (str(line.index),), "jam", 1.0 / line.jam)
        _row(model, [*by_line.get(line.index, []), *s], EQ, 1.0, f"cakupan_{line.index}")
        _count(model, "cakupan")


def add_individual_carrier(model: Model, m: Masukan) -> None:
    """Individu: Σ_p u[p, a] = 1 — one person carries each individual activity whole."""
    by_activity: dict[str, Terms] = defaultdict(list)
    for (_nip, code), var in model.u.items():
        by_activity[code].append((var, 1.0))
    for i, code in enumerate(m.kegiatan_individu):
        s = _slack(model, "pembawa", (code,), "orang", 1.0)
        _row(model, [*by_activity.get(code, []), *s], EQ, 1.0, f"pembawa_{i}")
        _count(model, "pembawa")


def add_capacity(model: Model, m: Masukan) -> None:
    """Capacity: jam[p] ≤ capacity − committed hours, for everyone with work."""
    for i, nip in enumerate(m.pegawai):
        terms = model.hours[nip]
        if not terms:
            continue
        s = _slack(model, "kapasitas", (nip,), "jam", -1.0)
        _row(model, [*terms, *s], LE, m.tersedia[nip], f"kapasitas_{i}")
        _count(model, "kapasitas")


def add_monthly_capacity(model: Model, m: Masukan) -> None:
    """Monthly capacity: hours spread evenly over an activity's months ≤ capacity / 12."""
    per_month: dict[tuple[str, int], Terms] = defaultdict(list)
    lines = m.baris_by_index
    for (nip, r), var in model.f.items():
        months = lines[r].kegiatan.months
        for month in months:
            per_month[(nip, month)].append((var, m.jam[(nip, r)] / len(months)))
    kegiatan = {k.code: k for k in m.plan.kegiatan}
    for (nip, code), var in model.u.items():
        months = kegiatan[code].months
        for month in months:
            per_month[(nip, month)].append((var, _individual_hours(m, nip, code) / len(months)))
    for i, ((nip, month), terms) in enumerate(per_month.items()):
        p = m.pegawai[nip]
        limit = (m.kapasitas[nip] - p.committed_hours) / 12.0
        s = _slack(model, "kapasitas_bulanan", (nip, str(month)), "jam", -1.0)
        _row(model, [*terms, *s], LE, max(0.0, limit), f"kapasitas_bulanan_{i}")
        _count(model, "kapasitas_bulanan")


def add_membership_link(model: Model, m: Masukan) -> None:
    """Hours only from members.

    Small models use one row per share, ``f[p, r] ≤ y[p, t(r)]`` (a tight relaxation).
    Beyond ``STRONG_LINK_LIMIT`` shares the rows are aggregated per membership,
    ``Σ_{r ∈ t} H[p, r] f[p, r] ≤ available[p] · y[p, t]``: the same integer solutions,
    a weaker but far smaller and less degenerate LP, which the solver needs at scale.
    """
    lines = m.baris_by_index
    if len(model.f) <= STRONG_LINK_LIMIT:
        for i, ((nip, r), var) in enumerate(model.f.items()):
            t = lines[r].tim
            assert t is not None
            _row(model, [(var, 1.0), (model.y[(nip, t)], -1.0)], LE, 0.0, f"anggota_{i}")
        _count(model, "anggota", len(model.f))
        return
    for i, (key, row) in enumerate(model.team_hours.items()):
        for col, hours in row:
            if hours <= 0:  # a zero-hour share would vanish from the aggregated row
                _row(model, [(col, 1.0), (model.y[key], -1.0)], LE, 0.0, f"anggota_nol_{col}")
                _count(model, "anggota")
        positive = [(col, hours) for col, hours in row if hours > 0]
        if positive:
            bound = max(m.tersedia[key[0]], max(hours for _, hours in positive))
            _row(model, [*positive, (model.y[key], -bound)], LE, 0.0, f"anggota_{i}")
            _count(model, "anggota")


def add_min_contribution(model: Model, m: Masukan) -> None:
    """Minimum contribution: a member gives at least min_jam_anggota hours to the team."""
    minimum = m.plan.kebijakan.min_jam_anggota
    if minimum <= 0:
        return
    jam_ketua = m.plan.kebijakan.jam_ketua
    for i, (key, y) in enumerate(model.y.items()):
        terms = model.team_hours.get(key, [])
        if jam_ketua > 0 and key in model.z:
            terms = [*terms, (model.z[key], jam_ketua)]
        s = _slack(model, "kontribusi_minimal", key, "jam", 1.0)
        _row(model, [*terms, (y, -minimum), *s], GE, 0.0, f"kontribusi_minimal_{i}")
        _count(model, "kontribusi_minimal")


def add_leader(model: Model, m: Masukan) -> None:
    """Ketua Tim: exactly one per team that needs one, and the Ketua is a member."""
    by_team: dict[str, Terms] = defaultdict(list)
    for (nip, t), var in model.z.items():
        by_team[t].append((var, 1.0))
        name = f"ketua_anggota_{len(by_team[t])}_{t}"
        _row(model, [(var, 1.0), (model.y[(nip, t)], -1.0)], LE, 0.0, name)
        _count(model, "ketua_anggota")
    for i, t in enumerate(m.tim):
        if not m.perlu_ketua[t]:
            continue
        s = _slack(model, "ketua", (t,), "orang", 1.0)
        _row(model, [*by_team.get(t, []), *s], EQ, 1.0, f"ketua_{i}")
        _count(model, "ketua")


def add_max_teams(model: Model, m: Masukan) -> None:
    """Teams per person: Σ_t y[p, t] ≤ max_tim_per_pegawai."""
    limit = m.plan.kebijakan.max_tim_per_pegawai
    by_person: dict[str, Terms] = defaultdict(list)
    for (nip, _t), var in model.y.items():
        by_person[nip].append((var, 1.0))
    for i, (nip, memberships) in enumerate(by_person.items()):
        if len(memberships) <= limit:
            continue
        s = _slack(model, "maks_tim", (nip,), "orang", -1.0)
        _row(model, [*memberships, *s], LE, limit, f"maks_tim_{i}")
        _count(model, "maks_tim")


def add_team_size(model: Model, m: Masukan) -> None:
    """Team size: size_min ≤ Σ_p y[p, t] ≤ size_max."""
    teams = {t.code: t for t in m.plan.tim}
    by_team: dict[str, Terms] = defaultdict(list)
    for (_nip, t), var in model.y.items():
        by_team[t].append((var, 1.0))
    for i, t in enumerate(m.tim):
        team = teams[t]
        members = by_team.get(t, [])
        if team.size_min > 1:
            s = _slack(model, "ukuran_tim_min", (t,), "orang", 1.0)
            _row(model, [*members, *s], GE, team.size_min, f"ukuran_tim_min_{i}")
            _count(model, "ukuran_tim_min")
        if team.size_max is not None and len(members) > team.size_max:
            s = _slack(model, "ukuran_tim_maks", (t,), "orang", -1.0)
            _row(model, [*members, *s], LE, team.size_max, f"ukuran_tim_maks_{i}")
            _count(model, "ukuran_tim_maks")


def add_people_needed(model: Model, m: Masukan) -> None:
    """People needed: at least ``orang`` qualifying members per Kebutuhan Peran row."""
    for i, k in enumerate(m.kebutuhan):
        key = (k.tim, k.indikator, k.jabatan, str(k.jenjang_min or ""))
        s = _slack(model, "kebutuhan_orang", key, "orang", 1.0)
        members = [(model.y[(nip, k.tim)], 1.0) for nip in k.calon]
        _row(model, [*members, *s], GE, k.orang, f"kebutuhan_orang_{i}")
        _count(model, "kebutuhan_orang")


def add_involvement(model: Model, m: Masukan) -> None:
    """Involvement: v[p] ≥ y[p, t] and v[p] ≥ u[p, a] for people from outside the unit."""
    for i, ((nip, _t), var) in enumerate(model.y.items()):
        if nip in model.v:
            _row(model, [(model.v[nip], 1.0), (var, -1.0)], GE, 0.0, f"pelibatan_tim_{i}")
            _count(model, "pelibatan")
    for i, ((nip, _a), var) in enumerate(model.u.items()):
        if nip in model.v:
            _row(model, [(model.v[nip], 1.0), (var, -1.0)], GE, 0.0, f"pelibatan_individu_{i}")
            _count(model, "pelibatan")


def _cost_terms(model: Model, m: Masukan) -> dict[str, Terms]:
    """Personnel cost terms (Rp) per activity code."""
    lines = m.baris_by_index
    terms: dict[str, Terms] = defaultdict(list)
    for (nip, r), var in model.f.items():
        cost = m.biaya[(nip, r)]
        if cost:
            terms[lines[r].kegiatan.code].append((var, cost))
    for (nip, code), var in model.u.items():
        cost = sum(m.biaya[(nip, r)] for r in m.kegiatan_individu[code])
        if cost:
            terms[code].append((var, cost))
    return terms


def _involvement_terms(model: Model, m: Masukan) -> Terms:
    return [
        (var, m.pegawai[nip].involvement_cost)
        for nip, var in model.v.items()
        if m.pegawai[nip].involvement_cost
    ]


def add_budget(model: Model, m: Masukan) -> None:
    """Budget: budget lines + personnel cost ≤ pagu, per RO, per Kegiatan and for the unit.

    Personnel cost of an activity is charged to the RO holding most of its budget lines
    (and that RO's Kegiatan); involvement costs count against the unit's pagu only.
    Rows are in juta rupiah.
    """
    if m.pagu_unit is None:
        return
    per_activity = _cost_terms(model, m)
    per_key: dict[tuple[str, str, str | None, str | None], Terms] = defaultdict(list)
    for code, keys in m.pembebanan.items():
        for key in keys:
            per_key[key].extend(per_activity.get(code, []))
    for i, (key, pagu) in enumerate(m.pagu.items()):
        terms = per_key.get(key, [])
        if not terms:
            continue
        fixed = m.beban_kegiatan_rka.get(key, 0.0)
        s = _slack(model, "anggaran", tuple(k or "" for k in key), "juta", -1.0)
        row = [(v, c * RP) for v, c in terms]
        _row(model, [*row, *s], LE, (pagu - fixed) * RP, f"anggaran_{i}")
        _count(model, "anggaran")
    everything = [t for terms in per_activity.values() for t in terms]
    everything += _involvement_terms(model, m)
    if everything:
        s = _slack(model, "anggaran_unit", ("unit",), "juta", -1.0)
        row = [(v, c * RP) for v, c in everything]
        _row(model, [*row, *s], LE, (m.pagu_unit - m.belanja_total) * RP, "anggaran_unit")
        _count(model, "anggaran_unit")


def add_pins(model: Model, m: Masukan) -> None:
    """Pins from the dialog kinerja: Ketua, member, fixed hours.

    Forbids are applied by leaving the variables out (see
    :func:`~sistemkerja.optimasi.masukan.build_masukan`).
    """
    for i, key in enumerate(sorted(m.pin_anggota)):
        if key in model.y:
            s = _slack(model, "penetapan", key, "orang", 1.0)
            _row(model, [(model.y[key], 1.0), *s], EQ, 1.0, f"pin_anggota_{i}")
            _count(model, "penetapan")
    for i, key in enumerate(sorted(m.pin_ketua)):
        if key in model.z:
            s = _slack(model, "penetapan", ("ketua", *key), "orang", 1.0)
            _row(model, [(model.z[key], 1.0), *s], EQ, 1.0, f"pin_ketua_{i}")
            _count(model, "penetapan")
    lines = m.baris_by_index
    for i, ((nip, code), hours) in enumerate(sorted(m.pin_jam.items())):
        terms = [
            (var, m.jam[(p, r)])
            for (p, r), var in model.f.items()
            if p == nip and lines[r].kegiatan.code == code
        ]
        if (nip, code) in model.u:
            terms.append((model.u[(nip, code)], _individual_hours(m, nip, code)))
        s_up = _slack(model, "penetapan", ("jam+", nip, code), "jam", -1.0)
        s_down = _slack(model, "penetapan", ("jam-", nip, code), "jam", 1.0)
        _row(model, [*terms, *s_up, *s_down], EQ, hours, f"pin_jam_{i}")
        _count(model, "penetapan")


def add_objective(model: Model, m: Masukan) -> None:
    """Weighted objective; components kept apart in their own units.

    ``ej_maks ≥ jam[p] / capacity[p]`` for the unit's own staff; deviation from the
    policy band ``[ej_min, ej_max]`` averaged over the unit's staff who can work;
    cost in Rp; people from outside; memberships.
    """
    k = m.plan.kebijakan
    ej_max = _var(model, "ej_maks")
    own = [
        nip
        for nip in m.pegawai
        if m.asal[nip] is Asal.UNIT and m.kapasitas[nip] > 0 and model.hours[nip]
    ]
    dev_terms: Terms = []
    by_jabatan: dict[str, int] = {}
    for i, nip in enumerate(own):
        p = m.pegawai[nip]
        scale = 1.0 / m.kapasitas[nip]
        # ej = (Σ hours + committed) / capacity, as terms and a constant
        ej_terms = [(var, coef * scale) for var, coef in model.hours[nip]]
        ej_const = p.committed_hours * scale
        neg = [(var, -c) for var, c in ej_terms]
        _row(model, [(ej_max, 1.0), *neg], GE, ej_const, f"ej_maks_{i}")
        _count(model, "ej_maks")
        if k.bobot_ej_jabatan > 0:
            if p.jabatan not in by_jabatan:
                by_jabatan[p.jabatan] = _var(model, f"ej_jabatan_{len(by_jabatan)}")
            _row(model, [(by_jabatan[p.jabatan], 1.0), *neg], GE, ej_const, f"ej_jabatan_{i}")
            _count(model, "ej_jabatan")
        if k.bobot_deviasi > 0:
            lo = _var(model, f"dev_bawah_{i}")
            hi = _var(model, f"dev_atas_{i}")
            _row(model, [(lo, 1.0), *ej_terms], GE, k.ej_min - ej_const, f"dev_bawah_{i}")
            _row(model, [(hi, 1.0), *neg], GE, ej_const - k.ej_max, f"dev_atas_{i}")
            _count(model, "deviasi", 2)
            dev_terms += [(lo, 1.0 / len(own)), (hi, 1.0 / len(own))]
    cost = [t for terms in _cost_terms(model, m).values() for t in terms]
    model.components = {
        "ej_maks": [(ej_max, 1.0)],
        "ej_jabatan": [(var, 1.0 / len(by_jabatan)) for var in by_jabatan.values()],
        "deviasi": dev_terms,
        "biaya": cost + _involvement_terms(model, m),
        "lintas": [(var, 1.0) for var in model.v.values()],
        "keanggotaan": [(var, 1.0) for var in model.y.values()],
    }
    model.weights = {
        "ej_maks": k.bobot_ej_maks,
        "ej_jabatan": k.bobot_ej_jabatan,
        "deviasi": k.bobot_deviasi,
        "biaya": k.bobot_biaya * RP,
        "lintas": k.bobot_lintas,
        "keanggotaan": k.bobot_keanggotaan,
    }
    scale = 1e-3 if model.elastic else 1.0
    objective: dict[int, float] = defaultdict(float)
    for name, terms in model.components.items():
        weight = model.weights[name] * scale
        if weight:
            for col, coef in terms:
                objective[col] += weight * coef
    for key, (col, unit) in model.slack.items():
        objective[col] += PENALTY[unit] * FAMILY_WEIGHT.get(key[0], 1.0)
    model.objective = list(objective.items())


# ---- solving --------------------------------------------------------------------------


@dataclass(slots=True)
class SolveOutcome:
    """What a solver run produced, read from the solver itself.

    Attributes
    ----------
    status : Status
        ``optimal`` (proven), ``feasible`` (a solution, optimality not proven),
        ``infeasible`` (proven), ``no_solution`` (stopped without any solution).
    objective : float or None
        Objective of the returned solution.
    bound : float or None
        Best proven lower bound.
    gap : float or None
        Relative gap ``(objective − bound) / max(|objective|, 1e-9)``.
    solve_seconds : float
        Wall-clock seconds in the solver.
    solver : str
        ``"highs"`` or ``"cbc"``.
    message : str
        Solver status in the solver's own words.
    x : numpy.ndarray or None
        Value of every column of the model (``None`` without a solution).
    """

    status: Status
    objective: float | None
    bound: float | None
    gap: float | None
    solve_seconds: float
    solver: str
    message: str
    x: np.ndarray | None = None


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
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


def _start_values(model: Model, start: Awal | None) -> dict[int, float]:
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
class _Loaded:
    """A model handed to highspy: the solver object and the column bookkeeping."""

    h: Any
    n: int
    """Number of columns."""
    integer: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    rows: tuple[np.ndarray, ...]
    hard: float | None = None
    """``time.perf_counter()`` by which every run must have stopped (watchdog)."""
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


def _load_highs(model: Model, threads: int | None, msg: bool) -> _Loaded:
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
    with _quiet_stdout():
        h = highspy.Highs()
    h.setOptionValue("output_flag", bool(msg))
    if threads:
        h.setOptionValue("threads", int(threads))
    h.addCols(n, cost, lower, upper, 0, np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0))
    h.addRows(len(row_lo), row_lo, row_hi, len(cols), starts, cols, vals)
    integer = np.flatnonzero(np.asarray(columns.integer, dtype=bool)).astype(np.int32)
    rows = (starts, cols, vals, row_lo, row_hi)
    return _Loaded(h, n, integer, lower, upper, rows, cost=cost)


def _run(h: Any, time_limit: float, *, lp: bool = False, hard: float | None = None) -> None:
    """Run HiGHS for at most ``time_limit`` more seconds, under the wall-clock watchdog.

    Measured with highspy 1.16: an LP run compares ``time_limit`` with the run time the
    object has accumulated over all its runs (a second LP run with a 4 s limit after a
    10 s one stopped at once), a MIP run with its own time. So LP runs get the
    accumulated time added.
    """
    limit = max(0.01, float(time_limit))
    h.setOptionValue("time_limit", limit + (h.getRunTime() if lp else 0.0))
    h.HandleUserInterrupt = True  # lets the watchdog's cancelSolve stop the solver
    grace = limit + WATCHDOG_GRACE
    if hard is not None:  # the whole solve's promise: limit + grace, however many runs
        grace = max(0.0, min(grace, hard - time.perf_counter()))
    watchdog = threading.Timer(grace, h.cancelSolve)
    watchdog.daemon = True
    watchdog.start()
    try:
        h.run()
    finally:
        watchdog.cancel()


@contextlib.contextmanager
def _held(loaded: _Loaded, cols: np.ndarray, values: np.ndarray) -> Iterator[None]:
    """Fix columns ``cols`` at ``values`` while inside, then restore their own bounds."""
    loaded.h.changeColsBounds(len(cols), cols, values, values)
    try:
        yield
    finally:
        loaded.h.changeColsBounds(len(cols), cols, loaded.lower[cols], loaded.upper[cols])


def _search_near(
    loaded: _Loaded, x: np.ndarray, objective: float, held: np.ndarray, seconds: float
) -> tuple[np.ndarray, float] | None:
    """Solve the MIP with columns ``held`` fixed at ``x``, starting from ``x``.

    Integrality must already be set. Returns a better allocation that keeps every row
    within ``START_TOLERANCE`` and its objective, or ``None``.
    """
    h = loaded.h
    every = np.arange(loaded.n, dtype=np.int32)
    with _held(loaded, held, x[held]):
        h.setSolution(len(every), every, x)
        _run(h, seconds, hard=loaded.hard)
        info = h.getInfo()
        if info.primal_solution_status != 2:
            return None
        candidate = np.asarray(h.getSolution().col_value).copy()
        value = loaded.objective(candidate)
    if value >= objective - 1e-9 or loaded.violation(candidate) > START_TOLERANCE:
        return None
    return candidate, value


@dataclass(slots=True)
class _Relaxed:
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


def _guide(model: Model, m: Masukan, x: np.ndarray) -> dict[tuple[str, str], float]:
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
            guide[(nip, code)] += share * _individual_hours(m, nip, code)
    return dict(guide)


@contextlib.contextmanager
def _interior_point(loaded: _Loaded) -> Iterator[None]:
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


def _relax_and_fix(model: Model, loaded: _Loaded, deadline: float) -> _Relaxed:
    """LP relaxation, then memberships chosen from it and the hours re-optimised.

    1. Solve the LP relaxation: its optimum is a valid lower bound of the MIP, and an
       infeasible relaxation proves the plan infeasible.
    2. Choose memberships, Ketua Tim and individual carriers by the greedy rules, taking
       people in the order of their hours in the relaxation (:func:`greedy` with a guide).
    3. Fit the hours to that choice (:func:`_allocate`). The result keeps every rule; it
       is the MIP's start and the answer if the solver finds nothing better in time
       (branch-and-bound alone finds no allocation in 30 s for 400 staff).
    """
    import highspy

    h = loaded.h
    with _interior_point(loaded):
        _run(h, deadline - time.perf_counter(), lp=True, hard=loaded.hard)
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kInfeasible:
        return _Relaxed("infeasible")
    if status != highspy.HighsModelStatus.kOptimal:
        return _Relaxed("stopped")
    relaxation = np.asarray(h.getSolution().col_value).copy()
    bound = loaded.objective(relaxation)
    m = model.masukan
    if m is None:
        return _Relaxed("optimal", bound)
    chosen = greedy(m, _guide(model, m, relaxation))
    found = _allocate(model, loaded, chosen, deadline)
    if found is None:
        return _Relaxed("optimal", bound, relaxation=relaxation)
    return _Relaxed("optimal", bound, found[0], found[1], relaxation)


def _from_greedy(
    model: Model, loaded: _Loaded, start: Awal, relaxed: _Relaxed, deadline: float
) -> _Relaxed:
    """Fit the hours to the plain greedy memberships, when the relaxation gave no allocation.

    The relaxation of a 1,000-staff plan does not finish in half of a 30 s limit; this
    still gives such plans an allocation that keeps every rule (its gap unknown unless
    the relaxation finished).
    """
    chosen = Awal(dict(start.f), dict(start.u), set(start.y), set(start.z))
    found = _allocate(model, loaded, chosen, deadline)
    if found is None:
        return relaxed
    # No relaxation kept: the allocation came from the greedy (messages say so).
    return _Relaxed(relaxed.status, relaxed.bound, found[0], found[1], None)


def _allocate(
    model: Model, loaded: _Loaded, chosen: Awal, deadline: float
) -> tuple[np.ndarray, float] | None:
    """Fix the memberships, Ketua and carriers of ``chosen`` and solve the LP for the hours.

    When the hours cannot fit the choice, it is repaired first (:func:`_repair`); then
    members are added where the busiest people work while that helps (:func:`_relieve`).
    ``chosen`` is updated in place. Returns column values and objective, or ``None``.
    """
    m = model.masukan
    assert m is not None
    with _interior_point(loaded):
        found = _solve_fixed(model, loaded, chosen, deadline)
        if found is None and _repair(m, chosen, loaded, deadline):
            found = _solve_fixed(model, loaded, chosen, deadline)
        if found is None:
            return None
        return _relieve(model, loaded, m, chosen, found, deadline)


REPAIR_ROUNDS = 4
"""Most rounds of :func:`_repair`."""
_REPAIRABLE = ("kapasitas", "kapasitas_bulanan", "kontribusi_minimal")


def _repair(m: Masukan, chosen: Awal, loaded: _Loaded, deadline: float) -> bool:
    """Add members until the hours fit a membership choice; return whether they do.

    The greedy choice can leave a team whose members lack the hours for its lines
    (measured on a 400-staff plan: three people over capacity by 15–26 jam, one member
    5 jam short of the minimum contribution). The elastic model (every rule with a
    penalised slack) is solved with the choice fixed; every team where people over
    capacity or short of their minimum work, and the team of every line left uncovered,
    gets a helper (:func:`_add_helpers`), and again, for at most ``REPAIR_ROUNDS``.
    A broken membership rule (size, teams per person, Ketua, people needed) is not
    repaired here.
    """
    if time.perf_counter() >= deadline:
        return False
    elastic = build_model(m, elastic=True)
    diagnosis = _load_highs(elastic, None, False)
    diagnosis.hard = loaded.hard
    with _interior_point(diagnosis):
        for _ in range(REPAIR_ROUNDS):
            if time.perf_counter() >= deadline:
                return False
            found = _solve_fixed(elastic, diagnosis, chosen, deadline)
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
            ej = _load_ratios(elastic, m, x)
            if not _add_helpers(elastic, m, chosen, x, busy, ej, lines):
                return False
    return True  # the last round's helpers are checked by the caller's fixed LP


def _solve_fixed(
    model: Model, loaded: _Loaded, chosen: Awal, deadline: float
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
    with _held(loaded, cols, vals):
        _run(h, deadline - time.perf_counter(), lp=True, hard=loaded.hard)
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        x = np.asarray(h.getSolution().col_value).copy()
    x[cols] = vals  # exact 0/1 for the fixed columns
    objective = loaded.objective(x)
    if loaded.violation(x) > START_TOLERANCE:
        return None
    return x, objective


RELIEF_ROUNDS = 8
"""Most rounds of :func:`_relieve`."""


def _load_ratios(model: Model, m: Masukan, x: np.ndarray) -> dict[str, float]:
    """EJ of the people the objective's EJ rows cover (own staff with work) at ``x``."""
    ratios: dict[str, float] = {}
    for nip, expr in model.hours.items():
        if m.kapasitas[nip] > 0 and m.asal[nip] is Asal.UNIT and len(expr):
            hours = sum(c * x[col] for col, c in expr)
            ratios[nip] = (hours + m.pegawai[nip].committed_hours) / m.kapasitas[nip]
    return ratios


def _relieve(
    model: Model,
    loaded: _Loaded,
    m: Masukan,
    chosen: Awal,
    found: tuple[np.ndarray, float],
    deadline: float,
) -> tuple[np.ndarray, float]:
    """Give the busiest people's teams one more member each while the objective improves.

    With memberships fixed, the highest EJ is often set by a team with one member of the
    jabatan its work needs. Each round adds, to every team where the people at the
    highest EJ work, the person with the lowest EJ who is eligible for one of those
    lines and may still join (:func:`_add_helpers`), then solves the hours again;
    a round that does not lower the objective is undone and ends the search.
    """
    x, objective = found
    for _ in range(RELIEF_ROUNDS):
        if time.perf_counter() >= deadline:
            break
        ej = _load_ratios(model, m, x)
        if not ej:
            break
        top = max(ej.values())
        busy = {nip for nip, e in ej.items() if e >= top - 1e-6}
        added = _add_helpers(model, m, chosen, x, busy, ej)
        if not added:
            break
        trial = _solve_fixed(model, loaded, chosen, deadline)
        if trial is None or trial[1] >= objective - 1e-9:
            chosen.y.difference_update(added)
            break
        x, objective = trial
    return x, objective


def _add_helpers(
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
    limit = m.plan.kebijakan.max_tim_per_pegawai
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
            if (nip, t) not in chosen.y and teams_of[nip] < limit and nip not in busy
        ]
        if options:
            best = min(options, key=lambda n: (m.asal[n] is not Asal.UNIT, ej.get(n, 0.0)))
            added.append((best, t))
            teams_of[best] += 1
            size[t] += 1
    chosen.y.update(added)
    return added


def _prune(model: Model, loaded: _Loaded, relaxed: _Relaxed, deadline: float) -> _Relaxed:
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
    held = np.array(closed, dtype=np.int32)
    found = _search_near(loaded, start, relaxed.objective, held, deadline - time.perf_counter())
    if found is None:
        return relaxed
    return _Relaxed(relaxed.status, relaxed.bound, found[0], found[1], relaxed.relaxation)


LNS_TEAM_SECONDS = 2.0
"""Most seconds for re-choosing one team's members in :func:`_improve_by_team`."""


def _improve_by_team(model: Model, loaded: _Loaded, relaxed: _Relaxed, deadline: float) -> _Relaxed:
    """Re-choose the members and Ketua of one team at a time, the rest held (LNS).

    Teams where the busiest people work come first. Each step is a small MIP (that
    team's memberships free, every other integer fixed at the current allocation) with
    the current allocation as its start; a better allocation that keeps every row is
    kept. Measured on 400 staff: 23,33 → 23,15 in 20 s (≈1,2 s per team).
    """
    m = model.masukan
    assert relaxed.start is not None and relaxed.objective is not None and m is not None
    x, objective = relaxed.start, relaxed.objective
    free_of: dict[str, set[int]] = defaultdict(set)
    for family in (model.y, model.z):
        for (_nip, t), col in family.items():
            free_of[t].add(col)
    ej = _load_ratios(model, m, x)
    busiest: dict[str, float] = defaultdict(float)
    for (nip, t), col in model.y.items():
        if x[col] > 0.5:
            busiest[t] = max(busiest[t], ej.get(nip, 0.0))
    for t in sorted(free_of, key=lambda t: -busiest[t]):
        left = deadline - time.perf_counter()
        if left < 0.1:
            break
        held = np.array([c for c in loaded.integer if c not in free_of[t]], dtype=np.int32)
        found = _search_near(loaded, x, objective, held, min(LNS_TEAM_SECONDS, left))
        if found is not None:
            x, objective = found
    return _Relaxed(relaxed.status, relaxed.bound, x, objective, relaxed.relaxation)


START_TOLERANCE = 1e-6
"""Largest row or bound violation of an allocation built from the relaxation (HiGHS's
own MIP feasibility tolerance)."""
RELAX_SHARE = 0.5
"""Largest share of the time limit for the LP relaxation and the allocation built from it."""
RELAX_INFEASIBLE = "relaksasi LP tidak layak"
"""Solver message when the LP relaxation alone proves the plan infeasible."""
RELAX_STOPPED = "relaksasi LP belum selesai dalam batas waktu; cabang-dan-batas dilewati"
"""Solver message when the LP relaxation did not finish in its share of the time."""
PRUNE_SHARE = 0.3
"""Largest share of the remaining time for dropping memberships from that allocation."""
LNS_SHARE = 0.5
"""Share of the time left after pruning for re-choosing teams one at a time."""


FALLBACK_SHARE = 0.8
"""Share of the time limit by which the greedy fallback (:func:`_from_greedy`) must end."""


def _first_allocation(
    model: Model, loaded: _Loaded, start: Awal, began: float, time_limit: float
) -> _Relaxed:
    """Solve the relaxation and build an allocation from it, else from the plain greedy."""
    relaxed = _relax_and_fix(model, loaded, began + RELAX_SHARE * time_limit)
    if relaxed.status == "infeasible" or relaxed.start is not None:
        return relaxed
    return _from_greedy(model, loaded, start, relaxed, began + FALLBACK_SHARE * time_limit)


def _from_relaxation(
    relaxed: _Relaxed, loaded: _Loaded, seconds: float, solver: str, message: str
) -> SolveOutcome:
    """Return the allocation built from the relaxation, when the solver found none."""
    assert relaxed.start is not None and relaxed.objective is not None
    objective, bound = relaxed.objective, relaxed.bound
    source = "relaksasi LP" if relaxed.relaxation is not None else "penugasan awal (greedy)"
    message = f"{message}; alokasi dibangun dari {source}"
    gap = _relative_gap(objective, bound)
    return SolveOutcome("feasible", objective, bound, gap, seconds, solver, message, relaxed.start)


def _better_bound(bound: float | None, relaxed: _Relaxed) -> float | None:
    """Return the larger of a solver's bound and the relaxation's (both valid)."""
    if relaxed.bound is None:
        return bound
    if bound is None or not math.isfinite(bound):
        return relaxed.bound
    return max(bound, relaxed.bound)


def _solve_highs(
    model: Model, time_limit: float, threads: int | None, gap: float, msg: bool, start: Awal | None
) -> SolveOutcome:
    import highspy

    began = time.perf_counter()
    loaded = _load_highs(model, threads, msg)
    loaded.hard = began + time_limit + WATCHDOG_GRACE
    h, integer = loaded.h, loaded.integer
    h.setOptionValue("mip_rel_gap", float(gap))
    mip = len(integer) > 0
    relaxed = _Relaxed("stopped")
    if mip and start is not None:
        relaxed = _first_allocation(model, loaded, start, began, time_limit)
        if relaxed.status == "infeasible":
            seconds = time.perf_counter() - began
            return SolveOutcome("infeasible", None, None, None, seconds, "highs", RELAX_INFEASIBLE)
    if mip and start is not None and relaxed.status == "stopped":
        # Branch-and-bound starts by solving this same LP: it cannot finish in the time
        # left, and HiGHS stopped 7 s late when cancelled in its root LP (1,000 staff).
        seconds = time.perf_counter() - began
        if relaxed.start is not None:
            return _from_relaxation(relaxed, loaded, seconds, "highs", RELAX_STOPPED)
        return SolveOutcome("no_solution", None, None, None, seconds, "highs", RELAX_STOPPED)
    if mip:
        loaded.make_integer()
    if relaxed.start is not None:
        now = time.perf_counter()
        relaxed = _prune(model, loaded, relaxed, now + PRUNE_SHARE * (began + time_limit - now))
        now = time.perf_counter()
        deadline = now + LNS_SHARE * (began + time_limit - now)
        relaxed = _improve_by_team(model, loaded, relaxed, deadline)
        every = np.arange(loaded.n, dtype=np.int32)
        h.setSolution(len(every), every, relaxed.start)
    else:
        values = _start_values(model, start)
        if values:
            # Variables not set by the warm start are filled in by HiGHS.
            idx = np.fromiter(values, dtype=np.int32, count=len(values))
            h.setSolution(len(idx), idx, np.array(list(values.values()), dtype=np.float64))
    _run(h, began + time_limit - time.perf_counter(), hard=loaded.hard)
    seconds = time.perf_counter() - began
    status = h.getModelStatus()
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2
    s = highspy.HighsModelStatus
    if status == s.kOptimal:
        verdict: Status = "optimal"
    elif status in (s.kInfeasible, s.kUnboundedOrInfeasible):
        verdict = "infeasible"
    else:
        verdict = "feasible" if has_solution else "no_solution"
    message = h.modelStatusToString(status)
    if verdict == "no_solution" and relaxed.start is not None:
        # Branch-and-bound found nothing in time; the allocation built from the LP
        # relaxation keeps every rule and is returned with its gap.
        outcome = _from_relaxation(relaxed, loaded, seconds, "highs", message)
        mip_bound = _consistent(float(info.mip_dual_bound), outcome.objective)
        outcome.bound = _better_bound(mip_bound, relaxed)
        outcome.gap = _relative_gap(outcome.objective or 0.0, outcome.bound)
        return outcome
    if verdict in ("infeasible", "no_solution"):
        return SolveOutcome(verdict, None, None, None, seconds, "highs", message)
    col_value = np.asarray(h.getSolution().col_value)
    objective = loaded.objective(col_value)
    mip_bound = _consistent(float(info.mip_dual_bound), objective) if mip else objective
    bound = _better_bound(mip_bound, relaxed)
    if not mip or bound is None or not math.isfinite(bound):
        bound = objective if verdict == "optimal" else bound
    rel = _relative_gap(objective, bound)
    final = _proven(verdict, rel)
    if final != verdict:
        message = f"{message} dalam celah yang diminta {format_angka(gap * 100, 2)} %"
    return SolveOutcome(final, objective, bound, rel, seconds, "highs", message, col_value.copy())


def _consistent(bound: float, objective: float | None) -> float | None:
    """Return the solver's dual bound, or ``None`` when it exceeds the objective it proves.

    A lower bound above a feasible solution's objective is impossible; such a bound is not
    reported (the relaxation's, computed separately, still is).
    """
    if objective is None or not math.isfinite(bound):
        return bound
    if bound > objective + 1e-6 * max(1.0, abs(objective)):
        return None
    return bound


def _proven(verdict: Status, gap: float | None) -> Status:
    """Call a solution optimal only when its gap is within ``OPTIMAL_GAP``.

    A solver that stops because a looser requested gap was reached says "optimal"; the
    result then says "feasible" and reports the gap it proved.
    """
    if verdict == "optimal" and (gap is None or gap > OPTIMAL_GAP):
        return "feasible"
    return verdict


def _relative_gap(objective: float, bound: float | None) -> float | None:
    if bound is None or not math.isfinite(bound):
        return None
    return max(0.0, objective - bound) / max(abs(objective), 1e-9)


def cbc_path() -> str | None:
    """Path of the CBC binary (from the ``cbcbox`` package), or ``None``."""
    try:
        import cbcbox
    except ImportError:
        return None
    path = cbcbox.cbc_bin_path()
    return path if path and os.access(path, os.X_OK) else None


_CBC_OBJECTIVE = re.compile(r"Objective value:\s+(-?[\d.eE+-]+)")
_CBC_BOUND = re.compile(r"(?:Lower bound|Upper bound):\s+(-?[\d.eE+-]+)")


def _solve_cbc(
    model: Model, time_limit: float, threads: int | None, gap: float, msg: bool, start: Awal | None
) -> SolveOutcome:
    path = cbc_path()
    if path is None:
        raise RuntimeError("CBC tidak tersedia: pasang paket 'cbcbox'")
    began = time.perf_counter()
    solver = pulp.COIN_CMD(path=path, msg=False)
    prob, variables = model.as_pulp()
    relaxed, loaded = _Relaxed("stopped"), None
    if start is not None and (model.y or model.u):
        # The same LP-guided start as for HiGHS (the LPs solved by highspy), so large
        # plans get an allocation from either solver.
        loaded = _load_highs(model, threads, False)
        loaded.hard = began + time_limit + WATCHDOG_GRACE
        relaxed = _first_allocation(model, loaded, start, began, time_limit)
        if relaxed.status == "infeasible":
            seconds = time.perf_counter() - began
            return SolveOutcome("infeasible", None, None, None, seconds, "cbc", RELAX_INFEASIBLE)
        if relaxed.status == "stopped":  # as for HiGHS: CBC's root LP would not finish
            seconds = time.perf_counter() - began
            if relaxed.start is not None:
                return _from_relaxation(relaxed, loaded, seconds, "cbc", RELAX_STOPPED)
            return SolveOutcome("no_solution", None, None, None, seconds, "cbc", RELAX_STOPPED)

    def nothing(status: Status, message: str) -> SolveOutcome:
        seconds = time.perf_counter() - began
        if status == "no_solution" and relaxed.start is not None and loaded is not None:
            return _from_relaxation(relaxed, loaded, seconds, "cbc", message)
        return SolveOutcome(status, None, None, None, seconds, "cbc", message)

    with tempfile.TemporaryDirectory(prefix="sistemkerja-cbc-") as tmp:
        mps, sol, mst = (str(Path(tmp) / name) for name in ("m.mps", "m.sol", "m.mst"))
        vs, variable_names, constraint_names, _ = prob.writeMPS(mps, rename=1)
        args = [path, mps, "-ratio", f"{gap:g}"]
        if threads:
            args += ["-threads", str(threads)]
        if relaxed.start is not None and loaded is not None:
            values = {col: float(v) for col, v in enumerate(relaxed.start)}
        else:
            values = _start_values(model, start)
        if values:
            for col, initial in values.items():
                variables[col].setInitialValue(initial)
            solver.writesol(mst, prob, vs, variable_names, constraint_names)
            args += ["-mips", mst]
        # Writing the MPS file counts against the limit (≈10 s at 1.000 staff).
        remaining = time_limit - (time.perf_counter() - began)
        if remaining < 1.0:
            return nothing("no_solution", "batas waktu habis sebelum CBC mulai")
        args += ["-sec", f"{remaining:g}", "-solve", "-printingOptions", "all", "-solution", sol]
        stop = began + time_limit + WATCHDOG_GRACE - READ_MARGIN
        try:
            run = subprocess.run(
                args,
                capture_output=True,
                text=True,
                # killed so that the whole call, reading included, ends by limit + grace
                timeout=max(0.1, stop - time.perf_counter()),
                check=False,
                stdin=subprocess.DEVNULL,
            )
            log = run.stdout
        except subprocess.TimeoutExpired:
            seconds = time.perf_counter() - began
            return nothing(
                "no_solution",
                f"CBC dihentikan paksa setelah {seconds:.0f} detik (melewati batas waktu)",
            )
        if msg:
            print(log)
        if not os.path.exists(sol):
            return nothing("no_solution", log[-500:])
        status_line = Path(sol).read_text().splitlines()[0] if Path(sol).stat().st_size else ""
        _, raw, *_ = solver.readsol_MPS(sol, prob, vs, variable_names, constraint_names)
    seconds = time.perf_counter() - began
    first = status_line.lower()
    if "no integer solution" in first or "no feasible" in first:
        return nothing("no_solution", status_line)
    if "infeasible" in first and "stopped" not in first:
        return nothing("infeasible", status_line)
    if first.startswith("optimal"):
        verdict: Status = "optimal"
    elif "stopped" in first and "objective value" in first:
        verdict = "feasible"
    else:
        return nothing("no_solution", status_line)
    x = np.array([float(raw.get(var.name, 0.0)) for var in variables])
    objective = value(model.objective, x)
    bound: float | None = objective
    if verdict == "feasible":
        found = _CBC_BOUND.findall(log)
        bound = _better_bound(float(found[-1]) if found else None, relaxed)
    rel = _relative_gap(objective, bound)
    final = _proven(verdict, rel)
    if final != verdict:
        status_line = f"{status_line} (dalam celah yang diminta {format_angka(gap * 100, 2)} %)"
    return SolveOutcome(final, objective, bound, rel, seconds, "cbc", status_line, x)


def solve_model(
    model: Model,
    *,
    solver: SolverName = "highs",
    time_limit: float = 60.0,
    threads: int | None = None,
    gap: float = 1e-4,
    msg: bool = False,
    start: Awal | None = None,
) -> SolveOutcome:
    """Solve a built model and read the solver's own verdict.

    Parameters
    ----------
    model : Model
        Built model.
    solver : {"highs", "cbc"}
        HiGHS through highspy (default) or CBC (``cbcbox``).
    time_limit : float
        Wall-clock limit in seconds; enforced by a watchdog even if the solver
        overruns its own limit.
    threads : int, optional
        Solver threads.
    gap : float
        Relative optimality gap at which to stop (set explicitly for both solvers).
    msg : bool
        Show the solver log.
    start : Awal, optional
        Greedy warm start. When given (and the model has integers), the solve first
        builds an allocation from the LP relaxation (:func:`_relax_and_fix`) and, on
        HiGHS, prunes and improves it team by team; the greedy start is the fallback.

    Returns
    -------
    SolveOutcome
        Status, objective, bound, gap, seconds and variable values.
    """
    if solver == "highs":
        return _solve_highs(model, time_limit, threads, gap, msg, start)
    if solver == "cbc":
        return _solve_cbc(model, time_limit, threads, gap, msg, start)
    raise ValueError(f"solver '{solver}' tidak dikenal; pilih 'highs' atau 'cbc'")


def value(terms: Terms, x: np.ndarray) -> float:
    """Evaluate terms (column, coefficient) at the column values ``x``."""
    return float(sum(coef * x[col] for col, coef in terms))


def available_solvers() -> list[str]:
    """Solvers usable here: ``highs`` always (highspy is a dependency), ``cbc`` if found."""
    found = ["highs"]
    if cbc_path() is not None:
        found.append("cbc")
    return found
