"""Catalogue of hand-edited result workbooks: each is refused with a clear Indonesian message.

``sistemkerja optimasi --keluaran HASIL.xlsx`` writes a result workbook; planners open it
in Excel and sometimes change it. ``sistemkerja laporan HASIL.xlsx`` must then either
report what it holds or refuse it with a message naming sheet, row and column — exit code
2, no traceback, no report written, the workbook itself unchanged.

The workbook is written once per module from the tiny plan ``kecil`` (proven optimal in
well under a second); every case edits a copy with openpyxl.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja import contoh
from sistemkerja.cli import main
from sistemkerja.label import judul_kolom
from sistemkerja.laporan.baca import read_result_workbook
from sistemkerja.laporan.xlsx import LEMBAR_JADWAL, LEMBAR_SKP, write_result_workbook
from sistemkerja.optimasi import optimasi


@pytest.fixture(scope="module")
def hasil():
    out = optimasi(contoh.load("kecil"), batas_waktu=300, celah=0)
    assert out.status == "optimal" and out.alokasi is not None
    return out


@pytest.fixture(scope="module")
def asli(hasil, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hasil") / "HASIL.xlsx"
    write_result_workbook(hasil, path)
    return path


def _kolom(ws: Worksheet, kode: str) -> int:
    """Column number of a column code (headers are Indonesian: ``porsi`` → ``Porsi (0–1)``)."""
    header = [c.value for c in ws[1]]
    return header.index(judul_kolom(kode, ws.title)) + 1


def _baris(ws: Worksheet, kolom: str, nilai: object) -> int:
    """Sheet row whose ``kolom`` holds ``nilai``."""
    c = _kolom(ws, kolom)
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=c).value == nilai:
            return r
    raise AssertionError(f"{nilai} tidak ada di kolom {kolom}")


def _sel(ws: Worksheet, row: int, kolom: str):
    return ws.cell(row=row, column=_kolom(ws, kolom))


def _rincian(wb, kode: str, nilai: object) -> int:
    ws = wb["Rincian teknis"]
    row = _baris(ws, "Kode", kode)
    _sel(ws, row, "Nilai").value = nilai
    return row


def _tambah_rincian(wb, kode: str, nilai: object) -> int:
    ws = wb["Rincian teknis"]
    ws.append([kode, "baris tambahan", nilai, ""])
    return ws.max_row


def _porsi_dua_kali(wb) -> int:
    """Copy the first assignment row: its effort line is then shared 200 %."""
    ws = wb["Penugasan"]
    ws.append([c.value for c in ws[2]])
    return 2


def _kosongkan_penugasan(wb) -> int:
    ws = wb["Penugasan"]
    ws.delete_rows(2, ws.max_row)
    return 2


def _hapus_kolom(wb, sheet: str, kolom: str) -> int:
    ws = wb[sheet]
    ws.delete_cols(_kolom(ws, kolom))
    return 1


# (name, edit(workbook) → row number, expected message with {row} filled in)
KASUS: list[tuple[str, Callable[[openpyxl.Workbook], int], str]] = [
    (
        "status_diubah",
        lambda wb: _rincian(wb, "status", "bagus"),
        "lembar Rincian teknis baris {row} kolom Nilai: status 'bagus' tidak dikenal; "
        "pilihan: optimal, feasible, infeasible, no_solution",
    ),
    (
        "status_dikosongkan",
        lambda wb: _rincian(wb, "status", None),
        "lembar Rincian teknis baris {row} kolom Nilai: status '' tidak dikenal",
    ),
    (
        "status_dihapus",
        lambda wb: (
            wb["Rincian teknis"].delete_rows(_baris(wb["Rincian teknis"], "Kode", "status")) or 0
        ),
        "lembar Rincian teknis kolom Kode: baris 'status' tidak ada",
    ),
    (
        "kode_status_ganda",
        lambda wb: _tambah_rincian(wb, "status", "optimal"),
        "lembar Rincian teknis baris {row} kolom Kode: 'status' sudah ada di baris 2",
    ),
    (
        "komponen_diganti_nama",
        lambda wb: (
            setattr(
                _sel(
                    wb["Rincian teknis"],
                    _baris(wb["Rincian teknis"], "Kode", "komponen.ej_maks"),
                    "Kode",
                ),
                "value",
                "komponen.ej_max",
            )
            or _baris(wb["Rincian teknis"], "Kode", "komponen.ej_max")
        ),
        "lembar Rincian teknis baris {row} kolom Kode: komponen 'ej_max' tidak dikenal; "
        "pilihan: ej_maks",
    ),
    (
        "komponen_ditambahkan",
        lambda wb: _tambah_rincian(wb, "komponen.bonus", 3),
        "lembar Rincian teknis baris {row} kolom Kode: komponen 'bonus' tidak dikenal",
    ),
    (
        "baris_lain_ditambahkan",
        lambda wb: _tambah_rincian(wb, "catatan_saya", "x"),
        "lembar Rincian teknis baris {row} kolom Kode: 'catatan_saya' tidak dikenal "
        "(baris ditambahkan?)",
    ),
    (
        "komponen_bukan_angka",
        lambda wb: _rincian(wb, "komponen.ej_maks", "banyak"),
        "lembar Rincian teknis baris {row} kolom Nilai: 'banyak' bukan angka",
    ),
    (
        "bobot_negatif",
        lambda wb: _rincian(wb, "bobot.ej_maks", -1),
        "lembar Rincian teknis baris {row} kolom Nilai: -1 tidak boleh negatif",
    ),
    (
        "waktu_bukan_angka",
        lambda wb: _rincian(wb, "waktu_solver", "lama"),
        "lembar Rincian teknis baris {row} kolom Nilai: 'lama' bukan angka",
    ),
    (
        "jumlah_pecahan",
        lambda wb: _rincian(wb, "jumlah.pegawai", 2.5),
        "lembar Rincian teknis baris {row} kolom Nilai: 2.5 bukan bilangan bulat",
    ),
    (
        "rincian_teknis_dihapus",
        lambda wb: wb.remove(wb["Rincian teknis"]) or 0,
        "lembar Rincian teknis: lembar tidak ada",
    ),
    (
        "penugasan_dihapus",
        lambda wb: wb.remove(wb["Penugasan"]) or 0,
        "lembar Penugasan: lembar tidak ada, padahal status hasil 'optimal' memuat alokasi",
    ),
    (
        "tim_dihapus",
        lambda wb: wb.remove(wb["Tim"]) or 0,
        "lembar Tim: lembar tidak ada, padahal status hasil 'optimal' memuat alokasi",
    ),
    (
        "penugasan_dikosongkan",
        _kosongkan_penugasan,
        "lembar Penugasan baris {row}: tidak ada penugasan sama sekali",
    ),
    (
        "porsi_500_persen",
        lambda wb: setattr(_sel(wb["Penugasan"], 2, "porsi"), "value", 5) or 2,
        "lembar Penugasan baris {row} kolom Porsi (0–1): 5 di luar 0–1 "
        "(bagian baris beban; 1 = 100 %)",
    ),
    (
        "porsi_negatif",
        lambda wb: setattr(_sel(wb["Penugasan"], 2, "porsi"), "value", -0.5) or 2,
        "lembar Penugasan baris {row} kolom Porsi (0–1): -0.5 di luar 0–1",
    ),
    (
        "baris_beban_dibagi_200_persen",
        _porsi_dua_kali,
        "lembar Penugasan kolom Porsi (0–1): porsi kegiatan ",
    ),
    (
        "jam_negatif",
        lambda wb: setattr(_sel(wb["Penugasan"], 2, "jam"), "value", -5) or 2,
        "lembar Penugasan baris {row} kolom Jam (jam): -5 tidak boleh negatif",
    ),
    (
        "kolom_jam_dihapus",
        lambda wb: _hapus_kolom(wb, "Penugasan", "jam"),
        "lembar Penugasan baris {row} kolom Jam (jam): judul kolom tidak ada",
    ),
    (
        "peran_tim_salah",
        lambda wb: setattr(_sel(wb["Tim"], 2, "peran"), "value", "Bos") or 2,
        "lembar Tim baris {row} kolom Peran: 'Bos' bukan peran tim; pilihan: Ketua Tim atau "
        "Anggota",
    ),
    (
        "tim_tidak_dikenal",
        lambda wb: setattr(_sel(wb["Tim"], 2, "tim"), "value", "TIM-ZZZ") or 2,
        "tim TIM-ZZZ tidak ada di lembar Tim Kerja",
    ),
]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("nama", "ubah", "pesan"), KASUS, ids=[k[0] for k in KASUS])
def test_hand_edited_result_workbook_is_refused(asli, tmp_path, capsys, nama, ubah, pesan):
    path = tmp_path / f"HASIL_{nama}.xlsx"
    shutil.copy(asli, path)
    wb = openpyxl.load_workbook(path)
    row = ubah(wb)
    wb.save(path)
    before = _sha(path)
    out = tmp_path / "laporan.html"
    assert main(["laporan", str(path), "--keluaran", str(out)]) == 2
    captured = capsys.readouterr()
    err = captured.err
    assert err.startswith(f"Galat: buku kerja hasil '{path}' tidak dapat dibaca:"), err
    assert pesan.format(row=row) in err, err
    assert "Traceback" not in err + captured.out
    assert not out.exists()  # no report from a refused workbook
    assert _sha(path) == before  # the input is never changed
    with pytest.raises(ValueError, match="lembar"):
        read_result_workbook(path)


def test_catalogue_is_large_enough():
    assert len(KASUS) >= 12


def test_every_problem_is_reported_at_once(asli, tmp_path):
    path = tmp_path / "HASIL_dua.xlsx"
    shutil.copy(asli, path)
    wb = openpyxl.load_workbook(path)
    _rincian(wb, "komponen.ej_maks", "banyak")
    _sel(wb["Penugasan"], 2, "porsi").value = 5
    wb.save(path)
    with pytest.raises(ValueError) as info:
        read_result_workbook(path)
    text = str(info.value)
    assert text.startswith("2 masalah:")
    assert "lembar Rincian teknis" in text and "lembar Penugasan baris 2 kolom Porsi (0–1)" in text


@pytest.mark.slow
def test_the_plain_summary_sheet_may_be_edited_or_deleted(asli, tmp_path, capsys):
    """``Ringkasan`` is for people: the report rebuilds it from ``Rincian teknis``."""
    path = tmp_path / "HASIL_ringkasan.xlsx"
    shutil.copy(asli, path)
    wb = openpyxl.load_workbook(path)
    wb["Ringkasan"]["B2"] = "sudah saya periksa"
    wb.save(path)
    out = tmp_path / "laporan.html"
    assert main(["laporan", str(path), "--keluaran", str(out)]) == 0
    assert "sudah saya periksa" not in out.read_text(encoding="utf-8")
    wb = openpyxl.load_workbook(path)
    wb.remove(wb["Ringkasan"])
    wb.save(path)
    assert main(["laporan", str(path), "--keluaran", str(out)]) == 2  # exists: --timpa
    assert main(["laporan", str(path), "--keluaran", str(out), "--timpa"]) == 0
    capsys.readouterr()


def test_a_year_beyond_excel_dates_is_written_as_text(hasil, tmp_path, capsys):
    """PK Tahun 99999 used to crash the writer (Excel dates end in 9999)."""
    plan = hasil.plan
    jauh = dataclasses.replace(
        hasil, plan=plan.with_changes(pk=dataclasses.replace(plan.pk, tahun=99999))
    )
    path = tmp_path / "HASIL_99999.xlsx"
    write_result_workbook(jauh, path)
    wb = openpyxl.load_workbook(path)
    jadwal = wb[LEMBAR_JADWAL]
    header = [c.value for c in jadwal[5]]
    mulai = jadwal.cell(row=6, column=header.index("Tanggal mulai") + 1).value
    selesai = jadwal.cell(row=6, column=header.index("Tanggal selesai") + 1).value
    assert isinstance(mulai, str) and mulai.startswith("01/") and mulai.endswith("/99999")
    assert isinstance(selesai, str) and selesai.endswith("/99999")
    skp = wb[LEMBAR_SKP]
    header = [c.value for c in skp[5]]
    assert str(skp.cell(row=6, column=header.index("Jatuh tempo") + 1).value).endswith("/99999")
    out = tmp_path / "laporan.html"
    assert main(["laporan", str(path), "--keluaran", str(out)]) == 0
    assert "99999" in out.read_text(encoding="utf-8")
    capsys.readouterr()
