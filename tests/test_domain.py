import datetime as dt

import pytest

from sistemkerja.domain import (
    BarisAnggaran,
    FieldError,
    Indikator,
    Jabatan,
    JenisJabatan,
    Jenjang,
    Kebijakan,
    Kegiatan,
    Mode,
    Pagu,
    Pegawai,
    PerjanjianKinerja,
    Rencana,
    Sasaran,
    StatusASN,
    Strategi,
    TimKerja,
    Unit,
    check_nip,
    make_nip,
)
from sistemkerja.domain.enums import Asal


def _pegawai(nip="198503122010011901", unit="DIT", **kw):
    args = dict(
        nip=nip,
        name="Andi",
        jabatan="Perencana",
        jenis=JenisJabatan.JF,
        jenjang=Jenjang.AHLI_MUDA,
        golongan="III/c",
        status=StatusASN.PNS,
        unit=unit,
    )
    args.update(kw)
    return Pegawai(**args)


def _plan(**kw):
    base = dict(
        kebijakan=Kebijakan(),
        pk=PerjanjianKinerja(2027, "DIT", "Kepala", "Direktur"),
        units=(
            Unit("DIT", "Direktorat", "Kem A"),
            Unit("PUS", "Pusat", "Kem A"),
            Unit("BPS", "Badan", "Kem B"),
        ),
        jabatan=(Jabatan("Perencana", JenisJabatan.JF),),
    )
    base.update(kw)
    return Rencana(**base)


def test_nip_structure():
    nip = make_nip(dt.date(1985, 3, 12), 2010, 1, 1, 901)
    assert nip == "198503122010011901"
    assert check_nip(nip) is None
    assert "18 digit" in check_nip("12345")
    assert "tanggal lahir" in check_nip("198513122010011901")
    assert "digit ke-15" in check_nip("198503122010013901")
    assert "TMT" in check_nip("198503121990011901")


def test_jenjang_order_and_tracks():
    assert Jenjang.AHLI_MADYA.at_least(Jenjang.AHLI_MUDA)
    assert not Jenjang.AHLI_PERTAMA.at_least(Jenjang.AHLI_MUDA)
    assert not Jenjang.PENYELIA.at_least(Jenjang.AHLI_PERTAMA)
    assert Jenjang.parse("ahli  muda") is Jenjang.AHLI_MUDA
    with pytest.raises(ValueError, match="Ahli Muda"):
        Jenjang.parse("Ahli Muuda")


def test_pegawai_field_rules():
    with pytest.raises(FieldError) as err:
        _pegawai(jenjang=Jenjang.KLEREK)
    assert err.value.field == "jenjang"
    with pytest.raises(FieldError) as err:
        _pegawai(committed_hours=-1.0)
    assert err.value.field == "committed_hours"
    assert err.value.code == "negative_value"
    with pytest.raises(FieldError) as err:
        _pegawai(golongan="V/a")
    assert err.value.field == "golongan"


def test_kegiatan_start_after_end():
    with pytest.raises(FieldError) as err:
        Kegiatan("K1", "x", "IK1", None, 9, 3, 1, "Laporan")
    assert (err.value.field, err.value.code) == ("bulan_selesai", "start_after_end")
    with pytest.raises(FieldError) as err:
        Kegiatan("K1", "x", "IK1", None, 0, 3, 1, "Laporan")
    assert err.value.code == "month_out_of_range"


def test_strategy_rules():
    with pytest.raises(FieldError):
        Strategi("IK1", Mode.TIM)
    with pytest.raises(FieldError):
        Strategi("IK1", Mode.INDIVIDU, perlu_ketua=True)


def test_asal_of_staff():
    plan = _plan()
    own = _pegawai()
    other_unit = _pegawai(nip="198503122010011902", unit="PUS")
    other_agency = _pegawai(nip="198503122010011903", unit="BPS")
    assert plan.asal(own) is Asal.UNIT
    assert plan.asal(other_unit) is Asal.LINTAS_UNIT
    assert plan.asal(other_agency) is Asal.LINTAS_INSTANSI


