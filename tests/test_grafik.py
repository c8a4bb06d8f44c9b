"""Charts: image comparison for the MPH heatmap and the workload chart on the sample unit,
data-bearing artists for every chart, and readable labels on a 400-person plan.

Baseline images live in ``tests/baseline/``; after an intended change of a chart, redraw
them (and look at them) with::

    .venv/bin/python tests/test_grafik.py
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from alokasi_tetap import load as load_alokasi
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text

from sistemkerja import analisis, contoh, grafik
from sistemkerja.domain import Alokasi, Penugasan

BASELINE = Path(__file__).parent / "baseline"
TOLERANCE = 10.0
"""RMS difference (0–255 grey levels) allowed: font hinting on another machine moves a few
pixels of text (measured far below this); a bar's length changed by 300 jam does not fit."""
DPI = 60


@pytest.fixture(scope="module")
def unit():
    return contoh.load("unit")


@pytest.fixture(scope="module")
def alokasi():
    return load_alokasi()


def _mph1(plan, alokasi) -> Figure:
    matriks = grafik.matriks_jam(analisis.mph_level1(plan, alokasi))
    return grafik.peta_mph(matriks, judul="MPH level 1 — unit contoh").figure


def _beban(plan, alokasi) -> Figure:
    return grafik.grafik_beban_pegawai(analisis.beban_pegawai(plan, alokasi)).figure


IMAGES = {"mph_level1_unit.png": _mph1, "beban_pegawai_unit.png": _beban}


def _save(figure: Figure, path: Path) -> Path:
    figure.savefig(path, dpi=DPI)
    return path


@pytest.mark.parametrize("name", sorted(IMAGES))
def test_image_matches_baseline(name, unit, alokasi, tmp_path):
    actual = _save(IMAGES[name](unit, alokasi), tmp_path / name)
    expected = BASELINE / name
    assert expected.exists(), f"baseline {expected} hilang: jalankan tests/test_grafik.py"
    assert compare_images(str(expected), str(actual), tol=TOLERANCE) is None


def test_image_comparison_sees_a_changed_bar(unit, alokasi, tmp_path):
    """The tolerance is not so loose that a different workload passes."""
    first = alokasi.penugasan[0]
    changed = Penugasan(
        first.nip,
        first.kegiatan,
        first.jabatan,
        first.jenjang_min,
        first.jam + 300,
        first.porsi,
        first.biaya,
    )
    other = Alokasi((changed, *alokasi.penugasan[1:]), alokasi.keanggotaan)
    actual = _save(_beban(unit, other), tmp_path / "beban_pegawai_unit.png")
    result = compare_images(str(BASELINE / "beban_pegawai_unit.png"), str(actual), tol=TOLERANCE)
    assert result is not None and "did not match" in result


# ---- data-bearing artists --------------------------------------------------------------


def test_heatmap_holds_the_hours_of_level2(unit, alokasi):
    level2 = analisis.mph_level2(unit, alokasi)
    team = level2["tim"].iloc[0]
    one = level2[level2["tim"] == team]
    matriks = grafik.matriks_jam(one, kolom="indikator")
    assert np.nansum(matriks.to_numpy()) == pytest.approx(one["jam"].sum())
    # issue 11: the Ketua is the level 2 column (their result), the rows are the members
    ketua = alokasi.ketua()[team]
    assert matriks.index[0][0] == one["nama"].iloc[0]
    assert ketua not in set(matriks.index.get_level_values("nip"))
    ax = grafik.peta_mph(matriks)
    shown = ax.images[0].get_array()
    assert np.ma.count_masked(shown) == int(matriks.isna().to_numpy().sum())
    assert shown.filled(0).sum() == pytest.approx(one["jam"].sum())


