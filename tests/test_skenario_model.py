"""Scenarios as data: each change applied to the sample unit, refusals, files, cache key."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import strategies
from hypothesis import given, settings
from hypothesis import strategies as st

from sistemkerja import contoh
from sistemkerja.domain import (
    FieldError,
    Jenjang,
    Pegawai,
    Penetapan,
    Peran,
    make_nip,
)
from sistemkerja.domain.kebijakan import Prioritas
from sistemkerja.domain.skenario import (
    HapusPegawai,
    PaguDikali,
    PaguDitetapkan,
    PegawaiTidakTersedia,
    PengaturanSolver,
    Sapuan,
    Skenario,
    TambahPegawai,
    TambahPenetapan,
    UbahKebijakan,
    UbahTarget,
    kunci,
    terapkan,
)
from sistemkerja.io import read_plan
from sistemkerja.io.skenario import (
    SkenarioError,
    baca_sapuan,
    baca_skenario,
    sapuan_dari_teks,
    sapuan_ke_teks,
    skenario_dari_teks,
    skenario_ke_teks,
    tulis_sapuan,
    tulis_skenario,
)

CONTOH = Path(__file__).resolve().parents[1] / "data" / "skenario" / "contoh.yaml"
NOVI = "196709141993032978"  # Analis Kebijakan Ahli Madya, capacity 937.5 jam
BUDI = "199208142018011983"  # Perencana Ahli Muda


@pytest.fixture(scope="module")
def unit():
    return contoh.load("unit")


def _apply(plan, *changes):
    return terapkan(plan, Skenario("uji", perubahan=changes))


def _baru() -> Pegawai:
    return Pegawai(
        nip=make_nip(dt.date(1988, 3, 12), 2012, 3, 1, 991),
        name="Arif Setiawan",
        jabatan="Analis Kebijakan",
        jenis=contoh.load("unit").pegawai_by_nip()[NOVI].jenis,
        jenjang=Jenjang.AHLI_MUDA,
        golongan="III/d",
        status=contoh.load("unit").pegawai_by_nip()[NOVI].status,
        unit="BIRO-HUKUM",
    )


# ---- each change kind -----------------------------------------------------------
def test_pagu_dikali_whole_unit_scales_ceilings_and_lines(unit):
    done = _apply(unit, PaguDikali(0.8))
    assert done.valid
    new = done.rencana
    assert new.pagu_total == pytest.approx(0.8 * unit.pagu_total, abs=len(unit.pagu))
    for old, p in zip(unit.pagu, new.pagu, strict=True):
        assert p.pagu == round(old.pagu * 0.8)
    assert sum(a.jumlah for a in new.anggaran) == pytest.approx(
        0.8 * sum(a.jumlah for a in unit.anggaran)
    )
    assert new.pegawai == unit.pegawai


def test_pagu_dikali_ceilings_only_makes_lines_exceed(unit):
    done = _apply(unit, PaguDikali(0.8, rincian=False))
    assert done.diterima
    assert "budget_over_pagu" in {p.code for p in done.galat}
    assert done.rencana.anggaran == unit.anggaran


def test_pagu_dikali_one_kegiatan_and_one_ro(unit):
    new = _apply(unit, PaguDikali(0.5, "5642")).rencana
    for old, p in zip(unit.pagu, new.pagu, strict=True):
        assert p.pagu == (round(old.pagu * 0.5) if old.giat == "5642" else old.pagu)
    new = _apply(unit, PaguDikali(0.5, "5642", "AFA.001")).rencana
    changed = [p.key for old, p in zip(unit.pagu, new.pagu, strict=True) if p != old]
    assert changed == [("WA", "5642", "AFA", "001")]
    lines = [a for old, a in zip(unit.anggaran, new.anggaran, strict=True) if a != old]
    assert lines and all((a.giat, a.kro, a.ro) == ("5642", "AFA", "001") for a in lines)


def test_pagu_ditetapkan(unit):
    new = _apply(unit, PaguDitetapkan(6_000_000_000)).rencana
    assert new.pagu_total == pytest.approx(6e9, abs=3)
    new = _apply(unit, PaguDitetapkan(2_000_000_000, "5641")).rencana
    head = next(p for p in new.pagu if p.giat == "5641" and not p.is_ro)
    assert head.pagu == 2e9
    old_ro = next(p for p in unit.pagu if p.key == ("WA", "5641", "AFA", "001"))
    new_ro = next(p for p in new.pagu if p.key == ("WA", "5641", "AFA", "001"))
    assert new_ro.pagu == round(old_ro.pagu * 2e9 / 2.8e9)
    new = _apply(unit, PaguDitetapkan(150_000_000, "5643", "EBA.962")).rencana
    assert next(p for p in new.pagu if p.ro == "962").pagu == 150_000_000


def test_tambah_pegawai(unit):
    person = _baru()
    done = _apply(unit, TambahPegawai(person))
    assert done.valid
    assert done.rencana.pegawai[-1] == person
    assert len(done.rencana.pegawai) == len(unit.pegawai) + 1


def test_hapus_pegawai_also_drops_their_rows(unit):
    pin = Penetapan(BUDI, Peran.KETUA, tim="TIM-RKA")
    done = _apply(unit, TambahPenetapan(pin), HapusPegawai(BUDI))
    assert done.valid
    assert BUDI not in done.rencana.pegawai_by_nip()
    assert done.rencana.penetapan == ()
    assert len(done.rencana.pegawai) == len(unit.pegawai) - 1


def test_pegawai_tidak_tersedia_shrinks_the_period(unit):
    new = _apply(unit, PegawaiTidakTersedia(NOVI, 1, 3)).rencana
    person = new.pegawai_by_nip()[NOVI]
    assert (person.bulan_mulai, person.bulan_selesai) == (4, 9)  # served 1–9
    assert person.capacity_hours == pytest.approx(937.5 * 6 / 9)
    new = _apply(unit, PegawaiTidakTersedia(BUDI, 11, 12)).rencana
    person = new.pegawai_by_nip()[BUDI]
    assert (person.bulan_mulai, person.bulan_selesai) == (1, 10)
    assert new.capacity(person) == pytest.approx(1250 * 10 / 12)


def test_ubah_target(unit):
    done = _apply(unit, UbahTarget("IK-1.2", "28 Dokumen"))
    assert done.valid
    ind = next(i for i in done.rencana.indikator if i.code == "IK-1.2")
    assert ind.target == "28 Dokumen" and ind.nilai_target == 28
    done = _apply(unit, UbahTarget("IK-1.1", "80 %", ("20 %", "40 %", "60 %", "80 %")))
    ind = next(i for i in done.rencana.indikator if i.code == "IK-1.1")
    assert ind.target_tw == ("20 %", "40 %", "60 %", "80 %")


def test_ubah_kebijakan(unit):
    done = _apply(
        unit,
        UbahKebijakan("ketua_jenjang", (Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA)),
        UbahKebijakan("max_tim_per_pegawai", 2),
        UbahKebijakan("prioritas", Prioritas.PEMERATAAN),
        UbahKebijakan("bobot_biaya", 0.5),
    )
    assert done.diterima
    k = done.rencana.kebijakan
    assert k.ketua_jenjang == (Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA)
    assert k.max_tim_per_pegawai == 2
    assert k.prioritas is Prioritas.PEMERATAAN
    assert k.bobot_biaya == 0.5


def test_tambah_penetapan(unit):
    pin = Penetapan(BUDI, Peran.KETUA, tim="TIM-RKA", catatan="dialog kinerja")
    done = _apply(unit, TambahPenetapan(pin))
    assert done.valid
    assert done.rencana.penetapan == (pin,)


def test_base_plan_is_not_changed(unit):
    before = contoh.load("unit")
    _apply(unit, PaguDikali(0.5), HapusPegawai(BUDI))
    assert unit == before


# ---- refusals -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        (PaguDikali(0.9, "9999"), "unknown_kegiatan", "'9999'"),
        (PaguDikali(0.9, "5641", "XXX.001"), "unknown_ro", "'XXX.001'"),
        (HapusPegawai("199901012020011999"), "unknown_nip", "199901012020011999"),
        (PegawaiTidakTersedia(BUDI, 4, 6), "period_gap", "di tengah"),
        (PegawaiTidakTersedia(BUDI, 1, 12), "whole_period", "hapus_pegawai"),
        (UbahTarget("IK-9", "5 Dokumen"), "unknown_indikator", "'IK-9'"),
        (UbahTarget("IK-1.2", "WTP"), "target_not_divisible", "WTP"),
        (UbahKebijakan("ketua_tim", 1), "unknown_parameter", "'ketua_tim'"),
        (UbahKebijakan("max_tim_per_pegawai", "dua"), "wrong_type", "Maks. tim"),
        (UbahKebijakan("max_tim_per_pegawai", 0), "below_minimum", "Maks. tim"),
        (TambahPenetapan(Penetapan(BUDI, Peran.ANGGOTA, tim="TIM-X")), "unknown_team", "TIM-X"),
    ],
)
def test_refusal_names_change_index_and_key(unit, change, code, words):
    done = _apply(unit, PaguDikali(0.9), change)
    assert not done.diterima and not done.valid
    (refusal,) = done.ditolak
    assert refusal.code == code
    assert refusal.sheet == "Skenario"
    assert refusal.key.startswith("perubahan[2] ")
    assert "skenario 'uji', perubahan[2]" in refusal.message
    assert words in refusal.message
    # the other change still applied
    assert done.rencana.pagu_total < unit.pagu_total


def test_every_refusal_reported_at_once(unit):
    done = _apply(unit, HapusPegawai("199901012020011999"), PaguDikali(0.9, "0000"))
    assert [p.key.split()[0] for p in done.ditolak] == ["perubahan[1]", "perubahan[2]"]


def test_duplicate_nip_refused(unit):
    done = _apply(unit, TambahPegawai(unit.pegawai[3]))
    assert [p.code for p in done.ditolak] == ["duplicate_nip"]


@pytest.mark.parametrize(
    "make",
    [
        lambda: PaguDikali(0),
        lambda: PaguDikali(-0.2),
        lambda: PaguDikali(0.9, ro="AFA.001"),
        lambda: PaguDikali(0.9, "5641", "AFA"),
        lambda: PaguDitetapkan(-1),
        lambda: PegawaiTidakTersedia(BUDI, 5, 2),
        lambda: PegawaiTidakTersedia(BUDI, 0, 2),
        lambda: UbahTarget("IK-1", "5", ("1", "2")),
        lambda: Skenario(" "),
        lambda: PengaturanSolver(batas_waktu=0),
        lambda: PengaturanSolver(solver="gurobi"),
    ],
)
def test_single_field_rules_at_construction(make):
    with pytest.raises(FieldError):
        make()


def test_lists_become_tuples():
    s = Skenario("a", perubahan=[PaguDikali(0.9)])  # type: ignore[arg-type]
    assert s == Skenario("a", perubahan=(PaguDikali(0.9),))
    assert Sapuan([s]).skenario == (s,)  # type: ignore[arg-type]


def test_sweep_refuses_repeated_names():
    with pytest.raises(FieldError, match="ganda"):
        Sapuan((Skenario("a"), Skenario("a")))


# ---- files ----------------------------------------------------------------------
SKENARIO_YAML = """\
nama: Uji
keterangan: contoh
perubahan:
  - jenis: pagu_dikali
    faktor: "0,8"
    kegiatan: 5641
  - jenis: ubah_kebijakan
    parameter: Jenjang Ketua Tim
    nilai: Ahli Madya; Ahli Utama
  - jenis: pegawai_tidak_tersedia
    nip: "196709141993032978"
    bulan_mulai: 1
    bulan_selesai: Maret
