"""The model container: columns, rows and objective as arrays (the only module importing PuLP).

The pipeline of the optimiser, one module per step:

* :mod:`~sistemkerja.optimasi.model` (here) — the container :class:`Model`, the row and
  column primitives, :func:`build_model`, and the PuLP form of the model (:attr:`Model.prob`,
  used for CBC's MPS file);
* :mod:`~sistemkerja.optimasi.kendala` — one function per constraint family;
* :mod:`~sistemkerja.optimasi.tujuan` — the objective;
* :mod:`~sistemkerja.optimasi.heuristik` — relaxation-guided allocation, repair, pruning,
  search team by team;
* :mod:`~sistemkerja.optimasi.solver` — the HiGHS and CBC back-ends;
* :mod:`~sistemkerja.optimasi.penjelasan` — why an infeasible plan cannot be met.

Notation (all per the plan's Kebijakan):

* ``f[p, r]`` ∈ [0, 1] — fraction of team effort line ``r`` done by person ``p``;
* ``u[p, a]`` ∈ {0, 1} — person ``p`` carries individual activity ``a`` whole;
* ``y[p, t]`` ∈ {0, 1} — ``p`` is a member of team ``t``; ``z[p, t]`` — ``p`` leads ``t``;
* ``v[p]`` ∈ {0, 1} — a person from another unit or agency is involved;
* ``H[p, r]`` — hours ``p`` needs for the whole of ``r`` (jam); ``C[p, r]`` cost (Rp);
* ``jam[p] = Σ_r H f + Σ_a H u + jam_ketua Σ_t z`` — hours assigned (jam).
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
import pulp

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.optimasi.masukan import Masukan

_K = TypeVar("_K")
RP = 1e-6
"""Rupiah to juta rupiah: budget rows and cost terms are scaled to keep numbers tame."""
LE, GE, EQ = pulp.LpConstraintLE, pulp.LpConstraintGE, pulp.LpConstraintEQ

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
        (Rp), ``lintas`` (orang), ``keanggotaan`` (count); with an ``acuan``,
        ``perubahan`` (count of (person, team) pairs changed).
    constants : dict of str to float
        Constant part of a component, left out of its terms and of the solver's
        objective (``perubahan``: the number of pairs in the acuan).
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
    constants: dict[str, float] = field(default_factory=dict)
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
    def offset(self) -> float:
        """Constant left out of :attr:`objective`: Σ weight × constant (objective units)."""
        return sum(self.weights.get(name, 0.0) * c for name, c in self.constants.items())

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


def build_model(
    m: Masukan,
    *,
    elastic: bool = False,
    bobot: dict[str, float] | None = None,
    ej_maks_paling: float | None = None,
    acuan: Alokasi | None = None,
) -> Model:
    """Build the allocation model: variables, constraint families, objective.

    Parameters
    ----------
    m : Masukan
        Model input.
    elastic : bool
        Give every hard family a penalised slack and minimise the violations first
        (used to explain infeasible plans).
    bobot : dict of str to float, optional
        Weights replacing the Kebijakan's (keys of ``COMPONENT_UNITS``, per unit of each
        component; cost per Rp); used by the first stage of ``prioritas="pemerataan"``.
    ej_maks_paling : float, optional
        Upper bound on the highest EJ of the unit's staff (EJ); the second stage of
        ``prioritas="pemerataan"``.
    acuan : Alokasi, optional
        Reference allocation: the objective gets the component ``perubahan`` (changes
        from it; see :func:`~sistemkerja.optimasi.tujuan.add_perubahan`).

    Returns
    -------
    Model
        The model, not yet solved.
    """
    from sistemkerja.optimasi import kendala, tujuan

    start = time.perf_counter()
    model = Model(elastic=elastic, masukan=m)
    add_variables(model, m)
    kendala.add_hours(model, m)
    kendala.add_cover(model, m)
    kendala.add_individual_carrier(model, m)
    kendala.add_capacity(model, m)
    if m.plan.kebijakan.kapasitas_bulanan:
        kendala.add_monthly_capacity(model, m)
    kendala.add_membership_link(model, m)
    kendala.add_min_contribution(model, m)
    kendala.add_leader(model, m)
    kendala.add_max_teams(model, m)
    kendala.add_team_size(model, m)
    kendala.add_people_needed(model, m)
    kendala.add_involvement(model, m)
    kendala.add_budget(model, m)
    kendala.add_pins(model, m)
    tujuan.add_objective(model, m, bobot=bobot, ej_maks_paling=ej_maks_paling, acuan=acuan)
    model.build_seconds = time.perf_counter() - start
    return model


def count(model: Model, family: str, n: int = 1) -> None:
    """Add ``n`` rows to the tally of ``family``."""
    model.families[family] = model.families.get(family, 0) + n


def var(
    model: Model, name: str, *, upper: float = math.inf, binary: bool = False, integer: bool = False
) -> int:
    """Create a variable (lower bound 0; binary: upper bound 1) and return its column."""
    return model.columns.add(name, 1.0 if binary else upper, binary or integer)


def row(model: Model, terms: Terms, sense: int, rhs: float, name: str) -> None:
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


def slack(model: Model, family: str, keys: tuple[str, ...], unit: str, coef: float) -> Terms:
    """Elastic mode: a fresh non-negative slack as a term ``(slack, coef)``; else none."""
    if not model.elastic:
        return []
    col = var(model, f"s_{family}_{len(model.columns)}")  # a unique name per column
    assert (family, *keys) not in model.slack, f"two slacks for {(family, *keys)}"
    model.slack[(family, *keys)] = (col, unit)
    return [(col, coef)]


def add_variables(model: Model, m: Masukan) -> None:
    """Create f, u, y, z, v only for eligible combinations."""
    from sistemkerja.domain.enums import Asal

    shares = [(nip, b.index) for b in m.baris if b.tim is not None for nip in m.layak[b.index]]
    model.f = family(model, "f", shares, upper=1.0)
    carriers = [(nip, code) for code in m.kegiatan_individu for nip in m.pembawa.get(code, [])]
    model.u = family(model, "u", carriers)
    # Per team its members, then its Ketua candidates. Column order matters: the
    # relaxation has many optima and the allocation built from it follows the one found
    # (400 staff: gap 5,5 % in this order, 7,4 % with all y before all z).
    for t in m.tim:
        model.y.update(family(model, "y", [(nip, t) for nip in m.calon_anggota[t]], len(model.y)))
        model.z.update(
            family(model, "z", [(nip, t) for nip in m.calon_ketua.get(t, [])], len(model.z))
        )
    involved = {nip for nip, _ in model.f} | {nip for nip, _ in model.u}
    outside = [nip for nip in m.pegawai if m.asal[nip] is not Asal.UNIT and nip in involved]
    model.v = family(model, "v", outside)


def family(
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


def value(terms: Terms, x: np.ndarray) -> float:
    """Evaluate terms (column, coefficient) at the column values ``x``."""
    return float(sum(coef * x[col] for col, coef in terms))


# ---- the model as an MPS file (CBC) ---------------------------------------------------


@dataclass(slots=True)
class MpsFiles:
    """Names PuLP gave the columns and rows when writing the MPS file (for reading back)."""

    vs: Any
    variable_names: Any
    constraint_names: Any


def write_mps(model: Model, mps: str, mst: str | None, start: dict[int, float]) -> MpsFiles:
    """Write the model as MPS and, with ``start``, a CBC MIP-start file ``mst``."""
    prob, variables = model.as_pulp()
    vs, variable_names, constraint_names, _ = prob.writeMPS(mps, rename=1)
    if start and mst is not None:
        for col, initial in start.items():
            variables[col].setInitialValue(initial)
        pulp.COIN_CMD(msg=False).writesol(mst, prob, vs, variable_names, constraint_names)
    return MpsFiles(vs, variable_names, constraint_names)


def read_cbc_solution(model: Model, sol: str, names: MpsFiles) -> np.ndarray:
    """Read CBC's solution file: the value of every column (0 where CBC wrote none)."""
    prob, variables = model.as_pulp()
    _, raw, *_ = pulp.COIN_CMD(msg=False).readsol_MPS(
        sol, prob, names.vs, names.variable_names, names.constraint_names
    )
    return np.array([float(raw.get(v.name, 0.0)) for v in variables])