def test_level1_hours_of_a_ketua_are_the_teams(unit, alokasi):
    level1 = analisis.mph_level1(unit, alokasi)
    kegiatan = {k.code: k for k in unit.kegiatan}
    ketua = level1["peran"].str.startswith("Ketua ")
    for _, row in level1[ketua & level1["indikator"].notna()].iterrows():
        codes = row["kegiatan"].split(", ")
        expected = sum(p.jam for p in alokasi.penugasan if p.kegiatan in codes)
        assert all(kegiatan[c].tim == row["tim"] for c in codes)
        assert row["jam"] == pytest.approx(expected)


def test_pages_keep_teams_together():
    index = pd.MultiIndex.from_tuples(
        [(f"P{i}", "Ketua Tim A" if i % 10 == 0 else "Anggota") for i in range(95)],
        names=["nama", "peran"],
    )
    matriks = pd.DataFrame({"IK-1": np.arange(95.0)}, index=index)
    pages = grafik.bagi_halaman(matriks, 40)
    assert pd.concat(pages).equals(matriks)
    assert all(len(p) <= 40 for p in pages)
    assert all(p.index[0][1].startswith("Ketua Tim") for p in pages)
    with pytest.raises(ValueError, match="minimal 1"):
        grafik.bagi_halaman(matriks, 0)


def test_workload_bars_are_the_hours(unit, alokasi):
    beban = analisis.beban_pegawai(unit, alokasi)
    ax = grafik.grafik_beban_pegawai(beban)
    terikat, tugas = ax.containers[0], ax.containers[1]
    ordered = beban.sort_values("ej", ascending=False, kind="stable")
    assert [b.get_width() for b in terikat] == pytest.approx(list(ordered["jam_terikat"]))
    assert [b.get_width() for b in tugas] == pytest.approx(
        list(ordered["jam_tugas"] + ordered["jam_ketua"])
    )
    assert ax.get_yticklabels()[0].get_text() == ordered["nama"].iloc[0]
    top = ordered.iloc[0]
    assert tugas[0].get_facecolor()[:3] == pytest.approx(
        tuple(int(grafik._gaya.WARNA_PITA[top["kategori"]][i : i + 2], 16) / 255 for i in (1, 3, 5))
    )


def test_jabatan_chart_compares_needed_and_present(unit, alokasi):
    beban = analisis.beban_jabatan(unit, alokasi)
    ax = grafik.grafik_beban_jabatan(beban)
    assert [b.get_width() for b in ax.containers[0]] == pytest.approx(
        list(beban["kebutuhan_pegawai"])
    )
    assert [b.get_width() for b in ax.containers[1]] == pytest.approx(
        list(beban["pegawai_tersedia"])
    )


def test_monthly_chart(unit, alokasi):
    bulanan = analisis.beban_bulanan(unit, alokasi)
    assert bulanan["jam_tugas"].sum() == pytest.approx(sum(p.jam for p in alokasi.penugasan))
    ax = grafik.grafik_beban_bulanan(bulanan)
    assert list(ax.lines[0].get_ydata()) == pytest.approx(list(bulanan["jam_tugas"]))
    assert ax.get_xticklabels()[0].get_text() == "Jan"


@pytest.mark.parametrize("level", ["RO", "Kegiatan", "Unit"])
def test_budget_bars_add_up_to_the_total(unit, alokasi, level):
    pagu = analisis.anggaran_pagu(unit, alokasi)
    ax = grafik.grafik_anggaran(pagu, analisis.belanja_akun(unit), level=level)
    rows = pagu[pagu["level"] == level]
    ends = np.zeros(len(rows))
    for container in ax.containers:
        ends = np.maximum(ends, [b.get_x() + b.get_width() for b in container])
    assert ends == pytest.approx(rows["total"].to_numpy())
    akun = [c.get_label() for c in ax.containers if c.get_label().startswith("Akun")]
    assert len(akun) == len(set(a.akun for a in unit.anggaran))
    assert ax.containers[-1].get_label() == "Biaya pelibatan lintas unit/instansi"


def test_budget_level_must_be_known(unit, alokasi):
    with pytest.raises(ValueError, match="tidak dikenal"):
        grafik.grafik_anggaran(
            analisis.anggaran_pagu(unit, alokasi), analisis.belanja_akun(unit), level="Akun"
        )


