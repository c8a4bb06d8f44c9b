"""Per-person SKP documents, the unit head's SKP, RHK tambahan and the SKP domain fields.

The writer consumes the RHK/IKI frames of ``analisis.rhk``/``analisis.iki`` (plus the RHK
tambahan of ``analisis.rhk_tambahan``) on the sample unit's stored allocation.
"""

from __future__ import annotations

import dataclasses
import math
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sistemkerja import analisis, contoh
from sistemkerja.analisis.tambahan import (
    IKI_KETUA,
    KOLOM_IKI,
    KOLOM_RHK,
    gabung_tambahan,
    kepala_unit,
    rhk_tambahan,
)
from sistemkerja.domain import (
    FieldError,
    Kebijakan,
    Pegawai,
    PendekatanSKP,
    Penetapan,
    Peran,
    PeriodePenilaian,
    Perspektif,
    TugasSK,
    pangkat_golongan,
)
from sistemkerja.domain.validasi import validate
from sistemkerja.io import read_plan, write_plan
from sistemkerja.laporan.skp import (
    JUDUL_SKP,
    PERILAKU_KERJA,
    PREFIKS_BUKTI,
    SEKSI_TAMBAHAN,
    SEKSI_UTAMA,
    lembar_skp,
    periode_skp,
    tulis_skp_pegawai,
    write_skp,
)

sys.path.insert(0, str(Path(__file__).parent))
import alokasi_tetap

A4 = 9  # openpyxl's paperSize code of A4


@pytest.fixture(scope="module")
def unit():
    plan = contoh.load("unit")
    alokasi = alokasi_tetap.load()
    rhk, iki = analisis.rhk(plan, alokasi), analisis.iki(plan, alokasi)
    return plan, alokasi, rhk, iki


@pytest.fixture(scope="module")
def buku(unit, tmp_path_factory):
    plan, alokasi, rhk, iki = unit
    path = tmp_path_factory.mktemp("skp") / "skp.xlsx"
    digest = write_skp(plan, rhk, iki, path, tambahan=rhk_tambahan(plan, alokasi))
    return path, digest, openpyxl.load_workbook(path)


def _texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


# ---- the workbook ------------------------------------------------------------------------
def test_one_sheet_per_person_and_the_unit_head_first(unit, buku):
    plan, _, rhk, _ = unit
    _, digest, wb = buku
    head = kepala_unit(plan)
    assert len(digest) == 64
    skp = [s for s in wb.sheetnames if s.startswith("SKP ")]
    assert skp[0] == lembar_skp(head.nip)
    expected = {
        p.nip
        for p in plan.pegawai
        if p.nip != head.nip and (p.unit == plan.pk.unit or p.nip in set(rhk["nip"]))
    }
    assert {s.removeprefix("SKP ") for s in skp[1:]} == expected
    assert len(skp) == len(expected) + 1
    assert all(len(s) <= 31 for s in wb.sheetnames)


def test_every_sheet_prints_on_a4_portrait_one_page_wide(buku):
    _, _, wb = buku
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == A4, ws.title
        assert ws.page_setup.orientation == "portrait", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth == 1, ws.title
        assert ws.print_area is not None


