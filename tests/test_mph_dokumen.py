"""The Matriks Peran-Hasil as a document an agency can file (issue 11, finding 6).

The sample unit with its stored allocation (``tests/alokasi_tetap.py``, no solve), written
once per policy form (``Kebijakan.bentuk_mph``) into a workbook holding only the MPH sheets.
"""

from __future__ import annotations

import dataclasses
import itertools

import openpyxl
import pandas as pd
import pytest
from alokasi_tetap import load as load_alokasi
from openpyxl.utils import get_column_letter

from sistemkerja import contoh
from sistemkerja.analisis.mph import kepala_unit
from sistemkerja.domain.kebijakan import BentukMPH
from sistemkerja.domain.pk import Indikator
from sistemkerja.io import new_workbook, save_atomic
from sistemkerja.laporan.tabel import hitung_tabel_alokasi
from sistemkerja.laporan.xlsx import (
    HEADER_ROW,
    JUDUL_MPH1,
    JUDUL_MPH2,
    JUDUL_MPH_SATU,
    KOSONG_MPH,
    LEBAR_HALAMAN_MPH,
    LEMBAR_MPH1,
    LEMBAR_MPH_SATU,
    PREFIKS_MPH2,
    tulis_mph,
)

ORANG = 5  # No, NIP, Nama, Jabatan, Peran


def _tabel(bentuk: BentukMPH):
    plan = contoh.load("unit")
    plan = dataclasses.replace(
        plan, kebijakan=dataclasses.replace(plan.kebijakan, bentuk_mph=bentuk)
    )
    return hitung_tabel_alokasi(plan, load_alokasi())


@pytest.fixture(scope="module")
def dua(tmp_path_factory):
    """(tables, sheet names, workbook path, openpyxl workbook) of the two-level form."""
    tabel = _tabel(BentukMPH.DUA_TINGKAT)
    wb = new_workbook()
    nama = tulis_mph(wb, tabel)
    path = tmp_path_factory.mktemp("mph") / "dua.xlsx"
    save_atomic(wb, path)
    return tabel, nama, path, openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def satu(tmp_path_factory):
    tabel = _tabel(BentukMPH.SATU_TINGKAT)
    wb = new_workbook()
    nama = tulis_mph(wb, tabel)
    path = tmp_path_factory.mktemp("mph") / "satu.xlsx"
    save_atomic(wb, path)
    return tabel, nama, path, openpyxl.load_workbook(path)


def _baris_data(ws) -> list[int]:
    """Rows of the matrix: from below the header to the first empty row."""
    rows = []
    r = HEADER_ROW + 1
    while ws.cell(r, 2).value is not None:
        rows.append(r)
        r += 1
    return rows


def _sel(ws) -> list[list[object]]:
    return [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in _baris_data(ws)]


# ---- the policy chooses the form ----------------------------------------------------------------


def test_policy_chooses_two_level_sheets(dua):
    _, nama, _, wb = dua
    assert nama[0] == LEMBAR_MPH1
    assert len(nama) > 1 and all(n.startswith(PREFIKS_MPH2) for n in nama[1:])
    assert LEMBAR_MPH_SATU not in wb.sheetnames
    assert wb[LEMBAR_MPH1]["A1"].value == JUDUL_MPH1
    assert "DUA TINGKAT" in JUDUL_MPH1 and "KETUA TIM" in JUDUL_MPH1
    assert all(wb[n]["A1"].value == JUDUL_MPH2 for n in nama[1:])


def test_policy_chooses_the_one_level_sheet(satu):
    _, nama, _, wb = satu
    assert nama == [LEMBAR_MPH_SATU]
    assert [n for n in wb.sheetnames if n.startswith(("Matriks", PREFIKS_MPH2))] == nama
    assert wb[LEMBAR_MPH_SATU]["A1"].value == JUDUL_MPH_SATU
    assert "SATU TINGKAT" in JUDUL_MPH_SATU


# ---- level 1 / one level ------------------------------------------------------------------


