"""Decomposing a ministry for the optimiser: the shared pool's hours, and too-large units.

Two steps make a ministry solvable unit by unit, in parallel, without anyone working
more hours than they have (``docs/kementerian.md`` explains and measures them):

1. :func:`bagi_pool` — the **coordinator**. Every pool person's available hours
   (capacity − committed) are divided among the units whose plans list them, before any
   unit is solved: first what each unit *needs* (the hours of that jabatan its own staff
   and its other candidates cannot give within the EJ band's upper bound), in
   proportion when the pool is short; the rest evenly. In each unit's plan the person's
   committed hours then become ``capacity − share``, so no unit's solve can give them
   more than their share, and the shares add up to what they have.
2. :func:`pecah_rencana` — a unit too large to solve in time is split **by team** into
   parts of at most ``maks_pegawai`` people: teams (with their targets, activities and
   budget lines) spread over the parts by hours, every person placed whole in one part
   (by jabatan and jenjang where their hours are needed, pinned people with their
   team, one Ketua-eligible person for every team that needs one), pagu shared in
   proportion to each part's budget lines.

Nothing here calls a solver; it only builds smaller plans.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sistemkerja.domain.enums import Asal, JenisJabatan, Mode, Peran
from sistemkerja.domain.kementerian import Kementerian
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.penetapan import Penetapan
from sistemkerja.domain.rencana import Rencana

__all__ = [
    "BagianRencana",
    "PembagianPool",
    "bagi_pool",
    "batasi_tim",
    "pecah_rencana",
    "pinjam_pegawai",
    "tim_boleh",
]


# ---- 1. the shared pool --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PembagianPool:
    """The shared pool's hours divided among units.

    Attributes
    ----------
    jam : dict of (str, str) to float
        (NIP, unit) → the hours that unit may give the person (jam).
    kebutuhan : dict of (str, str) to float
        (unit, jabatan) → hours the unit needs from the pool for that jabatan (jam).
    tersedia : dict of str to float
        NIP → the person's available hours (capacity − committed, jam).
    rencana : dict of str to Rencana
        Unit → its plan with each pool person's committed hours set to
        ``capacity − share``.
    """

    jam: dict[tuple[str, str], float]
    kebutuhan: dict[tuple[str, str], float]
    tersedia: dict[str, float]
    rencana: dict[str, Rencana]


def _available(plan: Rencana, pg: Pegawai) -> float:
    return max(0.0, plan.capacity(pg) - pg.committed_hours)


CADANGAN_KEBUTUHAN = 0.15
"""Margin on a unit's hours of a profile when its need of the pool is estimated (15 %):
its own people cannot give every hour to one profile (team limits, other lines)."""

Profil = tuple[str, object, int]
"""(jabatan, jenjang track, lowest level): who may do an effort line; track ``None`` = anyone
of the jabatan."""


def _meets(pg: Pegawai, profile: Profil) -> bool:
    jabatan, track, level = profile
    if pg.jabatan != jabatan:
        return False
    if track is None:
        return True
    mine = _level(pg.jenjang)
    return mine[0] == track and mine[1] >= level


def _needs(plan: Rencana, pool: set[str]) -> dict[Profil, float]:
    """Hours per profile a unit cannot give from people outside the pool (jam).

    For every jabatan and every minimum jenjang its effort lines ask for, the hours of
    the lines people of that level or higher must do, less what the unit's own staff
    (up to the EJ band's upper bound) and its other candidates of that level can give,
    with a margin of :data:`CADANGAN_KEBUTUHAN` on the hours.
    """
    demand: dict[Profil, float] = defaultdict(float)
    for b in plan.beban:
        demand[(b.jabatan, None, 0)] += b.jam
        if b.jenjang_min is not None:
            demand.setdefault((b.jabatan, *_level(b.jenjang_min)), 0.0)
    for profile in list(demand):
        jabatan, track, level = profile
        if track is None:
            continue
        # every line of the same track at this level or higher
        demand[profile] = sum(
            b.jam
            for b in plan.beban
            if b.jabatan == jabatan
            and b.jenjang_min is not None
            and _level(b.jenjang_min)[0] == track
            and _level(b.jenjang_min)[1] >= level
        )
    band = plan.kebijakan.ej_max
    out = {}
    for profile, hours in demand.items():
        supply = sum(
            _available(plan, pg) * (band if plan.asal(pg) is Asal.UNIT else 1.0)
            for pg in plan.pegawai
            if pg.nip not in pool and _meets(pg, profile)
        )
        out[profile] = max(0.0, hours * (1 + CADANGAN_KEBUTUHAN) - supply)
    return out


def bagi_pool(kementerian: Kementerian) -> PembagianPool:
    """Divide every pool person's available hours among the units that list them.

    Parameters
    ----------
    kementerian : Kementerian
        The ministry.

    Returns
    -------
    PembagianPool
        The shares and the units' plans with them. For each pool person the shares
        add up to their available hours exactly: first each listing unit's **need** of
        them — the largest, over the profiles (jabatan, minimum jenjang) the person
        meets, of the hours that unit's lines of that profile lack from everyone outside
        the pool, split over the pool people of that profile it lists; when the person
        cannot cover every unit's need, whole needs go first, smallest first (so as many
        units as possible get all they need), and the last unit served gets what is
        left; then what remains, evenly over the listing units.
    """
    pool = kementerian.pool()
    nips = set(pool)
    people = kementerian.pegawai()
    plans = {p.pk.unit: p for p in kementerian.unit}
    needs = {u: _needs(plan, nips) for u, plan in plans.items()}
    # how many pool people of each profile each unit lists, to split its need over them
    listed: dict[tuple[str, Profil], int] = defaultdict(int)
    for nip, units in pool.items():
        for u in units:
            for profile in needs[u]:
                if _meets(people[nip], profile):
                    listed[(u, profile)] += 1
    plan0 = kementerian.unit[0]
    shares: dict[tuple[str, str], float] = {}
    available: dict[str, float] = {}
    for nip, units in sorted(pool.items()):
        pg = people[nip]
        have = _available(plan0, pg)
        available[nip] = have
        want = {
            u: max(
                (h / listed[(u, pr)] for pr, h in needs[u].items() if h > 0 and _meets(pg, pr)),
                default=0.0,
            )
            for u in units
        }
        first: dict[str, float] = {u: 0.0 for u in units}
        left = have
        for u in sorted(units, key=lambda u: (want[u], u)):
            give = min(want[u], left)
            first[u] = give
            left -= give
        rest = left / len(units)
        for u in units:
            shares[(nip, u)] = first[u] + rest
    derived = {}
    for u, plan in plans.items():
        mine = {nip: h for (nip, unit), h in shares.items() if unit == u}
        if not mine:
            derived[u] = plan
            continue
        staff = tuple(
            dataclasses.replace(pg, committed_hours=plan.capacity(pg) - mine[pg.nip])
            if pg.nip in mine
            else pg
            for pg in plan.pegawai
        )
        derived[u] = dataclasses.replace(plan, pegawai=staff, rows={})
    kebutuhan = {
        (u, jabatan): h
        for u, n in needs.items()
        for (jabatan, track, _level_), h in n.items()
        if track is None and h > 0
    }
    return PembagianPool(shares, kebutuhan, available, derived)


# ---- 2. splitting a unit ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BagianRencana:
    """One part of a split unit.

    Attributes
    ----------
    rencana : Rencana
        The part's plan (same PK, Kebijakan and units; a subset of the rest).
    tim : tuple of str
        Its teams.
    pegawai : int
        People in it (orang).
    kurang : tuple of str
        What the placement could not give this part (Indonesian), e.g. hours of a
        jenjang no one left can give; empty when every need is covered.
    """

    rencana: Rencana
    tim: tuple[str, ...]
    pegawai: int
    kurang: tuple[str, ...] = ()


def _work_items(plan: Rencana) -> list[tuple[str, set[str], set[str]]]:
    """Teams and individual targets: (label, target codes, kegiatan codes)."""
    by_team: dict[str, set[str]] = defaultdict(set)
    solo: list[str] = []
    for s in plan.strategi:
        if s.mode is Mode.TIM and s.tim is not None:
            by_team[s.tim].add(s.indikator)
        else:
            solo.append(s.indikator)
    items = []
    acts: dict[str, set[str]] = defaultdict(set)
    for k in plan.kegiatan:
        acts[k.indikator].add(k.code)
    for t in plan.tim:
        targets = by_team.get(t.code, set())
        items.append((t.code, targets, set().union(*(acts[x] for x in targets))))
    for target in solo:
        items.append((f"individu {target}", {target}, set(acts[target])))
    return items


def _covers(person: Pegawai, jenjang_min: object) -> bool:
    if jenjang_min is None:
        return True
    j = person.jenjang
    if j is None:
        return False
    if j.rank == 0 or getattr(jenjang_min, "rank", 0) == 0:
        return j == jenjang_min
    return j.jalur == jenjang_min.jalur and j.rank >= jenjang_min.rank  # type: ignore[attr-defined]


def pecah_rencana(plan: Rencana, maks_pegawai: int) -> list[BagianRencana]:
    """Split a plan by team into parts of at most about ``maks_pegawai`` people.

    The teams (with their targets, activities and budget lines) are spread over
    ``ceil(people / maks_pegawai)`` parts, largest hours first to the lightest part.
    Who goes where follows the optimiser's own quick allocation of the whole plan
    (:func:`~sistemkerja.optimasi.greedy.greedy`, which meets every team's role and
    Ketua needs when the plan allows it): each person goes to the part where it gives
    them most hours; a person it gives hours in several parts is in each of them with
    their available hours divided in proportion (their committed hours in each part say
    so). People it leaves idle go where their jabatan's hours are most needed.

    Parameters
    ----------
    plan : Rencana
        The unit's plan.
    maks_pegawai : int
        Most people per part (orang, ≥ 2); a plan within it comes back whole.

    Returns
    -------
    list of BagianRencana
        The parts. Structural officials who are not team members (the unit head) are
        in every part without hours; a person's hours over the parts never add up to
        more than they have.

    Raises
    ------
    ValueError
        If ``maks_pegawai`` is below 2.
    """
    if maks_pegawai < 2:
        raise ValueError("maks_pegawai harus minimal 2")
    staff = list(plan.pegawai)
    if len(staff) <= maks_pegawai:
        return [BagianRencana(plan, tuple(t.code for t in plan.tim), len(staff))]
    n_parts = math.ceil(len(staff) / maks_pegawai)
    hours_of: dict[str, float] = defaultdict(float)
    for b in plan.beban:
        hours_of[b.kegiatan] += b.jam
    items = _work_items(plan)
    items.sort(key=lambda it: -sum(hours_of[k] for k in it[2]))
    group_of_item: dict[int, int] = {}
    load = [0.0] * n_parts
    for i, (_label, _targets, acts) in enumerate(items):
        g = min(range(n_parts), key=lambda g: load[g])
        group_of_item[i] = g
        load[g] += sum(hours_of[k] for k in acts)
    team_group = {
        items[i][0]: g for i, g in group_of_item.items() if not items[i][0].startswith("individu ")
    }
    act_group = {k: group_of_item[i] for i, it in enumerate(items) for k in it[2]}
    target_group = {x: group_of_item[i] for i, it in enumerate(items) for x in it[1]}

    shares, kurang = _tempatkan(plan, n_parts, team_group, act_group, target_group)
    leaders = [
        p
        for p in staff
        if p.jenis is JenisJabatan.STRUKTURAL and not plan.kebijakan.struktural_anggota
    ]
    return [
        dataclasses.replace(
            _part(plan, g, shares, team_group, act_group, target_group, leaders),
            kurang=tuple(k for gg, k in kurang if gg == g),
        )
        for g in range(n_parts)
    ]


def _part(
    plan: Rencana,
    g: int,
    shares: dict[str, dict[int, float]],
    team_group: dict[str, int],
    act_group: dict[str, int],
    target_group: dict[str, int],
    leaders: list[Pegawai],
) -> BagianRencana:
    """Build part ``g`` of a split plan."""
    nips = {n for n, given in shares.items() if g in given} | {p.nip for p in leaders}

    def hours(p: Pegawai) -> Pegawai:
        given = shares.get(p.nip)
        if not given or len(given) == 1:
            return p
        return dataclasses.replace(p, committed_hours=plan.capacity(p) - given[g])

    teams = {t for t, x in team_group.items() if x == g}
    acts = {k for k, x in act_group.items() if x == g}
    targets = {t for t, x in target_group.items() if x == g}
    indikator = tuple(i for i in plan.indikator if i.code in targets)
    sasaran_used = {i.sasaran for i in indikator}
    lines = [a for a in plan.anggaran if a.kegiatan in acts]

    def share(pagu: object) -> float:
        def matches(a: object) -> bool:
            for field in ("program", "giat", "kro", "ro"):
                want = getattr(pagu, field)
                if want is not None and getattr(a, field) != want:
                    return False
            return True

        total = sum(a.jumlah for a in plan.anggaran if matches(a))
        mine = sum(a.jumlah for a in lines if matches(a))
        return mine / total if total > 0 else 0.0

    def keep(items: Iterable[object], **tests: set[str]) -> tuple:
        out = []
        for item in items:
            if all(
                getattr(item, f) is None or getattr(item, f) in allowed
                for f, allowed in tests.items()
            ):
                out.append(item)
        return tuple(out)

    r = dataclasses.replace
    part = r(
        plan,
        pegawai=tuple(hours(p) for p in plan.pegawai if p.nip in nips),
        sasaran=tuple(s for s in plan.sasaran if s.code in sasaran_used),
        indikator=indikator,
        tugas_tambahan=tuple(t for t in plan.tugas_tambahan if t.code in targets),
        pagu=tuple(r(p, pagu=p.pagu * share(p)) for p in plan.pagu if share(p) > 0),
        tim=tuple(t for t in plan.tim if t.code in teams),
        strategi=tuple(s for s in plan.strategi if s.indikator in targets),
        kebutuhan_peran=tuple(k for k in plan.kebutuhan_peran if k.indikator in targets),
        kegiatan=tuple(k for k in plan.kegiatan if k.code in acts),
        beban=tuple(b for b in plan.beban if b.kegiatan in acts),
        anggaran=tuple(lines),
        penetapan=keep(plan.penetapan, nip=nips, tim=teams, kegiatan=acts),
        penyesuaian=keep(plan.penyesuaian, nip=nips, kegiatan=acts),
        hasil_anggota=keep(plan.hasil_anggota, nip=nips, kegiatan=acts),
        tugas_sk=keep(plan.tugas_sk, nip=nips),
        rows={},
    )
    return BagianRencana(part, tuple(sorted(teams)), len(part.pegawai))


JAM_MIN_BAGIAN = 100.0
"""Fewest hours a person placed in a part has there (jam; all they have when less)."""

BOBOT_KURANG = 1000.0
"""Penalty per jam (and per orang) a part's need is left uncovered by the placement."""


