"""Tests of the plan workbook I/O: round trip, cell reading, problems, atomic save, template."""

from __future__ import annotations

import dataclasses
import errno
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from strategies import rencana

from sistemkerja import contoh
from sistemkerja.cli import main as cli_main
from sistemkerja.domain import (
    BarisAnggaran,
    BebanKegiatan,
    Indikator,
    Jabatan,
    JenisJabatan,
    Jenjang,
    Kebijakan,
    KebutuhanPeran,
    Kegiatan,
    Mode,
    Pagu,
    Pegawai,
    PerjanjianKinerja,
    PlanError,
    Pola,
    Problem,
    Rencana,
    Sasaran,
    StatusASN,
    Strategi,
    TimKerja,
    Unit,
    skema,
)
from sistemkerja.domain.katalog import DEFAULT_JABATAN
from sistemkerja.io import (
    ConflictError,
    fingerprint,
    format_markdown,
    load_with_fingerprint,
    read_plan,
    read_plan_problems,
    write_plan,
    write_template,
)
from sistemkerja.io._tulis import STALE_AFTER, TEMP_PREFIX, clean_stale_temp, temp_path
from sistemkerja.io.buku_kerja import FILE_PROBLEM_CODES, MAX_PEGAWAI, os_reason
from sistemkerja.io.dokumen import DOC_PATH
from sistemkerja.io.templat import DAFTAR, LAST_ROW, PETUNJUK

NIP = "198503122010011901"


def small_plan() -> Rencana:
    """A small plan that passes validation."""
    return Rencana(
        kebijakan=Kebijakan(),
        pk=PerjanjianKinerja(2027, "DIT-PDK", "Dr. Ratna", "Direktur"),
        units=(Unit("DIT-PDK", "Direktorat Perencanaan", "Kementerian Contoh"),),
        jabatan=(Jabatan("Perencana", JenisJabatan.JF, "Perencanaan"),),
        pegawai=(
            Pegawai(
                NIP,
                "Andi Pratama",
                "Perencana",
                JenisJabatan.JF,
                Jenjang.AHLI_MUDA,
                "III/c",
                StatusASN.PNS,
                "DIT-PDK",
                capacity_hours=1000.0,
                competences=("SQL", "statistik"),
            ),
        ),
        sasaran=(Sasaran("SS-1", "Meningkatnya kualitas perencanaan"),),
        indikator=(Indikator("IK-1", "SS-1", "Persentase formasi", "90 %", pola=Pola.POSISI),),
        pagu=(Pagu("WA", "4264", None, None, "Pengelolaan data", 10_000_000.0),),
        tim=(TimKerja("TIM-DATA", "Tim Data", 1, 5),),
        strategi=(Strategi("IK-1", Mode.TIM, "TIM-DATA", perlu_ketua=True),),
        kebutuhan_peran=(KebutuhanPeran("IK-1", "Perencana", Jenjang.AHLI_PERTAMA, orang=1),),
        kegiatan=(
            Kegiatan("K-01", "Penyusunan peta jabatan", "IK-1", "TIM-DATA", 2, 11, 12.0, "Laporan"),
        ),
        beban=(BebanKegiatan("K-01", "Perencana", None, 12.0, 16.0),),
        anggaran=(
            BarisAnggaran(
                "K-01", "WA", "4264", "EBA", "962", "051", "524111", "Perjalanan", 4.0, "OP", 1e6
            ),
        ),
    )


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "rencana.xlsx"
    write_plan(small_plan(), path)
    return path


def edit(path: Path, change: Callable[[openpyxl.Workbook], Any]) -> None:
    """Open a workbook with openpyxl, apply ``change`` and save it in place."""
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)


def column_of(ws: Worksheet, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)


def set_cell(path: Path, sheet: str, row: int, header: str, value: Any) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb[sheet]
        ws.cell(row=row, column=column_of(ws, header)).value = value

    edit(path, change)


def find(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.code == code]


