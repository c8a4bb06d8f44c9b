"""The solve state machine of the optimiser panel, headless (no widget, no browser).

Real solves in a real background thread; nothing asserts how fast they are.
"""

from __future__ import annotations

import threading

import pytest

from sistemkerja import contoh
from sistemkerja.optimasi.verifikasi import verifikasi_alokasi
from sistemkerja.ui import KEADAAN, ModelOptimasi


def _states(model: ModelOptimasi) -> list[str]:
    seen: list[str] = []
    model.observe(lambda change: seen.append(change["new"]), names="keadaan")
    return seen


def test_a_run_goes_siap_berjalan_selesai_with_an_honest_result():
    plan = contoh.load("kecil")
    model = ModelOptimasi(rencana=plan, batas_waktu=300, celah=0.0)
    seen = _states(model)
    assert model.keadaan == "siap"
    assert model.mulai()
    assert model.tunggu(600)
    assert seen == ["berjalan", "selesai"]
    assert model.hasil is not None and model.hasil.status == "optimal"
    assert model.pesan == model.hasil.keterangan
    assert verifikasi_alokasi(plan, model.hasil.alokasi) == []
    assert model.rencana is plan  # the plan is never replaced or changed


def test_a_second_start_while_running_is_refused():
    model = ModelOptimasi(rencana=contoh.generate(60, seed=2), batas_waktu=300, celah=0.0)
    assert model.mulai()
    assert not model.mulai()
    assert "sedang berjalan" in model.pesan
    model.berhenti()
    assert model.tunggu(600)
    assert model.keadaan in ("selesai", "dibatalkan")


def test_without_a_plan_nothing_starts():
    model = ModelOptimasi()
    assert not model.mulai()
    assert model.keadaan == "siap"
    assert model.pesan == "Belum ada rencana yang dibuka"


def test_an_invalid_plan_fails_with_located_indonesian_problems():
    p = contoh.load("kecil")
    broken = p.with_changes(kegiatan=(*p.kegiatan, p.kegiatan[0]))
    model = ModelOptimasi(rencana=broken, batas_waktu=300)
    assert model.mulai()
    assert model.tunggu(600)
    assert model.keadaan == "gagal"
    assert model.hasil is None
    assert "galat" in model.pesan and "lembar 'Kegiatan'" in model.pesan


def test_a_setting_out_of_range_fails_with_its_name():
    model = ModelOptimasi(rencana=contoh.load("kecil"), batas_waktu=-1)
    assert model.mulai()
    assert model.tunggu(600)
    assert model.keadaan == "gagal"
    assert "batas_waktu" in model.pesan


@pytest.mark.slow
def test_berhenti_keeps_the_best_plan_so_far():
    plan = contoh.generate(150, seed=1)
    model = ModelOptimasi(rencana=plan, batas_waktu=300, celah=0.0, prioritas="bobot")
    have_plan = threading.Event()
    model.observe(
        lambda change: have_plan.set() if change["new"] and change["new"][-1][1] else None,
        names="riwayat",
    )
    assert model.mulai()
    assert have_plan.wait(300), "no plan was reported"
    model.berhenti()
    assert model.tunggu(600)
    assert model.keadaan == "dibatalkan"
    hasil = model.hasil
    assert hasil is not None and hasil.berhenti == "batal"
    assert hasil.ok and verifikasi_alokasi(plan, hasil.alokasi) == []
    assert model.pesan.startswith("dihentikan pengguna")
    times = [t for t, _, _ in model.riwayat]
    assert times == sorted(times)


def test_states_are_the_documented_ones():
    assert KEADAAN == ("siap", "berjalan", "selesai", "gagal", "dibatalkan")
