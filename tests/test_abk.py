"""ABK what-if: people outside the EJ band, moving hours, and the effect of a move."""

from __future__ import annotations

import math
import re

import pytest
from alokasi_tetap import load

from sistemkerja import contoh
from sistemkerja.analisis import (
    KOLOM_DI_LUAR_RENTANG,
    KOLOM_EFEK_PINDAH,
    Pindah,
    beban_pegawai,
    di_luar_rentang,
    efek_pindah,
    periksa_alokasi,
    pindah_jam,
)
from sistemkerja.analisis.beban import DI_ATAS, DI_BAWAH, posisi_pita
from sistemkerja.domain import Penetapan, Peran


@pytest.fixture(scope="module")
def unit():
    return contoh.load("unit"), load()


def _ada(alokasi, nip: str) -> dict[str, float]:
    """Hours per activity of one person."""
    out: dict[str, float] = {}
    for p in alokasi.penugasan:
        if p.nip == nip:
            out[p.kegiatan] = out.get(p.kegiatan, 0.0) + p.jam
    return out


def _sepasang(plan, alokasi):
    """A giver with a team activity and a receiver of the same jabatan in that team."""
    kegiatan = {k.code: k for k in plan.kegiatan}
    people = plan.pegawai_by_nip()
    for p in alokasi.penugasan:
        tim = kegiatan[p.kegiatan].tim
        if tim is None or p.jam < 100:
            continue
        for nip in alokasi.anggota(tim):
            q = people[nip]
            if (
                nip != p.nip
                and q.jabatan == p.jabatan
                and (p.jenjang_min is None or q.jenjang.at_least(p.jenjang_min))
            ):
                return p, nip
    raise AssertionError("no pair in the stored allocation")


def test_listed_people_are_exactly_those_outside_the_band(unit):
    plan, alokasi = unit
    listed = di_luar_rentang(plan, alokasi)
    assert tuple(listed.columns) == KOLOM_DI_LUAR_RENTANG
    beban = beban_pegawai(plan, alokasi)
    involved = {p.nip for p in alokasi.penugasan} | {k.nip for k in alokasi.keanggotaan}
    expected = {
        r.nip
        for r in beban.itertuples()
        if posisi_pita(r.ej, plan.kebijakan) in (DI_ATAS, DI_BAWAH)
        and (r.asal == "Unit" or r.nip in involved)
    }
    assert set(listed["nip"]) == expected
    assert len(listed) == len(expected) > 0
    for r in listed.itertuples():
        assert r.posisi == posisi_pita(r.ej, plan.kebijakan)


def test_reason_names_activities_and_hours(unit):
    plan, alokasi = unit
    listed = di_luar_rentang(plan, alokasi).set_index("nip")
    names = {k.code: k.name for k in plan.kegiatan}
    k = plan.kebijakan
    for nip, row in listed.iterrows():
        hours = _ada(alokasi, nip)
        assert row["jumlah_kegiatan"] == len(hours)
        for code in hours:
            assert f"{code} {names[code]}" in row["kegiatan"]
        if row["posisi"] == DI_BAWAH:
            assert row["jam_selisih"] == pytest.approx(
                k.ej_min * row["kapasitas"] - row["jam_total"]
            )
            assert ("tidak ada penugasan" if not hours else "sedikit penugasan") in row["alasan"]
    committed = listed[listed["jam_terikat"] > 0]
    assert len(committed) > 0
    assert all("jam terikat" in a for a in committed["alasan"])


