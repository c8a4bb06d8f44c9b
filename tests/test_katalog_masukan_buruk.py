"""Catalogue of bad input: each case breaks one thing in a real workbook and checks
that ``sistemkerja periksa --json`` names the exact sheet, row, column and code, in
Indonesian, without a traceback, and exits 1.

The workbook is the packaged tiny plan written to disk, then edited with openpyxl
the way a user would edit it in Excel.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from sistemkerja import contoh
from sistemkerja.cli import main
from sistemkerja.io import write_plan

Edit = Callable[[Workbook], None]


def _col(ws, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"header {header!r} not in sheet {ws.title!r}")


def _row(ws, header: str, key: str) -> int:
    col = _col(ws, header)
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, col).value == key:
            return row
    raise AssertionError(f"{key!r} not in column {header!r} of {ws.title!r}")


def _set(sheet: str, key_header: str, key: str, header: str, value: object) -> Edit:
    def edit(wb: Workbook) -> None:
        ws = wb[sheet]
        ws.cell(_row(ws, key_header, key), _col(ws, header)).value = value

    return edit


def _param(sheet: str, name: str, value: object) -> Edit:
    def edit(wb: Workbook) -> None:
        ws = wb[sheet]
        ws.cell(_row(ws, "Parameter", name), 2).value = value

    return edit


def _rename_header(sheet: str, header: str, new: str) -> Edit:
    def edit(wb: Workbook) -> None:
        ws = wb[sheet]
        ws.cell(1, _col(ws, header)).value = new

    return edit


def _delete_sheet(sheet: str) -> Edit:
    def edit(wb: Workbook) -> None:
        del wb[sheet]

    return edit


def _copy_row(sheet: str, source_row: int) -> Edit:
    def edit(wb: Workbook) -> None:
        ws = wb[sheet]
        values = [c.value for c in ws[source_row]]
        ws.append(values)

    return edit


def _cut_budget(wb: Workbook) -> None:
    ws = wb["Pagu"]
    ws.cell(2, _col(ws, "Pagu (Rp)")).value = 40_000_000


@pytest.fixture(scope="module")
def kecil_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kecil") / "kecil.xlsx"
    write_plan(contoh.load("kecil"), path)
    return path


def _periksa(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(["periksa", str(path), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


# (case id, edit, expected sheet, row, column, code)
CASES: list[tuple[str, Edit, str, int | None, str | None, str]] = [
    ("missing sheet", _delete_sheet("Pegawai"), "Pegawai", None, None, "missing_sheet"),
    (
        "renamed column",
        _rename_header("Pegawai", "NIP", "Nomor Induk"),
        "Pegawai",
        1,
        "NIP",
        "missing_column",
    ),
    (
        "wrong type in a cell",
        _set("Kegiatan", "Kode", "K-3", "Volume keluaran", "banyak"),
        "Kegiatan",
        4,
        "Volume keluaran",
        "wrong_type",
    ),
    (
        "duplicate NIP",
        _copy_row("Pegawai", 2),
        "Pegawai",
        8,
        "NIP",
        "duplicate_nip",
    ),
    (
        "own team limit not a whole number",
        _set("Pegawai", "Nama", "Sari Lestari, S.E.", "Maks. tim pegawai", "dua"),
        "Pegawai",
        3,
        "Maks. tim pegawai",
        "wrong_type",
    ),
    (
        "own team limit negative",
        _set("Pegawai", "Nama", "Sari Lestari, S.E.", "Maks. tim pegawai", -1),
        "Pegawai",
        3,
        "Maks. tim pegawai",
        "below_minimum",
    ),
    (
        "NIP not 18 digits",
        _set("Pegawai", "Nama", "Sari Lestari, S.E.", "NIP", "19960821202201290"),
        "Pegawai",
        3,
        "NIP",
        "invalid_nip",
    ),
    (
        "NIP typed as a number",
        _set("Pegawai", "Nama", "Sari Lestari, S.E.", "NIP", 199608212022012902),
        "Pegawai",
        3,
        "NIP",
        "nip_as_number",
    ),
    (
        "unknown jabatan",
        _set("Pegawai", "Nama", "Dewi Anggraini, S.Psi.", "Jabatan", "Juru Masak"),
        "Pegawai",
        4,
        "Jabatan",
        "unknown_jabatan",
    ),
    (
        "unknown jenjang",
        _set("Pegawai", "Nama", "Dewi Anggraini, S.Psi.", "Jenjang", "Ahli Muuda"),
        "Pegawai",
        4,
        "Jenjang",
        "invalid_enum",
    ),
    (
        "negative hours",
        _set("Pegawai", "Nama", "Andi Pratama, S.Sos.", "Jam terikat", -40),
        "Pegawai",
        5,
        "Jam terikat",
        "negative_value",
    ),
    (
        "non-numeric hours",
        _set("Pegawai", "Nama", "Andi Pratama, S.Sos.", "Kapasitas (jam)", "penuh"),
        "Pegawai",
        5,
        "Kapasitas (jam)",
        "wrong_type",
    ),
    (
        "month outside 1-12",
        _set("Kegiatan", "Kode", "K-2", "Bulan selesai", 13),
        "Kegiatan",
        3,
        "Bulan selesai",
        "month_out_of_range",
    ),
    (
        "start after end",
        _set("Kegiatan", "Kode", "K-1", "Bulan mulai", 9),
        "Kegiatan",
        2,
        "Bulan selesai",
        "start_after_end",
    ),
    (
        "unparseable target",
        _set("Indikator", "Kode", "IK-2", "Target", "sebanyak mungkin"),
        "Indikator",
        3,
        "Target",
        "unparseable_target",
    ),
    (
        "impossible period as target",
        _set("Indikator", "Kode", "IK-2", "Target", "Semester III"),
        "Indikator",
        3,
        "Target",
        "unparseable_target",
    ),
    (
        "predicate target with pola Hitungan",
        _set("Indikator", "Kode", "IK-1", "Target", "WTP"),
        "Indikator",
        2,
        "Target",
        "target_not_divisible",
    ),
    (
        "impossible date as quarterly target",
        _set("Indikator", "Kode", "IK-1", "Target TW II", "30 Februari 2025"),
        "Indikator",
        2,
        "Target TW II",
        "unparseable_target",
    ),
    (
        "compound tugas tambahan target",
        _set("Tugas Tambahan", "Kode", "TT-1", "Target", "1 Laporan + 1 Surat"),
        "Tugas Tambahan",
        2,
        "Target",
        "target_not_divisible",
    ),
    (
        "indicator without sasaran",
        _set("Indikator", "Kode", "IK-2", "Sasaran", "SS-9"),
        "Indikator",
        3,
        "Sasaran",
        "unknown_sasaran",
    ),
    (
        "indicator with empty sasaran",
        _set("Indikator", "Kode", "IK-2", "Sasaran", None),
        "Indikator",
        3,
        "Sasaran",
        "missing_value",
    ),
    (
        "activity with unknown indicator",
        _set("Kegiatan", "Kode", "K-4", "Indikator", "IK-77"),
        "Kegiatan",
        5,
        "Indikator",
        "unknown_indicator",
    ),
    (
        "activity with unknown team",
        _set("Kegiatan", "Kode", "K-4", "Tim", "TIM-Z"),
        "Kegiatan",
        5,
        "Tim",
        "unknown_team",
    ),
    (
        "negative budget",
        _set("Rincian Anggaran", "Kegiatan", "K-2", "Harga satuan (Rp)", -5_000_000),
        "Rincian Anggaran",
        3,
        "Harga satuan (Rp)",
        "negative_value",
    ),
    ("budget over pagu", _cut_budget, "Pagu", 2, "Pagu (Rp)", "budget_over_pagu"),
    (
        "Ketua Tim required but no eligible jenjang in the policy",
        _param("Kebijakan", "Jenjang Ketua Tim", "-"),
        "Kebijakan",
        2,
        "Jenjang Ketua Tim",
        "no_eligible_leader_jenjang",
    ),
    (
        "duplicate activity code",
        _set("Kegiatan", "Kode", "K-2", "Kode", "K-1"),
        "Kegiatan",
        3,
        "Kode",
        "duplicate_code",
    ),
    (
        "duplicate team code",
        _set("Tim Kerja", "Kode", "TIM-B", "Kode", "TIM-A"),
        "Tim Kerja",
        3,
        "Kode",
        "duplicate_code",
    ),
    (
        "invalid month name",
        _set("Kegiatan", "Kode", "K-1", "Bulan mulai", "Januarii"),
        "Kegiatan",
        2,
        "Bulan mulai",
        "unknown_month",
    ),
    (
        "unknown staff unit",
        _set("Pegawai", "Nama", "Eko Nugroho, S.Kom.", "Unit", "PUS-X"),
        "Pegawai",
        7,
        "Unit",
        "unknown_unit",
    ),
    (
        "invalid yes/no",
        _set("Strategi", "Indikator", "IK-1", "Perlu Ketua Tim", "mungkin"),
        "Strategi",
        2,
        "Perlu Ketua Tim",
        "invalid_bool",
    ),
    (
        "budget line with unknown RKA code",
        _set("Rincian Anggaran", "Kegiatan", "K-3", "Kegiatan (RKA)", "9999"),
        "Rincian Anggaran",
        4,
        "Kegiatan (RKA)",
        "unknown_budget_code",
    ),
]


@pytest.mark.parametrize(
    ("edit", "sheet", "row", "column", "code"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_input_is_located_exactly(
    kecil_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Edit,
    sheet: str,
    row: int | None,
    column: str | None,
    code: str,
) -> None:
    wb = openpyxl.load_workbook(kecil_file)
    edit(wb)
    broken = tmp_path / "rusak.xlsx"
    wb.save(broken)

    exit_code, report = _periksa(broken, capsys)

    assert exit_code == 1
    assert report["valid"] is False
    located = [
        p
        for p in report["masalah"]
        if (p["sheet"], p["row"], p["column"], p["code"]) == (sheet, row, column, code)
    ]
    assert located, f"expected {(sheet, row, column, code)} in {report['masalah']}"
    assert located[0]["severity"] == "galat"
    message = located[0]["message"]
    assert message and "Traceback" not in message and "Error" not in message


def test_catalogue_has_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20


def test_unedited_plan_is_valid(kecil_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exit_code, report = _periksa(kecil_file, capsys)
    assert exit_code == 0
    assert report["galat"] == 0


@pytest.mark.parametrize(
    ("content", "code"),
    [(None, "missing_file"), (b"NIP;Nama\n1;2\n", "not_xlsx"), (b"", "not_xlsx")],
    ids=["file missing", "not an xlsx", "zero bytes"],
)
def test_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, code: str
) -> None:
    path = tmp_path / "rencana.xlsx"
    if content is not None:
        path.write_bytes(content)
    exit_code, report = _periksa(path, capsys)
    assert exit_code == 2  # no readable plan at all: bad input, not a plan with errors
    assert [p["code"] for p in report["masalah"]] == [code]
    assert report["masalah"][0]["sheet"] == ""


def test_empty_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kosong.xlsx"
    openpyxl.Workbook().save(path)
    exit_code, report = _periksa(path, capsys)
    assert exit_code == 1
    assert "empty_workbook" in {p["code"] for p in report["masalah"]}


def _console_script() -> str:
    script = Path(sys.executable).parent / "sistemkerja"
    assert script.exists(), "console script not installed; run `make test`"
    return str(script)


def test_console_script_end_to_end(tmp_path: Path) -> None:
    """The installed ``sistemkerja`` command writes the samples and validates them."""
    done = subprocess.run(
        [_console_script(), "contoh", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    for name in contoh.names():
        path = tmp_path / contoh.FILE_NAMES[name]
        check = subprocess.run(
            [_console_script(), "periksa", str(path)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout + check.stderr
        assert "valid" in check.stdout
    again = subprocess.run(
        [_console_script(), "contoh", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert again.returncode == 2
    assert "--timpa" in again.stderr


def test_console_script_reports_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_text("bukan buku kerja", encoding="utf-8")
    done = subprocess.run(
        [_console_script(), "periksa", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert "berkas" in done.stderr and str(path) in done.stderr


def test_template_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "templat.xlsx"
    assert main(["templat", str(path)]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(path)
    assert "Petunjuk" in wb.sheetnames and "Pegawai" in wb.sheetnames
    assert main(["templat", str(path)]) == 2
    exit_code, report = _periksa(path, capsys)
    assert exit_code == 1
    assert {p["sheet"] for p in report["masalah"] if p["severity"] == "galat"} == {"PK"}
