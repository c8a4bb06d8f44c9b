"""A ministry's shared pool: hours divided before the units are solved, checked after.

The capacity check runs on a merged ministry result solved unit by unit for real
(HiGHS), and on a result tampered with to break it. The split of a too-large unit is
checked for what it promises (teams, people, hours, team limits) and, on a unit of 400,
for a plan in every part that is valid as one unit.
"""

from __future__ import annotations

import dataclasses

import pytest

from sistemkerja import contoh
from sistemkerja.contoh.kementerian import generate_kementerian
from sistemkerja.domain.alokasi import Alokasi, Penugasan
from sistemkerja.domain.kementerian import KapasitasTerlampaui, periksa_kapasitas
from sistemkerja.optimasi import optimasi
from sistemkerja.optimasi.dekomposisi import bagi_pool, pecah_rencana


@pytest.fixture(scope="module")
def kementerian():
    return generate_kementerian(4, 40, seed=2, berbagi=3)


def test_generated_ministry_has_a_shared_pool_and_valid_unit_plans(kementerian):
    assert kementerian.kode_unit() == ["DIT-001", "DIT-002", "DIT-003", "DIT-004"]
    pool = kementerian.pool()
    assert pool and all(len(units) >= 2 for units in pool.values())
    for plan in kementerian.unit:
        assert [p for p in plan.validate() if p.is_error] == []
    again = generate_kementerian(4, 40, seed=2, berbagi=3)
    assert again == kementerian  # seeded


def test_pool_shares_add_up_to_each_persons_available_hours(kementerian):
    bagi = bagi_pool(kementerian)
    people = kementerian.pegawai()
    for nip, units in kementerian.pool().items():
        shares = [bagi.jam[(nip, u)] for u in units]
        assert all(s >= 0 for s in shares)
        assert sum(shares) == pytest.approx(bagi.tersedia[nip])
        for u, share in zip(units, shares, strict=True):
            seen = next(p for p in bagi.rencana[u].pegawai if p.nip == nip)
            plan = bagi.rencana[u]
            assert plan.capacity(seen) - seen.committed_hours == pytest.approx(share)
            assert people[nip].committed_hours <= seen.committed_hours


def test_merged_result_solved_unit_by_unit_keeps_everyone_within_capacity(kementerian):
    bagi = bagi_pool(kementerian)
    alokasi = {}
    for u, plan in bagi.rencana.items():
        hasil = optimasi(plan, threads=1, batas_waktu=60)
        assert hasil.ok, (u, hasil.keterangan)
        alokasi[u] = hasil.alokasi
    loads = periksa_kapasitas(kementerian, alokasi)
    pooled = [b for b in loads if b.nip in kementerian.pool()]
    assert all(b.lebih <= 0.01 for b in loads)
    assert pooled, "the units used nobody from the pool: the check proves nothing"
    # the same person given 2,000 more hours in one unit: the check fails loudly
    nip = pooled[0].nip
    unit = next(iter(pooled[0].jam_unit))
    extra = Penugasan(nip, alokasi[unit].penugasan[0].kegiatan, "x", None, 2000.0, 1.0)
    broken = {
        **alokasi,
        unit: Alokasi((*alokasi[unit].penugasan, extra), alokasi[unit].keanggotaan),
    }
    with pytest.raises(KapasitasTerlampaui, match=f"{nip}.*melebihi kapasitas") as caught:
        periksa_kapasitas(kementerian, broken)
    assert caught.value.pelanggaran[0].nip == nip


def test_split_keeps_teams_whole_and_hours_within_each_person(tmp_path):
    plan = contoh.generate(240, seed=5)
    parts = pecah_rencana(plan, 100)
    assert len(parts) == 3
    teams = [t for part in parts for t in part.tim]
    assert sorted(teams) == sorted(t.code for t in plan.tim)  # each team in one part
    acts = [k.code for part in parts for k in part.rencana.kegiatan]
    assert sorted(acts) == sorted(k.code for k in plan.kegiatan)
    original = {p.nip: p for p in plan.pegawai}
    given: dict[str, float] = {}
    for part in parts:
        for p in part.rencana.pegawai:
            free = part.rencana.capacity(p) - p.committed_hours
            given[p.nip] = given.get(p.nip, 0.0) + free
    for nip, hours in given.items():
        p = original[nip]
        if p.jenis.value == "Struktural":
            continue
        assert hours <= plan.capacity(p) - p.committed_hours + 1e-6
    assert set(given) == set(original)  # nobody lost
    assert plan == dataclasses.replace(plan)  # the plan itself is untouched


