"""Hypothesis strategies building random plans from the domain constructors.

Every strategy only produces values the constructors accept: stripped non-empty texts
without control characters, finite non-negative floats of moderate size, valid NIPs,
jenjang fitting the jenis jabatan. Plans need not be cross-reference valid.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from sistemkerja.domain import (
    Asal,
    Aspek,
    BarisAnggaran,
    BebanKegiatan,
    Indikator,
    Jabatan,
    JenisJabatan,
    JenisSasaran,
    Jenjang,
    Kebijakan,
    KebutuhanPeran,
    Kegiatan,
    MetodeCascade,
    Mode,
    Pagu,
    Pegawai,
    Penetapan,
    Penyesuaian,
    Peran,
    PeriodePenilaian,
    PerjanjianKinerja,
    Pola,
    Rencana,
    Sasaran,
    StatusASN,
    Strategi,
    TimKerja,
    TugasTambahan,
    Unit,
    make_nip,
)
from sistemkerja.domain.enums import JALUR_JENIS
from sistemkerja.domain.pegawai import GOLONGAN

_CHARS = st.characters(
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\u2028\u2029",
)

#: Stripped, non-empty printable text.
texts = st.text(_CHARS, min_size=1, max_size=20).map(str.strip).filter(bool)
optional_texts = st.none() | texts
codes = texts
#: Texts usable as list items (no ``;``).
tags = texts.filter(lambda t: ";" not in t)

#: Finite, non-negative floats of moderate size (jam, Rp, volumes).
amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
optional_amounts = st.none() | amounts

units_of_target = st.sampled_from(["", "%", "Laporan", "Dokumen", "Indeks", "Skala"])


@st.composite
def targets(draw: st.DrawFn) -> str:
    """A target text with exactly one number, as written in a PK."""
    whole = draw(st.integers(min_value=0, max_value=100_000))
    if draw(st.booleans()):
        number = f"{whole},{draw(st.integers(min_value=1, max_value=99))}"
    else:
        number = str(whole)
    unit = draw(units_of_target)
    if unit == "Skala":
        return f"Skala {number}"
    return f"{number} {unit}".strip()


@st.composite
def nips(draw: st.DrawFn) -> str:
    """A well-formed NIP."""
    born = draw(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2004, 12, 31)))
    start_year = draw(st.integers(min_value=born.year + 18, max_value=born.year + 40))
    return make_nip(
        born,
        start_year,
        draw(st.integers(1, 12)),
        draw(st.sampled_from([1, 2])),
        draw(st.integers(0, 999)),
    )


@st.composite
def jenis_jenjang(draw: st.DrawFn) -> tuple[JenisJabatan, Jenjang]:
    """A jenis jabatan and a jenjang on one of its tracks."""
    jenis = draw(st.sampled_from(JenisJabatan))
    fitting = [j for j in Jenjang if j.jalur in JALUR_JENIS[jenis]]
    return jenis, draw(st.sampled_from(fitting))


@st.composite
def kebijakan(draw: st.DrawFn) -> Kebijakan:
    """Policy parameters."""
    ej_min = draw(st.floats(min_value=0, max_value=2, allow_nan=False))
    ej_max = draw(st.floats(min_value=ej_min, max_value=3, allow_nan=False))
    return Kebijakan(
        ketua_jenjang=tuple(draw(st.lists(st.sampled_from(Jenjang), max_size=4))),
        max_tim_per_pegawai=draw(st.integers(1, 10)),
        lintas_instansi=draw(st.booleans()),
        struktural_anggota=draw(st.booleans()),
        jam_efektif=draw(st.floats(min_value=1, max_value=3000, allow_nan=False)),
        ej_min=ej_min,
        ej_max=ej_max,
        periode_penilaian=draw(st.sampled_from(PeriodePenilaian)),
        min_jam_anggota=draw(amounts),
        jam_ketua=draw(amounts),
        kapasitas_bulanan=draw(st.booleans()),
        bobot_ej_maks=draw(amounts),
        bobot_ej_jabatan=draw(amounts),
        bobot_deviasi=draw(amounts),
        bobot_biaya=draw(amounts),
        bobot_lintas=draw(amounts),
        bobot_keanggotaan=draw(amounts),
    )


perjanjian = st.builds(
    PerjanjianKinerja,
    tahun=st.integers(2000, 2100),
    unit=codes,
    pihak_pertama=texts,
    jabatan_pihak_pertama=texts,
    pihak_kedua=optional_texts,
    jabatan_pihak_kedua=optional_texts,
)

units = st.builds(Unit, code=codes, name=texts, instansi=texts)
jabatan = st.builds(Jabatan, name=texts, jenis=st.sampled_from(JenisJabatan), rumpun=optional_texts)


@st.composite
def pegawai(draw: st.DrawFn) -> Pegawai:
    """A staff member."""
    jenis, jenjang = draw(jenis_jenjang())
    return Pegawai(
        nip=draw(nips()),
        name=draw(texts),
        jabatan=draw(texts),
        jenis=jenis,
        jenjang=jenjang,
        golongan=draw(st.sampled_from(GOLONGAN)),
        status=draw(st.sampled_from(StatusASN)),
        unit=draw(codes),
        capacity_hours=draw(optional_amounts),
        committed_hours=draw(amounts),
        competences=tuple(draw(st.lists(tags, max_size=3))),
        involvement_cost=draw(amounts),
        hourly_cost=draw(amounts),
        maks_tim=draw(st.none() | st.integers(0, 5)),
    )


sasaran = st.builds(Sasaran, code=codes, name=texts, jenis=st.sampled_from(JenisSasaran))


@st.composite
def indikator(draw: st.DrawFn) -> Indikator:
    """An indicator with yearly and quarterly targets."""
    return Indikator(
        code=draw(codes),
        sasaran=draw(codes),
        name=draw(texts),
        target=draw(targets()),
        satuan=draw(st.just("") | tags),
        pola=draw(st.sampled_from(Pola)),
        aspek=draw(st.sampled_from(Aspek)),
        target_tw=tuple(draw(st.lists(st.none() | targets(), min_size=4, max_size=4))),
    )


tugas_tambahan = st.builds(
    TugasTambahan, code=codes, name=texts, target=targets(), satuan=st.just("") | tags
)


@st.composite
def pagu(draw: st.DrawFn) -> Pagu:
    """A Kegiatan or RO ceiling."""
    is_ro = draw(st.booleans())
    return Pagu(
        program=draw(codes),
        giat=draw(codes),
        kro=draw(codes) if is_ro else None,
        ro=draw(codes) if is_ro else None,
        name=draw(texts),
        pagu=draw(amounts),
    )


@st.composite
def tim(draw: st.DrawFn) -> TimKerja:
    """A team."""
    size_min = draw(st.integers(1, 10))
    size_max = draw(st.none() | st.integers(size_min, 20))
    return TimKerja(draw(codes), draw(texts), size_min, size_max)


@st.composite
def strategi(draw: st.DrawFn) -> Strategi:
    """A strategy, team-based or individual."""
    mode = draw(st.sampled_from(Mode))
    team = mode is Mode.TIM
    return Strategi(
        indikator=draw(codes),
        mode=mode,
        tim=draw(codes) if team else None,
        perlu_ketua=draw(st.booleans()) if team else False,
        metode=draw(st.sampled_from(MetodeCascade)),
        catatan=draw(optional_texts),
    )


@st.composite
def kebutuhan_peran(draw: st.DrawFn) -> KebutuhanPeran:
    """A role need, with people and/or hours."""
    orang = draw(st.none() | st.integers(1, 20))
    jam = draw(amounts) if orang is None else draw(optional_amounts)
    return KebutuhanPeran(
        indikator=draw(codes),
        jabatan=draw(texts),
        jenjang_min=draw(st.none() | st.sampled_from(Jenjang)),
        orang=orang,
        jam=jam,
        asal=draw(st.sampled_from(Asal)),
    )


@st.composite
def kegiatan(draw: st.DrawFn) -> Kegiatan:
    """An activity with a schedule inside the year."""
    start = draw(st.integers(1, 12))
    return Kegiatan(
        code=draw(codes),
        name=draw(texts),
        indikator=draw(codes),
        tim=draw(st.none() | codes),
        bulan_mulai=start,
        bulan_selesai=draw(st.integers(start, 12)),
        volume=draw(amounts),
        satuan=draw(texts),
        bukti_dukung=draw(optional_texts),
        angka=draw(st.booleans()),
    )


beban = st.builds(
    BebanKegiatan,
    kegiatan=codes,
    jabatan=texts,
    jenjang_min=st.none() | st.sampled_from(Jenjang),
    volume=amounts,
    norma_waktu=amounts,
)

anggaran = st.builds(
    BarisAnggaran,
    kegiatan=codes,
    program=codes,
    giat=codes,
    kro=codes,
    ro=codes,
    komponen=st.none() | codes,
    akun=st.from_regex(r"\A[0-9]{6}\Z"),
    name=texts,
    volume=amounts,
    satuan=texts,
    harga_satuan=amounts,
)


@st.composite
def penetapan(draw: st.DrawFn) -> Penetapan:
    """A pin or forbid with the fields its kind needs."""
    peran = draw(st.sampled_from(Peran))
    nip = draw(nips())
    note = draw(optional_texts)
    if peran.needs_team:
        return Penetapan(nip, peran, tim=draw(codes), catatan=note)
    hours = draw(amounts) if peran is Peran.JAM_TETAP else None
    return Penetapan(nip, peran, kegiatan=draw(codes), jam=hours, catatan=note)


@st.composite
def penyesuaian(draw: st.DrawFn) -> Penyesuaian:
    """A per-person override with hours and/or cost."""
    hours = draw(optional_amounts)
    cost = draw(amounts) if hours is None else draw(optional_amounts)
    return Penyesuaian(draw(nips()), draw(codes), jam=hours, biaya=cost)


def _some(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=3).map(tuple)


@st.composite
def rencana(draw: st.DrawFn) -> Rencana:
    """A random plan (not necessarily cross-reference valid)."""
    return Rencana(
        kebijakan=draw(kebijakan()),
        pk=draw(perjanjian),
        units=draw(_some(units)),
        jabatan=draw(_some(jabatan)),
        pegawai=draw(_some(pegawai())),
        sasaran=draw(_some(sasaran)),
        indikator=draw(_some(indikator())),
        tugas_tambahan=draw(_some(tugas_tambahan)),
        pagu=draw(_some(pagu())),
        tim=draw(_some(tim())),
        strategi=draw(_some(strategi())),
        kebutuhan_peran=draw(_some(kebutuhan_peran())),
        kegiatan=draw(_some(kegiatan())),
        beban=draw(_some(beban)),
        anggaran=draw(_some(anggaran)),
        penetapan=draw(_some(penetapan())),
        penyesuaian=draw(_some(penyesuaian())),
    )
