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
   budget lines) spread over the parts by hours, every person placed in one part (a few
   in two, with their hours and their team limit divided) so that each part has the
   hours, the role candidates, the Ketua candidates and the team slots the optimiser
   will ask for, pinned people with their team; pagu shared in proportion to each
   part's budget lines.

Only the placement solves a (small) model; nothing here solves a unit.
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
from sistemkerja.domain.rencana import Rencana

__all__ = [
    "BagianRencana",
    "PembagianPool",
    "bagi_pool",
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
            plan.jam_tersedia(pg) * (band if plan.asal(pg) is Asal.UNIT else 1.0)
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
        have = plan0.jam_tersedia(pg)
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
    Who goes where is decided by a small placement model (:func:`_tempatkan`): each
    part gets the hours per jabatan, jenjang and origin its lines need, the role and
    Ketua candidates the optimiser counts, and enough team slots among the people who
    alone can fill a set of its needs. A person placed in two parts has their available
    hours divided (their committed hours in each part say so) and their team limit too
    (their ``maks_tim`` in each part), so the merged parts keep every person within
    their hours and their teams-per-person limit.

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

    shares, slots, kurang = _tempatkan(plan, n_parts, team_group, act_group, target_group)
    leaders = [
        p
        for p in staff
        if p.jenis is JenisJabatan.STRUKTURAL and not plan.kebijakan.struktural_anggota
    ]
    return [
        dataclasses.replace(
            _part(plan, g, shares, slots, team_group, act_group, target_group, leaders),
            kurang=tuple(k for gg, k in kurang if gg == g),
        )
        for g in range(n_parts)
    ]


def _part(
    plan: Rencana,
    g: int,
    shares: dict[str, dict[int, float]],
    slots: dict[str, dict[int, int]],
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
        return dataclasses.replace(
            p,
            committed_hours=plan.capacity(p) - given[g],
            maks_tim=slots.get(p.nip, {}).get(g, p.maks_tim),
        )

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
) -> tuple[dict[str, dict[int, float]], dict[str, dict[int, int]], list[tuple[int, str]]]:
    """Place every person in a part (a few in two) so each part can do its own work.

    A small assignment model (HiGHS, one thread): ``w[p, g]`` = 1 puts person ``p`` in
    part ``g``, ``h[p, g]`` is the hours they may give there, at most their available
    hours in all, and ``k[p, g]`` the teams they may join there, at most their
    teams-per-person limit in all, each worth the minimum contribution in hours (a person
    in a second part costs a little, so only a need puts them there). For every part:

    * per jabatan, per minimum jenjang and per allowed origin, the hours placed cover the
      effort lines that need them;
    * every role need of a team (Kebutuhan Peran) gets enough of the people the
      optimiser would count for it, and every team needing a Ketua an eligible person;
    * team slots (Hall-type): the people who alone can fill a set of the part's role
      needs, or do a set of its effort lines, have enough team slots for the teams
      asking (a sole Statistisi Ahli Madya cannot serve five teams with a limit of
      three);
    * pinned people go with their team; parts stay about equal in size.

    The sets are the optimiser's own (:func:`~sistemkerja.optimasi.masukan.build_masukan`
    of the whole plan), so a part is not sent out missing what the model asks. What
    cannot be met is a penalised shortfall, reported in Indonesian.

    Returns
    -------
    tuple
        NIP → part → hours (jam); NIP → part → team slots (tim); shortfalls (part,
        Indonesian text).
    """
    from sistemkerja.optimasi.masukan import build_masukan
    from sistemkerja.optimasi.model import EQ, GE, LE, Model, row, var
    from sistemkerja.optimasi.solver import solve_model
    from sistemkerja.optimasi.tenggat import Tenggat

    free = [
        p
        for p in plan.pegawai
        if not (p.jenis is JenisJabatan.STRUKTURAL and not plan.kebijakan.struktural_anggota)
    ]
    whole = build_masukan(plan)
    model = Model()
    avail = {p.nip: plan.jam_tersedia(p) for p in free}
    limit = {p.nip: whole.maks_tim.get(p.nip, plan.maks_tim(p)) for p in free}
    minimum = plan.kebijakan.min_jam_anggota
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
    slot = {  # the teams they may join there (tim)
        (p.nip, g): var(model, f"k_{k}_{g}", upper=float(limit[p.nip]), integer=True)
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
        nip = p.nip
        row(model, [(x[(nip, g)], 1.0) for g in range(n_parts)], GE, 1.0, f"one_{nip}")
        row(model, [(h[(nip, g)], 1.0) for g in range(n_parts)], LE, avail[nip], f"cap_{nip}")
        row(model, [(slot[(nip, g)], 1.0) for g in range(n_parts)], LE, limit[nip], f"tim_{nip}")
        least = min(avail[nip], JAM_MIN_BAGIAN)
        per_team = min(minimum, avail[nip] / max(1, limit[nip]))
        for g in range(n_parts):
            row(model, [(h[(nip, g)], 1.0), (x[(nip, g)], -avail[nip])], LE, 0.0, "link")
            # present means some hours there: a person with none counts for no need
            row(model, [(h[(nip, g)], 1.0), (x[(nip, g)], -least)], GE, 0.0, "least")
            row(model, [(slot[(nip, g)], 1.0), (x[(nip, g)], -limit[nip])], LE, 0.0, "slot")
            if limit[nip] > 0:
                row(model, [(slot[(nip, g)], 1.0), (x[(nip, g)], -1.0)], GE, 0.0, "slot_one")
            if per_team > 0:  # every team joined takes the minimum contribution
                row(model, [(h[(nip, g)], 1.0), (slot[(nip, g)], -per_team)], GE, 0.0, "min")
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
    placed_people = set(avail)
    # the people each role need counts, from the optimiser's own candidate sets
    team_names = {t.code: t.name for t in plan.tim}
    demand: dict[tuple[int, frozenset[str]], dict[str, int]] = defaultdict(dict)
    for k in whole.kebutuhan:
        g = team_group.get(k.tim)
        if g is None or not k.orang:
            continue
        calon = frozenset(k.calon) & placed_people
        terms = [(x[(nip, g)], 1.0) for nip in sorted(calon)]
        need_row(terms, float(k.orang), g, f"{k.orang} orang {k.jabatan} untuk {k.indikator}")
        mine = demand[(g, calon)]
        mine[k.tim] = max(mine.get(k.tim, 0), k.orang)
    # lines of a team: one member at least from each line's eligible set
    for line in whole.baris:
        g = team_group.get(line.tim or "")
        if g is None or not whole.layak[line.index]:
            continue
        key = (g, frozenset(whole.layak[line.index]) & placed_people)
        demand[key].setdefault(line.tim or "", 1)
    # team slots, Hall-type: the teams asking only people of a set, within its slots
    by_part: dict[int, list[frozenset[str]]] = defaultdict(list)
    for g, group in demand:
        by_part[g].append(group)
    for g, groups in by_part.items():
        for group in groups:
            asking: dict[str, int] = defaultdict(int)
            for other in groups:
                if other <= group:
                    for team, n in demand[(g, other)].items():
                        asking[team] = max(asking[team], n)
            total = sum(asking.values())
            if total <= 1:  # the need rows' presence already gives one
                continue
            some = next(iter(group), None)
            jabatan = next((p.jabatan for p in free if p.nip == some), "")
            need_row(
                [(slot[(nip, g)], 1.0) for nip in sorted(group)],
                float(total),
                g,
                f"{total} keanggotaan tim {jabatan} dari {len(group)} pegawai yang memenuhi",
            )
    # a Ketua for every team that needs one, from its own candidates
    for team, g in team_group.items():
        calon_ketua = [nip for nip in whole.calon_ketua.get(team, ()) if nip in placed_people]
        if whole.perlu_ketua.get(team):
            need_row(
                [(x[(nip, g)], 1.0) for nip in calon_ketua],
                1.0,
                g,
                f"calon Ketua Tim untuk {team_names.get(team, team)}",
            )
    for pin in plan.penetapan:
        g = team_group.get(pin.tim) if pin.tim is not None else act_group.get(pin.kegiatan or "")
        if g is not None and pin.peran.name in ("KETUA", "ANGGOTA") and (pin.nip, g) in x:
            row(model, [(x[(pin.nip, g)], 1.0)], EQ, 1.0, f"pin_{pin.nip}_{g}")
    # a person in a second part costs a little: parts stay small unless a need calls
    model.objective = penalty + [(col, 1.0) for col in x.values()]
    outcome = solve_model(model, Tenggat(60.0), threads=1, celah=0.01)
    if outcome.x is None:  # no placement in time: round-robin, the parts will say why
        fallback = {p.nip: {k % n_parts: avail[p.nip]} for k, p in enumerate(free)}
        return (
            fallback,
            {},
            [(g, "penempatan pegawai tidak selesai dalam batas waktu") for g in range(n_parts)],
        )
    values = outcome.x
    placed: dict[str, dict[int, float]] = {}
    slots: dict[str, dict[int, int]] = {}
    for p in free:
        where = {
            g: float(values[h[(p.nip, g)]]) for g in range(n_parts) if values[x[(p.nip, g)]] > 0.5
        }
        if not where:
            where = {max(range(n_parts), key=lambda g: values[x[(p.nip, g)]]): 0.0}
        home = max(where, key=lambda g: where[g])
        where[home] += max(0.0, avail[p.nip] - sum(where.values()))  # the rest at home
        placed[p.nip] = where
        if len(where) > 1:  # the limit divided as placed, the rest at home
            given = {g: round(float(values[slot[(p.nip, g)]])) for g in where}
            given[home] += max(0, limit[p.nip] - sum(given.values()))
            slots[p.nip] = given
    missing = [(g, what) for col, g, what in short if values[col] > 0.5]
    return placed, slots, missing


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
        NIP → most teams of this part the person may join (their limit less the teams
        they are in elsewhere), written as their ``maks_tim`` in the part.

    Returns
    -------
    Rencana
        The part's plan; the caller keeps each person's hours over all parts within
        what they have.
    """
    everyone = {p.nip: p for p in unit.pegawai}
    caps = tim_maks or {}

    def lent(p: Pegawai, **changes: object) -> Pegawai:
        if p.nip in caps:
            changes["maks_tim"] = caps[p.nip]
        return dataclasses.replace(p, **changes) if changes else p  # type: ignore[arg-type]

    staff = []
    for p in bagian.pegawai:
        extra = tambahan.get(p.nip, 0.0)
        if extra > 0:
            staff.append(lent(p, committed_hours=max(0.0, p.committed_hours - extra)))
        else:
            staff.append(lent(p))
    have = {p.nip for p in bagian.pegawai}
    for nip, extra in tambahan.items():
        if nip not in have and extra > 0:
            p = everyone[nip]
            staff.append(lent(p, committed_hours=unit.capacity(p) - extra))
    return dataclasses.replace(bagian, pegawai=tuple(staff), rows={})


def tim_boleh(bagian: Rencana, nip: str) -> int:
    """Return how many of a part's teams a person may join there (0 when not in it)."""
    person = next((p for p in bagian.pegawai if p.nip == nip), None)
    if person is None:
        return 0
    barred = {p.tim for p in bagian.penetapan if p.nip == nip and p.peran is Peran.BUKAN_ANGGOTA}
    return min(bagian.maks_tim(person), len({t.code for t in bagian.tim} - barred))