def test_gantt_groups_by_team(unit, alokasi):
    jadwal = analisis.jadwal_kegiatan(unit, alokasi)
    ax = grafik.grafik_jadwal(jadwal)
    bars = ax.containers[0]
    assert len(bars) == len(unit.kegiatan)
    ordered = grafik.jadwal.urut_tim(jadwal)
    assert [b.get_width() for b in bars] == list(
        ordered["bulan_selesai"] - ordered["bulan_mulai"] + 1
    )
    teams = list(ordered["nama_tim"].fillna("Individu"))
    runs = [t for i, t in enumerate(teams) if i == 0 or teams[i - 1] != t]
    assert len(runs) == len(set(teams))  # each team in one block


@pytest.mark.parametrize("menurut", ["jabatan", "jenjang", "asal"])
def test_team_composition_counts_members(unit, alokasi, menurut):
    komposisi = analisis.komposisi_tim(unit, alokasi)
    ax = grafik.grafik_komposisi_tim(komposisi, menurut=menurut)
    totals = np.sum([[b.get_width() for b in c] for c in ax.containers], axis=0)
    sizes = komposisi.groupby("tim", sort=False).size()
    assert list(totals) == list(sizes)
    assert len(ax.containers) == komposisi[menurut].nunique()


def test_scenarios_side_by_side(unit, alokasi):
    lighter = Alokasi(
        tuple(p for p in alokasi.penugasan if p.nip != alokasi.penugasan[0].nip),
        alokasi.keanggotaan,
    )
    banding = analisis.banding_skenario({"A": (unit, alokasi), "B": (unit, lighter)})
    assert list(banding["skenario"]) == ["A", "B"]
    assert banding.loc[1, "target_bermasalah"] >= banding.loc[0, "target_bermasalah"]
    ax = grafik.grafik_skenario(banding, "target_bermasalah")
    assert [b.get_height() for b in ax.containers[0]] == list(banding["target_bermasalah"])
    figure = grafik.gambar_skenario(banding)
    shown = [u for u in grafik.skenario.UKURAN if u in banding.columns]
    assert len(figure.axes) == len(shown) == 5
    with pytest.raises(ValueError, match="tidak dikenal"):
        grafik.grafik_skenario(banding, "kecepatan")


# ---- a 400-person plan: every chart renders, labels do not overlap ---------------------


def _greedy_alokasi(plan) -> Alokasi:
    """A quick allocation of a large plan (the greedy start; rules may bend, which is fine
    for drawing)."""
    from sistemkerja.optimasi.greedy import greedy
    from sistemkerja.optimasi.heuristik import start_values
    from sistemkerja.optimasi.masukan import build_masukan
    from sistemkerja.optimasi.model import build_model
    from sistemkerja.optimasi.solve import _alokasi
    from sistemkerja.optimasi.solver import SolveOutcome

    m = build_masukan(plan)
    model = build_model(m)
    x = np.zeros(len(model.columns))
    for col, value in start_values(model, greedy(m)).items():
        x[col] = value
    return _alokasi(m, model, SolveOutcome("feasible", 0.0, None, None, 0.0, "greedy", "", x))


@pytest.fixture(scope="module")
def besar():
    plan = contoh.generate(400, seed=1)
    return plan, _greedy_alokasi(plan)


def _overlaps(figure: Figure) -> list[str]:
    """Pairs of tick labels (y, then x, per Axes) whose boxes overlap."""
    figure.set_dpi(30)  # overlap is a matter of geometry; a coarse raster draws faster
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    found = []
    for ax in figure.axes:
        for labels in (ax.get_yticklabels(), ax.get_xticklabels()):
            boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in labels if t.get_text()]
            for (a, box_a), (b, box_b) in itertools.pairwise(boxes):
                if box_a.overlaps(box_b):
                    found.append(f"{a!r} / {b!r}")
    return found