@pytest.mark.parametrize("bentuk", ["dua", "satu"])
def test_sasaran_header_is_merged_over_exactly_its_indicators(bentuk, request):
    tabel, nama, _, wb = request.getfixturevalue(bentuk)
    ws = wb[nama[0]]
    plan = tabel.plan
    kode = [
        str(ws.cell(HEADER_ROW, c).value).split("\n")[0]
        for c in range(ORANG + 1, ws.max_column + 1)
    ]
    targets = plan.targets()
    band = {
        (m.min_col, m.max_col): ws.cell(HEADER_ROW - 1, m.min_col).value
        for m in ws.merged_cells.ranges
        if m.min_row == m.max_row == HEADER_ROW - 1
    }
    kolom = ORANG + 1
    for s in plan.sasaran:
        mine = [
            k for k in kode if isinstance(targets[k], Indikator) and targets[k].sasaran == s.code
        ]
        assert mine, s.code
        awal = ORANG + 1 + kode.index(mine[0])
        akhir = awal + len(mine) - 1
        assert kode[awal - ORANG - 1 : akhir - ORANG] == mine  # adjacent columns
        if len(mine) > 1:
            assert band[(awal, akhir)] == f"Sasaran {s.code}: {s.name}"
        else:
            assert ws.cell(HEADER_ROW - 1, awal).value == f"Sasaran {s.code}: {s.name}"
            assert not any(a <= awal <= b and (a, b) != (awal, awal) for a, b in band)
        kolom = max(kolom, akhir + 1)
    tambahan = [k for k in kode if not isinstance(targets[k], Indikator)]
    assert kode[-len(tambahan) :] == tambahan == [t.code for t in plan.tugas_tambahan]
    assert tambahan
    assert ws.cell(HEADER_ROW - 1, kolom).value == "Tugas tambahan"
    if len(tambahan) > 1:
        assert band[(kolom, kolom + len(tambahan) - 1)] == "Tugas tambahan"
    # the indicator header: code, wording and target
    for c, k in enumerate(kode, start=ORANG + 1):
        t = targets[k]
        assert ws.cell(HEADER_ROW, c).value == f"{t.code}\n{t.name}\nTarget: {t.target}"


@pytest.mark.parametrize("bentuk", ["dua", "satu"])
def test_unit_heads_row_first_with_the_pk_targets(bentuk, request):
    tabel, nama, _, wb = request.getfixturevalue(bentuk)
    ws = wb[nama[0]]
    plan = tabel.plan
    kepala = kepala_unit(plan)
    assert kepala is not None
    first = _sel(ws)[0]
    assert first[1] == kepala.nip and first[2] == kepala.name and first[4] == "Pimpinan Unit"
    targets = plan.targets()
    for c in range(ORANG + 1, ws.max_column + 1):
        kode = str(ws.cell(HEADER_ROW, c).value).split("\n")[0]
        assert first[c - 1] == targets[kode].target


@pytest.mark.parametrize("bentuk", ["dua", "satu"])
def test_one_row_per_person_and_marked_empty_cells(bentuk, request):
    _, nama, path, wb = request.getfixturevalue(bentuk)
    ws = wb[nama[0]]
    sel = _sel(ws)
    nips = [r[1] for r in sel]
    assert len(nips) == len(set(nips)) > 5
    matriks = [v for r in sel for v in r[ORANG:]]
    assert None not in matriks  # every cell holds a result or the mark
    assert KOSONG_MPH in matriks
    assert sum(v != KOSONG_MPH for v in matriks) > len(sel)
    df = pd.read_excel(path, sheet_name=nama[0], header=HEADER_ROW - 1, dtype={"NIP": str})
    assert df["NIP"].tolist() == nips  # reads back with pandas


def test_one_level_sheet_has_every_unit_employee(satu):
    tabel, nama, _, wb = satu
    plan = tabel.plan
    nips = {r[1] for r in _sel(wb[nama[0]])}
    unit = {p.nip for p in plan.pegawai if p.unit == plan.pk.unit}
    assert unit <= nips
    assert len(unit) >= 60


@pytest.mark.parametrize("bentuk", ["dua", "satu"])
def test_no_cell_joins_several_results(bentuk, request):
    _, nama, _, wb = request.getfixturevalue(bentuk)
    for n in nama:
        ws = wb[n]
        for r in _sel(ws):
            assert not any(isinstance(v, str) and "; " in v for v in r), (n, r[1])