def leftovers(directory: Path, keep: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p != keep)


# ---- round trip ----------------------------------------------------------------------
def test_small_plan_is_valid_and_round_trips(plan_file: Path) -> None:
    assert small_plan().validate() == []
    plan = read_plan(plan_file)
    assert plan == small_plan()
    assert plan.rows["Pegawai"] == (2,)
    assert plan.rows["Kebijakan"] == tuple(range(2, 2 + len(skema.KEBIJAKAN.columns)))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=rencana())
def test_round_trip_random_plans(plan: Rencana, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    write_plan(plan, path)
    back, problems = read_plan_problems(path)
    assert back == plan
    # the only problems are the plan's own cross-reference findings, none from reading
    assert Counter(problems) == Counter(plan.validate())
    for lembar in skema.LEMBAR:
        if not lembar.single:
            count = len(getattr(plan, lembar.attr))
            assert back.rows[lembar.name] == tuple(range(2, 2 + count))


def test_float_needing_17_digits_round_trips(tmp_path: Path) -> None:
    plan = small_plan()
    odd = dataclasses.replace(plan.pegawai[0], capacity_hours=0.1 + 0.2, hourly_cost=1 / 3)
    plan = plan.with_changes(pegawai=(odd,))
    path = tmp_path / "p.xlsx"
    write_plan(plan, path)
    assert read_plan(path).pegawai[0].capacity_hours == 0.1 + 0.2
    assert read_plan(path) == plan


def test_empty_enum_list_differs_from_default(tmp_path: Path) -> None:
    plan = small_plan().with_changes(kebijakan=Kebijakan(ketua_jenjang=()))
    path = tmp_path / "p.xlsx"
    write_plan(plan, path)
    back, _ = read_plan_problems(path)
    assert back is not None
    assert back.kebijakan.ketua_jenjang == ()


@pytest.mark.parametrize("name", contoh.names())
def test_sample_plans_round_trip(tmp_path: Path, name: str) -> None:
    plan = contoh.load(name)
    path = tmp_path / "contoh.xlsx"
    write_plan(plan, path)
    back, problems = read_plan_problems(path)
    assert back == plan
    assert Counter(problems) == Counter(plan.validate())


# ---- cell reading --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "typed", "expected"),
    [
        ("Kapasitas (jam)", "1,4", 1.4),
        ("Biaya pelibatan (Rp)", "1.250.000,50", 1_250_000.5),
        ("Biaya per jam (Rp)", "70 %", 70.0),
        ("Jam terikat", "1.250", 1250.0),
        ("Jam terikat", "3.05", 3.05),
        ("Jam terikat", 12, 12.0),
    ],
)
def test_indonesian_numbers_typed_in_cells(
    plan_file: Path, header: str, typed: Any, expected: float
) -> None:
    set_cell(plan_file, "Pegawai", 2, header, typed)
    field = next(k.field for k in skema.PEGAWAI.columns if k.header == header)
    assert getattr(read_plan(plan_file).pegawai[0], field) == pytest.approx(expected, abs=0)


def test_flexible_cells(plan_file: Path) -> None:
    set_cell(plan_file, "Kegiatan", 2, "Bulan mulai", "Maret")
    set_cell(plan_file, "Kegiatan", 2, "Bulan selesai", 11.0)
    set_cell(plan_file, "Tim Kerja", 2, "Anggota minimal", "2")
    set_cell(plan_file, "Strategi", 2, "Perlu Ketua Tim", "y")
    set_cell(plan_file, "Pegawai", 2, "Jenjang", "  ahli  muda ")
    set_cell(plan_file, "Pegawai", 2, "Golongan", 9)
    set_cell(plan_file, "Pegawai", 2, "Status", "PPPK")
    set_cell(plan_file, "Pegawai", 2, "Nama", "  Andi  ")
    set_cell(plan_file, "Pegawai", 2, "NIP", "19850312 201001 1 901")
    set_cell(plan_file, "Rincian Anggaran", 2, "Akun", 524111)
    plan = read_plan(plan_file)
    assert (plan.kegiatan[0].bulan_mulai, plan.kegiatan[0].bulan_selesai) == (3, 11)
    assert plan.tim[0].size_min == 2
    assert plan.strategi[0].perlu_ketua is True
    assert plan.pegawai[0].jenjang is Jenjang.AHLI_MUDA
    assert plan.pegawai[0].golongan == "9"
    assert plan.pegawai[0].name == "Andi"
    assert plan.pegawai[0].nip == NIP
    assert plan.anggaran[0].akun == "524111"


