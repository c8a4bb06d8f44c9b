"""A quick greedy allocation used as the MIP's warm start (no PuLP).

Not optimal and not always feasible: it gives each line to the eligible people with the
most hours left, preferring people already in the team, and picks the eligible Ketua
with the most hours left. The solver checks it and ignores it when it breaks a rule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

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


def greedy(m: Masukan) -> Awal:
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
    start = Awal()
    left = dict(m.tersedia)
    teams_of: dict[str, set[str]] = defaultdict(set)
    max_teams = m.plan.kebijakan.max_tim_per_pegawai
    jam_ketua = m.plan.kebijakan.jam_ketua

    def join(nip: str, tim: str) -> None:
        start.y.add((nip, tim))
        teams_of[nip].add(tim)

    def preference(nip: str) -> tuple[int, float]:
        return (m.asal[nip] is not Asal.UNIT, -left[nip])

    for nip, tim in m.pin_anggota:
        if nip in m.calon_anggota.get(tim, []):
            join(nip, tim)
    for t in m.tim:
        if not m.perlu_ketua[t] or not m.calon_ketua[t]:
            continue
        pinned = [nip for nip, tim in m.pin_ketua if tim == t and nip in m.calon_ketua[t]]
        leader = pinned[0] if pinned else min(m.calon_ketua[t], key=preference)
        start.z.add((leader, t))
        join(leader, t)
        left[leader] -= jam_ketua

    for code, lines in sorted(
        m.kegiatan_individu.items(), key=lambda item: -sum(m.baris_by_index[r].jam for r in item[1])
    ):
        carriers = m.pembawa.get(code, [])
        if not carriers:
            continue
        nip = min(carriers, key=preference)
        start.u[(nip, code)] = 1.0
        left[nip] -= sum(m.jam[(nip, r)] for r in lines)

    team_lines = sorted((b for b in m.baris if b.tim is not None), key=lambda b: -b.jam)
    for line in team_lines:
        t = line.tim
        assert t is not None
        need = 1.0
        people = [
            nip
            for nip in m.layak[line.index]
            if (nip, t) in start.y or len(teams_of[nip]) < max_teams
        ]
        people.sort(key=lambda nip: ((nip, t) not in start.y, *preference(nip)))
        for nip in people:
            if need <= 1e-9:
                break
            hours = m.jam[(nip, line.index)]
            share = min(need, max(0.0, left[nip]) / hours) if hours > 0 else need
            if share <= 1e-6:
                continue
            start.f[(nip, line.index)] = share
            left[nip] -= share * hours
            need -= share
            join(nip, t)
        if need > 1e-9 and people:
            nip = people[0]
            start.f[(nip, line.index)] = start.f.get((nip, line.index), 0.0) + need
            left[nip] -= need * m.jam[(nip, line.index)]
            join(nip, t)
    return start