"""


def test_reads_values_as_the_workbook_does():
    s = skenario_dari_teks(SKENARIO_YAML)
    assert s.perubahan[0] == PaguDikali(0.8, "5641")
    assert s.perubahan[1] == UbahKebijakan(
        "ketua_jenjang", (Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA)
    )
    assert s.perubahan[2] == PegawaiTidakTersedia(NOVI, 1, 3)


def test_yaml_list_for_a_list_parameter():
    text = "nama: x\nperubahan:\n  - jenis: ubah_kebijakan\n    parameter: ketua_jenjang\n"
    s = skenario_dari_teks(text + "    nilai: [Ahli Madya, Penyelia]\n")
    assert s.perubahan[0].nilai == (Jenjang.AHLI_MADYA, Jenjang.PENYELIA)
    with pytest.raises(SkenarioError, match=r"baris 5, kunci 'perubahan\[1\]\.nilai'.*Ahli Tua"):
        skenario_dari_teks(text + "    nilai: [Ahli Tua]\n")


def test_error_names_file_line_and_key():
    text = SKENARIO_YAML.replace('faktor: "0,8"', "faktor: dua puluh")
    with pytest.raises(SkenarioError) as err:
        skenario_dari_teks(text, "skenario.yaml")
    (message,) = err.value.galat
    assert message.startswith("skenario.yaml baris 5, kunci 'perubahan[1].faktor': ")
    assert message.count("'dua puluh'") == 1


def test_factor_not_positive_is_a_line_error():
    text = SKENARIO_YAML.replace('faktor: "0,8"', "faktor: -2")
    with pytest.raises(SkenarioError) as err:
        skenario_dari_teks(text, "skenario.yaml")
    assert err.value.galat == [
        "skenario.yaml baris 5, kunci 'perubahan[1].faktor': faktor pagu harus angka > 0, "
        "tertulis -2"
    ]


def test_every_file_error_at_once():
    text = (
        SKENARIO_YAML.replace("jenis: ubah_kebijakan", "jenis: ubah_kebijakn")
        .replace("bulan_selesai: Maret", "bulan_selesai: 13")
        .replace("keterangan: contoh", "keterangan: contoh\nwarna: merah")
    )
    with pytest.raises(SkenarioError) as err:
        skenario_dari_teks(text, "s.yaml")
    messages = err.value.galat
    assert any("baris 3, kunci 'warna': kunci tidak dikenal" in m for m in messages)
    assert any("baris 8, kunci 'perubahan[2].jenis'" in m for m in messages)
    assert any("baris 14, kunci 'perubahan[3].bulan_selesai'" in m for m in messages)


def test_nip_written_as_number_is_refused():
    text = SKENARIO_YAML.replace('nip: "196709141993032978"', "nip: 196709141993032978")
    with pytest.raises(SkenarioError, match=r"baris 11, kunci 'perubahan\[3\]\.nip'.*petik"):
        skenario_dari_teks(text)


def test_duplicate_key_and_bad_yaml():
    with pytest.raises(SkenarioError, match=r"baris 2, kunci 'nama': kunci ganda"):
        skenario_dari_teks("nama: a\nnama: b\n")
    with pytest.raises(SkenarioError, match=r"x\.yaml baris 2: bukan YAML yang sah"):
        skenario_dari_teks("nama: a\n  - b: [\n", "x.yaml")


def test_pegawai_row_errors_name_the_column():
    text = """\
