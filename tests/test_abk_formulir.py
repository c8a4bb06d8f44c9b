"""Issue 11, finding 10: the ABK per jabatan and jenjang, in whole persons, with the bands
of the plan's Kebijakan sheet.

Each test fails on the code before the issue: the ABK was aggregated by jabatan across
jenjang, had no per-task form, showed 5,14 orang, and its EJ bands were a constant.
"""

from __future__ import annotations

import dataclasses
import math

import alokasi_tetap
import matplotlib
import openpyxl
import pandas as pd
import pytest

from sistemkerja import analisis, contoh, grafik
from sistemkerja.analisis.abk_formulir import (
    KOLOM_ABK_JENJANG,
    KOLOM_ABK_TUGAS,
    SUMBER_KEGIATAN,
    SUMBER_KETUA_TIM,
    pegawai_bulat,
)
from sistemkerja.domain import FieldError, Kebijakan, PitaEJ, TabelEJ
from sistemkerja.domain.ej import TABEL_EJ_BAWAAN, TABEL_EJ_KEMENKEU
from sistemkerja.io import read_plan, read_plan_problems, write_plan
from sistemkerja.laporan import hitung_tabel_alokasi
from sistemkerja.laporan.abk import (
    JUDUL_FORMULIR,
    KOLOM_FORMULIR,
    LEMBAR_ABK_JABATAN,
    LEMBAR_FORMULIR_ABK,
)
from sistemkerja.laporan.xlsx import HEADER_ROW, write_documents

matplotlib.use("Agg")

KEMENKEU = "A > 1,00; B ≥ 0,81; C ≥ 0,66; D ≥ 0,50"


@pytest.fixture(scope="module")
def unit():
    return contoh.load("unit")


@pytest.fixture(scope="module")
def alokasi():
    return alokasi_tetap.load()


@pytest.fixture(scope="module")
def tugas(unit, alokasi):
    return analisis.abk_tugas(unit, alokasi)


@pytest.fixture(scope="module")
def rekap(unit, alokasi, tugas):
    return analisis.abk_jenjang(unit, alokasi, tugas)


def _dengan_pita(plan, teks: str):
    return dataclasses.replace(
        plan, kebijakan=dataclasses.replace(plan.kebijakan, kategori_ej=teks)
    )


# ---- EJ bands from the Kebijakan sheet ------------------------------------------------------
def test_default_table_is_the_common_one():
    assert str(Kebijakan().kategori_ej) == "A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50"
    assert Kebijakan().kategori_ej == TABEL_EJ_BAWAAN
    assert [p.predikat for p in TABEL_EJ_BAWAAN.pita] == [
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Sedang",
        "Kurang",
    ]


@pytest.mark.parametrize(
    ("ej", "bawaan", "kemenkeu"),
    [
        (1.20, "A", "A"),
        (1.00, "A", "B"),  # the finding: one common table puts EJ 1,00 in B
        (0.95, "B", "B"),
        (0.85, "C", "B"),
        (0.81, "C", "B"),
        (0.80, "C", "C"),
        (0.66, "D", "C"),
        (0.60, "D", "D"),
        (0.50, "D", "D"),
        (0.49, "E", "E"),
    ],
)
def test_kemenkeu_table_moves_the_edges(ej, bawaan, kemenkeu):
    tabel = TabelEJ.baca(KEMENKEU)
    assert tabel == TABEL_EJ_KEMENKEU
    assert analisis.abk_kategori(ej)[0] == bawaan
    assert analisis.abk_kategori(ej, tabel)[0] == kemenkeu
    assert tabel.kategori(ej).kategori == kemenkeu


def test_strict_edge_reached_by_float_arithmetic_stays_below():
    tabel = TabelEJ.baca(KEMENKEU)
    assert tabel.kategori(0.5 + 0.25 + 0.25).kategori == "B"  # exactly 1,00 is not > 1,00
    assert tabel.kategori(0.3 + 0.3 + 0.06).kategori == "C"  # 0,66 reached by floats


