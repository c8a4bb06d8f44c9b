"""`sistemkerja skenario`: the shipped example sweep end to end, and its bad input."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from sistemkerja.cli import EXIT_OK, EXIT_USAGE, main
from sistemkerja.io.skenario import baca_sapuan

ROOT = Path(__file__).resolve().parents[1]
CONTOH = ROOT / "data" / "skenario" / "contoh.yaml"


def test_example_sweep_runs_from_the_command_line_and_again_from_the_cache(tmp_path, capsys):
    out = tmp_path / "hasil sapuan"
    args = ["skenario", str(CONTOH), "--keluaran", str(out), "--pekerja", "2", "--tanpa-dokumen"]
    assert main(args) == EXIT_OK
    text = capsys.readouterr().out
    n = len(baca_sapuan(CONTOH).skenario) + 1  # the base plan is added
    assert f"{n} skenario dihitung, 0 dari tembolok" in text
    assert "- Rencana dasar: layak" in text or "- Rencana dasar: optimal" in text
    # the example's strict Ketua rule is infeasible, and says why in the user's terms
    assert "Ketua Ahli Madya ke atas: tidak layak — Tim " in text
    wb = openpyxl.load_workbook(out / "perbandingan.xlsx", read_only=True)
    assert wb["Perbandingan"].max_row == n + 1
    assert (out / "perbandingan.png").stat().st_size > 10_000

    assert main([*args, "--json"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert payload["dihitung"] == 0 and payload["dari_tembolok"] == n
    assert payload["skenario"][0]["nama"] == "Rencana dasar"


def test_a_bad_sweep_file_names_file_line_and_key(tmp_path, capsys):
    bad = tmp_path / "sapuan.yaml"
    bad.write_text(
        "rencana: contoh:kecil\n"
        "skenario:\n"
        "  - nama: Pagu negatif\n"
        "    perubahan:\n"
        "      - jenis: pagu_dikali\n"
        "        faktor: -2\n",
        encoding="utf-8",
    )
    assert main(["skenario", str(bad), "--keluaran", str(tmp_path / "out")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "sapuan.yaml baris 6" in err and "faktor" in err
    assert not (tmp_path / "out").exists()


def test_unknown_sample_and_missing_workbook_are_usage_errors(tmp_path, capsys):
    sweep = tmp_path / "s.yaml"
    one = "skenario:\n  - nama: Dasar saja\n"
    sweep.write_text("rencana: contoh:tidakada\n" + one, encoding="utf-8")
    assert main(["skenario", str(sweep), "--keluaran", str(tmp_path / "o")]) == EXIT_USAGE
    assert "contoh 'tidakada' tidak ada" in capsys.readouterr().err
    sweep.write_text("rencana: tidak-ada.xlsx\n" + one, encoding="utf-8")
    assert main(["skenario", str(sweep), "--keluaran", str(tmp_path / "o")]) == EXIT_USAGE
    assert "tidak-ada.xlsx" in capsys.readouterr().err
    assert main(["skenario", str(sweep), "--keluaran", str(tmp_path), "--pekerja", "-1"]) == 2
    assert "jumlah pekerja" in capsys.readouterr().err