@pytest.mark.parametrize("bentuk", ["dua", "satu"])
def test_wide_matrix_breaks_at_sasaran_boundaries_with_person_columns_repeated(bentuk, request):
    tabel, nama, _, wb = request.getfixturevalue(bentuk)
    ws = wb[nama[0]]
    targets = tabel.plan.targets()
    kode = [
        str(ws.cell(HEADER_ROW, c).value).split("\n")[0]
        for c in range(ORANG + 1, ws.max_column + 1)
    ]
    grup = [targets[k].sasaran if isinstance(targets[k], Indikator) else "" for k in kode]
    batas = [ORANG + i for i in range(1, len(grup)) if grup[i] != grup[i - 1]]
    assert [b.id for b in ws.col_breaks.brk] == batas
    assert all(b.man for b in ws.col_breaks.brk)
    assert ws.print_title_cols == f"$A:${get_column_letter(ORANG)}"
    assert ws.print_title_rows == f"${HEADER_ROW - 1}:${HEADER_ROW}"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    # the person columns and the widest group fit one page at the chosen scale
    lebar = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)]
    tetap = sum(lebar[:ORANG])
    awal = [ORANG, *batas, ws.max_column]
    terlebar = max(sum(lebar[a:b]) for a, b in itertools.pairwise(awal))
    assert (tetap + terlebar) * ws.page_setup.scale / 100 <= LEBAR_HALAMAN_MPH
    assert ws.page_setup.scale >= 50


def test_rows_are_high_enough_for_their_wrapped_text(dua):
    _, nama, _, wb = dua
    ws = wb[nama[0]]
    for r in [HEADER_ROW, *_baris_data(ws)]:
        longest = max(
            len(str(ws.cell(r, c).value or "")) / ws.column_dimensions[get_column_letter(c)].width
            for c in range(3, ws.max_column + 1)
        )
        lines = max(1, -(-longest // 1))
        assert (ws.row_dimensions[r].height or 15) >= 15 * lines, r


# ---- level 2 ------------------------------------------------------------------------------------


def _catatan_tim(tabel, tim: str) -> set[str]:
    df = tabel.mph_level2
    bagian = df[(df["tim"] == tim) & df["indikator"].notna()]
    catatan = {str(c) for c in bagian["catatan"].dropna() if str(c)}
    sel = set(zip(bagian["nip"].astype(str), bagian["indikator"].astype(str), strict=True))
    p = tabel.periksa_mph
    ganda = p[(p["jenis"] == "RHK ganda") & (p["tim"] == tim)]
    catatan |= {str(r.pesan) for r in ganda.itertuples() if (str(r.nip), str(r.indikator)) in sel}
    return catatan


def test_level2_names_the_ketua_and_lists_every_note_of_the_team(dua):
    tabel, nama, _, wb = dua
    plan, alokasi = tabel.plan, tabel.alokasi
    pegawai = plan.pegawai_by_nip()
    dicek = 0
    for n in nama[1:]:
        ws = wb[n]
        tim = next(t for t in plan.tim if f"({t.code})" in str(ws["A3"].value))
        for k in alokasi.keanggotaan:
            if k.tim == tim.code and k.ketua:
                assert pegawai[k.nip].name in ws["A3"].value
        data = _baris_data(ws)
        akhir = data[-1]
        notes = [
            str(ws.cell(r, 1).value)
            for r in range(akhir + 3, ws.max_row + 1)
            if ws.cell(r, 1).value
        ]
        expected = _catatan_tim(tabel, tim.code)
        if expected:
            assert ws.cell(akhir + 2, 1).value == "Catatan:"
            listed = {t.split(": ", 1)[1] for t in notes}
            assert listed == expected, n
            assert ws.print_area.endswith(str(ws.max_row))
            # the cells behind the notes are lightly filled
            filled = [
                ws.cell(r, c)
                for r in data
                for c in range(ORANG + 1, ws.max_column + 1)
                if ws.cell(r, c).fill.fgColor.rgb not in (None, "00000000")
            ]
            assert filled and all(c.value != KOSONG_MPH for c in filled)
            dicek += 1
        # a level 2 sheet fits one page wide: no column break
        assert ws.sheet_properties.pageSetUpPr.fitToPage and not ws.col_breaks.brk
    assert dicek >= 3


def test_level2_columns_are_the_ketuas_results_with_the_target_code(dua):
    tabel, nama, _, wb = dua
    df = tabel.mph_level2
    for n in nama[1:]:
        ws = wb[n]
        tim = next(t for t in tabel.plan.tim if f"({t.code})" in str(ws["A3"].value))
        bagian = df[df["tim"] == tim.code]
        induk = {
            str(r.indikator): str(r.hasil_ketua)
            for r in bagian.dropna(subset=["hasil_ketua", "indikator"]).itertuples()
        }
        for c in range(ORANG + 1, ws.max_column + 1):
            kode, teks = str(ws.cell(HEADER_ROW, c).value).split("\n", 1)
            if kode in induk:
                assert teks == induk[kode]