def test_validate_reports_all_problems_with_rows():
    plan = _plan(
        pegawai=(_pegawai(), _pegawai(), _pegawai(nip="198503122010011905", jabatan="Juru Masak")),
        sasaran=(Sasaran("SS1", "s"),),
        indikator=(Indikator("IK1", "SS9", "x", "10 Laporan"),),
        tim=(TimKerja("T1", "Tim"),),
        strategi=(Strategi("IK1", Mode.TIM, "T1"),),
        kegiatan=(Kegiatan("K1", "x", "IK1", "T2", 1, 2, 1, "Laporan"),),
    )
    found = {(p.sheet, p.row, p.column, p.code) for p in plan.validate() if p.is_error}
    assert ("Pegawai", 3, "NIP", "duplicate_nip") in found
    assert ("Pegawai", 4, "Jabatan", "unknown_jabatan") in found
    assert ("Indikator", 2, "Sasaran", "unknown_sasaran") in found
    assert ("Kegiatan", 2, "Tim", "unknown_team") in found


def test_budget_over_pagu_names_pagu_row():
    line = BarisAnggaran("K1", "WA", "4264", "EBA", "962", None, "524111", "x", 2, "OP", 600.0)
    plan = _plan(
        pegawai=(_pegawai(),),
        sasaran=(Sasaran("SS1", "s"),),
        indikator=(Indikator("IK1", "SS1", "x", "10 Laporan"),),
        strategi=(Strategi("IK1", Mode.INDIVIDU),),
        kegiatan=(Kegiatan("K1", "x", "IK1", None, 1, 2, 1, "Laporan"),),
        pagu=(Pagu("WA", "4264", None, None, "Giat", 1000.0),),
        anggaran=(line,),
    )
    errors = [p for p in plan.validate() if p.is_error]
    assert [(p.sheet, p.row, p.column, p.code) for p in errors] == [
        ("Pagu", 2, "Pagu (Rp)", "budget_over_pagu")
    ]
    assert "1.200" in errors[0].message and "1.000" in errors[0].message


def test_leader_needed_without_eligible_jenjang():
    plan = _plan(
        kebijakan=Kebijakan(ketua_jenjang=()),
        sasaran=(Sasaran("SS1", "s"),),
        indikator=(Indikator("IK1", "SS1", "x", "10 Laporan"),),
        tim=(TimKerja("T1", "Tim"),),
        strategi=(Strategi("IK1", Mode.TIM, "T1", perlu_ketua=True),),
    )
    found = {(p.sheet, p.column, p.code) for p in plan.validate() if p.is_error}
    assert ("Kebijakan", "Jenjang Ketua Tim", "no_eligible_leader_jenjang") in found
    assert ("Strategi", "Perlu Ketua Tim", "no_eligible_leader_jenjang") in found


def test_pelaksana_categories_are_unordered():
    assert Jenjang.KLEREK.at_least(Jenjang.KLEREK)
    assert not Jenjang.KLEREK.at_least(Jenjang.TEKNISI)
    assert not Jenjang.TEKNISI.at_least(Jenjang.OPERATOR)


# ---- problem keys and value checks ---------------------------------------------------
def test_validation_problems_carry_the_entity_key():
    plan = _plan(
        pegawai=(_pegawai(), _pegawai(), _pegawai(nip="198503122010011905", jabatan="Juru Masak")),
        sasaran=(Sasaran("SS1", "s"),),
        indikator=(Indikator("IK1", "SS9", "x", "10 Laporan"),),
        tim=(TimKerja("T1", "Tim"),),
        strategi=(Strategi("IK1", Mode.TIM, "T1"),),
        kegiatan=(Kegiatan("K1", "x", "IK1", "T2", 1, 2, 1, "Laporan"),),
    )
    found = {(p.sheet, p.row, p.code): p.key for p in plan.validate() if p.is_error}
    assert found[("Pegawai", 3, "duplicate_nip")] == "198503122010011901 #2"
    assert found[("Pegawai", 4, "unknown_jabatan")] == "198503122010011905"
    assert found[("Indikator", 2, "unknown_sasaran")] == "IK1"
    assert found[("Kegiatan", 2, "unknown_team")] == "K1"


def test_leader_policy_problem_is_keyed_by_parameter():
    plan = _plan(
        kebijakan=Kebijakan(ketua_jenjang=()),
        tim=(TimKerja("T1", "Tim"),),
        strategi=(Strategi("IK1", Mode.TIM, "T1", perlu_ketua=True),),
    )
    keys = {(p.sheet, p.code): p.key for p in plan.validate()}
    assert keys[("Kebijakan", "no_eligible_leader_jenjang")] == "Jenjang Ketua Tim"
    assert keys[("Strategi", "no_eligible_leader_jenjang")] == "IK1"


