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