# ---- the ministry runner ------------------------------------------------------------------
@pytest.fixture(scope="module")
def direncanakan(kementerian):
    """The generated ministry planned in this process, every unit split in two parts."""
    from sistemkerja.sapuan.kementerian import rencanakan_kementerian

    seen = []
    hasil = rencanakan_kementerian(
        kementerian,
        maks_pegawai=25,
        pekerja=0,
        batas_waktu=60,
        kemajuan=lambda u, done, total: seen.append((u.unit, done, total)),
    )
    return hasil, seen


def test_every_unit_gets_a_plan_and_the_merged_ministry_keeps_capacity(kementerian, direncanakan):
    hasil, seen = direncanakan
    assert [u.unit for u in hasil.unit] == kementerian.kode_unit()
    assert sorted(d for _u, d, _t in seen) == [1, 2, 3, 4] and {t for *_x, t in seen} == {4}
    assert all(u.ok for u in hasil.unit), [(u.unit, u.status, u.catatan) for u in hasil.unit]
    assert all(u.bagian >= 1 for u in hasil.unit)
    assert hasil.dipecah(), "no unit was split: the test proves nothing about splitting"
    for u in hasil.dipecah():
        assert any("dipecah per tim" in c for c in u.catatan)  # says where it split
    # rules parts can break together (a person in two parts, each within the limit) are
    # checked on the merged unit and named, never silently kept
    for u in hasil.unit:
        limit = kementerian.rencana(u.unit).kebijakan.max_tim_per_pegawai
        per_person: dict[str, int] = {}
        for k in u.alokasi.keanggotaan:
            per_person[k.nip] = per_person.get(k.nip, 0) + 1
        over = sorted(n for n, c in per_person.items() if c > limit)
        flagged = sorted(
            c.split("(")[1].split(")")[0]
            for c in u.catatan
            if c.startswith("PERHATIAN") and "tim per pegawai" in c
        )
        assert over == flagged == [], (u.unit, over, flagged)  # the parts share the limit
    # the check the runner made, made again on what it returns
    loads = periksa_kapasitas(kementerian, hasil.alokasi)
    assert max(b.lebih for b in loads) <= 0.01
    pooled = [b for b in loads if b.nip in kementerian.pool() and len(b.jam_unit) > 1]
    assert pooled, "no pool person works for two units: the check proves nothing"
    # every activity of every unit is allocated exactly once, by the part that owns it
    for u in hasil.unit:
        plan = kementerian.rencana(u.unit)
        assert u.alokasi is not None
        done = {p.kegiatan for p in u.alokasi.penugasan}
        assert done <= {k.code for k in plan.kegiatan}
        teams = [k.tim for k in u.alokasi.keanggotaan if k.ketua]
        assert len(teams) == len(set(teams))  # one Ketua per team over the parts
        assert u.ej_maks is not None and u.biaya > 0 and u.objective is not None


def test_ministry_workbook_has_units_pool_and_notes(direncanakan, tmp_path):
    import openpyxl

    from sistemkerja.sapuan.kementerian import tulis_kementerian

    hasil, _ = direncanakan
    path = tmp_path / "kementerian.xlsx"
    tulis_kementerian(hasil, path)
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames == ["Ringkasan", "Unit", "Pool", "Catatan"]
    summary = dict(wb["Ringkasan"].iter_rows(min_row=2, values_only=True))
    assert summary["Kapasitas lintas unit"] == "terpenuhi"
    assert summary["Unit"] == 4 and summary["Unit dengan rencana lengkap"] == 4
    units = list(wb["Unit"].iter_rows(values_only=True))
    assert units[0][:3] == ("Unit", "Status", "Pegawai (orang)")
    assert [r[0] for r in units[1:]] == ["DIT-001", "DIT-002", "DIT-003", "DIT-004"]
    pool = list(wb["Pool"].iter_rows(min_row=2, values_only=True))
    assert len(pool) == sum(len(u) for u in hasil.kementerian.pool().values())
    for nip, _name, _unit, jatah, used, total, have in pool:
        assert used <= jatah + 0.01 and total <= have + 0.01, nip
    notes = [r[1] for r in wb["Catatan"].iter_rows(min_row=2, values_only=True)]
    assert any("dipecah per tim" in n for n in notes)