def test_moving_hours_changes_both_ej_by_hours_over_capacity(unit):
    plan, alokasi = unit
    p, ke = _sepasang(plan, alokasi)
    jam = 60.0
    pindah = pindah_jam(plan, alokasi, p.nip, ke, p.kegiatan, jam)
    assert isinstance(pindah, Pindah)
    assert pindah.peringatan == ()
    assert periksa_alokasi(plan, pindah.alokasi) == []
    before = beban_pegawai(plan, alokasi).set_index("nip")
    after = beban_pegawai(plan, pindah.alokasi).set_index("nip")
    people = plan.pegawai_by_nip()
    for nip, sign in ((p.nip, -1), (ke, 1)):
        cap = plan.capacity(people[nip])
        assert after.at[nip, "ej"] - before.at[nip, "ej"] == pytest.approx(sign * jam / cap)
    assert _ada(pindah.alokasi, p.nip).get(p.kegiatan, 0.0) == pytest.approx(
        _ada(alokasi, p.nip)[p.kegiatan] - jam
    )
    # nobody else changed, and the input allocation is untouched
    others = before.index.difference([p.nip, ke])
    assert (after.loc[others, "jam_total"] == before.loc[others, "jam_total"]).all()
    assert alokasi == load()
    effect = efek_pindah(plan, alokasi, pindah.alokasi)
    assert tuple(effect.columns) == KOLOM_EFEK_PINDAH
    people_rows = effect[effect["baris"] == "pegawai"]
    assert set(people_rows["nip"]) == {p.nip, ke}
    for r in people_rows.itertuples():
        cap = plan.capacity(people[r.nip])
        assert r.selisih_ej == pytest.approx((jam if r.nip == ke else -jam) / cap)
        assert r.jam_sesudah - r.jam_sebelum == pytest.approx(jam if r.nip == ke else -jam)
        assert math.isnan(r.ej_tertinggi_sebelum)
    unit_row = effect[effect["baris"] == "unit"].iloc[0]
    own = before[before["asal"] == "Unit"]["ej"]
    assert unit_row["ej_tertinggi_sebelum"] == pytest.approx(own.max())
    assert unit_row["ej_terendah_sebelum"] == pytest.approx(own.min())
    assert unit_row["simpangan_baku_sebelum"] == pytest.approx(own.std(ddof=0))
    own_after = after[after["asal"] == "Unit"]["ej"]
    assert unit_row["simpangan_baku_sesudah"] == pytest.approx(own_after.std(ddof=0))


def test_move_everything_removes_the_assignment_and_porsi_follows(unit):
    plan, alokasi = unit
    p, ke = _sepasang(plan, alokasi)
    total = _ada(alokasi, p.nip)[p.kegiatan]
    pindah = pindah_jam(plan, alokasi, p.nip, ke, p.kegiatan, total)
    assert p.kegiatan not in _ada(pindah.alokasi, p.nip)
    line = [
        q
        for q in pindah.alokasi.penugasan
        if (q.kegiatan, q.jabatan, q.jenjang_min) == (p.kegiatan, p.jabatan, p.jenjang_min)
    ]
    old_line = [
        q
        for q in alokasi.penugasan
        if (q.kegiatan, q.jabatan, q.jenjang_min) == (p.kegiatan, p.jabatan, p.jenjang_min)
    ]
    assert sum(q.jam for q in line) == pytest.approx(sum(q.jam for q in old_line))
    assert sum(q.porsi for q in line) == pytest.approx(sum(q.porsi for q in old_line))


def test_efek_pindah_for_given_people(unit):
    plan, alokasi = unit
    nip = plan.pegawai[0].nip
    effect = efek_pindah(plan, alokasi, alokasi, nip=nip)
    assert list(effect["baris"]) == ["pegawai", "unit"]
    assert effect.iloc[0]["selisih_ej"] == 0
    with pytest.raises(ValueError, match="tidak ada di lembar Pegawai"):
        efek_pindah(plan, alokasi, alokasi, nip=["199001012020011001"])


def test_refusals_name_the_person_and_activity(unit):
    plan, alokasi = unit
    p, ke = _sepasang(plan, alokasi)
    name = plan.pegawai_by_nip()[p.nip].name
    punya = _ada(alokasi, p.nip)[p.kegiatan]
    with pytest.raises(ValueError, match="hanya punya") as info:
        pindah_jam(plan, alokasi, p.nip, ke, p.kegiatan, punya + 1)
    assert name in str(info.value) and p.kegiatan in str(info.value)
    for jam in (0, -5, math.nan):
        with pytest.raises(ValueError, match="jam yang dipindah"):
            pindah_jam(plan, alokasi, p.nip, ke, p.kegiatan, jam)
    unknown = "NIP 199001012020011001"
    with pytest.raises(ValueError, match=re.escape(f"{unknown} (penerima jam) tidak ada")):
        pindah_jam(plan, alokasi, p.nip, "199001012020011001", p.kegiatan, 10)
    with pytest.raises(ValueError, match=re.escape(f"{unknown} (pemberi jam) tidak ada")):
        pindah_jam(plan, alokasi, "199001012020011001", ke, p.kegiatan, 10)
    with pytest.raises(ValueError, match="kegiatan K-99 tidak ada"):
        pindah_jam(plan, alokasi, p.nip, ke, "K-99", 10)
    with pytest.raises(ValueError, match="sama"):
        pindah_jam(plan, alokasi, p.nip, p.nip, p.kegiatan, 10)
    other = next(k.code for k in plan.kegiatan if k.code not in _ada(alokasi, p.nip))
    with pytest.raises(ValueError, match=f"hanya punya 0 jam pada {other}"):
        pindah_jam(plan, alokasi, p.nip, ke, other, 10)


