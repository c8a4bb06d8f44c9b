"""Real PK documents load unchanged, and the checks an MPH reviewer makes (issue 11).

Target forms (predicates, ranges, bounds, compounds, periods, dates) go through the
workbook reader; Pagu rows may come without codes; a structural official is no ordinary
team member unless the policy says so; quarterly targets and golongan are checked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import openpyxl
import pytest
from alokasi_tetap import load as alokasi_tetap

from sistemkerja import analisis, contoh
from sistemkerja.domain import (
    Alokasi,
    Arah,
    FieldError,
    Indikator,
    Jabatan,
    JenisJabatan,
    JenisTarget,
    Jenjang,
    Kebijakan,
    Pegawai,
    Penetapan,
    Peran,
    Pola,
    StatusASN,
    TugasTambahan,
    baca_target,
    make_nip,
    skema,
)
from sistemkerja.io import read_plan_problems, write_plan
from sistemkerja.laporan import laporan_html, read_result_workbook, write_result_workbook
from sistemkerja.optimasi import optimasi
from sistemkerja.optimasi.masukan import boleh_bertugas, build_masukan

KECIL = contoh.load("kecil")
UNIT = contoh.load("unit")


def _column(ws: openpyxl.worksheet.worksheet.Worksheet, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)


def _row(ws: openpyxl.worksheet.worksheet.Worksheet, code: str) -> int:
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value == code:
            return row
    raise KeyError(code)


def _write_edit_read(
    tmp_path: Path, sheet: str, code: str, cells: dict[str, object]
) -> tuple[object, list]:
    """Write the small sample, set some cells of one row, read it back."""
    path = tmp_path / "pk.xlsx"
    write_plan(KECIL, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    row = _row(ws, code)
    for header, value in cells.items():
        ws.cell(row, _column(ws, header)).value = value
    wb.save(path)
    return read_plan_problems(path)


# ---- the target forms of real PK documents, through the workbook reader -----------------
# IK-2 of the small sample is pola Posisi (never divided), IK-1 is Hitungan.
FORMS_POSISI = [
    ("WTP", JenisTarget.PREDIKAT, None, ""),
    ("B", JenisTarget.PREDIKAT, None, ""),
    ("BB", JenisTarget.PREDIKAT, None, ""),
    ("90–95 %", JenisTarget.RENTANG, 90.0, "%"),
    ("≤ 10 %", JenisTarget.BATAS, 10.0, "%"),
    ("33 % / 50 % / 17 %", JenisTarget.MAJEMUK, None, ""),
    ("8 LHP + 8 Surat", JenisTarget.MAJEMUK, None, ""),
    ("Triwulan IV", JenisTarget.PERIODE, None, ""),
    ("Desember 2017", JenisTarget.TANGGAL, None, ""),
]


@pytest.mark.parametrize(("teks", "jenis", "nilai", "satuan"), FORMS_POSISI)
def test_real_pk_forms_load_through_the_workbook(tmp_path, teks, jenis, nilai, satuan):
    plan, problems = _write_edit_read(
        tmp_path, "Indikator", "IK-2", {"Target": teks, "Satuan": None}
    )
    errors = [p for p in problems if p.is_error]
    assert plan is not None and errors == []
    ind = plan.targets()["IK-2"]
    assert ind.target == teks
    assert ind.target_pk.jenis is jenis
    assert ind.nilai_target == nilai
    assert ind.satuan == satuan


def test_bound_sign_stays_out_of_the_unit_and_keeps_its_direction():
    ind = dataclasses.replace(KECIL.targets()["IK-2"], target="≤ 10 %", satuan="")
    assert ind.satuan == "%"
    assert ind.target_pk.arah is Arah.TURUN
    assert ind.parsed_target.nilai == 10.0 and ind.parsed_target.satuan == "%"


def test_a_date_is_not_the_number_2017():
    ind = dataclasses.replace(KECIL.targets()["IK-2"], target="Desember 2017", satuan="")
    assert ind.nilai_target is None
    assert (ind.target_pk.bulan, ind.target_pk.tahun) == (12, 2017)
    with pytest.raises(ValueError, match="tanggal"):
        ind.parsed_target  # noqa: B018 (the property raises)


@pytest.mark.parametrize(
    ("teks", "nilai"), [("≥ 4 Dokumen", 4.0), ("4–5 Dokumen", 4.0), ("min. 4 Dokumen", 4.0)]
)
def test_hitungan_takes_a_bound_or_range_with_its_number(tmp_path, teks, nilai):
    plan, problems = _write_edit_read(tmp_path, "Indikator", "IK-1", {"Target": teks})
    assert plan is not None and [p for p in problems if p.is_error] == []
    ind = plan.targets()["IK-1"]
    assert ind.nilai_target == nilai and ind.parsed_target.nilai == nilai
    # the carriers add up to the lower end / bound: no cascade warning
    assert "target_not_matched" not in {p.code for p in problems}


def test_quarterly_targets_take_the_same_forms(tmp_path):
    cells = {"Target TW I": "≥ 20 %", "Target TW II": "40–45 %", "Target TW IV": "Triwulan IV"}
    plan, problems = _write_edit_read(tmp_path, "Indikator", "IK-2", cells)
    assert plan is not None and [p for p in problems if p.is_error] == []
    tw = plan.targets()["IK-2"].target_pk_tw()
    assert [None if t is None else t.jenis for t in tw] == [
        JenisTarget.BATAS,
        JenisTarget.RENTANG,
        None,
        JenisTarget.PERIODE,
    ]


@pytest.mark.parametrize(
    ("teks", "bentuk"),
    [
        ("WTP", "predikat"),
        ("Triwulan IV", "periode"),
        ("Desember 2017", "tanggal"),
        ("8 LHP + 8 Surat", "majemuk"),
    ],
)
def test_hitungan_refuses_an_undivisible_target_naming_sheet_row_field(tmp_path, teks, bentuk):
    _, problems = _write_edit_read(tmp_path, "Indikator", "IK-1", {"Target": teks})
    found = [p for p in problems if p.code == "target_not_divisible"]
    assert [(p.sheet, p.row, p.column) for p in found] == [("Indikator", 2, "Target")]
    message = found[0].message
    assert f"'{teks}' berupa {bentuk} dan tidak dapat dibagi" in message
    assert "pilih pola Posisi atau Rilis" in message


def test_entity_refusals_name_the_field():
    with pytest.raises(FieldError) as err:
        Indikator("IK-9", "SS-1", "Opini BPK", "WTP", pola=Pola.HITUNGAN)
    assert (err.value.field, err.value.code) == ("target", "target_not_divisible")
    with pytest.raises(FieldError) as err:
        Indikator("IK-9", "SS-1", "x", "90 %", pola=Pola.POSISI, target_tw=("Semester III",) * 4)
    assert (err.value.field, err.value.code) == ("target_tw1", "unparseable_target")
    with pytest.raises(FieldError) as err:
        TugasTambahan("TT-9", "Laporan", "Desember 2027")
    assert (err.value.field, err.value.code) == ("target", "target_not_divisible")
    assert "tugas tambahan memerlukan target berupa satu angka" in err.value.message
    assert TugasTambahan("TT-9", "Laporan", "2–3 Laporan").nilai_target == 2.0


def test_tugas_tambahan_refusal_through_the_workbook(tmp_path):
    _, problems = _write_edit_read(tmp_path, "Tugas Tambahan", "TT-1", {"Target": "BB"})
    found = [(p.sheet, p.row, p.column) for p in problems if p.code == "target_not_divisible"]
    assert found == [("Tugas Tambahan", 2, "Target")]


def _kecil_bentuk_nyata():
    """The small sample with real-PK target forms: a predicate, a bound and a range."""
    targets = KECIL.targets()
    ik1 = dataclasses.replace(targets["IK-1"], target="≥ 4 Dokumen")
    ik2 = dataclasses.replace(targets["IK-2"], target="WTP", satuan="")
    tt1 = dataclasses.replace(targets["TT-1"], target="2–3 Laporan")
    return KECIL.with_changes(indikator=(ik1, ik2), tugas_tambahan=(tt1,))


def test_cascade_of_real_forms_has_no_nan_for_counted_targets():
    plan = _kecil_bentuk_nyata()
    assert [p for p in plan.validate() if p.is_error] == []
    table = analisis.cascade(plan, Alokasi((), ()))
    rows = table.set_index("indikator")
    assert rows.loc["IK-1", "target"] == 4.0 and not math.isnan(rows.loc["IK-1", "jumlah_angka"])
    assert rows.loc["TT-1", "target"] == 2.0 and not math.isnan(rows.loc["TT-1", "selisih"])
    # a predicate has no number: NaN target, never divided
    assert math.isnan(rows.loc["IK-2", "target"])
    assert rows.loc["IK-2", "satuan"] == ""


def test_a_plan_with_real_forms_solves_and_cascades():
    plan = _kecil_bentuk_nyata()
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None
    table = analisis.cascade(plan, hasil.alokasi).set_index("indikator")
    assert table.loc["IK-1", "jumlah_angka"] == pytest.approx(4.0)
    assert table.loc["TT-1", "jumlah_angka"] == pytest.approx(2.0)
    assert table.loc["IK-2", "status"] != "rantai putus"
    assert "WTP" in table.loc["IK-2", "pesan"]


# ---- Pagu without codes ----------------------------------------------------------------
def _tanpa_kode(plan):
    """Keep the Kegiatan ceilings with their names and amounts, drop every code."""
    pagu = tuple(dataclasses.replace(p, program=None, giat=None) for p in plan.pagu if not p.is_ro)
    return plan.with_changes(pagu=pagu)


def test_pagu_without_codes_loads_validates_and_lists_the_ceilings(tmp_path):
    plan = _tanpa_kode(UNIT)
    path = tmp_path / "tanpa_kode.xlsx"
    write_plan(plan, path)
    read, problems = read_plan_problems(path)
    assert read is not None
    assert [p for p in problems if p.is_error] == []
    # budget lines carry codes that match no ceiling: said, not refused
    assert {p.code for p in problems if p.sheet == "Rincian Anggaran"} <= {"unmatched_budget_code"}
    assert all(not p.is_error for p in problems if p.sheet == "Rincian Anggaran")
    assert all(p.program is None and p.giat is None for p in read.pagu)

    recap = analisis.anggaran_pagu(read, alokasi_tetap())
    kegiatan = recap[recap["level"] == "Kegiatan"]
    assert list(kegiatan["uraian"]) == [p.name for p in plan.pagu]
    assert list(kegiatan["pagu"]) == [float(p.pagu) for p in plan.pagu]
    assert (kegiatan["belanja"] == 0).all()  # nothing is matched to an uncoded ceiling
    unit = recap[recap["level"] == "Unit"].iloc[0]
    assert unit["pagu"] == sum(p.pagu for p in plan.pagu) == UNIT.pagu_total
    assert unit["belanja"] > 0  # the budget lines still count for the unit

    # the optimiser takes no Kegiatan bound from an uncoded row, only the unit's pagu
    m = build_masukan(read)
    assert m.pagu == {} and m.pagu_unit == UNIT.pagu_total


def test_pagu_codes_are_both_or_neither():
    row = KECIL.pagu[0]
    with pytest.raises(FieldError) as err:
        dataclasses.replace(row, giat=None)
    assert err.value.field == "giat"
    with pytest.raises(FieldError) as err:
        dataclasses.replace(row, program=None, giat=None, kro="EBA", ro="962")
    assert err.value.field == "kro"
    assert not dataclasses.replace(row, program=None, giat=None).berkode


def test_two_uncoded_ceilings_are_not_duplicates_unless_named_alike():
    a = dataclasses.replace(KECIL.pagu[0], program=None, giat=None, name="Program A")
    b = dataclasses.replace(a, name="Program B")
    plan = KECIL.with_changes(pagu=(a, b))
    assert "duplicate_code" not in {p.code for p in plan.validate()}
    plan = KECIL.with_changes(pagu=(a, a))
    assert "duplicate_code" in {p.code for p in plan.validate() if p.sheet == "Pagu"}


def test_small_sample_without_pagu_codes_solves():
    plan = _tanpa_kode(KECIL)
    assert [p for p in plan.validate() if p.is_error] == []
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None
    recap = analisis.anggaran_pagu(plan, hasil.alokasi)
    assert list(recap["pagu"]) == [75_000_000.0, 75_000_000.0]


# ---- structural officials are no ordinary members ---------------------------------------
DIREKTUR = next(p for p in UNIT.pegawai if p.jenis is JenisJabatan.STRUKTURAL)


def test_policy_default_keeps_structural_officials_out():
    assert Kebijakan().struktural_anggota is False
    assert not boleh_bertugas(DIREKTUR, Kebijakan())
    assert boleh_bertugas(DIREKTUR, Kebijakan(struktural_anggota=True))
    assert all(boleh_bertugas(p, Kebijakan()) for p in KECIL.pegawai)
    assert skema.KEBIJAKAN.columns[3].field == "struktural_anggota"
    assert skema.KEBIJAKAN.columns[3].header == "Pejabat struktural boleh menjadi anggota tim"


def test_unit_head_gets_no_team_and_no_hours_in_the_stored_allocation():
    alokasi = alokasi_tetap()
    assert all(p.nip != DIREKTUR.nip for p in alokasi.penugasan)
    assert all(k.nip != DIREKTUR.nip for k in alokasi.keanggotaan)
    m = build_masukan(UNIT)
    assert all(DIREKTUR.nip not in layak for layak in m.layak.values())
    assert all(DIREKTUR.nip not in calon for calon in m.calon_anggota.values())


def _kecil_dengan_kepala(struktural_anggota: bool):
    """The small sample plus its head as a Pegawai, with an effort line for 'Direktur'."""
    kepala = Pegawai(
        make_nip(dt.date(1970, 1, 1), 2000, 3, 2, 1),
        "Ratna Dewi",
        "Direktur",
        JenisJabatan.STRUKTURAL,
        Jenjang.JPT_PRATAMA,
        "IV/c",
        StatusASN.PNS,
        "DIT-KECIL",
    )
    first = KECIL.beban[0]
    beban = (*KECIL.beban, dataclasses.replace(first, jabatan="Direktur", jenjang_min=None))
    # one more seat in the team, for the head when the policy lets them in
    team = KECIL.kegiatan[0].tim
    tim = tuple(
        dataclasses.replace(t, size_max=t.size_max + 1) if t.code == team else t for t in KECIL.tim
    )
    kebijakan = dataclasses.replace(KECIL.kebijakan, struktural_anggota=struktural_anggota)
    plan = KECIL.with_changes(
        tim=tim,
        jabatan=(*KECIL.jabatan, Jabatan("Direktur", JenisJabatan.STRUKTURAL)),
        pegawai=(*KECIL.pegawai, kepala),
        beban=beban,
        kebijakan=kebijakan,
    )
    return plan, kepala, len(beban) - 1


@pytest.mark.parametrize("allowed", [False, True])
def test_structural_official_is_eligible_only_when_the_policy_allows(allowed):
    plan, kepala, line = _kecil_dengan_kepala(allowed)
    m = build_masukan(plan)
    assert (kepala.nip in m.layak[line]) is allowed
    team = KECIL.kegiatan[0].tim
    assert (kepala.nip in m.calon_anggota.get(team, [])) is allowed


def test_a_role_for_a_structural_jabatan_is_an_error_unless_allowed():
    plan, _, line = _kecil_dengan_kepala(False)
    found = [p for p in plan.validate() if p.code == "structural_role"]
    assert [(p.sheet, p.row, p.column, p.is_error) for p in found] == [
        ("Beban Kegiatan", 2 + line, "Jabatan", True)
    ]
    plan, _, _ = _kecil_dengan_kepala(True)
    assert [p for p in plan.validate() if p.is_error] == []


def test_solved_plan_gives_a_structural_official_nothing_by_default():
    plan, kepala, _ = _kecil_dengan_kepala(False)
    plan = plan.with_changes(beban=KECIL.beban)  # no role for the head's jabatan
    assert [p for p in plan.validate() if p.is_error] == []
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None
    assert all(p.nip != kepala.nip for p in hasil.alokasi.penugasan)
    assert all(k.nip != kepala.nip for k in hasil.alokasi.keanggotaan)


def test_solved_plan_lets_a_structural_official_work_when_allowed():
    plan, kepala, line = _kecil_dengan_kepala(True)
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None
    jam = sum(p.jam for p in hasil.alokasi.penugasan if p.nip == kepala.nip)
    assert jam == pytest.approx(plan.beban[line].jam)  # the only holder of the role


@pytest.mark.parametrize(
    "pin",
    [
        Penetapan(DIREKTUR.nip, Peran.ANGGOTA, tim=UNIT.tim[0].code),
        Penetapan(DIREKTUR.nip, Peran.KETUA, tim=UNIT.tim[0].code),
        Penetapan(DIREKTUR.nip, Peran.JAM_TETAP, kegiatan=UNIT.kegiatan[0].code, jam=10.0),
    ],
    ids=["anggota", "ketua", "jam tetap"],
)
def test_pinning_a_structural_official_is_an_error_naming_the_row(pin):
    plan = UNIT.with_changes(penetapan=(*UNIT.penetapan, pin))
    found = [p for p in plan.validate() if p.code == "structural_member"]
    row = 2 + len(UNIT.penetapan)
    assert [(p.sheet, p.row, p.column, p.is_error) for p in found] == [
        ("Penetapan", row, "NIP", True)
    ]
    assert DIREKTUR.name in found[0].message and "JF atau Pelaksana" in found[0].message
    allowed = dataclasses.replace(plan.kebijakan, struktural_anggota=True)
    plan = plan.with_changes(kebijakan=allowed)
    assert "structural_member" not in {p.code for p in plan.validate()}


def test_pinning_jf_and_pelaksana_stays_allowed():
    assert "structural_member" not in {p.code for p in UNIT.validate()}
    pins = tuple(Penetapan(p.nip, Peran.ANGGOTA, tim=KECIL.tim[0].code) for p in KECIL.pegawai[:2])
    plan = KECIL.with_changes(penetapan=pins)
    assert "structural_member" not in {p.code for p in plan.validate()}


# ---- quarterly targets consistent with the annual target --------------------------------
def _tw(plan, code, tw, target=None, satuan=None):
    ind = plan.targets()[code]
    changes = {"target_tw": tw}
    if target is not None:
        changes["target"] = target
    if satuan is not None:
        changes["satuan"] = satuan
    new = dataclasses.replace(ind, **changes)
    indikator = tuple(new if i.code == code else i for i in plan.indikator)
    found = plan.with_changes(indikator=indikator).validate()
    return [(p.code, p.column, p.is_error) for p in found if p.code.startswith("tw")]


def test_quarterly_checks_are_silent_on_the_samples():
    for plan in (UNIT, KECIL):
        assert not [p for p in plan.validate() if p.code.startswith("tw")]


def test_quarter_past_the_annual_target_and_stepping_back():
    found = _tw(KECIL, "IK-1", ("1 Dokumen", "3 Dokumen", "2 Dokumen", "5 Dokumen"))
    assert found == [
        ("tw_not_monotone", "Target TW III", False),
        ("tw_past_target", "Target TW IV", False),
    ]


def test_tw4_must_equal_the_annual_target():
    found = _tw(KECIL, "IK-1", ("1 Dokumen", "2 Dokumen", "3 Dokumen", "3 Dokumen"))
    assert found == [("tw4_not_target", "Target TW IV", False)]
    # TW IV not set: nothing to compare
    assert _tw(KECIL, "IK-1", ("1 Dokumen", "2 Dokumen", "3 Dokumen", None)) == []


def test_lower_is_better_quarters_come_down_to_the_bound():
    good = ("20 %", "15 %", "12 %", "10 %")
    assert _tw(KECIL, "IK-2", good, target="≤ 10 %", satuan="") == []
    bad = ("5 %", "15 %", "12 %", "10 %")
    found = _tw(KECIL, "IK-2", bad, target="≤ 10 %", satuan="")
    assert found == [
        ("tw_past_target", "Target TW I", False),
        ("tw_not_monotone", "Target TW II", False),
    ]


def test_quarters_without_a_number_are_not_compared():
    tw = ("Triwulan I", "Triwulan II", None, "WTP")
    assert _tw(KECIL, "IK-2", tw, target="WTP", satuan="") == []


def test_quarter_message_names_the_quarter_and_the_target():
    ind = dataclasses.replace(
        KECIL.targets()["IK-1"], target_tw=("1 Dokumen", "2 Dokumen", "3 Dokumen", "3 Dokumen")
    )
    plan = KECIL.with_changes(indikator=(ind, *KECIL.indikator[1:]))
    (found,) = [p for p in plan.validate() if p.code == "tw4_not_target"]
    assert (found.sheet, found.row) == ("Indikator", 2)
    assert "TW IV 3 Dokumen" in found.message and "4 Dokumen" in found.message


# ---- golongan consistent with jenjang ---------------------------------------------------
def test_golongan_check_is_silent_on_the_samples():
    for plan in (UNIT, KECIL):
        assert "golongan_jenjang" not in {p.code for p in plan.validate()}


@pytest.mark.parametrize(
    ("index", "golongan", "fires"),
    [
        (0, "III/a", True),  # Ahli Muda with III/a
        (0, "IV/a", True),  # Ahli Muda with IV/a
        (0, "III/c", False),
        (1, "III/b", False),  # Ahli Pertama
        (4, "II/a", False),  # Pelaksana (Klerek): not checked
    ],
)
def test_golongan_outside_the_band_warns(index, golongan, fires):
    person = dataclasses.replace(KECIL.pegawai[index], golongan=golongan)
    pegawai = tuple(person if i == index else p for i, p in enumerate(KECIL.pegawai))
    found = [p for p in KECIL.with_changes(pegawai=pegawai).validate()]
    hits = [p for p in found if p.code == "golongan_jenjang"]
    if not fires:
        assert hits == []
        return
    assert [(p.sheet, p.row, p.column, p.is_error) for p in hits] == [
        ("Pegawai", 2 + index, "Golongan", False)
    ]
    assert "Ahli Muda" in hits[0].message and "III/c–III/d" in hits[0].message


def test_pppk_golongan_is_not_checked():
    person = dataclasses.replace(KECIL.pegawai[0], status=StatusASN.PPPK, golongan="9")
    plan = KECIL.with_changes(pegawai=(person, *KECIL.pegawai[1:]))
    assert "golongan_jenjang" not in {p.code for p in plan.validate()}


def test_baca_target_is_exported_from_the_domain():
    assert baca_target("≤ 10 %").satuan == "%"


@pytest.mark.parametrize(
    "plan", [_kecil_bentuk_nyata(), _tanpa_kode(KECIL)], ids=["bentuk", "pagu"]
)
def test_result_workbook_of_real_pk_plans_round_trips(tmp_path, plan):
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None
    path = tmp_path / "hasil.xlsx"
    write_result_workbook(hasil, path)
    back = read_result_workbook(path)
    assert back.plan.targets()["IK-2"].target == plan.targets()["IK-2"].target
    assert [p.key for p in back.plan.pagu] == [p.key for p in plan.pagu]
    assert plan.targets()["IK-2"].target in laporan_html(hasil)


def test_an_upper_bound_is_met_below_its_number():
    ik1 = dataclasses.replace(KECIL.targets()["IK-1"], target="≤ 6 Dokumen")
    plan = KECIL.with_changes(indikator=(ik1, *KECIL.indikator[1:]))
    # carriers add up to 4 Dokumen: within the bound, so no mismatch warning
    assert "target_not_matched" not in {p.code for p in plan.validate()}
    ik1 = dataclasses.replace(ik1, target="≥ 6 Dokumen")
    plan = KECIL.with_changes(indikator=(ik1, *KECIL.indikator[1:]))
    assert "target_not_matched" in {p.code for p in plan.validate()}


def test_cascade_reads_an_upper_bound_in_its_direction():
    ik1 = dataclasses.replace(KECIL.targets()["IK-1"], target="≤ 6 Dokumen")
    plan = KECIL.with_changes(indikator=(ik1, *KECIL.indikator[1:]))
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    assert hasil.alokasi is not None
    row = analisis.cascade(plan, hasil.alokasi).set_index("indikator").loc["IK-1"]
    assert row["target"] == 6.0 and row["jumlah_angka"] == pytest.approx(4.0)
    assert row["status"] == "teralokasi penuh"
    assert "tidak melebihi batas target ≤ 6 Dokumen" in row["pesan"]


def test_a_predicate_held_whole_is_a_target_not_a_sentence():
    # the Ketua of IK-2 holds the undivided PK target "WTP" as his IKI target
    from sistemkerja.analisis.periksa_mph import TARGET_KALIMAT

    plan = _kecil_bentuk_nyata()
    hasil = optimasi(plan, celah=0, batas_waktu=300)
    iki = analisis.iki(plan, hasil.alokasi)
    assert "WTP" in set(iki["target"])
    assert TARGET_KALIMAT not in set(analisis.periksa_mph(plan, hasil.alokasi)["jenis"])