@pytest.mark.parametrize("text", ["\u200b", "\ufeff", " \u2060 ", "\u200b\u00a0\u200c"])
def test_invisible_names_are_refused(text):
    with pytest.raises(FieldError) as err:
        _pegawai(name=text)
    assert (err.value.field, err.value.code) == ("name", "invisible_text")
    with pytest.raises(FieldError) as err:
        Unit("X", text, "Kem A")
    assert err.value.code == "invisible_text"


def test_whitespace_only_name_is_missing():
    with pytest.raises(FieldError) as err:
        _pegawai(name="\u00a0 \u3000")
    assert err.value.code == "missing_value"
    assert _pegawai(name="Andi\u200b").name == "Andi\u200b"  # visible text is kept as given


@pytest.mark.parametrize("value", [1e16, 1e308])
def test_numbers_above_ten_to_fifteen_are_refused(value):
    with pytest.raises(FieldError) as err:
        Kegiatan("K1", "x", "IK1", None, 1, 2, value, "Laporan")
    assert (err.value.field, err.value.code) == ("volume", "value_too_large")
    assert "10^" in err.value.message and "e+" not in err.value.message
    with pytest.raises(FieldError) as err:
        TimKerja("T1", "Tim", 10**16)
    assert err.value.code == "value_too_large"
    assert Kegiatan("K1", "x", "IK1", None, 1, 2, 1e15, "Laporan").volume == 1e15


def test_weights():
    with pytest.raises(FieldError) as err:
        Kebijakan(bobot_deviasi=1e308)
    assert (err.value.field, err.value.code) == ("bobot_deviasi", "weight_out_of_range")
    assert "0–1.000" in err.value.message
    plan = _plan(kebijakan=Kebijakan(bobot_deviasi=1000.5))
    found = [(p.sheet, p.row, p.column, p.code) for p in plan.validate() if p.is_error]
    # row 15: issue 11 put Bentuk MPH after Periode penilaian
    assert ("Kebijakan", 15, "Bobot simpangan pita EJ", "weight_out_of_range") in found
    plan = _plan(kebijakan=Kebijakan(bobot_deviasi=1000.0))
    assert "weight_out_of_range" not in {p.code for p in plan.validate()}


def test_hours_and_plausibility_thresholds():
    plan = _plan(
        pegawai=(
            _pegawai(capacity_hours=8784.0),
            _pegawai(nip="198503122010011902", capacity_hours=8784.5),
            _pegawai(nip="198503122010011903", capacity_hours=99.0),
            _pegawai(nip="198503122010011904", capacity_hours=0.0),
            _pegawai(nip="198503122010011905", capacity_hours=100.0),
        )
    )
    found = {(p.row, p.code, p.severity.value) for p in plan.validate() if p.sheet == "Pegawai"}
    assert (3, "hours_exceed_year", "galat") in found
    assert (4, "implausible_capacity", "peringatan") in found
    codes_by_row = {row: code for row, code, _ in found}
    assert 2 not in codes_by_row and 5 not in codes_by_row and 6 not in codes_by_row


def test_empty_plan_is_an_error_per_sheet():
    found = {(p.sheet, p.row, p.column, p.code, p.key) for p in _plan().validate() if p.is_error}
    assert {
        ("Pegawai", None, None, "no_pegawai", None),
        ("Indikator", None, None, "no_indikator", None),
        ("Kegiatan", None, None, "no_kegiatan", None),
    } <= found


def test_tampil_shows_huge_and_tiny_numbers_in_indonesian():
    from sistemkerja.domain.batas import tampil

    assert tampil(1250.5) == "1.250,5"
    assert tampil(1e308) == "1 × 10^308"
    assert tampil(2.5e20) == "2,5 × 10^20"
    assert tampil(0.004) == "0,004"
    assert tampil(5e-324) == "4,94 × 10^-324"  # the smallest float: no division by zero
    assert tampil(-3e16) == "-3 × 10^16"
    assert tampil(float("inf")) == "tak hingga"
    assert tampil(float("nan")) == "bukan angka"
