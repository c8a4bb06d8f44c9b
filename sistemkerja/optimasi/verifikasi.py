"""Check an allocation against every rule of the plan, independently of the model.

Used by the tests (every returned solution must pass) and by users who edit an
allocation by hand. Works from the plan and the allocation only; it shares the
eligibility rules of :mod:`sistemkerja.optimasi.masukan` but none of the model's rows.
"""

from __future__ import annotations

from collections import defaultdict

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.rencana import Rencana
from sistemkerja.optimasi.masukan import Masukan, build_masukan


def verifikasi_alokasi(plan: Rencana, alokasi: Alokasi, *, tol: float = 1e-4) -> list[str]:
    """Return every rule the allocation breaks, in Indonesian (empty when it holds).

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        The allocation to check.
    tol : float
        Tolerance for hours (jam), fractions and rupiah (scaled).

    Returns
    -------
    list of str
        One message per violation.
    """
    m = build_masukan(plan)
    out: list[str] = []
    lines = {(b.beban.kegiatan, b.beban.jabatan, b.beban.jenjang_min): b for b in m.baris}
    members = {(k.nip, k.tim) for k in alokasi.keanggotaan}
    leaders: dict[str, list[str]] = defaultdict(list)
    for k in alokasi.keanggotaan:
        if k.ketua:
            leaders[k.tim].append(k.nip)
    share: dict[int, float] = defaultdict(float)
    hours: dict[str, float] = defaultdict(float)
    team_hours: dict[tuple[str, str], float] = defaultdict(float)
    carriers: dict[str, set[str]] = defaultdict(set)
    cost_by_activity: dict[str, float] = defaultdict(float)
    for t in alokasi.penugasan:
        line = lines.get((t.kegiatan, t.jabatan, t.jenjang_min))
        if line is None:
            out.append(f"penugasan {t.nip} pada {t.kegiatan}/{t.jabatan} tidak ada di rencana")
            continue
        r = line.index
        if (t.nip, r) not in m.jam:
            out.append(f"{t.nip} tidak memenuhi syarat {t.jabatan} pada {t.kegiatan}")
            continue
        expected_hours = t.porsi * m.jam[(t.nip, r)]
        if abs(expected_hours - t.jam) > tol * max(1.0, t.jam):
            out.append(f"jam {t.nip} pada {t.kegiatan} tidak sesuai porsinya")
        share[r] += t.porsi
        hours[t.nip] += t.jam
        cost_by_activity[t.kegiatan] += t.biaya
        if line.tim is not None:
            team_hours[(t.nip, line.tim)] += t.jam
            if (t.nip, line.tim) not in members:
                out.append(f"{t.nip} bekerja pada {t.kegiatan} tetapi bukan anggota {line.tim}")
        else:
            carriers[t.kegiatan].add(t.nip)
            if abs(t.porsi - 1.0) > tol:
                out.append(f"kegiatan individu {t.kegiatan} dibagi, bukan dibawa satu orang")
    for line in m.baris:
        if abs(share[line.index] - 1.0) > tol:
            out.append(
                f"baris beban {line.kegiatan.code}/{line.beban.jabatan} tertutup "
                f"{share[line.index]:.4f}, bukan 1"
            )
    for code, who in carriers.items():
        if len(who) > 1:
            out.append(f"kegiatan individu {code} dibawa {len(who)} orang")
    k = plan.kebijakan
    for nip, p in m.pegawai.items():
        led = sum(1 for t, ls in leaders.items() if nip in ls)
        total = hours[nip] + k.jam_ketua * led
        if total > m.tersedia[nip] + tol * max(1.0, total):
            out.append(f"{p.name} melebihi kapasitas: {total:.2f} > {m.tersedia[nip]:.2f} jam")
    per_person: dict[str, int] = defaultdict(int)
    for nip, t in members:
        per_person[nip] += 1
        if nip not in m.calon_anggota.get(t, []):
            out.append(f"{nip} menjadi anggota {t} tanpa memenuhi syarat peran di tim itu")
        contribution = team_hours[(nip, t)] + (k.jam_ketua if nip in leaders.get(t, []) else 0.0)
        if contribution < k.min_jam_anggota - tol * max(1.0, k.min_jam_anggota):
            out.append(f"{nip} di {t} hanya {contribution:.2f} jam (< {k.min_jam_anggota} jam)")
    for nip, count in per_person.items():
        if count > m.maks_tim[nip]:
            out.append(f"{nip} di {count} tim (> {m.maks_tim[nip]})")
    teams = {t.code: t for t in plan.tim}
    for t in m.tim:
        size = sum(1 for _, tt in members if tt == t)
        team = teams[t]
        if size < team.size_min or (team.size_max is not None and size > team.size_max):
            out.append(f"ukuran {t} = {size}, di luar {team.size_min}–{team.size_max}")
        if m.perlu_ketua[t]:
            if len(leaders.get(t, [])) != 1:
                out.append(f"{t} memerlukan tepat satu Ketua Tim, ada {len(leaders.get(t, []))}")
            elif leaders[t][0] not in m.calon_ketua[t]:
                out.append(f"Ketua {t} tidak berjenjang Ketua Tim")
    for need in m.kebutuhan:
        have = sum(1 for nip in need.calon if (nip, need.tim) in members)
        if have < need.orang:
            out.append(f"{need.tim} kurang {need.orang - have} orang {need.jabatan}")
    for nip, t in m.pin_anggota:
        if (nip, t) not in members:
            out.append(f"penetapan: {nip} harus di {t}")
    for nip, t in m.pin_ketua:
        if nip not in leaders.get(t, []):
            out.append(f"penetapan: {nip} harus Ketua {t}")
    for (nip, code), fixed in m.pin_jam.items():
        got = sum(x.jam for x in alokasi.penugasan if x.nip == nip and x.kegiatan == code)
        if abs(got - fixed) > tol * max(1.0, fixed):
            out.append(f"penetapan: {nip} harus {fixed} jam pada {code}, dapat {got:.2f}")
    out += _budget(m, alokasi, cost_by_activity, tol)
    return out


def _budget(m: Masukan, alokasi: Alokasi, cost: dict[str, float], tol: float) -> list[str]:
    if m.pagu_unit is None:
        return []
    out = []
    per_key = m.charges(cost)
    for key, pagu in m.pagu.items():
        total = m.beban_kegiatan_rka.get(key, 0.0) + per_key.get(key, 0.0)
        if total > pagu + max(1.0, tol * pagu):
            out.append(f"pagu {key} terlampaui: {total:,.0f} > {pagu:,.0f}")
    involved = {t.nip for t in alokasi.penugasan} | {k.nip for k in alokasi.keanggotaan}
    involvement = sum(
        m.pegawai[nip].involvement_cost for nip in involved if m.asal[nip] is not Asal.UNIT
    )
    unit_total = m.belanja_total + sum(cost.values()) + involvement
    if unit_total > m.pagu_unit + max(1.0, tol * m.pagu_unit):
        out.append(f"pagu unit terlampaui: {unit_total:,.0f} > {m.pagu_unit:,.0f}")
    return out