def _figures_400(plan, alokasi) -> dict[str, list[Figure]]:
    level1 = analisis.mph_level1(plan, alokasi)
    level2 = analisis.mph_level2(plan, alokasi)
    team = level2["tim"].iloc[0]
    return {
        "mph1": grafik.gambar_mph(grafik.matriks_jam(level1)),
        "mph2": grafik.gambar_mph(grafik.matriks_jam(level2[level2["tim"] == team], "kegiatan")),
        "beban": grafik.gambar_beban_pegawai(analisis.beban_pegawai(plan, alokasi)),
        "jabatan": [grafik.grafik_beban_jabatan(analisis.beban_jabatan(plan, alokasi)).figure],
        "bulanan": [grafik.grafik_beban_bulanan(analisis.beban_bulanan(plan, alokasi)).figure],
        "anggaran": [
            grafik.grafik_anggaran(
                analisis.anggaran_pagu(plan, alokasi), analisis.belanja_akun(plan)
            ).figure
        ],
        "jadwal": grafik.gambar_jadwal(analisis.jadwal_kegiatan(plan, alokasi)),
        "tim": [grafik.grafik_komposisi_tim(analisis.komposisi_tim(plan, alokasi)).figure],
    }


@pytest.mark.slow
def test_every_chart_of_a_400_person_plan_is_readable(besar):
    plan, alokasi = besar
    for name, figures in _figures_400(plan, alokasi).items():
        assert figures, name
        # Pages of one chart are drawn by the same code: the first (fullest) and the last
        # stand for the rest (all 16 Gantt pages take 12 s).
        for figure in {id(f): f for f in (figures[0], figures[-1])}.values():
            assert _overlaps(figure) == [], name
    beban = analisis.beban_pegawai(plan, alokasi)
    pages = grafik.gambar_beban_pegawai(beban)
    assert len(pages) == -(-len(plan.pegawai) // grafik.beban.ORANG_PER_HALAMAN)
    # The check sees overlap: 400 names on one small chart do overlap.
    cramped = grafik.grafik_beban_pegawai(beban, ax=Figure(figsize=(6, 4)).add_subplot())
    assert len(_overlaps(cramped.figure)) > 100


def _write_baselines() -> None:
    plan = contoh.load("unit")
    alokasi = load_alokasi()
    BASELINE.mkdir(exist_ok=True)
    for name, draw in IMAGES.items():
        print(_save(draw(plan, alokasi), BASELINE / name))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    _write_baselines()


def test_charts_without_data_say_so(unit):
    empty = Alokasi()
    ax = grafik.grafik_komposisi_tim(analisis.komposisi_tim(unit, empty))
    assert not ax.axison and ax.texts[0].get_text() == "Belum ada anggota tim"
    kecil = contoh.load("kecil")
    pagu = analisis.anggaran_pagu(kecil, empty)
    assert (pagu["level"] == "RO").sum() == 0
    ax = grafik.grafik_anggaran(pagu, analisis.belanja_akun(kecil), level="RO")
    assert ax.texts[0].get_text() == "Tidak ada pagu tingkat RO"
    ax = grafik.peta_mph(grafik.matriks_jam(analisis.mph_level1(unit, empty)))
    assert ax.texts[0].get_text() == "Tidak ada hasil untuk digambar"


def test_people_of_the_same_name_stay_apart(unit, alokasi):
    level1 = analisis.mph_level1(unit, alokasi)
    mandiri = level1[level1["peran"] == "Mandiri"]["nip"].unique()
    same = {nip: "Budi Santoso" for nip in mandiri[:2]}
    renamed = unit.with_changes(
        pegawai=[
            dataclasses.replace(p, name=same[p.nip]) if p.nip in same else p for p in unit.pegawai
        ]
    )
    matriks = grafik.matriks_jam(analisis.mph_level1(renamed, alokasi))
    # the hours heatmap leaves out the unit head's row (PK targets, no hours)
    assert len(matriks) == len(grafik.matriks_jam(level1)) == len(analisis.mph_matriks(level1)) - 1
    assert list(matriks.index.get_level_values("nama")).count("Budi Santoso") == 2


def test_ketua_rows_start_blocks_whatever_the_case():
    index = pd.MultiIndex.from_tuples(
        [("A", "Ketua TIM DATA"), ("B", "Anggota"), ("C", "Ketua Tim Keuangan"), ("D", "Anggota")],
        names=["nama", "peran"],
    )
    matriks = pd.DataFrame({"IK-1": [1.0, 2.0, 3.0, 4.0]}, index=index)
    pages = grafik.bagi_halaman(matriks, 3)
    assert [list(p.index.get_level_values("nama")) for p in pages] == [["A", "B"], ["C", "D"]]


def test_an_empty_matrix_draws_a_message():
    empty = grafik.matriks_jam(analisis.mph_level1(contoh.load("unit"), Alokasi()))
    figures = grafik.gambar_mph(empty)
    assert len(figures) == 1
    assert figures[0].axes[0].texts[0].get_text() == "Tidak ada hasil untuk digambar"


# ---- user text is drawn literally ------------------------------------------------------------

ANEH = r"Budi $\foo^$"
"""A name holding broken mathtext: parsed as mathtext it raises while drawing."""
KODE_ANEH = r"TIM-$\x$"
JABATAN_ANEH = r" $\gamma^$"
PAGU_ANEH = r" $\delta^$"
KEGIATAN_ANEH = r" $\beta^$"


@pytest.fixture(scope="module")
def aneh(unit, alokasi):
    """The sample unit with mathtext in names, a team code, a jabatan, RO and activities."""
    people = tuple(dataclasses.replace(p, name=f"{ANEH} {i}") for i, p in enumerate(unit.pegawai))
    kode = {unit.tim[0].code: KODE_ANEH}
    jabatan = {unit.beban[0].jabatan: unit.beban[0].jabatan + JABATAN_ANEH}

    def ganti(items, field, peta):
        return tuple(
            dataclasses.replace(x, **{field: peta[getattr(x, field)]})
            if getattr(x, field, None) in peta
            else x
            for x in items
        )

    plan = unit.with_changes(
        pegawai=ganti(people, "jabatan", jabatan),
        jabatan=ganti(unit.jabatan, "name", jabatan),
        beban=ganti(unit.beban, "jabatan", jabatan),
        kebutuhan_peran=ganti(unit.kebutuhan_peran, "jabatan", jabatan),
        tim=tuple(
            dataclasses.replace(t, code=kode.get(t.code, t.code), name=f"Tim $\\x$ {t.code}")
            for t in unit.tim
        ),
        strategi=ganti(unit.strategi, "tim", kode),
        kegiatan=tuple(
            dataclasses.replace(k, name=k.name + KEGIATAN_ANEH)
            for k in ganti(unit.kegiatan, "tim", kode)
        ),
        penetapan=ganti(unit.penetapan, "tim", kode),
        pagu=tuple(dataclasses.replace(p, name=p.name + PAGU_ANEH) for p in unit.pagu),
    )
    return plan, Alokasi(
        ganti(alokasi.penugasan, "jabatan", jabatan), ganti(alokasi.keanggotaan, "tim", kode)
    )


def _semua_grafik(plan, alokasi) -> dict[str, list[Figure]]:
    """Every chart of the package for one plan, as figures."""
    level1 = analisis.mph_level1(plan, alokasi)
    level2 = analisis.mph_level2(plan, alokasi)
    pagu = analisis.anggaran_pagu(plan, alokasi)
    akun = analisis.belanja_akun(plan)
    jadwal = analisis.jadwal_kegiatan(plan, alokasi)
    beban = analisis.beban_pegawai(plan, alokasi)
    banding = analisis.banding_skenario(
        {"A": (plan, alokasi), f"{KODE_ANEH} skenario": (plan, alokasi)}
    )
    return {
        "peta_mph": [grafik.peta_mph(grafik.matriks_jam(level1), judul=ANEH).figure],
        "gambar_mph": grafik.gambar_mph(
            grafik.matriks_jam(level2[level2["tim"] == KODE_ANEH], kolom="kegiatan"),
            judul=f"MPH level 2 — {KODE_ANEH} (jam)",
        ),
        "grafik_beban_pegawai": [grafik.grafik_beban_pegawai(beban).figure],
        "gambar_beban_pegawai": grafik.gambar_beban_pegawai(beban),
        "grafik_beban_jabatan": [
            grafik.grafik_beban_jabatan(analisis.beban_jabatan(plan, alokasi)).figure
        ],
        "grafik_beban_bulanan": [
            grafik.grafik_beban_bulanan(analisis.beban_bulanan(plan, alokasi)).figure
        ],
        "grafik_anggaran": [grafik.grafik_anggaran(pagu, akun, level="RO").figure],
        "grafik_jadwal": [grafik.grafik_jadwal(jadwal).figure],
        "gambar_jadwal": grafik.gambar_jadwal(jadwal),
        "grafik_komposisi_tim": [
            grafik.grafik_komposisi_tim(analisis.komposisi_tim(plan, alokasi)).figure
        ],
        "grafik_skenario": [grafik.grafik_skenario(banding, "biaya").figure],
        "gambar_skenario": [grafik.gambar_skenario(banding)],
        "gambar_sebaran_skenario": [grafik.gambar_sebaran_skenario(banding)],
    }


def _teks(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


#: What each chart must show exactly as typed (its own text holds user strings).
TERLIHAT = {
    "peta_mph": [ANEH, f"{ANEH} 4 — Ketua"],
    "gambar_mph": [f"MPH level 2 — {KODE_ANEH} (jam)", ANEH],
    "grafik_beban_pegawai": [f"{ANEH} 1"],
    "gambar_beban_pegawai": [f"{ANEH} 1"],
    "grafik_beban_jabatan": [JABATAN_ANEH.strip()],
    "grafik_beban_bulanan": ["Beban kerja per bulan"],
    "grafik_anggaran": [PAGU_ANEH.strip()],
    "grafik_jadwal": [KEGIATAN_ANEH.strip(), "Tim $\\x$"],
    "gambar_jadwal": [KEGIATAN_ANEH.strip()],
    "grafik_komposisi_tim": [f"Ketua: {ANEH}"],
    "grafik_skenario": [KODE_ANEH],
    "gambar_skenario": [KODE_ANEH],
    "gambar_sebaran_skenario": [KODE_ANEH],
}


@pytest.mark.slow
def test_every_chart_draws_user_text_literally(aneh, tmp_path):
    """Names and codes with ``$…$`` are drawn as typed: real PNGs, and the texts on the
    figures hold the user's strings unchanged (mathtext parsing used to crash here)."""
    plan, alokasi = aneh
    charts = _semua_grafik(plan, alokasi)
    drawing = {name for name in grafik.__all__ if name.startswith(("peta_", "grafik_", "gambar_"))}
    assert set(charts) == drawing == set(TERLIHAT)  # every chart function of the package
    for name, figures in charts.items():
        assert figures, name
        for n, figure in enumerate(figures):
            path = tmp_path / f"{name}_{n}.png"
            FigureCanvasAgg(figure).print_png(path)  # draws every text
            assert path.read_bytes().startswith(b"\x89PNG"), name
            assert all(not t.get_parse_math() for t in figure.findobj(Text)), name
        texts = [t for f in figures for t in _teks(f)]
        for wanted in TERLIHAT[name]:
            assert any(wanted in t for t in texts), (name, wanted)


def test_literal_text_survives_saving_under_default_settings(aneh, tmp_path):
    """A figure saved later (outside the chart function, mathtext on by default) still
    draws: its texts were switched to literal on the figure itself."""
    import matplotlib as mpl

    plan, alokasi = aneh
    assert mpl.rcParams["text.parse_math"]  # the global default is left alone
    figure = grafik.grafik_beban_pegawai(analisis.beban_pegawai(plan, alokasi)).figure
    figure.savefig(tmp_path / "beban.png", dpi=40)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert f"{ANEH} 1" in labels