def test_ministry_on_a_local_dask_cluster_matches_the_in_process_run(kementerian, direncanakan):
    from sistemkerja.sapuan.kementerian import rencanakan_kementerian

    local, _ = direncanakan
    small = dataclasses.replace(kementerian, unit=kementerian.unit[:3])
    hasil = rencanakan_kementerian(small, maks_pegawai=25, pekerja=2, batas_waktu=60)
    assert hasil.pekerja == 2
    assert [u.unit for u in hasil.unit] == small.kode_unit()
    assert all(u.ok for u in hasil.unit)
    assert max(b.lebih for b in hasil.beban) <= 0.01
    # same splits (the splitter is deterministic) wherever the tasks ran
    assert [u.bagian for u in hasil.unit] == [u.bagian for u in local.unit[:3]]


def test_lent_hours_join_a_part_on_top_of_what_it_had():
    from sistemkerja.optimasi.dekomposisi import pinjam_pegawai

    plan = contoh.generate(60, seed=4)
    parts = pecah_rencana(plan, 30)
    first, second = parts[0].rencana, parts[1].rencana
    inside = {p.nip for p in first.pegawai}
    outsider = next(
        p for p in second.pegawai if p.nip not in inside and p.jenis.value != "Struktural"
    )
    member = next(p for p in first.pegawai if p.jenis.value != "Struktural")
    lent = pinjam_pegawai(first, plan, {outsider.nip: 120.0, member.nip: 50.0})
    got = {p.nip: lent.capacity(p) - p.committed_hours for p in lent.pegawai}
    assert got[outsider.nip] == pytest.approx(120.0)
    expected = first.capacity(member) - max(
        0.0, member.committed_hours - 50
    )  # never above capacity
    assert got[member.nip] == pytest.approx(expected)
    assert len(lent.pegawai) == len(first.pegawai) + 1
    assert [p for p in lent.validate() if p.is_error] == []
    # a team limit for someone lent no hours changes nobody (the plan stays valid); one
    # for a lent person becomes their own limit in the part
    other = next(
        p
        for p in second.pegawai
        if p.nip not in inside | {outsider.nip} and p.jenis.value != "Struktural"
    )
    limited = pinjam_pegawai(first, plan, {outsider.nip: 120.0}, {outsider.nip: 1, other.nip: 0})
    assert [p for p in limited.validate() if p.is_error] == []
    people = {p.nip: p for p in limited.pegawai}
    assert limited.maks_tim(people[outsider.nip]) == 1
    assert other.nip not in people
    assert limited.penetapan == first.penetapan


def test_a_unit_of_400_split_in_three_is_planned_whole_and_valid_as_one_unit():
    """Every part of a split unit gets a plan, and the merged one obeys every rule.

    The placement gives each part the optimiser's own role candidates and team slots
    (a sole Arsiparis Ahli Muda cannot serve four teams with a limit of three), and a
    person in two parts each a share of their team limit, so the merged allocation is a
    valid plan of the whole unit: the independent checker finds nothing.
    """
    from sistemkerja.domain.kementerian import Kementerian
    from sistemkerja.optimasi.verifikasi import verifikasi_alokasi
    from sistemkerja.sapuan.kementerian import rencanakan_kementerian

    plan = contoh.generate(400, seed=3)
    hasil = rencanakan_kementerian(
        Kementerian("satu unit", (plan,)), pekerja=0, maks_pegawai=150, batas_waktu=300
    )
    u = hasil.unit[0]
    assert u.bagian == 3 and u.ok, (u.status, u.catatan)
    assert u.alokasi is not None
    assert verifikasi_alokasi(plan, u.alokasi) == []
    assert not [c for c in u.catatan if c.startswith("PERHATIAN")]