def _level(jenjang: object) -> tuple[object, int]:
    """(track, rank) of a jenjang; Pelaksana categories are their own track."""
    if jenjang is None:
        return (None, 0)
    rank = getattr(jenjang, "rank", 0)
    return ((jenjang.jalur if rank > 0 else jenjang), rank)  # type: ignore[attr-defined]


def _tempatkan(
    plan: Rencana,
    n_parts: int,
    team_group: dict[str, int],
    act_group: dict[str, int],
    target_group: dict[str, int],
) -> tuple[dict[str, dict[int, float]], list[tuple[int, str]]]:
    """Place every person in a part (a few in two) so each part can do its own work.

    A small assignment model (HiGHS, one thread): ``w[p, g]`` = 1 puts person ``p`` in
    part ``g`` and ``h[p, g]`` is the hours they may give there, at most their
    available hours in all (a person in a second part costs a little, so only a need
    puts them there); for every part and jabatan the hours placed cover its effort
    lines, and for every minimum jenjang the hours of people at that level or higher
    cover the lines that need it,
    own staff cover the hours only own staff may do, the team's role needs get enough
    qualifying people, every team needing a Ketua gets an eligible own person, pinned
    people go with their team, and parts stay about equal in size. What cannot be met
    is a penalised shortfall, reported in Indonesian.
    """
    from sistemkerja.optimasi.model import EQ, GE, LE, Model, row, var
    from sistemkerja.optimasi.solver import solve_model
    from sistemkerja.optimasi.tenggat import Tenggat

    free = [
        p
        for p in plan.pegawai
        if not (p.jenis is JenisJabatan.STRUKTURAL and not plan.kebijakan.struktural_anggota)
    ]
    model = Model()
    avail = {p.nip: _available(plan, p) for p in free}
    x = {  # presence of a person in a part
        (p.nip, g): var(model, f"w_{k}_{g}", binary=True)
        for k, p in enumerate(free)
        for g in range(n_parts)
    }
    h = {  # the hours they may give there (jam)
        (p.nip, g): var(model, f"h_{k}_{g}", upper=avail[p.nip])
        for k, p in enumerate(free)
        for g in range(n_parts)
    }
    penalty: list[tuple[int, float]] = []
    short: list[tuple[int, int, str]] = []

    def need_row(terms: list[tuple[int, float]], rhs: float, g: int, what: str) -> None:
        s_col = var(model, f"s_{len(short)}")
        short.append((s_col, g, what))
        penalty.append((s_col, BOBOT_KURANG))
        row(model, [*terms, (s_col, 1.0)], GE, rhs, f"need_{len(short)}")

    for p in free:
        row(model, [(x[(p.nip, g)], 1.0) for g in range(n_parts)], GE, 1.0, f"one_{p.nip}")
        row(model, [(h[(p.nip, g)], 1.0) for g in range(n_parts)], LE, avail[p.nip], f"cap_{p.nip}")
        least = min(avail[p.nip], JAM_MIN_BAGIAN)
        for g in range(n_parts):
            row(model, [(h[(p.nip, g)], 1.0), (x[(p.nip, g)], -avail[p.nip])], LE, 0.0, "link")
            # present means some hours there: a person with none counts for no need
            row(model, [(h[(p.nip, g)], 1.0), (x[(p.nip, g)], -least)], GE, 0.0, "least")
    size = math.ceil(len(free) / n_parts * 1.1) + 1
    for g in range(n_parts):
        row(model, [(x[(p.nip, g)], 1.0) for p in free], LE, float(size), f"size_{g}")
    from sistemkerja.optimasi.masukan import allowed_origin

    allowed = allowed_origin(plan)
    act_target = {k.code: k.indikator for k in plan.kegiatan}
    # hour coverage per part and jabatan, for every profile of its lines: the lines of a
    # jenjang track needing a level or higher that people up to an origin may do, by the
    # people of that track, level and origin (a necessary condition each; margin 10 %)
    lines: dict[tuple[int, str], list[tuple[object, int, int, float]]] = defaultdict(list)
    for b in plan.beban:
        g = act_group.get(b.kegiatan)
        if g is None:
            continue
        origin = allowed.get((act_target.get(b.kegiatan, ""), b.jabatan), Asal.UNIT)
        track, level = _level(b.jenjang_min)
        lines[(g, b.jabatan)].append((track, level, origin.rank, b.jam))
    names = {_level(b.jenjang_min): b.jenjang_min for b in plan.beban if b.jenjang_min}

    def profile_hours(mine: list, track: object, level: int, rank: int) -> float:
        return sum(
            hh
            for t, lv, r, hh in mine
            if (track is None or (t == track and lv >= level)) and r <= rank
        )

    for (g, jabatan), mine in lines.items():
        profiles = {(None, 0)} | {(t, lv) for t, lv, _r, _h in mine if t is not None}
        for track, level in sorted(profiles, key=str):
            for rank in (0, 1, 2):
                need = profile_hours(mine, track, level, rank)
                if need <= 0 or (rank > 0 and need == profile_hours(mine, track, level, rank - 1)):
                    continue
                terms = [
                    (h[(p.nip, g)], 1.0)
                    for p in free
                    if p.jabatan == jabatan
                    and avail[p.nip] > 0
                    and plan.asal(p).rank <= rank
                    and (
                        track is None
                        or (
                            p.jenjang is not None
                            and _level(p.jenjang)[0] == track
                            and _level(p.jenjang)[1] >= level
                        )
                    )
                ]
                what = jabatan
                if track is not None:
                    named = names.get((track, level), track)
                    what += f" berjenjang minimal {getattr(named, 'value', named)}"
                if rank < 2:
                    what += " dari unit sendiri" if rank == 0 else " dari unit sendiri/lintas unit"
                need_row(terms, need, g, f"{need:.0f} jam {what}")
                margin = var(model, f"m_{len(penalty)}")
                penalty.append((margin, 1.0))
                row(model, [*terms, (margin, 1.0)], GE, need * 1.1, "margin")
    # people the teams' role needs call for
    orang: dict[tuple[int, str, object], int] = defaultdict(int)
    for k in plan.kebutuhan_peran:
        g = target_group.get(k.indikator)
        if g is not None and k.orang:
            key = (g, k.jabatan, k.jenjang_min)
            orang[key] = max(orang[key], k.orang)
    for (g, jabatan, jmin), n in orang.items():
        terms = [(x[(p.nip, g)], 1.0) for p in free if p.jabatan == jabatan and _covers(p, jmin)]
        need_row(terms, float(n), g, f"{n} orang {jabatan}")
    # a Ketua for every team that needs one
    need_leader = plan.tim_perlu_ketua()
    leaders_needed: dict[int, int] = defaultdict(int)
    for team, g in team_group.items():
        if need_leader.get(team):
            leaders_needed[g] += 1
    eligible = [
        p for p in free if plan.asal(p) is Asal.UNIT and p.jenjang in plan.kebijakan.ketua_jenjang
    ]
    for g, n in leaders_needed.items():
        need_row([(x[(p.nip, g)], 1.0) for p in eligible], float(n), g, f"{n} calon Ketua Tim")
    for pin in plan.penetapan:
        g = team_group.get(pin.tim) if pin.tim is not None else act_group.get(pin.kegiatan or "")
        if g is not None and pin.peran.name in ("KETUA", "ANGGOTA") and (pin.nip, g) in x:
            row(model, [(x[(pin.nip, g)], 1.0)], EQ, 1.0, f"pin_{pin.nip}_{g}")
    # a person in a second part costs a little: parts stay small unless a need calls
    model.objective = penalty + [(col, 1.0) for col in x.values()]
    outcome = solve_model(model, Tenggat(60.0), threads=1, celah=0.01)
    if outcome.x is None:  # no placement in time: round-robin, the parts will say why
        fallback = {p.nip: {k % n_parts: avail[p.nip]} for k, p in enumerate(free)}
        return fallback, [
            (g, "penempatan pegawai tidak selesai dalam batas waktu") for g in range(n_parts)
        ]
    values = outcome.x
    placed: dict[str, dict[int, float]] = {}
    for p in free:
        where = {
            g: float(values[h[(p.nip, g)]]) for g in range(n_parts) if values[x[(p.nip, g)]] > 0.5
        }
        if not where:
            where = {max(range(n_parts), key=lambda g: values[x[(p.nip, g)]]): 0.0}
        home = max(where, key=lambda g: where[g])
        where[home] += max(0.0, avail[p.nip] - sum(where.values()))  # the rest at home
        placed[p.nip] = where
    missing = [(g, what) for col, g, what in short if values[col] > 0.5]
    return placed, missing


