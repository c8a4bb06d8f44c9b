"""A quick greedy allocation used as the MIP's warm start (no PuLP).

It follows the plan's rules where it easily can: first the memberships every team must
have (pinned people, the Ketua, the people each role needs, the minimum size), then the
individual activities, then each team line split among the team's members with the most
hours left, giving every member at least the minimum contribution. It is not optimal and,
on a tight plan, not always feasible; the solver checks it and ignores it when it breaks
a rule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal
from sistemkerja.optimasi.masukan import Masukan


@dataclass(slots=True)
class Awal:
    """A starting allocation in the model's own variables.

    Attributes
    ----------
    f : dict of (str, int) to float
        Fraction of team line ``r`` done by person ``p``.
    u : dict of (str, str) to float
        1 when person ``p`` carries individual activity ``a``.
    y : set of (str, str)
        (nip, team) memberships.
    z : set of (str, str)
        (nip, team) Ketua Tim roles.
    """

    f: dict[tuple[str, int], float] = field(default_factory=dict)
    u: dict[tuple[str, str], float] = field(default_factory=dict)
    y: set[tuple[str, str]] = field(default_factory=set)
    z: set[tuple[str, str]] = field(default_factory=set)


class _State:
    """Hours left, memberships and hours per (person, team) while building."""

    def __init__(self, m: Masukan, guide: dict[tuple[str, str], float] | None = None) -> None:
        self.m = m
        self.guide = guide or {}
        self.start = Awal()
        self.left = dict(m.tersedia)
        self.teams_of: dict[str, set[str]] = defaultdict(set)
        self.team_hours: dict[tuple[str, str], float] = defaultdict(float)
        self.size: dict[str, int] = defaultdict(int)
        self.max_teams = m.maks_tim
        self.sizes = {t.code: t for t in m.plan.tim}

    def preference(self, nip: str, key: str = "") -> tuple[float, int, float]:
        """Order of choice: most hours in the guide for ``key``, own staff, most room."""
        outside = self.m.asal[nip] is not Asal.UNIT
        return (-self.guide.get((nip, key), 0.0), outside, -self.left[nip])

    def can_join(self, nip: str, tim: str) -> bool:
        if (nip, tim) in self.start.y:
            return True
        size_max = self.sizes[tim].size_max
        full = size_max is not None and self.size[tim] >= size_max
        return not full and len(self.teams_of[nip]) < self.max_teams[nip]

    def join(self, nip: str, tim: str) -> None:
        if (nip, tim) not in self.start.y:
            self.start.y.add((nip, tim))
            self.teams_of[nip].add(tim)
            self.size[tim] += 1

    def give(self, nip: str, r: int, share: float) -> None:
        hours = share * self.m.jam[(nip, r)]
        self.start.f[(nip, r)] = self.start.f.get((nip, r), 0.0) + share
        self.left[nip] -= hours
        tim = self.m.baris_by_index[r].tim
        assert tim is not None
        self.team_hours[(nip, tim)] += hours


def greedy(m: Masukan, guide: dict[tuple[str, str], float] | None = None) -> Awal:
    """Build a quick allocation of every line, team and leader role.

    Parameters
    ----------
    m : Masukan
        Model input.

    Returns
    -------
    Awal
        The allocation (may break capacity or team rules when the plan is tight).
    """
    s = _State(m, guide)
    _memberships(s)
    _individuals(s)
    _lines(s)
    return s.start


def _memberships(s: _State) -> None:
    m = s.m
    jam_ketua = m.plan.kebijakan.jam_ketua
    for nip, tim in sorted(m.pin_anggota):
        if nip in m.calon_anggota.get(tim, []):
            s.join(nip, tim)
    # Leaders first (one per team), scarcest candidate lists first.
    leaderless = [t for t in m.tim if m.perlu_ketua[t] and m.calon_ketua[t]]
    for t in sorted(leaderless, key=lambda t: len(m.calon_ketua[t])):
        pinned = [nip for nip, tim in m.pin_ketua if tim == t and nip in m.calon_ketua[t]]
        options = pinned or [nip for nip in m.calon_ketua[t] if s.can_join(nip, t)]
        if options:
            leader = min(options, key=lambda nip: s.preference(nip, t))
            s.start.z.add((leader, t))
            s.join(leader, t)
            s.left[leader] -= jam_ketua
            s.team_hours[(leader, t)] += jam_ketua
    # Then the people each role needs, the needs with the least choice first.
    for need in sorted(m.kebutuhan, key=lambda k: (len(k.calon) - k.orang, k.tim)):
        t = need.tim
        have = sum(1 for nip in need.calon if (nip, t) in s.start.y)
        extra = sorted(
            (nip for nip in need.calon if (nip, t) not in s.start.y and s.can_join(nip, t)),
            key=lambda nip: s.preference(nip, t),
        )
        for nip in extra[: max(0, need.orang - have)]:
            s.join(nip, t)
    for t in m.tim:
        missing = s.sizes[t].size_min - s.size[t]
        if missing > 0:
            extra = sorted(
                (nip for nip in m.calon_anggota[t] if (nip, t) not in s.start.y),
                key=lambda nip: s.preference(nip, t),
            )
            for nip in [n for n in extra if s.can_join(n, t)][:missing]:
                s.join(nip, t)


def _individuals(s: _State) -> None:
    m = s.m
    for code, lines in sorted(
        m.kegiatan_individu.items(), key=lambda item: -sum(m.baris_by_index[r].jam for r in item[1])
    ):
        carriers = m.pembawa.get(code, [])
        if carriers:
            nip = min(carriers, key=lambda nip: s.preference(nip, code))
            s.start.u[(nip, code)] = 1.0
            s.left[nip] -= sum(m.jam[(nip, r)] for r in lines)


def _lines(s: _State) -> None:
    """Split each team line among members; the most constrained lines go first."""
    m = s.m
    minimum = m.plan.kebijakan.min_jam_anggota
    team_lines = sorted(
        (b for b in m.baris if b.tim is not None), key=lambda b: (len(m.layak[b.index]), -b.jam)
    )
    # Pressure: hours of the lines still to fill that each person could take, shared among
    # the eligible; people under less pressure are asked first.
    pressure: dict[str, float] = defaultdict(float)
    for b in team_lines:
        for nip in m.layak[b.index]:
            pressure[nip] += m.jam[(nip, b.index)] / len(m.layak[b.index])

    def ask(nip: str, t: str) -> tuple[float, int, int, float]:
        room = max(s.left[nip], 1e-6)
        guided = -s.guide.get((nip, t), 0.0)
        return (guided, m.asal[nip] is not Asal.UNIT, len(s.teams_of[nip]), pressure[nip] / room)

    for line in team_lines:
        t = line.tim
        assert t is not None
        r = line.index
        for nip in m.layak[r]:
            pressure[nip] -= m.jam[(nip, r)] / len(m.layak[r])
        need = 1.0
        members = [nip for nip in m.layak[r] if (nip, t) in s.start.y]
        # First bring members below the minimum contribution up to it.
        for nip in sorted(members, key=lambda n: s.team_hours[(n, t)]):
            short = minimum - s.team_hours[(nip, t)]
            if short <= 0 or need <= 1e-9:
                continue
            hours = m.jam[(nip, r)]
            share = min(need, short / hours, max(0.0, s.left[nip]) / hours) if hours else need
            if share > 1e-9:
                s.give(nip, r, share)
                need -= share
        # Then members with hours left, then new members who can give at least the minimum.
        others = [nip for nip in m.layak[r] if (nip, t) not in s.start.y and s.can_join(nip, t)]
        ordered = sorted(members, key=lambda n: ask(n, t)) + sorted(others, key=lambda n: ask(n, t))
        for nip in ordered:
            if need <= 1e-9:
                break
            hours = m.jam[(nip, r)]
            share = min(need, max(0.0, s.left[nip]) / hours) if hours > 0 else need
            if share <= 1e-9:
                continue
            if (nip, t) not in s.start.y:
                if share * hours < minimum - 1e-9 and share < need - 1e-9:
                    continue  # joining for a sliver would break the minimum contribution
                s.join(nip, t)
            s.give(nip, r, share)
            need -= share
        if need > 1e-9:
            # No one has hours left: load the member with the most room (breaks capacity;
            # the solver then discards this start rather than leave work uncovered).
            pool = members or ordered or m.layak[r]
            if pool:
                nip = max(pool, key=lambda n: s.left[n])
                s.join(nip, t)
                s.give(nip, r, need)
    _drop_idle(s)


def _drop_idle(s: _State) -> None:
    """Remove memberships without hours that no rule requires (one at a time, recounting)."""
    m = s.m
    required = set(m.pin_anggota) | set(s.start.z)
    needs_of: dict[tuple[str, str], list[int]] = defaultdict(list)
    held: list[int] = []
    for i, need in enumerate(m.kebutuhan):
        holders = [nip for nip in need.calon if (nip, need.tim) in s.start.y]
        held.append(len(holders))
        for nip in holders:
            needs_of[(nip, need.tim)].append(i)
    for key in sorted(s.start.y):
        nip, t = key
        if s.team_hours[key] > 1e-9 or key in required:
            continue
        if s.size[t] <= s.sizes[t].size_min:
            continue
        if any(held[i] <= m.kebutuhan[i].orang for i in needs_of[key]):
            continue
        for i in needs_of[key]:
            held[i] -= 1
        s.start.y.discard(key)
        s.teams_of[nip].discard(t)
        s.size[t] -= 1


def from_alokasi(m: Masukan, alokasi: Alokasi) -> Awal:
    """Return a known allocation (the ``acuan``) as a start, with this plan's pins applied.

    The memberships, Ketua roles and individual carriers of ``alokasi`` that this plan
    still allows are kept; each pinned Ketua replaces the team's Ketua (who stays a
    member), each pinned member joins; a person then in more teams than
    ``max_tim_per_pegawai`` leaves the unpinned teams where they had the fewest hours,
    and a team then above its largest size loses the unpinned plain members with the
    fewest hours in it whom no role needs.
    Team hours are not kept: the caller fits them to the memberships by an LP. The
    result may still break a rule (the solver checks it and ignores it then).

    Parameters
    ----------
    m : Masukan
        Model input of the plan to solve (its pins included).
    alokasi : Alokasi
        The reference allocation, typically the result of the plan without the pins.

    Returns
    -------
    Awal
        Memberships ``y``, Ketua roles ``z`` and carriers ``u`` (``f`` left empty).
    """
    members = {t: set(m.calon_anggota.get(t, ())) for t in m.tim}
    leaders = {t: set(m.calon_ketua.get(t, ())) for t in m.tim}
    start = Awal()
    for k in alokasi.keanggotaan:
        if k.nip in members.get(k.tim, ()):
            start.y.add((k.nip, k.tim))
            if k.ketua and k.nip in leaders.get(k.tim, ()):
                start.z.add((k.nip, k.tim))
    hours: dict[tuple[str, str], float] = defaultdict(float)
    team_of = {b.kegiatan.code: b.tim for b in m.baris}
    for t in alokasi.penugasan:
        tim = team_of.get(t.kegiatan)
        if tim is not None:
            hours[(t.nip, tim)] += t.jam
        elif t.nip in m.pembawa.get(t.kegiatan, ()):
            start.u[(t.nip, t.kegiatan)] = 1.0
    for nip, tim in sorted(m.pin_ketua):
        if nip in leaders.get(tim, ()):
            start.z = {(p, t) for p, t in start.z if t != tim}
            start.z.add((nip, tim))
            start.y.add((nip, tim))
    for nip, tim in sorted(m.pin_anggota):
        if nip in members.get(tim, ()):
            start.y.add((nip, tim))
    keep = set(m.pin_anggota) | set(m.pin_ketua)
    teams_of: dict[str, list[str]] = defaultdict(list)
    for nip, tim in sorted(start.y):
        teams_of[nip].append(tim)
    for nip, teams in teams_of.items():
        extra = len(teams) - m.maks_tim[nip]
        free = sorted((t for t in teams if (nip, t) not in keep), key=lambda t: hours[(nip, t)])
        for tim in free[: max(0, extra)]:
            start.y.discard((nip, tim))
            start.z.discard((nip, tim))
    for team in m.plan.tim:
        inside = sorted(
            (nip for nip, t in start.y if t == team.code and (nip, t) not in keep | start.z),
            key=lambda nip: (hours[(nip, team.code)], nip),
        )
        size = sum(1 for _, t in start.y if t == team.code)
        extra = 0 if team.size_max is None else size - team.size_max
        needs = [k for k in m.kebutuhan if k.tim == team.code]
        for nip in inside:
            if extra <= 0:
                break
            if any(
                nip in k.calon and sum((p, k.tim) in start.y for p in k.calon) <= k.orang
                for k in needs
            ):
                continue  # a role needs this person
            start.y.discard((nip, team.code))
            extra -= 1
    return start


def open_teams(m: Masukan, alokasi: Alokasi, start: Awal) -> set[str]:
    """Teams a pin touches: pinned teams, the pinned people's teams, teams ``start`` changed.

    Parameters
    ----------
    m : Masukan
        Model input (its pins).
    alokasi : Alokasi
        The reference allocation.
    start : Awal
        :func:`from_alokasi` of it.

    Returns
    -------
    set of str
        Team codes whose members and Ketua may be re-chosen to keep every rule.
    """
    pins = m.pin_ketua | m.pin_anggota
    people = {nip for nip, _ in pins} | {nip for nip, _ in m.pin_jam}
    members = {(k.nip, k.tim) for k in alokasi.keanggotaan}
    leaders = {(k.nip, k.tim) for k in alokasi.keanggotaan if k.ketua}
    teams = {t for _, t in pins}
    teams |= {t for nip, t in members | start.y if nip in people}
    teams |= {t for _, t in (members ^ start.y) | (leaders ^ start.z)}
    return teams