def test_a_person_in_two_parts_shares_their_team_limit():
    plan = contoh.generate(400, seed=3)
    parts = pecah_rencana(plan, 150)
    where: dict[str, list[int]] = {}
    for part in parts:
        for p in part.rencana.pegawai:
            if p.jenis.value != "Struktural":
                where.setdefault(p.nip, []).append(part.rencana.maks_tim(p))
    split = {nip: caps for nip, caps in where.items() if len(caps) > 1}
    assert split, "nobody was placed in two parts: the test proves nothing"
    limit = plan.kebijakan.max_tim_per_pegawai
    for nip, caps in split.items():
        assert sum(caps) <= limit and min(caps) >= 1, (nip, caps)


def test_pool_hours_left_unused_rescue_a_unit_its_share_made_infeasible():
    from sistemkerja.sapuan.kementerian import rencanakan_kementerian

    kem = generate_kementerian(8, 40, seed=1, berbagi=3)  # a pool some units compete for
    hasil = rencanakan_kementerian(kem, pekerja=0, batas_waktu=300)
    rescued = [
        u for u in hasil.unit if u.ok and any("jatah pool tidak cukup" in c for c in u.catatan)
    ]
    assert rescued, [(u.unit, u.status, u.catatan) for u in hasil.unit]
    # a unit still without a plan says why, in the user's terms, and is not hidden
    for u in hasil.unit:
        if not u.ok:
            assert u.alokasi is None
            assert any("tanpa rencana: Kebutuhan" in c for c in u.catatan), u.catatan
    loads = periksa_kapasitas(kem, hasil.alokasi)
    assert max(b.lebih for b in loads) <= 0.01
    # the rescued unit's pool people really work more than the coordinator first gave
    unit = rescued[0].unit
    pooled = [b for b in loads if b.nip in kem.pool() and unit in b.jam_unit]
    assert any(b.jam_unit[unit] > hasil.pembagian.jam[(b.nip, unit)] + 1 for b in pooled)


def test_a_unit_infeasible_beyond_the_prechecks_is_explained_once_at_the_end():
    """Repair rounds solve without the elastic re-solve; the unit that stays infeasible
    is explained by its own task, with the optimiser's own reasons."""
    from optimasi_kit import person, plan

    from sistemkerja.domain import Jenjang, TimKerja
    from sistemkerja.domain.kementerian import Kementerian
    from sistemkerja.optimasi import precheck
    from sistemkerja.optimasi.masukan import build_masukan
    from sistemkerja.sapuan.kementerian import rencanakan_kementerian

    # one eligible leader for two teams, but at most one team per person
    staff = [person(1, jenjang=Jenjang.AHLI_MUDA), person(2), person(3)]
    teams = [TimKerja("T1", "Tim Satu"), TimKerja("T2", "Tim Dua")]
    jobs = [("K1", "T1", [("Analis", None, 300)]), ("K2", "T2", [("Analis", None, 300)])]
    p = plan(staff, jobs, teams=teams, leader=True, policy={"max_tim_per_pegawai": 1})
    assert precheck(build_masukan(p)) == []  # nothing for the quick checks to find
    direct = optimasi(p)
    assert direct.status == "infeasible" and direct.penjelasan
    hasil = rencanakan_kementerian(Kementerian("satu unit", (p,)), pekerja=0, batas_waktu=60)
    (u,) = hasil.unit
    assert u.status == "infeasible" and u.alokasi is None
    why = [c for c in u.catatan if c.startswith("unit tanpa rencana: ")]
    assert why == ["unit tanpa rencana: " + "; ".join(r.message for r in direct.penjelasan[:3])]


def test_local_queue_runs_a_higher_priority_task_first():
    from sistemkerja.sapuan.klaster import AntrianLokal

    antrian = AntrianLokal()
    order: list[str] = []
    for name in ("a", "b", "c"):
        antrian.kirim(name, order.append, name)
    seen = []
    for label, _value, exc in antrian:
        assert exc is None
        seen.append(label)
        if label == "a":  # a repair sent while the first round waits goes next
            antrian.kirim("perbaikan", order.append, "perbaikan", prioritas=1)
    assert seen == order == ["a", "perbaikan", "b", "c"]