def test_each_person_sheet_has_header_sections_rhk_values_and_signatures(unit, buku):
    plan, alokasi, rhk, _ = unit
    _, _, wb = buku
    extra, _ = rhk_tambahan(plan, alokasi)
    head = kepala_unit(plan)
    staff = plan.pegawai_by_nip()
    semua = pd.concat([rhk, extra])
    for nip in [s.removeprefix("SKP ") for s in wb.sheetnames if s.startswith("SKP ")][1:]:
        ws = wb[lembar_skp(nip)]
        texts = _texts(ws)
        joined = "\n".join(texts)
        person = staff[nip]
        assert ws["A1"].value == JUDUL_SKP
        for label in ("PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", SEKSI_UTAMA):
            assert label in texts, (nip, label)
        assert SEKSI_TAMBAHAN in texts
        assert "PENDEKATAN HASIL KERJA KUANTITATIF" in texts
        periode = periode_skp(2027, person.bulan_mulai, person.bulan_selesai)
        assert f"PERIODE PENILAIAN: {periode.upper()}" in texts
        assert person.nip in texts and f"NIP {person.nip}" in texts
        assert texts.count(person.name) == 2  # header and signature
        for r in semua[semua["nip"] == nip]["rhk"]:
            assert r in texts, (nip, r)
        for value, guides in PERILAKU_KERJA:
            assert value in joined
            assert all(g in joined for g in guides)
        assert "Ekspektasi Khusus Pimpinan" in texts
        if person.unit == plan.pk.unit:
            assert texts.count(head.name) == 2  # the penilai: header and signature
        else:
            assert any(t.startswith("Pejabat penilai dari unit asal") for t in texts)
        assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in texts
        assert ws.row_breaks.brk, "the lampiran starts on a new page"


def test_person_without_rhk_utama_says_so(unit):
    plan, _, rhk, iki = unit
    nip = rhk["nip"].iloc[0]
    wb = openpyxl.Workbook()
    name = tulis_skp_pegawai(wb, plan, rhk[rhk["nip"] != nip], iki, nip)
    assert "Belum ada RHK utama" in _texts(wb[name])


def test_rhk_with_several_iki_spans_merged_rows(unit):
    plan, _, rhk, iki = unit
    row = rhk.iloc[0]
    second = pd.DataFrame(
        [(row.nip, row.no, "Waktu", "Ketepatan waktu penyelesaian", "12 Bulan", 12.0, "Bulan")],
        columns=list(KOLOM_IKI),
    )
    wb = openpyxl.Workbook()
    ws = wb[tulis_skp_pegawai(wb, plan, rhk, pd.concat([iki, second]), row.nip)]
    cell = next(c for r in ws.iter_rows() for c in r if c.value == row.rhk and c.column == 3)
    merged = [m for m in ws.merged_cells.ranges if cell.coordinate in m]
    n_iki = int(((iki["nip"] == row.nip) & (iki["no"] == row.no)).sum()) + 1
    assert merged and merged[0].max_row - merged[0].min_row == n_iki - 1
    texts = _texts(ws)
    assert "Ketepatan waktu penyelesaian" in texts and "12 Bulan" in texts


def test_unit_head_sheet_is_the_jpt_form(unit, buku):
    plan, *_ = unit
    _, _, wb = buku
    ws = wb[lembar_skp(kepala_unit(plan).nip)]
    texts = _texts(ws)
    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in texts
    assert "Perspektif" in texts
    for s in plan.sasaran:
        assert s.name in texts
        assert s.perspektif is not None and s.perspektif.value in texts
    for i in plan.indikator:
        assert i.name in texts and i.target in texts
    assert texts.count(plan.pk.pihak_kedua) == 2  # penilai = pihak kedua
    assert plan.pk.jabatan_pihak_kedua in texts
    assert texts.count(plan.pk.pihak_pertama) == 2
    for t in plan.tugas_tambahan:
        assert t.name in texts


def test_tambahan_in_ketua_and_sk_holder_sheets(unit, buku):
    plan, alokasi, *_ = unit
    _, _, wb = buku
    ketua = next(k for k in alokasi.keanggotaan if k.ketua)
    tim = next(t for t in plan.tim if t.code == ketua.tim)
    texts = _texts(wb[lembar_skp(ketua.nip)])
    assert f"Terkoordinasinya pelaksanaan tugas {tim.name}" in texts
    assert IKI_KETUA in texts and "4 Laporan" in texts
    sk = plan.tugas_sk[0]
    texts = _texts(wb[lembar_skp(sk.nip)])
    assert f"Terlaksananya tugas {sk.uraian}" in texts
    assert sk.target in texts


