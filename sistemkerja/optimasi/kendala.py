"""The constraint families of the allocation model, one function each, named like the rule.

Each function reads like its rule and records rows through
:func:`~sistemkerja.optimasi.model.row`; in elastic mode every hard row gets a penalised
slack (:func:`~sistemkerja.optimasi.model.slack`) so infeasible plans can be explained.
"""

from __future__ import annotations

from collections import defaultdict

from sistemkerja.optimasi.masukan import Masukan
from sistemkerja.optimasi.model import EQ, GE, LE, RP, Model, Terms, count, row, slack

STRONG_LINK_LIMIT = 20_000
"""Most shares f[p, r] for which each gets its own membership link row."""
VALID_ROWS = True
"""Add the valid rows that tighten the relaxation (``anggota_jam``, ``pelibatan_jam``,
the ``min(available, Σ H)`` coefficient); ``benchmarks/kesulitan.py`` switches them off
to measure what they bring."""


def individual_hours(m: Masukan, nip: str, code: str) -> float:
    """Hours (jam) ``nip`` needs for all lines of individual activity ``code``."""
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
        terms[nip].append((var, individual_hours(m, nip, code)))
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
        s = slack(model, "cakupan", (str(line.index),), "jam", 1.0 / line.jam)
        row(model, [*by_line.get(line.index, []), *s], EQ, 1.0, f"cakupan_{line.index}")
        count(model, "cakupan")


def add_individual_carrier(model: Model, m: Masukan) -> None:
    """Individu: Σ_p u[p, a] = 1 — one person carries each individual activity whole."""
    by_activity: dict[str, Terms] = defaultdict(list)
    for (_nip, code), var in model.u.items():
        by_activity[code].append((var, 1.0))
    for i, code in enumerate(m.kegiatan_individu):
        s = slack(model, "pembawa", (code,), "orang", 1.0)
        row(model, [*by_activity.get(code, []), *s], EQ, 1.0, f"pembawa_{i}")
        count(model, "pembawa")


def add_capacity(model: Model, m: Masukan) -> None:
    """Capacity: jam[p] ≤ capacity − committed hours, for everyone with work."""
    for i, nip in enumerate(m.pegawai):
        terms = model.hours[nip]
        if not terms:
            continue
        s = slack(model, "kapasitas", (nip,), "jam", -1.0)
        row(model, [*terms, *s], LE, m.tersedia[nip], f"kapasitas_{i}")
        count(model, "kapasitas")


def add_monthly_capacity(model: Model, m: Masukan) -> None:
    """Monthly capacity: hours spread evenly over an activity's months ≤ the monthly share.

    The monthly share is (capacity − committed hours) divided over the months the person
    serves this year (``Pegawai.bulan_mulai``–``bulan_selesai``, 12 for a full year); a
    month outside that period has none (a transfer in July gets no work in March).
    """
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
            per_month[(nip, month)].append((var, individual_hours(m, nip, code) / len(months)))
    for i, ((nip, month), terms) in enumerate(per_month.items()):
        p = m.pegawai[nip]
        bertugas = range(p.bulan_mulai, p.bulan_selesai + 1)
        limit = (m.kapasitas[nip] - p.committed_hours) / len(bertugas) if month in bertugas else 0.0
        s = slack(model, "kapasitas_bulanan", (nip, str(month)), "jam", -1.0)
        row(model, [*terms, *s], LE, max(0.0, limit), f"kapasitas_bulanan_{i}")
        count(model, "kapasitas_bulanan")


