"""The objective: weighted components, each kept apart in its own unit."""

from __future__ import annotations

import math
from collections import defaultdict

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal
from sistemkerja.optimasi.kendala import cost_terms, involvement_terms
from sistemkerja.optimasi.masukan import Masukan
from sistemkerja.optimasi.model import GE, RP, Model, Terms, count, row
from sistemkerja.optimasi.model import var as column

#: Penalties of the elastic re-solve, per unit of violation.
PENALTY = {
    "jam": 1.0,  # per jam of uncovered work or capacity overrun
    "orang": 500.0,  # per missing person / Ketua / member
    "juta": 10.0,  # per juta rupiah over a pagu
}
#: Leaving work undone costs more than overrunning a capacity, so the elastic
#: explanation keeps the work covered and shows whose capacity (and when) falls short.
FAMILY_WEIGHT = {"cakupan": 2.0, "pembawa": 2.0}

PERUBAHAN_RELATIF = 0.1
"""Weight of one change from the ``acuan`` as a share of the weight of one membership.

With the default ``bobot_keanggotaan`` 0,01 a change weighs 0,001: ten changes cost as
much as one membership, a hundredth of what 0,01 EJ of the highest EJ costs (weight 10)
and as much as Rp 10.000 of cost (0,1 per juta). It breaks ties and near-ties between
allocations, and trades real objective only in amounts of that order.
"""
PERUBAHAN_MINIMAL = 1e-3
"""Weight of one change when the plan gives memberships no weight (objective units)."""


def bobot_perubahan(k_keanggotaan: float) -> float:
    """Weight of one change from the ``acuan`` (objective units per (person, team) pair).

    Parameters
    ----------
    k_keanggotaan : float
        The plan's weight of one membership (``bobot_keanggotaan``).

    Returns
    -------
    float
        ``PERUBAHAN_RELATIF × bobot_keanggotaan``, or ``PERUBAHAN_MINIMAL`` when that is 0.
    """
    weight = PERUBAHAN_RELATIF * k_keanggotaan
    return weight if weight > 0 else PERUBAHAN_MINIMAL


def add_objective(
    model: Model,
    m: Masukan,
    *,
    bobot: dict[str, float] | None = None,
    ej_maks_paling: float | None = None,
    acuan: Alokasi | None = None,
) -> None:
    """Weighted objective; components kept apart in their own units.

    ``ej_maks ≥ jam[p] / capacity[p]`` for the unit's own staff; deviation from the
    policy band ``[ej_min, ej_max]`` averaged over the unit's staff who can work;
    cost in Rp; people from outside; memberships; with an ``acuan``, the changes from it
    (:func:`add_perubahan`).

    Parameters
    ----------
    model : Model
        The model being built.
    m : Masukan
        Model input.
    bobot : dict of str to float, optional
        Weights per component replacing the Kebijakan's (cost per Rp).
    ej_maks_paling : float, optional
        Upper bound of ``ej_maks`` (EJ): the highest EJ held at most this.
    acuan : Alokasi, optional
        Reference allocation: adds the component ``perubahan``.
    """
    k = m.plan.kebijakan
    ej_max = column(model, "ej_maks", upper=math.inf if ej_maks_paling is None else ej_maks_paling)
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
        row(model, [(ej_max, 1.0), *neg], GE, ej_const, f"ej_maks_{i}")
        count(model, "ej_maks")
        if k.bobot_ej_jabatan > 0:
            if p.jabatan not in by_jabatan:
                by_jabatan[p.jabatan] = column(model, f"ej_jabatan_{len(by_jabatan)}")
            row(model, [(by_jabatan[p.jabatan], 1.0), *neg], GE, ej_const, f"ej_jabatan_{i}")
            count(model, "ej_jabatan")
        if k.bobot_deviasi > 0:
            lo = column(model, f"dev_bawah_{i}")
            hi = column(model, f"dev_atas_{i}")
            row(model, [(lo, 1.0), *ej_terms], GE, k.ej_min - ej_const, f"dev_bawah_{i}")
            row(model, [(hi, 1.0), *neg], GE, ej_const - k.ej_max, f"dev_atas_{i}")
            count(model, "deviasi", 2)
            dev_terms += [(lo, 1.0 / len(own)), (hi, 1.0 / len(own))]
    cost = [t for terms in cost_terms(model, m).values() for t in terms]
    model.components = {
        "ej_maks": [(ej_max, 1.0)],
        "ej_jabatan": [(var, 1.0 / len(by_jabatan)) for var in by_jabatan.values()],
        "deviasi": dev_terms,
        "biaya": cost + involvement_terms(model, m),
        "lintas": [(var, 1.0) for var in model.v.values()],
        "keanggotaan": [(var, 1.0) for var in model.y.values()],
    }
    model.weights = (
        dict(bobot)
        if bobot is not None
        else {
            "ej_maks": k.bobot_ej_maks,
            "ej_jabatan": k.bobot_ej_jabatan,
            "deviasi": k.bobot_deviasi,
            "biaya": k.bobot_biaya * RP,
            "lintas": k.bobot_lintas,
            "keanggotaan": k.bobot_keanggotaan,
        }
    )
    if acuan is not None:
        add_perubahan(model, acuan, bobot_perubahan(k.bobot_keanggotaan) if bobot is None else 0.0)
    scale = 1e-3 if model.elastic else 1.0
    objective: dict[int, float] = defaultdict(float)
    for name, terms in model.components.items():
        weight = model.weights.get(name, 0.0) * scale
        if weight:
            for col, coef in terms:
                objective[col] += weight * coef
    for key, (col, unit) in model.slack.items():
        objective[col] += PENALTY[unit] * FAMILY_WEIGHT.get(key[0], 1.0)
    model.objective = list(objective.items())


def add_perubahan(model: Model, acuan: Alokasi, weight: float) -> None:
    """Add the component ``perubahan``: (person, team) pairs placed unlike in ``acuan``.

    ``perubahan = Σ_{(p,t) ∉ A} y[p,t] + Σ_{(p,t) ∈ A} (1 − y[p,t])`` plus the same over
    the Ketua roles ``z`` and the acuan's Ketua roles, where ``A`` are the acuan's
    memberships (orang × tim). The terms carry −1 for pairs in the acuan and +1 for the
    others; the constant (the number of pairs in the acuan, ``Model.constants``) is left
    out of the solver's objective and added back when the result is reported. A person
    who joins a team as Ketua counts 2 (membership and role), a Ketua who stays as a
    member counts 1. Pairs the plan no longer allows (a forbid) count as changes.

    Parameters
    ----------
    model : Model
        The model being built (its ``components`` and ``weights`` already set).
    acuan : Alokasi
        Reference allocation.
    weight : float
        Weight of one change (objective units; see :func:`bobot_perubahan`).
    """
    members = {(k.nip, k.tim) for k in acuan.keanggotaan}
    leaders = {(k.nip, k.tim) for k in acuan.keanggotaan if k.ketua}
    terms: Terms = [(col, -1.0 if key in members else 1.0) for key, col in model.y.items()]
    terms += [(col, -1.0 if key in leaders else 1.0) for key, col in model.z.items()]
    model.components["perubahan"] = terms
    model.constants["perubahan"] = float(len(members) + len(leaders))
    model.weights["perubahan"] = weight


# ---- solving --------------------------------------------------------------------------