def test_lampiran_lists_each_rhk_bukti_and_due_month(unit, buku):
    _, _, rhk, _ = unit
    _, _, wb = buku
    row = rhk[rhk["bukti_dukung"].notna()].iloc[0]
    texts = _texts(wb[lembar_skp(row.nip)])
    start = texts.index("LAMPIRAN SASARAN KINERJA PEGAWAI")
    after = texts[start:]
    assert row.rhk in after and row.bukti_dukung in after
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus")
    months += ("September", "Oktober", "November", "Desember")
    assert months[row.bulan_jatuh_tempo - 1] in after


def test_evidence_plan_per_team_grouped_by_quarter(unit, buku):
    plan, alokasi, rhk, iki = unit
    _, _, wb = buku
    rhk, _ = gabung_tambahan(rhk, iki, rhk_tambahan(plan, alokasi))
    teams = [t for t in plan.tim if (rhk["tim"] == t.code).any()]
    sheets = [s for s in wb.sheetnames if s.startswith(PREFIKS_BUKTI)]
    assert sheets == [f"{PREFIKS_BUKTI}{t.code}" for t in teams]
    for t in teams:
        texts = _texts(wb[f"{PREFIKS_BUKTI}{t.code}"])
        assert [x for x in texts if x.startswith("Triwulan ")] == [
            "Triwulan I (Januari–Maret)",
            "Triwulan II (April–Juni)",
            "Triwulan III (Juli–September)",
            "Triwulan IV (Oktober–Desember)",
        ]
        for r in rhk[rhk["tim"] == t.code]["rhk"]:
            assert r in texts
    first = wb[sheets[0]]
    rows = [c.row for c in first["A"] if isinstance(c.value, int)]
    assert rows == sorted(rows) and len(rows) == (rhk["tim"] == teams[0].code).sum()


def test_workbook_reads_back_with_pandas(buku, unit):
    plan, *_ = unit
    path, _, _ = buku
    sheets = pd.read_excel(path, sheet_name=None, header=None)
    head = sheets[lembar_skp(kepala_unit(plan).nip)]
    assert (head == JUDUL_SKP).any().any()


# ---- RHK tambahan ------------------------------------------------------------------------
def test_rhk_tambahan_frames_follow_the_contract(unit):
    plan, alokasi, *_ = unit
    rhk, iki = rhk_tambahan(plan, alokasi)
    assert list(rhk.columns) == list(KOLOM_RHK)
    assert list(iki.columns) == [*KOLOM_IKI, "indikator"]
    leaders = [k for k in alokasi.keanggotaan if k.ketua]
    assert len(rhk) == len(leaders) + len(plan.tugas_sk)
    assert (rhk["jenis"] == "Tambahan").all() and rhk["no"].isna().all()
    assert set(iki["target"][iki["iki"] == IKI_KETUA]) == {"4 Laporan"}
    assert not any(ch.isdigit() for text in rhk["rhk"] for ch in text)
    for r in rhk.itertuples():
        assert ((iki["nip"] == r.nip) & (iki["indikator"] == r.indikator)).sum() == 1
    assert list(rhk[rhk["indikator"] == "SK-3"]["rhk"]) == [
        analisis.bahasa_hasil(plan.tugas_sk[2].uraian)
    ]


def test_monthly_assessment_gives_twelve_progress_reports(unit):
    plan, alokasi, *_ = unit
    bulanan = dataclasses.replace(
        plan,
        kebijakan=dataclasses.replace(plan.kebijakan, periode_penilaian=PeriodePenilaian.BULANAN),
    )
    _, iki = rhk_tambahan(bulanan, alokasi)
    assert set(iki["target"][iki["iki"] == IKI_KETUA]) == {"12 Laporan"}


