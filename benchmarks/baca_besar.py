"""Time ``sistemkerja periksa`` on oversized plan workbooks (not a test; never timed in CI).

Usage::

    PYTHONPATH=. python benchmarks/baca_besar.py FOLDER [kasus ...]

Cases: ``baris`` (Pegawai sheet with 50,000 extra filled rows), ``sel_akhir`` (one
formatted, empty cell at row 1,048,576 of Pegawai), ``kolom_akhir`` (one formatted,
empty cell at column XFD of Pegawai), ``batas`` (a valid synthetic plan of exactly
5,000 Pegawai, the limit). Each case is written once, then ``periksa`` runs
in a subprocess; wall time and peak memory (``ru_maxrss``) are printed.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill

from sistemkerja import contoh
from sistemkerja.io import write_plan
from sistemkerja.io.buku_kerja import MAX_PEGAWAI

EXTRA_ROWS = 50_000


def _base(folder: Path) -> Path:
    path = folder / "dasar.xlsx"
    if not path.exists():
        write_plan(contoh.load("unit"), path)
    return path


def make(case: str, folder: Path) -> Path:
    target = folder / f"besar_{case}.xlsx"
    if target.exists():
        return target
    if case == "batas":
        write_plan(contoh.generate(MAX_PEGAWAI, seed=3), target)
        return target
    wb = openpyxl.load_workbook(_base(folder))
    ws = wb["Pegawai"]
    if case == "baris":
        template = [c.value for c in ws[2]]
        nip_col = next(c.column for c in ws[1] if c.value == "NIP") - 1
        for i in range(EXTRA_ROWS):
            values = list(template)
            values[nip_col] = f"19900101201501{1 + i % 2}{i:03d}"[:18].ljust(18, "0")
            ws.append(values)
    elif case == "sel_akhir":
        ws.cell(1_048_576, 1).fill = PatternFill("solid", fgColor="FFFF00")
    elif case == "kolom_akhir":
        ws.cell(2, 16_384).fill = PatternFill("solid", fgColor="FFFF00")
    else:
        raise SystemExit(f"kasus tidak dikenal: {case}")
    wb.save(target)
    return target


def main() -> None:
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    cases = sys.argv[2:] or ["sel_akhir", "kolom_akhir", "baris", "batas"]
    for case in cases:
        path = make(case, folder)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "sistemkerja.cli", "periksa", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest so far
        last = (done.stdout + done.stderr).strip().splitlines()[-1:] or [""]
        print(f"{case}: {wall:.1f} s, puncak {peak:.0f} MB, kode {done.returncode}: {last[0]}")


if __name__ == "__main__":
    main()
