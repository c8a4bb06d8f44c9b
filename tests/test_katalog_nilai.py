"""Catalogue of bad cell *values*: each case edits one cell of a real workbook.

The packaged tiny plan is written to disk and edited with openpyxl the way a user (or
another program) would; a few cases then patch the sheet XML directly, for values
openpyxl itself never writes (``INF``, ``NaN`` and ``1e309`` in a numeric cell).
``sistemkerja periksa`` must name the sheet, row, column and entity key, in Indonesian,
exit with the right code, and leave the file untouched. File-level and command-line
cases live in ``tests/test_katalog_masukan_buruk.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from sistemkerja import contoh
from sistemkerja.cli import main
from sistemkerja.domain import PlanError
from sistemkerja.io import read_plan_problems, write_plan
from sistemkerja.optimasi import optimasi

Edit = Callable[[Workbook], None]

KECIL = contoh.load("kecil")
NIP = [p.nip for p in KECIL.pegawai]  # Excel rows 2..7
#: A number written by openpyxl as ``<v>123456789.25</v>``, then patched in the XML.
SENTINEL = 123456789.25

# English words or raw Python/exception text that must never reach a user.
_RAW = re.compile(
    r"\b(error|exception|valueerror|typeerror|keyerror|traceback|inf|infinity|nan|none|"
    r"true|false)\b|e\+\d",
    re.IGNORECASE,
)


def _col(ws, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"header {header!r} not in sheet {ws.title!r}")


def _set(sheet: str, row: int, header: str, value: object) -> Edit:
    def edit(wb: Workbook) -> None:
        ws = wb[sheet]
        ws.cell(row, _col(ws, header)).value = value

    return edit


def _param(name: str, value: object) -> Edit:
    def edit(wb: Workbook) -> None:
        ws = wb["Kebijakan"]
        for row in range(2, ws.max_row + 1):
            if ws.cell(row, 1).value == name:
                ws.cell(row, 2).value = value
                return
        raise AssertionError(name)

    return edit


def _clear_rows(sheet: str) -> Edit:
    def edit(wb: Workbook) -> None:
        ws = wb[sheet]
        ws.delete_rows(2, ws.max_row)

    return edit


def _append(sheet: str, values: list[object]) -> Edit:
    def edit(wb: Workbook) -> None:
        wb[sheet].append(values)

    return edit


def _both(*edits: Edit) -> Edit:
    def edit(wb: Workbook) -> None:
        for e in edits:
            e(wb)

    return edit


@dataclass(frozen=True)
class Case:
    """One catalogue case: an edit and the problem it must produce."""

    id: str
    edit: Edit
    sheet: str
    row: int | None
    column: str | None
    code: str
    key: str | None
    severity: str = "galat"
    #: Replace the sentinel number in the sheet XML by this text (``INF``…).
    xml: str | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.severity == "galat" else 0


CASES: list[Case] = [
    # -- numbers that are not finite -------------------------------------------------
    Case(
        "INF in a numeric cell",
        _set("Pegawai", 2, "Kapasitas (jam)", SENTINEL),
        "Pegawai",
        2,
        "Kapasitas (jam)",
        "not_finite",
        NIP[0],
        xml="INF",
    ),
    Case(
        "lower-case inf in a numeric cell",
        _set("Rincian Anggaran", 3, "Harga satuan (Rp)", SENTINEL),
        "Rincian Anggaran",
        3,
        "Harga satuan (Rp)",
        "not_finite",
        "K-2 / 524111 / Perjalanan dinas verifikasi",
        xml="inf",
    ),
    Case(
        "NaN in a numeric cell",
        _set("Beban Kegiatan", 2, "Norma waktu (jam)", SENTINEL),
        "Beban Kegiatan",
        2,
        "Norma waktu (jam)",
        "not_finite",
        "K-1 / Perencana / Ahli Pertama",
        xml="NaN",
    ),
    Case(
        "1e309 in a numeric cell (overflows to infinity)",
        _set("Kegiatan", 4, "Volume keluaran", SENTINEL),
        "Kegiatan",
        4,
        "Volume keluaran",
        "not_finite",
        "K-3",
        xml="1e309",
    ),
    Case(
        "INF typed as text in a number column",
        _set("Pegawai", 5, "Jam terikat", "INF"),
        "Pegawai",
        5,
        "Jam terikat",
        "not_finite",
        NIP[3],
    ),
    Case(
        "1e309 typed as text in the pagu",
        _set("Pagu", 2, "Pagu (Rp)", "1e309"),
        "Pagu",
        2,
        "Pagu (Rp)",
        "not_finite",
        "WA / 1234 / - / -",
    ),
    Case(
        "NaN typed in a whole-number column",
        _set("Tim Kerja", 3, "Anggota minimal", "NaN"),
        "Tim Kerja",
        3,
        "Anggota minimal",
        "not_finite",
        "TIM-B",
    ),
    # -- numbers too large, products that would overflow ----------------------------------
    Case(
        "1e308 volume",
        _set("Beban Kegiatan", 3, "Volume", 1e308),
        "Beban Kegiatan",
        3,
        "Volume",
        "value_too_large",
        "K-1 / Analis SDM Aparatur / -",
    ),
    Case(
        "volume × norma waktu beyond 10^15 jam",
        _both(
            _set("Beban Kegiatan", 4, "Volume", 1e10),
            _set("Beban Kegiatan", 4, "Norma waktu (jam)", 1e10),
        ),
        "Beban Kegiatan",
        4,
        "Norma waktu (jam)",
        "value_too_large",
        "K-2 / Perencana / Ahli Muda",
    ),
    Case(
        "volume × harga satuan beyond Rp 10^15",
        _both(
            _set("Rincian Anggaran", 2, "Volume", 1e9),
            _set("Rincian Anggaran", 2, "Harga satuan (Rp)", "1.000.000.000"),
        ),
        "Rincian Anggaran",
        2,
        "Harga satuan (Rp)",
        "value_too_large",
        "K-1 / 521211 / Konsumsi rapat",
    ),
    Case(
        "objective weight 1e308",
        _param("Bobot EJ tertinggi", 1e308),
        "Kebijakan",
        13,  # issue 11: one row below, under Bentuk MPH (after Periode penilaian)
        "Bobot EJ tertinggi",
        "weight_out_of_range",
        "Bobot EJ tertinggi",
    ),
    Case(
        "objective weight 5.000 (above 1.000)",
        _param("Bobot biaya (per juta Rp)", "5.000"),
        "Kebijakan",
        16,  # issue 11: one row below, under Bentuk MPH (after Periode penilaian)
        "Bobot biaya (per juta Rp)",
        "weight_out_of_range",
        "Bobot biaya (per juta Rp)",
    ),
    # -- hours beyond a year --------------------------------------------------------
    Case(
        "capacity above the hours of a year",
        _set("Pegawai", 3, "Kapasitas (jam)", 9000),
        "Pegawai",
        3,
        "Kapasitas (jam)",
        "hours_exceed_year",
        NIP[1],
    ),
    Case(
        "committed hours 10.000",
        _set("Pegawai", 4, "Jam terikat", "10.000"),
        "Pegawai",
        4,
        "Jam terikat",
        "hours_exceed_year",
        NIP[2],
    ),
    Case(
        "effective hours 10.000 in the policy",
        _param("Jam kerja efektif per tahun", "10.000"),
        "Kebijakan",
        5,
        "Jam kerja efektif per tahun",
        "hours_exceed_year",
        "Jam kerja efektif per tahun",
    ),
    Case(
        "fixed hours (Jam tetap) beyond a year",
        _append("Penetapan", [NIP[0], "Jam tetap", None, "K-1", 9000, None]),
        "Penetapan",
        2,
        "Jam",
        "hours_exceed_year",
        f"{NIP[0]} / - / K-1",
    ),
    # -- texts of invisible characters ---------------------------------------------------
    Case(
        "name of a zero-width space",
        _set("Pegawai", 6, "Nama", "\u200b"),
        "Pegawai",
        6,
        "Nama",
        "invisible_text",
        NIP[4],
    ),
    Case(
        "unit name of a byte-order mark and spaces",
        _set("Unit", 3, "Nama unit", " \ufeff "),
        "Unit",
        3,
        "Nama unit",
        "invisible_text",
        "PUS-DATA",
    ),
    Case(
        "activity name of no-break spaces",
        _set("Kegiatan", 5, "Nama kegiatan", "\u00a0\u00a0"),
        "Kegiatan",
        5,
        "Nama kegiatan",
        "missing_value",
        "K-4",
    ),
    Case(
        "evidence of only a word joiner (optional column)",
        _set("Kegiatan", 6, "Bukti dukung", "\u2060"),
        "Kegiatan",
        6,
        "Bukti dukung",
        "invisible_text",
        "K-5",
    ),
    # -- plausibility: readable, but probably a slip ----------------------------------------
    Case(
        "capacity 1.25 (meant 1.250 jam)",
        _set("Pegawai", 2, "Kapasitas (jam)", 1.25),
        "Pegawai",
        2,
        "Kapasitas (jam)",
        "implausible_capacity",
        NIP[0],
        severity="peringatan",
    ),
    Case(
        "capacity typed '1,25' (decimal comma)",
        _set("Pegawai", 3, "Kapasitas (jam)", "1,25"),
        "Pegawai",
        3,
        "Kapasitas (jam)",
        "implausible_capacity",
        NIP[1],
        severity="peringatan",
    ),
    Case(
        "policy effective hours 1,25",
        _param("Jam kerja efektif per tahun", "1,25"),
        "Kebijakan",
        5,
        "Jam kerja efektif per tahun",
        "implausible_capacity",
        "Jam kerja efektif per tahun",
        severity="peringatan",
    ),
    Case(
        "effort line of minutes typed as hours (0,01 jam per unit)",
        _set("Beban Kegiatan", 5, "Norma waktu (jam)", "0,01"),
        "Beban Kegiatan",
        5,
        "Norma waktu (jam)",
        "implausible_hours",
        "K-2 / Penata Layanan Operasional / -",
        severity="peringatan",
    ),
    Case(
        "effort line above ten person-years",
        _set("Beban Kegiatan", 6, "Norma waktu (jam)", "50.000"),
        "Beban Kegiatan",
        6,
        "Norma waktu (jam)",
        "implausible_hours",
        "K-3 / Penata Layanan Operasional / -",
        severity="peringatan",
    ),
    # -- empty plans ----------------------------------------------------------------
    Case("no staff", _clear_rows("Pegawai"), "Pegawai", None, None, "no_pegawai", None),
    Case(
        "no indicators",
        _clear_rows("Indikator"),
        "Indikator",
        None,
        None,
        "no_indikator",
        None,
    ),
    Case(
        "no activities",
        _clear_rows("Kegiatan"),
        "Kegiatan",
        None,
        None,
        "no_kegiatan",
        None,
    ),
]


@pytest.fixture(scope="module")
def kecil_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kecil") / "rencana_kecil.xlsx"
    write_plan(KECIL, path)
    return path


def _patch_xml(path: Path, new_text: str) -> None:
    """Replace the sentinel number's ``<v>`` text in every worksheet of ``path``."""
    old = f"<v>{SENTINEL!r}</v>".encode()
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item.filename)) for item in source.infolist()]
    hits = sum(data.count(old) for _, data in items)
    assert hits == 1, f"sentinel written {hits} times"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, data in items:
            target.writestr(item, data.replace(old, f"<v>{new_text}</v>".encode()))


