"""Part-year staff (issue 11: the SKP period of a transfer shrinks what they can be given).

A person who joins in July (``Pegawai.bulan_mulai = 7``) has half the default capacity and,
with the monthly capacity policy on, no hours at all in the months before they arrive.
"""

from __future__ import annotations

import dataclasses

import pytest

from sistemkerja import contoh
from sistemkerja.optimasi import optimasi


def _kecil(bulan_mulai: int, bulanan: bool = True):
    plan = contoh.load("kecil")
    budi = next(p for p in plan.pegawai if p.name.startswith("Budi"))
    pegawai = tuple(
        dataclasses.replace(p, bulan_mulai=bulan_mulai) if p.nip == budi.nip else p
        for p in plan.pegawai
    )
    kebijakan = dataclasses.replace(plan.kebijakan, kapasitas_bulanan=bulanan)
    # K-4 (March–August) is too dense for its only Pranata Komputer under a monthly cap
    kegiatan = tuple(
        dataclasses.replace(k, bulan_mulai=1, bulan_selesai=12) if k.code == "K-4" else k
        for k in plan.kegiatan
    )
    plan = dataclasses.replace(plan, pegawai=pegawai, kebijakan=kebijakan, kegiatan=kegiatan)
    return plan, budi.nip


def test_default_capacity_follows_the_months_served():
    plan, nip = _kecil(7)
    assert plan.capacity(plan.pegawai_by_nip()[nip]) == pytest.approx(1250 * 6 / 12)


def test_no_work_before_a_transfer_arrives():
    plan, nip = _kecil(7)
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None, hasil.status
    kegiatan = {k.code: k for k in plan.kegiatan}
    mine = [p for p in hasil.alokasi.penugasan if p.nip == nip and p.jam > 1e-6]
    # hours are spread evenly over an activity's months: only work that starts in July or
    # later fits (K-5 starts in June: he does it when he serves all year, see below)
    assert mine and all(kegiatan[p.kegiatan].bulan_mulai >= 7 for p in mine), mine
    per_bulan: dict[int, float] = {}
    for p in mine:
        k = kegiatan[p.kegiatan]
        months = range(k.bulan_mulai, k.bulan_selesai + 1)
        for month in months:
            per_bulan[month] = per_bulan.get(month, 0.0) + p.jam / len(months)
    assert all(month >= 7 for month in per_bulan)
    share = plan.capacity(plan.pegawai_by_nip()[nip]) / 6
    assert max(per_bulan.values(), default=0.0) <= share + 1e-6


def test_the_same_plan_gives_him_june_work_when_he_serves_all_year():
    plan, nip = _kecil(1)
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None, hasil.status
    kegiatan = {k.code: k for k in plan.kegiatan}
    mine = [p for p in hasil.alokasi.penugasan if p.nip == nip and p.jam > 1e-6]
    assert any(kegiatan[p.kegiatan].bulan_mulai < 7 for p in mine), mine