def test_gabung_tambahan_numbers_after_each_person(unit):
    plan, alokasi, rhk, iki = unit
    out_rhk, out_iki = gabung_tambahan(rhk, iki, rhk_tambahan(plan, alokasi))
    for nip, group in out_rhk.groupby("nip"):
        assert list(group["no"]) == list(range(1, len(group) + 1)), nip
        assert list(group["jenis"]) == sorted(group["jenis"], key=lambda j: j != "Utama")
    assert not out_iki["no"].isna().any()
    keys = set(zip(out_rhk["nip"], out_rhk["no"], strict=True))
    assert set(zip(out_iki["nip"], out_iki["no"], strict=True)) <= keys


# ---- domain: period, penilai, Tugas SK, perspektif, pangkat -----------------------------
def test_partial_period_shrinks_default_capacity(unit):
    plan, *_ = unit
    p = next(x for x in plan.pegawai if x.capacity_hours is None)
    moved = dataclasses.replace(p, bulan_mulai=7)
    assert plan.capacity(p) == plan.kebijakan.jam_efektif
    assert plan.capacity(moved) == pytest.approx(plan.kebijakan.jam_efektif * 6 / 12)
    explicit = dataclasses.replace(moved, capacity_hours=900.0)
    assert plan.capacity(explicit) == 900.0


def test_sample_period_of_transfers_shows_in_skp(unit, buku):
    plan, *_ = unit
    _, _, wb = buku
    joined = next(p for p in plan.pegawai if p.bulan_mulai == 4)
    texts = _texts(wb[lembar_skp(joined.nip)])
    assert "PERIODE PENILAIAN: 1 APRIL 2027 S.D. 31 DESEMBER 2027" in texts
    retiring = next(p for p in plan.pegawai if p.bulan_selesai == 9)
    assert periode_skp(2027, 1, retiring.bulan_selesai) == "1 Januari 2027 s.d. 30 September 2027"


def test_period_rules():
    plan = contoh.load("kecil")
    p = plan.pegawai[0]
    with pytest.raises(FieldError) as err:
        dataclasses.replace(p, bulan_mulai=13)
    assert err.value.field == "bulan_mulai"
    inverted = dataclasses.replace(
        plan, pegawai=(dataclasses.replace(p, bulan_mulai=9, bulan_selesai=3), *plan.pegawai[1:])
    )
    found = [x for x in validate(inverted) if x.code == "period_inverted"]
    assert found and found[0].is_error and found[0].sheet == "Pegawai"
    assert found[0].column == "Mulai bertugas (bulan)" and found[0].row == 2


def test_pin_outside_the_period_is_a_warning():
    plan = contoh.load("kecil")
    act = next(k for k in plan.kegiatan if k.bulan_selesai > 6)
    p = plan.pegawai[-1]
    short = dataclasses.replace(p, bulan_selesai=6)
    changed = dataclasses.replace(
        plan,
        pegawai=(*plan.pegawai[:-1], short),
        penetapan=(Penetapan(p.nip, Peran.JAM_TETAP, kegiatan=act.code, jam=10.0),),
    )
    found = [x for x in validate(changed) if x.code == "outside_period"]
    assert len(found) == 1 and not found[0].is_error and found[0].sheet == "Penetapan"
    assert not [x for x in validate(plan) if x.code == "outside_period"]


def test_tugas_sk_unknown_nip_is_an_error_naming_row_and_field():
    plan = contoh.load("kecil")
    ghost = "199001012020011999"
    assert ghost not in plan.pegawai_by_nip()
    changed = dataclasses.replace(plan, tugas_sk=(TugasSK(ghost, "Bendahara", "12 Laporan"),))
    found = [x for x in validate(changed) if x.sheet == "Tugas SK"]
    assert len(found) == 1 and found[0].is_error
    assert found[0].row == 2 and found[0].column == "NIP" and ghost in found[0].message
    with pytest.raises(FieldError):
        TugasSK(ghost, "Bendahara", "")
    nip = plan.pegawai[0].nip
    twice = dataclasses.replace(plan, tugas_sk=(TugasSK(nip, "PPK", "4 Laporan"),) * 2)
    dup = [x for x in validate(twice) if x.code == "duplicate_code" and x.sheet == "Tugas SK"]
    assert len(dup) == 1 and dup[0].row == 3


