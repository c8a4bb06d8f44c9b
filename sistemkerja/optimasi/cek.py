"""Fast pre-checks that explain, in the plan's own terms, why no allocation can exist.

Each check is a necessary condition of feasibility; when one fails the optimiser does not
need to run to know the plan cannot be met, and the message says what is missing and by
how much. The elastic re-solve (:mod:`sistemkerja.optimasi.model`) explains the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Jenjang, Peran
from sistemkerja.domain.penetapan import Penetapan
from sistemkerja.optimasi.masukan import Masukan, allowed_origin


@dataclass(frozen=True, slots=True)
class Penjelasan:
    """One reason a plan cannot be met.

    Parameters
    ----------
    code : str
        Stable code, e.g. ``"no_leader_candidate"``.
    message : str
        Indonesian explanation naming teams, activities, jabatan and numbers.
    kekurangan : float
        Size of the shortfall in ``satuan`` (0 when it is not a quantity).
    satuan : str
        Unit of the shortfall: ``"jam"``, ``"Rp"``, ``"orang"`` or ``""``.
    baris_penetapan : tuple of int
        Rows of the Penetapan sheet (Excel row numbers, header row 1) that cause or
        share the cause; the message names them too.
    """

    code: str
    message: str
    kekurangan: float = 0.0
    satuan: str = ""
    baris_penetapan: tuple[int, ...] = ()

    def __str__(self) -> str:
        return self.message


def _jam(x: float) -> str:
    return format_angka(x, 0)


def _rp(x: float) -> str:
    return f"Rp {format_angka(x, 0)}"


def _role(jabatan: str, jenjang: Jenjang | None) -> str:
    return f"{jabatan} berjenjang minimal {jenjang}" if jenjang else jabatan


def _team_name(m: Masukan, code: str) -> str:
    names = {t.code: t.name for t in m.plan.tim}
    return names.get(code, code)


def penetapan_rows(m: Masukan, keep: Callable[[Penetapan], bool]) -> tuple[int, ...]:
    """Excel rows of the Penetapan sheet whose entries satisfy ``keep``."""
    return tuple(m.plan.row_of("Penetapan", i) for i, x in enumerate(m.plan.penetapan) if keep(x))


def rows_text(rows: tuple[int, ...]) -> str:
    """``" (lembar Penetapan baris 4, 7)"``, or ``""`` without rows."""
    if not rows:
        return ""
    return f" (lembar Penetapan baris {', '.join(str(r) for r in rows)})"


def precheck(m: Masukan) -> list[Penjelasan]:
    """Run every pre-check; return the reasons the plan is surely infeasible.

    Parameters
    ----------
    m : Masukan
        Model input.

    Returns
    -------
    list of Penjelasan
        Empty when no pre-check fails (the plan may still be infeasible).
    """
    found: list[Penjelasan] = []
    found += _lines_without_people(m)
    found += _leaders(m)
    found += _team_sizes(m)
    found += _capacity(m)
    found += _budget(m)
    found += _pins(m)
    return found


def _lines_without_people(m: Masukan) -> list[Penjelasan]:
    found = []
    allowed = allowed_origin(m.plan)
    for line in m.baris:
        if m.layak[line.index]:
            continue
        b = line.beban
        origin = allowed.get((line.kegiatan.indikator, b.jabatan))
        origin_text = f"asal diizinkan sampai {origin}" if origin else "hanya pegawai unit"
        found.append(
            Penjelasan(
                "no_eligible_person",
                f"Kegiatan {line.kegiatan.code} membutuhkan {_role(b.jabatan, b.jenjang_min)} "
                f"selama {_jam(line.jam)} jam, tetapi tidak ada pegawai yang memenuhi "
                f"({origin_text}; lihat lembar Kebutuhan Peran dan Penetapan)",
                line.jam,
                "jam",
            )
        )
    for code, lines in m.kegiatan_individu.items():
        if m.pembawa.get(code) or not all(m.layak[r] for r in lines):
            continue
        roles = ", ".join(
            _role(m.baris_by_index[r].beban.jabatan, m.baris_by_index[r].beban.jenjang_min)
            for r in lines
        )
        found.append(
            Penjelasan(
                "no_individual_carrier",
                f"Kegiatan {code} dikerjakan individu, tetapi tidak ada satu pegawai pun "
                f"yang memenuhi semua perannya ({roles})",
            )
        )
    return found


def _leaders(m: Masukan) -> list[Penjelasan]:
    found = []
    eligible = ", ".join(str(j) for j in m.plan.kebijakan.ketua_jenjang) or "(tidak ada)"
    jenjang = set(m.plan.kebijakan.ketua_jenjang)
    team_of = {k.code: k.tim for k in m.plan.kegiatan}
    for t in m.tim:
        if m.perlu_ketua[t] and not m.calon_ketua[t]:
            # Forbids that took out someone who could otherwise lead this team.
            rows = penetapan_rows(
                m,
                lambda x, t=t: (
                    x.nip in m.pegawai
                    and m.pegawai[x.nip].jenjang in jenjang
                    and (
                        (x.peran is Peran.BUKAN_ANGGOTA and x.tim == t)
                        or (x.peran is Peran.DILARANG and team_of.get(x.kegiatan or "") == t)
                    )
                ),
            )
            cause = (
                f"; calon Ketua yang memenuhi jenjang dikeluarkan oleh penetapan{rows_text(rows)}"
                if rows
                else ""
            )
            found.append(
                Penjelasan(
                    "no_leader_candidate",
                    f"{_team_name(m, t)} membutuhkan Ketua Tim berjenjang {eligible}, tetapi "
                    "tidak ada calon yang memenuhi di antara pegawai yang dapat menjadi "
                    f"anggotanya{cause}",
                    1,
                    "orang",
                    rows,
                )
            )
    return found


def _team_sizes(m: Masukan) -> list[Penjelasan]:
    found = []
    teams = {t.code: t for t in m.plan.tim}
    min_hours = m.plan.kebijakan.min_jam_anggota
    for t in m.tim:
        team = teams[t]
        n = len(m.calon_anggota[t])
        if n < team.size_min:
            found.append(
                Penjelasan(
                    "team_too_small",
                    f"{team.name} membutuhkan minimal {team.size_min} anggota, tetapi hanya "
                    f"{n} pegawai yang memenuhi syarat peran di tim ini",
                    team.size_min - n,
                    "orang",
                )
            )
        hours = sum(
            min(m.jam[(p, line.index)] for p in m.layak[line.index])
            for line in m.baris_tim(t)
            if m.layak[line.index]
        )
        if min_hours > 0 and hours < team.size_min * min_hours - 1e-6:
            found.append(
                Penjelasan(
                    "team_hours_too_few",
                    f"Beban {team.name} hanya {_jam(hours)} jam; tidak cukup untuk "
                    f"{team.size_min} anggota × {_jam(min_hours)} jam minimal per anggota",
                    team.size_min * min_hours - hours,
                    "jam",
                )
            )
    for k in m.kebutuhan:
        if len(k.calon) < k.orang:
            found.append(
                Penjelasan(
                    "not_enough_people",
                    f"{_team_name(m, k.tim)} membutuhkan {k.orang} orang "
                    f"{_role(k.jabatan, k.jenjang_min)} untuk {k.indikator}, tetapi hanya "
                    f"{len(k.calon)} yang memenuhi",
                    k.orang - len(k.calon),
                    "orang",
                )
            )
    return found


def _capacity(m: Masukan) -> list[Penjelasan]:
    """Hall-type check: lines whose eligible set lies inside a group vs that group's hours."""
    groups: dict[frozenset[str], list[int]] = defaultdict(list)
    for line in m.baris:
        if m.layak[line.index]:
            groups[frozenset(m.layak[line.index])].append(line.index)
    # A person has one jabatan, so eligible sets of different jabatan never nest:
    # compare groups within a jabatan only.
    by_jabatan: dict[str, list[frozenset[str]]] = defaultdict(list)
    for group, lines in groups.items():
        by_jabatan[m.baris_by_index[lines[0]].beban.jabatan].append(group)
    # Least hours each group's lines can take (jam), and the roles they name.
    least = {g: sum(min(m.jam[(p, r)] for p in m.layak[r]) for r in rs) for g, rs in groups.items()}
    roles = {
        g: {
            _role(m.baris_by_index[r].beban.jabatan, m.baris_by_index[r].beban.jenjang_min)
            for r in rs
        }
        for g, rs in groups.items()
    }
    found = []
    reported: set[str] = set()
    for group in sorted(groups, key=len):
        demand = 0.0
        labels: set[str] = set()
        jabatan = m.baris_by_index[groups[group][0]].beban.jabatan
        for other in by_jabatan[jabatan]:
            if other <= group:
                demand += least[other]
                labels |= roles[other]
        supply = sum(m.tersedia[p] for p in group)
        label = " dan ".join(sorted(labels))
        if demand > supply + 1e-6 and label not in reported:
            reported.add(label)
            found.append(
                Penjelasan(
                    "capacity_short",
                    f"Kebutuhan {_jam(demand)} jam {label} melebihi kapasitas tersedia "
                    f"{_jam(supply)} jam ({len(group)} pegawai yang memenuhi syarat)",
                    demand - supply,
                    "jam",
                )
            )
    return found