nama: x
perubahan:
  - jenis: tambah_pegawai
    pegawai:
      NIP: "198803122012031991"
      Nama: A
      Jabatan: Analis Kebijakan
      Jenis jabatan: JF
      Jenjang: Ahli Sepuh
      Golongan: III/d
      Status: PNS
"""
    with pytest.raises(SkenarioError) as err:
        skenario_dari_teks(text)
    messages = "\n".join(err.value.galat)
    assert "baris 9, kunci 'perubahan[1].pegawai.Jenjang'" in messages
    assert "kunci 'Unit' (unit) wajib diisi" in messages


def _full(unit) -> Skenario:
    return Skenario(
        "Semua jenis",
        "setiap jenis perubahan",
        (
            PaguDikali(0.8),
            PaguDikali(0.9, "5641", "AFA.001", rincian=False),
            PaguDitetapkan(2.5e9, "5642"),
            TambahPegawai(dataclasses.replace(_baru(), capacity_hours=800.5, competences=("a",))),
            HapusPegawai(BUDI),
            PegawaiTidakTersedia(NOVI, 8, 12),
            UbahTarget("IK-1.1", "80 %", ("20 %", None, "60 %", "80 %")),
            UbahKebijakan("ketua_jenjang", (Jenjang.AHLI_MADYA,)),
            UbahKebijakan("lintas_instansi", False),
            UbahKebijakan("bobot_biaya", 0.25),
            UbahKebijakan("prioritas", Prioritas.PEMERATAAN),
            UbahKebijakan("kategori_ej", unit.kebijakan.kategori_ej),
            TambahPenetapan(Penetapan(NOVI, Peran.JAM_TETAP, kegiatan="K-01", jam=40.5)),
        ),
    )


def test_scenario_round_trip(unit, tmp_path):
    s = _full(unit)
    assert skenario_dari_teks(skenario_ke_teks(s)) == s
    path = tulis_skenario(s, tmp_path / "s.yaml")
    assert baca_skenario(path) == s


def test_sweep_round_trip(unit, tmp_path):
    sweep = Sapuan(
        (_full(unit), Skenario("kosong")),
        "rencana.xlsx",
        PengaturanSolver("cbc", 30, 0.02, Prioritas.BOBOT),
    )
    assert sapuan_dari_teks(sapuan_ke_teks(sweep)) == sweep
    assert baca_sapuan(tulis_sapuan(sweep, tmp_path / "sw.yaml")) == sweep


GRID = """\
kisi:
  - nama: pagu
    perubahan: {jenis: pagu_dikali}
    isian: faktor
    nilai: [0.9, 0.8, 0.7]
    label: [pagu −10 %, pagu −20 %, pagu −30 %]
  - nama: ketua
    perubahan: {jenis: ubah_kebijakan, parameter: ketua_jenjang}
    isian: nilai
    nilai: [Ahli Muda; Ahli Madya, Ahli Madya]