def test_percent_formatted_target_reads_as_percent(plan_file: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Indikator"]
        cell = ws.cell(row=2, column=column_of(ws, "Target"))
        cell.value = 0.7
        cell.number_format = "0%"

    edit(plan_file, change)
    assert read_plan(plan_file).indikator[0].target == "70 %"


def test_empty_optional_cells_take_defaults(plan_file: Path) -> None:
    set_cell(plan_file, "Pegawai", 2, "Jam terikat", None)
    set_cell(plan_file, "Pegawai", 2, "Kompetensi", None)
    set_cell(plan_file, "Pegawai", 2, "Kapasitas (jam)", "  ")
    set_cell(plan_file, "Indikator", 2, "Pola", None)
    pegawai = read_plan(plan_file).pegawai[0]
    assert (pegawai.committed_hours, pegawai.competences, pegawai.capacity_hours) == (0.0, (), None)


# ---- formula-like text ----------------------------------------------------------------
def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    texts = ["=SUM(A1:A3)", "+62 812 555", "-tanpa-", "@rumah", "#N/A"]
    plan = small_plan()
    plan = plan.with_changes(
        units=plan.units + tuple(Unit(f"U{i}", t, t) for i, t in enumerate(texts))
    )
    path = tmp_path / "p.xlsx"
    write_plan(plan, path)
    ws = openpyxl.load_workbook(path)["Unit"]
    written = {
        ws.cell(row=r, column=2).value: ws.cell(row=r, column=2).data_type for r in range(3, 8)
    }
    assert written == dict.fromkeys(texts, "s")
    assert read_plan(path) == plan


def test_formula_without_cached_value_is_reported(plan_file: Path) -> None:
    set_cell(plan_file, "Pagu", 2, "Pagu (Rp)", "=1+1")
    plan, problems = read_plan_problems(plan_file)
    [problem] = find(problems, "formula_without_value")
    assert (problem.sheet, problem.row, problem.column) == ("Pagu", 2, "Pagu (Rp)")
    assert plan is not None and plan.pagu == ()


# ---- problems --------------------------------------------------------------------------
def test_cell_problems_name_sheet_row_and_column(plan_file: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Pegawai"]
        base = [c.value for c in ws[2]]
        for _ in range(6):
            ws.append(base)
        cols = {c.value: c.column for c in ws[1]}
        ws.cell(3, cols["Kapasitas (jam)"]).value = "banyak"
        ws.cell(4, cols["Nama"]).value = None
        ws.cell(5, cols["Jenjang"]).value = "Ahli Super"
        ws.cell(6, cols["NIP"]).value = 198503122010011901
        ws.cell(7, cols["Jam terikat"]).value = -5
        ws.cell(8, cols["Jenjang"]).value = "Pengawas"
        ws.cell(10, cols["Nama"]).value = "Budi"  # row 9 stays empty
        ws.cell(10, cols["NIP"]).value = "199001012015031902"
        for header in ("Jabatan", "Jenis jabatan", "Jenjang", "Golongan", "Status", "Unit"):
            ws.cell(10, cols[header]).value = ws.cell(2, cols[header]).value
        kegiatan = wb["Kegiatan"]
        kcols = {c.value: c.column for c in kegiatan[1]}
        kegiatan.cell(2, kcols["Bulan selesai"]).value = 13
        kegiatan.append(["K-02", "x", "IK-1", "TIM-DATA", "Maretan", 4, 1, "Laporan"])
        strategi = wb["Strategi"]
        strategi.cell(2, column_of(strategi, "Perlu Ketua Tim")).value = "mungkin"
        team = wb["Tim Kerja"]
        team.cell(2, column_of(team, "Anggota minimal")).value = 2.5
        pagu = wb["Pagu"]
        pagu.cell(2, column_of(pagu, "Pagu (Rp)")).value = "#DIV/0!"  # an Excel error value

    edit(plan_file, change)
    plan, problems = read_plan_problems(plan_file)
    located = {(p.sheet, p.row, p.column, p.code) for p in problems}
    assert ("Pegawai", 3, "Kapasitas (jam)", "wrong_type") in located
    assert ("Pegawai", 4, "Nama", "missing_value") in located
    assert ("Pegawai", 5, "Jenjang", "invalid_enum") in located
    assert ("Pegawai", 6, "NIP", "nip_as_number") in located
    assert ("Pegawai", 7, "Jam terikat", "negative_value") in located
    assert ("Pegawai", 8, "Jenjang", "jenjang_mismatch") in located
    assert ("Kegiatan", 2, "Bulan selesai", "month_out_of_range") in located
    assert ("Kegiatan", 3, "Bulan mulai", "unknown_month") in located
    assert ("Strategi", 2, "Perlu Ketua Tim", "invalid_bool") in located
    assert ("Tim Kerja", 2, "Anggota minimal", "wrong_type") in located
    assert ("Pagu", 2, "Pagu (Rp)", "excel_error") in located
    [enum_problem] = find(problems, "invalid_enum")
    assert "Ahli Madya" in enum_problem.message  # lists the allowed labels
    assert "Teks" in find(problems, "nip_as_number")[0].message
    # bad rows are skipped, good ones kept with their Excel rows
    assert plan is not None
    assert plan.rows["Pegawai"] == (2, 10)
    assert [p.name for p in plan.pegawai] == ["Andi Pratama", "Budi"]
    # the skipped activity now leaves its effort and budget lines dangling
    assert ("Beban Kegiatan", 2, "Kegiatan", "unknown_activity") in located
    with pytest.raises(PlanError) as info:
        read_plan(plan_file)
    assert len(info.value.problems) == len(problems)


def test_renamed_and_extra_columns(plan_file: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Unit"]
        ws.cell(1, column_of(ws, "Nama unit")).value = "Nama unti"
        ws.cell(1, 5).value = "Catatan saya"

    edit(plan_file, change)
    plan, problems = read_plan_problems(plan_file)
    [missing] = find(problems, "missing_column")
    assert (missing.sheet, missing.row, missing.column, missing.is_error) == (
        "Unit",
        1,
        "Nama unit",
        True,
    )
    assert "Nama unti" in missing.message
    extra = {p.column: p for p in find(problems, "unknown_column")}
    assert not extra["Catatan saya"].is_error
    assert plan is not None and plan.units == ()


def test_missing_optional_column_is_a_warning(plan_file: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Pegawai"]
        ws.delete_cols(column_of(ws, "Kompetensi"))

    edit(plan_file, change)
    plan, problems = read_plan_problems(plan_file)
    [missing] = find(problems, "missing_column")
    assert not missing.is_error
    assert plan is not None and plan.pegawai[0].competences == ()


def test_missing_sheets(plan_file: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["Tim Kerja"].title = "Tim kerja 2027"
        del wb["Kebijakan"]

    edit(plan_file, change)
    plan, problems = read_plan_problems(plan_file)
    [team, policy] = sorted(find(problems, "missing_sheet"), key=lambda p: p.is_error)
    assert policy.is_error and policy.sheet == "Tim Kerja"
    assert "Tim kerja 2027" in policy.message
    assert not team.is_error and team.sheet == "Kebijakan"
    assert plan is not None and plan.kebijakan == Kebijakan()


def test_kebijakan_empty_or_missing_rows_take_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    policy = Kebijakan(max_tim_per_pegawai=5, jam_efektif=1000.0, ej_min=0.5)
    write_plan(small_plan().with_changes(kebijakan=policy), path)

    fields = [k.field for k in skema.KEBIJAKAN.columns]
    jam_row = 2 + fields.index("jam_efektif")

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Kebijakan"]
        ws["B3"].value = None  # Maks. tim per pegawai emptied
        ws.delete_rows(jam_row)  # Jam kerja efektif per tahun removed

    edit(path, change)
    plan, problems = read_plan_problems(path)
    assert [p for p in problems if p.sheet == "Kebijakan"] == []
    assert plan is not None
    assert plan.kebijakan == Kebijakan(ej_min=0.5)
    ej_max = fields.index("ej_max")
    assert plan.rows["Kebijakan"][ej_max] == 2 + ej_max - 1  # EJ maksimal moved up one row


def test_sheet_without_header_row(plan_file: Path) -> None:
    edit(plan_file, lambda wb: wb["Sasaran"].delete_rows(1, 5))
    plan, problems = read_plan_problems(plan_file)
    [problem] = find(problems, "missing_header")
    assert (problem.sheet, problem.row, problem.is_error) == ("Sasaran", 1, True)
    assert plan is not None and plan.sasaran == ()


def test_pk_missing_parameter_gives_no_plan(plan_file: Path) -> None:
    edit(plan_file, lambda wb: wb["PK"].delete_rows(3))
    plan, problems = read_plan_problems(plan_file)
    assert plan is None
    assert [(p.sheet, p.column, p.code) for p in problems if p.is_error] == [
        ("PK", "Unit", "missing_parameter")
    ]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, "missing_file"),
        (b"", "not_xlsx"),
        (b"Nama;NIP\nAndi;1\n", "not_xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "not_xlsx"),
        (b"PK\x03\x04 rusak", "not_xlsx"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = tmp_path / "x.xlsx"
    if content is not None:
        path.write_bytes(content)
    plan, problems = read_plan_problems(path)
    assert plan is None
    assert [p.code for p in problems] == [code]
    with pytest.raises(PlanError):
        read_plan(path)


def _zip_file(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (
            lambda p: p.write_bytes(
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le")
            ),
            "encrypted_file",
            "kata sandi",
        ),
        (
            lambda p: _zip_file(p, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
            "not_xlsx",
            "OpenDocument (.ods)",
        ),
        (
            lambda p: _zip_file(p, {"word/document.xml": "<w/>"}),
            "not_xlsx",
            "dokumen Word",
        ),
        (lambda p: p.mkdir(), "not_a_file", "folder"),
    ],
    ids=["encrypted", "ods", "docx", "folder"],
)
def test_file_kinds_are_named(
    tmp_path: Path, make: Callable[[Path], Any], code: str, words: str
) -> None:
    path = tmp_path / "x.xlsx"
    make(path)
    plan, problems = read_plan_problems(path)
    assert plan is None
    assert [p.code for p in problems] == [code]
    assert words in problems[0].message and str(path) in problems[0].message
    assert code in FILE_PROBLEM_CODES


def test_invalid_sheet_xml_names_the_sheet(plan_file: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(plan_file)
    part = f"xl/worksheets/sheet{wb.sheetnames.index('Pegawai') + 1}.xml"
    broken = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(plan_file) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(
                info, data.replace(b"</row>", b"</rw>", 1) if info.filename == part else data
            )
    plan, problems = read_plan_problems(broken)
    assert plan is None
    assert [(p.sheet, p.code) for p in problems] == [("Pegawai", "invalid_xml")]
    assert "XML" in problems[0].message and "Error" not in problems[0].message


def test_size_limit_counts_data_rows_not_formatted_rows(plan_file: Path, tmp_path: Path) -> None:
    """Formatted empty rows are free; the limit counts rows holding values."""
    wb = openpyxl.load_workbook(plan_file)
    ws = wb["Pegawai"]
    for row in range(3, MAX_PEGAWAI + 10):
        ws.cell(row, 1).fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(tmp_path / "format.xlsx")
    plan, problems = read_plan_problems(tmp_path / "format.xlsx")
    assert plan == small_plan() and problems == []
    for row in range(3, MAX_PEGAWAI + 3):
        ws.cell(row, 2).value = f"Pegawai {row}"
    wb.save(tmp_path / "besar.xlsx")
    plan, problems = read_plan_problems(tmp_path / "besar.xlsx")
    assert plan is None
    assert [(p.sheet, p.code) for p in problems] == [("Pegawai", "too_large")]
    assert f"{MAX_PEGAWAI + 1:,}".replace(",", ".") in problems[0].message


def test_os_reason_has_no_errno() -> None:
    try:
        open("/tidak/ada/sama/sekali.xlsx", "rb")  # noqa: SIM115
    except OSError as exc:
        assert os_reason(exc) == "berkas tidak ada"
    assert os_reason(OSError(errno.EROFS, "Read-only file system")) == "sistem berkas hanya-baca"
    assert "Errno" not in os_reason(OSError(9999, "x"))


def test_workbook_without_plan_sheets(tmp_path: Path) -> None:
    path = tmp_path / "lain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "bukan rencana"
    wb.save(path)
    plan, problems = read_plan_problems(path)
    assert plan is None
    assert [p.code for p in problems] == ["empty_workbook"]


def test_zip_without_workbook(tmp_path: Path) -> None:
    path = tmp_path / "z.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "halo")
    plan, problems = read_plan_problems(path)
    assert plan is None and [p.code for p in problems] == ["not_xlsx"]


# ---- saving ----------------------------------------------------------------------------
def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "rencana.xlsx"
    first = write_plan(small_plan(), path)
    second = write_plan(small_plan(), path)
    assert leftovers(tmp_path, path) == []
    assert second == fingerprint(path)
    assert len(first) == 64


def test_failed_save_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rencana.xlsx"
    write_plan(small_plan(), path)
    before = path.read_bytes()

    def broken_save(self: openpyxl.Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"setengah")
        raise OSError("disk penuh")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk penuh"):
        write_plan(small_plan(), path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path, path) == []


_SAVE_AND_HOLD = """
import sys, time
from pathlib import Path
from sistemkerja import contoh
from sistemkerja.io._tulis import new_workbook, save_atomic
from sistemkerja.io.buku_kerja import add_plan_sheets

wb = new_workbook()
add_plan_sheets(wb, contoh.load("kecil"))

def hold():  # the temporary file is complete; stay here until killed
    print("sementara", flush=True)
    time.sleep(600)

save_atomic(wb, Path(sys.argv[1]), hold)
"""


def _kill_during_save(target: Path) -> int:
    """Run a save in a real subprocess and SIGKILL it before the move; return its pid."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    child = subprocess.Popen(
        [sys.executable, "-c", _SAVE_AND_HOLD, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "sementara"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    return child.pid


def test_killed_save_leaves_plan_intact_and_temp_cleaned(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    pid = _kill_during_save(plan_file)
    assert plan_file.read_bytes() == before  # never half-written
    left = leftovers(plan_file.parent, plan_file)
    assert left and all(n.startswith(TEMP_PREFIX + plan_file.name) for n in left), left
    assert all(f"-{pid}-" in n and n.endswith(".tmp") for n in left)
    write_plan(small_plan(), plan_file.with_name("lain.xlsx"))  # the next save here
    assert leftovers(plan_file.parent, plan_file) == ["lain.xlsx"]


def test_killed_save_cleaned_by_next_command(plan_file: Path) -> None:
    _kill_during_save(plan_file)
    assert leftovers(plan_file.parent, plan_file)
    assert cli_main(["periksa", str(plan_file)]) == 0
    assert leftovers(plan_file.parent, plan_file) == []


def test_stale_temp_rules(tmp_path: Path) -> None:
    alive = os.getppid()  # a process that is running
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(gone.stdout)
    names = {
        "dead": f"{TEMP_PREFIX}rencana.xlsx-{dead}-abc123.tmp",
        "alive": f"{TEMP_PREFIX}rencana.xlsx-{alive}-abc123.tmp",
        "alive_old": f"{TEMP_PREFIX}rencana.xlsx-{alive}-def456.tmp",
        "mine": f"{TEMP_PREFIX}rencana.xlsx-{os.getpid()}-abc123.tmp",
        "legacy_old": ".~rencana.xlsx.0123abcd.xlsx",
        "legacy_new": ".~rencana.xlsx.89abcdef.xlsx",
        "excel_lock": "~$rencana.xlsx",
        "user_note": f"{TEMP_PREFIX}catatan.txt",
        "user_file": "rencana.xlsx",
    }
    for name in names.values():
        (tmp_path / name).write_bytes(b"x")
    two_days_ago = time.time() - 2 * STALE_AFTER
    for key in ("alive_old", "legacy_old", "user_file", "excel_lock"):
        os.utime(tmp_path / names[key], (two_days_ago, two_days_ago))
    removed = {p.name for p in clean_stale_temp(tmp_path)}
    assert removed == {names["dead"], names["alive_old"], names["legacy_old"]}
    kept = {p.name for p in tmp_path.iterdir()}
    assert kept == set(names.values()) - removed


def test_temp_name_is_recognisable(tmp_path: Path) -> None:
    name = temp_path(tmp_path / "Rencana 2027.xlsx").name
    assert name.startswith("~sistemkerja-simpan-Rencana 2027.xlsx-")
    assert f"-{os.getpid()}-" in name and name.endswith(".tmp")


def test_conflict_when_file_changed_on_disk(plan_file: Path) -> None:
    plan, loaded = load_with_fingerprint(plan_file)
    assert loaded == fingerprint(plan_file)
    set_cell(plan_file, "Unit", 2, "Nama unit", "Diubah rekan kerja")
    changed = plan_file.read_bytes()
    with pytest.raises(ConflictError) as info:
        write_plan(plan, plan_file, expected_fingerprint=loaded)
    assert plan_file.name in str(info.value)
    assert plan_file.read_bytes() == changed
    assert leftovers(plan_file.parent, plan_file) == []


def test_save_with_matching_fingerprint(plan_file: Path) -> None:
    plan, loaded = load_with_fingerprint(plan_file)
    new = write_plan(plan, plan_file, expected_fingerprint=loaded)
    assert new == fingerprint(plan_file)
    plan_file.unlink()
    with pytest.raises(ConflictError):
        write_plan(plan, plan_file, expected_fingerprint=new)
    assert not plan_file.exists()


def test_no_overwrite(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    with pytest.raises(FileExistsError, match="sudah ada"):
        write_plan(small_plan(), plan_file, overwrite=False)
    assert plan_file.read_bytes() == before


def test_written_layout(plan_file: Path) -> None:
    wb = openpyxl.load_workbook(plan_file)
    assert wb.sheetnames == [lembar.name for lembar in skema.LEMBAR]
    ws = wb["Pegawai"]
    assert [c.value for c in ws[1]] == [k.header for k in skema.PEGAWAI.columns]
    assert ws["A1"].font.b and ws.freeze_panes == "A2"
    cols = {c.value: c.column for c in ws[1]}
    assert ws.cell(2, cols["Kapasitas (jam)"]).value == 1000
    assert ws.cell(2, cols["Kompetensi"]).value == "SQL; statistik"
    assert ws.cell(2, cols["Jenjang"]).value == "Ahli Muda"
    assert wb["Strategi"]["D2"].value == "Ya"
    assert [c.value for c in wb["PK"]["A"]][:3] == ["Parameter", "Tahun", "Unit"]


# ---- template --------------------------------------------------------------------------
def test_template_sheets_and_validations(tmp_path: Path) -> None:
    path = tmp_path / "templat.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == PETUNJUK
    assert wb[DAFTAR].sheet_state == "hidden"
    petunjuk = " ".join(str(c.value) for row in wb[PETUNJUK].iter_rows() for c in row)
    for lembar in skema.LEMBAR:
        assert lembar.name in petunjuk
        if lembar.single:
            continue
        ws = wb[lembar.name]
        for col, kolom in enumerate(lembar.columns, start=1):
            letter = openpyxl.utils.get_column_letter(col)
            assert ws.cell(1, col).comment is not None
            rules = [dv for dv in ws.data_validations.dataValidation if f"{letter}2" in dv.sqref]
            if kolom.kind == "enum":
                [dv] = rules
                assert dv.type == "list" and f"{letter}{LAST_ROW}" in dv.sqref
                sheet, cells = dv.formula1.split("!")
                listed = [c.value for row in wb[sheet][cells.replace("$", "")] for c in row]
                assert listed == kolom.enum.labels()
            elif kolom.kind == "bool":
                assert [dv.formula1 for dv in rules] == ['"Ya,Tidak"']
            elif kolom.kind == "month":
                assert [(dv.type, dv.formula1, dv.formula2) for dv in rules] == [
                    ("whole", "1", "12")
                ]
            elif kolom.kind == "number":
                assert [(dv.type, dv.operator) for dv in rules] == [
                    ("decimal", "greaterThanOrEqual")
                ]
    jabatan = wb["Jabatan"]
    assert jabatan.max_row == 1 + len(DEFAULT_JABATAN)


def test_blank_template_reads_back_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "templat.xlsx"
    write_template(path)
    plan, problems = read_plan_problems(path)
    assert plan is None
    required = [k.header for k in skema.PK.columns if k.required]
    assert [(p.sheet, p.column, p.code) for p in problems] == [
        ("PK", header, "missing_value") for header in required
    ]


def test_filled_template_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "templat.xlsx"
    write_template(path)

    def fill(wb: openpyxl.Workbook) -> None:
        ws = wb["PK"]
        for row, value in zip(range(2, 6), (2027, "DIT-PDK", "Dr. Ratna", "Direktur"), strict=True):
            ws.cell(row, 2).value = value

    edit(path, fill)
    plan, problems = read_plan_problems(path)
    assert plan is not None
    assert plan.kebijakan == Kebijakan()
    assert plan.jabatan == DEFAULT_JABATAN
    assert plan.pk == PerjanjianKinerja(2027, "DIT-PDK", "Dr. Ratna", "Direktur")
    # an empty plan reads; it only lacks its unit, staff, indicators and activities
    errors = {(p.sheet, p.code) for p in problems if p.is_error}
    assert errors == {
        ("PK", "unknown_unit"),
        ("Pegawai", "no_pegawai"),
        ("Indikator", "no_indikator"),
        ("Kegiatan", "no_kegiatan"),
    }


def test_prefilled_template_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "templat.xlsx"
    write_template(path, plan=small_plan())
    assert read_plan(path) == small_plan()
    assert leftovers(tmp_path, path) == []


# ---- documentation ---------------------------------------------------------------------
def test_format_document_is_current() -> None:
    text = format_markdown()
    for lembar in skema.LEMBAR:
        assert f"## Lembar {lembar.name}" in text
        for kolom in lembar.columns:
            assert f"| {kolom.header} |" in text
    assert "| `1.250.000,50` | 1250000,5 |" in text
    assert "| `1.250` | 1250 |" in text and "| `3.05` | 3,05 |" in text
    assert DOC_PATH.read_text(encoding="utf-8") == text, (
        "docs/format_buku_kerja.md is stale; regenerate with "
        'python -c "from sistemkerja.io.dokumen import write_markdown; write_markdown()"'
    )