def _budget(m: Masukan) -> list[Penjelasan]:
    found = []
    names = {p.key: p for p in m.plan.pagu}
    min_cost: dict[str, float] = defaultdict(float)
    for line in m.baris:
        if m.layak[line.index]:
            min_cost[line.kegiatan.code] += min(
                m.biaya[(p, line.index)] for p in m.layak[line.index]
            )
    lines_by_activity: dict[tuple[str, tuple[str, str, str | None, str | None]], float]
    lines_by_activity = defaultdict(float)
    for a in m.plan.anggaran:
        lines_by_activity[(a.kegiatan, (a.program, a.giat, a.kro, a.ro))] += a.jumlah
        lines_by_activity[(a.kegiatan, (a.program, a.giat, None, None))] += a.jumlah
    per_key = m.charges(min_cost)
    for (code, key), fixed in lines_by_activity.items():
        if key not in m.pagu or key not in m.pembebanan.get(code, []):
            continue
        own = fixed + min_cost.get(code, 0.0)
        if own > m.pagu[key] + 0.5:
            level = "RO" if key[3] is not None else "Kegiatan"
            found.append(
                Penjelasan(
                    "activity_over_pagu",
                    f"Biaya kegiatan {code} {_rp(own)} melebihi pagu {level} "
                    f"{'.'.join(k for k in key if k)} {_rp(m.pagu[key])}",
                    own - m.pagu[key],
                    "Rp",
                )
            )
    for key, pagu in m.pagu.items():
        total = m.beban_kegiatan_rka.get(key, 0.0) + per_key.get(key, 0.0)
        if total > pagu + 0.5 and not any(f.code == "activity_over_pagu" for f in found):
            level = "RO" if key[3] is not None else "Kegiatan"
            found.append(
                Penjelasan(
                    "pagu_short",
                    f"Belanja {level} {'.'.join(k for k in key if k)} ({names[key].name}) "
                    f"{_rp(m.beban_kegiatan_rka.get(key, 0.0))} ditambah biaya personel minimal "
                    f"{_rp(per_key.get(key, 0.0))} melebihi pagu {_rp(pagu)}",
                    total - pagu,
                    "Rp",
                )
            )
    return found