def pinjam_pegawai(
    bagian: Rencana,
    unit: Rencana,
    tambahan: dict[str, float],
    tim_maks: dict[str, int] | None = None,
) -> Rencana:
    """Return a part's plan with more hours of some of the unit's people.

    The repair of a part that cannot be met: people whose hours another part of the
    same unit has not used are lent to it.

    Parameters
    ----------
    bagian : Rencana
        The part's plan (:func:`pecah_rencana`).
    unit : Rencana
        The whole unit's plan the part was split from (capacities, committed hours).
    tambahan : dict of str to float
        NIP → hours (jam, > 0) this part may give the person on top of what it had.
        People not yet in the part join it with only these hours.
    tim_maks : dict of str to int, optional
        NIP → most teams of this part the person may join (the Kebijakan's limit less
        the teams they are in elsewhere): ``Bukan anggota`` pins keep them out of the
        rest (:func:`batasi_tim`).

    Returns
    -------
    Rencana
        The part's plan; the caller keeps each person's hours over all parts within
        what they have.
    """
    everyone = {p.nip: p for p in unit.pegawai}
    staff = []
    for p in bagian.pegawai:
        extra = tambahan.get(p.nip, 0.0)
        staff.append(
            dataclasses.replace(p, committed_hours=max(0.0, p.committed_hours - extra))
            if extra > 0
            else p
        )
    have = {p.nip for p in bagian.pegawai}
    for nip, extra in tambahan.items():
        if nip not in have and extra > 0:
            p = everyone[nip]
            staff.append(dataclasses.replace(p, committed_hours=unit.capacity(p) - extra))
    pins = list(bagian.penetapan)
    present = {p.nip for p in staff}
    for nip, slots in (tim_maks or {}).items():
        if nip in present:  # a pin may only name someone on the part's Pegawai sheet
            pins.extend(batasi_tim(bagian, nip, everyone[nip].jabatan, slots))
    return dataclasses.replace(bagian, pegawai=tuple(staff), penetapan=tuple(pins), rows={})


