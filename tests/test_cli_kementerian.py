"""`sistemkerja kementerian`: a folder of unit workbooks planned at once, and bad input."""

from __future__ import annotations

import openpyxl

from sistemkerja.cli import EXIT_OK, EXIT_USAGE, main
from sistemkerja.contoh.kementerian import generate_kementerian
from sistemkerja.io import write_plan


def _folder(tmp_path):
    folder = tmp_path / "rencana unit"
    folder.mkdir()
    kem = generate_kementerian(4, 40, seed=2, berbagi=3)
    for plan in kem.unit:
        write_plan(plan, folder / f"{plan.pk.unit}.xlsx")
    return folder, kem


def test_a_folder_of_unit_workbooks_is_planned_and_written(tmp_path, capsys):
    folder, kem = _folder(tmp_path)
    out = tmp_path / "hasil kementerian.xlsx"
    # a generous limit: the outcome must not depend on the machine's speed
    args = ["kementerian", str(folder), "--keluaran", str(out), "--pekerja", "0"]
    args += ["--batas-waktu", "300"]
    assert main([*args, "--maks-pegawai", "20"]) == EXIT_OK
    text = capsys.readouterr().out
    assert kem.pool(), "no shared pool: the run proves nothing about it"
    assert f"4 unit, {kem.jumlah_pegawai} pegawai, {len(kem.pool())} di pool bersama" in text
    assert "4 dari 4 unit berencana lengkap" in text
    assert "dipecah per tim menjadi 2 bagian" in text  # says where it split
    wb = openpyxl.load_workbook(out, read_only=True)
    assert [r[0] for r in wb["Unit"].iter_rows(min_row=2, values_only=True)] == kem.kode_unit()
    summary = dict(wb["Ringkasan"].iter_rows(min_row=2, values_only=True))
    assert summary["Kapasitas lintas unit"] == "terpenuhi"
    # the output exists now: refused without --timpa, nothing overwritten
    before = out.read_bytes()
    assert main(args) == EXIT_USAGE
    assert "--timpa" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_a_bad_unit_workbook_names_file_sheet_row_and_field(tmp_path, capsys):
    folder, _ = _folder(tmp_path)
    path = folder / "DIT-002.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Pegawai"]
    headers = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(headers, start=1) if str(h).startswith("Kapasitas"))
    ws.cell(3, col).value = "banyak"
    wb.save(path)
    out = tmp_path / "hasil.xlsx"
    assert main(["kementerian", str(folder), "--keluaran", str(out), "--pekerja", "0"]) == 2
    err = capsys.readouterr().err
    assert "DIT-002.xlsx" in err and "Pegawai" in err and "baris 3" in err
    assert not out.exists()


def test_a_folder_or_a_synthetic_size_is_needed(tmp_path, capsys):
    out = tmp_path / "hasil.xlsx"
    assert main(["kementerian", "--keluaran", str(out)]) == EXIT_USAGE
    assert "FOLDER" in capsys.readouterr().err
    assert main(["kementerian", "--sintetis", "dua", "--keluaran", str(out)]) == EXIT_USAGE
    assert "UNITxPEGAWAI" in capsys.readouterr().err
    assert main(["kementerian", str(tmp_path / "tidak ada"), "--keluaran", str(out)]) == 2
    assert "tidak ada" in capsys.readouterr().err


def test_a_synthetic_ministry_runs_without_files(tmp_path, capsys):
    out = tmp_path / "sintetis.xlsx"
    args = ["kementerian", "--sintetis", "2x20", "--keluaran", str(out), "--pekerja", "0"]
    args += ["--batas-waktu", "300"]
    assert main(args) == EXIT_OK
    assert "2 dari 2 unit berencana lengkap" in capsys.readouterr().out
    assert out.stat().st_size > 5_000