"""


def test_grid_expands_to_named_scenarios():
    sweep = sapuan_dari_teks(GRID)
    names = [s.nama for s in sweep.skenario]
    assert names == [
        "pagu −10 %, ketua Ahli Muda; Ahli Madya",
        "pagu −10 %, ketua Ahli Madya",
        "pagu −20 %, ketua Ahli Muda; Ahli Madya",
        "pagu −20 %, ketua Ahli Madya",
        "pagu −30 %, ketua Ahli Muda; Ahli Madya",
        "pagu −30 %, ketua Ahli Madya",
    ]
    assert sweep.skenario[3].perubahan == (
        PaguDikali(0.8),
        UbahKebijakan("ketua_jenjang", (Jenjang.AHLI_MADYA,)),
    )
    assert sweep.pengaturan == PengaturanSolver()


def test_grid_value_error_points_at_the_value_line():
    text = GRID.replace("nilai: [0.9, 0.8, 0.7]", "nilai:\n      - 0.9\n      - nol\n      - 0.7")
    with pytest.raises(SkenarioError) as err:
        sapuan_dari_teks(text, "sapuan.yaml")
    (message,) = err.value.galat
    assert message.startswith("sapuan.yaml baris 7, kunci 'kisi[1].nilai[2]': ")


def test_grid_rule_error_points_at_the_value_line():
    text = GRID.replace("nilai: [0.9, 0.8, 0.7]", "nilai:\n      - 0.9\n      - 0.8\n      - 0")
    with pytest.raises(SkenarioError) as err:
        sapuan_dari_teks(text, "sapuan.yaml")
    (message,) = err.value.galat
    assert message.startswith("sapuan.yaml baris 8, kunci 'kisi[1].nilai[3]': faktor pagu harus")


def test_grid_repeated_names_and_empty_sweep():
    with pytest.raises(SkenarioError, match="ganda"):
        sapuan_dari_teks(GRID.replace("pagu −30 %]", "pagu −10 %]"))
    with pytest.raises(SkenarioError, match="tidak memuat skenario"):
        sapuan_dari_teks("rencana: a.xlsx\n")


def test_example_sweep_loads_and_applies(unit):
    sweep = baca_sapuan(CONTOH)
    assert sweep.rencana == "../contoh/unit.xlsx"
    assert (CONTOH.parent / sweep.rencana).is_file()
    assert len(sweep.skenario) == 4 + 6
    assert CONTOH.read_text(encoding="utf-8").startswith("# ")
    for s in sweep.skenario:
        done = terapkan(unit, s)
        assert done.valid, (s.nama, [str(p) for p in done.galat])
        assert done.rencana != unit


def test_example_sweep_applies_to_the_workbook_it_names():
    sweep = baca_sapuan(CONTOH)
    plan = read_plan(CONTOH.parent / sweep.rencana)
    assert all(terapkan(plan, s).valid for s in sweep.skenario)


# ---- cache key ------------------------------------------------------------------
def test_key_is_stable_and_ignores_names(unit):
    s = Skenario("a", "x", (PaguDikali(0.8),))
    key = kunci(unit, s)
    assert len(key) == 64 and int(key, 16) >= 0
    assert kunci(contoh.load("unit"), Skenario("b", "y", (PaguDikali(0.8),))) == key
    assert kunci(unit, s, PengaturanSolver()) == key
    assert (
        kunci(unit, s, {"solver": "highs", "batas_waktu": 60, "celah": None, "prioritas": None})
        == key
    )
    # a plan's Excel rows are not an input
    assert kunci(dataclasses.replace(unit, rows={"Pegawai": (5,)}), s) == key


def test_key_changes_with_each_input(unit):
    s = Skenario("a", perubahan=(PaguDikali(0.8), HapusPegawai(BUDI)))
    key = kunci(unit, s)
    others = {
        kunci(unit, Skenario("a", perubahan=(PaguDikali(0.7), HapusPegawai(BUDI)))),
        kunci(unit, Skenario("a", perubahan=(HapusPegawai(BUDI), PaguDikali(0.8)))),
        kunci(unit, Skenario("a", perubahan=(PaguDikali(0.8),))),
        kunci(unit, s, PengaturanSolver(batas_waktu=30)),
        kunci(unit, s, PengaturanSolver(solver="cbc")),
        kunci(unit, s, PengaturanSolver(celah=0.0)),
        kunci(unit.ubah("Kebijakan", None, jam_efektif=1200.0).rencana, s),
        kunci(unit.ubah("Pegawai", NOVI, committed_hours=10.0).rencana, s),
        kunci(contoh.load("kecil"), s),
    }
    assert key not in others
    assert len(others) == 9


@settings(max_examples=60, deadline=None)
@given(
    a=st.lists(st.sampled_from([0.5, 0.8, 1.0, 1.5]), max_size=3),
    b=st.lists(st.sampled_from([0.5, 0.8, 1.0, 1.5]), max_size=3),
    kegiatan=st.sampled_from([None, "5641"]),
)
def test_key_equal_exactly_when_changes_equal(a, b, kegiatan):
    plan = contoh.load("kecil")
    sa = Skenario("a", perubahan=tuple(PaguDikali(f, kegiatan) for f in a))
    sb = Skenario("b", perubahan=tuple(PaguDikali(f) for f in b))
    assert (kunci(plan, sa) == kunci(plan, sb)) == (sa.perubahan == sb.perubahan)


# ---- round trip of random scenarios ---------------------------------------------
def _kebijakan_changes(k):
    return [UbahKebijakan(f.name, getattr(k, f.name)) for f in dataclasses.fields(k)]


@st.composite
def _changes(draw):
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return PaguDikali(
            draw(st.floats(0.01, 10, allow_nan=False)),
            draw(st.none() | st.just("5641")),
            rincian=draw(st.booleans()),
        )
    if kind == 1:
        ro = draw(st.none() | st.just("AFA.001"))
        return PaguDitetapkan(draw(strategies.amounts), "5641", ro)
    if kind == 2:
        return TambahPegawai(draw(strategies.pegawai()))
    if kind == 3:
        return HapusPegawai(draw(strategies.nips()))
    if kind == 4:
        start = draw(st.integers(1, 12))
        return PegawaiTidakTersedia(draw(strategies.nips()), start, draw(st.integers(start, 12)))
    if kind == 5:
        return UbahTarget(draw(strategies.codes), draw(strategies.targets()))
    if kind == 6:
        return draw(st.sampled_from(_kebijakan_changes(draw(strategies.kebijakan()))))
    return TambahPenetapan(draw(strategies.penetapan()))


@settings(max_examples=150, deadline=None)
@given(
    nama=strategies.texts,
    keterangan=st.just("") | strategies.texts,
    perubahan=st.lists(_changes(), max_size=4),
)
def test_random_scenarios_round_trip(nama, keterangan, perubahan):
    s = Skenario(nama, keterangan, tuple(perubahan))
    assert skenario_dari_teks(skenario_ke_teks(s)) == s
