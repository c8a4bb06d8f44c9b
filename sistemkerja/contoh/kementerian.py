"""Seeded generator of synthetic ministries: many unit plans and a shared pool of people.

Each unit is a :func:`~sistemkerja.contoh.sintetis.generate` plan whose codes are made
unique in the ministry (unit ``DIT-001``, teams ``D001-TIM-001``, activities
``D001-K-0001``, Kegiatan codes ``1010``…). The generator's candidates from another unit
are replaced by people of a **shared pool** of the central unit ``PUS-SINTETIS``: the
same person (same NIP, name, capacity and committed hours) is listed in ``berbagi``
units' plans, so those units compete for one person's hours. Every unit plan validates
without errors on its own; the pool is what makes their sum too much.
"""

from __future__ import annotations

import dataclasses
import random
from collections import defaultdict

from sistemkerja.contoh.sintetis import UNIT_LAIN, UNIT_SENDIRI, generate
from sistemkerja.domain import Pegawai, Rencana
from sistemkerja.domain.kementerian import Kementerian

__all__ = ["generate_kementerian", "kode_unit"]


def kode_unit(i: int) -> str:
    """Return the code of the ``i``-th unit (from 0): ``DIT-001``."""
    return f"DIT-{i + 1:03d}"


def _rename(plan: Rencana, i: int) -> Rencana:
    """Make every code of a generated plan unique to unit ``i`` of the ministry."""
    unit = kode_unit(i)
    pre = f"D{i + 1:03d}-"
    giat0 = 1000 + 10 * i  # Kegiatan (RKA) codes: 4 digits, 10 per unit

    def c(code: str | None) -> str | None:
        return None if code is None else pre + code

    def giat(code: str) -> str:
        return str(giat0 + int(code) - 6101)

    r = dataclasses.replace
    units = tuple(
        r(u, code=unit, name=f"Direktorat Sintetis {i + 1}") if u.code == UNIT_SENDIRI else u
        for u in plan.units
    )
    return r(
        plan,
        pk=r(plan.pk, unit=unit),
        units=units,
        pegawai=tuple(r(p, unit=unit) if p.unit == UNIT_SENDIRI else p for p in plan.pegawai),
        sasaran=tuple(r(s, code=c(s.code)) for s in plan.sasaran),
        indikator=tuple(r(x, code=c(x.code), sasaran=c(x.sasaran)) for x in plan.indikator),
        tugas_tambahan=tuple(r(t, code=c(t.code)) for t in plan.tugas_tambahan),
        pagu=tuple(r(p, giat=giat(p.giat)) for p in plan.pagu),
        tim=tuple(r(t, code=c(t.code)) for t in plan.tim),
        strategi=tuple(r(s, indikator=c(s.indikator), tim=c(s.tim)) for s in plan.strategi),
        kebutuhan_peran=tuple(r(k, indikator=c(k.indikator)) for k in plan.kebutuhan_peran),
        kegiatan=tuple(
            r(k, code=c(k.code), indikator=c(k.indikator), tim=c(k.tim)) for k in plan.kegiatan
        ),
        beban=tuple(r(b, kegiatan=c(b.kegiatan)) for b in plan.beban),
        anggaran=tuple(r(a, kegiatan=c(a.kegiatan), giat=giat(a.giat)) for a in plan.anggaran),
        rows={},
    )


def generate_kementerian(
    n_unit: int,
    pegawai_per_unit: int,
    *,
    seed: int = 0,
    berbagi: int = 3,
    load: float = 0.8,
) -> Kementerian:
    """Generate a synthetic ministry with a shared pool.

    Parameters
    ----------
    n_unit : int
        Units (≥ 1).
    pegawai_per_unit : int
        Rows of each unit's Pegawai sheet (orang), as :func:`generate` takes it; the
        unit's own staff are about 90 % of them.
    seed : int
        Seed; the same arguments give an equal ministry.
    berbagi : int
        How many units' plans list each pool person (≥ 1; 1 means no sharing).
    load : float
        Each unit's effort as a share of its own available hours (see :func:`generate`).

    Returns
    -------
    Kementerian
        ``n_unit`` plans ``DIT-001`` …; their candidates from another unit are pool
        people of ``PUS-SINTETIS`` listed in up to ``berbagi`` plans each.

    Raises
    ------
    ValueError
        If an argument is out of range.
    """
    if n_unit < 1 or berbagi < 1:
        raise ValueError("n_unit dan berbagi harus minimal 1")
    plans = [
        _rename(generate(pegawai_per_unit, seed=seed * 10_007 + i, load=load), i)
        for i in range(n_unit)
    ]
    # Own staff NIPs are unique within a plan; across plans a clash is possible (random
    # fictional NIPs): such a person is renumbered in the later plan.
    rng = random.Random(seed)
    # Candidates from another unit, per (jabatan, jenjang), in plan order.
    slots: dict[tuple[str, object, object], list[tuple[int, int]]] = defaultdict(list)
    for u, plan in enumerate(plans):
        for k, pg in enumerate(plan.pegawai):
            if pg.unit == UNIT_LAIN:  # JF by track (the highest jenjang serves all)
                j = pg.jenjang
                exact = None if j is None or j.rank > 0 else j
                slots[(pg.jabatan, None if j is None else j.jalur, exact)].append((u, k))
    replace: dict[tuple[int, int], Pegawai] = {}
    for group in slots.values():
        rng.shuffle(group)
        # every ``berbagi`` candidates of different units become one pool person
        pending: list[list[tuple[int, int]]] = []
        for slot in group:
            home = next((g for g in pending if all(s[0] != slot[0] for s in g)), None)
            if home is None:
                home = []
                pending.append(home)
            home.append(slot)
            if len(home) == berbagi:
                pending.remove(home)
                _pool(plans, home, replace)
        for home in pending:
            _pool(plans, home, replace)
    out = []
    seen: set[str] = set()
    for u, plan in enumerate(plans):
        people = []
        for k, pg in enumerate(plan.pegawai):
            pg = replace.get((u, k), pg)
            if pg.unit != UNIT_LAIN:
                while pg.nip in seen:  # a clash of random NIPs across units
                    seq = (int(pg.nip[-3:]) - 899) % 100 + 900
                    pg = dataclasses.replace(pg, nip=f"{pg.nip[:-3]}{seq:03d}")
            seen.add(pg.nip)
            people.append(pg)
        out.append(dataclasses.replace(plan, pegawai=tuple(people)))
    return Kementerian("Kementerian Sintetis", tuple(out))


def _pool(
    plans: list[Rencana],
    slots: list[tuple[int, int]],
    replace: dict[tuple[int, int], Pegawai],
) -> None:
    """Make the candidates at ``slots`` one pool person.

    The one of the highest jenjang, with the fewest committed hours among them: each
    unit alone keeps at least the hours and the level its own candidate had, so a unit
    plan that could be met with its candidate can still be met when it has the pool
    person to itself; only the units' sum competes for them.
    """
    people = [plans[u].pegawai[k] for u, k in slots]
    person = max(people, key=lambda p: 0 if p.jenjang is None else p.jenjang.rank)
    person = dataclasses.replace(person, committed_hours=min(p.committed_hours for p in people))
    for slot in slots:
        replace[slot] = person