def add_membership_link(model: Model, m: Masukan) -> None:
    """Hours only from members.

    Small models use one row per share, ``f[p, r] ≤ y[p, t(r)]`` (a tight relaxation),
    and one per membership, ``Σ_{r ∈ t} H[p, r] f[p, r] ≤ min(available[p], Σ_{r ∈ t}
    H[p, r]) · y[p, t]`` (valid: a member's team hours fit their capacity; it tightens
    the relaxation where a membership is shared fractionally). Beyond
    ``STRONG_LINK_LIMIT`` shares only the per-membership rows are kept: the same integer
    solutions, a weaker but far smaller and less degenerate LP, which the solver needs at
    scale. In elastic mode (capacity may be exceeded) the coefficient is ``max(available,
    largest H)`` so that the link never stands in for the capacity rule.
    """
    lines = m.baris_by_index
    strong = len(model.f) <= STRONG_LINK_LIMIT
    if strong:
        for i, ((nip, r), col) in enumerate(model.f.items()):
            t = lines[r].tim
            assert t is not None
            row(model, [(col, 1.0), (model.y[(nip, t)], -1.0)], LE, 0.0, f"anggota_{i}")
        count(model, "anggota", len(model.f))
    for i, (key, terms) in enumerate(model.team_hours.items()):
        if not strong:
            for col, hours in terms:
                if hours <= 0:  # a zero-hour share would vanish from the aggregated row
                    row(model, [(col, 1.0), (model.y[key], -1.0)], LE, 0.0, f"anggota_nol_{col}")
                    count(model, "anggota")
        positive = [(col, hours) for col, hours in terms if hours > 0]
        if not positive:
            continue
        total = sum(hours for _, hours in positive)
        if model.elastic or not VALID_ROWS:
            if strong:
                continue
            bound = max(m.tersedia[key[0]], max(hours for _, hours in positive))
        else:
            bound = min(m.tersedia[key[0]], total)
            if strong and bound >= total - 1e-9:
                continue  # implied by f ≤ y
        family = "anggota" if not strong else "anggota_jam"
        row(model, [*positive, (model.y[key], -bound)], LE, 0.0, f"{family}_{i}")
        count(model, family)


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
        s = slack(model, "kontribusi_minimal", key, "jam", 1.0)
        row(model, [*terms, (y, -minimum), *s], GE, 0.0, f"kontribusi_minimal_{i}")
        count(model, "kontribusi_minimal")


def add_leader(model: Model, m: Masukan) -> None:
    """Ketua Tim: exactly one per team that needs one, and the Ketua is a member."""
    by_team: dict[str, Terms] = defaultdict(list)
    for (nip, t), var in model.z.items():
        by_team[t].append((var, 1.0))
        name = f"ketua_anggota_{len(by_team[t])}_{t}"
        row(model, [(var, 1.0), (model.y[(nip, t)], -1.0)], LE, 0.0, name)
        count(model, "ketua_anggota")
    for i, t in enumerate(m.tim):
        if not m.perlu_ketua[t]:
            continue
        s = slack(model, "ketua", (t,), "orang", 1.0)
        row(model, [*by_team.get(t, []), *s], EQ, 1.0, f"ketua_{i}")
        count(model, "ketua")


def add_max_teams(model: Model, m: Masukan) -> None:
    """Teams per person: Σ_t y[p, t] ≤ max_tim_per_pegawai (or the person's own limit)."""
    by_person: dict[str, Terms] = defaultdict(list)
    for (nip, _t), var in model.y.items():
        by_person[nip].append((var, 1.0))
    for i, (nip, memberships) in enumerate(by_person.items()):
        limit = m.maks_tim[nip]
        if len(memberships) <= limit:
            continue
        s = slack(model, "maks_tim", (nip,), "orang", -1.0)
        row(model, [*memberships, *s], LE, limit, f"maks_tim_{i}")
        count(model, "maks_tim")


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
            s = slack(model, "ukuran_tim_min", (t,), "orang", 1.0)
            row(model, [*members, *s], GE, team.size_min, f"ukuran_tim_min_{i}")
            count(model, "ukuran_tim_min")
        if team.size_max is not None and len(members) > team.size_max:
            s = slack(model, "ukuran_tim_maks", (t,), "orang", -1.0)
            row(model, [*members, *s], LE, team.size_max, f"ukuran_tim_maks_{i}")
            count(model, "ukuran_tim_maks")


def add_people_needed(model: Model, m: Masukan) -> None:
    """People needed: at least ``orang`` qualifying members per Kebutuhan Peran row."""
    for i, k in enumerate(m.kebutuhan):
        key = (k.tim, k.indikator, k.jabatan, str(k.jenjang_min or ""))
        s = slack(model, "kebutuhan_orang", key, "orang", 1.0)
        members = [(model.y[(nip, k.tim)], 1.0) for nip in k.calon]
        row(model, [*members, *s], GE, k.orang, f"kebutuhan_orang_{i}")
        count(model, "kebutuhan_orang")