def tim_boleh(bagian: Rencana, nip: str) -> int:
    """Return how many of a part's teams a person may join there (0 when not in it)."""
    if all(p.nip != nip for p in bagian.pegawai):
        return 0
    barred = {p.tim for p in bagian.penetapan if p.nip == nip and p.peran is Peran.BUKAN_ANGGOTA}
    return min(bagian.kebijakan.max_tim_per_pegawai, len({t.code for t in bagian.tim} - barred))


def batasi_tim(plan: Rencana, nip: str, jabatan: str, slots: int) -> list[Penetapan]:
    """Return ``Bukan anggota`` pins keeping a person in at most ``slots`` teams of a plan.

    The teams kept are those the person is pinned to, then those whose effort lines of
    their jabatan have the most hours. Used for people lent to a part: the Kebijakan's
    teams-per-person limit less the teams they are in elsewhere.

    Parameters
    ----------
    plan : Rencana
        The part's plan.
    nip, jabatan : str
        The person and their jabatan.
    slots : int
        Teams they may join (≥ 0).
    """
    if slots >= len(plan.tim):
        return []
    act_team = {k.code: k.tim for k in plan.kegiatan if k.tim}
    hours: dict[str, float] = defaultdict(float)
    for b in plan.beban:
        team = act_team.get(b.kegiatan)
        if team is not None and b.jabatan == jabatan:
            hours[team] += b.jam
    pinned = {
        p.tim for p in plan.penetapan if p.nip == nip and p.peran in (Peran.KETUA, Peran.ANGGOTA)
    }
    barred = {p.tim for p in plan.penetapan if p.nip == nip and p.peran is Peran.BUKAN_ANGGOTA}
    order = sorted(
        (t.code for t in plan.tim if t.code not in barred),
        key=lambda t: (t not in pinned, -hours[t], t),
    )
    note = "pemecahan unit: batas tim per pegawai dibagi antarbagian"
    return [
        Penetapan(nip, Peran.BUKAN_ANGGOTA, tim=t, catatan=note) for t in order[max(0, slots) :]
    ]