def test_penilai_must_be_a_nip():
    p = contoh.load("kecil").pegawai[0]
    with pytest.raises(FieldError) as err:
        dataclasses.replace(p, penilai="123")
    assert err.value.field == "penilai"


def test_new_fields_round_trip_through_the_workbook(tmp_path):
    plan = contoh.load("unit")
    assert plan.tugas_sk and all(s.perspektif for s in plan.sasaran)
    head = kepala_unit(plan)
    first = next(p for p in plan.pegawai if p.nip != head.nip)
    plan = dataclasses.replace(
        plan,
        kebijakan=Kebijakan(pendekatan_skp=PendekatanSKP.KUALITATIF),
        pk=dataclasses.replace(plan.pk, nip_pihak_pertama=head.nip),
        pegawai=tuple(
            dataclasses.replace(p, penilai=head.nip) if p is first else p for p in plan.pegawai
        ),
    )
    path = tmp_path / "rencana.xlsx"
    write_plan(plan, path)
    back = read_plan(path)
    assert back == plan
    assert back.tugas_sk == plan.tugas_sk
    assert back.pegawai_by_nip()[first.nip].penilai == head.nip
    assert back.sasaran[0].perspektif is Perspektif.PENERIMA_LAYANAN


def test_pangkat_from_golongan():
    from sistemkerja.domain import PANGKAT, StatusASN

    assert pangkat_golongan("III/a") == "Penata Muda / III/a"
    assert pangkat_golongan("IV/e") == "Pembina Utama / IV/e"
    assert pangkat_golongan("9", StatusASN.PPPK) == "Golongan 9"
    assert len(PANGKAT) == 17


def test_kualitatif_approach_in_header(unit):
    plan, _, rhk, iki = unit
    kual = dataclasses.replace(plan, kebijakan=Kebijakan(pendekatan_skp=PendekatanSKP.KUALITATIF))
    wb = openpyxl.Workbook()
    name = tulis_skp_pegawai(wb, kual, rhk, iki, rhk["nip"].iloc[0])
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in _texts(wb[name])
    assert not math.isnan(float(rhk["no"].iloc[0]))


def test_unknown_nip_raises(unit):
    plan, _, rhk, iki = unit
    with pytest.raises(KeyError):
        tulis_skp_pegawai(openpyxl.Workbook(), plan, rhk, iki, "199001012020011999")


def test_person_of_another_unit_can_have_own_penilai(unit):
    plan, _, rhk, iki = unit
    other = next(p for p in plan.pegawai if p.unit != plan.pk.unit and p.nip in set(rhk["nip"]))
    ketua = next(p for p in plan.pegawai if p.unit == plan.pk.unit and p.jenis.value == "JF")
    given = dataclasses.replace(
        plan,
        pegawai=tuple(
            dataclasses.replace(p, penilai=ketua.nip) if p is other else p for p in plan.pegawai
        ),
    )
    wb = openpyxl.Workbook()
    texts = _texts(wb[tulis_skp_pegawai(wb, given, rhk, iki, other.nip)])
    assert texts.count(ketua.name) == 2
    assert not any(t.startswith("Pejabat penilai dari unit asal") for t in texts)


def test_pegawai_defaults_keep_existing_construction():
    p = contoh.load("kecil").pegawai[0]
    fresh = Pegawai(p.nip, p.name, p.jabatan, p.jenis, p.jenjang, p.golongan, p.status, p.unit)
    assert (fresh.penilai, fresh.bulan_mulai, fresh.bulan_selesai) == (None, 1, 12)