def add_involvement(model: Model, m: Masukan) -> None:
    """Involvement: v[p] ≥ y[p, t] and v[p] ≥ u[p, a] for people from outside the unit.

    Also ``jam[p] ≤ available[p] · v[p]`` (valid, and tighter in the relaxation: an
    outsider's hours open their involvement in proportion); not in elastic mode, where
    capacity may be exceeded.
    """
    for i, ((nip, _t), col) in enumerate(model.y.items()):
        if nip in model.v:
            row(model, [(model.v[nip], 1.0), (col, -1.0)], GE, 0.0, f"pelibatan_tim_{i}")
            count(model, "pelibatan")
    for i, ((nip, _a), col) in enumerate(model.u.items()):
        if nip in model.v:
            row(model, [(model.v[nip], 1.0), (col, -1.0)], GE, 0.0, f"pelibatan_individu_{i}")
            count(model, "pelibatan")
    if model.elastic or not VALID_ROWS:
        return
    for i, (nip, col) in enumerate(model.v.items()):
        terms = model.hours[nip]
        if terms:
            row(model, [*terms, (col, -m.tersedia[nip])], LE, 0.0, f"pelibatan_jam_{i}")
            count(model, "pelibatan_jam")


def cost_terms(model: Model, m: Masukan) -> dict[str, Terms]:
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


def involvement_terms(model: Model, m: Masukan) -> Terms:
    """Involvement cost terms (Rp) per outside person."""
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
    per_activity = cost_terms(model, m)
    per_key: dict[tuple[str, str, str | None, str | None], Terms] = defaultdict(list)
    for code, keys in m.pembebanan.items():
        for key in keys:
            per_key[key].extend(per_activity.get(code, []))
    for i, (key, pagu) in enumerate(m.pagu.items()):
        terms = per_key.get(key, [])
        if not terms:
            continue
        fixed = m.beban_kegiatan_rka.get(key, 0.0)
        s = slack(model, "anggaran", tuple(k or "" for k in key), "juta", -1.0)
        scaled = [(v, c * RP) for v, c in terms]
        row(model, [*scaled, *s], LE, (pagu - fixed) * RP, f"anggaran_{i}")
        count(model, "anggaran")
    everything = [t for terms in per_activity.values() for t in terms]
    everything += involvement_terms(model, m)
    if everything:
        s = slack(model, "anggaran_unit", ("unit",), "juta", -1.0)
        scaled = [(v, c * RP) for v, c in everything]
        row(model, [*scaled, *s], LE, (m.pagu_unit - m.belanja_total) * RP, "anggaran_unit")
        count(model, "anggaran_unit")


def add_pins(model: Model, m: Masukan) -> None:
    """Pins from the dialog kinerja: Ketua, member, fixed hours.

    Forbids are applied by leaving the variables out (see
    :func:`~sistemkerja.optimasi.masukan.build_masukan`).
    """
    for i, key in enumerate(sorted(m.pin_anggota)):
        if key in model.y:
            s = slack(model, "penetapan", key, "orang", 1.0)
            row(model, [(model.y[key], 1.0), *s], EQ, 1.0, f"pin_anggota_{i}")
            count(model, "penetapan")
    for i, key in enumerate(sorted(m.pin_ketua)):
        if key in model.z:
            s = slack(model, "penetapan", ("ketua", *key), "orang", 1.0)
            row(model, [(model.z[key], 1.0), *s], EQ, 1.0, f"pin_ketua_{i}")
            count(model, "penetapan")
    lines = m.baris_by_index
    for i, ((nip, code), hours) in enumerate(sorted(m.pin_jam.items())):
        terms = [
            (var, m.jam[(p, r)])
            for (p, r), var in model.f.items()
            if p == nip and lines[r].kegiatan.code == code
        ]
        if (nip, code) in model.u:
            terms.append((model.u[(nip, code)], individual_hours(m, nip, code)))
        s_up = slack(model, "penetapan", ("jam+", nip, code), "jam", -1.0)
        s_down = slack(model, "penetapan", ("jam-", nip, code), "jam", 1.0)
        row(model, [*terms, *s_up, *s_down], EQ, hours, f"pin_jam_{i}")
        count(model, "penetapan")
