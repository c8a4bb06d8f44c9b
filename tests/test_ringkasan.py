"""Plan-only summaries of stages 1–3 (sistemkerja.analisis.ringkasan), checked by hand.

The tiny sample ``kecil``: one Kegiatan-level pagu (WA.1234, Rp 75.000.000) and five
activities whose budget lines sum to Rp 50.000.000 and effort lines to 2.500 jam.
"""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest

from sistemkerja import contoh
from sistemkerja.analisis.ringkasan import (
    BELUM_DIISI,
    DI_BAWAH,
    KOLOM_RINGKASAN_KEGIATAN,
    KOLOM_RINGKASAN_PAGU,
    KOLOM_RINGKASAN_PEGAWAI,
    KOLOM_RINGKASAN_STRATEGI,
    MELEBIHI,
    TEPAT,
    neraca_jam,
    ringkasan_kegiatan,
    ringkasan_pagu,
    ringkasan_pegawai,
    ringkasan_pk,
    ringkasan_strategi,
)
from sistemkerja.domain.pk import Pagu


@pytest.fixture
def plan():
    return contoh.load("kecil")


def test_ringkasan_pk_counts(plan) -> None:
    r = ringkasan_pk(plan)
    assert r == {
        "sasaran": 1,
        "indikator": 2,
        "tugas_tambahan": 1,
        "indikator_tw": 1,  # IK-1 has TW I–IV, IK-2 none
        "pagu_kegiatan": 1,
        "pagu_ro": 0,
        "pagu_total": 75_000_000.0,
    }


def test_ringkasan_kegiatan_hours_and_rupiah(plan) -> None:
    df = ringkasan_kegiatan(plan)
    assert tuple(df.columns) == KOLOM_RINGKASAN_KEGIATAN
    assert list(df["kegiatan"]) == ["K-1", "K-2", "K-3", "K-4", "K-5"]
    # K-1: 4 × 100 + 4 × 50 jam; 100 × Rp 50.000
    assert df.loc[0, "jam"] == 600 and df.loc[0, "belanja"] == 5_000_000
    assert list(df["jam"]) == [600, 400, 900, 400, 200]
    assert list(df["belanja"]) == [5e6, 20e6, 12e6, 10e6, 3e6]
    assert pd.isna(df.loc[4, "tim"])


def test_ringkasan_pagu_statuses(plan) -> None:
    df = ringkasan_pagu(plan)
    assert tuple(df.columns) == KOLOM_RINGKASAN_PAGU
    assert list(df["level"]) == ["Kegiatan", "Unit"]
    row = df.iloc[0]
    assert (row["pagu"], row["belanja"], row["sisa"]) == (75e6, 50e6, 25e6)
    assert row["persen"] == pytest.approx(200 / 3)
    assert row["status"] == DI_BAWAH
    assert df.iloc[1]["uraian"] == "Direktorat Contoh Kecil"

    exact = plan.with_changes(pagu=(dataclasses.replace(plan.pagu[0], pagu=50_000_000),))
    assert list(ringkasan_pagu(exact)["status"]) == [TEPAT, TEPAT]
    over = plan.with_changes(pagu=(dataclasses.replace(plan.pagu[0], pagu=40_000_000),))
    over_df = ringkasan_pagu(over)
    assert list(over_df["status"]) == [MELEBIHI, MELEBIHI]
    assert over_df.iloc[0]["sisa"] == -10_000_000


def test_ringkasan_pagu_ro_rows_take_only_their_lines(plan) -> None:
    ro = Pagu("WA", "1234", "AEA", "001", "Dokumen perencanaan", 45_000_000)
    other = Pagu("WA", "1234", "AEA", "002", "RO tanpa rincian", 5_000_000)
    df = ringkasan_pagu(plan.with_changes(pagu=(*plan.pagu, ro, other)))
    assert list(df["level"]) == ["Kegiatan", "RO", "RO", "Unit"]
    assert list(df["belanja"]) == [50e6, 50e6, 0.0, 50e6]
    assert list(df["status"]) == [DI_BAWAH, MELEBIHI, DI_BAWAH, DI_BAWAH]
    assert df.iloc[3]["pagu"] == 75e6  # the unit's pagu counts Kegiatan rows only


def test_ringkasan_pagu_zero_pagu_has_no_percentage(plan) -> None:
    zero = plan.with_changes(pagu=(dataclasses.replace(plan.pagu[0], pagu=0),))
    assert math.isnan(ringkasan_pagu(zero).iloc[0]["persen"])


def test_ringkasan_strategi_per_target(plan) -> None:
    df = ringkasan_strategi(plan)
    assert tuple(df.columns) == KOLOM_RINGKASAN_STRATEGI
    assert list(df["target"]) == ["IK-1", "IK-2", "TT-1"]
    ik1 = df.iloc[0]
    assert (ik1["mode"], ik1["tim"], ik1["nama_tim"], ik1["perlu_ketua"]) == (
        "Tim",
        "TIM-A",
        "Tim Perencanaan",
        True,
    )
    assert ik1["peran"].splitlines()[0] == "Perencana ≥ Ahli Pertama: 2 orang, 600 jam, asal Unit"
    assert ik1["orang"] == 4 and ik1["kegiatan"] == 2
    assert (
        "Pranata Komputer ≥ Ahli Pertama: 1 orang, 400 jam, asal Lintas unit"
        in (df.iloc[1]["peran"])
    )
    tt = df.iloc[2]
    assert (tt["jenis"], tt["mode"], tt["perlu_ketua"]) == ("Tugas tambahan", "Individu", False)
    assert pd.isna(tt["tim"]) and pd.isna(tt["nama_tim"])

    without = plan.with_changes(strategi=plan.strategi[:2])
    assert ringkasan_strategi(without).iloc[2]["mode"] == BELUM_DIISI


def test_ringkasan_pegawai_and_neraca_jam(plan) -> None:
    df = ringkasan_pegawai(plan)
    assert tuple(df.columns) == KOLOM_RINGKASAN_PEGAWAI
    rows = {(r.asal, r.jenis, r.jenjang): r for r in df.itertuples()}
    assert list(df["asal"]) == ["Unit"] * 3 + ["Lintas unit"]
    pertama = rows[("Unit", "JF", "Ahli Pertama")]
    assert pertama.orang == 2 and pertama.jam_kapasitas == 2500 and pertama.jam_terikat == 250
    assert pertama.jam_tersedia == 2250
    lintas = rows[("Lintas unit", "JF", "Ahli Pertama")]
    assert lintas.orang == 1 and lintas.jam_tersedia == 500
    assert df["orang"].sum() == 6

    n = neraca_jam(plan)
    assert n["orang"] == 6 and n["orang_unit"] == 5
    assert n["jam_kapasitas"] == 6 * 1250
    assert n["jam_terikat"] == 1000
    assert n["jam_tersedia"] == 6500 and n["jam_tersedia_unit"] == 6000
    assert n["jam_kegiatan"] == 2500 and n["selisih"] == 4000
    assert n["persen"] == pytest.approx(2500 / 6500 * 100)

    own = dataclasses.replace(plan.pegawai[0], capacity_hours=100)
    smaller = plan.with_changes(pegawai=(own, *plan.pegawai[1:]))
    assert neraca_jam(smaller)["jam_kapasitas"] == 5 * 1250 + 100