def _pins(m: Masukan) -> list[Penjelasan]:
    found = []

    def team_pin(nip: str, tim: str, *roles: Peran) -> tuple[int, ...]:
        return penetapan_rows(m, lambda x: x.nip == nip and x.tim == tim and x.peran in roles)

    for nip, tim in sorted(m.pin_anggota):
        if tim in m.calon_anggota and nip not in m.calon_anggota[tim]:
            rows = team_pin(nip, tim, Peran.ANGGOTA, Peran.KETUA)
            found.append(
                Penjelasan(
                    "pin_not_eligible",
                    f"{m.pegawai[nip].name} ditetapkan di {_team_name(m, tim)}, tetapi tidak "
                    f"memenuhi syarat peran apa pun di tim itu{rows_text(rows)}",
                    baris_penetapan=rows,
                )
            )
    for nip, tim in sorted(m.pin_ketua):
        if tim in m.calon_ketua and nip in m.calon_anggota.get(tim, []):
            if nip not in m.calon_ketua[tim]:
                rows = team_pin(nip, tim, Peran.KETUA)
                found.append(
                    Penjelasan(
                        "pin_leader_not_eligible",
                        f"{m.pegawai[nip].name} ditetapkan sebagai Ketua {_team_name(m, tim)}, "
                        f"tetapi jenjang {m.pegawai[nip].jenjang} tidak termasuk jenjang Ketua "
                        f"Tim menurut kebijakan{rows_text(rows)}",
                        baris_penetapan=rows,
                    )
                )
        elif tim in m.calon_anggota and not m.perlu_ketua.get(tim, False):
            rows = team_pin(nip, tim, Peran.KETUA)
            found.append(
                Penjelasan(
                    "pin_leader_not_needed",
                    f"{m.pegawai[nip].name} ditetapkan sebagai Ketua {_team_name(m, tim)}, "
                    f"tetapi strategi tim itu tidak memerlukan Ketua Tim{rows_text(rows)}",
                    baris_penetapan=rows,
                )
            )
    per_person: dict[str, int] = defaultdict(int)
    for nip, _tim in m.pin_anggota:
        per_person[nip] += 1
    for nip, count in per_person.items():
        max_teams = m.maks_tim[nip]
        if count > max_teams:
            rows = penetapan_rows(
                m, lambda x, nip=nip: x.nip == nip and x.peran in (Peran.ANGGOTA, Peran.KETUA)
            )
            found.append(
                Penjelasan(
                    "pin_too_many_teams",
                    f"{m.pegawai[nip].name} ditetapkan di {count} tim, melebihi batas "
                    f"{max_teams} tim untuk pegawai ini{rows_text(rows)}",
                    count - max_teams,
                    "orang",
                    rows,
                )
            )
    fixed: dict[str, float] = defaultdict(float)
    for (nip, _code), hours in m.pin_jam.items():
        fixed[nip] += hours
    for nip, hours in fixed.items():
        if hours > m.tersedia[nip] + 1e-6:
            rows = penetapan_rows(m, lambda x, nip=nip: x.nip == nip and x.peran is Peran.JAM_TETAP)
            found.append(
                Penjelasan(
                    "pin_hours_over_capacity",
                    f"Jam tetap {m.pegawai[nip].name} {_jam(hours)} jam melebihi kapasitas "
                    f"tersedianya {_jam(m.tersedia[nip])} jam{rows_text(rows)}",
                    hours - m.tersedia[nip],
                    "jam",
                    rows,
                )
            )
    return found
