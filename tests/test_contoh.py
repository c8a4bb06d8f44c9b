"""Sample plans: the fictional unit, the tiny plan and the synthetic generator."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sistemkerja import contoh
from sistemkerja.contoh import generate
from sistemkerja.domain import (
    Asal,
    JenisJabatan,
    JenisTarget,
    Jenjang,
    Mode,
    Rencana,
    StatusASN,
    check_nip,
    format_angka,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "data_contoh.md"


@pytest.fixture(scope="module")
def unit() -> Rencana:
    return contoh.load("unit")


@pytest.fixture(scope="module")
def kecil() -> Rencana:
    return contoh.load("kecil")


def _shown(problems) -> str:
    return "\n".join(str(p) for p in problems)


def _errors(plan: Rencana) -> list:
    return [p for p in plan.validate() if p.is_error]


def _available(plan: Rencana, people) -> float:
    return sum(plan.capacity(p) - p.committed_hours for p in people)


def _unservable(plan: Rencana) -> list[str]:
    """Effort rows nobody can do: no person of that jabatan, jenjang and allowed origin."""
    target_of = {k.code: k.indikator for k in plan.kegiatan}
    allowed: dict[tuple[str, str], int] = {}
    for k in plan.kebutuhan_peran:
        key = (k.indikator, k.jabatan)
        allowed[key] = max(allowed.get(key, 0), k.asal.rank)
    bad = []
    for b in plan.beban:
        reach = allowed.get((target_of[b.kegiatan], b.jabatan), 0)
        if not any(
            p.jabatan == b.jabatan
            and (b.jenjang_min is None or p.jenjang.at_least(b.jenjang_min))
            and plan.asal(p).rank <= reach
            for p in plan.pegawai
        ):
            bad.append(f"{b.kegiatan} {b.jabatan} {b.jenjang_min}")
    return bad


def _roles_short(plan: Rencana) -> list[str]:
    """Role requirements asking for more people or hours than the eligible staff have."""
    short = []
    for k in plan.kebutuhan_peran:
        eligible = [
            p
            for p in plan.pegawai
            if p.jabatan == k.jabatan
            and (k.jenjang_min is None or p.jenjang.at_least(k.jenjang_min))
            and plan.asal(p).rank <= k.asal.rank
        ]
        if (k.orang or 0) > len(eligible) or (k.jam or 0) > _available(plan, eligible):
            short.append(f"{k.indikator} {k.jabatan} {k.jenjang_min} {k.orang} {k.jam}")
    return short


def _over_pagu(plan: Rencana, low: float = 0.0) -> list[str]:
    """Kegiatan/RO ceilings whose lines exceed them (or use less than ``low`` of them)."""
    giat: dict[tuple[str, str], float] = defaultdict(float)
    ro: dict[tuple[str, str, str, str], float] = defaultdict(float)
    for a in plan.anggaran:
        giat[(a.program, a.giat)] += a.jumlah
        ro[(a.program, a.giat, a.kro, a.ro)] += a.jumlah
    bad = []
    for p in plan.pagu:
        spent = ro[p.key] if p.is_ro else giat[(p.program, p.giat)]  # type: ignore[index]
        if not low * p.pagu <= spent <= p.pagu:
            bad.append(f"{p.key}: {spent:,.0f} / {p.pagu:,.0f}")
    return bad


# ---- registry ------------------------------------------------------------------------
def test_names_and_file_names():
    assert contoh.names() == ["unit", "kecil"]
    assert contoh.FILE_NAMES == {"unit": "unit.xlsx", "kecil": "kecil.xlsx"}


def test_unknown_name_lists_the_choices():
    with pytest.raises(ValueError, match=r"'besar' tidak dikenal; pilihan: unit, kecil"):
        contoh.load("besar")


@pytest.mark.parametrize("name", ["unit", "kecil"])
def test_sample_validates_without_problems(name):
    problems = contoh.load(name).validate()
    assert problems == [], _shown(problems)


def test_load_is_deterministic():
    # How long loading takes is measured in benchmarks/run.py, never asserted here.
    first = contoh.load("unit")
    second = contoh.load("unit")
    assert first == second
    assert first is not second
    assert [p.name for p in first.pegawai] == [p.name for p in second.pegawai]
    assert contoh.load() == first


# ---- the sample unit -----------------------------------------------------------------
def test_unit_staff_by_origin(unit):
    origin = Counter(unit.asal(p) for p in unit.pegawai)
    assert 55 <= origin[Asal.UNIT] <= 65
    assert 3 <= origin[Asal.LINTAS_UNIT] <= 4
    assert origin[Asal.LINTAS_INSTANSI] == 1
    for p in unit.pegawai:
        own = unit.asal(p) is Asal.UNIT
        assert (p.involvement_cost > 0 and p.hourly_cost > 0) is not own, p.name


def test_unit_staff_mix(unit):
    own = [p for p in unit.pegawai if unit.asal(p) is Asal.UNIT]
    head = [p for p in own if p.jenis is JenisJabatan.STRUKTURAL]
    assert len(head) == 1
    assert head[0].jenjang is Jenjang.JPT_PRATAMA
    assert head[0].name == unit.pk.pihak_pertama
    jenjang = Counter(p.jenjang for p in own)
    assert 6 <= jenjang[Jenjang.AHLI_MUDA] <= 10
    assert 2 <= jenjang[Jenjang.AHLI_MADYA] <= 5
    assert jenjang[Jenjang.AHLI_PERTAMA] >= 10
    assert jenjang[Jenjang.TERAMPIL] and jenjang[Jenjang.MAHIR]
    assert {Jenjang.KLEREK, Jenjang.OPERATOR, Jenjang.TEKNISI} <= set(jenjang)
    assert Counter(p.jenis for p in own)[JenisJabatan.PELAKSANA] >= 15
    assert 2 <= sum(p.status is StatusASN.PPPK for p in own) <= 8
    assert len({p.jabatan for p in own if p.jenis is JenisJabatan.JF}) >= 10
    assert sum(p.capacity_hours is not None for p in own) >= 3
    assert sum(p.committed_hours > 0 for p in own) >= 3


GOLONGAN_BAND = {
    Jenjang.AHLI_PERTAMA: {"III/a", "III/b"},
    Jenjang.AHLI_MUDA: {"III/c", "III/d"},
    Jenjang.AHLI_MADYA: {"IV/a", "IV/b", "IV/c"},
}


def test_unit_golongan_fits_jenjang(unit):
    for p in unit.pegawai:
        if p.status is StatusASN.PPPK:
            assert p.golongan.isdigit(), p
        elif p.jenjang in GOLONGAN_BAND:
            assert p.golongan in GOLONGAN_BAND[p.jenjang], p


def test_unit_pk(unit):
    assert unit.pk.tahun == 2027
    assert 4 <= len(unit.sasaran) <= 6
    assert 10 <= len(unit.indikator) <= 14
    additive = [i for i in unit.indikator if i.pola.additive]
    assert 3 <= len(additive) <= len(unit.indikator) - 3
    assert sum(any(i.target_tw) for i in unit.indikator) >= 3
    assert len(unit.tugas_tambahan) == 1
    assert "," in "".join(i.target for i in unit.indikator)  # a decimal comma somewhere
    # a predicate target as real PK documents write it (issue 11), never divided
    predikat = [i for i in unit.indikator if i.target_pk.jenis is JenisTarget.PREDIKAT]
    assert predikat and not any(i.pola.additive for i in predikat)


def test_unit_strategy_and_teams(unit):
    assert 7 <= len(unit.tim) <= 9
    strategies = unit.strategi_by_target()
    assert set(strategies) == set(unit.targets())
    modes = Counter(s.mode for s in unit.strategi)
    assert 2 <= modes[Mode.INDIVIDU] <= 3
    assert sum(unit.tim_perlu_ketua().values()) > len(unit.tim) / 2
    origins = Counter(k.asal for k in unit.kebutuhan_peran)
    assert origins[Asal.LINTAS_UNIT] >= 1
    assert origins[Asal.LINTAS_INSTANSI] == 1
    assert not _roles_short(unit)
    assert not _unservable(unit)


def test_unit_activities(unit):
    assert 35 <= len(unit.kegiatan) <= 45
    assert all(h > 0 for h in unit.jam_kegiatan().values())
    assert all(c > 0 for c in unit.biaya_kegiatan().values())
    assert all(k.bukti_dukung for k in unit.kegiatan)


def test_unit_effort_against_capacity(unit):
    own = [p for p in unit.pegawai if unit.asal(p) is Asal.UNIT]
    effort = sum(b.jam for b in unit.beban)
    assert 0.70 <= effort / _available(unit, own) <= 0.95
    demand: dict[str, float] = defaultdict(float)
    for b in unit.beban:
        demand[b.jabatan] += b.jam
    for jabatan, hours in demand.items():
        people = [p for p in unit.pegawai if p.jabatan == jabatan]
        assert hours <= 0.95 * _available(unit, people), jabatan


def test_unit_budget(unit):
    total = sum(a.jumlah for a in unit.anggaran)
    assert 0.90 * unit.pagu_total <= total <= unit.pagu_total
    assert 11e9 <= unit.pagu_total <= 12.5e9
    assert len([p for p in unit.pagu if not p.is_ro]) == 3
    assert not _over_pagu(unit, low=0.90)
    for p in unit.pagu:
        if not p.is_ro:
            ros = [r.pagu for r in unit.pagu if r.is_ro and r.giat == p.giat]
            assert sum(ros) == p.pagu
    assert {a.program for a in unit.anggaran} == {"WA"}
    assert all(len(a.giat) == 4 and len(a.kro) == 3 and len(a.ro) == 3 for a in unit.anggaran)


def test_names_are_unique(unit):
    names = [p.name for p in unit.pegawai]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("plan", ["unit", "kecil", "sintetis"])
def test_nips_follow_the_fictional_scheme(plan):
    data = generate(300, seed=5) if plan == "sintetis" else contoh.load(plan)
    nips = [p.nip for p in data.pegawai]
    assert len(set(nips)) == len(nips)
    for nip in nips:
        assert check_nip(nip) is None, nip
        assert nip[15] == "9", nip
        born, start = int(nip[:4]), int(nip[8:12])
        assert start >= born + 20, nip
        assert 20 <= data.pk.tahun - born <= 60, nip
        assert start <= data.pk.tahun, nip


def test_doc_states_the_figures(unit):
    text = DOC.read_text(encoding="utf-8")
    own = sum(unit.asal(p) is Asal.UNIT for p in unit.pegawai)
    effort = sum(b.jam for b in unit.beban)
    for figure in (
        f"{own} pegawai",
        f"{len(unit.kegiatan)} kegiatan",
        format_angka(effort, 0),
        format_angka(unit.pagu_total, 0),
        format_angka(sum(a.jumlah for a in unit.anggaran), 0),
    ):
        assert figure in text, figure


# ---- the tiny plan -------------------------------------------------------------------
def test_kecil_is_small_and_round(kecil):
    assert len(kecil.pegawai) == 6
    assert [i.pola.additive for i in kecil.indikator] == [True, False]
    assert len(kecil.tim) == 2
    assert [s.mode for s in kecil.strategi].count(Mode.INDIVIDU) == 1
    assert len(kecil.kegiatan) == 5
    assert sum(kecil.jam_kegiatan().values()) == 2500
    assert all(b.jam % 100 == 0 for b in kecil.beban)
    assert sum(kecil.biaya_kegiatan().values()) == 50_000_000
    assert kecil.pagu_total == 75_000_000
    assert Counter(kecil.asal(p) for p in kecil.pegawai)[Asal.LINTAS_UNIT] == 1
    assert not _roles_short(kecil)
    assert not _unservable(kecil)


# ---- the generator -------------------------------------------------------------------
@pytest.mark.parametrize("n", [2, 5, 17, 60, 150, 400])
@pytest.mark.parametrize("seed", [0, 1, 42])
def test_generate_validates(n, seed):
    plan = generate(n, seed=seed)
    problems = plan.validate()
    assert problems == [], _shown(problems)
    assert not _unservable(plan)
    assert not _roles_short(plan)
    assert not _over_pagu(plan, low=0.75)


def test_generate_is_deterministic():
    assert generate(150, seed=3) == generate(150, seed=3)
    assert generate(150, seed=3) != generate(150, seed=4)
    assert generate(150, seed=3).pegawai != generate(150, seed=4).pegawai


@pytest.mark.parametrize("n", [10, 60, 150, 1000])
def test_generate_scales(n):
    plan = generate(n, seed=2)
    assert len(plan.pegawai) == n
    assert len(plan.tim) == max(1, round(0.1 * n))
    assert len(plan.kegiatan) == 2 * n
    origin = Counter(plan.asal(p) for p in plan.pegawai)
    assert origin[Asal.LINTAS_INSTANSI] >= 1
    assert origin[Asal.UNIT] >= 0.8 * n


def test_generate_respects_explicit_sizes():
    plan = generate(80, seed=1, n_kegiatan=50, n_tim=4)
    assert (len(plan.pegawai), len(plan.kegiatan), len(plan.tim)) == (80, 50, 4)
    assert not _errors(plan)


@pytest.mark.parametrize("load", [0.3, 0.8, 1.0, 1.2])
def test_generate_effort_follows_load(load):
    plan = generate(200, seed=9, load=load)
    effort = sum(b.jam for b in plan.beban)
    available = _available(plan, plan.pegawai)
    assert load - 0.01 <= effort / available <= load
    if load <= 1:
        demand: dict[str, float] = defaultdict(float)
        for b in plan.beban:
            demand[b.jabatan] += b.jam
        for jabatan, hours in demand.items():
            people = [p for p in plan.pegawai if p.jabatan == jabatan]
            assert hours <= load * _available(plan, people) + 1e-6, jabatan


def test_generate_leaders_are_possible():
    plan = generate(300, seed=11)
    need = sum(plan.tim_perlu_ketua().values())
    eligible = [
        p
        for p in plan.pegawai
        if plan.asal(p) is Asal.UNIT and p.jenjang in plan.kebijakan.ketua_jenjang
    ]
    assert 0 < need <= len(eligible)


@pytest.mark.parametrize(
    ("n", "kwargs"),
    [
        (1, {}),
        (10, {"load": 0}),
        (10, {"load": 2.5}),
        (10, {"n_tim": 10}),
        (10, {"n_tim": 3, "n_kegiatan": 2}),
    ],
)
def test_generate_rejects_bad_arguments(n, kwargs):
    with pytest.raises(ValueError, match=r"harus|tidak boleh"):
        generate(n, **kwargs)


def test_generate_1000_staff_is_valid():
    # Its speed is a benchmark figure (benchmarks/run.py), not a test.
    plan = generate(1000, seed=0)
    assert len(plan.pegawai) == 1000
    assert not _errors(plan)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(5, 200), seed=st.integers(0, 2**32 - 1))
def test_generate_never_has_errors(n, seed):
    plan = generate(n, seed=seed)
    assert not _errors(plan), _shown(plan.validate())
    assert not _unservable(plan)