def _broken(kecil_file: Path, tmp_path: Path, case: Case) -> Path:
    wb = openpyxl.load_workbook(kecil_file)
    case.edit(wb)
    path = tmp_path / "rusak.xlsx"
    wb.save(path)
    if case.xml is not None:
        _patch_xml(path, case.xml)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_catalogue_has_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_value_is_located_by_row_column_and_key(
    kecil_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Case
) -> None:
    path = _broken(kecil_file, tmp_path, case)
    before = _digest(path)

    exit_code = main(["periksa", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    text_exit = main(["periksa", str(path)])
    text = capsys.readouterr().out

    assert _digest(path) == before, "periksa changed the input file"
    assert exit_code == text_exit == case.exit_code
    assert report["valid"] is (case.exit_code == 0)
    where = (case.sheet, case.row, case.column, case.code)
    located = [
        p for p in report["masalah"] if (p["sheet"], p["row"], p["column"], p["code"]) == where
    ]
    assert located, f"expected {where} in {report['masalah']}"
    problem = located[0]
    assert problem["key"] == case.key
    assert problem["severity"] == case.severity
    message = problem["message"]
    assert message and not _RAW.search(message), message
    # the text report names sheet, row (with the key) and column on the same line
    wanted = f"lembar '{case.sheet}'"
    if case.row is not None:
        shown_key = case.key if case.key and case.key != case.column else None
        wanted += f", baris {case.row}" + (f" ({shown_key})" if shown_key else "")
    if case.column is not None:
        wanted += f", kolom '{case.column}'"
    assert any(
        line.startswith(("Galat di ", "Peringatan di ")) and wanted in line and message in line
        for line in text.splitlines()
    ), text
    # no problem at all carries raw English or Python text
    for p in report["masalah"]:
        assert not _RAW.search(p["message"]), p


def test_numeric_cell_openpyxl_cannot_load_leaves_the_rest_readable(
    kecil_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """INF in one numeric cell makes openpyxl refuse the file; the reader still reads it."""
    case = next(c for c in CASES if c.xml == "INF")
    path = _broken(kecil_file, tmp_path, case)
    # openpyxl leaves the file open when it refuses it; hand it a handle we close ourselves
    with path.open("rb") as handle, pytest.raises(ValueError):
        openpyxl.load_workbook(handle)
    plan, problems = read_plan_problems(path)
    assert plan is not None
    assert [p.code for p in problems] == ["not_finite"]
    # only that person's row is left out; every other sheet reads
    assert plan.pegawai == KECIL.pegawai[1:]
    assert (plan.kegiatan, plan.beban, plan.anggaran) == (
        KECIL.kegiatan,
        KECIL.beban,
        KECIL.anggaran,
    )
    # and the optimiser command refuses the workbook, naming the cell
    assert main(["optimasi", str(path), "--json"]) == 2
    refused = json.loads(capsys.readouterr().out)
    assert refused["status"] == "bad_input"
    assert [(p["sheet"], p["row"], p["key"]) for p in refused["masalah"]] == [
        ("Pegawai", 2, NIP[0])
    ]


def test_thousands_dot_still_reads_as_thousands(kecil_file: Path, tmp_path: Path) -> None:
    """``1.250`` is 1250 jam (no warning); ``1,25`` is 1,25 jam (warned as implausible)."""
    for text, hours, warned in (("1.250", 1250.0, False), ("1,25", 1.25, True)):
        wb = openpyxl.load_workbook(kecil_file)
        _set("Pegawai", 2, "Kapasitas (jam)", text)(wb)
        path = tmp_path / "kapasitas.xlsx"
        wb.save(path)
        plan, problems = read_plan_problems(path)
        assert plan is not None
        assert plan.pegawai[0].capacity_hours == hours
        codes = {p.code for p in problems}
        assert ("implausible_capacity" in codes) is warned
        if warned:
            hint = next(p for p in problems if p.code == "implausible_capacity").message
            assert "1.250" in hint and "1250" in hint


def test_invisible_characters_around_a_code_are_stripped(kecil_file: Path, tmp_path: Path) -> None:
    """A team code pasted with a zero-width space after it still names the team."""
    wb = openpyxl.load_workbook(kecil_file)
    _set("Kegiatan", 2, "Tim", "\ufeffTIM-A\u200b")(wb)
    path = tmp_path / "kode.xlsx"
    wb.save(path)
    plan, problems = read_plan_problems(path)
    assert plan is not None and problems == []
    assert plan.kegiatan[0].tim == "TIM-A"


@pytest.mark.parametrize("sheet", ["Pegawai", "Indikator", "Kegiatan"])
def test_optimiser_refuses_an_empty_plan(kecil_file: Path, tmp_path: Path, sheet: str) -> None:
    wb = openpyxl.load_workbook(kecil_file)
    _clear_rows(sheet)(wb)
    path = tmp_path / "kosong.xlsx"
    wb.save(path)
    plan, problems = read_plan_problems(path)
    assert plan is not None
    code = {"Pegawai": "no_pegawai", "Indikator": "no_indikator", "Kegiatan": "no_kegiatan"}
    empty = [p for p in problems if p.code == code[sheet]]
    assert [(p.sheet, p.row, p.column, p.is_error) for p in empty] == [(sheet, None, None, True)]
    with pytest.raises(PlanError) as refused:
        optimasi(plan)
    assert code[sheet] in {p.code for p in refused.value.problems}