def test_cell_text_round_trips_and_accepts_variants():
    assert str(TabelEJ.baca(KEMENKEU)) == KEMENKEU
    varian = TabelEJ.baca("d >= 0.5; C>=0,66 ; b ≥ 0,81; A > 1; E < 0,50")
    assert varian == TABEL_EJ_KEMENKEU
    assert Kebijakan(kategori_ej=KEMENKEU).kategori_ej == TABEL_EJ_KEMENKEU
    assert isinstance(TABEL_EJ_KEMENKEU.pita[1], PitaEJ)
    assert "0,81 ≤ EJ ≤ 1,00" in TABEL_EJ_KEMENKEU.uraian()


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("A ≥ 0,90; B ≥ 1,00; C ≥ 0,70; D ≥ 0,50", "menurun"),
        ("A ≥ 1,00; B ≥ 0,90; C ≥ 0,70", "kategori D belum diberi batas"),
        ("A ≥ 1,00; A ≥ 0,95; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50", "lebih dari sekali"),
        ("A ≥ 1,00; B ≥ sembilan; C ≥ 0,70; D ≥ 0,50", "'sembilan' bukan angka"),
        ("A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50; F ≥ 0,1", "huruf kategori harus A, B, C, atau D"),
        ("A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50; E < 0,40", "tidak cocok dengan D ≥ 0,50"),
        ("A = 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50", "tidak terbaca"),
        (" ; ", "kosong"),
    ],
)
def test_bad_cells_are_refused_in_indonesian(teks, pesan):
    with pytest.raises(FieldError) as err:
        Kebijakan(kategori_ej=teks)
    assert err.value.field == "kategori_ej"
    assert pesan in err.value.message
    assert err.value.message.startswith("Kategori EJ:")