def test_move_outside_the_team_is_allowed_with_warnings():
    plan = contoh.load("kecil")
    from sistemkerja.optimasi import optimasi

    alokasi = optimasi(plan, celah=0, batas_waktu=300).alokasi
    people = {p.name.split()[0]: p.nip for p in plan.pegawai}
    tim_a = set(alokasi.anggota("TIM-A"))
    # someone outside TIM-A (the optimum's membership) receives K-1 hours
    giver = next(p for p in alokasi.penugasan if p.kegiatan == "K-1")
    outsider = next(n for n in people.values() if n not in tim_a and n != giver.nip)
    pindah = pindah_jam(plan, alokasi, giver.nip, outsider, "K-1", 50)
    assert any("bukan anggota Tim Perencanaan" in w for w in pindah.peringatan)
    assert outsider in pindah.alokasi.anggota("TIM-A")
    assert periksa_alokasi(plan, pindah.alokasi) == []
    effect = efek_pindah(plan, alokasi, pindah.alokasi)
    assert set(effect[effect["baris"] == "pegawai"]["nip"]) == {giver.nip, outsider}
    # a pin barring the receiver is named
    barred = plan.tambah(Penetapan(outsider, Peran.DILARANG, kegiatan="K-1")).rencana
    pindah = pindah_jam(barred, alokasi, giver.nip, outsider, "K-1", 50)
    assert any("penetapan melarang" in w for w in pindah.peringatan)
    # the individual activity K-5 split between two people
    solo = next(p for p in alokasi.penugasan if p.kegiatan == "K-5")
    other = next(n for n in people.values() if n != solo.nip)
    pindah = pindah_jam(plan, alokasi, solo.nip, other, "K-5", 10)
    assert any("dikerjakan perorangan" in w for w in pindah.peringatan)


def test_over_the_band_after_loading_one_person():
    plan = contoh.load("kecil")
    from sistemkerja.optimasi import optimasi

    alokasi = optimasi(plan, celah=0, batas_waktu=300).alokasi
    assert (di_luar_rentang(plan, alokasi)["posisi"] == DI_BAWAH).all()  # kecil is light
    # load the Penata Layanan Operasional with every Analis SDM hour of K-1 and K-3
    plo = next(p.nip for p in plan.pegawai if p.jabatan == "Penata Layanan Operasional")
    loaded = alokasi
    for p in alokasi.penugasan:
        if p.jabatan == "Analis SDM Aparatur" and p.nip != plo:
            pindah = pindah_jam(plan, loaded, p.nip, plo, p.kegiatan, p.jam)
            assert any("memerlukan Analis SDM Aparatur" in w for w in pindah.peringatan)
            loaded = pindah.alokasi
    beban = beban_pegawai(plan, loaded).set_index("nip")
    assert beban.at[plo, "ej"] > plan.kebijakan.ej_max  # 800 + 500 jam of 1.250
    listed = di_luar_rentang(plan, loaded).set_index("nip")
    row = listed.loc[plo]
    assert row["posisi"] == DI_ATAS
    cap = row["kapasitas"]
    assert row["jam_selisih"] == pytest.approx(row["jam_total"] - plan.kebijakan.ej_max * cap)
    assert "melebihi" in row["alasan"]
    assert "K-3" in row["kegiatan"] and "K-1" in row["kegiatan"]
    assert listed.index[0] == plo  # over the band comes first
