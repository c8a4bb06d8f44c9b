"""Editing a plan one entity at a time (the grid's seam) and problem keys.

``Rencana.ganti``, ``tambah``, ``hapus`` and ``ubah`` return a new plan with all its
problems; every problem names the key of its entity, which still finds the entity after
the workbook's rows are sorted differently.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import rencana

from sistemkerja import contoh
from sistemkerja.domain import (
    FieldError,
    Kebijakan,
    Penetapan,
    Peran,
    Problem,
    TimKerja,
    skema,
)
from sistemkerja.domain.rencana import Perubahan
from sistemkerja.io import read_plan_problems, write_plan

KECIL = contoh.load("kecil")
UNIT = contoh.load("unit")
BUDI, SARI = KECIL.pegawai[0], KECIL.pegawai[1]


def _where(problems, code: str) -> set[tuple[str, int | None, str | None, str | None]]:
    return {(p.sheet, p.row, p.column, p.key) for p in problems if p.code == code}


# ---- keys ------------------------------------------------------------------------
def test_keys_per_sheet():
    assert KECIL.kunci("Pegawai") == tuple(p.nip for p in KECIL.pegawai)
    assert KECIL.kunci("tim") == ("TIM-A", "TIM-B")
    assert KECIL.kunci(TimKerja) == ("TIM-A", "TIM-B")
    assert KECIL.kunci("Kegiatan") == ("K-1", "K-2", "K-3", "K-4", "K-5")
    assert KECIL.kunci("Beban Kegiatan")[:2] == (
        "K-1 / Perencana / Ahli Pertama",
        "K-1 / Analis SDM Aparatur / -",
    )
    assert KECIL.kunci("Rincian Anggaran")[0] == "K-1 / 521211 / Konsumsi rapat"
    assert KECIL.kunci("Pagu") == ("WA / 1234 / - / -",)
    assert KECIL.kunci("Strategi") == ("IK-1", "IK-2", "TT-1")
    assert KECIL.kunci("Kebijakan") == ()
    with pytest.raises(KeyError, match="tidak dikenal"):
        KECIL.kunci("Lembar Lain")


@pytest.mark.parametrize("plan", [KECIL, UNIT], ids=["kecil", "unit"])
def test_every_key_finds_its_entity(plan):
    for lembar in skema.LEMBAR:
        if lembar.single:
            continue
        items = getattr(plan, lembar.attr)
        keys = plan.kunci(lembar.name)
        assert len(set(keys)) == len(items), lembar.name
        for key, item in zip(keys, items, strict=True):
            assert plan.cari(lembar.name, key) is item


def test_repeated_key_gets_a_suffix_and_the_duplicate_problem_names_it():
    copy = dataclasses.replace(BUDI, name="Budi Kedua")
    plan, problems = KECIL.tambah(copy)
    assert plan.kunci("Pegawai")[-1] == f"{BUDI.nip} #2"
    assert plan.cari("Pegawai", f"{BUDI.nip} #2") is copy
    assert _where(problems, "duplicate_nip") == {("Pegawai", 8, "NIP", f"{BUDI.nip} #2")}


# ---- problem keys from a workbook ----------------------------------------------------
def _workbook_with_errors(path: Path, reverse: bool) -> None:
    write_plan(KECIL, path)
    wb = openpyxl.load_workbook(path)
    people = wb["Pegawai"]
    people.cell(7, 8).value = "PUS-X"  # Eko Nugroho's unit: unknown_unit (validation)
    people.cell(3, 10).value = -5  # Sari's Jam terikat: negative_value (construction)
    people.cell(4, 9).value = "banyak"  # Dewi's capacity: wrong_type (cell)
    work = wb["Kegiatan"]
    work.cell(5, 4).value = "TIM-Z"  # K-4's team: unknown_team
    if reverse:
        for ws in (people, work):
            rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
            for offset, values in enumerate(reversed(rows)):
                for col, value in enumerate(values, start=1):
                    ws.cell(2 + offset, col).value = value
    wb.save(path)


def test_problem_keys_name_the_entity_before_and_after_sorting(tmp_path: Path):
    expected = {
        ("Pegawai", "unknown_unit"): KECIL.pegawai[5].nip,
        ("Pegawai", "negative_value"): SARI.nip,
        ("Pegawai", "wrong_type"): KECIL.pegawai[2].nip,
        ("Kegiatan", "unknown_team"): "K-4",
    }
    found = {}
    for reverse in (False, True):
        path = tmp_path / f"rencana_{reverse}.xlsx"
        _workbook_with_errors(path, reverse)
        plan, problems = read_plan_problems(path)
        assert plan is not None
        keyed = {(p.sheet, p.code): p for p in problems if (p.sheet, p.code) in expected}
        assert {k: p.key for k, p in keyed.items()} == expected
        wb = openpyxl.load_workbook(path)
        for (sheet, _code), p in keyed.items():
            # the row number moves with sorting; the key cell in that row names the entity
            ws = wb[sheet]
            assert ws.cell(p.row, 1).value == p.key
        # rows that were read: the key still finds the entity with the bad value
        eko = plan.cari("Pegawai", expected[("Pegawai", "unknown_unit")])
        assert eko.unit == "PUS-X"
        assert plan.cari("Kegiatan", "K-4").tim == "TIM-Z"
        found[reverse] = {k: p.row for k, p in keyed.items()}
    assert found[False] != found[True]  # same keys, other rows
    assert found[True][("Kegiatan", "unknown_team")] == 3
    assert found[False][("Kegiatan", "unknown_team")] == 5


def test_problem_to_dict_and_text_carry_the_key():
    p = Problem("Pegawai", 5, "Jam terikat", "negative_value", "pesan", key=SARI.nip)
    assert p.to_dict()["key"] == SARI.nip
    assert str(p) == f"Galat di lembar 'Pegawai', baris 5 ({SARI.nip}), kolom 'Jam terikat': pesan"
    param = Problem(
        "Kebijakan",
        5,
        "Jam kerja efektif per tahun",
        "x",
        "pesan",
        key="Jam kerja efektif per tahun",
    )
    assert "(" not in param.location()
    no_row = Problem("Pegawai", None, "NIP", "x", "pesan", key=SARI.nip)
    assert no_row.location() == f"lembar 'Pegawai', data '{SARI.nip}', kolom 'NIP'"


# ---- ganti ----------------------------------------------------------------------
def test_ganti_returns_a_new_plan_and_leaves_the_old_one():
    moved = dataclasses.replace(BUDI, unit="PUS-X")
    change = KECIL.ganti(moved)
    assert isinstance(change, Perubahan) and change.diterima
    assert change.rencana.pegawai[0] is moved
    assert KECIL.pegawai[0] is BUDI
    assert _where(change.masalah, "unknown_unit") == {("Pegawai", 2, "Unit", BUDI.nip)}
    assert not change.valid
    back, problems = change.rencana.ganti(BUDI)
    assert back == KECIL and problems == ()


@pytest.mark.parametrize("plan", [KECIL, UNIT], ids=["kecil", "unit"])
def test_ganti_each_first_entity_by_itself_is_a_no_op(plan):
    for lembar in skema.LEMBAR:
        items = getattr(plan, lembar.attr)
        entity = items if lembar.single else (items[0] if items else None)
        if entity is None:
            continue
        new, problems = plan.ganti(entity)
        assert new == plan, lembar.name
        assert problems == (), lembar.name


def test_ganti_with_a_new_key_renames_and_breaks_the_references():
    renamed = TimKerja("TIM-AA", "Tim Perencanaan", 2, 4)
    change = KECIL.ganti(renamed, kunci="TIM-A")
    assert change.rencana.kunci("Tim Kerja") == ("TIM-AA", "TIM-B")
    assert _where(change.masalah, "unknown_team") == {
        ("Strategi", 2, "Tim", "IK-1"),
        ("Kegiatan", 2, "Tim", "K-1"),
        ("Kegiatan", 3, "Tim", "K-2"),
    }
    with pytest.raises(KeyError, match="TIM-Q"):
        KECIL.ganti(renamed, kunci="TIM-Q")


def test_ganti_kebijakan():
    change = KECIL.ganti(Kebijakan(bobot_biaya=5000.0))
    assert change.rencana.kebijakan.bobot_biaya == 5000.0
    assert _where(change.galat, "weight_out_of_range") == {
        ("Kebijakan", 16, "Bobot biaya (per juta Rp)", "Bobot biaya (per juta Rp)")
    }


# ---- tambah -------------------------------------------------------------------
def test_tambah_pins_and_their_cross_references():
    plan, problems = KECIL.tambah(Penetapan(BUDI.nip, Peran.KETUA, tim="TIM-A"))
    assert problems == ()
    assert plan.kunci("Penetapan") == (f"{BUDI.nip} / TIM-A / -",)
    # a leader pin for an unknown team
    _, problems = plan.tambah(Penetapan(SARI.nip, Peran.KETUA, tim="TIM-Z"))
    assert _where(problems, "unknown_team") == {("Penetapan", 3, "Tim", f"{SARI.nip} / TIM-Z / -")}
    # the leader pinned out of the team they lead: one (person, team) pin too many
    _, problems = plan.tambah(Penetapan(BUDI.nip, Peran.BUKAN_ANGGOTA, tim="TIM-A"))
    assert _where(problems, "duplicate_code") == {
        ("Penetapan", 3, "NIP", f"{BUDI.nip} / TIM-A / - #2")
    }
    # a second leader for the same team
    _, problems = plan.tambah(Penetapan(SARI.nip, Peran.KETUA, tim="TIM-A"))
    assert _where(problems, "conflicting_pins") == {
        ("Penetapan", 3, "Penetapan", f"{SARI.nip} / TIM-A / -")
    }


def test_tambah_refuses_the_single_sheets():
    with pytest.raises(ValueError, match="ganti"):
        KECIL.tambah(Kebijakan())


# ---- hapus -------------------------------------------------------------------
def test_hapus_a_team_still_referenced():
    plan, problems = KECIL.hapus("Tim Kerja", "TIM-B")
    assert plan.kunci("Tim Kerja") == ("TIM-A",)
    assert _where(problems, "unknown_team") == {
        ("Strategi", 3, "Tim", "IK-2"),
        ("Kegiatan", 4, "Tim", "K-3"),
        ("Kegiatan", 5, "Tim", "K-4"),
    }


def test_hapus_an_activity_still_referenced_by_effort_and_budget():
    _, problems = KECIL.hapus("Kegiatan", "K-5")
    assert _where(problems, "unknown_activity") == {
        ("Beban Kegiatan", 9, "Kegiatan", "K-5 / Perencana / -"),
        ("Rincian Anggaran", 6, "Kegiatan", "K-5 / 521211 / Penggandaan laporan"),
    }


def test_hapus_a_person_referenced_by_a_pin():
    plan, _ = KECIL.tambah(Penetapan(SARI.nip, Peran.ANGGOTA, tim="TIM-A"))
    _, problems = plan.hapus("Pegawai", SARI.nip)
    assert _where(problems, "unknown_nip") == {("Penetapan", 2, "NIP", f"{SARI.nip} / TIM-A / -")}


def test_hapus_everyone_is_an_error():
    plan = KECIL
    for nip in KECIL.kunci("Pegawai"):
        plan, problems = plan.hapus("Pegawai", nip)
    assert plan.pegawai == ()
    assert _where(problems, "no_pegawai") == {("Pegawai", None, None, None)}


def test_hapus_unknown_key_and_single_sheet():
    with pytest.raises(KeyError, match="K-9"):
        KECIL.hapus("Kegiatan", "K-9")
    with pytest.raises(ValueError, match="tidak dapat dihapus"):
        KECIL.hapus("PK", "x")


def test_unit_sample_hapus_and_tambah_back_is_valid_again():
    person = UNIT.pegawai[10]
    without, problems = UNIT.hapus("Pegawai", person.nip)
    assert len(without.pegawai) == len(UNIT.pegawai) - 1
    assert not [p for p in problems if p.is_error]
    back, problems = without.tambah(person)
    assert problems == ()
    assert set(back.pegawai) == set(UNIT.pegawai)


# ---- rows follow the edits ----------------------------------------------------------
def test_excel_rows_follow_edits_of_a_read_plan(tmp_path: Path):
    path = tmp_path / "rencana.xlsx"
    write_plan(KECIL, path)
    read, _ = read_plan_problems(path)
    assert read is not None and read.rows["Kegiatan"] == (2, 3, 4, 5, 6)
    gone, _ = read.hapus("Kegiatan", "K-2")
    assert gone.rows["Kegiatan"] == (2, 4, 5, 6)
    broken = dataclasses.replace(KECIL.kegiatan[3], tim="TIM-Z")
    _, problems = gone.ganti(broken)
    assert _where(problems, "unknown_team") == {("Kegiatan", 5, "Tim", "K-4")}
    added, _ = gone.tambah(dataclasses.replace(KECIL.kegiatan[1], code="K-9"))
    assert added.rows["Kegiatan"] == (2, 4, 5, 6, 7)


# ---- ubah: one field, refused when it breaks its rule -------------------------------
def test_ubah_valid_value():
    change = KECIL.ubah("Pegawai", SARI.nip, capacity_hours=1.25)
    assert change.diterima
    assert change.rencana.cari("Pegawai", SARI.nip).capacity_hours == 1.25
    assert _where(change.masalah, "implausible_capacity") == {
        ("Pegawai", 3, "Kapasitas (jam)", SARI.nip)
    }
    assert change.valid  # a warning only


@pytest.mark.parametrize(
    ("jenis", "kunci", "nilai", "column", "code"),
    [
        ("Pegawai", SARI.nip, {"committed_hours": -5.0}, "Jam terikat", "negative_value"),
        ("Pegawai", SARI.nip, {"name": "\u200b"}, "Nama", "invisible_text"),
        ("Pegawai", SARI.nip, {"capacity_hours": float("inf")}, "Kapasitas (jam)", "wrong_type"),
        (
            "Beban Kegiatan",
            "K-1 / Perencana / Ahli Pertama",
            {"volume": 1e308},
            "Volume",
            "value_too_large",
        ),
        ("Kegiatan", "K-3", {"bulan_mulai": 13}, "Bulan mulai", "month_out_of_range"),
        ("Indikator", "IK-1", {"target_tw2": "banyak"}, "Target TW II", "unparseable_target"),
    ],
)
def test_ubah_refuses_a_value_breaking_its_rule(jenis, kunci, nilai, column, code):
    change = KECIL.ubah(jenis, kunci, **nilai)
    assert not change.diterima and not change.valid
    assert change.rencana is KECIL
    refusal = change.ditolak
    lembar = skema.lembar_of(jenis)
    row = KECIL.row_of(lembar.name, KECIL.kunci(jenis).index(kunci))
    assert (refusal.sheet, refusal.row, refusal.column, refusal.key, refusal.code) == (
        lembar.name,
        row,
        column,
        kunci,
        code,
    )
    assert refusal.is_error
    assert change.masalah == (refusal,)  # the unchanged sample has no other problem


def test_ubah_kebijakan_refusal_names_the_parameter_row():
    change = KECIL.ubah("Kebijakan", None, jam_efektif=-1.0)
    assert (change.ditolak.sheet, change.ditolak.row, change.ditolak.key) == (
        "Kebijakan",
        5,
        "Jam kerja efektif per tahun",
    )
    change = KECIL.ubah("Kebijakan", None, bobot_ej_maks=1e308)
    assert change.ditolak.code == "weight_out_of_range"


def test_ubah_unknown_field():
    with pytest.raises(ValueError, match="gaji"):
        KECIL.ubah("Pegawai", SARI.nip, gaji=1.0)


def test_field_error_as_problem():
    with pytest.raises(FieldError) as err:
        TimKerja("TIM-C", "\ufeff")
    problem = err.value.problem("Tim Kerja", "TIM-C", row=4, column="Nama tim")
    assert (problem.sheet, problem.row, problem.column, problem.key, problem.code) == (
        "Tim Kerja",
        4,
        "Nama tim",
        "TIM-C",
        "invisible_text",
    )


# ---- property: every key of every problem finds the entity at the problem's row --------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=rencana())
def test_every_problem_key_finds_the_entity_at_its_row(plan):
    for p in plan.validate():
        lembar = skema.BY_NAME[p.sheet]
        if lembar.single:
            assert p.key is None or p.key == p.column
            continue
        if p.row is None:
            assert p.key is None
            continue
        index = plan.kunci(lembar.name).index(p.key)
        assert plan.row_of(lembar.name, index) == p.row
        assert plan.cari(lembar.name, p.key) is getattr(plan, lembar.attr)[index]