def test_kebijakan_cell_round_trips_through_the_plan_workbook(tmp_path):
    plan = _dengan_pita(contoh.load("kecil"), KEMENKEU)
    path = tmp_path / "rencana.xlsx"
    write_plan(plan, path)
    ws = openpyxl.load_workbook(path)["Kebijakan"]
    cells = {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert cells["Kategori EJ"] == KEMENKEU
    assert read_plan(path).kebijakan.kategori_ej == TABEL_EJ_KEMENKEU

    wb = openpyxl.load_workbook(path)
    ws = wb["Kebijakan"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Kategori EJ")
    row[1].value = "A ≥ 0,90; B ≥ 1,00; C ≥ 0,70; D ≥ 0,50"
    wb.save(path)
    _, problems = read_plan_problems(path)
    found = [p for p in problems if p.sheet == "Kebijakan" and p.column == "Kategori EJ"]
    assert found and found[0].is_error and "menurun" in found[0].message
    assert found[0].row == row[0].row


def test_every_band_lookup_takes_the_plans_table(unit, alokasi):
    kemenkeu = _dengan_pita(unit, KEMENKEU)
    bawaan = analisis.beban_pegawai(unit, alokasi)
    lain = analisis.beban_pegawai(kemenkeu, alokasi)
    tepat_satu = bawaan["ej"].sub(1.0).abs() < 1e-9
    assert tepat_satu.any(), "the sample has people at exactly EJ 1,00"
    assert set(bawaan.loc[tepat_satu, "kategori"]) == {"A"}
    assert set(lain.loc[tepat_satu, "kategori"]) == {"B"}
    assert lain.attrs["kategori_ej"] == TABEL_EJ_KEMENKEU
    jabatan = analisis.beban_jabatan(kemenkeu, alokasi)
    for r in jabatan.dropna(subset=["ej"]).itertuples():
        assert r.kategori == TABEL_EJ_KEMENKEU.kategori(r.ej).kategori
    rekap = analisis.abk_jenjang(kemenkeu, alokasi)
    satu = rekap["ej"].sub(1.0).abs() < 1e-9
    assert satu.any() and set(rekap.loc[satu, "kategori"]) == {"B"}


def test_chart_legend_shows_the_plans_table(unit, alokasi):
    beban = analisis.beban_pegawai(_dengan_pita(unit, KEMENKEU), alokasi)
    ax = grafik.grafik_beban_pegawai(beban)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "A Sangat Baik (> 1,00)" in labels
    assert "B Baik (0,81–1,00)" in labels
    bawaan = grafik.grafik_beban_pegawai(analisis.beban_pegawai(unit, alokasi))
    labels = [t.get_text() for t in bawaan.get_legend().get_texts()]
    assert "A Sangat Baik (≥ 1,00)" in labels and "B Baik (0,90–1,00)" in labels
    bawaan.figure.clf()
    ax.figure.clf()


# ---- the form per jabatan and jenjang -------------------------------------------------------
def test_one_form_per_jabatan_and_jenjang(unit, tugas, rekap):
    assert list(tugas.columns) == list(KOLOM_ABK_TUGAS)
    assert list(rekap.columns) == list(KOLOM_ABK_JENJANG)
    perencana = rekap[rekap["jabatan"] == "Perencana"]
    assert perencana["jenjang"].tolist() == ["Ahli Pertama", "Ahli Muda", "Ahli Madya"]
    assert "Perencana Ahli Muda" in set(rekap["nama_jabatan"])
    assert not rekap.duplicated(["jabatan", "jenjang"]).any()
    # each person's hours land in the form of their own jabatan and jenjang
    pegawai = unit.pegawai_by_nip()
    alokasi = alokasi_tetap.load()
    jam: dict[tuple[str, str], float] = {}
    for p in alokasi.penugasan:
        pg = pegawai[p.nip]
        jam[(pg.jabatan, pg.jenjang.value)] = jam.get((pg.jabatan, pg.jenjang.value), 0.0) + p.jam
    dari_kegiatan = tugas[tugas["sumber"] == SUMBER_KEGIATAN].groupby(["jabatan", "jenjang"])
    assert dari_kegiatan["jam"].sum().to_dict() == pytest.approx(jam)


def test_the_unit_head_without_activities_has_no_form(unit, rekap):
    struktural = {pg.jabatan for pg in unit.pegawai if pg.jenis.value == "Struktural"}
    assert struktural and not set(rekap["jabatan"]) & struktural


def test_staff_needed_in_whole_persons(unit, alokasi, rekap):
    # today's recap per jabatan shows fractions such as 5,14 orang
    lama = analisis.beban_jabatan(unit, alokasi)
    assert (lama["kebutuhan_pegawai"] % 1 != 0).any()
    assert rekap["kebutuhan_bulat"].dtype == "int64"
    for r in rekap.itertuples():
        assert r.kebutuhan_bulat == pegawai_bulat(r.kebutuhan_pegawai)
        assert r.selisih_orang == r.bezetting - r.kebutuhan_bulat
        if r.kebutuhan_pegawai > 0:
            assert r.kebutuhan_bulat >= 1
        if r.kebutuhan_pegawai >= 0.5:
            assert abs(r.kebutuhan_bulat - r.kebutuhan_pegawai) <= 0.5 + 1e-9


@pytest.mark.parametrize(
    ("kebutuhan", "orang"),
    [(0.0, 0), (1e-12, 0), (0.22, 1), (0.5, 1), (1.49, 1), (1.5, 2), (5.14, 5), (5.5, 6)],
)
def test_rounding_rule(kebutuhan, orang):
    assert pegawai_bulat(kebutuhan) == orang


def test_form_rows_follow_the_official_formula(unit, tugas, rekap):
    wke = unit.kebijakan.jam_efektif
    assert (tugas["jam_efektif"] == wke).all()
    dihitung = tugas["volume"] * tugas["norma_waktu"] / tugas["jam_efektif"]
    assert (tugas["pegawai_dibutuhkan"] - dihitung).abs().max() < 1e-9
    assert (tugas["jam"] - tugas["volume"] * tugas["norma_waktu"]).abs().max() < 1e-9
    jumlah = tugas.groupby(["jabatan", "jenjang"], sort=False)["pegawai_dibutuhkan"].sum()
    per_form = rekap.set_index(["jabatan", "jenjang"])["kebutuhan_pegawai"]
    pd.testing.assert_series_equal(
        jumlah.reindex(per_form.index).fillna(0.0), per_form, check_names=False, atol=1e-9
    )
    for _, g in tugas.groupby(["jabatan", "jenjang"], sort=False):
        assert g["no"].tolist() == list(range(1, len(g) + 1))


def test_bezetting_and_ej(unit, rekap):
    from sistemkerja.domain.enums import Asal

    wke = unit.kebijakan.jam_efektif
    for r in rekap.itertuples():
        orang = sum(
            1
            for pg in unit.pegawai
            if (pg.jabatan, pg.jenjang.value) == (r.jabatan, r.jenjang)
            and unit.asal(pg) is Asal.UNIT
        )
        assert r.bezetting == orang
        if orang:
            assert r.ej == pytest.approx(r.jam_kebutuhan / (orang * wke))
        else:
            assert math.isnan(r.ej) and r.kategori == "-"


def test_ketua_coordination_hours_are_a_task_row(unit, alokasi):
    plan = dataclasses.replace(unit, kebijakan=dataclasses.replace(unit.kebijakan, jam_ketua=40.0))
    tugas = analisis.abk_tugas(plan, alokasi)
    ketua = tugas[tugas["sumber"] == SUMBER_KETUA_TIM]
    memimpin = sum(1 for k in alokasi.keanggotaan if k.ketua)
    assert ketua["volume"].sum() == pytest.approx(memimpin)
    assert (ketua["norma_waktu"] == 40.0).all() and (ketua["satuan_hasil"] == "Tim").all()
    assert not (analisis.abk_tugas(unit, alokasi)["sumber"] == SUMBER_KETUA_TIM).any()


def test_result_tables_carry_the_abk_frames(unit, alokasi):
    tabel = hitung_tabel_alokasi(unit, alokasi)
    assert tabel.abk_tugas is not None and tabel.abk_jenjang is not None
    lembar = tabel.lembar()
    assert lembar["ABK Tugas"] is tabel.abk_tugas
    assert lembar["ABK Jenjang"] is tabel.abk_jenjang


# ---- documents ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def berkas(tmp_path_factory, unit, alokasi):
    path = tmp_path_factory.mktemp("abk") / "dokumen.xlsx"
    write_documents(_dengan_pita(unit, KEMENKEU), alokasi, path)
    return path


def test_recap_sheet_round_trips(berkas, unit, alokasi):
    rekap = analisis.abk_jenjang(_dengan_pita(unit, KEMENKEU), alokasi)
    df = pd.read_excel(berkas, sheet_name=LEMBAR_ABK_JABATAN, header=HEADER_ROW - 1)
    assert df["Jabatan"].tolist() == rekap["jabatan"].tolist()
    assert df["Jenjang"].tolist() == rekap["jenjang"].tolist()
    bulat = df["Kebutuhan pegawai dibulatkan (orang)"]
    assert bulat.tolist() == rekap["kebutuhan_bulat"].tolist()
    assert (bulat % 1 == 0).all()
    assert df["Bezetting (orang)"].tolist() == rekap["bezetting"].tolist()
    assert df["Selisih (orang)"].tolist() == rekap["selisih_orang"].tolist()
    assert df["Kategori"].tolist() == rekap["kategori"].tolist()
    ws = openpyxl.load_workbook(berkas)[LEMBAR_ABK_JABATAN]
    assert "A Sangat Baik: EJ > 1,00" in ws["A3"].value  # the plan's table, not a constant


def _blok(ws) -> list[dict]:
    """Read the form sheet back: one dict per block (title, task rows, summary rows)."""
    blok: list[dict] = []
    rows = list(ws.iter_rows(values_only=True))
    i = 0
    while i < len(rows):
        if rows[i][0] != JUDUL_FORMULIR:
            i += 1
            continue
        nama = rows[i + 1][0]
        header = list(rows[i + 4][: len(KOLOM_FORMULIR)])
        j = i + 5
        tugas = []
        while rows[j][1] != "Jumlah":
            tugas.append(rows[j][: len(KOLOM_FORMULIR)])
            j += 1
        ringkas = {rows[k][1]: rows[k][len(KOLOM_FORMULIR) - 1] for k in range(j, j + 6)}
        blok.append({"nama": nama, "header": header, "tugas": tugas, "ringkas": ringkas})
        i = j + 6
    return blok


def test_form_sheet_has_one_block_per_jabatan_jenjang(berkas, unit, alokasi):
    plan = _dengan_pita(unit, KEMENKEU)
    rekap = analisis.abk_jenjang(plan, alokasi)
    tugas = analisis.abk_tugas(plan, alokasi)
    wb = openpyxl.load_workbook(berkas)
    ws = wb[LEMBAR_FORMULIR_ABK]
    blok = _blok(ws)
    assert [b["nama"] for b in blok] == [f"Nama jabatan: {n}" for n in rekap["nama_jabatan"]]
    for b, r in zip(blok, rekap.itertuples(), strict=True):
        assert b["header"] == [k.header for k in KOLOM_FORMULIR]
        assert b["header"][1:] == [
            "Uraian tugas",
            "Satuan hasil",
            "Waktu penyelesaian (jam/satuan)",
            "Waktu kerja efektif (jam)",
            "Beban kerja (volume/ tahun)",
            "Pegawai yang dibutuhkan (orang)",
        ]
        assert len(b["tugas"]) == r.jumlah_tugas
        g = tugas[(tugas["jabatan"] == r.jabatan) & (tugas["jenjang"] == r.jenjang)]
        assert [t[1] for t in b["tugas"]] == g["uraian_tugas"].tolist()
        for t in b["tugas"]:
            assert t[6] == pytest.approx(t[5] * t[3] / t[4], abs=1e-9)
        assert b["ringkas"]["Jumlah"] == pytest.approx(sum(t[6] for t in b["tugas"]), abs=1e-9)
        assert b["ringkas"]["Kebutuhan pegawai (dibulatkan)"] == r.kebutuhan_bulat
        assert isinstance(b["ringkas"]["Kebutuhan pegawai (dibulatkan)"], int)
        assert b["ringkas"]["Pegawai yang ada (bezetting)"] == r.bezetting
        assert b["ringkas"]["Selisih (+ lebih / − kurang)"] == r.selisih_orang
        assert b["ringkas"]["Kategori EJ"] == f"{r.kategori} {r.predikat}"
    # a manual page break after every block but the last; A4 portrait, fit to width
    assert len(ws.row_breaks.brk) == len(rekap) - 1
    assert ws.page_setup.orientation == "portrait"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert "A > 1,00" not in ws["A1"].value and "EJ > 1,00" in ws["A1"].value


def test_plan_text_in_the_form_stays_text(tmp_path, unit, alokasi):
    nama = "=SUM(A1:A9) uraian"
    kegiatan = tuple(
        dataclasses.replace(k, name=nama) if i == 0 else k for i, k in enumerate(unit.kegiatan)
    )
    plan = dataclasses.replace(unit, kegiatan=kegiatan)
    path = tmp_path / "rumus.xlsx"
    write_documents(plan, alokasi, path)
    ws = openpyxl.load_workbook(path)[LEMBAR_FORMULIR_ABK]
    cells = [c for row in ws.iter_rows() for c in row if c.value == nama]
    assert cells and all(c.data_type == "s" for c in cells)


def test_kebijakan_form_edits_the_band_table(tmp_path):
    from sistemkerja.ui.lembar import FormParameter
    from sistemkerja.ui.rencana import ModelRencana

    model = ModelRencana.buka(tmp_path / "rencana.xlsx", contoh="kecil")
    form = FormParameter(model, "Kebijakan")
    field = form.fields["Kategori EJ"]
    assert field.value == str(TABEL_EJ_BAWAAN)
    field.value = "A ≥ 0,90; B ≥ 1,00; C ≥ 0,70; D ≥ 0,50"
    assert "menurun" in form.notes["Kategori EJ"].value
    assert field.value == str(TABEL_EJ_BAWAAN)  # refused: the plan's value is shown again
    field.value = KEMENKEU
    assert read_plan(tmp_path / "rencana.xlsx").kebijakan.kategori_ej == TABEL_EJ_KEMENKEU
