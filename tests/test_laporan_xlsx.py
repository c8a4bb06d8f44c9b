"""Result documents in Excel (issue 4): MPH, SKP drafts, ABK, budget recap and schedule.

The sample unit with its stored allocation (``tests/alokasi_tetap.py``, no solve) is
written once per module; every test reads the same workbook or builds a variant of that
plan with the same allocation.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

import openpyxl
import pandas as pd
import pytest
from alokasi_tetap import load as load_alokasi

from sistemkerja import analisis, contoh
from sistemkerja.analisis.jadwal import BULAN, jadwal_kegiatan
from sistemkerja.analisis.mph import ketua_tim
from sistemkerja.cli import main
from sistemkerja.domain import skema
from sistemkerja.io import write_plan
from sistemkerja.laporan import tabel_hasil
from sistemkerja.laporan.lembar import RP_FORMAT
from sistemkerja.laporan.xlsx import (
    HEADER_ROW,
    LEMBAR_ABK_JABATAN,
    LEMBAR_ABK_PEGAWAI,
    LEMBAR_ANGGARAN,
    LEMBAR_FORMULIR_ABK,
    LEMBAR_JADWAL,
    LEMBAR_MPH1,
    LEMBAR_SKP,
    PREFIKS_MPH2,
    nama_lembar,
    write_documents,
    write_result_workbook,
)
from sistemkerja.optimasi import optimasi
from sistemkerja.optimasi.hasil import Hasil

FORMULA_AWAL = ("=", "+", "-", "@")
TANGGAL = "dd/mm/yyyy"


@pytest.fixture(scope="module")
def hasil():
    """The sample unit with its stored allocation (no solve: nothing depends on speed)."""
    return Hasil(
        contoh.load("unit"),
        "feasible",
        21.7,
        21.5,
        0.0092,
        components={"ej_maks": 1.02, "biaya": 12_500_000.0},
        weights={"ej_maks": 10.0, "biaya": 1e-07},
        solver="highs",
        build_seconds=1.5,
        solve_seconds=60.11,
        total_seconds=63.4,
        alokasi=load_alokasi(),
        counts={"pegawai": 40, "tim": 6, "kegiatan": 50, "variabel": 916, "kendala": 700},
    )


@pytest.fixture(scope="module")
def berkas(hasil, tmp_path_factory):
    path = tmp_path_factory.mktemp("laporan") / "hasil.xlsx"
    write_result_workbook(hasil, path)
    return path


@pytest.fixture(scope="module")
def wb(berkas):
    return openpyxl.load_workbook(berkas)


def _baca(berkas, lembar: str) -> pd.DataFrame:
    return pd.read_excel(berkas, sheet_name=lembar, header=HEADER_ROW - 1, dtype={"NIP": str})


def _baca_mph(berkas, lembar: str) -> pd.DataFrame:
    """Read an MPH matrix: the rows up to the empty row above the notes ("Catatan:")."""
    df = _baca(berkas, lembar)
    kosong = df.index[df.isna().all(axis=1)]
    return df.loc[: kosong[0] - 1] if len(kosong) else df


def _lembar_dokumen(wb) -> list[str]:
    return [n for n in wb.sheetnames if n in _DOKUMEN or n.startswith(PREFIKS_MPH2)]


_DOKUMEN = {
    LEMBAR_MPH1,
    LEMBAR_SKP,
    LEMBAR_ABK_JABATAN,
    LEMBAR_ABK_PEGAWAI,
    LEMBAR_ANGGARAN,
    LEMBAR_JADWAL,
}


def _lembar_tim(wb, tim) -> str:
    """The level 2 sheet whose context line names the team."""
    found = [
        n
        for n in wb.sheetnames
        if n.startswith(PREFIKS_MPH2) and f"{tim.name} ({tim.code})" in str(wb[n]["A3"].value)
    ]
    assert len(found) == 1, (tim.code, found)
    return found[0]


# ---- sheets ---------------------------------------------------------------------------------


def test_a_team_without_ketua_is_in_the_sample(hasil):
    """The no-Ketua branch above is exercised (TIM-TKL works without a Ketua)."""
    berketua = {k.tim for k in hasil.alokasi.keanggotaan if k.ketua}
    assert {t.code for t in hasil.plan.tim} - berketua


def test_result_workbook_holds_tables_then_documents(hasil, wb):
    tables = list(tabel_hasil(hasil))
    assert wb.sheetnames[: len(tables)] == tables
    # issue 11: no level 2 sheet for a team whose members answer at level 1 (TIM-TKL)
    teams = [f"{PREFIKS_MPH2}{t.code}" for t in hasil.plan.tim if t.code != "TIM-TKL"]
    plan_sheets = [lembar.name for lembar in skema.LEMBAR]
    assert wb.sheetnames[len(tables) :] == [
        LEMBAR_MPH1,
        *teams,
        LEMBAR_SKP,
        LEMBAR_ABK_JABATAN,
        LEMBAR_FORMULIR_ABK,
        LEMBAR_ABK_PEGAWAI,
        LEMBAR_ANGGARAN,
        LEMBAR_JADWAL,
        *plan_sheets,  # the plan solved, so the workbook is a complete record
    ]
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert len({n.casefold() for n in wb.sheetnames}) == len(wb.sheetnames)


def test_without_allocation_only_tables_are_written(hasil, tmp_path):
    gagal = dataclasses.replace(hasil, alokasi=None, status="no_solution")
    path = tmp_path / "gagal.xlsx"
    write_result_workbook(gagal, path)
    plan_sheets = [lembar.name for lembar in skema.LEMBAR]
    assert openpyxl.load_workbook(path).sheetnames == [*tabel_hasil(gagal), *plan_sheets]


def test_saving_replaces_the_file_and_leaves_no_temporary_file(hasil, tmp_path):
    path = tmp_path / "hasil.xlsx"
    path.write_bytes(b"lama")
    write_result_workbook(dataclasses.replace(hasil, alokasi=None), path)
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.xlsx"]
    assert openpyxl.load_workbook(path).sheetnames[0] == "Ringkasan"


# ---- MPH ------------------------------------------------------------------------------------


def test_mph_level1_top_row_holds_the_unit_heads_indicators(hasil, wb):
    plan = hasil.plan
    ws = wb[LEMBAR_MPH1]
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:5] == ["No", "NIP", "Nama", "Jabatan", "Peran"]
    targets = [*plan.indikator, *plan.tugas_tambahan]
    assert [h.split("\n")[0] for h in header[5:]] == [t.code for t in targets]
    for h, t in zip(header[5:], targets, strict=True):
        assert h == f"{t.code}\n{t.name}\nTarget: {t.target}"
    assert plan.pk.pihak_pertama in ws["A3"].value
    # issue 11: the sasaran header row over its indicators, then the tugas tambahan
    pertama = plan.sasaran[0]
    assert ws.cell(HEADER_ROW - 1, 6).value == f"Sasaran {pertama.code}: {pertama.name}"
    assert ws.cell(HEADER_ROW - 1, 6 + len(plan.indikator)).value == "Tugas tambahan"


def test_mph_level1_left_columns_are_ketua_and_mandiri_with_jabatan(hasil, berkas):
    tidy = analisis.mph_level1(hasil.plan, hasil.alokasi)
    matriks = analisis.mph_matriks(tidy, kosong="–")
    df = _baca(berkas, LEMBAR_MPH1)
    orang = list(df[["NIP", "Nama", "Jabatan", "Peran"]].itertuples(index=False, name=None))
    # the teams a Ketua leads are one per line in the Peran cell
    assert orang == [(*o[:3], o[3].replace("; ", "\n")) for o in matriks.index]
    berketua = {k.tim for k in hasil.alokasi.keanggotaan if k.ketua}
    ketua = {ketua_tim(t.name) for t in hasil.plan.tim if t.code in berketua}
    # issue 11: the unit head's row, one row per Ketua (teams one per line), and the
    # members of a team without a Ketua by strategy
    tanpa = {f"Anggota {t.name}" for t in hasil.plan.tim if t.code not in berketua}
    peran = {bagian for p in df["Peran"] for bagian in p.split("\n")}
    assert ketua | {"Pimpinan Unit"} <= peran <= {"Mandiri", "Pimpinan Unit"} | ketua | tanpa
    assert df["Peran"].iloc[0] == "Pimpinan Unit"
    assert len(set(df["NIP"])) == len(df)
    isi = df.iloc[:, 5:].astype(object)
    cells = isi.where(isi.notna(), "").to_numpy()
    assert (cells == matriks.to_numpy()).all()
    assert df["No"].tolist() == list(range(1, len(df) + 1))


def test_one_level2_sheet_per_team_with_its_members(hasil, wb, berkas):
    plan, alokasi = hasil.plan, hasil.alokasi
    tidy = analisis.mph_level2(plan, alokasi)
    # issue 11: a team without a Ketua by strategy (TIM-TKL) has its members at level 1
    dengan = [t for t in plan.tim if (tidy["tim"] == t.code).any()]
    assert len(dengan) == len(plan.tim) - 1
    assert len([n for n in wb.sheetnames if n.startswith(PREFIKS_MPH2)]) == len(dengan)
    for tim in dengan:
        nama = _lembar_tim(wb, tim)
        df = _baca_mph(berkas, nama)
        ketua = [k.nip for k in alokasi.keanggotaan if k.tim == tim.code and k.ketua]
        bagian = tidy[tidy["tim"] == tim.code]
        # issue 11: the Ketua's results are the columns; the rows are the members
        assert set(df["NIP"]) == set(bagian["nip"])
        assert not set(ketua) & set(df["NIP"])
        assert set(df["Peran"]) <= {"Anggota"}
        if ketua:
            anggota = {k.nip for k in alokasi.keanggotaan if k.tim == tim.code} - set(ketua)
            assert set(df["NIP"]) == anggota
        header = [str(c.value) for c in wb[nama][HEADER_ROW]][5:]
        assert [h.split("\n")[0] for h in header] == sorted(
            set(bagian["indikator"].dropna()), key=[*plan.targets()].index
        )
        band = wb[nama].cell(HEADER_ROW - 1, 6).value
        assert band.startswith("Sasaran ") or band == "Tugas tambahan"
        if ketua:
            hasil_ketua = set(bagian["hasil_ketua"].dropna())
            assert {h.split("\n", 1)[1] for h in header} <= hasil_ketua
        else:
            assert wb[nama]["A3"].value.endswith("Ketua Tim: tidak ada")
            # a team without a Ketua by strategy answers at level 1: no member rows here
            assert df.empty and header == []


# ---- print setup, formats -------------------------------------------------------------------


def test_every_document_sheet_is_set_up_for_printing(wb):
    lembar = _lembar_dokumen(wb)
    assert len(lembar) == 6 + 7  # no level 2 sheet for the team without a Ketua (TIM-TKL)
    for nama in lembar:
        ws = wb[nama]
        assert ws.page_setup.orientation == "landscape", nama
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9, nama
        # the MPH repeats its sasaran header row too
        mph = nama == LEMBAR_MPH1 or nama.startswith(PREFIKS_MPH2)
        awal = HEADER_ROW - 1 if mph else HEADER_ROW
        assert ws.print_title_rows == f"${awal}:${HEADER_ROW}", nama
        frozen = re.fullmatch(r"([A-Z]+)(\d+)", ws.freeze_panes)
        assert frozen and int(frozen.group(2)) == HEADER_ROW + 1, nama
        assert "Halaman &P dari &N" in ws.oddFooter.center.text
        header = ws.cell(HEADER_ROW, 1)
        assert header.font.bold and header.border.bottom.style == "thin", nama
        data = ws.cell(HEADER_ROW + 1, 1)
        assert data.border.left.style == "thin", nama
        assert ws.column_dimensions["B"].width > 0
        fits = (
            ws.sheet_properties.pageSetUpPr is not None
            and ws.sheet_properties.pageSetUpPr.fitToPage
        )
        assert fits or ws.print_title_cols, nama


def test_matrix_cells_wrap_and_rows_grow(wb):
    ws = wb[LEMBAR_MPH1]
    cell = ws.cell(HEADER_ROW + 2, 6)  # the first Ketua's result (row 1: the unit head)
    assert cell.alignment.wrap_text
    assert len(cell.value) > 40
    assert ws.row_dimensions[HEADER_ROW + 1].height > 15
    assert ws.print_title_cols == "$A:$E"  # too wide for one page: person columns repeat


def test_money_cells_have_rupiah_format(wb):
    ws = wb[LEMBAR_ANGGARAN]
    header = [c.value for c in ws[HEADER_ROW]]
    uang = [i for i, h in enumerate(header, start=1) if h.endswith("(Rp)")]
    assert len(uang) == 6
    n = 0
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        for i in uang:
            cell = row[i - 1]
            if isinstance(cell.value, int | float):
                assert cell.number_format == RP_FORMAT, cell.coordinate
                n += 1
    assert n > 100
    assert wb["Anggaran Pagu"]["G2"].number_format == RP_FORMAT


def test_dates_are_written_as_dates_dd_mm_yyyy(hasil, wb):
    tahun = hasil.plan.pk.tahun
    rhk = pd.merge(*analisis.rhk_lengkap(hasil.plan, hasil.alokasi), on=["nip", "no"])
    ws = wb[LEMBAR_SKP]
    kolom = [c.value for c in ws[HEADER_ROW]].index("Jatuh tempo") + 1
    for r, bulan in enumerate(rhk["bulan_jatuh_tempo"], start=HEADER_ROW + 1):
        cell = ws.cell(r, kolom)
        assert cell.number_format == TANGGAL
        akhir = calendar.monthrange(tahun, int(bulan))[1]
        assert cell.value == dt.datetime(tahun, int(bulan), akhir)
    ws = wb[LEMBAR_JADWAL]
    mulai = ws.cell(HEADER_ROW + 1, 6)
    k = hasil.plan.kegiatan[0]
    assert mulai.number_format == TANGGAL
    assert mulai.value == dt.datetime(tahun, k.bulan_mulai, 1)


# ---- contents read back with pandas ---------------------------------------------------------


def test_skp_is_one_long_sheet_with_an_autofilter(hasil, wb, berkas):
    # one row per individual indicator of each RHK (issue 11: targets are numbers per IKI)
    rhk = pd.merge(*analisis.rhk_lengkap(hasil.plan, hasil.alokasi), on=["nip", "no"])
    df = _baca(berkas, LEMBAR_SKP)
    assert len(df) == len(rhk)
    assert df["Rencana Hasil Kerja (RHK)"].tolist() == rhk["rhk"].tolist()
    assert df["Jenis RHK"].tolist() == rhk["jenis"].tolist()
    assert set(df["Jenis RHK"]) == {"Utama", "Tambahan"}
    pimpinan = df["RHK pimpinan yang diintervensi"].fillna("").tolist()
    assert pimpinan == rhk["rhk_pimpinan"].fillna("").tolist()
    assert df["Kode indikator (IKI)"].tolist() == rhk["indikator"].tolist()
    assert df["Target"].tolist() == rhk["target"].tolist()
    assert df["Aspek"].tolist() == rhk["aspek"].tolist()
    last = HEADER_ROW + len(rhk)
    assert wb[LEMBAR_SKP].auto_filter.ref == f"A{HEADER_ROW}:P{last}"


def test_abk_sheets_match_the_workload_analyses(hasil, berkas):
    pegawai = analisis.beban_pegawai(hasil.plan, hasil.alokasi)
    df = _baca(berkas, LEMBAR_ABK_PEGAWAI)
    assert df["NIP"].tolist() == pegawai["nip"].tolist()
    total = df.set_index("NIP")["Jam total (jam)"]
    expected = pegawai.set_index("nip")["jam_total"]
    pd.testing.assert_series_equal(total, expected, check_names=False, check_dtype=False)
    assert df["EJ"].round(9).tolist() == pegawai["ej"].round(9).tolist()
    assert df["Kategori"].tolist() == pegawai["kategori"].tolist()

    jabatan = analisis.abk_jenjang(hasil.plan, hasil.alokasi)
    df = _baca(berkas, LEMBAR_ABK_JABATAN)
    assert df["Jabatan"].tolist() == jabatan["jabatan"].tolist()
    assert df["Jenjang"].tolist() == jabatan["jenjang"].tolist()
    assert df["Beban kerja (jam)"].sum() == pytest.approx(jabatan["jam_kebutuhan"].sum())
    assert df["Kebutuhan pegawai (orang)"].tolist() == pytest.approx(
        jabatan["kebutuhan_pegawai"].tolist()
    )
    assert df["Bezetting (orang)"].tolist() == jabatan["bezetting"].tolist()
    ej = df["EJ"].fillna(-1).tolist()
    assert ej == pytest.approx(jabatan["ej"].fillna(-1).tolist())
    assert df["Predikat"].tolist() == jabatan["predikat"].tolist()


def test_overloaded_and_idle_people_are_shaded(hasil, wb):
    pegawai = analisis.beban_pegawai(hasil.plan, hasil.alokasi)
    ws = wb[LEMBAR_ABK_PEGAWAI]
    for r, posisi in enumerate(pegawai["posisi"], start=HEADER_ROW + 1):
        warna = ws.cell(r, 2).fill.fgColor.rgb if ws.cell(r, 2).fill.fill_type else None
        if posisi == "dalam pita":
            assert warna is None
        else:
            assert warna is not None
    assert set(pegawai["posisi"]) > {"dalam pita"}


def test_budget_recap_follows_rka_codes_and_keeps_the_totals(hasil, berkas):
    plan, alokasi = hasil.plan, hasil.alokasi
    pagu = analisis.anggaran_pagu(plan, alokasi)
    kegiatan = analisis.anggaran_kegiatan(plan, alokasi)
    df = _baca(berkas, LEMBAR_ANGGARAN)
    assert df["Level"].iloc[-1] == "Unit"
    assert df["Pagu (Rp)"].iloc[-1] == pytest.approx(plan.pagu_total)
    assert df["Total (Rp)"].iloc[-1] == pytest.approx(pagu["total"].iloc[-1])
    giat = df[df["Level"] == "Kegiatan (RKA)"]
    assert giat["Pagu (Rp)"].sum() == pytest.approx(plan.pagu_total)
    ro = df[df["Level"] == "RO"]
    assert ro["Pagu (Rp)"].sum() == pytest.approx(sum(p.pagu for p in plan.pagu if p.is_ro))
    aktivitas = df[df["Level"] == "Kegiatan"]
    assert sorted(aktivitas["Kegiatan"]) == sorted(kegiatan["kegiatan"])
    assert aktivitas["Total (Rp)"].sum() == pytest.approx(kegiatan["total"].sum())
    # every activity sits under the RO it is budgeted on
    ro_aktif = None
    for r in df.itertuples(index=False):
        if r.Level == "RO":
            ro_aktif = r[1]
        elif r.Level == "Kegiatan (RKA)":
            ro_aktif = None
        elif r.Level == "Kegiatan" and ro_aktif is not None:
            assert r[1] == ro_aktif
    assert df["Kode RKA"].iloc[0].count(".") == 1  # WA.5641: a Kegiatan (RKA) row first


def test_schedule_spreads_hours_over_the_running_months(hasil, berkas):
    jadwal = jadwal_kegiatan(hasil.plan, hasil.alokasi)
    df = _baca(berkas, LEMBAR_JADWAL)
    assert df["Kode"].tolist() == jadwal["kegiatan"].tolist()
    bulan = [c for c in df.columns if c.endswith("(jam)") and c.split()[0] in _NAMA_BULAN]
    assert len(bulan) == 12
    per_bulan = df[bulan].fillna(0).sum(axis=1)
    assert per_bulan.tolist() == pytest.approx(df["Jam dialokasikan (jam)"].tolist())
    assert df["Jam dialokasikan (jam)"].sum() == pytest.approx(
        sum(p.jam for p in hasil.alokasi.penugasan)
    )
    k = hasil.plan.kegiatan[0]
    isi = df.loc[0, bulan].notna().tolist()
    assert isi == [k.bulan_mulai <= m <= k.bulan_selesai for m in range(1, 13)]


_NAMA_BULAN = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}


def test_jadwal_kegiatan_without_allocation_uses_planned_hours():
    plan = contoh.load("kecil")
    df = jadwal_kegiatan(plan)
    rencana = plan.jam_kegiatan()
    assert df["jam_rencana"].tolist() == [rencana[k.code] for k in plan.kegiatan]
    assert df["jam_dialokasikan"].isna().all()
    assert df["pelaksana"].isna().all()
    assert df[list(BULAN)].sum(axis=1).tolist() == pytest.approx(df["jam_rencana"].tolist())
    k3 = df.set_index("kegiatan").loc["K-3"]  # runs all year
    assert k3["jan"] == pytest.approx(rencana["K-3"] / 12)
    k1 = df.set_index("kegiatan").loc["K-1"]  # January–June
    assert k1["jul"] == 0 and k1["jun"] == pytest.approx(rencana["K-1"] / 6)
    assert df.loc[df["tim"].isna(), "nama_tim"].isna().all()


# ---- user text starting with = + - @ --------------------------------------------------------


def _formula_plan(plan):
    """The sample plan with user texts that a spreadsheet would take for formulas."""
    awal = FORMULA_AWAL

    def ganti(items, field, start=0):
        return tuple(
            dataclasses.replace(x, **{field: f"{awal[(i + start) % 4]}{getattr(x, field)}"})
            for i, x in enumerate(items)
        )

    pegawai = ganti(plan.pegawai, "name")
    pegawai = (dataclasses.replace(pegawai[0], name="=1+1"), *pegawai[1:])
    units = tuple(
        dataclasses.replace(u, name=f'=HYPERLINK("http://x","{u.name}")')
        if u.code == plan.pk.unit
        else u
        for u in plan.units
    )
    pk = dataclasses.replace(
        plan.pk, pihak_pertama="-" + plan.pk.pihak_pertama, jabatan_pihak_pertama="+Direktur"
    )
    kegiatan = tuple(
        dataclasses.replace(k, name=f"{awal[i % 4]}{k.name}", bukti_dukung=f"@{k.bukti_dukung}")
        for i, k in enumerate(plan.kegiatan)
    )
    return plan.with_changes(
        pk=pk,
        units=units,
        pegawai=pegawai,
        indikator=ganti(plan.indikator, "name", 1),
        tugas_tambahan=ganti(plan.tugas_tambahan, "name", 2),
        tim=ganti(plan.tim, "name", 3),
        pagu=ganti(plan.pagu, "name"),
        kegiatan=kegiatan,
    )


def test_formula_like_text_stays_text_in_every_sheet(hasil, tmp_path):
    plan = _formula_plan(hasil.plan)
    assert not [p for p in plan.validate() if p.is_error]
    path = tmp_path / "formula.xlsx"
    write_result_workbook(dataclasses.replace(hasil, plan=plan), path)
    wb = openpyxl.load_workbook(path)
    seen_per_sheet = {}
    for ws in wb.worksheets:
        seen = 0
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_AWAL):
                    assert cell.data_type == "s", (ws.title, cell.coordinate)
                    seen += cell.value != "-"  # "-" is the analyses' own "no value"
        seen_per_sheet[ws.title] = seen
    for nama in _lembar_dokumen(wb):
        assert seen_per_sheet[nama] > 0, nama
    # the texts come back unchanged
    unit = next(u.name for u in plan.units if u.code == plan.pk.unit)
    for nama in _lembar_dokumen(wb):
        assert wb[nama]["A2"].value == f"{unit} — Tahun {plan.pk.tahun}"
    df = _baca(path, LEMBAR_ABK_PEGAWAI)
    assert df["Nama"].tolist() == [p.name for p in plan.pegawai]
    assert df["Nama"].iloc[0] == "=1+1"
    jadwal = _baca(path, LEMBAR_JADWAL)
    assert jadwal["Kegiatan"].tolist() == [k.name for k in plan.kegiatan]
    assert jadwal["Tim"].dropna().str.startswith("@").any()
    anggaran = _baca(path, LEMBAR_ANGGARAN)
    assert set(anggaran["Uraian"]) >= {p.name for p in plan.pagu}
    assert wb[LEMBAR_MPH1]["A3"].value.startswith("Pimpinan unit: -")
    header = [c.value for c in wb[LEMBAR_MPH1][HEADER_ROW]][5:]
    assert [h.split("\n")[1] for h in header] == [
        t.name for t in (*plan.indikator, *plan.tugas_tambahan)
    ]
    skp = _baca(path, LEMBAR_SKP)
    dari_kegiatan = skp[skp["Jenis kontribusi"].isin(["angka", "pendukung"])]
    assert dari_kegiatan["Bukti dukung"].dropna().str.startswith("@").all()


# ---- sheet names ----------------------------------------------------------------------------


def _ganti_kode_tim(plan, kode):
    """Rename team codes everywhere they are referenced."""

    def ganti(items):
        return tuple(
            dataclasses.replace(x, tim=kode[x.tim]) if getattr(x, "tim", None) in kode else x
            for x in items
        )

    tim = tuple(dataclasses.replace(t, code=kode[t.code]) for t in plan.tim)
    return plan.with_changes(
        tim=tim,
        strategi=ganti(plan.strategi),
        kegiatan=ganti(plan.kegiatan),
        penetapan=ganti(plan.penetapan),
    )


def test_long_and_odd_team_codes_give_valid_unique_sheet_names(tmp_path):
    kode = {
        "TIM-A": "TIM-PERENCANAAN-KEBUTUHAN/PEGAWAI-2027",
        "TIM-B": "tim-perencanaan-kebutuhan:pegawai-2028",
    }
    plan = _ganti_kode_tim(contoh.load("kecil"), kode)
    out = optimasi(plan, batas_waktu=300, celah=0)  # tiny plan: proven optimal, no race
    assert out.alokasi is not None
    path = tmp_path / "dokumen.xlsx"
    write_documents(plan, out.alokasi, path)
    wb = openpyxl.load_workbook(path)
    level2 = [n for n in wb.sheetnames if n.startswith(PREFIKS_MPH2)]
    assert len(level2) == 2
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert len({n.casefold() for n in wb.sheetnames}) == len(wb.sheetnames)
    assert not any(re.search(r"[\\/?*\[\]:]", n) for n in wb.sheetnames)
    for tim in plan.tim:
        ws = wb[_lembar_tim(wb, tim)]
        members = {k.nip for k in out.alokasi.keanggotaan if k.tim == tim.code and not k.ketua}
        nips = set(_baca_mph(path, ws.title)["NIP"])  # the notes follow the matrix
        assert nips == members  # issue 11: the Ketua is the column, not a row


def test_nama_lembar_cuts_cleans_and_numbers():
    wb = openpyxl.Workbook()
    wb.active.title = "Ringkasan"
    assert nama_lembar(wb, "ringkasan") == "ringkasan (2)"
    panjang = "Matriks L2 " + "X" * 40
    first = nama_lembar(wb, panjang)
    assert first == panjang[:31]
    wb.create_sheet(first)
    second = nama_lembar(wb, panjang)
    assert len(second) == 31 and second.endswith(" (2)")
    assert nama_lembar(wb, "'a/b*c?[d]:e'") == "a_b_c__d__e"
    assert nama_lembar(wb, "") == "Lembar"


# ---- command line ---------------------------------------------------------------------------


def test_cli_optimasi_writes_the_documents(tmp_path, capsys):
    src = tmp_path / "kecil.xlsx"
    plan = contoh.load("kecil")
    write_plan(plan, src)
    out = tmp_path / "hasil.xlsx"
    code = main(["optimasi", str(src), "--keluaran", str(out), "--batas-waktu", "3"])
    assert code == 0
    assert f"Hasil ditulis: {out}" in capsys.readouterr().out
    sheets = openpyxl.load_workbook(out).sheetnames
    assert {"Ringkasan", "Penugasan", "MPH Level 1", "RHK"} <= set(sheets)
    assert set(sheets) >= _DOKUMEN
    assert {f"{PREFIKS_MPH2}{t.code}" for t in plan.tim} <= set(sheets)
    df = _baca(out, LEMBAR_MPH1)
    assert set(df["Peran"]) >= {"Mandiri"}
    anggaran = _baca(out, LEMBAR_ANGGARAN)
    assert anggaran["Pagu (Rp)"].iloc[-1] == pytest.approx(plan.pagu_total)


def test_table_sheets_print_one_page_wide(hasil, wb):
    for name in tabel_hasil(hasil):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, name
        assert ws.print_title_rows == "$1:$1" and ws.freeze_panes == "A2", name


# ---- plain summary, technical details apart -------------------------------------------------


def _isi(ws) -> list[str]:
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]


def test_summary_sheet_is_plain_indonesian(wb):
    ws = wb["Ringkasan"]
    assert [c.value for c in ws[1]] == ["Uraian", "Nilai", "Satuan"]
    text = "\n".join(_isi(ws))
    for code in ("ej_maks", "biaya", "feasible", "Kode status", "Bobot", "variabel", "kendala"):
        assert code not in text, code
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", text)
    assert "layak — terbukti paling jauh 0,9 % dari optimum" in text
    assert {"EJ tertinggi pegawai unit", "Biaya personel dan pelibatan", "Rp 12.500.000"} <= set(
        _isi(ws)
    )


def test_table_sheet_headers_are_indonesian(hasil, wb):
    for name in tabel_hasil(hasil):
        if name == "Rincian teknis":
            continue
        headers = [str(c.value) for c in wb[name][1]]
        assert not [h for h in headers if re.fullmatch(r"[a-z_]+", h)], (name, headers)
    assert [c.value for c in wb["Beban Jabatan"][1]][:5] == [
        "Jabatan",
        "Beban kerja (jam)",
        "Kebutuhan pegawai (orang)",
        "Pegawai tersedia (orang)",
        "Pegawai ditugaskan (orang)",
    ]


def test_technical_details_sheet_reads_back(hasil, wb, berkas):
    from sistemkerja.laporan.baca import read_result_workbook

    assert wb.sheetnames[:2] == ["Ringkasan", "Rincian teknis"]
    rows = {r[0]: r[2:] for r in wb["Rincian teknis"].iter_rows(min_row=2, values_only=True)}
    assert rows["status"][0] == "feasible"
    assert rows["bobot.biaya"] == (pytest.approx(0.1), "per juta rupiah")  # as the plan states it
    assert rows["waktu_seluruhnya"] == (63.4, "detik")
    back = read_result_workbook(berkas)
    assert back.weights == pytest.approx(hasil.weights)
    assert back.components == pytest.approx(hasil.components)
    assert (back.total_seconds, back.solve_seconds) == (63.4, 60.11)
    assert back.counts == hasil.counts
    assert back.gap == pytest.approx(hasil.gap)
